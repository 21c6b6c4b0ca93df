#!/usr/bin/env bash
# flank batch and flank merge: results depend only on seeds and policies (not --jobs,
# not sharding), outputs are produced and non-trivial, bad flags exit 2 with one line.
set -u
FLANK=$1; ROOT=$2
cd "$ROOT" || exit 1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
SWEEP=tests/cli/fixtures/flank_test/sweep.lua
fail=0
bad() { echo "FAIL: $*"; fail=1; }
B() { "$FLANK" batch tutorial "$@"; }

# 1. the CSV is byte-identical for --jobs 1 and --jobs 2
B --runs 400 --policy default --policy mines --jobs 1 --out "$T/j1.csv" || bad "batch --jobs 1 failed"
B --runs 400 --policy default --policy mines --jobs 2 --out "$T/j2.csv" || bad "batch --jobs 2 failed"
cmp -s "$T/j1.csv" "$T/j2.csv" || bad "--jobs 1 and --jobs 2 differ"
[ "$(grep -v '^#' "$T/j1.csv" | head -n 1)" = "seed,set,ending,deterrence,civilian_harm,budget,cohesion,turns" ] || bad "CSV header: $(grep -v '^#' "$T/j1.csv" | head -n 1)"
[ "$(grep -vc '^#' "$T/j1.csv")" -eq 801 ] || bad "want 800 games + header, got $(grep -vc '^#' "$T/j1.csv") lines"
# the provenance: which scenario (and its content hash), Flank, seeds, shard, sets, how to replay
grep -q '^# flank-batch,1$' "$T/j1.csv" && grep -Eq '^# scenario,tutorial,[^,]+,[0-9a-f]{16},' "$T/j1.csv" \
  && grep -q '^# seeds,1,400$' "$T/j1.csv" && grep -q '^# shard,1,1$' "$T/j1.csv" && grep -q '^# set,mines,policy=mines,Mine the gap$' "$T/j1.csv" \
  && grep -q '^# command,flank batch tutorial --runs 400 --policy default --policy mines$' "$T/j1.csv" \
  && grep -q '^# flank,' "$T/j1.csv" || { bad "CSV provenance"; grep '^#' "$T/j1.csv"; }
grep -q '^1,mines,war,' "$T/j1.csv" || bad "seed 1 of mines should be a war"
# a row agrees with flank run of the same game
run=$("$FLANK" run tutorial --seed 17 --policy mines --json)
row=$(grep '^17,mines,' "$T/j1.csv")
echo "$run" | grep -q "\"ending\":{\"id\":\"$(echo "$row" | cut -d, -f3)\"" || bad "batch row and flank run disagree: $row"

# 2. shards merged equal the single run, byte for byte (CSV, JSONL, mixed, any order)
for k in 1 2 3; do B --runs 400 --policy default --policy mines --shard $k/3 --out "$T/s$k.csv" || bad "shard $k"; done
B --runs 400 --policy default --policy mines --shard 2/3 --out "$T/s2.jsonl" || bad "jsonl shard"
"$FLANK" merge "$T/s3.csv" "$T/s1.csv" "$T/s2.csv" --out "$T/m.csv" || bad "merge failed"
cmp -s "$T/j1.csv" "$T/m.csv" || bad "merged shards differ from the single run"
"$FLANK" merge "$T/s1.csv" "$T/s2.jsonl" "$T/s3.csv" --out "$T/m2.csv" && cmp -s "$T/j1.csv" "$T/m2.csv" || bad "CSV+JSONL merge differs"
B --runs 400 --policy default --policy mines --summary >"$T/sum1" || bad "summary"
"$FLANK" merge "$T/s1.csv" "$T/s2.csv" "$T/s3.csv" --summary --scenario tutorial >"$T/sum2" || bad "merge --summary"
cmp -s "$T/sum1" "$T/sum2" || bad "merged summary differs"
"$FLANK" merge "$T/s1.csv" "$T/s1.csv" >/dev/null 2>"$T/dup"; [ $? -eq 2 ] || bad "a shard given twice should exit 2"
grep -q 'both shard 1/3' "$T/dup" || bad "duplicate message: $(cat "$T/dup")"

