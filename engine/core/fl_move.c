#include "fl_move.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

void fl_reach_free(fl_Reach *r) {
  free(r->cost); free(r->prev); free(r->heap); free(r->pos); free(r->team_count); free(r->enemy);
  memset(r, 0, sizeof *r);
}

static int reach_size(fl_Reach *r, int n) {
  if (r->n == n && r->cost) return 0;
  fl_reach_free(r);
  r->n = n;
  size_t k = (size_t)(n > 0 ? n : 1);
  r->cost = malloc(k * sizeof *r->cost);
  r->prev = malloc(k * sizeof *r->prev);
  r->heap = malloc(k * sizeof *r->heap);
  r->pos = malloc(k * sizeof *r->pos);
  r->team_count = malloc(k * sizeof *r->team_count);
  r->enemy = malloc(k);
  if (!r->cost || !r->prev || !r->heap || !r->pos || !r->team_count || !r->enemy) { fl_reach_free(r); return -1; }
  return 0;
}

double fl_move_terrain_cost(const fl_PieceType *t, const char *terrain) {
  for (int i = 0; i < t->ncost; i++)
    if (terrain && strcmp(t->costs[i].terrain, terrain) == 0) return t->costs[i].cost;
  return 1;
}

int fl_move_prepare(fl_Def *d) {
  int n = fl_map_area_count(d->map);
  for (int t = 0; t < d->nptype; t++) {
    fl_PieceType *pt = &d->ptypes[t];
    free(pt->area_cost);
    if (!(pt->area_cost = malloc((size_t)(n > 0 ? n : 1) * sizeof *pt->area_cost))) return -1;
    for (int a = 0; a < n; a++) pt->area_cost[a] = fl_move_terrain_cost(pt, fl_map_area(d->map, a)->terrain);
  }
  return 0;
}

double fl_move_left(const fl_Def *d, const fl_State *s, int pi) {
  const fl_Piece *p = &s->pieces[pi];
  double mp = d->ptypes[p->type].mp;
  double used = p->mp_turn == s->turn ? p->mp_used : 0; /* points come back each turn */
  return mp > used ? mp - used : 0;
}

/* ---- a binary min-heap of areas keyed by r->cost ---- */

static void heap_swap(fl_Reach *r, int i, int j) {
  int a = r->heap[i], b = r->heap[j];
  r->heap[i] = b; r->heap[j] = a;
  r->pos[b] = i; r->pos[a] = j;
}

static void heap_up(fl_Reach *r, int i) {
  while (i > 0) {
    int p = (i - 1) / 2;
    if (r->cost[r->heap[p]] <= r->cost[r->heap[i]]) break;
    heap_swap(r, i, p);
    i = p;
  }
}

static void heap_down(fl_Reach *r, int n, int i) {
  for (;;) {
    int l = 2 * i + 1, m = i;
    if (l < n && r->cost[r->heap[l]] < r->cost[r->heap[m]]) m = l;
    if (l + 1 < n && r->cost[r->heap[l + 1]] < r->cost[r->heap[m]]) m = l + 1;
    if (m == i) return;
    heap_swap(r, i, m);
    i = m;
  }
}

int fl_move_reach(fl_Reach *r, const fl_Def *d, const fl_State *s, int pi) {
  const fl_Map *m = d->map;
  int n = fl_map_area_count(m);
  if (reach_size(r, n)) return -1;
  const fl_Piece *me = &s->pieces[pi];
  const fl_PieceType *t = &d->ptypes[me->type];
  fl_Sides team = fl_def_team(d, me->side);
  for (int a = 0; a < n; a++) {
    r->cost[a] = INFINITY;
    r->prev[a] = -1;
    r->pos[a] = -1;
    r->team_count[a] = 0;
    r->enemy[a] = (unsigned char)(t->stop_at_enemy && fl_def_enemies(d, me->side, s->areas[a].owner));
  }
  for (int i = 0; i < s->npiece; i++) {
    const fl_Piece *p = &s->pieces[i];
    if (i == pi) continue;
    if (p->side >= 0 && (team & FL_SIDE_BIT(p->side))) r->team_count[p->area]++;
    /* only enemies the mover can see block it: a hidden unit is found by moving into it */
    else if (t->stop_at_enemy && fl_def_enemies(d, me->side, p->side) && fl_def_sees(d, me->side, p->seen))
      r->enemy[p->area] = 1;
  }
  double left = fl_move_left(d, s, pi);
  int hn = 0, found = 0;
  r->cost[me->area] = 0;
  r->heap[hn] = me->area; r->pos[me->area] = hn++;
  while (hn) {
    int a = r->heap[0];
    heap_swap(r, 0, --hn);
    r->pos[a] = -2; /* settled */
    heap_down(r, hn, 0);
    if (a != me->area) found++;
    if (a != me->area && r->enemy[a]) continue; /* entering an enemy area ends the move */
    const fl_MapArea *ma = fl_map_area(m, a);
    for (int k = 0; k < ma->nadj; k++) {
      int b = ma->adj[k];
      if (r->pos[b] == -2) continue;
      double c = t->area_cost ? t->area_cost[b] : fl_move_terrain_cost(t, fl_map_area(m, b)->terrain);
      if (c < 0) continue;
      double nc = r->cost[a] + c;
      if (nc > left + 1e-9 || nc >= r->cost[b]) continue;
      r->cost[b] = nc;
      r->prev[b] = a;
      if (r->pos[b] < 0) { r->heap[hn] = b; r->pos[b] = hn++; }
      heap_up(r, r->pos[b]);
    }
  }
  return found;
}

int fl_move_can_end(const fl_Reach *r, const fl_Def *d, const fl_State *s, int pi, int a) {
  if (a < 0 || a >= r->n || a == s->pieces[pi].area || !isfinite(r->cost[a])) return 0;
  return d->stacking <= 0 || r->team_count[a] < d->stacking;
}

int fl_move_path(const fl_Reach *r, int a, int *out, int max) {
  if (a < 0 || a >= r->n || !isfinite(r->cost[a])) return 0;
  int len = 0;
  for (int x = a; x >= 0; x = r->prev[x]) len++;
  if (len > max) return 0;
  int i = len;
  for (int x = a; x >= 0; x = r->prev[x]) out[--i] = x;
  return len;
}
