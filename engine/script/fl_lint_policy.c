/* fl_lint_policy: what a policy's choose returns, wherever the function is written. The
 * lenient load ran the scenario, so choose is a real function and its debug info names its
 * file and lines: inline in policy{}, a local function defined earlier or a field of a
 * required module alike. From there lint follows what it can name without running anything:
 *  - `return f(...)`: what f returns is the choice too (f an upvalue or a global of the
 *    function, or a field of one: `return P.cautious(view, d)`);
 *  - `T[d.id]`: T is looked up by the decision's id, so its keys must be decisions, and a
 *    function in it answers for that decision only;
 *  - `if d.id == "x" then`: that branch answers for decision x only.
 * A literal option id must be an option of the decision(s) it answers, a literal target must
 * suit its option, and a literal compared with d.id must be a decision. Each finding names
 * the file and line it is written on. */
#define _POSIX_C_SOURCE 200809L
#include "fl_lint_int.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Bounds on following: a scenario is untrusted, and the lint must end soon. The shipped
 * scenarios need at most 65 visits in all; a misspelt-key report is capped per table. */
enum { MAX_VISITS = 65536, MAX_POLICY_VISITS = 512, MAX_DEPTH = 16, MAX_BAD_KEYS = 16 };

/* What all policies share: functions already followed, literals already judged. */
typedef struct Seen { Set visited, judged; int visits; } Seen;

/* The policy being checked. */
typedef struct Pol {
  Ctx *c;
  const char *id, *side;
  Set opts;  /* the options of the side's decisions */
  Seen *seen;
  int visits;
} Pol;

/* One more function or table to follow, unless the bounds are reached. */
static int may_visit(Pol *p) {
  if (p->seen->visits >= MAX_VISITS || p->visits >= MAX_POLICY_VISITS) return 0;
  p->seen->visits++;
  p->visits++;
  return 1;
}

/* ---- what the tokens say ---- */

static int opens_bracket(const Src *s, int k) { return tis(s, k, "(") || tis(s, k, "{") || tis(s, k, "["); }
static int closes_bracket(const Src *s, int k) { return tis(s, k, ")") || tis(s, k, "}") || tis(s, k, "]"); }

/* After an if's "then" at k: the elseif, else or end that ends the branch. */
static int branch_end(const Src *s, int k) {
  for (int j = k + 1, d = 0; j < s->nt; j++) {
    if (fl_lt_opens_block(s, j)) d++;
    else if (fl_lt_closes_block(s, j) && d-- == 0) return j;
    else if (d == 0 && (tis(s, j, "elseif") || tis(s, j, "else"))) return j;
  }
  return s->nt - 1;
}

/* The names declared anywhere in tokens from..to: locals, for variables, parameters. A name
 * among them is not resolved (which declaration it means would need a scope walk). Returns
 * how many times `name` is declared. */
static int declared(const Src *s, int from, int to, Set *out, const char *name) {
  char n[64];
  int times = 0;
  for (int k = from; k <= to; k++) {
    if (tis(s, k, "local") || tis(s, k, "for")) {
      int j = k + 1 + tis(s, k + 1, "function");
      while (ttype(s, j) == T_NAME) {
        set_add(out, ttext(s, j, n, sizeof n));
        times += !strcmp(n, name);
        j++;
        if (tis(s, j, "<")) j += 3; /* <const> */
        if (!tis(s, j, ",")) break;
        j++;
      }
    } else if (tis(s, k, "function")) {
      int j = k + 1;
      while (j <= to && !tis(s, j, "(")) j++;
      for (int q = j + 1, e = match_close(s, j); q < e && q <= to; q++)
        if (ttype(s, q) == T_NAME) {
          set_add(out, ttext(s, q, n, sizeof n));
          times += !strcmp(n, name);
        }
    }
  }
  return times;
}

/* `d.id == "x"` or `"x" == d.id` (also ~=) at k: the token of "x", else -1. */
static int id_compare(const Src *s, int k, const char *d) {
  if (tis(s, k, d) && !tis(s, k - 1, ".") && tis(s, k + 1, ".") && tis(s, k + 2, "id") && (tis(s, k + 3, "==") || tis(s, k + 3, "~=")) &&
      ttype(s, k + 4) == T_STR && !tis(s, k + 5, ".."))
    return k + 4;
  if (ttype(s, k) == T_STR && (tis(s, k + 1, "==") || tis(s, k + 1, "~=")) && tis(s, k + 2, d) && tis(s, k + 3, ".") && tis(s, k + 4, "id") &&
      !tis(s, k - 1, ".."))
    return k;
  return -1;
}

