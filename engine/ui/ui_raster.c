/* ui_raster: a tiny CPU rasteriser for the static map layer (ARGB8888 pixels): span-filled
 * triangles, blended lines and discs, and alpha blits of label surfaces. SDL's software
 * renderer draws geometry per pixel with barycentrics; spans are an order of magnitude
 * faster, and the layer is then one texture upload on every renderer, so the window and
 * `flank render` produce the same pixels. */
#include "ui_int.h"
#include <math.h>
#include <string.h>

static inline Uint32 pack(SDL_Color c) { return (Uint32)c.a << 24 | (Uint32)c.r << 16 | (Uint32)c.g << 8 | c.b; }

static inline void blend(Uint32 *d, SDL_Color c, unsigned a) {
  Uint32 v = *d;
  unsigned r = (v >> 16) & 255, g = (v >> 8) & 255, b = v & 255;
  r += ((c.r - (int)r) * (int)a) / 255;
  g += ((c.g - (int)g) * (int)a) / 255;
  b += ((c.b - (int)b) * (int)a) / 255;
  *d = 0xFF000000u | r << 16 | g << 8 | b;
}

void ras_fill_rect(ras_Img *im, int x, int y, int w, int h, SDL_Color c) {
  if (x < 0) { w += x; x = 0; }
  if (y < 0) { h += y; y = 0; }
  if (x + w > im->w) w = im->w - x;
  if (y + h > im->h) h = im->h - y;
  if (w <= 0 || h <= 0) return;
  Uint32 p = pack(c);
  for (int j = y; j < y + h; j++) {
    Uint32 *row = im->px + (size_t)j * (size_t)im->pitch + x;
    if (c.a == 255) for (int i = 0; i < w; i++) row[i] = p;
    else for (int i = 0; i < w; i++) blend(&row[i], c, c.a);
  }
}

/* The pixel spans [xs, xe) of a triangle, row by row (pixel centres inside), handed to span(). */
typedef void (*span_fn)(ras_Img *im, int y, int xs, int xe, const void *ctx);

static void tri_spans(ras_Img *im, float x0, float y0, float x1, float y1, float x2, float y2, span_fn span, const void *ctx) {
  float t;
  if (y1 < y0) { t = x0; x0 = x1; x1 = t; t = y0; y0 = y1; y1 = t; }
  if (y2 < y0) { t = x0; x0 = x2; x2 = t; t = y0; y0 = y2; y2 = t; }
  if (y2 < y1) { t = x1; x1 = x2; x2 = t; t = y1; y1 = y2; y2 = t; }
  if (y2 - y0 < 1e-6f) return;
  int ys = (int)ceilf(y0 - 0.5f), ye = (int)ceilf(y2 - 0.5f);
  if (ys < 0) ys = 0;
  if (ye > im->h) ye = im->h;
  /* edge slopes once, not per row: the map's many thin triangles are mostly rows */
  float s02 = (x2 - x0) / (y2 - y0), s01 = y1 - y0 > 1e-6f ? (x1 - x0) / (y1 - y0) : 0, s12 = y2 - y1 > 1e-6f ? (x2 - x1) / (y2 - y1) : 0;
  for (int y = ys; y < ye; y++) {
    float py = y + 0.5f;
    float xa = x0 + s02 * (py - y0), xb;
    if (py < y1) xb = y1 - y0 > 1e-6f ? x0 + s01 * (py - y0) : x1;
    else xb = y2 - y1 > 1e-6f ? x1 + s12 * (py - y1) : x1;
    if (xa > xb) { t = xa; xa = xb; xb = t; }
    int xs = (int)ceilf(xa - 0.5f), xe = (int)ceilf(xb - 0.5f);
    if (xs < 0) xs = 0;
    if (xe > im->w) xe = im->w;
    if (xs < xe) span(im, y, xs, xe, ctx);
  }
}

static void fill_span(ras_Img *im, int y, int xs, int xe, const void *ctx) {
  SDL_Color c = *(const SDL_Color *)ctx;
  Uint32 p = pack(c), *row = im->px + (size_t)y * (size_t)im->pitch;
  if (c.a == 255) for (int x = xs; x < xe; x++) row[x] = p;
  else for (int x = xs; x < xe; x++) blend(&row[x], c, c.a);
}

