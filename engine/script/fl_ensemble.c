#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* syscall(SYS_gettid) */
#include "fl_ensemble.h"
#include "fl_ens_cache.h"
#include "fl_ens_share.h"
#include "fl_fmt.h"
#include "fl_script_int.h"
#include "fl_i18n.h"
#include "fl_str.h"
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define CHUNK 8 /* games a worker takes at once: few atomics, fair shares at the end */

typedef struct Impl {
  fl_EnsembleSpec spec;
  fl_PolicySet *sets;        /* deep copies, so the spec's may go away after fl_ensemble_new */
  atomic_size_t next, done, replays; /* replays: games played again exactly (fl_fast.c) */
  atomic_size_t shared;      /* games played in a game shared with other sets (fl_ens_share.c) */
  atomic_int stop, running;
  atomic_size_t fail_seed;   /* sharing: the lowest seed (index) with a failed game; later ones are not played */
  atomic_size_t fail_game;   /* game by game: the lowest failed game; later ones are not played, earlier ones are */
  int share;                 /* play a seed's sets as one game while they choose alike (fl_ens_share.c) */
  int share_now;             /* this run does: every set applied cleanly to the first script */
  int *group;                /* per set: the first set with the same parameters (games that can share) */
  pthread_mutex_t mu;
  size_t err_at;             /* the lowest failing game: the reported error does not depend on threads */
  int err_code;
  int cached;                /* the last run's results came from the disk cache */
  char err[2048];
} Impl;

typedef struct Worker { fl_Ensemble *e; fl_Script *sc; pthread_t th; } Worker;

static Impl *IMPL(const fl_Ensemble *e) { return e->impl; }

static int copy_set(fl_PolicySet *dst, const fl_PolicySet *src) {
  memset(dst, 0, sizeof *dst);
  dst->name = fl_str_dup(src->name ? src->name : src->all ? src->all : "default");
  dst->all = src->all ? fl_str_dup(src->all) : NULL;
  if (!dst->name || (src->all && !dst->all)) return -1;
  for (int k = 0; k < src->n; k++)
    if (fl_test_policy_add(dst, src->role[k], src->policy[k])) return -1;
  for (int k = 0; k < src->nparam; k++)
    if (fl_test_param_add(dst, src->param[k])) return -1;
  return 0;
}

static int same_params(const fl_PolicySet *a, const fl_PolicySet *b) {
  if (a->nparam != b->nparam) return 0;
  for (int k = 0; k < a->nparam; k++)
    if (strcmp(a->param[k], b->param[k])) return 0;
  return 1;
}

fl_Ensemble *fl_ensemble_new(const fl_EnsembleSpec *spec, char *err, size_t errn) {
  if (!spec->where || spec->nset < 1) { snprintf(err, errn, "an ensemble needs a scenario and at least one policy set"); return NULL; }
  fl_Ensemble *e = calloc(1, sizeof *e);
  Impl *im = calloc(1, sizeof *im);
  if (!e || !im) { free(e); free(im); snprintf(err, errn, "out of memory"); return NULL; }
  e->impl = im;
  im->spec = *spec;
  e->nset = spec->nset;
  e->runs = spec->runs ? spec->runs : FL_ENSEMBLE_RUNS;
  e->seed_base = spec->seed_base;
  e->n = (size_t)e->runs * (size_t)e->nset;
  im->sets = calloc((size_t)e->nset, sizeof *im->sets);
  e->set_name = calloc((size_t)e->nset, sizeof *e->set_name);
  int ok = im->sets && e->set_name && e->runs <= 100000000u;
  for (int s = 0; ok && s < e->nset; s++) ok = !copy_set(&im->sets[s], &spec->sets[s]) && (e->set_name[s] = fl_str_dup(im->sets[s].name));
  if (ok) {
    e->ending = calloc(e->n + 1, sizeof *e->ending);
    e->turns = calloc(e->n + 1, sizeof *e->turns);
  }
  if (!ok || !e->ending || !e->turns) { snprintf(err, errn, "out of memory"); fl_ensemble_free(e); return NULL; }
  /* sharing needs the counting-free fast mode (its exact replay is a game of its own);
   * FLANK_ENSEMBLE_SHARE=0 plays every game by itself, for comparison */
  const char *sh = getenv("FLANK_ENSEMBLE_SHARE");
  im->share = !spec->exact && e->nset > 1 && !(sh && !strcmp(sh, "0"));
  if (!(im->group = calloc((size_t)e->nset, sizeof *im->group))) { snprintf(err, errn, "out of memory"); fl_ensemble_free(e); return NULL; }
  for (int s = 0; s < e->nset; s++) {
    int g = 0;
    while (g < s && !same_params(&im->sets[g], &im->sets[s])) g++;
    im->group[s] = g;
  }
  pthread_mutex_init(&im->mu, NULL);
  atomic_init(&im->fail_seed, SIZE_MAX);
  atomic_init(&im->fail_game, SIZE_MAX);
  atomic_init(&im->shared, 0);
  atomic_init(&im->next, 0);
  atomic_init(&im->done, 0);
  atomic_init(&im->replays, 0);
  atomic_init(&im->stop, 0);
  atomic_init(&im->running, 0);
  return e;
}

