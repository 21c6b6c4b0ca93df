/* Definitions for teaching: source{} (a scenario's bibliography), evidence{} (what the
 * marks of evidence strength in its notes mean), parameter{} (the
 * assumptions a teacher may change) and question{} (discussion questions for the
 * debrief), and the class settings file a teacher puts next to scenario.lua. */
#include "fl_cite.h"
#include "fl_defs_int.h"
#include "fl_str.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const fl_defs_k_parameter[] = {"id", "name", "text", "default", "min", "max", "step", "unit", "source",
                                           "assumption", NULL};
const char *const fl_defs_k_source[] = {"id", "author", "title", "year", "publisher", "link", "note", "short", NULL};
const char *const fl_defs_k_question[] = {"text", "ending", NULL};
const char *const fl_defs_k_evidence[] = {"mark", "text", NULL};

#define CLASS_FILE "class.txt"

static char *empty(char *s) { return s ? s : fl_str_dup(""); }

/* year = 2016 or "2016" (or "n.d."): kept as text. */
static int year_field(fl_DefB *b, int t, char **out, const char *what) {
  int ty = fl_db_rget(b->L, t, "year");
  char buf[32];
  if (ty == LUA_TNUMBER && lua_isinteger(b->L, -1)) { snprintf(buf, sizeof buf, "%lld", (long long)lua_tointeger(b->L, -1)); *out = fl_str_dup(buf); }
  else if (ty == LUA_TSTRING) *out = fl_str_dup(lua_tostring(b->L, -1));
  else if (ty == LUA_TNIL) *out = fl_str_dup("");
  else { lua_pop(b->L, 1); return fl_db_fail(b, "%s: year must be a whole number or a string", what); }
  lua_pop(b->L, 1);
  return 0;
}

static int build_sources(fl_DefB *b, fl_Def *d) {
  lua_State *L = b->L;
  for (int i = 0; i < d->nsource; i++) { /* free-text citations from scenario{ sources = ... } */
    fl_Source *s = &d->sources[i];
    s->author = empty(s->author); s->title = empty(s->title); s->year = empty(s->year);
    s->publisher = empty(s->publisher); s->link = empty(s->link); s->note = empty(s->note);
    s->short_name = empty(s->short_name);
  }
  int n = fl_db_list(b, "source");
  if (!n) { lua_pop(L, 1); return 0; }
  fl_Source *ns = realloc(d->sources, (size_t)(d->nsource + n) * sizeof *ns);
  if (!ns) { lua_pop(L, 1); return fl_db_fail(b, "out of memory"); }
  d->sources = ns;
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    int t = lua_gettop(L);
    fl_db_at(b, t);
    fl_Source *s = &d->sources[d->nsource];
    memset(s, 0, sizeof *s);
    if (fl_db_id(b, t, "source", &s->id)) return -1;
    d->nsource++;
    char what[96];
    snprintf(what, sizeof what, "source '%s'", s->id);
    if (fl_def_source(d, s->id) != d->nsource - 1) return fl_db_fail(b, "%s is defined twice", what);
    s->line = b->line;
    if (fl_db_str(b, t, "author", 0, "", &s->author, what) || fl_db_str(b, t, "title", 0, "", &s->title, what) ||
        year_field(b, t, &s->year, what) || fl_db_str(b, t, "publisher", 0, "", &s->publisher, what) ||
        fl_db_str(b, t, "link", 0, "", &s->link, what) || fl_db_str(b, t, "note", 0, "", &s->note, what) ||
        fl_db_str(b, t, "short", 0, "", &s->short_name, what))
      return -1;
    if (!*s->title && !*s->note) return fl_db_fail(b, "%s: give a title (or, for a statement or dataset, a note saying what it is)", what);
    char entry[2048];
    s->text = fl_str_dup(fl_cite_entry(s, 0, entry, sizeof entry));
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  return 0;
}

