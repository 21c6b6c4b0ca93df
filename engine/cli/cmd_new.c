/* flank new: create a scenario folder from the commented template (assets/template of
 * Flank's data folder) or as a copy of another scenario (--from tutorial), in the current
 * folder, --dir PATH, or with --user where scenario ids are looked up. Never overwrites. */
#define _POSIX_C_SOURCE 200809L
#include "fl_cli.h"
#include "fl_path.h"
#include "fl_save.h"
#include "fl_str.h"
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int is_dir(const char *p) { struct stat st; return stat(p, &st) == 0 && S_ISDIR(st.st_mode); }

/* text with every `from` replaced by `to`; malloc'd. */
static char *replace_all(const char *text, const char *from, const char *to) {
  size_t fl = strlen(from), tl = strlen(to), n = 0;
  for (const char *p = strstr(text, from); p; p = strstr(p + fl, from)) n++;
  char *out = malloc(strlen(text) + n * (tl > fl ? tl - fl : 0) + 1), *o = out;
  if (!out) return NULL;
  for (const char *p = text, *q; (q = strstr(p, from)) != NULL || *p; p = q + fl) {
    if (!q) { strcpy(o, p); o += strlen(p); break; }
    memcpy(o, p, (size_t)(q - p)); o += q - p;
    memcpy(o, to, tl); o += tl;
  }
  *o = '\0';
  return out;
}

/* A copied scenario's Lua file under its new id: requires of its own modules ("from/x")
 * become "to/x", so the copy runs its own copies, and in scenario.lua the first
 * id = "from" (scenario{}'s) becomes id = "to". malloc'd; NULL when out of memory. */
static char *renamed(const char *text, const char *from, const char *to, int is_main) {
  static const char *const forms[] = {"require \"%s/", "require '%s/", "require(\"%s/", "require('%s/"};
  char a[160], b[160];
  char *out = fl_str_dup(text);
  for (int i = 0; out && i < 4; i++) {
    snprintf(a, sizeof a, forms[i], from);
    snprintf(b, sizeof b, forms[i], to);
    char *n = replace_all(out, a, b);
    free(out);
    out = n;
  }
  char *p;
  snprintf(a, sizeof a, "id = \"%s\"", from);
  snprintf(b, sizeof b, "id = \"%s\"", to);
  if (out && is_main && (p = strstr(out, a))) {
    char *n = malloc(strlen(out) + strlen(b) + 1);
    if (n) sprintf(n, "%.*s%s%s", (int)(p - out), out, b, p + strlen(a));
    free(out);
    out = n;
  }
  return out;
}

typedef struct Job { const char *id, *title, *from_id; int files; } Job;

/* Copy src to dst (a new folder), filling in the template's {{id}} and {{title}}, or
 * renaming the copied scenario's id. Dotfiles and symlinks are skipped. */
