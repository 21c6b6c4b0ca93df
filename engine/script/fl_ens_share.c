#include "fl_ens_share.h"
#include "fl_str.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SETS 64 /* sets sharing one game; fl_ensemble splits larger groups */

int fl_ens_share_take(fl_Script *sc, fl_EnsPlayers *p) {
  lua_State *L = sc->L;
  memset(p, 0, sizeof *p);
  for (int i = 0; i < sc->def->nside; i++) {
    if (sc->policy_fn[i]) {
      lua_rawgeti(L, LUA_REGISTRYINDEX, sc->policy_fn[i]);
      p->ref[i] = luaL_ref(L, LUA_REGISTRYINDEX);
    }
    if (!(p->name[i] = fl_str_dup(sc->policy_name[i] ? sc->policy_name[i] : "default"))) return -1;
  }
  return 0;
}

void fl_ens_share_drop(fl_Script *sc, fl_EnsPlayers *p) {
  for (int i = 0; i < FL_MAX_SIDES; i++) {
    if (p->ref[i]) luaL_unref(sc->L, LUA_REGISTRYINDEX, p->ref[i]);
    free(p->name[i]);
  }
  memset(p, 0, sizeof *p);
}

/* The pending decision as set p's player for side would make it (the script's own players
 * stay as they were). */
static int choose_as(fl_Script *sc, const fl_EnsPlayers *p, int side, fl_Choice *ch) {
  int ref = sc->policy_fn[side];
  char *name = sc->policy_name[side];
  sc->policy_fn[side] = p->ref[side];
  sc->policy_name[side] = p->name[side];
  int rc = fl_script_choose(sc, ch);
  sc->policy_fn[side] = ref;
  sc->policy_name[side] = name;
  return rc;
}

static int same_choice(const fl_Choice *a, const fl_Choice *b) {
  return a->opt == b->opt && a->ntg == b->ntg && !memcmp(a->tg, b->tg, (size_t)a->ntg * sizeof a->tg[0]);
}

/* A branch still to play: the state before the decision (with its policy's dice as they were
 * after choosing), the choice, and the sets that made it. */
typedef struct Branch { fl_State *st; fl_Choice ch; int set[MAX_SETS], n; } Branch;

typedef struct Run {
  fl_Script *sc;
  const fl_EnsPlayers *pl;
  Branch br[MAX_SETS];
  int nbr;
} Run;

/* Make the pending decision for the sets cur[0..*n): each distinct player chooses from the same
 * state; sets whose choice (or policy dice after it) differ from cur[0]'s go to new branches.
 * Returns the game's status after cur[0]'s choice, or -2: stop sharing. */
static int decide(Run *r, int *cur, int *n) {
  fl_Script *sc = r->sc;
  fl_Game *g = sc->game;
  fl_State *s = fl_game_state(g);
  int side;
  if (fl_game_pending(g, &side) < 0) return -2;
  fl_Rng before = s->prng;
  fl_Choice ch[MAX_SETS];
  fl_Rng after[MAX_SETS];
  int who[MAX_SETS], orig[MAX_SETS], m = *n; /* who[k]: the first set in cur with set k's player for this side */
  memcpy(orig, cur, (size_t)m * sizeof *cur);
  for (int k = 0; k < m; k++) {
    int j = 0;
    while (j < k && strcmp(r->pl[orig[j]].name[side], r->pl[orig[k]].name[side])) j++;
    who[k] = j;
    if (j < k) continue;
    s->prng = before;
    if (choose_as(sc, &r->pl[orig[k]], side, &ch[k])) return -2; /* a failing policy: its own game says how */
    after[k] = s->prng;
  }
  /* group the sets by what they chose: cur keeps orig[0]'s group, the others become branches */
  int group[MAX_SETS];
  for (int k = 0; k < m; k++) {
    int j = who[k], q = 0;
    while (q < k && !(same_choice(&ch[who[q]], &ch[j]) && !memcmp(&after[who[q]], &after[j], sizeof after[j]))) q++;
    group[k] = q < k ? group[q] : k;
  }
  int keep = 0;
  for (int k = 0; k < m; k++)
    if (group[k] == 0) cur[keep++] = orig[k];
  if (keep < m && !fl_reset_pristine(sc->L)) return -2; /* state outside the store would not be copied */
  for (int k = 1; k < m; k++) {
    if (group[k] != k) continue; /* not the first of its group */
    if (r->nbr == MAX_SETS) return -2;
    Branch *b = &r->br[r->nbr];
    b->ch = ch[who[k]];
    s->prng = after[who[k]];
    if (!(b->st = fl_state_clone(s))) return -2;
    r->nbr++;
    b->n = 0;
    for (int q = k; q < m; q++)
      if (group[q] == k) b->set[b->n++] = orig[q];
  }
  *n = keep;
  s->prng = after[0];
  return fl_game_choose(g, &ch[0]);
}

static void record(fl_Script *sc, const int *cur, int n, const size_t *slot_of_set, const fl_EnsOut *out) {
  const fl_State *s = fl_game_state(sc->game);
  for (int k = 0; k < n; k++) {
    size_t i = slot_of_set[cur[k]];
    out->ending[i] = s->ending;
    out->turns[i] = s->turn;
    for (int t = 0; t < out->ntrack; t++) out->val[i * (size_t)out->ntrack + (size_t)t] = s->tracks[t].value;
  }
}

int fl_ens_share_seed(fl_Script *sc, const fl_EnsPlayers *pl, const int *set, const size_t *slot, int n,
                      uint64_t seed, const fl_EnsOut *out) {
  if (n < 1 || n > MAX_SETS || !sc->fast) return -1;
  /* slots by set index, for the branches (which carry set indices) */
  int maxset = 0;
  for (int k = 0; k < n; k++) maxset = set[k] > maxset ? set[k] : maxset;
  size_t *slot_of_set = calloc((size_t)maxset + 1, sizeof *slot_of_set);
  if (!slot_of_set) return -1;
  for (int k = 0; k < n; k++) slot_of_set[set[k]] = slot[k];
  Run r = {sc, pl, {{0}}, 0};
  int cur[MAX_SETS], ncur = n, ok = 1;
  memcpy(cur, set, (size_t)n * sizeof *set);
  fl_sb_fast_game(sc);
  int st = fl_game_start(sc->game, seed);
  for (;;) {
    while (st == FL_GAME_WAITING) st = decide(&r, cur, &ncur);
    if (st != FL_GAME_ENDED || fl_sb_fast_tripped(sc) || !fl_reset_pristine(sc->L)) { ok = 0; break; }
    record(sc, cur, ncur, slot_of_set, out);
    if (!r.nbr) break;
    Branch *b = &r.br[--r.nbr];
    memcpy(cur, b->set, (size_t)b->n * sizeof *cur);
    ncur = b->n;
    int rc = fl_game_set_state(sc->game, b->st);
    fl_state_free(b->st);
    if (rc) { ok = 0; break; }
    st = fl_game_choose(sc->game, &b->ch);
  }
  if (sc->fast_out) fflush(sc->fast_out);
  ok = ok && !sc->fast_len; /* printed: each set's game prints for itself */
  for (int k = 0; k < r.nbr; k++) fl_state_free(r.br[k].st);
  fl_sb_fast_game_end(sc, ok);
  free(slot_of_set);
  return ok ? 0 : -1;
}
