/* ui_gfx: the theme, fonts found through fontconfig, a cache of rendered text, and
 * filled shapes drawn with SDL_RenderGeometry (so the software renderer draws them too). */
#include "ui_int.h"
#include "fl_cite.h"
#include <fontconfig/fontconfig.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const SDL_Color COL_BG = {16, 20, 26, 255}, COL_PANEL = {24, 29, 37, 255}, COL_CARD = {33, 40, 51, 255},
  COL_CARD_HI = {46, 56, 70, 255}, COL_LINE = {58, 68, 82, 255}, COL_TEXT = {236, 230, 214, 255},
  COL_MUTED = {150, 158, 168, 255}, COL_ACCENT = {216, 180, 90, 255}, COL_SEA = {24, 44, 64, 255},
  COL_SEA_LINE = {33, 56, 78, 255}, COL_BACKDROP = {52, 57, 50, 255}, COL_NEUTRAL = {118, 116, 96, 255},
  COL_GOOD = {86, 180, 233, 255}, COL_BAD = {230, 159, 0, 255}, COL_ERROR = {213, 94, 0, 255},
  COL_SHADOW = {0, 0, 0, 110},
  /* water: playable sea zones a little lighter than the open sea, with wave marks; shallow
   * bands along every coast; a dark blue coastline; italic pale-blue names */
  COL_WATER = {32, 66, 96, 255}, COL_WATER_INK = {92, 138, 172, 150}, COL_SHALLOW = {52, 92, 122, 255},
  COL_SHALLOW2 = {36, 68, 94, 255}, COL_COAST = {14, 30, 44, 255}, COL_WATER_TEXT = {176, 210, 234, 255};

SDL_Color gfx_rgb(uint32_t c) { return (SDL_Color){(Uint8)(c >> 16), (Uint8)(c >> 8), (Uint8)c, 255}; }

SDL_Color gfx_mix(SDL_Color a, SDL_Color b, float t) {
  SDL_Color c = {(Uint8)(a.r + (b.r - a.r) * t), (Uint8)(a.g + (b.g - a.g) * t), (Uint8)(a.b + (b.b - a.b) * t),
                 (Uint8)(a.a + (b.a - a.a) * t)};
  return c;
}

SDL_Color gfx_alpha(SDL_Color c, Uint8 a) { c.a = a; return c; }

static int find_font(const char *pattern, char *out, size_t n) {
  FcPattern *p = FcNameParse((const FcChar8 *)pattern);
  if (!p) return -1;
  FcConfigSubstitute(NULL, p, FcMatchPattern);
  FcDefaultSubstitute(p);
  FcResult res;
  FcPattern *m = FcFontMatch(NULL, p, &res);
  int rc = -1;
  FcChar8 *file = NULL;
  if (m && FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch) {
    snprintf(out, n, "%s", (const char *)file);
    rc = 0;
  }
  if (m) FcPatternDestroy(m);
  FcPatternDestroy(p);
  return rc;
}

/* Point sizes in layout units. */
static const float FONT_PX[FONT_N] = {12.5f, 14.5f, 14.5f, 18.0f, 26.0f, 64.0f, 12.5f, 13.5f, 10.5f, 13.0f};
static const int FONT_BOLD_[FONT_N] = {0, 0, 1, 1, 1, 1, 0, 1, 1, 0};

static void close_fonts(gfx_Ctx *g) {
  for (int i = 0; i < FONT_N; i++) { if (g->font[i]) TTF_CloseFont(g->font[i]); g->font[i] = NULL; }
}

static void text_free(gfx_Text *e) {
  free(e->s);
  if (e->sf) SDL_FreeSurface(e->sf);
  for (int k = 0; k < GFX_TEXT_COLS; k++) if (e->tex[k]) SDL_DestroyTexture(e->tex[k]);
}

static void clear_cache(gfx_Ctx *g) {
  for (int i = 0; i < g->cap; i++)
    if (g->tab[i].s) text_free(&g->tab[i]);
  if (g->tab) memset(g->tab, 0, sizeof *g->tab * (size_t)g->cap);
  g->n = 0;
}

