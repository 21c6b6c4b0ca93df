/* fl_game + fl_state + fl_save: the rules machinery driven by C hooks (no Lua),
 * state round trips, clones, and saves that survive corruption. */
#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE
#include "../check.h"
#include "fl_game.h"
#include "fl_save.h"
#include "fl_str.h"
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <signal.h>
#include <unistd.h>

/* A two-side game: each turn "north" decides a card with a cheap and a costly
 * option; the costly one takes effect after 2 turns. An event fires on turn 2. */
enum { FN_EFFECT_BOOST = 1, FN_EFFECT_EVENT, FN_WHEN_LOW, FN_FAIL };

static int calls[8];

static int hook(void *ud, fl_Game *g, int fn, int kind, double *num, char **text) {
  (void)ud; (void)text;
  fl_State *s = fl_game_state(g);
  const fl_Def *d = fl_game_def(g);
  calls[fn]++;
  switch (fn) {
  case FN_EFFECT_BOOST: fl_state_set_track(s, d, 0, s->tracks[0].value + 10); return 0;
  case FN_EFFECT_EVENT: fl_state_log(s, FL_LOG_MESSAGE, 0, 0, 0, "storm"); return 0;
  case FN_WHEN_LOW: *num = s->tracks[0].value < 0; return 0;
  case FN_FAIL: fl_game_fail(g, "rule.lua:3: boom"); return -1;
  }
  return 0;
}

static fl_Def *make_def(void) {
  fl_Def *d = fl_def_new();
  d->id = fl_str_dup("t");
  d->version = fl_str_dup("1");
  d->title = fl_str_dup("T");
  fl_date_parse("2025-03-01", &d->start_date);
  d->max_turns = 5;
  d->ncal = 1;
  d->calendar = calloc(1, sizeof *d->calendar);
  d->calendar[0] = (fl_CalEntry){1, {1, FL_SPAN_MONTH}};
  double ring[] = {0, 0, 1, 0, 1, 1};
  fl_map_add_area(d->map, "a", "A", "plain", "XX", 1);
  fl_map_add_ring(d->map, 0, 0, ring, 3);
  fl_map_link(d->map);
  d->nside = 2;
  d->sides = calloc(2, sizeof *d->sides);
  d->sides[0] = (fl_SideDef){.id = fl_str_dup("north"), .name = fl_str_dup("North"), .text = fl_str_dup(""), .playable = 1, .team = 0, .line = 1};
  d->sides[1] = (fl_SideDef){.id = fl_str_dup("south"), .name = fl_str_dup("South"), .text = fl_str_dup(""), .playable = 1, .team = 1, .line = 1};
  d->nphase = 2;
  d->phases = calloc(2, sizeof *d->phases);
  d->phases[0] = (fl_PhaseDef){fl_str_dup("n"), fl_str_dup("N"), 0, 1};
  d->phases[1] = (fl_PhaseDef){fl_str_dup("s"), fl_str_dup("S"), 1, 1};
  d->ntrack = 1;
  d->tracks = calloc(1, sizeof *d->tracks);
  d->tracks[0] = (fl_TrackDef){.id = fl_str_dup("gold"), .name = fl_str_dup("Gold"), .unit = fl_str_dup(""), .text = fl_str_dup(""),
                                .source = fl_str_dup(""), .min = 0, .max = 100, .start = 20, .visible = 1,
                                .higher_is_better = 1, .seen = FL_ALL_SIDES, .line = 1};
  d->nptype = 1;
  d->ptypes = calloc(1, sizeof *d->ptypes);
  d->ptypes[0] = (fl_PieceType){.id = fl_str_dup("ship"), .name = fl_str_dup("Ship"), .symbol = fl_str_dup("unit"), .line = 1};
  d->ncard = 1;
  d->cards = calloc(1, sizeof *d->cards);
  fl_CardDef *c = &d->cards[0];
  *c = (fl_CardDef){fl_str_dup("spend"), fl_str_dup("Spend"), fl_str_dup(""), fl_str_dup(""), 0, -1, 0, 0, NULL, 2, 1};
  c->options = calloc(2, sizeof *c->options);
  c->options[0] = (fl_OptionDef){.id = fl_str_dup("save"), .label = fl_str_dup("Save"), .text = fl_str_dup(""), .preview = fl_str_dup(""), .line = 1};
  c->options[1] = (fl_OptionDef){.id = fl_str_dup("invest"), .label = fl_str_dup("Invest"), .text = fl_str_dup(""), .preview = fl_str_dup(""),
                                  .delay = {2, FL_SPAN_TURN}, .fn_effect = FN_EFFECT_BOOST, .line = 1};
  c->options[1].costs = calloc(1, sizeof(fl_Cost));
  c->options[1].costs[0] = (fl_Cost){0, 15};
  c->options[1].ncost = 1;
  d->nevent = 1;
  d->events = calloc(1, sizeof *d->events);
  d->events[0] = (fl_EventDef){.id = fl_str_dup("storm"), .title = fl_str_dup("Storm"), .text = fl_str_dup("A storm"),
                               .source = fl_str_dup(""), .trigger = FL_TRIG_DATE, .phase = -1, .chance = 1,
                               .fn_effect = FN_EFFECT_EVENT, .once = 1, .line = 1};
  fl_date_parse("2025-04-01", &d->events[0].date);
  d->nending = 2;
  d->endings = calloc(2, sizeof *d->endings);
  d->endings[0] = (fl_EndingDef){fl_str_dup("broke"), fl_str_dup("Broke"), fl_str_dup(""), FN_WHEN_LOW, 0, 0, 1};
  d->endings[1] = (fl_EndingDef){fl_str_dup("time"), fl_str_dup("Time"), fl_str_dup(""), 0, 0, 1, 1};
  d->content_hash = 1234;
  return d;
}

