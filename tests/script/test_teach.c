#define _POSIX_C_SOURCE 200809L
/* The teaching tools in the engine: parameters (load, --set, locks, saves, logs),
 * citations, what-if forks (fl_whatif) and ensembles (fl_ensemble), on the fixture
 * tests/script/teach and the flagship. */
#include "../check.h"
#include <dirent.h>
#include "fl_cite.h"
#include "fl_ensemble.h"
#include "fl_save.h"
#include "fl_whatif.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ROOT FLANK_SOURCE_DIR "/scenarios"
#define TEACH FLANK_SOURCE_DIR "/tests/script/teach"

static char err[2048];

static fl_Script *load(const char *where, const fl_ScriptOpts *o) {
  fl_Script *sc = fl_script_load(where, ROOT, o, err, sizeof err);
  if (!sc) fprintf(stderr, "%s\n", err);
  return sc;
}

/* Play with every side's policy set to `policy` where the scenario has it. */
static int play(fl_Script *sc, uint64_t seed, const char *policy) {
  for (int i = 0; i < fl_script_def(sc)->nside; i++) fl_script_set_policy(sc, i, policy, err, sizeof err);
  return fl_script_play(sc, seed, 0);
}

static void test_params(void) {
  fl_Script *sc = load(TEACH, NULL);
  CHECK(sc != NULL);
  if (!sc) return;
  const fl_Def *d = fl_script_def(sc);
  CHECK(d->nparam == 2 && !strcmp(d->params[0].id, "harm_rate") && d->params[0].dflt == 2 && d->params[0].max == 10);
  CHECK_STR(d->params[1].assumption, "a stand-in for a parameter that does not matter");
  CHECK(d->nquestion == 3 && d->questions[0].ending == -1 && d->questions[1].ending == fl_def_ending(d, "ruin"));
  CHECK(fl_script_set_param(sc, "harm_rate=11", err, sizeof err) == -1 && strstr(err, "outside"));
  CHECK(fl_script_set_param(sc, "harm_rat=1", err, sizeof err) == -1 && strstr(err, "did you mean 'harm_rate'"));
  CHECK(fl_script_set_param(sc, "harm_rate", err, sizeof err) == -1 && strstr(err, "ID=VALUE"));
  CHECK(fl_script_set_param(sc, "harm_rate=5", err, sizeof err) == 0);
  CHECK(play(sc, 3, "reckless") == FL_GAME_ENDED);
  fl_State *s = fl_game_state(fl_script_game(sc));
  CHECK(s->params[0] == 5 && s->seed == 3);

  /* a save keeps the seed and the parameters (format 3) */
  char path[] = "/tmp/flank_teach_XXXXXX";
  int fd = mkstemp(path);
  if (fd >= 0) close(fd);
  CHECK(fl_save_game(path, d, s, err, sizeof err) == 0);
  fl_State *back = fl_state_new(d);
  CHECK(fl_save_load(path, d, back, err, sizeof err) == 0);
  CHECK(back->params[0] == 5 && back->params[1] == 1 && back->seed == 3);
  CHECK(fl_state_hash(back) == fl_state_hash(s));

  /* the same game under another value is another game: another hash */
  uint64_t h5 = fl_state_hash(s);
  fl_script_set_param(sc, "harm_rate=4", err, sizeof err);
  play(sc, 3, "reckless");
  CHECK(fl_state_hash(fl_game_state(fl_script_game(sc))) != h5);

  /* a save's record replays to the same state: how flank class verifies saves */
  fl_Replay r;
  CHECK(fl_whatif_record(&r, d, back, NULL) == 0);
  CHECK(r.nparams == 2 && r.params[0].value == 5 && r.seed == 3);
  CHECK(fl_whatif_run(sc, &r, "save", NULL, err, sizeof err) == FL_WHATIF_OK);
  CHECK(fl_state_hash(fl_game_state(fl_script_game(sc))) == fl_state_hash(back));
  CHECK(fl_whatif_verify(sc, &r, "save", err, sizeof err) == FL_WHATIF_OK);
  /* a tampered value is found */
  r.params[0].value = 6;
  CHECK(fl_whatif_run(sc, &r, "save", NULL, err, sizeof err) == FL_WHATIF_OK);
  CHECK(fl_whatif_verify(sc, &r, "save", err, sizeof err) == FL_WHATIF_DIFFERS && strstr(err, "differs"));
  r.params[0].value = 99;
  CHECK(fl_whatif_run(sc, &r, "save", NULL, err, sizeof err) == FL_WHATIF_DIFFERS && strstr(err, "outside"));
  fl_replay_free(&r);
  fl_state_free(back);
  unlink(path);
  fl_script_free(sc);

  /* --set at load, and the class settings file with its lock */
  const char *set[] = {"paint=3"};
  fl_ScriptOpts o = {0};
  o.set = set;
  o.nset = 1;
  sc = load(TEACH, &o);
  CHECK(sc && fl_game_param(fl_script_game(sc), 1) == 3);
  fl_script_free(sc);
  char dir[] = "/tmp/flank_class_XXXXXX", cmd[512];
  if (mkdtemp(dir)) {
    snprintf(cmd, sizeof cmd, "cp %s/scenario.lua %s/ && printf '# class 7B\\nharm_rate = 4\\nlock harm_rate\\n' > %s/class.txt", TEACH, dir, dir);
    CHECK(system(cmd) == 0);
    sc = load(dir, NULL);
    CHECK(sc && fl_script_def(sc)->params[0].value == 4 && fl_script_def(sc)->params[0].locked && !fl_script_def(sc)->params[1].locked);
    if (sc) {
      CHECK(fl_script_set_param(sc, "harm_rate=1", err, sizeof err) == -1 && strstr(err, "locked"));
      CHECK(fl_script_set_param(sc, "paint=2", err, sizeof err) == 0);
      play(sc, 1, "default");
      CHECK(fl_game_state(fl_script_game(sc))->params[0] == 4);
    }
    fl_script_free(sc);
    fl_ScriptOpts tests = {0};
    tests.no_class = 1; /* flank test checks the model as written */
    sc = load(dir, &tests);
    CHECK(sc && fl_script_def(sc)->params[0].value == 2 && !fl_script_def(sc)->params[0].locked);
    fl_script_free(sc);
    snprintf(cmd, sizeof cmd, "printf 'harm_rate = 40\\n' > %s/class.txt", dir);
    CHECK(system(cmd) == 0);
    CHECK(fl_script_load(dir, ROOT, NULL, err, sizeof err) == NULL && strstr(err, "class.txt:1:") && strstr(err, "outside"));
    snprintf(cmd, sizeof cmd, "printf 'lock\\nhram_rate = 1\\n' > %s/class.txt", dir);
    CHECK(system(cmd) == 0);
    CHECK(fl_script_load(dir, ROOT, NULL, err, sizeof err) == NULL && strstr(err, "class.txt:2:") && strstr(err, "did you mean 'harm_rate'"));
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK(system(cmd) == 0);
  }
}

