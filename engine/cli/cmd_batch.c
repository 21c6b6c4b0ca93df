/* flank batch: play many seeded games per policy set on all cores, and write them as
 * CSV/JSONL, a summary, SVG charts or an HTML report. The games are played by fl_ensemble
 * (the same code as the debrief's "your game among many"): each worker thread has its own
 * fl_Script, results go into a slot per game and are written in order, so the output
 * depends only on seeds, policies and parameters, never on --jobs. */
#define _POSIX_C_SOURCE 200809L
#include "fl_chart.h"
#include "fl_cli.h"
#include "fl_ensemble.h"
#include "fl_results.h"
#include "fl_sweep.h"
#include "fl_tester.h"
#include <sys/resource.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifndef FLANK_VERSION
#define FLANK_VERSION "dev"
#endif

int cli_script_opt(const char *cmd, int argc, char **argv, int *i, fl_ScriptOpts *o, int *bad); /* cmd_run.c */

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

static void progress(size_t done, size_t total, double t0) {
  double el = now() - t0, rate = el > 0 ? (double)done / el : 0, eta = rate > 0 ? (double)(total - done) / rate : 0;
  int width = 30, fill = total ? (int)((double)width * (double)done / (double)total) : width;
  char bar[32];
  for (int i = 0; i < width; i++) bar[i] = i < fill ? '#' : '-';
  bar[width] = '\0';
  fprintf(stderr, "\r[%s] %3d%%  %zu/%zu games  %.0f games/s  ETA %.0fs \033[K", bar,
          total ? (int)(100.0 * (double)done / (double)total) : 100, done, total, rate, eta);
}

typedef struct Progress { int tty; double t0; } Progress;

