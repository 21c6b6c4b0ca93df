#include "fl_lint_teach.h"
#include "fl_cite.h"
#include "fl_lint.h"
#include "fl_str.h"
#include <lauxlib.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Ids { char **v; int n, cap; } Ids;

static void ids_add(Ids *s, const char *v) {
  for (int i = 0; i < s->n; i++)
    if (!strcmp(s->v[i], v)) return;
  if (s->n == s->cap) {
    int nc = s->cap ? s->cap * 2 : 16;
    char **nv = realloc(s->v, (size_t)nc * sizeof *nv);
    if (!nv) return;
    s->v = nv;
    s->cap = nc;
  }
  if ((s->v[s->n] = fl_str_dup(v))) s->n++;
}

static int ids_has(const Ids *s, const char *v) {
  for (int i = 0; i < s->n; i++)
    if (!strcmp(s->v[i], v)) return 1;
  return 0;
}

static void ids_free(Ids *s) {
  for (int i = 0; i < s->n; i++) free(s->v[i]);
  free(s->v);
}

static void report(const fl_LintTeach *t, const char *file, int line, int level, const char *check, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
static void report(const fl_LintTeach *t, const char *file, int line, int level, const char *check, const char *fmt, ...) {
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  t->msg(t->ud, file, line, level, check, buf);
}

/* Push registry defs[kind]; returns its length. */
static int defs(lua_State *L, const char *kind) {
  lua_getfield(L, LUA_REGISTRYINDEX, "flank.defs");
  lua_getfield(L, -1, kind);
  lua_remove(L, -2);
  return lua_istable(L, -1) ? (int)luaL_len(L, -1) : 0;
}

static const char *str(lua_State *L, int t, const char *k, char *buf, size_t n) {
  const char *r = NULL;
  if (lua_getfield(L, t, k) == LUA_TSTRING) { snprintf(buf, n, "%s", lua_tostring(L, -1)); r = buf; }
  lua_pop(L, 1);
  return r;
}

static int num(lua_State *L, int t, const char *k, double *out) {
  int ok = lua_getfield(L, t, k) == LUA_TNUMBER;
  if (ok) *out = lua_tonumber(L, -1);
  lua_pop(L, 1);
  return ok;
}

static const char *suggest(const Ids *s, const char *id, char *buf, size_t n) {
  const char *g = fl_str_suggest(id, (const char *const *)s->v, s->n);
  if (g) snprintf(buf, n, " (did you mean '%s'?)", g);
  else buf[0] = '\0';
  return buf;
}

typedef struct Scan { const fl_LintTeach *t; const Ids *sources; Ids *used; int file; const size_t *orig; } Scan;

static void on_cite(void *ud, const char *id, size_t offset) {
  Scan *sc = ud;
  const fl_LintTeach *t = sc->t;
  if (id && (ids_add(sc->used, id), ids_has(sc->sources, id))) return;
  int line = 1;
  for (size_t i = 0; i < sc->orig[offset]; i++) line += t->text[sc->file][i] == '\n';
  if (!id) {
    report(t, t->path[sc->file], line, FL_LINT_WARNING, "bad-citation",
           "a citation must read [@id], [@id, locator] or [@id; @id2] (at most %d ids, one line): this one is shown as written",
           FL_CITE_MAX);
    return;
  }
  char sg[128];
  report(t, t->path[sc->file], line, FL_LINT_ERROR, "unknown-source", "citation [@%s]: no source '%s' is defined%s", id, id,
         suggest(sc->sources, id, sg, sizeof sg));
}

/* The text with Lua's string concatenations across lines closed up ("a [@x; " .. "@y]" reads
 * as one citation), and for each byte of it the offset it came from (for lines). */
static char *join_strings(const char *text, size_t **orig) {
  size_t n = strlen(text), k = 0;
  char *out = malloc(n + 1);
  *orig = malloc((n + 1) * sizeof **orig);
  if (!out || !*orig) { free(out); free(*orig); *orig = NULL; return NULL; }
  for (size_t i = 0; i < n; i++) {
    if (text[i] == '"' || text[i] == '\'') { /* a closing quote, "..", an opening quote: skip them */
      size_t j = i + 1;
      while (text[j] == ' ' || text[j] == '\t' || text[j] == '\n' || text[j] == '\r') j++;
      if (text[j] == '.' && text[j + 1] == '.') {
        j += 2;
        while (text[j] == ' ' || text[j] == '\t' || text[j] == '\n' || text[j] == '\r') j++;
        if (text[j] == text[i]) { i = j; continue; }
      }
    }
    (*orig)[k] = i;
    out[k++] = text[i];
  }
  (*orig)[k] = n;
  out[k] = '\0';
  return out;
}

/* A parameter's step (default and range already in order). The Assumptions panel moves the
 * value by steps from min (ui_briefing.c snaps to min + k * step) and a sweep's default grid
 * starts at min, so a default off that grid is one no − and + ever come back to. A negative
 * step, or one larger than max - min, the loader refuses: errors, with a reason. */
static void check_step(const fl_LintTeach *t, int p, const char *what, double dflt, double mn, double mx) {
  lua_State *L = t->L;
  double step;
  if (!num(L, p, "step", &step)) return;
  const char *file;
  int line;
  t->where(t->ud, "parameter", "step", &file, &line);
  if (step < 0) {
    report(t, file, line, FL_LINT_ERROR, "param-step", "%s: step %g is negative; give a positive step, or leave step out (any value)",
           what, step);
  } else if (step == 0) {
    report(t, file, line, FL_LINT_WARNING, "param-step",
           "%s: step = 0 means any value, as when step is left out; leave it out, or give the step the Assumptions panel's "
           "- and + (and a sweep) should take", what);
  } else if (step > mx - mn) {
    report(t, file, line, mx > mn ? FL_LINT_ERROR : FL_LINT_WARNING, "param-step",
           "%s: step %g is larger than its range %g..%g, so no step fits in it; give a step of at most %g", what, step, mn, mx,
           mx - mn);
  } else {
    double r = (dflt - mn) / step, k = floor(r + 0.5);
    if (fabs(r - k) > 1e-6 * (fabs(r) > 1 ? fabs(r) : 1)) {
      double lo = mn + floor(r) * step, hi = lo + step;
      char fix[96];
      if (hi > mx) snprintf(fix, sizeof fix, "%g", lo);
      else snprintf(fix, sizeof fix, "%g or %g", lo, hi);
      report(t, file, line, FL_LINT_WARNING, "param-step",
             "%s: default %g is not min %g plus a whole number of steps of %g, so the Assumptions panel's - and + (and a "
             "sweep's values) never come back to it; make the default %s, or change min or step", what, dflt, mn, step, fix);
    }
  }
}

static void check_params(const fl_LintTeach *t) {
  lua_State *L = t->L;
  int n = defs(L, "parameter");
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    int p = lua_gettop(L);
    char id[96], what[128], buf[256];
    snprintf(what, sizeof what, "parameter '%s'", str(L, p, "id", id, sizeof id) ? id : "?");
    const char *file;
    int line;
    double dflt, mn, mx;
    if (num(L, p, "default", &dflt) && num(L, p, "min", &mn) && num(L, p, "max", &mx)) {
      t->where(t->ud, "parameter", "default", &file, &line);
      if (mn > mx) report(t, file, line, FL_LINT_ERROR, "param-range", "%s: min %g is above max %g", what, mn, mx);
      else if (dflt < mn || dflt > mx)
        report(t, file, line, FL_LINT_ERROR, "param-range", "%s: default %g is outside its range %g..%g", what, dflt, mn, mx);
      else check_step(t, p, what, dflt, mn, mx);
    }
    int ty = lua_getfield(L, p, "assumption");
    int labelled = ty == LUA_TSTRING ? lua_rawlen(L, -1) > 0 : lua_toboolean(L, -1);
    lua_pop(L, 1);
    if (!str(L, p, "source", buf, sizeof buf) && !labelled) {
      t->where(t->ud, "parameter", NULL, &file, &line);
      report(t, file, line, FL_LINT_ERROR, "param-source",
             "%s has no source: give source = \"<source id>\", or assumption = true (or a reason) if the value is the model's", what);
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

/* Every source id and where it is defined; what cites or names one. */
static void check_sources(const fl_LintTeach *t) {
  lua_State *L = t->L;
  Ids sources = {0}, used = {0}, endings = {0};
  char buf[256], sg[128];
  int n = defs(L, "source");
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    if (str(L, -1, "id", buf, sizeof buf)) ids_add(&sources, buf);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  if (defs(L, "scenario") >= 1) { /* free-text citations: scenario{ sources = { id = "..." } } */
    lua_rawgeti(L, -1, 1);
    if (lua_getfield(L, -1, "sources") == LUA_TTABLE) {
      lua_pushnil(L);
      while (lua_next(L, -2)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TSTRING) ids_add(&sources, lua_tostring(L, -1));
      }
    }
    lua_pop(L, 2);
  }
  lua_pop(L, 1);
  /* names: source = "id" on any definition (the unknown ones are reported by unknown-ref) */
  lua_getfield(L, LUA_REGISTRYINDEX, "flank.defs");
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    if (lua_istable(L, -1))
      for (lua_Integer i = 1; lua_rawgeti(L, -1, i) == LUA_TTABLE; i++) {
        if (str(L, -1, "source", buf, sizeof buf)) ids_add(&used, buf);
        lua_pop(L, 1);
      }
    lua_pop(L, 2);
  }
  lua_pop(L, 1);
  for (int f = 0; f < t->nfile; f++) {
    size_t *orig = NULL;
    char *joined = join_strings(t->text[f], &orig);
    Scan sc = {t, &sources, &used, f, orig};
    if (joined) fl_cite_scan(joined, on_cite, &sc);
    free(joined);
    free(orig);
  }
  n = defs(L, "source");
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    if (str(L, -1, "id", buf, sizeof buf) && !ids_has(&used, buf)) {
      const char *file;
      int line;
      t->where(t->ud, "source", NULL, &file, &line);
      report(t, file, line, FL_LINT_WARNING, "unused-source", "source '%s' is never cited ([@%s]) nor named (source = \"%s\")", buf, buf, buf);
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  if (defs(L, "scenario") >= 1) {
    lua_rawgeti(L, -1, 1);
    if (lua_getfield(L, -1, "sources") == LUA_TTABLE) {
      lua_pushnil(L);
      while (lua_next(L, -2)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING || ids_has(&used, lua_tostring(L, -1))) continue;
        const char *file, *id = lua_tostring(L, -1);
        int line;
        lua_pushvalue(L, -3); /* the scenario table, for where */
        t->where(t->ud, "scenario", "sources", &file, &line);
        lua_pop(L, 1);
        report(t, file, line, FL_LINT_WARNING, "unused-source", "source '%s' is never cited ([@%s]) nor named (source = \"%s\")", id, id, id);
      }
    }
    lua_pop(L, 2);
  }
  lua_pop(L, 1);
  /* questions: the ending they are for */
  n = defs(L, "ending");
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    if (str(L, -1, "id", buf, sizeof buf)) ids_add(&endings, buf);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  n = defs(L, "question");
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    if (str(L, -1, "ending", buf, sizeof buf) && !ids_has(&endings, buf)) {
      const char *file;
      int line;
      t->where(t->ud, "question", "ending", &file, &line);
      report(t, file, line, FL_LINT_ERROR, "unknown-ref", "question: unknown ending '%s'%s", buf, suggest(&endings, buf, sg, sizeof sg));
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  ids_free(&sources);
  ids_free(&used);
  ids_free(&endings);
}

/* Evidence marks ([H]) in the sources' notes: each means what an evidence{} says, and each
 * evidence{} is used; marks with no evidence{} at all leave students guessing. */
static void check_evidence(const fl_LintTeach *t) {
  lua_State *L = t->L;
  Ids marks = {0}, used = {0};
  char buf[4096], m[8];
  const char *file;
  int line, n = defs(L, "evidence"), legendless = 0;
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    if (str(L, -1, "mark", m, sizeof m)) ids_add(&marks, m);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  n = defs(L, "source");
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    char id[96];
    const char *note = str(L, -1, "note", buf, sizeof buf);
    if (!str(L, -1, "id", id, sizeof id)) snprintf(id, sizeof id, "?");
    size_t len;
    for (const char *p = fl_cite_mark(note, &len); p; p = fl_cite_mark(p + len, &len)) {
      snprintf(m, sizeof m, "%.*s", (int)len, p);
      ids_add(&used, m);
      if (ids_has(&marks, m)) continue;
      t->where(t->ud, "source", "note", &file, &line);
      if (marks.n) {
        char defined[128] = "";
        for (int k = 0, w = 0; k < marks.n && w < (int)sizeof defined; k++)
          w += snprintf(defined + w, sizeof defined - (size_t)w, "%s[%s]", k ? ", " : "", marks.v[k]);
        report(t, file, line, FL_LINT_ERROR, "unknown-evidence",
               "source '%s': its note marks [%s], but no evidence{ mark = \"%s\" } says what it means (defined: %s)", id, m,
               m, defined);
      } else if (!legendless++)
        report(t, file, line, FL_LINT_WARNING, "evidence-legend",
               "source '%s': its note marks [%s], but no evidence{} says what the marks mean, so readers of the "
               "bibliography cannot tell (e.g. evidence{ mark = \"%s\", text = \"...\" })", id, m, m);
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  n = defs(L, "evidence");
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    if (str(L, -1, "mark", m, sizeof m) && !ids_has(&used, m)) {
      t->where(t->ud, "evidence", NULL, &file, &line);
      report(t, file, line, FL_LINT_WARNING, "unused-evidence", "evidence '%s': no source's note marks [%s]", m, m);
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  ids_free(&marks);
  ids_free(&used);
}

void fl_lint_teach(const fl_LintTeach *t) {
  check_params(t);
  if (t->partial) return;
  check_sources(t);
  check_evidence(t);
}
