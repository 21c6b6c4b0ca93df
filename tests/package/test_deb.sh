#!/bin/bash
# The .deb: `cpack -G DEB` from a normal build; its Depends, description and copyright;
# lintian reports neither errors nor warnings; `apt-get install ./flank_*.deb` installs it,
# flank runs and renders from `/`, and `apt-get remove` takes it away again. Needs root: it
# installs a package (tools/test --ci and --package run it).
# Usage: bash test_deb.sh <build-dir>
BUILD=$(cd "${1:?build dir}" && pwd)
fail=0
bad() { echo "FAIL: $*"; fail=1; }
[ "$(id -u)" -eq 0 ] || { echo "FAIL: installing the .deb needs root"; exit 1; }
installed() { dpkg-query -W -f='${Status}' flank 2>/dev/null | grep -q "install ok installed"; }
installed && { echo "FAIL: a flank package is already installed here; not replacing it"; exit 1; }
for tool in cpack lintian dpkg-shlibdeps apt-get; do
  command -v $tool >/dev/null || { echo "FAIL: $tool is not installed (tools/setup.sh installs it)"; exit 1; }
done
T=$(mktemp -d)
cleanup() { installed && apt-get remove -y -qq flank >/dev/null 2>&1; rm -rf "$T"; }
trap cleanup EXIT
export DEBIAN_FRONTEND=noninteractive

(cd "$BUILD" && cpack -G DEB -B "$T") >"$T/log" 2>&1 || { echo "FAIL: cpack -G DEB:"; tail -20 "$T/log"; exit 1; }
deb=$(ls "$T"/flank_*.deb 2>/dev/null)
[ -f "$deb" ] || { echo "FAIL: no flank_*.deb in $T"; exit 1; }
echo "built $(basename "$deb"), $(stat -c %s "$deb") bytes"

depends=$(dpkg-deb -f "$deb" Depends)
for p in libsdl2-2.0-0 libsdl2-ttf-2.0-0 libfontconfig1 fontconfig liblua5.4-0 fonts-dejavu-core libpng16-16; do
  grep -qE "(^|, )$p( |,|$)" <<<"$depends" || bad "Depends lacks $p: $depends"
done
desc=$(dpkg-deb -f "$deb" Description)
[ "$(wc -l <<<"$desc")" -ge 4 ] && grep -q "Lua" <<<"$desc" || bad "the description is too thin: $desc"
copyright=$(dpkg-deb --fsys-tarfile "$deb" | tar -xOf - ./usr/share/doc/flank/copyright)
for w in "Natural Earth" "public domain" "DejaVu" "Bitstream Vera"; do
  grep -q "$w" <<<"$copyright" || bad "the copyright file does not mention $w"
done

files=$(dpkg-deb -c "$deb")
for lang in et lv lt pl; do # the window's words, compiled from po/ at build time
  grep -q "\./usr/share/locale/$lang/LC_MESSAGES/flank.mo$" <<<"$files" || bad "the .deb lacks the $lang catalogue"
done

lintian --fail-on error,warning "$deb" >"$T/lint" 2>&1; rc=$?
out=$(grep -v "running with root privileges" "$T/lint")
[ "$rc" -eq 0 ] || bad "lintian (exit $rc): $out"
[ -n "$out" ] && echo "lintian notes: $out"

(cd "$T" && apt-get install -y -qq "./$(basename "$deb")") >"$T/log" 2>&1 || { echo "FAIL: apt-get install:"; tail -20 "$T/log"; exit 1; }
cd / || exit 1
[ "$(command -v flank)" = /usr/bin/flank ] || bad "flank is not /usr/bin/flank but $(command -v flank)"
out=$(flank run tutorial 2>&1) && grep -q "(tutorial), seed 1:" <<<"$out" || bad "flank run tutorial from /: $out"
out=$(flank render eastern_flank --out "$T/map.png" 2>&1) && [ -s "$T/map.png" ] || bad "flank render eastern_flank from /: $out"
grep -q "^tutorial: /usr/share/flank/scenarios/tutorial " <<<"$(flank run --which tutorial)" || bad "--which: $(flank run --which tutorial)"
out=$(FLANK_I18N_CHECK=1 flank render tutorial --lang pl --out "$T/pl.png" 2>&1)
grep -q "^i18n: pl, 0 words without a translation" <<<"$out" || bad "the installed flank does not find its Polish catalogue: $out"
[ "$(man -w flank 2>/dev/null)" = /usr/share/man/man1/flank.1.gz ] || bad "man flank does not find the page"

apt-get remove -y -qq flank >"$T/log" 2>&1 || bad "apt-get remove: $(tail -5 "$T/log")"
installed && bad "flank is still installed"
[ ! -e /usr/bin/flank ] && [ ! -e /usr/share/flank ] || bad "files are left after apt-get remove"

[ $fail -eq 0 ] && echo "test_deb: ok"
exit $fail
