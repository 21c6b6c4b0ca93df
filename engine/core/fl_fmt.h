/* fl_fmt: numbers and dates as a reader wants them — "1,920,000", "79.7 %", "1 person",
 * "1 March 2025" — shared by the text view, the window and the reports, so that every
 * surface shows the same figure the same way. */
#ifndef FL_FMT_H
#define FL_FMT_H
#include <stddef.h>
#include <stdint.h>

/* v with thousands separators and a precision that suits its size: whole numbers as they
 * are, 100 and more rounded to whole, 10 to 100 to one decimal, smaller to two, trailing
 * zeros dropped ("1,260", "79.7", "0.35"). NaN and infinities as "?". Returns buf. */
const char *fl_fmt_num(double v, char *buf, size_t n);
/* v and its unit: "1,260 km", "33.1 %" ("%" without a space), a currency before the number
 * ("US$1,260 M", "€12", "PLN 10 bn": a sign or US$/$/€/£/PLN/EUR/USD code then a space or the
 * end; letter codes keep a space), and unit_one instead
 * of unit when v is exactly 1 and unit_one is set ("1 person"). unit may be NULL. */
const char *fl_fmt_qty(double v, const char *unit, const char *unit_one, char *buf, size_t n);
/* An indicator (track) value as every surface shows it, so that a table and the scenario's
 * own text agree: a percentage of 1% or more in whole points, halves away from zero
 * (46.6 -> 47, 46.5 -> 47), a smaller one as fl_fmt_num has it (0.35); other units as they
 * are. fl_fmt_track formats that value as fl_fmt_qty does ("47%", "0.35%", "US$1,260 M"). */
double fl_fmt_shown(double v, const char *unit);
const char *fl_fmt_track(double v, const char *unit, const char *unit_one, char *buf, size_t n);
/* The shortest text that reads back (strtod) as exactly v, without an exponent where one is
 * not needed: 10 -> "10", 0.15 -> "0.15", 1e-300 -> "1e-300". For commands a person re-types
 * (--set ID=VALUE in a "reproduce" line). Returns buf. */
const char *fl_fmt_exact(double v, char *buf, size_t n);
/* A date as "1 March 2025". */
const char *fl_fmt_date(int32_t days, char *buf, size_t n);

#endif
