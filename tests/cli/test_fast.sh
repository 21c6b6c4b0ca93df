#!/usr/bin/env bash
# Fast mode (engine/script/fl_fast.c): batches play games without the instruction-count
# hook and play a game again, counted, when a call runs long or the game fails. The
# results must be exactly those of --exact: the same rows, the same errors, the same
# exit codes, the same print() output, for the flagship, for a scenario whose calls run
# long (every game is replayed) or over budget, and for the hostile scenarios that loop,
# hide in coroutines, catch their own limit errors or print escape sequences.
FLANK=$1
ROOT=$2
cd "$ROOT" || exit 2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0 passes=0
check() { # name, then the batch arguments: fast and --exact must print the same
  local name=$1; shift
  "$FLANK" batch "$@" --out "$T/fast.csv" >"$T/fast.out" 2>"$T/fast.err"; local rf=$?
  "$FLANK" batch "$@" --exact --out "$T/exact.csv" >"$T/exact.out" 2>"$T/exact.err"; local re=$?
  local why=""
  [ "$rf" = "$re" ] || why="$why exit $rf, --exact $re;"
  cmp -s "$T/fast.err" "$T/exact.err" || why="$why stderr differs;"
  if [ -f "$T/exact.csv" ] || [ -f "$T/fast.csv" ]; then
    [ "$(grep -v '^#' "$T/fast.csv" 2>/dev/null)" = "$(grep -v '^#' "$T/exact.csv" 2>/dev/null)" ] || why="$why rows differ;"
  fi
  rm -f "$T/fast.csv" "$T/exact.csv"
  if [ -n "$why" ]; then fails=$((fails + 1)); echo "FAIL $name:$why"; diff "$T/fast.err" "$T/exact.err" | head -4
  else passes=$((passes + 1)); echo "ok   $name"; fi
}
check "eastern_flank, 60 games on 2 threads" scenarios/eastern_flank --runs 30 --jobs 2 --policy stay_in_treaty --policy default
check "tutorial" scenarios/tutorial --runs 20 --jobs 2
check "long calls (every game replayed)" tests/fast/long_call --runs 3 --jobs 2
# the replays happen: every game of long_call trips (its setup runs ~9 million instructions)
r=$("$FLANK" batch tests/fast/long_call --runs 3 --jobs 1 --bench 2>/dev/null | grep -o 'exact_replays=[0-9]*')
if [ "$r" = "exact_replays=3" ]; then passes=$((passes + 1)); echo "ok   long calls trip and replay ($r)"
else fails=$((fails + 1)); echo "FAIL long calls: expected exact_replays=3, got '$r'"; fi
# games whose calls are short (a thousand iterations: well under a millisecond, even in a
# sanitizer build) never are
mkdir -p "$T/short" "$T/over"
sed 's/for i = 1, 3000000 do/for i = 1, 1000 do/' tests/fast/long_call/scenario.lua >"$T/short/scenario.lua"
r=$("$FLANK" batch "$T/short" --runs 20 --jobs 1 --bench 2>/dev/null | grep -o 'exact_replays=[0-9]*')
if [ "$r" = "exact_replays=0" ]; then passes=$((passes + 1)); echo "ok   short calls are not replayed ($r)"
else fails=$((fails + 1)); echo "FAIL short calls: expected exact_replays=0, got '$r'"; fi
check "short calls" "$T/short" --runs 20 --jobs 2
# over budget: the same error either way
sed 's/for i = 1, 3000000 do/for i = 1, 4000000 do/' tests/fast/long_call/scenario.lua >"$T/over/scenario.lua"
check "over budget in setup" "$T/over" --runs 2 --jobs 1
for d in tests/hostile/loop_* tests/hostile/budget_* tests/hostile/deadline_* tests/hostile/cside_* \
         tests/hostile/error_escape_sequences tests/hostile/coroutine_flood tests/hostile/deep_recursion; do
  [ -f "$d/scenario.lua" ] && check "hostile/$(basename "$d")" "$d" --runs 2 --jobs 2
done
echo "test_fast: $passes passed, $fails failed"
[ "$fails" = 0 ]
