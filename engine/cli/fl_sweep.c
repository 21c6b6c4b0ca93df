#include "fl_sweep.h"
#include "fl_chart.h"
#include "fl_fmt.h"
#include "fl_stats.h"
#include "fl_str.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* How many decimals x needs when written exactly (0.15 -> 2, 10 -> 0). */
static int decimals(double x) {
  char b[64];
  fl_fmt_exact(x, b, sizeof b);
  const char *dot = strchr(b, '.');
  return strchr(b, 'e') ? 17 : dot ? (int)strlen(dot + 1) : 0;
}

int fl_sweep_parse(const char *spec, const fl_Def *d, fl_Sweep *sw, char *err, size_t errn) {
  const char *eq = strchr(spec, '=');
  size_t il = eq ? (size_t)(eq - spec) : strlen(spec);
  memset(sw, 0, sizeof *sw);
  if (!il || il >= sizeof sw->id) { snprintf(err, errn, "--sweep-param expects ID=FROM:TO:STEP or ID, got '%s'", spec); return -1; }
  memcpy(sw->id, spec, il);
  int p = fl_def_param(d, sw->id);
  if (p < 0) {
    const char *s = fl_def_param_suggest(d, sw->id);
    snprintf(err, errn, "--sweep-param: scenario '%s' has no parameter '%s'%s%s%s", d->id, sw->id, s ? "; did you mean '" : "",
             s ? s : "", s ? "'?" : "");
    return -1;
  }
  const fl_ParamDef *pd = &d->params[p];
  double from = pd->min, to = pd->max, step = pd->step > 0 ? pd->step : (pd->max - pd->min) / 10;
  if (eq) {
    char extra;
    if (sscanf(eq + 1, "%lf:%lf:%lf%c", &from, &to, &step, &extra) != 3 || !isfinite(from) || !isfinite(to) || !isfinite(step)) {
      snprintf(err, errn, "--sweep-param %s: expected FROM:TO:STEP (e.g. %s=%g:%g:%g), got '%s'", sw->id, sw->id, pd->min, pd->max,
               pd->step > 0 ? pd->step : (pd->max - pd->min) / 10, eq + 1);
      return -1;
    }
  }
  if (!(step > 0) || to < from) { snprintf(err, errn, "--sweep-param %s: need FROM <= TO and STEP > 0", sw->id); return -1; }
  if (from < pd->min || to > pd->max) {
    snprintf(err, errn, "--sweep-param %s: %g..%g leaves the parameter's range %g..%g", sw->id, from, to, pd->min, pd->max);
    return -1;
  }
  if (pd->max == pd->min) { sw->v[sw->n++] = pd->min; return 0; }
  int dec = decimals(from) > decimals(step) ? decimals(from) : decimals(step);
  for (int k = 0;; k++) { /* by index, so rounding cannot skip or add the last value */
    char t[64];
    snprintf(t, sizeof t, "%.*f", dec, from + step * k); /* 0.15, not 0.15000000000000002 */
    double v = strtod(t, NULL);
    if (v > to + step * 1e-9) break;
    if (sw->n == FL_SWEEP_MAX) { snprintf(err, errn, "--sweep-param %s: more than %d values; take a larger step", sw->id, FL_SWEEP_MAX); return -1; }
    sw->v[sw->n++] = v > to ? to : v;
  }
  return 0;
}

int fl_sweep_sets(const fl_Sweep *sw, const fl_PolicySet *base, int nbase, fl_PolicySet **out) {
  int n = nbase * sw->n;
  fl_PolicySet *s = calloc((size_t)n + 1, sizeof *s);
  if (!s) return -1;
  for (int b = 0, k = 0; b < nbase; b++)
    for (int i = 0; i < sw->n; i++, k++) {
      char v[40], spec[128], *name;
      fl_fmt_exact(sw->v[i], v, sizeof v);
      snprintf(spec, sizeof spec, "%s=%s", sw->id, v);
      size_t nl = strlen(base[b].name) + strlen(spec) + 4;
      if (!(name = malloc(nl))) { fl_test_free_sets(s, n); return -1; }
      snprintf(name, nl, "%s [%s]", base[b].name, spec);
      s[k].name = name;
      if (base[b].all && !(s[k].all = fl_str_dup(base[b].all))) { fl_test_free_sets(s, n); return -1; }
      for (int j = 0; j < base[b].n; j++)
        if (fl_test_policy_add(&s[k], base[b].role[j], base[b].policy[j])) { fl_test_free_sets(s, n); return -1; }
      for (int j = 0; j < base[b].nparam; j++)
        if (fl_test_param_add(&s[k], base[b].param[j])) { fl_test_free_sets(s, n); return -1; }
      if (fl_test_param_add(&s[k], spec)) { fl_test_free_sets(s, n); return -1; }
    }
  *out = s;
  return n;
}

