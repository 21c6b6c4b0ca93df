#!/bin/bash
# flank new: a scenario made from the template runs, lints clean, passes its own tests and
# renders; --from copies a shipped scenario under the new id; nothing is ever overwritten; the
# folder is made in the current directory (or --dir), or with --user where ids are looked up.
# Usage: bash test_new.sh <path-to-flank> <repo-root>
FLANK=${1:?flank binary}
ROOT=${2:?repo root}
case "$FLANK" in /*) ;; *) FLANK="$PWD/$FLANK" ;; esac
fail=0
bad() { echo "FAIL: $*"; fail=1; }
cd "$ROOT" || exit 1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

"$FLANK" new harbour_watch --dir "$tmp" >/dev/null || bad "flank new failed"
s="$tmp/harbour_watch"
[ -f "$s/scenario.lua" ] && [ -f "$s/tests/basic.lua" ] || bad "template files missing in $s"
grep -q 'id = "harbour_watch"' "$s/scenario.lua" || bad "the id was not filled in"
grep -q '{{' "$s/scenario.lua" "$s/tests/basic.lua" && bad "template placeholders left over"
out=$("$FLANK" run "$s" 2>&1) || bad "flank run on the new scenario: $out"
grep -q "(harbour_watch), seed 1:" <<<"$out" || bad "unexpected run output: $out"
out=$("$FLANK" lint "$s" 2>&1); [ $? -eq 0 ] && [ -z "$out" ] || bad "the new scenario does not lint clean: $out"
# the template shows the teaching definitions once each: a source{} its texts cite as [@id], a
# parameter{} the rules read, a question{}; flank sources prints all three
out=$("$FLANK" sources "$s" 2>&1) || bad "flank sources on the new scenario failed: $out"
grep -q '^- <a id="notes"></a>\*\*Design notes 2025\*\* (`notes`): You (2025)\. \*Design notes for Harbour watch\*' <<<"$out" ||
  bad "flank sources: no bibliography entry for the template's source: $out"
grep -q '^| Storms a month (`storm_chance`) | 0\.15 | 0–0\.5 by 0\.05 |' <<<"$out" || bad "flank sources: the template's parameter is missing: $out"
grep -q '^- \*\*Storms a month\*\*: .* (Design notes 2025)\.$' <<<"$out" || bad "flank sources: the parameter's text does not cite the source: $out"
grep -q '^1\. Drilling costs money every month\. .* (Design notes 2025)?$' <<<"$out" || bad "flank sources: the template's question is missing: $out"
out=$("$FLANK" run "$s" --set storm_chance=0.5 2>&1) || bad "--set storm_chance on the new scenario: $out"
# the scenario's own test (flank test is another helper's command: use it once it works)
if "$FLANK" test --help >/dev/null 2>&1 && ! "$FLANK" test "$s" 2>&1 | grep -q "not available"; then
  out=$("$FLANK" test "$s" 2>&1) || bad "the template's tests fail: $out"
else
  echo "note: flank test not available in this build; template tests not run"
fi
# render, when this build has the window layer (render is another helper's command)
out=$("$FLANK" render "$s" --out "$tmp/map.png" 2>&1); rc=$?
if [ $rc -ne 0 ] && grep -qE "not available|without the UI" <<<"$out"; then
  echo "note: flank render is not in this build; not rendered"
else
  [ $rc -eq 0 ] && [ -s "$tmp/map.png" ] || bad "flank render on the new scenario failed (exit $rc): $out"
fi

# refuses to overwrite, and rejects names that are not ids
"$FLANK" new harbour_watch --dir "$tmp" >/dev/null 2>&1; [ $? -eq 2 ] || bad "overwriting an existing scenario was not refused"
"$FLANK" new Bad-Name --dir "$tmp" >/dev/null 2>&1; [ $? -eq 2 ] || bad "a name that is not an id was accepted"
[ ! -e "$tmp/Bad-Name" ] || bad "a folder was created for a bad name"
"$FLANK" new >/dev/null 2>&1; [ $? -eq 2 ] || bad "no name should be a usage error"

# --from tutorial copies the tutorial under the new id
"$FLANK" new my_tutorial --from tutorial --dir "$tmp" >/dev/null || bad "flank new --from tutorial failed"
grep -q 'id = "my_tutorial"' "$tmp/my_tutorial/scenario.lua" || bad "--from did not rename the scenario id"
out=$("$FLANK" run "$tmp/my_tutorial" 2>&1) && grep -q "(my_tutorial)" <<<"$out" || bad "copied tutorial does not run: $out"
"$FLANK" new other --from no_such_scenario --dir "$tmp" >/dev/null 2>&1; [ $? -eq 2 ] || bad "--from an unknown scenario should fail"

# with no --dir the scenario goes into the current folder, never into the engine's scenarios/
before=$(ls "$ROOT/scenarios")
( cd "$tmp" && "$FLANK" new in_cwd >/dev/null ) || bad "flank new in_cwd failed"
[ -f "$tmp/in_cwd/scenario.lua" ] || bad "flank new NAME did not create ./NAME in the current folder"
[ "$(ls "$ROOT/scenarios")" = "$before" ] || bad "flank new wrote into the engine's scenarios/ folder"
# --user: into $XDG_DATA_HOME/flank/scenarios (made if missing), then found by id from anywhere
xdg="$tmp/xdg"
out=$(cd "$tmp" && XDG_DATA_HOME="$xdg" "$FLANK" new --user my_own 2>&1) || bad "flank new --user failed: $out"
[ -f "$xdg/flank/scenarios/my_own/scenario.lua" ] || bad "--user did not create \$XDG_DATA_HOME/flank/scenarios/my_own"
out=$(cd / && XDG_DATA_HOME="$xdg" "$FLANK" run my_own 2>&1) && grep -q "(my_own)" <<<"$out" || bad "the --user scenario is not found by id: $out"
out=$(cd / && HOME="$tmp/home" XDG_DATA_HOME= "$FLANK" new --user in_home 2>&1) || bad "--user without XDG_DATA_HOME failed: $out"
[ -f "$tmp/home/.local/share/flank/scenarios/in_home/scenario.lua" ] || bad "--user should default to ~/.local/share/flank/scenarios"
"$FLANK" new x --user --dir "$tmp" >/dev/null 2>&1; [ $? -eq 2 ] || bad "--user with --dir should be a usage error"

[ $fail -eq 0 ] && echo "test_new: ok"
exit $fail
