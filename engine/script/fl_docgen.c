/* fl_docgen: docs/api.md and docs/flank.d.lua from the API registration and the
 * definition keys. Which keys exist comes from fl_defs_keys (the list the loader
 * enforces), their types and sentences from fl_defs_hint (the types the loader and lint
 * check). A key without a
 * hint still appears (as `any`, "undocumented") and `flank doc --check` fails, so
 * the docs cannot silently fall behind the loader. */
#define _POSIX_C_SOURCE 200809L
#include "fl_docgen.h"
#include "fl_script_int.h"
#include "fl_colour.h"
#include "fl_symbol.h"
#include "fl_tester.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const KIND_DOC[][2] = {
  {"scenario", "Metadata and calendar; exactly once per scenario."},
  {"side", "Who decides. At least one."},
  {"phase", "The order of play within a turn."},
  {"track", "An indicator shown to players, with a range."},
  {"area", "A board area: overrides a map area or adds one with its own outline."},
  {"place", "A town or point of interest."},
  {"piece_type", "A kind of counter on the board."},
  {"decision", "A card a side decides on; options carry costs, requirements and effects."},
  {"event", "Something that happens by chance, on a date, or at a point of the turn."},
  {"ending", "How the game can end. At least one."},
  {"policy", "An AI for a side: choose(view, decision) returns an option id."},
  {"overlay", "A map view that shades areas by a property (the window cycles them with V)."},
  {"property", "An area property declared with a readable name, a unit and who may see it. Once a scenario declares any property{}, players see only the declared ones (in the window, `play --text` and `run --board`); the others are the rules' bookkeeping, still read and written by rule code. A scenario with no property{} shows every property under its key."},
  {"parameter", "An assumption a teacher can change (--set ID=VALUE, the class settings file, the briefing's Assumptions panel); rule code reads it with flank.param.get."},
  {"source", "A work the scenario cites: text cites it as [@id]; `flank sources` prints the bibliography."},
  {"evidence", "What a mark of evidence strength in the sources' notes means ([H], [M], [L]: the marks are the scenario's). `flank sources`, the briefing and debrief bibliography and the citation card show them as a legend; `flank lint` checks that every mark a note uses is defined and every defined one is used."},
  {"question", "A discussion question shown with the debrief (general, or for one ending)."},
};

#define hint fl_defs_hint

static const char *kind_doc(const char *kind) {
  for (size_t i = 0; i < sizeof KIND_DOC / sizeof KIND_DOC[0]; i++)
    if (!strcmp(KIND_DOC[i][0], kind)) return KIND_DOC[i][1];
  return "";
}

int fl_docgen_undocumented(const char **out, int max) {
  static char names[64][80];
  int n = 0;
  for (int k = 0; fl_defs_kind(k); k++) {
    const char *kind = fl_defs_kind(k);
    for (int pass = 0; pass < 2; pass++) {
      const char *kk = pass ? "option" : kind;
      if (pass && strcmp(kind, "decision")) continue;
      const char *const *keys = fl_defs_keys(kk);
      for (int i = 0; keys && keys[i]; i++)
        if (!hint(kk, keys[i])) {
          if (n < max && n < 64) {
            snprintf(names[n], sizeof names[n], "%s.%s", kk, keys[i]);
            out[n] = names[n];
          }
          n++;
        }
    }
  }
  return n;
}

/* Split "a, b" at top-level commas (outside {} and <>) into parts; returns count. */
static int split_top(const char *s, char parts[][160], int max) {
  int n = 0, depth = 0, len = 0;
  if (!*s) return 0;
  for (const char *p = s;; p++) {
    if (*p == '{' || *p == '<' || *p == '(') depth++;
    if (*p == '}' || *p == '>' || *p == ')') depth--;
    if (!*p || (*p == ',' && depth == 0)) {
      if (n < max) {
        while (len && parts[n][len - 1] == ' ') len--;
        parts[n][len] = '\0';
        n++;
      }
      len = 0;
      if (!*p) break;
      while (p[1] == ' ') p++;
      continue;
    }
    if (n < max && len < 159) parts[n][len++] = *p;
  }
  return n;
}

