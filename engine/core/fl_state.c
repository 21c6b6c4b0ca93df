#include "fl_state.h"
#include "fl_str.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- properties ---- */

static void prop_clear(fl_Prop *p) { free(p->key); free(p->str); }

/* What one property holds, as fl_props_bytes counts it. */
static size_t prop_bytes(const fl_Prop *p) { return sizeof *p + strlen(p->key) + 1 + (p->str ? strlen(p->str) + 1 : 0); }

static void props_free(fl_Props *ps) {
  for (int i = 0; i < ps->n; i++) prop_clear(&ps->p[i]);
  free(ps->p);
  memset(ps, 0, sizeof *ps);
}

static void props_clear(fl_Props *ps) {
  for (int i = 0; i < ps->n; i++) prop_clear(&ps->p[i]);
  ps->n = 0;
  ps->bytes = 0;
}

static int props_copy(fl_Props *dst, const fl_Props *src) {
  props_clear(dst);
  if (src->n > dst->cap) {
    fl_Prop *p = realloc(dst->p, (size_t)src->n * sizeof *p);
    if (!p) return -1;
    dst->p = p;
    dst->cap = src->n;
  }
  for (int i = 0; i < src->n; i++) {
    dst->p[i] = src->p[i];
    dst->p[i].key = fl_str_dup(src->p[i].key);
    dst->p[i].str = fl_str_dup(src->p[i].str);
    dst->n = i + 1;
    if (!dst->p[i].key || (src->p[i].str && !dst->p[i].str)) { prop_clear(&dst->p[i]); dst->n = i; return -1; }
    dst->bytes += prop_bytes(&dst->p[i]);
  }
  return 0;
}

/* Binary search: index of key, or -(insertion point) - 1. Keys mostly differ in their
 * first byte, so that is compared before calling strcmp (the same order as strcmp's). */
static int props_find(const fl_Props *ps, const char *key) {
  int lo = 0, hi = ps->n - 1;
  unsigned char k0 = (unsigned char)key[0];
  while (lo <= hi) {
    int mid = (lo + hi) / 2;
    const char *mk = ps->p[mid].key;
    int c = (unsigned char)mk[0] != k0 ? (int)(unsigned char)mk[0] - (int)k0 : strcmp(mk, key);
    if (c == 0) return mid;
    if (c < 0) lo = mid + 1; else hi = mid - 1;
  }
  return -lo - 1;
}

int fl_props_find(const fl_Props *ps, const char *key) { return props_find(ps, key); }

const fl_Prop *fl_props_get(const fl_Props *ps, const char *key) {
  int i = props_find(ps, key);
  return i >= 0 ? &ps->p[i] : NULL;
}

const fl_Prop *fl_props_get_hint(const fl_Props *ps, const char *key, int *hint) {
  int h = *hint;
  if (h >= 0 && h < ps->n && strcmp(ps->p[h].key, key) == 0) return &ps->p[h];
  int i = props_find(ps, key);
  if (i < 0) return NULL;
  *hint = i;
  return &ps->p[i];
}

static fl_Prop *props_slot(fl_Props *ps, const char *key) {
  int i = props_find(ps, key);
  if (i >= 0) {
    if (ps->p[i].str) ps->bytes -= strlen(ps->p[i].str) + 1;
    free(ps->p[i].str);
    ps->p[i].str = NULL;
    return &ps->p[i];
  }
  i = -i - 1;
  if (ps->n == ps->cap) {
    int nc = ps->cap ? ps->cap * 2 : 4;
    fl_Prop *p = realloc(ps->p, (size_t)nc * sizeof *p);
    if (!p) return NULL;
    ps->p = p;
    ps->cap = nc;
  }
  char *k = fl_str_dup(key);
  if (!k) return NULL;
  memmove(&ps->p[i + 1], &ps->p[i], (size_t)(ps->n - i) * sizeof *ps->p);
  ps->n++;
  memset(&ps->p[i], 0, sizeof ps->p[i]);
  ps->p[i].key = k;
  ps->bytes += prop_bytes(&ps->p[i]);
  return &ps->p[i];
}

int fl_props_set_num(fl_Props *ps, const char *key, double v) {
  fl_Prop *p = props_slot(ps, key);
  if (!p) return -1;
  p->type = FL_NUM;
  p->num = v;
  return 0;
}

int fl_props_set_bool(fl_Props *ps, const char *key, int v) {
  fl_Prop *p = props_slot(ps, key);
  if (!p) return -1;
  p->type = FL_BOOL;
  p->num = v ? 1 : 0;
  return 0;
}

int fl_props_set_str(fl_Props *ps, const char *key, const char *v) {
  char *copy = fl_str_dup(v);
  if (!copy) return -1;
  fl_Prop *p = props_slot(ps, key);
  if (!p) { free(copy); return -1; }
  p->type = FL_STR;
  p->num = 0;
  p->str = copy;
  ps->bytes += strlen(copy) + 1;
  return 0;
}