static void test_cite(void) {
  fl_Script *sc = load(TEACH, NULL);
  if (!sc) return;
  const fl_Def *d = fl_script_def(sc);
  char buf[512];
  CHECK_STR(fl_cite_short(&d->sources[fl_def_source(d, "survey")], buf, sizeof buf), "Doe & Roe 2020");
  CHECK_STR(fl_cite_short(&d->sources[fl_def_source(d, "almanac")], buf, sizeof buf), "Village Almanac 1999");
  CHECK_STR(fl_cite_entry(&d->sources[fl_def_source(d, "survey")], 1, buf, sizeof buf),
            "Doe, Jane; Roe, Richard (2020). *Harm from fields left unmarked*. Field Studies Press. <https://example.org/survey> Table 2: harm per field [H].");
  fl_Cited c;
  CHECK(fl_cite_resolve(d, "Mines hurt [@survey; @almanac, p. 3], see [@nobody] and [@ not one] or [x].", &c) == 0);
  CHECK_STR(c.text, "Mines hurt (Doe & Roe 2020; Village Almanac 1999, p. 3), see [@nobody] and [@ not one] or [x].");
  CHECK(c.ncite == 1 && c.unknown == 1 && c.cites[0].nsrc == 2 && c.cites[0].start == 11);
  CHECK(c.cites[0].len == strlen("(Doe & Roe 2020; Village Almanac 1999, p. 3)"));
  fl_cited_free(&c);
  int order[8];
  fl_cite_order(d, order);
  CHECK(!strcmp(d->sources[order[0]].id, "survey") && !strcmp(d->sources[order[1]].id, "unused_one"));
  fl_script_free(sc);
}

