/* fl_map at scale: the id index and derived adjacency on big, generated and hostile
 * maps, checked against what the grid's geometry says and against a plain pairwise
 * comparison of borders. (How fast is tools/bench.d/scale.sh's job, not this test's.) */
#define _POSIX_C_SOURCE 200809L
#include "../check.h"
#include "fl_map.h"
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A map of cols x rows square cells "c<row>_<col>", 0.01 degrees each; extra text is
 * appended as is. The caller frees the text. */
static char *grid_map(int cols, int rows, const char *extra, size_t *len) {
  char *text = NULL;
  FILE *f = open_memstream(&text, len);
  fprintf(f, "flank-map 1\n");
  for (int r = 0; r < rows; r++)
    for (int c = 0; c < cols; c++) {
      double x = 10 + c * 0.01, y = 40 + r * 0.01;
      fprintf(f, "area c%d_%d plain XX Cell\nring %.4f %.4f %.4f %.4f %.4f %.4f %.4f %.4f\n", r, c, x, y, x + 0.01, y,
              x + 0.01, y + 0.01, x, y + 0.01);
    }
  fputs(extra ? extra : "", f);
  fclose(f);
  return text;
}

static int parse_text(fl_Map *m, char *text, size_t len, char *err) {
  int rc = fl_map_parse(m, text, len, "grid.map", err, 256);
  free(text);
  return rc;
}

static int parse_grid(fl_Map *m, int cols, int rows, const char *extra, char *err) {
  size_t len;
  char *text = grid_map(cols, rows, extra, &len);
  return parse_text(m, text, len, err);
}

/* Whether areas i and j share a border segment, the slow obvious way. */
static int64_t qz(double v) { return (int64_t)llround(v * 1e4); }
static int share_segment(const fl_MapArea *a, const fl_MapArea *b) {
  for (int ra = 0; ra < a->nrings; ra++)
    for (int rb = 0; rb < b->nrings; rb++) {
      const fl_Ring *p = &a->rings[ra], *q = &b->rings[rb];
      for (int i = 0; i < p->n; i++) {
        int64_t a0 = qz(p->pts[2 * i]), a1 = qz(p->pts[2 * i + 1]);
        int64_t a2 = qz(p->pts[2 * ((i + 1) % p->n)]), a3 = qz(p->pts[2 * ((i + 1) % p->n) + 1]);
        if (a0 == a2 && a1 == a3) continue;
        for (int j = 0; j < q->n; j++) {
          int64_t b0 = qz(q->pts[2 * j]), b1 = qz(q->pts[2 * j + 1]);
          int64_t b2 = qz(q->pts[2 * ((j + 1) % q->n)]), b3 = qz(q->pts[2 * ((j + 1) % q->n) + 1]);
          if ((a0 == b0 && a1 == b1 && a2 == b2 && a3 == b3) || (a0 == b2 && a1 == b3 && a2 == b0 && a3 == b1)) return 1;
        }
      }
    }
  return 0;
}

