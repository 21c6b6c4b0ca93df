/* The sandbox: a Lua state with a memory cap, an instruction budget, and an
 * environment that offers only what rule code needs. Nothing reachable from it
 * touches files, the clock, the process or the debug library. */
#define _GNU_SOURCE /* memmem */
#include "fl_script_int.h"
#include "fl_str.h"
#include <lualib.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define HOOK_EVERY 1000

/* ---- memory cap ---- */

static void *sb_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  fl_Script *sc = ud;
  if (nsize == 0) {
    if (!ptr) osize = 0;
    fl_pool_realloc(&sc->pool, ptr, osize, 0);
    sc->mem_used -= osize;
    return NULL;
  }
  /* a new object's osize is its type: a string longer than the cap is refused, so no
   * single instruction (a comparison, a concatenation) works on more than the cap */
  if (!ptr && osize == LUA_TSTRING && nsize > (sc->str_cap ? sc->str_cap : FL_SB_STR_CAP) + 64) {
    sc->str_hit = 1;
    if (sc->exceeded != 1) sc->exceeded = 2;
    return NULL;
  }
  if (!ptr) osize = 0;
  if (nsize > osize && sc->mem_used + (nsize - osize) > sc->mem_limit) {
    if (sc->exceeded != 1) sc->exceeded = 2;
    return NULL;
  }
  void *p = fl_pool_realloc(&sc->pool, ptr, osize, nsize);
  if (!p) return NULL;
  sc->mem_used = sc->mem_used - osize + nsize;
  /* Lua retries a failed allocation after a full collection; if the retry fits, the
   * script is within its cap after all (a real failure raises LUA_ERRMEM instead) */
  if (sc->exceeded == 2 && !sc->mem_raised) sc->exceeded = 0;
  return p;
}

/* ---- instruction budget ---- */

/* Remember where Lua code was running: memory errors and errors raised from C
 * have no location of their own. */
static void note_where(fl_Script *sc, lua_State *L) {
  lua_Debug ar;
  for (int level = 0; lua_getstack(L, level, &ar); level++) {
    if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
      snprintf(sc->where, sizeof sc->where, "%s:%d:", ar.short_src, ar.currentline);
      return;
    }
  }
}

double fl_sb_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* The message of an exceeded limit (sc->exceeded: 1 instructions, 2 memory, 3 clock). */
static void push_exceeded(lua_State *L, fl_Script *sc) {
  if (sc->exceeded == 2) sc->mem_raised = 1; /* pushing the message allocates: keep it sticky */
  if (sc->exceeded == 2 && sc->str_hit)
    lua_pushfstring(L, "memory limit exceeded (a string over %d KiB, the sandbox's longest)",
                    (int)((sc->str_cap ? sc->str_cap : FL_SB_STR_CAP) >> 10));
  else if (sc->exceeded == 2) lua_pushfstring(L, "memory limit exceeded (%d MiB)", (int)(sc->mem_limit >> 20));
  else if (sc->exceeded == 3) lua_pushfstring(L, "time limit exceeded (%f s of wall clock)", sc->deadline_secs);
  else lua_pushfstring(L, "instruction budget exceeded (%I instructions: a loop that never ends, or too much work in one call)", (lua_Integer)sc->budget);
}

static const char *exceeded_word(const fl_Script *sc) {
  return sc->exceeded == 2 ? "memory limit exceeded" : sc->exceeded == 3 ? "time limit exceeded" : "instruction budget exceeded";
}

/* Raise the sticky error of an exceeded limit, located where Lua code last ran. */
static int raise_exceeded(lua_State *L, fl_Script *sc) {
  if (sc->exceeded == 2) sc->mem_raised = 1;
  lua_pushfstring(L, "%s%s", sc->where, *sc->where ? " " : "");
  push_exceeded(L, sc);
  lua_concat(L, 2);
  return lua_error(L);
}

/* Check the instruction count and the clock (and a memory error caught by the script). */
static void check_limits(lua_State *L, fl_Script *sc) {
  if (!sc->exceeded && sc->used > sc->budget) sc->exceeded = 1;
  if (!sc->exceeded && sc->deadline > 0 && fl_sb_now() > sc->deadline) sc->exceeded = 3;
  if (sc->exceeded) raise_exceeded(L, sc); /* sticky: a pcall in the script cannot swallow it */
}

static void sb_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  fl_Script *sc = *(fl_Script **)lua_getextraspace(L);
  sc->used += HOOK_EVERY;
  note_where(sc, L);
  check_limits(L, sc);
}

