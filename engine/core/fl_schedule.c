#include "fl_schedule.h"
#include "fl_fmt.h"
#include "fl_i18n.h"
#include <stdio.h>

void fl_schedule_span(fl_Span sp, char *buf, size_t n) {
  long k = sp.n;
  if (sp.unit == FL_SPAN_MONTH && k % 12 == 0) snprintf(buf, n, FL_NTR("%ld year", "%ld years", k / 12), k / 12);
  else if (sp.unit == FL_SPAN_MONTH) snprintf(buf, n, FL_NTR("%ld month", "%ld months", k), k);
  else if (sp.unit == FL_SPAN_DAY && k % 7 == 0) snprintf(buf, n, FL_NTR("%ld week", "%ld weeks", k / 7), k / 7);
  else if (sp.unit == FL_SPAN_DAY) snprintf(buf, n, FL_NTR("%ld day", "%ld days", k), k);
  else snprintf(buf, n, FL_NTR("%ld turn", "%ld turns", k), k);
}

/* snprintf at buf + *len, keeping *len within n. */
#define ADD(...) do { if (*len < n) { int w_ = snprintf(buf + *len, n - *len, __VA_ARGS__); *len += w_ > 0 ? (size_t)w_ : 0; if (*len > n) *len = n; } } while (0)

static void schedule(const fl_Def *d, char *buf, size_t n, size_t *len) {
  char sp[64];
  fl_schedule_span(fl_def_step(d, 1), sp, sizeof sp);
  if (d->turns_cap) { /* the turn count is only a cap, and the rules may change the step: no count */
    /* TRANSLATORS: how long a game runs when its rules end it: "turns of 1 month at first; ..." */
    ADD(FL_TR("turns of %s at first; the rules decide when it ends"), sp);
    return;
  }
  ADD(FL_NTR("%d turn of %s", "%d turns of %s", d->max_turns), d->max_turns, sp);
  for (int i = 1; i < d->ncal && d->calendar[i].from_turn <= d->max_turns; i++) { /* a schedule that changes says so */
    fl_schedule_span(d->calendar[i].step, sp, sizeof sp);
    ADD(FL_TR(", from turn %d of %s"), d->calendar[i].from_turn, sp);
  }
}

void fl_schedule_short(const fl_Def *d, char *buf, size_t n) {
  size_t l = 0, *len = &l;
  if (n) buf[0] = '\0';
  schedule(d, buf, n, len);
}

void fl_schedule_end(const fl_Def *d, char *buf, size_t n) {
  char date[64];
  size_t l = 0, *len = &l;
  if (n) buf[0] = '\0';
  if (d->turns_cap) /* the rules end it; the count is the most it can last, whatever length they give turns */
    ADD(FL_NTR("At most %d turn.", "At most %d turns.", d->max_turns), d->max_turns);
  else { /* the calendar fixes every turn's date: the last one's */
    int32_t last = d->start_date;
    for (int t = 1; t < d->max_turns; t++) last = fl_date_add(last, fl_def_step(d, t));
    ADD(FL_TR("The last turn is %s."), fl_fmt_date(last, date, sizeof date));
  }
  if (d->nending >= 2 && d->nending <= 8) {
    char list[1024];
    size_t k = 0;
    list[0] = '\0';
    for (int i = 0; i < d->nending && k < sizeof list; i++)
      k += (size_t)snprintf(list + k, sizeof list - k, "%s\"%s\"", i ? ", " : "", d->endings[i].title);
    ADD(" ");
    ADD(FL_TR("Possible endings: %s."), list);
  }
}

void fl_schedule_text(const fl_Def *d, char *buf, size_t n) {
  char date[64], how[512], end[1536];
  fl_schedule_short(d, how, sizeof how);
  fl_schedule_end(d, end, sizeof end);
  /* TRANSLATORS: a game's start date, how its turns run, then when it ends: "From 1 March 2025: 9 turns of 1 month. The last turn ..." */
  snprintf(buf, n, FL_TR("From %s: %s. %s"), fl_fmt_date(d->start_date, date, sizeof date), how, end);
}