static void on_progress(void *ud, size_t done, size_t total) {
  Progress *p = ud;
  if (p->tty) progress(done, total, p->t0);
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
    fl_ChartOpts named = *co;
    named.report = report;
    fl_report_html(f, r, &named);
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
/* The assumptions every game plays under, for the files and the report: a table whose
 * numbers depend on values nobody wrote down is not evidence (a cold teacher's report). */
static int record_params(fl_Results *r, const fl_Script *sc, const fl_ScriptOpts *opts, const char *swept) {
  const fl_Def *d = fl_script_def(sc);
  for (int i = 0; i < d->nparam; i++) {
    const fl_ParamDef *p = &d->params[i];
    double v = p->value;
    const char *from = p->value != p->dflt || p->locked ? "class.txt" : "default";
    for (int k = 0; k < opts->nset; k++) {
      int idx;
      double x;
      char e[256];
      if (!fl_script_parse_param(sc, opts->set[k], &idx, &x, e, sizeof e) && idx == i) { v = x; from = "set"; }
    }
    char num[40] = "";
    if (!strcmp(p->id, swept)) from = "sweep";
    else snprintf(num, sizeof num, "%g", v);
    if (fl_res_param(r, p->id, num, from, p->name ? p->name : p->id)) return -1;
  }
  return 0;
}

/* The name people read of a set: its policy's, "Stay in the treaty [resolve=0.5]" for a swept
 * one (into buf), or NULL when the policy has none. */
static const char *set_label(const fl_Script *sc, const char *name, char *buf, size_t n) {
  const char *l = fl_script_policy_label(sc, -1, name), *br = strrchr(name, '['); /* the id itself when it has no name */
  if ((l && strcmp(l, name)) || !br || br == name || br[-1] != ' ') return l;
  char base[256];
  snprintf(base, sizeof base, "%.*s", (int)(br - name - 1), name);
  if (!(l = fl_script_policy_label(sc, -1, base)) || !strcmp(l, base)) return NULL;
  snprintf(buf, n, "%s %s", l, br);
  return buf;
}

static void set_spec(const fl_PolicySet *ps, char *buf, size_t n) {
  size_t k = 0;
  buf[0] = '\0';
  if (ps->all) k += (size_t)snprintf(buf, n, "policy=%s", ps->all);
  for (int i = 0; i < ps->n && k < n; i++) k += (size_t)snprintf(buf + k, n - k, "%s%s=%s", k ? " " : "", ps->role[i], ps->policy[i]);
  for (int i = 0; i < ps->nparam && k < n; i++) k += (size_t)snprintf(buf + k, n - k, "%s--set %s", k ? " " : "", ps->param[i]);
}

int cmd_batch(int argc, char **argv) {
  const char *where = NULL, *out = NULL, *plot = NULL, *report = NULL, *sweep = NULL, *xs = NULL, *ys = NULL, *sweep_param = NULL;
  uint64_t runs = 100, base = 1, jobs = 0, shard_k = 1, shard_n = 1;
  int summary = 0, bench = 0, exact = 0, nset = 0, cur = -1, rc = EXIT_USAGE;
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
    else if (!strcmp(a, "--sweep-param") && more) {
      if (sweep_param) { /* one axis: a second one would need every combination, which batch does not play */
        cli_usage_error("batch", "one --sweep-param at a time (got '%s' and '%s'); sweep the other in a second batch", sweep_param, argv[i + 1]);
        goto done;
      }
      sweep_param = argv[++i];
      cmd_word(extra, sizeof extra, a);
      cmd_word(extra, sizeof extra, sweep_param);
    }
    else if (!strcmp(a, "--out") && more) out = argv[++i];
    else if (!strcmp(a, "--plot") && more) plot = argv[++i];
    else if (!strcmp(a, "--report") && more) report = argv[++i];
    else if (!strcmp(a, "--x") && more) xs = argv[++i];
    else if (!strcmp(a, "--y") && more) ys = argv[++i];
    else if (!strcmp(a, "--summary")) summary = 1;
    else if (!strcmp(a, "--bench")) bench = 1;
    else if (!strcmp(a, "--exact")) exact = 1;
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
  if (!out && !summary && !plot && !report && !bench) summary = 1;
  if (!jobs) { long c = sysconf(_SC_NPROCESSORS_ONLN); jobs = c > 0 ? (uint64_t)c : 1; }

  double t_load = now();
  fl_Script *sc0 = cli_load(where, &opts);
  if (!sc0) goto done;
  t_load = now() - t_load;
  const fl_Def *d = fl_script_def(sc0);
  char err[1536], swept_id[64] = "";
  if (sweep_param) { /* every set at every value of the parameter */
    fl_Sweep *sw = malloc(sizeof *sw);
    fl_PolicySet *swept = NULL;
    int n = sw && !fl_sweep_parse(sweep_param, d, sw, err, sizeof err) ? 0 : -2;
    for (int k = 0; !n && k < opts.nset; k++) { /* the sweep would silently replace the value given */
      size_t il = strcspn(opts.set[k], "=");
      if (il == strlen(sw->id) && !strncmp(opts.set[k], sw->id, il)) {
        snprintf(err, sizeof err, "--set %s and --sweep-param %s: the sweep plays every value of '%s'; drop one of them",
                 opts.set[k], sweep_param, sw->id);
        n = -2;
      }
    }
    if (!n) n = fl_sweep_sets(sw, sets, nset, &swept);
    if (n < 0) {
      if (n == -2 && sw) fprintf(stderr, "flank batch: %s\n", err);
      else fprintf(stderr, "flank batch: out of memory\n");
      free(sw);
      fl_script_free(sc0);
      goto done;
    }
    snprintf(swept_id, sizeof swept_id, "%s", sw->id);
    free(sw);
    fl_test_free_sets(sets, nset);
    sets = swept;
    nset = n;
  }
  for (int s = 0; s < nset; s++) {
    int clash = strchr(sets[s].name, '\n') != NULL;
    if (clash) cli_usage_error("batch", "--side: a policy set name cannot contain a newline");
    for (int t = 0; t < s && !clash; t++)
      if ((clash = !strcmp(sets[s].name, sets[t].name))) cli_usage_error("batch", "two policy sets are named '%s'", sets[s].name);
    if (clash) { fl_script_free(sc0); goto done; }
  }
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
  uint64_t lo, per;
  fl_res_shard_range(runs, shard_k, shard_n, &lo, &per);
  size_t total = (size_t)per * (size_t)nset;
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
  ok = ok && !record_params(r, sc0, &opts, swept_id);
  for (int s = 0; ok && s < nset; s++) {
    char spec[1024], lab[512];
    set_spec(&sets[s], spec, sizeof spec);
    ok = fl_res_set(r, sets[s].name, spec) == s && !fl_res_set_label(r, s, set_label(sc0, sets[s].name, lab, sizeof lab));
  }
  for (int e = 0; ok && e < d->nending; e++) ok = (eix[e] = fl_res_ending(r, d->endings[e].id, d->endings[e].title)) >= 0;
  if (!ok || fl_res_resize(r, total)) { fprintf(stderr, "flank batch: out of memory\n"); fl_script_free(sc0); fl_res_free(r); free(eix); goto done; }
  if (jobs > total && total) jobs = total;
  int x, y;
  if (batch_axes("batch", r, xs, ys, &x, &y)) { fl_script_free(sc0); fl_res_free(r); free(eix); goto done; }
  fl_ChartOpts co = {x, y, d, NULL};
  double t_reset = bench ? reset_us(sc0) : 0;

  /* the games: fl_ensemble, this shard's seeds base+lo .. base+lo+per-1 for every set */
  Progress pr = {isatty(STDERR_FILENO) && !bench, now()};
  fl_EnsembleSpec spec = {where, cli_scenario_path(), &opts, sc0, sets, nset, base + lo, per, (int)jobs, on_progress, &pr, exact, 0, 0};
  double t0 = now(), c0 = cpu_s();
  fl_Ensemble *e = total ? fl_ensemble_new(&spec, err, sizeof err) : NULL; /* a shard may hold no seeds */
  int erc = !total ? 0 : e ? fl_ensemble_run(e, err, sizeof err) : 2;
  double wall = now() - t0, cpu = cpu_s() - c0;
  if (pr.tty) fputs("\r\033[K", stderr);
  if (erc) {
    fprintf(stderr, "flank batch: %s\n", err);
    rc = erc == 3 ? EXIT_SCRIPT : EXIT_USAGE;
  } else {
    size_t ntk = (size_t)nt;
    for (size_t i = 0; i < total; i++) {
      r->seed[i] = e->seed_base + i % e->runs;
      r->set_of[i] = (int)(i / e->runs);
      r->ending_of[i] = e->ending[i] >= 0 ? eix[e->ending[i]] : -1;
      r->turns[i] = e->turns[i];
      memcpy(&r->val[i * ntk], &e->val[i * ntk], ntk * sizeof *r->val);
    }
    rc = batch_outputs("batch", r, out, summary, plot, report, &co);
    if (bench) {
      long long turns = 0;
      for (size_t i = 0; i < r->n; i++) turns += r->turns[i];
      printf("bench: games=%zu jobs=%llu wall_s=%.4f games_per_s=%.1f turns_per_s=%.1f cpu_s=%.4f games_per_cpu_s=%.1f "
             "load_ms=%.2f reset_us=%.2f exact_replays=%zu shared_games=%zu%s\n", r->n, (unsigned long long)jobs, wall, (double)r->n / wall,
             (double)turns / wall, cpu, cpu > 0 ? (double)r->n / cpu : 0, t_load * 1e3, t_reset, e ? fl_ensemble_replays(e) : 0, e ? fl_ensemble_shared(e) : 0,
             exact ? " (--exact)" : "");
    }
  }
  fl_ensemble_free(e);
  fl_script_free(sc0); /* worker 0 played with it; the report read its definition */
  fl_res_free(r);
  free(eix);
done:
  fl_test_free_sets(sets, nset);
  return rc;
}
