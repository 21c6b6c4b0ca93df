/* fl_sb_pool: the small blocks of a Lua state, from free lists of 16-byte size classes
 * (why: fl_sb_pool.c). A zeroed fl_Pool is empty; one pool serves one thread. */
#ifndef FL_SB_POOL_H
#define FL_SB_POOL_H
#include <stddef.h>

#define FL_POOL_MAX 256 /* larger blocks come from malloc */
typedef struct fl_Pool { void *free[FL_POOL_MAX / 16 + 1]; char *cur; size_t left; void *slabs; } fl_Pool;

/* What a lua_Alloc does: free (nsize 0), allocate (ptr NULL) or resize a block whose size
 * is osize. Returns NULL when out of memory (never when shrinking). */
void *fl_pool_realloc(fl_Pool *p, void *ptr, size_t osize, size_t nsize);
void fl_pool_free(fl_Pool *p); /* every slab: the blocks are gone */
#endif
