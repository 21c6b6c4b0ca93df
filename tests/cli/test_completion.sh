#!/bin/bash
# Bash completion (packaging/flank.bash): subcommands, each command's options as its --help
# lists them, the values some options take, scenario ids (shipped and the user's) and files.
# Usage: bash test_completion.sh <path-to-flank> <repo-root>
FLANK=${1:?flank binary}
ROOT=${2:?repo root}
case "$FLANK" in /*) ;; *) FLANK="$PWD/$FLANK" ;; esac
fail=0
bad() { echo "FAIL: $*"; fail=1; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
export XDG_DATA_HOME="$T/xdg"
unset FLANK_SCENARIOS
mkdir -p "$XDG_DATA_HOME/flank/scenarios/my_own" "$T/work"
cp "$ROOT/scenarios/tutorial/scenario.lua" "$XDG_DATA_HOME/flank/scenarios/my_own/"
touch "$T/work/game.log" "$T/work/notes.txt"
cd "$T/work" || exit 1
# shellcheck source=/dev/null
. "$ROOT/packaging/flank.bash"

# offers WORD...: what completing the last word of `flank WORD...` offers, one per line
offers() {
  COMP_WORDS=("$FLANK" "$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _flank
  printf '%s\n' "${COMPREPLY[@]}" | sort
}
has() { grep -qx -- "$2" <<<"$1" || bad "'flank $3' should offer '$2'; got: $(tr '\n' ' ' <<<"$1")"; }
hasnt() { ! grep -qx -- "$2" <<<"$1" || bad "'flank $3' should not offer '$2'"; }

o=$(offers ""); for w in play run batch merge test lint render replay new doc help; do has "$o" "$w" "<TAB>"; done
o=$(offers "re"); has "$o" render "re<TAB>"; has "$o" replay "re<TAB>"; hasnt "$o" run "re<TAB>"
o=$(offers run --s); has "$o" --seed "run --s"; has "$o" --side "run --s"; hasnt "$o" tutorial "run --s"
o=$(offers run --); for w in --json --board --which --lang --help; do has "$o" "$w" "run --"; done
o=$(offers run tu); has "$o" tutorial "run tu"
o=$(offers run ""); for w in tutorial eastern_flank suwalki_gap my_own; do has "$o" "$w" "run "; done; hasnt "$o" --seed "run "
o=$(offers lint --format ""); has "$o" text "lint --format "; has "$o" json "lint --format "
o=$(offers test --format ""); has "$o" tap "test --format "; has "$o" junit "test --format "
o=$(offers render eastern_flank --out ""); has "$o" notes.txt "render ... --out "
o=$(offers replay ""); has "$o" game.log "replay "
o=$(offers new --from ""); has "$o" tutorial "new --from "
o=$(offers run --seed ""); [ -z "$o" ] || bad "'flank run --seed ' should offer nothing, offers: $o"
o=$(offers help ""); has "$o" render "help "

[ $fail -eq 0 ] && echo "test_completion: ok"
exit $fail
