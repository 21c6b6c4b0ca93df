/* ui_screens: what each screen draws — title, briefing, the game (top bar, map, tracks,
 * log; the decision card is ui_card.c), debrief — and the overlays (event pop-up, error panel, help,
 * toast). Drawing only: clicks are registered as buttons that fl_ui.c acts on. */
#include "ui_int.h"
#include "fl_fmt.h"
#include "fl_i18n.h"
#include "fl_schedule.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PX(v) gfx_px(&u->g, (v))

/* Month names as a date shows them ("1 January 2025"; a translation may decline them). */
static const char *const MONTHS[12] = {FL_N("January"), FL_N("February"), FL_N("March"), FL_N("April"), FL_N("May"),
                                       FL_N("June"), FL_N("July"), FL_N("August"), FL_N("September"), FL_N("October"),
                                       FL_N("November"), FL_N("December")};
static const char *const MONTHS_SHORT[12] = {FL_NC("short month", "Jan"), FL_NC("short month", "Feb"), FL_NC("short month", "Mar"),
  FL_NC("short month", "Apr"), FL_NC("short month", "May"), FL_NC("short month", "Jun"), FL_NC("short month", "Jul"),
  FL_NC("short month", "Aug"), FL_NC("short month", "Sep"), FL_NC("short month", "Oct"), FL_NC("short month", "Nov"),
  FL_NC("short month", "Dec")};

void ui_date_long(int32_t date, char *buf, size_t n) {
  int y, m, d;
  fl_date_split(date, &y, &m, &d);
  snprintf(buf, n, "%d %s %d", d, fl_tr(MONTHS[(m - 1) % 12]), y);
}

void ui_date_short(int32_t date, char *buf, size_t n) {
  int y, m, d;
  fl_date_split(date, &y, &m, &d);
  snprintf(buf, n, "%d %s %d", d, fl_trc("short month", MONTHS_SHORT[(m - 1) % 12]), y);
}

void ui_span_text(fl_Span sp, char *buf, size_t n) { fl_schedule_span(sp, buf, n); }

void fl_ui_schedule_text(const fl_Def *d, char *buf, size_t n) { fl_schedule_short(d, buf, n); }

void ui_button(fl_Ui *u, SDL_Rect r, int id, int arg) {
  if (u->nbtn < (int)(sizeof u->btn / sizeof u->btn[0])) u->btn[u->nbtn++] = (ui_Btn){r, id, arg};
}

int ui_hovered(const fl_Ui *u, SDL_Rect r) {
  return u->mouse_in && u->mx >= r.x && u->my >= r.y && u->mx < r.x + r.w && u->my < r.y + r.h;
}

/* A button with a label and a key hint; registered for clicks unless disabled. */
SDL_Rect ui_btn(fl_Ui *u, int x, int y, const char *label, const char *key, int id, int arg, int style, int align) {
  gfx_Ctx *g = &u->g;
  label = fl_tr(label); /* callers mark it FL_N */
  int font = style == BS_PRIMARY ? FONT_BOLD : FONT_BODY;
  int tw = gfx_text_w(g, font, label), kw = key ? gfx_text_w(g, FONT_SMALL, key) + PX(10) : 0;
  SDL_Rect r = {x, y, tw + kw + PX(28), gfx_font_h(g, FONT_BODY) + PX(14)};
  if (align == 2) r.x -= r.w; else if (align == 1) r.x -= r.w / 2;
  int hot = ui_hovered(u, r) && style != BS_DISABLED;
  SDL_Color bg = style == BS_PRIMARY ? COL_ACCENT : style == BS_GHOST ? (SDL_Color){0, 0, 0, 0} : COL_CARD_HI;
  if (hot) bg = style == BS_PRIMARY ? gfx_mix(COL_ACCENT, (SDL_Color){255, 255, 255, 255}, 0.2f) : gfx_mix(COL_CARD_HI, COL_LINE, 0.8f);
  if (style == BS_DISABLED) bg = COL_CARD;
  SDL_Color fg = style == BS_PRIMARY ? (SDL_Color){20, 22, 26, 255} : style == BS_DISABLED ? COL_MUTED : COL_TEXT;
  if (bg.a) gfx_round(g, r, PX(5), bg);
  if (style != BS_PRIMARY) gfx_round_frame(g, r, PX(5), style == BS_DISABLED ? COL_CARD_HI : COL_LINE, 1);
  int ty = r.y + (r.h - gfx_font_h(g, font)) / 2;
  gfx_draw_text(g, font, label, r.x + PX(14), ty, fg, 0);
  if (key) {
    SDL_Color kc = style == BS_PRIMARY ? (SDL_Color){70, 58, 28, 255} : COL_MUTED;
    gfx_draw_text(g, FONT_SMALL, key, r.x + PX(14) + tw + PX(10), r.y + (r.h - gfx_font_h(g, FONT_SMALL)) / 2, kc, 0);
  }
  if (style != BS_DISABLED) ui_button(u, r, id, arg);
  return r;
}

int ui_section(fl_Ui *u, int x, int y, int w, const char *title) {
  gfx_Ctx *g = &u->g;
  int tw = gfx_draw_text(g, FONT_TINY_B, fl_tr(title), x, y, COL_ACCENT, 0); /* callers mark it FL_N */
  int ly = y + gfx_font_h(g, FONT_TINY_B) / 2;
  gfx_fill(g, (SDL_Rect){x + tw + PX(8), ly, w - tw - PX(8), 1}, COL_LINE);
  return y + gfx_font_h(g, FONT_TINY_B) + PX(8);
}

static const char *source_text(const fl_Def *d, const char *id) {
  if (!id || !*id) return NULL;
  for (int i = 0; i < d->nsource; i++)
    if (!strcmp(d->sources[i].id, id)) return d->sources[i].text;
  return id;
}

void ui_log_text(const fl_Ui *u, const fl_LogEntry *e, char *buf, size_t n) {
  const fl_Def *d = u->def;
  switch (e->kind) {
  case FL_LOG_ACTION: {
    char tg[512];
    ui_targets_text(u, e, tg, sizeof tg);
    snprintf(buf, n, "%s: %s \xE2\x80\x94 %s%s", e->c >= 0 ? d->sides[e->c].name : "?", d->cards[e->a].title,
             d->cards[e->a].options[e->b].label, tg);
    break;
  }
  case FL_LOG_EVENT:
    snprintf(buf, n, "%s%s%s", d->events[e->a].title ? d->events[e->a].title : d->events[e->a].id, e->text && *e->text ? ": " : "",
             e->text ? e->text : "");
    break;
  case FL_LOG_DELAYED:
    snprintf(buf, n, FL_TR("Takes effect: %s \xE2\x80\x94 %s"), d->cards[e->a].title, d->cards[e->a].options[e->b].label);
    break;
  case FL_LOG_SKIPPED: snprintf(buf, n, FL_TR("%s: no option available"), d->cards[e->a].title); break;
  case FL_LOG_ENDING: snprintf(buf, n, FL_TR("Ending: %s"), d->endings[e->a].title); break;
  default: snprintf(buf, n, "%s", e->text ? e->text : ""); break;
  }
}