int fl_props_moves(const fl_Props *ps, const char *key) {
  int i = props_find(ps, key);
  return i >= 0 ? 0 : ps->n - (-i - 1);
}

size_t fl_props_bytes(const fl_Props *ps) { return ps->bytes; }

size_t fl_state_bytes(const fl_State *s) {
  size_t b = fl_props_bytes(&s->vars);
  for (int i = 0; i < s->narea; i++) b += fl_props_bytes(&s->areas[i].props);
  for (int i = 0; i < s->npiece; i++) b += sizeof *s->pieces + fl_props_bytes(&s->pieces[i].props);
  for (int i = 0; i < s->nlog; i++)
    b += sizeof *s->log + (s->log[i].text ? strlen(s->log[i].text) + 1 : 0) + (size_t)s->log[i].ntg * sizeof(int32_t);
  for (int i = 0; i < s->nannot; i++) b += sizeof *s->annots + (s->annots[i].label ? strlen(s->annots[i].label) + 1 : 0);
  return b;
}

void fl_props_del(fl_Props *ps, const char *key) {
  int i = props_find(ps, key);
  if (i < 0) return;
  ps->bytes -= prop_bytes(&ps->p[i]);
  prop_clear(&ps->p[i]);
  memmove(&ps->p[i], &ps->p[i + 1], (size_t)(ps->n - i - 1) * sizeof *ps->p);
  ps->n--;
}

/* ---- life cycle ---- */

fl_State *fl_state_new(const fl_Def *def) {
  fl_State *s = calloc(1, sizeof *s);
  if (!s) return NULL;
  s->narea = fl_map_area_count(def->map);
  s->ntrack = def->ntrack;
  s->ncard = def->ncard;
  s->nevent = def->nevent;
  s->nparam = def->nparam;
  s->params = calloc((size_t)s->nparam + 1, sizeof *s->params);
  s->areas = calloc((size_t)s->narea + 1, sizeof *s->areas);
  s->tracks = calloc((size_t)s->ntrack + 1, sizeof *s->tracks);
  s->card_taken = calloc((size_t)s->ncard + 1, sizeof(int));
  s->card_last = calloc((size_t)s->ncard + 1, sizeof(int));
  s->queue = calloc((size_t)s->ncard + 1, sizeof(int));
  s->event_fired = calloc((size_t)s->nevent + 1, sizeof(int));
  if (!s->areas || !s->tracks || !s->card_taken || !s->card_last || !s->queue || !s->event_fired || !s->params) {
    fl_state_free(s);
    return NULL;
  }
  fl_state_reset(s, def, 0);
  return s;
}

static void clear_log(fl_State *s) {
  for (int i = 0; i < s->nlog; i++) { free(s->log[i].text); free(s->log[i].tg); }
  s->nlog = 0;
}

static void clear_pending(fl_State *s) {
  for (int i = 0; i < s->npending; i++) free(s->pending[i].tg);
  s->npending = 0;
}

void fl_state_clear_annots(fl_State *s, int kind) {
  int k = 0;
  for (int i = 0; i < s->nannot; i++) {
    if (kind < 0 || s->annots[i].kind == kind) free(s->annots[i].label);
    else s->annots[k++] = s->annots[i];
  }
  s->nannot = k;
}

/* A copy of n targets (NULL when n is 0); *ok = 0 on OOM. */
static int32_t *dup_targets(const int32_t *tg, int n, int *ok) {
  if (n <= 0 || !tg) return NULL;
  int32_t *c = malloc((size_t)n * sizeof *c);
  if (!c) { *ok = 0; return NULL; }
  memcpy(c, tg, (size_t)n * sizeof *c);
  return c;
}

void fl_state_free(fl_State *s) {
  if (!s) return;
  for (int i = 0; i < s->narea; i++) props_free(&s->areas[i].props);
  for (int i = 0; i < s->npiece; i++) props_free(&s->pieces[i].props);
  for (int i = 0; i < s->ntrack; i++) free(s->tracks[i].hist);
  props_free(&s->vars);
  clear_log(s);
  clear_pending(s);
  fl_state_clear_annots(s, -1);
  free(s->annots);
  free(s->areas); free(s->pieces); free(s->tracks); free(s->card_taken); free(s->card_last);
  free(s->queue); free(s->event_fired); free(s->pending); free(s->log); free(s->turn_hash);
  free(s->params);
  free(s);
}

