/* Charts of batch results: plain SVG written by hand (no dependencies). Every figure is
 * its own <svg>, so the report can keep each on one printed page; the --plot file nests
 * them in one. */
#include "fl_chart.h"
#include "fl_cli.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const PALETTE[] = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
                                      "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"};
#define NPAL 10
#define W 960
#define PANEL_W 470     /* one overlaid histogram figure */
#define PANEL_H 190
#define SM_COLS 5       /* small multiples: panels per row */
#define SM_H 120
#define SCATTER_H 420
#define CHAR_W 6.6      /* a generous width of one 11px sans-serif character */
#define LABEL_H 13

const char FL_CHART_CSS[] =
  ".t{font-size:14px;font-weight:bold}.st{font-size:12px;font-weight:bold}.l{font-size:11px;fill:#333}"
  ".a{font-size:12px;fill:#111}.ax{stroke:#555}.fr{fill:none;stroke:#999}.pf{fill:none;stroke:#000;stroke-dasharray:6 4}"
  ".ld{stroke:#888;stroke-width:0.8}";

const char *fl_chart_color(int set) { return PALETTE[set % NPAL]; }

void fl_chart_esc(FILE *f, const char *s) {
  while (s && *s) {
    int l = cli_utf8_len(s);
    unsigned char c = (unsigned char)*s;
    if (!l) { fputs("\xEF\xBF\xBD", f); s++; continue; } /* not UTF-8: U+FFFD keeps the page valid */
    if (l > 1) { fwrite(s, 1, (size_t)l, f); s += l; continue; }
    if (c == '<') fputs("&lt;", f);
    else if (c == '>') fputs("&gt;", f);
    else if (c == '&') fputs("&amp;", f);
    else if (c == '"') fputs("&quot;", f);
    else if (c == '\n' || c == '\t') fputc(' ', f);
    else if (c >= 0x20 && c != 0x7f) fputc(c, f);
    s++;
  }
}

/* Escape at most max characters of s, ending with "…" when it had to be cut. */
static void esc_fit(FILE *f, const char *s, int max) {
  int n = 0;
  const char *p = s;
  for (; *p && n < max; n++) p += cli_utf8_len(p) ? cli_utf8_len(p) : 1;
  if (!*p) { fl_chart_esc(f, s); return; }
  char buf[1024];
  int keep = 0;
  for (p = s, n = 0; *p && n < max - 1 && (size_t)(p - s) + 4 < sizeof buf; n++) p += cli_utf8_len(p) ? cli_utf8_len(p) : 1;
  keep = (int)(p - s);
  snprintf(buf, sizeof buf, "%.*s\u2026", keep, s);
  fl_chart_esc(f, buf);
}

