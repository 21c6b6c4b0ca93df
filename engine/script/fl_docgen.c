/* fl_docgen: docs/api.md and docs/flank.d.lua from the API registration and the
 * definition keys. Which keys exist comes from fl_defs_keys (the list the loader
 * enforces); this file only adds a type and a sentence per key. A key without a
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

typedef struct Hint { const char *kind, *key, *type; int required; const char *doc; } Hint;

static const Hint HINTS[] = {
  {"scenario", "id", "string", 1, "Unique id: lowercase letters, digits and _."},
  {"scenario", "title", "string", 1, "Title shown to players."},
  {"scenario", "version", "string", 0, "Version of the scenario (default \"1.0\"); recorded in replays."},
  {"scenario", "authors", "string|string[]", 0, "Who wrote it."},
  {"scenario", "blurb", "string", 0, "One paragraph for the title screen."},
  {"scenario", "sources", "table<string, string>", 0, "Free-text citations by id (prefer source{} definitions); text cites them as [@id], `source = \"id\"` fields name them."},
  {"scenario", "start", "string", 0, "Date of the first turn, \"YYYY-MM-DD\" (default \"2025-01-01\")."},
  {"scenario", "turns", "integer", 0, "Number of turns, 1 to 100000 (default 12)."},
  {"scenario", "turns_cap", "boolean", 0, "true: `turns` is only a safety cap and the rules end the game first, so progress is shown as the date and the turn, never \"turn 3 of 90\"."},
  {"scenario", "step", "string|{from: integer, step: string}[]", 0, "Length of a turn: \"1 month\" (default), \"1 week\", \"1 day\", \"1 year\"; or a list of { from = turn, step = ... }."},
  {"scenario", "language", "string", 0, "Language of the texts (default \"en\")."},
  {"scenario", "map", "string", 0, "Map file: \"assets/maps/...\" from the project, or a path inside the scenario folder."},
  {"scenario", "stacking", "integer", 0, "At most this many pieces of one team may end a move in an area (default 0: no limit)."},
  {"side", "id", "string", 1, "Unique id."},
  {"side", "name", "string", 0, "Name shown to players (default: the id)."},
  {"side", "text", "string", 0, "Who this side is."},
  {"side", "playable", "boolean", 0, "May a human take this side (default true)."},
  {"side", "team", "string", 0, "Sides with the same team are allies: they share what they see and are not enemies (default: the side's own id)."},
  {"side", "colour", "string", 0, "Colour on the board: \"#rrggbb\", \"#rgb\" or a palette name (\"blue\", \"vermillion\", ...: the list is in docs/api.md). Default: the colour-blind-safe palette, in the order sides are defined. `flank lint` warns when two sides are hard to tell apart."},
  {"phase", "id", "string", 1, "Unique id. Without phase{} definitions each side gets one phase, in order."},
  {"phase", "name", "string", 0, "Name shown to players."},
  {"phase", "side", "string", 0, "The side that decides in this phase."},
  {"track", "id", "string", 1, "Unique id."},
  {"track", "name", "string", 0, "Name shown to players."},
  {"track", "min", "number", 0, "Lowest value (default 0); values are clamped."},
  {"track", "max", "number", 0, "Highest value (default 100)."},
  {"track", "start", "number", 0, "Value at the start (default: min)."},
  {"track", "unit", "string", 0, "Unit shown after the value, e.g. \"%\" or \"M€\"."},
  {"track", "unit_one", "string", 0, "Unit shown after a value of exactly 1, e.g. \"person\" beside unit = \"people\"."},
  {"track", "text", "string", 0, "What the track measures."},
  {"track", "source", "string", 0, "Id of a scenario source backing the numbers."},
  {"track", "visible", "boolean", 0, "Shown to players (default true)."},
  {"track", "better", "\"higher\"|\"lower\"", 0, "Which direction is good, for colours and summaries."},
  {"track", "visible_to", "string|string[]", 0, "Only these sides (and their teams) see it: policies of other sides cannot read it, and the window hides it from them. Default: everyone."},
  {"track", "short", "string", 0, "A shorter name, shown where the name does not fit (otherwise the name wraps to two lines)."},
  {"area", "id", "string", 1, "Unique id; an id already on the map overrides that area."},
  {"area", "name", "string", 0, "Name shown on the map."},
  {"area", "terrain", "string", 0, "Free-form terrain, e.g. \"forest\", \"marsh\", \"urban\". \"sea\", \"lake\", \"river\" and \"water\" are drawn as water (a sea zone is an area like any other: it can be owned, hold pieces and be clicked)."},
  {"area", "country", "string", 0, "Country code, e.g. \"LT\"."},
  {"area", "owner", "string", 0, "Side that owns the area at the start."},
  {"area", "ring", "number[][]", 0, "Outline as { {lon, lat}, ... } (or a flat list); required for areas not on the map. Shared edges make areas adjacent."},
  {"area", "holes", "number[][][]", 0, "Holes in the outline, each a ring."},
  {"area", "props", "table<string, number|boolean|string>", 0, "Initial properties (saved with the game; read with flank.area.get)."},
  {"area", "adjacent", "string[]", 0, "Extra neighbours that do not share a border (bridges, ferries)."},
  {"area", "important", "boolean", 0, "A key area: the map labels it first, so crowded maps keep its name."},
  {"place", "id", "string", 1, "Unique id."},
  {"place", "area", "string", 0, "Area the place lies in."},
  {"place", "lon", "number", 1, "Longitude."},
  {"place", "lat", "number", 1, "Latitude."},
  {"place", "name", "string", 0, "Name shown on the map."},
  {"place", "population", "integer", 0, "Inhabitants."},
  {"piece_type", "id", "string", 1, "Unique id."},
  {"piece_type", "name", "string", 0, "Name shown to players."},
  {"piece_type", "symbol", "string", 0, "Counter symbol (default \"unit\"): one of the symbols listed below; an unknown one is a `flank lint` error."},
  {"piece_type", "mp", "number", 0, "Movement points per turn for `target = \"move\"` options (default 0: only rule code moves it)."},
  {"piece_type", "terrain", "table<string, number|false>", 0, "Cost to enter an area of each terrain, e.g. { forest = 2, river = false } (false: impassable); others cost 1."},
  {"piece_type", "stop_at_enemy", "boolean", 0, "Entering an area owned by an enemy side or holding a visible enemy piece ends the move."},
  {"piece_type", "hidden", "boolean", 0, "Pieces of this type are seen only by their own team until flank.piece.reveal."},
  {"decision", "id", "string", 1, "Unique id."},
  {"decision", "side", "string", 1, "Side that decides."},
  {"decision", "phase", "string", 0, "Phase it is offered in (default: the side's phases)."},
  {"decision", "title", "string", 0, "Title of the card."},
  {"decision", "text", "string", 0, "What is at stake."},
  {"decision", "source", "string", 0, "Id of a scenario source."},
  {"decision", "when", "fun(): boolean", 0, "Offered only when this returns true (default: every turn)."},
  {"decision", "once", "boolean", 0, "Offered until it has been taken once."},
  {"decision", "options", "flank.def.option[]", 1, "The choices, at least one."},
  {"option", "id", "string", 1, "Unique id within the decision; policies return it."},
  {"option", "label", "string", 0, "Button text."},
  {"option", "text", "string", 0, "Longer explanation."},
  {"option", "cost", "table<string, number>|(fun(target?: any): table<string, number>)", 0, "Track costs { track_id = amount }; unavailable if a track would fall below its min. A function computes them from the chosen target(s)."},
  {"option", "requires", "fun(target?: any): boolean, string?", 0, "Available only when this returns true; a second result, a string, tells the player why not. With targets it is called with nil first (is the option open at all?), then with the chosen target(s)."},
  {"option", "effect", "fun()", 0, "What choosing it does (may change the game through flank.*)."},
  {"option", "delay", "string|integer", 0, "Run the effect later: \"6 months\", \"2 turns\", or a number of turns."},
  {"option", "preview", "string|(fun(target?: any): string)", 0, "Short summary of the effect shown before choosing; a function gets the target being considered (nil before one is chosen)."},
  {"option", "target", "\"area\"|\"areas\"|\"piece\"|\"pieces\"|\"move\"", 0, "What the option acts on. requires, cost, preview and effect then receive the chosen area id, piece id, or a list of them; a move's receive (piece id, to area, from area)."},
  {"option", "legal", "fun(): string[]|integer[]", 0, "The legal targets now: area ids, or piece ids (for a move, the pieces that may move). Default: every area, or the deciding side's pieces."},
  {"option", "min", "integer", 0, "Fewest targets for \"areas\"/\"pieces\" (default 1)."},
  {"option", "max", "integer", 0, "Most targets for \"areas\"/\"pieces\" (default 32, the limit)."},
  {"option", "again", "boolean", 0, "After this option the same decision is offered again (an orders phase: move, move, ..., then a plain option ends it)."},
  {"event", "id", "string", 1, "Unique id."},
  {"event", "title", "string", 0, "Title in the log."},
  {"event", "text", "string|(fun(): string)", 0, "Text in the log; a function is called when the event fires."},
  {"event", "source", "string", 0, "Id of a scenario source."},
  {"event", "on", "string", 0, "When it is checked: \"turn_start\" (default), \"turn_end\", \"phase:<id>\", \"date:YYYY-MM-DD\" (once)."},
  {"event", "chance", "number|(fun(): number)", 0, "Probability 0..1 each time it is checked (default 1)."},
  {"event", "when", "fun(): boolean", 0, "Checked only when this returns true."},
  {"event", "effect", "fun()", 0, "What happens."},
  {"event", "once", "boolean", 0, "Fires at most once."},
  {"event", "silent", "boolean", 0, "Writes no line to the game log when it fires (for mechanics players need not read about)."},
  {"ending", "id", "string", 1, "Unique id; flank.game.finish(id) ends with it."},
  {"ending", "title", "string", 0, "Title of the ending screen."},
  {"ending", "text", "string|(fun(): string)", 0, "Text of the ending screen."},
  {"ending", "when", "fun(): boolean", 0, "Ends the game as soon as this returns true (checked after decisions and at each turn end)."},
  {"ending", "default", "boolean", 0, "The ending when the last turn is over."},
  {"policy", "id", "string", 1, "Policy name; \"default\" plays when nobody else is named."},
  {"policy", "side", "string", 1, "Side it plays."},
  {"policy", "choose", "fun(view: flank.view, d: flank.decision_view): string, any?, any?", 1, "Returns the id of an available option, then its target(s): an area id, a piece id or a list; for a move, the piece id and the destination area id."},
  {"policy", "text", "string", 0, "What the policy does, for listings."},
  {"overlay", "id", "string", 1, "Unique id (lowercase, digits, _)."},
  {"overlay", "name", "string", 0, "Shown in the map legend, e.g. \"AP mines in the ground\"."},
  {"overlay", "prop", "string", 1, "The numeric area property that is shaded."},
  {"overlay", "max", "number", 0, "The value shaded darkest (default 1); higher values clamp."},
  {"overlay", "unit", "string", 0, "Unit shown in the legend."},
  {"overlay", "text", "string", 0, "One line explaining what the shading means."},
  {"overlay", "source", "string", 0, "Id of a scenario source."},
  {"property", "id", "string", 1, "The area property's key."},
  {"property", "name", "string", 0, "Readable name, e.g. \"AP mines in the ground\"."},
  {"property", "unit", "string", 0, "Unit shown after values."},
  {"property", "unit_one", "string", 0, "Unit shown after a value of exactly 1 (\"mine\" beside \"mines\")."},
  {"property", "text", "string", 0, "What it means."},
  {"property", "visible_to", "string|string[]", 0, "Only these sides (and their teams) see it; policies of other sides read nil. Default: everyone."},
  {"parameter", "id", "string", 1, "Unique id; rule code reads it with flank.param.get(id), `--set ID=VALUE` changes it."},
  {"parameter", "name", "string", 0, "Name shown in the briefing's Assumptions panel and reports (default: the id)."},
  {"parameter", "text", "string", 0, "What the assumption means and why this default; may cite sources as [@id]."},
  {"parameter", "default", "number", 1, "The scenario's value (within min..max)."},
  {"parameter", "min", "number", 1, "Lowest value a teacher or player may set."},
  {"parameter", "max", "number", 1, "Highest value."},
  {"parameter", "step", "number", 0, "Step of the Assumptions panel's slider and of a sweep's default grid (default 0: any value)."},
  {"parameter", "unit", "string", 0, "Unit shown after values, e.g. \"%\" or \"per year\"."},
  {"parameter", "source", "string", 0, "Id of the source{} the default comes from."},
  {"parameter", "assumption", "boolean|string", 0, "The default is the model's assumption, not a sourced figure: true, or a string saying why. A parameter needs a source or this label (flank lint)."},
  {"source", "id", "string", 1, "Unique id; text cites it as [@id] (or [@id, Art. 20]), `source = \"id\"` fields refer to it."},
  {"source", "author", "string", 0, "Authors as \"Surname, Given; Surname, Given\", or an organisation (\"ICRC\")."},
  {"source", "title", "string", 0, "Title of the work; required unless a note says what the source is."},
  {"source", "year", "integer|string", 0, "Year of publication."},
  {"source", "publisher", "string", 0, "Publisher, journal or outlet, with a date if it matters (\"Al Jazeera, 18 Mar 2025\")."},
  {"source", "link", "string", 0, "URL or DOI."},
  {"source", "note", "string", 0, "What the scenario takes from it (figures, articles, caveats)."},
  {"source", "short", "string", 0, "The short name a citation shows, e.g. \"Ottawa Convention\" (default: the authors' surnames, else the title); the year follows unless it is in the name."},
  {"question", "text", "string", 1, "A question for discussion after the game; may cite sources as [@id]."},
  {"question", "ending", "string", 0, "Ask it only after this ending (default: after any ending)."},
};

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
  {"property", "An area property declared with a readable name, a unit and who may see it."},
  {"parameter", "An assumption a teacher can change (--set ID=VALUE, the class settings file, the briefing's Assumptions panel); rule code reads it with flank.param.get."},
  {"source", "A work the scenario cites: text cites it as [@id]; `flank sources` prints the bibliography."},
  {"question", "A discussion question shown with the debrief (general, or for one ending)."},
};

static const Hint *hint(const char *kind, const char *key) {
  for (size_t i = 0; i < sizeof HINTS / sizeof HINTS[0]; i++)
    if (!strcmp(HINTS[i].kind, kind) && !strcmp(HINTS[i].key, key)) return &HINTS[i];
  return NULL;
}

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
        "keep changing state in `flank.var`, tracks, areas or pieces. Editor completion: docs/flank.d.lua.\n\n"
        "`flank.lang` (a string, readable while loading) is the language asked for with `--lang` (default\n"
        "`\"en\"`): load `text_<lang>.lua` and fall back to English, so a translation is one file.\n\n"
        "## Contents\n\n- Runtime API:", f);
  const char *last = "";
  for (int i = 0; i < n; i++)
    if (strcmp(d[i].module, last)) {
      fprintf(f, "%s [flank.%s](#flank%s)", *last ? "," : "", d[i].module, d[i].module);
      last = d[i].module;
    }
  fputs("\n- Definitions:", f);
  for (int k = 0; fl_defs_kind(k); k++) fprintf(f, "%s [%s{}](#%s)", k ? "," : "", fl_defs_kind(k), fl_defs_kind(k));
  fputs(", [setup()](#setup)\n\n# Runtime API\n", f);
  last = "";
  for (int i = 0; i < n; i++) {
    if (strcmp(d[i].module, last)) {
      fprintf(f, "\n## flank.%s\n", d[i].module);
      last = d[i].module;
    }
    fprintf(f, "\n### flank.%s.%s(%s)%s%s\n\n%s\n\n```lua\n%s\n```\n", d[i].module, d[i].name, d[i].params,
            *d[i].returns ? " → " : "", d[i].returns, d[i].doc, d[i].example);
  }
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
        const Hint *h = hint(kk, keys[i]);
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
  const char *last = "";
  for (int i = 0; i < n; i++)
    if (strcmp(d[i].module, last)) { fprintf(f, "---@field %s flank.%s\n", d[i].module, d[i].module); last = d[i].module; }
  fputs("---@field lang string the language asked for (--lang), e.g. \"en\"\n", f);
  fputs("flank = {}\n", f);
  last = "";
  for (int i = 0; i < n; i++) {
    if (strcmp(d[i].module, last)) {
      fprintf(f, "\n---@class flank.%s\nflank.%s = {}\n", d[i].module, d[i].module);
      last = d[i].module;
    }
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
        const Hint *h = hint(kk, keys[i]);
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
   "---@field turns? integer stop after this many turns (the game is then unfinished)\n\n"
   "---@class flank.game_log_entry\n---@field kind \"decision\"|\"event\"|\"message\"|\"delayed\"|\"skipped\"|\"ending\"\n"
   "---@field turn integer\n---@field date string\n---@field decision? string\n---@field option? string\n"
   "---@field side? string\n---@field event? string\n---@field ending? string\n---@field text? string\n\n"
   "---One game (play{seed = ...}).\n---@class flank.game\n---@field ending string? the ending's id, nil if unfinished\n"
   "---@field finished boolean\n---@field tracks table<string, number> final values\n"
   "---@field history table<string, number[]> each track at the end of each turn\n"
   "---@field turns integer turns played\n---@field date string\n---@field seed integer\n"
   "---@field decisions {turn: integer, date: string, side: string, decision: string, option: string}[]\n"
   "---@field events string[]\n---@field log flank.game_log_entry[]\n\n"
   "---@class flank.stats\n---@field mean number\n---@field median number\n---@field min number\n---@field max number\n"
   "---@field p05 number\n---@field p95 number\n---@field sd number sample standard deviation\n\n"
   "---Many games (play{seeds = ...}).\n---@class flank.games\n---@field games integer\n---@field seed_base integer\n"
   "---@field endings table<string, integer> count per ending id (0 if it never happened)\n"
   "---@field ending_rate table<string, number> share per ending id\n---@field unfinished integer\n"
   "---@field tracks table<string, flank.stats>\n---@field turns flank.stats\n\n"
   "---Play one game (seed) or many (seeds) headless, with the scenario reset for every seed.\n"
   "---\n---```lua\n---local a = play{ policy = \"mines\", seeds = 300 }\n---```\n"
   "---@param opts flank.play_opts\n---@return flank.game|flank.games\n"
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
    lua_close(L);
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
