/* fl_path: the data folder (a test binary is in no installed tree, so it is the source tree),
 * the user's folder under the XDG rules, "assets/..." files and mkdir -p. */
#define _DEFAULT_SOURCE /* mkdtemp, setenv */
#include "../check.h"
#include "fl_path.h"
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static int is_dir(const char *p) { struct stat st; return stat(p, &st) == 0 && S_ISDIR(st.st_mode); }

static void touch(const char *p) {
  FILE *f = fopen(p, "w");
  if (f) fclose(f);
}

int main(void) {
  char out[PATH_MAX], want[PATH_MAX + 64];

  /* build/tests/test_path has no ../share/flank: the source tree it was built from */
  CHECK(fl_path_data(out, sizeof out) == 0);
  CHECK_STR(out, FLANK_SOURCE_DIR);

  /* $XDG_DATA_HOME/flank, or ~/.local/share/flank; a relative XDG_DATA_HOME is ignored */
  setenv("HOME", "/home/ana", 1);
  setenv("XDG_DATA_HOME", "/data/ana", 1);
  CHECK(fl_path_user("scenarios", out, sizeof out) == 0);
  CHECK_STR(out, "/data/ana/flank/scenarios");
  CHECK(fl_path_user(NULL, out, sizeof out) == 0);
  CHECK_STR(out, "/data/ana/flank");
  setenv("XDG_DATA_HOME", "relative/dir", 1);
  CHECK(fl_path_user("saves", out, sizeof out) == 0);
  CHECK_STR(out, "/home/ana/.local/share/flank/saves");
  setenv("XDG_DATA_HOME", "", 1);
  CHECK(fl_path_user("saves", out, sizeof out) == 0);
  CHECK_STR(out, "/home/ana/.local/share/flank/saves");
  unsetenv("HOME");
  unsetenv("XDG_DATA_HOME");
  CHECK(fl_path_user("saves", out, sizeof out) == -1);
  CHECK_STR(out, "");

  char tmp[] = "/tmp/fl_path_XXXXXX";
  CHECK(mkdtemp(tmp) != NULL);

  /* mkdir -p: nested, again (already there), and refused through a file */
  snprintf(want, sizeof want, "%s/a/b/c", tmp);
  CHECK(fl_path_mkdirs(want) == 0 && is_dir(want));
  CHECK(fl_path_mkdirs(want) == 0);
  snprintf(want, sizeof want, "%s/file", tmp);
  touch(want);
  snprintf(want, sizeof want, "%s/file/sub", tmp);
  CHECK(fl_path_mkdirs(want) == -1 && errno == ENOTDIR);

  /* "assets/...": next to the scenarios folder when it is there (a source or installed tree) */
  char root[PATH_MAX], mine[PATH_MAX + 64];
  snprintf(root, sizeof root, "%s/tree/scenarios", tmp);
  snprintf(want, sizeof want, "%s/tree/assets/maps", tmp);
  CHECK(fl_path_mkdirs(root) == 0 && fl_path_mkdirs(want) == 0);
  snprintf(mine, sizeof mine, "%s/tree/assets/maps/eastern_flank.map", tmp);
  touch(mine);
  fl_path_asset(root, "assets/maps/eastern_flank.map", out, sizeof out);
  snprintf(want, sizeof want, "%s/../assets/maps/eastern_flank.map", root);
  CHECK_STR(out, want);
  /* ... else Flank's own (a scenario kept anywhere else) */
  remove(mine);
  fl_path_asset(root, "assets/maps/eastern_flank.map", out, sizeof out);
  snprintf(want, sizeof want, "%s/assets/maps/eastern_flank.map", FLANK_SOURCE_DIR);
  CHECK_STR(out, want);
  /* ... and a file that is nowhere keeps the first place, for the error message */
  fl_path_asset(root, "assets/maps/nowhere.map", out, sizeof out);
  snprintf(want, sizeof want, "%s/../assets/maps/nowhere.map", root);
  CHECK_STR(out, want);

  char cmd[PATH_MAX + 16];
  snprintf(cmd, sizeof cmd, "rm -rf %s", tmp);
  CHECK(system(cmd) == 0);
  return check_done("test_path");
}
