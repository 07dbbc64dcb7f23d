"""Staff accounts, managed from the command line:

python -m bot.apps.review.accounts add NAME --role admin     (asks for the password; or on stdin)
python -m bot.apps.review.accounts remove NAME
python -m bot.apps.review.accounts list
"""

from __future__ import annotations

import argparse
import getpass
import re
import sys
from datetime import datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Engine

from bot.apps.review.database import review_engine
from bot.apps.review.passwords import MIN_LENGTH, hash_password
from bot.storage.tables import sessions, staff

ROLES = ("reviewer", "admin")
USERNAME = re.compile(r"^[A-Za-z0-9_.@-]{2,64}$")


def add_account(engine: Engine, username: str, password: str, role: str) -> None:
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if not USERNAME.match(username):
        raise ValueError("username: 2-64 letters, digits or . _ @ -")
    # The password may not lean on the account's own name (bot/apps/review/passwords.py).
    password_hash = hash_password(password, user_inputs=(username, *re.split(r"[_.@-]", username)))
    with engine.begin() as connection:
        if connection.execute(select(staff.c.id).where(staff.c.username == username)).first():
            raise ValueError(f"{username} already exists")
        connection.execute(
            insert(staff).values(
                username=username,
                password_hash=password_hash,
                role=role,
                created_at=datetime.utcnow(),
            )
        )


def remove_account(engine: Engine, username: str) -> bool:
    with engine.begin() as connection:
        connection.execute(delete(sessions).where(sessions.c.username == username))
        return bool(connection.execute(delete(staff).where(staff.c.username == username)).rowcount)


def list_accounts(engine: Engine) -> list[tuple[str, str]]:
    with engine.connect() as connection:
        rows = connection.execute(select(staff.c.username, staff.c.role).order_by(staff.c.username))
        return [(row.username, row.role) for row in rows]


def read_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass(
            f"Password ({MIN_LENGTH} characters or more, hard to guess: a few unrelated words "
            "or a password manager's random password): "
        )
        if getpass.getpass("Again: ") != first:
            raise ValueError("the two passwords differ")
        return first
    return sys.stdin.readline().rstrip("\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.apps.review.accounts", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    add = commands.add_parser("add", help="create a staff account")
    add.add_argument("username")
    add.add_argument("--role", choices=ROLES, default="reviewer")
    remove = commands.add_parser("remove", help="delete a staff account and its sessions")
    remove.add_argument("username")
    commands.add_parser("list", help="list staff accounts")
    args = parser.parse_args(argv)
    engine = review_engine()
    try:
        if args.command == "add":
            add_account(engine, args.username, read_password(), args.role)
            print(f"Created {args.role} {args.username}.")
        elif args.command == "remove":
            if not remove_account(engine, args.username):
                print(f"No account {args.username}.", file=sys.stderr)
                return 1
            print(f"Removed {args.username}.")
        else:
            for username, role in list_accounts(engine):
                print(f"{username}\t{role}")
    except ValueError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
