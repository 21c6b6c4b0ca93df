#include "fl_def.h"
#include <math.h>
#include "fl_colour.h"
#include "fl_str.h"
#include <stdlib.h>
#include <string.h>

fl_Def *fl_def_new(void) {
  fl_Def *d = calloc(1, sizeof *d);
  if (d && !(d->map = fl_map_new())) { free(d); return NULL; }
  return d;
}

void fl_def_free(fl_Def *d) {
  if (!d) return;
  free(d->id); free(d->title); free(d->version); free(d->blurb); free(d->language); free(d->path);
  for (int i = 0; i < d->nauthor; i++) free(d->authors[i]);
  free(d->authors);
  for (int i = 0; i < d->nsource; i++) {
    fl_Source *s = &d->sources[i];
    free(s->id); free(s->text); free(s->author); free(s->title); free(s->year); free(s->publisher);
    free(s->link); free(s->note); free(s->short_name);
  }
  free(d->sources);
  for (int i = 0; i < d->nevidence; i++) { free(d->evidence[i].mark); free(d->evidence[i].text); }
  free(d->evidence);
  for (int i = 0; i < d->nparam; i++) {
    fl_ParamDef *p = &d->params[i];
    free(p->id); free(p->name); free(p->text); free(p->unit); free(p->source); free(p->assumption);
  }
  free(d->params);
  for (int i = 0; i < d->nquestion; i++) free(d->questions[i].text);
  free(d->questions);
  free(d->class_file);
  free(d->calendar);
  fl_map_free(d->map);
  for (int i = 0; i < d->nside; i++) { free(d->sides[i].id); free(d->sides[i].name); free(d->sides[i].text); }
  free(d->sides);
  for (int i = 0; i < d->nphase; i++) { free(d->phases[i].id); free(d->phases[i].name); }
  free(d->phases);
  for (int i = 0; i < d->ntrack; i++) {
    fl_TrackDef *t = &d->tracks[i];
    free(t->id); free(t->name); free(t->unit); free(t->unit_one); free(t->text); free(t->source); free(t->short_name);
  }
  free(d->tracks);
  for (int i = 0; i < d->nptype; i++) {
    fl_PieceType *t = &d->ptypes[i];
    free(t->id); free(t->name); free(t->symbol);
    for (int k = 0; k < t->ncost; k++) free(t->costs[k].terrain);
    free(t->costs);
    free(t->area_cost);
  }
  free(d->ptypes);
  for (int i = 0; i < d->ncard; i++) {
    fl_CardDef *c = &d->cards[i];
    free(c->id); free(c->title); free(c->text); free(c->source);
    for (int j = 0; j < c->noptions; j++) {
      fl_OptionDef *o = &c->options[j];
      free(o->id); free(o->label); free(o->text); free(o->preview); free(o->costs);
    }
    free(c->options);
  }
  free(d->cards);
  for (int i = 0; i < d->nevent; i++) {
    fl_EventDef *e = &d->events[i];
    free(e->id); free(e->title); free(e->text); free(e->source);
  }
  free(d->events);
  for (int i = 0; i < d->nending; i++) { free(d->endings[i].id); free(d->endings[i].title); free(d->endings[i].text); }
  free(d->endings);
  for (int i = 0; i < d->noverlay; i++) {
    fl_OverlayDef *o = &d->overlays[i];
    free(o->id); free(o->name); free(o->prop); free(o->unit); free(o->text); free(o->source);
  }
  free(d->overlays);
  for (int i = 0; i < d->nprop; i++) {
    fl_PropDef *p = &d->props[i];
    free(p->id); free(p->name); free(p->unit); free(p->unit_one); free(p->text);
    for (int k = 0; k < p->nval; k++) { free(p->vkey[k]); free(p->vlabel[k]); }
    free(p->vkey); free(p->vlabel);
  }
  free(d->props);
  free(d);
}

#define FIND(arr, n, field)                                  \
  for (int i = 0; id && i < (n); i++)                        \
    if (strcmp((arr)[i].field, id) == 0) return i;           \
  return -1

int fl_def_side(const fl_Def *d, const char *id) { FIND(d->sides, d->nside, id); }
int fl_def_phase(const fl_Def *d, const char *id) { FIND(d->phases, d->nphase, id); }
int fl_def_track(const fl_Def *d, const char *id) { FIND(d->tracks, d->ntrack, id); }
int fl_def_ptype(const fl_Def *d, const char *id) { FIND(d->ptypes, d->nptype, id); }
int fl_def_card(const fl_Def *d, const char *id) { FIND(d->cards, d->ncard, id); }
int fl_def_event(const fl_Def *d, const char *id) { FIND(d->events, d->nevent, id); }
int fl_def_ending(const fl_Def *d, const char *id) { FIND(d->endings, d->nending, id); }
int fl_def_option(const fl_CardDef *c, const char *id) { FIND(c->options, c->noptions, id); }
int fl_def_prop(const fl_Def *d, const char *id) { FIND(d->props, d->nprop, id); }

const char *fl_def_prop_value(const fl_PropDef *p, const char *value) {
  if (!p || !value) return value;
  int lo = 0, hi = p->nval - 1;
  while (lo <= hi) {
    int mid = (lo + hi) / 2, c = strcmp(p->vkey[mid], value);
    if (c == 0) return p->vlabel[mid];
    if (c < 0) lo = mid + 1; else hi = mid - 1;
  }
  return value;
}
int fl_def_param(const fl_Def *d, const char *id) { FIND(d->params, d->nparam, id); }
int fl_def_source(const fl_Def *d, const char *id) { FIND(d->sources, d->nsource, id); }

const char *fl_def_param_suggest(const fl_Def *d, const char *id) {
  const char *c[256];
  int n = 0;
  for (; n < d->nparam && n < 256; n++) c[n] = d->params[n].id;
  return fl_str_suggest(id, c, n);
}

fl_Sides fl_def_team(const fl_Def *d, int side) {
  fl_Sides t = 0;
  if (side < 0 || side >= d->nside) return 0;
  for (int i = 0; i < d->nside; i++)
    if (d->sides[i].team == d->sides[side].team) t |= FL_SIDE_BIT(i);
  return t;
}

int fl_def_sees(const fl_Def *d, int side, fl_Sides seen) {
  (void)d;
  return side < 0 || (seen & FL_SIDE_BIT(side)) != 0;
}

int fl_def_sees_prop(const fl_Def *d, int side, const char *key) {
  if (side < 0 || !d->nprop) return 1;
  int p = fl_def_prop(d, key);
  return p < 0 || fl_def_sees(d, side, d->props[p].seen);
}

int fl_def_track_open_ended(const fl_TrackDef *t) {
  double span = t->max - t->min;
  return span >= 1e6 || (t->start != 0 && span >= 50 * fabs(t->start));
}

int fl_def_enemies(const fl_Def *d, int a, int b) {
  if (a < 0 || b < 0 || a >= d->nside || b >= d->nside) return 0;
  return d->sides[a].team != d->sides[b].team;
}

fl_Span fl_def_step(const fl_Def *d, int turn) {
  fl_Span s = {1, FL_SPAN_MONTH};
  for (int i = 0; i < d->ncal; i++)
    if (d->calendar[i].from_turn <= turn) s = d->calendar[i].step;
  return s;
}

uint32_t fl_def_side_colour(const fl_Def *d, int side) {
  if (side < 0 || side >= d->nside) return 0x767460; /* no side: the neutral grey */
  return d->sides[side].has_colour ? d->sides[side].colour : fl_colour_default(side);
}
