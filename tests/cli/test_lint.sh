#!/bin/bash
# flank lint: every seeded mistake in tests/cli/fixtures/lint/ is caught on the line marked
# "expect-lint: CHECK" (exit 1 on errors, 0 when only warnings are seeded); a fixture's
# expect.txt, when present, is lint's whole output word for word (paths relative to the
# fixture); the base fixture, the *_clean fixtures and the shipped scenarios lint clean.
# Usage: bash test_lint.sh <path-to-flank> <repo-root>
FLANK=${1:?flank binary}
ROOT=${2:?repo root}
FIX="$ROOT/tests/cli/fixtures/lint"
fail=0
bad() { echo "FAIL: $*"; fail=1; }

caught=0
for d in "$FIX"/*/; do
  d=${d%/}
  name=$(basename "$d")
  case $name in base | *_clean) continue ;; esac
  out=$("$FLANK" lint "$d" 2>/dev/null); rc=$?
  want=1
  [ -f "$d/expect.txt" ] && ! grep -q ': error: ' "$d/expect.txt" && want=0
  [ "$rc" -eq "$want" ] || bad "$name: exit $rc, want $want"
  if [ -f "$d/expect.txt" ]; then
    rel=$(sed "s|^$d/||" <<<"$out")
    [ "$rel" = "$(cat "$d/expect.txt")" ] || { bad "$name: output differs from expect.txt:"; diff <(echo "$rel") "$d/expect.txt" | sed 's/^/    /'; }
  fi
  marks=$(grep -Hn "expect-lint: *[a-z-]*" "$d"/*.lua | grep -v 'marked on its line')
  [ -n "$marks" ] || bad "$name: fixture has no expect-lint marker"
  while IFS= read -r m; do
    [ -n "$m" ] || continue
    file=$(basename "${m%%:*}")
    rest=${m#*:}
    line=${rest%%:*}
    check=$(sed -n 's/.*expect-lint: *\([a-z-]*\).*/\1/p' <<<"$m")
    if grep -qE "/$file:$line: (error|warning): .*\[$check\]$" <<<"$out"; then
      caught=$((caught + 1))
    else
      bad "$name: expected '$file:$line: error: ... [$check]', got:"
      echo "$out" | sed 's/^/    /'
    fi
  done <<<"$marks"
done
[ "$caught" -ge 12 ] || bad "only $caught seeded mistakes caught, want at least 12"
echo "seeded mistakes caught: $caught"

# what lint reports the loader refuses, in the same words (at the definition's line)
for name in type_visible type_once type_turns type_cost ring_odd duplicate_area duplicate_decision delay_span; do
  text=$(sed -E 's/^[^:]+:[0-9]+: error: (.*) \[[a-z-]+\]$/\1/' "$FIX/$name/expect.txt")
  first=$("$FLANK" run "$FIX/$name" --seed 1 2>&1 >/dev/null); rc=$?
  first=$(head -1 <<<"$first")
  [ "$rc" -eq 2 ] && [ "${first#*scenario.lua:*: }" = "$text" ] || bad "run $name: exit $rc, '$first', want 2 and '$text'"
done
# a key on a line of its own: run points at it where lint does (it pointed at the call's line),
# also at an id that does not exist (a track in cost = {...}, a side)
KL=$(mktemp -d)
for k in 1 2 3 4 5 6; do
  mkdir -p "$KL/k$k"
  { printf 'scenario { id = "k%s", title = "K", start = "2025-01-01", turns = 2 }\nside { id = "council", name = "Council" }\n' "$k"
    printf 'track {\n  id = "money",\n  name = "Money",\n%s}\n' "$([ $k = 1 ] && echo '  nmae = "x",')"
    printf 'decision { id = "d",\n  side = "%s",\n  title = "D",\n  options = {\n    { id = "a", label = "A" },\n    { id = "b",\n' "$([ $k = 6 ] && echo counsil || echo council)"
    case $k in
      2) printf '      lable = "B" },\n' ;;
      3) printf '      label = 5 },\n' ;;
      4) printf '      label = "B",\n      cost = {\n        money = "x",\n      } },\n' ;;
      5) printf '      label = "B",\n      cost = {\n        mony = 1,\n      } },\n' ;;
      *) printf '      label = "B" },\n' ;;
    esac
    printf '  },\n}\nending { id = "e", title = "E", default = true }\n'; } >"$KL/k$k/scenario.lua"
  lint_at=$("$FLANK" lint "$KL/k$k" 2>/dev/null | sed -n 's/^[^:]*scenario\.lua:\([0-9]*\): error: .*\[\(unknown-key\|bad-type\|unknown-ref\)\]$/\1/p' | head -1)
  run_at=$("$FLANK" run "$KL/k$k" 2>&1 >/dev/null | sed -n '1s/^[^:]*scenario\.lua:\([0-9]*\): .*/\1/p')
  want=$(grep -n 'nmae\|lable\|label = 5\|money = "x"\|mony\|counsil' "$KL/k$k/scenario.lua" | cut -d: -f1)
  [ -n "$lint_at" ] && [ "$run_at" = "$lint_at" ] && [ "$run_at" = "$want" ] || bad "k$k: run points at line $run_at, lint at $lint_at, the key is on $want"
