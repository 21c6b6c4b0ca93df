#include "fl_game.h"
#include "fl_game_int.h"
#include "fl_fmt.h"
#include "fl_i18n.h"
#include "fl_move.h"
#include "fl_str.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Why an option is closed by its cost, as a player reads it: "needs US$250 M (Budget)". */
static void needs(char *buf, size_t n, double amount, const fl_TrackDef *t) {
  char q[128];
  snprintf(buf, n, FL_TR("needs %s (%s)"), fl_fmt_qty(amount, t->unit, t->unit_one, q, sizeof q), t->name);
}

#define MAX_AGAIN 100000

fl_Game *fl_game_new(const fl_Def *def, fl_Hooks hooks) {
  fl_Game *g = calloc(1, sizeof *g);
  if (!g) return NULL;
  int maxopt = 1;
  for (int i = 0; i < def->ncard; i++)
    if (def->cards[i].noptions > maxopt) maxopt = def->cards[i].noptions;
  g->def = def;
  g->hooks = hooks;
  g->s = fl_state_new(def);
  g->avail = calloc((size_t)maxopt, 1);
  g->why = calloc((size_t)maxopt, sizeof(char *));
  g->tl = calloc((size_t)maxopt, sizeof *g->tl);
  g->ntl = calloc((size_t)maxopt, sizeof *g->ntl);
  g->navail = maxopt;
  g->params = calloc((size_t)def->nparam + 1, sizeof *g->params);
  if (!g->s || !g->avail || !g->why || !g->tl || !g->ntl || !g->params) { fl_game_free(g); return NULL; }
  for (int i = 0; i < def->nparam; i++) g->params[i] = def->params[i].value;
  g->status = FL_GAME_ENDED;
  g->hash_turns = 1;
  return g;
}

void fl_game_set_turn_hashes(fl_Game *g, int on) { g->hash_turns = on; }

static void clear_why(fl_Game *g) {
  for (int i = 0; i < g->navail; i++) { free(g->why[i]); g->why[i] = NULL; }
  if (g->tl) for (int i = 0; i < g->navail; i++) { free(g->tl[i]); g->tl[i] = NULL; }
  g->tl_stamp[0] = -1;
  g->chk_stamp[0] = -1;
}

void fl_game_free(fl_Game *g) {
  if (!g) return;
  fl_state_free(g->s);
  fl_buf_free(&g->scratch);
  fl_reach_free(&g->reach);
  if (g->why) clear_why(g);
  free(g->why);
  free(g->tl);
  free(g->ntl);
  free(g->avail);
  free(g->params);
  free(g);
}

fl_State *fl_game_state(fl_Game *g) { return g->s; }
const fl_Def *fl_game_def(const fl_Game *g) { return g->def; }
int fl_game_status(const fl_Game *g) { return g->status; }
fl_Context fl_game_context(const fl_Game *g) { return g->ctx; }
const char *fl_game_error(const fl_Game *g) { return g->err; }

void fl_game_fail(fl_Game *g, const char *msg) {
  snprintf(g->err, sizeof g->err, "%s", msg);
  g->status = FL_GAME_ERROR;
}

void fl_game_request_end(fl_Game *g, int e) {
  if (e >= 0 && e < g->def->nending) g->s->ending_requested = e + 1;
}

void fl_game_describe(const fl_Game *g, char *buf, size_t n) {
  const fl_Def *d = g->def;
  const fl_Context *c = &g->ctx;
  char what[256] = "";
  switch (c->kind) {
  case FL_CTX_SETUP: snprintf(what, sizeof what, ", setup"); break;
  case FL_CTX_CARD: snprintf(what, sizeof what, ", decision '%s'", d->cards[c->index].id); break;
  case FL_CTX_OPTION:
    snprintf(what, sizeof what, ", decision '%s' option '%s'", d->cards[c->index].id,
             d->cards[c->index].options[c->option].id);
    break;
  case FL_CTX_EVENT: snprintf(what, sizeof what, ", event '%s'", d->events[c->index].id); break;
  case FL_CTX_ENDING: snprintf(what, sizeof what, ", ending '%s'", d->endings[c->index].id); break;
  default: break;
  }
  snprintf(buf, n, "turn %d%s", g->s->turn, what);
}