void fl_sb_charge(lua_State *L, long long units) {
  fl_Script *sc = *(fl_Script **)lua_getextraspace(L);
  if (sc->budget <= 0) return; /* not inside a budgeted call (the engine's own work) */
  sc->used += units;
  if (sc->fast) { /* no clock here: in fast mode the watchdog stops a call that runs on */
    if (sc->used > sc->budget / 2) fl_sb_fast_trip(L, sc); /* near the budget: count exactly */
    if (sc->exceeded) raise_exceeded(L, sc);
    return;
  }
  check_limits(L, sc);
}

void fl_sb_exact_hook(fl_Script *sc) { fl_sb_exact_hook_on(sc->L); }
void fl_sb_exact_hook_on(lua_State *L) { lua_sethook(L, sb_hook, LUA_MASKCOUNT, HOOK_EVERY); }

/* Message handler: a string error keeps its text; any other error object becomes
 * "file:line: error object is a table" at the innermost Lua line. */
static int locate_error(lua_State *L) {
  fl_Script *sc = *(fl_Script **)lua_getextraspace(L);
  lua_Debug ar;
  char at[256] = "";
  for (int level = 0; lua_getstack(L, level, &ar); level++)
    if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
      snprintf(at, sizeof at, "%s:%d:", ar.short_src, ar.currentline);
      break;
    }
  if (!*sc->where && *at) snprintf(sc->where, sizeof sc->where, "%s", at);
  if (lua_type(L, 1) == LUA_TSTRING || lua_type(L, 1) == LUA_TNUMBER) return 1;
  if (lua_isnil(L, 1)) lua_pushfstring(L, "%s%serror (nil error value)", at, *at ? " " : "");
  else lua_pushfstring(L, "%s%serror (the error object is a %s, not a string)", at, *at ? " " : "", luaL_typename(L, 1));
  return 1;
}

int fl_sb_pcall(fl_Script *sc, int nargs, int nres, long long budget) {
  long long saved_budget = sc->budget, saved_used = sc->used;
  double saved_deadline = sc->deadline, saved_secs = sc->deadline_secs;
  int nested = sc->depth > 0; /* a call from inside a call keeps the outer call's limits */
  double now = 0;
  if (!nested) {
    sc->budget = budget;
    sc->used = 0;
    sc->exceeded = 0;
    sc->where[0] = '\0';
    sc->mem_raised = 0;
    sc->str_hit = 0;
    double secs = budget > (sc->call_budget ? sc->call_budget : 10000000LL)
                    ? (sc->load_seconds > 0 ? sc->load_seconds : 30) : (sc->call_seconds > 0 ? sc->call_seconds : 5);
    sc->deadline_secs = secs;
    now = fl_sb_now();
    sc->deadline = now + secs;
    if (sc->outer_deadline > 0 && sc->outer_deadline < sc->deadline) {
      sc->deadline = sc->outer_deadline;
      sc->deadline_secs = sc->outer_secs;
    }
  }
  /* a message handler below the function: errors get a location even when the error
   * object is not a string or Lua code ran too briefly for the hook to note where */
  int base = lua_gettop(sc->L) - nargs;
  /* the engine's own calls find it kept at the bottom of the stack (fl_sb_open): no
   * insert and remove around every call (a game makes thousands) */
  int kept = !nested && base > 1 && lua_tocfunction(sc->L, 1) == locate_error;
  if (!kept) {
    lua_pushcfunction(sc->L, locate_error);
    lua_insert(sc->L, base);
  }
  sc->depth++;
  if (sc->fast && !nested) fl_sb_fast_enter(sc, budget, now);
  int rc = lua_pcall(sc->L, nargs, nres, kept ? 1 : base);
  if (sc->fast && !nested) fl_sb_fast_leave(sc);
  sc->depth--;
  if (!kept) lua_remove(sc->L, base);
  if (rc == LUA_ERRMEM && !sc->exceeded) sc->exceeded = 2;
  if (rc != LUA_OK && sc->exceeded) {
    /* keep the location the hook reported, but make sure the cause is named */
    const char *msg = lua_tostring(sc->L, -1);
    if (sc->exceeded == 2) sc->mem_raised = 1;
    if (!msg || !strstr(msg, exceeded_word(sc))) {
      lua_pop(sc->L, 1);
      lua_pushfstring(sc->L, "%s%s", sc->where, *sc->where ? " " : "");
      push_exceeded(sc->L, sc);
      lua_concat(sc->L, 2);
    }
  }
  if (!nested) {
    sc->exceeded = 0;
    sc->mem_raised = 0;
    sc->budget = 0; /* outside a call: C-side work is the engine's, not charged */
    sc->deadline = 0;
  } else {
    sc->budget = saved_budget;
    sc->used = saved_used;
    sc->deadline = saved_deadline;
    sc->deadline_secs = saved_secs;
  }
  return rc;
}