const char *ui_ending_text(const fl_State *s, const fl_Def *d) {
  for (int i = s->nlog - 1; i >= 0; i--)
    if (s->log[i].kind == FL_LOG_ENDING) return s->log[i].text && *s->log[i].text ? s->log[i].text : NULL;
  return s->ending >= 0 ? d->endings[s->ending].text : NULL;
}

/* ---- top bar ------------------------------------------------------------------- */

/* The phase the header names, and the side asked (-1: none): the pending card's own phase
 * when it has one, else the state's phase if that is the asked side's, else the first phase of
 * the asked side; with nothing asked, the state's phase. */
static int header_phase(const fl_Ui *u, int *side) {
  const fl_Def *d = u->def;
  int ph = u->st->phase >= 0 && u->st->phase < d->nphase ? u->st->phase : -1;
  int card = fl_game_status(u->game) == FL_GAME_WAITING ? fl_game_pending(u->game, side) : -1;
  if (card < 0) { *side = -1; return ph; }
  if (d->cards[card].phase >= 0 && d->cards[card].phase < d->nphase) return d->cards[card].phase;
  if (ph >= 0 && (d->phases[ph].side == *side || d->phases[ph].side < 0)) return ph;
  for (int i = 0; i < d->nphase; i++)
    if (d->phases[i].side == *side) return i;
  return ph;
}

static void top_bar(fl_Ui *u, int h) {
  gfx_Ctx *g = &u->g;
  const fl_Def *d = u->def;
  const fl_State *s = u->st;
  gfx_vgradient(g, (SDL_Rect){0, 0, u->W, h}, (SDL_Color){30, 36, 46, 255}, (SDL_Color){22, 27, 35, 255});
  gfx_fill(g, (SDL_Rect){0, h - 1, u->W, 1}, COL_LINE);
  int x = PX(18), cy = h / 2;
  /* right first: the actions, then the demo badge; the left side fills what is left */
  int bx = u->W - PX(14), by = cy - (gfx_font_h(g, FONT_BODY) + PX(14)) / 2;
  bx = ui_btn(u, bx, by, FL_N("Help"), "F1", BTN_HELP, 0, BS_GHOST, 2).x - PX(6);
  bx = ui_btn(u, bx, by, FL_N("Load"), NULL, BTN_LOAD, 0, BS_GHOST, 2).x - PX(6);
  bx = ui_btn(u, bx, by, FL_N("Save"), NULL, BTN_SAVE, 0, BS_GHOST, 2).x - PX(6);
  bx = ui_btn(u, bx, by, FL_N("Undo"), NULL, BTN_UNDO, 0, BS_GHOST, 2).x - PX(12);
  if (u->opts.demo) {
    char sp[32];
    if (u->opts.speed > 0) snprintf(sp, sizeof sp, FL_TR("DEMO \xC3\x97%g"), u->opts.speed); else snprintf(sp, sizeof sp, "%s", FL_TR("DEMO max"));
    int tw = gfx_text_w(g, FONT_TINY_B, sp);
    SDL_Rect r = {bx - tw - PX(16), cy - PX(10), tw + PX(16), PX(20)};
    gfx_round(g, r, PX(10), COL_ERROR);
    gfx_draw_text(g, FONT_TINY_B, sp, r.x + PX(8), r.y + (r.h - gfx_font_h(g, FONT_TINY_B)) / 2, COL_TEXT, 0);
    bx = r.x - PX(12);
  }
  int limit = bx;
  x += gfx_draw_text(g, FONT_HEAD, "FLANK", x, cy - gfx_font_h(g, FONT_HEAD) / 2, COL_ACCENT, 0) + PX(14);
  gfx_fill(g, (SDL_Rect){x, cy - PX(12), 1, PX(24)}, COL_LINE);
  x += PX(14);
  char buf[256], fit[256];
  gfx_fit(g, FONT_BOLD, d->title, u->W / 4, fit, sizeof fit);
  x += gfx_draw_text(g, FONT_BOLD, fit, x, cy - gfx_font_h(g, FONT_BOLD) / 2, COL_TEXT, 0) + PX(28);
  /* date, turn, phase, side to move: each only if it fits before the buttons */
#define FITS(font, text) (x + gfx_text_w(g, font, text) <= limit)
  ui_date_long(s->date, buf, sizeof buf);
  if (FITS(FONT_BOLD, buf)) x += gfx_draw_text(g, FONT_BOLD, buf, x, cy - gfx_font_h(g, FONT_BOLD) / 2, COL_TEXT, 0) + PX(18);
  if (d->turns_cap) snprintf(buf, sizeof buf, FL_TR("Turn %d"), s->turn); /* the date is the progress */
  else snprintf(buf, sizeof buf, FL_TR("Turn %d of %d"), s->turn, d->max_turns);
  if (FITS(FONT_BODY, buf)) x += gfx_draw_text(g, FONT_BODY, buf, x, cy - gfx_font_h(g, FONT_BODY) / 2, COL_MUTED, 0) + PX(18);
  /* the phase and the side say what the panel shows: the card asked now (its own phase), or,
   * once the player's decisions are in, that the turn waits for End turn (not the next side's
   * phase: "Allies decide" over "Your decisions are in" told the student two things) */
  int side = -1, ph = header_phase(u, &side);
  const char *phase = u->await_end_turn ? FL_TR("Your decisions are in") : ph >= 0 ? d->phases[ph].name : NULL;
  if (u->await_end_turn) side = -1;
  snprintf(buf, sizeof buf, "%s%s", side >= 0 ? d->sides[side].name : "", UI_HUMAN(u, side) ? (u->humans & (u->humans - 1) ? FL_TR(" (your turn)") : FL_TR(" (you)")) : "");
  if (getenv("FLANK_LAYOUT_CHECK")) /* tests: what the header says beside what the panel asks */
    fprintf(stderr, "header: %s | %s | panel: %s\n", phase ? phase : "", buf, ui_panel_says(u));
  int whose = side >= 0 ? PX(18) + gfx_text_w(g, FONT_BODY, buf) : s->ended ? gfx_text_w(g, FONT_BOLD, FL_TR("Game over")) : 0;
  if (!s->ended && phase && x + gfx_text_w(g, FONT_BODY, phase) + PX(18) + whose <= limit)
    x += gfx_draw_text(g, FONT_BODY, phase, x, cy - gfx_font_h(g, FONT_BODY) / 2, COL_MUTED, 0) + PX(18);
  if (side >= 0 && x + whose <= limit) {
    gfx_disc(g, (float)x + PX(6), (float)cy, (float)PX(6), ui_side_color(u, side));
    x += PX(18);
    gfx_draw_text(g, FONT_BODY, buf, x, cy - gfx_font_h(g, FONT_BODY) / 2, COL_TEXT, 0);
  } else if (s->ended && FITS(FONT_BOLD, FL_TR("Game over"))) {
    gfx_draw_text(g, FONT_BOLD, FL_TR("Game over"), x, cy - gfx_font_h(g, FONT_BOLD) / 2, COL_ACCENT, 0);
  }
#undef FITS
}