void fl_state_reset(fl_State *s, const fl_Def *def, uint64_t seed) {
  s->turn = 0;
  s->phase = 0;
  s->stage = 0;
  s->ended = 0;
  s->ending = -1;
  s->ending_requested = 0;
  s->date = def->start_date;
  s->step = fl_def_step(def, 1);
  fl_rng_seed(&s->rng, seed, 0x466c616e6bULL);       /* "Flank" */
  fl_rng_seed(&s->prng, seed, 0x506f6c696379ULL);    /* "Policy" */
  s->seed = seed;
  for (int i = 0; i < s->nparam && i < def->nparam; i++) s->params[i] = def->params[i].value;
  s->draws = 0;
  s->draw_hash = FL_FNV_INIT;
  for (int i = 0; i < s->narea; i++) { s->areas[i].owner = -1; props_clear(&s->areas[i].props); }
  for (int i = 0; i < s->npiece; i++) props_free(&s->pieces[i].props);
  s->npiece = 0;
  s->next_piece = 1;
  for (int i = 0; i < s->ntrack; i++) {
    s->tracks[i].value = def->tracks[i].start;
    s->tracks[i].nhist = 0;
  }
  props_clear(&s->vars);
  memset(s->card_taken, 0, (size_t)s->ncard * sizeof(int));
  for (int i = 0; i < s->ncard; i++) s->card_last[i] = -1;
  memset(s->event_fired, 0, (size_t)s->nevent * sizeof(int));
  clear_pending(s);
  s->nqueue = s->qhead = 0;
  clear_log(s);
  fl_state_clear_annots(s, -1);
  s->front = 0;
  s->nturnhash = 0;
}

#define ENSURE(arr, n, cap, need)                                                   \
  do {                                                                              \
    if ((need) > (cap)) {                                                           \
      int nc_ = (cap) ? (cap) : 8;                                                  \
      while (nc_ < (need)) nc_ *= 2;                                                \
      void *np_ = realloc((arr), (size_t)nc_ * sizeof *(arr));                      \
      if (!np_) return -1;                                                          \
      (arr) = np_;                                                                  \
      (cap) = nc_;                                                                  \
    }                                                                               \
  } while (0)

int fl_state_copy(fl_State *d, const fl_State *s) {
  if (d->narea != s->narea || d->ntrack != s->ntrack || d->ncard != s->ncard || d->nevent != s->nevent ||
      d->nparam != s->nparam)
    return -1;
  d->seed = s->seed;
  if (s->nparam) memcpy(d->params, s->params, (size_t)s->nparam * sizeof *s->params);
  d->turn = s->turn; d->phase = s->phase; d->stage = s->stage; d->ended = s->ended;
  d->ending = s->ending; d->ending_requested = s->ending_requested;
  d->date = s->date; d->step = s->step; d->rng = s->rng; d->prng = s->prng;
  d->draws = s->draws; d->draw_hash = s->draw_hash; d->next_piece = s->next_piece;
  for (int i = 0; i < s->narea; i++) {
    d->areas[i].owner = s->areas[i].owner;
    if (props_copy(&d->areas[i].props, &s->areas[i].props)) return -1;
  }
  for (int i = 0; i < d->npiece; i++) props_free(&d->pieces[i].props);
  d->npiece = 0;
  ENSURE(d->pieces, d->npiece, d->cappiece, s->npiece);
  for (int i = 0; i < s->npiece; i++) {
    d->pieces[i] = s->pieces[i];
    memset(&d->pieces[i].props, 0, sizeof(fl_Props));
    d->npiece = i + 1;
    if (props_copy(&d->pieces[i].props, &s->pieces[i].props)) return -1;
  }
  for (int i = 0; i < s->ntrack; i++) {
    fl_TrackState *t = &d->tracks[i];
    t->value = s->tracks[i].value;
    t->nhist = 0;
    ENSURE(t->hist, t->nhist, t->cap, s->tracks[i].nhist);
    if (s->tracks[i].nhist) memcpy(t->hist, s->tracks[i].hist, (size_t)s->tracks[i].nhist * sizeof(double));
    t->nhist = s->tracks[i].nhist;
  }
  if (props_copy(&d->vars, &s->vars)) return -1;
  memcpy(d->card_taken, s->card_taken, (size_t)s->ncard * sizeof(int));
  memcpy(d->card_last, s->card_last, (size_t)s->ncard * sizeof(int));
  memcpy(d->queue, s->queue, (size_t)s->ncard * sizeof(int));
  d->nqueue = s->nqueue; d->qhead = s->qhead;
  memcpy(d->event_fired, s->event_fired, (size_t)s->nevent * sizeof(int));
  clear_pending(d);
  ENSURE(d->pending, d->npending, d->cappending, s->npending);
  int ok = 1;
  for (int i = 0; i < s->npending; i++) {
    d->pending[i] = s->pending[i];
    d->pending[i].tg = dup_targets(s->pending[i].tg, s->pending[i].ntg, &ok);
    if (!d->pending[i].tg) d->pending[i].ntg = 0;
    d->npending = i + 1;
  }
  clear_log(d);
  ENSURE(d->log, d->nlog, d->caplog, s->nlog);
  for (int i = 0; i < s->nlog; i++) {
    d->log[i] = s->log[i];
    d->log[i].text = fl_str_dup(s->log[i].text);
    d->log[i].tg = dup_targets(s->log[i].tg, s->log[i].ntg, &ok);
    if (!d->log[i].tg) d->log[i].ntg = 0;
    d->nlog = i + 1;
  }
  fl_state_clear_annots(d, -1);
  ENSURE(d->annots, d->nannot, d->capannot, s->nannot);
  for (int i = 0; i < s->nannot; i++) {
    d->annots[i] = s->annots[i];
    d->annots[i].label = fl_str_dup(s->annots[i].label);
    d->nannot = i + 1;
  }
  d->front = s->front;
  if (!ok) return -1;
  d->nturnhash = 0;
  ENSURE(d->turn_hash, d->nturnhash, d->capturnhash, s->nturnhash);
  if (s->nturnhash) memcpy(d->turn_hash, s->turn_hash, (size_t)s->nturnhash * sizeof(uint64_t));
  d->nturnhash = s->nturnhash;
  return 0;
}