void fl_sweep_view_free(fl_SweepView *v) {
  for (int i = 0; i < v->nbase; i++) free(v->base_name[i]);
  free(v->base_name);
  free(v->base);
  free(v->value);
  memset(v, 0, sizeof *v);
}

int fl_sweep_view(const fl_Results *r, fl_SweepView *v) {
  memset(v, 0, sizeof *v);
  if (r->nset < 2) return 0;
  v->base = calloc((size_t)r->nset, sizeof *v->base);
  v->value = calloc((size_t)r->nset, sizeof *v->value);
  v->base_name = calloc((size_t)r->nset, sizeof *v->base_name);
  if (!v->base || !v->value || !v->base_name) { fl_sweep_view_free(v); return 0; }
  for (int s = 0; s < r->nset; s++) {
    const char *name = r->set[s], *open = strrchr(name, '[');
    size_t len = strlen(name);
    const char *eq = open ? strchr(open, '=') : NULL;
    char id[64], *end;
    if (!open || open == name || open[-1] != ' ' || name[len - 1] != ']' || !eq || (size_t)(eq - open - 1) >= sizeof id) {
      fl_sweep_view_free(v);
      return 0;
    }
    snprintf(id, sizeof id, "%.*s", (int)(eq - open - 1), open + 1);
    double val = strtod(eq + 1, &end);
    if (end != name + len - 1 || !fl_str_is_id(id) || (s && strcmp(id, v->id))) { fl_sweep_view_free(v); return 0; }
    snprintf(v->id, sizeof v->id, "%s", id);
    v->value[s] = val;
    size_t bl = (size_t)(open - 1 - name);
    int b = 0;
    while (b < v->nbase && (strlen(v->base_name[b]) != bl || strncmp(v->base_name[b], name, bl))) b++;
    if (b == v->nbase) {
      if (!(v->base_name[b] = malloc(bl + 1))) { fl_sweep_view_free(v); return 0; }
      memcpy(v->base_name[b], name, bl);
      v->base_name[b][bl] = '\0';
      v->nbase++;
    }
    v->base[s] = b;
  }
  int values = 0; /* a sweep needs at least two values of its parameter */
  for (int s = 0; s < r->nset; s++) values += v->base[s] == 0;
  if (values < 2) { fl_sweep_view_free(v); return 0; }
  return 1;
}