/* Run a rule function in a context; on failure the game is in error. */
static int call(fl_Game *g, int fn, int kind, fl_Context ctx, double *num, char **text) {
  if (!fn) return 0;
  fl_Context saved = g->ctx;
  g->ctx = ctx;
  int rc = g->hooks.call(g->hooks.ud, g, fn, kind, num, text);
  g->ctx = saved;
  if (rc) {
    if (g->status != FL_GAME_ERROR) fl_game_fail(g, "rule code failed");
    return -1;
  }
  return 0;
}

static int truth(fl_Game *g, int fn, fl_Context ctx, int *out) {
  double v = 1;
  *out = 1;
  if (!fn) return 0;
  if (call(g, fn, FL_CALL_BOOL, ctx, &v, NULL)) return -1;
  *out = v != 0;
  return 0;
}

/* End the game. The ending's debrief text (static, or written by its text function
 * from the final state) goes into the log, where the debrief and --json read it. */
static int finish(fl_Game *g, int ending) {
  fl_State *s = g->s;
  char *text = NULL;
  if (ending >= 0 && g->def->endings[ending].fn_text &&
      call(g, g->def->endings[ending].fn_text, FL_CALL_TEXT, (fl_Context){FL_CTX_ENDING, ending, -1, -1, NULL, 0}, NULL, &text))
    return -1;
  s->ended = 1;
  s->ending = ending;
  s->stage = ST_DONE;
  fl_state_log(s, FL_LOG_ENDING, ending, 0, 0, text ? text : ending >= 0 ? g->def->endings[ending].text : NULL);
  free(text);
  return 0;
}

/* An ending requested by rule code wins; then the first ending whose condition holds. */
static int check_endings(fl_Game *g) {
  fl_State *s = g->s;
  if (s->ended) return 0;
  if (s->ending_requested) return finish(g, s->ending_requested - 1);
  for (int i = 0; i < g->def->nending; i++) {
    const fl_EndingDef *e = &g->def->endings[i];
    if (!e->fn_when) continue;
    int yes;
    if (truth(g, e->fn_when, (fl_Context){FL_CTX_ENDING, i, -1, -1, NULL, 0}, &yes)) return -1;
    if (yes) return finish(g, i);
  }
  return 0;
}

static int default_ending(const fl_Def *d) {
  for (int i = 0; i < d->nending; i++)
    if (d->endings[i].is_default) return i;
  for (int i = 0; i < d->nending; i++)
    if (!d->endings[i].fn_when) return i;
  return d->nending ? d->nending - 1 : -1;
}

static int fire_event(fl_Game *g, int i) {
  const fl_EventDef *e = &g->def->events[i];
  fl_Context ctx = {FL_CTX_EVENT, i, -1, -1, NULL, 0};
  fl_State *s = g->s;
  if (e->once && s->event_fired[i]) return 0;
  if (e->trigger == FL_TRIG_DATE && s->date < e->date) return 0;
  int yes;
  if (truth(g, e->fn_when, ctx, &yes)) return -1;
  if (!yes) return 0;
  double p = e->chance;
  if (e->fn_chance && call(g, e->fn_chance, FL_CALL_NUMBER, ctx, &p, NULL)) return -1;
  if (p < 1 && !(fl_state_draw(s) < p)) return 0;
  char *text = NULL;
  if (e->fn_text && call(g, e->fn_text, FL_CALL_TEXT, ctx, NULL, &text)) return -1;
  s->event_fired[i]++;
  if (!e->silent) fl_state_log(s, FL_LOG_EVENT, i, 0, 0, text ? text : e->text);
  free(text);
  return call(g, e->fn_effect, FL_CALL_EFFECT, ctx, NULL, NULL);
}

