/* flank class: a teacher's view of a class's games. Every file (a replay log or a save,
 * as students hand them in) is verified by replaying it; corrupt, foreign and tampered
 * ones are listed with the reason and left out; the rest are set against the model's
 * ensemble in a self-contained HTML report and a CSV. */
#define _POSIX_C_SOURCE 200809L
#include "fl_class.h"
#include "fl_cli.h"
#include "fl_save.h"
#include "fl_str.h"
#include "fl_whatif.h"
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int cli_script_opt(const char *cmd, int argc, char **argv, int *i, fl_ScriptOpts *o, int *bad); /* cmd_run.c */

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* A file, or every regular file of a folder (sorted; hidden ones skipped). */
static int add_path(fl_Class *c, const char *p) {
  struct stat st;
  if (stat(p, &st)) { fprintf(stderr, "flank class: %s: %s\n", p, strerror(errno)); return -1; }
  char *one[1] = {(char *)p}, **names = one;
  int n = 1, dir = S_ISDIR(st.st_mode);
  size_t plen = strlen(p);
  while (dir && plen > 1 && p[plen - 1] == '/') plen--; /* "sub/" joins as "sub/dan.log", not "sub//dan.log" */
  if (dir) {
    DIR *d = opendir(p);
    struct dirent *e;
    names = NULL;
    n = 0;
    while (d && (e = readdir(d))) {
      char full[PATH_MAX];
      snprintf(full, sizeof full, "%.*s/%s", (int)plen, p, e->d_name);
      if (e->d_name[0] == '.' || stat(full, &st) || !S_ISREG(st.st_mode)) continue;
      char **nn = realloc(names, (size_t)(n + 1) * sizeof *nn);
      if (!nn) break;
      names = nn;
      names[n++] = fl_str_dup(full);
    }
    if (d) closedir(d);
    if (n > 1) qsort(names, (size_t)n, sizeof *names, cmp_str);
  }
  for (int i = 0; i < n; i++) {
    fl_ClassGame *ng = realloc(c->g, (size_t)(c->n + 1) * sizeof *ng);
    if (!ng) return -1;
    c->g = ng;
    fl_ClassGame *g = &c->g[c->n++];
    memset(g, 0, sizeof *g);
    g->path = fl_str_dup(names[i]);
    const char *base = strrchr(g->path, '/') ? strrchr(g->path, '/') + 1 : g->path;
    g->name = fl_str_dup(base);
    char *dot = strrchr(g->name, '.');
    if (dot && dot != g->name) *dot = '\0';
    if (dir) free(names[i]);
  }
  if (dir) free(names);
  return 0;
}

static void reject(fl_ClassGame *g, int kind, const char *why) {
  g->status = kind;
  snprintf(g->reason, sizeof g->reason, "%s", why);
}

/* Read a file: which scenario it is for, and its record for a log. */
static void identify(fl_ClassGame *g) {
  size_t len;
  char *data = fl_str_read_file(g->path, &len), err[1024];
  if (!data) { reject(g, FL_CLASS_CORRUPT, strerror(errno)); return; }
  g->order = fl_fnv64(FL_FNV_INIT, data, len);
  if (len >= 8 && !memcmp(data, "FLANKSAV", 8)) {
    g->is_save = 1;
    if (fl_save_peek(data, len, g->path, g->scenario, sizeof g->scenario, &g->content, err, sizeof err))
      reject(g, FL_CLASS_CORRUPT, err);
  } else if (len >= 13 && !memcmp(data, "flank-replay ", 13)) {
    int ended = len >= 4 && !memcmp(data + len - 4, "end\n", 4) && (len == 4 || data[len - 5] == '\n');
    if (fl_replay_parse(&g->rec, data, len, g->path, err, sizeof err)) {
      char why[1200]; /* a cut log fails to parse where it was cut: say that first */
      snprintf(why, sizeof why, "%s%s", ended ? "" : "truncated: the log stops before its 'end' line; ", err);
      reject(g, FL_CLASS_CORRUPT, why);
    }
    else if (!g->rec.complete) reject(g, FL_CLASS_CORRUPT, "truncated: the log stops before its 'end' line");
    else { snprintf(g->scenario, sizeof g->scenario, "%s", g->rec.id); g->content = g->rec.content; }
  } else if (len < 13 && len && !memcmp(data, "flank-replay ", len))
    reject(g, FL_CLASS_CORRUPT, "truncated: the log stops in its first line");
  else reject(g, FL_CLASS_NOTGAME, "neither a Flank replay log nor a save");
  free(data);
}

