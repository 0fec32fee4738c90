#!/usr/bin/env bash
# Create .venv with the hash-locked packages the guide builds with, then the engine itself.
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-python3}"
if [[ ! -x .venv/bin/python ]]; then
  if ! "$python" -m venv .venv 2>/dev/null; then
    # Debian's own Python ships venv separately (python3-venv).
    rm -rf .venv
    sudo=""
    [[ "$(id -u)" == "0" ]] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-venv >/dev/null
    "$python" -m venv .venv
  fi
fi
stamp=".venv/.installed-$(cat requirements.lock requirements-engine.txt | sha256sum | cut -c1-16)"
if [[ ! -f "$stamp" ]]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
  # The engine itself; its own dependencies are the hash-locked packages above.
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps \
    -r requirements-engine.txt
  touch "$stamp"
fi
