/* flank.piece: counters on the board — placed, removed, moved by rule code, read and
 * filtered. (Revealing and hiding them, and moves by players, are in fl_api_board.c.) */
#include "fl_script_int.h"
#include "fl_str.h"
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static fl_State *S(fl_Script *sc) { return fl_game_state(sc->game); }

/* A policy does not see pieces hidden from its side (rule code, viewer -1, sees all). */
static int sees_piece(fl_Script *sc, const fl_Piece *p) { return fl_def_sees(sc->def, sc->viewer, p->seen); }

/* The script of a runtime API call; while the scenario loads there is no game yet. */
static fl_Script *SC(lua_State *L) {
  fl_Script *sc = FL_SC(L);
  if (!sc->game) luaL_error(L, "flank.* is not available while the scenario loads; call it in setup() or an effect");
  return sc;
}

static int arg_ptype(lua_State *L, fl_Script *sc, const char *id) {
  int t = fl_def_ptype(sc->def, id);
  if (t < 0) {
    const char *c[256];
    int n = 0;
    for (; n < sc->def->nptype && n < 256; n++) c[n] = sc->def->ptypes[n].id;
    fl_unknown(L, "piece type", id, c, n);
  }
  return t;
}

int fl_piece_index(lua_State *L, fl_Script *sc, int i) {
  lua_Integer id = luaL_checkinteger(L, i);
  int idx = id > 0 && id < INT32_MAX ? fl_state_find_piece(S(sc), (int32_t)id) : -1;
  /* a piece a policy's side cannot see is, to that policy, not there */
  if (idx < 0 || !sees_piece(sc, &S(sc)->pieces[idx])) luaL_error(L, "no piece %I (removed, never placed, or hidden)", id);
  return idx;
}
#define piece_index fl_piece_index

static int piece_add(lua_State *L) {
  fl_Script *sc = SC(L);
  fl_check_mutable(L, sc);
  luaL_checktype(L, 1, LUA_TTABLE);
  /* Read the spec raw and check all of it before the piece exists: a metamethod could
   * otherwise run rule code (adding pieces, moving the array) halfway through. */
  lua_settop(L, 1);
  static const char *const F[] = {"type", "area", "side", "props"};
  for (int i = 0; i < 4; i++) { lua_pushstring(L, F[i]); lua_rawget(L, 1); } /* 2..5 */
  if (lua_type(L, 2) != LUA_TSTRING) return luaL_error(L, "piece.add: type must be a piece type id (a string)");
  if (lua_type(L, 3) != LUA_TSTRING) return luaL_error(L, "piece.add: area must be an area id (a string)");
  int type = arg_ptype(L, sc, lua_tostring(L, 2));
  int area = fl_arg_area(L, sc, 3);
  int side = fl_arg_side(L, sc, 4, 1);
  fl_sb_contents(L, 5); /* read raw below */
  int have_props = lua_istable(L, 5);
  if (!have_props && !lua_isnil(L, 5)) return luaL_error(L, "piece.add: props must be a table");
  if (have_props) {
    lua_pushnil(L);
    while (lua_next(L, 5)) {
      int vt = lua_type(L, -1);
      if (lua_type(L, -2) != LUA_TSTRING) return luaL_error(L, "piece.add: props keys must be names");
      if (vt != LUA_TNUMBER && vt != LUA_TBOOLEAN && vt != LUA_TSTRING)
        return luaL_error(L, "property '%s': values are numbers, booleans or strings, not %s", lua_tostring(L, -2), lua_typename(L, vt));
      if (vt == LUA_TNUMBER && !isfinite(lua_tonumber(L, -1)))
        return luaL_error(L, "property '%s': value must be a finite number", lua_tostring(L, -2));
      lua_pop(L, 1);
    }
  }
  if (S(sc)->npiece >= 1000000) return luaL_error(L, "piece.add: more than a million pieces");
  fl_api_grow(L, sc, sizeof(fl_Piece));
  int32_t id = fl_state_add_piece(S(sc), type, side, area);
  if (id < 0) return luaL_error(L, "not enough memory");
  /* a hidden type is seen by its own team only; a piece with no side (a mine, a cache) has
   * no team, so no side sees it until flank.piece.reveal */
  if (sc->def->ptypes[type].hidden) S(sc)->pieces[S(sc)->npiece - 1].seen = side >= 0 ? fl_def_team(sc->def, side) : 0;
  if (have_props) {
    fl_Props *ps = &S(sc)->pieces[S(sc)->npiece - 1].props; /* no rule code runs from here on */
    lua_pushnil(L);
    while (lua_next(L, 5)) {
      fl_set_prop(L, ps, lua_tostring(L, -2), lua_gettop(L));
      lua_pop(L, 1);
    }
  }
  lua_pushinteger(L, id);
  return 1;
}

static int piece_remove(lua_State *L) {
  fl_Script *sc = SC(L);
  fl_check_mutable(L, sc);
  int idx = piece_index(L, sc, 1);
  fl_state_remove_piece(S(sc), S(sc)->pieces[idx].id);
  return 0;
}

static int piece_move(lua_State *L) {
  fl_Script *sc = SC(L);
  fl_check_mutable(L, sc);
  int idx = piece_index(L, sc, 1);
  S(sc)->pieces[idx].area = fl_arg_area(L, sc, 2);
  return 0;
}

