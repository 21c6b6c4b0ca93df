/* flank test: run scenario tests (tests/NAME.lua in a scenario folder) headless and report
 * one line per test, as text, TAP or JUnit XML. The runner itself is fl_tester. */
#define _POSIX_C_SOURCE 200809L
#include "fl_cli.h"
#include "fl_tester.h"
#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { FMT_TEXT, FMT_TAP };

typedef struct Case { char *file, *name, *message, *repro; int ok; double seconds; } Case;

typedef struct Run {
  int format, n;
  FILE *junit;
  Case *cases; int ncase, cap;     /* kept for JUnit only */
} Run;

static int is_dir(const char *p) { struct stat st; return stat(p, &st) == 0 && S_ISDIR(st.st_mode); }
static int is_file(const char *p) { struct stat st; return stat(p, &st) == 0 && S_ISREG(st.st_mode); }

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

typedef struct List { char **v; int n, cap; } List;

static void add(List *l, const char *s) {
  if (l->n == l->cap) {
    l->cap = l->cap ? l->cap * 2 : 16;
    char **v = realloc(l->v, (size_t)l->cap * sizeof *v);
    if (!v) { fprintf(stderr, "flank test: out of memory\n"); exit(EXIT_USAGE); }
    l->v = v;
  }
  l->v[l->n++] = strdup(s);
}

/* Entries of dir, sorted; only .lua files (lua = 1) or only folders (lua = 0). */
static void list_dir(const char *dir, int lua, List *out) {
  List tmp = {0};
  DIR *d = opendir(dir);
  struct dirent *e;
  while (d && (e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    char p[PATH_MAX];
    snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
    size_t l = strlen(e->d_name);
    if (lua ? (l > 4 && !strcmp(e->d_name + l - 4, ".lua") && is_file(p)) : is_dir(p)) add(&tmp, p);
  }
  if (d) closedir(d);
  if (tmp.n) qsort(tmp.v, (size_t)tmp.n, sizeof *tmp.v, cmp_str);
  for (int i = 0; i < tmp.n; i++) { add(out, tmp.v[i]); free(tmp.v[i]); }
  free(tmp.v);
}

/* The test files PATH stands for; -1 if it names nothing. */
static int collect(const char *path, List *files) {
  char p[PATH_MAX];
  size_t l = strlen(path);
  if (l > 4 && !strcmp(path + l - 4, ".lua") && is_file(path)) { add(files, path); return 0; }
  snprintf(p, sizeof p, "%s/tests", path);
  if (is_dir(path) && is_dir(p)) { list_dir(p, 1, files); return 0; }
  if (is_dir(path)) {
    List subs = {0};
    list_dir(path, 0, &subs);
    int any = 0;
    for (int i = 0; i < subs.n; i++) {
      snprintf(p, sizeof p, "%s/tests", subs.v[i]);
      if (is_dir(p)) { list_dir(p, 1, files); any = 1; }
      free(subs.v[i]);
    }
    free(subs.v);
    if (!any) list_dir(path, 1, files); /* a folder of test files */
    return 0;
  }
  char err[1024]; /* a scenario's id, looked up as flank run does */
  if (strchr(path, '/') == NULL && fl_script_resolve(path, cli_scenario_path(), p, sizeof p, err, sizeof err) == 0)
    return collect(p, files);
  return -1;
}

static void xml(FILE *f, const char *s) {
  for (; s && *s; s++) {
    switch (*s) {
    case '<': fputs("&lt;", f); break;
    case '>': fputs("&gt;", f); break;
    case '&': fputs("&amp;", f); break;
    case '"': fputs("&quot;", f); break;
    default: if ((unsigned char)*s >= 0x20 || *s == '\n' || *s == '\t') fputc(*s, f);
    }
  }
}

static void report(void *ud, const fl_TestCase *tc) {
  Run *r = ud;
  r->n++;
  int ms = (int)(tc->seconds * 1000 + 0.5);
  if (r->format == FMT_TAP) {
    printf("%s %d - %s: %s\n", tc->ok ? "ok" : "not ok", r->n, tc->file, tc->name);
    if (!tc->ok) {
      printf("  ---\n  message: ");
      cli_json_str(stdout, tc->message);
      if (tc->source) { printf("\n  at: "); cli_json_str(stdout, tc->source); }
      if (tc->game) { printf("\n  game: "); cli_json_str(stdout, tc->game); }
      if (tc->repro) { printf("\n  reproduce: "); cli_json_str(stdout, tc->repro); }
      printf("\n  ...\n");
    }
  } else if (tc->ok) printf("ok    %s: %s (%d ms)\n", tc->file, tc->name, ms);
  else {
    printf("FAIL  %s: %s (%d ms): %s%s%s%s\n", tc->file, tc->name, ms, tc->message,
           tc->game ? " [" : "", tc->game ? tc->game : "", tc->game ? "]" : "");
    if (tc->source) printf("      at: %s\n", tc->source);
    if (tc->repro) printf("      reproduce: %s\n", tc->repro);
  }
  fflush(stdout);
  if (r->junit) {
    if (r->ncase == r->cap) {
      r->cap = r->cap ? r->cap * 2 : 32;
      Case *c = realloc(r->cases, (size_t)r->cap * sizeof *c);
      if (!c) return;
      r->cases = c;
    }
    Case *c = &r->cases[r->ncase++];
    c->file = strdup(tc->file);
    c->name = strdup(tc->name);
    c->ok = tc->ok;
    c->seconds = tc->seconds;
    c->message = tc->message ? strdup(tc->message) : NULL;
    c->repro = tc->repro ? strdup(tc->repro) : NULL;
  }
}

/* JUnit XML: one testsuite per test file (files that do not load become an error case). */
static void write_junit(Run *r, List *files, char **load_err) {
  FILE *f = r->junit;
  int fails = 0, errs = 0;
  for (int i = 0; i < r->ncase; i++) fails += !r->cases[i].ok;
  for (int i = 0; i < files->n; i++) errs += load_err[i] != NULL;
  fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"flank test\" tests=\"%d\" failures=\"%d\" errors=\"%d\">\n",
          r->ncase + errs, fails, errs);
  for (int i = 0; i < files->n; i++) {
    int n = 0, nf = 0;
    double secs = 0;
    for (int k = 0; k < r->ncase; k++)
      if (!strcmp(r->cases[k].file, files->v[i])) { n++; nf += !r->cases[k].ok; secs += r->cases[k].seconds; }
    fprintf(f, "  <testsuite name=\"");
    xml(f, files->v[i]);
    fprintf(f, "\" tests=\"%d\" failures=\"%d\" errors=\"%d\" time=\"%.3f\">\n", n + (load_err[i] != NULL), nf, load_err[i] != NULL, secs);
    if (load_err[i]) {
      fprintf(f, "    <testcase classname=\"");
      xml(f, files->v[i]);
      fprintf(f, "\" name=\"(load)\"><error message=\"");
      xml(f, load_err[i]);
      fprintf(f, "\"/></testcase>\n");
    }
    for (int k = 0; k < r->ncase; k++) {
      Case *c = &r->cases[k];
      if (strcmp(c->file, files->v[i])) continue;
      fprintf(f, "    <testcase classname=\"");
      xml(f, c->file);
      fprintf(f, "\" name=\"");
      xml(f, c->name);
      fprintf(f, "\" time=\"%.3f\"", c->seconds);
      if (c->ok) { fprintf(f, "/>\n"); continue; }
      fprintf(f, "><failure message=\"");
      xml(f, c->message);
      fprintf(f, "\">");
      xml(f, c->message);
      if (c->repro) { fprintf(f, "\nreproduce: "); xml(f, c->repro); }
      fprintf(f, "</failure></testcase>\n");
    }
    fprintf(f, "  </testsuite>\n");
  }
  fprintf(f, "</testsuites>\n");
}

