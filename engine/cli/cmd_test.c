/* flank test: run scenario tests (tests/NAME.lua in a scenario folder) headless and report
 * one line per test, as text, TAP or JUnit XML. The runner itself is fl_tester. */
#define _POSIX_C_SOURCE 200809L
#include "fl_cli.h"
#include "fl_str.h"
#include "fl_i18n.h"
#include "fl_save.h"
#include "fl_tester.h"
#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { FMT_TEXT, FMT_TAP };

typedef struct Case { char *file, *name, *message, *repro; int ok; double seconds; } Case;

typedef struct Run {
  int format, n;
  FILE *out;                       /* per-test lines: stdout, or stderr when the JUnit XML goes there */
  int junit;
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

/* XML text or attribute value: escaped, valid UTF-8 whatever bytes a path holds, and line
 * breaks kept as character references (an attribute would fold a raw one into a space). */
static void xml(FILE *f, const char *s) {
  while (s && *s) {
    int l = cli_utf8_len(s);
    unsigned char c = (unsigned char)*s;
    if (!l) { fputs("\xEF\xBF\xBD", f); s++; continue; }
    if (l > 1) { fwrite(s, 1, (size_t)l, f); s += l; continue; }
    switch (c) {
    case '<': fputs("&lt;", f); break;
    case '>': fputs("&gt;", f); break;
    case '&': fputs("&amp;", f); break;
    case '"': fputs("&quot;", f); break;
    case '\n': fputs("&#10;", f); break;
    case '\t': fputs("&#9;", f); break;
    default: if (c >= 0x20 && c != 0x7f) fputc(c, f); /* XML 1.0 has no other control characters */
    }
    s++;
  }
}

/* A TAP description: '#' would start a directive (a failing "... # TODO ..." test would
 * pass) and a line break would end the line, so both are escaped; bytes stay UTF-8. */
static void tap_text(FILE *f, const char *s) {
  while (s && *s) {
    int l = cli_utf8_len(s);
    if (!l) { fputs("\xEF\xBF\xBD", f); s++; continue; }
    if (l > 1) { fwrite(s, 1, (size_t)l, f); s += l; continue; }
    if (*s == '#' || *s == '\\') { fputc('\\', f); fputc(*s, f); }
    else if (*s == '\n' || *s == '\r' || *s == '\t') fputc(' ', f);
    else if ((unsigned char)*s >= 0x20) fputc(*s, f);
    s++;
  }
}

/* JUnit classname: "scenario.file" (scenarios/tutorial/tests/rules.lua -> tutorial.rules),
 * the same wherever the checkout is; every other character becomes '_'. */
static void classname(FILE *f, const char *path) {
  char buf[PATH_MAX], *parts[3] = {0};
  snprintf(buf, sizeof buf, "%s", path);
  size_t l = strlen(buf);
  if (l > 4 && !strcmp(buf + l - 4, ".lua")) buf[l - 4] = '\0';
  char *file = strrchr(buf, '/');
  if (!file) { parts[1] = buf; }
  else {
    *file++ = '\0';
    parts[1] = file;
    char *dir = strrchr(buf, '/');
    if (dir && !strcmp(dir + 1, "tests")) { *dir = '\0'; dir = strrchr(buf, '/'); }
    else if (!dir && !strcmp(buf, "tests")) { buf[0] = '\0'; dir = NULL; }
    parts[0] = dir ? dir + 1 : buf;
  }
  for (int i = 0; i < 2; i++) {
    if (!parts[i] || !*parts[i]) continue;
    if (i && parts[0] && *parts[0]) fputc('.', f);
    for (const char *p = parts[i]; *p; p++)
      fputc(((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-') ? *p : '_', f);
  }
}

static void report(void *ud, const fl_TestCase *tc) {
  Run *r = ud;
  FILE *o = r->out;
  r->n++;
  int ms = (int)(tc->seconds * 1000 + 0.5);
  if (r->format == FMT_TAP) {
    fprintf(o, "%s %d - ", tc->ok ? "ok" : "not ok", r->n);
    tap_text(o, tc->file);
    fputs(": ", o);
    tap_text(o, tc->name);
    fputc('\n', o);
    if (!tc->ok) {
      fprintf(o, "  ---\n  message: ");
      cli_json_str(o, tc->message);
      if (tc->source) { fprintf(o, "\n  at: "); cli_json_str(o, tc->source); }
      if (tc->game) { fprintf(o, "\n  game: "); cli_json_str(o, tc->game); }
      if (tc->repro) { fprintf(o, "\n  reproduce: "); cli_json_str(o, tc->repro); }
      fprintf(o, "\n  ...\n");
    }
  } else { /* names and messages come from test files: no escape sequences, no forged lines */
    fprintf(o, "%s  %s: ", tc->ok ? "ok  " : "FAIL", tc->file);
    fl_str_fput_term(o, tc->name, 0);
    fprintf(o, " (%d ms)", ms);
    if (!tc->ok) {
      fputs(": ", o);
      fl_str_fput_term(o, tc->message, 0);
      fprintf(o, "%s%s%s", tc->game ? " [" : "", tc->game ? tc->game : "", tc->game ? "]" : "");
    }
    fputc('\n', o);
    if (!tc->ok && tc->source) fprintf(o, "      at: %s\n", tc->source);
    if (!tc->ok && tc->repro) fprintf(o, "      reproduce: %s\n", tc->repro);
  }
  fflush(o);
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
static void write_junit(FILE *f, Run *r, List *files, char **load_err, const unsigned char *by_scen) {
  int fails = 0, errs = 0;
  double total = 0;
  for (int i = 0; i < r->ncase; i++) { fails += !r->cases[i].ok; total += r->cases[i].seconds; }
  for (int i = 0; i < files->n; i++) errs += load_err[i] != NULL;
  fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"flank test\" tests=\"%d\" failures=\"%d\" "
             "errors=\"%d\" time=\"%.3f\">\n", r->ncase + errs, fails, errs, total);
  for (int i = 0; i < files->n; i++) {
    int n = 0, nf = 0;
    double secs = 0;
    for (int k = 0; k < r->ncase; k++)
      if (!strcmp(r->cases[k].file, files->v[i])) { n++; nf += !r->cases[k].ok; secs += r->cases[k].seconds; }
    fprintf(f, "  <testsuite name=\"");
    classname(f, files->v[i]);
    fprintf(f, "\" tests=\"%d\" failures=\"%d\" errors=\"%d\" time=\"%.3f\" file=\"", n + (load_err[i] != NULL), nf,
            load_err[i] != NULL, secs);
    xml(f, files->v[i]);
    fputs("\">\n", f);
    if (load_err[i]) {
      fprintf(f, "    <testcase classname=\"");
      classname(f, files->v[i]);
      fprintf(f, "\" name=\"(%s does not load)\" time=\"0.000\"><error type=\"load\" message=\"", by_scen[i] ? "scenario" : "file");
      xml(f, load_err[i]);
      fprintf(f, "\">");
      xml(f, load_err[i]);
      fprintf(f, "</error></testcase>\n");
    }
    for (int k = 0; k < r->ncase; k++) {
      Case *c = &r->cases[k];
      if (strcmp(c->file, files->v[i])) continue;
      fprintf(f, "    <testcase classname=\"");
      classname(f, c->file);
      fprintf(f, "\" name=\"");
      xml(f, c->name);
      fprintf(f, "\" time=\"%.3f\"", c->seconds);
      if (c->ok) { fprintf(f, "/>\n"); continue; }
      fprintf(f, "><failure type=\"expect\" message=\"");
      xml(f, c->message);
      fprintf(f, "\">");
      xml(f, c->message);
      if (c->repro) { fprintf(f, "&#10;reproduce: "); xml(f, c->repro); }
      fprintf(f, "</failure></testcase>\n");
    }
    fprintf(f, "  </testsuite>\n");
  }
  fprintf(f, "</testsuites>\n");
}

/* Write the JUnit file whole or not at all: a run killed midway leaves no half file. */
static int save_junit(const char *path, Run *r, List *files, char **load_err, const unsigned char *by_scen) {
  char *buf = NULL, err[1024];
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  if (!f) { fprintf(stderr, "flank test: out of memory\n"); return -1; }
  write_junit(f, r, files, load_err, by_scen);
  int rc = fclose(f);
  if (!rc && !strcmp(path, "-")) rc = fwrite(buf, 1, len, stdout) != len || fflush(stdout);
  else if (!rc && fl_save_write_atomic(path, buf, len, err, sizeof err)) { fprintf(stderr, "flank test: %s\n", err); rc = -1; }
  free(buf);
  return rc;
}

/* The scenario a test file belongs to (<scenario>/tests/NAME.lua next to <scenario>/scenario.lua)
 * into scen; 0 if it is in no scenario's tests folder. */
static int own_scenario(const char *file, char *scen, size_t n) {
  char probe[PATH_MAX + 16];
  snprintf(scen, n, "%s", file);
  char *slash = strrchr(scen, '/');
  if (!slash) return 0;
  *slash = '\0';
  slash = strrchr(scen, '/');
  if (strcmp(slash ? slash + 1 : scen, "tests")) return 0;
  if (slash) *slash = '\0'; else snprintf(scen, n, ".");
  snprintf(probe, sizeof probe, "%s/scenario.lua", scen);
  return is_file(probe);
}

/* Each test file's own scenario, loaded once before any test runs. One that does not load has
 * its error in broken[i] for each of its files (its tests are not run: every play{} would fail
 * with the same error, once per test). --set is tried against each that loads: a value out of
 * range or an unknown parameter is one usage error, not every test failing with it. */
static int check_scenarios(const List *files, char **broken, const char *const *sets, int nset, const char *lang) {
  char last[PATH_MAX] = "", *last_err = NULL;
  for (int i = 0; i < files->n; i++) {
    char scen[PATH_MAX], err[2048];
    if (!own_scenario(files->v[i], scen, sizeof scen)) continue;
    if (!strcmp(scen, last)) { /* files come sorted: a scenario's are together */
      if (last_err) broken[i] = strdup(last_err);
      continue;
    }
    snprintf(last, sizeof last, "%s", scen);
    last_err = NULL;
    fl_ScriptOpts so = {0};
    so.lang = lang;
    so.no_class = 1; /* as the tests load it */
    fl_Script *sc = fl_script_load(scen, cli_scenarios_root(), &so, err, sizeof err);
    if (!sc) { last_err = broken[i] = strdup(err); continue; }
    for (int k = 0; k < nset; k++)
      if (fl_script_set_param(sc, sets[k], err, sizeof err)) {
        fl_script_free(sc);
        return cli_usage_error("test", "%s%s", strncmp(err, "--set", 5) ? "--set: " : "", err);
      }
    fl_script_free(sc);
  }
  return 0;
}

/* A scenario that does not load, once: its error (file:line), and which test files did not run
 * because of it (files[i..] of the scenario scen). TAP: one "not ok" for the scenario. */
static void scenario_error(Run *r, const char *scen, const char *err, const List *files, int i) {
  char other[PATH_MAX];
  int n = 0;
  for (int k = i; k < files->n && own_scenario(files->v[k], other, sizeof other) && !strcmp(other, scen); k++) n++;
  if (r->format == FMT_TAP) {
    fprintf(stderr, "flank test: %s\n", err);
    fprintf(r->out, "not ok %d - ", ++r->n);
    tap_text(r->out, scen);
    fputs(": the scenario does not load\n  ---\n  message: ", r->out);
    cli_json_str(r->out, err);
    fputs("\n  ...\n", r->out);
  } else {
    fputs("ERROR ", r->out);
    fl_str_fput_term(r->out, err, 0);
    fprintf(r->out, "\n      the scenario does not load, so its tests did not run (%d test file%s in ", n, n == 1 ? "" : "s");
    fl_str_fput_term(r->out, scen, 0);
    fputs("/tests)\n", r->out);
  }
  fflush(r->out);
}

int cmd_test(int argc, char **argv) {
  Run r = {0};
  List paths = {0}, files = {0};
  const char *junit = NULL;
  double timeout = 0;
  char **load_err = NULL;
  unsigned char *by_scen = NULL; /* load_err[i] is its scenario's */
  const char *sets[64], *lang = NULL;
  int nset = 0;
  int passed = 0, failed = 0, broken = 0, broken_scen = 0, rc;
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
    } else if (!strcmp(a, "--set") && i + 1 < argc) {
      if (nset == 64 || !strchr(argv[i + 1], '=')) { rc = cli_usage_error("test", "--set needs ID=VALUE (at most 64)"); goto out; }
      sets[nset++] = argv[++i];
    } else if (!strcmp(a, "--lang")) {
      if (i + 1 >= argc) { rc = cli_usage_error("test", "--lang needs a language code (en, lt, pl...)"); goto out; }
      lang = argv[++i];
      fl_i18n_set(lang);
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
  load_err = calloc((size_t)files.n + 1, sizeof *load_err);
  by_scen = calloc((size_t)files.n + 1, 1);
  if (!load_err || !by_scen) { rc = cli_usage_error("test", "out of memory"); goto out; }
  if ((rc = check_scenarios(&files, load_err, sets, nset, lang))) goto out;
  for (int i = 0; i < files.n; i++) by_scen[i] = load_err[i] != NULL;
  if (junit && strcmp(junit, "-")) { /* fail now, not after every test has run */
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", junit);
    char *slash = strrchr(dir, '/');
    if (slash) slash[slash == dir ? 1 : 0] = '\0'; else snprintf(dir, sizeof dir, ".");
    if (access(dir, W_OK) || is_dir(junit)) { rc = cli_usage_error("test", "cannot write %s", junit); goto out; }
  }
  r.junit = junit != NULL;
  r.out = junit && !strcmp(junit, "-") ? stderr : stdout; /* the XML owns standard output */
  fl_TestOpts o = {cli_scenarios_root(), timeout, 0, report, &r, sets, nset, lang};
  if (r.format == FMT_TAP) fprintf(r.out, "TAP version 13\n");
  for (int i = 0; i < files.n; i++) {
    if (load_err[i]) { /* its scenario does not load: said once, for the first of its files */
      char scen[PATH_MAX], prev[PATH_MAX];
      own_scenario(files.v[i], scen, sizeof scen);
      if (!i || !load_err[i - 1] || !own_scenario(files.v[i - 1], prev, sizeof prev) || strcmp(prev, scen)) {
        broken_scen++;
        scenario_error(&r, scen, load_err[i], &files, i);
      }
      continue;
    }
    char err[2048];
    int p, f = fl_test_run_file(files.v[i], &o, &p, err, sizeof err);
    if (f < 0) {
      if (r.format == FMT_TAP) { /* a file that does not load is a failure CI tools must see */
        fprintf(stderr, "flank test: %s\n", err); /* the TAP stream goes to a harness: a person reads this */
        fprintf(r.out, "not ok %d - ", ++r.n);
        tap_text(r.out, files.v[i]);
        fputs(": the test file does not load\n  ---\n  message: ", r.out);
        cli_json_str(r.out, err);
        fputs("\n  ...\n", r.out);
      } else fprintf(r.out, "ERROR %s does not load: %s\n", files.v[i], err);
      if (load_err) load_err[i] = strdup(err);
      broken++;
      continue;
    }
    passed += p;
    failed += f;
  }
  if (r.junit && save_junit(junit, &r, &files, load_err, by_scen)) { rc = EXIT_USAGE; goto out; }
  if (r.format == FMT_TAP) {
    fprintf(r.out, "1..%d\n# %d passed, %d failed\n", r.n, passed, failed);
    if (broken_scen) fprintf(r.out, "# %d scenario%s did not load\n", broken_scen, broken_scen == 1 ? "" : "s");
    if (broken) fprintf(r.out, "# %d test file%s did not load\n", broken, broken == 1 ? "" : "s");
  }
  if (r.format != FMT_TAP) {
    if (broken_scen) fprintf(r.out, "%d scenario%s did not load\n", broken_scen, broken_scen == 1 ? "" : "s");
    if (broken) fprintf(r.out, "%d test file%s did not load\n", broken, broken == 1 ? "" : "s");
    fprintf(r.out, "%d passed, %d failed\n", passed, failed);
  }
  /* a scenario or test file that does not load is exit 2 (as for flank run), a failed test 1 */
  rc = broken || broken_scen ? EXIT_USAGE : failed ? EXIT_FAILED : EXIT_OK;
out:
  for (int i = 0; i < r.ncase; i++) { free(r.cases[i].file); free(r.cases[i].name); free(r.cases[i].message); free(r.cases[i].repro); }
  free(r.cases);
  for (int i = 0; i < files.n; i++) { free(files.v[i]); if (load_err) free(load_err[i]); }
  for (int i = 0; i < paths.n; i++) free(paths.v[i]);
  free(files.v);
  free(paths.v);
  free(load_err);
  free(by_scen);
  return rc;
}
