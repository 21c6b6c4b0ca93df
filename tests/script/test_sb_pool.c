/* fl_sb_pool: the allocator behind every script's Lua state. Blocks keep their bytes when
 * they grow or shrink across size classes and between the pool and malloc, a freed block
 * is handed out again for the same class, and freeing the pool frees everything (ASan
 * and valgrind see leaks; under ASan the pool passes every block to malloc). */
#include "../check.h"
#include "fl_sb_pool.h"
#include <stdlib.h>
#include <string.h>

static int holds(const unsigned char *b, size_t n, unsigned char seed) {
  for (size_t i = 0; i < n; i++)
    if (b[i] != (unsigned char)(seed + i)) return 0;
  return 1;
}

static void fill(unsigned char *b, size_t n, unsigned char seed) {
  for (size_t i = 0; i < n; i++) b[i] = (unsigned char)(seed + i);
}

int main(void) {
  fl_Pool p = {0};

  /* a block grows from 8 bytes through every class into malloc and shrinks back */
  size_t sizes[] = {8, 16, 17, 40, 100, 255, 256, 257, 1000, 5000, 300, 200, 24, 1};
  unsigned char *b = fl_pool_realloc(&p, NULL, 5 /* a new object's type */, sizes[0]);
  CHECK(b != NULL);
  fill(b, sizes[0], 7);
  for (size_t i = 1; i < sizeof sizes / sizeof *sizes; i++) {
    size_t keep = sizes[i - 1] < sizes[i] ? sizes[i - 1] : sizes[i];
    b = fl_pool_realloc(&p, b, sizes[i - 1], sizes[i]);
    CHECK(b != NULL);
    CHECK(holds(b, keep, 7));
    fill(b, sizes[i], 7);
    CHECK(((size_t)b & 15) == 0 || sizes[i] > FL_POOL_MAX); /* Lua's objects need their alignment */
  }
  fl_pool_realloc(&p, b, 1, 0);

  /* many live blocks of mixed sizes keep their own bytes */
  enum { N = 5000 };
  static unsigned char *live[N];
  static size_t len[N];
  for (int i = 0; i < N; i++) {
    len[i] = (size_t)(i * 37 % 300) + 1;
    live[i] = fl_pool_realloc(&p, NULL, 0, len[i]);
    CHECK(live[i] != NULL);
    fill(live[i], len[i], (unsigned char)i);
  }
  for (int i = 0; i < N; i += 2) { fl_pool_realloc(&p, live[i], len[i], 0); live[i] = NULL; }
  for (int i = 0; i < N; i += 2) { /* the freed ones are reused */
    live[i] = fl_pool_realloc(&p, NULL, 0, len[i]);
    fill(live[i], len[i], (unsigned char)i);
  }
  int intact = 1;
  for (int i = 0; i < N; i++) intact &= holds(live[i], len[i], (unsigned char)i);
  CHECK(intact);

  /* a freed small block is the next one of its class */
  void *x = fl_pool_realloc(&p, NULL, 0, 40);
  fl_pool_realloc(&p, x, 40, 0);
  void *y = fl_pool_realloc(&p, NULL, 0, 33); /* 33..48 bytes: the same class */
#if !defined(__SANITIZE_ADDRESS__)
  CHECK(x == y);
#endif
  fl_pool_realloc(&p, y, 33, 0);

  fl_pool_free(&p); /* every slab, including the live blocks' */
  CHECK(p.slabs == NULL);
  return check_done("test_sb_pool");
}
