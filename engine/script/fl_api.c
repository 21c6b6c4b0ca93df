/* The runtime API: the `flank` table rule code uses to read and change the game.
 * One registration (API[] below) is both the binding and its documentation, so
 * `flank doc` can never drift from what scenarios can call. Coarse-grained on
 * purpose: whole-board primitives (area.values, area.neighbor_sum) keep heavy
 * loops in C. */
#include "fl_script_int.h"
#include "fl_str.h"
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static fl_State *S(fl_Script *sc) { return fl_game_state(sc->game); }

/* The script of a runtime API call; while the scenario loads there is no game yet. */
fl_Script *fl_api_sc(lua_State *L) {
  fl_Script *sc = FL_SC(L);
  if (!sc->game) luaL_error(L, "flank.* is not available while the scenario loads; call it in setup() or an effect");
  return sc;
}
static fl_Script *SC(lua_State *L) { return fl_api_sc(L); }

const char *fl_arg_id(lua_State *L, int i) { return luaL_checkstring(L, i); }

int fl_unknown(lua_State *L, const char *what, const char *id, const char *const *cands, int n) {
  const char *s = fl_str_suggest(id, cands, n);
  if (s) return luaL_error(L, "unknown %s '%s' (did you mean '%s'?)", what, id, s);
  return luaL_error(L, "unknown %s '%s'", what, id);
}

int fl_arg_track(lua_State *L, fl_Script *sc, int i) {
  const char *id = luaL_checkstring(L, i);
  /* Lua interns short strings, so the same id usually comes at the same address; the
   * strcmp guards against an address reused by another string. */
  unsigned slot = (unsigned)(((uintptr_t)id >> 4) & 15);
  int hit = sc->track_idx[slot];
  if (sc->track_key[slot] == id && hit < sc->def->ntrack && strcmp(sc->def->tracks[hit].id, id) == 0) return hit;
  int t = fl_def_track(sc->def, id);
  if (t >= 0) { sc->track_key[slot] = id; sc->track_idx[slot] = t; }
  if (t < 0) {
    const char *c[256];
    int n = 0;
    for (; n < sc->def->ntrack && n < 256; n++) c[n] = sc->def->tracks[n].id;
    fl_unknown(L, "track", id, c, n);
  }
  return t;
}

/* Rule code names areas by id thousands of times a turn on a big board: an id is found
 * in a Lua table keyed by the interned string, and lists of ids are copied from another,
 * so neither hashes nor copies the text again. */
void fl_api_index_areas(fl_Script *sc) {
  lua_State *L = sc->L;
  int n = fl_map_area_count(sc->def->map);
  lua_createtable(L, n, 0);
  lua_createtable(L, 0, n);
  for (int i = 0; i < n; i++) {
    lua_pushstring(L, fl_map_area(sc->def->map, i)->id);
    lua_pushvalue(L, -1);
    lua_rawseti(L, -4, i + 1);
    lua_pushinteger(L, i);
    lua_rawset(L, -3);
  }
  sc->area_ix = luaL_ref(L, LUA_REGISTRYINDEX);
  sc->area_ids = luaL_ref(L, LUA_REGISTRYINDEX);
}

void fl_push_area_id(lua_State *L, fl_Script *sc, int a) {
  lua_rawgeti(L, LUA_REGISTRYINDEX, sc->area_ids);
  lua_rawgeti(L, -1, a + 1);
  lua_remove(L, -2);
}

int fl_arg_area(lua_State *L, fl_Script *sc, int i) {
  if (sc->area_ix && lua_type(L, i) == LUA_TSTRING) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, sc->area_ix);
    lua_pushvalue(L, i);
    int found = lua_rawget(L, -2) == LUA_TNUMBER;
    int a = (int)lua_tointeger(L, -1);
    lua_pop(L, 2);
    if (found) return a;
  }
  const char *id = luaL_checkstring(L, i);
  int a = fl_map_find_area(sc->def->map, id);
  if (a < 0) {
    const fl_Map *m = sc->def->map;
    const char *c[1024];
    int n = 0;
    for (; n < fl_map_area_count(m) && n < 1024; n++) c[n] = fl_map_area(m, n)->id;
    fl_unknown(L, "area", id, c, n);
  }
  return a;
}

int fl_arg_side(lua_State *L, fl_Script *sc, int i, int allow_nil) {
  if (allow_nil && lua_isnoneornil(L, i)) return -1;
  const char *id = luaL_checkstring(L, i);
  int s = fl_def_side(sc->def, id);
  if (s < 0) {
    const char *c[FL_MAX_SIDES];
    int n = 0;
    for (; n < sc->def->nside; n++) c[n] = sc->def->sides[n].id;
    fl_unknown(L, "side", id, c, n);
  }
  return s;
}

void fl_check_mutable(lua_State *L, fl_Script *sc) {
  if (!sc->mutable)
    luaL_error(L, "this function changes the game; only effects and setup may do that "
                  "(conditions, texts and policies only read)");
}

