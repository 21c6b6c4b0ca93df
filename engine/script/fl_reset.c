/* Nothing carries over between games. A batch worker plays many games in one Lua state,
 * so after load everything rule code can reach becomes read-only, all the way down:
 * globals, library copies, the flank API, required modules, policy files, and the tables
 * held in the upvalues (file-level locals) of every function, objects with metatables
 * included. What cannot be frozen is recorded at load and put back at the start of every
 * game: scalar upvalues, the state of C closures (a gmatch iterator's position, a pairs
 * iterator's index) and coroutines (an unstarted one is replaced by a fresh one; one that
 * loading already started cannot be reset and is refused). */
#include "fl_script_int.h"
#include <string.h>

enum { REC_VALUE = 1, REC_BYTES, REC_THREAD };

typedef struct Walk { lua_State *L; int seen, list, n, depth; } Walk;

static void walk_value(Walk *w, int idx);

/* Record {function, upvalue index, kind, a[, b]} in the list. */
static void record(Walk *w, int f, int i, int kind, int a, int b) {
  lua_State *L = w->L;
  lua_createtable(L, 5, 0);
  lua_pushvalue(L, f); lua_rawseti(L, -2, 1);
  lua_pushinteger(L, i); lua_rawseti(L, -2, 2);
  lua_pushinteger(L, kind); lua_rawseti(L, -2, 3);
  lua_pushvalue(L, a); lua_rawseti(L, -2, 4);
  if (b) { lua_pushvalue(L, b); lua_rawseti(L, -2, 5); }
  lua_rawseti(L, w->list, ++w->n);
}

