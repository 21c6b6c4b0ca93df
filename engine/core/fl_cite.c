#include "fl_cite.h"
#include "fl_buf.h"
#include "fl_str.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int id_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

/* A parsed bracket: ids (bounded copies) and locators, and where it ends. */
typedef struct Br { int n; char id[FL_CITE_MAX][64]; char loc[FL_CITE_MAX][96]; size_t len; } Br;

/* Parse the citation starting at p ("[@"); 0 if the text there is not one. */
static int parse(const char *p, Br *b) {
  const char *q = p + 1;
  b->n = 0;
  for (;;) {
    if (*q != '@' || b->n == FL_CITE_MAX) return 0;
    q++;
    size_t k = 0;
    while (id_char(q[k])) k++;
    if (!k || k >= sizeof b->id[0]) return 0;
    memcpy(b->id[b->n], q, k);
    b->id[b->n][k] = '\0';
    if (!fl_str_is_id(b->id[b->n])) return 0;
    q += k;
    b->loc[b->n][0] = '\0';
    while (*q == ' ') q++;
    if (*q == ',') { /* a locator: "Art. 20", "p. 3" */
      q++;
      while (*q == ' ') q++;
      size_t l = strcspn(q, ";]\n");
      if (!q[l] || q[l] == '\n' || l >= sizeof b->loc[0]) return 0;
      while (l && q[l - 1] == ' ') l--;
      memcpy(b->loc[b->n], q, l);
      b->loc[b->n][l] = '\0';
      q += strcspn(q, ";]");
    }
    b->n++;
    if (*q == ']') { b->len = (size_t)(q + 1 - p); return 1; }
    if (*q != ';') return 0;
    q++;
    while (*q == ' ') q++;
  }
}

int fl_cite_scan(const char *text, void (*fn)(void *ud, const char *id, size_t offset), void *ud) {
  int n = 0;
  Br b;
  for (const char *p = text ? strstr(text, "[@") : NULL; p; p = strstr(p + 1, "[@")) {
    if (!parse(p, &b)) {
      if (fn && id_char(p[2])) fn(ud, NULL, (size_t)(p - text)); /* looks like one, but is not */
      continue;
    }
    n++;
    for (int i = 0; fn && i < b.n; i++) fn(ud, b.id[i], (size_t)(p - text));
  }
  return n;
}

/* The surname of one author: "Shlapak, David A." -> "Shlapak"; an organisation stays whole. */
static size_t surname(const char *a, size_t n, const char **start) {
  while (n && *a == ' ') { a++; n--; }
  while (n && a[n - 1] == ' ') n--;
  const char *comma = memchr(a, ',', n);
  *start = a;
  return comma ? (size_t)(comma - a) : n;
}

const char *fl_cite_short(const fl_Source *s, char *buf, size_t n) {
  size_t k = 0;
  buf[0] = '\0';
#define ADD(...) do { if (k < n) { int w_ = snprintf(buf + k, n - k, __VA_ARGS__); if (w_ > 0) k += (size_t)w_; } } while (0)
  const char *named = s->short_name && *s->short_name ? s->short_name : NULL;
  if (named) ADD("%s", named);
  else if (s->author && *s->author) {
    const char *names[3];
    size_t lens[3];
    int count = 0;
    for (const char *a = s->author; *a;) {
      size_t l = strcspn(a, ";");
      if (count < 3) lens[count] = surname(a, l, &names[count]);
      count++;
      a += l;
      if (*a == ';') a++;
    }
    if (count == 1) ADD("%.*s", (int)lens[0], names[0]);
    else if (count == 2) ADD("%.*s & %.*s", (int)lens[0], names[0], (int)lens[1], names[1]);
    else ADD("%.*s et al.", (int)lens[0], names[0]);
  } else if (s->title && *s->title) {
    size_t l = strlen(s->title);
    if (l <= 48) ADD("%s", s->title);
    else { /* cut at a word, on a UTF-8 character boundary */
      size_t c = 44;
      while (c > 20 && s->title[c] != ' ') c--;
      while (c && ((unsigned char)s->title[c] & 0xC0) == 0x80) c--;
      ADD("%.*s\xE2\x80\xA6", (int)c, s->title);
    }
  } else ADD("%s", s->id);
  /* "Landmine Monitor 2024", not "Landmine Monitor 2024 2024" */
  const char *shown = named ? named : s->author && *s->author ? NULL : s->title;
  if (s->year && *s->year && !(shown && strstr(shown, s->year))) ADD(" %s", s->year);
#undef ADD
  return buf;
}

