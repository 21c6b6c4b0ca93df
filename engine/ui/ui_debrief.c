/* ui_debrief: the debrief screen. Three tabs: "Your game" (the endings side by side, every
 * indicator over time with each what-if fork's line over the game's, and the timeline of
 * the student's decisions: pick one, then another option or "the computer plays on" to
 * fork the game there), "Among many" (ui_among.c) and "Sources and questions" (the
 * discussion questions for this ending and the full bibliography). The forks and the
 * ensemble run off the UI thread (ui_teach.c); this file only draws and reads keys. */
#include "ui_int.h"
#include "fl_i18n.h"
#include <stdio.h>
#include <string.h>

#define PX(v) gfx_px(&u->g, (v))

/* FL_N: marked for translation here, translated where drawn (ui_section and ui_btn do it
 * themselves; every other use goes through fl_tr) */
static const char *const T_DEBRIEF = FL_N("DEBRIEF"), *const T_UNFINISHED = FL_N("Unfinished game"), *const T_ENDINGS = FL_N("ENDINGS"),
  *const T_AS_PLAYED = FL_N("AS PLAYED"), *const T_WHAT_IF = FL_N("WHAT IF"), *const T_PLAYING = FL_N("Playing on\xE2\x80\xA6"),
  *const T_INDICATORS = FL_N("INDICATORS OVER TIME"),
  /* TRANSLATORS: the charts' key: "what if 1", as the what-if's card is headed ("WHAT IF 1") */
  *const T_WHAT_IF_KEY = FL_N("what if"),
  /* TRANSLATORS: beside the break mark on the debrief charts' time axis; %s is a month or a day, e.g. "Dec 2027", "7 Jun 2027" */
  *const T_BREAK = FL_N("after %s the time axis is compressed"), *const T_DECISIONS = FL_N("YOUR DECISIONS"),
  *const T_DECISIONS_ALL = FL_N("DECISIONS TAKEN"), *const T_PICK = FL_N("Pick a decision to ask: what if?"),
  *const T_YOURS = FL_N("your choice"), *const T_PLAYED = FL_N("as played"), *const T_PLAY_ON = FL_N("Let the computer play on from here"),
  *const T_NEEDS_TARGET = FL_N("needs a target on the map"), *const T_SAME_AREAS = FL_N("on the same areas"), *const T_NONE = FL_N("No decisions in this game."),
  *const T_PICK_AREAS = FL_N("pick the areas"), *const T_OTHER_AREAS = FL_N("your choice; on other areas?"),
  /* TRANSLATORS: under the areas to pick for a what-if; Space, arrows, Enter and Esc are keys */
  *const T_PICK_HINT = FL_N("Click areas (or \xE2\x86\x90\xE2\x86\x92 and Space), then play it."),
  *const T_PICK_PLAY = FL_N("Play this what-if"), *const T_PICK_CANCEL = FL_N("Cancel"),
  /* TRANSLATORS: after an option in the debrief's what-if list; %s is why, e.g. "The four states are still parties" */
  *const T_NOT_OPEN = FL_N("not open then: %s"),
  *const T_TABS[3] = {FL_N("Your game"), FL_N("Among many"), FL_N("Sources and questions")},
  *const T_QUESTIONS = FL_N("QUESTIONS TO DISCUSS"), *const T_ENDING = FL_N("THE ENDING"),
  /* TRANSLATORS: the quoted name is the third tab's, "Sources and questions" */
  *const T_MORE = FL_N("\xE2\x80\xA6 the whole text is under \xE2\x80\x9CSources and questions\xE2\x80\x9D"), *const T_SOURCES = FL_N("SOURCES"),
  *const T_FAILED = FL_N("Could not play it"), *const T_NO_QUESTIONS = FL_N("The scenario asks no questions."),
  *const T_SURE_NEW = FL_N("New game: sure?"), *const T_SURE_TITLE = FL_N("Title: sure?"),
  /* TRANSLATORS: beside "New game: sure?" in the debrief; N and T are the keys */
  *const T_LEAVE = FL_N("This debrief and its what-ifs will close: the same key again to go, Esc to stay"),
  *const T_BACK = FL_N("Back to the map"), *const T_NEW = FL_N("New game"), *const T_TEACHER = FL_N("Save for my teacher"), *const T_TITLE = FL_N("Title"),
  /* TRANSLATORS: key hints; P and Tab are the keys */
  *const T_KEYS = FL_N("\xE2\x86\x91\xE2\x86\x93 pick a decision  \xC2\xB7  1\xE2\x80\x93" "9 what if  \xC2\xB7  P computer plays on  \xC2\xB7  Tab next tab");

/* Whether log entry e is a decision the timeline lists: a person's (every playable side's
 * in a demo). */
static int listed(const fl_Ui *u, const fl_LogEntry *e) {
  if (e->kind != FL_LOG_ACTION || e->c < 0 || !ui_sees(u, e->seen)) return 0;
  if (u->human >= 0 && !u->opts.demo) return UI_HUMAN(u, e->c);
  return u->def->sides[e->c].playable;
}

/* The next listed decision after (dir 1) or before (dir -1) log entry from; -1: none. */
static int next_decision(const fl_Ui *u, int from, int dir) {
  for (int i = from + dir; i >= 0 && i < u->st->nlog; i += dir)
    if (listed(u, &u->st->log[i])) return i;
  return -1;
}

/* ---- endings side by side ---------------------------------------------------------- */

/* s in at most two lines of width w (the second cut with an ellipsis): the endings row stays
 * short however many what-ifs are open, so the charts under it keep their room. */
static int two_lines(gfx_Ctx *g, int font, const char *s, int w, char *l1, char *l2, size_t n) {
  l2[0] = '\0';
  if (gfx_text_w(g, font, s) <= w) { snprintf(l1, n, "%s", s); return 1; }
  size_t cut = 0, len = strlen(s);
  for (size_t i = 1; i <= len && i < n; i++) { /* the longest prefix ending at a space that fits */
    if (s[i] != ' ' && s[i] != '\0') continue;
    snprintf(l1, n, "%.*s", (int)i, s);
    if (gfx_text_w(g, font, l1) > w) break;
    cut = i;
  }
  if (!cut) { gfx_fit(g, font, s, w, l1, n); return 1; }
  snprintf(l1, n, "%.*s", (int)cut, s);
  gfx_fit(g, font, s + cut + 1, w, l2, n);
  return 2;
}

