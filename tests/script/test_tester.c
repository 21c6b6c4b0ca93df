#define _POSIX_C_SOURCE 200809L
/* engine/script fl_tester: the report callback's contract, policy sets, sweep files. */
#include "../check.h"
#include "fl_tester.h"
#include <stdlib.h>

#define ROOT FLANK_SOURCE_DIR "/scenarios"
#define FX FLANK_SOURCE_DIR "/tests/cli/fixtures/flank_test/"

typedef struct Seen { int n, ok, with_seed; char first_fail[512], repro[512]; } Seen;

static void on_test(void *ud, const fl_TestCase *tc) {
  Seen *s = ud;
  s->n++;
  s->ok += tc->ok;
  if (!tc->ok && !s->first_fail[0]) snprintf(s->first_fail, sizeof s->first_fail, "%s", tc->message);
  if (tc->repro && !s->repro[0]) snprintf(s->repro, sizeof s->repro, "%s", tc->repro);
  s->with_seed += tc->game != NULL;
}

int main(void) {
  char err[2048];
  Seen seen = {0};
  fl_TestOpts o = {ROOT, 0, 0, on_test, &seen, NULL, 0, NULL};
  int passed = -1;
  /* failing.lua: 1 pass, 2 failures; the first names the line, the values and the seed */
  int failed = fl_test_run_file(FX "failing.lua", &o, &passed, err, sizeof err);
  CHECK(failed == 2 && passed == 1 && seen.n == 3 && seen.ok == 1);
  CHECK(strstr(seen.first_fail, "failing.lua:9: expect(...).eq: expected \"held\", got \"war\"") != NULL);
  CHECK_STR(seen.repro, "flank run tutorial --seed 3 --side council=mines --side adversary=default");
  /* a file that does not load: -1 and file:line */
  CHECK(fl_test_run_file(FX "broken.lua", &o, &passed, err, sizeof err) == -1);
  CHECK(strstr(err, "broken.lua:5:") != NULL);
  /* the tutorial's own tests pass */
  memset(&seen, 0, sizeof seen);
  CHECK(fl_test_run_file(ROOT "/tutorial/tests/rules.lua", &o, &passed, err, sizeof err) == 0);
  CHECK(passed > 0 && seen.n == passed);

  /* policy sets: `all` reaches only the sides that define it; unknown ones are errors */
  fl_Script *sc = fl_script_load("tutorial", ROOT, NULL, err, sizeof err);
  CHECK(sc != NULL);
  if (sc) {
    fl_PolicySet ps = {0};
    ps.all = "mines";
    CHECK(fl_test_apply_policies(sc, &ps, err, sizeof err) == 0);
    CHECK_STR(fl_script_policy(sc, 0), "mines");
    CHECK_STR(fl_script_policy(sc, 1), "default");
    fl_PolicySet back = {0};
    CHECK(fl_test_apply_policies(sc, &back, err, sizeof err) == 0);
    CHECK_STR(fl_script_policy(sc, 0), "default");
    ps.all = "mine";
    CHECK(fl_test_apply_policies(sc, &ps, err, sizeof err) == -1);
    CHECK(strstr(err, "did you mean 'mines'") != NULL);
    fl_PolicySet sides = {0};
    CHECK(fl_test_policy_add(&sides, "adversary", "first") == 0);
    CHECK(fl_test_apply_policies(sc, &sides, err, sizeof err) == 0);
    CHECK_STR(fl_script_policy(sc, 1), "first");
    free(sides.role[0]); free(sides.policy[0]); free(sides.role); free(sides.policy);
    fl_script_free(sc);
  }

  /* sweep files */
  fl_PolicySet *sets = NULL;
  int n = fl_test_load_sweep(FX "sweep.lua", &sets, err, sizeof err);
  CHECK(n == 4);
  if (n == 4) {
    CHECK_STR(sets[1].name, "mine the gap");
    CHECK_STR(sets[1].all, "mines");
    CHECK(sets[2].n == 2);
    CHECK_STR(sets[2].role[0], "adversary"); /* roles sorted */
    CHECK_STR(sets[2].policy[1], "mines");
  }
  fl_test_free_sets(sets, n);
  CHECK(fl_test_load_sweep(FX "failing.lua", &sets, err, sizeof err) == -1);
  return check_done("test_tester");
}
