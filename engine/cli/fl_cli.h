/* engine/cli: the `flank` subcommands. Each cmd_*.c holds one subcommand. */
#ifndef FL_CLI_H
#define FL_CLI_H
#include <stdint.h>
#include <stdio.h>
#include "fl_script.h"

/* Exit codes, the same for every subcommand. */
enum { EXIT_OK = 0, EXIT_FAILED = 1, EXIT_USAGE = 2, EXIT_SCRIPT = 3 };

typedef struct Cmd {
  const char *name, *args, *summary;
  int (*run)(int argc, char **argv);
  const char *help; /* the full --help text after the usage line */
} Cmd;

/* Where scenarios are (cli_path.c). Flank's data folder: ../share/flank from the binary, or
 * the source tree of a build; "" if there is none. */
const char *cli_data_dir(void);
/* The folder of the scenarios shipped with Flank (<data folder>/scenarios). */
const char *cli_scenarios_root(void);
/* Every folder a scenario id is looked up in, in order, as "a:b:c": FLANK_SCENARIOS's, then
 * $XDG_DATA_HOME/flank/scenarios, then the shipped ones (CLI_LOOKUP says it in words). */
const char *cli_scenario_path(void);
/* How many folders that is, and the i-th (NULL past the end) with why it is searched. */
int cli_scenario_dirs(void);
const char *cli_scenario_dir(int i, const char **from);
/* flank run --which: print where a scenario is found and where else its id is; exit code. */
int cli_which(const char *cmd, const char *where);
/* The ids of every scenario in those folders, sorted, each once; returns the count.
 * The ids are malloc'd: the caller frees each. */
int cli_scenario_ids(char **ids, int max);

/* The texts about flank as a whole (cli_help.c): the lookup order of scenarios in words, the
 * top-level --help, the manual page (roff) and the words bash completion offers after
 * "flank help --complete [COMMAND [PREVIOUS-WORD]]" (exit code). */
extern const char CLI_LOOKUP[];
void cli_usage(FILE *f);
void cli_man(FILE *f);
int cli_complete(int argc, char **argv);
/* Print "flank CMD: message" to stderr and return EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...);
/* Report an option the command does not take (with a did-you-mean from its usage line),
 * or a known option missing its value; returns EXIT_USAGE. */
int cli_bad_option(const char *cmd, const char *opt);
/* Whether argv[i] is --help or -h. */
int cli_is_help(const char *a);
/* Print a command's help page. */
void cli_print_help(const Cmd *c);
/* Parse "WxH" (e.g. 1600x1000) into w and h; 0 ok. */
int cli_parse_size(const char *s, int *w, int *h);
/* Parse an unsigned 64-bit number; 0 ok. */
int cli_parse_u64(const char *s, uint64_t *out);
/* The command running ("run", "play"...), set by the dispatcher: errors that name no source
 * line start with "flank COMMAND: ". NULL before (then "flank: "). */
extern const char *cli_command;
/* Print an error message; for "file:line:" messages also the source line with a caret (under
 * the quoted name, or the last field of a dotted name the message gives), others after
 * "flank COMMAND: ". */
void cli_print_error(const char *msg);
/* Load a scenario with the common options; NULL after printing the error. */
fl_Script *cli_load(const char *where, const fl_ScriptOpts *opts);
/* Apply "ROLE=POLICY" to a script; 0 ok, else prints the error. */
int cli_side_policy(const char *cmd, fl_Script *sc, const char *spec);
/* Play every side that defines `policy` with it (others keep theirs); 0 ok, else prints why.
 * A policy no side defines is an error. */
int cli_policy_all(const char *cmd, fl_Script *sc, const char *policy);
/* 0 if id is NULL or an overlay of d; else prints an error with a suggestion, -1. */
int cli_check_overlay(const char *cmd, const fl_Def *d, const char *id);
/* Write s as a JSON string literal (bytes that are not UTF-8 become U+FFFD). */
void cli_json_str(FILE *f, const char *s);
/* Write a number as JSON, in the batch CSV's shortest round-trip form. */
void cli_json_num(FILE *f, double v);
/* Length of the valid UTF-8 character at s (1-4), or 0 if the byte starts none. */
int cli_utf8_len(const char *s);
/* Columns a UTF-8 string takes in a terminal (its characters), for padding tables. */
int cli_text_width(const char *s);
/* Read a whole file, or standard input for "-" (malloc'd, NUL-terminated); NULL with errno. */
char *cli_read_input(const char *path, size_t *len);
/* Open a file to write, or standard output for "-"; NULL after printing why. */
FILE *cli_open_out(const char *cmd, const char *path);
/* Close what cli_open_out opened (standard output is flushed); 0 ok, else prints why. */
int cli_close_out(const char *cmd, FILE *f, const char *path);
/* Turns played: the turn the game ended on, or the turns completed when it stopped early. */
int cli_turns_played(fl_Script *sc);
/* With FLANK_I18N_CHECK set (tests): say on stderr how many of the window's words had no
 * translation in the --lang catalogue ("i18n: pl, 0 words without a translation"). */
