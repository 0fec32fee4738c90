#!/usr/bin/env bash
# Create .venv and install the locked dependencies (with hashes) and the crossroads package.
# Usage: scripts/bootstrap.sh [runtime|dev]
set -euo pipefail
cd "$(dirname "$0")/.."
kind="${1:-runtime}"
lock="requirements.lock"
[[ "$kind" == "dev" ]] && lock="requirements-dev.lock"

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
stamp=".venv/.installed-$kind-$(sha256sum "$lock" pyproject.toml | sha256sum | cut -c1-16)"
if [[ ! -f "$stamp" ]]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r "$lock"
  # The package itself is used in place (what an editable install does), so no build
  # backend has to be downloaded outside the hash-checked lock file.
  site_packages="$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
  pwd > "$site_packages/crossroads-project.pth"
  # The `crossroads` command (`crossroads new DIR`), as an install would create it.
  printf '#!/bin/sh\nexec "%s/.venv/bin/python" -m crossroads "$@"\n' "$(pwd)" > .venv/bin/crossroads
  chmod +x .venv/bin/crossroads
  touch "$stamp"
fi
