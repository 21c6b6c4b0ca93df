/* fl_props_bytes is kept as properties change (the state cap reads it on every growth of
 * a rule call): after any mix of sets, overwrites, deletes, copies and a save's load it
 * equals a count from scratch. */
#include "../check.h"
#include "fl_state.h"
#include "fl_rng.h"
#include <stdio.h>
#include <string.h>

static size_t recount(const fl_Props *ps) {
  size_t b = 0;
  for (int i = 0; i < ps->n; i++) b += sizeof *ps->p + strlen(ps->p[i].key) + 1 + (ps->p[i].str ? strlen(ps->p[i].str) + 1 : 0);
  return b;
}

int main(void) {
  fl_Def *d = fl_def_new();
  fl_State *s = fl_state_new(d), *t = fl_state_new(d);
  CHECK(d && s && t);
  fl_Rng rng;
  fl_rng_seed(&rng, 7, 1);
  int wrong = 0;
  char key[16], val[64];
  for (int step = 0; step < 20000; step++) {
    snprintf(key, sizeof key, "k%d", (int)fl_rng_range(&rng, 0, 99));
    int len = (int)fl_rng_range(&rng, 0, 40);
    memset(val, 'x', (size_t)len);
    val[len] = '\0';
    switch (fl_rng_range(&rng, 0, 3)) {
    case 0: fl_props_set_num(&s->vars, key, step); break;
    case 1: fl_props_set_bool(&s->vars, key, step & 1); break;
    case 2: fl_props_set_str(&s->vars, key, val); break; /* a string over a number, a longer or shorter one */
    default: fl_props_del(&s->vars, key);
    }
    wrong += fl_props_bytes(&s->vars) != recount(&s->vars);
  }
  CHECK(wrong == 0);
  CHECK(s->vars.n > 0 && fl_props_bytes(&s->vars) > 0);
  CHECK(fl_state_copy(t, s) == 0);
  CHECK(fl_props_bytes(&t->vars) == recount(&t->vars) && fl_props_bytes(&t->vars) == fl_props_bytes(&s->vars));
  fl_Buf b = {0};
  fl_state_write(s, &b, 1);
  fl_State *u = fl_state_new(d);
  fl_Reader r = {b.data, b.len, 0, 0};
  CHECK(u && fl_state_read(u, d, &r) == 0);
  CHECK(fl_props_bytes(&u->vars) == recount(&u->vars) && fl_props_bytes(&u->vars) == fl_props_bytes(&s->vars));
  fl_buf_free(&b);
  fl_state_free(s);
  fl_state_free(t);
  fl_state_free(u);
  fl_def_free(d);
  return check_done("test_props_bytes");
}