/* s in at most max lines of width w (the last cut with an ellipsis), into ln: a what-if's note
 * says what became of every later choice, and cut after two lines in a narrow card it lost
 * the counts that add up ("Kept: 23, no longer possible: 0, ne..."). Returns the lines. */
#define NOTE_LINES 4
static int note_lines(gfx_Ctx *g, int font, const char *s, int w, char (*ln)[512], int max) {
  int k = 0;
  while (*s && k < max) {
    if (k == max - 1 || gfx_text_w(g, font, s) <= w) { gfx_fit(g, font, s, w, ln[k], sizeof ln[k]); return k + 1; }
    size_t cut = 0, len = strlen(s);
    for (size_t i = 1; i <= len && i < sizeof ln[k]; i++) { /* the longest prefix ending at a space that fits */
      if (s[i] != ' ' && s[i] != '\0') continue;
      snprintf(ln[k], sizeof ln[k], "%.*s", (int)i, s);
      if (gfx_text_w(g, font, ln[k]) > w) break;
      cut = i;
    }
    if (!cut) { gfx_fit(g, font, s, w, ln[k], sizeof ln[k]); return k + 1; }
    snprintf(ln[k++], sizeof ln[0], "%.*s", (int)cut, s);
    s += cut;
    while (*s == ' ') s++;
  }
  return k;
}

/* A what-if's number as its card and the charts' key say it: the open ones, in order. */
static int fork_num(const fl_Ui *u, const ui_Fork *f) {
  int num = 0;
  for (const ui_Fork *j = u->t.fork; j <= f && j < u->t.fork + UI_MAXFORK; j++) num += j->used;
  return num;
}

/* Under a what-if's end date, when it is not the game's: how much later or earlier, and why (a
 * student read "11 December" beside "1 December" and took it for a mistake). The calendar is
 * the same; turns that last a day (a crisis, a war) move every later turn on by as many days.
 * "" on the same date. Short: a narrow card gives it one line. */
static void date_note(const fl_State *played, const fl_State *fork, char *buf, size_t n) {
  buf[0] = '\0';
  if (!played || !fork || played->date == fork->date) return;
  int32_t gap = fork->date - played->date, days = fl_state_short_turn_days(fork) - fl_state_short_turn_days(played);
  if (days == gap && gap > 0)
    snprintf(buf, n, FL_NTR("%d day later: more one-day turns", "%d days later: more one-day turns", (long)gap), (int)gap);
  else if (days == gap)
    snprintf(buf, n, FL_NTR("%d day earlier: fewer one-day turns", "%d days earlier: fewer one-day turns", (long)-gap),
             (int)-gap);
  else snprintf(buf, n, "%s", gap > 0 ? FL_TR("Later: this game went on longer") : FL_TR("Earlier: this game ended sooner"));
}

/* tight: a short window's card, whose notes take at most two lines (the date's one) so that the
 * charts under the row keep a plot. */
static int ending_card(fl_Ui *u, SDL_Rect r, const char *head, const char *label, const fl_State *s, SDL_Color c, int k,
                       int measure, int tight) {
  gfx_Ctx *g = &u->g;
  int pad = PX(10), iw = r.w - 2 * pad;
  const ui_Fork *f = k >= 0 ? &u->t.fork[k] : NULL;
  const char *title = s ? (s->ending >= 0 ? u->def->endings[s->ending].title : fl_tr(T_UNFINISHED)) : fl_tr(f && f->th ? T_PLAYING : T_FAILED);
  char l1[512], l2[512], nt[NOTE_LINES][512], dt[2][512];
  int nl = label ? two_lines(g, FONT_SMALL, label, iw - (f ? PX(18) : 0), l1, l2, sizeof l1) : 0, lh = gfx_font_h(g, FONT_SMALL);
  const gfx_Text *tt = gfx_text(g, FONT_BOLD, title, iw);
  /* a finished fork's note, at most NOTE_LINES lines: what became of the student's later choices (fork_run's message) */
  const char *note = f && s && f->err[0] ? f->err : NULL;
  int nn = note ? note_lines(g, FONT_SMALL, note, iw, nt, tight ? 2 : NOTE_LINES) : 0;
  char dn[256]; /* a what-if's end date, when not the game's: why */
  if (f && s) date_note(u->st, s, dn, sizeof dn); else dn[0] = '\0';
  int nd = *dn ? note_lines(g, FONT_SMALL, dn, iw, dt, tight ? 1 : 2) : 0;
  int h = 2 * pad + gfx_font_h(g, FONT_TINY_B) + PX(4) + (nl ? nl * lh + PX(4) : 0) + (tt ? tt->h : 0) + PX(4) + lh
          + nd * lh + (nn ? nn * lh + PX(4) : 0);
  if (measure) return h;
  r.h = h;
  gfx_round(g, r, PX(6), COL_CARD);
  gfx_fill(g, (SDL_Rect){r.x, r.y + PX(6), PX(3), r.h - PX(12)}, c);
  int x = r.x + pad + PX(2), y = r.y + pad;
  char hd[96];
  int num = f ? fork_num(u, f) : 0; /* a what-if's number, as the charts' key names it */
  if (num) snprintf(hd, sizeof hd, "%s %d", fl_tr(head), num); else snprintf(hd, sizeof hd, "%s", fl_tr(head));
  gfx_draw_text(g, FONT_TINY_B, hd, x, y, c, 0);
  if (f && !f->th) { /* close it */
    SDL_Rect xr = {r.x + r.w - PX(24), r.y + PX(4), PX(20), PX(20)};
    gfx_draw_text(g, FONT_BODY, "\xC3\x97", xr.x + xr.w / 2, xr.y, ui_hovered(u, xr) ? COL_TEXT : COL_MUTED, 1);
    ui_button(u, xr, BTN_FORK_CLOSE, k);
  }
  y += gfx_font_h(g, FONT_TINY_B) + PX(4);
  for (int i = 0; i < nl; i++, y += lh) gfx_draw_text(g, FONT_SMALL, i ? l2 : l1, x, y, COL_MUTED, 0);
  if (nl) y += PX(4);
  y += gfx_draw_wrapped(g, FONT_BOLD, title, x, y, iw, s ? COL_TEXT : COL_MUTED) + PX(4);
  if (s) {
    char t[48];
    ui_date_long(s->date, t, sizeof t); /* where it ended: a date, as turns differ in length */
    gfx_draw_text(g, FONT_SMALL, t, x, y, COL_MUTED, 0);
    for (int i = 0; i < nd; i++) gfx_draw_text(g, FONT_SMALL, dt[i], x, y + (i + 1) * lh, COL_MUTED, 0);
    y += nd * lh;
    for (int i = 0; i < nn; i++) gfx_draw_text(g, FONT_SMALL, nt[i], x, y + (i + 1) * lh + PX(4), COL_MUTED, 0);
  } else if (f && f->th) { /* a fork plays in milliseconds; the bar says it is on its way */
    int bw = iw - PX(4), p = (int)((SDL_GetTicks() / 8) % (Uint32)(bw > 1 ? bw : 1));
    gfx_fill(g, (SDL_Rect){x, y + PX(6), bw, PX(3)}, COL_LINE);
    gfx_fill(g, (SDL_Rect){x + p / 2, y + PX(6), bw / 3, PX(3)}, c);
  } else if (f) {
    char fit[512];
    gfx_fit(g, FONT_SMALL, f->err, iw, fit, sizeof fit);
    gfx_draw_text(g, FONT_SMALL, fit, x, y, COL_BAD, 0);
  }
  return h;
}

