#include "fl_whatif.h"
#include "fl_str.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failf(char *err, size_t errn, int code, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, errn, fmt, ap);
  va_end(ap);
  return code;
}

int fl_whatif_params(fl_Script *sc, const fl_Replay *r, const char *name, char *err, size_t errn) {
  const fl_Def *d = fl_script_def(sc);
  fl_Game *g = fl_script_game(sc);
  for (int i = 0; i < r->nparams; i++)
    if (fl_def_param(d, r->params[i].id) < 0)
      return failf(err, errn, FL_WHATIF_DIFFERS, "%s:%d: the game was played with parameter '%s', which scenario '%s' "
                   "does not define", name, r->params[i].line, r->params[i].id, d->id);
  for (int i = 0; i < d->nparam; i++) {
    int k = fl_replay_param(r, d->params[i].id);
    double v = k >= 0 ? r->params[k].value : d->params[i].dflt; /* a record without it: the scenario's own value */
    if (fl_game_set_param(g, i, v))
      return failf(err, errn, FL_WHATIF_DIFFERS, "%s:%d: %s = %g is outside the parameter's range %g..%g", name,
                   k >= 0 ? r->params[k].line : 0, d->params[i].id, v, d->params[i].min, d->params[i].max);
  }
  return FL_WHATIF_OK;
}

void fl_whatif_policies(fl_Script *sc, const fl_Replay *r) {
  const fl_Def *d = fl_script_def(sc);
  for (int i = 0; i < r->npolicies; i++) {
    int side = fl_def_side(d, r->policy_side[i]);
    char e[512];
    /* ids only: a path in a replay is never loaded; unknown now: keep default */
    if (side >= 0 && fl_str_is_id(r->policy_name[i])) fl_script_set_policy(sc, side, r->policy_name[i], e, sizeof e);
  }
}

/* The turns at which decision `card` was recorded, for a message ("4, 5, 6"). */
static void turns_of(const fl_Replay *r, const char *card, char *buf, size_t n) {
  size_t k = 0;
  int last = -1, count = 0;
  buf[0] = '\0';
  for (int i = 0; i < r->nactions && k + 16 < n; i++)
    if (!strcmp(r->actions[i].card, card) && r->actions[i].turn != last) {
      last = r->actions[i].turn;
      if (++count > 12) { k += (size_t)snprintf(buf + k, n - k, ", ..."); break; }
      k += (size_t)snprintf(buf + k, n - k, "%s%d", k ? ", " : "", last);
    }
}

/* The sides a person played in r ("human" in its policy lines): mine[side] = 1. Any? */
static int human_sides(const fl_Def *d, const fl_Replay *r, char *mine) {
  int any = 0;
  memset(mine, 0, (size_t)d->nside);
  for (int i = 0; i < r->npolicies; i++) {
    int side = fl_def_side(d, r->policy_side[i]);
    if (side >= 0 && !strcmp(r->policy_name[i], "human")) any = mine[side] = 1;
  }
  return any;
}

/* The side that makes recorded action a, or -1 (a card the scenario no longer has). */
static int action_side(const fl_Def *d, const fl_ReplayAction *a) {
  int c = fl_def_card(d, a->card);
  return c >= 0 ? d->cards[c].side : -1;
}

/* Play on after a fork: mine[side] sides make their recorded choices from r->actions[from]
 * on again, matched by decision: in the same turn when the record took that decision then
 * (the n-th time in the turn takes the n-th recorded), else the earliest recorded one of that
 * decision not used yet (a crisis that comes earlier or later in the fork gets the crisis
 * choices), and only if it is still open and legal; the policies make the rest. So a fork
 * changes one choice, not everything the person did after it. */
