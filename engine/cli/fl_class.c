#include "fl_class.h"
#include "fl_chart.h"
#include "fl_cite.h"
#include "fl_cli.h"
#include "fl_results.h"
#include "fl_str.h"
#include "fl_stats.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *fl_class_kind(int kind) {
  static const char *const K[] = {"verified", "corrupt", "foreign", "tampered", "error"};
  return kind >= 0 && kind < FL_CLASS_NKIND ? K[kind] : "?";
}

void fl_class_counts(const fl_Class *c, int *counts) {
  for (int k = 0; k < FL_CLASS_NKIND; k++) counts[k] = 0;
  for (int i = 0; i < c->n; i++) counts[c->g[i].status]++;
}

/* Headline tracks: shown to players and with a better direction. */
static int headline(const fl_Def *d, int t) { return d->tracks[t].visible && d->tracks[t].higher_is_better; }

/* The share of the model's games (every policy) a value did better than, in percent. */
static double better_than(const fl_Class *c, int t, double v) {
  if (!c->ens) return NAN;
  fl_Standing st = fl_ensemble_standing(c->ens, -1, t, v);
  size_t b = c->def->tracks[t].higher_is_better < 0 ? st.above : st.below;
  return st.n ? 100.0 * (double)b / (double)st.n : NAN;
}

/* The share of the model's games a value equalled, in percent (a full territory ties most
 * games: "better than 13%" alone reads as a poor result). */
static double same_as(const fl_Class *c, int t, double v) {
  if (!c->ens) return NAN;
  fl_Standing st = fl_ensemble_standing(c->ens, -1, t, v);
  return st.n ? 100.0 * (double)st.equal / (double)st.n : NAN;
}

static void student(char *buf, size_t n, const fl_Class *c, const fl_ClassGame *g) {
  if (c->names) snprintf(buf, n, "%s", g->name);
  else snprintf(buf, n, "Student %d", g->number);
}

/* The options a game chose on card k (its student's decisions), distinct, in order: "a+b". */
static void chosen(char *buf, size_t n, const fl_Def *d, const fl_State *s, int k) {
  size_t len = 0;
  buf[0] = '\0';
  for (int i = 0; i < s->nlog && len < n; i++) {
    const fl_LogEntry *e = &s->log[i];
    if (e->kind != FL_LOG_ACTION || e->a != k) continue;
    const char *id = d->cards[k].options[e->b].id;
    int seen = 0;
    for (int j = 0; j < i; j++) seen |= s->log[j].kind == FL_LOG_ACTION && s->log[j].a == k && s->log[j].b == e->b;
    if (!seen) len += (size_t)snprintf(buf + len, n - len, "%s%s", len ? "+" : "", id);
  }
}

/* CSV field: quoted when it holds a comma, a quote or a newline, or starts a formula. */
static void csv_str(FILE *f, const char *s) { fl_str_csv_cell(f, s); }

static int student_card(const fl_Class *c, int k) {
  for (int i = 0; i < c->n; i++)
    if (!c->g[i].status && (c->g[i].student & FL_SIDE_BIT(c->def->cards[k].side))) return 1;
  return 0;
}

void fl_class_csv(FILE *f, const fl_Class *c) {
  const fl_Def *d = c->def;
  fputs("student", f);
  if (c->names) fputs(",file", f);
  fputs(",ending,turns", f);
  for (int t = 0; t < d->ntrack; t++) if (d->tracks[t].visible) fprintf(f, ",%s", d->tracks[t].id);
  for (int t = 0; t < d->ntrack; t++) if (headline(d, t) && c->ens) fprintf(f, ",better_than_%s", d->tracks[t].id);
  for (int k = 0; k < d->ncard; k++) if (student_card(c, k)) fprintf(f, ",%s", d->cards[k].id);
  fputc('\n', f);
  for (int i = 0; i < c->n; i++) {
    const fl_ClassGame *g = &c->g[i];
    if (g->status) continue;
    char buf[2048];
    student(buf, sizeof buf, c, g);
    csv_str(f, buf);
    if (c->names) { fputc(',', f); csv_str(f, g->path); }
    fprintf(f, ",%s,%d", g->state->ending >= 0 ? d->endings[g->state->ending].id : "", g->state->turn);
    for (int t = 0; t < d->ntrack; t++)
      if (d->tracks[t].visible) { fl_res_num(g->state->tracks[t].value, buf, sizeof buf); fprintf(f, ",%s", buf); }
    for (int t = 0; t < d->ntrack; t++)
      if (headline(d, t) && c->ens) fprintf(f, ",%.1f", better_than(c, t, g->state->tracks[t].value));
    for (int k = 0; k < d->ncard; k++)
      if (student_card(c, k)) { chosen(buf, sizeof buf, d, g->state, k); fprintf(f, ",%s", buf); }
    fputc('\n', f);
  }
}

