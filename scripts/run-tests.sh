#!/usr/bin/env bash
# The project's test command (README and .ci/run call exactly this): install, then run pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --disable-pip-version-check -e ".[test]"
export NO_MKDOCS_2_WARNING=1
python3 -m pytest "$@"