/* The position (1-based) of the argument that is just the name d in the call whose "(" is at
 * open; 0 if none. */
static int arg_pos(const Src *s, int open, const char *d) {
  if (!d[0] || !tis(s, open, "(")) return 0;
  int close = match_close(s, open), depth = 0, arg = 1, start = open + 1;
  for (int j = open + 1; j <= close; j++) {
    if (j == close || (depth == 0 && tis(s, j, ","))) {
      if (j - start == 1 && tis(s, start, d)) return arg;
      arg++;
      start = j + 1;
    } else if (opens_bracket(s, j)) depth++;
    else if (closes_bracket(s, j)) depth--;
  }
  return 0;
}

/* ---- what the values say ---- */

/* Push t[key] for the table at t (through a frozen table's hidden contents); 0 and nothing
 * pushed if it is nil or t is no table. Raw: nothing the scenario wrote runs. */
static int push_field(lua_State *L, int t, const char *key) {
  t = lua_absindex(L, t);
  if (lua_type(L, t) != LUA_TTABLE) return 0;
  lua_pushstring(L, key);
  if (lua_rawget(L, t) != LUA_TNIL) return 1;
  lua_pop(L, 1);
  if (!lua_getmetatable(L, t)) return 0;
  lua_pushliteral(L, "__index");
  int ok = lua_rawget(L, -2) == LUA_TTABLE;
  if (ok) {
    lua_pushstring(L, key);
    ok = lua_rawget(L, -2) != LUA_TNIL;
    lua_replace(L, -3);
    lua_pop(L, 1);
    if (!ok) lua_pop(L, 1);
  } else lua_pop(L, 2);
  return ok;
}

/* Push what the function at fi sees as name: its upvalue, else its global; 0 if neither. */
static int push_name(lua_State *L, int fi, const char *name) {
  int env = 0;
  for (int i = 1;; i++) {
    const char *n = lua_getupvalue(L, fi, i);
    if (!n) break;
    if (!strcmp(n, name)) return 1;
    if (!strcmp(n, "_ENV")) env = i;
    lua_pop(L, 1);
  }
  if (!env) return 0;
  lua_getupvalue(L, fi, env);
  int ok = push_field(L, -1, name);
  lua_remove(L, ok ? -2 : -1);
  return ok;
}

/* At name token k, NAME(.FIELD)*: push its value as the function at fi sees it and return
 * the token after the path; -1 (nothing pushed) if it cannot be named. */
static int push_path(lua_State *L, int fi, const Src *s, int k, const Set *locals) {
  char n[64];
  if (ttype(s, k) != T_NAME || tis(s, k - 1, ".") || tis(s, k - 1, ":") || set_has(locals, ttext(s, k, n, sizeof n))) return -1;
  if (!push_name(L, fi, n)) return -1;
  int j = k + 1;
  while (tis(s, j, ".") && ttype(s, j + 1) == T_NAME) {
    if (!push_field(L, -1, ttext(s, j + 1, n, sizeof n))) { lua_pop(L, 1); return -1; }
    lua_remove(L, -2);
    j += 2;
  }
  return j;
}

/* Does the function token at k list the parameters the Lua function at fi has? */
static int same_params(lua_State *L, int fi, const Src *s, int k) {
  lua_Debug ar;
  lua_pushvalue(L, fi);
  if (!lua_getinfo(L, ">u", &ar)) return 0;
  while (k < s->nt && !tis(s, k, "(")) k++;
  int close = match_close(s, k), i = 0, ok = 1;
  char n[64];
  lua_pushvalue(L, fi);
  for (int q = k + 1; q < close && ok; q++) {
    if (tis(s, q, ",")) continue;
    if (tis(s, q, "...")) { ok = ar.isvararg; continue; }
    const char *pn = lua_getlocal(L, NULL, ++i);
    ok = pn && !strcmp(pn, ttext(s, q, n, sizeof n));
  }
  lua_pop(L, 1);
  return ok && i == ar.nparams;
}

/* The source lint read for the Lua function at fi, with the tokens from its "function" to
 * its "end"; NULL if it has none (a C function, a chunk given to load). */