fl_State *fl_state_clone(const fl_State *s) {
  fl_State *d = calloc(1, sizeof *d);
  if (!d) return NULL;
  d->narea = s->narea; d->ntrack = s->ntrack; d->ncard = s->ncard; d->nevent = s->nevent;
  d->nparam = s->nparam;
  d->params = calloc((size_t)s->nparam + 1, sizeof *d->params);
  d->areas = calloc((size_t)s->narea + 1, sizeof *d->areas);
  d->tracks = calloc((size_t)s->ntrack + 1, sizeof *d->tracks);
  d->card_taken = calloc((size_t)s->ncard + 1, sizeof(int));
  d->card_last = calloc((size_t)s->ncard + 1, sizeof(int));
  d->queue = calloc((size_t)s->ncard + 1, sizeof(int));
  d->event_fired = calloc((size_t)s->nevent + 1, sizeof(int));
  if (!d->areas || !d->tracks || !d->card_taken || !d->card_last || !d->queue || !d->event_fired || !d->params ||
      fl_state_copy(d, s)) {
    fl_state_free(d);
    return NULL;
  }
  return d;
}

/* ---- mutation ---- */

void fl_state_set_param(fl_State *s, int i, double v) {
  if (i >= 0 && i < s->nparam) s->params[i] = v;
}

void fl_state_set_track(fl_State *s, const fl_Def *def, int track, double v) {
  const fl_TrackDef *t = &def->tracks[track];
  if (isnan(v)) return;
  if (v < t->min) v = t->min;
  if (v > t->max) v = t->max;
  s->tracks[track].value = v;
}

int32_t fl_state_add_piece(fl_State *s, int type, int side, int area) {
  ENSURE(s->pieces, s->npiece, s->cappiece, s->npiece + 1);
  fl_Piece *p = &s->pieces[s->npiece++];
  memset(p, 0, sizeof *p);
  p->id = s->next_piece++;
  p->type = type;
  p->side = side;
  p->area = area;
  p->seen = FL_ALL_SIDES;
  return p->id;
}

int fl_state_find_piece(const fl_State *s, int32_t id) {
  int lo = 0, hi = s->npiece - 1; /* pieces stay sorted by id: ids only grow */
  while (lo <= hi) {
    int mid = (lo + hi) / 2;
    if (s->pieces[mid].id == id) return mid;
    if (s->pieces[mid].id < id) lo = mid + 1; else hi = mid - 1;
  }
  return -1;
}

int fl_state_remove_piece(fl_State *s, int32_t id) {
  int i = fl_state_find_piece(s, id);
  if (i < 0) return -1;
  props_free(&s->pieces[i].props);
  memmove(&s->pieces[i], &s->pieces[i + 1], (size_t)(s->npiece - i - 1) * sizeof *s->pieces);
  s->npiece--;
  return 0;
}

int fl_state_log_ex(fl_State *s, int kind, int a, int b, int c, const char *text, fl_Sides seen,
                    const int32_t *tg, int ntg) {
  ENSURE(s->log, s->nlog, s->caplog, s->nlog + 1);
  char *t = NULL;
  int ok = 1;
  if (text && !(t = fl_str_dup(text))) return -1;
  int32_t *tc = dup_targets(tg, ntg, &ok);
  if (!ok) { free(t); return -1; }
  s->log[s->nlog++] = (fl_LogEntry){kind, s->turn, a, b, c, s->date, t, seen, tc, tc ? ntg : 0};
  return 0;
}

int fl_state_log(fl_State *s, int kind, int a, int b, int c, const char *text) {
  return fl_state_log_ex(s, kind, a, b, c, text, FL_ALL_SIDES, NULL, 0);
}

int fl_state_annot(fl_State *s, fl_Annot a) {
  ENSURE(s->annots, s->nannot, s->capannot, s->nannot + 1);
  char *l = NULL;
  if (a.label && !(l = fl_str_dup(a.label))) return -1;
  a.label = l;
  s->annots[s->nannot] = a;
  return s->nannot++;
}

double fl_state_draw(fl_State *s) {
  double v = fl_rng_double(&s->rng);
  s->draws++;
  s->draw_hash = fl_fnv64(s->draw_hash, &v, sizeof v);
  return v;
}

/* ---- serialisation ---- */

