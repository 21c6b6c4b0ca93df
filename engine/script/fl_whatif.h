/* fl_whatif: a recorded game (a replay log, or a save's log) played again in a script's
 * game — whole, to verify it turn by turn, or up to a turn and then forked: another
 * option at one decision, other parameter values, or simply the policies playing on.
 * The same seed and history up to the fork, so what differs after it is the choice's
 * doing. Used by flank replay, flank play --text, flank class and the window's debrief
 * (which runs each fork off its thread with its own fl_Script). */
#ifndef FL_WHATIF_H
#define FL_WHATIF_H
#include <stddef.h>
#include "fl_replay.h"
#include "fl_script.h"

/* Results, as exit codes: ok, the game differs from its record, bad input, script error. */
enum { FL_WHATIF_OK = 0, FL_WHATIF_DIFFERS = 1, FL_WHATIF_BAD = 2, FL_WHATIF_SCRIPT = 3 };

/* After a fork with another option, what became of the later choices of the sides a person
 * played ("human" in the record). Each recorded choice of theirs after the changed one is in
 * exactly one of three counts, so kept + lapsed + unreached is how many they made after it:
 * made again when the same decision came up (in the same turn if the record took it then, else
 * its next unused one) and the choice was still open and legal (kept); came up but no longer
 * possible (lapsed: the side's policy chose instead); never came up in the fork (unreached).
 * Apart from those: the decisions of theirs the recorded game did not have, which the policy
 * made (fresh). The changed choice itself is in none. */
typedef struct fl_WhatIfKept {
  int kept, lapsed, fresh, unreached;
  int made[32], nmade; /* the policy's choices, lapsed and fresh, in order: the fork's log indices (the first 32) */
} fl_WhatIfKept;

/* Where and how a game forks. at_turn 0: no fork (replay the whole record). */
typedef struct fl_WhatIf {
  int at_turn;               /* the recorded history before this turn is kept */
  const char *decision;      /* NULL: policies play on from the start of at_turn; else at the */
  const char *option;        /* (nth + 1)-th time `decision` is pending in at_turn, choose `option` */
  const char *targets;       /* its targets as a log writes them ("area:riga piece:3"), or NULL */
  const int *param; const double *value; int nparam; /* parameter values changed at the fork */
  int policies_after;        /* 1: the policies play every side after the fork; 0: a person's
                              * sides make their recorded choices again where they still can, so
                              * that what differs is that one choice's doing (see fl_WhatIfKept) */
  fl_WhatIfKept *kept;       /* NULL, or where to say what became of those choices */
  int nth;                   /* 0: the first time the decision is pending in at_turn; an orders
                              * card comes again in its turn, and 1 is its second time */
} fl_WhatIf;

/* Give the game the parameter values r records (the scenario's defaults for any it lacks),
 * for the games started next. FL_WHATIF_OK, or FL_WHATIF_DIFFERS with "name:line: why" in
 * err (a value out of range, a parameter the scenario does not define). Locks do not
 * apply: it is a record of what was played. */
int fl_whatif_params(fl_Script *sc, const fl_Replay *r, const char *name, char *err, size_t errn);
/* Let the policies r records play their sides (a policy the scenario no longer has, and
 * "human", leave the side's default). */
void fl_whatif_policies(fl_Script *sc, const fl_Replay *r);
/* Start r's game (seed, parameters) and replay its actions; with w and w->at_turn > 0, stop
 * at the fork point, apply w's changes and play on to the end: the policies, and with another
 * option (w->decision) and not w->policies_after, a person's sides' own later choices. Messages
 * name the log's file:line (r's name is `name`). Returns FL_WHATIF_*. */
int fl_whatif_run(fl_Script *sc, const fl_Replay *r, const char *name, const fl_WhatIf *w, char *err, size_t errn);
/* What a fork could choose: replay r up to w's fork point (w->decision pending in w->at_turn)
 * and list the legal targets of w->option there (area indices or piece ids) into out (max),
 * their count in *n. Returns FL_WHATIF_* as fl_whatif_run (BAD: not open then, with why). */
int fl_whatif_targets(fl_Script *sc, const fl_Replay *r, const char *name, const fl_WhatIf *w, int32_t *out, int max, int *n,
                      char *err, size_t errn);
/* Which options of w->decision were open at w's fork point (w->option is not read): open[o]
 * 1 or 0 and why[o] the reason a player reads, for the decision's first max options. */
int fl_whatif_open(fl_Script *sc, const fl_Replay *r, const char *name, const fl_WhatIf *w, char *open, char (*why)[160], int max,
                   char *err, size_t errn);
/* After fl_whatif_run of the whole record: compare every turn's hash and the ending with
 * r's. FL_WHATIF_OK or FL_WHATIF_DIFFERS ("name:line: turn 3 differs ..."). */
int fl_whatif_verify(fl_Script *sc, const fl_Replay *r, const char *name, char *err, size_t errn);
/* The record of a game held in a state (a save, or the window's game): its seed, parameter
 * values, actions and turn hashes, with policies[i] who played side i (NULL: "human").
 * 0 ok, -1 out of memory. Free with fl_replay_free. */
int fl_whatif_record(fl_Replay *r, const fl_Def *d, const fl_State *s, const char *const *policies);

#endif
