#!/usr/bin/env bash
# The HTML report a teacher hands out: names and titles, not ids; hidden tracks left out;
# units, sd and intervals that respect the data; the batch it came from and how to make it
# again; print rules; small multiples for five or more policy sets; no Pareto chart for one.
# Then headless Chromium (Debian chromium) opens it: a screenshot that shows the charts,
# scatter labels that do not overlap as the browser lays them out, and no network request.
set -u
FLANK=$1; ROOT=$2
cd "$ROOT" || exit 1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
B() { "$FLANK" batch "$@"; }

# 1. the flagship: three sets, hidden tracks, units
cat >"$T/sweep.lua" <<'LUA'
return {
  { name = "stay in the treaty", policy = "stay_in_treaty" },
  { name = "mass unmarked", policy = "mass_unmarked" },
  { name = "marked, restrained adversary", side = { council = "marked_fields", adversary = "restrained" } },
}
LUA
B eastern_flank --runs 60 --sweep "$T/sweep.lua" --jobs 2 --report "$T/ef.html" --summary >"$T/ef.sum" || bad "flagship report"
R=$T/ef.html
grep -q '<h1>Eastern Flank' "$R" || bad "title is not the scenario's title"
grep -q '<th>War; the line held</th>' "$R" || bad "ending titles, not ids, head the endings table"
grep -q '<th>line_held</th>' "$R" && bad "an ending id where its title belongs"
grep -q '<td>Civilian casualties (aftermath)</td><td>people</td>' "$R" || bad "track names and units"
grep -qi 'hours to capital\|hours_to_capital' "$R" && bad "a hidden track (hours to capital) is in the report"
grep -q 'hours_to_capital' "$T/ef.sum" && bad "a hidden track is in --summary"
grep -q '<th>sd</th>' "$R" || bad "no standard deviation"
grep -q '<td>bootstrap</td>' "$R" && grep -q 'Wilson score interval' "$R" || bad "intervals suited to the data, and named"
grep -q 'Wilson score interval[^<]*(not needed on this page)' "$R" && bad "Wilson called not needed under an endings table that uses it"
python3 - "$R" <<'PY' || bad "an interval leaves the range its track can take (e.g. negative casualties)"
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
rows = re.findall(r'<tr><td>([^<]*)</td><td>([^<]*)</td><td>[^<]*</td><td>(-?[0-9.e+]+) – (-?[0-9.e+]+)</td>', html)
assert rows, "no interval rows found"
for name, unit, lo, hi in rows:
    if unit in ("people", "km²", "%", "US$ M", "turns"):
        assert float(lo) >= 0, (name, lo)
    if unit == "%":
        assert float(hi) <= 100, (name, hi)
PY
grep -q 'mean would land in this range' "$R" && bad "the old, wrong reading of a confidence interval"
grep -q 'in about 95 of 100 batches' "$R" || bad "the meaning of a 95% interval"
grep -Eq 'content hash <code>[0-9a-f]{16}</code>' "$R" && grep -q 'seeds 1 to 60 for each policy set' "$R" \
  && grep -q 'Made with</th><td>Flank [0-9]' "$R" || bad "provenance (hash, seeds, Flank version)"
grep -q "<code>flank batch eastern_flank --runs 60 --sweep $T/sweep.lua --report ef.html</code>" "$R" || bad "the command that reproduces the batch, with the report's own name"
grep -q "<th>Assumptions</th><td>Base risk of a crisis (<code>base_war_risk</code>) = 0.01 <span class=\"note\">(the scenario's)</span>" "$R" \
  || bad "the report lists the assumptions in force: $(grep -o '<th>Assumptions.\{0,200\}' "$R")"
grep -q '@media print{' "$R" && grep -q 'break-inside:avoid' "$R" && grep -q 'break-after:avoid' "$R" || bad "print rules"
grep -q "Content-Security-Policy\" content=\"default-src 'none'" "$R" || bad "no CSP: the page could load things"
grep -Eiq '<(script|link|img|iframe|object)[ >]|[[:space:]]src=|@import|url\(' "$R" && bad "the report refers to something outside itself"
grep -q 'Policy sets: mean Deterrence (%) against mean Civilian casualties (aftermath) (people)' "$R" || bad "three sets: the scatter is expected"

