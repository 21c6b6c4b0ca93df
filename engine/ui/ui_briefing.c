/* ui_briefing: the briefing screen — the scenario, the sides to play, and its
 * Assumptions panel: every parameter{} with its value and unit, what it means and the
 * source behind it (or the scenario's "assumption" label). The student changes a value
 * before the game starts (the host sets it exactly as --set does, so saves and logs
 * record it); a value the teacher locked (class.txt) shows the lock and why. */
#include "ui_int.h"
#include "fl_i18n.h"
#include "fl_cite.h"
#include "fl_fmt.h"
#include "fl_schedule.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

#define PX(v) gfx_px(&u->g, (v))

/* FL_N: marked for translation, translated where drawn (ui_section does it itself) */
static const char *const T_ASSUMPTIONS = FL_N("ASSUMPTIONS"), *const T_SOURCES = FL_N("SOURCES"), *const T_LOCKED = FL_N("Locked by your teacher"),
  *const T_ASSUMPTION = FL_N("Assumption"), *const T_SOURCE = FL_N("Source"), *const T_DEFAULT = FL_N("default"),
  /* TRANSLATORS: key hints; Tab, + and − are the keys */
  *const T_KEYS = FL_N("Tab: next assumption  \xC2\xB7  + / \xE2\x88\x92: change it  \xC2\xB7  hover a reference for the source"),
  *const T_LOCK_FILE = FL_N("the class settings");

/* The figure the − + control shows: the number, its unit under it ("0.45" over "people/km²/yr");
 * with a currency the whole figure, as every surface writes money ("US$10 M/km²", never "10"
 * over "US$ M/km²"). Returns whether the unit is in the figure. */
static int ctl_figure(const fl_ParamDef *p, double v, char *buf, size_t n) {
  fl_fmt_qty(v, p->unit, NULL, buf, n);
  if (buf[0] != '-' && (buf[0] < '0' || buf[0] > '9')) return 1;
  fl_fmt_num(v, buf, n);
  return 0;
}