int gfx_set_scale(gfx_Ctx *g, float s) {
  close_fonts(g);
  clear_cache(g);
  g->s = s;
  for (int i = 0; i < FONT_N; i++) {
    g->font[i] = TTF_OpenFont(FONT_BOLD_[i] ? g->bold : g->regular, (int)(FONT_PX[i] * s + 0.5f));
    if (!g->font[i]) return -1;
    TTF_SetFontHinting(g->font[i], TTF_HINTING_LIGHT);
    if (i == FONT_LABEL_I) TTF_SetFontStyle(g->font[i], TTF_STYLE_ITALIC); /* water names: DejaVu's slant, synthesised */
  }
  return 0;
}

int gfx_init(gfx_Ctx *g, SDL_Renderer *r, float s, char *err, size_t n) {
  memset(g, 0, sizeof *g);
  g->r = r;
  if (!TTF_WasInit() && TTF_Init()) { snprintf(err, n, "SDL_ttf: %s", TTF_GetError()); return -1; }
  const char *env = getenv("FLANK_FONT");
  if (env && *env) { snprintf(g->regular, sizeof g->regular, "%s", env); snprintf(g->bold, sizeof g->bold, "%s", env); }
  else {
    int rc = find_font("DejaVu Sans", g->regular, sizeof g->regular);
    if (!rc && find_font("DejaVu Sans:bold", g->bold, sizeof g->bold)) snprintf(g->bold, sizeof g->bold, "%s", g->regular);
    FcFini(); /* the paths are all we need; fontconfig's caches are released */
    if (rc) { snprintf(err, n, "no font found: install fonts-dejavu-core (fontconfig found no 'DejaVu Sans')"); return -1; }
  }
  g->cap = 2048;
  g->tab = calloc((size_t)g->cap, sizeof *g->tab);
  if (!g->tab) { snprintf(err, n, "out of memory"); return -1; }
  if (gfx_set_scale(g, s)) { snprintf(err, n, "%s: %s", g->regular, TTF_GetError()); gfx_free(g); return -1; }
  /* tests read what the window showed: is any English left in another language? */
  const char *drawn = getenv("FLANK_I18N_DRAWN");
  if (drawn && *drawn && !(g->drawn = fopen(drawn, "a"))) { snprintf(err, n, "FLANK_I18N_DRAWN: cannot open %s", drawn); gfx_free(g); return -1; }
  if (g->drawn) setvbuf(g->drawn, NULL, _IOLBF, 0); /* line by line: a test may read it while the window is open */
  return 0;
}

void gfx_free(gfx_Ctx *g) {
  clear_cache(g);
  free(g->tab);
  g->tab = NULL;
  g->cap = 0;
  close_fonts(g);
  if (g->drawn) fclose(g->drawn);
  g->drawn = NULL;
}

void gfx_begin_frame(gfx_Ctx *g) {
  g->frame++;
  g->frame_text_ms = 0;
  g->deferred = 0;
  if (g->n < g->cap / 2) return;
  /* evict text not drawn in the last 60 frames; rebuild the table to keep probes short */
  gfx_Text *old = g->tab;
  int cap = g->cap;
  gfx_Text *nt = calloc((size_t)cap, sizeof *nt);
  if (!nt) { clear_cache(g); return; }
  g->tab = nt;
  g->n = 0;
  for (int i = 0; i < cap; i++) {
    gfx_Text *e = &old[i];
    if (!e->s) continue;
    if (g->frame - e->used > 60 || g->n >= cap / 2) { text_free(e); continue; }
    int j = (int)(e->key % (uint64_t)cap);
    while (nt[j].s) j = (j + 1) % cap;
    nt[j] = *e;
    g->n++;
  }
  free(old);
}

/* The first text of a frame is always made, so every frame gets further. */
static int over_budget(const gfx_Ctx *g) { return g->budget_ms > 0 && g->frame_text_ms >= g->budget_ms; }

