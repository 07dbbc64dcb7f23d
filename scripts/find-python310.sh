#!/usr/bin/env bash
# Prints the path of a working Python 3.10 (Rasa 3.6 supports 3.8-3.10 only), or explains how
# to install one. A pyenv shim can exist without the version being active, so each candidate is
# actually run.
set -u
candidates=()
[ -n "${PYTHON310:-}" ] && candidates+=("$PYTHON310")
candidates+=(python3.10)
for dir in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.10*/bin; do
  [ -x "$dir/python3.10" ] && candidates+=("$dir/python3.10")
done
candidates+=(/usr/bin/python3.10 /usr/local/bin/python3.10)
for candidate in "${candidates[@]}"; do
  if "$candidate" -c 'import sys, venv; assert sys.version_info[:2] == (3, 10)' >/dev/null 2>&1; then
    "$candidate" -c 'import sys; print(sys.executable)'
    exit 0
  fi
done
cat >&2 <<'MSG'
Python 3.10 was not found, and Rasa 3.6 needs it (it does not run on 3.11 or newer).
Install it, for example:
  pyenv install 3.10.13                      (with pyenv)
  apt-get install python3.10 python3.10-venv (on a distribution that packages it)
or point PYTHON310 at an existing interpreter: make run PYTHON310=/path/to/python3.10
MSG
exit 1
