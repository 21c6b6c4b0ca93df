/* fl_results: the table of a batch's games (one row per game: seed, policy set,
 * ending, final tracks, turns), where they came from (provenance), its CSV and JSONL
 * files, and its statistics. flank batch fills it from games, flank merge from files;
 * both write and summarise it with the same code, so a merged run is byte-identical to
 * one run, and every file says which batch it belongs to. */
#ifndef FL_RESULTS_H
#define FL_RESULTS_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "fl_interval.h"
#include "fl_stats.h"

/* Where a batch's games came from: written at the top of every output, checked by merge. */
typedef struct fl_Prov {
  char *flank;                 /* the Flank version that played the games */
  char *scenario, *version;    /* the scenario's id and version */
  char *title;                 /* its title, for reports */
  uint64_t hash;               /* the content hash of every scenario source file */
  char *command;               /* the flank batch command that plays the same games */
  uint64_t seed_base, runs;    /* every policy set plays seeds seed_base .. seed_base+runs-1 */
  uint64_t shard_k, shard_n;   /* this file holds slice K of N (1/1: all of them) */
} fl_Prov;

/* What the scenario says about a track column (from its definition, kept in the files). */
typedef struct fl_TrackInfo {
  char *name, *unit;           /* shown to readers; unit may be "" */
  int hidden;                  /* 1: the scenario keeps it from players (left out of summaries) */
  int better;                  /* +1 higher is better, -1 lower, 0 neutral */
  double min, max;             /* the range the scenario clamps it to */
} fl_TrackInfo;

/* Statistics of one column of one policy set, with the interval suited to the data. */
typedef struct fl_ColStats { fl_Stats st; fl_Interval ci; } fl_ColStats;

typedef struct fl_Results {
  int ntrack; char **track;        /* track ids: the columns between ending and turns */
  fl_TrackInfo *info;              /* per track */
  int nset; char **set;            /* policy set names, in run order */
  char **set_spec;                 /* per set: who plays ("policy=mines", "council=mines adversary=first") */
  char **set_label; int nlabel;    /* per set (the first nlabel): the policy's name people read, or NULL */
  int nending; char **ending;      /* ending ids, in the scenario's order (index -1 in a row: unfinished) */
  char **ending_title;             /* per ending */
  size_t n, cap;                   /* rows */
  uint64_t *seed;
  int *set_of, *ending_of, *turns;
  double *val;                     /* n * ntrack, row-major */
  fl_Prov prov; int has_prov;
  int nparam; char **param;        /* the assumptions in force, 4 strings each: id, value ("" when swept),
                                    * where it came from (default, class.txt, set, sweep), name */
  fl_ColStats *cache;              /* nset * (ntrack + 1) once fl_res_analyse ran; turns last */
} fl_Results;

/* A table with these track columns (copied). NULL on out of memory. */
fl_Results *fl_res_new(int ntrack, const char *const *tracks);
/* Free a table (NULL is fine). */
void fl_res_free(fl_Results *r);
/* Describe a track column (strings copied). 0 ok, -1 out of memory. */
int fl_res_describe(fl_Results *r, int col, const fl_TrackInfo *info);
/* Index of a policy set / ending by name, added if new; -1 on out of memory. "" is unfinished (-1).
 * spec / title describe a new entry (NULL: keep / none). */
int fl_res_set(fl_Results *r, const char *name, const char *spec);
int fl_res_ending(fl_Results *r, const char *id, const char *title);
/* Give set s the name people read ("Stay in the treaty" for stay_in_treaty; copied): summaries
 * and reports show "Name (id)"; the CSV and JSONL keep the id. 0 ok, -1 out of memory. */
int fl_res_set_label(fl_Results *r, int s, const char *label);
/* Set s as people read it: "Name (id)" when it has a name, else the id (into buf). */
const char *fl_res_set_title(const fl_Results *r, int s, char *buf, size_t n);
/* Record a parameter's value in force and where it came from (copied). 0 ok, -1 out of memory. */
int fl_res_param(fl_Results *r, const char *id, const char *value, const char *from, const char *name);
/* The parameters as one line for people ("name = value (from); ..."), into buf. */
const char *fl_res_params_text(const fl_Results *r, char *buf, size_t n);
/* Copy a provenance into r (strings duplicated). 0 ok. */
int fl_res_set_prov(fl_Results *r, const fl_Prov *p);
/* Make room for rows [0, n) (zeroed); 0 ok. */
int fl_res_resize(fl_Results *r, size_t n);
/* Append the rows of src to dst (same tracks; sets and endings matched by name). 0 ok. */
int fl_res_append(fl_Results *dst, const fl_Results *src);
/* Sort rows by policy set (run order), then seed. -1 if a (set, seed) game appears twice. */
int fl_res_sort(fl_Results *r, char *err, size_t errn);
/* Shard K of N of runs seeds: the offset of its first seed and how many it has. */
void fl_res_shard_range(uint64_t runs, uint64_t k, uint64_t n, uint64_t *lo, uint64_t *per);

/* Write the provenance and the rows as CSV ("# " comment lines, then the header
 * seed,set,ending,<tracks>,turns) or JSON lines (a {"flank_batch":...} line first). */
void fl_res_write_csv(FILE *f, const fl_Results *r);
void fl_res_write_jsonl(FILE *f, const fl_Results *r);
/* Read a CSV or JSONL file written by flank batch ("-": standard input) into a new table.
 * 0 ok, -1 with "file:line: what" in err. */
int fl_res_read(const char *path, fl_Results **r, char *err, size_t errn);

/* Compute every set's statistics and intervals once (summary, charts and report read them). */
void fl_res_analyse(fl_Results *r);
/* Statistics of column col (a track index, or -1 for turns) over the games of set. */
const fl_ColStats *fl_res_col(const fl_Results *r, int set, int col);
/* How many games a set played / ended with ending e (-1: unfinished). */
size_t fl_res_games(const fl_Results *r, int set);
size_t fl_res_count(const fl_Results *r, int set, int e);
/* The readable per-set summary table (endings with 95% intervals, then per visible track
 * mean, 95% interval and its method, median, p05, p95, sd, unit). */
void fl_res_summary(FILE *f, const fl_Results *r);
/* One line naming the batch: scenario, version, hash, Flank version, seeds, shard. */
void fl_res_about(FILE *f, const fl_Results *r);
/* The shortest text that reads back as exactly v. */
void fl_res_num(double v, char *buf, size_t n);

#endif
