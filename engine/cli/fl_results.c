/* The table of a batch's games: storage, CSV/JSONL files, statistics, summary. */
#define _POSIX_C_SOURCE 200809L
#include "fl_results.h"
#include "fl_str.h"
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static char **grow_names(char **v, int n) { return realloc(v, (size_t)(n + 1) * sizeof *v); }

fl_Results *fl_res_new(int ntrack, const char *const *tracks) {
  fl_Results *r = calloc(1, sizeof *r);
  if (!r) return NULL;
  r->track = calloc((size_t)ntrack + 1, sizeof *r->track);
  if (!r->track) { free(r); return NULL; }
  for (int i = 0; i < ntrack; i++)
    if (!(r->track[r->ntrack++] = fl_str_dup(tracks[i]))) { fl_res_free(r); return NULL; }
  return r;
}

void fl_res_free(fl_Results *r) {
  if (!r) return;
  for (int i = 0; i < r->ntrack; i++) free(r->track[i]);
  for (int i = 0; i < r->nset; i++) free(r->set[i]);
  for (int i = 0; i < r->nending; i++) free(r->ending[i]);
  free(r->track); free(r->set); free(r->ending);
  free(r->seed); free(r->set_of); free(r->ending_of); free(r->turns); free(r->val);
  if (r->unit) for (int k = 0; k < r->ntrack; k++) free(r->unit[k]);
  free(r->unit);
  free(r->hidden);
  free(r);
}

static int intern(char ***v, int *n, const char *name) {
  for (int i = 0; i < *n; i++)
    if (!strcmp((*v)[i], name)) return i;
  char **nv = grow_names(*v, *n);
  if (!nv) return -1;
  *v = nv;
  if (!(nv[*n] = fl_str_dup(name))) return -1;
  return (*n)++;
}

int fl_res_set(fl_Results *r, const char *name) { return intern(&r->set, &r->nset, name); }
int fl_res_ending(fl_Results *r, const char *id) { return *id ? intern(&r->ending, &r->nending, id) : -1; }

int fl_res_resize(fl_Results *r, size_t n) {
  if (n > r->cap) {
    size_t c = r->cap ? r->cap : 64;
    while (c < n) c *= 2;
    uint64_t *s = realloc(r->seed, c * sizeof *s);
    if (s) r->seed = s;
    int *a = realloc(r->set_of, c * sizeof *a);
    if (a) r->set_of = a;
    int *b = realloc(r->ending_of, c * sizeof *b);
    if (b) r->ending_of = b;
    int *t = realloc(r->turns, c * sizeof *t);
    if (t) r->turns = t;
    double *v = realloc(r->val, c * (size_t)(r->ntrack ? r->ntrack : 1) * sizeof *v);
    if (v) r->val = v;
    if (!s || !a || !b || !t || !v) return -1;
    r->cap = c;
  }
  for (size_t i = r->n; i < n; i++) {
    r->seed[i] = 0;
    r->set_of[i] = r->ending_of[i] = -1;
    r->turns[i] = 0;
    for (int k = 0; k < r->ntrack; k++) r->val[i * (size_t)r->ntrack + (size_t)k] = 0;
  }
  r->n = n;
  return 0;
}

static const fl_Results *sort_r;
static int cmp_row(const void *a, const void *b) {
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  if (sort_r->set_of[x] != sort_r->set_of[y]) return sort_r->set_of[x] < sort_r->set_of[y] ? -1 : 1;
  if (sort_r->seed[x] != sort_r->seed[y]) return sort_r->seed[x] < sort_r->seed[y] ? -1 : 1;
  return 0;
}