/* ---- log ----------------------------------------------------------------------- */

static void log_panel(fl_Ui *u, SDL_Rect r) {
  gfx_Ctx *g = &u->g;
  const fl_State *s = u->st;
  u->logr = r;
  if (r.h < PX(40)) return;
  SDL_RenderSetClipRect(u->r, &r);
  /* a game whose turns are only a cap (months, then days, then years) dates its entries */
  int dated = u->def->turns_cap, tw = dated ? gfx_text_w(g, FONT_SMALL, "28 May 2025") + PX(14) : PX(42);
  int y = r.y, ww = r.w - tw;
  int shown = 0, idx = s->nlog - 1 - u->log_scroll;
  if (u->focus == FOCUS_LOG) gfx_fill(g, (SDL_Rect){r.x - PX(8), r.y, PX(2), r.h}, COL_ACCENT);
  for (; idx >= 0 && y < r.y + r.h; idx--) {
    const fl_LogEntry *e = &s->log[idx];
    if (e->kind == FL_LOG_SKIPPED || !ui_sees(u, e->seen)) continue;
    char buf[1200], t[32];
    ui_log_text(u, e, buf, sizeof buf);
    if (!*buf) continue;
    if (dated) ui_date_short(e->date, t, sizeof t);
    else snprintf(t, sizeof t, FL_TR("T%d"), e->turn);
    SDL_Color c = e->kind == FL_LOG_ACTION ? COL_TEXT : e->kind == FL_LOG_EVENT ? (SDL_Color){226, 200, 140, 255}
                : e->kind == FL_LOG_ENDING ? COL_ACCENT : COL_MUTED;
    const gfx_Text *bt = gfx_text(g, FONT_SMALL, buf, ww);
    if (shown && bt && y + bt->h > r.y + r.h) break;
    gfx_draw_text(g, FONT_SMALL, t, r.x, y, (SDL_Color){110, 118, 128, 255}, 0);
    if (e->kind == FL_LOG_ACTION && e->c >= 0) gfx_disc(g, (float)(r.x + tw - PX(8)), (float)(y + gfx_font_h(g, FONT_SMALL) / 2), (float)PX(3), ui_side_color(u, e->c));
    y += gfx_draw_wrapped(g, FONT_SMALL, buf, r.x + tw, y, ww, c) + PX(6);
    shown++;
  }
  SDL_RenderSetClipRect(u->r, NULL);
  int older = 0; /* entries below the last one shown (newest first: older ones are further down) */
  for (; idx >= 0 && !older; idx--) older = s->log[idx].kind != FL_LOG_SKIPPED && ui_sees(u, s->log[idx].seen);
  /* a second cold student turned the wheel up and pressed Page Up for earlier news: say which way */
  const char *hint = u->log_scroll > 0 && older ? FL_TR("\xE2\x86\x91 newer \xC2\xB7 \xE2\x86\x93 older")
                     : u->log_scroll > 0 ? FL_TR("\xE2\x86\x91 newer")
                     : older ? FL_TR("\xE2\x86\x93 older: wheel or Page Down") : NULL;
  if (hint) gfx_draw_text(g, FONT_SMALL, hint, r.x + r.w, r.y - PX(20), COL_MUTED, 2);
  if (!s->nlog) gfx_draw_text(g, FONT_SMALL, FL_TR("Nothing has happened yet."), r.x, r.y, COL_MUTED, 0);
}

/* ---- the game screen ----------------------------------------------------------- */

static void map_controls(fl_Ui *u) {
  gfx_Ctx *g = &u->g;
  int s = PX(30), x = u->mapr.x + u->mapr.w - s - PX(14), y = u->mapr.y + PX(14);
  const char *lab[3] = {"+", "\xE2\x88\x92", "\xE2\x97\xBB"};
  int ids[3] = {BTN_ZOOM_IN, BTN_ZOOM_OUT, BTN_FIT};
  for (int i = 0; i < 3; i++) {
    SDL_Rect r = {x, y + i * (s + PX(4)), s, s};
    gfx_round(g, r, PX(5), ui_hovered(u, r) ? COL_CARD_HI : (SDL_Color){20, 25, 32, 225});
    gfx_round_frame(g, r, PX(5), COL_LINE, 1);
    gfx_draw_text(g, FONT_HEAD, lab[i], r.x + s / 2, r.y + (s - gfx_font_h(g, FONT_HEAD)) / 2, COL_TEXT, 1);
    ui_button(u, r, ids[i], 0);
  }
}

static void selected_card(fl_Ui *u) {
  gfx_Ctx *g = &u->g;
  if (u->sel < 0) return;
  char lines[12][256];
  int n = ui_area_info(u, u->sel, lines, 12), pad = PX(12), w = PX(300), iw = w - 2 * pad;
  int h = 2 * pad + gfx_font_h(g, FONT_TINY_B) + PX(4) + gfx_font_h(g, FONT_HEAD) + PX(4);
  for (int i = 1; i < n; i++) { const gfx_Text *t = gfx_text(g, FONT_SMALL, lines[i], iw); h += (t ? t->h : 0) + PX(3); }
  SDL_Rect r = {u->mapr.x + PX(14), u->mapr.y + PX(14), w, h};
  if (SDL_HasIntersection(&r, &u->legend_r)) { /* the legend keeps its corner: the card goes under it, else top right */
    r.y = u->legend_r.y + u->legend_r.h + PX(8);
    if (r.y + r.h > u->mapr.y + u->mapr.h - PX(14)) r = (SDL_Rect){u->mapr.x + u->mapr.w - w - PX(58), u->mapr.y + PX(14), w, h};
  }
  gfx_shadow(g, r, PX(6));
  gfx_round(g, r, PX(6), (SDL_Color){24, 30, 38, 240});
  gfx_round_frame(g, r, PX(6), COL_ACCENT, 1);
  int y = r.y + pad;
  gfx_draw_text(g, FONT_TINY_B, FL_TR("SELECTED AREA"), r.x + pad, y, COL_ACCENT, 0);
  y += gfx_font_h(g, FONT_TINY_B) + PX(4);
  gfx_draw_text(g, FONT_HEAD, lines[0], r.x + pad, y, COL_TEXT, 0);
  y += gfx_font_h(g, FONT_HEAD) + PX(4);
  for (int i = 1; i < n; i++) y += gfx_draw_wrapped(g, FONT_SMALL, lines[i], r.x + pad, y, iw, i == 1 ? COL_TEXT : COL_MUTED) + PX(3);
}

