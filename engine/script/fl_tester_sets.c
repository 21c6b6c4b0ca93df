/* Policy sets for batches, tests and ensembles (who plays each side, which parameter
 * values), and sweep files: a stranger's Lua table of sets, loaded in a sandbox of its
 * own and read raw. Part of the test runner's module (fl_tester.h). */
#define _POSIX_C_SOURCE 200809L
#include "fl_tester.h"
#include "fl_script_int.h"
#include "fl_str.h"
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- policy sets ---- */

int fl_test_apply_policies(fl_Script *sc, const fl_PolicySet *ps, char *err, size_t errn) {
  const fl_Def *d = fl_script_def(sc);
  const char *want[FL_MAX_SIDES];
  int from_all[FL_MAX_SIDES], took_all = 0;
  for (int i = 0; i < d->nside; i++) { want[i] = ps->all ? ps->all : "default"; from_all[i] = ps->all != NULL; }
  for (int k = 0; k < ps->n; k++) {
    int s = fl_def_side(d, ps->role[k]);
    if (s < 0) {
      const char *c[FL_MAX_SIDES];
      for (int i = 0; i < d->nside; i++) c[i] = d->sides[i].id;
      const char *sug = fl_str_suggest(ps->role[k], c, d->nside);
      snprintf(err, errn, "unknown side '%s'%s%s%s", ps->role[k], sug ? " (did you mean '" : "", sug ? sug : "", sug ? "'?)" : "");
      return -1;
    }
    want[s] = ps->policy[k];
    from_all[s] = 0;
  }
  for (int i = 0; i < d->nside; i++) {
    char e[1024];
    /* a scenario policy named for all sides need not exist for every side: that side plays
     * its default (known before asking, so a batch does not build an error per game) */
    if (from_all[i] && !fl_script_knows_policy(sc, i, want[i])) { want[i] = "default"; from_all[i] = 0; }
    if (strcmp(fl_script_policy(sc, i), want[i]) && fl_script_set_policy(sc, i, want[i], e, sizeof e)) {
      if (!from_all[i] || !strstr(e, "unknown policy")) { snprintf(err, errn, "%s", e); return -1; }
      if (fl_script_set_policy(sc, i, "default", e, sizeof e)) { snprintf(err, errn, "%s", e); return -1; }
      continue;
    }
    took_all += from_all[i];
  }
  fl_script_reset_params(sc);
  for (int k = 0; k < ps->nparam; k++)
    if (fl_script_set_param(sc, ps->param[k], err, errn)) return -1;
  if (ps->all && !took_all && ps->n < d->nside) {
    const char *names[64];
    int n = fl_script_policy_names(sc, names, 64);
    const char *sug = fl_str_suggest(ps->all, names, n);
    snprintf(err, errn, "no side has a policy '%s'%s%s%s", ps->all, sug ? " (did you mean '" : "", sug ? sug : "", sug ? "'?)" : "");
    return -1;
  }
  return 0;
}

int fl_test_policy_add(fl_PolicySet *ps, const char *role, const char *policy) {
  char **r = realloc(ps->role, (size_t)(ps->n + 1) * sizeof *r);
  if (!r) return -1;
  ps->role = r;
  char **p = realloc(ps->policy, (size_t)(ps->n + 1) * sizeof *p);
  if (!p) return -1;
  ps->policy = p;
  r[ps->n] = fl_str_dup(role);
  p[ps->n] = fl_str_dup(policy);
  if (!r[ps->n] || !p[ps->n]) { free(r[ps->n]); free(p[ps->n]); return -1; }
  ps->n++;
  return 0;
}

int fl_test_param_add(fl_PolicySet *ps, const char *spec) {
  char **p = realloc(ps->param, (size_t)(ps->nparam + 1) * sizeof *p);
  if (!p) return -1;
  ps->param = p;
  if (!(p[ps->nparam] = fl_str_dup(spec))) return -1;
  ps->nparam++;
  return 0;
}

void fl_test_free_sets(fl_PolicySet *sets, int n) {
  for (int i = 0; sets && i < n; i++) {
    for (int k = 0; k < sets[i].nparam; k++) free(sets[i].param[k]);
    free(sets[i].param);
    for (int k = 0; k < sets[i].n; k++) { free(sets[i].role[k]); free(sets[i].policy[k]); }
    free(sets[i].role);
    free(sets[i].policy);
    free(sets[i].name);
    free(sets[i].all);
  }
  free(sets);
}

/* Arg: the table a sweep file returned. Ret: nothing; raises on the first malformed entry,
 * so the C caller can read the table afterwards without any check that could raise. */
/* Sweep files are a stranger's tables too: read fields raw, so no metamethod runs (and can
 * answer differently, or raise) when the loader reads them after the protected check. */
