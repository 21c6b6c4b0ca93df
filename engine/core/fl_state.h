/* fl_state: the one store of all mutable game state. Everything a game can
 * change lives here and round-trips through fl_state_write/fl_state_read, which
 * is what makes save, load, undo, replay, clones and batches exact.
 * Fields are readable by every layer; change them only through fl_state_* and
 * fl_game_* so that invariants (clamped tracks, sorted properties) hold. */
#ifndef FL_STATE_H
#define FL_STATE_H
#include <stddef.h>
#include <stdint.h>
#include "fl_buf.h"
#include "fl_def.h"
#include "fl_rng.h"

typedef enum { FL_NIL, FL_NUM, FL_BOOL, FL_STR } fl_VType;

/* A property: key and a number, boolean or string value (owned). */
typedef struct fl_Prop { char *key; int type; double num; char *str; } fl_Prop;
/* A set of properties kept sorted by key, so iteration order is deterministic. */
typedef struct fl_Props { fl_Prop *p; int n, cap; size_t bytes; /* what fl_props_bytes reports, kept as props change */ } fl_Props;

typedef struct fl_AreaState { int owner; fl_Props props; } fl_AreaState;
typedef struct fl_Piece {
  int32_t id; int type, side, area;
  double mp_used; int mp_turn;   /* movement points spent in turn mp_turn */
  fl_Sides seen;                 /* who can see it (its own team always can) */
  fl_Props props;
} fl_Piece;
typedef struct fl_TrackState { double value; double *hist; int nhist, cap; } fl_TrackState;
/* A decision option whose effect waits (e.g. a treaty notice's six months). */
typedef struct fl_Pending {
  int32_t due_date; int due_turn, card, option, side, turn;
  int32_t *tg; int ntg;          /* the chosen targets (owned), for the delayed effect */
} fl_Pending;

typedef enum {
  FL_LOG_ACTION,   /* a: card, b: option, c: side */
  FL_LOG_EVENT,    /* a: event; text */
  FL_LOG_MESSAGE,  /* text written by rule code */
  FL_LOG_DELAYED,  /* a delayed option took effect; a: card, b: option */
  FL_LOG_SKIPPED,  /* a card had no available option; a: card */
  FL_LOG_ENDING    /* a: ending */
} fl_LogKind;
typedef struct fl_LogEntry {
  int kind, turn, a, b, c; int32_t date; char *text;
  fl_Sides seen;                 /* who may read it */
  int32_t *tg; int ntg;          /* FL_LOG_ACTION: the chosen targets (owned) */
} fl_LogEntry;

/* Marks rule code puts on the board, saved with the state: an arrow from area a to b
 * (an axis of advance), or a highlighted area a. style: 0 normal, 1 warning, 2 good. */
typedef enum { FL_ANNOT_ARROW, FL_ANNOT_HIGHLIGHT } fl_AnnotKind;
typedef struct fl_Annot { int kind, a, b, side, style; fl_Sides seen; char *label; } fl_Annot;

typedef struct fl_State {
  int turn, phase, stage, ended, ending;
  int32_t date;
  fl_Span step;
  fl_Rng rng;          /* the world's dice */
  fl_Rng prng;         /* policies' dice, so a human choice never shifts the world's */
  uint64_t seed;       /* the game's seed (saved, so a save can be verified by replaying it) */
  double *params; int nparam;  /* the scenario's parameters (fl_ParamDef) as this game has them */
  uint32_t draws;      /* world draws this game */
  uint64_t draw_hash;  /* running hash of every world draw's outcome */
  fl_AreaState *areas; int narea;
  fl_Piece *pieces; int npiece, cappiece; int32_t next_piece;
  fl_TrackState *tracks; int ntrack;
  fl_Props vars;
  int *card_taken, *card_last; int ncard;
  int *event_fired; int nevent;
  fl_Pending *pending; int npending, cappending;
  int *queue; int nqueue, qhead;   /* cards still to decide in this phase */
  fl_LogEntry *log; int nlog, caplog;
  fl_Annot *annots; int nannot, capannot;
  int front;                       /* draw the front line between enemy-owned areas */
  uint64_t *turn_hash; int nturnhash, capturnhash;
  int ending_requested;            /* set by rule code: ending index + 1 */
} fl_State;

