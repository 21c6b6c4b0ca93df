/* flank run: play one game headless with policies on every side. */
#include "fl_cli.h"
#include "fl_fmt.h"
#include "fl_textview.h"
#include "fl_i18n.h"
#include <stdlib.h>
#include <string.h>

/* Options shared by run, replay, batch, render: --lang, --mem MIB, --budget N, --time S, --set ID=VALUE.
 * 1 if consumed (with *i advanced). */
int cli_script_opt(const char *cmd, int argc, char **argv, int *i, fl_ScriptOpts *o, int *bad) {
  uint64_t v;
  static const char *sets[128]; /* one command per process: the --set values point into argv */
  if (!strcmp(argv[*i], "--set")) {
    if (*i + 1 >= argc || !strchr(argv[*i + 1], '=')) { *bad = cli_usage_error(cmd, "--set needs ID=VALUE (a parameter and a number)"); return 1; }
    if (o->nset == (int)(sizeof sets / sizeof sets[0])) { *bad = cli_usage_error(cmd, "too many --set"); return 1; }
    if (o->set != sets) { o->set = sets; o->nset = 0; }
    sets[o->nset++] = argv[++*i];
    return 1;
  }
  if (!strcmp(argv[*i], "--lang")) {
    if (*i + 1 >= argc) { *bad = cli_usage_error(cmd, "--lang needs a language code (en, lt, pl...)"); return 1; }
    o->lang = argv[++*i];
    fl_i18n_set(o->lang); /* the engine's own words too (a language without a catalogue: English) */
    return 1;
  }
  if (!strcmp(argv[*i], "--mem") || !strcmp(argv[*i], "--budget")) {
    if (*i + 1 >= argc || cli_parse_u64(argv[*i + 1], &v) || v == 0) {
      *bad = cli_usage_error(cmd, "%s needs a positive number", argv[*i]);
      return 1;
    }
    if (argv[*i][2] == 'm') o->mem_limit = (size_t)v << 20; else o->call_budget = (long long)v;
    (*i)++;
    return 1;
  }
  if (!strcmp(argv[*i], "--time")) { /* wall-clock seconds per rule or policy call */
    if (*i + 1 >= argc || cli_parse_u64(argv[*i + 1], &v) || v == 0 || v > 86400) {
      *bad = cli_usage_error(cmd, "--time needs a number of seconds (1 to 86400)");
      return 1;
    }
    o->call_seconds = (double)v;
    (*i)++;
    return 1;
  }
  return 0;
}

static void summary(FILE *f, fl_Script *sc, uint64_t seed) {
  const fl_Def *d = fl_script_def(sc);
  const fl_State *s = fl_game_state(fl_script_game(sc));
  char date[16];
  fl_date_format(s->date, date, sizeof date);
  fprintf(f, "%s (%s), seed %llu: ", d->title, d->id, (unsigned long long)seed);
  if (s->ending >= 0) fprintf(f, "%s after %d turns (%s)\n", d->endings[s->ending].title, s->turn, date);
  else fprintf(f, "unfinished after %d turn%s (%s)\n", cli_turns_played(sc), cli_turns_played(sc) == 1 ? "" : "s", date);
  int wmax = 0; /* names are UTF-8: pad by characters, not bytes */
  for (int i = 0; i < d->ntrack; i++)
    if (d->tracks[i].visible && cli_text_width(d->tracks[i].name) > wmax) wmax = cli_text_width(d->tracks[i].name);
  for (int i = 0; i < d->ntrack; i++)
    if (d->tracks[i].visible) {
      double v = s->tracks[i].value;
      char q[96]; /* the figure as every surface writes it ("US$908 M", "34%", "0 people"), right-aligned */
      fl_fmt_track(v, d->tracks[i].unit, d->tracks[i].unit_one, q, sizeof q);
      int pad = 16 - cli_text_width(q);
      fprintf(f, "  %s%*s %*s%s\n", d->tracks[i].name, wmax - cli_text_width(d->tracks[i].name), "", pad > 0 ? pad : 0, "", q);
    }
  int n = 0;
  for (int i = 0; i < s->nlog; i++) n += s->log[i].kind == FL_LOG_ACTION;
  fprintf(f, "  %d decisions; policies:", n);
  for (int i = 0; i < d->nside; i++) fprintf(f, " %s=%s", d->sides[i].id, fl_script_policy(sc, i));
  fputc('\n', f);
}

