/* The scenario test runner: test(), play{} and expect() for test files, run in
 * a sandbox of their own (no io, os or debug; an instruction budget and a wall
 * clock limit per test). play{} loads each scenario once per test file and
 * resets its game per seed. Policy sets and sweep files for batches are in
 * fl_tester_sets.c; the tables play{} returns are built in fl_tester_game.c. */
#define _POSIX_C_SOURCE 200809L
#include "fl_tester.h"
#include "fl_tester_int.h"
#include "fl_fmt.h"
#include "fl_stats.h"
#include "fl_script_int.h"
#include "fl_str.h"
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define HOOK_EVERY 1000
#define MAX_CACHE 8
#define MAX_SEEDS 1000000

/* One test file's context. The sandbox comes first: the hook finds the rest from it. */
typedef struct Tester {
  fl_Script sb;                 /* the test file's own Lua state (no scenario in it) */
  const fl_TestOpts *o;
  const char *file;
  char dir[PATH_MAX];           /* the test file's folder */
  char scenario[PATH_MAX];      /* default scenario folder, "" if the file is not in one */
  struct { char *key; fl_Script *sc; } cache[MAX_CACHE];
  int ncache;
  int tests;                    /* registry ref: list of {name, fn, timeout} */
  int running;                  /* inside a test function */
  double deadline, timeout;     /* monotonic seconds; 0 = none */
  int timed_out;
  int fail_line;                /* line of the failing expect(), 0 if unknown */
  char game[64], repro[1024];   /* the last play{} of the running test */
  char lang[16];                /* its language, for the repro command */
} Tester;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* ---- budget and clock ---- */

static void t_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  Tester *t = *(Tester **)lua_getextraspace(L);
  t->sb.used += HOOK_EVERY;
  if (t->sb.exceeded == 2) luaL_error(L, "memory limit exceeded");
  if (t->sb.used > t->sb.budget) {
    t->sb.exceeded = 1;
    luaL_error(L, "instruction budget exceeded (%I instructions)", (lua_Integer)t->sb.budget);
  }
  if (t->timed_out || (t->deadline > 0 && now() > t->deadline)) {
    t->timed_out = 1; /* sticky: a pcall in the test cannot swallow it */
    t->sb.exceeded = 3; /* and no message handler or __close runs with hooks off */
    luaL_error(L, "test timed out after %f s", t->timeout);
  }
}

/* lua_pcall with this test's budget and deadline; leaves the message on error. */
static int t_pcall(Tester *t, int nargs, int nres, double timeout) {
  lua_State *L = t->sb.L;
  t->sb.budget = t->o->budget > 0 ? t->o->budget : 1000000000LL;
  t->sb.used = 0;
  t->sb.exceeded = 0;
  t->timed_out = 0;
  t->timeout = timeout;
  t->deadline = timeout > 0 ? now() + timeout : 0;
  int rc = lua_pcall(L, nargs, nres, 0);
  if (rc != LUA_OK && (t->timed_out || t->sb.exceeded == 2)) {
    lua_pop(L, 1);
    if (t->timed_out) lua_pushfstring(L, "%s: test timed out after %f s", t->file, timeout);
    else lua_pushfstring(L, "%s: memory limit exceeded", t->file);
  }
  t->deadline = 0;
  return rc;
}

static void check_time(lua_State *L, Tester *t) {
  if (t->deadline > 0 && now() > t->deadline) {
    t->timed_out = 1;
    t->sb.exceeded = 3;
    luaL_error(L, "test timed out after %f s in play{}", t->timeout);
  }
}

/* pcall and xpcall for test code: they catch errors, but not the time limit, the
 * instruction budget or the memory cap, so `while true do pcall(f) end` still stops. */
static int t_catch(lua_State *L, int rc, int base) {
  Tester *t = lua_touserdata(L, lua_upvalueindex(1));
  if (rc != LUA_OK && (t->timed_out || t->sb.exceeded)) return lua_error(L);
  if (rc != LUA_OK) t->fail_line = 0; /* a caught expect() failure is not the test's failure */
  lua_pushboolean(L, rc == LUA_OK);
  if (rc == LUA_OK) lua_replace(L, base);
  else { lua_insert(L, -2); return 2; }
  return lua_gettop(L) - base + 1;
}

/* Arg: f, ... Ret: true, results | false, message. */
static int l_pcall(lua_State *L) {
  luaL_checkany(L, 1);
  lua_pushnil(L); /* slot 1 becomes the status */
  lua_insert(L, 1);
  return t_catch(L, lua_pcall(L, lua_gettop(L) - 2, LUA_MULTRET, 0), 1);
}

