/* fl_lint_tok: a small Lua tokenizer for lint: exact lines for keys, string literals in
 * function bodies, bracket pairs, and where each definition call `kind { ... }` is. */
#define _POSIX_C_SOURCE 200809L
#include "fl_lint_int.h"
#include "fl_str.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void push_tok(Src *s, int *cap, Tok t) {
  if (s->nt == *cap) {
    *cap = *cap ? *cap * 2 : 1024;
    s->t = realloc(s->t, (size_t)*cap * sizeof *s->t);
  }
  s->t[s->nt++] = t;
}

/* Length of a long bracket opener "[==[" at p, with *level set; 0 if not one. */
static int long_open(const char *p, int *level) {
  if (*p != '[') return 0;
  int k = 1;
  while (p[k] == '=') k++;
  if (p[k] != '[') return 0;
  *level = k - 1;
  return k + 1;
}

static const char *long_close(const char *p, int level) {
  for (; *p; p++) {
    if (*p != ']') continue;
    int k = 1;
    while (p[k] == '=') k++;
    if (k - 1 == level && p[k] == ']') return p;
  }
  return NULL;
}

static void note_comment(Src *s, const char *a, const char *b, int line, int before_code) {
  size_t n = (size_t)(b - a);
  char *c = malloc(n + 1);
  memcpy(c, a, n);
  c[n] = '\0';
  if (line >= 1 && line <= s->nlines) {
    if (strstr(c, "src:") || strstr(c, "[@")) s->lf[line - 1] |= LF_SRC;
    if (strstr(c, "lint: ignore") || strstr(c, "lint:ignore")) s->lf[line - 1] |= LF_IGNORE;
  }
  if (before_code && (strstr(c, "lint: numbers-need-source") || strstr(c, "lint:numbers-need-source"))) s->need_src = 1;
  free(c);
}

