/* ui_scatter: the chart of the debrief's "Among many" (ui_among.c lays out the tab around
 * it). Each policy's games as a cloud of dots in a colour of a qualitative palette (Tableau
 * 10, its yellow swapped for a sky blue: the student's own marker is gold), the same colour
 * as its legend entry; each policy's average game as a disc, and the best trade-offs: the
 * policies whose average no other policy's beats on both axes (the Pareto frontier between
 * the policies, as flank batch --plot draws it), ringed and joined by a dashed line and
 * named. Games that ended otherwise than the most common ending are hollow when they sit
 * apart from the rest (games with a war and without, in the flagship), so a cloud that
 * splits in two reads as such. The student's game is a gold diamond whose label goes where
 * it covers no dot (with a leader line when it stands off). The mouse over a dot or an
 * average lights that policy and names it. FLANK_CHART_CHECK reports all of it on stderr. */
#include "ui_int.h"
#include "fl_i18n.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PX(v) gfx_px(&u->g, (v))

static const char *const T_YOU = FL_N("Your game"),
  /* TRANSLATORS: the chart's legend: the disc drawn at the average of each policy's games */
  *const T_MEAN = FL_N("a policy's average"),
  /* TRANSLATORS: the chart's legend: the dashed line through the policies no other beats on both axes (the caption explains it) */
  *const T_BEST = FL_N("best trade-offs"),
  /* TRANSLATORS: under the mouse, a dot of the chart: one game of the policy named above it */
  *const T_ONE = FL_N("One of its games: it ended \xE2\x80\x9C%s\xE2\x80\x9D."),
  /* TRANSLATORS: under the mouse, a policy's disc on the chart */
  *const T_AVG = FL_N("The average of its games.");

static const SDL_Color DARK = {20, 22, 26, 255};

/* Tableau 10 with its yellow (the gold of the student's marker) swapped for a sky blue: ten
 * colours a reader tells apart on the dark chart (CIEDE2000 18 or more between any two);
 * then ten more saturated ones, as far from those and each other as could be found, for
 * larger sets (16 or more between any two of the twenty). */
SDL_Color ui_among_color(int s) {
  static const uint32_t pal[] = {0x4E79A7, 0xF28E2B, 0xE15759, 0x76B7B2, 0x59A14F, 0xB07AA1, 0xFF9DA7, 0x9C755F, 0x4FC3F7, 0xBAB0AC,
                                 0xAAFF00, 0x00FFBB, 0xBBBBFF, 0xEE00FF, 0xFF99FF, 0x00FFFF, 0x9977FF, 0xDDFFBB, 0xFF3399, 0xFF5511};
  return gfx_rgb(pal[(s < 0 ? 0 : s) % (int)(sizeof pal / sizeof pal[0])]);
}

static double val(const fl_UiAmong *a, size_t i, int t) { return a->val[i * (size_t)a->ntrack + (size_t)t]; }

/* 1200 -> "1200", 25000 -> "25k", 3e6 -> "3 M": tick labels that stay short. */
static void tick_text(double v, char *b, size_t n) {
  double a = fabs(v);
  if (a >= 1e6) snprintf(b, n, "%g M", v / 1e6);
  else if (a >= 1e4) snprintf(b, n, "%gk", v / 1e3);
  else snprintf(b, n, "%g", fabs(v) < 1e-9 ? 0 : v);
}

/* The smallest round step (1, 2, 2.5 or 5 times a power of ten) that cuts span into at most
 * 4.5 parts: three to five ticks for most spans, never more. */
static double nice_step(double span) {
  static const double m[] = {1, 2, 2.5, 5, 10};
  double p = pow(10, floor(log10(span / 4.5)));
  for (int k = 0; k < 5; k++)
    if (span / (m[k] * p) <= 4.5) return m[k] * p;
  return 10 * p;
}