/* The game's ending card and each what-if's, in a row; room: the height the row may take
 * before the charts under it lose their plots (a short window's cards say less). */
static int endings_row(fl_Ui *u, int x, int y, int w, int room) {
  int idx[UI_MAXFORK], n = 0;
  for (int k = 0; k < UI_MAXFORK; k++) if (u->t.fork[k].used) idx[n++] = k;
  if (!n) return y;
  int y0 = y;
  y = ui_section(u, x, y, w, T_ENDINGS);
  int cw = (w - n * PX(8)) / (n + 1), h = 0;
  for (int tight = 0; tight < 2; tight++) {
    h = ending_card(u, (SDL_Rect){x, y, cw, 0}, T_AS_PLAYED, NULL, u->st, COL_ACCENT, -1, 1, tight);
    for (int i = 0; i < n; i++) {
      ui_Fork *f = &u->t.fork[idx[i]];
      int fh = ending_card(u, (SDL_Rect){x, y, cw, 0}, T_WHAT_IF, f->label, f->res, ui_fork_color(idx[i]), idx[i], 1, tight);
      if (fh > h) h = fh;
    }
    if (y + h + PX(14) - y0 <= room || tight) {
      /* equal heights: measure, then draw each card that tall */
      ending_card(u, (SDL_Rect){x, y, cw, 0}, T_AS_PLAYED, NULL, u->st, COL_ACCENT, -1, 0, tight);
      for (int i = 0; i < n; i++) {
        ui_Fork *f = &u->t.fork[idx[i]];
        ending_card(u, (SDL_Rect){x + (i + 1) * (cw + PX(8)), y, cw, 0}, T_WHAT_IF, f->label, f->res, ui_fork_color(idx[i]), idx[i], 0,
                    tight);
      }
      break;
    }
  }
  return y + h + PX(14);
}

/* ---- the timeline of decisions -------------------------------------------------- */

/* The areas to pick for a what-if on option o (ui_wpick_start), as chips that wrap, then Play
 * and Cancel; returns the y below them. */
static int pick_chips(fl_Ui *u, int x, int y, int w, int lim) {
  gfx_Ctx *g = &u->g;
  int cx = x, ch = gfx_font_h(g, FONT_SMALL) + PX(8);
  for (int i = 0; i < u->t.pick_n; i++) {
    const char *name = fl_map_area(u->def->map, u->t.pick_tg[i])->name;
    int cw = gfx_text_w(g, FONT_SMALL, name) + PX(16);
    if (cx > x && cx + cw > x + w) { cx = x; y += ch + PX(4); }
    if (y + ch > lim) return y;
    SDL_Rect r = {cx, y, cw, ch};
    int on = u->t.pick_on[i];
    gfx_round(g, r, PX(5), on ? gfx_mix(COL_ACCENT, COL_CARD, 0.55f) : ui_hovered(u, r) ? COL_CARD_HI : COL_CARD);
    if (i == u->t.pick_cur) gfx_round_frame(g, r, PX(5), gfx_alpha(COL_ACCENT, 200), 1);
    gfx_draw_text(g, FONT_SMALL, name, r.x + PX(8), r.y + PX(4), on ? COL_TEXT : COL_MUTED, 0);
    ui_button(u, r, BTN_PICK_AREA, i);
    cx += cw + PX(6);
  }
  y += ch + PX(6);
  const fl_OptionDef *op = &u->def->cards[u->st->log[u->t.pick_li].a].options[u->t.pick_opt];
  int lo = op->tmin > 0 ? op->tmin : 1, hi = op->tmax > 0 ? op->tmax : FL_MAX_TARGETS;
  if (hi > u->t.pick_n) hi = u->t.pick_n;
  char hint[400], takes[160];
  if (lo >= hi) snprintf(takes, sizeof takes, FL_NTR("It takes %d area.", "It takes %d areas.", lo), lo);
  else snprintf(takes, sizeof takes, FL_TR("It takes %d to %d areas."), lo, hi);
  snprintf(hint, sizeof hint, "%s %s", takes, fl_tr(T_PICK_HINT));
  y += gfx_draw_wrapped(g, FONT_SMALL, hint, x, y, w, COL_MUTED) + PX(6);
  int ok;
  ui_wpick_count(u, &ok);
  const char *pl = fl_tr(T_PICK_PLAY), *cl = fl_tr(T_PICK_CANCEL);
  SDL_Rect pr = {x, y, gfx_text_w(g, FONT_SMALL, pl) + gfx_text_w(g, FONT_TINY_B, "Enter") + PX(30), ch + PX(2)};
  SDL_Rect cr = {pr.x + pr.w + PX(8), y, gfx_text_w(g, FONT_SMALL, cl) + gfx_text_w(g, FONT_TINY_B, "Esc") + PX(30), ch + PX(2)};
  gfx_round(g, pr, PX(5), ok ? (ui_hovered(u, pr) ? gfx_mix(COL_ACCENT, COL_TEXT, 0.2f) : COL_ACCENT) : COL_CARD);
  gfx_draw_text(g, FONT_SMALL, pl, pr.x + PX(10), pr.y + PX(5), ok ? COL_BG : COL_MUTED, 0);
  gfx_draw_text(g, FONT_TINY_B, "Enter", pr.x + pr.w - PX(10), pr.y + PX(7), ok ? COL_BG : COL_MUTED, 2);
  gfx_round(g, cr, PX(5), ui_hovered(u, cr) ? COL_CARD_HI : COL_CARD);
  gfx_draw_text(g, FONT_SMALL, cl, cr.x + PX(10), cr.y + PX(5), COL_TEXT, 0);
  gfx_draw_text(g, FONT_TINY_B, "Esc", cr.x + cr.w - PX(10), cr.y + PX(7), COL_MUTED, 2);
  ui_button(u, pr, BTN_PICK_PLAY, 0);
  ui_button(u, cr, BTN_PICK_CANCEL, 0);
  return y + pr.h + PX(8);
}

