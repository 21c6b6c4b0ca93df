/* fl_sweep: a batch that sweeps one parameter (flank batch --sweep-param ID=FROM:TO:STEP).
 * Every policy set plays at every value, the other parameters fixed; the sets are named
 * "BASE [ID=VALUE]", so the sweep survives the CSV and JSONL files (and flank merge), and
 * the report draws, per headline track, each set's mean against the parameter: the
 * sensitivity chart. */
#ifndef FL_SWEEP_H
#define FL_SWEEP_H
#include <stddef.h>
#include <stdio.h>
#include "fl_results.h"
#include "fl_tester.h"

#define FL_SWEEP_MAX 1000 /* values in one sweep */

typedef struct fl_Sweep { char id[64]; double v[FL_SWEEP_MAX]; int n; } fl_Sweep;

/* Read "ID=FROM:TO:STEP" (inclusive; STEP > 0) or "ID" (the parameter's own min..max by its
 * step, or 10 steps) against the scenario. 0 ok; -1 with the reason in err. */
int fl_sweep_parse(const char *spec, const fl_Def *d, fl_Sweep *sw, char *err, size_t errn);
/* Every base set at every value (base order, then value order): named "BASE [ID=VALUE]",
 * with the value among the set's parameters. Returns the count (*out malloc'd; free with
 * fl_test_free_sets), -1 out of memory. */
int fl_sweep_sets(const fl_Sweep *sw, const fl_PolicySet *base, int nbase, fl_PolicySet **out);

/* A results table seen as a sweep: the parameter's id, and per set its base set (an index
 * among the distinct bases, in order) and value. */
typedef struct fl_SweepView { char id[64]; int nbase; int *base; double *value; char **base_name; } fl_SweepView;
/* Whether every set of r is named "BASE [ID=VALUE]" with one ID and at least two values: fills
 * v (free with fl_sweep_view_free) and returns 1; else 0. */
int fl_sweep_view(const fl_Results *r, fl_SweepView *v);
void fl_sweep_view_free(fl_SweepView *v);
/* The sensitivity chart of track column t as an inline <svg>: the parameter on x, the track on
 * y, for each base set its mean per value joined by a line over a 5th-95th percentile band.
 * Points carry data-value and data-mean attributes. name/unit label the track, param_name
 * the parameter. */
void fl_sweep_chart(FILE *f, const fl_Results *r, const fl_SweepView *v, int t, const char *name, const char *unit,
                    const char *param_name);

/* A batch report's sensitivity section (HTML): when the sets are a sweep, a chart per
 * headline track of how it moves with the parameter (d, the scenario, names it if known). */
void fl_sweep_report(FILE *f, const fl_Results *r, const fl_Def *d);

#endif
