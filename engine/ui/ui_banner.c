/* ui_banner: the banner over the map while targets are chosen (what is asked, the keys, and
 * what the order would do), placed where it hides none of the targets. A student could not
 * click areas the banner stood over: it went at the top of the map, or under the legend when
 * the legend stood there. Now each frame it tries the top and bottom of the map, in the middle
 * and at the sides, on one line or wrapped narrower, and takes the first place that hides no
 * lit target (an area's name, or half its box on screen; a lit counter), covers least of them
 * otherwise, and keeps clear of the legend and the zoom buttons. */
#include "ui_int.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PX(v) gfx_px(&u->g, (v))

/* The lit target i's rectangle on screen: an area's box (and in *name where a click names it:
 * its name as drawn, else its label point), or its counter. 0: none on screen. */
static int target_rect(fl_Ui *u, int i, int areas, SDL_Rect *box, SDL_Rect *name) {
  int32_t t = u->legal[i];
  if (areas) {
    if (t < 0 || t >= u->geo.narea) return 0;
    const fl_MapArea *a = fl_map_area(u->geo.m, t);
    float x0 = ui_map_sx(u, a->bbox[0] * u->geo.k), x1 = ui_map_sx(u, a->bbox[2] * u->geo.k);
    float y0 = ui_map_sy(u, -a->bbox[3]), y1 = ui_map_sy(u, -a->bbox[1]);
    *box = (SDL_Rect){(int)x0, (int)y0, (int)(x1 - x0) + 1, (int)(y1 - y0) + 1};
    float lx, ly;
    ui_area_pt(u, t, &lx, &ly);
    *name = (SDL_Rect){(int)lx - 1, (int)ly - 1, 3, 3};
    if (t < 1024 && u->labr_key == u->layer_key && u->area_labr[t].w > 0) {
      *name = u->area_labr[t];
      name->x += u->mapr.x;
      name->y += u->mapr.y;
    }
    return 1;
  }
  int pi = u->st ? fl_state_find_piece(u->st, t) : -1;
  if (pi < 0) return 0;
  const fl_Piece *p = &u->st->pieces[pi];
  for (int b = 0; b < u->npbox; b++) {
    const ui_PBox *pb = &u->pbox[b];
    if (pb->area != p->area || pb->side != p->side || pb->type != p->type) continue;
    *box = *name = (SDL_Rect){(int)pb->r.x, (int)pb->r.y, (int)pb->r.w, (int)pb->r.h};
    return 1;
  }
  return 0;
}

static int overlap(SDL_Rect a, SDL_Rect b) {
  SDL_Rect c;
  return SDL_IntersectRect(&a, &b, &c) ? c.w * c.h : 0;
}

/* How many lit targets r hides (a name under it, or half a box), and how much of their boxes
 * it covers (thousandths of a box, summed over those it covers a tenth of or more). */
static int hides(fl_Ui *u, SDL_Rect r, int areas, int *cover) {
  int n = 0;
  *cover = 0;
  for (int i = 0; i < u->nlegal; i++) {
    SDL_Rect box, name;
    if (!target_rect(u, i, areas, &box, &name)) continue;
    int on = SDL_IntersectRect(&box, &u->mapr, &box) ? box.w * box.h : 0; /* the part on screen */
    if (!on) continue;
    int o = overlap(r, box);
    if (10LL * o >= on) *cover += (int)(1000LL * o / on); /* a corner of a box is not yet in the way */
    n += SDL_HasIntersection(&r, &name) || 2 * o >= on;
  }
  return n;
}

void ui_banner_draw(fl_Ui *u, const char *line, const char *pv, int areas) {
  gfx_Ctx *g = &u->g;
  SDL_Rect mr = u->mapr;
  int pad = PX(14), m = PX(12), side = PX(52); /* side: the zoom buttons' column */
  int room = mr.w - 2 * side;                  /* centred, clear of the zoom buttons */
  SDL_Rect zoom = {mr.x + mr.w - side, mr.y, side, PX(124)};
  /* two widths: one line (wrapped inside the map if it must), and about half the map */
  int tw = gfx_text_w(g, FONT_BODY, line), one = tw + 2 * pad <= room; /* one: it fits on one line */
  int widths[2] = {one ? tw + 2 * pad : room, room / 2};
  if (widths[1] > widths[0]) widths[1] = widths[0];
  SDL_Rect best = {0, 0, 0, 0};
  int best_cost = -1, best_w = 0, best_hid = 0, best_one = 0;
  for (int wi = 0; wi < 2 && best_cost != 0; wi++) {
    if (wi && widths[1] == widths[0]) break;
    int w = widths[wi], wrap = w - 2 * pad;
    const gfx_Text *t = wi || !one ? gfx_text(g, FONT_BODY, line, wrap) : NULL;
    const gfx_Text *pt = pv && *pv ? gfx_text(g, FONT_SMALL, pv, wrap) : NULL;
    int h = (t ? t->h : gfx_font_h(g, FONT_BODY)) + PX(14) + (pt ? pt->h + PX(4) : 0);
    int cx = mr.x + (mr.w - w) / 2, lx = mr.x + m, rx = mr.x + mr.w - side - w, top = mr.y + m, bot = mr.y + mr.h - h - m;
    /* the top and bottom middles first, then the sides; the legend's corner is avoided */
    const int at[6][2] = {{cx, top}, {cx, bot}, {lx, top}, {rx, top}, {lx, bot}, {rx + side - m, bot}};
    for (int c = 0; c < 6 && best_cost != 0; c++) {
      SDL_Rect r = {at[c][0], at[c][1], w, h};
      if (r.x < mr.x || r.y < mr.y || r.x + r.w > mr.x + mr.w) continue;
      int cover, hid = hides(u, r, areas, &cover);
      int cost = 1000 * hid + cover + (SDL_HasIntersection(&r, &u->legend_r) ? 5000 : 0) +
                 (SDL_HasIntersection(&r, &zoom) ? 5000 : 0) + 30 * wi + c;
      if (!hid && !cover && !SDL_HasIntersection(&r, &u->legend_r) && !SDL_HasIntersection(&r, &zoom)) cost = 0;
      if (best_cost < 0 || cost < best_cost) { best_cost = cost; best = r; best_w = wrap; best_hid = hid; best_one = one && !wi; }
    }
  }
  if (best_cost < 0) return;
  SDL_Rect r = best;
  if (getenv("FLANK_LAYOUT_CHECK") && (r.x != u->banner_r.x || r.y != u->banner_r.y || r.w != u->banner_r.w || r.h != u->banner_r.h))
    fprintf(stderr, "banner: at %d,%d,%d,%d hides %d of %d targets\n", r.x, r.y, r.w, r.h, best_hid, u->nlegal);
  u->banner_r = r;
  gfx_round(g, r, PX(6), (SDL_Color){12, 14, 18, 235});
  gfx_round_frame(g, r, PX(6), COL_ACCENT, 1);
  int th = gfx_font_h(g, FONT_BODY);
  if (best_one) gfx_draw_text(g, FONT_BODY, line, r.x + pad, r.y + PX(7), COL_TEXT, 0);
  else th = gfx_draw_wrapped(g, FONT_BODY, line, r.x + pad, r.y + PX(7), best_w, COL_TEXT);
  if (pv && *pv) gfx_draw_wrapped(g, FONT_SMALL, pv, r.x + pad, r.y + PX(7) + th + PX(4), best_w, COL_ACCENT);
}
