/* The HTML report of a batch: one self-contained page to hand out in class. It names
 * things as players see them (track names, ending titles), leaves out what the scenario
 * hides from players, says what was run and how to run it again, and prints cleanly:
 * no table or chart is cut across pages and no heading is left alone at a page's foot. */
#include "fl_chart.h"
#include "fl_cite.h"
#include "fl_sweep.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char CSS[] =
  "body{font-family:sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#111;line-height:1.4}"
  "table{border-collapse:collapse;margin:0.5em 0 1.2em}td,th{border:1px solid #bbb;padding:3px 8px;text-align:right;"
  "vertical-align:top}th:first-child,td:first-child{text-align:left}caption{text-align:left;font-weight:bold;padding:4px 0}"
  "table.about td,table.about th{text-align:left;border:none;padding:1px 12px 1px 0}code{font-size:90%;word-break:break-all}"
  ".sw{display:inline-block;width:10px;height:10px;margin-right:6px}.ci{color:#555;font-size:85%}"
  "figure{margin:0.5em 0 1em}.row{display:flex;gap:1em}.row figure{flex:1;margin:0.5em 0}"
  "svg{max-width:100%;height:auto}.note{color:#444;font-size:90%}"
  "@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}table{font-size:8.5pt}td,th{padding:2px 5px}"
  "td{white-space:nowrap}h1,h2,caption{break-after:avoid;page-break-after:avoid}"
  "table,figure,.keep,.row,tr{break-inside:avoid;page-break-inside:avoid}a{color:inherit}}"
  "@page{margin:14mm}";

static void num(FILE *f, double v) {
  if (fabs(v) < 1e-9) v = 0; /* float noise of a sum, not a value anyone meant */
  if (!isfinite(v)) fputs("–", f);
  else if (fabs(v) >= 1e4 && fabs(v) < 1e15) fprintf(f, "%.0f", v); /* 12345, not 1.234e+04 */
  else fprintf(f, "%.4g", v);
}

static void about(FILE *f, const fl_Results *r, const fl_ChartOpts *o) {
  const fl_Prov *p = &r->prov;
  fputs("<table class=\"about\">\n<tr><th>Scenario</th><td>", f);
  fl_chart_esc(f, p->title);
  fputs(" (<code>", f);
  fl_chart_esc(f, p->scenario);
  fputs("</code>), version ", f);
  fl_chart_esc(f, p->version);
  fprintf(f, "; content hash <code>%016llx</code></td></tr>\n<tr><th>Games</th><td>seeds %llu to %llu for each policy set",
          (unsigned long long)p->hash, (unsigned long long)p->seed_base, (unsigned long long)(p->seed_base + p->runs - 1));
  if (p->shard_n > 1) {
    uint64_t lo, per;
    fl_res_shard_range(p->runs, p->shard_k, p->shard_n, &lo, &per);
    fprintf(f, " — <b>this page shows only shard %llu of %llu (seeds %llu to %llu)</b>; merge every shard with flank merge "
               "for the whole batch", (unsigned long long)p->shard_k, (unsigned long long)p->shard_n,
            (unsigned long long)(p->seed_base + lo), (unsigned long long)(p->seed_base + lo + per - 1));
  }
  fputs("</td></tr>\n<tr><th>Policy sets</th><td>", f);
  for (int s = 0; s < r->nset; s++) {
    fprintf(f, "%s<span class=\"sw\" style=\"background:%s\"></span>", s ? "<br>" : "", fl_chart_color(s));
    char title[512];
    fl_chart_esc(f, fl_res_set_title(r, s, title, sizeof title));
    if (r->set_spec[s] && strcmp(r->set_spec[s], r->set[s])) { fputs(": <code>", f); fl_chart_esc(f, r->set_spec[s]); fputs("</code>", f); }
  }
  if (r->nparam) { /* the assumptions in force: the same table under other values is another model */
    fputs("</td></tr>\n<tr><th>Assumptions</th><td>", f);
    for (int i = 0; i < r->nparam; i++) {
      char **q = &r->param[4 * i];
      fputs(i ? "<br>" : "", f);
      fl_chart_esc(f, *q[3] ? q[3] : q[0]);
      fputs(" (<code>", f);
      fl_chart_esc(f, q[0]);
      fputs("</code>) = ", f);
      if (!strcmp(q[2], "sweep")) fputs("<b>swept</b> (the sensitivity charts)", f);
      else {
        fl_chart_esc(f, q[1]);
        if (!strcmp(q[2], "default")) fputs(" <span class=\"note\">(the scenario's)</span>", f);
        else { fputs(" <b>(", f); fl_chart_esc(f, !strcmp(q[2], "class.txt") ? "set by class.txt" : "set by --set"); fputs(")</b>", f); }
      }
    }
  }
  fputs("</td></tr>\n<tr><th>Made with</th><td>Flank ", f);
  fl_chart_esc(f, p->flank);
  fputs("</td></tr>\n<tr><th>Reproduce</th><td><code>", f);
  fl_chart_esc(f, p->command);
  fputs(" --report ", f);
  const char *slash = o && o->report ? strrchr(o->report, '/') : NULL; /* its name: a path is this machine's */
  fl_chart_esc(f, slash ? slash + 1 : o && o->report ? o->report : "report.html");
  fputs("</code></td></tr>\n</table>\n", f);
}

