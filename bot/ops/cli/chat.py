"""`make chat`: a conversation with the assistant in the terminal, over the REST channel.

Buttons are numbered: type the number to press one. Starts the servers itself when they are
not already running (`make run` in another terminal), and stops them on exit.
"""

from __future__ import annotations

import sys
import uuid
from typing import Any

from bot.config import load_settings
from bot.ops.rest_client import RestClient, reply_buttons
from bot.ops.supervisor import Stack, is_up

QUIT_WORDS = {"/quit", "/exit", "quit", "exit"}


def render(replies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for reply in replies:
        if reply.get("text"):
            print(f"HCMC > {reply['text']}")
    buttons = reply_buttons(replies)
    for number, button in enumerate(buttons, start=1):
        print(f"   [{number}] {button.get('title')}")
    return buttons


def chat(client: RestClient) -> None:
    print("Type your message (or /quit). Type a number to press a button.\n")
    buttons: list[dict[str, Any]] = []
    while True:
        try:
            text = input("You  > ").strip()
        except (EOFError, KeyboardInterrupt):
            print()
            return
        if text.lower() in QUIT_WORDS:
            return
        if text.isdigit() and 1 <= int(text) <= len(buttons):
            text = str(buttons[int(text) - 1].get("payload") or "")
        buttons = render(client.send(text))


def main() -> int:
    settings = load_settings()
    stack: Stack | None = None
    if not is_up(f"{settings.rasa_url}/"):
        print("Starting the assistant for this chat (about 20 seconds)...")
        stack = Stack(settings, settings.var_dir / "logs")
        stack.start()
        try:
            stack.wait_until_ready()
        except (RuntimeError, TimeoutError) as error:
            stack.stop()
            print(f"Could not start the assistant: {error}", file=sys.stderr)
            return 1
    try:
        chat(RestClient(settings.rest_webhook_url, sender=f"terminal-{uuid.uuid4().hex[:12]}"))
    finally:
        if stack is not None:
            stack.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