void fl_ensemble_free(fl_Ensemble *e) {
  if (!e) return;
  Impl *im = IMPL(e);
  if (im) {
    if (im->sets) fl_test_free_sets(im->sets, e->nset);
    free(im->group);
    pthread_mutex_destroy(&im->mu);
    free(im);
  }
  for (int s = 0; e->set_name && s < e->nset; s++) free(e->set_name[s]);
  free(e->set_name);
  free(e->ending);
  free(e->turns);
  free(e->val);
  free(e);
}

void fl_ensemble_cancel(fl_Ensemble *e) { atomic_store(&IMPL(e)->stop, 1); }
size_t fl_ensemble_done(const fl_Ensemble *e) { return atomic_load(&IMPL(e)->done); }
size_t fl_ensemble_replays(const fl_Ensemble *e) { return atomic_load(&IMPL(e)->replays); }
size_t fl_ensemble_shared(const fl_Ensemble *e) { return atomic_load(&IMPL(e)->shared); }
int fl_ensemble_cached(const fl_Ensemble *e) { return IMPL(e)->cached; }

/* A failed game stops only the later games: the earlier ones still play, so the lowest failing
 * game is the one reported, whatever the threads' timing (stopping every worker at once let a
 * later failure on one thread hide an earlier one still to come on another). */
static void fail(Impl *im, size_t at, int code, const char *msg) {
  pthread_mutex_lock(&im->mu);
  if (!im->err_code || at < im->err_at) {
    im->err_at = at;
    im->err_code = code;
    snprintf(im->err, sizeof im->err, "%s", msg);
  }
  if (at < atomic_load(&im->fail_game)) atomic_store(&im->fail_game, at);
  pthread_mutex_unlock(&im->mu);
  if (at == 0) atomic_store(&im->stop, 1); /* nothing comes before it (a script that will not load, memory) */
}

/* One game, the way `flank run` plays it. */
static int play_once(fl_Script *sc, uint64_t seed) {
  fl_Game *g = fl_script_game(sc);
  int st = fl_game_start(g, seed);
  while (st == FL_GAME_WAITING) {
    fl_Choice ch;
    st = fl_script_choose(sc, &ch) ? FL_GAME_ERROR : fl_game_choose(g, &ch);
  }
  return st < 0 ? FL_GAME_ERROR : st;
}

/* In fast mode (fl_fast.c); played again with the counting hook if a call ran long or
 * the game failed, so that outcomes and messages are an exact run's. */
static int play(fl_Script *sc, uint64_t seed, atomic_size_t *replays) {
  fl_sb_fast_game(sc);
  int st = play_once(sc, seed);
  int again = sc->fast && (st == FL_GAME_ERROR || fl_sb_fast_tripped(sc));
  fl_sb_fast_game_end(sc, !again);
  if (again) {
    fl_sb_fast(sc, 0);
    st = play_once(sc, seed);
    fl_sb_fast(sc, 1);
    atomic_fetch_add(replays, 1);
  }
  return st;
}

