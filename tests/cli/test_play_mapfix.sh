#!/usr/bin/env bash
# The flagship's map in the window through a war (Xvfb + xdotool, seed 24 at 1440x900, the
# student's size), as a cold student met it. FLANK_COUNTER_CHECK and FLANK_LAYOUT_CHECK make the
# drawing report what it placed where:
# - counters stand on land in their area: no counter with its middle off its area (they once
#   stood in the sea off the Finnish coast: the stack's middle was on land, its ends were not);
# - the banner that asks for targets hides none of them (it once went under the legend, over
#   Võru and Rēzekne; at 1024x700 too);
# - the legend keeps its corner the whole game (it jumped to another when an obstacle's mark
#   made it a row taller);
# - fields bought for later (stockpile, remotely delivered) are marked on the board apart from
#   fields in the ground, and the legend names them (they showed nowhere until the attack);
# - in the war an area's "Battle contamination" says it is counted after the war, and the
#   panel's figure is "Later contamination" (the tooltip said 12 km², the panel 0 km²);
# - the map layer shows every area in its owner's colour all along: read back from the layer
#   after each frame (a student saw "Rīga fell" over a Rīga drawn blue; not reproduced).
# Needs Xvfb and xdotool (tools/test installs both).
FLANK=$1
command -v Xvfb >/dev/null && command -v xdotool >/dev/null || { echo "skipped: needs Xvfb and xdotool"; exit 0; }
. "$(dirname "$0")/xvfb.sh"
xvfb_start 1440x900   # $T, $DISPLAY; the screen, the window $P and $T go at exit
fail=0
bad() { echo "FAIL: $*"; fail=1; }
k() { xdotool key "$@"; sleep "${FLANK_KEY_PACE:-0.7}"; }
# start NAME SIZE: the flagship at seed 24 in a window of SIZE, reports in $T/NAME.log and .drawn
start() {
  FLANK_COUNTER_CHECK=1 FLANK_LAYOUT_CHECK=1 FLANK_I18N_DRAWN="$T/$1.drawn" SDL_RENDER_DRIVER=software HOME="$T/$1" \
    XDG_DATA_HOME="$T/$1/data" "$FLANK" play eastern_flank --seed 24 --size "$2" >"$T/$1.log" 2>&1 &
  P=$!
  for _ in 1 2 3 4 5 6 7 8 9 10; do xdotool search --onlyvisible --pid "$P" >/dev/null 2>&1 && break; sleep 0.5; done
  kill -0 "$P" 2>/dev/null || { bad "the window did not open: $(cat "$T/$1.log")"; exit 1; }
  xdotool mousemove 300 300 click 1; sleep 0.3
  k Return; k Return        # briefing -> game; the first event's pop-up
  k 2; k Return; sleep 1    # stay in the treaty: the fields card follows
}
# banners NAME: every place the targets' banner took hid none of them
banners() {
  local n hid
  n=$(grep -c '^banner: ' "$T/$1.log")
  hid=$(grep '^banner: ' "$T/$1.log" | grep -v ' hides 0 of ' | sort -u | head -3 | tr '\n' ';')
  [ "$n" -gt 0 ] && [ -z "$hid" ] && echo "ok: $2: the banner took $n places, none over a lit area" ||
    bad "$2: the banner hides lit areas: ${hid:-no banner report}"
}

# ---- a small window: the banner while four areas are chosen (it went under the legend)
start small 1024x700
k 2                                           # anti-tank obstacles: areas are lit
for _ in 1 2 3 4; do k Tab; k Return; done    # four chosen: the order's preview makes it taller
xdotool mousemove 5 5; sleep 0.5
banners small "1024x700"
kill -9 "$P" 2>/dev/null; wait "$P" 2>/dev/null

# ---- the student's window, into the war
start game 1440x900
k 2; k Tab; k Return; k Tab; k Return; sleep 0.5
k Escape                                      # cancelled
read -r x y < <(grep '^names: Alytus at' "$T/game.log" | tail -1 | sed 's/.* at \([0-9]*\),\([0-9]*\).*/\1 \2/')
[ -n "$x" ] || bad "Alytus has no name on the map"
k 2; xdotool mousemove "${x:-0}" "${y:-0}" click 1; sleep 0.7; k Return   # obstacles in Alytus: a mark and a legend row more
xdotool mousemove 1430 890; sleep 0.3
grep -q '^marks: obstacle in Alytus' "$T/game.log" || bad "no obstacle marked in Alytus: the legend's new row is not exercised"
# then every card answered with its first option, each turn ended, each pop-up read: seed 24
# comes to war in December 2025, and Rīga falls on its fourth day
for _ in $(seq 90); do
  case "$(grep '^header: ' "$T/game.log" | tail -1)" in
    *"panel: end turn"*) xdotool key space; sleep 1.2 ;;
    *"panel: none"* | *"panel: ending"*) xdotool key Return; sleep 0.6 ;;
    *) xdotool key 1; sleep 0.35; xdotool key Return; sleep 0.6 ;;
  esac
  grep -aq 'Rīga fell' "$T/game.drawn" && grep -q '^header: .*War: council measures' "$T/game.log" && break
