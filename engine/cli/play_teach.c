/* The window's teaching tools, host side: parameters set in the briefing, "save for my
 * teacher", what-if forks and "your game among many". Each fork and each ensemble is a
 * job prepared on the UI thread (it copies what it needs) and run on the window's worker
 * thread with its own fl_Script, so nothing here touches the window's game while it runs.
 * The engine calls are the ones the text debrief (cli_debrief.c) makes; "save for my
 * teacher" is one function for both (cli_save_log, built without the window too). */
#define _POSIX_C_SOURCE 200809L
#include "fl_cli.h"
#include "fl_buf.h"
#include "fl_i18n.h"
#include "fl_save.h"
#include <unistd.h>

/* ---- save for my teacher -------------------------------------------------------- */

/* The game's replay log, the bytes flank run --log and play --text --log write (cli_replay_text),
 * to path through a temporary file and a rename: a failed save leaves an old file whole. 1: path
 * exists and overwrite is 0 (nothing written, "PATH already exists" in msg); -1: not saved,
 * "path: reason" in msg; 0: saved ("Saved for your teacher: PATH" in msg). The window's dialog
 * and the text debrief's 'save' (cli_debrief.c, which declares it) write through it. */
int cli_save_log(fl_Script *sc, uint64_t seed, const char *where, const char *lang, fl_Sides humans, const char *path,
                 int overwrite, char *msg, size_t n) {
  if (!sc) { snprintf(msg, n, "no game to save"); return -1; }
  if (!overwrite && access(path, F_OK) == 0) { snprintf(msg, n, "%s already exists", path); return 1; }
  fl_Buf b = {0};
  cli_replay_text(&b, sc, seed, where, lang, humans);
  int rc = b.oom ? (snprintf(msg, n, "out of memory"), -1) : fl_save_write_atomic(path, b.data, b.len, msg, n);
  fl_buf_free(&b);
  if (!rc) snprintf(msg, n, FL_TR("Saved for your teacher: %s"), path);
  return rc ? -1 : 0;
}

#ifdef FLANK_HAVE_UI
#include "cli_play.h"
#include "fl_ens_cache.h"
#include "fl_ensemble.h"
#include "fl_str.h"
#include "fl_ui.h"
#include "fl_whatif.h"
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

void cli_play_forget_sets(cli_Play *p) {
  for (int i = 0; i < CLI_PLAY_MAXSET; i++) { free(p->own[i]); p->own[i] = NULL; }
  if (p->opts.set == p->setv) p->opts.nset = p->ncli;
}

/* ---- parameters ----------------------------------------------------------------- */

static int set_param(void *ud, int i, double v, char *msg, size_t n) {
  cli_Play *p = ud;
  if (!p->sc) { snprintf(msg, n, "no scenario is open"); return -1; }
  const fl_Def *d = fl_script_def(p->sc);
  if (i < 0 || i >= d->nparam) { snprintf(msg, n, "no parameter %d", i); return -1; }
  char spec[200];
  snprintf(spec, sizeof spec, "%s=%.15g", d->params[i].id, v);
  if (fl_script_set_param(p->sc, spec, msg, n)) return -1;
  if (p->opts.set != p->setv) { /* first change: keep the command line's values first */
    p->ncli = p->opts.nset < CLI_PLAY_MAXSET / 2 ? p->opts.nset : CLI_PLAY_MAXSET / 2;
    for (int k = 0; k < p->ncli; k++) p->setv[k] = p->opts.set[k];
    p->opts.set = p->setv;
    p->opts.nset = p->ncli;
  }
  /* later values win when the scenario loads again (reload): replace this parameter's */
  size_t il = strlen(d->params[i].id);
  int k = p->ncli;
  while (k < p->opts.nset && !(strncmp(p->setv[k], d->params[i].id, il) == 0 && p->setv[k][il] == '=')) k++;
  if (k == CLI_PLAY_MAXSET) { snprintf(msg, n, "too many parameters changed"); return -1; }
  char *dup = fl_str_dup(spec);
  if (!dup) { snprintf(msg, n, "out of memory"); return -1; }
  free(p->own[k]);
  p->own[k] = dup;
  p->setv[k] = dup;
  if (k == p->opts.nset) p->opts.nset++;
  cli_play_prefetch_stop(p); /* other games now: played ahead again when the game starts */
  msg[0] = 0;
  return 0;
}

