/* ui_legend: the map's key. In the owners view it lists only the sides that are on the
 * board (owning an area or with a piece), and explains water and national borders when
 * the map has them; with an overlay it shows the overlay's ramp. It never hides the map:
 * it goes in a corner of the view that covers no area, or as a one-line bar along the
 * bottom (ui_map_fit leaves room for that bar when no corner is free); failing both it
 * folds into a small "Legend" tab (L or a click unfolds it). */
#include "ui_int.h"
#include "fl_fmt.h"
#include "fl_i18n.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PX(v) gfx_px(&u->g, (v))

enum { IT_SIDE, IT_NEUTRAL, IT_WATER, IT_NATION, IT_MARK, IT_RAMP, IT_HINT };
enum { BAR = 4 }; /* legend_corner: 0-3 the corners, BAR the bottom bar */

typedef struct Item { int kind, side; const char *text; int w; } Item;
typedef struct Key { Item it[72]; int n; const char *title; char hint[160]; } Key;

/* What the legend shows now, each item with its width (swatch and text); with every_mark,
 * also each marked overlay that has no mark on the board yet (what it may come to show: its
 * place is chosen for that, so a field ordered later does not move it). */
static void key_of(fl_Ui *u, Key *k, int every_mark) {
  gfx_Ctx *g = &u->g;
  const fl_Def *d = u->def;
  const fl_State *s = u->st;
  int ov = u->overlay >= 0 && u->overlay < d->noverlay ? u->overlay : -1, sw = PX(24);
  k->n = 0;
  k->title = ov < 0 ? FL_TR("ON THE BOARD") : d->overlays[ov].name;
  if (ov >= 0) { /* the ramp and its ends: two rows of the box (never the bar) */
    k->it[k->n++] = (Item){IT_RAMP, -1, "", PX(200)};
    k->it[k->n++] = (Item){IT_RAMP, -1, "", PX(200)};
  }
  else {
    uint64_t on = 0;
    int neutral = 0, water = 0, nations = 0;
    for (int i = 0; s && i < s->narea && i < u->geo.narea; i++) {
      int o = s->areas[i].owner, wat = u->geo.water[i] && (u->layers & FL_UI_WATER);
      if (o >= 0 && o < 64) on |= 1ull << o;
      else if (!wat) neutral = 1;
      water |= wat;
    }
    for (int i = 0; s && i < s->npiece; i++)
      if (s->pieces[i].area >= 0 && s->pieces[i].side >= 0 && s->pieces[i].side < 64) on |= 1ull << s->pieces[i].side;
    for (int v = 0; v < u->geo.nv && (u->layers & FL_UI_NATIONS) && !nations; v++) nations = u->geo.ek[v] == EK_NATION;
    for (int i = 0; i < d->nside && i < 64; i++)
      if ((on >> i) & 1) k->it[k->n++] = (Item){IT_SIDE, i, d->sides[i].name, 0};
    if (neutral) k->it[k->n++] = (Item){IT_NEUTRAL, -1, FL_TR("No owner"), 0};
    if (water) k->it[k->n++] = (Item){IT_WATER, -1, FL_TR("Water"), 0};
    if (nations) k->it[k->n++] = (Item){IT_NATION, -1, FL_TR("National border"), 0};
    for (int o = 0; o < d->noverlay && k->n < 72; o++) { /* the overlays marked on the board, where any is */
      int any = 0, sym = ui_overlay_symbol(u, o);
      for (int i = 0; s && sym >= 0 && i < s->narea && i < u->geo.narea && !any; i++) any = every_mark || ui_overlay_marked(u, o, i);
      if (any) k->it[k->n++] = (Item){IT_MARK, sym, d->overlays[o].name, 0};
    }
    for (int i = 0; i < k->n; i++) k->it[i].w = sw + gfx_text_w(g, FONT_SMALL, k->it[i].text);
  }
  snprintf(k->hint, sizeof k->hint, FL_TR("L: hide%s%s"), d->noverlay ? " \xC2\xB7 V: " : "",
           !d->noverlay ? "" : ov + 1 < d->noverlay ? d->overlays[ov + 1].name : FL_TR("area owners"));
}

static void key(fl_Ui *u, Key *k) { key_of(u, k, 0); }

static int row_h(fl_Ui *u) { return gfx_font_h(&u->g, FONT_SMALL) + PX(4); }

