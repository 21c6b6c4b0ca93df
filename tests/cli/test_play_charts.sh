#!/usr/bin/env bash
# The debrief's charts as a cold student read them after the flagship (Xvfb; FLANK_CHART_CHECK
# has each chart report its title, its time axis and the dates it labels, and "Among many"
# its legend's entries, the policy lit and the frontiers named):
# - the quarters played (2025-27) squeezed into the left edge of every chart, because twenty
#   years of aftermath followed on one linear axis: now the dense part takes most of the
#   width past a marked break (and the section's line says so), and every date labelled sits
#   where the axis draws that date; a game without an aftermath (the tutorial) keeps one
#   linear axis;
# - chart titles cut mid-word ("Terri… held", "Civil… harm"): each title reads in full, on
#   one or two lines, at 1440x900, 1280x800 and 1024x768, and every chart keeps a plot;
# - "Among many": pointing at a policy in the legend lights its cloud (the others fade), and
#   the frontier is named; the colours are told apart, the frontier is the right one and
#   explained, the "Your game" label covers no dot, the two clumps are explained and the mouse
#   over a dot or an average names its policy (below).
# Needs Xvfb, xdotool and python3 (tools/test installs them).
FLANK=$1
command -v Xvfb >/dev/null && command -v xdotool >/dev/null && command -v python3 >/dev/null ||
  { echo "skipped: needs Xvfb, xdotool and python3"; exit 0; }
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$(dirname "$0")/xvfb.sh"
xvfb_start 1600x1000   # $T, $DISPLAY; the screen, the window $P and $T go at exit
fail=0
bad() { echo "FAIL: $*"; fail=1; }
run() { # scenario size screen: the debrief's shot, its chart reports in $T/err, its texts in $T/drawn
  rm -f "$T/drawn"
  ASAN_OPTIONS=${ASAN_OPTIONS:-}:detect_leaks=0 FLANK_CHART_CHECK=1 FLANK_AMONG_RUNS=20 FLANK_I18N_DRAWN="$T/drawn" SDL_RENDER_DRIVER=software \
    HOME="$T" XDG_DATA_HOME="$T/data" timeout 300 "$FLANK" play "$1" --demo --speed max --seed 24 --size "$2" --shot-screen "$3" \
    --screenshot "$T/shot.png" >/dev/null 2>"$T/err" || { bad "$1 $3 shot at $2: $(tail -3 "$T/err")"; return 1; }
  [ -n "${SHOTS:-}" ] && cp "$T/shot.png" "$SHOTS/charts_$(basename "$1")_$3_$2.png"
  return 0
}
# every chart's last report: its title in full, a plot, and (want_break 1) the played part
# most of the width, each labelled date where the axis draws it, labels on both sides
check_charts() { # label want_break
  python3 - "$T/err" "$1" "$2" <<'EOF'
import re, sys, datetime
path, label, want = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
last = {}
for line in open(path, errors="replace"):
    if line.startswith("chart: "):
        last[line.split()[1]] = line.strip()
bad = []
if not last:
    bad.append("no chart reported")
MON = {m: i + 1 for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split())}
def day(s):
    return datetime.date.fromisoformat(s).toordinal()
