/* Charts of batch results: plain SVG written by hand (no dependencies), and an
 * HTML page that embeds it. */
#include "fl_chart.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const PALETTE[] = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
                                      "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"};
#define NPAL 10
#define W 960
#define PANEL_W 460
#define PANEL_H 190
#define SCATTER_H 420

static void esc(FILE *f, const char *s) {
  for (; *s; s++) {
    if (*s == '<') fputs("&lt;", f);
    else if (*s == '>') fputs("&gt;", f);
    else if (*s == '&') fputs("&amp;", f);
    else if (*s == '"') fputs("&quot;", f);
    else fputc(*s, f);
  }
}

static const char *color(int set) { return PALETTE[set % NPAL]; }

/* A "nice" tick step (1, 2 or 5 times a power of ten) giving about n ticks over span. */
static double nice_step(double span, int n) {
  if (!(span > 0)) return 1;
  double raw = span / n, mag = pow(10, floor(log10(raw))), f = raw / mag;
  return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * mag;
}

/* A track's title: its id and, where known, its unit. */
static void track_title(FILE *f, const fl_Results *r, int k) {
  esc(f, r->track[k]);
  if (r->unit && r->unit[k]) { fputs(" (", f); esc(f, r->unit[k]); fputc(')', f); }
}

/* One histogram panel of track k at (x0, y0): a step outline per policy set. */
static void histogram(FILE *f, const fl_Results *r, int k, double x0, double y0) {
  double lo = INFINITY, hi = -INFINITY;
  int integral = 1;
  for (size_t i = 0; i < r->n; i++) {
    double v = r->val[i * (size_t)r->ntrack + (size_t)k];
    lo = v < lo ? v : lo;
    hi = v > hi ? v : hi;
    integral &= v == floor(v);
  }
  if (!r->n) return;
  /* small integer ranges get one bin per value; everything else 24 equal bins */
  int unit_bins = integral && hi - lo <= 40;
  int nb = unit_bins ? (int)(hi - lo) + 1 : 24;
  double blo = unit_bins ? lo - 0.5 : lo, bw = unit_bins ? 1 : (hi - lo) / nb;
  if (bw <= 0) bw = 1;
  double *share = calloc((size_t)nb * (size_t)(r->nset ? r->nset : 1), sizeof *share), top = 0;
  if (!share) return;
  for (int s = 0; s < r->nset; s++) {
    size_t n = 0;
    for (size_t i = 0; i < r->n; i++) {
      if (r->set_of[i] != s) continue;
      int b = (int)floor((r->val[i * (size_t)r->ntrack + (size_t)k] - blo) / bw);
      b = b < 0 ? 0 : b >= nb ? nb - 1 : b;
      share[s * nb + b] += 1;
      n++;
    }
    for (int b = 0; b < nb; b++) {
      share[s * nb + b] /= n ? (double)n : 1;
      top = share[s * nb + b] > top ? share[s * nb + b] : top;
    }
  }
  double px = x0 + 40, pw = PANEL_W - 60, py = y0 + 28, ph = PANEL_H - 60;
  fprintf(f, "<g><text x=\"%.1f\" y=\"%.1f\" class=\"t\">", x0 + 40, y0 + 16);
  track_title(f, r, k);
  fprintf(f, "</text>\n<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"ax\"/>\n", px, py + ph, px + pw, py + ph);
  fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"ax\"/>\n", px, py, px, py + ph);
  { /* round-number ticks along the bins' range */
    double a = blo, z = blo + bw * nb, st = nice_step(z - a, 5);
    for (double t = ceil(a / st) * st; t <= z + st * 1e-9; t += st)
      fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"ax\"/><text x=\"%.1f\" y=\"%.1f\" "
                 "class=\"l\" text-anchor=\"middle\">%g</text>",
              px + pw * (t - a) / (z - a), py + ph, px + pw * (t - a) / (z - a), py + ph + 3,
              px + pw * (t - a) / (z - a), py + ph + 14, fabs(t) < st * 1e-9 ? 0 : t);
  }
  fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" class=\"l\" text-anchor=\"end\">%.0f%%</text>", px - 4, py + 8, top * 100);
  fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" class=\"l\" text-anchor=\"end\">0</text>\n", px - 4, py + ph);
  for (int s = 0; s < r->nset && top > 0; s++) {
    fprintf(f, "<path d=\"M%.1f %.1f", px, py + ph);
    for (int b = 0; b < nb; b++) {
      double h = share[s * nb + b] / top * ph;
      fprintf(f, " L%.1f %.1f L%.1f %.1f", px + pw * b / nb, py + ph - h, px + pw * (b + 1) / nb, py + ph - h);
    }
    fprintf(f, " L%.1f %.1f Z\" fill=\"%s\" fill-opacity=\"0.18\" stroke=\"%s\" stroke-width=\"1.8\" stroke-opacity=\"0.9\"/>\n",
            px + pw, py + ph, color(s), color(s));
  }
  fprintf(f, "</g>\n");
  free(share);
}

