"""The `rasa` command with the project's changes to Rasa 3.6 applied first
(bot/rasa_plugins/patches: the speed fixes, urgent advice through a staff takeover, no patient
text in its logs), each checked against the installed Rasa: a Rasa they were not written for
stops here.
`python -m bot.ops.cli.rasa_server run --model ...` takes the same arguments as `rasa run ...`."""

from __future__ import annotations

import sys

from bot.rasa_plugins.patches import apply_patches


def main() -> None:
    apply_patches()  # before Rasa configures its logging, which reads two of the patches
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
