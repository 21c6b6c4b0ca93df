/* flank: one binary, many subcommands. */
#include "fl_cli.h"

int main(int argc, char **argv) { return cli_main(argc, argv); }
