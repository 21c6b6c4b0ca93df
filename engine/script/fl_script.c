/* Loading a scenario into a sandboxed Lua state, running its rule code for the
 * core's game machinery (fl_Hooks), and the policies that play sides. */
#define _POSIX_C_SOURCE 200809L
#include "fl_script_int.h"
#include "fl_str.h"
#include <dirent.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int is_file(const char *p) { struct stat st; return stat(p, &st) == 0 && S_ISREG(st.st_mode); }
static int is_dir(const char *p) { struct stat st; return stat(p, &st) == 0 && S_ISDIR(st.st_mode); }

/* Copy the first folder of a "a:b:c" list into one; returns the rest of the list (after it),
 * or NULL when the list is used up. Empty entries are skipped. */
static const char *next_root(const char *list, char *one, size_t n) {
  while (*list == ':') list++;
  if (!*list) return NULL;
  size_t k = strcspn(list, ":");
  snprintf(one, n, "%.*s", (int)k, list);
  return list + k;
}

/* Resolve where the scenario is: a folder, its scenario.lua, or a shipped id. */
int fl_script_resolve(const char *where, const char *root, char *dir, size_t n, char *err, size_t errn) {
  char buf[PATH_MAX];
  size_t wl = strlen(where);
  if (wl >= PATH_MAX - 32) { snprintf(err, errn, "%s: path too long", where); return -1; }
  if (wl > 4 && strcmp(where + wl - 4, ".lua") == 0 && is_file(where)) {
    snprintf(dir, n, "%s", where);
    char *slash = strrchr(dir, '/');
    if (slash) *slash = '\0'; else snprintf(dir, n, ".");
    return 0;
  }
  snprintf(buf, sizeof buf, "%s/scenario.lua", where);
  if (is_dir(where) && is_file(buf)) {
    snprintf(dir, n, "%s", where);
    while (strlen(dir) > 1 && dir[strlen(dir) - 1] == '/') dir[strlen(dir) - 1] = '\0';
    return 0;
  }
  if (is_dir(where)) { snprintf(err, errn, "%s: no scenario.lua in this folder", where); return -1; }
  /* root may list several folders, "a:b:c": the first that has the id wins */
  char one[PATH_MAX];
  if (root && fl_str_is_id(where))
    for (const char *r = next_root(root, one, sizeof one); r; r = next_root(r, one, sizeof one)) {
      snprintf(buf, sizeof buf, "%s/%s/scenario.lua", one, where);
      if (is_file(buf)) { snprintf(dir, n, "%s/%s", one, where); return 0; }
    }
  /* did you mean: the scenarios in those folders */
  const char *cands[128];
  char names[128][64];
  int nc = 0;
  for (const char *r = root ? next_root(root, one, sizeof one) : NULL; r; r = next_root(r, one, sizeof one)) {
    DIR *d = opendir(one);
    struct dirent *e;
    while (d && (e = readdir(d)) && nc < 128) {
      if (e->d_name[0] == '.' || strlen(e->d_name) >= 64) continue;
      snprintf(names[nc], sizeof names[nc], "%s", e->d_name);
      cands[nc] = names[nc];
      nc++;
    }
    if (d) closedir(d);
  }
  const char *s = fl_str_suggest(where, cands, nc);
  snprintf(err, errn, "%s: no such scenario (not a folder with scenario.lua, nor an id in the folders flank --help lists)%s%s%s", where,
           s ? "; did you mean '" : "", s ? s : "", s ? "'?" : "");
  return -1;
}

/* Ret: nothing. The engine's setup: initial owners and properties copied from the area{}
 * definitions at load (C data only), then the scenario's own setup(). */
