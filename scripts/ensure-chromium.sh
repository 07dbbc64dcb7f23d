#!/usr/bin/env bash
# Makes sure Debian's chromium is there for the browser tests (tests/apps/web). Installs it with
# apt-get when running as root (CI); otherwise says how, and the tests skip with that reason.
set -uo pipefail
browser="${HCMC_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$browser" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests (apt-get)..."
  if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; then
    exit 0
  fi
  echo "Could not install chromium with apt-get: the browser tests will be skipped."
else
  echo "Chromium is not installed ($browser) and this is not root: the browser tests will be" \
    "skipped. Install it with: sudo apt-get install -y chromium"
fi
exit 0
