#!/usr/bin/env bash
# Install what the tests need and run them: lint, format check, strict type check, pytest.
#   scripts/test.sh            the whole suite (CI): also installs Debian's Chromium, Java and
#                              npm and the pinned npm checkers, for browser and HTML checks
#   scripts/test.sh --quick    the quick tier: the same checks, `crossroads check`, and every
#                              test not marked browser or slow (the strict build of the guide
#                              is the first test's fixture), on two processes (pytest-xdist,
#                              a module's tests together, so module fixtures run once); no
#                              Chromium, Java or npm needed
# Further arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=false
if [[ "${1:-}" == "--quick" ]]; then
  quick=true
  shift
fi
scripts/bootstrap.sh dev
if ! $quick; then
  scripts/install_system_packages.sh
  # The Nu HTML Checker (vnu-jar, run with Java) and axe-core, pinned in package-lock.json.
  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
fi
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
if $quick; then
  .venv/bin/python -m crossroads check
  exec .venv/bin/pytest -m "not browser and not slow" -n 2 --dist loadfile "$@"
fi
exec .venv/bin/pytest "$@"
