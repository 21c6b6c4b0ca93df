/* fl_textview: the board as plain text, built from the same state the window draws —
 * for screen readers, terminals and logs. No SDL, no Lua: definition and state only. */
#ifndef FL_TEXTVIEW_H
#define FL_TEXTVIEW_H
#include <stdio.h>
#include "fl_game.h"

/* Write the whole board: date and turn, tracks, every area (owner, terrain, neighbours,
 * pieces, properties), the pending decision with each option's cost or why it is closed,
 * and the latest log lines. */
void fl_textview_write(FILE *f, fl_Game *g);

#endif
