#!/usr/bin/env bash
# The teaching tools from the command line: --set and the parameters a log records, a replay
# under other values refused (and forked when asked), what-if forks with --at --choose,
# the class settings file and its lock, flank sources and docs/sources.md, play --text's
# debrief, and flank class on a folder of good, corrupt, foreign and tampered logs with its
# report opened in headless Chromium (no console errors, no network requests).
set -u
FLANK=$1; ROOT=$2
cd "$ROOT" || exit 1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
S=tests/script/teach
fail=0
bad() { echo "FAIL: $*"; fail=1; }
ok() { :; }

# --set: the value plays, is recorded in the log, and bad values are refused with a reason
"$FLANK" run $S --seed 3 --policy reckless --set harm_rate=5 --log "$T/a.log" --json >"$T/a.json" || bad "run --set"
grep -qx 'param harm_rate 5' "$T/a.log" && grep -qx 'param paint 1' "$T/a.log" || bad "the log records every parameter"
"$FLANK" run $S --seed 3 --policy reckless --json >"$T/b.json"
python3 -c "import json,sys; a=json.load(open('$T/a.json')); b=json.load(open('$T/b.json')); sys.exit(0 if a['tracks']['harm'] > b['tracks']['harm'] else 1)" \
  || bad "a higher harm rate hurts more people in the same game"
"$FLANK" run $S --set harm_rate=11 2>"$T/err"; [ $? -eq 2 ] && grep -q 'outside the parameter.s range 0..10' "$T/err" || bad "out of range: $(cat "$T/err")"
"$FLANK" run $S --set harm_rat=1 2>"$T/err"; [ $? -eq 2 ] && grep -q "did you mean 'harm_rate'" "$T/err" || bad "unknown parameter: $(cat "$T/err")"
"$FLANK" run tutorial --set harm_rate=1 2>"$T/err"; [ $? -eq 2 ] || bad "a parameter another scenario has"
"$FLANK" run $S --set 2>"$T/err"; [ $? -eq 2 ] || bad "--set without a value"

# a replay uses the recorded values; another value is another game: refused, or forked
"$FLANK" replay "$T/a.log" --scenario $S --verify >/dev/null 2>"$T/err" || bad "verify a game with parameters: $(cat "$T/err")"
"$FLANK" replay "$T/a.log" --scenario $S --set harm_rate=5 --verify >/dev/null 2>"$T/err" || bad "--set of the recorded value is fine"
"$FLANK" replay "$T/a.log" --scenario $S --set harm_rate=1 >/dev/null 2>"$T/err"; rc=$?
[ $rc -eq 2 ] && grep -q 'played with harm_rate = 5' "$T/err" && grep -q -- '--until TURN --set harm_rate=1' "$T/err" \
  || bad "a replay under another value is refused with a clear message (exit $rc): $(cat "$T/err")"
"$FLANK" replay "$T/a.log" --scenario $S --until 3 --set harm_rate=1 >"$T/out" 2>"$T/err" || bad "fork with another value: $(cat "$T/err")"
grep -q 'From the fork on: harm_rate = 1' "$T/out" || bad "the fork says which value it played under: $(cat "$T/out")"
# a log's values hold from turn 1, so a fork that changes one later cannot be written as a log
"$FLANK" replay "$T/a.log" --scenario $S --until 3 --set harm_rate=1 --log "$T/f.log" >/dev/null 2>"$T/err"; rc=$?
[ $rc -eq 2 ] && [ ! -e "$T/f.log" ] && grep -q -- "--seed 3 --set harm_rate=1 --log FILE" "$T/err" \
  || bad "a fork under another value with --log is refused and says how to record it (exit $rc): $(cat "$T/err")"
"$FLANK" replay "$T/a.log" --scenario $S --until 1 --set harm_rate=1 --log "$T/f.log" >/dev/null 2>"$T/err" || bad "a fork at turn 1 under another value: $(cat "$T/err")"
grep -q 'param harm_rate 1' "$T/f.log" && "$FLANK" replay "$T/f.log" --scenario $S --verify >/dev/null 2>"$T/err" \
  || bad "a fork from turn 1 records its value and verifies: $(cat "$T/err")"
