/* fl_lint_types: what a designer wrote of the wrong type or left implicit. Values against
 * each key's documented type (fl_defs_check_value, the loader's own check), literal results
 * of rule functions, ids given twice, the default ending, overlays on absent properties. */
#define _POSIX_C_SOURCE 200809L
#include "fl_lint_int.h"
#include "fl_time.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* `requires = function() return 1 end`: a literal first result (not in nested functions)
 * of another type than the key's function must return. */
static void check_returns(Ctx *c, const Src *s, int k, const char *want, const char *what, const char *key) {
  int end = block_end(s, k);
  for (int j = k + 1; j < end; j++) {
    if (tis(s, j, "function")) { j = block_end(s, j); continue; }
    if (!tis(s, j, "return")) continue;
    int v = j + 1, neg = tis(s, v, "-") && ttype(s, v + 1) == T_NUM;
    v += neg;
    const char *got = ttype(s, v) == T_NUM ? "number" : ttype(s, v) == T_STR ? "string"
                      : tis(s, v, "true") || tis(s, v, "false") ? "boolean" : NULL;
    int whole = v + 1 >= end || tis(s, v + 1, ",") || tis(s, v + 1, "end") || tis(s, v + 1, "else") ||
                tis(s, v + 1, "elseif") || tis(s, v + 1, ";");
    if (!got || !whole || !strcmp(got, want)) continue;
    char lit[80];
    ttext(s, v, lit, sizeof lit);
    int str = ttype(s, v) == T_STR;
    msg(c, s->path, s->t[v].line, FL_LINT_ERROR, "bad-return", "%s: %s returns %s%s%s%s, a %s; it must return %s", what, key,
        str ? "\"" : "", neg ? "-" : "", lit, str ? "\"" : "", got,
        !strcmp(want, "boolean") ? "true or false" : !strcmp(want, "string") ? (strcmp(key, "choose") ? "a string" : "an option id (a string)") : "a number");
  }
}

/* Every key's value against its documented type (fl_defs_check_value), at the key's own
 * line, or at the inner key's line for a table such as cost = { budget = "2" }. */
void check_types(Ctx *c, int t, const char *what, const char *kind, const Where *w) {
  lua_State *L = c->L;
  const char *const *keys = fl_defs_keys(kind);
  char m[400], sub[64];
  for (int i = 0; keys && keys[i]; i++) {
    lua_pushstring(L, keys[i]);
    lua_rawget(L, t);
    if (fl_defs_check_value(L, -1, kind, keys[i], m, sizeof m, sub, sizeof sub)) {
      int line = field_line(w, keys[i]);
      if (strcmp(sub, keys[i]) && w->src && w->open >= 0) {
        int f = find_field(w->src, w->open, keys[i]);
        int kf = f >= 0 && tis(w->src, f + 2, "{") ? find_field(w->src, f + 2, sub) : -1;
        if (kf >= 0) line = w->src->t[kf].line;
      }
      msg(c, wfile(c, w), line, FL_LINT_ERROR, "bad-type", "%s: %s", what, m);
    } else if (!strcmp(kind, "option") && !strcmp(keys[i], "delay") && lua_type(L, -1) == LUA_TSTRING) {
      fl_Span sp; /* the loader's own parse, reported at the key */
      if (fl_span_parse(lua_tostring(L, -1), &sp))
        msg(c, wfile(c, w), field_line(w, "delay"), FL_LINT_ERROR, "bad-value", "%s: delay '%s' is not a span like \"6 months\" or \"2 turns\"",
            what, lua_tostring(L, -1));
    }
    const char *want = fl_defs_fn_returns(kind, keys[i]);
    int f = want && w->src && w->open >= 0 ? find_field(w->src, w->open, keys[i]) : -1;
    if (f >= 0 && tis(w->src, f + 2, "function")) check_returns(c, w->src, f + 2, want, what, keys[i]);
    lua_pop(L, 1);
  }
}

/* The same id given twice: the loader refuses the second (naming the first's line); lint
 * says the same, for every kind at once. A policy's id is per side. */
static void check_duplicates(Ctx *c) {
  lua_State *L = c->L;
  for (int ki = 0; fl_defs_kind(ki); ki++) {
    const char *kind = fl_defs_kind(ki);
    if (!strcmp(kind, "scenario") || !strcmp(kind, "question")) continue;
    Set seen = {0};
    int n = defs(L, kind), list = lua_gettop(L), *line = calloc((size_t)n + 1, sizeof *line);
    Src **file = calloc((size_t)n + 1, sizeof *file);
    for (int i = 1; line && file && i <= n; i++) {
      lua_rawgeti(L, list, i);
      char id[128], side[128], key[300];
      if (strfield(L, -1, "id", id, sizeof id)) {
        int pol = !strcmp(kind, "policy") && strfield(L, -1, "side", side, sizeof side);
        snprintf(key, sizeof key, "%s/%s", pol ? side : "", id);
        Where w = where_of(c, L, kind);
        int at = fl_index_get(&seen.ix, key);
        if (at >= 0) {
          char first[PATH_MAX + 32];
          if (file[at] == w.src) snprintf(first, sizeof first, "line %d", line[at]);
          else snprintf(first, sizeof first, "%s:%d", file[at] ? file[at]->path : "?", line[at]);
          if (pol)
            msg(c, wfile(c, &w), w.line, FL_LINT_ERROR, "duplicate", "policy '%s' of side '%s' is defined twice (first on %s); give each a different id",
                id, side, first);
          else
            msg(c, wfile(c, &w), w.line, FL_LINT_ERROR, "duplicate", "%s '%s' is defined twice (first on %s)%s", kind, id, first,
                !strcmp(kind, "area") ? "; give one area{} with all its keys" : "");
        } else if (set_add(&seen, key)) {
          line[seen.n - 1] = w.line;
          file[seen.n - 1] = w.src;
        }
      }
      lua_pop(L, 1);
    }
    free(line);
    free(file);
    set_free(&seen);
    lua_pop(L, 1);
  }
}