static int apply_setup(lua_State *L) {
  fl_Script *sc = FL_SC(L);
  fl_State *s = fl_game_state(sc->game);
  fl_reset_restore(L); /* every game starts from what loading left, whatever an earlier game did */
  for (int i = 0; i < sc->ninit; i++) {
    const fl_AreaInit *in = &sc->inits[i];
    if (in->area < 0 || in->area >= s->narea) continue;
    s->areas[in->area].owner = in->owner;
    for (int k = 0; k < in->nprop; k++) {
      fl_Props *ps = &s->areas[in->area].props;
      int rc = in->type[k] == FL_STR ? fl_props_set_str(ps, in->key[k], in->str[k])
             : in->type[k] == FL_BOOL ? fl_props_set_bool(ps, in->key[k], in->num[k] != 0)
             : fl_props_set_num(ps, in->key[k], in->num[k]);
      if (rc) return luaL_error(L, "not enough memory");
    }
  }
  if (lua_getfield(L, LUA_REGISTRYINDEX, "flank.setup") == LUA_TFUNCTION) lua_call(L, 0, 0);
  return 0;
}

/* Where a rule function is defined, for errors that carry no line of their own
 * (e.g. memory exhausted in a few instructions). The engine's setup closure is C;
 * it stands for the scenario's setup(). */
void fl_where_fn(lua_State *L, int idx, char *buf, size_t n) {
  lua_Debug ar;
  lua_pushvalue(L, idx);
  if (lua_iscfunction(L, -1)) {
    lua_pop(L, 1);
    lua_getfield(L, LUA_REGISTRYINDEX, "flank.setup");
    if (!lua_isfunction(L, -1)) { lua_pop(L, 1); snprintf(buf, n, "(engine)"); return; }
  }
  if (lua_getinfo(L, ">S", &ar)) snprintf(buf, n, "%s:%d", ar.short_src, ar.linedefined);
  else snprintf(buf, n, "?");
}

/* Push the chosen targets of the running option as its rule function's arguments:
 * an area id or a piece id (or a list of them when the option takes several); for a
 * move, the piece id, the destination and the area it came from. Returns how many. */
int fl_push_targets(fl_Script *sc, const fl_Context *c) {
  lua_State *L = sc->L;
  if (c->kind != FL_CTX_OPTION || !c->tg || c->index < 0) return 0;
  const fl_OptionDef *o = &sc->def->cards[c->index].options[c->option];
  const fl_Map *m = sc->def->map;
  int na = fl_map_area_count(m);
#define PUSH_AREA(v) ((v) >= 0 && (v) < na ? (void)lua_pushstring(L, fl_map_area(m, (v))->id) : lua_pushnil(L))
  if (o->target == FL_TGT_MOVE) {
    lua_pushinteger(L, c->tg[0]);
    PUSH_AREA(c->ntg > 1 ? c->tg[1] : -1);
    PUSH_AREA(c->ntg > 2 ? c->tg[2] : -1);
    return 3;
  }
  int area = o->target == FL_TGT_AREA;
  if (o->tmax <= 1) {
    if (area) PUSH_AREA(c->ntg ? c->tg[0] : -1);
    else if (c->ntg) lua_pushinteger(L, c->tg[0]);
    else lua_pushnil(L);
    return 1;
  }
  lua_createtable(L, c->ntg, 0);
  for (int i = 0; i < c->ntg; i++) {
    if (area) PUSH_AREA(c->tg[i]); else lua_pushinteger(L, c->tg[i]);
    lua_rawseti(L, -2, i + 1);
  }
#undef PUSH_AREA
  return 1;
}

/* Run rule function fn with the running option's targets as arguments. On success its
 * nres results are on the stack above *fidx (the function, kept for messages); on an
 * error the game has failed with the message and the stack is as it was. */