/* Marks of evidence strength: the scenario's evidence{} legend, in the order written; the
 * marks a text carries; the legend of all of them or of those one text uses. */
static void test_evidence(void) {
  fl_Script *sc = load(TEACH, NULL);
  if (!sc) return;
  const fl_Def *d = fl_script_def(sc);
  CHECK(d->nevidence == 2 && !strcmp(d->evidence[0].mark, "H") && !strcmp(d->evidence[1].text, "remembered, not counted"));
  size_t len;
  const char *t = "Found [@survey] [x] [H]/[M2], not [ABCD] nor [] [L";
  const char *m = fl_cite_mark(t, &len);
  CHECK(m && m == strstr(t, "H]") && len == 1);
  m = fl_cite_mark(m + len, &len);
  CHECK(m && !strncmp(m, "M2]", 3) && len == 2);
  CHECK(fl_cite_mark(m + len, &len) == NULL && fl_cite_mark(NULL, &len) == NULL);
  char buf[512];
  CHECK(fl_cite_legend(d, NULL, buf, sizeof buf) == 2);
  CHECK_STR(buf, "[H] counted in a survey; [L] remembered, not counted");
  CHECK(fl_cite_legend(d, d->sources[fl_def_source(d, "almanac")].text, buf, sizeof buf) == 1);
  CHECK_STR(buf, "[L] remembered, not counted");
  CHECK(fl_cite_legend(d, "no marks here", buf, sizeof buf) == 0 && buf[0] == '\0');
  fl_script_free(sc);
  /* the flagship's legend: what its notes' [H], [M], [L] mean */
  sc = load("eastern_flank", NULL);
  if (!sc) return;
  d = fl_script_def(sc);
  CHECK(d->nevidence == 3 && !strcmp(d->evidence[0].mark, "H") && !strcmp(d->evidence[1].mark, "M") && !strcmp(d->evidence[2].mark, "L"));
  fl_script_free(sc);
}