/* The message of the error on the stack, with errors that passed through nested
 * coroutines ("f.lua:5: f.lua:5: f.lua:5: C stack overflow") folded to one prefix. */

void fl_sb_error_text(fl_Script *sc, char *buf, size_t n) {
  lua_State *L = sc->L;
  const char *m = lua_tostring(L, -1);
  if (!m) m = lua_isnil(L, -1) ? "error (nil error value)" : "error (error object is not a string)";
  const char *colon = strstr(m, ": ");
  if (colon) {
    size_t plen = (size_t)(colon - m) + 2;
    while (strncmp(m + plen, m, plen) == 0) m += plen;
  }
  if (!strchr(m, ':') && *sc->where) snprintf(buf, n, "%s %s", sc->where, m);
  else snprintf(buf, n, "%s", m);
  /* "(global 'tarck')": name what was probably meant, or why it is not there */
  const char *g = strstr(buf, "(global '");
  if (!g) return;
  char name[64];
  const char *q = strchr(g + 9, '\'');
  if (!q || q - (g + 9) >= (int)sizeof name) return;
  snprintf(name, sizeof name, "%.*s", (int)(q - (g + 9)), g + 9);
  static const char *const absent[] = {"io", "os", "debug", "package", "dofile", "loadfile", "loadstring", NULL};
  for (const char *const *a = absent; *a; a++)
    if (!strcmp(name, *a)) {
      snprintf(buf + strlen(buf), n - strlen(buf), "; scenarios run in a sandbox without io, os, debug or package (docs/sandbox.md)");
      return;
    }
  const char *cands[128];
  int nc = 0, top = lua_gettop(L);
  lua_rawgeti(L, LUA_REGISTRYINDEX, sc->env);
  if (fl_sb_is_frozen(L, -1)) { lua_getmetatable(L, -1); lua_getfield(L, -1, "__index"); lua_replace(L, -3); lua_pop(L, 1); }
  lua_pushnil(L);
  while (lua_next(L, -2) && nc < 128) {
    if (lua_type(L, -2) == LUA_TSTRING) cands[nc++] = lua_tostring(L, -2); /* the env keeps the keys alive */
    lua_pop(L, 1);
  }
  const char *sug = fl_str_suggest(name, cands, nc);
  if (sug) snprintf(buf + strlen(buf), n - strlen(buf), " (did you mean '%s'?)", sug);
  lua_settop(L, top);
}

/* ---- the safe library ---- */

/* pcall, xpcall, coroutine.resume and coroutine.wrap, except that once the budget or
 * the memory cap is exceeded the error goes on up: a script cannot catch it and loop. */
static int rethrow_if_exceeded(lua_State *L) {
  fl_Script *sc = *(fl_Script **)lua_getextraspace(L);
  if (!sc->exceeded) return 0;
  note_where(sc, L);
  return raise_exceeded(L, sc);
}

/* Lua calls hooks with hooks off, and an error raised in the hook leaves them off until
 * the nearest pcall returns (in a coroutine: for ever). Any Lua code that runs in that
 * window, an xpcall message handler or a dead coroutine's __close, would run unbudgeted.
 * So once a limit is exceeded no such code is called at all. */
static int safe_handler(lua_State *L) {
  fl_Script *sc = *(fl_Script **)lua_getextraspace(L);
  if (sc->exceeded) { lua_settop(L, 1); return 1; } /* the limit's message, as it is */
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, 1);
  return 1;
}

void fl_sb_safe_handler(lua_State *L, int idx) {
  idx = lua_absindex(L, idx);
  lua_pushvalue(L, idx);
  lua_pushcclosure(L, safe_handler, 1);
  lua_replace(L, idx);
}

/* Coroutines a limit stopped: their hooks are off, so they never run Lua code again
 * (registry "flank.stopped", weak keys: the engine's bookkeeping, invisible to scripts). */
static void mark_stopped(lua_State *L, lua_State *co) {
  lua_getfield(L, LUA_REGISTRYINDEX, "flank.stopped");
  lua_pushthread(co);
  lua_xmove(co, L, 1);
  lua_pushboolean(L, 1);
  lua_rawset(L, -3);
  lua_pop(L, 1);
}

static int is_stopped(lua_State *L, lua_State *co) {
  lua_getfield(L, LUA_REGISTRYINDEX, "flank.stopped");
  lua_pushthread(co);
  lua_xmove(co, L, 1);
  int r = lua_rawget(L, -2) != LUA_TNIL;
  lua_pop(L, 2);
  return r;
}