/* Whether r replays and verifies as recorded. */
static int replays(fl_Script *sc, const fl_Replay *r, const char *name) {
  char err[1024];
  return fl_whatif_run(sc, r, name, NULL, err, sizeof err) == FL_WHATIF_OK && fl_whatif_verify(sc, r, name, err, sizeof err) == FL_WHATIF_OK;
}

/* A log that does not verify: were its parameter lines edited? It was if its hashes follow
 * from the values in force (the scenario's, or class.txt's) for the parameters whose
 * recorded value differs, or from the scenario's defaults: one replay per parameter that
 * differs, and one with all of them. 1 with the reason in why; 0: nothing can be told. */
static int edited_params(fl_ClassGame *g, fl_Script *sc, char *why, size_t n) {
  const fl_Def *d = fl_script_def(sc);
  fl_Replay *r = &g->rec;
  int np = r->nparams < 64 ? r->nparams : 64;
  double was[64];
  for (int i = 0; i < np; i++) was[i] = r->params[i].value;
  int classed = 0;
  for (int p = 0; p < d->nparam; p++) classed |= d->params[p].value != d->params[p].dflt;
  for (int pass = 0; pass < 1 + classed; pass++) { /* 0: the values in force; 1: the scenario's defaults */
    int differ = 0;
    for (int one = -1; one < np; one++) { /* -1: every parameter that differs at once */
      int changed = 0;
      for (int i = 0; i < np; i++) {
        int p = fl_def_param(d, r->params[i].id);
        double v = p < 0 ? was[i] : pass ? d->params[p].dflt : d->params[p].value;
        if (v != was[i] && (one < 0 || one == i)) { r->params[i].value = v; changed++; }
      }
      if (one < 0) differ = changed;
      int ok = changed && replays(sc, r, g->path);
      if (ok) {
        char rec[512] = "", fol[512] = "";
        for (int i = 0; i < np; i++)
          if (r->params[i].value != was[i]) {
            size_t a = strlen(rec), b = strlen(fol);
            snprintf(rec + a, sizeof rec - a, "%s%s %g (line %d)", a ? ", " : "", r->params[i].id, was[i], r->params[i].line);
            snprintf(fol + b, sizeof fol - b, "%s%s %g", b ? ", " : "", r->params[i].id, r->params[i].value);
          }
        snprintf(why, n, "its assumptions appear to have been edited: the log records %s, but its turns follow from %s", rec, fol);
      }
      for (int i = 0; i < np; i++) r->params[i].value = was[i];
      if (ok) return 1;
      if (differ <= 1) break; /* none differs, or the one that does was just tried */
    }
  }
  return 0;
}

/* Replay the game from its own record and compare: the turn hashes and ending a log
 * records, or the whole state a save holds. */