/* The fork at turn T keeps the history before T and differs after it. */
static void test_fork(void) {
  fl_Script *sc = load("eastern_flank", NULL);
  if (!sc) return;
  const fl_Def *d = fl_script_def(sc);
  CHECK(play(sc, 3, "default") == FL_GAME_ENDED);
  fl_Replay r;
  const char *pol[64];
  for (int i = 0; i < d->nside; i++) pol[i] = fl_script_policy(sc, i);
  CHECK(fl_whatif_record(&r, d, fl_game_state(fl_script_game(sc)), pol) == 0);
  fl_State *orig = fl_state_clone(fl_game_state(fl_script_game(sc)));
  int T = 0;
  const char *opt = NULL;
  /* the first time after turn 3 the council orders mine production; the fork produces none
   * instead ("none" is always open; buying something may not be, when the budget binds) */
  for (int i = 0; i < r.nactions && !T; i++)
    if (!strcmp(r.actions[i].card, "production") && r.actions[i].turn > 3 && strcmp(r.actions[i].option, "none")) {
      T = r.actions[i].turn;
      opt = "none";
    }
  CHECK(T > 0);
  fl_WhatIf w = {T, "production", opt, NULL, NULL, NULL, 0, 0, NULL, 0};
  fl_whatif_policies(sc, &r);
  CHECK(fl_whatif_run(sc, &r, "log", &w, err, sizeof err) == FL_WHATIF_OK);
  const fl_State *f = fl_game_state(fl_script_game(sc));
  int same_before = 1, differs_after = 0;
  for (int t = 0; t < T - 1 && t < f->nturnhash; t++) same_before &= f->turn_hash[t] == orig->turn_hash[t];
  for (int t = T - 1; t < f->nturnhash && t < orig->nturnhash; t++) differs_after |= f->turn_hash[t] != orig->turn_hash[t];
  CHECK(same_before && differs_after && f->ended);
  /* the same fork twice: the same game */
  uint64_t h = fl_state_hash(f);
  CHECK(fl_whatif_run(sc, &r, "log", &w, err, sizeof err) == FL_WHATIF_OK && fl_state_hash(fl_game_state(fl_script_game(sc))) == h);
  /* wrong forks say why */
  fl_WhatIf bad = {T, "production", "nonsense", NULL, NULL, NULL, 0, 0, NULL, 0};
  CHECK(fl_whatif_run(sc, &r, "log", &bad, err, sizeof err) == FL_WHATIF_BAD && strstr(err, "no option 'nonsense'"));
  fl_WhatIf early = {1, "rejoin", "stay_out", NULL, NULL, NULL, 0, 0, NULL, 0};
  CHECK(fl_whatif_run(sc, &r, "log", &early, err, sizeof err) == FL_WHATIF_BAD && strstr(err, "not taken at turn 1"));
  fl_state_free(orig);
  fl_replay_free(&r);
  fl_script_free(sc);
}

/* After another option, the choices a person made later are made again where they still can
 * be: the fork differs from the game by that one choice and what it caused, not by a computer
 * playing the rest of the person's side. */
