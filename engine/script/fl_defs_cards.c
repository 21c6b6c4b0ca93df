/* Decisions with their options (costs, delays, targets), events and endings: part of the
 * definition builder (fl_defs.c). */
#include "fl_defs_short.h"
#include "fl_str.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int parse_delay(B *b, lua_State *L, int t, fl_Span *out, const char *what) {
  int ty = rget(L, t, "delay");
  out->n = 0;
  out->unit = FL_SPAN_TURN;
  if (ty == LUA_TNUMBER) { out->n = (int)lua_tointeger(L, -1); }
  else if (ty == LUA_TSTRING) {
    if (fl_span_parse(lua_tostring(L, -1), out)) { /* name the value before it leaves the stack */
      bfail(b, "%s: delay '%s' is not a span like \"6 months\" or \"2 turns\"", what, lua_tostring(L, -1));
      lua_pop(L, 1);
      return -1;
    }
  } else if (ty != LUA_TNIL) { lua_pop(L, 1); return bfail(b, "%s: delay must be like \"6 months\"", what); }
  lua_pop(L, 1);
  if (out->n < 0) return bfail(b, "%s: delay must not be negative", what);
  return 0;
}

/* target = "area" | "areas" | "piece" | "pieces" | "move", legal = function, min, max, again. */
const char *fl_defs_target_hint(const char *tk, char *buf, size_t n) {
  static const char *const kinds[] = {"area", "areas", "piece", "pieces", "move"};
  const char *sg = fl_str_suggest(tk, kinds, 5);
  int letters[256] = {0}, same = sg && strlen(sg) == strlen(tk);
  for (const char *p = tk; same && *p; p++) letters[(unsigned char)*p]++;
  for (const char *p = sg; same && *p; p++) same = letters[(unsigned char)*p]-- > 0;
  if (sg && (sg[0] == tk[0] || same)) snprintf(buf, n, " (did you mean '%s'?)", sg); /* aera, peice, mvoe */
  else buf[0] = '\0';
  return buf;
}

static int build_target(B *b, int o, fl_OptionDef *op, const char *what) {
  static const char *const kinds[] = {"area", "areas", "piece", "pieces", "move"};
  char *tk = NULL;
  double mn, mx;
  if (fstr(b, o, "target", 0, "", &tk, what)) return -1;
  int k = -1;
  for (int i = 0; i < 5; i++) if (!strcmp(tk, kinds[i])) k = i;
  if (*tk && k < 0) {
    char hint[64];
    bfail(b, "%s: target '%s' is not one of area, areas, piece, pieces, move%s", what, tk, fl_defs_target_hint(tk, hint, sizeof hint));
    free(tk);
    return -1;
  }
  free(tk);
  op->target = k < 0 ? FL_TGT_NONE : k <= 1 ? FL_TGT_AREA : k <= 3 ? FL_TGT_PIECE : FL_TGT_MOVE;
  int several = k == 1 || k == 3;
  if (ffn(b, o, "legal", &op->fn_legal, what) || fnum(b, o, "min", 1, &mn, what) ||
      fnum(b, o, "max", several ? FL_MAX_TARGETS : 1, &mx, what))
    return -1;
  op->again = fbool(b, o, "again", 0);
  if (op->target == FL_TGT_NONE) {
    if (op->fn_legal) return bfail(b, "%s: legal needs a target = \"area\", \"piece\", ... kind", what);
    return 0;
  }
  if (!several && (mn != 1 || mx != 1)) return bfail(b, "%s: min and max are for target = \"areas\" or \"pieces\"", what);
  if (mn != floor(mn) || mx != floor(mx) || mn < 1 || mx < mn || mx > FL_MAX_TARGETS)
    return bfail(b, "%s: need 1 <= min <= max <= %d whole targets", what, FL_MAX_TARGETS);
  op->tmin = (int)mn;
  op->tmax = (int)mx;
  return 0;
}

