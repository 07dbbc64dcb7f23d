"""The widget as a visitor sees it, for the browser tests (Playwright locators pierce the widget's
open shadow root)."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

# A turn with the real servers takes well under a second; this only bounds a broken run.
TURN_TIMEOUT_MS = 30_000


class Widget:
    def __init__(self, page: Any) -> None:
        self.page = page
        self.launcher = page.locator(".hcmc-launcher")
        self.panel = page.locator(".hcmc-panel")
        self.log = page.locator(".hcmc-log")
        self.input = page.locator(".hcmc-input")
        self.typing = page.locator(".hcmc-typing")
        self.quick_replies = page.locator(".hcmc-quick-reply")
        self.status = page.locator(".hcmc-status")

    def visit(self, url: str) -> Widget:
        self.page.goto(url)
        self.ready()
        return self

    def ready(self) -> None:
        """Waits until the widget is connected and shows the conversation so far."""
        expect(self.page.locator("#hcmc-widget[data-state=ready]")).to_be_attached(
            timeout=TURN_TIMEOUT_MS
        )
        expect(self.page.locator(".hcmc")).to_be_visible()

    def open(self) -> None:
        self.launcher.click()
        expect(self.panel).to_be_visible()

    def bot_says(self, text: str) -> None:
        expect(self.page.locator(".hcmc-from-bot", has_text=text).last).to_be_visible(
            timeout=TURN_TIMEOUT_MS
        )

    def settled(self) -> None:
        """Waits until the assistant has answered the last message."""
        expect(self.typing).to_be_hidden(timeout=TURN_TIMEOUT_MS)

    def say(self, text: str) -> None:
        self.input.fill(text)
        self.input.press("Enter")
        self.settled()

    def press(self, title: str) -> None:
        self.quick_replies.filter(has_text=title).click()
        self.settled()

    def messages(self) -> list[str]:
        """Every message in the log, as "user: ..." / "bot: ..." lines."""
        texts: list[str] = self.page.locator(".hcmc-message").evaluate_all(
            """items => items.map(item => {
                 const from = item.classList.contains('hcmc-from-user') ? 'user'
                   : item.classList.contains('hcmc-from-bot') ? 'bot' : 'widget';
                 const text = item.querySelector('.hcmc-text');
                 return from + ': ' + (text ? text.textContent : item.textContent);
               })"""
        )
        return texts

    def focused(self) -> str:
        """The focused element inside the widget, as `tag.class`, or "page" when it is outside."""
        return str(
            self.page.evaluate(
                """() => {
                  const host = document.getElementById('hcmc-widget');
                  const active = host && host.shadowRoot.activeElement;
                  return active ? active.tagName.toLowerCase() + '.' + active.className : 'page';
                }"""
            )
        )

    def focused_text(self) -> str:
        return str(
            self.page.evaluate(
                """() => {
                  const active = document.getElementById('hcmc-widget').shadowRoot.activeElement;
                  return active ? active.textContent : '';
                }"""
            )
        )
