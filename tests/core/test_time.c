/* fl_time: dates and spans, including month-end clamping and leap years. */
#include "../check.h"
#include "fl_time.h"

static const char *fmt(int32_t d) {
  static char buf[16];
  fl_date_format(d, buf, sizeof buf);
  return buf;
}

int main(void) {
  int32_t d;
  CHECK(fl_date_parse("2025-03-18", &d) == 0);
  CHECK_STR(fmt(d), "2025-03-18");
  CHECK(fl_date_parse("1970-01-01", &d) == 0 && d == 0);
  CHECK(fl_date_parse("2025-02-29", &d) == -1);  /* not a leap year */
  CHECK(fl_date_parse("2024-02-29", &d) == 0);
  CHECK(fl_date_parse("2025-3-18", &d) == -1);
  CHECK(fl_date_parse("2025-03-18x", &d) == -1);
  CHECK(fl_date_parse(NULL, &d) == -1);

  /* every day from 0001 to 9999 formats as it parses (the formatter is written by hand) */
  int32_t lo = 0, hi = -1, bad = 0;
  CHECK(fl_date_parse("0001-01-01", &lo) == 0 && fl_date_parse("9999-12-31", &hi) == 0);
  for (int32_t k = lo; k <= hi; k++) {
    int32_t back;
    bad += fl_date_parse(fmt(k), &back) != 0 || back != k;
  }
  CHECK(bad == 0);
  CHECK_STR(fmt(lo), "0001-01-01");
  CHECK_STR(fmt(hi), "9999-12-31");

  fl_Span s;
  CHECK(fl_span_parse("6 months", &s) == 0 && s.n == 6 && s.unit == FL_SPAN_MONTH);
  CHECK(fl_span_parse("1 year", &s) == 0 && s.n == 12 && s.unit == FL_SPAN_MONTH);
  CHECK(fl_span_parse("2 weeks", &s) == 0 && s.n == 14 && s.unit == FL_SPAN_DAY);
  CHECK(fl_span_parse("3 turns", &s) == 0 && s.n == 3 && s.unit == FL_SPAN_TURN);
  CHECK(fl_span_parse("1 quarter", &s) == 0 && s.n == 3);
  CHECK(fl_span_parse("six months", &s) == -1);
  CHECK(fl_span_parse("6 fortnights", &s) == -1);

  /* Article 20: notice on 27 Jun 2025 takes effect 27 Dec 2025 */
  fl_date_parse("2025-06-27", &d);
  fl_span_parse("6 months", &s);
  CHECK_STR(fmt(fl_date_add(d, s)), "2025-12-27");
  fl_date_parse("2025-08-31", &d);
  fl_span_parse("1 month", &s);
  CHECK_STR(fmt(fl_date_add(d, s)), "2025-09-30"); /* clamped to the month's end */
  fl_date_parse("2024-02-29", &d);
  fl_span_parse("1 year", &s);
  CHECK_STR(fmt(fl_date_add(d, s)), "2025-02-28");
  fl_span_parse("1 day", &s);
  fl_date_parse("2025-12-31", &d);
  CHECK_STR(fmt(fl_date_add(d, s)), "2026-01-01");
  char buf[32];
  fl_span_format((fl_Span){24, FL_SPAN_MONTH}, buf, sizeof buf);
  CHECK_STR(buf, "2 years");
  return check_done("test_time");
}
