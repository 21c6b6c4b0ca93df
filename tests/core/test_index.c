/* fl_index: ids to positions, duplicates found, and it stays right as it grows. */
#include "../check.h"
#include "fl_index.h"
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  fl_Index x = {0};
  CHECK(fl_index_get(&x, "anything") == -1); /* empty */
  CHECK(fl_index_put(&x, "kaunas", 0, NULL) == 0);
  CHECK(fl_index_put(&x, "vilnius", 1, NULL) == 0);
  int first = -1;
  CHECK(fl_index_put(&x, "kaunas", 7, &first) == 1 && first == 0); /* a duplicate keeps the first */
  CHECK(fl_index_get(&x, "kaunas") == 0 && fl_index_get(&x, "vilnius") == 1);
  CHECK(fl_index_get(&x, "riga") == -1 && fl_index_get(&x, "") == -1);
  fl_index_free(&x);
  CHECK(fl_index_get(&x, "kaunas") == -1);

  /* 100,000 keys: every one found at its position through all the growing. */
  enum { N = 100000 };
  char (*keys)[16] = malloc(N * sizeof *keys);
  int put_failed = 0, wrong = 0;
  for (int i = 0; i < N; i++) {
    snprintf(keys[i], sizeof keys[i], "a%d", i);
    put_failed += fl_index_put(&x, keys[i], i, NULL) != 0;
  }
  for (int i = 0; i < N; i++) wrong += fl_index_get(&x, keys[i]) != i;
  CHECK(put_failed == 0 && wrong == 0);
  CHECK(x.n == N && x.cap >= 2 * N);
  CHECK(fl_index_get(&x, "a100000") == -1 && fl_index_put(&x, "a99999", 0, &first) == 1 && first == N - 1);
  fl_index_free(&x);
  free(keys);
  return check_done("test_index");
}
