/* ui_among: the debrief's "Among many" tab. The games fl_ensemble played per shipped
 * policy (ui_teach.c runs them off the UI thread) as a chart of the scenario's two headline
 * tracks (deterrence against harm when it has them; ui_scatter.c draws it: each policy's
 * cloud and average, the best trade-offs between the policies, the student's game), with a
 * caption that says in plain words what the dashed line is and why a cloud can split in
 * two; pointing at a policy (its legend entry, its standings, its dots or its average) lights
 * its cloud over the others, which fade; then where the game falls on every headline
 * track in words (fl_ensemble_phrase: "better than in 80% of the 500 games played with
 * the policy “Stay in the treaty”, ..."). */
#include "ui_int.h"
#include "fl_i18n.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PX(v) gfx_px(&u->g, (v))

/* FL_N: marked for translation, translated where drawn (ui_section and ui_btn do it) */
static const char *const T_HEAD = FL_N("YOUR GAME AMONG MANY"), *const T_WHERE = FL_N("WHERE YOUR GAME FALLS"),
  *const T_START = FL_N("Play the games"), *const T_CANCEL = FL_N("Cancel"), *const T_CANCELLED = FL_N("Cancelled. The games can be played again."),
  *const T_WHAT = FL_N("The same scenario played many times under each policy the scenario ships for your side, with the same "
                       "assumptions, so you can see how much of your result was your choices and how much was luck."),
  *const T_NOT = FL_N("This window cannot play the games."),
  *const T_POINT = FL_N("Point at a policy to read what it does."),
  /* TRANSLATORS: before how a policy's games ended, "Its games ended: Deterrence held 66% · War 34%" */
  *const T_ENDED = FL_N("Its games ended:"),
  /* TRANSLATORS: the chart's caption; "best trade-offs" is the legend's name of the dashed line */
  *const T_FRONT = FL_N("Best trade-offs (the dashed line through ringed discs): the policies whose average game no other policy's beats on both "
                        "axes. Along it, doing better on one axis means doing worse on the other."),
  /* TRANSLATORS: the chart's caption: the most common ending, then the others ("“War; territory lost”, “War; the line held”") */
  *const T_SPLIT = FL_N("Hollow squares: games that ended otherwise than \xE2\x80\x9C%s\xE2\x80\x9D (%s). They sit apart from the rest, "
                        "so one policy's games can form two clumps.");

/* The two tracks of the scatter: deterrence against harm when the scenario has them, else
 * the first two headline tracks (visible, with a better direction). */
static void axes(const fl_Def *d, int *xt, int *yt) {
  static const char *const ys[] = {"civilian_casualties_postwar", "civilian_harm", "civilian_casualties_war", NULL};
  *xt = *yt = -1;
  for (int t = 0; t < d->ntrack; t++) if (!strcmp(d->tracks[t].id, "deterrence")) *xt = t;
  for (int k = 0; ys[k] && *yt < 0; k++)
    for (int t = 0; t < d->ntrack; t++) if (!strcmp(d->tracks[t].id, ys[k])) *yt = t;
  for (int t = 0; t < d->ntrack && (*xt < 0 || *yt < 0); t++) {
    if (!d->tracks[t].visible || !d->tracks[t].higher_is_better || t == *xt || t == *yt) continue;
    if (*xt < 0) *xt = t; else *yt = t;
  }
}

static void progress(fl_Ui *u, SDL_Rect r) {
  gfx_Ctx *g = &u->g;
  size_t total, done = ui_among_progress(u, &total);
  char line[256];
  snprintf(line, sizeof line, FL_NTR("Played %zu of %zu game on worker threads\xE2\x80\xA6 the window stays usable.",
                                     "Played %zu of %zu games on worker threads\xE2\x80\xA6 the window stays usable.", (long)total), done, total);
  int y = r.y + r.h / 3;
  y += gfx_draw_wrapped(g, FONT_BODY, line, r.x, y, r.w, COL_TEXT) + PX(12);
  SDL_Rect bar = {r.x, y, r.w * 3 / 5, PX(10)};
  gfx_round(g, bar, PX(5), COL_CARD);
  if (total) gfx_round(g, (SDL_Rect){bar.x, bar.y, (int)((double)bar.w * (double)done / (double)total), bar.h}, PX(5), COL_ACCENT);
  ui_btn(u, bar.x + bar.w + PX(16), y - PX(10), T_CANCEL, "C", BTN_AMONG_CANCEL, 0, BS_SECONDARY, 0);
}

/* How set s's games (s < 0: all of them) ended, most common first: "Ended: Deterrence held 66% · War; territory
 * lost 34%" (up to three endings; the rest are "other"). A student reads whether a cloud is
 * games with a war or without one. */
