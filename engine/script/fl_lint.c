/* fl_lint: static checks of a scenario. Two sources of truth are combined:
 *  - a lenient load in the sandbox, whose definition functions record every
 *    table without raising, so all unknown keys and references are found at once;
 *  - a small Lua tokenizer over the source text, which gives exact lines for
 *    keys, finds string literals passed to flank.* calls inside function bodies,
 *    and tracks scopes to find globals written after load.
 * Which flank.* argument names what (an area, a track, ...) is derived from the
 * API registration (fl_script_api_docs), so new bindings are checked for free. */
#define _POSIX_C_SOURCE 200809L
#include "fl_lint_int.h"
#include "fl_lint_teach.h"
#include "fl_script_int.h"
#include "fl_str.h"
#include "fl_colour.h"
#include "fl_symbol.h"
#include <dirent.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *const SET_NAME[NSET] = {"side", "phase", "track", "area", "piece type", "decision", "event", "ending", "source",
                                           "parameter"};

/* Add v unless present; 1 if it was added. */
int set_add(Set *s, const char *v) {
  if (fl_index_get(&s->ix, v) >= 0) return 0;
  if (s->n == s->cap) {
    int cap = s->cap ? s->cap * 2 : 16;
    char **nv = realloc(s->v, (size_t)cap * sizeof *nv);
    if (!nv) return 0;
    s->v = nv;
    s->cap = cap;
  }
  char *copy = fl_str_dup(v);
  if (!copy || fl_index_put(&s->ix, copy, s->n, NULL)) { free(copy); return 0; }
  s->v[s->n++] = copy;
  return 1;
}

int set_has(const Set *s, const char *v) { return fl_index_get(&s->ix, v) >= 0; }

void set_free(Set *s) {
  for (int i = 0; i < s->n; i++) free(s->v[i]);
  free(s->v);
  fl_index_free(&s->ix);
}

/* ---- messages ---- */

void msg(Ctx *c, const char *file, int line, int level, const char *check, const char *fmt, ...) {
  for (int i = 0; i < c->nsrc; i++)
    if (!strcmp(c->src[i].path, file) && line > 0 && line <= c->src[i].nlines && (c->src[i].lf[line - 1] & LF_IGNORE)) return;
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  fl_Lint *l = c->out;
  char key[PATH_MAX + 1100];
  snprintf(key, sizeof key, "%s:%d:%s", file, line, buf);
  if (!set_add(&c->said, key)) return; /* the same finding reached twice is reported once */
  if (l->n == l->cap) {
    l->cap = l->cap ? l->cap * 2 : 32;
    l->m = realloc(l->m, (size_t)l->cap * sizeof *l->m);
  }
  l->m[l->n++] = (fl_LintMsg){fl_str_dup(file), line, level, check, fl_str_dup(buf)};
  l->errors += level == FL_LINT_ERROR;
}

const char *suggest(const Set *s, const char *id, char *buf, size_t n) {
  const char *g = fl_str_suggest(id, (const char *const *)s->v, s->n);
  if (g) snprintf(buf, n, " (did you mean '%s'?)", g);
  else buf[0] = '\0';
  return buf;
}

/* ---- reading files ---- */


static Src *add_src(Ctx *c, const char *path, int is_text) {
  size_t len;
  char *text = fl_str_read_file(path, &len);
  if (!text) return NULL;
  c->src = realloc(c->src, (size_t)(c->nsrc + 1) * sizeof *c->src);
  Src *s = &c->src[c->nsrc++];
  memset(s, 0, sizeof *s);
  s->path = fl_str_dup(path);
  s->text = text;
  s->len = len;
  s->is_text = is_text;
  tokenize(s);
  pair_brackets(s);
  return s;
}

/* The source file a Lua short_src names (it may be truncated to "...tail"). */
static Src *src_for(Ctx *c, const char *short_src) {
  if (!short_src) return c->nsrc ? &c->src[0] : NULL;
  const char *tail = short_src;
  if (!strncmp(tail, "...", 3)) tail += 3;
  size_t tl = strlen(tail);
  for (int i = 0; i < c->nsrc; i++) {
    size_t pl = strlen(c->src[i].path);
    if (pl >= tl && !strcmp(c->src[i].path + pl - tl, tail)) return &c->src[i];
  }
  return NULL;
}

/* ---- the lenient load ---- */

/* def_<kind>{...} that records without checking: lint reports everything at once. */
static int lenient_def(lua_State *L) {
  const char *kind = lua_tostring(L, lua_upvalueindex(2));
  if (lua_type(L, 1) != LUA_TTABLE) return luaL_error(L, "%s{...} expects a table (write %s{ id = \"...\", ... })", kind, kind);
  lua_settop(L, 1);
  lua_Debug ar;
  int line = 0;
  if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar)) {
    line = ar.currentline;
    lua_pushstring(L, ar.short_src);
    lua_setfield(L, 1, "__src");
  }
  lua_pushinteger(L, line);
  lua_setfield(L, 1, "__line");
  lua_getfield(L, LUA_REGISTRYINDEX, "flank.defs");
  lua_getfield(L, -1, kind);
  lua_pushvalue(L, 1);
  lua_rawseti(L, -2, (lua_Integer)luaL_len(L, -2) + 1);
  lua_settop(L, 1);
  fl_Script *sc = lua_touserdata(L, lua_upvalueindex(1));
  char err[700]; /* the map, for the reads a scenario may make while it loads (a bad map: the real load says) */
  if (!strcmp(kind, "scenario") && !sc->map_read && lua_getfield(L, 1, "map") == LUA_TSTRING)
    fl_defs_read_map(sc, lua_tostring(L, -1), 0, err, sizeof err);
  lua_settop(L, 1);
  return 1;
}

static int lenient_setup(lua_State *L) {
  luaL_checktype(L, 1, LUA_TFUNCTION);
  return 0;
}

/* flank.* while loading: the game does not exist yet. */
static int load_time_call(lua_State *L) {
  return luaL_error(L, "%s is called while the scenario loads; call it inside setup(), an effect, a condition or a policy",
                    lua_tostring(L, lua_upvalueindex(1)));
}

static void install_lenient(Ctx *c) {
  lua_State *L = c->L;
  lua_newtable(L);
  for (int i = 0; fl_defs_kind(i); i++) {
    lua_newtable(L);
    lua_setfield(L, -2, fl_defs_kind(i));
  }
  lua_setfield(L, LUA_REGISTRYINDEX, "flank.defs");
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->sc->env);
  int env = lua_gettop(L);
  for (int i = 0; fl_defs_kind(i); i++) {
    lua_pushlightuserdata(L, c->sc);
    lua_pushstring(L, fl_defs_kind(i));
    lua_pushcclosure(L, lenient_def, 2);
    lua_setfield(L, env, fl_defs_kind(i));
  }
  lua_pushcfunction(L, lenient_setup);
  lua_setfield(L, env, "setup");
  int n;
  const fl_ApiDoc *d = fl_script_api_docs(&n);
  lua_newtable(L);
  int flank = lua_gettop(L);
  for (int i = 0; i < n; i++) {
    if (lua_getfield(L, flank, d[i].module) == LUA_TNIL) {
      lua_pop(L, 1);
      lua_newtable(L);
      lua_pushvalue(L, -1);
      lua_setfield(L, flank, d[i].module);
    }
    lua_CFunction reader = fl_api_load_reader(d[i].module, d[i].name);
    if (reader) { lua_pushlightuserdata(L, c->sc); lua_pushcclosure(L, reader, 1); }
    else { lua_pushfstring(L, "flank.%s.%s", d[i].module, d[i].name); lua_pushcclosure(L, load_time_call, 1); }
    lua_setfield(L, -2, d[i].name);
    lua_pop(L, 1);
  }
  lua_pushstring(L, c->lang); /* flank.lang, as the real loader sets it */
  lua_setfield(L, flank, "lang");
  lua_setfield(L, env, "flank");
  lua_getfield(L, env, "math");
  lua_pushstring(L, "math.random");
  lua_pushcclosure(L, load_time_call, 1);
  lua_setfield(L, -2, "random");
  lua_pop(L, 2);
}

