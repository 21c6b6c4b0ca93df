#!/usr/bin/env bash
# The flagship's map in the window (Xvfb + xdotool), as a student meets it at 1440x900: every
# area's name stands with its middle on its own area (FLANK_COUNTER_CHECK reports where each
# name is and what lies under it; Suwałki Gap's once stood over Marijampolė), a click on a
# lit area's name chooses the area it names (Alytus, once left without a name), and while
# targets are lit each Tab says where the cursor has got to ("2 of 8: ..."), so the banner's
# "Tab/arrows cycle" visibly does; the obstacles then ordered are marked on the board and in the legend.
# Needs Xvfb and xdotool (tools/test installs both).
FLANK=$1
command -v Xvfb >/dev/null && command -v xdotool >/dev/null || { echo "skipped: needs Xvfb and xdotool"; exit 0; }
. "$(dirname "$0")/xvfb.sh"
xvfb_start 1440x900   # $T, $DISPLAY; the screen, the window $P and $T go at exit
fail=0
bad() { echo "FAIL: $*"; fail=1; }
k() { xdotool key "$@"; sleep "${FLANK_KEY_PACE:-0.7}"; }
FLANK_COUNTER_CHECK=1 FLANK_I18N_DRAWN="$T/drawn" SDL_RENDER_DRIVER=software HOME="$T" XDG_DATA_HOME="$T/data" \
  "$FLANK" play eastern_flank --seed 24 --size 1440x900 >"$T/log" 2>&1 &
P=$!
for _ in 1 2 3 4 5 6 7 8 9 10; do xdotool search --onlyvisible --pid "$P" >/dev/null 2>&1 && break; sleep 0.5; done
kill -0 "$P" 2>/dev/null || { bad "the window did not open: $(cat "$T/log")"; exit 1; }
xdotool mousemove 300 300 click 1; sleep 0.3
k Return; k Return        # briefing -> game; the first event's pop-up
k 2; k Return; sleep 1    # stay in the treaty: the fields card follows
summary=$(grep '^names: [0-9]* of' "$T/log" | tail -1)
case "$summary" in
  *" 0 with their middle on another area") echo "ok: every name stands on its own area ($summary)" ;;
  "") bad "no report of the names' places (FLANK_COUNTER_CHECK)" ;;
  *) bad "$summary: $(grep '^names: .* over ' "$T/log" | sort -u | head -5 | tr '\n' ';')" ;;
esac
# a click on the middle of the name "Alytus" chooses Alytus; Enter confirms
k 2
read -r x y < <(grep '^names: Alytus at' "$T/log" | tail -1 | sed 's/.* at \([0-9]*\),\([0-9]*\).*/\1 \2/')
if [ -n "$x" ]; then
  xdotool mousemove "$x" "$y" click 1; sleep 0.7
  k Return
  grep -q 'Anti-tank obstacles only (Alytus)' "$T/drawn" && echo "ok: a click on the name Alytus chose Alytus" ||
    bad "a click on the name Alytus did not choose it: $(grep -a 'not a target\|Anti-tank obstacles only (' "$T/drawn" | sort -u | head -3 | tr '\n' ';')"
else bad "Alytus has no name on the map"; fi
# the belt just ordered stands on the board (a chip with dragon's teeth in Alytus's stack) and
# the legend names it; the student once saw obstacles only by cycling views with V
sleep 0.5
grep -q '^marks: obstacle in Alytus at' "$T/log" && echo "ok: Alytus's new obstacles are marked on the board" ||
  bad "no obstacle mark in Alytus after ordering one: $(grep '^marks:' "$T/log" | sort -u | head -3 | tr '\n' ';')"
grep -qx 'Obstacles and anti-tank barriers' "$T/drawn" && echo "ok: the legend lists the obstacles" ||
  bad "the legend does not list the obstacles"
# Tab moves through the lit areas, and the banner says where it is
xdotool mousemove 1430 890; sleep 0.3
k 2; k Tab; k Tab
grep -Eq 'Tab/arrows cycle \(2 of [0-9]+: ' "$T/drawn" && echo "ok: the second Tab reaches the second lit area, and the banner says so" ||
  bad "after two Tabs the banner does not say '2 of N': $(grep -a 'Tab/arrows' "$T/drawn" | sort -u | head -2 | tr '\n' ';')"
kill -0 "$P" 2>/dev/null || bad "the window died: $(tail -3 "$T/log")"
[ $fail -eq 0 ] && echo "test_play_map: ok"
exit $fail