static void ending_shares(const fl_Def *d, const fl_UiAmong *a, int s, const char *head, char *buf, size_t n) {
  int cnt[64] = {0}, other = 0, ne = d->nending < 64 ? d->nending : 64;
  size_t games = 0, lo = s < 0 ? 0 : (size_t)s * a->runs, hi = s < 0 ? a->n : (size_t)(s + 1) * a->runs; /* s < 0: every set */
  for (size_t i = lo; i < hi && i < a->n; i++) {
    int e = a->ending ? a->ending[i] : -1;
    if (e >= 0 && e < ne) cnt[e]++; else other++;
    games++;
  }
  *buf = '\0';
  if (!games) return;
  size_t at = (size_t)snprintf(buf, n, "%s", head);
  for (int k = 0; k < 3; k++) {
    int best = -1;
    for (int e = 0; e < ne; e++)
      if (cnt[e] > 0 && (best < 0 || cnt[e] > cnt[best])) best = e;
    if (best < 0) break;
    double pc = 100.0 * cnt[best] / (double)games;
    if (at < n) at += (size_t)snprintf(buf + at, n - at, "%s %s %s%.0f%%", k ? " \xC2\xB7" : "", d->endings[best].title,
                                       pc < 0.5 ? "<" : "", pc < 0.5 ? 1.0 : pc);
    cnt[best] = 0;
  }
  for (int e = 0; e < ne; e++) other += cnt[e];
  if (other && at < n) {
    double pc = 100.0 * other / (double)games;
    snprintf(buf + at, n - at, " \xC2\xB7 %s %s%.0f%%", fl_tr(FL_N("other")), pc < 0.5 ? "<" : "", pc < 0.5 ? 1.0 : pc);
  }
}