/* Legend, zoom buttons and the selected area over the map. */
static void map_overlays(fl_Ui *u) {
  ui_legend(u);
  ui_draw_pick_banner(u);
  map_controls(u);
  selected_card(u);
}

/* The top bar and the side panel: drawn into a cached texture, redrawn when u->gen moves. */
static void draw_chrome(fl_Ui *u, int top, int pw) {
  gfx_Ctx *g = &u->g;
  SDL_Rect pr = {u->W - pw, top, pw, u->H - top};
  gfx_fill(g, pr, COL_PANEL);
  gfx_fill(g, (SDL_Rect){pr.x, pr.y, 1, pr.h}, COL_LINE);
  int pad = PX(18), x = pr.x + pad, w = pw - 2 * pad, y = pr.y + PX(16);
  y = ui_section(u, x, y, w, FL_N("INDICATORS"));
  u->ntrow = 0; /* the rows ui_tracks registers now */
  int nvis = 0;
  for (int i = 0; i < u->def->ntrack; i++) nvis += u->def->tracks[i].visible && ui_sees(u, u->def->tracks[i].seen);
  /* the indicators take two columns when one would fill more than a third of the panel: by
   * the window, not by the card of the moment, so they do not change their layout (and move
   * the card and log) from phase to phase */
  int compact = nvis > 3 && ui_tracks_height(u, w) > (u->H - top) / 3;
  y = compact ? ui_tracks_compact(u, x, y, w) : ui_tracks(u, x, y, w);
  y += PX(4);
  y = ui_section(u, x, y, w, u->st->ended ? FL_N("OUTCOME") : FL_N("DECISION"));
  /* the log always stands under the card, at least a few lines of it (a card too tall even
   * compacted takes them on a small window): a log that moved onto the map when a card was
   * tall (and the legend that made way for it) lost the student */
  int log_min = PX(72);
  y = ui_card_panel(u, x, y, w, 0, u->H - y - PX(12) - PX(18) - log_min) + PX(18);
  y = ui_section(u, x, y, w, FL_N("LOG"));
  log_panel(u, (SDL_Rect){x, y, w, u->H - y - PX(12)});
  if (getenv("FLANK_LAYOUT_CHECK"))
    fprintf(stderr, "layout: log at %d,%d,%d,%d; indicators in %d column%s\n", x, y, w, u->H - y - PX(12), compact ? 2 : 1, compact ? "s" : "");
  top_bar(u, top);
}

void ui_draw_game(fl_Ui *u) {
  gfx_Ctx *g = &u->g;
  int top = PX(54);
  int pw = (int)(u->W * 0.27);
  if (pw < PX(350)) pw = PX(350);
  if (pw > PX(470)) pw = PX(470);
  if (pw > u->W / 2) pw = u->W / 2;
  SDL_Rect mr = {0, top, u->W - pw, u->H - top};
  if (!(u->layers & FL_UI_PANELS)) { mr = (SDL_Rect){0, 0, u->W, u->H}; }
  if (mr.w != u->mapr.w || mr.h != u->mapr.h) { u->mapr = mr; if (u->fitted) ui_map_fit(u); }
  u->mapr = mr;
  ui_map_draw(u);
  if (!(u->layers & FL_UI_PANELS)) return;
  /* the chrome: cached unless something it shows changed */
  if (!u->chrome || u->chrome_w != u->W || u->chrome_h != u->H) {
    if (u->chrome) SDL_DestroyTexture(u->chrome);
    u->chrome = SDL_CreateTexture(u->r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, u->W, u->H);
    u->chrome_w = u->W;
    u->chrome_h = u->H;
    u->chrome_gen = u->gen - 1;
  }
  SDL_Rect pr = {u->W - pw, top, pw, u->H - top}, tr = {0, 0, u->W, top};
  if (!u->chrome) { draw_chrome(u, top, pw); map_overlays(u); return; }
  if (u->chrome_gen != u->gen) {
    SDL_Texture *prev = SDL_GetRenderTarget(u->r);
    SDL_SetRenderTarget(u->r, u->chrome);
    int b0 = u->nbtn;
    draw_chrome(u, top, pw);
    SDL_SetRenderTarget(u->r, prev);
    u->ncbtn = 0;
    for (int i = b0; i < u->nbtn && u->ncbtn < (int)(sizeof u->cbtn / sizeof u->cbtn[0]); i++) u->cbtn[u->ncbtn++] = u->btn[i];
    u->nbtn = b0;
    u->chrome_gen = u->gen;
  }
  SDL_SetTextureBlendMode(u->chrome, SDL_BLENDMODE_NONE);
  SDL_RenderCopy(u->r, u->chrome, &pr, &pr);
  SDL_RenderCopy(u->r, u->chrome, &tr, &tr);
  for (int i = 0; i < u->ncbtn; i++) ui_button(u, u->cbtn[i].r, u->cbtn[i].id, u->cbtn[i].arg);
  gfx_fill(g, (SDL_Rect){pr.x - PX(3), pr.y, PX(3), pr.h}, (SDL_Color){0, 0, 0, 70});
  gfx_fill(g, (SDL_Rect){0, top, u->W - pw, PX(2)}, (SDL_Color){0, 0, 0, 60});
  map_overlays(u);
}

/* ---- title and briefing --------------------------------------------------------- */

/* The backdrop's gradient and grid, computed row by row into a surface: the same picture
 * drawn with the software renderer's triangles cost a screen's first frame ~50 ms of CPU. */
