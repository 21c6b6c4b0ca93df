/* Internal to the scenario test runner (fl_tester.c, fl_tester_game.c). */
#ifndef FL_TESTER_INT_H
#define FL_TESTER_INT_H
#include <lua.h>
#include <stdint.h>
#include "fl_script.h"

/* Give the table on the stack top a metatable whose __index fails on an id of this kind
 * ("track", "ending", ...) that the table lacks, suggesting the nearest. */
void fl_tester_set_strict(lua_State *L, const char *kind);
/* Push the table of sc's game, played from seed: ending, tracks, vars, params, log, board. */
void fl_tester_push_game(lua_State *L, fl_Script *sc, uint64_t seed);
/* Push {mean, median, min, max, p05, p95, sd} of the n values v (sorted in place). */
void fl_tester_push_stats(lua_State *L, double *v, int n);

#endif
