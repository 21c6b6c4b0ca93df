#!/usr/bin/env bash
# The window's teaching tools driven by the keyboard, as a student would: change an
# assumption in the briefing, play the tutorial to its end, open the debrief, fork the
# game at the first decision (another option, then the computer playing on) and see both
# forks finish while "your game among many" runs; save the game for the teacher (in the
# Documents folder, shown with ~; Ctrl+A selects the name; its log records the changed
# assumption; an existing file is not replaced without asking; the message that says so
# covers no button); an
# idle window costs no CPU; and the flagship's debrief charts read as a student needs. The window prints what the test reads with --bench.
# Needs Xvfb and xdotool (tools/test installs both).
FLANK=$1
command -v Xvfb >/dev/null && command -v xdotool >/dev/null || { echo "skipped: needs Xvfb and xdotool"; exit 0; }
. "$(dirname "$0")/xvfb.sh"
xvfb_start 1280x800   # $T, $DISPLAY; the screen, the window $P and $T go at exit
# a small ensemble: the test is about the window, tools/bench.d/teach_window.sh times the real one
mkdir -p "$T/Documents" # the save dialog's folder (below)
FLANK_AMONG_RUNS=40 FLANK_LAYOUT_CHECK=1 SDL_RENDER_DRIVER=software HOME="$T" XDG_DATA_HOME="$T/data" \
  env -u XDG_CONFIG_HOME "$FLANK" play tutorial --size 1280x800 --bench >"$T/out" 2>"$T/err" &
P=$!
fail=0
PACE=${FLANK_KEY_PACE:-0.5}
bad() { echo "FAIL: $*"; fail=1; }
alive() { kill -0 "$P" 2>/dev/null; }
k() { xdotool key "$@"; sleep "$PACE"; }
# wait until the window printed a line matching $1 (at most $2 seconds)
wait_for() { for _ in $(seq $(( $2 * 5 ))); do grep -q "$1" "$T/out" && return 0; sleep 0.2; done; return 1; }
for _ in $(seq 20); do xdotool search --onlyvisible --pid "$P" >/dev/null 2>&1 && break; sleep 0.5; done
alive || { bad "the window did not open: $(cat "$T/err")"; exit 1; }
xdotool mousemove 5 5; sleep 0.3

# the Assumptions panel: Tab selects the first assumption (pushbacks a month, 0.35 in
# steps of 0.05), + twice raises it to 0.45, - once lowers it to 0.4
k Tab; k plus; k plus; k minus
k Return            # begin
# play: choose the first option, confirm, end the turn, close pop-ups, until the debrief opens
for _ in $(seq 40); do
  grep -q '^debrief ' "$T/out" && break
  for key in 1 Return space; do
    grep -q '^debrief ' "$T/out" && break
    k "$key"
  done
done
wait_for '^debrief ' 5 || bad "the debrief did not open: $(tail -3 "$T/out") $(tail -3 "$T/err")"
echo "ok: $(grep '^debrief ' "$T/out")"

# what if: the first decision, the other option (2), and the computer playing on (P); the
# forks are labelled by the decision's date ("1 Mar 2025: ..."), not its turn
k Down; k 2; k p
wait_for '^fork_ms .*1 Mar 2025: .*ending' 60 && wait_for '^fork_ms .*computer plays on.*ending' 60 \
  || bad "the forks did not finish: $(cat "$T/out") $(tail -3 "$T/err")"
grep '^fork_ms' "$T/out" | sed 's/^/ok: /'
# the computer's fork says how many of the student's decisions it took otherwise (the list marks them)
grep -q '^fork_ms .*computer plays on.* note: \(Choices that differ: [1-9]\|The computer chose as you did\)' "$T/out" \
  && echo "ok: the computer's fork counts its other choices" || bad "no count of the computer's other choices: $(grep fork_ms "$T/out")"
alive || bad "the window died during the forks: $(tail -3 "$T/err")"
wait_for '^among_games' 120 || bad "the games among many did not finish: $(tail -3 "$T/out")"
grep -q '^among_ahead ' "$T/out" && echo "ok: the debrief took over the games played ahead ($(grep '^among_ahead' "$T/out"))" \
  || bad "the games among many were not played ahead while the game went on: $(grep among "$T/out")"
