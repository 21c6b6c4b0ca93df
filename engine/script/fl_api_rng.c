/* flank.rng: the game's seeded dice for rule code and policies (math.random is the same
 * function), so that the same seed and actions give the same game. */
#include "fl_script_int.h"
#include <math.h>

/* Policies draw from their own stream so that a human's choice (no draws) and a
 * policy's choice leave the world's dice in the same place. */
static double draw(fl_Script *sc) {
  fl_State *s = fl_game_state(sc->game);
  return fl_game_context(sc->game).kind == FL_CTX_NONE && !sc->mutable ? fl_rng_double(&s->prng) : fl_state_draw(s);
}

int fl_api_rng_random(lua_State *L) {
  fl_Script *sc = fl_api_sc(L);
  double r = draw(sc);
  lua_Integer lo, hi;
  switch (lua_gettop(L)) {
  case 0: lua_pushnumber(L, r); return 1;
  case 1: lo = 1; hi = luaL_checkinteger(L, 1); break;
  default: lo = luaL_checkinteger(L, 1); hi = luaL_checkinteger(L, 2); break;
  }
  luaL_argcheck(L, lo <= hi, lua_gettop(L) == 1 ? 1 : 2, "interval is empty");
  luaL_argcheck(L, (lua_Unsigned)hi - (lua_Unsigned)lo < ((lua_Unsigned)1 << 52), 1, "interval too large");
  lua_pushinteger(L, lo + (lua_Integer)(r * (double)(hi - lo + 1)));
  return 1;
}

static int rng_chance(lua_State *L) {
  fl_Script *sc = fl_api_sc(L);
  double p = fl_arg_finite(L, 1);
  lua_pushboolean(L, draw(sc) < p);
  return 1;
}

static int rng_normal(lua_State *L) {
  fl_Script *sc = fl_api_sc(L);
  double mu = luaL_optnumber(L, 1, 0), sd = luaL_optnumber(L, 2, 1);
  luaL_argcheck(L, isfinite(mu) && isfinite(sd), isfinite(mu) ? 2 : 1, "number must be finite");
  double u1 = draw(sc), u2 = draw(sc);
  if (u1 < 1e-300) u1 = 1e-300;
  lua_pushnumber(L, mu + sd * sqrt(-2 * log(u1)) * cos(6.283185307179586 * u2));
  return 1;
}

static int rng_pick(lua_State *L) {
  fl_Script *sc = fl_api_sc(L);
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_Integer n = luaL_len(L, 1);
  luaL_argcheck(L, n > 0, 1, "list is empty");
  lua_geti(L, 1, 1 + (lua_Integer)(draw(sc) * (double)n)); /* not raw: lists may be frozen */
  return 1;
}

const fl_ApiFn fl_api_rng[] = {
  {{"rng", "random", "m?: integer, n?: integer", "number", "Like math.random, from the game's seeded dice (math.random is the same function).", "if flank.rng.random(6) == 6 then ... end"}, fl_api_rng_random},
  {{"rng", "chance", "p: number", "boolean", "True with probability p.", "if flank.rng.chance(0.2) then ... end"}, rng_chance},
  {{"rng", "normal", "mean?: number, sd?: number", "number", "A normally distributed draw.", "local x = flank.rng.normal(10, 2)"}, rng_normal},
  {{"rng", "pick", "list: any[]", "any", "A uniformly chosen element of a list.", "local a = flank.rng.pick{\"narva\", \"latgale\"}"}, rng_pick},
};
const int fl_api_rng_n = (int)(sizeof fl_api_rng / sizeof fl_api_rng[0]);
