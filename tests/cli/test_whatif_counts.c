/* A what-if's counts of a person's later choices add up, on real games: every recorded choice
 * of theirs after the changed one is kept, no longer possible or never came up, once
 * (fl_WhatIfKept), and the sentences the student reads (cli_whatif_kept, the window's
 * cli_whatif_kept_short) show counts that add up to the total they name. A game of the
 * flagship (eastern_flank) and of the small fixture (tests/script/teach) are played by a
 * policy, recorded as a person's, and forked at each of that person's decisions with each
 * other option that takes no targets. (A cold student read "kept 29 of 51 (never came up: 21);
 * the computer made 13": the one no longer possible was not named, and 29 + 21 is 50.) */
#include "../check.h"
#include "fl_cli.h"
#include "fl_replay.h"
#include "fl_script.h"
#include "fl_whatif.h"
#include <stdlib.h>
#include <string.h>

/* The numbers in s, in order; returns how many. */
static int numbers(const char *s, int *v, int max) {
  int n = 0;
  for (const char *p = s; *p && n < max;) {
    if (*p >= '0' && *p <= '9') {
      char *end;
      v[n++] = (int)strtol(p, &end, 10);
      p = end;
    } else p++;
  }
  return n;
}

/* The sentences say the total first (or "K of N" when all were kept), then the counts that add
 * up to it, then (apart) the computer's choices in decisions the game as played never had. */
static int text_adds_up(const fl_WhatIfKept *k, int shortform) {
  char b[1024];
  int v[16], all = k->kept + k->lapsed + k->unreached;
  if (shortform) cli_whatif_kept_short(b, sizeof b, k); else cli_whatif_kept(b, sizeof b, k);
  int n = numbers(b, v, 16), fresh = k->fresh ? 1 : 0;
  if (k->fresh && (n < 1 || v[n - 1] != k->fresh)) return 0;
  n -= fresh;
  if (!all) return n == 0;
  if (all == k->kept) return n == 2 && v[0] == all && v[1] == all;
  int sum = 0;
  for (int i = 1; i < n; i++) sum += v[i];
  return n >= 2 && v[0] == all && sum == all && v[1] == k->kept;
}

typedef struct Tally { int forks, lapsed, unreached, fresh, mixed; } Tally;

/* Play `where` by `policy` for side `person` (the rest by default), record it as a person's,
 * and fork it at each of their decisions (at most maxd of them) with every other open option. */
static void fork_all(const char *where, const char *person, const char *policy, const char *set, uint64_t seed, int maxd, Tally *t) {
  char err[2048];
  fl_Script *sc = fl_script_load(where, FLANK_SOURCE_DIR "/scenarios", NULL, err, sizeof err);
  CHECK(sc != NULL);
  if (!sc) { fprintf(stderr, "%s\n", err); return; }
  const fl_Def *d = fl_script_def(sc);
  int hs = fl_def_side(d, person);
  CHECK(hs >= 0);
  if (set) CHECK(fl_script_set_param(sc, set, err, sizeof err) == 0);
  if (policy) CHECK(fl_script_set_policy(sc, hs, policy, err, sizeof err) == 0);
  CHECK(fl_script_play(sc, seed, 0) != FL_GAME_ERROR);
  const char *pol[64];
  for (int i = 0; i < d->nside && i < 64; i++) pol[i] = i == hs ? NULL : fl_script_policy(sc, i);
  fl_Replay r;
  CHECK(fl_whatif_record(&r, d, fl_game_state(fl_script_game(sc)), pol) == 0);
  int *mine = calloc((size_t)r.nactions + 1, sizeof *mine), done = 0;
  for (int i = 0; i < r.nactions; i++) {
    int c = fl_def_card(d, r.actions[i].card);
    mine[i] = c >= 0 && d->cards[c].side == hs;
  }
  for (int i = 0; i < r.nactions && done < maxd; i++) {
    if (!mine[i]) continue;
    done++;
    const fl_ReplayAction *a = &r.actions[i];
    const fl_CardDef *c = &d->cards[fl_def_card(d, a->card)];
    int after = 0, nth = 0;
    for (int j = i + 1; j < r.nactions; j++) after += mine[j];
    for (int j = 0; j < i; j++) nth += r.actions[j].turn == a->turn && !strcmp(r.actions[j].card, a->card);
    for (int o = 0; o < c->noptions; o++) {
      if (!strcmp(c->options[o].id, a->option) || c->options[o].target != FL_TGT_NONE) continue;
      fl_WhatIfKept k;
      memset(&k, 0, sizeof k);
      fl_WhatIf w = {a->turn, c->id, c->options[o].id, NULL, NULL, NULL, 0, 0, &k, nth};
      fl_whatif_policies(sc, &r);
      int rc = fl_whatif_run(sc, &r, "game", &w, err, sizeof err);
      if (rc == FL_WHATIF_BAD) continue; /* not open then */
      CHECK(rc == FL_WHATIF_OK);
      if (rc) { fprintf(stderr, "%s\n", err); continue; }
      t->forks++;
      t->lapsed += k.lapsed > 0;
      t->unreached += k.unreached > 0;
      t->fresh += k.fresh > 0;
      t->mixed += k.kept && (k.lapsed || k.unreached);
      if (k.kept + k.lapsed + k.unreached != after)
        fprintf(stderr, "%s, turn %d, %s=%s: kept %d + no longer possible %d + never came up %d != %d recorded after it\n", where,
                a->turn, c->id, c->options[o].id, k.kept, k.lapsed, k.unreached, after);
      CHECK(k.kept + k.lapsed + k.unreached == after);
      CHECK(k.kept >= 0 && k.lapsed >= 0 && k.unreached >= 0 && k.fresh >= 0);
      CHECK(k.nmade == (k.lapsed + k.fresh < 32 ? k.lapsed + k.fresh : 32)); /* the computer's choices, listed */
      CHECK(text_adds_up(&k, 0));
      CHECK(text_adds_up(&k, 1));
    }
  }
  free(mine);
  fl_replay_free(&r);
  fl_script_free(sc);
}

