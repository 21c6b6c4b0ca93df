/* flank merge: combine the CSV/JSONL files of sharded batches (flank batch --shard K/N)
 * into the output one unsharded run would have written, byte for byte. */
#include "fl_chart.h"
#include "fl_cli.h"
#include "fl_results.h"
#include <string.h>

int batch_outputs(const char *cmd, fl_Results *r, const char *out, int summary, const char *plot, const char *report,
                  const fl_ChartOpts *co);
int batch_axes(const char *cmd, const fl_Results *r, const char *xs, const char *ys, int *x, int *y);

int cmd_merge(int argc, char **argv) {
  const char *out = NULL, *plot = NULL, *report = NULL, *xs = NULL, *ys = NULL, *files[4096], *scen = NULL;
  int nfile = 0, summary = 0;
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
    else files[nfile++] = a;
  }
  if (!nfile) return cli_usage_error("merge", "which files? e.g. flank merge shard-*.csv --out all.csv");
  fl_Results *r = NULL;
  char err[2048];
  for (int i = 0; i < nfile; i++)
    if (fl_res_read(files[i], &r, err, sizeof err)) {
      fprintf(stderr, "flank merge: %s\n", err);
      fl_res_free(r);
      return EXIT_USAGE;
    }
  if (!r) { fprintf(stderr, "flank merge: the files hold no games\n"); return EXIT_USAGE; }
  if (fl_res_sort(r, err, sizeof err)) {
    fprintf(stderr, "flank merge: %s\n", err);
    fl_res_free(r);
    return EXIT_USAGE;
  }
  if (scen) { /* the files hold ids only: units and hidden tracks come from the scenario */
    fl_Script *sc = cli_load(scen, NULL);
    if (!sc) { fl_res_free(r); return EXIT_USAGE; }
    const fl_Def *d = fl_script_def(sc);
    for (int k = 0; k < r->ntrack; k++) {
      int t = fl_def_track(d, r->track[k]);
      if (t >= 0) fl_res_describe(r, k, d->tracks[t].unit, d->tracks[t].visible);
    }
    fl_script_free(sc);
  }
  int x, y, rc;
  if (batch_axes("merge", r, xs, ys, &x, &y)) { fl_res_free(r); return EXIT_USAGE; }
  if (!out && !summary && !plot && !report) {
    size_t l = strlen(files[0]);
    out = l > 6 && !strcmp(files[0] + l - 6, ".jsonl") ? "-.jsonl" : "-";
  }
  fl_ChartOpts co = {"Merged batch", x, y, 1, -1};
  if (out && !strcmp(out, "-.jsonl")) { /* stdout in the inputs' format */
    fl_res_write_jsonl(stdout, r);
    rc = batch_outputs("merge", r, NULL, summary, plot, report, &co);
  } else rc = batch_outputs("merge", r, out, summary, plot, report, &co);
  fl_res_free(r);
  return rc;
}
