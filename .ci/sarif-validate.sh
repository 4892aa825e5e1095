#!/usr/bin/env bash
# Validates oerlint's SARIF with Microsoft's SARIF multitool (@microsoft/sarif-multitool from
# the npm registry: the JSON schema, the SARIF rules and GitHub code scanning's own "Gh"
# rules). Exits non-zero when the validator reports an error.
#
#   bash .ci/sarif-validate.sh FILE.sarif   # validate a SARIF file
#   bash .ci/sarif-validate.sh              # write the SARIF of fixtures/newsletter-errors
#                                           # with $OERLINT_BIN (default target/debug/oerlint,
#                                           # built if missing) and validate it
#
# Needs node and npm. The npm package carries a self-contained .NET build of the tool for
# linux-x64 (no .NET install needed). It is installed once into $SARIF_TOOL_DIR (default
# ~/.cache/oerlint/sarif-multitool). Warnings and notes are printed, not failed on.
set -euo pipefail
cd "$(dirname "$0")/.."

tool_dir="${SARIF_TOOL_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/oerlint/sarif-multitool}"
version="${SARIF_MULTITOOL_VERSION:-5.7.0}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ "$#" -ge 1 ]; then
  sarif="$1"
else
  bin="${OERLINT_BIN:-target/debug/oerlint}"
  if [ ! -x "$bin" ]; then
    cargo build --quiet --locked
  fi
  sarif="$work/newsletter-errors.sarif"
  set +e
  "$bin" check fixtures/newsletter-errors --format sarif > "$sarif"
  status=$?
  set -e
  # 1: the fixture has errors, as expected.
  if [ "$status" -ne 1 ]; then
    echo "error: oerlint check --format sarif exited with $status (expected 1)"
    exit 1
  fi
fi
if [ ! -s "$sarif" ]; then
  echo "error: $sarif is missing or empty"
  exit 1
fi

if [ ! -x "$tool_dir/node_modules/.bin/sarif-multitool" ]; then
  echo "== installing @microsoft/sarif-multitool@$version into $tool_dir"
  mkdir -p "$tool_dir"
  npm install --prefix "$tool_dir" --no-audit --no-fund --loglevel=error \
    "@microsoft/sarif-multitool@$version" >&2
fi

echo "== sarif-multitool validate $sarif"
report="$work/validation.sarif"
# The launcher runs the tool through a shell: a `;` inside an argument must be quoted for it.
npx --no-install --prefix "$tool_dir" sarif-multitool validate "$sarif" \
  --rule-kind '"Sarif;Gh"' --level '"Error;Warning"' \
  --output "$report" --log ForceOverwrite
# The tool exits 0 whatever it finds: count the errors in its report.
node - "$report" <<'EOF'
const fs = require("fs");
const log = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const results = log.runs.flatMap((r) => r.results || []);
// A result without a level is a warning (SARIF 3.27.10).
const errors = results.filter((r) => (r.level || "warning") === "error");
const warnings = results.filter((r) => (r.level || "warning") === "warning");
console.log(`sarif-multitool: ${errors.length} error(s), ${warnings.length} warning(s)`);
process.exit(errors.length > 0 ? 1 : 0);
EOF
