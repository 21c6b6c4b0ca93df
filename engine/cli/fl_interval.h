/* fl_interval: 95% confidence intervals that respect the data. A share of games (0/1
 * data) gets a Wilson score interval; a mean of skewed or bounded data (casualties that
 * cannot go below zero) a bootstrap percentile interval; only roughly symmetric data the
 * normal approximation. Every interval says which method made it. */
#ifndef FL_INTERVAL_H
#define FL_INTERVAL_H
#include <stddef.h>

typedef enum fl_CiMethod {
  FL_CI_NONE,       /* no interval: no games, or every game gave the same value */
  FL_CI_NORMAL,     /* mean +- 1.96 sd / sqrt(n) */
  FL_CI_WILSON,     /* Wilson score interval of a proportion (values 0 and 1 only) */
  FL_CI_BOOTSTRAP,  /* percentile bootstrap of the mean (deterministic resampling) */
} fl_CiMethod;

typedef struct fl_Interval { double lo, hi; fl_CiMethod method; } fl_Interval;

/* Wilson score interval (95%) of k successes in n trials, as shares 0..1. */
fl_Interval fl_ci_wilson(size_t k, size_t n);
/* 95% interval of the mean of sorted v[0..n), whose values can only lie in [lo_bound,
 * hi_bound] (+-INFINITY if unbounded). Deterministic: the same values give the same
 * interval, whatever order the games were played in. */
fl_Interval fl_ci_mean(const double *sorted, size_t n, double lo_bound, double hi_bound);
/* A short name ("normal", "Wilson", "bootstrap", "-") and a sentence for readers. */
const char *fl_ci_name(fl_CiMethod m);
const char *fl_ci_explain(fl_CiMethod m);

#endif