void tokenize(Src *s) {
  const char *p = s->text, *base = s->text;
  int line = 1, cap = 0;
  s->nlines = 1;
  for (const char *q = p; *q; q++) s->nlines += *q == '\n';
  s->lf = calloc((size_t)s->nlines + 1, 1);
  static const char *const ops3[] = {"...", NULL};
  static const char *const ops2[] = {"..", "==", "~=", "<=", ">=", "//", "::", "<<", ">>", NULL};
  if (p[0] == '#' && p[1] == '!') while (*p && *p != '\n') p++; /* shebang */
  while (*p) {
    if (*p == '\n') { line++; p++; continue; }
    if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\f' || *p == '\v') { p++; continue; }
    if (p[0] == '-' && p[1] == '-') {
      int lvl, k = long_open(p + 2, &lvl);
      const char *a = p + 2, *e;
      if (k && (e = long_close(p + 2 + k, lvl))) {
        int l0 = line;
        for (const char *q = p; q < e; q++) line += *q == '\n';
        note_comment(s, a, e, l0, s->nt == 0);
        p = e + lvl + 2;
      } else {
        e = a;
        while (*e && *e != '\n') e++;
        note_comment(s, a, e, line, s->nt == 0);
        p = e;
      }
      continue;
    }
    Tok t = {T_OP, line, (int)(p - base), 1, 0};
    int lvl, k;
    if (*p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) {
      const char *e = p;
      while (*e == '_' || (*e >= 'a' && *e <= 'z') || (*e >= 'A' && *e <= 'Z') || (*e >= '0' && *e <= '9')) e++;
      t.type = T_NAME;
      t.len = (int)(e - p);
      p = e;
    } else if ((*p >= '0' && *p <= '9') || (*p == '.' && p[1] >= '0' && p[1] <= '9')) {
      const char *e = p;
      int hex = p[0] == '0' && (p[1] == 'x' || p[1] == 'X');
      if (hex) e += 2;
      for (;;) {
        char ch = *e;
        if ((ch >= '0' && ch <= '9') || ch == '.' || (hex && ((ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F')))) e++;
        else if ((!hex && (ch == 'e' || ch == 'E')) || (hex && (ch == 'p' || ch == 'P'))) {
          e++;
          if (*e == '+' || *e == '-') e++;
        } else break;
      }
      t.type = T_NUM;
      t.len = (int)(e - p);
      char buf[64];
      snprintf(buf, sizeof buf, "%.*s", t.len < 63 ? t.len : 63, p);
      t.num = strtod(buf, NULL);
      p = e;
    } else if (*p == '"' || *p == '\'') {
      char q = *p;
      const char *e = p + 1;
      while (*e && *e != q && *e != '\n') {
        if (*e == '\\' && e[1]) {
          if (e[1] == '\n') line++;
          e++;
        }
        e++;
      }
      t.type = T_STR;
      t.pos = (int)(p + 1 - base);
      t.len = (int)(e - p - 1);
      p = *e == q ? e + 1 : e;
    } else if ((k = long_open(p, &lvl)) != 0) {
      const char *e = long_close(p + k, lvl);
      if (!e) e = p + strlen(p);
      t.type = T_STR;
      t.pos = (int)(p + k - base);
      t.len = (int)(e - p - k);
      for (const char *q = p; q < e; q++) line += *q == '\n';
      p = *e ? e + lvl + 2 : e;
    } else {
      int done = 0;
      for (const char *const *o = ops3; *o && !done; o++)
        if (!strncmp(p, *o, 3)) { t.len = 3; done = 1; }
      for (const char *const *o = ops2; *o && !done; o++)
        if (!strncmp(p, *o, 2)) { t.len = 2; done = 1; }
      p += t.len;
    }
    push_tok(s, &cap, t);
  }
  push_tok(s, &cap, (Tok){T_EOF, line, (int)(p - base), 0, 0});
}

int tis(const Src *s, int i, const char *w) {
  if (i < 0 || i >= s->nt) return 0;
  const Tok *t = &s->t[i];
  return (t->type == T_NAME || t->type == T_OP) && (int)strlen(w) == t->len && !memcmp(s->text + t->pos, w, (size_t)t->len);
}

int ttype(const Src *s, int i) { return i >= 0 && i < s->nt ? s->t[i].type : T_EOF; }

/* Copy a token's text (string contents for T_STR). */
const char *ttext(const Src *s, int i, char *buf, size_t n) {
  const Tok *t = &s->t[i];
  snprintf(buf, n, "%.*s", t->len < (int)n - 1 ? t->len : (int)n - 1, s->text + t->pos);
  return buf;
}

/* Pair every opening bracket with its closing one in one pass (any kinds pair up, as
 * match_close's depth count does), so match_close costs O(1) on an opener. */
void pair_brackets(Src *s) {
  s->match = malloc((size_t)(s->nt ? s->nt : 1) * sizeof *s->match);
  int *stack = malloc((size_t)(s->nt ? s->nt : 1) * sizeof *stack), n = 0;
  if (!s->match || !stack) { free(s->match); s->match = NULL; free(stack); return; }
  for (int k = 0; k < s->nt; k++) {
    s->match[k] = -1;
    if (tis(s, k, "{") || tis(s, k, "(") || tis(s, k, "[")) stack[n++] = k;
    else if ((tis(s, k, "}") || tis(s, k, ")") || tis(s, k, "]")) && n) s->match[stack[--n]] = k;
  }
  while (n) s->match[stack[--n]] = s->nt - 1; /* unclosed */
  free(stack);
}

/* Index of the token closing the bracket opened at i ("{", "(", "["). */
int match_close(const Src *s, int i) {
  if (s->match && i >= 0 && i < s->nt && s->match[i] >= 0) return s->match[i];
  int d = 0;
  for (int k = i; k < s->nt; k++) {
    if (tis(s, k, "{") || tis(s, k, "(") || tis(s, k, "[")) d++;
    else if (tis(s, k, "}") || tis(s, k, ")") || tis(s, k, "]")) {
      if (--d == 0) return k;
    }
  }
  return s->nt - 1;
}

int fl_lt_opens_block(const Src *s, int k) {
  return tis(s, k, "function") || tis(s, k, "if") || tis(s, k, "do") || tis(s, k, "repeat");
}

int fl_lt_closes_block(const Src *s, int k) { return tis(s, k, "end") || tis(s, k, "until"); }

/* The "end" (or "until") closing the block opened at k; "while/for ... do" open at their "do". */
int block_end(const Src *s, int k) {
  for (int j = k, d = 0; j < s->nt; j++) {
    if (fl_lt_opens_block(s, j)) d++;
    else if (fl_lt_closes_block(s, j) && --d == 0) return j;
  }
  return s->nt - 1;
}

/* In the table constructor opened at `open`, the token of field `key` (NAME before "=") at depth 1, or -1. */
int find_field(const Src *s, int open, const char *key) {
  int close = match_close(s, open), d = 0;
  for (int k = open; k < close; k++) {
    if (tis(s, k, "{") || tis(s, k, "(") || tis(s, k, "[")) { d++; continue; }
    if (tis(s, k, "}") || tis(s, k, ")") || tis(s, k, "]")) { d--; continue; }
    if (d == 1 && tis(s, k, key) && ttype(s, k) == T_NAME && tis(s, k + 1, "=") && (tis(s, k - 1, "{") || tis(s, k - 1, ",") || tis(s, k - 1, ";")))
      return k;
  }
  return -1;
}

/* The "{" of the n-th (1-based) table element at depth 1 of the constructor at `open`, or -1. */
int nth_table(const Src *s, int open, int n) {
  int close = match_close(s, open), d = 0, seen = 0;
  for (int k = open; k < close; k++) {
    if (d == 1 && tis(s, k, "{") && (tis(s, k - 1, "{") || tis(s, k - 1, ",") || tis(s, k - 1, ";")) && ++seen == n) return k;
    if (tis(s, k, "{") || tis(s, k, "(") || tis(s, k, "[")) d++;
    else if (tis(s, k, "}") || tis(s, k, ")") || tis(s, k, "]")) d--;
  }
  return -1;
}

/* The calls `kind { ... }` (or `kind({ ... })`) in s, found once per kind. */
static const DefCalls *def_calls(Src *s, const char *kind) {
  for (int i = 0; i < s->ndc; i++)
    if (!strcmp(s->dc[i].kind, kind)) return &s->dc[i];
  DefCalls *dc = realloc(s->dc, (size_t)(s->ndc + 1) * sizeof *dc);
  if (!dc) return NULL;
  s->dc = dc;
  DefCalls *d = &dc[s->ndc++];
  memset(d, 0, sizeof *d);
  d->kind = kind;
  int cap = 0;
  for (int k = 0; k + 1 < s->nt; k++) {
    if (!tis(s, k, kind) || ttype(s, k) != T_NAME || tis(s, k - 1, ".") || tis(s, k - 1, ":")) continue;
    int open = tis(s, k + 1, "{") ? k + 1 : tis(s, k + 1, "(") && tis(s, k + 2, "{") ? k + 2 : -1;
    if (open < 0) continue;
    if (d->n == cap) {
      cap = cap ? cap * 2 : 64;
      int *o = realloc(d->open, (size_t)cap * sizeof *o), *l = o ? realloc(d->line, (size_t)cap * sizeof *l) : NULL;
      int *mc = l ? realloc(d->maxclose, (size_t)cap * sizeof *mc) : NULL;
      if (o) d->open = o;
      if (l) d->line = l;
      if (mc) d->maxclose = mc;
      if (!mc) break;
    }
    int close = s->t[match_close(s, open)].line;
    d->open[d->n] = open;
    d->line[d->n] = s->t[k].line;
    d->maxclose[d->n] = d->n && d->maxclose[d->n - 1] > close ? d->maxclose[d->n - 1] : close;
    d->n++;
  }
  return d;
}

int fl_lt_def_calls(Src *s, const char *kind, const int **open) {
  const DefCalls *d = def_calls(s, kind);
  *open = d ? d->open : NULL;
  return d ? d->n : 0;
}

/* The "{" of the first definition call `kind { ... }` in s that spans `line`, or -1.
 * Calls come in line order: the first whose closing line reaches `line` is the only
 * candidate (those before it end earlier), and it spans the line if it starts by then. */
int def_open(Src *s, const char *kind, int line) {
  const DefCalls *d = def_calls(s, kind);
  if (!d) return -1;
  int lo = 0, hi = d->n;
  while (lo < hi) {
    int mid = lo + (hi - lo) / 2;
    if (d->maxclose[mid] >= line) hi = mid;
    else lo = mid + 1;
  }
  return lo < d->n && d->line[lo] <= line ? d->open[lo] : -1;
}


/* ---- for the loader: where a key is (fl_lint.h) ---- */

static int src_read(Src *s, const char *path) {
  size_t len;
  memset(s, 0, sizeof *s);
  if (!path || !(s->text = fl_str_read_file(path, &len))) return -1;
  s->len = len;
  tokenize(s);
  pair_brackets(s);
  if (!s->t) { free(s->text); free(s->lf); free(s->match); return -1; }
  return 0;
}

static void src_free(Src *s) {
  free(s->text);
  free(s->t);
  free(s->match);
  for (int i = 0; i < s->ndc; i++) { free(s->dc[i].open); free(s->dc[i].line); free(s->dc[i].maxclose); }
  free(s->dc);
  free(s->lf);
}

int fl_lint_word_line(const char *path, int line, const char *word) {
  Src s;
  if (!word || !*word || src_read(&s, path)) return line;
  int at = line, open = -1;
  for (int k = 0; k < s.nt && s.t[k].line <= line && open < 0; k++) /* the call on that line: its first bracket */
    if (s.t[k].line == line && (tis(&s, k, "{") || tis(&s, k, "("))) open = k;
  char buf[256];
  for (int k = open, close = open >= 0 ? match_close(&s, open) : -1; k >= 0 && k <= close; k++)
    if ((ttype(&s, k) == T_STR || ttype(&s, k) == T_NAME) && !strcmp(ttext(&s, k, buf, sizeof buf), word)) { at = s.t[k].line; break; }
  src_free(&s);
  return at;
}

int fl_lint_key_line(const char *path, const char *kind, int line, int option, const char *key, const char *sub) {
  Src s;
  if (!key || src_read(&s, path)) return line;
  int open = def_open(&s, kind, line), at = line;
  if (open >= 0) { /* as lint's Where: the definition's "{", an option's, then the key's */
    at = s.t[open].line;
    if (option > 0) {
      int f = find_field(&s, open, "options");
      open = f >= 0 && tis(&s, f + 2, "{") ? nth_table(&s, f + 2, option) : -1;
      if (open >= 0) at = s.t[open].line;
    }
  }
  int k = open >= 0 ? find_field(&s, open, key) : -1;
  if (k >= 0) at = s.t[k].line;
  if (k >= 0 && sub && *sub && strcmp(sub, key) && tis(&s, k + 2, "{")) { /* a key inside its table: cost = { budgte = 1 } */
    int kf = find_field(&s, k + 2, sub);
    if (kf >= 0) at = s.t[kf].line;
  }
  src_free(&s);
  return at;
}