void fl_push_prop(lua_State *L, const fl_Prop *p) {
  if (!p) lua_pushnil(L);
  else if (p->type == FL_NUM) {
    if (p->num == floor(p->num) && fabs(p->num) < 9007199254740992.0) lua_pushinteger(L, (lua_Integer)p->num);
    else lua_pushnumber(L, p->num);
  } else if (p->type == FL_BOOL) lua_pushboolean(L, p->num != 0);
  else lua_pushstring(L, p->str);
}

/* "1b" for 0x1b (luaL_error has no %x); a static buffer: used at once. */
static const char *hex2(int c) {
  static _Thread_local char b[3];
  b[0] = "0123456789abcdef"[(c >> 4) & 15];
  b[1] = "0123456789abcdef"[c & 15];
  b[2] = 0;
  return b;
}

/* The state a script may grow is capped (FL_SB_STATE_CAP): sc->state_bytes is counted
 * at the first growth in each call that may change the game (SIZE_MAX until then:
 * counting walks the whole state, and most calls never grow it), and every growth adds to it. */
void fl_api_grow(lua_State *L, fl_Script *sc, size_t bytes) {
  if (sc->state_bytes == SIZE_MAX) sc->state_bytes = fl_state_bytes(S(sc));
  sc->state_bytes += bytes;
  if (sc->state_bytes > FL_SB_STATE_CAP)
    luaL_error(L, "state cap exceeded: vars, properties, pieces and the log may hold at most %d MiB (docs/sandbox.md)",
               (int)(FL_SB_STATE_CAP >> 20));
}

/* Set props[key] from the value at index v (nil deletes). A new key's insert moves the
 * keys after it: that work is charged to the call. */
void fl_set_prop(lua_State *L, fl_Props *ps, const char *key, int v) {
  int rc = 0;
  if (!lua_isnil(L, v)) {
    fl_Script *sc = SC(L);
    int at = fl_props_find(ps, key); /* one search for the work of an insert and the old value */
    int moves = at >= 0 ? 0 : ps->n - (-at - 1);
    const fl_Prop *old = at >= 0 ? &ps->p[at] : NULL;
    fl_sb_charge(L, moves / 2 + 1);
    size_t len = lua_type(L, v) == LUA_TSTRING ? lua_rawlen(L, v) + 1 : 0;
    if (!old) fl_api_grow(L, sc, sizeof(fl_Prop) + strlen(key) + 1 + len);
    else if (len > (old->str ? strlen(old->str) + 1 : 0)) fl_api_grow(L, sc, len - (old->str ? strlen(old->str) + 1 : 0));
  }
  switch (lua_type(L, v)) {
  case LUA_TNIL: fl_props_del(ps, key); break;
  case LUA_TNUMBER: {
    double x = lua_tonumber(L, v);
    if (!isfinite(x)) luaL_error(L, "property '%s': value must be a finite number", key);
    rc = fl_props_set_num(ps, key, x);
    break;
  }
  case LUA_TBOOLEAN: rc = fl_props_set_bool(ps, key, lua_toboolean(L, v)); break;
  case LUA_TSTRING:
    if (fl_str_ctl(lua_tostring(L, v), lua_rawlen(L, v), 1) >= 0)
      luaL_error(L, "property '%s': the text holds a control character (\\x%s); texts reach terminals", key,
                 hex2(fl_str_ctl(lua_tostring(L, v), lua_rawlen(L, v), 1)));
    rc = fl_props_set_str(ps, key, lua_tostring(L, v));
    break;
  default: luaL_error(L, "property '%s': values are numbers, booleans or strings, not %s", key, luaL_typename(L, v));
  }
  if (rc) luaL_error(L, "not enough memory");
}

void fl_push_props(lua_State *L, const fl_Props *ps, int t) {
  for (int i = 0; i < ps->n; i++) {
    fl_push_prop(L, &ps->p[i]);
    lua_setfield(L, t, ps->p[i].key);
  }
}

/* ---- what a policy may see ---- */

/* A policy plays one side and reads the game through this API as that side sees it:
 * hidden tracks, area properties and pieces (fl_api_pieces.c) are not there for it. Rule code (sc->viewer
 * = -1) is the referee and sees everything. */
static int sees_track(fl_Script *sc, int t) { return fl_def_sees(sc->def, sc->viewer, sc->def->tracks[t].seen); }
static int sees_prop(fl_Script *sc, const char *key) { return fl_def_sees_prop(sc->def, sc->viewer, key); }

static int arg_track_seen(lua_State *L, fl_Script *sc, int i) {
  int t = fl_arg_track(L, sc, i);
  if (!sees_track(sc, t)) luaL_error(L, "track '%s' is hidden from side '%s'", sc->def->tracks[t].id, sc->def->sides[sc->viewer].id);
  return t;
}

