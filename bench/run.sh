#!/usr/bin/env bash
# The oerlint benchmark: builds the release binary, generates synthetic corpora with a
# fixed seed, and measures single-issue latency, corpus throughput at N=1,000 and
# N=10,000, scaling from 1 to 2 threads, peak memory, and the same aligned segment pairs
# checked by translate-toolkit's pofilter (installed from PyPI into a virtual env).
# Usage: bash bench/run.sh [WORKDIR]   (prints a Markdown table; see docs/performance.md)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
cd "$repo"
cargo build --release --locked --quiet --bin oerlint --example gen_corpus
if [ ! -x "$work/venv/bin/pofilter" ]; then
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install --quiet translate-toolkit
fi
python3 "$repo/bench/measure.py" "$repo/target/release/oerlint" "$repo/target/release/examples/gen_corpus" "$work" "$work/venv/bin/pofilter"