const char *fl_cite_entry(const fl_Source *s, int md, char *buf, size_t n) {
  size_t k = 0;
  buf[0] = '\0';
#define ADD(...) do { if (k < n) { int w_ = snprintf(buf + k, n - k, __VA_ARGS__); if (w_ > 0) k += (size_t)w_; } } while (0)
  int has_author = s->author && *s->author, has_title = s->title && *s->title;
  if (!has_author && !has_title && !(s->publisher && *s->publisher) && !(s->link && *s->link)) {
    ADD("%s", s->text && *s->text ? s->text : s->note && *s->note ? s->note : s->id); /* a free-text citation */
    return buf;
  }
  int year = s->year && *s->year;
  if (has_author) {
    ADD("%s", s->author);
    ADD(year ? " (%s)." : ".", s->year);
    if (has_title) ADD(md ? " *%s*." : " %s.", s->title);
  } else if (has_title) { /* no author: the title leads */
    ADD(md ? "*%s*" : "%s", s->title);
    ADD(year ? " (%s)." : ".", s->year);
  } else if (year) ADD("%s.", s->year);
  if (s->publisher && *s->publisher) ADD(" %s.", s->publisher);
  if (s->link && *s->link) ADD(md ? " <%s>" : " %s", s->link);
  if (s->note && *s->note) ADD(" %s", s->note);
#undef ADD
  char *p = buf;
  while (*p == ' ') p++; /* no author and no year: no leading space */
  if (p != buf) memmove(buf, p, strlen(p) + 1);
  return buf;
}

typedef struct Key { char s[160]; int i; const char *id; } Key;

static int cmp_key(const void *a, const void *b) {
  const Key *x = a, *y = b;
  int r = strcasecmp(x->s, y->s);
  return r ? r : strcmp(x->id, y->id);
}

void fl_cite_order(const fl_Def *d, int *order) {
  Key *k = calloc((size_t)d->nsource + 1, sizeof *k);
  if (!k) { for (int i = 0; i < d->nsource; i++) order[i] = i; return; }
  for (int i = 0; i < d->nsource; i++) {
    fl_cite_short(&d->sources[i], k[i].s, sizeof k[i].s);
    k[i].i = i;
    k[i].id = d->sources[i].id;
  }
  qsort(k, (size_t)d->nsource, sizeof *k, cmp_key);
  for (int i = 0; i < d->nsource; i++) order[i] = k[i].i;
  free(k);
}

const char *fl_cite_mark(const char *text, size_t *len) {
  for (const char *p = text ? strchr(text, '[') : NULL; p; p = strchr(p + 1, '[')) {
    size_t k = 1;
    while (k <= 4 && ((p[k] >= 'A' && p[k] <= 'Z') || (p[k] >= '0' && p[k] <= '9'))) k++;
    if (k > 1 && k <= 4 && p[k] == ']') { *len = k - 1; return p + 1; }
  }
  return NULL;
}

/* Does text carry the mark [m]? */
static int has_mark(const char *text, const char *m) {
  size_t len, ml = strlen(m);
  for (const char *p = fl_cite_mark(text, &len); p; p = fl_cite_mark(p + len, &len))
    if (len == ml && !memcmp(p, m, len)) return 1;
  return 0;
}

int fl_cite_legend(const fl_Def *d, const char *only, char *buf, size_t n) {
  size_t k = 0;
  int listed = 0;
  if (n) buf[0] = '\0';
  for (int i = 0; i < d->nevidence && k < n; i++) {
    const fl_EvidenceDef *e = &d->evidence[i];
    if (only && !has_mark(only, e->mark)) continue;
    int w = snprintf(buf + k, n - k, "%s[%s] %s", listed ? "; " : "", e->mark, e->text);
    if (w > 0) k += (size_t)w;
    listed++;
  }
  return listed;
}

int fl_cite_resolve(const fl_Def *d, const char *text, fl_Cited *out) {
  memset(out, 0, sizeof *out);
  fl_Buf b = {0};
  int cap = 0;
  const char *p = text ? text : "";
  for (;;) {
    const char *at = strstr(p, "[@");
    Br br;
    while (at && !parse(at, &br)) at = strstr(at + 1, "[@");
    fl_buf_bytes(&b, p, at ? (size_t)(at - p) : strlen(p));
    if (!at) break;
    fl_Cite c = {b.len, 0, {0}, 0};
    for (int i = 0; i < br.n; i++) {
      c.src[c.nsrc] = fl_def_source(d, br.id[i]);
      if (c.src[c.nsrc] >= 0) c.nsrc++;
    }
    if (c.nsrc < br.n) { /* an unknown id: leave the citation as written, for lint to find */
      out->unknown++;
      fl_buf_bytes(&b, at, br.len);
    } else {
      fl_buf_u8(&b, '(');
      for (int i = 0; i < br.n; i++) {
        char sh[200];
        fl_cite_short(&d->sources[c.src[i]], sh, sizeof sh);
        if (i) fl_buf_bytes(&b, "; ", 2);
        fl_buf_bytes(&b, sh, strlen(sh));
        if (br.loc[i][0]) { fl_buf_bytes(&b, ", ", 2); fl_buf_bytes(&b, br.loc[i], strlen(br.loc[i])); }
      }
      fl_buf_u8(&b, ')');
      c.len = b.len - c.start;
      if (out->ncite == cap) {
        cap = cap ? cap * 2 : 8;
        fl_Cite *nc = realloc(out->cites, (size_t)cap * sizeof *nc);
        if (!nc) { b.oom = 1; break; }
        out->cites = nc;
      }
      out->cites[out->ncite++] = c;
    }
    p = at + br.len;
  }
  fl_buf_u8(&b, '\0');
  if (b.oom) { fl_buf_free(&b); fl_cited_free(out); return -1; }
  out->text = (char *)b.data;
  return 0;
}

void fl_cited_free(fl_Cited *c) {
  free(c->text);
  free(c->cites);
  memset(c, 0, sizeof *c);
}