/* Whether set a is at least as good as b on both axes and better on one. */
static int dominates(const double *mx, const double *my, int a, int b, int xb, int yb) {
  double dx = (mx[a] - mx[b]) * xb, dy = (my[a] - my[b]) * yb;
  return dx >= 0 && dy >= 0 && (dx > 0 || dy > 0);
}

static void scatter(FILE *f, const fl_Results *r, const fl_ChartOpts *o, double y0) {
  int ns = r->nset;
  double *mx = calloc((size_t)ns + 1, sizeof *mx), *my = calloc((size_t)ns + 1, sizeof *my);
  double *ex = calloc((size_t)ns + 1, sizeof *ex), *ey = calloc((size_t)ns + 1, sizeof *ey);
  int *front = calloc((size_t)ns + 1, sizeof *front);
  if (!mx || !my || !ex || !ey || !front) goto done;
  double xl = INFINITY, xh = -INFINITY, yl = INFINITY, yh = -INFINITY;
  for (int s = 0; s < ns; s++) {
    fl_Stats a, b;
    fl_res_stats(r, s, o->x, &a);
    fl_res_stats(r, s, o->y, &b);
    mx[s] = a.mean; ex[s] = a.ci_hi - a.mean;
    my[s] = b.mean; ey[s] = b.ci_hi - b.mean;
    xl = fmin(xl, a.ci_lo); xh = fmax(xh, a.ci_hi);
    yl = fmin(yl, b.ci_lo); yh = fmax(yh, b.ci_hi);
  }
  int xpos = xl >= 0, ypos = yl >= 0;
  double padx = (xh - xl) * 0.1 + 1e-9 + (xh == xl), pady = (yh - yl) * 0.1 + 1e-9 + (yh == yl);
  xl -= padx; xh += padx; yl -= pady; yh += pady;
  if (xpos && xl < 0) xl = 0; /* counts and shares do not go below zero */
  if (ypos && yl < 0) yl = 0;
  double sx = nice_step(xh - xl, 5), sy = nice_step(yh - yl, 5);
  xl = floor(xl / sx) * sx; xh = ceil(xh / sx) * sx;
  yl = floor(yl / sy) * sy; yh = ceil(yh / sy) * sy;
  double px = 80, pw = W - 140, py = y0 + 50, ph = SCATTER_H - 110;
#define SX(v) (px + ((v) - xl) / (xh - xl) * pw)
#define SY(v) (py + ph - ((v) - yl) / (yh - yl) * ph)
  fprintf(f, "<g><text x=\"%d\" y=\"%.1f\" class=\"t\">Policy sets: mean ", 40, y0 + 20);
  esc(f, r->track[o->x]);
  fputs(" against mean ", f);
  esc(f, r->track[o->y]);
  fprintf(f, "</text>\n<text x=\"%d\" y=\"%.1f\" class=\"l\">Whiskers: 95%% confidence interval of each mean. "
             "Dashed line: the Pareto frontier (no other set is better on both).</text>\n", 40, y0 + 36);
  fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"fr\"/>\n", px, py, pw, ph);
  for (double vx = xl; vx <= xh + sx * 1e-9; vx += sx)
    fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" class=\"l\" text-anchor=\"middle\">%g</text>", SX(vx), py + ph + 16,
            fabs(vx) < sx * 1e-9 ? 0 : vx);
  for (double vy = yl; vy <= yh + sy * 1e-9; vy += sy)
    fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" class=\"l\" text-anchor=\"end\">%g</text>\n", px - 6, SY(vy) + 4,
            fabs(vy) < sy * 1e-9 ? 0 : vy);
  fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" class=\"a\" text-anchor=\"middle\">", px + pw / 2, py + ph + 38);
  track_title(f, r, o->x);
  fprintf(f, " (%s is better)</text>\n", o->x_better > 0 ? "higher" : "lower");
  fprintf(f, "<text transform=\"translate(%.1f %.1f) rotate(-90)\" class=\"a\" text-anchor=\"middle\">", px - 56, py + ph / 2);
  track_title(f, r, o->y);
  fprintf(f, " (%s is better)</text>\n", o->y_better > 0 ? "higher" : "lower");
  /* the frontier: sets no other set dominates, joined in x order */
  int nf = 0;
  int *order = calloc((size_t)ns + 1, sizeof *order);
  for (int s = 0; s < ns; s++) {
    front[s] = 1;
    for (int t = 0; t < ns; t++) if (t != s && dominates(mx, my, t, s, o->x_better, o->y_better)) front[s] = 0;
    if (front[s] && order) {
      int j = nf++;
      while (j > 0 && mx[order[j - 1]] > mx[s]) { order[j] = order[j - 1]; j--; }
      order[j] = s;
    }
  }
  if (order && nf > 1) {
    fputs("<polyline class=\"pf\" points=\"", f);
    for (int j = 0; j < nf; j++) fprintf(f, "%s%.1f,%.1f", j ? " " : "", SX(mx[order[j]]), SY(my[order[j]]));
    fputs("\"/>\n", f);
  }
  free(order);
  for (int s = 0; s < ns; s++) {
    const char *c = color(s);
    fprintf(f, "<g stroke=\"%s\"><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", c, SX(mx[s] - ex[s]), SY(my[s]), SX(mx[s] + ex[s]), SY(my[s]));
    fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/></g>", SX(mx[s]), SY(my[s] - ey[s]), SX(mx[s]), SY(my[s] + ey[s]));
    fprintf(f, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"%s\"%s/>", SX(mx[s]), SY(my[s]), front[s] ? 6 : 4, c,
            front[s] ? " stroke=\"#000\" stroke-width=\"1.5\"" : "");
    fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" class=\"l\">", SX(mx[s]) + 8, SY(my[s]) - 8);
    esc(f, r->set[s]);
    fputs("</text>\n", f);
  }
  fputs("</g>\n", f);
