#!/usr/bin/env bash
# The window's furniture as a cold student met it in the flagship at 1440x900 (Xvfb + xdotool,
# FLANK_LAYOUT_CHECK reports what the header says beside what the panel asks, where the legend
# and the log stand, and where each hover pop-up went):
# - the header's phase and side say what the panel asks ("Allies decide" once stood over "Your
#   decisions are in"), through a whole turn and into the next;
# - the legend keeps its corner, the log its column in the side panel and the indicators their
#   layout from phase to phase (the log once moved onto the map under a tall card, and the
#   legend made way for it; the indicators took one or two columns by the card's height);
# - a hover pop-up (the sources an event's text cites) stays below the top bar;
# - choosing several areas for an order, the card of one more says what the whole order would
#   do, and which areas it would leave out (the student learnt it only from the log afterwards).
# Needs Xvfb and xdotool (tools/test installs both).
FLANK=$1
command -v Xvfb >/dev/null && command -v xdotool >/dev/null || { echo "skipped: needs Xvfb and xdotool"; exit 0; }
. "$(dirname "$0")/xvfb.sh"
xvfb_start 1440x900   # $T, $DISPLAY; the screen, the window $P and $T go at exit
fail=0
bad() { echo "FAIL: $*"; fail=1; }
k() { xdotool key "$@"; sleep "${FLANK_KEY_PACE:-0.7}"; }
FLANK_LAYOUT_CHECK=1 FLANK_I18N_DRAWN="$T/drawn" SDL_RENDER_DRIVER=software HOME="$T" XDG_DATA_HOME="$T/data" \
  "$FLANK" play eastern_flank --seed 24 --size 1440x900 >"$T/log" 2>&1 &
P=$!
for _ in 1 2 3 4 5 6 7 8 9 10; do xdotool search --onlyvisible --pid "$P" >/dev/null 2>&1 && break; sleep 0.5; done
kill -0 "$P" 2>/dev/null || { bad "the window did not open: $(cat "$T/log")"; exit 1; }
xdotool mousemove 300 300 click 1; sleep 0.3
k Return                                    # briefing -> game; the first event's pop-up
xdotool mousemove 700 300; sleep 0.8        # over the pop-up's text: the sources it cites
xdotool mousemove 1430 890; sleep 0.3
k Return                                    # continue
k 2; k Return; sleep 0.5                    # stay in the treaty: the tall fields card
k 2; k Tab; k Return; k Tab; k Return       # anti-tank obstacles in two areas (engineers for two)
k Tab; sleep 0.5                            # a third, hovered: what the order would leave out
grep -aq '^With the 2 chosen before it:' "$T/drawn" && grep -aq 'This order would leave out, for lack of engineers, mines or money: ' "$T/drawn" &&
  echo "ok: before confirming, a third area's card says it would be left out" ||
  bad "hovering a third area does not say what the order would leave out: $(grep -a 'chosen before\|Left out' "$T/drawn" | head -3 | tr '\n' ';')"
k Escape                                    # cancelled
k 1; k Return; sleep 0.5                    # done for this quarter
k 1; k Return; sleep 1                      # the last council card: then "End turn"
k space; sleep 6                            # the other sides move; turn 2
kill -0 "$P" 2>/dev/null || bad "the window died: $(tail -3 "$T/log")"
# the header agrees with the panel
n=0 hf=0
while IFS='|' read -r phase side panel; do
  phase=${phase#header: }; phase=${phase% }; side=${side# }; side=${side% }; side=${side% (you)}; side=${side% (your turn)}
  panel=${panel# panel: }
  n=$((n + 1))
  case "$panel" in
    "end turn") [ "$phase" = "Your decisions are in" ] && [ -z "$side" ] || { bad "the panel waits for End turn, the header says '$phase' '$side'"; hf=1; } ;;
    none|ending) ;;
    *) [ "$side" = "${panel%%: *}" ] || { bad "the panel asks ${panel%%: *}, the header names '$side' ($phase)"; hf=1; } ;;
  esac
done < <(grep '^header: ' "$T/log" | uniq)
grep -q '^header: .*panel: end turn' "$T/log" || bad "the turn never waited for End turn"
[ $n -ge 4 ] && [ $hf = 0 ] && echo "ok: the header agreed with the panel at each of $n states" || bad "only $n header reports"
# the legend keeps its corner, the log its column and its bottom
corners=$(grep '^layout: legend' "$T/log" | sed 's/.*corner //' | sort -u | tr '\n' ' ')
[ "$(echo $corners | wc -w)" = 1 ] && echo "ok: the legend stayed in corner $corners" || bad "the legend moved between corners: $corners"
logs=$(grep '^layout: log at' "$T/log" | sed 's/layout: log at //; s/;.*//' | awk -F, '{print $1 "," $3 "," $2 + $4}' | sort -u)
cols=$(grep '^layout: log at' "$T/log" | sed 's/.*indicators in //' | sort -u)
[ "$(echo "$cols" | wc -l)" = 1 ] && [ -n "$cols" ] && echo "ok: the indicators kept one layout ($cols)" ||
  bad "the indicators changed layout: $(echo "$cols" | tr '\n' ' ')"
[ "$(echo "$logs" | wc -l)" = 1 ] && [ -n "$logs" ] && echo "ok: the log kept its column and bottom ($logs)" ||
  bad "the log moved: $(echo "$logs" | tr '\n' ' ')"
# pop-ups below the top bar
pops=$(grep -c '^popup: ' "$T/log")
over=$(grep '^popup: ' "$T/log" | sed 's/popup: [a-z]* at [0-9-]*,\([0-9-]*\),.* of \([0-9]*\)/\1 \2/' | awk '$1 < $2' | wc -l)
grep -q '^popup: sources' "$T/log" || bad "the sources of the event's text did not pop up"
[ "$pops" -gt 0 ] && [ "$over" = 0 ] && echo "ok: $pops pop-ups, none over the top bar" ||
  bad "$over of $pops pop-ups reach over the top bar: $(grep '^popup: ' "$T/log" | sort -u | head -3 | tr '\n' ';')"
[ $fail -eq 0 ] && echo "test_play_layout: ok"
exit $fail
