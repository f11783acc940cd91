#!/usr/bin/env bash
# Run by `mvn verify` before the integration tests, which need a real Redis and a real Chromium: on a machine that
# lacks one, say in one sentence what is missing and how to get it, instead of failing test by test.
#   check-test-tools.sh <skipTests> <skipITs> <chromium binary> <chromedriver binary>
set -euo pipefail
skip_tests=$1 skip_its=$2 chromium=$3 chromedriver=$4
if [ "$skip_tests" = true ] || [ "$skip_its" = true ]; then
    exit 0
fi

missing=()
command -v redis-server >/dev/null || missing+=("redis-server (package redis-server)")
command -v redis-cli >/dev/null || missing+=("redis-cli (package redis-tools)")
[ -x "$chromium" ] || missing+=("$chromium (package chromium, or -Dchromium.binary=...)")
[ -x "$chromedriver" ] || missing+=("$chromedriver (package chromium-driver, or -Dchromedriver.binary=...)")

if [ ${#missing[@]} -gt 0 ]; then
    list=$(printf '%s, ' "${missing[@]}")
    echo "The integration tests need ${list%, }, which this machine lacks: install them with" \
        "'sudo apt-get update && sudo apt-get install -y redis-server chromium chromium-driver'" \
        "(what .ci/run does), or skip the integration tests with -DskipITs." >&2
    exit 1
fi