/* ---- save for my teacher: the window's dialog writes through cli_save_log (above) -- */

static int save_log(void *ud, const char *path, int overwrite, char *msg, size_t n) {
  cli_Play *p = ud;
  return cli_save_log(p->sc, p->seed, p->where, p->opts.lang, p->human >= 0 ? FL_SIDE_BIT(p->human) : 0, path, overwrite, msg, n);
}

/* ---- what-if forks ------------------------------------------------------------- */

/* Loading the flagship takes longer than playing a fork to its end, so forks reuse loaded
 * scripts: each fork takes one (or loads one) and gives it back. A fork plays from the
 * record's seed, policies and parameters, as a batch reuses a script from game to game.
 * gen changes when the scenario does; a script of an older generation is freed. */
typedef struct cli_ForkPool { pthread_mutex_t mu; fl_Script *sc[4]; int n; unsigned gen; } cli_ForkPool;

typedef struct ForkJob {
  fl_Replay r;
  char dir[PATH_MAX], root[4096], lang[32], decision[64], option[64], targets[1024];
  int at, has_decision, nth;
  cli_ForkPool *pool; unsigned gen;
} ForkJob;

static void pool_flush(cli_ForkPool *f) {
  pthread_mutex_lock(&f->mu);
  while (f->n) fl_script_free(f->sc[--f->n]);
  f->gen++;
  pthread_mutex_unlock(&f->mu);
}

void cli_play_scripts_changed(cli_Play *p) {
  cli_play_prefetch_stop(p); /* it reads the old script's definition */
  if (p->forks) pool_flush(p->forks);
}

void cli_play_teach_free(cli_Play *p) {
  cli_play_prefetch_stop(p);
  if (!p->forks) return;
  pool_flush(p->forks);
  pthread_mutex_destroy(&p->forks->mu);
  free(p->forks);
  p->forks = NULL;
}

/* The window's pool (made on first use) and its generation now, for a job that will use it. */
static cli_ForkPool *pool_of(cli_Play *p, unsigned *gen) {
  if (!p->forks && (p->forks = calloc(1, sizeof *p->forks))) pthread_mutex_init(&p->forks->mu, NULL);
  if (!p->forks) return NULL;
  pthread_mutex_lock(&p->forks->mu);
  *gen = p->forks->gen;
  pthread_mutex_unlock(&p->forks->mu);
  return p->forks;
}

static fl_Script *pool_take(ForkJob *j) {
  fl_Script *sc = NULL;
  pthread_mutex_lock(&j->pool->mu);
  if (j->pool->gen == j->gen && j->pool->n) sc = j->pool->sc[--j->pool->n];
  pthread_mutex_unlock(&j->pool->mu);
  return sc;
}

static void pool_give(cli_ForkPool *pool, unsigned gen, fl_Script *sc) {
  pthread_mutex_lock(&pool->mu);
  if (pool->gen == gen && pool->n < 4) { pool->sc[pool->n++] = sc; sc = NULL; }
  pthread_mutex_unlock(&pool->mu);
  fl_script_free(sc);
}

static const char *policy_of(const cli_Play *p, int side) {
  return side == p->human ? NULL : fl_script_policy(p->sc, side); /* NULL: "human" */
}

