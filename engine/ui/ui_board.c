/* ui_board: playing on the board. What the seated side may see, the marks rule code puts
 * on the map (arrows, highlighted areas, the front line), the hotseat hand-over, and
 * choosing targets: the legal ones lit, a card for the one under the mouse or the
 * keyboard's cursor (preview, cost, why not), and moves with the reachable areas shaded
 * and the cheapest path drawn. Every choice still goes through the host as one action. */
#include "ui_int.h"
#include "fl_fmt.h"
#include "fl_i18n.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PX(v) gfx_px(&u->g, (v))

int ui_sees(const fl_Ui *u, fl_Sides seen) { return !u->def || fl_def_sees(u->def, u->viewer, seen); }

static int count_bits(uint64_t b) { int n = 0; for (; b; b &= b - 1) n++; return n; }

void ui_board_update(fl_Ui *u) {
  if (!u->host || !u->game || u->screen != SCR_GAME) return; /* offscreen: the caller set the viewer */
  if (u->opts.demo || u->human < 0) { u->viewer = -1; u->handover = -1; return; }
  int side = -1;
  if (fl_game_status(u->game) == FL_GAME_WAITING) fl_game_pending(u->game, &side);
  /* hotseat: the next person's decision waits behind a screen until they sit down */
  if (count_bits(u->humans) > 1 && UI_HUMAN(u, side) && side != u->seat && u->handover != side && !u->await_end_turn) {
    u->handover = side;
    ui_pick_cancel(u);
    u->gen++;
  }
  u->viewer = u->seat;
}

/* ---- words ------------------------------------------------------------------------ */

static const char *area_name(const fl_Ui *u, int a) {
  const fl_MapArea *ar = a >= 0 && a < fl_map_area_count(u->def->map) ? fl_map_area(u->def->map, a) : NULL;
  return ar ? ar->name : "?";
}

const char *ui_piece_own_name(const fl_Piece *p) {
  const fl_Prop *nm = p ? fl_props_get(&p->props, "name") : NULL;
  return nm && nm->type == FL_STR && nm->str && *nm->str ? nm->str : NULL;
}

/* Its own name ("eFP battlegroup Latvia (Canada-led)"), else its type and id. */
static void piece_name(const fl_Ui *u, int32_t id, char *buf, size_t n) {
  int pi = fl_state_find_piece(u->st, id);
  const fl_Piece *p = pi >= 0 ? &u->st->pieces[pi] : NULL;
  if (ui_piece_own_name(p)) snprintf(buf, n, "%s", ui_piece_own_name(p));
  else snprintf(buf, n, "%s #%ld", p && p->type >= 0 ? u->def->ptypes[p->type].name : FL_TR("Piece"), (long)id);
}

/* A piece's properties a player reads, joined: only those a property{} declares (the
 * scenario's names and units), which holds none of its bookkeeping. */
static void piece_props(const fl_Ui *u, int32_t id, char *buf, size_t n) {
  int pi = fl_state_find_piece(u->st, id);
  size_t len = 0;
  buf[0] = 0;
  for (int i = 0; pi >= 0 && i < u->st->pieces[pi].props.n && len < n; i++) {
    const fl_Prop *p = &u->st->pieces[pi].props.p[i];
    char v[192];
    if (!strcmp(p->key, "name") || fl_def_prop(u->def, p->key) < 0 || !ui_prop_text(u, p, v, sizeof v)) continue;
    len += (size_t)snprintf(buf + len, n - len, "%s%s", len ? " \xC2\xB7 " : "", v);
  }
}

void ui_targets_text(const fl_Ui *u, const fl_LogEntry *e, char *buf, size_t n) {
  buf[0] = 0;
  if (e->kind != FL_LOG_ACTION || e->ntg <= 0 || !e->tg) return;
  const fl_OptionDef *op = &u->def->cards[e->a].options[e->b];
  char pn[96];
  if (op->target == FL_TGT_MOVE && e->ntg >= 2) {
    piece_name(u, e->tg[0], pn, sizeof pn);
    /* TRANSLATORS: a move in the log: ": Guard #3 from North to South" */
    if (e->ntg >= 3) snprintf(buf, n, FL_TR(": %s from %s to %s"), pn, area_name(u, e->tg[2]), area_name(u, e->tg[1]));
    else snprintf(buf, n, FL_TR(": %s to %s"), pn, area_name(u, e->tg[1]));
    return;
  }
  size_t len = (size_t)snprintf(buf, n, " (");
  for (int i = 0; i < e->ntg && len < n; i++) {
    if (op->target == FL_TGT_PIECE) piece_name(u, e->tg[i], pn, sizeof pn);
    else snprintf(pn, sizeof pn, "%s", area_name(u, e->tg[i]));
    len += (size_t)snprintf(buf + len, n - len, "%s%s", i ? ", " : "", pn);
  }
  if (len < n) snprintf(buf + len, n - len, ")");
}

