/* The dispatcher: flank COMMAND ARGS. main.c calls it; fuzzers call it too. */
#include "fl_cli.h"
#include <string.h>

#ifndef FLANK_VERSION
#define FLANK_VERSION "dev"
#endif

int cli_main(int argc, char **argv) {
  if (argc < 2) { cli_usage(stderr); return EXIT_USAGE; }
  if (cli_is_help(argv[1]) || !strcmp(argv[1], "help")) {
    if (argc > 2 && cli_find(argv[2])) { cli_print_help(cli_find(argv[2])); return EXIT_OK; }
    /* for the build and the shell: the manual page, and what bash completion offers */
    if (argc > 2 && !strcmp(argv[2], "--man")) { cli_man(stdout); return EXIT_OK; }
    if (argc > 2 && !strcmp(argv[2], "--complete")) return cli_complete(argc - 3, argv + 3);
    cli_usage(stdout);
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
  cli_command = c->name; /* its errors start "flank COMMAND: " */
  return c->run(argc - 1, argv + 1);
}
