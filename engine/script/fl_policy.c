/* Policies: what a side's player function sees (the view and the decision, filtered to
 * what that side may see) and how its answer becomes a checked fl_Choice. The built-in
 * "random" and "first" policies choose targets too. */
#include "fl_script_int.h"
#include "fl_str.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The writable contents behind a frozen table at idx (see fl_sb_freeze). */
static void push_hidden(lua_State *L, int idx) {
  lua_getmetatable(L, idx);
  lua_getfield(L, -1, "__index");
  lua_remove(L, -2);
}

/* A registry table by name, made on first use. */
static int registry_table(lua_State *L, const char *name) {
  if (lua_getfield(L, LUA_REGISTRYINDEX, name) == LUA_TNIL) {
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushvalue(L, -1);
    lua_setfield(L, LUA_REGISTRYINDEX, name);
  }
  return lua_gettop(L);
}

static const char *target_kind(const fl_OptionDef *o) {
  switch (o->target) {
  case FL_TGT_AREA: return o->tmax > 1 ? "areas" : "area";
  case FL_TGT_PIECE: return o->tmax > 1 ? "pieces" : "piece";
  case FL_TGT_MOVE: return "move";
  default: return NULL;
  }
}

/* An option's preview or legal targets (for a move, the pieces that can move), pushed:
 * what the rule code says for the pending decision, or nil. */
static void push_lazy(fl_Script *sc, int o, int is_targets) {
  lua_State *L = sc->L;
  fl_Game *g = sc->game;
  int card = fl_game_pending(g, NULL);
  const fl_OptionDef *op = &sc->def->cards[card].options[o];
  int viewer = sc->viewer;
  sc->viewer = -1; /* rule code, not the policy: it sees the whole state */
  if (!is_targets) {
    fl_Choice ch = {o, 0, {0}};
    char *p = op->fn_preview ? fl_game_preview(g, &ch) : NULL;
    if (p) lua_pushstring(L, p); else lua_pushnil(L);
    free(p);
  } else if (op->target == FL_TGT_NONE || !fl_game_available(g, o)) {
    lua_pushnil(L);
  } else {
    int max = fl_map_area_count(sc->def->map) + fl_game_state(g)->npiece + 1;
    int32_t *tg = malloc((size_t)max * sizeof *tg);
    int n = tg ? fl_game_targets(g, o, -1, tg, max) : 0;
    lua_createtable(L, n > 0 ? n : 0, 0);
    for (int i = 0; i < n; i++) {
      if (op->target == FL_TGT_AREA) lua_pushstring(L, fl_map_area(sc->def->map, tg[i])->id);
      else lua_pushinteger(L, tg[i]);
      lua_rawseti(L, -2, i + 1);
    }
    free(tg);
  }
  sc->viewer = viewer;
  if (fl_game_status(g) == FL_GAME_ERROR) luaL_error(L, "%s", fl_game_error(g));
}

/* __index of an option's contents: preview and targets are worked out when a policy
 * reads them (most never do, and a scenario's preview or legal() may be costly), once
 * per decision. Upvalues: the card and the option index. */
static int option_lazy(lua_State *L) {
  fl_Script *sc = *(fl_Script **)lua_getextraspace(L);
  int card = (int)lua_tointeger(L, lua_upvalueindex(1)), o = (int)lua_tointeger(L, lua_upvalueindex(2));
  const char *k = lua_tostring(L, 2);
  int is_targets = k && strcmp(k, "targets") == 0;
  if (!k || (!is_targets && strcmp(k, "preview") != 0) || fl_game_pending(sc->game, NULL) != card) return 0;
  push_lazy(sc, o, is_targets);
  lua_pushvalue(L, 2);
  lua_pushvalue(L, -2);
  lua_rawset(L, 1); /* until the next decision (update_option clears it) */
  return 1;
}

/* Fill option table t (writable) with what changes per decision: availability and the
 * reason; the preview and the legal targets are cleared, for option_lazy to work out. */