static int fire_events(fl_Game *g, int trigger, int phase) {
  for (int i = 0; i < g->def->nevent && !g->s->ended; i++) {
    const fl_EventDef *e = &g->def->events[i];
    int match = e->trigger == trigger && (trigger != FL_TRIG_PHASE || e->phase == phase);
    if (trigger == FL_TRIG_TURN_START && e->trigger == FL_TRIG_DATE) match = !g->s->event_fired[i];
    if (match && fire_event(g, i)) return -1;
    if (g->s->ending_requested && check_endings(g)) return -1;
  }
  return 0;
}

/* Delayed options whose time has come take effect, oldest first. */
static int run_due(fl_Game *g) {
  fl_State *s = g->s;
  for (int i = 0; i < s->npending && !s->ended;) {
    fl_Pending p = s->pending[i];
    int due = p.due_turn ? s->turn >= p.due_turn : s->date >= p.due_date;
    if (!due) { i++; continue; }
    memmove(&s->pending[i], &s->pending[i + 1], (size_t)(s->npending - i - 1) * sizeof p);
    s->npending--;
    fl_state_log(s, FL_LOG_DELAYED, p.card, p.option, p.side, NULL);
    const fl_OptionDef *o = &g->def->cards[p.card].options[p.option];
    int rc = call(g, o->fn_effect, FL_CALL_EFFECT, (fl_Context){FL_CTX_OPTION, p.card, p.option, p.side, p.tg, p.ntg}, NULL, NULL);
    free(p.tg);
    if (rc) return -1;
  }
  return 0;
}

static int card_in_phase(const fl_Def *d, const fl_CardDef *c, int phase) {
  if (c->phase >= 0) return c->phase == phase;
  return d->phases[phase].side == c->side;
}

static int build_queue(fl_Game *g) {
  fl_State *s = g->s;
  s->nqueue = s->qhead = 0;
  for (int i = 0; i < g->def->ncard; i++) {
    const fl_CardDef *c = &g->def->cards[i];
    if (!card_in_phase(g->def, c, s->phase) || (c->once && s->card_taken[i])) continue;
    int yes;
    if (truth(g, c->fn_when, (fl_Context){FL_CTX_CARD, i, -1, c->side, NULL, 0}, &yes)) return -1;
    if (yes) s->queue[s->nqueue++] = i;
  }
  return 0;
}

static int choice_costs(fl_Game *g, int card, const fl_Choice *ch, fl_Cost *out, int max);

/* Fill avail[] for the card at the head of the queue; returns how many are available. */
static int compute_avail(fl_Game *g, int *count) {
  fl_State *s = g->s;
  const fl_CardDef *c = &g->def->cards[s->queue[s->qhead]];
  int n = 0;
  clear_why(g);
  for (int o = 0; o < c->noptions; o++) {
    const fl_OptionDef *op = &c->options[o];
    int ok = 1;
    char why[160] = "";
    for (int k = 0; k < op->ncost && ok; k++) {
      const fl_TrackDef *t = &g->def->tracks[op->costs[k].track];
      double after = s->tracks[op->costs[k].track].value - op->costs[k].amount;
      if (op->costs[k].amount > 0 && after < t->min) {
        ok = 0;
        needs(why, sizeof why, op->costs[k].amount, t);
      }
    }
    if (ok && op->fn_requires) {
      /* requires may return false plus the reason a player should read */
      double v = 1;
      char *reason = NULL;
      if (call(g, op->fn_requires, FL_CALL_BOOL, (fl_Context){FL_CTX_OPTION, s->queue[s->qhead], o, c->side, NULL, 0}, &v, &reason))
        return -1;
      ok = v != 0;
      if (!ok) snprintf(why, sizeof why, "%s", reason && *reason ? reason : FL_TR("requirements not met"));
      free(reason);
    }
    if (ok && op->fn_cost) {
      /* a cost function is asked with no target too (the least the option can cost), so
       * that "available" means a player or policy can afford it */
      static const fl_Choice none = {0};
      fl_Choice ch = none;
      fl_Cost cs[64];
      ch.opt = o;
      int nc = choice_costs(g, s->queue[s->qhead], &ch, cs, 64);
      if (nc < 0) return -1;
      for (int k = 0; k < nc && ok; k++) {
        const fl_TrackDef *t = &g->def->tracks[cs[k].track];
        if (cs[k].amount > 0 && s->tracks[cs[k].track].value - cs[k].amount < t->min) {
          ok = 0;
          needs(why, sizeof why, cs[k].amount, t);
        }
      }
    }
    if (ok && op->target != FL_TGT_NONE) {
      int32_t one[FL_MAX_TARGETS];
      int need = op->tmin > 0 ? op->tmin : 1; /* enough to know the option is open */
      int nt = fl_game_targets(g, o, -1, one, need);
      if (nt < 0) return -1;
      if (nt < (op->tmin > 0 ? op->tmin : 1)) {
        ok = 0;
        snprintf(why, sizeof why, "%s", op->target == FL_TGT_MOVE ? FL_TR("nothing can move") : FL_TR("no legal target"));
      }
    }
    g->avail[o] = (char)ok;
    if (!ok) g->why[o] = fl_str_dup(why);
    n += ok;
  }
  *count = n;
  return 0;
}

