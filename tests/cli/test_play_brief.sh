#!/usr/bin/env bash
# The briefing's list of sources scrolls with the mouse wheel, as its "↓ N more below (mouse
# wheel)" line says (a cold student turned the wheel over it twice and nothing moved: the
# flagship's 28 sources stayed hidden until the debrief). FLANK_I18N_DRAWN lists every text the
# window draws. Scrolled, the list still shows a source between its "↑ N more above" and "↓ N more
# below" lines (a cold student saw "↑ 3 more above / ↓ 25 more below" and nothing between: the
# source there was taller than the room left); FLANK_LAYOUT_CHECK reports what the list shows.
# Then a compact card keeps its options' prices, and its text cut short shows whole under the mouse. Needs Xvfb and xdotool (tools/test installs both).
FLANK=$1
command -v Xvfb >/dev/null && command -v xdotool >/dev/null || { echo "skipped: needs Xvfb and xdotool"; exit 0; }
. "$(dirname "$0")/xvfb.sh"
xvfb_start 1920x1200   # $T, $DISPLAY; the screen, the window $P and $T go at exit
fail=0
bad() { echo "FAIL: $*"; fail=1; }
FLANK_LAYOUT_CHECK=1 FLANK_I18N_DRAWN="$T/drawn" SDL_RENDER_DRIVER=software HOME="$T" XDG_DATA_HOME="$T/data" \
  "$FLANK" play eastern_flank --size 1920x1200 >"$T/out" 2>"$T/err" &
P=$!
for _ in $(seq 20); do xdotool search --onlyvisible --pid "$P" >/dev/null 2>&1 && break; sleep 0.5; done
W=$(xdotool search --onlyvisible --pid "$P" | head -1)
[ -n "$W" ] || { bad "the window did not open: $(tail -3 "$T/err")"; exit 1; }
sleep 1
below=$(grep -a 'more below (mouse wheel)' "$T/drawn" | tail -1)
[ -n "$below" ] || { bad "the briefing shows no '... more below (mouse wheel)' under its sources"; exit 1; }
# at 1920x1200 the list has room for its first source: point at it and turn the wheel down
xdotool mousemove --window "$W" 1300 985; sleep 0.3
: >"$T/drawn"
for _ in 1 2 3; do xdotool click 5; sleep 0.3; done
xdotool mousemove --window "$W" 1301 985; sleep 0.5   # a motion redraws, whatever the wheel did
grep -aq 'more above' "$T/drawn" && echo "ok: the wheel scrolls the briefing's sources ($(grep -a 'more above' "$T/drawn" | tail -1))" ||
  bad "the wheel over the sources did not scroll them (no 'more above'; before: '$below')"
: >"$T/drawn"
for _ in 1 2 3 4; do xdotool click 4; sleep 0.3; done
xdotool mousemove --window "$W" 1300 985; sleep 0.5
grep -aq 'more above' "$T/drawn" && bad "the wheel up did not bring the list back to its top" || echo "ok: the wheel up brings it back to its first source"
# every place the wheel takes the list to, from its top to its last source, lists one or more
# sources, and the counts above and below are those of the sources not listed
for _ in $(seq 30); do xdotool click 5; sleep 0.1; done
xdotool mousemove --window "$W" 1301 985; sleep 0.5
grep -a '^sources: ' "$T/err" >"$T/lists"
awk 'NR == 1 { n = $2 + $4 + $6 } { if ($4 < 1 || $2 + $4 + $6 != n) bad = bad $0 "; " ; last = $2 } END { if (bad != "" || NR < 2 || last != n - 1) { print bad "(" NR " lists, the last " last " above, of " n ")"; exit 1 } }' "$T/lists" >"$T/badlists" &&
  echo "ok: in each of the $(wc -l <"$T/lists") lists the wheel brought, the list shows a source and counts the rest ($(tail -1 "$T/lists"))" ||
  bad "scrolled, the list of sources shows none or miscounts: $(cat "$T/badlists")"
kill -0 "$P" 2>/dev/null || bad "the window died: $(tail -3 "$T/err")"
kill "$P" 2>/dev/null; wait "$P" 2>/dev/null