static const char *arg_key_seen(lua_State *L, fl_Script *sc, int i) {
  const char *key = luaL_checkstring(L, i);
  if (!sees_prop(sc, key)) luaL_error(L, "property '%s' is hidden from side '%s'", key, sc->def->sides[sc->viewer].id);
  return key;
}

double fl_arg_finite(lua_State *L, int i) {
  double v = luaL_checknumber(L, i);
  luaL_argcheck(L, isfinite(v), i, "number must be finite");
  return v;
}

/* ---- game ---- */

/* Ret: integer. */
static int game_turn(lua_State *L) { lua_pushinteger(L, S(SC(L))->turn); return 1; }

/* Ret: "YYYY-MM-DD". */
static int game_date(lua_State *L) {
  char buf[16];
  fl_date_format(S(SC(L))->date, buf, sizeof buf);
  lua_pushstring(L, buf);
  return 1;
}

/* Ret: year, month, day as integers. */
static int game_ymd(lua_State *L) {
  int y, m, d;
  fl_date_split(S(SC(L))->date, &y, &m, &d);
  lua_pushinteger(L, y); lua_pushinteger(L, m); lua_pushinteger(L, d);
  return 3;
}

/* Ret: phase id. */
static int game_phase(lua_State *L) {
  fl_Script *sc = SC(L);
  int p = S(sc)->phase;
  if (p >= 0 && p < sc->def->nphase) lua_pushstring(L, sc->def->phases[p].id); else lua_pushnil(L);
  return 1;
}

/* Ret: the side deciding (in an option's effect or a policy) or nil. */
static int game_side(lua_State *L) {
  fl_Script *sc = SC(L);
  fl_Context c = fl_game_context(sc->game);
  int side = c.side;
  if (side < 0) fl_game_pending(sc->game, &side);
  if (side >= 0) lua_pushstring(L, sc->def->sides[side].id); else lua_pushnil(L);
  return 1;
}

/* Arg: ending id. */
static int game_finish(lua_State *L) {
  fl_Script *sc = SC(L);
  fl_check_mutable(L, sc);
  const char *id = luaL_checkstring(L, 1);
  int e = fl_def_ending(sc->def, id);
  if (e < 0) {
    const char *c[256];
    int n = 0;
    for (; n < sc->def->nending && n < 256; n++) c[n] = sc->def->endings[n].id;
    return fl_unknown(L, "ending", id, c, n);
  }
  fl_game_request_end(sc->game, e);
  return 0;
}

/* Arg: span such as "1 day". */
static int game_set_step(lua_State *L) {
  fl_Script *sc = SC(L);
  fl_check_mutable(L, sc);
  fl_Span sp;
  const char *s = luaL_checkstring(L, 1);
  if (fl_span_parse(s, &sp) || sp.unit == FL_SPAN_TURN || sp.n <= 0)
    return luaL_argerror(L, 1, "expected a span like \"1 day\", \"1 week\", \"1 month\" or \"1 year\"");
  S(sc)->step = sp;
  return 0;
}

fl_Sides fl_arg_sides(lua_State *L, fl_Script *sc, int i) {
  if (lua_isnoneornil(L, i)) return FL_ALL_SIDES;
  fl_Sides m = 0;
  if (lua_type(L, i) == LUA_TSTRING) return fl_def_team(sc->def, fl_arg_side(L, sc, i, 0));
  luaL_checktype(L, i, LUA_TTABLE);
  fl_sb_contents(L, i);
  lua_Integer n = (lua_Integer)lua_rawlen(L, i);
  for (lua_Integer k = 1; k <= n && k <= FL_MAX_SIDES; k++) {
    lua_rawgeti(L, i, k);
    m |= fl_def_team(sc->def, fl_arg_side(L, sc, lua_gettop(L), 0));
    lua_pop(L, 1);
  }
  return m;
}

/* Arg: text for the game log, and optionally who may read it. */
static int game_log(lua_State *L) {
  fl_Script *sc = SC(L);
  fl_check_mutable(L, sc);
  size_t n;
  const char *t = luaL_checklstring(L, 1, &n);
  luaL_argcheck(L, n <= 4096, 1, "log text longer than 4096 bytes");
  if (fl_str_ctl(t, n, 1) >= 0) return luaL_error(L, "game.log: the text holds a control character (\\x%s); texts reach terminals", hex2(fl_str_ctl(t, n, 1)));
  fl_Sides to = fl_arg_sides(L, sc, 2);
  fl_api_grow(L, sc, sizeof(fl_LogEntry) + n + 1);
  if (fl_state_log_ex(S(sc), FL_LOG_MESSAGE, 0, 0, 0, t, to, NULL, 0)) return luaL_error(L, "not enough memory");
  return 0;
}

/* ---- tracks ---- */

static int track_get(lua_State *L) {
  fl_Script *sc = SC(L);
  lua_pushnumber(L, S(sc)->tracks[arg_track_seen(L, sc, 1)].value);
  return 1;
}

