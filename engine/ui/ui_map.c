/* ui_map: the board. Areas and backdrop land are projected once (equirectangular with
 * cos(mid-latitude) scaling, so shapes keep their proportions), triangulated, and their
 * edges classified (area, national, coast, sea zone borders). The static layer — sea with
 * graticule and shallow coastal bands, backdrop land, areas in their owner's colour with
 * terrain textures or as water, borders, towns, labels — is rasterised on the CPU
 * (ui_raster) into a cached texture; counters, highlights and the tooltip are drawn over it
 * every frame. */
#include "ui_int.h"
#include "fl_i18n.h"
#include "fl_colour.h"
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- geometry ------------------------------------------------------------------ */

static int ring_contains(const float *xy, int r0, int n, double x, double y) {
  int in = 0;
  for (int i = 0, j = n - 1; i < n; j = i++) {
    double xi = xy[2 * (r0 + i)], yi = xy[2 * (r0 + i) + 1], xj = xy[2 * (r0 + j)], yj = xy[2 * (r0 + j) + 1];
    if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) in = !in;
  }
  return in;
}

static int add_shape(map_Geo *mg, const fl_MapArea *a, map_Shape *sh) {
  sh->v0 = mg->nv;
  sh->r0 = mg->nring;
  sh->t0 = mg->ntri;
  for (int r = 0; r < a->nrings; r++) {
    const fl_Ring *ring = &a->rings[r];
    mg->ring0[mg->nring] = mg->nv;
    mg->ringn[mg->nring] = ring->n;
    mg->nring++;
    for (int i = 0; i < ring->n; i++) {
      mg->xy[2 * mg->nv] = (float)(ring->pts[2 * i] * mg->k);
      mg->xy[2 * mg->nv + 1] = (float)(-ring->pts[2 * i + 1]);
      mg->nv++;
    }
  }
  sh->nv = mg->nv - sh->v0;
  sh->nr = mg->nring - sh->r0;
  /* each outer ring with the holes that start inside it */
  int *holes[64], nh[64];
  int *idx = malloc(sizeof(int) * (size_t)(sh->nv + 1));
  if (!idx) return -1;
  for (int i = 0; i < sh->nv; i++) idx[i] = sh->v0 + i;
  for (int r = 0; r < a->nrings; r++) {
    if (a->rings[r].hole) continue;
    int ro = sh->r0 + r, k = 0;
    for (int h = 0; h < a->nrings && k < 64; h++) {
      if (!a->rings[h].hole) continue;
      int rh = sh->r0 + h;
      if (ring_contains(mg->xy, mg->ring0[ro], mg->ringn[ro], mg->xy[2 * mg->ring0[rh]], mg->xy[2 * mg->ring0[rh] + 1])) {
        holes[k] = idx + (mg->ring0[rh] - sh->v0);
        nh[k++] = mg->ringn[rh];
      }
    }
    if (tri_polygon(mg->xy, idx + (mg->ring0[ro] - sh->v0), mg->ringn[ro], (const int *const *)holes, nh, k,
                    &mg->tri, &mg->ntri, &mg->captri) < 0) { free(idx); return -1; }
  }
  free(idx);
  sh->nt = (mg->ntri - sh->t0) / 3;
  return 0;
}

int map_is_water(const fl_MapArea *a) {
  static const char *const W[] = {"sea", "lake", "river", "water"};
  for (size_t i = 0; a->terrain && i < sizeof W / sizeof W[0]; i++)
    if (!strcmp(a->terrain, W[i])) return 1;
  return 0;
}

/* ---- edges: what each ring edge separates ---------------------------------------- */

typedef struct { int64_t x0, y0, x1, y1; int v, shape; /* area index, or -1 - land index */ } GEdge;

static int64_t gq(double v) { return (int64_t)llround(v * 1e4); } /* the grid fl_map_link matches edges on */

static int gedge_cmp(const void *pa, const void *pb) {
  const GEdge *a = pa, *b = pb;
  if (a->x0 != b->x0) return a->x0 < b->x0 ? -1 : 1;
  if (a->y0 != b->y0) return a->y0 < b->y0 ? -1 : 1;
  if (a->x1 != b->x1) return a->x1 < b->x1 ? -1 : 1;
  if (a->y1 != b->y1) return a->y1 < b->y1 ? -1 : 1;
  return a->v - b->v;
}

static const fl_MapArea *gshape(const map_Geo *mg, int shape) {
  return shape >= 0 ? fl_map_area(mg->m, shape) : fl_map_land(mg->m, -1 - shape);
}

static const char *country(const fl_MapArea *a, int is_land) {
  if (a->country && *a->country) return a->country;
  return is_land && a->id ? a->id : ""; /* backdrop land records are named by country code */
}

/* The kind of an edge between shapes a and b (b == INT32_MIN: nothing on the other side). */
static unsigned char edge_kind(const map_Geo *mg, int a, int b) {
  int wa = a >= 0 && mg->water[a], wb = b >= 0 && b != INT32_MIN && mg->water[b];
  if (b == INT32_MIN) return wa ? EK_WATER : EK_COAST;
  if (wa || wb) return wa && wb ? EK_WATER : EK_COAST;
  if (a < 0 && b < 0) return EK_LAND_NATION;
  const char *ca = country(gshape(mg, a), a < 0), *cb = country(gshape(mg, b), b < 0);
  return strcmp(ca, cb) ? EK_NATION : EK_INNER;
}

/* Match every ring edge with the same edge of a neighbouring shape (fl_map_link's grid),
 * and give the first of each pair its kind; the other copy, and edges along the map's
 * clipped bounds, are hidden. Sorting keeps this O(E log E) on large maps. */