# 2b. a merge is one whole batch or nothing: every refusal exits 2 and names the file
refused() { # WHAT EXPECTED-MESSAGE FILES...
  local what=$1 want=$2; shift 2
  "$FLANK" merge "$@" --summary >"$T/out" 2>"$T/err"; local rc=$?
  [ $rc -eq 2 ] || bad "$what: merge exited $rc, want 2"
  grep -q -- "$want" "$T/err" || bad "$what: message $(cat "$T/err")"
  [ -s "$T/out" ] && bad "$what: merge printed a summary anyway"
}
for k in 1 2 3 4; do B --runs 400 --policy default --policy mines --shard $k/4 --out "$T/q$k.csv" || bad "shard $k/4"; done
refused "3 of 4 shards" "shard 3/4 (seeds 201..300) is missing" "$T/q1.csv" "$T/q2.csv" "$T/q4.csv"
refused "a shard twice" "both shard 2/4" "$T/q1.csv" "$T/q2.csv" "$T/q2.csv" "$T/q3.csv" "$T/q4.csv"
refused "shards of another split" "$T/s2.csv is not a shard of the same batch as $T/q1.csv: one of 3 shards, not of 4" "$T/q1.csv" "$T/s2.csv" "$T/q3.csv" "$T/q4.csv"
B --runs 5 --out "$T/lo.csv" && B --runs 5 --seed-base 100 --out "$T/hi.csv" || bad "seed ranges"
refused "other seeds" "$T/hi.csv is not a shard of the same batch as $T/lo.csv: --runs 5 --seed-base 100" "$T/lo.csv" "$T/hi.csv"
B --runs 800 --policy default --policy mines --shard 3/4 --out "$T/r3.csv" || bad "other --runs"
refused "leftover shard of another --runs" "--runs 800 --seed-base 1, not --runs 400" "$T/q1.csv" "$T/q2.csv" "$T/r3.csv" "$T/q4.csv"
B --runs 400 --policy default --shard 3/4 --out "$T/p3.csv" || bad "other policy sets"
refused "leftover shard of other policy sets" "$T/p3.csv is not a shard of the same batch" "$T/q1.csv" "$T/q2.csv" "$T/p3.csv" "$T/q4.csv"
"$FLANK" batch suwalki_gap --runs 400 --shard 3/4 --out "$T/g3.csv" || bad "another scenario"
refused "a shard of another scenario" "scenario 'suwalki_gap', not 'tutorial'" "$T/q1.csv" "$T/q2.csv" "$T/g3.csv" "$T/q4.csv"
head -n "$(( $(wc -l <"$T/q3.csv") - 7 ))" "$T/q3.csv" >"$T/cut3.csv"
refused "a shard cut at a line boundary" "$T/cut3.csv: holds 193 games, shard 3/4 has 200" "$T/q1.csv" "$T/q2.csv" "$T/cut3.csv" "$T/q4.csv"
head -c "$(( $(wc -c <"$T/q3.csv") - 3 ))" "$T/q3.csv" >"$T/mid3.csv"
refused "a shard cut mid-line" "mid3.csv:[0-9]*: the last line has no end" "$T/q1.csv" "$T/q2.csv" "$T/mid3.csv" "$T/q4.csv"
grep -v '^#' "$T/q3.csv" >"$T/bare3.csv"
refused "a file without provenance" "bare3.csv: no provenance" "$T/q1.csv" "$T/q2.csv" "$T/bare3.csv" "$T/q4.csv"
"$FLANK" merge "$T/q4.csv" "$T/q2.csv" "$T/q1.csv" "$T/q3.csv" --out "$T/q.csv" && cmp -s "$T/j1.csv" "$T/q.csv" || bad "4 shards merged differ"

# 2c. the flagship (hidden tracks, units, titles): shards merged WITHOUT --scenario give the
#     unsharded CSV, summary, SVG and HTML report byte for byte
EF="eastern_flank --runs 40 --policy stay_in_treaty --policy mass_unmarked --jobs 2"
# shellcheck disable=SC2086
"$FLANK" batch $EF --out "$T/ef.csv" --summary --plot "$T/ef.svg" --report "$T/ef.html" >"$T/ef.sum" || bad "flagship batch"
for k in 1 2 3; do
  # shellcheck disable=SC2086
  "$FLANK" batch $EF --shard $k/3 --out "$T/ef$k.jsonl" || bad "flagship shard $k"
done
mkdir -p "$T/m"
"$FLANK" merge "$T/ef3.jsonl" "$T/ef1.jsonl" "$T/ef2.jsonl" --out "$T/efm.csv" --summary --plot "$T/efm.svg" --report "$T/m/ef.html" >"$T/efm.sum" || bad "flagship merge"
for f in csv svg; do cmp -s "$T/ef.$f" "$T/efm.$f" || bad "merged flagship $f differs from one run"; done
cmp -s "$T/ef.html" "$T/m/ef.html" || bad "merged flagship html differs from one run (same file name)"
cmp -s "$T/ef.sum" "$T/efm.sum" || { bad "merged flagship summary differs"; diff "$T/ef.sum" "$T/efm.sum" | head; }
grep -q 'hours_to_capital' "$T/efm.sum" && bad "merged summary shows a hidden track"