void ui_plot_layout(fl_Ui *u, SDL_Rect r, int xt, int yt, ui_Plot *pl) {
  gfx_Ctx *g = &u->g;
  const fl_Def *d = u->def;
  const fl_UiAmong *a = &u->t.res;
  memset(pl, 0, sizeof *pl);
  pl->r = r;
  pl->xt = xt;
  pl->yt = yt;
  double you_x = u->st->tracks[xt].value, you_y = u->st->tracks[yt].value;
  double x0 = you_x, x1 = you_x, y0 = you_y, y1 = you_y;
  for (size_t i = 0; i < a->n; i++) {
    double vx = val(a, i, xt), vy = val(a, i, yt);
    x0 = vx < x0 ? vx : x0;
    x1 = vx > x1 ? vx : x1;
    y0 = vy < y0 ? vy : y0;
    y1 = vy > y1 ? vy : y1;
  }
  /* every game alike on a track (no casualties in any): a few units above it, none below its
   * minimum (no "-0.5 casualties" tick) */
  const fl_TrackDef *tdx = &d->tracks[xt], *tdy = &d->tracks[yt];
  if (x1 - x0 < 1e-9) { x0 = x0 - 4 >= tdx->min ? x0 - 4 : x0; x1 += 4; }
  if (y1 - y0 < 1e-9) { y0 = y0 - 4 >= tdy->min ? y0 - 4 : y0; y1 += 4; }
  double px = (x1 - x0) * 0.06, py = (y1 - y0) * 0.08;
  pl->x0 = x0 - px; pl->x1 = x1 + px; pl->y0 = y0 - py; pl->y1 = y1 + py;
  /* top to bottom: the y axis' title, the plot, the x ticks, the x axis' title, the legend */
  int lab = gfx_font_h(g, FONT_SMALL), yw = 0; /* the widest y tick label */
  double sty = nice_step(pl->y1 - pl->y0);
  char b[64];
  for (double v = ceil(pl->y0 / sty) * sty; v <= pl->y1; v += sty) {
    tick_text(v, b, sizeof b);
    int w = gfx_text_w(g, FONT_SMALL, b);
    yw = w > yw ? w : yw;
  }
  pl->p = (SDL_Rect){r.x + yw + PX(18), r.y + lab + PX(12), 0, 0};
  pl->p.w = r.x + r.w - PX(14) - pl->p.x;
  pl->p.h = r.y + r.h - pl->p.y - 3 * lab - PX(26);
  pl->ok = pl->p.w >= PX(60) && pl->p.h >= PX(40);
  pl->ds = PX(3) > 2 ? PX(3) : 2;
  pl->jit = PX(5);
}

static float sx(const ui_Plot *pl, double v) { return pl->p.x + (float)((v - pl->x0) / (pl->x1 - pl->x0)) * pl->p.w; }
static float sy(const ui_Plot *pl, double v) { return pl->p.y + pl->p.h - (float)((v - pl->y0) / (pl->y1 - pl->y0)) * pl->p.h; }

/* Game i's dot: its place and a few pixels of fixed jitter (a hash of the game), so that games
 * with the same result show as a crowd. */
static void dot_at(const fl_UiAmong *a, const ui_Plot *pl, size_t i, int *x, int *y) {
  uint32_t hsh = (uint32_t)i * 2654435761u;
  int j = pl->jit, jx = (int)(hsh >> 24) % (2 * j + 1) - j, jy = (int)((hsh >> 16) & 255) % (2 * j + 1) - j;
  *x = (int)sx(pl, val(a, i, pl->xt)) + jx;
  *y = (int)sy(pl, val(a, i, pl->yt)) + jy;
}

/* Each set's average game, in data. */
static void means(const fl_UiAmong *a, const ui_Plot *pl, double *mx, double *my) {
  for (int s = 0; s < a->nset; s++) {
    double x = 0, y = 0;
    for (size_t k = 0; k < a->runs; k++) {
      x += val(a, (size_t)s * a->runs + k, pl->xt);
      y += val(a, (size_t)s * a->runs + k, pl->yt);
    }
    mx[s] = a->runs ? x / (double)a->runs : 0;
    my[s] = a->runs ? y / (double)a->runs : 0;
  }
}

