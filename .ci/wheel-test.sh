#!/usr/bin/env bash
# The hook that installs in seconds: build the Python wheel that carries the oerlint
# binary (maturin, `bindings = "bin"`), install it into a fresh virtual environment with
# no compiler involved, and run it from pre-commit through the documented
# `language: system` hook (README). A commit of an inconsistent issue must fail, a
# consistent one pass.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/build"
"$work/build/bin/pip" install --quiet "maturin>=1.5,<2" pre-commit
# The dev profile reuses what `cargo test` built; a release wheel is `maturin build --release`.
(cd "$repo" && "$work/build/bin/maturin" build --quiet --profile dev --out "$work/dist")
wheel="$(ls "$work"/dist/oerlint-*.whl)"
echo "-- built $(basename "$wheel")"
# A fresh environment: pip must install the wheel as is (nothing to compile).
python3 -m venv "$work/user"
"$work/user/bin/pip" install --quiet --no-index --only-binary :all: "$wheel"
"$work/user/bin/oerlint" --version
mkdir -p "$work/site/good" "$work/site/bad"
cp "$repo"/fixtures/newsletter-ok/*.md "$work/site/good/"
cp "$repo"/fixtures/newsletter-errors/*.md "$work/site/bad/"
cat > "$work/site/.pre-commit-config.yaml" <<'YAML'
repos:
  - repo: local
    hooks:
      - id: oerlint
        name: oerlint (translation consistency)
        entry: oerlint check
        language: system
        files: '\.(md|markdown|mdx|txt)$'
        require_serial: true
YAML
cd "$work/site"
git init --quiet
git add -A
git -c user.email=ci@oerlint -c user.name=ci commit --quiet -m "site" --no-verify
export PRE_COMMIT_HOME="$work/cache"
export PATH="$work/user/bin:$PATH"
echo "-- consistent issue through the wheel's binary: must pass"
"$work/build/bin/pre-commit" run oerlint --files good/en.md good/fr.md good/ar.md
echo "-- inconsistent issue: must fail"
if "$work/build/bin/pre-commit" run oerlint --files bad/fr.md; then
  echo "pre-commit passed on an inconsistent issue"
  exit 1
fi
echo "wheel and pre-commit (language: system) test: ok"
