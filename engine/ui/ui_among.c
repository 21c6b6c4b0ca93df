/* ui_among: the debrief's "Among many" tab. The games fl_ensemble played per shipped
 * policy (ui_teach.c runs them off the UI thread) as a scatter of the scenario's two
 * headline tracks (deterrence against harm when it has them): each policy's cloud and its
 * Pareto frontier (named in its colour where the name has room), a marker for the student's
 * game, round ticks, titled axes and a legend that says what the line and the marker are;
 * pointing at a policy (its legend entry or its standings) lights its cloud and frontier
 * over the others, which fade; then where the game falls on every headline
 * track in words (fl_ensemble_phrase: "better than in 80% of the 500 games played with
 * the policy “Stay in the treaty”, ..."). */
#include "ui_int.h"
#include "fl_i18n.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PX(v) gfx_px(&u->g, (v))

/* FL_N: marked for translation, translated where drawn (ui_section and ui_btn do it) */
static const char *const T_HEAD = FL_N("YOUR GAME AMONG MANY"), *const T_WHERE = FL_N("WHERE YOUR GAME FALLS"), *const T_YOU = FL_N("Your game"),
  *const T_START = FL_N("Play the games"), *const T_CANCEL = FL_N("Cancel"), *const T_CANCELLED = FL_N("Cancelled. The games can be played again."),
  *const T_WHAT = FL_N("The same scenario played many times under each policy the scenario ships for your side, with the same "
                       "assumptions, so you can see how much of your result was your choices and how much was luck."),
  *const T_NOT = FL_N("This window cannot play the games."),
  *const T_POINT = FL_N("Point at a policy to read what it does."),
  /* TRANSLATORS: before how a policy's games ended, "Its games ended: Deterrence held 66% · War 34%" */
  *const T_ENDED = FL_N("Its games ended:"), *const T_FRONT = FL_N("a policy's best trade-offs: none of its games beats these on both");

/* The two tracks of the scatter: deterrence against harm when the scenario has them, else
 * the first two headline tracks (visible, with a better direction). */
static void axes(const fl_Def *d, int *xt, int *yt) {
  static const char *const ys[] = {"civilian_casualties_postwar", "civilian_harm", "civilian_casualties_war", NULL};
  *xt = *yt = -1;
  for (int t = 0; t < d->ntrack; t++) if (!strcmp(d->tracks[t].id, "deterrence")) *xt = t;
  for (int k = 0; ys[k] && *yt < 0; k++)
    for (int t = 0; t < d->ntrack; t++) if (!strcmp(d->tracks[t].id, ys[k])) *yt = t;
  for (int t = 0; t < d->ntrack && (*xt < 0 || *yt < 0); t++) {
    if (!d->tracks[t].visible || !d->tracks[t].higher_is_better || t == *xt || t == *yt) continue;
    if (*xt < 0) *xt = t; else *yt = t;
  }
}

typedef struct Pt { double x, y; } Pt;
static int g_dx = 1;
static int cmp_x(const void *a, const void *b) {
  const Pt *p = a, *q = b;
  return g_dx * ((p->x < q->x) - (p->x > q->x)); /* the better x first */
}