/* Arg: f, handler, ... Ret: true, results | false, handler(message). */
static int l_xpcall(lua_State *L) {
  luaL_checktype(L, 2, LUA_TFUNCTION);
  fl_sb_safe_handler(L, 2);
  lua_pushvalue(L, 1);
  lua_pushvalue(L, 2);
  lua_replace(L, 1); /* handler at 1, f at 2 */
  lua_replace(L, 2);
  return t_catch(L, lua_pcall(L, lua_gettop(L) - 2, LUA_MULTRET, 1), 1);
}

/* ---- options tables ---- */

void fl_tester_check_keys(lua_State *L, int idx, const char *what, const char *const *keys) {
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    lua_pop(L, 1);
    const char *k = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    int ok = 0, n = 0;
    for (; keys[n]; n++) ok |= k && !strcmp(k, keys[n]);
    if (!ok) {
      const char *s = k ? fl_str_suggest(k, keys, n) : NULL;
      luaL_error(L, "%s: unknown option '%s'%s%s%s", what, k ? k : luaL_typename(L, -1),
                 s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
    }
  }
}

/* Integer field k of the table at idx, or dflt when absent; must be >= min. */
static lua_Integer opt_int(lua_State *L, int idx, const char *what, const char *k, lua_Integer dflt, lua_Integer min) {
  lua_Integer v = dflt;
  if (lua_getfield(L, idx, k) != LUA_TNIL) {
    int isnum;
    v = lua_tointegerx(L, -1, &isnum);
    if (!isnum || v < min) luaL_error(L, "%s: %s must be a whole number >= %d", what, k, (int)min);
  }
  lua_pop(L, 1);
  return v;
}

/* String field k of the table at idx or NULL; the table keeps it alive. */
const char *fl_tester_opt_str(lua_State *L, int idx, const char *what, const char *k) {
  const char *v = NULL;
  int ty = lua_getfield(L, idx, k);
  if (ty == LUA_TSTRING) v = lua_tostring(L, -1);
  else if (ty != LUA_TNIL) luaL_error(L, "%s: %s must be a string, not %s", what, k, lua_typename(L, ty));
  lua_pop(L, 1);
  return v;
}

/* ---- play{} ---- */

static fl_Script *get_script(lua_State *L, Tester *t, const char *scen, const char *lang) {
  char where[PATH_MAX], key0[PATH_MAX + 32];
  if (!scen) {
    if (!t->scenario[0])
      luaL_error(L, "play: %s is not in a scenario's tests folder; name one: play{ scenario = \"tutorial\", ... }", t->file);
    snprintf(where, sizeof where, "%s", t->scenario);
  } else if (scen[0] != '/' && (strchr(scen, '/') || scen[0] == '.'))
    snprintf(where, sizeof where, "%s/%s", t->dir, scen); /* a path: relative to the test file */
  else snprintf(where, sizeof where, "%s", scen);
  snprintf(key0, sizeof key0, "%s#%s", where, lang); /* each language is its own load (flank.lang) */
  for (int i = 0; i < t->ncache; i++)
    if (!strcmp(t->cache[i].key, key0)) return t->cache[i].sc;
  char err[1024];
  fl_ScriptOpts so = {0};
  so.lang = lang;
  so.no_class = 1; /* tests check the model as its author wrote it, not a class's settings */
  so.set = t->o->set; /* flank test --set: the same tests under another assumption */
  so.nset = t->o->nset;
  fl_Script *sc = fl_script_load(where, t->o->scenarios_root, &so, err, sizeof err);
  if (!sc) luaL_error(L, "play: %s", err);
  fl_game_set_turn_hashes(fl_script_game(sc), 0); /* tests read outcomes, not replay hashes */
  char *key = fl_str_dup(key0);
  if (!key) { fl_script_free(sc); luaL_error(L, "not enough memory"); }
  if (t->ncache == MAX_CACHE) { /* many scenarios in one file: drop the oldest */
    fl_script_free(t->cache[0].sc);
    free(t->cache[0].key);
    memmove(&t->cache[0], &t->cache[1], (MAX_CACHE - 1) * sizeof t->cache[0]);
    t->ncache--;
  }
  t->cache[t->ncache].key = key;
  t->cache[t->ncache++].sc = sc;
  return sc;
}