static void write_props(fl_Buf *b, const fl_Props *ps) {
  fl_buf_u32(b, (uint32_t)ps->n);
  for (int i = 0; i < ps->n; i++) {
    fl_buf_str(b, ps->p[i].key);
    fl_buf_u8(b, (uint8_t)ps->p[i].type);
    if (ps->p[i].type == FL_STR) fl_buf_str(b, ps->p[i].str);
    else fl_buf_f64(b, ps->p[i].num);
  }
}

static void write_targets(fl_Buf *b, const int32_t *tg, int n) {
  fl_buf_u32(b, (uint32_t)n);
  for (int i = 0; i < n; i++) fl_buf_u32(b, (uint32_t)tg[i]);
}

void fl_state_write(const fl_State *s, fl_Buf *b, int with_log) {
  fl_buf_u32(b, (uint32_t)s->turn);
  fl_buf_u32(b, (uint32_t)s->phase);
  fl_buf_u32(b, (uint32_t)s->stage);
  fl_buf_u32(b, (uint32_t)s->ended);
  fl_buf_u32(b, (uint32_t)s->ending);
  fl_buf_u32(b, (uint32_t)s->ending_requested);
  fl_buf_u32(b, (uint32_t)s->date);
  fl_buf_u32(b, (uint32_t)s->step.n);
  fl_buf_u32(b, (uint32_t)s->step.unit);
  fl_buf_u64(b, s->rng.state); fl_buf_u64(b, s->rng.inc);
  if (with_log) { fl_buf_u64(b, s->prng.state); fl_buf_u64(b, s->prng.inc); fl_buf_u64(b, s->seed); }
  fl_buf_u32(b, s->draws);
  fl_buf_u64(b, s->draw_hash);
  fl_buf_u32(b, (uint32_t)s->narea);
  for (int i = 0; i < s->narea; i++) {
    fl_buf_u32(b, (uint32_t)s->areas[i].owner);
    write_props(b, &s->areas[i].props);
  }
  fl_buf_u32(b, (uint32_t)s->next_piece);
  fl_buf_u32(b, (uint32_t)s->npiece);
  for (int i = 0; i < s->npiece; i++) {
    const fl_Piece *p = &s->pieces[i];
    fl_buf_u32(b, (uint32_t)p->id); fl_buf_u32(b, (uint32_t)p->type);
    fl_buf_u32(b, (uint32_t)p->side); fl_buf_u32(b, (uint32_t)p->area);
    fl_buf_f64(b, p->mp_used); fl_buf_u32(b, (uint32_t)p->mp_turn); fl_buf_u64(b, p->seen);
    write_props(b, &p->props);
  }
  fl_buf_u32(b, (uint32_t)s->ntrack);
  for (int i = 0; i < s->ntrack; i++) {
    fl_buf_f64(b, s->tracks[i].value);
    fl_buf_u32(b, (uint32_t)s->tracks[i].nhist);
    fl_buf_u64s(b, s->tracks[i].hist, (size_t)s->tracks[i].nhist); /* doubles as their bits */
  }
  write_props(b, &s->vars);
  /* parameters: a game under other assumptions is another game (and hashes differently);
   * a scenario without any hashes exactly as before they existed */
  if (with_log || s->nparam) {
    fl_buf_u32(b, (uint32_t)s->nparam);
    for (int i = 0; i < s->nparam; i++) fl_buf_f64(b, s->params[i]);
  }
  fl_buf_u32(b, (uint32_t)s->ncard);
  for (int i = 0; i < s->ncard; i++) { fl_buf_u32(b, (uint32_t)s->card_taken[i]); fl_buf_u32(b, (uint32_t)s->card_last[i]); }
  fl_buf_u32(b, (uint32_t)(s->nqueue - s->qhead));
  for (int i = s->qhead; i < s->nqueue; i++) fl_buf_u32(b, (uint32_t)s->queue[i]);
  fl_buf_u32(b, (uint32_t)s->nevent);
  for (int i = 0; i < s->nevent; i++) fl_buf_u32(b, (uint32_t)s->event_fired[i]);
  fl_buf_u32(b, (uint32_t)s->npending);
  for (int i = 0; i < s->npending; i++) {
    const fl_Pending *p = &s->pending[i];
    fl_buf_u32(b, (uint32_t)p->due_date); fl_buf_u32(b, (uint32_t)p->due_turn);
    fl_buf_u32(b, (uint32_t)p->card); fl_buf_u32(b, (uint32_t)p->option);
    fl_buf_u32(b, (uint32_t)p->side); fl_buf_u32(b, (uint32_t)p->turn);
    write_targets(b, p->tg, p->ntg);
  }
  fl_buf_u32(b, (uint32_t)s->front);
  fl_buf_u32(b, (uint32_t)s->nannot);
  for (int i = 0; i < s->nannot; i++) {
    const fl_Annot *a = &s->annots[i];
    fl_buf_u32(b, (uint32_t)a->kind); fl_buf_u32(b, (uint32_t)a->a); fl_buf_u32(b, (uint32_t)a->b);
    fl_buf_u32(b, (uint32_t)a->side); fl_buf_u32(b, (uint32_t)a->style); fl_buf_u64(b, a->seen);
    fl_buf_str(b, a->label);
  }
  fl_buf_u32(b, (uint32_t)s->nturnhash);
  fl_buf_u64s(b, s->turn_hash, (size_t)s->nturnhash);
  if (!with_log) return;
  fl_buf_u32(b, (uint32_t)s->nlog);
  for (int i = 0; i < s->nlog; i++) {
    const fl_LogEntry *e = &s->log[i];
    fl_buf_u8(b, (uint8_t)e->kind);
    fl_buf_u32(b, (uint32_t)e->turn); fl_buf_u32(b, (uint32_t)e->a);
    fl_buf_u32(b, (uint32_t)e->b); fl_buf_u32(b, (uint32_t)e->c);
    fl_buf_u32(b, (uint32_t)e->date);
    fl_buf_str(b, e->text);
    fl_buf_u64(b, e->seen);
    write_targets(b, e->tg, e->ntg);
  }
}

