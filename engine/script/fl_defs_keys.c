/* fl_defs_keys: the type and meaning of every definition key. One table that the loader
 * (fl_defs.c), lint and the generated docs read, so the type a key is documented with is
 * the type that is checked: `visible = "false"` fails instead of showing a hidden track. */
#include "fl_script_int.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

static const fl_KeyHint HINTS[] = {
  {"scenario", "id", "string", 1, "Unique id: lowercase letters, digits and _."},
  {"scenario", "title", "string", 1, "Title shown to players."},
  {"scenario", "version", "string", 0, "Version of the scenario (default \"1.0\"); recorded in replays."},
  {"scenario", "authors", "string|string[]", 0, "Who wrote it."},
  {"scenario", "blurb", "string", 0, "One paragraph for the title screen."},
  {"scenario", "sources", "table<string, string>", 0, "Free-text citations by id (prefer source{} definitions); text cites them as [@id], `source = \"id\"` fields name them."},
  {"scenario", "start", "string", 0, "Date of the first turn, \"YYYY-MM-DD\" (default \"2025-01-01\")."},
  {"scenario", "turns", "integer", 0, "Number of turns, 1 to 10000 (default 12)."},
  {"scenario", "turns_cap", "boolean", 0, "true: `turns` is only a safety cap and the rules end the game first, so progress is shown as the date and the turn, never \"turn 3 of 90\"."},
  {"scenario", "step", "string|{from: integer, step: string}[]", 0, "Length of a turn: \"1 month\" (default), \"1 week\", \"1 day\", \"1 year\"; or a list of { from = turn, step = ... } (the briefing then says so: \"26 turns of 1 week, from turn 10 of 2 weeks\")."},
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
  {"area", "ring", "number[][]|number[]", 0, "Outline as { {lon, lat}, ... } (or a flat list); required for areas not on the map. Shared edges make areas adjacent."},
  {"area", "holes", "(number[][]|number[])[]", 0, "Holes in the outline, each a ring."},
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
  {"piece_type", "symbol", "string", 0, "Counter symbol (default \"unit\"): unit, infantry, armour, mechanised, artillery, recon, engineer, headquarters, supply, aircraft, drone, ship, submarine, boat, minefield, obstacle or civilians (the table below has what each looks like and the other spellings accepted); an unknown one is a `flank lint` error."},
  {"piece_type", "mp", "number", 0, "Movement points per turn for `target = \"move\"` options (default 0: only rule code moves it)."},
  {"piece_type", "terrain", "table<string, number|false>", 0, "Cost to enter an area of each terrain, e.g. { forest = 2, river = false } (false: impassable); others cost 1."},
  {"piece_type", "stop_at_enemy", "boolean", 0, "Entering an area owned by an enemy side or holding a visible enemy piece ends the move."},
  {"piece_type", "hidden", "boolean", 0, "Pieces of this type are seen only by their own team until flank.piece.reveal; one with no side (a mine) by no side."},
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
  {"option", "cost", "table<string, number>|(fun(target?: any): table<string, number>)", 0, "Track costs { track_id = amount }; unavailable if a track would fall below its min. A function computes them from the chosen target(s); it is also called with nil, to decide whether the option is available: return the least it can cost."},
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
  {"event", "on", "string", 0, "When it is checked: \"turn_start\" (default), \"turn_end\", \"phase:<id>\", or \"date:YYYY-MM-DD\": at the start of every turn from that date on until it has fired once (a chance that fails, or a when that is false, tries again the next turn; a date before the start counts from turn 1)."},
  {"event", "chance", "number|(fun(): number)", 0, "Probability 0..1 each time it is checked (default 1); a draw that fails waits for the next check."},
  {"event", "when", "fun(): boolean", 0, "Checked only when this returns true."},
  {"event", "effect", "fun()", 0, "What happens."},
  {"event", "once", "boolean", 0, "Fires at most once."},
  {"event", "silent", "boolean", 0, "Writes no line to the game log when it fires (for mechanics players need not read about)."},
  {"ending", "id", "string", 1, "Unique id; flank.game.finish(id) ends with it."},
  {"ending", "title", "string", 0, "Title of the ending screen."},
  {"ending", "text", "string|(fun(): string)", 0, "Text of the ending screen."},
  {"ending", "when", "fun(): boolean", 0, "Ends the game as soon as this returns true. Checked after the turn-start events and delayed effects, after each phase's events, after every decision, and after the turn-end events; flank.game.finish(id) in an effect ends the game at once."},
  {"ending", "default", "boolean", 0, "The ending when the last turn is over and no ending's when has held. Exactly one ending should be the default (`flank lint` errors without one: the engine would otherwise end with the first ending that has no when)."},
  {"policy", "id", "string", 1, "Policy name; \"default\" plays when nobody else is named."},
  {"policy", "side", "string", 1, "Side it plays."},
  {"policy", "choose", "fun(view: flank.view, d: flank.decision_view): string, any?, any?", 1, "Returns the id of an available option, then its target(s): an area id, a piece id or a list; for a move, the piece id and the destination area id."},
  {"policy", "name", "string", 0, "What people read for the policy (\"Stay in the treaty\"); the id when absent."},
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
  {"property", "values", "table<string, string>", 0, "What a text value means to a player, e.g. { stockpile = \"Mines stockpiled for a crisis\" }: the window and play --text show the label instead of the value."},
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
  {"evidence", "mark", "string", 1, "The mark as the sources' notes write it in brackets: one to three capital letters or digits, e.g. \"H\" for [H]."},
  {"evidence", "text", "string", 1, "What the mark says about the evidence, e.g. \"treaty text or several agreeing sources\"; the bibliography shows it as its legend."},
  {"question", "text", "string", 1, "A question for discussion after the game; may cite sources as [@id]."},
  {"question", "ending", "string", 0, "Ask it only after this ending (default: after any ending)."},
};

