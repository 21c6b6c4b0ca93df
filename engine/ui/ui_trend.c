/* ui_trend: what an indicator's trend arrow compares with, and the tooltip that says so.
 * A student who laid anti-tank obstacles saw deterrence's arrow point down (a fall from an
 * earlier month) and concluded the obstacles lowered it. The arrow now shows the change
 * since just before the person's last decision: that decision's own effect, then what
 * followed it (the other sides, the month's end), until the next decision. Without such a
 * decision in this window (a demo, just after a load or an undo), since this turn began:
 * both read from what the window or the state knows, never from an earlier turn's change. */
#include "ui_int.h"
#include "fl_fmt.h"
#include "fl_i18n.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

#define PX(v) gfx_px(&u->g, (v))

void ui_trend_decided(fl_Ui *u, const fl_Choice *ch) {
  int side = -1, card = u->game ? fl_game_pending(u->game, &side) : -1;
  u->trend_base_ok = 0;
  if (!u->st || !u->def || card < 0 || !ch || ch->opt < 0 || ch->opt >= u->def->cards[card].noptions) return;
  for (int k = 0; k < u->def->ntrack && k < UI_MAXTREND; k++) u->trend_base[k] = u->st->tracks[k].value;
  const char *label = u->def->cards[card].options[ch->opt].label;
  snprintf(u->trend_base_what, sizeof u->trend_base_what, "%s", label ? label : "");
  u->trend_base_date = u->st->date;
  u->trend_base_for = u->st;
  u->trend_base_ok = 1;
}

void ui_trend_forget(fl_Ui *u) { u->trend_base_ok = 0; }

/* The value at the start of this turn: recorded at every turn's end (fl_game). */
static double turn_start(const fl_Ui *u, int i) {
  const fl_TrackState *ts = &u->st->tracks[i];
  return ts->nhist ? ts->hist[ts->nhist - 1] : u->def->tracks[i].start;
}

static int by_decision(const fl_Ui *u, int i) {
  return u->trend_base_ok && u->trend_base_for == u->st && i < UI_MAXTREND && !u->opts.demo;
}

double ui_trend_base(fl_Ui *u, int i) { return by_decision(u, i) ? u->trend_base[i] : turn_start(u, i); }

const char *ui_track_label(const fl_TrackDef *t) {
  return t->short_name && *t->short_name ? t->short_name : t->name && *t->name ? t->name : t->id;
}

void ui_track_row(fl_Ui *u, SDL_Rect r, int i) {
  if (u->ntrow < UI_MAXTREND) { u->trow_r[u->ntrow] = r; u->trow_i[u->ntrow++] = i; }
}

/* "−1.2 since your decision “Anti-tank obstacles only” (1 Mar 2025)" */
void ui_trend_text(fl_Ui *u, int i, char *buf, size_t n) {
  const fl_TrackDef *t = &u->def->tracks[i];
  double d = u->st->tracks[i].value - ui_trend_base(u, i);
  char q[64] = "", date[48] = "", amount[80];
  if (fabs(d) > 1e-9) {
    fl_fmt_qty(fabs(d), t->unit, t->unit_one, q, sizeof q);
    snprintf(amount, sizeof amount, "%s%s", d > 0 ? "+" : "\xE2\x88\x92", q);
  } else snprintf(amount, sizeof amount, "%s", FL_TR("unchanged"));
  if (by_decision(u, i)) {
    ui_date_short(u->trend_base_date, date, sizeof date);
    /* TRANSLATORS: an indicator's change; the option chosen; its date */
    snprintf(buf, n, FL_TR("%s since your decision \xE2\x80\x9C%s\xE2\x80\x9D (%s)"), amount, u->trend_base_what, date);
  } else {
    ui_date_short(u->st->date, date, sizeof date);
    /* TRANSLATORS: an indicator's change; the date the turn began */
    snprintf(buf, n, FL_TR("%s since this turn began (%s)"), amount, date);
  }
}

/* Over an indicator's row in the side panel: its name and what its arrow means, beside the panel. */
void ui_trend_tooltip(fl_Ui *u) {
  if (u->screen != SCR_GAME || !u->st || !u->mouse_in || u->popup >= 0 || u->err[0] || u->help || u->confirm_quit) return;
  int k = -1;
  for (int j = 0; j < u->ntrow && k < 0; j++) if (ui_hovered(u, u->trow_r[j])) k = j;
  if (k < 0 || u->trow_i[k] >= u->def->ntrack) return;
  gfx_Ctx *g = &u->g;
  const fl_TrackDef *t = &u->def->tracks[u->trow_i[k]];
  char line[512];
  ui_trend_text(u, u->trow_i[k], line, sizeof line);
  const char *name = t->name && *t->name ? t->name : t->id;
  int pad = PX(10), maxw = PX(360);
  const gfx_Text *lt = gfx_text(g, FONT_SMALL, line, maxw);
  int w = gfx_text_w(g, FONT_BOLD, name);
  if (lt && lt->w > w) w = lt->w;
  SDL_Rect row = u->trow_r[k];
  SDL_Rect r = {row.x - w - 2 * pad - PX(12), row.y, w + 2 * pad, gfx_font_h(g, FONT_BOLD) + PX(4) + (lt ? lt->h : 0) + 2 * pad};
  if (r.x < 0) r.x = 0;
  if (r.y + r.h > u->H) r.y = u->H - r.h;
  gfx_shadow(g, r, PX(6));
  gfx_round(g, r, PX(6), (SDL_Color){28, 34, 43, 245});
  gfx_round_frame(g, r, PX(6), COL_LINE, 1);
  gfx_draw_text(g, FONT_BOLD, name, r.x + pad, r.y + pad, COL_TEXT, 0);
  gfx_draw_wrapped(g, FONT_SMALL, line, r.x + pad, r.y + pad + gfx_font_h(g, FONT_BOLD) + PX(4), maxw, COL_MUTED);
}