/* How to name the scenario on a command line: its id if it is a shipped one. */
static void scenario_arg(Tester *t, fl_Script *sc, char *buf, size_t n) {
  const char *id = fl_script_def(sc)->id, *dir = fl_script_dir(sc), *root = t->o->scenarios_root;
  size_t rl = root ? strlen(root) : 0;
  if (root && !strncmp(dir, root, rl) && dir[rl] == '/' && !strcmp(dir + rl + 1, id)) snprintf(buf, n, "%s", id);
  else snprintf(buf, n, "%s", dir);
}

/* Remember the play{} that a failure will point at, as a command that replays it. */
static void note_play(Tester *t, fl_Script *sc, uint64_t seed, lua_Integer seeds, lua_Integer turns) {
  const fl_Def *d = fl_script_def(sc);
  char scen[PATH_MAX];
  scenario_arg(t, sc, scen, sizeof scen);
  size_t n = sizeof t->repro, k;
  if (seeds) {
    snprintf(t->game, sizeof t->game, "seeds %llu..%llu", (unsigned long long)seed, (unsigned long long)(seed + (uint64_t)seeds - 1));
    k = (size_t)snprintf(t->repro, n, "flank batch %s --runs %lld --seed-base %llu", scen, (long long)seeds, (unsigned long long)seed);
  } else {
    snprintf(t->game, sizeof t->game, "seed %llu", (unsigned long long)seed);
    k = (size_t)snprintf(t->repro, n, "flank run %s --seed %llu", scen, (unsigned long long)seed);
  }
  for (int i = 0; i < d->nside && k < n; i++)
    k += (size_t)snprintf(t->repro + k, n - k, " --side %s=%s", d->sides[i].id, fl_script_policy(sc, i));
  if (strcmp(t->lang, "en") && *t->lang && k < n) k += (size_t)snprintf(t->repro + k, n - k, " --lang %s", t->lang);
  if (turns && k < n) k += (size_t)snprintf(t->repro + k, n - k, " --turns %lld", (long long)turns);
  char num[40];
  for (int i = 0; i < d->nparam && k < n; i++) /* parameters set by play{ set = ... } */
    if (fl_game_param(fl_script_game(sc), i) != d->params[i].value)
      k += (size_t)snprintf(t->repro + k, n - k, " --set %s=%s", d->params[i].id, fl_fmt_exact(fl_game_param(fl_script_game(sc), i), num, sizeof num));
  if (seeds && k < n) snprintf(t->repro + k, n - k, " --summary");
}

/* Play one game the way `flank run` does, so the repro command gives the same game.
 * The test's clock runs on: no rule call and no action of the game passes its deadline. */
static int run_game(Tester *t, fl_Script *sc, uint64_t seed, lua_Integer turns) {
  fl_Game *g = fl_script_game(sc);
  sc->outer_deadline = t->deadline;
  sc->outer_secs = t->timeout;
  int st = fl_game_start(g, seed);
  while (st == FL_GAME_WAITING && (!turns || fl_game_state(g)->turn <= turns)) {
    fl_Choice ch;
    if (t->deadline > 0 && now() > t->deadline) { t->timed_out = 1; t->sb.exceeded = 3; break; }
    st = fl_script_choose(sc, &ch) ? FL_GAME_ERROR : fl_game_choose(g, &ch);
  }
  sc->outer_deadline = 0;
  if (t->deadline > 0 && now() > t->deadline) { t->timed_out = 1; t->sb.exceeded = 3; }
  return st < 0 || t->timed_out ? FL_GAME_ERROR : st;
}