/* Without a default ending the engine would end the last turn with the first ending that
 * has no when: a choice the designer did not make. */
static void check_default_ending(Ctx *c) {
  lua_State *L = c->L;
  int n = defs(L, "ending"), ndef = 0;
  char first[128] = "", id[128], dflt[160] = "";
  Where w1 = {0};
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    if (!strfield(L, -1, "id", id, sizeof id)) snprintf(id, sizeof id, "%d", i);
    if (i == 1) { w1 = where_of(c, L, "ending"); snprintf(first, sizeof first, "%s", id); }
    lua_getfield(L, -1, "default");
    int yes = lua_type(L, -1) == LUA_TBOOLEAN && lua_toboolean(L, -1);
    lua_pop(L, 1);
    if (yes && ++ndef == 1) {
      Where w = where_of(c, L, "ending");
      snprintf(dflt, sizeof dflt, "%s' (line %d", id, field_line(&w, "default"));
    } else if (yes) {
      Where w = where_of(c, L, "ending");
      msg(c, wfile(c, &w), field_line(&w, "default"), FL_LINT_ERROR, "default-ending",
          "ending '%s' is a second default = true, after '%s); only one ending can be the default", id, dflt);
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  if (n > 0 && ndef == 0)
    msg(c, wfile(c, &w1), w1.line, FL_LINT_ERROR, "default-ending",
        "no ending has default = true: say which ending the game has when the last turn is over (give that ending default = true)");
}

/* Is the string literal v written anywhere but in tokens lo..hi of src `in`? */
static int literal_elsewhere(Ctx *c, const char *v, const Src *in, int lo, int hi) {
  size_t n = strlen(v);
  for (int f = 0; f < c->nsrc; f++) {
    const Src *s = &c->src[f];
    for (int k = 0; k < s->nt; k++)
      if (s->t[k].type == T_STR && (size_t)s->t[k].len == n && !memcmp(s->text + s->t[k].pos, v, n) && !(s == in && k >= lo && k <= hi))
        return 1;
  }
  return 0;
}

/* The area properties the definitions declare: area{ props } keys and property{} ids. */
void area_props_declared(lua_State *L, Set *s) {
  int n = defs(L, "area");
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    if (lua_getfield(L, -1, "props") == LUA_TTABLE) {
      lua_pushnil(L);
      while (lua_next(L, -2)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TSTRING) set_add(s, lua_tostring(L, -1));
      }
    }
    lua_pop(L, 2);
  }
  lua_pop(L, 1);
  n = defs(L, "property");
  for (int i = 1; i <= n; i++) {
    char id[128];
    lua_rawgeti(L, -1, i);
    if (strfield(L, -1, "id", id, sizeof id)) set_add(s, id);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

/* An overlay shades a property: warn when nothing gives any area that property. */
static void check_overlay_props(Ctx *c) {
  lua_State *L = c->L;
  Set props = {0};
  area_props_declared(L, &props);
  int n = defs(L, "overlay");
  for (int i = 1; i <= n; i++) {
    char id[128], prop[128];
    lua_rawgeti(L, -1, i);
    if (strfield(L, -1, "prop", prop, sizeof prop) && !set_has(&props, prop)) {
      Where w = where_of(c, L, "overlay");
      int own = w.src && w.open >= 0; /* the overlay's own id and prop do not count */
      if (!literal_elsewhere(c, prop, w.src, own ? w.open : -1, own ? match_close(w.src, w.open) : -1)) {
        if (!strfield(L, -1, "id", id, sizeof id)) snprintf(id, sizeof id, "?");
        char sg[160];
        msg(c, wfile(c, &w), field_line(&w, "prop"), FL_LINT_WARNING, "overlay-prop",
            "overlay '%s': no area has property '%s' (no area{ props }, property{} or flank.area.set names it), so it shades nothing%s",
            id, prop, suggest(&props, prop, sg, sizeof sg));
      }
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  set_free(&props);
}

void check_across(Ctx *c) {
  check_duplicates(c);
  check_default_ending(c);
  check_overlay_props(c);
}