static int classify_edges(map_Geo *mg) {
  mg->ek = calloc((size_t)mg->nv + 1, 1);
  mg->nb = malloc(sizeof(int) * (size_t)(mg->nv + 1));
  GEdge *e = malloc(sizeof *e * (size_t)(mg->nv + 1));
  if (!mg->ek || !mg->nb || !e) { free(e); return -1; }
  for (int i = 0; i <= mg->nv; i++) mg->nb[i] = -1;
  double b[4];
  fl_map_bounds(mg->m, b);
  int n = 0, v = 0;
  for (int i = 0; i < mg->nland + mg->narea; i++) {
    int shape = i < mg->nland ? -1 - i : i - mg->nland;
    const fl_MapArea *a = gshape(mg, shape);
    for (int r = 0; r < a->nrings; r++) {
      const fl_Ring *rg = &a->rings[r];
      for (int p = 0; p < rg->n; p++, v++) {
        const double *s0 = &rg->pts[2 * p], *s1 = &rg->pts[2 * ((p + 1) % rg->n)];
        int on_edge = 0;
        for (int k = 0; k < 2; k++) /* both ends on the same side of the bounds: the clip line */
          on_edge |= (fabs(s0[k] - b[k]) < 1e-6 && fabs(s1[k] - b[k]) < 1e-6) ||
                     (fabs(s0[k] - b[k + 2]) < 1e-6 && fabs(s1[k] - b[k + 2]) < 1e-6);
        int64_t x0 = gq(s0[0]), y0 = gq(s0[1]), x1 = gq(s1[0]), y1 = gq(s1[1]);
        if (on_edge || (x0 == x1 && y0 == y1)) { mg->ek[v] = EK_HIDDEN; continue; }
        if (x0 > x1 || (x0 == x1 && y0 > y1)) { int64_t t = x0; x0 = x1; x1 = t; t = y0; y0 = y1; y1 = t; }
        e[n++] = (GEdge){x0, y0, x1, y1, v, shape};
      }
    }
  }
  qsort(e, (size_t)n, sizeof *e, gedge_cmp);
  for (int s = 0; s < n;) {
    int t = s + 1;
    while (t < n && e[t].x0 == e[s].x0 && e[t].y0 == e[s].y0 && e[t].x1 == e[s].x1 && e[t].y1 == e[s].y1) t++;
    int other = INT32_MIN;
    for (int k = s + 1; k < t && other == INT32_MIN; k++)
      if (e[k].shape != e[s].shape) other = e[k].shape;
    /* an area's edge draws the border; a backdrop's copy of it stays hidden */
    int first = s;
    if (e[first].shape < 0)
      for (int k = s + 1; k < t; k++)
        if (e[k].shape >= 0) { first = k; other = e[s].shape; break; }
    for (int k = s; k < t; k++) mg->ek[e[k].v] = EK_HIDDEN;
    mg->ek[e[first].v] = edge_kind(mg, e[first].shape, other);
    if (e[first].shape >= 0 && other >= 0) mg->nb[e[first].v] = other; /* for the front line */
    s = t;
  }
  free(e);
  return 0;
}

void map_geo_free(map_Geo *mg) {
  free(mg->xy); free(mg->tri); free(mg->ring0); free(mg->ringn); free(mg->area); free(mg->land);
  free(mg->ek); free(mg->water); free(mg->nb);
  memset(mg, 0, sizeof *mg);
}

int map_geo_build(map_Geo *mg, const fl_Map *m) {
  memset(mg, 0, sizeof *mg);
  mg->m = m;
  double b[4];
  fl_map_bounds(m, b);
  if (!(b[2] > b[0]) || !(b[3] > b[1])) { b[0] = 0; b[1] = 0; b[2] = 1; b[3] = 1; }
  mg->k = cos((b[1] + b[3]) / 2 * M_PI / 180);
  mg->b[0] = b[0] * mg->k; mg->b[1] = -b[3]; mg->b[2] = b[2] * mg->k; mg->b[3] = -b[1];
  mg->narea = fl_map_area_count(m);
  mg->nland = fl_map_land_count(m);
  int nv = 0, nr = 0;
  for (int i = 0; i < mg->narea + mg->nland; i++) {
    const fl_MapArea *a = i < mg->narea ? fl_map_area(m, i) : fl_map_land(m, i - mg->narea);
    nr += a->nrings;
    for (int r = 0; r < a->nrings; r++) nv += a->rings[r].n;
  }
  mg->xy = malloc(sizeof(float) * 2 * (size_t)(nv + 1));
  mg->ring0 = malloc(sizeof(int) * (size_t)(nr + 1));
  mg->ringn = malloc(sizeof(int) * (size_t)(nr + 1));
  mg->area = calloc((size_t)mg->narea + 1, sizeof(map_Shape));
  mg->land = calloc((size_t)mg->nland + 1, sizeof(map_Shape));
  if (!mg->xy || !mg->ring0 || !mg->ringn || !mg->area || !mg->land) { map_geo_free(mg); return -1; }
  for (int i = 0; i < mg->nland; i++)
    if (add_shape(mg, fl_map_land(m, i), &mg->land[i])) { map_geo_free(mg); return -1; }
  for (int i = 0; i < mg->narea; i++)
    if (add_shape(mg, fl_map_area(m, i), &mg->area[i])) { map_geo_free(mg); return -1; }
  mg->water = calloc((size_t)mg->narea + 1, 1);
  if (!mg->water) { map_geo_free(mg); return -1; }
  for (int i = 0; i < mg->narea; i++) mg->water[i] = (unsigned char)map_is_water(fl_map_area(m, i));
  if (classify_edges(mg)) { map_geo_free(mg); return -1; }
  return 0;
}

/* ---- view ---------------------------------------------------------------------- */

static inline float sxf(const fl_Ui *u, double X, float ox) { return (float)(ox + u->mapr.w / 2.0 + (X - u->cx) * u->zoom); }
static inline float syf(const fl_Ui *u, double Y, float oy) { return (float)(oy + u->mapr.h / 2.0 + (Y - u->cy) * u->zoom); }

float ui_map_sx(const fl_Ui *u, double X) { return sxf(u, X, (float)u->mapr.x); }
float ui_map_sy(const fl_Ui *u, double Y) { return syf(u, Y, (float)u->mapr.y); }

