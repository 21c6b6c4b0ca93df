/* ui_counter: the pieces on the board, drawn as cardboard counters in their side's colour,
 * stacked by side and type. Symbols come from the documented list (fl_symbol.h): land units
 * in a NATO frame (infantry ×, armour oval, artillery dot, ...); ships, aircraft, minefields,
 * obstacles and civilians as plain silhouettes. The ink is dark on light counters and light
 * on dark ones (fl_colour_ink), so no side's symbols disappear. */
#include "ui_int.h"
#include "fl_colour.h"
#include "fl_symbol.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Up to two capital letters from a name: "Assault boat" -> "AB", "Brigade" -> "BR". */
static void initials(const char *name, char out[8]) {
  int n = 0;
  const char *p = name ? name : "";
  const char *sp = strchr(p, ' ');
  if (sp && sp[1] && (unsigned char)sp[1] < 128) {
    out[n++] = p[0];
    out[n++] = sp[1];
  } else
    for (int i = 0; p[i] && n < 2 && (unsigned char)p[i] < 128; i++) out[n++] = p[i];
  out[n] = 0;
  for (int i = 0; i < n; i++)
    if (out[i] >= 'a' && out[i] <= 'z') out[i] = (char)(out[i] - 32);
}

/* A filled quad as two triangles. */
static void quad(gfx_Ctx *g, float x0, float y0, float x1, float y1, float x2, float y2, float x3, float y3, SDL_Color c) {
  gfx_triangle(g, x0, y0, x1, y1, x2, y2, c);
  gfx_triangle(g, x0, y0, x2, y2, x3, y3, c);
}