void cli_i18n_report(void);
/* Write the outcome of the game as one JSON object (see docs/run-json.md). */
void cli_game_json(FILE *f, fl_Script *sc, uint64_t seed);
/* Write the replay log of the game (see docs/formats.md) to path ("-": standard output);
 * where is the scenario as it was given: a folder is recorded so the replay can find it;
 * lang is the --lang it was played in (NULL or "en": English), recorded so the replay
 * speaks it too. 0 ok. */
int cli_write_replay(const char *path, fl_Script *sc, uint64_t seed, const char *where, const char *lang);
/* The same with the sides in `humans` recorded as played by people (0: none): a student's log. */
int cli_write_replay_as(const char *path, fl_Script *sc, uint64_t seed, const char *where, const char *lang, fl_Sides humans);
/* The replay text cli_write_replay_as writes, appended to b (b->oom on failure). */
struct fl_Buf;
void cli_replay_text(struct fl_Buf *b, fl_Script *sc, uint64_t seed, const char *where, const char *lang, fl_Sides humans);

/* Print text with its citations [@id] as short references ("(Shlapak & Johnson 2016)"). */
void cli_cited(FILE *f, const fl_Def *d, const char *text);
int cli_cited_unknown(void); /* how many citations cli_cited met that name no source */
/* A game as played beside its what-if fork: ending and every visible track, as columns. */
void cli_whatif_table(FILE *f, const fl_Def *d, const fl_State *played, const fl_State *fork);
/* What became of a person's later choices after a what-if (fl_whatif.h), one sentence in the
 * --lang language into buf; "" when the fork had none to keep. */
struct fl_WhatIfKept;
struct fl_Replay;
void cli_whatif_kept(char *buf, size_t n, const struct fl_WhatIfKept *k);
/* The same in a few words, for a card in the window ("Your later choices kept: 25 of 27"). */
void cli_whatif_kept_short(char *buf, size_t n, const struct fl_WhatIfKept *k);
/* After "the computer plays on": the decisions it took for the record's people (humans) from
 * from_turn on otherwise than they did (log indices of the first max into idx; returns how
 * many), one as a line ("Turn 4, Fields: Anti-tank belts (Narva)"), and the window's short form. */
int cli_computer_chose(const fl_Def *d, const struct fl_Replay *r, const fl_State *f, fl_Sides humans, int from_turn, int *idx, int max);
void cli_decision_line(char *buf, size_t n, const fl_Def *d, const fl_LogEntry *e);
void cli_computer_chose_short(char *buf, size_t n, const fl_Def *d, const struct fl_Replay *r, const fl_State *f, fl_Sides humans,
                              int from_turn);
/* The discussion questions for an ending (-1: the general ones only; -2: all, each marked
 * with its ending), numbered, citations resolved. Returns how many were written. */
int cli_questions(FILE *f, const fl_Def *d, int ending);

/* After a game of flank play --text: questions, then 'whatif' and 'among' (cli_debrief.c). */
typedef struct cli_Ahead cli_Ahead;
/* The debrief's games "among many" played ahead from the start of a game, in the background
 * (cli_debrief.c): NULL if there are none to play or FLANK_NO_CACHE is set. */
cli_Ahead *cli_text_ahead(fl_Script *sc, int human, const fl_ScriptOpts *opts);
void cli_text_ahead_free(cli_Ahead *a); /* stop them if they still run */
void cli_text_debrief(fl_Script *sc, int human, fl_Sides humans, const fl_ScriptOpts *opts, cli_Ahead *ahead);

int cmd_run(int argc, char **argv);
int cmd_replay(int argc, char **argv);
int cmd_test(int argc, char **argv);
int cmd_play(int argc, char **argv);
/* flank play --text: play in the terminal (stdin/stdout), no window needed. */
int cli_play_text(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_batch(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_lint(int argc, char **argv);
int cmd_new(int argc, char **argv);
int cmd_doc(int argc, char **argv);
int cmd_sources(int argc, char **argv);
int cmd_class(int argc, char **argv);

/* Run flank with these arguments (argv[0] is the program); returns the exit code. */
int cli_main(int argc, char **argv);

extern const Cmd CLI_COMMANDS[];
const Cmd *cli_find(const char *name);

#endif
