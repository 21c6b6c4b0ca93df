# Headless Chromium for the report tests (sourced by test_report.sh and test_teach.sh; needs
# $T, a scratch folder). chrome URL ARGS... runs the browser kept off any network (its own
# update checks go to a dead local port) and appends its messages, console ones included, to
# $T/chrome.log; netreqs NETLOG prints the requests the page itself made (the browser's own
# carry no file:// key).
CHROME=$(command -v chromium || command -v chromium-browser) || { echo "FAIL: chromium is not installed (tools/setup.sh)"; exit 1; }
chrome() {
  local url=$1; shift
  timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions \
    --disable-background-networking --disable-component-update --disable-sync --disable-default-apps \
    --host-resolver-rules="MAP * ~NOTFOUND" --proxy-server="http://127.0.0.1:9" --user-data-dir="$T/profile" \
    --enable-logging=stderr --v=0 "$@" "$url" 2>>"$T/chrome.log"
}
netreqs() {
  python3 - "$1" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
names = {v: k for k, v in d["constants"]["logEventTypes"].items()}
for e in d["events"]:
    p = e.get("params", {})
    if names.get(e["type"]) == "URL_REQUEST_START_JOB" and "file://" in p.get("network_isolation_key", ""):
        if not p["url"].startswith(("file:", "data:")):
            print(p["url"])
PY
}