#undef SX
#undef SY
done:
  free(mx); free(my); free(ex); free(ey); free(front);
}

void fl_chart_svg(FILE *f, const fl_Results *r, const fl_ChartOpts *o) {
  int shown[512], nshown = 0;
  for (int k = 0; k < r->ntrack && nshown < 512; k++)
    if (!(r->hidden && r->hidden[k])) shown[nshown++] = k; /* tracks hidden from players stay in the CSV */
  int rows = (nshown + 1) / 2, scat = o->x >= 0 && o->y >= 0 && r->nset > 0;
  double legend_h = 30 + 18.0 * ((r->nset + 3) / 4);
  double h = 40 + legend_h + rows * PANEL_H + (scat ? SCATTER_H : 0);
  fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%.0f\" viewBox=\"0 0 %d %.0f\" "
             "font-family=\"sans-serif\">\n", W, h, W, h);
  fputs("<style>.t{font-size:14px;font-weight:bold}.l{font-size:11px;fill:#333}.a{font-size:12px;fill:#111}"
        ".ax{stroke:#555}.fr{fill:none;stroke:#999}.pf{fill:none;stroke:#000;stroke-dasharray:6 4}</style>\n", f);
  fprintf(f, "<rect width=\"%d\" height=\"%.0f\" fill=\"#fff\"/>\n<text x=\"20\" y=\"28\" font-size=\"18\" font-weight=\"bold\">", W, h);
  esc(f, o->title ? o->title : "flank batch");
  fputs("</text>\n", f);
  for (int s = 0; s < r->nset; s++) {
    double lx = 20 + (s % 4) * 235, ly = 52 + (s / 4) * 18;
    fprintf(f, "<rect x=\"%.0f\" y=\"%.0f\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%.0f\" y=\"%.0f\" class=\"l\">",
            lx, ly - 10, color(s), lx + 16, ly);
    esc(f, r->set[s]);
    fputs("</text>\n", f);
  }
  double y0 = 40 + legend_h;
  for (int j = 0; j < nshown; j++) histogram(f, r, shown[j], (j % 2) * (PANEL_W + 20), y0 + (j / 2) * PANEL_H);
  if (scat) scatter(f, r, o, y0 + rows * PANEL_H);
  fputs("</svg>\n", f);
}