static int piece_get(lua_State *L) {
  fl_Script *sc = SC(L);
  const fl_Piece *p = &S(sc)->pieces[piece_index(L, sc, 1)];
  if (!lua_isnoneornil(L, 2)) {
    const char *key = luaL_checkstring(L, 2);
    if (!strcmp(key, "id")) lua_pushinteger(L, p->id);
    else if (!strcmp(key, "type")) lua_pushstring(L, sc->def->ptypes[p->type].id);
    else if (!strcmp(key, "area")) lua_pushstring(L, fl_map_area(sc->def->map, p->area)->id);
    else if (!strcmp(key, "side")) { if (p->side >= 0) lua_pushstring(L, sc->def->sides[p->side].id); else lua_pushnil(L); }
    else fl_push_prop(L, fl_props_get(&p->props, key));
    return 1;
  }
  lua_createtable(L, 0, 4 + p->props.n);
  fl_push_props(L, &p->props, lua_gettop(L));
  lua_pushinteger(L, p->id); lua_setfield(L, -2, "id");
  lua_pushstring(L, sc->def->ptypes[p->type].id); lua_setfield(L, -2, "type");
  lua_pushstring(L, fl_map_area(sc->def->map, p->area)->id); lua_setfield(L, -2, "area");
  if (p->side >= 0) { lua_pushstring(L, sc->def->sides[p->side].id); lua_setfield(L, -2, "side"); }
  return 1;
}

static int piece_set(lua_State *L) {
  fl_Script *sc = SC(L);
  fl_check_mutable(L, sc);
  int idx = piece_index(L, sc, 1);
  const char *key = luaL_checkstring(L, 2);
  luaL_argcheck(L, strcmp(key, "id") && strcmp(key, "type") && strcmp(key, "area") && strcmp(key, "side"), 2,
                "id, type, area and side are not properties (use piece.move)");
  luaL_checkany(L, 3);
  fl_set_prop(L, &S(sc)->pieces[idx].props, key, 3);
  return 0;
}

/* Filter from an optional { area =, type =, side = } table at index i. */
typedef struct { int area, type, side; } Filter;

static Filter arg_filter(lua_State *L, fl_Script *sc, int i) {
  Filter f = {-1, -1, -2};
  if (lua_isnoneornil(L, i)) return f;
  luaL_checktype(L, i, LUA_TTABLE);
  if (lua_getfield(L, i, "area") != LUA_TNIL) f.area = fl_arg_area(L, sc, lua_gettop(L));
  if (lua_getfield(L, i, "type") != LUA_TNIL) f.type = arg_ptype(L, sc, luaL_checkstring(L, -1));
  if (lua_getfield(L, i, "side") != LUA_TNIL) f.side = fl_arg_side(L, sc, lua_gettop(L), 0);
  lua_pop(L, 3);
  return f;
}

static int match(const fl_Script *sc, const fl_Piece *p, Filter f) {
  return (f.area < 0 || p->area == f.area) && (f.type < 0 || p->type == f.type) && (f.side == -2 || p->side == f.side) &&
         fl_def_sees(sc->def, sc->viewer, p->seen);
}

static int piece_list(lua_State *L) {
  fl_Script *sc = SC(L);
  Filter f = arg_filter(L, sc, 1);
  lua_newtable(L);
  int k = 0;
  for (int i = 0; i < S(sc)->npiece; i++)
    if (match(sc, &S(sc)->pieces[i], f)) { lua_pushinteger(L, S(sc)->pieces[i].id); lua_rawseti(L, -2, ++k); }
  return 1;
}

static int piece_count(lua_State *L) {
  fl_Script *sc = SC(L);
  Filter f = arg_filter(L, sc, 1);
  int k = 0;
  for (int i = 0; i < S(sc)->npiece; i++) k += match(sc, &S(sc)->pieces[i], f);
  lua_pushinteger(L, k);
  return 1;
}

const fl_ApiFn fl_api_pieces[] = {
  {{"piece", "add", "spec: {type: string, area: string, side?: string, props?: table}", "integer", "Place a piece; returns its id.", "local id = flank.piece.add{type = \"brigade\", area = \"tapa\", side = \"allies\"}"}, piece_add},
  {{"piece", "remove", "id: integer", "", "Remove a piece.", "flank.piece.remove(id)"}, piece_remove},
  {{"piece", "move", "id: integer, area: string", "", "Put a piece in an area at once (rule code: no movement points, no path). Players move pieces with a `target = \"move\"` option.", "flank.piece.move(id, \"suwalki_gap\")"}, piece_move},
  {{"piece", "get", "id: integer, key?: string", "table|any", "A piece as a table (id, type, area, side and its properties), or one field or property by key. A policy cannot read a piece hidden from its side.", "local p = flank.piece.get(id)"}, piece_get},
  {{"piece", "set", "id: integer, key: string, value: number|boolean|string|nil", "", "Set a piece property.", "flank.piece.set(id, \"strength\", 3)"}, piece_set},
  {{"piece", "list", "filter?: {area?: string, type?: string, side?: string}", "integer[]", "Ids of the pieces that match, oldest first.", "for _, id in ipairs(flank.piece.list{side = \"allies\"}) do ... end"}, piece_list},
  {{"piece", "count", "filter?: {area?: string, type?: string, side?: string}", "integer", "How many pieces match.", "local n = flank.piece.count{type = \"minefield\"}"}, piece_count},
};
const int fl_api_pieces_n = (int)(sizeof fl_api_pieces / sizeof fl_api_pieces[0]);
