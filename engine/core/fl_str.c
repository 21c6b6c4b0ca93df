#define _GNU_SOURCE /* realpath, O_CLOEXEC */
#include "fl_str.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *fl_str_dup(const char *s) {
  if (!s) return NULL;
  size_t n = strlen(s) + 1;
  char *d = malloc(n);
  if (d) memcpy(d, s, n);
  return d;
}

/* Optimal string alignment distance: Levenshtein plus adjacent transpositions,
 * so "rnu" is one edit from "run". */
int fl_str_distance(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  if (la > 64 || lb > 64) return 255;
  static const int INF = 1000;
  int d[65][65];
  for (size_t i = 0; i <= la; i++) d[i][0] = (int)i;
  for (size_t j = 0; j <= lb; j++) d[0][j] = (int)j;
  for (size_t i = 1; i <= la; i++)
    for (size_t j = 1; j <= lb; j++) {
      int best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
      if (d[i - 1][j] + 1 < best) best = d[i - 1][j] + 1;
      if (d[i][j - 1] + 1 < best) best = d[i][j - 1] + 1;
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
        best = d[i - 2][j - 2] + 1;
      d[i][j] = best < INF ? best : INF;
    }
  return d[la][lb] > 255 ? 255 : d[la][lb];
}

const char *fl_str_suggest(const char *word, const char *const *cands, int n) {
  const char *best = NULL;
  int bestd = 1000;
  for (int i = 0; i < n; i++) {
    if (!cands[i]) continue;
    int d = fl_str_distance(word, cands[i]);
    if (d < bestd) { bestd = d; best = cands[i]; }
  }
  size_t len = strlen(word);
  int limit = len <= 3 ? 1 : len <= 6 ? 2 : 3;
  return bestd <= limit ? best : NULL;
}

int fl_str_is_id(const char *s) {
  if (!s || !*s || (*s >= '0' && *s <= '9')) return 0;
  size_t n = 0;
  for (; *s; s++, n++)
    if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_')) return 0;
  return n < 64;
}

static _Thread_local const char *read_why; /* why the last fl_str_read_file refused, or NULL */

const char *fl_str_read_why(void) { return read_why ? read_why : strerror(errno); }

/* Only a regular file, opened without blocking (a FIFO would wait for a writer for
 * ever) and only up to FL_STR_MAX_FILE: /dev/zero, a device or a sparse 1 GB file is
 * refused before a byte is read. */
char *fl_str_read_file(const char *path, size_t *len) { return fl_str_read_file_ex(path, len, 0); }

char *fl_str_read_file_ex(const char *path, size_t *len, int pipes) {
  read_why = NULL;
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return NULL;
  struct stat st;
  if (fstat(fd, &st) != 0) { close(fd); return NULL; }
  int pipe = pipes && S_ISFIFO(st.st_mode); /* "--sweep <(...)": what the user typed, read up to the cap */
  if (!S_ISREG(st.st_mode) && !pipe) { close(fd); read_why = "not a regular file"; errno = EINVAL; return NULL; }
  if (st.st_size > (off_t)FL_STR_MAX_FILE) { close(fd); read_why = "larger than 64 MiB"; errno = EFBIG; return NULL; }
  if (pipe) fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  size_t cap = pipe ? FL_STR_MAX_FILE + 2 : (size_t)st.st_size + 1, n = 0;
  char *buf = malloc(pipe ? 4096 : cap), *nb;
  size_t have = pipe ? 4096 : cap;
  if (!buf) { close(fd); return NULL; }
  for (;;) { /* the file may shrink or grow while it is read: never past cap */
    if (n + 1 >= have && have < cap) {
      have = have * 2 < cap ? have * 2 : cap;
      if (!(nb = realloc(buf, have))) { free(buf); close(fd); return NULL; }
      buf = nb;
    }
    ssize_t got = read(fd, buf + n, have - n - 1);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) { free(buf); close(fd); return NULL; }
    n += (size_t)got;
    if (got == 0 || n + 1 >= cap) break;
  }
  close(fd);
  if (n > FL_STR_MAX_FILE) { free(buf); read_why = "larger than 64 MiB"; errno = EFBIG; return NULL; }
  buf[n] = '\0';
  if (len) *len = n;
  return buf;
}