int ui_among_split(const fl_Ui *u, int xt, int yt, int *main_end) {
  const fl_UiAmong *a = &u->t.res;
  const fl_Def *d = u->def;
  int ne = d->nending < 64 ? d->nending : 64, cnt[64] = {0}, best = -1;
  *main_end = -1;
  if (!a->ending || !a->n) return 0;
  for (size_t i = 0; i < a->n; i++)
    if (a->ending[i] >= 0 && a->ending[i] < ne) cnt[a->ending[i]]++;
  for (int e = 0; e < ne; e++)
    if (cnt[e] && (best < 0 || cnt[e] > cnt[best])) best = e;
  if (best < 0) return 0;
  *main_end = best;
  /* the two kinds' centres, each axis as a share of the games' range */
  double lo[2] = {1e300, 1e300}, hi[2] = {-1e300, -1e300}, c[2][2] = {{0, 0}, {0, 0}};
  size_t m[2] = {0, 0};
  for (size_t i = 0; i < a->n; i++) {
    int k = a->ending[i] != best;
    double v[2] = {val(a, i, xt), val(a, i, yt)};
    for (int t = 0; t < 2; t++) {
      lo[t] = v[t] < lo[t] ? v[t] : lo[t];
      hi[t] = v[t] > hi[t] ? v[t] : hi[t];
      c[k][t] += v[t];
    }
    m[k]++;
  }
  if (m[1] * 100 < a->n || !m[0]) return 0; /* under 1% of the games: no second kind to speak of */
  double dist = 0;
  for (int t = 0; t < 2; t++) {
    double span = hi[t] - lo[t], dd = span > 1e-9 ? (c[0][t] / (double)m[0] - c[1][t] / (double)m[1]) / span : 0;
    dist += dd * dd;
  }
  return sqrt(dist) > 0.2; /* a fifth of the chart between their centres: two clumps */
}

/* The set whose dot or average is under the mouse (-1: none); *game is the game, or
 * (size_t)-1 for the average. */
int ui_plot_hover(fl_Ui *u, const ui_Plot *pl, size_t *game) {
  const fl_UiAmong *a = &u->t.res;
  *game = (size_t)-1;
  if (!pl->ok || !ui_hovered(u, pl->p) || !a->nset) return -1;
  double mx[64], my[64];
  int ns = a->nset < 64 ? a->nset : 64, best = -1;
  means(a, pl, mx, my);
  long bd = (long)PX(8) * PX(8) + 1;
  for (int s = 0; s < ns; s++) { /* an average first: it stands over the dots */
    long dx = (long)sx(pl, mx[s]) - u->mx, dy = (long)sy(pl, my[s]) - u->my;
    if (dx * dx + dy * dy < bd) { bd = dx * dx + dy * dy; best = s; }
  }
  if (best >= 0) return best;
  bd = (long)PX(5) * PX(5) + 1;
  for (size_t i = 0; i < (size_t)ns * a->runs && i < a->n; i++) {
    int x, y;
    dot_at(a, pl, i, &x, &y);
    long dx = x - u->mx, dy = y - u->my;
    if (dx * dx + dy * dy < bd) { bd = dx * dx + dy * dy; best = (int)(i / a->runs); *game = i; }
  }
  return best;
}

static void dashed(gfx_Ctx *g, float x0, float y0, float x1, float y1, float w, float on, float off, SDL_Color c) {
  float len = hypotf(x1 - x0, y1 - y0);
  if (len < 1) return;
  float ux = (x1 - x0) / len, uy = (y1 - y0) / len;
  for (float t = 0; t < len; t += on + off) {
    float e = t + on < len ? t + on : len;
    gfx_line(g, x0 + ux * t, y0 + uy * t, x0 + ux * e, y0 + uy * e, w, c);
  }
}

/* How many dots (any set's), averages and taken boxes box r covers. */
static int covers(fl_Ui *u, const ui_Plot *pl, SDL_Rect r, const float *ax, const float *ay, int ns, const SDL_Rect *taken, int nt) {
  const fl_UiAmong *a = &u->t.res;
  int n = 0, m = PX(2);
  SDL_Rect in = {r.x - m, r.y - m, r.w + 2 * m, r.h + 2 * m};
  for (size_t i = 0; i < a->n; i++) {
    int x, y;
    dot_at(a, pl, i, &x, &y);
    if (x + pl->ds > in.x && x < in.x + in.w && y + pl->ds > in.y && y < in.y + in.h) n++;
  }
  for (int s = 0; s < ns; s++) {
    int rad = PX(8);
    SDL_Rect mr = {(int)ax[s] - rad, (int)ay[s] - rad, 2 * rad, 2 * rad};
    if (SDL_HasIntersection(&in, &mr)) n += 5;
  }
  for (int k = 0; k < nt; k++) n += SDL_HasIntersection(&r, &taken[k]) ? 1000 : 0;
  return n;
}

/* A place for a label of w x h near (x, y): beside it, then farther out in eight directions,
 * inside the plot; the one that covers least, each step farther out counting as far dots
 * (the student's label: 0, the nearest place that covers nothing, where the plot has room). */
