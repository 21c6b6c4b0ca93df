/* fl_fmt: figures as a reader wants them — separators, precision that suits the size,
 * units, "1 person", long dates. */
#include "../check.h"
#include "fl_fmt.h"
#include "fl_time.h"
#include <math.h>

static const char *num(double v) {
  static char buf[64];
  return fl_fmt_num(v, buf, sizeof buf);
}

static const char *qty(double v, const char *unit, const char *one) {
  static char buf[96];
  return fl_fmt_qty(v, unit, one, buf, sizeof buf);
}

static const char *track(double v, const char *unit, const char *one) {
  static char buf[96];
  return fl_fmt_track(v, unit, one, buf, sizeof buf);
}

int main(void) {
  CHECK_STR(num(0), "0");
  CHECK_STR(num(1920000), "1,920,000");      /* not "1920000" */
  CHECK_STR(num(-1260), "-1,260");
  CHECK_STR(num(999), "999");
  CHECK_STR(num(1000), "1,000");
  CHECK_STR(num(79.6621), "79.7");           /* not "79.6621" */
  CHECK_STR(num(33.06), "33.1");
  CHECK_STR(num(12.5), "12.5");
  CHECK_STR(num(150.4), "150");              /* 100 and more: whole */
  CHECK_STR(num(12345.67), "12,346");
  CHECK_STR(num(0.35), "0.35");
  CHECK_STR(num(2.50), "2.5");
  CHECK_STR(num(-0.001), "0");               /* never "-0" */
  CHECK_STR(num(NAN), "?");
  CHECK_STR(num(INFINITY), "?");

  CHECK_STR(qty(33.06, "%", NULL), "33.1%");
  /* a currency reads before the number; letter codes keep a space, what follows stays after */
  CHECK_STR(qty(1260, "US$ M", NULL), "US$1,260 M");
  CHECK_STR(qty(440, "US$", NULL), "US$440");
  CHECK_STR(qty(5, "$", NULL), "$5");
  CHECK_STR(qty(12, "€", NULL), "€12");
  CHECK_STR(qty(3.5, "£ M", NULL), "£3.5 M");
  CHECK_STR(qty(10, "PLN bn", NULL), "PLN 10 bn");
  CHECK_STR(qty(7, "EUR", NULL), "EUR 7");
  CHECK_STR(qty(1500, "USD M", NULL), "USD 1,500 M");
  CHECK_STR(qty(-250, "US$ M", NULL), "-US$250 M");
  /* zero and small amounts of money read one way everywhere (the flagship's words write money
   * by the same rule: scenarios/eastern_flank/common.lua C.money; its test: scenarios/eastern_flank/tests/debrief.lua) */
  CHECK_STR(qty(0, "US$ M", NULL), "US$0 M");          /* not "US$0.0 M" nor "0 US$ M" */
  CHECK_STR(qty(-0.001, "US$ M", NULL), "US$0 M");
  CHECK_STR(qty(0.3, "US$ M", NULL), "US$0.3 M");
  CHECK_STR(qty(0.25, "US$ M", NULL), "US$0.25 M");
  CHECK_STR(qty(8.4, "US$ M", NULL), "US$8.4 M");
  CHECK_STR(qty(108.0, "US$ M", NULL), "US$108 M");     /* not "US$108.0 M" */
  CHECK_STR(qty(10, "US$ M/km\xC2\xB2", NULL), "US$10 M/km\xC2\xB2");  /* a parameter's unit */
  CHECK_STR(qty(1, "PLN bn", "PLN bn"), "PLN 1 bn");
  CHECK_STR(qty(3, "USDT", NULL), "3 USDT");     /* a code only when a space or the end follows */
  CHECK_STR(qty(3, "PLNs", NULL), "3 PLNs");
  CHECK_STR(qty(3, "$M", NULL), "3 $M");
  CHECK_STR(qty(1, "people", "person"), "1 person");  /* not "1 people" */
  CHECK_STR(qty(2, "people", "person"), "2 people");
  CHECK_STR(qty(1, "people", NULL), "1 people");      /* no singular given: the unit as written */
  CHECK_STR(qty(12000, "", NULL), "12,000");

  /* an indicator's value, as every table and the scenario's own text show it: percentages in
   * whole points, halves away from zero (the flagship's words round the same way:
   * scenarios/eastern_flank/common.lua C.pct; tests/cli/test_run.sh compares the two) */
  CHECK_STR(track(46.6, "%", NULL), "47%");            /* not "46.6%" beside a debrief's "47%" */
  CHECK_STR(track(46.5, "%", NULL), "47%");            /* printf's "%.0f" would say 46 */
  CHECK_STR(track(45.5, "%", NULL), "46%");
  CHECK_STR(track(81.8, "%", NULL), "82%");
  CHECK_STR(track(100, "%", NULL), "100%");
  CHECK_STR(track(0.35, "%", NULL), "0.35%");          /* below 1%: not "0%" */
  CHECK_STR(track(-3.5, "%", NULL), "-4%");
  CHECK_STR(track(1260.4, "US$ M", NULL), "US$1,260 M"); /* other units as fl_fmt_qty has them */
  CHECK_STR(track(12.5, "km\xC2\xB2", NULL), "12.5 km\xC2\xB2");
  CHECK_STR(track(1, "people", "person"), "1 person");
  CHECK(fl_fmt_shown(46.6, "%") == 47 && fl_fmt_shown(46.6, "km") == 46.6 && fl_fmt_shown(0.4, "%") == 0.4);

  char buf[64];
  CHECK_STR(fl_fmt_date(fl_date_make(2025, 12, 27), buf, sizeof buf), "27 December 2025");
  CHECK_STR(fl_fmt_date(fl_date_make(2026, 2, 20), buf, sizeof buf), "20 February 2026");
  return check_done("test_fmt");
}
