#!/bin/bash
# Languages everywhere. --lang works alike on every command that plays or shows a scenario
# (run, replay, batch, render, test, lint, play) and in play{ lang = } inside tests; the
# window's own words come from the gettext catalogues in po/: each passes msgfmt --check, has
# every word the sources mark (the template is current), and a Polish window - every screen
# and every view of the debrief - shows no engine word left untranslated (FLANK_I18N_CHECK
# counts lookups without a translation) and draws none of the English its sources hold
# unmarked (FLANK_I18N_DRAWN); a language without a catalogue falls back to English.
# Usage: bash test_lang.sh <path-to-flank> <repo-root>
FLANK=${1:?flank binary}
ROOT=${2:?repo root}
FIX="$ROOT/tests/cli/fixtures/lang"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export XDG_DATA_HOME=$T/data ASAN_OPTIONS=${ASAN_OPTIONS:-}:detect_leaks=0
fail=0
bad() { echo "FAIL: $*"; fail=1; }

# the catalogues: checked, complete, and the template matches what the sources mark
bash "$ROOT/po/update" --pot "$T/flank.pot" || bad "po/update --pot failed"
diff <(grep -v '^#' "$ROOT/po/flank.pot") <(grep -v '^#' "$T/flank.pot") >/dev/null ||
  bad "po/flank.pot is stale: run po/update and translate the new words"
for lang in et lv lt pl; do
  po="$ROOT/po/$lang.po"
  [ -f "$po" ] || { bad "no po/$lang.po"; continue; }
  out=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1) || bad "msgfmt --check po/$lang.po: $out"
  grep -qE "untranslated|fuzzy" <<<"$out" && bad "po/$lang.po is incomplete: $out"
  msgcmp --use-untranslated "$po" "$T/flank.pot" 2>"$T/cmp" || bad "po/$lang.po lacks words: $(head -3 "$T/cmp")"
  [ -s "$(dirname "$FLANK")/locale/$lang/LC_MESSAGES/flank.mo" ] || bad "the build has no locale/$lang/LC_MESSAGES/flank.mo"
done

# run: the scenario's texts (flank.lang) and English where a language has none
out=$("$FLANK" run "$FIX" --seed 1 --lang pl 2>&1)
grep -q "^Patrol graniczny (lang), seed 1: Spokojna granica" <<<"$out" || bad "run --lang pl: $out"
out=$("$FLANK" run "$FIX" --seed 1 --lang fr 2>&1)
grep -q "^Border patrol (lang), seed 1: A calm border" <<<"$out" || bad "run --lang fr (no translation) is not English: $out"
"$FLANK" run "$FIX" --lang 2>/dev/null; [ $? -eq 2 ] || bad "run --lang without a code should exit 2"

