#!/usr/bin/env bash
# A what-if on the command line as a student reads it (flank replay --at --choose, and the
# debrief of flank play --text): the counts of the student's later choices add up to the total
# the sentence names, which is how many they made after the changed one, and the computer's
# choices are counted apart (in the list of where it chose for their side); where a game ended
# is a date, the what-if's is its own game's end, and when the two differ a line says why (a
# cold student read "11 December" beside "1 December" and took it for a mistake: the what-if
# had two more five-day crises, played a day at a time, and every month after them came ten
# days later). On the flagship (eastern_flank) and on the small fixture (tests/script/teach).
set -u
FLANK=$1; ROOT=$2
cd "$ROOT" || exit 1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
ok() { :; }
bad() { echo "FAIL: $*"; fail=1; }

# counts FILE [N]: each what-if in a transcript: the sentence on the student's later choices
# names a total and counts that add up to it (and to N when given), and the computer's list of
# where it chose for their side holds as many as the choices no longer possible and the new ones
counts() {
  python3 - "$1" "${2:-}" <<'PY'
import re, sys
text, want = "\n" + open(sys.argv[1]).read(), sys.argv[2]
blocks = re.split(r"\n(?=What if you had chosen |\S+: what if ')", text)[1:]
if not blocks: sys.exit("no what-if in %s" % sys.argv[1])
for b in blocks:
    m = re.search(r"^Your later choices, after the one you changed: (\d+)\. Made again: (\d+); no longer possible, so the computer "
                  r"chose instead: (\d+); never came up in the what-if: (\d+)\.", b, re.M)
    a = re.search(r"^Your later choices made again: (\d+) of (\d+)\.", b, re.M)
    if m: total, kept, lapsed, unreached = map(int, m.groups())
    elif a: kept, total, lapsed, unreached = int(a.group(1)), int(a.group(2)), 0, 0
    else: sys.exit("no counts of the later choices: " + b[:600])
    if kept + lapsed + unreached != total: sys.exit("%d + %d + %d != %d: %s" % (kept, lapsed, unreached, total, b[:600]))
    if want and total != int(want): sys.exit("the total %d is not the %s later choices made: %s" % (total, want, b[:600]))
    f = re.search(r"Decisions your game never had, which the computer made for your side: (\d+)\.", b)
    fresh = int(f.group(1)) if f else 0
    lst = re.search(r"^Where the computer chose for your side:\n((?:  .*\n)*)", b, re.M)
    listed = 0
    if lst:
        lines = lst.group(1).splitlines()
        more = re.match(r"  \.\.\. and (\d+) more", lines[-1])
        listed = len(lines) - 1 + int(more.group(1)) if more else len(lines)
    if b.startswith("What if you had chosen "): # play --text lists them (flank replay does not)
        if listed != lapsed + fresh: sys.exit("the computer's list has %d, not %d + %d: %s" % (listed, lapsed, fresh, b[:900]))
    print("%d = %d + %d + %d; the computer %d + %d" % (total, kept, lapsed, unreached, lapsed, fresh))
PY
} 2>&1
# json FILE FIELD: a field of flank replay --json
json() { "$FLANK" replay "$1" --json | python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$2"; }
# long DATE: 2047-12-11 -> 11 December 2047
long() { LC_ALL=C date -d "$1" '+%-d %B %Y'; }

# ---- the flagship: a log played by the council's policy, recorded as a person's, forked at
# its first decision. A fork whose end date differs by the days of its one-day turns (crises):
# its line names both dates and says so; the days and the turns it had more agree
found=0
for seed in 1 15 18 11 2 3 4 5 6 7 8 9 10; do
  "$FLANK" run eastern_flank --seed $seed --log "$T/g.log" >/dev/null || { bad "flank run eastern_flank --seed $seed"; continue; }
  sed -i 's/^policy council default/policy council human/' "$T/g.log"
  opt=$(awk '$1 == "action" && $3 == "statement" {print $4; exit}' "$T/g.log")
  alt=$([ "$opt" = withdraw ] && echo reaffirm || echo withdraw)
  "$FLANK" replay "$T/g.log" --at 1 --choose statement=$alt --log "$T/f.log" >"$T/out" 2>"$T/err" || { bad "seed $seed fork: $(cat "$T/err")"; continue; }
  n=$(awk '$1 == "action" && $3 == "statement" {s = 1; next} s && $1 == "action"' "$T/g.log" | wc -l) # not all the council's: an upper bound
  c=$(counts "$T/out") || { bad "seed $seed: the counts do not add up: $c"; continue; }
  total=${c%% =*}
  [ "$total" -le "$n" ] || bad "seed $seed: $total later choices of $n recorded actions after the fork"
  d1=$(json "$T/g.log" date) d2=$(json "$T/f.log" date) t1=$(json "$T/g.log" turns) t2=$(json "$T/f.log" turns)
  e1=$(awk '$1 == "Ending" {print; exit}' <(sed 's/^  //' "$T/out"))
  grep -q "^  Ending .*, $(long "$d1")  .*, $(long "$d2")\$" "$T/out" \
    || bad "seed $seed: the table's ending row does not show where each game ended ($d1, $d2): $e1"
  if [ "$d1" = "$d2" ]; then
    grep -q '^The what-if ended on' "$T/out" && bad "seed $seed: a line on end dates that are the same: $(grep '^The what-if ended on' "$T/out")"
    continue
  fi
  grep -q "^The what-if ended on $(long "$d2"), your game on $(long "$d1")\. " "$T/out" \
    || bad "seed $seed: no line on the end dates $d1 and $d2: $(tail -2 "$T/out")"
  days=$(( ($(date -d "$d2" +%s) - $(date -d "$d1" +%s)) / 86400 ))
  if [ "$days" -gt 0 ] && [ "$days" -lt 28 ] && [ $((t2 - t1)) = "$days" ]; then
    grep -q "^The what-if ended on .* The what-if spent $days more days in turns of one day each, so every turn after them came that much later\.\$" "$T/out" \
      && found=1 || bad "seed $seed: $days days and $((t2 - t1)) turns more, but the line says: $(grep '^The what-if ended on' "$T/out")"
    [ $found = 1 ] && echo "ok: seed $seed: $(grep '^The what-if ended on' "$T/out")" && echo "ok: $c" && break
  fi
done
[ $found = 1 ] || bad "no flagship fork (seeds tried) that ended on a later day for its one-day turns"

# ---- play --text: the debrief's what-if counts the student's decisions after the changed one
# (its own list numbers them all)
(for i in $(seq 300); do echo 1; done; printf 'whatif\n\nwhatif 1 2\nquit\n') | HOME="$T" FLANK_NO_CACHE=1 "$FLANK" play eastern_flank --text --seed 24 >"$T/p" 2>&1
n=$(sed -n '/^Your decisions:$/,/^Which decision/p' "$T/p" | grep -c '^  [0-9]*\. ')
[ "$n" -gt 1 ] || bad "play --text lists no decisions: $(grep -A3 'Your decisions' "$T/p")"
c=$(counts "$T/p" $((n - 1))) && echo "ok: play --text eastern_flank, decision 1 of $n: $c" || bad "play --text eastern_flank: $c"

# ---- the fixture: a field mined in the first month hurts so many people that the game ends a
# month sooner; one of the later choices never came up, and the dates say so
(for i in $(seq 8); do echo 1; done; printf 'whatif\n\nwhatif 1 2\nquit\n') | HOME="$T" FLANK_NO_CACHE=1 "$FLANK" play tests/script/teach --text --set harm_rate=10 >"$T/t" 2>&1
n=$(sed -n '/^Your decisions:$/,/^Which decision/p' "$T/t" | grep -c '^  [0-9]*\. ')
[ "$n" = 8 ] || bad "the fixture's 8 decisions: $(grep -A9 'Your decisions' "$T/t")"
c=$(counts "$T/t" 7) && echo "ok: play --text teach: $c" || bad "play --text teach: $c"
grep -q '^Your later choices, after the one you changed: 7\. Made again: 6; no longer possible, so the computer chose instead: 0; never came up in the what-if: 1\.$' "$T/t" \
  || bad "the fixture's counts: $(grep '^Your later' "$T/t")"
grep -q '^  Ending  *The season ends, 1 October 2025  *The valley empties, 1 September 2025$' "$T/t" \
  && grep -q "^The what-if ended on 1 September 2025, your game on 1 October 2025\. The what-if's game went differently and ended sooner: 7 turns, yours 8 " "$T/t" \
  && echo "ok: $(grep '^The what-if ended on' "$T/t")" || bad "the fixture's end dates: $(grep -E '^  Ending|^The what-if ended on' "$T/t")"
# flank replay of the fixture, forked in its fourth month: the total is the person's choices after it
"$FLANK" run tests/script/teach --seed 5 --policy careful --set harm_rate=10 --log "$T/w.log" >/dev/null
sed -i 's/^policy mayor careful/policy mayor human/' "$T/w.log"
"$FLANK" replay "$T/w.log" --scenario tests/script/teach --at 4 --choose plan=mine >"$T/r" 2>"$T/err" || bad "replay the fixture: $(cat "$T/err")"
n=$(awk '$1 == "action" && $2 > 4' "$T/w.log" | wc -l)
c=$(counts "$T/r" "$n") && echo "ok: flank replay teach --at 4: $c" || bad "flank replay teach: $c"

[ $fail -eq 0 ] && echo "test_whatif_dates: ok"
exit $fail
