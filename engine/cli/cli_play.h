/* The window's host state the teaching tools share (cmd_play.c's host begins with it):
 * the script, the options every load gets (--set, and the values the Assumptions panel
 * sets), the seed and the side a person plays. cli_play_teach fills the host's teaching
 * callbacks (play_teach.c): parameters, "save for my teacher", what-if forks and "your
 * game among many", all through fl_whatif and fl_ensemble as the text debrief uses them. */
#ifndef CLI_PLAY_H
#define CLI_PLAY_H
#include <stdint.h>
#include "fl_script.h"

enum { CLI_PLAY_MAXSET = 64 };

typedef struct cli_Play {
  fl_Script *sc;
  fl_ScriptOpts opts;        /* opts.set points at setv while the window has set a value */
  uint64_t seed;
  int human;
  const char *where;         /* the scenario as given (an id or a folder), for the log's "from" */
  const char *setv[CLI_PLAY_MAXSET]; char *own[CLI_PLAY_MAXSET]; /* own[i]: setv[i] if the window set it */
  int ncli;                  /* the first ncli of setv came from the command line */
  struct cli_ForkPool *forks; /* loaded scripts what-if forks reuse (play_teach.c) */
  struct cli_Prefetch *pre;  /* the debrief's games, played ahead while the student plays */
  int no_prefetch;           /* a demo or a screenshot: play nothing ahead */
  int bench;                 /* --bench: say on stdout when the debrief takes over games played ahead */
} cli_Play;

struct fl_UiHost;
/* Fill the teaching callbacks of host; host->ud must point at a cli_Play. */
void cli_play_teach(struct fl_UiHost *host);
/* Forget the values the window set (another scenario was opened) and free them. */
void cli_play_forget_sets(cli_Play *p);
/* The scenario was opened, reloaded or closed: loaded scripts kept for forks are stale
 * (freed now, or when a running fork gives its back). */
void cli_play_scripts_changed(cli_Play *p);
/* Free what the teaching tools keep (after the window has closed: no job runs). */
void cli_play_teach_free(cli_Play *p);
/* A game started (or its parameters changed): play the debrief's games "among many" ahead,
 * in the background, unless the same games are already being played. */
void cli_play_prefetch(cli_Play *p);
/* Stop playing them ahead (cancel and wait). */
void cli_play_prefetch_stop(cli_Play *p);

#endif
