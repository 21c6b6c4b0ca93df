/* fl_schedule: how a scenario's turns run and when its game ends, in words, from what its
 * definition says (start, step, calendar, turns, turns_cap, endings) and nothing else: the
 * briefing of the window and of play --text, and the scenario list. */
#ifndef FL_SCHEDULE_H
#define FL_SCHEDULE_H
#include <stddef.h>
#include "fl_def.h"

/* A span as a reader says it: "1 month", "2 weeks", "1 year" (into buf). */
void fl_schedule_span(fl_Span sp, char *buf, size_t n);
/* The length in a few words: "9 turns of 1 month", "12 turns of 1 month, from turn 10 of
 * 1 day", or where the turns are only a cap "turns of 1 month at first; the rules decide
 * when it ends". */
void fl_schedule_short(const fl_Def *d, char *buf, size_t n);
/* When the game ends at the latest (the last turn's date when the calendar fixes it, else
 * the turn cap) and its possible endings: "The last turn is 1 November 2025. Possible
 * endings: "A calm border", "Mines in the ground"." */
void fl_schedule_end(const fl_Def *d, char *buf, size_t n);
/* The briefing's sentences: "From 1 March 2025: 9 turns of 1 month. " and fl_schedule_end. */
void fl_schedule_text(const fl_Def *d, char *buf, size_t n);

#endif