static int advance(fl_Game *g) {
  fl_State *s = g->s;
  const fl_Def *d = g->def;
  g->status = FL_GAME_WAITING;
  for (;;) {
    if (s->ended) { g->status = FL_GAME_ENDED; return g->status; }
    switch (s->stage) {
    case ST_TURN_START:
      for (int i = 0; i < d->ncal; i++)
        if (d->calendar[i].from_turn == s->turn) s->step = d->calendar[i].step;
      if (run_due(g) || fire_events(g, FL_TRIG_TURN_START, -1) || check_endings(g)) goto fail;
      s->phase = 0;
      s->stage = ST_PHASE_START;
      break;
    case ST_PHASE_START:
      if (s->phase >= d->nphase) { s->stage = ST_TURN_END; break; }
      if (fire_events(g, FL_TRIG_PHASE, s->phase) || check_endings(g)) goto fail;
      if (s->ended) break;
      if (build_queue(g)) goto fail;
      s->stage = ST_PHASE_CARDS;
      break;
    case ST_PHASE_CARDS:
      while (s->qhead < s->nqueue) {
        int n;
        if (compute_avail(g, &n)) goto fail;
        if (n) return g->status; /* a decision is pending */
        fl_state_log(s, FL_LOG_SKIPPED, s->queue[s->qhead], 0, 0, NULL);
        s->qhead++;
      }
      s->nqueue = s->qhead = 0;
      s->phase++;
      s->stage = ST_PHASE_START;
      break;
    case ST_TURN_END:
      if (fire_events(g, FL_TRIG_TURN_END, -1)) goto fail;
      for (int i = 0; i < s->ntrack; i++) {
        fl_TrackState *t = &s->tracks[i];
        if (t->nhist == t->cap) {
          int nc = t->cap ? t->cap * 2 : 16;
          double *h = realloc(t->hist, (size_t)nc * sizeof *h);
          if (!h) { fl_game_fail(g, "out of memory"); goto fail; }
          t->hist = h;
          t->cap = nc;
        }
        t->hist[t->nhist++] = t->value;
      }
      if (check_endings(g)) goto fail;
      if (!s->ended && s->turn >= d->max_turns && finish(g, default_ending(d))) goto fail;
      if (!g->hash_turns) {
        /* no per-turn hash: batches that only read outcomes skip the serialisation */
      } else if (s->nturnhash == s->capturnhash) {
        int nc = s->capturnhash ? s->capturnhash * 2 : 16;
        uint64_t *h = realloc(s->turn_hash, (size_t)nc * sizeof *h);
        if (!h) { fl_game_fail(g, "out of memory"); goto fail; }
        s->turn_hash = h;
        s->capturnhash = nc;
      }
      if (g->hash_turns) {
        uint64_t h = fl_state_hash_buf(s, &g->scratch); /* before the count grows: it is hashed too */
        s->turn_hash[s->nturnhash++] = h;
      }
      if (s->ended) break;
      s->turn++;
      s->date = fl_date_add(s->date, s->step);
      s->stage = ST_TURN_START;
      break;
    default:
      fl_game_fail(g, "game is not running");
      return g->status;
    }
  }
fail:
  g->status = FL_GAME_ERROR;
  return g->status;
}

