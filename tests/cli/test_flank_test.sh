#!/usr/bin/env bash
# flank test: the shipped scenario tests pass; failures, load errors and hangs are
# reported with the right exit code, seed and a command that replays the game.
set -u
FLANK=$1; ROOT=$2
cd "$ROOT" || exit 1
FX=tests/cli/fixtures/flank_test
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

# 1. the tutorial's tests pass, and the closing line is exact (ctest runs every
#    shipped scenario's tests as scenarios/flank_test)
"$FLANK" test scenarios/tutorial >"$T/all" 2>&1; rc=$?
[ $rc -eq 0 ] || { bad "flank test exited $rc"; cat "$T/all"; }
tail -n 1 "$T/all" | grep -Eq '^[0-9]+ passed, 0 failed$' || bad "closing line: $(tail -n 1 "$T/all")"
grep -q '^ok    scenarios/tutorial/tests/' "$T/all" || bad "no tutorial test ran"

# 2. a failing test: exit 1, the values, the line, the seed and a replay command
"$FLANK" test $FX/failing.lua >"$T/fail" 2>&1; rc=$?
[ $rc -eq 1 ] || bad "failing tests exited $rc, want 1"
grep -q 'FAIL .*mines keep the peace.*failing.lua:9: .*expected "held", got "war" \[seed 3\]' "$T/fail" || { bad "failure line"; cat "$T/fail"; }
grep -q 'at: expect(g.ending).eq("held")' "$T/fail" || bad "failing source line not shown"
grep -q 'attempt to index a nil value' "$T/fail" || bad "runtime error not reported"
[ "$(tail -n 1 "$T/fail")" = "1 passed, 2 failed" ] || bad "closing line: $(tail -n 1 "$T/fail")"
repro=$(sed -n 's/^ *reproduce: flank //p' "$T/fail" | head -n 1)
[ -n "$repro" ] || bad "no reproduce command"
# shellcheck disable=SC2086
"$FLANK" $repro --json >"$T/repro.json" 2>&1 || bad "reproduce command failed: $repro"
grep -q '"ending":{"id":"war"' "$T/repro.json" || bad "reproduce command did not replay the war: $(head -c 300 "$T/repro.json")"

# 3. a file that does not load: exit 2 with file:line
"$FLANK" test $FX/broken.lua >"$T/broken" 2>&1; rc=$?
[ $rc -eq 2 ] || bad "broken test file exited $rc, want 2"
grep -q 'broken.lua:5:' "$T/broken" || { bad "no file:line for the broken file"; cat "$T/broken"; }
[ "$(grep -c "near <eof>" "$T/broken")" -eq 1 ] || { bad "the broken file's error is not printed once"; cat "$T/broken"; }

# 3b. a scenario that does not load (a misspelt key): its load error once with file:line, not
#     once per test as every play{} fails; exit 2 as for flank run (not 1, "a test failed");
#     the other scenarios' tests still run
mkdir -p "$T/nmae/tests"
sed 's/^track { id = "budget", name = "Budget"/track { id = "budget", nmae = "Budget"/' \
  tests/cli/fixtures/lint/base/scenario.lua >"$T/nmae/scenario.lua"
printf 'test("one", function() expect(play{ seed = 1 }.ending).eq("peace") end)\ntest("two", function() expect(play{ seed = 2 }.ending).eq("peace") end)\n' >"$T/nmae/tests/a.lua"
printf 'test("three", function() expect(play{ seed = 3 }.turns).gt(0) end)\n' >"$T/nmae/tests/b.lua"
"$FLANK" test "$T/nmae" scenarios/tutorial >"$T/scen" 2>&1; rc=$?
[ $rc -eq 2 ] || bad "a scenario that does not load: exit $rc, want 2"
[ "$(grep -c "unknown key 'nmae'" "$T/scen")" -eq 1 ] || { bad "the scenario's load error is not printed once"; cat "$T/scen"; }
grep -q "^ERROR $T/nmae/scenario.lua:7: track 'budget': unknown key 'nmae' (did you mean 'name'?)$" "$T/scen" || { bad "no file:line for the scenario"; cat "$T/scen"; }
grep -q "its tests did not run (2 test files in $T/nmae/tests)" "$T/scen" || { bad "which tests did not run"; cat "$T/scen"; }
grep -q '^FAIL' "$T/scen" && bad "tests of a scenario that does not load were run: $(grep '^FAIL' "$T/scen")"
grep -q '^ok    scenarios/tutorial/tests/' "$T/scen" || bad "the tutorial's tests did not run next to a broken scenario"
grep -q '^1 scenario did not load$' "$T/scen" || { bad "closing lines"; tail -n 3 "$T/scen"; }
"$FLANK" test --format tap "$T/nmae" >"$T/scen.tap" 2>/dev/null; rc=$?
[ $rc -eq 2 ] && [ "$(grep -c '^not ok' "$T/scen.tap")" -eq 1 ] && grep -q "^not ok 1 - $T/nmae: the scenario does not load$" "$T/scen.tap" ||
  { bad "TAP for a scenario that does not load: exit $rc"; cat "$T/scen.tap"; }