static int utf8_chars(const char *s) {
  int n = 0;
  for (; *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
  return n;
}

/* A "nice" tick step (1, 2 or 5 times a power of ten) giving about n ticks over span. */
static double nice_step(double span, int n) {
  if (!(span > 0)) return 1;
  double raw = span / n, mag = pow(10, floor(log10(raw))), f = raw / mag;
  return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * mag;
}

/* A track's title: its name and, where known, its unit. */
static void track_title(FILE *f, const fl_Results *r, int k) {
  fl_chart_esc(f, r->info[k].name ? r->info[k].name : r->track[k]);
  if (r->info[k].unit && *r->info[k].unit) { fputs(" (", f); fl_chart_esc(f, r->info[k].unit); fputc(')', f); }
}

static void svg_open(FILE *f, double x, double y, double w, double h, int nested, const char *label) {
  if (nested) fprintf(f, "<svg x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\">\n", x, y, w, h, w, h);
  else {
    fprintf(f, "<svg width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" font-family=\"sans-serif\" aria-label=\"", w, h, w, h);
    fl_chart_esc(f, label);
    fputs("\">\n", f);
  }
}

/* Common bins of a track across sets, and each set's share of games per bin. */
typedef struct Hist { int nb; double blo, bw, top; double *share; } Hist;

static int hist_make(const fl_Results *r, int k, Hist *h) {
  double lo = INFINITY, hi = -INFINITY;
  int integral = 1;
  memset(h, 0, sizeof *h);
  if (!r->n) return -1;
  for (size_t i = 0; i < r->n; i++) {
    double v = r->val[i * (size_t)r->ntrack + (size_t)k];
    lo = v < lo ? v : lo;
    hi = v > hi ? v : hi;
    integral &= v == floor(v);
  }
  /* small integer ranges get one bin per value; everything else 24 equal bins */
  int unit_bins = integral && hi - lo <= 40;
  h->nb = unit_bins ? (int)(hi - lo) + 1 : 24;
  h->blo = unit_bins ? lo - 0.5 : lo;
  h->bw = unit_bins ? 1 : (hi - lo) / h->nb;
  if (h->bw <= 0) h->bw = 1;
  h->share = calloc((size_t)h->nb * (size_t)(r->nset ? r->nset : 1), sizeof *h->share);
  if (!h->share) return -1;
  for (int s = 0; s < r->nset; s++) {
    size_t n = fl_res_games(r, s);
    for (size_t i = 0; i < r->n; i++) {
      if (r->set_of[i] != s) continue;
      int b = (int)floor((r->val[i * (size_t)r->ntrack + (size_t)k] - h->blo) / h->bw);
      b = b < 0 ? 0 : b >= h->nb ? h->nb - 1 : b;
      h->share[s * h->nb + b] += 1;
    }
    for (int b = 0; b < h->nb; b++) {
      h->share[s * h->nb + b] /= n ? (double)n : 1;
      h->top = fmax(h->top, h->share[s * h->nb + b]);
    }
  }
  return 0;
}

/* Axes, ticks and the step outline of the given sets, in the box (x0, y0, w, hh). */
static void hist_panel(FILE *f, const Hist *h, const int *sets, int nsets, double x0, double y0, double w, double hh, int fill) {
  double px = x0 + 40, pw = w - 56, py = y0, ph = hh - 20;
  fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"ax\"/>\n", px, py + ph, px + pw, py + ph);
  fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"ax\"/>\n", px, py, px, py + ph);
  double a = h->blo, z = h->blo + h->bw * h->nb, st = nice_step(z - a, pw < 200 ? 3 : 5);
  for (double t = ceil(a / st) * st; t <= z + st * 1e-9; t += st)
    fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"ax\"/><text x=\"%.1f\" y=\"%.1f\" "
               "class=\"l\" text-anchor=\"middle\">%g</text>",
            px + pw * (t - a) / (z - a), py + ph, px + pw * (t - a) / (z - a), py + ph + 3, px + pw * (t - a) / (z - a),
            py + ph + 14, fabs(t) < st * 1e-9 ? 0 : t);
  fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" class=\"l\" text-anchor=\"end\">%.0f%%</text>", px - 4, py + 8, h->top * 100);
  fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" class=\"l\" text-anchor=\"end\">0</text>\n", px - 4, py + ph);
  for (int j = 0; j < nsets && h->top > 0; j++) {
    int s = sets[j];
    fprintf(f, "<path d=\"M%.1f %.1f", px, py + ph);
    for (int b = 0; b < h->nb; b++) {
      double y = h->share[s * h->nb + b] / h->top * ph;
      fprintf(f, " L%.1f %.1f L%.1f %.1f", px + pw * b / h->nb, py + ph - y, px + pw * (b + 1) / h->nb, py + ph - y);
    }
    fprintf(f, " L%.1f %.1f Z\" fill=\"%s\" fill-opacity=\"%s\" stroke=\"%s\" stroke-width=\"1.8\"/>\n",
            px + pw, py + ph, fl_chart_color(s), fill ? "0.35" : "0.18", fl_chart_color(s));
  }
}

int fl_chart_small_multiples(const fl_Results *r) { return r->nset >= 5; }

static void track_size(const fl_Results *r, double *w, double *h) {
  if (!fl_chart_small_multiples(r)) { *w = PANEL_W; *h = PANEL_H; return; }
  int rows = (r->nset + SM_COLS - 1) / SM_COLS;
  *w = W;
  *h = 30 + rows * (SM_H + 18);
}