/* Many games: games, endings, ending_rate, unfinished, tracks.<id> = stats, turns = stats. */
static void play_many(lua_State *L, Tester *t, fl_Script *sc, uint64_t base, lua_Integer n, lua_Integer turns) {
  const fl_Def *d = fl_script_def(sc);
  int nt = d->ntrack, ne = d->nending;
  /* Lua owns the buffer, so an error mid-way frees it */
  double *vals = lua_newuserdatauv(L, sizeof(double) * (size_t)(nt + 1) * (size_t)n + sizeof(double) * (size_t)(ne + 1), 0);
  double *count = vals + (size_t)(nt + 1) * (size_t)n; /* per ending, then unfinished */
  for (int e = 0; e <= ne; e++) count[e] = 0;
  for (lua_Integer i = 0; i < n; i++) {
    if ((i & 15) == 0) check_time(L, t);
    uint64_t seed = base + (uint64_t)i;
    if (run_game(t, sc, seed, turns) == FL_GAME_ERROR) {
      note_play(t, sc, seed, 0, turns);
      luaL_error(L, "play: the game with seed %I failed: %s", (lua_Integer)seed, fl_game_error(fl_script_game(sc)));
    }
    const fl_State *s = fl_game_state(fl_script_game(sc));
    for (int k = 0; k < nt; k++) vals[(size_t)k * (size_t)n + (size_t)i] = s->tracks[k].value;
    vals[(size_t)nt * (size_t)n + (size_t)i] = s->turn - (fl_game_status(fl_script_game(sc)) == FL_GAME_WAITING && s->turn > 0);
    count[s->ending >= 0 ? s->ending : ne] += 1;
  }
  lua_createtable(L, 0, 8);
  lua_pushinteger(L, n); lua_setfield(L, -2, "games");
  lua_pushinteger(L, (lua_Integer)base); lua_setfield(L, -2, "seed_base");
  lua_pushinteger(L, (lua_Integer)count[ne]); lua_setfield(L, -2, "unfinished");
  lua_createtable(L, 0, ne);
  lua_createtable(L, 0, ne);
  for (int e = 0; e < ne; e++) {
    lua_pushinteger(L, (lua_Integer)count[e]); lua_setfield(L, -3, d->endings[e].id);
    lua_pushnumber(L, count[e] / (double)n); lua_setfield(L, -2, d->endings[e].id);
  }
  fl_tester_set_strict(L, "ending");
  lua_setfield(L, -3, "ending_rate");
  fl_tester_set_strict(L, "ending");
  lua_setfield(L, -2, "endings");
  lua_createtable(L, 0, nt);
  for (int k = 0; k < nt; k++) {
    fl_tester_push_stats(L, vals + (size_t)k * (size_t)n, (int)n);
    lua_setfield(L, -2, d->tracks[k].id);
  }
  fl_tester_set_strict(L, "track");
  lua_setfield(L, -2, "tracks");
  fl_tester_push_stats(L, vals + (size_t)nt * (size_t)n, (int)n);
  lua_setfield(L, -2, "turns");
  lua_remove(L, -2); /* the buffer */
}

/* set = { id = value }: the parameters of this play{} (the others keep their values in force;
 * the script is shared by the file's play{} calls, so every call starts from those). */