static SDL_Surface *backdrop_surface(fl_Ui *u) {
  SDL_Surface *sf = SDL_CreateRGBSurfaceWithFormat(0, u->W, u->H, 32, SDL_PIXELFORMAT_ARGB8888);
  if (!sf) return NULL;
  int step = PX(48), H = u->H > 1 ? u->H : 1;
  const SDL_Color top = {24, 34, 44, 255}, bot = {12, 15, 20, 255};
#define GRID(c) ((c) + ((255 - (c)) * 10 + 127) / 255) /* white at alpha 10 over c */
  for (int y = 0; y < u->H; y++) {
    float t = (y + 0.5f) / (float)H;
    int r = (int)(top.r + (bot.r - top.r) * t + 0.5f), gg = (int)(top.g + (bot.g - top.g) * t + 0.5f), b = (int)(top.b + (bot.b - top.b) * t + 0.5f);
    int line = step > 0 && y >= step / 2 && (y - step / 2) % step == 0;
    if (line) { r = GRID(r); gg = GRID(gg); b = GRID(b); }
    Uint32 c = 0xFF000000u | (Uint32)r << 16 | (Uint32)gg << 8 | (Uint32)b;
    Uint32 v = 0xFF000000u | (Uint32)GRID(r) << 16 | (Uint32)GRID(gg) << 8 | (Uint32)GRID(b);
    Uint32 *px = (Uint32 *)((Uint8 *)sf->pixels + (size_t)y * (size_t)sf->pitch);
    for (int x = 0; x < u->W; x++) px[x] = c;
    for (int x = step / 2; step > 0 && x < u->W; x += step) px[x] = v;
  }
#undef GRID
  return sf;
}

/* Made once per window size into a texture and copied each frame. */
void ui_backdrop(fl_Ui *u) {
  if (!u->bg || u->bg_w != u->W || u->bg_h != u->H || u->bg_s != u->g.s) {
    if (u->bg) SDL_DestroyTexture(u->bg);
    SDL_Surface *sf = backdrop_surface(u);
    u->bg = sf ? SDL_CreateTextureFromSurface(u->r, sf) : NULL;
    SDL_FreeSurface(sf);
    if (!u->bg) return; /* out of memory: the plain background the frame was cleared to */
    u->bg_w = u->W;
    u->bg_h = u->H;
    u->bg_s = u->g.s;
  }
  SDL_SetTextureBlendMode(u->bg, SDL_BLENDMODE_NONE);
  SDL_RenderCopy(u->r, u->bg, NULL, NULL);
}

void ui_draw_title(fl_Ui *u) {
  gfx_Ctx *g = &u->g;
  ui_backdrop(u);
  int cw = u->W - PX(120) < PX(820) ? u->W - PX(120) : PX(820);
  int x = (u->W - cw) / 2, y = PX(64);
  gfx_draw_text(g, FONT_HUGE, "FLANK", x - PX(3), y, COL_ACCENT, 0);
  y += gfx_font_h(g, FONT_HUGE);
  gfx_draw_text(g, FONT_HEAD, FL_TR("Scenario board games on the eastern flank"), x, y, COL_TEXT, 0);
  y += gfx_font_h(g, FONT_HEAD) + PX(36);
  y = ui_section(u, x, y, cw, FL_N("CHOOSE A SCENARIO"));
  int n = u->nscen;
  if (!n) gfx_draw_text(g, FONT_BODY, FL_TR("No scenarios found: flank --help says where they are looked up."), x, y, COL_MUTED, 0);
  for (int i = 0; i < n; i++) {
    const fl_UiScenario *sc = u->host->scenario(u->host->ud, i);
    int pad = PX(18), iw = cw - 2 * pad;
    const gfx_Text *bt = sc->blurb && *sc->blurb ? gfx_text(g, FONT_BODY, sc->blurb, iw) : NULL;
    int h = 2 * pad + gfx_font_h(g, FONT_HEAD) + PX(4) + gfx_font_h(g, FONT_SMALL) + PX(10) + (bt ? bt->h : 0);
    SDL_Rect r = {x, y, cw, h};
    if (r.y + r.h > u->H - PX(60)) break;
    int sel = i == u->title_sel;
    gfx_shadow(g, r, PX(8));
    gfx_round(g, r, PX(8), sel ? COL_CARD_HI : ui_hovered(u, r) ? gfx_mix(COL_CARD, COL_CARD_HI, 0.5f) : COL_CARD);
    if (sel) gfx_round_frame(g, r, PX(8), COL_ACCENT, PX(1.5f) > 1 ? PX(1.5f) : 1);
    int ty = r.y + pad;
    gfx_draw_text(g, FONT_HEAD, sc->title, r.x + pad, ty, COL_TEXT, 0);
    ty += gfx_font_h(g, FONT_HEAD) + PX(4);
    char meta[512];
    snprintf(meta, sizeof meta, "%s  \xC2\xB7  %s", sc->length ? sc->length : "", sc->roles ? sc->roles : "");
    gfx_draw_text(g, FONT_SMALL, meta, r.x + pad, ty, COL_ACCENT, 0);
    ty += gfx_font_h(g, FONT_SMALL) + PX(10);
    if (bt) gfx_draw_wrapped(g, FONT_BODY, sc->blurb, r.x + pad, ty, iw, COL_MUTED);
    ui_button(u, r, BTN_SCENARIO, i);
    y += h + PX(14);
  }
  gfx_draw_text(g, FONT_SMALL, FL_TR("\xE2\x86\x91\xE2\x86\x93 choose  \xC2\xB7  Enter open  \xC2\xB7  Esc quit  \xC2\xB7  F1 help"),
                u->W / 2, u->H - PX(36), COL_MUTED, 1);
}

/* ---- overlays ------------------------------------------------------------------ */

static SDL_Rect modal(fl_Ui *u, int w, int h) {
  SDL_Rect area = u->screen == SCR_GAME ? u->mapr : (SDL_Rect){0, 0, u->W, u->H};
  if (w > area.w - PX(40)) w = area.w - PX(40);
  SDL_Rect r = {area.x + (area.w - w) / 2, area.y + (area.h - h) / 2, w, h};
  if (r.y < PX(10)) r.y = PX(10);
  gfx_shadow(&u->g, r, PX(10));
  return r;
}

/* When an event happened, as the header beside it reads: one fired as a turn ended pops up
 * once the next turn has begun, so it says so and gives that moment's date (a student read
 * "TURN 1 · 1 Mar" under a header at Turn 2, 1 April, as the wrong turn). */
