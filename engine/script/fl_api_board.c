/* The board's part of the runtime API: movement queries (flank.move), who sees a piece
 * (flank.piece.reveal/hide/seen_by) and marks on the map (flank.map). Registered with
 * the rest of the API in fl_api.c, from this table, so `flank doc` documents it too. */
#include "fl_move.h"
#include "fl_script_int.h"
#include <math.h>
#include <string.h>

static fl_Script *SCB(lua_State *L) {
  fl_Script *sc = FL_SC(L);
  if (!sc->game) luaL_error(L, "flank.* is not available while the scenario loads; call it in setup() or an effect");
  return sc;
}
static fl_State *S(fl_Script *sc) { return fl_game_state(sc->game); }

/* A reachability query with its own work space (a few arrays per call: rule code asks
 * rarely, and nothing is shared between batch workers). */
static int reach(lua_State *L, fl_Script *sc, int pi, fl_Reach *r) {
  memset(r, 0, sizeof *r);
  if (fl_move_reach(r, sc->def, S(sc), pi) < 0) return luaL_error(L, "not enough memory");
  return 0;
}

static int move_reachable(lua_State *L) {
  fl_Script *sc = SCB(L);
  int pi = fl_piece_index(L, sc, 1);
  fl_Reach r;
  reach(L, sc, pi, &r);
  lua_newtable(L);
  int k = 0;
  for (int a = 0; a < r.n; a++)
    if (fl_move_can_end(&r, sc->def, S(sc), pi, a)) { fl_push_area_id(L, sc, a); lua_rawseti(L, -2, ++k); }
  fl_reach_free(&r);
  return 1;
}

static int move_path(lua_State *L) {
  fl_Script *sc = SCB(L);
  int pi = fl_piece_index(L, sc, 1);
  int to = fl_arg_area(L, sc, 2);
  fl_Reach r;
  reach(L, sc, pi, &r);
  int *path = lua_newuserdatauv(L, (size_t)(r.n > 0 ? r.n : 1) * sizeof(int), 0);
  int n = fl_move_can_end(&r, sc->def, S(sc), pi, to) ? fl_move_path(&r, to, path, r.n) : 0;
  double cost = n ? r.cost[to] : 0;
  fl_reach_free(&r);
  if (!n) { lua_pushnil(L); return 1; }
  lua_createtable(L, n, 0);
  for (int i = 0; i < n; i++) { lua_pushstring(L, fl_map_area(sc->def->map, path[i])->id); lua_rawseti(L, -2, i + 1); }
  lua_pushnumber(L, cost);
  return 2;
}

static int move_left(lua_State *L) {
  fl_Script *sc = SCB(L);
  lua_pushnumber(L, fl_move_left(sc->def, S(sc), fl_piece_index(L, sc, 1)));
  return 1;
}

static int move_spend(lua_State *L) {
  fl_Script *sc = SCB(L);
  fl_check_mutable(L, sc);
  fl_Piece *p = &S(sc)->pieces[fl_piece_index(L, sc, 1)];
  double v = luaL_optnumber(L, 2, HUGE_VAL);
  luaL_argcheck(L, !isnan(v) && v >= 0, 2, "points must be 0 or more");
  double used = p->mp_turn == S(sc)->turn ? p->mp_used : 0, mp = sc->def->ptypes[p->type].mp;
  p->mp_used = used + v > mp ? mp : used + v;
  p->mp_turn = S(sc)->turn;
  return 0;
}

/* ---- who sees a piece ---- */

static int piece_reveal(lua_State *L) {
  fl_Script *sc = SCB(L);
  fl_check_mutable(L, sc);
  fl_Piece *p = &S(sc)->pieces[fl_piece_index(L, sc, 1)];
  p->seen |= fl_arg_sides(L, sc, 2);
  return 0;
}

static int piece_hide(lua_State *L) {
  fl_Script *sc = SCB(L);
  fl_check_mutable(L, sc);
  fl_Piece *p = &S(sc)->pieces[fl_piece_index(L, sc, 1)];
  p->seen &= ~fl_arg_sides(L, sc, 2);
  p->seen |= fl_def_team(sc->def, p->side); /* its own team always knows where it is (no side: no team) */
  return 0;
}

static int piece_seen_by(lua_State *L) {
  fl_Script *sc = SCB(L);
  const fl_Piece *p = &S(sc)->pieces[fl_piece_index(L, sc, 1)];
  lua_pushboolean(L, fl_def_sees(sc->def, fl_arg_side(L, sc, 2, 0), p->seen));
  return 1;
}

/* ---- marks on the map ---- */

