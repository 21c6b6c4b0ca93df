/* PNG files through libpng (a well-kept library the SDL2 stack already brings): the image is
 * encoded into memory, then written atomically, so a failed write never leaves half a file. */
#include "fl_ui.h"
#include "fl_save.h"
#include <png.h>
#include <stdlib.h>
#include <string.h>

typedef struct Mem { unsigned char *p; size_t len, cap; int oom; } Mem;

static void mem_write(png_structp png, png_bytep data, size_t n) {
  Mem *m = png_get_io_ptr(png);
  if (m->oom) return;
  if (m->len + n > m->cap) {
    size_t nc = m->cap ? m->cap : 65536;
    while (nc < m->len + n) nc *= 2;
    unsigned char *q = realloc(m->p, nc);
    if (!q) { m->oom = 1; return; }
    m->p = q;
    m->cap = nc;
  }
  memcpy(m->p + m->len, data, n);
  m->len += n;
}

static void mem_flush(png_structp png) { (void)png; }

/* libpng reports errors by longjmp: keep its message for ours. */
static void on_error(png_structp png, png_const_charp msg) {
  snprintf(png_get_error_ptr(png), 256, "%s", msg);
  png_longjmp(png, 1);
}

static void on_warning(png_structp png, png_const_charp msg) { (void)png; (void)msg; }

/* Encode into m; 0 ok, -1 with why. No heap memory is owned across the setjmp but m's, which
 * the caller frees. */
static int encode(Mem *m, const unsigned char *pix, int w, int h, int pitch, int bpp, unsigned char *row,
                  char *why) {
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, why, on_error, on_warning);
  png_infop info = png ? png_create_info_struct(png) : NULL;
  if (!png || !info) { png_destroy_write_struct(&png, NULL); snprintf(why, 256, "out of memory"); return -1; }
  if (setjmp(png_jmpbuf(png))) { png_destroy_write_struct(&png, &info); return -1; }
  png_set_write_fn(png, m, mem_write, mem_flush);
  png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  for (int y = 0; y < h; y++) {
    const unsigned char *src = pix + (size_t)y * (size_t)pitch;
    if (bpp == 3) memcpy(row, src, (size_t)w * 3);
    else for (int x = 0; x < w; x++) memcpy(row + (size_t)x * 3, src + (size_t)x * 4, 3);
    png_write_row(png, row);
  }
  png_write_end(png, NULL);
  png_destroy_write_struct(&png, &info);
  if (m->oom) { snprintf(why, 256, "out of memory"); return -1; }
  return 0;
}

int fl_ui_write_png(const char *path, const unsigned char *pix, int w, int h, int pitch, int bpp,
                    char *err, size_t n) {
  if (w <= 0 || h <= 0 || (bpp != 3 && bpp != 4)) { snprintf(err, n, "%s: bad image size", path); return -1; }
  unsigned char *row = malloc((size_t)w * 3);
  if (!row) { snprintf(err, n, "%s: out of memory", path); return -1; }
  Mem m = {0};
  char why[256] = "";
  int rc = encode(&m, pix, w, h, pitch, bpp, row, why);
  free(row);
  if (rc) snprintf(err, n, "%s: %s", path, why);
  else rc = fl_save_write_atomic(path, m.p, m.len, err, n);
  free(m.p);
  return rc;
}
