/* ui_tri: polygons with holes to triangles, by ear clipping. Holes are first joined to
 * the outer ring by a bridge (two coincident edges) to the nearest outer vertex that can
 * see the hole's rightmost vertex; then ears are cut from the single ring. Degenerate
 * input (collinear runs, touching rings) never loops: when no ear is found the clipper
 * cuts the flattest convex corner, so every polygon ends in n - 2 triangles. */
#include "ui_int.h"
#include <stdlib.h>
#include <string.h>

#define X(i) ((double)xy[2 * (i)])
#define Y(i) ((double)xy[2 * (i) + 1])

static double cross(const float *xy, int a, int b, int c) {
  return (X(b) - X(a)) * (Y(c) - Y(a)) - (Y(b) - Y(a)) * (X(c) - X(a));
}

static double ring_area(const float *xy, const int *r, int n) {
  double s = 0;
  for (int i = 0, j = n - 1; i < n; j = i++) s += (X(r[j]) - X(r[i])) * (Y(r[j]) + Y(r[i]));
  return s / 2; /* positive: counter-clockwise with y up */
}

static int push_tri(int **out, int *nout, int *cap, int a, int b, int c) {
  if (*nout + 3 > *cap) {
    int nc = *cap ? *cap * 2 : 1024;
    while (nc < *nout + 3) nc *= 2;
    int *p = realloc(*out, sizeof(int) * (size_t)nc);
    if (!p) return -1;
    *out = p;
    *cap = nc;
  }
  (*out)[(*nout)++] = a; (*out)[(*nout)++] = b; (*out)[(*nout)++] = c;
  return 0;
}

