#!/usr/bin/env bash
# Installs HAProxy from Debian when it is missing and we are root; never fails the build.
set -u
if command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing HAProxy (Debian package)..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy) >/dev/null \
    || echo "Could not install HAProxy: the replica tests will be skipped."
  # The package may start a system service on :80; the project runs its own instances.
  if command -v service >/dev/null 2>&1; then service haproxy stop >/dev/null 2>&1 || true; fi
else
  echo "HAProxy is not installed (apt-get install haproxy): the replica tests will be skipped."
fi
exit 0
