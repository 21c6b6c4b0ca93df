/* Internal to engine/script: the shared struct and helpers of the Lua binding. */
#ifndef FL_SCRIPT_INT_H
#define FL_SCRIPT_INT_H
#include <lua.h>
#include <lauxlib.h>
#include <stdatomic.h>
#include "fl_script.h"
#include "fl_state.h"
#include "fl_path.h"  /* fl_path_asset: where "assets/..." maps are */
#include "fl_sb_pool.h"

#define FL_MAX_SIDES 64

/* What setup gives an area before the scenario's own setup runs, copied out of the
 * area{} definitions at load so that nothing rule code does to those tables later can
 * reach the engine. Properties are sorted by key. */
typedef struct fl_AreaInit { int area, owner, nprop; char **key; int *type; double *num; char **str; } fl_AreaInit;
/* A policy the scenario defines: id, side, its choose function (registry ref) and the
 * name people read ("" when none: the id is shown). */
typedef struct fl_PolicyDef { char *id; int side, ref; char *name, *text; } fl_PolicyDef;

struct fl_Script {
  lua_State *L;
  fl_Def *def;
  fl_Game *game;
  char *dir, *root;         /* scenario folder and the folder of all scenarios */
  char *path;               /* where scenario ids are looked up ("a:b"), for require "other/x" */
  size_t mem_used, mem_limit;
  fl_Pool pool;             /* where the state's small blocks come from */
  long long budget, used;   /* instruction budget of the current call */
  long long load_budget, call_budget;
  int exceeded;             /* 1: instructions, 2: memory, 3: wall clock; sticky until the call returns */
  double deadline;          /* monotonic seconds when the running call must stop (0: none) */
  double deadline_secs;     /* the limit that deadline stands for, for the message */
  double game_seconds;               /* fl_ScriptOpts.game_seconds */
  double outer_deadline, outer_secs; /* set by a caller (flank test --timeout): no call runs past it (0: none) */
  int depth;                /* fl_sb_pcall nesting: an inner call keeps the outer call's limits */
  size_t mem_at_load;       /* what collectgarbage("count") says after loading (0: while loading) */
  int from_user;            /* the file loaded next was named on the command line: a pipe will do */
  double call_seconds, load_seconds; /* wall-clock limits of a call and of loading (0: 5 s, 30 s) */
  size_t str_cap;           /* longest string Lua may make (0: FL_SB_STR_CAP) */
  int str_hit;              /* the last memory error was a string over str_cap */
  size_t state_bytes;       /* bytes the game state holds, as last counted (fl_api.c) */
  int mem_raised;           /* a memory error reached rule code: keep it sticky */
  int loading;              /* definitions are allowed */
  int mutable;              /* the running call may change state (effects, setup) */
  int policy_fn[FL_MAX_SIDES];   /* registry refs of policy functions, 0 = built-in */
  char *policy_name[FL_MAX_SIDES];
  int fns;                  /* registry ref of the table of rule functions */
  fl_AreaInit *inits; int ninit;
  fl_PolicyDef *pols; int npol;
  int env;                  /* registry ref of the frozen scenario environment */
  uint64_t hash;            /* running hash of every source file */
  const char *track_key[16]; int track_idx[16]; /* id -> index cache, keyed by the Lua string's address */
  int var_hint[256];        /* guessed index of a var by its key string's address */
  int area_ids, area_ix;    /* registry refs: area ids as Lua strings, and id -> index (0-based) */
  char where[256];          /* the last Lua location the hook saw, for errors that have none */
  int viewer;               /* the side a running policy plays (-1: rule code, which sees all) */
  int no_class;             /* do not read the class settings file (fl_ScriptOpts.no_class) */
  double *param_base;       /* the parameters as loaded (with --set), for fl_script_reset_params */
  int map_read;             /* scenario{ map = } was read into def->map while loading */
  int fast;                 /* no count hook (fl_fast.c); the fields below are shared with its watchdog */
  atomic_int fast_in_call, fast_tripped;
  atomic_llong fast_t0, fast_limit; /* monotonic ns when the call began; CPU ns it may use */
  atomic_llong fast_cpu, fast_cpu0; /* the thread's CPU ns as the watchdog last read it; that at the call's start */
  atomic_llong fast_calls;  /* calls begun, so the watchdog can tell one long call from many short ones */
  void *fast_out;           /* FILE *: print() of a fast game, shown when it is not replayed */
  char *fast_buf; size_t fast_len;
};

/* Sandbox (fl_sandbox.c). */
int fl_sb_open(fl_Script *sc);                         /* new state + safe environment */
void fl_sb_close(fl_Script *sc);                       /* close the state and free its blocks */
void fl_sb_freeze(lua_State *L, int idx);              /* make a table read-only */
void fl_sb_freeze_deep(lua_State *L, int idx);         /* ... and every plain table it holds */
int fl_sb_pcall(fl_Script *sc, int nargs, int nres, long long budget); /* protected, budgeted */
void fl_sb_error_text(fl_Script *sc, char *buf, size_t n); /* message of the error on the stack */
/* C-side work: charge `units` (about one VM instruction each) to the running call's budget
 * and check its clock; raises when either is exhausted. */