/* "key?: type" -> name "key", optional flag, type. */
static void param(const char *p, char *name, size_t nn, int *opt, const char **type) {
  const char *c = strchr(p, ':');
  size_t l = c ? (size_t)(c - p) : strlen(p);
  *opt = l && p[l - 1] == '?';
  if (*opt) l--;
  snprintf(name, nn, "%.*s", (int)l, p);
  *type = c ? c + 1 : "any";
  while (**type == ' ') (*type)++;
}

/* The palette and the counter symbols come from the core's own lists, so they cannot drift. */
static void palette_md(FILE *f) {
  fputs("\nPalette names for `colour` (the first eight, in this order, are the default colours of the\n"
        "first eight sides: Okabe-Ito's colour-blind-safe set, with ivory in place of its black because\n"
        "the board is dark):\n\n| name | colour |\n|---|---|\n", f);
  for (int i = 0; fl_colour_name(i); i++)
    fprintf(f, "| `%s` | `#%06X`%s |\n", fl_colour_name(i), (unsigned)fl_colour_named(i), i < fl_colour_default_count() ? " (default)" : "");
  fputs("\nLint warns (`colours`) when two sides' areas differ by less than 8 (CIEDE2000) under normal\n"
        "vision, deuteranopia or protanopia, and (`counter-contrast`) when a side's counters differ by\n"
        "less than 6 from its own areas.\n", f);
}

static void symbols_md(FILE *f) {
  fputs("\nCounter symbols for `symbol`:\n\n| symbol | also | looks like |\n|---|---|---|\n", f);
  for (int i = 0; fl_symbol_name(i); i++) {
    fprintf(f, "| `%s` | ", fl_symbol_name(i));
    for (int k = 0; fl_symbol_alias(i, k); k++) fprintf(f, "%s`%s`", k ? ", " : "", fl_symbol_alias(i, k));
    fprintf(f, " | %s |\n", fl_symbol_doc(i));
  }
}

/* The modules of the registration in order of first appearance, each once (flank.piece's
 * visibility functions are registered with the board's, apart from the rest). */
static int modules(const fl_ApiDoc *d, int n, const char **out, int cap) {
  int k = 0;
  for (int i = 0; i < n; i++) {
    int seen = 0;
    for (int j = 0; j < k && !seen; j++) seen = !strcmp(out[j], d[i].module);
    if (!seen && k < cap) out[k++] = d[i].module;
  }
  return k;
}

/* What choose(view, d) receives and returns (fl_policy.c builds both tables). */
static const char POLICY_MD[] =
  "\n# Policies: the view and the decision\n\n"
  "A `policy{}`'s `choose(view, d)` is called each time its side has a decision to make. Both\n"
  "arguments are read-only (writing to them is an error) and are reused and updated in place from\n"
  "one decision to the next: copy what you want to keep. While `choose` runs, `flank.*` shows only\n"
  "what this side may see (tracks, properties and pieces hidden from it read as nil or are left out),\n"
  "and may only read.\n\n"
  "`view`:\n\n| field | type | |\n|---|---|---|\n"
  "| `turn` | `integer` | The current turn, from 1. |\n"
  "| `date` | `string` | The current date, \"YYYY-MM-DD\". |\n"
  "| `side` | `string` | The side deciding. |\n"
  "| `tracks` | `table<string, number>` | Each track's value by id; a track this side may not see (`visible_to`) is absent. |\n\n"
  "`d`, the decision:\n\n| field | type | |\n|---|---|---|\n"
  "| `id` | `string` | The decision's id. |\n"
  "| `title` | `string` | Its title. |\n"
  "| `side` | `string` | The side deciding. |\n"
  "| `options` | `table[]` | Its options, in the order the decision lists them (below). |\n\n"
  "Each entry of `d.options`:\n\n| field | type | |\n|---|---|---|\n"
  "| `id` | `string` | The option's id: what `choose` returns. |\n"
  "| `label` | `string` | Its label. |\n"
  "| `available` | `boolean` | Whether it can be chosen now: its cost can be paid (a cost function is asked with no target: the least it can cost), its `requires` holds and it has a legal target (when it takes one). |\n"
  "| `reason` | `string?` | Why not, when it is not available: the cost that cannot be paid, the second value `requires` returned (else \"requirements not met\"), or \"no legal target\" (\"nothing can move\"). |\n"
  "| `preview` | `string?` | Its preview text (a preview function is asked with no target, when the field is read). |\n"
  "| `cost` | `table<string, number>` | Its fixed costs by track id (`cost = { budget = 10 }`); empty when the cost is a function. |\n"
  "| `target` | `string?` | What it targets: \"area\", \"areas\", \"piece\", \"pieces\" or \"move\"; nil when it takes no target. |\n"
  "| `min`, `max` | `integer?` | How many targets it takes (with `target`). |\n"
  "| `targets` | `(string/integer)[]?` | The legal targets now: area ids, or piece ids; for a move, the pieces that can move. Nil when the option takes no target or is not available. Worked out when read. |\n\n"
  "`choose` returns the id of an available option, then its target: an area id (`target = \"area\"`),\n"
  "a piece id (`\"piece\"`), a list of them (`\"areas\"`, `\"pieces\"`), or for a move the piece id and\n"
  "the destination area id. Anything else (an option that is not available, a number instead of an\n"
  "id, a target that is not legal) stops the game with an error naming the policy and the options\n"
  "that were available (`flank run` exits 3).\n\n"
  "```lua\n"
  "policy { id = \"default\", side = \"council\", choose = function(view, d)\n"
  "  for _, o in ipairs(d.options) do\n"
  "    if o.id == \"survey\" and o.available and o.targets[1] then return \"survey\", o.targets[1] end\n"
  "  end\n"
  "  if view.tracks.budget < 20 then return \"fundraise\" end\n"
  "  return \"wait\"\n"
  "end }\n"
  "```\n\n"
  "`flank lint` checks the literal ids a policy returns wherever `choose` is written: inline, a\n"
  "local function (`choose = cautious`) or a field of a required module (`choose = P.cautious`).\n"
  "It follows `return f(view, d)` into f, and a table looked up by the decision's id\n"
  "(`return by_decision[d.id](view, d)`): each key must be a decision, and each function answers\n"
  "for its own decision only, as does the branch of `if d.id == \"x\" then`. A returned option id\n"
  "(also either of `cond and \"x\" or \"y\"`) that the decision (or, where lint cannot tell which,\n"
  "the side) does not have, a literal target that does not suit its option, and `d.id` compared\n"
  "with an id that is no decision are errors at the line they are written on, in whichever file.\n";