static void event_when(const fl_Ui *u, const fl_LogEntry *e, const fl_EventDef *ev, char *buf, size_t n) {
  int32_t end = 0;
  int ended = ev->trigger == FL_TRIG_TURN_END && u->st->turn > e->turn;
  if (ended) { /* the turn's end: the date the next turn began */
    for (int i = (int)(e - u->st->log) + 1; i < u->st->nlog && !end; i++)
      if (u->st->log[i].turn > e->turn) end = u->st->log[i].date;
    if (!end && u->st->turn == e->turn + 1) end = u->st->date;
  }
  char date[64] = "";
  ui_date_short(ended ? end : e->date, date, sizeof date);
  if (ended && end) snprintf(buf, n, FL_TR("EVENT  \xC2\xB7  END OF TURN %d  \xC2\xB7  %s"), e->turn, date);
  else if (ended) snprintf(buf, n, FL_TR("EVENT  \xC2\xB7  END OF TURN %d"), e->turn);
  else snprintf(buf, n, FL_TR("EVENT  \xC2\xB7  TURN %d  \xC2\xB7  %s"), e->turn, date);
}

static void popup(fl_Ui *u) {
  gfx_Ctx *g = &u->g;
  const fl_LogEntry *e = &u->st->log[u->popup];
  const fl_EventDef *ev = &u->def->events[e->a];
  int pad = PX(24), w = PX(540);
  if (w > u->mapr.w - PX(40)) w = u->mapr.w - PX(40);
  int iw = w - 2 * pad;
  const char *title = ev->title ? ev->title : ev->id;
  const char *text = e->text && *e->text ? e->text : ev->text;
  const char *src = source_text(u->def, ev->source);
  char srcl[1200] = "";
  if (src) snprintf(srcl, sizeof srcl, FL_TR("Source: %s"), src);
  const gfx_Text *tt = gfx_text(g, FONT_TITLE, title, iw), *bt = text ? gfx_text(g, FONT_BODY, text, iw) : NULL;
  const gfx_Text *st = *srcl ? gfx_text(g, FONT_SMALL, srcl, iw) : NULL;
  int bh = gfx_font_h(g, FONT_BODY) + PX(14);
  int h = 2 * pad + gfx_font_h(g, FONT_TINY_B) + PX(8) + (tt ? tt->h : 0) + PX(10) + (bt ? bt->h + PX(12) : 0) +
          (st ? st->h + PX(12) : 0) + bh + PX(6);
  SDL_Rect r = modal(u, w, h);
  gfx_round(g, r, PX(10), (SDL_Color){236, 228, 206, 255});
  gfx_round_frame(g, r, PX(10), COL_ACCENT, PX(2));
  SDL_Color ink = {34, 32, 28, 255}, soft = {92, 86, 74, 255};
  int x = r.x + pad, y = r.y + pad;
  char head[160];
  event_when(u, e, ev, head, sizeof head);
  gfx_draw_text(g, FONT_TINY_B, head, x, y, (SDL_Color){150, 100, 20, 255}, 0);
  y += gfx_font_h(g, FONT_TINY_B) + PX(8);
  y += gfx_draw_wrapped(g, FONT_TITLE, title, x, y, iw, ink) + PX(10);
  if (bt) {
    int th = gfx_draw_wrapped(g, FONT_BODY, text, x, y, iw, ink);
    ui_cite_zone(u, (SDL_Rect){x, y, iw, th}, text);
    y += th + PX(12);
  }
  if (st) y += gfx_draw_wrapped(g, FONT_SMALL, srcl, x, y, iw, soft) + PX(12);
  SDL_Rect b = {x, y + PX(6), gfx_text_w(g, FONT_BOLD, FL_TR("Continue")) + gfx_text_w(g, FONT_SMALL, "Enter") + PX(38), bh};
  gfx_round(g, b, PX(5), ui_hovered(u, b) ? (SDL_Color){60, 56, 48, 255} : (SDL_Color){40, 38, 34, 255});
  int tw = gfx_draw_text(g, FONT_BOLD, FL_TR("Continue"), b.x + PX(14), b.y + (bh - gfx_font_h(g, FONT_BOLD)) / 2, (SDL_Color){240, 232, 212, 255}, 0);
  gfx_draw_text(g, FONT_SMALL, "Enter", b.x + PX(24) + tw, b.y + (bh - gfx_font_h(g, FONT_SMALL)) / 2, (SDL_Color){170, 160, 140, 255}, 0);
  ui_button(u, b, BTN_DISMISS, 0);
}

static void error_panel(fl_Ui *u) {
  gfx_Ctx *g = &u->g;
  int pad = PX(22), w = PX(640), iw;
  if (w > u->W - PX(40)) w = u->W - PX(40);
  iw = w - 2 * pad;
  const char *hint = FL_TR("The game is back at its last good state. Fix the scenario and press F5 to reload it; "
                           "the decisions so far are replayed.");
  const gfx_Text *mt = gfx_text(g, FONT_BODY, u->err, iw), *ht = gfx_text(g, FONT_SMALL, hint, iw);
  int bh = gfx_font_h(g, FONT_BODY) + PX(14);
  int h = 2 * pad + gfx_font_h(g, FONT_HEAD) + PX(12) + (mt ? mt->h : 0) + PX(12) + (ht ? ht->h : 0) + PX(16) + bh;
  SDL_Rect area = {0, 0, u->W, u->H};
  SDL_Rect r = {area.x + (area.w - w) / 2, area.y + (area.h - h) / 2, w, h};
  gfx_fill(g, area, (SDL_Color){0, 0, 0, 90});
  gfx_shadow(g, r, PX(10));
  gfx_round(g, r, PX(10), COL_CARD);
  gfx_round_frame(g, r, PX(10), COL_ERROR, PX(2));
  int x = r.x + pad, y = r.y + pad;
  gfx_draw_text(g, FONT_HEAD, FL_TR("Scenario error"), x, y, COL_ERROR, 0);
  y += gfx_font_h(g, FONT_HEAD) + PX(12);
  SDL_Rect mr = {x - PX(8), y - PX(6), iw + PX(16), (mt ? mt->h : 0) + PX(12)};
  gfx_round(g, mr, PX(4), (SDL_Color){16, 19, 24, 255});
  y += gfx_draw_wrapped(g, FONT_BODY, u->err, x, y, iw, COL_TEXT) + PX(12);
  y += gfx_draw_wrapped(g, FONT_SMALL, hint, x, y, iw, COL_MUTED) + PX(16);
  int bx = x;
  bx += ui_btn(u, bx, y, FL_N("Dismiss"), "Esc", BTN_DISMISS, 0, BS_PRIMARY, 0).w + PX(10);
  if (u->def) ui_btn(u, bx, y, FL_N("Reload"), "F5", BTN_RELOAD, 0, BS_SECONDARY, 0);
}

