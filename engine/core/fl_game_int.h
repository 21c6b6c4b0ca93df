/* fl_game's private parts, shared by fl_game.c (the turn machinery, checks and choices) and
 * fl_game_targets.c (legal targets). Nothing outside engine/core/fl_game*.c includes it. */
#ifndef FL_GAME_INT_H
#define FL_GAME_INT_H
#include "fl_game.h"
#include "fl_buf.h"
#include "fl_move.h"

enum { ST_NEW, ST_TURN_START, ST_PHASE_START, ST_PHASE_CARDS, ST_TURN_END, ST_DONE };

struct fl_Game {
  const fl_Def *def;
  fl_Hooks hooks;
  fl_State *s;
  int status;
  fl_Context ctx;
  char *avail;           /* per option of the pending card: 1 available */
  char **why;            /* per option: reason it is not available (owned) */
  int navail;
  int hash_turns;        /* record each turn's state hash (replays need them; batches may not) */
  fl_Buf scratch;        /* reused by the per-turn hash */
  fl_Reach reach;        /* reused by movement queries */
  int again_run;         /* 'again' choices in a row, bounded so a policy cannot loop for ever */
  double *params;        /* parameter values the next fl_game_start gives the state */
  char why_buf[256];     /* fl_game_check's answer */
  /* Legal target lists of the pending decision's options, as its availability computed
   * them: the policy's view and the check of a choice ask again for the same lists, and a
   * scenario's legal() may be costly. Valid while the stamp (card, turn, queue head, log
   * length) is unchanged; cleared with avail[]. */
  int32_t **tl;
  int *ntl;
  long tl_stamp[4];
  /* The last choice fl_game_check passed, and its costs: a policy's answer is checked,
   * then chosen, and requires() and cost() need not run again for the same choice. */
  long chk_stamp[4];
  fl_Choice chk;
  fl_Cost chk_costs[64];
  int chk_nc;
  char err[1024];
};

/* What identifies a pending decision's moment: its card, turn, place in the queue and the
 * log's length (every choice appends to the log). Caches are valid while it holds. */
void fl_game_stamp(const fl_Game *g, int card, long st[4]);
/* The full list of legal targets of option opt of card (area indices, or piece ids for
 * pieces and moves), malloc'd into *out. For a move, pieces with points left only.
 * Returns the count, or -1 on a script error or out of memory. */
int fl_game_legal_list(fl_Game *g, int card, int opt, int side, int32_t **out);
/* Whether v is among the n of l. */
int fl_game_in_list(const int32_t *l, int n, int32_t v);
/* "area 'riga' is not a legal target (legal: narva, voru)" into g's reason buffer. */
const char *fl_game_not_legal(fl_Game *g, int area, int32_t v, const int32_t *l, int n);

#endif
