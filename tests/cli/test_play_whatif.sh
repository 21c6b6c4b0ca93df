#!/usr/bin/env bash
# The window's what-if on a decision that acted on the map: an option that acts on areas opens
# a picker of the areas legal then (the played ones picked); Enter plays it there, arrows and
# Space pick others, and an option that was not open then is refused with why.
# Needs Xvfb and xdotool (tools/test installs both).
set -u
FLANK=$1; ROOT=$2
cd "$ROOT" || exit 1
command -v Xvfb >/dev/null && command -v xdotool >/dev/null || { echo "skipped: needs Xvfb and xdotool"; exit 0; }
. "$(dirname "$0")/xvfb.sh"
xvfb_start 1280x800   # $T, $DISPLAY; the screen, the window $P and $T go at exit
fail=0
bad() { echo "FAIL: $*"; fail=1; }
wait_for() { for _ in $(seq $(( $2 * 5 ))); do grep -q "$1" "$T/out" && return 0; sleep 0.2; done; return 1; }
# the costs fixture: turn 1 buys "A cheap thing somewhere" in the north (an area option)
ASAN_OPTIONS=${ASAN_OPTIONS:-}:detect_leaks=0 SDL_RENDER_DRIVER=software HOME="$T" FLANK_NO_CACHE=1 \
  "$FLANK" play tests/script/costs --size 1280x800 --demo --speed max --bench >"$T/out" 2>"$T/err" &
P=$!
for _ in $(seq 30); do grep -q '^debrief ' "$T/out" && break; sleep 1; xdotool key Return; done   # the game over: Enter opens the debrief
wait_for '^debrief ' 10 || { bad "the debrief did not open: $(tail -3 "$T/out") $(tail -3 "$T/err")"; exit 1; }
sleep 1
xdotool key Down; sleep 0.5          # the first decision: the cheap thing, in the north
wait_for '^open buy: dear=0 dear_area=0 cheap_area=1 survey_area=1 wait=1$' 10 && echo "ok: the list greys what was not open then" \
  || bad "which options were open: $(grep '^open' "$T/out")"
xdotool key 4; sleep 0.5             # option 4: "A survey somewhere": pick its areas, the played one picked
wait_for '^pick survey_area: \*north south$' 10 && echo "ok: the legal areas then, the played one picked" \
  || bad "the area picker: $(grep '^pick' "$T/out") $(tail -3 "$T/err")"
xdotool key Return; sleep 0.5        # on the same area
wait_for '^fork_ms .*A survey somewhere (North) ending over' 30 && echo "ok: $(grep '^fork_ms' "$T/out")" \
  || bad "the what-if on the same areas did not play: $(grep fork_ms "$T/out") $(tail -3 "$T/err")"
xdotool key 4; sleep 0.5             # again, on another area: south on, north off
xdotool key Right space Left space; sleep 0.3
xdotool key Return; sleep 0.5
wait_for '^fork_ms .*A survey somewhere (South) ending over' 30 && echo "ok: a what-if on an area the student picks" \
  || bad "the what-if on a picked area did not play: $(grep fork_ms "$T/out") $(tail -3 "$T/err")"
xdotool key 2; sleep 1               # option 2 costs 8 of the 5 there are: it cannot be played, and says why
wait_for '^pick_refused .*was not open then: .*Budget' 30 && echo "ok: an option that was not open is refused: $(grep pick_refused "$T/out")" \
  || bad "a what-if that cannot be played: $(grep -E 'fork_ms|pick' "$T/out")"
kill $P 2>/dev/null
[ $fail -eq 0 ] && echo "test_play_whatif: ok"
exit $fail
