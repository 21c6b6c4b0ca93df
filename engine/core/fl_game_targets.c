/* fl_game's targets: the legal target lists of a pending decision's options (cached while the
 * decision stands), the targets a player or policy may pick, and why one is not legal. */
#include "fl_game.h"
#include "fl_game_int.h"
#include "fl_i18n.h"
#include "fl_move.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fl_game_stamp(const fl_Game *g, int card, long st[4]) {
  st[0] = card; st[1] = g->s->turn; st[2] = g->s->qhead; st[3] = g->s->nlog;
}

int fl_game_legal_list(fl_Game *g, int card, int opt, int side, int32_t **out) {
  const fl_OptionDef *op = &g->def->cards[card].options[opt];
  fl_State *s = g->s;
  int n = 0;
  *out = NULL;
  long stamp[4];
  fl_game_stamp(g, card, stamp);
  int cacheable = op->fn_legal && side == g->def->cards[card].side && opt < g->navail;
  if (cacheable && memcmp(stamp, g->tl_stamp, sizeof stamp) == 0 && g->tl[opt]) {
    n = g->ntl[opt];
    if (!(*out = malloc((size_t)(n > 0 ? n : 1) * sizeof **out))) { fl_game_fail(g, "out of memory"); return -1; }
    memcpy(*out, g->tl[opt], (size_t)n * sizeof **out);
    return n;
  }
  if (op->fn_legal && g->hooks.list) {
    fl_Context saved = g->ctx;
    g->ctx = (fl_Context){FL_CTX_OPTION, card, opt, side, NULL, 0};
    int rc = g->hooks.list(g->hooks.ud, g, op->fn_legal, out, &n);
    g->ctx = saved;
    if (rc) { if (g->status != FL_GAME_ERROR) fl_game_fail(g, "rule code failed"); return -1; }
  } else {
    int cap = op->target == FL_TGT_AREA ? s->narea : s->npiece;
    *out = malloc((size_t)(cap > 0 ? cap : 1) * sizeof **out);
    if (!*out) { fl_game_fail(g, "out of memory"); return -1; }
    if (op->target == FL_TGT_AREA) for (int a = 0; a < s->narea; a++) (*out)[n++] = a;
    else for (int i = 0; i < s->npiece; i++) if (s->pieces[i].side == side) (*out)[n++] = s->pieces[i].id;
  }
  if (op->target == FL_TGT_MOVE) { /* only pieces that can still move */
    int k = 0;
    for (int i = 0; i < n; i++) {
      int pi = fl_state_find_piece(s, (*out)[i]);
      if (pi >= 0 && fl_move_left(g->def, s, pi) > 0) (*out)[k++] = (*out)[i];
    }
    n = k;
  }
  if (cacheable) {
    if (memcmp(stamp, g->tl_stamp, sizeof stamp) != 0) {
      for (int i = 0; i < g->navail; i++) { free(g->tl[i]); g->tl[i] = NULL; }
      memcpy(g->tl_stamp, stamp, sizeof stamp);
    }
    int32_t *copy = malloc((size_t)(n > 0 ? n : 1) * sizeof *copy);
    if (copy) { /* no memory for the cache only costs a recomputation */
      memcpy(copy, *out, (size_t)n * sizeof *copy);
      free(g->tl[opt]);
      g->tl[opt] = copy;
      g->ntl[opt] = n;
    }
  }
  return n;
}

int fl_game_in_list(const int32_t *l, int n, int32_t v) {
  for (int i = 0; i < n; i++) if (l[i] == v) return 1;
  return 0;
}

/* The areas piece id may end a move in, into out (max); the count or -1 (OOM). */
static int move_ends(fl_Game *g, int32_t piece, int32_t *out, int max) {
  int pi = fl_state_find_piece(g->s, piece);
  if (pi < 0) return 0;
  if (fl_move_reach(&g->reach, g->def, g->s, pi) < 0) { fl_game_fail(g, "out of memory"); return -1; }
  int n = 0;
  for (int a = 0; a < g->s->narea && n < max; a++)
    if (fl_move_can_end(&g->reach, g->def, g->s, pi, a)) out[n++] = a;
  return n;
}

int fl_game_targets(fl_Game *g, int opt, int32_t piece, int32_t *out, int max) {
  int side, card = g->s->stage == ST_PHASE_CARDS && g->s->qhead < g->s->nqueue ? g->s->queue[g->s->qhead] : -1;
  if (card < 0 || opt < 0 || opt >= g->def->cards[card].noptions) return 0;
  side = g->def->cards[card].side;
  const fl_OptionDef *op = &g->def->cards[card].options[opt];
  if (op->target == FL_TGT_NONE) return 0;
  int32_t *l;
  int n = fl_game_legal_list(g, card, opt, side, &l);
  if (n < 0) return -1;
  int k = 0;
  if (op->target == FL_TGT_MOVE && piece >= 0) {
    k = fl_game_in_list(l, n, piece) ? move_ends(g, piece, out, max) : 0;
  } else if (op->target == FL_TGT_MOVE) {
    int32_t one;
    for (int i = 0; i < n && k < max; i++) {
      int e = move_ends(g, l[i], &one, 1);
      if (e < 0) { free(l); return -1; }
      if (e > 0) out[k++] = l[i];
    }
  } else {
    for (int i = 0; i < n && k < max; i++) out[k++] = l[i];
  }
  free(l);
  return k;
}

/* By id, never an internal index, with what would have been legal, so that a designer's
 * policy error says how to fix it. */
const char *fl_game_not_legal(fl_Game *g, int area, int32_t v, const int32_t *l, int n) {
  char *b = g->why_buf;
  size_t cap = sizeof g->why_buf, k;
  if (area) {
    const fl_MapArea *a = v >= 0 && v < fl_map_area_count(g->def->map) ? fl_map_area(g->def->map, v) : NULL;
    k = (size_t)snprintf(b, cap, FL_TR("area '%s' is not a legal target"), a ? a->id : "?");
  } else k = (size_t)snprintf(b, cap, FL_TR("piece %ld is not a legal target"), (long)v);
  for (int i = 0; i < n && k < cap; i++) {
    const char *sep = i ? ", " : FL_TR(" (legal: ");
    if (area) k += (size_t)snprintf(b + k, cap - k, "%s%s", sep, fl_map_area(g->def->map, l[i])->id);
    else k += (size_t)snprintf(b + k, cap - k, "%s%ld", sep, (long)l[i]);
  }
  if (k < cap) snprintf(b + k, cap - k, "%s", n ? ")" : FL_TR(" (nothing is legal now)"));
  return b;
}
