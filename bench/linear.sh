#!/usr/bin/env bash
# Cost in input size: one multilingual file (English, then French, then Arabic) made of
# N issues of the benchmark corpus, for sizes of about 5, 10, 25 and 50 MB; prints the
# wall time and peak RSS of `oerlint check` on each. Run bench/run.sh WORKDIR first.
# Usage: bash bench/linear.sh WORKDIR
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:?usage: bench/linear.sh WORKDIR (the folder bench/run.sh used)}"
bin="$repo/target/release/oerlint"
for n in 450 900 2250 4500; do
  python3 - "$work/corpus-10000" "$n" "$work/one-$n.md" <<'PY'
import glob, os, sys
corpus, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
dirs = sorted(glob.glob(os.path.join(corpus, "*", "issue-*")))[:n]
with open(out, "w", encoding="utf-8") as f:
    for lang in ("en", "fr", "ar"):
        for d in dirs:
            f.write(open(os.path.join(d, lang + ".md"), encoding="utf-8").read())
            f.write("\n\n")
PY
  size=$(stat -c %s "$work/one-$n.md")
  /usr/bin/time -f "$n issues, $size bytes: %e s, peak RSS %M KB" \
    "$bin" check "$work/one-$n.md" --format json --max-file-size 100000000 >/dev/null || true
done
