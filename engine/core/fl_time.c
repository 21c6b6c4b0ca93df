#include "fl_time.h"
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

/* Howard Hinnant's days_from_civil / civil_from_days. */
int32_t fl_date_make(int y, int m, int d) {
  y -= m <= 2;
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void fl_date_split(int32_t z, int *y, int *m, int *d) {
  z += 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = z - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = yoe + era * 400 + (*m <= 2);
}

static int days_in_month(int y, int m) {
  static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return dm[m - 1];
}

int fl_date_parse(const char *s, int32_t *out) {
  int y, m, d, n = 0;
  if (!s || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || s[n] != '\0' || n != 10)
    return -1;
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return -1;
  *out = fl_date_make(y, m, d);
  return 0;
}

void fl_date_format(int32_t days, char *buf, size_t n) {
  int y, m, d;
  fl_date_split(days, &y, &m, &d);
  if (y < 0 || y > 9999 || n < 11) { snprintf(buf, n, "%04d-%02d-%02d", y, m, d); return; }
  /* by hand: rule code and policies ask for the date thousands of times a game */
  int v[3] = {y, m, d}, w[3] = {4, 2, 2};
  char *p = buf;
  for (int k = 0; k < 3; k++) {
    if (k) *p++ = '-';
    for (int i = w[k] - 1, x = v[k]; i >= 0; i--, x /= 10) p[i] = (char)('0' + x % 10);
    p += w[k];
  }
  *p = '\0';
}

int fl_span_parse(const char *s, fl_Span *out) {
  char *end;
  if (!s) return -1;
  long n = strtol(s, &end, 10);
  if (end == s || n < 0 || n > 100000) return -1;
  while (*end == ' ') end++;
  size_t len = strlen(end);
  if (len > 1 && end[len - 1] == 's') len--; /* plural */
  struct { const char *w; int unit, mul; } units[] = {
    {"day", FL_SPAN_DAY, 1}, {"week", FL_SPAN_DAY, 7}, {"month", FL_SPAN_MONTH, 1},
    {"quarter", FL_SPAN_MONTH, 3}, {"year", FL_SPAN_MONTH, 12}, {"turn", FL_SPAN_TURN, 1}};
  for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
    if (strlen(units[i].w) == len && strncmp(end, units[i].w, len) == 0) {
      out->n = (int32_t)(n * units[i].mul);
      out->unit = units[i].unit;
      return 0;
    }
  return -1;
}

int32_t fl_date_add(int32_t days, fl_Span span) {
  if (span.unit == FL_SPAN_DAY) return days + span.n;
  if (span.unit != FL_SPAN_MONTH) return days;
  int y, m, d;
  fl_date_split(days, &y, &m, &d);
  int total = y * 12 + (m - 1) + span.n;
  y = total / 12;
  m = total % 12 + 1;
  if (d > days_in_month(y, m)) d = days_in_month(y, m);
  return fl_date_make(y, m, d);
}

void fl_span_format(fl_Span s, char *buf, size_t n) {
  const char *u = s.unit == FL_SPAN_DAY ? "day" : s.unit == FL_SPAN_MONTH ? "month" : "turn";
  if (s.unit == FL_SPAN_MONTH && s.n % 12 == 0) { u = "year"; s.n /= 12; }
  snprintf(buf, n, "%d %s%s", (int)s.n, u, s.n == 1 ? "" : "s");
}