/* One assumption; returns its height (measure: only that). */
static int param_row(fl_Ui *u, int i, int x, int y, int w, int measure) {
  gfx_Ctx *g = &u->g;
  const fl_Def *d = u->def;
  const fl_ParamDef *p = &d->params[i];
  double v = fl_game_param(u->game, i);
  char val[96], line[1600], dflt[120], num[64];
  /* the control (− number +, the unit under the number) is as wide as the widest value */
  int bs = gfx_font_h(g, FONT_BODY) + PX(10), numw = 0, whole = 0;
  double ends[3] = {p->min, p->max, v};
  for (int k = 0; k < 3; k++) {
    whole = ctl_figure(p, ends[k], num, sizeof num);
    int nw = gfx_text_w(g, FONT_BOLD, num);
    numw = nw > numw ? nw : numw;
  }
  int uw = p->unit && *p->unit && !whole ? gfx_text_w(g, FONT_SMALL, p->unit) : 0;
  int ctl = 2 * bs + (numw > uw ? numw : uw) + PX(20), tw = w - ctl - PX(20);
  if (ctl < PX(130)) { ctl = PX(130); tw = w - ctl - PX(20); }
  fl_fmt_qty(v, p->unit, NULL, val, sizeof val); /* as every surface writes a figure: "US$10 M/km²" */
  ctl_figure(p, v, num, sizeof num);
  /* where the number comes from: a source (its short reference expands) or the label */
  int si = p->source && *p->source ? fl_def_source(d, p->source) : -1;
  if (si >= 0) snprintf(line, sizeof line, "%s: [@%s]", fl_tr(T_SOURCE), p->source);
  else if (p->assumption && *p->assumption)
    snprintf(line, sizeof line, "%s%s%s", fl_tr(T_ASSUMPTION), strcmp(p->assumption, "assumption") ? ": " : "",
             strcmp(p->assumption, "assumption") ? p->assumption : "");
  else line[0] = 0;
  const gfx_Text *nt = gfx_text(g, FONT_BOLD, p->name && *p->name ? p->name : p->id, tw);
  const gfx_Text *xt = p->text && *p->text ? gfx_text(g, FONT_SMALL, p->text, tw) : NULL;
  const gfx_Text *st = *line ? gfx_text(g, FONT_SMALL, line, tw) : NULL;
  char lock[300] = "";
  if (p->locked) snprintf(lock, sizeof lock, "%s (%s)", fl_tr(T_LOCKED), d->class_file ? d->class_file : fl_tr(T_LOCK_FILE));
  const gfx_Text *lt = *lock ? gfx_text(g, FONT_SMALL, lock, tw) : NULL;
  int h = PX(20) + (nt ? nt->h : 0) + (xt ? xt->h + PX(3) : 0) + (st ? st->h + PX(3) : 0) + (lt ? lt->h + PX(3) : 0);
  int minh = PX(20) + bs + (uw ? gfx_font_h(g, FONT_SMALL) + PX(2) : 0) + (v != p->value ? gfx_font_h(g, FONT_SMALL) + PX(6) : 0);
  if (h < minh) h = minh;
  if (measure) return h;
  SDL_Rect r = {x, y, w, h};
  int sel = u->t.param_sel == i;
  gfx_round(g, r, PX(6), sel ? COL_CARD_HI : gfx_mix(COL_CARD, COL_PANEL, 0.5f));
  if (sel) gfx_round_frame(g, r, PX(6), gfx_alpha(COL_ACCENT, 160), 1);
  int cx = x + PX(12), cy = y + PX(10);
  cy += gfx_draw_wrapped(g, FONT_BOLD, p->name && *p->name ? p->name : p->id, cx, cy, tw, COL_TEXT);
  if (xt) {
    int th = gfx_draw_wrapped(g, FONT_SMALL, p->text, cx, cy + PX(3), tw, COL_MUTED);
    ui_cite_zone(u, (SDL_Rect){cx, cy + PX(3), tw, th}, p->text);
    cy += th + PX(3);
  }
  if (st) {
    int th = gfx_draw_wrapped(g, FONT_SMALL, line, cx, cy + PX(3), tw, si >= 0 ? COL_ACCENT : (SDL_Color){200, 170, 120, 255});
    ui_cite_zone(u, (SDL_Rect){cx, cy + PX(3), tw, th}, line);
    cy += th + PX(3);
  }
  if (lt) gfx_draw_wrapped(g, FONT_SMALL, lock, cx, cy + PX(3), tw, COL_BAD);
  /* the control: − value + (a locked value has none) */
  int bx = x + w - PX(12), by = y + PX(10);
  int changed = v != p->value;
  if (p->locked) {
    gfx_draw_text(g, FONT_HEAD, val, bx, by, COL_MUTED, 2);
  } else {
    if (uw) gfx_draw_text(g, FONT_SMALL, p->unit, bx - ctl / 2, by + bs + PX(2), COL_MUTED, 1);
    SDL_Rect up = {bx - bs, by, bs, bs}, dn = {bx - ctl + PX(4), by, bs, bs};
    SDL_Rect b2[2] = {dn, up};
    const char *lab[2] = {"\xE2\x88\x92", "+"};
    for (int k = 0; k < 2; k++) {
      int can = k ? v < p->max : v > p->min;
      gfx_round(g, b2[k], PX(5), can && ui_hovered(u, b2[k]) ? gfx_mix(COL_CARD_HI, COL_LINE, 0.8f) : COL_CARD_HI);
      gfx_round_frame(g, b2[k], PX(5), COL_LINE, 1);
      gfx_draw_text(g, FONT_HEAD, lab[k], b2[k].x + bs / 2, b2[k].y + (bs - gfx_font_h(g, FONT_HEAD)) / 2, can ? COL_TEXT : COL_MUTED, 1);
      if (can) ui_button(u, b2[k], k ? BTN_PARAM_UP : BTN_PARAM_DOWN, i);
    }
    gfx_draw_text(g, FONT_BOLD, num, dn.x + bs + (up.x - dn.x - bs) / 2, by + (bs - gfx_font_h(g, FONT_BOLD)) / 2,
                  changed ? COL_ACCENT : COL_TEXT, 1);
  }
  if (changed) { /* the default, one click away */
    ctl_figure(p, p->value, num, sizeof num);
    snprintf(dflt, sizeof dflt, "%s %s", fl_tr(T_DEFAULT), num);
    int dy = by + bs + PX(4) + (uw ? gfx_font_h(g, FONT_SMALL) + PX(2) : 0);
    SDL_Rect rr = {bx - ctl, dy, ctl, gfx_font_h(g, FONT_SMALL) + PX(4)};
    gfx_draw_text(g, FONT_SMALL, dflt, bx - ctl / 2, rr.y, ui_hovered(u, rr) ? COL_TEXT : COL_MUTED, 1);
    ui_button(u, rr, BTN_PARAM_RESET, i);
  }
  return h;
}

