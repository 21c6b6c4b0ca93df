#include "fl_textview.h"
#include "fl_cli.h"
#include <math.h>
#include <string.h>

static void num(FILE *f, double v) {
  if (v == floor(v) && fabs(v) < 1e15) fprintf(f, "%.0f", v);
  else fprintf(f, "%.2f", v);
}

void fl_textview_piece(FILE *f, const fl_Def *d, const fl_Piece *p) {
  fprintf(f, "%s #%d%s%s", d->ptypes[p->type].name, (int)p->id, p->side >= 0 ? " of " : "", p->side >= 0 ? d->sides[p->side].name : "");
}

/* An action's targets in words: " (Riga, Tartu)" or " (#3 from A to B)". */
static void targets(FILE *f, const fl_Def *d, const fl_LogEntry *e) {
  const fl_OptionDef *o = &d->cards[e->a].options[e->b];
  int na = fl_map_area_count(d->map);
#define AREA(v) ((v) >= 0 && (v) < na ? fl_map_area(d->map, (v))->name : "?")
  if (!e->ntg) return;
  if (o->target == FL_TGT_MOVE && e->ntg >= 3) { fprintf(f, ": #%d from %s to %s", (int)e->tg[0], AREA(e->tg[2]), AREA(e->tg[1])); return; }
  fprintf(f, " (");
  for (int k = 0; k < e->ntg; k++) {
    if (o->target == FL_TGT_AREA) fprintf(f, "%s%s", k ? ", " : "", AREA(e->tg[k]));
    else fprintf(f, "%s#%d", k ? ", " : "", (int)e->tg[k]);
  }
  fprintf(f, ")");
#undef AREA
}

void fl_textview_log_line(FILE *f, const fl_Def *d, const fl_LogEntry *e) {
  switch (e->kind) {
  case FL_LOG_ACTION:
    fprintf(f, "%s chose \"%s\" on \"%s\"", e->c >= 0 ? d->sides[e->c].name : "?", d->cards[e->a].options[e->b].label,
            d->cards[e->a].title);
    targets(f, d, e);
    break;
  case FL_LOG_EVENT: fprintf(f, "%s%s", d->events[e->a].title, e->text && *e->text ? ": " : ""); cli_cited(f, d, e->text); break;
  case FL_LOG_MESSAGE: cli_cited(f, d, e->text); break;
  case FL_LOG_DELAYED: fprintf(f, "\"%s\" took effect", d->cards[e->a].options[e->b].label); break;
  case FL_LOG_SKIPPED: fprintf(f, "\"%s\" had no available option", d->cards[e->a].title); break;
  case FL_LOG_ENDING: fprintf(f, "Ending: %s", d->endings[e->a].title); break;
  default: break;
  }
}

static void prop_name(FILE *f, const fl_Def *d, const fl_Prop *p) {
  int k = fl_def_prop(d, p->key);
  const fl_PropDef *pd = k >= 0 ? &d->props[k] : NULL;
  fprintf(f, "%s ", pd ? pd->name : p->key);
  if (p->type == FL_STR) fprintf(f, "%s", p->str);
  else if (p->type == FL_BOOL) fprintf(f, "%s", p->num ? "yes" : "no");
  else num(f, p->num);
  if (pd && *pd->unit && p->type == FL_NUM) fprintf(f, " %s", pd->unit);
}

void fl_textview_decision(FILE *f, fl_Game *g) {
  const fl_Def *d = fl_game_def(g);
  int side, c = fl_game_pending(g, &side);
  if (c >= 0) {
    const fl_CardDef *card = &d->cards[c];
    fprintf(f, "\nDecision for %s: %s.\n", d->sides[side].name, card->title);
    if (*card->text) { cli_cited(f, d, card->text); fputc('\n', f); }
    for (int o = 0; o < card->noptions; o++) {
      const fl_OptionDef *op = &card->options[o];
      fprintf(f, "%d. %s", o + 1, op->label);
      for (int k = 0; k < op->ncost; k++) {
        fprintf(f, "%s", k ? ", " : ". Cost: ");
        num(f, op->costs[k].amount);
        fprintf(f, " %s", d->tracks[op->costs[k].track].name);
      }
      const char *why = fl_game_unavailable_reason(g, o);
      if (why) fprintf(f, ". Not available: %s", why);
      else if (op->target == FL_TGT_MOVE) fprintf(f, ". Choose a piece, then where it goes");
      else if (op->target == FL_TGT_AREA || op->target == FL_TGT_PIECE) {
        const char *what = op->target == FL_TGT_AREA ? "area" : "piece";
        if (op->tmax <= 1) fprintf(f, ". Choose %s %s", op->target == FL_TGT_AREA ? "an" : "a", what);
        else if (op->tmin == op->tmax) fprintf(f, ". Choose %d %ss", op->tmin, what);
        else fprintf(f, ". Choose %d to %d %ss", op->tmin, op->tmax, what);
      }
      if (!why && *op->preview) fprintf(f, ". %s", op->preview);
      if (*op->text) { fprintf(f, ". "); cli_cited(f, d, op->text); }
      fprintf(f, "\n");
    }
  }
}