static gfx_Text *lookup(gfx_Ctx *g, int font, const char *s, int wrap) {
  if (!s || !*s) return NULL;
  uint64_t h = fl_fnv64(FL_FNV_INIT, s, strlen(s));
  h = fl_fnv64(h, &font, sizeof font);
  h = fl_fnv64(h, &wrap, sizeof wrap);
  int j = (int)(h % (uint64_t)g->cap);
  while (g->tab[j].s) {
    gfx_Text *e = &g->tab[j];
    if (e->key == h && e->font == font && e->wrap == wrap && !strcmp(e->s, s)) { e->used = g->frame; return e->sf ? e : NULL; }
    j = (j + 1) % g->cap;
  }
  if (g->n >= g->cap - 1) { clear_cache(g); j = (int)(h % (uint64_t)g->cap); }
  double tm0 = ui_now_ms();
  SDL_Color white = {255, 255, 255, 255};
  fl_Cited cited = {0}; /* cached under the text as written; drawn with short references */
  const char *draw = g->cite_def && strstr(s, "[@") && !fl_cite_resolve(g->cite_def, s, &cited) ? cited.text : s;
  if (wrap <= 0 && over_budget(g)) { /* made next frame; its width places what follows now */
    memset(&g->later, 0, sizeof g->later);
    if (TTF_SizeUTF8(g->font[font], draw, &g->later.w, &g->later.h)) g->later.w = g->later.h = 0;
    fl_cited_free(&cited);
    g->deferred++;
    g->texts_deferred++;
    g->frame_text_ms += ui_now_ms() - tm0;
    return &g->later;
  }
  SDL_Surface *sf = wrap > 0 ? TTF_RenderUTF8_Blended_Wrapped(g->font[font], draw, white, (Uint32)wrap)
                             : TTF_RenderUTF8_Blended(g->font[font], draw, white);
  if (g->drawn) fprintf(g->drawn, "%s\n", draw); /* once per text while it stays cached */
  fl_cited_free(&cited);
  if (sf && sf->format->format != SDL_PIXELFORMAT_ARGB8888) { /* blit() recolours ARGB8888 pixels */
    SDL_Surface *cv = SDL_ConvertSurfaceFormat(sf, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(sf);
    sf = cv;
  }
  gfx_Text *e = &g->tab[j];
  memset(e, 0, sizeof *e);
  e->key = h; e->font = font; e->wrap = wrap; e->used = g->frame;
  e->s = malloc(strlen(s) + 1);
  if (!e->s) { if (sf) SDL_FreeSurface(sf); return NULL; }
  strcpy(e->s, s);
  if ((e->sf = sf)) { e->w = sf->w; e->h = sf->h; }
  g->n++;
  g->texts_made++;
  g->text_ms += ui_now_ms() - tm0;
  g->frame_text_ms += ui_now_ms() - tm0;
  return e->sf ? e : NULL;
}

const gfx_Text *gfx_text(gfx_Ctx *g, int font, const char *s, int wrap) { return lookup(g, font, s, wrap); }

static int same_col(SDL_Color a, SDL_Color b) { return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a; }

/* A texture of t in colour c: one it has, or made from its white coverage in place of the
 * one drawn least lately (the same pixels colour and alpha modulation would give). */
static SDL_Texture *coloured(gfx_Ctx *g, gfx_Text *t, SDL_Color c) {
  if (!t->sf) return NULL; /* left for the next frame */
  for (int i = 0; i < GFX_TEXT_COLS; i++)
    if (t->tex[i] && same_col(t->col[i], c)) { t->tex_used[i] = g->frame; return t->tex[i]; }
  if (over_budget(g)) { g->deferred++; return NULL; }
  double tm0 = ui_now_ms();
  int k = -1;
  for (int i = 0; i < GFX_TEXT_COLS && k < 0; i++) if (!t->tex[i]) k = i; /* a free slot, */
  if (k < 0) /* else the one drawn least lately */
    for (int i = k = 0; i < GFX_TEXT_COLS; i++) if (t->tex_used[i] < t->tex_used[k]) k = i;
  if (t->tex[k]) SDL_DestroyTexture(t->tex[k]);
  t->tex[k] = NULL;
  SDL_Surface *cs = SDL_CreateRGBSurfaceWithFormat(0, t->w, t->h, 32, SDL_PIXELFORMAT_ARGB8888);
  if (!cs) return NULL;
  Uint32 rgb = (Uint32)c.r << 16 | (Uint32)c.g << 8 | c.b;
  for (int y = 0; y < t->h; y++) {
    const Uint32 *src = (const Uint32 *)((const Uint8 *)t->sf->pixels + (size_t)y * (size_t)t->sf->pitch);
    Uint32 *dst = (Uint32 *)((Uint8 *)cs->pixels + (size_t)y * (size_t)cs->pitch);
    for (int x = 0; x < t->w; x++) dst[x] = ((src[x] >> 24) * c.a + 127) / 255 << 24 | rgb;
  }
  t->tex[k] = SDL_CreateTextureFromSurface(g->r, cs);
  SDL_FreeSurface(cs);
  if (!t->tex[k]) return NULL;
  SDL_SetTextureBlendMode(t->tex[k], SDL_BLENDMODE_BLEND);
  t->col[k] = c;
  t->tex_used[k] = g->frame;
  g->frame_text_ms += ui_now_ms() - tm0;
  return t->tex[k];
}

static void blit(gfx_Ctx *g, gfx_Text *t, int x, int y, SDL_Color c) {
  SDL_Texture *tex = coloured(g, t, c);
  if (!tex) return;
  SDL_Rect d = {x, y, t->w, t->h};
  SDL_RenderCopy(g->r, tex, NULL, &d);
}

int gfx_draw_text(gfx_Ctx *g, int font, const char *s, int x, int y, SDL_Color c, int align) {
  gfx_Text *t = lookup(g, font, s, 0);
  if (!t) return 0;
  if (align == 1) x -= t->w / 2; else if (align == 2) x -= t->w;
  blit(g, t, x, y, c);
  return t->w;
}

int gfx_draw_wrapped(gfx_Ctx *g, int font, const char *s, int x, int y, int wrap, SDL_Color c) {
  gfx_Text *t = lookup(g, font, s, wrap);
  if (!t) return 0;
  blit(g, t, x, y, c);
  return t->h;
}

void gfx_draw_halo(gfx_Ctx *g, int font, const char *s, int x, int y, SDL_Color c, SDL_Color halo, int align) {
  gfx_Text *t = lookup(g, font, s, 0);
  if (!t) return;
  if (align == 1) x -= t->w / 2; else if (align == 2) x -= t->w;
  static const int off[8][2] = {{-1, 0}, {1, 0}, {0, -1}, {0, 1}, {-1, -1}, {1, 1}, {-1, 1}, {1, -1}};
  int d = g->s > 1.5f ? 2 : 1;
  for (int i = 0; i < 8; i++) blit(g, t, x + off[i][0] * d, y + off[i][1] * d, halo);
  blit(g, t, x, y, c);
}

int gfx_text_w(gfx_Ctx *g, int font, const char *s) {
  int w = 0, h = 0;
  if (s && *s) TTF_SizeUTF8(g->font[font], s, &w, &h);
  return w;
}

int gfx_font_h(gfx_Ctx *g, int font) { return TTF_FontHeight(g->font[font]); }

void gfx_fit(gfx_Ctx *g, int font, const char *s, int maxw, char *out, size_t n) {
  snprintf(out, n, "%s", s ? s : "");
  if (gfx_text_w(g, font, out) <= maxw) return;
  size_t len = strlen(out);
  while (len > 0) {
    len--;
    while (len > 0 && ((unsigned char)out[len] & 0xC0) == 0x80) len--; /* UTF-8 boundary */
    if (len + 4 >= n) continue;
    memcpy(out + len, "\xE2\x80\xA6", 4);
    if (gfx_text_w(g, font, out) <= maxw) return;
  }
  snprintf(out, n, "\xE2\x80\xA6");
}

void gfx_fill(gfx_Ctx *g, SDL_Rect r, SDL_Color c) {
  SDL_SetRenderDrawBlendMode(g->r, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
  SDL_SetRenderDrawColor(g->r, c.r, c.g, c.b, c.a);
  SDL_RenderFillRect(g->r, &r);
}

void gfx_frame(gfx_Ctx *g, SDL_Rect r, SDL_Color c, int w) {
  gfx_fill(g, (SDL_Rect){r.x, r.y, r.w, w}, c);
  gfx_fill(g, (SDL_Rect){r.x, r.y + r.h - w, r.w, w}, c);
  gfx_fill(g, (SDL_Rect){r.x, r.y + w, w, r.h - 2 * w}, c);
  gfx_fill(g, (SDL_Rect){r.x + r.w - w, r.y + w, w, r.h - 2 * w}, c);
}

static void geometry(gfx_Ctx *g, const SDL_Vertex *v, int nv, const int *idx, int ni) {
  SDL_SetRenderDrawBlendMode(g->r, SDL_BLENDMODE_BLEND);
  SDL_RenderGeometry(g->r, NULL, v, nv, idx, ni);
}

/* A convex polygon from a centre fan. */
static void fan(gfx_Ctx *g, float cx, float cy, const float *pts, int n, SDL_Color c) {
  SDL_Vertex v[130];
  int idx[390];
  if (n > 128) n = 128;
  v[0] = (SDL_Vertex){{cx, cy}, c, {0, 0}};
  for (int i = 0; i < n; i++) v[i + 1] = (SDL_Vertex){{pts[2 * i], pts[2 * i + 1]}, c, {0, 0}};
  for (int i = 0; i < n; i++) { idx[3 * i] = 0; idx[3 * i + 1] = i + 1; idx[3 * i + 2] = (i + 1) % n + 1; }
  geometry(g, v, n + 1, idx, 3 * n);
}

void gfx_round(gfx_Ctx *g, SDL_Rect r, int rad, SDL_Color c) {
  if (rad * 2 > r.w) rad = r.w / 2;
  if (rad * 2 > r.h) rad = r.h / 2;
  if (rad <= 1) { gfx_fill(g, r, c); return; }
  /* rectangles for the body (fast fills), small fans for the corners */
  gfx_fill(g, (SDL_Rect){r.x + rad, r.y, r.w - 2 * rad, r.h}, c);
  gfx_fill(g, (SDL_Rect){r.x, r.y + rad, rad, r.h - 2 * rad}, c);
  gfx_fill(g, (SDL_Rect){r.x + r.w - rad, r.y + rad, rad, r.h - 2 * rad}, c);
  const float cxs[4] = {(float)(r.x + r.w - rad), (float)(r.x + rad), (float)(r.x + rad), (float)(r.x + r.w - rad)};
  const float cys[4] = {(float)(r.y + rad), (float)(r.y + rad), (float)(r.y + r.h - rad), (float)(r.y + r.h - rad)};
  SDL_Vertex v[4 * 10];
  int idx[4 * 8 * 3], k = 0, m = 0;
  for (int q = 0; q < 4; q++) {
    int c0 = k;
    v[k++] = (SDL_Vertex){{cxs[q], cys[q]}, c, {0, 0}};
    for (int i = 0; i <= 8; i++) {
      double a = (q * 90 + i * 90.0 / 8) * M_PI / 180;
      v[k++] = (SDL_Vertex){{cxs[q] + (float)(cos(a) * rad), cys[q] - (float)(sin(a) * rad)}, c, {0, 0}};
    }
    for (int i = 0; i < 8; i++) { idx[m++] = c0; idx[m++] = c0 + 1 + i; idx[m++] = c0 + 2 + i; }
  }
  geometry(g, v, k, idx, m);
}

void gfx_round_frame(gfx_Ctx *g, SDL_Rect r, int rad, SDL_Color c, int w) {
  if (rad * 2 > r.w) rad = r.w / 2;
  if (rad * 2 > r.h) rad = r.h / 2;
  SDL_Vertex v[72];
  int idx[216], k = 0;
  const float cxs[4] = {(float)(r.x + r.w - rad), (float)(r.x + rad), (float)(r.x + rad), (float)(r.x + r.w - rad)};
  const float cys[4] = {(float)(r.y + rad), (float)(r.y + rad), (float)(r.y + r.h - rad), (float)(r.y + r.h - rad)};
  for (int q = 0; q < 4; q++)
    for (int i = 0; i <= 8; i++) {
      double a = (q * 90 + i * 90.0 / 8) * M_PI / 180;
      float ca = (float)cos(a), sa = (float)sin(a);
      v[k++] = (SDL_Vertex){{cxs[q] + ca * rad, cys[q] - sa * rad}, c, {0, 0}};
      v[k++] = (SDL_Vertex){{cxs[q] + ca * (rad - w), cys[q] - sa * (rad - w)}, c, {0, 0}};
    }
  int n = k / 2, m = 0;
  for (int i = 0; i < n; i++) {
    int a = 2 * i, b = 2 * ((i + 1) % n);
    idx[m++] = a; idx[m++] = a + 1; idx[m++] = b;
    idx[m++] = b; idx[m++] = a + 1; idx[m++] = b + 1;
  }
  geometry(g, v, k, idx, m);
}

void gfx_vgradient(gfx_Ctx *g, SDL_Rect r, SDL_Color top, SDL_Color bottom) {
  SDL_Vertex v[4] = {{{(float)r.x, (float)r.y}, top, {0, 0}}, {{(float)(r.x + r.w), (float)r.y}, top, {0, 0}},
                     {{(float)(r.x + r.w), (float)(r.y + r.h)}, bottom, {0, 0}}, {{(float)r.x, (float)(r.y + r.h)}, bottom, {0, 0}}};
  int idx[6] = {0, 1, 2, 0, 2, 3};
  geometry(g, v, 4, idx, 6);
}

void gfx_line(gfx_Ctx *g, float x0, float y0, float x1, float y1, float w, SDL_Color c) {
  float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
  if (len < 1e-4f) return;
  float nx = -dy / len * w * 0.5f, ny = dx / len * w * 0.5f;
  SDL_Vertex v[4] = {{{x0 + nx, y0 + ny}, c, {0, 0}}, {{x1 + nx, y1 + ny}, c, {0, 0}},
                     {{x1 - nx, y1 - ny}, c, {0, 0}}, {{x0 - nx, y0 - ny}, c, {0, 0}}};
  int idx[6] = {0, 1, 2, 0, 2, 3};
  geometry(g, v, 4, idx, 6);
}

void gfx_disc(gfx_Ctx *g, float cx, float cy, float rad, SDL_Color c) {
  float pts[64];
  int n = rad < 4 ? 12 : rad < 12 ? 20 : 32;
  for (int i = 0; i < n; i++) {
    double a = 2 * M_PI * i / n;
    pts[2 * i] = cx + (float)(cos(a) * rad);
    pts[2 * i + 1] = cy + (float)(sin(a) * rad);
  }
  fan(g, cx, cy, pts, n, c);
}

void gfx_ellipse(gfx_Ctx *g, float cx, float cy, float rx, float ry, float w, SDL_Color c) {
  SDL_Vertex v[64];
  int idx[192], n = 32, m = 0;
  for (int i = 0; i < n; i++) {
    double a = 2 * M_PI * i / n;
    float ca = (float)cos(a), sa = (float)sin(a);
    v[2 * i] = (SDL_Vertex){{cx + ca * rx, cy + sa * ry}, c, {0, 0}};
    v[2 * i + 1] = (SDL_Vertex){{cx + ca * (rx - w), cy + sa * (ry - w)}, c, {0, 0}};
  }
  for (int i = 0; i < n; i++) {
    int a = 2 * i, b = 2 * ((i + 1) % n);
    idx[m++] = a; idx[m++] = a + 1; idx[m++] = b;
    idx[m++] = b; idx[m++] = a + 1; idx[m++] = b + 1;
  }
  geometry(g, v, 2 * n, idx, m);
}

void gfx_circle(gfx_Ctx *g, float cx, float cy, float rad, float w, SDL_Color c) { gfx_ellipse(g, cx, cy, rad, rad, w, c); }

void gfx_triangle(gfx_Ctx *g, float x0, float y0, float x1, float y1, float x2, float y2, SDL_Color c) {
  SDL_Vertex v[3] = {{{x0, y0}, c, {0, 0}}, {{x1, y1}, c, {0, 0}}, {{x2, y2}, c, {0, 0}}};
  geometry(g, v, 3, NULL, 0);
}

void gfx_shadow(gfx_Ctx *g, SDL_Rect r, int rad) {
  (void)rad;
  for (int i = 3; i >= 1; i--) {
    int d = gfx_px(g, 2.0f * i);
    gfx_fill(g, (SDL_Rect){r.x - d / 2, r.y + d / 2, r.w + d, r.h + d / 2}, (SDL_Color){0, 0, 0, (Uint8)(26 / i + 8)});
  }
}
