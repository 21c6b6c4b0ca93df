/* libFuzzer: the map-data loader (fl_map_parse) on arbitrary bytes. */
#include "fl_map.h"
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char err[512];
  fl_Map *m = fl_map_new();
  if (fl_map_parse(m, (const char *)data, size, "fuzz.map", err, sizeof err) == 0) {
    for (int i = 0; i < fl_map_area_count(m); i++) fl_map_contains(m, i, 0.5, 0.5);
  }
  fl_map_free(m);
  return 0;
}
