#!/usr/bin/env bash
# flank render draws the game screen without a display; the images match the committed
# goldens (tolerant per-pixel check: tests/ui/pngcmp.py), and a missing layer is caught.
# Regenerate the goldens after an intended change to the look (see docs/ui.md):
#   FLANK_REGEN_GOLDEN=1 bash tests/cli/test_render.sh build/flank .
set -u
FLANK=$1
ROOT=$2
CMP="python3 $ROOT/tests/ui/pngcmp.py"
GOLD=$ROOT/tests/golden
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail=0
no_display() { env -u DISPLAY -u WAYLAND_DISPLAY "$@"; }

# name | arguments
CASES=(
  "tutorial_seed1|tutorial --seed 1 --size 1280x800"
  "fixture_board_t2|$GOLD/fixture_board --seed 1 --turn 2 --size 1280x800"
  # arrows (Red's axis), highlighted areas (Blue's fields) and the front line, as the referee sees them
  "board_marks_t2|$ROOT/tests/script/board --seed 1 --turn 2 --size 1280x800"
  # the legal targets of "Lay a field" lit, as when a player chooses it
  "board_pick_lay|$ROOT/tests/script/board --seed 1 --pick lay --size 1280x800"
  # the pieces that can move ringed
  "board_pick_move|$ROOT/tests/script/board --seed 1 --pick move --size 1280x800"
)

for c in "${CASES[@]}"; do
  name=${c%%|*}
  args=${c#*|}
  # shellcheck disable=SC2086
  if ! no_display "$FLANK" render $args --out "$TMP/$name.png"; then
    echo "FAIL: flank render $args exited $?"; fail=1; continue
  fi
  if [ "${FLANK_REGEN_GOLDEN:-}" = 1 ]; then cp "$TMP/$name.png" "$GOLD/$name.png"; echo "wrote $GOLD/$name.png"; continue; fi
  if ! $CMP "$GOLD/$name.png" "$TMP/$name.png"; then
    echo "FAIL: $name differs from the golden (regenerate only if the change is intended: docs/ui.md)"
    cp "$TMP/$name.png" "/tmp/flank-render-$name.png" 2>/dev/null && echo "  actual image kept in /tmp/flank-render-$name.png"
    fail=1
  fi
done

# the check must see a missing layer: also water drawn as land, national borders drawn
# like area borders, and the default palette instead of the scenario's side colours
for layer in pieces labels borders areas water nations colours; do
  no_display "$FLANK" render "$GOLD/fixture_board" --seed 1 --turn 2 --size 1280x800 --no-layer "$layer" --out "$TMP/no_$layer.png" || { echo "FAIL: render without $layer"; fail=1; continue; }
  if $CMP "$GOLD/fixture_board_t2.png" "$TMP/no_$layer.png" >/dev/null; then
    echo "FAIL: an image without the $layer layer passed the golden comparison"; fail=1
  fi
done

# without the marks layer, or without the lit targets, the golden comparison must fail
no_display "$FLANK" render "$ROOT/tests/script/board" --seed 1 --turn 2 --size 1280x800 --no-layer marks --out "$TMP/no_marks.png" || { echo "FAIL: render without marks"; fail=1; }
if $CMP "$GOLD/board_marks_t2.png" "$TMP/no_marks.png" >/dev/null; then echo "FAIL: an image without arrows, highlights and the front line passed"; fail=1; fi
no_display "$FLANK" render "$ROOT/tests/script/board" --seed 1 --size 1280x800 --out "$TMP/no_pick.png" || { echo "FAIL: render without --pick"; fail=1; }
if $CMP "$GOLD/board_pick_lay.png" "$TMP/no_pick.png" >/dev/null; then echo "FAIL: an image without the lit targets passed"; fail=1; fi

# hidden information: Blue must not see the hidden Red scout (its counter in c3r2), Red must;
# Blue's fields are highlighted for Blue only
at_scout() { # IMAGE -> the share of the counter's box that is not the area's own colour
  python3 - "$1" "$ROOT/tests/ui" <<'PY'
import sys
sys.path.insert(0, sys.argv[2])
from pngcmp import read_png
w, h, px = read_png(sys.argv[1])
x0, y0, x1, y1 = 975, 266, 1016, 297   # the scout's counter at 1600x1000 (c3r2, under its name)
cols = {}
for y in range(y0, y1):
    for x in range(x0, x1):
        j = 3 * (y * w + x)
        c = tuple(px[j:j + 3]); cols[c] = cols.get(c, 0) + 1
n = (x1 - x0) * (y1 - y0)
print(round(100 * (1 - max(cols.values()) / n)))
PY
}
for v in blue red; do
  no_display "$FLANK" render "$ROOT/tests/script/board" --seed 1 --view $v --out "$TMP/view_$v.png" || { echo "FAIL: render --view $v"; fail=1; }
done
b=$(at_scout "$TMP/view_blue.png"); r=$(at_scout "$TMP/view_red.png")
if [ "${b:-100}" -le 2 ] && [ "${r:-0}" -ge 10 ]; then echo "ok: the hidden scout is drawn for Red ($r% of its box) and not for Blue ($b%)"
else echo "FAIL: hidden scout: Blue's view has $b% non-area pixels at c3r2 (want <= 2), Red's $r% (want >= 10)"; fail=1; fi
no_display "$FLANK" render "$ROOT/tests/script/board" --seed 1 --turn 2 --size 1280x800 --view red --out "$TMP/red_t2.png"
no_display "$FLANK" render "$ROOT/tests/script/board" --seed 1 --turn 2 --size 1280x800 --view blue --out "$TMP/blue_t2.png"
if $CMP "$TMP/red_t2.png" "$TMP/blue_t2.png" >/dev/null; then echo "FAIL: Red's and Blue's views of turn 2 look the same (fields, scout, morale)"; fail=1; fi

# an overlay shades the map by a property: the picture must change, and its legend names it
no_display "$FLANK" render tutorial --seed 1 --turn 5 --size 1280x800 --out "$TMP/owners.png" || { echo "FAIL: render owners"; fail=1; }
no_display "$FLANK" render tutorial --seed 1 --turn 5 --size 1280x800 --overlay obstacles --out "$TMP/overlay.png" || { echo "FAIL: render --overlay"; fail=1; }
if $CMP "$TMP/owners.png" "$TMP/overlay.png" >/dev/null; then echo "FAIL: --overlay obstacles did not change the map"; fail=1; fi

# usage errors are exit 2 with a message
for bad in "tutorial --out $TMP/x.png --overlay obstacle" "tutorial" "tutorial --out $TMP/x.png --size 10x10" "no_such_scenario --out $TMP/x.png" "tutorial --out $TMP/x.png --no-layer nope" "tutorial --out $TMP/x.png --view nobody" "$ROOT/tests/script/board --out $TMP/x.png --pick done" "$ROOT/tests/script/board --out $TMP/x.png --pick nope"; do
  # shellcheck disable=SC2086
  no_display "$FLANK" render $bad 2>"$TMP/err"; rc=$?
  if [ $rc -ne 2 ] || [ ! -s "$TMP/err" ]; then echo "FAIL: flank render $bad: exit $rc (want 2 with a message)"; fail=1; fi
done

[ $fail -eq 0 ] && echo "test_render: ok"
exit $fail
