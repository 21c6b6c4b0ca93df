#include "fl_textlog.h"
#include "fl_textview.h"
#include "fl_cli.h"
#include "fl_fmt.h"
#include "fl_i18n.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define NO_DATE INT32_MIN

int fl_textlog_init(fl_TextLog *t, const fl_State *s) {
  *t = (fl_TextLog){0};
  t->seen = 0;
  if (s->ntrack && !(t->start = malloc((size_t)s->ntrack * sizeof *t->start))) return -1;
  for (int i = 0; i < s->ntrack; i++) t->start[i] = s->tracks[i].nhist ? s->tracks[i].hist[0] : s->tracks[i].value;
  t->nstart = s->ntrack;
  return 0;
}

void fl_textlog_free(fl_TextLog *t) {
  free(t->start);
  t->start = NULL;
}

void fl_textlog_rewind(fl_TextLog *t, const fl_State *s) {
  if (t->seen > s->nlog) t->seen = s->nlog;
  if (t->summed >= s->turn) t->summed = s->turn - 1;
  t->headed = 0;
}

/* Each turn's date from lo to s->turn into dt: the dates log entries carry (hidden ones too:
 * a date is no secret), the state's own, and between two known dates a run of the step in
 * force now, if it joins them (rule code may have changed the step: then NO_DATE). */
static void turn_dates(const fl_State *s, int lo, int32_t *dt) {
  int n = s->turn - lo + 1;
  for (int k = 0; k < n; k++) dt[k] = NO_DATE;
  for (int i = 0; i < s->nlog; i++)
    if (s->log[i].turn >= lo && s->log[i].turn <= s->turn) dt[s->log[i].turn - lo] = s->log[i].date;
  dt[n - 1] = s->date;
  for (int a = 0; a < n;) {
    int b = a + 1;
    while (b < n && dt[b] == NO_DATE) b++;
    if (dt[a] == NO_DATE || b >= n) { a = b; continue; }
    int32_t x = dt[a];
    for (int k = a + 1; k <= b; k++) x = fl_date_add(x, s->step);
    if (x == dt[b])
      for (int k = a + 1; k < b; k++) dt[k] = fl_date_add(dt[k - 1], s->step);
    a = b;
  }
}

/* "1 June 2025 (turn 4)" as the progress line reads, or "Turn 4" without a date. */
static void when(FILE *f, const fl_Def *d, int turn, int32_t date) {
  char b[64];
  if (date == NO_DATE) fprintf(f, FL_TR("Turn %d"), turn);
  else if (d->turns_cap) fprintf(f, FL_TR("%s (turn %d)"), fl_fmt_date(date, b, sizeof b), turn);
  else fprintf(f, FL_TR("Turn %d of %d, %s"), turn, d->max_turns, fl_fmt_date(date, b, sizeof b));
}

/* The option a delayed effect came from: the log's action that put it in the queue (delays
 * of one option are equal, so they fall due in the order they were chosen). -1 if none. */
static int cause_of(const fl_State *s, int at) {
  const fl_LogEntry *e = &s->log[at];
  int k = 0;
  for (int i = 0; i < at; i++)
    k += s->log[i].kind == FL_LOG_DELAYED && s->log[i].a == e->a && s->log[i].b == e->b && s->log[i].c == e->c;
  for (int i = 0; i < at; i++)
    if (s->log[i].kind == FL_LOG_ACTION && s->log[i].a == e->a && s->log[i].b == e->b && s->log[i].c == e->c && !k--) return i;
  return -1;
}

/* Whether entry i is told to viewer, and tell it (f NULL: only whether). */
static int tell(FILE *f, const fl_Def *d, const fl_State *s, int i, int viewer) {
  const fl_LogEntry *e = &s->log[i];
  if (!fl_def_sees(d, viewer, e->seen)) return 0; /* what this side does not learn */
  switch (e->kind) {
  case FL_LOG_EVENT:
    if (f) { fprintf(f, "  "); fprintf(f, FL_TR("Event: %s.%s"), d->events[e->a].title, e->text && *e->text ? " " : ""); cli_cited(f, d, e->text); fputc('\n', f); }
    return 1;
  case FL_LOG_MESSAGE:
    if (f) { fprintf(f, "  "); cli_cited(f, d, e->text); fputc('\n', f); }
    return 1;
  case FL_LOG_ACTION:
    if (e->c < 0) return 0;
    if (f) { fprintf(f, "  "); fl_textview_log_line(f, d, s, e); fprintf(f, ".\n"); }
    return 1;
  case FL_LOG_DELAYED:
    if (f) { /* with the choice it comes from, when the viewer saw it: cause, then effect */
      int c = cause_of(s, i);
      const char *label = d->cards[e->a].options[e->b].label;
      char b[64];
      fprintf(f, "  ");
      if (c >= 0 && fl_def_sees(d, viewer, s->log[c].seen) && e->c >= 0 && e->c < d->nside)
        fprintf(f, FL_TR("Now in effect: %s (chosen by %s on %s)."), label, d->sides[e->c].name, fl_fmt_date(s->log[c].date, b, sizeof b));
      else fprintf(f, FL_TR("Now in effect: %s."), label);
      fputc('\n', f);
    }
    return 1;
  default: return 0;
  }
}

