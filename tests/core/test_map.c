/* fl_map: the text format, derived adjacency, holes, and clear errors. */
#include "../check.h"
#include "fl_map.h"

static const char *GOOD =
  "flank-map 1\n"
  "title Three squares\n"
  "source test data\n"
  "# a comment\n"
  "land XX Elsewhere\n"
  "ring 10 10 11 10 11 11\n"
  "area west plain AA West March\n"
  "ring 0 0 1 0 1 1 0 1\n"
  "area east forest AA East Wood\n"
  "ring 1 0 2 0 2 1 1 1\n"
  "area donut marsh BB Doughnut Fen\n"
  "ring 0 2 3 2 3 5 0 5\n"
  "hole 1 3 2 3 2 4 1 4\n"
  "area isle coast BB Isle\n"
  "ring 5 5 6 5 6 6\n"
  "adj isle donut\n"
  "place town west 0.5 0.5 1000 Wëst Town\n";

static int parse(const char *text, char *err) {
  fl_Map *m = fl_map_new();
  int rc = fl_map_parse(m, text, strlen(text), "t.map", err, 256);
  fl_map_free(m);
  return rc;
}

int main(void) {
  char err[256];
  fl_Map *m = fl_map_new();
  CHECK(fl_map_parse(m, GOOD, strlen(GOOD), "good.map", err, sizeof err) == 0);
  CHECK(fl_map_area_count(m) == 4);
  CHECK(fl_map_land_count(m) == 1);
  CHECK(fl_map_place_count(m) == 1);
  CHECK_STR(fl_map_title(m), "Three squares");
  int w = fl_map_find_area(m, "west"), e = fl_map_find_area(m, "east"), d = fl_map_find_area(m, "donut"),
      i = fl_map_find_area(m, "isle");
  CHECK(fl_map_adjacent(m, w, e) && fl_map_adjacent(m, e, w)); /* shared edge 1,0-1,1 */
  CHECK(!fl_map_adjacent(m, w, d));                            /* touching nothing */
  CHECK(fl_map_adjacent(m, i, d) && fl_map_adjacent(m, d, i)); /* explicit adj */
  CHECK_STR(fl_map_area(m, w)->name, "West March");
  CHECK_STR(fl_map_place(m, 0)->name, "Wëst Town");
  CHECK(fl_map_contains(m, d, 0.5, 2.5));
  CHECK(!fl_map_contains(m, d, 1.5, 3.5));                     /* inside the hole */
  const fl_MapArea *da = fl_map_area(m, d);
  fl_map_compute_labels(m);
  CHECK(fl_map_contains(m, d, da->label[0], da->label[1]));    /* label avoids the hole */
  /* and sits well inside: at least 0.4 from every edge of the 3x3 ring with its 1x1 hole */
  CHECK(da->label[0] > 0.35 && da->label[0] < 2.65 && da->label[1] > 2.35 && da->label[1] < 4.65);
  CHECK(!(da->label[0] > 0.6 && da->label[0] < 2.4 && da->label[1] > 2.6 && da->label[1] < 4.4));
  double b[4];
  fl_map_bounds(m, b);
  CHECK(b[0] == 0 && b[1] == 0 && b[2] == 11 && b[3] == 11);
  fl_map_free(m);

  /* Every error names the file and line. */
  CHECK(parse("flank-map 2\n", err) == -1 && strstr(err, "t.map:1:"));
  CHECK(parse("flank-map 1\narea x plain AA X\nring 0 0 1 0\n", err) == -1 && strstr(err, "t.map:3:") && strstr(err, "at least 3"));
  CHECK(parse("flank-map 1\narea X plain AA X\n", err) == -1 && strstr(err, "t.map:2:"));
  CHECK(parse("flank-map 1\narea x plain AA X\nring 0 0 1 0 1 1\narea x plain AA Y\n", err) == -1 && strstr(err, "duplicate"));
  CHECK(parse("flank-map 1\nhole 0 0 1 0 1 1\n", err) == -1 && strstr(err, "before any area"));
  CHECK(parse("flank-map 1\narea x plain AA X\nring 0 0 1 0 1 nan\n", err) == -1);
  CHECK(parse("flank-map 1\narea x plain AA X\nring 0 0 1 0 1 95\n", err) == -1 && strstr(err, "out of range"));
  CHECK(parse("flank-map 1\narea x plain AA X\n", err) == -1 && strstr(err, "no ring"));
  CHECK(parse("flank-map 1\nplace p nowhere 1 1 1 P\n", err) == -1 && strstr(err, "unknown area"));
  CHECK(parse("flank-map 1\nfrobnicate\n", err) == -1 && strstr(err, "unknown record"));
  CHECK(parse("", err) == -1);

  /* The shipped map loads, and the Suwałki Gap touches Lithuania and Kaliningrad. */
  m = fl_map_new();
  int rc = fl_map_load(m, FLANK_SOURCE_DIR "/assets/maps/eastern_flank.map", err, sizeof err);
  CHECK(rc == 0);
  if (rc) fprintf(stderr, "%s\n", err);
  int gap = fl_map_find_area(m, "suwalki_gap");
  CHECK(gap >= 0);
  CHECK(fl_map_area_count(m) >= 30);
  for (int k = 0; k < fl_map_area_count(m); k++) CHECK(fl_map_area(m, k)->nadj > 0);
  fl_map_free(m);
  return check_done("test_map");
}
