#!/usr/bin/env bash
# The window while "your game among many" runs: the flagship played by its policies to the
# end (demo), the debrief opened (it starts the ensemble on worker threads: ~2,500 games,
# FLANK_AMONG_RUNS per policy), the mouse kept moving so the window draws frame after frame,
# and a what-if fork asked for during the run and after it. Prints the longest and the mean
# frame while the ensemble ran (target: no frame over 50 ms), each slower frame's phases (a
# frame whose CPU time is far below its wall time waited for a core: the machine's other
# load), how long the window's thread and Xvfb waited for a core meanwhile (schedstat), and
# the forks' latency in the window (click to result shown: script load and play to the end
# on the fork's thread, then the event loop waking up).
# Needs Xvfb and xdotool; the frames are SDL's software renderer under Xvfb.
# Usage: tools/bench.d/teach_window.sh [path/to/flank]  (tools/bench runs it)
set -u
FLANK=${1:-${FLANK:-build/flank}}
FLANK=$(cd "$(dirname "$FLANK")" && pwd)/$(basename "$FLANK")
cd "$(dirname "$0")/../.." || exit 1
command -v Xvfb >/dev/null && command -v xdotool >/dev/null || { echo "  (window figures skipped: needs Xvfb and xdotool)"; exit 0; }
[ -f scenarios/eastern_flank/scenario.lua ] || { echo "  the flagship is not present"; exit 0; }
verdict() { awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN { if (v == "") { print "NO FIGURE"; exit } ok = op == "<=" ? v <= t : v >= t; print ok ? "ok" : "MISSED" }'; }
row() { printf '  %-46s %12s %-10s target %s %-8s %s\n' "$1" "$2" "$3" "$4" "$5" "$(verdict "$2" "$4" "$5")"; }
T=$(mktemp -d)
DPY=":$((300 + RANDOM % 200))"
Xvfb "$DPY" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
XV=$!
trap 'kill $P $XV 2>/dev/null; rm -rf "$T"' EXIT
export DISPLAY=$DPY
sleep 1
echo "Teaching tools in the window (eastern_flank, software renderer under Xvfb)"
# every policy of every side plays a demo, so the debrief compares every policy: ~230 games each
# (in a fresh cache: the ensemble is played, not read from an earlier run)
FLANK_AMONG_RUNS=${FLANK_AMONG_RUNS:-230} SDL_RENDER_DRIVER=software HOME="$T" XDG_CACHE_HOME="$T/cache" \
  "$FLANK" play eastern_flank --demo --speed max --size 1440x900 --bench >"$T/out" 2>"$T/err" &
P=$!
for _ in $(seq 40); do xdotool search --onlyvisible --pid "$P" >/dev/null 2>&1 && break; sleep 0.5; done
for _ in $(seq 120); do grep -q '^debrief' "$T/out" && break; xdotool key Return; sleep 0.5; done
grep -q '^debrief' "$T/out" || { echo "  (window figures skipped: the demo did not reach the debrief: $(tail -2 "$T/err"))"; exit 0; }
# ns on a CPU and ns waiting for one (schedstat): the window's thread, Xvfb
sched() { awk '{printf "%s %s ", $1, $2}' "/proc/$P/task/$P/schedstat" "/proc/$XV/schedstat" 2>/dev/null; }
s0=$(sched)
xdotool key Down; sleep 0.3; xdotool key 2   # a fork while the ensemble runs
# keep the window drawing (hover, tabs) until the ensemble is done
i=0
while ! grep -q '^among_games' "$T/out" && [ $i -lt 1200 ]; do
  xdotool mousemove $((200 + (i * 37) % 900)) $((300 + (i * 23) % 400)); sleep 0.1
  [ $((i % 50)) = 25 ] && xdotool key Tab
  i=$((i + 1))
  kill -0 "$P" 2>/dev/null || break
done
grep -q '^among_games' "$T/out" || { echo "  the ensemble did not finish: $(tail -2 "$T/out")"; exit 1; }
s1=$(sched)
xdotool key Escape; sleep 0.3; xdotool key Return; sleep 0.5  # the map, and the debrief again at "your game"
xdotool key Up; sleep 0.3; xdotool key p       # a fork with the machine quiet
for _ in $(seq 100); do [ "$(grep -c '^fork_ms' "$T/out")" -ge 2 ] && break; sleep 0.2; done
xdotool key ctrl+q
line=$(grep '^among_games' "$T/out")
printf '  %s\n' "$line"
games=$(echo "$line" | sed -n 's/^among_games \([0-9]*\) of.*/\1/p')
ms=$(echo "$line" | sed -n 's/.* in \([0-9]*\) ms.*/\1/p')
printf '  %-46s %12s %s\n' "ensemble in the window: $games games, wall" "$(awk -v m="$ms" 'BEGIN{printf "%.1f", m / 1000}')" "s"
row "longest frame while the ensemble runs" "$(echo "$line" | sed -n 's/.*max_frame_ms=\([0-9.]*\).*/\1/p')" "ms" "<=" 50
printf '  %-46s %12s %s\n' "mean frame while the ensemble runs" "$(echo "$line" | sed -n 's/.*mean_frame_ms=\([0-9.]*\).*/\1/p')" "ms"
# the same longest frame on the window thread's CPU alone: what a loaded machine (waiting for a
# core, for Xvfb) does not add; printed when the window closes
for _ in $(seq 50); do grep -q '^max_frame_cpu_ms_while_among' "$T/out" && break; sleep 0.2; done
row "longest frame's CPU while the ensemble runs" "$(sed -n 's/^max_frame_cpu_ms_while_among \([0-9.]*\)/\1/p' "$T/out")" "ms" "<=" 50
grep -q '^texts_deferred' "$T/out" && printf '  %-46s %12s\n' "texts left for a later frame (budget 8 ms)" "$(sed -n 's/^texts_deferred \([0-9]*\) .*/\1/p' "$T/out")"
# the frames over 50 ms while the ensemble ran (fl_ui.c prints each with its phases)
awk '/^debrief/ {on = 1} /^among_games/ {on = 0} on && /^slow_frame_ms/ && / ensemble running/' "$T/out" | sort -k2 -rn | head -3 |
  while read -r _ ms rest; do printf '    slow frame %6s ms: %s\n' "$ms" "${rest%% screen*}"; done
echo "$s0 $s1" | awk 'NF == 8 { printf "  while it ran, the window thread ran %.1f s and waited %.1f s for a core; Xvfb ran %.1f s, waited %.1f s\n",
  ($5 - $1) / 1e9, ($6 - $2) / 1e9, ($7 - $3) / 1e9, ($8 - $4) / 1e9 }'
k=0
grep '^fork_ms' "$T/out" | head -2 | while read -r _ ms rest; do
  k=$((k + 1))
  row "fork in the window, click to result ($([ $k = 1 ] && echo during || echo after) run)" "$ms" "ms" "<=" 50
  echo "$rest" | sed -n 's/^\(.*\) ending \(.*\) (played in \([0-9.]*\) ms, shown \([0-9.]*\) ms later).*/    \1 (ending \2): played in \3 ms on its thread, shown \4 ms later/p'
done
exit 0