static void api_md(FILE *f) {
  int n;
  const fl_ApiDoc *d = fl_script_api_docs(&n);
  fputs("# Flank scenario API\n\n"
        "<!-- Generated by `flank doc` from engine/script/fl_api.c (API[]) and the definition keys of\n"
        "     engine/script/fl_defs.c. Do not edit by hand: run `flank doc`; `flank doc --check` fails when stale. -->\n\n"
        "A scenario is a folder with `scenario.lua`. While it loads, it calls the **definition functions**\n"
        "(`scenario{}`, `side{}`, `track{}`, ...). During play, rule code (effects, conditions, texts,\n"
        "policies) reads and changes the game through the **runtime API**, the `flank` table. Conditions,\n"
        "texts and policies may only read; effects and `setup()` may change. Globals are frozen after load:\n"
        "keep changing state in `flank.var`, tracks, areas or pieces. Editor completion: docs/flank.d.lua.\n"
        "A name the API does not have is an error where it is read, with the nearest one (`flank.track.ad\n"
        "does not exist (did you mean flank.track.add?)`), not a nil that fails later; `flank lint` reports it\n"
        "before play, and warns when an area or piece property read by name is declared nowhere.\n\n"
        "`flank.lang` (a string, readable while loading) is the language asked for with `--lang` on run,\n"
        "play, render, batch, replay and test, or `play{ lang = ... }` in a test (default `\"en\"`). The\n"
        "engine does not load texts by itself: a scenario keeps its words in `text_en.lua` (a table\n"
        "returned by the file) and loads the one for the language, falling back to English, so a\n"
        "translation is one more file with the same keys (`flank lint --lang pl` lists the keys it\n"
        "lacks):\n\n"
        "```lua\n"
        "-- my_scenario/text_en.lua: return { storm = \"A storm hits the coast.\" }\n"
        "-- my_scenario/text_pl.lua: return { storm = \"Sztorm uderza w wybrze\xC5\xBC" "e.\" }\n"
        "local ok, T = pcall(require, \"my_scenario/text_\" .. flank.lang)\n"
        "if not ok then T = require \"my_scenario/text_en\" end\n"
        "event { id = \"storm\", title = \"Storm\", text = T.storm }\n"
        "```\n\n"
        "The window's own words (buttons, panel titles, help) follow `--lang` too, from the catalogues\n"
        "in po/ (Estonian, Latvian, Lithuanian, Polish; English otherwise).\n\n"
        "## Contents\n\n- Runtime API:", f);
  const char *mods[64];
  int nm = modules(d, n, mods, 64);
  for (int m = 0; m < nm; m++) fprintf(f, "%s [flank.%s](#flank%s)", m ? "," : "", mods[m], mods[m]);
  fputs("\n- [Policies: the view and the decision](#policies-the-view-and-the-decision)\n- Definitions:", f);
  for (int k = 0; fl_defs_kind(k); k++) fprintf(f, "%s [%s{}](#%s)", k ? "," : "", fl_defs_kind(k), fl_defs_kind(k));
  fputs(", [setup()](#setup)\n\n# Runtime API\n", f);
  for (int m = 0; m < nm; m++) { /* a module's functions together, wherever they are registered */
    fprintf(f, "\n## flank.%s\n", mods[m]);
    for (int i = 0; i < n; i++)
      if (!strcmp(d[i].module, mods[m]))
        fprintf(f, "\n### flank.%s.%s(%s)%s%s\n\n%s\n\n```lua\n%s\n```\n", d[i].module, d[i].name, d[i].params,
                *d[i].returns ? " → " : "", d[i].returns, d[i].doc, d[i].example);
  }
  fputs(POLICY_MD, f);
  fputs("\n# Definitions\n\nEach definition function takes one table. Unknown keys are an error at load (with a\n"
        "did-you-mean); `flank lint` reports all of them at once.\n", f);
  for (int k = 0; fl_defs_kind(k); k++) {
    const char *kind = fl_defs_kind(k);
    fprintf(f, "\n## %s\n\n%s\n\n| key | type | |\n|---|---|---|\n", kind, kind_doc(kind));
    for (int pass = 0; pass < 2; pass++) {
      const char *kk = pass ? "option" : kind;
      if (pass) {
        if (strcmp(kind, "decision")) break;
        fputs("\nEach entry of `options`:\n\n| key | type | |\n|---|---|---|\n", f);
      }
      const char *const *keys = fl_defs_keys(kk);
      for (int i = 0; keys && keys[i]; i++) {
        const fl_KeyHint *h = hint(kk, keys[i]);
        char type[200];
        snprintf(type, sizeof type, "%s", h ? h->type : "any");
        for (char *p = type; *p; p++)
          if (*p == '|') *p = '/'; /* a | would split the table cell */
        fprintf(f, "| `%s`%s | `%s` | %s |\n", keys[i], h && h->required ? " (required)" : "", type, h ? h->doc : "(undocumented)");
      }
    }
    if (!strcmp(kind, "side")) palette_md(f);
    if (!strcmp(kind, "piece_type")) symbols_md(f);
  }
  fputs("\n## setup\n\n`setup(function() ... end)` runs at the start of every game, after area owners and\n"
        "props are set; it may place pieces and change anything through `flank.*`.\n", f);
}

