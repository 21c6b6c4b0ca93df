/* ui_teach: the debrief's background work. Each what-if fork and "your game among many"
 * runs on its own SDL thread through the host (which gives each its own script), so the
 * window keeps drawing; a worker that finishes pushes an SDL user event that wakes the
 * event loop, and nothing polls while nothing runs (an idle window costs no CPU). Also
 * the buttons of the teaching tools (assumptions, tabs, forks, save for my teacher). */
#include "ui_int.h"
#include "fl_i18n.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void toast(fl_Ui *u, const char *msg) {
  snprintf(u->toast, sizeof u->toast, "%s", msg);
  u->toast_until = SDL_GetTicks() + 3200;
}

static void wake(Uint32 type) {
  if (!type) return;
  SDL_Event ev;
  memset(&ev, 0, sizeof ev);
  ev.type = type;
  SDL_PushEvent(&ev); /* thread-safe: the event loop wakes and joins the worker */
}

void ui_teach_init(fl_Ui *u) {
  u->t.dec_sel = -1;
  u->t.param_sel = -1;
  u->t.pick_li = -1;
  u->t.open_li = -1;
  Uint32 ev = SDL_RegisterEvents(1);
  u->t.wake_ev = ev == (Uint32)-1 ? 0 : ev;
}

/* ---- what-if forks ---------------------------------------------------------------- */

static int fork_thread(void *p) {
  ui_Fork *f = p;
  f->rc = f->host->fork_run(f->job, &f->res, f->err, sizeof f->err);
  f->run_ms = ui_now_ms() - f->t0; /* the rest of f->ms is the event loop waking up */
  SDL_AtomicSet(&f->done, 1);
  wake(f->wake_ev);
  return 0;
}

static void fork_close(ui_Fork *f) {
  if (f->th) SDL_WaitThread(f->th, NULL); /* a fork takes milliseconds: waiting is cheap */
  f->th = NULL;
  if (f->job) f->host->fork_free(f->job);
  fl_state_free(f->res);
  memset(f, 0, sizeof *f);
}

int ui_fork_same_areas(const fl_Ui *u, const fl_LogEntry *e, int opt, char *buf, size_t n) {
  const fl_CardDef *c = &u->def->cards[e->a];
  if (buf && n) buf[0] = 0;
  if (opt < 0 || opt >= c->noptions || c->options[opt].target != FL_TGT_AREA || e->b < 0 || e->b >= c->noptions ||
      c->options[e->b].target != FL_TGT_AREA || e->ntg <= 0 || !e->tg)
    return 0;
  size_t k = 0;
  for (int i = 0; i < e->ntg && buf; i++) {
    if (e->tg[i] < 0 || e->tg[i] >= fl_map_area_count(u->def->map)) return 0;
    k += (size_t)snprintf(buf + k, k < n ? n - k : 0, "%sarea:%s", i ? " " : "", fl_map_area(u->def->map, e->tg[i])->id);
  }
  return !buf || k < n;
}

/* "area:narva area:voru" and "Narva, Võru" of map areas. */
static void areas_text(const fl_Ui *u, const int32_t *areas, int na, char *tg, size_t tn, char *names, size_t nn) {
  size_t k = 0, m = 0;
  tg[0] = names[0] = '\0';
  for (int i = 0; i < na; i++) {
    if (areas[i] < 0 || areas[i] >= fl_map_area_count(u->def->map)) continue;
    const fl_MapArea *a = fl_map_area(u->def->map, areas[i]);
    k += (size_t)snprintf(tg + k, k < tn ? tn - k : 0, "%sarea:%s", k ? " " : "", a->id);
    m += (size_t)snprintf(names + m, m < nn ? nn - m : 0, "%s%s", m ? ", " : "", a->name);
  }
}

static int nth_of(const fl_Ui *u, int li) { return fl_state_action_nth(u->st, li); }

