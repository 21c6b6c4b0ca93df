/* fl_lint_param: parameters the rules never read. A parameter{} is an assumption a teacher
 * can change (--set, class.txt, the Assumptions panel); one no rule code reads changes
 * nothing, which the teacher cannot tell. Reads are found in the tokens of every file the
 * scenario loads: flank.param.get("id") (through any name for flank, X.param.get), a module
 * alias (local P = flank.param; P.get("id")) and a function alias (local get = F.param.get;
 * get("id")), with the literal id in parentheses or as a string call (get "id"). */
#define _POSIX_C_SOURCE 200809L
#include "fl_lint_int.h"
#include <stdio.h>
#include <string.h>

typedef struct Reads {
  Set ids;     /* literal ids passed to param.get */
  int dynamic; /* line of a read whose id the tokens do not show (0: none) */
  Set mods;    /* names of flank.param (local P = flank.param) */
  Set fns;     /* names of flank.param.get (local get = flank.param.get) */
} Reads;

/* The call or use at token k (just past the function's name): a literal id is a read of that
 * id; anything else (a computed id, the function passed on or stored) could read any. */
static void use(Reads *r, const Src *s, int k, int line) {
  char id[128];
  if (tis(s, k, "(") && ttype(s, k + 1) == T_STR && (tis(s, k + 2, ")") || tis(s, k + 2, ",")))
    set_add(&r->ids, ttext(s, k + 1, id, sizeof id));
  else if (ttype(s, k) == T_STR) set_add(&r->ids, ttext(s, k, id, sizeof id));
  else if (!r->dynamic) r->dynamic = line;
}

/* `NAME = <chain>` (local or not, a single target) whose chain starts at token b: NAME's
 * token, or -1. */
static int alias_target(const Src *s, int b, int past) {
  if (!tis(s, b - 1, "=") || ttype(s, b - 2) != T_NAME || tis(s, b - 3, ".") || tis(s, b - 3, ":") || tis(s, b - 3, ","))
    return -1;
  /* the chain must be the whole value: `local get = F.param.get` and nothing after it */
  if (tis(s, past, "(") || tis(s, past, "{") || tis(s, past, "[") || tis(s, past, ".") || tis(s, past, ":") ||
      tis(s, past, ",") || ttype(s, past) == T_STR)
    return -1;
  return b - 2;
}

static void scan(Reads *r, const Src *s) {
  char name[64];
  for (int k = 1; k < s->nt; k++) {
    int line = s->t[k].line;
    /* flank["param"], flank.param["get"]: by a computed key, any read is possible */
    if (ttype(s, k) == T_STR && tis(s, k - 1, "[")) {
      ttext(s, k, name, sizeof name);
      if (!strcmp(name, "param") || !strcmp(name, "get")) { if (!r->dynamic) r->dynamic = line; }
      continue;
    }
    if (ttype(s, k) != T_NAME) continue;
    if (tis(s, k, "param") && tis(s, k - 1, ".")) { /* X.param... */
      int b = k - 2; /* the chain's first name, for an alias: `local P = flank.param` */
      while (tis(s, b - 1, ".") && ttype(s, b - 2) == T_NAME) b -= 2;
      if (tis(s, k + 1, ".") && tis(s, k + 2, "get")) {
        int a = alias_target(s, b, k + 3);
        if (a >= 0) set_add(&r->fns, ttext(s, a, name, sizeof name));
        else use(r, s, k + 3, line);
        k += 2;
      } else if (tis(s, k + 1, ".") && ttype(s, k + 2) == T_NAME) {
        k += 2; /* another function of flank.param: not a read */
      } else {
        int a = alias_target(s, b, k + 1);
        if (a >= 0) set_add(&r->mods, ttext(s, a, name, sizeof name));
        else if (!r->dynamic) r->dynamic = line; /* flank.param handed on: it may be read anywhere */
      }
      continue;
    }
    if (tis(s, k - 1, ".") || tis(s, k - 1, ":")) continue;
    ttext(s, k, name, sizeof name);
    if (set_has(&r->mods, name) && tis(s, k + 1, ".") && tis(s, k + 2, "get")) { /* P.get(...) */
      int a = alias_target(s, k, k + 3);
      if (a >= 0) set_add(&r->fns, ttext(s, a, name, sizeof name));
      else use(r, s, k + 3, line);
      k += 2;
    } else if (set_has(&r->fns, name) && !(tis(s, k - 1, "local") && tis(s, k + 1, "="))) {
      if (tis(s, k + 1, "=") && !tis(s, k + 2, "=")) continue; /* the alias (re)assigned */
      use(r, s, k + 1, line);
    }
  }
}

void check_param_reads(Ctx *c) {
  lua_State *L = c->L;
  int n = defs(L, "parameter");
  if (n == 0) { lua_pop(L, 1); return; }
  Reads r = {0};
  /* two passes: an alias made in one file may be called in another read before it */
  for (int pass = 0; pass < 2; pass++)
    for (int i = 0; i < c->nsrc; i++) scan(&r, &c->src[i]);
  /* An id the code computes (flank.param.get(id), get(prefix .. x), a helper taking the id)
   * could be any parameter's: the tokens cannot say which are read, so none is reported
   * rather than some falsely. The same when flank.param or its get is handed on as a value. */
  for (int i = 1; !r.dynamic && i <= n; i++) {
    lua_rawgeti(L, -1, i);
    char id[128];
    if (strfield(L, -1, "id", id, sizeof id) && !set_has(&r.ids, id)) {
      Where w = where_of(c, L, "parameter");
      msg(c, wfile(c, &w), w.line, FL_LINT_WARNING, "unused-param",
          "parameter '%s' is never read by the rules (no flank.param.get(\"%s\")), so changing it changes nothing; "
          "read it where the assumption matters, or remove it", id, id);
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  set_free(&r.ids);
  set_free(&r.mods);
  set_free(&r.fns);
}