void fl_sb_charge(lua_State *L, long long units);
void fl_sb_exact_hook(fl_Script *sc);                 /* the counting hook back on */
void fl_sb_exact_hook_on(lua_State *L);                /* ... on one thread (a coroutine) */
/* Fast mode (fl_fast.c): games without the count hook, replayed exactly when a call
 * runs long, charges half its budget or the game fails. fl_sb_fast turns it on or off
 * (returns whether it is on); fl_sb_fast_tripped says whether the game must be replayed. */
int fl_sb_fast(fl_Script *sc, int on);
int fl_sb_fast_tripped(fl_Script *sc);
void fl_sb_fast_enter(fl_Script *sc, long long budget, double now); /* now: fl_sb_now() at the call's start */
void fl_sb_fast_leave(fl_Script *sc);
void fl_sb_fast_trip(lua_State *L, fl_Script *sc);
/* Around each fast game: print() output is held, then shown (keep) or dropped (the game is
 * replayed, and the replay prints it). */
void fl_sb_fast_game(fl_Script *sc);
void fl_sb_fast_game_end(fl_Script *sc, int keep);
/* Replace the function at idx by an xpcall message handler that is not called once a
 * limit is exceeded (hooks are off while the error is raised, so it would run unbudgeted). */
void fl_sb_safe_handler(lua_State *L, int idx);
int fl_sb_tostring(lua_State *L);                      /* tostring without addresses */
int fl_sb_is_frozen(lua_State *L, int idx);            /* a table frozen by fl_sb_freeze */
/* For C that reads a table raw (lua_rawlen, lua_rawgeti, lua_next): a frozen table at idx is
 * replaced on the stack by its hidden contents (a file-level list returned from `legal`
 * would read as empty). The contents must never be handed back to rule code. */
void fl_sb_contents(lua_State *L, int idx);
/* Reading a missing field of the table at idx raises "<name>.<key> does not exist" (with a
 * did-you-mean); before and after fl_sb_freeze. For the flank API tables. */
void fl_sb_strict_names(lua_State *L, int idx, const char *name);
/* pairs and next in a fixed order (fl_sb_order.c): keys of table t as an array, sorted;
 * the iterator over such an array (upvalues: keys, position; argument 1: the table). */
int fl_sb_pairs(lua_State *L);
int fl_sb_next(lua_State *L);
void fl_sb_sorted_keys(lua_State *L, int t);
int fl_sb_pairs_next(lua_State *L);
/* Install the guarded and charged library functions (fl_sb_cost.c) into the
 * environment at env, whose string table is on the stack top. */
void fl_sb_open_costs(fl_Script *sc, int env);
double fl_sb_now(void);                                /* monotonic seconds */
#define FL_SB_STR_CAP ((size_t)64 << 10)               /* 64 KiB: bounds what one instruction costs */
#define FL_SB_STATE_CAP ((size_t)64 << 20)             /* bytes of game state a script may make */
int fl_sb_load_file(fl_Script *sc, const char *path, const char *chunkname); /* pushes chunk or error */

/* Definitions (fl_defs.c). */
void fl_defs_open(fl_Script *sc);                      /* install definition functions */
int fl_defs_build(fl_Script *sc, char *err, size_t n); /* turn the collected tables into def */
/* Read scenario{ map = m } into sc->def->map (once; scenario{} does it while loading). 0 ok, -1 err. */
int fl_defs_read_map(fl_Script *sc, const char *m, int build, char *err, size_t errn);
/* The allowed keys of a definition kind ("scenario", "side", ..., "option"), NULL-terminated; NULL if unknown. */
const char *const *fl_defs_keys(const char *kind);
/* The i-th definition kind's name ("scenario", "side", ...), NULL past the end. */
const char *fl_defs_kind(int i);
/* An option's target = tk that is not a kind: the message's tail, " (did you mean 'area'?)"
 * for a slip of the keyboard, "" otherwise (the kinds are listed anyway: 'zone' is not 'move'). */
const char *fl_defs_target_hint(const char *tk, char *buf, size_t n);

/* Definition keys (fl_defs_keys.c): each key's type, as the docs show it, and meaning. */
typedef struct fl_KeyHint { const char *kind, *key, *type; int required; const char *doc; } fl_KeyHint;
const fl_KeyHint *fl_defs_hint(const char *kind, const char *key);   /* NULL: not described */
/* Check the value at v given for kind.key against its type (and a ring's shape). 0 when it
 * fits; else -1 with "'key' must be ..., not <the value written>" in msg and, in sub, the
 * innermost key at fault (the key itself, or e.g. "budget" for cost.budget). */
