/* pairs and next in a fixed order, whatever Lua's per-state hash seed: the sandbox's
 * replacements, charged to the call by the size of the table they walk in C. */
#include "fl_script_int.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* pairs in a fixed order: numbers ascending, then strings bytewise, then booleans.
 * Lua randomises string hashing per state, so raw next() order differs between runs. */
static int key_rank(lua_State *L, int i) {
  switch (lua_type(L, i)) {
  case LUA_TNUMBER: return 0;
  case LUA_TSTRING: return 1;
  case LUA_TBOOLEAN: return 2;
  default: return 3;
  }
}

static int key_less(lua_State *L, int a, int b) {
  int ra = key_rank(L, a), rb = key_rank(L, b);
  if (ra != rb) return ra < rb;
  if (ra == 0) return lua_compare(L, a, b, LUA_OPLT);
  if (ra == 1) {
    size_t la, lb;
    const char *sa = lua_tolstring(L, a, &la), *sb = lua_tolstring(L, b, &lb);
    int c = memcmp(sa, sb, la < lb ? la : lb);
    return c < 0 || (c == 0 && la < lb);
  }
  if (ra == 2) return !lua_toboolean(L, a) && lua_toboolean(L, b);
  return 0;
}

int fl_sb_pairs_next(lua_State *L) {
  lua_Integer i = lua_tointeger(L, lua_upvalueindex(2)) + 1;
  if (lua_rawgeti(L, lua_upvalueindex(1), i) == LUA_TNIL) return 1;
  lua_pushinteger(L, i);
  lua_replace(L, lua_upvalueindex(2));
  lua_pushvalue(L, -1);
  lua_gettable(L, 1);
  return 2;
}

typedef struct SortKey { int rank; double num; const char *s; size_t len; lua_Integer pos; } SortKey;

static int sortkey_cmp(const void *pa, const void *pb) {
  const SortKey *a = pa, *b = pb;
  if (a->rank != b->rank) return a->rank - b->rank;
  if (a->rank == 1) {
    int c = memcmp(a->s, b->s, a->len < b->len ? a->len : b->len);
    return c ? c : (a->len > b->len) - (a->len < b->len);
  }
  return (a->num > b->num) - (a->num < b->num);
}

/* Push the keys of table t as an array in the fixed order (numbers, strings, booleans).
 * Tables and functions as keys have no fixed order, so they are an error rather than a
 * silent source of games that differ run to run. O(n log n). */
void fl_sb_sorted_keys(lua_State *L, int t) {
  t = lua_absindex(L, t);
  lua_newtable(L);
  int raw = lua_gettop(L);
  lua_Integer n = 0;
  lua_pushnil(L);
  while (lua_next(L, t)) {
    lua_pop(L, 1);
    if (key_rank(L, -1) == 3)
      luaL_error(L, "pairs: a key is a %s; such keys have no fixed order, so games would differ run to run "
                    "(use ids as keys)", luaL_typename(L, -1));
    lua_pushvalue(L, -1);
    lua_rawseti(L, raw, ++n);
  }
  /* work in C: the call pays for it (about 120 ns a key, measured: ~40 instructions) */
  fl_sb_charge(L, n > 1 ? (long long)((double)n * (16 + log2((double)n))) : 1);
  SortKey *v = lua_newuserdatauv(L, (size_t)(n ? n : 1) * sizeof *v, 0); /* collected even on error */
  for (lua_Integer i = 1; i <= n; i++) {
    lua_rawgeti(L, raw, i);
    SortKey *k = &v[i - 1];
    k->rank = key_rank(L, -1);
    k->pos = i;
    k->s = NULL;
    k->len = 0;
    if (k->rank == 1) k->s = lua_tolstring(L, -1, &k->len); /* kept alive by raw */
    else if (k->rank == 0) k->num = lua_tonumber(L, -1);
    else k->num = lua_toboolean(L, -1);
    lua_pop(L, 1);
  }
  qsort(v, (size_t)n, sizeof *v, sortkey_cmp);
  lua_createtable(L, (int)n, 0);
  for (lua_Integer i = 0; i < n; i++) {
    lua_rawgeti(L, raw, v[i].pos);
    lua_rawseti(L, -2, i + 1);
  }
  lua_replace(L, raw);
  lua_pop(L, 1); /* the sort keys */
}

int fl_sb_pairs(lua_State *L) {
  if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) {
    lua_pushvalue(L, 1);
    lua_call(L, 1, 3);
    return 3;
  }
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_settop(L, 1);
  fl_sb_sorted_keys(L, 1);
  lua_pushinteger(L, 0);
  lua_pushcclosure(L, fl_sb_pairs_next, 2);
  lua_pushvalue(L, 1);
  lua_pushnil(L);
  return 3;
}

/* next in the same fixed order as pairs: the smallest key greater than k.
 * O(n) per call, fine for the emptiness checks it is mostly used for; the call is
 * charged 64 units a key, so iterating with next costs 64 n^2 of the budget (pairs: n log n). */
int fl_sb_next(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_settop(L, 2);
  if (fl_sb_is_frozen(L, 1) && lua_getmetatable(L, 1)) { /* the contents live behind __index */
    lua_getfield(L, -1, "__index");
    lua_replace(L, 1);
    lua_pop(L, 1);
  }
  int have = 0; /* index 3 will hold the best key so far */
  long long seen = 0;
  lua_pushnil(L);
  lua_pushnil(L);
  while (lua_next(L, 1)) {
    lua_pop(L, 1);
    if ((++seen & 1023) == 0) fl_sb_charge(L, 64 * 1024); /* ~250 ns a key: ~64 instructions */
    if (key_rank(L, -1) == 3)
      return luaL_error(L, "next: a key is a %s; such keys have no fixed order (use ids as keys)", luaL_typename(L, -1));
    int after = lua_isnil(L, 2) || key_less(L, 2, -1);
    if (after && (!have || key_less(L, -1, 3))) {
      lua_pushvalue(L, -1);
      lua_replace(L, 3);
      have = 1;
    }
  }
  if (!have) {
    lua_pushnil(L);
    return 1;
  }
  lua_pushvalue(L, 3);
  lua_pushvalue(L, 3);
  lua_rawget(L, 1);
  return 2;
}