int ui_prop_text(const fl_Ui *u, const fl_Prop *p, char *buf, size_t n) {
  int k = fl_def_prop(u->def, p->key);
  const fl_PropDef *pd = k >= 0 ? &u->def->props[k] : NULL;
  if (pd && !ui_sees(u, pd->seen)) return 0;
  if (!pd && u->def->nprop) return 0; /* undeclared: the rules' bookkeeping, as on the text board */
  if (p->type == FL_STR ? !p->str || !*p->str : p->num == 0) return 0; /* nothing there */
  char v[128];
  if (p->type == FL_NUM) { /* "Minefield: 1 field", "AP mines, unmarked: 12,000" */
    fl_fmt_qty(p->num, pd ? pd->unit : NULL, pd ? pd->unit_one : NULL, v, sizeof v);
    snprintf(buf, n, "%s: %s", pd && pd->name && *pd->name ? pd->name : p->key, v);
    return 1;
  }
  if (p->type == FL_BOOL) snprintf(v, sizeof v, "%s", p->num ? FL_TR("yes") : FL_TR("no"));
  else snprintf(v, sizeof v, "%s", p->str ? fl_def_prop_value(pd, p->str) : ""); /* "Field: Stockpiled for a crisis" */
  snprintf(buf, n, "%s: %s", pd && pd->name && *pd->name ? pd->name : p->key, v);
  return 1;
}

/* ---- marks ------------------------------------------------------------------------ */

static SDL_Color style_color(int style) {
  return style == 1 ? (SDL_Color){235, 84, 60, 255} : style == 2 ? (SDL_Color){90, 200, 120, 255} : COL_ACCENT;
}

void ui_area_pt(const fl_Ui *u, int a, float *x, float *y) {
  const fl_MapArea *ar = fl_map_area(u->geo.m, a);
  *x = ui_map_sx(u, ar->label[0] * u->geo.k);
  *y = ui_map_sy(u, -ar->label[1]);
}

/* Fill an area with a translucent colour (triangles through the renderer). */
static void tint_area(fl_Ui *u, int a, SDL_Color c) {
  if (a < 0 || a >= u->geo.narea) return;
  const map_Shape *sh = &u->geo.area[a];
  int nv = 3 * sh->nt;
  if (nv > u->capv) {
    SDL_Vertex *nb = realloc(u->vbuf, sizeof *nb * (size_t)nv);
    if (!nb) return;
    u->vbuf = nb;
    u->capv = nv;
  }
  for (int i = 0; i < nv; i++) {
    int v = u->geo.tri[sh->t0 + i];
    u->vbuf[i] = (SDL_Vertex){{ui_map_sx(u, u->geo.xy[2 * v]), ui_map_sy(u, u->geo.xy[2 * v + 1])}, c, {0, 0}};
  }
  SDL_SetRenderDrawBlendMode(u->r, SDL_BLENDMODE_BLEND);
  SDL_RenderGeometry(u->r, NULL, u->vbuf, nv, NULL, 0);
}

static void arrow(fl_Ui *u, float x0, float y0, float x1, float y1, float w, SDL_Color body, SDL_Color edge) {
  float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
  if (len < 1) return;
  dx /= len;
  dy /= len;
  float head = w * 2.6f, bx = x1 - dx * head, by = y1 - dy * head, nx = -dy, ny = dx;
  gfx_line(&u->g, x0, y0, bx, by, w + 2, edge);
  gfx_triangle(&u->g, bx + nx * (head * 0.75f + 1), by + ny * (head * 0.75f + 1), x1 + dx * 1.5f, y1 + dy * 1.5f,
               bx - nx * (head * 0.75f + 1), by - ny * (head * 0.75f + 1), edge);
  gfx_line(&u->g, x0, y0, bx, by, w, body);
  gfx_triangle(&u->g, bx + nx * head * 0.75f, by + ny * head * 0.75f, x1, y1, bx - nx * head * 0.75f, by - ny * head * 0.75f, body);
}

static void front_line(fl_Ui *u) {
  const fl_State *s = u->st;
  float w = (float)PX(5);
  for (int a = 0; a < u->geo.narea && a < s->narea; a++) {
    int oa = s->areas[a].owner;
    if (oa < 0) continue;
    const map_Shape *sh = &u->geo.area[a];
    for (int r = sh->r0; r < sh->r0 + sh->nr; r++) {
      int r0 = u->geo.ring0[r], n = u->geo.ringn[r];
      for (int i = 0; i < n; i++) {
        int b = u->geo.nb[r0 + i];
        if (b < 0 || b >= s->narea || s->areas[b].owner < 0 || !fl_def_enemies(u->def, oa, s->areas[b].owner)) continue;
        int v0 = r0 + i, v1 = r0 + (i + 1) % n;
        float x0 = ui_map_sx(u, u->geo.xy[2 * v0]), y0 = ui_map_sy(u, u->geo.xy[2 * v0 + 1]);
        float x1 = ui_map_sx(u, u->geo.xy[2 * v1]), y1 = ui_map_sy(u, u->geo.xy[2 * v1 + 1]);
        gfx_line(&u->g, x0, y0, x1, y1, w + 3, (SDL_Color){20, 16, 14, 230});
        gfx_line(&u->g, x0, y0, x1, y1, w, (SDL_Color){214, 48, 39, 255});
        gfx_disc(&u->g, x0, y0, w / 2, (SDL_Color){214, 48, 39, 255});
      }
    }
  }
}

