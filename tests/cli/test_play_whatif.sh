#!/usr/bin/env bash
# The window's what-if on a decision that acted on the map: another option that acts on the
# map is tried on the same areas (ui_fork_same_areas), by key, and plays to an ending.
# Needs Xvfb and xdotool (tools/test installs both).
set -u
FLANK=$1; ROOT=$2
cd "$ROOT" || exit 1
command -v Xvfb >/dev/null && command -v xdotool >/dev/null || { echo "skipped: needs Xvfb and xdotool"; exit 0; }
T=$(mktemp -d)
DPY=":$((500 + RANDOM % 400))"
Xvfb "$DPY" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
XV=$!
P=
trap 'kill $P $XV 2>/dev/null; rm -rf "$T"' EXIT
export DISPLAY=$DPY
sleep 1
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
xdotool key 4; sleep 0.5             # option 4: "A survey somewhere", on the same area
wait_for '^fork_ms .*A survey somewhere ending over' 30 && echo "ok: $(grep '^fork_ms' "$T/out")" \
  || bad "the what-if on the same areas did not play: $(grep fork_ms "$T/out") $(tail -3 "$T/err")"
xdotool key 2; sleep 1               # option 2 costs 8 of the 5 there are: it cannot be played, and says why
wait_for '^fork_ms .*A dear thing somewhere ending none' 30 && echo "ok: an option that was not open is refused" \
  || bad "a what-if that cannot be played: $(grep fork_ms "$T/out")"
kill $P 2>/dev/null
[ $fail -eq 0 ] && echo "test_play_whatif: ok"
exit $fail