static void luals_type(FILE *f, const char *t) {
  /* the registration's types are already LuaLS syntax ("string?", "table<string, number>", "{a: string}") */
  fputs(*t ? t : "any", f);
}

static void d_lua(FILE *f) {
  int n;
  const fl_ApiDoc *d = fl_script_api_docs(&n);
  fputs("---@meta\n"
        "-- Flank scenario API for the Lua Language Server (editor completion and checks).\n"
        "-- Generated by `flank doc` from engine/script/fl_api.c and fl_defs.c: do not edit.\n"
        "-- Use: add this folder to workspace.library in .luarc.json, e.g.\n"
        "--   { \"workspace.library\": [\"docs\"], \"runtime.version\": \"Lua 5.4\" }\n\n"
        "---@class flank\n", f);
  const char *mods[64];
  int nm = modules(d, n, mods, 64);
  for (int m = 0; m < nm; m++) fprintf(f, "---@field %s flank.%s\n", mods[m], mods[m]);
  fputs("---@field lang string the language asked for (--lang), e.g. \"en\"\n", f);
  fputs("flank = {}\n", f);
  for (int m = 0; m < nm; m++) fprintf(f, "\n---@class flank.%s\nflank.%s = {}\n", mods[m], mods[m]);
  for (int i = 0; i < n; i++) {
    fprintf(f, "\n---%s\n---\n---```lua\n---%s\n---```\n", d[i].doc, d[i].example);
    char parts[8][160], names[8][40];
    int np = split_top(d[i].params, parts, 8);
    for (int p = 0; p < np; p++) {
      int opt;
      const char *type;
      param(parts[p], names[p], sizeof names[p], &opt, &type);
      fprintf(f, "---@param %s%s ", names[p], opt ? "?" : "");
      luals_type(f, type);
      fputc('\n', f);
    }
    char rets[8][160];
    int nr = split_top(d[i].returns, rets, 8);
    for (int r = 0; r < nr; r++) {
      fputs("---@return ", f);
      luals_type(f, rets[r]);
      fputc('\n', f);
    }
    fprintf(f, "function flank.%s.%s(", d[i].module, d[i].name);
    for (int p = 0; p < np; p++) fprintf(f, "%s%s", p ? ", " : "", names[p]);
    fputs(") end\n", f);
  }
  fputs("\n---What a policy sees: only the tracks its side may see.\n---@class flank.view\n---@field turn integer\n---@field date string\n---@field side string\n"
        "---@field tracks table<string, number>\n\n"
        "---@class flank.option_view\n---@field id string\n---@field label string\n---@field available boolean\n"
        "---@field reason string? why it is not available\n---@field preview string?\n"
        "---@field cost table<string, number> its static costs\n"
        "---@field target string? \"area\", \"areas\", \"piece\", \"pieces\" or \"move\"\n---@field min integer?\n---@field max integer?\n"
        "---@field targets (string|integer)[]? the legal targets now (area ids, or piece ids; for a move, the pieces that can move)\n\n"
        "---The decision a policy answers.\n---@class flank.decision_view\n---@field id string\n---@field title string\n"
        "---@field side string\n---@field options flank.option_view[]\n", f);
  for (int k = 0; fl_defs_kind(k); k++) {
    const char *kind = fl_defs_kind(k);
    for (int pass = 0; pass < 2; pass++) {
      const char *kk = pass ? "option" : kind;
      if (pass && strcmp(kind, "decision")) break;
      if (pass) fprintf(f, "\n---One option of a decision.\n---@class flank.def.option\n");
      else fprintf(f, "\n---%s\n---@class flank.def.%s\n", kind_doc(kind), kind);
      const char *const *keys = fl_defs_keys(kk);
      for (int i = 0; keys && keys[i]; i++) {
        const fl_KeyHint *h = hint(kk, keys[i]);
        if (!strcmp(kk, "piece_type") && !strcmp(keys[i], "symbol")) {
          const char *names[64];
          int nn = fl_symbol_names(names, 64);
          fputs("---@field symbol? ", f);
          for (int y = 0; y < nn; y++) fprintf(f, "%s\"%s\"", y ? "|" : "", names[y]);
          fprintf(f, " %s\n", h ? h->doc : "");
          continue;
        }
        fprintf(f, "---@field %s%s %s %s\n", keys[i], h && h->required ? "" : "?", h ? h->type : "any", h ? h->doc : "(undocumented)");
      }
    }
    fprintf(f, "\n---%s\n---@param t flank.def.%s\n---@return flank.def.%s\nfunction %s(t) end\n", kind_doc(kind), kind, kind, kind);
  }
  fputs("\n---Run fn at the start of every game (after area owners and props are set).\n"
        "---@param fn fun()\nfunction setup(fn) end\n", f);
}

