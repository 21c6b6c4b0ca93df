#include "fl_index.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint32_t hash(const char *s) { /* FNV-1a */
  uint32_t h = 2166136261u;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
  return h;
}

/* The slot holding key, or the empty slot where it would go (cap is a power of two). */
static fl_IndexSlot *find(fl_IndexSlot *slot, int cap, const char *key) {
  uint32_t mask = (uint32_t)cap - 1;
  for (uint32_t h = hash(key) & mask;; h = (h + 1) & mask)
    if (!slot[h].key || strcmp(slot[h].key, key) == 0) return &slot[h];
}

void fl_index_free(fl_Index *x) {
  free(x->slot);
  x->slot = NULL;
  x->cap = x->n = 0;
}

int fl_index_get(const fl_Index *x, const char *key) {
  if (!x->cap) return -1;
  const fl_IndexSlot *s = find(x->slot, x->cap, key);
  return s->key ? s->val : -1;
}

int fl_index_put(fl_Index *x, const char *key, int val, int *first) {
  if (x->cap) {
    fl_IndexSlot *s = find(x->slot, x->cap, key);
    if (s->key) {
      if (first) *first = s->val;
      return 1;
    }
  }
  if ((x->n + 1) * 2 > x->cap) { /* at most half full; doubling keeps n puts O(n) in all */
    if (x->cap > (1 << 29)) return -1;
    int cap = x->cap ? x->cap * 2 : 16;
    fl_IndexSlot *ns = calloc((size_t)cap, sizeof *ns);
    if (!ns) return -1;
    for (int i = 0; i < x->cap; i++)
      if (x->slot[i].key) *find(ns, cap, x->slot[i].key) = x->slot[i];
    free(x->slot);
    x->slot = ns;
    x->cap = cap;
  }
  *find(x->slot, x->cap, key) = (fl_IndexSlot){key, val};
  x->n++;
  return 0;
}
