#!/usr/bin/env bash
# Hostile scenarios (tests/hostile/*): each must end with its expected exit code and
# a clear message naming the file and line — no crash, no hang. Loops must be cut
# by the instruction budget quickly.
# expect: line 1 the exit code, line 2 a text the error must hold, line 3 (optional) the
# flank command line instead of "run DIR" ({} is the case's folder), line 4 (optional)
# the most milliseconds the case may take, line 5 (optional) a text that must not appear.
FLANK=$1
ROOT=$2
cd "$ROOT" || exit 2
fails=0 passes=0
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
for d in tests/hostile/*/; do
  name=$(basename "$d")
  want=$(sed -n 1p "$d/expect")
  msg=$(sed -n 2p "$d/expect")
  cmd=$(sed -n 3p "$d/expect")
  maxms=$(sed -n 4p "$d/expect")
  never=$(sed -n 5p "$d/expect")
  [ -n "$cmd" ] || cmd="run {}"
  # shellcheck disable=SC2086
  set -- ${cmd//\{\}/${d%/}}
  start=$(date +%s%N)
  timeout 20 "$FLANK" "$@" >"$T/out" 2>"$T/err"
  got=$?
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  cat "$T/out" >>"$T/err"
  problems=""
  [ -z "$maxms" ] || [ "$ms" -le "$maxms" ] || problems="took $ms ms, more than $maxms;"
  [ -z "$never" ] || ! grep -qF -- "$never" "$T/err" || problems="$problems printed '$never';"
  [ "$got" -eq "$want" ] || problems="exit $got, wanted $want;"
  [ -z "$msg" ] || grep -qF -- "$msg" "$T/err" || problems="$problems message lacks '$msg';"
  if [ "$want" -ne 0 ]; then
    grep -qE '[a-z_]+\.(lua|map|log|flanksave)(:[0-9]+)?:' "$T/err" || grep -q "tests/hostile/$name" "$T/err" || problems="$problems no file named;"
  fi
  grep -qiE 'AddressSanitizer|runtime error|Segmentation|Aborted' "$T/err" && problems="$problems crashed;"
  grep -q "root:x:0:" "$T/err" && problems="$problems printed a line of /etc/passwd;"
  if [ -n "$problems" ]; then
    fails=$((fails + 1)); echo "FAIL $name ($ms ms): $problems $(head -c 400 "$T/err")"
  else
    passes=$((passes + 1)); echo "ok   $name ($ms ms)"
  fi
done
echo "test_hostile: $passes passed, $fails failed"
[ "$fails" -eq 0 ]