void ui_fork_start(fl_Ui *u, int li, int opt, const int32_t *areas, int na) {
  const fl_UiHost *h = u->host;
  if (!h->fork_new || !u->st || li < 0 || li >= u->st->nlog || u->st->log[li].kind != FL_LOG_ACTION) return;
  const fl_LogEntry *e = &u->st->log[li];
  const fl_CardDef *c = &u->def->cards[e->a];
  if (opt >= c->noptions) return;
  int by_policy = opt < 0, free_slot = -1, open = 0;
  char tg[1024] = "", names[512] = "";
  if (!by_policy && c->options[opt].target != FL_TGT_NONE) {
    if (!areas) { /* the areas the played choice took */
      if (!ui_fork_same_areas(u, e, opt, NULL, 0)) return;
      areas = e->tg, na = e->ntg;
    }
    areas_text(u, areas, na, tg, sizeof tg, names, sizeof names);
  }
  for (int k = 0; k < UI_MAXFORK; k++) {
    ui_Fork *f = &u->t.fork[k];
    if (!f->used) { if (free_slot < 0) free_slot = k; continue; }
    open++;
    if (f->turn == e->turn && f->by_policy == by_policy && !strcmp(f->card, c->id) && (by_policy || f->nth == nth_of(u, li)) &&
        (by_policy || (!strcmp(f->option, c->options[opt].id) && !strcmp(f->targets, tg)))) {
      toast(u, FL_TR("That what-if is already open"));
      return;
    }
  }
  if (free_slot < 0) {
    char m[256];
    snprintf(m, sizeof m, FL_NTR("Close a what-if first: %d is open", "Close a what-if first: %d are open", open), open);
    toast(u, m);
    return;
  }
  ui_Fork *f = &u->t.fork[free_slot];
  memset(f, 0, sizeof *f);
  f->t0 = ui_now_ms();
  f->host = h;
  f->wake_ev = u->t.wake_ev;
  f->turn = e->turn;
  f->nth = by_policy ? 0 : nth_of(u, li);
  f->by_policy = by_policy;
  snprintf(f->card, sizeof f->card, "%s", c->id);
  snprintf(f->targets, sizeof f->targets, "%s", tg);
  if (!by_policy) snprintf(f->option, sizeof f->option, "%s", c->options[opt].id);
  char t[32]; /* dated: a turn may be a month, a day or a year */
  ui_date_short(e->date, t, sizeof t);
  /* TRANSLATORS: %s is a date, "1 Mar 2025" */
  if (by_policy) snprintf(f->label, sizeof f->label, FL_TR("the computer plays on from %s"), t);
  else /* "1 Mar 2025: Patrol — Send a patrol", and where: "(Narva, Võru)" */
    snprintf(f->label, sizeof f->label, "%s: %s \xE2\x80\x94 %s%s%s%s", t, c->title, c->options[opt].label, *names ? " (" : "", names,
             *names ? ")" : "");
  char msg[1024] = "";
  f->job = h->fork_new(h->ud, f->turn, f->nth, by_policy ? NULL : f->card, by_policy ? NULL : f->option, *tg ? tg : NULL, msg, sizeof msg);
  if (!f->job) { toast(u, msg); memset(f, 0, sizeof *f); return; }
  f->used = 1;
  f->th = SDL_CreateThread(fork_thread, "flank-fork", f);
  if (!f->th) { fork_thread(f); } /* no thread: play it here rather than not at all */
}

int ui_whatif_open(fl_Ui *u, int li, int opt, const char **why) {
  if (why) *why = "";
  const fl_UiHost *h = u->host;
  if (!h->fork_open || !u->st || li < 0 || li >= u->st->nlog || opt < 0 || opt >= UI_MAXOPT) return 1;
  if (u->t.open_li != li) {
    const fl_LogEntry *e = &u->st->log[li];
    char msg[256];
    memset(u->t.open_ok, 1, sizeof u->t.open_ok);
    if (h->fork_open(h->ud, e->turn, nth_of(u, li), u->def->cards[e->a].id, u->t.open_ok, u->t.open_why, UI_MAXOPT, msg, sizeof msg))
      memset(u->t.open_ok, 1, sizeof u->t.open_ok); /* not known: offer them, and a fork says why */
    u->t.open_li = li;
    if (u->opts.bench) { /* tests read this line: which options the what-if list offers */
      const fl_CardDef *c = &u->def->cards[e->a];
      printf("open %s:", c->id);
      for (int o = 0; o < c->noptions && o < UI_MAXOPT; o++) printf(" %s=%d", c->options[o].id, u->t.open_ok[o]);
      printf("\n");
      fflush(stdout);
    }
  }
  if (!u->t.open_ok[opt] && why) *why = u->t.open_why[opt];
  return u->t.open_ok[opt];
}

