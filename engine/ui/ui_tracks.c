/* ui_tracks: the indicators — rows in the side panel (name, value with its trend, a bar
 * over the track's range, a sparkline) and the debrief's charts. A name that does not fit
 * is never cut where names differ ("Civilian casualties (peac…" vs "(after…"): the
 * scenario's short name is used, or the name wraps to two lines, or (one-line places) the
 * middle is elided and the end kept. An open-ended track (a count with a huge maximum) gets
 * no range text and no bar, and its sparkline is scaled to its own history. */
#include "ui_int.h"
#include "fl_fmt.h"
#include "fl_i18n.h"
#include "fl_time.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PX(v) gfx_px(&u->g, (v))

static double track_prev(const fl_State *s, const fl_TrackDef *t, int i) {
  const fl_TrackState *ts = &s->tracks[i];
  if (ts->nhist >= 1 && ts->hist[ts->nhist - 1] != ts->value) return ts->hist[ts->nhist - 1];
  if (ts->nhist >= 2) return ts->hist[ts->nhist - 2];
  return ts->nhist == 1 ? t->start : ts->value;
}

static int open_ended(const fl_TrackDef *t) { return fl_def_track_open_ended(t); }

/* Percentages in whole points like the other indicators ("34%", not "33.5%"); below 1% the
 * precision fl_fmt gives ("0.35%"). */
static void fmt_value(const fl_TrackDef *t, double v, char *buf, size_t n) {
  fl_fmt_track(v, t->unit, t->unit_one, buf, n);
}

/* What track i's arrow compares with (ui_trend.c: before the person's last decision, or
 * since this turn began; an earlier turn's change never shows). */
static double trend_prev(fl_Ui *u, const fl_TrackDef *t, int i) {
  return i < UI_MAXTREND ? ui_trend_base(u, i) : track_prev(u->st, t, i);
}

/* 1200 -> "1,200"; 1e9 -> "1 bn": short numbers for ranges. */
static void fmt_short(double v, char *buf, size_t n) {
  double a = fabs(v);
  if (a >= 1e9) snprintf(buf, n, FL_TR("%g bn"), v / 1e9);
  else if (a >= 1e6) snprintf(buf, n, "%g M", v / 1e6);
  else if (a >= 1e4) snprintf(buf, n, "%gk", v / 1e3);
  else snprintf(buf, n, "%g", v);
}

/* s in one line of maxw pixels, eliding the middle so the end (where names of a family
 * differ) stays: "Civilian casualties (aftermath)" -> "Civilian cas… (aftermath)". */
static void fit_keep_end(fl_Ui *u, int font, const char *s, int maxw, char *out, size_t n) {
  gfx_Ctx *g = &u->g;
  if (gfx_text_w(g, font, s) <= maxw) { snprintf(out, n, "%s", s); return; }
  const char *tail = strrchr(s, '(');
  if (!tail || tail == s) tail = strrchr(s, ' ');
  if (!tail || tail == s || gfx_text_w(g, font, tail) > maxw * 2 / 3) { gfx_fit(g, font, s, maxw, out, n); return; }
  size_t head = (size_t)(tail - s);
  char buf[512];
  while (head > 0) {
    head--;
    while (head > 0 && (s[head] & 0xC0) == 0x80) head--; /* whole UTF-8 characters */
    snprintf(buf, sizeof buf, "%.*s\xE2\x80\xA6 %s", (int)head, s, tail[0] == ' ' ? tail + 1 : tail);
    if (gfx_text_w(g, font, buf) <= maxw) break;
  }
  snprintf(out, n, "%s", buf);
}

/* The name of a track in at most two lines: w1 pixels for the first (beside the value),
 * w2 for the second. Returns the number of lines. */
static int track_name(fl_Ui *u, const fl_TrackDef *t, int font, int w1, int w2, char *l1, char *l2, size_t n) {
  gfx_Ctx *g = &u->g;
  const char *nm = ui_track_label(t); /* the same name in every layout (the long one in the tooltip) */
  l2[0] = 0;
  if (gfx_text_w(g, font, nm) <= w1) { snprintf(l1, n, "%s", nm); return 1; }
  /* break before a parenthesis if the part before it fits, else the longest first line
   * that ends at a space */
  size_t len = strlen(nm), cut = 0;
  char buf[512];
  const char *par = strstr(nm, " (");
  int par_fits = 0;
  if (par) {
    snprintf(buf, sizeof buf, "%.*s", (int)(par - nm), nm);
    if ((par_fits = gfx_text_w(g, font, buf) <= w1)) cut = (size_t)(par - nm);
  }
  for (size_t i = 1; !par_fits && i + 1 < len && i < sizeof buf; i++) {
    if (nm[i] != ' ') continue;
    snprintf(buf, sizeof buf, "%.*s", (int)i, nm);
    if (gfx_text_w(g, font, buf) <= w1) cut = i; else break;
  }
  if (!cut) { fit_keep_end(u, font, nm, w1, l1, n); return 1; }
  snprintf(l1, n, "%.*s", (int)cut, nm);
  fit_keep_end(u, font, nm + cut + 1, w2, l2, n);
  return 2;
}

