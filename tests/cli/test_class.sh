#!/usr/bin/env bash
# flank class as a teacher meets it: a folder given with a trailing slash, holding finished
# games, an unfinished one, a cut log, a log whose parameter line was edited and a README.
# The report says each game's seed and how the model's games ended at it, leaves the
# unfinished game out of comparisons, tells a README from a corrupt log, gives every
# skipped file's reason (anonymised), shows class.txt's values, and writes a rounded CSV.
set -u
FLANK=$1; ROOT=$2
cd "$ROOT" || exit 1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
S=tests/script/teach
fail=0
bad() { echo "FAIL: $*"; fail=1; }
csvcol() { python3 -c "import csv,sys; r=list(csv.DictReader(open(sys.argv[1]))); print('\n'.join(x[sys.argv[2]] for x in r))" "$@"; }

mkdir -p "$T/sub"
"$FLANK" run $S --seed 3 --policy careful --log "$T/a.log" >/dev/null
"$FLANK" run $S --seed 3 --policy reckless --log "$T/b.log" >/dev/null
"$FLANK" run $S --seed 777 --policy default --log "$T/c.log" >/dev/null
for x in a b c; do sed 's/^policy mayor [a-z]*/policy mayor human/' "$T/$x.log" >"$T/sub/$x.log"; done
# quit after two months: a finished log of an unfinished game
printf '2\n2\nquit\n' | "$FLANK" play $S --text --seed 3 --log "$T/sub/dora.log" >/dev/null 2>&1 || bad "play --text --log"
head -c 200 "$T/sub/a.log" >"$T/sub/cut.log"
grep -qx 'param harm_rate 2' "$T/sub/b.log" || bad "the fixture's log records harm_rate 2"
sed 's/^param harm_rate 2/param harm_rate 0/' "$T/sub/b.log" >"$T/sub/emil.log"
echo "Logs of class 7B" >"$T/sub/README.txt"

"$FLANK" class "$T/sub/" --scenario $S --runs 20 --jobs 2 --out "$T/r.html" --csv "$T/r.csv" >"$T/out" 2>"$T/err" || bad "flank class: $(cat "$T/err")"

# the README is no game file; the counts say so apart from the corrupt log
grep -q ': 6 game files: 4 verified (1 unfinished), 1 corrupt, 1 tampered; 1 other file skipped (not a game file)$' "$T/out" \
  || bad "terminal counts: $(head -1 "$T/out")"
grep -q 'skipped .*README.txt (not a game file): neither a Flank replay log nor a save' "$T/out" || bad "README: $(cat "$T/out")"
grep -q '//' "$T/out" && bad "a doubled slash: $(grep '//' "$T/out")"
grep -q '4 games verified of 6 game files (1 unfinished); 1 corrupt; 1 tampered; 1 other file skipped (not a game file)' "$T/r.html" \
  || bad "HTML counts: $(grep -o 'games verified[^<]*' "$T/r.html")"
# each skipped file's reason, in the page too, without its name
grep -q "<td>file [0-9]</td><td>corrupt</td><td>truncated: the log stops before its 'end' line" "$T/r.html" || bad "corrupt reason in HTML"
grep -q "<td>file [0-9]</td><td>not a game file</td><td>neither a Flank replay log nor a save</td>" "$T/r.html" || bad "README in HTML"
# the edited parameter line is named as such (terminal and page)
grep -q 'emil.log (tampered): its assumptions appear to have been edited: the log records harm_rate 0 (line [0-9]*), but its turns follow from harm_rate 2$' "$T/out" \
  || bad "edited parameter: $(grep emil "$T/out")"
grep -Eq '<td>file [0-9]</td><td>tampered</td><td>its assumptions appear to have been edited: the log records harm_rate 0 \(line [0-9]+\), but its turns follow from harm_rate 2</td>' "$T/r.html" \
  || bad "edited parameter in HTML: $(grep -o '<td>tampered</td><td>[^<]*' "$T/r.html")"
grep -Eq 'emil|cut\.log|README|dora' "$T/r.html" && bad "an anonymous report names a file: $(grep -Eo '.{30}(emil|cut\.log|README|dora).{30}' "$T/r.html")"
"$FLANK" class "$T/sub" --scenario $S --runs 0 --names --out "$T/n.html" >/dev/null 2>&1
grep -q '<td>emil</td><td>tampered</td><td>[^<]*emil.log:[0-9]*' "$T/n.html" || grep -q '<td>emil</td><td>tampered</td><td>its assumptions' "$T/n.html" \
  || bad "--names: the file is named in the page: $(grep -o '<tr class="skip">.*' "$T/n.html" | head -3)"