int fl_defs_check_value(lua_State *L, int v, const char *kind, const char *key, char *msg, size_t n, char *sub, size_t subn);
/* A value as a message shows it: the string "26", the number 2, true, a table. */
void fl_defs_describe(lua_State *L, int v, char *buf, size_t n);
/* The first result type of a function key ("boolean", "string", "number"), or NULL. */
const char *fl_defs_fn_returns(const char *kind, const char *key);

/* Runtime API (fl_api.c), with the board's part (fl_api_board.c). */
void fl_api_open(fl_Script *sc);                       /* install the flank table */
void fl_api_index_areas(fl_Script *sc);                /* the area id tables, once the board is built (may raise) */
void fl_api_grow(lua_State *L, fl_Script *sc, size_t bytes); /* the state grows: raises past the state cap */
/* The map reads that work while the scenario loads (flank.area.list, .get, .neighbors), for
 * lint's lenient load; NULL for any other function. */
lua_CFunction fl_api_load_reader(const char *module, const char *name);
typedef struct fl_ApiFn { fl_ApiDoc doc; lua_CFunction fn; } fl_ApiFn;
extern const fl_ApiFn fl_api_pieces[]; /* flank.piece (fl_api_pieces.c) */
extern const int fl_api_pieces_n;
extern const fl_ApiFn fl_api_board[];
extern const int fl_api_board_n;
extern const fl_ApiFn fl_api_teach[];   /* flank.param (fl_api_teach.c) */
extern const int fl_api_teach_n;
extern const fl_ApiFn fl_api_rng[];     /* flank.rng (fl_api_rng.c) */
extern const int fl_api_rng_n;
int fl_api_rng_random(lua_State *L);   /* flank.rng.random, also math.random */
/* The script of a runtime API call (an error while the scenario loads: no game yet). */
fl_Script *fl_api_sc(lua_State *L);
/* Argument i as a finite number (an argument error otherwise). */
double fl_arg_finite(lua_State *L, int i);

/* Nothing carries over between games (fl_reset.c). After load everything rule code can
 * reach is frozen; what cannot be frozen (upvalue scalars, a C closure's state, unstarted
 * coroutines) is recorded, and put back at the start of every game. */
int fl_reset_freeze(fl_Script *sc, char *err, size_t errn);              /* after load */
int fl_reset_freeze_top(fl_Script *sc, const char *file, char *err, size_t errn); /* the value on top, loaded later */
void fl_reset_restore(lua_State *L);                                     /* at the start of a game (may raise) */
int fl_reset_pristine(lua_State *L);                                      /* 1: no recorded upvalue has changed */

/* Rule functions (fl_script.c). */
void fl_where_fn(lua_State *L, int idx, char *buf, size_t n);   /* "file:line" of a function */
int fl_push_targets(fl_Script *sc, const fl_Context *c);        /* an option's targets as arguments */

/* The script an API function runs in: its state's extra space (fl_sb_open; every coroutine
 * starts with a copy), which costs no stack lookup on the thousands of API calls of a game. */
#define FL_SC(L) (*(fl_Script **)lua_getextraspace(L))

/* Arguments and messages shared by the bindings. */
const char *fl_arg_id(lua_State *L, int i);
int fl_arg_area(lua_State *L, fl_Script *sc, int i);
void fl_push_area_id(lua_State *L, fl_Script *sc, int a); /* area a's id, without interning it again */
int fl_arg_track(lua_State *L, fl_Script *sc, int i);
int fl_arg_side(lua_State *L, fl_Script *sc, int i, int allow_nil);
void fl_check_mutable(lua_State *L, fl_Script *sc);
int fl_piece_index(lua_State *L, fl_Script *sc, int i);     /* a piece id argument (visible to a policy) */
fl_Sides fl_arg_sides(lua_State *L, fl_Script *sc, int i);  /* nil: all; a side or list: them and their teams */
/* Raise "unknown X 'id'" with a did-you-mean among n candidate ids. */
int fl_unknown(lua_State *L, const char *what, const char *id, const char *const *cands, int n);

/* Options tables of test files and sweep files (fl_tester.c): raise on a key not in keys
 * (NULL-terminated, with a did-you-mean), and read string field k or NULL. */
void fl_tester_check_keys(lua_State *L, int idx, const char *what, const char *const *keys);
const char *fl_tester_opt_str(lua_State *L, int idx, const char *what, const char *k);

/* Area and piece properties as Lua values (fl_api.c): push one (nil when absent), push
 * them all into the table at t, and set key from the value at index v (nil deletes; the
 * keys an insert moves are charged to the call). */
void fl_push_prop(lua_State *L, const fl_Prop *p);
void fl_push_props(lua_State *L, const fl_Props *ps, int t);
void fl_set_prop(lua_State *L, fl_Props *ps, const char *key, int v);

#endif