static void sparkline(fl_Ui *u, SDL_Rect r, const fl_TrackDef *t, const fl_TrackState *ts, SDL_Color c) {
  gfx_Ctx *g = &u->g;
  int n = ts->nhist + 2;
  double lo = t->min, hi = t->max;
  if (open_ended(t)) { /* relative: its own lowest to highest */
    lo = hi = t->start;
    for (int i = 0; i < ts->nhist; i++) { lo = fmin(lo, ts->hist[i]); hi = fmax(hi, ts->hist[i]); }
    lo = fmin(lo, ts->value);
    hi = fmax(hi, ts->value);
    if (hi - lo < 1e-9) { lo -= 1; hi += 1; } /* flat: a line through the middle */
  }
  if (!(hi > lo)) { lo = t->start - 1; hi = t->start + 1; }
  gfx_fill(g, (SDL_Rect){r.x, r.y + r.h, r.w, 1}, COL_LINE);
  float px = 0, py = 0;
  for (int i = 0; i < n; i++) {
    double v = i == 0 ? t->start : i <= ts->nhist ? ts->hist[i - 1] : ts->value;
    if (i == n - 1 && ts->nhist && ts->hist[ts->nhist - 1] == ts->value) { n--; break; }
    float x = r.x + (float)r.w * i / (float)(n > 1 ? n - 1 : 1);
    float y = r.y + r.h - (float)((v - lo) / (hi - lo)) * r.h;
    if (i) gfx_line(g, px, py, x, y, g->s > 1.5f ? 2.0f : 1.5f, c);
    px = x;
    py = y;
  }
  gfx_disc(g, px, py, (float)PX(2.5f), c);
}

static void trend(fl_Ui *u, float ax, float ay, int dir, SDL_Color c) {
  float a = (float)PX(4.5f);
  if (dir > 0) gfx_triangle(&u->g, ax - a, ay + a * 0.7f, ax + a, ay + a * 0.7f, ax, ay - a * 0.8f, c);
  else if (dir < 0) gfx_triangle(&u->g, ax - a, ay - a * 0.7f, ax + a, ay - a * 0.7f, ax, ay + a * 0.8f, c);
}

static void bar(fl_Ui *u, SDL_Rect r, const fl_TrackDef *t, double v, int start_tick) {
  gfx_Ctx *g = &u->g;
  gfx_round(g, r, r.h / 2, COL_CARD_HI);
  double f = t->max > t->min ? (v - t->min) / (t->max - t->min) : 0;
  f = f < 0 ? 0 : f > 1 ? 1 : f;
  SDL_Color fill = t->higher_is_better > 0 ? COL_GOOD : t->higher_is_better < 0 ? COL_BAD : COL_ACCENT;
  if ((int)(r.w * f) > 0) gfx_round(g, (SDL_Rect){r.x, r.y, (int)(r.w * f) > r.h ? (int)(r.w * f) : r.h, r.h}, r.h / 2, fill);
  if (start_tick && t->max > t->min) { /* the starting value as a tick */
    int sx = r.x + (int)(r.w * (t->start - t->min) / (t->max - t->min));
    gfx_fill(g, (SDL_Rect){sx, r.y - PX(2), 1, r.h + PX(4)}, (SDL_Color){200, 200, 200, 140});
  }
}

typedef struct Row { char val[64], l1[256], l2[256]; int lines, dir; SDL_Color tc; } Row;

/* Value, trend and name of track i for a row whose name has w1 (first line; less the value
 * when it stands beside the name) and w2 pixels. */
static void row(fl_Ui *u, int i, int font, int w1, int w2, int beside, Row *r) {
  const fl_TrackDef *t = &u->def->tracks[i];
  double v = u->st->tracks[i].value, prev = trend_prev(u, t, i);
  r->dir = v > prev + 1e-9 ? 1 : v < prev - 1e-9 ? -1 : 0;
  r->tc = r->dir == 0 || !t->higher_is_better ? COL_MUTED : r->dir * t->higher_is_better > 0 ? COL_GOOD : COL_BAD;
  fmt_value(t, v, r->val, sizeof r->val);
  int vw = beside ? gfx_text_w(&u->g, FONT_BOLD, r->val) + (r->dir ? PX(16) : 0) + PX(10) : 0;
  r->lines = track_name(u, t, font, w1 - vw, w2, r->l1, r->l2, sizeof r->l1);
}

/* Layout of the full rows: label width, sparkline width, a row's height. */
static int spark_w(fl_Ui *u) { return PX(74); }
static int row_h(fl_Ui *u, int lines) { return lines * gfx_font_h(&u->g, FONT_BODY) + PX(4) + PX(5) + PX(12); }

int ui_tracks_height(fl_Ui *u, int w) {
  int h = 0, lw = w - spark_w(u) - PX(14);
  Row r;
  for (int i = 0; i < u->def->ntrack; i++)
    if (u->def->tracks[i].visible && ui_sees(u, u->def->tracks[i].seen)) { row(u, i, FONT_BODY, lw, lw, 1, &r); h += row_h(u, r.lines); }
  return h;
}