static int run_fn(fl_Script *sc, fl_Game *g, int fn, int nres, int mutable, int *fidx) {
  lua_State *L = sc->L;
  lua_rawgeti(L, LUA_REGISTRYINDEX, sc->fns);
  lua_rawgeti(L, -1, fn);
  lua_remove(L, -2);
  *fidx = lua_gettop(L);
  lua_pushvalue(L, *fidx);
  fl_Context c = fl_game_context(g);
  int nargs = fl_push_targets(sc, &c);
  sc->mutable = mutable;
  if (mutable) sc->state_bytes = SIZE_MAX; /* counted at its first growth (fl_api_grow) */
  int rc = fl_sb_pcall(sc, nargs, nres, sc->call_budget);
  sc->mutable = 0;
  if (rc == LUA_OK) return 0;
  char msg[1024], ctx[256], loc[300], lm[700];
  fl_game_describe(g, ctx, sizeof ctx);
  fl_sb_error_text(sc, lm, sizeof lm);
  char named[300];
  snprintf(named, sizeof named, "%.*s", (int)strcspn(lm, ":"), lm);
  if (!strchr(lm, ':') || !fl_str_was_loaded(named)) { /* no location, or one that is not a source file */
    fl_where_fn(L, *fidx, loc, sizeof loc);
    snprintf(msg, sizeof msg, "%s: %s (%s)", loc, lm, ctx);
  }
  else snprintf(msg, sizeof msg, "%s (%s)", lm, ctx);
  fl_game_fail(g, msg);
  lua_settop(L, *fidx - 1);
  return -1;
}

static int bad_result_of(fl_Script *sc, fl_Game *g, int fidx, const char *fn, const char *want, const char *got);

/* A rule function returned the wrong kind of value: fail the game naming it. */
static int bad_result(fl_Script *sc, fl_Game *g, int fidx, const char *want, const char *got) {
  return bad_result_of(sc, g, fidx, "function", want, got);
}

/* The same, naming the option's function (legal, cost) the rule code wrote. */
static int bad_result_of(fl_Script *sc, fl_Game *g, int fidx, const char *fn, const char *want, const char *got) {
  char msg[1200], ctx[256], loc[300];
  fl_game_describe(g, ctx, sizeof ctx);
  fl_where_fn(sc->L, fidx, loc, sizeof loc);
  snprintf(msg, sizeof msg, "%s: %s must return %s, not %s (%s)", loc, fn, want, got, ctx);
  fl_game_fail(g, msg);
  lua_settop(sc->L, fidx - 1);
  return -1;
}

static int hook_call(void *ud, fl_Game *g, int fn, int kind, double *num, char **text) {
  fl_Script *sc = ud;
  lua_State *L = sc->L;
  int fidx, nres = kind == FL_CALL_BOOL && text ? 2 : 1; /* requires may add a reason */
  if (run_fn(sc, g, fn, nres, kind == FL_CALL_EFFECT, &fidx)) return -1;
  if (nres == 2) { /* the reason, then the answer */
    if (lua_type(L, -1) == LUA_TSTRING) *text = fl_str_dup(lua_tostring(L, -1));
    lua_pop(L, 1);
  }
  int ty = lua_type(L, -1);
  const char *want = NULL;
  if (kind == FL_CALL_BOOL && ty != LUA_TBOOLEAN && ty != LUA_TNIL) want = "true or false"; /* `return 1` is no answer */
  else if (kind == FL_CALL_BOOL) *num = lua_toboolean(L, -1);
  else if (kind == FL_CALL_NUMBER) {
    if (ty == LUA_TNUMBER && isfinite(lua_tonumber(L, -1))) *num = lua_tonumber(L, -1);
    else want = "a finite number";
  } else if (kind == FL_CALL_TEXT) {
    if (ty == LUA_TSTRING) *text = fl_str_dup(lua_tostring(L, -1));
    else want = "a string";
  }
  if (want) {
    char got[120];
    fl_defs_describe(L, -1, got, sizeof got);
    return bad_result(sc, g, fidx, want, got);
  }
  lua_settop(L, fidx - 1);
  return 0;
}