/* The box (title, one item a row, the hint) and the bar (title, items, hint on one line). */
static void box_size(fl_Ui *u, const Key *k, int *w, int *h) {
  int pad = PX(10);
  *w = gfx_text_w(&u->g, FONT_TINY_B, k->title);
  for (int i = 0; i < k->n; i++) if (k->it[i].w > *w) *w = k->it[i].w;
  int hw = gfx_text_w(&u->g, FONT_SMALL, k->hint);
  if (hw > *w) *w = hw;
  *w += 2 * pad;
  *h = 2 * pad + row_h(u) * (k->n + 2);
}

static void bar_size(fl_Ui *u, const Key *k, int *w, int *h) {
  int pad = PX(10), gap = PX(18);
  *w = 2 * pad + gfx_text_w(&u->g, FONT_TINY_B, k->title) + gap + gfx_text_w(&u->g, FONT_SMALL, k->hint);
  for (int i = 0; i < k->n; i++) *w += k->it[i].w + gap;
  *h = row_h(u) + PX(12);
}

/* How many sample points of r (screen pixels) fall on an area. Areas whose bounds miss r
 * are set aside first, so this stays cheap on maps with thousands of areas. */
static int covered(fl_Ui *u, SDL_Rect r) {
  double k = u->geo.k;
  double X0 = u->cx + (r.x - u->mapr.x - u->mapr.w / 2.0) / u->zoom, X1 = X0 + r.w / u->zoom;
  double Y0 = u->cy + (r.y - u->mapr.y - u->mapr.h / 2.0) / u->zoom, Y1 = Y0 + r.h / u->zoom;
  double lon0 = X0 / k, lon1 = X1 / k, lat0 = -Y1, lat1 = -Y0;
  int cand[256], nc = 0, hits = 0;
  for (int i = 0; i < u->geo.narea; i++) {
    const fl_MapArea *a = fl_map_area(u->geo.m, i);
    if (a->bbox[2] < lon0 || a->bbox[0] > lon1 || a->bbox[3] < lat0 || a->bbox[1] > lat1) continue;
    if (nc == 256) return 1 << 20; /* crowded: certainly covered */
    cand[nc++] = i;
  }
  int step = PX(6) > 3 ? PX(6) : 3;
  for (int y = r.y; y <= r.y + r.h; y += step)
    for (int x = r.x; x <= r.x + r.w; x += step) {
      double lon = (u->cx + (x - u->mapr.x - u->mapr.w / 2.0) / u->zoom) / k, lat = -(u->cy + (y - u->mapr.y - u->mapr.h / 2.0) / u->zoom);
      for (int c = 0; c < nc; c++)
        if (fl_map_contains(u->geo.m, cand[c], lon, lat)) { hits++; break; }
    }
  return hits;
}

/* A w x h box in corner c: 0 bottom left, 1 bottom right, 2 top left, 3 top right (left of
 * the zoom buttons); BAR is the bottom left too, for the one-line bar. */
static SDL_Rect corner(fl_Ui *u, int c, int w, int h) {
  int m = PX(14);
  SDL_Rect mr = u->mapr;
  switch (c) {
  case 1: return (SDL_Rect){mr.x + mr.w - w - m, mr.y + mr.h - h - m, w, h};
  case 2: return (SDL_Rect){mr.x + m, mr.y + m, w, h};
  case 3: return (SDL_Rect){mr.x + mr.w - w - m - PX(44), mr.y + m, w, h};
  default: return (SDL_Rect){mr.x + m, mr.y + mr.h - h - m, w, h};
  }
}

/* The allowed place covering the fewest areas (the box's corners, then the bar); *hits
 * says how much that is. */
static int best_place(fl_Ui *u, const Key *k, int *hits) {
  int w, h, bw, bh, best = 0;
  box_size(u, k, &w, &h);
  bar_size(u, k, &bw, &bh);
  *hits = -1;
  for (int c = 0; c <= BAR; c++) {
    if (c == BAR && (bw > u->mapr.w - PX(28) || u->overlay >= 0)) continue;
    int n = covered(u, c == BAR ? corner(u, c, bw, bh) : corner(u, c, w, h));
    if (*hits < 0 || n < *hits) { best = c; *hits = n; }
    if (!n) break;
  }
  return best;
}