# a compact card keeps each option's price (a cold student paid US$80 M for sensors a compact card
# showed with no cost): at 1440x900 the third card of the first turn, counter-mobility
: >"$T/drawn"
FLANK_I18N_DRAWN="$T/drawn" SDL_RENDER_DRIVER=software HOME="$T" XDG_DATA_HOME="$T/data" \
  "$FLANK" play eastern_flank --seed 57 --size 1440x900 >"$T/out" 2>"$T/err" &
P=$!
for _ in $(seq 20); do xdotool search --onlyvisible --pid "$P" >/dev/null 2>&1 && break; sleep 0.5; done
W=$(xdotool search --onlyvisible --pid "$P" | head -1)
xdotool windowfocus --sync "$W" 2>/dev/null; xdotool mousemove --window "$W" 5 5
sleep 1; xdotool key Return; sleep 1                          # begin
for k in Return 1 Return 1 Return; do xdotool key "$k"; sleep 0.5; done # the opening news, the first two cards
sleep 0.5
grep -aq '^Cost: US\$80 M (Budget)$' "$T/drawn" && echo "ok: the compact card shows the sensors' price" ||
  bad "the compact counter-mobility card shows no price: $(grep -a 'Cost' "$T/drawn" | sort -u | head -3)"
kill -0 "$P" 2>/dev/null || bad "the window died: $(tail -3 "$T/err")"
kill -9 "$P" 2>/dev/null; wait "$P" 2>/dev/null   # a game in play asks before it quits

# a card whose text is cut short ends with a hint, and the mouse over the cut text shows the whole
# text (a cold student at 1296x810 could read the cut text in full by no means): at 1296x720 the
# first card, "Leave the mine ban?", is compacted. FLANK_LAYOUT_CHECK says where the cut text is
# and what the tooltip shows
: >"$T/drawn"
FLANK_LAYOUT_CHECK=1 FLANK_I18N_DRAWN="$T/drawn" SDL_RENDER_DRIVER=software HOME="$T" XDG_DATA_HOME="$T/data" \
  "$FLANK" play eastern_flank --seed 57 --size 1296x720 >"$T/out" 2>"$T/err" &
P=$!
for _ in $(seq 20); do xdotool search --onlyvisible --pid "$P" >/dev/null 2>&1 && break; sleep 0.5; done
W=$(xdotool search --onlyvisible --pid "$P" | head -1)
xdotool windowfocus --sync "$W" 2>/dev/null; xdotool mousemove --window "$W" 5 5
sleep 1; xdotool key Return; sleep 1; xdotool key Return; sleep 1 # begin, the opening news: the first card
zone=$(grep -a '^card text: cut at ' "$T/err" | tail -1 | sed 's/^card text: cut at //')
if [ -z "$zone" ]; then bad "at 1296x720 the first card's text is not cut (the test needs a compacted card)"; else
  IFS=, read -r zx zy zw zh <<<"$zone"
  grep -aq '(point here for all)$' "$T/drawn" && echo "ok: the cut text ends with '(point here for all)'" ||
    bad "the cut card text has no hint: $(grep -a ' \xE2\x80\xA6' "$T/drawn" | tail -1)"
  grep -aq '^card text tooltip' "$T/err" && bad "the tooltip shows before the mouse is over the text"
  xdotool mousemove --window "$W" $((zx + zw / 2)) $((zy + zh / 2)); sleep 0.3
  xdotool mousemove --window "$W" $((zx + zw / 2 + 1)) $((zy + zh / 2)); sleep 0.6
  tip=$(grep -a '^card text tooltip: ' "$T/err" | tail -1)
  n=$(sed 's/^card text tooltip: \([0-9]*\) chars.*/\1/' <<<"$tip")
  [ -n "$tip" ] && [ "${n:-0}" -gt 300 ] && grep -aq 'and mines that stay for decades\.$' "$T/drawn" &&
    echo "ok: the mouse over the cut text shows it whole ($tip)" ||
    bad "the mouse over the cut card text at $zone shows no whole text (${tip:-no tooltip})"
  [ -n "$SHOT" ] && import -window root "$SHOT"
  xdotool mousemove --window "$W" 5 5; sleep 0.6
  : >"$T/drawn"; xdotool mousemove --window "$W" 6 5; sleep 0.6
  grep -aq 'and mines that stay for decades\.$' "$T/drawn" && bad "the whole text stays after the mouse left it"
fi
kill -0 "$P" 2>/dev/null || bad "the window died: $(tail -3 "$T/err")"
[ $fail -eq 0 ] && echo "test_play_brief: ok"
exit $fail
