#include "fl_map.h"
#include "fl_index.h"
#include "fl_str.h"
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct fl_Map {
  fl_MapArea *areas, *lands;
  int narea, capa, nland, capl;
  fl_Place *places;
  int nplace, capp;
  int (*extra)[2]; /* explicit adjacency pairs */
  int nextra, capx;
  char *title;
  char **sources;
  int nsource;
  fl_Index index;  /* area index by id, kept up to date as areas are added */
  long npoints;    /* ring points over all areas and land, against FL_MAP_MAX_POINTS */
  int labels_done; /* fl_map_compute_labels ran */
};

#define GROW(arr, n, cap)                                                  \
  ((n) < (cap) ? 1 : grow((void **)&(arr), &(cap), sizeof *(arr)))

static int grow(void **arr, int *cap, size_t elem) {
  int nc = *cap ? *cap * 2 : 16;
  void *p = realloc(*arr, (size_t)nc * elem);
  if (!p) return 0;
  *arr = p;
  *cap = nc;
  return 1;
}

fl_Map *fl_map_new(void) { return calloc(1, sizeof(fl_Map)); }

static void free_area(fl_MapArea *a) {
  free(a->id); free(a->name); free(a->terrain); free(a->country);
  for (int r = 0; r < a->nrings; r++) free(a->rings[r].pts);
  free(a->rings);
  free(a->adj);
}

void fl_map_free(fl_Map *m) {
  if (!m) return;
  for (int i = 0; i < m->narea; i++) free_area(&m->areas[i]);
  for (int i = 0; i < m->nland; i++) free_area(&m->lands[i]);
  for (int i = 0; i < m->nplace; i++) { free(m->places[i].id); free(m->places[i].name); }
  for (int i = 0; i < m->nsource; i++) free(m->sources[i]);
  free(m->sources); free(m->title);
  free(m->areas); free(m->lands); free(m->places); free(m->extra); fl_index_free(&m->index);
  free(m);
}

int fl_map_find_area(const fl_Map *m, const char *id) { return fl_index_get(&m->index, id); }

static fl_MapArea *new_shape(fl_MapArea **arr, int *n, int *cap) {
  if (*n >= *cap && !grow((void **)arr, cap, sizeof **arr)) return NULL;
  fl_MapArea *a = &(*arr)[(*n)++];
  memset(a, 0, sizeof *a);
  return a;
}

int fl_map_add_area(fl_Map *m, const char *id, const char *name, const char *terrain,
                    const char *country, int line) {
  if (!fl_str_is_id(id) || fl_map_find_area(m, id) >= 0 || m->narea >= FL_MAP_MAX_AREAS) return -1;
  char *copy = fl_str_dup(id);
  fl_MapArea *a = copy ? new_shape(&m->areas, &m->narea, &m->capa) : NULL;
  if (!a || fl_index_put(&m->index, copy, m->narea - 1, NULL)) {
    if (a) m->narea--;
    free(copy);
    return -1;
  }
  a->id = copy;
  a->name = fl_str_dup(name && *name ? name : id);
  a->terrain = fl_str_dup(terrain ? terrain : "plain");
  a->country = fl_str_dup(country ? country : "");
  a->line = line;
  return m->narea - 1;
}

static int add_ring(fl_Map *m, fl_MapArea *a, int hole, const double *pts, int n) {
  if (n < 3 || (hole && a->nrings == 0) || n > FL_MAP_MAX_POINTS - m->npoints) return -1;
  for (int i = 0; i < 2 * n; i++)
    if (!isfinite(pts[i])) return -1;
  fl_Ring *r = realloc(a->rings, (size_t)(a->nrings + 1) * sizeof *r);
  if (!r) return -1;
  a->rings = r;
  double *copy = malloc((size_t)n * 2 * sizeof(double));
  if (!copy) return -1;
  memcpy(copy, pts, (size_t)n * 2 * sizeof(double));
  a->rings[a->nrings++] = (fl_Ring){n, hole, copy};
  m->npoints += n;
  return 0;
}

