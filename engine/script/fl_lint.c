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
  for (int i = 0; i < c->nsrc; i++) {
    if (strcmp(c->src[i].path, file)) continue;
    if (line > 0 && line <= c->src[i].nlines && (c->src[i].lf[line - 1] & LF_IGNORE)) return;
    if (c->src[i].cut && line > c->src[i].cut && strcmp(check, "load")) return; /* past where it stops compiling */
  }
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
Src *fl_lt_src_for(Ctx *c, const char *short_src) {
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

void load_error(Ctx *c, const char *e) {
  char file[PATH_MAX];
  const char *rest;
  int line = split_error(e, file, sizeof file, &rest);
  if (line) {
    Src *s = fl_lt_src_for(c, file);
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
  w.src = fl_lt_src_for(c, lua_tostring(L, -1));
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
    const char *s = fl_str_suggest_key(k, keys, nk);
    msg(c, wfile(c, w), line, FL_LINT_ERROR, "unknown-key", "%s: unknown key '%s'%s%s%s", what, k,
        s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
  }
}

void ref_id(Ctx *c, const char *file, int line, int set, const char *id, const char *what) {
  if (c->partial || set_has(&c->sets[set], id)) return; /* ids defined past a load error are not known */
  char sg[128];
  /* an unknown source is an error, as an unknown [@id] citation is: the bibliography would lack it */
  msg(c, file, line, FL_LINT_ERROR, set == S_SOURCE ? "unknown-source" : "unknown-ref", "%s: unknown %s '%s'%s", what,
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
    if (fl_date_parse(strfield(L, -1, "start", s, sizeof s) ? s : "2025-01-01", start) == 0 && turns >= 1 && turns <= 10000) {
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
      if (strfield(L, t, "side", buf, sizeof buf)) ref_id(c, file, field_line(&w, "side"), S_SIDE, buf, what);
      if (strfield(L, t, "owner", buf, sizeof buf)) ref_id(c, file, field_line(&w, "owner"), S_SIDE, buf, what);
      if (!strcmp(kind, "place") && strfield(L, t, "area", buf, sizeof buf)) ref_id(c, file, field_line(&w, "area"), S_AREA, buf, what);
      if (strcmp(kind, "scenario") && strfield(L, t, "source", buf, sizeof buf))
        ref_id(c, file, field_line(&w, "source"), S_SOURCE, buf, what);
      if (!strcmp(kind, "decision") && strfield(L, t, "phase", buf, sizeof buf)) ref_id(c, file, field_line(&w, "phase"), S_PHASE, buf, what);
      if (!strcmp(kind, "piece_type") && strfield(L, t, "symbol", buf, sizeof buf) && fl_symbol_find(buf) < 0) {
        const char *names[64];
        const char *sg = fl_str_suggest(buf, names, fl_symbol_names(names, 64));
        msg(c, file, field_line(&w, "symbol"), FL_LINT_ERROR, "unknown-symbol", "%s: unknown symbol '%s'%s%s%s", what, buf,
            sg ? " (did you mean '" : " (the symbols are listed in docs/api.md under piece_type", sg ? sg : "", sg ? "'?)" : ")");
      }
      if (!strcmp(kind, "area") && lua_getfield(L, t, "adjacent") == LUA_TTABLE) {
        for (lua_Integer k = 1; lua_rawgeti(L, -1, k) == LUA_TSTRING; k++) {
          ref_id(c, file, field_line(&w, "adjacent"), S_AREA, lua_tostring(L, -1), what);
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
            if (!known)
              msg(c, file, field_line(&ow_w, "target"), FL_LINT_ERROR, "bad-value",
                  "%s: target '%s' is not one of area, areas, piece, pieces, move%s", ow, tk, fl_defs_target_hint(tk, buf, sizeof buf));
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
              ref_id(c, file, line, S_TRACK, tr, ow);
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
          if (!strncmp(buf, "phase:", 6)) ref_id(c, file, field_line(&w, "on"), S_PHASE, buf + 6, what);
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
  fl_LintTeach t = {c->L, n, path, text, c, teach_msg, teach_where, c->partial};
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

/* Arg: lightuserdata Ctx. The checks that read the scenario's definition tables; after a
 * load error (c->partial) those that need no complete scenario (fl_lint_partial.c). */
static int analyse(lua_State *L) {
  Ctx *c = lua_touserdata(L, 1);
  lua_settop(L, 0);
  collect_ids(c);
  check_defs(c);
  if (!c->partial) check_across(c);
  for (int i = 0; i < c->nsrc; i++)
    if (!c->src[i].is_text) check_calls(c, &c->src[i]);
  if (!c->partial) {
    check_props(c);
    check_policy_returns(c);
    check_texts(c);
  }
  lint_teach(c);
  if (c->partial) fl_lt_check_unreached(c);
  else check_param_reads(c);
  return 0;
}

fl_Lint *fl_lint_run(const char *where, const char *scenarios_root) { return fl_lint_run_lang(where, scenarios_root, NULL); }

fl_Lint *fl_lint_run_lang(const char *where, const char *scenarios_root, const char *lang) {
  return fl_lint_run_opts(where, scenarios_root, lang, NULL);
}

fl_Lint *fl_lint_run_opts(const char *where, const char *scenarios_root, const char *lang, const fl_ScriptOpts *lim) {
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
  sc->mem_limit = lim && lim->mem_limit ? lim->mem_limit : (size_t)256 << 20;
  sc->load_budget = lim && lim->load_budget ? lim->load_budget : 50000000LL;
  sc->call_budget = lim && lim->call_budget ? lim->call_budget : 10000000LL;
  sc->call_seconds = lim && lim->call_seconds > 0 ? lim->call_seconds : 5;
  sc->load_seconds = sc->call_seconds > 30 ? sc->call_seconds : 30;
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
      c->partial = 1; /* the definitions made before the error are recorded; the text is all there */
      fl_lt_mark_cuts(c);
    } else c->loaded = 1;
  }
  if (c->loaded || c->partial) read_modules(c);
  if (c->loaded || c->partial) { /* the analysis reads tables a stranger wrote: protected, so an error is a message */
    lua_pushcfunction(c->L, analyse);
    lua_pushlightuserdata(c->L, c);
    if (fl_sb_pcall(sc, 1, 0, sc->load_budget) != LUA_OK) {
      char e[1024];
      fl_sb_error_text(sc, e, sizeof e);
      msg(c, c->src ? c->src[0].path : where, 0, FL_LINT_ERROR, "load", "could not analyse the definitions: %s", e);
      lua_pop(c->L, 1);
    }
  }
  for (int i = 0; (c->loaded || c->partial) && i < c->nsrc; i++) /* past a file's cut, msg drops what the scan misreads */
    if (!c->src[i].is_text) {
      check_globals(c, &c->src[i]);
      check_numbers(c, &c->src[i]);
    }
  /* the real load: what only building the definition finds, then the board */
  if (c->loaded && out->errors == 0) {
    fl_ScriptOpts ro = {0};
    if (lim) ro = *lim;
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
  free(c->props);
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