static int rawfield(lua_State *L, int idx, const char *k) {
  idx = lua_absindex(L, idx);
  if (!lua_istable(L, idx)) { lua_pushnil(L); return LUA_TNIL; }
  lua_pushstring(L, k);
  return lua_rawget(L, idx);
}

static int check_sweep(lua_State *L) {
  static const char *const keys[] = {"name", "policy", "side", NULL};
  if (!lua_istable(L, 1)) return luaL_error(L, "a sweep file must return a list of policy sets, not %s", luaL_typename(L, 1));
  lua_Integer n = (lua_Integer)lua_rawlen(L, 1);
  if (n < 1) return luaL_error(L, "the sweep is empty: return { {name = \"a\", policy = \"p\"}, ... }");
  for (lua_Integer i = 1; i <= n; i++) {
    char what[64];
    snprintf(what, sizeof what, "sweep entry %lld", (long long)i);
    lua_pushinteger(L, i); /* which entry failed: its line is found in the source */
    lua_setfield(L, LUA_REGISTRYINDEX, "flank.sweep.entry");
    if (lua_rawgeti(L, 1, i) != LUA_TTABLE) return luaL_error(L, "%s: must be a table {name = ..., policy = ... | side = {...}}", what);
    int e = lua_gettop(L);
    fl_tester_check_keys(L, e, what, keys);
    const char *name = fl_tester_opt_str(L, e, what, "name");
    if (name && strpbrk(name, "\r\n")) return luaL_error(L, "%s: a policy set name cannot contain a line break", what);
    fl_tester_opt_str(L, e, what, "policy");
    int ty = rawfield(L, e, "side");
    if (ty == LUA_TTABLE) {
      lua_pushnil(L);
      while (lua_next(L, -2)) {
        if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING)
          return luaL_error(L, "%s: side = { role = \"policy\" } takes strings", what);
        lua_pop(L, 1);
      }
    } else if (ty != LUA_TNIL) return luaL_error(L, "%s: side must be a table { role = \"policy\" }", what);
    lua_settop(L, 1);
  }
  return 0;
}

/* Skip a long bracket ([[...]], [==[...]==]) at p if there is one, counting lines. */
static const char *long_bracket(const char *p, int *line) {
  int eq = 0;
  if (*p != '[') return NULL;
  while (p[1 + eq] == '=') eq++;
  if (p[1 + eq] != '[') return NULL;
  for (p += 2 + eq; *p; p++) {
    if (*p == '\n') (*line)++;
    if (*p == ']' && !strncmp(p + 1, "=========", (size_t)eq) && p[1 + eq] == ']') return p + 2 + eq;
  }
  return p;
}

/* The line where the k-th entry (1-based) of the list a sweep file returns begins, found
 * with a small Lua tokenizer (strings, comments, brackets); 0 when the list is built by
 * code rather than written out. Values carry no line in Lua, so messages need this. */
static int entry_line(const char *path, int k) {
  size_t len;
  char *text = k > 0 ? fl_str_read_file(path, &len) : NULL;
  if (!text) return 0;
  int line = 1, depth = 0, in_list = 0, entry = 0, want_entry = 0, found = 0, ret_line = 0;
  for (const char *p = text; *p && !found;) {
    const char *q;
    if (*p == '\n') { line++; p++; continue; }
    if (p[0] == '-' && p[1] == '-') { /* comments */
      if ((q = long_bracket(p + 2, &line))) { p = q; continue; }
      while (*p && *p != '\n') p++;
      continue;
    }
    if ((q = long_bracket(p, &line))) { p = q; if (want_entry && ++entry == k) found = line; want_entry = 0; continue; }
    if (*p == '"' || *p == '\'') {
      char c = *p++;
      int at = line;
      while (*p && *p != c) { if (*p == '\\' && p[1]) { if (p[1] == '\n') line++; p++; } else if (*p == '\n') line++; p++; }
      if (*p) p++;
      if (want_entry && ++entry == k) found = at;
      want_entry = 0;
      continue;
    }
    if (!in_list && depth == 0 && !strncmp(p, "return", 6) && (p == text || !(isalnum((unsigned char)p[-1]) || p[-1] == '_'))) {
      ret_line = line;
      p += 6;
      while (*p == ' ' || *p == '\t' || *p == '\n') { if (*p == '\n') line++; p++; }
      if (*p == '{') { in_list = 1; depth = 1; want_entry = 1; p++; }
      continue;
    }
    if (*p == ' ' || *p == '\t' || *p == '\r') { p++; continue; }
    if (in_list && depth == 1 && (*p == ',' || *p == ';')) { want_entry = 1; p++; continue; }
    if (want_entry && !(in_list && depth == 1 && *p == '}')) { if (++entry == k) found = line; }
    want_entry = 0;
    if (*p == '{' || *p == '(' || *p == '[') depth++;
    else if (*p == '}' || *p == ')' || *p == ']') depth--;
    if (in_list && depth == 0) break;
    p++;
  }
  free(text);
  return found ? found : ret_line;
}