# a log edited otherwise (an action) is tampered, but not said to have edited assumptions
sed '0,/^action 2 plan [a-z]*/s//action 2 plan rest/' "$T/sub/b.log" >"$T/act.log"
"$FLANK" class "$T/act.log" --scenario $S --runs 0 >"$T/out2" 2>&1
grep -q 'act.log (tampered)' "$T/out2" && ! grep -q 'assumptions appear' "$T/out2" || bad "an edited action: $(cat "$T/out2")"

# the seed of each game, in the CSV and the page
[ "$(csvcol "$T/r.csv" seed | sort | tr '\n' ' ')" = "3 3 3 777 " ] || bad "CSV seeds: $(csvcol "$T/r.csv" seed | tr '\n' ' ')"
grep -q 'The class played seeds 3 and 777; the model.s shares are over seeds 1 to 20' "$T/r.html" || bad "the seeds in the endings: $(grep -o 'The class played[^.]*' "$T/r.html")"
grep -q '<th>Seed</th>' "$T/r.html" && grep -q '<td class="n">777</td>' "$T/r.html" || bad "the seed column"
# the model at a game's seed: its three policies played at 777 (outside the ensemble's seeds)
ending() { "$FLANK" run $S --seed 777 --policy "$1" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["ending"])'; }
want=0; mine=$(ending default) # the student's game at 777 made the default policy's choices
for p in default careful reckless; do [ "$(ending $p)" = "$mine" ] && want=$((want + 1)); done
got=$(python3 -c "import csv,sys; print([x['model_at_seed_same_ending'] for x in csv.DictReader(open('$T/r.csv')) if x['seed']=='777'][0])")
[ "$got" = "$(( (want * 100 + 1) / 3 ))" ] || bad "model at seed 777: $got%, the policies give $want of 3"
grep -q '<th>The model at this seed</th>' "$T/r.html" && grep -Eq '\(of 3 policies\)</td>' "$T/r.html" || bad "the model at this seed in the page"
grep -q "<th>Model at the class's seeds</th>" "$T/r.html" || bad "the endings at the class's seeds"

# the unfinished game: marked, not compared, not in the ending shares
[ "$(csvcol "$T/r.csv" finished | sort | tr '\n' ' ')" = "0 1 1 1 " ] || bad "CSV finished: $(csvcol "$T/r.csv" finished | tr '\n' ' ')"
python3 - "$T/r.csv" <<'EOF' || bad "the unfinished game is compared in the CSV: $(cat "$T/r.csv")"
import csv, sys
for r in csv.DictReader(open(sys.argv[1])):
    if r['finished'] == '0':
        assert r['ending'] == '' and r['ending_label'] == 'unfinished', r
        assert r['better_than_harvest'] == '' and r['better_than_harm'] == '', r
    else:
        assert r['better_than_harvest'] != '' and r['ending_label'] in ('The season ends', 'The valley empties'), r
EOF
grep -Eq '<b>unfinished</b> \(quit at turn [0-9]+, before an ending: not compared\)</td><td>–</td><td class="n">[0-9]+</td><td class="n">[0-9]+</td>' "$T/r.html" \
  || bad "the unfinished row: $(grep -o '<tr><td>Student [0-9]</td><td class="n">3</td><td><b>unfinished.*' "$T/r.html")"
grep -q '1 unfinished game (quit before an ending) is not in these shares' "$T/r.html" || bad "unfinished counted apart"
fin=$(grep -o '<tr><td>The [a-z ]*</td><td class="n">[0-9]*' "$T/r.html" | sed 's/.*>//' | awk '{s+=$1} END {print s}')
[ "$fin" = 3 ] || bad "the ending shares count $fin games, not the 3 finished"
pc=$(grep -o '<tr><td>The [a-z ]*</td><td class="n">[0-9]* ([0-9]*%)' "$T/r.html" | sed 's/.*(//; s/%)//' | awk '{s+=$1} END {print s}')
[ "$pc" -ge 99 ] && [ "$pc" -le 101 ] || bad "the class's ending shares are of the finished games: they add up to $pc%"

# class.txt: the Assumptions table shows the class's value and the scenario's default
mkdir -p "$T/cls" "$T/csub" && cp $S/scenario.lua "$T/cls/"
printf 'harm_rate = 4\nlock harm_rate\n' >"$T/cls/class.txt"
"$FLANK" run "$T/cls" --seed 2 --log "$T/csub/x.log" >/dev/null
"$FLANK" class "$T/csub" --scenario "$T/cls" --runs 5 --out "$T/c.html" >/dev/null 2>&1 || bad "class with class.txt"
grep -q '<th>This class (class.txt)</th><th>Scenario default</th>' "$T/c.html" \
  && grep -q '<td>Harm per mined field</td><td class="n">4 (locked)</td><td class="n">2</td><td>4 (1 game)</td>' "$T/c.html" \
  && grep -q '<td>Fence colour</td><td class="n">1</td><td class="n">same</td>' "$T/c.html" \
  || bad "class.txt in the Assumptions: $(grep -A4 'id="assumptions"' "$T/c.html")"

