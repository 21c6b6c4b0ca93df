#!/bin/bash
# Where scenarios are found: a path first, then FLANK_SCENARIOS (colon-separated), then
# $XDG_DATA_HOME/flank/scenarios, then the shipped ones; the first folder holding an id wins and
# flank run --which says which. A scenario kept outside the tree still finds shipped maps and
# the modules of the scenarios it requires. --help documents the order.
# Usage: bash test_lookup.sh <path-to-flank> <repo-root>
FLANK=${1:?flank binary}
ROOT=${2:?repo root}
case "$FLANK" in /*) ;; *) FLANK="$PWD/$FLANK" ;; esac
fail=0
bad() { echo "FAIL: $*"; fail=1; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_DATA_HOME="$T/xdg"
unset FLANK_SCENARIOS
mkdir -p "$HOME" "$T/a" "$T/b" "$T/work" "$XDG_DATA_HOME/flank/scenarios"
cd "$T/work" || exit 1

# a copy of the tutorial under the same id, with a title that tells it apart
copy() { # DIR TITLE
  mkdir -p "$1/tutorial"
  cp -r "$ROOT/scenarios/tutorial/." "$1/tutorial/"
  sed -i "0,/title = \"[^\"]*\"/s//title = \"$2\"/" "$1/tutorial/scenario.lua"
}
title() { "$FLANK" run "$@" 2>&1 | head -1 | sed 's/ (.*//'; }

# the shipped one, with nothing else around
out=$("$FLANK" run --which tutorial) || bad "--which tutorial failed"
grep -q "^tutorial: $ROOT/scenarios/tutorial (from the scenarios shipped with Flank)$" <<<"$out" ||
  bad "--which should name the shipped tutorial: $out"

# $XDG_DATA_HOME/flank/scenarios comes before the shipped ones
copy "$XDG_DATA_HOME/flank/scenarios" "XDG copy"
[ "$(title tutorial)" = "XDG copy" ] || bad "the XDG copy did not win over the shipped one: $(title tutorial)"
out=$("$FLANK" run --which tutorial)
grep -q "^tutorial: $XDG_DATA_HOME/flank/scenarios/tutorial (from \$XDG_DATA_HOME/flank/scenarios)$" <<<"$out" ||
  bad "--which should name the XDG copy: $out"
grep -q "also in $ROOT/scenarios/tutorial (the scenarios shipped with Flank), not used" <<<"$out" ||
  bad "--which should say the shipped one is shadowed: $out"

# FLANK_SCENARIOS comes first, and its folders in order (a missing one is skipped)
copy "$T/a" "A copy"; copy "$T/b" "B copy"
[ "$(FLANK_SCENARIOS="$T/missing:$T/b:$T/a" title tutorial)" = "B copy" ] || bad "FLANK_SCENARIOS order not kept"
[ "$(FLANK_SCENARIOS="$T/a:$T/b" title tutorial)" = "A copy" ] || bad "FLANK_SCENARIOS's first folder did not win"
out=$(FLANK_SCENARIOS="$T/a:$T/b" "$FLANK" run --which tutorial)
[ "$(wc -l <<<"$out")" -eq 4 ] || bad "--which should list all four places: $out"

# a path comes before every id
mkdir -p "$T/work/tutorial" && cp -r "$T/a/tutorial/." "$T/work/tutorial/"
sed -i 's/title = "A copy"/title = "Path copy"/' "$T/work/tutorial/scenario.lua"
[ "$(FLANK_SCENARIOS="$T/b" title tutorial)" = "Path copy" ] || bad "a folder in the current directory should win as a path"
grep -q "(a path: it comes before ids)" <<<"$("$FLANK" run --which tutorial)" || bad "--which should say the path wins"
rm -rf "$T/work/tutorial" "$XDG_DATA_HOME/flank/scenarios/tutorial"

# an unknown id: exit 2, with a suggestion from every folder, and --which fails the same way
mkdir -p "$XDG_DATA_HOME/flank/scenarios/harbour_watch" && cp "$T/a/tutorial/scenario.lua" "$XDG_DATA_HOME/flank/scenarios/harbour_watch/"
out=$("$FLANK" run harbour_wach 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q "did you mean 'harbour_watch'" <<<"$out" || bad "unknown id: exit $rc, $out"
"$FLANK" run --which no_such_thing >/dev/null 2>&1; [ $? -eq 2 ] || bad "--which of an unknown id should exit 2"
# ids found in the XDG folder work for lint and test too
"$FLANK" lint harbour_watch >/dev/null 2>&1; [ $? -le 1 ] || bad "flank lint did not find an XDG id"
rm -rf "$XDG_DATA_HOME/flank/scenarios/harbour_watch"

# a scenario kept elsewhere: shipped maps ("assets/maps/...") and another scenario's modules
# (require "eastern_flank/rules") are still found
"$FLANK" new gap_copy --from suwalki_gap >/dev/null || bad "flank new --from suwalki_gap failed"
out=$("$FLANK" run gap_copy --turns 2 2>&1) || bad "a copy of suwalki_gap outside the tree does not run: $out"
out=$("$FLANK" lint gap_copy 2>&1); [ $? -eq 0 ] || bad "a copy of suwalki_gap outside the tree does not lint: $out"
"$FLANK" new flank_copy --from eastern_flank >/dev/null || bad "flank new --from eastern_flank failed"
grep -q 'require "flank_copy/rules"' flank_copy/scenario.lua || bad "the copy should require its own rules"
echo '-- edited' >>flank_copy/rules.lua
out=$("$FLANK" run flank_copy --turns 2 2>&1) || bad "a copy of eastern_flank outside the tree does not run: $out"

# --help says the order
out=$("$FLANK" --help)
for w in FLANK_SCENARIOS '$XDG_DATA_HOME/flank/scenarios' 'share/flank/scenarios' 'flank run --which' 'first folder that has the id wins'; do
  grep -qF -- "$w" <<<"$out" || bad "flank --help does not mention '$w'"
done

[ $fail -eq 0 ] && echo "test_lookup: ok"
exit $fail