static void apply_params(lua_State *L, fl_Script *sc) {
  const fl_Def *d = fl_script_def(sc);
  fl_Game *g = fl_script_game(sc);
  fl_script_reset_params(sc);
  int ty = lua_getfield(L, 1, "set");
  if (ty == LUA_TNIL) { lua_pop(L, 1); return; }
  if (ty != LUA_TTABLE) luaL_error(L, "play: set must be a table { parameter = value }");
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    const char *id = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?";
    int p = fl_def_param(d, id);
    if (p < 0) {
      const char *sg = fl_def_param_suggest(d, id);
      luaL_error(L, "play: set: scenario '%s' has no parameter '%s'%s%s%s", d->id, id, sg ? " (did you mean '" : "",
                 sg ? sg : "", sg ? "'?)" : "");
    }
    if (lua_type(L, -1) != LUA_TNUMBER) luaL_error(L, "play: set: %s must be a number", id);
    double v = lua_tonumber(L, -1);
    if (fl_game_set_param(g, p, v)) { /* (lua_pushfstring knows no %g) */
      char a[40], lo[40], hi[40];
      luaL_error(L, "play: set: %s=%s is outside its range %s..%s", id, fl_fmt_exact(v, a, sizeof a),
                 fl_fmt_exact(d->params[p].min, lo, sizeof lo), fl_fmt_exact(d->params[p].max, hi, sizeof hi));
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

/* Arg: {scenario?, seed? | seeds? + seed_base?, policy?, side? = {role = policy}, turns?, set?}.
 * Ret: one game's result (seed, or neither) or an aggregate of many (seeds). */
static int l_play(lua_State *L) {
  Tester *t = lua_touserdata(L, lua_upvalueindex(1));
  static const char *const keys[] = {"scenario", "seed", "seeds", "seed_base", "policy", "side", "turns", "set", "lang", NULL};
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_settop(L, 1);
  fl_tester_check_keys(L, 1, "play", keys);
  const char *scen = fl_tester_opt_str(L, 1, "play", "scenario");
  const char *lang = fl_tester_opt_str(L, 1, "play", "lang"); /* play{ lang = "pl" }: as flank run --lang pl */
  if (!lang) lang = t->o->lang && *t->o->lang ? t->o->lang : "en";
  lua_Integer seed = opt_int(L, 1, "play", "seed", -1, 0);
  lua_Integer seeds = opt_int(L, 1, "play", "seeds", 0, 1);
  lua_Integer base = opt_int(L, 1, "play", "seed_base", -1, 0);
  lua_Integer turns = opt_int(L, 1, "play", "turns", 0, 1);
  if (seed >= 0 && seeds) return luaL_error(L, "play: give seed (one game) or seeds (many), not both");
  if (base >= 0 && !seeds) return luaL_error(L, "play: seed_base goes with seeds");
  if (seeds > MAX_SEEDS) return luaL_error(L, "play: at most %d seeds in one play{}", MAX_SEEDS);
  char *role[FL_MAX_SIDES], *pol[FL_MAX_SIDES];
  fl_PolicySet ps = {"play", (char *)fl_tester_opt_str(L, 1, "play", "policy"), 0, role, pol, 0, NULL};
  int ty = lua_getfield(L, 1, "side"); /* stays on the stack: keeps the strings alive */
  if (ty == LUA_TTABLE) {
    lua_pushnil(L);
    while (lua_next(L, 2)) {
      if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING)
        return luaL_error(L, "play: side = { role = \"policy\", ... } takes strings");
      if (ps.n == FL_MAX_SIDES) return luaL_error(L, "play: too many sides");
      role[ps.n] = (char *)lua_tostring(L, -2);
      pol[ps.n++] = (char *)lua_tostring(L, -1);
      lua_pop(L, 1);
    }
  } else if (ty != LUA_TNIL) return luaL_error(L, "play: side must be a table { role = \"policy\" }");
  fl_Script *sc = get_script(L, t, scen, lang);
  snprintf(t->lang, sizeof t->lang, "%s", lang);
  char err[1024];
  if (fl_test_apply_policies(sc, &ps, err, sizeof err)) return luaL_error(L, "play: %s", err);
  apply_params(L, sc);
  if (seeds) {
    uint64_t b = base >= 0 ? (uint64_t)base : 1;
    note_play(t, sc, b, seeds, turns);
    play_many(L, t, sc, b, seeds, turns);
    note_play(t, sc, b, seeds, turns);
    return 1;
  }
  uint64_t s = seed >= 0 ? (uint64_t)seed : 1;
  check_time(L, t);
  note_play(t, sc, s, 0, turns);
  if (run_game(t, sc, s, turns) == FL_GAME_ERROR)
    return luaL_error(L, "play: the game with seed %I failed: %s", (lua_Integer)s, fl_game_error(fl_script_game(sc)));
  fl_tester_push_game(L, sc, s);
  return 1;
}

/* ---- expect(v).check(x) ---- */

static const char *const CHECKS[] = {"eq", "ne", "gt", "ge", "lt", "le", "near", "is_true", "is_false",
                                     "matches", "contains", NULL};
enum { C_EQ, C_NE, C_GT, C_GE, C_LT, C_LE, C_NEAR, C_TRUE, C_FALSE, C_MATCHES, C_CONTAINS };

/* A short, readable rendering of the value at idx. */
static void describe(lua_State *L, int idx, char *buf, size_t n) {
  idx = lua_absindex(L, idx);
  switch (lua_type(L, idx)) {
  case LUA_TNUMBER:
    if (lua_isinteger(L, idx)) snprintf(buf, n, "%lld", (long long)lua_tointeger(L, idx));
    else snprintf(buf, n, "%.10g", lua_tonumber(L, idx));
    break;
  case LUA_TSTRING: snprintf(buf, n, "\"%.80s%s\"", lua_tostring(L, idx), lua_rawlen(L, idx) > 80 ? "..." : ""); break;
  case LUA_TBOOLEAN: snprintf(buf, n, "%s", lua_toboolean(L, idx) ? "true" : "false"); break;
  case LUA_TTABLE: {
    lua_Integer len = (lua_Integer)lua_rawlen(L, idx);
    if (!len) { snprintf(buf, n, "a table"); break; }
    size_t k = (size_t)snprintf(buf, n, "{");
    for (lua_Integer i = 1; i <= len && i <= 8 && k < n; i++) {
      char item[100];
      lua_rawgeti(L, idx, i);
      if (lua_type(L, -1) == LUA_TTABLE) snprintf(item, sizeof item, "{...}");
      else describe(L, -1, item, sizeof item);
      lua_pop(L, 1);
      k += (size_t)snprintf(buf + k, n - k, "%s%s", i > 1 ? ", " : "", item);
    }
    if (k < n) snprintf(buf + k, n - k, "%s}", len > 8 ? ", ..." : "");
    break;
  }
  default: snprintf(buf, n, "%s", luaL_typename(L, idx));
  }
}

static int contains(lua_State *L, int hay, int needle) {
  if (lua_type(L, hay) == LUA_TSTRING && lua_type(L, needle) == LUA_TSTRING)
    return strstr(lua_tostring(L, hay), lua_tostring(L, needle)) != NULL;
  if (lua_type(L, hay) != LUA_TTABLE) return 0;
  lua_pushnil(L);
  while (lua_next(L, hay)) {
    if (lua_compare(L, -1, needle, LUA_OPEQ)) { lua_pop(L, 2); return 1; }
    lua_pop(L, 1);
  }
  return 0;
}

/* Upvalues: the value, the check's index, the tester. Args: what to compare with. */
static int expect_check(lua_State *L) {
  Tester *t = lua_touserdata(L, lua_upvalueindex(3));
  int c = (int)lua_tointeger(L, lua_upvalueindex(2));
  if (lua_getmetatable(L, 1)) { /* expect(v):eq(x) works like expect(v).eq(x) */
    luaL_getmetatable(L, "flank.test.expect");
    int self = lua_rawequal(L, -1, -2);
    lua_pop(L, 2);
    if (self) lua_remove(L, 1);
  }
  lua_settop(L, 2);
  lua_pushvalue(L, lua_upvalueindex(1)); /* 3: the value */
  int v = 3, x = 1;
  int ok = 0, num = lua_type(L, v) == LUA_TNUMBER && lua_type(L, x) == LUA_TNUMBER;
  int str = lua_type(L, v) == LUA_TSTRING && lua_type(L, x) == LUA_TSTRING;
  char got[400], want[400], why[900];
  describe(L, v, got, sizeof got);
  describe(L, x, want, sizeof want);
  switch (c) {
  case C_EQ: ok = lua_compare(L, v, x, LUA_OPEQ); snprintf(why, sizeof why, "expected %s, got %s", want, got); break;
  case C_NE: ok = !lua_compare(L, v, x, LUA_OPEQ); snprintf(why, sizeof why, "expected anything but %s", want); break;
  case C_GT: case C_GE: case C_LT: case C_LE: {
    static const char *const ops[] = {">", ">=", "<", "<="};
    const char *op = ops[c - C_GT];
    if (!num && !str) { snprintf(why, sizeof why, "%s needs two numbers, got %s and %s", CHECKS[c], got, want); break; }
    if (c == C_GT) ok = lua_compare(L, x, v, LUA_OPLT);
    if (c == C_GE) ok = lua_compare(L, x, v, LUA_OPLE);
    if (c == C_LT) ok = lua_compare(L, v, x, LUA_OPLT);
    if (c == C_LE) ok = lua_compare(L, v, x, LUA_OPLE);
    snprintf(why, sizeof why, "expected %s %s %s", got, op, want);
    break;
  }
  case C_NEAR: {
    double tol = luaL_optnumber(L, 2, 1e-9);
    if (!num) { snprintf(why, sizeof why, "near needs two numbers, got %s and %s", got, want); break; }
    double d = fabs(lua_tonumber(L, v) - lua_tonumber(L, x));
    ok = d <= tol;
    snprintf(why, sizeof why, "expected %s within %g of %s, but it is off by %g", got, tol, want, d);
    break;
  }
  case C_TRUE: ok = lua_toboolean(L, v); snprintf(why, sizeof why, "expected a true value, got %s", got); break;
  case C_FALSE: ok = !lua_toboolean(L, v); snprintf(why, sizeof why, "expected false or nil, got %s", got); break;
  case C_MATCHES:
    if (!str) { snprintf(why, sizeof why, "matches needs a string and a pattern, got %s and %s", got, want); break; }
    lua_rawgeti(L, LUA_REGISTRYINDEX, t->sb.env); /* the sandbox's guarded string.find */
    lua_getfield(L, -1, "string");
    lua_getfield(L, -1, "find");
    lua_pushvalue(L, v);
    lua_pushvalue(L, x);
    lua_call(L, 2, 1);
    ok = !lua_isnil(L, -1);
    lua_settop(L, 3);
    snprintf(why, sizeof why, "expected %s to match the pattern %s", got, want);
    break;
  case C_CONTAINS:
    ok = contains(L, v, x);
    snprintf(why, sizeof why, "expected %s to contain %s", got, want);
    break;
  }
  if (ok) return 0;
  lua_Debug ar;
  if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "l", &ar)) t->fail_line = ar.currentline;
  return luaL_error(L, "expect(...).%s: %s", CHECKS[c], why);
}

