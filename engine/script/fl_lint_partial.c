/* fl_lint_partial: what lint still finds when the scenario does not load. A designer should
 * not have to fix one load error to learn of the next mistake, so besides the load error lint
 * reports what needs no complete scenario:
 *  - from the source text, in every file: globals written after load, flank.* names that do
 *    not exist, numbers without a source (opt-in), and unknown keys of the definitions the
 *    load never reached (those after a runtime error, all of them in a file that does not
 *    compile), options' keys too;
 *  - from the definitions recorded before the error: unknown keys, value types, decisions
 *    without options, events that cannot fire, a parameter's range, source label and step.
 * What needs every definition is left out, since ids defined past the error would read as
 * unknown: references to ids (unknown-ref, citations), duplicates, the default ending, what
 * policies return, properties, translations, unread parameters and the built board.
 * A file that does not compile is trusted up to the line where the compiler gave up (or the
 * line of the block it could not close): past it the scan would misread the code, so msg()
 * drops findings there (Src.cut). */
#define _POSIX_C_SOURCE 200809L
#include "fl_lint_int.h"
#include "fl_str.h"
#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The line past which a file's tokens are not trusted: where compiling it fails, or the line
 * of the construct the message names ("'end' expected (to close 'function' at line 12)"). */
static int cut_line(lua_State *L, const Src *s) {
  char *text = malloc(s->len + 1);
  if (!text) return 0;
  memcpy(text, s->text, s->len + 1);
  char *p = text;
  if (!strncmp(p, "\xEF\xBB\xBF", 3)) p += 3;                              /* as the loader: a BOM, */
  if (*p == '#') for (char *q = p; *q && *q != '\n'; q++) *q = ' ';        /* a first line "#!..." */
  int cut = 0;
  if (luaL_loadbufferx(L, p, strlen(p), "=f", "t") != LUA_OK) {
    const char *e = lua_tostring(L, -1);
    if (e && !strncmp(e, "f:", 2)) cut = atoi(e + 2);
    const char *at = e ? strstr(e, "at line ") : NULL;
    if (at && atoi(at + 8) > 0 && (cut <= 0 || atoi(at + 8) < cut)) cut = atoi(at + 8);
    if (cut <= 0) cut = 1;
  }
  lua_settop(L, 0);
  free(text);
  return cut;
}

void fl_lt_mark_cuts(Ctx *c) {
  lua_State *L = luaL_newstate(); /* compiling only: nothing of the scenario runs here */
  if (!L) return;
  for (int i = 0; i < c->nsrc; i++) c->src[i].cut = cut_line(L, &c->src[i]);
  lua_close(L);
}

/* The literal `id = "..."` of the constructor at open, or NULL. */
static const char *lit_id(const Src *s, int open, char *buf, size_t n) {
  int f = find_field(s, open, "id");
  if (f < 0 || ttype(s, f + 2) != T_STR || !(tis(s, f + 3, ",") || tis(s, f + 3, "}") || tis(s, f + 3, ";"))) return NULL;
  return ttext(s, f + 2, buf, n);
}

/* Unknown keys at depth 1 of the constructor at open, in check_keys' words. */
static void token_keys(Ctx *c, const Src *s, int open, const char *kind, const char *what) {
  const char *const *keys = fl_defs_keys(kind);
  if (!keys) return;
  int nk = 0;
  while (keys[nk]) nk++;
  int close = match_close(s, open), d = 0;
  char k[64];
  for (int j = open; j < close; j++) {
    if (tis(s, j, "{") || tis(s, j, "(") || tis(s, j, "[")) { d++; continue; }
    if (tis(s, j, "}") || tis(s, j, ")") || tis(s, j, "]")) { d--; continue; }
    if (d != 1 || ttype(s, j) != T_NAME || !tis(s, j + 1, "=") || !(tis(s, j - 1, "{") || tis(s, j - 1, ",") || tis(s, j - 1, ";")))
      continue;
    ttext(s, j, k, sizeof k);
    int known = 0;
    for (int i = 0; i < nk && !known; i++) known = !strcmp(keys[i], k);
    if (known) continue;
    const char *sg = fl_str_suggest_key(k, keys, nk);
    msg(c, s->path, s->t[j].line, FL_LINT_ERROR, "unknown-key", "%s: unknown key '%s'%s%s%s", what, k,
        sg ? " (did you mean '" : "", sg ? sg : "", sg ? "'?)" : "");
  }
}

/* A definition call the load never made: its keys, and a decision's options' keys. */
static void unreached(Ctx *c, const Src *s, int open, const char *kind) {
  char id[128], what[160];
  if (lit_id(s, open, id, sizeof id)) snprintf(what, sizeof what, "%s '%s'", kind, id);
  else snprintf(what, sizeof what, "%s", kind);
  token_keys(c, s, open, kind, what);
  int f = strcmp(kind, "decision") ? -1 : find_field(s, open, "options");
  if (f < 0 || !tis(s, f + 2, "{")) return;
  for (int k = 1;; k++) {
    int o = nth_table(s, f + 2, k);
    if (o < 0) break;
    char ow[240];
    if (lit_id(s, o, id, sizeof id)) snprintf(ow, sizeof ow, "%s option '%s'", what, id);
    else snprintf(ow, sizeof ow, "%s option %d", what, k);
    token_keys(c, s, o, "option", ow);
  }
}

void fl_lt_check_unreached(Ctx *c) {
  lua_State *L = c->L;
  unsigned char **made = calloc((size_t)c->nsrc + 1, sizeof *made); /* per file, per token: a call the load made */
  if (!made) return;
  for (int i = 0; i < c->nsrc; i++) made[i] = calloc((size_t)c->src[i].nt + 1, 1);
  for (int ki = 0; fl_defs_kind(ki); ki++) {
    const char *kind = fl_defs_kind(ki);
    int n = defs(L, kind);
    for (int j = 1; j <= n; j++) {
      lua_rawgeti(L, -1, j);
      Where w = where_of(c, L, kind);
      if (w.src && w.open >= 0 && made[w.src - c->src]) made[w.src - c->src][w.open] = 1;
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
    for (int i = 0; i < c->nsrc; i++) {
      Src *s = &c->src[i];
      const int *open;
      int nc = s->is_text ? 0 : fl_lt_def_calls(s, kind, &open);
      for (int k = 0; k < nc && made[i]; k++)
        if (!made[i][open[k]]) unreached(c, s, open[k], kind);
    }
  }
  for (int i = 0; i < c->nsrc; i++) free(made[i]);
  free(made);
}