/* What turn `turn` (finished) did to the indicators viewer sees: "Deterrence 35% (+1), ..."
 * into f; returns how many changed (f NULL: only count). */
static int changes(FILE *f, const fl_TextLog *t, const fl_Def *d, const fl_State *s, int turn, int viewer) {
  int n = 0;
  for (int i = 0; i < d->ntrack && i < s->ntrack; i++) {
    const fl_TrackDef *td = &d->tracks[i];
    const fl_TrackState *ts = &s->tracks[i];
    if (!td->visible || !fl_def_sees(d, viewer, td->seen) || turn > ts->nhist) continue;
    double before = turn >= 2 ? ts->hist[turn - 2] : i < t->nstart ? t->start[i] : ts->hist[0], after = ts->hist[turn - 1];
    char a[96], b[96], x[96];
    fl_fmt_track(after, td->unit, td->unit_one, a, sizeof a);
    fl_fmt_track(before, td->unit, td->unit_one, x, sizeof x);
    /* the change between the figures as shown: 45% to 47% is +2%, whatever the decimals */
    fl_fmt_qty(fabs(fl_fmt_shown(after, td->unit) - fl_fmt_shown(before, td->unit)), td->unit, td->unit_one, b, sizeof b);
    if (!strcmp(a, x)) continue; /* no change a reader can see */
    if (f) fprintf(f, "%s%s %s (%s%s)", n ? ", " : "", td->name, a, after > before ? "+" : "-", b);
    n++;
  }
  return n;
}

void fl_textlog_heading(FILE *f, fl_TextLog *t, const fl_Def *d, const fl_State *s) {
  if (t->headed == s->turn) return;
  fputc('\n', f);
  when(f, d, s->turn, s->date);
  fprintf(f, ":\n");
  t->headed = s->turn;
  t->compact = 0;
}

/* Quiet turns a to b (finished, nothing told, nothing changed): one line. */
static void quiet(FILE *f, fl_TextLog *t, const fl_Def *d, int a, int b, const int32_t *dt, int lo) {
  if (!a) return;
  char x[64], y[64];
  if (!t->compact) fputc('\n', f); /* one-line turns follow each other without a gap */
  t->compact = 1;
  if (a == b) { when(f, d, a, dt[a - lo]); fprintf(f, ": %s\n", FL_TR("nothing happened, no indicator changed.")); return; }
  if (dt[a - lo] == NO_DATE || dt[b - lo] == NO_DATE) fprintf(f, FL_TR("Turns %d to %d"), a, b);
  else fprintf(f, FL_TR("%s to %s (turns %d to %d)"), fl_fmt_date(dt[a - lo], x, sizeof x), fl_fmt_date(dt[b - lo], y, sizeof y), a, b);
  fprintf(f, ": %s\n", FL_TR("nothing happened, no indicator changed."));
}

void fl_textlog_print(FILE *f, fl_TextLog *t, const fl_Def *d, const fl_State *s, int viewer) {
  if (t->seen > s->nlog) t->seen = s->nlog;
  int ended = s->ntrack ? s->tracks[0].nhist : s->turn - 1; /* turns finished */
  int lo = t->summed + 1, hi = s->turn;
  if (t->seen < s->nlog && s->log[t->seen].turn < lo) lo = s->log[t->seen].turn;
  if (lo < 1) lo = 1;
  int32_t *dt = hi >= lo ? malloc((size_t)(hi - lo + 1) * sizeof *dt) : NULL;
  if (!dt) { t->seen = s->nlog; return; }
  turn_dates(s, lo, dt);
  int i = t->seen, q0 = 0, q1 = 0;
  for (int turn = lo; turn <= hi; turn++) {
    int from = i, told = 0;
    while (i < s->nlog && s->log[i].turn <= turn) told += tell(NULL, d, s, i++, viewer);
    int done = turn <= ended && turn > t->summed, nch = done ? changes(NULL, t, d, s, turn, viewer) : 0;
    if (done && !told && !nch) { /* a quiet turn: with the others around it, in one line */
      if (!q0) q0 = turn;
      q1 = turn;
      t->summed = turn;
      continue;
    }
    quiet(f, t, d, q0, q1, dt, lo);
    q0 = 0;
    if (!told && !done) continue;
    if (!told) { /* only the indicators moved: one line */
      if (!t->compact) fputc('\n', f);
      t->compact = 1;
      when(f, d, turn, dt[turn - lo]);
      fprintf(f, ": ");
      changes(f, t, d, s, turn, viewer);
      fprintf(f, ".\n");
    } else {
      if (t->headed != turn) { fputc('\n', f); when(f, d, turn, dt[turn - lo]); fprintf(f, ":\n"); }
      t->compact = 0;
      for (int k = from; k < i; k++) tell(f, d, s, k, viewer);
      if (nch) { fprintf(f, "  %s ", FL_TR("Indicators:")); changes(f, t, d, s, turn, viewer); fprintf(f, ".\n"); }
    }
    t->headed = turn;
    if (done) t->summed = turn;
  }
  quiet(f, t, d, q0, q1, dt, lo);
  t->seen = s->nlog;
  free(dt);
}