int cmd_test(int argc, char **argv) {
  Run r = {0};
  List paths = {0}, files = {0};
  const char *junit = NULL;
  double timeout = 0;
  char **load_err = NULL;
  int passed = 0, failed = 0, broken = 0, rc;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--format") && i + 1 < argc) {
      const char *f = argv[++i];
      if (!strcmp(f, "tap")) r.format = FMT_TAP;
      else if (!strcmp(f, "text")) r.format = FMT_TEXT;
      else if (!strcmp(f, "junit")) {
        if (i + 1 >= argc) { rc = cli_usage_error("test", "--format junit needs a FILE to write"); goto out; }
        junit = argv[++i];
      } else { rc = cli_usage_error("test", "--format is text, tap or junit FILE, not '%s'", f); goto out; }
    } else if (!strcmp(a, "--timeout") && i + 1 < argc) {
      char *end;
      timeout = strtod(argv[++i], &end);
      if (*end || timeout <= 0) { rc = cli_usage_error("test", "--timeout needs a positive number of seconds"); goto out; }
    } else if (a[0] == '-') { rc = cli_bad_option("test", a); goto out; }
    else add(&paths, a);
  }
  if (!paths.n) {
    if (collect(cli_scenarios_root(), &files)) { rc = cli_usage_error("test", "no scenarios folder at %s", cli_scenarios_root()); goto out; }
  }
  for (int i = 0; i < paths.n; i++) {
    int before = files.n;
    if (collect(paths.v[i], &files)) { rc = cli_usage_error("test", "%s: no such test file, folder or scenario", paths.v[i]); goto out; }
    if (files.n == before) { rc = cli_usage_error("test", "%s: no test files (tests/NAME.lua) there", paths.v[i]); goto out; }
  }
  if (junit && !(r.junit = fopen(junit, "w"))) { rc = cli_usage_error("test", "cannot write %s", junit); goto out; }
  fl_TestOpts o = {cli_scenarios_root(), timeout, 0, report, &r};
  load_err = calloc((size_t)files.n + 1, sizeof *load_err);
  if (r.format == FMT_TAP) printf("TAP version 13\n");
  for (int i = 0; i < files.n; i++) {
    char err[2048];
    int p, f = fl_test_run_file(files.v[i], &o, &p, err, sizeof err);
    if (f < 0) {
      fprintf(stderr, "flank test: %s\n", err);
      if (r.format == FMT_TAP) printf("# %s does not load: %s\n", files.v[i], err);
      else printf("ERROR %s does not load: %s\n", files.v[i], err);
      if (load_err) load_err[i] = strdup(err);
      broken++;
      continue;
    }
    passed += p;
    failed += f;
  }
  if (r.junit) {
    write_junit(&r, &files, load_err);
    fclose(r.junit);
  }
  if (r.format == FMT_TAP) printf("1..%d\n# %d passed, %d failed\n", r.n, passed, failed);
  else {
    if (broken) printf("%d test file%s did not load\n", broken, broken == 1 ? "" : "s");
    printf("%d passed, %d failed\n", passed, failed);
  }
  rc = broken ? EXIT_USAGE : failed ? EXIT_FAILED : EXIT_OK;
out:
  for (int i = 0; i < r.ncase; i++) { free(r.cases[i].file); free(r.cases[i].name); free(r.cases[i].message); free(r.cases[i].repro); }
  free(r.cases);
  for (int i = 0; i < files.n; i++) { free(files.v[i]); if (load_err) free(load_err[i]); }
  for (int i = 0; i < paths.n; i++) free(paths.v[i]);
  free(files.v);
  free(paths.v);
  free(load_err);
  return rc;
}