/* Options { label =, side =, style = "normal"|"warning"|"good", to = sides }. */
static fl_Annot arg_annot(lua_State *L, fl_Script *sc, int i, int kind, int a, int b) {
  fl_Annot an = {kind, a, b, -1, 0, FL_ALL_SIDES, NULL};
  if (lua_isnoneornil(L, i)) return an;
  luaL_checktype(L, i, LUA_TTABLE);
  if (lua_getfield(L, i, "label") != LUA_TNIL) {
    size_t n;
    an.label = (char *)luaL_checklstring(L, -1, &n); /* copied by fl_state_annot */
    luaL_argcheck(L, n <= 200, i, "label longer than 200 bytes");
  }
  if (lua_getfield(L, i, "side") != LUA_TNIL) an.side = fl_arg_side(L, sc, lua_gettop(L), 0);
  if (lua_getfield(L, i, "style") != LUA_TNIL) {
    static const char *const st[] = {"normal", "warning", "good", NULL};
    an.style = luaL_checkoption(L, -1, NULL, st);
  }
  if (lua_getfield(L, i, "to") != LUA_TNIL) an.seen = fl_arg_sides(L, sc, lua_gettop(L));
  return an;
}

static void add_annot(lua_State *L, fl_Script *sc, fl_Annot an) {
  if (S(sc)->nannot >= 10000) luaL_error(L, "flank.map: more than 10000 marks; clear old ones with flank.map.clear()");
  if (fl_state_annot(S(sc), an) < 0) luaL_error(L, "not enough memory");
}

static int map_arrow(lua_State *L) {
  fl_Script *sc = SCB(L);
  fl_check_mutable(L, sc);
  int a = fl_arg_area(L, sc, 1), b = fl_arg_area(L, sc, 2);
  add_annot(L, sc, arg_annot(L, sc, 3, FL_ANNOT_ARROW, a, b));
  return 0;
}

static int map_highlight(lua_State *L) {
  fl_Script *sc = SCB(L);
  fl_check_mutable(L, sc);
  int a = fl_arg_area(L, sc, 1);
  add_annot(L, sc, arg_annot(L, sc, 2, FL_ANNOT_HIGHLIGHT, a, -1));
  return 0;
}

static int map_clear(lua_State *L) {
  fl_Script *sc = SCB(L);
  fl_check_mutable(L, sc);
  static const char *const kinds[] = {"arrows", "highlights", "all", NULL};
  int k = luaL_checkoption(L, 1, "all", kinds);
  fl_state_clear_annots(S(sc), k == 0 ? FL_ANNOT_ARROW : k == 1 ? FL_ANNOT_HIGHLIGHT : -1);
  return 0;
}

static int map_front(lua_State *L) {
  fl_Script *sc = SCB(L);
  fl_check_mutable(L, sc);
  luaL_checktype(L, 1, LUA_TBOOLEAN);
  S(sc)->front = lua_toboolean(L, 1);
  return 0;
}

const fl_ApiFn fl_api_board[] = {
  {{"move", "reachable", "piece: integer", "string[]", "The areas a piece may end a move in now, with the movement points it has left this turn (shortest paths over adjacency, priced by its type's terrain costs; impassable terrain, enemy areas for types that stop there, and stacking limits respected).", "for _, a in ipairs(flank.move.reachable(id)) do ... end"}, move_reachable},
  {{"move", "path", "piece: integer, area: string", "string[]?, number", "The cheapest path from the piece's area to `area` (start first) and its cost in movement points, or nil if it cannot end a move there now.", "local path, cost = flank.move.path(id, \"far_bank\")"}, move_path},
  {{"move", "left", "piece: integer", "number", "The movement points a piece has left this turn (they come back at the start of every turn).", "if flank.move.left(id) > 0 then ... end"}, move_left},
  {{"move", "spend", "piece: integer, points?: number", "", "Use up a piece's movement points this turn (all of them when points is nil), e.g. after it fought.", "flank.move.spend(id)"}, move_spend},
  {{"piece", "reveal", "id: integer, to?: string|string[]", "", "Let sides (and their teams; nil: everyone) see a piece of a hidden type.", "flank.piece.reveal(id, \"blue\")"}, piece_reveal},
  {{"piece", "hide", "id: integer, from?: string|string[]", "", "Hide a piece from sides (nil: from every side but its own team; a piece with no side, from every side).", "flank.piece.hide(id)"}, piece_hide},
  {{"piece", "seen_by", "id: integer, side: string", "boolean", "Whether a side can see a piece.", "if flank.piece.seen_by(id, \"red\") then ... end"}, piece_seen_by},
  {{"map", "arrow", "from: string, to: string, opts?: {label?: string, side?: string, style?: string, to?: string|string[]}", "", "Draw an arrow between two areas (an axis of advance), saved with the game. style: \"normal\", \"warning\" or \"good\"; to: only these sides see it.", "flank.map.arrow(\"kaliningrad\", \"suwalki_gap\", {side = \"adversary\", label = \"Axis 1\"})"}, map_arrow},
  {{"map", "highlight", "area: string, opts?: {label?: string, side?: string, style?: string, to?: string|string[]}", "", "Highlight an area on the map, saved with the game.", "flank.map.highlight(\"bridge\", {style = \"warning\", label = \"Contested\"})"}, map_highlight},
  {{"map", "clear", "kind?: string", "", "Remove marks: \"arrows\", \"highlights\" or \"all\" (the default).", "flank.map.clear(\"arrows\")"}, map_clear},
  {{"map", "front", "on: boolean", "", "Draw (or stop drawing) the front line: the borders between areas owned by enemy sides.", "flank.map.front(true)"}, map_front},
};
const int fl_api_board_n = (int)(sizeof fl_api_board / sizeof fl_api_board[0]);