/* evidence{ mark = "H", text = "..." }: the legend of the marks, in the order written. */
static int build_evidence(fl_DefB *b, fl_Def *d) {
  lua_State *L = b->L;
  int n = fl_db_list(b, "evidence");
  d->evidence = calloc((size_t)n + 1, sizeof *d->evidence);
  if (!d->evidence) { lua_pop(L, 1); return fl_db_fail(b, "out of memory"); }
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    int t = lua_gettop(L);
    fl_db_at(b, t);
    fl_EvidenceDef *e = &d->evidence[d->nevidence];
    if (fl_db_str(b, t, "mark", 1, NULL, &e->mark, "evidence")) return -1;
    d->nevidence++;
    e->line = b->line;
    if (fl_db_str(b, t, "text", 1, NULL, &e->text, "evidence")) return -1;
    size_t len;
    const char *m = e->mark;
    char written[16];
    snprintf(written, sizeof written, "[%.12s]", m);
    if (strlen(m) > 3 || fl_cite_mark(written, &len) != written + 1 || len != strlen(m))
      return fl_db_fail(b, "evidence '%s': a mark is one to three capital letters or digits, as a note writes it in brackets ([H])", m);
    for (int k = 0; k < d->nevidence - 1; k++)
      if (!strcmp(d->evidence[k].mark, m)) return fl_db_fail(b, "evidence '%s' is defined twice", m);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  return 0;
}

/* assumption = true, or a string saying why the value is assumed. */
static int assumption_field(fl_DefB *b, int t, char **out, const char *what) {
  int ty = fl_db_rget(b->L, t, "assumption");
  if (ty == LUA_TBOOLEAN) *out = fl_str_dup(lua_toboolean(b->L, -1) ? "assumption" : "");
  else if (ty == LUA_TSTRING) *out = fl_str_dup(lua_tostring(b->L, -1));
  else if (ty == LUA_TNIL) *out = fl_str_dup("");
  else { lua_pop(b->L, 1); return fl_db_fail(b, "%s: assumption must be true or a string saying why", what); }
  lua_pop(b->L, 1);
  return 0;
}

static int required_num(fl_DefB *b, int t, const char *key, double *out, const char *what) {
  int ty = fl_db_rget(b->L, t, key);
  lua_pop(b->L, 1);
  if (ty == LUA_TNIL) return fl_db_fail(b, "%s: '%s' is required (a number)", what, key);
  return fl_db_num(b, t, key, 0, out, what);
}

static int build_params(fl_DefB *b, fl_Def *d) {
  lua_State *L = b->L;
  int n = fl_db_list(b, "parameter");
  d->params = calloc((size_t)n + 1, sizeof *d->params);
  if (!d->params) { lua_pop(L, 1); return fl_db_fail(b, "out of memory"); }
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    int t = lua_gettop(L);
    fl_db_at(b, t);
    fl_ParamDef *p = &d->params[d->nparam];
    if (fl_db_id(b, t, "parameter", &p->id)) return -1;
    d->nparam++;
    char what[96];
    snprintf(what, sizeof what, "parameter '%s'", p->id);
    if (fl_def_param(d, p->id) != d->nparam - 1) return fl_db_fail(b, "%s is defined twice", what);
    p->line = b->line;
    if (fl_db_str(b, t, "name", 0, p->id, &p->name, what) || fl_db_str(b, t, "text", 0, "", &p->text, what) ||
        fl_db_str(b, t, "unit", 0, "", &p->unit, what) || fl_db_str(b, t, "source", 0, "", &p->source, what) ||
        assumption_field(b, t, &p->assumption, what) || required_num(b, t, "default", &p->dflt, what) ||
        required_num(b, t, "min", &p->min, what) || required_num(b, t, "max", &p->max, what) ||
        fl_db_num(b, t, "step", 0, &p->step, what))
      return -1;
    if (p->min > p->max) return fl_db_fail(b, "%s: min %g is above max %g", what, p->min, p->max);
    if (p->dflt < p->min || p->dflt > p->max) return fl_db_fail(b, "%s: default %g is outside %g..%g", what, p->dflt, p->min, p->max);
    if (p->step < 0 || (p->step > 0 && p->step > p->max - p->min && p->max > p->min))
      return fl_db_fail(b, "%s: step must be from 0 (any value) to max - min", what);
    p->value = p->dflt;
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  return 0;
}

