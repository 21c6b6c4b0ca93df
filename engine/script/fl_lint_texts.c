/* fl_lint_texts: translations. Every text_<lang>.lua table has the same keys, and under
 * --lang the language's own file exists. */
#define _POSIX_C_SOURCE 200809L
#include "fl_lint_int.h"
#include "fl_str.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

void check_texts(Ctx *c) {
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