static int track_set(lua_State *L) {
  fl_Script *sc = SC(L);
  fl_check_mutable(L, sc);
  int t = fl_arg_track(L, sc, 1);
  fl_state_set_track(S(sc), sc->def, t, fl_arg_finite(L, 2));
  lua_pushnumber(L, S(sc)->tracks[t].value);
  return 1;
}

static int track_add(lua_State *L) {
  fl_Script *sc = SC(L);
  fl_check_mutable(L, sc);
  int t = fl_arg_track(L, sc, 1);
  fl_state_set_track(S(sc), sc->def, t, S(sc)->tracks[t].value + fl_arg_finite(L, 2));
  lua_pushnumber(L, S(sc)->tracks[t].value);
  return 1;
}

static int track_all(lua_State *L) {
  fl_Script *sc = SC(L);
  lua_createtable(L, 0, sc->def->ntrack);
  for (int i = 0; i < sc->def->ntrack; i++) {
    if (!sees_track(sc, i)) continue;
    lua_pushnumber(L, S(sc)->tracks[i].value);
    lua_setfield(L, -2, sc->def->tracks[i].id);
  }
  return 1;
}

static int track_history(lua_State *L) {
  fl_Script *sc = SC(L);
  const fl_TrackState *t = &S(sc)->tracks[arg_track_seen(L, sc, 1)];
  lua_createtable(L, t->nhist, 0);
  for (int i = 0; i < t->nhist; i++) { lua_pushnumber(L, t->hist[i]); lua_rawseti(L, -2, i + 1); }
  return 1;
}

/* ---- areas ---- */

/* While the scenario loads there is no game, but scenario{ map = ... } has read the map: its
 * areas' ids, names, terrain, country and neighbours can be read (to write area{} overrides
 * from the map, say). Properties and owners come with the game. */
enum { AT_LOAD_LIST, AT_LOAD_GET, AT_LOAD_NEIGHBORS };
static int at_load(lua_State *L, int what) {
  fl_Script *sc = FL_SC(L);
  const fl_Map *map = sc->def->map;
  int n = fl_map_area_count(map);
  if (!sc->loading || !sc->map_read)
    return luaL_error(L, "flank.area.* reads areas while the scenario loads only from a map: give scenario{ map = ... } first, "
                         "or call it in setup() or an effect");
  if (what == AT_LOAD_LIST) {
    lua_createtable(L, n, 0);
    for (int i = 0; i < n; i++) { lua_pushstring(L, fl_map_area(map, i)->id); lua_rawseti(L, -2, i + 1); }
    return 1;
  }
  const char *id = luaL_checkstring(L, 1);
  int a = fl_map_find_area(map, id);
  if (a < 0) {
    const char *c[256];
    int k = 0;
    for (; k < n && k < 256; k++) c[k] = fl_map_area(map, k)->id;
    return fl_unknown(L, "area", id, c, k);
  }
  const fl_MapArea *m = fl_map_area(map, a);
  if (what == AT_LOAD_GET && !lua_isnoneornil(L, 2)) {
    const char *key = luaL_checkstring(L, 2);
    const char *v = !strcmp(key, "id") ? m->id : !strcmp(key, "name") ? m->name : !strcmp(key, "terrain") ? m->terrain
                  : !strcmp(key, "country") ? m->country : NULL;
    if (v) lua_pushstring(L, v); else lua_pushnil(L);
    return 1;
  }
  lua_createtable(L, m->nadj, 0);
  for (int i = 0; i < m->nadj; i++) { lua_pushstring(L, fl_map_area(map, m->adj[i])->id); lua_rawseti(L, -2, i + 1); }
  if (what == AT_LOAD_NEIGHBORS) return 1;
  lua_createtable(L, 0, 5);
  lua_insert(L, -2);
  lua_setfield(L, -2, "neighbors");
  lua_pushstring(L, m->id); lua_setfield(L, -2, "id");
  lua_pushstring(L, m->name); lua_setfield(L, -2, "name");
  lua_pushstring(L, m->terrain); lua_setfield(L, -2, "terrain");
  lua_pushstring(L, m->country); lua_setfield(L, -2, "country");
  return 1;
}

static int area_list(lua_State *L) {
  if (!FL_SC(L)->game) return at_load(L, AT_LOAD_LIST);
  fl_Script *sc = SC(L);
  int n = fl_map_area_count(sc->def->map);
  lua_createtable(L, n, 0);
  lua_rawgeti(L, LUA_REGISTRYINDEX, sc->area_ids);
  for (int i = 1; i <= n; i++) { lua_rawgeti(L, -1, i); lua_rawseti(L, -3, i); }
  lua_pop(L, 1);
  return 1;
}

