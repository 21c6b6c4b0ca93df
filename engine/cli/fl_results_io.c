/* A batch's results as files: CSV (provenance as "# " comment lines, then a header and a
 * row per game) and JSON lines (a {"flank_batch": [...]} line, then a row per game). The
 * provenance records are the same in both: one list of strings each. */
#define _POSIX_C_SOURCE 200809L
#include "fl_cli.h"
#include "fl_results.h"
#include "fl_str.h"
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { MAXF = 1024 };

static void csv_field(FILE *f, const char *s) { fl_str_csv_cell(f, s); }

/* One provenance record: "# a,b,c" in CSV, ["a","b","c"] in JSON. */
static void record(FILE *f, int json, int *first, const char *const *v, int n) {
  if (json) fputs(*first ? "[" : ",[", f);
  else fputs("# ", f);
  for (int i = 0; i < n; i++) {
    if (i) fputc(',', f);
    if (json) cli_json_str(f, v[i]); else csv_field(f, v[i]);
  }
  fputs(json ? "]" : "\n", f);
  *first = 0;
}

static void write_meta(FILE *f, const fl_Results *r, int json) {
  if (!r->has_prov) return;
  const fl_Prov *p = &r->prov;
  char a[32], b[32], h[32];
  int first = 1;
  if (json) fputs("{\"flank_batch\":[", f);
  record(f, json, &first, (const char *[]){"flank-batch", "1"}, 2);
  record(f, json, &first, (const char *[]){"flank", p->flank}, 2);
  snprintf(h, sizeof h, "%016" PRIx64, p->hash);
  record(f, json, &first, (const char *[]){"scenario", p->scenario, p->version, h, p->title}, 5);
  record(f, json, &first, (const char *[]){"command", p->command}, 2);
  snprintf(a, sizeof a, "%" PRIu64, p->seed_base);
  snprintf(b, sizeof b, "%" PRIu64, p->runs);
  record(f, json, &first, (const char *[]){"seeds", a, b}, 3);
  snprintf(a, sizeof a, "%" PRIu64, p->shard_k);
  snprintf(b, sizeof b, "%" PRIu64, p->shard_n);
  record(f, json, &first, (const char *[]){"shard", a, b}, 3);
  for (int s = 0; s < r->nset; s++) { /* the name people read, when the policy has one, as a fourth field */
    const char *label = s < r->nlabel ? r->set_label[s] : NULL;
    record(f, json, &first, (const char *[]){"set", r->set[s], r->set_spec[s] ? r->set_spec[s] : "", label}, label ? 4 : 3);
  }
  for (int i = 0; i < r->nparam; i++) /* the assumptions in force: the defaults, class.txt, --set, the sweep */
    record(f, json, &first, (const char *[]){"param", r->param[4 * i], r->param[4 * i + 1], r->param[4 * i + 2], r->param[4 * i + 3]}, 5);
  for (int k = 0; k < r->ntrack; k++) {
    const fl_TrackInfo *t = &r->info[k];
    fl_res_num(t->min, a, sizeof a);
    fl_res_num(t->max, b, sizeof b);
    record(f, json, &first, (const char *[]){"track", r->track[k], t->name ? t->name : r->track[k], t->unit ? t->unit : "",
                                             t->hidden ? "hidden" : "shown",
                                             t->better > 0 ? "higher" : t->better < 0 ? "lower" : "neutral", a, b}, 8);
  }
  for (int e = 0; e < r->nending; e++)
    record(f, json, &first, (const char *[]){"ending", r->ending[e], r->ending_title[e] ? r->ending_title[e] : r->ending[e]}, 3);
  if (json) fputs("]}\n", f);
}

