#!/usr/bin/env bash
# TAP, JUnit and JSON as CI tools read them: prove (Perl's TAP harness) must see a failing
# test named "... # TODO ..." and a test file that does not load as failures; the JUnit
# file validates against the schema in tests/cli/fixtures/junit/junit.xsd, has dotted
# classnames, is valid UTF-8 whatever bytes a path holds, and is never left half written.
set -u
FLANK=$1; ROOT=$2
cd "$ROOT" || exit 1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
FX=tests/cli/fixtures/flank_test
XSD=tests/cli/fixtures/junit/junit.xsd
fail=0
bad() { echo "FAIL: $*"; fail=1; }
for tool in prove xmllint python3; do command -v $tool >/dev/null || { echo "FAIL: $tool is not installed (tools/setup.sh)"; exit 1; }; done

# test files with hostile names: a '#' directive, a line break, bytes that are not UTF-8
mkdir -p "$T/s/tests" "$T/$(printf 'caf\351')/tests"
cat >"$T/s/tests/names.lua" <<'LUA'
test("mines deter # TODO not really", function() expect(1).eq(2) end)
test("a line\nbreak # SKIP", function() expect(true).is_false() end)
test("plain", function() expect(1).eq(1) end)
LUA
printf 'test("bad byte \377 in a name", function() expect(1).eq(1) end)\n' >"$T/$(printf 'caf\351')/tests/bytes.lua"
cp "$FX/broken.lua" "$T/s/tests/zz_broken.lua"

# 1. TAP: prove reports FAIL, with the escaped names and the broken file as "not ok"
"$FLANK" test --format tap "$T/s" "$T/$(printf 'caf\351')" >"$T/tap" 2>/dev/null
grep -q '^not ok 1 - .*mines deter \\# TODO not really$' "$T/tap" || { bad "TAP: '#' not escaped"; cat "$T/tap"; }
grep -q '^not ok 2 - .*a line break \\# SKIP$' "$T/tap" || bad "TAP: line break or '#' in a name"
grep -q '^not ok [0-9]* - .*zz_broken.lua: the test file does not load$' "$T/tap" || bad "TAP: a broken file is not a 'not ok'"
grep -q '^1\.\.5$' "$T/tap" || bad "TAP plan: $(grep '^1\.\.' "$T/tap")"
python3 -c 'import sys; sys.stdin.buffer.read().decode("utf-8")' <"$T/tap" || bad "TAP is not valid UTF-8"
prove --exec cat "$T/tap" >"$T/prove" 2>&1 && bad "prove passed a failing run: $(cat "$T/prove")"
grep -q 'Result: FAIL' "$T/prove" || bad "prove: $(tail -n 3 "$T/prove")"
grep -Eq 'Failed tests?: +1-2, ?4|Failed tests?: +1-2,4' "$T/prove" || { bad "prove should fail tests 1, 2 and 4:"; cat "$T/prove"; }
# and a clean run passes prove
"$FLANK" test --format tap tutorial >"$T/ok.tap" 2>/dev/null && prove --exec cat "$T/ok.tap" >/dev/null 2>&1 || bad "prove on a passing run"

# 2. JUnit: valid against the schema, counts right, dotted stable classnames, UTF-8
"$FLANK" test --format junit "$T/j.xml" "$T/s" "$T/$(printf 'caf\351')" $FX/failing.lua scenarios/tutorial >/dev/null 2>&1
[ $? -eq 2 ] || bad "junit run with a broken file should exit 2"
xmllint --noout --schema "$XSD" "$T/j.xml" 2>"$T/xsd" || { bad "JUnit does not validate:"; cat "$T/xsd"; }
grep -q 'classname="tutorial.rules"' "$T/j.xml" || bad "classname of scenarios/tutorial/tests/rules.lua"
grep -q 'classname="s.names"' "$T/j.xml" && grep -q 'classname="caf_.bytes"' "$T/j.xml" || bad "classnames: $(grep -o 'classname="[^"]*"' "$T/j.xml" | sort -u | tr '\n' ' ')"
grep -q '\.lua"' <(grep -o 'classname="[^"]*"' "$T/j.xml") && bad "a classname ends in .lua"
grep -q 'name="a line&#10;break # SKIP"' "$T/j.xml" || bad "line break in a JUnit name"
grep -q "name=\"bad byte $(printf '\357\277\275') in a name\"" "$T/j.xml" || bad "invalid byte not replaced by U+FFFD"
python3 - "$T/j.xml" <<'PY' || bad "JUnit counts do not add up"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
cases = root.findall('./testsuite/testcase')
fails = sum(1 for c in cases if c.find('failure') is not None)
errs = sum(1 for c in cases if c.find('error') is not None)
assert int(root.get('tests')) == len(cases), (root.get('tests'), len(cases))
assert int(root.get('failures')) == fails and int(root.get('errors')) == errs == 1
for s in root.findall('./testsuite'):
    cs = s.findall('testcase')
    assert int(s.get('tests')) == len(cs)
    assert int(s.get('failures')) == sum(1 for c in cs if c.find('failure') is not None)
PY
# standard output: the XML alone there, the per-test lines on standard error
"$FLANK" test --format junit - tutorial >"$T/stdout.xml" 2>"$T/stderr" || bad "junit to stdout failed"
xmllint --noout --schema "$XSD" "$T/stdout.xml" 2>/dev/null || bad "junit on stdout does not validate"
grep -q '^ok ' "$T/stderr" || bad "per-test lines should go to stderr with junit -"

# 3. a killed run leaves no JUnit file, half or empty
"$FLANK" test --format junit "$T/killed.xml" $FX/timeout.lua >/dev/null 2>&1 &
pid=$!
sleep 0.5
kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
[ -e "$T/killed.xml" ] && bad "a killed run left $(wc -c <"$T/killed.xml") bytes of JUnit"
ls "$T" | grep -q 'killed.xml.tmp' && rm -f "$T"/killed.xml.tmp* # a temporary file may remain; never the report
"$FLANK" test --format junit "$T/nodir/x.xml" tutorial >/dev/null 2>&1; [ $? -eq 2 ] || bad "junit into a missing folder should exit 2 before running"

# 4. JSON is valid UTF-8 whatever bytes a path or a name holds
cp -r scenarios/tutorial "$T/$(printf 'caf\351')/scen"
"$FLANK" run "$T/$(printf 'caf\351')/scen" --side "council=$T/$(printf 'caf\351')/nope.lua" --json >"$T/run.json" 2>/dev/null
"$FLANK" batch tutorial --runs 3 --policy "$(printf 'mines\377')" --out "$T/b.jsonl" 2>"$T/berr"
"$FLANK" batch tutorial --runs 3 --sweep <(printf 'return { { name = "caf\\xe9 \\xff", policy = "mines" } }\n') --out "$T/c.jsonl" || bad "sweep with bad bytes"
python3 - "$T/c.jsonl" <<'PY' || bad "batch JSONL is not valid UTF-8 JSON"
import sys, json
for line in open(sys.argv[1], 'rb'):
    json.loads(line.decode('utf-8'))
PY

exit $fail