static SDL_Rect place(fl_Ui *u, const ui_Plot *pl, float x, float y, int w, int h, const float *ax, const float *ay, int ns,
                      const SDL_Rect *taken, int nt, int far, int *cover) {
  static const float dist[] = {14, 26, 42, 64, 90, 120, 160, 210, 270};
  static const int dir[8][2] = {{1, 0}, {-1, 0}, {0, -1}, {0, 1}, {1, -1}, {-1, -1}, {1, 1}, {-1, 1}};
  SDL_Rect best = {(int)x + PX(14), (int)y - h / 2, w, h};
  int bc = -1, bcost = -1;
  int nk = far ? 5 : (int)(sizeof dist / sizeof dist[0]); /* a name stays near what it names */
  for (int k = 0; k < nk && bcost != 0; k++)
    for (int di = 0; di < 8 && bcost != 0; di++) {
      float dd = (float)PX(dist[k]);
      int cx = (int)(x + dir[di][0] * dd), cy = (int)(y + dir[di][1] * dd);
      SDL_Rect r = {dir[di][0] > 0 ? cx : dir[di][0] < 0 ? cx - w : cx - w / 2, dir[di][1] > 0 ? cy : dir[di][1] < 0 ? cy - h : cy - h / 2, w, h};
      if (r.x < pl->p.x + 2 || r.y < pl->p.y + 2 || r.x + r.w > pl->p.x + pl->p.w - 2 || r.y + r.h > pl->p.y + pl->p.h - 2) continue;
      int c = covers(u, pl, r, ax, ay, ns, taken, nt), cost = c + far * k;
      if (bcost < 0 || cost < bcost) { bc = c; bcost = cost; best = r; }
    }
  *cover = bc < 0 ? 0 : bc;
  return best;
}

/* From (x, y) to the nearest point of r, a thin line: the label belongs to what it points at. */
static void leader(gfx_Ctx *g, float x, float y, SDL_Rect r, float gap, SDL_Color c) {
  float lx = x < r.x ? (float)r.x : x > r.x + r.w ? (float)(r.x + r.w) : x;
  float ly = y < r.y ? (float)r.y : y > r.y + r.h ? (float)(r.y + r.h) : y;
  float len = hypotf(lx - x, ly - y);
  if (len <= gap + 2) return;
  gfx_line(g, x + (lx - x) * gap / len, y + (ly - y) * gap / len, lx, ly, 1.2f, c);
}