int ui_params_draw(fl_Ui *u, int x, int y, int w, int bottom) {
  gfx_Ctx *g = &u->g;
  const fl_Def *d = u->def;
  y = ui_section(u, x, y, w, T_ASSUMPTIONS);
  /* the rows that fit, from the first one on, or from later on so that the one Tab selected
   * shows (a line above and below says how many are out of sight) */
  int line = gfx_font_h(g, FONT_SMALL) + PX(6), room = bottom - y - 2 * line, first = 0;
  int sel = u->t.param_sel >= 0 && u->t.param_sel < d->nparam ? u->t.param_sel : 0;
  for (;;) {
    int used = 0, last = first;
    for (int i = first; i < d->nparam; i++) {
      int h = param_row(u, i, x, y, w, 1) + PX(6);
      if (used + h > room && i > first) break;
      used += h;
      last = i;
    }
    if (sel <= last || first >= sel) break;
    first++;
  }
  char more[96];
  if (first > 0) {
    snprintf(more, sizeof more, FL_NTR("\xE2\x86\x91 %d more above", "\xE2\x86\x91 %d more above", first), first);
    gfx_draw_text(g, FONT_SMALL, more, x, y, COL_MUTED, 0);
    y += line;
  }
  int i = first;
  for (; i < d->nparam; i++) {
    int h = param_row(u, i, x, y, w, 1);
    if (y + h > bottom - line && i > first) break;
    param_row(u, i, x, y, w, 0);
    y += h + PX(6);
  }
  if (i < d->nparam) {
    snprintf(more, sizeof more, FL_NTR("\xE2\x86\x93 %d more below (Tab)", "\xE2\x86\x93 %d more below (Tab)", d->nparam - i), d->nparam - i);
    gfx_draw_text(g, FONT_SMALL, more, x, y, COL_MUTED, 0);
    y += line;
  }
  return y + PX(2) + gfx_draw_wrapped(g, FONT_SMALL, fl_tr(T_KEYS), x, y + PX(2), w, COL_MUTED) + PX(4);
}

/* Change assumption i by steps (its step, or a hundredth of its range). */
static void param_step(fl_Ui *u, int i, int steps) {
  const fl_ParamDef *p = &u->def->params[i];
  double st = p->step > 0 ? p->step : (p->max - p->min) / 100, v = fl_game_param(u->game, i) + steps * st;
  if (p->step > 0) v = p->min + round((v - p->min) / p->step) * p->step; /* no drift from adding steps */
  if (v < p->min) v = p->min;
  if (v > p->max) v = p->max;
  char msg[1024] = "";
  if (u->host->set_param(u->host->ud, i, v, msg, sizeof msg)) { snprintf(u->toast, sizeof u->toast, "%s", msg); u->toast_until = SDL_GetTicks() + 4000; }
}

void ui_brief_param(fl_Ui *u, int id, int i) {
  if (!u->def || !u->host->set_param || i < 0 || i >= u->def->nparam) return;
  u->t.param_sel = i;
  if (id == BTN_PARAM_RESET) {
    char msg[1024] = "";
    if (u->host->set_param(u->host->ud, i, u->def->params[i].value, msg, sizeof msg)) snprintf(u->toast, sizeof u->toast, "%s", msg);
  } else {
    param_step(u, i, id == BTN_PARAM_UP ? 1 : -1);
  }
}

int ui_brief_key(fl_Ui *u, SDL_Keycode c) {
  const fl_Def *d = u->def;
  if (!d || !d->nparam || !u->host->set_param) return 0;
  if (c == SDLK_TAB) {
    const Uint8 *ks = SDL_GetKeyboardState(NULL);
    int back = ks[SDL_SCANCODE_LSHIFT] || ks[SDL_SCANCODE_RSHIFT];
    u->t.param_sel = u->t.param_sel < 0 ? (back ? d->nparam - 1 : 0) : (u->t.param_sel + (back ? d->nparam - 1 : 1)) % d->nparam;
    return 1;
  }
  int up = c == SDLK_PLUS || c == SDLK_EQUALS || c == SDLK_KP_PLUS, down = c == SDLK_MINUS || c == SDLK_KP_MINUS;
  if ((up || down) && u->t.param_sel >= 0 && u->t.param_sel < d->nparam) {
    if (d->params[u->t.param_sel].locked) {
      snprintf(u->toast, sizeof u->toast, "%s: %s", d->params[u->t.param_sel].name, fl_tr(T_LOCKED));
      u->toast_until = SDL_GetTicks() + 2600;
    } else {
      param_step(u, u->t.param_sel, up ? 1 : -1);
    }
    return 1;
  }
  return 0;
}