const fl_KeyHint *fl_defs_hint(const char *kind, const char *key) {
  for (size_t i = 0; i < sizeof HINTS / sizeof HINTS[0]; i++)
    if (!strcmp(HINTS[i].kind, kind) && !strcmp(HINTS[i].key, key)) return &HINTS[i];
  return NULL;
}

void fl_defs_describe(lua_State *L, int v, char *buf, size_t n) {
  switch (lua_type(L, v)) {
  case LUA_TSTRING: snprintf(buf, n, "the string \"%.60s%s\"", lua_tostring(L, v), lua_rawlen(L, v) > 60 ? "..." : ""); break;
  case LUA_TNUMBER: snprintf(buf, n, "the number %.14g", lua_tonumber(L, v)); break;
  case LUA_TBOOLEAN: snprintf(buf, n, "%s", lua_toboolean(L, v) ? "true" : "false"); break;
  case LUA_TNIL: snprintf(buf, n, "nil"); break;
  default: snprintf(buf, n, "a %s", lua_typename(L, lua_type(L, v))); break;
  }
}

/* ---- a value against a type such as "string|integer", "string[]", "table<string, number>" ---- */

typedef struct Bad { char path[96], want[160], got[120], sub[64]; int set; } Bad;

/* The end of the alternative starting at a: its top-level '|', or b. A "fun(...): R" runs
 * to the end (its result types may hold '|'); parenthesise it to list more after it. */
static const char *term_end(const char *a, const char *b) {
  if (!strncmp(a, "fun(", 4)) return b;
  int d = 0;
  for (const char *p = a; p < b; p++) {
    if (*p == '(' || *p == '<' || *p == '{' || *p == '[') d++;
    else if (*p == ')' || *p == '>' || *p == '}' || *p == ']') d--;
    else if (*p == '|' && d == 0) return p;
  }
  return b;
}

static int is(const char *a, const char *e, const char *w) { return (size_t)(e - a) == strlen(w) && !memcmp(a, w, (size_t)(e - a)); }