for tid, l in sorted(last.items()):
    m = re.search(r"title '(.*)\|(.*)' of '(.*?)'( cut)?", l)
    full = m.group(1) + (" " + m.group(2) if m.group(2) else "")
    if full != m.group(3) or m.group(4):
        bad.append(f"{tid}: title drawn as '{m.group(1)}|{m.group(2)}', not '{m.group(3)}' in full")
    if l.endswith("no plot"):
        bad.append(f"{tid}: no room left for its plot")
        continue
    a = re.search(r"axis (\d+)-(\d+) dates (\S+)\.\.(\S+)", l)
    x0, x1, d0, d1 = int(a.group(1)), int(a.group(2)), day(a.group(3)), day(a.group(4))
    b = re.search(r"break (\S+) at (\d+)-(\d+)", l)
    if want and not b:
        bad.append(f"{tid}: one linear axis: the years after the decision window squeeze the played quarters ({l})")
        continue
    if not want and b:
        bad.append(f"{tid}: a break in a game without an aftermath ({l})")
        continue
    if b:
        db, bx, bx2 = day(b.group(1)), int(b.group(2)), int(b.group(3))
        share = (bx - x0) / (x1 - x0)
        if share < 0.5:
            bad.append(f"{tid}: the played part takes {share:.0%} of the axis")
        if not (day("2027-06-01") <= db <= day("2028-01-01")):
            bad.append(f"{tid}: the break at {b.group(1)}, not at the decision window's end")
    def xof(d):
        if not b:
            return x0 + (x1 - x0) * (d - d0) / (d1 - d0)
        if d <= db:
            return x0 + (bx - x0) * (d - d0) / (db - d0)
        return bx2 + (x1 - bx2) * (d - db) / (d1 - db)
    ticks = re.findall(r" (?:([A-Z][a-z]{2}) )?(\d{4})@(-?\d+)", l.split(" ticks", 1)[1])
    before = after = 0
    for mon, yr, x in ticks:
        d = datetime.date(int(yr), MON[mon] if mon else 1, 1).toordinal()
        if d < d0:  # the start's own label: its date, by day
            d = d0
        if abs(xof(d) - int(x)) > 2:
            bad.append(f"{tid}: '{(mon + ' ') if mon else ''}{yr}' at x {x}, where the axis draws {xof(d):.0f}")
        before += not b or d <= db
        after += bool(b) and d > db
    if not ticks:
        bad.append(f"{tid}: no date under the axis")
    elif b and (not before or not after):
        bad.append(f"{tid}: dates on one side of the break only: {ticks}")
for x in bad[:8]:
    print(f"FAIL: {label}: {x}")
if not bad:
    print(f"ok: {label}: {len(last)} charts, titles in full" + (", the played quarters on most of the axis, past a break; dates where drawn" if want else ", one linear axis"))
sys.exit(1 if bad else 0)
EOF
}

for size in 1440x900 1280x800 1024x768; do
  run "$ROOT/scenarios/eastern_flank" "$size" whatif || continue
  check_charts "eastern_flank at $size" 1 || fail=1
  grep -qx 'after Dec 2027 the time axis is compressed' "$T/drawn" && echo "ok: at $size the section says where the axis breaks" ||
    bad "at $size nothing says the time axis is compressed: $(grep -i 'compress' "$T/drawn" | head -2)"
done
run tutorial 1440x900 whatif && { check_charts "tutorial (no aftermath) at 1440x900" 0 || fail=1; }

# among many: the flagship's demo to its end, the debrief, its second tab; then the mouse on
# a policy's legend entry
FLANK_CHART_CHECK=1 FLANK_LAYOUT_CHECK=1 FLANK_AMONG_RUNS=20 FLANK_I18N_DRAWN="$T/drawn_end" SDL_RENDER_DRIVER=software HOME="$T" XDG_DATA_HOME="$T/data" \
  "$FLANK" play eastern_flank --demo --speed max --seed 24 --size 1440x900 >"$T/out" 2>"$T/err" &
P=$!
for _ in $(seq 20); do xdotool search --onlyvisible --pid "$P" >/dev/null 2>&1 && break; sleep 0.5; done
W=$(xdotool search --onlyvisible --pid "$P" | head -1)
[ -n "$W" ] || { bad "the window did not open: $(tail -3 "$T/err")"; exit 1; }
xdotool mousemove --window "$W" 5 5
for _ in $(seq 240); do grep -q 'panel: ending' "$T/err" && break; sleep 0.5; done
grep -q 'panel: ending' "$T/err" || bad "the demo did not end: $(grep '^header' "$T/err" | tail -1)"
sleep 0.5
# the log says which way its earlier news lies (newest first: a second cold student turned the
# wheel up and pressed Page Up at the game's end, and nothing moved)
grep -aq 'older: wheel or Page Down' "$T/drawn_end" && echo "ok: the log says where its older entries are" ||
  bad "the log does not say how to reach its older entries"