void ui_among_draw(fl_Ui *u, SDL_Rect r) {
  gfx_Ctx *g = &u->g;
  const fl_Def *d = u->def;
  int lw = r.w * 3 / 5, rx = r.x + lw + PX(28), rw = r.w - lw - PX(28);
  int y = ui_section(u, r.x, r.y, lw, T_HEAD);
  if (!u->host->among_new) { gfx_draw_text(g, FONT_BODY, fl_tr(T_NOT), r.x, y, COL_MUTED, 0); return; }
  if (u->t.among_state != AMONG_DONE) {
    y += gfx_draw_wrapped(g, FONT_BODY, fl_tr(T_WHAT), r.x, y, lw, COL_MUTED) + PX(16);
    if (u->t.among_state == AMONG_RUNNING) { progress(u, (SDL_Rect){r.x, y, lw, PX(120)}); return; }
    if (u->t.among_state == AMONG_CANCELLED) y += gfx_draw_wrapped(g, FONT_BODY, fl_tr(T_CANCELLED), r.x, y, lw, COL_TEXT) + PX(14);
    else if (u->t.among_state == AMONG_FAILED) y += gfx_draw_wrapped(g, FONT_BODY, u->t.among_err, r.x, y, lw, COL_BAD) + PX(14);
    else y += gfx_font_h(g, FONT_BODY) + PX(14);
    ui_btn(u, r.x, y, T_START, "A", BTN_AMONG, 0, BS_PRIMARY, 0);
    return;
  }
  const fl_UiAmong *a = &u->t.res;
  int xt, yt;
  axes(d, &xt, &yt);
  char done[1024];
  if (u->t.among_ms < 100) /* played while the game went on, or kept from an earlier debrief: no wait to report */
    snprintf(done, sizeof done,
             FL_NTR("%zu game per policy, played before the debrief opened. Each dot is one game, nudged a few pixels so that equal results show as a crowd.",
                    "%zu games per policy, played before the debrief opened. Each dot is one game, nudged a few pixels so that equal results show as a crowd.",
                    (long)a->runs),
             a->runs);
  else
    snprintf(done, sizeof done,
             FL_NTR("%zu game per policy in %.1f s. Each dot is one game, nudged a few pixels so that equal results show as a crowd.",
                    "%zu games per policy in %.1f s. Each dot is one game, nudged a few pixels so that equal results show as a crowd.",
                    (long)a->runs),
             a->runs, u->t.among_ms / 1000.0);
  y += gfx_draw_wrapped(g, FONT_SMALL, done, r.x, y, lw, COL_MUTED) + PX(4);
  char all[512];
  /* TRANSLATORS: before how all the games of "Among many" ended, "... Deterrence held 77% · War 22%" */
  ending_shares(d, a, -1, fl_tr(FL_N("How these games ended:")), all, sizeof all); /* how all these games ended: is a cloud the games with a war? */
  if (*all) y += gfx_draw_wrapped(g, FONT_SMALL, all, r.x, y, lw, COL_TEXT) + PX(4);
  int main_end, split = xt >= 0 && yt >= 0 && ui_among_split(u, xt, yt, &main_end);
  if (split) { /* why a policy's cloud can be two clumps (games with a war and without, in the flagship) */
    char others[512] = "", note[1024];
    size_t oat = 0;
    int cnt[64] = {0}, ne = d->nending < 64 ? d->nending : 64;
    for (size_t i = 0; i < a->n; i++)
      if (a->ending[i] >= 0 && a->ending[i] < ne && a->ending[i] != main_end) cnt[a->ending[i]]++;
    for (int best = 0; best >= 0 && oat < sizeof others;) { /* the most common first */
      best = -1;
      for (int e = 0; e < ne; e++)
        if (cnt[e] && (best < 0 || cnt[e] > cnt[best])) best = e;
      if (best < 0) break;
      oat += (size_t)snprintf(others + oat, sizeof others - oat, "%s\xE2\x80\x9C%s\xE2\x80\x9D", oat ? ", " : "", d->endings[best].title);
      cnt[best] = 0;
    }
    snprintf(note, sizeof note, fl_tr(T_SPLIT), d->endings[main_end].title, others);
    y += gfx_draw_wrapped(g, FONT_SMALL, note, r.x, y, lw, COL_MUTED) + PX(4);
  }
  if (xt >= 0 && yt >= 0) y += gfx_draw_wrapped(g, FONT_SMALL, fl_tr(T_FRONT), r.x, y, lw, COL_MUTED) + PX(4);
  y += PX(6);
  ui_Plot pl; /* drawn after the right column: the policy pointed at there lights up */
  size_t hover_game = (size_t)-1;
  int hover = -1;
  if (xt >= 0 && yt >= 0) {
    ui_plot_layout(u, (SDL_Rect){r.x, y, lw, r.y + r.h - y}, xt, yt, &pl);
    hover = ui_plot_hover(u, &pl, &hover_game);
  }
  /* right: where the game stands on every headline track, then per policy on the chart's two */
  int ry = ui_section(u, rx, r.y, rw, T_WHERE);
  /* the policies' colours, as many to a row as fit */
  int lx = rx, lh = gfx_font_h(g, FONT_SMALL) + PX(4), tip = -1, texts = 0, hi = hover, check = getenv("FLANK_CHART_CHECK") != NULL;
  char lay[2048] = "";
  size_t at = 0;
  SDL_Rect tip_r = {0, 0, 0, 0};
  for (int s = 0; s < a->nset; s++) {
    int w = PX(16) + gfx_text_w(g, FONT_SMALL, a->set_name[s]) + PX(14);
    if (lx > rx && lx + w > rx + rw) { lx = rx; ry += lh; }
    SDL_Rect er = {lx, ry, w - PX(10), lh};
    int has = a->set_text && a->set_text[s] && *a->set_text[s];
    texts += has;
    if (ui_hovered(u, er)) { /* its cloud lights up; its own words (when the scenario has them) under it */
      hi = s;
      if (has) { tip = s; tip_r = er; }
    }
    if (hi == s) gfx_round(g, er, PX(3), COL_CARD_HI); /* pointed at here or on the chart */
    if (check && at < sizeof lay) at += (size_t)snprintf(lay + at, sizeof lay - at, " %d:%d,%d,%d,%d", s, er.x, er.y, er.w, er.h);
    gfx_fill(g, (SDL_Rect){lx, ry + PX(3), PX(10), PX(10)}, ui_among_color(s));
    gfx_draw_text(g, FONT_SMALL, a->set_name[s], lx + PX(16), ry, COL_TEXT, 0);
    lx += w;
  }
  if (texts) { /* what a policy does (e.g. "a yardstick, not a plan") is a point of the mouse away */
    ry += lh;
    gfx_draw_text(g, FONT_SMALL, fl_tr(T_POINT), rx, ry, COL_MUTED, 0);
  }
  ry += lh + PX(10);
  for (int t = 0; t < d->ntrack; t++) { /* all policies together, every headline track */
    if (!d->tracks[t].visible || !d->tracks[t].higher_is_better || !ui_sees(u, d->tracks[t].seen)) continue;
    char ph[512];
    u->host->among_phrase(u->t.among, -1, t, u->st->tracks[t].value, ph, sizeof ph);
    const gfx_Text *pt = gfx_text(g, FONT_SMALL, ph, rw - PX(14));
    if (pt && ry + pt->h > r.y + r.h) break;
    gfx_draw_text(g, FONT_SMALL, "\xE2\x80\xA2", rx, ry, COL_ACCENT, 0);
    ry += gfx_draw_wrapped(g, FONT_SMALL, ph, rx + PX(14), ry, rw - PX(14), COL_TEXT) + PX(6);
  }
  ry += PX(10);
  char ends[4096] = "";
  size_t eat = (size_t)snprintf(ends, sizeof ends, "among: all %s\n", all);
  for (int s = 0; check && s < a->nset && eat < sizeof ends; s++) {
    char en[512];
    ending_shares(d, a, s, fl_tr(T_ENDED), en, sizeof en);
    eat += (size_t)snprintf(ends + eat, sizeof ends - eat, "among: %s %s\n", a->set_name[s], en);
  }
  for (int s = 0; s < a->nset && xt >= 0 && yt >= 0; s++) { /* each policy: the chart's two tracks (pointed at: lit up) */
    if (ry + 3 * gfx_font_h(g, FONT_SMALL) > r.y + r.h) break;
    int y0 = ry;
    gfx_fill(g, (SDL_Rect){rx, ry + PX(4), PX(10), PX(10)}, ui_among_color(s));
    gfx_draw_text(g, FONT_BOLD, a->set_name[s], rx + PX(16), ry, COL_TEXT, 0); /* its standing on the chart's two tracks */
    ry += gfx_font_h(g, FONT_BOLD) + PX(2);
    int tt[2] = {xt, yt};
    for (int k = 0; k < 2; k++) {
      char ph[512];
      u->host->among_phrase(u->t.among, s, tt[k], u->st->tracks[tt[k]].value, ph, sizeof ph);
      const gfx_Text *pt = gfx_text(g, FONT_SMALL, ph, rw - PX(16));
      if (pt && ry + pt->h > r.y + r.h) break;
      ry += gfx_draw_wrapped(g, FONT_SMALL, ph, rx + PX(16), ry, rw - PX(16), COL_MUTED) + PX(3);
    }
    char en[512];
    ending_shares(d, a, s, fl_tr(T_ENDED), en, sizeof en);
    const gfx_Text *et = *en ? gfx_text(g, FONT_SMALL, en, rw - PX(16)) : NULL;
    if (et && ry + et->h <= r.y + r.h) ry += gfx_draw_wrapped(g, FONT_SMALL, en, rx + PX(16), ry, rw - PX(16), COL_MUTED) + PX(3);
    if (hi < 0 && tip < 0 && ui_hovered(u, (SDL_Rect){rx, y0, rw, ry - y0})) hi = s;
    ry += PX(8);
  }
  if (xt >= 0 && yt >= 0) ui_plot_draw(u, &pl, hi, hover, hover_game);
  if (check) { /* tests: where the legend's entries are, and which policy is lit */
    static char was[2100] = "-";
    char now[2100];
    snprintf(now, sizeof now, "among: legend%s lit %d", lay, hi);
    if (strcmp(was, now)) { fprintf(stderr, "%s '%s'\n", now, hi >= 0 ? a->set_name[hi] : ""); snprintf(was, sizeof was, "%s", now); }
    static char ends_was[4096];
    if (strcmp(ends_was, ends)) { fputs(ends, stderr); snprintf(ends_was, sizeof ends_was, "%s", ends); }
  }
  if (tip >= 0) { /* over everything below the legend: the policy's own words */
    char line[1200];
    size_t nl = strlen(a->set_name[tip]); /* a policy's words may begin with its name already */
    char en[512];
    ending_shares(d, a, tip, fl_tr(T_ENDED), en, sizeof en);
    if (!strncmp(a->set_text[tip], a->set_name[tip], nl) && a->set_text[tip][nl] == ':')
      snprintf(line, sizeof line, "%s\n%s", a->set_text[tip], en);
    else snprintf(line, sizeof line, "%s: %s\n%s", a->set_name[tip], a->set_text[tip], en);
    if (check) {
      static char tip_was[1200];
      if (strcmp(tip_was, line)) {
        snprintf(tip_was, sizeof tip_was, "%s", line);
        for (char *c = tip_was; *c; c++) if (*c == '\n') *c = ' ';
        fprintf(stderr, "among: tip %s\n", tip_was);
        snprintf(tip_was, sizeof tip_was, "%s", line);
      }
    }
    int tw = rw < PX(420) ? rw : PX(420);
    const gfx_Text *tt = gfx_text(g, FONT_SMALL, line, tw);
    int th = (tt ? tt->h : lh) + PX(16), tx0 = tip_r.x + tw + PX(16) > rx + rw ? rx + rw - tw - PX(16) : tip_r.x;
    SDL_Rect box = {tx0, tip_r.y + tip_r.h + PX(4), tw + PX(16), th};
    gfx_round(g, box, PX(6), COL_CARD_HI);
    gfx_round_frame(g, box, PX(6), gfx_alpha(COL_ACCENT, 170), 1);
    gfx_draw_wrapped(g, FONT_SMALL, line, box.x + PX(8), box.y + PX(8), tw, COL_TEXT);
  }
}
