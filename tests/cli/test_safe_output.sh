#!/usr/bin/env bash
# Safe output: a CSV cell that would start a spreadsheet formula (= + - @) is quoted with a
# leading apostrophe (OWASP's CSV-injection advice), numbers are left alone, and flank merge
# reads the names back as they were (its output equals the batch's, byte for byte).
FLANK=$1
ROOT=$2
cd "$ROOT" || exit 2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }
cat >"$T/sweep.lua" <<'LUA'
return {
  { name = "=HYPERLINK(\"http://x\",\"y\")", policy = "default" },
  { name = "+1+1", policy = "default" },
  { name = "-2+3", policy = "default" },
  { name = "@SUM(1)", policy = "default" },
  { name = "plain", policy = "default" },
}
LUA
"$FLANK" batch tutorial --runs 2 --sweep "$T/sweep.lua" --out "$T/b.csv" 2>"$T/err" || bad "batch failed: $(head -c 300 "$T/err")"
grep -v '^#' "$T/b.csv" | sed 1d | cut -d, -f2- >"$T/cells"
grep -Eq '^[=+@-]' "$T/cells" && bad "a cell starts a formula: $(grep -E '^[=+@-]' "$T/cells" | head -1)"
grep -q "^\"'=HYPERLINK" "$T/cells" || bad "the formula name is not quoted with an apostrophe"
grep -q "^\"'@SUM(1)\"" "$T/cells" || bad "@SUM is not quoted"
grep -q '^plain,' "$T/cells" || bad "a plain name is quoted"
"$FLANK" batch tests/hostile/carry_wrap --runs 1 --out "$T/n.csv" 2>/dev/null
grep -q '^# track,t,T,.*,-1000000000,' "$T/n.csv" || bad "a negative number was taken for a formula: $(grep '^# track' "$T/n.csv")"
"$FLANK" merge "$T/b.csv" --out "$T/m.csv" 2>"$T/err" || bad "merge failed: $(head -c 300 "$T/err")"
cmp -s <(grep -v '^# command' "$T/b.csv") <(grep -v '^# command' "$T/m.csv") || bad "merge does not give the batch's CSV back"
[ "$fails" -eq 0 ] && echo "test_safe_output: ok"
[ "$fails" -eq 0 ]
