/* Internal to engine/script: the definition builder's helpers, shared by fl_defs.c and
 * fl_defs_teach.c (parameters, sources, questions and the class settings file). */
#ifndef FL_DEFS_INT_H
#define FL_DEFS_INT_H
#include "fl_script_int.h"

/* Building fl_Def from the recorded definition tables: where errors point (src:line). */
typedef struct fl_DefB { fl_Script *sc; lua_State *L; char *err; size_t errn; const char *src; int line; } fl_DefB;

/* Raw t[k] pushed (no metamethods; nil when t is not a table); returns its type. */
int fl_db_rget(lua_State *L, int t, const char *k);
/* "src:line: message" into b->err; returns -1. */
int fl_db_fail(fl_DefB *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Point b at the definition table t (its recorded file and line). */
void fl_db_at(fl_DefB *b, int t);
/* A string field (copied into *out; dflt when absent unless required). 0 ok, -1 failed. */
int fl_db_str(fl_DefB *b, int t, const char *key, int required, const char *dflt, char **out, const char *what);
/* A finite number field (dflt when absent). 0 ok, -1 failed. */
int fl_db_num(fl_DefB *b, int t, const char *key, double dflt, double *out, const char *what);
/* The id field: required, a valid id. 0 ok, -1 failed. */
int fl_db_id(fl_DefB *b, int t, const char *kind, char **out);
/* Push the list of recorded definitions of a kind; returns its length. */
int fl_db_list(fl_DefB *b, const char *kind);
/* Raw length of t (0 when not a table). */
int fl_db_len(lua_State *L, int t);
/* A boolean field (the loader has checked its type); dflt when absent. */
int fl_db_bool(fl_DefB *b, int t, const char *key, int dflt);
/* A function field as a handle in the rule-function table (0 when absent). 0 ok, -1 failed. */
int fl_db_fn(fl_DefB *b, int t, const char *key, int *out, const char *what);
/* calloc of n (at least 1) elements. */
void *fl_db_zalloc(int n, size_t sz);
/* The index of a side, track or phase id into *out, or a did-you-mean failure. 0 ok, -1 failed. */
int fl_db_ref_side(fl_DefB *b, const fl_Def *d, const char *id, const char *what, int *out);
int fl_db_ref_track(fl_DefB *b, const fl_Def *d, const char *id, const char *what, int *out);
int fl_db_ref_phase(fl_DefB *b, const fl_Def *d, const char *id, const char *what, int *out);
/* fl_defs_board.c: area{} and place{} into d->map (after the map file). */
int fl_db_board(fl_DefB *b, fl_Def *d);
/* property{ values = { stockpile = "Mines stockpiled for a crisis" } } into p (t: the definition). */
int fl_db_prop_values(fl_DefB *b, int t, fl_PropDef *p, const char *what);
/* fl_defs_cards.c: decision{} with options, then event{} and ending{}. */
int fl_db_cards(fl_DefB *b, fl_Def *d);
int fl_db_events_endings(fl_DefB *b, fl_Def *d);

/* fl_defs_teach.c: the allowed keys of parameter{}, source{}, question{} and evidence{}. */
extern const char *const fl_defs_k_parameter[], *const fl_defs_k_source[], *const fl_defs_k_question[],
    *const fl_defs_k_evidence[];
/* Add source{} definitions to d->sources (after those of scenario{ sources }), then build
 * the evidence{} legend, parameters and questions (endings must exist), then read the class settings file. */
int fl_defs_teach_build(fl_DefB *b, fl_Def *d);

#endif
