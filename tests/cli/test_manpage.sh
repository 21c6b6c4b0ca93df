#!/bin/bash
# The man page: the build's flank.1 is what `flank help --man` writes from the --help texts,
# man renders it without a warning, and it holds every command, every option each command's
# --help lists, the lookup order of scenarios, exit codes, environment and files.
# Usage: bash test_manpage.sh <path-to-flank> <repo-root>
FLANK=${1:?flank binary}
ROOT=${2:?repo root}
fail=0
bad() { echo "FAIL: $*"; fail=1; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
command -v man >/dev/null || { echo "FAIL: man is not installed (tools/setup.sh installs man-db)"; exit 1; }

"$FLANK" help --man >"$T/flank.1" || bad "flank help --man failed"
built="$(dirname "$FLANK")/packaging/flank.1"
if [ -f "$built" ]; then cmp -s "$built" "$T/flank.1" || bad "$built differs from what flank help --man writes now"
else bad "the build did not write $built"; fi
zcat "$built.gz" 2>/dev/null | cmp -s - "$T/flank.1" || bad "$built.gz is not flank.1 compressed"

# renders, without groff warnings; wide and unhyphenated so options stay whole words
MANWIDTH=400 man --nh --nj --warnings -E UTF-8 -l "$T/flank.1" >"$T/page" 2>"$T/warn"; rc=$?
[ $rc -eq 0 ] || bad "man -l exit $rc"
[ -s "$T/warn" ] && bad "man warns: $(head -5 "$T/warn")"
page=$(col -b <"$T/page")
grep -q "^NAME" <<<"$page" && grep -q "flank - scenario-based" <<<"$page" || bad "no NAME line for whatis"
for sec in SYNOPSIS DESCRIPTION COMMANDS SCENARIOS "EXIT STATUS" ENVIRONMENT FILES; do
  grep -q "^$sec" <<<"$page" || bad "no $sec section"
done

# every command, and every option of its --help (the help's own text, so a new option shows up)
cmds=$("$FLANK" --help | sed -n '/^Commands:/,/^$/p' | awk 'NF>1 {print $1}')
[ "$(wc -w <<<"$cmds")" -ge 10 ] || bad "could not read the commands from flank --help: $cmds"
checked=0
for c in $cmds; do
  grep -q "^   flank $c\$" <<<"$page" || bad "command $c has no section"
  for o in $("$FLANK" "$c" --help | grep -oE -- '--[a-z][a-z0-9-]*' | sort -u); do
    grep -qF -- "$o" <<<"$page" || bad "$c: option $o of its --help is not in the man page"
    checked=$((checked + 1))
  done
done
[ "$checked" -ge 40 ] || bad "only $checked options checked"
for w in FLANK_SCENARIOS XDG_DATA_HOME '$XDG_DATA_HOME/flank/scenarios' share/flank/scenarios \
         "flank run --which" "a script error during play" FLANK_FONT; do
  grep -qF -- "$w" <<<"$page" || bad "the man page does not mention '$w'"
done
# the lookup order is the same text as in --help
"$FLANK" --help | sed -n '/^SCENARIO is a path/,/^Here:/p' | head -n -1 | tr -s ' \n' ' ' >"$T/h"
sed -n '/^SCENARIOS/,/^EXIT STATUS/p' <<<"$page" | sed '1d;$d' | tr -s ' \n' ' ' >"$T/m"
for w in $(tr ' ' '\n' <"$T/h" | grep -E '^[a-z]{6,}$' | sort -u); do
  grep -qw -- "$w" "$T/m" || bad "the man page's SCENARIOS lacks '$w' of --help's lookup text"
done

echo "options checked: $checked"
[ $fail -eq 0 ] && echo "test_manpage: ok"
exit $fail
