#!/usr/bin/env bash
# Figures for the window (engine/ui): frame times of the drawing code with SDL's software
# renderer at 1920x1080, time to first frame, resident memory and idle CPU of a real
# window under Xvfb. Usage: tools/bench.d/ui.sh [path/to/flank]  (tools/bench runs it)
set -u
FLANK=${1:-${FLANK:-build/flank}}
FLANK=$(cd "$(dirname "$FLANK")" && pwd)/$(basename "$FLANK")
cd "$(dirname "$0")/../.." || exit 1
SCEN=eastern_flank
[ -f scenarios/$SCEN/scenario.lua ] || SCEN=tutorial
verdict() { awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN { if (v == "") { print "NO FIGURE"; exit } ok = op == "<=" ? v <= t : v >= t; print ok ? "ok" : "MISSED" }'; }
row() { printf '  %-46s %12s %-10s target %s %-8s %s\n' "$1" "$2" "$3" "$4" "$5" "$(verdict "$2" "$4" "$5")"; }
echo "Window (engine/ui), $SCEN"

# 1. offscreen, software renderer (medians of 60 frames)
out=$("$FLANK" render $SCEN --seed 1 --turn 3 --size 1920x1080 --bench 60) || { echo "  render --bench failed"; exit 1; }
get() { echo "$out" | awk -v k="$1" '$1 == k {print $2}'; }
row "full map re-render, 1920x1080, software" "$(get full_rerender_median_ms)" ms "<=" 12
row "interactive frame (hover, tooltip, panels)" "$(get interactive_frame_median_ms)" ms "<=" 4
printf '  %-46s %12s %s\n' "everything redrawn (map, panels, top bar)" "$(get everything_redrawn_median_ms)" ms
printf '  %-46s %12s %s\n' "first frame offscreen (fonts, map, labels)" "$(get first_frame_offscreen_ms)" ms

# 2. a real window under Xvfb
if ! command -v xvfb-run >/dev/null; then echo "  window figures skipped: no xvfb-run"; exit 0; fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export XDG_DATA_HOME=$TMP/data
xvfb-run -a -s "-screen 0 1920x1080x24" bash -c '
  FLANK=$1; SCEN=$2; OUT=$3
  ticks=$(getconf CLK_TCK)
  cpu() { awk "{print \$14 + \$15}" /proc/$1/stat; }
  rss() { awk "/VmRSS/ {printf \"%.1f\", \$2 / 1024}" /proc/$1/status; }
  # the flagship on its first decision: first frame, memory
  "$FLANK" play $SCEN --size 1920x1080 --bench > "$OUT/e.out" 2>&1 &
  pid=$!
  sleep 3
  echo "first_frame_ms $(awk "/^first_frame_ms/ {print \$2}" "$OUT/e.out")"
  echo "rss_mb $(rss $pid)"
  echo "renderer $(awk "/^renderer/ {print \$2}" "$OUT/e.out")"
  kill $pid; wait $pid 2>/dev/null
  # the demo plays the tutorial to its end, then the window idles on the map
  "$FLANK" play tutorial --demo --speed max --size 1920x1080 > "$OUT/t.out" 2>&1 &
  pid=$!
  sleep 4
  c0=$(cpu $pid); t0=$(date +%s.%N)
  sleep 5
  c1=$(cpu $pid); t1=$(date +%s.%N)
  echo "idle_cpu $(echo "$c0 $c1 $t0 $t1 $ticks" | awk "{printf \"%.2f\", 100 * (\$2 - \$1) / \$5 / (\$4 - \$3)}")"
  kill $pid; wait $pid 2>/dev/null
' _ "$FLANK" "$SCEN" "$TMP" > "$TMP/w.out"
w() { awk -v k="$1" '$1 == k {print $2}' "$TMP/w.out"; }
row "time to first frame, window ($(w renderer))" "$(w first_frame_ms)" ms "<=" 300
row "resident memory, window on $SCEN" "$(w rss_mb)" MB "<=" 150
row "idle CPU, window (5 s under Xvfb)" "$(w idle_cpu)" % "<=" 1
