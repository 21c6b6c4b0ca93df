/* fl_ens_cache: an ensemble's results kept on disk.
 *
 * "Your game among many" plays the same 2,500 games for every debrief of a scenario: the
 * same scenario, parameters, policies, seeds and engine give the same results, so a
 * debrief opened again (the next game, the next student at the same machine) reads them
 * in milliseconds instead of playing them for seconds. The key is a hash of everything
 * the games depend on: the scenario's content hash, every parameter's value, the policy
 * sets, the seeds, the budgets and language, and the flank executable itself (its size,
 * time and inode: a rebuilt engine may play differently). A file that does not match its
 * key or checksum in every byte is ignored and played again. Files are written whole to a
 * temporary name and renamed, so two debriefs writing at once leave one good file.
 * FLANK_NO_CACHE=1 turns it off. Where: $XDG_CACHE_HOME/flank/ensembles (~/.cache/...). */
#define _POSIX_C_SOURCE 200809L
#include "fl_ens_cache.h"
#include "fl_script_int.h"
#include "fl_buf.h"
#include "fl_path.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char MAGIC[8] = "FLENS01";

int fl_ens_cache_on(void) {
  const char *off = getenv("FLANK_NO_CACHE");
  return !(off && *off && strcmp(off, "0"));
}

static int cache_dir(char *out, size_t n) {
  if (!fl_ens_cache_on()) return -1;
  const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
  int k;
  if (xdg && xdg[0] == '/') k = snprintf(out, n, "%s/flank/ensembles", xdg);
  else if (home && home[0] == '/') k = snprintf(out, n, "%s/.cache/flank/ensembles", home);
  else return -1;
  return k > 0 && (size_t)k < n ? 0 : -1;
}

static uint64_t mix_str(uint64_t h, const char *s) {
  s = s ? s : "";
  return fl_fnv64(h, s, strlen(s) + 1); /* the terminator separates fields */
}

static uint64_t mix_num(uint64_t h, double v) { return fl_fnv64(h, &v, sizeof v); }

uint64_t fl_ens_cache_key(const fl_Ensemble *e, fl_Script *sc0, const fl_ScriptOpts *o, const fl_PolicySet *sets) {
  char dir[4096];
  struct stat st;
  if (cache_dir(dir, sizeof dir) || stat("/proc/self/exe", &st)) return 0;
  uint64_t h = fl_fnv64(0xcbf29ce484222325ULL, MAGIC, sizeof MAGIC);
  h = mix_num(h, (double)st.st_size);
  h = mix_num(h, (double)st.st_mtime);
  h = mix_num(h, (double)st.st_mtim.tv_nsec);
  h = mix_num(h, (double)st.st_ino);
  const fl_Def *d = fl_script_def(sc0);
  h = fl_fnv64(h, &d->content_hash, sizeof d->content_hash);
  for (int p = 0; p < d->nparam; p++) { /* as loaded (--set, the class settings file): each set starts there */
    h = mix_str(h, d->params[p].id);
    h = mix_num(h, sc0->param_base ? sc0->param_base[p] : d->params[p].value);
  }
  if (o) {
    for (int k = 0; k < o->nset; k++) h = mix_str(h, o->set[k]); /* what the other workers load with */
    h = mix_str(h, o->lang);
    h = mix_num(h, (double)o->mem_limit);
    h = mix_num(h, (double)o->load_budget);
    h = mix_num(h, (double)o->call_budget);
    h = mix_num(h, o->call_seconds);
  }
  h = mix_num(h, (double)e->runs);
  h = mix_num(h, (double)e->seed_base);
  h = mix_num(h, e->nset);
  for (int s = 0; s < e->nset; s++) {
    const fl_PolicySet *ps = &sets[s];
    h = mix_str(h, ps->name);
    h = mix_str(h, ps->all);
    for (int k = 0; k < ps->n; k++) { h = mix_str(h, ps->role[k]); h = mix_str(h, ps->policy[k]); }
    h = mix_num(h, ps->n);
    for (int k = 0; k < ps->nparam; k++) h = mix_str(h, ps->param[k]);
    h = mix_num(h, ps->nparam);
  }
  return h ? h : 1;
}

