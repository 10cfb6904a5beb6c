#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the Playwright end-to-end tests.
# Playwright's own browser download is never used: the tests run in the distribution's build.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "ensure-chromium: /usr/bin/chromium is missing and this user cannot install it (not root, no sudo)." >&2
  echo "ensure-chromium: install it with: apt-get install -y chromium" >&2
  exit 1
fi

echo "ensure-chromium: installing Debian's chromium…" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y chromium

if [ ! -x /usr/bin/chromium ]; then
  echo "ensure-chromium: chromium installed but /usr/bin/chromium is not there." >&2
  exit 1
fi
