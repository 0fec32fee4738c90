#!/usr/bin/env bash
# Regenerate the hash-pinned lock files from pyproject.toml (run after changing dependencies).
set -euo pipefail
cd "$(dirname "$0")/.."
uv="${UV:-uv}"
common=(--generate-hashes --python-version 3.11 --index-url https://pypi.org/simple -q)
"$uv" pip compile pyproject.toml "${common[@]}" -o requirements.lock
"$uv" pip compile pyproject.toml --extra test "${common[@]}" -o requirements-dev.lock
