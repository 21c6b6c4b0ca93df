/* A small PNG encoder: per-row filters chosen by the minimum-sum heuristic, then zlib
 * with one deflate block of fixed Huffman codes over LZ77 matches (hash chains over a
 * 32 KiB window). No external zlib: screenshots and goldens need nothing but this file. */
#include "fl_ui.h"
#include "fl_save.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct png_Out { unsigned char *p; size_t len, cap; int oom; uint64_t bits; int nbits; } png_Out;

static void out_byte(png_Out *o, unsigned char b) {
  if (o->len == o->cap) {
    size_t nc = o->cap ? o->cap * 2 : 65536;
    unsigned char *q = realloc(o->p, nc);
    if (!q) { o->oom = 1; return; }
    o->p = q;
    o->cap = nc;
  }
  o->p[o->len++] = b;
}

static void out_u32be(png_Out *o, uint32_t v) {
  out_byte(o, (unsigned char)(v >> 24)); out_byte(o, (unsigned char)(v >> 16));
  out_byte(o, (unsigned char)(v >> 8)); out_byte(o, (unsigned char)v);
}

/* Deflate writes bits least significant first. */
static void put_bits(png_Out *o, uint32_t v, int n) {
  o->bits |= (uint64_t)v << o->nbits;
  o->nbits += n;
  while (o->nbits >= 8) { out_byte(o, (unsigned char)o->bits); o->bits >>= 8; o->nbits -= 8; }
}

/* Huffman codes are defined most significant bit first: reverse them. */
static void put_code(png_Out *o, uint32_t code, int n) {
  uint32_t r = 0;
  for (int i = 0; i < n; i++) r |= ((code >> i) & 1u) << (n - 1 - i);
  put_bits(o, r, n);
}

static void put_lit(png_Out *o, int v) {
  if (v < 144) put_code(o, 0x30u + (uint32_t)v, 8);
  else if (v < 256) put_code(o, 0x190u + (uint32_t)(v - 144), 9);
  else if (v < 280) put_code(o, (uint32_t)(v - 256), 7);
  else put_code(o, 0xC0u + (uint32_t)(v - 280), 8);
}

static const int LEN_BASE[29] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
                                 67, 83, 99, 115, 131, 163, 195, 227, 258};
