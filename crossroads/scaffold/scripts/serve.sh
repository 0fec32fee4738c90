#!/usr/bin/env bash
# Install what the guide needs and serve it on http://127.0.0.1:8000/; it rebuilds when
# docs/ or data/ change, and shows data errors in the browser until they are fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/mkdocs serve --strict --dev-addr 127.0.0.1:8000 "$@"
