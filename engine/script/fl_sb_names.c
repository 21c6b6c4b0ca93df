/* fl_sb_names: the flank API tables answer a name they do not have with an error at the
 * line that reads it ("flank.track.ad does not exist (did you mean flank.track.add?)"),
 * not with a nil that fails later as "attempt to call a nil value". The __index sits on
 * the table's contents, so it stays there when fl_sb_freeze moves them behind a proxy. */
#include "fl_script_int.h"
#include "fl_str.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_cstr(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

/* A missing field of an API table (arg 1: its contents, arg 2: the key): an error with the
 * nearest name, not a nil called later. Only misses come here: a hit never reaches __index. */
static int api_miss(lua_State *L) {
  if (lua_type(L, 2) != LUA_TSTRING) return 0; /* flank[1], ipairs(flank.track): nil */
  const char *key = lua_tostring(L, 2), *name = "flank", *cand[64];
  if (lua_getmetatable(L, 1) && lua_getfield(L, -1, "__name") == LUA_TSTRING) name = lua_tostring(L, -1);
  int n = 0;
  lua_pushnil(L);
  while (lua_next(L, 1)) {
    lua_pop(L, 1);
    if (lua_type(L, -1) == LUA_TSTRING && n < 64) cand[n++] = lua_tostring(L, -1); /* the table keeps the string alive */
  }
  const char *s = fl_str_suggest(key, cand, n);
  if (s) return luaL_error(L, "%s.%s does not exist (did you mean %s.%s?)", name, key, name, s);
  qsort(cand, (size_t)n, sizeof *cand, cmp_cstr);
  char list[600] = "";
  for (int i = 0, o = 0; i < n && o < (int)sizeof list; i++) o += snprintf(list + o, sizeof list - (size_t)o, "%s%s", i ? ", " : "", cand[i]);
  return luaL_error(L, "%s.%s does not exist (%s has %s)", name, key, name, list);
}

void fl_sb_strict_names(lua_State *L, int idx, const char *name) {
  idx = lua_absindex(L, idx);
  lua_createtable(L, 0, 3);
  lua_pushcfunction(L, api_miss); lua_setfield(L, -2, "__index");
  lua_pushstring(L, name); lua_setfield(L, -2, "__name");
  lua_pushboolean(L, 0); lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, idx);
}
