#!/usr/bin/env bash
# Installs Debian's Chromium for the browser end-to-end test (Playwright drives it through
# playwright-core; no browser is downloaded by npm). Needs root or sudo; does nothing if present.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "Chromium sudah terpasang: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Memasang Chromium dari paket Debian…"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core poppler-utils > /dev/null
echo "Chromium terpasang: $(/usr/bin/chromium --version)"
