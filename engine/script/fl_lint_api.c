/* fl_lint_api: names rule code reaches in the flank API that do not exist (flank.track.ad,
 * F.trak.add), checked against the registration `flank doc` prints, and area and piece
 * property keys read or written by literal that nothing in the scenario declares
 * (flank.area.get(a, "yeild")). The calls are found by check_calls (fl_lint_code.c). */
#define _POSIX_C_SOURCE 200809L
#include "fl_lint_int.h"
#include "fl_str.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- API names ---- */

/* The modules of the registration, plus flank.lang (set by the loader); how many. */
static int api_modules(const char **v, int cap) {
  int n, k = 0;
  const fl_ApiDoc *d = fl_script_api_docs(&n);
  for (int i = 0; i < n; i++) {
    int seen = 0;
    for (int j = 0; j < k; j++) seen |= !strcmp(v[j], d[i].module);
    if (!seen && k < cap) v[k++] = d[i].module;
  }
  if (k < cap) v[k++] = "lang";
  return k;
}

/* The functions of module m; how many (0: no such module). */
static int api_fns(const char *m, const char **v, int cap) {
  int n, k = 0;
  const fl_ApiDoc *d = fl_script_api_docs(&n);
  for (int i = 0; i < n; i++)
    if (!strcmp(d[i].module, m) && k < cap) v[k++] = d[i].name;
  return k;
}

static int has(const char *const *v, int n, const char *w) {
  for (int i = 0; i < n; i++)
    if (!strcmp(v[i], w)) return 1;
  return 0;
}

/* ", ..." list of v into buf. */
static const char *joined(const char *const *v, int n, char *buf, size_t cap) {
  size_t o = 0;
  buf[0] = '\0';
  for (int i = 0; i < n && o < cap; i++) o += (size_t)snprintf(buf + o, cap - o, "%s%s", i ? ", " : "", v[i]);
  return buf;
}

int api_name(Ctx *c, const Src *s, int line, const char *m, const char *f) {
  const char *mods[64], *fns[128], *sg;
  char list[1024];
  int nm = api_modules(mods, 64);
  if (!has(mods, nm, m)) {
    sg = fl_str_suggest(m, mods, nm);
    /* F.trak.add: name the whole call when the nearest module has that function */
    if (sg && f && has(fns, api_fns(sg, fns, 128), f))
      msg(c, s->path, line, FL_LINT_ERROR, "unknown-api", "flank.%s.%s does not exist (did you mean flank.%s.%s?)", m, f, sg, f);
    else if (sg)
      msg(c, s->path, line, FL_LINT_ERROR, "unknown-api", "flank.%s does not exist (did you mean flank.%s?)", m, sg);
    else
      msg(c, s->path, line, FL_LINT_ERROR, "unknown-api", "flank.%s does not exist (the API: flank.%s; docs/api.md)", m,
          joined(mods, nm, list, sizeof list));
    return 0;
  }
  if (!f || !strcmp(m, "lang")) return 1;
  int nf = api_fns(m, fns, 128);
  if (has(fns, nf, f)) return 1;
  sg = fl_str_suggest(f, fns, nf);
  if (sg) msg(c, s->path, line, FL_LINT_ERROR, "unknown-api", "flank.%s.%s does not exist (did you mean flank.%s.%s?)", m, f, m, sg);
  else msg(c, s->path, line, FL_LINT_ERROR, "unknown-api", "flank.%s.%s does not exist (flank.%s has %s)", m, f, m, joined(fns, nf, list, sizeof list));
  return 0;
}

/* ---- property keys ---- */

/* Which argument of which call names an area (P_AREA) or piece (P_PIECE) property. */
static const struct { const char *module, *fn; int arg, kind, write; } KEYARG[] = {
  {"area", "get", 2, P_AREA, 0},   {"area", "set", 2, P_AREA, 1},    {"area", "add", 2, P_AREA, 1},
  {"area", "values", 1, P_AREA, 0}, {"area", "sum", 1, P_AREA, 0},    {"area", "neighbor_sum", 1, P_AREA, 0},
  {"area", "scale", 1, P_AREA, 0}, {"piece", "get", 2, P_PIECE, 0}, {"piece", "set", 2, P_PIECE, 1},
};

void prop_use(Ctx *c, Src *s, int k, const char *module, const char *fn, int arg) {
  for (size_t i = 0; i < sizeof KEYARG / sizeof KEYARG[0]; i++) {
    if (KEYARG[i].arg != arg || strcmp(KEYARG[i].module, module) || strcmp(KEYARG[i].fn, fn)) continue;
    if (c->nprop == c->propcap) {
      c->propcap = c->propcap ? c->propcap * 2 : 32;
      c->props = realloc(c->props, (size_t)c->propcap * sizeof *c->props);
    }
    c->props[c->nprop++] = (PropUse){s, k, KEYARG[i].kind, KEYARG[i].write, KEYARG[i].fn};
  }
}

