"""The widget as a visitor sees it, for the browser tests (Playwright locators pierce the widget's
open shadow root)."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

# A turn with the real servers takes well under a second; this only bounds a broken run.
TURN_TIMEOUT_MS = 30_000
# The button that confirms "Clear conversation", per widget language.
ERASE = {"en": "Erase", "fr": "Effacer", "nl": "Wissen"}


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
        self.counter = page.locator(".hcmc-counter")
        self.title = page.locator(".hcmc-title")
        self.typing_live = page.locator(".hcmc-typing-live")
        self.confirm = page.locator(".hcmc-confirm")
        self.clear = page.locator(".hcmc-clear")

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

    def clear_conversation(self) -> None:
        """Presses "Clear conversation", then "Erase" in the question it asks, and waits for the
        note that opens the new conversation."""
        self.clear.click()
        self.confirm.get_by_role("button", name=ERASE[self.language()], exact=True).click()
        expect(self.page.locator(".hcmc-from-user")).to_have_count(0, timeout=TURN_TIMEOUT_MS)
        expect(self.page.locator(".hcmc-from-widget").first).to_be_visible()

    def language(self) -> str:
        return str(self.page.evaluate("() => document.getElementById('hcmc-widget').lang"))

    def send_without_waiting(self, text: str) -> None:
        self.input.fill(text)
        self.input.press("Enter")

    def answer_start(self) -> Any:
        """The first item of the log after the visitor's last message (the greeting's first
        message when the visitor has written nothing)."""
        index = self.log.evaluate(
            """log => {
                 const items = Array.from(log.children);
                 let last = -1;
                 items.forEach((item, i) => { if (item.matches('.hcmc-from-user')) last = i; });
                 return last + 2;
               }"""
        )
        return self.log.locator(f":scope > :nth-child({index})")

    def scroll_top(self) -> float:
        return float(self.log.evaluate("log => log.scrollTop"))

    def assert_in_view_from_its_top(self, item: Any) -> None:
        """The item's top is inside the log's visible part; when the answer from it down to the
        end is taller than the log, the item is at the top of the view."""
        self.page.wait_for_timeout(100)  # the widget scrolls as the layout settles
        view = self.log.bounding_box()
        box = item.bounding_box()
        assert view is not None and box is not None
        assert view["y"] - 1 <= box["y"] <= view["y"] + view["height"] - 24, (box, view)
        overflows = self.log.evaluate(
            "log => log.scrollHeight - log.scrollTop > log.clientHeight + 2"
        )
        if overflows:
            assert box["y"] <= view["y"] + 32, (box, view)


class SocketGate:
    """Stands between the page and the assistant's socket.io connection (Playwright's WebSocket
    routing, which the page cannot tell apart): holds back what the server sends, to make an
    answer late, or drops one message the page sends, to lose it. Made before the page loads."""

    def __init__(self, page: Any) -> None:
        self.holding = False
        self.held: list[str | bytes] = []
        self.drop_text: str | None = None
        self.dropped: list[str] = []
        self.page_side: Any = None
        page.route_web_socket(re.compile(r".*/socket\.io/.*"), self._route)

    def _route(self, ws: Any) -> None:
        server = ws.connect_to_server()
        self.page_side = ws

        def to_server(message: str | bytes) -> None:
            if (
                self.drop_text is not None
                and isinstance(message, str)
                and '"user_uttered"' in message
                and self.drop_text in message
            ):
                self.dropped.append(message)
                self.drop_text = None
                return
            server.send(message)

        def to_page(message: str | bytes) -> None:
            if self.holding:
                self.held.append(message)
            else:
                ws.send(message)

        ws.on_message(to_server)
        server.on_message(to_page)

    def hold(self) -> None:
        """From now on, what the server sends waits until release()."""
        self.holding = True

    def release(self) -> None:
        self.holding = False
        held, self.held = self.held, []
        for message in held:
            self.page_side.send(message)

    def drop_next(self, text: str) -> None:
        """The next message the page sends containing `text` never reaches the server."""
        self.drop_text = text


def answer_the_knee_interview(widget: Widget) -> None:
    """From the first question to the location question: a left knee, no red flag."""
    widget.say("my knee has hurt for three weeks, worse on stairs")
    widget.press("Left")
    widget.say("it came on gradually")
    widget.say("6")
    widget.press("None of these")
    widget.press("None of these")