/* ---- the test API (test files' own globals) in flank.d.lua ---- */

typedef struct TestDoc { const char *name, *text; } TestDoc;

static const TestDoc TEST_DOCS[] = {
  {"test",
   "---Declare a test (in a scenario's tests/NAME.lua); tests run in file order after the file has loaded.\n"
   "---\n---```lua\n---test(\"war needs low deterrence\", { timeout = 5 }, function() ... end)\n---```\n"
   "---@param name string what the test claims, in words\n"
   "---@param opts_or_fn {timeout: number}|fun() options ({timeout = seconds}, default 60), or the test itself\n"
   "---@param fn? fun() the test, when opts are given\n"
   "function test(name, opts_or_fn, fn) end\n"},
  {"play",
   "---@class flank.play_opts\n"
   "---@field scenario? string a shipped scenario's id or a path relative to the test file (default: this tests/ folder's scenario)\n"
   "---@field seed? integer play one game with this seed (default 1)\n"
   "---@field seeds? integer play this many games, seeds seed_base .. seed_base+seeds-1, and return statistics\n"
   "---@field seed_base? integer the first seed of `seeds` (default 1)\n"
   "---@field policy? string every side that defines this policy plays it\n"
   "---@field side? table<string, string> role -> policy (overrides `policy`)\n"
   "---@field turns? integer stop after this many turns (the game is then unfinished)\n"
   "---@field set? table<string, number> parameters for this play{} (as --set ID=VALUE); the others keep their defaults\n"
   "---@field lang? string the scenario's language (flank.lang), as --lang\n\n"
   "---@class flank.game_log_entry\n---@field kind \"decision\"|\"event\"|\"message\"|\"delayed\"|\"skipped\"|\"ending\"\n"
   "---@field turn integer\n---@field date string\n---@field decision? string\n---@field option? string\n"
   "---@field side? string\n---@field event? string\n---@field ending? string\n---@field text? string\n\n"
   "---@class flank.game_decision: flank.game_log_entry\n"
   "---@field targets? (string|integer)[] the chosen targets (area ids or piece ids)\n"
   "---@field piece? integer a move's piece\n---@field to? string a move's destination\n---@field from? string where a move started\n\n"
   "---One game (play{seed = ...}); flank.game is the runtime API, not this.\n---@class flank.played\n"
   "---@field ending string? the ending's id, nil if unfinished\n"
   "---@field finished boolean\n---@field tracks table<string, number> final values\n"
   "---@field history table<string, number[]> each track at the end of each turn\n"
   "---@field params table<string, number> the parameters the game was played with\n"
   "---@field turns integer turns played\n---@field date string\n---@field seed integer\n"
   "---@field decisions flank.game_decision[] the decisions taken, in order\n"
   "---@field events string[] the ids of the events that fired, in order\n---@field log flank.game_log_entry[]\n"
   "---@field areas table<string, table> the final board: by area id, its owner and properties\n"
   "---@field pieces {id: integer, type: string, area: string, side?: string}[] the pieces at the end, with their properties\n"
   "---@field vars table<string, number|boolean|string> flank.var at the end\n\n"
   "---@class flank.stats\n---@field mean number\n---@field median number\n---@field min number\n---@field max number\n"
   "---@field p05 number\n---@field p95 number\n---@field sd number sample standard deviation\n\n"
   "---Many games (play{seeds = ...}).\n---@class flank.games\n---@field games integer\n---@field seed_base integer\n"
   "---@field endings table<string, integer> count per ending id (0 if it never happened)\n"
   "---@field ending_rate table<string, number> share per ending id\n---@field unfinished integer\n"
   "---@field tracks table<string, flank.stats>\n---@field turns flank.stats\n\n"
   "---Play one game (seed) or many (seeds) headless, with the scenario reset for every seed.\n"
   "---\n---```lua\n---local a = play{ policy = \"mines\", seeds = 300 }\n---```\n"
   "---@param opts flank.play_opts\n---@return flank.played|flank.games\n"
   "function play(opts) end\n"},
  {"expect",
   "---@class flank.expectation\n"
   "---@field eq fun(x: any) equal\n---@field ne fun(x: any) not equal\n---@field gt fun(x: number) greater than\n"
   "---@field ge fun(x: number) at least\n---@field lt fun(x: number) less than\n---@field le fun(x: number) at most\n"
   "---@field near fun(x: number, tol: number) within tol of x\n---@field is_true fun() any value but false and nil\n"
   "---@field is_false fun() false or nil\n---@field matches fun(pattern: string) a Lua pattern matches\n"
   "---@field contains fun(x: any) a substring of a string, or a value of a table\n\n"
   "---Check a value: expect(v).eq(x), expect(v).gt(x), ... (expect(v):eq(x) works too).\n"
   "---@param v any\n---@return flank.expectation\n"
   "function expect(v) end\n"},
};

