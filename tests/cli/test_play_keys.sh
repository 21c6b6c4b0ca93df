#!/usr/bin/env bash
# The window driven by the keyboard alone, as a student would: start, decide, try to
# quit with unsaved decisions (it must ask), keep playing, save (a save file appears),
# quit (now it must not ask). The question's buttons answer it with the mouse too, and
# months played without a decision since the save are unsaved play as well.
# Needs Xvfb and xdotool (tools/test installs both).
FLANK=$1
ROOT=${2:-.}
command -v Xvfb >/dev/null && command -v xdotool >/dev/null || { echo "skipped: needs Xvfb and xdotool"; exit 0; }
. "$(dirname "$0")/xvfb.sh"
xvfb_start 1280x800   # $T, $DISPLAY; the screen, the window $P and $T go at exit
FLANK_I18N_DRAWN="$T/drawn" SDL_RENDER_DRIVER=software HOME="$T" XDG_DATA_HOME="$T/data" "$FLANK" play tutorial --size 1280x800 >"$T/log" 2>&1 &
P=$!
fail=0
bad() { echo "FAIL: $*"; fail=1; }
alive() { kill -0 "$P" 2>/dev/null; }
k() { xdotool key "$@"; sleep "${FLANK_KEY_PACE:-0.7}"; }  # sanitizer builds draw slower: ctest sets a longer pace
for _ in 1 2 3 4 5 6 7 8 9 10; do xdotool search --onlyvisible --pid "$P" >/dev/null 2>&1 && break; sleep 0.5; done
alive || { bad "the window did not open: $(cat "$T/log")"; exit 1; }
xdotool mousemove 300 300 click 1; sleep 0.3
k Return            # briefing -> game
k Return            # close the first event's pop-up
k 1; k Return       # decide: stay in the treaty
# an indicator's arrow shows the change since the last decision, and its tooltip says so
# (Alliance cohesion's row in the side panel at 1280x800; every text drawn goes to $T/drawn)
W=$(xdotool search --onlyvisible --pid "$P" | head -1)
hover_cohesion() { xdotool mousemove --window "$W" 1000 90; sleep 0.3; xdotool mousemove --window "$W" 1000 197; sleep "${FLANK_KEY_PACE:-0.7}"; }
arrow_px() { # pixels of the good-news blue (COL_GOOD) where cohesion's arrow stands, left of its value
  xwd -id "$W" -silent >"$T/arrow.xwd"
  python3 "$ROOT/tests/ui/find_buttons.py" --count "$T/arrow.xwd" 86,180,233 1133,188,18,16
}
hover_cohesion
a1=$(arrow_px)
k ctrl+q
alive && echo "ok: asks before losing an unsaved decision" || bad "quit without asking about an unsaved decision"
k Escape
alive || bad "Esc should keep playing"
# the question's buttons, found on a dump of the window by their fill (the secondary
# buttons' colour, COL_CARD_HI in engine/ui/ui_gfx.c): Save, then quit; Keep playing
buttons() { # the centres of the dialog's secondary buttons, left to right
  xdotool mousemove --window "$W" 5 5; sleep 0.3   # no hover on them
  xwd -id "$W" -silent >"$T/win.xwd"
  python3 "$ROOT/tests/ui/find_buttons.py" "$T/win.xwd" 46,56,70 320,200,640,400
}
click() { xdotool mousemove --window "$W" "$1" "$2" click 1; sleep "${FLANK_KEY_PACE:-0.7}"; }
W=$(xdotool search --onlyvisible --pid "$P" | head -1)
k ctrl+q
mapfile -t B < <(buttons)
if [ ${#B[@]} -eq 2 ]; then
  click ${B[1]}
  k y                 # were the question still open, Y would quit
  alive && echo "ok: a click on Keep playing closes the question and keeps playing" || bad "after a click on Keep playing the window quit"
else bad "the quit question shows ${#B[@]} secondary buttons (want 2: Save, then quit; Keep playing)"; k Escape; fi
k ctrl+s
ls "$T"/data/flank/saves/*tutorial* >/dev/null 2>&1 && echo "ok: Ctrl+S wrote a save" || bad "no save file in \$XDG_DATA_HOME/flank/saves"
# one more decision after the save: only loading the save can make quitting silent again
k 1; k Return        # hold the budget: cohesion does not change
hover_cohesion
a2=$(arrow_px)
[ "${a1:-0}" -gt 10 ] && [ "${a2:-1}" -eq 0 ] && echo "ok: cohesion's arrow up after the decision that raised it, gone after one that did not" ||
  bad "cohesion's arrow: ${a1:-?} blue pixels after 'Stay a party' (want > 10), ${a2:-?} after 'Hold the budget' (want 0)"
# the load menu lists every save of the scenario; a damaged one shows why and cannot be
# chosen, and the good one still loads
head -c 200 /dev/urandom > "$T/data/flank/saves/tutorial-turn099.flanksave"
touch -d "+1 minute" "$T/data/flank/saves/tutorial-turn099.flanksave"   # the newest, listed first
k ctrl+o
[ -n "${SHOT:-}" ] && import -window root "$SHOT" 2>/dev/null
k Return            # the newest row is the damaged file: nothing happens
alive || bad "choosing a damaged save crashed the window"
k Down; k Return    # the good save loads
alive || bad "loading a save from the menu crashed the window"
k ctrl+q
sleep 0.5
alive && bad "quit after loading the save should not ask (did the load happen?)" || echo "ok: the menu skipped the damaged save, loaded the good one, and quit did not ask"
grep -q '^+5% since your decision “Stay a party” (1 Mar 2025)$' "$T/drawn" && echo "ok: cohesion's tooltip: +5% since the decision that raised it" ||
  bad "no tooltip '+5% since your decision “Stay a party”' over cohesion (drawn: $(grep -c . "$T/drawn") texts)"
grep -q '^unchanged since your decision “Hold the budget” (1 Mar 2025)$' "$T/drawn" && echo "ok: ... and unchanged after a decision that did not touch it (no arrow from the earlier change)" ||
  bad "cohesion's tooltip after 'Hold the budget' does not say unchanged: $(grep 'since' "$T/drawn" | tr '\n' '|')"
# a second game: decide, save, decide again; the mouse's "Save, then quit" saves the second
# decision (the save of this turn is replaced) and quits
FLANK_I18N_DRAWN="$T/drawn2" SDL_RENDER_DRIVER=software HOME="$T" XDG_DATA_HOME="$T/data2" "$FLANK" play tutorial --size 1280x800 >"$T/log2" 2>&1 &
P=$!
for _ in 1 2 3 4 5 6 7 8 9 10; do xdotool search --onlyvisible --pid "$P" >/dev/null 2>&1 && break; sleep 0.5; done
W=$(xdotool search --onlyvisible --pid "$P" | head -1)
click 300 300
k Return; k Return; k 1; k Return; k ctrl+s
sum0=$(cat "$T"/data2/flank/saves/tutorial-turn*.flanksave 2>/dev/null | cksum)
k 1; k Return        # the second card of the month
k space; sleep 2     # end the month: "Month's end" pops up under a header at turn 2, 1 April
k ctrl+q
mapfile -t B < <(buttons)
[ ${#B[@]} -eq 2 ] && click ${B[0]} || bad "no Save, then quit button (${#B[@]} secondary buttons): $(cat "$T/log2")"
sleep 1
alive && bad "Save, then quit did not quit" || echo "ok: a click on Save, then quit quit the window"
[ "$(cat "$T"/data2/flank/saves/tutorial-turn*.flanksave 2>/dev/null | cksum)" != "$sum0" ] && echo "ok: ... after saving the decision" ||
  bad "Save, then quit did not save the decision taken since the last save"
# an event fired as turn 1 ended says so, dated as the header then reads (not "TURN 1 · 1 Mar")
grep -q '^EVENT  ·  END OF TURN 1  ·  1 Apr 2025$' "$T/drawn2" && echo "ok: the month's end pops up as 'END OF TURN 1 · 1 Apr 2025'" ||
  bad "the month's end pop-up reads: $(grep '^EVENT' "$T/drawn2" | tr '\n' '|')"

[ $fail -eq 0 ] && echo "test_play_keys: ok"
exit $fail
