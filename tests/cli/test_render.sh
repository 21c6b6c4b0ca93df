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

# an overlay shades the map by a property: the picture must change, and its legend names it
no_display "$FLANK" render tutorial --seed 1 --turn 5 --size 1280x800 --out "$TMP/owners.png" || { echo "FAIL: render owners"; fail=1; }
no_display "$FLANK" render tutorial --seed 1 --turn 5 --size 1280x800 --overlay obstacles --out "$TMP/overlay.png" || { echo "FAIL: render --overlay"; fail=1; }
if $CMP "$TMP/owners.png" "$TMP/overlay.png" >/dev/null; then echo "FAIL: --overlay obstacles did not change the map"; fail=1; fi

# usage errors are exit 2 with a message
for bad in "tutorial --out $TMP/x.png --overlay obstacle" "tutorial" "tutorial --out $TMP/x.png --size 10x10" "no_such_scenario --out $TMP/x.png" "tutorial --out $TMP/x.png --no-layer nope"; do
  # shellcheck disable=SC2086
  no_display "$FLANK" render $bad 2>"$TMP/err"; rc=$?
  if [ $rc -ne 2 ] || [ ! -s "$TMP/err" ]; then echo "FAIL: flank render $bad: exit $rc (want 2 with a message)"; fail=1; fi
done

[ $fail -eq 0 ] && echo "test_render: ok"
exit $fail