# replay: a log records the language it was played in (an English one has no lang line) and
# replays and verifies in it without being told; --lang for another is refused with a reason
"$FLANK" run "$FIX" --seed 1 --lang pl --log "$T/pl.log" >/dev/null || bad "run --log --lang pl"
grep -qx "lang pl" "$T/pl.log" || bad "run --lang pl --log: the log records no 'lang pl': $(head -8 "$T/pl.log")"
"$FLANK" run "$FIX" --seed 1 --log "$T/en.log" >/dev/null || bad "run --log"
! grep -q "^lang" "$T/en.log" || bad "an English log has a lang line: $(grep "^lang" "$T/en.log")"
out=$("$FLANK" replay "$T/pl.log" --scenario "$FIX" 2>&1)
grep -q "replayed 4 actions of lang, seed 1: Spokojna granica" <<<"$out" || bad "replay of a Polish log is not Polish: $out"
out=$("$FLANK" replay "$T/pl.log" --scenario "$FIX" --lang pl 2>&1)
grep -q "replayed 4 actions of lang, seed 1: Spokojna granica" <<<"$out" || bad "replay --lang pl: $out"
# another language is another definition (its texts are part of the content): said so
out=$("$FLANK" replay "$T/pl.log" --scenario "$FIX" --lang en 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q "pl.log: recorded in --lang pl; replay it in that language" <<<"$out" || bad "replay --lang en of a Polish log: exit $rc: $out"
out=$("$FLANK" replay "$T/en.log" --scenario "$FIX" --lang pl 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q "en.log: recorded in --lang en;" <<<"$out" || bad "replay --lang pl of an English log: exit $rc: $out"
out=$("$FLANK" replay "$T/pl.log" --scenario "$FIX" --verify 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q "verified 4 actions and 4 turn hashes$" <<<"$out" || bad "replay --verify of a Polish log: exit $rc: $out"
# round trip: a replay's own --log keeps the language
"$FLANK" replay "$T/pl.log" --scenario "$FIX" --log "$T/pl2.log" >/dev/null 2>&1 && cmp -s "$T/pl.log" "$T/pl2.log" ||
  bad "replay --log of a Polish log is not the same log: $(diff "$T/pl.log" "$T/pl2.log" | head -4)"
# flank class: a log played in another language than the class's is skipped with the reason
mkdir -p "$T/class" && cp "$T/pl.log" "$T/class/ala.log" && cp "$T/en.log" "$T/class/ola.log"
out=$("$FLANK" class "$T/class" --scenario "$FIX" --out "$T/class.html" 2>&1)
grep -q "ala.log (foreign): played in --lang pl (read it with flank class --lang pl)" <<<"$out" || bad "class of a Polish log: $out"
sed 's/^lang pl$/lang P\/L/' "$T/pl.log" >"$T/bad.log"
out=$("$FLANK" replay "$T/bad.log" --scenario "$FIX" 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q "bad.log:6:" <<<"$out" || bad "a log with a bad lang line: exit $rc: $out"

# batch: the command that reproduces it keeps the language
out=$("$FLANK" batch "$FIX" --runs 3 --lang pl --summary 2>&1)
grep -q "reproduce: flank batch .*--lang pl" <<<"$out" || bad "batch --lang pl: $out"

# render: every word of the panels translated
"$FLANK" render "$FIX" --seed 1 --turn 2 --lang pl --out "$T/pl.png" 2>"$T/err" || bad "render --lang pl: $(cat "$T/err")"
FLANK_I18N_CHECK=1 "$FLANK" render "$FIX" --seed 1 --turn 2 --lang pl --out "$T/pl.png" 2>"$T/err"
grep -q "^i18n: pl, 0 words without a translation$" "$T/err" || bad "render --lang pl left words untranslated: $(cat "$T/err")"
FLANK_I18N_CHECK=1 "$FLANK" render "$FIX" --seed 1 --lang xx --out "$T/xx.png" 2>"$T/err"
grep -q "^i18n: en, 0 words" "$T/err" || bad "render --lang xx should fall back to English: $(cat "$T/err")"

# test: play{ lang = } and flank test --lang (the "English" test then sees Polish)
out=$("$FLANK" test "$FIX" 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q "2 passed, 0 failed" <<<"$out" || bad "flank test: exit $rc: $out"
out=$("$FLANK" test "$FIX" --lang pl 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q "^ok .*the Polish texts reach the game" <<<"$out" && grep -q "^FAIL .*English without a lang" <<<"$out" &&
  grep -q "reproduce: flank run .* --lang pl$" <<<"$out" || bad "flank test --lang pl: exit $rc: $out"

# lint: the language's missing texts
out=$("$FLANK" lint "$FIX" --lang pl 2>&1); [ -z "$out" ] || bad "lint --lang pl: $out"
out=$("$FLANK" lint "$FIX" --lang lt 2>&1)
grep -q "text_en.lua:1: warning: no text_lt.lua: its 29 texts show in English under --lang lt \[missing-text\]" <<<"$out" || bad "lint --lang lt: $out"

# play: the window in Polish, every screen and every view of the debrief; the PNGs are for a
# person to look at. Two checks: no word the sources mark went without a translation
# (FLANK_I18N_CHECK), and no English the sources hold unmarked was drawn (FLANK_I18N_DRAWN
# lists every text the window drew; english_in flags any that holds a piece of a string
# literal of the window's sources).
# The English pieces: every literal (xgettext -a), cut at printf conversions and line breaks,
# trimmed to its words, with a word of 3+ letters; minus what the Polish catalogue itself
# keeps (Tab, Esc, Enter) and what no language changes: the name FLANK, key names, the .log
# of a file name, and the fixture's policy ids (scenario identifiers the among-many tab names).
english_pieces() {
  xgettext -a --language=C --from-code=UTF-8 --no-wrap --no-location -o - "$ROOT"/engine/ui/*.c "$ROOT/engine/cli/cmd_play.c" \
    "$ROOT/engine/cli/play_teach.c" "$ROOT/engine/cli/cmd_play_text.c" "$ROOT/engine/cli/fl_textview.c" "$ROOT/engine/cli/fl_textlog.c" "$ROOT/engine/core/fl_schedule.c" \
    "$ROOT/engine/cli/cli_debrief.c" "$ROOT/engine/cli/cli_teach.c" 2>/dev/null | sed -n 's/^msgid "\(.*\)"$/\1/p' | sed 's/\\"/"/g; s/\\n/\n/g' |
    sed -E 's/%[-+ #0-9.*]*(hh|h|ll|l|z|j|t)?[diouxXeEfgGcsp]/\n/g' | sed -E 's/^[^A-Za-z]+//; s/[^A-Za-z]+$//' |
    grep -E '[A-Za-z]{3}' | sort -u >"$T/pieces"
  msgexec -i "$ROOT/po/pl.po" cat 2>/dev/null | tr '\0' '\n' >"$T/pl_words"
  while IFS= read -r piece; do grep -qFw -- "$piece" "$T/pl_words" && printf '%s\n' "$piece"; done <"$T/pieces" >"$T/same"
  grep -F -x -v -f "$T/same" "$T/pieces" | grep -E -x -v 'FLANK|Ctrl(\+[A-Z])?|Page Up / Down|log|default|wait_and_see' >"$T/english"
  [ "$(wc -l <"$T/english")" -gt 200 ] || bad "english_pieces found only $(wc -l <"$T/english") English pieces in the window's sources"
}
english_in() { # english_in FILE WHAT: the English pieces FILE holds
  local hits
  hits=$(grep -F -w -o -f "$T/english" "$1" | sort -u | tr '\n' '|')
  [ -z "$hits" ] || bad "the Polish $2 shows English: ${hits%|}"
}
english_pieces
# play --text: a whole game in Polish, with help, the board, an area, undo, a what-if and the
# games among many; the words a player types (board, help, quit...) stay English
printf '2\nhelp\nboard\narea north\nnorth\nundo\n1\n1\n1\n1\n1\nwhatif\n1\n2\namong 20\nquit\n' |
  "$FLANK" play "$FIX" --text --lang pl --log "$T/text.log" >"$T/text.out" 2>"$T/err" || bad "play --text --lang pl: $(cat "$T/err")"
grep -q "^Gra się skończyła: Spokojna granica.$" "$T/text.out" && grep -q "^Twoja gra wśród nich" "$T/text.out" &&
  grep -q "^Co by było, gdyby wybrano" "$T/text.out" || bad "play --text --lang pl did not reach the debrief: $(tail -5 "$T/text.out")"
english_in "$T/text.out" "play --text"
grep -qx "lang pl" "$T/text.log" || bad "play --text --lang pl --log records no language"
if command -v xvfb-run >/dev/null 2>&1; then
  [ "$(printf 'OMÓWIENIE\nDEBRIEF\nPatrol  \xC2\xB7  after 4 turns\n' | grep -F -w -o -f "$T/english" | tr '\n' ' ')" = "DEBRIEF after turns " ] ||
    bad "the English check does not see the English of an unmarked debrief"
  for scr in title briefing game help debrief whatif among sources save; do
    scen=$FIX demo=
    [ $scr = title ] && scen= # the title screen lists the shipped scenarios
    case $scr in debrief | whatif | among | sources | save) demo="--demo --speed max" ;; esac
    rm -f "$T/drawn"
    # shellcheck disable=SC2086
    FLANK_AMONG_RUNS=20 FLANK_I18N_CHECK=1 FLANK_I18N_DRAWN="$T/drawn" HOME="$T" timeout 300 xvfb-run -a -s "-screen 0 1600x1000x24" \
      "$FLANK" play $scen --lang pl $demo --size 1280x800 --screenshot "$T/$scr.png" --shot-screen "$scr" 2>"$T/err" ||
      bad "play --lang pl ($scr): $(cat "$T/err")"
    grep -q "^i18n: pl, 0 words without a translation$" "$T/err" || bad "play --lang pl ($scr) left words untranslated: $(cat "$T/err")"
    [ -s "$T/drawn" ] || bad "play --lang pl ($scr) drew no text (FLANK_I18N_DRAWN)"
    # the title screen shows the shipped scenarios in their own words (none has Polish texts)
    [ $scr = title ] || english_in "$T/drawn" "$scr screen"
  done
  [ -n "${FLANK_KEEP_SHOTS:-}" ] && cp "$T"/*.png "$FLANK_KEEP_SHOTS"/
else
  echo "skipped the window: no xvfb-run"
fi

# the engine's reasons a player reads come from the catalogue, and a cost carries the track's unit
R="$ROOT/tests/cli/fixtures/reasons"
echo 1 | "$FLANK" play "$R" --text >"$T/r_en" 2>&1 || bad "play --text reasons: $(tail -3 "$T/r_en")"
grep -q '^2\. Fort\. Cost: US\$250 M of Budget\. Not available: needs US\$250 M (Budget)$' "$T/r_en" ||
  bad "a cost reason in English: $(grep Fort "$T/r_en")"
echo 1 | "$FLANK" play "$R" --text --lang pl >"$T/r_pl" 2>&1 || bad "play --text --lang pl reasons: $(tail -3 "$T/r_pl")"
grep -q 'Niedostępne: wymaga US\$250 M (Budget)$' "$T/r_pl" || bad "a cost reason in Polish: $(grep Fort "$T/r_pl")"
# pieces by their name and the id a player types; by type without a name
printf '3\n1\n1\nquit\n' | "$FLANK" play "$R" --text >"$T/r_mv" 2>&1 || bad "play --text a move: $(tail -3 "$T/r_mv")"
grep -q 'pieces: North guard \[#1\] of Council, Guard #2 of Council;' "$T/r_mv" && grep -q '^  1\. North guard \[#1\] in North$' "$T/r_mv" \
  && grep -q '^  2\. Guard #2 in North$' "$T/r_mv" && grep -q 'chose "Move" on "Build": North guard \[#1\] from North to South\.' "$T/r_mv" ||
  bad "pieces by name in play --text: $(grep -E 'pieces:|#[12]' "$T/r_mv")"

[ $fail -eq 0 ] && echo "test_lang: ok"
exit $fail