done
grep -aq 'Rīga fell' "$T/game.drawn" || bad "the war did not reach Rīga: $(grep '^header: ' "$T/game.log" | tail -1)"
k Escape; k Escape; k Escape                  # the day's pop-ups read (Esc passes over the card)
xdotool mousemove 1430 890; sleep 0.8
# the tooltip of Rīga, taken in the war
read -r x y < <(grep '^names: Rīga at' "$T/game.log" | tail -1 | sed 's/.* at \([0-9]*\),\([0-9]*\).*/\1 \2/')
xdotool mousemove "$((${x:-0} - 8))" "${y:-0}"; sleep 0.4; xdotool mousemove "${x:-0}" "$((${y:-0} + 6))"; sleep 1
xdotool mousemove 1430 890; sleep 0.5
kill -0 "$P" 2>/dev/null || bad "the window died: $(tail -3 "$T/game.log")"

# counters on land
lands=$(grep -c '^land: ' "$T/game.log")
off=$(grep '^land: ' "$T/game.log" | grep -v ', 0 with their middle off their area,' | sed 's/.*area, [0-9]* with a corner off: //' | tr ';' '\n' | sed 's/ at .*//; s/^ //' | sort -u | tr '\n' ',')
[ "$lands" -gt 0 ] && [ -z "$off" ] && echo "ok: in $lands frames through the war no counter stood with its middle off its area" ||
  bad "counters off their area (in the sea or on a neighbour): ${off:-no land report}"
banners game "1440x900"
# the legend's corner
corners=$(grep '^layout: legend' "$T/game.log" | sed 's/.*corner //' | sort -u | tr '\n' ' ')
[ "$(echo $corners | wc -w)" = 1 ] && echo "ok: the legend stayed in corner $(echo $corners) through the war" || bad "the legend moved between corners: $corners"
# contamination, named alike in the tooltip and the panel
grep -aq 'Battle contamination (counted after the war): ' "$T/game.drawn" &&
  echo "ok: the war's tooltip says its battle contamination is counted after the war" ||
  bad "no tooltip says the battle contamination is counted after the war: $(grep -a 'contamination' "$T/game.drawn" | sort -u | head -3 | tr '\n' ';')"
grep -aqx 'Later contamination' "$T/game.drawn" && echo "ok: the panel's figure is 'Later contamination'" ||
  bad "the panel does not say 'Later contamination'"
# owners: the layer as the state has them
owners=$(grep -c '^owners: ' "$T/game.log")
wrong=$(grep '^owners: ' "$T/game.log" | grep -v ', 0 not in their owner' | sort -u | head -3 | tr '\n' ';')
[ "$owners" -gt 0 ] && [ -z "$wrong" ] && echo "ok: the map layer showed each area in its owner's colour ($(grep '^owners: ' "$T/game.log" | tail -1))" ||
  bad "the map layer disagrees with the owners: ${wrong:-no owners report}"

# ---- fields bought for later, marked apart (the computer plays the council's remotely
# delivered fields; the attack comes in turn 38 and scatters them)
FLANK_COUNTER_CHECK=1 FLANK_I18N_DRAWN="$T/plan.drawn" "$FLANK" render eastern_flank --seed 24 --side council=remote_fields --turn 20 \
  --size 1440x900 --out "$T/plan.png" 2>"$T/plan.log"
n=$(grep -c '^marks: planned minefield in ' "$T/plan.log")
[ "$n" -gt 0 ] && echo "ok: $n planned fields marked on the board" || bad "no planned field is marked: $(grep '^marks:' "$T/plan.log" | head -3 | tr '\n' ';')"
grep -aqx 'AP mines planned, not yet laid' "$T/plan.drawn" && echo "ok: the legend names the planned fields" ||
  bad "the legend does not name the planned fields"
FLANK_COUNTER_CHECK=1 "$FLANK" render eastern_flank --seed 24 --side council=remote_fields --turn 40 --size 1440x900 \
  --out "$T/war.png" 2>"$T/war.log"
grep -q '^marks: minefield in ' "$T/war.log" && ! grep -q '^marks: planned minefield in ' "$T/war.log" &&
  echo "ok: once the attack scattered them, the fields are marked as in the ground, none as planned" ||
  bad "after the attack: $(grep '^marks:' "$T/war.log" | sort -u | head -4 | tr '\n' ';')"
[ $fail -eq 0 ] && echo "test_play_mapfix: ok"
exit $fail