static int copy_tree(const char *src, const char *dst, Job *j) {
  if (mkdir(dst, 0777)) { fprintf(stderr, "flank new: cannot create %s: %s\n", dst, strerror(errno)); return -1; }
  DIR *d = opendir(src);
  if (!d) { fprintf(stderr, "flank new: cannot read %s: %s\n", src, strerror(errno)); return -1; }
  struct dirent *e;
  int rc = 0;
  while (rc == 0 && (e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    char s[4096], t[4096];
    snprintf(s, sizeof s, "%s/%s", src, e->d_name);
    snprintf(t, sizeof t, "%s/%s", dst, e->d_name);
    struct stat st;
    if (lstat(s, &st)) continue;
    if (S_ISDIR(st.st_mode)) { rc = copy_tree(s, t, j); continue; }
    if (!S_ISREG(st.st_mode)) continue;
    size_t len;
    char *text = fl_str_read_file(s, &len);
    if (!text) { fprintf(stderr, "flank new: cannot read %s: %s\n", s, strerror(errno)); rc = -1; break; }
    char *out = text;
    if (!j->from_id) {
      char *a = replace_all(text, "{{id}}", j->id);
      out = a ? replace_all(a, "{{title}}", j->title) : NULL;
      free(a);
    } else if (strstr(e->d_name, ".lua")) out = renamed(text, j->from_id, j->id, !strcmp(e->d_name, "scenario.lua"));
    char err[1024];
    if (!out || fl_save_write_atomic(t, out, strlen(out), err, sizeof err)) {
      fprintf(stderr, "flank new: %s\n", out ? err : "out of memory");
      rc = -1;
    } else j->files++;
    if (out != text) free(out);
    free(text);
  }
  closedir(d);
  return rc;
}

int cmd_new(int argc, char **argv) {
  const char *name = NULL, *from = NULL, *dir = NULL;
  int user = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--from") && i + 1 < argc) from = argv[++i];
    else if (!strcmp(argv[i], "--dir") && i + 1 < argc) dir = argv[++i];
    else if (!strcmp(argv[i], "--user")) user = 1;
    else if (argv[i][0] == '-') return cli_bad_option("new", argv[i]);
    else if (!name) name = argv[i];
    else return cli_usage_error("new", "one name at a time (got '%s' and '%s')", name, argv[i]);
  }
  if (!name) return cli_usage_error("new", "which name? e.g. flank new my_scenario");
  if (!fl_str_is_id(name))
    return cli_usage_error("new", "'%s' is not an id: use lowercase letters, digits and _ (e.g. river_crossing)", name);
  if (user && dir) return cli_usage_error("new", "--user and --dir both say where; give one");
  char src[4096], dst[4200], parent[4096], err[2048];
  if (from) {
    if (!fl_str_is_id(from)) return cli_usage_error("new", "--from takes a scenario's id, e.g. tutorial");
    if (fl_script_resolve(from, cli_scenario_path(), src, sizeof src, err, sizeof err))
      return cli_usage_error("new", "--from: %s", err);
  } else {
    snprintf(src, sizeof src, "%s/assets/template", cli_data_dir());
    if (!*cli_data_dir() || !is_dir(src)) {
      fprintf(stderr, "flank new: the template folder %s is missing (is Flank installed completely?)\n",
              *cli_data_dir() ? src : "share/flank/assets/template");
      return EXIT_USAGE;
    }
  }
  /* the current folder by default: never the engine's own scenarios */
  if (user) {
    if (fl_path_user("scenarios", parent, sizeof parent))
      return cli_usage_error("new", "--user needs HOME or XDG_DATA_HOME to find your scenarios folder");
  } else snprintf(parent, sizeof parent, "%s", dir ? dir : ".");
  if (fl_path_mkdirs(parent)) { fprintf(stderr, "flank new: cannot create %s: %s\n", parent, strerror(errno)); return EXIT_USAGE; }
  snprintf(dst, sizeof dst, "%s/%s", parent, name);
  struct stat st;
  if (lstat(dst, &st) == 0) {
    fprintf(stderr, "flank new: %s already exists; not overwriting it (pick another name or remove it)\n", dst);
    return EXIT_USAGE;
  }
  char title[128];
  snprintf(title, sizeof title, "%s", name);
  for (char *p = title; *p; p++) if (*p == '_') *p = ' ';
  if (title[0] >= 'a' && title[0] <= 'z') title[0] = (char)(title[0] - 'a' + 'A');
  Job j = {name, title, from, 0};
  if (copy_tree(src, dst, &j)) return EXIT_USAGE;
  printf("created %s (%d files, from %s)\n", dst, j.files, from ? from : "the template");
  if (user) printf("next: flank lint %s && flank run %s && flank test %s   (found by id from any folder)\n", name, name, name);
  else printf("next: flank lint %s && flank run %s && flank test %s\n", dst, dst, dst);
  return EXIT_OK;
}