int fl_str_inside(const char *path, const char *dir) {
  char rp[PATH_MAX], rd[PATH_MAX];
  if (!realpath(path, rp) || !realpath(dir, rd)) return 0;
  size_t k = strlen(rd);
  return strncmp(rp, rd, k) == 0 && (rp[k] == '/' || (k == 1 && rd[0] == '/'));
}

int fl_str_errorf(char *err, size_t n, const char *name, int line, const char *fmt, ...) {
  char msg[400];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  snprintf(err, n, "%s:%d: %s", name, line, msg);
  return -1;
}

void fl_str_csv_cell(FILE *f, const char *s) {
  /* a cell a spreadsheet would run as a formula (OWASP, CSV injection): quoted, with a
   * leading apostrophe; readers of flank's CSV (fl_str_csv_unformula) take it off again */
  char *end;
  int number = s[0] && !s[strspn(s, "+-0123456789.eE")] && (strtod(s, &end), *end == 0); /* -3 is a number, not a formula */
  int formula = s[0] && strchr("=+-@\t\r", s[0]) && !number;
  if (!formula && !s[strcspn(s, ",\"\r\n")] && s[0] != ' ' && s[0] != '#') { fputs(s, f); return; }
  fputc('"', f);
  if (formula) fputc('\'', f);
  for (; *s; s++) {
    if (*s == '"') fputc('"', f);
    fputc(*s == '\n' || *s == '\r' ? ' ' : *s, f); /* one record, one line */
  }
  fputc('"', f);
}

const char *fl_str_csv_unformula(const char *cell) {
  return cell[0] == '\'' && cell[1] && strchr("=+-@\t\r", cell[1]) ? cell + 1 : cell;
}

void fl_str_fput_term(FILE *f, const char *s, int lines) {
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if ((c < 0x20 && c != '\t' && !(lines && c == '\n')) || c == 0x7f) fprintf(f, "\\x%02x", c);
    else if (c == 0xc2 && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] < 0xa0) { /* C1 controls (CSI...) */
      fprintf(f, "\\u%04x", (unsigned char)s[1]);
      s++;
    } else fputc(c, f);
  }
}

/* The files the engine itself read as source (scenario, modules, maps, policies, tests):
 * the error printer shows lines of these only, never of a path a message merely names. */
static struct { char *path[256]; int n; pthread_mutex_t mu; } loaded = {.mu = PTHREAD_MUTEX_INITIALIZER};

void fl_str_note_loaded(const char *path) {
  pthread_mutex_lock(&loaded.mu);
  int have = 0;
  for (int i = 0; i < loaded.n && !have; i++) have = !strcmp(loaded.path[i], path);
  if (!have && loaded.n < 256) {
    char *d = fl_str_dup(path);
    if (d) loaded.path[loaded.n++] = d;
  }
  pthread_mutex_unlock(&loaded.mu);
}

int fl_str_was_loaded(const char *path) {
  pthread_mutex_lock(&loaded.mu);
  int have = 0;
  for (int i = 0; i < loaded.n && !have; i++) have = !strcmp(loaded.path[i], path);
  pthread_mutex_unlock(&loaded.mu);
  return have;
}

int fl_str_ctl(const char *s, size_t n, int lines) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if ((c < 0x20 && c != '\t' && !(lines && c == '\n')) || c == 0x7f) return c;
    if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] < 0xa0) return (unsigned char)s[i + 1];
  }
  return -1;
}

const char *fl_str_suggest_key(const char *word, const char *const *cands, int n) {
  static const char *const syn[][2] = {
    {"neighbours", "adjacent"}, {"neighbors", "adjacent"}, {"borders", "adjacent"}, {"links", "adjacent"},
    {"adjacency", "adjacent"}, {"description", "text"}, {"desc", "text"}, {"probability", "chance"},
    {"prob", "chance"}, {"condition", "when"}, {"if", "when"}, {"targets", "target"}, {"sides", "side"},
  };
  for (size_t i = 0; i < sizeof syn / sizeof syn[0]; i++)
    if (!strcmp(word, syn[i][0]))
      for (int k = 0; k < n; k++)
        if (!strcmp(cands[k], syn[i][1])) return cands[k];
  return fl_str_suggest(word, cands, n);
}
