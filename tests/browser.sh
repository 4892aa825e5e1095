#!/usr/bin/env bash
# End-to-end browser test of the HTML report (docs/report.md). Installs nothing: without
# Chromium it says so and passes, except under CI=true, where it fails. CI installs it
# first (apt-get install -y chromium).
#
#   tests/browser.sh                 run the browser test (tests/html.rs, `browser_*`)
#   tests/browser.sh --screenshot    also regenerate docs/report.png
#
# OERLINT_CHROMIUM=/path/to/chromium selects another binary.
set -euo pipefail
cd "$(dirname "$0")/.."
chromium="${OERLINT_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "error: chromium is required under CI=true and is not installed (apt-get install chromium)"
    exit 1
  fi
  echo "skipped: chromium not installed (apt-get install chromium)"
  exit 0
fi
export OERLINT_CHROMIUM="$chromium"
cargo test --locked --test html -- --nocapture browser

if [ "${1:-}" = "--screenshot" ]; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  # Exit status 1: the example has errors.
  cargo run --quiet --locked -- check fixtures/newsletter-errors --format html -o "$tmp/report.html" || [ $? -eq 1 ]
  "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --host-resolver-rules='MAP * ~NOTFOUND' --user-data-dir="$tmp/profile" --hide-scrollbars \
    --screenshot="$PWD/docs/report.png" --window-size=1400,2700 "file://$tmp/report.html" 2>/dev/null
  echo "wrote docs/report.png"
fi
