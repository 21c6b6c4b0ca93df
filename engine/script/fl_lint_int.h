/* Internal to fl_lint: the token stream of a source file, the lint context and the helpers
 * shared by fl_lint.c (the load and reference checks), fl_lint_tok.c (the tokenizer) and
 * fl_lint_types.c (types, returns, duplicates and what a designer must not leave implicit). */
#ifndef FL_LINT_INT_H
#define FL_LINT_INT_H
#include "fl_lint.h"
#include "fl_index.h"
#include "fl_script_int.h"
#include <limits.h>

struct fl_Lint {
  fl_LintMsg *m;
  int n, cap, errors, found;
};

/* ---- tokens ---- */

enum { T_EOF, T_NAME, T_STR, T_NUM, T_OP };
enum { LF_SRC = 1, LF_IGNORE = 2 };

typedef struct Tok { int type, line, pos, len; double num; } Tok;

/* The calls `kind { ... }` of one definition kind in a file, in token order, so that
 * finding the one spanning a line is a binary search, not a scan per definition. */
typedef struct DefCalls {
  const char *kind;
  int n, *open, *line;  /* the "{" token and the line of the kind's name */
  int *maxclose;        /* the largest closing line among calls 0..i */
} DefCalls;

typedef struct Src {
  char *path;          /* as displayed */
  char *text;
  size_t len;
  Tok *t;
  int nt;
  int *match;          /* per token: its closing bracket if it opens one, else -1 */
  DefCalls *dc;        /* built on demand, one per kind asked for */
  int ndc;
  unsigned char *lf;   /* per-line flags */
  int nlines;
  int need_src;        /* --lint: numbers-need-source */
  int cut;             /* the file does not compile: its tokens past this line are not trusted (0: it does) */
  int is_text;         /* a text_<lang>.lua table */
} Src;

/* ---- id sets ---- */

enum { S_SIDE, S_PHASE, S_TRACK, S_AREA, S_PTYPE, S_DECISION, S_EVENT, S_ENDING, S_SOURCE, S_PARAM, NSET };

typedef struct Set { char **v; int n, cap; fl_Index ix; } Set; /* v in insertion order; ix finds them */

typedef struct Decision { char *id, *side; Set opts; } Decision;

/* A property key passed by literal to flank.area.* / flank.piece.* (fl_lint_api.c). */
enum { P_AREA, P_PIECE };
typedef struct PropUse { Src *src; int tok, kind, write; const char *fn; } PropUse;

typedef struct ApiArg { const char *module, *fn; int arg; char field[32]; int set; } ApiArg;

typedef struct Ctx {
  fl_Lint *out;
  fl_Script *sc;       /* lenient-load state */
  lua_State *L;
  char dir[PATH_MAX], root[PATH_MAX];
  Src *src;
  int nsrc;
  Set sets[NSET];
  Decision *dec;
  int ndec;
  ApiArg *args;
  int nargs;
  int loaded;          /* the lenient load succeeded */
  int partial;         /* it failed: only what needs no complete scenario is checked (fl_lint_partial.c) */
  Set said;            /* "file:line:text" of every message, to report each once */
  const char *lang;    /* --lang: flank.lang of the load, and the translation checked */
  PropUse *props;      /* property keys passed to flank.area/piece calls */
  int nprop, propcap;
} Ctx;

/* Where a recorded definition table came from: file, line, and its "{" token (or -1). */
typedef struct Where { Src *src; int line, open; } Where;

#define tis fl_lt_tis
#define ttype fl_lt_ttype
#define ttext fl_lt_ttext
#define tokenize fl_lt_tokenize
#define pair_brackets fl_lt_pair_brackets
#define match_close fl_lt_match_close
#define find_field fl_lt_find_field
#define nth_table fl_lt_nth_table
#define def_open fl_lt_def_open
#define set_add fl_lt_set_add
#define set_has fl_lt_set_has
#define set_free fl_lt_set_free
#define msg fl_lt_msg
#define suggest fl_lt_suggest
#define defs fl_lt_defs
#define where_of fl_lt_where_of
#define field_line fl_lt_field_line
#define wfile fl_lt_wfile
#define strfield fl_lt_strfield

