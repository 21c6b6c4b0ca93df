/* fl_lint: check a scenario without playing it. Unknown definition keys,
 * references to ids that do not exist (also string literals passed to flank.*
 * calls in rule code), decisions without options, events that can never fire,
 * areas without neighbours, globals written after load, what policies return
 * (wherever their choose is written), missing translations
 * and (opt-in) numbers without a source. Lives in the script layer because it
 * loads the scenario in a sandbox to read its definitions. */
#ifndef FL_LINT_H
#define FL_LINT_H

typedef struct fl_Lint fl_Lint;

enum { FL_LINT_WARNING = 0, FL_LINT_ERROR = 1 };

/* One finding. Strings are owned by the fl_Lint. */
typedef struct fl_LintMsg {
  const char *file;   /* path as the scenario was found, e.g. scenarios/x/scenario.lua */
  int line;           /* 1-based; 0 when no line applies */
  int level;          /* FL_LINT_WARNING or FL_LINT_ERROR */
  const char *check;  /* short name of the check, e.g. "unknown-key", "unknown-ref" */
  const char *text;   /* the message */
} fl_LintMsg;

/* Lint scenario `where` (folder, scenario.lua path or shipped id under scenarios_root).
 * Returns NULL only when out of memory; free with fl_lint_free. */
fl_Lint *fl_lint_run(const char *where, const char *scenarios_root);
/* The same, as the scenario loads under --lang lang (flank.lang): also lists the texts that
 * language's text_<lang>.lua lacks (all of them, as one warning, when there is no such file). */
fl_Lint *fl_lint_run_lang(const char *where, const char *scenarios_root, const char *lang);
/* The same under the limits of `limits` (mem_limit, load_budget, call_budget, call_seconds as
 * for fl_script_load; NULL or 0: the defaults) for every load and analysis lint runs. */
struct fl_ScriptOpts;
fl_Lint *fl_lint_run_opts(const char *where, const char *scenarios_root, const char *lang,
                          const struct fl_ScriptOpts *limits);
/* Free a lint result (NULL is fine). */
void fl_lint_free(fl_Lint *l);
/* 0 if the scenario could not be found at all (then message 0 says why). */
int fl_lint_found(const fl_Lint *l);
/* Number of findings, sorted by file, line, message. */
int fl_lint_count(const fl_Lint *l);
/* The i-th finding (borrowed). */
const fl_LintMsg *fl_lint_msg(const fl_Lint *l, int i);
/* Number of findings at FL_LINT_ERROR. */
int fl_lint_errors(const fl_Lint *l);
/* The line lint gives for key `key` of the definition `kind { ... }` called at `line` of file
 * path (option > 0: of its option'th option; sub: a key inside the key's table): the key's own
 * line in the source, else its table's, else `line`. So the loader (fl_defs.c), which knows only
 * the call's line, points where lint does. */
int fl_lint_key_line(const char *path, const char *kind, int line, int option, const char *key, const char *sub);
/* The line of the first string or name `word` in the call that starts on `line` of path (a
 * definition naming an id that does not exist: where it names it), else `line`. */
int fl_lint_word_line(const char *path, int line, const char *word);

#endif