void fl_res_write_csv(FILE *f, const fl_Results *r) {
  write_meta(f, r, 0);
  fputs("seed,set,ending", f);
  for (int k = 0; k < r->ntrack; k++) { fputc(',', f); csv_field(f, r->track[k]); }
  fputs(",turns\n", f);
  char num[40];
  for (size_t i = 0; i < r->n; i++) {
    fprintf(f, "%" PRIu64 ",", r->seed[i]);
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

void fl_res_write_jsonl(FILE *f, const fl_Results *r) {
  char num[40];
  write_meta(f, r, 1);
  for (size_t i = 0; i < r->n; i++) {
    fprintf(f, "{\"seed\":%" PRIu64 ",\"set\":", r->seed[i]);
    cli_json_str(f, r->set[r->set_of[i]]);
    fputs(",\"ending\":", f);
    if (r->ending_of[i] >= 0) cli_json_str(f, r->ending[r->ending_of[i]]); else fputs("null", f);
    fputs(",\"tracks\":{", f);
    for (int k = 0; k < r->ntrack; k++) {
      fl_res_num(r->val[i * (size_t)r->ntrack + (size_t)k], num, sizeof num);
      if (k) fputc(',', f);
      cli_json_str(f, r->track[k]);
      fprintf(f, ":%s", num);
    }
    fprintf(f, "},\"turns\":%d}\n", r->turns[i]);
  }
}

/* ---- reading ---- */

/* Provenance records as read, applied once the table exists. */
typedef struct Rec { char **v; int n, line; } Rec;
typedef struct Meta { Rec *rec; int n, cap; } Meta;

static void meta_free(Meta *m) {
  for (int i = 0; i < m->n; i++) {
    for (int k = 0; k < m->rec[i].n; k++) free(m->rec[i].v[k]);
    free(m->rec[i].v);
  }
  free(m->rec);
}

static int meta_add(Meta *m, char **v, int n, int line) {
  if (m->n == m->cap) {
    int c = m->cap ? m->cap * 2 : 32;
    Rec *nr = realloc(m->rec, (size_t)c * sizeof *nr);
    if (!nr) return -1;
    m->rec = nr;
    m->cap = c;
  }
  Rec *r = &m->rec[m->n];
  r->v = calloc((size_t)n + 1, sizeof *r->v);
  if (!r->v) return -1;
  r->n = n;
  r->line = line;
  m->n++;
  for (int k = 0; k < n; k++)
    if (!(r->v[k] = fl_str_dup(v[k]))) return -1;
  return 0;
}

static int parse_u64(const char *s, uint64_t *v) {
  char *end;
  errno = 0;
  if (!*s || *s == '-' || *s == '+' || *s == ' ') return -1;
  *v = strtoull(s, &end, 10);
  return *end || errno ? -1 : 0;
}

static int parse_num(const char *s, double *v) {
  char *end;
  if (!*s) return -1;
  *v = strtod(s, &end);
  return *end || isnan(*v) ? -1 : 0;
}

/* The track ids a provenance lists, in order (for JSONL files without rows). */
static int meta_tracks(const Meta *m, const char **ids, int max) {
  int n = 0;
  for (int i = 0; i < m->n && n < max; i++)
    if (!strcmp(m->rec[i].v[0], "track") && m->rec[i].n >= 2) ids[n++] = m->rec[i].v[1];
  return n;
}

/* Apply the provenance to the new table r; -1 with "line: what" in why. */
static int meta_apply(fl_Results *r, const Meta *m, int *line, char *why, size_t wn) {
  fl_Prov p = {0};
  int ntr = 0, have = 0, seen = 0;
  for (int i = 0; i < m->n; i++) {
    char **v = m->rec[i].v;
    int n = m->rec[i].n, bad = 0;
    *line = m->rec[i].line;
    if (!strcmp(v[0], "flank-batch")) { have = 1; bad = n != 2 || strcmp(v[1], "1"); }
    else if (!strcmp(v[0], "flank")) { bad = n != 2; p.flank = v[1]; }
    else if (!strcmp(v[0], "scenario")) {
      char *end = NULL;
      bad = n != 5 || strlen(v[3]) != 16;
      if (!bad) { p.scenario = v[1]; p.version = v[2]; p.hash = strtoull(v[3], &end, 16); p.title = v[4]; bad = *end != '\0'; }
      seen |= 1;
    } else if (!strcmp(v[0], "command")) { bad = n != 2; p.command = v[1]; }
    else if (!strcmp(v[0], "seeds")) { bad = n != 3 || parse_u64(v[1], &p.seed_base) || parse_u64(v[2], &p.runs) || !p.runs; seen |= 2; }
    else if (!strcmp(v[0], "shard")) {
      bad = n != 3 || parse_u64(v[1], &p.shard_k) || parse_u64(v[2], &p.shard_n) || !p.shard_k || p.shard_k > p.shard_n;
      seen |= 4;
    } else if (!strcmp(v[0], "set")) {
      int s = n == 3 || n == 4 ? (*v[1] ? fl_res_set(r, v[1], v[2]) : -1) : -1;
      bad = s < 0 || (n == 4 && fl_res_set_label(r, s, v[3]));
    }
    else if (!strcmp(v[0], "param")) bad = n != 5 || !*v[1] || fl_res_param(r, v[1], v[2], v[3], v[4]);
    else if (!strcmp(v[0], "ending")) bad = n != 3 || !*v[1] || fl_res_ending(r, v[1], v[2]) < 0;
    else if (!strcmp(v[0], "track")) {
      fl_TrackInfo t = {v[2], v[3], 0, 0, 0, 0};
      bad = n != 8 || ntr >= r->ntrack || strcmp(r->track[ntr], v[1]) || parse_num(v[6], &t.min) || parse_num(v[7], &t.max);
      if (bad) { snprintf(why, wn, "track record does not match the column '%s'", ntr < r->ntrack ? r->track[ntr] : "(none)"); return -1; }
      t.hidden = !strcmp(v[4], "hidden");
      t.better = !strcmp(v[5], "higher") ? 1 : !strcmp(v[5], "lower") ? -1 : 0;
      if (fl_res_describe(r, ntr++, &t)) { snprintf(why, wn, "out of memory"); return -1; }
    } /* other records: from a newer Flank, informative only */
    if (bad) { snprintf(why, wn, "cannot read this provenance record ('%s')", v[0]); return -1; }
  }
  if (!m->n) return 0; /* no provenance: merge says what that means */
  *line = m->rec[m->n - 1].line;
  if (!have || seen != 7 || !p.flank || !p.command) { snprintf(why, wn, "incomplete provenance (needs flank-batch, flank, scenario, command, seeds and shard)"); return -1; }
  if (ntr != r->ntrack) { snprintf(why, wn, "the provenance describes %d of %d tracks", ntr, r->ntrack); return -1; }
  if (fl_res_set_prov(r, &p)) { snprintf(why, wn, "out of memory"); return -1; }
  return 0;
}

/* Add a row; sets and endings must be known when the file has provenance. */
static int add_row(fl_Results *r, uint64_t seed, const char *set, const char *ending, uint64_t turns, char *why, size_t wn) {
  int ns = r->nset, ne = r->nending;
  int s = fl_res_set(r, set, NULL), e = fl_res_ending(r, ending, NULL);
  if (s < 0 || (*ending && e < 0) || fl_res_resize(r, r->n + 1)) { snprintf(why, wn, "out of memory"); return -1; }
  if (r->has_prov && (r->nset != ns || r->nending != ne)) {
    snprintf(why, wn, "%s '%s' is not in the file's provenance", r->nset != ns ? "policy set" : "ending", r->nset != ns ? set : ending);
    return -1;
  }
  if (turns > 100000000) { snprintf(why, wn, "turns out of range"); return -1; }
  size_t i = r->n - 1;
  r->seed[i] = seed;
  r->set_of[i] = s;
  r->ending_of[i] = e;
  r->turns[i] = (int)turns;
  return 0;
}

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
      fields[n - 1] = (char *)fl_str_csv_unformula(fields[n - 1]);
      if (*p == ',') { p++; continue; }
      return *p ? -1 : n;
    }
    fields[n++] = p;
    p += strcspn(p, ",");
    if (!*p) return n;
    *p++ = '\0';
  }
}