sed 's/^param harm_rate 5/param harm_rate 4/' "$T/a.log" >"$T/t.log"
"$FLANK" replay "$T/t.log" --scenario $S --verify >/dev/null 2>"$T/err"; [ $? -eq 1 ] && grep -q 'the scenario is the one recorded, so the log was altered' "$T/err" \
  || bad "a log with an edited parameter fails verification, and the message says it was altered: $(cat "$T/err")"
sed 's/^ending .*/ending season/' "$T/a.log" >"$T/t.log"
grep -q '^ending season' "$T/a.log" && bad "the fixture game already ends with the season"
"$FLANK" replay "$T/t.log" --scenario $S --verify >/dev/null 2>"$T/err"; [ $? -eq 1 ] && grep -q "the log says the game ended 'The season ends', but its moves lead to 'The valley empties': its ending line was edited" "$T/err" \
  || bad "an edited ending is named in plain words: $(cat "$T/err")"
sed 's/^param harm_rate 5/param harm_rate 50/' "$T/a.log" >"$T/t.log"
"$FLANK" replay "$T/t.log" --scenario $S >/dev/null 2>"$T/err"; [ $? -eq 1 ] && grep -q 'outside' "$T/err" || bad "a recorded value out of range: $(cat "$T/err")"

# what if: the same history up to the fork, another option at that decision
"$FLANK" run $S --seed 5 --policy reckless --log "$T/w.log" >/dev/null
"$FLANK" replay "$T/w.log" --scenario $S --at 4 --choose plan=fence --log "$T/wf.log" >"$T/out" 2>"$T/err" || bad "--at --choose: $(cat "$T/err")"
grep -q "what if 'fence' had been chosen at 'plan' on turn 4" "$T/out" && grep -q 'as played' "$T/out" || bad "what-if output: $(cat "$T/out")"
[ "$(grep -E '^hash [123] ' "$T/w.log")" = "$(grep -E '^hash [123] ' "$T/wf.log")" ] || bad "the fork changed the history before turn 4"
[ "$(grep -E '^action 4 ' "$T/wf.log" | head -1)" = "action 4 plan fence" ] || bad "the fork did not take the other option at turn 4"
[ "$(grep -E '^hash 4 ' "$T/w.log")" != "$(grep -E '^hash 4 ' "$T/wf.log")" ] || bad "the fork does not differ after turn 4"
# a person's game (the log says "human"): after the fork their later choices are made again,
# so only the one choice differs; --then-policies lets the (default) policy play on instead
sed 's/^policy mayor reckless/policy mayor human/' "$T/w.log" >"$T/h.log"
"$FLANK" replay "$T/h.log" --scenario $S --at 4 --choose plan=fence --log "$T/hf.log" >"$T/out" 2>"$T/err" || bad "a person's fork: $(cat "$T/err")"
grep -q 'Your later choices made again: 4 of 4\.$' "$T/out" || bad "kept choices: $(cat "$T/out")"
later() { grep -E '^action ([5-9]|[1-9][0-9]) ' "$1"; }
[ "$(later "$T/h.log")" = "$(later "$T/hf.log")" ] || bad "the person's later choices were not made again"
"$FLANK" replay "$T/h.log" --scenario $S --at 4 --choose plan=fence --then-policies --log "$T/hp.log" >"$T/out" 2>"$T/err" || bad "--then-policies: $(cat "$T/err")"
grep -q 'Your later choices' "$T/out" && bad "--then-policies keeps no choices"
[ "$(later "$T/h.log")" != "$(later "$T/hp.log")" ] || bad "--then-policies played the recorded choices"
"$FLANK" replay "$T/h.log" --scenario $S --until 4 --then-policies 2>/dev/null; [ $? -eq 2 ] || bad "--then-policies without --choose"
# a choice that moves a crisis: the person's crisis choice is kept, matched by decision (month 2
# in the fork, month 4 as played), not dropped because the turn differs
K=tests/script/whatif_keep
printf '1\n1\n' | "$FLANK" play $K --text --log "$T/k.log" >/dev/null 2>&1
grep -q '^action 4 flood evacuate' "$T/k.log" || bad "the flood fixture's game: $(grep action "$T/k.log")"
"$FLANK" replay "$T/k.log" --scenario $K --at 1 --choose dyke=leave --log "$T/kf.log" >"$T/out" 2>"$T/err" || bad "flood fork: $(cat "$T/err")"
grep -q '^action 2 flood evacuate' "$T/kf.log" && grep -q 'made again: 1 of 1\.' "$T/out" \
  || bad "the crisis choice moved with the crisis: $(grep action "$T/kf.log") $(cat "$T/out")"
