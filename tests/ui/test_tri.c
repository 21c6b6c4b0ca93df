/* Triangulation of map polygons (engine/ui/ui_tri.c): areas add up, holes stay empty,
 * every triangle lies inside its polygon, degenerate input terminates. */
#include "ui_int.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static int failures;
#define CHECK(c, ...) do { if (!(c)) { failures++; printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); printf("\n"); } } while (0)

static double tri_area(const float *xy, const int *t) {
  double ax = xy[2 * t[0]], ay = xy[2 * t[0] + 1], bx = xy[2 * t[1]], by = xy[2 * t[1] + 1], cx = xy[2 * t[2]], cy = xy[2 * t[2] + 1];
  return fabs((bx - ax) * (cy - ay) - (by - ay) * (cx - ax)) / 2;
}

static int inside(const float *xy, const int *r, int n, double x, double y) {
  int in = 0;
  for (int i = 0, j = n - 1; i < n; j = i++) {
    double xi = xy[2 * r[i]], yi = xy[2 * r[i] + 1], xj = xy[2 * r[j]], yj = xy[2 * r[j] + 1];
    if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) in = !in;
  }
  return in;
}

/* Triangulate and check area and containment of every triangle's centroid. */
static void run(const char *name, const float *xy, const int *outer, int no, const int *const *holes, const int *nh, int k,
                double want_area, int want_tris) {
  int *tri = NULL, ntri = 0, cap = 0;
  int n = tri_polygon(xy, outer, no, holes, nh, k, &tri, &ntri, &cap);
  CHECK(n == ntri / 3, "%s: returned %d, wrote %d triangles", name, n, ntri / 3);
  if (want_tris >= 0) CHECK(n == want_tris, "%s: %d triangles, want %d", name, n, want_tris);
  double a = 0;
  for (int i = 0; i < ntri; i += 3) {
    a += tri_area(xy, tri + i);
    double cx = (xy[2 * tri[i]] + xy[2 * tri[i + 1]] + xy[2 * tri[i + 2]]) / 3;
    double cy = (xy[2 * tri[i] + 1] + xy[2 * tri[i + 1] + 1] + xy[2 * tri[i + 2] + 1]) / 3;
    CHECK(inside(xy, outer, no, cx, cy), "%s: triangle %d outside the polygon", name, i / 3);
    for (int h = 0; h < k; h++) CHECK(!inside(xy, holes[h], nh[h], cx, cy), "%s: triangle %d inside hole %d", name, i / 3, h);
  }
  CHECK(fabs(a - want_area) < 1e-6 * (want_area + 1), "%s: area %.6f, want %.6f", name, a, want_area);
  free(tri);
}

int main(void) {
  /* a square, both windings */
  float sq[] = {0, 0, 10, 0, 10, 10, 0, 10};
  int ccw[] = {0, 1, 2, 3}, cw[] = {3, 2, 1, 0};
  run("square ccw", sq, ccw, 4, NULL, NULL, 0, 100, 2);
  run("square cw", sq, cw, 4, NULL, NULL, 0, 100, 2);

  /* an L shape (non-convex) */
  float l[] = {0, 0, 4, 0, 4, 1, 1, 1, 1, 3, 0, 3};
  int lr[] = {0, 1, 2, 3, 4, 5};
  run("L", l, lr, 6, NULL, NULL, 0, 4 + 2, 4);

  /* a comb: many reflex corners */
  float comb[2 * 12];
  int cr[12], k = 0;
  float teeth[][2] = {{0, 0}, {7, 0}, {7, 3}, {6, 3}, {6, 1}, {5, 1}, {5, 3}, {2, 3}, {2, 1}, {1, 1}, {1, 3}, {0, 3}};
  for (int i = 0; i < 12; i++) { comb[2 * i] = teeth[i][0]; comb[2 * i + 1] = teeth[i][1]; cr[i] = k++; }
  run("comb", comb, cr, 12, NULL, NULL, 0, 7 * 3 - 2 - 2, 10);

  /* a square with two holes (lakes), holes in either winding */
  float ph[] = {0, 0, 10, 0, 10, 10, 0, 10, 2, 2, 2, 4, 4, 4, 4, 2, 6, 6, 8, 6, 8, 8, 6, 8};
  int po[] = {0, 1, 2, 3}, h1[] = {4, 5, 6, 7}, h2[] = {8, 9, 10, 11};
  const int *hs[] = {h1, h2};
  int nh[] = {4, 4};
  run("two holes", ph, po, 4, hs, nh, 2, 100 - 4 - 4, -1);

  /* degenerate: repeated and collinear vertices terminate with the right area */
  float dg[] = {0, 0, 5, 0, 5, 0, 10, 0, 10, 10, 5, 10, 0, 10, 0, 5};
  int dr[] = {0, 1, 2, 3, 4, 5, 6, 7};
  run("degenerate", dg, dr, 8, NULL, NULL, 0, 100, -1);

  if (!failures) printf("test_tri: ok\n");
  return failures != 0;
}