void ras_triangle(ras_Img *im, float x0, float y0, float x1, float y1, float x2, float y2, SDL_Color c) {
  tri_spans(im, x0, y0, x1, y1, x2, y2, fill_span, &c);
}

void ras_line(ras_Img *im, float x0, float y0, float x1, float y1, SDL_Color c) {
  float dx = x1 - x0, dy = y1 - y0;
  int n = (int)ceilf(fmaxf(fabsf(dx), fabsf(dy)));
  if (n <= 0) n = 1;
  if (n > 100000) return;
  float sx = dx / n, sy = dy / n, x = x0, y = y0;
  for (int i = 0; i <= n; i++, x += sx, y += sy) {
    int xi = (int)floorf(x), yi = (int)floorf(y);
    if (xi < 0 || yi < 0 || xi >= im->w || yi >= im->h) continue;
    Uint32 *d = im->px + (size_t)yi * (size_t)im->pitch + xi;
    if (c.a == 255) *d = pack(c); else blend(d, c, c.a);
  }
}

void ras_disc(ras_Img *im, float cx, float cy, float r, SDL_Color c) {
  int x0 = (int)floorf(cx - r - 1), x1 = (int)ceilf(cx + r + 1), y0 = (int)floorf(cy - r - 1), y1 = (int)ceilf(cy + r + 1);
  for (int y = y0 < 0 ? 0 : y0; y < y1 && y < im->h; y++)
    for (int x = x0 < 0 ? 0 : x0; x < x1 && x < im->w; x++) {
      float d = sqrtf((x + 0.5f - cx) * (x + 0.5f - cx) + (y + 0.5f - cy) * (y + 0.5f - cy));
      float cov = r + 0.5f - d; /* one pixel of soft edge */
      if (cov <= 0) continue;
      if (cov > 1) cov = 1;
      blend(im->px + (size_t)y * (size_t)im->pitch + x, c, (unsigned)(c.a * cov));
    }
}

void ras_blit(ras_Img *im, const SDL_Surface *s, int x, int y) {
  if (!s || s->format->format != SDL_PIXELFORMAT_ARGB8888) return;
  for (int j = 0; j < s->h; j++) {
    int dy = y + j;
    if (dy < 0 || dy >= im->h) continue;
    const Uint32 *src = (const Uint32 *)((const Uint8 *)s->pixels + (size_t)j * (size_t)s->pitch);
    Uint32 *dst = im->px + (size_t)dy * (size_t)im->pitch;
    for (int i = 0; i < s->w; i++) {
      int dx = x + i;
      Uint32 v = src[i];
      unsigned a = v >> 24;
      if (!a || dx < 0 || dx >= im->w) continue;
      SDL_Color c = {(Uint8)(v >> 16), (Uint8)(v >> 8), (Uint8)v, 255};
      if (a == 255) dst[dx] = v | 0xFF000000u; else blend(&dst[dx], c, a);
    }
  }
}

SDL_Surface *ras_halo_text(TTF_Font *f, const char *s, SDL_Color fg, SDL_Color halo, int d) {
  SDL_Color white = {255, 255, 255, 255};
  SDL_Surface *t = s && *s ? TTF_RenderUTF8_Blended(f, s, white) : NULL;
  if (!t) return NULL;
  SDL_Surface *a = SDL_ConvertSurfaceFormat(t, SDL_PIXELFORMAT_ARGB8888, 0);
  SDL_FreeSurface(t);
  if (!a) return NULL;
  SDL_Surface *o = SDL_CreateRGBSurfaceWithFormat(0, a->w + 2 * d, a->h + 2 * d, 32, SDL_PIXELFORMAT_ARGB8888);
  if (!o) { SDL_FreeSurface(a); return NULL; }
  for (int y = 0; y < o->h; y++) {
    Uint32 *row = (Uint32 *)((Uint8 *)o->pixels + (size_t)y * (size_t)o->pitch);
    for (int x = 0; x < o->w; x++) {
      unsigned ha = 0, fa = 0;
      for (int j = -d; j <= d; j++)
        for (int i = -d; i <= d; i++) {
          int sx = x - d + i, sy = y - d + j;
          if (sx < 0 || sy < 0 || sx >= a->w || sy >= a->h) continue;
          unsigned v = ((const Uint32 *)((const Uint8 *)a->pixels + (size_t)sy * (size_t)a->pitch))[sx] >> 24;
          if (v > ha) ha = v;
          if (!i && !j) fa = v;
        }
      ha = ha * halo.a / 255;
      /* fill over halo */
      unsigned oa = fa + ha * (255 - fa) / 255;
      if (!oa) { row[x] = 0; continue; }
      unsigned r = (fg.r * fa + halo.r * ha * (255 - fa) / 255) / oa;
      unsigned g = (fg.g * fa + halo.g * ha * (255 - fa) / 255) / oa;
      unsigned b = (fg.b * fa + halo.b * ha * (255 - fa) / 255) / oa;
      row[x] = oa << 24 | r << 16 | g << 8 | b;
    }
  }
  SDL_FreeSurface(a);
  return o;
}