"$FLANK" replay "$T/w.log" --scenario $S --at 4 --choose plan=fnce 2>"$T/err" >/dev/null; [ $? -eq 2 ] && grep -q "did you mean 'fence'" "$T/err" || bad "unknown option: $(cat "$T/err")"
"$FLANK" replay "$T/w.log" --scenario $S --at 40 --choose plan=fence 2>"$T/err" >/dev/null; [ $? -eq 2 ] && grep -q 'not taken at turn 40' "$T/err" || bad "a turn without the decision: $(cat "$T/err")"
# a war game whose last decision comes long before its end: a fork after it says so
"$FLANK" run eastern_flank --seed 3 --side adversary=attack_now --policy mass_unmarked --log "$T/war.log" >/dev/null
last=$(awk '$1 == "action" {t = $2} END {print t}' "$T/war.log")
"$FLANK" replay "$T/war.log" --until $((last + 1)) 2>"$T/err" >/dev/null; [ $? -eq 2 ] \
  && grep -q "nothing was decided at turn $((last + 1)) or later: the last decision was at turn $last" "$T/err" \
  || bad "a fork after the last decision: $(cat "$T/err")"
"$FLANK" replay "$T/war.log" --until "$last" >/dev/null 2>"$T/err" || bad "a fork at the last decision: $(cat "$T/err")"
"$FLANK" replay "$T/w.log" --scenario $S --at 4 2>/dev/null; [ $? -eq 2 ] || bad "--at without --choose"
"$FLANK" replay "$T/w.log" --scenario $S --choose plan=fence 2>/dev/null; [ $? -eq 2 ] || bad "--choose without --at"

# flank test --set: the same tests under another assumption (the fixture's tests expect the defaults)
"$FLANK" test $S --set harm_rate=3 >"$T/out" 2>&1; [ $? -eq 1 ] && grep -q 'reproduce: .*--set harm_rate=3' "$T/out" \
  || bad "flank test --set: $(tail -3 "$T/out")"

# batch: --set for every game, --sweep-param with a sensitivity chart that moves when the
# parameter matters and stays flat when it does not
"$FLANK" batch $S --runs 40 --policy reckless --set harm_rate=0 --out "$T/b0.csv" || bad "batch --set"
awk -F, '$1 ~ /^[0-9]+$/ && $5 != 0 {bad = 1} END {exit bad}' "$T/b0.csv" || bad "batch --set harm_rate=0 still hurt people"
"$FLANK" batch $S --runs 60 --policy careful --policy reckless --sweep-param harm_rate=0:8:2 --report "$T/sweep.html" \
  --out "$T/sweep.csv" --jobs 2 || bad "batch --sweep-param"
grep -q 'reckless \[harm_rate=4\]' "$T/sweep.csv" || bad "sweep sets are named SET [ID=VALUE]"
grep -q '<h2 id="sensitivity">Sensitivity: Harm per mined field</h2>' "$T/sweep.html" || bad "no sensitivity section"
grep -q 'aria-label="Games ending “The valley empties” (%) against Harm per mined field"' "$T/sweep.html" \
  && grep -q 'aria-label="People hurt (people) against Harm per mined field (lower is better)"' "$T/sweep.html" \
  && grep -q 'font-size="12">Fence every field</text>' "$T/sweep.html" \
  || bad "the sweep charts how the games end, say which way is better and name the policies as players read them"