xdotool key Return; sleep 1                 # the debrief
# two what-ifs at the first decision: the charts get a key, numbered as the cards (a cold student
# matched three colours of lines to the cards' borders)
xdotool key Down; sleep 0.4; xdotool key 2; sleep 0.4; xdotool key p
for _ in $(seq 60); do grep -q '^chart key: what if 2$' "$T/err" && break; sleep 0.5; done
grep -q '^chart key: as played$' "$T/err" && grep -q '^chart key: what if 1$' "$T/err" && grep -q '^chart key: what if 2$' "$T/err" &&
  echo "ok: the charts' key names the game as played and each what-if" || bad "no key to the charts' lines: $(grep '^chart key' "$T/err" | tr '\n' '|')"
xdotool key Tab                             # "Among many"
for _ in $(seq 120); do grep -q '^among: legend .* lit -1' "$T/err" && grep -q '^among: frontiers named' "$T/err" && break; sleep 0.5; done
named=$(grep '^among: frontiers named' "$T/err" | tail -1)
[ -n "$named" ] && [ "$named" != "among: frontiers named" ] && echo "ok: the policies on the frontier are named (${named#among: frontiers named })" ||
  bad "no policy on the frontier is named: '$named'"
# how the games ended, all of them and each policy's (a cold student could not tell the two
# clouds apart, games with a war and without, nor what share of games had a war): shares that
# add up to all the games
python3 - "$T/err" <<'EOF' || fail=1
import re, sys
lines = [l for l in open(sys.argv[1], encoding='utf-8', errors='replace') if l.startswith('among: ') and ' ended: ' in l]
if not any(l.startswith('among: all How these games ended: ') for l in lines): print('FAIL: the chart does not say how its games ended'); sys.exit(1)
bad = []
for l in lines:
    ps = [int(x) for x in re.findall(r'(\d+)%', l.split(' ended: ', 1)[1])]
    if not 97 <= sum(ps) <= 103: bad.append(l.strip())
if bad: print('FAIL: ending shares that do not add up to all the games: ' + bad[0]); sys.exit(1)
print(f'ok: how the games ended, in all and for {len(lines) - 1} policies ({lines[0].split(" ended: ", 1)[1].strip()})')
EOF
legend=$(grep '^among: legend' "$T/err" | tail -1)
entry=$(sed -n 's/.* \(2\):\([0-9]*\),\([0-9]*\),\([0-9]*\),\([0-9]*\) .*/\2 \3 \4 \5/p' <<<"$legend")
if [ -z "$entry" ]; then bad "no legend entry 2 reported: $legend"; else
  set -- $entry
  [ -n "${SHOTS:-}" ] && xwd -id "$W" -silent >"$SHOTS/among_before.xwd" 2>/dev/null
  xdotool mousemove --window "$W" $(($1 + 12)) $(($2 + $4 / 2)); sleep 1
  lit=$(grep '^among: legend' "$T/err" | tail -1)
  name=$(sed -n "s/.* lit 2 '\(.*\)'$/\1/p" <<<"$lit")
  [ -n "$name" ] && echo "ok: pointing at '$name' in the legend lights its cloud" || bad "pointing at legend entry 2 lit nothing: ${lit##* lit }"
  tip=$(grep '^among: tip ' "$T/err" | tail -1)
  grep -q "Its games ended: " <<<"$tip" && echo "ok: its words say how its games ended" || bad "the policy's words do not say how its games ended: $tip"
  grep -qF "$name: $name:" <<<"$tip" && bad "the policy's name is doubled: $tip" || true
  grep '^among: frontiers named' "$T/err" | tail -1 | grep -qxF "among: frontiers named '$name'" &&
    echo "ok: it is named, the others not" || bad "the lit policy is not named alone: $(grep '^among: frontiers named' "$T/err" | tail -1)"
  [ -n "${SHOTS:-}" ] && xwd -id "$W" -silent >"$SHOTS/among_lit.xwd" 2>/dev/null
  xdotool mousemove --window "$W" 5 5; sleep 1
  grep '^among: legend' "$T/err" | tail -1 | grep -q ' lit -1 ' && echo "ok: away from the legend all clouds are alike again" ||
    bad "the cloud stays lit: $(grep '^among: legend' "$T/err" | tail -1 | sed 's/.* lit/lit/')"