static void walk_table(Walk *w, int t) {
  lua_State *L = w->L;
  if (lua_getmetatable(L, t)) { /* an object: its metatable is the sandbox's private copy */
    int mt = lua_gettop(L);
    if (lua_getfield(L, mt, "__flank_frozen") != LUA_TNIL) { lua_pop(L, 2); return; }
    lua_pop(L, 1);
    lua_pushnil(L); /* its functions may hold state; the copy itself stays as it is (the VM reads it raw) */
    while (lua_next(L, mt)) {
      if (lua_type(L, -1) == LUA_TFUNCTION || lua_type(L, -1) == LUA_TTABLE) walk_value(w, lua_gettop(L));
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
  lua_pushnil(L);
  while (lua_next(L, t)) {
    walk_value(w, lua_gettop(L));
    lua_pop(L, 1);
  }
  fl_sb_freeze(L, t);
}

/* Upvalue i of f (on the top) that cannot be frozen: record how to put it back. */
static void record_scalar(Walk *w, int f, int i) {
  lua_State *L = w->L;
  int v = lua_gettop(L), ty = lua_type(L, v);
  if (ty == LUA_TTHREAD) {
    lua_State *co = lua_tothread(L, v);
    lua_Debug ar;
    if (lua_status(co) != LUA_OK || lua_getstack(co, 0, &ar) || lua_gettop(co) != 1 || !lua_isfunction(co, 1))
      luaL_error(L, "a coroutine started while loading would carry its state from game to game; create it in setup or an effect");
    lua_pushvalue(co, 1);
    lua_xmove(co, L, 1);
    walk_value(w, lua_gettop(L));
    record(w, f, i, REC_THREAD, lua_gettop(L), 0);
    lua_pop(L, 1);
  } else if (ty == LUA_TUSERDATA) { /* a C closure's state (gmatch): its bytes */
    lua_pushlstring(L, lua_touserdata(L, v), lua_rawlen(L, v));
    record(w, f, i, REC_BYTES, v, lua_gettop(L));
    lua_pop(L, 1);
  } else record(w, f, i, REC_VALUE, v, 0);
}

static void walk_function(Walk *w, int f) {
  lua_State *L = w->L;
  int c = lua_iscfunction(L, f);
  for (int i = 1;; i++) {
    const char *name = lua_getupvalue(L, f, i);
    if (!name) break;
    int ty = lua_type(L, -1);
    if (ty == LUA_TFUNCTION || (ty == LUA_TTABLE && !c)) walk_value(w, lua_gettop(L)); /* _ENV too: load(s, n, "t", env) */
    else if (ty != LUA_TTABLE) record_scalar(w, f, i); /* a C closure's tables are the engine's own */
    lua_pop(L, 1);
  }
}

static void walk_value(Walk *w, int idx) {
  lua_State *L = w->L;
  int ty = lua_type(L, idx);
  if (ty != LUA_TTABLE && ty != LUA_TFUNCTION) return;
  lua_pushvalue(L, idx);
  if (lua_rawget(L, w->seen) != LUA_TNIL) { lua_pop(L, 1); return; }
  lua_pop(L, 1);
  lua_pushvalue(L, idx);
  lua_pushboolean(L, 1);
  lua_rawset(L, w->seen);
  if (++w->depth > 200) luaL_error(L, "tables or functions nested more than 200 deep");
  luaL_checkstack(L, 16, "tables nested too deep");
  if (ty == LUA_TTABLE) walk_table(w, lua_absindex(L, idx));
  else walk_function(w, lua_absindex(L, idx));
  w->depth--;
}

/* The walk's seen-set and record list live in the registry, so a policy file loaded
 * later is walked against the same ones. */
static Walk walk_begin(lua_State *L) {
  Walk w = {L, 0, 0, 0, 0};
  if (lua_getfield(L, LUA_REGISTRYINDEX, "flank.seen") != LUA_TTABLE) {
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushvalue(L, -1);
    lua_setfield(L, LUA_REGISTRYINDEX, "flank.seen");
  }
  w.seen = lua_gettop(L);
  if (lua_getfield(L, LUA_REGISTRYINDEX, "flank.upvalues") != LUA_TTABLE) {
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushvalue(L, -1);
    lua_setfield(L, LUA_REGISTRYINDEX, "flank.upvalues");
  }
  w.list = lua_gettop(L);
  w.n = (int)lua_rawlen(L, w.list);
  return w;
}

/* Arg: lightuserdata fl_Script. Runs protected: a deep structure is an error, not a crash. */
static int protected_freeze(lua_State *L) {
  fl_Script *sc = lua_touserdata(L, 1);
  lua_settop(L, 0);
  Walk w = walk_begin(L); /* 1: seen, 2: records */
  lua_getfield(L, LUA_REGISTRYINDEX, "flank.loaded");
  walk_value(&w, 3);
  lua_pop(L, 1);
  lua_rawgeti(L, LUA_REGISTRYINDEX, sc->fns); /* rule functions (the table itself stays the engine's) */
  lua_pushnil(L);
  while (lua_next(L, 3)) { walk_value(&w, 5); lua_pop(L, 1); }
  lua_pop(L, 1);
  for (int i = 0; i < sc->npol; i++) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, sc->pols[i].ref);
    walk_value(&w, 3);
    lua_pop(L, 1);
  }
  if (lua_getfield(L, LUA_REGISTRYINDEX, "flank.setup") == LUA_TFUNCTION) walk_value(&w, 3);
  lua_pop(L, 1);
  lua_rawgeti(L, LUA_REGISTRYINDEX, sc->env);
  walk_value(&w, 3);
  lua_pop(L, 1);
  return 0;
}

int fl_reset_freeze(fl_Script *sc, char *err, size_t errn) {
  lua_State *L = sc->L;
  lua_pushcfunction(L, protected_freeze);
  lua_pushlightuserdata(L, sc);
  if (fl_sb_pcall(sc, 1, 0, sc->load_budget) != LUA_OK) {
    char lm[600];
    fl_sb_error_text(sc, lm, sizeof lm);
    snprintf(err, errn, "%s/scenario.lua: %s", sc->dir, lm);
    lua_pop(L, 1);
    return -1;
  }
  return 0;
}

/* Arg: the value to walk. */
static int protected_freeze_one(lua_State *L) {
  Walk w = walk_begin(L);
  walk_value(&w, 1);
  return 0;
}