int main(void) {
  char b[1024];
  /* the student's game: 29 kept, 1 no longer possible, 21 never came up (51), and 12 new */
  fl_WhatIfKept k = {29, 1, 12, 21, {0}, 0};
  cli_whatif_kept(b, sizeof b, &k);
  CHECK_STR(b, "Your later choices, after the one you changed: 51. Made again: 29; no longer possible, so the computer chose "
               "instead: 1; never came up in the what-if: 21. Decisions your game never had, which the computer made for your "
               "side: 12.");
  cli_whatif_kept_short(b, sizeof b, &k);
  CHECK_STR(b, "Your later choices: 51. Kept: 29, no longer possible: 1, never came up: 21. New decisions, by the computer: 12.");
  fl_WhatIfKept some = {27, 0, 2, 9, {0}, 0}; /* a count of none is left out of the card's few words */
  cli_whatif_kept_short(b, sizeof b, &some);
  CHECK_STR(b, "Your later choices: 36. Kept: 27, never came up: 9. New decisions, by the computer: 2.");
  fl_WhatIfKept all = {4, 0, 0, 0, {0}, 0};
  cli_whatif_kept(b, sizeof b, &all);
  CHECK_STR(b, "Your later choices made again: 4 of 4.");
  fl_WhatIfKept last = {0, 0, 3, 0, {0}, 0}; /* the changed choice was the last: only the computer's */
  cli_whatif_kept(b, sizeof b, &last);
  CHECK_STR(b, "Decisions your game never had, which the computer made for your side: 3.");

  Tally t = {0};
  /* the fixture: fields mined early hurt more people, and the game ends sooner */
  fork_all(FLANK_SOURCE_DIR "/tests/script/teach", "mayor", "careful", "harm_rate=10", 5, 100, &t);
  CHECK(t.forks >= 8 && t.unreached > 0);
  printf("teach: %d forks, %d with a choice that never came up\n", t.forks, t.unreached);
  Tally f = {0};
  /* the flagship: its crises and war come and go with the council's choices */
  fork_all("eastern_flank", "council", NULL, NULL, 1, 40, &f);
  fork_all("eastern_flank", "council", NULL, NULL, 3, 40, &f);
  printf("eastern_flank: %d forks; with a choice no longer possible %d, never came up %d, new decisions %d, kept and not %d\n",
         f.forks, f.lapsed, f.unreached, f.fresh, f.mixed);
  CHECK(f.forks >= 40 && f.lapsed > 0 && f.unreached > 0 && f.fresh > 0 && f.mixed > 0);
  return check_done("test_whatif_counts");
}