static void update_option(fl_Script *sc, int o, int t) {
  lua_State *L = sc->L;
  fl_Game *g = sc->game;
  int avail = fl_game_available(g, o);
  lua_pushboolean(L, avail);
  lua_setfield(L, t, "available");
  const char *why = avail ? NULL : fl_game_unavailable_reason(g, o);
  if (why) lua_pushstring(L, why); else lua_pushnil(L);
  lua_setfield(L, t, "reason");
  int card = fl_game_pending(g, NULL);
  const fl_OptionDef *op = &sc->def->cards[card].options[o];
  if (op->fn_preview) { lua_pushnil(L); lua_setfield(L, t, "preview"); }
  if (op->target != FL_TGT_NONE) { lua_pushnil(L); lua_setfield(L, t, "targets"); }
}

/* view.tracks[k] for a k it does not hold: nil for a track this side may not see, an error for
 * a name that is no track at all (a typo would otherwise read as nil and compare as an error
 * far from its cause). */
static int view_track_missing(lua_State *L) {
  fl_Script *sc = *(fl_Script **)lua_getextraspace(L);
  if (lua_type(L, 2) != LUA_TSTRING || fl_def_track(sc->def, lua_tostring(L, 2)) >= 0) return 0;
  const char *cands[256];
  int n = 0;
  for (int i = 0; i < sc->def->ntrack && n < 256; i++)
    if (fl_def_sees(sc->def, sc->viewer, sc->def->tracks[i].seen)) cands[n++] = sc->def->tracks[i].id;
  const char *sg = fl_str_suggest(lua_tostring(L, 2), cands, n);
  return luaL_error(L, "view.tracks: no track '%s' in this scenario%s%s%s", lua_tostring(L, 2), sg ? " (did you mean '" : "",
                    sg ? sg : "", sg ? "'?)" : "");
}

/* Push what a policy is called with: the view (turn, date, side, the tracks this side
 * may see) and the decision (id, title, side, options with id, label, available, reason,
 * preview, cost, target and targets). Both are read-only tables built once (the decision
 * once per card) and updated in place, since building ten tables per decision was most
 * of a policy's cost. */