/* ---- HTML ---- */

/* Text with its citations as short references, escaped. */
static void cited(FILE *f, const fl_Def *d, const char *s) {
  fl_Cited c;
  if (fl_cite_resolve(d, s, &c)) { fl_chart_esc(f, s); return; }
  fl_chart_esc(f, c.text);
  fl_cited_free(&c);
}

static void numf(FILE *f, double v) {
  char b[64];
  if (isnan(v)) { fputs("–", f); return; }
  if (fabs(v) >= 100 || v == floor(v)) snprintf(b, sizeof b, "%.0f", v);
  else snprintf(b, sizeof b, "%.3g", v);
  fputs(b, f);
}

static const char CSS[] =
  "body{font:15px/1.45 system-ui,sans-serif;color:#1d2430;max-width:1000px;margin:2em auto;padding:0 1em}"
  "h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:1.8em;border-bottom:1px solid #ccd;break-after:avoid}"
  "table{border-collapse:collapse;margin:.6em 0;break-inside:avoid}td,th{border:1px solid #ccd;padding:.25em .6em;text-align:left}"
  "th{background:#eef0f4}td.n{text-align:right;font-variant-numeric:tabular-nums}.meta{color:#556}"
  ".bar{display:inline-block;height:.8em;background:#3a6ea5;vertical-align:middle}.model{background:#b0b8c4}"
  "svg{display:block;margin:.5em 0;break-inside:avoid}.skip{color:#8a3b12}"
  "@media print{body{margin:0;max-width:none}h2{break-after:avoid}table,svg{break-inside:avoid}}";

static void endings(FILE *f, const fl_Class *c, int nver) {
  const fl_Def *d = c->def;
  fputs("<h2 id=\"endings\">Endings</h2>\n<p>How the class's games ended", f);
  if (c->ens) fprintf(f, ", beside the share of the model's %zu games (every policy for %s) that ended so", c->ens->n,
                      d->sides[c->side].name);
  fputs(".</p>\n<table><tr><th>Ending</th><th>Class</th><th></th>", f);
  if (c->ens) fputs("<th>Model</th><th></th>", f);
  fputs("</tr>\n", f);
  for (int e = -1; e < d->nending; e++) {
    int k = 0;
    size_t m = 0;
    for (int i = 0; i < c->n; i++) k += !c->g[i].status && c->g[i].state->ending == e;
    if (c->ens) for (size_t i = 0; i < c->ens->n; i++) m += c->ens->ending[i] == e;
    if (e < 0 && !k && !m) continue;
    double pc = nver ? 100.0 * k / nver : 0, pm = c->ens && c->ens->n ? 100.0 * (double)m / (double)c->ens->n : 0;
    fputs("<tr><td>", f);
    fl_chart_esc(f, e >= 0 ? d->endings[e].title : "unfinished");
    fprintf(f, "</td><td class=\"n\">%d (%.0f%%)</td><td><span class=\"bar\" style=\"width:%.0fpx\"></span></td>", k, pc, pc * 2);
    if (c->ens) fprintf(f, "<td class=\"n\">%.0f%%</td><td><span class=\"bar model\" style=\"width:%.0fpx\"></span></td>", pm, pm * 2);
    fputs("</tr>\n", f);
  }
  fputs("</table>\n", f);
}