int ui_tracks(fl_Ui *u, int x, int y, int w) {
  gfx_Ctx *g = &u->g;
  const fl_Def *d = u->def;
  int sw = spark_w(u), lw = w - sw - PX(14), bh = PX(5), fh = gfx_font_h(g, FONT_BODY);
  for (int i = 0; i < d->ntrack; i++) {
    const fl_TrackDef *t = &d->tracks[i];
    if (!t->visible || !ui_sees(u, t->seen)) continue;
    Row r;
    row(u, i, FONT_BODY, lw, lw, 1, &r);
    int nw = gfx_draw_text(g, FONT_BODY, r.l1, x, y, COL_TEXT, 0);
    if (r.lines == 2) gfx_draw_text(g, FONT_BODY, r.l2, x, y + fh, COL_TEXT, 0);
    else if (!open_ended(t)) { /* the range, where it fits */
      char rng[64], lo[24], hi[24];
      fmt_short(t->min, lo, sizeof lo);
      fmt_short(t->max, hi, sizeof hi);
      snprintf(rng, sizeof rng, "%s\xE2\x80\x93%s", lo, hi);
      int vw = gfx_text_w(g, FONT_BOLD, r.val) + (r.dir ? PX(16) : 0) + PX(10);
      if (nw + PX(8) + gfx_text_w(g, FONT_SMALL, rng) < lw - vw)
        gfx_draw_text(g, FONT_SMALL, rng, x + nw + PX(8), y + PX(2), (SDL_Color){110, 118, 128, 255}, 0);
    }
    int vx = x + lw;
    vx -= gfx_draw_text(g, FONT_BOLD, r.val, vx, y, COL_TEXT, 2) + PX(6);
    trend(u, (float)vx - PX(5), (float)(y + gfx_font_h(g, FONT_BOLD) / 2), r.dir, r.tc);
    int by = y + r.lines * fh + PX(4);
    if (!open_ended(t)) bar(u, (SDL_Rect){x, by, lw, bh}, t, u->st->tracks[i].value, 1);
    sparkline(u, (SDL_Rect){x + w - sw, y + PX(2), sw, by + bh - y - PX(2)}, t, &u->st->tracks[i], r.tc.r == COL_MUTED.r ? COL_TEXT : r.tc);
    ui_track_row(u, (SDL_Rect){x, y, w, row_h(u, r.lines)}, i); /* its tooltip says what the arrow compares with */
    y += row_h(u, r.lines);
  }
  return y;
}

/* Two columns of name, value with trend, and bar: for short windows. */
int ui_tracks_compact(fl_Ui *u, int x0, int y, int w) {
  gfx_Ctx *g = &u->g;
  const fl_Def *d = u->def;
  int colw = (w - PX(18)) / 2, sh = gfx_font_h(g, FONT_SMALL), bold = gfx_font_h(g, FONT_BOLD);
  int vis[256], nv = 0;
  for (int i = 0; i < d->ntrack && nv < 256; i++)
    if (d->tracks[i].visible && ui_sees(u, d->tracks[i].seen)) vis[nv++] = i;
  for (int k = 0; k < nv; k += 2) {
    Row r[2];
    int lines = 1;
    for (int c = 0; c < 2 && k + c < nv; c++) {
      row(u, vis[k + c], FONT_SMALL, colw, colw, 0, &r[c]); /* the name has its own line(s) here */
      if (r[c].lines > lines) lines = r[c].lines;
    }
    for (int c = 0; c < 2 && k + c < nv; c++) {
      const fl_TrackDef *t = &d->tracks[vis[k + c]];
      int x = x0 + c * (colw + PX(18));
      gfx_draw_text(g, FONT_SMALL, r[c].l1, x, y, COL_MUTED, 0);
      if (r[c].lines == 2) gfx_draw_text(g, FONT_SMALL, r[c].l2, x, y + sh, COL_MUTED, 0);
      int vy = y + lines * sh;
      int vw = gfx_draw_text(g, FONT_BOLD, r[c].val, x, vy, COL_TEXT, 0) + PX(6);
      if (r[c].dir) { trend(u, (float)(x + vw + PX(5)), (float)(vy + bold / 2), r[c].dir, r[c].tc); vw += PX(16); }
      int bx = x + vw + PX(4), bw = colw - vw - PX(4), bh = PX(5);
      if (bw > PX(20) && !open_ended(t)) bar(u, (SDL_Rect){bx, vy + bold / 2 - bh / 2, bw, bh}, t, u->st->tracks[vis[k + c]].value, 0);
      ui_track_row(u, (SDL_Rect){x, y, colw, lines * sh + bold + PX(10)}, vis[k + c]);
    }
    y += lines * sh + bold + PX(10);
  }
  return y + PX(4);
}

SDL_Color ui_fork_color(int k) {
  /* the forks' colours (up to UI_MAXFORK); "among many" has its own palette (ui_among_color) */
  static const uint32_t pal[] = {0x5FA8D3, 0xE07A5F, 0xB39DDB, 0x6CC4A1, 0xE8A0BF, 0xA3B18A, 0x8E9AAF, 0x81B1FF, 0xD8747F,
                                 0x9ADBE8, 0xC9A66B, 0xEEEEEE, 0x2A9D8F, 0xF4A261, 0x9B5DE5, 0x4361EE, 0xB5E48C, 0xFF595E};
  return gfx_rgb(pal[k % (int)(sizeof pal / sizeof pal[0])]);
}

void ui_track_chart(fl_Ui *u, SDL_Rect r, int ti) { ui_track_chart_more(u, r, ti, NULL, NULL, 0, 0); }