static int guarded_call(lua_State *L) {
  int is_xpcall = lua_toboolean(L, lua_upvalueindex(2));
  if (is_xpcall) { luaL_checktype(L, 2, LUA_TFUNCTION); fl_sb_safe_handler(L, 2); }
  lua_State *co = !is_xpcall && lua_type(L, 1) == LUA_TTHREAD ? lua_tothread(L, 1) : NULL;
  fl_Script *sc0 = *(fl_Script **)lua_getextraspace(L);
  if (co && sc0->fast) fl_sb_exact_hook_on(co); /* fast mode: a coroutine counts (the watchdog cannot reach it) */
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
  fl_Script *sc = *(fl_Script **)lua_getextraspace(L);
  if (lua_gettop(L) >= 2 && lua_isboolean(L, 1) && !lua_toboolean(L, 1) && lua_type(L, 2) == LUA_TSTRING &&
      !strcmp(lua_tostring(L, 2), "not enough memory")) { /* a memory error caught by the script */
    sc->exceeded = 2;
    sc->mem_raised = 1;
  }
  if (co && sc->exceeded) mark_stopped(L, co);
  rethrow_if_exceeded(L);
  return lua_gettop(L);
}

/* Replace lib[name] (lib at idx) by a guarded wrapper of the same function. */
static void guard(lua_State *L, int idx, const char *name) {
  lua_getfield(L, idx, name);
  lua_pushboolean(L, !strcmp(name, "xpcall"));
  lua_pushcclosure(L, guarded_call, 2);
  lua_setfield(L, idx, name);
}

/* coroutine.close: never on a coroutine a limit stopped, nor while a limit is exceeded. */
static int sb_co_close(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTHREAD);
  rethrow_if_exceeded(L);
  if (is_stopped(L, lua_tothread(L, 1)))
    return luaL_error(L, "coroutine.close: this coroutine was stopped by a limit of the sandbox and cannot run again");
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
  return lua_gettop(L);
}

/* coroutine.wrap's function: resume; on an error close the coroutine (running its
 * __close handlers) only if no limit was exceeded, else leave it stopped and go on up. */
static int wrap_call(lua_State *L) {
  lua_State *co = lua_tothread(L, lua_upvalueindex(1));
  fl_Script *sc = *(fl_Script **)lua_getextraspace(L);
  int n = lua_gettop(L), nres;
  if (is_stopped(L, co)) return luaL_error(L, "this coroutine was stopped by a limit of the sandbox and cannot run again");
  lua_Debug ar;
  if (co == L || (lua_status(co) == LUA_OK && lua_getstack(co, 0, &ar)))
    return luaL_error(L, "cannot resume non-suspended coroutine");
  if ((lua_status(co) == LUA_OK && lua_gettop(co) == 0) || (lua_status(co) != LUA_OK && lua_status(co) != LUA_YIELD))
    return luaL_error(L, "cannot resume dead coroutine");
  if (!lua_checkstack(co, n)) return luaL_error(L, "too many arguments to resume");
  lua_xmove(L, co, n);
  if (sc->fast) fl_sb_exact_hook_on(co);
  int st = lua_resume(co, L, n, &nres);
  if (st == LUA_OK || st == LUA_YIELD) {
    if (!lua_checkstack(L, nres + 1)) { lua_pop(co, nres); return luaL_error(L, "too many results to resume"); }
    lua_xmove(co, L, nres);
    return nres;
  }
  if (sc->exceeded) {
    mark_stopped(L, co);
    return rethrow_if_exceeded(L);
  }
  lua_resetthread(co); /* close its to-be-closed variables; hooks are on in it */
  lua_xmove(co, L, 1);
  if (st != LUA_ERRMEM && lua_type(L, -1) == LUA_TSTRING) {
    luaL_where(L, 1);
    lua_insert(L, -2);
    lua_concat(L, 2);
  }
  rethrow_if_exceeded(L);
  return lua_error(L);
}

static int sb_co_wrap(lua_State *L) {
  luaL_checktype(L, 1, LUA_TFUNCTION);
  lua_State *co = lua_newthread(L);
  lua_pushvalue(L, 1);
  lua_xmove(L, co, 1);
  lua_pushcclosure(L, wrap_call, 1);
  return 1;
}

static int frozen_newindex(lua_State *L) {
  const char *k = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?";
  return luaL_error(L, "cannot set '%s': globals and library tables are frozen after load "
                       "(keep game state in flank.var or the state store)", k);
}


/* A frozen table's length, pairs and next look at the hidden table (upvalue 1). */
static int frozen_len(lua_State *L) {
  lua_pushinteger(L, (lua_Integer)lua_rawlen(L, lua_upvalueindex(1)));
  return 1;
}