static void choices(FILE *f, const fl_Class *c, int nver) {
  const fl_Def *d = c->def;
  fputs("<h2 id=\"choices\">The class's choices</h2>\n<p>For each decision the students took: how many games chose each "
        "option at least once, and how often it was chosen in all.</p>\n", f);
  for (int k = 0; k < d->ncard; k++) {
    if (!student_card(c, k)) continue;
    const fl_CardDef *card = &d->cards[k];
    int total = 0;
    for (int i = 0; i < c->n; i++)
      for (int j = 0; !c->g[i].status && j < c->g[i].state->nlog; j++)
        total += c->g[i].state->log[j].kind == FL_LOG_ACTION && c->g[i].state->log[j].a == k;
    if (!total) continue;
    fputs("<h3>", f);
    fl_chart_esc(f, card->title);
    fprintf(f, " <small>(%s, <code>%s</code>)</small></h3>\n<table><tr><th>Option</th><th>Games</th><th></th><th>Times</th></tr>\n",
            d->sides[card->side].name, card->id);
    for (int o = 0; o < card->noptions; o++) {
      int games = 0, times = 0;
      for (int i = 0; i < c->n; i++) {
        if (c->g[i].status) continue;
        int here = 0;
        for (int j = 0; j < c->g[i].state->nlog; j++) {
          const fl_LogEntry *e = &c->g[i].state->log[j];
          here += e->kind == FL_LOG_ACTION && e->a == k && e->b == o;
        }
        games += here > 0;
        times += here;
      }
      double p = nver ? 100.0 * games / nver : 0;
      fputs("<tr><td>", f);
      fl_chart_esc(f, card->options[o].label);
      fprintf(f, "</td><td class=\"n\">%d (%.0f%%)</td><td><span class=\"bar\" style=\"width:%.0fpx\"></span></td><td class=\"n\">%d</td></tr>\n",
              games, p, p * 2, times);
    }
    fputs("</table>\n", f);
  }
}

/* One strip per policy (its games' 5th-95th percentile and median), then the class's games
 * as dots, on one axis per headline track. */