static void help_panel(fl_Ui *u) {
  gfx_Ctx *g = &u->g;
  static const char *const keys[][2] = {
    {FL_N("1 \xE2\x80\x93 9"), FL_N("choose an option")}, {FL_N("Enter"), FL_N("confirm the option / continue")},
    {FL_N("Space"), FL_N("end the turn / continue")}, {FL_N("Tab"), FL_N("move focus: map, card, log")},
    {FL_N("Esc"), FL_N("close a panel / back")}, {FL_N("Ctrl+Z"), FL_N("undo your last decision")},
    {FL_N("Ctrl+S"), FL_N("save the game")}, {FL_N("Ctrl+O"), FL_N("load the saved game")},
    {FL_N("F5"), FL_N("reload the scenario from disk (replays decisions)")}, {FL_N("F1"), FL_N("this list")},
    {FL_N("Wheel, + / \xE2\x88\x92"), FL_N("zoom the map")}, {FL_N("Drag, arrows"), FL_N("pan the map")},
    {FL_N("0 or Home"), FL_N("fit the map to the window")}, {FL_N("Click, drag a piece"), FL_N("move it; click an area: select it")},
    {FL_N("Tab, arrows"), FL_N("while choosing: cycle the lit targets (Enter chooses)")},
    {FL_N("Page Up / Down"), FL_N("scroll the log")}, {FL_N("V"), FL_N("next map view (owners, then overlays)")},
    {FL_N("L"), FL_N("fold or unfold the map legend")},
    {FL_N("Ctrl + / \xE2\x88\x92 / 0"), FL_N("larger, smaller, normal text")}, {FL_N("H (briefing)"), FL_N("hotseat: people play every playable side")},
    {FL_N("Tab, + / \xE2\x88\x92 (briefing)"), FL_N("choose an assumption, change it")},
    {FL_N("\xE2\x86\x91\xE2\x86\x93, 1\xE2\x80\x93" "9, P (debrief)"), FL_N("what if: a decision, another option, or the computer")},
    {FL_N("Tab, A, S (debrief)"), FL_N("next tab; play the games among many; save for my teacher")},
    {FL_N("Ctrl+Q"), FL_N("quit (asks if unsaved)")},
  };
  int n = (int)(sizeof keys / sizeof keys[0]), lh = gfx_font_h(g, FONT_BODY) + PX(8), pad = PX(24);
  int kw = PX(190), dw = 0; /* the columns fit the words, which a translation may lengthen */
  for (int i = 0; i < n; i++) {
    int a = gfx_text_w(g, FONT_SMALL, fl_tr(keys[i][0])) + PX(28), b = gfx_text_w(g, FONT_BODY, fl_tr(keys[i][1]));
    if (a > kw) kw = a;
    if (b > dw) dw = b;
  }
  int w = kw + dw + 2 * pad < PX(700) ? PX(700) : kw + dw + 2 * pad, h = 2 * pad + gfx_font_h(g, FONT_HEAD) + PX(14) + n * lh + PX(8);
  if (w > u->W) w = u->W;
  SDL_Rect area = {0, 0, u->W, u->H};
  gfx_fill(g, area, (SDL_Color){0, 0, 0, 110});
  SDL_Rect r = {(u->W - w) / 2, (u->H - h) / 2, w, h};
  if (r.y < 0) r.y = 0;
  gfx_shadow(g, r, PX(10));
  gfx_round(g, r, PX(10), COL_CARD);
  gfx_round_frame(g, r, PX(10), COL_LINE, 1);
  int x = r.x + pad, y = r.y + pad;
  gfx_draw_text(g, FONT_HEAD, FL_TR("Shortcuts"), x, y, COL_TEXT, 0);
  gfx_draw_text(g, FONT_SMALL, FL_TR("Esc closes"), r.x + r.w - pad, y + PX(4), COL_MUTED, 2);
  y += gfx_font_h(g, FONT_HEAD) + PX(14);
  for (int i = 0; i < n; i++) {
    SDL_Rect kr = {x, y, gfx_text_w(g, FONT_SMALL, fl_tr(keys[i][0])) + PX(14), lh - PX(6)};
    gfx_round(g, kr, PX(4), COL_CARD_HI);
    gfx_draw_text(g, FONT_SMALL, fl_tr(keys[i][0]), kr.x + PX(7), kr.y + (kr.h - gfx_font_h(g, FONT_SMALL)) / 2, COL_TEXT, 0);
    gfx_draw_text(g, FONT_BODY, fl_tr(keys[i][1]), x + kw, y + (kr.h - gfx_font_h(g, FONT_BODY)) / 2, COL_MUTED, 0);
    y += lh;
  }
  ui_button(u, area, BTN_DISMISS, 0);
}

/* "Quit without saving?": its three answers are buttons with their keys (Enter: the first, Quit). */
static void confirm_panel(fl_Ui *u) {
  gfx_Ctx *g = &u->g;
  const char *head = FL_TR("Quit without saving?");
  const char *body = FL_TR("You have decisions that are not saved.");
  static const struct { const char *label, *key; int answer, style; } ans[] = {
    {FL_N("Quit"), "Y", UI_QUIT_NOW, BS_PRIMARY}, {FL_N("Save, then quit"), "S", UI_QUIT_SAVE, BS_SECONDARY},
    {FL_N("Keep playing"), "Esc", UI_QUIT_STAY, BS_SECONDARY}};
  int pad = PX(24), gap = PX(10), bw = 0;
  for (int i = 0; i < 3; i++) /* as ui_btn measures them */
    bw += gfx_text_w(g, ans[i].style == BS_PRIMARY ? FONT_BOLD : FONT_BODY, fl_tr(ans[i].label)) +
          gfx_text_w(g, FONT_SMALL, ans[i].key) + PX(38) + (i ? gap : 0);
  int w = bw + 2 * pad;
  if (w < gfx_text_w(g, FONT_BODY, body) + 2 * pad) w = gfx_text_w(g, FONT_BODY, body) + 2 * pad;
  if (w < PX(420)) w = PX(420);
  int bh = gfx_font_h(g, FONT_BODY) + PX(14);
  int h = 2 * pad + gfx_font_h(g, FONT_HEAD) + PX(12) + gfx_font_h(g, FONT_BODY) + PX(18) + bh;
  gfx_fill(g, (SDL_Rect){0, 0, u->W, u->H}, (SDL_Color){0, 0, 0, 120});
  SDL_Rect r = {(u->W - w) / 2, (u->H - h) / 2, w, h};
  gfx_round(g, r, PX(8), COL_CARD);
  gfx_round_frame(g, r, PX(8), COL_ACCENT, 1);
  int y = r.y + pad;
  gfx_draw_text(g, FONT_HEAD, head, r.x + pad, y, COL_TEXT, 0);
  y += gfx_font_h(g, FONT_HEAD) + PX(12);
  gfx_draw_text(g, FONT_BODY, body, r.x + pad, y, COL_MUTED, 0);
  y += gfx_font_h(g, FONT_BODY) + PX(18);
  int x = r.x + pad;
  for (int i = 0; i < 3; i++) x += ui_btn(u, x, y, ans[i].label, ans[i].key, BTN_QUIT, ans[i].answer, ans[i].style, 0).w + gap;
}

