/* fl_docgen: the scenario API reference and the editor type definitions, both
 * generated from the one registration the bindings use (fl_script_api_docs) and
 * from the definition functions' allowed keys (fl_defs_keys). Never hand-edit
 * docs/api.md or docs/flank.d.lua: run `flank doc`. */
#ifndef FL_DOCGEN_H
#define FL_DOCGEN_H

/* The generated text of "api.md", "flank.d.lua" or ".luacheckrc" (luacheck's globals: the
 * sandbox's, the definition functions, flank.*, and test()/play{}/expect() in tests/);
 * malloc'd, caller frees. NULL for another name. */
char *fl_docgen(const char *name);
/* Definition keys that have no description in fl_docgen.c's hint table: writes up to
 * max "kind.key" strings (static) into out and returns how many there are in total. */
int fl_docgen_undocumented(const char **out, int max);

#endif
