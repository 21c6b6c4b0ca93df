/* ui_offscreen: the window's drawing without a window — `flank render` (a PNG of the game
 * screen, with SDL's software renderer on a surface; needs no display) and the drawing
 * benchmark (flank render --bench). */
#include "ui_int.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- offscreen --------------------------------------------------------------------- */

typedef struct { SDL_Surface *sf; SDL_Renderer *r; } offscreen;

static int offscreen_open(offscreen *o, fl_Ui *u, fl_Game *g, const fl_UiOpts *opts, char *err, size_t n) {
  int w = opts && opts->width > 0 ? opts->width : 1600, h = opts && opts->height > 0 ? opts->height : 1000;
  o->sf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
  o->r = o->sf ? SDL_CreateSoftwareRenderer(o->sf) : NULL;
  if (!o->r) { snprintf(err, n, "SDL software renderer: %s", SDL_GetError()); if (o->sf) SDL_FreeSurface(o->sf); return -1; }
  memset(u, 0, sizeof *u);
  ui_init(u, o->r, opts);
  u->W = w;
  u->H = h;
  if (gfx_init(&u->g, o->r, ui_scale_for(h, 1.0f), err, n)) { SDL_DestroyRenderer(o->r); SDL_FreeSurface(o->sf); return -1; }
  u->game = g;
  ui_refresh(u);
  u->human = ui_first_playable(u->def);
  u->humans = u->human >= 0 && u->human < 64 ? (uint64_t)1 << u->human : 0;
  u->screen = SCR_GAME;
  u->seen_log = u->st->nlog;
  if (opts && opts->view && (u->viewer = fl_def_side(u->def, opts->view)) < 0) {
    snprintf(err, n, "--view: no side '%s' in %s", opts->view, u->def->id);
    ui_free(u); SDL_DestroyRenderer(o->r); SDL_FreeSurface(o->sf);
    return -2;
  }
  if (opts && opts->view) { /* the top bar and the card speak to that side */
    u->human = u->viewer;
    u->humans = u->viewer < 64 ? (uint64_t)1 << u->viewer : 0;
  }
  return 0;
}

static void offscreen_close(offscreen *o, fl_Ui *u) {
  ui_free(u);
  SDL_DestroyRenderer(o->r);
  SDL_FreeSurface(o->sf);
  TTF_Quit();
  SDL_Quit();
}

static int write_surface(SDL_Surface *sf, const char *path, char *err, size_t n) {
  SDL_Surface *rgb = SDL_ConvertSurfaceFormat(sf, SDL_PIXELFORMAT_RGB24, 0);
  if (!rgb) { snprintf(err, n, "SDL: %s", SDL_GetError()); return -1; }
  int rc = fl_ui_write_png(path, rgb->pixels, rgb->w, rgb->h, rgb->pitch, 3, err, n);
  SDL_FreeSurface(rgb);
  return rc;
}

int fl_ui_render_png(fl_Game *g, const fl_UiOpts *opts, const char *path, char *err, size_t n) {
  fl_Ui *u = calloc(1, sizeof *u);
  offscreen o;
  if (!u) { snprintf(err, n, "out of memory"); return -1; }
  int rc = offscreen_open(&o, u, g, opts, err, n);
  if (rc) { free(u); return rc; }
  if (opts && opts->pick && (rc = ui_pick_named(u, opts->pick, err, n)) != 0) { offscreen_close(&o, u); free(u); return rc; }
  ui_draw_frame(u);
  if (opts && opts->pick) ui_draw_frame(u); /* the second frame knows where the counters are */
  SDL_RenderPresent(o.r);
  rc = write_surface(o.sf, path, err, n);
  offscreen_close(&o, u);
  free(u);
  return rc;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int fl_ui_bench(fl_Game *g, const fl_UiOpts *opts, int frames, char *err, size_t n) {
  double t0 = ui_now_ms();
  fl_Ui *u = calloc(1, sizeof *u);
  offscreen o;
  if (!u) { snprintf(err, n, "out of memory"); return -1; }
  if (offscreen_open(&o, u, g, opts, err, n)) { free(u); return -1; }
  ui_draw_frame(u);
  SDL_RenderPresent(o.r);
  double first = ui_now_ms() - t0;
  if (frames < 3) frames = 3;
  double *full = malloc(sizeof(double) * (size_t)frames), *inter = malloc(sizeof(double) * (size_t)frames);
  if (!full || !inter) { free(full); free(inter); offscreen_close(&o, u); free(u); snprintf(err, n, "out of memory"); return -1; }
  double *all = malloc(sizeof(double) * (size_t)frames);
  for (int i = 0; i < frames && all; i++) {
    /* everything redrawn: map layer, panels, top bar (as after a decision) */
    u->cx += (i & 1 ? 1 : -1) * 1e-3;
    u->gen++;
    double a = ui_now_ms();
    ui_draw_frame(u);
    SDL_RenderPresent(o.r);
    all[i] = ui_now_ms() - a;
  }
  for (int i = 0; i < frames; i++) {
    /* a full map re-render: the static map layer is redrawn (as after a pan or zoom) */
    u->cx += (i & 1 ? 1 : -1) * 1e-3;
    double a = ui_now_ms();
    ui_draw_frame(u);
    SDL_RenderPresent(o.r);
    full[i] = ui_now_ms() - a;
  }
  /* an interactive frame: hover with tooltip over an area with pieces, panels redrawn */
  int area = 0;
  for (int i = 0; i < u->st->npiece; i++) { area = u->st->pieces[i].area; break; }
  const fl_MapArea *ar = fl_map_area(u->geo.m, area);
  u->mx = (int)(u->mapr.x + u->mapr.w / 2.0 + (ar->label[0] * u->geo.k - u->cx) * u->zoom);
  u->my = (int)(u->mapr.y + u->mapr.h / 2.0 + (-ar->label[1] - u->cy) * u->zoom);
  u->mouse_in = 1;
  u->hover = area;
  ui_draw_frame(u);
  for (int i = 0; i < frames; i++) {
    u->mx += i & 1 ? 1 : -1;
    double a = ui_now_ms();
    ui_draw_frame(u);
    SDL_RenderPresent(o.r);
    inter[i] = ui_now_ms() - a;
  }
  qsort(full, (size_t)frames, sizeof *full, cmp_double);
  qsort(inter, (size_t)frames, sizeof *inter, cmp_double);
  printf("size %dx%d (software renderer, offscreen)\n", u->W, u->H);
  printf("first_frame_offscreen_ms %.1f\n", first);
  printf("full_rerender_median_ms %.2f\n", full[frames / 2]);
  printf("interactive_frame_median_ms %.2f\n", inter[frames / 2]);
  if (all) {
    qsort(all, (size_t)frames, sizeof *all, cmp_double);
    printf("everything_redrawn_median_ms %.2f\n", all[frames / 2]);
    free(all);
  }
  free(full);
  free(inter);
  offscreen_close(&o, u);
  free(u);
  return 0;
}