/* ---- the debrief's time axis --------------------------------------------------------- */

/* The time axis of a chart: from the scenario's start to the last date of any line. Games
 * whose turns grow long at the end (years of aftermath after months of decisions) would
 * squeeze the months the student played into the left edge: then the dense part, d0 to brk,
 * takes PLAYED_PCT of the width and the long tail the rest, past a marked gap; each part is
 * linear and labels its own round dates where they stand. */
enum { PLAYED_PCT = 72 };
typedef struct Axis { int32_t d0, d1, brk; int broken, ax, aw, bx, gap; } Axis;

static float axis_x(const Axis *a, int32_t date) {
  if (!a->broken) return a->ax + (float)a->aw * (float)(date - a->d0) / (float)(a->d1 - a->d0);
  if (date <= a->brk) return a->ax + (float)(a->bx - a->ax) * (float)(date - a->d0) / (float)(a->brk - a->d0);
  int x2 = a->bx + a->gap;
  return x2 + (float)(a->ax + a->aw - x2) * (float)(date - a->brk) / (float)(a->d1 - a->brk);
}

/* Where a game's dates p[0..m-1] end a dense part and a tail of long turns begins: the first
 * turn at least half as long as the longest, after three or more shorter ones (a quarter of
 * the longest on average at most), when such long turns fill four fifths of the time after
 * it (a war of days at the tail's end does not undo it). Without such a tail: the last date. */
static int32_t dense_end(const int32_t *p, int m) {
  if (m < 2) return m ? p[m - 1] : 0;
  int32_t lmax = 0, end = p[m - 1];
  for (int j = 0; j + 1 < m; j++) if (p[j + 1] - p[j] > lmax) lmax = p[j + 1] - p[j];
  for (int j = 3; j + 1 < m; j++) {
    if (2 * (int64_t)(p[j + 1] - p[j]) < lmax || 2 * (int64_t)(p[j] - p[j - 1]) >= lmax) continue;
    if (4 * (int64_t)(p[j] - p[0]) > (int64_t)lmax * j) continue;
    int64_t lng = 0;
    for (int k = j; k + 1 < m; k++) if (2 * (int64_t)(p[k + 1] - p[k]) >= lmax) lng += p[k + 1] - p[k];
    if (5 * lng >= 4 * (int64_t)(end - p[j])) return p[j];
  }
  return end;
}

/* Each game's turn dates for track ti (games[k] and dates[k]: the forks, then the game as
 * played), the axis' ends and its break: the latest end of any game's dense part, when the
 * tails after it would leave the dense parts less than half the width. Returns the number of
 * games; the caller frees dates[0..n-1]. */
static int axis_games(fl_Ui *u, int ti, const fl_State *const *more, int nmore, const fl_State **games, int32_t **dates, Axis *xa) {
  int ng = 0;
  int32_t brk = u->def->start_date;
  xa->d0 = u->def->start_date;
  xa->d1 = u->st->date;
  for (int k = 0; k <= nmore && k <= UI_MAXFORK; k++) {
    const fl_State *s = k < nmore ? more[k] : u->st;
    if (!s) continue;
    int nh = s->tracks[ti].nhist;
    if (!(dates[ng] = malloc(sizeof **dates * (size_t)(nh + 1)))) break;
    games[ng] = s;
    ui_turn_dates(u->def, s, dates[ng], nh);
    int m = nh;
    if (!m || s->date > dates[ng][m - 1]) dates[ng][m++] = s->date; /* the game's last date, for its tail */
    int32_t e = dense_end(dates[ng], m);
    if (e > brk) brk = e;
    if (dates[ng][m - 1] > xa->d1) xa->d1 = dates[ng][m - 1];
    ng++;
  }
  if (xa->d1 <= xa->d0) xa->d1 = xa->d0 + 1;
  xa->brk = brk;
  xa->broken = brk > xa->d0 && 2 * (int64_t)(brk - xa->d0) < (int64_t)(xa->d1 - xa->d0);
  return ng;
}

int ui_chart_break(fl_Ui *u, const fl_State *const *more, int nmore, int32_t *brk) {
  const fl_State *games[UI_MAXFORK + 1];
  int32_t *dates[UI_MAXFORK + 1] = {0};
  Axis xa;
  if (!u->def->ntrack) return 0;
  int ng = axis_games(u, 0, more, nmore, games, dates, &xa);
  for (int k = 0; k < ng; k++) free(dates[k]);
  *brk = xa.brk;
  return xa.broken;
}

/* The break's mark: two short slanted strokes over the axis line at x. */
void ui_chart_break_mark(fl_Ui *u, int x, int y, SDL_Color c) {
  float a = (float)PX(3), h = (float)PX(5);
  for (int k = 0; k < 2; k++) gfx_line(&u->g, x + k * a * 1.6f - a / 2, y + h, x + k * a * 1.6f + a / 2, y - h, (float)PX(1.5f), c);
}

/* One game's line, each point at its date: the track's start, then its value after every
 * turn at that turn's date (dates: ui_turn_dates, one per value in the history). */