static const char *want_of(const char *a, const char *e) {
  if (!strncmp(a, "fun(", 4) || !strncmp(a, "(fun(", 5)) return "a function";
  if (*a == '"' || is(a, e, "string")) return "a string";
  if (is(a, e, "number")) return "a number";
  if (is(a, e, "integer")) return "a whole number";
  if (is(a, e, "boolean")) return "true or false";
  if (is(a, e, "false")) return "false";
  if (e - a > 2 && !memcmp(e - 2, "[]", 2)) return "a list";
  return "a table";
}

static int match(lua_State *L, int v, const char *a, const char *b, Bad *bad);

/* 1: the value fits the term; 0: it does not; -1: a table whose element does not (bad says which). */
static int match_term(lua_State *L, int v, const char *a, const char *e, Bad *bad) {
  while (a < e && *a == ' ') a++;
  while (e > a && e[-1] == ' ') e--;
  int ty = lua_type(L, v);
  if (!strncmp(a, "fun(", 4) || !strncmp(a, "(fun(", 5)) return ty == LUA_TFUNCTION;
  if (*a == '"' || is(a, e, "string")) return ty == LUA_TSTRING;
  if (is(a, e, "number")) return ty == LUA_TNUMBER && isfinite(lua_tonumber(L, v));
  if (is(a, e, "integer")) return ty == LUA_TNUMBER && isfinite(lua_tonumber(L, v)) && lua_tonumber(L, v) == floor(lua_tonumber(L, v));
  if (is(a, e, "boolean")) return ty == LUA_TBOOLEAN;
  if (is(a, e, "false")) return ty == LUA_TBOOLEAN && !lua_toboolean(L, v);
  if (is(a, e, "any")) return 1;
  if (*a == '(' && e[-1] == ')') return match(L, v, a + 1, e - 1, bad) ? 1 : bad->path[0] ? -1 : 0;
  if (ty != LUA_TTABLE) return 0;
  if (e - a > 2 && !memcmp(e - 2, "[]", 2)) { /* a list: every element */
    lua_Integer n = (lua_Integer)lua_rawlen(L, v);
    for (lua_Integer i = 1; i <= n; i++) {
      lua_rawgeti(L, v, i);
      Bad in = {0};
      int ok = match(L, lua_gettop(L), a, e - 2, &in);
      lua_pop(L, 1);
      if (!ok) {
        *bad = in;
        char p[96];
        snprintf(p, sizeof p, "[%d]%s", (int)i, in.path);
        snprintf(bad->path, sizeof bad->path, "%s", p);
        if (!in.sub[0]) snprintf(bad->sub, sizeof bad->sub, "%d", (int)i);
        return -1;
      }
    }
    return 1;
  }
  if (!strncmp(a, "table<", 6) && e[-1] == '>') { /* a map: the failing pair with the smallest key */
    const char *k0 = a + 6, *comma = k0;
    int d = 0;
    for (; comma < e - 1 && !(*comma == ',' && d == 0); comma++) d += (*comma == '<' || *comma == '(') - (*comma == '>' || *comma == ')');
    if (comma >= e - 1) return 1;
    int found = 0;
    lua_pushnil(L);
    while (lua_next(L, v)) {
      if (lua_type(L, -2) == LUA_TSTRING) {
        Bad in = {0};
        if (!match(L, lua_gettop(L), comma + 1, e - 1, &in) && (!found || strcmp(lua_tostring(L, -2), bad->sub) < 0)) {
          char p[96];
          snprintf(p, sizeof p, ".%.40s%s", lua_tostring(L, -2), in.path);
          *bad = in;
          snprintf(bad->path, sizeof bad->path, "%s", p);
          snprintf(bad->sub, sizeof bad->sub, "%s", lua_tostring(L, -2));
          found = 1;
        }
      }
      lua_pop(L, 1);
    }
    return found ? -1 : 1;
  }
  return 1; /* a record such as flank.def.option: its own keys are checked where it is read */
}

