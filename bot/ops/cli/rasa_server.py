"""The `rasa` command with the project's changes to Rasa 3.6 applied: the speed fixes
(bot/rasa_plugins/patches/speedups.py), urgent advice through a staff takeover
(bot/rasa_plugins/channels/paused_red_flags.py) and no patient text in its logs
(bot/rasa_plugins/log_redaction.py). `python -m bot.ops.cli.rasa_server run --model ...` takes the
same arguments as `rasa run ...`."""

from __future__ import annotations

import sys

from bot.rasa_plugins import log_redaction as rasa_log_redaction
from bot.rasa_plugins.channels import paused_red_flags
from bot.rasa_plugins.patches.speedups import apply


def main() -> None:
    apply()
    paused_red_flags.apply()
    rasa_log_redaction.apply()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