fi
# the chart as a second cold student read it (FLANK_CHART_CHECK reports its colours, each policy's
# average and whether it is on the frontier, where the "Your game" label went, a dot of each
# policy far from the others' and what is under the mouse):
# - the clouds' colours are told apart (the old ten pastels came as close as CIEDE2000 9.6) and
#   the legend's swatches and the clouds' dots are drawn in them (read back from the screen);
# - the frontier is the policies no other policy beats on both axes by their average game,
#   and the caption says so in plain words;
# - the "Your game" label covers no dot;
# - the games that ended otherwise (with a war) sit apart: the caption says the hollow
#   squares are those games;
# - the mouse over a policy's dot or its average lights that policy and names it.
shot="$T/among.xwd" # read with Python (find_buttons.py): ImageMagick is not among what tools/setup.sh installs
xwd -id "$W" -silent >"$shot" 2>/dev/null
[ -n "${SHOTS:-}" ] && cp "$shot" "$SHOTS/among_chart.xwd"
legend=$(grep '^among: legend' "$T/err" | tail -1)
dots=$(grep '^among: dots' "$T/err" | tail -1)
: >"$T/where"
for e in ${legend#among: legend}; do
  case $e in [0-9]*:[0-9]*,*) s=${e%%:*}; IFS=, read -r x y w h <<<"${e#*:}"; echo "legend $s $((x + 3)) $((y + h / 2))" >>"$T/where" ;; esac
done
for e in ${dots#among: dots}; do
  s=${e%%:*}; IFS=, read -r x y dd <<<"${e#*:}"
  [ "$dd" -ge 16 ] && echo "dot $s $x $y" >>"$T/where"
done
# "kind policy RRGGBB": the screen's colour at each place the window reported
PYTHONPATH="$ROOT/tests/ui" python3 - "$shot" "$T/where" >"$T/pixels" <<'PY'
import sys
from find_buttons import read_image
w, h, px = read_image(sys.argv[1])
for line in open(sys.argv[2]):
    kind, s, x, y = line.split()
    x, y = int(x), int(y)
    if 0 <= x < w and 0 <= y < h:
        print(kind, s, bytes(px[3 * (y * w + x):3 * (y * w + x) + 3]).hex().upper())
PY
python3 - "$T/err" "$T/drawn_end" "$T/pixels" <<'EOF' || fail=1
import math, re, sys, itertools
err = open(sys.argv[1], encoding='utf-8', errors='replace').read().splitlines()
drawn = open(sys.argv[2], encoding='utf-8', errors='replace').read().splitlines()
pixels = [l.split() for l in open(sys.argv[3]) if len(l.split()) == 3]
bad = []
def last(prefix):
    ls = [l for l in err if l.startswith(prefix)]
    return ls[-1] if ls else ''
def lab(h):
    def lin(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = [lin(int(h[i:i + 2], 16)) for i in (0, 2, 4)]
    x, y, z = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    f = lambda t: t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116
    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))