/* The next line of text (in place, without "\r\n"); NULL at the end. */
static char *next_line(char **p) {
  if (!**p) return NULL;
  char *s = *p, *nl = strchr(s, '\n');
  if (nl) { *nl = '\0'; *p = nl + 1; } else *p += strlen(s);
  size_t l = strlen(s);
  if (l && s[l - 1] == '\r') s[l - 1] = '\0';
  return s;
}

static int read_csv(const char *path, char *text, fl_Results **rp, char *err, size_t errn) {
  char **f = malloc(MAXF * sizeof *f), why[512], *p = text, *line;
  Meta m = {0};
  int rc = -1, lineno = 0, nf = 0;
  if (!f) { snprintf(err, errn, "out of memory"); return -1; }
  while ((line = next_line(&p)) && (lineno++, line[0] == '#')) { /* provenance */
    line += line[1] == ' ' ? 2 : 1;
    int n = csv_split(line, f, MAXF);
    if (n < 1 || meta_add(&m, f, n, lineno)) { fl_str_errorf(err, errn, path, lineno, "cannot read this provenance line"); goto done; }
  }
  nf = line ? csv_split(line, f, MAXF) : -1;
  if (nf < 4 || strcmp(f[0], "seed") || strcmp(f[1], "set") || strcmp(f[2], "ending") || strcmp(f[nf - 1], "turns")) {
    fl_str_errorf(err, errn, path, lineno ? lineno : 1, "not a flank batch CSV (header seed,set,ending,<tracks>,turns)");
    goto done;
  }
  int nt = nf - 4, ml = 0;
  fl_Results *r = *rp = fl_res_new(nt, (const char *const *)f + 3);
  if (!r) { snprintf(err, errn, "out of memory"); goto done; }
  if (meta_apply(r, &m, &ml, why, sizeof why)) { fl_str_errorf(err, errn, path, ml, "%s", why); goto done; }
  while ((line = next_line(&p))) {
    lineno++;
    if (!*line) continue;
    uint64_t seed, turns;
    if (csv_split(line, f, MAXF) != nf || parse_u64(f[0], &seed) || parse_u64(f[nf - 1], &turns)) {
      fl_str_errorf(err, errn, path, lineno, "expected %d fields: seed,set,ending,<tracks>,turns", nf);
      goto done;
    }
    if (add_row(r, seed, f[1], f[2], turns, why, sizeof why)) { fl_str_errorf(err, errn, path, lineno, "%s", why); goto done; }
    for (int k = 0; k < nt; k++)
      if (parse_num(f[3 + k], &r->val[(r->n - 1) * (size_t)nt + (size_t)k])) {
        fl_str_errorf(err, errn, path, lineno, "track %s is not a number: '%s'", r->track[k], f[3 + k]);
        goto done;
      }
  }
  rc = 0;
done:
  meta_free(&m);
  free(f);
  return rc;
}

