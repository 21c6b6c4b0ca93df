#!/usr/bin/env bash
# Scale: how load, a 40-turn game, lint and render grow from 2,500 to 10,000 areas on a
# generated grid (tools/gen_grid). The target is growth of at most 6x for 4x the areas,
# i.e. nothing worse than about n log n; and a flank.move.reachable query over the whole
# 10,000-area board takes at most 5 ms. Each figure is the best of SCALE_REPEATS runs
# (default 3), in CPU time where the process is timed, so that other work on the machine
# counts as little as possible.
#   tools/bench.d/scale.sh [path/to/flank]   (tools/bench runs it)
#   SCALE_SIZES="2500 10000"                  the two sizes compared (small, large)
set -u
FLANK=${1:-${FLANK:-build/flank}}
FLANK=$(cd "$(dirname "$FLANK")" && pwd)/$(basename "$FLANK")
cd "$(dirname "$0")/../.." || exit 1
read -r SMALL LARGE <<<"${SCALE_SIZES:-2500 10000}"
REPEATS=${SCALE_REPEATS:-3}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
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
# measure N: sets load, game, play, lint, render (ms) for the N-area grid
measure() {
  local n=$1 dir=$TMP/grid$1 i out
  tools/gen_grid "$n" "$dir" || return 1
  local l="" g="" p="" li="" r=""
  for ((i = 0; i < REPEATS; i++)); do
    # load: a process that loads the scenario and plays one turn
    l+="$(cpu_ms "$FLANK" run "$dir" --turns 1)"$'\n' || return 1
    # a game: flank run to the end (load included); and the play alone, 3 games in one process
    g+="$(cpu_ms "$FLANK" run "$dir" --policy random)"$'\n' || return 1
    out=$("$FLANK" batch "$dir" --runs 3 --jobs 1 --policy random --bench) || return 1
    p+="$(sed -n 's/.* cpu_s=\([0-9.]*\) .*/\1/p' <<<"$out" | awk '{ printf "%.1f", $1 * 1000 / 3 }')"$'\n'
    li+="$(cpu_ms "$FLANK" lint "$dir")"$'\n' || return 1
    r+="$(cpu_ms "$FLANK" render "$dir" --out "$TMP/r.png")"$'\n' || return 1
  done
  load=$(best <<<"$l"); game=$(best <<<"$g"); play=$(best <<<"$p"); lint=$(best <<<"$li"); render=$(best <<<"$r")
  "$FLANK" lint "$dir" >/dev/null || { echo "  lint found problems in the generated grid"; return 1; }
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (a > 0 ? b / a : 0) }'; }

echo "Scale: generated grid, $SMALL -> $LARGE areas (best of $REPEATS)"
measure "$SMALL" || { echo "  $SMALL areas failed"; exit 1; }
l1=$load g1=$game p1=$play t1=$lint r1=$render
measure "$LARGE" || { echo "  $LARGE areas failed"; exit 1; }
l2=$load g2=$game p2=$play t2=$lint r2=$render
info "load (flank run --turns 1, CPU), $SMALL / $LARGE" "$l1 / $l2" "ms"
row "load growth" "$(ratio "$l1" "$l2")" "x" "<=" 6
info "40-turn game (flank run, CPU), $SMALL / $LARGE" "$g1 / $g2" "ms"
row "40-turn game growth" "$(ratio "$g1" "$g2")" "x" "<=" 6
info "  of which play (after load), $SMALL / $LARGE" "$p1 / $p2" "ms"
info "  play growth" "$(ratio "$p1" "$p2")" "x"
info "flank lint (CPU), $SMALL / $LARGE" "$t1 / $t2" "ms"
row "lint growth" "$(ratio "$t1" "$t2")" "x" "<=" 6
info "flank render to PNG (CPU), $SMALL / $LARGE" "$r1 / $r2" "ms"
row "render growth" "$(ratio "$r1" "$r2")" "x" "<=" 6

# flank.move.reachable from the middle of the large grid, with points to reach every area:
# the CPU time of a turn with Q queries less that of a turn without, per query
Q=100
REACH=0 tools/gen_grid "$LARGE" "$TMP/reach0" && REACH=$Q tools/gen_grid "$LARGE" "$TMP/reachq" || exit 1
"$FLANK" run "$TMP/reachq" --turns 1 --json | grep -q "\"$((LARGE - 1)) areas reachable\"" ||
  { echo "  reachable query: not every area was reached"; status=1; }
a="" b=""
for ((i = 0; i < REPEATS; i++)); do
  a+="$(cpu_ms "$FLANK" run "$TMP/reach0" --turns 1)"$'\n' || status=1
  b+="$(cpu_ms "$FLANK" run "$TMP/reachq" --turns 1)"$'\n' || status=1
done
row "reachable-area query, $LARGE areas (flank.move)" "$(awk -v a="$(best <<<"$a")" -v b="$(best <<<"$b")" -v q=$Q 'BEGIN { printf "%.2f", (b - a) / q }')" ms "<=" 5
exit $status