done
rm -rf "$KL"
# rule functions that answer with a number stop the game naming the function
out=$("$FLANK" run "$FIX/requires_number" --seed 1 2>&1 >/dev/null); rc=$?
[ "$rc" -eq 3 ] && grep -q "scenario.lua:27: function must return true or false, not the number 0 (turn 1, decision 'posture' option 'attack')" <<<"$out" ||
  bad "requires returning a number: exit $rc: $out"
# a policy reading view.tracks.NAME for a NAME that is no track (the board fixture's 'typo' policy)
"$FLANK" lint "$ROOT/tests/script/board" 2>&1 | grep -q "scenario.lua:[0-9]*: error: policy 'typo' of side 'blue' reads view.tracks.budgte, which is no track (did you mean 'budget'?) \[unknown-ref\]" \
  || bad "lint does not catch a misspelt track in a policy's view: $("$FLANK" lint "$ROOT/tests/script/board" 2>&1 | tail -3)"
# a legal list with an id that is no area names legal and the nearest area id
LT=$(mktemp -d)
sed 's/local PAIR_AREAS = { "c2r0",/local PAIR_AREAS = { "c2r0x",/' "$ROOT/tests/script/board/scenario.lua" >"$LT/scenario.lua"
out=$("$FLANK" run "$LT" --seed 1 2>&1 >/dev/null); rc=$?
rm -rf "$LT"
[ "$rc" -eq 3 ] && grep -q "scenario.lua:[0-9]*: legal must return a list of area ids, not 'c2r0x' at position 1 (did you mean 'c2r0'?)" <<<"$out" ||
  bad "legal returning a misspelt area: exit $rc: $out"
out=$("$FLANK" run "$FIX/policy_number" --seed 1 2>&1 >/dev/null); rc=$?
[ "$rc" -eq 3 ] && grep -q "policy 'default' of side 'council' chose the number 1 on decision 'invest'; choose must return an option id" <<<"$out" ||
  bad "policy returning a number: exit $rc: $out"

# what lint finds in a policy written elsewhere stops the game too; the policies of the clean
# fixture play through
out=$("$FLANK" run "$FIX/policy_follow" --seed 1 --side council=by_decision 2>&1 >/dev/null); rc=$?
[ "$rc" -eq 3 ] && grep -q "policies.lua:15: policy 'by_decision' of side 'council' chose 'wait' on decision 'invest', which is not an available option" <<<"$out" ||
  bad "policy from a module returning a wrong option: exit $rc: $out"
for pol in default shared fortify ping saver waiter; do
  "$FLANK" run "$FIX/policy_follow_clean" --seed 1 --policy "$pol" >/dev/null 2>&1 || bad "policy_follow_clean: policy $pol does not play through"
done

# a flank.* name that does not exist stops the game where it is written, in lint's words
# (not "attempt to call a nil value" later)
out=$("$FLANK" run "$FIX/unknown_api" --seed 1 2>&1 >/dev/null); rc=$?
[ "$rc" -eq 3 ] && grep -q "scenario.lua:19: flank.track.ad does not exist (did you mean flank.track.add?)" <<<"$out" ||
  bad "run unknown_api: exit $rc: $out"
