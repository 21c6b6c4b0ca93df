/* fl_lint_board: checks of the built board (the real load): areas without neighbours,
 * terrain names, side colours that are hard to tell apart. */
#define _POSIX_C_SOURCE 200809L
#include "fl_lint_int.h"
#include "fl_str.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fl_colour.h"
#include <math.h>

/* ---- areas without neighbours (needs the real load: adjacency comes from shared borders) ---- */

/* A terrain cost for a terrain no area has is a typo or a leftover. */
static void check_terrain(Ctx *c, const fl_Def *d) {
  Set ter = {0};
  for (int i = 0; i < fl_map_area_count(d->map); i++) set_add(&ter, fl_map_area(d->map, i)->terrain);
  for (int t = 0; t < d->nptype; t++)
    for (int k = 0; k < d->ptypes[t].ncost; k++) {
      const char *name = d->ptypes[t].costs[k].terrain;
      if (set_has(&ter, name)) continue;
      char sg[128];
      msg(c, c->nsrc ? c->src[0].path : "scenario.lua", d->ptypes[t].line, FL_LINT_WARNING, "unknown-ref",
          "piece_type '%s': terrain '%s' is on no area%s", d->ptypes[t].id, name, suggest(&ter, name, sg, sizeof sg));
    }
  set_free(&ter);
}

/* Where the kind{} definition with this id (or its key, if given and present) is written;
 * dflt and the first source when the scenario has no such definition. */
static int def_line(Ctx *c, const char *kind, const char *id, const char *key, int dflt, const char **file) {
  lua_State *L = c->L;
  int line = dflt, n = defs(L, kind);
  *file = c->nsrc ? c->src[0].path : "scenario.lua";
  for (int k = 1; k <= n; k++) {
    lua_rawgeti(L, -1, k);
    char v[128];
    if (strfield(L, -1, "id", v, sizeof v) && !strcmp(v, id)) {
      Where w = where_of(c, L, kind);
      *file = wfile(c, &w);
      line = key ? field_line(&w, key) : w.line;
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  return line;
}

/* Side colours as the board draws them: two sides' areas that look alike (also to the
 * colour-blind), and counters that vanish on their own side's areas. */
void check_colours(Ctx *c, const fl_Def *d) {
  const char *file;
  for (int j = 0; j < d->nside; j++) {
    fl_Rgb cj = fl_def_side_colour(d, j);
    int line = def_line(c, "side", d->sides[j].id, d->sides[j].has_colour ? "colour" : NULL, d->sides[j].line, &file), vis = 0;
    for (int i = 0; i < j; i++) {
      double dist = fl_colour_distance(fl_colour_area(fl_def_side_colour(d, i)), fl_colour_area(cj), &vis);
      if (dist < FL_COLOUR_MIN_SIDES)
        msg(c, file, line, FL_LINT_WARNING, "colours",
            "sides '%s' and '%s' are hard to tell apart on the map (colour difference %.1f under %s, want %.0f or more): give side '%s' another colour = \"#rrggbb\"",
            d->sides[i].id, d->sides[j].id, dist, fl_colour_vision_name(vis), FL_COLOUR_MIN_SIDES, d->sides[j].id);
    }
    double dist = fl_colour_distance(cj, fl_colour_area(cj), &vis);
    if (dist < FL_COLOUR_MIN_COUNTER)
      msg(c, file, line, FL_LINT_WARNING, "counter-contrast",
          "side '%s': its counters vanish on its own areas (colour difference %.1f under %s, want %.0f or more): choose a more saturated colour",
          d->sides[j].id, dist, fl_colour_vision_name(vis), FL_COLOUR_MIN_COUNTER);
  }
}

void check_board(Ctx *c, const fl_Def *d) {
  check_terrain(c, d);
  int na = fl_map_area_count(d->map), lonely = 0;
  if (na < 2) return;
  for (int i = 0; i < na; i++) lonely += fl_map_area(d->map, i)->nadj == 0;
  int *def = lonely ? calloc((size_t)na, sizeof *def) : NULL; /* each one's last area{}, if any */
  if (!def) return;
  lua_State *L = c->L;
  int n = defs(L, "area");
  for (int k = 1; k <= n; k++) {
    lua_rawgeti(L, -1, k);
    char id[128];
    int a = strfield(L, -1, "id", id, sizeof id) ? fl_map_find_area(d->map, id) : -1;
    if (a >= 0 && !fl_map_area(d->map, a)->nadj) def[a] = k;
    lua_pop(L, 1);
  }
  for (int i = 0; i < na; i++) {
    const fl_MapArea *a = fl_map_area(d->map, i);
    if (a->nadj) continue;
    const char *file = c->nsrc ? c->src[0].path : "scenario.lua";
    int line = a->line;
    if (def[i]) {
      lua_rawgeti(L, -1, def[i]);
      Where w = where_of(c, L, "area");
      file = wfile(c, &w);
      line = w.line;
      lua_pop(L, 1);
    }
    msg(c, file, line, FL_LINT_ERROR, "unreachable",
        "area '%s' has no neighbours, so nothing can reach it (share a border with another area or give adjacent = { ... })", a->id);
  }
  lua_pop(L, 1);
  free(def);
}