int fl_game_set_param(fl_Game *g, int i, double v) {
  if (i < 0 || i >= g->def->nparam || !(v >= g->def->params[i].min && v <= g->def->params[i].max)) return -1;
  g->params[i] = v;
  return 0;
}

double fl_game_param(const fl_Game *g, int i) { return i >= 0 && i < g->def->nparam ? g->params[i] : 0; }

int fl_game_start(fl_Game *g, uint64_t seed) {
  fl_state_reset(g->s, g->def, seed);
  for (int i = 0; i < g->def->nparam; i++) g->s->params[i] = g->params[i];
  g->err[0] = '\0';
  g->status = FL_GAME_WAITING;
  g->ctx = (fl_Context){FL_CTX_NONE, -1, -1, -1, NULL, 0};
  if (call(g, g->def->fn_setup, FL_CALL_EFFECT, (fl_Context){FL_CTX_SETUP, -1, -1, -1, NULL, 0}, NULL, NULL))
    return g->status = FL_GAME_ERROR;
  g->s->turn = 1;
  g->s->stage = ST_TURN_START;
  return advance(g);
}

int fl_game_pending(const fl_Game *g, int *side) {
  const fl_State *s = g->s;
  if (g->status != FL_GAME_WAITING || s->stage != ST_PHASE_CARDS || s->qhead >= s->nqueue) {
    if (side) *side = -1;
    return -1;
  }
  int c = s->queue[s->qhead];
  if (side) *side = g->def->cards[c].side;
  return c;
}

int fl_game_available(const fl_Game *g, int opt) {
  int c = fl_game_pending(g, NULL);
  return c >= 0 && opt >= 0 && opt < g->def->cards[c].noptions && g->avail[opt];
}

const char *fl_game_unavailable_reason(const fl_Game *g, int opt) {
  int c = fl_game_pending(g, NULL);
  if (c < 0 || opt < 0 || opt >= g->def->cards[c].noptions) return "no such option";
  return g->avail[opt] ? NULL : g->why[opt];
}

/* ---- targets: fl_game_targets.c ---- */

static const char *reasonf(fl_Game *g, const char *fmt, long a) {
  snprintf(g->why_buf, sizeof g->why_buf, fmt, a);
  return g->why_buf;
}

/* Costs of a choice: static ones, then those the option's cost function returns. */
static int choice_costs(fl_Game *g, int card, const fl_Choice *ch, fl_Cost *out, int max) {
  const fl_OptionDef *op = &g->def->cards[card].options[ch->opt];
  int n = 0;
  for (int k = 0; k < op->ncost && n < max; k++) out[n++] = op->costs[k];
  if (op->fn_cost && g->hooks.costs) {
    fl_Cost *dyn = NULL;
    int nd = 0;
    fl_Context saved = g->ctx;
    g->ctx = (fl_Context){FL_CTX_OPTION, card, ch->opt, g->def->cards[card].side, ch->ntg ? ch->tg : NULL, ch->ntg};
    int rc = g->hooks.costs(g->hooks.ud, g, op->fn_cost, &dyn, &nd);
    g->ctx = saved;
    if (rc) { if (g->status != FL_GAME_ERROR) fl_game_fail(g, "rule code failed"); return -1; }
    for (int k = 0; k < nd; k++) {
      int j = 0;
      while (j < n && out[j].track != dyn[k].track) j++;
      if (j < n) out[j].amount += dyn[k].amount;
      else if (n < max) out[n++] = dyn[k];
    }
    free(dyn);
  }
  return n;
}

int fl_game_costs(fl_Game *g, const fl_Choice *ch, fl_Cost *out, int max) {
  int card = fl_game_pending(g, NULL);
  if (card < 0 || ch->opt < 0 || ch->opt >= g->def->cards[card].noptions) return 0;
  return choice_costs(g, card, ch, out, max);
}