/* pairs over a frozen table: its contents' keys, in order; values are read through the
 * proxy (argument 1), so the writable hidden table is never handed to rule code. */
static int frozen_pairs(lua_State *L) {
  lua_settop(L, 1);
  fl_sb_sorted_keys(L, lua_upvalueindex(1));
  lua_pushinteger(L, 0);
  lua_pushcclosure(L, fl_sb_pairs_next, 2);
  lua_pushvalue(L, 1);
  lua_pushnil(L);
  return 3;
}

/* Freeze the table at idx: its contents move to a hidden table behind __index,
 * writes raise an error, and getmetatable/setmetatable cannot undo it. Length,
 * ipairs, pairs and next still see the contents. */
void fl_sb_freeze(lua_State *L, int idx) {
  idx = lua_absindex(L, idx);
  int obj = 0; /* an object (a table with its own metatable) keeps its behaviour */
  if (lua_getmetatable(L, idx)) obj = lua_gettop(L); else lua_pushnil(L);
  lua_newtable(L); /* hidden */
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    lua_pushvalue(L, -2);
    lua_insert(L, -2);
    lua_rawset(L, -4);
  }
  /* clear the visible table, walking the hidden copy's keys (restarting next() on the
   * visible one would scan the cleared slots again each time: quadratic) */
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    lua_pop(L, 1);
    lua_pushvalue(L, -1);
    lua_pushnil(L);
    lua_rawset(L, idx);
  }
  if (obj) { /* missing keys fall to the object's own __index; its operators stay on the proxy */
    lua_pushvalue(L, obj);
    lua_setmetatable(L, -2);
  }
  lua_newtable(L); /* metatable */
  lua_insert(L, -2);
  static const char *const ops[] = {"__add", "__sub", "__mul", "__div", "__mod", "__pow", "__unm", "__idiv", "__band",
                                    "__bor", "__bxor", "__shl", "__shr", "__bnot", "__concat", "__eq", "__lt", "__le",
                                    "__call", "__tostring", "__name", "__close", NULL};
  for (const char *const *o = ops; obj && *o; o++) {
    lua_pushstring(L, *o);
    if (lua_rawget(L, obj) != LUA_TNIL) lua_setfield(L, -3, *o); else lua_pop(L, 1);
  }
  lua_pushvalue(L, -1);
  lua_pushcclosure(L, frozen_len, 1);
  lua_setfield(L, -3, "__len");
  lua_pushvalue(L, -1);
  lua_pushcclosure(L, frozen_pairs, 1);
  lua_setfield(L, -3, "__pairs");
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, frozen_newindex);
  lua_setfield(L, -2, "__newindex");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_pushboolean(L, 1);
  lua_setfield(L, -2, "__flank_frozen");
  lua_setmetatable(L, idx);
  lua_pop(L, 1); /* the object's metatable, or nil */
}

void fl_sb_contents(lua_State *L, int idx) {
  idx = lua_absindex(L, idx);
  if (!lua_istable(L, idx) || luaL_getmetafield(L, idx, "__flank_frozen") == LUA_TNIL) return;
  lua_pop(L, 1);
  if (luaL_getmetafield(L, idx, "__index") == LUA_TTABLE) lua_replace(L, idx); else lua_pop(L, 1);
}

int fl_sb_is_frozen(lua_State *L, int idx) {
  if (!lua_getmetatable(L, idx)) return 0;
  lua_getfield(L, -1, "__flank_frozen");
  int f = lua_toboolean(L, -1);
  lua_pop(L, 2);
  return f;
}

/* Freeze the table at idx and every plain table reachable from its values (tables
 * with a metatable of their own are objects and are left alone). seen is a table
 * at index seen marking what was visited. */
static void freeze_deep(lua_State *L, int idx, int seen) {
  idx = lua_absindex(L, idx);
  lua_pushvalue(L, idx);
  if (lua_rawget(L, seen) != LUA_TNIL) { lua_pop(L, 1); return; }
  lua_pop(L, 1);
  lua_pushvalue(L, idx);
  lua_pushboolean(L, 1);
  lua_rawset(L, seen);
  if (lua_getmetatable(L, idx)) { lua_pop(L, 1); return; }
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    if (lua_type(L, -1) == LUA_TTABLE) freeze_deep(L, -1, seen);
    lua_pop(L, 1);
  }
  fl_sb_freeze(L, idx);
}

void fl_sb_freeze_deep(lua_State *L, int idx) {
  idx = lua_absindex(L, idx);
  lua_newtable(L);
  freeze_deep(L, idx, lua_gettop(L));
  lua_pop(L, 1);
}

