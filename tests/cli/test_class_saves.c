#define _POSIX_C_SOURCE 200809L
/* flank class on saves (the window's way to keep a game): a good save is verified by
 * replaying its own decisions; a save whose state was changed and its checksum redone is
 * tampered; a save with a wrong checksum is corrupt. Driven through cli_main. */
#include "../check.h"
#include "fl_buf.h"
#include "fl_cli.h"
#include "fl_save.h"
#include "fl_str.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define TEACH FLANK_SOURCE_DIR "/tests/script/teach"

/* Rewrite a save's payload checksum after changing its bytes, as a student might. */
static void reseal(unsigned char *data, size_t len) {
  uint64_t sum = fl_fnv64(FL_FNV_INIT, data + 28, len - 28);
  for (int i = 0; i < 8; i++) data[20 + i] = (unsigned char)(sum >> (8 * i));
}

static void write_file(const char *path, const void *p, size_t n) {
  FILE *f = fopen(path, "wb");
  if (f) { fwrite(p, 1, n, f); fclose(f); }
}

int main(void) {
  char err[2048], dir[] = "/tmp/flank_class_saves_XXXXXX", path[512], csv[512];
  if (!mkdtemp(dir)) return 1;
  fl_Script *sc = fl_script_load(TEACH, NULL, NULL, err, sizeof err);
  CHECK(sc != NULL);
  if (!sc) return check_done("test_class_saves");
  fl_script_set_policy(sc, 0, "reckless", err, sizeof err);
  fl_script_play(sc, 7, 0);
  const fl_Def *d = fl_script_def(sc);
  snprintf(path, sizeof path, "%s/good.flanksave", dir);
  CHECK(fl_save_game(path, d, fl_game_state(fl_script_game(sc)), err, sizeof err) == 0);
  size_t len;
  unsigned char *data = (unsigned char *)fl_str_read_file(path, &len);
  CHECK(data && len > 100);
  if (data) {
    /* the last bytes hold the log; the final track values sit before it: change the first
     * double 1.0 -> 2.0 found after the header, then make the checksum right again */
    unsigned char *tampered = malloc(len);
    memcpy(tampered, data, len);
    int changed = 0;
    for (size_t i = 60; i + 8 <= len && !changed; i++) {
      double v;
      memcpy(&v, tampered + i, 8);
      if (v == 30.0) { v = 3.0; memcpy(tampered + i, &v, 8); changed = 1; } /* people hurt: 30 -> 3 */
    }
    CHECK(changed);
    reseal(tampered, len);
    snprintf(path, sizeof path, "%s/tampered.flanksave", dir);
    write_file(path, tampered, len);
    tampered[len - 1] ^= 0x55; /* and one with a wrong checksum */
    snprintf(path, sizeof path, "%s/corrupt.flanksave", dir);
    write_file(path, tampered, len);
    free(tampered);
    free(data);
  }
  fl_script_free(sc);
  snprintf(csv, sizeof csv, "%s/class.csv", dir);
  char *argv[] = {"flank", "class", dir, "--scenario", TEACH, "--runs", "0", "--csv", csv, NULL};
  CHECK(cli_main(9, argv) == EXIT_OK);
  size_t n;
  char *text = fl_str_read_file(csv, &n);
  int rows = 0;
  for (size_t i = 0; text && i < n; i++) rows += text[i] == '\n';
  CHECK(rows == 2); /* the header and the good save */
  CHECK(text && strstr(text, "Student 1,7,ruin,The valley empties,1,") != NULL); /* the save's seed, ending and label */
  free(text);
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  CHECK(system(cmd) == 0);
  return check_done("test_class_saves");
}