static void strips(FILE *f, const fl_Class *c, int t) {
  const fl_Def *d = c->def;
  int nset = c->ens ? c->ens->nset : 0, rows = nset + 1, W = 900, L = 190, R = 20, H = 26 * rows + 40;
  fl_Stats *st = calloc((size_t)nset + 1, sizeof *st);
  double lo = INFINITY, hi = -INFINITY;
  for (int s = 0; s < nset && st; s++) {
    size_t n = c->ens->runs;
    double *v = malloc(n * sizeof *v);
    if (!v) continue;
    for (size_t i = 0; i < n; i++) v[i] = c->ens->val[((size_t)s * n + i) * (size_t)c->ens->ntrack + (size_t)t];
    fl_stats_of(v, n, &st[s]);
    free(v);
    if (st[s].p05 < lo) lo = st[s].p05;
    if (st[s].p95 > hi) hi = st[s].p95;
  }
  for (int i = 0; i < c->n; i++)
    if (!c->g[i].status) {
      double v = c->g[i].state->tracks[t].value;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  if (!(hi > lo)) { hi = lo + 1; lo -= 1; }
#define X(v) (L + ((v) - lo) / (hi - lo) * (W - L - R))
  fprintf(f, "<svg width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", W, H, W, H);
  fl_chart_esc(f, d->tracks[t].name);
  fputs(": the model's games by policy and the class's games\">\n", f);
  for (int s = 0; s < nset && st; s++) {
    int y = 20 + 26 * s;
    fprintf(f, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">", L - 8, y + 4);
    fl_chart_esc(f, c->ens->set_name[s]);
    fprintf(f, "</text><line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#8c96a3\" stroke-width=\"6\"/>"
               "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#1d2430\" stroke-width=\"2\"/>\n",
            X(st[s].p05), X(st[s].p95), y, y, X(st[s].median), X(st[s].median), y - 7, y + 7);
  }
  int y = 20 + 26 * nset;
  fprintf(f, "<text x=\"%d\" y=\"%d\" font-size=\"12\" font-weight=\"bold\" text-anchor=\"end\">the class</text>\n", L - 8, y + 4);
  for (int i = 0, k = 0; i < c->n; i++)
    if (!c->g[i].status) {
      char who[300];
      student(who, sizeof who, c, &c->g[i]);
      fprintf(f, "<circle cx=\"%.1f\" cy=\"%d\" r=\"4\" fill=\"#c0392b\" fill-opacity=\"0.7\"><title>", X(c->g[i].state->tracks[t].value),
              y + ((k++ % 3) - 1) * 5);
      fl_chart_esc(f, who);
      fputs("</title></circle>\n", f);
    }
  int ay = H - 14;
  fprintf(f, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#556\"/>", L, W - R, ay - 10, ay - 10);
  for (int k = 0; k <= 4; k++) {
    double v = lo + (hi - lo) * k / 4;
    char b[64];
    snprintf(b, sizeof b, fabs(v) >= 100 || v == floor(v) ? "%.0f" : "%.3g", v);
    fprintf(f, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>", X(v), ay + 2, b);
  }
#undef X
  fputs("\n</svg>\n", f);
  free(st);
}

static void games(FILE *f, const fl_Class *c) {
  const fl_Def *d = c->def;
  fputs("<h2 id=\"games\">Each game against the model</h2>\n", f);
  if (c->ens)
    fprintf(f, "<p>Each headline figure, and in brackets the share of the model's %zu games (%llu per policy the scenario "
               "defines for %s, seeds 1 to %llu) that it did better than, and the share it equalled when many games "
               "tie (a territory held in full ties every game without a war).</p>\n", c->ens->n,
            (unsigned long long)c->ens->runs, d->sides[c->side].name, (unsigned long long)c->ens->runs);
  fputs("<table><tr><th>Student</th><th>Ending</th>", f);
  for (int t = 0; t < d->ntrack; t++)
    if (headline(d, t)) {
      fputs("<th>", f);
      fl_chart_esc(f, d->tracks[t].name);
      if (*d->tracks[t].unit) { fputs(" (", f); fl_chart_esc(f, d->tracks[t].unit); fputs(")", f); }
      fputs("</th>", f);
    }
  fputs("</tr>\n", f);
  for (int i = 0; i < c->n; i++) {
    const fl_ClassGame *g = &c->g[i];
    if (g->status) continue;
    char who[300];
    student(who, sizeof who, c, g);
    fputs("<tr><td>", f);
    fl_chart_esc(f, who);
    fputs("</td><td>", f);
    fl_chart_esc(f, g->state->ending >= 0 ? d->endings[g->state->ending].title : "unfinished");
    fputs("</td>", f);
    for (int t = 0; t < d->ntrack; t++) {
      if (!headline(d, t)) continue;
      fputs("<td class=\"n\">", f);
      numf(f, g->state->tracks[t].value);
      double b = better_than(c, t, g->state->tracks[t].value);
      double e = same_as(c, t, g->state->tracks[t].value);
      if (!isnan(b) && e >= 5) fprintf(f, " (better than %.0f%%, same as %.0f%%)", b, e);
      else if (!isnan(b)) fprintf(f, " (better than %.0f%%)", b);
      fputs("</td>", f);
    }
    fputs("</tr>\n", f);
  }
  fputs("</table>\n", f);
  if (!c->ens) return;
  for (int t = 0; t < d->ntrack; t++) {
    if (!headline(d, t)) continue;
    fputs("<h3>", f);
    fl_chart_esc(f, d->tracks[t].name);
    fprintf(f, " <small>(%s is better)</small></h3>\n", d->tracks[t].higher_is_better > 0 ? "higher" : "lower");
    strips(f, c, t);
  }
}

static void params(FILE *f, const fl_Class *c) {
  const fl_Def *d = c->def;
  if (!d->nparam) return;
  fputs("<h2 id=\"assumptions\">Assumptions</h2>\n<table><tr><th>Parameter</th><th>Scenario</th><th>Games played with</th></tr>\n", f);
  for (int p = 0; p < d->nparam; p++) {
    fputs("<tr><td>", f);
    fl_chart_esc(f, d->params[p].name);
    fputs("</td><td class=\"n\">", f);
    numf(f, d->params[p].dflt);
    fputs("</td><td>", f);
    for (int i = 0, first = 1; i < c->n; i++) { /* each distinct value once, with its count */
      if (c->g[i].status) continue;
      double v = c->g[i].state->params[p];
      int dup = 0, k = 0;
      for (int j = 0; j < i; j++) dup |= !c->g[j].status && c->g[j].state->params[p] == v;
      if (dup) continue;
      for (int j = i; j < c->n; j++) k += !c->g[j].status && c->g[j].state->params[p] == v;
      fputs(first ? "" : ", ", f);
      numf(f, v);
      fprintf(f, " (%d game%s)", k, k == 1 ? "" : "s");
      first = 0;
    }
    fputs("</td></tr>\n", f);
  }
  fputs("</table>\n", f);
}

void fl_class_html(FILE *f, const fl_Class *c) {
  const fl_Def *d = c->def;
  int counts[FL_CLASS_NKIND];
  fl_class_counts(c, counts);
  fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Class report: ", f);
  fl_chart_esc(f, d->title);
  fprintf(f, "</title>\n<style>%s</style></head><body>\n<h1>Class report: ", CSS);
  fl_chart_esc(f, d->title);
  fprintf(f, "</h1>\n<p class=\"meta\">%d game%s verified of %d file%s", counts[FL_CLASS_OK], counts[FL_CLASS_OK] == 1 ? "" : "s", c->n,
          c->n == 1 ? "" : "s");
  for (int k = 1; k < FL_CLASS_NKIND; k++) if (counts[k]) fprintf(f, "; %d %s", counts[k], fl_class_kind(k));
  fprintf(f, ". Scenario <code>%s</code> version ", d->id);
  fl_chart_esc(f, d->version);
  fprintf(f, ", content <code>%016llx</code>. %s. Made with <code>", (unsigned long long)d->content_hash,
          c->names ? "Students are named by their files" : "Students are anonymous (numbered in an order that does not follow their names)");
  fl_chart_esc(f, c->command);
  fputs("</code>.</p>\n", f);
  int skipped = c->n - counts[FL_CLASS_OK];
  if (skipped) {
    fprintf(f, "<h2 id=\"skipped\">Files not counted</h2>\n<table><tr><th>File</th><th>Why</th>%s</tr>\n",
            c->names ? "<th>What was found</th>" : "");
    for (int i = 0, k = 0; i < c->n; i++) {
      const fl_ClassGame *g = &c->g[i];
      if (!g->status) continue;
      fputs("<tr class=\"skip\"><td>", f);
      if (c->names) fl_chart_esc(f, g->name); else fprintf(f, "file %d", ++k);
      fprintf(f, "</td><td>%s</td>", fl_class_kind(g->status));
      if (c->names) { fputs("<td>", f); fl_chart_esc(f, g->reason); fputs("</td>", f); } /* a reason names the file: only with names */
      fputs("</tr>\n", f);
    }
    fputs("</table>\n", f);
  }
  if (counts[FL_CLASS_OK]) {
    endings(f, c, counts[FL_CLASS_OK]);
    choices(f, c, counts[FL_CLASS_OK]);
    games(f, c);
    params(f, c);
  }
  if (d->nquestion) {
    fputs("<h2 id=\"questions\">Questions for discussion</h2>\n<ol>\n", f);
    for (int i = 0; i < d->nquestion; i++) {
      fputs("<li>", f);
      if (d->questions[i].ending >= 0) { fputs("<em>After “", f); fl_chart_esc(f, d->endings[d->questions[i].ending].title); fputs("”:</em> ", f); }
      cited(f, d, d->questions[i].text);
      fputs("</li>\n", f);
    }
    fputs("</ol>\n", f);
  }
  if (d->nsource) {
    int *order = calloc((size_t)d->nsource, sizeof *order);
    if (order) {
      fl_cite_order(d, order);
      fputs("<h2 id=\"sources\">Sources</h2>\n", f);
      if (d->nevidence) { /* the legend of the notes' marks */
        fputs("<p class=\"meta\">Strength of evidence, as the notes mark it:", f);
        for (int i = 0; i < d->nevidence; i++) {
          fputs(i ? "; <b>[" : " <b>[", f);
          fl_chart_esc(f, d->evidence[i].mark);
          fputs("]</b> ", f);
          fl_chart_esc(f, d->evidence[i].text);
        }
        fputs(".</p>\n", f);
      }
      fputs("<ul>\n", f);
      for (int i = 0; i < d->nsource; i++) {
        char sh[256];
        fputs("<li><b>", f);
        fl_chart_esc(f, fl_cite_short(&d->sources[order[i]], sh, sizeof sh));
        fputs("</b>: ", f);
        fl_chart_esc(f, d->sources[order[i]].text);
        fputs("</li>\n", f);
      }
      fputs("</ul>\n", f);
      free(order);
    }
  }
  fputs("</body></html>\n", f);
}