static int alternatives(fl_Ui *u, const fl_LogEntry *e, int li, int x, int y, int w, int lim) {
  gfx_Ctx *g = &u->g;
  const fl_CardDef *c = &u->def->cards[e->a];
  for (int o = 0; o <= c->noptions; o++) {
    int policy = o == c->noptions, mine = !policy && o == e->b;
    /* an option that acts on areas is tried on areas picked from those legal then (the played
     * ones picked at first); without the host's list, on the areas the played one took */
    int target = !policy && c->options[o].target != FL_TGT_NONE, same = target && ui_fork_same_areas(u, e, o, NULL, 0);
    int pick = target && c->options[o].target == FL_TGT_AREA && u->host->fork_targets;
    char lab[600], key[8];
    const char *closed = "";
    int open = policy || mine || ui_whatif_open(u, li, o, &closed); /* an option not open then says why */
    char shut[240];
    snprintf(shut, sizeof shut, fl_tr(T_NOT_OPEN), closed);
    const char *why = !open ? shut : mine && pick ? fl_tr(T_OTHER_AREAS) : mine ? fl_tr(u->opts.demo ? T_PLAYED : T_YOURS)
                      : pick ? fl_tr(T_PICK_AREAS) : same ? fl_tr(T_SAME_AREAS) : target ? fl_tr(T_NEEDS_TARGET) : "";
    if (policy) snprintf(lab, sizeof lab, "%s", fl_tr(T_PLAY_ON));
    else snprintf(lab, sizeof lab, "%s%s%s%s", c->options[o].label, *why ? "  (" : "", why, *why ? ")" : "");
    const gfx_Text *t = gfx_text(g, FONT_SMALL, lab, w - PX(40));
    SDL_Rect r = {x, y, w, (t ? t->h : 0) + PX(10)};
    if (r.y + r.h > lim) break;
    int can = open && (pick || (!mine && (!target || same)));
    gfx_round(g, r, PX(5), can && ui_hovered(u, r) ? COL_CARD_HI : gfx_mix(COL_CARD, COL_PANEL, 0.3f));
    snprintf(key, sizeof key, policy ? "P" : "%d", o + 1);
    SDL_Rect kr = {r.x + PX(6), r.y + (r.h - PX(18)) / 2, PX(18), PX(18)};
    gfx_round(g, kr, PX(3), can ? COL_LINE : COL_CARD);
    if (policy || o < 9) gfx_draw_text(g, FONT_TINY_B, key, kr.x + kr.w / 2, kr.y + (kr.h - gfx_font_h(g, FONT_TINY_B)) / 2, can ? COL_TEXT : COL_MUTED, 1);
    gfx_draw_wrapped(g, FONT_SMALL, lab, r.x + PX(32), r.y + PX(5), w - PX(40), can ? COL_TEXT : COL_MUTED);
    if (can) ui_button(u, r, BTN_FORK, policy ? -1 : o);
    y += r.h + PX(4);
    if (u->t.pick_li == li && u->t.pick_opt == o) y = pick_chips(u, x + PX(32), y + PX(2), w - PX(32), lim);
  }
  return y + PX(4);
}

/* What the computer chose at played decision li in fork f, when that is not what was played:
 * the option's label with its areas into buf; 0 when the fork chose the same, came later, or
 * had ended by then (its card says so), and at the forked decision itself (its label says it).
 * After another option this marks where the student's own choice was no longer possible. */
static int computer_otherwise(const fl_Ui *u, const ui_Fork *f, int li, char *buf, size_t n) {
  const fl_State *s = u->st, *r = f->res;
  const fl_LogEntry *e = &s->log[li];
  if (!r || e->turn < f->turn) return 0;
  int nth = fl_state_action_nth(s, li), k = 0;
  if (!f->by_policy && e->turn == f->turn && nth == f->nth && !strcmp(u->def->cards[e->a].id, f->card)) return 0;
  for (int i = 0; i < r->nlog; i++) {
    const fl_LogEntry *x = &r->log[i];
    if (x->kind != FL_LOG_ACTION || x->turn != e->turn || x->a != e->a || k++ != nth) continue;
    char tg[512], ta[512];
    ui_targets_text(u, x, tg, sizeof tg);
    ui_targets_text(u, e, ta, sizeof ta);
    if (x->b == e->b && !strcmp(tg, ta)) return 0;
    /* TRANSLATORS: under a decision in the debrief's timeline: what a what-if's computer chose there instead */
    snprintf(buf, n, FL_TR("what if %d, the computer: %s%s"), fork_num(u, f), u->def->cards[x->a].options[x->b].label, tg);
    return 1;
  }
  if (r->ended && r->turn <= e->turn) return 0;
  /* TRANSLATORS: under a decision in the debrief's timeline: in that what-if the card never came (a cold
     student read "the computer: not asked" and did not understand it) */
  snprintf(buf, n, FL_TR("what if %d: this decision never came up"), fork_num(u, f));
  return 1;
}

