#!/usr/bin/env bash
# Black-box tests of `flank run` and `flank replay`: exit codes, the messages of a
# dozen broken scenarios, determinism across processes, replay verification.
# Usage: test_run.sh FLANK REPO_ROOT
FLANK=$1
ROOT=$2
cd "$ROOT" || exit 2
fails=0 passes=0
ok() { passes=$((passes + 1)); }
bad() { fails=$((fails + 1)); echo "FAIL: $*"; }
expect_exit() { # CODE DESCRIPTION CMD...
  local want=$1 what=$2; shift 2
  "$@" >/tmp/flank-out.$$ 2>/tmp/flank-err.$$
  local got=$?
  if [ "$got" -eq "$want" ]; then ok; else bad "$what: exit $got, wanted $want ($(head -c 300 /tmp/flank-err.$$))"; fi
}
T=$(mktemp -d)
trap 'rm -rf "$T" /tmp/flank-out.$$ /tmp/flank-err.$$' EXIT

# Exit codes and help
expect_exit 2 "no arguments" "$FLANK"
expect_exit 2 "unknown command" "$FLANK" frobnicate
"$FLANK" rnu 2>&1 | grep -q "did you mean 'run'" && ok || bad "command suggestion"
expect_exit 0 "--help" "$FLANK" --help
for c in play run batch merge test lint render replay new doc sources class; do
  expect_exit 0 "$c --help" "$FLANK" "$c" --help
  grep -q "Usage: flank $c" /tmp/flank-out.$$ && ok || bad "$c --help prints usage"
done
expect_exit 0 "run tutorial" "$FLANK" run tutorial
expect_exit 0 "run by folder" "$FLANK" run scenarios/tutorial
expect_exit 0 "run by file" "$FLANK" run scenarios/tutorial/scenario.lua
expect_exit 2 "misspelt scenario" "$FLANK" run tutorail
grep -q "did you mean 'tutorial'" /tmp/flank-err.$$ && ok || bad "scenario suggestion: $(cat /tmp/flank-err.$$)"
expect_exit 2 "bad seed" "$FLANK" run tutorial --seed banana
expect_exit 2 "unknown option" "$FLANK" run tutorial --sede 3
expect_exit 2 "unknown side" "$FLANK" run tutorial --side counsil=random
grep -q "did you mean 'council'" /tmp/flank-err.$$ && ok || bad "side suggestion"
expect_exit 2 "unknown policy" "$FLANK" run tutorial --side council=mine
grep -q "did you mean 'mines'" /tmp/flank-err.$$ && ok || bad "policy suggestion"
expect_exit 0 "--turns" "$FLANK" run tutorial --turns 2 --json
grep -q '"status":"unfinished"' /tmp/flank-out.$$ && ok || bad "--turns stops early"

# Every error line of a command that names no source line starts with "flank COMMAND:"
# (--set's, a scenario that does not exist, a log that cannot be written)
for c in "run tutorial --set nope=1" "run tutorial --set pushback_chance=abc" "run tutorial --set pushback_chance=7" "batch tutorial --runs 2 --set nope=1" \
         "render tutorial --set nope=1" "run nosuch" "run tutorial --log $T/no/such/dir/x.log"; do
  set -- $c
  $FLANK $c </dev/null >/dev/null 2>"$T/err"
  [ -s "$T/err" ] && ! grep -v "^flank $1: " "$T/err" | grep -q . && ok || bad "flank $c: an error line without 'flank $1:': $(cat "$T/err")"
done
printf 'quit\n' | "$FLANK" play tutorial --text --set nope=1 2>&1 >/dev/null | grep -q "^flank play: scenario 'tutorial' has no parameter 'nope'" \
  && ok || bad "play --text --set: no 'flank play:' prefix"

# A policy file
cat > "$T/pol.lua" <<'LUA'
return function(view, d)
  for _, o in ipairs(d.options) do if o.available then return o.id end end
end
LUA
expect_exit 0 "policy file" "$FLANK" run tutorial --side council="$T/pol.lua"
echo 'return function() return "no_such_option" end' > "$T/badpol.lua"
expect_exit 3 "policy returning a bad option" "$FLANK" run tutorial --side council="$T/badpol.lua"
grep -q "not an available option" /tmp/flank-err.$$ && ok || bad "bad policy message"