n=$(sed -n 's/^among_games \([0-9]*\) of \([0-9]*\) .*/\1 \2/p' "$T/out")
set -- $n
[ -n "${1:-}" ] && [ "$1" = "$2" ] && [ $(( $1 % 40 )) = 0 ] && [ "$1" -gt 0 ] && echo "ok: $1 games among many (40 per policy)" \
  || bad "among many: expected 40 games per policy, all played: $(grep among_games "$T/out")"
[ -n "${SHOT:-}" ] && xwd -id "$(xdotool search --onlyvisible --pid "$P" | head -1)" -silent >"$SHOT" 2>/dev/null

# idle: nothing runs, nothing is drawn, the process sleeps in its event wait
cpu() { awk '{print $14 + $15}' "/proc/$P/stat"; }
c0=$(cpu); sleep 2; c1=$(cpu)
[ $((c1 - c0)) -le 2 ] && echo "ok: idle debrief used $((c1 - c0)) ticks in 2 s" || bad "idle debrief used $((c1 - c0)) CPU ticks in 2 s"

# save for my teacher: S opens the dialog in the Documents folder (a cold student was offered
# /root), shown as ~/Documents, with the name it suggests selected; End leaves the selection,
# Ctrl+A selects it all again (a cold student pressed it and nothing happened) and typing
# replaces it; Enter saves. The dialog reports its fields (FLANK_LAYOUT_CHECK).
D=$T/Documents
k s
grep -q "^save: name 'my game - tutorial' folder '~/Documents' field 0 selected$" "$T/err" &&
  echo "ok: the dialog offers ~/Documents, the name it suggests selected" || bad "the dialog opened with: $(grep '^save:' "$T/err" | tail -1)"
k End
grep '^save:' "$T/err" | tail -1 | grep -q ' selected$' && bad "End did not leave the selection"
k ctrl+a
grep '^save:' "$T/err" | tail -1 | grep -q "^save: name 'my game - tutorial' .* selected$" && echo "ok: Ctrl+A selects the name" ||
  bad "Ctrl+A did not select the name: $(grep '^save:' "$T/err" | tail -1)"
xdotool type --delay 40 "anna"; sleep "$PACE"
grep '^save:' "$T/err" | tail -1 | grep -q "^save: name 'anna' folder '~/Documents' field 0$" && echo "ok: typing replaces what is selected" ||
  bad "typing after Ctrl+A: $(grep '^save:' "$T/err" | tail -1)"
k Return
for _ in $(seq 50); do grep -qxF "saved_log $D/anna.log" "$T/out" && break; sleep 0.2; done
grep -qxF "saved_log $D/anna.log" "$T/out" || bad "no 'saved_log $D/anna.log' line: $(tail -3 "$T/out")"
[ -f "$D/anna.log" ] || bad "no $D/anna.log"
# the message says where, as the dialog did, and covers none of the debrief's buttons (it
# covered 'Save for my teacher')
[ -n "${SHOTS:-}" ] && xwd -id "$(xdotool search --onlyvisible --pid "$P" | head -1)" -silent >"$SHOTS/save_toast.xwd" 2>/dev/null
toast=$(grep "^toast: '.*anna.log' " "$T/err" | tail -1)
grep -q "^toast: '[^']*~/Documents/anna.log' at .* covers no button$" <<<"$toast" && echo "ok: '${toast#toast: }'" ||
  bad "the message after saving: '$toast'"
grep -q '^param pushback_chance 0.4$' "$D/anna.log" && echo "ok: the log records the assumption set in the briefing" \
  || bad "the log lacks 'param pushback_chance 0.4': $(grep param "$D/anna.log")"
"$FLANK" replay "$D/anna.log" >/dev/null 2>&1 && echo "ok: flank replay verifies the saved log" || bad "flank replay rejects the saved log"
# the same name again: refused first (the file stays as it was), replaced on a second Enter
echo "keep me" >"$D/anna.log"
k s; k Return
grep -q "keep me" "$D/anna.log" && echo "ok: an existing file is not replaced without asking" || bad "the existing file was replaced silently"
[ "$(grep -c '^saved_log' "$T/out")" = 1 ] || bad "the second save wrote somewhere: $(grep saved_log "$T/out")"
k Return
sleep 1
[ "$(grep -cxF "saved_log $D/anna.log" "$T/out")" = 2 ] && grep -q '^param pushback_chance' "$D/anna.log" && echo "ok: a second Enter replaces it" \
  || bad "the second Enter did not replace the file"
