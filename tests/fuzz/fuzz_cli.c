/* libFuzzer: the command-line parser. The input is split at newlines into
 * arguments of `flank run` or `flank replay` (chosen by the first byte); options
 * that write files are dropped so the fuzzer cannot litter. */
#define _XOPEN_SOURCE 700
#include "fl_cli.h"
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int null_fd = -1;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc; (void)argv;
  if (chdir(FLANK_SOURCE_DIR) != 0) abort();
  null_fd = open("/dev/null", O_WRONLY);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0 || size > 4096) return 0;
  char *buf = malloc(size + 1);
  memcpy(buf, data + 1, size - 1);
  buf[size - 1] = '\0';
  char *argv[34] = {"flank", data[0] & 1 ? "replay" : "run"};
  int argc = 2;
  for (char *tok = strtok(buf, "\n"); tok && argc < 33; tok = strtok(NULL, "\n")) {
    if (!strcmp(tok, "--log") || !strcmp(tok, "--out") || !strcmp(tok, "--help") || !strcmp(tok, "-h")) continue;
    argv[argc++] = tok;
  }
  argv[argc] = NULL;
  /* flank's own output goes nowhere; libFuzzer's reports keep stderr */
  fflush(stdout);
  fflush(stderr);
  int out = dup(1), err = dup(2);
  dup2(null_fd, 1);
  dup2(null_fd, 2);
  cli_main(argc, argv);
  fflush(stdout);
  fflush(stderr);
  dup2(out, 1);
  dup2(err, 2);
  close(out);
  close(err);
  free(buf);
  return 0;
}