static int play_mine(fl_Script *sc, const fl_Replay *r, int from, const char *mine, fl_WhatIfKept *out) {
  fl_Game *g = fl_script_game(sc);
  const fl_Def *d = fl_script_def(sc);
  fl_WhatIfKept k = {0};
  char *used = calloc((size_t)r->nactions + 1, 1);
  if (!used) { fl_game_fail(g, "out of memory"); return FL_GAME_ERROR; }
  int st = fl_game_status(g);
  while (st == FL_GAME_WAITING) {
    int side, c = fl_game_pending(g, &side), have = 0, turn = fl_game_state(g)->turn;
    fl_Choice ch;
    if (c >= 0 && side >= 0 && mine[side]) {
      int j = -1, any = -1;
      for (int i = from; i < r->nactions && j < 0; i++)
        if (!used[i] && !strcmp(r->actions[i].card, d->cards[c].id)) {
          if (r->actions[i].turn == turn) j = i;
          else if (any < 0) any = i;
        }
      if (j < 0) j = any;
      if (j >= 0) {
        used[j] = 1;
        int o = fl_def_option(&d->cards[c], r->actions[j].option);
        char why[200];
        if (o >= 0 && fl_game_available(g, o) && !fl_replay_choice(d, &r->actions[j], o, &ch, why, sizeof why)) {
          have = !fl_game_check(g, &ch);
          if (fl_game_status(g) == FL_GAME_ERROR) break;
        }
        if (have) k.kept++; else k.lapsed++;
      } else k.fresh++;
    }
    if (!have && fl_script_choose(sc, &ch)) { st = FL_GAME_ERROR; break; }
    int at = fl_game_state(g)->nlog; /* the action is logged first, then what it does */
    st = fl_game_choose(g, &ch);
    if (!have && c >= 0 && side >= 0 && mine[side] && k.nmade < 32) {
      const fl_State *s = fl_game_state(g);
      while (at < s->nlog && s->log[at].kind != FL_LOG_ACTION) at++;
      if (at < s->nlog) k.made[k.nmade++] = at;
    }
  }
  for (int i = from; i < r->nactions; i++) {
    int side = action_side(d, &r->actions[i]);
    if (!used[i] && side >= 0 && mine[side]) k.unreached++;
  }
  free(used);
  if (out) *out = k;
  return fl_game_status(g) == FL_GAME_ERROR ? FL_GAME_ERROR : st;
}

/* At the fork point: the changed parameters, then the other option, then the policies (and
 * a person's own later choices: play_mine). next: the record's action the game stands at. */
static int fork_here(fl_Script *sc, const fl_Replay *r, int next, const fl_WhatIf *w, const char *name, char *err, size_t errn) {
  const fl_Def *d = fl_script_def(sc);
  fl_Game *g = fl_script_game(sc);
  fl_State *s = fl_game_state(g);
  for (int i = 0; i < w->nparam; i++) {
    int p = w->param[i];
    if (p < 0 || p >= d->nparam || w->value[i] < d->params[p].min || w->value[i] > d->params[p].max)
      return failf(err, errn, FL_WHATIF_BAD, "%s: a parameter value is out of range", name);
    fl_state_set_param(s, p, w->value[i]);
  }
  if (w->decision) {
    int card = fl_game_pending(g, NULL);
    const fl_CardDef *c = &d->cards[card];
    int o = fl_def_option(c, w->option ? w->option : "");
    if (o < 0) {
      const char *cands[64];
      int n = 0;
      for (; n < c->noptions && n < 64; n++) cands[n] = c->options[n].id;
      const char *sg = fl_str_suggest(w->option ? w->option : "", cands, n);
      char list[512] = "";
      for (int i = 0; i < n; i++) snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", cands[i]);
      return failf(err, errn, FL_WHATIF_BAD, "%s: decision '%s' has no option '%s'%s%s%s; its options: %s", name, c->id,
                   w->option ? w->option : "", sg ? " (did you mean '" : "", sg ? sg : "", sg ? "'?)" : "", list);
    }
    if (!fl_game_available(g, o))
      return failf(err, errn, FL_WHATIF_BAD, "%s: at turn %d, \"%s\" (option '%s' of '%s') was not open then: %s", name, s->turn,
                   c->options[o].label, c->options[o].id, c->id, fl_game_unavailable_reason(g, o));
    fl_ReplayAction a = {s->turn, 0, "", "", (char *)w->targets};
    fl_Choice ch;
    char why[256];
    if (fl_replay_choice(d, &a, o, &ch, why, sizeof why))
      return failf(err, errn, FL_WHATIF_BAD, "%s: option '%s' of '%s': %s", name, c->options[o].id, c->id, why);
    if (c->options[o].target != FL_TGT_NONE && !ch.ntg) { /* say how, with what is legal at that turn */
      int32_t l[64];
      int nl = c->options[o].target == FL_TGT_MOVE ? 0 : fl_game_targets(g, o, -1, l, 64);
      char legal[600] = "";
      size_t k = 0;
      for (int i = 0; i < nl && k + 80 < sizeof legal; i++) {
        const char *sep = i ? " " : "; legal then: ";
        if (c->options[o].target == FL_TGT_AREA) k += (size_t)snprintf(legal + k, sizeof legal - k, "%sarea:%s", sep, fl_map_area(d->map, l[i])->id);
        else k += (size_t)snprintf(legal + k, sizeof legal - k, "%spiece:%d", sep, (int)l[i]);
      }
      return failf(err, errn, FL_WHATIF_BAD, "%s: option '%s' of '%s' acts on the map: add --targets \"area:ID ...\" (or piece:N)%s", name,
                   c->options[o].id, c->id, legal);
    }
    const char *bad = fl_game_check(g, &ch);
    if (fl_game_status(g) == FL_GAME_ERROR) return failf(err, errn, FL_WHATIF_SCRIPT, "%s", fl_game_error(g));
    if (bad) return failf(err, errn, FL_WHATIF_BAD, "%s: option '%s' of '%s' at turn %d: %s", name, c->options[o].id, c->id, s->turn, bad);
    int turn = s->turn;
    if (fl_game_choose(g, &ch) == FL_GAME_ERROR) return failf(err, errn, FL_WHATIF_SCRIPT, "%s", fl_game_error(g));
    char mine[64]; /* a scenario has at most 64 sides (fl_Sides) */
    if (!w->policies_after && d->nside <= 64 && human_sides(d, r, mine)) {
      /* the recorded choice the fork replaced is the action the game stood at */
      int from = next < r->nactions && r->actions[next].turn == turn && !strcmp(r->actions[next].card, c->id) ? next + 1 : next;
      if (play_mine(sc, r, from, mine, w->kept) == FL_GAME_ERROR) return failf(err, errn, FL_WHATIF_SCRIPT, "%s", fl_game_error(g));
      return FL_WHATIF_OK;
    }
  }
  if (w->kept) memset(w->kept, 0, sizeof *w->kept);
  if (fl_script_play_on(sc, 0) == FL_GAME_ERROR) return failf(err, errn, FL_WHATIF_SCRIPT, "%s", fl_game_error(g));
  return FL_WHATIF_OK;
}

