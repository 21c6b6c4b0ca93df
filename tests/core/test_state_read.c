/* fl_state_read on big and forged saves: 250,000 properties load (keys in order, each
 * appended), and a save whose keys are out of order is refused rather than sorted at
 * n^2 cost. */
#include "../check.h"
#include "fl_state.h"
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(void) {
  fl_Def *d = fl_def_new();
  fl_State *s = fl_state_new(d), *t = fl_state_new(d);
  CHECK(d && s && t);
  enum { N = 250000 };
  char key[32];
  int failed = 0;
  for (int i = 0; i < N; i++) {
    snprintf(key, sizeof key, "k%07d", i);
    failed += fl_props_set_num(&s->vars, key, i);
  }
  CHECK(failed == 0 && s->vars.n == N);
  CHECK(fl_props_moves(&s->vars, "k0000000") == 0 && fl_props_moves(&s->vars, "a") == N && fl_props_moves(&s->vars, "z") == 0);
  fl_Buf b = {0};
  fl_state_write(s, &b, 1);
  CHECK(!b.oom);
  clock_t c0 = clock();
  fl_Reader r = {b.data, b.len, 0, 0};
  CHECK(fl_state_read(t, d, &r) == 0 && t->vars.n == N);
  printf("read %d properties in %.0f ms\n", N, 1000.0 * (double)(clock() - c0) / CLOCKS_PER_SEC);
  const fl_Prop *p = fl_props_get(&t->vars, "k0123456");
  CHECK(p && p->num == 123456);
  /* forge: the first key becomes the largest, so the keys are out of order */
  unsigned char *k = b.data;
  for (size_t i = 0; i + 8 <= b.len; i++)
    if (!memcmp(b.data + i, "k0000000", 8)) { k = b.data + i; break; }
  CHECK(k != b.data);
  memcpy(k, "k9999999", 8);
  fl_Reader r2 = {b.data, b.len, 0, 0};
  CHECK(fl_state_read(t, d, &r2) != 0);
  fl_buf_free(&b);
  fl_state_free(s);
  fl_state_free(t);
  fl_def_free(d);
  return check_done("test_state_read");
}
