/* Where scenarios are found: the lookup order of scenario ids (CLI_LOOKUP in cli_help.c says
 * it in words), computed once per process, before any batch worker thread asks. */
#define _POSIX_C_SOURCE 200809L
#include "fl_cli.h"
#include "fl_path.h"
#include "fl_str.h"
#include <dirent.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { MAX_DIRS = 32 };

static struct {
  char data[PATH_MAX], shipped[PATH_MAX + 16];
  char path[MAX_DIRS * 256];
  char dir[MAX_DIRS][PATH_MAX];
  const char *from[MAX_DIRS];
  int n;
} P;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void add(const char *dir, const char *from) {
  size_t used = strlen(P.path), len = strlen(dir);
  if (!*dir || P.n == MAX_DIRS || len >= PATH_MAX || used + len + 2 > sizeof P.path) return;
  if (used) P.path[used++] = ':';
  memcpy(P.path + used, dir, len + 1);
  snprintf(P.dir[P.n], sizeof P.dir[P.n], "%s", dir);
  P.from[P.n++] = from;
}

static void init(void) {
  if (fl_path_data(P.data, sizeof P.data) == 0) snprintf(P.shipped, sizeof P.shipped, "%s/scenarios", P.data);
  const char *env = getenv("FLANK_SCENARIOS");
  char one[PATH_MAX];
  for (const char *p = env ? env : ""; *p;) {
    size_t k = strcspn(p, ":");
    if (k && k < sizeof one) { snprintf(one, sizeof one, "%.*s", (int)k, p); add(one, "FLANK_SCENARIOS"); }
    p += k + (p[k] == ':');
  }
  if (fl_path_user("scenarios", one, sizeof one) == 0) add(one, "$XDG_DATA_HOME/flank/scenarios");
  add(P.shipped, "the scenarios shipped with Flank");
}

const char *cli_data_dir(void) { pthread_once(&once, init); return P.data; }
const char *cli_scenarios_root(void) { pthread_once(&once, init); return P.shipped; }
const char *cli_scenario_path(void) { pthread_once(&once, init); return P.path; }
int cli_scenario_dirs(void) { pthread_once(&once, init); return P.n; }

const char *cli_scenario_dir(int i, const char **from) {
  pthread_once(&once, init);
  if (i < 0 || i >= P.n) return NULL;
  if (from) *from = P.from[i];
  return P.dir[i];
}

static int has_scenario(const char *dir, const char *id) {
  char p[PATH_MAX + 80];
  struct stat st;
  snprintf(p, sizeof p, "%s/%s/scenario.lua", dir, id);
  return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

int cli_which(const char *cmd, const char *where) {
  char dir[PATH_MAX], err[2048], want[PATH_MAX + 80];
  if (fl_script_resolve(where, cli_scenario_path(), dir, sizeof dir, err, sizeof err)) {
    fprintf(stderr, "flank %s: %s\n", cmd, err);
    return EXIT_USAGE;
  }
  int shown = 0, id = fl_str_is_id(where);
  for (int i = 0; i < cli_scenario_dirs() && id; i++) {
    if (!has_scenario(P.dir[i], where)) continue;
    snprintf(want, sizeof want, "%s/%s", P.dir[i], where);
    if (!shown && strcmp(want, dir)) { printf("%s: %s (a path: it comes before ids)\n", where, dir); shown = 1; }
    if (!shown) printf("%s: %s (from %s)\n", where, want, P.from[i]);
    else printf("%s: also in %s (%s), not used: the first found wins\n", where, want, P.from[i]);
    shown = 1;
  }
  if (!shown) printf("%s: %s (a path)\n", where, dir);
  return EXIT_OK;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int cli_scenario_ids(char **ids, int max) {
  int n = 0;
  for (int i = 0; i < cli_scenario_dirs(); i++) {
    DIR *d = opendir(P.dir[i]);
    struct dirent *e;
    while (d && (e = readdir(d)) && n < max) {
      if (!fl_str_is_id(e->d_name) || !has_scenario(P.dir[i], e->d_name)) continue;
      int seen = 0;
      for (int k = 0; k < n && !seen; k++) seen = !strcmp(ids[k], e->d_name);
      if (!seen && (ids[n] = fl_str_dup(e->d_name))) n++;
    }
    if (d) closedir(d);
  }
  qsort(ids, (size_t)n, sizeof ids[0], cmp_str);
  return n;
}