out=$("$FLANK" run "$FIX/unknown_api_alias" --seed 1 2>&1 >/dev/null); rc=$?
[ "$rc" -eq 2 ] && grep -q "scenario.lua:4: flank.gaem does not exist (did you mean flank.game?)" <<<"$out" ||
  bad "load unknown_api_alias: exit $rc: $out"

# clean scenarios: exit 0 and not a single message
for s in "$FIX/base" "$FIX"/*_clean tutorial river_crossing eastern_flank suwalki_gap; do
  out=$("$FLANK" lint "$s" 2>&1); rc=$?
  [ "$rc" -eq 0 ] && [ -z "$out" ] || bad "lint $s: exit $rc, want 0 with no messages; got: $out"
done

# JSON output names file, line, level and check
out=$("$FLANK" lint "$FIX/track_in_effect" --format json 2>/dev/null); rc=$?
[ "$rc" -eq 1 ] || bad "json: exit $rc, want 1"
grep -q '"errors":1' <<<"$out" && grep -q '"line":20,"level":"error","check":"unknown-ref"' <<<"$out" ||
  bad "json output: $out"
out=$("$FLANK" lint "$FIX/base" --format json); [ "$out" = '{"errors":0,"warnings":0,"messages":[]}' ] || bad "json clean: $out"

# warnings alone exit 0, --strict makes them fail
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/warn"
cp "$FIX/base/scenario.lua" "$tmp/warn/"
cat >>"$tmp/warn/scenario.lua" <<'LUA'
local storms = 0
event { id = "count", title = "Count", on = "turn_end", effect = function() storms = storms + 1 end }
LUA
out=$("$FLANK" lint "$tmp/warn" 2>/dev/null); rc=$?
[ "$rc" -eq 0 ] && grep -q "scenario.lua:39: warning: .*\[upvalue-write\]" <<<"$out" || bad "warning: exit $rc: $out"
"$FLANK" lint "$tmp/warn" --strict >/dev/null 2>&1; [ $? -eq 1 ] || bad "--strict should exit 1 on warnings"

# side colours: two sides hard to tell apart (also for the colour-blind), counters that
# vanish on their own areas, and a colour that is not one
mkdir -p "$tmp/colours"
sed -e 's/side { id = "council", name = "Council" }/side { id = "council", name = "Council", colour = "#0072b2" }/' \
    -e 's/side { id = "rival", name = "Rival", playable = false }/side { id = "rival", name = "Rival", playable = false,\n  colour = "#1a78b0" }\nside { id = "ghost", name = "Ghost", playable = false, colour = "#3a3c32" }/' \
    "$FIX/base/scenario.lua" > "$tmp/colours/scenario.lua"
out=$("$FLANK" lint "$tmp/colours" 2>&1); rc=$?
[ "$rc" -eq 0 ] && grep -q "scenario.lua:6: warning: sides 'council' and 'rival' are hard to tell apart .*\[colours\]" <<<"$out" &&
  grep -q "scenario.lua:7: warning: side 'ghost': its counters vanish on its own areas .*\[counter-contrast\]" <<<"$out" || bad "colours: exit $rc: $out"
sed -i 's/colour = "#3a3c32"/colour = "gery"/' "$tmp/colours/scenario.lua"
out=$("$FLANK" lint "$tmp/colours" 2>&1)
grep -q "scenario.lua:7: error: side 'ghost': colour 'gery' is not .* (did you mean 'grey'?)" <<<"$out" || bad "bad colour: $out"

# a --lint: ignore comment silences its line
sed -i 's/storms = storms + 1 end }/storms = storms + 1 end } --lint: ignore/' "$tmp/warn/scenario.lua"
out=$("$FLANK" lint "$tmp/warn" 2>&1); [ -z "$out" ] || bad "lint: ignore did not silence: $out"

# usage errors
"$FLANK" lint no_such_scenario_xyz >/dev/null 2>&1; [ $? -eq 2 ] || bad "missing scenario should exit 2"
"$FLANK" lint >/dev/null 2>&1; [ $? -eq 2 ] || bad "no argument should exit 2"

[ $fail -eq 0 ] && echo "test_lint: ok"
exit $fail
