#!/usr/bin/env bash
# Playing on the board in the window (tests/script/board, Blue): under Xvfb, xdotool
# chooses targets with the mouse (two areas to scout; a move by click, which waits for a
# second click; a move by dragging the counter) and, in a second game, with the keyboard alone (Tab/Enter). Each result is
# read back from the save the window writes (Ctrl+S): the scenario's rule code records the
# chosen areas ("scouted") and the last move ("last_move" = from>to) in its variables.
# Needs Xvfb and xdotool (tools/test installs both).
FLANK=$1
ROOT=$2
command -v Xvfb >/dev/null && command -v xdotool >/dev/null || { echo "skipped: needs Xvfb and xdotool"; exit 0; }
. "$(dirname "$0")/xvfb.sh"
xvfb_start 1280x800   # $T, $DISPLAY; the screen, the window $P and $T go at exit
fail=0
bad() { echo "FAIL: $*"; fail=1; }
alive() { kill -0 "$P" 2>/dev/null; }
k() { xdotool key "$@"; sleep 0.6; }
at() { xdotool mousemove "$1" "$2"; sleep 0.3; }
click() { at "$1" "$2"; xdotool click 1; sleep 0.6; }
start() { # HOME-DIR: a fresh game as Blue, at the first decision
  mkdir -p "$1"
  SDL_RENDER_DRIVER=software HOME="$1" XDG_DATA_HOME="$1/data" "$FLANK" play "$ROOT/tests/script/board" --side blue --size 1280x800 >"$1/log" 2>&1 &
  P=$!
  for _ in 1 2 3 4 5 6 7 8 9 10; do xdotool search --onlyvisible --pid "$P" >/dev/null 2>&1 && break; sleep 0.5; done
  alive || { bad "the window did not open: $(cat "$1/log")"; exit 1; }
  click 300 300  # focus
  k Return       # briefing -> game
}
saved() { # HOME-DIR NAME: save now (Ctrl+S) and keep a copy
  k ctrl+s
  local f
  f=$(ls -t "$1"/data/flank/saves/board_fixture-turn*.flanksave 2>/dev/null | head -1)   # the newest
  cp "$f" "$T/$2" 2>/dev/null || bad "no save written ($2)"
}
has() { grep -aq -- "$2" "$T/$1"; }
# SHOT=/tmp/prefix keeps screenshots of the steps as X window dumps (xwd), for a person to look at
shot() { [ -n "${SHOT:-}" ] && xwd -root -silent -out "$SHOT-$1.xwd"; true; }

# Where things are at 1280x800 (the window lays out like flank render --size 1280x800):
# area names c<x>r<y> on a 4x3 grid; Blue's infantry counters under c0r0 and c0r2.
C0R0=(137 664) C0R1=(137 417) C1R1=(357 417) C2R0=(577 637) C3R1=(797 417)

# ---- the mouse ----------------------------------------------------------------------------
start "$T/m"
# a move by clicks: the counter, then the destination (reachable areas are shaded)
click "${C0R0[@]}"; at "${C1R1[@]}"; shot move-hover; xdotool click 1; sleep 0.6
saved "$T/m" staged.sav   # one click on the destination only proposes the move
has staged.sav 'c0r0>c1r1' && bad "a single click on the destination moved at once (it must wait for a second click or Enter)" ||
  echo "ok: one click on the destination waits for its confirmation"
# (saving ends the choice) again: the counter, the destination, and a second click on it moves
click "${C0R0[@]}"; click "${C1R1[@]}"; xdotool click 1; sleep 0.6
saved "$T/m" click.sav
has click.sav 'c0r0>c1r1' && echo "ok: a click on the counter and one on the destination moved it" || bad "click move: no c0r0>c1r1 in the save"
# a move by dragging the counter (now in c1r1) onto c0r1
at 357 444; xdotool mousedown 1; sleep 0.2
for s in 1 2 3 4 5 6; do xdotool mousemove $((357 - 37 * s)) 440; sleep 0.08; done
shot drag
at "${C0R1[@]}"; xdotool mouseup 1; sleep 0.8
saved "$T/m" drag.sav
has drag.sav 'c1r1>c0r1' && echo "ok: dragging the counter onto c0r1 moved it" || bad "drag move: no c1r1>c0r1 in the save"
# two area targets: option 3 lights c2r0, c2r2 and c3r1; click two of them
k 3
click "${C2R0[@]}"; at "${C3R1[@]}"; shot pair-hover; xdotool click 1; sleep 0.6
saved "$T/m" pair.sav
has pair.sav 'c2r0,c3r1' && echo "ok: two areas chosen with the mouse" || bad "mouse: the save does not record scouted = c2r0,c3r1"
alive || bad "the window died: $(cat "$T/m/log")"
kill $P 2>/dev/null; wait $P 2>/dev/null
sleep 1   # the X server resets when its last client leaves