static void *fork_new(void *ud, int at_turn, int nth, const char *decision, const char *option, const char *targets, char *msg,
                      size_t n) {
  cli_Play *p = ud;
  if (!p->sc) { snprintf(msg, n, "no game"); return NULL; }
  const fl_Def *d = fl_script_def(p->sc);
  ForkJob *j = calloc(1, sizeof *j);
  const char *pol[64];
  for (int i = 0; i < d->nside && i < 64; i++) pol[i] = policy_of(p, i);
  if (!j || fl_whatif_record(&j->r, d, fl_game_state(fl_script_game(p->sc)), pol)) {
    free(j);
    snprintf(msg, n, "out of memory");
    return NULL;
  }
  snprintf(j->dir, sizeof j->dir, "%s", fl_script_dir(p->sc));
  snprintf(j->root, sizeof j->root, "%s", cli_scenario_path() ? cli_scenario_path() : "");
  snprintf(j->lang, sizeof j->lang, "%s", p->opts.lang ? p->opts.lang : "");
  if (!(j->pool = pool_of(p, &j->gen))) { fl_replay_free(&j->r); free(j); snprintf(msg, n, "out of memory"); return NULL; }
  j->at = at_turn;
  j->nth = nth;
  if ((j->has_decision = decision && option)) {
    snprintf(j->decision, sizeof j->decision, "%s", decision);
    snprintf(j->option, sizeof j->option, "%s", option);
    snprintf(j->targets, sizeof j->targets, "%s", targets ? targets : "");
  }
  return j;
}

/* A script for job j (a waiting one, or loaded now) with the record's policies; NULL with msg. */
static fl_Script *job_script(ForkJob *j, char *msg, size_t n) {
  /* the record carries the game's parameter values: the fork needs no --set */
  fl_ScriptOpts o = {0};
  o.lang = *j->lang ? j->lang : NULL;
  fl_Script *sc = pool_take(j);
  if (!sc && !(sc = fl_script_load(j->dir, *j->root ? j->root : NULL, &o, msg, n))) return NULL;
  fl_whatif_policies(sc, &j->r);
  return sc;
}

static int fork_run(void *job, fl_State **out, char *msg, size_t n) {
  ForkJob *j = job;
  *out = NULL;
  fl_Script *sc = job_script(j, msg, n);
  if (!sc) return -1;
  fl_WhatIfKept kept = {0};
  fl_WhatIf w = {j->at, j->has_decision ? j->decision : NULL, j->has_decision ? j->option : NULL,
                 j->has_decision && *j->targets ? j->targets : NULL, NULL, NULL, 0, 0, &kept, j->nth};
  int rc = fl_whatif_run(sc, &j->r, FL_TR("Your game"), &w, msg, n);
  if (rc == FL_WHATIF_OK && j->has_decision) cli_whatif_kept_short(msg, n, &kept); /* on success msg says what became of the later choices */
  if (rc == FL_WHATIF_OK && !j->has_decision) { /* or what the computer chose otherwise than the people in the record */
    const fl_Def *d = fl_script_def(sc);
    fl_Sides people = 0;
    for (int i = 0; i < j->r.npolicies; i++) {
      int side = fl_def_side(d, j->r.policy_side[i]);
      if (side >= 0 && !strcmp(j->r.policy_name[i], "human")) people |= FL_SIDE_BIT(side);
    }
    if (people) cli_computer_chose_short(msg, n, d, &j->r, fl_game_state(fl_script_game(sc)), people, j->at);
  }
  if (rc == FL_WHATIF_OK && !(*out = fl_state_clone(fl_game_state(fl_script_game(sc))))) { snprintf(msg, n, "out of memory"); rc = -1; }
  pool_give(j->pool, j->gen, sc);
  return rc == FL_WHATIF_OK ? 0 : -1;
}

static void fork_free(void *job) {
  ForkJob *j = job;
  if (!j) return;
  fl_replay_free(&j->r);
  free(j);
}

/* The legal targets of an option at a what-if point, on the UI thread: the record replayed to
 * that decision in a loaded script (a few milliseconds; loading one, if none waits, is the
 * slow part, and the ensemble's thread usually has one ready). */
static int fork_targets(void *ud, int at_turn, int nth, const char *decision, const char *option, int32_t *out, int max, char *msg,
                        size_t n) {
  ForkJob *j = fork_new(ud, at_turn, nth, decision, option, NULL, msg, n);
  fl_Script *sc = j ? job_script(j, msg, n) : NULL;
  if (!sc) { fork_free(j); return -1; }
  fl_WhatIf w = {j->at, j->decision, j->option, NULL, NULL, NULL, 0, 0, NULL, j->nth};
  int k = 0, rc = fl_whatif_targets(sc, &j->r, FL_TR("Your game"), &w, out, max, &k, msg, n);
  pool_give(j->pool, j->gen, sc);
  fork_free(j);
  return rc == FL_WHATIF_OK ? k : -1;
}