/* Whether the game stands at the fork point: the turn has come and, for a changed choice,
 * the decision is pending. */
static int at_fork(fl_Game *g, const fl_WhatIf *w, int seen) {
  const fl_State *s = fl_game_state(g);
  if (fl_game_status(g) != FL_GAME_WAITING || s->turn < w->at_turn) return 0;
  if (!w->decision) return 1;
  int c = fl_game_pending(g, NULL); /* the nth time it is pending in that turn (an orders card comes again) */
  return s->turn == w->at_turn && c >= 0 && !strcmp(fl_game_def(g)->cards[c].id, w->decision) && seen >= w->nth;
}

/* What a caller asks of the fork point instead of forking there: the legal targets of
 * w->option (tg, max, *n), or which options are open and why not (open, why, max). */
typedef struct Probe { int32_t *tg; int *n; char *open; char (*why)[160]; int max; } Probe;

static int probe_here(fl_Script *sc, const fl_WhatIf *w, Probe *p, const char *name, char *err, size_t errn) {
  fl_Game *g = fl_script_game(sc);
  const fl_CardDef *c = &fl_script_def(sc)->cards[fl_game_pending(g, NULL)]; /* at_fork: w->decision is pending */
  if (p->open) {
    for (int o = 0; o < c->noptions && o < p->max; o++) {
      p->open[o] = (char)fl_game_available(g, o);
      snprintf(p->why[o], sizeof p->why[o], "%s", p->open[o] ? "" : fl_game_unavailable_reason(g, o));
    }
    return FL_WHATIF_OK;
  }
  int o = fl_def_option(c, w->option ? w->option : "");
  if (o < 0) return failf(err, errn, FL_WHATIF_BAD, "%s: decision '%s' has no option '%s'", name, c->id, w->option ? w->option : "");
  if (!fl_game_available(g, o))
    return failf(err, errn, FL_WHATIF_BAD, "%s: \"%s\" was not open then: %s", name, c->options[o].label, fl_game_unavailable_reason(g, o));
  int k = c->options[o].target == FL_TGT_MOVE ? 0 : fl_game_targets(g, o, -1, p->tg, p->max);
  if (fl_game_status(g) == FL_GAME_ERROR || k < 0) return failf(err, errn, FL_WHATIF_SCRIPT, "%s", fl_game_error(g));
  *p->n = k;
  return FL_WHATIF_OK;
}

