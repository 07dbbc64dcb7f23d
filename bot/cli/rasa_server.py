"""The `rasa` command with the project's speed fix to Rasa 3.6 applied (bot/rasa_speedups.py):
`python -m bot.cli.rasa_server run --model ...` takes the same arguments as `rasa run ...`."""

from __future__ import annotations

import sys

from bot.rasa_speedups import apply


def main() -> None:
    apply()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