int fl_db_cards(B *b, fl_Def *d) {
  lua_State *L = b->L;
  int n = list(b, "decision");
  d->cards = zalloc(n, sizeof *d->cards);
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    int t = lua_gettop(L);
    at(b, t);
    fl_CardDef *c = &d->cards[d->ncard];
    char *side = NULL, *phase = NULL, what[96];
    if (fid(b, t, "decision", &c->id)) return -1;
    d->ncard++;
    snprintf(what, sizeof what, "decision '%s'", c->id);
    if (fl_def_card(d, c->id) != d->ncard - 1) return bfail(b, "%s is defined twice (first on line %d)", what, d->cards[fl_def_card(d, c->id)].line);
    c->line = b->line;
    c->phase = -1;
    if (fstr(b, t, "title", 0, c->id, &c->title, what) || fstr(b, t, "text", 0, "", &c->text, what) ||
        fstr(b, t, "source", 0, "", &c->source, what) || fstr(b, t, "side", 1, NULL, &side, what) ||
        fstr(b, t, "phase", 0, NULL, &phase, what) || ffn(b, t, "when", &c->fn_when, what)) {
      free(side); free(phase);
      return -1;
    }
    int rc = ref_side(b, d, side, what, &c->side) || (phase && ref_phase(b, d, phase, what, &c->phase));
    free(side); free(phase);
    if (rc) return -1;
    c->once = fbool(b, t, "once", 0);
    if (rget(L, t, "options") != LUA_TTABLE) return bfail(b, "%s: needs options = { { id = ..., label = ... }, ... }", what);
    int no = rlen(L, -1);
    if (no < 1) return bfail(b, "%s: has no options; give at least one", what);
    c->options = zalloc(no, sizeof *c->options);
    for (int k = 1; k <= no; k++) {
      lua_rawgeti(L, -1, k);
      int o = lua_gettop(L);
      if (!lua_istable(L, o)) return bfail(b, "%s: option %d must be a table { id = ..., label = ... }", what, k);
      fl_OptionDef *op = &c->options[c->noptions];
      char ow[160];
      snprintf(ow, sizeof ow, "%s option %d", what, k);
      if (fid(b, o, ow, &op->id)) return -1;
      c->noptions++;
      snprintf(ow, sizeof ow, "%s option '%s'", what, op->id);
      if (fl_def_option(c, op->id) != c->noptions - 1) return bfail(b, "%s is defined twice", ow);
      op->line = b->line;
      if (fstr(b, o, "label", 0, op->id, &op->label, ow) || fstr(b, o, "text", 0, "", &op->text, ow) ||
          ffn(b, o, "requires", &op->fn_requires, ow) ||
          ffn(b, o, "effect", &op->fn_effect, ow) || parse_delay(b, L, o, &op->delay, ow) || build_target(b, o, op, ow))
        return -1;
      if (rget(L, o, "preview") == LUA_TFUNCTION) { lua_pop(L, 1); if (ffn(b, o, "preview", &op->fn_preview, ow)) return -1; op->preview = fl_str_dup(""); }
      else { lua_pop(L, 1); if (fstr(b, o, "preview", 0, "", &op->preview, ow)) return -1; }
      if (rget(L, o, "cost") == LUA_TFUNCTION) { /* computed from the targets; nil stands in below */
        lua_pop(L, 1);
        if (ffn(b, o, "cost", &op->fn_cost, ow)) return -1;
        lua_pushnil(L);
      }
      if (lua_type(L, -1) == LUA_TTABLE) {
        int nc = 0;
        lua_pushnil(L);
        while (lua_next(L, -2)) { nc++; lua_pop(L, 1); }
        op->costs = zalloc(nc, sizeof *op->costs);
        lua_pushnil(L);
        while (lua_next(L, -2)) {
          if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TNUMBER || !isfinite(lua_tonumber(L, -1)))
            return bfail(b, "%s: cost must be { track_id = amount, ... }", ow);
          int tr;
          if (ref_track(b, d, lua_tostring(L, -2), ow, &tr)) return -1;
          /* sorted by track index so the order does not depend on hashing */
          int pos = op->ncost;
          while (pos > 0 && op->costs[pos - 1].track > tr) { op->costs[pos] = op->costs[pos - 1]; pos--; }
          op->costs[pos] = (fl_Cost){tr, lua_tonumber(L, -1)};
          op->ncost++;
          lua_pop(L, 1);
        }
      } else if (!lua_isnil(L, -1)) return bfail(b, "%s: cost must be { track_id = amount, ... }", ow);
      lua_pop(L, 2);
    }
    lua_pop(L, 2);
  }
  lua_pop(L, 1);
  return 0;
}

