/* The texts about flank as a whole, written from the one command table (commands.c) and the
 * constants below: `flank --help`, the manual page (`flank help --man`, installed as flank.1)
 * and the words bash completion offers (`flank help --complete`). The man page is made from
 * the same strings as --help at build time, so the two cannot drift. */
#define _POSIX_C_SOURCE 200809L
#include "fl_cli.h"
#include "fl_str.h"
#include <ctype.h>
#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef FLANK_VERSION
#define FLANK_VERSION "dev"
#endif

static const char ABOUT[] =
  "Flank plays scenario-based, board-game-style simulations: a real map in an SDL2 window,\n"
  "scenarios written in Lua 5.4, and headless games for tests and Monte Carlo batches.\n";

const char CLI_LOOKUP[] =
  "SCENARIO is a path (a folder with scenario.lua, or that file) or the id of a scenario,\n"
  "looked up in this order; the first folder that has the id wins, and\n"
  "flank run --which ID says where it was found:\n"
  "  1. FLANK_SCENARIOS        folders separated by ':'\n"
  "  2. $XDG_DATA_HOME/flank/scenarios  (default ~/.local/share/flank/scenarios) your own and\n"
  "                          downloaded scenarios; flank new --user NAME creates one there\n"
  "  3. share/flank/scenarios  the scenarios installed with Flank, found from the binary as\n"
  "                          ../share/flank (a binary in a build tree uses its source tree)\n";

static const char EXIT_CODES[] =
  "  0  success\n"
  "  1  a test or a verification failed\n"
  "  2  bad usage, or a scenario/save/replay that does not load (file:line: what is wrong)\n"
  "  3  a script error during play (file, line, turn and event or decision)\n";

static const char ENVIRONMENT[] =
  "  FLANK_SCENARIOS   folders searched first for scenario ids, separated by ':'\n"
  "  XDG_DATA_HOME     your scenarios (flank/scenarios) and saved games (flank/saves);\n"
  "                    default ~/.local/share\n"
  "  FLANK_FONT        a TrueType font file for the window instead of DejaVu Sans\n"
  "  XDG_CACHE_HOME    the games \"among many\" already played (flank/ensembles); default ~/.cache\n"
  "  FLANK_NO_CACHE    set to 1 to play them again every time\n"
  "  FLANK_ENSEMBLE_SHARE  set to 0 to play every game of a batch by itself (the same results,\n"
  "                    slower; for comparison, docs/teaching.md)\n"
  "  DISPLAY, WAYLAND_DISPLAY  the display flank play opens its window on\n";

static const char FILES[] =
  "  ../share/flank/scenarios (from the binary)  the shipped scenarios and their tests\n"
  "  ../share/flank/assets    maps (assets/maps, from Natural Earth) and the template of flank new\n"
  "  ../share/doc/flank       the README, the scenario guide, API reference and model documents\n"
  "  $XDG_DATA_HOME/flank/scenarios  your scenarios, found by id\n"
  "  $XDG_DATA_HOME/flank/saves      saved games, one file per turn\n";

/* ---- flank --help ------------------------------------------------------------------ */

void cli_usage(FILE *f) {
  fprintf(f, "flank %s: scenario-based board-game simulations (SDL2 window, Lua 5.4 scenarios)\n\n"
             "Usage: flank COMMAND [ARGS]   (flank COMMAND --help for details)\n"
             "       flank --version (-V, flank version)\n\nCommands:\n", FLANK_VERSION);
  for (const Cmd *c = CLI_COMMANDS; c->name; c++) fprintf(f, "  %-8s %s\n", c->name, c->summary);
  fprintf(f, "\nA file argument or option given as - is standard input or output.\n");
  fprintf(f, "\n%s", CLI_LOOKUP);
  fputs("Here:", f);
  for (int i = 0; i < cli_scenario_dirs(); i++) fprintf(f, "%s %s", i ? ", then" : "", cli_scenario_dir(i, NULL));
  if (!*cli_scenarios_root()) fputs(" (Flank's data folder share/flank was not found)", f);
  fprintf(f, "\n\nEnvironment:\n%s\nExit codes:\n%s", ENVIRONMENT, EXIT_CODES);
}

/* ---- the manual page ------------------------------------------------------------------ */

/* Write s for roff: escape backslashes and minus signs; a line must not start with . or '. */
static void roff(FILE *f, const char *s, size_t n) {
  for (size_t i = 0; i < n && s[i]; i++) {
    char c = s[i];
    if (c == '\\') fputs("\\e", f);
    else if (c == '-') fputs("\\-", f);
    else if ((c == '.' || c == '\'') && (i == 0 || s[i - 1] == '\n')) fprintf(f, "\\&%c", c);
    else fputc(c, f);
  }
}

