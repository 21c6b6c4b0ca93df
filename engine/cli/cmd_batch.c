/* flank batch: not built yet; says so plainly instead of pretending. */
#include "fl_cli.h"

int cmd_batch(int argc, char **argv) {
  (void)argc;
  (void)argv;
  fprintf(stderr, "flank batch: not available in this build yet; flank run and flank replay work headless\n");
  return EXIT_USAGE;
}
