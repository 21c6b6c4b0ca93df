/* The table of a batch's games: storage, sorting, statistics, summary.
 * Files (CSV, JSONL, provenance) are in fl_results_io.c. */
#define _POSIX_C_SOURCE 200809L
#include "fl_results.h"
#include "fl_str.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

fl_Results *fl_res_new(int ntrack, const char *const *tracks) {
  fl_Results *r = calloc(1, sizeof *r);
  if (!r) return NULL;
  r->track = calloc((size_t)ntrack + 1, sizeof *r->track);
  r->info = calloc((size_t)ntrack + 1, sizeof *r->info);
  if (!r->track || !r->info) { fl_res_free(r); return NULL; }
  for (int i = 0; i < ntrack; i++) {
    r->info[i] = (fl_TrackInfo){NULL, NULL, 0, 0, -INFINITY, INFINITY};
    if (!(r->track[r->ntrack++] = fl_str_dup(tracks[i]))) { fl_res_free(r); return NULL; }
  }
  return r;
}

static void free_prov(fl_Prov *p) {
  free(p->flank); free(p->scenario); free(p->version); free(p->title); free(p->command);
  memset(p, 0, sizeof *p);
}

void fl_res_free(fl_Results *r) {
  if (!r) return;
  for (int i = 0; i < r->ntrack; i++) { free(r->track[i]); free(r->info[i].name); free(r->info[i].unit); }
  for (int i = 0; i < r->nset; i++) { free(r->set[i]); free(r->set_spec[i]); }
  for (int i = 0; i < r->nlabel; i++) free(r->set_label[i]);
  free(r->set_label);
  for (int i = 0; i < r->nending; i++) { free(r->ending[i]); free(r->ending_title[i]); }
  free(r->track); free(r->info); free(r->set); free(r->set_spec); free(r->ending); free(r->ending_title);
  free(r->seed); free(r->set_of); free(r->ending_of); free(r->turns); free(r->val);
  free_prov(&r->prov);
  for (int i = 0; i < 4 * r->nparam; i++) free(r->param[i]);
  free(r->param);
  free(r->cache);
  free(r);
}

int fl_res_describe(fl_Results *r, int col, const fl_TrackInfo *in) {
  if (col < 0 || col >= r->ntrack) return 0;
  fl_TrackInfo *t = &r->info[col];
  free(t->name); free(t->unit);
  *t = *in;
  t->name = fl_str_dup(in->name && *in->name ? in->name : r->track[col]);
  t->unit = fl_str_dup(in->unit ? in->unit : "");
  return t->name && t->unit ? 0 : -1;
}

/* Find name in v[0..n), or add it with its description in d (a parallel array). */
static int intern(char ***v, char ***d, int *n, const char *name, const char *desc) {
  for (int i = 0; i < *n; i++)
    if (!strcmp((*v)[i], name)) {
      if (desc && !(*d)[i]) (*d)[i] = fl_str_dup(desc);
      return i;
    }
  char **nv = realloc(*v, (size_t)(*n + 1) * sizeof *nv);
  if (!nv) return -1;
  *v = nv;
  char **nd = realloc(*d, (size_t)(*n + 1) * sizeof *nd);
  if (!nd) return -1;
  *d = nd;
  nv[*n] = fl_str_dup(name);
  nd[*n] = desc ? fl_str_dup(desc) : NULL;
  if (!nv[*n]) { free(nd[*n]); return -1; }
  return (*n)++;
}

int fl_res_set(fl_Results *r, const char *name, const char *spec) { return intern(&r->set, &r->set_spec, &r->nset, name, spec); }
int fl_res_ending(fl_Results *r, const char *id, const char *title) {
  return *id ? intern(&r->ending, &r->ending_title, &r->nending, id, title) : -1;
}

int fl_res_set_label(fl_Results *r, int s, const char *label) {
  if (s < 0 || s >= r->nset) return -1;
  if (s >= r->nlabel) {
    char **l = realloc(r->set_label, (size_t)r->nset * sizeof *l);
    if (!l) return -1;
    for (int i = r->nlabel; i < r->nset; i++) l[i] = NULL;
    r->set_label = l;
    r->nlabel = r->nset;
  }
  free(r->set_label[s]);
  r->set_label[s] = label && *label && strcmp(label, r->set[s]) ? fl_str_dup(label) : NULL;
  return label && *label && strcmp(label, r->set[s]) && !r->set_label[s] ? -1 : 0;
}

const char *fl_res_set_title(const fl_Results *r, int s, char *buf, size_t n) {
  const char *l = s < r->nlabel ? r->set_label[s] : NULL;
  if (l) snprintf(buf, n, "%s (%s)", l, r->set[s]);
  else snprintf(buf, n, "%s", r->set[s]);
  return buf;
}

int fl_res_param(fl_Results *r, const char *id, const char *value, const char *from, const char *name) {
  char **np = realloc(r->param, (size_t)(r->nparam + 1) * 4 * sizeof *np);
  if (!np) return -1;
  r->param = np;
  const char *v[4] = {id, value, from, name};
  for (int k = 0; k < 4; k++) np[4 * r->nparam + k] = fl_str_dup(v[k] ? v[k] : "");
  r->nparam++;
  for (int k = 0; k < 4; k++)
    if (!np[4 * (r->nparam - 1) + k]) return -1;
  return 0;
}

