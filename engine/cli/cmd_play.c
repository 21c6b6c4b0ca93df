/* flank play: the window. This file is the host the UI talks to (fl_UiHost): it owns the
 * fl_Script (Lua lives here, never in engine/ui), keeps undo clones, saves and loads,
 * reloads the scenario from disk and replays the decisions taken so far. */
#define _POSIX_C_SOURCE 200809L
#include "fl_cli.h"
#include "fl_i18n.h"
#include <stdlib.h>
#include <string.h>
#ifdef FLANK_HAVE_UI
#include "fl_path.h"
#include "fl_save.h"
#include "fl_str.h"
#include "fl_ui.h"
#include "cli_play.h"
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <sys/stat.h>
#include <time.h>


enum { MAX_UNDO = 400 };

typedef struct Scen { fl_UiScenario ui; char *path, *id, *title, *blurb, *length, *roles; } Scen;

enum { MAX_SAVES = 48 };

typedef struct Host {
  cli_Play p;                /* first: the teaching tools read it (--set, --lang, seed, human) */
  fl_State *undo[MAX_UNDO];
  int undo_human[MAX_UNDO], nundo;
  Scen *scen; int nscen;
  uint64_t sig;              /* signature of the scenario folder's files (mtime, size) */
  /* the load menu: this scenario's saves, newest first, with a label or why one is damaged */
  char save_file[MAX_SAVES][PATH_MAX]; char save_label[MAX_SAVES][320]; int save_ok[MAX_SAVES], nsave;
} Host;

/* ---- the scenario folder's signature, for hot reload ---------------------------- */

static uint64_t dir_sig(const char *dir, uint64_t h, int depth) {
  DIR *d = opendir(dir);
  if (!d) return h;
  struct dirent *e;
  char path[PATH_MAX];
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    struct stat st;
    if (stat(path, &st)) continue;
    if (S_ISDIR(st.st_mode)) { if (depth < 3) h ^= dir_sig(path, FL_FNV_INIT, depth + 1); continue; }
    /* xor per file: the order readdir returns entries in does not matter */
    uint64_t f = fl_fnv64(FL_FNV_INIT, path, strlen(path));
    int64_t v[3] = {(int64_t)st.st_mtim.tv_sec, (int64_t)st.st_mtim.tv_nsec, (int64_t)st.st_size};
    h ^= fl_fnv64(f, v, sizeof v);
  }
  closedir(d);
  return h;
}

static void clear_undo(Host *h) {
  for (int i = 0; i < h->nundo; i++) fl_state_free(h->undo[i]);
  h->nundo = 0;
}

static void push_undo(Host *h, fl_State *s, int human) {
  if (h->nundo == MAX_UNDO) {
    fl_state_free(h->undo[0]);
    memmove(h->undo, h->undo + 1, sizeof h->undo[0] * (MAX_UNDO - 1));
    memmove(h->undo_human, h->undo_human + 1, sizeof h->undo_human[0] * (MAX_UNDO - 1));
    h->nundo--;
  }
  h->undo[h->nundo] = s;
  h->undo_human[h->nundo++] = human;
}

static void set_script(Host *h, fl_Script *sc) {
  clear_undo(h);
  cli_play_scripts_changed(&h->p);
  fl_script_free(h->p.sc);
  h->p.sc = sc;
  h->sig = sc ? dir_sig(fl_script_dir(sc), FL_FNV_INIT, 0) : 0;
}

/* ---- fl_UiHost ------------------------------------------------------------------ */

static fl_Game *host_game(void *ud) { Host *h = ud; return h->p.sc ? fl_script_game(h->p.sc) : NULL; }
static int host_scen_count(void *ud) { return ((Host *)ud)->nscen; }
static const fl_UiScenario *host_scen(void *ud, int i) { return &((Host *)ud)->scen[i].ui; }