/* Counts read from a file are bounded before anything is allocated for them. */
#define SANE(n, limit) ((n) <= (uint32_t)(limit))
#define MAX_ITEMS 10000000u

static int read_props(fl_Reader *r, fl_Props *ps) {
  props_clear(ps);
  uint32_t n = fl_rd_u32(r);
  if (r->bad || !SANE(n, (r->len - r->pos) / 5)) return -1;
  for (uint32_t i = 0; i < n; i++) {
    char *key = fl_rd_str(r);
    uint8_t type = fl_rd_u8(r);
    int rc = 0;
    if (!key || r->bad || type < FL_NUM || type > FL_STR) { free(key); return -1; }
    /* saves hold keys sorted (as fl_Props keeps them): each one goes at the end, so a
     * save loads in O(n log n); keys out of order are a forged save, not n^2 of work */
    if (ps->n && strcmp(ps->p[ps->n - 1].key, key) >= 0) { free(key); return -1; }
    if (type == FL_STR) {
      char *v = fl_rd_str(r);
      rc = v && fl_str_ctl(v, strlen(v), 1) < 0 ? fl_props_set_str(ps, key, v) : -1; /* no escape sequences */
      free(v);
    } else {
      double v = fl_rd_f64(r);
      if (!isfinite(v)) { free(key); return -1; } /* inf and NaN never enter the state */
      rc = type == FL_NUM ? fl_props_set_num(ps, key, v) : fl_props_set_bool(ps, key, v != 0);
    }
    free(key);
    if (rc || r->bad) return -1;
  }
  return 0;
}

static int in_range(uint32_t v, int lo, int hi) { return (int32_t)v >= lo && (int32_t)v < hi; }

/* Targets are area indices or piece ids: plain integers, checked by the game when used. */
static int read_targets(fl_Reader *r, int32_t **tg, int *n) {
  *tg = NULL;
  *n = 0;
  uint32_t k = fl_rd_u32(r);
  if (r->bad || k > FL_MAX_TARGETS || k > (r->len - r->pos) / 4) return -1;
  if (!k) return 0;
  if (!(*tg = malloc(k * sizeof **tg))) return -1;
  for (uint32_t i = 0; i < k; i++) (*tg)[i] = (int32_t)fl_rd_u32(r);
  *n = (int)k;
  return r->bad ? -1 : 0;
}