void ui_draw_marks(fl_Ui *u) {
  const fl_State *s = u->st;
  if (!s || !u->geo_ok || !(u->layers & FL_UI_MARKS)) return;
  gfx_Ctx *g = &u->g;
  int lh = gfx_font_h(g, FONT_LABEL_B);
  for (int i = 0; i < s->nannot; i++) {
    const fl_Annot *an = &s->annots[i];
    if (an->kind != FL_ANNOT_HIGHLIGHT || !ui_sees(u, an->seen) || an->a < 0 || an->a >= u->geo.narea) continue;
    SDL_Color c = style_color(an->style);
    tint_area(u, an->a, gfx_alpha(c, 50));
    ui_map_outline(u, an->a, g->s > 1.5f ? 5 : 3, c);
    if (an->label && *an->label) {
      float x, y;
      ui_area_pt(u, an->a, &x, &y);
      gfx_draw_halo(g, FONT_LABEL_B, an->label, (int)x, (int)(y - 2.3f * lh), c, (SDL_Color){10, 12, 16, 230}, 1);
    }
  }
  if (s->front) front_line(u);
  for (int i = 0; i < s->nannot; i++) {
    const fl_Annot *an = &s->annots[i];
    if (an->kind != FL_ANNOT_ARROW || !ui_sees(u, an->seen) || an->a < 0 || an->b < 0 || an->a >= u->geo.narea ||
        an->b >= u->geo.narea)
      continue;
    float x0, y0, x1, y1;
    ui_area_pt(u, an->a, &x0, &y0);
    ui_area_pt(u, an->b, &x1, &y1);
    SDL_Color body = an->side >= 0 ? ui_side_color(u, an->side) : style_color(an->style);
    SDL_Color edge = an->style ? style_color(an->style) : (SDL_Color){12, 14, 18, 235};
    /* from beside the first area's name to just short of the second's */
    float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy), cut = (float)PX(16);
    if (len > 3 * cut) { x0 += dx / len * cut; y0 += dy / len * cut; x1 -= dx / len * cut * 0.6f; y1 -= dy / len * cut * 0.6f; }
    arrow(u, x0, y0, x1, y1, (float)PX(7), gfx_alpha(body, 235), edge);
    if (an->label && *an->label)
      gfx_draw_halo(g, FONT_LABEL_B, an->label, (int)((x0 + x1) / 2), (int)((y0 + y1) / 2 + 0.7f * lh), COL_TEXT,
                    (SDL_Color){10, 12, 16, 230}, 1);
  }
}

/* ---- the hand-over screen ------------------------------------------------------------ */

void ui_draw_handover(fl_Ui *u) {
  gfx_Ctx *g = &u->g;
  if (u->handover < 0 || !u->def) return;
  gfx_vgradient(g, (SDL_Rect){0, 0, u->W, u->H}, (SDL_Color){24, 30, 40, 255}, (SDL_Color){10, 12, 16, 255});
  SDL_Color sc = ui_side_color(u, u->handover);
  char head[256];
  snprintf(head, sizeof head, FL_TR("Pass to %s"), u->def->sides[u->handover].name);
  int cy = u->H / 2 - PX(60);
  gfx_disc(g, (float)u->W / 2, (float)(cy - PX(40)), (float)PX(18), sc);
  gfx_draw_text(g, FONT_TITLE, head, u->W / 2, cy, COL_TEXT, 1);
  cy += gfx_font_h(g, FONT_TITLE) + PX(14);
  gfx_draw_text(g, FONT_BODY, FL_TR("The board is hidden so the other side's secrets stay secret."), u->W / 2, cy, COL_MUTED, 1);
  cy += gfx_font_h(g, FONT_BODY) + PX(8);
  gfx_draw_text(g, FONT_BOLD, FL_TR("Press Enter when ready"), u->W / 2, cy, COL_ACCENT, 1);
}

/* ---- choosing targets ---------------------------------------------------------------- */

static const fl_OptionDef *pick_def(const fl_Ui *u) {
  int side, card = u->pick_opt >= 0 && fl_game_status(u->game) == FL_GAME_WAITING ? fl_game_pending(u->game, &side) : -1;
  return card >= 0 && u->pick_opt < u->def->cards[card].noptions ? &u->def->cards[card].options[u->pick_opt] : NULL;
}

static int pick_max(const fl_OptionDef *op) { return op->target == FL_TGT_MOVE ? 2 : op->tmax > 0 ? op->tmax : 1; }
static int pick_min(const fl_OptionDef *op) { return op->target == FL_TGT_MOVE ? 2 : op->tmin > 0 ? op->tmin : 1; }
/* Whether the targets now being chosen are areas (else pieces). */
static int picking_areas(const fl_Ui *u, const fl_OptionDef *op) {
  return op->target == FL_TGT_AREA || (op->target == FL_TGT_MOVE && u->pick.ntg == 1);
}

static int chosen(const fl_Ui *u, int32_t t) {
  for (int i = 0; i < u->pick.ntg; i++)
    if (u->pick.tg[i] == t) return 1;
  return 0;
}

static int legal_index(const fl_Ui *u, int32_t t) {
  for (int i = 0; i < u->nlegal; i++)
    if (u->legal[i] == t) return i;
  return -1;
}

/* The one-target choice that tests target t (for a move's destination: piece and t). */
static fl_Choice trial(const fl_Ui *u, const fl_OptionDef *op, int32_t t) {
  fl_Choice ch = {u->pick_opt, 1, {t}};
  if (op->target == FL_TGT_MOVE && u->pick.ntg == 1) ch = (fl_Choice){u->pick_opt, 2, {u->pick.tg[0], t}};
  return ch;
}

/* What confirming would order with target t: the targets chosen so far and t (t already
 * chosen: those alone). The rules may serve fewer than are named (engineers, money run out):
 * a card's preview of the whole order says which, before the student confirms it. */
static fl_Choice with_chosen(const fl_Ui *u, const fl_OptionDef *op, int32_t t) {
  if (op->target == FL_TGT_MOVE || u->pick.ntg == 0) return trial(u, op, t);
  fl_Choice ch = u->pick;
  if (!chosen(u, t) && ch.ntg < FL_MAX_TARGETS) ch.tg[ch.ntg++] = t;
  return ch;
}

