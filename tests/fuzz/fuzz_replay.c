/* libFuzzer: the replay-log parser (fl_replay_parse) on arbitrary bytes. */
#include "fl_replay.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char err[512];
  fl_Replay r;
  if (fl_replay_parse(&r, (const char *)data, size, "fuzz.log", err, sizeof err) == 0) fl_replay_free(&r);
  return 0;
}
