#!/usr/bin/env bash
# Browser tests drive Debian's Chromium through Playwright (Playwright's own browser
# download is not used); the Nu HTML Checker needs Java; the checkers come from npm.
# Install what is missing.
set -euo pipefail
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v npm >/dev/null || missing+=(npm)
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi
sudo=""
if [[ "$(id -u)" != "0" ]]; then
  sudo="sudo"
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
