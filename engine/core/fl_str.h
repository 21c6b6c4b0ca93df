/* fl_str: small string helpers shared by every layer. */
#ifndef FL_STR_H
#define FL_STR_H
#include <stddef.h>
#include <stdio.h>

/* malloc'd copy of s (NULL gives NULL); caller frees. */
char *fl_str_dup(const char *s);
/* Edit distance between a and b (Levenshtein, capped at 255). */
int fl_str_distance(const char *a, const char *b);
/* The candidate closest to word if it is close enough to be a likely typo, else NULL. */
const char *fl_str_suggest(const char *word, const char *const *cands, int n);
/* The same for a definition's key: also a word designers use for one of cands ("neighbours"
 * for "adjacent"), when that one is among them. */
const char *fl_str_suggest_key(const char *word, const char *const *cands, int n);
/* Whether s is a valid identifier: [a-z0-9_], starting with a letter or '_', 1-63 chars. */
int fl_str_is_id(const char *s);
/* Write "name:line: message" into err (n bytes) and return -1, for parsers' errors. */
int fl_str_errorf(char *err, size_t n, const char *name, int line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Read a whole regular file of at most FL_STR_MAX_FILE bytes into a malloc'd
 * NUL-terminated buffer; NULL on error (errno set; fl_str_read_why says why). */
#define FL_STR_MAX_FILE ((size_t)64 << 20)
char *fl_str_read_file(const char *path, size_t *len);
/* The same; pipes = 1 also reads a FIFO (a file the user named on the command line, as
 * "--sweep <(...)"), up to the same limit. */
char *fl_str_read_file_ex(const char *path, size_t *len, int pipes);
/* Why the last fl_str_read_file failed: "not a regular file", "larger than 64 MiB" or strerror. */
const char *fl_str_read_why(void);
/* Write s as one CSV cell: quoted when it holds a comma, a quote or a line break, and a
 * cell starting with = + - @ (a spreadsheet formula) quoted with a leading apostrophe. */
void fl_str_csv_cell(FILE *f, const char *s);
/* A read cell without the apostrophe fl_str_csv_cell put before a formula character. */
const char *fl_str_csv_unformula(const char *cell);
/* Write text from a scenario, a policy, a save... to a terminal: control characters
 * (ESC, CR, BEL, C1...) as \xNN, so a script cannot clear the screen, retitle the terminal
 * or overwrite a line; newlines kept only if lines is set. */
void fl_str_fput_term(FILE *f, const char *s, int lines);
/* Remember that the engine read path as source; whether it did (thread-safe). */
void fl_str_note_loaded(const char *path);
int fl_str_was_loaded(const char *path);
/* The first control character in s[0..n) (C0 but tab, and newline if lines is set; DEL;
 * C1 as UTF-8), or -1: texts that reach a terminal are refused with one. */
int fl_str_ctl(const char *s, size_t n, int lines);
/* Whether path, symlinks resolved, lies inside folder dir. */
int fl_str_inside(const char *path, const char *dir);

#endif
