"""`make run`: starts the action server and the Rasa server, prints where to talk to them."""

from __future__ import annotations

import signal
import sys
from types import FrameType

from bot.cli.stack import Stack
from bot.config import load_settings


def main() -> int:
    settings = load_settings()
    stack = Stack(settings, settings.var_dir / "logs")

    def shut_down(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, shut_down)
    print("Starting the action server and the Rasa server (this takes about 20 seconds)...")
    stack.start()
    try:
        stack.wait_until_ready()
        print(
            "\nThe HCMC assistant is running.\n"
            f"  REST channel:   POST {settings.rest_webhook_url}\n"
            '                  body: {"sender": "any-id", "message": "hello"}\n'
            f"  Action server:  http://{settings.rasa_host}:{settings.action_port}\n"
            f"  Conversations:  {settings.tracker_database_url}\n"
            f"  Logs:           {settings.var_dir / 'logs'}\n"
            "Talk to it in a terminal with `make chat` (in another terminal). Ctrl-C stops it.\n",
            flush=True,
        )
        return stack.wait()
    except KeyboardInterrupt:
        return 0
    except (RuntimeError, TimeoutError) as error:
        print(f"Could not start the assistant: {error}", file=sys.stderr)
        return 1
    finally:
        stack.stop()


if __name__ == "__main__":
    sys.exit(main())
