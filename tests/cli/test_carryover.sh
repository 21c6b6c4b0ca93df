#!/usr/bin/env bash
# Nothing carries over between games: for each tests/hostile/carry_* scenario (one per way
# state could leak: an object with a metatable, coroutine.wrap, gmatch and pairs iterators,
# a loaded chunk's environment, a file-level scalar, collectgarbage, a policy file), a batch
# with --jobs 1 and with --jobs 2 gives the same rows as a fresh process per seed.
FLANK=$1
ROOT=$2
cd "$ROOT" || exit 2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0 passes=0
rows() { grep -v '^#' "$1" | sed 1d; }
for d in tests/hostile/carry_*/; do
  name=$(basename "$d")
  extra=()
  [ -f "$d/counting.lua" ] && extra=(--side "council=$d/counting.lua")
  problems=""
  for j in 1 2; do
    "$FLANK" batch "$d" --runs 6 --jobs "$j" "${extra[@]}" --out "$T/j$j.csv" 2>"$T/err" || problems="$problems batch --jobs $j failed: $(head -c 200 "$T/err");"
  done
  : >"$T/fresh"
  for s in 1 2 3 4 5 6; do
    "$FLANK" batch "$d" --runs 1 --seed-base "$s" --jobs 1 "${extra[@]}" --out "$T/one.csv" 2>/dev/null && rows "$T/one.csv" >>"$T/fresh"
  done
  [ "$(rows "$T/j1.csv")" = "$(cat "$T/fresh")" ] || problems="$problems --jobs 1 differs from one game per process;"
  [ "$(rows "$T/j2.csv")" = "$(cat "$T/fresh")" ] || problems="$problems --jobs 2 differs from one game per process;"
  if [ -n "$problems" ]; then fails=$((fails + 1)); echo "FAIL $name:$problems"; diff <(rows "$T/j1.csv") "$T/fresh" | head -6
  else passes=$((passes + 1)); echo "ok   $name"; fi
done
echo "test_carryover: $passes passed, $fails failed"
[ "$fails" -eq 0 ] && [ "$passes" -ge 8 ]