# the CSV: figures rounded, ids kept, labels beside them
mkdir -p "$T/ef" && "$FLANK" run eastern_flank --seed 2 --log "$T/ef/g.log" >/dev/null
"$FLANK" class "$T/ef" --runs 0 --csv "$T/ef.csv" >/dev/null 2>&1 || bad "class on the flagship"
head -1 "$T/ef.csv" | grep -q '^student,seed,ending,ending_label,finished,turns,' || bad "CSV header: $(head -1 "$T/ef.csv")"
grep -Eq '[0-9]\.[0-9]{6,}' "$T/ef.csv" && bad "unrounded figures: $(grep -Eo '[0-9]+\.[0-9]{6,}' "$T/ef.csv" | head -3)"
python3 - "$T/ef.csv" <<'EOF' || bad "the CSV's ending and its label: $(cat "$T/ef.csv")"
import csv, sys
r = next(csv.DictReader(open(sys.argv[1])))
assert r['ending'] and ' ' not in r['ending'] and r['ending_label'] and r['ending_label'] != r['ending'], r
EOF

# a log the computer played (flank run: no side is a person's) and the same game handed in twice
mkdir -p "$T/dup" && cp "$T/sub/a.log" "$T/dup/anna.log" && cp "$T/sub/a.log" "$T/dup/ben.log" && cp "$T/c.log" "$T/dup/carl.log"
"$FLANK" class "$T/dup" --scenario $S --runs 0 --names --out "$T/dup.html" --csv "$T/dup.csv" >"$T/out" 2>&1 || bad "class on copies: $(cat "$T/out")"
grep -q "note .*carl.log: played by the computer" "$T/out" && grep -q "skipped .*ben.log (copy): the same game as anna, move for move" "$T/out" \
  && grep -q "2 verified, 1 copy" "$T/out" || bad "the teacher is told of a computer's game, and a copy is counted once: $(cat "$T/out")"
grep -q 'carl <span class="flag">played by the computer' "$T/dup.html" && grep -q '<td>copy</td><td>the same game as anna, move for move' "$T/dup.html" \
  && grep -q '2 games verified of 3 game files; 1 copy. Counted although 1 was played by the computer, not by a person (marked below)' "$T/dup.html" \
  && grep -q ',computer,$' "$T/dup.csv" || bad "the report flags them: $(grep -o '<p class="meta">[^<]*' "$T/dup.html" | head -1)"
# a game played away from the class folder: the scenario's value, not class.txt's
mkdir -p "$T/cls2" && cp $S/scenario.lua "$T/cls2/" && printf 'harm_rate = 4\nlock harm_rate\n' >"$T/cls2/class.txt"
"$FLANK" run "$T/cls2" --seed 3 --policy careful --log "$T/dup/dora.log" >/dev/null
"$FLANK" class "$T/dup" --scenario "$T/cls2" --runs 0 --names --csv "$T/dup2.csv" >"$T/out" 2>&1
grep -q "note .*carl.log: played under other assumptions than the class's: harm_rate 2 (the class's 4, locked)" "$T/out" \
  && ! grep -q "note .*dora.log: played under other" "$T/out" && grep -q "harm_rate 2 (the class's 4, locked)" "$T/dup2.csv" \
  || bad "a game played under other values than class.txt's is marked: $(cat "$T/out")"
# the class's choices: a decision some games never took is shared out over the games that took it
# (a game that stayed in the treaty deposits no notice of withdrawal)
mkdir -p "$T/ch"
"$FLANK" run eastern_flank --seed 1 --log "$T/ch/a.log" >/dev/null
"$FLANK" run eastern_flank --seed 1 --policy stay_in_treaty --log "$T/ch/b.log" >/dev/null
"$FLANK" class "$T/ch" --runs 0 --out "$T/ch.html" >/dev/null 2>&1 || bad "flank class of two flagship games"
grep -A3 '<h3>Deposit the notice of withdrawal' "$T/ch.html" | grep -q 'Taken in 1 of the 2 verified games' \
  && grep -A3 '<h3>Deposit the notice of withdrawal' "$T/ch.html" | grep -q '<td>Deposit the notices</td><td class="n">1 (100%)' \
  && grep -A3 '<h3>Leave the mine ban' "$T/ch.html" | grep -q 'Taken in 2 of the 2 verified games' \
  || bad "choice shares of the games that took the decision: $(grep -A4 '<h3>Deposit' "$T/ch.html" | tr '\n' ' ')"
exit $fail
