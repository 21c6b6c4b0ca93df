/* fl_lint_code: checks of rule code, from the tokens: string literals passed to flank.* that
 * name no id (which argument names what comes from the API registration), globals written
 * after load (a scope walk), and numbers without a source. What policies return is in
 * fl_lint_policy.c. */
#define _POSIX_C_SOURCE 200809L
#include "fl_lint_int.h"
#include "fl_str.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
void parse_params(Ctx *c, const fl_ApiDoc *d) {
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
  if (!field) prop_use(c, s, k, module, fn, arg);
  for (int i = 0; i < c->nargs; i++) {
    const ApiArg *a = &c->args[i];
    if (a->arg != arg || strcmp(a->module, module) || strcmp(a->fn, fn) || strcmp(a->field, field ? field : "")) continue;
    snprintf(what, sizeof what, "flank.%s.%s", module, fn);
    ref_id(c, s->path, s->t[k].line, a->set, id, what);
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
/* `local get = F.area.get` (also the first of `local get, x = F.area.get, ...`): the local
 * that names the function, or -1. */
static int fn_alias_name(const Src *s, int k) {
  if (!tis(s, k - 1, "=")) return -1;
  int j = k - 2;
  while (ttype(s, j) == T_NAME && tis(s, j - 1, ",")) j -= 2;
  return ttype(s, j) == T_NAME && tis(s, j - 1, "local") ? j : -1;
}

typedef struct FnAlias { char name[64], m[64], f[64]; } FnAlias;

void check_calls(Ctx *c, Src *s) {
  Set alias = {0}, modalias = {0}, modname = {0};
  FnAlias fa[32];
  int nfa = 0;
  set_add(&alias, "flank");
  for (int k = 0; k + 3 < s->nt; k++) {
    char a[64], m[64], f[64];
    if (tis(s, k, "local") && ttype(s, k + 1) == T_NAME) /* a new local of that name ends an alias */
      for (int i = 0; i < nfa; i++)
        if (!strcmp(fa[i].name, ttext(s, k + 1, a, sizeof a))) fa[i--] = fa[--nfa];
    if (tis(s, k, "local") && ttype(s, k + 1) == T_NAME && tis(s, k + 2, "=") && tis(s, k + 3, "flank")) {
      if (tis(s, k + 4, ".") && ttype(s, k + 5) == T_NAME && !tis(s, k + 6, ".")) {
        set_add(&modalias, ttext(s, k + 1, a, sizeof a));
        set_add(&modname, ttext(s, k + 5, m, sizeof m));
        api_name(c, s, s->t[k + 5].line, m, NULL);
        k += 5;
      } else if (!tis(s, k + 4, ".")) set_add(&alias, ttext(s, k + 1, a, sizeof a));
      continue;
    }
    if (ttype(s, k) != T_NAME || tis(s, k - 1, ".") || tis(s, k - 1, ":")) continue;
    ttext(s, k, a, sizeof a);
    if (set_has(&alias, a) && tis(s, k + 1, ".") && ttype(s, k + 2) == T_NAME) {
      int call = tis(s, k + 3, ".") && ttype(s, k + 4) == T_NAME;
      ttext(s, k + 2, m, sizeof m);
      if (call) ttext(s, k + 4, f, sizeof f);
      if (api_name(c, s, s->t[k + 2].line, m, call ? f : NULL) && call) check_call(c, s, k + 5, m, f);
      int fn = call ? fn_alias_name(s, k) : -1;
      if (fn >= 0 && nfa < 32 && !tis(s, k + 5, "(") && !tis(s, k + 5, "{") && ttype(s, k + 5) != T_STR) {
        ttext(s, fn, fa[nfa].name, sizeof fa[nfa].name);
        snprintf(fa[nfa].m, sizeof fa[nfa].m, "%s", m);
        snprintf(fa[nfa].f, sizeof fa[nfa].f, "%s", f);
        nfa++;
      }
    } else if (tis(s, k + 1, "(") || tis(s, k + 1, "{") || ttype(s, k + 1) == T_STR) {
      for (int i = 0; i < nfa; i++)
        if (!strcmp(fa[i].name, a)) check_call(c, s, k + 1, fa[i].m, fa[i].f);
    } else
      for (int i = 0; i < modalias.n; i++)
        if (!strcmp(modalias.v[i], a) && tis(s, k + 1, ".") && ttype(s, k + 2) == T_NAME &&
            api_name(c, s, s->t[k + 2].line, modname.v[i], ttext(s, k + 2, f, sizeof f)))
          check_call(c, s, k + 3, modname.v[i], f);
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

/* Lua's reserved words: the tokenizer gives them as names, but none can be assigned to. */
static int is_keyword(const Src *s, int k) {
  static const char *const KW[] = {"and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if",
                                   "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while"};
  if (ttype(s, k) != T_NAME || s->t[k].len < 2 || s->t[k].len > 8) return 0; /* asked of every name: cheap first */
  const char *w = s->text + s->t[k].pos;
  for (size_t i = 0; i < sizeof KW / sizeof KW[0]; i++)
    if (KW[i][0] == w[0] && tis(s, k, KW[i])) return 1;
  return 0;
}

/* After the first target of `a, b.c, d[i] = ...` (its "," at j): the token past the list,
 * which is "=" only for an assignment. The targets are names, never reserved words, so
 * `return false, why end  local y = 1` ends at "end" and assigns nothing. */
static int past_target_list(const Src *s, int j) {
  while (tis(s, j, ",") && ttype(s, j + 1) == T_NAME && !is_keyword(s, j + 1)) {
    j += 2;
    for (;;) {
      if (tis(s, j, ".") && ttype(s, j + 1) == T_NAME) j += 2;
      else if (tis(s, j, "[")) j = match_close(s, j) + 1;
      else break;
    }
  }
  return j;
}

void check_globals(Ctx *c, Src *s) {
  Scope st[256];
  int ns = 1, depth = 0, in_local = 0, for_vars = -1, for_ns = 0;
  memset(st, 0, sizeof st);
  st[0].chunk_level = 1;
  char name[128];
  /* pending locals of a `for` header or function parameters, declared when the block opens */
  char pend[16][64];
  int npend = 0;
  /* a `for` header's names, apart from pend: a function literal in the header (a sort's
   * comparator in `for _, v in ipairs(sorted(t, function(a, b) ... end)) do`) has its own */
  char forpend[16][64];
  int nfor = 0;
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
      nfor = 0;
      for_vars = k;
      for_ns = ns;
      for (int q = k + 1; q < s->nt && !tis(s, q, "=") && !tis(s, q, "in") && nfor < 16; q++)
        if (ttype(s, q) == T_NAME) ttext(s, q, forpend[nfor++], 64);
      continue;
    }
    if (tis(s, k, "do") || tis(s, k, "then") || tis(s, k, "repeat")) {
      npend = 0;
      if (tis(s, k, "do") && for_vars >= 0 && ns == for_ns) { /* the for's own "do" */
        for (int q = 0; q < nfor; q++) snprintf(pend[npend++], 64, "%s", forpend[q]);
        for_vars = -1;
      }
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
    if (ttype(s, k) != T_NAME || is_keyword(s, k) || tis(s, k - 1, ".") || tis(s, k - 1, ":") || tis(s, k - 1, "goto") ||
        tis(s, k - 1, "::"))
      continue;
    if (for_vars >= 0 && ns == for_ns) continue; /* in a for header */
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
    if (tis(s, j, ",") && !tis(s, past_target_list(s, j), "=")) continue; /* a, b = ...: the "=" of the list */
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

/* A number that needs no source of its own: a source{}'s (its year, its pages) and a
 * parameter{}'s that names its source= or states its assumption=. */
static int sourced_def(Src *s, int line) {
  if (def_open(s, "source", line) >= 0) return 1;
  int p = def_open(s, "parameter", line);
  return p >= 0 && (find_field(s, p, "source") >= 0 || find_field(s, p, "assumption") >= 0);
}

void check_numbers(Ctx *c, Src *s) {
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
    if (sourced_def(s, line)) continue;
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