static void track_fig(FILE *f, const fl_Results *r, int k, double x, double y, int nested) {
  Hist h;
  double w, hh;
  track_size(r, &w, &hh);
  svg_open(f, x, y, w, hh, nested, r->info[k].name ? r->info[k].name : r->track[k]);
  fprintf(f, "<text x=\"40\" y=\"16\" class=\"t\">");
  track_title(f, r, k);
  fprintf(f, "%s</text>\n", fl_chart_small_multiples(r) ? ": share of games per value, one panel per policy set (same scales)" : "");
  if (!hist_make(r, k, &h)) {
    if (!fl_chart_small_multiples(r)) {
      int all[512], n = 0;
      for (int s = 0; s < r->nset && n < 512; s++) all[n++] = s;
      hist_panel(f, &h, all, n, 0, 28, w, hh - 36, 0);
    } else
      for (int s = 0; s < r->nset; s++) { /* one panel per set: nothing drawn over anything */
        double cw = (double)W / SM_COLS, cx = (s % SM_COLS) * cw, cy = 30 + (s / SM_COLS) * (SM_H + 18);
        fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" class=\"st\" fill=\"%s\"><title>", cx + 8, cy + 12, fl_chart_color(s));
        fl_chart_esc(f, r->set[s]);
        fputs("</title>", f);
        esc_fit(f, r->set[s], (int)((cw - 12) / 7.6)); /* a long name must not run into the next panel */
        fputs("</text>\n", f);
        hist_panel(f, &h, &s, 1, cx, cy + 18, cw, SM_H - 4, 1);
      }
  }
  free(h.share);
  fputs("</svg>\n", f);
}

void fl_chart_track(FILE *f, const fl_Results *r, int k) { track_fig(f, r, k, 0, 0, 0); }

int fl_chart_has_scatter(const fl_Results *r, const fl_ChartOpts *o) { return o->x >= 0 && o->y >= 0 && r->nset >= 2; }

/* Whether set a is at least as good as b on both axes and better on one. */
static int dominates(const double *mx, const double *my, int a, int b, int xb, int yb) {
  double dx = (mx[a] - mx[b]) * xb, dy = (my[a] - my[b]) * yb;
  return dx >= 0 && dy >= 0 && (dx > 0 || dy > 0);
}

typedef struct Box { double x0, y0, x1, y1; } Box;
static int hits(Box a, Box b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; }

/* A place for each label where it overlaps no other label and no point: next to its point
 * if possible, else further out with a leader line, else in a list below the plot (which
 * the figure grows to hold). Returns how many labels went to the list. */
static int place_labels(const fl_Results *r, const double *sx, const double *sy, Box plot, Box *lab, int *leader) {
  int ns = r->nset, listed = 0;
  static const double dirs[8][2] = {{1, -1}, {1, 1}, {-1, -1}, {-1, 1}, {0, -1}, {0, 1}, {1, 0}, {-1, 0}};
  for (int s = 0; s < ns; s++) {
    double w = CHAR_W * utf8_chars(r->set[s]) + 4, h = LABEL_H;
    int done = 0;
    for (int ring = 0; ring < 12 && !done; ring++) {
      double d = 9 + ring * 14;
      for (int k = 0; k < 8 && !done; k++) {
        double cx = sx[s] + dirs[k][0] * (d + (dirs[k][0] ? w / 2 : 0)), cy = sy[s] + dirs[k][1] * (d * 0.7 + h / 2);
        Box b = {cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2};
        int ok = b.x0 >= plot.x0 + 2 && b.x1 <= plot.x1 - 2 && b.y0 >= plot.y0 + 2 && b.y1 <= plot.y1 - 2;
        for (int t = 0; ok && t < ns; t++) ok = !hits(b, (Box){sx[t] - 7, sy[t] - 7, sx[t] + 7, sy[t] + 7});
        for (int t = 0; ok && t < s; t++) ok = !hits(b, lab[t]);
        if (ok) { lab[s] = b; leader[s] = ring > 0; done = 1; }
      }
    }
    if (!done) { /* the list below the plot: one line each, never over anything */
      lab[s] = (Box){plot.x0, plot.y1 + 62 + listed * (h + 3), plot.x0 + w, plot.y1 + 62 + listed * (h + 3) + h};
      leader[s] = 2;
      listed++;
    }
  }
  return listed;
}

