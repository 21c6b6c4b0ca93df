/* fl_tester_game: the tables play{} returns to a test (fl_tester.c): one game's ending,
 * tracks, vars, parameters, log and board, and the statistics of many games. Tables of ids
 * are strict: reading an id the scenario does not have is an error that suggests the
 * nearest one, so a typo in a test fails instead of comparing with nil. */
#define _POSIX_C_SOURCE 200809L
#include "fl_tester_int.h"
#include "fl_stats.h"
#include "fl_script_int.h"
#include "fl_str.h"
#include <stdio.h>
#include <string.h>

/* ---- strict tables: a typo in a track or ending id is an error, not nil ---- */

static int strict_index(lua_State *L) {
  const char *k = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?";
  const char *cands[256];
  int n = 0;
  lua_pushnil(L);
  while (lua_next(L, 1) && n < 256) {
    lua_pop(L, 1);
    if (lua_type(L, -1) == LUA_TSTRING) cands[n++] = lua_tostring(L, -1);
  }
  const char *s = fl_str_suggest(k, cands, n);
  return luaL_error(L, "no %s '%s' in this scenario%s%s%s", lua_tostring(L, lua_upvalueindex(1)), k,
                    s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
}

void fl_tester_set_strict(lua_State *L, const char *kind) {
  char key[64];
  snprintf(key, sizeof key, "flank.test.strict.%s", kind);
  if (luaL_newmetatable(L, key)) {
    lua_pushstring(L, kind);
    lua_pushcclosure(L, strict_index, 1);
    lua_setfield(L, -2, "__index");
  }
  lua_setmetatable(L, -2);
}

static void push_date(lua_State *L, int32_t date) {
  char buf[16];
  fl_date_format(date, buf, sizeof buf);
  lua_pushstring(L, buf);
}

/* An action's targets as ids: `targets` (area ids or piece ids); a move also gets
 * `piece`, `to` and `from`. */
static void push_targets(lua_State *L, const fl_Def *d, const fl_LogEntry *e) {
  const fl_OptionDef *o = &d->cards[e->a].options[e->b];
  int na = fl_map_area_count(d->map);
  lua_createtable(L, e->ntg, 0);
  for (int k = 0; k < e->ntg; k++) {
    int area = o->target == FL_TGT_AREA || (o->target == FL_TGT_MOVE && k > 0);
    if (area && e->tg[k] >= 0 && e->tg[k] < na) lua_pushstring(L, fl_map_area(d->map, e->tg[k])->id);
    else lua_pushinteger(L, e->tg[k]);
    lua_rawseti(L, -2, k + 1);
  }
  lua_setfield(L, -2, "targets");
  if (o->target == FL_TGT_MOVE && e->ntg >= 3) {
    lua_pushinteger(L, e->tg[0]); lua_setfield(L, -2, "piece");
    lua_pushstring(L, fl_map_area(d->map, e->tg[1])->id); lua_setfield(L, -2, "to");
    lua_pushstring(L, fl_map_area(d->map, e->tg[2])->id); lua_setfield(L, -2, "from");
  }
}

static void push_props(lua_State *L, const fl_Props *ps) {
  for (int i = 0; i < ps->n; i++) {
    const fl_Prop *p = &ps->p[i];
    if (p->type == FL_STR) lua_pushstring(L, p->str);
    else if (p->type == FL_BOOL) lua_pushboolean(L, p->num != 0);
    else lua_pushnumber(L, p->num);
    lua_setfield(L, -2, p->key);
  }
}

/* The final board: areas.<id> = {owner, properties...}, pieces = {{id, type, side, area,
 * properties...}}, vars = {key = value}. */
static void push_board(lua_State *L, const fl_Def *d, const fl_State *s) {
  lua_createtable(L, 0, s->narea);
  for (int i = 0; i < s->narea; i++) {
    lua_createtable(L, 0, s->areas[i].props.n + 1);
    push_props(L, &s->areas[i].props);
    if (s->areas[i].owner >= 0) { lua_pushstring(L, d->sides[s->areas[i].owner].id); lua_setfield(L, -2, "owner"); }
    lua_setfield(L, -2, fl_map_area(d->map, i)->id);
  }
  lua_setfield(L, -2, "areas");
  lua_createtable(L, s->npiece, 0);
  for (int i = 0; i < s->npiece; i++) {
    const fl_Piece *p = &s->pieces[i];
    lua_createtable(L, 0, p->props.n + 4);
    push_props(L, &p->props);
    lua_pushinteger(L, p->id); lua_setfield(L, -2, "id");
    lua_pushstring(L, d->ptypes[p->type].id); lua_setfield(L, -2, "type");
    lua_pushstring(L, fl_map_area(d->map, p->area)->id); lua_setfield(L, -2, "area");
    if (p->side >= 0) { lua_pushstring(L, d->sides[p->side].id); lua_setfield(L, -2, "side"); }
    lua_rawseti(L, -2, i + 1);
  }
  lua_setfield(L, -2, "pieces");
  lua_createtable(L, 0, s->vars.n);
  push_props(L, &s->vars);
  lua_setfield(L, -2, "vars");
}

/* The result of one game: ending, tracks, turns, seed, date, decisions, events, log,
 * history, and the final areas, pieces and vars. */
void fl_tester_push_game(lua_State *L, fl_Script *sc, uint64_t seed) {
  const fl_Def *d = fl_script_def(sc);
  const fl_State *s = fl_game_state(fl_script_game(sc));
  lua_createtable(L, 0, 10);
  if (s->ending >= 0) { lua_pushstring(L, d->endings[s->ending].id); lua_setfield(L, -2, "ending"); }
  lua_pushboolean(L, s->ending >= 0); lua_setfield(L, -2, "finished");
  lua_pushinteger(L, (lua_Integer)seed); lua_setfield(L, -2, "seed");
  /* turns played, as flank run --json says: a game stopped by turns = N waits at turn N+1 */
  int waiting = fl_game_status(fl_script_game(sc)) == FL_GAME_WAITING && s->turn > 0;
  lua_pushinteger(L, s->turn - waiting); lua_setfield(L, -2, "turns");
  push_date(L, s->date); lua_setfield(L, -2, "date");
  lua_createtable(L, 0, d->ntrack);
  for (int i = 0; i < d->ntrack; i++) { lua_pushnumber(L, s->tracks[i].value); lua_setfield(L, -2, d->tracks[i].id); }
  fl_tester_set_strict(L, "track");
  lua_setfield(L, -2, "tracks");
  lua_createtable(L, 0, d->ntrack); /* value at the end of each turn */
  for (int i = 0; i < d->ntrack; i++) {
    lua_createtable(L, s->tracks[i].nhist, 0);
    for (int h = 0; h < s->tracks[i].nhist; h++) { lua_pushnumber(L, s->tracks[i].hist[h]); lua_rawseti(L, -2, h + 1); }
    lua_setfield(L, -2, d->tracks[i].id);
  }
  fl_tester_set_strict(L, "track");
  lua_setfield(L, -2, "history");
  lua_createtable(L, 0, d->nparam); /* the parameters this game was played with */
  for (int i = 0; i < d->nparam; i++) { lua_pushnumber(L, s->params[i]); lua_setfield(L, -2, d->params[i].id); }
  fl_tester_set_strict(L, "parameter");
  lua_setfield(L, -2, "params");
  lua_newtable(L); /* decisions */
  lua_newtable(L); /* events */
  lua_newtable(L); /* log */
  int nd = 0, ne = 0;
  static const char *const kinds[] = {"decision", "event", "message", "delayed", "skipped", "ending"};
  for (int i = 0; i < s->nlog; i++) {
    const fl_LogEntry *e = &s->log[i];
    lua_createtable(L, 0, 6);
    lua_pushstring(L, kinds[e->kind]); lua_setfield(L, -2, "kind");
    lua_pushinteger(L, e->turn); lua_setfield(L, -2, "turn");
    push_date(L, e->date); lua_setfield(L, -2, "date");
    if (e->kind == FL_LOG_ACTION || e->kind == FL_LOG_DELAYED || e->kind == FL_LOG_SKIPPED) {
      lua_pushstring(L, d->cards[e->a].id); lua_setfield(L, -2, "decision");
      if (e->kind != FL_LOG_SKIPPED) { lua_pushstring(L, d->cards[e->a].options[e->b].id); lua_setfield(L, -2, "option"); }
      if (e->kind != FL_LOG_SKIPPED && e->c >= 0) { lua_pushstring(L, d->sides[e->c].id); lua_setfield(L, -2, "side"); }
    } else if (e->kind == FL_LOG_EVENT) {
      lua_pushstring(L, d->events[e->a].id); lua_setfield(L, -2, "event");
    } else if (e->kind == FL_LOG_ENDING) {
      lua_pushstring(L, d->endings[e->a].id); lua_setfield(L, -2, "ending");
    }
    if (e->text) { lua_pushstring(L, e->text); lua_setfield(L, -2, "text"); }
    if (e->kind == FL_LOG_ACTION && e->ntg) push_targets(L, d, e);
    if (e->kind == FL_LOG_ACTION) { lua_pushvalue(L, -1); lua_rawseti(L, -5, ++nd); }
    if (e->kind == FL_LOG_EVENT) { lua_pushstring(L, d->events[e->a].id); lua_rawseti(L, -4, ++ne); }
    lua_rawseti(L, -2, i + 1);
  }
  lua_setfield(L, -4, "log");
  lua_setfield(L, -3, "events");
  lua_setfield(L, -2, "decisions");
  push_board(L, d, s);
}

/* Push {mean, median, min, max, p05, p95, sd} of v (sorted in place). */
void fl_tester_push_stats(lua_State *L, double *v, int n) {
  fl_Stats st;
  fl_stats_of(v, (size_t)n, &st);
  lua_createtable(L, 0, 7);
  lua_pushnumber(L, st.mean); lua_setfield(L, -2, "mean");
  lua_pushnumber(L, st.median); lua_setfield(L, -2, "median");
  lua_pushnumber(L, st.min); lua_setfield(L, -2, "min");
  lua_pushnumber(L, st.max); lua_setfield(L, -2, "max");
  lua_pushnumber(L, st.p05); lua_setfield(L, -2, "p05");
  lua_pushnumber(L, st.p95); lua_setfield(L, -2, "p95");
  lua_pushnumber(L, st.sd); lua_setfield(L, -2, "sd");
  fl_tester_set_strict(L, "statistic");
}