/* __index of expect(v): the check named by the key, bound to v. */
static int expect_index(lua_State *L) {
  const char *k = luaL_checkstring(L, 2);
  int c = 0, n = 0;
  while (CHECKS[n]) n++;
  while (CHECKS[c] && strcmp(CHECKS[c], k)) c++;
  if (!CHECKS[c]) {
    const char *s = fl_str_suggest(k, CHECKS, n);
    return luaL_error(L, "expect(...).%s: no such check%s%s%s (eq ne gt ge lt le near is_true is_false matches contains)",
                      k, s ? "; did you mean '" : "", s ? s : "", s ? "'?" : "");
  }
  lua_rawgeti(L, 1, 1);
  lua_pushinteger(L, c);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_pushcclosure(L, expect_check, 3);
  return 1;
}

/* Arg: any value. Ret: an object whose checks (.eq(x), .gt(x), ...) raise on failure. */
static int l_expect(lua_State *L) {
  lua_settop(L, 1);
  lua_createtable(L, 1, 0);
  lua_pushvalue(L, 1);
  lua_rawseti(L, -2, 1);
  luaL_setmetatable(L, "flank.test.expect");
  return 1;
}

/* Arg: name, [opts {timeout = seconds}], fn. Registers a test; tests run after the file loads. */
static int l_test(lua_State *L) {
  Tester *t = lua_touserdata(L, lua_upvalueindex(1));
  static const char *const keys[] = {"timeout", NULL};
  if (t->running) return luaL_error(L, "test() inside a test: declare tests at the top level of the file");
  luaL_checkstring(L, 1);
  double timeout = t->o->timeout > 0 ? t->o->timeout : 60;
  int fi = 2;
  if (lua_istable(L, 2)) {
    fl_tester_check_keys(L, 2, "test", keys);
    if (lua_getfield(L, 2, "timeout") != LUA_TNIL) {
      if (!lua_isnumber(L, -1) || lua_tonumber(L, -1) <= 0) return luaL_error(L, "test: timeout must be a positive number of seconds");
      timeout = lua_tonumber(L, -1);
    }
    lua_pop(L, 1);
    fi = 3;
  }
  luaL_checktype(L, fi, LUA_TFUNCTION);
  lua_rawgeti(L, LUA_REGISTRYINDEX, t->tests);
  lua_createtable(L, 3, 0);
  lua_pushvalue(L, 1); lua_rawseti(L, -2, 1);
  lua_pushvalue(L, fi); lua_rawseti(L, -2, 2);
  lua_pushnumber(L, timeout); lua_rawseti(L, -2, 3);
  lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
  return 0;
}

