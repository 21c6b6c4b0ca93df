/* libFuzzer: the scenario loader (and the linter) in text mode, under a small instruction budget
 * and memory cap: arbitrary bytes as scenario.lua, then a short game if it loads. */
#define _XOPEN_SOURCE 700
#include "fl_lint.h"
#include "fl_script.h"
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[] = "/tmp/flank-fuzz-scenario-XXXXXX";
static char path[256];

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc; (void)argv;
  if (!mkdtemp(dir)) abort();
  snprintf(path, sizeof path, "%s/fz/scenario.lua", dir);
  char sub[256];
  snprintf(sub, sizeof sub, "%s/fz", dir);
  mkdir(sub, 0700);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FILE *f = fopen(path, "wb");
  if (!f) return 0;
  fwrite(data, 1, size, f);
  fclose(f);
  char err[2048];
  /* every Lua run is capped, and so is the whole game: libFuzzer calls an input that takes 20 s a hang */
  fl_ScriptOpts o = {.mem_limit = 32u << 20, .load_budget = 2000000, .call_budget = 200000, .call_seconds = 2,
                     .game_seconds = 4};
  char where[256];
  snprintf(where, sizeof where, "%s/fz", dir);
  fl_Script *sc = fl_script_load(where, dir, &o, err, sizeof err);
  if (sc) {
    fl_script_play(sc, 1, 200);
    fl_script_free(sc);
  }
  /* the linter reads the same hostile file its own, lenient way */
  fl_lint_free(fl_lint_run_opts(where, dir, NULL, &o));
  return 0;
}
