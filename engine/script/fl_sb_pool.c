/* fl_sb_pool: the small blocks of a script's Lua state, from size classes.
 *
 * Lua allocates and frees many small objects (tables, closures, short strings) in every
 * call; glibc's malloc and free cost as much as the rule code that makes them. Blocks of
 * up to FL_POOL_MAX bytes come from 64 KiB slabs in 16-byte classes and go back to their
 * class's free list; larger ones from malloc. Lua always tells the allocator a block's
 * size, so a block's class is known without a header. A script's slabs live as long as
 * its state (fl_sb_close frees them); the memory cap counts what Lua asks for, as before.
 * Under AddressSanitizer every block comes from malloc, so it still sees each one. */
#include "fl_sb_pool.h"
#include <stdlib.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#define POOL_OFF 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define POOL_OFF 1
#endif
#endif
#ifndef POOL_OFF
#define POOL_OFF 0
#endif

#define SLAB ((size_t)64 << 10)
#define SMALL(n) ((n) > 0 && (n) <= FL_POOL_MAX && !POOL_OFF)

static void *get(fl_Pool *p, size_t n) {
  size_t c = (n + 15) >> 4;
  void *b = p->free[c];
  if (b) { p->free[c] = *(void **)b; return b; }
  size_t sz = c << 4;
  if (p->left < sz) {
    char *s = malloc(SLAB);
    if (!s) return NULL;
    *(void **)s = p->slabs; /* the first 16 bytes link the slabs */
    p->slabs = s;
    p->cur = s + 16;
    p->left = SLAB - 16;
  }
  b = p->cur;
  p->cur += sz;
  p->left -= sz;
  return b;
}

static void put(fl_Pool *p, void *b, size_t n) {
  size_t c = (n + 15) >> 4;
  *(void **)b = p->free[c];
  p->free[c] = b;
}

void *fl_pool_realloc(fl_Pool *p, void *ptr, size_t osize, size_t nsize) {
  if (!ptr) osize = 0;
  if (nsize == 0) {
    if (SMALL(osize)) put(p, ptr, osize); else free(ptr);
    return NULL;
  }
  if (!SMALL(osize) && !SMALL(nsize)) return realloc(ptr, nsize);
  if (SMALL(osize) && SMALL(nsize) && (osize + 15) >> 4 == (nsize + 15) >> 4) return ptr;
  void *q = SMALL(nsize) ? get(p, nsize) : malloc(nsize);
  if (!q) return nsize <= osize ? ptr : NULL; /* Lua counts on a shrink not failing: keep the
                                                 larger block (a malloc'd one is then lost) */
  if (ptr) {
    memcpy(q, ptr, osize < nsize ? osize : nsize);
    if (SMALL(osize)) put(p, ptr, osize); else free(ptr);
  }
  return q;
}

void fl_pool_free(fl_Pool *p) {
  while (p->slabs) {
    void *next = *(void **)p->slabs;
    free(p->slabs);
    p->slabs = next;
  }
  memset(p, 0, sizeof *p);
}
