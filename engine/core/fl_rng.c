#include "fl_rng.h"

void fl_rng_seed(fl_Rng *r, uint64_t seed, uint64_t stream) {
  r->state = 0;
  r->inc = (stream << 1u) | 1u;
  fl_rng_u32(r);
  r->state += seed;
  fl_rng_u32(r);
}

uint32_t fl_rng_u32(fl_Rng *r) {
  uint64_t old = r->state;
  r->state = old * 6364136223846793005ULL + r->inc;
  uint32_t xorshifted = (uint32_t)(((old >> 18u) ^ old) >> 27u);
  uint32_t rot = (uint32_t)(old >> 59u);
  return (xorshifted >> rot) | (xorshifted << ((-rot) & 31));
}

double fl_rng_double(fl_Rng *r) {
  uint64_t hi = fl_rng_u32(r) >> 5, lo = fl_rng_u32(r) >> 6;
  return (double)(hi * 67108864.0 + lo) / 9007199254740992.0;
}

int64_t fl_rng_range(fl_Rng *r, int64_t lo, int64_t hi) {
  uint64_t span = (uint64_t)hi - (uint64_t)lo + 1u;
  if (span == 0) /* full 64-bit range */
    return (int64_t)(((uint64_t)fl_rng_u32(r) << 32) | fl_rng_u32(r));
  /* rejection sampling removes modulo bias */
  uint64_t limit = UINT64_MAX - (UINT64_MAX % span);
  uint64_t x;
  do {
    x = ((uint64_t)fl_rng_u32(r) << 32) | fl_rng_u32(r);
  } while (x >= limit);
  return (int64_t)((uint64_t)lo + x % span);
}
