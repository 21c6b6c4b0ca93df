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

/* One source as the list writes it: "short — full entry". */
static void biblio_line(const fl_Source *s, char *line, size_t n) {
  char sh[200], full[1400];
  fl_cite_short(s, sh, sizeof sh);
  fl_cite_entry(s, 0, full, sizeof full);
  snprintf(line, n, "%s \xE2\x80\x94 %s", sh, full);
}

/* A source too tall for the room left (h): its first words, as many as fit in h, then "…" (at
 * least its first line); the mouse over it opens its whole entry, as over a reference. Returns
 * the height drawn. */
static int biblio_cut(fl_Ui *u, const fl_Source *s, const char *line, int x, int y, int w, int h) {
  gfx_Ctx *g = &u->g;
  int sp[400], nsp = 0, lo = 0, hi, th = 0;
  char cut[1720];
  for (int i = 1; line[i] && nsp < 400; i++)
    if (line[i] == ' ' && line[i - 1] != ' ') sp[nsp++] = i;
  hi = nsp; /* the most words that fit: sp[k - 1] ends k words; 0: not even the first */
  while (lo < hi) {
    int mid = (lo + hi + 1) / 2;
    snprintf(cut, sizeof cut, "%.*s \xE2\x80\xA6", sp[mid - 1], line);
    const gfx_Text *t = gfx_text(g, FONT_SMALL, cut, w);
    if (t && t->h <= h) lo = mid;
    else hi = mid - 1;
  }
  if (lo > 0) {
    snprintf(cut, sizeof cut, "%.*s \xE2\x80\xA6", sp[lo - 1], line);
    th = gfx_draw_wrapped(g, FONT_SMALL, cut, x, y, w, COL_MUTED);
  } else {
    gfx_fit(g, FONT_SMALL, line, w, cut, sizeof cut);
    gfx_draw_text(g, FONT_SMALL, cut, x, y, COL_MUTED, 0);
    th = gfx_font_h(g, FONT_SMALL);
  }
  if (s->id && *s->id) {
    char ref[300];
    snprintf(ref, sizeof ref, "[@%s]", s->id);
    ui_cite_zone(u, (SDL_Rect){x, y, w, th}, ref);
  }
  return th;
}

/* Every source in bibliography order, as full entries, from the one at skip, from y down to
 * bottom; returns the y below. Whatever the scroll, a source is listed between "↑ N more above"
 * and "↓ N more below" (the first one cut short when it is taller than the room left: a
 * briefing scrolled to its third source showed both lines and nothing between), and the counts
 * are those of the sources out of sight. */
int ui_biblio_draw(fl_Ui *u, int x, int y, int w, int bottom, int skip) {
  gfx_Ctx *g = &u->g;
  const fl_Def *d = u->def;
  if (!d->nsource) return y;
  int order[512], n = d->nsource < 512 ? d->nsource : 512;
  if (d->nsource > 512) return y;
  fl_cite_order(d, order);
  char legend[1200], marks[1400], line[1700];
  if (skip > n - 1) skip = n - 1;
  if (skip < 0) skip = 0;
  /* the "more above" line, the room kept for "more below" under an entry, an entry's width */
  int lh = gfx_font_h(g, FONT_SMALL) + PX(4), dn = gfx_font_h(g, FONT_SMALL) + PX(5), ew = w - PX(14);
  if (fl_cite_legend(d, NULL, legend, sizeof legend)) { /* what the notes' marks mean, above the list */
    snprintf(marks, sizeof marks, fl_tr(T_MARKS), legend);
    /* ...unless it would leave no room for a whole source (a short briefing showed the legend and
     * "28 more below" only) */
    biblio_line(&d->sources[order[skip]], line, sizeof line);
    const gfx_Text *lt = gfx_text(g, FONT_SMALL, marks, w), *et = gfx_text(g, FONT_SMALL, line, ew);
    int need = (lt ? lt->h : 0) + PX(8) + (et ? et->h : 0) + (skip > 0 ? lh : 0) + (skip < n - 1 ? dn : 0);
    if (y + need <= bottom) y += gfx_draw_wrapped(g, FONT_SMALL, marks, x, y, w, COL_TEXT) + PX(8);
  }
  if (skip > 0) {
    char up[256];
    snprintf(up, sizeof up, FL_NTR("\xE2\x86\x91 %d more above", "\xE2\x86\x91 %d more above", skip), skip);
    gfx_draw_text(g, FONT_SMALL, up, x, y, COL_MUTED, 0);
    y += lh;
  }
  int i = skip;
  for (; i < n; i++) {
    const fl_Source *s = &d->sources[order[i]];
    biblio_line(s, line, sizeof line);
    const gfx_Text *t = gfx_text(g, FONT_SMALL, line, ew);
    int th = t ? t->h : 0, room = bottom - y - (i < n - 1 ? dn : 0);
    if (th > room && i > skip) break;
    gfx_draw_text(g, FONT_SMALL, "\xE2\x80\xA2", x, y, COL_ACCENT, 0);
    if (th > room) th = biblio_cut(u, s, line, x + PX(14), y, ew, room);
    else gfx_draw_wrapped(g, FONT_SMALL, line, x + PX(14), y, ew, COL_MUTED);
    y += th + PX(5);
  }
  if (getenv("FLANK_LAYOUT_CHECK") && (u->bib_seen[0] != skip || u->bib_seen[1] != i - skip || u->bib_seen[2] != n - i)) {
    fprintf(stderr, "sources: %d above, %d listed, %d below\n", skip, i - skip, n - i); /* tests: what the list shows */
    u->bib_seen[0] = skip, u->bib_seen[1] = i - skip, u->bib_seen[2] = n - i;
  }
  if (i < n) {
    char more[256];
    snprintf(more, sizeof more, FL_NTR("\xE2\x86\x93 %d more below (mouse wheel)", "\xE2\x86\x93 %d more below (mouse wheel)", n - i), n - i);
    gfx_draw_text(g, FONT_SMALL, more, x, y, COL_MUTED, 0);
    return y + gfx_font_h(g, FONT_SMALL);
  }
  return y;
}