grep -q 'id="charts"' "$T/sweep.html" && bad "a sweep's report sets one value of the assumption against another in per-set charts"
means() { # the chart of one track (by its title) and one base set: the means, in order
  python3 - "$1" "$2" "$3" <<'PY'
import re, sys
html, title, base = open(sys.argv[1]).read(), sys.argv[2], sys.argv[3]
svg = [s for s in re.findall(r'<svg class="sens".*?</svg>', html, re.S) if '>' + title in s][0]
print(" ".join(re.findall(r'data-base="%s" data-value="[^"]*" data-mean="([^"]*)"' % base, svg)))
PY
}
m=$(means "$T/sweep.html" "People hurt" 1)
[ "$(echo "$m" | wc -w)" -eq 5 ] && [ "$(echo "$m" | tr ' ' '\n' | sort -u | wc -l)" -gt 1 ] || bad "harm moves with the harm rate: $m"
m=$(means "$T/sweep.html" "People hurt" 0)
[ "$(echo "$m" | tr ' ' '\n' | sort -u)" = "0" ] || bad "careful games hurt nobody at any harm rate: $m"
"$FLANK" batch $S --runs 60 --policy reckless --sweep-param paint --report "$T/flat.html" || bad "sweep of a parameter that does not matter"
m=$(means "$T/flat.html" "People hurt" 0)
[ "$(echo "$m" | wc -w)" -eq 6 ] && [ "$(echo "$m" | tr ' ' '\n' | sort -u | wc -l)" -eq 1 ] || bad "the fence colour changes nothing: $m"
grep -q '<h2 id="questions">Questions for discussion</h2>' "$T/flat.html" || bad "the batch report lists the questions"
grep -q '<li><b>Doe &amp; Roe 2020</b>: ' "$T/flat.html" || bad "the batch report spells out the sources its questions cite"
"$FLANK" batch $S --sweep-param harm_rate=0:20:2 2>"$T/err"; [ $? -eq 2 ] && grep -q "leaves the parameter's range" "$T/err" || bad "a sweep out of range"
"$FLANK" batch $S --sweep-param harm_rate=0:8:2 --sweep-param paint 2>"$T/err"; [ $? -eq 2 ] && grep -q "one --sweep-param at a time" "$T/err" \
  || bad "a second --sweep-param is refused, not silently dropped: $(cat "$T/err")"
"$FLANK" batch $S --sweep-param harm_rate=0:8:2 --set harm_rate=3 2>"$T/err"; [ $? -eq 2 ] && grep -q "sweep plays every value of 'harm_rate'" "$T/err" \
  || bad "--set of the swept parameter is refused: $(cat "$T/err")"

# the class settings file: a class's values, and a lock
mkdir -p "$T/class" && cp $S/scenario.lua "$T/class/"
printf '# 7B, spring term\nharm_rate = 4\nlock harm_rate\n' >"$T/class/class.txt"
"$FLANK" run "$T/class" --seed 3 --log "$T/c.log" >/dev/null || bad "a scenario with class settings runs"
grep -qx 'param harm_rate 4' "$T/c.log" || bad "class.txt sets the value"
"$FLANK" run "$T/class" --set harm_rate=1 2>"$T/err"; [ $? -eq 2 ] && grep -q 'locked for this class by .*class.txt' "$T/err" || bad "lock: $(cat "$T/err")"
"$FLANK" run "$T/class" --set paint=2 >/dev/null || bad "an unlocked parameter can still be set"
"$FLANK" test "$T/class" >/dev/null 2>&1 # no tests there: only that it does not crash
# a batch's files and summary say which values its games played under, and where each came from
"$FLANK" batch "$T/class" --runs 6 --set paint=2 --out "$T/p1.csv" --shard 1/2 --summary >"$T/psum" || bad "batch of a class folder"
grep -qx '# param,harm_rate,4,class.txt,Harm per mined field' "$T/p1.csv" && grep -q '^# param,paint,2,set,' "$T/p1.csv" \
  && grep -q '^assumptions: Harm per mined field = 4 (class.txt); .* = 2 (--set)' "$T/psum" \
  || bad "a batch records the assumptions in force: $(grep param "$T/p1.csv"; grep assumptions "$T/psum")"
printf 'harm_rate = 3\n' >"$T/class/class.txt"
"$FLANK" batch "$T/class" --runs 6 --set paint=2 --out "$T/p2.csv" --shard 2/2 || bad "second shard"
"$FLANK" merge "$T/p1.csv" "$T/p2.csv" --out "$T/pm.csv" 2>"$T/err"; [ $? -ne 0 ] && grep -q 'other parameter values' "$T/err" \
  || bad "shards played under other values do not merge: $(cat "$T/err")"
printf 'harm_rate = lots\n' >"$T/class/class.txt"
"$FLANK" run "$T/class" 2>"$T/err"; [ $? -eq 2 ] && grep -q 'class.txt:1:' "$T/err" || bad "a broken class file names its line: $(cat "$T/err")"