static void push_decision(fl_Script *sc, int card, int side) {
  lua_State *L = sc->L;
  const fl_CardDef *c = &sc->def->cards[card];
  const fl_State *s = fl_game_state(sc->game);
  char date[16];
  fl_date_format(s->date, date, sizeof date);
  /* the view */
  int vc = registry_table(L, "flank.view");
  if (lua_rawgeti(L, vc, 1) == LUA_TNIL) {
    lua_pop(L, 1);
    lua_createtable(L, 0, 5);
    lua_createtable(L, 0, sc->def->ntrack);
    lua_setfield(L, -2, "tracks");
    fl_sb_freeze_deep(L, -1);
    lua_getfield(L, -1, "tracks"); /* its contents' misses go to view_track_missing */
    fl_sb_contents(L, -1);
    lua_createtable(L, 0, 1);
    lua_pushcfunction(L, view_track_missing);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);
    lua_pop(L, 1);
    lua_pushvalue(L, -1);
    lua_rawseti(L, vc, 1);
  }
  int view = lua_gettop(L);
  push_hidden(L, view);
  lua_pushinteger(L, s->turn); lua_setfield(L, -2, "turn");
  lua_pushstring(L, date); lua_setfield(L, -2, "date");
  lua_pushstring(L, sc->def->sides[side].id); lua_setfield(L, -2, "side");
  lua_getfield(L, -1, "tracks");
  push_hidden(L, -1);
  int tr = lua_gettop(L);
  int ids = registry_table(L, "flank.track_ids"); /* the ids as Lua strings, made once: no hashing per decision */
  if (lua_rawlen(L, ids) == 0)
    for (int i = 0; i < sc->def->ntrack; i++) { lua_pushstring(L, sc->def->tracks[i].id); lua_rawseti(L, ids, i + 1); }
  for (int i = 0; i < sc->def->ntrack; i++) { /* a track this side may not see is absent */
    lua_rawgeti(L, ids, i + 1);
    if (fl_def_sees(sc->def, side, sc->def->tracks[i].seen)) lua_pushnumber(L, s->tracks[i].value);
    else lua_pushnil(L);
    lua_rawset(L, tr);
  }
  lua_settop(L, view);
  lua_remove(L, vc);
  /* the decision */
  int dc = registry_table(L, "flank.decisions");
  if (lua_rawgeti(L, dc, card + 1) == LUA_TNIL) {
    lua_pop(L, 1);
    lua_createtable(L, 0, 4);
    lua_pushstring(L, c->id); lua_setfield(L, -2, "id");
    lua_pushstring(L, c->title); lua_setfield(L, -2, "title");
    lua_pushstring(L, sc->def->sides[c->side].id); lua_setfield(L, -2, "side");
    lua_createtable(L, c->noptions, 0);
    for (int o = 0; o < c->noptions; o++) {
      const fl_OptionDef *op = &c->options[o];
      lua_createtable(L, 0, 8);
      lua_pushstring(L, op->id); lua_setfield(L, -2, "id");
      lua_pushstring(L, op->label); lua_setfield(L, -2, "label");
      lua_pushboolean(L, 0); lua_setfield(L, -2, "available");
      if (!op->fn_preview && op->preview && *op->preview) { lua_pushstring(L, op->preview); lua_setfield(L, -2, "preview"); }
      if (target_kind(op)) {
        lua_pushstring(L, target_kind(op)); lua_setfield(L, -2, "target");
        lua_pushinteger(L, op->tmin); lua_setfield(L, -2, "min");
        lua_pushinteger(L, op->tmax); lua_setfield(L, -2, "max");
      }
      lua_createtable(L, 0, op->ncost);
      for (int k = 0; k < op->ncost; k++) {
        lua_pushnumber(L, op->costs[k].amount);
        lua_setfield(L, -2, sc->def->tracks[op->costs[k].track].id);
      }
      fl_sb_freeze_deep(L, -1);     /* the cost table; the option itself gets a metatable, */
      lua_setfield(L, -2, "cost");  /* which freeze_deep would skip */
      lua_createtable(L, 0, 1);
      lua_pushinteger(L, card);
      lua_pushinteger(L, o);
      lua_pushcclosure(L, option_lazy, 2);
      lua_setfield(L, -2, "__index");
      lua_setmetatable(L, -2);
      fl_sb_freeze(L, -1);
      lua_rawseti(L, -2, o + 1);
    }
    lua_setfield(L, -2, "options");
    fl_sb_freeze_deep(L, -1);
    lua_pushvalue(L, -1);
    lua_rawseti(L, dc, card + 1);
  }
  int dec = lua_gettop(L);
  lua_getfield(L, dec, "options");
  for (int o = 0; o < c->noptions; o++) {
    lua_geti(L, -1, o + 1);
    push_hidden(L, -1);
    update_option(sc, o, lua_gettop(L));
    lua_pop(L, 2);
  }
  lua_settop(L, dec);
  lua_remove(L, dc); /* leaves view, decision */
}

/* Args: script, card, side, policy function. Ret: the option and up to two targets. */
static int policy_call(lua_State *L) {
  fl_Script *sc = lua_touserdata(L, 1);
  int card = (int)lua_tointeger(L, 2), side = (int)lua_tointeger(L, 3);
  lua_settop(L, 4);
  push_decision(sc, card, side);
  sc->viewer = side; /* from here the API shows only what this side may see */
  lua_call(L, 2, 3);
  sc->viewer = -1;
  return 3;
}

/* One target value at idx into ch (area id for area kinds and a move's destination,
 * piece id otherwise). NULL or what is wrong. */