static void timeline(fl_Ui *u, int x, int y, int w, int lim) {
  gfx_Ctx *g = &u->g;
  const fl_State *s = u->st;
  int anyplay = 0;
  for (int i = 0; i < u->def->nside; i++) anyplay |= u->def->sides[i].playable;
  y = ui_section(u, x, y, w, u->human >= 0 && !u->opts.demo ? T_DECISIONS : T_DECISIONS_ALL);
  if (u->host->fork_new) {
    gfx_draw_text(g, FONT_SMALL, fl_tr(T_PICK), x, y, COL_MUTED, 0);
    y += gfx_font_h(g, FONT_SMALL) + PX(8);
  }
  int shown = 0, skipped = 0, more = 0;
  /* decisions are dated, not numbered: a turn may be a month, a day or a year */
  char t[32];
  int dw = gfx_text_w(g, FONT_SMALL, "28 May 2025") + PX(20);
  for (int i = 0; i < s->nlog; i++) {
    const fl_LogEntry *e = &s->log[i];
    if (!(anyplay ? listed(u, e) : e->kind == FL_LOG_ACTION && ui_sees(u, e->seen))) continue;
    if (skipped < u->t.dec_scroll) { skipped++; continue; }
    char line[1100], tg[512];
    ui_targets_text(u, e, tg, sizeof tg);
    snprintf(line, sizeof line, "%s \xE2\x80\x94 %s%s", u->def->cards[e->a].title, u->def->cards[e->a].options[e->b].label, tg);
    const gfx_Text *lt = gfx_text(g, FONT_SMALL, line, w - dw - PX(2));
    SDL_Rect r = {x - PX(6), y - PX(4), w + PX(6), (lt ? lt->h : 0) + PX(8)};
    if (more || r.y + r.h > lim) { more++; continue; }
    int sel = u->t.dec_sel == i;
    if (sel || ui_hovered(u, r)) gfx_round(g, r, PX(5), sel ? COL_CARD_HI : gfx_mix(COL_CARD, COL_CARD_HI, 0.5f));
    if (sel) gfx_round_frame(g, r, PX(5), gfx_alpha(COL_ACCENT, 170), 1);
    ui_date_short(e->date, t, sizeof t);
    gfx_draw_text(g, FONT_SMALL, t, x, y, sel ? COL_ACCENT : COL_MUTED, 0);
    gfx_disc(g, (float)(x + dw - PX(12)), (float)(y + gfx_font_h(g, FONT_SMALL) / 2), (float)PX(3.5f), ui_side_color(u, e->c));
    y += gfx_draw_wrapped(g, FONT_SMALL, line, x + dw, y, w - dw - PX(2), COL_TEXT) + PX(8);
    for (int k = 0; k < UI_MAXFORK; k++) { /* where a fork's computer chose otherwise, in its colour */
      char other[700], fit[700];
      if (!u->t.fork[k].used || y + gfx_font_h(g, FONT_SMALL) > lim || !computer_otherwise(u, &u->t.fork[k], i, other, sizeof other)) continue;
      gfx_fit(g, FONT_SMALL, other, w - dw - PX(16), fit, sizeof fit);
      gfx_disc(g, (float)(x + dw + PX(3)), (float)(y - PX(4) + gfx_font_h(g, FONT_SMALL) / 2), (float)PX(3), ui_fork_color(k));
      gfx_draw_text(g, FONT_SMALL, fit, x + dw + PX(12), y - PX(4), ui_fork_color(k), 0);
      y += gfx_font_h(g, FONT_SMALL) + PX(4);
      r.h = y - r.y - PX(4);
    }
    if (u->host->fork_new) ui_button(u, r, BTN_DECISION, i);
    if (sel && u->host->fork_new) y = alternatives(u, e, i, x + dw, y, w - dw, lim);
    shown++;
  }
  u->t.ndec_shown = shown;
  u->t.dec_more = more;
  if (!shown && !skipped) gfx_draw_text(g, FONT_SMALL, fl_tr(T_NONE), x, y, COL_MUTED, 0);
  char mt[96];
  if (more || skipped) {
    snprintf(mt, sizeof mt, FL_TR("%d above, %d below (wheel or \xE2\x86\x91\xE2\x86\x93)"), skipped, more);
    gfx_draw_text(g, FONT_SMALL, mt, x + w, lim + PX(2), COL_MUTED, 2);
  }
}

/* ---- tabs ------------------------------------------------------------------------- */

