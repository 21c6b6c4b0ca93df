/* flank merge: combine the CSV/JSONL files of sharded batches (flank batch --shard K/N)
 * into the output one unsharded run would have written, byte for byte. Every file carries
 * its provenance, so a merge refuses a set of shards that is not exactly one batch:
 * a shard missing, given twice or cut short, shards of another scenario, version, seed
 * range, shard count or policy set. */
#include "fl_chart.h"
#include "fl_cli.h"
#include "fl_results.h"
#include <stdlib.h>
#include <string.h>

int batch_outputs(const char *cmd, fl_Results *r, const char *out, int summary, const char *plot, const char *report,
                  const fl_ChartOpts *co);
int batch_axes(const char *cmd, const fl_Results *r, const char *xs, const char *ys, int *x, int *y);
int batch_out_ok(const char *cmd, const char *out);

static int merge_error(const char *fmt, const char *a, const char *b, const char *c) {
  fprintf(stderr, "flank merge: ");
  fprintf(stderr, fmt, a, b, c);
  fputc('\n', stderr);
  return EXIT_USAGE;
}

static const char *str_or(const char *s) { return s ? s : ""; }

/* The first way b is not the same batch as a, or NULL. */
static const char *differs(const fl_Results *a, const fl_Results *b, char *buf, size_t n) {
  const fl_Prov *p = &a->prov, *q = &b->prov;
  if (strcmp(p->scenario, q->scenario)) { snprintf(buf, n, "scenario '%s', not '%s'", q->scenario, p->scenario); return buf; }
  if (p->hash != q->hash || strcmp(p->version, q->version)) {
    snprintf(buf, n, "scenario %s %s with content %016llx, not %s with content %016llx (the scenario changed between shards)",
             q->scenario, q->version, (unsigned long long)q->hash, p->version, (unsigned long long)p->hash);
    return buf;
  }
  if (strcmp(p->flank, q->flank)) { snprintf(buf, n, "Flank %s, not %s", q->flank, p->flank); return buf; }
  if (p->seed_base != q->seed_base || p->runs != q->runs) {
    snprintf(buf, n, "--runs %llu --seed-base %llu, not --runs %llu --seed-base %llu", (unsigned long long)q->runs,
             (unsigned long long)q->seed_base, (unsigned long long)p->runs, (unsigned long long)p->seed_base);
    return buf;
  }
  if (p->shard_n != q->shard_n) {
    snprintf(buf, n, "one of %llu shards, not of %llu", (unsigned long long)q->shard_n, (unsigned long long)p->shard_n);
    return buf;
  }
  if (strcmp(p->command, q->command)) { snprintf(buf, n, "made by '%s', not '%s'", q->command, p->command); return buf; }
  int same = a->nset == b->nset && a->ntrack == b->ntrack && a->nending == b->nending;
  for (int s = 0; same && s < a->nset; s++) same = !strcmp(a->set[s], b->set[s]) && !strcmp(str_or(a->set_spec[s]), str_or(b->set_spec[s]));
  if (!same) { snprintf(buf, n, "other policy sets"); return buf; }
  for (int k = 0; same && k < a->ntrack; k++) same = !strcmp(a->track[k], b->track[k]);
  for (int e = 0; same && e < a->nending; e++) same = !strcmp(a->ending[e], b->ending[e]);
  if (!same) { snprintf(buf, n, "other tracks or endings"); return buf; }
  same = a->nparam == b->nparam;
  for (int i = 0; same && i < 4 * a->nparam; i++) same = !strcmp(a->param[i], b->param[i]);
  if (!same) { snprintf(buf, n, "other parameter values (the '# param' lines: a class.txt or --set changed between shards)"); return buf; }
  return NULL;
}

/* Every file one shard of the same batch, each shard once, each complete. */
static int check_shards(char **files, fl_Results **res, int nfile) {
  char why[1024], k1[32], k2[32];
  const fl_Results *a = res[0];
  uint64_t nsh = a->prov.shard_n;
  for (int i = 0; i < nfile; i++) {
    if (!res[i]->has_prov)
      return merge_error("%s: no provenance (the '# flank-batch' lines): not written by this flank batch, so it cannot be "
                         "checked against the other shards; re-run it%s%s", files[i], "", "");
    if (i && differs(a, res[i], why, sizeof why))
      return merge_error("%s is not a shard of the same batch as %s: %s", files[i], files[0], why);
  }
  for (int i = 0; i < nfile; i++)
    for (int j = 0; j < i; j++)
      if (res[i]->prov.shard_k == res[j]->prov.shard_k) {
        snprintf(k1, sizeof k1, "%llu/%llu", (unsigned long long)res[i]->prov.shard_k, (unsigned long long)nsh);
        return merge_error("%s and %s are both shard %s (a shard given twice?)", files[j], files[i], k1);
      }
  if ((uint64_t)nfile < nsh) { /* name the first missing shard and its seeds */
    char *have = calloc((size_t)nsh + 1, 1);
    uint64_t k = 1;
    for (int i = 0; have && i < nfile; i++) have[res[i]->prov.shard_k] = 1;
    while (have && k <= nsh && have[k]) k++;
    free(have);
    uint64_t lo, per;
    fl_res_shard_range(a->prov.runs, k, nsh, &lo, &per);
    snprintf(k1, sizeof k1, "%llu/%llu", (unsigned long long)k, (unsigned long long)nsh);
    snprintf(why, sizeof why, "seeds %llu..%llu", (unsigned long long)(a->prov.seed_base + lo),
             (unsigned long long)(a->prov.seed_base + lo + per - 1));
    snprintf(k2, sizeof k2, "%d of %llu", nfile, (unsigned long long)nsh);
    return merge_error("shard %s (%s) is missing: %s shards given; merge all of them (a failed or cancelled task?)", k1, why, k2);
  }
  for (int i = 0; i < nfile; i++) { /* each file holds exactly its slice: nothing lost, nothing extra */
    const fl_Prov *p = &res[i]->prov;
    uint64_t lo, per;
    fl_res_shard_range(p->runs, p->shard_k, nsh, &lo, &per);
    size_t want = (size_t)per * (size_t)res[i]->nset;
    snprintf(k1, sizeof k1, "%llu/%llu", (unsigned long long)p->shard_k, (unsigned long long)nsh);
    if (res[i]->n != want) {
      snprintf(why, sizeof why, "holds %zu games, shard %s has %zu (%llu seeds x %d policy sets)", res[i]->n, k1, want,
               (unsigned long long)per, res[i]->nset);
      return merge_error("%s: %s; it was cut short or changed%s", files[i], why, "");
    }
    for (size_t g = 0; g < res[i]->n; g++)
      if (res[i]->seed[g] < p->seed_base + lo || res[i]->seed[g] > p->seed_base + lo + per - 1) {
        snprintf(why, sizeof why, "seed %llu is outside shard %s (seeds %llu..%llu)", (unsigned long long)res[i]->seed[g], k1,
                 (unsigned long long)(p->seed_base + lo), (unsigned long long)(p->seed_base + lo + per - 1));
        return merge_error("%s: %s%s%s", files[i], why, "");
      }
  }
  return 0;
}