int fl_map_add_ring(fl_Map *m, int area, int hole, const double *pts, int n) {
  if (area < 0 || area >= m->narea) return -1;
  return add_ring(m, &m->areas[area], hole, pts, n);
}

int fl_map_add_place(fl_Map *m, const char *id, int area, double lon, double lat, long pop,
                     const char *name) {
  if (!fl_str_is_id(id) || area < -1 || area >= m->narea || !isfinite(lon) || !isfinite(lat) ||
      m->nplace >= FL_MAP_MAX_PLACES)
    return -1;
  if (m->nplace >= m->capp && !grow((void **)&m->places, &m->capp, sizeof *m->places)) return -1;
  m->places[m->nplace] = (fl_Place){fl_str_dup(id), fl_str_dup(name ? name : id), area, lon, lat, pop};
  return m->nplace++;
}

int fl_map_add_adj(fl_Map *m, int a, int b) {
  if (a < 0 || b < 0 || a >= m->narea || b >= m->narea || a == b || m->nextra >= FL_MAP_MAX_ADJ) return -1;
  if (m->nextra >= m->capx && !grow((void **)&m->extra, &m->capx, sizeof *m->extra)) return -1;
  m->extra[m->nextra][0] = a;
  m->extra[m->nextra][1] = b;
  m->nextra++;
  return 0;
}

/* ---- linking: adjacency from shared edges ---- */

typedef struct { int64_t x0, y0, x1, y1; int area; } Edge;

static int64_t q(double v) { return (int64_t)llround(v * 1e4); }

static int edge_cmp(const void *pa, const void *pb) {
  const Edge *a = pa, *b = pb;
  if (a->x0 != b->x0) return a->x0 < b->x0 ? -1 : 1;
  if (a->y0 != b->y0) return a->y0 < b->y0 ? -1 : 1;
  if (a->x1 != b->x1) return a->x1 < b->x1 ? -1 : 1;
  if (a->y1 != b->y1) return a->y1 < b->y1 ? -1 : 1;
  return a->area - b->area;
}

static int int_cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

static double ring_area(const fl_Ring *r, double *cx, double *cy) {
  double a = 0, x = 0, y = 0;
  for (int i = 0; i < r->n; i++) {
    const double *p = &r->pts[2 * i], *nq = &r->pts[2 * ((i + 1) % r->n)];
    double c = p[0] * nq[1] - nq[0] * p[1];
    a += c;
    x += (p[0] + nq[0]) * c;
    y += (p[1] + nq[1]) * c;
  }
  if (fabs(a) < 1e-12) { *cx = r->pts[0]; *cy = r->pts[1]; return 0; }
  *cx = x / (3 * a);
  *cy = y / (3 * a);
  return fabs(a / 2);
}

static int ring_contains(const fl_Ring *r, double x, double y) {
  int in = 0;
  for (int i = 0, j = r->n - 1; i < r->n; j = i++) {
    double xi = r->pts[2 * i], yi = r->pts[2 * i + 1], xj = r->pts[2 * j], yj = r->pts[2 * j + 1];
    if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) in = !in;
  }
  return in;
}

static int area_contains(const fl_MapArea *a, double x, double y) {
  int in = 0;
  for (int r = 0; r < a->nrings; r++)
    if (ring_contains(&a->rings[r], x, y)) in = !in;
  return in;
}

int fl_map_contains(const fl_Map *m, int area, double lon, double lat) {
  if (area < 0 || area >= m->narea) return 0;
  return area_contains(&m->areas[area], lon, lat);
}

