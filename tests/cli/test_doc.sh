#!/bin/bash
# flank doc: docs/api.md and docs/flank.d.lua are generated from the API registration;
# the committed files must be current (flank doc --check), and --check must notice drift.
# Usage: bash test_doc.sh <path-to-flank> <repo-root>
FLANK=${1:?flank binary}
ROOT=${2:?repo root}
fail=0
bad() { echo "FAIL: $*"; fail=1; }
cd "$ROOT" || exit 1

"$FLANK" doc --check || bad "committed docs are stale: run 'flank doc' and commit docs/api.md and docs/flank.d.lua"

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$FLANK" doc --out "$tmp" >/dev/null || bad "flank doc --out failed"
cmp -s "$tmp/api.md" docs/api.md || bad "generated api.md differs from docs/api.md"
cmp -s "$tmp/flank.d.lua" docs/flank.d.lua || bad "generated flank.d.lua differs from docs/flank.d.lua"

# --check must fail on a stale or missing file, and pass again after regenerating
echo "stale line" >>"$tmp/api.md"
"$FLANK" doc --check --out "$tmp" >/dev/null 2>&1; [ $? -eq 1 ] || bad "--check did not notice a changed api.md"
rm "$tmp/flank.d.lua"
"$FLANK" doc --check --out "$tmp" >/dev/null 2>&1; [ $? -eq 1 ] || bad "--check did not notice a missing flank.d.lua"
"$FLANK" doc --out "$tmp" >/dev/null && "$FLANK" doc --check --out "$tmp" >/dev/null || bad "regenerating did not make --check pass"

# every function of the editor definitions is documented in api.md with an example
fns=$(grep -o '^function flank\.[a-z_]*\.[a-z_]*' docs/flank.d.lua | sed 's/^function //')
[ "$(wc -l <<<"$fns")" -ge 30 ] || bad "too few API functions in flank.d.lua"
for f in $fns; do
  grep -q "^### $f(" docs/api.md || bad "$f missing from api.md"
  awk -v f="### $f(" 'index($0, f) == 1 { on = 1; next } on && /^```lua$/ { ok = 1; exit } on && /^###/ { exit } END { exit !ok }' docs/api.md ||
    bad "$f has no example in api.md"
done
# every definition function with its keys
for k in scenario side phase track area place piece_type decision event ending policy; do
  grep -q "^## $k$" docs/api.md || bad "definition $k{} missing from api.md"
  grep -q "^function $k(t) end$" docs/flank.d.lua || bad "definition $k{} missing from flank.d.lua"
done
grep -q '^---@meta' docs/flank.d.lua && grep -q '^---@class flank.track$' docs/flank.d.lua || bad "flank.d.lua lacks ---@meta / ---@class flank.track"
grep -q '^---@field effect? fun()' docs/flank.d.lua || bad "option keys missing from flank.d.lua"
# each module is one section (its anchor reachable), listed once in the contents and in flank.d.lua
dups=$(grep '^## flank\.' docs/api.md | sort | uniq -d)
[ -z "$dups" ] || bad "api.md has a module section twice: $dups"
dups=$(grep '^---@class flank\.[a-z_]*$' docs/flank.d.lua | sort | uniq -d)
[ -z "$dups" ] || bad "flank.d.lua declares a module class twice: $dups"
grep -q '^### flank.piece.reveal(' docs/api.md && grep -q '^### flank.piece.add(' docs/api.md || bad "flank.piece functions missing"
# what choose(view, d) receives is in api.md, not only in flank.d.lua
grep -q '^# Policies: the view and the decision$' docs/api.md && grep -q '(#policies-the-view-and-the-decision)' docs/api.md ||
  bad "api.md lacks the Policies section or its contents link"
for field in available reason targets cost preview tracks; do
  sed -n '/^# Policies: the view and the decision$/,/^# Definitions$/p' docs/api.md | grep -q "^| \`$field\`" ||
    bad "the Policies section does not describe '$field'"
done
# property: only declared properties are shown to players
sed -n '/^## property$/,/^## /p' docs/api.md | grep -q 'players see only the declared ones' || bad "property{} does not say only declared ones are shown"
if command -v luac5.4 >/dev/null; then luac5.4 -p docs/flank.d.lua || bad "flank.d.lua is not valid Lua"; fi

[ $fail -eq 0 ] && echo "test_doc: ok"
exit $fail