static int host_open(void *ud, int i, char *msg, size_t n) {
  Host *h = ud;
  if (i < 0 || i >= h->nscen) { snprintf(msg, n, "no scenario %d", i); return -1; }
  cli_play_forget_sets(&h->p); /* values set for another scenario's parameters */
  h->p.where = h->scen[i].id;
  fl_Script *sc = fl_script_load(h->scen[i].path, cli_scenario_path(), &h->p.opts, msg, n);
  if (!sc) return -1;
  set_script(h, sc);
  msg[0] = 0;
  return 0;
}

static int host_start(void *ud, int human, char *msg, size_t n) {
  Host *h = ud;
  if (!h->p.sc) { snprintf(msg, n, "no scenario is open"); return -1; }
  clear_undo(h);
  h->p.human = human;
  fl_Game *g = fl_script_game(h->p.sc);
  if (fl_game_start(g, h->p.seed) == FL_GAME_ERROR) { snprintf(msg, n, "%s", fl_game_error(g)); return -1; }
  cli_play_prefetch(&h->p);
  msg[0] = 0;
  return 0;
}

/* Run one action; on a script error put the state back as it was before. */
static int step(Host *h, const fl_Choice *chosen, int by_policy, char *msg, size_t n) {
  fl_Game *g = fl_script_game(h->p.sc);
  fl_State *before = fl_state_clone(fl_game_state(g));
  if (!before) { snprintf(msg, n, "out of memory"); return -1; }
  int rc = 0;
  fl_Choice ch = {0, 0, {0}};
  if (chosen) ch = *chosen;
  if (by_policy && fl_script_choose(h->p.sc, &ch)) rc = FL_GAME_ERROR;
  else rc = fl_game_choose(g, &ch);
  if (rc == -1 || rc == FL_GAME_ERROR) {
    snprintf(msg, n, "%s", fl_game_error(g));
    fl_game_set_state(g, before);
    fl_state_free(before);
    return -1;
  }
  push_undo(h, before, !by_policy);
  msg[0] = 0;
  return 0;
}

static int host_act(void *ud, const fl_Choice *ch, char *msg, size_t n) { return step(ud, ch, 0, msg, n); }
static int host_policy(void *ud, char *msg, size_t n) { return step(ud, NULL, 1, msg, n); }

static int host_undo(void *ud, char *msg, size_t n) {
  Host *h = ud;
  if (!h->nundo) { snprintf(msg, n, "Nothing to undo"); return -1; }
  int k = h->nundo - 1;
  while (k > 0 && !h->undo_human[k]) k--;
  if (!h->undo_human[k]) k = h->nundo - 1; /* a demo: undo the last move */
  fl_Game *g = fl_script_game(h->p.sc);
  if (fl_game_set_state(g, h->undo[k])) { snprintf(msg, n, "undo failed: %s", fl_game_error(g)); return -1; }
  for (int i = k; i < h->nundo; i++) fl_state_free(h->undo[i]);
  h->nundo = k;
  snprintf(msg, n, "Undone: back to turn %d", fl_game_state(g)->turn);
  return 0;
}

static int save_dir(char *dir, size_t n, int make) {
  if (fl_path_user("saves", dir, n)) snprintf(dir, n, ".flank-saves");
  return make ? fl_path_mkdirs(dir) : 0;
}


/* A save per turn: "<scenario>-turn<N>.flanksave" (saving the same turn again replaces it,
 * atomically), so earlier points of the game stay loadable. */
static int host_save(void *ud, char *msg, size_t n) {
  Host *h = ud;
  const fl_Def *d = fl_script_def(h->p.sc);
  const fl_State *s = fl_game_state(fl_script_game(h->p.sc));
  char dir[PATH_MAX], path[PATH_MAX + 80], meta[PATH_MAX + 88], text[128];
  if (save_dir(dir, sizeof dir, 1)) { snprintf(msg, n, "cannot create the save folder %s: %s", dir, strerror(errno)); return -1; }
  snprintf(path, sizeof path, "%s/%s-turn%03d.flanksave", dir, d->id, s->turn);
  if (fl_save_game(path, d, s, msg, n)) return -1;
  snprintf(meta, sizeof meta, "%s.meta", path);
  int len = snprintf(text, sizeof text, "seed %llu\nhuman %d\n", (unsigned long long)h->p.seed, h->p.human);
  if (fl_save_write_atomic(meta, text, (size_t)len, msg, n)) return -1;
  snprintf(msg, n, "Saved turn %d to %s", s->turn, path);
  return 0;
}

