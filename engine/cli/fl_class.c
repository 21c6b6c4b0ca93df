#include "fl_class.h"
#include "fl_chart.h"
#include "fl_cli.h"
#include "fl_results.h"
#include "fl_str.h"
#include "fl_stats.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *fl_class_kind(int kind) {
  static const char *const K[] = {"verified", "corrupt", "foreign", "tampered", "error", "copy", "not a game file"};
  return kind >= 0 && kind < FL_CLASS_NKIND ? K[kind] : "?";
}

void fl_class_counts(const fl_Class *c, int *counts) {
  for (int k = 0; k < FL_CLASS_NKIND; k++) counts[k] = 0;
  for (int i = 0; i < c->n; i++) counts[c->g[i].status]++;
}

const fl_ClassSeed *fl_class_seed(const fl_Class *c, uint64_t seed) {
  for (int i = 0; i < c->nseeds; i++) if (c->seeds[i].seed == seed) return &c->seeds[i];
  return NULL;
}

int fl_class_finished(const fl_ClassGame *g) { return !g->status && g->state && g->state->ending >= 0; }

void fl_class_reason(char *buf, size_t n, const fl_Class *c, const fl_ClassGame *g, int k) {
  const char *r = g->reason, *base = strrchr(g->path, '/') ? strrchr(g->path, '/') + 1 : g->path;
  size_t len = 0, lp = strlen(g->path), lb = strlen(base);
  char file[32];
  snprintf(file, sizeof file, "file %d", k);
  buf[0] = '\0';
  while (*r && len + 1 < n) { /* the path, or the file's own name, becomes "file N" */
    size_t skip = c->names ? 0 : !strncmp(r, g->path, lp) ? lp : lb && !strncmp(r, base, lb) ? lb : 0;
    if (skip) { /* "path:12: why" reads "file 3, line 12: why" */
      char *end;
      long line = r[skip] == ':' ? strtol(r + skip + 1, &end, 10) : 0;
      if (line > 0 && *end == ':') len += (size_t)snprintf(buf + len, n - len, "%s, line %ld", file, line), r = end;
      else len += (size_t)snprintf(buf + len, n - len, "%s", file), r += skip;
    }
    else buf[len++] = *r++, buf[len] = '\0';
  }
  if (len >= n) buf[n - 1] = '\0';
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

/* The model's games at a game's seed: how many of its policy sets' games ended in e. */
static int at_seed(const fl_ClassSeed *z, int e) {
  int k = 0;
  for (int s = 0; z && s < z->e->nset; s++) k += z->e->ending[z->first + (size_t)s * z->stride] == e;
  return k;
}

/* A figure rounded as people read it: 6 significant digits at most. */
static void csv_num(FILE *f, double v) {
  char b[64];
  snprintf(b, sizeof b, "%.6g", v);
  fprintf(f, ",%s", b);
}

void fl_class_csv(FILE *f, const fl_Class *c) {
  const fl_Def *d = c->def;
  fputs("student", f);
  if (c->names) fputs(",file", f);
  fputs(",seed,ending,ending_label,finished,turns", f);
  for (int t = 0; t < d->ntrack; t++) if (d->tracks[t].visible) fprintf(f, ",%s", d->tracks[t].id);
  for (int t = 0; t < d->ntrack; t++) if (headline(d, t) && c->ens) fprintf(f, ",better_than_%s", d->tracks[t].id);
  if (c->nseeds) fputs(",model_at_seed_same_ending", f);
  for (int k = 0; k < d->ncard; k++) if (student_card(c, k)) fprintf(f, ",%s", d->cards[k].id);
  fputs(",played_by,other_assumptions\n", f);
  for (int i = 0; i < c->n; i++) {
    const fl_ClassGame *g = &c->g[i];
    if (g->status) continue;
    char buf[2048];
    int fin = fl_class_finished(g), e = g->state->ending;
    student(buf, sizeof buf, c, g);
    csv_str(f, buf);
    if (c->names) { fputc(',', f); csv_str(f, g->path); }
    fprintf(f, ",%llu,%s,", (unsigned long long)g->rec.seed, fin ? d->endings[e].id : "");
    csv_str(f, fin ? d->endings[e].title : "unfinished");
    fprintf(f, ",%d,%d", fin, g->state->turn);
    for (int t = 0; t < d->ntrack; t++)
      if (d->tracks[t].visible) csv_num(f, g->state->tracks[t].value);
    for (int t = 0; t < d->ntrack; t++) /* an unfinished game is not compared: empty */
      if (headline(d, t) && c->ens) { if (fin) fprintf(f, ",%.1f", better_than(c, t, g->state->tracks[t].value)); else fputc(',', f); }
    if (c->nseeds) { /* the share of the model's games at this seed that ended as this game did */
      const fl_ClassSeed *z = fl_class_seed(c, g->rec.seed);
      if (fin && z && z->e->nset) fprintf(f, ",%.0f", 100.0 * at_seed(z, e) / z->e->nset); else fputc(',', f);
    }
    for (int k = 0; k < d->ncard; k++)
      if (student_card(c, k)) { chosen(buf, sizeof buf, d, g->state, k); fprintf(f, ",%s", buf); }
    fprintf(f, ",%s,", g->computer ? "computer" : "person");
    csv_str(f, g->other);
    fputc('\n', f);
  }
}

/* ---- HTML ---- */

/* Text with its citations as short references, escaped. */
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
  "svg{display:block;margin:.5em 0;break-inside:avoid}.skip{color:#8a3b12}.flag{display:block;font-size:85%;color:#8a3b12}.wide{overflow-x:auto}"
  ".key{display:inline-block;width:22px;height:6px;vertical-align:middle}.key.tick{width:2px;height:14px;background:#1d2430}"
  ".key.dot{width:8px;height:8px;border-radius:50%;background:#c0392b;opacity:.7}.skip td:first-child{white-space:nowrap}"
  "@media print{body{margin:0;max-width:none}h2{break-after:avoid}table,svg{break-inside:avoid}"
  ".wide{overflow:visible}.wide table{font-size:70%}.wide td,.wide th{padding:.15em .3em}tr{break-inside:avoid}}";

/* The seeds the class's games used, "24" or "3, 7 and 24" (at most a few, else how many). */
static void seed_list(FILE *f, const fl_Class *c) {
  uint64_t seen[6];
  int n = 0;
  for (int i = 0; i < c->n && n <= 5; i++) {
    int dup = c->g[i].status;
    for (int j = 0; j < n && !dup; j++) dup = seen[j] == c->g[i].rec.seed;
    if (!dup) seen[n++] = c->g[i].rec.seed;
  }
  if (n > 5) {
    n = 0;
    for (int i = 0; i < c->n; i++) {
      int dup = c->g[i].status;
      for (int j = 0; j < i && !dup; j++) dup = !c->g[j].status && c->g[j].rec.seed == c->g[i].rec.seed;
      n += !dup;
    }
    fprintf(f, "%d different seeds", n);
    return;
  }
  for (int i = 1; i < n; i++) /* in order, whatever the students' order */
    for (int j = i; j > 0 && seen[j - 1] > seen[j]; j--) { uint64_t t = seen[j]; seen[j] = seen[j - 1]; seen[j - 1] = t; }
  fprintf(f, "seed%s ", n == 1 ? "" : "s");
  for (int j = 0; j < n; j++) fprintf(f, "%s%llu", j == 0 ? "" : j == n - 1 ? " and " : ", ", (unsigned long long)seen[j]);
}

static void endings(FILE *f, const fl_Class *c, int nver) {
  const fl_Def *d = c->def;
  int nfin = 0, seeded = c->ens && c->nseeds;
  for (int i = 0; i < c->n; i++) nfin += fl_class_finished(&c->g[i]);
  for (int i = 0; i < c->n && seeded; i++) seeded = !fl_class_finished(&c->g[i]) || fl_class_seed(c, c->g[i].rec.seed);
  fputs("<h2 id=\"endings\">Endings</h2>\n<p>How the class's finished games ended", f);
  if (c->ens) fprintf(f, ", beside the share of the model's %zu games (every policy for %s) that ended so", c->ens->n,
                      d->sides[c->side].name);
  fputs(". The class played ", f);
  seed_list(f, c);
  if (c->ens)
    fprintf(f, "; the model's shares are over seeds %llu to %llu, and a seed decides much (the same choices can end in "
               "war at one seed and in peace at another)", (unsigned long long)c->ens->seed_base,
            (unsigned long long)(c->ens->seed_base + c->ens->runs - 1));
  if (seeded) fputs(", so the last column gives the model's games at the seeds the class played (each game's seed, every policy)", f);
  fputs(".</p>\n<table><tr><th>Ending</th><th>Class</th><th></th>", f);
  if (c->ens) fputs("<th>Model (all seeds)</th><th></th>", f);
  if (seeded) fputs("<th>Model at the class's seeds</th>", f);
  fputs("</tr>\n", f);
  for (int e = -1; e < d->nending; e++) {
    int k = 0;
    size_t m = 0;
    double ms = 0;
    for (int i = 0; i < c->n; i++) k += fl_class_finished(&c->g[i]) && c->g[i].state->ending == e;
    if (c->ens) for (size_t i = 0; i < c->ens->n; i++) m += c->ens->ending[i] == e;
    for (int i = 0; i < c->n && seeded; i++) /* each finished game weighs its seed's model games once */
      if (fl_class_finished(&c->g[i])) {
        const fl_ClassSeed *z = fl_class_seed(c, c->g[i].rec.seed);
        if (z->e->nset) ms += (double)at_seed(z, e) / z->e->nset;
      }
    if (e < 0 && !m && ms == 0) continue; /* the class's unfinished games are counted below */
    double pc = nfin ? 100.0 * k / nfin : 0, pm = c->ens && c->ens->n ? 100.0 * (double)m / (double)c->ens->n : 0;
    fputs("<tr><td>", f);
    fl_chart_esc(f, e >= 0 ? d->endings[e].title : "no ending (the model's games)");
    if (e < 0) fputs("</td><td class=\"n\">–</td><td></td>", f);
    else fprintf(f, "</td><td class=\"n\">%d (%.0f%%)</td><td><span class=\"bar\" style=\"width:%.0fpx\"></span></td>", k, pc, pc * 2);
    if (c->ens) fprintf(f, "<td class=\"n\">%.0f%%</td><td><span class=\"bar model\" style=\"width:%.0fpx\"></span></td>", pm, pm * 2);
    if (seeded) fprintf(f, "<td class=\"n\">%.0f%%</td>", nfin ? 100.0 * ms / nfin : 0);
    fputs("</tr>\n", f);
  }
  fputs("</table>\n", f);
  if (nver > nfin)
    fprintf(f, "<p class=\"meta\">%d unfinished game%s (quit before an ending) %s not in these shares, nor compared with the "
               "model below.</p>\n", nver - nfin, nver - nfin == 1 ? "" : "s", nver - nfin == 1 ? "is" : "are");
}

/* Whether verified game i took decision k at least once. */
static int took(const fl_Class *c, int i, int k) {
  for (int j = 0; !c->g[i].status && j < c->g[i].state->nlog; j++)
    if (c->g[i].state->log[j].kind == FL_LOG_ACTION && c->g[i].state->log[j].a == k) return 1;
  return 0;
}

static void choices(FILE *f, const fl_Class *c, int nver) {
  const fl_Def *d = c->def;
  fputs("<h2 id=\"choices\">The class's choices</h2>\n<p>For each decision the students took: how many of the games "
        "that took it chose each option at least once (a game that ended or was quit before taking it is not "
        "counted there, and an option chosen in several turns counts once a game, so the shares may add up to more than "
        "100%), and how often it was chosen in all.</p>\n", f);
  for (int k = 0; k < d->ncard; k++) {
    if (!student_card(c, k)) continue;
    const fl_CardDef *card = &d->cards[k];
    int reached = 0;
    for (int i = 0; i < c->n; i++) reached += took(c, i, k);
    if (!reached) continue;
    fputs("<h3>", f);
    fl_chart_esc(f, card->title);
    fprintf(f, " <small>(%s, <code>%s</code>)</small></h3>\n<p class=\"meta\">Taken in %d of the %d verified games.</p>\n"
               "<table><tr><th>Option</th><th>Games</th><th></th><th>Times</th></tr>\n",
            d->sides[card->side].name, card->id, reached, nver);
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
      double p = 100.0 * games / reached; /* of the games that took the decision */
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
  int nset = c->ens ? c->ens->nset : 0, rows = nset + 1, W = 900, L = 250, R = 20, H = 26 * rows + 40;
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
    if (fl_class_finished(&c->g[i])) {
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
    fl_chart_esc(f, c->set_label && c->set_label[s] ? c->set_label[s] : c->ens->set_name[s]);
    fprintf(f, "</text><line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#8c96a3\" stroke-width=\"6\"/>"
               "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#1d2430\" stroke-width=\"2\"/>\n",
            X(st[s].p05), X(st[s].p95), y, y, X(st[s].median), X(st[s].median), y - 7, y + 7);
  }
  int y = 20 + 26 * nset;
  fprintf(f, "<text x=\"%d\" y=\"%d\" font-size=\"12\" font-weight=\"bold\" text-anchor=\"end\">the class</text>\n", L - 8, y + 4);
  for (int i = 0, k = 0; i < c->n; i++) /* finished games only: an unfinished one is not compared */
    if (fl_class_finished(&c->g[i])) {
      char who[300];
      student(who, sizeof who, c, &c->g[i]);
      fprintf(f, "<circle cx=\"%.1f\" cy=\"%d\" r=\"4\" fill=\"#c0392b\" fill-opacity=\"0.7\"><title>", X(c->g[i].state->tracks[t].value),
              y + ((k++ % 3) - 1) * 5);
      fl_chart_esc(f, who);
      fputs("</title></circle>\n", f);
    }
  int ay = H - 14;
  fprintf(f, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#556\"/>", L, W - R, ay - 10, ay - 10);
  double step = pow(10, floor(log10((hi - lo) / 4))); /* round ticks: 1, 2 or 5 times a power of ten */
  if ((hi - lo) / step > 20) step *= 5; else if ((hi - lo) / step > 8) step *= 2;
  for (double v = ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) {
    char b[64];
    if (fabs(v) < step * 1e-6) v = 0; /* not "-0" */
    snprintf(b, sizeof b, fabs(v) >= 100 || v == floor(v) ? "%.0f" : "%.3g", v);
    fprintf(f, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>", X(v), ay + 2, b);
  }
#undef X
  fputs("\n</svg>\n", f);
  free(st);
}

/* The model's games at a game's seed in words: "War 3, Ceasefire 1 (of 4 policies)". */
static void model_at(FILE *f, const fl_Class *c, const fl_ClassSeed *z) {
  const fl_Def *d = c->def;
  for (int e = -1, first = 1; e < d->nending; e++) {
    int k = at_seed(z, e);
    if (!k) continue;
    fputs(first ? "" : ", ", f);
    fl_chart_esc(f, e >= 0 ? d->endings[e].title : "no ending");
    fprintf(f, " %d", k);
    first = 0;
  }
  fprintf(f, " (of %d polic%s)", z->e->nset, z->e->nset == 1 ? "y" : "ies");
}

static void games(FILE *f, const fl_Class *c) {
  const fl_Def *d = c->def;
  fputs("<h2 id=\"games\">Each game against the model</h2>\n", f);
  if (c->ens)
    fprintf(f, "<p>Each headline figure, and below it the share of the model's %zu games (%llu per policy the scenario "
               "defines for %s, seeds %llu to %llu) that it did better than, and the share it equalled when many games "
               "tie (a territory held in full ties every game without a war). An unfinished game is not compared.%s</p>\n",
            c->ens->n, (unsigned long long)c->ens->runs, d->sides[c->side].name, (unsigned long long)c->ens->seed_base,
            (unsigned long long)(c->ens->seed_base + c->ens->runs - 1),
            c->nseeds ? " The column after the ending shows how the model's own games ended at the game's seed, one per policy: "
                        "an ending most policies also reached there owes much to the seed." : "");
  fputs("<div class=\"wide\"><table><tr><th>Student</th><th>Seed</th><th>Ending</th>", f);
  if (c->nseeds) fputs("<th>The model at this seed</th>", f);
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
    int fin = fl_class_finished(g);
    student(who, sizeof who, c, g);
    fputs("<tr><td>", f);
    fl_chart_esc(f, who);
    if (g->computer) fputs(" <span class=\"flag\">played by the computer: no side is recorded as a person's</span>", f);
    if (*g->other) { fputs(" <span class=\"flag\">played under other assumptions than the class's: ", f); fl_chart_esc(f, g->other); fputs("</span>", f); }
    fprintf(f, "</td><td class=\"n\">%llu</td><td>", (unsigned long long)g->rec.seed);
    if (fin) fl_chart_esc(f, d->endings[g->state->ending].title);
    else fprintf(f, "<b>unfinished</b> (quit at turn %d, before an ending: not compared)", g->state->turn);
    fputs("</td>", f);
    if (c->nseeds) {
      const fl_ClassSeed *z = fin ? fl_class_seed(c, g->rec.seed) : NULL;
      fputs("<td>", f);
      if (z) model_at(f, c, z); else fputs("–", f);
      fputs("</td>", f);
    }
    for (int t = 0; t < d->ntrack; t++) {
      if (!headline(d, t)) continue;
      fputs("<td class=\"n\">", f);
      numf(f, g->state->tracks[t].value);
      double b = fin ? better_than(c, t, g->state->tracks[t].value) : NAN;
      double e = fin ? same_as(c, t, g->state->tracks[t].value) : NAN;
      char bs[16];
      if (!isnan(b)) /* 99.7 is not "100": that would claim every model game was beaten */
        snprintf(bs, sizeof bs, b >= 99.5 && b < 100 ? "%.1f" : b > 0 && b < 0.5 ? "%.1f" : "%.0f", b >= 99.95 && b < 100 ? 99.9 : b);
      if (!isnan(b) && e >= 5) fprintf(f, "<br><small>better than %s%%, same as %.0f%%</small>", bs, e);
      else if (!isnan(b)) fprintf(f, "<br><small>better than %s%%</small>", bs);
      fputs("</td>", f);
    }
    fputs("</tr>\n", f);
  }
  fputs("</table></div>\n", f);
  if (!c->ens) return;
  fputs("<p>In each chart below, a row per policy the model plays: <span class=\"key\" style=\"background:#8c96a3\"></span> the "
        "middle 90% of its games (5th to 95th percentile), <span class=\"key tick\"></span> the median; the last row, "
        "<span class=\"key dot\"></span> one dot per finished game of the class (point at it for the student).</p>\n", f);
  for (int t = 0; t < d->ntrack; t++) {
    if (!headline(d, t)) continue;
    fputs("<h3>", f);
    fl_chart_esc(f, d->tracks[t].name);
    fprintf(f, " <small>(%s is better)</small></h3>\n", d->tracks[t].higher_is_better > 0 ? "higher" : "lower");
    strips(f, c, t);
  }
}

/* The values the class played with: the scenario's, or class.txt's (with the scenario's
 * default beside a value it changed, and its lock). */
static void params(FILE *f, const fl_Class *c) {
  const fl_Def *d = c->def;
  if (!d->nparam) return;
  int changed = 0, locked = 0;
  for (int p = 0; p < d->nparam; p++) changed |= d->params[p].value != d->params[p].dflt, locked |= d->params[p].locked;
  fputs("<h2 id=\"assumptions\">Assumptions</h2>\n", f);
  if (d->class_file && (changed || locked))
    fputs("<p>The class's settings (<code>class.txt</code>) change the scenario's assumptions: the model's games above were "
          "played with the class's values.</p>\n", f);
  fprintf(f, "<table><tr><th>Parameter</th><th>%s</th>%s<th>Games played with</th></tr>\n",
          d->class_file ? "This class (class.txt)" : "Scenario", changed ? "<th>Scenario default</th>" : "");
  for (int p = 0; p < d->nparam; p++) {
    const fl_ParamDef *pd = &d->params[p];
    fputs("<tr><td>", f);
    fl_chart_esc(f, pd->name);
    fputs("</td><td class=\"n\">", f);
    numf(f, pd->value);
    if (pd->locked) fputs(" (locked)", f);
    fputs("</td>", f);
    if (changed) {
      fputs("<td class=\"n\">", f);
      if (pd->value != pd->dflt) numf(f, pd->dflt); else fputs("same", f);
      fputs("</td>", f);
    }
    fputs("<td>", f);
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
  int ngame = c->n - counts[FL_CLASS_NOTGAME], unfinished = 0;
  for (int i = 0; i < c->n; i++) unfinished += !c->g[i].status && !fl_class_finished(&c->g[i]);
  fprintf(f, "</h1>\n<p class=\"meta\">%d game%s verified of %d game file%s", counts[FL_CLASS_OK], counts[FL_CLASS_OK] == 1 ? "" : "s",
          ngame, ngame == 1 ? "" : "s");
  if (unfinished) fprintf(f, " (%d unfinished)", unfinished);
  for (int k = 1; k < FL_CLASS_NOTGAME; k++) if (counts[k]) fprintf(f, "; %d %s", counts[k], fl_class_kind(k));
  if (counts[FL_CLASS_NOTGAME])
    fprintf(f, "; %d other file%s skipped (not a game file)", counts[FL_CLASS_NOTGAME], counts[FL_CLASS_NOTGAME] == 1 ? "" : "s");
  int computer = 0, other = 0;
  for (int i = 0; i < c->n; i++) computer += !c->g[i].status && c->g[i].computer, other += !c->g[i].status && *c->g[i].other;
  if (computer || other) { /* counted, but the teacher should know which */
    fputs(". Counted although ", f);
    if (computer) fprintf(f, "%d %s played by the computer, not by a person", computer, computer == 1 ? "was" : "were");
    if (other) fprintf(f, "%s%d %s played under other assumptions than the class's", computer ? " and " : "", other, other == 1 ? "was" : "were");
    fputs(" (marked below)", f);
  }
  fprintf(f, ". Scenario <code>%s</code> version ", d->id);
  fl_chart_esc(f, d->version);
  fprintf(f, ", content <code>%016llx</code>. %s. Made with <code>", (unsigned long long)d->content_hash,
          c->names ? "Students are named by their files" : "Students are anonymous (numbered in an order that does not follow their names)");
  fl_chart_esc(f, c->command);
  fputs("</code>.</p>\n", f);
  int skipped = c->n - counts[FL_CLASS_OK];
  if (skipped) {
    fprintf(f, "<h2 id=\"skipped\">Files not counted</h2>\n<p>%s</p>\n<table><tr><th>File</th><th>Why</th><th>What was found</th></tr>\n",
            c->names ? "" : "Files are numbered, not named: their names may be students' names (<code>--names</code> shows them; the "
                            "terminal always does).");
    for (int i = 0, k = 0; i < c->n; i++) {
      const fl_ClassGame *g = &c->g[i];
      char why[1024];
      if (!g->status) continue;
      fl_class_reason(why, sizeof why, c, g, ++k);
      fputs("<tr class=\"skip\"><td>", f);
      if (c->names) fl_chart_esc(f, g->name); else fprintf(f, "file %d", k);
      fprintf(f, "</td><td>%s</td><td>", fl_class_kind(g->status));
      fl_chart_esc(f, why);
      fputs("</td></tr>\n", f);
    }
    fputs("</table>\n", f);
  }
  if (counts[FL_CLASS_OK]) {
    endings(f, c, counts[FL_CLASS_OK]);
    choices(f, c, counts[FL_CLASS_OK]);
    games(f, c);
    params(f, c);
  }
  fl_report_questions(f, d);
  fputs("</body></html>\n", f);
}
