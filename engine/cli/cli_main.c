/* The dispatcher: flank COMMAND ARGS. main.c calls it; fuzzers call it too. */
#include "fl_cli.h"
#include <string.h>

#ifndef FLANK_VERSION
#define FLANK_VERSION "dev"
#endif

static const char EXIT_CODES[] =
  "Exit codes:\n"
  "  0  success\n"
  "  1  a test or a verification failed\n"
  "  2  bad usage, or a scenario/save/replay that does not load (file:line: what is wrong)\n"
  "  3  a script error during play (file, line, turn and event or decision)\n";

static void usage(FILE *f) {
  fprintf(f, "flank %s: scenario-based board-game simulations (SDL2 window, Lua 5.4 scenarios)\n\n"
             "Usage: flank COMMAND [ARGS]   (flank COMMAND --help for details)\n"
             "       flank --version (-V, flank version)\n\nCommands:\n", FLANK_VERSION);
  for (const Cmd *c = CLI_COMMANDS; c->name; c++) fprintf(f, "  %-8s %s\n", c->name, c->summary);
  fprintf(f, "\nA file argument or option given as - is standard input or output.\n");
  fprintf(f, "Scenarios are folders with a scenario.lua; shipped ones are found by id in %s.\n\n%s",
          cli_scenarios_root(), EXIT_CODES);
}

int cli_main(int argc, char **argv) {
  if (argc < 2) { usage(stderr); return EXIT_USAGE; }
  if (cli_is_help(argv[1]) || !strcmp(argv[1], "help")) {
    if (argc > 2 && cli_find(argv[2])) { cli_print_help(cli_find(argv[2])); return EXIT_OK; }
    usage(stdout);
    return EXIT_OK;
  }
  if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V") || !strcmp(argv[1], "version")) {
    if (argc > 2 && !cli_is_help(argv[2])) { fprintf(stderr, "flank version: takes no arguments\n"); return EXIT_USAGE; }
    printf("flank %s\n", FLANK_VERSION);
    return EXIT_OK;
  }
  const Cmd *c = cli_find(argv[1]);
  if (!c) {
    const char *names[32];
    int n = 0;
    for (const Cmd *k = CLI_COMMANDS; k->name; k++) names[n++] = k->name;
    extern const char *fl_str_suggest(const char *, const char *const *, int);
    const char *s = fl_str_suggest(argv[1], names, n);
    fprintf(stderr, "flank: unknown command '%s'%s%s%s (flank --help lists them)\n", argv[1],
            s ? "; did you mean '" : "", s ? s : "", s ? "'?" : "");
    return EXIT_USAGE;
  }
  for (int i = 2; i < argc; i++)
    if (cli_is_help(argv[i])) { cli_print_help(c); return EXIT_OK; }
    else if (!strcmp(argv[i], "--")) break;
  return c->run(argc - 1, argv + 1);
}
