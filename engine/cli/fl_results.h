/* fl_results: the table of a batch's games (one row per game: seed, policy set,
 * ending, final tracks, turns), its CSV and JSONL files, and its statistics.
 * flank batch fills it from games, flank merge from files; both write and
 * summarise it with the same code, so a merged run is byte-identical to one run. */
#ifndef FL_RESULTS_H
#define FL_RESULTS_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "fl_stats.h"

typedef struct fl_Results {
  int ntrack; char **track;        /* track ids: the columns between ending and turns */
  int nset; char **set;            /* policy set names, in run order */
  int nending; char **ending;      /* ending ids (index -1 in a row: unfinished) */
  size_t n, cap;                   /* rows */
  uint64_t *seed;
  int *set_of, *ending_of, *turns;
  double *val;                     /* n * ntrack, row-major */
  char **unit;                     /* per track: unit for summaries, or NULL (owned) */
  char *hidden;                    /* per track: 1 = the scenario hides it from players */
} fl_Results;

/* Descriptive statistics of one column of one policy set. */

/* A table with these track columns (copied). NULL on out of memory. */
fl_Results *fl_res_new(int ntrack, const char *const *tracks);
/* Describe a track column for summaries: its unit and whether players see it
 * (hidden tracks stay in CSV/JSONL but not in the summary table). */
void fl_res_describe(fl_Results *r, int col, const char *unit, int visible);
/* Free a table (NULL is fine). */
void fl_res_free(fl_Results *r);
/* Index of a policy set / ending by name, added if new; -1 on out of memory. "" is unfinished (-1). */
int fl_res_set(fl_Results *r, const char *name);
int fl_res_ending(fl_Results *r, const char *id);
/* Make room for rows [0, n) (zeroed); 0 ok. */
int fl_res_resize(fl_Results *r, size_t n);
/* Sort rows by policy set (run order), then seed. -1 if a (set, seed) game appears twice. */
int fl_res_sort(fl_Results *r, char *err, size_t errn);
/* Write the rows as CSV (header: seed,set,ending,<tracks>,turns) or JSON lines. */
void fl_res_write_csv(FILE *f, const fl_Results *r);
void fl_res_write_jsonl(FILE *f, const fl_Results *r);
/* Append the rows of a CSV or JSONL file written by flank batch (*r is created on the first
 * file; later files must have the same tracks). 0 ok, -1 with "file:line: what" in err. */
int fl_res_read(const char *path, fl_Results **r, char *err, size_t errn);
/* Statistics of column col (a track index, or -1 for turns) over the games of set. */
void fl_res_stats(const fl_Results *r, int set, int col, fl_Stats *out);
/* How many games of set ended with ending e (-1: unfinished). */
size_t fl_res_count(const fl_Results *r, int set, int e);
/* The readable per-set summary table (endings, then mean, 95% CI, median, p05, p95, sd). */
void fl_res_summary(FILE *f, const fl_Results *r);
/* The shortest text that reads back as exactly v. */
void fl_res_num(double v, char *buf, size_t n);

#endif
