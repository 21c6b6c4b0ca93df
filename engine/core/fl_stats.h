/* fl_stats: summary statistics of a sample, shared by `flank test` and `flank batch`
 * so both report the same numbers the same way. */
#ifndef FL_STATS_H
#define FL_STATS_H
#include <stddef.h>

typedef struct fl_Stats {
  size_t n;
  double mean, sd, median, p05, p95, min, max;
  double ci_lo, ci_hi;  /* 95% confidence interval of the mean (normal approximation) */
} fl_Stats;

/* Statistics of v[0..n) (sorted in place). Quantiles interpolate linearly between
 * closest ranks; sd is the sample standard deviation. n == 0 gives all zeros. */
void fl_stats_of(double *v, size_t n, fl_Stats *out);

#endif