static void test_fork_keeps_mine(void) {
  fl_Script *sc = load("eastern_flank", NULL);
  if (!sc) return;
  const fl_Def *d = fl_script_def(sc);
  CHECK(play(sc, 5, "marked_fields") == FL_GAME_ENDED);
  int council = fl_def_side(d, "council");
  const char *pol[64];
  for (int i = 0; i < d->nside; i++) pol[i] = i == council ? NULL : fl_script_policy(sc, i); /* council: a person */
  fl_Replay r;
  CHECK(fl_whatif_record(&r, d, fl_game_state(fl_script_game(sc)), pol) == 0);
  uint64_t played = fl_state_hash(fl_game_state(fl_script_game(sc)));
  int at = -1, later = 0; /* the first decision, and the council's recorded choices after it */
  for (int i = 0; i < r.nactions; i++) {
    if (at < 0 && !strcmp(r.actions[i].card, "statement")) { at = i; continue; }
    int c = fl_def_card(d, r.actions[i].card);
    if (at >= 0 && c >= 0 && d->cards[c].side == council) later++;
  }
  CHECK(at >= 0 && later > 20);
  if (at < 0) { fl_replay_free(&r); fl_script_free(sc); return; }
  /* the same option as played: every later choice is made again, and it is the same game */
  fl_WhatIfKept k = {-1, -1, -1, -1, {0}, -1};
  fl_WhatIf same = {r.actions[at].turn, "statement", r.actions[at].option, NULL, NULL, NULL, 0, 0, &k, 0};
  fl_whatif_policies(sc, &r);
  CHECK(fl_whatif_run(sc, &r, "log", &same, err, sizeof err) == FL_WHATIF_OK);
  CHECK(k.kept == later && k.lapsed == 0 && k.fresh == 0 && k.unreached == 0 && k.nmade == 0);
  CHECK(fl_state_hash(fl_game_state(fl_script_game(sc))) == played);
  /* the policies playing on instead (the council's default, as for a person's side in a fresh
   * script) make other choices: not the same game */
  CHECK(fl_script_set_policy(sc, council, "default", err, sizeof err) == 0);
  same.policies_after = 1;
  CHECK(fl_whatif_run(sc, &r, "log", &same, err, sizeof err) == FL_WHATIF_OK);
  CHECK(k.kept == 0 && fl_state_hash(fl_game_state(fl_script_game(sc))) != played);
  /* staying in the treaty instead: no fields to order, so those choices never come up; every
   * recorded choice is accounted for */
  fl_WhatIf stay = {r.actions[at].turn, "statement", "reaffirm", NULL, NULL, NULL, 0, 0, &k, 0};
  CHECK(strcmp(r.actions[at].option, "reaffirm") != 0);
  CHECK(fl_whatif_run(sc, &r, "log", &stay, err, sizeof err) == FL_WHATIF_OK);
  CHECK(k.kept > 0 && k.unreached > 0 && k.kept + k.lapsed + k.unreached == later);
  /* the decisions the computer made for the council are listed: actions of the council's side */
  CHECK(k.nmade == (k.lapsed + k.fresh < 32 ? k.lapsed + k.fresh : 32));
  for (int i = 0; i < k.nmade; i++) {
    const fl_LogEntry *e = &fl_game_state(fl_script_game(sc))->log[k.made[i]];
    CHECK(e->kind == FL_LOG_ACTION && e->c == council);
  }
  /* an orders card comes again in its turn: a fork at its second time keeps the first (the
   * same option there again is the same game; at its first time it is another game) */
  int second = -1, first = -1;
  for (int i = 0; i < r.nactions && second < 0; i++)
    if (!strcmp(r.actions[i].card, "fields")) {
      if (first >= 0 && r.actions[first].turn == r.actions[i].turn) second = i;
      else first = i;
    }
  CHECK(second > 0);
  if (first >= 0) { /* what was open at the fields card then: belts, not AP mines (still parties) */
    char open[32], why[32][160];
    const fl_CardDef *fc = &d->cards[fl_def_card(d, "fields")];
    fl_WhatIf then = {r.actions[first].turn, "fields", NULL, NULL, NULL, NULL, 0, 0, NULL, 0};
    CHECK(fl_whatif_open(sc, &r, "log", &then, open, why, 32, err, sizeof err) == FL_WHATIF_OK);
    int at_o = fl_def_option(fc, "at"), mk = fl_def_option(fc, "marked");
    CHECK(at_o >= 0 && mk >= 0 && open[at_o] && !open[mk] && strstr(why[mk], "Ottawa") && !why[at_o][0]);
  }
  if (second > 0) {
    const fl_ReplayAction *a = &r.actions[second];
    fl_WhatIf again = {a->turn, "fields", a->option, a->targets, NULL, NULL, 0, 0, &k, 1};
    CHECK(fl_whatif_run(sc, &r, "log", &again, err, sizeof err) == FL_WHATIF_OK);
    CHECK(fl_state_hash(fl_game_state(fl_script_game(sc))) == played);
    again.nth = 0;
    CHECK(fl_whatif_run(sc, &r, "log", &again, err, sizeof err) == FL_WHATIF_OK);
    CHECK(fl_state_hash(fl_game_state(fl_script_game(sc))) != played);
  }
  fl_replay_free(&r);
  fl_script_free(sc);
}

static void count_progress(void *ud, size_t done, size_t total) { (void)done; (void)total; (*(int *)ud)++; }

/* Cancels the running ensemble at the first progress report with games done. */
static fl_Ensemble *running;
static void cancel_progress(void *ud, size_t done, size_t total) { (void)ud; (void)total; if (done) fl_ensemble_cancel(running); }

