#!/usr/bin/env bash
# Hostile inputs in a release build: time, peak RSS and output size of every hostile
# input of tests/reliability.rs and of issue #13 (not a timed test: a table for
# docs/reliability.md). Usage: bash bench/hostile.sh [WORKDIR]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$(mktemp -d)}"
cd "$repo"
cargo build --release --locked --quiet --bin oerlint --example gen_corpus
python3 "$repo/bench/hostile.py" "$repo/target/release/oerlint" "$work" "$repo/target/release/examples/gen_corpus"
