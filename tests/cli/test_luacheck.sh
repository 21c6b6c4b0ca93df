#!/usr/bin/env bash
# Shipped Lua is clean under luacheck (Debian lua-check) with the .luacheckrc that flank doc
# writes from the sandbox and API registration: every shipped scenario, its tests, and the
# template. The config is no blanket pass: it flags what the sandbox does not have.
set -u
FLANK=$1; ROOT=$2
cd "$ROOT" || exit 1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
command -v luacheck >/dev/null || { echo "FAIL: luacheck is not installed (Debian lua-check; tools/setup.sh installs it)"; exit 1; }

# the config is generated, and the committed one is current (test_doc checks --check too)
"$FLANK" doc --out "$T" >/dev/null || bad "flank doc --out failed"
cmp -s "$T/.luacheckrc" docs/.luacheckrc || bad "docs/.luacheckrc is stale: run flank doc"

# 1. every shipped scenario (whatever folders scenarios/ holds), its tests, and the template
targets=(assets/template)
for d in scenarios/*/; do [ -f "$d/scenario.lua" ] && targets+=("${d%/}"); done
[ "${#targets[@]}" -ge 4 ] || bad "found only ${targets[*]}"
luacheck --no-color --codes --config docs/.luacheckrc "${targets[@]}" >"$T/out" 2>&1 || { bad "luacheck warnings:"; grep -E '^ +[^ ].*:[0-9]+:[0-9]+:' "$T/out"; }
grep -q 'tests/' "$T/out" || bad "luacheck checked no test file"

# 2. the config knows what a scenario may use, and only that
cat >"$T/bad.lua" <<'LUA'
local a = io.read()
local b = flank.track.nope()
local c = math.randomseed(1)
scenario { id = "x", title = tostring(a) .. tostring(b) .. tostring(c) }
LUA
luacheck --no-color --codes --config docs/.luacheckrc "$T/bad.lua" >"$T/bad" 2>&1 && bad "luacheck passed a file that uses io"
grep -q "undefined variable 'io'" "$T/bad" || bad "io not flagged: $(cat "$T/bad")"
grep -q "undefined field 'track.nope'" "$T/bad" || bad "flank.track.nope not flagged"
grep -q "undefined field 'randomseed'" "$T/bad" || bad "math.randomseed (not in the sandbox) not flagged"
mkdir -p "$T/s/tests"
printf 'test("x", function() expect(play{}.turns).gt(0) end)\n' >"$T/s/tests/t.lua"
printf 'test("x", function() end)\n' >"$T/s/not_a_test.lua"
RC=$PWD/docs/.luacheckrc # luacheck matches files["**/tests/**"] below the current folder
(cd "$T" && luacheck --no-color --config "$RC" s/tests/t.lua >/dev/null 2>&1) || bad "test/play/expect flagged in a tests/ file"
(cd "$T" && luacheck --no-color --config "$RC" s/not_a_test.lua >/dev/null 2>&1) && bad "test() accepted outside tests/"

# 3. the editor definitions have the test API too
for g in test play expect; do grep -q "^function $g(" docs/flank.d.lua || bad "docs/flank.d.lua has no $g()"; done

exit $fail