/* Fit the board b (projected bounds) into the rectangle r of the map view. */
static void fit_into(fl_Ui *u, SDL_Rect r) {
  const double *b = u->geo.b;
  double zx = r.w / (b[2] - b[0]), zy = r.h / (b[3] - b[1]);
  u->zoom = (zx < zy ? zx : zy) * 0.94;
  /* the board's centre goes to r's centre */
  u->cx = (b[0] + b[2]) / 2 - (r.x + r.w / 2.0 - u->mapr.x - u->mapr.w / 2.0) / u->zoom;
  u->cy = (b[1] + b[3]) / 2 - (r.y + r.h / 2.0 - u->mapr.y - u->mapr.h / 2.0) / u->zoom;
}

void ui_map_fit(fl_Ui *u) {
  if (!u->geo_ok || u->mapr.w <= 0 || u->mapr.h <= 0) return;
  SDL_Rect mr = u->mapr;
  fit_into(u, mr);
  u->fitted = 1;
  /* where the legend has no free place, give up a strip along the bottom for its one-line
   * bar, if that costs the board at most 15% of its size */
  int bh;
  if (ui_legend_free(u) || !(bh = ui_legend_bar(u))) return;
  double z0 = u->zoom, cx0 = u->cx, cy0 = u->cy;
  fit_into(u, (SDL_Rect){mr.x, mr.y, mr.w, mr.h - bh});
  if (u->zoom < 0.85 * z0 || !ui_legend_free(u)) { u->zoom = z0; u->cx = cx0; u->cy = cy0; }
}

void ui_map_invalidate(fl_Ui *u) { u->layer_key = 0; }

/* An area's name points at its area, even where the name reaches over a neighbour. */
int ui_map_pick(fl_Ui *u, int x, int y) {
  if (u->geo_ok && u->labr_key == u->layer_key && SDL_PointInRect(&(SDL_Point){x, y}, &u->mapr))
    for (int i = 0; i < u->geo.narea && i < 1024; i++) {
      SDL_Rect l = u->area_labr[i];
      if (l.w > 0 && SDL_PointInRect(&(SDL_Point){x - u->mapr.x, y - u->mapr.y}, &l)) return i;
    }
  return ui_map_hit(u, x, y);
}

int ui_map_hit(fl_Ui *u, int x, int y) {
  if (!u->geo_ok || x < u->mapr.x || y < u->mapr.y || x >= u->mapr.x + u->mapr.w || y >= u->mapr.y + u->mapr.h) return -1;
  double X = u->cx + (x - u->mapr.x - u->mapr.w / 2.0) / u->zoom;
  double Y = u->cy + (y - u->mapr.y - u->mapr.h / 2.0) / u->zoom;
  double lon = X / u->geo.k, lat = -Y;
  for (int i = 0; i < u->geo.narea; i++) {
    const fl_MapArea *a = fl_map_area(u->geo.m, i);
    if (lon < a->bbox[0] || lon > a->bbox[2] || lat < a->bbox[1] || lat > a->bbox[3]) continue;
    if (fl_map_contains(u->geo.m, i, lon, lat)) return i;
  }
  return -1;
}

/* A sequential ramp (dark purple -> red -> pale yellow, after matplotlib's "inferno"):
 * ordered in lightness, so it reads without colour vision too. */
SDL_Color ui_overlay_color(double t) {
  static const float stop[5][3] = {{40, 11, 84}, {101, 21, 110}, {187, 55, 84}, {249, 142, 9}, {252, 255, 164}};
  if (!(t > 0)) t = 0;
  if (t > 1) t = 1;
  double x = t * 4;
  int i = (int)x;
  if (i >= 4) i = 3;
  double f = x - i;
  SDL_Color c = {0, 0, 0, 255};
  c.r = (Uint8)(stop[i][0] + f * (stop[i + 1][0] - stop[i][0]));
  c.g = (Uint8)(stop[i][1] + f * (stop[i + 1][1] - stop[i][1]));
  c.b = (Uint8)(stop[i][2] + f * (stop[i + 1][2] - stop[i][2]));
  return c;
}

static double overlay_value(const fl_Ui *u, int area) {
  const fl_OverlayDef *o = &u->def->overlays[u->overlay];
  const fl_Prop *p = fl_props_get(&u->st->areas[area].props, o->prop);
  return p && p->type != FL_STR ? p->num : 0;
}

SDL_Color ui_side_color(const fl_Ui *u, int side) {
  if (side < 0 || !u->def || side >= u->def->nside) return COL_NEUTRAL;
  return gfx_rgb(u->layers & FL_UI_COLOURS ? fl_def_side_colour(u->def, side) : fl_colour_default(side));
}

SDL_Color ui_area_color(const fl_Ui *u, int side) {
  if (side < 0 || !u->def || side >= u->def->nside) return COL_NEUTRAL;
  return gfx_rgb(fl_colour_area(u->layers & FL_UI_COLOURS ? fl_def_side_colour(u->def, side) : fl_colour_default(side)));
}

static int is_water(const fl_Ui *u, int area) { return (u->layers & FL_UI_WATER) && u->geo.water[area]; }

static SDL_Color area_fill(const fl_Ui *u, int area) {
  int owner = u->st && area < u->st->narea ? u->st->areas[area].owner : -1;
  if (u->st && u->def && u->overlay >= 0 && u->overlay < u->def->noverlay && area < u->st->narea) {
    double v = overlay_value(u, area);
    if (v <= 0) /* nothing there: the owner's colour, dimmed, keeps the map readable */
      return gfx_mix(is_water(u, area) ? COL_WATER : ui_area_color(u, owner), (SDL_Color){24, 26, 30, 255}, 0.6f);
    return ui_overlay_color(0.12 + 0.88 * v / u->def->overlays[u->overlay].max);
  }
  /* a sea zone stays water; its owner shows in its wave marks (water_ink) and a faint tint */
  if (is_water(u, area)) return owner < 0 ? COL_WATER : gfx_mix(COL_WATER, ui_side_color(u, owner), 0.1f);
  return ui_area_color(u, owner);
}

