/* flank replay: re-simulate a recorded game and check it turn by turn. */
#include "fl_cli.h"
#include "fl_replay.h"
#include "fl_str.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int cli_script_opt(const char *cmd, int argc, char **argv, int *i, fl_ScriptOpts *o, int *bad);

/* Play the recorded actions (those before turn `until`, if until > 0); 0 ok, EXIT_FAILED on a
 * divergence, EXIT_SCRIPT on a script error. */
static int replay_actions(const char *path, const fl_Replay *r, fl_Script *sc, int until) {
  const fl_Def *d = fl_script_def(sc);
  fl_Game *g = fl_script_game(sc);
  int st = fl_game_start(g, r->seed);
  for (int i = 0; i < r->nactions; i++) {
    const fl_ReplayAction *a = &r->actions[i];
    if (until > 0 && a->turn >= until) break; /* the fork point: policies play on from here */
    int side, c = fl_game_pending(g, &side);
    if (st != FL_GAME_WAITING || c < 0 || strcmp(d->cards[c].id, a->card) || fl_game_state(g)->turn != a->turn) {
      if (st == FL_GAME_ERROR) break;
      fprintf(stderr, "%s:%d: replay differs at turn %d: recorded decision '%s', the game %s%s\n", path, a->line,
              a->turn, a->card, c >= 0 ? "offers " : "offers no decision", c >= 0 ? d->cards[c].id : "");
      return EXIT_FAILED;
    }
    int o = fl_def_option(&d->cards[c], a->option);
    if (o < 0 || !fl_game_available(g, o)) {
      fprintf(stderr, "%s:%d: replay differs at turn %d: option '%s' of '%s' is not available\n", path, a->line,
              a->turn, a->option, a->card);
      return EXIT_FAILED;
    }
    fl_Choice ch;
    char why[200];
    if (fl_replay_choice(d, a, o, &ch, why, sizeof why)) {
      fprintf(stderr, "%s:%d: %s (turn %d, decision '%s')\n", path, a->line, why, a->turn, a->card);
      return EXIT_FAILED;
    }
    const char *bad = fl_game_check(g, &ch);
    if (fl_game_status(g) == FL_GAME_ERROR) break;
    if (bad) {
      fprintf(stderr, "%s:%d: replay differs at turn %d: option '%s' of '%s' with targets '%s': %s\n", path, a->line,
              a->turn, a->option, a->card, a->targets ? a->targets : "", bad);
      return EXIT_FAILED;
    }
    st = fl_game_choose(g, &ch);
  }
  if (st == FL_GAME_ERROR) { cli_print_error(fl_game_error(g)); return EXIT_SCRIPT; }
  return EXIT_OK;
}

static int verify(const char *path, const fl_Replay *r, fl_Script *sc, int changed) {
  const fl_Def *d = fl_script_def(sc);
  const fl_State *s = fl_game_state(fl_script_game(sc));
  for (int i = 0; i < r->nhashes; i++) {
    int t = r->hashes[i].turn;
    if (t > s->nturnhash || s->turn_hash[t - 1] != r->hashes[i].hash) {
      fprintf(stderr, "%s:%d: verification failed: turn %d differs (recorded %016llx, replayed %s)%s\n", path,
              r->hashes[i].line, t, (unsigned long long)r->hashes[i].hash,
              t > s->nturnhash ? "no such turn" : "another state", changed ? "; the scenario changed since recording"
              : r->format < 2 ? "; a version 1 log was hashed by an older Flank, so its hashes cannot match: replay it without --verify" : "");
      return EXIT_FAILED;
    }
  }
  if (r->nhashes != s->nturnhash) {
    fprintf(stderr, "%s: verification failed: recorded %d turns, replayed %d\n", path, r->nhashes, s->nturnhash);
    return EXIT_FAILED;
  }
  if (r->ending[0] && (s->ending < 0 || strcmp(d->endings[s->ending].id, r->ending))) {
    fprintf(stderr, "%s: verification failed: recorded ending '%s', replayed '%s'\n", path, r->ending,
            s->ending >= 0 ? d->endings[s->ending].id : "none");
    return EXIT_FAILED;
  }
  return EXIT_OK;
}