int fl_db_events_endings(B *b, fl_Def *d) {
  lua_State *L = b->L;
  int n = list(b, "event");
  d->events = zalloc(n, sizeof *d->events);
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    int t = lua_gettop(L);
    at(b, t);
    fl_EventDef *e = &d->events[d->nevent];
    char what[96], *on = NULL;
    if (fid(b, t, "event", &e->id)) return -1;
    d->nevent++;
    snprintf(what, sizeof what, "event '%s'", e->id);
    if (fl_def_event(d, e->id) != d->nevent - 1) return bfail(b, "%s is defined twice (first on line %d)", what, d->events[fl_def_event(d, e->id)].line);
    e->line = b->line;
    e->chance = 1;
    if (fstr(b, t, "title", 0, e->id, &e->title, what) || fstr(b, t, "source", 0, "", &e->source, what) ||
        fstr(b, t, "on", 0, "turn_start", &on, what) || ffn(b, t, "when", &e->fn_when, what) ||
        ffn(b, t, "effect", &e->fn_effect, what)) { free(on); return -1; }
    e->once = fbool(b, t, "once", 0);
    e->silent = fbool(b, t, "silent", 0);
    if (!strcmp(on, "turn_start")) e->trigger = FL_TRIG_TURN_START;
    else if (!strcmp(on, "turn_end")) e->trigger = FL_TRIG_TURN_END;
    else if (!strncmp(on, "phase:", 6)) {
      e->trigger = FL_TRIG_PHASE;
      if (ref_phase(b, d, on + 6, what, &e->phase)) { free(on); return -1; }
    } else if (!strncmp(on, "date:", 5)) {
      e->trigger = FL_TRIG_DATE;
      e->once = 1;
      if (fl_date_parse(on + 5, &e->date)) { free(on); return bfail(b, "%s: on = \"date:YYYY-MM-DD\" needs a real date", what); }
    } else {
      static const char *const ons[] = {"turn_start", "turn_end", "phase:", "date:"};
      const char *s = fl_str_suggest(on, ons, 4);
      int rc = bfail(b, "%s: on = '%s' is not one of \"turn_start\", \"turn_end\", \"phase:<id>\", \"date:YYYY-MM-DD\"%s%s%s",
                     what, on, s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
      free(on);
      return rc;
    }
    free(on);
    int ty = rget(L, t, "chance");
    if (ty == LUA_TNUMBER) {
      e->chance = lua_tonumber(L, -1);
      if (!(e->chance >= 0 && e->chance <= 1)) return bfail(b, "%s: chance must be between 0 and 1", what);
    } else if (ty == LUA_TFUNCTION) {
      lua_pop(L, 1);
      if (ffn(b, t, "chance", &e->fn_chance, what)) return -1;
      lua_pushnil(L);
    } else if (ty != LUA_TNIL) return bfail(b, "%s: chance must be a number or a function", what);
    lua_pop(L, 1);
    ty = rget(L, t, "text");
    lua_pop(L, 1);
    if (ty == LUA_TFUNCTION) { if (ffn(b, t, "text", &e->fn_text, what)) return -1; e->text = fl_str_dup(""); }
    else if (fstr(b, t, "text", 0, "", &e->text, what)) return -1;
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  n = list(b, "ending");
  if (n < 1) { b->line = 1; lua_pop(L, 1); return bfail(b, "a scenario needs at least one ending{}"); }
  d->endings = zalloc(n, sizeof *d->endings);
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    int t = lua_gettop(L);
    at(b, t);
    fl_EndingDef *e = &d->endings[d->nending];
    char what[96];
    if (fid(b, t, "ending", &e->id)) return -1;
    d->nending++;
    snprintf(what, sizeof what, "ending '%s'", e->id);
    if (fl_def_ending(d, e->id) != d->nending - 1) return bfail(b, "%s is defined twice (first on line %d)", what, d->endings[fl_def_ending(d, e->id)].line);
    e->line = b->line;
    if (fstr(b, t, "title", 0, e->id, &e->title, what) || ffn(b, t, "when", &e->fn_when, what)) return -1;
    e->is_default = fbool(b, t, "default", 0);
    int ty = rget(L, t, "text");
    lua_pop(L, 1);
    if (ty == LUA_TFUNCTION) { if (ffn(b, t, "text", &e->fn_text, what)) return -1; e->text = fl_str_dup(""); }
    else if (fstr(b, t, "text", 0, "", &e->text, what)) return -1;
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  return 0;
}

