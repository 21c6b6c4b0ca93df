/* Definitions: the functions a scenario calls while it loads (scenario{}, side{},
 * track{}, decision{}, event{}, ending{}, ...). Each records its table and the
 * line it was called from; fl_defs_build then checks every key and reference and
 * fills the core's fl_Def, so errors name the file and line of the definition (an unknown or
 * mistyped key: the key's own line, as flank lint gives it). */
#include "fl_defs_int.h"
#include "fl_move.h"
#include "fl_colour.h"
#include "fl_lint.h"
#include "fl_state.h"
#include "fl_str.h"
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Definitions are plain tables written by a stranger: read them raw (no metamethods
 * run) and treat anything that is not a table as empty, so building the definition
 * cannot raise an error outside a protected call. */
#include "fl_defs_short.h"
int rget(lua_State *L, int t, const char *k) {
  t = lua_absindex(L, t);
  if (!lua_istable(L, t)) { lua_pushnil(L); return LUA_TNIL; }
  lua_pushstring(L, k);
  return lua_rawget(L, t);
}

int rlen(lua_State *L, int t) { return lua_istable(L, t) ? (int)lua_rawlen(L, t) : 0; }

typedef struct Kind { const char *name; const char *const *keys; } Kind;

static const char *const K_SCENARIO[] = {"id", "title", "version", "authors", "blurb", "sources", "start",
                                         "turns", "turns_cap", "step", "language", "map", "stacking", NULL};
static const char *const K_SIDE[] = {"id", "name", "text", "playable", "team", "colour", NULL};
static const char *const K_PHASE[] = {"id", "name", "side", NULL};
static const char *const K_TRACK[] = {"id", "name", "min", "max", "start", "unit", "unit_one", "text", "source",
                                      "visible", "better", "visible_to", "short", NULL};
static const char *const K_AREA[] = {"id", "name", "terrain", "country", "owner", "ring", "holes",
                                     "props", "adjacent", "important", NULL};
static const char *const K_PLACE[] = {"id", "area", "lon", "lat", "name", "population", NULL};
static const char *const K_PIECE[] = {"id", "name", "symbol", "mp", "terrain", "stop_at_enemy", "hidden", NULL};
static const char *const K_DECISION[] = {"id", "side", "phase", "title", "text", "source", "when", "once",
                                         "options", NULL};
static const char *const K_OPTION[] = {"id", "label", "text", "cost", "requires", "effect", "delay",
                                       "preview", "target", "legal", "min", "max", "again", NULL};
static const char *const K_EVENT[] = {"id", "title", "text", "source", "on", "chance", "when", "effect",
                                      "once", "silent", NULL};
static const char *const K_ENDING[] = {"id", "title", "text", "when", "default", NULL};
static const char *const K_POLICY[] = {"id", "side", "choose", "name", "text", NULL};
static const char *const K_OVERLAY[] = {"id", "name", "prop", "max", "unit", "text", "source", NULL};
static const char *const K_PROPERTY[] = {"id", "name", "unit", "unit_one", "text", "visible_to", "values", NULL};

static const Kind KINDS[] = {
  {"scenario", K_SCENARIO}, {"side", K_SIDE}, {"phase", K_PHASE}, {"track", K_TRACK},
  {"area", K_AREA}, {"place", K_PLACE}, {"piece_type", K_PIECE}, {"decision", K_DECISION},
  {"event", K_EVENT}, {"ending", K_ENDING}, {"policy", K_POLICY}, {"overlay", K_OVERLAY},
  {"property", K_PROPERTY}, {"parameter", fl_defs_k_parameter}, {"source", fl_defs_k_source},
  {"evidence", fl_defs_k_evidence}, {"question", fl_defs_k_question}, {NULL, NULL}};

static int nkeys(const char *const *k) { int n = 0; while (k[n]) n++; return n; }

/* Raise msg at key `key` (sub: a key in its table) of the definition `kind` called from the
 * caller's line (option > 0: of its option'th option): at the key's own line where the source
 * shows it, as flank lint points (fl_lint_key_line), else at the call. */
static int raise_at_key(lua_State *L, const char *kind, int option, const char *key, const char *sub, const char *msg) {
  lua_Debug ar;
  if (!lua_getstack(L, 1, &ar) || !lua_getinfo(L, "Sl", &ar) || ar.currentline <= 0) return luaL_error(L, "%s", msg);
  int line = ar.source[0] == '@' ? fl_lint_key_line(ar.source + 1, kind, ar.currentline, option, key, sub) : ar.currentline;
  lua_pushfstring(L, "%s:%d: %s", ar.short_src, line, msg);
  return lua_error(L);
}