static char *field_dup(lua_State *L, int idx, const char *k) {
  rawfield(L, idx, k);
  char *s = lua_isstring(L, -1) ? fl_str_dup(lua_tostring(L, -1)) : NULL;
  lua_pop(L, 1);
  return s;
}

int fl_test_load_sweep(const char *path, fl_PolicySet **out, char *err, size_t errn) {
  fl_Script *sb = calloc(1, sizeof *sb);
  if (!sb) { snprintf(err, errn, "out of memory"); return -1; }
  char dir[PATH_MAX];
  snprintf(dir, sizeof dir, "%s", path);
  char *slash = strrchr(dir, '/');
  if (slash) *slash = '\0'; else snprintf(dir, sizeof dir, ".");
  char root[PATH_MAX + 4];
  snprintf(root, sizeof root, "%s/..", dir);
  sb->dir = fl_str_dup(dir);
  sb->root = fl_str_dup(root);
  sb->mem_limit = (size_t)64 << 20;
  sb->hash = FL_FNV_INIT;
  int n = -1, count = 0;
  fl_PolicySet *sets = NULL;
  char chunk[PATH_MAX + 2];
  snprintf(chunk, sizeof chunk, "@%s", path);
  if (!sb->dir || !sb->root || fl_sb_open(sb)) { snprintf(err, errn, "out of memory"); goto done; }
  lua_State *L = sb->L;
  sb->from_user = 1; /* "--sweep <(...)" */
  if (fl_sb_load_file(sb, path, chunk) != 0 || fl_sb_pcall(sb, 0, 1, 50000000LL) != LUA_OK) {
    fl_sb_error_text(sb, err, errn);
    goto done;
  }
  lua_pushcfunction(L, check_sweep);
  lua_insert(L, -2);
  lua_pushvalue(L, -1);
  lua_insert(L, -3); /* keep the table below the call */
  if (fl_sb_pcall(sb, 1, 0, 50000000LL) != LUA_OK) {
    char m[900];
    fl_sb_error_text(sb, m, sizeof m);
    lua_getfield(L, LUA_REGISTRYINDEX, "flank.sweep.entry");
    int entry = (int)lua_tointeger(L, -1), line = entry_line(path, entry);
    lua_pop(L, 1);
    if (line) snprintf(err, errn, "%s:%d: %s", path, line, m);
    else snprintf(err, errn, "%s: %s", path, m);
    goto done;
  }
  int t = lua_gettop(L);
  count = (int)lua_rawlen(L, t);
  sets = calloc((size_t)count, sizeof *sets);
  if (!sets) { snprintf(err, errn, "out of memory"); goto done; }
  for (int i = 0; i < count; i++) {
    lua_rawgeti(L, t, i + 1);
    int e = lua_gettop(L);
    fl_PolicySet *ps = &sets[i];
    ps->name = field_dup(L, e, "name");
    ps->all = field_dup(L, e, "policy");
    if (!ps->name) {
      char nm[32];
      snprintf(nm, sizeof nm, "set%d", i + 1);
      ps->name = fl_str_dup(ps->all ? ps->all : nm);
    }
    if (rawfield(L, e, "side") == LUA_TTABLE) {
      /* sorted roles, so a set's name and order never depend on hashing */
      const char *roles[FL_MAX_SIDES];
      int nr = 0;
      lua_pushnil(L);
      while (lua_next(L, -2) && nr < FL_MAX_SIDES) {
        lua_pop(L, 1);
        int j = nr++;
        const char *r = lua_tostring(L, -1);
        while (j > 0 && strcmp(roles[j - 1], r) > 0) { roles[j] = roles[j - 1]; j--; }
        roles[j] = r;
      }
      for (int k = 0; k < nr; k++) {
        rawfield(L, -1, roles[k]);
        if (fl_test_policy_add(ps, roles[k], lua_tostring(L, -1))) { lua_pop(L, 1); snprintf(err, errn, "out of memory"); goto done; }
        lua_pop(L, 1);
      }
    }
    lua_settop(L, t);
    if (!ps->name) { snprintf(err, errn, "out of memory"); goto done; }
    if (fl_str_ctl(ps->name, strlen(ps->name), 0) >= 0) { /* names reach terminals, CSVs and reports */
      int line = entry_line(path, i + 1);
      snprintf(err, errn, "%s:%d: set %d: the name holds a control character", path, line > 0 ? line : 1, i + 1);
      goto done;
    }
  }
  *out = sets;
  n = count;
  sets = NULL;
done:
  if (sets) fl_test_free_sets(sets, count); /* calloc'd: unfilled entries are empty */
  fl_sb_close(sb);
  free(sb->dir);
  free(sb->root);
  free(sb);
  return n;
}
