/* fl_buf: a growable byte buffer with little-endian writers and a bounds-checked
 * reader. Used by save files, replays and state hashes, so the encoding is the
 * same everywhere. */
#ifndef FL_BUF_H
#define FL_BUF_H
#include <stddef.h>
#include <stdint.h>

typedef struct fl_Buf { unsigned char *data; size_t len, cap; int oom; } fl_Buf;

/* Writers: on allocation failure they set b->oom and do nothing more. */
void fl_buf_bytes(fl_Buf *b, const void *p, size_t n);
void fl_buf_u8(fl_Buf *b, uint8_t v);
void fl_buf_u32(fl_Buf *b, uint32_t v);
void fl_buf_u64(fl_Buf *b, uint64_t v);
void fl_buf_f64(fl_Buf *b, double v);
/* n 64-bit words (uint64_t or double) from words, each little-endian as fl_buf_u64 writes it. */
void fl_buf_u64s(fl_Buf *b, const void *words, size_t n);
/* A length-prefixed string (NULL is written as the empty string). */
void fl_buf_str(fl_Buf *b, const char *s);
/* Release the buffer's memory and reset it to empty. */
void fl_buf_free(fl_Buf *b);

/* A reader over borrowed bytes: any read past the end sets r->bad and returns 0. */
typedef struct fl_Reader { const unsigned char *p; size_t len, pos; int bad; } fl_Reader;
uint8_t fl_rd_u8(fl_Reader *r);
uint32_t fl_rd_u32(fl_Reader *r);
uint64_t fl_rd_u64(fl_Reader *r);
double fl_rd_f64(fl_Reader *r);
/* Returns a new malloc'd NUL-terminated string (caller frees), or NULL if bad. */
char *fl_rd_str(fl_Reader *r);

/* 64-bit FNV-1a over bytes, continuing from h (start with FL_FNV_INIT). */
#define FL_FNV_INIT 0xcbf29ce484222325ULL
uint64_t fl_fnv64(uint64_t h, const void *p, size_t n);

/* A fast 64-bit hash of bytes, eight at a time (state hashes; not for files: their
 * checksum is FNV-1a, as docs/formats.md says). */
uint64_t fl_hash64(const void *p, size_t n);

#endif
