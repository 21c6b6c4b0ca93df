/* libFuzzer: the sweep-file loader (flank batch --sweep FILE): arbitrary bytes as a
 * sweep file, in its sandbox (budget, memory cap, clock). */
#define _XOPEN_SOURCE 700
#include "fl_tester.h"
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char dir[] = "/tmp/flank-fuzz-sweep-XXXXXX";
static char path[256];

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc; (void)argv;
  if (!mkdtemp(dir)) abort();
  snprintf(path, sizeof path, "%s/sweep.lua", dir);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FILE *f = fopen(path, "wb");
  if (!f) return 0;
  fwrite(data, 1, size, f);
  fclose(f);
  char err[2048];
  fl_PolicySet *sets = NULL;
  int n = fl_test_load_sweep(path, &sets, err, sizeof err);
  if (n >= 0) fl_test_free_sets(sets, n);
  return 0;
}