alive || bad "the window died"
k ctrl+q

# the folder offered elsewhere: the desktop's own Documents folder (user-dirs.dirs names it, as
# a Polish desktop's ~/Dokumenty), else the home folder itself
mkdir -p "$T/h1" "$T/h2/.config" "$T/h2/Dokumenty"
echo 'XDG_DOCUMENTS_DIR="$HOME/Dokumenty"' >"$T/h2/.config/user-dirs.dirs"
for h in "h1 ~" "h2 ~/Dokumenty"; do
  set -- $h
  ASAN_OPTIONS=${ASAN_OPTIONS:-}:detect_leaks=0 FLANK_LAYOUT_CHECK=1 SDL_RENDER_DRIVER=software HOME="$T/$1" XDG_DATA_HOME="$T/data" timeout 120 \
    env -u XDG_CONFIG_HOME "$FLANK" play tutorial --demo --speed max --size 1280x800 --shot-screen save --screenshot "$T/save_$1.png" >/dev/null 2>"$T/err_$1"
  [ -n "${SHOTS:-}" ] && cp "$T/save_$1.png" "$SHOTS/save_$1.png"
  grep -q "^save: name 'my game - tutorial' folder '$2' field 0 selected$" "$T/err_$1" && echo "ok: with HOME=\$T/$1 the dialog offers $2" ||
    bad "with HOME=\$T/$1 the dialog offers $(grep '^save:' "$T/err_$1" | tail -1), not $2"
done

# the flagship's debrief as a student reads it (FLANK_I18N_DRAWN lists every text drawn):
# the what-if charts run on dates (monthly turns, then yearly ones: round years under the
# axis), the "among many" chart has titled axes with round ticks, a
# legend for its averages, its dashed line and its marker, the policies' own words under the mouse (the hint shows
# when the scenario gave them), and the standings in plain sentences
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
for scr in whatif among; do
  for size in 1440x900 1024x768; do
    rm -f "$T/drawn"
    # (detect_leaks=0: under ASan, SDL's X11 backend leaves a libdbus buffer, as in test_lang)
    ASAN_OPTIONS=${ASAN_OPTIONS:-}:detect_leaks=0 FLANK_AMONG_RUNS=20 FLANK_I18N_DRAWN="$T/drawn" SDL_RENDER_DRIVER=software HOME="$T" XDG_DATA_HOME="$T/data" timeout 300 \
      "$FLANK" play "$ROOT/scenarios/eastern_flank" --demo --speed max --size "$size" --shot-screen $scr --screenshot "$T/$scr.png" \
      >/dev/null 2>"$T/err" || { bad "eastern_flank $scr shot at $size: $(cat "$T/err")"; continue; }
    if [ $scr = whatif ]; then
      years=$(grep -xE '20[2-4][0-9]' "$T/drawn" | sort -u | tr '\n' ' ')
      [ "$(wc -w <<<"$years")" -ge 2 ] && echo "ok: what-if charts on a date axis at $size (ticks: $years)" \
        || bad "the what-if charts at $size show no round years under their axis: $(grep -xE '[0-9]{4}' "$T/drawn" | sort -u | tr '\n' ' ')"
    else
      for want in "Deterrence (%)" "Civilian casualties (aftermath) (people)" "a policy's average" "best trade-offs" \
        "Your game" 200 400 "Point at a policy to read what it does."; do
        grep -qxF "$want" "$T/drawn" || bad "the among-many chart at $size does not draw '$want'"
      done
      grep -q '^Deterrence: better than in [0-9.]*% of the [0-9]* games played with the [0-9]* policies together' "$T/drawn" \
        && echo "ok: among many at $size: titled axes, ticks, a legend, plain standings" \
        || bad "the among-many standing at $size: $(grep '^Deterrence:' "$T/drawn")"
    fi
  done
done
[ $fail -eq 0 ] && echo "test_play_teach: ok"
exit $fail
