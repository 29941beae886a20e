#!/usr/bin/env bash
# Make sure Debian's chromium and chromedriver are there for the browser tests (idempotent:
# nothing is installed when both are present). Needs root to install; never downloads a
# browser of its own.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "chromium/chromedriver missing: sudo apt-get install chromium chromium-driver" >&2
  exit 0  # the browser tests then skip outside CI (and fail in CI)
fi
echo "installing chromium and chromium-driver…" >&2
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  chromium chromium-driver fonts-dejavu-core >&2