const char *fl_res_params_text(const fl_Results *r, char *buf, size_t n) {
  size_t k = 0;
  if (n) *buf = '\0';
  for (int i = 0; i < r->nparam && k < n; i++) {
    char **p = &r->param[4 * i];
    if (!strcmp(p[2], "sweep")) k += (size_t)snprintf(buf + k, n - k, "%s%s = swept", i ? "; " : "", *p[3] ? p[3] : p[0]);
    else if (!strcmp(p[2], "default")) k += (size_t)snprintf(buf + k, n - k, "%s%s = %s", i ? "; " : "", *p[3] ? p[3] : p[0], p[1]);
    else k += (size_t)snprintf(buf + k, n - k, "%s%s = %s (%s)", i ? "; " : "", *p[3] ? p[3] : p[0], p[1], !strcmp(p[2], "set") ? "--set" : p[2]);
  }
  return buf;
}

int fl_res_set_prov(fl_Results *r, const fl_Prov *p) {
  free_prov(&r->prov);
  r->prov = *p;
  r->prov.flank = fl_str_dup(p->flank ? p->flank : "");
  r->prov.scenario = fl_str_dup(p->scenario ? p->scenario : "");
  r->prov.version = fl_str_dup(p->version ? p->version : "");
  r->prov.title = fl_str_dup(p->title ? p->title : "");
  r->prov.command = fl_str_dup(p->command ? p->command : "");
  r->has_prov = 1;
  return r->prov.flank && r->prov.scenario && r->prov.version && r->prov.title && r->prov.command ? 0 : -1;
}

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
  free(r->cache);
  r->cache = NULL;
  return 0;
}

