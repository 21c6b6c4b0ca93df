#!/bin/bash
# cmake --install: a copy of the source is built and installed into a temporary prefix with
# DESTDIR, then the copy and its build are deleted. From `/`, the installed flank plays,
# renders, lints, tests and creates a scenario with --user; the prefix still works after it is
# moved; the man page renders; the desktop entry, AppStream metainfo and icons validate; bash
# completion offers the shipped scenarios.
# Usage: bash test_install.sh <repo-root>
ROOT=${1:?repo root}
fail=0
bad() { echo "FAIL: $*"; fail=1; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
for tool in desktop-file-validate appstreamcli man rsvg-convert; do
  command -v $tool >/dev/null || { echo "FAIL: $tool is not installed (tools/setup.sh installs it)"; exit 1; }
done

# a copy of the tracked source (never the real tree: it is deleted below)
mkdir "$T/src"
tar -C "$ROOT" --exclude=./build --exclude='./build-*' --exclude=./.git --exclude=./tools/mapgen/node_modules -cf - . | tar -C "$T/src" -xf -
cmake -S "$T/src" -B "$T/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFLANK_TESTS=OFF >"$T/log" 2>&1 &&
  cmake --build "$T/build" -j2 >>"$T/log" 2>&1 &&
  DESTDIR="$T/dest" cmake --install "$T/build" --prefix /opt/flank >>"$T/log" 2>&1 ||
  { echo "FAIL: build or install of the copy failed:"; tail -20 "$T/log"; exit 1; }
rm -rf "$T/src" "$T/build"
P="$T/dest/opt/flank"

for f in bin/flank share/flank/scenarios/tutorial/scenario.lua share/flank/scenarios/eastern_flank/tests \
         share/flank/assets/maps/eastern_flank.map share/flank/assets/template/scenario.lua \
         share/doc/flank/README.md share/doc/flank/copyright share/doc/flank/docs/guide.md \
         share/man/man1/flank.1.gz share/bash-completion/completions/flank \
         share/locale/et/LC_MESSAGES/flank.mo share/locale/lv/LC_MESSAGES/flank.mo \
         share/locale/lt/LC_MESSAGES/flank.mo share/locale/pl/LC_MESSAGES/flank.mo; do
  [ -e "$P/$f" ] || bad "not installed: $f"
done

# play, render, lint, test and create from the installed tree, from /, with nothing of the source
use() { # PREFIX: run the checks with the flank installed there
  local F="$1/bin/flank" out
  cd / || return
  out=$("$F" run tutorial 2>&1) && grep -q "(tutorial), seed 1:" <<<"$out" || bad "$1: flank run tutorial: $out"
  out=$("$F" run eastern_flank --seed 2 --json 2>&1) && grep -q '"status":"ended"' <<<"$out" || bad "$1: flank run eastern_flank: $out"
  out=$("$F" render eastern_flank --out "$T/map.png" 2>&1) || bad "$1: flank render: $out"
  [ "$(head -c 8 "$T/map.png" | od -An -tx1 | tr -d ' ')" = 89504e470d0a1a0a ] || bad "$1: the render is not a PNG"
  out=$("$F" lint eastern_flank 2>&1) || bad "$1: flank lint eastern_flank: $out"
  out=$(FLANK_I18N_CHECK=1 "$F" render tutorial --lang pl --out "$T/pl.png" 2>&1)
  grep -q "^i18n: pl, 0 words without a translation" <<<"$out" || bad "$1: the installed Polish catalogue is not found: $out"
  out=$("$F" test tutorial 2>&1) || bad "$1: flank test tutorial: $out"
  grep -q "^tutorial: $1/share/flank/scenarios/tutorial " <<<"$("$F" run --which tutorial)" ||
    bad "$1: --which should name the installed tutorial: $("$F" run --which tutorial)"
}
export HOME="$T/home" XDG_DATA_HOME="$T/xdg"
unset FLANK_SCENARIOS
mkdir -p "$HOME"
use "$P"
out=$("$P/bin/flank" new --user class_demo 2>&1) || bad "flank new --user: $out"
out=$("$P/bin/flank" run class_demo 2>&1) && grep -q "(class_demo)" <<<"$out" || bad "the --user scenario does not run by id: $out"
out=$("$P/bin/flank" lint class_demo 2>&1) || bad "the --user scenario does not lint clean: $out"
mkdir "$T/work" && out=$(cd "$T/work" && "$P/bin/flank" new here 2>&1) || bad "flank new here: $out"
[ -f "$T/work/here/scenario.lua" ] || bad "flank new did not create ./here"
[ -z "$(ls "$P/share/flank/scenarios" | grep -v -e tutorial -e eastern_flank -e suwalki_gap -e river_crossing)" ] ||
  bad "something was created in the installed scenarios folder"

# the prefix moves: everything is found from the binary
mv "$T/dest/opt/flank" "$T/moved"
use "$T/moved"
P="$T/moved"

# the man page, the desktop entry, the metainfo, the icons
MANWIDTH=100 man --warnings -E UTF-8 -l "$P/share/man/man1/flank.1.gz" >"$T/page" 2>"$T/warn" || bad "man -l failed"
[ -s "$T/warn" ] && bad "man warns: $(head -3 "$T/warn")"
grep -q "flank new" "$T/page" || bad "the installed man page lacks the commands"
desk=$(ls "$P"/share/applications/*.desktop 2>/dev/null)
[ -n "$desk" ] || bad "no desktop entry"
out=$(desktop-file-validate $desk 2>&1) && [ -z "$out" ] || bad "desktop-file-validate: $out"
id=$(basename "$desk" .desktop)
grep -q "^Icon=$id$" "$desk" && grep -q "^Exec=flank play" "$desk" || bad "the desktop entry's Icon or Exec is wrong"
meta="$P/share/metainfo/$id.metainfo.xml"
out=$(appstreamcli validate --no-net --strict "$meta" 2>&1) || bad "appstreamcli validate: $out"
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$meta" || bad "the metainfo does not launch $id.desktop"
[ -f "$P/share/icons/hicolor/scalable/apps/$id.svg" ] || bad "no scalable icon"
sizes=0
for png in "$P"/share/icons/hicolor/*/apps/"$id".png; do
  dir=$(basename "$(dirname "$(dirname "$png")")")
  wh=$(python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); print("%dx%d" % struct.unpack(">II", d[16:24]))' "$png")
  [ "$wh" = "$dir" ] || bad "$png is $wh, not $dir"
  sizes=$((sizes + 1))
done
[ "$sizes" -ge 6 ] || bad "only $sizes PNG icon sizes"

# bash completion, installed, offers the shipped scenario ids
out=$(PATH="$P/bin:$PATH" bash -c '. "$1"; COMP_WORDS=(flank run eas); COMP_CWORD=2; _flank; echo "${COMPREPLY[@]}"' _ \
      "$P/share/bash-completion/completions/flank")
[ "$out" = eastern_flank ] || bad "installed completion of 'flank run eas' gave '$out'"

[ $fail -eq 0 ] && echo "test_install: ok"
exit $fail
