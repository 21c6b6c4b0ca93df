/* flank render: play headless with policies to a turn, then draw the game screen (the
 * window's own drawing code, SDL's software renderer on a surface) into a PNG. Needs no
 * display. Hidden options for tests and tools/bench: --no-layer NAME, --bench N. */
#include "fl_cli.h"
#include <stdlib.h>
#include <string.h>
#ifdef FLANK_HAVE_UI
#include "fl_ui.h"
#endif

int cli_script_opt(const char *cmd, int argc, char **argv, int *i, fl_ScriptOpts *o, int *bad);

/* "1600x1000" -> w, h. 0 ok. */
int cli_parse_size(const char *s, int *w, int *h) {
  char *end;
  long a = strtol(s, &end, 10);
  if (*end != 'x' && *end != 'X') return -1;
  long b = strtol(end + 1, &end, 10);
  if (*end || a < 320 || b < 240 || a > 8192 || b > 8192) return -1;
  *w = (int)a;
  *h = (int)b;
  return 0;
}

#ifdef FLANK_HAVE_UI
static int layer_bit(const char *name) {
  static const struct { const char *n; int bit; } L[] = {
    {"sea", FL_UI_SEA}, {"land", FL_UI_LAND}, {"areas", FL_UI_AREAS}, {"borders", FL_UI_BORDERS}, {"labels", FL_UI_LABELS},
    {"places", FL_UI_PLACES}, {"pieces", FL_UI_PIECES}, {"panels", FL_UI_PANELS}, {"water", FL_UI_WATER},
    {"nations", FL_UI_NATIONS}, {"colours", FL_UI_COLOURS}, {"marks", FL_UI_MARKS}};
  for (size_t i = 0; i < sizeof L / sizeof L[0]; i++)
    if (!strcmp(L[i].n, name)) return L[i].bit;
  return 0;
}
#endif

int cmd_render(int argc, char **argv) {
#ifndef FLANK_HAVE_UI
  (void)argc;
  (void)argv;
  fprintf(stderr, "flank render: this flank was built without the UI (needs SDL2, SDL2_ttf, fontconfig)\n");
  return EXIT_USAGE;
#else
  const char *where = NULL, *out = NULL, *all = NULL, *sides[64];
  int nsides = 0, bench = 0;
  uint64_t seed = 1, turn = 1, v;
  fl_UiOpts uo = {0};
  uo.width = 1600;
  uo.height = 1000;
  uo.layers = FL_UI_ALL;
  uo.human = -1;
  fl_ScriptOpts opts = {0};
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int bad = 0;
    if (cli_script_opt("render", argc, argv, &i, &opts, &bad)) { if (bad) return bad; continue; }
    if (!strcmp(a, "--seed") && i + 1 < argc) { if (cli_parse_u64(argv[++i], &seed)) return cli_usage_error("render", "--seed needs a number, got '%s'", argv[i]); }
    else if (!strcmp(a, "--turn") && i + 1 < argc) { if (cli_parse_u64(argv[++i], &turn) || !turn || turn > 1000000) return cli_usage_error("render", "--turn needs a number from 1 to 1000000"); }
    else if (!strcmp(a, "--policy") && i + 1 < argc) all = argv[++i];
    else if (!strcmp(a, "--side") && i + 1 < argc) { if (nsides == 64) return cli_usage_error("render", "too many --side"); sides[nsides++] = argv[++i]; }
    else if (!strcmp(a, "--size") && i + 1 < argc) { if (cli_parse_size(argv[++i], &uo.width, &uo.height)) return cli_usage_error("render", "--size expects WxH between 320x240 and 8192x8192, got '%s'", argv[i]); }
    else if (!strcmp(a, "--out") && i + 1 < argc) out = argv[++i];
    else if (!strcmp(a, "--overlay") && i + 1 < argc) uo.overlay = argv[++i];
    else if (!strcmp(a, "--view") && i + 1 < argc) uo.view = argv[++i];
    else if (!strcmp(a, "--pick") && i + 1 < argc) uo.pick = argv[++i];
    else if (!strcmp(a, "--no-layer") && i + 1 < argc) {
      int b = layer_bit(argv[++i]);
      if (!b) return cli_usage_error("render", "unknown layer '%s' (sea, land, areas, borders, labels, places, pieces, panels, water, nations, colours, marks)", argv[i]);
      uo.layers &= ~b;
    } else if (!strcmp(a, "--bench") && i + 1 < argc) { if (cli_parse_u64(argv[++i], &v) || !v || v > 100000) return cli_usage_error("render", "--bench needs a frame count"); bench = (int)v; }
    else if (a[0] == '-') return cli_bad_option("render", a);
    else if (!where) where = a;
    else return cli_usage_error("render", "one scenario at a time (got '%s' and '%s')", where, a);
  }
  if (!where) return cli_usage_error("render", "which scenario? e.g. flank render tutorial --out map.png");
  if (!out && !bench) return cli_usage_error("render", "--out FILE.png is required");
  fl_Script *sc = cli_load(where, &opts);
  if (!sc) return EXIT_USAGE;
  const fl_Def *d = fl_script_def(sc);
  char err[2048];
  if (cli_check_overlay("render", d, uo.overlay) || (all && cli_policy_all("render", sc, all))) {
    fl_script_free(sc);
    return EXIT_USAGE;
  }
  for (int i = 0; i < nsides; i++)
    if (cli_side_policy("render", sc, sides[i])) { fl_script_free(sc); return EXIT_USAGE; }
  fl_Game *g = fl_script_game(sc);
  int st = fl_game_start(g, seed);
  if (st == FL_GAME_WAITING) st = fl_script_play_on(sc, (int)turn);
  if (st == FL_GAME_ERROR) {
    cli_print_error(fl_game_error(g));
    fl_script_free(sc);
    return EXIT_SCRIPT;
  }
  int rc = bench ? fl_ui_bench(g, &uo, bench, err, sizeof err) : fl_ui_render_png(g, &uo, out, err, sizeof err);
  cli_i18n_report();
  if (rc) fprintf(stderr, "flank render: %s\n", err);
  fl_script_free(sc);
  return rc ? EXIT_USAGE : EXIT_OK; /* -2: a --view or --pick that names nothing */ /* a file that cannot be written: like one that cannot be read */
#endif
}