/* Sorting runs single-threaded in the main thread (flank merge), so the static is safe. */
int fl_res_sort(fl_Results *r, char *err, size_t errn) {
  size_t n = r->n, nt = (size_t)r->ntrack;
  size_t *ix = malloc((n ? n : 1) * sizeof *ix);
  fl_Results tmp = *r;
  tmp.seed = malloc((n ? n : 1) * sizeof *tmp.seed);
  tmp.set_of = malloc((n ? n : 1) * sizeof(int));
  tmp.ending_of = malloc((n ? n : 1) * sizeof(int));
  tmp.turns = malloc((n ? n : 1) * sizeof(int));
  tmp.val = malloc((n ? n : 1) * (nt ? nt : 1) * sizeof(double));
  int rc = -1;
  if (!ix || !tmp.seed || !tmp.set_of || !tmp.ending_of || !tmp.turns || !tmp.val) { snprintf(err, errn, "out of memory"); goto done; }
  for (size_t i = 0; i < n; i++) ix[i] = i;
  sort_r = r;
  qsort(ix, n, sizeof *ix, cmp_row);
  for (size_t i = 0; i + 1 < n; i++)
    if (!cmp_row(&ix[i], &ix[i + 1])) {
      snprintf(err, errn, "the game with seed %llu of policy set '%s' appears twice (a shard given twice?)",
               (unsigned long long)r->seed[ix[i]], r->set[r->set_of[ix[i]]]);
      goto done;
    }
  for (size_t i = 0; i < n; i++) {
    size_t s = ix[i];
    tmp.seed[i] = r->seed[s];
    tmp.set_of[i] = r->set_of[s];
    tmp.ending_of[i] = r->ending_of[s];
    tmp.turns[i] = r->turns[s];
    if (nt) memcpy(&tmp.val[i * nt], &r->val[s * nt], nt * sizeof(double));
  }
  memcpy(r->seed, tmp.seed, n * sizeof *r->seed);
  memcpy(r->set_of, tmp.set_of, n * sizeof(int));
  memcpy(r->ending_of, tmp.ending_of, n * sizeof(int));
  memcpy(r->turns, tmp.turns, n * sizeof(int));
  if (nt) memcpy(r->val, tmp.val, n * nt * sizeof(double));
  rc = 0;
done:
  free(ix); free(tmp.seed); free(tmp.set_of); free(tmp.ending_of); free(tmp.turns); free(tmp.val);
  return rc;
}

void fl_res_num(double v, char *buf, size_t n) {
  if (v == floor(v) && fabs(v) < 1e15) { snprintf(buf, n, "%.0f", v); return; }
  for (int p = 6; p <= 17; p++) {
    snprintf(buf, n, "%.*g", p, v);
    if (strtod(buf, NULL) == v) return;
  }
}

static void csv_field(FILE *f, const char *s) {
  if (!s[strcspn(s, ",\"\r\n")] && s[0] != ' ') { fputs(s, f); return; }
  fputc('"', f);
  for (; *s; s++) { if (*s == '"') fputc('"', f); fputc(*s, f); }
  fputc('"', f);
}

void fl_res_write_csv(FILE *f, const fl_Results *r) {
  fputs("seed,set,ending", f);
  for (int k = 0; k < r->ntrack; k++) { fputc(',', f); csv_field(f, r->track[k]); }
  fputs(",turns\n", f);
  char num[40];
  for (size_t i = 0; i < r->n; i++) {
    fprintf(f, "%llu,", (unsigned long long)r->seed[i]);
    csv_field(f, r->set[r->set_of[i]]);
    fputc(',', f);
    if (r->ending_of[i] >= 0) csv_field(f, r->ending[r->ending_of[i]]);
    for (int k = 0; k < r->ntrack; k++) {
      fl_res_num(r->val[i * (size_t)r->ntrack + (size_t)k], num, sizeof num);
      fprintf(f, ",%s", num);
    }
    fprintf(f, ",%d\n", r->turns[i]);
  }
}

static void json_str(FILE *f, const char *s) {
  fputc('"', f);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '"' || *p == '\\') fprintf(f, "\\%c", *p);
    else if (*p < 0x20) fprintf(f, "\\u%04x", *p);
    else fputc(*p, f);
  }
  fputc('"', f);
}

void fl_res_write_jsonl(FILE *f, const fl_Results *r) {
  char num[40];
  for (size_t i = 0; i < r->n; i++) {
    fprintf(f, "{\"seed\":%llu,\"set\":", (unsigned long long)r->seed[i]);
    json_str(f, r->set[r->set_of[i]]);
    fputs(",\"ending\":", f);
    if (r->ending_of[i] >= 0) json_str(f, r->ending[r->ending_of[i]]); else fputs("null", f);
    fputs(",\"tracks\":{", f);
    for (int k = 0; k < r->ntrack; k++) {
      fl_res_num(r->val[i * (size_t)r->ntrack + (size_t)k], num, sizeof num);
      if (k) fputc(',', f);
      json_str(f, r->track[k]);
      fprintf(f, ":%s", num);
    }
    fprintf(f, "},\"turns\":%d}\n", r->turns[i]);
  }
}

/* ---- reading ---- */