void fl_chart_html(FILE *f, const fl_Results *r, const fl_ChartOpts *o) {
  const char *title = o->title ? o->title : "flank batch";
  fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>", f);
  esc(f, title);
  fputs("</title>\n<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto;color:#111}"
        "table{border-collapse:collapse;margin:0.5em 0 1.5em}td,th{border:1px solid #bbb;padding:3px 8px;text-align:right}"
        "th:first-child,td:first-child{text-align:left}caption{text-align:left;font-weight:bold;padding:4px 0}"
        ".sw{display:inline-block;width:10px;height:10px;margin-right:6px}</style>\n</head>\n<body>\n<h1>", f);
  esc(f, title);
  fputs("</h1>\n", f);
  size_t games = r->n;
  fprintf(f, "<p>%zu games in %d policy set%s, simulated with Flank. Every game is reproducible from its seed.</p>\n", games,
          r->nset, r->nset == 1 ? "" : "s");
  /* endings: one row per set */
  int ne = r->nending;
  fputs("<h2>How the games ended</h2>\n<table>\n<tr><th>policy set</th><th>games</th>", f);
  for (int e = 0; e < ne; e++) { fputs("<th>", f); esc(f, r->ending[e]); fputs("</th>", f); }
  fputs("</tr>\n", f);
  for (int s = 0; s < r->nset; s++) {
    size_t n = 0;
    for (size_t i = 0; i < r->n; i++) n += r->set_of[i] == s;
    fprintf(f, "<tr><td><span class=\"sw\" style=\"background:%s\"></span>", color(s));
    esc(f, r->set[s]);
    fprintf(f, "</td><td>%zu</td>", n);
    for (int e = 0; e < ne; e++) fprintf(f, "<td>%.1f%%</td>", n ? 100.0 * (double)fl_res_count(r, s, e) / (double)n : 0);
    fputs("</tr>\n", f);
  }
  fputs("</table>\n<h2>Tracks at the end of the game</h2>\n", f);
  for (int s = 0; s < r->nset; s++) {
    fputs("<table>\n<caption>", f);
    esc(f, r->set[s]);
    fputs("</caption>\n<tr><th>track</th><th>mean</th><th>95% CI of the mean</th><th>median</th><th>5th pct</th><th>95th pct</th></tr>\n", f);
    for (int k = 0; k <= r->ntrack; k++) {
      int col = k < r->ntrack ? k : -1;
      fl_Stats st;
      fl_res_stats(r, s, col, &st);
      fputs("<tr><td>", f);
      esc(f, col < 0 ? "(turns played)" : r->track[col]);
      fprintf(f, "</td><td>%.4g</td><td>%.4g – %.4g</td><td>%.4g</td><td>%.4g</td><td>%.4g</td></tr>\n", st.mean, st.ci_lo,
              st.ci_hi, st.median, st.p05, st.p95);
    }
    fputs("</table>\n", f);
  }
  fputs("<h2>Charts</h2>\n", f);
  fl_chart_svg(f, r, o);
  fputs("<h2>How to read this</h2>\n<ul>\n"
        "<li><b>Mean</b>: the average over all games of the set. <b>95% CI of the mean</b>: if we ran the batch again "
        "with new seeds, the mean would land in this range about 95 times in 100 (normal approximation).</li>\n"
        "<li><b>5th and 95th percentile</b>: nine games in ten end between these two values. A wide range means "
        "chance matters a lot for this policy.</li>\n"
        "<li><b>Histograms</b>: how often each final value occurred, per policy set.</li>\n"
        "<li><b>Pareto frontier</b> (dashed line, outlined dots): policy sets that no other set beats on both axes at "
        "once. Choosing among them is a question of values, not of evidence: how much of one track is worth how "
        "much of the other?</li>\n"
        "<li>These are the consequences of a model's assumptions, not predictions. Read the scenario's sources "
        "and ask which assumption drives the difference.</li>\n</ul>\n</body>\n</html>\n", f);
}
