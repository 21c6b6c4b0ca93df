/* Subcommands that are not built yet say so plainly instead of pretending. */
#include "fl_cli.h"

static int not_yet(const char *name) {
  fprintf(stderr, "flank %s: not available in this build yet (see the open issues); "
                  "flank run and flank test work headless\n", name);
  return EXIT_USAGE;
}

#ifndef FLANK_HAVE_UI
int cmd_play(int argc, char **argv) { (void)argc; (void)argv; return not_yet("play"); }
int cmd_render(int argc, char **argv) { (void)argc; (void)argv; return not_yet("render"); }
#endif
int cmd_batch(int argc, char **argv) { (void)argc; (void)argv; return not_yet("batch"); }
int cmd_merge(int argc, char **argv) { (void)argc; (void)argv; return not_yet("merge"); }
int cmd_lint(int argc, char **argv) { (void)argc; (void)argv; return not_yet("lint"); }
int cmd_new(int argc, char **argv) { (void)argc; (void)argv; return not_yet("new"); }
int cmd_doc(int argc, char **argv) { (void)argc; (void)argv; return not_yet("doc"); }
int cmd_test(int argc, char **argv) { (void)argc; (void)argv; return not_yet("test"); }