static const char *test_doc(const char *name) {
  for (size_t i = 0; i < sizeof TEST_DOCS / sizeof TEST_DOCS[0]; i++)
    if (!strcmp(TEST_DOCS[i].name, name)) return TEST_DOCS[i].text;
  return NULL;
}

static void d_lua_tests(FILE *f) {
  fputs("\n-- Test files (a scenario's tests/NAME.lua) also have these globals; see docs/educators.md.\n", f);
  for (const char *const *g = fl_test_globals(); *g; g++) {
    const char *t = test_doc(*g);
    if (t) fprintf(f, "\n%s", t);
    else fprintf(f, "\n---(undocumented: add it to TEST_DOCS in engine/script/fl_docgen.c)\nfunction %s(...) end\n", *g);
  }
}

/* ---- .luacheckrc: the same globals, read from a real sandbox ---- */

static int cmp_cstr(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

/* The string keys of the table at idx, sorted (so the file does not depend on hashing). */
static int sorted_keys(lua_State *L, int idx, const char **out, int max) {
  int n = 0;
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    lua_pop(L, 1);
    if (lua_type(L, -1) == LUA_TSTRING && n < max) out[n++] = lua_tostring(L, -1);
  }
  qsort(out, (size_t)n, sizeof *out, cmp_cstr);
  return n;
}