static void endings(FILE *f, const fl_Results *r, int *used) {
  int unfinished = 0;
  for (int s = 0; s < r->nset; s++) unfinished |= fl_res_count(r, s, -1) > 0;
  fputs("<section class=\"keep\">\n<h2>How the games ended</h2>\n<table>\n<tr><th>policy set</th><th>games</th>", f);
  for (int k = 0; k < r->nending + unfinished; k++) {
    fputs("<th>", f);
    fl_chart_esc(f, k < r->nending ? (r->ending_title[k] ? r->ending_title[k] : r->ending[k]) : "(unfinished)");
    fputs("</th>", f);
  }
  fputs("</tr>\n", f);
  for (int s = 0; s < r->nset; s++) {
    size_t n = fl_res_games(r, s);
    fprintf(f, "<tr><td><span class=\"sw\" style=\"background:%s\"></span>", fl_chart_color(s));
    { char title[512]; fl_chart_esc(f, fl_res_set_title(r, s, title, sizeof title)); } /* "Name (id)" */
    fprintf(f, "</td><td>%zu</td>", n);
    for (int k = 0; k < r->nending + unfinished; k++) {
      size_t c = fl_res_count(r, s, k < r->nending ? k : -1);
      fl_Interval w = fl_ci_wilson(c, n);
      used[FL_CI_WILSON] = 1; /* the shares' intervals */
      fprintf(f, "<td>%.1f%%<br><span class=\"ci\">%.1f–%.1f%%</span></td>", n ? 100.0 * (double)c / (double)n : 0,
              100 * w.lo, 100 * w.hi);
    }
    fputs("</tr>\n", f);
  }
  fputs("</table>\n<p class=\"note\">Share of each policy set's games; below it, the 95% confidence interval of that "
        "share (Wilson score interval).</p>\n</section>\n", f);
}

