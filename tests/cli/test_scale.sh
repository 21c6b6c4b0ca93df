#!/bin/bash
# Big boards through the real binary (correctness only; tools/bench.d/scale.sh measures
# speed): generated scenarios of 20,000 areas (tools/gen_grid), as area{} definitions and
# as a map file, load, lint clean and play; the board lists each cell's grid neighbours;
# a duplicated area id is reported with the lines of both definitions; 60,000 areas load;
# one area past the limit (100,000) is refused.
# Usage: bash test_scale.sh <path-to-flank> <repo-root>
FLANK=${1:?flank binary}
ROOT=${2:?repo root}
fail=0
bad() { echo "FAIL: $*"; fail=1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$ROOT/tools/gen_grid" 20000 "$tmp/lua"
MAP=1 "$ROOT/tools/gen_grid" 20000 "$tmp/map"
for v in lua map; do
  out=$("$FLANK" lint "$tmp/$v" 2>&1); rc=$?
  [ "$rc" -eq 0 ] && [ -z "$out" ] || bad "$v: lint of 20,000 areas: exit $rc: $(head -c 500 <<<"$out")"
  "$FLANK" run "$tmp/$v" --turns 3 --policy random --board >"$tmp/$v.board" 2>&1 || bad "$v: run: $(head -c 500 "$tmp/$v.board")"
  # 142 columns: a cell borders the cells below, left, right and above it; a corner two
  grep -q '^- Cell 70,70: .*next to: Cell 69,70, Cell 70,69, Cell 70,71, Cell 71,70\.$' "$tmp/$v.board" ||
    bad "$v: Cell 70,70's neighbours: $(grep '^- Cell 70,70:' "$tmp/$v.board")"
  grep -q '^- Cell 0,0: .*next to: Cell 0,1, Cell 1,0\.$' "$tmp/$v.board" ||
    bad "$v: Cell 0,0's neighbours: $(grep '^- Cell 0,0:' "$tmp/$v.board")"
  [ "$(grep -c '^- Cell ' "$tmp/$v.board")" -eq 20000 ] || bad "$v: the board does not list 20,000 areas"
done

# a duplicated id among 20,000: both lines named
first=$(grep -n 'id = "a5",' "$tmp/lua/scenario.lua" | cut -d: -f1)
echo 'area { id = "a5", ring = { {0, 0}, {1, 0}, {1, 1} } }' >>"$tmp/lua/scenario.lua"
last=$(wc -l <"$tmp/lua/scenario.lua")
out=$("$FLANK" lint "$tmp/lua" 2>&1); rc=$?
[ "$rc" -eq 1 ] && grep -q "scenario.lua:$last: error: area 'a5' is defined twice (first on line $first); give one area{} with all its keys \[duplicate\]" <<<"$out" ||
  bad "duplicate area{}: exit $rc: $out"
first=$(grep -n '^area a5 ' "$tmp/map/grid.map" | cut -d: -f1)
printf 'area a5 plain XX Again\nring 0 0 1 0 1 1\n' >>"$tmp/map/grid.map"
last=$(($(wc -l <"$tmp/map/grid.map") - 1))
out=$("$FLANK" lint "$tmp/map" 2>&1); rc=$?
[ "$rc" -eq 1 ] && grep -q "grid.map:$last: error: duplicate area id 'a5' (first defined on line $first) \[load\]" <<<"$out" ||
  bad "duplicate in the map file: exit $rc: $out"

# 60,000 areas (a duplicate-id scan used to make this hang) load and play a turn
MAP=1 "$ROOT/tools/gen_grid" 60000 "$tmp/big"
out=$(timeout 300 "$FLANK" run "$tmp/big" --turns 1 2>&1); rc=$?
[ "$rc" -eq 0 ] || bad "60,000 areas: exit $rc: $(head -c 500 <<<"$out")"

# one area{} past the cap is refused at its line, before the board is built
"$ROOT/tools/gen_grid" 100001 "$tmp/over"
out=$("$FLANK" run "$tmp/over" --turns 1 2>&1); rc=$?
line=$(grep -n 'id = "a100000",' "$tmp/over/scenario.lua" | cut -d: -f1)
[ "$rc" -eq 2 ] && grep -q "scenario.lua:$line: area 'a100000': too many areas (at most 100000)" <<<"$out" ||
  bad "100,001 areas: exit $rc: $(head -c 500 <<<"$out")"

[ "$fail" -eq 0 ] && echo "test_scale: ok"
exit $fail
