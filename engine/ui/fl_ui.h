/* fl_ui: the window (SDL2 + SDL2_ttf). The UI reads fl_Def, fl_State and fl_Map and
 * never changes a game itself: every change (a decision, a policy's move, undo, save,
 * load, reload) goes through the fl_UiHost that the caller fills in, so the same
 * fl_game_act step drives the window, the CLI and the tests. This layer includes SDL
 * and core headers only, never Lua. */
#ifndef FL_UI_H
#define FL_UI_H
#include <stddef.h>
#include <stdint.h>
#include "fl_def.h"
#include "fl_game.h"
#include "fl_state.h"

/* A shipped scenario as the title screen lists it. Strings are owned by the host. */
typedef struct fl_UiScenario { const char *id, *title, *blurb, *length, *roles; } fl_UiScenario;

struct fl_UiAmong;

/* What the window asks of its host. Every function returns 0 on success, or -1 with a
 * message in msg (n bytes); functions with a msg also return a success message there. */
typedef struct fl_UiHost {
  void *ud;
  /* The current game, or NULL when no scenario is open. Borrowed; it may be replaced
   * by open, start, load and reload (the UI re-reads it after each call). */
  fl_Game *(*game)(void *ud);
  /* Shipped scenarios for the title screen: how many, and the i-th. */
  int (*scenario_count)(void *ud);
  const fl_UiScenario *(*scenario)(void *ud, int i);
  /* Open shipped scenario i (no game is started yet). */
  int (*open)(void *ud, int i, char *msg, size_t n);
  /* Start a new game; human is the side a person plays, or -1 when policies play all. */
  int (*start)(void *ud, int human, char *msg, size_t n);
  /* Make a choice (an option of the pending card and its targets). On a script error
   * the host restores the state from before the action and returns -1 with the message. */
  int (*act)(void *ud, const fl_Choice *ch, char *msg, size_t n);
  /* Let the pending side's policy choose and act (same error contract as act). */
  int (*step_policy)(void *ud, char *msg, size_t n);
  /* Undo the last decision a person took (or the last action in a demo). */
  int (*undo)(void *ud, char *msg, size_t n);
  /* Save to / load from the save folder. */
  int (*save)(void *ud, char *msg, size_t n);
  int (*load)(void *ud, char *msg, size_t n);
  /* Reload the scenario from disk and replay the decisions so far; on failure the old
   * game is kept and msg says why. */
  int (*reload)(void *ud, char *msg, size_t n);
  /* Whether the scenario's files changed on disk since the last load (cheap; the UI
   * calls it at most once a second). */
  int (*changed)(void *ud);
  /* The load menu: list the open scenario's saves (newest first) and return how many; the
   * i-th's label, with *ok = 0 and the reason when it cannot be loaded; load the i-th. */
  int (*save_list)(void *ud);
  const char *(*save_info)(void *ud, int i, int *ok);
  int (*load_at)(void *ud, int i, char *msg, size_t n);

  /* Teaching tools (ui_teach, ui_debrief, ui_briefing); each may be NULL, which hides it. */
  /* Parameter i of the open scenario for the games started next, exactly as --set ID=VALUE
   * (a reload keeps it; saves and replay logs record it). -1 with msg: locked, out of range. */
  int (*set_param)(void *ud, int i, double v, char *msg, size_t n);
  /* Write the current game's replay log (what flank replay and flank class read) to path
   * through a temporary file and a rename. With overwrite 0 an existing file is left alone
   * and 1 is returned. 0 ok (msg says where); -1 with msg. */
  int (*save_log)(void *ud, const char *path, int overwrite, char *msg, size_t n);
  /* A what-if fork of the current game: fork_new (UI thread) copies the game's record;
   * decision NULL lets the policies play every side from the start of at_turn, else option
   * is chosen the (nth + 1)-th time decision is pending in at_turn (an orders card comes
   * again in its turn), on targets (as a log writes them,
   * "area:riga area:voru"; NULL: none). fork_run (any thread; its own
   * script, same seed) plays it to the end and gives the fork's final state in *out (the
   * caller frees it with fl_state_free) and in msg a note for the student ("" or what became
   * of their later choices). NULL / -1 with msg. */
  void *(*fork_new)(void *ud, int at_turn, int nth, const char *decision, const char *option, const char *targets, char *msg,
                    size_t n);
  int (*fork_run)(void *job, fl_State **out, char *msg, size_t n);
  void (*fork_free)(void *job);
  /* What a what-if could choose: the legal targets of option `option` of `decision` (its
   * (nth + 1)-th time) in turn at_turn of the current game (area indices, or piece ids) into out (max). The count, or -1
   * with msg (it was not open then, and why). On the UI thread: a replay to that turn, a few
   * milliseconds in a loaded script. NULL: the window offers only the played areas. */
  int (*fork_targets)(void *ud, int at_turn, int nth, const char *decision, const char *option, int32_t *out, int max, char *msg,
                      size_t n);
  /* Which options of that decision were open then: open[o] 1 or 0 and why[o] the reason, for
   * its first max options. 0, or -1 with msg. On the UI thread, as fork_targets. NULL: the
   * window offers every option and says why when one cannot be played. */
  int (*fork_open)(void *ud, int at_turn, int nth, const char *decision, char *open, char (*why)[160], int max, char *msg,
                   size_t n);
  /* Your game among many: runs games (0: the default) per shipped policy of the human's side
   * (every policy when human < 0). among_new on the UI thread; among_run blocks (any thread):
   * 0 done, 1 cancelled, else -1 with msg; among_cancel and among_done are safe from any thread. */
  void *(*among_new)(void *ud, int human, unsigned runs, char *msg, size_t n);
  int (*among_run)(void *job, char *msg, size_t n);
  void (*among_cancel)(void *job);
  size_t (*among_done)(void *job, size_t *total);
  /* After among_run returned 0: the games' results (borrowed until among_free). */
  int (*among_result)(void *job, struct fl_UiAmong *out);
  /* "Deterrence: better than in 80% of the 500 games played with the policy “Stay in the
   * treaty”, ..." (set -1: all sets; fl_ensemble_phrase). */
  const char *(*among_phrase)(void *job, int set, int track, double value, char *buf, size_t n);
  void (*among_free)(void *job);
} fl_UiHost;