/* ---- running a file ---- */

/* Line n of the file, trimmed, into buf; 0 if there is none. */
static int source_line(const char *path, int line, char *buf, size_t n) {
  size_t len;
  char *text = line > 0 ? fl_str_read_file(path, &len) : NULL;
  if (!text) return 0;
  char *p = text;
  for (int i = 1; i < line && p; i++) { p = strchr(p, '\n'); if (p) p++; }
  int ok = p && *p;
  if (ok) {
    while (*p == ' ' || *p == '\t') p++;
    size_t k = strcspn(p, "\r\n");
    snprintf(buf, n, "%.*s", (int)k, p);
  }
  free(text);
  return ok;
}

static void tester_close(Tester *t) {
  for (int i = 0; i < t->ncache; i++) { fl_script_free(t->cache[i].sc); free(t->cache[i].key); }
  fl_sb_close(&t->sb);
  free(t->sb.dir);
  free(t->sb.root);
}

/* Where the default scenario of a test file is: <scenario>/tests/<file>.lua. */
static void find_scenario(Tester *t) {
  t->scenario[0] = '\0';
  const char *slash = strrchr(t->dir, '/');
  const char *base = slash ? slash + 1 : t->dir;
  if (strcmp(base, "tests") != 0) return;
  if (!slash) snprintf(t->scenario, sizeof t->scenario, ".");
  else snprintf(t->scenario, sizeof t->scenario, "%.*s", (int)(slash - t->dir), t->dir);
  char probe[PATH_MAX + 16];
  snprintf(probe, sizeof probe, "%s/scenario.lua", t->scenario);
  FILE *f = fopen(probe, "r");
  if (f) fclose(f); else t->scenario[0] = '\0';
}

