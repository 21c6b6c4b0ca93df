/* C-side work the instruction count does not see: library functions that loop in C
 * over a string or a table are charged to the running call's budget by the size of
 * what they will walk (about one unit per VM instruction's worth of work), and each
 * charge checks the call's clock. Pattern matching is also limited by the shape of
 * the pattern, and a plain string.find searches in linear time. */
#define _GNU_SOURCE /* memmem */
#include "fl_script_int.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

/* Lua's own test for a pattern that is plain text (no magic characters). */
static int no_specials(const char *p, size_t l) {
  size_t upto = 0;
  do {
    if (strpbrk(p + upto, "^$*+?.([%-")) return 0;
    upto += strlen(p + upto) + 1; /* may have more after \0 */
  } while (upto <= l);
  return 1;
}

/* string.find(s, text, init, plain) as Lua does it, but with a linear-time search
 * (Lua's own compares the whole needle at every candidate: subject x needle). */
static int plain_find(lua_State *L) {
  size_t ls, lp;
  const char *s = luaL_checklstring(L, 1, &ls);
  const char *p = luaL_checklstring(L, 2, &lp);
  lua_Integer pos = luaL_optinteger(L, 3, 1);
  size_t init = pos > 0 ? (size_t)pos : pos == 0 || pos < -(lua_Integer)ls ? 1 : (size_t)((lua_Integer)ls + pos + 1);
  init--;
  if (init > ls) { luaL_pushfail(L); return 1; }
  fl_sb_charge(L, (long long)((ls - init + lp) / 8) + 1);
  const char *hit = memmem(s + init, ls - init, p, lp);
  if (!hit) { luaL_pushfail(L); return 1; }
  lua_pushinteger(L, (lua_Integer)(hit - s) + 1);
  lua_pushinteger(L, (lua_Integer)(hit - s) + (lua_Integer)lp);
  return 2;
}

/* string.format without %p (it prints addresses). */
static int sb_format(lua_State *L) {
  const char *f = luaL_checkstring(L, 1);
  for (const char *p = strchr(f, '%'); p; p = strchr(p + 1, '%')) {
    const char *q = p + 1;
    if (*q == '%') { p = q; continue; }
    while (*q && strchr("-+ #0123456789.", *q)) q++;
    if (*q == 'p') return luaL_error(L, "string.format: '%%p' is not available in scenarios");
  }
  for (int i = 2; i <= lua_gettop(L); i++) { /* %s of a table would print its address */
    int t = lua_type(L, i);
    if (t == LUA_TTABLE || t == LUA_TFUNCTION || t == LUA_TTHREAD || t == LUA_TUSERDATA || t == LUA_TLIGHTUSERDATA) {
      lua_pushcfunction(L, fl_sb_tostring);
      lua_pushvalue(L, i);
      lua_call(L, 1, 1);
      lua_replace(L, i);
    }
  }
  lua_getfield(L, lua_upvalueindex(2), "format");
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, 1);
  return 1;
}

/* Pattern matching runs in C, where the instruction hook cannot reach it, and its
 * backtracking is polynomial in the subject: every start position can backtrack
 * through each repetition item (x*, x-, x+), so k items cost about length^(k+1).
 * The subject may be at most the size that keeps this under about 1e8 steps:
 * 1 MiB with no repetition, 10,000 bytes with one, 464 with two, 100 with three.
 * Patterns are at most 256 bytes. */
#define MAX_MATCH_SUBJECT (1 << 20)
#define MAX_PATTERN 256

static int repetition_items(const char *p, size_t lp) {
  int n = 0;
  for (size_t i = 0; i < lp; i++) {
    if (p[i] == '%') { i++; continue; }   /* an escape: the next char is a class, not an operator */
    if (p[i] == '[') {                   /* skip a set */
      size_t j = i + 1;
      if (j < lp && p[j] == '^') j++;
      if (j < lp) j++;
      while (j < lp && p[j] != ']') j += p[j] == '%' ? 2 : 1;
      i = j;
      continue;
    }
    if (i > 0 && (p[i] == '*' || p[i] == '-' || p[i] == '+')) n++;
  }
  return n;
}

static int sb_match_guard(lua_State *L) {
  size_t ls, lp;
  luaL_checklstring(L, 1, &ls);
  const char *p = luaL_checklstring(L, 2, &lp);
  const char *name = lua_tostring(L, lua_upvalueindex(3));
  int find = strcmp(name, "find") == 0;
  fl_sb_charge(L, (long long)(ls / 4) + 1);
  if (find && (lua_toboolean(L, 4) || no_specials(p, lp))) return plain_find(L);
  {
    if (lp > MAX_PATTERN) return luaL_error(L, "string.%s: pattern longer than %d bytes", name, MAX_PATTERN);
    int k = repetition_items(p, lp);
    double limit = MAX_MATCH_SUBJECT;
    /* each of the n start positions may backtrack through k repetitions: n^(k+1) */
    if (k >= 1) limit = pow(1e8, 1.0 / (k + 1));
    if ((double)ls > limit)
      return luaL_error(L, "string.%s: a pattern with %d repetitions on a %d-byte subject could run for hours "
                           "(at most %d bytes with this pattern)", name, k, (int)ls, (int)limit);
  }
  lua_getfield(L, lua_upvalueindex(2), name);
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
  return lua_gettop(L);
}