/* Whether segments p1-p2 and p3-p4 cross properly (shared endpoints do not count). */
static int seg_cross(double x1, double y1, double x2, double y2, double x3, double y3, double x4, double y4) {
  double d1 = (x4 - x3) * (y1 - y3) - (y4 - y3) * (x1 - x3);
  double d2 = (x4 - x3) * (y2 - y3) - (y4 - y3) * (x2 - x3);
  double d3 = (x2 - x1) * (y3 - y1) - (y2 - y1) * (x3 - x1);
  double d4 = (x2 - x1) * (y4 - y1) - (y2 - y1) * (x4 - x1);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

static int visible(const float *xy, const int *poly, int np, const int *const *holes, const int *nh, int nholes,
                   int a, int b) {
  double ax = X(a), ay = Y(a), bx = X(b), by = Y(b);
  for (int i = 0; i < np; i++) {
    int p = poly[i], q = poly[(i + 1) % np];
    if (seg_cross(ax, ay, bx, by, X(p), Y(p), X(q), Y(q))) return 0;
  }
  for (int h = 0; h < nholes; h++)
    for (int i = 0; i < nh[h]; i++) {
      int p = holes[h][i], q = holes[h][(i + 1) % nh[h]];
      if (seg_cross(ax, ay, bx, by, X(p), Y(p), X(q), Y(q))) return 0;
    }
  return 1;
}

static int in_tri(const float *xy, int a, int b, int c, int p) {
  double px = X(p), py = Y(p);
  if ((px == X(a) && py == Y(a)) || (px == X(b) && py == Y(b)) || (px == X(c) && py == Y(c))) return 0;
  double d1 = (X(b) - X(a)) * (py - Y(a)) - (Y(b) - Y(a)) * (px - X(a));
  double d2 = (X(c) - X(b)) * (py - Y(b)) - (Y(c) - Y(b)) * (px - X(b));
  double d3 = (X(a) - X(c)) * (py - Y(c)) - (Y(a) - Y(c)) * (px - X(c));
  return d1 >= 0 && d2 >= 0 && d3 >= 0;
}

int tri_polygon(const float *xy, const int *outer, int no, const int *const *holes, const int *nh,
                int nholes, int **out, int *nout, int *cap) {
  if (no < 3) return 0;
  int total = no;
  for (int h = 0; h < nholes; h++) total += nh[h] + 2;
  int *poly = malloc(sizeof(int) * (size_t)total), *order = malloc(sizeof(int) * (size_t)(nholes + 1));
  int *tmp = malloc(sizeof(int) * (size_t)total);
  if (!poly || !order || !tmp) { free(poly); free(order); free(tmp); return -1; }
  int np = no;
  int ccw = ring_area(xy, outer, no) >= 0;
  for (int i = 0; i < no; i++) poly[i] = outer[ccw ? i : no - 1 - i];
  /* holes by rightmost vertex, right to left, each joined clockwise */
  for (int h = 0; h < nholes; h++) order[h] = h;
  double *hx = malloc(sizeof(double) * (size_t)(nholes + 1));
  int *hm = malloc(sizeof(int) * (size_t)(nholes + 1));
  if (!hx || !hm) { free(poly); free(order); free(tmp); free(hx); free(hm); return -1; }
  for (int h = 0; h < nholes; h++) {
    hm[h] = 0;
    for (int i = 1; i < nh[h]; i++) if (X(holes[h][i]) > X(holes[h][hm[h]])) hm[h] = i;
    hx[h] = nh[h] ? X(holes[h][hm[h]]) : -1e300;
  }
  for (int i = 1; i < nholes; i++)
    for (int j = i; j > 0 && hx[order[j]] > hx[order[j - 1]]; j--) { int t = order[j]; order[j] = order[j - 1]; order[j - 1] = t; }
  for (int k = 0; k < nholes; k++) {
    int h = order[k], n = nh[h];
    if (n < 3) continue;
    int hccw = ring_area(xy, holes[h], n) >= 0;
    int m = holes[h][hm[h]];
    /* the nearest polygon vertex that sees m, preferring those to its right */
    int best = -1;
    double bd = 1e300;
    for (int pass = 0; pass < 2 && best < 0; pass++)
      for (int i = 0; i < np; i++) {
        int p = poly[i];
        if (pass == 0 && X(p) < X(m)) continue;
        double d = (X(p) - X(m)) * (X(p) - X(m)) + (Y(p) - Y(m)) * (Y(p) - Y(m));
        if (d < bd && visible(xy, poly, np, holes, nh, nholes, p, m)) { bd = d; best = i; }
      }
    if (best < 0) best = 0;
    /* poly[0..best], m, hole clockwise from m..., m, poly[best], poly[best+1..] */
    int t = 0;
    for (int i = 0; i <= best; i++) tmp[t++] = poly[i];
    for (int i = 0; i <= n; i++) {
      int idx = hccw ? (hm[h] - i + n) % n : (hm[h] + i) % n; /* clockwise walk */
      tmp[t++] = holes[h][idx];
    }
    tmp[t++] = poly[best];
    for (int i = best + 1; i < np; i++) tmp[t++] = poly[i];
    np = t;
    memcpy(poly, tmp, sizeof(int) * (size_t)np);
  }
  free(hx); free(hm); free(order); free(tmp);
  /* ear clipping over a circular doubly linked list of positions */
  int *prv = malloc(sizeof(int) * (size_t)np), *nxt = malloc(sizeof(int) * (size_t)np);
  if (!prv || !nxt) { free(poly); free(prv); free(nxt); return -1; }
  for (int i = 0; i < np; i++) { prv[i] = (i + np - 1) % np; nxt[i] = (i + 1) % np; }
  int left = np, cur = 0, ntri = 0, stall = 0, rc = 0;
  while (left > 3 && rc == 0) {
    int a = prv[cur], c = nxt[cur];
    double cr = cross(xy, poly[a], poly[cur], poly[c]);
    int ear = 0;
    if (cr > 0) {
      ear = 1;
      for (int p = nxt[c]; p != a; p = nxt[p])
        if (in_tri(xy, poly[a], poly[cur], poly[c], poly[p])) { ear = 0; break; }
    } else if (cr == 0 && stall >= left) {
      ear = 2; /* a collinear or repeated vertex: drop it without a triangle */
    }
    if (!ear && stall >= 2 * left) ear = 1; /* stuck on bad input: cut anyway */
    if (ear) {
      if (ear == 1 && cr != 0) { rc = push_tri(out, nout, cap, poly[a], poly[cur], poly[c]); ntri++; }
      nxt[a] = c;
      prv[c] = a;
      left--;
      cur = a;
      stall = 0;
    } else {
      cur = c;
      stall++;
    }
  }
  if (left == 3 && rc == 0 && cross(xy, poly[prv[cur]], poly[cur], poly[nxt[cur]]) != 0) {
    rc = push_tri(out, nout, cap, poly[prv[cur]], poly[cur], poly[nxt[cur]]);
    ntri++;
  }
  free(prv); free(nxt); free(poly);
  return rc ? -1 : ntri;
}