/* What a failed game says: the error and the command that plays it again. */
static void game_error(Impl *im, const fl_Ensemble *e, fl_Script *sc, int set, uint64_t seed, char *msg, size_t n) {
  const fl_Def *d = fl_script_def(sc);
  int k = snprintf(msg, n, "%s\n(game with seed %llu of policy set '%s'; replay it with flank run %s --seed %llu",
                   fl_game_error(fl_script_game(sc)), (unsigned long long)seed, e->set_name[set], im->spec.where,
                   (unsigned long long)seed);
  for (int s = 0; s < d->nside && k > 0 && (size_t)k < n; s++)
    k += snprintf(msg + k, n - (size_t)k, " --side %s=%s", d->sides[s].id, fl_script_policy(sc, s));
  char num[40];
  for (int p = 0; p < d->nparam && k > 0 && (size_t)k < n; p++)
    if (fl_game_param(fl_script_game(sc), p) != d->params[p].value)
      k += snprintf(msg + k, n - (size_t)k, " --set %s=%s", d->params[p].id, fl_fmt_exact(fl_game_param(fl_script_game(sc), p), num, sizeof num));
  if (k > 0 && (size_t)k < n) snprintf(msg + k, n - (size_t)k, ")");
}

static void put(fl_Ensemble *e, fl_Script *sc, size_t i) {
  const fl_State *s = fl_game_state(fl_script_game(sc));
  size_t nt = (size_t)e->ntrack;
  e->ending[i] = s->ending;
  e->turns[i] = s->turn;
  for (size_t k = 0; k < nt; k++) e->val[i * nt + k] = s->tracks[k].value;
}

/* Sharing: a failed game is ordered by seed, then set, and stops only the later seeds, so
 * the same failure is reported for any number of threads. */
static void fail_shared(Impl *im, int nset, size_t j, int set, int code, const char *msg) {
  pthread_mutex_lock(&im->mu);
  size_t at = j * (size_t)nset + (size_t)set;
  if (!im->err_code || at < im->err_at) {
    im->err_at = at;
    im->err_code = code;
    snprintf(im->err, sizeof im->err, "%s", msg);
  }
  if (j < atomic_load(&im->fail_seed)) atomic_store(&im->fail_seed, j);
  pthread_mutex_unlock(&im->mu);
}

/* Every seed's sets played as one game per group of sets with the same parameters, while
 * their choices agree (fl_ens_share.c); one by one where sharing cannot hold. */
static void work_shared(fl_Ensemble *e, Impl *im, fl_Script *sc) {
  char err[1536];
  int nset = e->nset;
  fl_EnsPlayers *pl = calloc((size_t)nset, sizeof *pl);
  int *set = malloc((size_t)nset * sizeof *set);
  size_t *slot = malloc((size_t)nset * sizeof *slot);
  int ok = pl && set && slot;
  for (int s = 0; ok && s < nset; s++) /* fl_ensemble_run tried every set: these cannot fail */
    ok = !fl_test_apply_policies(sc, &im->sets[s], err, sizeof err) && !fl_ens_share_take(sc, &pl[s]);
  if (!ok) fail(im, 0, 2, "out of memory");
  fl_EnsOut out = {e->ending, e->turns, e->val, e->ntrack};
  while (ok && !atomic_load(&im->stop)) {
    size_t j0 = atomic_fetch_add(&im->next, CHUNK);
    if (j0 >= e->runs || j0 > atomic_load(&im->fail_seed)) break;
    size_t j1 = j0 + CHUNK < e->runs ? j0 + CHUNK : e->runs;
    for (size_t j = j0; j < j1 && !atomic_load(&im->stop) && j <= atomic_load(&im->fail_seed); j++) {
      uint64_t seed = e->seed_base + j;
      for (int g = 0; g < nset; g++) {
        if (im->group[g] != g) continue;
        int n = 0;
        for (int s = g; s < nset; s++)
          if (im->group[s] == g) set[n++] = s;
        for (int k0 = 0; k0 < n; k0 += 64) { /* fl_ens_share_seed takes at most 64 sets */
          int m = n - k0 < 64 ? n - k0 : 64;
          for (int k = 0; k < m; k++) slot[k] = (size_t)set[k0 + k] * e->runs + j;
          int rc = fl_test_apply_policies(sc, &im->sets[set[k0]], err, sizeof err) ? -1
                 : fl_ens_share_seed(sc, pl, set + k0, slot, m, seed, &out);
          if (!rc && m > 1) atomic_fetch_add(&im->shared, (size_t)m);
          for (int k = 0; rc && k < m; k++) { /* each by itself: its outcome, or its own error */
            int s = set[k0 + k];
            if (fl_test_apply_policies(sc, &im->sets[s], err, sizeof err)) { fail_shared(im, nset, j, s, 2, err); continue; }
            if (play(sc, seed, &im->replays) == FL_GAME_ERROR) {
              char msg[2048];
              game_error(im, e, sc, s, seed, msg, sizeof msg);
              fail_shared(im, nset, j, s, 3, msg);
            } else put(e, sc, slot[k]);
          }
          atomic_fetch_add(&im->done, (size_t)m);
        }
      }
    }
  }
  for (int s = 0; pl && s < nset; s++) fl_ens_share_drop(sc, &pl[s]);
  free(pl);
  free(set);
  free(slot);
}