/* Check a definition table's keys; raise at the key's line on an unknown one. */
static void check_keys(lua_State *L, int t, const char *what, const char *const *keys, const char *kind, int option) {
  lua_pushnil(L);
  while (lua_next(L, t)) {
    lua_pop(L, 1);
    if (lua_type(L, -1) != LUA_TSTRING) {
      if (lua_type(L, -1) == LUA_TNUMBER) continue; /* array part, e.g. options */
      luaL_error(L, "%s: keys must be names", what);
    }
    const char *k = lua_tostring(L, -1);
    int known = 0;
    for (int i = 0; keys[i]; i++) known |= strcmp(keys[i], k) == 0;
    if (!known) {
      const char *s = fl_str_suggest_key(k, keys, nkeys(keys));
      char m[400];
      if (s) snprintf(m, sizeof m, "%s: unknown key '%s' (did you mean '%s'?)", what, k, s);
      else snprintf(m, sizeof m, "%s: unknown key '%s'", what, k);
      raise_at_key(L, kind, option, k, NULL, m);
    }
  }
}

/* scenario{ map = ... } reads the map at once, so the rest of the file can read its areas
 * (flank.area.list, .get, .neighbors) while it loads. */
static void map_now(lua_State *L, fl_Script *sc) {
  if (sc->map_read || rget(L, 1, "map") != LUA_TSTRING) { lua_pop(L, 1); return; }
  char err[700];
  int rc = fl_defs_read_map(sc, lua_tostring(L, -1), 0, err, sizeof err);
  lua_pop(L, 1);
  if (rc && !strncmp(err, "scenario:", 9)) luaL_error(L, "%s", err); /* the scenario{} call's line */
  if (rc) { lua_pushstring(L, err); lua_error(L); } /* "map:line: what": the map file's place, not the scenario's */
}

/* Check every key's value against its documented type, in the kind's key order (so the
 * first mistake reported does not depend on hashing); raise naming the value written. */
static void check_types(lua_State *L, int t, const char *what, const char *kind, const char *def, int option) {
  const char *const *keys = fl_defs_keys(kind);
  char m[400], sub[64], full[512];
  for (int i = 0; keys && keys[i]; i++) {
    rget(L, t, keys[i]);
    int bad = fl_defs_check_value(L, -1, kind, keys[i], m, sizeof m, sub, sizeof sub);
    lua_pop(L, 1);
    if (bad) {
      snprintf(full, sizeof full, "%s: %s", what, m);
      raise_at_key(L, def, option, keys[i], sub, full); /* at the key, as lint */
    }
  }
}

/* def_<kind>{...}: validate keys, remember the table with its source line. */
static int def_record(lua_State *L) {
  fl_Script *sc = FL_SC(L);
  const Kind *k = &KINDS[lua_tointeger(L, lua_upvalueindex(2))];
  if (!sc->loading) return luaL_error(L, "%s{}: definitions are only allowed while the scenario loads", k->name);
  if (lua_type(L, 1) != LUA_TTABLE)
    return luaL_error(L, "%s{...} expects a table (write %s{ id = \"...\", ... })", k->name, k->name);
  lua_settop(L, 1);
  char what[96];
  rget(L, 1, "id");
  if (lua_type(L, -1) == LUA_TSTRING) snprintf(what, sizeof what, "%s '%s'", k->name, lua_tostring(L, -1));
  else snprintf(what, sizeof what, "%s", k->name);
  lua_pop(L, 1);
  check_keys(L, 1, what, k->keys, k->name, 0);
  check_types(L, 1, what, k->name, k->name, 0);
  if (strcmp(k->name, "decision") == 0) {
    rget(L, 1, "options");
    if (lua_type(L, -1) == LUA_TTABLE) {
      for (lua_Integer i = 1; lua_rawgeti(L, -1, i) == LUA_TTABLE; i++) {
        char ow[200];
        if (rget(L, -1, "id") == LUA_TSTRING) snprintf(ow, sizeof ow, "%s option '%s'", what, lua_tostring(L, -1));
        else snprintf(ow, sizeof ow, "%s option %d", what, (int)i);
        lua_pop(L, 1);
        check_keys(L, lua_gettop(L), ow, K_OPTION, k->name, (int)i);
        check_types(L, lua_gettop(L), ow, "option", k->name, (int)i);
        lua_pop(L, 1);
      }
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
  lua_Debug ar;
  int line = 0;
  if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar)) line = ar.currentline;
  lua_pushinteger(L, line);
  lua_setfield(L, 1, "__line");
  if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "S", &ar)) {
    lua_pushstring(L, ar.short_src);
    lua_setfield(L, 1, "__src");
  }
  rget(L, LUA_REGISTRYINDEX, "flank.defs");
  rget(L, -1, k->name);
  lua_pushvalue(L, 1);
  lua_rawseti(L, -2, (lua_Integer)rlen(L, -2) + 1);
  lua_settop(L, 1);
  if (!strcmp(k->name, "scenario")) map_now(L, sc);
  return 1;
}

static int def_setup(lua_State *L) {
  fl_Script *sc = FL_SC(L);
  if (!sc->loading) return luaL_error(L, "setup(): only allowed while the scenario loads");
  luaL_checktype(L, 1, LUA_TFUNCTION);
  rget(L, LUA_REGISTRYINDEX, "flank.defs");
  lua_pushvalue(L, 1);
  lua_setfield(L, -2, "setup");
  return 0;
}