static int sb_rawset(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_checkany(L, 2);
  luaL_checkany(L, 3);
  if (fl_sb_is_frozen(L, 1)) return luaL_error(L, "rawset on a frozen table");
  lua_settop(L, 3);
  lua_rawset(L, 1);
  return 1;
}

/* setmetatable, minus what breaks determinism or escapes the budget: weak tables
 * (__mode) change with the collector's timing, and finalizers (__gc) run whenever the
 * collector does, outside the call that is being budgeted. */
static int sb_setmetatable(lua_State *L) {
  if (lua_type(L, 1) == LUA_TTABLE && fl_sb_is_frozen(L, 1)) return luaL_error(L, "cannot change the metatable of a frozen table");
  if (lua_type(L, 2) == LUA_TTABLE) {
    lua_pushliteral(L, "__gc");
    if (lua_rawget(L, 2) != LUA_TNIL) return luaL_error(L, "__gc metamethods are not available in scenarios");
    lua_pushliteral(L, "__mode");
    if (lua_rawget(L, 2) != LUA_TNIL) return luaL_error(L, "weak tables (__mode) are not available in scenarios: they make games differ run to run");
    lua_pop(L, 2);
    /* Install a copy, so adding __gc or __mode to the original later changes nothing;
     * getmetatable still returns the original (through __metatable). */
    lua_newtable(L);
    lua_pushnil(L);
    while (lua_next(L, 2)) {
      lua_pushvalue(L, -2);
      lua_insert(L, -2);
      lua_rawset(L, -4);
    }
    lua_pushliteral(L, "__metatable");
    if (lua_rawget(L, -2) == LUA_TNIL) {
      lua_pop(L, 1);
      lua_pushvalue(L, 2);
      lua_setfield(L, -2, "__metatable");
    } else lua_pop(L, 1);
    lua_replace(L, 2);
  }
  lua_getglobal(L, "setmetatable"); /* the real one lives in the hidden globals */
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, 1);
  return 1;
}

/* tostring without addresses: they leak ASLR and differ run to run. */
int fl_sb_tostring(lua_State *L) {
  luaL_checkany(L, 1);
  int t = lua_type(L, 1);
  if (t == LUA_TTABLE || t == LUA_TFUNCTION || t == LUA_TTHREAD || t == LUA_TUSERDATA || t == LUA_TLIGHTUSERDATA) {
    if (luaL_getmetafield(L, 1, "__tostring") != LUA_TNIL) {
      lua_pushvalue(L, 1);
      lua_call(L, 1, 1);
      if (!lua_isstring(L, -1)) return luaL_error(L, "'__tostring' must return a string");
      return 1;
    }
    lua_pushstring(L, lua_typename(L, t));
    return 1;
  }
  luaL_tolstring(L, 1, NULL);
  return 1;
}

static int sb_print(lua_State *L) {
  fl_Script *sc = *(fl_Script **)lua_getextraspace(L);
  FILE *out = sc->fast_out ? sc->fast_out : stderr; /* a fast game's is held (fl_fast.c) */
  int n = lua_gettop(L);
  for (int i = 1; i <= n; i++) {
    lua_pushcfunction(L, fl_sb_tostring);
    lua_pushvalue(L, i);
    lua_call(L, 1, 1);
    if (i > 1) fputc('\t', out);
    fl_str_fput_term(out, lua_tostring(L, -1), 1); /* no escape sequences reach the terminal */
    lua_pop(L, 1);
  }
  fputc('\n', out);
  return 0;
}

static int sb_collectgarbage(lua_State *L) {
  const char *opt = luaL_optstring(L, 1, "count");
  if (strcmp(opt, "count") != 0) return luaL_error(L, "collectgarbage: only \"count\" is available in scenarios");
  /* memory in use differs between a worker's first game and its second, and with --jobs:
   * a result that depends on it would too, so after loading it stays what loading left */
  fl_Script *sc = *(fl_Script **)lua_getextraspace(L);
  size_t kb = sc->mem_at_load ? sc->mem_at_load : sc->mem_used;
  lua_pushnumber(L, (lua_Number)(kb >> 10));
  return 1;
}

static void set_env(lua_State *L, int fidx, int envidx) {
  fidx = lua_absindex(L, fidx);
  lua_pushvalue(L, envidx);
  if (!lua_setupvalue(L, fidx, 1)) lua_pop(L, 1);
}

