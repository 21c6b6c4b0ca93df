/* ui_card: the decision card in the game's side panel — the pending card with its options,
 * their costs, previews and reasons, or the ending — compacted when it is taller than the
 * window (ui_screens.c lays the panel out around it). Drawing only: clicks are buttons. */
#include "ui_int.h"
#include "fl_fmt.h"
#include "fl_i18n.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PX(v) gfx_px(&u->g, (v))

/* Why option o is not open, as the card shows it. Compacted, a reason that the options right
 * below share is said once, at the first of them, naming the others ("... (also 4-6)"), and
 * not again under each: the student sees why every one is closed without the lines. */
static const char *shown_reason(fl_Ui *u, int o, int nopt, int compact, char *buf, size_t n) {
  const char *why = fl_game_unavailable_reason(u->game, o);
  if (!compact || !why) return why;
  const char *prev = o > 0 ? fl_game_unavailable_reason(u->game, o - 1) : NULL;
  if (prev && !strcmp(prev, why)) return NULL; /* said above */
  int last = o;
  while (last + 1 < nopt && fl_game_unavailable_reason(u->game, last + 1) &&
         !strcmp(fl_game_unavailable_reason(u->game, last + 1), why))
    last++;
  if (last == o) return why;
  if (last == o + 1) snprintf(buf, n, FL_TR("%s (also %d)"), why, last + 1);
  else snprintf(buf, n, FL_TR("%s (also %d\xE2\x80\x93%d)"), why, o + 2, last + 1);
  return buf;
}

static void option_detail(const fl_Ui *u, const fl_OptionDef *o, char *buf, size_t n) {
  const fl_Def *d = u->def;
  size_t len = 0;
  buf[0] = 0;
  for (int k = 0; k < o->ncost; k++) {
    const fl_TrackDef *t = &d->tracks[o->costs[k].track];
    char q[96]; /* "Cost: 200 US$ M (Budget)", the figure as the panel shows it */
    fl_fmt_qty(fabs(o->costs[k].amount), t->unit, t->unit_one, q, sizeof q);
    len += (size_t)snprintf(buf + len, n - len, "%s%s%s (%s)", len ? ", " : FL_TR("Cost: "), o->costs[k].amount < 0 ? "+" : "", q, ui_track_label(t));
    if (len >= n) return;
  }
  if (o->delay.n > 0) {
    char sp[64];
    ui_span_text(o->delay, sp, sizeof sp);
    len += (size_t)snprintf(buf + len, n - len, "%s", len ? " \xC2\xB7 " : "");
    len += (size_t)snprintf(buf + len, n - len, FL_TR("Takes effect in %s"), sp);
    if (len >= n) return;
  }
  const char *pv = o->preview && *o->preview ? o->preview : o->text;
  if (pv && *pv) snprintf(buf + len, n - len, "%s%s", len ? "\n" : "", pv);
}

/* The card's text cut after its first sentences, for a card too tall for the window, ending
 * with " " and end ("…", or for the card's own text a word that the mouse shows the rest). */
static const char *card_excerpt(const char *text, const char *end, char *buf, size_t n) {
  size_t len = strlen(text), cut = 0;
  if (len <= 160 || n < 200) return text;
  for (size_t i = 40; text[i] && i < 160; i++)
    if (text[i] == '.' && text[i + 1] == ' ') cut = i + 1;
  if (!cut) {
    cut = 150;
    while (cut > 40 && text[cut] != ' ') cut--;
    while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80) cut--; /* whole UTF-8 characters */
  }
  snprintf(buf, n, "%.*s %s", (int)cut, text, end);
  return buf;
}

/* An option's details in a compact card: its price (costs and delay, head: it has them) unless
 * the card is very tight, the rest only while it is selected, then cut short. A cold student
 * paid US$80 M for sensors the compact card showed with no price. */
static void short_detail(char *detail, size_t n, int compact, int selected, int head) {
  char cut[400];
  if (compact >= 5 || (compact >= 4 && !selected)) detail[0] = 0;
  else if (compact && !selected) {
    char *nl = strchr(detail, '\n');
    if (!head) detail[0] = 0;
    else if (nl) *nl = '\0';
  } else if (compact >= 3 && *detail) {
    const char *s = card_excerpt(detail, "\xE2\x80\xA6", cut, sizeof cut);
    if (s != detail) snprintf(detail, n, "%s", s);
  }
}