void fl_defs_open(fl_Script *sc) {
  lua_State *L = sc->L;
  lua_newtable(L);
  for (int i = 0; KINDS[i].name; i++) {
    lua_newtable(L);
    lua_setfield(L, -2, KINDS[i].name);
  }
  lua_setfield(L, LUA_REGISTRYINDEX, "flank.defs");
  lua_rawgeti(L, LUA_REGISTRYINDEX, sc->env);
  for (int i = 0; KINDS[i].name; i++) {
    lua_pushlightuserdata(L, sc);
    lua_pushinteger(L, i);
    lua_pushcclosure(L, def_record, 2);
    lua_setfield(L, -2, KINDS[i].name);
  }
  lua_pushlightuserdata(L, sc);
  lua_pushcclosure(L, def_setup, 1);
  lua_setfield(L, -2, "setup");
  lua_pop(L, 1);
}

/* ---- building fl_Def ---- */


int bfail(B *b, const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  snprintf(b->err, b->errn, "%s:%d: %s", b->src ? b->src : "scenario.lua", b->line, msg);
  return -1;
}

/* Position b at the definition table on top of the stack. */
void at(B *b, int t) {
  rget(b->L, t, "__line");
  b->line = (int)lua_tointeger(b->L, -1);
  rget(b->L, t, "__src");
  if (lua_isstring(b->L, -1)) b->src = lua_tostring(b->L, -1); /* the registry keeps it alive */
  lua_pop(b->L, 2);
}

int fstr(B *b, int t, const char *key, int required, const char *dflt, char **out, const char *what) {
  int ty = rget(b->L, t, key);
  if (ty == LUA_TNIL) {
    lua_pop(b->L, 1);
    if (required) return bfail(b, "%s: '%s' is required", what, key);
    *out = fl_str_dup(dflt);
    return 0;
  }
  if (ty != LUA_TSTRING) { lua_pop(b->L, 1); return bfail(b, "%s: '%s' must be a string, not %s", what, key, lua_typename(b->L, ty)); }
  int ctl = fl_str_ctl(lua_tostring(b->L, -1), lua_rawlen(b->L, -1), 1); /* texts reach terminals */
  if (ctl >= 0) { lua_pop(b->L, 1); return bfail(b, "%s: '%s' holds a control character (\\x%02x); texts may not", what, key, ctl); }
  *out = fl_str_dup(lua_tostring(b->L, -1));
  lua_pop(b->L, 1);
  return 0;
}

int fnum(B *b, int t, const char *key, double dflt, double *out, const char *what) {
  int ty = rget(b->L, t, key);
  if (ty == LUA_TNIL) *out = dflt;
  else if (ty == LUA_TNUMBER && isfinite(lua_tonumber(b->L, -1))) *out = lua_tonumber(b->L, -1);
  else { lua_pop(b->L, 1); return bfail(b, "%s: '%s' must be a finite number", what, key); }
  lua_pop(b->L, 1);
  return 0;
}

int fbool(B *b, int t, const char *key, int dflt) {
  int ty = rget(b->L, t, key);
  int v = ty == LUA_TNIL ? dflt : lua_toboolean(b->L, -1);
  lua_pop(b->L, 1);
  return v;
}

/* A function field becomes a handle in the rule-function table (0 when absent). */
int ffn(B *b, int t, const char *key, int *out, const char *what) {
  int ty = rget(b->L, t, key);
  *out = 0;
  if (ty == LUA_TNIL) { lua_pop(b->L, 1); return 0; }
  if (ty != LUA_TFUNCTION) { lua_pop(b->L, 1); return bfail(b, "%s: '%s' must be a function", what, key); }
  lua_rawgeti(b->L, LUA_REGISTRYINDEX, b->sc->fns);
  lua_insert(b->L, -2);
  *out = rlen(b->L, -2) + 1;
  lua_rawseti(b->L, -2, *out);
  lua_pop(b->L, 1);
  return 0;
}

int fid(B *b, int t, const char *kind, char **out) {
  int ty = rget(b->L, t, "id");
  if (ty != LUA_TSTRING) { lua_pop(b->L, 1); return bfail(b, "%s: 'id' is required (a lowercase name)", kind); }
  const char *id = lua_tostring(b->L, -1);
  if (!fl_str_is_id(id)) {
    lua_pop(b->L, 1);
    return bfail(b, "%s id '%s': use lowercase letters, digits and _ (e.g. \"border_guard\")", kind, id);
  }
  *out = fl_str_dup(id);
  lua_pop(b->L, 1);
  return 0;
}

/* Push registry defs[kind]; returns its length. */
int list(B *b, const char *kind) {
  rget(b->L, LUA_REGISTRYINDEX, "flank.defs");
  rget(b->L, -1, kind);
  lua_remove(b->L, -2);
  return rlen(b->L, -1);
}

void *zalloc(int n, size_t sz) { return calloc((size_t)(n > 0 ? n : 1), sz); }