def de2000(h1, h2):
    (L1, a1, b1), (L2, a2, b2) = lab(h1), lab(h2)
    Cm = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    G = 0.5 * (1 - math.sqrt(Cm ** 7 / (Cm ** 7 + 25 ** 7)))
    a1p, a2p = (1 + G) * a1, (1 + G) * a2
    C1, C2 = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1, h2 = math.degrees(math.atan2(b1, a1p)) % 360, math.degrees(math.atan2(b2, a2p)) % 360
    dh = 0 if C1 * C2 == 0 else (h2 - h1 - 360 if h2 - h1 > 180 else h2 - h1 + 360 if h2 - h1 < -180 else h2 - h1)
    dH = 2 * math.sqrt(C1 * C2) * math.sin(math.radians(dh / 2))
    Lm, Cp = (L1 + L2) / 2, (C1 + C2) / 2
    hm = h1 + h2 if C1 * C2 == 0 else (h1 + h2) / 2 if abs(h1 - h2) <= 180 else (h1 + h2 + 360) / 2 if h1 + h2 < 360 else (h1 + h2 - 360) / 2
    T = 1 - 0.17 * math.cos(math.radians(hm - 30)) + 0.24 * math.cos(math.radians(2 * hm)) + 0.32 * math.cos(math.radians(3 * hm + 6)) - 0.20 * math.cos(math.radians(4 * hm - 63))
    Rc = 2 * math.sqrt(Cp ** 7 / (Cp ** 7 + 25 ** 7))
    Sl, Sc, Sh = 1 + 0.015 * (Lm - 50) ** 2 / math.sqrt(20 + (Lm - 50) ** 2), 1 + 0.045 * Cp, 1 + 0.015 * Cp * T
    Rt = -math.sin(math.radians(60 * math.exp(-((hm - 275) / 25) ** 2))) * Rc
    return math.sqrt(((L2 - L1) / Sl) ** 2 + ((C2 - C1) / Sc) ** 2 + (dH / Sh) ** 2 + Rt * ((C2 - C1) / Sc) * (dH / Sh))
cols = dict(re.findall(r' (\d+):#([0-9A-F]{6})', last('among: colours')))
if len(cols) < 2:
    bad.append('no colours reported')
else:
    d, a, b = min((de2000(cols[a], cols[b]), a, b) for a, b in itertools.combinations(cols, 2))
    if d < 15: bad.append(f'policies {a} and {b} have colours #{cols[a]} and #{cols[b]} only {d:.1f} apart (CIEDE2000)')
    else: print(f'ok: the {len(cols)} policies\' colours are at least {d:.1f} apart (CIEDE2000)')
def rgb(h): return [int(h[i:i + 2], 16) for i in (0, 2, 4)]
seen = {'legend': 0, 'dot': 0}
for kind, s, px in (pixels if cols else []):
    near = min(cols, key=lambda c: sum((p - q) ** 2 for p, q in zip(rgb(px), rgb(cols[c]))))
    if near != s: bad.append(f'the {kind} of policy {s} reads #{px} on the screen, nearest the colour of policy {near} (#{cols[near]}), not its own #{cols[s]}')
    seen[kind] += 1
if seen['legend'] < len(cols) or seen['dot'] < 3: bad.append(f'read too few colours back: {seen}')
elif not [b for b in bad if 'reads #' in b]: print(f'ok: {seen["legend"]} legend swatches and {seen["dot"]} dots read back in their policy\'s colour')
# the frontier: the policies whose average no other policy's beats on both axes
bx, by = [float(v) for v in re.findall(r'[-+]\d+', last('among: better'))] or [1, 1]
means = [(int(m[0]), float(m[1]), float(m[2]), bool(m[3])) for m in (re.match(r'among: mean (\d+) (\S+) (\S+) at \S+( frontier)?', l).groups() for l in err if l.startswith('among: mean '))]
means = {m[0]: m for m in means}.values()  # the last report of each
want = {s for s, x, y, _ in means if not any(t != s and bx * (x2 - x) >= 0 and by * (y2 - y) >= 0 and (x2, y2) != (x, y) for t, x2, y2, _ in means)}
got = {s for s, x, y, f in means if f}
if not means: bad.append('no averages reported')
elif want != got: bad.append(f'the frontier drawn is {sorted(got)}, the policies no other beats on both axes are {sorted(want)}')
else: print(f'ok: the frontier joins the {len(got)} policies no other beats on both axes on average')
if not any('no other policy' in l and 'both axes' in l for l in drawn): bad.append('the caption does not say what the best trade-offs are in plain words')
named = last('among: frontiers named')
if not named or named == 'among: frontiers named': bad.append('no policy on the frontier is named')
m = re.search(r'you label \S+ covers (\d+)', last('among: you label'))
if not m or m.group(1) != '0': bad.append(f'the "Your game" label covers dots: {last("among: you label")}')
else: print('ok: the "Your game" label covers no dot')
g = re.match(r"among: groups (\S+) main '(.*)'", last('among: groups'))
if not g or g.group(1) != 'apart': bad.append(f'the games with a war and without do not sit apart: {last("among: groups")}')
elif not any(l.startswith(f'Hollow squares: games that ended otherwise than \u201c{g.group(2)}\u201d') and 'two clumps' in l for l in drawn):
    bad.append('the caption does not say why a policy\'s games form two clumps')
