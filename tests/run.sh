#!/usr/bin/env bash
# Install the test dependencies, then run the whole test suite (lint + pytest).
# Browser tests need Debian's chromium (and a CJK font, so Chinese screenshots show
# characters), the replica tests nginx (deploy/serve.sh): installed here when missing
# and run as root.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}

"$PYTHON" -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/sbin/nginx ] \
   || ! fc-list 2>/dev/null | grep -i "noto.*cjk" >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -qq chromium fonts-noto-cjk nginx >/dev/null
  else
    echo "note: chromium or nginx is missing, so browser or replica tests will be" \
         "skipped (run as root on Debian/Ubuntu to have them installed)" >&2
  fi
fi
"$PYTHON" -m ruff check .
"$PYTHON" -m pytest "$@"