static void tracks(FILE *f, const fl_Results *r, int *used) {
  int hidden = 0;
  for (int k = 0; k < r->ntrack; k++) hidden += r->info[k].hidden;
  for (int s = 0; s < r->nset; s++) {
    fputs("<section class=\"keep\">\n", f);
    if (!s) fputs("<h2>Tracks at the end of the game</h2>\n", f);
    fprintf(f, "<table>\n<caption><span class=\"sw\" style=\"background:%s\"></span>", fl_chart_color(s));
    { char title[512]; fl_chart_esc(f, fl_res_set_title(r, s, title, sizeof title)); } /* "Name (id)" */
    fprintf(f, " (%zu games)</caption>\n<tr><th>track</th><th>unit</th><th>mean</th><th>95%% CI of the mean</th>"
               "<th>interval</th><th>sd</th><th>median</th><th>5th pct</th><th>95th pct</th></tr>\n", fl_res_games(r, s));
    for (int k = 0; k <= r->ntrack; k++) {
      int col = k < r->ntrack ? k : -1;
      if (col >= 0 && r->info[col].hidden) continue; /* as in the game and in --summary */
      const fl_ColStats *c = fl_res_col(r, s, col);
      used[c->ci.method] = 1;
      fputs("<tr><td>", f);
      fl_chart_esc(f, col < 0 ? "Turns played" : r->info[col].name ? r->info[col].name : r->track[col]);
      fputs("</td><td>", f);
      fl_chart_esc(f, col < 0 ? "turns" : r->info[col].unit ? r->info[col].unit : "");
      fputs("</td><td>", f);
      num(f, c->st.mean);
      fputs("</td><td>", f);
      if (c->ci.method == FL_CI_NONE) fputs("–", f);
      else { num(f, c->ci.lo); fputs(" – ", f); num(f, c->ci.hi); }
      fprintf(f, "</td><td>%s</td><td>", fl_ci_name(c->ci.method));
      num(f, c->st.sd);
      fputs("</td><td>", f);
      num(f, c->st.median);
      fputs("</td><td>", f);
      num(f, c->st.p05);
      fputs("</td><td>", f);
      num(f, c->st.p95);
      fputs("</td></tr>\n", f);
    }
    fputs("</table>\n</section>\n", f);
  }
  if (hidden)
    fprintf(f, "<p class=\"note\">%d track%s the scenario keeps from players %s left out of this page, as in the game; "
               "%s in the CSV.</p>\n", hidden, hidden == 1 ? "" : "s", hidden == 1 ? "is" : "are", hidden == 1 ? "it is" : "they are");
}

static void charts(FILE *f, const fl_Results *r, const fl_ChartOpts *o) {
  fl_SweepView v;
  if (fl_sweep_view(r, &v)) { /* a sweep's sets are one policy at other values: its own charts say more */
    fl_sweep_view_free(&v);
    fputs("<p class=\"note\">Each policy set here is one policy at one value of the swept assumption, so the "
          "histograms per set and the best trade-offs between sets are left out (they would set one assumption "
          "against another); the sensitivity charts below show each policy across the values, and the CSV holds "
          "every game.</p>\n", f);
    return;
  }
  int sm = fl_chart_small_multiples(r), per_row = sm ? 1 : 2, shown = 0;
  for (int k = 0; k < r->ntrack; k++) {
    if (r->info[k].hidden) continue;
    if (!shown) { /* the heading stays with the first row of charts */
      fputs("<div class=\"keep\">\n<h2 id=\"charts\">Charts</h2>\n<p class=\"note\">", f);
      fputs(sm ? "Each track: how often each final value occurred, one small panel per policy set, all on the same scales."
               : "Each track: how often each final value occurred, one outline per policy set:", f);
      for (int s = 0; !sm && s < r->nset; s++) {
        fprintf(f, " <span class=\"sw\" style=\"background:%s\"></span>", fl_chart_color(s));
        { char title[512]; fl_chart_esc(f, fl_res_set_title(r, s, title, sizeof title)); } /* "Name (id)" */
      }
      fputs("</p>\n", f);
    }
    if (shown % per_row == 0) fputs("<div class=\"row\">\n", f);
    fputs("<figure>\n", f);
    fl_chart_track(f, r, k);
    fputs("</figure>\n", f);
    if (++shown % per_row == 0) fputs(shown == per_row ? "</div>\n</div>\n" : "</div>\n", f);
  }
  if (shown % per_row) fputs(shown < per_row ? "</div>\n</div>\n" : "</div>\n", f);
  if (fl_chart_has_scatter(r, o)) {
    fputs("<figure>\n", f);
    fl_chart_scatter(f, r, o);
    fputs("</figure>\n", f);
  }
}