static void *work(void *arg) {
  Worker *w = arg;
  fl_Ensemble *e = w->e;
  Impl *im = IMPL(e);
  char err[1536];
  if (!w->sc && !(w->sc = fl_script_load(im->spec.where, im->spec.scenarios_root, im->spec.opts, err, sizeof err))) {
    fail(im, 0, 2, err);
    atomic_fetch_sub(&im->running, 1);
    return NULL;
  }
  fl_Script *sc = w->sc;
#ifdef SYS_gettid
  if (im->spec.background) setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 10); /* this thread only: the window first */
#endif
  fl_game_set_turn_hashes(fl_script_game(sc), 0); /* outcomes only */
  if (!im->spec.exact) fl_sb_fast(sc, 1);
  int cur = -1;
  if (im->share_now) work_shared(e, im, sc);
  while (!im->share_now && !atomic_load(&im->stop)) {
    size_t i0 = atomic_fetch_add(&im->next, CHUNK);
    if (i0 >= e->n || i0 >= atomic_load(&im->fail_game)) break;
    size_t i1 = i0 + CHUNK < e->n ? i0 + CHUNK : e->n;
    for (size_t i = i0; i < i1 && !atomic_load(&im->stop) && i < atomic_load(&im->fail_game); i++) {
      int set = (int)(i / e->runs);
      uint64_t seed = e->seed_base + i % e->runs;
      if (set != cur && fl_test_apply_policies(sc, &im->sets[set], err, sizeof err)) {
        char msg[1700];
        snprintf(msg, sizeof msg, "policy set '%s': %s", e->set_name[set], err);
        fail(im, i, 2, msg);
        break;
      }
      cur = set;
      if (play(sc, seed, &im->replays) == FL_GAME_ERROR) {
        char msg[2048];
        game_error(im, e, sc, set, seed, msg, sizeof msg);
        fail(im, i, 3, msg);
        break;
      }
      put(e, sc, i);
      atomic_fetch_add(&im->done, 1);
    }
  }
  if (sc->fast) fl_sb_fast(sc, 0); /* worker 0's script may be the caller's */
  atomic_fetch_sub(&im->running, 1);
  return NULL;
}