/* Squared distance from (px, py) to segment a-b, x scaled by kx (cos latitude). */
static double seg_dist2(double px, double py, const double *a, const double *b, double kx) {
  double ax = a[0] * kx, ay = a[1], bx = b[0] * kx, by = b[1], x = px * kx;
  double dx = bx - ax, dy = by - ay, t = 0, l2 = dx * dx + dy * dy;
  if (l2 > 0) {
    t = ((x - ax) * dx + (py - ay) * dy) / l2;
    if (t < 0) t = 0;
    if (t > 1) t = 1;
  }
  double ex = ax + t * dx - x, ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

/* How far inside the area a point is: the distance to the nearest edge, or -1 outside. */
static double inside_depth(const fl_MapArea *a, double x, double y, double kx) {
  if (!area_contains(a, x, y)) return -1;
  double best = 1e300;
  for (int r = 0; r < a->nrings; r++) {
    const fl_Ring *rg = &a->rings[r];
    for (int i = 0, j = rg->n - 1; i < rg->n; j = i++) {
      double d = seg_dist2(x, y, &rg->pts[2 * j], &rg->pts[2 * i], kx);
      if (d < best) best = d;
    }
  }
  return best;
}

/* Bounding box, and a first label point: the centroid of the largest outer ring. */
static void place_label(fl_MapArea *a) {
  double best = -1;
  int bi = -1;
  a->bbox[0] = a->bbox[1] = 1e9;
  a->bbox[2] = a->bbox[3] = -1e9;
  for (int r = 0; r < a->nrings; r++) {
    const fl_Ring *rg = &a->rings[r];
    for (int i = 0; i < rg->n; i++) {
      double x = rg->pts[2 * i], y = rg->pts[2 * i + 1];
      if (x < a->bbox[0]) a->bbox[0] = x;
      if (y < a->bbox[1]) a->bbox[1] = y;
      if (x > a->bbox[2]) a->bbox[2] = x;
      if (y > a->bbox[3]) a->bbox[3] = y;
    }
    if (rg->hole) continue;
    double cx, cy, ar = ring_area(rg, &cx, &cy);
    if (ar > best) { best = ar; bi = r; a->label[0] = cx; a->label[1] = cy; }
  }
  (void)bi;
}

/* The visual centre of an area's largest outer ring: the point deepest inside the area
 * (farthest from any border, holes included), by a coarse grid and one finer grid
 * around the best cell. A centroid can fall near a border or outside a concave area,
 * where a label would spill onto the neighbour. */
static void visual_centre(fl_MapArea *a) {
  double best = -1;
  int bi = -1;
  for (int r = 0; r < a->nrings; r++) {
    if (a->rings[r].hole) continue;
    double cx, cy, ar = ring_area(&a->rings[r], &cx, &cy);
    if (ar > best) { best = ar; bi = r; }
  }
  if (bi < 0) return;
  const fl_Ring *rg = &a->rings[bi];
  double b[4] = {1e9, 1e9, -1e9, -1e9};
  for (int i = 0; i < rg->n; i++) {
    double x = rg->pts[2 * i], y = rg->pts[2 * i + 1];
    if (x < b[0]) b[0] = x;
    if (y < b[1]) b[1] = y;
    if (x > b[2]) b[2] = x;
    if (y > b[3]) b[3] = y;
  }
  double kx = cos((b[1] + b[3]) / 2 * 3.14159265358979 / 180);
  double bx = a->label[0], by = a->label[1], bd = inside_depth(a, bx, by, kx);
  enum { G = 14 };
  double w = (b[2] - b[0]) / G, h = (b[3] - b[1]) / G, x0 = b[0], y0 = b[1];
  for (int pass = 0; pass < 2; pass++) {
    for (int i = 0; i <= G; i++)
      for (int j = 0; j <= G; j++) {
        double x = x0 + i * w, y = y0 + j * h, d = inside_depth(a, x, y, kx);
        if (d > bd) { bd = d; bx = x; by = y; }
      }
    x0 = bx - w; y0 = by - h; /* refine around the best point */
    w = 2 * w / G; h = 2 * h / G;
  }
  a->label[0] = bx;
  a->label[1] = by;
}

void fl_map_compute_labels(fl_Map *m) {
  if (m->labels_done) return;
  for (int i = 0; i < m->narea; i++) visual_centre(&m->areas[i]);
  m->labels_done = 1;
}

static int same_segment(const Edge *a, const Edge *b) {
  return a->x0 == b->x0 && a->y0 == b->y0 && a->x1 == b->x1 && a->y1 == b->y1;
}

/* Count each area's neighbour entries into nadj (one per shared segment and per declared
 * pair, repeats included) and return the total, in time linear in the segments. e is
 * sorted and lists each area at most once per segment. */
static int64_t count_pairs(fl_Map *m, const Edge *e, size_t k) {
  int64_t total = 0;
  for (size_t s = 0, t; s < k; s = t) {
    for (t = s + 1; t < k && same_segment(&e[t], &e[s]);) t++;
    int64_t d = (int64_t)(t - s);
    for (size_t p = s; p < t; p++) {
      int *n = &m->areas[e[p].area].nadj;
      *n = *n + d - 1 > FL_MAP_MAX_NEIGHBOURS ? FL_MAP_MAX_NEIGHBOURS + 1 : (int)(*n + d - 1);
    }
    total += d * (d - 1);
  }
  for (int x = 0; x < m->nextra; x++) {
    m->areas[m->extra[x][0]].nadj++;
    m->areas[m->extra[x][1]].nadj++;
  }
  return total + 2 * (int64_t)m->nextra;
}

static void store_pair(fl_MapArea *a, int other) { a->adj[a->nadj++] = other; }

/* Fill the lists count_pairs sized: every two areas on a segment, both ways round. */
static void store_pairs(fl_Map *m, const Edge *e, size_t k) {
  for (size_t s = 0, t; s < k; s = t) {
    for (t = s + 1; t < k && same_segment(&e[t], &e[s]);) t++;
    for (size_t p = s; p < t; p++)
      for (size_t r = s; r < t; r++)
        if (r != p) store_pair(&m->areas[e[p].area], e[r].area);
  }
  for (int x = 0; x < m->nextra; x++) {
    store_pair(&m->areas[m->extra[x][0]], m->extra[x][1]);
    store_pair(&m->areas[m->extra[x][1]], m->extra[x][0]);
  }
}

/* Count the neighbour pairs first and allocate each list once: a segment shared by
 * thousands of areas (a hostile map) is refused instead of taking minutes and gigabytes. */
int fl_map_link(fl_Map *m) {
  size_t ne = 0;
  int rc = 0;
  for (int i = 0; i < m->narea; i++) {
    for (int r = 0; r < m->areas[i].nrings; r++) ne += (size_t)m->areas[i].rings[r].n;
    free(m->areas[i].adj);
    m->areas[i].adj = NULL;
    m->areas[i].nadj = 0;
  }
  Edge *e = malloc((ne ? ne : 1) * sizeof *e);
  size_t k = 0;
  for (int i = 0; e && i < m->narea; i++) {
    fl_MapArea *a = &m->areas[i];
    for (int r = 0; r < a->nrings; r++) {
      const fl_Ring *rg = &a->rings[r];
      for (int p = 0; p < rg->n; p++) {
        const double *u = &rg->pts[2 * p], *v = &rg->pts[2 * ((p + 1) % rg->n)];
        int64_t x0 = q(u[0]), y0 = q(u[1]), x1 = q(v[0]), y1 = q(v[1]);
        if (x0 == x1 && y0 == y1) continue;
        if (x0 > x1 || (x0 == x1 && y0 > y1)) { /* orientation-free key */
          int64_t t = x0; x0 = x1; x1 = t; t = y0; y0 = y1; y1 = t;
        }
        e[k++] = (Edge){x0, y0, x1, y1, i};
      }
    }
  }
  if (e) {
    qsort(e, k, sizeof *e, edge_cmp);
    size_t w = 0; /* an area once per segment, however often its rings repeat it */
    for (size_t i = 0; i < k; i++)
      if (!w || !same_segment(&e[i], &e[w - 1]) || e[i].area != e[w - 1].area) e[w++] = e[i];
    k = w;
  } else { k = 0; rc = -1; }
  int64_t total = count_pairs(m, e, k);
  for (int i = 0; i < m->narea && total <= FL_MAP_MAX_NEIGHBOURS; i++) {
    fl_MapArea *a = &m->areas[i];
    if (a->nadj && !(a->adj = malloc((size_t)a->nadj * sizeof(int)))) total = FL_MAP_MAX_NEIGHBOURS + 1;
    a->nadj = 0;
  }
  if (total <= FL_MAP_MAX_NEIGHBOURS) store_pairs(m, e, k);
  else rc = -1;
  free(e);
  for (int i = 0; i < m->narea; i++) {
    fl_MapArea *a = &m->areas[i];
    if (rc) { free(a->adj); a->adj = NULL; a->nadj = 0; }
    if (a->nadj) qsort(a->adj, (size_t)a->nadj, sizeof(int), int_cmp);
    int w = 0;
    for (int j = 0; j < a->nadj; j++)
      if (w == 0 || a->adj[w - 1] != a->adj[j]) a->adj[w++] = a->adj[j];
    a->nadj = w;
    place_label(a);
  }
  for (int i = 0; i < m->nland; i++) place_label(&m->lands[i]);
  m->labels_done = 0;
  return rc;
}

int fl_map_area_count(const fl_Map *m) { return m->narea; }
int fl_map_land_count(const fl_Map *m) { return m->nland; }
int fl_map_place_count(const fl_Map *m) { return m->nplace; }
const fl_MapArea *fl_map_area(const fl_Map *m, int i) { return i >= 0 && i < m->narea ? &m->areas[i] : NULL; }
const fl_MapArea *fl_map_land(const fl_Map *m, int i) { return i >= 0 && i < m->nland ? &m->lands[i] : NULL; }
const fl_Place *fl_map_place(const fl_Map *m, int i) { return i >= 0 && i < m->nplace ? &m->places[i] : NULL; }
const char *fl_map_title(const fl_Map *m) { return m->title; }
int fl_map_source_count(const fl_Map *m) { return m->nsource; }
const char *fl_map_source(const fl_Map *m, int i) { return i >= 0 && i < m->nsource ? m->sources[i] : NULL; }

int fl_map_adjacent(const fl_Map *m, int a, int b) {
  if (a < 0 || a >= m->narea) return 0;
  for (int i = 0; i < m->areas[a].nadj; i++)
    if (m->areas[a].adj[i] == b) return 1;
  return 0;
}

void fl_map_bounds(const fl_Map *m, double out[4]) {
  out[0] = out[1] = 1e9;
  out[2] = out[3] = -1e9;
  for (int pass = 0; pass < 2; pass++) {
    const fl_MapArea *arr = pass ? m->lands : m->areas;
    int n = pass ? m->nland : m->narea;
    for (int i = 0; i < n; i++) {
      if (!arr[i].nrings) continue;
      if (arr[i].bbox[0] < out[0]) out[0] = arr[i].bbox[0];
      if (arr[i].bbox[1] < out[1]) out[1] = arr[i].bbox[1];
      if (arr[i].bbox[2] > out[2]) out[2] = arr[i].bbox[2];
      if (arr[i].bbox[3] > out[3]) out[3] = arr[i].bbox[3];
    }
  }
}

/* ---- the text format ---- */


/* Split off the next space-separated word; returns NULL at end of line. */
static char *word(char **s) {
  while (**s == ' ' || **s == '\t') (*s)++;
  if (!**s) return NULL;
  char *w = *s;
  while (**s && **s != ' ' && **s != '\t') (*s)++;
  if (**s) *(*s)++ = '\0';
  return w;
}

static char *rest(char **s) {
  while (**s == ' ' || **s == '\t') (*s)++;
  return *s;
}

static int parse_num(const char *w, double *out) {
  char *end;
  errno = 0;
  *out = strtod(w, &end);
  return w && *w && !*end && errno == 0 && isfinite(*out);
}

int fl_map_parse(fl_Map *m, const char *text, size_t len, const char *name, char *err, size_t errn) {
  char *buf = malloc(len + 1);
  double *pts = NULL;
  int cap = 0, lineno = 0, rc = 0;
  fl_MapArea *cur = NULL; /* the shape receiving rings */
  if (!buf) return fl_str_errorf(err, errn, name, 0, "out of memory");
  memcpy(buf, text, len);
  buf[len] = '\0';
  if (memchr(buf, '\0', len)) { free(buf); return fl_str_errorf(err, errn, name, 1, "binary data in a map file"); }
  char *line = buf, *next;
  for (; line && *line; line = next) {
    lineno++;
    next = strchr(line, '\n');
    if (next) *next++ = '\0';
    size_t ll = strlen(line);
    if (ll && line[ll - 1] == '\r') line[ll - 1] = '\0';
    char *s = line, *kw = word(&s);
    if (lineno == 1) {
      char *ver = kw ? word(&s) : NULL;
      if (!kw || strcmp(kw, "flank-map") != 0 || !ver || strcmp(ver, "1") != 0) {
        rc = fl_str_errorf(err, errn, name, 1, "not a Flank map (expected 'flank-map 1' on the first line)");
        break;
      }
      continue;
    }
    if (!kw || kw[0] == '#') continue;
    if (!strcmp(kw, "title")) { free(m->title); m->title = fl_str_dup(rest(&s)); }
    else if (!strcmp(kw, "source")) {
      char **ns = realloc(m->sources, (size_t)(m->nsource + 1) * sizeof *ns);
      if (!ns) { rc = fl_str_errorf(err, errn, name, lineno, "out of memory"); break; }
      m->sources = ns;
      m->sources[m->nsource++] = fl_str_dup(rest(&s));
    } else if (!strcmp(kw, "bbox")) {
      /* informational: bounds are computed from the geometry */
    } else if (!strcmp(kw, "land")) {
      char *cc = word(&s);
      if (!cc) { rc = fl_str_errorf(err, errn, name, lineno, "land needs a country code and a name"); break; }
      if (m->nland >= FL_MAP_MAX_AREAS) { rc = fl_str_errorf(err, errn, name, lineno, "too many land records (at most %d)", FL_MAP_MAX_AREAS); break; }
      cur = new_shape(&m->lands, &m->nland, &m->capl);
      if (!cur) { rc = fl_str_errorf(err, errn, name, lineno, "out of memory"); break; }
      cur->country = fl_str_dup(cc);
      cur->name = fl_str_dup(rest(&s));
      cur->id = fl_str_dup(cc);
      cur->terrain = fl_str_dup("land");
      cur->line = lineno;
    } else if (!strcmp(kw, "area")) {
      char *id = word(&s), *terrain = word(&s), *cc = word(&s);
      if (!cc) { rc = fl_str_errorf(err, errn, name, lineno, "area needs: id terrain country name"); break; }
      if (!fl_str_is_id(id)) { rc = fl_str_errorf(err, errn, name, lineno, "area id '%s' must be lowercase letters, digits and _", id); break; }
      int idx = fl_map_find_area(m, id);
      if (idx >= 0) { rc = fl_str_errorf(err, errn, name, lineno, "duplicate area id '%s' (first defined on line %d)", id, m->areas[idx].line); break; }
      if (m->narea >= FL_MAP_MAX_AREAS) { rc = fl_str_errorf(err, errn, name, lineno, "too many areas (at most %d)", FL_MAP_MAX_AREAS); break; }
      idx = fl_map_add_area(m, id, rest(&s), terrain, cc, lineno);
      if (idx < 0) { rc = fl_str_errorf(err, errn, name, lineno, "out of memory"); break; }
      cur = &m->areas[idx];
    } else if (!strcmp(kw, "ring") || !strcmp(kw, "hole")) {
      int hole = kw[0] == 'h', n = 0;
      char *w;
      if (!cur) { rc = fl_str_errorf(err, errn, name, lineno, "%s before any area or land", kw); break; }
      while ((w = word(&s))) {
        if (n / 2 >= FL_MAP_MAX_POINTS - m->npoints) { rc = fl_str_errorf(err, errn, name, lineno, "too many points (at most %d in a map)", FL_MAP_MAX_POINTS); break; }
        if (n >= cap) {
          cap = cap ? cap * 2 : 256;
          double *np = realloc(pts, (size_t)cap * sizeof *np);
          if (!np) { rc = fl_str_errorf(err, errn, name, lineno, "out of memory"); break; }
          pts = np;
        }
        if (!parse_num(w, &pts[n])) { rc = fl_str_errorf(err, errn, name, lineno, "bad coordinate '%s'", w); break; }
        n++;
      }
      if (rc) break;
      if (n % 2 || n < 6) { rc = fl_str_errorf(err, errn, name, lineno, "a %s needs at least 3 lon/lat pairs", kw); break; }
      for (int i = 0; i < n; i += 2)
        if (fabs(pts[i]) > 180 || fabs(pts[i + 1]) > 90) { rc = fl_str_errorf(err, errn, name, lineno, "coordinate out of range"); break; }
      if (rc) break;
      if (add_ring(m, cur, hole, pts, n / 2) < 0) { rc = fl_str_errorf(err, errn, name, lineno, "a hole must follow a ring"); break; }
    } else if (!strcmp(kw, "place")) {
      char *id = word(&s), *ar = word(&s), *lo = word(&s), *la = word(&s), *po = word(&s);
      double lon, lat, pop;
      if (!po || !parse_num(lo, &lon) || !parse_num(la, &lat) || !parse_num(po, &pop)) {
        rc = fl_str_errorf(err, errn, name, lineno, "place needs: id area lon lat population name");
        break;
      }
      int ai = fl_map_find_area(m, ar);
      if (ai < 0) { rc = fl_str_errorf(err, errn, name, lineno, "place '%s': unknown area '%s'", id, ar); break; }
      if (m->nplace >= FL_MAP_MAX_PLACES) { rc = fl_str_errorf(err, errn, name, lineno, "too many places (at most %d)", FL_MAP_MAX_PLACES); break; }
      if (fl_map_add_place(m, id, ai, lon, lat, (long)pop, rest(&s)) < 0) { rc = fl_str_errorf(err, errn, name, lineno, "bad place '%s'", id); break; }
    } else if (!strcmp(kw, "adj")) {
      char *a = word(&s), *b = word(&s);
      int ia = a ? fl_map_find_area(m, a) : -1, ib = b ? fl_map_find_area(m, b) : -1;
      if (m->nextra >= FL_MAP_MAX_ADJ) { rc = fl_str_errorf(err, errn, name, lineno, "too many adj lines (at most %d)", FL_MAP_MAX_ADJ); break; }
      if (ia < 0 || ib < 0 || fl_map_add_adj(m, ia, ib) < 0) { rc = fl_str_errorf(err, errn, name, lineno, "adj needs two different known areas"); break; }
    } else {
      rc = fl_str_errorf(err, errn, name, lineno, "unknown record '%s' (expected title, source, bbox, land, area, ring, hole, place or adj)", kw);
      break;
    }
  }
  if (!rc && lineno == 0) rc = fl_str_errorf(err, errn, name, 1, "empty map file");
  for (int i = 0; !rc && i < m->narea; i++)
    if (!m->areas[i].nrings) rc = fl_str_errorf(err, errn, name, m->areas[i].line, "area '%s' has no ring", m->areas[i].id);
  free(pts);
  free(buf);
  if (!rc && fl_map_link(m))
    rc = fl_str_errorf(err, errn, name, 1, "areas share borders with too many others (more than %d neighbour pairs)", FL_MAP_MAX_NEIGHBOURS);
  return rc;
}

int fl_map_load(fl_Map *m, const char *path, char *err, size_t errn) {
  size_t len;
  char *text = fl_str_read_file(path, &len);
  if (!text) { snprintf(err, errn, "%s: cannot read map: %s", path, fl_str_read_why()); return -1; }
  fl_str_note_loaded(path);
  int rc = fl_map_parse(m, text, len, path, err, errn);
  free(text);
  return rc;
}