/* Identical results for one and two threads; standings; cancel. */
static void test_ensemble(void) {
  fl_Script *sc = load(TEACH, NULL);
  if (!sc) return;
  fl_PolicySet *sets;
  int nset = fl_ensemble_default_sets(sc, 0, &sets);
  CHECK(nset == 3 && !strcmp(sets[1].name, "careful"));
  int calls = 0;
  fl_EnsembleSpec spec = {TEACH, ROOT, NULL, NULL, sets, nset, 1, 200, 1, count_progress, &calls, 0, 0, 0};
  fl_Ensemble *one = fl_ensemble_new(&spec, err, sizeof err);
  CHECK(one && fl_ensemble_run(one, err, sizeof err) == 0 && calls > 0);
  spec.threads = 2;
  spec.exact = 1; /* counted and on two threads: the same games as fast mode on one */
  spec.script0 = sc;
  fl_Ensemble *two = fl_ensemble_new(&spec, err, sizeof err);
  CHECK(two && fl_ensemble_run(two, err, sizeof err) == 0);
  if (one && two) {
    CHECK(one->n == 600 && two->n == 600 && one->ntrack == 3);
    CHECK(!memcmp(one->val, two->val, one->n * (size_t)one->ntrack * sizeof *one->val));
    CHECK(!memcmp(one->ending, two->ending, one->n * sizeof *one->ending));
    CHECK(!memcmp(one->turns, two->turns, one->n * sizeof *one->turns));
    /* careful games hurt nobody; reckless ones hurt many */
    fl_Standing st = fl_ensemble_standing(one, 1, 1, 0);
    CHECK(st.n == 200 && st.equal == 200);
    st = fl_ensemble_standing(one, 2, 1, 0);
    CHECK(st.above == 200);
    char buf[256];
    const fl_Def *d = fl_script_def(sc);
    fl_ensemble_phrase(one, d, NULL, 2, 1, 0, buf, sizeof buf);
    CHECK_STR(buf, "People hurt: better than in all 200 games played with the policy \u201creckless\u201d (lower is better).");
    fl_ensemble_phrase(one, d, NULL, 1, 1, 0, buf, sizeof buf);
    CHECK_STR(buf, "People hurt: the same as in all 200 games played with the policy \u201ccareful\u201d.");
    const char *const names[] = {"The default", "Fence every field", "Reckless"}; /* what people read, not ids */
    fl_ensemble_phrase(one, d, names, 1, 1, 0, buf, sizeof buf);
    CHECK(strstr(buf, "with the policy \u201c" "Fence every field\u201d.") != NULL);
    fl_ensemble_phrase(one, d, NULL, -1, 1, 0, buf, sizeof buf); /* every policy's games */
    CHECK(strstr(buf, "of the 600 games played with the 3 policies together") != NULL);
    /* a few games either way: a share a reader trusts (0.2%, 99.6%), never 0% or 100%;
     * the same games with none the same: that part is left out, not "the same as in 0%" */
    fl_Ensemble few = *one;
    double v[500];
    for (int i = 0; i < 500; i++) v[i] = i == 0 ? 0 : i == 1 ? 20 : 10;
    few.val = v; few.ntrack = 1; few.nset = 1; few.runs = 500; few.n = 500;
    fl_ensemble_phrase(&few, d, names, 0, 0, 10, buf, sizeof buf);
    CHECK_STR(buf, "Harvest: better than in 0.2% of the 500 games played with the policy \u201cThe default\u201d, the same as in 99.6%, "
                   "worse than in 0.2% (higher is better).");
    fl_ensemble_phrase(&few, d, names, 0, 0, 15, buf, sizeof buf);
    CHECK_STR(buf, "Harvest: better than in 99.8% of the 500 games played with the policy \u201cThe default\u201d, worse than in 0.2% (higher is better).");
    few.runs = few.n = 200; /* one game of 200 is 0.5%: said so, not rounded to 0% */
    fl_ensemble_phrase(&few, d, names, 0, 0, 10, buf, sizeof buf);
    CHECK_STR(buf, "Harvest: better than in 0.5% of the 200 games played with the policy \u201cThe default\u201d, the same as in 99%, "
                   "worse than in 0.5% (higher is better).");
  }
  fl_ensemble_free(one);
  fl_ensemble_free(two);
  /* cancelled before it starts: nothing is played, and it says so */
  spec.runs = 100000;
  fl_Ensemble *c = fl_ensemble_new(&spec, err, sizeof err);
  fl_ensemble_cancel(c);
  CHECK(fl_ensemble_run(c, err, sizeof err) == 1 && fl_ensemble_done(c) < c->n);
  fl_ensemble_free(c);
  /* cancelled while it runs (from the progress callback, as a window's Cancel would) */
  spec.script0 = NULL;
  spec.progress = cancel_progress;
  c = running = fl_ensemble_new(&spec, err, sizeof err);
  CHECK(c && fl_ensemble_run(c, err, sizeof err) == 1 && fl_ensemble_done(c) > 0 && fl_ensemble_done(c) < c->n);
  fl_ensemble_free(c);
  fl_test_free_sets(sets, nset);
  fl_script_free(sc);
}