static void chart_line(fl_Ui *u, const fl_TrackDef *t, const fl_TrackState *ts, const int32_t *dates, const Axis *xa, int ay, int ah,
                       double lo, double hi, SDL_Color c, float wid) {
  gfx_Ctx *g = &u->g;
  float px = 0, py = 0;
  int n = ts->nhist + 1;
  for (int i = 0; i < n; i++) {
    double v = i == 0 ? t->start : ts->hist[i - 1];
    float x = axis_x(xa, i == 0 ? u->def->start_date : dates[i - 1]), y = ay + ah - (float)((v - lo) / (hi - lo)) * ah;
    if (i) gfx_line(g, px, py, x, y, wid, c);
    if (n <= 24 || i == n - 1) gfx_disc(g, x, y, wid + (float)PX(0.5f), c);
    px = x;
    py = y;
  }
}

/* Round dates from d0 to d1 under the axis between x0 and x1 (years, or months for a short
 * span), as many as fit; never a label on another (*last: where the last one ends). start:
 * d0's own label at x0 (where every line begins) unless the first round date needs the
 * place. Each label drawn is added to ck (tests: "2026@512"). */
static void seg_ticks(fl_Ui *u, const Axis *xa, int32_t d0, int32_t d1, int x0, int x1, int ay, int ah, int *last, int start, char *ck, size_t nck) {
  gfx_Ctx *g = &u->g;
  int32_t tk[16];
  int monthly, long_span = d1 - d0 > 3 * 366, sw = x1 - x0;
  int lw = gfx_text_w(g, FONT_SMALL, long_span ? "2030" : "Mar 2025") + PX(long_span ? 18 : 10);
  int maxn = sw / lw < 16 ? sw / lw : 16;
  if (!maxn && long_span && sw + PX(6) >= gfx_text_w(g, FONT_SMALL, "2030")) maxn = 1; /* a narrow part: one year */
  int nt = ui_date_ticks(d0, d1, maxn, tk, &monthly);
  if (!long_span && (!nt || !monthly)) { /* years, counted as years' labels: as many as fit */
    int32_t ty[16];
    int ym, yw = gfx_text_w(g, FONT_SMALL, "2030") + PX(12), ny = ui_date_ticks(d0, d1, sw / yw < 16 ? sw / yw : 16, ty, &ym);
    if (!ym && ny > nt) {
      memcpy(tk, ty, sizeof ty);
      nt = ny;
      monthly = 0;
    }
  }
  char b[48];
  size_t at = strlen(ck);
  if (start) {
    ui_date_tick_label(d0, monthly, b, sizeof b);
    int w0 = gfx_text_w(g, FONT_SMALL, b);
    if (nt == 0 || (int)axis_x(xa, tk[0]) - gfx_text_w(g, FONT_SMALL, b) / 2 > x0 + w0 + PX(6)) {
      *last = x0 + gfx_draw_text(g, FONT_SMALL, b, x0, ay + ah + PX(4), COL_MUTED, 0);
      if (at < nck) at += (size_t)snprintf(ck + at, nck - at, " %s@%d", b, x0);
    }
  }
  for (int k = 0; k < nt; k++) {
    ui_date_tick_label(tk[k], monthly, b, sizeof b);
    int x = (int)axis_x(xa, tk[k]), w = gfx_text_w(g, FONT_SMALL, b), l = x - w / 2;
    if (l + w > xa->ax + xa->aw + PX(6)) l = xa->ax + xa->aw + PX(6) - w;
    if (l < *last + PX(6)) continue; /* never two labels on each other */
    gfx_fill(g, (SDL_Rect){x, ay, 1, ah}, (SDL_Color){255, 255, 255, 14});
    gfx_fill(g, (SDL_Rect){x, ay + ah, 1, PX(3)}, COL_LINE);
    gfx_draw_text(g, FONT_SMALL, b, l, ay + ah + PX(4), COL_MUTED, 0);
    *last = l + w;
    if (at < nck) at += (size_t)snprintf(ck + at, nck - at, " %s@%d", b, x);
  }
}

/* The grid, the break and the dates under the plot at (ax, ay), ah tall. */
static void time_axis(fl_Ui *u, Axis *xa, int ay, int ah, char *ck, size_t nck) {
  gfx_Ctx *g = &u->g;
  int last = xa->ax - PX(40), end = xa->ax + xa->aw;
  SDL_Color grid = {255, 255, 255, 14};
  if (!xa->broken) {
    for (int k = 0; k <= 4; k++) gfx_fill(g, (SDL_Rect){xa->ax, ay + ah * k / 4, xa->aw, 1}, k == 4 ? COL_LINE : grid);
    seg_ticks(u, xa, xa->d0, xa->d1, xa->ax, end, ay, ah, &last, 1, ck, nck);
    return;
  }
  /* the tail a shade darker, beyond a gap with the break's mark on the axis line */
  int x2 = xa->bx + xa->gap;
  gfx_fill(g, (SDL_Rect){x2, ay, end - x2, ah}, (SDL_Color){0, 0, 0, 40});
  for (int k = 0; k <= 4; k++) {
    SDL_Color c = k == 4 ? COL_LINE : grid;
    gfx_fill(g, (SDL_Rect){xa->ax, ay + ah * k / 4, xa->bx - xa->ax, 1}, c);
    gfx_fill(g, (SDL_Rect){x2, ay + ah * k / 4, end - x2, 1}, c);
  }
  ui_chart_break_mark(u, xa->bx + (xa->gap - PX(5)) / 2, ay + ah, COL_MUTED);
  seg_ticks(u, xa, xa->d0, xa->brk, xa->ax, xa->bx, ay, ah, &last, 1, ck, nck);
  seg_ticks(u, xa, xa->brk, xa->d1, x2, end, ay, ah, &last, 0, ck, nck);
}