/* Fill legal[] with what may be chosen next and mark each as possible or not. */
static int load_legal(fl_Ui *u) {
  const fl_OptionDef *op = pick_def(u);
  if (!op) return -1;
  int cap = fl_map_area_count(u->def->map) + u->st->npiece + 1;
  if (cap > u->caplegal) {
    int32_t *l = realloc(u->legal, sizeof *l * (size_t)cap);
    if (l) u->legal = l;
    unsigned char *ok = l ? realloc(u->legal_ok, (size_t)cap) : NULL;
    if (ok) u->legal_ok = ok;
    if (!l || !ok) return -1;
    u->caplegal = cap;
  }
  int32_t piece = op->target == FL_TGT_MOVE && u->pick.ntg == 1 ? u->pick.tg[0] : -1;
  int n = fl_game_targets(u->game, u->pick_opt, piece, u->legal, cap);
  if (n < 0) return -1;
  u->nlegal = n;
  for (int i = 0; i < n; i++) {
    /* a single choice can be checked whole; several are checked when complete */
    int whole = op->target == FL_TGT_MOVE ? piece >= 0 : pick_max(op) == 1;
    fl_Choice ch = trial(u, op, u->legal[i]);
    u->legal_ok[i] = !whole || !fl_game_check(u->game, &ch);
  }
  u->reach_pi = -1;
  if (piece >= 0) {
    int pi = fl_state_find_piece(u->st, piece);
    if (pi >= 0 && fl_move_reach(&u->reach, u->def, u->st, pi) >= 0) u->reach_pi = pi;
  }
  u->pick_cur = -1;
  u->move_to = -1;
  u->gen++;
  return n;
}

void ui_pick_cancel(fl_Ui *u) {
  if (u->pick_opt < 0) return;
  u->pick_opt = -1;
  u->pick.ntg = 0;
  u->nlegal = 0;
  u->move_to = -1;
  u->reach_pi = -1;
  u->drag_piece = -1;
  u->gen++;
}

int ui_pick_start(fl_Ui *u, int opt) {
  u->pick_opt = opt;
  u->pick = (fl_Choice){opt, 0, {0}};
  int n = load_legal(u);
  if (n <= 0) {
    ui_pick_cancel(u);
    snprintf(u->toast, sizeof u->toast, "%s", n < 0 ? FL_TR("Could not list the targets") : FL_TR("Nothing can be chosen for this now"));
    u->toast_until = SDL_GetTicks() + 2600;
    return -1;
  }
  u->opt_sel = opt;
  return 0;
}

void ui_pick_ask(const fl_Ui *u, char *buf, size_t n) {
  buf[0] = 0;
  const fl_OptionDef *op = pick_def(u);
  if (!op) return;
  if (op->target == FL_TGT_MOVE) {
    if (u->pick.ntg == 0) snprintf(buf, n, "%s", FL_TR("Choose a piece to move"));
    else {
      char pn[96];
      piece_name(u, u->pick.tg[0], pn, sizeof pn);
      /* TRANSLATORS: a move waits for its confirmation: the piece, then the destination area */
      if (u->move_to >= 0) snprintf(buf, n, FL_TR("Move %s to %s? Enter or click it again"), pn, area_name(u, u->move_to));
      else snprintf(buf, n, FL_TR("Move %s: choose where"), pn);
    }
    return;
  }
  const char *what = op->target == FL_TGT_AREA ? FL_TR("an area") : FL_TR("a piece");
  int hi = pick_max(op), k = u->pick.ntg;
  if (hi == 1) snprintf(buf, n, FL_TR("Choose %s"), what);
  else if (k == 0) snprintf(buf, n, FL_TR("Choose %s (up to %d)"), op->target == FL_TGT_AREA ? FL_TR("areas") : FL_TR("pieces"), hi);
  /* TRANSLATORS: how many targets are chosen so far, and the most the option takes */
  else snprintf(buf, n, FL_NTR("%d chosen (up to %d)", "%d chosen (up to %d)", k), k, hi);
}

static void commit(fl_Ui *u) {
  fl_Choice ch = u->pick;
  ui_pick_cancel(u);
  ui_act(u, &ch);
}

/* Choose (or, if chosen already, drop) target t; a complete choice is made at once. */
static void choose(fl_Ui *u, int32_t t) {
  const fl_OptionDef *op = pick_def(u);
  if (!op) return;
  int li = legal_index(u, t);
  if (li < 0) return;
  if (!u->legal_ok[li]) {
    fl_Choice ch = trial(u, op, t);
    const char *why = fl_game_check(u->game, &ch);
    snprintf(u->toast, sizeof u->toast, FL_TR("Not possible: %s"), why ? why : FL_TR("not a legal target"));
    u->toast_until = SDL_GetTicks() + 2600;
    return;
  }
  if (op->target != FL_TGT_MOVE && chosen(u, t)) { /* a second click takes it back */
    int k = 0;
    for (int i = 0; i < u->pick.ntg; i++)
      if (u->pick.tg[i] != t) u->pick.tg[k++] = u->pick.tg[i];
    u->pick.ntg = k;
    u->gen++;
    return;
  }
  if (op->target == FL_TGT_MOVE && u->pick.ntg == 1 && u->move_to != t) { /* a move by click waits for a second click or Enter */
    u->move_to = t;
    u->gen++;
    return;
  }
  if (u->pick.ntg >= FL_MAX_TARGETS) return;
  u->pick.tg[u->pick.ntg++] = t;
  u->gen++;
  if (u->pick.ntg >= pick_max(op)) { commit(u); return; }
  if (op->target == FL_TGT_MOVE) load_legal(u); /* the piece is chosen: now its destinations */
}