static Src *fn_span(Ctx *c, int fi, int *from, int *to) {
  lua_State *L = c->L;
  lua_Debug ar;
  lua_pushvalue(L, fi);
  if (!lua_getinfo(L, ">S", &ar) || strcmp(ar.what, "Lua") || ar.source[0] != '@') return NULL;
  Src *s = fl_lt_src_for(c, ar.source + 1);
  if (!s || s->is_text) return NULL;
  int lo = 0, hi = s->nt;
  while (lo < hi) { /* the first token on the line it is defined on */
    int mid = lo + (hi - lo) / 2;
    if (s->t[mid].line < ar.linedefined) lo = mid + 1;
    else hi = mid;
  }
  int n = 0, alike = 0, first[2] = {-1, -1}, same[2] = {-1, -1};
  for (int k = lo; k < s->nt && s->t[k].line == ar.linedefined; k++) {
    if (!tis(s, k, "function")) continue;
    int e = block_end(s, k);
    if (s->t[e].line != ar.lastlinedefined) continue;
    if (n++ == 0) { first[0] = k; first[1] = e; }
    if (same_params(L, fi, s, k)) { alike++; same[0] = k; same[1] = e; }
  }
  const int *w = n == 1 ? first : alike == 1 ? same : NULL; /* two functions on one line: the one with its parameters */
  if (!w) return NULL;
  *from = w[0];
  *to = w[1];
  return s;
}

static const Decision *decision_of(const Ctx *c, const char *side, const char *id) {
  for (int i = 0; i < c->ndec; i++)
    if (c->dec[i].id && c->dec[i].side && !strcmp(c->dec[i].id, id) && !strcmp(c->dec[i].side, side)) return &c->dec[i];
  return NULL;
}

/* The constructor that built the table whose string keys are keys: the first `{ ... }` of
 * the scenario's files with exactly those keys at its top level. -1 if none (a table filled
 * after it was built). */
static int find_ctor(Ctx *c, const Set *keys, Src **out) {
  char n[128];
  for (int i = 0; i < c->nsrc; i++) {
    Src *s = &c->src[i];
    if (s->is_text) continue;
    for (int k = 0; k + 3 < s->nt; k++) {
      if (!tis(s, k, "{") || !((ttype(s, k + 1) == T_NAME && tis(s, k + 2, "=")) || (tis(s, k + 1, "[") && ttype(s, k + 2) == T_STR))) continue;
      int close = match_close(s, k), d = 0, found = 0, ok = 1;
      for (int j = k; j < close && ok; j++) {
        if (opens_bracket(s, j)) {
          if (d == 1 && tis(s, j, "[") && ttype(s, j + 1) == T_STR && tis(s, j + 2, "]") && tis(s, j + 3, "=")) {
            ok = set_has(keys, ttext(s, j + 1, n, sizeof n));
            found++;
          }
          d++;
        } else if (closes_bracket(s, j)) d--;
        else if (d == 1 && ttype(s, j) == T_NAME && tis(s, j + 1, "=") && (tis(s, j - 1, "{") || tis(s, j - 1, ",") || tis(s, j - 1, ";"))) {
          ok = set_has(keys, ttext(s, j, n, sizeof n));
          found++;
        }
      }
      if (ok && found == keys->n) { *out = s; return k; }
    }
  }
  return -1;
}