/* The symbol inside a counter at x, y (w x h). */
static void symbol(fl_Ui *u, int sym, const char *name, float x, float y, float w, float h, SDL_Color ink) {
  gfx_Ctx *g = &u->g;
  float lw = g->s > 1.5f ? 2.0f : 1.3f;
  /* the NATO frame of land units */
  float bw = w * 0.56f, bh = h * 0.5f, bx = x + (w - bw) / 2, by = y + (h - bh) / 2, cx = bx + bw / 2, cy = by + bh / 2;
  /* the free space silhouettes use */
  float sw = w * 0.7f, sh = h * 0.66f, sx = x + (w - sw) / 2, sy = y + (h - sh) / 2, scx = sx + sw / 2;
  int framed = sym <= FL_SYM_SUPPLY || sym < 0;
  if (framed) gfx_frame(g, (SDL_Rect){(int)bx, (int)by, (int)bw, (int)bh}, ink, (int)lw);
  switch (sym) {
  case FL_SYM_INFANTRY:
  case FL_SYM_MECHANISED:
    gfx_line(g, bx, by, bx + bw, by + bh, lw, ink);
    gfx_line(g, bx, by + bh, bx + bw, by, lw, ink);
    if (sym == FL_SYM_MECHANISED) gfx_ellipse(g, cx, cy, bw * 0.36f, bh * 0.3f, lw, ink);
    break;
  case FL_SYM_ARMOUR: gfx_ellipse(g, cx, cy, bw * 0.36f, bh * 0.3f, lw, ink); break;
  case FL_SYM_ARTILLERY: gfx_disc(g, cx, cy, bh * 0.2f, ink); break;
  case FL_SYM_RECON: gfx_line(g, bx, by + bh, bx + bw, by, lw, ink); break;
  case FL_SYM_ENGINEER: /* a bar on three legs */
    gfx_line(g, bx + bw * 0.2f, cy - bh * 0.12f, bx + bw * 0.8f, cy - bh * 0.12f, lw, ink);
    for (int i = 0; i < 3; i++) gfx_line(g, bx + bw * (0.2f + 0.3f * i), cy - bh * 0.12f, bx + bw * (0.2f + 0.3f * i), cy + bh * 0.22f, lw, ink);
    break;
  case FL_SYM_HEADQUARTERS: /* a pennant over the frame, "HQ" in it */
    gfx_line(g, bx, by, bx, by - bh * 0.45f, lw, ink);
    gfx_triangle(g, bx, by - bh * 0.45f, bx + bw * 0.3f, by - bh * 0.32f, bx, by - bh * 0.18f, ink);
    gfx_draw_text(g, FONT_TINY_B, "HQ", (int)cx, (int)(cy - gfx_font_h(g, FONT_TINY_B) / 2), ink, 1);
    break;
  case FL_SYM_SUPPLY: gfx_fill(g, (SDL_Rect){(int)bx, (int)(by + bh * 0.66f), (int)bw, (int)(lw + 0.5f)}, ink); break;
  case FL_SYM_AIRCRAFT: { /* seen from above, nose up: fuselage, swept wings, tail */
    float top = sy, bot = sy + sh, wy = sy + sh * 0.38f;
    gfx_line(g, scx, top, scx, bot, lw * 1.6f, ink);
    quad(g, scx, wy - sh * 0.12f, scx + sw * 0.42f, wy + sh * 0.2f, scx - sw * 0.42f, wy + sh * 0.2f, scx, wy + sh * 0.02f, ink);
    gfx_triangle(g, scx, bot - sh * 0.22f, scx + sw * 0.16f, bot, scx - sw * 0.16f, bot, ink);
    break;
  }
  case FL_SYM_DRONE: /* NATO unmanned aircraft: a wide chevron */
    quad(g, sx + sw * 0.08f, sy + sh * 0.42f, scx, sy + sh * 0.18f, scx, sy + sh * 0.42f, sx + sw * 0.08f, sy + sh * 0.68f, ink);
    quad(g, scx, sy + sh * 0.18f, sx + sw * 0.92f, sy + sh * 0.42f, sx + sw * 0.92f, sy + sh * 0.68f, scx, sy + sh * 0.42f, ink);
    break;
  case FL_SYM_SHIP: { /* hull, superstructure, mast */
    float deck = sy + sh * 0.6f, keel = sy + sh * 0.92f;
    quad(g, sx, deck, sx + sw, deck, sx + sw * 0.86f, keel, sx + sw * 0.1f, keel, ink);
    gfx_fill(g, (SDL_Rect){(int)(sx + sw * 0.34f), (int)(sy + sh * 0.34f), (int)(sw * 0.3f), (int)(deck - sy - sh * 0.34f + 1)}, ink);
    gfx_line(g, sx + sw * 0.49f, sy + sh * 0.06f, sx + sw * 0.49f, sy + sh * 0.36f, lw, ink);
    gfx_line(g, sx + sw * 0.4f, sy + sh * 0.16f, sx + sw * 0.58f, sy + sh * 0.16f, lw, ink);
    break;
  }
  case FL_SYM_SUBMARINE: { /* a long hull awash, a sail, a periscope */
    float hy = sy + sh * 0.66f;
    gfx_ellipse(g, scx, hy, sw * 0.48f, sh * 0.16f, sh * 0.16f, ink);
    gfx_fill(g, (SDL_Rect){(int)(sx + sw * 0.4f), (int)(sy + sh * 0.32f), (int)(sw * 0.17f), (int)(hy - sy - sh * 0.32f)}, ink);
    gfx_line(g, sx + sw * 0.5f, sy + sh * 0.08f, sx + sw * 0.5f, sy + sh * 0.32f, lw, ink);
    gfx_line(g, sx + sw * 0.5f, sy + sh * 0.08f, sx + sw * 0.6f, sy + sh * 0.08f, lw, ink);
    gfx_line(g, sx, sy + sh * 0.96f, sx + sw, sy + sh * 0.96f, lw * 0.8f, gfx_alpha(ink, 150)); /* the waterline */
    break;
  }
  case FL_SYM_BOAT: { /* a low open hull and a paddle */
    float gun = sy + sh * 0.55f, keel = sy + sh * 0.85f;
    gfx_line(g, sx + sw * 0.06f, gun, sx + sw * 0.94f, gun, lw, ink);
    gfx_line(g, sx + sw * 0.06f, gun, sx + sw * 0.24f, keel, lw, ink);
    gfx_line(g, sx + sw * 0.24f, keel, sx + sw * 0.8f, keel, lw, ink);
    gfx_line(g, sx + sw * 0.8f, keel, sx + sw * 0.94f, gun, lw, ink);
    gfx_line(g, sx + sw * 0.62f, sy + sh * 0.1f, sx + sw * 0.42f, sy + sh * 0.98f, lw, ink);
    break;
  }
  case FL_SYM_MINEFIELD:
    for (int i = 0; i < 3; i++) gfx_circle(g, sx + sw * (0.2f + 0.3f * i), sy + sh / 2, sh * 0.2f, lw, ink);
    gfx_line(g, sx, sy + sh * 0.86f, sx + sw, sy + sh * 0.86f, lw, ink);
    break;
  case FL_SYM_OBSTACLE: /* dragon's teeth */
    for (int i = 0; i < 3; i++) {
      float tx = sx + sw * (0.2f + 0.3f * i), base = sy + sh * 0.85f, top = sy + sh * 0.2f, hw = sw * 0.12f;
      gfx_triangle(g, tx - hw, base, tx, top, tx + hw, base, ink);
    }
    break;
  case FL_SYM_CIVILIANS: /* two standing figures, the second a step behind */
    for (int i = 1; i >= 0; i--) {
      float fx = scx + (i ? sw * 0.16f : -sw * 0.1f), k = i ? 0.85f : 1.0f, top = sy + sh * (i ? 0.14f : 0.04f);
      float head = sh * 0.15f * k, shoulders = top + 2.2f * head, feet = sy + sh;
      SDL_Color c = i ? gfx_alpha(ink, 190) : ink;
      gfx_disc(g, fx, top + head, head, c);
      quad(g, fx - sw * 0.12f * k, shoulders, fx + sw * 0.12f * k, shoulders, fx + sw * 0.07f * k, feet, fx - sw * 0.07f * k, feet, c);
    }
    break;
  default: { /* "unit" and anything unknown: the piece type's initials */
    char ab[8];
    initials(name, ab);
    gfx_draw_text(g, FONT_TINY_B, ab, (int)cx, (int)(cy - gfx_font_h(g, FONT_TINY_B) / 2), ink, 1);
  }
  }
}

