/* fl_script: scenarios written in Lua, run in a sandbox. The only layer that
 * touches the Lua C API. One fl_Script is one Lua state holding one loaded
 * scenario and one game; batch workers make one each and reset it per seed. */
#ifndef FL_SCRIPT_H
#define FL_SCRIPT_H
#include <stddef.h>
#include <stdint.h>
#include "fl_def.h"
#include "fl_game.h"

typedef struct fl_Script fl_Script;

typedef struct fl_ScriptOpts {
  size_t mem_limit;        /* bytes for the Lua state; 0: 256 MiB */
  long long load_budget;   /* VM instructions to load the scenario; 0: 50 million */
  long long call_budget;   /* VM instructions per rule or policy call; 0: 10 million */
  double call_seconds;     /* wall-clock seconds per rule or policy call; 0: 5 (loading: 30) */
  const char *lang;        /* language the scenario should speak ("lt", "pl"...); NULL: "en".
                            * Scenarios read it as flank.lang while loading and pick their text table. */
  const char *const *set;  /* "ID=VALUE" parameter values (--set) for every game of this script; */
  int nset;                /* an unknown or locked parameter or a value out of range fails the load */
  int no_class;            /* ignore the class settings file (scenario tests check the model as written) */
  double game_seconds;     /* wall-clock seconds for a whole fl_script_play game (no call runs past
                            * them); 0: no limit but the per-call one */
} fl_ScriptOpts;

/* Exit-code classes of an error, as the CLI reports them. */
enum { FL_ERR_NONE = 0, FL_ERR_USAGE = 2, FL_ERR_LOAD = 2, FL_ERR_RUNTIME = 3 };

/* Load scenario `where` (a folder, a scenario.lua path, or a shipped scenario's id looked up
 * under scenarios_root: one folder, or several as "a:b:c", the first holding the id wins).
 * Returns NULL with "file:line: what" in err on failure. */
fl_Script *fl_script_load(const char *where, const char *scenarios_root, const fl_ScriptOpts *opts,
                          char *err, size_t errn);
/* Find a scenario's folder from `where` (as fl_script_load does) into dir. 0 ok; -1 with
 * "where: no such scenario ...; did you mean ..." in err. */
int fl_script_resolve(const char *where, const char *scenarios_root, char *dir, size_t n, char *err, size_t errn);
/* Free the script, its game and Lua state (NULL is fine). */
void fl_script_free(fl_Script *sc);
/* The loaded definition (owned by the script). */
const fl_Def *fl_script_def(const fl_Script *sc);
/* The script's game (owned by the script). */
fl_Game *fl_script_game(fl_Script *sc);
/* The folder the scenario was loaded from. */
const char *fl_script_dir(const fl_Script *sc);

/* Set who plays a side: "random", "first", "default", a policy id the scenario defines,
 * or a path to a policy file (ends in .lua). 0 ok; -1 with message in err. */
int fl_script_set_policy(fl_Script *sc, int side, const char *policy, char *err, size_t errn);
/* Whether fl_script_set_policy would know this name for the side without an error: a
 * built-in, a file, or one of the scenario's policies for that side. */
int fl_script_knows_policy(const fl_Script *sc, int side, const char *policy);
/* The policy name set for a side. */
const char *fl_script_policy(const fl_Script *sc, int side);
/* Ask the pending side's policy for a choice (an option and its targets), checked to be
 * legal now; 0 ok, -1 with the game failed and the message in fl_game_error. */
int fl_script_choose(fl_Script *sc, fl_Choice *ch);
/* Start a game with seed and let policies play it to the end (or max_actions). Returns the
 * final fl_Game status; on FL_GAME_ERROR the message is in fl_game_error. */
int fl_script_play(fl_Script *sc, uint64_t seed, long max_actions);
/* Let the policies play on from where the game is, while it waits for a decision and (if
 * until_turn > 0) the turn is before until_turn. Returns the game's status. */
int fl_script_play_on(fl_Script *sc, int until_turn);
/* Set a parameter for every game started from now on, from "ID=VALUE" (--set). 0 ok; -1
 * with the reason in err: unknown id (with a suggestion), not a number, outside min..max,
 * or locked by the class settings file. */
int fl_script_set_param(fl_Script *sc, const char *spec, char *err, size_t errn);
/* Put the parameters back to the values the script was loaded with (the scenario's or the
 * class file's, then fl_ScriptOpts.set). */
void fl_script_reset_params(fl_Script *sc);
/* Parse "ID=VALUE" against the scenario's parameters without changing anything: the
 * parameter's index and the value into *idx and *v. Same errors as fl_script_set_param,
 * except that a locked parameter is accepted (check d->params[i].locked). */
int fl_script_parse_param(const fl_Script *sc, const char *spec, int *idx, double *v, char *err, size_t errn);
/* What people read for policy id of side (-1: of every side defining it, when they agree on
 * one name): its `name`, else the id itself (also for an id the scenario does not define,
 * e.g. a sweep set's own name). */
const char *fl_script_policy_label(const fl_Script *sc, int side, const char *id);
/* The i-th policy the scenario defines (0..): its side, id, name and text ("" when not
 * given; borrowed). -1 past the last. */
int fl_script_policy_info(const fl_Script *sc, int i, int *side, const char **id, const char **name, const char **text);
/* Names of the policies the scenario defines (for listings); returns count. */
int fl_script_policy_names(const fl_Script *sc, const char **names, int max);

/* One documented API function, from the single registration the bindings use. */
typedef struct fl_ApiDoc { const char *module, *name, *params, *returns, *doc, *example; } fl_ApiDoc;
/* The API reference: array of n entries (static). */
const fl_ApiDoc *fl_script_api_docs(int *n);

#endif