void ras_thick_line(ras_Img *im, float x0, float y0, float x1, float y1, float w, SDL_Color c) {
  float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
  if (w <= 1.25f) { ras_line(im, x0, y0, x1, y1, c); return; }
  if (len < 1e-3f) return;
  float nx = -dy / len * w / 2, ny = dx / len * w / 2;
  ras_triangle(im, x0 + nx, y0 + ny, x1 + nx, y1 + ny, x1 - nx, y1 - ny, c);
  ras_triangle(im, x0 + nx, y0 + ny, x1 - nx, y1 - ny, x0 - nx, y0 - ny, c);
}

void ras_dashed_line(ras_Img *im, float x0, float y0, float x1, float y1, float on, float off, float *phase, SDL_Color c) {
  float dx = x1 - x0, dy = y1 - y0;
  int n = (int)ceilf(fmaxf(fabsf(dx), fabsf(dy)));
  if (n <= 0 || n > 100000) return;
  float step = sqrtf(dx * dx + dy * dy) / n, sx = dx / n, sy = dy / n, x = x0, y = y0, period = on + off;
  Uint32 p = pack(c);
  for (int i = 0; i < n; i++, x += sx, y += sy) {
    *phase = fmodf(*phase + step, period);
    if (*phase >= on) continue;
    int xi = (int)floorf(x), yi = (int)floorf(y);
    if (xi < 0 || yi < 0 || xi >= im->w || yi >= im->h) continue;
    Uint32 *d = im->px + (size_t)yi * (size_t)im->pitch + xi;
    if (c.a == 255) *d = p; else blend(d, c, c.a);
  }
}

typedef struct PatSpan { SDL_Color c; const ras_Pat *pat; } PatSpan;

static void pat_span(ras_Img *im, int y, int xs, int xe, const void *ctx) {
  const PatSpan *ps = ctx;
  const ras_Pat *pat = ps->pat;
  Uint32 p = pack(ps->c), *row = im->px + (size_t)y * (size_t)im->pitch;
  /* the tile row under this scan line; odd rows of tiles are shifted by half a tile */
  int ty = y - pat->oy, tr = ty >= 0 ? ty / pat->h : (ty + 1) / pat->h - 1;
  ty -= tr * pat->h;
  const Uint8 *trow = pat->a + (size_t)ty * (size_t)pat->w;
  int shift = (tr & 1) ? pat->w / 2 : 0;
  if (!pat->rows[ty]) { /* most rows of a tile carry no ink */
    for (int x = xs; x < xe; x++) row[x] = p;
    return;
  }
  int tx = (xs - pat->ox + shift) % pat->w;
  if (tx < 0) tx += pat->w;
  for (int x = xs; x < xe; x++) {
    row[x] = p;
    if (trow[tx]) blend(&row[x], pat->ink, (unsigned)trow[tx] * pat->ink.a / 255);
    if (++tx == pat->w) tx = 0;
  }
}

void ras_triangle_pat(ras_Img *im, float x0, float y0, float x1, float y1, float x2, float y2, SDL_Color c,
                      const ras_Pat *pat) {
  PatSpan ps = {c, pat};
  tri_spans(im, x0, y0, x1, y1, x2, y2, pat_span, &ps);
}