static int ref_fail(B *b, const char *what, const char *kind, const char *id, const char *const *c, int n) {
  const char *s = fl_str_suggest(id, c, n);
  int line = b->line; /* at the line that names it (cost = {\n budgte = 5 }), as lint; then back */
  if (b->src) b->line = fl_lint_word_line(b->src, line, id);
  bfail(b, "%s: unknown %s '%s'%s%s%s", what, kind, id, s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
  b->line = line;
  return -1;
}

#define REF(fn, kind, arr, n)                                                          \
  int fl_db_ref_##kind(B *b, const fl_Def *d, const char *id, const char *what, int *out) { \
    *out = fn(d, id);                                                                  \
    if (*out >= 0) return 0;                                                           \
    const char *c[256];                                                                \
    int k = 0;                                                                         \
    for (; k < d->n && k < 256; k++) c[k] = d->arr[k].id;                              \
    return ref_fail(b, what, #kind, id, c, k);                                         \
  }
REF(fl_def_side, side, sides, nside)
REF(fl_def_track, track, tracks, ntrack)
REF(fl_def_phase, phase, phases, nphase)

static int build_scenario(B *b, fl_Def *d) {
  lua_State *L = b->L;
  int n = list(b, "scenario");
  if (n != 1) {
    b->line = 1;
    lua_pop(L, 1);
    return bfail(b, n ? "scenario{} is given %d times; give it once" : "no scenario{ id = ..., title = ... } definition%.0d", n);
  }
  lua_rawgeti(L, -1, 1);
  int t = lua_gettop(L);
  at(b, t);
  char *start = NULL, *step = NULL;
  double turns, stacking;
  if (fid(b, t, "scenario", &d->id) || fstr(b, t, "title", 1, NULL, &d->title, "scenario") ||
      fstr(b, t, "version", 0, "1.0", &d->version, "scenario") ||
      fstr(b, t, "blurb", 0, "", &d->blurb, "scenario") ||
      fstr(b, t, "language", 0, "en", &d->language, "scenario") ||
      fstr(b, t, "start", 0, "2025-01-01", &start, "scenario") ||
      fnum(b, t, "turns", 12, &turns, "scenario") || fnum(b, t, "stacking", 0, &stacking, "scenario"))
    goto fail;
  d->turns_cap = fbool(b, t, "turns_cap", 0);
  if (stacking < 0 || stacking != floor(stacking) || stacking > 1000000) { bfail(b, "scenario: stacking must be a whole number of pieces (0: no limit)"); goto fail; }
  d->stacking = (int)stacking;
  if (fl_date_parse(start, &d->start_date)) { bfail(b, "scenario: start '%s' is not a date like \"2025-03-18\"", start); goto fail; }
  /* at most 10000: a turn hashes the whole state, whose history grows with the turns (10 years of days fit) */
  if (turns < 1 || turns > 10000 || turns != floor(turns)) { bfail(b, "scenario: turns must be a whole number from 1 to 10000"); goto fail; }
  d->max_turns = (int)turns;
  /* step: "1 month", or a list of { from = turn, step = "1 day" } */
  int ty = rget(L, t, "step");
  if (ty == LUA_TNIL || ty == LUA_TSTRING) {
    d->calendar = zalloc(1, sizeof *d->calendar);
    d->ncal = 1;
    d->calendar[0].from_turn = 1;
    const char *s = ty == LUA_TNIL ? "1 month" : lua_tostring(L, -1);
    if (fl_span_parse(s, &d->calendar[0].step) || d->calendar[0].step.unit == FL_SPAN_TURN || d->calendar[0].step.n <= 0) {
      lua_pop(L, 1);
      bfail(b, "scenario: step '%s' is not a span like \"1 month\", \"1 week\", \"1 day\" or \"1 year\"", s);
      goto fail;
    }
  } else if (ty == LUA_TTABLE) {
    int nc = rlen(L, -1);
    d->calendar = zalloc(nc, sizeof *d->calendar);
    for (int i = 1; i <= nc; i++) {
      lua_rawgeti(L, -1, i);
      rget(L, -1, "from");
      rget(L, -2, "step");
      int from = (int)lua_tointeger(L, -2);
      const char *s = lua_tostring(L, -1);
      fl_Span sp;
      if (from < 1 || !s || fl_span_parse(s, &sp) || sp.unit == FL_SPAN_TURN || sp.n <= 0 ||
          (i > 1 && from <= d->calendar[i - 2].from_turn)) {
        lua_pop(L, 4);
        bfail(b, "scenario: step entry %d must be { from = <turn, ascending>, step = \"1 month\" }", i);
        goto fail;
      }
      d->calendar[d->ncal++] = (fl_CalEntry){from, sp};
      lua_pop(L, 3);
    }
    if (!d->ncal || d->calendar[0].from_turn != 1) { lua_pop(L, 1); bfail(b, "scenario: the first step entry must start from turn 1"); goto fail; }
  } else {
    lua_pop(L, 1);
    bfail(b, "scenario: step must be a string like \"1 month\" or a list of { from =, step = }");
    goto fail;
  }
  lua_pop(L, 1);
  /* authors: a string or a list of strings */
  ty = rget(L, t, "authors");
  if (ty == LUA_TSTRING) {
    d->authors = zalloc(1, sizeof(char *));
    d->authors[d->nauthor++] = fl_str_dup(lua_tostring(L, -1));
  } else if (ty == LUA_TTABLE) {
    int na = rlen(L, -1);
    d->authors = zalloc(na, sizeof(char *));
    for (int i = 1; i <= na; i++) {
      lua_rawgeti(L, -1, i);
      if (lua_type(L, -1) == LUA_TSTRING) d->authors[d->nauthor++] = fl_str_dup(lua_tostring(L, -1));
      lua_pop(L, 1);
    }
  }
  lua_pop(L, 1);
  /* sources: { id = "text", ... } in sorted id order, or a list of strings */
  ty = rget(L, t, "sources");
  if (ty == LUA_TTABLE) {
    int cap = 0;
    lua_pushnil(L);
    while (lua_next(L, -2)) { cap++; lua_pop(L, 1); }
    d->sources = zalloc(cap, sizeof *d->sources);
    lua_pushnil(L);
    while (lua_next(L, -2)) {
      if (lua_type(L, -1) != LUA_TSTRING) { lua_pop(L, 3); bfail(b, "scenario: every source must be a string"); goto fail; }
      char idbuf[32];
      const char *id;
      if (lua_type(L, -2) == LUA_TNUMBER) { snprintf(idbuf, sizeof idbuf, "%d", (int)lua_tointeger(L, -2)); id = idbuf; }
      else id = lua_tostring(L, -2);
      /* insert sorted: the table's own order is not deterministic */
      int pos = d->nsource;
      while (pos > 0 && strcmp(d->sources[pos - 1].id, id) > 0) { d->sources[pos] = d->sources[pos - 1]; pos--; }
      d->sources[pos].id = fl_str_dup(id);
      d->sources[pos].text = fl_str_dup(lua_tostring(L, -1));
      d->nsource++;
      lua_pop(L, 1);
    }
  }
  lua_pop(L, 1);
  /* map */
  ty = rget(L, t, "map");
  if (ty == LUA_TSTRING) { /* read while loading (normally): now its text joins the hash */
    char err[700];
    if (fl_defs_read_map(b->sc, lua_tostring(L, -1), 1, err, sizeof err)) { lua_pop(L, 1); bfail(b, "%s", err); goto fail; }
  } else if (ty != LUA_TNIL) { lua_pop(L, 1); bfail(b, "scenario: map must be a file name"); goto fail; }
  lua_pop(L, 1);
  free(start); free(step);
  lua_pop(L, 2);
  return 0;
fail:
  free(start); free(step);
  lua_settop(L, t - 2);
  return -1;
}

/* visible_to = "side" or { "side", ... }: who may see it (with their teams); absent: all. */
static int fsides(B *b, int t, const char *key, const fl_Def *d, fl_Sides *out, const char *what) {
  lua_State *L = b->L;
  int ty = rget(L, t, key);
  *out = FL_ALL_SIDES;
  if (ty == LUA_TNIL) { lua_pop(L, 1); return 0; }
  if (ty != LUA_TSTRING && ty != LUA_TTABLE) { lua_pop(L, 1); return bfail(b, "%s: %s must be a side id or a list of side ids", what, key); }
  *out = 0;
  int n = ty == LUA_TSTRING ? 1 : rlen(L, -1);
  for (int i = 1; i <= n; i++) {
    if (ty == LUA_TTABLE) lua_rawgeti(L, -1, i); else lua_pushvalue(L, -1);
    int side;
    if (lua_type(L, -1) != LUA_TSTRING) { lua_pop(L, 2); return bfail(b, "%s: %s must list side ids", what, key); }
    if (ref_side(b, d, lua_tostring(L, -1), what, &side)) { lua_pop(L, 2); return -1; }
    *out |= FL_SIDE_BIT(side);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  return 0;
}

/* mp, terrain = { forest = 2, sea = false }, stop_at_enemy, hidden. */
static int build_movement(B *b, int t, fl_PieceType *p) {
  lua_State *L = b->L;
  char what[96];
  snprintf(what, sizeof what, "piece_type '%s'", p->id);
  if (fnum(b, t, "mp", 0, &p->mp, what)) return -1;
  if (p->mp < 0) return bfail(b, "%s: mp must not be negative", what);
  p->stop_at_enemy = fbool(b, t, "stop_at_enemy", 0);
  p->hidden = fbool(b, t, "hidden", 0);
  int ty = rget(L, t, "terrain");
  if (ty == LUA_TNIL) { lua_pop(L, 1); return 0; }
  if (ty != LUA_TTABLE) { lua_pop(L, 1); return bfail(b, "%s: terrain must be { terrain = cost or false, ... }", what); }
  int n = 0;
  lua_pushnil(L);
  while (lua_next(L, -2)) { n++; lua_pop(L, 1); }
  p->costs = zalloc(n, sizeof *p->costs);
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    int vt = lua_type(L, -1);
    double c = vt == LUA_TNUMBER ? lua_tonumber(L, -1) : -1;
    if (lua_type(L, -2) != LUA_TSTRING || (vt != LUA_TNUMBER && !(vt == LUA_TBOOLEAN && !lua_toboolean(L, -1))) ||
        (vt == LUA_TNUMBER && !(isfinite(c) && c > 0))) {
      lua_pop(L, 3);
      return bfail(b, "%s: terrain must be { terrain = cost above 0, or false for impassable, ... }", what);
    }
    /* sorted by terrain name so the order does not depend on hashing */
    int pos = p->ncost;
    const char *name = lua_tostring(L, -2);
    while (pos > 0 && strcmp(p->costs[pos - 1].terrain, name) > 0) { p->costs[pos] = p->costs[pos - 1]; pos--; }
    p->costs[pos] = (fl_TerrainCost){fl_str_dup(name), c};
    p->ncost++;
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  return 0;
}

/* side{ colour = "#rrggbb" | "#rgb" | palette name }: absent means the default palette. */
static int side_colour(B *b, int t, fl_SideDef *s) {
  char *c = NULL;
  if (fstr(b, t, "colour", 0, NULL, &c, "side")) return -1;
  if (!c) return 0;
  int bad = fl_colour_parse(c, &s->colour) != 0;
  s->has_colour = !bad;
  if (bad) {
    const char *names[32];
    int n = 0;
    while (n < 32 && fl_colour_name(n)) { names[n] = fl_colour_name(n); n++; }
    const char *sg = c[0] == '#' ? NULL : fl_str_suggest(c, names, n);
    bfail(b, "side '%s': colour '%s' is not \"#rrggbb\" or a palette colour%s%s%s", s->id, c,
          sg ? " (did you mean '" : " (blue, vermillion, bluish_green, ...: docs/api.md)", sg ? sg : "", sg ? "'?)" : "");
  }
  free(c);
  return bad ? -1 : 0;
}

static int build_sides_tracks(B *b, fl_Def *d) {
  lua_State *L = b->L;
  int n = list(b, "side");
  if (n < 1 || n > FL_MAX_SIDES) { b->line = 1; lua_pop(L, 1); return bfail(b, "a scenario needs 1 to %d side{} definitions", FL_MAX_SIDES); }
  d->sides = zalloc(n, sizeof *d->sides);
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    int t = lua_gettop(L);
    at(b, t);
    fl_SideDef *s = &d->sides[d->nside];
    if (fid(b, t, "side", &s->id)) return -1;
    d->nside++;
    if (fl_def_side(d, s->id) != d->nside - 1) return bfail(b, "side '%s' is defined twice (first on line %d)", s->id, d->sides[fl_def_side(d, s->id)].line);
    if (fstr(b, t, "name", 0, s->id, &s->name, "side") || fstr(b, t, "text", 0, "", &s->text, "side")) return -1;
    s->playable = fbool(b, t, "playable", 1);
    s->line = b->line;
    char *team = NULL;
    if (fstr(b, t, "team", 0, s->id, &team, "side")) return -1;
    s->team = d->nside - 1; /* sides naming the same team share the first one's index */
    for (int k = 0; k < d->nside - 1; k++) {
      lua_rawgeti(L, -2, k + 1);
      rget(L, -1, "team");
      const char *tk = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : d->sides[k].id;
      if (!strcmp(tk, team)) { s->team = d->sides[k].team; k = d->nside; }
      lua_pop(L, 2);
    }
    free(team);
    if (side_colour(b, t, s)) return -1;
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  n = list(b, "phase");
  d->phases = zalloc(n ? n : d->nside, sizeof *d->phases);
  if (n == 0) { /* one phase per side, in the order the sides are defined */
    for (int i = 0; i < d->nside; i++)
      d->phases[d->nphase++] = (fl_PhaseDef){fl_str_dup(d->sides[i].id), fl_str_dup(d->sides[i].name), i, d->sides[i].line};
  }
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    int t = lua_gettop(L);
    at(b, t);
    fl_PhaseDef *p = &d->phases[d->nphase];
    char *side = NULL;
    if (fid(b, t, "phase", &p->id)) return -1;
    d->nphase++;
    if (fl_def_phase(d, p->id) != d->nphase - 1) return bfail(b, "phase '%s' is defined twice (first on line %d)", p->id, d->phases[fl_def_phase(d, p->id)].line);
    if (fstr(b, t, "name", 0, p->id, &p->name, "phase") || fstr(b, t, "side", 0, NULL, &side, "phase")) return -1;
    p->side = -1;
    p->line = b->line;
    if (side && ref_side(b, d, side, "phase", &p->side)) { free(side); return -1; }
    free(side);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  n = list(b, "track");
  d->tracks = zalloc(n, sizeof *d->tracks);
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    int t = lua_gettop(L);
    at(b, t);
    fl_TrackDef *tr = &d->tracks[d->ntrack];
    char *better = NULL;
    if (fid(b, t, "track", &tr->id)) return -1;
    d->ntrack++;
    if (fl_def_track(d, tr->id) != d->ntrack - 1) return bfail(b, "track '%s' is defined twice (first on line %d)", tr->id, d->tracks[fl_def_track(d, tr->id)].line);
    char what[96];
    snprintf(what, sizeof what, "track '%s'", tr->id);
    if (fstr(b, t, "name", 0, tr->id, &tr->name, what) || fstr(b, t, "unit", 0, "", &tr->unit, what) ||
        fstr(b, t, "unit_one", 0, "", &tr->unit_one, what) || fstr(b, t, "text", 0, "", &tr->text, what) || fstr(b, t, "source", 0, "", &tr->source, what) ||
        fnum(b, t, "min", 0, &tr->min, what) || fnum(b, t, "max", 100, &tr->max, what) ||
        fnum(b, t, "start", tr->min, &tr->start, what) || fstr(b, t, "better", 0, "", &better, what) ||
        fstr(b, t, "short", 0, "", &tr->short_name, what))
      return -1;
    tr->visible = fbool(b, t, "visible", 1);
    if (fsides(b, t, "visible_to", d, &tr->seen, what)) return -1;
    tr->higher_is_better = !strcmp(better, "higher") ? 1 : !strcmp(better, "lower") ? -1 : 0;
    int badbetter = *better && !tr->higher_is_better;
    free(better);
    if (badbetter) return bfail(b, "%s: better must be \"higher\" or \"lower\"", what);
    if (tr->min > tr->max) return bfail(b, "%s: min %g is above max %g", what, tr->min, tr->max);
    if (tr->start < tr->min || tr->start > tr->max) return bfail(b, "%s: start %g is outside %g..%g", what, tr->start, tr->min, tr->max);
    tr->line = b->line;
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  n = list(b, "piece_type");
  d->ptypes = zalloc(n, sizeof *d->ptypes);
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    int t = lua_gettop(L);
    at(b, t);
    fl_PieceType *p = &d->ptypes[d->nptype];
    if (fid(b, t, "piece_type", &p->id)) return -1;
    d->nptype++;
    if (fl_def_ptype(d, p->id) != d->nptype - 1) return bfail(b, "piece_type '%s' is defined twice (first on line %d)", p->id, d->ptypes[fl_def_ptype(d, p->id)].line);
    if (fstr(b, t, "name", 0, p->id, &p->name, "piece_type") || fstr(b, t, "symbol", 0, "unit", &p->symbol, "piece_type") ||
        build_movement(b, t, p))
      return -1;
    p->line = b->line;
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  return 0;
}

static int build_overlays(B *b, fl_Def *d) {
  lua_State *L = b->L;
  int n = list(b, "overlay");
  d->overlays = zalloc(n, sizeof *d->overlays);
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    int t = lua_gettop(L);
    at(b, t);
    fl_OverlayDef *o = &d->overlays[d->noverlay];
    char what[96];
    if (fid(b, t, "overlay", &o->id)) return -1;
    d->noverlay++;
    snprintf(what, sizeof what, "overlay '%s'", o->id);
    for (int k = 0; k < d->noverlay - 1; k++)
      if (!strcmp(d->overlays[k].id, o->id)) return bfail(b, "%s is defined twice (first on line %d)", what, d->overlays[k].line);
    o->line = b->line;
    if (fstr(b, t, "name", 0, o->id, &o->name, what) || fstr(b, t, "prop", 1, NULL, &o->prop, what) ||
        fstr(b, t, "unit", 0, "", &o->unit, what) || fstr(b, t, "text", 0, "", &o->text, what) ||
        fstr(b, t, "source", 0, "", &o->source, what) || fnum(b, t, "max", 1, &o->max, what))
      return -1;
    if (!(o->max > 0)) return bfail(b, "%s: max must be above 0 (the value shaded darkest)", what);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  n = list(b, "property");
  d->props = zalloc(n, sizeof *d->props);
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    int t = lua_gettop(L);
    at(b, t);
    fl_PropDef *p = &d->props[d->nprop];
    char what[96];
    if (fid(b, t, "property", &p->id)) return -1;
    d->nprop++;
    snprintf(what, sizeof what, "property '%s'", p->id);
    if (fl_def_prop(d, p->id) != d->nprop - 1) return bfail(b, "%s is defined twice (first on line %d)", what, d->props[fl_def_prop(d, p->id)].line);
    p->line = b->line;
    if (fstr(b, t, "name", 0, p->id, &p->name, what) || fstr(b, t, "unit", 0, "", &p->unit, what) ||
        fstr(b, t, "unit_one", 0, "", &p->unit_one, what) || fstr(b, t, "text", 0, "", &p->text, what) || fsides(b, t, "visible_to", d, &p->seen, what) ||
        fl_db_prop_values(b, t, p, what))
      return -1;
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  return 0;
}

/* Check initial area owners and policies' sides now, so a typo fails at load. */
static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Copy area owners and properties, and policies, out of their tables into C: the engine
 * reads only these copies from now on, whatever rule code does to the tables. */
static int build_inits_policies(B *b, fl_Def *d) {
  lua_State *L = b->L;
  fl_Script *sc = b->sc;
  int n = list(b, "area");
  sc->inits = zalloc(n, sizeof *sc->inits);
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    int t = lua_gettop(L);
    at(b, t);
    rget(L, t, "id");
    int area = fl_map_find_area(d->map, lua_tostring(L, -1));
    lua_pop(L, 1);
    fl_AreaInit *in = &sc->inits[sc->ninit++];
    in->area = area;
    in->owner = -1;
    int ty = rget(L, t, "owner");
    if (ty == LUA_TSTRING) { if (ref_side(b, d, lua_tostring(L, -1), "area owner", &in->owner)) return -1; }
    else if (ty != LUA_TNIL) return bfail(b, "area: owner must be a side id");
    lua_pop(L, 1);
    ty = rget(L, t, "props");
    if (ty == LUA_TTABLE) {
      int np = 0;
      lua_pushnil(L);
      while (lua_next(L, -2)) { np++; lua_pop(L, 1); }
      char **keys = zalloc(np, sizeof *keys);
      in->key = keys;
      np = 0;
      lua_pushnil(L);
      while (lua_next(L, -2)) {
        int vt = lua_type(L, -1);
        if (lua_type(L, -2) != LUA_TSTRING) return bfail(b, "area: props keys must be names");
        if (vt != LUA_TNUMBER && vt != LUA_TBOOLEAN && vt != LUA_TSTRING)
          return bfail(b, "area: props.%s must be a number, boolean or string", lua_tostring(L, -2));
        if (vt == LUA_TNUMBER && !isfinite(lua_tonumber(L, -1))) return bfail(b, "area: props.%s must be finite", lua_tostring(L, -2));
        keys[np++] = fl_str_dup(lua_tostring(L, -2));
        in->nprop = np;
        lua_pop(L, 1);
      }
      qsort(keys, (size_t)np, sizeof *keys, cmp_str); /* a fixed order, whatever the hashing */
      in->type = zalloc(np, sizeof *in->type);
      in->num = zalloc(np, sizeof *in->num);
      in->str = zalloc(np, sizeof *in->str);
      for (int k = 0; k < np; k++) {
        rget(L, -1, keys[k]);
        in->type[k] = lua_type(L, -1) == LUA_TSTRING ? FL_STR : lua_type(L, -1) == LUA_TBOOLEAN ? FL_BOOL : FL_NUM;
        if (in->type[k] == FL_STR) in->str[k] = fl_str_dup(lua_tostring(L, -1));
        else in->num[k] = in->type[k] == FL_BOOL ? lua_toboolean(L, -1) : lua_tonumber(L, -1);
        lua_pop(L, 1);
      }
    } else if (ty != LUA_TNIL) return bfail(b, "area: props must be a table");
    lua_pop(L, 2);
  }
  lua_pop(L, 1);
  n = list(b, "policy");
  sc->pols = zalloc(n, sizeof *sc->pols);
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    int t = lua_gettop(L);
    at(b, t);
    char *id = NULL, *side = NULL, *name = NULL, *text = NULL;
    int s;
    if (fid(b, t, "policy", &id) || fstr(b, t, "side", 1, NULL, &side, "policy") || ref_side(b, d, side, "policy", &s) ||
        fstr(b, t, "name", 0, "", &name, "policy") || fstr(b, t, "text", 0, "", &text, "policy")) {
      free(id); free(side); free(name); free(text);
      return -1;
    }
    free(side);
    for (int k = 0; k < sc->npol; k++)
      if (sc->pols[k].side == s && !strcmp(sc->pols[k].id, id)) { /* the first would win, silently */
        bfail(b, "policy '%s' of side '%s' is defined twice; give each a different id", id, d->sides[s].id);
        free(id); free(name); free(text);
        return -1;
      }
    if (rget(L, t, "choose") != LUA_TFUNCTION) {
      free(id); free(name); free(text);
      return bfail(b, "policy: choose must be function(view, decision) returning an option id");
    }
    sc->pols[sc->npol++] = (fl_PolicyDef){id, s, luaL_ref(L, LUA_REGISTRYINDEX), name, text};
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  return 0;
}

int fl_defs_build(fl_Script *sc, char *err, size_t errn) {
  B b = {sc, sc->L, err, errn, NULL, 0};
  fl_Def *d = sc->def;
  int top = lua_gettop(sc->L);
  char src[512];
  snprintf(src, sizeof src, "%s/scenario.lua", sc->dir);
  b.src = src;
  int rc = build_scenario(&b, d) || build_sides_tracks(&b, d) || fl_db_board(&b, d) ||
           fl_db_cards(&b, d) || fl_db_events_endings(&b, d) || build_overlays(&b, d) || build_inits_policies(&b, d) ||
           fl_defs_teach_build(&b, d);
  lua_settop(sc->L, top);
  if (rc) return -1;
  if (fl_map_area_count(d->map) == 0) { b.line = 1; b.src = src; return bfail(&b, "the board has no areas: give scenario{ map = ... } or area{} definitions"); }
  if (fl_move_prepare(d)) return bfail(&b, "out of memory");
  return 0;
}

const char *const *fl_defs_keys(const char *kind) {
  if (!strcmp(kind, "option")) return K_OPTION;
  for (int i = 0; KINDS[i].name; i++)
    if (!strcmp(KINDS[i].name, kind)) return KINDS[i].keys;
  return NULL;
}

const char *fl_defs_kind(int i) { return i >= 0 && i < (int)(sizeof KINDS / sizeof KINDS[0]) - 1 ? KINDS[i].name : NULL; }