void ui_draw_brief(fl_Ui *u) {
  gfx_Ctx *g = &u->g;
  const fl_Def *d = u->def;
  ui_backdrop(u);
  /* with assumptions to set the card has a second column for them and the sources */
  int two = d->nparam > 0 || d->nsource > 0, maxw = two ? PX(1320) : PX(900);
  int cw = u->W - PX(100) < maxw ? u->W - PX(100) : maxw;
  int x = (u->W - cw) / 2, y = PX(48), pad = PX(28), iw = cw - 2 * pad;
  int rw = two ? (iw - PX(36)) * 9 / 20 : 0, rx = x + pad + iw - rw;
  if (two) iw -= rw + PX(36);
  SDL_Rect card = {x, y, cw, u->H - 2 * y};
  gfx_shadow(g, card, PX(10));
  gfx_round(g, card, PX(10), COL_CARD);
  gfx_round_frame(g, card, PX(10), COL_LINE, 1);
  x += pad;
  y += pad;
  gfx_draw_text(g, FONT_TINY_B, FL_TR("BRIEFING"), x, y, COL_ACCENT, 0);
  y += gfx_font_h(g, FONT_TINY_B) + PX(6);
  y += gfx_draw_wrapped(g, FONT_TITLE, d->title, x, y, iw, COL_TEXT) + PX(6);
  char meta[512], date[64], step[256];
  ui_date_long(d->start_date, date, sizeof date);
  fl_ui_schedule_text(d, step, sizeof step);
  snprintf(meta, sizeof meta, FL_TR("From %s  \xC2\xB7  %s  \xC2\xB7  version %s"), date, step, d->version ? d->version : "?");
  if (u->opts.seed) { /* for a teacher who reproduces a game: flank play --seed N */
    size_t k = strlen(meta);
    char seed[64];
    snprintf(seed, sizeof seed, FL_TR("seed %llu"), u->opts.seed);
    snprintf(meta + k, sizeof meta - k, "  \xC2\xB7  %s", seed);
  }
  gfx_draw_text(g, FONT_SMALL, meta, x, y, COL_ACCENT, 0);
  y += gfx_font_h(g, FONT_SMALL) + PX(4);
  char end[1536]; /* when it ends at the latest, and how it may end */
  fl_schedule_end(d, end, sizeof end);
  y += gfx_draw_wrapped(g, FONT_SMALL, end, x, y, iw, COL_MUTED) + PX(12);
  if (d->blurb) {
    int bh = gfx_draw_wrapped(g, FONT_BODY, d->blurb, x, y, iw, COL_TEXT);
    ui_cite_zone(u, (SDL_Rect){x, y, iw, bh}, d->blurb);
    y += bh + PX(20);
  }
  int top = y;
  y = ui_section(u, x, y, iw, FL_N("SIDES"));
  /* a footer is kept for Begin; when the sides do not fit above it their descriptions
   * shrink to one line, then go, from the last side up (the first are the ones to read) */
  int bottom = card.y + card.h - pad - gfx_font_h(g, FONT_BODY) - PX(14), limit = bottom - PX(12);
  int nplay = 0, row0 = PX(22) + gfx_font_h(g, FONT_BOLD), one = gfx_font_h(g, FONT_SMALL) + PX(2), total = 0;
  unsigned char mode[64]; /* 2 whole text, 1 one line, 0 none */
  for (int i = 0; i < d->nside; i++) nplay += d->sides[i].playable;
  for (int i = 0; i < d->nside; i++) {
    const fl_SideDef *s = &d->sides[i];
    int tw = iw - PX(30) - (nplay > 1 && s->playable ? PX(250) : 0);
    const gfx_Text *t = s->text && *s->text ? gfx_text(g, FONT_SMALL, s->text, tw) : NULL;
    if (i < 64) mode[i] = t ? 2 : 0;
    total += row0 + (t ? t->h + PX(2) : 0);
  }
  for (int pass = 2; pass >= 1; pass--)
    for (int i = (d->nside < 64 ? d->nside : 64) - 1; i >= 0 && y + total > limit; i--) {
      if (mode[i] != pass) continue;
      int tw = iw - PX(30) - (nplay > 1 && d->sides[i].playable ? PX(250) : 0);
      const gfx_Text *t = gfx_text(g, FONT_SMALL, d->sides[i].text, tw);
      total -= pass == 2 ? (t ? t->h + PX(2) : 0) - one : one;
      mode[i] = (unsigned char)(pass - 1);
    }
  for (int i = 0; i < d->nside; i++) {
    const fl_SideDef *s = &d->sides[i];
    int bw = nplay > 1 && s->playable ? PX(250) : 0, md = i < 64 ? mode[i] : 0;
    SDL_Rect r = {x, y, iw, 0};
    const gfx_Text *t = md == 2 ? gfx_text(g, FONT_SMALL, s->text, iw - PX(30) - bw) : NULL;
    r.h = PX(16) + gfx_font_h(g, FONT_BOLD) + (t ? t->h + PX(2) : md == 1 ? one : 0);
    int chosen = i == u->brief_side || (i < 64 && ((u->brief_extra >> i) & 1u));
    if (chosen) gfx_round(g, r, PX(6), COL_CARD_HI);
    gfx_disc(g, (float)(x + PX(14)), (float)(y + PX(8) + gfx_font_h(g, FONT_BOLD) / 2), (float)PX(6), ui_side_color(u, i));
    char name[256];
    snprintf(name, sizeof name, "%s%s", s->name, i == u->brief_side ? FL_TR("  \xE2\x80\x94 you") : chosen ? FL_TR("  \xE2\x80\x94 another player")
             : FL_TR("  \xE2\x80\x94 computer"));
    gfx_draw_text(g, FONT_BOLD, name, x + PX(30), y + PX(8), COL_TEXT, 0);
    if (t) gfx_draw_wrapped(g, FONT_SMALL, s->text, x + PX(30), y + PX(8) + gfx_font_h(g, FONT_BOLD) + PX(2), iw - PX(30) - bw, COL_MUTED);
    else if (md == 1) {
      char fit[512];
      gfx_fit(g, FONT_SMALL, s->text, iw - PX(30) - bw, fit, sizeof fit);
      gfx_draw_text(g, FONT_SMALL, fit, x + PX(30), y + PX(8) + gfx_font_h(g, FONT_BOLD) + PX(2), COL_MUTED, 0);
    }
    if (bw && i == u->brief_side) ui_btn(u, x + iw - PX(8), y + PX(6), FL_N("You"), NULL, BTN_SIDE, i, BS_PRIMARY, 2);
    else if (bw) { /* play it yourself, or seat another person at it (hotseat) */
      SDL_Rect pb = ui_btn(u, x + iw - PX(8), y + PX(6), FL_N("Play"), NULL, BTN_SIDE, i, BS_SECONDARY, 2);
      ui_btn(u, pb.x - PX(8), y + PX(6), chosen ? FL_N("Hotseat \xE2\x9C\x93") : FL_N("+ Hotseat"), NULL, BTN_SEAT, i,
             chosen ? BS_PRIMARY : BS_GHOST, 2);
    }
    y += r.h + PX(6);
  }
  if (two) { /* the right column: assumptions, then the bibliography in what room is left */
    int ry = card.y + pad + gfx_font_h(g, FONT_TINY_B) + PX(6);
    if (ry > top) ry = top;
    if (d->nparam) ry = ui_params_draw(u, rx, ry, rw, bottom - PX(60)) + PX(14);
    /* the list goes down to the Begin button's foot (the footer's buttons are in the left
     * column) when it has room for a source between its "more above" and "more below" lines */
    int lbottom = card.y + card.h - pad, fs = gfx_font_h(g, FONT_SMALL);
    if (d->nsource && ry + gfx_font_h(g, FONT_TINY_B) + PX(8) + 3 * fs + PX(9) <= lbottom) {
      ry = ui_section(u, rx, ry, rw, T_SOURCES);
      u->brief_bib = (SDL_Rect){rx, ry, rw, lbottom - ry}; /* the mouse wheel scrolls it (fl_ui.c) */
      ui_biblio_draw(u, rx, ry, rw, lbottom, u->brief_scroll);
    }
  }
  ui_btn(u, x, bottom, FL_N("Begin"), "Enter", BTN_BEGIN, 0, BS_PRIMARY, 0);
  if (u->nscen > 0) ui_btn(u, x + iw, bottom, FL_N("Back"), "Esc", BTN_TITLE, 0, BS_SECONDARY, 2);
}

