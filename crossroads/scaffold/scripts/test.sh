#!/usr/bin/env bash
# Check the guide as CI does: every data, marker, link, nav and anchor check, the editors'
# schemas, then a strict build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
.venv/bin/python -m crossroads check --strict .
# The JSON Schemas editors use come from the engine: after an upgrade, this names the fix.
.venv/bin/python -m crossroads schemas check .
NO_MKDOCS_2_WARNING=1 exec .venv/bin/mkdocs build --strict --site-dir "${1:-site}"