/* Split "path:line: message" into parts; returns the line (0 if none). */
static int split_error(const char *e, char *file, size_t fn, const char **rest) {
  const char *p = e;
  while ((p = strchr(p, ':')) != NULL) {
    const char *q = p + 1;
    int line = 0, digits = 0;
    while (*q >= '0' && *q <= '9') { line = line * 10 + (*q - '0'); q++; digits++; }
    if (digits && *q == ':') {
      snprintf(file, fn, "%.*s", (int)(p - e), e);
      *rest = q[1] == ' ' ? q + 2 : q + 1;
      return line;
    }
    p++;
  }
  *rest = e;
  return 0;
}

static void load_error(Ctx *c, const char *e) {
  char file[PATH_MAX];
  const char *rest;
  int line = split_error(e, file, sizeof file, &rest);
  if (line) {
    Src *s = src_for(c, file);
    msg(c, s ? s->path : file, line, FL_LINT_ERROR, "load", "%s", rest);
  } else msg(c, c->nsrc ? c->src[0].path : c->dir, 1, FL_LINT_ERROR, "load", "%s", e);
}

/* Push registry defs[kind] and return its length. */
int defs(lua_State *L, const char *kind) {
  lua_getfield(L, LUA_REGISTRYINDEX, "flank.defs");
  lua_getfield(L, -1, kind);
  lua_remove(L, -2);
  return lua_istable(L, -1) ? (int)luaL_len(L, -1) : 0;
}

/* Where a recorded definition table (on top of the stack) came from. */

Where where_of(Ctx *c, lua_State *L, const char *kind) {
  Where w = {NULL, 0, -1};
  lua_getfield(L, -1, "__line");
  w.line = (int)lua_tointeger(L, -1);
  lua_getfield(L, -2, "__src");
  w.src = src_for(c, lua_tostring(L, -1));
  lua_pop(L, 2);
  if (!w.src && c->nsrc) w.src = &c->src[0];
  if (w.src) {
    w.open = def_open(w.src, kind, w.line);
    if (w.open >= 0) w.line = w.src->t[w.open].line;
  }
  return w;
}

/* The line of field key in the definition (or of the definition itself). */
int field_line(const Where *w, const char *key) {
  if (!w->src || w->open < 0) return w->line;
  int k = find_field(w->src, w->open, key);
  return k >= 0 ? w->src->t[k].line : w->line;
}

const char *wfile(Ctx *c, const Where *w) { return w->src ? w->src->path : c->nsrc ? c->src[0].path : "scenario.lua"; }

const char *strfield(lua_State *L, int t, const char *k, char *buf, size_t n) {
  int ty = lua_getfield(L, t, k);
  const char *r = NULL;
  if (ty == LUA_TSTRING) { snprintf(buf, n, "%s", lua_tostring(L, -1)); r = buf; }
  lua_pop(L, 1);
  return r;
}