void ui_counter(fl_Ui *u, float x, float y, float w, float h, int side, int ptype, int count) {
  gfx_Ctx *g = &u->g;
  SDL_Color body = ui_side_color(u, side), edge = {12, 14, 18, 255};
  SDL_Color ink = gfx_rgb(fl_colour_ink((uint32_t)body.r << 16 | (uint32_t)body.g << 8 | body.b));
  int depth = count > 2 ? 2 : count - 1;
  float off = (float)gfx_px(g, 2.5f);
  for (int d = depth; d >= 0; d--) {
    SDL_Rect r = {(int)(x + d * off), (int)(y - d * off), (int)w, (int)h};
    gfx_fill(g, (SDL_Rect){r.x + 1, r.y + 2, r.w, r.h}, (SDL_Color){0, 0, 0, 120});
    gfx_fill(g, r, edge);
    gfx_fill(g, (SDL_Rect){r.x + 1, r.y + 1, r.w - 2, r.h - 2}, d ? gfx_mix(body, edge, 0.35f) : body);
  }
  /* the top counter's bevel: a lighter top edge, like die-cut card */
  gfx_fill(g, (SDL_Rect){(int)x + 1, (int)y + 1, (int)w - 2, 1}, gfx_alpha(gfx_mix(body, (SDL_Color){255, 255, 255, 255}, 0.45f), 255));
  const fl_PieceType *pt = ptype >= 0 && ptype < u->def->nptype ? &u->def->ptypes[ptype] : NULL;
  int sym = pt ? fl_symbol_find(pt->symbol && *pt->symbol ? pt->symbol : "unit") : FL_SYM_UNIT;
  symbol(u, sym, pt ? pt->name : "", x, y, w, h, ink);
  if (count > 1) {
    char n[16];
    snprintf(n, sizeof n, "%d", count);
    float rad = (float)gfx_px(g, 7.5f);
    float cx = x + w + depth * off - rad * 0.3f, cy = y - depth * off + rad * 0.2f;
    gfx_disc(g, cx, cy, rad + 1, edge);
    gfx_disc(g, cx, cy, rad, COL_ACCENT);
    gfx_draw_text(g, FONT_TINY_B, n, (int)cx, (int)(cy - gfx_font_h(g, FONT_TINY_B) / 2), edge, 1);
  }
}

/* ---- marks of area properties ---------------------------------------------------------
 * An overlay whose id names a counter symbol ("mines", "obstacles": fl_symbol) is also shown
 * in the owners' view: a pale chip with that symbol stands in the area's stack wherever the
 * overlay's property is above zero, so what the player ordered is on the board without
 * cycling views (V), and the legend names it. Only where the viewer may see the property.
 * An id that names a symbol and ends in "_planned" ("mines_planned") marks what is planned
 * but not there yet (fields laid only in a crisis or an attack): the same symbol, pale on a
 * dark chip in a dashed frame, so a field bought for later is on the board too and is not
 * read as one in the ground (a student saw the remotely delivered fields the council bought
 * nowhere until the attack). */

int ui_overlay_symbol(const fl_Ui *u, int ov) {
  if (!u->def || ov < 0 || ov >= u->def->noverlay) return -1;
  const fl_OverlayDef *o = &u->def->overlays[ov];
  int k = fl_def_prop(u->def, o->prop);
  if (k >= 0 && !ui_sees(u, u->def->props[k].seen)) return -1;
  int sym = fl_symbol_find(o->id);
  size_t n = strlen(o->id), sn = strlen("_planned");
  if (sym < 0 && n > sn && n - sn < 64 && !strcmp(o->id + n - sn, "_planned")) {
    char base[64];
    memcpy(base, o->id, n - sn);
    base[n - sn] = 0;
    if ((sym = fl_symbol_find(base)) >= 0) sym |= UI_MARK_PLANNED;
  }
  return sym;
}

