#!/usr/bin/env bash
# The flagship against an earlier Flank on this machine: games per CPU second of each, one
# worker, alternating runs (3 x 300 games each) so that the machine's other work counts alike,
# and the ratio. Issue 12's floor: the v2 flagship keeps at least 60% of the v1 flagship's
# speed. The baseline is a flank binary built in another checkout, run on its own scenario:
#   git worktree add ../flank-v1 4e9cd51   # v1 flagship, as it was when v2 was asked for
#   cmake -S ../flank-v1 -B ../flank-v1/build -DCMAKE_BUILD_TYPE=RelWithDebInfo
#   cmake --build ../flank-v1/build -j2 --target flank
#   FLANK_BASELINE=../flank-v1/build/flank tools/bench
# Usage: tools/bench.d/baseline.sh [path/to/flank]  (skipped without FLANK_BASELINE)
set -u
FLANK=${1:-${FLANK:-build/flank}}
cd "$(dirname "$0")/../.." || exit 1
[ -n "${FLANK_BASELINE:-}" ] || { echo "  (skipped: set FLANK_BASELINE to an earlier flank binary to compare with)"; exit 0; }
B=$(cd "$(dirname "$FLANK_BASELINE")" && pwd)/$(basename "$FLANK_BASELINE")
BROOT=$(cd "$(dirname "$B")/.." && pwd) # the baseline's checkout: its own scenarios
[ -x "$B" ] && [ -f "$BROOT/scenarios/eastern_flank/scenario.lua" ] || { echo "  $B: not a flank binary in a checkout with the flagship"; exit 1; }
gps() { sed -n 's/.*games_per_cpu_s=\([0-9.]*\).*/\1/p'; }
med() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
now=(); base=()
for _ in 1 2 3; do
  base+=("$(cd "$BROOT" && "$B" batch scenarios/eastern_flank --runs 300 --jobs 1 --bench | gps)")
  now+=("$("$FLANK" batch scenarios/eastern_flank --runs 300 --jobs 1 --bench | gps)")
done
b=$(printf '%s\n' "${base[@]}" | med); n=$(printf '%s\n' "${now[@]}" | med)
echo "Flagship against $B ($(cd "$BROOT" && git log -1 --format=%h 2>/dev/null || echo '?'))"
printf '  %-46s %12s %s\n' "baseline, games per CPU second (median of 3)" "$b" "(${base[*]})"
printf '  %-46s %12s %s\n' "this build, games per CPU second (median of 3)" "$n" "(${now[*]})"
r=$(awk -v a="$n" -v b="$b" 'BEGIN{printf "%.2f", (b > 0 ? a / b : 0)}')
printf '  %-46s %12s %-10s target >= 0.60 %s\n' "this build / baseline" "$r" "" "$(awk -v r="$r" 'BEGIN{print (r >= 0.6 ? "ok" : "MISSED")}')"
