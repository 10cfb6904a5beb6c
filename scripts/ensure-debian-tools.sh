#!/usr/bin/env bash
# Makes sure the Debian programs the tests drive are installed: Chromium for the Playwright
# end-to-end tests (Playwright's own browser download is never used), the sqlite3 CLI (a ledger
# must open in the tools technicians have), CUPS (printing to an OS-installed printer by name),
# socat (serial printers as pseudo-terminal pairs) and Xvfb (the Electron smoke test's display).
set -euo pipefail

# program to look for → Debian package that brings it
declare -A NEEDED=(
  [/usr/bin/chromium]=chromium
  [/usr/bin/sqlite3]=sqlite3
  [/usr/sbin/cupsd]=cups
  [/usr/bin/lpstat]=cups-client
  [/usr/sbin/lpadmin]=cups-client
  [/usr/bin/socat]=socat
  [/usr/bin/xvfb-run]=xvfb
)

missing=()
for program in "${!NEEDED[@]}"; do
  [ -x "$program" ] || missing+=("${NEEDED[$program]}")
done
[ ${#missing[@]} -eq 0 ] && exit 0
# one name each, in a stable order
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)

if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "ensure-debian-tools: missing ${missing[*]} and this user cannot install them (not root, no sudo)." >&2
  echo "ensure-debian-tools: install them with: apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "ensure-debian-tools: installing ${missing[*]}…" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y "${missing[@]}"

if [ ! -x /usr/bin/chromium ]; then
  echo "ensure-debian-tools: chromium installed but /usr/bin/chromium is not there." >&2
  exit 1
fi