int cmd_run(int argc, char **argv) {
  const char *where = NULL, *logpath = NULL, *sides[64], *all = NULL, *view = NULL;
  int nsides = 0, json = 0, board = 0, which = 0;
  uint64_t seed = 1, turns = 0;
  fl_ScriptOpts opts = {0};
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int bad = 0;
    if (cli_script_opt("run", argc, argv, &i, &opts, &bad)) { if (bad) return bad; continue; }
    if (!strcmp(a, "--json")) json = 1;
    else if (!strcmp(a, "--board")) board = 1;
    else if (!strcmp(a, "--view") && i + 1 < argc) { view = argv[++i]; board = 1; }
    else if (!strcmp(a, "--which")) which = 1;
    else if (!strcmp(a, "--seed") && i + 1 < argc) { if (cli_parse_u64(argv[++i], &seed)) return cli_usage_error("run", "--seed needs a number, got '%s'", argv[i]); }
    else if (!strcmp(a, "--turns") && i + 1 < argc) { if (cli_parse_u64(argv[++i], &turns) || !turns || turns > 1000000) return cli_usage_error("run", "--turns needs a number from 1 to 1000000"); }
    else if (!strcmp(a, "--side") && i + 1 < argc) { if (nsides == 64) return cli_usage_error("run", "too many --side"); sides[nsides++] = argv[++i]; }
    else if (!strcmp(a, "--policy") && i + 1 < argc) all = argv[++i];
    else if (!strcmp(a, "--log") && i + 1 < argc) logpath = argv[++i];
    else if (a[0] == '-' && a[1]) return cli_bad_option("run", a);
    else if (!where) where = a;
    else return cli_usage_error("run", "one scenario at a time (got '%s' and '%s')", where, a);
  }
  if (!where) return cli_usage_error("run", "which scenario? e.g. flank run tutorial");
  if (which) return cli_which("run", where);
  int log_stdout = logpath && !strcmp(logpath, "-");
  if (log_stdout && (json || board)) return cli_usage_error("run", "--log - and --%s both write to standard output", json ? "json" : "board");
  fl_Script *sc = cli_load(where, &opts);
  if (!sc) return EXIT_USAGE;
  if (all && cli_policy_all("run", sc, all)) {
    fl_script_free(sc);
    return EXIT_USAGE;
  }
  for (int i = 0; i < nsides; i++)
    if (cli_side_policy("run", sc, sides[i])) { fl_script_free(sc); return EXIT_USAGE; }
  fl_Game *g = fl_script_game(sc);
  int st = fl_game_start(g, seed);
  if (st == FL_GAME_WAITING) st = fl_script_play_on(sc, turns ? (int)turns + 1 : 0);
  int rc = EXIT_OK;
  if (st == FL_GAME_ERROR) {
    cli_print_error(fl_game_error(g));
    rc = EXIT_SCRIPT;
  }
  if (json) cli_game_json(stdout, sc, seed);
  else if (board) { /* the accessible text view of the board, as one side sees it or whole */
    int viewer = view ? fl_def_side(fl_script_def(sc), view) : -1;
    if (view && viewer < 0) {
      fl_script_free(sc);
      return cli_usage_error("run", "--view: '%s' is not a side of this scenario", view);
    }
    fl_textview_write(stdout, g, viewer);
  }
  else if (rc == EXIT_OK) summary(log_stdout ? stderr : stdout, sc, seed); /* the log owns stdout */
  if (logpath && cli_write_replay(logpath, sc, seed, where, opts.lang)) rc = rc ? rc : EXIT_USAGE;
  fl_script_free(sc);
  return rc;
}
