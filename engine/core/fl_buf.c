#include "fl_buf.h"
#include <stdlib.h>
#include <string.h>

/* Room for n more bytes at the end (NULL when out of memory); the caller fills them. */
static unsigned char *reserve(fl_Buf *b, size_t n) {
  if (b->oom) return NULL;
  if (b->len + n > b->cap) {
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + n) cap *= 2;
    unsigned char *d = realloc(b->data, cap);
    if (!d) { b->oom = 1; return NULL; }
    b->data = d;
    b->cap = cap;
  }
  unsigned char *at = b->data + b->len;
  b->len += n;
  return at;
}

void fl_buf_bytes(fl_Buf *b, const void *p, size_t n) {
  unsigned char *at = reserve(b, n);
  if (at && n) memcpy(at, p, n);
}

/* n 64-bit words, little-endian, in one go: a turn's hash writes every turn's history, so
 * one call per word made hashing long games the bulk of their time. */
void fl_buf_u64s(fl_Buf *b, const void *words, size_t n) {
  unsigned char *at = n ? reserve(b, n * 8) : NULL;
  if (!at) return;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  memcpy(at, words, n * 8);
#else
  const unsigned char *w = words;
  for (size_t i = 0; i < n; i++) {
    uint64_t v;
    memcpy(&v, w + i * 8, 8);
    for (int k = 0; k < 8; k++) at[i * 8 + (size_t)k] = (unsigned char)(v >> (8 * k));
  }
#endif
}

void fl_buf_u8(fl_Buf *b, uint8_t v) { fl_buf_bytes(b, &v, 1); }

void fl_buf_u32(fl_Buf *b, uint32_t v) {
  unsigned char c[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                        (unsigned char)(v >> 24)};
  fl_buf_bytes(b, c, 4);
}

void fl_buf_u64(fl_Buf *b, uint64_t v) {
  fl_buf_u32(b, (uint32_t)v);
  fl_buf_u32(b, (uint32_t)(v >> 32));
}

void fl_buf_f64(fl_Buf *b, double v) {
  uint64_t u;
  memcpy(&u, &v, 8);
  fl_buf_u64(b, u);
}

void fl_buf_str(fl_Buf *b, const char *s) {
  size_t n = s ? strlen(s) : 0;
  fl_buf_u32(b, (uint32_t)n);
  fl_buf_bytes(b, s, n);
}

void fl_buf_free(fl_Buf *b) {
  free(b->data);
  memset(b, 0, sizeof *b);
}

static const unsigned char *take(fl_Reader *r, size_t n) {
  if (r->bad || r->len - r->pos < n) { r->bad = 1; return NULL; }
  const unsigned char *p = r->p + r->pos;
  r->pos += n;
  return p;
}

uint8_t fl_rd_u8(fl_Reader *r) {
  const unsigned char *p = take(r, 1);
  return p ? p[0] : 0;
}

uint32_t fl_rd_u32(fl_Reader *r) {
  const unsigned char *p = take(r, 4);
  return p ? (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24 : 0;
}

uint64_t fl_rd_u64(fl_Reader *r) {
  uint64_t lo = fl_rd_u32(r);
  return lo | (uint64_t)fl_rd_u32(r) << 32;
}

double fl_rd_f64(fl_Reader *r) {
  uint64_t u = fl_rd_u64(r);
  double v;
  memcpy(&v, &u, 8);
  return v;
}

char *fl_rd_str(fl_Reader *r) {
  uint32_t n = fl_rd_u32(r);
  const unsigned char *p = take(r, n);
  if (!p) return NULL;
  char *s = malloc((size_t)n + 1);
  if (!s) { r->bad = 1; return NULL; }
  memcpy(s, p, n);
  s[n] = '\0';
  return s;
}

uint64_t fl_fnv64(uint64_t h, const void *p, size_t n) {
  const unsigned char *c = p;
  for (size_t i = 0; i < n; i++) { h ^= c[i]; h *= 0x100000001b3ULL; }
  return h;
}

static uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

uint64_t fl_hash64(const void *p, size_t n) {
  const unsigned char *c = p;
  uint64_t h = 0x9e3779b97f4a7c15ULL ^ (n * 0xff51afd7ed558ccdULL);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, c + i, 8);
    h ^= w * 0x87c37b91114253d5ULL;
    h = rotl(h, 31) * 0x4cf5ad432745937fULL;
  }
  uint64_t t = 0;
  for (size_t k = 0; i + k < n; k++) t |= (uint64_t)c[i + k] << (8 * k);
  h ^= t * 0x87c37b91114253d5ULL;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 29;
  h *= 0xc4ceb9fe1a85ec53ULL;
  return h ^ (h >> 32);
}
