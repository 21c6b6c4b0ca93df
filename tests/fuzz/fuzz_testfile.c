/* libFuzzer: the test-file runner (flank test FILE): arbitrary bytes as a test file
 * next to a tiny scenario, run with a short timeout and a small budget. */
#define _XOPEN_SOURCE 700
#include "fl_tester.h"
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[] = "/tmp/flank-fuzz-test-XXXXXX";
static char path[256];

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc; (void)argv;
  if (!mkdtemp(dir)) abort();
  char sub[300];
  snprintf(sub, sizeof sub, "%s/fz/tests", dir);
  snprintf(path, sizeof path, "%s/fz", dir);
  mkdir(path, 0700);
  mkdir(sub, 0700);
  snprintf(path, sizeof path, "%s/fz/scenario.lua", dir);
  FILE *f = fopen(path, "w");
  if (!f) abort();
  fputs("scenario { id = \"fz\", title = \"F\", turns = 3 }\nside { id = \"a\" }\n"
        "area { id = \"x\", ring = { {0, 0}, {1, 0}, {1, 1} } }\nending { id = \"e\", default = true }\n"
        "track { id = \"t\", min = 0, max = 10, value = 1 }\n", f);
  fclose(f);
  snprintf(path, sizeof path, "%s/fz/tests/t.lua", dir);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FILE *f = fopen(path, "wb");
  if (!f) return 0;
  fwrite(data, 1, size, f);
  fclose(f);
  char err[2048];
  int passed = 0;
  fl_TestOpts o = {.scenarios_root = dir, .timeout = 2, .budget = 2000000};
  fl_test_run_file(path, &o, &passed, err, sizeof err);
  return 0;
}