int cmd_merge(int argc, char **argv) {
  const char *out = NULL, *plot = NULL, *report = NULL, *xs = NULL, *ys = NULL, *scen = NULL;
  char *files[4096];
  int nfile = 0, summary = 0, stdin_used = 0, rc = EXIT_USAGE;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int more = i + 1 < argc;
    if (!strcmp(a, "--out") && more) out = argv[++i];
    else if (!strcmp(a, "--plot") && more) plot = argv[++i];
    else if (!strcmp(a, "--report") && more) report = argv[++i];
    else if (!strcmp(a, "--x") && more) xs = argv[++i];
    else if (!strcmp(a, "--y") && more) ys = argv[++i];
    else if (!strcmp(a, "--summary")) summary = 1;
    else if (!strcmp(a, "--scenario") && more) scen = argv[++i];
    else if (a[0] == '-' && a[1]) return cli_bad_option("merge", a);
    else if (nfile == 4096) return cli_usage_error("merge", "too many files");
    else if (!strcmp(a, "-") && stdin_used++) return cli_usage_error("merge", "standard input (-) can be read once");
    else files[nfile++] = argv[i];
  }
  if (!nfile) return cli_usage_error("merge", "which files? e.g. flank merge shard-*.csv --out all.csv");
  if (batch_out_ok("merge", out)) return EXIT_USAGE;
  fl_Results **res = calloc((size_t)nfile, sizeof *res), *r = NULL;
  char err[2048];
  if (!res) { fprintf(stderr, "flank merge: out of memory\n"); return EXIT_USAGE; }
  for (int i = 0; i < nfile; i++)
    if (fl_res_read(files[i], &res[i], err, sizeof err)) { fprintf(stderr, "%s\n", err); goto done; }
  if (check_shards(files, res, nfile)) goto done;
  r = res[0];
  res[0] = NULL;
  for (int i = 1; i < nfile; i++) {
    if (fl_res_append(r, res[i])) { fprintf(stderr, "flank merge: out of memory\n"); goto done; }
    fl_res_free(res[i]);
    res[i] = NULL;
  }
  if (fl_res_sort(r, err, sizeof err)) { fprintf(stderr, "flank merge: %s\n", err); goto done; }
  r->prov.shard_k = r->prov.shard_n = 1; /* the whole batch, as one run would have written it */
  if (scen) { /* optional: check the files against the scenario at hand */
    fl_Script *sc = cli_load(scen, NULL);
    if (!sc) goto done;
    const fl_Def *d = fl_script_def(sc);
    int same = !strcmp(d->id, r->prov.scenario) && d->content_hash == r->prov.hash;
    if (!same)
      fprintf(stderr, "flank merge: --scenario %s is %s with content %016llx; the files were made from %s with content %016llx\n",
              scen, d->id, (unsigned long long)d->content_hash, r->prov.scenario, (unsigned long long)r->prov.hash);
    fl_script_free(sc);
    if (!same) goto done;
  }
  int x, y;
  if (batch_axes("merge", r, xs, ys, &x, &y)) goto done;
  if (!out && !summary && !plot && !report) {
    size_t l = strlen(files[0]);
    out = l > 6 && !strcmp(files[0] + l - 6, ".jsonl") ? "-.jsonl" : "-";
  }
  fl_ChartOpts co = {x, y, NULL, NULL};
  fl_Script *qsc = NULL; /* the report's questions and parameter names come from the scenario, if it is at hand */
  if (report && r->has_prov && r->prov.scenario) {
    char e[2048];
    qsc = fl_script_load(scen ? scen : r->prov.scenario, cli_scenario_path(), NULL, e, sizeof e);
    if (qsc && (strcmp(fl_script_def(qsc)->id, r->prov.scenario) || fl_script_def(qsc)->content_hash != r->prov.hash)) {
      fl_script_free(qsc);
      qsc = NULL;
    }
    co.def = qsc ? fl_script_def(qsc) : NULL;
  }
  if (out && !strcmp(out, "-.jsonl")) { /* stdout in the inputs' format */
    fl_res_write_jsonl(stdout, r);
    out = NULL;
  }
  rc = batch_outputs("merge", r, out, summary, plot, report, &co);
  fl_script_free(qsc);
done:
  for (int i = 0; i < nfile; i++) fl_res_free(res[i]);
  free(res);
  fl_res_free(r);
  return rc;
}