/* load(chunk [, name [, mode [, env]]]): text only, the sandbox environment by default. */
static int sb_load(lua_State *L) {
  fl_Script *sc = FL_SC(L);
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len); /* reader functions are not offered */
  const char *name = luaL_optstring(L, 2, "=(load)");
  const char *mode = luaL_optstring(L, 3, "t");
  if (strchr(mode, 'b')) return luaL_error(L, "load: binary chunks are not allowed in scenarios");
  if (len && s[0] == '\x1b') return luaL_error(L, "load: binary chunks are not allowed in scenarios");
  int status = luaL_loadbufferx(L, s, len, name, "t");
  if (status != LUA_OK) {
    luaL_pushfail(L);
    lua_insert(L, -2);
    return 2;
  }
  if (!lua_isnone(L, 4)) set_env(L, -1, 4);
  else {
    lua_rawgeti(L, LUA_REGISTRYINDEX, sc->env);
    set_env(L, -2, lua_gettop(L));
    lua_pop(L, 1);
  }
  return 1;
}

static int sb_require(lua_State *L);

/* Copy library `name` from the hidden globals into env, minus `drop` keys. */
static void copy_lib(lua_State *L, int env, const char *name, const char *const *drop) {
  lua_newtable(L);
  lua_getglobal(L, name);
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    int skip = 0;
    for (const char *const *d = drop; d && *d; d++)
      if (strcmp(lua_tostring(L, -2), *d) == 0) skip = 1;
    if (skip) { lua_pop(L, 1); continue; }
    lua_pushvalue(L, -2);
    lua_insert(L, -2);
    lua_rawset(L, -5);
  }
  lua_pop(L, 1);
  lua_setfield(L, env, name);
}

void fl_sb_close(fl_Script *sc) {
  if (sc->L) lua_close(sc->L);
  sc->L = NULL;
  fl_pool_free(&sc->pool);
}

int fl_sb_open(fl_Script *sc) {
  lua_State *L = lua_newstate(sb_alloc, sc);
  if (!L) return -1;
  sc->L = L;
  *(fl_Script **)lua_getextraspace(L) = sc;
  lua_pushcfunction(L, locate_error); /* kept at index 1: fl_sb_pcall's message handler */
  luaL_openlibs(L); /* the real libraries stay in the registry's globals, out of reach */
  lua_sethook(L, sb_hook, LUA_MASKCOUNT, HOOK_EVERY);

  lua_newtable(L);
  int env = lua_gettop(L);
  static const char *const base[] = {"assert", "error", "ipairs", "pcall", "xpcall", "rawequal",
                                     "rawget", "rawlen", "select", "getmetatable", "tonumber", "type", NULL};
  for (const char *const *b = base; *b; b++) {
    lua_getglobal(L, *b);
    lua_setfield(L, env, *b);
  }
  lua_pushliteral(L, "Lua 5.4");
  lua_setfield(L, env, "_VERSION");
  lua_pushcfunction(L, sb_rawset); lua_setfield(L, env, "rawset");
  lua_pushcfunction(L, sb_setmetatable); lua_setfield(L, env, "setmetatable");
  lua_pushcfunction(L, fl_sb_tostring); lua_setfield(L, env, "tostring");
  lua_pushcfunction(L, sb_print); lua_setfield(L, env, "print");
  lua_pushcfunction(L, fl_sb_pairs); lua_setfield(L, env, "pairs");
  lua_pushcfunction(L, fl_sb_next); lua_setfield(L, env, "next");
  lua_pushcfunction(L, sb_collectgarbage); lua_setfield(L, env, "collectgarbage");
  lua_pushlightuserdata(L, sc); lua_pushcclosure(L, sb_load, 1); lua_setfield(L, env, "load");
  lua_pushlightuserdata(L, sc); lua_pushcclosure(L, sb_require, 1); lua_setfield(L, env, "require");

  static const char *const nodump[] = {"dump", NULL};
  copy_lib(L, env, "string", nodump);
  copy_lib(L, env, "table", NULL);
  static const char *const norand[] = {"random", "randomseed", NULL};
  copy_lib(L, env, "math", norand);
  copy_lib(L, env, "utf8", NULL);
  copy_lib(L, env, "coroutine", NULL);
  guard(L, env, "pcall");
  guard(L, env, "xpcall");
  lua_getfield(L, env, "coroutine");
  guard(L, lua_gettop(L), "resume");
  lua_getfield(L, -1, "close");
  lua_pushcclosure(L, sb_co_close, 1);
  lua_setfield(L, -2, "close");
  lua_pushcfunction(L, sb_co_wrap);
  lua_setfield(L, -2, "wrap");
  lua_pop(L, 1);
  lua_newtable(L); /* coroutines stopped by a limit (weak keys: bookkeeping only) */
  lua_pushliteral(L, "k");
  lua_setfield(L, -2, "__mode");
  lua_pushvalue(L, -1);
  lua_setmetatable(L, -2);
  lua_setfield(L, LUA_REGISTRYINDEX, "flank.stopped");

  lua_getfield(L, env, "string");
  int str = lua_gettop(L);
  fl_sb_open_costs(sc, env); /* C functions whose work the instruction count does not see */
  /* strings' methods go to the sandbox's string table; hide the metatable */
  lua_pushliteral(L, "");
  lua_getmetatable(L, -1);
  lua_pushvalue(L, str);
  lua_setfield(L, -2, "__index");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 3); /* metatable, "", sandbox string */

  lua_pushvalue(L, env);
  lua_setfield(L, env, "_G");
  sc->env = luaL_ref(L, LUA_REGISTRYINDEX);

  lua_newtable(L);
  lua_setfield(L, LUA_REGISTRYINDEX, "flank.loaded");
  return 0;
}

