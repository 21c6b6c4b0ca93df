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

void ui_draw_pieces(fl_Ui *u) {
  const fl_State *s = u->st;
  u->npbox = 0;
  if (!s || !s->npiece) return;
  gfx_Ctx *g = &u->g;
  /* counters grow with the areas on screen, within limits */
  double mean = 0;
  for (int a = 0; a < u->geo.narea; a++) {
    const fl_MapArea *ar = fl_map_area(u->geo.m, a);
    mean += (ar->bbox[2] - ar->bbox[0]) * u->geo.k * u->zoom / u->geo.narea;
  }
  float cw = (float)(mean * 0.16), lo = (float)gfx_px(g, 30), hi = (float)gfx_px(g, 46);
  cw = cw < lo ? lo : cw > hi ? hi : cw;
  float ch = cw * 0.7f, gap = cw * 0.24f;
  int lh = gfx_font_h(g, FONT_LABEL_B), na = u->geo.narea < s->narea ? u->geo.narea : s->narea;
  /* pieces by area in one pass (lists threaded through next[]), in the order they were added */
  int *head = malloc(sizeof(int) * (size_t)(na + 1)), *tail = malloc(sizeof(int) * (size_t)(na + 1));
  int *next = malloc(sizeof(int) * (size_t)s->npiece);
  if (!head || !tail || !next) { free(head); free(tail); free(next); return; }
  for (int a = 0; a < na; a++) head[a] = tail[a] = -1;
  for (int i = 0; i < s->npiece; i++) {
    int a = s->pieces[i].area;
    next[i] = -1;
    if (a < 0 || a >= na || !ui_sees(u, s->pieces[i].seen)) continue; /* hidden from the viewer */
    float ax, ay;
    if (ui_anim_pos(u, i, &ax, &ay)) { ui_counter(u, ax - cw / 2, ay, cw, ch, s->pieces[i].side, s->pieces[i].type, 1); continue; }
    if (tail[a] < 0) head[a] = i; else next[tail[a]] = i;
    tail[a] = i;
  }
  enum { MAXG = 12 };
  for (int a = 0; a < na; a++) {
    if (head[a] < 0) continue;
    int gs[MAXG], gt[MAXG], gn[MAXG], ng = 0;
    for (int i = head[a]; i >= 0; i = next[i]) {
      const fl_Piece *p = &s->pieces[i];
      int k = 0;
      while (k < ng && !(gs[k] == p->side && gt[k] == p->type)) k++;
      if (k == ng) { if (ng == MAXG) continue; gs[k] = p->side; gt[k] = p->type; gn[k] = 0; ng++; }
      gn[k]++;
    }
    const fl_MapArea *ar = fl_map_area(u->geo.m, a);
    float x = ui_map_sx(u, ar->label[0] * u->geo.k), y = ui_map_sy(u, -ar->label[1]) + lh * 0.2f + (float)gfx_px(g, 6); /* room for the stack's depth */
    int per_row = ng < 4 ? ng : 4;
    for (int k = 0; k < ng; k++) {
      int row = k / per_row, col = k % per_row, in_row = ng - row * per_row < per_row ? ng - row * per_row : per_row;
      float rw = in_row * cw + (in_row - 1) * gap;
      float px = x - rw / 2 + col * (cw + gap), py = y + row * (ch + gap);
      if (px + cw < u->mapr.x || py + ch < u->mapr.y || px > u->mapr.x + u->mapr.w || py > u->mapr.y + u->mapr.h) continue;
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
}
