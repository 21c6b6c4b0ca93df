#!/usr/bin/env bash
# Inputs the fuzzers once crashed on (tests/fuzz/regressions/*.lua): flank run and
# flank lint must answer each with an exit code (0-3) and a message, never a signal.
FLANK=$1
ROOT=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0 n=0
for f in "$ROOT"/tests/fuzz/regressions/*.lua; do
  mkdir -p "$T/s" && cp "$f" "$T/s/scenario.lua"
  for cmd in run lint; do
    timeout 60 "$FLANK" "$cmd" "$T/s" >/dev/null 2>"$T/err"
    rc=$?
    n=$((n + 1))
    if [ $rc -gt 3 ]; then echo "FAIL: flank $cmd on $(basename "$f"): exit $rc $(head -c 300 "$T/err")"; fail=$((fail + 1)); fi
  done
done
echo "test_fuzz_regressions: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
