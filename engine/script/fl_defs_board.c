/* The board's definitions: scenario{ map = } read while the scenario loads, area{} rings,
 * overrides and adjacency, place{}. Part of the definition builder (fl_defs.c). */
#include "fl_defs_short.h"
#include "fl_str.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Read the map file scenario{ map = m } names into sc->def->map (unless it was already), and
 * when building, hash its text (after the source files, as replays expect). 0 ok; -1 with
 * "what went wrong" in err. */
int fl_defs_read_map(fl_Script *sc, const char *m, int build, char *err, size_t errn) {
  char path[4096];
  if (strstr(m, "..") || m[0] == '/') { snprintf(err, errn, "scenario: map '%s' must be a path inside the project (no .. or /)", m); return -1; }
  if (strncmp(m, "assets/", 7) == 0) fl_path_asset(sc->root, m, path, sizeof path);
  else snprintf(path, sizeof path, "%s/%s", sc->dir, m);
  if (strncmp(m, "assets/", 7) && !fl_str_inside(path, sc->dir) && access(path, F_OK) == 0) {
    snprintf(err, errn, "scenario: map '%s' leads outside the scenario folder (a symlink?)", m);
    return -1;
  }
  size_t len;
  char *text = fl_str_read_file(path, &len);
  if (!text) { snprintf(err, errn, "scenario: cannot read map '%s' (looked in %s: %s)", m, path, fl_str_read_why()); return -1; }
  if (build) { fl_str_note_loaded(path); sc->hash = fl_fnv64(sc->hash, text, len); }
  int rc = sc->map_read ? 0 : fl_map_parse(sc->def->map, text, len, path, err, errn);
  free(text);
  if (rc) return -1;
  if (sc->map_read) return 0;
  sc->map_read = 1;
  return fl_map_link(sc->def->map) ? (snprintf(err, errn, "scenario: the map has too many neighbour pairs"), -1) : 0;
}

/* Read a ring given as { {lon, lat}, ... } or { lon, lat, lon, lat, ... }. */
static int read_ring(B *b, int idx, double **pts, int *npts, const char *what) {
  lua_State *L = b->L;
  int n = rlen(L, idx), flat = n > 0 && lua_rawgeti(L, idx, 1) == LUA_TNUMBER;
  if (n > 0) lua_pop(L, 1);
  int np = flat ? n / 2 : n;
  if (np < 3 || (flat && n % 2)) return bfail(b, "%s: a ring needs at least 3 {lon, lat} points", what);
  if (np > FL_MAP_MAX_POINTS) return bfail(b, "%s: a ring has more than %d points", what, FL_MAP_MAX_POINTS);
  if (!(*pts = malloc((size_t)np * 2 * sizeof(double)))) return bfail(b, "%s: out of memory", what);
  for (int i = 0; i < np; i++) {
    double lon, lat;
    if (flat) {
      lua_rawgeti(L, idx, 2 * i + 1); lua_rawgeti(L, idx, 2 * i + 2);
    } else {
      if (lua_rawgeti(L, idx, i + 1) != LUA_TTABLE) { lua_pop(L, 1); free(*pts); return bfail(b, "%s: point %d must be {lon, lat}", what, i + 1); }
      lua_rawgeti(L, -1, 1); lua_rawgeti(L, -2, 2);
      lua_remove(L, -3);
    }
    int ok = lua_type(L, -2) == LUA_TNUMBER && lua_type(L, -1) == LUA_TNUMBER;
    lon = lua_tonumber(L, -2);
    lat = lua_tonumber(L, -1);
    lua_pop(L, 2);
    if (!ok || !isfinite(lon) || !isfinite(lat) || fabs(lon) > 180 || fabs(lat) > 90) { free(*pts); return bfail(b, "%s: point %d is not a valid {lon, lat}", what, i + 1); }
    (*pts)[2 * i] = lon;
    (*pts)[2 * i + 1] = lat;
  }
  *npts = np;
  return 0;
}