/* ---- a what-if on other areas: pick them from those legal then ---------------------- */

void ui_wpick_close(fl_Ui *u) {
  u->t.pick_li = -1;
  u->t.pick_n = 0;
}

void ui_wpick_start(fl_Ui *u, int li, int opt) {
  const fl_UiHost *h = u->host;
  if (!u->st || li < 0 || li >= u->st->nlog || u->st->log[li].kind != FL_LOG_ACTION) return;
  const fl_LogEntry *e = &u->st->log[li];
  const fl_CardDef *c = &u->def->cards[e->a];
  if (opt < 0 || opt >= c->noptions || c->options[opt].target != FL_TGT_AREA) return;
  if (!h->fork_targets) { ui_fork_start(u, li, opt, NULL, 0); return; } /* the played areas only */
  char msg[512] = "";
  int n = h->fork_targets(h->ud, e->turn, nth_of(u, li), c->id, c->options[opt].id, u->t.pick_tg, UI_MAXPICK, msg, sizeof msg);
  if (n <= 0) {
    toast(u, n < 0 ? msg : FL_TR("No area could be chosen for that then"));
    if (u->opts.bench) { printf("pick_refused %s\n", n < 0 ? msg : "none"); fflush(stdout); } /* tests read it */
    return;
  }
  u->t.pick_li = li;
  u->t.pick_opt = opt;
  u->t.pick_n = n;
  u->t.pick_cur = 0;
  int played = e->b >= 0 && e->b < c->noptions && c->options[e->b].target == FL_TGT_AREA;
  for (int i = 0; i < n; i++) {
    u->t.pick_on[i] = 0;
    for (int k = 0; played && e->tg && k < e->ntg; k++) u->t.pick_on[i] |= e->tg[k] == u->t.pick_tg[i];
  }
  if (u->opts.bench) { /* tests read this line: what can be picked, and what is */
    printf("pick %s:", c->options[opt].id);
    for (int i = 0; i < n; i++) printf(" %s%s", u->t.pick_on[i] ? "*" : "", fl_map_area(u->def->map, u->t.pick_tg[i])->id);
    printf("\n");
    fflush(stdout);
  }
}

int ui_wpick_count(const fl_Ui *u, int *ok) {
  int k = 0;
  for (int i = 0; i < u->t.pick_n; i++) k += u->t.pick_on[i];
  if (ok) {
    const fl_OptionDef *o = &u->def->cards[u->st->log[u->t.pick_li].a].options[u->t.pick_opt];
    *ok = k >= (o->tmin > 0 ? o->tmin : 1) && k <= (o->tmax > 0 ? o->tmax : FL_MAX_TARGETS);
  }
  return k;
}

static void pick_play(fl_Ui *u) {
  int ok, n = ui_wpick_count(u, &ok), k = 0;
  if (!ok) { toast(u, n ? FL_TR("That is not a number of areas this option takes") : FL_TR("Pick an area first")); return; }
  int32_t areas[UI_MAXPICK];
  for (int i = 0; i < u->t.pick_n; i++) if (u->t.pick_on[i]) areas[k++] = u->t.pick_tg[i];
  int li = u->t.pick_li, opt = u->t.pick_opt;
  ui_wpick_close(u);
  ui_fork_start(u, li, opt, areas, k);
}

int ui_wpick_key(fl_Ui *u, SDL_Keycode c) {
  if (u->t.pick_li < 0) return 0;
  if (c == SDLK_ESCAPE) ui_wpick_close(u);
  else if (c == SDLK_RETURN || c == SDLK_KP_ENTER) pick_play(u);
  else if (c == SDLK_LEFT || c == SDLK_RIGHT) u->t.pick_cur = (u->t.pick_cur + (c == SDLK_LEFT ? u->t.pick_n - 1 : 1)) % u->t.pick_n;
  else if (c == SDLK_SPACE) u->t.pick_on[u->t.pick_cur] ^= 1;
  else return 0;
  return 1;
}

