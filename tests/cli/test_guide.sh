#!/bin/bash
# docs/guide.md cannot rot: every ```lua block is written where its `file=` says (in a temp
# scenarios folder; `append` adds to the file, `base=` starts from a copy of another file),
# and after each block the scenario is linted, run and (when it has tests/) tested. A block
# marked lint=fail must make `flank lint` exit 1 with the lines of the ```text block after it.
# ```sh blocks are run too, with `flank` being the binary under test.
# Usage: bash test_guide.sh <path-to-flank> <repo-root>
FLANK=${1:?flank binary}
ROOT=${2:?repo root}
GUIDE="$ROOT/docs/guide.md"
case "$FLANK" in /*) ;; *) FLANK="$PWD/$FLANK" ;; esac
fail=0
bad() { echo "FAIL: $*"; fail=1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/blocks" "$tmp/scenarios"
export FLANK_SCENARIOS="$tmp/scenarios"

# split the guide into numbered blocks plus an index: N <tab> lang <tab> info
awk -v dir="$tmp/blocks" '
  /^```[a-z]+/ && !inb { inb = 1; n++; lang = substr($0, 4); info = ""; sp = index(lang, " ");
                         if (sp) { info = substr(lang, sp + 1); lang = substr(lang, 1, sp - 1) }
                         f = sprintf("%s/%03d", dir, n); printf "" > f;
                         printf "%03d\t%s\t%s\n", n, lang, info > (dir "/index"); next }
  /^```$/ && inb { inb = 0; close(f); next }
  inb { print > f }' "$GUIDE"
[ -s "$tmp/blocks/index" ] || { echo "FAIL: no code blocks found in $GUIDE"; exit 1; }

# flank test is written by another helper; use it when this build has it
have_test=1
if "$FLANK" test "$ROOT/scenarios/tutorial" 2>&1 | grep -q "not available"; then
  have_test=0
  echo "note: flank test is not available in this build; the guide's tests are not run"
fi

steps=0 last_lint="" expect_text=0
while IFS=$'\t' read -r n lang info; do
  block="$tmp/blocks/$n"
  if [ "$lang" = text ]; then
    if [ "$expect_text" = 1 ]; then
      while IFS= read -r want; do
        [ -z "$want" ] && continue
        grep -qF "/$want" <<<"$last_lint" || bad "block $n: lint output lacks '$want'; got: $last_lint"
      done <"$block"
    fi
    expect_text=0
    continue
  fi
  expect_text=0
  if [ "$lang" = sh ]; then
    ( cd "$tmp/scenarios" && flank() { "$FLANK" "$@"; } && set -e && source "$block" ) >"$tmp/out" 2>&1 ||
      bad "block $n (sh) failed: $(cat "$tmp/out")"
    continue
  fi
  [ "$lang" = lua ] || continue
  file=$(sed -n 's/.*file=\([^ ]*\).*/\1/p' <<<"$info")
  [ -n "$file" ] || { bad "block $n: a lua block without file=... cannot be tested; give it one"; continue; }
  base=$(sed -n 's/.*base=\([^ ]*\).*/\1/p' <<<"$info")
  target="$tmp/scenarios/$file"
  mkdir -p "$(dirname "$target")"
  [ -n "$base" ] && cp "$tmp/scenarios/$base" "$target"
  if grep -qw append <<<"$info"; then cat "$block" >>"$target"; else cp "$block" "$target"; fi
  case "$file" in */tests/*) sdir="$tmp/scenarios/${file%%/tests/*}" ;; *) sdir=$(dirname "$target") ;; esac
  steps=$((steps + 1))
  last_lint=$("$FLANK" lint "$sdir" 2>&1); rc=$?
  if grep -q "lint=fail" <<<"$info"; then
    [ "$rc" -eq 1 ] || bad "block $n ($file): lint should fail (exit 1), got $rc: $last_lint"
    expect_text=1
    continue
  fi
  [ "$rc" -eq 0 ] && [ -z "$last_lint" ] || bad "block $n ($file): flank lint exit $rc: $last_lint"
  out=$("$FLANK" run "$sdir" 2>&1) || bad "block $n ($file): flank run failed: $out"
  if [ -d "$sdir/tests" ] && [ "$have_test" = 1 ]; then
    out=$("$FLANK" test "$sdir" 2>&1) || bad "block $n ($file): flank test failed: $out"
  fi
done <"$tmp/blocks/index"

[ "$steps" -ge 8 ] || bad "only $steps lua steps found in the guide"
echo "guide steps checked: $steps"
[ $fail -eq 0 ] && echo "test_guide: ok"
exit $fail