/* Confirm a choice of several targets with at least the minimum chosen. */
static int confirm(fl_Ui *u) {
  const fl_OptionDef *op = pick_def(u);
  if (op && op->target == FL_TGT_MOVE && u->pick.ntg == 1 && u->move_to >= 0) { choose(u, u->move_to); return 1; }
  if (!op || op->target == FL_TGT_MOVE) return 0;
  if (u->pick.ntg < pick_min(op)) {
    snprintf(u->toast, sizeof u->toast, FL_TR("Choose at least %d"), pick_min(op));
    u->toast_until = SDL_GetTicks() + 2000;
    return 1;
  }
  const char *why = fl_game_check(u->game, &u->pick);
  if (why) {
    snprintf(u->toast, sizeof u->toast, FL_TR("Not possible: %s"), why);
    u->toast_until = SDL_GetTicks() + 2600;
    return 1;
  }
  commit(u);
  return 1;
}

/* Pan the map so a target the keyboard reached is on screen. */
static void reveal(fl_Ui *u, int32_t t, int areas) {
  int a = areas ? t : -1;
  if (!areas) {
    int pi = fl_state_find_piece(u->st, t);
    a = pi >= 0 ? u->st->pieces[pi].area : -1;
  }
  if (a < 0 || a >= u->geo.narea) return;
  float x, y;
  ui_area_pt(u, a, &x, &y);
  SDL_Rect m = u->mapr;
  if (x < m.x + 30 || y < m.y + 30 || x > m.x + m.w - 30 || y > m.y + m.h - 30) {
    u->cx += (x - (m.x + m.w / 2.0)) / u->zoom;
    u->cy += (y - (m.y + m.h / 2.0)) / u->zoom;
    u->fitted = 0;
  }
}

int ui_pick_key(fl_Ui *u, SDL_Keycode c, int shift) {
  const fl_OptionDef *op = pick_def(u);
  if (!op) { ui_pick_cancel(u); return 0; }
  switch (c) {
  case SDLK_ESCAPE:
    if (op->target == FL_TGT_MOVE && u->pick.ntg == 1 && u->move_to >= 0) { u->move_to = -1; u->gen++; } /* back to the destinations */
    else if (op->target == FL_TGT_MOVE && u->pick.ntg == 1) { u->pick.ntg = 0; load_legal(u); } /* back to the pieces */
    else { ui_pick_cancel(u); u->opt_sel = -1; }
    return 1;
  case SDLK_TAB: case SDLK_RIGHT: case SDLK_DOWN: case SDLK_LEFT: case SDLK_UP: {
    if (!u->nlegal) return 1;
    int d = c == SDLK_LEFT || c == SDLK_UP || (c == SDLK_TAB && shift) ? -1 : 1;
    u->pick_cur = u->pick_cur < 0 ? (d > 0 ? 0 : u->nlegal - 1) : (u->pick_cur + d + u->nlegal) % u->nlegal;
    reveal(u, u->legal[u->pick_cur], picking_areas(u, op));
    u->gen++;
    return 1;
  }
  case SDLK_RETURN: case SDLK_KP_ENTER: case SDLK_SPACE:
    if (u->pick_cur >= 0 && u->pick_cur < u->nlegal && !(chosen(u, u->legal[u->pick_cur]) && u->pick.ntg >= pick_min(op))) {
      int was = u->pick.ntg;
      choose(u, u->legal[u->pick_cur]);
      if (u->pick_opt >= 0 && op->target == FL_TGT_MOVE && u->pick.ntg == 1 && was == 0) u->pick_cur = -1;
    } else confirm(u);
    return 1;
  default: return 0;
  }
}

/* The target under a pixel: an area index when areas are being chosen, else a piece id. */
static int want_legal(fl_Ui *u, int32_t id) { return legal_index(u, id) >= 0 && !chosen(u, id); }
static int want_any(fl_Ui *u, int32_t id) { (void)u; (void)id; return 1; }

int32_t ui_piece_hit(fl_Ui *u, int x, int y, int (*want)(fl_Ui *, int32_t)) {
  const fl_State *s = u->st;
  for (int b = u->npbox - 1; b >= 0; b--) {
    const ui_PBox *pb = &u->pbox[b];
    if (x < pb->r.x || y < pb->r.y || x >= pb->r.x + pb->r.w || y >= pb->r.y + pb->r.h) continue;
    int32_t any = -1;
    for (int i = 0; i < s->npiece; i++) {
      const fl_Piece *p = &s->pieces[i];
      if (p->area != pb->area || p->side != pb->side || p->type != pb->type || !ui_sees(u, p->seen)) continue;
      if (want(u, p->id)) return p->id;
      if (any < 0) any = p->id;
    }
    return want == want_any ? any : -1;
  }
  return -1;
}

static int32_t target_at(fl_Ui *u, int x, int y) {
  const fl_OptionDef *op = pick_def(u);
  if (!op) return -1;
  if (picking_areas(u, op)) return ui_map_pick(u, x, y);
  int32_t id = ui_piece_hit(u, x, y, want_legal);
  if (id < 0) id = ui_piece_hit(u, x, y, want_any);
  return id;
}

