#!/usr/bin/env bash
# Figures for the teaching tools: a what-if fork of a flagship game at any turn, played to
# the end in a loaded script (as the debrief runs one), and the ensemble behind "your game
# among many": 2,500 flagship games (500 under each of five council policies) on 2 workers.
# Usage: tools/bench.d/teach.sh [path/to/flank]  (tools/bench runs it)
set -u
FLANK=${1:-${FLANK:-build/flank}}
FLANK=$(cd "$(dirname "$FLANK")" && pwd)/$(basename "$FLANK")
cd "$(dirname "$0")/../.." || exit 1
verdict() { awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN { if (v == "") { print "NO FIGURE"; exit } ok = op == "<=" ? v <= t : v >= t; print ok ? "ok" : "MISSED" }'; }
row() { printf '  %-46s %12s %-10s target %s %-8s %s\n' "$1" "$2" "$3" "$4" "$5" "$(verdict "$2" "$4" "$5")"; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }
[ -f scenarios/eastern_flank/scenario.lua ] || { echo "  the flagship is not present"; exit 0; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
status=0
echo "Teaching tools (eastern_flank)"

# 1. forks: a peaceful game and one with a war; forks early, in the middle and late
"$FLANK" run eastern_flank --seed 3 --log "$T/peace.log" >/dev/null || status=1
"$FLANK" run eastern_flank --seed 3 --side adversary=attack_now --policy mass_unmarked --log "$T/war.log" >/dev/null || status=1
worst=0
for g in peace war; do
  last=$(awk '$1 == "action" {t = $2} END {print t}' "$T/$g.log") # the last turn with a decision to fork at
  for t in 1 $((last / 2)) "$last"; do
    out=$("$FLANK" replay "$T/$g.log" --until "$t" --bench 30) || { status=1; continue; }
    m=$(echo "$out" | field fork_median_ms)
    printf '  %-46s %12s %s\n' "fork at turn $t of $last ($g), median" "$m" "ms"
    worst=$(awk -v a="$worst" -v b="$m" 'BEGIN{print (b > a ? b : a)}')
  done
done
out=$("$FLANK" replay "$T/peace.log" --at 1 --choose statement=reaffirm --bench 30) || status=1
m=$(echo "$out" | field fork_median_ms)
printf '  %-46s %12s %s\n' "what if 'reaffirm' at turn 1, median" "$m" "ms"
worst=$(awk -v a="$worst" -v b="$m" 'BEGIN{print (b > a ? b : a)}')
# a person's game (the log says "human"): the fork makes their later choices again where it can
sed 's/^policy council mass_unmarked/policy council human/' "$T/war.log" >"$T/human.log"
out=$("$FLANK" replay "$T/human.log" --at 1 --choose statement=reaffirm --bench 30) || status=1
m=$(echo "$out" | field fork_median_ms)
printf '  %-46s %12s %s\n' "the same, a person's game (choices kept)" "$m" "ms"
worst=$(awk -v a="$worst" -v b="$m" 'BEGIN{print (b > a ? b : a)}')
row "a fork played to the end (slowest median)" "$worst" "ms" "<=" 50

# 2. the ensemble: 5 policies x 500 games on 2 workers, three times (a shared or virtual machine's
# wall time varies from run to run: the median is the figure, the spread is shown beside it)
sets=(--policy stay_in_treaty --policy stockpile_only --policy marked_fields --policy mass_unmarked --policy no_mines_allied_presence)
walls=() cpus=() replays=()
for _ in 1 2 3; do
  out=$("$FLANK" batch eastern_flank --runs 500 "${sets[@]}" --jobs 2 --bench) || { echo "  ensemble batch failed"; exit 1; }
  walls+=("$(echo "$out" | field wall_s)"); cpus+=("$(echo "$out" | field " cpu_s")"); replays+=("$(echo "$out" | field exact_replays)")
done
med() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
row "2,500 flagship games, 2 workers, wall (median)" "$(med "${walls[@]}")" "s" "<=" 5
printf '  %-46s %12s %s\n' "  the three runs" "${walls[*]}" "s"
printf '  %-46s %12s %s\n' "the same, CPU seconds (both workers, median)" "$(med "${cpus[@]}")" "s"
printf '  %-46s %12s %s\n' "games played again exactly (fast mode tripped)" "${replays[*]}" ""
exit $status
