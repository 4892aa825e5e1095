#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 600) one after the other and prints
# libFuzzer's final statistics line for each. Usage: fuzz/run-all.sh [SECONDS] [TARGET...]
# Seeds each corpus from the fixtures on first use. Needs cargo-fuzz
# (`cargo install cargo-fuzz`); runs on a stable toolchain through RUSTC_BOOTSTRAP=1.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-600}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(pipeline_one_file pipeline_three_files blocks extractors config)
fi
export RUSTC_BOOTSTRAP=1
cargo fuzz build -O -a
for t in "${targets[@]}"; do
  corpus=fuzz/corpus/$t
  if [ ! -d "$corpus" ]; then
    mkdir -p "$corpus"
    i=0
    while IFS= read -r -d '' f; do
      i=$((i + 1))
      if [ "$t" = config ]; then
        case "$f" in *.toml) cp "$f" "$corpus/seed$i" ;; esac
      else
        cp "$f" "$corpus/seed$i"
      fi
    done < <(find fixtures tests/regressions rules -type f -size -64k -print0)
  fi
  log=fuzz/artifacts/$t.log
  mkdir -p fuzz/artifacts
  cargo fuzz run -O -a "$t" -- -max_total_time="$secs" -max_len=65536 -timeout=20 \
    -print_final_stats=1 >"$log" 2>&1 || echo "$t: libFuzzer exited non-zero (see $log)"
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  echo "$t: $runs executions in ${secs} s"
done