# flank sources: bibliography, assumptions, questions; docs/sources.md is the flagship's
"$FLANK" sources $S >"$T/s.md" || bad "flank sources"
grep -q '<a id="survey"></a>\*\*Doe & Roe 2020\*\*' "$T/s.md" && grep -q '## Assumptions you can change' "$T/s.md" \
  && grep -q 'Which assumption drives the harm most? Check it against (Doe & Roe 2020)' "$T/s.md" || bad "sources output: $(head -20 "$T/s.md")"
grep -q '## Positions the model plays (policies)' "$T/s.md" && grep -Eq '^\| Mayor \| `reckless` \| ' "$T/s.md" \
  || bad "flank sources lists the policies: $(grep -A4 Positions "$T/s.md")"
"$FLANK" sources $S --set harm_rate=3 | grep -q '| 3 (--set; scenario 2) |' || bad "flank sources --set shows the value in force: $(grep harm_rate "$T/s.md" | head -1)"
"$FLANK" sources "$T/class/../class" >/dev/null 2>&1; [ $? -eq 2 ] || bad "sources with a broken class file"
# a question citing a source that is not defined: marked in the handout and said on stderr
mkdir -p "$T/badcite" && cp -r tests/script/board/. "$T/badcite/" && rm -rf "$T/badcite/tests"
printf 'question { text = "Worth it? [@storm_bors]" }\n' >>"$T/badcite/scenario.lua"
"$FLANK" sources "$T/badcite" >"$T/bc.md" 2>"$T/bc.err"
grep -q 'Worth it? \[@storm_bors (not defined)\]' "$T/bc.md" && grep -q "1 citation names no source of the scenario ('flank lint" "$T/bc.err" \
  || bad "an undefined citation in a handout: $(grep Worth "$T/bc.md") $(cat "$T/bc.err")"
# the legend of the notes' evidence marks heads the bibliography: the fixture's and the flagship's
grep -qx '| \*\*\[H\]\*\* | counted in a survey |' "$T/s.md" && grep -qx '| \*\*\[L\]\*\* | remembered, not counted |' "$T/s.md" \
  && [ "$(grep -n 'strength of evidence' "$T/s.md" | cut -d: -f1)" -lt "$(grep -n 'id="survey"' "$T/s.md" | cut -d: -f1)" ] \
  || bad "flank sources shows the evidence legend before the list: $(grep -B2 -A6 'Bibliography' "$T/s.md")"
"$FLANK" sources eastern_flank >"$T/ef.md" || bad "flank sources eastern_flank"
for row in '| **[H]** | treaty text, or several sources that agree |' '| **[M]** | one reputable secondary source |' \
  '| **[L]** | weak or conflicting evidence |'; do
  grep -qxF "$row" "$T/ef.md" || bad "the flagship's bibliography lacks the legend row '$row'"
done
# a mark must read as the notes write it: capital letters or digits, defined once
mkdir -p "$T/marks" && cp $S/scenario.lua "$T/marks/"
printf 'evidence { mark = "h", text = "lower case" }\n' >>"$T/marks/scenario.lua"
"$FLANK" run "$T/marks" 2>"$T/err" >/dev/null; [ $? -eq 2 ] && grep -q "scenario.lua:[0-9]*: evidence 'h': a mark is one to three capital letters or digits" "$T/err" \
  || bad "a lower-case evidence mark is refused at its line: $(cat "$T/err")"
cp $S/scenario.lua "$T/marks/" && printf 'evidence { mark = "H", text = "again" }\n' >>"$T/marks/scenario.lua"
"$FLANK" run "$T/marks" 2>"$T/err" >/dev/null; [ $? -eq 2 ] && grep -q "evidence 'H' is defined twice" "$T/err" \
  || bad "an evidence mark defined twice is refused: $(cat "$T/err")"
"$FLANK" sources eastern_flank | cmp -s - docs/sources.md || bad "docs/sources.md is stale: flank sources eastern_flank --out docs/sources.md"
grep -rn 'FACTS' scenarios docs && bad "the project still cites FACTS"