/* legal = function(side) return { "riga", ... } end: area ids, or piece ids. */
static int hook_list(void *ud, fl_Game *g, int fn, int32_t **out, int *n) {
  fl_Script *sc = ud;
  lua_State *L = sc->L;
  fl_Context c = fl_game_context(g);
  const fl_OptionDef *o = &sc->def->cards[c.index].options[c.option];
  int fidx;
  *out = NULL;
  *n = 0;
  if (run_fn(sc, g, fn, 1, 0, &fidx)) return -1;
  if (!lua_istable(L, -1)) return bad_result_of(sc, g, fidx, "legal", "a list of target ids", luaL_typename(L, -1));
  fl_sb_contents(L, -1); /* a constant list at file level is frozen */
  lua_Integer len = (lua_Integer)lua_rawlen(L, -1);
  if (len > 10000000) return bad_result_of(sc, g, fidx, "legal", "a shorter list", "a list of over 10 million");
  *out = malloc((size_t)(len > 0 ? len : 1) * sizeof **out);
  if (!*out) { fl_game_fail(g, "out of memory"); lua_settop(L, fidx - 1); return -1; }
  for (lua_Integer i = 1; i <= len; i++) {
    int ty = lua_rawgeti(L, -1, i);
    int32_t v = -1;
    if (o->target == FL_TGT_AREA && ty == LUA_TSTRING) v = fl_map_find_area(sc->def->map, lua_tostring(L, -1));
    else if (o->target != FL_TGT_AREA && lua_isinteger(L, -1)) {
      lua_Integer id = lua_tointeger(L, -1);
      v = id > 0 && id <= INT32_MAX && fl_state_find_piece(fl_game_state(g), (int32_t)id) >= 0 ? (int32_t)id : -1;
    }
    if (v < 0) {
      char got[200];
      const char *sg = NULL; /* a misspelt area id: the nearest one */
      if (o->target == FL_TGT_AREA && ty == LUA_TSTRING) {
        const fl_Map *m = sc->def->map;
        const char *ids[1024];
        int nc = 0;
        for (; nc < fl_map_area_count(m) && nc < 1024; nc++) ids[nc] = fl_map_area(m, nc)->id;
        sg = fl_str_suggest(lua_tostring(L, -1), ids, nc);
      }
      snprintf(got, sizeof got, "'%.60s' at position %d%s%s%s", ty == LUA_TSTRING || ty == LUA_TNUMBER ? lua_tostring(L, -1) : lua_typename(L, ty),
               (int)i, sg ? " (did you mean '" : "", sg ? sg : "", sg ? "'?)" : "");
      free(*out);
      *out = NULL;
      return bad_result_of(sc, g, fidx, "legal", o->target == FL_TGT_AREA ? "a list of area ids" : "a list of ids of pieces on the board", got);
    }
    (*out)[(*n)++] = v;
    lua_pop(L, 1);
  }
  lua_settop(L, fidx - 1);
  return 0;
}

/* cost = function(targets) return { budget = 2 } end */
static int hook_costs(void *ud, fl_Game *g, int fn, fl_Cost **out, int *n) {
  fl_Script *sc = ud;
  lua_State *L = sc->L;
  int fidx;
  *out = NULL;
  *n = 0;
  if (run_fn(sc, g, fn, 1, 0, &fidx)) return -1;
  if (lua_isnil(L, -1)) { lua_settop(L, fidx - 1); return 0; }
  if (!lua_istable(L, -1)) return bad_result_of(sc, g, fidx, "cost", "a table { track_id = amount }", luaL_typename(L, -1));
  /* the table's own entries (a cost names one or two of the tracks), then in track order, so
   * neither the order nor which bad entry is named depends on hashing; other keys are ignored */
  fl_sb_contents(L, -1); /* a file-level table is frozen: read what it holds */
  int nt = sc->def->ntrack, bad = -1;
  char badtype[32] = "";
  double *amount = malloc((size_t)(nt ? nt : 1) * sizeof *amount);
  unsigned char *has = calloc((size_t)(nt ? nt : 1), 1);
  if (!amount || !has) { free(amount); free(has); fl_game_fail(g, "out of memory"); lua_settop(L, fidx - 1); return -1; }
  int object = lua_getmetatable(L, -1); /* a table with its own __index: ask for every track */
  if (object) lua_pop(L, 1);
  lua_pushnil(L);
  for (int i = 0; object ? i < nt : lua_next(L, -2); i++) {
    int t = object ? (lua_getfield(L, -2, sc->def->tracks[i].id) == LUA_TNIL ? -1 : i)
                   : lua_type(L, -2) == LUA_TSTRING ? fl_def_track(sc->def, lua_tostring(L, -2)) : -1;
    if (t >= 0) {
      has[t] = 1;
      amount[t] = lua_tonumber(L, -1);
      if ((lua_type(L, -1) != LUA_TNUMBER || !isfinite(amount[t])) && (bad < 0 || t < bad)) {
        bad = t;
        snprintf(badtype, sizeof badtype, "%s", luaL_typename(L, -1));
      }
    }
    lua_pop(L, 1);
  }
  if (bad >= 0) {
    char got[96];
    snprintf(got, sizeof got, "%s for '%s'", badtype, sc->def->tracks[bad].id);
    free(amount);
    free(has);
    return bad_result_of(sc, g, fidx, "cost", "finite numbers as costs", got);
  }
  int k = 0;
  for (int t = 0; t < nt; t++) k += has[t];
  *out = k ? malloc((size_t)k * sizeof **out) : NULL;
  if (k && !*out) { free(amount); free(has); fl_game_fail(g, "out of memory"); lua_settop(L, fidx - 1); return -1; }
  for (int t = 0; t < nt; t++)
    if (has[t]) (*out)[(*n)++] = (fl_Cost){t, amount[t]};
  free(amount);
  free(has);
  lua_settop(L, fidx - 1);
  return 0;
}