static void your_game(fl_Ui *u, int x, int y, int w, int bottom) {
  const fl_Def *d = u->def;
  int lw = w * 3 / 5, rx = x + lw + PX(28), rw = w - lw - PX(28);
  timeline(u, rx, y, rw, bottom - PX(18));
  int nvis = 0;
  for (int i = 0; i < d->ntrack; i++) nvis += d->tracks[i].visible && ui_sees(u, d->tracks[i].seen);
  /* a chart needs room for its title, a plot and its dates: more columns on a short window
   * (1024x768), so that no chart is an empty box; the endings row leaves them that room */
  int min_h = gfx_font_h(&u->g, FONT_BOLD) + gfx_font_h(&u->g, FONT_SMALL) + PX(64);
  int need = 2 * gfx_font_h(&u->g, FONT_SMALL) + PX(30) + (nvis + 3) / 4 * (min_h + PX(12));
  int yy = endings_row(u, x, y, lw, bottom - y - need);
  const fl_State *more[UI_MAXFORK];
  SDL_Color cols[UI_MAXFORK];
  int nmore = 0;
  for (int k = 0; k < UI_MAXFORK; k++)
    if (u->t.fork[k].used && u->t.fork[k].res) { more[nmore] = u->t.fork[k].res; cols[nmore++] = ui_fork_color(k); }
  /* where the charts' time axis breaks (long turns at the end, an aftermath, drawn compressed), the
   * section's line says so at its right end, with the break's mark */
  int32_t brk;
  char note[200] = "";
  if (ui_chart_break(u, more, nmore, &brk)) {
    char when[48]; /* "Dec 2027"; by day when the part played is shorter than a year ("7 Jun 2027") */
    if (brk - u->def->start_date < 366) ui_date_short(brk, when, sizeof when);
    else ui_date_tick_label(brk, 1, when, sizeof when);
    snprintf(note, sizeof note, fl_tr(T_BREAK), when);
  }
  int nw = *note ? gfx_text_w(&u->g, FONT_SMALL, note) : 0, ny = yy;
  yy = ui_section(u, x, yy, *note ? lw - nw - PX(26) : lw, T_INDICATORS);
  if (*note) {
    int fy = ny + gfx_font_h(&u->g, FONT_TINY_B) / 2 - gfx_font_h(&u->g, FONT_SMALL) / 2;
    ui_chart_break_mark(u, x + lw - nw - PX(16), ny + gfx_font_h(&u->g, FONT_TINY_B) / 2, COL_MUTED);
    gfx_draw_text(&u->g, FONT_SMALL, note, x + lw, fy, COL_MUTED, 2);
  }
  if (nmore) { /* with what-ifs the charts draw several lines: which is which (a cold student matched them
                * to the cards' borders), the game as played in gold, each what-if in its card's colour */
    int kx = x, kh = gfx_font_h(&u->g, FONT_SMALL);
    char lab[300];
    for (int k = -1, num = 0; k < UI_MAXFORK; k++) {
      if (k >= 0 && !u->t.fork[k].used) continue;
      if (k >= 0 && (num++, !u->t.fork[k].res)) continue; /* numbered as its card, drawn once it has a line */
      if (k < 0) snprintf(lab, sizeof lab, "%s", fl_tr(T_PLAYED));
      else snprintf(lab, sizeof lab, "%s %d", fl_tr(T_WHAT_IF_KEY), num);
      int tw = gfx_text_w(&u->g, FONT_SMALL, lab);
      if (kx + PX(22) + tw > x + lw) { /* the rest does not fit on the line: shorten the last */
        if (kx + PX(60) < x + lw) gfx_draw_text(&u->g, FONT_SMALL, "\xE2\x80\xA6", kx, yy, COL_MUTED, 0);
        break;
      }
      gfx_fill(&u->g, (SDL_Rect){kx, yy + kh / 2 - PX(2), PX(16), PX(4)}, k < 0 ? COL_ACCENT : ui_fork_color(k));
      gfx_draw_text(&u->g, FONT_SMALL, lab, kx + PX(20), yy, COL_MUTED, 0);
      if (getenv("FLANK_CHART_CHECK")) {
        static char said[UI_MAXFORK + 1][300];
        if (strcmp(said[k + 1], lab)) { fprintf(stderr, "chart key: %s\n", lab); snprintf(said[k + 1], sizeof said[k + 1], "%s", lab); }
      }
      kx += PX(20) + tw + PX(16);
    }
    yy += kh + PX(6);
  }
  int cols_n = nvis > 4 ? 3 : 2, rows = (nvis + cols_n - 1) / cols_n;
  while (cols_n < 4 && rows > 1 && (bottom - yy - (rows - 1) * PX(12)) / rows < min_h) {
    cols_n++;
    rows = (nvis + cols_n - 1) / cols_n;
  }
  if (rows < 1) rows = 1;
  int cwid = (lw - (cols_n - 1) * PX(12)) / cols_n, chh = (bottom - yy - (rows - 1) * PX(12)) / rows;
  if (chh > PX(220)) chh = PX(220);
  if (chh < PX(70)) chh = PX(70);
  /* every title in one font: the largest in which each chart shows its name in full */
  int rank = 0;
  for (int i = 0; i < d->ntrack; i++) {
    if (!d->tracks[i].visible || !ui_sees(u, d->tracks[i].seen)) continue;
    int rk = ui_chart_head_rank(u, (SDL_Rect){0, 0, cwid, chh}, i, more, nmore);
    rank = rk > rank ? rk : rank;
  }
  for (int i = 0, k = 0; i < d->ntrack; i++) {
    if (!d->tracks[i].visible || !ui_sees(u, d->tracks[i].seen)) continue;
    SDL_Rect r = {x + (k % cols_n) * (cwid + PX(12)), yy + (k / cols_n) * (chh + PX(12)), cwid, chh};
    if (r.y + r.h > bottom + PX(4)) break;
    ui_track_chart_more(u, r, i, more, cols, nmore, rank);
    k++;
  }
}

/* A cite zone of the scrolled column: only its visible part answers the mouse. */
static void zone_in(fl_Ui *u, SDL_Rect r, SDL_Rect clip, const char *text) {
  SDL_Rect v;
  if (SDL_IntersectRect(&r, &clip, &v)) ui_cite_zone(u, v, text);
}

/* The left column (the questions, then the whole ending) scrolls by pixels within its
 * clip, above a strip that says what is above and below; the right one by source. */
static void sources_tab(fl_Ui *u, int x, int y, int w, int bottom) {
  gfx_Ctx *g = &u->g;
  const fl_Def *d = u->def;
  int lw = d->nsource ? w / 2 : w, rx = x + lw + PX(28), rw = w - lw - PX(28), n = 0;
  int fs = gfx_font_h(g, FONT_SMALL);
  SDL_Rect clip = {x, y, lw, bottom - y - fs - PX(6)};
  SDL_RenderSetClipRect(u->r, &clip);
  int yy = y - u->t.q_scroll;
  yy = ui_section(u, x, yy, lw, T_QUESTIONS);
  for (int i = 0; i < d->nquestion; i++) {
    const fl_QuestionDef *q = &d->questions[i];
    if (q->ending >= 0 && q->ending != u->st->ending) continue;
    char num[16];
    snprintf(num, sizeof num, "%d.", ++n);
    gfx_draw_text(g, FONT_BODY, num, x, yy, COL_ACCENT, 0);
    int h = gfx_draw_wrapped(g, FONT_BODY, q->text, x + PX(30), yy, lw - PX(30), COL_TEXT);
    zone_in(u, (SDL_Rect){x + PX(30), yy, lw - PX(30), h}, clip, q->text);
    yy += h + PX(12);
  }
  if (!n) {
    gfx_draw_text(g, FONT_SMALL, fl_tr(T_NO_QUESTIONS), x, yy, COL_MUTED, 0);
    yy += fs + PX(12);
  }
  const char *etext = ui_ending_text(u->st, d);
  if (etext) {
    yy = ui_section(u, x, yy + PX(4), lw, T_ENDING);
    int h = gfx_draw_wrapped(g, FONT_SMALL, etext, x, yy, lw, COL_TEXT);
    zone_in(u, (SDL_Rect){x, yy, lw, h}, clip, etext);
    yy += h;
  }
  SDL_RenderSetClipRect(u->r, NULL);
  u->t.q_more = yy > clip.y + clip.h;
  const char *hint = u->t.q_more && u->t.q_scroll > 0 ? FL_TR("\xE2\x86\x91\xE2\x86\x93 more above and below (mouse wheel)")
                   : u->t.q_more ? FL_TR("\xE2\x86\x93 more below (mouse wheel)") : u->t.q_scroll > 0 ? FL_TR("\xE2\x86\x91 more above (mouse wheel)") : NULL;
  if (hint) gfx_draw_text(g, FONT_SMALL, hint, x, bottom - fs, COL_MUTED, 0);
  if (d->nsource) ui_biblio_draw(u, rx, ui_section(u, rx, y, rw, T_SOURCES), rw, bottom, u->t.bib_scroll);
}

