/* fl_textview: the board as plain text, built from the same state the window draws —
 * for screen readers, terminals and logs. No SDL, no Lua: definition and state only. */
#ifndef FL_TEXTVIEW_H
#define FL_TEXTVIEW_H
#include <stdint.h>
#include <stdio.h>
#include "fl_game.h"

/* Write the whole board as side `viewer` sees it (-1: everything, as the referee): date
 * and turn, tracks, every area (owner, terrain, neighbours, pieces, properties), marks on
 * the map, the pending decision with each option's cost or why it is closed, and the
 * latest log lines. Hidden tracks, properties, pieces and log lines are left out. */
void fl_textview_write(FILE *f, fl_Game *g, int viewer);
/* The same, FL_TV_FULL; or FL_TV_BRIEF: only areas that hold something the viewer sees
 * (the rest as names by owner) and no log (play --text prints it as it happens). */
enum { FL_TV_FULL, FL_TV_BRIEF };
void fl_textview_write_ex(FILE *f, fl_Game *g, int viewer, int mode);
/* s as a person may type it on any keyboard: lower case, '_' as a space, the Baltic and
 * Polish letters as their base letters ("Suwałki_Gap" -> "suwalki gap"). */
void fl_textview_fold(const char *s, char *out, size_t n);
/* The area a person typed, by id or name (folded as above), or -1. */
int fl_textview_find_area(const fl_Def *d, const char *typed);
/* One area, by id or name (any case, letters folded), in full; -1 and a message if there is none. */
int fl_textview_area(FILE *f, fl_Game *g, int viewer, const char *name);
/* The pending decision: each option with its cost, what it asks for (targets), its
 * preview, or why it is closed. Nothing when no decision is pending. */
void fl_textview_decision(FILE *f, fl_Game *g);
/* The same; again: the card was shown in full a moment ago (a card that asks again, e.g.
 * area after area): its title in one line and each option without its text, preview and
 * cost, but with what it asks for and why it is closed now. */
void fl_textview_decision_ex(FILE *f, fl_Game *g, int again);
/* What a terminal player has read in full (flank play --text): the texts of the cards and
 * options shown, so that a card coming again (each quarter) does not repeat them. Zeroed to
 * start; fl_textview_read_free at the end. */
typedef struct fl_TvRead { uint64_t *h; int n, cap; } fl_TvRead;
void fl_textview_read_free(fl_TvRead *r);
/* The pending decision as fl_textview_decision_ex; with read, a text read before and unchanged
 * (the card's, an option's preview and text) is left out, with one line saying how to read it
 * again ('help N', 'help card'), and what is shown is remembered as read. */
void fl_textview_decision_read(FILE *f, fl_Game *g, int again, fl_TvRead *read);
/* Remember the pending card's texts as read (the whole board showed them). */
void fl_textview_read_mark(fl_TvRead *r, fl_Game *g);
/* Option n (from 1) of the pending decision in one line, in full ('help N'); -1 if none. */
int fl_textview_option_help(FILE *f, fl_Game *g, int n);
/* The areas logged decision i of s chose but its effect left out, marked 1 in out (one per
 * target, s->log[i].ntg of them); returns how many (0: none said). Rule code says so in a line
 * it logs right after the decision (no delay) that says "left out" (or the --lang language's
 * words for it) and ends with some of the decision's areas by name after a colon, as
 * eastern_flank's fields do: "Left out for lack of engineers, mines or money: Võru, Narva." */
int fl_textview_left_out(const fl_Def *d, const fl_State *s, int i, unsigned char *out);
/* One log line in words (no newline); pieces it names by their labels while they are in
 * state s (NULL: by id). An order's areas are those it served: the ones it left out
 * (fl_textview_left_out) are named by the line after it. */
void fl_textview_log_line(FILE *f, const fl_Def *d, const fl_State *s, const fl_LogEntry *e);
/* Where the game is: "Turn 3 of 12, 1 March 2025", or "1 March 2025 (turn 3)" when the
 * scenario's turns are only a cap (scenario{ turns_cap = true }). No newline. */
void fl_textview_progress(FILE *f, const fl_Def *d, const fl_State *s);
/* What each indicator (track) the viewer sees means: name, unit, the scenario's text,
 * which way is better and its source — the text mode's `help`. */
void fl_textview_tracks_help(FILE *f, const fl_Def *d, int viewer);
/* A piece as a player reads it: its `name` property and the id a player types,
 * "eFP battlegroup Latvia (Canada-led) [#6]", or without a name its type, "Infantry #3"
 * (into buf). */
const char *fl_textview_piece_label(const fl_Def *d, const fl_Piece *p, char *buf, size_t n);
/* The same with its side: "Infantry #3 of Blue". */
void fl_textview_piece(FILE *f, const fl_Def *d, const fl_Piece *p);

#endif