/* Does the value at v fit type [a, b)? When not, bad names what was wanted and what came. */
static int match(lua_State *L, int v, const char *a, const char *b, Bad *bad) {
  char want[160] = "";
  Bad first = {0};
  for (const char *p = a; p < b;) {
    const char *e = term_end(p, b);
    Bad in = {0};
    int r = match_term(L, v, p, e, &in);
    if (r == 1) return 1;
    if (r == -1 && !first.set) first = in;
    const char *q = p;
    while (*q == ' ') q++;
    const char *w = want_of(q, e);
    if (!strstr(want, w)) snprintf(want + strlen(want), sizeof want - strlen(want), "%s%s", *want ? " or " : "", w);
    p = e < b ? e + 1 : b;
  }
  if (first.set) { *bad = first; return 0; } /* the right kind of table, a wrong element */
  memset(bad, 0, sizeof *bad);
  bad->set = 1;
  snprintf(bad->want, sizeof bad->want, "%s", want);
  fl_defs_describe(L, v, bad->got, sizeof bad->got);
  if (lua_type(L, v) == LUA_TSTRING) { /* the right value in quotes: say so */
    const char *s = lua_tostring(L, v);
    int num = lua_stringtonumber(L, s) > 0;
    if (num) lua_pop(L, 1);
    if ((num && (strstr(want, "number"))) || ((!strcmp(s, "true") || !strcmp(s, "false")) && strstr(want, "true or false")))
      snprintf(bad->got + strlen(bad->got), sizeof bad->got - strlen(bad->got), " (write %s without quotes)", s);
  }
  return 0;
}

/* A flat ring lists lon, lat, lon, lat, ...: an odd count has lost a number. */
static int odd_ring(lua_State *L, int v, char *msg, size_t n, const char *key) {
  lua_Integer len = (lua_Integer)lua_rawlen(L, v);
  int flat = len > 0 && lua_rawgeti(L, v, 1) == LUA_TNUMBER;
  if (len > 0) lua_pop(L, 1);
  if (!flat || len % 2 == 0) return 0;
  snprintf(msg, n, "'%s' lists %d numbers, an odd count: a flat ring is lon, lat, lon, lat, ... (a number is missing "
           "or one too many)", key, (int)len);
  return -1;
}

int fl_defs_check_value(lua_State *L, int v, const char *kind, const char *key, char *msg, size_t n, char *sub, size_t subn) {
  const fl_KeyHint *h = fl_defs_hint(kind, key);
  v = lua_absindex(L, v);
  snprintf(sub, subn, "%s", key);
  if (!h || lua_isnil(L, v)) return 0;
  Bad bad = {0};
  int top = lua_gettop(L);
  int ok = match(L, v, h->type, h->type + strlen(h->type), &bad);
  lua_settop(L, top);
  if (!ok) {
    snprintf(msg, n, "'%s%s' must be %s, not %s", key, bad.path, bad.want, bad.got);
    if (bad.sub[0]) snprintf(sub, subn, "%s", bad.sub);
    return -1;
  }
  if (!strcmp(kind, "area") && !strcmp(key, "ring") && lua_istable(L, v)) return odd_ring(L, v, msg, n, key);
  if (!strcmp(kind, "area") && !strcmp(key, "holes") && lua_istable(L, v))
    for (lua_Integer i = 1; lua_rawgeti(L, v, i) == LUA_TTABLE; i++) {
      int rc = odd_ring(L, lua_gettop(L), msg, n, "holes");
      lua_pop(L, 1);
      if (rc) return -1;
    }
  lua_settop(L, top);
  return 0;
}

const char *fl_defs_fn_returns(const char *kind, const char *key) {
  const fl_KeyHint *h = fl_defs_hint(kind, key);
  const char *f = h ? strstr(h->type, "fun(") : NULL;
  if (!f) return NULL;
  int d = 0;
  const char *p = f + 3;
  for (; *p; p++) {
    d += (*p == '(') - (*p == ')');
    if (d == 0) break;
  }
  if (strncmp(p, "): ", 3)) return NULL;
  p += 3;
  static const char *const R[] = {"boolean", "string", "number"};
  for (int i = 0; i < 3; i++) {
    size_t l = strlen(R[i]);
    if (!strncmp(p, R[i], l) && (p[l] == '\0' || p[l] == ',' || p[l] == ')')) return R[i];
  }
  return NULL;
}