/* The pending card's move option that may move this piece now, or -1. */
static int move_option_for(fl_Ui *u, int32_t id) {
  int side, card = fl_game_status(u->game) == FL_GAME_WAITING ? fl_game_pending(u->game, &side) : -1;
  if (card < 0 || !UI_HUMAN(u, side) || u->await_end_turn) return -1;
  const fl_CardDef *c = &u->def->cards[card];
  int32_t buf[256];
  for (int o = 0; o < c->noptions; o++) {
    if (c->options[o].target != FL_TGT_MOVE || !fl_game_available(u->game, o)) continue;
    int n = fl_game_targets(u->game, o, -1, buf, 256);
    for (int i = 0; i < n; i++)
      if (buf[i] == id) return o;
  }
  return -1;
}

static int32_t movable_at(fl_Ui *u, int x, int y) {
  int32_t id = ui_piece_hit(u, x, y, want_any);
  return id >= 0 && move_option_for(u, id) >= 0 ? id : -1;
}

int ui_pick_press(fl_Ui *u, int x, int y) {
  /* pressing on a piece that can move starts a move (the press may become a drag) */
  const fl_OptionDef *op = pick_def(u);
  int32_t id = -1;
  if (op && op->target == FL_TGT_MOVE && u->pick.ntg == 0) {
    id = ui_piece_hit(u, x, y, want_legal);
  } else if (op && op->target == FL_TGT_MOVE && u->pick.ntg == 1) {
    id = ui_piece_hit(u, x, y, want_any);
    if (id != u->pick.tg[0]) id = -1;
  } else if (!op) {
    id = movable_at(u, x, y);
  }
  if (id < 0) return 0;
  if (!op || op->target != FL_TGT_MOVE || u->pick.ntg == 0) {
    int o = op ? u->pick_opt : move_option_for(u, id);
    if (!op && ui_pick_start(u, o)) return 0;
    choose(u, id);
  }
  u->drag_piece = id;
  return 1;
}

int ui_pick_release(fl_Ui *u, int x, int y, int dragged) {
  const fl_OptionDef *op = pick_def(u);
  int32_t drag = u->drag_piece;
  u->drag_piece = -1;
  if (!op) return 0;
  if (drag >= 0) {
    if (!dragged) return 1; /* a click on the piece: it stays chosen, the destinations are lit */
    int a = ui_map_pick(u, x, y), li = a >= 0 ? legal_index(u, a) : -1;
    if (li >= 0) { choose(u, a); if (u->move_to == a) choose(u, a); } /* a drop is deliberate: it moves at once */
    u->gen++;
    return 1;
  }
  if (dragged) return 0;
  int32_t t = target_at(u, x, y);
  if (t >= 0 && legal_index(u, t) >= 0) choose(u, t);
  else if (picking_areas(u, op) && t >= 0) {
    snprintf(u->toast, sizeof u->toast, FL_TR("%s is not a target for this"), area_name(u, t));
    u->toast_until = SDL_GetTicks() + 2000;
  }
  return 1;
}

/* Light the targets of the pending card's option id, as the window does when it is chosen. */
int ui_pick_named(fl_Ui *u, const char *id, char *err, size_t n) {
  int side, card = fl_game_status(u->game) == FL_GAME_WAITING ? fl_game_pending(u->game, &side) : -1;
  const fl_CardDef *c = card >= 0 ? &u->def->cards[card] : NULL;
  for (int o = 0; c && o < c->noptions; o++)
    if (!strcmp(c->options[o].id, id)) {
      if (c->options[o].target == FL_TGT_NONE) break;
      if (side >= 0 && side < 64) u->humans |= (uint64_t)1 << side; /* the card asks the deciding side */
      if (ui_pick_start(u, o) == 0) return 0;
      snprintf(err, n, "--pick: option '%s' has no legal target now", id);
      return -2;
    }
  snprintf(err, n, "--pick: the pending decision%s%s has no option '%s' that takes targets", c ? " " : "", c ? c->id : "", id);
  return -2;
}

/* ---- drawing the choice ---------------------------------------------------------------- */

static void ring_piece(fl_Ui *u, int32_t id, SDL_Color c, int w) {
  int pi = fl_state_find_piece(u->st, id);
  if (pi < 0) return;
  const fl_Piece *p = &u->st->pieces[pi];
  for (int b = 0; b < u->npbox; b++) {
    const ui_PBox *pb = &u->pbox[b];
    if (pb->area != p->area || pb->side != p->side || pb->type != p->type) continue;
    for (int k = 0; k < w; k++) {
      SDL_Rect r = {(int)pb->r.x - 3 - k, (int)pb->r.y - 3 - k, (int)pb->r.w + 6 + 2 * k, (int)pb->r.h + 6 + 2 * k};
      gfx_frame(&u->g, r, c, 1);
    }
  }
}