static void verify(fl_ClassGame *g, fl_Script *sc) {
  const fl_Def *d = fl_script_def(sc);
  char err[1024];
  fl_State *saved = NULL;
  if (g->is_save) {
    size_t len;
    char *data = fl_str_read_file(g->path, &len);
    saved = fl_state_new(d);
    int rc = !data || !saved || fl_save_parse(data, len, g->path, d, saved, err, sizeof err);
    free(data);
    if (rc) { reject(g, FL_CLASS_CORRUPT, data ? err : strerror(errno)); fl_state_free(saved); return; }
    if (fl_whatif_record(&g->rec, d, saved, NULL)) { reject(g, FL_CLASS_ERROR, "out of memory"); fl_state_free(saved); return; }
  }
  int rc = fl_whatif_run(sc, &g->rec, g->path, NULL, err, sizeof err);
  if (rc == FL_WHATIF_OK && !g->is_save) rc = fl_whatif_verify(sc, &g->rec, g->path, err, sizeof err);
  if (rc == FL_WHATIF_OK && saved && fl_state_hash(saved) != fl_state_hash(fl_game_state(fl_script_game(sc)))) {
    rc = FL_WHATIF_DIFFERS;
    snprintf(err, sizeof err, "%s: the saved game does not follow from its own decisions", g->path);
  }
  fl_state_free(saved);
  if (rc == FL_WHATIF_SCRIPT) { reject(g, FL_CLASS_ERROR, err); return; }
  if (rc == FL_WHATIF_DIFFERS && !g->is_save && edited_params(g, sc, err, sizeof err)) { reject(g, FL_CLASS_TAMPERED, err); return; }
  if (rc) { reject(g, FL_CLASS_TAMPERED, err); return; }
  g->state = fl_state_clone(fl_game_state(fl_script_game(sc)));
  if (!g->state) { reject(g, FL_CLASS_ERROR, "out of memory"); return; }
  /* the student's sides: recorded as human and playable, else every playable side */
  for (int i = 0; i < g->rec.npolicies; i++) {
    int s = fl_def_side(d, g->rec.policy_side[i]);
    if (s >= 0 && d->sides[s].playable && !strcmp(g->rec.policy_name[i], "human") && !g->is_save) g->student |= FL_SIDE_BIT(s);
  }
  g->computer = !g->is_save && !g->student; /* a save does not say who played; a log does */
  size_t ol = 0; /* values other than the class's (the scenario's, or class.txt's): a game played elsewhere */
  for (int i = 0; i < g->rec.nparams && ol < sizeof g->other; i++) {
    int p = fl_def_param(d, g->rec.params[i].id);
    if (p >= 0 && fabs(g->rec.params[i].value - d->params[p].value) > 1e-9 * (1 + fabs(d->params[p].value)))
      ol += (size_t)snprintf(g->other + ol, sizeof g->other - ol, "%s%s %g (the class's %g%s)", ol ? "; " : "", d->params[p].id,
                             g->rec.params[i].value, d->params[p].value, d->params[p].locked ? ", locked" : "");
  }
  if (!g->student)
    for (int s = 0; s < d->nside; s++)
      if (d->sides[s].playable) g->student |= FL_SIDE_BIT(s);
}

static int by_order(const void *a, const void *b) {
  const fl_ClassGame *x = a, *y = b;
  if (x->status != y->status) return x->status - y->status; /* verified first */
  return x->order < y->order ? -1 : x->order > y->order ? 1 : strcmp(x->path, y->path);
}

static int by_name(const void *a, const void *b) {
  const fl_ClassGame *x = a, *y = b;
  if (x->status != y->status) return x->status - y->status;
  int r = strcmp(x->name, y->name);
  return r ? r : strcmp(x->path, y->path);
}

/* The scenario the class played: --scenario, else the one most files are for. */
static const char *class_scenario(const fl_Class *c) {
  const char *best = NULL;
  int most = 0;
  for (int i = 0; i < c->n; i++) {
    if (!c->g[i].scenario[0]) continue;
    int k = 0;
    for (int j = 0; j < c->n; j++) k += !strcmp(c->g[j].scenario, c->g[i].scenario);
    if (k > most) { most = k; best = c->g[i].scenario; }
  }
  return best;
}

/* The model's games at each seed the class's games used (one per policy set): the main
 * ensemble's when the seed is among its seeds, else a small run of their own. A class that
 * played a war-prone seed otherwise reads the model's shares over many seeds as "we did badly". */