static int area_get(lua_State *L) {
  if (!FL_SC(L)->game) return at_load(L, AT_LOAD_GET);
  fl_Script *sc = SC(L);
  int a = fl_arg_area(L, sc, 1);
  const fl_MapArea *m = fl_map_area(sc->def->map, a);
  const fl_AreaState *st = &S(sc)->areas[a];
  if (!lua_isnoneornil(L, 2)) {
    const char *key = luaL_checkstring(L, 2);
    static const char *const F[] = {"id", "name", "terrain", "country", "owner"};
    for (int f = strchr("intco", key[0]) && key[0] ? 0 : 5; f < 5; f++) { /* the built-in fields, as the whole-table form has them */
      if (strcmp(key, F[f])) continue;
      const char *v = f == 0 ? m->id : f == 1 ? m->name : f == 2 ? m->terrain : f == 3 ? m->country
                    : st->owner >= 0 ? sc->def->sides[st->owner].id : NULL;
      if (v) lua_pushstring(L, v); else lua_pushnil(L);
      return 1;
    }
    if (!sees_prop(sc, key)) lua_pushnil(L); /* unknown to this side */
    else fl_push_prop(L, fl_props_get(&st->props, key));
    return 1;
  }
  lua_createtable(L, 0, 8 + st->props.n);
  for (int i = 0; i < st->props.n; i++) {
    if (!sees_prop(sc, st->props.p[i].key)) continue;
    fl_push_prop(L, &st->props.p[i]);
    lua_setfield(L, -2, st->props.p[i].key);
  }
  lua_pushstring(L, m->id); lua_setfield(L, -2, "id");
  lua_pushstring(L, m->name); lua_setfield(L, -2, "name");
  lua_pushstring(L, m->terrain); lua_setfield(L, -2, "terrain");
  lua_pushstring(L, m->country); lua_setfield(L, -2, "country");
  if (st->owner >= 0) { lua_pushstring(L, sc->def->sides[st->owner].id); lua_setfield(L, -2, "owner"); }
  lua_createtable(L, m->nadj, 0);
  for (int i = 0; i < m->nadj; i++) { lua_pushstring(L, fl_map_area(sc->def->map, m->adj[i])->id); lua_rawseti(L, -2, i + 1); }
  lua_setfield(L, -2, "neighbors");
  return 1;
}

static int area_set(lua_State *L) {
  fl_Script *sc = SC(L);
  fl_check_mutable(L, sc);
  int a = fl_arg_area(L, sc, 1);
  const char *key = luaL_checkstring(L, 2);
  luaL_argcheck(L, strcmp(key, "owner") && strcmp(key, "id") && strcmp(key, "name"), 2, "use area.set_owner for the owner; id and name are fixed");
  luaL_checkany(L, 3);
  fl_set_prop(L, &S(sc)->areas[a].props, key, 3);
  return 0;
}

static int area_add(lua_State *L) {
  fl_Script *sc = SC(L);
  fl_check_mutable(L, sc);
  int a = fl_arg_area(L, sc, 1);
  const char *key = luaL_checkstring(L, 2);
  double d = fl_arg_finite(L, 3);
  fl_Props *ps = &S(sc)->areas[a].props;
  const fl_Prop *p = fl_props_get(ps, key);
  if (p && p->type != FL_NUM) return luaL_error(L, "area.add: property '%s' of '%s' is not a number", key, fl_map_area(sc->def->map, a)->id);
  double v = (p ? p->num : 0) + d;
  if (!p) { fl_sb_charge(L, fl_props_moves(ps, key) / 2 + 1); fl_api_grow(L, sc, sizeof(fl_Prop) + strlen(key) + 1); }
  if (fl_props_set_num(ps, key, v)) return luaL_error(L, "not enough memory");
  lua_pushnumber(L, v);
  return 1;
}

static int area_owner(lua_State *L) {
  fl_Script *sc = SC(L);
  int o = S(sc)->areas[fl_arg_area(L, sc, 1)].owner;
  if (o >= 0) lua_pushstring(L, sc->def->sides[o].id); else lua_pushnil(L);
  return 1;
}

static int area_set_owner(lua_State *L) {
  fl_Script *sc = SC(L);
  fl_check_mutable(L, sc);
  int a = fl_arg_area(L, sc, 1);
  S(sc)->areas[a].owner = fl_arg_side(L, sc, 2, 1);
  return 0;
}

static int area_neighbors(lua_State *L) {
  if (!FL_SC(L)->game) return at_load(L, AT_LOAD_NEIGHBORS);
  fl_Script *sc = SC(L);
  const fl_MapArea *m = fl_map_area(sc->def->map, fl_arg_area(L, sc, 1));
  lua_createtable(L, m->nadj, 0);
  for (int i = 0; i < m->nadj; i++) { fl_push_area_id(L, sc, m->adj[i]); lua_rawseti(L, -2, i + 1); }
  return 1;
}

/* Whole-board loops look the same key up in every area: the hint makes that one
 * comparison per area when the areas' property sets have the same shape. */
