/* ui_cite: citations in the window. Text is drawn with short references ("[Shlapak &
 * Johnson 2016]", see gfx_text and fl_cite); a block of text that cites sources is a zone,
 * and the mouse over it (or a click, which pins it) opens a card with the full entries of
 * the sources it cites. The bibliography lists every source in order (briefing, debrief).
 * Both say what the notes' marks of evidence strength ([H], ...) mean when the scenario
 * defines them (evidence{}): the list at its top, the card for the marks it shows. */
#include "ui_int.h"
#include "fl_i18n.h"
#include "fl_cite.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PX(v) gfx_px(&u->g, (v))

static const char *const T_SOURCES = FL_N("SOURCES CITED"), *const T_PIN = FL_N("Click to keep open"),
  *const T_UNPIN = FL_N("Click elsewhere to close"),
  /* TRANSLATORS: %s is the scenario's legend, e.g. "[H] treaty text or several agreeing sources; [L] weak evidence" */
  *const T_MARKS = FL_N("Strength of evidence: %s");

static int inside(SDL_Rect r, int x, int y) { return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h; }

void ui_cite_zone(fl_Ui *u, SDL_Rect r, const char *text) {
  if (!text || !strstr(text, "[@") || !u->mouse_in || !inside(r, u->mx, u->my)) return;
  snprintf(u->t.cite_hover, sizeof u->t.cite_hover, "%s", text);
  u->t.cite_r = r;
}

int ui_cite_click(fl_Ui *u, int x, int y) {
  if (u->t.cite_pin[0] && !inside(u->t.cite_r, x, y)) { u->t.cite_pin[0] = 0; return 0; }
  if (u->t.cite_hover[0] && inside(u->t.cite_r, x, y)) {
    if (u->t.cite_pin[0]) u->t.cite_pin[0] = 0;
    else { memcpy(u->t.cite_pin, u->t.cite_hover, sizeof u->t.cite_pin); u->t.cite_pin_r = u->t.cite_r; }
    return 1;
  }
  return 0;
}

/* The card with the full entries of the sources the hovered (or pinned) text cites. */
void ui_cite_draw(fl_Ui *u) {
  gfx_Ctx *g = &u->g;
  const char *text = u->t.cite_pin[0] ? u->t.cite_pin : u->t.cite_hover;
  SDL_Rect zr = u->t.cite_pin[0] ? u->t.cite_pin_r : u->t.cite_r;
  if (!*text || !u->def) return;
  fl_Cited c;
  if (fl_cite_resolve(u->def, text, &c)) return;
  int seen[64], ns = 0;
  for (int i = 0; i < c.ncite; i++)
    for (int k = 0; k < c.cites[i].nsrc && ns < 64; k++) {
      int s = c.cites[i].src[k], dup = 0;
      for (int j = 0; j < ns; j++) dup |= seen[j] == s;
      if (!dup) seen[ns++] = s;
    }
  fl_cited_free(&c);
  if (!ns) return;
  int pad = PX(12), w = PX(440), iw = w - 2 * pad;
  if (w > u->W - PX(20)) { w = u->W - PX(20); iw = w - 2 * pad; }
  char entry[8][1400], more[256] = "";
  int n = 0, h = 2 * pad + gfx_font_h(g, FONT_TINY_B) + PX(8) + 2 * (gfx_font_h(g, FONT_SMALL) + PX(4));
  for (int i = 0; i < ns && i < 8; i++) { /* as many as the window has room for */
    char sh[200], full[1200];
    fl_cite_short(&u->def->sources[seen[i]], sh, sizeof sh);
    fl_cite_entry(&u->def->sources[seen[i]], 0, full, sizeof full);
    snprintf(entry[n], sizeof entry[n], "%s \xE2\x80\x94 %s", sh, full);
    const gfx_Text *t = gfx_text(g, FONT_SMALL, entry[n], iw);
    if (n && h + (t ? t->h : 0) + PX(8) > u->H / 3) break; /* small: the rest is in the list of sources */
    h += (t ? t->h : 0) + PX(8);
    n++;
  }
  char shown[8 * 1400 + 8] = "", legend[1200], marks[1400] = "";
  for (int i = 0; i < n; i++) { strcat(shown, entry[i]); strcat(shown, "\n"); }
  const gfx_Text *lt = NULL;
  if (fl_cite_legend(u->def, shown, legend, sizeof legend)) { /* only the marks these entries carry */
    snprintf(marks, sizeof marks, fl_tr(T_MARKS), legend);
    if ((lt = gfx_text(g, FONT_SMALL, marks, iw))) h += lt->h + PX(8);
  }
  if (n < ns)
    snprintf(more, sizeof more, FL_NTR("\xE2\x80\xA6 and %d more in the list of sources", "\xE2\x80\xA6 and %d more in the list of sources", ns - n), ns - n);
  /* below the text if it fits, else above it; in the game, below the top bar and, for a text
   * on the map (an event's pop-up), within the map (the card once hid the date and buttons) */
  int game = u->screen == SCR_GAME && u->mapr.h > 0 && (u->layers & FL_UI_PANELS);
  int top = game ? u->mapr.y + PX(8) : PX(10);
  int right = game && zr.x < u->mapr.x + u->mapr.w && u->mapr.w >= w + PX(20) ? u->mapr.x + u->mapr.w - PX(10) : u->W - PX(10);
  SDL_Rect r = {u->mx + PX(12), zr.y + zr.h + PX(6), w, h};
  if (r.x + r.w > right) r.x = right - r.w;
  if (r.y + r.h > u->H - PX(10)) r.y = zr.y - h - PX(6);
  if (zr.x > u->W / 2 && zr.x - w - PX(12) >= PX(10)) { /* text in the side panel (a decision card): the
                                                          * sources go beside it, over the map, not over its options */
    r.x = zr.x - w - PX(12);
    r.y = zr.y + h + PX(10) > u->H ? u->H - PX(10) - h : zr.y;
  }
  if (r.y < top) r.y = top;
  if (getenv("FLANK_LAYOUT_CHECK")) fprintf(stderr, "popup: sources at %d,%d,%d,%d under a top bar of %d\n", r.x, r.y, r.w, r.h, game ? u->mapr.y : 0);
  gfx_shadow(g, r, PX(8));
  gfx_round(g, r, PX(8), (SDL_Color){236, 228, 206, 255});
  gfx_round_frame(g, r, PX(8), COL_ACCENT, 1);
  int x = r.x + pad, y = r.y + pad;
  gfx_draw_text(g, FONT_TINY_B, fl_tr(T_SOURCES), x, y, (SDL_Color){150, 100, 20, 255}, 0);
  y += gfx_font_h(g, FONT_TINY_B) + PX(8);
  for (int i = 0; i < n; i++) y += gfx_draw_wrapped(g, FONT_SMALL, entry[i], x, y, iw, (SDL_Color){34, 32, 28, 255}) + PX(8);
  if (lt) y += gfx_draw_wrapped(g, FONT_SMALL, marks, x, y, iw, (SDL_Color){150, 100, 20, 255}) + PX(8);
  if (*more) gfx_draw_text(g, FONT_SMALL, more, x, y, (SDL_Color){92, 86, 74, 255}, 0);
  y += gfx_font_h(g, FONT_SMALL) + PX(4);
  gfx_draw_text(g, FONT_SMALL, fl_tr(u->t.cite_pin[0] ? T_UNPIN : T_PIN), x, y, (SDL_Color){120, 110, 90, 255}, 0);
}