/* ---- a chart's header ---------------------------------------------------------------- */

/* The forks' final values in their colours (as the game's own: "US$0 M", "34%"; bare numbers
 * when short): their total width. */
static int fork_values(fl_Ui *u, int ti, const fl_State *const *more, int nmore, char fv[][64], int bare) {
  const fl_TrackDef *t = &u->def->tracks[ti];
  int fws = 0;
  for (int k = 0; k < nmore && k < UI_MAXFORK; k++) {
    if (!more[k]) continue;
    double v = more[k]->tracks[ti].value;
    if (bare) fmt_short(fabs(v) >= 100 ? round(v) : v, fv[k], sizeof fv[k]); /* "995", not "994.794" */
    else fmt_value(t, v, fv[k], sizeof fv[k]);
    fws += gfx_text_w(&u->g, FONT_SMALL, fv[k]) + PX(8);
  }
  return fws;
}

/* How a chart's header is laid out: the name in full on one or two lines of a font (bold, or
 * smaller where the chart is small), the game's final value and the forks'. */
enum { H_BESIDE_FORKS, H_BESIDE, H_TWO, H_OVER }; /* the name beside the value and the forks; beside the value; two lines,
                                                     the first beside it; the whole width, over a row of the values */
typedef struct Head {
  char l1[256], l2[256], val[64];
  int lines, font, rank, kind, cut, h; /* the name: its lines and font; the layout; its height */
  int vf, vw, nw, inner, fws, fbare, bare, frow; /* the value's font and width, the name's room beside it; the forks' values' */
} Head;
static const int HEAD_FONTS[3] = {FONT_BOLD, FONT_LABEL_B, FONT_SMALL};

/* The name in h on one or two lines of w1 and w2 pixels (w2 0: one line): 1 when in full. */
static int head_name(fl_Ui *u, const fl_TrackDef *t, int font, int w1, int w2, Head *h) {
  char b[520];
  h->font = font;
  h->lines = track_name(u, t, font, w1, w2 ? w2 : 1, h->l1, h->l2, sizeof h->l1);
  snprintf(b, sizeof b, h->lines == 2 ? "%s %s" : "%s", h->l1, h->l2);
  return !strcmp(b, ui_track_label(t)) && (w2 || h->lines == 1);
}

/* Where the forks' values go: beside the name (H_BESIDE_FORKS), on a row of their own, or in
 * H_OVER's row beside the value (the value in the small font, or the forks' numbers bare,
 * when that makes them fit). Then the header's height. */
static void head_fit(fl_Ui *u, Head *h) {
  gfx_Ctx *g = &u->g;
  int fh = gfx_font_h(g, h->font), sh = gfx_font_h(g, FONT_SMALL), vs = gfx_text_w(g, FONT_SMALL, h->val);
  h->frow = h->fws && h->kind != H_BESIDE_FORKS;
  h->bare = h->frow && h->fws > h->inner;
  if (h->kind == H_OVER && h->fws) {
    if (h->fws + h->vw + PX(10) <= h->inner) h->frow = 0;
    else if (h->fws + vs + PX(10) <= h->inner) { h->frow = 0; h->vf = FONT_SMALL; h->vw = vs; }
    else if (h->fbare + vs + PX(10) <= h->inner) { h->frow = 0; h->bare = 1; h->vf = FONT_SMALL; h->vw = vs; }
  }
  int vh = gfx_font_h(g, h->vf);
  h->h = h->lines * fh + (h->kind == H_OVER ? (vh > sh ? vh : sh) : 0) + (h->frow ? sh + (h->kind == H_OVER ? PX(2) : 0) : 0);
}

/* Plans the header of track ti's chart, inner pixels wide, in a font no larger than
 * HEAD_FONTS[rank0]: its name in full (never cut where the chart has room for it on two
 * lines), its final value, the forks'. The first layout whose height is at most maxh (the
 * plot keeps its room) wins, in this order per font: one line beside the value (and the
 * forks' values when they fit there too), two lines with the first beside the value, the
 * whole width over a row of the values; when none is that low, the lowest. */
