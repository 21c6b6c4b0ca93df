/* fl_time: calendar dates and spans ("1 month", "6 months", "2 turns").
 * Dates are proleptic Gregorian days since 1970-01-01, so they compare and
 * serialise as plain integers. */
#ifndef FL_TIME_H
#define FL_TIME_H
#include <stddef.h>
#include <stdint.h>

typedef enum { FL_SPAN_DAY, FL_SPAN_MONTH, FL_SPAN_TURN } fl_SpanUnit;
/* A span: n days, n months (weeks and years are folded in), or n turns. */
typedef struct fl_Span { int32_t n; int32_t unit; } fl_Span;

/* Days since 1970-01-01 for a civil date. */
int32_t fl_date_make(int y, int m, int d);
/* Split a day number into year, month (1-12) and day (1-31). */
void fl_date_split(int32_t days, int *y, int *m, int *d);
/* Parse "YYYY-MM-DD"; returns 0 on success, -1 if malformed or not a real date. */
int fl_date_parse(const char *s, int32_t *out);
/* Format as "YYYY-MM-DD" into buf (at least 11 bytes). */
void fl_date_format(int32_t days, char *buf, size_t n);
/* Parse "N unit" (day(s), week(s), month(s), quarter(s), year(s), turn(s)); 0 ok, -1 bad. */
int fl_span_parse(const char *s, fl_Span *out);
/* Add a day or month span to a date (months clamp to the month's last day). */
int32_t fl_date_add(int32_t days, fl_Span span);
/* Human form of a span, e.g. "6 months", into buf. */
void fl_span_format(fl_Span s, char *buf, size_t n);

#endif