void fl_textview_write(FILE *f, fl_Game *g, int viewer) {
  const fl_Def *d = fl_game_def(g);
  const fl_State *s = fl_game_state(g);
  char date[16];
  fl_date_format(s->date, date, sizeof date);
  fprintf(f, "%s. Turn %d of %d, %s", d->title, s->turn, d->max_turns, date);
  if (!s->ended && s->phase >= 0 && s->phase < d->nphase) fprintf(f, ", phase: %s", d->phases[s->phase].name);
  fprintf(f, ".\n");
  if (s->ended && s->ending >= 0) fprintf(f, "The game is over: %s.\n", d->endings[s->ending].title);

  fprintf(f, "\nIndicators:\n");
  for (int i = 0; i < d->ntrack; i++) {
    if (!d->tracks[i].visible || !fl_def_sees(d, viewer, d->tracks[i].seen)) continue;
    fprintf(f, "- %s: ", d->tracks[i].name);
    num(f, s->tracks[i].value);
    fprintf(f, "%s%s (range ", *d->tracks[i].unit ? " " : "", d->tracks[i].unit);
    num(f, d->tracks[i].min);
    fprintf(f, " to ");
    num(f, d->tracks[i].max);
    fprintf(f, "%s)\n", d->tracks[i].higher_is_better > 0 ? ", higher is better" : d->tracks[i].higher_is_better < 0 ? ", lower is better" : "");
  }

  fprintf(f, "\nAreas:\n");
  for (int a = 0; a < s->narea; a++) {
    const fl_MapArea *m = fl_map_area(d->map, a);
    const fl_AreaState *as = &s->areas[a];
    fprintf(f, "- %s: %s, %s", m->name, as->owner >= 0 ? d->sides[as->owner].name : "no owner", m->terrain);
    int np = 0;
    for (int p = 0; p < s->npiece; p++) np += s->pieces[p].area == a && fl_def_sees(d, viewer, s->pieces[p].seen);
    if (np) {
      fprintf(f, "; pieces:");
      for (int p = 0, k = 0; p < s->npiece; p++) {
        const fl_Piece *pc = &s->pieces[p];
        if (pc->area != a || !fl_def_sees(d, viewer, pc->seen)) continue;
        fprintf(f, "%s ", k++ ? "," : "");
        fl_textview_piece(f, d, pc);
      }
    }
    for (int k = 0, shown = 0; k < as->props.n; k++) {
      if (!fl_def_sees_prop(d, viewer, as->props.p[k].key)) continue;
      fprintf(f, "%s ", shown++ ? "," : ";");
      prop_name(f, d, &as->props.p[k]);
    }
    for (int k = 0; k < s->nannot; k++) {
      const fl_Annot *an = &s->annots[k];
      if (an->kind != FL_ANNOT_HIGHLIGHT || an->a != a || !fl_def_sees(d, viewer, an->seen)) continue;
      fprintf(f, "; marked%s%s%s", an->label ? " \"" : "", an->label ? an->label : "", an->label ? "\"" : "");
    }
    fprintf(f, "; next to:");
    for (int k = 0; k < m->nadj; k++) fprintf(f, "%s %s", k ? "," : "", fl_map_area(d->map, m->adj[k])->name);
    fprintf(f, "%s.\n", m->nadj ? "" : " nothing");
  }

  for (int k = 0, first = 1; k < s->nannot; k++) {
    const fl_Annot *an = &s->annots[k];
    if (an->kind != FL_ANNOT_ARROW || !fl_def_sees(d, viewer, an->seen)) continue;
    if (first) { fprintf(f, "\nArrows on the map:\n"); first = 0; }
    fprintf(f, "- %s to %s", fl_map_area(d->map, an->a)->name, fl_map_area(d->map, an->b)->name);
    if (an->side >= 0) fprintf(f, " (%s)", d->sides[an->side].name);
    if (an->label) fprintf(f, ": \"%s\"", an->label);
    fprintf(f, "\n");
  }
  if (s->front) fprintf(f, "\nThe front line is drawn between areas held by enemy sides.\n");

  fl_textview_decision(f, g);

  int first = s->nlog, shown = 0;
  while (first > 0 && shown < 8) shown += fl_def_sees(d, viewer, s->log[--first].seen);
  if (shown) fprintf(f, "\nLatest events:\n");
  for (int i = first; i < s->nlog; i++) {
    if (!fl_def_sees(d, viewer, s->log[i].seen)) continue;
    fprintf(f, "- Turn %d: ", s->log[i].turn);
    fl_textview_log_line(f, d, &s->log[i]);
    fprintf(f, "\n");
  }
}
