#!/usr/bin/env bash
# Records oerlint's JSON output on the fixtures, the seed and ../shared/corpus, or
# compares it with a recording: a change that should only make oerlint faster (or move
# code) must give byte-identical output.
#
#   bash bench/same-output.sh record DIR [BINARY]    # write DIR/<case>.json
#   bash bench/same-output.sh compare DIR [BINARY]   # exit 1 and show a diff on any change
#
# BINARY defaults to target/release/oerlint (built if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:?record or compare}"
dir="${2:?a folder for the recording}"
bin="${3:-target/release/oerlint}"
[ -x "$bin" ] || cargo build --release --quiet
cases=()
for f in fixtures/*/ fixtures/rules/*/trigger/ fixtures/rules/*/silent/; do cases+=("$f"); done
[ -d ../shared/seed ] && cases+=(../shared/seed/)
if [ -d ../shared/corpus ]; then
  for c in ../shared/corpus/*/; do cases+=("$c"); done
fi
mkdir -p "$dir"
status=0
for c in "${cases[@]}"; do
  name="$(echo "${c%/}" | tr '/.' '__')"
  out="$("$bin" check "$c" --format json 2>/dev/null || true)"
  if [ "$mode" = record ]; then
    printf '%s\n' "$out" > "$dir/$name.json"
  elif ! diff -u "$dir/$name.json" <(printf '%s\n' "$out") > "$dir/$name.diff"; then
    echo "changed: $c (see $dir/$name.diff)"
    status=1
  else
    rm -f "$dir/$name.diff"
  fi
done
if [ "$mode" = record ]; then
  echo "recorded ${#cases[@]} cases in $dir"
elif [ "$status" = 0 ]; then
  echo "same output on ${#cases[@]} cases"
fi
exit "$status"