void fl_report_html(FILE *f, const fl_Results *r, const fl_ChartOpts *o) {
  const char *title = r->has_prov && *r->prov.title ? r->prov.title : "Flank batch";
  int used[4] = {0};
  fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>", f);
  fl_chart_esc(f, title);
  fprintf(f, ": batch report</title>\n<style>%s%s</style>\n</head>\n<body>\n<h1>", CSS, FL_CHART_CSS);
  fl_chart_esc(f, title);
  size_t per = r->nset ? r->n / (size_t)r->nset : 0;
  fprintf(f, "</h1>\n<p>%zu games in %d policy set%s (%zu each), simulated with Flank. Every game can be replayed "
             "from its seed.</p>\n", r->n, r->nset, r->nset == 1 ? "" : "s", per);
  if (r->has_prov) about(f, r, o);
  endings(f, r, used);
  tracks(f, r, used);
  charts(f, r, o);
  fl_sweep_report(f, r, o->def); /* sensitivity to a swept parameter */
  fl_report_questions(f, o->def);
  fputs("<section class=\"keep\">\n<h2>How to read this</h2>\n<ul>\n"
        "<li><b>Mean</b>: the average over the set's games. <b>sd</b>: the standard deviation, how far single games "
        "typically land from the mean.</li>\n"
        "<li><b>95% confidence interval of the mean</b>: a range computed by a method that, in about 95 of 100 batches "
        "run with new seeds, would contain the mean the model gives over endlessly many games. It shows how precisely "
        "this batch has measured that mean: more games, a narrower interval. It is not the range of single games "
        "(see the percentiles), and it says nothing about how uncertain the real world is.</li>\n", f);
  fputs("<li>The interval's method depends on the data, and the <i>interval</i> column names it:<ul>\n", f);
  for (int m = FL_CI_NORMAL; m <= FL_CI_BOOTSTRAP; m++) {
    fprintf(f, "<li><b>%s</b>: ", fl_ci_name((fl_CiMethod)m));
    fl_chart_esc(f, fl_ci_explain((fl_CiMethod)m));
    fprintf(f, "%s</li>\n", used[m] ? "" : " (not needed on this page)");
  }
  fputs("</ul></li>\n<li><b>5th and 95th percentile</b>: nine games in ten end between these two values. A wide range "
        "means chance matters a lot under this policy.</li>\n"
        "<li><b>Charts</b>: how often each final value occurred, per policy set.</li>\n", f);
  if (fl_chart_has_scatter(r, o))
    fputs("<li><b>Pareto frontier</b> (dashed line, outlined dots): policy sets that no other set beats on both axes at "
          "once. Choosing among them is a question of values, not of evidence: how much of one track is worth how "
          "much of the other?</li>\n", f);
  fputs("<li>These are the consequences of a model's assumptions, not predictions. Read the scenario's sources "
        "and ask which assumption drives the difference.</li>\n</ul>\n</section>\n</body>\n</html>\n", f);
}

static void cited(FILE *f, const fl_Def *d, const char *s) {
  fl_Cited c;
  if (fl_cite_resolve(d, s, &c)) { fl_chart_esc(f, s); return; }
  fl_chart_esc(f, c.text);
  fl_cited_free(&c);
}

void fl_report_questions(FILE *f, const fl_Def *d) {
  if (!d) return;
  if (d->nquestion) {
    fputs("<h2 id=\"questions\">Questions for discussion</h2>\n<ol>\n", f);
    for (int i = 0; i < d->nquestion; i++) {
      fputs("<li>", f);
      if (d->questions[i].ending >= 0) { fputs("<em>After \xE2\x80\x9C", f); fl_chart_esc(f, d->endings[d->questions[i].ending].title); fputs("\xE2\x80\x9D:</em> ", f); }
      cited(f, d, d->questions[i].text);
      fputs("</li>\n", f);
    }
    fputs("</ol>\n", f);
  }
  int *order = d->nsource ? calloc((size_t)d->nsource, sizeof *order) : NULL;
  if (!order) return;
  fl_cite_order(d, order); /* the short references the questions cite, spelt out */
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