static const char *read_target(fl_Script *sc, const fl_OptionDef *op, int idx, fl_Choice *ch, char *buf, size_t n) {
  lua_State *L = sc->L;
  if (ch->ntg >= FL_MAX_TARGETS) return "too many targets";
  int want_area = op->target == FL_TGT_AREA || (op->target == FL_TGT_MOVE && ch->ntg == 1);
  if (want_area) {
    if (lua_type(L, idx) != LUA_TSTRING) { snprintf(buf, n, "target %d must be an area id, not %s", ch->ntg + 1, luaL_typename(L, idx)); return buf; }
    int a = fl_map_find_area(sc->def->map, lua_tostring(L, idx));
    if (a < 0) { snprintf(buf, n, "unknown area '%.60s'", lua_tostring(L, idx)); return buf; }
    ch->tg[ch->ntg++] = a;
  } else {
    if (!lua_isinteger(L, idx) || lua_tointeger(L, idx) < 1 || lua_tointeger(L, idx) > INT32_MAX) {
      snprintf(buf, n, "target %d must be a piece id, not %s", ch->ntg + 1, luaL_typename(L, idx));
      return buf;
    }
    ch->tg[ch->ntg++] = (int32_t)lua_tointeger(L, idx);
  }
  return NULL;
}

/* The built-in policies: "first" takes the first available option and its first legal
 * targets; "random" a random one, with random targets, from the policies' own dice. */
static int builtin_choice(fl_Script *sc, int is_random, fl_Choice *ch) {
  fl_Game *g = sc->game;
  fl_Rng *dice = &fl_game_state(g)->prng;
  int card = fl_game_pending(g, NULL);
  const fl_CardDef *c = &sc->def->cards[card];
  int avail[256], n = 0;
  for (int o = 0; o < c->noptions && n < 256; o++)
    if (fl_game_available(g, o)) avail[n++] = o;
  int max = fl_map_area_count(sc->def->map) + fl_game_state(g)->npiece + 1;
  int32_t *tg = malloc((size_t)max * sizeof *tg);
  if (!tg) { fl_game_fail(g, "out of memory"); return -1; }
  while (n > 0) {
    int k = is_random ? (int)fl_rng_range(dice, 0, n - 1) : 0;
    int o = avail[k];
    const fl_OptionDef *op = &c->options[o];
    *ch = (fl_Choice){o, 0, {0}};
    int ok = op->target == FL_TGT_NONE ? !fl_game_check(g, ch) : 0;
    for (int tries = 0; !ok && tries < 16; tries++) {
      int nt = fl_game_targets(g, o, -1, tg, max);
      if (nt < 0) { free(tg); return -1; }
      if (nt == 0) break;
      ch->ntg = 0;
      if (op->target == FL_TGT_MOVE) {
        int32_t piece = tg[is_random ? fl_rng_range(dice, 0, nt - 1) : (tries < nt ? tries : 0)];
        int ne = fl_game_targets(g, o, piece, tg, max);
        if (ne <= 0) continue;
        ch->tg[0] = piece;
        ch->tg[1] = tg[is_random ? fl_rng_range(dice, 0, ne - 1) : 0];
        ch->ntg = 2;
      } else {
        int want = op->tmin > 0 ? op->tmin : 1;
        if (want > nt) break;
        for (int i = 0; i < want; i++) { /* a partial shuffle picks `want` distinct targets */
          int j = is_random ? i + (int)fl_rng_range(dice, 0, nt - 1 - i) : (i + tries) % nt;
          int32_t t = tg[i]; tg[i] = tg[j]; tg[j] = t;
          ch->tg[ch->ntg++] = tg[i];
        }
      }
      ok = !fl_game_check(g, ch);
      if (fl_game_status(g) == FL_GAME_ERROR) { free(tg); return -1; }
    }
    if (ok) { free(tg); return 0; }
    avail[k] = avail[--n]; /* no legal targets it could find: try another option */
  }
  free(tg);
  fl_game_fail(g, "no option is available");
  return -1;
}

