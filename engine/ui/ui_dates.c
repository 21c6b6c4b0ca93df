/* ui_dates: the debrief charts' time axis. A game's turns may be months, then days (a
 * crisis), then years (the aftermath), so the charts put each turn at its date, not at its
 * index: ui_turn_dates finds every turn's date from the game itself, ui_date_ticks a few
 * round dates to label (years, or months when the span is short). Pure functions: no
 * drawing, tested in tests/ui/test_dates.c. */
#include "ui_int.h"
#include "fl_time.h"
#include <limits.h>
#include <stdio.h>
#include <string.h>

#define UNKNOWN INT32_MIN

int ui_turn_dates(const fl_Def *d, const fl_State *s, int32_t *out, int n) {
  if (n <= 0) return 0;
  for (int k = 0; k < n; k++) out[k] = UNKNOWN;
  out[0] = d->start_date;
  /* every log entry carries its turn's date (the date moves only between turns) */
  for (int i = 0; i < s->nlog; i++) {
    int k = s->log[i].turn - 1;
    if (k >= 0 && k < n) out[k] = s->log[i].date;
  }
  if (s->turn >= 1 && s->turn <= n) out[s->turn - 1] = s->date;
  /* turns without an entry: in proportion between the dated turns around them (the game's
   * current turn is one, also when its values are not in the history yet: an ending at the
   * turn's start); after every dated turn: the game's current step */
  int a = 0;
  for (int k = 1; k <= n; k++) {
    int beyond = k == n;
    if (beyond ? s->turn - 1 < n : out[k] == UNKNOWN) continue;
    int kk = beyond ? s->turn - 1 : k;
    int32_t dk = beyond ? s->date : out[k];
    for (int j = a + 1; j < k; j++) out[j] = out[a] + (int32_t)((int64_t)(dk - out[a]) * (j - a) / (kk - a));
    a = k;
  }
  for (int j = a + 1; j < n; j++) out[j] = s->step.unit == FL_SPAN_TURN ? out[j - 1] : fl_date_add(out[j - 1], s->step);
  for (int k = 1; k < n; k++) if (out[k] < out[k - 1]) out[k] = out[k - 1]; /* time never runs back */
  return n;
}

/* the first of month number m (months since year 0) as a day number */
static int32_t month_day(long m) { return fl_date_make((int)(m / 12), (int)(m % 12) + 1, 1); }

int ui_date_ticks(int32_t d0, int32_t d1, int maxn, int32_t *out, int *monthly) {
  static const int steps[] = {1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200};
  int y, m, dd;
  *monthly = 0;
  if (maxn < 1 || d1 < d0) return 0;
  fl_date_split(d0, &y, &m, &dd);
  long m0 = (long)y * 12 + (m - 1) + (dd > 1); /* the first 1st of a month on or after d0 */
  for (size_t k = 0; k < sizeof steps / sizeof steps[0]; k++) {
    long st = steps[k], first = (m0 + st - 1) / st * st; /* a multiple: January for years, Jan/Apr/Jul/Oct for quarters */
    int n = 0;
    for (long mm = first; month_day(mm) <= d1; mm += st) n++;
    if (n > maxn) continue;
    if (n == 0) break; /* shorter than a month: the two ends (dated by day) */
    n = 0;
    for (long mm = first; month_day(mm) <= d1 && n < maxn; mm += st) out[n++] = month_day(mm);
    *monthly = st < 12;
    return n;
  }
  out[0] = d0;
  if (maxn < 2 || d1 == d0) return 1;
  out[1] = d1;
  *monthly = 2;
  return 2;
}

void ui_date_tick_label(int32_t date, int monthly, char *buf, size_t n) {
  int y, m, d;
  fl_date_split(date, &y, &m, &d);
  if (!monthly) { snprintf(buf, n, "%d", y); return; }
  char full[64];
  ui_date_short(date, full, sizeof full); /* "1 Mar 2025": the month's short name in the language in use */
  const char *sp = monthly == 1 ? strchr(full, ' ') : NULL;
  snprintf(buf, n, "%s", sp ? sp + 1 : full);
}
