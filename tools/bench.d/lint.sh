#!/usr/bin/env bash
# Lint on the shipped scenarios: what a designer waits for after each save. flank lint loads
# a scenario twice (a lenient load that records every definition, then the real one for the
# board) and scans its tokens, so its CPU time is set against one load (flank run --turns 1):
# the scan should cost no more than the loads. Best of LINT_REPEATS runs (default 5), in CPU
# time, so that other work on the machine counts as little as possible.
#   tools/bench.d/lint.sh [path/to/flank]   (tools/bench runs it)
set -u
FLANK=${1:-${FLANK:-build/flank}}
FLANK=$(cd "$(dirname "$FLANK")" && pwd)/$(basename "$FLANK")
cd "$(dirname "$0")/../.." || exit 1
REPEATS=${LINT_REPEATS:-5}
status=0

verdict() { awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN { if (v == "") { print "NO FIGURE"; exit } ok = op == "<=" ? v <= t : v >= t; print ok ? "ok" : "MISSED" }'; }
row() { printf '  %-46s %12s %-10s target %s %-8s %s\n' "$1" "$2" "$3" "$4" "$5" "$(verdict "$2" "$4" "$5")"; }
info() { printf '  %-46s %12s %s\n' "$1" "$2" "$3"; }
best() { grep . | sort -g | head -n 1; }
# cpu_ms CMD...: user + system milliseconds of one run of CMD (empty if it failed)
cpu_ms() {
  local TIMEFORMAT='%3U %3S' t
  t=$( { time "$@" >/dev/null 2>&1 || echo fail; } 2>&1 )
  case "$t" in *fail*) return 1 ;; esac
  awk '{ printf "%.1f\n", ($1 + $2) * 1000 }' <<<"$t"
}

echo "Lint (best of $REPEATS, CPU)"
for s in eastern_flank suwalki_gap tutorial; do
  [ -f "scenarios/$s/scenario.lua" ] || continue
  l="" r=""
  for ((i = 0; i < REPEATS; i++)); do
    l+="$(cpu_ms "$FLANK" lint "$s")"$'\n' || { echo "  flank lint $s failed (it found problems?)"; status=1; break; }
    r+="$(cpu_ms "$FLANK" run "$s" --turns 1)"$'\n' || { echo "  flank run $s failed"; status=1; break; }
  done
  lint=$(best <<<"$l"); load=$(best <<<"$r")
  if [ "$s" = eastern_flank ]; then row "flank lint $s" "$lint" "ms" "<=" 150
  else info "flank lint $s" "$lint" "ms"; fi
  row "  against one load (flank run --turns 1: $load ms)" "$(awk -v a="$load" -v b="$lint" 'BEGIN { printf "%.1f", (a > 0 ? b / a : 0) }')" "x" "<=" 3
done
exit $status