int ui_legend_bar(fl_Ui *u) {
  Key k;
  int w, h;
  if (!u->def || !u->geo_ok || !(u->layers & FL_UI_PANELS) || u->overlay >= 0) return 0;
  key_of(u, &k, 1);
  bar_size(u, &k, &w, &h);
  return w <= u->mapr.w - PX(28) ? h + PX(14) : 0;
}

int ui_legend_free(fl_Ui *u) {
  Key k;
  int hits;
  if (!u->def || !u->geo_ok || !(u->layers & FL_UI_PANELS)) return 1;
  key_of(u, &k, 1);
  best_place(u, &k, &hits);
  return hits == 0;
}

/* Where the legend goes: chosen for the fullest key it may come to show in this view (k:
 * every marked overlay listed), again only when the view moves by 8 pixels or more, zooms, or
 * a side comes onto the board, and then it keeps its corner while that still covers no area.
 * A student saw it jump to another corner in the war, when a field's mark made it a row
 * taller; it no longer gives up its corner for the selected area's card either (that card
 * makes way for it). */
static void place(fl_Ui *u, const Key *k, int tw, int th) {
  uint64_t h = FL_FNV_INIT;
  int d[8] = {k->n, 0, 0, u->mapr.w, u->mapr.h, u->overlay, (int)floor(u->cx * u->zoom / 8), (int)floor(u->cy * u->zoom / 8)};
  h = fl_fnv64(h, d, sizeof d);
  h = fl_fnv64(h, &u->zoom, sizeof u->zoom);
  h = fl_fnv64(h, &u->g.s, sizeof u->g.s);
  if (h == u->legend_key || (u->dragging && u->legend_key)) return; /* not while the map is dragged */
  int was = u->legend_key ? u->legend_corner : -1, hits;
  u->legend_key = h;
  u->legend_corner = best_place(u, k, &hits);
  if (was >= 0 && was != u->legend_corner && hits == 0 && (was != BAR || u->overlay < 0)) {
    int w, bh;
    if (was == BAR) bar_size(u, k, &w, &bh);
    else box_size(u, k, &w, &bh);
    if (!covered(u, corner(u, was, w, bh))) u->legend_corner = was; /* still free: it stays */
  }
  u->legend_covers = hits > 0;
  u->legend_tab_corner = u->legend_corner == BAR ? 0 : u->legend_corner;
  if (hits > 0) { /* the tab alone: the corner where it covers least */
    int best = -1;
    for (int c = 0; c < 4; c++) {
      int n = covered(u, corner(u, c, tw, th));
      if (best < 0 || n < best) { best = n; u->legend_tab_corner = c; }
    }
  }
}

/* One item's swatch and text at x, y (a row of height lh). */
static void item(fl_Ui *u, const Item *it, int x, int y, int lh) {
  gfx_Ctx *g = &u->g;
  SDL_Color dark = {14, 18, 22, 255};
  SDL_Rect sw = {x, y + PX(2), PX(16), lh - PX(6)};
  SDL_Color tc = COL_TEXT;
  switch (it->kind) {
  case IT_SIDE:
    gfx_fill(g, sw, ui_area_color(u, it->side));
    gfx_frame(g, sw, dark, 1);
    gfx_fill(g, (SDL_Rect){sw.x + sw.w / 2 - PX(3), sw.y + sw.h / 2 - PX(2), PX(6), PX(5)}, ui_side_color(u, it->side)); /* its counters */
    break;
  case IT_NEUTRAL:
    gfx_fill(g, sw, COL_NEUTRAL);
    gfx_frame(g, sw, dark, 1);
    tc = COL_MUTED;
    break;
  case IT_WATER:
    gfx_fill(g, sw, COL_WATER);
    gfx_frame(g, sw, dark, 1);
    gfx_line(g, (float)sw.x + PX(3), (float)(sw.y + sw.h / 2), (float)(sw.x + sw.w - PX(3)), (float)(sw.y + sw.h / 2), 1.2f, COL_WATER_INK);
    tc = COL_WATER_TEXT;
    break;
  case IT_NATION: { /* two neutral areas and the heavy line between them */
    int t = g->s > 1.5f ? 5 : 3;
    gfx_fill(g, sw, COL_NEUTRAL);
    gfx_frame(g, sw, dark, 1);
    gfx_fill(g, (SDL_Rect){sw.x + sw.w / 2 - t / 2, sw.y, t, sw.h}, (SDL_Color){16, 15, 14, 255});
    tc = COL_MUTED;
    break;
  }
  case IT_MARK: /* the chip the board shows, a little smaller */
    ui_mark_chip(u, (float)sw.x - PX(2), (float)sw.y - PX(1), (float)sw.w + PX(4), (float)sw.h + PX(2), it->side);
    break;
  default: break;
  }
  gfx_draw_text(g, FONT_SMALL, it->text, x + PX(24), y, tc, 0);
}