# 4. hangs are stopped by the time limit (also through pcall and in endless play{} loops)
start=$(date +%s)
timeout 30 "$FLANK" test $FX/timeout.lua >"$T/timeout" 2>&1; rc=$?
[ $rc -eq 1 ] || bad "timeout tests exited $rc, want 1"
[ "$(grep -c 'timed out' "$T/timeout")" -eq 3 ] || { bad "want 3 timed-out tests"; cat "$T/timeout"; }
grep -q '^ok .*runs after the others' "$T/timeout" || bad "tests after a timeout did not run"
[ $(( $(date +%s) - start )) -lt 20 ] || bad "timeouts took too long"
"$FLANK" test --timeout 0.2 $FX/failing.lua >/dev/null 2>&1; [ $? -eq 1 ] || bad "--timeout changed results"

# 5. the API's own checks and sandbox
"$FLANK" test $FX/api.lua >"$T/api" 2>&1 || { bad "api.lua failed"; cat "$T/api"; }

# 6. TAP and JUnit
"$FLANK" test --format tap $FX/failing.lua >"$T/tap" 2>&1
head -n 1 "$T/tap" | grep -q '^TAP version 13$' || bad "TAP header"
grep -q '^ok 1 - ' "$T/tap" && grep -q '^not ok 2 - ' "$T/tap" && grep -q '^1\.\.3$' "$T/tap" || { bad "TAP lines"; cat "$T/tap"; }
grep -q 'reproduce: "flank run tutorial --seed 3' "$T/tap" || bad "TAP has no reproduce command"
"$FLANK" test --format junit "$T/j.xml" $FX/failing.lua $FX/broken.lua >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || bad "junit with a broken file exited $rc, want 2"
grep -Eq '<testsuites name="flank test" tests="4" failures="2" errors="1" time="[0-9.]+">' "$T/j.xml" || { bad "junit totals"; cat "$T/j.xml"; }
grep -q '<failure type="expect" message=".*expected &quot;held&quot;, got &quot;war&quot;' "$T/j.xml" || bad "junit failure message"
if command -v xmllint >/dev/null; then xmllint --noout "$T/j.xml" || bad "junit is not well-formed XML"; fi

# 7. usage errors
# --set out of range or unknown: refused once (exit 2, one line), not every test failing
"$FLANK" test tutorial --set pushback_chance=5 >"$T/set" 2>&1; rc=$?
[ $rc -eq 2 ] && [ "$(wc -l <"$T/set")" -eq 1 ] &&
  grep -q "^flank test: --set pushback_chance=5: outside the parameter's range 0..1" "$T/set" || { bad "--set out of range: exit $rc"; cat "$T/set"; }
"$FLANK" test tutorial --set pushback_chanse=0.2 >"$T/set" 2>&1; rc=$?
[ $rc -eq 2 ] && [ "$(wc -l <"$T/set")" -eq 1 ] && grep -q "did you mean 'pushback_chance'" "$T/set" || { bad "--set unknown: exit $rc"; cat "$T/set"; }
"$FLANK" test --format nope >/dev/null 2>&1; [ $? -eq 2 ] || bad "bad --format should exit 2"
"$FLANK" test no/such/path >/dev/null 2>&1; [ $? -eq 2 ] || bad "missing path should exit 2"
"$FLANK" test tutorial >"$T/id" 2>&1 || bad "flank test tutorial (by id) failed"

exit $fail