static void tabs(fl_Ui *u, int x, int y) {
  gfx_Ctx *g = &u->g;
  for (int i = 0; i < 3; i++) {
    char lab[96];
    size_t total, done = ui_among_progress(u, &total);
    if (i == 1 && u->t.among_state == AMONG_RUNNING && total)
      snprintf(lab, sizeof lab, "%s  %d%%", fl_tr(T_TABS[i]), (int)(100.0 * (double)done / (double)total));
    else snprintf(lab, sizeof lab, "%s", fl_tr(T_TABS[i]));
    int tw = gfx_text_w(g, FONT_BOLD, lab);
    SDL_Rect r = {x, y, tw + PX(28), gfx_font_h(g, FONT_BOLD) + PX(14)};
    int on = u->t.tab == i;
    gfx_round(g, r, PX(6), on ? COL_CARD_HI : ui_hovered(u, r) ? gfx_mix(COL_CARD, COL_CARD_HI, 0.5f) : (SDL_Color){0, 0, 0, 0});
    if (on) gfx_fill(g, (SDL_Rect){r.x + PX(8), r.y + r.h - PX(3), r.w - PX(16), PX(3)}, COL_ACCENT);
    gfx_draw_text(g, FONT_BOLD, lab, r.x + PX(14), r.y + PX(7), on ? COL_TEXT : COL_MUTED, 0);
    ui_button(u, r, BTN_TAB, i);
    x += r.w + PX(6);
  }
}

void ui_draw_debrief(fl_Ui *u) {
  gfx_Ctx *g = &u->g;
  const fl_Def *d = u->def;
  const fl_State *s = u->st;
  ui_backdrop(u);
  int m = PX(40), x = m, y = PX(30), w = u->W - 2 * m;
  gfx_draw_text(g, FONT_TINY_B, fl_tr(T_DEBRIEF), x, y, COL_ACCENT, 0);
  y += gfx_font_h(g, FONT_TINY_B) + PX(6);
  const fl_EndingDef *e = s->ending >= 0 ? &d->endings[s->ending] : NULL;
  y += gfx_draw_wrapped(g, FONT_TITLE, e ? e->title : fl_tr(T_UNFINISHED), x, y, w, COL_TEXT) + PX(6);
  char meta[512], date[64], after[96];
  ui_date_long(s->date, date, sizeof date);
  snprintf(after, sizeof after, FL_NTR("after %d turn", "after %d turns", s->turn), s->turn);
  char seed[64]; /* for a teacher reproducing the game */
  snprintf(seed, sizeof seed, FL_TR("seed %llu"), (unsigned long long)s->seed);
  snprintf(meta, sizeof meta, "%s  \xC2\xB7  %s  \xC2\xB7  %s  \xC2\xB7  %s", d->title, after, date, seed);
  gfx_draw_text(g, FONT_SMALL, meta, x, y, COL_ACCENT, 0);
  y += gfx_font_h(g, FONT_SMALL) + PX(10);
  const char *etext = ui_ending_text(u->st, u->def);
  if (etext) { /* at most five lines here (three in a short window: the charts need the room); the third tab has all of it */
    const gfx_Text *et = gfx_text(g, FONT_BODY, etext, w * 2 / 3);
    int lh = TTF_FontLineSkip(g->font[FONT_BODY]), cap = (u->H < PX(880) ? 3 : 5) * lh, h = et ? et->h : 0;
    SDL_Rect clip = {x, y, w * 2 / 3, h > cap ? cap : h};
    SDL_RenderSetClipRect(u->r, &clip);
    gfx_draw_wrapped(g, FONT_BODY, etext, x, y, w * 2 / 3, COL_TEXT);
    SDL_RenderSetClipRect(u->r, NULL);
    ui_cite_zone(u, clip, etext);
    y += clip.h + PX(4);
    if (h > cap) {
      gfx_draw_text(g, FONT_SMALL, fl_tr(T_MORE), x, y, COL_MUTED, 0);
      y += gfx_font_h(g, FONT_SMALL);
    }
    y += PX(12);
  }
  tabs(u, x, y);
  y += gfx_font_h(g, FONT_BOLD) + PX(14);
  gfx_fill(g, (SDL_Rect){x, y, w, 1}, COL_LINE);
  y += PX(14);
  int bottom = u->H - PX(34) - gfx_font_h(g, FONT_BODY) - PX(14);
  if (u->t.tab == 0) your_game(u, x, y, w, bottom - PX(14));
  else if (u->t.tab == 1) ui_among_draw(u, (SDL_Rect){x, y, w, bottom - PX(14) - y});
  else sources_tab(u, x, y, w, bottom - PX(14));
  int bx = x;
  bx += ui_btn(u, bx, bottom, T_BACK, "Esc", BTN_BACK, 0, BS_PRIMARY, 0).w + PX(10);
  int asked = u->t.leave_ask;
  bx += ui_btn(u, bx, bottom, asked == BTN_NEW ? T_SURE_NEW : T_NEW, "N", BTN_NEW, 0, asked == BTN_NEW ? BS_PRIMARY : BS_SECONDARY, 0).w + PX(10);
  if (u->host->save_log) bx += ui_btn(u, bx, bottom, T_TEACHER, "S", BTN_TEACHER, 0, BS_SECONDARY, 0).w + PX(10);
  if (u->nscen > 0) bx += ui_btn(u, bx, bottom, asked == BTN_TITLE ? T_SURE_TITLE : T_TITLE, "T", BTN_TITLE, 0,
                                 asked == BTN_TITLE ? BS_PRIMARY : BS_SECONDARY, 0).w + PX(10);
  if (asked) { /* what leaving costs, beside the button that asks again */
    if (x + w - bx > PX(120)) gfx_draw_wrapped(g, FONT_SMALL, fl_tr(T_LEAVE), bx, bottom, x + w - bx, COL_ACCENT);
    if (getenv("FLANK_LAYOUT_CHECK")) fprintf(stderr, "debrief: leave asked %s\n", asked == BTN_NEW ? "new" : "title");
  } else if (u->t.tab == 0 && u->host->fork_new && !(u->toast[0] && SDL_GetTicks() < u->toast_until)) /* a toast takes the row's free end */
    gfx_draw_text(g, FONT_SMALL, fl_tr(T_KEYS), x + w, bottom + PX(8), COL_MUTED, 2);
}