/* Which options were open at a what-if point: the record replayed to it, as fork_targets. */
static int fork_open(void *ud, int at_turn, int nth, const char *decision, char *open, char (*why)[160], int max, char *msg,
                     size_t n) {
  ForkJob *j = fork_new(ud, at_turn, nth, decision, NULL, NULL, msg, n);
  fl_Script *sc = j ? job_script(j, msg, n) : NULL;
  if (!sc) { fork_free(j); return -1; }
  fl_WhatIf w = {j->at, decision, NULL, NULL, NULL, NULL, 0, 0, NULL, j->nth}; /* (a job without an option keeps no decision) */
  int rc = fl_whatif_open(sc, &j->r, FL_TR("Your game"), &w, open, why, max, msg, n);
  pool_give(j->pool, j->gen, sc);
  fork_free(j);
  return rc == FL_WHATIF_OK ? 0 : -1;
}

/* ---- your game among many ------------------------------------------------------ */

typedef struct AmongJob {
  fl_Ensemble *e;
  fl_PolicySet *sets; int nset;
  const fl_Def *def;         /* the window's definition, for phrases (read-only) */
  fl_ScriptOpts opts;
  char *set[CLI_PLAY_MAXSET];
  char **label;              /* per policy set: the name people read (copies: the window may reload its script) */
  char **text;               /* per policy set: the scenario's text for it (copies), "" when it has none */
  char dir[PATH_MAX], root[4096], lang[32];
  struct cli_Prefetch *pre;  /* the same games, played ahead and still running: taken over */
  cli_ForkPool *pool; unsigned gen; /* where the first what-if fork looks for a loaded script */
} AmongJob;

/* Load a script for the forks if none waits: done before the games, on their thread, so a
 * fork asked for while they run does not load the scenario again. */
static void pool_warm(const AmongJob *j) {
  if (!j->pool) return;
  pthread_mutex_lock(&j->pool->mu);
  int want = j->pool->gen == j->gen && j->pool->n == 0;
  pthread_mutex_unlock(&j->pool->mu);
  if (!want) return;
  fl_ScriptOpts o = {0};
  o.lang = *j->lang ? j->lang : NULL;
  char msg[512];
  fl_Script *sc = fl_script_load(j->dir, *j->root ? j->root : NULL, &o, msg, sizeof msg);
  if (sc) pool_give(j->pool, j->gen, sc);
}

/* A debrief's games depend on the scenario, its parameters and the side a person plays, not
 * on the game: all are fixed once a game starts, so the games are played from then on, in
 * the background at a low priority, while the student plays. The debrief then reads them
 * from the cache (fl_ens_cache.c), or takes over the run if it is still going, so a student
 * rarely waits. The same thread first loads a script for the what-if forks. */
typedef struct cli_Prefetch {
  struct AmongJob *job;
  pthread_t th;
  atomic_int fin;            /* its games are played (or it stopped) */
  int joined;                /* its thread was joined (by the debrief that took it over) */
  int human; unsigned runs;
} cli_Prefetch;

static void among_free(void *job);

static void prefetch_free(cli_Prefetch *f) {
  if (!f) return;
  if (!f->joined) {
    fl_ensemble_cancel(f->job->e);
    pthread_join(f->th, NULL);
  }
  among_free(f->job);
  free(f);
}

static void among_free(void *job) {
  AmongJob *j = job;
  if (!j) return;
  prefetch_free(j->pre);
  fl_ensemble_free(j->e);
  if (j->sets) fl_test_free_sets(j->sets, j->nset);
  for (int i = 0; i < CLI_PLAY_MAXSET; i++) free(j->set[i]);
  for (int i = 0; j->label && i < j->nset; i++) free(j->label[i]);
  free(j->label);
  for (int i = 0; j->text && i < j->nset; i++) free(j->text[i]);
  free(j->text);
  free(j);
}