typedef struct SaveFile { char p[PATH_MAX]; time_t t; } SaveFile;

static int cmp_mtime_desc(const void *a, const void *b) {
  const SaveFile *x = a, *y = b;
  return (x->t < y->t) - (x->t > y->t);
}

/* List this scenario's saves, newest first; each is checked by loading it, so a damaged
 * one shows why instead of hiding the others. */
static int host_save_list(void *ud) {
  Host *h = ud;
  h->nsave = 0;
  if (!h->p.sc) return 0;
  const fl_Def *d = fl_script_def(h->p.sc);
  char dir[PATH_MAX];
  save_dir(dir, sizeof dir, 0);
  DIR *dp = opendir(dir);
  if (!dp) return 0;
  SaveFile *found = calloc(MAX_SAVES, sizeof *found);
  int nf = 0;
  size_t il = strlen(d->id);
  struct dirent *e;
  while (found && (e = readdir(dp)) && nf < MAX_SAVES) {
    size_t l = strlen(e->d_name);
    if (l < il + 10 || strncmp(e->d_name, d->id, il) || (e->d_name[il] != '.' && e->d_name[il] != '-') ||
        strcmp(e->d_name + l - 10, ".flanksave"))
      continue;
    struct stat st;
    snprintf(found[nf].p, sizeof found[nf].p, "%s/%s", dir, e->d_name);
    if (stat(found[nf].p, &st) == 0 && S_ISREG(st.st_mode)) found[nf++].t = st.st_mtime;
  }
  closedir(dp);
  if (!found) return 0;
  qsort(found, (size_t)nf, sizeof *found, cmp_mtime_desc);
  fl_State *s = fl_state_new(d);
  for (int i = 0; i < nf && s; i++) {
    char err[300], date[16], when[32];
    snprintf(h->save_file[i], sizeof h->save_file[i], "%s", found[i].p);
    struct tm tm;
    strftime(when, sizeof when, "%d %b %H:%M", localtime_r(&found[i].t, &tm));
    const char *base = strrchr(found[i].p, '/') ? strrchr(found[i].p, '/') + 1 : found[i].p;
    if (fl_save_load(found[i].p, d, s, err, sizeof err) == 0) {
      fl_date_format(s->date, date, sizeof date);
      snprintf(h->save_label[i], sizeof h->save_label[i], "Turn %d (%s)%s   saved %s", s->turn, date,
               s->ended ? ", game over" : "", when);
      h->save_ok[i] = 1;
    } else {
      const char *why = strstr(err, ": ") ? strstr(err, ": ") + 2 : err;
      snprintf(h->save_label[i], sizeof h->save_label[i], "%s: cannot load: %s", base, why);
      h->save_ok[i] = 0;
    }
    h->nsave = i + 1;
  }
  fl_state_free(s);
  free(found);
  return h->nsave;
}

static const char *host_save_info(void *ud, int i, int *ok) {
  Host *h = ud;
  if (i < 0 || i >= h->nsave) { *ok = 0; return ""; }
  *ok = h->save_ok[i];
  return h->save_label[i];
}

static int load_file(Host *h, const char *path, char *msg, size_t n);

static int host_load_at(void *ud, int i, char *msg, size_t n) {
  Host *h = ud;
  if (i < 0 || i >= h->nsave) { snprintf(msg, n, "no such save"); return -1; }
  return load_file(h, h->save_file[i], msg, n);
}