/* ---- keys ------------------------------------------------------------------------- */

int ui_debrief_key(fl_Ui *u, SDL_Keycode c, int shift) {
  if (c == SDLK_TAB) { u->t.tab = (u->t.tab + (shift ? 2 : 1)) % 3; return 1; }
  if (c == SDLK_s && u->host->save_log) { ui_teach_press(u, BTN_TEACHER, 1); return 1; } /* 1: eat the S typed */
  if (c == SDLK_a && u->t.tab == 1 && u->t.among_state != AMONG_RUNNING) { ui_among_start(u); return 1; }
  if (c == SDLK_c && u->t.among_state == AMONG_RUNNING) { ui_teach_press(u, BTN_AMONG_CANCEL, 0); return 1; }
  if (u->t.tab != 0 || !u->host->fork_new) return 0;
  if (ui_wpick_key(u, c)) return 1;
  if (c == SDLK_DOWN || c == SDLK_UP) {
    ui_wpick_close(u);
    int dir = c == SDLK_DOWN ? 1 : -1, nx = next_decision(u, u->t.dec_sel < 0 ? (dir > 0 ? -1 : u->st->nlog) : u->t.dec_sel, dir);
    if (nx < 0) return 1;
    u->t.dec_sel = nx;
    /* keep it in view: count the listed decisions before it */
    int idx = 0;
    for (int i = next_decision(u, -1, 1); i >= 0 && i < nx; i = next_decision(u, i, 1)) idx++;
    if (idx < u->t.dec_scroll) u->t.dec_scroll = idx;
    else if (u->t.ndec_shown > 2 && idx >= u->t.dec_scroll + u->t.ndec_shown - 1) u->t.dec_scroll = idx - u->t.ndec_shown + 2;
    return 1;
  }
  if (u->t.dec_sel >= 0 && ((c >= SDLK_1 && c <= SDLK_9) || c == SDLK_p)) {
    const fl_LogEntry *e = &u->st->log[u->t.dec_sel];
    const fl_CardDef *cd = &u->def->cards[e->a];
    int o = c == SDLK_p ? -1 : (int)(c - SDLK_1);
    if (o >= cd->noptions) return 1;
    if (o >= 0 && cd->options[o].target == FL_TGT_AREA && u->host->fork_targets) { ui_wpick_start(u, u->t.dec_sel, o); return 1; }
    if (o == e->b || (o >= 0 && cd->options[o].target != FL_TGT_NONE && !ui_fork_same_areas(u, e, o, NULL, 0))) return 1;
    ui_fork_start(u, u->t.dec_sel, o, NULL, 0);
    return 1;
  }
  return 0;
}

int ui_debrief_shot(fl_Ui *u, const char *shot) {
  static const char *const names[] = {"whatif", "among", "sources", "save"};
  int k = 0;
  while (k < 4 && strcmp(shot, names[k])) k++;
  if (k == 4) return 0;
  u->t.tab = k == 1 ? 1 : k == 2 ? 2 : 0;
  if (k == 3) ui_save_press(u, BTN_TEACHER, 0);
  if (k == 0 && u->host->fork_new) { /* the first decision: its other option (if it needs no target) and the computer */
    int li = next_decision(u, -1, 1);
    u->t.dec_sel = li;
    if (li >= 0) {
      const fl_LogEntry *e = &u->st->log[li];
      const fl_CardDef *c = &u->def->cards[e->a];
      for (int o = 0; o < c->noptions; o++)
        if (o != e->b && c->options[o].target == FL_TGT_NONE) { ui_fork_start(u, li, o, NULL, 0); break; }
      ui_fork_start(u, li, -1, NULL, 0);
    }
  }
  return 1;
}

int ui_debrief_shot_ready(const fl_Ui *u, const char *shot) {
  if (!strcmp(shot, "among")) return !u->host->among_new || (u->t.among_state != AMONG_RUNNING && u->t.among_state != AMONG_NONE);
  for (int k = 0; k < UI_MAXFORK; k++)
    if (u->t.fork[k].th) return 0;
  return 1;
}

void ui_debrief_wheel(fl_Ui *u, int dy) {
  if (u->t.tab == 2 && (!u->def || !u->def->nsource || u->mx < u->W / 2)) { /* the left column: questions */
    if (dy < 0 && !u->t.q_more) return;
    u->t.q_scroll -= dy * PX(48);
    if (u->t.q_scroll < 0) u->t.q_scroll = 0;
    return;
  }
  if (u->t.tab == 2) {
    u->t.bib_scroll -= dy;
    if (u->t.bib_scroll < 0) u->t.bib_scroll = 0;
    if (u->def && u->t.bib_scroll >= u->def->nsource) u->t.bib_scroll = u->def->nsource ? u->def->nsource - 1 : 0;
    return;
  }
  if (u->t.tab != 0) return;
  u->t.dec_scroll -= dy;
  if (u->t.dec_scroll < 0) u->t.dec_scroll = 0;
  if (dy < 0 && !u->t.dec_more) u->t.dec_scroll += dy; /* nothing more below */
}
