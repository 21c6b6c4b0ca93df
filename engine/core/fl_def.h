/* fl_def: a scenario's static definition — metadata, sides, phases, tracks,
 * piece types, decision cards, events and endings. Built once by the script
 * layer while loading, then read-only and shared by every game of the scenario
 * (batch workers, clones, forks). Rule code is referenced by integer handles
 * (`fn` fields, 0 = none) that only the script layer can run. */
#ifndef FL_DEF_H
#define FL_DEF_H
#include <stdint.h>
#include "fl_map.h"
#include "fl_time.h"

/* A source the scenario cites by id: a source{} definition (author, title, year, publisher,
 * link, note, and optionally the short name text shows), or a free-text citation from
 * scenario{ sources = { id = "text" } } (only text). text is the full reference as one
 * line; every field is a string ("" if absent). */
typedef struct fl_Source { char *id, *text, *author, *title, *year, *publisher, *link, *note, *short_name; int line; } fl_Source;

/* What a mark of evidence strength in the sources' notes means, e.g. mark "H" (written
 * [H] in a note): "treaty text or several agreeing sources". The bibliography shows these
 * as its legend, so a student can read the marks. */
typedef struct fl_EvidenceDef { char *mark, *text; int line; } fl_EvidenceDef;

/* An assumption a teacher can change: a number rule code reads with flank.param.get.
 * value is the value in force when nothing else is asked for: the scenario's default, or
 * the class file's (docs/educators.md). A game's values live in its state (fl_State.params). */
typedef struct fl_ParamDef {
  char *id, *name, *text, *unit;
  char *source;              /* id of the source backing it, or "" */
  char *assumption;          /* "" unless the scenario labels it an assumption (a reason, or "assumption") */
  double dflt, min, max, step; /* step 0: any value in min..max */
  double value;              /* default in force (the class file may set it) */
  int locked;                /* the class file locks it: nobody may change it (--set, the window) */
  int line;
} fl_ParamDef;

/* A discussion question for the debrief: general (ending -1) or for one ending. */
typedef struct fl_QuestionDef { char *text; int ending; int line; } fl_QuestionDef;

typedef struct fl_SideDef {
  char *id, *name, *text;
  int playable;              /* may a human take this side? */
  int team;                  /* sides of one team see what each other sees and are not enemies */
  int line;
  int has_colour;            /* the scenario gave a colour; else the default palette */
  uint32_t colour;           /* 0xRRGGBB; read it through fl_def_side_colour */
} fl_SideDef;

/* Sets of sides, one bit per side index (a scenario has at most 64 sides). */
typedef uint64_t fl_Sides;
#define FL_ALL_SIDES (~(fl_Sides)0)
#define FL_SIDE_BIT(i) ((i) >= 0 && (i) < 64 ? (fl_Sides)1 << (i) : (fl_Sides)0)

typedef struct fl_PhaseDef { char *id, *name; int side; /* acting side or -1 */ int line; } fl_PhaseDef;

typedef struct fl_TrackDef {
  char *id, *name, *unit, *text, *source;
  char *unit_one;            /* the unit for exactly 1 ("person" beside "people"), or "" */
  double min, max, start;
  int visible, higher_is_better; /* higher_is_better: 1, 0 neutral, -1 lower is better */
  fl_Sides seen;             /* who may see it (FL_ALL_SIDES unless visible_to is given) */
  int line;
  char *short_name;          /* shown where the name does not fit (NULL or "": none) */
} fl_TrackDef;

/* Movement cost of one terrain for a piece type; cost < 0: impassable. */
typedef struct fl_TerrainCost { char *terrain; double cost; } fl_TerrainCost;

typedef struct fl_PieceType {
  char *id, *name, *symbol;
  double mp;                 /* movement points per turn; 0: moved by rule code only */
  fl_TerrainCost *costs; int ncost; /* entering an area of this terrain; others cost 1 */
  int stop_at_enemy;         /* entering an enemy-held or enemy-occupied area ends the move */
  int hidden;                /* new pieces are seen by their own team only */
  double *area_cost;         /* cost to enter each area, from fl_move_prepare (NULL: look up) */
  int line;
} fl_PieceType;

/* An area property a scenario declares: a readable name, a unit and who may see it. */
/* values: what a text value of the property means to a player ("stockpile" -> "Mines stockpiled
 * for a crisis"), sorted by key. */
typedef struct fl_PropDef {
  char *id, *name, *unit, *unit_one, *text; fl_Sides seen; int line;
  char **vkey, **vlabel; int nval;
} fl_PropDef;

typedef struct fl_Cost { int track; double amount; } fl_Cost;

/* What an option acts on. A move's targets are { piece id, destination area }. */
typedef enum { FL_TGT_NONE, FL_TGT_AREA, FL_TGT_PIECE, FL_TGT_MOVE } fl_TargetKind;
#define FL_MAX_TARGETS 32

typedef struct fl_OptionDef {
  char *id, *label, *text, *preview;
  fl_Cost *costs; int ncost;
  fl_Span delay;             /* n == 0: immediate */
  int fn_requires, fn_effect;
  int target, tmin, tmax;    /* fl_TargetKind and how many (area/piece kinds) */
  int fn_legal;              /* legal targets now (0: every area / the side's pieces) */
  int fn_cost, fn_preview;   /* cost and preview computed from the chosen targets */
  int again;                 /* after it, the same decision is offered again (orders phases) */
  int line;
} fl_OptionDef;