# 3. the documented cluster recipe, with GNU parallel as the cluster: shards on "machines"
#    (here: local jobs) merge to the single run
if command -v parallel >/dev/null; then
  parallel --will-cite -j 2 "$FLANK" batch tutorial --runs 400 --policy default --policy mines --jobs 1 \
    --shard {}/4 --out "$T/gp{}.csv" ::: 1 2 3 4 || bad "GNU parallel shards"
  "$FLANK" merge "$T"/gp*.csv --out "$T/gp.csv" && cmp -s "$T/j1.csv" "$T/gp.csv" || bad "GNU parallel shards merged differ"
else
  echo "note: GNU parallel not installed; the cluster recipe was not exercised"
fi

# 3. summary, SVG and HTML are produced and say something
B --runs 300 --sweep "$SWEEP" --summary --plot "$T/p.svg" --report "$T/r.html" >"$T/sum" || bad "sweep batch failed"
grep -q '^Policy set mine the gap: 300 games, seeds 1..300$' "$T/sum" || { bad "summary heading"; head -n 3 "$T/sum"; }
grep -Eq '^  war +[0-9]+ +9[0-9]\.[0-9]%  \[9[0-9]\.[0-9]%, (9[0-9]\.[0-9]|100\.0)%\]$' "$T/sum" || bad "summary: mines should mostly end in war"
grep -q '95% CI of the mean' "$T/sum" || bad "summary has no CI"
[ "$(grep -c '<path ' "$T/p.svg")" -ge 16 ] || bad "SVG: want a histogram per track and set"
grep -q 'class="pf"' "$T/p.svg" || bad "SVG: no Pareto frontier"
grep -q 'mines, patient adversary' "$T/p.svg" || bad "SVG: sets not labelled"
if command -v xmllint >/dev/null; then xmllint --noout "$T/p.svg" || bad "SVG is not well-formed"; fi
grep -q '<svg' "$T/r.html" && grep -q '<table>' "$T/r.html" && grep -q 'Pareto frontier' "$T/r.html" || bad "HTML report incomplete"
grep -Eq '<(script|link|img)[ >]' "$T/r.html" && bad "HTML report is not self-contained"
"$FLANK" merge "$T/j1.csv" --plot "$T/m.svg" --x budget --y cohesion && grep -q 'mean Budget (M€) against mean Alliance cohesion' "$T/m.svg" || bad "merge --plot --x/--y"

# 4. bad flags: exit 2 and a one-line message
check2() {
  "$FLANK" "$@" >"$T/out" 2>"$T/err"; rc=$?
  [ $rc -eq 2 ] || bad "'$*' exited $rc, want 2"
  [ "$(wc -l <"$T/err")" -eq 1 ] || { bad "'$*' should print one line, printed:"; cat "$T/err"; }
}
check2 batch tutorial --runs 0
check2 batch tutorial --runs x
check2 batch tutorial --jobs 0
check2 batch tutorial --shard 3/2
check2 batch tutorial --shard 1
check2 batch tutorial --out x.txt
check2 batch tutorial --bogus
check2 batch tutorial --policy nope
check2 batch tutorial --side council=nope
check2 batch tutorial --side nobody=mines
check2 batch tutorial --x nothing --summary
check2 batch nowhere
check2 batch
check2 merge
check2 merge "$T/nope.csv"
printf 'not,a,batch\n' >"$T/junk.csv"; check2 merge "$T/junk.csv"

# --sweep-param values as a person writes them: 10, not 1e+01; 0.15, not 0.15000000000000002
"$FLANK" batch tests/script/teach --runs 2 --sweep-param harm_rate=0.05:0.3:0.05 --out "$T/sw1.csv" || bad "sweep with a decimal step"
grep -q 'harm_rate=0.15\]' "$T/sw1.csv" && ! grep -Eq 'harm_rate=[0-9.]*(e[+-]|0000000)' "$T/sw1.csv" \
  || bad "decimal sweep values: $(grep -o 'harm_rate=[^]]*' "$T/sw1.csv" | sort -u | tr '\n' ' ')"
"$FLANK" batch tests/script/teach --runs 2 --sweep-param harm_rate=2:10:4 --out "$T/sw2.csv" || bad "sweep to 10"
grep -q 'harm_rate=10\]' "$T/sw2.csv" || bad "sweep value 10: $(grep -o 'harm_rate=[^]]*' "$T/sw2.csv" | sort -u | tr '\n' ' ')"
# a policy id that several sides share ("default") is labelled by the playable side's name
"$FLANK" batch eastern_flank --runs 2 --policy default --summary 2>&1 | grep -q '^Policy set The 2025 path (default):' \
  || bad "the flagship's default set is not labelled by the council's name: $("$FLANK" batch eastern_flank --runs 2 --policy default --summary 2>&1 | grep 'Policy set')"

exit $fail