/* The hover card: what choosing this target would do. */
static void target_card(fl_Ui *u, const fl_OptionDef *op, int32_t t, int li) {
  gfx_Ctx *g = &u->g;
  char lines[7][512];
  int n = 0, bad = -1; /* bad: the line that says why it cannot be chosen */
  int areas = picking_areas(u, op);
  if (areas) snprintf(lines[n++], 512, "%s", area_name(u, t));
  else {
    piece_name(u, t, lines[n++], 512);
    piece_props(u, t, lines[n], 512);
    if (lines[n][0]) n++;
  }
  if (li < 0) {
    bad = n;
    snprintf(lines[n++], 512, FL_TR("Not a target for \xE2\x80\x9C%s\xE2\x80\x9D"), op->label);
  } else {
    fl_Choice ch = u->legal_ok[li] ? with_chosen(u, op, t) : trial(u, op, t);
    if (ch.ntg > 1 && op->target != FL_TGT_MOVE)
      /* TRANSLATORS: over a target's cost and preview while several are chosen: what confirming would order */
      snprintf(lines[n++], 512, FL_NTR("With the %d chosen before it:", "With the %d chosen before it:", u->pick.ntg - chosen(u, t)),
               u->pick.ntg - chosen(u, t));
    if (op->target == FL_TGT_MOVE && u->pick.ntg == 1 && u->reach_pi >= 0) {
      snprintf(lines[n++], 512, FL_NTR("Costs %g movement point (%g left)", "Costs %g movement points (%g left)", (long)u->reach.cost[t]), u->reach.cost[t], fl_move_left(u->def, u->st, u->reach_pi));
    } else {
      fl_Cost cs[16];
      int nc = fl_game_costs(u->game, &ch, cs, 16);
      size_t len = 0;
      lines[n][0] = 0;
      for (int k = 0; k < nc && len < 500; k++)
        {
          const fl_TrackDef *tr = &u->def->tracks[cs[k].track];
          char q[96];
          fl_fmt_qty(fabs(cs[k].amount), tr->unit, tr->unit_one, q, sizeof q);
          len += (size_t)snprintf(lines[n] + len, 512 - len, "%s%s%s (%s)", len ? ", " : FL_TR("Cost: "), cs[k].amount < 0 ? "+" : "", q, ui_track_label(tr));
        }
      if (len) n++;
    }
    char *pv = op->fn_preview ? fl_game_preview(u->game, &ch) : NULL;
    if (pv && *pv) snprintf(lines[n++], 512, "%s", pv);
    free(pv);
    if (!u->legal_ok[li]) {
      const char *why = fl_game_check(u->game, &ch);
      bad = n;
      snprintf(lines[n++], 512, FL_TR("Not possible: %s"), why ? why : "?");
    } else if (chosen(u, t)) snprintf(lines[n++], 512, "%s", FL_TR("Chosen (click again to drop it)"));
  }
  int pad = PX(10), maxw = PX(300), w = gfx_text_w(g, FONT_BOLD, lines[0]), h = gfx_font_h(g, FONT_BOLD) + PX(4);
  int hs[7];
  for (int i = 1; i < n; i++) {
    const gfx_Text *tx = gfx_text(g, FONT_SMALL, lines[i], maxw);
    hs[i] = tx ? tx->h : 0;
    if (tx && tx->w > w) w = tx->w;
    h += hs[i] + PX(2);
  }
  int ax = u->mx, ay = u->my;
  if (u->pick_cur >= 0 || !u->mouse_in) { /* the keyboard's cursor: beside the target */
    int a = areas ? t : -1;
    if (!areas) { int pi = fl_state_find_piece(u->st, t); a = pi >= 0 ? u->st->pieces[pi].area : -1; }
    if (a >= 0 && a < u->geo.narea) {
      float x, y;
      ui_area_pt(u, a, &x, &y);
      ax = (int)x;
      ay = (int)y;
    }
  }
  SDL_Rect r = {ax + PX(18), ay + PX(18), w + 2 * pad, h + 2 * pad};
  if (r.x + r.w > u->mapr.x + u->mapr.w) r.x = ax - r.w - PX(12);
  if (r.y + r.h > u->mapr.y + u->mapr.h) r.y = ay - r.h - PX(12);
  if (r.x < u->mapr.x) r.x = u->mapr.x;
  if (r.y < u->mapr.y) r.y = u->mapr.y;
  gfx_shadow(g, r, PX(6));
  gfx_round(g, r, PX(6), (SDL_Color){28, 34, 43, 245});
  gfx_round_frame(g, r, PX(6), li >= 0 && u->legal_ok[li] ? COL_ACCENT : COL_LINE, 1);
  int y = r.y + pad;
  gfx_draw_text(g, FONT_BOLD, lines[0], r.x + pad, y, COL_TEXT, 0);
  y += gfx_font_h(g, FONT_BOLD) + PX(4);
  for (int i = 1; i < n; i++) {
    gfx_draw_wrapped(g, FONT_SMALL, lines[i], r.x + pad, y, maxw, i == bad ? COL_BAD : i == 1 ? COL_TEXT : COL_MUTED);
    y += hs[i] + PX(2);
  }
}

/* A banner over the map: what is asked, and the keys (ui_banner.c places it). */
void ui_draw_pick_banner(fl_Ui *u) {
  const fl_OptionDef *op = pick_def(u);
  if (!op) return;
  char ask[256], line[512];
  ui_pick_ask(u, ask, sizeof ask);
  int again = (op->target != FL_TGT_MOVE && pick_max(op) > 1) || (op->target == FL_TGT_MOVE && u->pick.ntg == 1);
  char cur[160] = "";
  if (u->pick_cur >= 0 && u->pick_cur < u->nlegal) { /* where Tab has got to, so each press shows */
    char nm[96];
    int32_t t = u->legal[u->pick_cur];
    if (picking_areas(u, op)) snprintf(nm, sizeof nm, "%s", area_name(u, t));
    else piece_name(u, t, nm, sizeof nm);
    /* TRANSLATORS: the keyboard's place among the lit targets: its number, how many, its name */
    snprintf(cur, sizeof cur, FL_TR(" (%d of %d: %s)"), u->pick_cur + 1, u->nlegal, nm);
  }
  snprintf(line, sizeof line, FL_TR("%s: %s  \xC2\xB7  Tab/arrows cycle%s, Enter %s, Esc cancels"), op->label, ask, cur,
           again ? FL_TR("chooses (again: confirm)") : FL_TR("chooses"));
  /* several chosen: what confirming would order now, in the option's own preview (it may
   * serve fewer than are named, and say which are left out) */
  char *pv = op->fn_preview && op->target != FL_TGT_MOVE && u->pick.ntg > 0 ? fl_game_preview(u->game, &u->pick) : NULL;
  ui_banner_draw(u, line, pv, picking_areas(u, op));
  free(pv);
}