static void roff_str(FILE *f, const char *s) { roff(f, s, strlen(s)); }

/* An item line of a help text ("  --seed N   what it does", or with list = 1 any "  NAME  what"):
 * where its label ends and its description starts. The label ends at a gap of two spaces, or
 * after one placeholder word (FILE.svg) when there is no gap. 0 if the line is no item. */
static int item_line(const char *line, size_t len, int list, size_t *label_end, size_t *desc) {
  size_t i = strspn(line, " ");
  if (i == 0 || i > 3 || i >= len || (line[i] != '-' && !list)) return 0;
  size_t end = len;
  for (size_t k = i; k + 1 < len; k++)
    if (line[k] == ' ' && line[k + 1] == ' ') { end = k; break; }
  if (end == len) {
    if (list) return 0;
    for (end = i; end < len && line[end] != ' ';) end++;
    if (end < len) {
      size_t w = end + 1, we = w;
      while (we < len && line[we] != ' ') we++;
      int upper = 0;
      for (size_t k = w; k < we && k < len; k++) upper |= isupper((unsigned char)line[k]);
      if (upper) end = we;
    }
  }
  size_t d = end;
  while (d < len && line[d] == ' ') d++;
  *label_end = end;
  *desc = d;
  return 1;
}

/* A help text as roff: option lines (with list = 1: every "  NAME  what" line) become tagged
 * paragraphs, which their continuation lines (indented deeper) join; other lines join into
 * filled paragraphs. An option's name is bold, its value italic. */
static void roff_help(FILE *f, const char *text, int list) {
  enum { NONE, PROSE, OPTION } in = NONE;
  for (const char *p = text; *p;) {
    const char *nl = strchr(p, '\n');
    size_t len = nl ? (size_t)(nl - p) : strlen(p);
    size_t lab, desc, ind = strspn(p, " ");
    if (len == 0) in = NONE;
    else if (item_line(p, len, list, &lab, &desc)) {
      size_t sp = p[ind] == '-' ? strcspn(p + ind, " ") : lab - ind;
      if (ind + sp > lab) sp = lab - ind;
      fputs(".TP\n\\fB", f);
      roff(f, p + ind, sp);
      fputs("\\fR", f);
      if (ind + sp < lab) { fputs(" \\fI", f); roff(f, p + ind + sp + 1, lab - ind - sp - 1); fputs("\\fR", f); }
      fputc('\n', f);
      if (desc < len) { roff(f, p + desc, len - desc); fputc('\n', f); }
      in = OPTION;
    } else if (in == OPTION && ind >= 4) {
      roff(f, p + ind, len - ind);
      fputc('\n', f);
    } else {
      if (in != PROSE) fputs(".PP\n", f);
      roff(f, p + ind, len - ind);
      fputc('\n', f);
      in = PROSE;
    }
    p += len + (nl != NULL);
  }
}

void cli_man(FILE *f) {
  fprintf(f, ".\\\" Generated by flank help --man from the texts of flank --help; do not edit.\n");
  fprintf(f, ".TH FLANK 1 \"\" \"flank %s\" \"User Commands\"\n", FLANK_VERSION);
  fputs(".SH NAME\nflank \\- scenario\\-based board\\-game simulations\n", f);
  fputs(".SH SYNOPSIS\n.B flank\n.I COMMAND\n.RI [ ARGS ]\n.br\n.B flank\n.I COMMAND\n.B \\-\\-help\n"
        ".br\n.B flank\n.RB [ \\-\\-help | \\-\\-version ]\n", f);
  fputs(".SH DESCRIPTION\n", f);
  roff_str(f, ABOUT);
  fputs(".PP\nEvery command takes \\fB\\-\\-help\\fR, which prints its part of this page.\n", f);
  fputs(".SH COMMANDS\n", f);
  for (const Cmd *c = CLI_COMMANDS; c->name; c++) {
    fprintf(f, ".SS \"flank %s\"\n", c->name);
    fprintf(f, ".B flank %s\n", c->name);
    roff_str(f, c->args);
    fputs("\n.PP\n", f);
    roff_str(f, c->summary);
    fputc('\n', f);
    roff_help(f, c->help, 0);
  }
  fputs(".SH SCENARIOS\n", f);
  roff_help(f, CLI_LOOKUP, 1);
  fputs(".SH EXIT STATUS\n", f);
  roff_help(f, EXIT_CODES, 1);
  fputs(".SH ENVIRONMENT\n", f);
  roff_help(f, ENVIRONMENT, 1);
  fputs(".SH FILES\n", f);
  roff_help(f, FILES, 1);
  fputs(".SH EXAMPLES\n.nf\n"
        "flank play eastern_flank\n"
        "flank run tutorial \\-\\-seed 7 \\-\\-json\n"
        "flank render eastern_flank \\-\\-out map.png\n"
        "flank new \\-\\-user my_scenario && flank run my_scenario\n"
        "flank batch tutorial \\-\\-runs 1000 \\-\\-summary\n.fi\n", f);
  fputs(".SH SEE ALSO\nThe scenario guide, API reference and model documents are in\n"
        ".I ../share/doc/flank/docs\nfrom the binary (\\fI/usr/share/doc/flank/docs\\fR from the Debian package),\n"
        "or in \\fIdocs/\\fR of the source tree.\n", f);
}