int ui_overlay_marked(const fl_Ui *u, int ov, int area) { /* ov marked (ui_overlay_symbol), asked once */
  if (!u->st || area < 0 || area >= u->st->narea || ov < 0 || ov >= u->def->noverlay) return 0;
  const fl_Prop *p = fl_props_get(&u->st->areas[area].props, u->def->overlays[ov].prop);
  return p && p->type != FL_STR && p->num > 0;
}

void ui_mark_chip(fl_Ui *u, float x, float y, float w, float h, int sym) {
  gfx_Ctx *g = &u->g;
  SDL_Color body = {226, 218, 194, 255}, ink = {44, 40, 34, 255}, edge = {12, 14, 18, 255};
  SDL_Rect r = {(int)x, (int)y, (int)w, (int)h};
  gfx_fill(g, (SDL_Rect){r.x + 1, r.y + 2, r.w, r.h}, (SDL_Color){0, 0, 0, 120});
  if (sym & UI_MARK_PLANNED) { /* planned: the pale ink on a dark chip, in a dashed frame */
    gfx_round(g, r, gfx_px(g, 4), (SDL_Color){22, 26, 32, 235});
    float d = (float)gfx_px(g, 3), lw = g->s > 1.5f ? 2.0f : 1.2f, x1 = x + w - 1, y1 = y + h - 1;
    for (float t = x + d / 2; t < x1; t += 2 * d) { /* dashes along the top and bottom, then the sides */
      float e = t + d < x1 ? t + d : x1;
      gfx_line(g, t, y, e, y, lw, body);
      gfx_line(g, t, y1, e, y1, lw, body);
    }
    for (float t = y + d / 2; t < y1; t += 2 * d) {
      float e = t + d < y1 ? t + d : y1;
      gfx_line(g, x, t, x, e, lw, body);
      gfx_line(g, x1, t, x1, e, lw, body);
    }
    symbol(u, sym & ~UI_MARK_PLANNED, "", x, y, w, h, body);
    return;
  }
  gfx_round(g, r, gfx_px(g, 4), edge);
  gfx_round(g, (SDL_Rect){r.x + 1, r.y + 1, r.w - 2, r.h - 2}, gfx_px(g, 4), body);
  symbol(u, sym, "", x, y, w, h, ink);
}

/* ---- where an area's counters stand ---------------------------------------------------
 * Under the area's name when that spot is clear, else the first clear one of a few around it
 * (above, beside, further down, shifted), else the clear spot nearest its label point on a
 * grid over the area: clear means every counter inside the area (its middle and its corners:
 * a student could not tell which area a stack spilling over a border stood in, and found
 * counters standing in the sea off Tallinn and Narva), off every name and town on the map,
 * and off the stacks placed before it. Where none is clear, the spot that breaks least; a
 * name a stack still covers is drawn again over it. */