/* Split one CSV line into fields (in place); returns the count, -1 on a bad quote. */
static int csv_split(char *line, char **fields, int max) {
  int n = 0;
  char *p = line;
  for (;;) {
    if (n == max) return -1;
    if (*p == '"') {
      char *w = ++p;
      fields[n++] = w;
      for (;;) {
        if (!*p) return -1;
        if (*p == '"' && p[1] == '"') { *w++ = '"'; p += 2; continue; }
        if (*p == '"') { p++; break; }
        *w++ = *p++;
      }
      *w = '\0';
      if (*p == ',') { p++; continue; }
      return *p ? -1 : n;
    }
    fields[n++] = p;
    p += strcspn(p, ",");
    if (!*p) return n;
    *p++ = '\0';
  }
}

static int parse_u64(const char *s, uint64_t *v) {
  char *end;
  errno = 0;
  if (!*s || *s == '-') return -1;
  *v = strtoull(s, &end, 10);
  return *end || errno ? -1 : 0;
}

static int parse_num(const char *s, double *v) {
  char *end;
  if (!*s) return -1;
  *v = strtod(s, &end);
  return *end || !isfinite(*v) ? -1 : 0;
}

static int add_row(fl_Results *r, uint64_t seed, const char *set, const char *ending, int turns) {
  size_t i = r->n;
  int s = fl_res_set(r, set), e = fl_res_ending(r, ending);
  if (s < 0 || (*ending && e < 0) || fl_res_resize(r, i + 1)) return -1;
  r->seed[i] = seed;
  r->set_of[i] = s;
  r->ending_of[i] = e;
  r->turns[i] = turns;
  return 0;
}

static int read_csv(const char *path, char *text, fl_Results **rp, char *err, size_t errn) {
  char *save = NULL, *line = strtok_r(text, "\n", &save);
  enum { MAXF = 1024 };
  char **f = malloc(MAXF * sizeof *f);
  if (!f) { snprintf(err, errn, "out of memory"); return -1; }
  int rc = -1, lineno = 1;
  size_t l = line ? strlen(line) : 0;
  if (l && line[l - 1] == '\r') line[l - 1] = '\0';
  int nf = line ? csv_split(line, f, MAXF) : -1;
  if (nf < 4 || strcmp(f[0], "seed") || strcmp(f[1], "set") || strcmp(f[2], "ending") || strcmp(f[nf - 1], "turns")) {
    snprintf(err, errn, "%s:1: not a flank batch CSV (header seed,set,ending,<tracks>,turns)", path);
    goto done;
  }
  int nt = nf - 4;
  if (!*rp && !(*rp = fl_res_new(nt, (const char *const *)f + 3))) { snprintf(err, errn, "out of memory"); goto done; }
  fl_Results *r = *rp;
  int same = r->ntrack == nt;
  for (int k = 0; same && k < nt; k++) same = !strcmp(r->track[k], f[3 + k]);
  if (!same) { snprintf(err, errn, "%s:1: the tracks differ from the first file's", path); goto done; }
  while ((line = strtok_r(NULL, "\n", &save))) {
    lineno++;
    l = strlen(line);
    if (l && line[l - 1] == '\r') line[--l] = '\0';
    if (!l) continue;
    uint64_t seed, turns;
    if (csv_split(line, f, MAXF) != nf || parse_u64(f[0], &seed) || parse_u64(f[nf - 1], &turns)) {
      snprintf(err, errn, "%s:%d: expected %d fields: seed,set,ending,<tracks>,turns", path, lineno, nf);
      goto done;
    }
    if (add_row(r, seed, f[1], f[2], (int)turns)) { snprintf(err, errn, "out of memory"); goto done; }
    for (int k = 0; k < nt; k++)
      if (parse_num(f[3 + k], &r->val[(r->n - 1) * (size_t)nt + (size_t)k])) {
        snprintf(err, errn, "%s:%d: track %s is not a number: '%s'", path, lineno, r->track[k], f[3 + k]);
        goto done;
      }
  }
  rc = 0;
done:
  free(f);
  return rc;
}

/* A minimal reader for the JSON lines fl_res_write_jsonl writes. */
typedef struct J { const char *p; } J;
static void j_ws(J *j) { while (*j->p == ' ' || *j->p == '\t' || *j->p == '\r') j->p++; }
static int j_eat(J *j, char c) { j_ws(j); if (*j->p != c) return 0; j->p++; return 1; }

static int j_str(J *j, char *out, size_t n) {
  if (!j_eat(j, '"')) return -1;
  size_t k = 0;
  while (*j->p && *j->p != '"') {
    unsigned c = (unsigned char)*j->p++;
    if (c == '\\') {
      char e = *j->p++;
      if (e == 'u') {
        unsigned u = 0;
        for (int i = 0; i < 4; i++) {
          char h = *j->p++;
          u = u * 16 + (unsigned)(h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : 0);
        }
        c = u < 0x80 ? u : '?';
      } else c = e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e == 'b' ? '\b' : e == 'f' ? '\f' : (unsigned char)e;
    }
    if (k + 1 < n) out[k++] = (char)c;
  }
  out[k] = '\0';
  return j_eat(j, '"') ? 0 : -1;
}