static AmongJob *among_make(cli_Play *p, int human, unsigned runs, int background, char *msg, size_t n) {
  if (!p->sc) { snprintf(msg, n, "no game"); return NULL; }
  AmongJob *j = calloc(1, sizeof *j);
  if (!j) { snprintf(msg, n, "out of memory"); return NULL; }
  j->def = fl_script_def(p->sc);
  j->nset = fl_ensemble_default_sets(p->sc, human, &j->sets);
  if (j->nset <= 0) {
    snprintf(msg, n, "%s", FL_TR("The scenario defines no policies to compare your game with."));
    among_free(j);
    return NULL;
  }
  int ok = (j->label = calloc((size_t)j->nset, sizeof *j->label)) != NULL;
  for (int i = 0; ok && i < j->nset; i++) ok = (j->label[i] = fl_str_dup(fl_script_policy_label(p->sc, human, j->sets[i].name))) != NULL;
  ok = ok && (j->text = calloc((size_t)j->nset, sizeof *j->text)) != NULL;
  for (int i = 0; ok && i < j->nset; i++) { /* the debrief shows it under the mouse ("a yardstick, not a plan: ...") */
    const char *txt = "", *id, *nm, *tx;
    int side;
    for (int k = 0; !fl_script_policy_info(p->sc, k, &side, &id, &nm, &tx); k++)
      if (!strcmp(id, j->sets[i].name) && (human < 0 || side == human) && tx && *tx) { txt = tx; break; }
    ok = (j->text[i] = fl_str_dup(txt)) != NULL;
  }
  if (!ok) { snprintf(msg, n, "out of memory"); among_free(j); return NULL; }
  snprintf(j->dir, sizeof j->dir, "%s", fl_script_dir(p->sc));
  snprintf(j->root, sizeof j->root, "%s", cli_scenario_path() ? cli_scenario_path() : "");
  snprintf(j->lang, sizeof j->lang, "%s", p->opts.lang ? p->opts.lang : "");
  /* the games run under the parameter values of the student's game */
  const fl_State *s = fl_game_state(fl_script_game(p->sc));
  int ns = 0;
  for (int i = 0; i < j->def->nparam && i < s->nparam && ns < CLI_PLAY_MAXSET; i++) {
    char spec[200];
    if (s->params[i] == j->def->params[i].value) continue;
    snprintf(spec, sizeof spec, "%s=%.15g", j->def->params[i].id, s->params[i]);
    if (!(j->set[ns++] = fl_str_dup(spec))) { snprintf(msg, n, "out of memory"); among_free(j); return NULL; }
  }
  j->opts.lang = *j->lang ? j->lang : NULL;
  j->opts.set = (const char *const *)j->set;
  j->opts.nset = ns;
  j->pool = pool_of(p, &j->gen); /* NULL (out of memory): the forks load their own */
  fl_EnsembleSpec spec = {j->dir, *j->root ? j->root : NULL, &j->opts, NULL, j->sets, j->nset, 1, runs, 0, NULL, NULL, 0, 1,
                          background}; /* the cache: games played ahead, or by an earlier debrief */
  if (!(j->e = fl_ensemble_new(&spec, msg, n))) { among_free(j); return NULL; }
  return j;
}

/* The same games: the same side's policies, parameters and language (runs are compared apart). */
static int same_games(const AmongJob *a, const AmongJob *b) {
  if (a->nset != b->nset || a->opts.nset != b->opts.nset || strcmp(a->lang, b->lang) || strcmp(a->dir, b->dir)) return 0;
  for (int i = 0; i < a->nset; i++)
    if (strcmp(a->sets[i].name, b->sets[i].name)) return 0;
  for (int i = 0; i < a->opts.nset; i++)
    if (strcmp(a->set[i], b->set[i])) return 0;
  return 1;
}

static void *prefetch_thread(void *arg) {
  cli_Prefetch *f = arg;
  AmongJob *j = f->job;
  char msg[1024];
  pool_warm(j); /* the first what-if fork finds it loaded */
  fl_ensemble_run(j->e, msg, sizeof msg); /* an error shows when the debrief plays them itself */
  atomic_store(&f->fin, 1);
  return NULL;
}