/* A minimal reader for the JSON lines fl_res_write_jsonl writes. */
typedef struct J { const char *p; } J;
static void j_ws(J *j) { while (*j->p == ' ' || *j->p == '\t' || *j->p == '\r') j->p++; }
static int j_eat(J *j, char c) { j_ws(j); if (*j->p != c) return 0; j->p++; return 1; }

static void put_utf8(char *out, size_t *k, size_t n, unsigned u) {
  char b[4];
  int l = u < 0x80 ? 1 : u < 0x800 ? 2 : u < 0x10000 ? 3 : 4;
  if (l == 1) b[0] = (char)u;
  else if (l == 2) { b[0] = (char)(0xC0 | u >> 6); b[1] = (char)(0x80 | (u & 0x3F)); }
  else if (l == 3) { b[0] = (char)(0xE0 | u >> 12); b[1] = (char)(0x80 | ((u >> 6) & 0x3F)); b[2] = (char)(0x80 | (u & 0x3F)); }
  else { b[0] = (char)(0xF0 | u >> 18); b[1] = (char)(0x80 | ((u >> 12) & 0x3F)); b[2] = (char)(0x80 | ((u >> 6) & 0x3F)); b[3] = (char)(0x80 | (u & 0x3F)); }
  for (int i = 0; i < l && *k + 1 < n; i++) out[(*k)++] = b[i];
}