static int build_questions(fl_DefB *b, fl_Def *d) {
  lua_State *L = b->L;
  int n = fl_db_list(b, "question");
  d->questions = calloc((size_t)n + 1, sizeof *d->questions);
  if (!d->questions) { lua_pop(L, 1); return fl_db_fail(b, "out of memory"); }
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    int t = lua_gettop(L);
    fl_db_at(b, t);
    fl_QuestionDef *q = &d->questions[d->nquestion];
    char *ending = NULL;
    if (fl_db_str(b, t, "text", 1, NULL, &q->text, "question")) return -1;
    d->nquestion++;
    q->line = b->line;
    q->ending = -1;
    if (fl_db_str(b, t, "ending", 0, NULL, &ending, "question")) return -1;
    if (ending && (q->ending = fl_def_ending(d, ending)) < 0) {
      const char *c[256];
      int k = 0;
      for (; k < d->nending && k < 256; k++) c[k] = d->endings[k].id;
      const char *s = fl_str_suggest(ending, c, k);
      fl_db_fail(b, "question: unknown ending '%s'%s%s%s", ending, s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
      free(ending);
      return -1;
    }
    free(ending);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  return 0;
}

/* "name:line: unknown parameter 'x' (did you mean 'y'?)" */
static int unknown_param(char *err, size_t errn, const char *path, int line, const fl_Def *d, const char *id) {
  const char *s = fl_def_param_suggest(d, id);
  return fl_str_errorf(err, errn, path, line, "unknown parameter '%s'%s%s%s", id, s ? " (did you mean '" : "",
                       s ? s : "", s ? "'?)" : "");
}

/* The class settings file: "ID = VALUE" lines set a parameter for a class, "lock" fixes
 * every parameter, "lock ID" one; # starts a comment. Data only, never code. */
static int read_class(fl_DefB *b, fl_Def *d) {
  char path[4200];
  if (b->sc->no_class) return 0;
  snprintf(path, sizeof path, "%s/" CLASS_FILE, b->sc->dir);
  size_t len;
  char *text = fl_str_read_file(path, &len);
  if (!text) return 0; /* no class settings: the scenario's own values */
  d->class_file = fl_str_dup(path);
  int lineno = 0, rc = 0;
  for (char *line = text, *next; line && !rc; line = next) {
    next = strchr(line, '\n');
    if (next) *next++ = '\0';
    lineno++;
    line[strcspn(line, "#\r")] = '\0';
    char buf[512], *w[4] = {0};
    size_t k = 0;
    for (const char *c = line; *c && k < sizeof buf - 4; c++) { /* "a=b" reads as "a = b" */
      if (*c == '=') { buf[k++] = ' '; buf[k++] = '='; buf[k++] = ' '; }
      else buf[k++] = *c == '\t' ? ' ' : *c;
    }
    buf[k] = '\0';
    int nw = 0;
    for (char *tok = strtok(buf, " "); tok; tok = strtok(NULL, " ")) { if (nw < 4) w[nw] = tok; nw++; }
    if (!nw) continue;
    if (!strcmp(w[0], "lock") && nw <= 2) {
      int p = nw == 2 ? fl_def_param(d, w[1]) : -1;
      if (nw == 2 && p < 0) rc = unknown_param(b->err, b->errn, path, lineno, d, w[1]);
      for (int i = 0; i < d->nparam && !rc; i++)
        if (nw == 1 || i == p) d->params[i].locked = 1;
    } else if (nw == 3 && !strcmp(w[1], "=")) {
      int p = fl_def_param(d, w[0]);
      char *end;
      double v = strtod(w[2], &end);
      if (p < 0) rc = unknown_param(b->err, b->errn, path, lineno, d, w[0]);
      else if (*end || !isfinite(v)) rc = fl_str_errorf(b->err, b->errn, path, lineno, "'%s' is not a number", w[2]);
      else if (v < d->params[p].min || v > d->params[p].max)
        rc = fl_str_errorf(b->err, b->errn, path, lineno, "%s = %g is outside its range %g..%g", w[0], v, d->params[p].min, d->params[p].max);
      else d->params[p].value = v;
    } else rc = fl_str_errorf(b->err, b->errn, path, lineno, "expected 'ID = VALUE', 'lock' or 'lock ID', not '%.60s'", line);
  }
  free(text);
  return rc;
}

int fl_defs_teach_build(fl_DefB *b, fl_Def *d) {
  return build_sources(b, d) || build_evidence(b, d) || build_params(b, d) || build_questions(b, d) || read_class(b, d);
}
