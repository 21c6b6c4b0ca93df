/* fl_game: the rules machinery — turns, calendar, phases, decision cards with
 * costs and delayed effects, events, endings, per-turn hashes. It drives an
 * fl_State through one step function (fl_game_act) that the CLI, the window,
 * batches and tests all share. Rule code (conditions, effects) is run through
 * fl_Hooks, so this module never sees Lua. */
#ifndef FL_GAME_H
#define FL_GAME_H
#include "fl_def.h"
#include "fl_state.h"

typedef struct fl_Game fl_Game;

typedef enum { FL_CALL_BOOL, FL_CALL_NUMBER, FL_CALL_EFFECT, FL_CALL_TEXT } fl_CallKind;

/* The boundary to rule code. call runs handle fn: FL_CALL_BOOL and FL_CALL_NUMBER put
 * the result in *num, FL_CALL_TEXT puts a malloc'd string in *text (caller frees); for
 * FL_CALL_BOOL with text non-NULL, a second string result (a reason) goes there.
 * Returns 0, or -1 on a script error whose message the hook's owner reports. */
typedef struct fl_Hooks {
  void *ud;
  int (*call)(void *ud, fl_Game *g, int fn, int kind, double *num, char **text);
  /* Optional. list: fn returns integers (legal targets: area indices or piece ids) into a
   * malloc'd *out. costs: fn returns { track = amount } into a malloc'd *out. 0 or -1. */
  int (*list)(void *ud, fl_Game *g, int fn, int32_t **out, int *n);
  int (*costs)(void *ud, fl_Game *g, int fn, fl_Cost **out, int *n);
} fl_Hooks;

typedef enum { FL_GAME_WAITING, FL_GAME_ENDED, FL_GAME_ERROR } fl_GameStatus;

/* What rule code is running now, for API calls and error messages. */
typedef enum { FL_CTX_NONE, FL_CTX_SETUP, FL_CTX_CARD, FL_CTX_OPTION, FL_CTX_EVENT, FL_CTX_ENDING } fl_CtxKind;
typedef struct fl_Context {
  int kind, index, option, side;
  const int32_t *tg; int ntg;   /* FL_CTX_OPTION: the chosen targets (NULL: none chosen yet) */
} fl_Context;

/* A choice: an option of the pending card and its targets (area indices, piece ids;
 * for a move: piece id, destination area). */
typedef struct fl_Choice { int opt, ntg; int32_t tg[FL_MAX_TARGETS]; } fl_Choice;

/* A game over def (borrowed: it must outlive the game). NULL on out of memory. */
fl_Game *fl_game_new(const fl_Def *def, fl_Hooks hooks);
/* Free a game and its state. */
void fl_game_free(fl_Game *g);
/* The value of parameter i that games started from now on get (the definition's value in
 * force until changed). Returns -1 (nothing changed) if i or v is out of range. A running
 * game's values are in its state (fl_State.params). */
int fl_game_set_param(fl_Game *g, int i, double v);
double fl_game_param(const fl_Game *g, int i);
/* Start a new game with this seed: reset, run setup, play to the first decision. */
int fl_game_start(fl_Game *g, uint64_t seed);
/* Choose option index opt of the pending card; plays on to the next decision or the end.
 * Returns the new status, or -1 if opt is not available now (message in fl_game_error). */
int fl_game_act(fl_Game *g, int opt);
/* Choose an option with its targets. Same returns as fl_game_act; an illegal target is
 * refused (-1) with the reason in fl_game_error. */
int fl_game_choose(fl_Game *g, const fl_Choice *ch);
/* The choice a logged action recorded, as option opt (matched by id, e.g. after a
 * reload); a move's logged origin is dropped. */
void fl_choice_from_log(const fl_Def *d, const fl_LogEntry *e, int opt, fl_Choice *ch);
/* Legal targets of option opt of the pending card now: area indices (area kinds), piece
 * ids (piece kinds and the piece of a move), or with `piece` >= 0 for a move, the areas
 * that piece may end its move in. Returns the count written to out (at most max), or -1
 * on a script error. */
int fl_game_targets(fl_Game *g, int opt, int32_t piece, int32_t *out, int max);
/* Why this choice cannot be made now, or NULL if it can (checks targets, requires and
 * costs without changing anything). The text is owned by the game until the next call. */
const char *fl_game_check(fl_Game *g, const fl_Choice *ch);
/* The costs of a choice (static costs plus those computed from its targets) into out;
 * returns the count (<= max), or -1 on a script error. */
int fl_game_costs(fl_Game *g, const fl_Choice *ch, fl_Cost *out, int max);
/* The preview of a choice (computed from its targets when the option has a preview
 * function; ch->ntg may be 0). malloc'd, or NULL if there is none. */
char *fl_game_preview(fl_Game *g, const fl_Choice *ch);
/* Current status (FL_GAME_*). */
int fl_game_status(const fl_Game *g);
/* The pending card and its deciding side, or -1 when nothing is pending. */
int fl_game_pending(const fl_Game *g, int *side);
/* Whether option opt of the pending card may be chosen now (requirements and costs). */
int fl_game_available(const fl_Game *g, int opt);
/* Why option opt is not available ("needs 20 budget"), or NULL. Borrowed. */
const char *fl_game_unavailable_reason(const fl_Game *g, int opt);
/* The state (borrowed). Rule code changes it through the script API only. */
fl_State *fl_game_state(fl_Game *g);
const fl_Def *fl_game_def(const fl_Game *g);
/* Replace the state with a copy of src (load, undo, fork) and recompute availability. */
int fl_game_set_state(fl_Game *g, const fl_State *src);
/* What rule code is running, e.g. event 'blizzard' (for errors and API checks). */
fl_Context fl_game_context(const fl_Game *g);
/* Describe the current context as text ("turn 3, event 'storm'") into buf. */
void fl_game_describe(const fl_Game *g, char *buf, size_t n);
/* Last error message (empty if none). Borrowed. */
const char *fl_game_error(const fl_Game *g);
/* Record each turn's state hash (on by default; replays and --log need them). Batches
 * that only read outcomes may turn it off to save the serialisation per turn. */
void fl_game_set_turn_hashes(fl_Game *g, int on);
/* Mark the game as failed with a message (used by the script layer). */
void fl_game_fail(fl_Game *g, const char *msg);
/* Ask to end the game with ending index e at the next check. */
void fl_game_request_end(fl_Game *g, int e);

#endif