static int run(fl_Script *sc, const fl_Replay *r, const char *name, const fl_WhatIf *w, Probe *probe, char *err, size_t errn);

int fl_whatif_run(fl_Script *sc, const fl_Replay *r, const char *name, const fl_WhatIf *w, char *err, size_t errn) {
  return run(sc, r, name, w, NULL, err, errn);
}

int fl_whatif_targets(fl_Script *sc, const fl_Replay *r, const char *name, const fl_WhatIf *w, int32_t *out, int max, int *n,
                      char *err, size_t errn) {
  *n = 0;
  if (!w || w->at_turn <= 0 || !w->decision) return failf(err, errn, FL_WHATIF_BAD, "%s: which decision?", name);
  Probe p = {out, n, NULL, NULL, max};
  return run(sc, r, name, w, &p, err, errn);
}

int fl_whatif_open(fl_Script *sc, const fl_Replay *r, const char *name, const fl_WhatIf *w, char *open, char (*why)[160], int max,
                   char *err, size_t errn) {
  if (!w || w->at_turn <= 0 || !w->decision) return failf(err, errn, FL_WHATIF_BAD, "%s: which decision?", name);
  Probe p = {NULL, NULL, open, why, max};
  return run(sc, r, name, w, &p, err, errn);
}

static int run(fl_Script *sc, const fl_Replay *r, const char *name, const fl_WhatIf *w, Probe *probe, char *err, size_t errn) {
  const fl_Def *d = fl_script_def(sc);
  fl_Game *g = fl_script_game(sc);
  int fork = w && w->at_turn > 0;
  if (fork && w->decision && fl_def_card(d, w->decision) < 0) {
    const char *cands[512];
    int n = 0;
    for (; n < d->ncard && n < 512; n++) cands[n] = d->cards[n].id;
    const char *sg = fl_str_suggest(w->decision, cands, n);
    return failf(err, errn, FL_WHATIF_BAD, "%s: scenario '%s' has no decision '%s'%s%s%s", name, d->id, w->decision,
                 sg ? " (did you mean '" : "", sg ? sg : "", sg ? "'?)" : "");
  }
  int rc = fl_whatif_params(sc, r, name, err, errn);
  if (rc) return rc;
  int st = fl_game_start(g, r->seed), seen = 0; /* times the record took w->decision in w->at_turn so far */
  for (int i = 0; i <= r->nactions; i++) {
    if (fork && at_fork(g, w, seen))
      return probe ? probe_here(sc, w, probe, name, err, errn) : fork_here(sc, r, i, w, name, err, errn);
    if (i == r->nactions) break;
    const fl_ReplayAction *a = &r->actions[i];
    if (fork && w->decision && a->turn == w->at_turn && !strcmp(a->card, w->decision)) seen++;
    if (fork && fl_game_state(g)->turn > w->at_turn) break; /* passed the turn without the decision */
    int side, c = fl_game_pending(g, &side);
    if (st == FL_GAME_ERROR) break;
    if (st != FL_GAME_WAITING || c < 0 || strcmp(d->cards[c].id, a->card) || fl_game_state(g)->turn != a->turn)
      return failf(err, errn, FL_WHATIF_DIFFERS, "%s:%d: replay differs at turn %d: recorded decision '%s', the game %s%s", name,
                   a->line, a->turn, a->card, c >= 0 ? "offers " : "offers no decision", c >= 0 ? d->cards[c].id : "");
    int o = fl_def_option(&d->cards[c], a->option);
    if (o < 0 || !fl_game_available(g, o))
      return failf(err, errn, FL_WHATIF_DIFFERS, "%s:%d: replay differs at turn %d: option '%s' of '%s' is not available", name,
                   a->line, a->turn, a->option, a->card);
    fl_Choice ch;
    char why[200];
    if (fl_replay_choice(d, a, o, &ch, why, sizeof why))
      return failf(err, errn, FL_WHATIF_DIFFERS, "%s:%d: %s (turn %d, decision '%s')", name, a->line, why, a->turn, a->card);
    const char *bad = fl_game_check(g, &ch);
    if (fl_game_status(g) == FL_GAME_ERROR) break;
    if (bad)
      return failf(err, errn, FL_WHATIF_DIFFERS, "%s:%d: replay differs at turn %d: option '%s' of '%s' with targets '%s': %s",
                   name, a->line, a->turn, a->option, a->card, a->targets ? a->targets : "", bad);
    st = fl_game_choose(g, &ch);
  }
  if (fl_game_status(g) == FL_GAME_ERROR) return failf(err, errn, FL_WHATIF_SCRIPT, "%s", fl_game_error(g));
  if (!fork) return FL_WHATIF_OK;
  const fl_State *s = fl_game_state(g);
  if (w->decision) {
    char turns[160];
    turns_of(r, w->decision, turns, sizeof turns);
    if (*turns)
      return failf(err, errn, FL_WHATIF_BAD, "%s: decision '%s' was not taken at turn %d in this game; it was at turn%s %s", name,
                   w->decision, w->at_turn, strchr(turns, ',') ? "s" : "", turns);
    return failf(err, errn, FL_WHATIF_BAD, "%s: decision '%s' was never taken in this game", name, w->decision);
  }
  if (s->ended && r->nactions > 0 && s->turn >= w->at_turn) /* it passed the turn with nothing to decide */
    return failf(err, errn, FL_WHATIF_BAD, "%s: nothing was decided at turn %d or later: the last decision was at turn %d, "
                 "and the game ran on to its end at turn %d (fork at turn %d or earlier)", name, w->at_turn,
                 r->actions[r->nactions - 1].turn, s->turn, r->actions[r->nactions - 1].turn);
  return failf(err, errn, FL_WHATIF_BAD, "%s: the game %s at turn %d, before turn %d", name,
               s->ended ? "ended" : "stops", s->turn, w->at_turn);
}