int fl_state_read(fl_State *s, const fl_Def *def, fl_Reader *r) {
  fl_state_reset(s, def, 0);
  s->turn = (int)fl_rd_u32(r);
  s->phase = (int)fl_rd_u32(r);
  s->stage = (int)fl_rd_u32(r);
  s->ended = (int)fl_rd_u32(r);
  s->ending = (int)fl_rd_u32(r);
  s->ending_requested = (int)fl_rd_u32(r);
  s->date = (int32_t)fl_rd_u32(r);
  s->step.n = (int32_t)fl_rd_u32(r);
  s->step.unit = (int32_t)fl_rd_u32(r);
  s->rng.state = fl_rd_u64(r); s->rng.inc = fl_rd_u64(r) | 1u;
  s->prng.state = fl_rd_u64(r); s->prng.inc = fl_rd_u64(r) | 1u;
  s->seed = fl_rd_u64(r);
  s->draws = fl_rd_u32(r);
  s->draw_hash = fl_rd_u64(r);
  if (r->bad || s->turn < 0 || s->turn > 1000000 || s->phase < 0 || s->phase > def->nphase ||
      s->stage < 0 || s->stage > 8 || (s->ending < -1 || s->ending >= def->nending) ||
      s->ending_requested < 0 || s->ending_requested > def->nending || s->step.unit < 0 ||
      s->step.unit > FL_SPAN_TURN || s->step.n < 0)
    return -1;
  if (fl_rd_u32(r) != (uint32_t)s->narea) return -1;
  for (int i = 0; i < s->narea; i++) {
    uint32_t owner = fl_rd_u32(r);
    if (!in_range(owner, -1, def->nside)) return -1;
    s->areas[i].owner = (int32_t)owner;
    if (read_props(r, &s->areas[i].props)) return -1;
  }
  s->next_piece = (int32_t)fl_rd_u32(r);
  uint32_t np = fl_rd_u32(r);
  if (r->bad || !SANE(np, MAX_ITEMS) || np > (r->len - r->pos) / 20 || s->next_piece < 1) return -1;
  if ((int)np > s->cappiece) {
    fl_Piece *p = realloc(s->pieces, (size_t)np * sizeof *p);
    if (!p) return -1;
    s->pieces = p;
    s->cappiece = (int)np;
  }
  int32_t last = 0;
  for (uint32_t i = 0; i < np; i++) {
    fl_Piece *p = &s->pieces[i];
    memset(p, 0, sizeof *p);
    s->npiece = (int)i + 1;
    p->id = (int32_t)fl_rd_u32(r);
    uint32_t type = fl_rd_u32(r), side = fl_rd_u32(r), area = fl_rd_u32(r);
    if (r->bad || p->id <= last || p->id >= s->next_piece || !in_range(type, 0, def->nptype) ||
        !in_range(side, -1, def->nside) || !in_range(area, 0, s->narea))
      return -1;
    p->type = (int)type; p->side = (int32_t)side; p->area = (int32_t)area;
    p->mp_used = fl_rd_f64(r);
    p->mp_turn = (int)fl_rd_u32(r);
    p->seen = fl_rd_u64(r);
    if (r->bad || !isfinite(p->mp_used) || p->mp_used < 0) return -1;
    last = p->id;
    if (read_props(r, &p->props)) return -1;
  }
  if (fl_rd_u32(r) != (uint32_t)s->ntrack) return -1;
  for (int i = 0; i < s->ntrack; i++) {
    fl_TrackState *t = &s->tracks[i];
    t->value = fl_rd_f64(r);
    uint32_t nh = fl_rd_u32(r);
    if (r->bad || !SANE(nh, (r->len - r->pos) / 8) || !isfinite(t->value)) return -1; /* no inf or NaN */
    if ((int)nh > t->cap) {
      double *h = realloc(t->hist, (size_t)nh * sizeof *h);
      if (!h) return -1;
      t->hist = h;
      t->cap = (int)nh;
    }
    for (uint32_t h = 0; h < nh; h++)
      if (!isfinite(t->hist[h] = fl_rd_f64(r))) return -1;
    t->nhist = (int)nh;
  }
  if (read_props(r, &s->vars)) return -1;
  if (fl_rd_u32(r) != (uint32_t)s->nparam) return -1;
  for (int i = 0; i < s->nparam; i++) {
    s->params[i] = fl_rd_f64(r);
    if (!(s->params[i] >= def->params[i].min && s->params[i] <= def->params[i].max)) return -1; /* NaN too */
  }
  if (fl_rd_u32(r) != (uint32_t)s->ncard) return -1;
  for (int i = 0; i < s->ncard; i++) {
    s->card_taken[i] = (int)fl_rd_u32(r);
    uint32_t last_opt = fl_rd_u32(r);
    if (!in_range(last_opt, -1, def->cards[i].noptions) || s->card_taken[i] < 0) return -1;
    s->card_last[i] = (int32_t)last_opt;
  }
  uint32_t nq = fl_rd_u32(r);
  if (r->bad || nq > (uint32_t)s->ncard) return -1;
  for (uint32_t i = 0; i < nq; i++) {
    uint32_t c = fl_rd_u32(r);
    if (!in_range(c, 0, s->ncard)) return -1;
    s->queue[i] = (int)c;
  }
  s->qhead = 0;
  s->nqueue = (int)nq;
  if (fl_rd_u32(r) != (uint32_t)s->nevent) return -1;
  for (int i = 0; i < s->nevent; i++) s->event_fired[i] = (int)fl_rd_u32(r);
  uint32_t npend = fl_rd_u32(r);
  if (r->bad || !SANE(npend, (r->len - r->pos) / 24)) return -1;
  if ((int)npend > s->cappending) {
    fl_Pending *p = realloc(s->pending, (size_t)npend * sizeof *p);
    if (!p) return -1;
    s->pending = p;
    s->cappending = (int)npend;
  }
  for (uint32_t i = 0; i < npend; i++) {
    fl_Pending *p = &s->pending[i];
    p->due_date = (int32_t)fl_rd_u32(r); p->due_turn = (int)fl_rd_u32(r);
    uint32_t card = fl_rd_u32(r), opt = fl_rd_u32(r), side = fl_rd_u32(r);
    p->turn = (int)fl_rd_u32(r);
    if (r->bad || !in_range(card, 0, def->ncard) || !in_range(opt, 0, def->cards[card].noptions) ||
        !in_range(side, -1, def->nside))
      return -1;
    p->card = (int)card; p->option = (int)opt; p->side = (int32_t)side;
    p->tg = NULL; p->ntg = 0;
    s->npending = (int)i + 1;
    if (read_targets(r, &p->tg, &p->ntg)) return -1;
  }
  s->npending = (int)npend;
  s->front = fl_rd_u32(r) != 0;
  uint32_t nan_ = fl_rd_u32(r);
  if (r->bad || !SANE(nan_, (r->len - r->pos) / 32)) return -1;
  for (uint32_t i = 0; i < nan_; i++) {
    fl_Annot a;
    uint32_t kind = fl_rd_u32(r), aa = fl_rd_u32(r), bb = fl_rd_u32(r), side = fl_rd_u32(r);
    a.style = (int)fl_rd_u32(r);
    a.seen = fl_rd_u64(r);
    char *label = fl_rd_str(r);
    if (r->bad || kind > FL_ANNOT_HIGHLIGHT || !in_range(aa, 0, s->narea) || !in_range(bb, -1, s->narea) ||
        !in_range(side, -1, def->nside) || a.style < 0 || a.style > 2) { free(label); return -1; }
    a.kind = (int)kind; a.a = (int)aa; a.b = (int32_t)bb; a.side = (int32_t)side; a.label = label;
    int rc = fl_state_annot(s, a);
    free(label);
    if (rc < 0) return -1;
  }
  uint32_t nth = fl_rd_u32(r);
  if (r->bad || !SANE(nth, (r->len - r->pos) / 8)) return -1;
  ENSURE(s->turn_hash, s->nturnhash, s->capturnhash, (int)nth);
  for (uint32_t i = 0; i < nth; i++) s->turn_hash[i] = fl_rd_u64(r);
  s->nturnhash = (int)nth;
  uint32_t nlog = fl_rd_u32(r);
  if (r->bad || !SANE(nlog, (r->len - r->pos) / 25)) return -1;
  for (uint32_t i = 0; i < nlog; i++) {
    int kind = fl_rd_u8(r), turn = (int)fl_rd_u32(r), a = (int)fl_rd_u32(r), b = (int)fl_rd_u32(r),
        c = (int)fl_rd_u32(r);
    int32_t date = (int32_t)fl_rd_u32(r);
    char *text = fl_rd_str(r);
    fl_Sides seen = fl_rd_u64(r);
    int32_t *tg = NULL;
    int ntg = 0;
    if (read_targets(r, &tg, &ntg) || r->bad || kind < FL_LOG_ACTION || kind > FL_LOG_ENDING) { free(text); free(tg); return -1; }
    int bad = 0;
    switch (kind) {
    case FL_LOG_ACTION: case FL_LOG_DELAYED:
      bad = !in_range((uint32_t)a, 0, def->ncard) || !in_range((uint32_t)b, 0, def->cards[a].noptions) ||
            !in_range((uint32_t)c, -1, def->nside);
      break;
    case FL_LOG_SKIPPED: bad = !in_range((uint32_t)a, 0, def->ncard); break;
    case FL_LOG_EVENT: bad = !in_range((uint32_t)a, 0, def->nevent); break;
    case FL_LOG_ENDING: bad = !in_range((uint32_t)a, 0, def->nending); break;
    default: break;
    }
    if (bad || fl_state_log_ex(s, kind, a, b, c, text, seen, tg, ntg)) { free(text); free(tg); return -1; }
    free(text);
    free(tg);
    s->log[s->nlog - 1].turn = turn;
    s->log[s->nlog - 1].date = date;
  }
  return r->bad || r->pos != r->len ? -1 : 0;
}