/* The scatter's geometry: axes, each set's point and interval, label places. */
typedef struct Sc {
  int ns, xb, yb, listed;
  double xl, xh, yl, yh, px, pw, py, ph, height;
  double *mx, *my, *sx, *sy;
  int *leader;
  Box *lab;
} Sc;

static void sc_free(Sc *c) { free(c->mx); free(c->my); free(c->sx); free(c->sy); free(c->leader); free(c->lab); }

static int sc_layout(const fl_Results *r, const fl_ChartOpts *o, Sc *c) {
  int ns = c->ns = r->nset;
  c->mx = calloc((size_t)ns + 1, sizeof *c->mx); c->my = calloc((size_t)ns + 1, sizeof *c->my);
  c->sx = calloc((size_t)ns + 1, sizeof *c->sx); c->sy = calloc((size_t)ns + 1, sizeof *c->sy);
  c->leader = calloc((size_t)ns + 1, sizeof *c->leader);
  c->lab = calloc((size_t)ns + 1, sizeof *c->lab);
  if (!c->mx || !c->my || !c->sx || !c->sy || !c->leader || !c->lab) return -1;
  c->xb = r->info[o->x].better < 0 ? -1 : 1;
  c->yb = r->info[o->y].better > 0 ? 1 : -1;
  double xl = INFINITY, xh = -INFINITY, yl = INFINITY, yh = -INFINITY;
  for (int s = 0; s < ns; s++) {
    const fl_ColStats *a = fl_res_col(r, s, o->x), *b = fl_res_col(r, s, o->y);
    c->mx[s] = a->st.mean;
    c->my[s] = b->st.mean;
    xl = fmin(xl, a->ci.lo); xh = fmax(xh, a->ci.hi);
    yl = fmin(yl, b->ci.lo); yh = fmax(yh, b->ci.hi);
  }
  int xpos = xl >= 0, ypos = yl >= 0;
  double padx = (xh - xl) * 0.1 + 1e-9 + (xh == xl), pady = (yh - yl) * 0.1 + 1e-9 + (yh == yl);
  xl -= padx; xh += padx; yl -= pady; yh += pady;
  if (xpos && xl < 0) xl = 0; /* counts and shares do not go below zero */
  if (ypos && yl < 0) yl = 0;
  double stx = nice_step(xh - xl, 5), sty = nice_step(yh - yl, 5);
  c->xl = floor(xl / stx) * stx; c->xh = ceil(xh / stx) * stx;
  c->yl = floor(yl / sty) * sty; c->yh = ceil(yh / sty) * sty;
  c->px = 80; c->pw = W - 140; c->py = 50; c->ph = SCATTER_H - 110;
  for (int s = 0; s < ns; s++) {
    c->sx[s] = c->px + (c->mx[s] - c->xl) / (c->xh - c->xl) * c->pw;
    c->sy[s] = c->py + c->ph - (c->my[s] - c->yl) / (c->yh - c->yl) * c->ph;
  }
  c->listed = place_labels(r, c->sx, c->sy, (Box){c->px, c->py, c->px + c->pw, c->py + c->ph}, c->lab, c->leader);
  c->height = c->listed ? c->py + c->ph + 66 + c->listed * (LABEL_H + 3) : SCATTER_H;
  return 0;
}