else: print(f'ok: the games that did not end "{g.group(2)}" sit apart, hollow, and the caption says so')
for b in bad: print('FAIL: ' + b)
sys.exit(1 if bad else 0)
EOF
# the mouse on a dot of the policy whose dot stands farthest from the others', then on an average
pick=$(tr ' ' '\n' <<<"${dots#among: dots }" | awk -F'[:,]' '$4 > best { best = $4; s = $1; x = $2; y = $3 } END { if (best >= 16) print s, x, y }')
if [ -z "$pick" ]; then bad "no dot to point at: $dots"; else
  set -- $pick
  xdotool mousemove --window "$W" "$2" "$3"; sleep 1
  grep '^among: legend' "$T/err" | tail -1 | grep -q " lit $1 " && grep '^among: hover' "$T/err" | tail -1 | grep -q "^among: hover $1 '.*' game$" &&
    echo "ok: the mouse over a dot lights its policy and names it ($(grep '^among: hover' "$T/err" | tail -1 | cut -d"'" -f2))" ||
    bad "the mouse over policy $1's dot at $2,$3: $(grep '^among: legend' "$T/err" | tail -1 | sed 's/.* lit/lit/'); $(grep '^among: hover' "$T/err" | tail -1)"
  [ -n "${SHOTS:-}" ] && xwd -id "$W" -silent >"$SHOTS/among_hover.xwd" 2>/dev/null
fi
avg=$(grep '^among: mean .* frontier ' "$T/err" | tail -1)
s=$(cut -d' ' -f3 <<<"$avg"); xy=$(sed -n 's/.* at \([0-9]*\),\([0-9]*\) .*/\1 \2/p' <<<"$avg")
if [ -z "$xy" ]; then bad "no average on the frontier to point at"; else
  xdotool mousemove --window "$W" $xy; sleep 1
  grep '^among: hover' "$T/err" | tail -1 | grep -q "^among: hover $s '.*' average$" && echo "ok: the mouse over an average names its policy" ||
    bad "the mouse over policy $s's average: $(grep '^among: hover' "$T/err" | tail -1)"
fi
xdotool mousemove --window "$W" 5 5; sleep 0.5
# N in the debrief asks before it closes the debrief and its what-ifs (a cold student pressed N
# and lost both what-ifs): once it asks and stays, Esc keeps the debrief, N twice starts a game
panels() { grep -c 'panel: ' "$T/err"; }
p0=$(panels)
xdotool key n; sleep 1
grep -q '^debrief: leave asked new' "$T/err" && [ "$(panels)" = "$p0" ] && echo "ok: N asks first and stays in the debrief" ||
  bad "N left the debrief without asking (asked: $(grep -c '^debrief: leave asked' "$T/err"), panels $p0 -> $(panels))"
xdotool key Escape; sleep 0.5
xdotool key n; sleep 0.5; xdotool key n; sleep 1.5
[ "$(panels)" -gt "$p0" ] && echo "ok: N again starts a new game" || bad "N twice did not start a new game: $(grep 'panel: ' "$T/err" | tail -1)"
kill -0 "$P" 2>/dev/null || bad "the window died: $(tail -3 "$T/err")"
[ $fail -eq 0 ] && echo "test_play_charts: ok"
exit $fail
