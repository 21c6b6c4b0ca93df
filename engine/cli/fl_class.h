/* fl_class: a class's games for flank class — every student's log or save, verified
 * against the scenario, set against the model's ensemble — and the report written from
 * them: a self-contained HTML page (no scripts, no requests) and a CSV. */
#ifndef FL_CLASS_H
#define FL_CLASS_H
#include <stdint.h>
#include <stdio.h>
#include "fl_ensemble.h"
#include "fl_replay.h"

/* Why a file is not counted (FL_CLASS_OK: it is). */
enum { FL_CLASS_OK, FL_CLASS_CORRUPT, FL_CLASS_FOREIGN, FL_CLASS_TAMPERED, FL_CLASS_ERROR, FL_CLASS_COPY, FL_CLASS_NOTGAME,
       FL_CLASS_NKIND };

typedef struct fl_ClassGame {
  char *path, *name;         /* the file, and the student's name: the file name without extension */
  int status;                /* FL_CLASS_* */
  char reason[512];          /* why it is not counted */
  int is_save;
  char scenario[64];         /* the scenario it was made for ("" if unreadable) */
  uint64_t content, order;   /* the scenario's content hash; a hash of the file (anonymous order) */
  fl_Replay rec;             /* its record: the log, or the save's own */
  fl_State *state;           /* the verified game at its end (owned) */
  fl_Sides student;          /* the sides the student played */
  int number;                /* "Student N" in an anonymous report (1-based, verified games) */
  int computer;              /* a log with no side recorded as a person's: flank run, not a student's play */
  const char *copy_of;       /* FL_CLASS_COPY: the path of the game it repeats (borrowed from that game) */
  char other[256];           /* the assumptions it was played under that are not the class's ("" when none) */
} fl_ClassGame;

/* The model's games at one seed the class played: one per policy set, game s at
 * e->ending[first + s * stride] (e is the main ensemble when the seed is among its seeds). */
typedef struct fl_ClassSeed { uint64_t seed; const fl_Ensemble *e; size_t first, stride; fl_Ensemble *own; } fl_ClassSeed;

typedef struct fl_Class {
  const fl_Def *def;
  fl_ClassGame *g; int n;
  int names;                 /* show names (--names), else Student 1..N */
  int side;                  /* the side the ensemble's policies are compared for */
  fl_Ensemble *ens;          /* N games per policy for `side` (may be NULL: no policies) */
  char **set_label;          /* per ens set: the policy's name people read (owned), or NULL */
  fl_ClassSeed *seeds; int nseeds; /* the model at each seed the class's games used */
  const char *command;       /* how the report was made, for the page */
} fl_Class;

/* Number of files of each kind (FL_CLASS_*). */
void fl_class_counts(const fl_Class *c, int *counts);
/* A kind's name: "verified", "corrupt", "foreign", "tampered", "error", "copy", "not a game file". */
const char *fl_class_kind(int kind);
/* The verified games one row each: student, ending, turns, visible tracks, the share of the
 * model's games each headline track did better than, and the options chosen per decision. */
void fl_class_csv(FILE *f, const fl_Class *c);
/* The model's games at a seed, or NULL when they were not played. */
const fl_ClassSeed *fl_class_seed(const fl_Class *c, uint64_t seed);
/* Whether a verified game reached an ending (an unfinished one is left out of comparisons). */
int fl_class_finished(const fl_ClassGame *g);
/* The reason a file was not counted, fit for the page: without --names its path becomes
 * "file N" (file names may be students' names). */
void fl_class_reason(char *buf, size_t n, const fl_Class *c, const fl_ClassGame *g, int k);
/* The report page. */
void fl_class_html(FILE *f, const fl_Class *c);

#endif