static int load_file(Host *h, const char *path, char *msg, size_t n) {
  const fl_Def *d = fl_script_def(h->p.sc);
  char meta[PATH_MAX + 8];
  fl_State *s = fl_state_new(d);
  if (!s) { snprintf(msg, n, "out of memory"); return -1; }
  if (fl_save_load(path, d, s, msg, n)) { fl_state_free(s); return -1; }
  fl_Game *g = fl_script_game(h->p.sc);
  int rc = fl_game_set_state(g, s);
  fl_state_free(s);
  if (rc) { snprintf(msg, n, "%s: %s", path, fl_game_error(g)); return -1; }
  snprintf(meta, sizeof meta, "%s.meta", path);
  char *text = fl_str_read_file(meta, NULL);
  unsigned long long seed;
  if (text && sscanf(text, "seed %llu", &seed) == 1) h->p.seed = seed; /* for replays after a reload */
  free(text);
  clear_undo(h);
  snprintf(msg, n, "Loaded %s", path);
  return 0;
}

/* Load the newest save of this scenario (the load menu offers the others). */
static int host_load(void *ud, char *msg, size_t n) {
  Host *h = ud;
  int count = host_save_list(h);
  for (int i = 0; i < count; i++)
    if (h->save_ok[i]) return load_file(h, h->save_file[i], msg, n);
  snprintf(msg, n, count ? "no loadable save of this scenario" : "no saves of this scenario yet (Ctrl+S saves)");
  return -1;
}

static int host_reload(void *ud, char *msg, size_t n) {
  Host *h = ud;
  if (!h->p.sc) { snprintf(msg, n, "no scenario is open"); return -1; }
  char dir[PATH_MAX];
  snprintf(dir, sizeof dir, "%s", fl_script_dir(h->p.sc));
  h->sig = dir_sig(dir, FL_FNV_INIT, 0);
  fl_Script *nsc = fl_script_load(dir, cli_scenario_path(), &h->p.opts, msg, n);
  if (!nsc) return -1;
  const fl_Def *od = fl_script_def(h->p.sc), *nd = fl_script_def(nsc);
  for (int i = 0; i < nd->nside; i++) {
    int o = fl_def_side(od, nd->sides[i].id);
    char e[512];
    if (o >= 0) fl_script_set_policy(nsc, i, fl_script_policy(h->p.sc, o), e, sizeof e); /* else: default */
  }
  /* replay the decisions so far, matched by card and option ids */
  const fl_State *os = fl_game_state(fl_script_game(h->p.sc));
  fl_Game *ng = fl_script_game(nsc);
  int st = fl_game_start(ng, h->p.seed), nact = 0;
  for (int i = 0; i < os->nlog && st != FL_GAME_ERROR; i++) {
    const fl_LogEntry *e = &os->log[i];
    if (e->kind != FL_LOG_ACTION) continue;
    const char *cid = od->cards[e->a].id, *oid = od->cards[e->a].options[e->b].id;
    int c = fl_game_pending(ng, NULL);
    if (c < 0 || strcmp(nd->cards[c].id, cid)) {
      snprintf(msg, n, "reload kept the old game: replaying turn %d, the scenario now %s%s%s instead of decision '%s'", e->turn,
               c < 0 ? "offers no decision" : "offers '", c < 0 ? "" : nd->cards[c].id, c < 0 ? "" : "'", cid);
      fl_script_free(nsc);
      return -1;
    }
    int o = fl_def_option(&nd->cards[c], oid);
    if (o < 0 || !fl_game_available(ng, o)) {
      snprintf(msg, n, "reload kept the old game: option '%s' of decision '%s' (turn %d) is %s in the new scenario", oid, cid,
               e->turn, o < 0 ? "gone" : "not available");
      fl_script_free(nsc);
      return -1;
    }
    fl_Choice ch;
    fl_choice_from_log(nd, e, o, &ch);
    st = fl_game_choose(ng, &ch);
    if (st == -1) {
      snprintf(msg, n, "reload kept the old game: %s (turn %d)", fl_game_error(ng), e->turn);
      fl_script_free(nsc);
      return -1;
    }
    nact++;
  }
  if (st == FL_GAME_ERROR) {
    snprintf(msg, n, "%s", fl_game_error(ng));
    fl_script_free(nsc);
    return -1;
  }
  fl_Script *old = h->p.sc;
  h->p.sc = nsc;
  clear_undo(h);
  fl_script_free(old);
  snprintf(msg, n, "Reloaded %s: replayed %d decision%s", dir, nact, nact == 1 ? "" : "s");
  return 0;
}