/* Check the string keys of the table at t against keys[]. */
static void check_keys(Ctx *c, int t, const char *what, const char *kind, const Where *w, int open) {
  lua_State *L = c->L;
  const char *const *keys = fl_defs_keys(kind);
  if (!keys) return;
  int nk = 0;
  while (keys[nk]) nk++;
  lua_pushnil(L);
  while (lua_next(L, t)) {
    lua_pop(L, 1);
    if (lua_type(L, -1) != LUA_TSTRING) continue;
    const char *k = lua_tostring(L, -1);
    if (!strcmp(k, "__line") || !strcmp(k, "__src")) continue;
    int known = 0;
    for (int i = 0; keys[i]; i++) known |= !strcmp(keys[i], k);
    if (known) continue;
    int line = w->line;
    if (w->src && open >= 0) {
      int f = find_field(w->src, open, k);
      line = f >= 0 ? w->src->t[f].line : w->src->t[open].line;
    }
    const char *s = fl_str_suggest(k, keys, nk);
    msg(c, wfile(c, w), line, FL_LINT_ERROR, "unknown-key", "%s: unknown key '%s'%s%s%s", what, k,
        s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
  }
}

static void ref(Ctx *c, const char *file, int line, int set, const char *id, const char *what) {
  if (set_has(&c->sets[set], id)) return;
  char sg[128];
  msg(c, file, line, set == S_SOURCE ? FL_LINT_WARNING : FL_LINT_ERROR, "unknown-ref", "%s: unknown %s '%s'%s", what,
      SET_NAME[set], id, suggest(&c->sets[set], id, sg, sizeof sg));
}

/* Gather the ids every reference is checked against. */
static void collect_ids(Ctx *c) {
  lua_State *L = c->L;
  static const struct { const char *kind; int set; } K[] = {
    {"side", S_SIDE}, {"phase", S_PHASE}, {"track", S_TRACK}, {"area", S_AREA}, {"piece_type", S_PTYPE},
    {"decision", S_DECISION}, {"event", S_EVENT}, {"ending", S_ENDING}, {"parameter", S_PARAM}, {"source", S_SOURCE}};
  for (size_t k = 0; k < sizeof K / sizeof K[0]; k++) {
    int n = defs(L, K[k].kind);
    for (int i = 1; i <= n; i++) {
      lua_rawgeti(L, -1, i);
      char id[128];
      if (strfield(L, -1, "id", id, sizeof id)) set_add(&c->sets[K[k].set], id);
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
  if (c->sets[S_PHASE].n == 0) /* one phase per side when none are given */
    for (int i = 0; i < c->sets[S_SIDE].n; i++) set_add(&c->sets[S_PHASE], c->sets[S_SIDE].v[i]);
  /* decisions with their options */
  int n = defs(L, "decision");
  c->dec = calloc((size_t)n + 1, sizeof *c->dec);
  for (int i = 1; i <= n; i++) {
    int top = lua_gettop(L); /* the pushes below depend on what the scenario wrote */
    lua_rawgeti(L, -1, i);
    char id[128], side[128];
    Decision *d = &c->dec[c->ndec++];
    d->id = fl_str_dup(strfield(L, -1, "id", id, sizeof id));
    d->side = fl_str_dup(strfield(L, -1, "side", side, sizeof side));
    if (lua_getfield(L, -1, "options") == LUA_TTABLE)
      for (lua_Integer k = 1; lua_rawgeti(L, -1, k) == LUA_TTABLE; k++) {
        if (strfield(L, -1, "id", id, sizeof id)) set_add(&d->opts, id);
        lua_pop(L, 1);
      }
    lua_settop(L, top);
  }
  lua_pop(L, 1);
  /* scenario sources and map */
  if (defs(L, "scenario") >= 1) {
    lua_rawgeti(L, -1, 1);
    if (lua_getfield(L, -1, "sources") == LUA_TTABLE) {
      lua_pushnil(L);
      while (lua_next(L, -2)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TSTRING) set_add(&c->sets[S_SOURCE], lua_tostring(L, -1));
      }
    }
    lua_pop(L, 1);
    char m[512];
    if (strfield(L, -1, "map", m, sizeof m) && !strstr(m, "..") && m[0] != '/') {
      char path[PATH_MAX + 600], err[600];
      if (!strncmp(m, "assets/", 7)) fl_path_asset(c->root, m, path, sizeof path);
      else snprintf(path, sizeof path, "%s/%s", c->dir, m);
      fl_Map *map = fl_map_new();
      if (map && fl_map_load(map, path, err, sizeof err) == 0)
        for (int i = 0; i < fl_map_area_count(map); i++) set_add(&c->sets[S_AREA], fl_map_area(map, i)->id);
      fl_map_free(map);
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

/* Days of the last turn's start under the scenario's calendar (no set_step at runtime). */
static int calendar(Ctx *c, int32_t *start, int32_t *last) {
  lua_State *L = c->L;
  int ok = 0;
  if (defs(L, "scenario") == 1) {
    lua_rawgeti(L, -1, 1);
    char s[64];
    int turns = 12, tty = lua_getfield(L, -1, "turns"); /* a turns of the wrong type is reported, not guessed */
    if (tty == LUA_TNUMBER) turns = (int)lua_tointeger(L, -1);
    else if (tty != LUA_TNIL) turns = 0;
    lua_pop(L, 1);
    if (fl_date_parse(strfield(L, -1, "start", s, sizeof s) ? s : "2025-01-01", start) == 0 && turns >= 1 && turns <= 100000) {
      fl_Span step = {1, FL_SPAN_MONTH};
      int ty = lua_getfield(L, -1, "step"), tbl = ty == LUA_TTABLE;
      ok = ty == LUA_TNIL || ty == LUA_TSTRING || tbl;
      if (ty == LUA_TSTRING && fl_span_parse(lua_tostring(L, -1), &step)) ok = 0;
      *last = *start;
      for (int t = 1; ok && t < turns; t++) {
        if (tbl) /* the entry in force for turn t */
          for (lua_Integer i = 1; lua_rawgeti(L, -1, i) == LUA_TTABLE; i++) {
            lua_getfield(L, -1, "from");
            lua_getfield(L, -2, "step");
            if (lua_tointeger(L, -2) <= t && lua_isstring(L, -1)) fl_span_parse(lua_tostring(L, -1), &step);
            lua_pop(L, 3);
          }
        if (tbl) lua_pop(L, 1);
        *last = fl_date_add(*last, step);
      }
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  return ok;
}

/* `when = function() return false end` */
static int never_true(const Src *s, int k) {
  return k >= 0 && tis(s, k + 2, "function") && tis(s, k + 3, "(") && tis(s, k + 4, ")") && tis(s, k + 5, "return") &&
         (tis(s, k + 6, "false") || tis(s, k + 6, "nil")) && tis(s, k + 7, "end");
}

/* Keys, references, options, events: everything read from the recorded definitions. */
static void check_defs(Ctx *c) {
  lua_State *L = c->L;
  char what[160], buf[256];
  for (int ki = 0; fl_defs_kind(ki); ki++) {
    const char *kind = fl_defs_kind(ki);
    int n = defs(L, kind);
    int list = lua_gettop(L);
    for (int i = 1; i <= n; i++) {
      lua_rawgeti(L, list, i);
      int t = lua_gettop(L);
      Where w = where_of(c, L, kind);
      const char *file = wfile(c, &w);
      char id[128];
      if (strfield(L, t, "id", id, sizeof id)) snprintf(what, sizeof what, "%s '%s'", kind, id);
      else snprintf(what, sizeof what, "%s", kind);
      check_keys(c, t, what, kind, &w, w.open);
      check_types(c, t, what, kind, &w);
      if (strfield(L, t, "side", buf, sizeof buf)) ref(c, file, field_line(&w, "side"), S_SIDE, buf, what);
      if (strfield(L, t, "owner", buf, sizeof buf)) ref(c, file, field_line(&w, "owner"), S_SIDE, buf, what);
      if (!strcmp(kind, "place") && strfield(L, t, "area", buf, sizeof buf)) ref(c, file, field_line(&w, "area"), S_AREA, buf, what);
      if (strcmp(kind, "scenario") && strfield(L, t, "source", buf, sizeof buf) && c->sets[S_SOURCE].n)
        ref(c, file, field_line(&w, "source"), S_SOURCE, buf, what);
      if (!strcmp(kind, "decision") && strfield(L, t, "phase", buf, sizeof buf)) ref(c, file, field_line(&w, "phase"), S_PHASE, buf, what);
      if (!strcmp(kind, "piece_type") && strfield(L, t, "symbol", buf, sizeof buf) && fl_symbol_find(buf) < 0) {
        const char *names[64];
        const char *sg = fl_str_suggest(buf, names, fl_symbol_names(names, 64));
        msg(c, file, field_line(&w, "symbol"), FL_LINT_ERROR, "unknown-symbol", "%s: unknown symbol '%s'%s%s%s", what, buf,
            sg ? " (did you mean '" : " (the symbols are listed in docs/api.md under piece_type", sg ? sg : "", sg ? "'?)" : ")");
      }
      if (!strcmp(kind, "area") && lua_getfield(L, t, "adjacent") == LUA_TTABLE) {
        for (lua_Integer k = 1; lua_rawgeti(L, -1, k) == LUA_TSTRING; k++) {
          ref(c, file, field_line(&w, "adjacent"), S_AREA, lua_tostring(L, -1), what);
          lua_pop(L, 1);
        }
        lua_pop(L, 1);
      }
      if (!strcmp(kind, "area")) lua_pop(L, 1);
      if (!strcmp(kind, "decision")) {
        int ty = lua_getfield(L, t, "options"), no = ty == LUA_TTABLE ? (int)luaL_len(L, -1) : 0;
        int optopen = -1;
        if (w.src && w.open >= 0) {
          int f = find_field(w.src, w.open, "options");
          if (f >= 0 && tis(w.src, f + 2, "{")) optopen = f + 2;
        }
        if (no == 0)
          msg(c, file, field_line(&w, "options"), FL_LINT_ERROR, "no-options", "%s has no options; give options = { { id = ..., label = ... } }", what);
        for (int k = 1; k <= no; k++) {
          if (lua_rawgeti(L, -1, k) != LUA_TTABLE) { lua_pop(L, 1); continue; }
          int o = lua_gettop(L);
          char ow[240], oid[128];
          if (strfield(L, o, "id", oid, sizeof oid)) snprintf(ow, sizeof ow, "%s option '%s'", what, oid);
          else snprintf(ow, sizeof ow, "%s option %d", what, k);
          Where ow_w = w;
          ow_w.open = optopen >= 0 && w.src ? nth_table(w.src, optopen, k) : -1;
          if (ow_w.open >= 0) ow_w.line = w.src->t[ow_w.open].line;
          check_keys(c, o, ow, "option", &ow_w, ow_w.open);
          check_types(c, o, ow, "option", &ow_w);
          static const char *const TK[] = {"area", "areas", "piece", "pieces", "move"};
          int tty = lua_getfield(L, o, "target");
          if (tty != LUA_TNIL) {
            const char *tk = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "";
            int known = 0;
            for (int q = 0; q < 5; q++) known |= !strcmp(tk, TK[q]);
            if (!known) {
              const char *sg = fl_str_suggest(tk, TK, 5);
              msg(c, file, field_line(&ow_w, "target"), FL_LINT_ERROR, "bad-value",
                  "%s: target '%s' is not one of area, areas, piece, pieces, move%s%s%s", ow, tk,
                  sg ? " (did you mean '" : "", sg ? sg : "", sg ? "'?)" : "");
            }
          }
          lua_pop(L, 1);
          if (tty == LUA_TNIL && lua_getfield(L, o, "legal") != LUA_TNIL)
            msg(c, file, field_line(&ow_w, "legal"), FL_LINT_ERROR, "bad-value",
                "%s: legal lists targets, but the option has no target = \"area\", \"piece\", ... kind", ow);
          if (tty == LUA_TNIL) lua_pop(L, 1);
          if (lua_getfield(L, o, "cost") == LUA_TTABLE) {
            lua_pushnil(L);
            while (lua_next(L, -2)) {
              lua_pop(L, 1);
              if (lua_type(L, -1) != LUA_TSTRING) continue;
              const char *tr = lua_tostring(L, -1);
              int line = field_line(&ow_w, "cost");
              if (ow_w.src && ow_w.open >= 0) {
                int cf = find_field(ow_w.src, ow_w.open, "cost");
                if (cf >= 0 && tis(ow_w.src, cf + 2, "{")) {
                  int kf = find_field(ow_w.src, cf + 2, tr);
                  if (kf >= 0) line = ow_w.src->t[kf].line;
                }
              }
              ref(c, file, line, S_TRACK, tr, ow);
            }
          }
          lua_pop(L, 2);
        }
        lua_pop(L, 1);
      }
      if (!strcmp(kind, "event")) {
        if (lua_getfield(L, t, "chance") == LUA_TNUMBER && lua_tonumber(L, -1) <= 0)
          msg(c, file, field_line(&w, "chance"), FL_LINT_ERROR, "never-fires", "%s can never fire (chance = 0)", what);
        lua_pop(L, 1);
        if (w.src && never_true(w.src, find_field(w.src, w.open, "when")))
          msg(c, file, field_line(&w, "when"), FL_LINT_ERROR, "never-fires", "%s can never fire (its when always returns false)", what);
        if (strfield(L, t, "on", buf, sizeof buf)) {
          int32_t date, start, last;
          if (!strncmp(buf, "phase:", 6)) ref(c, file, field_line(&w, "on"), S_PHASE, buf + 6, what);
          else if (!strncmp(buf, "date:", 5) && !fl_date_parse(buf + 5, &date) && calendar(c, &start, &last)) {
            char ls[16], ss[16];
            fl_date_format(last, ls, sizeof ls);
            fl_date_format(start, ss, sizeof ss);
            if (date > last)
              msg(c, file, field_line(&w, "on"), FL_LINT_ERROR, "never-fires",
                  "%s can never fire: %s is after the last turn (%s) of the scenario's calendar", what, buf + 5, ls);
            else if (date < start)
              msg(c, file, field_line(&w, "on"), FL_LINT_WARNING, "never-fires",
                  "%s: %s is before the scenario starts (%s); it fires on turn 1", what, buf + 5, ss);
          }
        }
      }
      if (!strcmp(kind, "decision") && w.src && never_true(w.src, find_field(w.src, w.open, "when")))
        msg(c, file, field_line(&w, "when"), FL_LINT_ERROR, "never-offered", "%s is never offered (its when always returns false)", what);
      lua_settop(L, list);
    }
    lua_pop(L, 1);
  }
}

/* ---- flank.* calls: which argument names an id ---- */

static int set_of(const char *module, const char *param) {
  static const struct { const char *name; int set; } M[] = {
    {"area", S_AREA}, {"side", S_SIDE}, {"ending", S_ENDING}, {"type", S_PTYPE}, {"track", S_TRACK},
    {"decision", S_DECISION}, {"event", S_EVENT}, {"phase", S_PHASE}, {"param", S_PARAM}};
  const char *name = !strcmp(param, "id") ? module : param;
  for (size_t i = 0; i < sizeof M / sizeof M[0]; i++)
    if (!strcmp(M[i].name, name)) return M[i].set;
  return -1;
}

/* Parse "a: string, b?: {x: string, y?: string}" into ApiArgs. */
static void parse_params(Ctx *c, const fl_ApiDoc *d) {
  const char *p = d->params;
  int arg = 0;
  while (*p) {
    while (*p == ' ' || *p == ',') p++;
    if (!*p) break;
    arg++;
    char name[32];
    int n = 0;
    while (*p && *p != ':' && *p != '?' && n < 31) name[n++] = *p++;
    name[n] = '\0';
    while (*p == '?' || *p == ':' || *p == ' ') p++;
    if (*p == '{') {
      const char *e = strchr(p, '}');
      if (!e) return;
      const char *q = p + 1;
      while (q < e) {
        while (q < e && (*q == ' ' || *q == ',')) q++;
        char f[32];
        int m = 0;
        while (q < e && *q != ':' && *q != '?' && m < 31) f[m++] = *q++;
        f[m] = '\0';
        while (q < e && (*q == '?' || *q == ':' || *q == ' ')) q++;
        int is_str = !strncmp(q, "string", 6);
        while (q < e && *q != ',') q++;
        int set = is_str ? set_of(d->module, f) : -1;
        if (set >= 0 && !(set == S_AREA && !strcmp(f, "id"))) {
          c->args = realloc(c->args, (size_t)(c->nargs + 1) * sizeof *c->args);
          ApiArg *a = &c->args[c->nargs++];
          *a = (ApiArg){d->module, d->name, arg, "", set};
          snprintf(a->field, sizeof a->field, "%s", f);
        }
      }
      p = e + 1;
    } else {
      int is_str = !strncmp(p, "string", 6);
      while (*p && *p != ',') p++;
      int set = is_str ? set_of(d->module, name) : -1;
      if (set >= 0) {
        c->args = realloc(c->args, (size_t)(c->nargs + 1) * sizeof *c->args);
        c->args[c->nargs++] = (ApiArg){d->module, d->name, arg, "", set};
      }
    }
  }
}

static void check_arg_string(Ctx *c, Src *s, int k, const char *module, const char *fn, int arg, const char *field) {
  char id[128], what[160];
  ttext(s, k, id, sizeof id);
  for (int i = 0; i < c->nargs; i++) {
    const ApiArg *a = &c->args[i];
    if (a->arg != arg || strcmp(a->module, module) || strcmp(a->fn, fn) || strcmp(a->field, field ? field : "")) continue;
    snprintf(what, sizeof what, "flank.%s.%s", module, fn);
    ref(c, s->path, s->t[k].line, a->set, id, what);
  }
}

/* Check the arguments of a call whose first argument token is at k. */
static void check_call(Ctx *c, Src *s, int k, const char *module, const char *fn) {
  if (ttype(s, k) == T_STR) { check_arg_string(c, s, k, module, fn, 1, NULL); return; }
  if (tis(s, k, "{")) {
    int close = match_close(s, k), d = 0;
    for (int j = k; j < close; j++) {
      if (tis(s, j, "{") || tis(s, j, "(") || tis(s, j, "[")) { d++; continue; }
      if (tis(s, j, "}") || tis(s, j, ")") || tis(s, j, "]")) { d--; continue; }
      if (d == 1 && ttype(s, j) == T_NAME && tis(s, j + 1, "=") && ttype(s, j + 2) == T_STR &&
          (tis(s, j + 3, ",") || tis(s, j + 3, "}") || tis(s, j + 3, ";"))) {
        char f[32];
        check_arg_string(c, s, j + 2, module, fn, 1, ttext(s, j, f, sizeof f));
      }
    }
    return;
  }
  if (!tis(s, k, "(")) return;
  int close = match_close(s, k), d = 0, arg = 1, start = k + 1;
  for (int j = k + 1; j <= close; j++) {
    int end = j == close || (d == 0 && tis(s, j, ","));
    if (end) {
      if (j - start == 1 && ttype(s, start) == T_STR) check_arg_string(c, s, start, module, fn, arg, NULL);
      if (j - start >= 1 && tis(s, start, "{")) check_call(c, s, start, module, fn);
      arg++;
      start = j + 1;
      continue;
    }
    if (tis(s, j, "{") || tis(s, j, "(") || tis(s, j, "[")) d++;
    else if (tis(s, j, "}") || tis(s, j, ")") || tis(s, j, "]")) d--;
  }
}

/* Find flank.mod.fn(...), F.mod.fn(...) (local F = flank) and M.fn(...) (local M = flank.mod). */
static void check_calls(Ctx *c, Src *s) {
  Set alias = {0}, modalias = {0}, modname = {0};
  set_add(&alias, "flank");
  for (int k = 0; k + 3 < s->nt; k++) {
    char a[64], m[64], f[64];
    if (tis(s, k, "local") && ttype(s, k + 1) == T_NAME && tis(s, k + 2, "=") && tis(s, k + 3, "flank")) {
      if (tis(s, k + 4, ".") && ttype(s, k + 5) == T_NAME && !tis(s, k + 6, ".")) {
        set_add(&modalias, ttext(s, k + 1, a, sizeof a));
        set_add(&modname, ttext(s, k + 5, m, sizeof m));
      } else if (!tis(s, k + 4, ".")) set_add(&alias, ttext(s, k + 1, a, sizeof a));
      continue;
    }
    if (ttype(s, k) != T_NAME || tis(s, k - 1, ".") || tis(s, k - 1, ":")) continue;
    ttext(s, k, a, sizeof a);
    if (set_has(&alias, a) && tis(s, k + 1, ".") && ttype(s, k + 2) == T_NAME && tis(s, k + 3, ".") && ttype(s, k + 4) == T_NAME)
      check_call(c, s, k + 5, ttext(s, k + 2, m, sizeof m), ttext(s, k + 4, f, sizeof f));
    else
      for (int i = 0; i < modalias.n; i++)
        if (!strcmp(modalias.v[i], a) && tis(s, k + 1, ".") && ttype(s, k + 2) == T_NAME)
          check_call(c, s, k + 3, modname.v[i], ttext(s, k + 2, f, sizeof f));
  }
  set_free(&alias);
  set_free(&modalias);
  set_free(&modname);
  /* decision.taken("d") == "option": the option must belong to that decision */
  for (int k = 3; k + 4 < s->nt; k++) {
    if (!tis(s, k - 3, "decision") || !tis(s, k - 2, ".") || !tis(s, k - 1, "taken") || !tis(s, k, "(") ||
        ttype(s, k + 1) != T_STR || !tis(s, k + 2, ")") || !(tis(s, k + 3, "==") || tis(s, k + 3, "~=")) ||
        ttype(s, k + 4) != T_STR)
      continue;
    char d[128], o[128], sg[128];
    ttext(s, k + 1, d, sizeof d);
    ttext(s, k + 4, o, sizeof o);
    for (int i = 0; i < c->ndec; i++)
      if (c->dec[i].id && !strcmp(c->dec[i].id, d) && !set_has(&c->dec[i].opts, o))
        msg(c, s->path, s->t[k + 4].line, FL_LINT_ERROR, "unknown-ref", "flank.decision.taken: decision '%s' has no option '%s'%s",
            d, o, suggest(&c->dec[i].opts, o, sg, sizeof sg));
  }
}

/* The target kind of option `opt` of side's decisions ("" if none), into buf. */
static const char *opt_target(lua_State *L, const char *side, const char *opt, char *buf, size_t n) {
  char sd[128], id[128];
  buf[0] = '\0';
  int nd = defs(L, "decision");
  for (int d = 1; d <= nd && !buf[0]; d++) {
    lua_rawgeti(L, -1, d);
    int mine = strfield(L, -1, "side", sd, sizeof sd) && !strcmp(sd, side);
    if (mine && lua_getfield(L, -1, "options") == LUA_TTABLE) {
      for (lua_Integer k = 1; lua_rawgeti(L, -1, k) == LUA_TTABLE; k++) {
        if (strfield(L, -1, "id", id, sizeof id) && !strcmp(id, opt) && !strfield(L, -1, "target", buf, n)) snprintf(buf, n, "none");
        lua_pop(L, 1);
      }
      lua_pop(L, 1); /* the non-table that ended the loop */
    }
    if (mine) lua_pop(L, 1); /* options */
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  return buf;
}

/* `return "lay", "riga"`: a literal target must suit the option (an area id for area
 * kinds and a move's destination), and an option without targets takes none. */
static void check_literal_targets(Ctx *c, const Src *s, int k, const char *side, const char *pol, const char *o) {
  char kind[32], t[128], what[300];
  if (!tis(s, k + 2, ",")) return;
  opt_target(c->L, side, o, kind, sizeof kind);
  if (!kind[0]) return;
  int at = k + 3;
  if (!strcmp(kind, "move")) { /* piece id, then the area */
    if (!tis(s, at + 1, ",")) return;
    at += 2;
  }
  if (!strcmp(kind, "none")) {
    snprintf(what, sizeof what, "policy '%s' returns a target for option '%s', which takes none", pol, o);
    msg(c, s->path, s->t[at].line, FL_LINT_ERROR, "bad-target", "%s", what);
    return;
  }
  int area_kind = !strcmp(kind, "area") || !strcmp(kind, "areas") || !strcmp(kind, "move");
  if (ttype(s, at) != T_STR || tis(s, at + 1, "..")) return;
  ttext(s, at, t, sizeof t);
  if (area_kind && !set_has(&c->sets[S_AREA], t)) {
    char sg[128];
    snprintf(what, sizeof what, "policy '%s' returns target '%s' for option '%s', which is no area%s", pol, t, o,
             suggest(&c->sets[S_AREA], t, sg, sizeof sg));
    msg(c, s->path, s->t[at].line, FL_LINT_ERROR, "bad-target", "%s", what);
  } else if (!area_kind) {
    snprintf(what, sizeof what, "policy '%s' returns '%s' for option '%s', which takes piece ids (integers)", pol, t, o);
    msg(c, s->path, s->t[at].line, FL_LINT_ERROR, "bad-target", "%s", what);
  }
}

/* A policy's `return "x"` must name an option of one of its side's decisions. */
static void check_policy_returns(Ctx *c) {
  lua_State *L = c->L;
  int n = defs(L, "policy");
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    Where w = where_of(c, L, "policy");
    char side[128], id[128];
    if (!w.src || w.open < 0 || !strfield(L, -1, "side", side, sizeof side)) { lua_pop(L, 1); continue; }
    if (!strfield(L, -1, "id", id, sizeof id)) snprintf(id, sizeof id, "?");
    Set opts = {0};
    for (int d = 0; d < c->ndec; d++)
      if (c->dec[d].side && !strcmp(c->dec[d].side, side))
        for (int o = 0; o < c->dec[d].opts.n; o++) set_add(&opts, c->dec[d].opts.v[o]);
    int close = match_close(w.src, w.open);
    for (int k = w.open; k < close; k++)
      if (tis(w.src, k, "return") && ttype(w.src, k + 1) == T_STR && !tis(w.src, k + 2, "..")) {
        char o[128], sg[128], what[300];
        ttext(w.src, k + 1, o, sizeof o);
        if (opts.n && !set_has(&opts, o)) {
          snprintf(what, sizeof what, "policy '%s' of side '%s' returns '%s', which is no option of that side's decisions%s",
                   id, side, o, suggest(&opts, o, sg, sizeof sg));
          msg(c, w.src->path, w.src->t[k + 1].line, FL_LINT_ERROR, "unknown-ref", "%s", what);
        } else if (opts.n) {
          check_literal_targets(c, w.src, k, side, id, o);
        }
      }
    set_free(&opts);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

/* ---- globals written after load: a scope walk over the tokens ---- */

typedef struct Scope { int func, depth, nloc, cap; char **loc; int *locline; int chunk_level; } Scope;

static void declare(Scope *sc, const char *name, int line) {
  if (sc->nloc == sc->cap) {
    sc->cap = sc->cap ? sc->cap * 2 : 8;
    sc->loc = realloc(sc->loc, (size_t)sc->cap * sizeof *sc->loc);
    sc->locline = realloc(sc->locline, (size_t)sc->cap * sizeof *sc->locline);
  }
  sc->locline[sc->nloc] = line;
  sc->loc[sc->nloc++] = fl_str_dup(name);
}

static void check_globals(Ctx *c, Src *s) {
  Scope st[256];
  int ns = 1, depth = 0, in_local = 0, for_vars = -1;
  memset(st, 0, sizeof st);
  st[0].chunk_level = 1;
  char name[128];
  /* pending locals of a `for` header or function parameters, declared when the block opens */
  char pend[16][64];
  int npend = 0;
#define PUSH(isfunc)                                                                   \
  do {                                                                                 \
    if (ns < 256) {                                                                    \
      memset(&st[ns], 0, sizeof st[ns]);                                               \
      st[ns].func = (isfunc);                                                          \
      st[ns].depth = depth;                                                            \
      st[ns].chunk_level = !(isfunc) && st[ns - 1].chunk_level;                        \
      for (int q = 0; q < npend; q++) declare(&st[ns], pend[q], 0);                    \
    }                                                                                  \
    npend = 0;                                                                         \
    ns++;                                                                              \
  } while (0)
#define POP()                                                                          \
  do {                                                                                 \
    if (ns > 1) {                                                                      \
      ns--;                                                                            \
      if (ns < 256) {                                                                  \
        for (int q = 0; q < st[ns].nloc; q++) free(st[ns].loc[q]);                     \
        free(st[ns].loc);                                                              \
        free(st[ns].locline);                                                          \
      }                                                                                \
    }                                                                                  \
  } while (0)
  for (int k = 0; k < s->nt - 1; k++) {
    int top = ns - 1 < 255 ? ns - 1 : 255;
    if (tis(s, k, "{") || tis(s, k, "(") || tis(s, k, "[")) { depth++; }
    else if (tis(s, k, "}") || tis(s, k, ")") || tis(s, k, "]")) depth--;
    if (tis(s, k, "function")) {
      in_local = 0;
      /* local function NAME: NAME is declared before the body; function a.b.c: not a local */
      int j = k + 1;
      if (ttype(s, j) == T_NAME && tis(s, k - 1, "local")) {
        declare(&st[top], ttext(s, j, name, sizeof name), s->t[j].line);
      } else if (ttype(s, j) == T_NAME && !tis(s, k - 1, "local") && !tis(s, j + 1, ".") && !tis(s, j + 1, ":")) {
        /* function NAME() ... end assigns a global */
        ttext(s, j, name, sizeof name);
        int found = 0;
        for (int q = top; q >= 0 && !found; q--)
          for (int r = 0; r < st[q].nloc; r++) found |= !strcmp(st[q].loc[r], name);
        int in_func = 0;
        for (int q = 1; q <= top; q++) in_func |= st[q].func;
        if (!found && in_func)
          msg(c, s->path, s->t[j].line, FL_LINT_ERROR, "global-write",
              "function '%s' is assigned as a global inside a function; globals are frozen after load (declare it local at the top)", name);
      }
      while (j < s->nt - 1 && !tis(s, j, "(")) j++;
      int close = match_close(s, j);
      npend = 0;
      if (tis(s, j - 1, ":") || (j >= 2 && tis(s, j - 2, ":"))) snprintf(pend[npend++], 64, "self");
      for (int q = j + 1; q < close && npend < 16; q++)
        if (ttype(s, q) == T_NAME) ttext(s, q, pend[npend++], 64);
      PUSH(1);
      st[ns - 1 < 255 ? ns - 1 : 255].depth = depth;
      k = close; /* depth: the "(" and ")" cancel out */
      continue;
    }
    if (tis(s, k, "local")) {
      in_local = 1;
      continue;
    }
    if (in_local) {
      if (ttype(s, k) == T_NAME && (tis(s, k - 1, "local") || tis(s, k - 1, ","))) {
        declare(&st[top], ttext(s, k, name, sizeof name), s->t[k].line);
        continue;
      }
      if (tis(s, k, ",") || tis(s, k, "<") || tis(s, k, ">") || (ttype(s, k) == T_NAME && tis(s, k - 1, "<"))) continue;
      in_local = 0;
      if (tis(s, k, "=")) continue;
    }
    if (tis(s, k, "for")) {
      npend = 0;
      for_vars = k;
      for (int q = k + 1; q < s->nt && !tis(s, q, "=") && !tis(s, q, "in") && npend < 16; q++)
        if (ttype(s, q) == T_NAME) ttext(s, q, pend[npend++], 64);
      continue;
    }
    if (tis(s, k, "do") || tis(s, k, "then") || tis(s, k, "repeat")) {
      if (!tis(s, k, "do") || for_vars < 0) npend = 0;
      for_vars = -1;
      PUSH(0);
      continue;
    }
    if (tis(s, k, "else") || tis(s, k, "elseif")) {
      POP();
      if (tis(s, k, "else")) PUSH(0);
      continue;
    }
    if (tis(s, k, "end") || tis(s, k, "until")) { POP(); continue; }
    /* an assignment: NAME (.f | [e])* = at statement level of the current function */
    if (ttype(s, k) != T_NAME || tis(s, k - 1, ".") || tis(s, k - 1, ":") || tis(s, k - 1, "goto") || tis(s, k - 1, "::")) continue;
    if (for_vars >= 0) continue;
    int fn = top;
    while (fn > 0 && !st[fn].func) fn--;
    if (fn == 0 || depth != st[fn].depth) continue; /* top level, or inside a table constructor / call */
    int j = k + 1, field = 0;
    while (j < s->nt - 1) {
      if (tis(s, j, ".") && ttype(s, j + 1) == T_NAME) { j += 2; field = 1; }
      else if (tis(s, j, "[")) { j = match_close(s, j) + 1; field = 1; }
      else break;
    }
    if (!tis(s, j, "=") && !(tis(s, j, ",") && !field)) continue;
    if (tis(s, j, ",")) { /* a, b = ...: find the "=" of the list */
      int q = j;
      while (q < s->nt - 1 && (tis(s, q, ",") || ttype(s, q) == T_NAME || tis(s, q, "."))) q++;
      if (!tis(s, q, "=")) continue;
    }
    ttext(s, k, name, sizeof name);
    int found = -1, fline = 0;
    for (int q = top; q >= 0 && found < 0; q--)
      for (int r = st[q].nloc - 1; r >= 0; r--)
        if (!strcmp(st[q].loc[r], name)) { found = q; fline = st[q].locline[r]; break; }
    if (found < 0 && !field)
      msg(c, s->path, s->t[k].line, FL_LINT_ERROR, "global-write",
          "assigns global '%s' inside a function; globals are frozen after load (keep game state in flank.var, tracks, areas or pieces)", name);
    else if (found < 0 && field)
      msg(c, s->path, s->t[k].line, FL_LINT_ERROR, "global-write",
          "changes global table '%s' inside a function; it is frozen after load (keep game state in flank.var)", name);
    else if (st[found].chunk_level)
      msg(c, s->path, s->t[k].line, FL_LINT_WARNING, "upvalue-write",
          "changes '%s' (a top-level local, line %d) inside a function: that state is not saved, replayed or reset between games (use flank.var)",
          name, fline);
  }
  while (ns > 1) POP();
  for (int q = 0; q < st[0].nloc; q++) free(st[0].loc[q]);
  free(st[0].loc);
  free(st[0].locline);
#undef PUSH
#undef POP
}

/* ---- numbers without a source (opt-in: --lint: numbers-need-source) ---- */

static void check_numbers(Ctx *c, Src *s) {
  if (!s->need_src) return;
  int last = 0;
  unsigned char *code = calloc((size_t)s->nlines + 2, 1); /* lines with a token on them */
  if (!code) return;
  for (int q = 0; q < s->nt; q++)
    if (s->t[q].type != T_EOF && s->t[q].line >= 0 && s->t[q].line <= s->nlines + 1) code[s->t[q].line] = 1;
  for (int k = 0; k < s->nt; k++) {
    if ((tis(s, k, "ring") || tis(s, k, "holes")) && tis(s, k + 1, "=") && tis(s, k + 2, "{")) { k = match_close(s, k + 2); continue; }
    if ((tis(s, k, "lon") || tis(s, k, "lat")) && tis(s, k + 1, "=")) { k += 2; continue; }
    if (ttype(s, k) != T_NUM) continue;
    double v = s->t[k].num;
    int line = s->t[k].line;
    if (v == 0 || v == 1 || line == last) continue;
    int ok = s->lf[line - 1] & LF_SRC;
    if (!ok && line >= 2 && (s->lf[line - 2] & LF_SRC)) ok = !code[line - 1]; /* a source comment alone on the line above */
    if (!ok) {
      char num[64];
      msg(c, s->path, line, FL_LINT_ERROR, "number-source",
          "number %s has no source (add a comment '-- src: ...' or a citation '[@source_id]' on the line)", ttext(s, k, num, sizeof num));
      last = line;
    }
  }
  free(code);
}

/* ---- translations: text_<lang>.lua tables must have the same keys ---- */

typedef struct TextKeys { Src *src; Set keys; } TextKeys;

static void collect_text_keys(lua_State *L, int t, const char *prefix, Set *out, int depth) {
  lua_pushnil(L);
  while (lua_next(L, t)) {
    if (lua_type(L, -2) == LUA_TSTRING) {
      char k[256];
      snprintf(k, sizeof k, "%s%s%s", prefix, *prefix ? "." : "", lua_tostring(L, -2));
      if (lua_istable(L, -1) && depth < 8) collect_text_keys(L, lua_gettop(L), k, out, depth + 1);
      else set_add(out, k);
    }
    lua_pop(L, 1);
  }
}

static int text_key_line(const Src *s, const char *key) {
  const char *last = strrchr(key, '.');
  last = last ? last + 1 : key;
  for (int k = 0; k + 1 < s->nt; k++) {
    if (ttype(s, k) == T_NAME && tis(s, k, last) && tis(s, k + 1, "=") && !tis(s, k - 1, ".")) return s->t[k].line;
    if (ttype(s, k) == T_STR && tis(s, k - 1, "[") && tis(s, k + 1, "]") && tis(s, k + 2, "=")) {
      char b[256];
      if (!strcmp(ttext(s, k, b, sizeof b), last)) return s->t[k].line;
    }
  }
  return 1;
}

static void check_texts(Ctx *c) {
  TextKeys tk[32];
  int n = 0;
  for (int i = 0; i < c->nsrc && n < 32; i++) {
    Src *s = &c->src[i];
    if (!s->is_text) continue;
    lua_State *L = c->L;
    char chunk[PATH_MAX + 2];
    snprintf(chunk, sizeof chunk, "@%s", s->path);
    if (fl_sb_load_file(c->sc, s->path, chunk) != 0 || fl_sb_pcall(c->sc, 0, 1, c->sc->load_budget) != LUA_OK) {
      load_error(c, lua_tostring(L, -1) ? lua_tostring(L, -1) : "cannot load");
      lua_pop(L, 1);
      continue;
    }
    if (!lua_istable(L, -1)) {
      msg(c, s->path, 1, FL_LINT_ERROR, "text", "a text table must return { key = \"text\", ... }");
      lua_pop(L, 1);
      continue;
    }
    tk[n].src = s;
    memset(&tk[n].keys, 0, sizeof tk[n].keys);
    collect_text_keys(L, lua_gettop(L), "", &tk[n].keys, 0);
    lua_pop(L, 1);
    n++;
  }
  for (int a = 0; a < n; a++)
    for (int b = 0; b < n; b++) {
      if (a == b) continue;
      const char *bn = strrchr(tk[b].src->path, '/');
      bn = bn ? bn + 1 : tk[b].src->path;
      for (int k = 0; k < tk[a].keys.n; k++)
        if (!set_has(&tk[b].keys, tk[a].keys.v[k]))
          msg(c, tk[a].src->path, text_key_line(tk[a].src, tk[a].keys.v[k]), FL_LINT_ERROR, "missing-text",
              "text '%s' is missing from %s", tk[a].keys.v[k], bn);
    }
  int has_lang = !strcmp(c->lang, "en");
  char want[64];
  snprintf(want, sizeof want, "/text_%s.lua", c->lang);
  for (int a = 0; a < n; a++) {
    size_t pl = strlen(tk[a].src->path), wl = strlen(want);
    has_lang |= pl >= wl && !strcmp(tk[a].src->path + pl - wl, want);
  }
  if (n && !has_lang) /* --lang pl with no text_pl.lua: every text stays English */
    msg(c, tk[0].src->path, 1, FL_LINT_WARNING, "missing-text", "no text_%s.lua: its %d texts show in English under --lang %s",
        c->lang, tk[0].keys.n, c->lang);
  for (int a = 0; a < n; a++) set_free(&tk[a].keys);
}

/* ---- areas without neighbours (needs the real load: adjacency comes from shared borders) ---- */

/* A terrain cost for a terrain no area has is a typo or a leftover. */
static void check_terrain(Ctx *c, const fl_Def *d) {
  Set ter = {0};
  for (int i = 0; i < fl_map_area_count(d->map); i++) set_add(&ter, fl_map_area(d->map, i)->terrain);
  for (int t = 0; t < d->nptype; t++)
    for (int k = 0; k < d->ptypes[t].ncost; k++) {
      const char *name = d->ptypes[t].costs[k].terrain;
      if (set_has(&ter, name)) continue;
      char sg[128];
      msg(c, c->nsrc ? c->src[0].path : "scenario.lua", d->ptypes[t].line, FL_LINT_WARNING, "unknown-ref",
          "piece_type '%s': terrain '%s' is on no area%s", d->ptypes[t].id, name, suggest(&ter, name, sg, sizeof sg));
    }
  set_free(&ter);
}

/* Where the kind{} definition with this id (or its key, if given and present) is written;
 * dflt and the first source when the scenario has no such definition. */
static int def_line(Ctx *c, const char *kind, const char *id, const char *key, int dflt, const char **file) {
  lua_State *L = c->L;
  int line = dflt, n = defs(L, kind);
  *file = c->nsrc ? c->src[0].path : "scenario.lua";
  for (int k = 1; k <= n; k++) {
    lua_rawgeti(L, -1, k);
    char v[128];
    if (strfield(L, -1, "id", v, sizeof v) && !strcmp(v, id)) {
      Where w = where_of(c, L, kind);
      *file = wfile(c, &w);
      line = key ? field_line(&w, key) : w.line;
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  return line;
}

/* Side colours as the board draws them: two sides' areas that look alike (also to the
 * colour-blind), and counters that vanish on their own side's areas. */
static void check_colours(Ctx *c, const fl_Def *d) {
  const char *file;
  for (int j = 0; j < d->nside; j++) {
    fl_Rgb cj = fl_def_side_colour(d, j);
    int line = def_line(c, "side", d->sides[j].id, d->sides[j].has_colour ? "colour" : NULL, d->sides[j].line, &file), vis = 0;
    for (int i = 0; i < j; i++) {
      double dist = fl_colour_distance(fl_colour_area(fl_def_side_colour(d, i)), fl_colour_area(cj), &vis);
      if (dist < FL_COLOUR_MIN_SIDES)
        msg(c, file, line, FL_LINT_WARNING, "colours",
            "sides '%s' and '%s' are hard to tell apart on the map (colour difference %.1f under %s, want %.0f or more): give side '%s' another colour = \"#rrggbb\"",
            d->sides[i].id, d->sides[j].id, dist, fl_colour_vision_name(vis), FL_COLOUR_MIN_SIDES, d->sides[j].id);
    }
    double dist = fl_colour_distance(cj, fl_colour_area(cj), &vis);
    if (dist < FL_COLOUR_MIN_COUNTER)
      msg(c, file, line, FL_LINT_WARNING, "counter-contrast",
          "side '%s': its counters vanish on its own areas (colour difference %.1f under %s, want %.0f or more): choose a more saturated colour",
          d->sides[j].id, dist, fl_colour_vision_name(vis), FL_COLOUR_MIN_COUNTER);
  }
}

static void check_board(Ctx *c, const fl_Def *d) {
  check_terrain(c, d);
  int na = fl_map_area_count(d->map), lonely = 0;
  if (na < 2) return;
  for (int i = 0; i < na; i++) lonely += fl_map_area(d->map, i)->nadj == 0;
  int *def = lonely ? calloc((size_t)na, sizeof *def) : NULL; /* each one's last area{}, if any */
  if (!def) return;
  lua_State *L = c->L;
  int n = defs(L, "area");
  for (int k = 1; k <= n; k++) {
    lua_rawgeti(L, -1, k);
    char id[128];
    int a = strfield(L, -1, "id", id, sizeof id) ? fl_map_find_area(d->map, id) : -1;
    if (a >= 0 && !fl_map_area(d->map, a)->nadj) def[a] = k;
    lua_pop(L, 1);
  }
  for (int i = 0; i < na; i++) {
    const fl_MapArea *a = fl_map_area(d->map, i);
    if (a->nadj) continue;
    const char *file = c->nsrc ? c->src[0].path : "scenario.lua";
    int line = a->line;
    if (def[i]) {
      lua_rawgeti(L, -1, def[i]);
      Where w = where_of(c, L, "area");
      file = wfile(c, &w);
      line = w.line;
      lua_pop(L, 1);
    }
    msg(c, file, line, FL_LINT_ERROR, "unreachable",
        "area '%s' has no neighbours, so nothing can reach it (share a border with another area or give adjacent = { ... })", a->id);
  }
  lua_pop(L, 1);
  free(def);
}

/* ---- driver ---- */

static int cmp_msg(const void *a, const void *b) {
  const fl_LintMsg *x = a, *y = b;
  int r = strcmp(x->file, y->file);
  if (r) return r;
  if (x->line != y->line) return x->line < y->line ? -1 : 1;
  return strcmp(x->text, y->text);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Source files: scenario.lua first, then the scenario's other modules and text tables. */
static void read_sources(Ctx *c) {
  char path[PATH_MAX + 300];
  snprintf(path, sizeof path, "%s/scenario.lua", c->dir);
  add_src(c, path, 0);
  DIR *d = opendir(c->dir);
  struct dirent *e;
  char *names[256];
  int n = 0;
  while (d && (e = readdir(d)) && n < 256) {
    size_t l = strlen(e->d_name);
    if (l > 4 && !strcmp(e->d_name + l - 4, ".lua") && strcmp(e->d_name, "scenario.lua")) names[n++] = fl_str_dup(e->d_name);
  }
  if (d) closedir(d);
  if (n > 1) qsort(names, (size_t)n, sizeof *names, cmp_str);
  for (int i = 0; i < n; i++) {
    snprintf(path, sizeof path, "%s/%s", c->dir, names[i]);
    add_src(c, path, !strncmp(names[i], "text_", 5));
    free(names[i]);
  }
}

/* fl_lint_teach's callbacks: a finding, and where a recorded definition is. */
static void teach_msg(void *ud, const char *file, int line, int level, const char *check, const char *text) {
  msg(ud, file, line, level, check, "%s", text);
}

static void teach_where(void *ud, const char *kind, const char *key, const char **file, int *line) {
  Ctx *c = ud;
  Where w = where_of(c, c->L, kind);
  *file = wfile(c, &w);
  *line = key ? field_line(&w, key) : w.line;
}

static void lint_teach(Ctx *c) {
  const char *path[256], *text[256];
  int n = 0;
  for (int i = 0; i < c->nsrc && n < 256; i++, n++) { path[n] = c->src[i].path; text[n] = c->src[i].text; }
  fl_LintTeach t = {c->L, n, path, text, c, teach_msg, teach_where};
  fl_lint_teach(&t);
}

/* Modules required from a sibling scenario ("eastern_flank/rules") are read too, so their
 * definitions get lines and their citations count. */
static void read_modules(Ctx *c) {
  lua_State *L = c->L;
  char *names[64];
  int n = 0;
  if (lua_getfield(L, LUA_REGISTRYINDEX, "flank.loaded") == LUA_TTABLE) {
    lua_pushnil(L);
    while (lua_next(L, -2) && n < 64) {
      lua_pop(L, 1);
      if (lua_type(L, -1) == LUA_TSTRING && strchr(lua_tostring(L, -1), '/')) names[n++] = fl_str_dup(lua_tostring(L, -1));
    }
  }
  lua_pop(L, 1);
  if (n > 1) qsort(names, (size_t)n, sizeof *names, cmp_str);
  for (int i = 0; i < n; i++) {
    char path[PATH_MAX + 80];
    snprintf(path, sizeof path, "%s/%s.lua", c->root, names[i]);
    int known = 0;
    for (int k = 0; k < c->nsrc; k++) known |= !strcmp(c->src[k].path, path);
    const char *base = strrchr(names[i], '/') + 1;
    if (!known) add_src(c, path, !strncmp(base, "text_", 5));
    free(names[i]);
  }
}

/* Arg: lightuserdata Ctx. The checks that read the scenario's definition tables. */
static int analyse(lua_State *L) {
  Ctx *c = lua_touserdata(L, 1);
  lua_settop(L, 0);
  collect_ids(c);
  check_defs(c);
  check_across(c);
  for (int i = 0; i < c->nsrc; i++)
    if (!c->src[i].is_text) check_calls(c, &c->src[i]);
  check_policy_returns(c);
  check_texts(c);
  lint_teach(c);
  return 0;
}

fl_Lint *fl_lint_run(const char *where, const char *scenarios_root) { return fl_lint_run_lang(where, scenarios_root, NULL); }

fl_Lint *fl_lint_run_lang(const char *where, const char *scenarios_root, const char *lang) {
  fl_Lint *out = calloc(1, sizeof *out);
  Ctx *c = calloc(1, sizeof *c);
  if (!out || !c) { free(out); free(c); return NULL; }
  c->out = out;
  c->lang = lang && *lang ? lang : "en";
  char err[2048];
  if (fl_script_resolve(where, scenarios_root, c->dir, sizeof c->dir, err, sizeof err)) {
    msg(c, where, 0, FL_LINT_ERROR, "load", "%s", err);
    set_free(&c->said);
    free(c);
    return out;
  }
  out->found = 1;
  snprintf(c->root, sizeof c->root, "%s", c->dir);
  char *slash = strrchr(c->root, '/');
  if (slash && slash != c->root) *slash = '\0';
  else snprintf(c->root, sizeof c->root, "%s", slash ? "/" : strcmp(c->dir, ".") ? "." : "..");
  read_sources(c);
  int n;
  const fl_ApiDoc *docs = fl_script_api_docs(&n);
  for (int i = 0; i < n; i++) parse_params(c, &docs[i]);

  /* the lenient load */
  fl_Script *sc = calloc(1, sizeof *sc);
  c->sc = sc;
  sc->dir = fl_str_dup(c->dir);
  sc->root = fl_str_dup(c->root);
  sc->path = fl_str_dup(scenarios_root ? scenarios_root : "");
  sc->mem_limit = (size_t)256 << 20;
  sc->load_budget = 50000000LL;
  sc->call_budget = 10000000LL;
  sc->def = fl_def_new();
  if (fl_sb_open(sc) == 0) {
    c->L = sc->L;
    lua_newtable(c->L);
    sc->fns = luaL_ref(c->L, LUA_REGISTRYINDEX);
    install_lenient(c);
    char path[PATH_MAX + 16], chunk[PATH_MAX + 32];
    snprintf(path, sizeof path, "%s/scenario.lua", c->dir);
    snprintf(chunk, sizeof chunk, "@%s", path);
    sc->loading = 1;
    if (fl_sb_load_file(sc, path, chunk) != 0 || fl_sb_pcall(sc, 0, 0, sc->load_budget) != LUA_OK) {
      char e[2048];
      fl_sb_error_text(sc, e, sizeof e);
      load_error(c, e);
      lua_pop(c->L, 1);
    } else c->loaded = 1;
  }
  if (c->loaded) read_modules(c);
  if (c->loaded) { /* the analysis reads tables a stranger wrote: protected, so an error is a message */
    lua_pushcfunction(c->L, analyse);
    lua_pushlightuserdata(c->L, c);
    if (fl_sb_pcall(sc, 1, 0, sc->load_budget) != LUA_OK) {
      char e[1024];
      fl_sb_error_text(sc, e, sizeof e);
      msg(c, c->src ? c->src[0].path : where, 0, FL_LINT_ERROR, "load", "could not analyse the definitions: %s", e);
      lua_pop(c->L, 1);
    }
  }
  for (int i = 0; c->loaded && i < c->nsrc; i++) /* a file that does not load: its error alone (the scan would misread it) */
    if (!c->src[i].is_text) {
      check_globals(c, &c->src[i]);
      check_numbers(c, &c->src[i]);
    }
  /* the real load: what only building the definition finds, then the board */
  if (c->loaded && out->errors == 0) {
    fl_ScriptOpts ro = {0};
    ro.lang = c->lang;
    fl_Script *real = fl_script_load(c->dir, scenarios_root, &ro, err, sizeof err);
    if (!real) load_error(c, err);
    else {
      check_board(c, fl_script_def(real));
      check_colours(c, fl_script_def(real));
    }
    fl_script_free(real);
  }
  if (out->n > 1) qsort(out->m, (size_t)out->n, sizeof *out->m, cmp_msg);

  fl_script_free(sc);
  for (int i = 0; i < c->nsrc; i++) {
    free(c->src[i].path);
    free(c->src[i].text);
    free(c->src[i].t);
    free(c->src[i].match);
    for (int k = 0; k < c->src[i].ndc; k++) {
      free(c->src[i].dc[k].open);
      free(c->src[i].dc[k].line);
      free(c->src[i].dc[k].maxclose);
    }
    free(c->src[i].dc);
    free(c->src[i].lf);
  }
  free(c->src);
  for (int i = 0; i < NSET; i++) set_free(&c->sets[i]);
  set_free(&c->said);
  for (int i = 0; i < c->ndec; i++) { free(c->dec[i].id); free(c->dec[i].side); set_free(&c->dec[i].opts); }
  free(c->dec);
  free(c->args);
  free(c);
  return out;
}

void fl_lint_free(fl_Lint *l) {
  if (!l) return;
  for (int i = 0; i < l->n; i++) { free((char *)l->m[i].file); free((char *)l->m[i].text); }
  free(l->m);
  free(l);
}

int fl_lint_found(const fl_Lint *l) { return l->found; }
int fl_lint_count(const fl_Lint *l) { return l->n; }
const fl_LintMsg *fl_lint_msg(const fl_Lint *l, int i) { return i >= 0 && i < l->n ? &l->m[i] : NULL; }
int fl_lint_errors(const fl_Lint *l) { return l->errors; }
