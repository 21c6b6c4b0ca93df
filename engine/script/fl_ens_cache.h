/* fl_ens_cache: an ensemble's results kept on disk, keyed by everything its games depend
 * on (why and where: fl_ens_cache.c). fl_ensemble_run uses it when the spec asks. */
#ifndef FL_ENS_CACHE_H
#define FL_ENS_CACHE_H
#include <stdint.h>
#include "fl_ensemble.h"

/* 0 when FLANK_NO_CACHE is set (and not "0"): nothing is read, kept or played ahead. */
int fl_ens_cache_on(void);
/* The key of e's games, played by scripts loaded like sc0 with opts o, under sets (e->nset
 * of them); 0 when there is no cache (FLANK_NO_CACHE, no home folder). e->ntrack is set. */
uint64_t fl_ens_cache_key(const fl_Ensemble *e, fl_Script *sc0, const fl_ScriptOpts *o, const fl_PolicySet *sets);
/* Fill e's results from the cache: 1 if a whole, matching file was read; 0 otherwise (e's
 * results are then zero). e->val must be allocated. */
int fl_ens_cache_load(fl_Ensemble *e, uint64_t key);
/* Keep e's results (all played) under key; failures are silent: it is only a cache. */
void fl_ens_cache_save(const fl_Ensemble *e, uint64_t key);
#endif