static void axes_and_legend(fl_Ui *u, const ui_Plot *pl) {
  gfx_Ctx *g = &u->g;
  const fl_TrackDef *tx = &u->def->tracks[pl->xt], *ty = &u->def->tracks[pl->yt];
  SDL_Rect r = pl->r, p = pl->p;
  int lab = gfx_font_h(g, FONT_SMALL);
  char name[300], b[64];
  double sty = nice_step(pl->y1 - pl->y0), stx = nice_step(pl->x1 - pl->x0);
  gfx_fill(g, (SDL_Rect){p.x, p.y + p.h, p.w, 1}, COL_LINE);
  gfx_fill(g, (SDL_Rect){p.x, p.y, 1, p.h}, COL_LINE);
  for (double v = ceil(pl->y0 / sty) * sty; v <= pl->y1; v += sty) { /* 3-5 round values a side, with grid lines */
    int yy = (int)sy(pl, v);
    gfx_fill(g, (SDL_Rect){p.x + 1, yy, p.w - 1, 1}, (SDL_Color){255, 255, 255, 16});
    gfx_fill(g, (SDL_Rect){p.x - PX(4), yy, PX(4), 1}, COL_LINE);
    tick_text(v, b, sizeof b);
    gfx_draw_text(g, FONT_SMALL, b, p.x - PX(7), yy - lab / 2, COL_MUTED, 2);
  }
  int lastx = -100000;
  for (double v = ceil(pl->x0 / stx) * stx; v <= pl->x1; v += stx) {
    int xx = (int)sx(pl, v);
    gfx_fill(g, (SDL_Rect){xx, p.y, 1, p.h}, (SDL_Color){255, 255, 255, 16});
    gfx_fill(g, (SDL_Rect){xx, p.y + p.h, 1, PX(4)}, COL_LINE);
    tick_text(v, b, sizeof b);
    int w = gfx_text_w(g, FONT_SMALL, b);
    if (xx - w / 2 < lastx + PX(8)) continue;
    gfx_draw_text(g, FONT_SMALL, b, xx, p.y + p.h + PX(5), COL_MUTED, 1);
    lastx = xx + w / 2;
  }
  /* the titles: the y one above the plot, the x one under its ticks, each with its better way */
  snprintf(name, sizeof name, "%s%s%s%s", ty->name, *ty->unit ? " (" : "", ty->unit, *ty->unit ? ")" : "");
  int tw = gfx_draw_text(g, FONT_SMALL, name, r.x + PX(10), r.y + PX(6), COL_TEXT, 0);
  gfx_draw_text(g, FONT_SMALL, ty->higher_is_better < 0 ? FL_TR("better \xE2\x86\x93") : FL_TR("better \xE2\x86\x91"), r.x + PX(10) + tw + PX(12),
                r.y + PX(6), COL_MUTED, 0);
  snprintf(name, sizeof name, "%s%s%s%s", tx->name, *tx->unit ? " (" : "", tx->unit, *tx->unit ? ")" : "");
  int xty = p.y + p.h + lab + PX(9);
  gfx_draw_text(g, FONT_SMALL, name, p.x + p.w / 2, xty, COL_TEXT, 1);
  gfx_draw_text(g, FONT_SMALL, tx->higher_is_better < 0 ? FL_TR("\xE2\x86\x90 better") : FL_TR("better \xE2\x86\x92"), p.x + p.w, xty, COL_MUTED, 2);
  /* the legend: a policy's average, the dashed line of the best trade-offs, the diamond */
  int gy = xty + lab + PX(6), gx = r.x + PX(10), cy = gy + lab / 2, room = r.x + r.w - PX(10);
  gfx_disc(g, (float)(gx + PX(6)), (float)cy, (float)PX(6), DARK);
  gfx_disc(g, (float)(gx + PX(6)), (float)cy, (float)PX(4.5f), COL_MUTED);
  gx += PX(18);
  gx += gfx_draw_text(g, FONT_SMALL, fl_tr(T_MEAN), gx, gy, COL_TEXT, 0) + PX(22);
  dashed(g, (float)gx, (float)cy, (float)(gx + PX(30)), (float)cy, (float)PX(1.5f), (float)PX(5), (float)PX(3), gfx_alpha(COL_TEXT, 200));
  gfx_circle(g, (float)(gx + PX(15)), (float)cy, (float)PX(6.5f), (float)PX(1.5f), COL_TEXT);
  gx += PX(38);
  char fit[200];
  int yw = gfx_text_w(g, FONT_SMALL, fl_tr(T_YOU)) + PX(40);
  gfx_fit(g, FONT_SMALL, fl_tr(T_BEST), room - yw - gx, fit, sizeof fit);
  gx += gfx_draw_text(g, FONT_SMALL, fit, gx, gy, COL_TEXT, 0) + PX(28);
  float kx = (float)gx, ky = (float)cy, kk = (float)PX(6);
  gfx_triangle(g, kx - kk, ky, kx, ky - kk, kx + kk, ky, COL_ACCENT);
  gfx_triangle(g, kx - kk, ky, kx, ky + kk, kx + kk, ky, COL_ACCENT);
  gfx_draw_text(g, FONT_SMALL, fl_tr(T_YOU), (int)kx + PX(12), gy, COL_TEXT, 0);
}

/* Tests (FLANK_CHART_CHECK): per set a filled dot of its own far from every other set's, for
 * the mouse to point at and a test to read its colour: "S:X,Y,D" (D: the squared distance in
 * pixels to the nearest other set's dot or average). */