static void scatter_fig(FILE *f, const fl_Results *r, const fl_ChartOpts *o, double x, double y, int nested) {
  Sc c = {0};
  if (sc_layout(r, o, &c)) { sc_free(&c); return; }
  int ns = c.ns;
  int *front = calloc((size_t)ns + 1, sizeof *front), *order = calloc((size_t)ns + 1, sizeof *order);
  if (!front || !order) goto done;
  double xl = c.xl, xh = c.xh, yl = c.yl, yh = c.yh, px = c.px, pw = c.pw, py = c.py, ph = c.ph;
  double stx = nice_step(xh - xl, 5), sty = nice_step(yh - yl, 5);
#define SX(v) (px + ((v) - xl) / (xh - xl) * pw)
#define SY(v) (py + ph - ((v) - yl) / (yh - yl) * ph)
  svg_open(f, x, y, W, c.height, nested, "Policy sets compared");
  fputs("<text x=\"40\" y=\"20\" class=\"t\">Policy sets: mean ", f);
  track_title(f, r, o->x);
  fputs(" against mean ", f);
  track_title(f, r, o->y);
  /* the legend: a sample of the dashed line, named where a reader looks for it */
  fputs("</text>\n<line x1=\"40\" y1=\"32\" x2=\"68\" y2=\"32\" stroke=\"#000\" stroke-dasharray=\"6 4\"/><circle cx=\"54\" cy=\"32\" r=\"4\" fill=\"#fff\" "
        "stroke=\"#000\" stroke-width=\"1.5\"/><text x=\"74\" y=\"36\" class=\"l\">best trade-offs: no other set beats these on "
        "both (the Pareto frontier, points ringed). Whiskers: 95% confidence interval of each mean.</text>\n", f);
  fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"fr\"/>\n", px, py, pw, ph);
  for (double vx = xl; vx <= xh + stx * 1e-9; vx += stx)
    fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" class=\"l\" text-anchor=\"middle\">%g</text>", SX(vx), py + ph + 16,
            fabs(vx) < stx * 1e-9 ? 0 : vx);
  for (double vy = yl; vy <= yh + sty * 1e-9; vy += sty)
    fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" class=\"l\" text-anchor=\"end\">%g</text>\n", px - 6, SY(vy) + 4,
            fabs(vy) < sty * 1e-9 ? 0 : vy);
  fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" class=\"a\" text-anchor=\"middle\">", px + pw / 2, py + ph + 38);
  track_title(f, r, o->x);
  fprintf(f, " (%s is better)</text>\n", c.xb > 0 ? "higher" : "lower");
  fprintf(f, "<text transform=\"translate(%.1f %.1f) rotate(-90)\" class=\"a\" text-anchor=\"middle\">", px - 56, py + ph / 2);
  track_title(f, r, o->y);
  fprintf(f, " (%s is better)</text>\n", c.yb > 0 ? "higher" : "lower");
  if (c.listed) fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" class=\"l\">Sets whose names did not fit beside their point:</text>\n",
                        px, py + ph + 56);
  int nf = 0; /* the frontier: sets no other set dominates, joined in x order */
  for (int s = 0; s < ns; s++) {
    front[s] = 1;
    for (int t = 0; t < ns; t++) if (t != s && dominates(c.mx, c.my, t, s, c.xb, c.yb)) front[s] = 0;
    if (front[s]) {
      int j = nf++;
      while (j > 0 && c.mx[order[j - 1]] > c.mx[s]) { order[j] = order[j - 1]; j--; }
      order[j] = s;
    }
  }
  if (nf > 1) {
    fputs("<polyline class=\"pf\" points=\"", f);
    for (int j = 0; j < nf; j++) fprintf(f, "%s%.1f,%.1f", j ? " " : "", c.sx[order[j]], c.sy[order[j]]);
    fputs("\"/>\n", f);
  }
  for (int s = 0; s < ns; s++) {
    const char *col = fl_chart_color(s);
    const fl_ColStats *a = fl_res_col(r, s, o->x), *b = fl_res_col(r, s, o->y);
    Box l = c.lab[s];
    fprintf(f, "<g stroke=\"%s\"><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", col, SX(a->ci.lo), c.sy[s],
            SX(a->ci.hi), c.sy[s]);
    fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/></g>", c.sx[s], SY(b->ci.lo), c.sx[s], SY(b->ci.hi));
    fprintf(f, "<circle class=\"pt\" cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"%s\"%s/>", c.sx[s], c.sy[s], front[s] ? 6 : 4, col,
            front[s] ? " stroke=\"#000\" stroke-width=\"1.5\"" : "");
    if (c.leader[s]) { /* from the point to the nearest edge of its label */
      double lx = c.sx[s] < l.x0 ? l.x0 : c.sx[s] > l.x1 ? l.x1 : c.sx[s];
      double ly = c.sy[s] < l.y0 ? l.y0 : c.sy[s] > l.y1 ? l.y1 : c.sy[s];
      fprintf(f, "<line class=\"ld\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", c.sx[s], c.sy[s], lx, ly);
    }
    fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" class=\"l sl\"%s%s%s>", l.x0 + 2, l.y1 - 3, c.leader[s] == 2 ? " fill=\"" : "",
            c.leader[s] == 2 ? col : "", c.leader[s] == 2 ? "\"" : "");
    fl_chart_esc(f, r->set[s]);
    fputs("</text>\n", f);
  }
  fputs("</svg>\n", f);