int fl_db_board(B *b, fl_Def *d) {
  lua_State *L = b->L;
  lua_newtable(L); /* id -> line of its area{}: a second area{} would silently win over the first's keys */
  int seen = lua_gettop(L);
  int n = list(b, "area"), nmap = fl_map_area_count(d->map); /* areas below nmap come from the map file */
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    int t = lua_gettop(L);
    at(b, t);
    char *id = NULL, *name = NULL, *terrain = NULL, *country = NULL;
    if (fid(b, t, "area", &id)) return -1;
    char what[96];
    snprintf(what, sizeof what, "area '%s'", id);
    lua_pushstring(L, id);
    if (lua_rawget(L, seen) == LUA_TNUMBER) {
      int first = (int)lua_tointeger(L, -1);
      free(id);
      return bfail(b, "%s is defined twice (first on line %d); give one area{} with all its keys", what, first);
    }
    lua_pop(L, 1);
    lua_pushstring(L, id);
    lua_pushinteger(L, b->line);
    lua_rawset(L, seen);
    int idx = fl_map_find_area(d->map, id);
    if (fstr(b, t, "name", 0, NULL, &name, what) || fstr(b, t, "terrain", 0, NULL, &terrain, what) ||
        fstr(b, t, "country", 0, NULL, &country, what)) { free(id); free(name); free(terrain); free(country); return -1; }
    int ty = rget(L, t, "ring");
    if (idx < 0) {
      if (ty != LUA_TTABLE) { free(id); free(name); free(terrain); free(country); return bfail(b, "%s: not on the map, so it needs a ring = { {lon, lat}, ... }", what); }
      idx = fl_map_add_area(d->map, id, name, terrain, country, b->line);
      double *pts;
      int np;
      if (idx < 0 || read_ring(b, lua_gettop(L), &pts, &np, what)) {
        free(id); free(name); free(terrain); free(country);
        return idx < 0 ? bfail(b, "%s: too many areas (at most %d)", what, FL_MAP_MAX_AREAS) : -1;
      }
      int bad = fl_map_add_ring(d->map, idx, 0, pts, np);
      free(pts);
      rget(L, t, "holes");
      int nh = lua_istable(L, -1) ? rlen(L, -1) : 0;
      for (int h = 1; !bad && h <= nh; h++) {
        lua_rawgeti(L, -1, h);
        if (read_ring(b, lua_gettop(L), &pts, &np, what)) { free(id); free(name); free(terrain); free(country); return -1; }
        bad = fl_map_add_ring(d->map, idx, 1, pts, np);
        free(pts);
        lua_pop(L, 1);
      }
      if (bad) {
        free(id); free(name); free(terrain); free(country);
        return bfail(b, "%s: too many points on the board (at most %d in all)", what, FL_MAP_MAX_POINTS);
      }
      lua_pop(L, 1);
    } else {
      fl_MapArea *a = (fl_MapArea *)fl_map_area(d->map, idx); /* still building: overriding is allowed */
      if (ty != LUA_TNIL) {
        free(id); free(name); free(terrain); free(country);
        if (idx >= nmap) return bfail(b, "%s is defined twice (first on line %d)", what, a->line);
        return bfail(b, "%s: is on the map already; give props or owner, not a ring", what);
      }
      if (name) { free(a->name); a->name = name; name = NULL; }
      if (terrain) { free(a->terrain); a->terrain = terrain; terrain = NULL; }
      if (country) { free(a->country); a->country = country; country = NULL; }
      a->line = b->line;
    }
    lua_pop(L, 1);
    ((fl_MapArea *)fl_map_area(d->map, idx))->important = fbool(b, t, "important", 0);
    free(id); free(name); free(terrain); free(country);
    lua_pop(L, 1);
  }
  lua_pop(L, 2); /* the list and the seen table */
  /* explicit adjacency after all areas exist */
  n = list(b, "area");
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    int t = lua_gettop(L);
    at(b, t);
    rget(L, t, "id");
    int a = fl_map_find_area(d->map, lua_tostring(L, -1));
    lua_pop(L, 1);
    if (rget(L, t, "adjacent") == LUA_TTABLE) {
      for (int k = 1; lua_rawgeti(L, -1, k) == LUA_TSTRING; k++) {
        int o = fl_map_find_area(d->map, lua_tostring(L, -1));
        if (o < 0) return bfail(b, "area: adjacent to unknown area '%s'", lua_tostring(L, -1));
        if (fl_map_add_adj(d->map, a, o) < 0 && a != o)
          return bfail(b, "area: too many adjacent pairs (at most %d)", FL_MAP_MAX_ADJ);
        lua_pop(L, 1);
      }
      lua_pop(L, 1);
    }
    lua_pop(L, 2);
  }
  lua_pop(L, 1);
  n = list(b, "place");
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    int t = lua_gettop(L);
    at(b, t);
    char *id = NULL, *name = NULL, *area = NULL;
    double lon, lat, pop;
    if (fid(b, t, "place", &id) || fstr(b, t, "name", 0, id, &name, "place") ||
        fstr(b, t, "area", 0, NULL, &area, "place") || fnum(b, t, "lon", NAN, &lon, "place") ||
        fnum(b, t, "lat", NAN, &lat, "place") || fnum(b, t, "population", 0, &pop, "place")) {
      free(id); free(name); free(area);
      return -1;
    }
    int ai = area ? fl_map_find_area(d->map, area) : -1;
    int bad = area && ai < 0, full = fl_map_place_count(d->map) >= FL_MAP_MAX_PLACES;
    if (bad || full || fl_map_add_place(d->map, id, ai, lon, lat, (long)pop, name) < 0) {
      if (full) bfail(b, "place '%s': too many places (at most %d)", id, FL_MAP_MAX_PLACES);
      else bfail(b, bad ? "place '%s': unknown area" : "place '%s': needs lon and lat", id);
      free(id); free(name); free(area);
      return -1;
    }
    free(id); free(name); free(area);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  if (fl_map_link(d->map)) {
    b->line = 1;
    return bfail(b, "the areas share borders with too many others (more than %d neighbour pairs)", FL_MAP_MAX_NEIGHBOURS);
  }
  return 0;
}


