/* fl_textlog: the game's log as play --text tells it between two of the player's decisions:
 * turn by turn under each turn's date, what a finished turn did to the indicators, a run of
 * quiet turns (the aftermath's years) as one line, and a delayed option's effect with the
 * choice that caused it. It reads the state only: how the game is played never changes. */
#ifndef FL_TEXTLOG_H
#define FL_TEXTLOG_H
#include <stdio.h>
#include "fl_game.h"

typedef struct fl_TextLog {
  int seen;      /* log entries told so far */
  int headed;    /* the turn whose date heading was printed last (0: none) */
  int summed;    /* turns up to this one have had their indicator line */
  int compact;   /* the last thing told was a one-line turn */
  double *start; /* the indicators when the game began (turn 1 has no earlier history) */
  int nstart;
} fl_TextLog;

/* Start telling game state s (just started): 0, or -1 on out of memory. */
int fl_textlog_init(fl_TextLog *t, const fl_State *s);
void fl_textlog_free(fl_TextLog *t);
/* The state went back (undo): tell from where it is now. */
void fl_textlog_rewind(fl_TextLog *t, const fl_State *s);
/* Tell what happened since the last call, as side viewer sees it. */
void fl_textlog_print(FILE *f, fl_TextLog *t, const fl_Def *d, const fl_State *s, int viewer);
/* The current turn's heading ("\n1 June 2025 (turn 4):"), unless it is printed already. */
void fl_textlog_heading(FILE *f, fl_TextLog *t, const fl_Def *d, const fl_State *s);

#endif