# Broken scenarios: exit code and the message with file:line
for d in tests/cli/fixtures/broken/*/; do
  name=$(basename "$d")
  want=$(sed -n 1p "$d/expect")
  msg=$(sed -n 2p "$d/expect")
  "$FLANK" run "$d" >/dev/null 2>"$T/err"
  got=$?
  [ "$got" -eq "$want" ] && ok || bad "broken/$name: exit $got, wanted $want: $(cat "$T/err")"
  grep -qF -- "$msg" "$T/err" && ok || bad "broken/$name: message '$(cat "$T/err")' lacks '$msg'"
  [ "$(wc -l < "$T/err")" -le 3 ] && ok || bad "broken/$name: message is not short: $(cat "$T/err")"
  [ "$(head -1 "$T/err" | grep -c '')" -eq 1 ] && ok || bad "broken/$name: no one-line message"
done

# The offending source line is shown with a caret under the named word
"$FLANK" run tests/cli/fixtures/broken/unknown_side 2>"$T/err"
sed -n 2p "$T/err" | grep -qF '5 | decision { id = "d", side = "counsil"' && ok || bad "source line shown: $(cat "$T/err")"
col=$(sed -n 3p "$T/err" | awk '{ print index($0, "^") }')
want=$(sed -n 2p "$T/err" | awk '{ print index($0, "counsil") }')
[ "$col" = "$want" ] && ok || bad "caret under 'counsil' ($col vs $want)"

# ... and under the bad field of a flank.* name that does not exist, not under the line's start
mkdir -p "$T/ad" && sed 's/F\.track\.add("cohesion", 5)/F.track.ad("cohesion", 5)/' scenarios/tutorial/scenario.lua >"$T/ad/scenario.lua"
"$FLANK" run "$T/ad" --policy first 2>"$T/err"
col=$(sed -n 3p "$T/err" | awk '{ print index($0, "^") }')
want=$(sed -n 2p "$T/err" | awk '{ print index($0, "ad(\"cohesion\"") }')
grep -q 'flank.track.ad does not exist' "$T/err" && [ "$want" -gt 0 ] && [ "$col" = "$want" ] && ok || bad "caret under 'ad' of F.track.ad ($col vs $want): $(cat "$T/err")"

# Determinism: the same seed gives byte-identical --json and logs in separate processes
"$FLANK" run tutorial --seed 7 --json --log "$T/a.log" > "$T/a.json"
"$FLANK" run tutorial --seed 7 --json --log "$T/b.log" > "$T/b.json"
cmp -s "$T/a.json" "$T/b.json" && ok || bad "seed 7 json differs"
cmp -s "$T/a.log" "$T/b.log" && ok || bad "seed 7 log differs"
for s in $(seq 1 1000); do "$FLANK" run tutorial --policy random --seed "$s" --json; done > "$T/r1"
for s in $(seq 1 1000); do "$FLANK" run tutorial --policy random --seed "$s" --json; done > "$T/r2"
cmp -s "$T/r1" "$T/r2" && ok || bad "1000 seeds: runs differ between processes"
distinct=$(grep -o '"hash":"[0-9a-f]*"' "$T/r1" | sort -u | wc -l)
[ "$distinct" -gt 900 ] && ok || bad "different seeds should give different games ($distinct distinct of 1000)"

# Replay: verify passes; a tampered log is caught and the first differing turn named
expect_exit 0 "replay" "$FLANK" replay "$T/a.log"
expect_exit 0 "replay --verify" "$FLANK" replay "$T/a.log" --verify
grep -q "verified" /tmp/flank-out.$$ && ok || bad "verify message"
"$FLANK" replay "$T/a.log" --json | cmp -s - "$T/a.json" && ok || bad "replay --json equals the run's --json"
sed 's/^hash 3 \(.\)/hash 3 f\1/' "$T/a.log" | sed 's/^hash 3 f\(................\).*/hash 3 0123456789abcdef/' > "$T/t.log"
expect_exit 1 "tampered hash" "$FLANK" replay "$T/t.log" --verify
grep -q "turn 3 differs" /tmp/flank-err.$$ && ok || bad "tampered hash names turn 3: $(cat /tmp/flank-err.$$)"
awk '/^action 2 fortify/ && !done { sub(/ [a-z_]+$/, " nothing"); done=1 } { print }' "$T/a.log" > "$T/t2.log"
if cmp -s "$T/a.log" "$T/t2.log"; then awk '/^action 2 fortify/ && !done { sub(/ [a-z_]+$/, " obstacles"); done=1 } { print }' "$T/a.log" > "$T/t2.log"; fi
expect_exit 1 "tampered action" "$FLANK" replay "$T/t2.log" --verify
grep -q "differs" /tmp/flank-err.$$ && ok || bad "tampered action is named: $(cat /tmp/flank-err.$$)"
printf 'flank-replay 9\n' > "$T/v9.log"
expect_exit 2 "future replay version" "$FLANK" replay "$T/v9.log"
head -c 40 "$T/a.log" > "$T/trunc.log"
expect_exit 2 "truncated replay" "$FLANK" replay "$T/trunc.log"
head -c 300 /dev/urandom > "$T/noise.log"
expect_exit 2 "random bytes" "$FLANK" replay "$T/noise.log"
# A changed scenario: refused with both hashes, or verified turn by turn with --verify
mkdir -p "$T/sc" && cp -r scenarios/tutorial "$T/sc/tutorial"
sed -i 's/F.track.add("budget", 8)/F.track.add("budget", 9)/' "$T/sc/tutorial/scenario.lua"
expect_exit 2 "changed scenario" "$FLANK" replay "$T/a.log" --scenario "$T/sc/tutorial"
grep -q "changed since" /tmp/flank-err.$$ && ok || bad "changed scenario message"
expect_exit 1 "changed scenario --verify" "$FLANK" replay "$T/a.log" --scenario "$T/sc/tutorial" --verify
grep -q "turn 1 differs" /tmp/flank-err.$$ && ok || bad "changed scenario: first differing turn: $(cat /tmp/flank-err.$$)"