# 2. five or more sets: small multiples (one panel, one outline per set), never overlaid
sets=(--policy default --policy mines --policy random --policy first --side council=mines --side adversary=first
      --side council=random --side adversary=first --side council=first --side adversary=random)
B tutorial --runs 150 "${sets[@]}" --report "$T/many.html" --plot "$T/many.svg" || bad "7-set batch"
python3 - "$T/many.svg" <<'PY' || bad "with 7 sets every histogram panel should hold one set"
import re, sys
svg = open(sys.argv[1], encoding="utf-8").read()
figs = re.findall(r'<svg x="[^"]*" y="[^"]*" width="960" height="[^"]*" viewBox="[^"]*">(.*?)</svg>', svg, re.S)
hist = [f for f in figs if 'one panel per policy set' in f]
assert len(hist) == 4, len(hist)
for f in hist:
    assert f.count('<path ') == 7, f.count('<path ')
    assert 'fill-opacity="0.18"' not in f
PY
# 3. one set: no Pareto chart (there is nothing to compare)
B tutorial --runs 50 --report "$T/one.html" --plot "$T/one.svg" || bad "one-set batch"
grep -q 'class="pf"\|Policy sets: mean\|Pareto' "$T/one.html" "$T/one.svg" && bad "a single policy set shows a Pareto chart"

# 4. headless Chromium: it renders, shows the charts, and asks the network for nothing
. "$ROOT/tests/cli/chrome.sh" # chrome URL ARGS..., netreqs NETLOG
chrome "file://$R" --dump-dom --log-net-log="$T/net.json" >"$T/ef.dom"
grep -q '<h2 id="charts">Charts</h2>' "$T/ef.dom" || bad "chromium did not load the report"
[ -z "$(netreqs "$T/net.json")" ] || bad "the report made network requests: $(netreqs "$T/net.json")"
# a screenshot of its charts (a frame scrolled to them: headless screenshots do not scroll)
printf '<!DOCTYPE html><body style="margin:0"><iframe src="ef.html#charts" style="border:0;width:1000px;height:1400px"></iframe>' >"$T/shot.html"
chrome "file://$T/shot.html" --window-size=1000,1400 --screenshot="$T/ef.png" >/dev/null
[ -s "$T/ef.png" ] || { bad "no screenshot from chromium"; tail -n 5 "$T/chrome.log"; }
python3 tests/ui/pngcmp.py --colours "$T/ef.png" 31,119,180:0.0005 214,39,40:0.0005 44,160,44:0.0005 \
  || bad "the screenshot does not show the three sets' colours (charts not drawn?)"
# the detector itself: a page that does ask the network is caught
printf '<!DOCTYPE html><img src="http://example.invalid/x.png">' >"$T/leak.html"
chrome "file://$T/leak.html" --screenshot="$T/leak.png" --log-net-log="$T/leak.json" >/dev/null
netreqs "$T/leak.json" | grep -q 'example.invalid' || bad "the network check does not see a page's request"

# 5. scatter labels do not overlap each other or any point, as Chromium lays out the text
{ echo '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'
  cat "$T/many.svg"
  cat <<'JS'
<script>
const box = e => e.getBoundingClientRect();
const labels = [...document.querySelectorAll('text.sl')].map(box), points = [...document.querySelectorAll('circle.pt')].map(box);
const hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
let n = 0;
labels.forEach((a, i) => { labels.forEach((b, j) => { if (j < i && hit(a, b)) n++; }); points.forEach(p => { if (hit(a, p)) n++; }); });
document.title = 'labels=' + labels.length + ' overlaps=' + n;
</script></body></html>
JS
} >"$T/labels.html"
chrome "file://$T/labels.html" --dump-dom >"$T/labels.dom"
grep -q '<title>labels=7 overlaps=0</title>' "$T/labels.dom" || bad "scatter labels: $(grep -o '<title>[^<]*' "$T/labels.dom")"
# print to PDF: the page prints (the print rules keep tables and charts whole)
chrome "file://$R" --print-to-pdf="$T/ef.pdf" --no-pdf-header-footer >/dev/null
head -c 5 "$T/ef.pdf" 2>/dev/null | grep -q '%PDF-' || bad "chromium could not print the report to PDF"

exit $fail
