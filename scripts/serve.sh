#!/usr/bin/env bash
# Install what the guide needs and serve it on http://127.0.0.1:8000 (which redirects to the
# site path, /crossroads/); it rebuilds when docs/ or data/ change.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh runtime
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/mkdocs serve --strict --dev-addr 127.0.0.1:8000 "$@"