static void class_seeds(fl_Class *c, fl_Script *sc, const fl_PolicySet *sets, int nset, const fl_ScriptOpts *opts) {
  for (int i = 0; i < c->n && c->ens; i++) {
    uint64_t seed = c->g[i].rec.seed;
    if (c->g[i].status || fl_class_seed(c, seed) || c->nseeds >= 64) continue;
    fl_ClassSeed *ns = realloc(c->seeds, (size_t)(c->nseeds + 1) * sizeof *ns);
    if (!ns) return;
    c->seeds = ns;
    fl_ClassSeed *z = &ns[c->nseeds];
    memset(z, 0, sizeof *z);
    z->seed = seed;
    if (seed >= c->ens->seed_base && seed - c->ens->seed_base < c->ens->runs) {
      z->e = c->ens;
      z->first = (size_t)(seed - c->ens->seed_base);
      z->stride = (size_t)c->ens->runs;
    } else {
      /* a few games: played on the loaded script, as loading one per thread costs more than they do */
      fl_EnsembleSpec spec = {fl_script_dir(sc), cli_scenario_path(), opts, sc, sets, nset, seed, 1, 1, NULL, NULL, 0, 1, 0};
      char err[2048];
      z->own = fl_ensemble_new(&spec, err, sizeof err);
      if (!z->own || fl_ensemble_run(z->own, err, sizeof err)) {
        fprintf(stderr, "flank class: the model's games at seed %llu failed: %s\n", (unsigned long long)seed, err);
        fl_ensemble_free(z->own);
        continue;
      }
      z->e = z->own;
      z->stride = 1;
    }
    c->nseeds++;
  }
}