/* The games of "your game among many": game i was played by set i / runs; val holds every
 * track's final value (n * ntrack, row-major), ending the ending index (-1: unfinished). */
typedef struct fl_UiAmong {
  int nset, ntrack; size_t runs, n;
  const char *const *set_name;
  const double *val; const int *ending;
  const char *const *set_text;  /* per set: what the policy does ("" or NULL: the scenario says nothing) */
} fl_UiAmong;

/* Drawing layers, for tests that prove a missing layer is caught. Without WATER, water areas
 * are drawn like land; without NATIONS, national borders like area borders; without COLOURS,
 * sides get the default palette instead of the scenario's colours; without MARKS, no arrows,
 * highlighted areas or front line. */
enum {
  FL_UI_SEA = 1, FL_UI_LAND = 2, FL_UI_AREAS = 4, FL_UI_BORDERS = 8, FL_UI_LABELS = 16,
  FL_UI_PLACES = 32, FL_UI_PIECES = 64, FL_UI_PANELS = 128, FL_UI_WATER = 256, FL_UI_NATIONS = 512,
  FL_UI_COLOURS = 1024, FL_UI_MARKS = 2048, FL_UI_ALL = 4095
};

typedef struct fl_UiOpts {
  int width, height;        /* window or image size in pixels (0: defaults) */
  int demo;                 /* policies play every side */
  double speed;             /* demo pace multiplier (1 = watchable); <= 0: as fast as possible */
  int human;                /* side a person plays when starting directly (-1: ask) */
  int skip_title;           /* a scenario is already open: start at the briefing */
  const char *screenshot;   /* write a PNG here at the end (or at shot_screen) and exit */
  const char *shot_screen;  /* "title", "briefing", "game", "debrief", "help"; with --demo also the debrief's
                             * "whatif", "among", "sources" and "save" (ui_debrief_shot): shoot there */
  int layers;               /* FL_UI_* mask; 0 means all */
  const char *overlay;      /* id of a scenario overlay to show at start (NULL: owners) */
  const char *view;         /* offscreen: the side whose view to draw (NULL: everything) */
  const char *pick;         /* offscreen: an option id of the pending card whose targets to light */
  int bench;                /* print timing figures to stdout */
  double bench_t0;          /* CLOCK_MONOTONIC ms when the command started, for --bench */
  unsigned long long seed;  /* the seed the game is played with, shown on the briefing for a
                             * teacher who reproduces a game (0: not shown) */
} fl_UiOpts;

/* Run the window until the player quits. 0 ok; 1 when a demo with a screenshot stopped on a
 * script error (the shot shows the error panel); -1 with err (no display, SDL failure). */
/* How long the game runs, in the language of the window (fl_i18n): "26 turns of 1 week", and
 * when the turn length changes, from which turn: "26 turns of 1 week, from turn 10 of 2 weeks";
 * with turns_cap (the turns are only a cap) no count: "turns of 1 month at first; the rules ...". */
void fl_ui_schedule_text(const fl_Def *d, char *buf, size_t n);
int fl_ui_run(const fl_UiHost *host, const fl_UiOpts *opts, char *err, size_t n);

/* Draw the game screen of g (map, pieces, panels) offscreen with SDL's software
 * renderer and write it as a PNG; needs no display. 0 ok; -1 with err; -2 with err when
 * opts->view or opts->pick names no side / no option of the pending card. */
int fl_ui_render_png(fl_Game *g, const fl_UiOpts *opts, const char *path, char *err, size_t n);

/* Offscreen timing of the drawing code on g: prints median frame times in ms for a full
 * map re-render and for an interactive frame (hover, tooltip, panels). 0 ok. */
int fl_ui_bench(fl_Game *g, const fl_UiOpts *opts, int frames, char *err, size_t n);

/* Write an RGB or RGBA image (bpp 3 or 4, rows pitch bytes apart) as a PNG, atomically.
 * Encoded with libpng. 0 ok; -1 with err. */
int fl_ui_write_png(const char *path, const unsigned char *pix, int w, int h, int pitch, int bpp,
                    char *err, size_t n);

#endif
