/* fl_move: reachable areas and paths on a small grid board, by terrain cost,
 * impassable terrain, enemy stops and stacking limits. */
#define _DEFAULT_SOURCE
#include "../check.h"
#include "fl_move.h"
#include "fl_save.h"
#include "fl_str.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A 4 x 3 grid of unit squares; area "cXrY" at column X, row Y. Column 2 of row 1
 * is a forest (cost 2), column 1 of row 0 a lake (impassable for the infantry). */
static fl_Def *grid(void) {
  fl_Def *d = fl_def_new();
  d->id = fl_str_dup("grid");
  for (int y = 0; y < 3; y++)
    for (int x = 0; x < 4; x++) {
      char id[8];
      snprintf(id, sizeof id, "c%dr%d", x, y);
      const char *terrain = x == 2 && y == 1 ? "forest" : x == 1 && y == 0 ? "lake" : "plain";
      int a = fl_map_add_area(d->map, id, id, terrain, "XX", 1);
      double ring[] = {x, y, x + 1, y, x + 1, y + 1, x, y + 1};
      fl_map_add_ring(d->map, a, 0, ring, 4);
    }
  fl_map_link(d->map);
  d->nside = 3;
  d->sides = calloc(3, sizeof *d->sides);
  const char *ids[] = {"blue", "green", "red"};
  for (int i = 0; i < 3; i++) d->sides[i] = (fl_SideDef){.id = fl_str_dup(ids[i]), .name = fl_str_dup(ids[i]), .text = fl_str_dup(""), .team = i};
  d->sides[1].team = 0; /* green is blue's ally */
  d->nptype = 1;
  d->ptypes = calloc(1, sizeof *d->ptypes);
  fl_PieceType *t = &d->ptypes[0];
  *t = (fl_PieceType){.id = fl_str_dup("inf"), .name = fl_str_dup("Infantry"), .symbol = fl_str_dup("infantry"), .mp = 3, .stop_at_enemy = 1};
  t->costs = calloc(2, sizeof *t->costs);
  t->costs[0] = (fl_TerrainCost){fl_str_dup("forest"), 2};
  t->costs[1] = (fl_TerrainCost){fl_str_dup("lake"), -1};
  t->ncost = 2;
  d->ncard = 1; /* one orders card with a move option, so logged moves are valid */
  d->cards = calloc(1, sizeof *d->cards);
  d->cards[0] = (fl_CardDef){.id = fl_str_dup("orders"), .title = fl_str_dup("Orders"), .text = fl_str_dup(""),
                             .source = fl_str_dup(""), .phase = -1, .noptions = 1};
  d->cards[0].options = calloc(1, sizeof(fl_OptionDef));
  d->cards[0].options[0] = (fl_OptionDef){.id = fl_str_dup("move"), .label = fl_str_dup("Move"), .text = fl_str_dup(""),
                                          .preview = fl_str_dup(""), .target = FL_TGT_MOVE, .again = 1};
  return d;
}

static int area(const fl_Def *d, const char *id) { return fl_map_find_area(d->map, id); }

