/* fl_ensemble: many games of one scenario — N seeds per policy set — played on worker
 * threads, and where one game falls among them ("fewer war casualties than 80% of games
 * under stay_in_treaty"). Each worker has its own fl_Script (Lua states are not shared);
 * game i always has the same seed and policy set and its result goes into slot i, so
 * the results never depend on the number of threads. flank batch, flank class and the
 * window's debrief ("your game among many") all run games through it. */
#ifndef FL_ENSEMBLE_H
#define FL_ENSEMBLE_H
#include <stddef.h>
#include <stdint.h>
#include "fl_script.h"
#include "fl_tester.h"

#define FL_ENSEMBLE_RUNS 500 /* games per policy set unless asked otherwise */

typedef struct fl_EnsembleSpec {
  const char *where, *scenarios_root;  /* the scenario every worker loads (fl_script_load) */
  const fl_ScriptOpts *opts;           /* language, budgets, --set values; NULL: defaults */
  fl_Script *script0;                  /* optional: an already loaded script for worker 0 (borrowed;
                                        * its policies and game change; free it after the run) */
  const fl_PolicySet *sets; int nset;  /* who plays each set's games (borrowed) */
  uint64_t seed_base;                  /* game k of a set has seed seed_base + k (a debrief: 1) */
  uint64_t runs;                       /* games per set; 0: FL_ENSEMBLE_RUNS */
  int threads;                         /* worker threads; 0: the machine's cores */
  /* Optional: called from the thread running fl_ensemble_run, about every 50 ms, with the
   * games finished so far (never from a worker). */
  void (*progress)(void *ud, size_t done, size_t total);
  void *ud;
  int exact;                           /* count every instruction in every game (no fast mode,
                                        * fl_fast.c); results are the same either way */
  int cache;                           /* read the results from the disk cache when they are there,
                                        * and keep them there after playing (fl_ens_cache.c) */
  int background;                      /* workers run at a lower priority (nice 10 on Linux): games
                                        * played ahead while a window is in use */
} fl_EnsembleSpec;

typedef struct fl_Ensemble {
  int nset, ntrack, nending;     /* copied from the spec and the scenario */
  uint64_t runs, seed_base;
  size_t n;                      /* nset * runs games; game i: set i / runs, seed base + i % runs */
  int *ending;                   /* per game: ending index in the scenario, -1 unfinished */
  int *turns;                    /* per game: the turn it ended on */
  double *val;                   /* per game: every track's final value (n * ntrack, row-major) */
  char **set_name;               /* per set (owned copies) */
  /* private: */
  void *impl;
} fl_Ensemble;

/* Prepare a run (nothing plays yet). NULL with the reason in err (bad spec, out of memory). */
fl_Ensemble *fl_ensemble_new(const fl_EnsembleSpec *spec, char *err, size_t errn);
/* Play every game; blocks until done or cancelled. 0: all played; 1: cancelled; 2: a worker
 * could not load the scenario or apply a policy set; 3: a game failed (err names its seed,
 * the lowest failing game, whatever the threads). */
int fl_ensemble_run(fl_Ensemble *e, char *err, size_t errn);
/* Ask a running fl_ensemble_run to stop soon (any thread; safe to call at any time). */
void fl_ensemble_cancel(fl_Ensemble *e);
/* Games finished so far (any thread). */
size_t fl_ensemble_done(const fl_Ensemble *e);
/* Games played a second time with instruction counting, because a call ran long or the
 * game failed (fl_fast.c); a figure for benchmarks. */
size_t fl_ensemble_replays(const fl_Ensemble *e);
/* Games that shared their first turns with other policy sets of the same seed (fl_ens_share.c). */
size_t fl_ensemble_shared(const fl_Ensemble *e);
/* 1 when the last run read its results from the disk cache instead of playing. */
int fl_ensemble_cached(const fl_Ensemble *e);
void fl_ensemble_free(fl_Ensemble *e);

/* The policy sets a debrief compares with: one per policy the scenario defines for `side`
 * (every policy id when side < 0), each played by every side that defines it. Returns the
 * count (*sets malloc'd; free with fl_test_free_sets). */
int fl_ensemble_default_sets(const fl_Script *sc, int side, fl_PolicySet **sets);

/* Where a value of track t falls among the games of set s (-1: all sets): games with a
 * lower value, the same, a higher one. */
typedef struct fl_Standing { size_t below, equal, above, n; } fl_Standing;
fl_Standing fl_ensemble_standing(const fl_Ensemble *e, int s, int t, double value);
/* The standing in words, in the language in use, e.g. "Civilian casualties (war): better
 * than in 80% of the 500 games played with the policy “Stay in the treaty”, the same as in
 * 12%, worse than in 8% (lower is better)." names: what people read for each set (NULL:
 * the set names). The one place the window and play --text get the sentence from. */
const char *fl_ensemble_phrase(const fl_Ensemble *e, const fl_Def *d, const char *const *names, int s, int t, double value,
                               char *buf, size_t n);

#endif