/* Two runs of the same games: equal, value for value. */
static int same_results(const fl_Ensemble *a, const fl_Ensemble *b) {
  return a->n == b->n && a->ntrack == b->ntrack && !memcmp(a->val, b->val, a->n * (size_t)a->ntrack * sizeof *a->val) &&
         !memcmp(a->ending, b->ending, a->n * sizeof *a->ending) && !memcmp(a->turns, b->turns, a->n * sizeof *a->turns);
}

static fl_Ensemble *run_ensemble(fl_EnsembleSpec *spec) {
  fl_Ensemble *e = fl_ensemble_new(spec, err, sizeof err);
  CHECK(e && fl_ensemble_run(e, err, sizeof err) == 0);
  return e;
}

/* A debrief opened again reads its games from the disk cache: the same results; another
 * seed base is other games; a damaged file is played again; FLANK_NO_CACHE turns it off. */
static void test_ensemble_cache(void) {
  char dir[] = "/tmp/flank_cache_XXXXXX", path[256];
  if (!mkdtemp(dir)) { CHECK(0); return; }
  setenv("XDG_CACHE_HOME", dir, 1);
  fl_Script *sc = load(TEACH, NULL);
  if (!sc) return;
  fl_PolicySet *sets;
  int nset = fl_ensemble_default_sets(sc, 0, &sets);
  fl_EnsembleSpec spec = {TEACH, ROOT, NULL, NULL, sets, nset, 1, 100, 2, NULL, NULL, 0, 1, 0};
  fl_Ensemble *played = run_ensemble(&spec), *again = run_ensemble(&spec);
  if (played && again) {
    CHECK(!fl_ensemble_cached(played) && fl_ensemble_cached(again));
    CHECK(same_results(played, again) && fl_ensemble_done(again) == again->n);
  }
  spec.seed_base = 2; /* other seeds: other games, not the cached ones */
  fl_Ensemble *other = run_ensemble(&spec);
  CHECK(other && !fl_ensemble_cached(other));
  spec.seed_base = 1;
  /* damage every cached file: the games are played again, with the same results */
  snprintf(path, sizeof path, "%s/flank/ensembles", dir);
  DIR *d = opendir(path);
  int files = 0;
  for (struct dirent *de; d && (de = readdir(d));) {
    if (de->d_name[0] == '.') continue;
    char f[600];
    snprintf(f, sizeof f, "%s/%s", path, de->d_name);
    FILE *fp = fopen(f, "r+b");
    if (fp) { fseek(fp, 64, SEEK_SET); fputc('x', fp); fclose(fp); files++; }
  }
  if (d) closedir(d);
  CHECK(files == 2);
  fl_Ensemble *repaired = run_ensemble(&spec);
  CHECK(repaired && !fl_ensemble_cached(repaired) && played && same_results(played, repaired));
  setenv("FLANK_NO_CACHE", "1", 1);
  fl_Ensemble *off = run_ensemble(&spec);
  CHECK(off && !fl_ensemble_cached(off));
  unsetenv("FLANK_NO_CACHE");
  fl_ensemble_free(played); fl_ensemble_free(again); fl_ensemble_free(other); fl_ensemble_free(repaired); fl_ensemble_free(off);
  fl_test_free_sets(sets, nset);
  fl_script_free(sc);
  char cmd[300];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  CHECK(system(cmd) == 0);
  unsetenv("XDG_CACHE_HOME");
}

int main(void) {
  test_params();
  test_cite();
  test_evidence();
  test_fork();
  test_fork_keeps_mine();
  test_ensemble();
  test_ensemble_cache();
  return check_done("test_teach");
}