void ui_draw_pick(fl_Ui *u) {
  const fl_OptionDef *op = pick_def(u);
  if (!op) { if (u->pick_opt >= 0) ui_pick_cancel(u); return; }
  gfx_Ctx *g = &u->g;
  int areas = picking_areas(u, op), bw = g->s > 1.5f ? 4 : 2;
  SDL_Color lit = {255, 255, 255, 255}, no = {120, 120, 120, 220}, pick = COL_ACCENT, hot = {255, 214, 102, 255};
  /* the lit targets: reachable areas shaded, others tinted and outlined; pieces ringed */
  for (int i = 0; i < u->nlegal; i++) {
    int32_t t = u->legal[i];
    SDL_Color c = u->legal_ok[i] ? lit : no;
    if (areas) {
      tint_area(u, t, chosen(u, t) ? gfx_alpha(pick, 120) : gfx_alpha(c, u->legal_ok[i] ? 70 : 40));
      ui_map_outline(u, t, bw + 1, gfx_alpha(c, 230));
    } else {
      ring_piece(u, t, chosen(u, t) ? pick : c, bw + 1);
    }
  }
  /* a lit area whose name found no room on the map (a small area zoomed out) is named here */
  for (int i = 0; areas && (u->layers & FL_UI_LABELS) && u->labr_key == u->layer_key && i < u->nlegal; i++) {
    int32_t t = u->legal[i];
    if (t < 0 || t >= u->geo.narea || t >= 1024 || u->area_labr[t].w > 0) continue;
    float x, y;
    ui_area_pt(u, t, &x, &y);
    gfx_draw_halo(g, FONT_LABEL, area_name(u, t), (int)x, (int)y - gfx_font_h(g, FONT_LABEL), COL_TEXT, (SDL_Color){12, 14, 16, 215}, 1);
  }
  for (int i = 0; i < u->pick.ntg; i++) {
    if (op->target == FL_TGT_MOVE && i == 0) ring_piece(u, u->pick.tg[0], pick, bw + 2);
    else if (areas) ui_map_outline(u, u->pick.tg[i], bw + 2, pick);
  }
  /* the target under the mouse or the keyboard's cursor */
  int32_t t = -1;
  if (u->pick_cur >= 0 && u->pick_cur < u->nlegal) t = u->legal[u->pick_cur];
  else if (u->mouse_in && SDL_PointInRect(&(SDL_Point){u->mx, u->my}, &u->mapr)) t = target_at(u, u->mx, u->my);
  if (op->target == FL_TGT_MOVE && u->move_to >= 0) {
    ui_map_outline(u, u->move_to, bw + 3, pick);
    if (t < 0) t = u->move_to; /* its path stays drawn while it waits */
  }
  int li = t >= 0 ? legal_index(u, t) : -1;
  if (t >= 0 && areas) ui_map_outline(u, t, bw + 3, hot);
  else if (t >= 0) ring_piece(u, t, hot, bw + 2);
  /* a move: the cheapest path to the destination under the mouse (or the drag) */
  if (op->target == FL_TGT_MOVE && u->pick.ntg == 1 && u->reach_pi >= 0 && t >= 0 && li >= 0) {
    int path[256], np = fl_move_path(&u->reach, t, path, 256);
    for (int k = 0; k + 1 < np; k++) {
      float x0, y0, x1, y1;
      ui_area_pt(u, path[k], &x0, &y0);
      ui_area_pt(u, path[k + 1], &x1, &y1);
      if (k + 2 == np) arrow(u, x0, y0, x1, y1, (float)PX(5), pick, (SDL_Color){12, 14, 18, 235});
      else {
        gfx_line(g, x0, y0, x1, y1, (float)PX(5) + 2, (SDL_Color){12, 14, 18, 235});
        gfx_line(g, x0, y0, x1, y1, (float)PX(5), pick);
      }
      gfx_disc(g, x0, y0, (float)PX(4), pick);
    }
  }
  if (u->drag_piece >= 0 && u->dragging && u->drag_moved) { /* the dragged counter follows the mouse */
    int pi = fl_state_find_piece(u->st, u->drag_piece);
    if (pi >= 0) {
      float cw = (float)PX(38);
      ui_counter(u, u->mx - cw / 2, u->my - cw * 0.35f, cw, cw * 0.7f, u->st->pieces[pi].side, u->st->pieces[pi].type, 1);
    }
  }
  if (t >= 0 && !(u->drag_piece >= 0 && !areas)) target_card(u, op, t, li);
}

void ui_board_free(fl_Ui *u) {
  free(u->legal);
  free(u->legal_ok);
  free(u->pbox);
  fl_reach_free(&u->reach);
  u->legal = NULL;
  u->legal_ok = NULL;
  u->pbox = NULL;
  u->caplegal = u->cappbox = u->npbox = u->nlegal = 0;
}