int fl_script_choose(fl_Script *sc, fl_Choice *ch) {
  fl_Game *g = sc->game;
  int side, card = fl_game_pending(g, &side);
  if (card < 0) { fl_game_fail(g, "no decision is pending"); return -1; }
  const fl_CardDef *c = &sc->def->cards[card];
  int ref = sc->policy_fn[side];
  const char *name = sc->policy_name[side];
  if (!ref) return builtin_choice(sc, !strcmp(name, "random"), ch);
  lua_State *L = sc->L;
  int top = lua_gettop(L);
  /* the arguments are built inside the protected call too: building them allocates,
   * and an allocation failing outside any pcall would abort the process */
  lua_pushcfunction(L, policy_call);
  lua_pushlightuserdata(L, sc);
  lua_pushinteger(L, card);
  lua_pushinteger(L, side);
  lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
  char msg[1024];
  int rc = fl_sb_pcall(sc, 4, 3, sc->call_budget);
  sc->viewer = -1;
  if (rc != LUA_OK) {
    char lm[700];
    fl_sb_error_text(sc, lm, sizeof lm);
    snprintf(msg, sizeof msg, "%s (turn %d, policy '%s' of side '%s' on decision '%s')", lm,
             fl_game_state(g)->turn, name, sc->def->sides[side].id, c->id);
    lua_settop(L, top);
    fl_game_fail(g, msg);
    return -1;
  }
  int res = top + 1, o = -1;
  if (lua_type(L, res) == LUA_TSTRING) o = fl_def_option(c, lua_tostring(L, res));
  *ch = (fl_Choice){o, 0, {0}};
  const char *bad = NULL;
  char buf[160];
  if (lua_type(L, res) != LUA_TSTRING) bad = "; choose must return an option id (a string), not an option's number";
  else if (o < 0 || o >= c->noptions || !fl_game_available(g, o)) bad = "which is not an available option";
  else if (lua_istable(L, res + 1)) { /* a list of targets */
    fl_sb_contents(L, res + 1);
    lua_Integer n = (lua_Integer)lua_rawlen(L, res + 1);
    if (n > FL_MAX_TARGETS) bad = "too many targets";
    for (lua_Integer i = 1; i <= n && !bad; i++) {
      lua_rawgeti(L, res + 1, i);
      bad = read_target(sc, &c->options[o], lua_gettop(L), ch, buf, sizeof buf);
      lua_pop(L, 1);
    }
  } else {
    for (int i = res + 1; i <= res + 2 && !lua_isnil(L, i) && !bad; i++)
      bad = read_target(sc, &c->options[o], i, ch, buf, sizeof buf);
  }
  if (!bad) bad = fl_game_check(g, ch);
  if (fl_game_status(g) == FL_GAME_ERROR) { lua_settop(L, top); return -1; }
  if (bad) {
    char got[120];
    if (lua_type(L, res) == LUA_TSTRING) snprintf(got, sizeof got, "'%.80s'", lua_tostring(L, res));
    else fl_defs_describe(L, res, got, sizeof got);
    char loc[300], opts[400] = "";
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    fl_where_fn(L, lua_gettop(L), loc, sizeof loc);
    for (int k = 0; k < c->noptions; k++)
      if (fl_game_available(g, k))
        snprintf(opts + strlen(opts), sizeof opts - strlen(opts), "%s%s", *opts ? ", " : "", c->options[k].id);
    snprintf(msg, sizeof msg, "%s: policy '%s' of side '%s' chose %s on decision '%s'%s%s (available: %s) (turn %d)",
             loc, name, sc->def->sides[side].id, got, c->id, *bad == ';' ? "" : strncmp(bad, "which", 5) ? ": " : ", ", bad, opts,
             fl_game_state(g)->turn);
    lua_settop(L, top);
    fl_game_fail(g, msg);
    return -1;
  }
  lua_settop(L, top);
  return 0;
}
