#!/usr/bin/env bash
# The project's test command (README and .ci/run call exactly this): install, then run pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
# A virtual environment of the project's own (.venv), unless one is active: pip may not install into a
# system Python (PEP 668), and the tests must not depend on what happens to be installed there.
if [ -z "${VIRTUAL_ENV:-}" ]; then
    [ -x .venv/bin/python ] || python3 -m venv .venv
    # shellcheck disable=SC1091
    . .venv/bin/activate
fi
python -m pip install --quiet --disable-pip-version-check -e ".[test]"
# Browser tests drive Debian's chromium through Playwright (Playwright's own browser download is not used).
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
export NO_MKDOCS_2_WARNING=1
python -m pytest "$@"