static double num_prop(const fl_Props *ps, const char *key, double dflt, int *hint) {
  const fl_Prop *p = fl_props_get_hint(ps, key, hint);
  return p && p->type != FL_STR ? p->num : dflt;
}

static int area_values(lua_State *L) {
  fl_Script *sc = SC(L);
  const char *key = arg_key_seen(L, sc, 1);
  double dflt = luaL_optnumber(L, 2, 0);
  int n = S(sc)->narea, hint = -1;
  lua_createtable(L, 0, n);
  if (!sc->area_ids) return 1; /* not loaded yet: no board, an empty table */
  lua_rawgeti(L, LUA_REGISTRYINDEX, sc->area_ids); /* the ids as Lua strings: no hashing of the text */
  for (int i = 0; i < n; i++) {
    lua_rawgeti(L, -1, i + 1);
    lua_pushnumber(L, num_prop(&S(sc)->areas[i].props, key, dflt, &hint));
    lua_rawset(L, -4);
  }
  lua_pop(L, 1);
  return 1;
}

static int area_sum(lua_State *L) {
  fl_Script *sc = SC(L);
  const char *key = arg_key_seen(L, sc, 1);
  double s = 0;
  int hint = -1;
  for (int i = 0; i < S(sc)->narea; i++) s += num_prop(&S(sc)->areas[i].props, key, 0, &hint);
  lua_pushnumber(L, s);
  return 1;
}

static int area_neighbor_sum(lua_State *L) {
  fl_Script *sc = SC(L);
  const char *key = arg_key_seen(L, sc, 1);
  int n = S(sc)->narea, hint = -1;
  lua_createtable(L, 0, n);
  for (int i = 0; i < n; i++) {
    const fl_MapArea *m = fl_map_area(sc->def->map, i);
    double s = 0;
    for (int k = 0; k < m->nadj; k++) s += num_prop(&S(sc)->areas[m->adj[k]].props, key, 0, &hint);
    lua_pushnumber(L, s);
    lua_setfield(L, -2, m->id);
  }
  return 1;
}

static int area_scale(lua_State *L) {
  fl_Script *sc = SC(L);
  fl_check_mutable(L, sc);
  const char *key = luaL_checkstring(L, 1);
  double f = fl_arg_finite(L, 2);
  for (int i = 0; i < S(sc)->narea; i++) {
    fl_Props *ps = &S(sc)->areas[i].props;
    const fl_Prop *p = fl_props_get(ps, key);
    if (p && p->type == FL_NUM && fl_props_set_num(ps, key, p->num * f)) return luaL_error(L, "not enough memory");
  }
  return 0;
}

/* ---- vars ---- */

static int var_get(lua_State *L) {
  fl_Script *sc = SC(L);
  const char *key = luaL_checkstring(L, 1);
  int *hint = &sc->var_hint[((uintptr_t)key >> 4) & 255]; /* a guess keyed by the string's address */
  const fl_Prop *p = fl_props_get_hint(&S(sc)->vars, key, hint);
  if (p) fl_push_prop(L, p); else lua_pushvalue(L, 2);
  return 1;
}

static int var_set(lua_State *L) {
  fl_Script *sc = SC(L);
  fl_check_mutable(L, sc);
  const char *key = luaL_checkstring(L, 1);
  luaL_checkany(L, 2);
  fl_set_prop(L, &S(sc)->vars, key, 2);
  return 0;
}

static int var_add(lua_State *L) {
  fl_Script *sc = SC(L);
  fl_check_mutable(L, sc);
  const char *key = luaL_checkstring(L, 1);
  double d = fl_arg_finite(L, 2);
  const fl_Prop *p = fl_props_get(&S(sc)->vars, key);
  if (p && p->type != FL_NUM) return luaL_error(L, "var.add: '%s' is not a number", key);
  double v = (p ? p->num : 0) + d;
  if (!p) { fl_sb_charge(L, fl_props_moves(&S(sc)->vars, key) / 2 + 1); fl_api_grow(L, sc, sizeof(fl_Prop) + strlen(key) + 1); }
  if (fl_props_set_num(&S(sc)->vars, key, v)) return luaL_error(L, "not enough memory");
  lua_pushnumber(L, v);
  return 1;
}

/* ---- decisions, events, sides ---- */

static int decision_taken(lua_State *L) {
  fl_Script *sc = SC(L);
  const char *id = luaL_checkstring(L, 1);
  int c = fl_def_card(sc->def, id);
  if (c < 0) {
    const char *cand[256];
    int n = 0;
    for (; n < sc->def->ncard && n < 256; n++) cand[n] = sc->def->cards[n].id;
    return fl_unknown(L, "decision", id, cand, n);
  }
  int o = S(sc)->card_last[c];
  if (o >= 0) lua_pushstring(L, sc->def->cards[c].options[o].id); else lua_pushnil(L);
  lua_pushinteger(L, S(sc)->card_taken[c]);
  return 2;
}

