#define _DEFAULT_SOURCE /* readlink */
#include "fl_i18n.h"
#include "fl_str.h"
#include <limits.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef FLANK_LOCALE_REL
#define FLANK_LOCALE_REL "../share/locale"
#endif

/* The loaded catalogue: the .mo file in memory and its two string tables. */
static struct {
  char *mo;
  size_t len;
  uint32_t n, orig, trans;
  int swap;
  char lang[16];
  atomic_int misses;  /* counted from any thread (ensemble workers read the engine's words too) */
} cat = {.lang = "en"};

static uint32_t u32(size_t off) {
  if (off + 4 > cat.len) return 0;
  uint32_t v;
  memcpy(&v, cat.mo + off, 4);
  return cat.swap ? __builtin_bswap32(v) : v;
}

/* String i of the table at tab, or NULL when the file is damaged. */
static const char *entry(uint32_t tab, uint32_t i, uint32_t *len) {
  uint32_t l = u32(tab + 8 * (size_t)i), o = u32(tab + 8 * (size_t)i + 4);
  if ((size_t)o + l >= cat.len || cat.mo[o + l] != '\0') return NULL;
  if (len) *len = l;
  return cat.mo + o;
}

static int load(const char *path) {
  size_t len;
  char *mo = fl_str_read_file(path, &len);
  if (!mo) return -1;
  uint32_t magic;
  if (len < 28) { free(mo); return -1; }
  memcpy(&magic, mo, 4);
  cat.mo = mo;
  cat.len = len;
  cat.swap = magic == 0xde120495u;
  if (!cat.swap && magic != 0x950412deu) { free(mo); cat.mo = NULL; return -1; }
  cat.n = u32(8);
  cat.orig = u32(12);
  cat.trans = u32(16);
  if ((size_t)cat.orig + 8 * (size_t)cat.n > len || (size_t)cat.trans + 8 * (size_t)cat.n > len) {
    free(mo); cat.mo = NULL; return -1;
  }
  return 0;
}

int fl_i18n_set(const char *lang) {
  free(cat.mo);
  cat.mo = NULL;
  atomic_store(&cat.misses, 0);
  snprintf(cat.lang, sizeof cat.lang, "en");
  if (!lang || !*lang || !strcmp(lang, "en")) return 0;
  for (const char *c = lang; *c; c++)
    if (!((*c >= 'a' && *c <= 'z') || *c == '_') || c - lang > 12) return -1;
  /* next to the binary: build/locale in a build tree, ../share/locale when installed */
  char exe[PATH_MAX], path[PATH_MAX + 128];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0) return -1;
  exe[n] = '\0';
  char *slash = strrchr(exe, '/');
  if (slash) *slash = '\0';
  const char *rel[] = {"locale", FLANK_LOCALE_REL};
  for (int i = 0; i < 2; i++) {
    snprintf(path, sizeof path, "%s/%s/%s/LC_MESSAGES/flank.mo", exe, rel[i], lang);
    if (load(path) == 0) { snprintf(cat.lang, sizeof cat.lang, "%s", lang); return 0; }
  }
  return -1;
}

const char *fl_i18n_lang(void) { return cat.lang; }
int fl_i18n_misses(void) { return atomic_load(&cat.misses); }

/* The translation of msgid: msgfmt sorts the originals, so a binary search finds it. */
static const char *find(const char *msgid, uint32_t *tlen) {
  uint32_t lo = 0, hi = cat.n;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    const char *o = entry(cat.orig, mid, NULL);
    if (!o) return NULL;
    int c = strcmp(msgid, o);
    if (c == 0) {
      const char *t = entry(cat.trans, mid, tlen);
      return t && *t ? t : NULL;
    }
    if (c < 0) hi = mid; else lo = mid + 1;
  }
  return NULL;
}

const char *fl_tr(const char *msgid) {
  if (!cat.mo || !*msgid) return msgid;
  const char *t = find(msgid, NULL);
  if (!t) atomic_fetch_add(&cat.misses, 1);
  return t ? t : msgid;
}

const char *fl_trc(const char *ctxt, const char *msgid) {
  if (!cat.mo) return msgid;
  char key[256]; /* gettext keys a context as "ctxt\004msgid" */
  if (snprintf(key, sizeof key, "%s\004%s", ctxt, msgid) >= (int)sizeof key) return msgid;
  const char *t = find(key, NULL);
  if (!t) atomic_fetch_add(&cat.misses, 1);
  return t ? t : msgid;
}

/* The plural rules of the catalogues shipped (their Plural-Forms headers say the same). */
static int plural_index(long n) {
  const char *l = cat.lang;
  long m10 = n % 10, m100 = n % 100;
  if (!strcmp(l, "pl")) return n == 1 ? 0 : m10 >= 2 && m10 <= 4 && (m100 < 10 || m100 >= 20) ? 1 : 2;
  if (!strcmp(l, "lt")) return m10 == 1 && m100 != 11 ? 0 : m10 >= 2 && (m100 < 10 || m100 >= 20) ? 1 : 2;
  if (!strcmp(l, "lv")) return m10 == 1 && m100 != 11 ? 0 : n != 0 ? 1 : 2;
  return n != 1;
}

const char *fl_ntr(const char *singular, const char *plural, long n) {
  uint32_t len;
  const char *t = cat.mo ? find(singular, &len) : NULL;
  if (!t) {
    if (cat.mo) atomic_fetch_add(&cat.misses, 1);
    return n == 1 ? singular : plural;
  }
  /* the forms follow each other, separated by NUL */
  int k = plural_index(n < 0 ? -n : n);
  const char *p = t, *end = t + len;
  for (int i = 0; i < k && p < end; i++) p += strlen(p) + 1;
  return p < end ? p : t;
}