int fl_ensemble_run(fl_Ensemble *e, char *err, size_t errn) {
  Impl *im = IMPL(e);
  char lerr[1536];
  /* the scenario's shape: from the script worker 0 will use, loading it here if need be */
  fl_Script *sc0 = im->spec.script0;
  if (!sc0 && !(sc0 = fl_script_load(im->spec.where, im->spec.scenarios_root, im->spec.opts, lerr, sizeof lerr))) {
    snprintf(err, errn, "%s", lerr);
    return 2;
  }
  const fl_Def *d = fl_script_def(sc0);
  e->ntrack = d->ntrack;
  e->nending = d->nending;
  free(e->val);
  e->val = calloc(e->n * (size_t)(d->ntrack ? d->ntrack : 1) + 1, sizeof *e->val);
  uint64_t key = im->spec.cache && e->val ? fl_ens_cache_key(e, sc0, im->spec.opts, im->sets) : 0;
  im->cached = key && fl_ens_cache_load(e, key);
  if (im->cached) { /* the same games were played before: their results, in milliseconds */
    atomic_store(&im->done, e->n);
    if (im->spec.progress) im->spec.progress(im->spec.ud, e->n, e->n);
    if (sc0 != im->spec.script0) fl_script_free(sc0);
    return 0;
  }
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  size_t threads = im->spec.threads > 0 ? (size_t)im->spec.threads : cores > 0 ? (size_t)cores : 1;
  if (threads > e->n) threads = e->n ? e->n : 1;
  Worker *w = calloc(threads, sizeof *w);
  if (!e->val || !w) {
    free(w);
    if (sc0 != im->spec.script0) fl_script_free(sc0);
    snprintf(err, errn, "out of memory");
    return 2;
  }
  /* sharing orders failures by seed: a set that cannot be applied at all is reported the
   * way a game-by-game run reports it */
  im->share_now = im->share;
  for (int s = 0; im->share_now && s < e->nset; s++)
    im->share_now = !fl_test_apply_policies(sc0, &im->sets[s], lerr, sizeof lerr);
  atomic_store(&im->next, 0);
  atomic_store(&im->done, 0);
  atomic_store(&im->fail_seed, SIZE_MAX);
  atomic_store(&im->fail_game, SIZE_MAX);
  im->err_code = 0;
  size_t started = 0;
  for (size_t j = 0; j < threads; j++) {
    w[j].e = e;
    w[j].sc = j == 0 ? sc0 : NULL;
    atomic_fetch_add(&im->running, 1);
    if (pthread_create(&w[j].th, NULL, work, &w[j])) { atomic_fetch_sub(&im->running, 1); break; }
    started++;
  }
  if (!started) snprintf(im->err, sizeof im->err, "cannot start worker threads"), im->err_code = 2;
  while (started && atomic_load(&im->running) > 0) { /* progress from this thread, never a worker */
    if (im->spec.progress) im->spec.progress(im->spec.ud, atomic_load(&im->done), e->n);
    struct timespec ts = {0, 50000000};
    nanosleep(&ts, NULL);
  }
  for (size_t j = 0; j < started; j++) pthread_join(w[j].th, NULL);
  if (im->spec.progress) im->spec.progress(im->spec.ud, atomic_load(&im->done), e->n);
  for (size_t j = 0; j < threads; j++)
    if (w[j].sc && w[j].sc != im->spec.script0) fl_script_free(w[j].sc);
  if (!started && sc0 != im->spec.script0) fl_script_free(sc0);
  free(w);
  if (im->err_code) { snprintf(err, errn, "%s", im->err); return im->err_code; }
  if (atomic_load(&im->done) < e->n) { snprintf(err, errn, "cancelled"); return 1; }
  if (key) fl_ens_cache_save(e, key);
  return 0;
}

int fl_ensemble_default_sets(const fl_Script *sc, int side, fl_PolicySet **sets) {
  const char *names[256];
  int n = 0;
  for (int i = 0; i < sc->npol && n < 256; i++) {
    if (side >= 0 && sc->pols[i].side != side) continue;
    int dup = 0;
    for (int k = 0; k < n; k++) dup |= !strcmp(names[k], sc->pols[i].id);
    if (!dup) names[n++] = sc->pols[i].id;
  }
  *sets = calloc((size_t)n + 1, sizeof **sets);
  if (!*sets) return 0;
  for (int k = 0; k < n; k++) {
    (*sets)[k].name = fl_str_dup(names[k]);
    (*sets)[k].all = fl_str_dup(names[k]);
  }
  return n;
}