static void load_menu(fl_Ui *u) {
  gfx_Ctx *g = &u->g;
  int pad = PX(22), lh = gfx_font_h(g, FONT_BODY) + PX(12), w = PX(640);
  if (w > u->W - PX(40)) w = u->W - PX(40);
  int rows = u->nsaves < 12 ? u->nsaves : 12, first = u->load_sel >= rows ? u->load_sel - rows + 1 : 0;
  int h = 2 * pad + gfx_font_h(g, FONT_HEAD) + PX(14) + rows * lh + gfx_font_h(g, FONT_SMALL) + PX(14);
  gfx_fill(g, (SDL_Rect){0, 0, u->W, u->H}, (SDL_Color){0, 0, 0, 120});
  SDL_Rect r = {(u->W - w) / 2, (u->H - h) / 2, w, h};
  gfx_round(g, r, PX(8), COL_CARD);
  gfx_round_frame(g, r, PX(8), COL_ACCENT, 1);
  int y = r.y + pad;
  gfx_draw_text(g, FONT_HEAD, FL_TR("Load a saved game"), r.x + pad, y, COL_TEXT, 0);
  y += gfx_font_h(g, FONT_HEAD) + PX(14);
  for (int i = first; i < first + rows && i < u->nsaves; i++) {
    int ok;
    const char *label = u->host->save_info(u->host->ud, i, &ok);
    SDL_Rect row = {r.x + pad - PX(8), y - PX(4), w - 2 * pad + PX(16), lh - PX(2)};
    if (i == u->load_sel) gfx_round(g, row, PX(5), (SDL_Color){48, 58, 74, 255});
    char fit[320];
    gfx_fit(g, FONT_BODY, label, w - 2 * pad, fit, sizeof fit);
    gfx_draw_text(g, FONT_BODY, fit, r.x + pad, y, ok ? COL_TEXT : COL_ERROR, 0);
    y += lh;
  }
  /* TRANSLATORS: key hints; Enter and Esc are the keys */
  gfx_draw_text(g, FONT_SMALL, FL_TR("\xE2\x86\x91 \xE2\x86\x93 choose    Enter load    Esc close"), r.x + pad, y + PX(4), COL_MUTED, 0);
}

static int hits_button(const fl_Ui *u, SDL_Rect r) {
  for (int k = 0; k < u->nbtn; k++)
    if (SDL_HasIntersection(&r, &u->btn[k].r)) return k;
  return -1;
}

/* A toast covers no button (a cold student's "Saved for your teacher" covered the debrief's
 * row of buttons): where its place meets one, it goes right of that row when it fits there,
 * else above the row. FLANK_LAYOUT_CHECK reports where it went. */
static SDL_Rect toast_place(fl_Ui *u, SDL_Rect r) {
  int k = hits_button(u, r);
  if (k >= 0) {
    SDL_Rect b = u->btn[k].r;
    int right = b.x + b.w, top = b.y;
    for (int i = 0; i < u->nbtn; i++) { /* the row: the buttons level with it */
      SDL_Rect o = u->btn[i].r;
      if (o.y < b.y + b.h && o.y + o.h > b.y) { right = o.x + o.w > right ? o.x + o.w : right; top = o.y < top ? o.y : top; }
    }
    SDL_Rect c = {right + PX(16), b.y + (b.h - r.h) / 2, r.w, r.h};
    if (c.x + c.w <= u->W - PX(12) && hits_button(u, c) < 0) r = c;
    else {
      c = (SDL_Rect){r.x, top - r.h - PX(10), r.w, r.h};
      if (c.y >= 0 && hits_button(u, c) < 0) r = c;
    }
  }
  if (getenv("FLANK_LAYOUT_CHECK")) {
    static char was[700];
    char now[700];
    int hit = hits_button(u, r);
    snprintf(now, sizeof now, "toast: '%s' at %d,%d,%d,%d covers %s", u->toast, r.x, r.y, r.w, r.h, hit < 0 ? "no button" : "a button");
    if (strcmp(was, now)) { fprintf(stderr, "%s\n", now); snprintf(was, sizeof was, "%s", now); }
  }
  return r;
}

void ui_draw_overlays(fl_Ui *u) {
  gfx_Ctx *g = &u->g;
  if (u->screen == SCR_GAME && u->handover >= 0) ui_draw_handover(u);
  if (u->screen == SCR_GAME && u->popup >= 0 && u->handover < 0 && u->st && u->popup < u->st->nlog && !u->err[0]) popup(u);
  if (u->err[0]) error_panel(u);
  if (u->help) help_panel(u);
  if (u->confirm_quit) confirm_panel(u);
  if (u->load_menu) load_menu(u);
  ui_save_draw(u);
  ui_cite_draw(u);
  ui_trend_tooltip(u);
  if (u->toast[0] && SDL_GetTicks() < u->toast_until) {
    int tw = gfx_text_w(g, FONT_BODY, u->toast), pad = PX(14);
    SDL_Rect area = u->screen == SCR_GAME ? u->mapr : (SDL_Rect){0, 0, u->W, u->H};
    SDL_Rect r = toast_place(u, (SDL_Rect){area.x + (area.w - tw) / 2 - pad, area.y + area.h - PX(70), tw + 2 * pad, gfx_font_h(g, FONT_BODY) + PX(16)});
    gfx_round(g, r, PX(6), (SDL_Color){12, 14, 18, 235});
    gfx_round_frame(g, r, PX(6), COL_ACCENT, 1);
    gfx_draw_text(g, FONT_BODY, u->toast, r.x + pad, r.y + PX(8), COL_TEXT, 0);
  }
}

void ui_draw_frame(fl_Ui *u) {
  gfx_begin_frame(&u->g);
  u->nbtn = 0;
  u->t.cite_hover[0] = 0; /* the zones drawn this frame say what the mouse is over */
  SDL_SetRenderDrawColor(u->r, COL_BG.r, COL_BG.g, COL_BG.b, 255);
  SDL_RenderClear(u->r);
  switch (u->screen) {
  case SCR_TITLE: ui_draw_title(u); break;
  case SCR_BRIEF: if (u->def) ui_draw_brief(u); break;
  case SCR_GAME: if (u->game) ui_draw_game(u); break;
  case SCR_DEBRIEF: if (u->game) ui_draw_debrief(u); break;
  default: break;
  }
  ui_draw_overlays(u);
}
