#!/usr/bin/env bash
# Install what the tests need (Python packages, Debian's Chromium) and run the whole suite:
# lint, format check, strict type check, then pytest (site build, bad input, browser tests).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh dev
scripts/install_system_packages.sh
# The Nu HTML Checker (vnu-jar, run with Java) and axe-core, pinned in package-lock.json.
npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
exec .venv/bin/pytest "$@"