static void play(fl_Game *g, int always) {
  while (fl_game_status(g) == FL_GAME_WAITING) {
    int opt = fl_game_available(g, always) ? always : 0;
    if (fl_game_act(g, opt) < 0) break;
  }
}

int main(void) {
  fl_Def *d = make_def();
  fl_Game *g = fl_game_new(d, (fl_Hooks){.call = hook});
  CHECK(fl_game_start(g, 7) == FL_GAME_WAITING);
  int side;
  CHECK(fl_game_pending(g, &side) == 0 && side == 0);
  CHECK(fl_game_available(g, 0) && fl_game_available(g, 1));
  CHECK(fl_game_act(g, 5) == -1 && strstr(fl_game_error(g), "not available"));

  /* invest on turn 1: costs 15 now, +10 two turns later */
  fl_game_act(g, 1);
  fl_State *s = fl_game_state(g);
  CHECK(s->tracks[0].value == 5);
  CHECK(s->npending == 1);
  CHECK(!fl_game_available(g, 1) || fl_game_pending(g, NULL) < 0); /* 5 gold: cannot afford 15 */
  play(g, 0);
  CHECK(fl_game_status(g) == FL_GAME_ENDED);
  CHECK(s->turn == 5);
  CHECK(s->ending == 1);                     /* the default ending when time runs out */
  CHECK(s->tracks[0].value == 15);           /* the delayed +10 arrived */
  CHECK(s->tracks[0].nhist == 5 && s->tracks[0].hist[0] == 5 && s->tracks[0].hist[2] == 15);
  CHECK(s->nturnhash == 5);
  CHECK(s->event_fired[0] == 1);             /* the dated event fired once, on turn 2 */
  CHECK(calls[FN_EFFECT_EVENT] == 1);
  int delayed_turn = 0;
  for (int i = 0; i < s->nlog; i++) if (s->log[i].kind == FL_LOG_DELAYED) delayed_turn = s->log[i].turn;
  CHECK(delayed_turn == 3);

  /* Same seed and actions: the same hashes. A clone is equal; serialise round trip is exact. */
  fl_Game *g2 = fl_game_new(d, (fl_Hooks){.call = hook});
  fl_game_start(g2, 7);
  fl_game_act(g2, 1);
  play(g2, 0);
  CHECK(fl_state_hash(fl_game_state(g2)) == fl_state_hash(s));
  fl_State *cl = fl_state_clone(s);
  CHECK(cl && fl_state_hash(cl) == fl_state_hash(s));
  fl_Buf b = {0};
  fl_state_write(s, &b, 1);
  fl_State *rd = fl_state_new(d);
  fl_Reader r = {b.data, b.len, 0, 0};
  CHECK(fl_state_read(rd, d, &r) == 0);
  CHECK(fl_state_hash(rd) == fl_state_hash(s) && rd->nlog == s->nlog);
  /* every truncation of the state is rejected, never a crash */
  int rejected = 0;
  for (size_t cut = 0; cut < b.len; cut += 7) {
    fl_Reader t = {b.data, cut, 0, 0};
    rejected += fl_state_read(rd, d, &t) != 0;
  }
  CHECK(rejected == (int)((b.len + 6) / 7));
  fl_buf_free(&b);

  /* Properties stay sorted and typed. */
  fl_props_set_num(&s->vars, "b", 2);
  fl_props_set_str(&s->vars, "a", "x");
  fl_props_set_bool(&s->vars, "c", 1);
  CHECK(s->vars.n == 3 && !strcmp(s->vars.p[0].key, "a") && !strcmp(s->vars.p[2].key, "c"));
  CHECK(fl_props_get(&s->vars, "b")->num == 2);
  fl_props_del(&s->vars, "b");
  CHECK(fl_props_get(&s->vars, "b") == NULL && s->vars.n == 2);
  int32_t p1 = fl_state_add_piece(s, 0, 0, 0), p2 = fl_state_add_piece(s, 0, 1, 0);
  CHECK(p2 == p1 + 1 && fl_state_find_piece(s, p1) >= 0);
  CHECK(fl_state_remove_piece(s, p1) == 0 && fl_state_find_piece(s, p1) < 0 && fl_state_remove_piece(s, p1) == -1);

  /* Saves: round trip, then every kind of damage gives a message and no change. */
  char dir[] = "/tmp/flank-test-XXXXXX", path[256], err[512];
  CHECK(mkdtemp(dir) != NULL);
  snprintf(path, sizeof path, "%s/game.save", dir);
  CHECK(fl_save_game(path, d, s, err, sizeof err) == 0);
  fl_State *ld = fl_state_new(d);
  CHECK(fl_save_load(path, d, ld, err, sizeof err) == 0);
  CHECK(fl_state_hash(ld) == fl_state_hash(s));
  size_t len;
  char *data = fl_str_read_file(path, &len);
  uint64_t before = fl_state_hash(ld);
  CHECK(fl_save_parse(data, len / 2, "half.save", d, ld, err, sizeof err) == -1 && strstr(err, "half.save") && strstr(err, "truncated"));
  char *zero = calloc(1, len);
  CHECK(fl_save_parse(zero, len, "zero.save", d, ld, err, sizeof err) == -1 && strstr(err, "not a Flank save"));
  free(zero);
  int caught = 0, flips = 0;
  for (size_t i = 0; i < len * 8; i += 37) {
    data[i / 8] ^= (char)(1 << (i % 8));
    caught += fl_save_parse(data, len, "flip.save", d, ld, err, sizeof err) == -1;
    data[i / 8] ^= (char)(1 << (i % 8));
    flips++;
  }
  CHECK(caught == flips);
  data[8] = 99; /* a future format version */
  CHECK(fl_save_parse(data, len, "new.save", d, ld, err, sizeof err) == -1 && strstr(err, "newer Flank"));
  data[8] = (char)FL_SAVE_VERSION;
  d->content_hash = 99; /* the scenario changed */
  CHECK(fl_save_parse(data, len, "old.save", d, ld, err, sizeof err) == -1 && strstr(err, "changed"));
  d->content_hash = 1234;
  CHECK(fl_state_hash(ld) == before); /* nothing was half-loaded */
  free(data);

  /* A full disk: the write fails with a message and the old save survives intact. */
  pid_t pid = fork();
  if (pid == 0) {
    signal(SIGXFSZ, SIG_IGN);
    struct rlimit rl = {100, 100};
    setrlimit(RLIMIT_FSIZE, &rl);
    _exit(fl_save_game(path, d, s, err, sizeof err) == -1 ? 0 : 1);
  }
  int status;
  waitpid(pid, &status, 0);
  CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  CHECK(fl_save_load(path, d, ld, err, sizeof err) == 0);

  /* kill -9 in the middle of many saves: the file is always a whole, loadable save. */
  for (int round = 0; round < 20; round++) {
    pid = fork();
    if (pid == 0) {
      for (;;) fl_save_game(path, d, s, err, sizeof err);
    }
    usleep(1000 + (useconds_t)(round * 300));
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    CHECK(fl_save_load(path, d, ld, err, sizeof err) == 0);
  }
  char cmd[300];
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  CHECK(system(cmd) == 0);

  /* A failing hook puts the game in error with the message kept. */
  d->cards[0].options[0].fn_effect = FN_FAIL;
  fl_game_start(g, 1);
  CHECK(fl_game_act(g, 0) == FL_GAME_ERROR && strstr(fl_game_error(g), "rule.lua:3"));

  fl_state_free(ld);
  fl_state_free(rd);
  fl_state_free(cl);
  fl_game_free(g2);
  fl_game_free(g);
  fl_def_free(d);
  return check_done("test_game");
}