uint64_t fl_state_hash_buf(const fl_State *s, fl_Buf *b) {
  b->len = 0;
  b->oom = 0;
  fl_state_write(s, b, 0);
  return fl_hash64(b->data, b->len);
}

uint64_t fl_state_hash(const fl_State *s) {
  fl_Buf b = {0};
  uint64_t h = fl_state_hash_buf(s, &b);
  fl_buf_free(&b);
  return h;
}

int fl_state_action_nth(const fl_State *s, int li) {
  const fl_LogEntry *e = &s->log[li];
  int n = 0;
  for (int i = 0; i < li; i++) n += s->log[i].kind == FL_LOG_ACTION && s->log[i].turn == e->turn && s->log[i].a == e->a;
  return n;
}

int32_t fl_state_short_turn_days(const fl_State *s) {
  int32_t days = 0, d0 = 0;
  int t0 = -1;
  for (int i = 0; i <= s->nlog; i++) { /* every log entry carries its turn's date; the state's is its last turn's */
    int t = i < s->nlog ? s->log[i].turn : s->turn;
    int32_t dt = i < s->nlog ? s->log[i].date : s->date;
    if (t <= t0) continue;
    if (t0 >= 0 && dt > d0 && dt - d0 < 28 * (t - t0)) days += dt - d0;
    t0 = t;
    d0 = dt;
  }
  return days;
}
