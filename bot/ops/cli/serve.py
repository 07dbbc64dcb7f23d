"""One process of the assistant, for containers and process managers (one process each):
`python -m bot.ops.cli.serve rasa` or `python -m bot.ops.cli.serve actions`.

Writes the endpoints file from the settings (HCMC_* variables) and then becomes that server, so
that the container's signals reach Rasa directly.
"""

from __future__ import annotations

import argparse
import os
import sys

from bot.config import load_settings
from bot.ops.supervisor import action_server_command, rasa_environment, rasa_server_command
from bot.rasa_plugins.endpoints import write_endpoints
from bot.storage.sqlite import use_write_ahead_log


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("server", choices=["rasa", "actions"])
    args = parser.parse_args(argv)
    settings = load_settings()
    if args.server == "rasa":
        endpoints = write_endpoints(settings, settings.var_dir / "endpoints.yml")
        use_write_ahead_log(settings.tracker_database_url)
        command = rasa_server_command(settings, endpoints, settings.rasa_port)
    else:
        command = action_server_command(settings.action_port)
    sys.stdout.flush()
    os.execve(command[0], command, rasa_environment(settings))
    return 1  # not reached: execve replaces this process


if __name__ == "__main__":
    sys.exit(main())
