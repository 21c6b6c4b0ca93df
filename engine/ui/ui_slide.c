/* ui_slide: a move slides along its path on the map (the last move the seated side may see),
 * a step every 250 ms, so a student sees where a piece went and which way; not in
 * screenshots or at maximum demo speed, where only the result matters. */
#include "ui_int.h"
#include <stdlib.h>
#include <string.h>

#define PX(v) gfx_px(&u->g, (v))

enum { ANIM_STEP_MS = 250 };

void ui_anim_start(fl_Ui *u, int pi, const int *path, int n) {
  if (n < 2 || pi < 0) return;
  if (n > (int)(sizeof u->anim_path / sizeof u->anim_path[0])) n = (int)(sizeof u->anim_path / sizeof u->anim_path[0]);
  memcpy(u->anim_path, path, sizeof(int) * (size_t)n);
  u->anim_n = n;
  u->anim_pi = pi;
  u->anim_t0 = SDL_GetTicks();
}

int ui_anim_pos(fl_Ui *u, int pi, float *x, float *y) {
  if (u->anim_n < 2 || pi != u->anim_pi || !u->geo_ok) return 0;
  float t = (float)(SDL_GetTicks() - u->anim_t0) / ANIM_STEP_MS;
  if (t >= u->anim_n - 1) return 0;
  int k = (int)t;
  float f = t - k, x0, y0, x1, y1;
  ui_area_pt(u, u->anim_path[k], &x0, &y0);
  ui_area_pt(u, u->anim_path[k + 1], &x1, &y1);
  float lh = (float)gfx_font_h(&u->g, FONT_LABEL_B) * 0.2f + (float)PX(6);
  *x = x0 + (x1 - x0) * f;
  *y = y0 + (y1 - y0) * f + lh;
  return 1;
}

int ui_anim_wait(fl_Ui *u) {
  if (u->anim_n < 2) return -1;
  if (SDL_GetTicks() - u->anim_t0 >= (Uint32)(ANIM_STEP_MS * (u->anim_n - 1))) { u->anim_n = 0; return 0; }
  return 16;
}

/* The last move among log entries from first on slides along its path (not in screenshots
 * or at maximum demo speed, where only the result matters). */
void ui_slide_new(fl_Ui *u, int first) {
  if (u->opts.screenshot || (u->opts.demo && u->opts.speed <= 0)) return;
  const fl_State *s = u->st;
  for (int i = s->nlog - 1; i >= first && i >= 0; i--) {
    const fl_LogEntry *e = &s->log[i];
    if (e->kind != FL_LOG_ACTION || e->ntg < 3 || !ui_sees(u, e->seen)) continue;
    if (u->def->cards[e->a].options[e->b].target != FL_TGT_MOVE) continue;
    int pi = fl_state_find_piece(s, e->tg[0]);
    if (pi < 0 || s->pieces[pi].area != e->tg[1] || !ui_sees(u, s->pieces[pi].seen)) return;
    /* the cheapest path from where it was, on a copy of the pieces with it put back */
    fl_State tmp = *s;
    tmp.pieces = malloc(sizeof *tmp.pieces * (size_t)(s->npiece ? s->npiece : 1));
    if (!tmp.pieces) return;
    memcpy(tmp.pieces, s->pieces, sizeof *tmp.pieces * (size_t)s->npiece);
    tmp.pieces[pi].area = e->tg[2];
    tmp.pieces[pi].mp_used = 0;
    int path[64], np = 0;
    if (fl_move_reach(&u->reach, u->def, &tmp, pi) >= 0) np = fl_move_path(&u->reach, e->tg[1], path, 64);
    free(tmp.pieces);
    u->reach_pi = -1;
    if (np < 2) { path[0] = e->tg[2]; path[1] = e->tg[1]; np = 2; }
    ui_anim_start(u, pi, path, np);
    return;
  }
}

