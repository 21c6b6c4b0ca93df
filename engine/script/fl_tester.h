/* fl_tester: scenario tests (`flank test`) and policy sets for batches.
 * A test file (a scenario's tests folder, tests/NAME.lua) runs in its own sandboxed Lua state
 * with three globals: test(name, [opts], fn), play{...} and expect(v). play{}
 * runs the scenario in a separate fl_Script, loaded once per file and reset per
 * seed. This is the only part of the test runner that touches Lua. */
#ifndef FL_TESTER_H
#define FL_TESTER_H
#include <stddef.h>
#include "fl_script.h"

/* The outcome of one test, passed to the report callback (strings borrowed for the call). */
typedef struct fl_TestCase {
  const char *file;      /* the test file */
  const char *name;      /* test("name", ...) */
  int ok;                /* 1 passed, 0 failed */
  const char *message;   /* failure: "file:line: what" (NULL when ok) */
  const char *source;    /* the failing line of the test file, trimmed, or NULL */
  const char *game;      /* the last play{} of the test: "seed 7" or "seeds 1..1000", or NULL */
  const char *repro;     /* a flank command that replays that play{}, or NULL */
  double seconds;        /* wall time of the test */
} fl_TestCase;

typedef void (*fl_TestReport)(void *ud, const fl_TestCase *tc);

typedef struct fl_TestOpts {
  const char *scenarios_root;  /* where play{ scenario = "id" } looks */
  double timeout;              /* seconds per test; 0: 60 (a test may set {timeout = s}) */
  long long budget;            /* VM instructions of test code per test; 0: 1 billion */
  fl_TestReport report;        /* called after each test (may be NULL) */
  void *ud;                    /* passed to report */
  const char *const *set;      /* "ID=VALUE" parameter values every play{} starts from (--set) */
  int nset;
  const char *lang;            /* flank.lang of every play{} without its own lang (--lang; NULL: "en") */
} fl_TestOpts;

/* Run every test in one file. Returns the number of failed tests (and the passed
 * ones in *passed), or -1 if the file does not load, with "file:line: what" in err. */
int fl_test_run_file(const char *path, const fl_TestOpts *opts, int *passed, char *err, size_t errn);

/* The globals a test file has beyond a scenario's sandbox: "test", "play", "expect", NULL
 * (flank doc writes them into docs/flank.d.lua and .luacheckrc). */
const char *const *fl_test_globals(void);

/* Who plays each side: `all` for every side that has that policy, then role=policy pairs. */
typedef struct fl_PolicySet {
  char *name;              /* shown in outputs (owned) */
  char *all;               /* NULL or a policy for every side that defines it (owned) */
  int n;                   /* role/policy pairs */
  char **role, **policy;   /* owned arrays of owned strings */
  int nparam;              /* parameter values for this set's games ("id=value", owned), */
  char **param;            /* on top of the script's own (--set); a sweep's sets differ here */
} fl_PolicySet;

/* Put every side of sc back to "default" and its parameters back to the values it was
 * loaded with, then apply the set. 0 ok; -1 with message in err. */
int fl_test_apply_policies(fl_Script *sc, const fl_PolicySet *ps, char *err, size_t errn);
/* Add a parameter value "id=value" to a set (copied). 0 ok, -1 out of memory. */
int fl_test_param_add(fl_PolicySet *ps, const char *spec);
/* Add role=policy to a set (copies the strings). 0 ok, -1 out of memory. */
int fl_test_policy_add(fl_PolicySet *ps, const char *role, const char *policy);
/* Load a sweep file, `return { {name = "x", policy = "p"}, {name = "y", side = {role = "p"}} }`,
 * in a sandbox without io/os. Returns the number of sets (*sets malloc'd, free with
 * fl_test_free_sets), or -1 with "file:line: what" in err. */
int fl_test_load_sweep(const char *path, fl_PolicySet **sets, char *err, size_t errn);
/* Free the strings of n sets and the array itself. */
void fl_test_free_sets(fl_PolicySet *sets, int n);

#endif
