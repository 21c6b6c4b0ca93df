/* flank test: not built yet; says so plainly instead of pretending. */
#include "fl_cli.h"

int cmd_test(int argc, char **argv) {
  (void)argc;
  (void)argv;
  fprintf(stderr, "flank test: not available in this build yet; flank run and flank replay work headless\n");
  return EXIT_USAGE;
}