static int same_choice(const fl_Choice *a, const fl_Choice *b) {
  return a->opt == b->opt && a->ntg == b->ntg && (a->ntg <= 0 || memcmp(a->tg, b->tg, (size_t)a->ntg * sizeof *a->tg) == 0);
}

static const char *check_choice(fl_Game *g, const fl_Choice *ch);

const char *fl_game_check(fl_Game *g, const fl_Choice *ch) {
  int card = fl_game_pending(g, NULL);
  if (card < 0) return "no decision is pending";
  long stamp[4];
  fl_game_stamp(g, card, stamp);
  if (memcmp(stamp, g->chk_stamp, sizeof stamp) == 0 && same_choice(ch, &g->chk)) return NULL;
  const char *bad = check_choice(g, ch);
  if (!bad && g->status != FL_GAME_ERROR && ch->ntg >= 0 && ch->ntg <= FL_MAX_TARGETS) {
    memcpy(g->chk_stamp, stamp, sizeof stamp);
    g->chk = *ch;
  }
  return bad;
}

static const char *check_choice(fl_Game *g, const fl_Choice *ch) {
  int side, card = fl_game_pending(g, &side);
  g->chk_stamp[0] = -1;
  const fl_CardDef *c = &g->def->cards[card];
  if (ch->opt < 0 || ch->opt >= c->noptions) return FL_TR("no such option");
  if (!g->avail[ch->opt]) return g->why[ch->opt] ? g->why[ch->opt] : FL_TR("not available");
  const fl_OptionDef *op = &c->options[ch->opt];
  if (ch->ntg < 0 || ch->ntg > FL_MAX_TARGETS) return FL_TR("too many targets");
  if (op->target == FL_TGT_NONE && ch->ntg) return FL_TR("this option takes no target");
  if (op->target != FL_TGT_NONE) {
    int32_t *l;
    int n = fl_game_legal_list(g, card, ch->opt, side, &l);
    if (n < 0) return fl_game_error(g);
    const char *bad = NULL;
    if (op->target == FL_TGT_MOVE) {
      if (ch->ntg != 2) bad = FL_TR("a move needs a piece and an area");
      else if (!fl_game_in_list(l, n, ch->tg[0])) bad = reasonf(g, FL_TR("piece %ld cannot move now"), ch->tg[0]);
      else {
        int pi = fl_state_find_piece(g->s, ch->tg[0]);
        if (fl_move_reach(&g->reach, g->def, g->s, pi) < 0) bad = "out of memory";
        else if (!fl_move_can_end(&g->reach, g->def, g->s, pi, ch->tg[1]))
          bad = ch->tg[1] >= 0 && ch->tg[1] < fl_map_area_count(g->def->map)
                ? (snprintf(g->why_buf, sizeof g->why_buf, FL_TR("area '%s' is out of reach"), fl_map_area(g->def->map, ch->tg[1])->id), g->why_buf)
                : FL_TR("no such area");
      }
    } else {
      int lo = op->tmin > 0 ? op->tmin : 1, hi = op->tmax > 0 ? op->tmax : 1;
      if (ch->ntg < lo) bad = lo == 1 ? FL_TR("choose a target") : reasonf(g, FL_NTR("choose at least %ld target", "choose at least %ld targets", lo), lo);
      else if (ch->ntg > hi) bad = reasonf(g, FL_NTR("choose at most %ld target", "choose at most %ld targets", hi), hi);
      for (int i = 0; i < ch->ntg && !bad; i++) {
        if (!fl_game_in_list(l, n, ch->tg[i]))
          bad = fl_game_not_legal(g, op->target == FL_TGT_AREA, ch->tg[i], l, n);
        for (int j = 0; j < i && !bad; j++)
          if (ch->tg[j] == ch->tg[i]) bad = FL_TR("the same target is chosen twice");
      }
    }
    free(l);
    if (bad) return bad;
    if (op->fn_requires) {
      double v = 1;
      char *reason = NULL;
      if (call(g, op->fn_requires, FL_CALL_BOOL, (fl_Context){FL_CTX_OPTION, card, ch->opt, side, ch->tg, ch->ntg}, &v, &reason))
        return fl_game_error(g);
      if (!v) {
        snprintf(g->why_buf, sizeof g->why_buf, "%s", reason && *reason ? reason : FL_TR("requirements not met"));
        free(reason);
        return g->why_buf;
      }
      free(reason);
    }
  }
  fl_Cost *costs = g->chk_costs;
  int nc = choice_costs(g, card, ch, costs, 64);
  if (nc < 0) return fl_game_error(g);
  g->chk_nc = nc;
  for (int k = 0; k < nc; k++) {
    const fl_TrackDef *t = &g->def->tracks[costs[k].track];
    if (costs[k].amount > 0 && g->s->tracks[costs[k].track].value - costs[k].amount < t->min) {
      needs(g->why_buf, sizeof g->why_buf, costs[k].amount, t);
      return g->why_buf;
    }
  }
  return NULL;
}