typedef struct BuildArgs { fl_Script *sc; char *err; size_t errn; int rc; } BuildArgs;

/* Arg: lightuserdata to a BuildArgs. Runs fl_defs_build inside a pcall. */
static int protected_build(lua_State *L) {
  BuildArgs *a = lua_touserdata(L, 1);
  a->rc = fl_defs_build(a->sc, a->err, a->errn);
  if (!a->rc) fl_api_index_areas(a->sc);
  return 0;
}

fl_Script *fl_script_load(const char *where, const char *scenarios_root, const fl_ScriptOpts *opts,
                          char *err, size_t errn) {
  char dir[PATH_MAX];
  if (fl_script_resolve(where, scenarios_root, dir, sizeof dir, err, errn)) return NULL;
  fl_Script *sc = calloc(1, sizeof *sc);
  if (sc) sc->viewer = -1;
  if (!sc) { snprintf(err, errn, "out of memory"); return NULL; }
  sc->dir = fl_str_dup(dir);
  char root[PATH_MAX];
  snprintf(root, sizeof root, "%s", dir);
  char *slash = strrchr(root, '/');
  if (slash && slash != root) *slash = '\0';
  else snprintf(root, sizeof root, "%s", slash ? "/" : strcmp(dir, ".") ? "." : ".."); /* "x" lies in "." */
  sc->root = fl_str_dup(root);
  sc->path = fl_str_dup(scenarios_root ? scenarios_root : "");
  sc->mem_limit = opts && opts->mem_limit ? opts->mem_limit : (size_t)256 << 20;
  sc->load_budget = opts && opts->load_budget ? opts->load_budget : 50000000LL;
  sc->call_budget = opts && opts->call_budget ? opts->call_budget : 10000000LL;
  sc->call_seconds = opts && opts->call_seconds > 0 ? opts->call_seconds : 5;
  sc->load_seconds = sc->call_seconds > 30 ? sc->call_seconds : 30;
  sc->hash = FL_FNV_INIT;
  sc->no_class = opts && opts->no_class;
  sc->game_seconds = opts && opts->game_seconds > 0 ? opts->game_seconds : 0;
  sc->def = fl_def_new();
  if (!sc->def || fl_sb_open(sc)) { snprintf(err, errn, "out of memory"); fl_script_free(sc); return NULL; }
  lua_State *L = sc->L;
  lua_newtable(L);
  sc->fns = luaL_ref(L, LUA_REGISTRYINDEX);
  fl_defs_open(sc);
  fl_api_open(sc);
  /* flank.lang: which text table a scenario should load (a translation is one file) */
  const char *lang = opts && opts->lang && *opts->lang ? opts->lang : "en";
  for (const char *c = lang; *c; c++)
    if (!((*c >= 'a' && *c <= 'z') || *c == '_') || c - lang > 15) {
      snprintf(err, errn, "language '%s': use a code like en, lt or pl", lang);
      fl_script_free(sc);
      return NULL;
    }
  lua_rawgeti(L, LUA_REGISTRYINDEX, sc->env);
  lua_getfield(L, -1, "flank");
  lua_pushstring(L, lang);
  lua_setfield(L, -2, "lang");
  lua_pop(L, 2);
  char path[PATH_MAX + 16], chunk[PATH_MAX + 16];
  snprintf(path, sizeof path, "%s/scenario.lua", dir);
  snprintf(chunk, sizeof chunk, "@%s", path);
  sc->loading = 1;
  sc->mutable = 0;
  if (!fl_str_inside(path, dir)) { /* a symlink out of the scenario folder */
    snprintf(err, errn, "%s: leads outside the scenario folder %s (a symlink?); copy the file in instead", path, dir);
    fl_script_free(sc);
    return NULL;
  }
  if (fl_sb_load_file(sc, path, chunk) != 0 || fl_sb_pcall(sc, 0, 0, sc->load_budget) != LUA_OK) {
    fl_sb_error_text(sc, err, errn);
    fl_script_free(sc);
    return NULL;
  }
  sc->loading = 0;
  lua_getfield(L, LUA_REGISTRYINDEX, "flank.defs");
  lua_getfield(L, -1, "setup");
  lua_setfield(L, LUA_REGISTRYINDEX, "flank.setup");
  lua_pop(L, 1);
  /* building reads tables a stranger wrote: run it protected, so even an unforeseen
   * Lua error (out of memory while interning a key) is a message, not an abort */
  BuildArgs bargs = {sc, err, errn, 0};
  lua_pushcfunction(L, protected_build);
  lua_pushlightuserdata(L, &bargs);
  if (fl_sb_pcall(sc, 1, 0, sc->load_budget) != LUA_OK) {
    char lm[600];
    fl_sb_error_text(sc, lm, sizeof lm);
    snprintf(err, errn, "%s/scenario.lua: cannot build the definition: %s", dir, lm);
    fl_script_free(sc);
    return NULL;
  }
  if (bargs.rc) { fl_script_free(sc); return NULL; }
  sc->def->content_hash = sc->hash;
  sc->def->path = fl_str_dup(dir);
  /* the engine's setup closure is rule function number 1 past the scenario's */
  lua_rawgeti(L, LUA_REGISTRYINDEX, sc->fns);
  lua_pushlightuserdata(L, sc);
  lua_pushcclosure(L, apply_setup, 1);
  sc->def->fn_setup = (int)luaL_len(L, -2) + 1;
  lua_rawseti(L, -2, sc->def->fn_setup);
  lua_pop(L, 1);
  if (fl_reset_freeze(sc, err, errn)) { fl_script_free(sc); return NULL; }
  sc->mem_at_load = sc->mem_used;
  sc->game = fl_game_new(sc->def, (fl_Hooks){sc, hook_call, hook_list, hook_costs});
  if (!sc->game) { snprintf(err, errn, "out of memory"); fl_script_free(sc); return NULL; }
  for (int i = 0; i < sc->def->nside; i++)
    if (fl_script_set_policy(sc, i, "default", err, errn)) { fl_script_free(sc); return NULL; }
  for (int i = 0; opts && i < opts->nset; i++)
    if (fl_script_set_param(sc, opts->set[i], err, errn)) { fl_script_free(sc); return NULL; }
  if (!(sc->param_base = calloc((size_t)sc->def->nparam + 1, sizeof *sc->param_base))) {
    snprintf(err, errn, "out of memory");
    fl_script_free(sc);
    return NULL;
  }
  for (int i = 0; i < sc->def->nparam; i++) sc->param_base[i] = fl_game_param(sc->game, i);
  return sc;
}