/* The token of key in the constructor at open (`key =` or `["key"] =`), or -1. */
static int ctor_key(const Src *s, int open, const char *key) {
  int f = find_field(s, open, key);
  if (f >= 0) return f;
  char n[128];
  for (int j = open, close = match_close(s, open); j < close; j++)
    if (tis(s, j, "[") && ttype(s, j + 1) == T_STR && tis(s, j + 2, "]") && tis(s, j + 3, "=") && !strcmp(ttext(s, j + 1, n, sizeof n), key))
      return j + 1;
  return -1;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

/* ---- the checks ---- */

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

static void check_fn(Pol *p, int fi, const char *dec, int dpar, int depth);

/* Judge a literal once per side and decision: "side\tdecision\tfile\ttoken". */
static int first_time(Pol *p, const Src *s, int k, const char *dec) {
  char key[PATH_MAX + 300];
  snprintf(key, sizeof key, "%s\t%s\t%s\t%d", p->side, dec ? dec : "", s->path, k);
  return set_add(&p->seen->judged, key);
}

/* The literal option id at token v, returned as the choice for decision dec (NULL: any of
 * the side's); when it follows `return` directly, its literal targets too. */
static void check_choice(Pol *p, const Src *s, int v, const char *dec) {
  Ctx *c = p->c;
  char o[128], sg[256];
  ttext(s, v, o, sizeof o);
  if (!first_time(p, s, v, dec)) return;
  const Decision *d = dec ? decision_of(c, p->side, dec) : NULL;
  if (d && d->opts.n && !set_has(&d->opts, o)) {
    if (!suggest(&d->opts, o, sg, sizeof sg)[0]) { /* no near miss: say what it has */
      size_t n = (size_t)snprintf(sg, sizeof sg, " (its options: ");
      for (int i = 0; i < d->opts.n && n < sizeof sg; i++)
        n += (size_t)snprintf(sg + n, sizeof sg - n, "%s%s", i ? ", " : "", d->opts.v[i]);
      if (n < sizeof sg) snprintf(sg + n, sizeof sg - n, ")");
      if (n + 2 > sizeof sg) snprintf(sg + sizeof sg - 6, 6, "...)");
    }
    msg(c, s->path, s->t[v].line, FL_LINT_ERROR, "unknown-ref", "policy '%s' of side '%s' returns '%s' for decision '%s', which has no such option%s",
        p->id, p->side, o, dec, sg);
  }
  else if (!d && !set_has(&p->opts, o))
    msg(c, s->path, s->t[v].line, FL_LINT_ERROR, "unknown-ref", "policy '%s' of side '%s' returns '%s', which is no option of that side's decisions%s",
        p->id, p->side, o, suggest(&p->opts, o, sg, sizeof sg));
  else if (tis(s, v - 1, "return")) check_literal_targets(c, s, v - 1, p->side, p->id, o);
}

/* Where a return's expression ends: a return is the last statement of its block. */
static int ends_return(const Src *s, int j) {
  return ttype(s, j) == T_EOF || tis(s, j, ",") || tis(s, j, ";") || tis(s, j, "end") || tis(s, j, "else") || tis(s, j, "elseif") ||
         tis(s, j, "until");
}

/* The return at k: `return "x"`, and the literals its first value may be in
 * `return cond and "x" or "y"` (a literal before `and` is a condition, not a value). */
static void check_return(Pol *p, const Src *s, int k, const char *dec) {
  if (ttype(s, k + 1) == T_STR && !tis(s, k + 2, "..")) { check_choice(p, s, k + 1, dec); return; }
  for (int j = k + 1, depth = 0; j < s->nt && !tis(s, j, "function"); j++) {
    if (opens_bracket(s, j)) depth++;
    else if (closes_bracket(s, j) && --depth < 0) return;
    else if (depth == 0 && ends_return(s, j)) return;
    else if (depth == 0 && ttype(s, j) == T_STR && (tis(s, j - 1, "and") || tis(s, j - 1, "or")) && (tis(s, j + 1, "or") || ends_return(s, j + 1)))
      check_choice(p, s, j, dec);
  }
}

/* Is key read by name from a table called name (`name.key` or `name["key"]`, not a
 * definition `function name.key(` or an assignment), anywhere in the scenario? Then it is a
 * key the code asks for itself (`BY[d.id] or BY.fallback`), not a decision. */
static int read_by_name(Ctx *c, const char *name, const char *key) {
  char n[128];
  for (int i = 0; i < c->nsrc; i++) {
    const Src *s = &c->src[i];
    if (s->is_text) continue;
    for (int k = 0; k + 3 < s->nt; k++) {
      if (!tis(s, k, name) || ttype(s, k) != T_NAME) continue;
      int head = k; /* `function P.by.key(`: a definition, however deep */
      while (tis(s, head - 1, ".") && ttype(s, head - 2) == T_NAME) head -= 2;
      if (tis(s, head - 1, "function")) continue;
      int at = tis(s, k + 1, ".") && ttype(s, k + 2) == T_NAME ? k + 2
             : tis(s, k + 1, "[") && ttype(s, k + 2) == T_STR && tis(s, k + 3, "]") ? k + 2 : -1;
      if (at >= 0 && !strcmp(ttext(s, at, n, sizeof n), key) && !tis(s, at + 1 + (ttype(s, at) == T_STR), "=")) return 1;
    }
  }
  return 0;
}

/* The table on top of the stack is looked up by the decision's id (T[d.id], T's name at token
 * k of s): its keys must be decisions, and its functions answer for their decision. */
static void check_table(Pol *p, const Src *s, int k, int dpar, int depth) {
  Ctx *c = p->c;
  lua_State *L = c->L;
  int t = lua_gettop(L);
  char key[200];
  snprintf(key, sizeof key, "T\t%s\t%p", p->side, lua_topointer(L, t));
  if (!set_add(&p->seen->visited, key) || !may_visit(p)) return;
  Set keys = {0};
  lua_pushnil(L);
  while (lua_next(L, t)) {
    lua_pop(L, 1);
    if (lua_type(L, -1) == LUA_TSTRING) set_add(&keys, lua_tostring(L, -1));
  }
  Src *cs = NULL;
  int open = -2, bad = 0; /* the constructor, looked for at the first bad key (-2: not yet) */
  const char **sorted = malloc((size_t)(keys.n ? keys.n : 1) * sizeof *sorted); /* a table's order is the hash's: sort */
  if (!sorted) { set_free(&keys); return; }
  for (int i = 0; i < keys.n; i++) sorted[i] = keys.v[i];
  qsort(sorted, (size_t)keys.n, sizeof *sorted, cmp_str);
  for (int i = 0; i < keys.n; i++) {
    const char *dk = sorted[i];
    char sg[128], tname[64];
    if (!set_has(&c->sets[S_DECISION], dk) && bad < MAX_BAD_KEYS && !read_by_name(c, ttext(s, k, tname, sizeof tname), dk)) {
      if (bad++ == 0) open = find_ctor(c, &keys, &cs);
      int kt = open >= 0 ? ctor_key(cs, open, dk) : -1, from, to;
      const Src *at = kt >= 0 ? cs : s;
      int line = kt >= 0 ? cs->t[kt].line : s->t[k].line;
      if (kt < 0 && push_field(L, t, dk)) { /* added after the constructor: `function T.key(view, d)` is where the key is */
        Src *fs = fn_span(c, -1, &from, &to);
        if (fs) { at = fs; line = fs->t[from].line; }
        lua_pop(L, 1);
      }
      const char *base = strrchr(s->path, '/') ? strrchr(s->path, '/') + 1 : s->path;
      msg(c, at->path, line, FL_LINT_ERROR, "unknown-ref",
          "policy '%s' of side '%s' looks up its choice in this table by decision id (%s:%d), but its key '%s' is no decision%s", p->id,
          p->side, base, s->t[k].line, dk, suggest(&c->sets[S_DECISION], dk, sg, sizeof sg));
    } else if (decision_of(c, p->side, dk) && push_field(L, t, dk)) {
      check_fn(p, -1, dk, dpar, depth + 1);
      lua_pop(L, 1);
    }
  }
  free(sorted);
  set_free(&keys);
}

/* Check the function at fi, answering decision dec (NULL: any of the side's), its dpar-th
 * parameter the decision (0: not known). */
static void check_fn(Pol *p, int fi, const char *dec, int dpar, int depth) {
  Ctx *c = p->c;
  lua_State *L = c->L;
  fi = lua_absindex(L, fi);
  if (lua_type(L, fi) != LUA_TFUNCTION || lua_iscfunction(L, fi) || depth > MAX_DEPTH || !lua_checkstack(L, 16)) return;
  char key[300];
  snprintf(key, sizeof key, "%s\t%s\t%p\t%d", p->side, dec ? dec : "", lua_topointer(L, fi), dpar);
  if (!set_add(&p->seen->visited, key) || !may_visit(p)) return;
  int from, to;
  Src *s = fn_span(c, fi, &from, &to);
  if (!s || to < from) return;
  char d[64] = "";
  if (dpar > 0) {
    lua_pushvalue(L, fi);
    const char *n = lua_getlocal(L, NULL, dpar);
    if (n) snprintf(d, sizeof d, "%s", n);
    lua_pop(L, 1);
  }
  Set locals = {0};
  if (declared(s, from, to, &locals, d) > 1) d[0] = '\0'; /* d declared again inside: which d.id is meant needs a scope walk */
  /* which decision each token answers: dec, or the one an `if d.id == "x" then` names */
  const char **ans = calloc((size_t)(to - from + 1), sizeof *ans);
  if (!ans) { set_free(&locals); return; }
  for (int k = from; k <= to; k++) ans[k - from] = dec;
  char x[128], sg[128];
  for (int k = from; d[0] && k <= to; k++) {
    int lit = id_compare(s, k, d);
    if (lit < 0) continue;
    ttext(s, lit, x, sizeof x);
    if (!set_has(&c->sets[S_DECISION], x) && c->sets[S_DECISION].n && first_time(p, s, lit, "=="))
      msg(c, s->path, s->t[lit].line, FL_LINT_ERROR, "unknown-ref", "policy '%s' of side '%s' compares %s.id with '%s', which is no decision%s", p->id,
          p->side, d, x, suggest(&c->sets[S_DECISION], x, sg, sizeof sg));
    if (!(tis(s, k - 1, "if") || tis(s, k - 1, "elseif")) || !tis(s, k + 3, "==")) continue;
    int then = k + 5;
    if (tis(s, then, "and")) /* the rest of the condition, to its "then" */
      while (then < to && !tis(s, then, "then") && !tis(s, then, "or")) then = opens_bracket(s, then) ? match_close(s, then) + 1 : then + 1;
    if (!tis(s, then, "then")) continue;
    const Decision *nd = decision_of(c, p->side, x);
    const char *a = nd ? nd->id : ""; /* "": another side's decision, a branch this policy never takes */
    if (dec && strcmp(a, dec)) a = "";
    for (int j = then + 1, e = branch_end(s, then); j < e && j <= to; j++) ans[j - from] = a;
  }
  char v[64] = ""; /* the view, when this is a choose(view, d): view.tracks.NAME must be a track */
  if (dpar == 2) {
    lua_pushvalue(L, fi);
    const char *n = lua_getlocal(L, NULL, 1);
    if (n && declared(s, from, to, &locals, n) <= 1) snprintf(v, sizeof v, "%s", n);
    lua_pop(L, 1);
  }
  for (int k = from; v[0] && c->sets[S_TRACK].n && k + 4 <= to; k++) {
    if (!tis(s, k, v) || tis(s, k - 1, ".") || !tis(s, k + 1, ".") || !tis(s, k + 2, "tracks") || !tis(s, k + 3, ".") ||
        ttype(s, k + 4) != T_NAME)
      continue;
    ttext(s, k + 4, x, sizeof x);
    if (!set_has(&c->sets[S_TRACK], x) && first_time(p, s, k + 4, "tracks"))
      msg(c, s->path, s->t[k + 4].line, FL_LINT_ERROR, "unknown-ref", "policy '%s' of side '%s' reads %s.tracks.%s, which is no track%s",
          p->id, p->side, v, x, suggest(&c->sets[S_TRACK], x, sg, sizeof sg));
  }
  for (int k = from; k <= to; k++) {
    const char *a = ans[k - from];
    if (a && !a[0]) continue; /* a branch for another side's decision */
    if (tis(s, k, "return")) check_return(p, s, k, a);
    if (ttype(s, k) != T_NAME) continue;
    int j = k + 1; /* the tokens first: only `return f(` and `T[d.id]` are worth a look-up */
    while (tis(s, j, ".") && ttype(s, j + 1) == T_NAME) j += 2;
    int call = tis(s, k - 1, "return") && tis(s, j, "(");
    int bydec = d[0] && tis(s, j, "[") && tis(s, j + 1, d) && tis(s, j + 2, ".") && tis(s, j + 3, "id") && tis(s, j + 4, "]");
    if (!call && !bydec) continue;
    int top = lua_gettop(L);
    if (push_path(L, fi, s, k, &locals) < 0) continue;
    if (call) /* return f(...): what f returns is the choice */
      check_fn(p, -1, a, arg_pos(s, j, d), depth + 1);
    else if (lua_type(L, -1) == LUA_TTABLE) /* T[d.id]: its functions are called T[d.id](view, d), or so by convention */
      check_table(p, s, j - 1, tis(s, j + 5, "(") ? arg_pos(s, j + 5, d) : 2, depth);
    lua_settop(L, top);
  }
  set_free(&locals);
  free(ans);
}

/* A policy's choose, followed wherever it is written. */
void check_policy_returns(Ctx *c) {
  lua_State *L = c->L;
  Seen seen = {0};
  int n = defs(L, "policy");
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    char side[128], id[128];
    Pol p = {c, id, side, {0}, &seen, 0};
    if (!strfield(L, -1, "side", side, sizeof side)) { lua_pop(L, 1); continue; }
    if (!strfield(L, -1, "id", id, sizeof id)) snprintf(id, sizeof id, "?");
    for (int k = 0; k < c->ndec; k++)
      if (c->dec[k].side && !strcmp(c->dec[k].side, side))
        for (int o = 0; o < c->dec[k].opts.n; o++) set_add(&p.opts, c->dec[k].opts.v[o]);
    if (p.opts.n) {
      lua_getfield(L, -1, "choose");
      check_fn(&p, -1, NULL, 2, 0);
      lua_pop(L, 1);
    }
    set_free(&p.opts);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  set_free(&seen.visited);
  set_free(&seen.judged);
}