/* Load a source file as a text chunk whose environment is the sandbox; hash it. */
int fl_sb_load_file(fl_Script *sc, const char *path, const char *chunkname) {
  lua_State *L = sc->L;
  size_t len;
  char *text = fl_str_read_file_ex(path, &len, sc->from_user);
  if (!text) {
    lua_pushfstring(L, "%s: cannot read: %s", path, fl_str_read_why());
    return -1;
  }
  if (len && text[0] == '\x1b') {
    free(text);
    lua_pushfstring(L, "%s: binary (precompiled) chunks are not allowed", path);
    return -1;
  }
  sc->hash = fl_fnv64(sc->hash, text, len);
  fl_str_note_loaded(chunkname[0] == '@' ? chunkname + 1 : path);
  int rc = luaL_loadbufferx(L, text, len, chunkname, "t");
  free(text);
  if (rc != LUA_OK) return -1;
  lua_rawgeti(L, LUA_REGISTRYINDEX, sc->env);
  set_env(L, -2, lua_gettop(L));
  lua_pop(L, 1);
  return 0;
}

/* require "name" loads <scenario>/name.lua; require "other/name" loads a sibling
 * scenario's module (or, with no sibling "other", the module of the scenario the id "other"
 * names), so scenarios can share rules. Names are [a-z0-9_] only, and the resolved file must
 * lie inside the scenarios folder it was found in (no .., no absolute paths, no symlinks out). */
static int sb_require(lua_State *L) {
  fl_Script *sc = FL_SC(L);
  const char *name = luaL_checkstring(L, 1);
  int slashes = 0, ok = *name != '\0' && *name != '/';
  for (const char *p = name; *p && ok; p++) {
    if (*p == '/') { slashes++; ok = p[1] != '\0' && p[1] != '/'; }
    else ok = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_';
  }
  if (!ok || slashes > 1)
    return luaL_error(L, "require '%s': module names are [a-z0-9_] or 'scenario/module' (no paths)", name);
  lua_getfield(L, LUA_REGISTRYINDEX, "flank.loaded");
  if (lua_getfield(L, -1, name) != LUA_TNIL) return 1;
  lua_pop(L, 1);
  char path[PATH_MAX], real[PATH_MAX], rootreal[PATH_MAX], root[PATH_MAX];
  snprintf(root, sizeof root, "%s", sc->root);
  if (slashes) snprintf(path, sizeof path, "%s/%s.lua", root, name);
  else snprintf(path, sizeof path, "%s/%s.lua", sc->dir, name);
  /* another scenario's module that is not a sibling: that scenario as its id is looked up */
  for (const char *p = sc->path; slashes && p && *p && !realpath(path, real);) {
    size_t k = strcspn(p, ":");
    snprintf(root, sizeof root, "%.*s", (int)k, p);
    snprintf(path, sizeof path, "%s/%s.lua", root, name);
    p += k + (p[k] == ':');
  }
  if (!realpath(path, real)) {
    if (slashes) snprintf(path, sizeof path, "%s/%s.lua", sc->root, name);
    return luaL_error(L, "require '%s': no module %s", name, path);
  }
  if (!realpath(root, rootreal) || strncmp(real, rootreal, strlen(rootreal)) != 0 ||
      real[strlen(rootreal)] != '/')
    return luaL_error(L, "require '%s': %s leads outside the scenarios folder", name, path);
  char chunk[PATH_MAX + 1];
  snprintf(chunk, sizeof chunk, "@%s", path);
  if (fl_sb_load_file(sc, path, chunk) != 0) return lua_error(L);
  lua_pushstring(L, name);
  lua_call(L, 1, 1);
  if (lua_isnil(L, -1)) { lua_pop(L, 1); lua_pushboolean(L, 1); }
  lua_pushvalue(L, -1);
  lua_setfield(L, -3, name);
  return 1;
}
