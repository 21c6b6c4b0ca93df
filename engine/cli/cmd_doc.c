/* flank doc: write docs/api.md and docs/flank.d.lua from the API registration
 * (fl_docgen); --check fails when the committed files differ from what it would write. */
#include "fl_cli.h"
#include "fl_docgen.h"
#include "fl_save.h"
#include "fl_str.h"
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef FLANK_SOURCE_DIR
#define FLANK_SOURCE_DIR "."
#endif

static const char *const DOCS[] = {"api.md", "flank.d.lua", ".luacheckrc", NULL};

int cmd_doc(int argc, char **argv) {
  int check = 0;
  const char *dir = NULL;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--check")) check = 1;
    else if (!strcmp(argv[i], "--out") && i + 1 < argc) dir = argv[++i];
    else return cli_bad_option("doc", argv[i]);
  }
  static char def[4096];
  struct stat st;
  if (!dir) {
    if (stat("docs", &st) == 0 && S_ISDIR(st.st_mode)) dir = "docs";
    else { snprintf(def, sizeof def, "%s/docs", FLANK_SOURCE_DIR); dir = def; }
  }
  const char *missing[16];
  int nm = fl_docgen_undocumented(missing, 16);
  for (int i = 0; i < nm && i < 16; i++)
    fprintf(stderr, "flank doc: definition key '%s' has no description in engine/script/fl_docgen.c\n", missing[i]);
  int rc = nm && check ? EXIT_FAILED : EXIT_OK;
  for (int d = 0; DOCS[d]; d++) {
    char *text = fl_docgen(DOCS[d]);
    char path[4200];
    snprintf(path, sizeof path, "%s/%s", dir, DOCS[d]);
    if (!text) { fprintf(stderr, "flank doc: out of memory\n"); return EXIT_USAGE; }
    size_t len = strlen(text), have_len = 0;
    char *have = fl_str_read_file(path, &have_len);
    int same = have && have_len == len && !memcmp(have, text, len);
    if (check) {
      if (!same) {
        fprintf(stderr, "%s: %s; run flank doc to regenerate it\n", path, have ? "out of date" : "missing");
        rc = EXIT_FAILED;
      }
    } else if (!same) {
      char err[1024];
      if (fl_save_write_atomic(path, text, len, err, sizeof err)) {
        fprintf(stderr, "flank doc: %s\n", err);
        rc = EXIT_USAGE;
      } else printf("wrote %s\n", path);
    } else printf("%s is up to date\n", path);
    free(have);
    free(text);
  }
  if (check && rc == EXIT_OK) printf("%s/api.md, %s/flank.d.lua and %s/.luacheckrc are up to date\n", dir, dir, dir);
  return rc;
}
