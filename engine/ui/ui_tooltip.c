/* ui_tooltip: what the map says about an area: its info lines (name, owner, terrain and
 * country, the pieces the viewer may see, its properties) and the tooltip that shows them
 * beside the mouse, kept inside the map view. */
#include "ui_int.h"
#include "fl_i18n.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ui_map_tooltip(fl_Ui *u, int area) {
  gfx_Ctx *g = &u->g;
  char lines[12][256];
  int n = ui_area_info(u, area, lines, 12);
  int pad = gfx_px(g, 10), lh = gfx_font_h(g, FONT_SMALL) + gfx_px(g, 2), maxw = gfx_px(g, 320);
  int w = gfx_text_w(g, FONT_BOLD, lines[0]), hgt = gfx_font_h(g, FONT_BOLD) + gfx_px(g, 4);
  int hs[12];
  for (int i = 1; i < n; i++) {
    const gfx_Text *t = gfx_text(g, FONT_SMALL, lines[i], maxw);
    hs[i] = t ? t->h : lh;
    int tw = t ? t->w : 0;
    if (tw > w) w = tw;
    hgt += hs[i] + gfx_px(g, 2);
  }
  SDL_Rect r = {u->mx + gfx_px(g, 18), u->my + gfx_px(g, 18), w + 2 * pad, hgt + 2 * pad};
  if (r.x + r.w > u->mapr.x + u->mapr.w) r.x = u->mx - r.w - gfx_px(g, 12);
  if (r.y + r.h > u->mapr.y + u->mapr.h) r.y = u->my - r.h - gfx_px(g, 12);
  if (r.x < u->mapr.x) r.x = u->mapr.x;
  if (r.y < u->mapr.y) r.y = u->mapr.y;
  if (getenv("FLANK_LAYOUT_CHECK")) fprintf(stderr, "popup: area at %d,%d,%d,%d under a top bar of %d\n", r.x, r.y, r.w, r.h, u->mapr.y);
  gfx_shadow(g, r, gfx_px(g, 6));
  gfx_round(g, r, gfx_px(g, 6), (SDL_Color){28, 34, 43, 245});
  gfx_round_frame(g, r, gfx_px(g, 6), COL_LINE, 1);
  int y = r.y + pad;
  SDL_Color side = u->st && u->st->areas[area].owner >= 0 ? ui_side_color(u, u->st->areas[area].owner) : COL_NEUTRAL;
  gfx_fill(g, (SDL_Rect){r.x, r.y + gfx_px(g, 6), gfx_px(g, 3), r.h - gfx_px(g, 12)}, side);
  gfx_draw_text(g, FONT_BOLD, lines[0], r.x + pad, y, COL_TEXT, 0);
  y += gfx_font_h(g, FONT_BOLD) + gfx_px(g, 4);
  for (int i = 1; i < n; i++) {
    gfx_draw_wrapped(g, FONT_SMALL, lines[i], r.x + pad, y, maxw, i == 1 ? COL_TEXT : COL_MUTED);
    y += hs[i] + gfx_px(g, 2);
  }
}

int ui_area_info(fl_Ui *u, int area, char lines[][256], int max) {
  const fl_MapArea *a = fl_map_area(u->geo.m, area);
  const fl_State *s = u->st;
  int n = 0;
  snprintf(lines[n++], 256, "%s", a->name);
  int owner = s && area < s->narea ? s->areas[area].owner : -1;
  snprintf(lines[n++], 256, "%s", owner >= 0 ? u->def->sides[owner].name : FL_TR("No owner"));
  snprintf(lines[n++], 256, FL_TR("Terrain: %s%s%s"), a->terrain, a->country && *a->country ? FL_TR(" \xC2\xB7 Country: ") : "",
           a->country ? a->country : "");
  if (s) {
    char buf[256] = "";
    size_t len = 0;
    for (int i = 0; i < s->npiece && len < sizeof buf - 2; i++) { /* pieces with a name of their own, by it */
      const fl_Piece *p = &s->pieces[i];
      if (p->area != area || !ui_sees(u, p->seen) || !ui_piece_own_name(p)) continue;
      len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", len ? ", " : "", ui_piece_own_name(p));
      if (len >= sizeof buf) len = sizeof buf - 1;
    }
    for (int t = 0; t < u->def->nptype; t++)
      for (int sd = -1; sd < u->def->nside; sd++) {
        int c = 0;
        for (int i = 0; i < s->npiece; i++)
          c += s->pieces[i].area == area && s->pieces[i].type == t && s->pieces[i].side == sd && ui_sees(u, s->pieces[i].seen) &&
               !ui_piece_own_name(&s->pieces[i]);
        if (!c || len >= sizeof buf - 2) continue;
        len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%d \xC3\x97 %s%s%s%s", len ? ", " : "", c, u->def->ptypes[t].name,
                                sd >= 0 ? " (" : "", sd >= 0 ? u->def->sides[sd].name : "", sd >= 0 ? ")" : "");
        if (len >= sizeof buf) len = sizeof buf - 1;
      }
    if (len && n < max) snprintf(lines[n++], 256, FL_TR("Pieces: %s"), buf);
    const fl_Props *ps = area < s->narea ? &s->areas[area].props : NULL;
    buf[0] = 0;
    len = 0;
    for (int i = 0; ps && i < ps->n && len < sizeof buf - 2; i++) {
      char v[160];
      if (!ui_prop_text(u, &ps->p[i], v, sizeof v)) continue;
      len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", len ? " \xC2\xB7 " : "", v);
      if (len >= sizeof buf) len = sizeof buf - 1;
    }
    if (len && n < max) snprintf(lines[n++], 256, "%s", buf);
  }
  return n;
}

/* The whole of a text the panel shows cut short (a decision card's text on a small window),
 * while the mouse is over the cut text (zone): a hover card like the map's, in the panel's
 * width, over what is above the text (down to bottom at most, over the text itself if the
 * room above is short). Drawn with the panel, so the log under the card stays uncovered. */
void ui_text_tooltip(fl_Ui *u, SDL_Rect zone, int top, int bottom, const char *text) {
  gfx_Ctx *g = &u->g;
  if (!text || !*text || !u->mouse_in || !ui_hovered(u, zone) || u->popup >= 0 || u->err[0] || u->help || u->confirm_quit) return;
  int pad = gfx_px(g, 10), iw = zone.w - 2 * pad;
  const gfx_Text *t = gfx_text(g, FONT_SMALL, text, iw);
  if (!t) return;
  SDL_Rect r = {zone.x, zone.y - t->h - 2 * pad - gfx_px(g, 6), zone.w, t->h + 2 * pad};
  if (r.y < top) r.y = top;
  if (r.y + r.h > bottom) r.y = bottom - r.h;
  if (r.y < top) r.y = top; /* taller than the room: its end goes under what follows */
  if (getenv("FLANK_LAYOUT_CHECK")) fprintf(stderr, "card text tooltip: %zu chars at %d,%d,%d,%d\n", strlen(text), r.x, r.y, r.w, r.h);
  gfx_shadow(g, r, gfx_px(g, 6));
  gfx_round(g, r, gfx_px(g, 6), (SDL_Color){28, 34, 43, 245});
  gfx_round_frame(g, r, gfx_px(g, 6), COL_LINE, 1);
  gfx_draw_wrapped(g, FONT_SMALL, text, r.x + pad, r.y + pad, iw, COL_TEXT);
}
