#!/usr/bin/env bash
# Create .venv with the hash-locked packages the guide builds with, then the engine itself
# (vendor/, pinned with its hash in requirements-engine.txt).
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
  # The engine itself, the wheel in vendor/ whose hash requirements-engine.txt pins; its own
  # dependencies are the hash-locked packages above. Reinstalled even at the same version
  # number, since `crossroads upgrade` may bring a newer build of it.
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps \
    --require-hashes --force-reinstall -r requirements-engine.txt
  touch "$stamp"
fi