static void head_plan(fl_Ui *u, int inner, int ti, const fl_State *const *more, int nmore, int maxh, int rank0, Head *out) {
  gfx_Ctx *g = &u->g;
  const fl_TrackDef *t = &u->def->tracks[ti];
  char fv[UI_MAXFORK][64];
  Head h = {0}, best = {0};
  fmt_value(t, u->st->tracks[ti].value, h.val, sizeof h.val);
  /* a narrow chart (a short window) keeps room for the name: the value in the small font */
  int vf = inner - gfx_text_w(g, FONT_BOLD, h.val) - PX(10) < PX(64) ? FONT_SMALL : FONT_BOLD, vw = gfx_text_w(g, vf, h.val);
  h.nw = inner - vw - PX(10);
  h.fws = fork_values(u, ti, more, nmore, fv, 0);
  h.fbare = fork_values(u, ti, more, nmore, fv, 1);
  h.inner = inner;
  best.h = -1;
  for (int r = rank0 < 0 ? 0 : rank0 > 2 ? 2 : rank0; r < 3; r++) {
    int f = HEAD_FONTS[r];
    h.rank = r;
    for (h.kind = H_BESIDE_FORKS; h.kind <= H_OVER; h.kind++) {
      h.vf = vf;
      h.vw = vw;
      int ok = h.kind == H_BESIDE_FORKS ? h.fws && h.nw - h.fws >= PX(60) && head_name(u, t, f, h.nw - h.fws, 0, &h)
             : h.kind == H_BESIDE ? head_name(u, t, f, h.nw, 0, &h)
             : h.kind == H_TWO ? head_name(u, t, f, h.nw, inner, &h) && h.lines == 2
             : head_name(u, t, f, inner, inner, &h);
      if (!ok) continue;
      head_fit(u, &h);
      if (h.h <= maxh) { *out = h; return; }
      if (best.h < 0 || h.h < best.h) best = h;
    }
  }
  if (best.h < 0) { /* too narrow even for the smallest font on two lines: elided (the tests look for it) */
    best = h;
    best.kind = H_OVER;
    best.rank = 2;
    best.vf = vf;
    best.vw = vw;
    head_name(u, t, FONT_SMALL, inner, inner, &best);
    best.cut = 1;
    head_fit(u, &best);
  }
  *out = best;
}

/* Draws the header planned in h at the top of r; returns the y under it. */
static int head_draw(fl_Ui *u, SDL_Rect r, int pad, int ti, const fl_State *const *more, const SDL_Color *cols, int nmore, const Head *h) {
  gfx_Ctx *g = &u->g;
  int x = r.x + pad, y = r.y + pad, fh = gfx_font_h(g, h->font), sh = gfx_font_h(g, FONT_SMALL), vh = gfx_font_h(g, h->vf);
  int right = r.x + r.w - pad, over = h->kind == H_OVER;
  char fv[UI_MAXFORK][64];
  int fws = fork_values(u, ti, more, nmore, fv, h->bare);
  /* the value level with the middle of the name's first line */
  int vdy = (fh - vh) / 2 > 0 ? (fh - vh) / 2 : 0;
  gfx_draw_text(g, h->font, h->l1, x, y, COL_TEXT, 0);
  if (!over) gfx_draw_text(g, h->vf, h->val, right, y + vdy, COL_ACCENT, 2);
  if (h->lines == 2) gfx_draw_text(g, h->font, h->l2, x, y + fh, COL_TEXT, 0);
  y += h->lines * fh;
  int fx = x, fy = y + PX(2);
  if (h->kind == H_BESIDE_FORKS) { fx = x + h->nw - fws + PX(8); fy = r.y + pad + PX(2); }
  if (over) {
    gfx_draw_text(g, h->vf, h->val, right, y + PX(2), COL_ACCENT, 2);
    fy = h->frow ? y + (vh > sh ? vh : sh) + PX(4) : y + PX(2) + vh - sh;
    y += (vh > sh ? vh : sh) + (h->frow ? PX(2) : 0);
  }
  for (int k = 0; k < nmore && k < UI_MAXFORK; k++) {
    if (!more[k]) continue;
    fx += gfx_draw_text(g, FONT_SMALL, fv[k], fx, fy, cols[k], 0) + PX(8);
  }
  if (h->frow) y += sh;
  return y;
}

/* The chart's padding, and the height it keeps for a plot (with its dates) under the header. */
static int chart_pad(fl_Ui *u, SDL_Rect r) { return r.h < PX(120) ? PX(8) : PX(10); }
static int chart_room(fl_Ui *u, SDL_Rect r) { return r.h - 3 * chart_pad(u, r) - gfx_font_h(&u->g, FONT_SMALL) - PX(4); }

int ui_chart_head_rank(fl_Ui *u, SDL_Rect r, int ti, const fl_State *const *more, int nmore) {
  Head h;
  head_plan(u, r.w - 2 * chart_pad(u, r), ti, more, nmore, chart_room(u, r) - PX(32), 0, &h);
  return h.rank;
}

/* ---- a chart ------------------------------------------------------------------------- */