static int file_of(uint64_t key, char *out, size_t n) {
  char dir[4096];
  if (cache_dir(dir, sizeof dir)) return -1;
  int k = snprintf(out, n, "%s/%016llx.ens", dir, (unsigned long long)key);
  return k > 0 && (size_t)k < n ? 0 : -1;
}

/* The results' bytes in file order, hashed (or written when f is given). */
static uint64_t body(const fl_Ensemble *e, FILE *f) {
  size_t nt = (size_t)e->ntrack;
  uint64_t h = 0xcbf29ce484222325ULL;
  const void *part[3] = {e->ending, e->turns, e->val};
  size_t len[3] = {e->n * sizeof *e->ending, e->n * sizeof *e->turns, e->n * nt * sizeof *e->val};
  for (int i = 0; i < 3; i++) {
    h = fl_fnv64(h, part[i], len[i]);
    if (f && len[i]) fwrite(part[i], 1, len[i], f);
  }
  return h;
}

int fl_ens_cache_load(fl_Ensemble *e, uint64_t key) {
  char path[4200];
  if (!key || file_of(key, path, sizeof path)) return 0;
  FILE *f = fopen(path, "rb");
  if (!f) return 0;
  char magic[8];
  uint64_t k, n, sum;
  int32_t nt, ne;
  int ok = fread(magic, 1, 8, f) == 8 && !memcmp(magic, MAGIC, 8) && fread(&k, sizeof k, 1, f) == 1 && k == key &&
           fread(&n, sizeof n, 1, f) == 1 && n == e->n && fread(&nt, sizeof nt, 1, f) == 1 && nt == e->ntrack &&
           fread(&ne, sizeof ne, 1, f) == 1 && ne == e->nending;
  size_t ntr = (size_t)e->ntrack;
  ok = ok && fread(e->ending, sizeof *e->ending, e->n, f) == e->n && fread(e->turns, sizeof *e->turns, e->n, f) == e->n &&
       fread(e->val, sizeof *e->val, e->n * ntr, f) == e->n * ntr && fread(&sum, sizeof sum, 1, f) == 1 && fgetc(f) == EOF;
  fclose(f);
  if (ok && sum == body(e, NULL)) {
    for (size_t i = 0; ok && i < e->n; i++) ok = e->ending[i] >= -1 && e->ending[i] < e->nending;
    if (ok) return 1;
  }
  /* a damaged or foreign file: play the games again (and overwrite it) */
  memset(e->ending, 0, e->n * sizeof *e->ending);
  memset(e->turns, 0, e->n * sizeof *e->turns);
  memset(e->val, 0, e->n * ntr * sizeof *e->val);
  return 0;
}

void fl_ens_cache_save(const fl_Ensemble *e, uint64_t key) {
  char path[4200], tmp[4300], dir[4096];
  if (!key || file_of(key, path, sizeof path) || cache_dir(dir, sizeof dir) || fl_path_mkdirs(dir)) return;
  snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid());
  FILE *f = fopen(tmp, "wb");
  if (!f) return;
  uint64_t n = e->n;
  int32_t nt = e->ntrack, ne = e->nending;
  fwrite(MAGIC, 1, 8, f);
  fwrite(&key, sizeof key, 1, f);
  fwrite(&n, sizeof n, 1, f);
  fwrite(&nt, sizeof nt, 1, f);
  fwrite(&ne, sizeof ne, 1, f);
  uint64_t sum = body(e, f);
  fwrite(&sum, sizeof sum, 1, f);
  int bad = ferror(f);
  if (fclose(f) || bad || rename(tmp, path)) remove(tmp); /* a cache: failing to keep it loses nothing */
}
