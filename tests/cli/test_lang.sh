#!/bin/bash
# Languages everywhere. --lang works alike on every command that plays or shows a scenario
# (run, replay, batch, render, test, lint, play) and in play{ lang = } inside tests; the
# window's own words come from the gettext catalogues in po/: each passes msgfmt --check, has
# every word the sources mark (the template is current), and a Polish window shows no engine
# word left untranslated (FLANK_I18N_CHECK counts lookups without a translation); a language
# without a catalogue falls back to English.
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

# replay: a Polish log replays and verifies in Polish
"$FLANK" run "$FIX" --seed 1 --lang pl --log "$T/pl.log" >/dev/null || bad "run --log --lang pl"
out=$("$FLANK" replay "$T/pl.log" --scenario "$FIX" --lang pl 2>&1)
grep -q "replayed 4 actions of lang, seed 1: Spokojna granica" <<<"$out" || bad "replay --lang pl: $out"
out=$("$FLANK" replay "$T/pl.log" --scenario "$FIX" --lang pl --verify 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q "verified 4 actions and 4 turn hashes$" <<<"$out" || bad "replay --lang pl --verify: exit $rc: $out"

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
grep -q "text_en.lua:1: warning: no text_lt.lua: its 23 texts show in English under --lang lt \[missing-text\]" <<<"$out" || bad "lint --lang lt: $out"

# play: the window in Polish, every screen; the PNGs are for a person to look at
if command -v xvfb-run >/dev/null 2>&1; then
  for scr in title briefing game help; do
    scen=$FIX
    [ $scr = title ] && scen= # the title screen lists the shipped scenarios
    # shellcheck disable=SC2086
    FLANK_I18N_CHECK=1 timeout 120 xvfb-run -a -s "-screen 0 1600x1000x24" "$FLANK" play $scen --lang pl --size 1280x800 \
      --screenshot "$T/$scr.png" --shot-screen "$scr" 2>"$T/err" || bad "play --lang pl ($scr): $(cat "$T/err")"
    grep -q "^i18n: pl, 0 words without a translation$" "$T/err" || bad "play --lang pl ($scr) left words untranslated: $(cat "$T/err")"
  done
  FLANK_I18N_CHECK=1 timeout 300 xvfb-run -a -s "-screen 0 1600x1000x24" "$FLANK" play "$FIX" --lang pl --demo --speed max \
    --size 1280x800 --screenshot "$T/debrief.png" --shot-screen debrief 2>"$T/err" || bad "play --lang pl (debrief): $(cat "$T/err")"
  grep -q "^i18n: pl, 0 words without a translation$" "$T/err" || bad "the Polish debrief left words untranslated: $(cat "$T/err")"
  [ -n "${FLANK_KEEP_SHOTS:-}" ] && cp "$T"/*.png "$FLANK_KEEP_SHOTS"/
else
  echo "skipped the window: no xvfb-run"
fi

[ $fail -eq 0 ] && echo "test_lang: ok"
exit $fail