int main(void) {
  fl_Def *d = grid();
  fl_State *s = fl_state_new(d);
  s->turn = 1;
  int32_t me = fl_state_add_piece(s, 0, 0, area(d, "c0r0"));
  int pi = fl_state_find_piece(s, me);
  fl_Reach r = {0};

  /* Open ground: 3 points reach three steps away; the lake is never entered. */
  CHECK(fl_move_reach(&r, d, s, pi) > 0);
  CHECK(r.cost[area(d, "c0r1")] == 1);
  CHECK(isinf(r.cost[area(d, "c1r0")]));                      /* impassable */
  CHECK(r.cost[area(d, "c1r1")] == 2);
  CHECK(isinf(r.cost[area(d, "c2r0")]));                      /* round the lake it is 1 + 1 + 2 + 1 */
  CHECK(!fl_move_can_end(&r, d, s, pi, area(d, "c0r0")));     /* not where it already is */
  CHECK(fl_move_can_end(&r, d, s, pi, area(d, "c1r2")));
  CHECK(!fl_move_can_end(&r, d, s, pi, area(d, "c3r2")));     /* five steps away */

  /* The forest costs 2: c0r1 -> c1r1 -> c2r1 is 1 + 1 + 2 = 4, out of reach; the path
   * to c2r2 goes round it. */
  CHECK(isinf(r.cost[area(d, "c2r1")]));
  int path[16], n = fl_move_path(&r, area(d, "c1r2"), path, 16);
  CHECK(n == 4 && path[0] == area(d, "c0r0") && path[3] == area(d, "c1r2"));

  /* Points spent this turn are gone; a new turn gives them back. */
  s->pieces[pi].mp_used = 2;
  s->pieces[pi].mp_turn = 1;
  CHECK(fl_move_left(d, s, pi) == 1);
  fl_move_reach(&r, d, s, pi);
  CHECK(!fl_move_can_end(&r, d, s, pi, area(d, "c1r1")));
  s->turn = 2;
  CHECK(fl_move_left(d, s, pi) == 3);

  /* An enemy in c0r1 stops the move there: c0r2 behind it is only reachable around. */
  int32_t foe = fl_state_add_piece(s, 0, 2, area(d, "c0r1"));
  fl_move_reach(&r, d, s, pi);
  CHECK(fl_move_can_end(&r, d, s, pi, area(d, "c0r1")));      /* it may attack into it */
  CHECK(isinf(r.cost[area(d, "c0r2")]));                      /* but not pass through */
  /* ... unless the mover cannot see the enemy: a hidden unit is found by bumping into it */
  s->pieces[fl_state_find_piece(s, foe)].seen = FL_SIDE_BIT(2);
  fl_move_reach(&r, d, s, pi);
  CHECK(r.cost[area(d, "c0r2")] == 2);
  s->pieces[fl_state_find_piece(s, foe)].seen = FL_ALL_SIDES;
  /* an ally does not stop it, and an area owned by the enemy does */
  s->pieces[fl_state_find_piece(s, foe)].side = 1;
  s->areas[area(d, "c1r1")].owner = 2;
  fl_move_reach(&r, d, s, pi);
  CHECK(r.cost[area(d, "c0r2")] == 2);
  CHECK(r.cost[area(d, "c1r1")] == 2 && isinf(r.cost[area(d, "c2r1")])); /* stopped in c1r1 */

  /* Stacking: with a limit of 1, an area holding an ally can be passed, not ended in. */
  d->stacking = 1;
  fl_move_reach(&r, d, s, pi);
  CHECK(!fl_move_can_end(&r, d, s, pi, area(d, "c0r1")));
  CHECK(fl_move_can_end(&r, d, s, pi, area(d, "c0r2")));
  d->stacking = 0;

  /* A type without movement points reaches nothing. */
  d->ptypes[0].mp = 0;
  CHECK(fl_move_reach(&r, d, s, pi) == 0);

  /* A save keeps what play on the board adds: pieces' points spent and who sees them,
   * logged targets (and who may read each line), marks on the map and the front line. */
  d->ptypes[0].mp = 3;
  d->id = d->id ? d->id : fl_str_dup("grid");
  d->version = fl_str_dup("1");
  s->pieces[pi].mp_used = 1.5;
  s->pieces[pi].mp_turn = 2;
  s->pieces[pi].seen = FL_SIDE_BIT(0) | FL_SIDE_BIT(2);
  CHECK(fl_state_log_ex(s, FL_LOG_MESSAGE, 0, 0, 0, "only blue reads this", FL_SIDE_BIT(0), NULL, 0) == 0);
  int32_t tg[3] = {me, area(d, "c1r1"), area(d, "c0r0")};
  CHECK(fl_state_log_ex(s, FL_LOG_ACTION, 0, 0, 0, NULL, FL_ALL_SIDES, tg, 3) == 0);
  CHECK(fl_state_annot(s, (fl_Annot){FL_ANNOT_ARROW, area(d, "c0r0"), area(d, "c3r0"), 2, 1, FL_ALL_SIDES, "Axis"}) == 0);
  CHECK(fl_state_annot(s, (fl_Annot){FL_ANNOT_HIGHLIGHT, area(d, "c2r2"), -1, -1, 2, FL_SIDE_BIT(0), NULL}) == 1);
  s->front = 1;
  fl_Buf b = {0}, b2 = {0};
  fl_state_write(s, &b, 1);
  fl_State *t = fl_state_new(d);
  fl_Reader rd = {(const unsigned char *)b.data, b.len, 0, 0};
  CHECK(fl_state_read(t, d, &rd) == 0);
  fl_state_write(t, &b2, 1);
  CHECK(b.len == b2.len && memcmp(b.data, b2.data, b.len) == 0);
  CHECK(t->nannot == 2 && t->front == 1 && !strcmp(t->annots[0].label, "Axis"));
  CHECK(t->log[t->nlog - 2].seen == FL_SIDE_BIT(0));
  CHECK(t->log[t->nlog - 1].ntg == 3 && t->log[t->nlog - 1].tg[1] == area(d, "c1r1"));
  CHECK(t->pieces[pi].mp_used == 1.5 && t->pieces[pi].seen == (FL_SIDE_BIT(0) | FL_SIDE_BIT(2)));
  /* a clone is exact too, and a save file round-trips through the disk */
  fl_State *c = fl_state_clone(s);
  CHECK(c && fl_state_hash(c) == fl_state_hash(s));
  char file[] = "/tmp/flank-test-move-XXXXXX", err[256];
  int fd = mkstemp(file);
  if (fd >= 0) close(fd);
  CHECK(fl_save_game(file, d, s, err, sizeof err) == 0);
  fl_State *l = fl_state_new(d);
  CHECK(fl_save_load(file, d, l, err, sizeof err) == 0);
  CHECK(fl_state_hash(l) == fl_state_hash(s) && l->nannot == 2);
  unlink(file);
  /* a mark on an area that does not exist is refused, and so are a broken state file */
  s->annots[1].a = 999;
  b.len = 0;
  fl_state_write(s, &b, 1);
  rd = (fl_Reader){(const unsigned char *)b.data, b.len, 0, 0};
  CHECK(fl_state_read(t, d, &rd) == -1);
  s->annots[1].a = 0;
  fl_state_free(l); fl_state_free(c); fl_state_free(t);
  fl_buf_free(&b); fl_buf_free(&b2);

  fl_reach_free(&r);
  fl_state_free(s);
  fl_def_free(d);
  return check_done("test_move");
}
