#!/usr/bin/env bash
# flank play under a virtual X server: the demo plays the tutorial to its end at full
# speed, writes a screenshot and exits 0; the screenshot shows the map (sea and land
# colours, not a blank window). Skipped only when xvfb-run is not installed.
set -u
FLANK=$1
ROOT=$2
if ! command -v xvfb-run >/dev/null 2>&1; then echo "skipped: no xvfb-run"; exit 0; fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail=0
# X libraries keep allocations until exit; leak reports from them are not ours
export ASAN_OPTIONS=${ASAN_OPTIONS:-}:detect_leaks=0
export XDG_DATA_HOME=$TMP/data

timeout 300 xvfb-run -a -s "-screen 0 1600x1000x24" "$FLANK" play tutorial --demo --speed max --size 1440x900 \
  --screenshot "$TMP/demo.png" 2>"$TMP/err"
rc=$?
if [ $rc -ne 0 ]; then echo "FAIL: flank play --demo exited $rc"; cat "$TMP/err"; fail=1; fi
if [ ! -s "$TMP/demo.png" ]; then
  echo "FAIL: no screenshot written"; fail=1
else
  # the table around the board (13,18,24), a council area (23,92,127), an adversary area
  # (151,80,20), the side panel (24,29,37): theme colours from engine/ui/ui_gfx.c, side fills from fl_colour_area
  python3 "$ROOT/tests/ui/pngcmp.py" --colours "$TMP/demo.png" 13,18,24:0.01 23,92,127:0.05 151,80,20:0.03 24,29,37:0.05 || {
    echo "FAIL: the screenshot does not show the map"; fail=1; }
fi

# the title screen lists the shipped scenarios
timeout 120 xvfb-run -a -s "-screen 0 1600x1000x24" "$FLANK" play --size 1280x800 --screenshot "$TMP/title.png" \
  --shot-screen title 2>"$TMP/err" || { echo "FAIL: title screen"; cat "$TMP/err"; fail=1; }
[ -s "$TMP/title.png" ] || { echo "FAIL: no title screenshot"; fail=1; }

# a bad scenario is a usage error, before any window opens
"$FLANK" play no_such_scenario 2>/dev/null; rc=$?
[ $rc -eq 2 ] || { echo "FAIL: flank play no_such_scenario exited $rc (want 2)"; fail=1; }

# no display: a clear error (exit 2), not a window nobody can see
env -u DISPLAY -u WAYLAND_DISPLAY timeout 60 "$FLANK" play tutorial 2>"$TMP/err"; rc=$?
if [ $rc -ne 2 ] || ! grep -q "no display" "$TMP/err"; then echo "FAIL: flank play without a display exited $rc (want 2, 'no display')"; fail=1; fi

[ $fail -eq 0 ] && echo "test_play_xvfb: ok"
exit $fail
