/* fl_move: where a piece can go this turn. Shortest paths over the map's adjacency
 * (Dijkstra with a binary heap), priced by the piece type's terrain costs, stopped by
 * impassable terrain, by enemy-held or enemy-occupied areas (for types that stop
 * there) and by stacking limits. Pure queries: the game applies a move. */
#ifndef FL_MOVE_H
#define FL_MOVE_H
#include "fl_def.h"
#include "fl_state.h"

/* Reusable work space for queries on one map (allocation once, not per query). */
typedef struct fl_Reach {
  int n;                /* areas */
  double *cost;         /* cost to reach each area (INFINITY: unreachable) */
  int *prev;            /* previous area on the cheapest path, -1 at the start */
  int *heap, *pos;      /* binary heap of area indices, and each area's heap slot */
  int *team_count;      /* the moving piece's team's pieces per area */
  unsigned char *enemy; /* 1: enemy-held or enemy-occupied */
} fl_Reach;

/* Free the work space's arrays. */
void fl_reach_free(fl_Reach *r);

/* The movement points piece index pi has left this turn. */
double fl_move_left(const fl_Def *d, const fl_State *s, int pi);

/* Fill r with the cheapest cost to every area piece index pi can reach with the
 * points it has left (r->cost[a] <= left). Returns the number of reachable areas
 * (the start excluded), or -1 on out of memory. */
int fl_move_reach(fl_Reach *r, const fl_Def *d, const fl_State *s, int pi);

/* After fl_move_reach: whether the piece may end its move in area a (reachable and
 * within the stacking limit). */
int fl_move_can_end(const fl_Reach *r, const fl_Def *d, const fl_State *s, int pi, int a);

/* After fl_move_reach: the path to area a, start first, into out (max entries).
 * Returns its length (0 if a is unreachable). */
int fl_move_path(const fl_Reach *r, int a, int *out, int max);

/* Price every area for every piece type once (the definition is then read-only and shared
 * by batch workers), so queries compare no terrain names. 0 ok, -1 on out of memory. */
int fl_move_prepare(fl_Def *d);

/* The cost for piece type t to enter an area of this terrain (< 0: impassable). */
double fl_move_terrain_cost(const fl_PieceType *t, const char *terrain);

#endif
