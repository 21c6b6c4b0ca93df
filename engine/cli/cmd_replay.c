/* flank replay: re-simulate a recorded game and check it turn by turn, or fork it: the
 * same history up to a turn, then the policies (--until) or another option (--at
 * --choose) or other parameter values (--set), played to the end. */
#define _POSIX_C_SOURCE 200809L
#include "fl_cli.h"
#include "fl_i18n.h"
#include "fl_replay.h"
#include "fl_str.h"
#include "fl_whatif.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

int cli_script_opt(const char *cmd, int argc, char **argv, int *i, fl_ScriptOpts *o, int *bad);

/* Parameters: what --set asks for against what the game was played with. A difference is
 * another game: refused unless forking, when it applies from the fork on. */
static int fork_params(const char *path, const fl_Replay *r, fl_Script *sc, const fl_ScriptOpts *o, int forking,
                       int *idx, double *val, int *n) {
  const fl_Def *d = fl_script_def(sc);
  char err[512];
  *n = 0;
  for (int i = 0; i < o->nset; i++) {
    int p;
    double v;
    if (fl_script_parse_param(sc, o->set[i], &p, &v, err, sizeof err)) { fprintf(stderr, "flank replay: %s\n", err); return EXIT_USAGE; }
    int k = fl_replay_param(r, d->params[p].id);
    double played = k >= 0 ? r->params[k].value : d->params[p].dflt;
    if (v == played) continue;
    if (!forking) {
      fprintf(stderr, "%s: this game was played with %s = %g; --set %s would make it another game. To see what the "
                      "other value changes, fork it: flank replay %s --until TURN --set %s\n", path, d->params[p].id, played,
              o->set[i], path, o->set[i]);
      return EXIT_USAGE;
    }
    idx[*n] = p;
    val[(*n)++] = v;
  }
  return EXIT_OK;
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + ts.tv_nsec * 1e-6;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* --bench N: the fork (or the whole replay) N times in the loaded script, as the window's
 * debrief runs one; prints the median and the slowest in milliseconds. */
static int bench(const char *path, const fl_Replay *r, fl_Script *sc, const fl_WhatIf *w, int n) {
  double *t = calloc((size_t)n, sizeof *t);
  char err[1024];
  if (!t) return EXIT_USAGE;
  for (int i = 0; i < n; i++) {
    double a = now_ms();
    int rc = fl_whatif_run(sc, r, path, w, err, sizeof err);
    t[i] = now_ms() - a;
    if (rc) { fprintf(stderr, "%s\n", err); free(t); return rc; }
  }
  qsort(t, (size_t)n, sizeof *t, cmp_double);
  const fl_State *s = fl_game_state(fl_script_game(sc));
  printf("bench: forks=%d fork_median_ms=%.3f fork_max_ms=%.3f turns=%d\n", n, t[n / 2], t[n - 1], s->turn);
  free(t);
  return EXIT_OK;
}

int cmd_replay(int argc, char **argv) {
  const char *path = NULL, *scen = NULL, *all = NULL, *sides[64], *logpath = NULL, *choose = NULL, *targets = NULL;
  int check = 0, json = 0, nsides = 0, then_policies = 0;
  uint64_t until = 0, at = 0, nbench = 0;
  fl_ScriptOpts opts = {0};
  for (int i = 1; i < argc; i++) {
    int bad = 0;
    if (cli_script_opt("replay", argc, argv, &i, &opts, &bad)) { if (bad) return bad; continue; }
    if (!strcmp(argv[i], "--verify")) check = 1;
    else if (!strcmp(argv[i], "--json")) json = 1;
    else if (!strcmp(argv[i], "--scenario") && i + 1 < argc) scen = argv[++i];
    else if ((!strcmp(argv[i], "--until") || !strcmp(argv[i], "--at")) && i + 1 < argc) {
      uint64_t *t = argv[i][2] == 'u' ? &until : &at;
      if (cli_parse_u64(argv[++i], t) || !*t || *t > 1000000) return cli_usage_error("replay", "%s needs a turn number", argv[i - 1]);
    } else if (!strcmp(argv[i], "--choose") && i + 1 < argc) choose = argv[++i];
    else if (!strcmp(argv[i], "--targets") && i + 1 < argc) targets = argv[++i];
    else if (!strcmp(argv[i], "--then-policies")) then_policies = 1;
    else if (!strcmp(argv[i], "--policy") && i + 1 < argc) all = argv[++i];
    else if (!strcmp(argv[i], "--side") && i + 1 < argc) { if (nsides == 64) return cli_usage_error("replay", "too many --side"); sides[nsides++] = argv[++i]; }
    else if (!strcmp(argv[i], "--log") && i + 1 < argc) logpath = argv[++i];
    else if (!strcmp(argv[i], "--bench") && i + 1 < argc) {
      if (cli_parse_u64(argv[++i], &nbench) || !nbench || nbench > 100000) return cli_usage_error("replay", "--bench needs a count");
    } else if (argv[i][0] == '-' && argv[i][1]) return cli_bad_option("replay", argv[i]);
    else if (!path) path = argv[i];
    else return cli_usage_error("replay", "one replay file at a time");
  }
  if (!path) return cli_usage_error("replay", "which replay file? (written by flank run --log FILE)");
  if (at && until) return cli_usage_error("replay", "--until TURN hands the rest to the policies, --at TURN --choose changes one choice: give one");
  if (at && !choose) return cli_usage_error("replay", "--at TURN needs --choose DECISION=OPTION (or --until TURN to let the policies play on)");
  if (choose && !at) return cli_usage_error("replay", "--choose DECISION=OPTION needs --at TURN, the turn of that decision");
  if (targets && !choose) return cli_usage_error("replay", "--targets go with --choose");
  if (then_policies && !choose) return cli_usage_error("replay", "--then-policies goes with --at TURN --choose (--until hands everything to the policies already)");
  if (at) until = at;
  if ((all || nsides) && !until) return cli_usage_error("replay", "--policy and --side choose who plays after the fork: give --until TURN");
  if (until && check) return cli_usage_error("replay", "--verify checks a whole recorded game; a fork (--until) plays a new one");
  char decision[128] = "", option[128] = "";
  if (choose) {
    const char *eq = strchr(choose, '=');
    if (!eq || eq == choose || !eq[1] || (size_t)(eq - choose) >= sizeof decision || strlen(eq + 1) >= sizeof option)
      return cli_usage_error("replay", "--choose expects DECISION=OPTION, got '%s'", choose);
    snprintf(decision, sizeof decision, "%.*s", (int)(eq - choose), choose);
    snprintf(option, sizeof option, "%s", eq + 1);
  }
  size_t len;
  char *text = cli_read_input(path, &len), err[1024];
  if (!text) { fprintf(stderr, "%s: cannot read: %s\n", path, strerror(errno)); return EXIT_USAGE; }
  fl_Replay r;
  int rc = fl_replay_parse(&r, text, len, path, err, sizeof err);
  free(text);
  if (rc) { fprintf(stderr, "%s\n", err); return EXIT_USAGE; }
  /* the language it was played in, unless --lang asks for another: the scenario's texts
   * (and the engine's words) as the player saw them */
  if (!opts.lang && r.lang[0]) {
    opts.lang = r.lang;
    fl_i18n_set(r.lang);
  }
  /* the scenario: --scenario, else the one its id names (shipped, FLANK_SCENARIOS, the
   * user's). A folder the replay says it was recorded from is only named in the message,
   * never loaded: a replay is data, and a swapped one must not choose what code runs. */
  const char *where = scen ? scen : r.id;
  if (!scen) {
    char dir[4096], e[1024];
    if (fl_script_resolve(r.id, cli_scenarios_root(), dir, sizeof dir, e, sizeof e)) {
      if (r.from[0])
        fprintf(stderr, "%s: recorded from the scenario folder %s, which flank does not open on a replay's word; "
                        "if you trust it, name it: flank replay %s --scenario PATH\n", path, r.from, path);
      else fprintf(stderr, "%s: %s\n", path, e);
      fl_replay_free(&r);
      return EXIT_USAGE;
    }
  }
  fl_Script *sc = cli_load(where, &opts);
  if (!sc) { fl_replay_free(&r); return EXIT_USAGE; }
  const fl_Def *d = fl_script_def(sc);
  int changed = d->content_hash != r.content, pidx[128], np = 0;
  double pval[128];
  fl_State *fork = NULL;
  rc = EXIT_OK;
  if (strcmp(d->id, r.id)) {
    fprintf(stderr, "%s: recorded for scenario '%s', not '%s'\n", path, r.id, d->id);
    rc = EXIT_USAGE;
  } else if (changed && !check && strcmp(r.lang[0] ? r.lang : "en", opts.lang && *opts.lang ? opts.lang : "en")) {
    /* a scenario's texts are part of its content: another language is another definition */
    fprintf(stderr, "%s: recorded in --lang %s; replay it in that language (the scenario's texts differ in --lang %s)\n", path,
            r.lang[0] ? r.lang : "en", opts.lang && *opts.lang ? opts.lang : "en");
    rc = EXIT_USAGE;
  } else if (changed && !check) {
    fprintf(stderr, "%s: scenario '%s' changed since this replay was recorded (recorded %016llx, now %016llx); "
                    "use --verify to find the first turn that differs\n", path, r.id,
            (unsigned long long)r.content, (unsigned long long)d->content_hash);
    rc = EXIT_USAGE;
  } else if ((rc = fork_params(path, &r, sc, &opts, until > 0, pidx, pval, &np)) == EXIT_OK) {
    /* who plays after a fork: the recorded policies, unless told otherwise */
    if (until) fl_whatif_policies(sc, &r);
    if (all && cli_policy_all("replay", sc, all)) rc = EXIT_USAGE;
    for (int i = 0; i < nsides && rc == EXIT_OK; i++)
      if (cli_side_policy("replay", sc, sides[i])) rc = EXIT_USAGE;
    /* after another option, a person's sides make their own later choices again where they
     * can, unless told to let the policies play (or given policies to play them) */
    fl_WhatIfKept kept = {0};
    fl_WhatIf w = {(int)until, choose ? decision : NULL, choose ? option : NULL, targets, pidx, pval, np,
                   then_policies || all || nsides, &kept, 0};
    if (rc == EXIT_OK && logpath && np && until > 1) {
      /* a log's parameters hold from its first turn: turns before the fork were played with
       * the recorded values, so the log would replay as another game */
      const fl_Def *dd = fl_script_def(sc);
      fprintf(stderr, "flank replay: --log: this fork changes %s at turn %llu, but a log's assumptions hold from its first "
                      "turn, so it would replay as another game; write the fork's table without --log, or record a whole game "
                      "under the new value: flank run %s --seed %llu --set %s=%g --log FILE\n",
              dd->params[pidx[0]].id, (unsigned long long)until, r.id, (unsigned long long)r.seed, dd->params[pidx[0]].id, pval[0]);
      rc = EXIT_USAGE;
    }
    if (rc == EXIT_OK && nbench) {
      rc = bench(path, &r, sc, until ? &w : NULL, (int)nbench);
      fl_script_free(sc);
      fl_replay_free(&r);
      return rc;
    }
    if (rc == EXIT_OK && (rc = fl_whatif_run(sc, &r, path, until ? &w : NULL, err, sizeof err)) != EXIT_OK) {
      if (rc == FL_WHATIF_SCRIPT) cli_print_error(err);
      else fprintf(stderr, "%s\n", err);
    }
    if (rc == EXIT_OK && logpath && cli_write_replay(logpath, sc, r.seed, where, opts.lang)) rc = EXIT_USAGE;
    if (rc == EXIT_OK && check && (rc = fl_whatif_verify(sc, &r, path, err, sizeof err))) fprintf(stderr, "%s\n", err);
    if (rc == EXIT_OK && choose && !json) { /* the game as played, to set the what-if beside it */
      fork = fl_state_clone(fl_game_state(fl_script_game(sc)));
      if (!fork || fl_whatif_run(sc, &r, path, NULL, err, sizeof err)) { fl_state_free(fork); fork = NULL; }
    }
    const fl_State *s = fork ? fork : fl_game_state(fl_script_game(sc));
    if (json) cli_game_json(stdout, sc, r.seed);
    else if (rc == EXIT_OK && check)
      printf("%s: verified %d actions and %d turn hashes%s\n", path, r.nactions, r.nhashes,
             changed ? " (the scenario changed, the game did not)" : "");
    else if (rc == EXIT_OK && choose) {
      char note[512];
      cli_whatif_kept(note, sizeof note, &kept);
      printf("%s: what if '%s' had been chosen at '%s' on turn %llu (%s, seed %llu)? The same history up to "
             "that choice, then %s.\n", path, option, decision, (unsigned long long)at, d->id, (unsigned long long)r.seed,
             *note ? "the recorded choices of the sides people played, where still possible, and the policies for the rest"
                   : "the policies played on");
      if (*note) printf("%s\n", note);
      for (int k = 0; k < np; k++) /* a second change: the difference is not the choice's alone */
        printf("Also changed from that turn on: %s = %g (the game was played with %g).\n", d->params[pidx[k]].id, pval[k],
               fl_replay_param(&r, d->params[pidx[k]].id) >= 0 ? r.params[fl_replay_param(&r, d->params[pidx[k]].id)].value
                                                                : d->params[pidx[k]].dflt);
      if (fork) cli_whatif_table(stdout, d, fl_game_state(fl_script_game(sc)), fork);
    } else if (rc == EXIT_OK && until) {
      printf("%s: forked at turn %llu of %s, seed %llu, then policies played on: %s after %d turns\n", path,
             (unsigned long long)until, d->id, (unsigned long long)r.seed,
             s->ending >= 0 ? d->endings[s->ending].title : "unfinished", s->turn);
      for (int k = 0; k < np; k++)
        printf("From the fork on: %s = %g.\n", d->params[pidx[k]].id, pval[k]);
    } else if (rc == EXIT_OK)
      printf("%s: replayed %d actions of %s, seed %llu: %s\n", path, r.nactions, d->id, (unsigned long long)r.seed,
             s->ending >= 0 ? d->endings[s->ending].title : "unfinished");
  }
  fl_state_free(fork);
  fl_script_free(sc);
  fl_replay_free(&r);
  return rc;
}
