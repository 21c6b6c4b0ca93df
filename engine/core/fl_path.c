#define _DEFAULT_SOURCE /* realpath, readlink */
#include "fl_path.h"
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef FLANK_DATA_REL
#define FLANK_DATA_REL "../share/flank"
#endif

static int is_dir(const char *p) { struct stat st; return stat(p, &st) == 0 && S_ISDIR(st.st_mode); }

/* Whether dir looks like Flank's data: it has scenarios/ or assets/. */
static int has_data(const char *dir) {
  char p[PATH_MAX + 16];
  snprintf(p, sizeof p, "%s/scenarios", dir);
  if (is_dir(p)) return 1;
  snprintf(p, sizeof p, "%s/assets", dir);
  return is_dir(p);
}

int fl_path_data(char *out, size_t n) {
  char exe[PATH_MAX], cand[PATH_MAX + 64], real[PATH_MAX];
  /* the kernel resolves symlinks: /usr/local/bin/flank -> /opt/flank/bin/flank gives /opt's */
  ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (len > 0) {
    exe[len] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash) {
      *slash = '\0';
      snprintf(cand, sizeof cand, "%s/%s", exe, FLANK_DATA_REL);
      if (has_data(cand) && realpath(cand, real)) { snprintf(out, n, "%s", real); return 0; }
    }
  }
#ifdef FLANK_SOURCE_DIR
  if (has_data(FLANK_SOURCE_DIR)) { snprintf(out, n, "%s", FLANK_SOURCE_DIR); return 0; }
#endif
  if (n) out[0] = '\0';
  return -1;
}

int fl_path_user(const char *sub, char *out, size_t n) {
  /* XDG base directories: a relative or empty XDG_DATA_HOME is ignored */
  const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
  int k;
  if (xdg && xdg[0] == '/') k = snprintf(out, n, "%s/flank", xdg);
  else if (home && home[0] == '/') k = snprintf(out, n, "%s/.local/share/flank", home);
  else { if (n) out[0] = '\0'; return -1; }
  if (sub && k >= 0 && (size_t)k < n) snprintf(out + k, n - (size_t)k, "/%s", sub);
  return 0;
}

void fl_path_asset(const char *root, const char *rel, char *out, size_t n) {
  struct stat st;
  snprintf(out, n, "%s/../%s", root, rel);
  if (stat(out, &st) == 0) return;
  char data[PATH_MAX];
  if (fl_path_data(data, sizeof data) == 0) {
    char alt[PATH_MAX + 600];
    snprintf(alt, sizeof alt, "%s/%s", data, rel);
    if (stat(alt, &st) == 0) snprintf(out, n, "%s", alt);
  }
}

int fl_path_mkdirs(const char *path) {
  char buf[PATH_MAX];
  if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf) { errno = ENAMETOOLONG; return -1; }
  for (char *p = buf + 1; *p; p++)
    if (*p == '/') {
      *p = '\0';
      if (mkdir(buf, 0777) && errno != EEXIST) return -1;
      *p = '/';
    }
  if (mkdir(buf, 0777) && errno != EEXIST) return -1;
  return is_dir(buf) ? 0 : (errno = ENOTDIR, -1);
}
