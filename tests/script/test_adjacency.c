#define _POSIX_C_SOURCE 200809L
/* The boards of the shipped scenarios, built from area{} definitions and map files:
 * every area's neighbours equal tests/golden/adjacency/<scenario>.txt, recorded from
 * the engine before area lookups and adjacency were rewritten for big boards. */
#include "../check.h"
#include "fl_script.h"
#include "fl_str.h"
#include <stdio.h>
#include <stdlib.h>

#define ROOT FLANK_SOURCE_DIR "/scenarios"

/* "id: neighbour neighbour ...\n" per area, in area order; the caller frees it. */
static char *adjacency_text(const fl_Map *m) {
  char *text = NULL;
  size_t len;
  FILE *f = open_memstream(&text, &len);
  for (int i = 0; i < fl_map_area_count(m); i++) {
    const fl_MapArea *a = fl_map_area(m, i);
    fprintf(f, "%s:", a->id);
    for (int k = 0; k < a->nadj; k++) fprintf(f, " %s", fl_map_area(m, a->adj[k])->id);
    fprintf(f, "\n");
  }
  fclose(f);
  return text;
}

int main(void) {
  static const char *const shipped[] = {"tutorial", "eastern_flank", "river_crossing", "suwalki_gap"};
  for (size_t s = 0; s < sizeof shipped / sizeof *shipped; s++) {
    char err[2048], golden[512];
    fl_Script *sc = fl_script_load(shipped[s], ROOT, NULL, err, sizeof err);
    CHECK(sc != NULL);
    if (!sc) { fprintf(stderr, "%s\n", err); continue; }
    snprintf(golden, sizeof golden, "%s/tests/golden/adjacency/%s.txt", FLANK_SOURCE_DIR, shipped[s]);
    size_t len;
    char *want = fl_str_read_file(golden, &len), *got = adjacency_text(fl_script_def(sc)->map);
    CHECK(want && got);
    if (want && got && strcmp(want, got)) {
      fprintf(stderr, "%s: adjacency differs from %s; now:\n%s", shipped[s], golden, got);
      CHECK_STR(got, want);
    }
    free(want);
    free(got);
    fl_script_free(sc);
  }
  return check_done("test_adjacency");
}