/* ---- your game among many ------------------------------------------------------- */

static int among_thread(void *p) {
  fl_Ui *u = p;
  /* the ensemble's workers are started from this thread and inherit its low priority (Linux):
   * the window and the forks go first, the games take the time that is left */
  SDL_SetThreadPriority(SDL_THREAD_PRIORITY_LOW);
  u->t.among_rc = u->host->among_run(u->t.among, u->t.among_err, sizeof u->t.among_err);
  SDL_AtomicSet(&u->t.among_fin, 1);
  wake(u->t.wake_ev);
  return 0;
}

void ui_among_start(fl_Ui *u) {
  const fl_UiHost *h = u->host;
  if (!h->among_new || !u->st || u->t.among_state == AMONG_RUNNING) return;
  if (u->t.among) { h->among_free(u->t.among); u->t.among = NULL; }
  u->t.among_asked = 1;
  u->t.among_for = u->st;
  u->t.among_max_frame = u->t.among_sum_frame = 0;
  u->t.among_frames = 0;
  u->t.among_err[0] = 0;
  const char *env = getenv("FLANK_AMONG_RUNS"); /* tests and benchmarks choose the size */
  unsigned runs = env ? (unsigned)strtoul(env, NULL, 10) : 0;
  u->t.among = h->among_new(h->ud, u->opts.demo ? -1 : u->human, runs, u->t.among_err, sizeof u->t.among_err);
  if (!u->t.among) { u->t.among_state = AMONG_FAILED; return; }
  SDL_AtomicSet(&u->t.among_fin, 0);
  u->t.among_state = AMONG_RUNNING;
  u->t.among_t0 = ui_now_ms();
  u->t.among_th = SDL_CreateThread(among_thread, "flank-among", u);
  if (!u->t.among_th) { u->t.among_state = AMONG_FAILED; snprintf(u->t.among_err, sizeof u->t.among_err, FL_TR("Could not start a thread: %s"), SDL_GetError()); }
}

size_t ui_among_progress(fl_Ui *u, size_t *total) {
  *total = 0;
  return u->t.among ? u->host->among_done(u->t.among, total) : 0;
}

static void among_stop(fl_Ui *u) {
  if (u->t.among_th) {
    u->host->among_cancel(u->t.among);
    SDL_WaitThread(u->t.among_th, NULL);
    u->t.among_th = NULL;
  }
  if (u->t.among) u->host->among_free(u->t.among);
  u->t.among = NULL;
  u->t.among_state = AMONG_NONE;
  memset(&u->t.res, 0, sizeof u->t.res);
}

void ui_debrief_open(fl_Ui *u) {
  if (u->opts.bench && u->screen != SCR_DEBRIEF && u->st) { /* tests wait for this line */
    printf("debrief ending %s turn %d\n", u->st->ending >= 0 ? u->def->endings[u->st->ending].id : "none", u->st->turn);
    fflush(stdout);
  }
  u->screen = SCR_DEBRIEF;
  u->t.tab = 0;
  if (u->t.among_for != u->st) { among_stop(u); u->t.among_asked = 0; }
  if (!u->t.among_asked && u->host->among_new && u->st && u->st->ended) ui_among_start(u);
}

