#define _POSIX_C_SOURCE 200809L
/* engine/script: loading, the Lua API tests (api/scenario.lua), determinism, resets,
 * budgets, memory caps and the error messages of broken scenarios. */
#include "../check.h"
#include "fl_script.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define ROOT FLANK_SOURCE_DIR "/scenarios"

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + t.tv_nsec / 1e9;
}

int main(void) {
  char err[2048];
  /* The API checks: every assert in api/scenario.lua holds. */
  fl_Script *api = fl_script_load(FLANK_SOURCE_DIR "/tests/script/api", ROOT, NULL, err, sizeof err);
  CHECK(api != NULL);
  if (!api) fprintf(stderr, "%s\n", err);
  else {
    int st = fl_script_play(api, 1, 0);
    CHECK(st == FL_GAME_ENDED);
    if (st != FL_GAME_ENDED) fprintf(stderr, "%s\n", fl_game_error(fl_script_game(api)));
    const fl_State *s = fl_game_state(fl_script_game(api));
    CHECK(s->ending == 0 && s->turn == 2);
    /* an unavailable option says why, in the scenario's words */
    fl_Game *ag = fl_script_game(api);
    CHECK(fl_game_start(ag, 1) == FL_GAME_WAITING && !fl_game_available(ag, 1));
    CHECK_STR(fl_game_unavailable_reason(ag, 1), "never offered");
    fl_script_free(api);
  }

  /* The tutorial: 1000 seeds in one Lua state; each seed twice gives the same game. */
  fl_Script *sc = fl_script_load("tutorial", ROOT, NULL, err, sizeof err);
  CHECK(sc != NULL);
  if (!sc) { fprintf(stderr, "%s\n", err); return check_done("test_script"); }
  fl_Game *g = fl_script_game(sc);
  int endings[8] = {0}, same = 1;
  uint64_t first = 0, distinct = 0;
  double t0 = now();
  for (uint64_t seed = 1; seed <= 1000; seed++) {
    CHECK(fl_script_play(sc, seed, 0) == FL_GAME_ENDED);
    uint64_t h = fl_state_hash(fl_game_state(g));
    if (seed == 1) first = h; else distinct += h != first;
    endings[fl_game_state(g)->ending]++;
  }
  double per_game = (now() - t0) / 1000;
  for (uint64_t seed = 1; seed <= 50; seed++) {
    fl_script_play(sc, seed, 0);
    uint64_t h1 = fl_state_hash(fl_game_state(g));
    fl_script_play(sc, seed, 0);
    same &= h1 == fl_state_hash(fl_game_state(g));
  }
  CHECK(same);
  CHECK(distinct > 900); /* different seeds, different games */
  printf("tutorial: %.1f us per game; endings war=%d split=%d held=%d\n", per_game * 1e6, endings[0], endings[1], endings[2]);
  CHECK(endings[2] > 0);

  /* Policies: by name, unknown ones with a suggestion, and files. */
  CHECK(fl_script_set_policy(sc, 0, "mines", err, sizeof err) == 0);
  CHECK(fl_script_set_policy(sc, 0, "mine", err, sizeof err) == -1 && strstr(err, "did you mean 'mines'"));
  CHECK(fl_script_set_policy(sc, 0, "random", err, sizeof err) == 0);
  CHECK(fl_script_play(sc, 3, 0) == FL_GAME_ENDED);
  fl_script_free(sc);

  /* Tampering is confined to the scenario that does it: a hostile scenario fails in its
   * own Lua state while another scenario in the same process plays on unchanged. */
  fl_Script *evil = fl_script_load(FLANK_SOURCE_DIR "/tests/hostile/tamper_string_metatable", ROOT, NULL, err, sizeof err);
  fl_Script *good = fl_script_load("tutorial", ROOT, NULL, err, sizeof err);
  CHECK(evil && good);
  if (evil && good) {
    fl_script_play(good, 5, 0);
    uint64_t before = fl_state_hash(fl_game_state(fl_script_game(good)));
    CHECK(fl_script_play(evil, 1, 0) == FL_GAME_ERROR);
    fl_Script *evil2 = fl_script_load(FLANK_SOURCE_DIR "/tests/hostile/doubling", ROOT, NULL, err, sizeof err);
    CHECK(evil2 && fl_script_play(evil2, 1, 0) == FL_GAME_ERROR); /* memory cap hit in its own state */
    fl_script_free(evil2);
    CHECK(fl_script_play(good, 5, 0) == FL_GAME_ENDED);
    CHECK(fl_state_hash(fl_game_state(fl_script_game(good))) == before);
  }
  fl_script_free(evil);
  fl_script_free(good);

  /* A file-level local changed by a game is put back before the next game starts: the
   * second game in one state is the first game of a fresh one. */
  fl_Script *up = fl_script_load(FLANK_SOURCE_DIR "/tests/script/upvalue", ROOT, NULL, err, sizeof err);
  CHECK(up != NULL);
  if (up) {
    CHECK(fl_script_play(up, 1, 0) == FL_GAME_ENDED);
    CHECK(fl_game_state(fl_script_game(up))->tracks[0].value == 1);
    CHECK(fl_script_play(up, 2, 0) == FL_GAME_ENDED);
    CHECK(fl_game_state(fl_script_game(up))->tracks[0].value == 1);
    fl_script_free(up);
  }

  /* flank.lang picks a scenario's text table; an untranslated language falls back to English. */
  const char *langs[][2] = {{"lt", "Kalbos"}, {"pl", "Languages"}, {NULL, "Languages"}};
  for (int i = 0; i < 3; i++) {
    fl_ScriptOpts lo = {0};
    lo.lang = langs[i][0];
    fl_Script *ls = fl_script_load(FLANK_SOURCE_DIR "/tests/script/lang", ROOT, &lo, err, sizeof err);
    CHECK(ls != NULL);
    if (ls) CHECK_STR(fl_script_def(ls)->title, langs[i][1]);
    fl_script_free(ls);
  }
  fl_ScriptOpts badlang = {0};
  badlang.lang = "../x";
  CHECK(fl_script_load(FLANK_SOURCE_DIR "/tests/script/lang", ROOT, &badlang, err, sizeof err) == NULL && strstr(err, "language"));

  /* Unknown scenario ids get a suggestion. */
  CHECK(fl_script_load("tutorail", ROOT, NULL, err, sizeof err) == NULL && strstr(err, "did you mean 'tutorial'"));
  /* A whole game's clock (fl_ScriptOpts.game_seconds): every day's event stays under the call
   * limits, the game does not, and it stops at its deadline with the limit named. */
  fl_ScriptOpts gl = {.game_seconds = 0.3};
  fl_Script *slow = fl_script_load(FLANK_SOURCE_DIR "/tests/hostile/test_play_deadline", ROOT, &gl, err, sizeof err);
  CHECK(slow != NULL);
  if (slow) {
    double t1 = now();
    CHECK(fl_script_play(slow, 1, 0) == FL_GAME_ERROR);
    CHECK(now() - t1 < 3);
    CHECK(strstr(fl_game_error(fl_script_game(slow)), "time limit exceeded") != NULL);
    fl_script_free(slow);
  }
  return check_done("test_script");
}