# The accessible text view: the same state as the window, as plain text
"$FLANK" run tutorial --turns 3 --board --side council=mines > "$T/board.txt" && ok || bad "--board runs"
for want in "Indicators:" "- Suwałki Gap: Defence council, forest" "Decision for Defence council: Fortify the gap." \
            "3. Lay anti-personnel mines. Cost: 5 M€ of Budget. Not available: only once the withdrawal is in force"; do
  grep -qF -- "$want" "$T/board.txt" && ok || bad "--board lacks '$want'"
done

# Playing in the terminal (flank play --text): scripted input, to the end, no display
yes 1 | head -40 | env -u DISPLAY "$FLANK" play tutorial --text > "$T/text.out" 2>&1 && ok || bad "play --text exits 0"
grep -q "You play: Defence council" "$T/text.out" && grep -q "The game is over:" "$T/text.out" && ok || bad "play --text plays to the end: $(tail -5 "$T/text.out")"
printf '9\nquit\n' | "$FLANK" play tutorial --text > "$T/text2.out" 2>&1
grep -q "Type a number from 1 to 2" "$T/text2.out" && ok || bad "play --text explains bad input"

# What a student reads in the terminal: the date as progress where the turn count is only a
# cap, figures with separators and sensible precision, no "?." titles, no rule bookkeeping
# (properties without a property{} name), and what each indicator means on 'help'.
printf 'help\nquit\n' | "$FLANK" play eastern_flank --text --seed 3 > "$T/ef.out" 2>&1
grep -q "^Eastern Flank.*1 March 2025 (turn 1)" "$T/ef.out" && ! grep -q "Turn 1 of 90" "$T/ef.out" && ok || bad "progress is a date: $(grep -m1 'turn' "$T/ef.out")"
! grep -q '?\.' "$T/ef.out" && ok || bad "a title ending in '?' gets no full stop: $(grep -m1 '?\.' "$T/ef.out")"
sed -n '/^Indicators:/,/^$/p' "$T/ef.out" > "$T/ind.out"
[ -s "$T/ind.out" ] && ! grep -Eq '[0-9]{4,}|[0-9]\.[0-9]{2,}' "$T/ind.out" && ok || bad "indicators read like 1,260 and 33.1%: $(cat "$T/ind.out")"
! grep -Eq 'plan_k|haz_x|ap_unmarked [0-9]' "$T/ef.out" && ok || bad "engine keys on the text board: $(grep -m1 -Eo '.{20}(plan_k|haz_x).{20}' "$T/ef.out")"
grep -q "^What the indicators mean:" "$T/ef.out" && grep -q "^- Deterrence (%): .*Higher is better" "$T/ef.out" && ok || bad "'help' explains every indicator"
# Typing in the terminal: a number with junk is not a choice, names work, undo takes back,
# one area in full, and a wrong entry does not print the card again
printf '1.5\n1x\nstay\nundo\narea narva\nquit\n' | "$FLANK" play eastern_flank --text --seed 5 > "$T/typing.out" 2>&1
[ "$(grep -c "Type a number from 1 to 2, or the start of an option's name" "$T/typing.out")" = 2 ] && ok || bad "'1.5' and '1x' are refused"
grep -q 'Defence council chose "Stay in the treaty"' "$T/typing.out" && ok || bad "an option chosen by the start of its name"
grep -A1 "^> undo$" "$T/typing.out" | grep -q "^Undone: back before your last decision" && ok || bad "undo in the terminal"
grep -A1 "^> area narva$" "$T/typing.out" | grep -q "^- Narva: Defence council" && ok || bad "'area narva' shows one area"
[ "$(grep -c '^Decision for Defence council: Leave the mine ban?' "$T/typing.out")" = 2 ] && ok || bad "a wrong entry reprints the card: $(grep -c '^Decision for' "$T/typing.out") cards"
grep -q "^Nothing on [0-9]* other areas" "$T/typing.out" && ok || bad "the first board is brief"

# Hotseat in the terminal: two people seated, each handed the board in turn, both recorded as people
yes 1 | head -100 | "$FLANK" play eastern_flank --text --side council,estonia --seed 4 --log "$T/hs.log" > "$T/hs.out" 2>&1
grep -q "^You play: Defence council and Estonia" "$T/hs.out" && grep -q "^=== Estonia's turn ===" "$T/hs.out" && ok || bad "hotseat hands over: $(head -3 "$T/hs.out")"
grep -q "^policy council human" "$T/hs.log" && grep -q "^policy estonia human" "$T/hs.log" && grep -q "^policy latvia default" "$T/hs.log" && ok || bad "hotseat log records both people"
expect_exit 2 "a side that is not playable" "$FLANK" play eastern_flank --text --side nope
grep -q "'nope' is not a playable side of eastern_flank" /tmp/flank-err.$$ && ok || bad "unknown side named with the scenario: $(cat /tmp/flank-err.$$)"

# A fork: the same history to turn 4, then another policy plays on (branch and compare)
"$FLANK" run tutorial --seed 7 --json --log "$T/f.log" > "$T/orig.json"
"$FLANK" replay "$T/f.log" --until 4 --side council=mines --json > "$T/fork1.json" && ok || bad "fork runs"
"$FLANK" replay "$T/f.log" --until 4 --side council=mines --json > "$T/fork2.json"
cmp -s "$T/fork1.json" "$T/fork2.json" && ok || bad "the same fork twice gives the same game"
python3 - "$T/orig.json" "$T/fork1.json" <<'PY' && ok || bad "fork: history before turn 4 kept, council's later choices differ"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
before = lambda d: [x for x in d["decisions"] if x["turn"] < 4]
after = lambda d: [x["option"] for x in d["decisions"] if x["turn"] >= 4 and x["side"] == "council"]
assert before(a) == before(b), "history differs"
assert after(a) != after(b), "the fork changed nothing"
assert b["policies"]["council"] == "mines"
PY
expect_exit 2 "fork options need --until" "$FLANK" replay "$T/f.log" --side council=mines
expect_exit 2 "fork with an unknown policy" "$FLANK" replay "$T/f.log" --until 3 --side council=nope

# --json: a decision that took targets lists them (area ids, piece ids), a move also piece, to, from,
# as flank test's g.decisions; the same chosen targets as the replay log's actions
"$FLANK" run river_crossing --json --log "$T/rc.log" >"$T/rc.json"
python3 - "$T/rc.json" "$T/rc.log" <<'PY' && ok || bad "run --json lists the decisions' targets"
import json, sys
d = json.load(open(sys.argv[1]))["decisions"]
acts = [l.split()[4:] for l in open(sys.argv[2]) if l.startswith("action ")]
assert len(acts) == len(d), (len(acts), len(d))
for x, a in zip(d, acts):
    want = [int(t[6:]) if t.startswith("piece:") else t[5:] for t in a]
    got = x.get("targets", [])
    assert got[:len(want)] == want, (x, a)
    if x["option"] == "move":
        assert got == [x["piece"], x["to"], x["from"]] and isinstance(x["piece"], int), x
assert any(isinstance(t, str) for x in d for t in x.get("targets", [])), "no area targets"
assert any("from" in x for x in d), "no move"
assert all("targets" not in x or x["targets"] for x in d)
PY

# the summary writes each figure as every surface does: a currency before the number ("US$846 M",
# not "846 US$ M"), the unit after it otherwise, right-aligned
"$FLANK" run eastern_flank --seed 5 >"$T/sum" 2>&1
grep -Eq '^  Money spent +US\$[0-9][0-9,.]* M$' "$T/sum" && grep -Eq '^  Deterrence +[0-9.]+%$' "$T/sum" && ! grep -q '[0-9] US\$' "$T/sum" && ok \
  || bad "run's summary writes money as the window does: $(grep -E 'Budget|spent' "$T/sum")"

# after a war's ceasefire the board keeps the front line (the ceasefire line) but not the attack's
# arrows (a cold student still saw them twenty years on); during the war they are drawn
"$FLANK" run eastern_flank --seed 7 --side adversary=attack_now --board >"$T/war" 2>&1
"$FLANK" run eastern_flank --seed 7 --side adversary=attack_now --turns 4 --board >"$T/war4" 2>&1
grep -q '^Arrows on the map:' "$T/war4" && ! grep -q '^Arrows on the map:' "$T/war" && grep -q 'front line' "$T/war" && ok \
  || bad "the attack's arrows after the ceasefire: during $(grep -c '^Arrows' "$T/war4"), after $(grep -c '^Arrows' "$T/war")"

echo "test_run: $passes passed, $fails failed"
[ "$fails" -eq 0 ]