# ---- the keyboard alone ----------------------------------------------------------------
start "$T/k"
xdotool mousemove 1270 790; sleep 0.2   # out of the way: the keyboard's cursor decides
# a move: 1 lights the movable pieces; Tab to the first, Enter; Tab to the first destination, Enter
k 1; k Tab; k Return; k Tab; shot key-dest; k Return
saved "$T/k" kstaged.sav
has kstaged.sav 'c0r0>' && bad "Enter on a destination moved at once (it must wait for a second Enter)"
k 1; k Tab; k Return; k Tab; k Return; k Return   # (saving ends the choice) again; Enter twice on the destination moves
saved "$T/k" kmove.sav
has kmove.sav 'c0r0>' && echo "ok: a move with Tab and Enter" || bad "keyboard move: no c0r0>... in the save"
# Esc cancels: 3 then Esc, and Enter afterwards chooses nothing
k 3; k Escape; k Return
# two areas: 3, then Tab Enter, Tab Enter (the cursor stays; the next Tab goes on)
k 3; k Tab; k Return; k Tab; k Return
saved "$T/k" kpair.sav
grep -aoE 'c[0-9]r[0-9],c[0-9]r[0-9]' "$T/kpair.sav" | grep -qE 'c2r0|c2r2|c3r1' && echo "ok: two areas chosen with the keyboard alone ($(grep -aoE 'c[0-9]r[0-9],c[0-9]r[0-9]' "$T/kpair.sav" | head -1))" ||
  bad "keyboard: the save does not record two scouted areas"
alive || bad "the window died: $(cat "$T/k/log")"
kill $P 2>/dev/null; wait $P 2>/dev/null
sleep 1

# ---- hotseat: the hand-over screen hides the board between people -----------------------
pixel_share() { # XWD X0 Y0 X1 Y1 R G B: percent of the box's pixels within 6 of colour R,G,B
  python3 - "$@" <<'PY'
import struct, sys
d = open(sys.argv[1], 'rb').read()
h = struct.unpack('>25I', d[:100])
hsize, w, bpl, ncol, order = h[0], h[4], h[12], h[19], h[7]
x0, y0, x1, y1, r, g, b = (int(v) for v in sys.argv[2:9])
off, n, hit = hsize + 12 * ncol, 0, 0
for y in range(y0, y1, 2):
    for x in range(x0, x1, 2):
        p = d[off + y * bpl + 4 * x: off + y * bpl + 4 * x + 4]
        c = (p[2], p[1], p[0]) if order == 0 else (p[1], p[2], p[3])
        n += 1
        hit += abs(c[0] - r) <= 6 and abs(c[1] - g) <= 6 and abs(c[2] - b) <= 6
print(round(100 * hit / n))
PY
}
colour_at() { # XWD X Y -> "R G B"
  python3 - "$@" <<'PY'
import struct, sys
d = open(sys.argv[1], 'rb').read()
h = struct.unpack('>25I', d[:100])
hsize, bpl, ncol, order = h[0], h[12], h[19], h[7]
x, y = int(sys.argv[2]), int(sys.argv[3])
p = d[hsize + 12 * ncol + y * bpl + 4 * x:][:4]
print(*((p[2], p[1], p[0]) if order == 0 else (p[1], p[2], p[3])))
PY
}
mkdir -p "$T/h"
SDL_RENDER_DRIVER=software HOME="$T/h" XDG_DATA_HOME="$T/h/data" "$FLANK" play "$ROOT/tests/script/board" --side blue --size 1280x800 >"$T/h/log" 2>&1 &
P=$!
for _ in 1 2 3 4 5 6 7 8 9 10; do xdotool search --onlyvisible --pid "$P" >/dev/null 2>&1 && break; sleep 0.5; done
click 300 300
k h; k Return                   # hotseat: a person for every side; Blue sits first
xdotool mousemove 1270 790
xwd -root -silent -out "$T/blue.xwd"
k 4; k Return                   # Blue ends its orders: Red decides next
xwd -root -silent -out "$T/pass.xwd"
[ -n "${SHOT:-}" ] && cp "$T/pass.xwd" "$SHOT-handover.xwd"
k 2                             # behind the screen, keys do not reach Red's card
saved "$T/h" behind.sav
has behind.sav 'Axis' && bad "a key behind the hand-over screen chose Red's option"
k Return                        # Red sits down
k 2; k Return                   # Red: announce an axis (an arrow labelled Axis)
saved "$T/h" red.sav
has red.sav 'Axis' && echo "ok: after Enter on the hand-over screen, Red decides" || bad "Red's decision after the hand-over is not in the save"
read -r r g b < <(colour_at "$T/blue.xwd" 60 620)   # c0r0's fill, as Blue saw the board
share=$(pixel_share "$T/pass.xwd" 30 100 900 750 "$r" "$g" "$b")
before=$(pixel_share "$T/blue.xwd" 30 100 900 750 "$r" "$g" "$b")
if [ "${before:-0}" -ge 10 ] && [ "${share:-100}" -eq 0 ]; then echo "ok: the hand-over screen hides the board (Blue's area colour on $before% of the map before, $share% behind it)"
else bad "hand-over: Blue's area colour covers $share% of the map region behind the screen (want 0; $before% before)"; fi
alive || bad "the window died: $(cat "$T/h/log")"
[ $fail -eq 0 ] && echo "test_play_board: ok"
exit $fail