static unsigned among_runs(void) {
  const char *env = getenv("FLANK_AMONG_RUNS"); /* as the window reads it (ui_teach.c) */
  return env ? (unsigned)strtoul(env, NULL, 10) : 0;
}

void cli_play_prefetch_stop(cli_Play *p) {
  prefetch_free(p->pre);
  p->pre = NULL;
}

void cli_play_prefetch(cli_Play *p) {
  if (p->no_prefetch || p->human < 0 || !p->sc || !fl_ens_cache_on()) { cli_play_prefetch_stop(p); return; }
  char msg[256];
  unsigned runs = among_runs();
  AmongJob *j = among_make(p, p->human, runs, 1, msg, sizeof msg);
  if (!j) { cli_play_prefetch_stop(p); return; }
  if (p->pre && p->pre->human == p->human && p->pre->runs == runs && same_games(p->pre->job, j)) { among_free(j); return; }
  cli_play_prefetch_stop(p);
  cli_Prefetch *f = calloc(1, sizeof *f);
  if (!f) { among_free(j); return; }
  f->job = j;
  f->human = p->human;
  f->runs = runs;
  atomic_init(&f->fin, 0);
  if (pthread_create(&f->th, NULL, prefetch_thread, f)) { free(f); among_free(j); return; }
  p->pre = f;
}

static void *among_new(void *ud, int human, unsigned runs, char *msg, size_t n) {
  cli_Play *p = ud;
  AmongJob *j = among_make(p, human, runs, 0, msg, n);
  if (!j || !p->pre) return j;
  if (p->pre->human == human && p->pre->runs == runs && same_games(p->pre->job, j)) {
    j->pre = p->pre; /* still running or done: the debrief waits for it, then reads the cache */
    p->pre = NULL;
    if (p->bench) printf("among_ahead %zu of %zu played\n", fl_ensemble_done(j->pre->job->e), j->pre->job->e->n), fflush(stdout);
  } else cli_play_prefetch_stop(p);
  return j;
}

static int among_run(void *job, char *msg, size_t n) {
  AmongJob *j = job;
  if (j->pre && !j->pre->joined) { /* the games played ahead: wait for them, then read them from the cache */
    pthread_join(j->pre->th, NULL);
    j->pre->joined = 1;
  } else if (!j->pre) pool_warm(j);
  int rc = fl_ensemble_run(j->e, msg, n);
  return rc == 0 ? 0 : rc == 1 ? 1 : -1;
}

static void among_cancel(void *job) {
  AmongJob *j = job;
  if (j->pre) fl_ensemble_cancel(j->pre->job->e);
  fl_ensemble_cancel(j->e);
}

static size_t among_done(void *job, size_t *total) {
  AmongJob *j = job;
  if (j->pre && atomic_load(&j->pre->fin) == 0) { /* still played ahead: its progress */
    *total = j->pre->job->e->n;
    return fl_ensemble_done(j->pre->job->e);
  }
  *total = j->e->n;
  return fl_ensemble_done(j->e);
}

static int among_result(void *job, fl_UiAmong *out) {
  const AmongJob *j = job;
  const fl_Ensemble *e = j->e;
  if (!e->val) return -1;
  *out = (fl_UiAmong){e->nset, e->ntrack, (size_t)e->runs, e->n, (const char *const *)j->label, e->val, e->ending,
                      (const char *const *)j->text}; /* names, not ids */
  return 0;
}

static const char *among_phrase(void *job, int set, int track, double value, char *buf, size_t n) {
  AmongJob *j = job;
  return fl_ensemble_phrase(j->e, j->def, (const char *const *)j->label, set, track, value, buf, n);
}

void cli_play_teach(fl_UiHost *host) {
  host->set_param = set_param;
  host->save_log = save_log;
  host->fork_new = fork_new;
  host->fork_run = fork_run;
  host->fork_free = fork_free;
  host->fork_targets = fork_targets;
  host->fork_open = fork_open;
  host->among_new = among_new;
  host->among_run = among_run;
  host->among_cancel = among_cancel;
  host->among_done = among_done;
  host->among_result = among_result;
  host->among_phrase = among_phrase;
  host->among_free = among_free;
}
#endif