static const char *const PALETTE[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"};

static void tick(char *b, size_t n, double v) {
  if (fabs(v) < 1e-9) v = 0;
  snprintf(b, n, fabs(v) >= 1000 || v == floor(v) ? "%.0f" : "%.3g", v);
}

/* A round step for about four ticks over [lo, hi]: 1, 2 or 5 times a power of ten. */
static double nice_step(double lo, double hi) {
  double step = pow(10, floor(log10((hi - lo) / 4)));
  if ((hi - lo) / step > 20) step *= 5;
  else if ((hi - lo) / step > 8) step *= 2;
  return step;
}

/* Base set b's name as people read it: the label of its first swept set without " [ID=V]". */
static void base_label(const fl_Results *r, const fl_SweepView *v, int b, char *buf, size_t n) {
  snprintf(buf, n, "%s", v->base_name[b]);
  for (int s = 0; s < r->nset; s++)
    if (v->base[s] == b) {
      const char *l = s < r->nlabel ? r->set_label[s] : NULL, *br = l ? strrchr(l, '[') : NULL;
      if (br && br > l + 1) snprintf(buf, n, "%.*s", (int)(br - l - 1), l);
      return;
    }
}

/* One chart: per set a value (mean) and, when lo/hi are given, a band; x is the swept value. */
static void chart(FILE *f, const fl_Results *r, const fl_SweepView *v, const double *mean, const double *lo, const double *hi,
                  const char *title, const char *param_name, const char *cls) {
  int ns = r->nset, W = 900, H = 320, L = 70, R = 280, T = 30, B = 45;
  double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
  for (int s = 0; s < ns; s++) {
    if (v->value[s] < x0) x0 = v->value[s];
    if (v->value[s] > x1) x1 = v->value[s];
    double a = lo ? lo[s] : mean[s], z = hi ? hi[s] : mean[s];
    if (a < y0) y0 = a;
    if (z > y1) y1 = z;
  }
  if (!(x1 > x0)) { x0 -= 1; x1 += 1; }
  if (!(y1 > y0)) { y0 -= 1; y1 += 1; }
  double ys = nice_step(y0, y1); /* the y axis from a round value to a round value */
  y0 = floor(y0 / ys + 1e-9) * ys;
  y1 = ceil(y1 / ys - 1e-9) * ys;
#define X(x) (L + ((x) - x0) / (x1 - x0) * (W - L - R))
#define Y(y) (H - B - ((y) - y0) / (y1 - y0) * (H - T - B))
  fprintf(f, "<svg class=\"%s\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", cls, W, H, W, H);
  fl_chart_esc(f, title);
  fputs("\">\n<text x=\"8\" y=\"18\" font-size=\"13\" font-weight=\"bold\">", f);
  fl_chart_esc(f, title);
  fputs("</text>\n", f);
  for (double yv = y0; yv <= y1 + ys * 1e-9; yv += ys) {
    char b[40];
    tick(b, sizeof b, yv);
    fprintf(f, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e3e6ea\"/><text x=\"%d\" y=\"%.1f\" font-size=\"11\" "
               "text-anchor=\"end\">%s</text>", L, W - R, Y(yv), Y(yv), L - 6, Y(yv) + 4, b);
  }
  int nx = 0; /* x ticks at the values played, when they are few enough to read */
  for (int s = 0; s < ns; s++) nx += v->base[s] == 0;
  if (nx <= 11) {
    for (int s = 0; s < ns; s++)
      if (v->base[s] == 0) {
        char b[40];
        tick(b, sizeof b, v->value[s]);
        fprintf(f, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>", X(v->value[s]), H - B + 16, b);
      }
  } else {
    double xs = nice_step(x0, x1);
    for (double xv = ceil(x0 / xs - 1e-9) * xs; xv <= x1 + xs * 1e-9; xv += xs) {
      char b[40];
      tick(b, sizeof b, xv);
      fprintf(f, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>", X(xv), H - B + 16, b);
    }
  }
  fprintf(f, "\n<text x=\"%.1f\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">", (double)(L + W - R) / 2, H - 8);
  fl_chart_esc(f, param_name);
  fputs("</text>\n", f);
  for (int b = 0; b < v->nbase; b++) {
    const char *col = PALETTE[b % 8];
    if (lo && hi) { /* the band: a faint fill and dashed edges, so that overlapping bands stay apart */
      fprintf(f, "<path fill=\"%s\" fill-opacity=\"0.07\" stroke=\"%s\" stroke-opacity=\"0.55\" stroke-dasharray=\"4 3\" d=\"", col, col);
      int first = 1;
      for (int s = 0; s < ns; s++) if (v->base[s] == b) { fprintf(f, "%c%.1f %.1f ", first ? 'M' : 'L', X(v->value[s]), Y(hi[s])); first = 0; }
      for (int s = ns - 1; s >= 0; s--) if (v->base[s] == b) fprintf(f, "L%.1f %.1f ", X(v->value[s]), Y(lo[s]));
      fputs("Z\"/>\n", f);
    }
    fprintf(f, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\" points=\"", col);
    for (int s = 0; s < ns; s++) if (v->base[s] == b) fprintf(f, "%.1f,%.1f ", X(v->value[s]), Y(mean[s]));
    fputs("\"/>\n", f);
    for (int s = 0; s < ns; s++)
      if (v->base[s] == b) {
        char xs[40], ym[40];
        fl_res_num(v->value[s], xs, sizeof xs);
        fl_res_num(mean[s], ym, sizeof ym);
        fprintf(f, "<circle class=\"sp\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\" data-base=\"%d\" data-value=\"%s\" data-mean=\"%s\"><title>",
                X(v->value[s]), Y(mean[s]), col, b, xs, ym);
        fl_chart_esc(f, r->set[s]);
        fprintf(f, ": %s %s</title></circle>\n", lo ? "mean" : "", ym);
      }
    char name[256];
    base_label(r, v, b, name, sizeof name);
    fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" font-size=\"12\">", W - R + 12,
            T + 18 * b, col, W - R + 27, T + 18 * b + 9);
    fl_chart_esc(f, name);
    fputs("</text>\n", f);
  }
#undef X
#undef Y
  fputs("</svg>\n", f);
}

void fl_sweep_chart(FILE *f, const fl_Results *r, const fl_SweepView *v, int t, const char *name, const char *unit,
                    const char *param_name) {
  int ns = r->nset;
  double *m = calloc((size_t)ns * 3, sizeof *m), *buf = malloc((r->n + 1) * sizeof *buf);
  if (!m || !buf) { free(m); free(buf); return; }
  for (int s = 0; s < ns; s++) {
    size_t k = 0;
    fl_Stats st;
    for (size_t i = 0; i < r->n; i++)
      if (r->set_of[i] == s) buf[k++] = r->val[i * (size_t)r->ntrack + (size_t)t];
    fl_stats_of(buf, k, &st);
    m[s] = st.mean, m[ns + s] = st.p05, m[2 * ns + s] = st.p95;
  }
  free(buf);
  char title[512];
  int better = t >= 0 && t < r->ntrack ? r->info[t].better : 0;
  snprintf(title, sizeof title, "%s%s%s%s against %s%s", name, unit && *unit ? " (" : "", unit && *unit ? unit : "",
           unit && *unit ? ")" : "", param_name, better > 0 ? " (higher is better)" : better < 0 ? " (lower is better)" : "");
  chart(f, r, v, m, m + ns, m + 2 * ns, title, param_name, "sens");
  free(m);
}

/* The share of each set's games that reached ending e, in percent. */
static void ending_chart(FILE *f, const fl_Results *r, const fl_SweepView *v, int e, const char *param_name) {
  double *m = calloc((size_t)r->nset, sizeof *m);
  if (!m) return;
  for (int s = 0; s < r->nset; s++) {
    size_t n = fl_res_games(r, s);
    m[s] = n ? 100.0 * (double)fl_res_count(r, s, e) / (double)n : 0;
  }
  char title[512];
  snprintf(title, sizeof title, "Games ending \xE2\x80\x9C%s\xE2\x80\x9D (%%) against %s", r->ending_title[e] ? r->ending_title[e] : r->ending[e],
           param_name);
  chart(f, r, v, m, NULL, NULL, title, param_name, "sens-end");
  free(m);
}

void fl_sweep_report(FILE *f, const fl_Results *r, const fl_Def *d) {
  fl_SweepView v;
  if (fl_sweep_view(r, &v)) {
    int p = d ? fl_def_param(d, v.id) : -1;
    const char *pname = p >= 0 ? d->params[p].name : v.id;
    fputs("<h2 id=\"sensitivity\">Sensitivity: ", f);
    fl_chart_esc(f, pname);
    fputs("</h2>\n<p>Every policy set was played at each value of <b>", f);
    fl_chart_esc(f, pname);
    fprintf(f, "</b> (<code>%s</code>), the other parameters fixed, with the same seeds. Each line is a set's mean; the band holds "
               "nine games in ten (dashed edges). First how often the games ended each way, then each headline track. A line "
               "that climbs or falls says the result depends on this assumption; a flat one says it does not.", v.id);
    size_t per = r->nset ? r->n / (size_t)r->nset : 0;
    if (per) /* a rare ending's share moves by whole games: its wiggles are chance */
      fprintf(f, " With %zu games at each value, one game is %.2g points of an ending's share: a rare ending's line that "
                 "moves by a game or two says nothing.", per, 100.0 / (double)per);
    fputs("</p>\n", f);
    for (int e = 0; e < r->nending; e++) ending_chart(f, r, &v, e, pname); /* how the games end: war, or not */
    for (int t = 0; t < r->ntrack; t++) /* the headline tracks: shown to players, with a better direction */
      if (!r->info[t].hidden && r->info[t].better) fl_sweep_chart(f, r, &v, t, r->info[t].name, r->info[t].unit, pname);
    fl_sweep_view_free(&v);
  }
}
