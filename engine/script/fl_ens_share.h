/* fl_ens_share: the games of one seed under several policy sets, played as one game for as
 * long as the sets choose alike. An ensemble's policies often agree for the first months
 * (three of the flagship's five council policies make the same twelve months of choices), and
 * the world's dice depend only on the seed and the choices, so the shared turns need to be
 * played once: where the sets' choices part, the game's state is copied and each branch plays
 * on. Every set's outcome is the one its own game gives (tests/cli/test_ens_share.sh compares
 * whole batches with FLANK_ENSEMBLE_SHARE=0). Internal to fl_ensemble. */
#ifndef FL_ENS_SHARE_H
#define FL_ENS_SHARE_H
#include <stdint.h>
#include "fl_script_int.h"

/* One set's players: per side, a registry reference to its policy function (0: built in) and
 * its name, taken from the script after fl_test_apply_policies (fl_ens_share_take). */
typedef struct fl_EnsPlayers { int ref[FL_MAX_SIDES]; char *name[FL_MAX_SIDES]; } fl_EnsPlayers;

/* Copy the script's current players into p (references of its own: free with fl_ens_share_drop). */
int fl_ens_share_take(fl_Script *sc, fl_EnsPlayers *p);
void fl_ens_share_drop(fl_Script *sc, fl_EnsPlayers *p);

/* Where each set's outcome goes. */
typedef struct fl_EnsOut { int *ending, *turns; double *val; int ntrack; } fl_EnsOut;

/* Play seed under sets set[0..n) (same parameters; the script's parameters and fast mode already
 * set for them) and write set k's outcome to slot slot[k] of out. 0: done; -1: play them one by
 * one instead — a game failed or a call ran long (the exact replay must be its own game), rule
 * code printed, or it changed a file-level local (state outside the store cannot be copied). */
int fl_ens_share_seed(fl_Script *sc, const fl_EnsPlayers *pl, const int *set, const size_t *slot, int n,
                      uint64_t seed, const fl_EnsOut *out);

#endif