static int host_changed(void *ud) {
  Host *h = ud;
  if (!h->p.sc) return 0;
  uint64_t s = dir_sig(fl_script_dir(h->p.sc), FL_FNV_INIT, 0);
  if (s == h->sig) return 0;
  h->sig = s; /* report each change once, even if the reload fails */
  return 1;
}

/* ---- the title screen's list ---------------------------------------------------- */

/* Every scenario id the lookup finds (the first folder holding an id wins), by id. */
static void list_scenarios(Host *h) {
  char *names[256];
  int nn = cli_scenario_ids(names, 256);
  h->scen = calloc((size_t)nn + 1, sizeof *h->scen);
  for (int i = 0; i < nn && h->scen; i++) {
    char p[PATH_MAX], err[1024];
    fl_Script *sc = NULL;
    if (fl_script_resolve(names[i], cli_scenario_path(), p, sizeof p, err, sizeof err) == 0)
      sc = fl_script_load(p, cli_scenario_path(), &h->p.opts, err, sizeof err); /* in the --lang asked for */
    if (!sc) { fprintf(stderr, "flank play: skipping %s\n", err); continue; }
    const fl_Def *df = fl_script_def(sc);
    Scen *s = &h->scen[h->nscen++];
    char len[256], roles[512];
    fl_ui_schedule_text(df, len, sizeof len);
    size_t rl = 0;
    roles[0] = 0;
    for (int k = 0; k < df->nside && rl < sizeof roles - 1; k++) {
      rl += (size_t)snprintf(roles + rl, sizeof roles - rl, "%s%s%s", k ? FL_TR(" vs ") : "", df->sides[k].name,
                             df->sides[k].playable ? "" : FL_TR(" (computer)"));
      if (rl >= sizeof roles) rl = sizeof roles - 1;
    }
    s->path = fl_str_dup(p); s->id = fl_str_dup(df->id); s->title = fl_str_dup(df->title);
    s->blurb = fl_str_dup(df->blurb ? df->blurb : ""); s->length = fl_str_dup(len); s->roles = fl_str_dup(roles);
    s->ui = (fl_UiScenario){s->id, s->title, s->blurb, s->length, s->roles};
    fl_script_free(sc);
  }
  for (int i = 0; i < nn; i++) free(names[i]);
}

static void free_host(Host *h) {
  clear_undo(h);
  cli_play_teach_free(&h->p);
  cli_play_forget_sets(&h->p);
  fl_script_free(h->p.sc);
  for (int i = 0; i < h->nscen; i++) {
    Scen *s = &h->scen[i];
    free(s->path); free(s->id); free(s->title); free(s->blurb); free(s->length); free(s->roles);
  }
  free(h->scen);
}
#endif

int cli_script_opt(const char *cmd, int argc, char **argv, int *i, fl_ScriptOpts *o, int *bad); /* cmd_run.c */

