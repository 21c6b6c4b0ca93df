/* Confidence intervals for batch summaries and reports. */
#include "fl_interval.h"
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#define Z95 1.959963984540054

fl_Interval fl_ci_wilson(size_t k, size_t n) {
  if (!n) return (fl_Interval){0, 0, FL_CI_NONE};
  double p = (double)k / (double)n, nn = (double)n, z2 = Z95 * Z95;
  double c = (p + z2 / (2 * nn)) / (1 + z2 / nn);
  double h = Z95 / (1 + z2 / nn) * sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn));
  fl_Interval r = {c - h, c + h, FL_CI_WILSON};
  if (r.lo < 0) r.lo = 0; /* rounding only: the score interval stays inside [0, 1] */
  if (r.hi > 1) r.hi = 1;
  return r;
}

static uint64_t splitmix(uint64_t *s) {
  uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static int cmp_d(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Percentile bootstrap: resample the games with replacement B times, take the 2.5th and
 * 97.5th percentile of the resampled means. B shrinks above 50,000 games (to at least 200), so
 * a report stays quick; at that size the interval is narrow whichever way it is found. */
static fl_Interval bootstrap(const double *v, size_t n) {
  size_t b = 1000;
  if ((double)n * (double)b > 5e7) b = (size_t)(5e7 / (double)n);
  if (b < 200) b = 200;
  double *m = malloc(b * sizeof *m);
  if (!m) return (fl_Interval){0, 0, FL_CI_NONE};
  uint64_t s = 0x666c616e6b ^ (uint64_t)n; /* fixed: the same data give the same interval */
  for (size_t i = 0; i < b; i++) {
    double sum = 0;
    for (size_t j = 0; j < n; j++) sum += v[splitmix(&s) % n]; /* modulo bias: below 1e-13 for any batch */
    m[i] = sum / (double)n;
  }
  qsort(m, b, sizeof *m, cmp_d);
  double pl = 0.025 * (double)(b - 1), ph = 0.975 * (double)(b - 1);
  size_t il = (size_t)pl, ih = (size_t)ph;
  fl_Interval r = {m[il] + (pl - (double)il) * (m[il + 1] - m[il]), m[ih] + (ph - (double)ih) * (m[ih + 1] - m[ih]),
                   FL_CI_BOOTSTRAP};
  free(m);
  return r;
}

fl_Interval fl_ci_mean(const double *v, size_t n, double lo_bound, double hi_bound) {
  if (n < 2 || v[0] == v[n - 1]) return (fl_Interval){n ? v[0] : 0, n ? v[0] : 0, FL_CI_NONE};
  size_t ones = 0;
  int binary = 1;
  double sum = 0;
  for (size_t i = 0; i < n; i++) {
    binary &= v[i] == 0 || v[i] == 1;
    ones += v[i] == 1;
    sum += v[i];
  }
  if (binary) return fl_ci_wilson(ones, n);
  double mean = sum / (double)n, m2 = 0, m3 = 0;
  for (size_t i = 0; i < n; i++) {
    double d = v[i] - mean;
    m2 += d * d;
    m3 += d * d * d;
  }
  double sd = sqrt(m2 / (double)(n - 1)), h = Z95 * sd / sqrt((double)n);
  double skew = m2 > 0 ? (m3 / (double)n) / pow(m2 / (double)n, 1.5) : 0;
  fl_Interval r = {mean - h, mean + h, FL_CI_NORMAL};
  /* the normal approximation is symmetric: it can cross a bound (a negative number of
   * casualties) and misplaces the interval of skewed data */
  if (r.lo < lo_bound || r.hi > hi_bound || fabs(skew) > 1) r = bootstrap(v, n);
  return r;
}

const char *fl_ci_name(fl_CiMethod m) {
  switch (m) {
  case FL_CI_NORMAL: return "normal";
  case FL_CI_WILSON: return "Wilson";
  case FL_CI_BOOTSTRAP: return "bootstrap";
  default: return "-";
  }
}

const char *fl_ci_explain(fl_CiMethod m) {
  switch (m) {
  case FL_CI_NORMAL: return "normal approximation, mean \u00b1 1.96 \u00b7 sd/\u221an (used for roughly symmetric data)";
  case FL_CI_WILSON: return "Wilson score interval, for shares and other 0/1 data; it never leaves 0..100%";
  case FL_CI_BOOTSTRAP:
    return "percentile bootstrap: the games are resampled 1,000 times (fewer above 50,000 games) and the middle 95% of the resampled means "
           "kept (used for skewed data and data near a bound, e.g. casualties that cannot be negative)";
  default: return "no interval: every game gave the same value";
  }
}
