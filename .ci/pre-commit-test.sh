#!/usr/bin/env bash
# Runs oerlint as a pre-commit hook for real: pre-commit (from PyPI) builds the hook from
# this repository and runs it in a scratch git repository holding a consistent issue and
# an inconsistent one. The first must pass, the second must fail; then, with the hook
# installed, a `git commit` that changes only the English of the consistent issue (the
# translations forgotten) must fail.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet pre-commit
export PRE_COMMIT_HOME="$work/cache"
# pre-commit builds the hook with `cargo install`, in a target folder of its own unless
# told otherwise: share the repository's, so the dependencies are built (and stored on
# the CI machine's disk) once. The hook's own crate is still built from the clone.
export CARGO_TARGET_DIR="$repo/target"
# `cargo install` builds the release profile: without optimisation here, as the hook's
# behaviour is the same and CI's time limit is not (an optimised build of the whole tree
# takes minutes on two cores). Users' installs are optimised as Cargo.toml says.
export CARGO_PROFILE_RELEASE_OPT_LEVEL=0 CARGO_PROFILE_RELEASE_DEBUG=false
# try-repo needs a commit of the hook repository: use a clean copy of the working tree.
git clone --quiet "$repo" "$work/hook"
tar -C "$repo" --exclude=./target --exclude=./.git -cf - . | tar -C "$work/hook" -xf -
(cd "$work/hook" && git add -A && git -c user.email=ci@oerlint -c user.name=ci commit --quiet -m "tree under test" --allow-empty)
mkdir -p "$work/site/good" "$work/site/bad"
cp "$repo"/fixtures/newsletter-ok/*.md "$work/site/good/"
cp "$repo"/fixtures/newsletter-errors/*.md "$work/site/bad/"
cd "$work/site"
git init --quiet
git add -A
git -c user.email=ci@oerlint -c user.name=ci commit --quiet -m "site"
echo "-- consistent issue: must pass"
"$work/venv/bin/pre-commit" try-repo "$work/hook" oerlint --files good/en.md good/fr.md good/ar.md
echo "-- inconsistent issue: must fail"
if "$work/venv/bin/pre-commit" try-repo "$work/hook" oerlint --files bad/fr.md; then
  echo "pre-commit passed on an inconsistent issue"
  exit 1
fi
echo "-- a commit that changes only the source: must fail"
cat > .pre-commit-config.yaml <<EOF
repos:
  - repo: $work/hook
    rev: $(git -C "$work/hook" rev-parse HEAD)
    hooks:
      - id: oerlint
EOF
git add .pre-commit-config.yaml
git -c user.email=ci@oerlint -c user.name=ci commit --quiet -m "hook configuration"
"$work/venv/bin/pre-commit" install --install-hooks >/dev/null
grep -q "Tuesday, 14 March 2023" good/en.md
sed -i 's/Tuesday, 14 March 2023/Tuesday, 21 March 2023/' good/en.md
git add good/en.md
if PATH="$work/venv/bin:$PATH" git -c user.email=ci@oerlint -c user.name=ci commit --quiet -m "webinar moved, English only"; then
  echo "pre-commit let a commit through that changed only the source"
  exit 1
fi
echo "pre-commit hook test: ok"