static void report_dots(fl_Ui *u, const ui_Plot *pl, const float *ax, const float *ay, int ns, int split, int main_end, const SDL_Rect *taken, int nt) {
  const fl_UiAmong *a = &u->t.res;
  static SDL_Rect for_p;
  static size_t for_n;
  if (for_n == a->n && SDL_RectEquals(&for_p, &pl->p)) return; /* the same chart: reported */
  for_p = pl->p;
  for_n = a->n;
  char out[4096];
  size_t at = (size_t)snprintf(out, sizeof out, "among: dots");
  for (int s = 0; s < ns && at < sizeof out; s++) {
    long best = -1;
    int bx = 0, by = 0;
    for (size_t k = 0; k < a->runs && k < 80; k++) {
      int x, y;
      size_t i = (size_t)s * a->runs + k;
      if (split && a->ending[i] != main_end) continue; /* hollow: no colour at its centre */
      dot_at(a, pl, i, &x, &y);
      x += pl->ds / 2;
      y += pl->ds / 2;
      int under = 0; /* not under the student's marker, its label or a name */
      for (int t = 0; t < nt; t++) under |= x >= taken[t].x - 3 && x < taken[t].x + taken[t].w + 3 && y >= taken[t].y - 3 && y < taken[t].y + taken[t].h + 3;
      if (under) continue;
      long near = 1L << 40;
      for (size_t j = 0; j < a->n; j++) {
        if (j / a->runs == (size_t)s) continue;
        int ox, oy;
        dot_at(a, pl, j, &ox, &oy);
        long dx = ox + pl->ds / 2 - x, dy = oy + pl->ds / 2 - y;
        near = dx * dx + dy * dy < near ? dx * dx + dy * dy : near;
      }
      for (int t = 0; t < ns; t++) {
        long dx = (long)ax[t] - x, dy = (long)ay[t] - y;
        near = dx * dx + dy * dy < near ? dx * dx + dy * dy : near;
      }
      if (near > best) { best = near; bx = x; by = y; }
    }
    at += (size_t)snprintf(out + at, sizeof out - at, " %d:%d,%d,%ld", s, bx, by, best);
  }
  static char was[4096];
  if (strcmp(was, out)) { fprintf(stderr, "%s\n", out); snprintf(was, sizeof was, "%s", out); }
}