int cmd_play(int argc, char **argv) {
  for (int i = 1; i < argc; i++) /* the terminal way to play needs no window */
    if (!strcmp(argv[i], "--text")) return cli_play_text(argc, argv);
#ifndef FLANK_HAVE_UI
  (void)argc;
  (void)argv;
  fprintf(stderr, "flank play: this flank was built without the UI (needs SDL2, SDL2_ttf, fontconfig); flank run works headless\n");
  return EXIT_USAGE;
#else
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  const char *where = NULL, *side = NULL;
  fl_UiOpts uo = {0};
  uo.human = -1;
  uo.speed = 1;
  uo.bench_t0 = ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
  Host h = {0};
  h.p.seed = 1;
  h.p.human = -1;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int bad = 0;
    if (cli_script_opt("play", argc, argv, &i, &h.p.opts, &bad)) { if (bad) return bad; continue; }
    if (!strcmp(a, "--seed") && i + 1 < argc) { if (cli_parse_u64(argv[++i], &h.p.seed)) return cli_usage_error("play", "--seed needs a number, got '%s'", argv[i]); }
    else if (!strcmp(a, "--demo")) uo.demo = 1;
    else if (!strcmp(a, "--overlay") && i + 1 < argc) uo.overlay = argv[++i];
    else if (!strcmp(a, "--speed") && i + 1 < argc) {
      const char *s = argv[++i];
      char *end;
      if (!strcmp(s, "max")) uo.speed = 0;
      else if ((uo.speed = strtod(s, &end)) <= 0 || *end || uo.speed > 1000) return cli_usage_error("play", "--speed expects a number > 0 or 'max', got '%s'", s);
    } else if (!strcmp(a, "--screenshot") && i + 1 < argc) uo.screenshot = argv[++i];
    else if (!strcmp(a, "--shot-screen") && i + 1 < argc) uo.shot_screen = argv[++i];
    else if (!strcmp(a, "--side") && i + 1 < argc) side = argv[++i];
    else if (!strcmp(a, "--size") && i + 1 < argc) { if (cli_parse_size(argv[++i], &uo.width, &uo.height)) return cli_usage_error("play", "--size expects WxH, got '%s'", argv[i]); }
    else if (!strcmp(a, "--bench")) uo.bench = 1;
    else if (a[0] == '-') return cli_bad_option("play", a);
    else if (!where) where = a;
    else return cli_usage_error("play", "one scenario at a time (got '%s' and '%s')", where, a);
  }
  if (uo.shot_screen && !uo.screenshot) return cli_usage_error("play", "--shot-screen needs --screenshot FILE");
  uo.seed = h.p.seed;
  if (h.p.opts.nset && !where) return cli_usage_error("play", "--set needs a SCENARIO: parameters belong to one");
  const char *dpy = getenv("DISPLAY"), *wl = getenv("WAYLAND_DISPLAY"), *drv = getenv("SDL_VIDEODRIVER");
  if (!(dpy && *dpy) && !(wl && *wl) && !(drv && *drv)) { /* say so before SDL prints its own noise */
    fprintf(stderr, "flank play: no display (DISPLAY and WAYLAND_DISPLAY are not set). Without one: "
                    "flank render %s --out map.png, or xvfb-run flank play ...\n", where ? where : "tutorial");
    return EXIT_USAGE;
  }
  if (where) {
    h.p.sc = cli_load(where, &h.p.opts);
    if (!h.p.sc) return EXIT_USAGE;
    h.sig = dir_sig(fl_script_dir(h.p.sc), FL_FNV_INIT, 0);
    uo.skip_title = 1;
    if (side) {
      const fl_Def *d = fl_script_def(h.p.sc);
      uo.human = fl_def_side(d, side);
      if (uo.human < 0 || !d->sides[uo.human].playable) {
        fl_script_free(h.p.sc);
        return cli_usage_error("play", "'%s' is not a playable side of %s", side, d->id);
      }
    }
  } else {
    list_scenarios(&h);
  }
  fl_UiHost host = {&h, host_game, host_scen_count, host_scen, host_open, host_start, host_act, host_policy,
                    host_undo, host_save, host_load, host_reload, host_changed, host_save_list, host_save_info,
                    host_load_at, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL};
  cli_play_teach(&host);
  h.p.where = where;
  h.p.no_prefetch = uo.demo || uo.screenshot; /* a demo and a screenshot time or draw the debrief's own run */
  h.p.bench = uo.bench;
  char err[2048];
  int rc = fl_ui_run(&host, &uo, err, sizeof err);
  free_host(&h);
  cli_i18n_report();
  if (rc < 0) {
    fprintf(stderr, "flank play: %s%s\n", err, strstr(err, "display") ? " (flank render draws a PNG without a display)" : "");
    return EXIT_USAGE;
  }
  return rc == 1 ? EXIT_SCRIPT : EXIT_OK;
#endif
}
