#!/usr/bin/env bash
# Debian's chromium for the browser tests (tests/test_web_browser.py drive it with Playwright's
# Python package, which is pinned in the dev extras; no Playwright browser download is needed).
#   bash .ci/browser.sh     # installs chromium when /usr/bin/chromium is missing; else does nothing
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
echo "browser.sh: installing Debian's chromium" >&2
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2
test -x /usr/bin/chromium