int cmd_class(int argc, char **argv) {
  const char *scen = NULL, *out = NULL, *csv = NULL;
  uint64_t runs = FL_ENSEMBLE_RUNS, jobs = 0;
  fl_Class c = {0};
  fl_ScriptOpts opts = {0};
  int rc = EXIT_USAGE, nfiles = 0;
  char cmdline[2048];
  size_t cl = (size_t)snprintf(cmdline, sizeof cmdline, "flank class");
  for (int i = 1; i < argc && cl < sizeof cmdline; i++) /* how the report was made, less where it went */
    if (!strcmp(argv[i], "--out") || !strcmp(argv[i], "--csv")) i++;
    else cl += (size_t)snprintf(cmdline + cl, sizeof cmdline - cl, " %s", argv[i]);
  for (int i = 1; i < argc; i++) {
    int bad = 0;
    const char *a = argv[i];
    if (cli_script_opt("class", argc, argv, &i, &opts, &bad)) { if (bad) goto done; continue; }
    if (!strcmp(a, "--names")) c.names = 1;
    else if (!strcmp(a, "--scenario") && i + 1 < argc) scen = argv[++i];
    else if (!strcmp(a, "--out") && i + 1 < argc) out = argv[++i];
    else if (!strcmp(a, "--csv") && i + 1 < argc) csv = argv[++i];
    else if (!strcmp(a, "--runs") && i + 1 < argc) { if (cli_parse_u64(argv[++i], &runs) || runs > 1000000) { cli_usage_error("class", "--runs needs a number of games per policy (0: no comparison)"); goto done; } }
    else if (!strcmp(a, "--jobs") && i + 1 < argc) { if (cli_parse_u64(argv[++i], &jobs) || !jobs || jobs > 1024) { cli_usage_error("class", "--jobs needs a number from 1 to 1024"); goto done; } }
    else if (a[0] == '-' && a[1]) { cli_bad_option("class", a); goto done; }
    else { if (add_path(&c, a)) goto done; nfiles++; }
  }
  if (!nfiles) { cli_usage_error("class", "which files? e.g. flank class submissions/ --out class.html"); goto done; }
  if (!c.n) { fprintf(stderr, "flank class: no files to read\n"); goto done; }
  for (int i = 0; i < c.n; i++) identify(&c.g[i]);
  const char *id = scen ? scen : class_scenario(&c);
  if (!id) { fprintf(stderr, "flank class: none of the %d files is a Flank log or save\n", c.n); rc = EXIT_FAILED; goto report; }
  fl_Script *sc = cli_load(id, &opts);
  if (!sc) goto done;
  c.def = fl_script_def(sc);
  for (int i = 0; i < c.n; i++) {
    fl_ClassGame *g = &c.g[i];
    char why[600];
    if (g->status) continue;
    if (strcmp(g->scenario, c.def->id)) {
      snprintf(why, sizeof why, "made for scenario '%s', not '%s'", g->scenario, c.def->id);
      reject(g, FL_CLASS_FOREIGN, why);
    } else if (g->content != c.def->content_hash && !g->is_save &&
               strcmp(g->rec.lang[0] ? g->rec.lang : "en", opts.lang && *opts.lang ? opts.lang : "en")) {
      /* the texts are part of the content: a game played in another language reads in it */
      snprintf(why, sizeof why, "played in --lang %s (read it with flank class --lang %s)", g->rec.lang[0] ? g->rec.lang : "en",
               g->rec.lang[0] ? g->rec.lang : "en");
      reject(g, FL_CLASS_FOREIGN, why);
    } else if (g->content != c.def->content_hash) {
      snprintf(why, sizeof why, "made with another version of '%s' (content %016llx, the class's is %016llx)", c.def->id,
               (unsigned long long)g->content, (unsigned long long)c.def->content_hash);
      reject(g, FL_CLASS_FOREIGN, why);
    } else verify(g, sc);
  }
  qsort(c.g, (size_t)c.n, sizeof *c.g, c.names ? by_name : by_order);
  /* the same seed, choices and end: one game handed in twice (or copied), counted once */
  for (int i = 0; i < c.n; i++)
    for (int j = 0; j < i && !c.g[i].status; j++)
      if (!c.g[j].status && c.g[j].rec.seed == c.g[i].rec.seed && c.g[j].rec.nactions == c.g[i].rec.nactions &&
          c.g[j].state->turn == c.g[i].state->turn && fl_state_hash(c.g[j].state) == fl_state_hash(c.g[i].state)) {
        c.g[i].status = FL_CLASS_COPY;
        c.g[i].copy_of = c.g[j].path;
      }
  qsort(c.g, (size_t)c.n, sizeof *c.g, c.names ? by_name : by_order);
  for (int i = 0, k = 0; i < c.n; i++) if (!c.g[i].status) c.g[i].number = ++k;
  for (int i = 0; i < c.n; i++)
    for (int j = 0; c.g[i].status == FL_CLASS_COPY && j < c.n; j++)
      if (!c.g[j].status && c.g[j].path == c.g[i].copy_of) {
        char who[64];
        snprintf(who, sizeof who, "Student %d", c.g[j].number);
        snprintf(c.g[i].reason, sizeof c.g[i].reason, "the same game as %s, move for move (handed in twice, or copied): counted once",
                 c.names ? c.g[j].name : who);
      }
  /* the model's ensemble, for the side most students played */
  int votes[64] = {0};
  for (int i = 0; i < c.n; i++)
    for (int s = 0; s < c.def->nside && s < 64; s++) votes[s] += !c.g[i].status && (c.g[i].student & FL_SIDE_BIT(s));
  c.side = 0;
  for (int s = 1; s < c.def->nside && s < 64; s++) if (votes[s] > votes[c.side]) c.side = s;
  fl_PolicySet *sets = NULL;
  int nset = runs ? fl_ensemble_default_sets(sc, c.side, &sets) : 0;
  if (nset) {
    fl_EnsembleSpec spec = {fl_script_dir(sc), cli_scenario_path(), &opts, sc, sets, nset, 1, runs, (int)jobs, NULL, NULL, 0, 1, 0};
    char err[2048];
    c.ens = fl_ensemble_new(&spec, err, sizeof err);
    if (!c.ens || fl_ensemble_run(c.ens, err, sizeof err)) {
      fprintf(stderr, "flank class: the model's games failed: %s\n", err);
      fl_ensemble_free(c.ens);
      c.ens = NULL;
    }
  }
  if (c.ens && (c.set_label = calloc((size_t)c.ens->nset, sizeof *c.set_label)))
    for (int s = 0; s < c.ens->nset; s++) { /* the strips name each policy as players read it */
      const char *l = fl_script_policy_label(sc, c.side, c.ens->set_name[s]);
      c.set_label[s] = l ? fl_str_dup(l) : NULL;
    }
  class_seeds(&c, sc, sets, nset, &opts);
  fl_test_free_sets(sets, nset);
  c.command = cmdline;
  int counts[FL_CLASS_NKIND];
  fl_class_counts(&c, counts);
  rc = EXIT_OK;
  FILE *f;
  if (out) {
    if (!(f = fopen(out, "w"))) { fprintf(stderr, "flank class: cannot write %s: %s\n", out, strerror(errno)); rc = EXIT_USAGE; }
    else { fl_class_html(f, &c); if (fclose(f)) { fprintf(stderr, "flank class: error writing %s\n", out); rc = EXIT_USAGE; } }
  }
  if (csv) {
    if (!(f = !strcmp(csv, "-") ? stdout : fopen(csv, "w"))) { fprintf(stderr, "flank class: cannot write %s: %s\n", csv, strerror(errno)); rc = EXIT_USAGE; }
    else { fl_class_csv(f, &c); if (f != stdout && fclose(f)) { fprintf(stderr, "flank class: error writing %s\n", csv); rc = EXIT_USAGE; } }
  }
  fl_script_free(sc);
  c.def = NULL;
report:;
  /* the teacher's summary: always with the files' names, so a bad one can be followed up */
  int k[FL_CLASS_NKIND] = {0}, unfinished = 0;
  for (int i = 0; i < c.n; i++) k[c.g[i].status]++, unfinished += !c.g[i].status && !fl_class_finished(&c.g[i]);
  FILE *so = csv && !strcmp(csv, "-") ? stderr : stdout;
  int ngame = c.n - k[FL_CLASS_NOTGAME];
  fprintf(so, "%s: %d game file%s: %d verified", id ? id : "class", ngame, ngame == 1 ? "" : "s", k[FL_CLASS_OK]);
  if (unfinished) fprintf(so, " (%d unfinished)", unfinished);
  for (int s = 1; s < FL_CLASS_NOTGAME; s++) if (k[s]) fprintf(so, ", %d %s", k[s], fl_class_kind(s));
  if (k[FL_CLASS_NOTGAME]) fprintf(so, "; %d other file%s skipped (not a game file)", k[FL_CLASS_NOTGAME], k[FL_CLASS_NOTGAME] == 1 ? "" : "s");
  fputc('\n', so);
  for (int i = 0; i < c.n; i++)
    if (c.g[i].status) fprintf(so, "  skipped %s (%s): %s\n", c.g[i].path, fl_class_kind(c.g[i].status), c.g[i].reason);
  for (int i = 0; i < c.n; i++) {
    if (c.g[i].status) continue;
    if (!c.names) fprintf(so, "  Student %d is %s\n", c.g[i].number, c.g[i].path); /* the report is anonymous; the teacher is not */
    if (c.g[i].computer) fprintf(so, "  note %s: played by the computer (flank run): no side is recorded as a person's\n", c.g[i].path);
    if (*c.g[i].other) fprintf(so, "  note %s: played under other assumptions than the class's: %s\n", c.g[i].path, c.g[i].other);
  }
  if (!k[FL_CLASS_OK] && rc == EXIT_OK) rc = EXIT_FAILED;
done:
  for (int i = 0; i < c.n; i++) {
    free(c.g[i].path); free(c.g[i].name);
    fl_replay_free(&c.g[i].rec);
    fl_state_free(c.g[i].state);
  }
  free(c.g);
  for (int i = 0; i < c.nseeds; i++) fl_ensemble_free(c.seeds[i].own);
  free(c.seeds);
  for (int s = 0; c.set_label && s < c.ens->nset; s++) free(c.set_label[s]);
  free(c.set_label);
  fl_ensemble_free(c.ens);
  return rc;
}
