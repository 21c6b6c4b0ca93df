/* flank replay: re-simulate a recorded game and check it turn by turn. */
#include "fl_cli.h"
#include "fl_str.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

int cli_script_opt(const char *cmd, int argc, char **argv, int *i, fl_ScriptOpts *o, int *bad);

typedef struct { int turn; char card[64], option[64]; int line; } Act;
typedef struct { int turn; unsigned long long hash; int line; } Hash;

int cmd_replay(int argc, char **argv) {
  const char *path = NULL, *scen = NULL;
  int verify = 0, json = 0;
  fl_ScriptOpts opts = {0};
  for (int i = 1; i < argc; i++) {
    int bad = 0;
    if (cli_script_opt("replay", argc, argv, &i, &opts, &bad)) { if (bad) return bad; continue; }
    if (!strcmp(argv[i], "--verify")) verify = 1;
    else if (!strcmp(argv[i], "--json")) json = 1;
    else if (!strcmp(argv[i], "--scenario") && i + 1 < argc) scen = argv[++i];
    else if (argv[i][0] == '-') return cli_usage_error("replay", "unknown or incomplete option '%s'", argv[i]);
    else if (!path) path = argv[i];
    else return cli_usage_error("replay", "one replay file at a time");
  }
  if (!path) return cli_usage_error("replay", "which replay file? (written by flank run --log FILE)");
  size_t len;
  char *text = fl_str_read_file(path, &len);
  if (!text) { fprintf(stderr, "%s: cannot read: %s\n", path, strerror(errno)); return EXIT_USAGE; }
  if (memchr(text, '\0', len)) { fprintf(stderr, "%s:1: not a Flank replay (binary data)\n", path); free(text); return EXIT_USAGE; }
  char id[128] = "", version[128] = "", ending[128] = "";
  unsigned long long content = 0, seed = 0;
  int have_seed = 0, have_content = 0, nact = 0, capact = 0, nhash = 0, caphash = 0, lineno = 0, rc = EXIT_OK;
  Act *acts = NULL;
  Hash *hashes = NULL;
  fl_Script *sc = NULL;
  for (char *line = text, *next; line && *line; line = next) {
    lineno++;
    next = strchr(line, '\n');
    if (next) *next++ = '\0';
    char a[128], b[128];
    int t;
    unsigned long long h;
    if (lineno == 1) {
      if (strcmp(line, "flank-replay 1")) {
        fprintf(stderr, "%s:1: not a Flank replay (expected 'flank-replay 1'%s)\n", path,
                strncmp(line, "flank-replay ", 13) ? "" : "; made by another version of Flank");
        rc = EXIT_USAGE;
        goto out;
      }
      continue;
    }
    if (!*line || line[0] == '#') continue;
    if (sscanf(line, "scenario %127s", id) == 1 || sscanf(line, "version %127s", version) == 1 ||
        sscanf(line, "ending %127s", ending) == 1 || sscanf(line, "policy %127s %127s", a, b) == 2)
      continue;
    if (sscanf(line, "content %16llx", &content) == 1) { have_content = 1; continue; }
    if (sscanf(line, "seed %llu", &seed) == 1) { have_seed = 1; continue; }
    if (sscanf(line, "action %d %63s %63s", &t, a, b) == 3) {
      if (nact == capact) { capact = capact ? capact * 2 : 64; acts = realloc(acts, (size_t)capact * sizeof *acts); }
      acts[nact].turn = t;
      acts[nact].line = lineno;
      snprintf(acts[nact].card, 64, "%s", a);
      snprintf(acts[nact].option, 64, "%s", b);
      nact++;
      continue;
    }
    if (sscanf(line, "hash %d %16llx", &t, &h) == 2) {
      if (nhash == caphash) { caphash = caphash ? caphash * 2 : 64; hashes = realloc(hashes, (size_t)caphash * sizeof *hashes); }
      hashes[nhash++] = (Hash){t, h, lineno};
      continue;
    }
    fprintf(stderr, "%s:%d: cannot read this line: '%.60s'\n", path, lineno, line);
    rc = EXIT_USAGE;
    goto out;
  }
  if (lineno == 0 || !*id || !have_seed || !have_content) {
    fprintf(stderr, "%s: incomplete replay (needs scenario, content and seed lines)\n", path);
    rc = EXIT_USAGE;
    goto out;
  }
  sc = cli_load(scen ? scen : id, &opts);
  if (!sc) { rc = EXIT_USAGE; goto out; }
  const fl_Def *d = fl_script_def(sc);
  if (strcmp(d->id, id)) { fprintf(stderr, "%s: recorded for scenario '%s', not '%s'\n", path, id, d->id); rc = EXIT_USAGE; goto out; }
  int changed = d->content_hash != content;
  if (changed && !verify) {
    fprintf(stderr, "%s: scenario '%s' changed since this replay was recorded (recorded %016llx, now %016llx); "
                    "use --verify to find the first turn that differs\n", path, id, content, (unsigned long long)d->content_hash);
    rc = EXIT_USAGE;
    goto out;
  }
  fl_Game *g = fl_script_game(sc);
  int st = fl_game_start(g, seed);
  for (int i = 0; i < nact && rc == EXIT_OK; i++) {
    int side, c = fl_game_pending(g, &side);
    if (st != FL_GAME_WAITING || c < 0 || strcmp(d->cards[c].id, acts[i].card) ||
        fl_game_state(g)->turn != acts[i].turn) {
      fprintf(stderr, "%s:%d: replay differs at turn %d: recorded decision '%s', the game %s%s\n", path, acts[i].line,
              acts[i].turn, acts[i].card, c >= 0 ? "offers " : "offers no decision",
              c >= 0 ? d->cards[c].id : "");
      rc = EXIT_FAILED;
      break;
    }
    int o = fl_def_option(&d->cards[c], acts[i].option);
    if (o < 0 || !fl_game_available(g, o)) {
      fprintf(stderr, "%s:%d: replay differs at turn %d: option '%s' of '%s' is not available\n", path,
              acts[i].line, acts[i].turn, acts[i].option, acts[i].card);
      rc = EXIT_FAILED;
      break;
    }
    st = fl_game_act(g, o);
  }
  if (rc == EXIT_OK && st == FL_GAME_ERROR) { cli_print_error(fl_game_error(g)); rc = EXIT_SCRIPT; }
  const fl_State *s = fl_game_state(g);
  if (rc == EXIT_OK && verify) {
    for (int i = 0; i < nhash; i++) {
      int t = hashes[i].turn;
      if (t < 1 || t > s->nturnhash || s->turn_hash[t - 1] != hashes[i].hash) {
        fprintf(stderr, "%s:%d: verification failed: turn %d differs (recorded %016llx, replayed %s%016llx)%s\n", path,
                hashes[i].line, t, hashes[i].hash, t <= s->nturnhash ? "" : "no turn ",
                t <= s->nturnhash && t >= 1 ? (unsigned long long)s->turn_hash[t - 1] : 0ULL,
                changed ? "; the scenario changed since recording" : "");
        rc = EXIT_FAILED;
        break;
      }
    }
    if (rc == EXIT_OK && nhash != s->nturnhash) {
      fprintf(stderr, "%s: verification failed: recorded %d turns, replayed %d\n", path, nhash, s->nturnhash);
      rc = EXIT_FAILED;
    }
    if (rc == EXIT_OK && *ending && (s->ending < 0 || strcmp(d->endings[s->ending].id, ending))) {
      fprintf(stderr, "%s: verification failed: recorded ending '%s', replayed '%s'\n", path, ending,
              s->ending >= 0 ? d->endings[s->ending].id : "none");
      rc = EXIT_FAILED;
    }
    if (rc == EXIT_OK && !json) printf("%s: verified %d actions and %d turn hashes%s\n", path, nact, nhash, changed ? " (scenario changed, outcome identical)" : "");
  }
  if (json) cli_game_json(stdout, sc, seed);
  else if (!verify && rc == EXIT_OK)
    printf("%s: replayed %d actions of %s, seed %llu: %s\n", path, nact, d->id, seed,
           s->ending >= 0 ? d->endings[s->ending].title : "unfinished");
out:
  fl_script_free(sc);
  free(acts);
  free(hashes);
  free(text);
  return rc;
}