void fl_script_free(fl_Script *sc) {
  if (!sc) return;
  if (sc->fast) fl_sb_fast(sc, 0); /* the watchdog must not see it any more */
  fl_game_free(sc->game);
  fl_sb_close(sc);
  fl_def_free(sc->def);
  for (int i = 0; i < FL_MAX_SIDES; i++) free(sc->policy_name[i]);
  for (int i = 0; i < sc->ninit; i++) {
    fl_AreaInit *in = &sc->inits[i];
    for (int k = 0; k < in->nprop; k++) { free(in->key[k]); if (in->str) free(in->str[k]); }
    free(in->key); free(in->type); free(in->num); free(in->str);
  }
  free(sc->inits);
  for (int i = 0; i < sc->npol; i++) { free(sc->pols[i].id); free(sc->pols[i].name); free(sc->pols[i].text); }
  free(sc->pols);
  free(sc->param_base);
  free(sc->dir);
  free(sc->root);
  free(sc->path);
  free(sc);
}

const fl_Def *fl_script_def(const fl_Script *sc) { return sc->def; }
fl_Game *fl_script_game(fl_Script *sc) { return sc->game; }
const char *fl_script_dir(const fl_Script *sc) { return sc->dir; }
const char *fl_script_policy(const fl_Script *sc, int side) { return side >= 0 && side < sc->def->nside ? sc->policy_name[side] : NULL; }

