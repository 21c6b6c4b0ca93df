/* fl_rng: the engine's random number generator (PCG32, O'Neill 2014).
 * A plain value struct so it can live inside the game state and be saved. */
#ifndef FL_RNG_H
#define FL_RNG_H
#include <stdint.h>

typedef struct fl_Rng { uint64_t state, inc; } fl_Rng;

/* Seed a generator; the stream selects one of 2^63 independent sequences. */
void fl_rng_seed(fl_Rng *r, uint64_t seed, uint64_t stream);
/* Next uniformly distributed 32-bit value. */
uint32_t fl_rng_u32(fl_Rng *r);
/* Uniform double in [0, 1) with 53 bits of randomness. */
double fl_rng_double(fl_Rng *r);
/* Uniform integer in [lo, hi] (inclusive), unbiased; requires lo <= hi. */
int64_t fl_rng_range(fl_Rng *r, int64_t lo, int64_t hi);

#endif
