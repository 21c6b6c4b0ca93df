/* A tiny check library for the C unit tests: CHECK(cond) records a failure with
 * file:line and goes on; main returns check_done(). */
#ifndef FL_CHECK_H
#define FL_CHECK_H
#include <stdio.h>
#include <string.h>

static int check_failed, check_total;

#define CHECK(cond)                                                              \
  do {                                                                           \
    check_total++;                                                               \
    if (!(cond)) { check_failed++; fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); } \
  } while (0)

#define CHECK_STR(a, b)                                                          \
  do {                                                                           \
    const char *a_ = (a), *b_ = (b);                                             \
    check_total++;                                                               \
    if (!a_ || !b_ || strcmp(a_, b_)) {                                          \
      check_failed++;                                                            \
      fprintf(stderr, "%s:%d: expected \"%s\", got \"%s\"\n", __FILE__, __LINE__, b_ ? b_ : "(null)", a_ ? a_ : "(null)"); \
    }                                                                            \
  } while (0)

static inline int check_done(const char *name) {
  printf("%s: %d passed, %d failed\n", name, check_total - check_failed, check_failed);
  return check_failed ? 1 : 0;
}
#endif