static int sb_rep(lua_State *L) {
  size_t l, lsep = 0;
  luaL_checklstring(L, 1, &l);
  lua_Integer n = luaL_checkinteger(L, 2);
  luaL_optlstring(L, 3, "", &lsep);
  fl_Script *sc = FL_SC(L);
  double want = n > 0 ? (double)(l + lsep) * (double)n : 0;
  if (want > (double)(sc->str_cap ? sc->str_cap : FL_SB_STR_CAP)) {
    sc->exceeded = 2;
    sc->str_hit = 1;
    return luaL_error(L, "memory limit exceeded (string.rep of %I copies: a string over %d KiB, the sandbox's longest)",
                      n, (int)((sc->str_cap ? sc->str_cap : FL_SB_STR_CAP) >> 10));
  }
  if (want > (double)(sc->mem_limit - sc->mem_used)) {
    sc->exceeded = 2;
    return luaL_error(L, "memory limit exceeded (string.rep of %I copies)", n);
  }
  fl_sb_charge(L, (long long)(want / 16) + 1);
  lua_getfield(L, lua_upvalueindex(2), "rep");
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, 1);
  return 1;
}


/* What a charged function costs, from its arguments. */
enum { K_STR, K_COPY, K_INSERT, K_REMOVE, K_SORT, K_RANGE2, K_RANGE3 };

static double range_cost(lua_State *L, int ia) {
  lua_Integer i = luaL_optinteger(L, ia, 1);
  lua_Integer j = lua_isnoneornil(L, ia + 1) ? luaL_len(L, 1) : luaL_checkinteger(L, ia + 1);
  return j >= i ? (double)j - (double)i + 1 : 0;
}

static int charged(lua_State *L) {
  int kind = (int)lua_tointeger(L, lua_upvalueindex(2));
  double cost = 1;
  size_t l = 0;
  switch (kind) {
  case K_STR: case K_COPY:
    if (lua_type(L, 1) == LUA_TSTRING) lua_tolstring(L, 1, &l);
    cost += kind == K_STR ? (double)l / 4 : (double)l / 16;
    break;
  case K_INSERT: case K_REMOVE: { /* the elements after the position move */
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer n = luaL_len(L, 1);
    int at = kind == K_INSERT ? lua_gettop(L) == 3 : lua_gettop(L) >= 2;
    if (at && lua_isinteger(L, 2)) cost += fabs((double)n - (double)lua_tointeger(L, 2)) + 1;
    break;
  }
  case K_SORT: {
    luaL_checktype(L, 1, LUA_TTABLE);
    double n = (double)luaL_len(L, 1);
    cost += n > 1 ? n * log2(n) : 0;
    break;
  }
  case K_RANGE2: luaL_checkany(L, 1); cost += range_cost(L, 2); break; /* unpack(t, i, j), move(a, f, e, ...) */
  case K_RANGE3: luaL_checktype(L, 1, LUA_TTABLE); cost += range_cost(L, 3); break; /* concat(t, sep, i, j) */
  }
  fl_sb_charge(L, cost > 1e15 ? (long long)1e15 : (long long)cost);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
  return lua_gettop(L);
}

/* lib[name] (lib at idx) becomes a charged wrapper of itself. */
static void charge(lua_State *L, int idx, const char *name, int kind) {
  lua_getfield(L, idx, name);
  lua_pushinteger(L, kind);
  lua_pushcclosure(L, charged, 2);
  lua_setfield(L, idx, name);
}

void fl_sb_open_costs(fl_Script *sc, int env) {
  lua_State *L = sc->L;
  int str = lua_gettop(L);
  lua_getglobal(L, "string");
  int real = lua_gettop(L);
  lua_pushlightuserdata(L, sc); lua_pushvalue(L, real); lua_pushcclosure(L, sb_format, 2); lua_setfield(L, str, "format");
  lua_pushlightuserdata(L, sc); lua_pushvalue(L, real); lua_pushcclosure(L, sb_rep, 2); lua_setfield(L, str, "rep");
  static const char *const matchers[] = {"find", "match", "gmatch", "gsub", NULL};
  for (const char *const *m = matchers; *m; m++) {
    lua_pushlightuserdata(L, sc);
    lua_pushvalue(L, real);
    lua_pushstring(L, *m);
    lua_pushcclosure(L, sb_match_guard, 3);
    lua_setfield(L, str, *m);
  }
  lua_pop(L, 1); /* real string */
  static const char *const per_byte[] = {"upper", "lower", "reverse", "byte", NULL};
  for (const char *const *f = per_byte; *f; f++) charge(L, str, *f, K_STR);
  charge(L, str, "sub", K_COPY);
  charge(L, env, "tonumber", K_STR);
  lua_getfield(L, env, "utf8");
  charge(L, lua_gettop(L), "len", K_STR);
  charge(L, lua_gettop(L), "codepoint", K_STR);
  lua_pop(L, 1);
  lua_getfield(L, env, "table");
  int t = lua_gettop(L);
  charge(L, t, "insert", K_INSERT);
  charge(L, t, "remove", K_REMOVE);
  charge(L, t, "sort", K_SORT);
  charge(L, t, "unpack", K_RANGE2);
  charge(L, t, "move", K_RANGE2);
  charge(L, t, "concat", K_RANGE3);
  lua_pop(L, 1);
}
