/* fl_replay: the text replay log ("flank-replay 2"): scenario identity, seed, the
 * parameters' values, the actions in order with their targets, and every turn's state
 * hash. Version 1 logs (no targets) still replay. Parsed as hostile data: every
 * problem is an error naming the file and line. */
#ifndef FL_REPLAY_H
#define FL_REPLAY_H
#include <stddef.h>
#include <stdint.h>
#include "fl_def.h"
#include "fl_game.h"
#include "fl_state.h"

/* targets: the words after the option ("area:riga piece:12"), or NULL (owned). */
typedef struct fl_ReplayAction { int turn, line; char card[64], option[64]; char *targets; } fl_ReplayAction;
typedef struct fl_ReplayHash { int turn, line; uint64_t hash; } fl_ReplayHash;
/* "param ID VALUE": the value a parameter had in the recorded game. */
typedef struct fl_ReplayParam { char id[64]; double value; int line; } fl_ReplayParam;

typedef struct fl_Replay {
  char id[64], version[64], ending[64];
  char lang[16];              /* the --lang it was played in ("lang pl"), or "" (English) */
  uint64_t content, seed;
  fl_ReplayAction *actions; int nactions;
  fl_ReplayHash *hashes; int nhashes;
  fl_ReplayParam *params; int nparams;
  char policy_side[16][64], policy_name[16][192]; int npolicies; /* who played (information) */
  int format;                 /* 1 or 2: the "flank-replay N" line */
  char from[1024];            /* the folder a scenario given as a path was loaded from, or "" */
  int complete;               /* it ends with the "end" line Flank writes last (a cut file does not) */
} fl_Replay;

/* Parse replay text (name is used in messages). 0 ok; -1 with "name:line: what" in err.
 * On success free the result with fl_replay_free. */
int fl_replay_parse(fl_Replay *r, const char *text, size_t len, const char *name, char *err, size_t errn);
/* The choice an action stands for, option index opt of its card: its targets resolved
 * against the definition (area ids) and state (piece ids). 0 ok; -1 with "what" in err. */
int fl_replay_choice(const fl_Def *d, const fl_ReplayAction *a, int opt, fl_Choice *ch, char *err, size_t errn);
/* The recorded value of a parameter: its index in r->params, or -1 if the log has none. */
int fl_replay_param(const fl_Replay *r, const char *id);
/* Free what fl_replay_parse allocated. */
void fl_replay_free(fl_Replay *r);
/* Write the replay of a played game (policies[i]: who played side i, NULL "human") to buf;
 * from (or NULL) is the folder the scenario was loaded from (named in messages); lang (NULL
 * or "en": none) the language it was played in, which the replay loads the scenario in. */
void fl_replay_write(fl_Buf *buf, const fl_Def *def, const fl_State *s, uint64_t seed, const char *const *policies,
                     const char *from, const char *lang);

#endif