/* The NAME keys of every `props = { ... }` constructor in the sources (piece.add{ props }). */
static void props_tables(Ctx *c, Set *out) {
  for (int f = 0; f < c->nsrc; f++) {
    const Src *s = &c->src[f];
    if (s->is_text) continue;
    for (int k = 0; k + 2 < s->nt; k++) {
      if (!tis(s, k, "props") || !tis(s, k + 1, "=") || !tis(s, k + 2, "{")) continue;
      int close = match_close(s, k + 2), d = 0;
      char key[128];
      for (int j = k + 2; j < close; j++) {
        if (tis(s, j, "{") || tis(s, j, "(") || tis(s, j, "[")) { d++; continue; }
        if (tis(s, j, "}") || tis(s, j, ")") || tis(s, j, "]")) { d--; continue; }
        if (d == 1 && ttype(s, j) == T_NAME && tis(s, j + 1, "=") && (tis(s, j - 1, "{") || tis(s, j - 1, ",") || tis(s, j - 1, ";")))
          set_add(out, ttext(s, j, key, sizeof key));
      }
    }
  }
}

/* A literal key read or written that no area{ props }, property{}, props = { } or other
 * literal set/add declares: a typo that would read nil. */
void check_props(Ctx *c) {
  lua_State *L = c->L;
  Set decl[2] = {{0}, {0}};
  static const char *const AREA_BUILTIN[] = {"id", "name", "terrain", "country", "owner", "neighbors"};
  static const char *const PIECE_BUILTIN[] = {"id", "type", "area", "side"};
  for (size_t i = 0; i < sizeof AREA_BUILTIN / sizeof *AREA_BUILTIN; i++) set_add(&decl[P_AREA], AREA_BUILTIN[i]);
  for (size_t i = 0; i < sizeof PIECE_BUILTIN / sizeof *PIECE_BUILTIN; i++) set_add(&decl[P_PIECE], PIECE_BUILTIN[i]);
  area_props_declared(L, &decl[P_AREA]);
  props_tables(c, &decl[P_PIECE]);
  /* a key written by a literal set/add is declared there; the first write of each key
   * counts, so a misspelt second write is still found when the key is read elsewhere */
  Set written[2] = {{0}, {0}};
  char key[128];
  for (int i = 0; i < c->nprop; i++) {
    const PropUse *u = &c->props[i];
    if (u->write) set_add(&written[u->kind], ttext(u->src, u->tok, key, sizeof key));
  }
  for (int i = 0; i < c->nprop; i++) {
    const PropUse *u = &c->props[i];
    ttext(u->src, u->tok, key, sizeof key);
    if (set_has(&decl[u->kind], key)) continue;
    if (!u->write && set_has(&written[u->kind], key)) continue;
    if (u->write) { /* declared by another write, or read somewhere else by literal */
      int other = 0;
      for (int j = 0; j < c->nprop && !other; j++) {
        const PropUse *v = &c->props[j];
        char k2[128];
        other = j != i && v->kind == u->kind && !strcmp(ttext(v->src, v->tok, k2, sizeof k2), key);
      }
      if (other) continue;
    }
    /* a read may have meant any known key; a write only a declared one (two new keys
     * written side by side, haz_m and haz_u, are not typos of each other) */
    Set all = {0};
    for (int q = 0; q < decl[u->kind].n; q++) set_add(&all, decl[u->kind].v[q]);
    for (int q = 0; q < written[u->kind].n && !u->write; q++) set_add(&all, written[u->kind].v[q]);
    char sg[160];
    suggest(&all, key, sg, sizeof sg);
    if (u->write && !sg[0]) { set_free(&all); continue; } /* a new property: fine */
    msg(c, u->src->path, u->src->t[u->tok].line, FL_LINT_WARNING, "unknown-prop",
        "flank.%s.%s: unknown %s property '%s'%s; no %s", u->kind == P_AREA ? "area" : "piece", u->fn,
        u->kind == P_AREA ? "area" : "piece", key, sg,
        u->kind == P_AREA ? "area{ props }, property{} or flank.area.set/add names it" : "props = { } or flank.piece.set names it");
    set_free(&all);
  }
  for (int k = 0; k < 2; k++) { set_free(&decl[k]); set_free(&written[k]); }
}