static int event_fired(lua_State *L) {
  fl_Script *sc = SC(L);
  const char *id = luaL_checkstring(L, 1);
  int e = fl_def_event(sc->def, id);
  if (e < 0) {
    const char *cand[256];
    int n = 0;
    for (; n < sc->def->nevent && n < 256; n++) cand[n] = sc->def->events[n].id;
    return fl_unknown(L, "event", id, cand, n);
  }
  lua_pushinteger(L, S(sc)->event_fired[e]);
  return 1;
}

static int side_list(lua_State *L) {
  fl_Script *sc = SC(L);
  lua_createtable(L, sc->def->nside, 0);
  for (int i = 0; i < sc->def->nside; i++) { lua_pushstring(L, sc->def->sides[i].id); lua_rawseti(L, -2, i + 1); }
  return 1;
}

static const fl_ApiFn API[] = {
  {{"game", "turn", "", "integer", "The current turn, counting from 1.", "if flank.game.turn() == 1 then ... end"}, game_turn},
  {{"game", "date", "", "string", "The current date as \"YYYY-MM-DD\".", "local d = flank.game.date()"}, game_date},
  {{"game", "ymd", "", "integer, integer, integer", "The current year, month and day.", "local y, m = flank.game.ymd()"}, game_ymd},
  {{"game", "phase", "", "string", "The id of the current phase.", "if flank.game.phase() == \"council\" then ... end"}, game_phase},
  {{"game", "side", "", "string?", "The side whose decision is being made or applied, or nil.", "local who = flank.game.side()"}, game_side},
  {{"game", "finish", "ending: string", "", "End the game with this ending after the current effect.", "flank.game.finish(\"overrun\")"}, game_finish},
  {{"game", "set_step", "span: string", "", "Change how long each turn lasts from now on.", "flank.game.set_step(\"1 day\")"}, game_set_step},
  {{"game", "log", "text: string, to?: string|string[]", "", "Write a line to the game log that players see; with `to`, only those sides (and their teams) see it.", "flank.game.log(\"Sappers cleared 2 km².\")"}, game_log},
  {{"track", "get", "id: string", "number", "A track's current value.", "local b = flank.track.get(\"budget\")"}, track_get},
  {{"track", "set", "id: string, value: number", "number", "Set a track (clamped to its range); returns the new value.", "flank.track.set(\"deterrence\", 40)"}, track_set},
  {{"track", "add", "id: string, delta: number", "number", "Add to a track (clamped); returns the new value.", "flank.track.add(\"budget\", -10)"}, track_add},
  {{"track", "all", "", "table<string, number>", "Every track's value by id.", "local t = flank.track.all()"}, track_all},
  {{"track", "history", "id: string", "number[]", "A track's value at the end of each finished turn.", "local h = flank.track.history(\"deterrence\")"}, track_history},
  {{"area", "list", "", "string[]", "Every area id, in map order.", "for _, id in ipairs(flank.area.list()) do ... end"}, area_list},
  {{"area", "get", "id: string, key?: string", "table|any", "An area as a table (id, name, terrain, country, owner, neighbors and its properties), or one field or property by key. A policy does not see properties hidden from its side.", "local a = flank.area.get(\"suwalki_gap\")"}, area_get},
  {{"area", "set", "id: string, key: string, value: number|boolean|string|nil", "", "Set (or with nil, delete) an area property.", "flank.area.set(\"latgale\", \"mined\", true)"}, area_set},
  {{"area", "add", "id: string, key: string, delta: number", "number", "Add to a numeric area property (missing counts as 0).", "flank.area.add(\"narva\", \"mines\", 500)"}, area_add},
  {{"area", "owner", "id: string", "string?", "The side that owns an area, or nil.", "if flank.area.owner(\"vilnius\") == \"adversary\" then ... end"}, area_owner},
  {{"area", "set_owner", "id: string, side: string?", "", "Give an area to a side (nil: nobody).", "flank.area.set_owner(\"grodno\", \"adversary\")"}, area_set_owner},
  {{"area", "neighbors", "id: string", "string[]", "The ids of adjacent areas, in map order.", "local n = flank.area.neighbors(\"kaunas\")"}, area_neighbors},
  {{"area", "values", "key: string, default?: number", "table<string, number>", "A numeric property of every area, by area id.", "local mines = flank.area.values(\"mines\")"}, area_values},
  {{"area", "sum", "key: string", "number", "The sum of a numeric property over all areas.", "local total = flank.area.sum(\"mines\")"}, area_sum},
  {{"area", "neighbor_sum", "key: string", "table<string, number>", "For every area, the sum of a numeric property over its neighbours (computed in C).", "local threat = flank.area.neighbor_sum(\"enemy\")"}, area_neighbor_sum},
  {{"area", "scale", "key: string, factor: number", "", "Multiply a numeric property of every area (e.g. decay).", "flank.area.scale(\"mines\", 0.97)"}, area_scale},
  {{"var", "get", "key: string, default?: any", "any", "A scenario variable (saved with the game), or default.", "local s = flank.var.get(\"stockpile\", 0)"}, var_get},
  {{"var", "set", "key: string, value: number|boolean|string|nil", "", "Set a scenario variable.", "flank.var.set(\"withdrawn\", true)"}, var_set},
  {{"var", "add", "key: string, delta: number", "number", "Add to a numeric variable (missing counts as 0).", "flank.var.add(\"stockpile\", 1000)"}, var_add},
  {{"decision", "taken", "id: string", "string?, integer", "The option last chosen on a decision (or nil) and how many times it was decided.", "if flank.decision.taken(\"withdraw\") == \"leave\" then ... end"}, decision_taken},
  {{"event", "fired", "id: string", "integer", "How many times an event has fired.", "if flank.event.fired(\"incident\") > 2 then ... end"}, event_fired},
  {{"side", "list", "", "string[]", "Every side id, in definition order.", "local sides = flank.side.list()"}, side_list},
};

