/* fl_ui: the window's event loop and input, the game flow around the host (policies'
 * pace, event pop-ups, end turn); offscreen rendering is in ui_offscreen.c. The loop sleeps in SDL_WaitEventTimeout and redraws
 * only when something changed, so an idle window costs no CPU. */
#define _POSIX_C_SOURCE 200809L
#include "ui_int.h"
#include "fl_i18n.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

double ui_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double thread_cpu_ms(void) { /* the CPU time this thread used: --bench's slow frames */
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Layout scale: HiDPI factor times a size factor so type stays readable on big windows. */
float ui_scale_for(int out_h, float dpi) {
  float f = out_h / dpi / 900.0f;
  if (f < 0.9f) f = 0.9f;
  if (f > 1.25f) f = 1.25f;
  return dpi * f;
}

static void toast(fl_Ui *u, const char *msg) {
  snprintf(u->toast, sizeof u->toast, "%s", msg);
  u->toast_until = SDL_GetTicks() + 2600;
}

void ui_refresh(fl_Ui *u) {
  if (u->host && u->host->game) u->game = u->host->game(u->host->ud);
  u->def = u->game ? fl_game_def(u->game) : NULL;
  u->st = u->game ? fl_game_state(u->game) : NULL;
  u->g.cite_def = u->def;
  if (u->def && u->def != u->geo_def) {
    if (u->geo_ok) map_geo_free(&u->geo);
    ui_map_free_labels(u);
    fl_map_compute_labels(u->def->map); /* labels at the areas' visual centres */
    u->geo_ok = map_geo_build(&u->geo, u->def->map) == 0;
    u->geo_def = u->def;
    u->fitted = 0;
    u->hover = u->sel = -1;
    u->overlay = -1;
    for (int i = 0; u->opts.overlay && i < u->def->noverlay; i++)
      if (!strcmp(u->def->overlays[i].id, u->opts.overlay)) u->overlay = i;
    ui_map_invalidate(u);
  }
}

/* The host may have replaced the definition (open, start, load, reload): rebuild the map
 * even if a new definition happens to live at the old address. */
static void host_changed(fl_Ui *u) {
  u->geo_def = NULL;
  ui_refresh(u);
  if (u->st) u->seen_log = u->st->nlog;
  u->popup = -1;
  u->opt_sel = -1;
  ui_pick_cancel(u);
  u->anim_n = 0;
  ui_teach_reset(u); /* forks and games among many belong to the game that was shown */
}

void ui_init(fl_Ui *u, SDL_Renderer *r, const fl_UiOpts *opts) {
  u->r = r;
  if (opts) u->opts = *opts;
  u->layers = u->opts.layers ? u->opts.layers : FL_UI_ALL;
  u->hover = u->sel = u->popup = u->opt_sel = -1;
  u->human = -1;
  u->overlay = -1;
  u->legend_auto = u->legend_open = 1;
  u->text_scale = 1.0f;
  u->dpi = 1.0f;
  u->saved_nlog = -1;
  u->viewer = u->seat = u->handover = u->pick_opt = u->reach_pi = u->anim_pi = -1;
  u->drag_piece = -1;
  ui_teach_init(u);
}

void ui_free(fl_Ui *u) {
  if (u->layer) SDL_DestroyTexture(u->layer);
  u->layer = NULL;
  if (u->layer_sf) SDL_FreeSurface(u->layer_sf);
  u->layer_sf = NULL;
  if (u->chrome) SDL_DestroyTexture(u->chrome);
  u->chrome = NULL;
  if (u->bg) SDL_DestroyTexture(u->bg);
  u->bg = NULL;
  ui_map_free_labels(u);
  if (u->geo_ok) map_geo_free(&u->geo);
  u->geo_ok = 0;
  free(u->vbuf);
  u->vbuf = NULL;
  free(u->stack_at);
  u->stack_at = NULL;
  u->nstack_at = 0;
  ui_board_free(u);
  ui_teach_free(u);
  gfx_free(&u->g);
}

int ui_first_playable(const fl_Def *d) {
  for (int i = 0; i < d->nside; i++)
    if (d->sides[i].playable) return i;
  return -1;
}

/* ---- the window -------------------------------------------------------------------- */

static int demo_delay(const fl_Ui *u) { return u->opts.speed > 0 ? (int)(650 / u->opts.speed) : 0; }

static void show_result(fl_Ui *u, int rc, const char *msg, int error_panel) {
  if (rc) {
    if (error_panel) snprintf(u->err, sizeof u->err, "%s", msg);
    else toast(u, msg);
  } else if (msg[0]) {
    toast(u, msg);
  }
}

static void start_game(fl_Ui *u) {
  char msg[2048] = "";
  int human = u->opts.demo ? -1 : u->brief_side;
  if (u->host->start(u->host->ud, human, msg, sizeof msg)) { snprintf(u->err, sizeof u->err, "%s", msg); return; }
  u->human = human;
  u->humans = human >= 0 && human < 64 ? ((uint64_t)1 << human) | u->brief_extra : 0;
  u->seat = human;
  u->handover = -1;
  host_changed(u);
  ui_trend_forget(u);
  u->seen_log = 0;
  u->screen = SCR_GAME;
  u->await_end_turn = 0;
  u->log_scroll = 0;
  u->focus = FOCUS_CARD;
  u->next_ai = SDL_GetTicks() + (Uint32)(u->opts.demo ? demo_delay(u) : 500);
}

static void open_brief(fl_Ui *u) {
  ui_refresh(u);
  if (!u->def) return;
  u->brief_side = u->opts.human >= 0 && u->opts.human < u->def->nside ? u->opts.human : ui_first_playable(u->def);
  u->brief_extra = 0;
  u->brief_scroll = 0;
  u->brief_bib = (SDL_Rect){0, 0, 0, 0}; /* until a briefing draws its sources */
  u->screen = SCR_BRIEF;
}

static void do_reload(fl_Ui *u, int automatic) {
  char msg[2048] = "";
  int rc = u->host->reload(u->host->ud, msg, sizeof msg);
  if (rc) { snprintf(u->err, sizeof u->err, "%s", msg); return; }
  host_changed(u);
  ui_trend_forget(u);
  u->err[0] = 0;
  toast(u, automatic ? FL_TR("Scenario changed on disk: reloaded") : msg);
}

void ui_act(fl_Ui *u, const fl_Choice *ch) {
  char msg[2048] = "";
  int turn = u->st->turn, nlog = u->st->nlog;
  ui_trend_decided(u, ch);
  if (u->host->act(u->host->ud, ch, msg, sizeof msg)) { snprintf(u->err, sizeof u->err, "%s", msg); ui_refresh(u); return; }
  ui_refresh(u);
  ui_slide_new(u, nlog);
  u->opt_sel = -1;
  u->log_scroll = 0;
  int side = -1;
  if (fl_game_status(u->game) == FL_GAME_WAITING) fl_game_pending(u->game, &side);
  u->await_end_turn = fl_game_status(u->game) == FL_GAME_WAITING && (!UI_HUMAN(u, side) || u->st->turn != turn);
}

static void act(fl_Ui *u, int opt) {
  if (!fl_game_available(u->game, opt)) {
    const char *why = fl_game_unavailable_reason(u->game, opt);
    toast(u, why ? why : FL_TR("not available"));
    return;
  }
  int side, card = fl_game_pending(u->game, &side);
  if (card >= 0 && u->def->cards[card].options[opt].target != FL_TGT_NONE) { ui_pick_start(u, opt); return; } /* targets first */
  fl_Choice ch = {opt, 0, {0}};
  ui_act(u, &ch);
}

/* Select an option of the card; one that needs targets lights them at once. */
static void select_option(fl_Ui *u, int o) {
  ui_pick_cancel(u);
  if (!fl_game_available(u->game, o)) {
    const char *why = fl_game_unavailable_reason(u->game, o);
    toast(u, why ? why : FL_TR("not available"));
    return;
  }
  u->opt_sel = o;
  int side, card = fl_game_pending(u->game, &side);
  if (card >= 0 && u->def->cards[card].options[o].target != FL_TGT_NONE) ui_pick_start(u, o);
}

static void end_turn(fl_Ui *u) {
  u->await_end_turn = 0;
  u->next_ai = SDL_GetTicks() + 150;
}

static void zoom_at(fl_Ui *u, double f, int x, int y) {
  if (!u->geo_ok) return;
  double fitz = u->zoom;
  const double *b = u->geo.b;
  double zx = u->mapr.w / (b[2] - b[0]), zy = u->mapr.h / (b[3] - b[1]), base = (zx < zy ? zx : zy) * 0.94;
  double nz = fitz * f;
  if (nz < base * 0.6) nz = base * 0.6;
  if (nz > base * 40) nz = base * 40;
  double X = u->cx + (x - u->mapr.x - u->mapr.w / 2.0) / u->zoom, Y = u->cy + (y - u->mapr.y - u->mapr.h / 2.0) / u->zoom;
  u->zoom = nz;
  u->cx = X - (x - u->mapr.x - u->mapr.w / 2.0) / nz;
  u->cy = Y - (y - u->mapr.y - u->mapr.h / 2.0) / nz;
  u->fitted = 0;
}

static void pan(fl_Ui *u, double dx, double dy) {
  u->cx -= dx / u->zoom;
  u->cy -= dy / u->zoom;
  u->fitted = 0;
}

static void host_call(fl_Ui *u, int (*fn)(void *, char *, size_t), int error_panel) {
  char msg[2048] = "";
  int rc = fn(u->host->ud, msg, sizeof msg);
  if (!rc) { host_changed(u); u->await_end_turn = 0; u->next_ai = SDL_GetTicks() + 400; }
  show_result(u, rc, msg, error_panel);
}

/* After a save or a load: quitting loses nothing until the next decision. */
static void mark_saved(fl_Ui *u) {
  if (!u->err[0] && u->st) u->saved_nlog = u->st->nlog;
}

static void quit_answer(fl_Ui *u, int answer);

static void press(fl_Ui *u, int id, int arg) {
  switch (id) {
  case BTN_OPTION: select_option(u, arg); u->focus = FOCUS_CARD; break;
  case BTN_CONFIRM:
    if (u->pick_opt >= 0) { u->pick_cur = -1; ui_pick_key(u, SDLK_RETURN, 0); }
    else if (u->opt_sel >= 0) act(u, u->opt_sel);
    break;
  case BTN_END_TURN: end_turn(u); break;
  case BTN_DEBRIEF: ui_debrief_open(u); break;
  case BTN_BACK: u->screen = SCR_GAME; break;
  case BTN_NEW:
    if (u->screen == SCR_DEBRIEF && u->t.leave_ask != BTN_NEW) { u->t.leave_ask = BTN_NEW; break; } /* asked: once more */
    start_game(u);
    break;
  case BTN_TITLE:
    if (u->screen == SCR_DEBRIEF && u->t.leave_ask != BTN_TITLE) { u->t.leave_ask = BTN_TITLE; break; }
    if (u->nscen > 0) u->screen = SCR_TITLE;
    break;
  case BTN_SCENARIO: {
    char msg[2048] = "";
    u->title_sel = arg;
    if (u->host->open(u->host->ud, arg, msg, sizeof msg)) snprintf(u->err, sizeof u->err, "%s", msg);
    else { host_changed(u); open_brief(u); }
    break;
  }
  case BTN_SIDE: /* the side you play */
    u->brief_side = arg;
    if (arg >= 0 && arg < 64) u->brief_extra &= ~((uint64_t)1 << arg);
    break;
  case BTN_SEAT: /* hotseat: another person plays this side on the same screen */
    if (arg != u->brief_side && arg >= 0 && arg < 64) u->brief_extra ^= (uint64_t)1 << arg;
    break;
  case BTN_BEGIN: start_game(u); break;
  case BTN_UNDO: host_call(u, u->host->undo, 0); ui_trend_forget(u); break;
  case BTN_SAVE: host_call(u, u->host->save, 0); mark_saved(u); break;
  case BTN_LOAD:
    if (u->host->save_list) { /* a menu of every save, damaged ones with the reason */
      u->nsaves = u->host->save_list(u->host->ud);
      if (!u->nsaves) { snprintf(u->toast, sizeof u->toast, "%s", FL_TR("No saves of this scenario yet (Ctrl+S saves)")); u->toast_until = SDL_GetTicks() + 2500; }
      else { u->load_menu = 1; u->load_sel = 0; }
    } else {
      host_call(u, u->host->load, 0);
      mark_saved(u);
      ui_trend_forget(u);
    }
    break;
  case BTN_HELP: u->help = !u->help; break;
  case BTN_ZOOM_IN: zoom_at(u, 1.4, u->mapr.x + u->mapr.w / 2, u->mapr.y + u->mapr.h / 2); break;
  case BTN_ZOOM_OUT: zoom_at(u, 1 / 1.4, u->mapr.x + u->mapr.w / 2, u->mapr.y + u->mapr.h / 2); break;
  case BTN_FIT: ui_map_fit(u); break;
  case BTN_DISMISS:
    if (u->err[0]) u->err[0] = 0;
    else if (u->help) u->help = 0;
    else u->popup = -1;
    break;
  case BTN_RELOAD: do_reload(u, 0); break;
  case BTN_QUIT: quit_answer(u, arg); break;
  case BTN_LEGEND: u->legend_open = !u->legend_shown; u->legend_auto = 0; break;
  default: if (id >= BTN_FIRST_TEACH) ui_teach_press(u, id, arg); break;
  }
}

static int modal_open(const fl_Ui *u) {
  return u->err[0] || u->help || u->confirm_quit || u->load_menu || u->t.save_open || (u->screen == SCR_GAME && (u->popup >= 0 || u->handover >= 0));
}

/* Load the save selected in the menu; a damaged one leaves the menu open with its reason. */
static void load_selected(fl_Ui *u) {
  int ok;
  u->host->save_info(u->host->ud, u->load_sel, &ok);
  if (!ok) return;
  char msg[2048] = "";
  int rc = u->host->load_at(u->host->ud, u->load_sel, msg, sizeof msg);
  u->load_menu = 0;
  if (!rc) { host_changed(u); u->await_end_turn = 0; u->next_ai = SDL_GetTicks() + 400; mark_saved(u); ui_trend_forget(u); }
  show_result(u, rc, msg, 0);
}

int ui_unsaved(const fl_Ui *u) {
  if (!u->st || u->opts.demo || u->human < 0 || u->st->ended || u->screen != SCR_GAME) return 0;
  for (int i = u->st->nlog - 1; i >= 0 && i >= u->saved_nlog; i--)
    if (u->st->log[i].kind == FL_LOG_ACTION && UI_HUMAN(u, u->st->log[i].c)) return 1;
  return 0;
}

/* Quit, unless that would lose a person's unsaved decisions: then ask first. */
static void request_quit(fl_Ui *u) {
  if (ui_unsaved(u)) u->confirm_quit = 1;
  else u->quit = 1;
}

/* The answer to "Quit without saving?" (its keys and its buttons): quit, save then quit, or stay. */
static void quit_answer(fl_Ui *u, int answer) {
  if (answer == UI_QUIT_NOW) u->quit = 1;
  else if (answer == UI_QUIT_SAVE) { /* a save that failed says why and stays */
    char msg[2048] = "";
    int rc = u->host->save(u->host->ud, msg, sizeof msg);
    show_result(u, rc, msg, 0);
    if (!rc) { mark_saved(u); u->quit = 1; }
  }
  u->confirm_quit = 0;
}

/* Apply the text size: the display's scale times the player's choice. */
static void apply_scale(fl_Ui *u) {
  float s = ui_scale_for(u->H, u->dpi) * u->text_scale;
  if (fabsf(s - u->g.s) > 0.01f) { gfx_set_scale(&u->g, s); ui_map_free_labels(u); }
  ui_map_invalidate(u);
  u->gen++;
}

static void key(fl_Ui *u, const SDL_KeyboardEvent *k) {
  SDL_Keycode c = k->keysym.sym;
  int ctrl = (k->keysym.mod & KMOD_CTRL) != 0;
  if (u->confirm_quit) { /* Y or Enter: quit; S: save, then quit; N or Esc: keep playing */
    if (c == SDLK_y || c == SDLK_RETURN || c == SDLK_KP_ENTER) quit_answer(u, UI_QUIT_NOW);
    else if (c == SDLK_s) quit_answer(u, UI_QUIT_SAVE);
    else if (c == SDLK_n || c == SDLK_ESCAPE) quit_answer(u, UI_QUIT_STAY);
    return;
  }
  if (ui_save_key(u, c, ctrl)) return; /* the save dialog takes every key while it is open */
  if (u->load_menu) { /* arrows choose, Enter loads, Esc closes */
    if (c == SDLK_ESCAPE) u->load_menu = 0;
    else if (c == SDLK_UP && u->load_sel > 0) u->load_sel--;
    else if (c == SDLK_DOWN && u->load_sel < u->nsaves - 1) u->load_sel++;
    else if (c == SDLK_RETURN || c == SDLK_KP_ENTER) load_selected(u);
    return;
  }
  if (ctrl && c == SDLK_q) { request_quit(u); return; }
  if (ctrl && (c == SDLK_EQUALS || c == SDLK_PLUS || c == SDLK_KP_PLUS || c == SDLK_MINUS || c == SDLK_KP_MINUS || c == SDLK_0)) {
    float t = c == SDLK_0 ? 1.0f : u->text_scale * (c == SDLK_MINUS || c == SDLK_KP_MINUS ? 1 / 1.12f : 1.12f);
    u->text_scale = t < 0.7f ? 0.7f : t > 1.8f ? 1.8f : t;
    apply_scale(u);
    return;
  }
  if (c == SDLK_F1) { u->help = !u->help; return; }
  if (u->err[0]) {
    if (c == SDLK_ESCAPE || c == SDLK_RETURN || c == SDLK_KP_ENTER || c == SDLK_SPACE) u->err[0] = 0;
    else if (c == SDLK_F5 && u->def) do_reload(u, 0);
    return;
  }
  if (u->help) { if (c == SDLK_ESCAPE || c == SDLK_RETURN) u->help = 0; return; }
  if (u->screen == SCR_TITLE) {
    if (c == SDLK_UP && u->title_sel > 0) u->title_sel--;
    else if (c == SDLK_DOWN && u->title_sel < u->nscen - 1) u->title_sel++;
    else if ((c == SDLK_RETURN || c == SDLK_KP_ENTER) && u->nscen) press(u, BTN_SCENARIO, u->title_sel);
    else if (c == SDLK_ESCAPE) u->quit = 1;
    return;
  }
  if (u->screen == SCR_BRIEF) {
    if (ui_brief_key(u, c)) return;
    if (c == SDLK_h && u->def) { /* hotseat: every playable side gets a person, or none but yours */
      uint64_t all = 0;
      for (int i = 0; i < u->def->nside && i < 64; i++)
        if (u->def->sides[i].playable && i != u->brief_side) all |= (uint64_t)1 << i;
      u->brief_extra = u->brief_extra == all ? 0 : all;
      return;
    }
    if (c == SDLK_RETURN || c == SDLK_KP_ENTER || c == SDLK_SPACE) start_game(u);
    else if (c == SDLK_ESCAPE) { if (u->nscen) u->screen = SCR_TITLE; else u->quit = 1; }
    else if ((c == SDLK_LEFT || c == SDLK_UP || c == SDLK_RIGHT || c == SDLK_DOWN) && u->def) {
      int d = c == SDLK_LEFT || c == SDLK_UP ? -1 : 1;
      for (int i = 1; i <= u->def->nside; i++) {
        int s = ((u->brief_side + d * i) % u->def->nside + u->def->nside) % u->def->nside;
        if (u->def->sides[s].playable) { u->brief_side = s; u->brief_extra &= ~((uint64_t)1 << (s & 63)); break; }
      }
    }
    return;
  }
  if (u->screen == SCR_DEBRIEF) {
    /* leaving the debrief for a new game or the title closes it and its what-ifs: asked once
     * (a cold student pressed N and lost both what-ifs); Esc or any other key stays */
    int ask = u->t.leave_ask;
    u->t.leave_ask = 0;
    if (c == SDLK_n) { if (ask == BTN_NEW) start_game(u); else u->t.leave_ask = BTN_NEW; return; }
    if (c == SDLK_t && u->nscen) { if (ask == BTN_TITLE) u->screen = SCR_TITLE; else u->t.leave_ask = BTN_TITLE; return; }
    if (ask && c == SDLK_ESCAPE) return;
    if (ui_debrief_key(u, c, (k->keysym.mod & KMOD_SHIFT) != 0)) return;
    if (c == SDLK_ESCAPE || c == SDLK_RETURN) u->screen = SCR_GAME;
    return;
  }
  if (!u->game) return;
  if (ctrl) {
    if (c == SDLK_z) press(u, BTN_UNDO, 0);
    else if (c == SDLK_s) press(u, BTN_SAVE, 0);
    else if (c == SDLK_o) press(u, BTN_LOAD, 0);
    return;
  }
  if (c == SDLK_F5) { do_reload(u, 0); return; }
  if (u->handover >= 0) { /* hotseat: the next person sits down */
    if (c == SDLK_RETURN || c == SDLK_KP_ENTER || c == SDLK_SPACE) { u->seat = u->handover; u->handover = -1; }
    return;
  }
  if (u->anim_n) u->anim_n = 0; /* any key skips a sliding move */
  if (u->popup >= 0) {
    /* a key held or pressed just before the event came (speeding through turns) does not
     * dismiss it unread: a war can start while a student presses 1 and Enter */
    if (k->repeat || SDL_GetTicks() - u->popup_at < UI_POPUP_GUARD_MS) return;
    if (c == SDLK_RETURN || c == SDLK_KP_ENTER || c == SDLK_SPACE || c == SDLK_ESCAPE) u->popup = -1;
    return;
  }
  if (u->pick_opt >= 0 && ui_pick_key(u, c, (k->keysym.mod & KMOD_SHIFT) != 0)) return;
  int side = -1, card = fl_game_status(u->game) == FL_GAME_WAITING ? fl_game_pending(u->game, &side) : -1;
  int mine = card >= 0 && UI_HUMAN(u, side) && !u->await_end_turn;
  int nopt = card >= 0 ? u->def->cards[card].noptions : 0;
  if (c >= SDLK_1 && c <= SDLK_9) {
    int o = (int)(c - SDLK_1);
    if (mine && o < nopt) select_option(u, o);
    return;
  }
  switch (c) {
  case SDLK_RETURN:
  case SDLK_KP_ENTER:
    if (u->st->ended) ui_debrief_open(u);
    else if (u->await_end_turn) end_turn(u);
    else if (mine && u->opt_sel >= 0) act(u, u->opt_sel);
    else if (mine) toast(u, FL_TR("Choose an option first (keys 1\xE2\x80\x93" "9)"));
    break;
  case SDLK_SPACE:
    if (u->st->ended) ui_debrief_open(u);
    else if (u->await_end_turn) end_turn(u);
    else if (mine) toast(u, FL_TR("Choose an option and press Enter"));
    break;
  case SDLK_TAB: u->focus = (u->focus + ((k->keysym.mod & KMOD_SHIFT) ? FOCUS_N - 1 : 1)) % FOCUS_N; break;
  case SDLK_ESCAPE: if (u->sel >= 0) u->sel = -1; else u->opt_sel = -1; break;
  case SDLK_l: press(u, BTN_LEGEND, 0); break;
  case SDLK_v: /* cycle the map's shading: owners, then each overlay the scenario defines */
    if (u->def && u->def->noverlay) {
      u->overlay = u->overlay + 1 >= u->def->noverlay ? -1 : u->overlay + 1;
      ui_map_invalidate(u);
    }
    break;
  case SDLK_PLUS: case SDLK_EQUALS: case SDLK_KP_PLUS: press(u, BTN_ZOOM_IN, 0); break;
  case SDLK_MINUS: case SDLK_KP_MINUS: press(u, BTN_ZOOM_OUT, 0); break;
  case SDLK_0: case SDLK_HOME: ui_map_fit(u); break;
  case SDLK_PAGEUP: if (u->log_scroll > 0) u->log_scroll -= u->log_scroll < 5 ? u->log_scroll : 5; break;
  case SDLK_PAGEDOWN: if (u->log_scroll + 5 < u->st->nlog) u->log_scroll += 5; break;
  case SDLK_UP: case SDLK_DOWN: case SDLK_LEFT: case SDLK_RIGHT: {
    int dir = c == SDLK_UP || c == SDLK_LEFT ? -1 : 1;
    if (u->focus == FOCUS_CARD && mine && (c == SDLK_UP || c == SDLK_DOWN)) {
      int o = u->opt_sel;
      for (int i = 0; i < nopt; i++) {
        o = o < 0 ? (dir > 0 ? 0 : nopt - 1) : (o + dir + nopt) % nopt;
        if (fl_game_available(u->game, o)) break;
      }
      u->opt_sel = o;
    } else if (u->focus == FOCUS_LOG && (c == SDLK_UP || c == SDLK_DOWN)) {
      u->log_scroll += dir;
      if (u->log_scroll < 0) u->log_scroll = 0;
      if (u->log_scroll >= u->st->nlog) u->log_scroll = u->st->nlog ? u->st->nlog - 1 : 0;
    } else {
      double step = gfx_px(&u->g, 80);
      if (c == SDLK_LEFT || c == SDLK_RIGHT) pan(u, -dir * step, 0); else pan(u, 0, -dir * step);
    }
    break;
  }
  default: break;
  }
}

static int in_rect(SDL_Rect r, int x, int y) { return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h; }

static void mouse_button(fl_Ui *u, const SDL_MouseButtonEvent *b, float dpi) {
  int x = (int)(b->x * dpi), y = (int)(b->y * dpi);
  u->mx = x;
  u->my = y;
  if (b->button != SDL_BUTTON_LEFT) return;
  if (b->type == SDL_MOUSEBUTTONDOWN) {
    u->anim_n = 0; /* a click skips a sliding move */
    if (u->screen == SCR_GAME && u->handover >= 0) { u->seat = u->handover; u->handover = -1; return; }
    for (int i = u->nbtn - 1; i >= 0; i--)
      if (in_rect(u->btn[i].r, x, y)) { press(u, u->btn[i].id, u->btn[i].arg); return; }
    if (modal_open(u) || ui_cite_click(u, x, y)) return;
    if (u->screen == SCR_GAME && in_rect(u->mapr, x, y)) {
      u->dragging = 1;
      u->drag_moved = 0;
      u->drag_x = x;
      u->drag_y = y;
      ui_pick_press(u, x, y); /* a piece that can move: choose it (and maybe drag it) */
    }
  } else if (u->dragging) {
    int used = u->pick_opt >= 0 && ui_pick_release(u, x, y, u->drag_moved);
    if (!u->drag_moved && !used) { int a = ui_map_pick(u, x, y); u->sel = a == u->sel ? -1 : a; u->focus = FOCUS_MAP; }
    u->dragging = 0;
    u->drag_piece = -1;
  }
}

static void screenshot(fl_Ui *u, char *err, size_t n) {
  int w = u->W, h = u->H;
  unsigned char *buf = malloc((size_t)w * (size_t)h * 3);
  if (!buf) { snprintf(err, n, "out of memory"); return; }
  if (SDL_RenderReadPixels(u->r, NULL, SDL_PIXELFORMAT_RGB24, buf, w * 3)) snprintf(err, n, "screenshot: %s", SDL_GetError());
  else if (fl_ui_write_png(u->opts.screenshot, buf, w, h, w * 3, 3, err, n) == 0) fprintf(stderr, "flank play: wrote %s\n", u->opts.screenshot);
  free(buf);
}

/* Advance the game flow: pop-ups, policies' moves at their pace. Returns 1 if anything changed. */
static int update(fl_Ui *u, Uint32 now, Uint32 *wake) {
  if (u->screen != SCR_GAME || !u->game || u->err[0] || u->help) return 0;
  int changed = 0, popups = !(u->opts.demo && u->opts.speed <= 0);
  double t0 = ui_now_ms();
  for (;;) {
    if (u->popup < 0) {
      while (u->seen_log < u->st->nlog) {
        const fl_LogEntry *e = &u->st->log[u->seen_log++];
        /* once the game has ended its last events stay in the log: no pop-ups over "Game over" */
        if (e->kind == FL_LOG_EVENT && popups && !u->st->ended && ui_sees(u, e->seen)) {
          u->popup = u->seen_log - 1;
          u->popup_at = SDL_GetTicks();
          u->popup_until = now + (Uint32)(u->opts.demo ? 3 * demo_delay(u) : 0);
          changed = 1;
          break;
        }
      }
    }
    if (u->popup >= 0) {
      if (!u->opts.demo) return changed;
      if (now < u->popup_until) { if (*wake > u->popup_until - now) *wake = u->popup_until - now; return changed; }
      u->popup = -1;
      changed = 1;
      continue;
    }
    if (fl_game_status(u->game) != FL_GAME_WAITING) return changed;
    int side = -1;
    if (fl_game_pending(u->game, &side) < 0) return changed;
    if ((UI_HUMAN(u, side) && !u->opts.demo) || u->await_end_turn) return changed;
    if (now < u->next_ai) { if (*wake > u->next_ai - now) *wake = u->next_ai - now; return changed; }
    char msg[2048] = "";
    int nlog = u->st->nlog;
    if (u->host->step_policy(u->host->ud, msg, sizeof msg)) { snprintf(u->err, sizeof u->err, "%s", msg); ui_refresh(u); return 1; }
    ui_refresh(u);
    ui_slide_new(u, nlog);
    changed = 1;
    u->log_scroll = 0;
    int d = u->opts.demo ? demo_delay(u) : 450;
    u->next_ai = now + (Uint32)d;
    if (d > 0 || ui_now_ms() - t0 > 12) { if (d == 0) *wake = 0; return changed; }
  }
}

int fl_ui_run(const fl_UiHost *host, const fl_UiOpts *opts, char *err, size_t n) {
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER)) { snprintf(err, n, "no display: %s", SDL_GetError()); return -1; }
  /* without a display SDL falls back to drivers that show nothing: refuse unless asked for */
  const char *drv = SDL_GetCurrentVideoDriver(), *want = getenv("SDL_VIDEODRIVER");
  if (drv && (!strcmp(drv, "offscreen") || !strcmp(drv, "dummy")) && !(want && !strcmp(want, drv))) {
    SDL_Quit();
    snprintf(err, n, "no display (SDL found only the '%s' video driver; is DISPLAY or WAYLAND_DISPLAY set?)", drv ? drv : "?");
    return -1;
  }
  fl_Ui *u = calloc(1, sizeof *u);
  if (!u) { SDL_Quit(); snprintf(err, n, "out of memory"); return -1; }
  ui_init(u, NULL, opts);
  u->host = host;
  int w = u->opts.width > 0 ? u->opts.width : 1440, h = u->opts.height > 0 ? u->opts.height : 900;
  SDL_Rect disp;
  if (u->opts.width <= 0 && SDL_GetDisplayUsableBounds(0, &disp) == 0) {
    if (w > disp.w * 9 / 10) w = disp.w * 9 / 10;
    if (h > disp.h * 9 / 10) h = disp.h * 9 / 10;
  }
  u->win = SDL_CreateWindow("Flank", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h,
                            SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  if (!u->win) { snprintf(err, n, "window: %s", SDL_GetError()); free(u); SDL_Quit(); return -1; }
  SDL_SetWindowMinimumSize(u->win, 960, 600);
  /* SDL's software renderer draws into the window's surface, which SDL by default uploads
   * through a second, OpenGL renderer each frame: without a GPU (Mesa's swrast) that doubled
   * every frame's cost. On X11 straight to the X server instead (shared memory; the
   * environment's SDL_FRAMEBUFFER_ACCELERATION still wins). Wayland has no other way to show
   * that surface; an accelerated renderer never uses it. */
  if (drv && !strcmp(drv, "x11")) SDL_SetHintWithPriority(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0", SDL_HINT_DEFAULT);
  u->r = SDL_CreateRenderer(u->win, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_TARGETTEXTURE);
  if (!u->r) u->r = SDL_CreateRenderer(u->win, -1, SDL_RENDERER_SOFTWARE);
  if (!u->r) { snprintf(err, n, "renderer: %s", SDL_GetError()); SDL_DestroyWindow(u->win); free(u); SDL_Quit(); return -1; }
  SDL_GetRendererOutputSize(u->r, &u->W, &u->H);
  if (u->opts.bench) {
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(u->r, &info) == 0) printf("renderer %s\n", info.name);
  }
  int ww, wh;
  SDL_GetWindowSize(u->win, &ww, &wh);
  float dpi = ww > 0 ? (float)u->W / ww : 1.0f;
  u->dpi = dpi;
  if (gfx_init(&u->g, u->r, ui_scale_for(u->H, dpi), err, n)) {
    SDL_DestroyRenderer(u->r); SDL_DestroyWindow(u->win); free(u); SDL_Quit(); return -1;
  }
  /* Making a tab's ~60 new texts at once took ~45 ms of a frame: past 8 ms the rest wait for
   * the next frames (FLANK_TEXT_BUDGET_MS: tests make it tiny, so every frame defers) */
  const char *budget = getenv("FLANK_TEXT_BUDGET_MS");
  u->g.budget_ms = budget && *budget ? atof(budget) : 8;
  u->nscen = host->scenario_count ? host->scenario_count(host->ud) : 0;
  ui_refresh(u);
  if (u->def && u->opts.skip_title) open_brief(u);
  else u->screen = SCR_TITLE;
  const char *shot = u->opts.shot_screen;
  if (u->screen == SCR_BRIEF && (u->opts.demo || (shot && strcmp(shot, "briefing")))) start_game(u);
  if (shot && !strcmp(shot, "help")) u->help = 1;
  int dirty = 1, rc = 0, shot_done = 0, frames = 0, script_err = 0;
  double among_max_cpu = 0;
  /* the debrief's own shots: its first tab, or the ones ui_debrief_shot sets up */
  int shot_debrief = shot && (!strcmp(shot, "debrief") || !strcmp(shot, "whatif") || !strcmp(shot, "among") || !strcmp(shot, "sources") || !strcmp(shot, "save"));
  Uint32 last_poll = SDL_GetTicks();
  char shot_err[512] = "";
  while (!u->quit) {
    Uint32 now = SDL_GetTicks(), wake = 1000;
    ui_refresh(u);
    ui_board_update(u);
    int anim = ui_anim_wait(u); /* a timer only while a move slides */
    if (anim >= 0) { dirty = 1; if ((Uint32)anim < wake) wake = (Uint32)anim; if (anim == 0) wake = 1; }
    if (update(u, now, &wake)) { dirty = 1; u->gen++; }
    if (u->toast[0] && now < u->toast_until && wake > u->toast_until - now) wake = u->toast_until - now + 1;
    if (u->toast[0] && now >= u->toast_until) { u->toast[0] = 0; dirty = 1; }
    int at_end = u->screen == SCR_GAME && u->game && fl_game_status(u->game) != FL_GAME_WAITING && u->popup < 0;
    if (shot_debrief && at_end && u->opts.demo && u->screen != SCR_DEBRIEF) {
      ui_debrief_open(u);
      ui_debrief_shot(u, shot);
      dirty = 1;
    }
    if (ui_teach_poll(u, &wake)) dirty = 1;
    if (dirty) {
      double a = ui_now_ms();
      double cpu0 = u->opts.bench ? thread_cpu_ms() : 0, text_ms0 = u->g.text_ms;
      unsigned texts0 = u->g.texts_made;
      ui_draw_frame(u);
      double drawn = ui_now_ms();
      /* texts left for the next frame: draw again at once (the chrome too), without waiting for input */
      if (u->g.deferred) { wake = 0; u->gen++; }
      if (u->opts.screenshot && !shot_done && !u->g.deferred) {
        int take = 0;
        if (shot) {
          const char *cur = u->help ? "help" : u->screen == SCR_TITLE ? "title" : u->screen == SCR_BRIEF ? "briefing"
                          : u->screen == SCR_GAME ? "game" : "debrief";
          if (shot_debrief && strcmp(shot, "debrief")) take = u->screen == SCR_DEBRIEF && ui_debrief_shot_ready(u, shot);
          else take = !strcmp(shot, cur) && (strcmp(cur, "game") || !u->opts.demo || at_end);
        } else {
          take = u->opts.demo ? at_end : u->screen == SCR_GAME && u->game && u->st->ended && u->popup < 0;
        }
        if (u->opts.demo && u->err[0]) { take = 1; script_err = 1; fprintf(stderr, "%s\n", u->err); }
        if (take) { screenshot(u, shot_err, sizeof shot_err); shot_done = 1; u->quit = 1; if (shot_err[0]) rc = -1; }
      }
      SDL_RenderPresent(u->r);
      if (u->opts.bench && ui_now_ms() - a > 50) /* where a slow frame's time went; cpu < ms: it waited for a core */
        printf("slow_frame_ms %.1f draw %.1f present %.1f cpu %.1f new_texts %u in %.1f ms (%u left for the next) screen %d tab %d ensemble %s\n", ui_now_ms() - a,
               drawn - a, ui_now_ms() - drawn, thread_cpu_ms() - cpu0, u->g.texts_made - texts0, u->g.text_ms - text_ms0, u->g.deferred, u->screen,
               u->t.tab, u->t.among_th ? "running" : "idle");
      if (u->opts.bench && frames == 0)
        printf("first_frame_ms %.1f\n", ui_now_ms() - u->opts.bench_t0), fflush(stdout);
      if (u->opts.bench && frames < 3) printf("frame_ms %.2f\n", ui_now_ms() - a);
      if (u->t.among_th) { /* the figure for "no frame over 50 ms while the ensemble runs" */
        double ft = ui_now_ms() - a, fcpu = u->opts.bench ? thread_cpu_ms() - cpu0 : 0;
        if (fcpu > among_max_cpu) among_max_cpu = fcpu; /* the part a loaded machine does not add */
        if (ft > u->t.among_max_frame) u->t.among_max_frame = ft;
        u->t.among_sum_frame += ft;
        u->t.among_frames++;
      }
      frames++;
      dirty = u->g.deferred > 0;
    }
    if (u->quit) break;
    SDL_Event ev;
    int got = wake == 0 ? SDL_PollEvent(&ev) : SDL_WaitEventTimeout(&ev, (int)wake);
    while (got) {
      switch (ev.type) {
      case SDL_QUIT: request_quit(u); break;
      case SDL_WINDOWEVENT:
        if (ev.window.event == SDL_WINDOWEVENT_SIZE_CHANGED || ev.window.event == SDL_WINDOWEVENT_RESIZED) {
          SDL_GetRendererOutputSize(u->r, &u->W, &u->H);
          SDL_GetWindowSize(u->win, &ww, &wh);
          dpi = ww > 0 ? (float)u->W / ww : 1.0f;
          u->dpi = dpi;
          apply_scale(u);
        }
        if (ev.window.event == SDL_WINDOWEVENT_LEAVE) { u->mouse_in = 0; u->hover = -1; }
        break;
      case SDL_MOUSEMOTION: {
        int was_map = in_rect(u->mapr, u->mx, u->my);
        u->mouse_in = 1;
        u->mx = (int)(ev.motion.x * dpi);
        u->my = (int)(ev.motion.y * dpi);
        if (!was_map || !in_rect(u->mapr, u->mx, u->my) || u->screen != SCR_GAME) u->gen++; /* hover in the chrome */
        if (u->dragging) {
          int dx = u->mx - u->drag_x, dy = u->my - u->drag_y;
          if (abs(dx) + abs(dy) > 3 || u->drag_moved) {
            u->drag_moved = 1;
            if (u->drag_piece < 0) pan(u, dx, dy); /* dragging a piece moves the piece, not the map */
            u->drag_x = u->mx;
            u->drag_y = u->my;
          }
        }
        u->hover = u->screen == SCR_GAME && !modal_open(u) ? ui_map_pick(u, u->mx, u->my) : -1;
        break;
      }
      case SDL_MOUSEBUTTONDOWN:
      case SDL_MOUSEBUTTONUP: mouse_button(u, &ev.button, dpi); break;
      case SDL_MOUSEWHEEL: {
        if (u->screen == SCR_TITLE) {
          u->title_sel -= ev.wheel.y;
          if (u->title_sel < 0) u->title_sel = 0;
          if (u->title_sel >= u->nscen) u->title_sel = u->nscen ? u->nscen - 1 : 0;
        } else if (u->screen == SCR_BRIEF && u->def && in_rect(u->brief_bib, u->mx, u->my)) { /* its sources */
          u->brief_scroll -= ev.wheel.y;
          if (u->brief_scroll < 0) u->brief_scroll = 0;
          if (u->brief_scroll >= u->def->nsource) u->brief_scroll = u->def->nsource ? u->def->nsource - 1 : 0;
        } else if (u->screen == SCR_DEBRIEF) {
          ui_debrief_wheel(u, ev.wheel.y);
        } else if (u->screen == SCR_GAME && u->st && in_rect(u->logr, u->mx, u->my)) {
          u->log_scroll -= ev.wheel.y;
          if (u->log_scroll < 0) u->log_scroll = 0;
          if (u->log_scroll >= u->st->nlog) u->log_scroll = u->st->nlog ? u->st->nlog - 1 : 0;
        } else if (u->screen == SCR_GAME && in_rect(u->mapr, u->mx, u->my) && !modal_open(u)) {
          zoom_at(u, pow(1.2, ev.wheel.y), u->mx, u->my);
        }
        break;
      }
      case SDL_KEYDOWN: key(u, &ev.key); break;
      case SDL_TEXTINPUT: ui_save_text(u, ev.text.text); break;
      default: break;
      }
      if (ev.type != SDL_MOUSEMOTION) u->gen++;
      dirty = 1;
      got = SDL_PollEvent(&ev);
    }
    now = SDL_GetTicks();
    if (host->changed && u->def && now - last_poll >= 1000) {
      last_poll = now;
      if (host->changed(host->ud)) { do_reload(u, 1); dirty = 1; u->gen++; }
    }
  }
  if (u->opts.bench) printf("texts_deferred %u in %d frames\nmax_frame_cpu_ms_while_among %.1f\n", u->g.texts_deferred, frames, among_max_cpu);
  if (u->opts.screenshot && !shot_done) {
    u->g.budget_ms = 0; /* every text in this one */
    u->gen++;
    ui_draw_frame(u);
    screenshot(u, shot_err, sizeof shot_err);
    if (shot_err[0]) rc = -1;
  }
  if (rc) snprintf(err, n, "%s", shot_err);
  ui_free(u);
  SDL_DestroyRenderer(u->r);
  SDL_DestroyWindow(u->win);
  free(u);
  TTF_Quit();
  SDL_Quit();
  return rc ? rc : script_err;
}