fl_Standing fl_ensemble_standing(const fl_Ensemble *e, int s, int t, double value) {
  fl_Standing st = {0, 0, 0, 0};
  if (t < 0 || t >= e->ntrack || !e->val) return st;
  size_t lo = s >= 0 ? (size_t)s * e->runs : 0, hi = s >= 0 ? lo + e->runs : e->n;
  for (size_t i = lo; i < hi && i < e->n; i++) {
    double v = e->val[i * (size_t)e->ntrack + (size_t)t];
    if (v < value) st.below++;
    else if (v > value) st.above++;
    else st.equal++;
  }
  st.n = st.below + st.equal + st.above;
  return st;
}

/* count of all as a share a reader trusts at once: "80%", and "0.4%" or "99.6%" rather
 * than a misleading "0%" or "100%" when a few games differ. */
static const char *share(size_t count, size_t all, char *buf, size_t n) {
  double p = all ? 100.0 * (double)count / (double)all : 0;
  if (count && p < 0.05) snprintf(buf, n, "<0.1%%");
  else if (count < all && p > 99.95) snprintf(buf, n, ">99.9%%");
  else if ((count && p < 1) || (count < all && p > 99)) snprintf(buf, n, "%.1f%%", p); /* 1 of 200: 0.5%, not 0% */
  else snprintf(buf, n, "%.0f%%", p);
  return buf;
}

/* One sentence a student reads at once, for the window and play --text alike. Whole
 * sentences per case, so a translation can order the words its own way. */
const char *fl_ensemble_phrase(const fl_Ensemble *e, const fl_Def *d, const char *const *names, int s, int t, double value,
                               char *buf, size_t n) {
  const fl_TrackDef *tr = &d->tracks[t];
  fl_Standing st = fl_ensemble_standing(e, s, t, value);
  char who[320], b[32], q[32], w[32];
  /* TRANSLATORS: completes "of the 500 games ..."; %s is a policy's name */
  if (s >= 0) snprintf(who, sizeof who, FL_TR("played with the policy \xE2\x80\x9C%s\xE2\x80\x9D"), names ? names[s] : e->set_name[s]);
  else snprintf(who, sizeof who, FL_NTR("played with the %d policy", "played with the %d policies together", e->nset), e->nset);
  if (!tr->higher_is_better) { /* no better direction: higher, the same, lower */
    snprintf(buf, n, FL_TR("%s: higher than in %s of the %zu games %s, the same as in %s, lower than in %s."), tr->name,
             share(st.below, st.n, b, sizeof b), st.n, who, share(st.equal, st.n, q, sizeof q), share(st.above, st.n, w, sizeof w));
    return buf;
  }
  int lower = tr->higher_is_better < 0;
  size_t better = lower ? st.above : st.below, worse = lower ? st.below : st.above;
  const char *dir = lower ? FL_TR("lower is better") : FL_TR("higher is better");
  share(better, st.n, b, sizeof b);
  share(st.equal, st.n, q, sizeof q);
  share(worse, st.n, w, sizeof w);
  /* a share that is zero is left out rather than read as "worse than in 0%" */
  if (st.equal == st.n) snprintf(buf, n, FL_TR("%s: the same as in all %zu games %s."), tr->name, st.n, who);
  else if (better == st.n) snprintf(buf, n, FL_TR("%s: better than in all %zu games %s (%s)."), tr->name, st.n, who, dir);
  else if (worse == st.n) snprintf(buf, n, FL_TR("%s: worse than in all %zu games %s (%s)."), tr->name, st.n, who, dir);
  else if (!st.equal) snprintf(buf, n, FL_TR("%s: better than in %s of the %zu games %s, worse than in %s (%s)."), tr->name, b, st.n, who, w, dir);
  else if (!better) snprintf(buf, n, FL_TR("%s: the same as in %s of the %zu games %s, worse than in %s (%s)."), tr->name, q, st.n, who, w, dir);
  else if (!worse) snprintf(buf, n, FL_TR("%s: better than in %s of the %zu games %s, the same as in %s (%s)."), tr->name, b, st.n, who, q, dir);
  else snprintf(buf, n, FL_TR("%s: better than in %s of the %zu games %s, the same as in %s, worse than in %s (%s)."), tr->name, b, st.n, who, q, w, dir);
  return buf;
}