static void progress(fl_Ui *u, SDL_Rect r) {
  gfx_Ctx *g = &u->g;
  size_t total, done = ui_among_progress(u, &total);
  char line[256];
  snprintf(line, sizeof line, FL_NTR("Played %zu of %zu game on worker threads\xE2\x80\xA6 the window stays usable.",
                                     "Played %zu of %zu games on worker threads\xE2\x80\xA6 the window stays usable.", (long)total), done, total);
  int y = r.y + r.h / 3;
  y += gfx_draw_wrapped(g, FONT_BODY, line, r.x, y, r.w, COL_TEXT) + PX(12);
  SDL_Rect bar = {r.x, y, r.w * 3 / 5, PX(10)};
  gfx_round(g, bar, PX(5), COL_CARD);
  if (total) gfx_round(g, (SDL_Rect){bar.x, bar.y, (int)((double)bar.w * (double)done / (double)total), bar.h}, PX(5), COL_ACCENT);
  ui_btn(u, bar.x + bar.w + PX(16), y - PX(10), T_CANCEL, "C", BTN_AMONG_CANCEL, 0, BS_SECONDARY, 0);
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

/* 1200 -> "1200", 25000 -> "25k", 3e6 -> "3 M": tick labels that stay short. */
static void tick_text(double v, char *b, size_t n) {
  double a = fabs(v);
  if (a >= 1e6) snprintf(b, n, "%g M", v / 1e6);
  else if (a >= 1e4) snprintf(b, n, "%gk", v / 1e3);
  else snprintf(b, n, "%g", fabs(v) < 1e-9 ? 0 : v);
}

/* A track's axis title: "Deterrence (%)", "Civilian casualties (aftermath) (people)". */
static void axis_title(const fl_TrackDef *t, char *b, size_t n) {
  snprintf(b, n, "%s%s%s%s", t->name, *t->unit ? " (" : "", t->unit, *t->unit ? ")" : "");
}

/* A policy's frontier as drawn: its set, its ends, its length in pixels, its points. */
typedef struct Front { int set; float x0, y0, x1, y1, len; int n; } Front;

/* Each frontier named in its colour beside one of its ends, the longest first, where the name
 * falls on no other name, on the student's marker nor out of the plot p; the pointed-at one
 * (hi) always, over the rest. Tests (FLANK_CHART_CHECK) read which were named. */
static void front_labels(fl_Ui *u, SDL_Rect p, Front *fr, int nfr, int hi, float you_x, float you_y) {
  gfx_Ctx *g = &u->g;
  const fl_UiAmong *a = &u->t.res;
  SDL_Rect *taken = malloc(sizeof *taken * (size_t)(nfr + 1));
  if (!taken) return;
  int nt = 0, lh = gfx_font_h(g, FONT_SMALL), check = getenv("FLANK_CHART_CHECK") != NULL;
  char said[1024] = "";
  size_t at = 0;
  taken[nt++] = (SDL_Rect){(int)you_x - PX(12), (int)you_y - lh, PX(24) + gfx_text_w(g, FONT_BOLD, fl_tr(T_YOU)) + PX(14), 2 * lh};
  for (int pass = hi >= 0; pass < 2; pass++) /* the others (none while one is pointed at), then the one pointed at */
    for (int done = 0; done < nfr; done++) {
      int b = -1; /* the longest not yet named */
      for (int k = 0; k < nfr; k++)
        if (fr[k].n > 0 && (pass ? fr[k].set == hi : fr[k].set != hi) && (b < 0 || fr[k].len > fr[b].len)) b = k;
      if (b < 0) break;
      Front *f = &fr[b];
      f->n = -f->n; /* seen */
      if (!pass && f->len < PX(16)) continue; /* a dot or a short tick: the legend names it when pointed at */
      const char *nm = a->set_name[f->set];
      int w = gfx_text_w(g, FONT_SMALL, nm), placed = 0;
      for (int end = 0; end < 4 && !placed; end++) { /* right of either end, then left of either */
        float ex = end % 2 ? f->x1 : f->x0, ey = end % 2 ? f->y1 : f->y0;
        SDL_Rect r = {end < 2 ? (int)ex + PX(7) : (int)ex - PX(7) - w, (int)ey - lh - PX(2), w, lh};
        if (r.x < p.x || r.x + r.w > p.x + p.w || r.y < p.y || r.y + r.h > p.y + p.h) continue;
        int clash = 0;
        for (int k = 0; k < nt && !pass; k++) clash |= SDL_HasIntersection(&r, &taken[k]);
        if (clash) continue;
        taken[nt++] = r;
        gfx_draw_halo(g, FONT_SMALL, nm, r.x, r.y, ui_fork_color(f->set), (SDL_Color){20, 22, 26, 255}, 0);
        placed = 1;
        if (check && at < sizeof said) at += (size_t)snprintf(said + at, sizeof said - at, " '%s'", nm);
      }
    }
  free(taken);
  static char last[1024] = "-";
  if (check && strcmp(last, said)) {
    fprintf(stderr, "among: frontiers named%s\n", said);
    snprintf(last, sizeof last, "%s", said);
  }
}

static void scatter(fl_Ui *u, SDL_Rect r, int xt, int yt, int hi) {
  gfx_Ctx *g = &u->g;
  const fl_Def *d = u->def;
  const fl_UiAmong *a = &u->t.res;
  double you_x = u->st->tracks[xt].value, you_y = u->st->tracks[yt].value;
  double x0 = you_x, x1 = you_x, y0 = you_y, y1 = you_y;
  for (size_t i = 0; i < a->n; i++) {
    double vx = a->val[i * (size_t)a->ntrack + (size_t)xt], vy = a->val[i * (size_t)a->ntrack + (size_t)yt];
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
  x0 -= px; x1 += px; y0 -= py; y1 += py;
  /* top to bottom: the y axis' title, the plot, the x ticks, the x axis' title, the legend */
  int lab = gfx_font_h(g, FONT_SMALL);
  const fl_TrackDef *tx = tdx, *ty = tdy;
  char name[300], b[64];
  double sty = nice_step(y1 - y0), stx = nice_step(x1 - x0);
  int yw = 0; /* the widest y tick label */
  for (double v = ceil(y0 / sty) * sty; v <= y1; v += sty) {
    tick_text(v, b, sizeof b);
    int w = gfx_text_w(g, FONT_SMALL, b);
    yw = w > yw ? w : yw;
  }
  SDL_Rect p = {r.x + yw + PX(18), r.y + lab + PX(12), 0, 0};
  p.w = r.x + r.w - PX(14) - p.x;
  p.h = r.y + r.h - p.y - 3 * lab - PX(26);
  gfx_round(g, (SDL_Rect){r.x, r.y, r.w, r.h}, PX(6), gfx_mix(COL_CARD, COL_PANEL, 0.4f));
  if (p.w < PX(60) || p.h < PX(40)) return;
#define SX(v) (p.x + (float)(((v) - x0) / (x1 - x0)) * p.w)
#define SY(v) (p.y + p.h - (float)(((v) - y0) / (y1 - y0)) * p.h)
  gfx_fill(g, (SDL_Rect){p.x, p.y + p.h, p.w, 1}, COL_LINE);
  gfx_fill(g, (SDL_Rect){p.x, p.y, 1, p.h}, COL_LINE);
  for (double v = ceil(y0 / sty) * sty; v <= y1; v += sty) { /* 3-5 round values a side, with grid lines */
    int yy = (int)SY(v);
    gfx_fill(g, (SDL_Rect){p.x + 1, yy, p.w - 1, 1}, (SDL_Color){255, 255, 255, 16});
    gfx_fill(g, (SDL_Rect){p.x - PX(4), yy, PX(4), 1}, COL_LINE);
    tick_text(v, b, sizeof b);
    gfx_draw_text(g, FONT_SMALL, b, p.x - PX(7), yy - lab / 2, COL_MUTED, 2);
  }
  int lastx = -100000;
  for (double v = ceil(x0 / stx) * stx; v <= x1; v += stx) {
    int xx = (int)SX(v);
    gfx_fill(g, (SDL_Rect){xx, p.y, 1, p.h}, (SDL_Color){255, 255, 255, 16});
    gfx_fill(g, (SDL_Rect){xx, p.y + p.h, 1, PX(4)}, COL_LINE);
    tick_text(v, b, sizeof b);
    int w = gfx_text_w(g, FONT_SMALL, b);
    if (xx - w / 2 < lastx + PX(8)) continue;
    gfx_draw_text(g, FONT_SMALL, b, xx, p.y + p.h + PX(5), COL_MUTED, 1);
    lastx = xx + w / 2;
  }
  /* the titles: the y one above the plot, the x one under its ticks, each with its better way */
  axis_title(ty, name, sizeof name);
  int tw = gfx_draw_text(g, FONT_SMALL, name, r.x + PX(10), r.y + PX(6), COL_TEXT, 0);
  gfx_draw_text(g, FONT_SMALL, ty->higher_is_better < 0 ? FL_TR("better \xE2\x86\x93") : FL_TR("better \xE2\x86\x91"), r.x + PX(10) + tw + PX(12),
                r.y + PX(6), COL_MUTED, 0);
  axis_title(tx, name, sizeof name);
  int xty = p.y + p.h + lab + PX(9);
  gfx_draw_text(g, FONT_SMALL, name, p.x + p.w / 2, xty, COL_TEXT, 1);
  gfx_draw_text(g, FONT_SMALL, tx->higher_is_better < 0 ? FL_TR("\xE2\x86\x90 better") : FL_TR("better \xE2\x86\x92"), p.x + p.w, xty, COL_MUTED, 2);
  /* the legend: what the line and the diamond are */
  int gy = xty + lab + PX(6), gx = r.x + PX(10); /* the legend's row */
  gfx_line(g, (float)gx, (float)(gy + lab / 2), (float)(gx + PX(22)), (float)(gy + lab / 2), (float)PX(2), COL_MUTED);
  gfx_circle(g, (float)(gx + PX(11)), (float)(gy + lab / 2), (float)PX(3.5f), (float)PX(1.5f), COL_MUTED);
  const char *front = fl_tr(T_FRONT), *me = fl_tr(T_YOU);
  int mw = gfx_text_w(g, FONT_SMALL, me) + PX(30), fw = r.x + r.w - PX(10) - mw - (gx + PX(30)) - PX(16);
  char fit[300];
  gfx_fit(g, FONT_SMALL, front, fw, fit, sizeof fit);
  int used = gfx_draw_text(g, FONT_SMALL, fit, gx + PX(30), gy, COL_TEXT, 0);
  float kx = (float)(gx + PX(30) + used + PX(24)), ky = (float)(gy + lab / 2), kk = (float)PX(6);
  gfx_triangle(g, kx - kk, ky, kx, ky - kk, kx + kk, ky, COL_ACCENT);
  gfx_triangle(g, kx - kk, ky, kx, ky + kk, kx + kk, ky, COL_ACCENT);
  gfx_draw_text(g, FONT_SMALL, me, (int)kx + PX(12), gy, COL_TEXT, 0);
  /* the clouds: one small square per game, a little translucent so dense places read darker;
   * with a policy pointed at (its legend entry or its lines on the right), its cloud and
   * line over the others, which fade */
  SDL_Rect *dots = malloc(sizeof *dots * (a->runs ? a->runs : 1));
  Pt *pts = malloc(sizeof *pts * (a->runs ? a->runs : 1));
  Front *fr = malloc(sizeof *fr * (size_t)(a->nset ? a->nset : 1));
  int ds = PX(3) > 2 ? PX(3) : 2, jit = PX(5), nfr = 0;
  SDL_SetRenderDrawBlendMode(u->r, SDL_BLENDMODE_BLEND);
  for (int o = 0; dots && pts && fr && o < a->nset; o++) {
    int s = hi >= 0 && hi < a->nset ? (o == a->nset - 1 ? hi : o >= hi ? o + 1 : o) : o; /* the one pointed at last */
    SDL_Color c = ui_fork_color(s);
    int dim = hi >= 0 && s != hi;
    for (size_t k = 0; k < a->runs; k++) {
      size_t i = (size_t)s * a->runs + k;
      pts[k] = (Pt){a->val[i * (size_t)a->ntrack + (size_t)xt], a->val[i * (size_t)a->ntrack + (size_t)yt]};
      /* a few pixels of fixed jitter (a hash of the game), so games with the same result show as a crowd */
      uint32_t hsh = (uint32_t)i * 2654435761u;
      int jx = (int)(hsh >> 24) % (2 * jit + 1) - jit, jy = (int)((hsh >> 16) & 255) % (2 * jit + 1) - jit;
      dots[k] = (SDL_Rect){(int)SX(pts[k].x) - ds / 2 + jx, (int)SY(pts[k].y) - ds / 2 + jy, ds, ds};
    }
    if (s == hi) { /* the lit cloud: larger dots, each on a dark rim, over the faded others */
      int grow = PX(2) > 1 ? PX(2) : 1;
      for (size_t k = 0; k < a->runs; k++) dots[k] = (SDL_Rect){dots[k].x - grow / 2 - 1, dots[k].y - grow / 2 - 1, ds + grow + 2, ds + grow + 2};
      SDL_SetRenderDrawColor(u->r, 20, 22, 26, 255);
      SDL_RenderFillRects(u->r, dots, (int)a->runs);
      for (size_t k = 0; k < a->runs; k++) dots[k] = (SDL_Rect){dots[k].x + 1, dots[k].y + 1, dots[k].w - 2, dots[k].h - 2};
    }
    SDL_SetRenderDrawColor(u->r, c.r, c.g, c.b, dim ? 30 : hi >= 0 ? 255 : 150);
    SDL_RenderFillRects(u->r, dots, (int)a->runs);
    /* the frontier: sorted by the better x, keep each game with a better y than all before */
    g_dx = tx->higher_is_better < 0 ? -1 : 1;
    int dy = ty->higher_is_better < 0 ? -1 : 1;
    qsort(pts, a->runs, sizeof *pts, cmp_x);
    double best = 0;
    float lx = 0, ly = 0;
    Front *f = &fr[nfr++];
    *f = (Front){s, 0, 0, 0, 0, 0, 0};
    SDL_Color lc = dim ? gfx_alpha(c, 60) : c;
    float lw = (float)PX(s == hi ? 2.5f : 2);
    for (size_t k = 0; k < a->runs; k++) {
      if (f->n && !(dy * (pts[k].y - best) > 0)) continue;
      best = pts[k].y;
      float fx = SX(pts[k].x), fy = SY(pts[k].y);
      if (f->n) { gfx_line(g, lx, ly, fx, fy, lw, lc); f->len += hypotf(fx - lx, fy - ly); }
      else { f->x0 = fx; f->y0 = fy; }
      gfx_circle(g, fx, fy, (float)PX(3.5f), (float)PX(1.5f), lc);
      lx = fx; ly = fy;
      f->x1 = fx; f->y1 = fy;
      f->n++;
    }
  }
  free(dots);
  free(pts);
  if (fr) front_labels(u, p, fr, nfr, hi, SX(you_x), SY(you_y));
  free(fr);
  /* the student's game: a gold diamond with a label */
  float yx = SX(you_x), yy = SY(you_y), k = (float)PX(9);
  gfx_triangle(g, yx - k - 2, yy, yx, yy - k - 2, yx + k + 2, yy, (SDL_Color){20, 22, 26, 255});
  gfx_triangle(g, yx - k - 2, yy, yx, yy + k + 2, yx + k + 2, yy, (SDL_Color){20, 22, 26, 255});
  gfx_triangle(g, yx - k, yy, yx, yy - k, yx + k, yy, COL_ACCENT);
  gfx_triangle(g, yx - k, yy, yx, yy + k, yx + k, yy, COL_ACCENT);
  const char *you = fl_tr(T_YOU);
  int right = yx + PX(14) + gfx_text_w(g, FONT_BOLD, you) < p.x + p.w;
  gfx_draw_halo(g, FONT_BOLD, you, (int)(right ? yx + PX(14) : yx - PX(14)), (int)yy - gfx_font_h(g, FONT_BOLD) / 2, COL_ACCENT,
                (SDL_Color){20, 22, 26, 255}, right ? 0 : 2);
#undef SX
#undef SY
}

/* How set s's games (s < 0: all of them) ended, most common first: "Ended: Deterrence held 66% · War; territory
 * lost 34%" (up to three endings; the rest are "other"). A student reads whether a cloud is
 * games with a war or without one. */
static void ending_shares(const fl_Def *d, const fl_UiAmong *a, int s, const char *head, char *buf, size_t n) {
  int cnt[64] = {0}, other = 0, ne = d->nending < 64 ? d->nending : 64;
  size_t games = 0, lo = s < 0 ? 0 : (size_t)s * a->runs, hi = s < 0 ? a->n : (size_t)(s + 1) * a->runs; /* s < 0: every set */
  for (size_t i = lo; i < hi && i < a->n; i++) {
    int e = a->ending ? a->ending[i] : -1;
    if (e >= 0 && e < ne) cnt[e]++; else other++;
    games++;
  }
  *buf = '\0';
  if (!games) return;
  size_t at = (size_t)snprintf(buf, n, "%s", head);
  for (int k = 0; k < 3; k++) {
    int best = -1;
    for (int e = 0; e < ne; e++)
      if (cnt[e] > 0 && (best < 0 || cnt[e] > cnt[best])) best = e;
    if (best < 0) break;
    double pc = 100.0 * cnt[best] / (double)games;
    if (at < n) at += (size_t)snprintf(buf + at, n - at, "%s %s %s%.0f%%", k ? " \xC2\xB7" : "", d->endings[best].title,
                                       pc < 0.5 ? "<" : "", pc < 0.5 ? 1.0 : pc);
    cnt[best] = 0;
  }
  for (int e = 0; e < ne; e++) other += cnt[e];
  if (other && at < n) {
    double pc = 100.0 * other / (double)games;
    snprintf(buf + at, n - at, " \xC2\xB7 %s %s%.0f%%", fl_tr(FL_N("other")), pc < 0.5 ? "<" : "", pc < 0.5 ? 1.0 : pc);
  }
}

void ui_among_draw(fl_Ui *u, SDL_Rect r) {
  gfx_Ctx *g = &u->g;
  const fl_Def *d = u->def;
  int lw = r.w * 3 / 5, rx = r.x + lw + PX(28), rw = r.w - lw - PX(28);
  int y = ui_section(u, r.x, r.y, lw, T_HEAD);
  if (!u->host->among_new) { gfx_draw_text(g, FONT_BODY, fl_tr(T_NOT), r.x, y, COL_MUTED, 0); return; }
  if (u->t.among_state != AMONG_DONE) {
    y += gfx_draw_wrapped(g, FONT_BODY, fl_tr(T_WHAT), r.x, y, lw, COL_MUTED) + PX(16);
    if (u->t.among_state == AMONG_RUNNING) { progress(u, (SDL_Rect){r.x, y, lw, PX(120)}); return; }
    if (u->t.among_state == AMONG_CANCELLED) y += gfx_draw_wrapped(g, FONT_BODY, fl_tr(T_CANCELLED), r.x, y, lw, COL_TEXT) + PX(14);
    else if (u->t.among_state == AMONG_FAILED) y += gfx_draw_wrapped(g, FONT_BODY, u->t.among_err, r.x, y, lw, COL_BAD) + PX(14);
    else y += gfx_font_h(g, FONT_BODY) + PX(14);
    ui_btn(u, r.x, y, T_START, "A", BTN_AMONG, 0, BS_PRIMARY, 0);
    return;
  }
  const fl_UiAmong *a = &u->t.res;
  int xt, yt;
  axes(d, &xt, &yt);
  char done[1024];
  if (u->t.among_ms < 100) /* played while the game went on, or kept from an earlier debrief: no wait to report */
    snprintf(done, sizeof done,
             FL_NTR("%zu game per policy, played before the debrief opened. Each dot is one game, nudged a few pixels so that equal results show as a crowd.",
                    "%zu games per policy, played before the debrief opened. Each dot is one game, nudged a few pixels so that equal results show as a crowd.",
                    (long)a->runs),
             a->runs);
  else
    snprintf(done, sizeof done,
             FL_NTR("%zu game per policy in %.1f s. Each dot is one game, nudged a few pixels so that equal results show as a crowd.",
                    "%zu games per policy in %.1f s. Each dot is one game, nudged a few pixels so that equal results show as a crowd.",
                    (long)a->runs),
             a->runs, u->t.among_ms / 1000.0);
  y += gfx_draw_wrapped(g, FONT_SMALL, done, r.x, y, lw, COL_MUTED) + PX(4);
  char all[512];
  /* TRANSLATORS: before how all the games of "Among many" ended, "... Deterrence held 77% · War 22%" */
  ending_shares(d, a, -1, fl_tr(FL_N("How these games ended:")), all, sizeof all); /* how all these games ended: is a cloud the games with a war? */
  if (*all) y += gfx_draw_wrapped(g, FONT_SMALL, all, r.x, y, lw, COL_TEXT) + PX(4);
  y += PX(6);
  SDL_Rect plot = {r.x, y, lw, r.y + r.h - y}; /* drawn after the right column: the policy pointed at there lights up */
  /* right: where the game stands on every headline track, then per policy on the chart's two */
  int ry = ui_section(u, rx, r.y, rw, T_WHERE);
  /* the policies' colours, as many to a row as fit */
  int lx = rx, lh = gfx_font_h(g, FONT_SMALL) + PX(4), tip = -1, texts = 0, hi = -1, check = getenv("FLANK_CHART_CHECK") != NULL;
  char lay[2048] = "";
  size_t at = 0;
  SDL_Rect tip_r = {0, 0, 0, 0};
  for (int s = 0; s < a->nset; s++) {
    int w = PX(16) + gfx_text_w(g, FONT_SMALL, a->set_name[s]) + PX(14);
    if (lx > rx && lx + w > rx + rw) { lx = rx; ry += lh; }
    SDL_Rect er = {lx, ry, w - PX(10), lh};
    int has = a->set_text && a->set_text[s] && *a->set_text[s];
    texts += has;
    if (ui_hovered(u, er)) { /* its cloud lights up; its own words (when the scenario has them) under it */
      hi = s;
      gfx_round(g, er, PX(3), COL_CARD_HI);
      if (has) { tip = s; tip_r = er; }
    }
    if (check && at < sizeof lay) at += (size_t)snprintf(lay + at, sizeof lay - at, " %d:%d,%d,%d,%d", s, er.x, er.y, er.w, er.h);
    gfx_fill(g, (SDL_Rect){lx, ry + PX(3), PX(10), PX(10)}, ui_fork_color(s));
    gfx_draw_text(g, FONT_SMALL, a->set_name[s], lx + PX(16), ry, COL_TEXT, 0);
    lx += w;
  }
  if (texts) { /* what a policy does (e.g. "a yardstick, not a plan") is a point of the mouse away */
    ry += lh;
    gfx_draw_text(g, FONT_SMALL, fl_tr(T_POINT), rx, ry, COL_MUTED, 0);
  }
  ry += lh + PX(10);
  for (int t = 0; t < d->ntrack; t++) { /* all policies together, every headline track */
    if (!d->tracks[t].visible || !d->tracks[t].higher_is_better || !ui_sees(u, d->tracks[t].seen)) continue;
    char ph[512];
    u->host->among_phrase(u->t.among, -1, t, u->st->tracks[t].value, ph, sizeof ph);
    const gfx_Text *pt = gfx_text(g, FONT_SMALL, ph, rw - PX(14));
    if (pt && ry + pt->h > r.y + r.h) break;
    gfx_draw_text(g, FONT_SMALL, "\xE2\x80\xA2", rx, ry, COL_ACCENT, 0);
    ry += gfx_draw_wrapped(g, FONT_SMALL, ph, rx + PX(14), ry, rw - PX(14), COL_TEXT) + PX(6);
  }
  ry += PX(10);
  char ends[4096] = "";
  size_t eat = (size_t)snprintf(ends, sizeof ends, "among: all %s\n", all);
  for (int s = 0; check && s < a->nset && eat < sizeof ends; s++) {
    char en[512];
    ending_shares(d, a, s, fl_tr(T_ENDED), en, sizeof en);
    eat += (size_t)snprintf(ends + eat, sizeof ends - eat, "among: %s %s\n", a->set_name[s], en);
  }
  for (int s = 0; s < a->nset && xt >= 0 && yt >= 0; s++) { /* each policy: the chart's two tracks (pointed at: lit up) */
    if (ry + 3 * gfx_font_h(g, FONT_SMALL) > r.y + r.h) break;
    int y0 = ry;
    gfx_fill(g, (SDL_Rect){rx, ry + PX(4), PX(10), PX(10)}, ui_fork_color(s));
    gfx_draw_text(g, FONT_BOLD, a->set_name[s], rx + PX(16), ry, COL_TEXT, 0); /* its standing on the chart's two tracks */
    ry += gfx_font_h(g, FONT_BOLD) + PX(2);
    int tt[2] = {xt, yt};
    for (int k = 0; k < 2; k++) {
      char ph[512];
      u->host->among_phrase(u->t.among, s, tt[k], u->st->tracks[tt[k]].value, ph, sizeof ph);
      const gfx_Text *pt = gfx_text(g, FONT_SMALL, ph, rw - PX(16));
      if (pt && ry + pt->h > r.y + r.h) break;
      ry += gfx_draw_wrapped(g, FONT_SMALL, ph, rx + PX(16), ry, rw - PX(16), COL_MUTED) + PX(3);
    }
    char en[512];
    ending_shares(d, a, s, fl_tr(T_ENDED), en, sizeof en);
    const gfx_Text *et = *en ? gfx_text(g, FONT_SMALL, en, rw - PX(16)) : NULL;
    if (et && ry + et->h <= r.y + r.h) ry += gfx_draw_wrapped(g, FONT_SMALL, en, rx + PX(16), ry, rw - PX(16), COL_MUTED) + PX(3);
    if (hi < 0 && tip < 0 && ui_hovered(u, (SDL_Rect){rx, y0, rw, ry - y0})) hi = s;
    ry += PX(8);
  }
  if (xt >= 0 && yt >= 0) scatter(u, plot, xt, yt, hi);
  if (check) { /* tests: where the legend's entries are, and which policy is lit */
    static char was[2100] = "-";
    char now[2100];
    snprintf(now, sizeof now, "among: legend%s lit %d", lay, hi);
    if (strcmp(was, now)) { fprintf(stderr, "%s '%s'\n", now, hi >= 0 ? a->set_name[hi] : ""); snprintf(was, sizeof was, "%s", now); }
    static char ends_was[4096];
    if (strcmp(ends_was, ends)) { fputs(ends, stderr); snprintf(ends_was, sizeof ends_was, "%s", ends); }
  }
  if (tip >= 0) { /* over everything below the legend: the policy's own words */
    char line[1200];
    size_t nl = strlen(a->set_name[tip]); /* a policy's words may begin with its name already */
    char en[512];
    ending_shares(d, a, tip, fl_tr(T_ENDED), en, sizeof en);
    if (!strncmp(a->set_text[tip], a->set_name[tip], nl) && a->set_text[tip][nl] == ':')
      snprintf(line, sizeof line, "%s\n%s", a->set_text[tip], en);
    else snprintf(line, sizeof line, "%s: %s\n%s", a->set_name[tip], a->set_text[tip], en);
    if (check) {
      static char tip_was[1200];
      if (strcmp(tip_was, line)) {
        snprintf(tip_was, sizeof tip_was, "%s", line);
        for (char *c = tip_was; *c; c++) if (*c == '\n') *c = ' ';
        fprintf(stderr, "among: tip %s\n", tip_was);
        snprintf(tip_was, sizeof tip_was, "%s", line);
      }
    }
    int tw = rw < PX(420) ? rw : PX(420);
    const gfx_Text *tt = gfx_text(g, FONT_SMALL, line, tw);
    int th = (tt ? tt->h : lh) + PX(16), tx0 = tip_r.x + tw + PX(16) > rx + rw ? rx + rw - tw - PX(16) : tip_r.x;
    SDL_Rect box = {tx0, tip_r.y + tip_r.h + PX(4), tw + PX(16), th};
    gfx_round(g, box, PX(6), COL_CARD_HI);
    gfx_round_frame(g, box, PX(6), gfx_alpha(COL_ACCENT, 170), 1);
    gfx_draw_wrapped(g, FONT_SMALL, line, box.x + PX(8), box.y + PX(8), tw, COL_TEXT);
  }
}