/* Is token i the name or operator w? */
int tis(const Src *s, int i, const char *w);
/* Token i's type (T_EOF past the end). */
int ttype(const Src *s, int i);
/* A token's text (string contents for T_STR). */
const char *ttext(const Src *s, int i, char *buf, size_t n);
/* Split s->text into tokens, noting per-line comment flags. */
void tokenize(Src *s);
/* Pair every bracket with its closing one. */
void pair_brackets(Src *s);
/* The token closing the bracket opened at i. */
int match_close(const Src *s, int i);
/* Blocks: function, if, do (of while/for too) and repeat open one; end and until close it. */
#define block_end fl_lt_block_end
int fl_lt_opens_block(const Src *s, int k);
int fl_lt_closes_block(const Src *s, int k);
/* The token closing the block opened at k. */
int block_end(const Src *s, int k);
/* In the constructor opened at open, the token of field key (depth 1), or -1. */
int find_field(const Src *s, int open, const char *key);
/* The "{" of the n-th (1-based) table element of the constructor at open, or -1. */
int nth_table(const Src *s, int open, int n);
/* The "{" of the definition call `kind { ... }` spanning line, or -1. */
int def_open(Src *s, const char *kind, int line);
/* Every definition call `kind { ... }` in s, in token order: how many, and their "{" tokens. */
int fl_lt_def_calls(Src *s, const char *kind, const int **open);
/* Add v unless present; 1 if it was added. */
int set_add(Set *s, const char *v);
int set_has(const Set *s, const char *v);
void set_free(Set *s);
/* Report a finding once (unless its line says --lint: ignore). */
void msg(Ctx *c, const char *file, int line, int level, const char *check, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* " (did you mean 'x'?)" or "". */
const char *suggest(const Set *s, const char *id, char *buf, size_t n);
/* Push the recorded definitions of a kind; returns how many. */
int defs(lua_State *L, const char *kind);
/* Where the definition table on top of the stack came from. */
Where where_of(Ctx *c, lua_State *L, const char *kind);
/* The line of field key in the definition (or of the definition). */
int field_line(const Where *w, const char *key);
const char *wfile(Ctx *c, const Where *w);
/* t[k] copied into buf if it is a string, else NULL. */
const char *strfield(lua_State *L, int t, const char *k, char *buf, size_t n);

/* fl_lint.c: a reference to an id of a set, reported with a did-you-mean; a load error as a message. */
#define ref_id fl_lt_ref_id
#define load_error fl_lt_load_error
void ref_id(Ctx *c, const char *file, int line, int set, const char *id, const char *what);
void load_error(Ctx *c, const char *e);
/* The source file read for a Lua chunk name (a path, or a short_src "...tail"), or NULL. */
Src *fl_lt_src_for(Ctx *c, const char *chunk);
/* fl_lint_code.c */
#define parse_params fl_lt_parse_params
#define check_calls fl_lt_check_calls
#define check_globals fl_lt_check_globals
#define check_numbers fl_lt_check_numbers
void parse_params(Ctx *c, const fl_ApiDoc *d);     /* which argument of a flank.* function names an id */
void check_calls(Ctx *c, Src *s);                  /* string literals passed to flank.* */
void check_globals(Ctx *c, Src *s);                /* globals written after load */
void check_numbers(Ctx *c, Src *s);                /* numbers without a source (opt-in) */
/* fl_lint_policy.c: a policy's literal option ids, targets and decision ids, wherever its
 * choose is written (inline, a local function, a required module's field) */
#define check_policy_returns fl_lt_check_policy_returns
void check_policy_returns(Ctx *c);
/* fl_lint_api.c */
#define api_name fl_lt_api_name
#define prop_use fl_lt_prop_use
#define check_props fl_lt_check_props
/* flank.m (f NULL) or flank.m.f exists in the registration; if not, an error at line: 0. */
int api_name(Ctx *c, const Src *s, int line, const char *m, const char *f);
/* The string literal at token k, argument arg of flank.module.fn: note it if it is a property key. */
void prop_use(Ctx *c, Src *s, int k, const char *module, const char *fn, int arg);
/* Property keys no area, property{}, props table or literal set/add declares. */
void check_props(Ctx *c);
/* fl_lint_partial.c: when the scenario does not load. Mark where each file stops compiling
 * (Src.cut); report unknown keys of the definition calls the load never made. */
void fl_lt_mark_cuts(Ctx *c);
void fl_lt_check_unreached(Ctx *c);
/* fl_lint_param.c: parameter{}s no rule code reads (flank.param.get with their literal id) */
#define check_param_reads fl_lt_check_param_reads
void check_param_reads(Ctx *c);
/* fl_lint_texts.c: text_<lang>.lua tables */
#define check_texts fl_lt_check_texts
void check_texts(Ctx *c);
/* fl_lint_board.c: the built board */
#define check_board fl_lt_check_board
#define check_colours fl_lt_check_colours
void check_board(Ctx *c, const fl_Def *d);
void check_colours(Ctx *c, const fl_Def *d);
/* fl_lint_types.c */
/* Every key of the definition table t against its documented type, and literal results
 * of its functions, each at its own line. */
#define check_types fl_lt_check_types
#define check_across fl_lt_check_across
#define area_props_declared fl_lt_area_props_declared
void check_types(Ctx *c, int t, const char *what, const char *kind, const Where *w);
/* Across definitions: ids given twice, the default ending, overlays on absent properties. */
void check_across(Ctx *c);
/* Add the area properties the definitions declare (area{ props } keys, property{} ids) to s. */
void area_props_declared(lua_State *L, Set *s);

#endif
