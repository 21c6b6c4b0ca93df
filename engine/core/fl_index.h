/* fl_index: a hash index from string ids to small integers (array positions), so
 * that finding an id and spotting a duplicate cost O(1) while a table of thousands of
 * areas is built. The index borrows its keys: each must stay valid and unchanged while
 * it is in the index (ids owned by the array being indexed). */
#ifndef FL_INDEX_H
#define FL_INDEX_H

typedef struct fl_IndexSlot { const char *key; int val; } fl_IndexSlot;
typedef struct fl_Index { fl_IndexSlot *slot; int cap, n; } fl_Index;

/* Start empty with `fl_Index x = {0};`. Release the slots (not the keys) with fl_index_free. */
void fl_index_free(fl_Index *x);
/* The value stored for key, or -1. */
int fl_index_get(const fl_Index *x, const char *key);
/* Store key -> val (val >= 0). 0 stored; 1 the key was there already (its value is kept,
 * *first set to it when first is not NULL); -1 out of memory. */
int fl_index_put(fl_Index *x, const char *key, int val, int *first);

#endif
