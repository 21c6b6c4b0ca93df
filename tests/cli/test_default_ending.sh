#!/bin/bash
# No implicit ending: a scenario without a default = true ending still runs (flank lint calls
# it an error), but every command that loads it says on stderr which ending a game that
# reaches its last turn gets instead: the first ending without `when`, or the last one when
# every ending has a `when`. A scenario with a default, and every shipped one, says nothing.
# Usage: bash test_default_ending.sh <path-to-flank> <repo-root>
FLANK=${1:?flank binary}
ROOT=${2:?repo root}
FIX="$ROOT/tests/cli/fixtures/lint/no_default_ending"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export XDG_DATA_HOME=$T/data ASAN_OPTIONS=${ASAN_OPTIONS:-}:detect_leaks=0
fail=0
bad() { echo "FAIL: $*"; fail=1; }

# the fixture: 'war' (no when, line 32) is what the engine ends a full-length game with
"$FLANK" run "$FIX" --seed 1 >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 0 ] || bad "run exit $rc: $(cat "$T/err")"
grep -q "^Fixture (fixture), seed 1: War after 6 turns" "$T/out" || bad "the fixture no longer ends with war: $(head -1 "$T/out")"
want="flank: warning: fixture: no ending has default = true, so a game that reaches its last turn ends with 'war' (the first ending without when, line 32); give the ending you mean default = true [default-ending]"
[ "$(cat "$T/err")" = "$want" ] || bad "run: expected the warning line, got: $(cat "$T/err")"

# every ending with a when: the last one, said so
mkdir "$T/allwhen"
sed 's/^ending { id = "war", title = "War" }.*/ending { id = "war", title = "War", when = function() return false end }/' \
  "$FIX/scenario.lua" >"$T/allwhen/scenario.lua"
"$FLANK" run "$T/allwhen" --seed 1 >"$T/out" 2>"$T/err" || bad "run (all when): $(cat "$T/err")"
grep -q "ends with 'peace' (the last ending: every ending has a when, line 33)" "$T/err" || bad "all when: $(cat "$T/err")"
grep -q "seed 1: Peace after 6 turns" "$T/out" || bad "all when: the game does not end with the ending named: $(head -1 "$T/out")"

# with default = true: silent, and that ending is the one used
mkdir "$T/dflt"
sed 's/^ending { id = "peace", title = "Peace",/ending { id = "peace", title = "Peace", default = true,/' "$FIX/scenario.lua" >"$T/dflt/scenario.lua"
"$FLANK" run "$T/dflt" --seed 1 >"$T/out" 2>"$T/err" || bad "run (default): $(cat "$T/err")"
[ -s "$T/err" ] && bad "a scenario with a default ending warns: $(cat "$T/err")"
grep -q "seed 1: Peace after 6 turns" "$T/out" || bad "default = true is not the ending used: $(head -1 "$T/out")"

# the shipped scenarios all name their default
for s in "$ROOT"/scenarios/*/; do
  [ -f "$s/scenario.lua" ] || continue
  "$FLANK" lint "$s" 2>&1 | grep -q "default-ending" && bad "$(basename "$s"): lint reports default-ending"
  "$FLANK" run "$s" --seed 1 2>&1 >/dev/null | grep -q "default-ending" && bad "$(basename "$s"): run warns default-ending"
done

[ $fail -eq 0 ] && echo "test_default_ending: ok"
exit $fail