char *fl_game_preview(fl_Game *g, const fl_Choice *ch) {
  int side, card = fl_game_pending(g, &side);
  if (card < 0 || ch->opt < 0 || ch->opt >= g->def->cards[card].noptions) return NULL;
  const fl_OptionDef *op = &g->def->cards[card].options[ch->opt];
  if (!op->fn_preview) return op->preview && *op->preview ? fl_str_dup(op->preview) : NULL;
  /* a preview only reads: keep the dice as they were, as for availability */
  fl_State *s = g->s;
  fl_Rng rng = s->rng, prng = s->prng;
  uint32_t draws = s->draws;
  uint64_t dh = s->draw_hash;
  char *text = NULL;
  int rc = call(g, op->fn_preview, FL_CALL_TEXT, (fl_Context){FL_CTX_OPTION, card, ch->opt, side, ch->ntg ? ch->tg : NULL, ch->ntg}, NULL, &text);
  s->rng = rng; s->prng = prng; s->draws = draws; s->draw_hash = dh;
  if (rc) { free(text); return NULL; }
  return text;
}

int fl_game_choose(fl_Game *g, const fl_Choice *ch) {
  fl_State *s = g->s;
  int side, c = fl_game_pending(g, &side);
  if (c < 0) { snprintf(g->err, sizeof g->err, "no decision is pending"); return -1; }
  const fl_CardDef *card = &g->def->cards[c];
  if (ch->opt < 0 || ch->opt >= card->noptions || !g->avail[ch->opt]) {
    snprintf(g->err, sizeof g->err, "option %d of decision '%s' is not available", ch->opt, card->id);
    return -1;
  }
  const fl_OptionDef *o = &card->options[ch->opt];
  const char *bad = fl_game_check(g, ch);
  if (g->status == FL_GAME_ERROR) return g->status;
  if (bad) {
    char msg[512];
    snprintf(msg, sizeof msg, "option '%s' of decision '%s': %s", o->id, card->id, bad);
    snprintf(g->err, sizeof g->err, "%s", msg);
    return -1;
  }
  fl_Cost costs[64];
  int nc = g->chk_nc; /* fl_game_check just worked them out (or found this choice checked) */
  memcpy(costs, g->chk_costs, (size_t)nc * sizeof *costs);
  for (int k = 0; k < nc; k++)
    fl_state_set_track(s, g->def, costs[k].track, s->tracks[costs[k].track].value - costs[k].amount);
  s->card_taken[c]++;
  s->card_last[c] = ch->opt;
  int32_t tg[FL_MAX_TARGETS + 1];
  int ntg = ch->ntg;
  memcpy(tg, ch->tg, (size_t)ntg * sizeof *tg);
  fl_Sides seen = FL_ALL_SIDES;
  if (o->target == FL_TGT_MOVE) {
    /* the move itself: points spent along the cheapest path (fl_game_check ran the query) */
    int pi = fl_state_find_piece(s, tg[0]);
    fl_Piece *p = &s->pieces[pi];
    double used = p->mp_turn == s->turn ? p->mp_used : 0;
    tg[ntg++] = p->area; /* where it came from, for the effect and the window's animation */
    p->mp_used = used + g->reach.cost[tg[1]];
    p->mp_turn = s->turn;
    p->area = tg[1];
    seen = p->seen | fl_def_team(g->def, side); /* a hidden unit's move is not announced */
  }
  if (fl_state_log_ex(s, FL_LOG_ACTION, c, ch->opt, side, NULL, seen, tg, ntg)) {
    fl_game_fail(g, "out of memory");
    return g->status;
  }
  if (o->again) {
    if (++g->again_run > MAX_AGAIN) {
      snprintf(g->err, sizeof g->err, "decision '%s' was chosen %d times in a row; an 'again' option must "
               "run out (e.g. movement points) or the policy must choose another option", card->id, MAX_AGAIN);
      return g->status = FL_GAME_ERROR;
    }
  } else {
    g->again_run = 0;
    s->qhead++;
  }
  if (o->delay.n > 0) {
    if (s->npending == s->cappending) {
      int ncap = s->cappending ? s->cappending * 2 : 8;
      fl_Pending *p = realloc(s->pending, (size_t)ncap * sizeof *p);
      if (!p) { fl_game_fail(g, "out of memory"); return g->status; }
      s->pending = p;
      s->cappending = ncap;
    }
    fl_Pending p = {0, 0, c, ch->opt, side, s->turn, NULL, 0};
    if (o->delay.unit == FL_SPAN_TURN) p.due_turn = s->turn + o->delay.n;
    else p.due_date = fl_date_add(s->date, o->delay);
    if (ch->ntg) {
      if (!(p.tg = malloc((size_t)ch->ntg * sizeof *p.tg))) { fl_game_fail(g, "out of memory"); return g->status; }
      memcpy(p.tg, ch->tg, (size_t)ch->ntg * sizeof *p.tg);
      p.ntg = ch->ntg;
    }
    s->pending[s->npending++] = p;
  } else if (call(g, o->fn_effect, FL_CALL_EFFECT, (fl_Context){FL_CTX_OPTION, c, ch->opt, side, ntg ? tg : NULL, ntg}, NULL, NULL)) {
    return g->status = FL_GAME_ERROR;
  }
  if (check_endings(g)) return g->status = FL_GAME_ERROR;
  return advance(g);
}

