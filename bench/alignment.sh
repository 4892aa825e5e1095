#!/usr/bin/env bash
# Alignment accuracy (issue 15): bead precision/recall against the hand-checked gold set
# in bench/gold/, mutants of the corpus and fixtures (found / false findings added), and
# content-missing findings on the intact corpus. Needs ../shared/corpus/.
# Usage: bash bench/alignment.sh   (prints Markdown tables; see docs/alignment.md)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --release --quiet --test gold -- --ignored --nocapture gold_alignment 2>/dev/null | grep '^|'
cargo test --release --quiet --test mutants -- --ignored --nocapture 2>/dev/null \
  | grep -E '^\||content-missing findings on|same commands|^  check by hand|^unaligned when intact'
