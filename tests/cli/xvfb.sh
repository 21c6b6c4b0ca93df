# Sourced by the window tests (tests/cli/test_play_*.sh). xvfb_start SIZE: a temporary folder $T and
# a virtual screen of SIZE (e.g. 1440x900) on a display nobody holds, as $DISPLAY; at exit the
# window the test started ($P), the screen and $T go. Needs Xvfb (tools/test installs it).
xvfb_start() {
  T=$(mktemp -d)
  P=${P:-}
  local i
  for i in $(seq 50); do # a display number no other test's screen holds (they run in parallel)
    DPY=":$((100 + RANDOM % 800))"
    [ -e "/tmp/.X${DPY#:}-lock" ] || [ -e "/tmp/.X11-unix/X${DPY#:}" ] || break
  done
  Xvfb "$DPY" -screen 0 "${1:-1600x1000}x24" -nolisten tcp -noreset >/dev/null 2>&1 &
  XV=$!
  trap 'kill $P $XV 2>/dev/null; rm -rf "$T"' EXIT
  export DISPLAY=$DPY
  sleep 1
}