static int frect_hit(SDL_FRect a, SDL_Rect b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static int frects_hit(SDL_FRect a, SDL_FRect b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/* A stack's layout: ng counters of cw x ch, gap apart, per_row a row, centred rows under
 * the top-left (x, y). */
typedef struct Lay { int ng, per_row; float x, y, cw, ch, gap; } Lay;

/* The k-th counter's rectangle (as ui_draw_pieces draws it). */
static SDL_FRect cell(const Lay *l, int k) {
  int row = k / l->per_row, col = k % l->per_row, in_row = l->ng - row * l->per_row < l->per_row ? l->ng - row * l->per_row : l->per_row;
  float sw = l->per_row * l->cw + (l->per_row - 1) * l->gap, rw = in_row * l->cw + (in_row - 1) * l->gap;
  return (SDL_FRect){l->x + sw / 2 - rw / 2 + col * (l->cw + l->gap), l->y + row * (l->ch + l->gap), l->cw, l->ch};
}

/* How much of counter r lies off area a: 1000 for its middle, 40 a corner (a little in). */
static int cell_off(fl_Ui *u, int a, SDL_FRect r, int bound, int cost) {
  float in = r.h * 0.15f;
  const float px[5] = {r.x + r.w / 2, r.x + in, r.x + r.w - in, r.x + in, r.x + r.w - in};
  const float py[5] = {r.y + r.h / 2, r.y + in, r.y + in, r.y + r.h - in, r.y + r.h - in};
  int off = 0;
  for (int k = 0; k < 5 && (bound < 0 || cost + off < bound); k++) /* only while it can matter */
    if (ui_map_hit(u, (int)px[k], (int)py[k]) != a) off += k ? 40 : 1000;
  return off;
}

/* How badly a stack (its counters l, its box r with what sticks out) breaks the rules above
 * for area a: 0 is clear. Any counter's middle outside the area weighs most (a student found
 * counters in the sea off the Finnish coast: the stack's middle was on land, its ends were
 * not), then another area's name (a student read the stack covering "Suwałki Gap" as
 * standing there), then its own name (a student could not read "Narva" under its two
 * counters) or another stack, then a counter's corner outside the area, then a town. */
static int spot_cost(fl_Ui *u, int a, const Lay *l, SDL_FRect r, const SDL_FRect *stacks, int ns, int bound) {
  int cost = 0;
  for (int i = 0; i < ns; i++) if (frects_hit(r, stacks[i])) cost += 150;
  if (u->labr_key == u->layer_key)
    for (int i = 0; i < u->nlabr; i++) {
      SDL_Rect lr = u->labr[i];
      lr.x += u->mapr.x;
      lr.y += u->mapr.y;
      if (frect_hit(r, lr)) cost += u->labr_area[i] == a ? 150 : u->labr_area[i] >= 0 ? 200 : 40;
    }
  for (int k = 0; k < l->ng && (bound < 0 || cost < bound); k++) cost += cell_off(u, a, cell(l, k), bound, cost);
  return cost;
}

/* Spots on a grid over area a's box on screen, nearest its label point (lx, ly) first: the
 * stack's middle at each, as top-left corners of a sw x sh stack. Returns how many (<= max). */
static int grid_spots(fl_Ui *u, int a, float lx, float ly, float sw, float sh, float step, float (*out)[2], int max) {
  const fl_MapArea *ar = fl_map_area(u->geo.m, a);
  float x0 = ui_map_sx(u, ar->bbox[0] * u->geo.k), x1 = ui_map_sx(u, ar->bbox[2] * u->geo.k);
  float y0 = ui_map_sy(u, -ar->bbox[3]), y1 = ui_map_sy(u, -ar->bbox[1]);
  int n = 0;
  float d[512];
  if (max > 512) max = 512;
  for (float y = y0 + sh / 2; y <= y1 - sh / 2; y += step)
    for (float x = x0 + sw / 2; x <= x1 - sw / 2; x += step) {
      float dd = (x - lx) * (x - lx) + (y - ly) * (y - ly);
      if (n == max && dd >= d[max - 1]) continue; /* full: keep the nearest */
      int i = n < max ? n++ : max - 1;
      for (; i > 0 && d[i - 1] > dd; i--) { d[i] = d[i - 1]; out[i][0] = out[i - 1][0]; out[i][1] = out[i - 1][1]; }
      d[i] = dd;
      out[i][0] = x - sw / 2;
      out[i][1] = y - sh / 2;
    }
  return n;
}

/* Where area a's ng counters (cw x ch, gap apart; the depth and count badge stick out up and
 * right by ext) break the rules least: a row under its name, else around it, else anywhere
 * in the area; else in two rows or a column; else the same smaller (a small area). Sets the
 * top-left, the counters a row holds and their scale. */
static void place_stack(fl_Ui *u, int a, int ng, float cw, float ch, float gap, float ext, const SDL_FRect *stacks, int ns,
                        float *ox, float *oy, int *per_row, float *scale) {
  const fl_MapArea *ar = fl_map_area(u->geo.m, a);
  float lx = ui_map_sx(u, ar->label[0] * u->geo.k), ly = ui_map_sy(u, -ar->label[1]);
  SDL_FRect L = {lx, ly, 0, 0}; /* the area's name as drawn, else its label point */
  if (u->labr_key == u->layer_key && a < 1024 && u->area_labr[a].w > 0)
    L = (SDL_FRect){(float)(u->area_labr[a].x + u->mapr.x), (float)(u->area_labr[a].y + u->mapr.y), (float)u->area_labr[a].w,
                    (float)u->area_labr[a].h};
  int rows_opt[3] = {ng < 4 ? ng : 4, (ng + 1) / 2, 1};
  int bc = -1;
  /* smaller counters cost a little: a full-size stack with a corner over the coast beats a
   * tiny one, a tiny one inside beats a counter standing in the sea */
  static const float scale_k[4] = {1.0f, 0.8f, 0.65f, 0.5f};
  static const int scale_cost[4] = {0, 30, 70, 120};
  float grid[400][2];
  for (int o = 0; o < 12 && !(bc >= 0 && bc <= scale_cost[o / 3]); o++) { /* each layout full size, then smaller */
    int pr = rows_opt[o % 3], rows = (ng + pr - 1) / pr, pen = scale_cost[o / 3];
    float k = scale_k[o / 3];
    if (o % 3 && pr == rows_opt[o % 3 - 1]) continue;
    float sw = pr * cw * k + (pr - 1) * gap * k, sh = rows * ch * k + (rows - 1) * gap * k;
    float cx = L.x + L.w / 2, below = L.y + L.h + gap + ext, above = L.y - sh - gap, mid = L.y + L.h / 2 - sh / 2;
    const float cand[][2] = {
      {cx - sw / 2, below}, {cx - sw / 2, above}, {L.x - sw - gap, mid}, {L.x + L.w + gap + ext, mid},
      {cx - sw, below}, {cx, below}, {cx - sw, above}, {cx, above},
      {cx - sw / 2, below + ch + gap}, {cx - sw / 2, above - ch - gap},
      {lx - sw / 2, ly + gap + ext}, {lx - sw / 2, ly - sh / 2}, {lx - sw - gap, ly - sh / 2}, {lx + gap, ly - sh / 2}};
    int nfix = (int)(sizeof cand / sizeof cand[0]);
    /* the grid's step: a third of a counter, so a stack finds the land between a coast and a name */
    int ngrid = grid_spots(u, a, lx, ly + (gap + ext) / 2, sw, sh, ch * k / 3 > 2 ? ch * k / 3 : 2, grid, 400);
    for (int c = 0; c < nfix + ngrid && !(bc >= 0 && bc <= pen); c++) {
      float x = c < nfix ? cand[c][0] : grid[c - nfix][0], y = c < nfix ? cand[c][1] : grid[c - nfix][1];
      Lay l = {ng, pr, x, y, cw * k, ch * k, gap * k};
      SDL_FRect r = {x, y - ext, sw + ext, sh + ext};
      int cost = pen + spot_cost(u, a, &l, r, stacks, ns, bc < 0 ? -1 : bc - pen);
      if (bc < 0 || cost < bc) { bc = cost; *ox = x; *oy = y; *per_row = pr; *scale = k; }
    }
  }
}

/* Area j's name as drawn on the screen (w 0: not drawn). */
static SDL_Rect name_rect(const fl_Ui *u, int j) {
  SDL_Rect l = j < 1024 && u->labr_key == u->layer_key ? u->area_labr[j] : (SDL_Rect){0, 0, 0, 0};
  l.x += u->mapr.x;
  l.y += u->mapr.y;
  return l;
}

/* Counts a stack, and whether it covers another area's name, its own name or stands outside
 * its area (its middle). */
static void check_stack(fl_Ui *u, int a, SDL_FRect r, int check[4]) {
  check[0]++;
  int on = 0;
  for (int j = 0; j < u->geo.narea && j < 1024; j++) {
    SDL_Rect l = name_rect(u, j);
    if (l.w > 0 && frect_hit(r, l)) { if (j == a) check[2]++; else on = 1; }
  }
  check[1] += on;
  check[3] += ui_map_hit(u, (int)(r.x + r.w / 2), (int)(r.y + r.h / 2)) != a;
}

/* Tests: counters whose middle is off their area a (n[1]), or only a corner, a little in (n[2]);
 * the first by name and place. */
static void check_cell(fl_Ui *u, int a, SDL_FRect r, int n[3], char *names, size_t cap) {
  float in = r.h * 0.15f;
  const float px[5] = {r.x + r.w / 2, r.x + in, r.x + r.w - in, r.x + in, r.x + r.w - in};
  const float py[5] = {r.y + r.h / 2, r.y + in, r.y + in, r.y + r.h - in, r.y + r.h - in};
  int out = 0;
  for (int k = 0; k < 5; k++) out |= (ui_map_hit(u, (int)px[k], (int)py[k]) != a) << (k > 0);
  n[0]++;
  if (out & 1) n[1]++;
  else if (out) n[2]++;
  size_t len = strlen(names);
  if ((out & 1) && len + 40 < cap)
    snprintf(names + len, cap - len, "%s%s at %d,%d", len ? "; " : "", fl_map_area(u->geo.m, a)->name, (int)r.x, (int)r.y);
}

void ui_draw_pieces(fl_Ui *u) {
  const fl_State *s = u->st;
  u->npbox = 0;
  if (!s || !u->def) return;
  gfx_Ctx *g = &u->g;
  int marks[8], msym[8], nmark = 0; /* the overlays marked on this view and their symbols */
  for (int o = 0; u->overlay < 0 && o < u->def->noverlay && nmark < 8; o++)
    if ((msym[nmark] = ui_overlay_symbol(u, o)) >= 0) marks[nmark++] = o;
  if (!s->npiece && !nmark) return;
  /* counters grow with the areas on screen, within limits */
  double mean = 0;
  for (int a = 0; a < u->geo.narea; a++) {
    const fl_MapArea *ar = fl_map_area(u->geo.m, a);
    mean += (ar->bbox[2] - ar->bbox[0]) * u->geo.k * u->zoom / u->geo.narea;
  }
  float cw0 = (float)(mean * 0.16), lo = (float)gfx_px(g, 30), hi = (float)gfx_px(g, 46);
  cw0 = cw0 < lo ? lo : cw0 > hi ? hi : cw0;
  float ch0 = cw0 * 0.7f, gap0 = cw0 * 0.24f;
  int na = u->geo.narea < s->narea ? u->geo.narea : s->narea;
  /* pieces by area in one pass (lists threaded through next[]), in the order they were added */
  int *head = malloc(sizeof(int) * (size_t)(na + 1)), *tail = malloc(sizeof(int) * (size_t)(na + 1));
  int *next = malloc(sizeof(int) * (size_t)(s->npiece + 1));
  if (!head || !tail || !next) { free(head); free(tail); free(next); return; }
  for (int a = 0; a < na; a++) head[a] = tail[a] = -1;
  /* the stacks' places are worked out again only when the map layer or the stacks change */
  uint64_t key = fl_fnv64(FL_FNV_INIT, &u->labr_key, sizeof u->labr_key);
  int view[3] = {u->mapr.x, u->mapr.y, na};
  key = fl_fnv64(key, view, sizeof view);
  for (int i = 0; i < s->npiece; i++) {
    int a = s->pieces[i].area;
    next[i] = -1;
    if (a < 0 || a >= na || !ui_sees(u, s->pieces[i].seen)) continue; /* hidden from the viewer */
    float ax, ay;
    if (ui_anim_pos(u, i, &ax, &ay)) { ui_counter(u, ax - cw0 / 2, ay, cw0, ch0, s->pieces[i].side, s->pieces[i].type, 1); continue; }
    if (tail[a] < 0) head[a] = i; else next[tail[a]] = i;
    tail[a] = i;
    int pk[3] = {a, s->pieces[i].side, s->pieces[i].type};
    key = fl_fnv64(key, pk, sizeof pk);
  }
  for (int m = 0; m < nmark; m++)
    for (int a = 0; a < na; a++)
      if (ui_overlay_marked(u, marks[m], a)) {
        int mk[2] = {a, -2 - marks[m]};
        key = fl_fnv64(key, mk, sizeof mk);
      }
  int cached = key == u->stack_key && u->nstack_at >= na;
  if (!cached && u->nstack_at < na) {
    float *sa = realloc(u->stack_at, sizeof *sa * 4 * (size_t)na);
    if (!sa) { free(head); free(tail); free(next); return; }
    u->stack_at = sa;
    u->nstack_at = na;
  }
  enum { MAXG = 12, MAXSTACK = 256 };
  int check[4] = {0, 0, 0, 0}, checking = getenv("FLANK_COUNTER_CHECK") != NULL, cells[3] = {0, 0, 0};
  char offs[512] = "";
  SDL_FRect stacks[MAXSTACK]; /* the stacks placed so far this frame */
  int nstack = 0;
  for (int a = 0; a < na; a++) {
    int gs[MAXG], gt[MAXG], gn[MAXG], ng = 0;
    for (int i = head[a]; i >= 0; i = next[i]) {
      const fl_Piece *p = &s->pieces[i];
      int k = 0;
      while (k < ng && !(gs[k] == p->side && gt[k] == p->type)) k++;
      if (k == ng) { if (ng == MAXG) continue; gs[k] = p->side; gt[k] = p->type; gn[k] = 0; ng++; }
      gn[k]++;
    }
    for (int m = 0; m < nmark && ng < MAXG; m++) /* the marks after the pieces: side -2, the symbol as type */
      if (ui_overlay_marked(u, marks[m], a)) { gs[ng] = -2; gt[ng] = msym[m]; gn[ng++] = 1; }
    if (!ng) continue;
    int per_row = 1;
    float sx = 0, sy = 0, sk = 1, *at = &u->stack_at[4 * a];
    int most = 1; /* what sticks out of the stack up and right: its depth, its count badge */
    for (int k = 0; k < ng; k++) if (gn[k] > most) most = gn[k];
    float ext = (most > 2 ? 2 : most - 1) * (float)gfx_px(g, 2.5f) + (most > 1 ? (float)gfx_px(g, 7.5f) : 0);
    if (cached) { sx = at[0]; sy = at[1]; per_row = (int)at[2]; sk = at[3]; }
    else {
      place_stack(u, a, ng, cw0, ch0, gap0, ext, stacks, nstack, &sx, &sy, &per_row, &sk);
      at[0] = sx; at[1] = sy; at[2] = (float)per_row; at[3] = sk;
    }
    float cw = cw0 * sk, ch = ch0 * sk, gap = gap0 * sk;
    int rows = (ng + per_row - 1) / per_row;
    float sw = per_row * cw + (per_row - 1) * gap, sh = rows * ch + (rows - 1) * gap;
    if (nstack < MAXSTACK) stacks[nstack++] = (SDL_FRect){sx, sy - ext, sw + ext, sh + ext};
    if (checking) check_stack(u, a, (SDL_FRect){sx, sy - ext, sw + ext, sh + ext}, check);
    Lay lay = {ng, per_row, sx, sy, cw, ch, gap};
    for (int k = 0; k < ng; k++) {
      SDL_FRect cr = cell(&lay, k);
      float px = cr.x, py = cr.y;
      if (px + cw < u->mapr.x || py + ch < u->mapr.y || px > u->mapr.x + u->mapr.w || py > u->mapr.y + u->mapr.h) continue;
      if (checking) check_cell(u, a, (SDL_FRect){px, py, cw, ch}, cells, offs, sizeof offs);
      if (gs[k] == -2) { /* a mark: not a piece to click */
        ui_mark_chip(u, px, py, cw, ch, gt[k]);
        if (checking)
          fprintf(stderr, "marks: %s%s in %s at %d,%d\n", gt[k] & UI_MARK_PLANNED ? "planned " : "", fl_symbol_name(gt[k] & ~UI_MARK_PLANNED),
                  fl_map_area(u->geo.m, a)->name, (int)px, (int)py);
        continue;
      }
      ui_counter(u, px, py, cw, ch, gs[k], gt[k], gn[k]);
      if (u->npbox == u->cappbox) {
        int nc = u->cappbox ? 2 * u->cappbox : 64;
        ui_PBox *nb = realloc(u->pbox, sizeof *nb * (size_t)nc);
        if (!nb) continue;
        u->pbox = nb;
        u->cappbox = nc;
      }
      u->pbox[u->npbox++] = (ui_PBox){{px, py, cw, ch}, a, gs[k], gt[k]};
    }
  }
  free(head); free(tail); free(next);
  u->stack_key = key;
  /* names stay readable where counters stand: one that a stack still covers (a small area
   * zoomed out has no clear spot) is drawn again over the counters */
  for (int j = 0; j < na && j < 1024 && (u->layers & FL_UI_LABELS); j++) {
    SDL_Rect l = name_rect(u, j);
    for (int i = 0; i < nstack && l.w > 0; i++)
      if (frect_hit(stacks[i], l)) {
        ui_map_name_again(u, j);
        if (checking) fprintf(stderr, "counters: name drawn over a stack: %s at %d,%d,%d,%d\n", fl_map_area(u->geo.m, j)->name, l.x, l.y, l.w, l.h);
        break;
      }
  }
  if (checking) /* tests: counters (and chips) standing off their area: in the sea or on a neighbour */
    fprintf(stderr, "land: %d counters, %d with their middle off their area, %d with a corner off%s%s\n", cells[0], cells[1], cells[2],
            cells[1] ? ": " : "", offs);
  if (checking) /* tests: how the placement went */
    fprintf(stderr, "counters: %d stacks, %d on another area's name, %d on their own name, %d outside their area\n", check[0], check[1],
            check[2], check[3]);
  if (checking && u->labr_key == u->layer_key) { /* tests: each area's name where a click on it lands */
    int named = 0, off = 0;
    for (int i = 0; i < u->geo.narea && i < 1024; i++) {
      SDL_Rect l = u->area_labr[i];
      if (l.w <= 0) continue;
      int x = u->mapr.x + l.x + l.w / 2, y = u->mapr.y + l.y + l.h / 2, at = ui_map_hit(u, x, y);
      named++;
      off += at != i;
      fprintf(stderr, "names: %s at %d,%d%s%s\n", fl_map_area(u->geo.m, i)->name, x, y, at != i ? " over " : "",
              at != i ? (at >= 0 ? fl_map_area(u->geo.m, at)->name : "no area") : "");
    }
    fprintf(stderr, "names: %d of %d areas named, %d with their middle on another area\n", named, u->geo.narea, off);
  }
}