void ui_plot_draw(fl_Ui *u, const ui_Plot *pl, int hi, int hover_set, size_t hover_game) {
  gfx_Ctx *g = &u->g;
  const fl_Def *d = u->def;
  const fl_UiAmong *a = &u->t.res;
  int check = getenv("FLANK_CHART_CHECK") != NULL, ns = a->nset < 64 ? a->nset : 64;
  gfx_round(g, pl->r, PX(6), gfx_mix(COL_CARD, COL_PANEL, 0.4f));
  if (!pl->ok) return;
  axes_and_legend(u, pl);
  int main_end, split = ui_among_split(u, pl->xt, pl->yt, &main_end);
  /* the clouds, the one pointed at last and over the others, which fade; a game that ended
   * otherwise than most is a hollow square when the two kinds sit apart */
  SDL_Rect *full = malloc(sizeof *full * (a->runs ? a->runs : 1)), *hollow = malloc(sizeof *hollow * (a->runs ? a->runs : 1));
  int ds = pl->ds;
  SDL_SetRenderDrawBlendMode(u->r, SDL_BLENDMODE_BLEND);
  for (int o = 0; full && hollow && o < ns; o++) {
    int s = hi >= 0 && hi < ns ? (o == ns - 1 ? hi : o >= hi ? o + 1 : o) : o;
    SDL_Color c = ui_among_color(s);
    int nf = 0, nh = 0, lit = s == hi, grow = lit ? (PX(2) > 1 ? PX(2) : 1) : 0;
    for (size_t k = 0; k < a->runs; k++) {
      size_t i = (size_t)s * a->runs + k;
      int x, y;
      dot_at(a, pl, i, &x, &y);
      if (split && a->ending[i] != main_end) hollow[nh++] = (SDL_Rect){x - 1 - grow / 2, y - 1 - grow / 2, ds + 2 + grow, ds + 2 + grow};
      else full[nf++] = (SDL_Rect){x - grow / 2, y - grow / 2, ds + grow, ds + grow};
    }
    if (lit) { /* each dot of the lit cloud on a dark rim */
      SDL_Rect *rim = malloc(sizeof *rim * (a->runs ? a->runs : 1));
      for (int k = 0; rim && k < nf; k++) rim[k] = (SDL_Rect){full[k].x - 1, full[k].y - 1, full[k].w + 2, full[k].h + 2};
      SDL_SetRenderDrawColor(u->r, DARK.r, DARK.g, DARK.b, 255);
      if (rim) SDL_RenderFillRects(u->r, rim, nf);
      free(rim);
    }
    SDL_SetRenderDrawColor(u->r, c.r, c.g, c.b, hi >= 0 && !lit ? 40 : 255); /* opaque: the colour of its legend entry */
    SDL_RenderFillRects(u->r, full, nf);
    SDL_RenderDrawRects(u->r, hollow, nh);
    if (lit) for (int k = 0; k < nh; k++) hollow[k] = (SDL_Rect){hollow[k].x + 1, hollow[k].y + 1, hollow[k].w - 2, hollow[k].h - 2};
    if (lit) SDL_RenderDrawRects(u->r, hollow, nh);
  }
  free(full);
  free(hollow);
  /* the averages, and the best trade-offs: the sets no other set beats on both axes */
  double mx[64], my[64];
  float ax[64], ay[64];
  int front[64], order[64], nfr = 0;
  const fl_TrackDef *tx = &d->tracks[pl->xt], *ty = &d->tracks[pl->yt];
  double bx = tx->higher_is_better < 0 ? -1 : 1, by = ty->higher_is_better < 0 ? -1 : 1;
  means(a, pl, mx, my);
  for (int s = 0; s < ns; s++) {
    ax[s] = sx(pl, mx[s]);
    ay[s] = sy(pl, my[s]);
    front[s] = 1;
    for (int t = 0; t < ns && front[s]; t++) {
      double ex = bx * (mx[t] - mx[s]), ey = by * (my[t] - my[s]);
      if (t != s && ex >= 0 && ey >= 0 && (ex > 0 || ey > 0)) front[s] = 0;
    }
    if (front[s]) { /* in x order */
      int j = nfr++;
      while (j > 0 && mx[order[j - 1]] > mx[s]) { order[j] = order[j - 1]; j--; }
      order[j] = s;
    }
  }
  SDL_Color line = gfx_alpha(COL_TEXT, hi >= 0 ? 110 : 210);
  for (int j = 1; j < nfr; j++)
    dashed(g, ax[order[j - 1]], ay[order[j - 1]], ax[order[j]], ay[order[j]], (float)PX(1.5f), (float)PX(6), (float)PX(4), line);
  for (int o = 0; o < ns; o++) {
    int s = hi >= 0 && hi < ns ? (o == ns - 1 ? hi : o >= hi ? o + 1 : o) : o, dim = hi >= 0 && s != hi;
    float rad = (float)PX(s == hi ? 6 : 4.5f);
    gfx_disc(g, ax[s], ay[s], rad + (float)PX(1.5f), dim ? gfx_alpha(DARK, 90) : DARK);
    gfx_disc(g, ax[s], ay[s], rad, dim ? gfx_alpha(ui_among_color(s), 70) : ui_among_color(s));
    if (front[s]) gfx_circle(g, ax[s], ay[s], rad + (float)PX(3), (float)PX(1.5f), dim ? gfx_alpha(COL_TEXT, 80) : COL_TEXT);
  }
  /* the student's game: a gold diamond; its label where it covers no dot and no average */
  float yx = sx(pl, u->st->tracks[pl->xt].value), yy = sy(pl, u->st->tracks[pl->yt].value), k = (float)PX(9);
  SDL_Rect taken[66];
  int nt = 0, you_cover;
  const char *you = fl_tr(T_YOU);
  int bh = gfx_font_h(g, FONT_BOLD), yw = gfx_text_w(g, FONT_BOLD, you);
  taken[nt++] = (SDL_Rect){(int)(yx - k - 2), (int)(yy - k - 2), (int)(2 * k + 4), (int)(2 * k + 4)};
  SDL_Rect yl = place(u, pl, yx, yy, yw + PX(4), bh, ax, ay, ns, taken, 1, 0, &you_cover);
  taken[nt++] = yl;
  /* names: the best trade-offs (the policy pointed at alone, when one is) */
  char said[1024] = "";
  size_t at = 0;
  for (int j = 0; j < (hi >= 0 ? 1 : nfr); j++) {
    int s = hi >= 0 ? hi : order[j], cov;
    const char *nm = a->set_name[s];
    int w = gfx_text_w(g, FONT_SMALL, nm) + PX(4), h = gfx_font_h(g, FONT_SMALL);
    SDL_Rect nr = place(u, pl, ax[s], ay[s], w, h, ax, ay, ns, taken, nt, 8, &cov);
    if (cov >= 1000 && hi < 0) continue; /* only over another name: the legend names it */
    taken[nt++] = nr;
    leader(g, ax[s], ay[s], nr, (float)PX(8), gfx_alpha(ui_among_color(s), 200));
    gfx_draw_halo(g, FONT_SMALL, nm, nr.x + PX(2), nr.y, ui_among_color(s), DARK, 0);
    if (check && at < sizeof said) at += (size_t)snprintf(said + at, sizeof said - at, " '%s'", nm);
  }
  leader(g, yx, yy, yl, k + 3, gfx_alpha(COL_ACCENT, 220));
  gfx_triangle(g, yx - k - 2, yy, yx, yy - k - 2, yx + k + 2, yy, DARK);
  gfx_triangle(g, yx - k - 2, yy, yx, yy + k + 2, yx + k + 2, yy, DARK);
  gfx_triangle(g, yx - k, yy, yx, yy - k, yx + k, yy, COL_ACCENT);
  gfx_triangle(g, yx - k, yy, yx, yy + k, yx + k, yy, COL_ACCENT);
  gfx_draw_halo(g, FONT_BOLD, you, yl.x + PX(2), yl.y, COL_ACCENT, DARK, 0);
  /* under the mouse: the policy's name and what the dot is */
  if (hover_set >= 0 && hover_set < ns) {
    char what[400];
    if (hover_game != (size_t)-1) {
      int e = a->ending ? a->ending[hover_game] : -1;
      snprintf(what, sizeof what, fl_tr(T_ONE), e >= 0 && e < d->nending ? d->endings[e].title : "?");
    } else snprintf(what, sizeof what, "%s", fl_tr(T_AVG));
    const char *nm = a->set_name[hover_set];
    int w1 = gfx_text_w(g, FONT_BOLD, nm) + PX(18), w2 = gfx_text_w(g, FONT_SMALL, what), tw = (w1 > w2 ? w1 : w2) + PX(20);
    int th = gfx_font_h(g, FONT_BOLD) + gfx_font_h(g, FONT_SMALL) + PX(18);
    SDL_Rect box = {u->mx + PX(14), u->my + PX(14), tw, th};
    if (box.x + box.w > u->W - PX(4)) box.x = u->mx - PX(14) - box.w;
    if (box.y + box.h > u->H - PX(4)) box.y = u->my - PX(14) - box.h;
    gfx_round(g, box, PX(6), COL_CARD_HI);
    gfx_round_frame(g, box, PX(6), gfx_alpha(ui_among_color(hover_set), 220), 1);
    gfx_fill(g, (SDL_Rect){box.x + PX(10), box.y + PX(8) + PX(3), PX(10), PX(10)}, ui_among_color(hover_set));
    gfx_draw_text(g, FONT_BOLD, nm, box.x + PX(26), box.y + PX(8), COL_TEXT, 0);
    gfx_draw_text(g, FONT_SMALL, what, box.x + PX(10), box.y + PX(10) + gfx_font_h(g, FONT_BOLD), COL_MUTED, 0);
  }
  if (!check) return;
  /* tests: the colours, the averages and the frontier, the names, where the label went */
  char out[8192];
  size_t o = (size_t)snprintf(out, sizeof out, "among: colours");
  for (int s = 0; s < ns && o < sizeof out; s++) {
    SDL_Color c = ui_among_color(s);
    o += (size_t)snprintf(out + o, sizeof out - o, " %d:#%02X%02X%02X", s, c.r, c.g, c.b);
  }
  if (o < sizeof out) o += (size_t)snprintf(out + o, sizeof out - o, "\namong: better x %+g y %+g\n", bx, by);
  for (int s = 0; s < ns && o < sizeof out; s++)
    o += (size_t)snprintf(out + o, sizeof out - o, "among: mean %d %.6g %.6g at %d,%d%s '%s'\n", s, mx[s], my[s], (int)ax[s], (int)ay[s],
                          front[s] ? " frontier" : "", a->set_name[s]);
  if (o < sizeof out)
    o += (size_t)snprintf(out + o, sizeof out - o, "among: groups %s main '%s'\namong: frontiers named%s\namong: you label %d,%d,%d,%d covers %d\n",
                          split ? "apart" : "together", main_end >= 0 ? d->endings[main_end].title : "", said, yl.x, yl.y, yl.w, yl.h, you_cover);
  if (hover_set >= 0 && o < sizeof out)
    snprintf(out + o, sizeof out - o, "among: hover %d '%s' %s\n", hover_set, a->set_name[hover_set], hover_game == (size_t)-1 ? "average" : "game");
  static char was[8192];
  if (strcmp(was, out)) { fputs(out, stderr); snprintf(was, sizeof was, "%s", out); }
  if (hi < 0) report_dots(u, pl, ax, ay, ns, split, main_end, taken, nt);
}
