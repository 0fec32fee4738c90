#!/usr/bin/env bash
# Browser tests drive Debian's Chromium through Playwright (Playwright's own browser
# download is not used). Install it when it is missing.
set -euo pipefail
if [[ -x /usr/bin/chromium ]]; then
  exit 0
fi
sudo=""
if [[ "$(id -u)" != "0" ]]; then
  sudo="sudo"
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