int fl_whatif_verify(fl_Script *sc, const fl_Replay *r, const char *name, char *err, size_t errn) {
  const fl_Def *d = fl_script_def(sc);
  const fl_State *s = fl_game_state(fl_script_game(sc));
  int changed = d->content_hash != r->content;
  for (int i = 0; i < r->nhashes; i++) {
    int t = r->hashes[i].turn;
    if (t > s->nturnhash || s->turn_hash[t - 1] != r->hashes[i].hash)
      return failf(err, errn, FL_WHATIF_DIFFERS, "%s:%d: verification failed: turn %d differs (recorded %016llx, replayed %s)%s",
                   name, r->hashes[i].line, t, (unsigned long long)r->hashes[i].hash,
                   t > s->nturnhash ? "no such turn" : "another state",
                   changed ? "; the scenario changed since recording"
                   : r->format < 2 ? "; a version 1 log was hashed by an older Flank, so its hashes cannot match: replay it without --verify"
                   : "; the scenario is the one recorded, so the log was altered: a line at or before this turn is not what "
                     "was played (an edit that changes nothing at once shows where the state first departs)");
  }
  if (r->nhashes != s->nturnhash)
    return failf(err, errn, FL_WHATIF_DIFFERS, "%s: verification failed: recorded %d turns, replayed %d", name, r->nhashes, s->nturnhash);
  if (r->ending[0] && (s->ending < 0 || strcmp(d->endings[s->ending].id, r->ending))) {
    const char *said = r->ending; /* by title when the scenario has that ending */
    for (int e = 0; e < d->nending; e++) if (!strcmp(d->endings[e].id, r->ending)) said = d->endings[e].title;
    return failf(err, errn, FL_WHATIF_DIFFERS, "%s: verification failed: the log says the game ended '%s', but its moves lead to "
                 "'%s'%s", name, said, s->ending >= 0 ? d->endings[s->ending].title : "no ending",
                 changed ? "; the scenario changed since recording" : ": its ending line was edited");
  }
  return FL_WHATIF_OK;
}

int fl_whatif_record(fl_Replay *r, const fl_Def *d, const fl_State *s, const char *const *policies) {
  fl_Buf b = {0};
  char err[256];
  fl_replay_write(&b, d, s, s->seed, policies, NULL, NULL);
  int rc = b.oom ? -1 : fl_replay_parse(r, (const char *)b.data, b.len, "game", err, sizeof err);
  fl_buf_free(&b);
  return rc ? -1 : 0;
}