static void tri(fl_Ui *u, ras_Img *im, int t, SDL_Color c, const ras_Pat *pat) {
  const float *xy = u->geo.xy;
  int a = u->geo.tri[t], b = u->geo.tri[t + 1], d = u->geo.tri[t + 2];
  float x0 = sxf(u, xy[2 * a], 0), y0 = syf(u, xy[2 * a + 1], 0), x1 = sxf(u, xy[2 * b], 0), y1 = syf(u, xy[2 * b + 1], 0);
  float x2 = sxf(u, xy[2 * d], 0), y2 = syf(u, xy[2 * d + 1], 0);
  if (pat) ras_triangle_pat(im, x0, y0, x1, y1, x2, y2, c, pat);
  else ras_triangle(im, x0, y0, x1, y1, x2, y2, c);
}

/* Fill shapes with one colour each, triangle by triangle, on the CPU layer: backdrop land
 * (is_area 0), land areas (1) or water areas with the wave pattern (2). */
/* The texture of an area's terrain (forest, marsh, urban, hills), or -1 for none. */
static int terrain_tile(const fl_MapArea *a) {
  static const struct { const char *t; int tile; } T[] = {
    {"forest", RAS_TILE_FOREST}, {"woods", RAS_TILE_FOREST}, {"marsh", RAS_TILE_MARSH}, {"swamp", RAS_TILE_MARSH},
    {"wetland", RAS_TILE_MARSH}, {"urban", RAS_TILE_URBAN}, {"city", RAS_TILE_URBAN}, {"town", RAS_TILE_URBAN},
    {"hills", RAS_TILE_HILLS}, {"hill", RAS_TILE_HILLS}, {"mountain", RAS_TILE_HILLS}, {"mountains", RAS_TILE_HILLS}};
  for (size_t i = 0; a->terrain && i < sizeof T / sizeof T[0]; i++)
    if (!strcmp(a->terrain, T[i].t)) return T[i].tile;
  return -1;
}

/* Fill shapes with one colour each, triangle by triangle, on the CPU layer: backdrop land
 * (is_area 0), land areas (1) with their terrain's texture, or water areas (2) with the
 * wave pattern. pats[] holds one pattern per RAS_TILE_* kind. */
static void fill_shapes(fl_Ui *u, ras_Img *im, const map_Shape *sh, int n, int is_area, const ras_Pat *pats) {
  for (int s = 0; s < n; s++) {
    if (is_area && (is_area == 2) != is_water(u, s)) continue;
    SDL_Color c = is_area ? area_fill(u, s) : COL_BACKDROP;
    int tile = !is_area || !pats ? -1 : is_area == 2 ? RAS_TILE_WAVE : u->overlay < 0 ? terrain_tile(fl_map_area(u->geo.m, s)) : -1;
    ras_Pat p = tile >= 0 ? pats[tile] : (ras_Pat){0};
    int owner = u->st && s < u->st->narea ? u->st->areas[s].owner : -1;
    if (is_area == 2 && owner >= 0 && u->overlay < 0) p.ink = gfx_alpha(gfx_mix(ui_side_color(u, owner), COL_WATER_INK, 0.3f), 160);
    for (int t = sh[s].t0; t < sh[s].t0 + 3 * sh[s].nt; t += 3) tri(u, im, t, c, tile >= 0 ? &p : NULL);
  }
}

/* Edges of one kind, each as a line w pixels wide (with round joins where the line turns, if asked). */
static void edges(fl_Ui *u, ras_Img *im, int kind, float w, SDL_Color c, int joins) {
  const float *xy = u->geo.xy;
  /* no round joins on the board's edge: they would bulge past it */
  float ex0 = sxf(u, u->geo.b[0], 0) + 1.5f, ey0 = syf(u, u->geo.b[1], 0) + 1.5f, ex1 = sxf(u, u->geo.b[2], 0) - 1.5f,
        ey1 = syf(u, u->geo.b[3], 0) - 1.5f;
  /* runs of edges shorter than a pixel or two on screen are drawn as one segment: a
   * detailed coast at a small zoom costs what it shows, not what it has */
  float ml = w / (w > 8 ? 2.5f : 4) > 1 ? w / (w > 8 ? 2.5f : 4) : 1, min2 = ml * ml;
  for (int r = 0; r < u->geo.nring; r++) {
    int r0 = u->geo.ring0[r], n = u->geo.ringn[r], run = 0;
    float sx = 0, sy = 0, px = 0, py = 0, dx0 = 0, dy0 = 0;
    for (int i = 0; i <= n; i++) {
      int on = i < n && u->geo.ek[r0 + i] == kind;
      if (on) {
        int a = r0 + i, b = r0 + (i + 1) % n;
        if (!run) { sx = sxf(u, xy[2 * a], 0); sy = syf(u, xy[2 * a + 1], 0); run = 1; dx0 = dy0 = 0; }
        px = sxf(u, xy[2 * b], 0);
        py = syf(u, xy[2 * b + 1], 0);
        if ((px - sx) * (px - sx) + (py - sy) * (py - sy) < min2) continue;
      } else if (!run || (px == sx && py == sy)) { run = 0; continue; }
      int cull = (sx < -w && px < -w) || (sy < -w && py < -w) || (sx > im->w + w && px > im->w + w) || (sy > im->h + w && py > im->h + w);
      float dx = px - sx, dy = py - sy, len = sqrtf(dx * dx + dy * dy);
      dx /= len;
      dy /= len;
      if (!cull) {
        ras_thick_line(im, sx, sy, px, py, w, c);
        /* a round join where the line turns by more than ~20 degrees (a gentle turn leaves no gap worth filling) */
        if (joins && dx * dx0 + dy * dy0 < 0.94f && sx > ex0 && sx < ex1 && sy > ey0 && sy < ey1) ras_round(im, sx, sy, w / 2, c);
      }
      dx0 = dx;
      dy0 = dy;
      sx = px;
      sy = py;
      if (!on) run = 0;
    }
  }
}