# play --text: the assumptions, a log for the teacher, questions, a what-if and the game among many
printf '2\n2\n2\n2\n2\n2\n2\n2\nwhatif 3 1\namong 40\nquit\n' | "$FLANK" play $S --text --set harm_rate=3 --log "$T/p.log" >"$T/play" 2>"$T/err" \
  || bad "play --text: $(cat "$T/err")"
grep -q 'Harm per mined field = 3 people' "$T/play" || bad "the assumptions are shown"
grep -q 'Questions to discuss' "$T/play" && grep -q 'What if you had chosen "Fence them"' "$T/play" \
  && grep -q 'Your game among them' "$T/play" || bad "play --text debrief: $(tail -30 "$T/play")"
grep -qx 'policy mayor human' "$T/p.log" && grep -qx 'param harm_rate 3' "$T/p.log" || bad "play --text --log"
# at a terminal, play --text plays the debrief's games while the game goes on (into the cache):
# `among` then gives the same standings as playing them there
if command -v script >/dev/null; then
  printf '2\n2\n2\n2\n2\n2\n2\n2\namong\nquit\n' >"$T/in"
  XDG_CACHE_HOME="$T/c1" "$FLANK" play $S --text --seed 4 <"$T/in" >"$T/t1" 2>/dev/null
  XDG_CACHE_HOME="$T/c2" script -qec "'$FLANK' play $S --text --seed 4" /dev/null <"$T/in" >"$T/t2" 2>&1
  ls "$T"/c2/flank/ensembles/*.ens >/dev/null 2>&1 || bad "play --text at a terminal kept no games among many"
  a=$(grep -A3 'Your game among them' "$T/t1"); b=$(tr -d '\r' <"$T/t2" | sed 's/.*\x1b\[K//' | grep -a -A3 'Your game among them') # after the progress line
  [ -n "$a" ] && [ "$a" = "$b" ] || bad "the games played ahead give other standings: [$a] [$b]"
fi
# the standing in one plain sentence (fl_ensemble_phrase, the same as the window's): better/the same/worse
# in shares of the games counted, the policies named, which way is better; no "lower than in 0%"
grep -qE '^  People hurt: better than in [0-9.]+% of the 120 games played with the 3 policies together, the same as in [0-9.]+%, worse than in [0-9.]+% \(lower is better\)\.$' "$T/play" \
  || bad "the among sentence: $(grep -A2 'Your game among them' "$T/play")"
grep 'games played with' "$T/play" | grep -q ' 0%' && bad "a share of 0% is said instead of left out: $(grep 'games played with' "$T/play")"
# policies by the names people read: "careful" has one, "reckless" falls back to its id
grep -q 'Policies: 1 = default, 2 = Fence every field, 3 = reckless' "$T/play" || bad "the among table names policies: $(grep Policies: "$T/play")"
"$FLANK" batch $S --runs 3 --policy careful --policy reckless --summary --out "$T/n.csv" >"$T/n.sum" || bad "batch of named policies"
grep -q '^Policy set Fence every field (careful): 3 games' "$T/n.sum" && grep -q '^Policy set reckless: 3 games' "$T/n.sum" \
  || bad "batch --summary names policies: $(grep 'Policy set' "$T/n.sum")"
grep -q '^careful,\|,careful,' "$T/n.csv" && ! grep -v '^#' "$T/n.csv" | grep -q 'Fence every field' || bad "the CSV rows keep the policy ids"
# the batch chart names its dashed line where a reader looks (a legend), not only in a caption
"$FLANK" batch $S --runs 20 --policy careful --policy reckless --plot "$T/n.svg" --x harvest --y harm >/dev/null 2>&1 || bad "batch --plot"
grep -q 'class="pf"' "$T/n.svg" && grep -q 'stroke-dasharray="6 4"/>.*best trade-offs: no other set beats these on both' "$T/n.svg" \
  || bad "the batch chart's frontier has no legend: $(grep -o 'best trade-offs[^<]*' "$T/n.svg")"
"$FLANK" merge "$T/n.csv" --summary | cmp -s - "$T/n.sum" || bad "merge --summary names policies as batch does"

# flank class: good, corrupt, foreign and tampered logs; counts, CSV, report
mkdir -p "$T/sub"
for s in 1 2 3 4; do "$FLANK" run $S --seed $s --log "$T/sub/student$s.log" >/dev/null; done
cp "$T/p.log" "$T/sub/Anna.log"
head -c 150 "$T/sub/student1.log" >"$T/sub/cut.log"
echo "my essay" >"$T/sub/essay.txt"
"$FLANK" run tutorial --seed 1 --log "$T/sub/other.log" >/dev/null
sed '0,/^action 2 plan [a-z]*/s//action 2 plan rest/' "$T/sub/student2.log" >"$T/sub/edited.log"
sed 's/^param harm_rate 2/param harm_rate 0/' "$T/sub/student3.log" >"$T/sub/cheat.log"
"$FLANK" class "$T/sub" --scenario $S --runs 50 --jobs 2 --out "$T/class.html" --csv "$T/class.csv" >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 0 ] || bad "flank class exit $rc: $(cat "$T/err")"
grep -q '9 game files: 5 verified, 1 corrupt, 1 foreign, 2 tampered; 1 other file skipped (not a game file)' "$T/out" || bad "class counts: $(cat "$T/out")"
grep -q 'skipped .*edited.log (tampered)' "$T/out" && grep -q 'skipped .*other.log (foreign)' "$T/out" || bad "skipped files listed with reasons"
[ "$(wc -l <"$T/class.csv")" -eq 6 ] || bad "CSV: a header and 5 games: $(cat "$T/class.csv")"
head -1 "$T/class.csv" | grep -q '^student,seed,ending,ending_label,finished,turns,harvest,harm,better_than_harvest,better_than_harm,model_at_seed_same_ending,plan,played_by,other_assumptions$' || bad "CSV header: $(head -1 "$T/class.csv")"
grep -q 'Anna' "$T/class.csv" "$T/class.html" && bad "anonymous by default, yet a name appears"
grep -qF 'Strength of evidence, as the notes mark it: <b>[H]</b> counted in a survey; <b>[L]</b> remembered, not counted.</p>' "$T/class.html" \
  || bad "the class report's sources lack the evidence legend: $(grep -A3 'id="sources"' "$T/class.html")"