/* Push the choose function of the scenario's policy `id` for side, or nothing (returns 0). */
static int find_policy(fl_Script *sc, int side, const char *id) {
  for (int i = 0; i < sc->npol; i++)
    if (sc->pols[i].side == side && !strcmp(sc->pols[i].id, id)) {
      lua_rawgeti(sc->L, LUA_REGISTRYINDEX, sc->pols[i].ref);
      return 1;
    }
  return 0;
}

const char *fl_script_policy_label(const fl_Script *sc, int side, const char *id) {
  if (!id) return NULL;
  const char *name = NULL;
  for (int i = 0; i < sc->npol; i++) {
    const fl_PolicyDef *p = &sc->pols[i];
    if ((side >= 0 && p->side != side) || strcmp(p->id, id) || !*p->name) continue;
    if (name && strcmp(name, p->name)) { /* sides name it differently: the first playable side's name, as a set is read */
      for (int k = 0; side < 0 && k < sc->npol; k++)
        if (sc->def->sides[sc->pols[k].side].playable && !strcmp(sc->pols[k].id, id) && *sc->pols[k].name) return sc->pols[k].name;
      return id;
    }
    name = p->name;
  }
  return name ? name : id;
}

int fl_script_policy_info(const fl_Script *sc, int i, int *side, const char **id, const char **name, const char **text) {
  if (i < 0 || i >= sc->npol) return -1;
  const fl_PolicyDef *p = &sc->pols[i];
  *side = p->side; *id = p->id; *name = p->name; *text = p->text;
  return 0;
}

int fl_script_policy_names(const fl_Script *sc, const char **names, int max) {
  int k = 0;
  for (int i = 0; i < sc->npol && k < max; i++) {
    int dup = 0;
    for (int j = 0; j < k; j++) dup |= strcmp(names[j], sc->pols[i].id) == 0;
    if (!dup) names[k++] = sc->pols[i].id;
  }
  return k;
}

int fl_script_knows_policy(const fl_Script *sc, int side, const char *policy) {
  size_t pl = strlen(policy);
  if (!strcmp(policy, "random") || !strcmp(policy, "first") || !strcmp(policy, "default")) return 1;
  if (pl > 4 && !strcmp(policy + pl - 4, ".lua")) return 1;
  for (int i = 0; i < sc->npol; i++)
    if (sc->pols[i].side == side && !strcmp(sc->pols[i].id, policy)) return 1;
  return 0;
}

