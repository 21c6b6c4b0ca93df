/* Internal to engine/script: flank lint's checks of the teaching definitions — parameters
 * (defaults outside their range, no source and no assumption label), sources (citations
 * [@id] of ids nobody defines, sources nothing cites), evidence marks ([H] in a note with
 * no evidence{} saying what it means, an evidence{} no note uses) and questions (unknown
 * endings).
 * fl_lint.c calls it with the recorded definitions of its lenient load. */
#ifndef FL_LINT_TEACH_H
#define FL_LINT_TEACH_H
#include <lua.h>

typedef struct fl_LintTeach {
  lua_State *L;                      /* registry "flank.defs": the recorded definition tables */
  int nfile;                         /* the scenario's source files, as displayed, and their text */
  const char *const *path, *const *text;
  void *ud;
  /* report a finding (level: FL_LINT_WARNING or FL_LINT_ERROR) */
  void (*msg)(void *ud, const char *file, int line, int level, const char *check, const char *text);
  /* where the definition table on top of the stack is (kind as recorded), and the line of
   * its field `key` (NULL: the definition's own line) */
  void (*where)(void *ud, const char *kind, const char *key, const char **file, int *line);
  int partial;                       /* the scenario did not load: only each parameter's own values
                                      * (citations and sources need every definition) */
} fl_LintTeach;

void fl_lint_teach(const fl_LintTeach *t);

#endif