"$FLANK" class "$T/sub" --scenario $S --runs 0 --names --csv - 2>/dev/null | grep -q '^Anna,' || bad "--names"
# a figure most games tie (territory held in full) says so, not just "better than 9%"
mkdir -p "$T/ef"; for s in 1 2; do "$FLANK" run eastern_flank --seed $s --log "$T/ef/s$s.log" >/dev/null; done
"$FLANK" class "$T/ef" --runs 20 --jobs 2 --out "$T/ef.html" >/dev/null 2>&1 || bad "flank class on flagship games"
grep -Eq '100<br><small>better than [0-9]+%, same as [0-9]+%</small>' "$T/ef.html" || bad "ties shown: $(grep -o '<small>[^<]*better than[^<]*' "$T/ef.html" | head -3)"
R=$T/class.html
grep -q "Content-Security-Policy\" content=\"default-src 'none'" "$R" || bad "no CSP"
grep -Eiq '<(script|link|img|iframe|object)[ >]|src=|@import|url\(' "$R" && bad "the report refers to something outside itself"
. "$ROOT/tests/cli/chrome.sh" # chrome URL ARGS..., netreqs NETLOG
console() { grep -E 'CONSOLE|Refused to|Uncaught' "$T/chrome.log"; }
: >"$T/chrome.log"
chrome "file://$R" --dump-dom --log-net-log="$T/net.json" >"$T/dom"
grep -q '<h2 id="endings">Endings</h2>' "$T/dom" || bad "chromium did not load the class report"
[ -z "$(netreqs "$T/net.json")" ] || bad "the class report made network requests: $(netreqs "$T/net.json")"
[ -z "$(console)" ] || bad "console errors: $(console)"
# the detectors themselves catch a page that errs and one that asks the network
printf '<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="default-src %s"><img src="http://example.invalid/x.png"><script>console.error("boom")</script>' "'none'" >"$T/leak.html"
: >"$T/chrome.log"
chrome "file://$T/leak.html" --dump-dom >/dev/null
[ -n "$(console)" ] || bad "the console check does not see a page's errors"
sed -i 's/default-src .none./default-src */' "$T/leak.html"
chrome "file://$T/leak.html" --dump-dom --log-net-log="$T/leak.json" >/dev/null
netreqs "$T/leak.json" | grep -q 'example.invalid' || bad "the network check does not see a page's request"
exit $fail