void ui_legend(fl_Ui *u) {
  gfx_Ctx *g = &u->g;
  const fl_Def *d = u->def;
  u->legend_r = (SDL_Rect){0, 0, 0, 0};
  if (!d || !u->geo_ok) return;
  int pad = PX(10), lh = row_h(u);
  Key k, kmax;
  key(u, &k);
  key_of(u, &kmax, 1);
  const char *tab = FL_TR("Legend  L");
  int tw = gfx_text_w(g, FONT_SMALL, tab) + 2 * pad, th = lh + PX(8);
  place(u, &kmax, tw, th);
  int open = u->legend_auto ? !u->legend_covers : u->legend_open;
  u->legend_shown = open;
  SDL_Color bg = {20, 25, 32, 225}, hintc = {110, 118, 128, 255};
  if (!open) { /* folded */
    SDL_Rect r = corner(u, u->legend_tab_corner, tw, th);
    u->legend_r = r;
    gfx_round(g, r, PX(6), bg);
    gfx_round_frame(g, r, PX(6), COL_LINE, 1);
    gfx_draw_text(g, FONT_SMALL, tab, r.x + pad, r.y + (th - gfx_font_h(g, FONT_SMALL)) / 2, COL_MUTED, 0);
    ui_button(u, r, BTN_LEGEND, 0);
    return;
  }
  int w, h, bar = u->legend_corner == BAR;
  if (bar) bar_size(u, &k, &w, &h);
  else box_size(u, &k, &w, &h);
  SDL_Rect r = corner(u, u->legend_corner, w, h);
  if (getenv("FLANK_LAYOUT_CHECK") && (r.x != u->legend_r_was.x || r.y != u->legend_r_was.y)) /* tests: where it went */
    fprintf(stderr, "layout: legend at %d,%d,%d,%d corner %d\n", r.x, r.y, r.w, r.h, u->legend_corner);
  u->legend_r = u->legend_r_was = r;
  gfx_round(g, r, PX(6), bg);
  gfx_round_frame(g, r, PX(6), COL_LINE, 1);
  ui_button(u, r, BTN_LEGEND, 0);
  if (bar) {
    int x = r.x + pad, y = r.y + (h - lh) / 2 + PX(1);
    x += gfx_draw_text(g, FONT_TINY_B, k.title, x, y + PX(2), COL_ACCENT, 0) + PX(18);
    for (int i = 0; i < k.n; i++) { item(u, &k.it[i], x, y, lh); x += k.it[i].w + PX(18); }
    gfx_draw_text(g, FONT_SMALL, k.hint, x, y, hintc, 0);
    return;
  }
  int y = r.y + pad, x = r.x + pad;
  gfx_draw_text(g, FONT_TINY_B, k.title, x, y, COL_ACCENT, 0);
  y += lh;
  if (u->overlay >= 0 && u->overlay < d->noverlay) {
    const fl_OverlayDef *o = &d->overlays[u->overlay];
    int bw = w - 2 * pad, bh = lh - PX(6);
    for (int i = 0; i < bw; i++) /* the ramp, as the map draws it */
      gfx_fill(g, (SDL_Rect){x + i, y + PX(2), 1, bh}, ui_overlay_color(0.12 + 0.88 * i / (double)(bw - 1)));
    gfx_frame(g, (SDL_Rect){x, y + PX(2), bw, bh}, (SDL_Color){14, 18, 22, 255}, 1);
    y += lh;
    char hi[96];
    char q[80];
    snprintf(hi, sizeof hi, FL_TR("%s or more"), fl_fmt_qty(o->max, o->unit, NULL, q, sizeof q));
    gfx_draw_text(g, FONT_SMALL, FL_TR("none"), x, y, COL_MUTED, 0);
    gfx_draw_text(g, FONT_SMALL, hi, r.x + r.w - pad, y, COL_MUTED, 2);
    y += lh;
  } else
    for (int i = 0; i < k.n; i++, y += lh) item(u, &k.it[i], x, y, lh);
  gfx_draw_text(g, FONT_SMALL, k.hint, x, y, hintc, 0);
}
