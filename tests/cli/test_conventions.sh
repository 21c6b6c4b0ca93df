#!/usr/bin/env bash
# Command-line conventions: '-' is standard input or output for file arguments and options,
# --version/-V/flank version, devices such as /dev/null as outputs, seeds that would wrap
# past 2^64 refused, replays of a folder scenario opened only by --scenario, messages about a file
# that name the line, and one number written one way in run --json and the batch CSV.
set -u
FLANK=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); ROOT=$2
cd "$ROOT" || exit 1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

# 1. versions
v=$("$FLANK" --version) || bad "--version failed"
[ "$("$FLANK" -V)" = "$v" ] && [ "$("$FLANK" version)" = "$v" ] || bad "-V and flank version differ from --version"
echo "$v" | grep -Eq '^flank [0-9]+\.[0-9]+' || bad "version line: $v"

# 2. '-' for standard input and output
"$FLANK" run tutorial --seed 5 --log - 2>"$T/summary" >"$T/r.log" || bad "run --log - failed"
grep -Eq '^flank-replay [0-9]+$' "$T/r.log" || bad "run --log - wrote no replay to stdout"
grep -q 'seed 5' "$T/summary" || bad "run --log -: the summary should go to stderr"
"$FLANK" replay - --verify <"$T/r.log" >"$T/v" || bad "replay - --verify failed: $(cat "$T/v")"
"$FLANK" run tutorial --log - --json >/dev/null 2>&1; [ $? -eq 2 ] || bad "--log - with --json should be refused"
"$FLANK" batch tutorial --runs 20 --policy mines --out "$T/b.csv" || bad "batch"
"$FLANK" merge - --out "$T/m.csv" <"$T/b.csv" && cmp -s "$T/b.csv" "$T/m.csv" || bad "merge - (stdin)"
"$FLANK" merge "$T/b.csv" --out - | cmp -s - "$T/b.csv" || bad "merge --out -"
"$FLANK" batch tutorial --runs 20 --policy mines --report - | grep -q '^<!DOCTYPE html>' || bad "batch --report -"
"$FLANK" batch tutorial --runs 3 --sweep - --summary <<<'return { { name = "from stdin", policy = "mines" } }' | grep -q 'Policy set from stdin' || bad "--sweep -"

# 3. devices as outputs, never replaced by a file
"$FLANK" batch tutorial --runs 5 --out /dev/null --plot /dev/null --report /dev/null || bad "batch --out /dev/null"
"$FLANK" run tutorial --log /dev/null >/dev/null || bad "run --log /dev/null"
"$FLANK" merge "$T/b.csv" --out /dev/null || bad "merge --out /dev/null"
if "$FLANK" render --help >/dev/null 2>&1 && "$FLANK" render tutorial --out /dev/null 2>"$T/rerr"; then :; else
  grep -q 'without the UI' "$T/rerr" 2>/dev/null || bad "render --out /dev/null: $(cat "$T/rerr")"
fi
[ -c /dev/null ] || bad "/dev/null is no longer a device"
"$FLANK" batch tutorial --runs 5 --out "$T/x.txt" >/dev/null 2>&1; [ $? -eq 2 ] || bad "--out x.txt should be refused"

# 4. seeds never wrap past 2^64 - 1
"$FLANK" batch tutorial --seed-base 18446744073709551615 --runs 1 --out /dev/null || bad "the last seed is a seed"
"$FLANK" batch tutorial --seed-base 18446744073709551615 --runs 2 --out /dev/null 2>"$T/wrap"; [ $? -eq 2 ] || bad "seeds wrapping past 2^64 were not refused"
grep -q '2^64' "$T/wrap" || bad "wrap message: $(cat "$T/wrap")"
"$FLANK" run tutorial --seed 18446744073709551616 >/dev/null 2>&1; [ $? -eq 2 ] || bad "a seed past 2^64 should be refused"

# 5. a replay of a scenario given as a folder records the folder, but a replay is data: the
# folder is named in the message, never opened on the replay's word; --scenario opens it
mkdir -p "$T/work"
cp -r scenarios/tutorial "$T/work/mine"
sed -i 's/^scenario *{ *id = "tutorial"/scenario { id = "my_copy"/; s/id = "tutorial",/id = "my_copy",/' "$T/work/mine/scenario.lua"
(cd "$T/work" && "$FLANK" run mine --seed 3 --log game.log >/dev/null) || bad "run of a folder scenario"
grep -q "^from $T/work/mine$" "$T/work/game.log" || bad "the replay does not record its folder: $(grep -v '^action\|^hash' "$T/work/game.log")"
"$FLANK" replay "$T/work/game.log" >/dev/null 2>"$T/moved"; [ $? -eq 2 ] || bad "a replay must not open the folder it names"
grep -q "$T/work/mine.*--scenario" "$T/moved" || bad "folder message: $(cat "$T/moved")"
"$FLANK" replay "$T/work/game.log" --scenario "$T/work/mine" --verify >/dev/null || bad "--scenario PATH"

# 6. a message about a file names the file and line
printf 'return {\n  { name = "fine", policy = "default" },\n  { name = "two\\nlines",\n    policy = "mines" },\n}\n' >"$T/sweep.lua"
"$FLANK" batch tutorial --runs 2 --sweep "$T/sweep.lua" 2>"$T/sw"; [ $? -eq 2 ] || bad "a set name with a newline should be refused"
grep -q "^$T/sweep.lua:3: sweep entry 2: a policy set name cannot contain a line break" "$T/sw" || bad "sweep message: $(cat "$T/sw")"
printf 'return {\n  { name = "a", policy = 7 },\n}\n' >"$T/sweep2.lua"
"$FLANK" batch tutorial --runs 2 --sweep "$T/sweep2.lua" 2>"$T/sw2"
grep -q "^$T/sweep2.lua:2: " "$T/sw2" || bad "sweep type message: $(cat "$T/sw2")"

# 7. run --json writes numbers as the batch CSV does; --turns N is "turns": N
"$FLANK" batch eastern_flank --runs 3 --seed-base 40 --policy mass_unmarked --out "$T/ef.csv" || bad "flagship batch"
cols=$(grep -v '^#' "$T/ef.csv" | head -n 1)
row=$(grep '^41,' "$T/ef.csv")
"$FLANK" run eastern_flank --seed 41 --policy mass_unmarked --json >"$T/ef.json" || bad "flagship run"
python3 - "$cols" "$row" "$T/ef.json" <<'PY' || bad "run --json and the batch row disagree"
import sys, json, re
cols, row = sys.argv[1].split(','), sys.argv[2].split(',')
raw = open(sys.argv[3]).read()
game = json.loads(raw)
tracks = dict(zip(cols[3:-1], row[3:-1]))
frac = 0
for k, v in tracks.items():
    m = re.search('"%s":(-?[0-9.eE+-]+)[,}]' % re.escape(k), raw)
    assert m and m.group(1) == v, (k, m and m.group(1), v)
    frac += '.' in v
assert frac > 0, "no fractional value compared"
assert str(game["turns"]) == row[-1], (game["turns"], row[-1])
PY
[ "$("$FLANK" run tutorial --turns 2 --json | python3 -c 'import sys,json; print(json.load(sys.stdin)["turns"])')" = 2 ] || bad "--turns 2 should give \"turns\":2"
"$FLANK" run tutorial --turns 2 | grep -q 'unfinished after 2 turns' || bad "run --turns 2 summary"

exit $fail