void fl_choice_from_log(const fl_Def *d, const fl_LogEntry *e, int opt, fl_Choice *ch) {
  ch->opt = opt;
  ch->ntg = e->ntg < FL_MAX_TARGETS ? e->ntg : FL_MAX_TARGETS;
  if (e->kind == FL_LOG_ACTION && e->a >= 0 && e->a < d->ncard && e->b >= 0 && e->b < d->cards[e->a].noptions &&
      d->cards[e->a].options[e->b].target == FL_TGT_MOVE && ch->ntg > 2)
    ch->ntg = 2;
  if (ch->ntg) memcpy(ch->tg, e->tg, (size_t)ch->ntg * sizeof *ch->tg);
}

int fl_game_act(fl_Game *g, int opt) {
  fl_Choice ch = {opt, 0, {0}};
  return fl_game_choose(g, &ch);
}

int fl_game_set_state(fl_Game *g, const fl_State *src) {
  if (fl_state_copy(g->s, src)) return -1;
  g->err[0] = '\0';
  if (g->s->ended) { g->status = FL_GAME_ENDED; return 0; }
  g->status = FL_GAME_WAITING;
  if (g->s->stage == ST_PHASE_CARDS && g->s->qhead < g->s->nqueue) {
    /* recomputing availability runs requires(), which may roll dice: the restored state's
     * dice must stay exactly as saved, or an undo or load would drift from its replay */
    fl_Rng rng = g->s->rng, prng = g->s->prng;
    uint32_t draws = g->s->draws;
    uint64_t dh = g->s->draw_hash;
    int n, rc = compute_avail(g, &n);
    g->s->rng = rng; g->s->prng = prng; g->s->draws = draws; g->s->draw_hash = dh;
    return rc ? -1 : 0;
  }
  return advance(g) == FL_GAME_ERROR ? -1 : 0;
}
