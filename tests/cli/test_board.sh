#!/usr/bin/env bash
# Black-box tests of play on the board: targets and moves travel through replay logs
# (--verify, tampering, forks, old logs), the text board as one side sees it, and
# play --text choosing targets and moves by number and by name.
# Usage: test_board.sh FLANK REPO_ROOT
FLANK=$1
ROOT=$2
cd "$ROOT" || exit 2
fails=0 passes=0
ok() { passes=$((passes + 1)); }
bad() { fails=$((fails + 1)); echo "FAIL: $*"; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
B=tests/script/board

# A game with targeted options and moves, recorded and verified.
"$FLANK" run $B --seed 1 --log "$T/a.log" >/dev/null 2>"$T/err" || bad "run the board fixture: $(cat "$T/err")"
head -1 "$T/a.log" | grep -qx "flank-replay 2" && ok || bad "replay format 2"
grep -q "^action 1 orders lay area:c1r1$" "$T/a.log" && ok || bad "an area target is recorded: $(grep action "$T/a.log" | head -3)"
grep -qE "^action 1 orders move piece:[0-9]+ area:c[0-9]r[0-9]$" "$T/a.log" && ok || bad "a move is recorded as piece and area"
"$FLANK" replay "$T/a.log" --scenario $B --verify >/dev/null 2>"$T/err" && ok || bad "verify a game with targets: $(cat "$T/err")"

# A tampered target is named.
sed 's/^action 1 orders lay area:c1r1$/action 1 orders lay area:c0r1/' "$T/a.log" > "$T/t1.log"
"$FLANK" replay "$T/t1.log" --scenario $B --verify >/dev/null 2>"$T/err"; rc=$?
[ $rc -eq 1 ] && grep -q "turn 1" "$T/err" && ok || bad "a changed target fails verification at turn 1 (exit $rc): $(cat "$T/err")"
sed 's/^action 1 orders lay area:c1r1$/action 1 orders lay area:c3r2/' "$T/a.log" > "$T/t2.log"
"$FLANK" replay "$T/t2.log" --scenario $B --verify >/dev/null 2>"$T/err"; rc=$?
[ $rc -eq 1 ] && grep -q "t2.log:[0-9]*: .*area:c3r2.*not a legal target" "$T/err" && ok || bad "an illegal target is named with its line (exit $rc): $(cat "$T/err")"
sed 's/^action 1 orders lay area:c1r1$/action 1 orders lay area:atlantis/' "$T/a.log" > "$T/t3.log"
"$FLANK" replay "$T/t3.log" --scenario $B --verify >/dev/null 2>"$T/err"; rc=$?
[ $rc -eq 1 ] && grep -q "atlantis" "$T/err" && ok || bad "an unknown area in a replay is named (exit $rc): $(cat "$T/err")"
sed -E '0,/^action 1 orders move piece:[0-9]+/s//action 1 orders move piece:99/' "$T/a.log" > "$T/t4.log"
"$FLANK" replay "$T/t4.log" --scenario $B --verify >/dev/null 2>"$T/err"; rc=$?
[ $rc -eq 1 ] && grep -q "piece 99" "$T/err" && ok || bad "a move of a piece that does not exist is named (exit $rc): $(cat "$T/err")"

# A fork at turn 2 keeps the recorded targets before it.
"$FLANK" replay "$T/a.log" --scenario $B --until 2 --side blue=random --log "$T/f.log" >/dev/null 2>"$T/err" && ok || bad "fork a game with targets: $(cat "$T/err")"
diff <(grep "^action 1 " "$T/a.log") <(grep "^action 1 " "$T/f.log") >/dev/null && ok || bad "the fork has the same turn-1 actions"

# Version 1 logs (no targets) still replay.
"$FLANK" run tutorial --seed 4 --log "$T/v2.log" >/dev/null
sed '1s/.*/flank-replay 1/' "$T/v2.log" > "$T/v1.log"
"$FLANK" replay "$T/v1.log" --verify >/dev/null 2>"$T/err" && ok || bad "a version 1 log replays: $(cat "$T/err")"
sed '1s/.*/flank-replay 9/' "$T/v2.log" > "$T/v9.log"
"$FLANK" replay "$T/v9.log" >/dev/null 2>"$T/err"; [ $? -eq 2 ] && grep -q "newer version" "$T/err" && ok || bad "a future log format is refused: $(cat "$T/err")"

# The board as one side sees it: Red's hidden scout and morale, Blue's hidden fields.
"$FLANK" run $B --seed 1 --board > "$T/all.txt"
"$FLANK" run $B --seed 1 --view blue > "$T/blue.txt"
"$FLANK" run $B --seed 1 --view red > "$T/red.txt"
grep -q "Scout #3 of Red" "$T/all.txt" && ok || bad "--board shows everything"
grep -q "Scout" "$T/blue.txt" && bad "Blue sees Red's hidden scout" || ok
grep -q "Red morale" "$T/blue.txt" && bad "Blue sees Red's morale" || ok
grep -q "Minefield: 1 field\b" "$T/blue.txt" && ok || bad "Blue sees its fields with their name and unit"
grep -q "Minefield" "$T/red.txt" && bad "Red sees Blue's hidden fields" || ok
grep -q "Ground: Spring mud: tracks only" "$T/all.txt" && grep -q "Ground: sand" "$T/all.txt" && ok || bad "a text value shows its label (property{ values = })"
grep -q "Red morale" "$T/red.txt" && grep -q "Scout #3 of Red" "$T/red.txt" && ok || bad "Red sees its own morale and scout"
grep -q "Arrows on the map" "$T/red.txt" && grep -q "front line" "$T/red.txt" && ok || bad "arrows and the front line are described"
"$FLANK" run $B --view purple >/dev/null 2>&1; [ $? -eq 2 ] && ok || bad "--view of an unknown side is a usage error"

# play --text: a target by name, a move by numbers, then the board shows the result.
printf '2 c1r2\n1\n2\nc0r1\n4\nboard\nquit\n' | "$FLANK" play $B --text --side blue > "$T/play.txt" 2>&1
grep -q 'chose "Lay a field" on "Blue.s orders" (c1r2)' "$T/play.txt" && ok || bad "play --text lays a field by area name"
grep -q 'Where to?' "$T/play.txt" && grep -qE 'chose "Move a unit" on "Blue.s orders": Infantry #2 from c0r2 to c0r1' "$T/play.txt" && ok || bad "play --text moves a piece by numbers: $(grep -n chose "$T/play.txt")"
# names as typed on any keyboard: no diacritics, a space for '_' ("suwalki gap" is Suwałki Gap)
printf '1\n2\nsuwalki gap, BIALYSTOK\nquit\n' | "$FLANK" play eastern_flank --text --seed 5 > "$T/fold.txt" 2>&1
grep -q 'chose "Anti-tank obstacles only" on "Fields on the border" (Suwałki Gap, Białystok)' "$T/fold.txt" && ok \
  || bad "play --text takes area names without their diacritics: $(grep -n "chose\|not one of" "$T/fold.txt" | head -3)"
printf '2 atlantis\ncancel\nquit\n' | "$FLANK" play $B --text --side blue > "$T/play2.txt" 2>&1
grep -q "No area is called 'atlantis'" "$T/play2.txt" && ok || bad "play --text names a wrong target"

# a what-if on an option that acts on the map, without --targets, says how and what was legal
"$FLANK" run $B --seed 1 --log "$T/wt.log" >/dev/null
"$FLANK" replay "$T/wt.log" --scenario $B --at 1 --choose orders=lay >/dev/null 2>"$T/err"; rc=$?
[ $rc -eq 2 ] && grep -q 'add --targets "area:ID ...".*legal then: area:c1r1' "$T/err" && ok || bad "--choose without --targets (exit $rc): $(cat "$T/err")"

echo "test_board: $passes passed, $fails failed"
[ "$fails" -eq 0 ]