/* A read-only global: a table lists its fields, so luacheck flags math.random or flank.nope. */
static void rc_global(FILE *f, lua_State *L, const char *name, int depth) {
  int t = lua_gettop(L);
  fprintf(f, "%*s%s = {", depth * 2, "", name);
  if (lua_type(L, t) == LUA_TTABLE && strcmp(name, "_G") && depth < 8) { /* _G holds itself */
    const char *keys[256];
    int n = sorted_keys(L, t, keys, 256);
    fputs(" fields = {\n", f);
    for (int i = 0; i < n; i++) {
      lua_getfield(L, t, keys[i]);
      rc_global(f, L, keys[i], depth + 2);
      lua_pop(L, 1);
    }
    if (depth == 2 && !strcmp(name, "flank")) fprintf(f, "%*slang = {},\n", (depth + 2) * 2, ""); /* set by the loader */
    fprintf(f, "%*s} ", (depth + 1) * 2, "");
  }
  fputs("},\n", f);
}

static void luacheckrc(FILE *f) {
  fl_Script *sc = calloc(1, sizeof *sc);
  if (!sc) return;
  sc->mem_limit = (size_t)64 << 20;
  fputs("-- luacheck settings for Flank scenarios, their tests, sweep and policy files.\n"
        "-- Generated by `flank doc` from the sandbox and the API registration (engine/script), like\n"
        "-- docs/flank.d.lua: do not edit. Use: luacheck --config docs/.luacheckrc SCENARIO_FOLDER\n"
        "-- (or copy it into your scenario folder as .luacheckrc).\n"
        "std = \"flank\"\n"
        "max_line_length = false\n"
        "allow_defined_top = true -- globals a scenario sets while loading (they are frozen after)\n"
        "ignore = { \"212/view\", \"212/d\" } -- a policy is function(view, d): not every one reads both\n"
        "stds.flank = {\n  read_globals = {\n", f);
  if (fl_sb_open(sc) == 0) {
    lua_State *L = sc->L;
    fl_defs_open(sc);
    fl_api_open(sc);
    lua_rawgeti(L, LUA_REGISTRYINDEX, sc->env);
    int env = lua_gettop(L);
    const char *keys[256];
    int n = sorted_keys(L, env, keys, 256);
    for (int i = 0; i < n; i++) {
      lua_getfield(L, env, keys[i]);
      rc_global(f, L, keys[i], 2);
      lua_pop(L, 1);
    }
    fl_sb_close(sc);
  }
  free(sc);
  fputs("  },\n}\n-- test files: test(), play{} and expect() besides the sandbox\nstds.flank_test = {\n  read_globals = {", f);
  for (const char *const *g = fl_test_globals(); *g; g++) fprintf(f, " \"%s\",", *g);
  fputs(" },\n}\nfiles[\"**/tests/**/*.lua\"] = { std = \"flank+flank_test\" }\n", f);
}

char *fl_docgen(const char *name) {
  char *buf = NULL;
  size_t len = 0;
  int which = !strcmp(name, "api.md") ? 1 : !strcmp(name, "flank.d.lua") ? 2 : !strcmp(name, ".luacheckrc") ? 3 : 0;
  if (!which) return NULL;
  FILE *f = open_memstream(&buf, &len);
  if (!f) return NULL;
  if (which == 1) api_md(f);
  else if (which == 2) { d_lua(f); d_lua_tests(f); }
  else luacheckrc(f);
  fclose(f);
  return buf;
}