static int j_str(J *j, char *out, size_t n) {
  if (!j_eat(j, '"')) return -1;
  size_t k = 0;
  while (*j->p && *j->p != '"') {
    unsigned c = (unsigned char)*j->p++;
    if (c != '\\') { if (k + 1 < n) out[k++] = (char)c; continue; }
    char e = *j->p ? *j->p++ : '\0';
    if (e == 'u') {
      unsigned u = 0;
      for (int i = 0; i < 4; i++) {
        char h = *j->p ? *j->p++ : '0';
        u = u * 16 + (unsigned)(h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : 0);
      }
      put_utf8(out, &k, n, u >= 0xD800 && u < 0xE000 ? 0xFFFD : u);
    } else if (k + 1 < n)
      out[k++] = e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e == 'b' ? '\b' : e == 'f' ? '\f' : e;
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

/* {"flank_batch":[["rec",...],...]}: the provenance records. */
static int read_jsonl_meta(const char *line, Meta *m, int lineno) {
  J j = {line};
  char key[32], *v[64];
  if (!j_eat(&j, '{') || j_str(&j, key, sizeof key) || strcmp(key, "flank_batch") || !j_eat(&j, ':') || !j_eat(&j, '['))
    return -1;
  static char s[64][1024];
  if (!j_eat(&j, ']')) do {
    int n = 0;
    if (!j_eat(&j, '[')) return -1;
    do {
      if (n == 64 || j_str(&j, s[n], sizeof s[n])) return -1;
      v[n] = s[n];
      n++;
    } while (j_eat(&j, ','));
    if (!j_eat(&j, ']') || meta_add(m, v, n, lineno)) return -1;
  } while (j_eat(&j, ','));
  else return 0;
  return j_eat(&j, ']') && j_eat(&j, '}') ? 0 : -1;
}

static int read_jsonl_line(const char *line, fl_Results **rp, const Meta *m, char *why, size_t wn) {
  J j = {line};
  char key[256], set[1024] = "", ending[256] = "";
  double seed = -1, turns = -1, vals[512];
  static char names[512][256];
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
        if (nv == 512 || j_str(&j, names[nv], sizeof names[nv]) || !j_eat(&j, ':') || j_num(&j, &vals[nv])) {
          snprintf(why, wn, "bad tracks object");
          return -1;
        }
        nv++;
      } while (j_eat(&j, ','));
      if (nv && !j_eat(&j, '}')) { snprintf(why, wn, "expected '}' after tracks"); return -1; }
    } else { snprintf(why, wn, "unknown field '%s'", key); return -1; }
  } while (j_eat(&j, ','));
  if (!j_eat(&j, '}')) { snprintf(why, wn, "expected '}'"); return -1; }
  if (seed < 0 || turns < 0 || !have_set || seed != floor(seed) || seed >= 18446744073709551616.0) {
    snprintf(why, wn, "needs seed, set and turns");
    return -1;
  }
  if (!*rp) {
    const char *t[512];
    int n = meta_tracks(m, t, 512), ml = 0;
    if (!n) for (int k = 0; k < nv; k++) t[n++] = names[k];
    if (!(*rp = fl_res_new(n, t))) { snprintf(why, wn, "out of memory"); return -1; }
    if (meta_apply(*rp, m, &ml, why, wn)) return -1;
  }
  fl_Results *r = *rp;
  if (nv != r->ntrack) { snprintf(why, wn, "%d tracks, the file has %d", nv, r->ntrack); return -1; }
  if (add_row(r, (uint64_t)seed, set, ending, (uint64_t)turns, why, wn)) return -1;
  for (int k = 0; k < nv; k++) {
    int c = 0;
    while (c < r->ntrack && strcmp(r->track[c], names[k])) c++;
    if (c == r->ntrack) { snprintf(why, wn, "track '%s' is not in the file's tracks", names[k]); return -1; }
    r->val[(r->n - 1) * (size_t)r->ntrack + (size_t)c] = vals[k];
  }
  return 0;
}

static int read_jsonl(const char *path, char *text, fl_Results **rp, char *err, size_t errn) {
  Meta m = {0};
  char why[512], *p = text, *line;
  int lineno = 0, rc = 0;
  while ((line = next_line(&p))) {
    lineno++;
    if (!line[strspn(line, " \t")]) continue;
    if (lineno == 1 && strstr(line, "\"flank_batch\"")) {
      if (read_jsonl_meta(line, &m, 1)) { rc = fl_str_errorf(err, errn, path, 1, "cannot read the provenance line"); break; }
      continue;
    }
    if (read_jsonl_line(line, rp, &m, why, sizeof why)) { rc = fl_str_errorf(err, errn, path, lineno, "%s", why); break; }
  }
  if (!rc && !*rp && m.n) { /* provenance but no games */
    const char *t[512];
    int n = meta_tracks(&m, t, 512), ml = 0;
    if (!(*rp = fl_res_new(n, t))) rc = fl_str_errorf(err, errn, path, 1, "out of memory");
    else if (meta_apply(*rp, &m, &ml, why, sizeof why)) rc = fl_str_errorf(err, errn, path, ml, "%s", why);
  }
  meta_free(&m);
  return rc;
}

int fl_res_read(const char *path, fl_Results **rp, char *err, size_t errn) {
  size_t len;
  *rp = NULL;
  char *text = cli_read_input(path, &len);
  if (!text) { snprintf(err, errn, "%s: cannot read: %s", path, strerror(errno)); return -1; }
  int rc, lines = 0;
  for (size_t i = 0; i < len; i++) lines += text[i] == '\n';
  if (memchr(text, '\0', len)) rc = fl_str_errorf(err, errn, path, 1, "binary data, not a flank batch file");
  else if (len && text[len - 1] != '\n') /* a copy cut short mid-line would hold a wrong last number */
    rc = fl_str_errorf(err, errn, path, lines + 1, "the last line has no end (the file was cut short?)");
  else {
    const char *p = text + strspn(text, " \n");
    rc = *p == '{' ? read_jsonl(path, text, rp, err, errn) : read_csv(path, text, rp, err, errn);
    if (!rc && !*rp) rc = fl_str_errorf(err, errn, path, 1, "empty: no games and no provenance");
  }
  free(text);
  if (rc) { fl_res_free(*rp); *rp = NULL; }
  return rc;
}
