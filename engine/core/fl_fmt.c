#include "fl_fmt.h"
#include "fl_i18n.h"
#include "fl_time.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const MONTHS[] = {"January", "February", "March", "April", "May", "June", "July",
                                     "August", "September", "October", "November", "December"};

const char *fl_fmt_exact(double v, char *buf, size_t n) {
  if (fabs(v) < 1e15 && (v == 0 || fabs(v) >= 1e-6))
    for (int d = 0; d <= 17; d++) { /* fixed notation first: "10", not "1e+01" */
      snprintf(buf, n, "%.*f", d, v);
      if (strtod(buf, NULL) == v) return buf;
    }
  for (int p = 1; p <= 17; p++) {
    snprintf(buf, n, "%.*g", p, v);
    if (strtod(buf, NULL) == v) return buf;
  }
  return buf;
}

const char *fl_fmt_num(double v, char *buf, size_t n) {
  if (!n) return buf;
  if (!isfinite(v)) { snprintf(buf, n, "?"); return buf; }
  double a = fabs(v);
  int dec = v == floor(v) || a >= 100 ? 0 : a >= 10 ? 1 : 2;
  char raw[64];
  snprintf(raw, sizeof raw, "%.*f", dec, a);
  if (dec) { /* 12.50 -> 12.5, 3.00 -> 3 */
    char *e = raw + strlen(raw) - 1;
    while (*e == '0') *e-- = 0;
    if (*e == '.') *e = 0;
  }
  if (!strcmp(raw, "0")) v = 0; /* -0.001 rounds to "0", not "-0" */
  char out[96];
  size_t o = 0, intlen = strcspn(raw, ".");
  if (v < 0) out[o++] = '-';
  for (size_t i = 0; raw[i]; i++) {
    if (i && i < intlen && (intlen - i) % 3 == 0) out[o++] = ',';
    out[o++] = raw[i];
  }
  out[o] = 0;
  snprintf(buf, n, "%s", out);
  return buf;
}

/* The length of the currency a unit starts with ("US$ M" -> 3, "PLN bn" -> 3), 0 for none:
 * a sign or code followed by a space or the end. */
static size_t currency_len(const char *unit) {
  static const char *const CUR[] = {"US$", "$", "€", "£", "PLN", "EUR", "USD"};
  for (size_t i = 0; i < sizeof CUR / sizeof *CUR; i++) {
    size_t k = strlen(CUR[i]);
    if (!strncmp(unit, CUR[i], k) && (unit[k] == ' ' || !unit[k])) return k;
  }
  return 0;
}

const char *fl_fmt_qty(double v, const char *unit, const char *unit_one, char *buf, size_t n) {
  char num[96];
  fl_fmt_num(v, num, sizeof num);
  if (unit_one && *unit_one && v == 1) unit = unit_one;
  if (!unit || !*unit) { snprintf(buf, n, "%s", num); return buf; }
  size_t cur = currency_len(unit);
  if (!cur) { snprintf(buf, n, "%s%s%s", num, strcmp(unit, "%") ? " " : "", unit); return buf; }
  /* a currency reads before the number: "US$440 M", "€12", "PLN 10 bn" (letter codes keep a space) */
  const char *rest = unit + cur, *digits = num[0] == '-' ? num + 1 : num;
  while (*rest == ' ') rest++;
  int code = unit[0] >= 'A' && unit[0] <= 'Z' && unit[cur - 1] != '$';
  snprintf(buf, n, "%s%.*s%s%s%s%s", num[0] == '-' ? "-" : "", (int)cur, unit, code ? " " : "", digits, *rest ? " " : "", rest);
  return buf;
}

double fl_fmt_shown(double v, const char *unit) {
  return unit && !strcmp(unit, "%") && fabs(v) >= 1 ? round(v) : v;
}

const char *fl_fmt_track(double v, const char *unit, const char *unit_one, char *buf, size_t n) {
  return fl_fmt_qty(fl_fmt_shown(v, unit), unit, unit_one, buf, n);
}

const char *fl_fmt_date(int32_t days, char *buf, size_t n) {
  int y, m, d;
  fl_date_split(days, &y, &m, &d);
  snprintf(buf, n, "%d %s %d", d, fl_tr(MONTHS[(m - 1) % 12]), y); /* the window's month names (po/) */
  return buf;
}