int fl_res_append(fl_Results *dst, const fl_Results *src) {
  size_t at = dst->n, nt = (size_t)dst->ntrack;
  if (src->ntrack != dst->ntrack || fl_res_resize(dst, at + src->n)) return -1;
  for (size_t i = 0; i < src->n; i++) {
    int ss = src->set_of[i], s = fl_res_set(dst, src->set[ss], src->set_spec[ss]);
    if (s >= 0 && ss < src->nlabel && src->set_label[ss] && !(s < dst->nlabel && dst->set_label[s]) &&
        fl_res_set_label(dst, s, src->set_label[ss]))
      return -1;
    int e = src->ending_of[i] >= 0 ? fl_res_ending(dst, src->ending[src->ending_of[i]], src->ending_title[src->ending_of[i]]) : -1;
    if (s < 0 || (src->ending_of[i] >= 0 && e < 0)) return -1;
    dst->seed[at + i] = src->seed[i];
    dst->set_of[at + i] = s;
    dst->ending_of[at + i] = e;
    dst->turns[at + i] = src->turns[i];
    if (nt) memcpy(&dst->val[(at + i) * nt], &src->val[i * nt], nt * sizeof(double));
  }
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

void fl_res_shard_range(uint64_t runs, uint64_t k, uint64_t n, uint64_t *lo, uint64_t *per) {
  /* floor(runs * (k-1) / n) without overflowing: runs = q*n + m */
  uint64_t q = runs / n, m = runs % n;
  uint64_t a = q * (k - 1) + m * (k - 1) / n, b = q * k + m * k / n;
  *lo = a;
  *per = b - a;
}

void fl_res_num(double v, char *buf, size_t n) {
  if (v == floor(v) && fabs(v) < 1e15) { snprintf(buf, n, "%.0f", v); return; }
  for (int p = 1; p <= 17; p++) {
    snprintf(buf, n, "%.*g", p, v);
    if (strtod(buf, NULL) == v) return;
  }
}

/* ---- statistics ---- */

static void col_stats(const fl_Results *r, int set, int col, fl_ColStats *o) {
  memset(o, 0, sizeof *o);
  size_t n = fl_res_games(r, set);
  double *v = n ? malloc(n * sizeof *v) : NULL;
  if (!v) return;
  size_t k = 0;
  for (size_t i = 0; i < r->n; i++)
    if (r->set_of[i] == set) v[k++] = col < 0 ? r->turns[i] : r->val[i * (size_t)r->ntrack + (size_t)col];
  fl_stats_of(v, n, &o->st); /* sorts v: the interval then never depends on row order */
  double lo = col < 0 ? 0 : r->info[col].min, hi = col < 0 ? INFINITY : r->info[col].max;
  o->ci = fl_ci_mean(v, n, lo, hi);
  free(v);
}

void fl_res_analyse(fl_Results *r) {
  free(r->cache);
  size_t per = (size_t)r->ntrack + 1;
  r->cache = calloc((size_t)(r->nset ? r->nset : 1) * per, sizeof *r->cache);
  if (!r->cache) return;
  for (int s = 0; s < r->nset; s++)
    for (int k = 0; k <= r->ntrack; k++) col_stats(r, s, k < r->ntrack ? k : -1, &r->cache[(size_t)s * per + (size_t)k]);
}

const fl_ColStats *fl_res_col(const fl_Results *r, int set, int col) {
  static fl_ColStats none;
  if (!r->cache) fl_res_analyse((fl_Results *)r); /* a cache only: the table itself does not change */
  if (!r->cache || set < 0 || set >= r->nset) return &none;
  return &r->cache[(size_t)set * ((size_t)r->ntrack + 1) + (size_t)(col < 0 ? r->ntrack : col)];
}

size_t fl_res_games(const fl_Results *r, int set) {
  size_t n = 0;
  for (size_t i = 0; i < r->n; i++) n += r->set_of[i] == set;
  return n;
}

size_t fl_res_count(const fl_Results *r, int set, int e) {
  size_t n = 0;
  for (size_t i = 0; i < r->n; i++) n += r->set_of[i] == set && r->ending_of[i] == e;
  return n;
}

void fl_res_about(FILE *f, const fl_Results *r) {
  const fl_Prov *p = &r->prov;
  if (!r->has_prov) return;
  fprintf(f, "%s %s (content %016llx), Flank %s: seeds %llu..%llu for each of %d policy set%s", p->scenario, p->version,
          (unsigned long long)p->hash, p->flank, (unsigned long long)p->seed_base,
          (unsigned long long)(p->seed_base + p->runs - 1), r->nset, r->nset == 1 ? "" : "s");
  if (p->shard_n > 1) {
    uint64_t lo, per;
    fl_res_shard_range(p->runs, p->shard_k, p->shard_n, &lo, &per);
    fprintf(f, "; this is shard %llu/%llu (seeds %llu..%llu)", (unsigned long long)p->shard_k,
            (unsigned long long)p->shard_n, (unsigned long long)(p->seed_base + lo),
            (unsigned long long)(p->seed_base + lo + per - 1));
  }
  fputc('\n', f);
}

void fl_res_summary(FILE *f, const fl_Results *r) {
  int unfinished = 0, hidden = 0;
  for (int s = 0; s < r->nset; s++) unfinished |= fl_res_count(r, s, -1) > 0;
  for (int k = 0; k < r->ntrack; k++) hidden += r->info[k].hidden;
  if (r->has_prov) {
    fl_res_about(f, r);
    if (r->nparam) {
      char buf[4096];
      fprintf(f, "assumptions: %s\n", fl_res_params_text(r, buf, sizeof buf));
    }
    fprintf(f, "reproduce: %s\n\n", r->prov.command);
  }
  for (int s = 0; s < r->nset; s++) {
    uint64_t lo = UINT64_MAX, hi = 0;
    size_t n = fl_res_games(r, s);
    for (size_t i = 0; i < r->n; i++)
      if (r->set_of[i] == s) { lo = r->seed[i] < lo ? r->seed[i] : lo; hi = r->seed[i] > hi ? r->seed[i] : hi; }
    char title[512];
    fprintf(f, "%sPolicy set %s: %zu games, seeds %llu..%llu\n", s ? "\n" : "", fl_res_set_title(r, s, title, sizeof title), n,
            (unsigned long long)lo, (unsigned long long)hi);
    fprintf(f, "  %-28s %8s %8s  %s\n", "ending", "games", "share", "95% CI (Wilson)");
    for (int k = 0; k < r->nending + unfinished; k++) { /* every ending, in the scenario's order */
      int e = k < r->nending ? k : -1;
      size_t c = fl_res_count(r, s, e);
      fl_Interval w = fl_ci_wilson(c, n);
      fprintf(f, "  %-28s %8zu %7.1f%%  [%.1f%%, %.1f%%]\n", e >= 0 ? r->ending[e] : "(unfinished)", c,
              n ? 100.0 * (double)c / (double)n : 0, 100 * w.lo, 100 * w.hi);
    }
    fprintf(f, "  %-28s %10s %23s %-9s %10s %10s %10s %10s  %s\n", "track", "mean", "95% CI of the mean", "(method)",
            "median", "p05", "p95", "sd", "unit");
    for (int k = 0; k <= r->ntrack; k++) {
      int col = k < r->ntrack ? k : -1; /* the tracks, then turns */
      if (col >= 0 && r->info[col].hidden) continue;
      const fl_ColStats *c = fl_res_col(r, s, col);
      char ci[64];
      snprintf(ci, sizeof ci, "[%.4g, %.4g]", c->ci.lo, c->ci.hi);
      fprintf(f, "  %-28s %10.4g %23s %-9s %10.4g %10.4g %10.4g %10.4g  %s\n", col < 0 ? "(turns)" : r->track[col],
              c->st.mean, ci, fl_ci_name(c->ci.method), c->st.median, c->st.p05, c->st.p95, c->st.sd,
              col >= 0 ? r->info[col].unit ? r->info[col].unit : "" : "");
    }
    if (hidden) fprintf(f, "  (%d track%s the scenario keeps from players %s in the CSV/JSONL only)\n", hidden,
                        hidden == 1 ? "" : "s", hidden == 1 ? "is" : "are");
  }
}