#define NAPI (sizeof API / sizeof API[0])

/* The API's parts, in the order the docs read: the table above up to flank.area, the
 * pieces (fl_api_pieces.c), flank.var, flank.rng (fl_api_rng.c), the rest of the table,
 * then the board's and the teaching tools'. */
static const fl_ApiFn *api_fn(size_t i) {
  size_t split = 0, vars = 0;
  while (split < NAPI && strcmp(API[split].doc.module, "var")) split++;
  for (vars = split; vars < NAPI && !strcmp(API[vars].doc.module, "var");) vars++;
  const fl_ApiFn *const part[] = {API, fl_api_pieces, API + split, fl_api_rng, API + vars, fl_api_board, fl_api_teach};
  const size_t len[] = {split, (size_t)fl_api_pieces_n, vars - split, (size_t)fl_api_rng_n, NAPI - vars,
                        (size_t)fl_api_board_n, (size_t)fl_api_teach_n};
  for (size_t k = 0; k < sizeof len / sizeof *len; i -= len[k], k++)
    if (i < len[k]) return &part[k][i];
  return NULL;
}

const fl_ApiDoc *fl_script_api_docs(int *n) {
  static fl_ApiDoc docs[NAPI + 64];
  int k = 0;
  for (const fl_ApiFn *f; (f = api_fn((size_t)k)) && k < (int)(sizeof docs / sizeof docs[0]); k++) docs[k] = f->doc;
  *n = k;
  return docs;
}

lua_CFunction fl_api_load_reader(const char *module, const char *name) {
  if (strcmp(module, "area")) return NULL;
  return !strcmp(name, "list") ? area_list : !strcmp(name, "get") ? area_get : !strcmp(name, "neighbors") ? area_neighbors : NULL;
}

void fl_api_open(fl_Script *sc) {
  lua_State *L = sc->L;
  lua_rawgeti(L, LUA_REGISTRYINDEX, sc->env);
  int env = lua_gettop(L);
  lua_newtable(L);
  int flank = lua_gettop(L);
  const fl_ApiFn *f;
  for (size_t i = 0; (f = api_fn(i)); i++) {
    if (lua_getfield(L, flank, f->doc.module) == LUA_TNIL) {
      lua_pop(L, 1);
      lua_newtable(L);
      lua_pushvalue(L, -1);
      lua_setfield(L, flank, f->doc.module);
    }
    lua_pushlightuserdata(L, sc);
    lua_pushcclosure(L, f->fn, 1);
    lua_setfield(L, -2, f->doc.name);
    lua_pop(L, 1);
  }
  lua_pushnil(L); /* a misspelt name is an error where it is written, not a nil called later */
  while (lua_next(L, flank)) {
    char name[64];
    snprintf(name, sizeof name, "flank.%s", lua_tostring(L, -2));
    fl_sb_strict_names(L, -1, name);
    lua_pop(L, 1);
  }
  fl_sb_strict_names(L, flank, "flank");
  lua_pushvalue(L, flank);
  lua_setfield(L, env, "flank");
  /* Lua names a C function in "bad argument #1 to 'flank.track.get'" by finding it
   * in the loaded-modules table; give it plain copies (the scenario's are frozen). */
  lua_getfield(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
  lua_pushnil(L);
  while (lua_next(L, flank)) {
    char name[64];
    snprintf(name, sizeof name, "flank.%s", lua_tostring(L, -2));
    lua_newtable(L);
    lua_pushnil(L);
    while (lua_next(L, -3)) {
      lua_pushvalue(L, -2);
      lua_insert(L, -2);
      lua_rawset(L, -4);
    }
    lua_setfield(L, -4, name);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  /* math.random is the engine's seeded generator */
  lua_getfield(L, env, "math");
  lua_pushlightuserdata(L, sc);
  lua_pushcclosure(L, fl_api_rng_random, 1);
  lua_setfield(L, -2, "random");
  lua_settop(L, env - 1);
}