static void run_tests(Tester *t, int *passed, int *failed) {
  lua_State *L = t->sb.L;
  lua_rawgeti(L, LUA_REGISTRYINDEX, t->tests);
  int list = lua_gettop(L), n = (int)lua_rawlen(L, list);
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, list, i);
    lua_rawgeti(L, -1, 1);
    char name[256];
    snprintf(name, sizeof name, "%s", lua_tostring(L, -1));
    lua_pop(L, 1);
    lua_rawgeti(L, -1, 3);
    double timeout = lua_tonumber(L, -1);
    lua_pop(L, 1);
    lua_rawgeti(L, -1, 2);
    lua_remove(L, -2);
    t->game[0] = t->repro[0] = '\0';
    t->fail_line = 0;
    t->running = 1;
    double t0 = now();
    int rc = t_pcall(t, 0, 0, timeout);
    t->running = 0;
    fl_TestCase tc = {t->file, name, rc == LUA_OK, NULL, NULL, NULL, NULL, now() - t0};
    char msg[2048], src[512];
    if (rc != LUA_OK) {
      fl_sb_error_text(&t->sb, msg, sizeof msg);
      lua_pop(L, 1);
      int line = t->fail_line;
      size_t fl = strlen(t->file);
      if (!line && !strncmp(msg, t->file, fl) && msg[fl] == ':') line = atoi(msg + fl + 1);
      tc.message = msg;
      if (source_line(t->file, line, src, sizeof src)) tc.source = src;
      if (t->game[0]) { tc.game = t->game; tc.repro = t->repro; }
      (*failed)++;
    } else (*passed)++;
    if (t->o->report) t->o->report(t->o->ud, &tc);
    lua_gc(L, LUA_GCCOLLECT, 0); /* results of play{} can be large: free them between tests */
  }
  lua_pop(L, 1);
}

int fl_test_run_file(const char *path, const fl_TestOpts *opts, int *passed, char *err, size_t errn) {
  Tester *t = calloc(1, sizeof *t);
  if (!t) { snprintf(err, errn, "out of memory"); return -1; }
  *passed = 0;
  t->o = opts;
  t->file = path;
  snprintf(t->dir, sizeof t->dir, "%s", path);
  char *slash = strrchr(t->dir, '/');
  if (slash) *slash = '\0'; else snprintf(t->dir, sizeof t->dir, ".");
  find_scenario(t);
  char root[PATH_MAX + 4];
  snprintf(root, sizeof root, "%s/..", t->dir);
  t->sb.dir = fl_str_dup(t->dir);
  t->sb.root = fl_str_dup(root);
  t->sb.mem_limit = (size_t)256 << 20;
  t->sb.hash = FL_FNV_INIT;
  if (!t->sb.dir || !t->sb.root || fl_sb_open(&t->sb)) {
    snprintf(err, errn, "out of memory");
    tester_close(t);
    free(t);
    return -1;
  }
  lua_State *L = t->sb.L;
  lua_sethook(L, t_hook, LUA_MASKCOUNT, HOOK_EVERY); /* the sandbox's budget plus a clock */
  lua_newtable(L);
  t->tests = luaL_ref(L, LUA_REGISTRYINDEX);
  luaL_newmetatable(L, "flank.test.expect");
  lua_pushlightuserdata(L, t);
  lua_pushcclosure(L, expect_index, 1);
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
  lua_rawgeti(L, LUA_REGISTRYINDEX, t->sb.env);
  static const lua_CFunction fns[] = {l_test, l_play, l_expect}; /* in the order of fl_test_globals */
  for (int i = 0; i < 3; i++) { lua_pushlightuserdata(L, t); lua_pushcclosure(L, fns[i], 1); lua_setfield(L, -2, fl_test_globals()[i]); }
  lua_pushlightuserdata(L, t); lua_pushcclosure(L, l_pcall, 1); lua_setfield(L, -2, "pcall");
  lua_pushlightuserdata(L, t); lua_pushcclosure(L, l_xpcall, 1); lua_setfield(L, -2, "xpcall");
  lua_pop(L, 1);
  char chunk[PATH_MAX + 2];
  snprintf(chunk, sizeof chunk, "@%s", path);
  double timeout = opts->timeout > 0 ? opts->timeout : 60;
  if (fl_sb_load_file(&t->sb, path, chunk) != 0 || t_pcall(t, 0, 0, timeout) != LUA_OK) {
    fl_sb_error_text(&t->sb, err, errn);
    tester_close(t);
    free(t);
    return -1;
  }
  int failed = 0;
  run_tests(t, passed, &failed);
  tester_close(t);
  free(t);
  return failed;
}

const char *const *fl_test_globals(void) {
  static const char *const names[] = {"test", "play", "expect", NULL};
  return names;
}
