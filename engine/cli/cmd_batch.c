/* flank batch: play many seeded games per policy set on all cores, and write them as
 * CSV/JSONL, a summary, SVG charts or an HTML report. Each worker thread has its own
 * fl_Script (its own Lua state); results go into a slot per game and are written in
 * order, so the output depends only on seeds and policies, never on --jobs. */
#define _POSIX_C_SOURCE 200809L
#include "fl_chart.h"
#include "fl_cli.h"
#include "fl_results.h"
#include "fl_tester.h"
#include <pthread.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifndef FLANK_VERSION
#define FLANK_VERSION "dev"
#endif

int cli_script_opt(const char *cmd, int argc, char **argv, int *i, fl_ScriptOpts *o, int *bad); /* cmd_run.c */

#define CHUNK 8

typedef struct Batch {
  const char *where;
  fl_ScriptOpts opts;
  fl_PolicySet *sets; int nset;
  uint64_t base, lo, per;          /* this shard's seeds: base+lo .. base+lo+per-1, for every set */
  size_t total;                    /* nset * per games */
  fl_Results *res;
  const int *ending_ix;            /* def ending index -> results ending index */
  atomic_size_t next, done;
  atomic_int stop;
  pthread_mutex_t mu;
  size_t err_at;                   /* lowest failing game, so the reported error is deterministic */
  int err_code;
  char err[2048];
} Batch;

typedef struct Worker { Batch *b; fl_Script *sc; pthread_t th; } Worker;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* CPU seconds of the whole process (all threads): throughput per CPU second does not
 * depend on other programs competing for the cores. */