void ui_track_chart_more(fl_Ui *u, SDL_Rect r, int ti, const fl_State *const *more, const SDL_Color *cols, int nmore, int rank) {
  gfx_Ctx *g = &u->g;
  const fl_TrackDef *t = &u->def->tracks[ti];
  const fl_TrackState *ts = &u->st->tracks[ti];
  gfx_round(g, r, PX(6), gfx_mix(COL_CARD, COL_PANEL, 0.4f));
  int pad = chart_pad(u, r);
  Head h;
  head_plan(u, r.w - 2 * pad, ti, more, nmore, chart_room(u, r) - PX(32), rank, &h);
  int hy = head_draw(u, r, pad, ti, more, cols, nmore, &h);
  int ax = r.x + pad + PX(38), ay = hy + pad;
  int aw = r.x + r.w - pad - ax, ah = r.y + r.h - pad - gfx_font_h(g, FONT_SMALL) - PX(4) - ay;
  static int check = -1; /* tests: where the chart put its name, its axis and its dates */
  if (check < 0) check = getenv("FLANK_CHART_CHECK") != NULL;
  char ck[1024] = "";
  if (aw < 10 || ah < 10) {
    if (check) fprintf(stderr, "chart: %s box %d,%d,%d,%d title '%s|%s' of '%s'%s no plot\n", t->id, r.x, r.y, r.w, r.h, h.l1, h.l2,
                       ui_track_label(t), h.cut ? " cut" : "");
    return;
  }
  double lo = t->min, hi = t->max, dmin = t->start, dmax = t->start;
  for (int i = 0; i < ts->nhist; i++) { if (ts->hist[i] < dmin) dmin = ts->hist[i]; if (ts->hist[i] > dmax) dmax = ts->hist[i]; }
  for (int k = 0; k < nmore; k++) {
    if (!more[k]) continue;
    const fl_TrackState *fs = &more[k]->tracks[ti];
    for (int i = 0; i < fs->nhist; i++) { if (fs->hist[i] < dmin) dmin = fs->hist[i]; if (fs->hist[i] > dmax) dmax = fs->hist[i]; }
  }
  if (!(hi > lo)) { lo = dmin - 1; hi = dmax + 1; }
  if (dmax > dmin && dmax - dmin < 0.1 * (hi - lo)) {
    /* the data use a sliver of the declared range: zoom to the data */
    double p = (dmax - dmin) * 0.15, step = pow(10, floor(log10((dmax - dmin) * 1.3)));
    lo = floor((dmin - p) / step) * step;
    hi = ceil((dmax + p) / step) * step;
    if (lo < t->min) lo = t->min;
    if (hi > t->max) hi = t->max;
  } else if (dmax == dmin && hi - lo > 1000) {
    /* a flat line on a huge range (e.g. casualties that stayed 0): a small axis around it */
    double span = dmin != 0 ? fabs(dmin) * 0.5 : 10;
    lo = dmin - (dmin > t->min ? span : 0);
    hi = dmax + span;
    if (lo < t->min) lo = t->min;
    if (hi > t->max) hi = t->max;
  }
  char b[32];
  fmt_short(hi, b, sizeof b);
  gfx_draw_text(g, FONT_SMALL, b, ax - PX(6), ay - gfx_font_h(g, FONT_SMALL) / 2, COL_MUTED, 2);
  fmt_short(lo, b, sizeof b);
  gfx_draw_text(g, FONT_SMALL, b, ax - PX(6), ay + ah - gfx_font_h(g, FONT_SMALL) / 2, COL_MUTED, 2);
  /* every line on one time axis: a game's turns may be months, then days, then years */
  int32_t *dates[UI_MAXFORK + 1] = {0};
  const fl_State *games[UI_MAXFORK + 1];
  Axis xa;
  int ng = axis_games(u, ti, more, nmore, games, dates, &xa);
  xa.ax = ax;
  xa.aw = aw;
  xa.gap = PX(8);
  /* the tail: wide enough for a year's label, at most two fifths */
  int tail = (aw - xa.gap) * (100 - PLAYED_PCT) / 100, yl = gfx_text_w(g, FONT_SMALL, "2030") + PX(10);
  if (tail < yl) tail = yl < (aw - xa.gap) * 2 / 5 ? yl : (aw - xa.gap) * 2 / 5;
  xa.bx = ax + aw - xa.gap - tail;
  time_axis(u, &xa, ay, ah, ck, sizeof ck);
  /* with forks the game as played is the gold line and each fork its colour, drawn under it */
  SDL_Color c = nmore ? COL_ACCENT : t->higher_is_better > 0 ? COL_GOOD : t->higher_is_better < 0 ? COL_BAD : COL_ACCENT;
  for (int k = 0; k < ng; k++) {
    int mine = games[k] == u->st, ci = 0;
    for (int j = 0; j < nmore; j++) if (more[j] == games[k]) ci = j;
    chart_line(u, t, &games[k]->tracks[ti], dates[k], &xa, ay, ah, lo, hi, mine ? c : cols[ci], (float)PX(mine ? 2 : 1.5f));
  }
  for (int k = 0; k < ng; k++) free(dates[k]);
  if (check) {
    int y0, m0, d0, y1, m1, d1, yb, mb, db;
    fl_date_split(xa.d0, &y0, &m0, &d0);
    fl_date_split(xa.d1, &y1, &m1, &d1);
    fl_date_split(xa.brk, &yb, &mb, &db);
    char line[2048];
    snprintf(line, sizeof line, "chart: %s box %d,%d,%d,%d title '%s|%s' of '%s'%s axis %d-%d dates %04d-%02d-%02d..%04d-%02d-%02d",
             t->id, r.x, r.y, r.w, r.h, h.l1, h.l2, ui_track_label(t), h.cut ? " cut" : "", ax, ax + aw, y0, m0, d0, y1, m1, d1);
    size_t at = strlen(line);
    if (xa.broken) snprintf(line + at, sizeof line - at, " break %04d-%02d-%02d at %d-%d", yb, mb, db, xa.bx, xa.bx + xa.gap);
    at = strlen(line);
    snprintf(line + at, sizeof line - at, " ticks%s", ck);
    static char seen[64][2048]; /* once per change, not every frame */
    if (ti >= 64 || strcmp(seen[ti], line)) {
      fprintf(stderr, "%s\n", line);
      if (ti < 64) snprintf(seen[ti], sizeof seen[ti], "%s", line);
    }
  }
}