int fl_script_set_policy(fl_Script *sc, int side, const char *policy, char *err, size_t errn) {
  lua_State *L = sc->L;
  if (side < 0 || side >= sc->def->nside) { snprintf(err, errn, "no side %d", side); return -1; }
  int ref = 0;
  size_t pl = strlen(policy);
  if (!strcmp(policy, "random") || !strcmp(policy, "first")) ref = 0;
  else if (pl > 4 && !strcmp(policy + pl - 4, ".lua")) {
    char chunk[PATH_MAX + 2];
    snprintf(chunk, sizeof chunk, "@%s", policy);
    uint64_t keep = sc->hash; /* a policy file is not part of the scenario's identity */
    int rc = fl_sb_load_file(sc, policy, chunk);
    sc->hash = keep;
    if (rc != 0 || fl_sb_pcall(sc, 0, 1, sc->load_budget) != LUA_OK) {
      fl_sb_error_text(sc, err, errn);
      lua_pop(L, 1);
      return -1;
    }
    if (!lua_isfunction(L, -1)) {
      snprintf(err, errn, "%s: a policy file must return function(view, decision) ... end, not %s", policy, luaL_typename(L, -1));
      lua_pop(L, 1);
      return -1;
    }
    if (fl_reset_freeze_top(sc, policy, err, errn)) { lua_pop(L, 1); return -1; } /* loaded after the freeze: freeze it too */
    ref = luaL_ref(L, LUA_REGISTRYINDEX);
  } else if (find_policy(sc, side, policy)) {
    ref = luaL_ref(L, LUA_REGISTRYINDEX);
  } else if (strcmp(policy, "default") != 0) {
    const char *names[64];
    int n = fl_script_policy_names(sc, names, 60), own = n;
    char list[512] = "";
    for (int i = 0; i < own; i++) /* the scenario's own policies, so users need not read its source */
      if (strcmp(names[i], "default") && find_policy(sc, side, names[i])) {
        lua_pop(L, 1);
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", *list ? ", " : "", names[i]);
      }
    names[n++] = "random"; names[n++] = "first"; names[n++] = "default";
    const char *s = fl_str_suggest(policy, names, n);
    snprintf(err, errn, "unknown policy '%s' for side '%s'%s%s%s; it can play: random, first, default%s%s, or a .lua file",
             policy, sc->def->sides[side].id, s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "",
             *list ? ", " : "", list);
    return -1;
  }
  if (sc->policy_fn[side]) luaL_unref(L, LUA_REGISTRYINDEX, sc->policy_fn[side]);
  sc->policy_fn[side] = ref;
  free(sc->policy_name[side]);
  sc->policy_name[side] = fl_str_dup(policy);
  return 0;
}

int fl_script_play_on(fl_Script *sc, int until_turn) {
  fl_Game *g = sc->game;
  int st = fl_game_status(g);
  while (st == FL_GAME_WAITING && (until_turn <= 0 || fl_game_state(g)->turn < until_turn)) {
    fl_Choice ch;
    st = fl_script_choose(sc, &ch) ? FL_GAME_ERROR : fl_game_choose(g, &ch);
    if (st < 0) return FL_GAME_ERROR;
  }
  return st;
}

int fl_script_play(fl_Script *sc, uint64_t seed, long max_actions) {
  fl_Game *g = sc->game;
  double saved = sc->outer_deadline, saved_secs = sc->outer_secs;
  if (sc->game_seconds > 0) { /* every rule and policy call of the game stops at the game's deadline */
    double end = fl_sb_now() + sc->game_seconds;
    if (!(saved > 0 && saved < end)) { sc->outer_deadline = end; sc->outer_secs = sc->game_seconds; }
  }
  int st = fl_game_start(g, seed);
  long n = 0;
  while (st == FL_GAME_WAITING && (max_actions <= 0 || n < max_actions)) {
    fl_Choice ch;
    if (fl_script_choose(sc, &ch)) { st = FL_GAME_ERROR; break; }
    st = fl_game_choose(g, &ch);
    if (st < 0) { st = FL_GAME_ERROR; break; }
    n++;
  }
  sc->outer_deadline = saved;
  sc->outer_secs = saved_secs;
  return st;
}