void ras_round(ras_Img *im, float cx, float cy, float r, SDL_Color c) {
  int y0 = (int)ceilf(cy - r - 0.5f), y1 = (int)ceilf(cy + r - 0.5f);
  Uint32 p = pack(c);
  for (int y = y0 < 0 ? 0 : y0; y < y1 && y < im->h; y++) {
    float dy = y + 0.5f - cy, hw = r * r - dy * dy;
    if (hw <= 0) continue;
    hw = sqrtf(hw);
    int xs = (int)ceilf(cx - hw - 0.5f), xe = (int)ceilf(cx + hw - 0.5f);
    if (xs < 0) xs = 0;
    if (xe > im->w) xe = im->w;
    Uint32 *row = im->px + (size_t)y * (size_t)im->pitch;
    if (c.a == 255) for (int x = xs; x < xe; x++) row[x] = p;
    else for (int x = xs; x < xe; x++) blend(&row[x], c, c.a);
  }
}

/* Coverage of a w x h tile: 1-pixel soft distance to a segment / point. */
static void cover(Uint8 *a, int w, int x, int y, float d, float half) {
  float c = half + 0.5f - d;
  if (c <= 0) return;
  unsigned v = (unsigned)(c > 1 ? 255 : c * 255);
  if (v > a[y * w + x]) a[y * w + x] = (Uint8)v;
}

static float seg_dist(float px, float py, float x0, float y0, float x1, float y1) {
  float dx = x1 - x0, dy = y1 - y0, l2 = dx * dx + dy * dy, t = l2 > 0 ? ((px - x0) * dx + (py - y0) * dy) / l2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  float ex = x0 + t * dx - px, ey = y0 + t * dy - py;
  return sqrtf(ex * ex + ey * ey);
}

void ras_tile(int kind, Uint8 *a, Uint8 *rows, int maxw, int maxh, float s, int *w, int *h) {
  static const float SIZE[RAS_TILE_N][2] = {{26, 13}, {12, 11}, {18, 12}, {14, 11}, {20, 12}};
  int tw = (int)(SIZE[kind][0] * s + 0.5f), th = (int)(SIZE[kind][1] * s + 0.5f);
  tw = tw > maxw ? maxw : tw < 4 ? 4 : tw;
  th = th > maxh ? maxh : th < 4 ? 4 : th;
  *w = tw;
  *h = th;
  memset(a, 0, (size_t)tw * (size_t)th);
  float half = 0.5f * (s > 1.5f ? 1.6f : 1.0f);
  for (int y = 0; y < th; y++)
    for (int x = 0; x < tw; x++) {
      float px = x + 0.5f, py = y + 0.5f, cx = tw / 2.0f, cy = th / 2.0f;
      switch (kind) {
      case RAS_TILE_WAVE: { /* a short sine stroke */
        float x0 = tw * 0.2f, x1 = tw * 0.8f;
        if (px >= x0 && px <= x1) cover(a, tw, x, y, fabsf(py - (cy + 1.3f * s * sinf((px - x0) / (x1 - x0) * 2 * (float)M_PI))), half + 0.05f);
        break;
      }
      case RAS_TILE_FOREST: /* a small tree crown */
        cover(a, tw, x, y, sqrtf((px - cx) * (px - cx) + (py - cy) * (py - cy)), 1.3f * s);
        break;
      case RAS_TILE_MARSH: /* reeds over a water line */
        cover(a, tw, x, y, seg_dist(px, py, tw * 0.22f, th * 0.72f, tw * 0.78f, th * 0.72f), half);
        for (int k = 0; k < 3; k++)
          cover(a, tw, x, y, seg_dist(px, py, tw * (0.36f + 0.14f * k), th * 0.72f, tw * (0.36f + 0.14f * k), th * 0.38f), half);
        break;
      case RAS_TILE_URBAN: /* a block */
        if (fabsf(px - cx) < 2.0f * s && fabsf(py - cy) < 1.6f * s) a[y * tw + x] = 255;
        break;
      case RAS_TILE_HILLS: { /* an arc */
        float d = fabsf(sqrtf((px - cx) * (px - cx) + (py - cy - 2 * s) * (py - cy - 2 * s)) - 3.5f * s);
        if (py < cy + 2 * s) cover(a, tw, x, y, d, half);
        break;
      }
      }
    }
  for (int y = 0; y < th; y++) {
    rows[y] = 0;
    for (int x = 0; x < tw; x++) rows[y] |= a[y * tw + x] != 0;
  }
}
