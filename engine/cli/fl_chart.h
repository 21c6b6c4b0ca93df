/* fl_chart: charts of batch results as standalone SVG, and a self-contained HTML
 * report (summary tables plus the same SVG inline) to hand out in class. */
#ifndef FL_CHART_H
#define FL_CHART_H
#include <stdio.h>
#include "fl_results.h"

typedef struct fl_ChartOpts {
  const char *title;        /* heading, e.g. the scenario's title */
  int x, y;                 /* track columns of the policy-set scatter; -1 leaves it out */
  int x_better, y_better;   /* +1 higher is better, -1 lower is better (for the Pareto frontier) */
} fl_ChartOpts;

/* Histograms of every track per policy set, and a scatter of the sets' mean x against
 * mean y with 95% confidence intervals and the Pareto frontier. */
void fl_chart_svg(FILE *f, const fl_Results *r, const fl_ChartOpts *o);
/* One HTML page: summary tables (endings, tracks), the charts, and how to read them. */
void fl_chart_html(FILE *f, const fl_Results *r, const fl_ChartOpts *o);

#endif