/* Every source in bibliography order, as full entries, from y down to bottom; returns the
 * y below. */
int ui_biblio_draw(fl_Ui *u, int x, int y, int w, int bottom, int skip) {
  gfx_Ctx *g = &u->g;
  const fl_Def *d = u->def;
  if (!d->nsource) return y;
  int order[512], n = d->nsource < 512 ? d->nsource : 512;
  if (d->nsource > 512) return y;
  fl_cite_order(d, order);
  char legend[1200], marks[1400];
  if (skip > n - 1) skip = n - 1;
  if (fl_cite_legend(d, NULL, legend, sizeof legend)) { /* what the notes' marks mean, above the list */
    snprintf(marks, sizeof marks, fl_tr(T_MARKS), legend);
    /* ...unless it would leave no room for a source (a short briefing showed the legend and
     * "28 more below" only) */
    char sh[200], full[1400], line[1700];
    const fl_Source *s0 = &d->sources[order[skip > 0 ? skip : 0]];
    fl_cite_short(s0, sh, sizeof sh);
    fl_cite_entry(s0, 0, full, sizeof full);
    snprintf(line, sizeof line, "%s \xE2\x80\x94 %s", sh, full);
    const gfx_Text *lt = gfx_text(g, FONT_SMALL, marks, w), *et = gfx_text(g, FONT_SMALL, line, w - PX(14));
    int need = (lt ? lt->h : 0) + PX(8) + (et ? et->h : 0) + (skip > 0 ? gfx_font_h(g, FONT_SMALL) + PX(4) : 0);
    if (y + need <= bottom) y += gfx_draw_wrapped(g, FONT_SMALL, marks, x, y, w, COL_TEXT) + PX(8);
  }
  if (skip > 0) {
    char up[256];
    snprintf(up, sizeof up, FL_NTR("\xE2\x86\x91 %d more above", "\xE2\x86\x91 %d more above", skip), skip);
    gfx_draw_text(g, FONT_SMALL, up, x, y, COL_MUTED, 0);
    y += gfx_font_h(g, FONT_SMALL) + PX(4);
  }
  for (int i = skip > 0 ? skip : 0; i < n; i++) {
    char full[1400], sh[200], line[1700];
    const fl_Source *s = &d->sources[order[i]];
    fl_cite_short(s, sh, sizeof sh);
    fl_cite_entry(s, 0, full, sizeof full);
    snprintf(line, sizeof line, "%s \xE2\x80\x94 %s", sh, full);
    const gfx_Text *t = gfx_text(g, FONT_SMALL, line, w - PX(14));
    int th = t ? t->h : 0;
    if (y + th > bottom) {
      char more[256];
      snprintf(more, sizeof more, FL_NTR("\xE2\x86\x93 %d more below (mouse wheel)", "\xE2\x86\x93 %d more below (mouse wheel)", n - i), n - i);
      gfx_draw_text(g, FONT_SMALL, more, x, y, COL_MUTED, 0);
      return y + gfx_font_h(g, FONT_SMALL);
    }
    gfx_draw_text(g, FONT_SMALL, "\xE2\x80\xA2", x, y, COL_ACCENT, 0);
    gfx_draw_wrapped(g, FONT_SMALL, line, x + PX(14), y, w - PX(14), COL_MUTED);
    y += th + PX(5);
  }
  return y;
}