static int j_num(J *j, double *v) {
  j_ws(j);
  char *end;
  *v = strtod(j->p, &end);
  if (end == j->p) return -1;
  j->p = end;
  return 0;
}

static int read_jsonl_line(const char *line, fl_Results **rp, char *why, size_t wn) {
  J j = {line};
  char key[256], set[1024] = "", ending[256] = "";
  double seed = -1, turns = -1, vals[1024];
  char names[64][64];
  int nv = 0, have_set = 0;
  if (!j_eat(&j, '{')) { snprintf(why, wn, "expected '{'"); return -1; }
  do {
    if (j_str(&j, key, sizeof key) || !j_eat(&j, ':')) { snprintf(why, wn, "expected \"key\":"); return -1; }
    if (!strcmp(key, "seed")) { if (j_num(&j, &seed)) { snprintf(why, wn, "seed is not a number"); return -1; } }
    else if (!strcmp(key, "turns")) { if (j_num(&j, &turns)) { snprintf(why, wn, "turns is not a number"); return -1; } }
    else if (!strcmp(key, "set")) { if (j_str(&j, set, sizeof set)) { snprintf(why, wn, "set is not a string"); return -1; } have_set = 1; }
    else if (!strcmp(key, "ending")) {
      j_ws(&j);
      if (!strncmp(j.p, "null", 4)) j.p += 4;
      else if (j_str(&j, ending, sizeof ending)) { snprintf(why, wn, "ending is not a string"); return -1; }
    } else if (!strcmp(key, "tracks")) {
      if (!j_eat(&j, '{')) { snprintf(why, wn, "tracks is not an object"); return -1; }
      if (!j_eat(&j, '}')) do {
        if (nv == 64 || j_str(&j, names[nv], sizeof names[nv]) || !j_eat(&j, ':') || j_num(&j, &vals[nv])) {
          snprintf(why, wn, "bad tracks object");
          return -1;
        }
        nv++;
      } while (j_eat(&j, ','));
      if (nv && !j_eat(&j, '}')) { snprintf(why, wn, "expected '}' after tracks"); return -1; }
    } else { snprintf(why, wn, "unknown field '%s'", key); return -1; }
  } while (j_eat(&j, ','));
  if (!j_eat(&j, '}')) { snprintf(why, wn, "expected '}'"); return -1; }
  if (seed < 0 || turns < 0 || !have_set) { snprintf(why, wn, "needs seed, set and turns"); return -1; }
  if (!*rp) {
    const char *t[64];
    for (int k = 0; k < nv; k++) t[k] = names[k];
    if (!(*rp = fl_res_new(nv, t))) { snprintf(why, wn, "out of memory"); return -1; }
  }
  fl_Results *r = *rp;
  if (nv != r->ntrack) { snprintf(why, wn, "%d tracks, the first row had %d", nv, r->ntrack); return -1; }
  if (add_row(r, (uint64_t)seed, set, ending, (int)turns)) { snprintf(why, wn, "out of memory"); return -1; }
  for (int k = 0; k < nv; k++) {
    int c = 0;
    while (c < r->ntrack && strcmp(r->track[c], names[k])) c++;
    if (c == r->ntrack) { snprintf(why, wn, "track '%s' is not in the first row", names[k]); return -1; }
    r->val[(r->n - 1) * (size_t)r->ntrack + (size_t)c] = vals[k];
  }
  return 0;
}

int fl_res_read(const char *path, fl_Results **rp, char *err, size_t errn) {
  size_t len;
  char *text = fl_str_read_file(path, &len);
  if (!text) { snprintf(err, errn, "%s: cannot read: %s", path, strerror(errno)); return -1; }
  int rc;
  const char *p = text;
  while (*p == ' ' || *p == '\n') p++;
  if (*p == '{') {
    rc = 0;
    char *save = NULL, why[256];
    int lineno = 0;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
      lineno++;
      if (!line[strspn(line, " \t\r")]) continue;
      if (read_jsonl_line(line, rp, why, sizeof why)) { snprintf(err, errn, "%s:%d: %s", path, lineno, why); rc = -1; break; }
    }
  } else rc = read_csv(path, text, rp, err, errn);
  free(text);
  return rc;
}

/* ---- statistics ---- */