static const int LEN_EXTRA[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
static const int DIST_BASE[30] = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
                                  1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
static const int DIST_EXTRA[30] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8,
                                   9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

static void put_match(png_Out *o, int len, int dist) {
  int c = 28;
  while (LEN_BASE[c] > len) c--;
  put_lit(o, 257 + c);
  if (LEN_EXTRA[c]) put_bits(o, (uint32_t)(len - LEN_BASE[c]), LEN_EXTRA[c]);
  int d = 29;
  while (DIST_BASE[d] > dist) d--;
  put_code(o, (uint32_t)d, 5);
  if (DIST_EXTRA[d]) put_bits(o, (uint32_t)(dist - DIST_BASE[d]), DIST_EXTRA[d]);
}

enum { WIN = 32768, HBITS = 15, MAXCHAIN = 24, MINM = 3, MAXM = 258 };

static uint32_t hash3(const unsigned char *p) {
  return ((uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2]) * 2654435761u >> (32 - HBITS);
}

/* Compress src into o as a zlib stream (one fixed-Huffman block). 0 ok, -1 OOM. */
static int zlib_fixed(png_Out *o, const unsigned char *src, size_t n) {
  int32_t *head = malloc(sizeof(int32_t) << HBITS);
  int32_t *prev = malloc(sizeof(int32_t) * WIN);
  if (!head || !prev) { free(head); free(prev); return -1; }
  for (int i = 0; i < 1 << HBITS; i++) head[i] = -1;
  out_byte(o, 0x78);
  out_byte(o, 0x01);
  put_bits(o, 1, 1); /* BFINAL */
  put_bits(o, 1, 2); /* BTYPE 01: fixed codes */
  size_t i = 0;
  while (i < n) {
    int best = 0, bdist = 0;
    if (i + MINM <= n) {
      uint32_t h = hash3(src + i);
      int32_t cand = head[h];
      size_t maxlen = n - i < MAXM ? n - i : MAXM;
      for (int chain = 0; cand >= 0 && chain < MAXCHAIN; chain++) {
        size_t dist = i - (size_t)cand;
        if (dist > WIN - 1 || dist == 0) break;
        const unsigned char *a = src + cand, *b = src + i;
        if (a[best] == b[best]) {
          size_t l = 0;
          while (l < maxlen && a[l] == b[l]) l++;
          if ((int)l > best) { best = (int)l; bdist = (int)dist; if (l == maxlen) break; }
        }
        int32_t nx = prev[cand % WIN];
        if (nx >= cand) break;
        cand = nx;
      }
      prev[i % WIN] = head[h];
      head[h] = (int32_t)i;
    }
    if (best >= MINM) {
      put_match(o, best, bdist);
      for (size_t k = 1; k < (size_t)best; k++) {
        size_t j = i + k;
        if (j + MINM <= n) {
          uint32_t h = hash3(src + j);
          prev[j % WIN] = head[h];
          head[h] = (int32_t)j;
        }
      }
      i += (size_t)best;
    } else {
      put_lit(o, src[i]);
      i++;
    }
  }
  put_lit(o, 256);
  if (o->nbits) put_bits(o, 0, 8 - o->nbits);
  uint32_t a = 1, b = 0;
  for (size_t k = 0; k < n; k++) { a = (a + src[k]) % 65521u; b = (b + a) % 65521u; }
  out_u32be(o, b << 16 | a);
  free(head);
  free(prev);
  return o->oom ? -1 : 0;
}

static uint32_t crc32_of(const unsigned char *p, size_t n) {
  uint32_t c = 0xFFFFFFFFu;
  for (size_t i = 0; i < n; i++) {
    c ^= p[i];
    for (int k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
  }
  return c ^ 0xFFFFFFFFu;
}

static void chunk(png_Out *o, const char *type, const unsigned char *data, size_t n) {
  out_u32be(o, (uint32_t)n);
  size_t at = o->len;
  for (int i = 0; i < 4; i++) out_byte(o, (unsigned char)type[i]);
  for (size_t i = 0; i < n; i++) out_byte(o, data[i]);
  if (!o->oom) out_u32be(o, crc32_of(o->p + at, n + 4));
}

static int paeth(int a, int b, int c) {
  int p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

int fl_ui_write_png(const char *path, const unsigned char *pix, int w, int h, int pitch, int bpp,
                    char *err, size_t n) {
  if (w <= 0 || h <= 0 || (bpp != 3 && bpp != 4)) { snprintf(err, n, "%s: bad image size", path); return -1; }
  size_t row = (size_t)w * 3 + 1;
  unsigned char *raw = malloc(row * (size_t)h), *cur = malloc((size_t)w * 3), *up = calloc((size_t)w * 3, 1);
  unsigned char *cand = malloc((size_t)w * 3);
  if (!raw || !cur || !up || !cand) {
    free(raw); free(cur); free(up); free(cand);
    snprintf(err, n, "%s: out of memory", path);
    return -1;
  }
  size_t rw = (size_t)w * 3;
  for (int y = 0; y < h; y++) {
    const unsigned char *src = pix + (size_t)y * (size_t)pitch;
    for (int x = 0; x < w; x++) memcpy(cur + (size_t)x * 3, src + (size_t)x * (size_t)bpp, 3);
    unsigned char *dst = raw + (size_t)y * row;
    long bestsum = -1;
    for (int f = 0; f < 5; f++) {
      long sum = 0;
      for (size_t i = 0; i < rw; i++) {
        int a = i >= 3 ? cur[i - 3] : 0, b = up[i], c = i >= 3 ? up[i - 3] : 0, v = cur[i];
        int pred = f == 0 ? 0 : f == 1 ? a : f == 2 ? b : f == 3 ? (a + b) / 2 : paeth(a, b, c);
        cand[i] = (unsigned char)(v - pred);
        sum += cand[i] < 128 ? cand[i] : 256 - cand[i];
      }
      if (bestsum < 0 || sum < bestsum) { bestsum = sum; dst[0] = (unsigned char)f; memcpy(dst + 1, cand, rw); }
    }
    memcpy(up, cur, rw);
  }
  free(cur); free(up); free(cand);
  png_Out z = {0}, o = {0};
  if (zlib_fixed(&z, raw, row * (size_t)h)) {
    free(raw); free(z.p);
    snprintf(err, n, "%s: out of memory", path);
    return -1;
  }
  free(raw);
  static const unsigned char sig[8] = {137, 'P', 'N', 'G', 13, 10, 26, 10};
  for (int i = 0; i < 8; i++) out_byte(&o, sig[i]);
  unsigned char ihdr[13] = {0};
  for (int i = 0; i < 4; i++) { ihdr[i] = (unsigned char)((uint32_t)w >> (24 - 8 * i)); ihdr[4 + i] = (unsigned char)((uint32_t)h >> (24 - 8 * i)); }
  ihdr[8] = 8; /* bit depth */
  ihdr[9] = 2; /* RGB */
  chunk(&o, "IHDR", ihdr, 13);
  chunk(&o, "IDAT", z.p, z.len);
  chunk(&o, "IEND", NULL, 0);
  free(z.p);
  int rc = -1;
  if (o.oom) snprintf(err, n, "%s: out of memory", path);
  else rc = fl_save_write_atomic(path, o.p, o.len, err, n);
  free(o.p);
  return rc;
}
