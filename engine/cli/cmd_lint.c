/* flank lint: check a scenario without playing it (fl_lint does the work). */
#include "fl_cli.h"
#include "fl_lint.h"
#include <string.h>

int cmd_lint(int argc, char **argv) {
  const char *where = NULL, *lang = NULL;
  int json = 0, strict = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--format") && i + 1 < argc) {
      i++;
      if (!strcmp(argv[i], "json")) json = 1;
      else if (!strcmp(argv[i], "text")) json = 0;
      else return cli_usage_error("lint", "--format is text or json, not '%s'", argv[i]);
    } else if (!strcmp(argv[i], "--json")) json = 1;
    else if (!strcmp(argv[i], "--strict")) strict = 1;
    else if (!strcmp(argv[i], "--lang")) {
      if (i + 1 >= argc) return cli_usage_error("lint", "--lang needs a language code (en, lt, pl...)");
      lang = argv[++i];
    }
    else if (argv[i][0] == '-') return cli_bad_option("lint", argv[i]);
    else if (!where) where = argv[i];
    else return cli_usage_error("lint", "one scenario at a time (got '%s' and '%s')", where, argv[i]);
  }
  if (!where) return cli_usage_error("lint", "which scenario? e.g. flank lint tutorial");
  fl_Lint *l = fl_lint_run_lang(where, cli_scenario_path(), lang);
  if (!l) { fprintf(stderr, "flank lint: out of memory\n"); return EXIT_USAGE; }
  if (!fl_lint_found(l)) {
    const fl_LintMsg *m = fl_lint_msg(l, 0);
    fprintf(stderr, "%s\n", m ? m->text : "no such scenario");
    fl_lint_free(l);
    return EXIT_USAGE;
  }
  int n = fl_lint_count(l), errors = fl_lint_errors(l);
  if (json) {
    printf("{\"errors\":%d,\"warnings\":%d,\"messages\":[", errors, n - errors);
    for (int i = 0; i < n; i++) {
      const fl_LintMsg *m = fl_lint_msg(l, i);
      printf("%s{\"file\":", i ? "," : "");
      cli_json_str(stdout, m->file);
      printf(",\"line\":%d,\"level\":\"%s\",\"check\":", m->line, m->level == FL_LINT_ERROR ? "error" : "warning");
      cli_json_str(stdout, m->check);
      printf(",\"message\":");
      cli_json_str(stdout, m->text);
      putchar('}');
    }
    printf("]}\n");
  } else {
    for (int i = 0; i < n; i++) {
      const fl_LintMsg *m = fl_lint_msg(l, i);
      printf("%s:%d: %s: %s [%s]\n", m->file, m->line, m->level == FL_LINT_ERROR ? "error" : "warning", m->text, m->check);
    }
    fflush(stdout); /* the messages first, then the count, also when piped */
    if (n) fprintf(stderr, "%d error%s, %d warning%s\n", errors, errors == 1 ? "" : "s", n - errors, n - errors == 1 ? "" : "s");
  }
  int rc = errors || (strict && n) ? EXIT_FAILED : EXIT_OK;
  fl_lint_free(l);
  return rc;
}