static double cpu_s(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec * 1e-6 + (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec * 1e-6;
}

static void fail(Batch *b, size_t at, int code, const char *msg) {
  pthread_mutex_lock(&b->mu);
  if (!b->err_code || at < b->err_at) {
    b->err_at = at;
    b->err_code = code;
    snprintf(b->err, sizeof b->err, "%s", msg);
  }
  pthread_mutex_unlock(&b->mu);
  atomic_store(&b->stop, 1);
}

/* One game, the way `flank run` plays it. */
static int play(fl_Script *sc, uint64_t seed) {
  fl_Game *g = fl_script_game(sc);
  int st = fl_game_start(g, seed);
  while (st == FL_GAME_WAITING) {
    fl_Choice ch;
    st = fl_script_choose(sc, &ch) ? FL_GAME_ERROR : fl_game_choose(g, &ch);
  }
  return st < 0 ? FL_GAME_ERROR : st;
}

static void *work(void *arg) {
  Worker *w = arg;
  Batch *b = w->b;
  char err[1536];
  if (!w->sc && !(w->sc = fl_script_load(b->where, cli_scenario_path(), &b->opts, err, sizeof err))) {
    fail(b, 0, EXIT_USAGE, err);
    return NULL;
  }
  fl_Script *sc = w->sc;
  fl_game_set_turn_hashes(fl_script_game(sc), 0); /* outcomes only: no replay log to check */
  const fl_Def *d = fl_script_def(sc);
  fl_Results *r = b->res;
  size_t nt = (size_t)d->ntrack;
  int cur = -1;
  while (!atomic_load(&b->stop)) {
    size_t i0 = atomic_fetch_add(&b->next, CHUNK);
    if (i0 >= b->total) break;
    size_t i1 = i0 + CHUNK < b->total ? i0 + CHUNK : b->total;
    for (size_t i = i0; i < i1; i++) {
      int set = (int)(i / b->per);
      uint64_t seed = b->base + b->lo + i % b->per;
      if (set != cur && fl_test_apply_policies(sc, &b->sets[set], err, sizeof err)) { fail(b, i, EXIT_USAGE, err); return NULL; }
      cur = set;
      if (play(sc, seed) == FL_GAME_ERROR) {
        char msg[2048];
        const fl_Def *dd = fl_script_def(sc);
        int k = snprintf(msg, sizeof msg, "%s\n(game with seed %llu of policy set '%s'; replay it with flank run %s --seed %llu",
                         fl_game_error(fl_script_game(sc)), (unsigned long long)seed, b->sets[set].name, b->where,
                         (unsigned long long)seed);
        for (int s = 0; s < dd->nside && k > 0 && (size_t)k < sizeof msg; s++)
          k += snprintf(msg + k, sizeof msg - (size_t)k, " --side %s=%s", dd->sides[s].id, fl_script_policy(sc, s));
        if (k > 0 && (size_t)k < sizeof msg) snprintf(msg + k, sizeof msg - (size_t)k, ")");
        fail(b, i, EXIT_SCRIPT, msg);
        return NULL;
      }
      const fl_State *s = fl_game_state(fl_script_game(sc));
      r->seed[i] = seed;
      r->set_of[i] = set;
      r->ending_of[i] = s->ending >= 0 ? b->ending_ix[s->ending] : -1;
      r->turns[i] = s->turn;
      for (size_t k = 0; k < nt; k++) r->val[i * nt + k] = s->tracks[k].value;
    }
    atomic_fetch_add(&b->done, i1 - i0);
  }
  return NULL;
}

static void progress(size_t done, size_t total, double t0) {
  double el = now() - t0, rate = el > 0 ? (double)done / el : 0, eta = rate > 0 ? (double)(total - done) / rate : 0;
  int width = 30, fill = total ? (int)((double)width * (double)done / (double)total) : width;
  char bar[32];
  for (int i = 0; i < width; i++) bar[i] = i < fill ? '#' : '-';
  bar[width] = '\0';
  fprintf(stderr, "\r[%s] %3d%%  %zu/%zu games  %.0f games/s  ETA %.0fs \033[K", bar,
          total ? (int)(100.0 * (double)done / (double)total) : 100, done, total, rate, eta);
}

/* Median time of fl_game_start (reset, setup, play to the first decision), in microseconds. */
static double reset_us(fl_Script *sc) {
  enum { N = 501 };
  double t[N];
  for (int i = 0; i < N; i++) {
    double a = now();
    fl_game_start(fl_script_game(sc), (uint64_t)i + 1);
    t[i] = (now() - a) * 1e6;
  }
  for (int i = 1; i < N; i++) /* insertion sort: N is small */
    for (int j = i; j > 0 && t[j - 1] > t[j]; j--) { double x = t[j]; t[j] = t[j - 1]; t[j - 1] = x; }
  return t[N / 2];
}

static int add_side(fl_PolicySet **sets, int *nset, int *cur, const char *spec) {
  const char *eq = strchr(spec, '=');
  if (!eq || eq == spec || !eq[1]) return cli_usage_error("batch", "--side expects ROLE=POLICY, got '%s'", spec);
  char role[128];
  snprintf(role, sizeof role, "%.*s", (int)(eq - spec), spec);
  int fresh = *cur < 0;
  for (int k = 0; !fresh && k < (*sets)[*cur].n; k++) fresh = !strcmp((*sets)[*cur].role[k], role);
  if (fresh) { /* a role already in the current set starts the next set */
    fl_PolicySet *ns = realloc(*sets, (size_t)(*nset + 1) * sizeof *ns);
    if (!ns) return cli_usage_error("batch", "out of memory");
    *sets = ns;
    memset(&ns[*nset], 0, sizeof ns[*nset]);
    *cur = (*nset)++;
  }
  fl_PolicySet *ps = &(*sets)[*cur];
  if (fl_test_policy_add(ps, role, eq + 1)) return cli_usage_error("batch", "out of memory");
  size_t l = ps->name ? strlen(ps->name) : 0;
  char *name = realloc(ps->name, l + strlen(spec) + 2);
  if (!name) return cli_usage_error("batch", "out of memory");
  if (l) name[l++] = ' ';
  strcpy(name + l, spec);
  ps->name = name;
  return 0;
}

static int add_policy(fl_PolicySet **sets, int *nset, const char *p) {
  fl_PolicySet *ns = realloc(*sets, (size_t)(*nset + 1) * sizeof *ns);
  if (!ns) return cli_usage_error("batch", "out of memory");
  *sets = ns;
  memset(&ns[*nset], 0, sizeof ns[*nset]);
  ns[*nset].name = strdup(p);
  ns[*nset].all = strdup(p);
  (*nset)++;
  return 0;
}

static int ends_with(const char *s, const char *suf) {
  size_t a = strlen(s), b = strlen(suf);
  return a >= b && !strcmp(s + a - b, suf);
}

/* Write the requested outputs of a results table; shared with flank merge. */
int batch_outputs(const char *cmd, fl_Results *r, const char *out, int summary, const char *plot, const char *report,
                  const fl_ChartOpts *co) {
  FILE *f;
  if (summary || plot || report) fl_res_analyse(r); /* they read the same statistics; a CSV needs none */
  if (out) {
    if (!(f = cli_open_out(cmd, out))) return EXIT_USAGE;
    if (ends_with(out, ".jsonl")) fl_res_write_jsonl(f, r); else fl_res_write_csv(f, r);
    if (cli_close_out(cmd, f, out)) return EXIT_USAGE;
  }
  if (plot) {
    if (!(f = cli_open_out(cmd, plot))) return EXIT_USAGE;
    fl_chart_svg(f, r, co);
    if (cli_close_out(cmd, f, plot)) return EXIT_USAGE;
  }
  if (report) {
    if (!(f = cli_open_out(cmd, report))) return EXIT_USAGE;
    fl_report_html(f, r, co);
    if (cli_close_out(cmd, f, report)) return EXIT_USAGE;
  }
  if (summary) fl_res_summary(stdout, r);
  return EXIT_OK;
}

/* --out FILE: the format by extension; "-" and devices such as /dev/null take CSV. */
int batch_out_ok(const char *cmd, const char *out) {
  struct stat st;
  if (!out || !strcmp(out, "-") || ends_with(out, ".csv") || ends_with(out, ".jsonl")) return 0;
  if (stat(out, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) return 0;
  return cli_usage_error(cmd, "--out FILE must end in .csv or .jsonl (or be - for standard output)");
}

/* Append one word of a command line, quoted for a POSIX shell when it needs to be. */
static void cmd_word(char *buf, size_t n, const char *w) {
  size_t k = strlen(buf);
  int plain = *w != '\0';
  for (const char *p = w; *p; p++)
    plain &= (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("_-./=:,+@%", *p);
  if (k && k + 1 < n) buf[k++] = ' ';
  if (plain) { snprintf(buf + k, n - k, "%s", w); return; }
  if (k + 1 < n) buf[k++] = '\'';
  for (; *w && k + 5 < n; w++) {
    if (*w == '\'') { memcpy(buf + k, "'\\''", 4); k += 4; } else buf[k++] = *w;
  }
  if (k + 1 < n) buf[k++] = '\'';
  buf[k < n ? k : n - 1] = '\0';
}

/* The scatter's tracks: --x/--y, else deterrence against post-war or plain civilian harm. */
int batch_axes(const char *cmd, const fl_Results *r, const char *xs, const char *ys, int *x, int *y) {
  static const char *const dx[] = {"deterrence", NULL}, *const dy[] = {"civilian_casualties_postwar", "civilian_harm", NULL};
  *x = *y = -1;
  for (int k = 0; k < r->ntrack; k++) {
    if (xs ? !strcmp(r->track[k], xs) : (*x < 0 && !strcmp(r->track[k], dx[0]))) *x = k;
  }
  for (int j = 0; !ys && dy[j] && *y < 0; j++)
    for (int k = 0; k < r->ntrack; k++) if (!strcmp(r->track[k], dy[j])) *y = k;
  for (int k = 0; ys && k < r->ntrack; k++) if (!strcmp(r->track[k], ys)) *y = k;
  if (xs && *x < 0) return cli_usage_error(cmd, "--x: no track '%s'", xs);
  if (ys && *y < 0) return cli_usage_error(cmd, "--y: no track '%s'", ys);
  if (*x < 0 || *y < 0) { *x = r->ntrack > 1 ? 0 : -1; *y = r->ntrack > 1 ? 1 : -1; }
  return 0;
}

/* A sweep file, or standard input for "-" (the sandbox loads files: copy it to one, and
 * name standard input in messages). */
static int load_sweep(const char *path, fl_PolicySet **sets, char *err, size_t errn) {
  if (strcmp(path, "-")) return fl_test_load_sweep(path, sets, err, errn);
  size_t len;
  char *text = cli_read_input("-", &len), tmp[] = "/tmp/flank-sweep-XXXXXX";
  int fd = text ? mkstemp(tmp) : -1, n = -1;
  if (fd < 0 || write(fd, text, len) != (ssize_t)len || close(fd)) snprintf(err, errn, "-: cannot read the sweep from standard input");
  else {
    n = fl_test_load_sweep(tmp, sets, err, errn);
    char *at = strstr(err, tmp);
    if (n < 0 && at) { /* "/tmp/flank-sweep-XXXXXX:3: ..." -> "-:3: ..." */
      *at = '-';
      memmove(at + 1, at + strlen(tmp), strlen(at + strlen(tmp)) + 1);
    }
  }
  if (fd >= 0) unlink(tmp);
  free(text);
  return n;
}

/* The set's players as one line: "policy=mines", "council=mines adversary=first". */
static void set_spec(const fl_PolicySet *ps, char *buf, size_t n) {
  size_t k = 0;
  buf[0] = '\0';
  if (ps->all) k += (size_t)snprintf(buf, n, "policy=%s", ps->all);
  for (int i = 0; i < ps->n && k < n; i++) k += (size_t)snprintf(buf + k, n - k, "%s%s=%s", k ? " " : "", ps->role[i], ps->policy[i]);
}

int cmd_batch(int argc, char **argv) {
  const char *where = NULL, *out = NULL, *plot = NULL, *report = NULL, *sweep = NULL, *xs = NULL, *ys = NULL;
  uint64_t runs = 100, base = 1, jobs = 0, shard_k = 1, shard_n = 1;
  int summary = 0, bench = 0, nset = 0, cur = -1, rc = EXIT_USAGE;
  fl_PolicySet *sets = NULL;
  fl_ScriptOpts opts = {0};
  static char command[8192], pols[6144], extra[512]; /* the command that replays these games */
  pols[0] = extra[0] = '\0';
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int bad = 0, more = i + 1 < argc, at = i;
    if (cli_script_opt("batch", argc, argv, &i, &opts, &bad)) {
      if (bad) goto done;
      for (int k = at; k <= i; k++) cmd_word(extra, sizeof extra, argv[k]);
      continue;
    }
    if (!strcmp(a, "--runs") && more) { if (cli_parse_u64(argv[++i], &runs) || !runs) { cli_usage_error("batch", "--runs needs a positive number"); goto done; } }
    else if (!strcmp(a, "--seed-base") && more) { if (cli_parse_u64(argv[++i], &base)) { cli_usage_error("batch", "--seed-base needs a number"); goto done; } }
    else if (!strcmp(a, "--jobs") && more) { if (cli_parse_u64(argv[++i], &jobs) || !jobs || jobs > 1024) { cli_usage_error("batch", "--jobs needs a number from 1 to 1024"); goto done; } }
    else if (!strcmp(a, "--side") && more) { if (add_side(&sets, &nset, &cur, argv[++i])) goto done; cmd_word(pols, sizeof pols, a); cmd_word(pols, sizeof pols, argv[i]); }
    else if (!strcmp(a, "--policy") && more) { if (add_policy(&sets, &nset, argv[++i])) goto done; cur = -1; cmd_word(pols, sizeof pols, a); cmd_word(pols, sizeof pols, argv[i]); }
    else if (!strcmp(a, "--sweep") && more) {
      if (sweep) { cli_usage_error("batch", "one --sweep file at a time (got '%s' and '%s')", sweep, argv[i + 1]); goto done; }
      sweep = argv[++i];
      cur = -1;
    }
    else if (!strcmp(a, "--out") && more) out = argv[++i];
    else if (!strcmp(a, "--plot") && more) plot = argv[++i];
    else if (!strcmp(a, "--report") && more) report = argv[++i];
    else if (!strcmp(a, "--x") && more) xs = argv[++i];
    else if (!strcmp(a, "--y") && more) ys = argv[++i];
    else if (!strcmp(a, "--summary")) summary = 1;
    else if (!strcmp(a, "--bench")) bench = 1;
    else if (!strcmp(a, "--shard") && more) {
      unsigned long long k, n;
      char junk;
      if (sscanf(argv[++i], "%llu/%llu%c", &k, &n, &junk) != 2 || !k || k > n || n > 1000000) {
        cli_usage_error("batch", "--shard K/N with 1 <= K <= N <= 1000000, got '%s'", argv[i]);
        goto done;
      }
      shard_k = k; shard_n = n;
    } else if (a[0] == '-' && a[1]) { cli_bad_option("batch", a); goto done; }
    else if (!where) where = a;
    else { cli_usage_error("batch", "one scenario at a time (got '%s' and '%s')", where, a); goto done; }
  }
  if (!where) { cli_usage_error("batch", "which scenario? e.g. flank batch tutorial --runs 1000 --summary"); goto done; }
  if (runs - 1 > UINT64_MAX - base) { /* seeds never wrap around to 0: every game has its own seed */
    cli_usage_error("batch", "seeds %llu..%llu+%llu-1 run past 2^64-1", (unsigned long long)base, (unsigned long long)base,
                    (unsigned long long)runs);
    goto done;
  }
  if (shard_n > runs) { cli_usage_error("batch", "--shard %llu/%llu: more shards than --runs %llu", (unsigned long long)shard_k, (unsigned long long)shard_n, (unsigned long long)runs); goto done; }
  if (batch_out_ok("batch", out)) goto done;
  if (sweep) {
    char err[2048];
    fl_PolicySet *sw = NULL;
    int n = load_sweep(sweep, &sw, err, sizeof err);
    if (n < 0) { fprintf(stderr, "%s\n", err); goto done; }
    fl_PolicySet *ns = realloc(sets, (size_t)(nset + n) * sizeof *ns);
    if (!ns) { fl_test_free_sets(sw, n); goto done; }
    sets = ns;
    memcpy(&sets[nset], sw, (size_t)n * sizeof *sw);
    nset += n;
    free(sw);
    cmd_word(pols, sizeof pols, "--sweep"); /* sweep sets come after the flags' sets */
    cmd_word(pols, sizeof pols, sweep);
  }
  if (!nset) add_policy(&sets, &nset, "default");
  for (int s = 0; s < nset; s++) {
    if (strchr(sets[s].name, '\n')) { cli_usage_error("batch", "--side: a policy set name cannot contain a newline"); goto done; }
    for (int t = 0; t < s; t++)
      if (!strcmp(sets[s].name, sets[t].name)) { cli_usage_error("batch", "two policy sets are named '%s'", sets[s].name); goto done; }
  }
  if (!out && !summary && !plot && !report && !bench) summary = 1;
  if (!jobs) { long c = sysconf(_SC_NPROCESSORS_ONLN); jobs = c > 0 ? (uint64_t)c : 1; }

  double t_load = now();
  fl_Script *sc0 = cli_load(where, &opts);
  if (!sc0) goto done;
  t_load = now() - t_load;
  const fl_Def *d = fl_script_def(sc0);
  char err[1536];
  for (int s = 0; s < nset; s++) /* every set must apply before any game runs */
    if (fl_test_apply_policies(sc0, &sets[s], err, sizeof err)) {
      fprintf(stderr, "flank batch: policy set '%s': %s\n", sets[s].name, err);
      fl_script_free(sc0);
      goto done;
    }
  const char *tracks[512];
  if (d->ntrack > 512) { /* the results table has a column per track */
    fprintf(stderr, "flank batch: %s has %d tracks; batches take at most 512\n", d->id, d->ntrack);
    fl_script_free(sc0);
    goto done;
  }
  int nt = d->ntrack;
  for (int k = 0; k < nt; k++) tracks[k] = d->tracks[k].id;
  fl_Results *r = fl_res_new(nt, tracks);
  int *eix = calloc((size_t)d->nending + 1, sizeof *eix);
  Batch b = {.where = where, .opts = opts, .sets = sets, .nset = nset, .base = base, .res = r, .ending_ix = eix};
  fl_res_shard_range(runs, shard_k, shard_n, &b.lo, &b.per);
  b.total = (size_t)b.per * (size_t)nset;
  snprintf(command, sizeof command, "flank batch");
  cmd_word(command, sizeof command, where);
  size_t cl = strlen(command);
  snprintf(command + cl, sizeof command - cl, " --runs %llu", (unsigned long long)runs);
  if (base != 1) { cl = strlen(command); snprintf(command + cl, sizeof command - cl, " --seed-base %llu", (unsigned long long)base); }
  cl = strlen(command);
  snprintf(command + cl, sizeof command - cl, "%s%s%s%s", *pols ? " " : "", pols, *extra ? " " : "", extra);
  fl_Prov prov = {FLANK_VERSION, d->id, d->version, d->title ? d->title : d->id, d->content_hash, command, base, runs, shard_k, shard_n};
  int ok = r && eix && !fl_res_set_prov(r, &prov);
  for (int k = 0; ok && k < nt; k++) {
    const fl_TrackDef *t = &d->tracks[k];
    fl_TrackInfo ti = {t->name, t->unit, !t->visible, t->higher_is_better, t->min, t->max};
    ok = !fl_res_describe(r, k, &ti);
  }
  for (int s = 0; ok && s < nset; s++) {
    char spec[1024];
    set_spec(&sets[s], spec, sizeof spec);
    ok = fl_res_set(r, sets[s].name, spec) == s;
  }
  for (int e = 0; ok && e < d->nending; e++) ok = (eix[e] = fl_res_ending(r, d->endings[e].id, d->endings[e].title)) >= 0;
  if (!ok || fl_res_resize(r, b.total)) { fprintf(stderr, "flank batch: out of memory\n"); fl_script_free(sc0); fl_res_free(r); free(eix); goto done; }
  if (jobs > b.total && b.total) jobs = b.total;
  int x, y;
  if (batch_axes("batch", r, xs, ys, &x, &y)) { fl_script_free(sc0); fl_res_free(r); free(eix); goto done; }
  fl_ChartOpts co = {x, y};
  double t_reset = bench ? reset_us(sc0) : 0;

  Worker *w = calloc((size_t)jobs, sizeof *w);
  pthread_mutex_init(&b.mu, NULL);
  atomic_init(&b.next, 0);
  atomic_init(&b.done, 0);
  atomic_init(&b.stop, 0);
  double t0 = now(), c0 = cpu_s();
  int tty = isatty(STDERR_FILENO) && !bench;
  uint64_t started = 0;
  for (uint64_t j = 0; w && j < jobs; j++) {
    w[j].b = &b;
    w[j].sc = j == 0 ? sc0 : NULL;
    if (pthread_create(&w[j].th, NULL, work, &w[j])) break;
    started++;
  }
  if (!started) { fprintf(stderr, "flank batch: cannot start worker threads\n"); fl_script_free(sc0); }
  while (tty && started && atomic_load(&b.done) < b.total && !atomic_load(&b.stop)) {
    progress(atomic_load(&b.done), b.total, t0);
    struct timespec ts = {0, 100000000};
    nanosleep(&ts, NULL);
  }
  for (uint64_t j = 0; j < started; j++) pthread_join(w[j].th, NULL);
  double wall = now() - t0, cpu = cpu_s() - c0;
  if (tty) { progress(atomic_load(&b.done), b.total, t0); fputs("\r\033[K", stderr); }
  for (uint64_t j = 0; w && j < started; j++) fl_script_free(w[j].sc);
  free(w);
  pthread_mutex_destroy(&b.mu);

  if (!started) rc = EXIT_USAGE;
  else if (b.err_code) {
    fprintf(stderr, "flank batch: %s\n", b.err);
    rc = b.err_code;
  } else {
    rc = batch_outputs("batch", r, out, summary, plot, report, &co);
    if (bench) {
      long long turns = 0;
      for (size_t i = 0; i < r->n; i++) turns += r->turns[i];
      printf("bench: games=%zu jobs=%llu wall_s=%.4f games_per_s=%.1f turns_per_s=%.1f cpu_s=%.4f games_per_cpu_s=%.1f "
             "load_ms=%.2f reset_us=%.2f\n", r->n, (unsigned long long)jobs, wall, (double)r->n / wall, (double)turns / wall,
             cpu, cpu > 0 ? (double)r->n / cpu : 0, t_load * 1e3, t_reset);
    }
  }
  fl_res_free(r);
  free(eix);
done:
  fl_test_free_sets(sets, nset);
  return rc;
}