typedef struct fl_CardDef {
  char *id, *title, *text, *source;
  int side;                  /* who decides */
  int phase;                 /* phase index, or -1 for the side's phases */
  int fn_when;               /* offered when this returns true (0: every turn) */
  int once;                  /* offered until taken once */
  fl_OptionDef *options; int noptions;
  int line;
} fl_CardDef;

typedef enum { FL_TRIG_TURN_START, FL_TRIG_TURN_END, FL_TRIG_PHASE, FL_TRIG_DATE } fl_Trigger;

typedef struct fl_EventDef {
  char *id, *title, *text, *source;
  int trigger, phase;        /* phase index for FL_TRIG_PHASE */
  int32_t date;              /* for FL_TRIG_DATE */
  double chance;             /* 0..1, used when fn_chance == 0 */
  int fn_chance, fn_when, fn_effect, fn_text;
  int once;
  int silent;                /* no log line when it fires (mechanics, e.g. a daily upkeep) */
  int line;
} fl_EventDef;

typedef struct fl_EndingDef { char *id, *title, *text; int fn_when, fn_text, is_default, line; } fl_EndingDef;

typedef struct fl_CalEntry { int from_turn; fl_Span step; } fl_CalEntry;

/* A map overlay: areas shaded by a numeric area property (e.g. mines in the ground),
 * from 0 to max, so a decision's consequences show on the board. */
typedef struct fl_OverlayDef { char *id, *name, *prop, *unit, *text, *source; double max; int line; } fl_OverlayDef;

typedef struct fl_Def {
  char *id, *title, *version, *blurb, *language, *path;
  char **authors; int nauthor;
  fl_Source *sources; int nsource;
  fl_EvidenceDef *evidence; int nevidence; /* the legend of the notes' marks, in definition order */
  int32_t start_date; int max_turns;
  fl_CalEntry *calendar; int ncal;   /* step per turn range, sorted by from_turn */
  fl_Map *map;                       /* owned */
  fl_SideDef *sides; int nside;
  fl_PhaseDef *phases; int nphase;
  fl_TrackDef *tracks; int ntrack;
  fl_PieceType *ptypes; int nptype;
  fl_CardDef *cards; int ncard;
  fl_EventDef *events; int nevent;
  fl_EndingDef *endings; int nending;
  fl_OverlayDef *overlays; int noverlay;
  fl_PropDef *props; int nprop;
  fl_ParamDef *params; int nparam;
  fl_QuestionDef *questions; int nquestion;
  char *class_file;                  /* the class settings file read at load, or NULL */
  int stacking;                      /* pieces of one team an area may hold (0: no limit) */
  int turns_cap;                     /* max_turns is a safety cap; games end by their rules first */
  int fn_setup;
  uint64_t content_hash;             /* hash of every scenario source file */
} fl_Def;

/* A new, empty definition (map included); free with fl_def_free. */
fl_Def *fl_def_new(void);
/* Free a definition and all it owns. */
void fl_def_free(fl_Def *d);
/* Lookups by id: index or -1. */
int fl_def_side(const fl_Def *d, const char *id);
int fl_def_phase(const fl_Def *d, const char *id);
int fl_def_track(const fl_Def *d, const char *id);
int fl_def_ptype(const fl_Def *d, const char *id);
int fl_def_card(const fl_Def *d, const char *id);
int fl_def_event(const fl_Def *d, const char *id);
int fl_def_ending(const fl_Def *d, const char *id);
int fl_def_option(const fl_CardDef *c, const char *id);
int fl_def_prop(const fl_Def *d, const char *id);
/* The label property p (may be NULL) gives a text value, or the value itself. */
const char *fl_def_prop_value(const fl_PropDef *p, const char *value);
int fl_def_param(const fl_Def *d, const char *id);
int fl_def_source(const fl_Def *d, const char *id);
/* The parameter id closest to a mistyped one (for "did you mean"), or NULL. */
const char *fl_def_param_suggest(const fl_Def *d, const char *id);
/* Whether side may see something visible to `seen` (side -1: the referee sees all). */
int fl_def_sees(const fl_Def *d, int side, fl_Sides seen);
/* Whether side may see area property `key` (a property no property{} declares is public). */
int fl_def_sees_prop(const fl_Def *d, int side, const char *key);
/* Whether a track's range is too wide for a bar or a "range" to say anything: a count
 * capped at a billion, or a maximum fifty times its start (a budget with a generous ceiling). */
int fl_def_track_open_ended(const fl_TrackDef *t);
/* The sides of side's team, as a set. */
fl_Sides fl_def_team(const fl_Def *d, int side);
/* Whether two sides are enemies (different teams; -1 is nobody's). */
int fl_def_enemies(const fl_Def *d, int a, int b);
/* A side's colour on the board, 0xRRGGBB: the scenario's, or the default palette's. */
uint32_t fl_def_side_colour(const fl_Def *d, int side);
/* The calendar step in force for a turn. */
fl_Span fl_def_step(const fl_Def *d, int turn);

#endif