static int cmp_key(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int fl_db_prop_values(B *b, int t, fl_PropDef *p, const char *what) {
  lua_State *L = b->L;
  int ty = rget(L, t, "values");
  if (ty == LUA_TNIL) { lua_pop(L, 1); return 0; }
  if (ty != LUA_TTABLE) { lua_pop(L, 1); return bfail(b, "%s: values must be a table { value = \"what it means\" }", what); }
  int n = 0;
  lua_pushnil(L);
  while (lua_next(L, -2)) { n++; lua_pop(L, 1); }
  char **pairs = zalloc(2 * n, sizeof *pairs); /* key, label, key, label ...: sorted together below */
  int k = 0;
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING) {
      lua_pop(L, 3);
      for (int i = 0; i < 2 * k; i++) free(pairs[i]);
      free(pairs);
      return bfail(b, "%s: values must map text values to labels (strings), e.g. { stockpile = \"Mines stockpiled\" }", what);
    }
    pairs[2 * k] = fl_str_dup(lua_tostring(L, -2));
    pairs[2 * k + 1] = fl_str_dup(lua_tostring(L, -1));
    k++;
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  qsort(pairs, (size_t)n, 2 * sizeof *pairs, cmp_key); /* by key, its label beside it */
  p->vkey = zalloc(n, sizeof *p->vkey);
  p->vlabel = zalloc(n, sizeof *p->vlabel);
  for (int i = 0; i < n; i++) { p->vkey[i] = pairs[2 * i]; p->vlabel[i] = pairs[2 * i + 1]; }
  p->nval = n;
  free(pairs);
  return 0;
}
