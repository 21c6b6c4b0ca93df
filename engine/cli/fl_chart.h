/* fl_chart: charts of batch results as SVG written by hand (no dependencies): a
 * histogram figure per track (overlaid outlines for up to four policy sets, small
 * multiples for five or more), a scatter of the sets' means with their intervals and the
 * Pareto frontier (two or more sets), and the self-contained HTML report (fl_report.c). */
#ifndef FL_CHART_H
#define FL_CHART_H
#include <stdio.h>
#include "fl_def.h"
#include "fl_results.h"

typedef struct fl_ChartOpts {
  int x, y;                 /* track columns of the policy-set scatter; -1 leaves it out */
  const fl_Def *def;        /* the scenario when known (flank batch): its parameters and questions */
  const char *report;       /* the report's file name, for its Reproduce line (NULL: report.html) */
} fl_ChartOpts;

/* The --plot file: a legend, every visible track's histograms, the scatter, and a footer
 * naming the batch, in one SVG. */
void fl_chart_svg(FILE *f, const fl_Results *r, const fl_ChartOpts *o);
/* One figure each, as an inline <svg> element (for the report: one printed block each). */
void fl_chart_track(FILE *f, const fl_Results *r, int k);
void fl_chart_scatter(FILE *f, const fl_Results *r, const fl_ChartOpts *o);
/* Whether the scatter is drawn: two tracks to compare and at least two policy sets. */
int fl_chart_has_scatter(const fl_Results *r, const fl_ChartOpts *o);
/* Whether track k's histograms are small multiples (one panel per set). */
int fl_chart_small_multiples(const fl_Results *r);
/* The charts' CSS classes (the --plot file and the report each include it once). */
extern const char FL_CHART_CSS[];
/* A policy set's colour. */
const char *fl_chart_color(int set);
/* Write s escaped for XML/HTML text and attributes (invalid UTF-8 becomes U+FFFD). */
void fl_chart_esc(FILE *f, const char *s);

/* One HTML page: what was run and how to reproduce it, ending shares and track statistics
 * with intervals suited to the data, the charts, and how to read them (fl_report.c). */
void fl_report_html(FILE *f, const fl_Results *r, const fl_ChartOpts *o);
/* A scenario's questions for discussion (citations as short references) and the sources
 * they stand for, with the evidence marks' legend: the batch and class reports end so. */
void fl_report_questions(FILE *f, const fl_Def *d);

#endif