int fl_reset_freeze_top(fl_Script *sc, const char *file, char *err, size_t errn) {
  lua_State *L = sc->L;
  lua_pushcfunction(L, protected_freeze_one);
  lua_pushvalue(L, -2);
  if (fl_sb_pcall(sc, 1, 0, sc->load_budget) != LUA_OK) {
    char lm[600];
    fl_sb_error_text(sc, lm, sizeof lm);
    snprintf(err, errn, "%s: %s", file, lm);
    lua_pop(L, 1);
    return -1;
  }
  return 0;
}

void fl_reset_restore(lua_State *L) {
  if (lua_getfield(L, LUA_REGISTRYINDEX, "flank.upvalues") != LUA_TTABLE) { lua_pop(L, 1); return; }
  int list = lua_gettop(L);
  luaL_checkstack(L, 8, NULL);
  for (lua_Integer k = 1; lua_rawgeti(L, list, k) == LUA_TTABLE; k++) {
    int r = lua_gettop(L);
    lua_rawgeti(L, r, 1); /* f */
    lua_rawgeti(L, r, 2);
    int i = (int)lua_tointeger(L, -1);
    lua_pop(L, 1);
    lua_rawgeti(L, r, 3);
    int kind = (int)lua_tointeger(L, -1);
    lua_pop(L, 1);
    lua_rawgeti(L, r, 4); /* a */
    if (kind == REC_THREAD) { /* a fresh coroutine of the same function */
      lua_State *co = lua_newthread(L);
      lua_pushvalue(L, -2);
      lua_xmove(L, co, 1);
      lua_replace(L, -2);
    } else if (kind == REC_BYTES) {
      lua_rawgeti(L, r, 5);
      size_t n;
      const char *b = lua_tolstring(L, -1, &n);
      if (lua_rawlen(L, -2) == n) memcpy(lua_touserdata(L, -2), b, n);
      lua_pop(L, 1);
    }
    if (!lua_setupvalue(L, r + 1, i)) lua_pop(L, 1);
    lua_settop(L, r - 1);
  }
  lua_pop(L, 2);
  /* No full collection here: what an earlier game left as garbage is invisible to a script
   * (collectgarbage("count") reads what loading left; __gc and __mode are refused) and to
   * the memory cap (sb_alloc refuses, Lua collects and retries), and collecting a loaded
   * scenario's whole heap before every game was a tenth of a short game's time. */
}

/* 1 if every recorded upvalue is as loading left it: a game's state can then be copied
 * whole from the store (fl_ens_share.c plays on from such copies). */
int fl_reset_pristine(lua_State *L) {
  if (lua_getfield(L, LUA_REGISTRYINDEX, "flank.upvalues") != LUA_TTABLE) { lua_pop(L, 1); return 1; }
  int list = lua_gettop(L), same = 1;
  if (!lua_checkstack(L, 8)) { lua_pop(L, 1); return 0; }
  for (lua_Integer k = 1; same && lua_rawgeti(L, list, k) == LUA_TTABLE; k++) {
    int r = lua_gettop(L);
    lua_rawgeti(L, r, 1); /* f */
    lua_rawgeti(L, r, 2);
    int i = (int)lua_tointeger(L, -1);
    lua_rawgeti(L, r, 3);
    int kind = (int)lua_tointeger(L, -1);
    lua_rawgeti(L, r, 4); /* a */
    if (!lua_getupvalue(L, r + 1, i)) lua_pushnil(L); /* now */
    int a = r + 4, now = r + 5;
    if (kind == REC_THREAD) { /* still the fresh coroutine of the recorded function */
      lua_State *co = lua_tothread(L, now);
      same = co && lua_status(co) == LUA_OK && lua_gettop(co) == 1;
      if (same) { lua_pushvalue(co, 1); lua_xmove(co, L, 1); same = lua_rawequal(L, -1, a); }
    } else if (kind == REC_BYTES) {
      lua_rawgeti(L, r, 5);
      size_t n;
      const char *b = lua_tolstring(L, -1, &n);
      same = lua_type(L, now) == LUA_TUSERDATA && lua_rawlen(L, now) == n && !memcmp(lua_touserdata(L, now), b, n);
    } else same = lua_rawequal(L, a, now);
    lua_settop(L, r - 1);
  }
  lua_settop(L, list - 1);
  return same;
}