/* max_h > 0: the height the card may take. A card that would be taller shows each option's
 * details only while it is selected, then only the first sentences of its own text, so that
 * every option stays on the screen (a long decision had its last options below the window). */
int ui_card_panel(fl_Ui *u, int x, int y, int w, int measure, int max_h) {
  gfx_Ctx *g = &u->g;
  const fl_Def *d = u->def;
  const fl_State *s = u->st;
  int pad = PX(14), iw = w - 2 * pad;
  int side, card = fl_game_status(u->game) == FL_GAME_WAITING ? fl_game_pending(u->game, &side) : -1;
  SDL_Rect cr = {x, y, w, 0};
  int cy = y + pad;
  if (s->ended) {
    const fl_EndingDef *e = s->ending >= 0 ? &d->endings[s->ending] : NULL;
    const gfx_Text *tt = gfx_text(g, FONT_HEAD, e ? e->title : FL_TR("The end"), iw);
    /* the panel shows the debrief's first sentences; the full text is one key away */
    char excerpt[300];
    const char *etext = ui_ending_text(u->st, u->def);
    if (etext && strlen(etext) > 240) {
      size_t cut = 0;
      for (size_t i = 60; etext[i] && i < 240; i++)
        if (etext[i] == '.' && etext[i + 1] == ' ') cut = i + 1;
      if (!cut) {
        cut = 230;
        while (cut > 60 && etext[cut] != ' ') cut--;
        while (cut > 0 && ((unsigned char)etext[cut] & 0xC0) == 0x80) cut--; /* whole UTF-8 characters */
      }
      snprintf(excerpt, sizeof excerpt, "%.*s \xE2\x80\xA6", (int)cut, etext);
      etext = excerpt;
    }
    const gfx_Text *tx = etext ? gfx_text(g, FONT_BODY, etext, iw) : NULL;
    int bh = gfx_font_h(g, FONT_BODY) + PX(14);
    cr.h = 2 * pad + gfx_font_h(g, FONT_TINY_B) + PX(6) + (tt ? tt->h : 0) + PX(8) + (tx ? tx->h + PX(12) : 0) + bh;
    if (measure) return cr.y + cr.h;
    gfx_round(g, cr, PX(8), COL_CARD);
    gfx_round_frame(g, cr, PX(8), COL_ACCENT, 1);
    gfx_draw_text(g, FONT_TINY_B, FL_TR("ENDING"), x + pad, cy, COL_ACCENT, 0);
    cy += gfx_font_h(g, FONT_TINY_B) + PX(6);
    cy += gfx_draw_wrapped(g, FONT_HEAD, e ? e->title : FL_TR("The end"), x + pad, cy, iw, COL_TEXT) + PX(8);
    if (tx) cy += gfx_draw_wrapped(g, FONT_BODY, etext, x + pad, cy, iw, COL_MUTED) + PX(12);
    ui_btn(u, x + pad, cy, FL_N("Debrief"), "Enter", BTN_DEBRIEF, 0, BS_PRIMARY, 0);
    return cr.y + cr.h;
  }
  if (u->await_end_turn) {
    const char *msg = FL_TR("Your decisions are in. End the turn to let the other sides move and see what happens.");
    const gfx_Text *t = gfx_text(g, FONT_BODY, msg, iw);
    cr.h = 2 * pad + (t ? t->h : 0) + PX(12) + gfx_font_h(g, FONT_BODY) + PX(14);
    if (measure) return cr.y + cr.h;
    gfx_round(g, cr, PX(8), COL_CARD);
    cy += gfx_draw_wrapped(g, FONT_BODY, msg, x + pad, cy, iw, COL_MUTED) + PX(12);
    ui_btn(u, x + pad, cy, FL_N("End turn"), FL_TR("Space"), BTN_END_TURN, 0, BS_PRIMARY, 0);
    return cr.y + cr.h;
  }
  if (card < 0) {
    cr.h = 2 * pad + gfx_font_h(g, FONT_BODY);
    if (measure) return cr.y + cr.h;
    gfx_round(g, cr, PX(8), COL_CARD);
    gfx_draw_text(g, FONT_BODY, fl_game_status(u->game) == FL_GAME_ERROR ? FL_TR("The game stopped on an error.") : FL_TR("No decision pending."),
                  x + pad, cy, COL_MUTED, 0);
    return cr.y + cr.h;
  }
  const fl_CardDef *c = &d->cards[card];
  int mine = UI_HUMAN(u, side);
  /* measure, then draw */
  char head[256], detail[1024], ask[256];
  ui_pick_ask(u, ask, sizeof ask);
  snprintf(head, sizeof head, "%s \xC2\xB7 %s", mine ? FL_TR("YOUR DECISION") : FL_TR("DECIDING"), d->sides[side].name);
  const gfx_Text *tt = gfx_text(g, FONT_HEAD, c->title, iw);
  int kw = PX(24), ow = iw - kw - PX(10) - PX(16);
  int oh[32], nopt = c->noptions < 32 ? c->noptions : 32, bh = gfx_font_h(g, FONT_BODY) + PX(14), h = 0;
  char cut[400];
  const char *ctext = c->text && *c->text ? c->text : NULL;
  /* 1: details of the selected option only (a reason said once for the options below it);
   * 2: and the card's text cut short; 3: and the selected option's details; 4: no card text;
   * 5: tighter rows and no option's details (the log keeps its place under the card; the
   * chosen option's preview shows on the map while its targets are chosen) */
  int compact = 0, rp = PX(8); /* rp: an option row's padding */
  for (; compact <= 5; compact++) {
    if (compact == 5) rp = PX(4);
    /* the rest of the text shows under the mouse (a cold student could not read the cut text in full by any means) */
    if (compact == 2 && ctext) ctext = card_excerpt(ctext, FL_TR("\xE2\x80\xA6 (point here for all)"), cut, sizeof cut);
    if (compact == 4) ctext = NULL;
    const gfx_Text *tx = ctext ? gfx_text(g, FONT_BODY, ctext, iw) : NULL;
    h = pad + gfx_font_h(g, FONT_TINY_B) + PX(6) + (tt ? tt->h : 0) + PX(6) + (tx ? tx->h + PX(10) : 0);
    for (int o = 0; o < nopt; o++) {
      const fl_OptionDef *op = &c->options[o];
      const gfx_Text *lt = gfx_text(g, FONT_BODY, op->label, ow);
      option_detail(u, op, detail, sizeof detail);
      short_detail(detail, sizeof detail, compact, mine && (u->opt_sel == o || u->pick_opt == o), op->ncost > 0 || op->delay.n > 0);
      char rb[600];
      const char *why = shown_reason(u, o, nopt, compact, rb, sizeof rb);
      if (u->pick_opt == o && mine) why = ask; /* what is being asked takes the reason's line */
      const gfx_Text *dt = *detail ? gfx_text(g, FONT_SMALL, detail, ow) : NULL;
      const gfx_Text *wt = why ? gfx_text(g, FONT_SMALL, why, ow) : NULL;
      oh[o] = 2 * rp + (lt ? lt->h : 0) + (dt ? dt->h + PX(3) : 0) + (wt ? wt->h + PX(3) : 0);
      if (oh[o] < kw + 2 * rp) oh[o] = kw + 2 * rp;
      h += oh[o] + PX(6);
    }
    if (mine) h += PX(6) + bh;
    h += pad;
    if (max_h <= 0 || h <= max_h || compact == 5) break;
  }
  cr.h = h;
  if (measure) return cr.y + cr.h;
  gfx_shadow(g, cr, PX(8));
  gfx_round(g, cr, PX(8), COL_CARD);
  gfx_fill(g, (SDL_Rect){cr.x, cr.y + PX(8), PX(3), cr.h - PX(16)}, ui_side_color(u, side));
  if (u->focus == FOCUS_CARD && mine) gfx_round_frame(g, cr, PX(8), gfx_alpha(COL_ACCENT, 160), 1);
  gfx_draw_text(g, FONT_TINY_B, head, x + pad, cy, mine ? COL_ACCENT : COL_MUTED, 0);
  cy += gfx_font_h(g, FONT_TINY_B) + PX(6);
  cy += gfx_draw_wrapped(g, FONT_HEAD, c->title, x + pad, cy, iw, COL_TEXT) + PX(6);
  SDL_Rect tzone = {0, 0, 0, 0}; /* the cut text, whose whole shows under the mouse */
  if (ctext) {
    int th = gfx_draw_wrapped(g, FONT_BODY, ctext, x + pad, cy, iw, COL_MUTED);
    ui_cite_zone(u, (SDL_Rect){x + pad, cy, iw, th}, c->text); /* the mouse over it shows its sources */
    if (ctext != c->text) {
      tzone = (SDL_Rect){x + pad, cy, iw, th};
      if (getenv("FLANK_LAYOUT_CHECK")) fprintf(stderr, "card text: cut at %d,%d,%d,%d\n", tzone.x, tzone.y, tzone.w, tzone.h);
    }
    cy += th + PX(10);
  }
  for (int o = 0; o < nopt; o++) {
    const fl_OptionDef *op = &c->options[o];
    int avail = fl_game_available(u->game, o);
    SDL_Rect r = {x + pad, cy, iw, oh[o]};
    int sel = mine && u->opt_sel == o, hot = mine && avail && ui_hovered(u, r);
    SDL_Color bg = sel ? COL_CARD_HI : hot ? gfx_mix(COL_CARD, COL_CARD_HI, 0.6f) : gfx_mix(COL_CARD, COL_PANEL, 0.5f);
    gfx_round(g, r, PX(6), bg);
    if (sel) gfx_round_frame(g, r, PX(6), COL_ACCENT, PX(1.5f) > 1 ? PX(1.5f) : 1);
    SDL_Rect kr = {r.x + PX(8), r.y + rp, kw, kw};
    char key[8];
    snprintf(key, sizeof key, "%d", o + 1);
    gfx_round(g, kr, PX(4), avail ? (sel ? COL_ACCENT : COL_LINE) : COL_CARD);
    if (o < 9) gfx_draw_text(g, FONT_TINY_B, key, kr.x + kr.w / 2, kr.y + (kr.h - gfx_font_h(g, FONT_TINY_B)) / 2,
                             sel ? (SDL_Color){20, 22, 26, 255} : avail ? COL_TEXT : COL_MUTED, 1);
    int tx0 = kr.x + kw + PX(10), ty = r.y + rp;
    ty += gfx_draw_wrapped(g, FONT_BODY, op->label, tx0, ty, ow, avail ? COL_TEXT : (SDL_Color){120, 126, 134, 255});
    option_detail(u, op, detail, sizeof detail);
    short_detail(detail, sizeof detail, compact, mine && (u->opt_sel == o || u->pick_opt == o), op->ncost > 0 || op->delay.n > 0); /* as measured */
    if (*detail) ty += PX(3) + gfx_draw_wrapped(g, FONT_SMALL, detail, tx0, ty + PX(3), ow, avail ? COL_MUTED : (SDL_Color){100, 106, 114, 255});
    char rb[600];
    const char *why = shown_reason(u, o, nopt, compact, rb, sizeof rb); /* as measured */
    if (u->pick_opt == o && mine) gfx_draw_wrapped(g, FONT_SMALL, ask, tx0, ty + PX(3), ow, COL_ACCENT);
    else if (why) gfx_draw_wrapped(g, FONT_SMALL, why, tx0, ty + PX(3), ow, COL_BAD);
    if (mine && avail) ui_button(u, r, BTN_OPTION, o);
    cy += oh[o] + PX(6);
  }
  if (mine) {
    cy += PX(6);
    ui_btn(u, x + pad, cy, FL_N("Confirm"), "Enter", BTN_CONFIRM, 0, u->opt_sel >= 0 && fl_game_available(u->game, u->opt_sel) ? BS_PRIMARY : BS_DISABLED, 0);
    gfx_draw_text(g, FONT_SMALL, FL_TR("Keys 1\xE2\x80\x93" "9 choose"), x + w - pad, cy + (bh - gfx_font_h(g, FONT_SMALL)) / 2, COL_MUTED, 2);
  }
  /* over the panel above the card (the sources the text cites go beside it, over the map) */
  if (tzone.w > 0) ui_text_tooltip(u, tzone, u->mapr.y > 0 ? u->mapr.y : 0, cr.y + cr.h, c->text);
  return cr.y + cr.h;
}

/* What the panel shows, in words for tests (FLANK_LAYOUT_CHECK): "end turn", "ending",
 * "none", or the asked side and the card's title. */
const char *ui_panel_says(const fl_Ui *u) {
  static char buf[256];
  int side, card = fl_game_status(u->game) == FL_GAME_WAITING ? fl_game_pending(u->game, &side) : -1;
  if (u->st->ended) return "ending";
  if (u->await_end_turn) return "end turn";
  if (card < 0) return "none";
  snprintf(buf, sizeof buf, "%s: %s", u->def->sides[side].name, u->def->cards[card].title);
  return buf;
}
