/* fl_str: small string helpers shared by every layer. */
#ifndef FL_STR_H
#define FL_STR_H
#include <stddef.h>

/* malloc'd copy of s (NULL gives NULL); caller frees. */
char *fl_str_dup(const char *s);
/* Edit distance between a and b (Levenshtein, capped at 255). */
int fl_str_distance(const char *a, const char *b);
/* The candidate closest to word if it is close enough to be a likely typo, else NULL. */
const char *fl_str_suggest(const char *word, const char *const *cands, int n);
/* Whether s is a valid identifier: [a-z0-9_], starting with a letter or '_', 1-63 chars. */
int fl_str_is_id(const char *s);
/* Write "name:line: message" into err (n bytes) and return -1, for parsers' errors. */
int fl_str_errorf(char *err, size_t n, const char *name, int line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Read a whole file into a malloc'd NUL-terminated buffer; NULL on error (errno set). */
char *fl_str_read_file(const char *path, size_t *len);

#endif