/* Dashed edges of one kind (sea zones, borders between backdrop countries). */
static void dashed_edges(fl_Ui *u, ras_Img *im, int kind, float on, float off, SDL_Color c) {
  const float *xy = u->geo.xy;
  for (int r = 0; r < u->geo.nring; r++) {
    int r0 = u->geo.ring0[r], n = u->geo.ringn[r];
    float phase = 0;
    for (int i = 0; i < n; i++) {
      if (u->geo.ek[r0 + i] != kind) continue;
      int a = r0 + i, b = r0 + (i + 1) % n;
      ras_dashed_line(im, sxf(u, xy[2 * a], 0), syf(u, xy[2 * a + 1], 0), sxf(u, xy[2 * b], 0), syf(u, xy[2 * b + 1], 0), on, off,
                      &phase, c);
    }
  }
}

/* A ring's outline on the renderer (hover, selection): 1-pixel polylines, offset for width. */
static void outline(fl_Ui *u, int ring, float ox, float oy, int w, SDL_Color c) {
  int r0 = u->geo.ring0[ring], n = u->geo.ringn[ring];
  static const float off[5][2] = {{0, 0}, {1, 0}, {0, 1}, {1, 1}, {-1, 0}};
  SDL_FPoint pts[1025];
  SDL_SetRenderDrawBlendMode(u->r, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
  SDL_SetRenderDrawColor(u->r, c.r, c.g, c.b, c.a);
  for (int k = 0; k < w && k < 5; k++)
    for (int s = 0; s < n; s += 1023) {
      int m = 0;
      for (int i = s; i <= n && m < 1024; i++, m++) {
        int v = r0 + i % n;
        pts[m].x = sxf(u, u->geo.xy[2 * v], ox) + off[k][0];
        pts[m].y = syf(u, u->geo.xy[2 * v + 1], oy) + off[k][1];
      }
      SDL_RenderDrawLinesF(u->r, pts, m);
    }
}

void ui_map_outline(fl_Ui *u, int area, int w, SDL_Color c) {
  if (area < 0 || area >= u->geo.narea) return;
  for (int r = 0; r < u->geo.area[area].nr; r++) outline(u, u->geo.area[area].r0 + r, (float)u->mapr.x, (float)u->mapr.y, w, c);
}

typedef struct { int x, y, w, h; } lrect;
static int overlaps(const lrect *rs, int n, lrect r) {
  for (int i = 0; i < n; i++)
    if (r.x < rs[i].x + rs[i].w && rs[i].x < r.x + r.w && r.y < rs[i].y + rs[i].h && rs[i].y < r.y + r.h) return 1;
  return 0;
}

static void ink_rect(fl_Ui *u, lrect r, int area) {
  if (u->nlabr >= (int)(sizeof u->labr / sizeof u->labr[0])) return;
  u->labr_area[u->nlabr] = area;
  u->labr[u->nlabr++] = (SDL_Rect){r.x, r.y, r.w, r.h};
}

/* Space kept for counters under each area's label (pieces are drawn later). */
static int pieces_height(fl_Ui *u) { return gfx_px(&u->g, 34); }

void ui_map_free_labels(fl_Ui *u) {
  for (int i = 0; i < u->nlab; i++) if (u->lab[i]) SDL_FreeSurface(u->lab[i]);
  free(u->lab);
  u->lab = NULL;
  u->nlab = 0;
}

/* The label surface of area i (i < narea) or town i - narea, made on first use. */
static SDL_Surface *label(fl_Ui *u, int i) {
  int na = u->geo.narea, n = na + fl_map_place_count(u->geo.m);
  if (!u->lab) {
    u->lab = calloc((size_t)n + 1, sizeof *u->lab);
    if (!u->lab) return NULL;
    u->nlab = n;
  }
  if (i >= u->nlab) return NULL;
  if (!u->lab[i]) {
    int d = u->g.s > 1.5f ? 2 : 1;
    if (i < na && is_water(u, i))
      u->lab[i] = ras_halo_text(u->g.font[FONT_LABEL_I], fl_map_area(u->geo.m, i)->name, COL_WATER_TEXT, (SDL_Color){8, 22, 36, 220}, d);
    else if (i < na) u->lab[i] = ras_halo_text(u->g.font[FONT_LABEL_B], fl_map_area(u->geo.m, i)->name, COL_TEXT, (SDL_Color){12, 14, 16, 215}, d);
    else u->lab[i] = ras_halo_text(u->g.font[FONT_LABEL], fl_map_place(u->geo.m, i - na)->name, (SDL_Color){222, 216, 200, 255},
                                   (SDL_Color){12, 14, 16, 200}, d);
  }
  return u->lab[i];
}

static void draw_static(fl_Ui *u, ras_Img *im) {
  gfx_Ctx *g = &u->g;
  const fl_Map *m = u->geo.m;
  int L = u->layers, w = im->w, h = im->h;
  if (L & FL_UI_SEA) {
    /* the table, the board (sea) on it, and a graticule every degree (5 when zoomed out) */
    ras_fill_rect(im, 0, 0, w, h, (SDL_Color){13, 18, 24, 255});
    int bx0 = (int)sxf(u, u->geo.b[0], 0), by0 = (int)syf(u, u->geo.b[1], 0);
    int bx1 = (int)sxf(u, u->geo.b[2], 0), by1 = (int)syf(u, u->geo.b[3], 0);
    ras_fill_rect(im, bx0, by0, bx1 - bx0, by1 - by0, COL_SEA);
    double step = u->zoom * u->geo.k < gfx_px(g, 30) ? 5 : 1;
    double lon0 = (u->cx - w / 2.0 / u->zoom) / u->geo.k, lon1 = (u->cx + w / 2.0 / u->zoom) / u->geo.k;
    double lat1 = -(u->cy - h / 2.0 / u->zoom), lat0 = -(u->cy + h / 2.0 / u->zoom);
    int ya = by0 > 0 ? by0 : 0, yb = by1 < h ? by1 : h, xa = bx0 > 0 ? bx0 : 0, xb = bx1 < w ? bx1 : w;
    for (double lo = floor(lon0 / step) * step; lo <= lon1; lo += step) {
      int x = (int)sxf(u, lo * u->geo.k, 0);
      if (x > bx0 && x < bx1) ras_fill_rect(im, x, ya, 1, yb - ya, COL_SEA_LINE);
    }
    for (double la = floor(lat0 / step) * step; la <= lat1; la += step) {
      int y = (int)syf(u, -la, 0);
      if (y > by0 && y < by1) ras_fill_rect(im, xa, y, xb - xa, 1, COL_SEA_LINE);
    }
  } else {
    ras_fill_rect(im, 0, 0, w, h, (SDL_Color){0, 0, 0, 255});
  }
  /* the patterns (sea zones' waves, terrain textures), anchored to the map so they pan with it */
  Uint8 tiles[RAS_TILE_N][40 * 24], rows[RAS_TILE_N][24];
  ras_Pat pats[RAS_TILE_N];
  int pox = (int)floorf(sxf(u, u->geo.b[0], 0)), poy = (int)floorf(syf(u, u->geo.b[1], 0));
  for (int k = 0; k < RAS_TILE_N; k++) {
    int tw, th;
    ras_tile(k, tiles[k], rows[k], 40, 24, g->s, &tw, &th);
    pats[k] = (ras_Pat){tiles[k], rows[k], tw, th, pox, poy, k == RAS_TILE_WAVE ? COL_WATER_INK : (SDL_Color){0, 0, 0, 52}};
  }
  if (L & FL_UI_AREAS) fill_shapes(u, im, u->geo.area, u->geo.narea, 2, pats);
  /* shallow water along every coast: wide bands under the land, which then covers their inner half */
  if (L & FL_UI_SEA) {
    edges(u, im, EK_COAST, (float)gfx_px(g, 16), COL_SHALLOW2, 1);
    edges(u, im, EK_COAST, (float)gfx_px(g, 7), COL_SHALLOW, 1);
  }
  if (L & FL_UI_LAND) fill_shapes(u, im, u->geo.land, u->geo.nland, 0, NULL);
  if (L & FL_UI_AREAS) fill_shapes(u, im, u->geo.area, u->geo.narea, 1, pats);
  if (L & FL_UI_SEA) {
    /* the board's edge: a double rule around the map's extent */
    int x0 = (int)sxf(u, u->geo.b[0], 0), y0 = (int)syf(u, u->geo.b[1], 0), x1 = (int)sxf(u, u->geo.b[2], 0), y1 = (int)syf(u, u->geo.b[3], 0);
    SDL_Color c1 = {150, 132, 84, 255}, c2 = {150, 132, 84, 120};
    int d = gfx_px(g, 5);
    for (int k = 0; k < 2; k++) {
      int e = k ? d : 0;
      SDL_Color c = k ? c2 : c1;
      ras_fill_rect(im, x0 - e, y0 - e, x1 - x0 + 2 * e + 1, 1, c);
      ras_fill_rect(im, x0 - e, y1 + e, x1 - x0 + 2 * e + 1, 1, c);
      ras_fill_rect(im, x0 - e, y0 - e + 1, 1, y1 - y0 + 2 * e - 1, c);
      ras_fill_rect(im, x1 + e, y0 - e + 1, 1, y1 - y0 + 2 * e - 1, c);
    }
  }
  if (L & FL_UI_BORDERS) {
    /* area borders thin, sea zones dashed, coasts dark blue, national borders heavy */
    SDL_Color inner = {14, 18, 22, 200};
    edges(u, im, EK_INNER, 1, inner, 0);
    dashed_edges(u, im, EK_WATER, (float)gfx_px(g, 4), (float)gfx_px(g, 4), (SDL_Color){150, 190, 220, 150});
    dashed_edges(u, im, EK_LAND_NATION, (float)gfx_px(g, 6), (float)gfx_px(g, 3), (SDL_Color){96, 102, 90, 255});
    edges(u, im, EK_COAST, 1, COL_COAST, 0);
    if (L & FL_UI_NATIONS) edges(u, im, EK_NATION, g->s > 1.5f ? 5.5f : 3.4f, (SDL_Color){16, 15, 14, 255}, 1);
    else edges(u, im, EK_NATION, 1, inner, 0);
  }
  lrect placed[512];
  int np = 0;
  u->nlabr = 0; /* what is drawn where, for the counters (ui_counter.c) */
  memset(u->area_labr, 0, sizeof u->area_labr);
  /* area labels, larger areas first */
  int order[1024], na = u->geo.narea < 1024 ? u->geo.narea : 1024;
  for (int i = 0; i < na; i++) order[i] = i;
  for (int i = 1; i < na; i++)
    for (int j = i; j > 0; j--) {
      const fl_MapArea *a = fl_map_area(m, order[j]), *b = fl_map_area(m, order[j - 1]);
      /* key areas first, then larger before smaller */
      double sa = (a->bbox[2] - a->bbox[0]) * (a->bbox[3] - a->bbox[1]) + 1e6 * a->important;
      double sb = (b->bbox[2] - b->bbox[0]) * (b->bbox[3] - b->bbox[1]) + 1e6 * b->important;
      if (sa <= sb) break;
      int t = order[j]; order[j] = order[j - 1]; order[j - 1] = t;
    }
  int hd = g->s > 1.5f ? 2 : 1;
  /* areas with counters keep room under their label for the stack */
  char has_pieces[1024] = {0};
  for (int i = 0; u->st && i < u->st->npiece; i++)
    if (u->st->pieces[i].area >= 0 && u->st->pieces[i].area < 1024) has_pieces[u->st->pieces[i].area] = 1;
  for (int k = 0; k < na; k++) {
    const fl_MapArea *a = fl_map_area(m, order[k]);
    float x = sxf(u, a->label[0] * u->geo.k, 0), y = syf(u, -a->label[1], 0);
    int wat = is_water(u, order[k]), big = wat ? FONT_LABEL_I : FONT_LABEL_B, small = wat ? FONT_LABEL_I : FONT_LABEL;
    int tw = gfx_text_w(g, big, a->name), room = has_pieces[order[k]] ? pieces_height(u) : 0;
    /* where a label collides, nudge it a little up, down or sideways before giving up */
    static const float dx[] = {0, 0, 0, -0.35f, 0.35f, 0, 0};
    static const float dy[] = {0, -0.8f, 0.8f, 0, 0, -1.6f, 1.6f};
    enum { NSPOT = sizeof dx / sizeof dx[0] };
    int done = 0;
    /* then, in a crowded corner, the same places in the smaller town font */
    for (int pass = 0; pass < 2 && !done; pass++) {
      int font = pass ? small : big, fh = gfx_font_h(g, font);
      int fw = pass ? gfx_text_w(g, font, a->name) : tw;
      for (int c = 0; c < NSPOT && !done; c++) {
        int ox = (int)(dx[c] * fw), oy = (int)(dy[c] * fh);
        lrect r = {(int)x - fw / 2 + ox, (int)y - fh + oy, fw, fh}; /* above the point: counters go below */
        lrect rp = {r.x, r.y, fw, fh + room};
        if (r.x < 0 || r.y < 0 || r.x + r.w > w || r.y + r.h > h) continue;
        if (overlaps(placed, np, rp) || np >= 512) continue;
        /* a nudged name keeps its middle inside its own area, so it is not read as a neighbour's */
        if (c && ui_map_hit(u, u->mapr.x + r.x + r.w / 2, u->mapr.y + r.y + r.h / 2) != order[k]) continue;
        placed[np++] = rp;
        done = 1;
        if (!(L & FL_UI_LABELS)) break;
        u->area_labr[order[k]] = (SDL_Rect){r.x, r.y, r.w, r.h};
        ink_rect(u, r, order[k]);
        if (!pass) ras_blit(im, label(u, order[k]), r.x - hd, r.y - hd);
        else {
          SDL_Surface *sm = ras_halo_text(g->font[small], a->name, wat ? COL_WATER_TEXT : COL_TEXT, (SDL_Color){12, 14, 16, 215}, hd);
          if (sm) { ras_blit(im, sm, r.x - hd, r.y - hd); SDL_FreeSurface(sm); }
        }
      }
    }
  }
  /* towns: larger first; a town named like its area only gets a dot */
  int npl = fl_map_place_count(m);
  int porder[2048];
  if (npl > 2048) npl = 2048;
  for (int i = 0; i < npl; i++) porder[i] = i;
  for (int i = 1; i < npl; i++)
    for (int j = i; j > 0 && fl_map_place(m, porder[j])->pop > fl_map_place(m, porder[j - 1])->pop; j--) {
      int t = porder[j]; porder[j] = porder[j - 1]; porder[j - 1] = t;
    }
  int th = gfx_font_h(g, FONT_LABEL);
  float dot = (float)gfx_px(g, 2.6f);
  for (int k = 0; k < npl && (L & FL_UI_PLACES); k++) {
    const fl_Place *p = fl_map_place(m, porder[k]);
    float x = sxf(u, p->lon * u->geo.k, 0), y = syf(u, -p->lat, 0);
    if (x < 0 || y < 0 || x >= w || y >= h) continue;
    float rad = p->pop >= 500000 ? dot * 1.35f : dot;
    lrect dr = {(int)(x - rad), (int)(y - rad), (int)(2 * rad + 1), (int)(2 * rad + 1)};
    int same = p->area >= 0 && !strcmp(fl_map_area(m, p->area)->name, p->name);
    int tw = gfx_text_w(g, FONT_LABEL, p->name);
    lrect tr = {(int)(x + rad + 3), (int)(y - th / 2), tw, th};
    int show_label = !same && tr.x + tr.w < w && !overlaps(placed, np, tr) && !overlaps(placed, np, dr) && np < 511;
    if (!show_label && overlaps(placed, np, dr)) continue;
    ras_disc(im, x, y, rad + 1.2f, (SDL_Color){20, 20, 20, 230});
    ras_disc(im, x, y, rad, (SDL_Color){244, 238, 222, 255});
    placed[np++] = dr;
    ink_rect(u, dr, -1);
    if (show_label) {
      placed[np++] = tr;
      if (L & FL_UI_LABELS) ink_rect(u, tr, -1);
      if (L & FL_UI_LABELS) ras_blit(im, label(u, u->geo.narea + porder[k]), tr.x - hd, tr.y - hd);
    }
  }
}

void ui_map_name_again(fl_Ui *u, int i) {
  if (i < 0 || i >= u->geo.narea || i >= 1024 || u->labr_key != u->layer_key || u->area_labr[i].w <= 0) return;
  gfx_Ctx *g = &u->g;
  const char *name = fl_map_area(u->geo.m, i)->name;
  int wat = is_water(u, i), big = wat ? FONT_LABEL_I : FONT_LABEL_B;
  int font = gfx_text_w(g, big, name) == u->area_labr[i].w ? big : wat ? FONT_LABEL_I : FONT_LABEL; /* as draw_static chose */
  gfx_draw_halo(g, font, name, u->mapr.x + u->area_labr[i].x, u->mapr.y + u->area_labr[i].y, wat ? COL_WATER_TEXT : COL_TEXT,
                (SDL_Color){12, 14, 16, 215}, 0);
}

static uint64_t layer_key(const fl_Ui *u) {
  uint64_t h = FL_FNV_INIT;
  double v[3] = {u->cx, u->cy, u->zoom};
  int d[5] = {u->mapr.w, u->mapr.h, u->layers, (int)(u->g.s * 1000), u->geo.narea};
  h = fl_fnv64(h, v, sizeof v);
  h = fl_fnv64(h, d, sizeof d);
  h = fl_fnv64(h, &u->geo_def, sizeof u->geo_def);
  if (u->st)
    for (int i = 0; i < u->st->narea; i++) h = fl_fnv64(h, &u->st->areas[i].owner, sizeof(int));
  h = fl_fnv64(h, &u->overlay, sizeof u->overlay);
  if (u->st && u->def && u->overlay >= 0 && u->overlay < u->def->noverlay)
    for (int i = 0; i < u->st->narea; i++) {
      double ov = overlay_value(u, i);
      h = fl_fnv64(h, &ov, sizeof ov);
    }
  return h | 1;
}

/* ---- the map view -------------------------------------------------------------- */

/* Tests (FLANK_LAYOUT_CHECK), every frame: whether the map layer shows each land area in its
 * owner's colour now. A student saw "Rīga fell" over a Rīga still drawn blue, its tooltip
 * saying Adversary: a few pixels under each area's label point are read back from the layer
 * and matched to the nearest side's area colour (pixels near none, of names, towns and
 * borders, are passed over); a layer kept from before an owner changed would show here.
 * Reported when the count changes. */
static void check_owners(fl_Ui *u) {
  if (!u->st || !u->def || u->overlay >= 0 || !(u->layers & FL_UI_AREAS)) return;
  static const int off[9][2] = {{0, 4}, {-6, 8}, {6, 8}, {0, 12}, {-10, 4}, {10, 4}, {-12, 14}, {12, 14}, {0, 18}};
  int checked = 0, wrong = 0;
  char names[512] = "";
  for (int i = 0; i < u->geo.narea && i < u->st->narea; i++) {
    if (is_water(u, i)) continue;
    float lx, ly;
    ui_area_pt(u, i, &lx, &ly);
    int votes[66] = {0}, n = 0, ns = u->def->nside < 64 ? u->def->nside : 64;
    for (int k = 0; k < 9; k++) {
      int x = (int)lx + off[k][0], y = (int)ly + off[k][1];
      if (ui_map_hit(u, x, y) != i) continue;
      x -= u->mapr.x;
      y -= u->mapr.y;
      if (x < 0 || y < 0 || x >= u->layer_sf->w || y >= u->layer_sf->h) continue;
      Uint32 p = ((const Uint32 *)u->layer_sf->pixels)[y * (u->layer_sf->pitch / 4) + x];
      int r = (int)(p >> 16 & 255), g = (int)(p >> 8 & 255), b = (int)(p & 255), best = -1;
      long bd = -1;
      for (int sd = -1; sd < ns; sd++) /* the nearest side's area colour (-1: nobody's), under a terrain's ink or not */
        for (int t = 0; t < 2; t++) {
          SDL_Color c = t ? gfx_mix(ui_area_color(u, sd), (SDL_Color){0, 0, 0, 255}, 52 / 255.0f) : ui_area_color(u, sd);
          long d = (long)(r - c.r) * (r - c.r) + (long)(g - c.g) * (g - c.g) + (long)(b - c.b) * (b - c.b);
          if (bd < 0 || d < bd) { bd = d; best = sd; }
        }
      if (bd > 20 * 20) continue; /* a name, a town, a border: no side's colour */
      votes[best + 1]++;
      n++;
    }
    if (n < 3) continue;
    int owner = u->st->areas[i].owner, top = 0;
    for (int sd = 0; sd <= ns; sd++) if (votes[sd] > votes[top]) top = sd;
    checked++;
    if (top - 1 == (owner >= 0 && owner < ns ? owner : -1)) continue;
    wrong++;
    size_t len = strlen(names);
    if (len + 64 < sizeof names) snprintf(names + len, sizeof names - len, "%s%s", len ? ", " : "", fl_map_area(u->geo.m, i)->name);
  }
  static int was_checked = -1, was_wrong = -1;
  if (checked == was_checked && wrong == was_wrong) return;
  was_checked = checked;
  was_wrong = wrong;
  fprintf(stderr, "owners: %d areas read back from the map layer, %d not in their owner's colour%s%s\n", checked, wrong, wrong ? ": " : "", names);
}

void ui_map_draw(fl_Ui *u) {
  gfx_Ctx *g = &u->g;
  SDL_Rect mr = u->mapr;
  if (!u->geo_ok || mr.w <= 0 || mr.h <= 0) return;
  if (!u->fitted) ui_map_fit(u);
  if (!u->layer || !u->layer_sf || u->layer_w != mr.w || u->layer_h != mr.h) {
    if (u->layer) SDL_DestroyTexture(u->layer);
    if (u->layer_sf) SDL_FreeSurface(u->layer_sf);
    u->layer = SDL_CreateTexture(u->r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STREAMING, mr.w, mr.h);
    u->layer_sf = SDL_CreateRGBSurfaceWithFormat(0, mr.w, mr.h, 32, SDL_PIXELFORMAT_ARGB8888);
    u->layer_w = mr.w;
    u->layer_h = mr.h;
    u->layer_key = 0;
  }
  if (!u->layer || !u->layer_sf) return;
  uint64_t key = layer_key(u);
  if (key != u->layer_key) {
    ras_Img im = {u->layer_sf->pixels, mr.w, mr.h, u->layer_sf->pitch / 4};
    draw_static(u, &im);
    SDL_UpdateTexture(u->layer, NULL, u->layer_sf->pixels, u->layer_sf->pitch);
    u->layer_key = u->labr_key = key;
  }
  if (getenv("FLANK_LAYOUT_CHECK")) check_owners(u);
  SDL_SetTextureBlendMode(u->layer, SDL_BLENDMODE_NONE);
  SDL_RenderCopy(u->r, u->layer, NULL, &mr);
  SDL_RenderSetClipRect(u->r, &mr);
  float ox = (float)mr.x, oy = (float)mr.y;
  if (u->sel >= 0 && u->sel < u->geo.narea)
    for (int r = 0; r < u->geo.area[u->sel].nr; r++) outline(u, u->geo.area[u->sel].r0 + r, ox, oy, g->s > 1.5f ? 5 : 3, COL_ACCENT);
  if (u->hover >= 0 && u->hover != u->sel && u->hover < u->geo.narea)
    for (int r = 0; r < u->geo.area[u->hover].nr; r++)
      outline(u, u->geo.area[u->hover].r0 + r, ox, oy, g->s > 1.5f ? 4 : 2, (SDL_Color){250, 246, 236, 200});
  ui_draw_marks(u);
  if (u->layers & FL_UI_PIECES) ui_draw_pieces(u);
  ui_draw_pick(u);
  if (u->pick_opt < 0 && u->hover >= 0 && !u->dragging && u->mouse_in && u->popup < 0 && !u->err[0] && !u->help) ui_map_tooltip(u, u->hover);
  SDL_RenderSetClipRect(u->r, NULL);
}
