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
enum { FL_CLASS_OK, FL_CLASS_CORRUPT, FL_CLASS_FOREIGN, FL_CLASS_TAMPERED, FL_CLASS_ERROR, FL_CLASS_NKIND };

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
} fl_ClassGame;

typedef struct fl_Class {
  const fl_Def *def;
  fl_ClassGame *g; int n;
  int names;                 /* show names (--names), else Student 1..N */
  int side;                  /* the side the ensemble's policies are compared for */
  fl_Ensemble *ens;          /* N games per policy for `side` (may be NULL: no policies) */
  const char *command;       /* how the report was made, for the page */
} fl_Class;

/* Number of files of each kind (FL_CLASS_*). */
void fl_class_counts(const fl_Class *c, int *counts);
/* A kind's name: "verified", "corrupt", "foreign", "tampered", "error". */
const char *fl_class_kind(int kind);
/* The verified games one row each: student, ending, turns, visible tracks, the share of the
 * model's games each headline track did better than, and the options chosen per decision. */
void fl_class_csv(FILE *f, const fl_Class *c);
/* The report page. */
void fl_class_html(FILE *f, const fl_Class *c);

#endif
