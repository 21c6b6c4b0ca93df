#include "fl_stats.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double quantile(const double *v, size_t n, double p) {
  double pos = p * (double)(n - 1);
  size_t lo = (size_t)floor(pos);
  if (lo >= n - 1) return v[n - 1];
  return v[lo] + (pos - (double)lo) * (v[lo + 1] - v[lo]);
}

void fl_stats_of(double *v, size_t n, fl_Stats *o) {
  memset(o, 0, sizeof *o);
  if (!n) return;
  qsort(v, n, sizeof *v, cmp_double);
  double sum = 0, ss = 0;
  for (size_t i = 0; i < n; i++) sum += v[i];
  o->n = n;
  o->mean = sum / (double)n;
  for (size_t i = 0; i < n; i++) ss += (v[i] - o->mean) * (v[i] - o->mean);
  o->sd = n > 1 ? sqrt(ss / (double)(n - 1)) : 0;
  o->median = quantile(v, n, 0.5);
  o->p05 = quantile(v, n, 0.05);
  o->p95 = quantile(v, n, 0.95);
  o->min = v[0];
  o->max = v[n - 1];
  double h = 1.959964 * o->sd / sqrt((double)n);
  o->ci_lo = o->mean - h;
  o->ci_hi = o->mean + h;
}
