#!/usr/bin/env bash
# Hostile scenarios (tests/hostile/*): each must end with its expected exit code and
# a clear message naming the file and line — no crash, no hang. Loops must be cut
# by the instruction budget quickly.
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
  start=$(date +%s%N)
  timeout 20 "$FLANK" run "$d" >/dev/null 2>"$T/err"
  got=$?
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  problems=""
  [ "$got" -eq "$want" ] || problems="exit $got, wanted $want;"
  [ -z "$msg" ] || grep -qF -- "$msg" "$T/err" || problems="$problems message lacks '$msg';"
  if [ "$want" -ne 0 ]; then
    grep -qE '(scenario|evil|outside)\.lua(:[0-9]+)?:' "$T/err" || grep -q "tests/hostile/$name" "$T/err" || problems="$problems no file named;"
  fi
  grep -qiE 'AddressSanitizer|runtime error|Segmentation|Aborted' "$T/err" && problems="$problems crashed;"
  if [ -n "$problems" ]; then
    fails=$((fails + 1)); echo "FAIL $name ($ms ms): $problems $(head -c 400 "$T/err")"
  else
    passes=$((passes + 1)); echo "ok   $name ($ms ms)"
  fi
done
echo "test_hostile: $passes passed, $fails failed"
[ "$fails" -eq 0 ]