#undef SX
#undef SY
done:
  free(front); free(order);
  sc_free(&c);
}

static double scatter_height(const fl_Results *r, const fl_ChartOpts *o) {
  Sc c = {0};
  double h = sc_layout(r, o, &c) ? SCATTER_H : c.height;
  sc_free(&c);
  return h;
}

void fl_chart_scatter(FILE *f, const fl_Results *r, const fl_ChartOpts *o) {
  if (fl_chart_has_scatter(r, o)) scatter_fig(f, r, o, 0, 0, 0);
}

void fl_chart_svg(FILE *f, const fl_Results *r, const fl_ChartOpts *o) {
  int shown[512], nshown = 0;
  for (int k = 0; k < r->ntrack && nshown < 512; k++)
    if (!r->info[k].hidden) shown[nshown++] = k; /* tracks hidden from players stay in the CSV */
  double tw, th;
  track_size(r, &tw, &th);
  int per_row = tw * 2 <= W ? 2 : 1, rows = (nshown + per_row - 1) / per_row, scat = fl_chart_has_scatter(r, o);
  double legend_h = 30 + 18.0 * ((r->nset + 3) / 4);
  double h = 40 + legend_h + rows * th + (scat ? scatter_height(r, o) : 0) + (r->has_prov ? 44 : 0);
  fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%.0f\" viewBox=\"0 0 %d %.0f\" "
             "font-family=\"sans-serif\">\n<style>%s</style>\n", W, h, W, h, FL_CHART_CSS);
  fprintf(f, "<rect width=\"%d\" height=\"%.0f\" fill=\"#fff\"/>\n<text x=\"20\" y=\"28\" font-size=\"18\" font-weight=\"bold\">", W, h);
  fl_chart_esc(f, r->has_prov && *r->prov.title ? r->prov.title : "flank batch");
  fputs("</text>\n", f);
  for (int s = 0; s < r->nset; s++) {
    double lx = 20 + (s % 4) * 235, ly = 52 + (s / 4) * 18;
    fprintf(f, "<rect x=\"%.0f\" y=\"%.0f\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%.0f\" y=\"%.0f\" class=\"l\">",
            lx, ly - 10, fl_chart_color(s), lx + 16, ly);
    fl_chart_esc(f, r->set[s]);
    fputs("</text>\n", f);
  }
  double y0 = 40 + legend_h;
  for (int j = 0; j < nshown; j++) track_fig(f, r, shown[j], (j % per_row) * (tw + 20), y0 + (j / per_row) * th, 1);
  if (scat) scatter_fig(f, r, o, 0, y0 + rows * th, 1);
  if (r->has_prov) { /* which batch this is, on the chart itself */
    fprintf(f, "<text x=\"20\" y=\"%.0f\" class=\"l\">", h - 26);
    fl_chart_esc(f, r->prov.scenario);
    fputc(' ', f);
    fl_chart_esc(f, r->prov.version);
    fprintf(f, ", content %016llx, Flank ", (unsigned long long)r->prov.hash);
    fl_chart_esc(f, r->prov.flank);
    fprintf(f, ", seeds %llu..%llu for each policy set</text>\n<text x=\"20\" y=\"%.0f\" class=\"l\">reproduce: ",
            (unsigned long long)r->prov.seed_base, (unsigned long long)(r->prov.seed_base + r->prov.runs - 1), h - 10);
    esc_fit(f, r->prov.command, (int)((W - 110) / CHAR_W));
    fputs("</text>\n", f);
  }
  fputs("</svg>\n", f);
}