int ui_teach_poll(fl_Ui *u, Uint32 *wait) {
  int changed = 0;
  for (int k = 0; k < UI_MAXFORK; k++) {
    ui_Fork *f = &u->t.fork[k];
    if (!f->used || !f->th || !SDL_AtomicGet(&f->done)) continue;
    SDL_WaitThread(f->th, NULL);
    f->th = NULL;
    f->ms = ui_now_ms() - f->t0;
    u->host->fork_free(f->job);
    f->job = NULL;
    changed = 1;
    if (u->opts.bench) { /* tests read this line: the fork's ending and how long it took */
      const fl_State *s = f->res;
      printf("fork_ms %.1f %s ending %s turn %d (played in %.1f ms, shown %.1f ms later)%s%s\n", f->ms, f->label,
             s && s->ending >= 0 ? u->def->endings[s->ending].id : "none", s ? s->turn : -1, f->run_ms, f->ms - f->run_ms,
             !f->rc && f->err[0] ? " note: " : "", !f->rc ? f->err : "");
      fflush(stdout);
    }
    if (f->rc) toast(u, f->err);
  }
  if (u->t.among_th && SDL_AtomicGet(&u->t.among_fin)) {
    SDL_WaitThread(u->t.among_th, NULL);
    u->t.among_th = NULL;
    u->t.among_ms = ui_now_ms() - u->t.among_t0;
    int rc = u->t.among_rc;
    u->t.among_state = rc == 0 ? AMONG_DONE : rc == 1 ? AMONG_CANCELLED : AMONG_FAILED;
    if (rc == 0 && u->host->among_result(u->t.among, &u->t.res)) u->t.among_state = AMONG_FAILED;
    if (u->opts.bench) {
      size_t total;
      size_t done = ui_among_progress(u, &total);
      printf("among_games %zu of %zu in %.0f ms; while running: max_frame_ms=%.1f mean_frame_ms=%.1f frames=%d\n", done, total,
             u->t.among_ms, u->t.among_max_frame, u->t.among_frames ? u->t.among_sum_frame / u->t.among_frames : 0.0,
             u->t.among_frames);
      fflush(stdout);
    }
    changed = 1;
  }
  int running = u->t.among_th != NULL;
  for (int k = 0; k < UI_MAXFORK; k++) running |= u->t.fork[k].th != NULL;
  if (running && u->screen == SCR_DEBRIEF && *wait > 120) *wait = 120; /* the progress bar moves */
  return changed || (running && u->screen == SCR_DEBRIEF);
}

void ui_teach_reset(fl_Ui *u) {
  for (int k = 0; k < UI_MAXFORK; k++)
    if (u->t.fork[k].used) fork_close(&u->t.fork[k]);
  among_stop(u);
  u->t.among_asked = 0;
  u->t.among_for = NULL;
  u->t.dec_sel = -1;
  u->t.dec_scroll = 0;
  u->t.open_li = -1;
  ui_wpick_close(u);
  u->t.q_scroll = 0;
  u->t.tab = 0;
}

void ui_teach_free(fl_Ui *u) { ui_teach_reset(u); }

void ui_teach_press(fl_Ui *u, int id, int arg) {
  switch (id) {
  case BTN_PARAM_DOWN: case BTN_PARAM_UP: case BTN_PARAM_RESET: ui_brief_param(u, id, arg); break;
  case BTN_TAB: u->t.tab = arg; break;
  case BTN_DECISION: u->t.dec_sel = u->t.dec_sel == arg ? -1 : arg; ui_wpick_close(u); break;
  case BTN_FORK: /* an option that acts on areas: pick them first */
    if (arg >= 0 && u->t.dec_sel >= 0 && u->def->cards[u->st->log[u->t.dec_sel].a].options[arg].target == FL_TGT_AREA)
      ui_wpick_start(u, u->t.dec_sel, arg);
    else ui_fork_start(u, u->t.dec_sel, arg, NULL, 0);
    break;
  case BTN_PICK_AREA: if (arg >= 0 && arg < u->t.pick_n) { u->t.pick_on[arg] ^= 1; u->t.pick_cur = arg; } break;
  case BTN_PICK_PLAY: pick_play(u); break;
  case BTN_PICK_CANCEL: ui_wpick_close(u); break;
  case BTN_FORK_CLOSE: if (arg >= 0 && arg < UI_MAXFORK && u->t.fork[arg].used && !u->t.fork[arg].th) fork_close(&u->t.fork[arg]); break;
  case BTN_AMONG: ui_among_start(u); break;
  case BTN_AMONG_CANCEL: if (u->t.among) u->host->among_cancel(u->t.among); break;
  case BTN_TEACHER: case BTN_SAVE_FIELD: case BTN_SAVE_OK: case BTN_SAVE_CANCEL: ui_save_press(u, id, arg); break;
  default: break;
  }
}