int main(void) {
  char err[256];

  /* 20,000 areas: every cell is found by id and borders exactly its four grid neighbours. */
  enum { COLS = 200, ROWS = 100 };
  fl_Map *m = fl_map_new();
  CHECK(parse_grid(m, COLS, ROWS, NULL, err) == 0);
  CHECK(fl_map_area_count(m) == COLS * ROWS);
  int lost = 0, wrong = 0;
  for (int r = 0; r < ROWS; r++)
    for (int c = 0; c < COLS; c++) {
      char id[32];
      snprintf(id, sizeof id, "c%d_%d", r, c);
      int i = fl_map_find_area(m, id);
      if (i != r * COLS + c) { lost++; continue; }
      int want[4], nw = 0; /* ascending indices: below, left, right, above */
      if (r > 0) want[nw++] = i - COLS;
      if (c > 0) want[nw++] = i - 1;
      if (c < COLS - 1) want[nw++] = i + 1;
      if (r < ROWS - 1) want[nw++] = i + COLS;
      const fl_MapArea *a = fl_map_area(m, i);
      wrong += a->nadj != nw || memcmp(a->adj, want, (size_t)nw * sizeof(int)) != 0;
    }
  CHECK(lost == 0 && wrong == 0);
  CHECK(fl_map_find_area(m, "c100_0") == -1 && fl_map_find_area(m, "c0_200") == -1);
  fl_map_free(m);

  /* A duplicate id among 20,000 names both lines: the first area{} is line 2. */
  m = fl_map_new();
  CHECK(parse_grid(m, COLS, ROWS, "area c0_0 plain XX Again\nring 0 0 1 0 1 1\n", err) == -1);
  CHECK(strstr(err, "grid.map:40002: duplicate area id 'c0_0' (first defined on line 2)") != NULL);
  fl_map_free(m);

  /* 60,000 areas load; one past FL_MAP_MAX_AREAS is refused at the area that overflows. */
  m = fl_map_new();
  CHECK(parse_grid(m, 300, 200, NULL, err) == 0 && fl_map_area_count(m) == 60000);
  fl_map_free(m);
  m = fl_map_new();
  CHECK(parse_grid(m, FL_MAP_MAX_AREAS / 100, 100, "area extra plain XX X\nring 0 0 1 0 1 1\n", err) == -1);
  CHECK(strstr(err, ":200002: too many areas") != NULL);
  fl_map_free(m);

  /* Hostile geometry. 2,000 copies of one triangle would be four million neighbour pairs:
   * refused. One ring that runs along the same border 10,000 times is one neighbour. */
  char *text = NULL;
  size_t len;
  FILE *f = open_memstream(&text, &len);
  fprintf(f, "flank-map 1\n");
  for (int i = 0; i < 2000; i++) fprintf(f, "area t%d plain XX T\nring 0 0 1 0 1 1\n", i);
  fclose(f);
  m = fl_map_new();
  CHECK(parse_text(m, text, len, err) == -1 && strstr(err, "too many others"));
  fl_map_free(m);
  f = open_memstream(&text, &len);
  fprintf(f, "flank-map 1\narea zig plain XX Z\nring");
  for (int i = 0; i < 10000; i++) fprintf(f, " 0 0 1 0");
  fprintf(f, " 0.5 -1\narea top plain XX T\nring 0 0 1 0 0.5 1\n");
  fclose(f);
  m = fl_map_new();
  CHECK(parse_text(m, text, len, err) == 0);
  CHECK(fl_map_area(m, 0)->nadj == 1 && fl_map_area(m, 1)->nadj == 1 && fl_map_adjacent(m, 0, 1));
  fl_map_free(m);

  /* Points are capped over the whole map, before anything is copied. */
  m = fl_map_new();
  int half = FL_MAP_MAX_POINTS / 2 + 1;
  double *pts = calloc((size_t)half * 2, sizeof *pts);
  for (int i = 0; i < half; i++) { pts[2 * i] = cos(i * 1e-5); pts[2 * i + 1] = sin(i * 1e-5); }
  CHECK(fl_map_add_area(m, "big", "Big", "plain", "XX", 1) == 0);
  CHECK(fl_map_add_ring(m, 0, 0, pts, half) == 0);
  CHECK(fl_map_add_ring(m, 0, 0, pts, half) == -1);
  free(pts);
  fl_map_free(m);

  /* Random overlapping rings over a few shared points (segments shared by many areas,
   * repeated in a ring, declared adj lines): adjacency equals the pairwise comparison. */
  srand(7);
  int mismatched = 0;
  for (int t = 0; t < 30; t++) {
    f = open_memstream(&text, &len);
    fprintf(f, "flank-map 1\n");
    int n = 3 + rand() % 40;
    for (int i = 0; i < n; i++) {
      fprintf(f, "area a%d plain XX A\n", i);
      for (int r = 1 + rand() % 2; r > 0; r--) {
        fprintf(f, "ring");
        for (int k = 3 + rand() % 6; k > 0; k--) fprintf(f, " %.1f %.1f", (rand() % 4) / 10.0, (rand() % 4) / 10.0);
        fprintf(f, "\n");
      }
    }
    int adj[5][2], nx = rand() % 5;
    for (int x = 0; x < nx; x++) {
      adj[x][0] = rand() % n;
      adj[x][1] = (adj[x][0] + 1 + rand() % (n - 1)) % n;
      fprintf(f, "adj a%d a%d\n", adj[x][0], adj[x][1]);
    }
    fclose(f);
    m = fl_map_new();
    int rc = parse_text(m, text, len, err);
    CHECK(rc == 0);
    if (rc) { fprintf(stderr, "%s\n", err); fl_map_free(m); continue; }
    for (int i = 0; i < n; i++) {
      int want = 0, k = 0;
      for (int j = 0; j < n; j++) {
        int declared = 0;
        for (int x = 0; x < nx; x++) declared |= (adj[x][0] == i && adj[x][1] == j) || (adj[x][0] == j && adj[x][1] == i);
        if (j == i || !(declared || share_segment(fl_map_area(m, i), fl_map_area(m, j)))) continue;
        want++;
        mismatched += k >= fl_map_area(m, i)->nadj || fl_map_area(m, i)->adj[k++] != j;
      }
      mismatched += want != fl_map_area(m, i)->nadj;
    }
    fl_map_free(m);
  }
  CHECK(mismatched == 0);
  return check_done("test_map_scale");
}
