#include "fl_textview.h"
#include <math.h>
#include <string.h>

static void num(FILE *f, double v) {
  if (v == floor(v) && fabs(v) < 1e15) fprintf(f, "%.0f", v);
  else fprintf(f, "%.2f", v);
}

static void log_line(FILE *f, const fl_Def *d, const fl_LogEntry *e) {
  switch (e->kind) {
  case FL_LOG_ACTION:
    fprintf(f, "%s chose \"%s\" on \"%s\"", e->c >= 0 ? d->sides[e->c].name : "?", d->cards[e->a].options[e->b].label,
            d->cards[e->a].title);
    break;
  case FL_LOG_EVENT: fprintf(f, "%s: %s", d->events[e->a].title, e->text ? e->text : ""); break;
  case FL_LOG_MESSAGE: fprintf(f, "%s", e->text ? e->text : ""); break;
  case FL_LOG_DELAYED: fprintf(f, "\"%s\" took effect", d->cards[e->a].options[e->b].label); break;
  case FL_LOG_SKIPPED: fprintf(f, "\"%s\" had no available option", d->cards[e->a].title); break;
  case FL_LOG_ENDING: fprintf(f, "Ending: %s", d->endings[e->a].title); break;
  default: break;
  }
}

void fl_textview_write(FILE *f, fl_Game *g) {
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
    if (!d->tracks[i].visible) continue;
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
    for (int p = 0; p < s->npiece; p++) np += s->pieces[p].area == a;
    if (np) {
      fprintf(f, "; pieces:");
      for (int p = 0, k = 0; p < s->npiece; p++) {
        const fl_Piece *pc = &s->pieces[p];
        if (pc->area != a) continue;
        fprintf(f, "%s %s%s%s", k++ ? "," : "", d->ptypes[pc->type].name, pc->side >= 0 ? " of " : "",
                pc->side >= 0 ? d->sides[pc->side].name : "");
      }
    }
    for (int k = 0; k < as->props.n; k++) {
      const fl_Prop *p = &as->props.p[k];
      fprintf(f, "%s %s ", k ? "," : ";", p->key);
      if (p->type == FL_STR) fprintf(f, "%s", p->str);
      else if (p->type == FL_BOOL) fprintf(f, "%s", p->num ? "yes" : "no");
      else num(f, p->num);
    }
    fprintf(f, "; next to:");
    for (int k = 0; k < m->nadj; k++) fprintf(f, "%s %s", k ? "," : "", fl_map_area(d->map, m->adj[k])->name);
    fprintf(f, "%s.\n", m->nadj ? "" : " nothing");
  }

  int side, c = fl_game_pending(g, &side);
  if (c >= 0) {
    const fl_CardDef *card = &d->cards[c];
    fprintf(f, "\nDecision for %s: %s.\n", d->sides[side].name, card->title);
    if (*card->text) fprintf(f, "%s\n", card->text);
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
      if (*op->text) fprintf(f, ". %s", op->text);
      fprintf(f, "\n");
    }
  }

  int first = s->nlog > 8 ? s->nlog - 8 : 0;
  if (s->nlog) fprintf(f, "\nLatest events:\n");
  for (int i = first; i < s->nlog; i++) {
    fprintf(f, "- Turn %d: ", s->log[i].turn);
    log_line(f, d, &s->log[i]);
    fprintf(f, "\n");
  }
}
