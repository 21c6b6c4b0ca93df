/* fl_str_read_file reads regular files only, and only up to 64 MiB: a FIFO (which would
 * block for ever), /dev/zero (endless) and a sparse 1 GB file are refused before a byte is
 * read. fl_str_inside sees through symlinks. */
#define _GNU_SOURCE
#include "../check.h"
#include "fl_str.h"
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void) {
  char dir[] = "/tmp/flank-test-files-XXXXXX", p[256], q[256];
  CHECK(mkdtemp(dir) != NULL);
  snprintf(p, sizeof p, "%s/ok.txt", dir);
  FILE *f = fopen(p, "w");
  fputs("hello\n", f);
  fclose(f);
  size_t n = 0;
  char *t = fl_str_read_file(p, &n);
  CHECK(t && n == 6 && !strcmp(t, "hello\n"));
  free(t);

  snprintf(q, sizeof q, "%s/fifo", dir);
  CHECK(mkfifo(q, 0600) == 0);
  CHECK(fl_str_read_file(q, &n) == NULL);
  CHECK_STR(fl_str_read_why(), "not a regular file");
  CHECK(fl_str_read_file("/dev/zero", &n) == NULL);
  CHECK_STR(fl_str_read_why(), "not a regular file");

  snprintf(q, sizeof q, "%s/sparse", dir);
  int fd = open(q, O_CREAT | O_WRONLY, 0600);
  CHECK(fd >= 0 && ftruncate(fd, (off_t)1 << 30) == 0);
  close(fd);
  CHECK(fl_str_read_file(q, &n) == NULL);
  CHECK_STR(fl_str_read_why(), "larger than 64 MiB");

  snprintf(q, sizeof q, "%s/link", dir);
  CHECK(symlink("/etc/passwd", q) == 0);
  CHECK(!fl_str_inside(q, dir) && fl_str_inside(p, dir));
  CHECK(!fl_str_was_loaded("/etc/passwd"));
  fl_str_note_loaded(p);
  CHECK(fl_str_was_loaded(p));

  char cmd[300];
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  CHECK(system(cmd) == 0);
  return check_done("test_str_files");
}