int cmd_replay(int argc, char **argv) {
  const char *path = NULL, *scen = NULL, *all = NULL, *sides[64], *logpath = NULL;
  int check = 0, json = 0, nsides = 0;
  uint64_t until = 0;
  fl_ScriptOpts opts = {0};
  for (int i = 1; i < argc; i++) {
    int bad = 0;
    if (cli_script_opt("replay", argc, argv, &i, &opts, &bad)) { if (bad) return bad; continue; }
    if (!strcmp(argv[i], "--verify")) check = 1;
    else if (!strcmp(argv[i], "--json")) json = 1;
    else if (!strcmp(argv[i], "--scenario") && i + 1 < argc) scen = argv[++i];
    else if (!strcmp(argv[i], "--until") && i + 1 < argc) {
      if (cli_parse_u64(argv[++i], &until) || !until || until > 1000000) return cli_usage_error("replay", "--until needs a turn number");
    } else if (!strcmp(argv[i], "--policy") && i + 1 < argc) all = argv[++i];
    else if (!strcmp(argv[i], "--side") && i + 1 < argc) { if (nsides == 64) return cli_usage_error("replay", "too many --side"); sides[nsides++] = argv[++i]; }
    else if (!strcmp(argv[i], "--log") && i + 1 < argc) logpath = argv[++i];
    else if (argv[i][0] == '-' && argv[i][1]) return cli_bad_option("replay", argv[i]);
    else if (!path) path = argv[i];
    else return cli_usage_error("replay", "one replay file at a time");
  }
  if (!path) return cli_usage_error("replay", "which replay file? (written by flank run --log FILE)");
  if ((all || nsides) && !until) return cli_usage_error("replay", "--policy and --side choose who plays after the fork: give --until TURN");
  if (until && check) return cli_usage_error("replay", "--verify checks a whole recorded game; a fork (--until) plays a new one");
  size_t len;
  char *text = cli_read_input(path, &len), err[1024];
  if (!text) { fprintf(stderr, "%s: cannot read: %s\n", path, strerror(errno)); return EXIT_USAGE; }
  fl_Replay r;
  int rc = fl_replay_parse(&r, text, len, path, err, sizeof err);
  free(text);
  if (rc) { fprintf(stderr, "%s\n", err); return EXIT_USAGE; }
  /* the scenario: --scenario, else the folder it was recorded from, else a shipped one by id */
  struct stat st;
  char file[sizeof r.from + 16];
  snprintf(file, sizeof file, "%s/scenario.lua", r.from);
  const char *where = scen ? scen : r.from[0] && stat(file, &st) == 0 ? r.from : r.id;
  if (!scen && r.from[0] && where == r.id) {
    char dir[4096], e[1024];
    if (fl_script_resolve(r.id, cli_scenarios_root(), dir, sizeof dir, e, sizeof e)) {
      fprintf(stderr, "%s: recorded from scenario folder %s, which is no longer there; if it moved, point at it "
                      "with --scenario PATH (flank replay %s --scenario NEW/PATH)\n", path, r.from, path);
      fl_replay_free(&r);
      return EXIT_USAGE;
    }
  }
  fl_Script *sc = cli_load(where, &opts);
  if (!sc) { fl_replay_free(&r); return EXIT_USAGE; }
  const fl_Def *d = fl_script_def(sc);
  int changed = d->content_hash != r.content;
  rc = EXIT_OK;
  if (strcmp(d->id, r.id)) {
    fprintf(stderr, "%s: recorded for scenario '%s', not '%s'\n", path, r.id, d->id);
    rc = EXIT_USAGE;
  } else if (changed && !check) {
    fprintf(stderr, "%s: scenario '%s' changed since this replay was recorded (recorded %016llx, now %016llx); "
                    "use --verify to find the first turn that differs\n", path, r.id,
            (unsigned long long)r.content, (unsigned long long)d->content_hash);
    rc = EXIT_USAGE;
  } else {
    /* who plays after a fork; the recorded policies are information only */
    for (int i = 0; i < r.npolicies && until; i++) {
      int side = fl_def_side(d, r.policy_side[i]);
      char e[512];
      if (side >= 0) fl_script_set_policy(sc, side, r.policy_name[i], e, sizeof e); /* unknown now: keep default */
    }
    if (all && cli_policy_all("replay", sc, all)) rc = EXIT_USAGE;
    for (int i = 0; i < nsides && rc == EXIT_OK; i++)
      if (cli_side_policy("replay", sc, sides[i])) rc = EXIT_USAGE;
    if (rc == EXIT_OK) rc = replay_actions(path, &r, sc, (int)until);
    if (rc == EXIT_OK && until) { /* the fork: policies play the rest of the game */
      if (fl_script_play_on(sc, 0) == FL_GAME_ERROR) { cli_print_error(fl_game_error(fl_script_game(sc))); rc = EXIT_SCRIPT; }
    }
    if (rc == EXIT_OK && logpath && cli_write_replay(logpath, sc, r.seed, where)) rc = EXIT_USAGE;
    if (rc == EXIT_OK && check) rc = verify(path, &r, sc, changed);
    const fl_State *s = fl_game_state(fl_script_game(sc));
    if (json) cli_game_json(stdout, sc, r.seed);
    else if (rc == EXIT_OK && check)
      printf("%s: verified %d actions and %d turn hashes%s\n", path, r.nactions, r.nhashes,
             changed ? " (the scenario changed, the game did not)" : "");
    else if (rc == EXIT_OK && until)
      printf("%s: forked at turn %llu of %s, seed %llu, then policies played on: %s after %d turns\n", path,
             (unsigned long long)until, d->id, (unsigned long long)r.seed,
             s->ending >= 0 ? d->endings[s->ending].title : "unfinished", s->turn);
    else if (rc == EXIT_OK)
      printf("%s: replayed %d actions of %s, seed %llu: %s\n", path, r.nactions, d->id, (unsigned long long)r.seed,
             s->ending >= 0 ? d->endings[s->ending].title : "unfinished");
  }
  fl_script_free(sc);
  fl_replay_free(&r);
  return rc;
}