void fl_res_stats(const fl_Results *r, int set, int col, fl_Stats *o) {
  memset(o, 0, sizeof *o);
  size_t n = 0;
  for (size_t i = 0; i < r->n; i++) n += r->set_of[i] == set;
  double *v = n ? malloc(n * sizeof *v) : NULL;
  if (!v) return;
  size_t k = 0;
  for (size_t i = 0; i < r->n; i++)
    if (r->set_of[i] == set) v[k++] = col < 0 ? r->turns[i] : r->val[i * (size_t)r->ntrack + (size_t)col];
  fl_stats_of(v, n, o);
  free(v);
}

size_t fl_res_count(const fl_Results *r, int set, int e) {
  size_t n = 0;
  for (size_t i = 0; i < r->n; i++) n += r->set_of[i] == set && r->ending_of[i] == e;
  return n;
}

/* qsort has no context argument in C17; the summary runs in the main thread only. */
static const fl_Results *ord_r;
static int cmp_ending(const void *a, const void *b) { return strcmp(ord_r->ending[*(const int *)a], ord_r->ending[*(const int *)b]); }

void fl_res_describe(fl_Results *r, int col, const char *unit, int visible) {
  if (col < 0 || col >= r->ntrack) return;
  if (!r->unit) r->unit = calloc((size_t)r->ntrack, sizeof *r->unit);
  if (!r->hidden) r->hidden = calloc((size_t)r->ntrack, 1);
  if (!r->unit || !r->hidden) return;
  free(r->unit[col]);
  r->unit[col] = unit && *unit ? fl_str_dup(unit) : NULL;
  r->hidden[col] = !visible;
}

void fl_res_summary(FILE *f, const fl_Results *r) {
  /* endings that occurred, by id: the order must not depend on which shard came first */
  int *ord = malloc((size_t)(r->nending + 1) * sizeof *ord), ne = 0, unfinished = 0;
  if (!ord) return;
  for (int e = 0; e < r->nending; e++) {
    size_t c = 0;
    for (int s = 0; s < r->nset; s++) c += fl_res_count(r, s, e);
    if (c) ord[ne++] = e;
  }
  for (int s = 0; s < r->nset; s++) unfinished |= fl_res_count(r, s, -1) > 0;
  ord_r = r;
  qsort(ord, (size_t)ne, sizeof *ord, cmp_ending);
  if (unfinished) ord[ne++] = -1;
  for (int s = 0; s < r->nset; s++) {
    uint64_t lo = UINT64_MAX, hi = 0;
    size_t n = 0;
    for (size_t i = 0; i < r->n; i++)
      if (r->set_of[i] == s) { n++; lo = r->seed[i] < lo ? r->seed[i] : lo; hi = r->seed[i] > hi ? r->seed[i] : hi; }
    fprintf(f, "%sPolicy set %s: %zu games, seeds %llu..%llu\n", s ? "\n" : "", r->set[s], n,
            (unsigned long long)lo, (unsigned long long)hi);
    fprintf(f, "  %-28s %8s %8s\n", "ending", "games", "share");
    for (int k = 0; k < ne; k++) {
      size_t c = fl_res_count(r, s, ord[k]);
      fprintf(f, "  %-28s %8zu %7.1f%%\n", ord[k] >= 0 ? r->ending[ord[k]] : "(unfinished)", c, n ? 100.0 * (double)c / (double)n : 0);
    }
    fprintf(f, "  %-28s %10s %23s %10s %10s %10s %10s  %s\n", "track", "mean", "95% CI of the mean", "median", "p05", "p95",
            "sd", "unit");
    int nhidden = 0;
    for (int k = 0; k <= r->ntrack; k++) {
      int col = k < r->ntrack ? k : -1; /* the tracks, then turns */
      if (col >= 0 && r->hidden && r->hidden[col]) { nhidden++; continue; }
      fl_Stats st;
      fl_res_stats(r, s, col, &st);
      char ci[64];
      snprintf(ci, sizeof ci, "[%.4g, %.4g]", st.ci_lo, st.ci_hi);
      fprintf(f, "  %-28s %10.4g %23s %10.4g %10.4g %10.4g %10.4g  %s\n", col < 0 ? "(turns)" : r->track[col], st.mean, ci,
              st.median, st.p05, st.p95, st.sd, col >= 0 && r->unit && r->unit[col] ? r->unit[col] : "");
    }
    if (nhidden) fprintf(f, "  (%d track%s the scenario keeps from players %s in the CSV/JSONL only)\n", nhidden,
                         nhidden == 1 ? "" : "s", nhidden == 1 ? "is" : "are");
  }
  free(ord);
}
