/* libFuzzer: the command-line parser. The input is split at newlines into
 * arguments of `flank run` or `flank replay` (chosen by the first byte); options
 * that write files are dropped so the fuzzer cannot litter. */
#define _XOPEN_SOURCE 700
#include "fl_cli.h"
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc; (void)argv;
  if (chdir(FLANK_SOURCE_DIR) != 0) abort();
  int null = open("/dev/null", O_WRONLY);
  dup2(null, 1);
  dup2(null, 2);
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
  cli_main(argc, argv);
  free(buf);
  return 0;
}
