/* libFuzzer: the save parser (fl_save_parse) against the tutorial's definition.
 * With FLANK_FUZZ_SEED_DIR set, first writes a real save there as a seed. */
#include "fl_save.h"
#include "fl_script.h"
#include <stdio.h>
#include <stdlib.h>

static fl_Script *sc;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc; (void)argv;
  char err[1024];
  sc = fl_script_load("tutorial", FLANK_SOURCE_DIR "/scenarios", NULL, err, sizeof err);
  if (!sc) { fprintf(stderr, "%s\n", err); abort(); }
  const char *dir = getenv("FLANK_FUZZ_SEED_DIR");
  if (dir) {
    char path[4096];
    fl_script_play(sc, 3, 6);
    snprintf(path, sizeof path, "%s/mid.save", dir);
    fl_save_game(path, fl_script_def(sc), fl_game_state(fl_script_game(sc)), err, sizeof err);
    fl_script_play(sc, 4, 0);
    snprintf(path, sizeof path, "%s/end.save", dir);
    fl_save_game(path, fl_script_def(sc), fl_game_state(fl_script_game(sc)), err, sizeof err);
  }
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char err[512];
  const fl_Def *d = fl_script_def(sc);
  fl_State *s = fl_state_new(d);
  if (fl_save_parse(data, size, "fuzz.save", d, s, err, sizeof err) == 0) {
    /* a loaded save must be playable on: hand it to the game and take one step */
    fl_Game *g = fl_script_game(sc);
    if (fl_game_set_state(g, s) == 0 && fl_game_status(g) == FL_GAME_WAITING) {
      fl_Choice ch;
      if (fl_script_choose(sc, &ch) == 0) fl_game_choose(g, &ch);
    }
  }
  fl_state_free(s);
  return 0;
}