/* ---- the words bash completion offers ------------------------------------------------ */

typedef struct Opt { char name[40], value[64]; } Opt;

/* The options a command takes, each with its value's placeholder ("FILE.png", "text|json"; ""
 * for a flag): from its usage line and the option lines of its help, the texts --help prints. */
static int cmd_options(const Cmd *c, Opt *o, int max) {
  int n = 0;
  const char *texts[2] = {c->args, c->help};
  for (int t = 0; t < 2; t++)
    for (const char *p = strstr(texts[t], "--"); p && n < max; p = strstr(p + 2, "--")) {
      if (t == 1) { /* in the help, only an option line's own option */
        const char *bol = p;
        while (bol > texts[t] && bol[-1] == ' ') bol--;
        if (!(bol == texts[t] || bol[-1] == '\n') || p - bol < 1 || p - bol > 3) continue;
      }
      size_t k = 2;
      while (isalnum((unsigned char)p[k]) || p[k] == '-') k++;
      if (k == 2 || k >= sizeof o[0].name) continue;
      char name[40], value[64] = "";
      snprintf(name, sizeof name, "%.*s", (int)k, p);
      if (p[k] == ' ' && p[k + 1] != '[' && p[k + 1] != '-' && p[k + 1] != '|' && p[k + 1] != ' ') {
        size_t v = strcspn(p + k + 1, " ]\n");
        snprintf(value, sizeof value, "%.*s", (int)v, p + k + 1);
      }
      int i = 0;
      while (i < n && strcmp(o[i].name, name)) i++;
      if (i == n) { snprintf(o[n].name, sizeof o[n].name, "%s", name); o[n++].value[0] = '\0'; }
      if (*value && !strstr(o[i].value, value)) {
        size_t l = strlen(o[i].value);
        snprintf(o[i].value + l, sizeof o[i].value - l, "%s%s", l ? "|" : "", value);
      }
    }
  return n;
}

/* Print the completions of a placeholder: scenario ids and folders for SCENARIO, files for
 * FILE or PATH, folders for DIR, the lowercase words of a choice (text|json). */
static void complete_value(const char *value) {
  int ids = strstr(value, "SCENARIO") || strstr(value, "PATH");
  if (strstr(value, "FILE") || strstr(value, "PATH")) puts("@files");
  else if (strstr(value, "DIR") || strstr(value, "SCENARIO")) puts("@dirs");
  if (ids) {
    char *id[256];
    int n = cli_scenario_ids(id, 256);
    for (int i = 0; i < n; i++) { puts(id[i]); free(id[i]); }
  }
  for (const char *p = value; *p;) {
    size_t k = strcspn(p, "|");
    int word = k > 0;
    for (size_t i = 0; i < k; i++) word &= islower((unsigned char)p[i]) || p[i] == '_';
    if (word) printf("%.*s\n", (int)k, p);
    p += k + (p[k] == '|');
  }
}

int cli_complete(int argc, char **argv) {
  const Cmd *c = argc > 0 ? cli_find(argv[0]) : NULL;
  if (argc == 0 || !strcmp(argv[0], "help")) {
    for (const Cmd *k = CLI_COMMANDS; k->name; k++) puts(k->name);
    if (argc == 0) puts("help\n--help\n--version");
    return EXIT_OK;
  }
  if (!c) return EXIT_OK;
  Opt o[64];
  int n = cmd_options(c, o, 64);
  const char *prev = argc > 1 ? argv[1] : "";
  for (int i = 0; i < n; i++)
    if (!strcmp(o[i].name, prev) && o[i].value[0]) { complete_value(o[i].value); return EXIT_OK; }
  for (int i = 0; i < n; i++) puts(o[i].name);
  puts("--help");
  /* the positional arguments: the usage line before its first option */
  const char *opt = strstr(c->args, "[--");
  char pos[128];
  snprintf(pos, sizeof pos, "%.*s", (int)(opt ? (size_t)(opt - c->args) : strlen(c->args)), c->args);
  complete_value(pos);
  return EXIT_OK;
}