/* A fresh state shaped for def; NULL on out of memory. Free with fl_state_free. */
fl_State *fl_state_new(const fl_Def *def);
/* Free a state (NULL is fine). */
void fl_state_free(fl_State *s);
/* Put the state back to turn 0 of a new game with this seed, reusing memory. */
void fl_state_reset(fl_State *s, const fl_Def *def, uint64_t seed);
/* A deep copy (for forks, undo and search); NULL on out of memory. */
fl_State *fl_state_clone(const fl_State *s);
/* Copy src into dst, which must have been made for the same definition. 0 ok. */
int fl_state_copy(fl_State *dst, const fl_State *src);

/* Properties. get returns NULL when the key is absent. set_* return 0, or -1 on OOM. */
const fl_Prop *fl_props_get(const fl_Props *ps, const char *key);
/* Where key is: its index, or -(the index it would be inserted at) - 1. */
int fl_props_find(const fl_Props *ps, const char *key);
/* Like fl_props_get, trying index *hint first (one comparison when it is right, as it
 * usually is when the same key is looked up in sets of the same shape); updates *hint. */
const fl_Prop *fl_props_get_hint(const fl_Props *ps, const char *key, int *hint);
int fl_props_set_num(fl_Props *ps, const char *key, double v);
int fl_props_set_bool(fl_Props *ps, const char *key, int v);
int fl_props_set_str(fl_Props *ps, const char *key, const char *v);
void fl_props_del(fl_Props *ps, const char *key);
/* How many entries setting key would move (0 if it is there): the work of an insert. */
int fl_props_moves(const fl_Props *ps, const char *key);
/* Bytes the set holds (entries, keys and strings). */
size_t fl_props_bytes(const fl_Props *ps);
/* Bytes the state holds in what rule code can grow: vars, area and piece properties,
 * pieces, log entries and annotations (docs/sandbox.md: the state cap). */
size_t fl_state_bytes(const fl_State *s);

/* Set parameter i's value (the caller checks it against the definition's range). */
void fl_state_set_param(fl_State *s, int i, double v);
/* Set a track's value, clamped to its range. */
void fl_state_set_track(fl_State *s, const fl_Def *def, int track, double v);
/* Add a piece; returns its id (> 0) or -1 on OOM. */
int32_t fl_state_add_piece(fl_State *s, int type, int side, int area);
/* Index of the piece with this id, or -1 (removed or never existed). */
int fl_state_find_piece(const fl_State *s, int32_t id);
/* Remove a piece by id; 0 ok, -1 if no such piece. */
int fl_state_remove_piece(fl_State *s, int32_t id);

/* Append to the log, seen by everyone; text is copied (may be NULL). -1 on OOM. */
int fl_state_log(fl_State *s, int kind, int a, int b, int c, const char *text);
/* The same, seen only by `seen`, with targets copied (tg may be NULL). */
int fl_state_log_ex(fl_State *s, int kind, int a, int b, int c, const char *text, fl_Sides seen,
                    const int32_t *tg, int ntg);
/* Add an annotation (label copied, may be NULL); returns its index or -1 on OOM. */
int fl_state_annot(fl_State *s, fl_Annot a);
/* Remove every annotation of a kind (-1: all kinds). */
void fl_state_clear_annots(fl_State *s, int kind);
/* One world draw: uniform in [0,1), counted and folded into the draw hash. */
double fl_state_draw(fl_State *s);
/* Which time in its turn the decision of action log entry li was taken (0: the first): an
 * orders card comes again in its turn, and what-ifs fork at one of its times. */
int fl_state_action_nth(const fl_State *s, int li);

/* Serialise the state in a stable byte form. with_log = 1: everything (saves);
 * 0: the game itself without the log and the policies' dice (hashes), so a replay
 * of recorded actions, which asks no policy, hashes the same as the game it replays. */
void fl_state_write(const fl_State *s, fl_Buf *b, int with_log);
/* Read a state written by fl_state_write(with_log = 1) for the same definition. 0 ok, -1 corrupt. */
int fl_state_read(fl_State *s, const fl_Def *def, fl_Reader *r);
/* Hash of the state without its log: equal hashes mean equal games. */
uint64_t fl_state_hash(const fl_State *s);
/* The days a game spent in turns shorter than a month (a crisis or a war played a day at a
 * time), from its turns' dates: a what-if with more of them ends that many days later. */
int32_t fl_state_short_turn_days(const fl_State *s);
/* The same hash, serialising into a caller-owned scratch buffer (no allocation once warm). */
uint64_t fl_state_hash_buf(const fl_State *s, fl_Buf *scratch);

#endif
