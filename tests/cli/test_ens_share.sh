#!/usr/bin/env bash
# Sharing (engine/script/fl_ens_share.c): a batch plays a seed's policy sets as one game for
# as long as they choose alike. Its rows, print() output, errors and exit codes must be
# exactly those of playing every game by itself (FLANK_ENSEMBLE_SHARE=0), on 1 or 2 threads:
# for the flagship's council policies (which agree for months), for policies that part at
# different turns, roll their own dice, keep file-level state, print, fail on one game, and
# for a parameter sweep (sets that differ in parameters never share a game).
FLANK=$1
ROOT=$2
cd "$ROOT" || exit 2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0 passes=0
check() { # name, then the batch arguments
  local name=$1; shift
  FLANK_ENSEMBLE_SHARE=0 "$FLANK" batch "$@" --jobs 2 --out "$T/alone.csv" >"$T/alone.out" 2>"$T/alone.err"; local ra=$?
  local why="" j
  for j in 1 2; do
    "$FLANK" batch "$@" --jobs $j --out "$T/shared.csv" >"$T/shared.out" 2>"$T/shared.err"; local rs=$?
    [ "$ra" = "$rs" ] || why="$why exit $ra alone, $rs shared on $j;"
    # each game's print() output is whole and the same; games print in the order they are played
    cmp -s <(sort "$T/alone.err") <(sort "$T/shared.err") || why="$why stderr differs on $j;"
    cmp -s "$T/alone.out" "$T/shared.out" || why="$why stdout differs on $j;"
    [ "$(grep -v '^#' "$T/alone.csv" 2>/dev/null)" = "$(grep -v '^#' "$T/shared.csv" 2>/dev/null)" ] || why="$why rows differ on $j;"
    rm -f "$T/shared.csv"
  done
  rm -f "$T/alone.csv"
  if [ -n "$why" ]; then fails=$((fails + 1)); echo "FAIL $name:$why"; diff <(sort "$T/alone.err") <(sort "$T/shared.err") | head -4
  else passes=$((passes + 1)); echo "ok   $name"; fi
}
M=tests/share/mixed
check "flagship, five council policies and an adversary's" scenarios/eastern_flank --runs 40 \
  --policy stay_in_treaty --policy stockpile_only --policy marked_fields --policy mass_unmarked \
  --policy no_mines_allied_presence --side adversary=attack_now --side adversary=random
check "policies that part at turns 3, 6, 9 and never" $M --runs 200 --policy early --policy late --policy never --policy zed
[ "$(grep -c 'a rare z' "$T/alone.err")" -gt 0 ] || { fails=$((fails + 1)); echo "FAIL the fixture printed nothing: the print case is not tested"; }
check "a policy's own dice" $M --runs 100 --policy never --policy dice --side council=dice --side adversary=calm
check "file-level state in a policy file" $M --runs 60 --policy never --side council=$M/counting.lua --policy late
check "file-level state in rule code" $M --runs 60 --policy tally --policy never --policy late
check "one game fails (seed 14 of 'brittle')" $M --runs 40 --policy never --policy brittle --policy late
check "a parameter sweep" $M --runs 50 --policy early --policy never --sweep-param weight
# sharing happens: the bench figures count the games that shared their first turns
r=$("$FLANK" batch $M --runs 50 --policy early --policy late --policy never --jobs 1 --bench 2>/dev/null | grep -o 'shared_games=[0-9]*')
if [ "$r" = "shared_games=150" ]; then passes=$((passes + 1)); echo "ok   every game shared its first turns ($r)"
else fails=$((fails + 1)); echo "FAIL sharing: expected shared_games=150, got '$r'"; fi
r=$(FLANK_ENSEMBLE_SHARE=0 "$FLANK" batch $M --runs 50 --policy early --policy late --jobs 1 --bench 2>/dev/null | grep -o 'shared_games=[0-9]*')
if [ "$r" = "shared_games=0" ]; then passes=$((passes + 1)); echo "ok   FLANK_ENSEMBLE_SHARE=0 plays every game by itself"
else fails=$((fails + 1)); echo "FAIL FLANK_ENSEMBLE_SHARE=0: expected shared_games=0, got '$r'"; fi
echo "test_ens_share: $passes passed, $fails failed"
[ "$fails" = 0 ]
