#include "fl_textview.h"
#include "fl_cli.h"
#include "fl_fmt.h"
#include "fl_i18n.h"
#include <ctype.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>
#include <strings.h>

static void num(FILE *f, double v) {
  char b[96];
  fputs(fl_fmt_num(v, b, sizeof b), f);
}

/* s and a full stop, unless it already ends a sentence ("Leave the mine ban?"). */
static void sentence(FILE *f, const char *s) {
  size_t n = strlen(s);
  fputs(s, f);
  if (!n || !strchr(".?!:", s[n - 1])) fputc('.', f);
}

const char *fl_textview_piece_label(const fl_Def *d, const fl_Piece *p, char *buf, size_t n) {
  const fl_Prop *name = fl_props_get(&p->props, "name");
  if (name && name->type == FL_STR && name->str && *name->str) snprintf(buf, n, "%s [#%d]", name->str, (int)p->id);
  else snprintf(buf, n, "%s #%d", d->ptypes[p->type].name, (int)p->id);
  return buf;
}

void fl_textview_piece(FILE *f, const fl_Def *d, const fl_Piece *p) {
  char b[256];
  fl_textview_piece_label(d, p, b, sizeof b);
  /* TRANSLATORS: a piece and its side: "eFP battlegroup Latvia [#6] of Allies" */
  if (p->side >= 0) fprintf(f, FL_TR("%s of %s"), b, d->sides[p->side].name);
  else fputs(b, f);
}

/* Piece id as a player reads it: its label while it is on the board, else "#id". */
static const char *piece_ref(const fl_Def *d, const fl_State *s, int32_t id, char *buf, size_t n) {
  int pi = s ? fl_state_find_piece(s, id) : -1;
  if (pi >= 0) return fl_textview_piece_label(d, &s->pieces[pi], buf, n);
  snprintf(buf, n, "#%d", (int)id);
  return buf;
}

/* Whether text t contains w, ignoring ASCII case. */
static int has_words(const char *t, const char *w) {
  size_t n = strlen(w);
  for (; *t; t++)
    if (!strncasecmp(t, w, n)) return 1;
  return 0;
}

/* Whether message m says that some of action e's areas were left out ("... left out ...:
 * Võru, Narva."): marks them in out (indices into e->tg); 0 if it does not. */
static int says_left_out(const fl_Def *d, const fl_LogEntry *e, const char *m, unsigned char *out) {
  /* TRANSLATORS: not shown: looked for in a scenario's log line in this language that says an
     order's areas were left out ("Left out for lack of money: Võru"); the words that line uses */
  const char *lo = FL_TR("left out");
  if (!m || (!has_words(m, "left out") && !has_words(m, lo))) return 0;
  const char *colon = NULL;
  for (const char *p = strstr(m, ": "); p; p = strstr(p + 1, ": ")) colon = p;
  if (!colon) return 0;
  char list[1024];
  snprintf(list, sizeof list, "%s", colon + 2);
  size_t l = strlen(list);
  while (l && (list[l - 1] == '.' || list[l - 1] == ' ')) list[--l] = '\0';
  memset(out, 0, (size_t)e->ntg);
  int n = 0, na = fl_map_area_count(d->map);
  for (char *w = list, *next; w && *w; w = next) { /* "A, B": every one an area of the order, once */
    next = strstr(w, ", ");
    if (next) { *next = '\0'; next += 2; }
    int k = 0;
    while (k < e->ntg && (out[k] || e->tg[k] < 0 || e->tg[k] >= na || strcmp(fl_map_area(d->map, e->tg[k])->name, w))) k++;
    if (k == e->ntg) return 0;
    out[k] = 1;
    n++;
  }
  return n;
}

int fl_textview_left_out(const fl_Def *d, const fl_State *s, int i, unsigned char *out) {
  if (!s || i < 0 || i >= s->nlog) return 0;
  const fl_LogEntry *e = &s->log[i];
  if (e->kind != FL_LOG_ACTION || !e->ntg || e->a < 0 || e->a >= d->ncard || e->b < 0 || e->b >= d->cards[e->a].noptions) return 0;
  const fl_OptionDef *o = &d->cards[e->a].options[e->b];
  if (o->target != FL_TGT_AREA || o->delay.n > 0) return 0; /* a delayed effect logs later, under its own line */
  /* the lines its effect logged: right after it, before anything else happens */
  for (int j = i + 1; j < s->nlog && s->log[j].kind == FL_LOG_MESSAGE && s->log[j].turn == e->turn; j++) {
    if (e->c >= 0 && !fl_def_sees(d, e->c, s->log[j].seen)) continue; /* not said to who ordered it */
    int n = says_left_out(d, e, s->log[j].text, out);
    if (n) return n;
  }
  return 0;
}

/* An action's targets in words: " (Riga, Tartu)" or ": Infantry #3 from A to B"; areas an
 * order left out are not among them (the line after it names them). */
static void targets(FILE *f, const fl_Def *d, const fl_State *s, const fl_LogEntry *e) {
  char b[256];
  const fl_OptionDef *o = &d->cards[e->a].options[e->b];
  int na = fl_map_area_count(d->map);
#define AREA(v) ((v) >= 0 && (v) < na ? fl_map_area(d->map, (v))->name : "?")
  if (!e->ntg) return;
  if (o->target == FL_TGT_MOVE && e->ntg >= 3) {
    fprintf(f, FL_TR(": %s from %s to %s"), piece_ref(d, s, e->tg[0], b, sizeof b), AREA(e->tg[2]), AREA(e->tg[1]));
    return;
  }
  unsigned char *left = calloc((size_t)e->ntg, 1);
  int nleft = left && s && e >= s->log && e < s->log + s->nlog ? fl_textview_left_out(d, s, (int)(e - s->log), left) : 0;
  int shown = 0;
  for (int k = 0; k < e->ntg; k++) {
    if (nleft && left[k]) continue;
    fprintf(f, "%s", shown++ ? ", " : " (");
    if (o->target == FL_TGT_AREA) fprintf(f, "%s", AREA(e->tg[k]));
    else fprintf(f, "%s", piece_ref(d, s, e->tg[k], b, sizeof b));
  }
  if (shown) fprintf(f, ")");
  free(left);
#undef AREA
}

void fl_textview_log_line(FILE *f, const fl_Def *d, const fl_State *s, const fl_LogEntry *e) {
  switch (e->kind) {
  case FL_LOG_ACTION:
    fprintf(f, FL_TR("%s chose \"%s\" on \"%s\""), e->c >= 0 ? d->sides[e->c].name : "?", d->cards[e->a].options[e->b].label,
            d->cards[e->a].title);
    targets(f, d, s, e);
    break;
  case FL_LOG_EVENT: fprintf(f, "%s%s", d->events[e->a].title, e->text && *e->text ? ": " : ""); cli_cited(f, d, e->text); break;
  case FL_LOG_MESSAGE: cli_cited(f, d, e->text); break;
  case FL_LOG_DELAYED: fprintf(f, FL_TR("\"%s\" took effect"), d->cards[e->a].options[e->b].label); break;
  case FL_LOG_SKIPPED: fprintf(f, FL_TR("\"%s\" had no available option"), d->cards[e->a].title); break;
  case FL_LOG_ENDING: fprintf(f, FL_TR("Ending: %s"), d->endings[e->a].title); break;
  default: break;
  }
}

/* Whether a player reads this property: what the viewer may see, and, once a scenario
 * names its properties with property{}, only those (the rest are the rules' bookkeeping)
 * and only when they hold something (no "0" or "no" on every area). */
static int prop_shown(const fl_Def *d, int viewer, const fl_Prop *p) {
  if (!fl_def_sees_prop(d, viewer, p->key)) return 0;
  if (d->nprop && fl_def_prop(d, p->key) < 0) return 0;
  if (p->type == FL_STR) return p->str && *p->str;
  return p->num != 0;
}

static void prop_name(FILE *f, const fl_Def *d, const fl_Prop *p) {
  int k = fl_def_prop(d, p->key);
  const fl_PropDef *pd = k >= 0 ? &d->props[k] : NULL;
  fprintf(f, "%s: ", pd ? pd->name : p->key);
  if (p->type == FL_STR) fprintf(f, "%s", fl_def_prop_value(pd, p->str));
  else if (p->type == FL_BOOL) fputs(p->num ? FL_TR("yes") : FL_TR("no"), f);
  else {
    char b[160];
    fputs(fl_fmt_qty(p->num, pd ? pd->unit : NULL, pd ? pd->unit_one : NULL, b, sizeof b), f);
  }
}

/* "Turn 3 of 12, 1 March 2025", or, where the turn count is only a cap (a game of months,
 * then days of war, then years, whose length its rules decide), the date first. */
void fl_textview_progress(FILE *f, const fl_Def *d, const fl_State *s) {
  char date[64];
  fl_fmt_date(s->date, date, sizeof date);
  if (d->turns_cap) fprintf(f, FL_TR("%s (turn %d)"), date, s->turn);
  else fprintf(f, FL_TR("Turn %d of %d, %s"), s->turn, d->max_turns, date);
}

void fl_textview_tracks_help(FILE *f, const fl_Def *d, int viewer) {
  fprintf(f, "%s\n", FL_TR("What the indicators mean:"));
  for (int i = 0; i < d->ntrack; i++) {
    const fl_TrackDef *t = &d->tracks[i];
    if (!t->visible || !fl_def_sees(d, viewer, t->seen)) continue;
    fprintf(f, "- %s", t->name);
    if (*t->unit) fprintf(f, " (%s)", t->unit);
    fprintf(f, ": ");
    if (*t->text) { cli_cited(f, d, t->text); fputc(' ', f); }
    if (t->higher_is_better) fputs(t->higher_is_better > 0 ? FL_TR("Higher is better.") : FL_TR("Lower is better."), f);
    int k = *t->source ? fl_def_source(d, t->source) : -1;
    if (k >= 0) { fprintf(f, " %s ", FL_TR("Source:")); char cite[64]; snprintf(cite, sizeof cite, "[@%s]", t->source); cli_cited(f, d, cite); }
    fputc('\n', f);
  }
}

void fl_textview_decision(FILE *f, fl_Game *g) { fl_textview_decision_ex(f, g, 0); }

/* ---- what a terminal player has read ---- */

/* A text as read on one card (o: its option, -1 the card's own): FNV-1a over the ids and the
 * text, so a text that changes reads as new. */
static uint64_t read_key(const fl_CardDef *c, int o, const char *text, const char *more) {
  uint64_t h = 1469598103934665603ULL;
  const char *parts[4] = {c->id, o >= 0 ? c->options[o].id : "", text, more};
  for (int k = 0; k < 4; k++) {
    for (const char *p = parts[k]; p && *p; p++) { h ^= (unsigned char)*p; h *= 1099511628211ULL; }
    h ^= 0xff; h *= 1099511628211ULL; /* between parts */
  }
  return h;
}

static int read_has(const fl_TvRead *r, uint64_t k) {
  for (int i = 0; r && i < r->n; i++)
    if (r->h[i] == k) return 1;
  return 0;
}

static void read_add(fl_TvRead *r, uint64_t k) {
  if (!r || read_has(r, k)) return;
  if (r->n == r->cap) {
    int cap = r->cap ? r->cap * 2 : 64;
    uint64_t *h = realloc(r->h, (size_t)cap * sizeof *h);
    if (!h) return; /* then it shows in full again */
    r->h = h;
    r->cap = cap;
  }
  r->h[r->n++] = k;
}

void fl_textview_read_free(fl_TvRead *r) {
  free(r->h);
  *r = (fl_TvRead){0};
}

/* Whether option o has explanatory text (its preview or text) to leave out once read. */
static int has_text(const fl_OptionDef *op) { return *op->preview || *op->text; }

void fl_textview_read_mark(fl_TvRead *r, fl_Game *g) {
  const fl_Def *d = fl_game_def(g);
  int c = fl_game_pending(g, NULL);
  if (c < 0 || !r) return;
  const fl_CardDef *card = &d->cards[c];
  if (*card->text) read_add(r, read_key(card, -1, card->text, NULL));
  for (int o = 0; o < card->noptions; o++)
    if (has_text(&card->options[o])) read_add(r, read_key(card, o, card->options[o].preview, card->options[o].text));
}

/* How an option's line reads: in full; asked again in the same turn (no cost, preview or
 * text); or with its text left out (read before, unchanged). */
enum { OPT_FULL, OPT_AGAIN, OPT_NO_TEXT };

static void option_line(FILE *f, fl_Game *g, const fl_CardDef *card, int o, int mode) {
  const fl_Def *d = fl_game_def(g);
  const fl_OptionDef *op = &card->options[o];
  fprintf(f, "%d. %s", o + 1, op->label);
  for (int k = 0; k < op->ncost && mode != OPT_AGAIN; k++) { /* "Cost: 200 US$ M of Budget" */
    const fl_TrackDef *t = &d->tracks[op->costs[k].track];
    char b[160];
    fprintf(f, FL_TR("%s%s of %s"), k ? ", " : FL_TR(". Cost: "), fl_fmt_qty(op->costs[k].amount, t->unit, t->unit_one, b, sizeof b), t->name);
  }
  const char *why = fl_game_unavailable_reason(g, o);
  if (why) fprintf(f, FL_TR(". Not available: %s"), why);
  else if (op->target == FL_TGT_MOVE) fputs(FL_TR(". Choose a piece, then where it goes"), f);
  else if (op->target == FL_TGT_AREA) {
    if (op->tmax <= 1) fputs(FL_TR(". Choose an area"), f);
    else if (op->tmin == op->tmax) fprintf(f, FL_NTR(". Choose %d area", ". Choose %d areas", op->tmin), op->tmin);
    else fprintf(f, FL_NTR(". Choose %d to %d area", ". Choose %d to %d areas", op->tmax), op->tmin, op->tmax);
  } else if (op->target == FL_TGT_PIECE) {
    if (op->tmax <= 1) fputs(FL_TR(". Choose a piece"), f);
    else if (op->tmin == op->tmax) fprintf(f, FL_NTR(". Choose %d piece", ". Choose %d pieces", op->tmin), op->tmin);
    else fprintf(f, FL_NTR(". Choose %d to %d piece", ". Choose %d to %d pieces", op->tmax), op->tmin, op->tmax);
  }
  if (mode == OPT_FULL) {
    if (*op->preview) fprintf(f, ". %s", op->preview); /* what it would do, even when closed */
    if (*op->text) { fprintf(f, ". "); cli_cited(f, d, op->text); }
  }
  fprintf(f, "\n");
}

void fl_textview_decision_ex(FILE *f, fl_Game *g, int again) { fl_textview_decision_read(f, g, again, NULL); }

void fl_textview_decision_read(FILE *f, fl_Game *g, int again, fl_TvRead *read) {
  const fl_Def *d = fl_game_def(g);
  int side, c = fl_game_pending(g, &side);
  if (c < 0) return;
  const fl_CardDef *card = &d->cards[c];
  fputc('\n', f);
  fprintf(f, FL_TR("Decision for %s: "), d->sides[side].name);
  if (again) { /* the card's text and the options' were read a moment ago: one line */
    /* TRANSLATORS: a decision asked again in the same turn; 'board' is what the player types */
    fprintf(f, FL_TR("%s, again (its text is above; 'board' shows it in full)."), card->title);
    fputc('\n', f);
    for (int o = 0; o < card->noptions; o++) option_line(f, g, card, o, OPT_AGAIN);
    return;
  }
  sentence(f, card->title);
  fputc('\n', f);
  /* a card that comes again (each quarter) with the texts read before: those once, then a reminder */
  int left = 0;
  uint64_t ck = *card->text ? read_key(card, -1, card->text, NULL) : 0;
  if (*card->text && read_has(read, ck)) left = 1;
  else if (*card->text) { cli_cited(f, d, card->text); fputc('\n', f); }
  for (int o = 0; o < card->noptions && !left; o++)
    left = has_text(&card->options[o]) && read_has(read, read_key(card, o, card->options[o].preview, card->options[o].text));
  if (left) {
    /* TRANSLATORS: a card that comes again with the texts read before; 'help N' and 'help card' are what
       the player types: keep them in English */
    fputs(FL_TR("(Texts as before: type 'help N' to read option N in full again, 'help card' the whole card.)"), f);
    fputc('\n', f);
  }
  for (int o = 0; o < card->noptions; o++) {
    const fl_OptionDef *op = &card->options[o];
    int seen = has_text(op) && read_has(read, read_key(card, o, op->preview, op->text));
    option_line(f, g, card, o, seen ? OPT_NO_TEXT : OPT_FULL);
  }
  fl_textview_read_mark(read, g);
}

int fl_textview_option_help(FILE *f, fl_Game *g, int n) {
  const fl_Def *d = fl_game_def(g);
  int c = fl_game_pending(g, NULL);
  if (c < 0 || n < 1 || n > d->cards[c].noptions) return -1;
  option_line(f, g, &d->cards[c], n - 1, OPT_FULL);
  return 0;
}

/* Whether area a holds anything the viewer sees: pieces, named properties, marks. */
static int area_busy(const fl_Def *d, const fl_State *s, int a, int viewer) {
  const fl_AreaState *as = &s->areas[a];
  for (int p = 0; p < s->npiece; p++)
    if (s->pieces[p].area == a && fl_def_sees(d, viewer, s->pieces[p].seen)) return 1;
  for (int k = 0; k < as->props.n; k++)
    if (prop_shown(d, viewer, &as->props.p[k])) return 1;
  for (int k = 0; k < s->nannot; k++)
    if (s->annots[k].kind == FL_ANNOT_HIGHLIGHT && s->annots[k].a == a && fl_def_sees(d, viewer, s->annots[k].seen)) return 1;
  return 0;
}

/* One area as a line: owner, terrain, pieces, properties, marks, neighbours. */
static void area_line(FILE *f, const fl_Def *d, const fl_State *s, int a, int viewer) {
  const fl_MapArea *m = fl_map_area(d->map, a);
  const fl_AreaState *as = &s->areas[a];
  fprintf(f, "- %s: %s, %s", m->name, as->owner >= 0 ? d->sides[as->owner].name : FL_TR("no owner"), m->terrain);
  int np = 0;
  for (int p = 0; p < s->npiece; p++) np += s->pieces[p].area == a && fl_def_sees(d, viewer, s->pieces[p].seen);
  if (np) {
    fprintf(f, "; %s", FL_TR("pieces:"));
    for (int p = 0, k = 0; p < s->npiece; p++) {
      const fl_Piece *pc = &s->pieces[p];
      if (pc->area != a || !fl_def_sees(d, viewer, pc->seen)) continue;
      fprintf(f, "%s ", k++ ? "," : "");
      fl_textview_piece(f, d, pc);
    }
  }
  for (int k = 0, shown = 0; k < as->props.n; k++) {
    if (!prop_shown(d, viewer, &as->props.p[k])) continue;
    fprintf(f, "%s ", shown++ ? "," : ";");
    prop_name(f, d, &as->props.p[k]);
  }
  for (int k = 0; k < s->nannot; k++) {
    const fl_Annot *an = &s->annots[k];
    if (an->kind != FL_ANNOT_HIGHLIGHT || an->a != a || !fl_def_sees(d, viewer, an->seen)) continue;
    fprintf(f, "; %s%s%s%s", FL_TR("marked"), an->label ? " \"" : "", an->label ? an->label : "", an->label ? "\"" : "");
  }
  fprintf(f, "; %s", FL_TR("next to:"));
  for (int k = 0; k < m->nadj; k++) fprintf(f, "%s %s", k ? "," : "", fl_map_area(d->map, m->adj[k])->name);
  fprintf(f, "%s%s.\n", m->nadj ? "" : " ", m->nadj ? "" : FL_TR("nothing"));
}

void fl_textview_fold(const char *s, char *out, size_t n) {
  static const char *const from[] = {"ą", "ā", "ä", "å", "č", "ć", "ę", "ė", "ē", "ģ", "ī", "į", "ķ", "ł", "ļ", "ń", "ņ", "ó", "õ", "ö",
                                     "š", "ś", "ū", "ų", "ü", "ž", "ź", "ż", "Ą", "Ā", "Č", "Ć", "Ę", "Ė", "Ē", "Ģ", "Ī", "Į", "Ķ",
                                     "Ł", "Ļ", "Ń", "Ņ", "Ó", "Õ", "Ö", "Š", "Ś", "Ū", "Ų", "Ü", "Ž", "Ź", "Ż", "Ä", "Å"};
  static const char to[] = "aaaacceeegiikllnnooossuuuzzz" "aacceeegiikllnnooossuuuzzzaa";
  _Static_assert(sizeof to - 1 == sizeof from / sizeof *from, "one base letter per folded letter");
  size_t k = 0;
  while (*s && k + 1 < n) {
    size_t f = 0, nf = sizeof from / sizeof *from;
    while (f < nf && strncmp(s, from[f], strlen(from[f]))) f++;
    if (f < nf) { out[k++] = to[f]; s += strlen(from[f]); continue; }
    char c = *s++;
    out[k++] = c == '_' ? ' ' : (char)tolower((unsigned char)c);
  }
  out[k] = '\0';
}

int fl_textview_find_area(const fl_Def *d, const char *typed) {
  char fw[256], fi[256], fn[256];
  fl_textview_fold(typed, fw, sizeof fw);
  for (int a = 0; a < fl_map_area_count(d->map); a++) {
    const fl_MapArea *m = fl_map_area(d->map, a);
    fl_textview_fold(m->id, fi, sizeof fi);
    fl_textview_fold(m->name, fn, sizeof fn);
    if (!strcmp(fw, fi) || !strcmp(fw, fn)) return a;
  }
  return -1;
}

int fl_textview_area(FILE *f, fl_Game *g, int viewer, const char *name) {
  const fl_Def *d = fl_game_def(g);
  const fl_State *s = fl_game_state(g);
  int a = fl_textview_find_area(d, name);
  if (a >= 0 && a < s->narea) {
    area_line(f, d, s, a, viewer);
    return 0;
  }
  fprintf(f, FL_TR("No area is called '%s' ('board' lists them)."), name);
  fputc('\n', f);
  return -1;
}

void fl_textview_write(FILE *f, fl_Game *g, int viewer) { fl_textview_write_ex(f, g, viewer, FL_TV_FULL); }

void fl_textview_write_ex(FILE *f, fl_Game *g, int viewer, int mode) {
  const fl_Def *d = fl_game_def(g);
  const fl_State *s = fl_game_state(g);
  fprintf(f, "%s. ", d->title);
  fl_textview_progress(f, d, s);
  if (!s->ended && s->phase >= 0 && s->phase < d->nphase) fprintf(f, FL_TR(", phase: %s"), d->phases[s->phase].name);
  fprintf(f, ".\n");
  if (s->ended && s->ending >= 0) { fprintf(f, FL_TR("The game is over: %s."), d->endings[s->ending].title); fputc('\n', f); }

  fprintf(f, "\n%s\n", FL_TR("Indicators:"));
  for (int i = 0; i < d->ntrack; i++) {
    if (!d->tracks[i].visible || !fl_def_sees(d, viewer, d->tracks[i].seen)) continue;
    const fl_TrackDef *t = &d->tracks[i];
    char b[160];
    fprintf(f, "- %s: %s", t->name, fl_fmt_track(s->tracks[i].value, t->unit, t->unit_one, b, sizeof b));
    const char *better = t->higher_is_better > 0 ? FL_TR("higher is better") : t->higher_is_better < 0 ? FL_TR("lower is better") : NULL;
    if (!fl_def_track_open_ended(t)) {
      fprintf(f, " (%s ", FL_TR("range"));
      num(f, t->min);
      fprintf(f, " %s ", FL_TR("to"));
      num(f, t->max);
      fprintf(f, "%s%s)", better ? ", " : "", better ? better : "");
    } else if (better) fprintf(f, " (%s)", better);
    fputc('\n', f);
  }

  fprintf(f, "\n%s\n", FL_TR("Areas:"));
  int quiet = 0;
  for (int a = 0; a < s->narea; a++) {
    if (mode == FL_TV_BRIEF && !area_busy(d, s, a, viewer)) { quiet++; continue; }
    area_line(f, d, s, a, viewer);
  }
  if (quiet) { /* the brief board: the rest by owner, names only */
    /* TRANSLATORS: 'board' and 'area NAME' are what the player types: keep them in English */
    fprintf(f, FL_NTR("Nothing on %d other area ('board' lists them, 'area NAME' shows one):",
                      "Nothing on %d other areas ('board' lists them, 'area NAME' shows one):", quiet), quiet);
    fputc('\n', f);
    for (int o = -1; o < d->nside; o++) {
      int k = 0;
      for (int a = 0; a < s->narea; a++) {
        if (s->areas[a].owner != o || area_busy(d, s, a, viewer)) continue;
        if (!k++) fprintf(f, "- %s: ", o >= 0 ? d->sides[o].name : FL_TR("no owner"));
        else fprintf(f, ", ");
        fprintf(f, "%s", fl_map_area(d->map, a)->name);
      }
      if (k) fprintf(f, ".\n");
    }
  }

  for (int k = 0, first = 1; k < s->nannot; k++) {
    const fl_Annot *an = &s->annots[k];
    if (an->kind != FL_ANNOT_ARROW || !fl_def_sees(d, viewer, an->seen)) continue;
    if (first) { fprintf(f, "\n%s\n", FL_TR("Arrows on the map:")); first = 0; }
    fprintf(f, FL_TR("- %s to %s"), fl_map_area(d->map, an->a)->name, fl_map_area(d->map, an->b)->name);
    if (an->side >= 0) fprintf(f, " (%s)", d->sides[an->side].name);
    if (an->label) fprintf(f, ": \"%s\"", an->label);
    fprintf(f, "\n");
  }
  if (s->front) fprintf(f, "\n%s\n", FL_TR("The front line is drawn between areas held by enemy sides."));

  fl_textview_decision(f, g);
  if (mode == FL_TV_BRIEF) return; /* play --text prints the log as it happens */

  int first = s->nlog, shown = 0;
  while (first > 0 && shown < 8) shown += fl_def_sees(d, viewer, s->log[--first].seen);
  if (shown) fprintf(f, "\n%s\n", FL_TR("Latest events:"));
  for (int i = first; i < s->nlog; i++) {
    if (!fl_def_sees(d, viewer, s->log[i].seen)) continue;
    fprintf(f, FL_TR("- Turn %d: "), s->log[i].turn);
    fl_textview_log_line(f, d, s, &s->log[i]);
    fprintf(f, "\n");
  }
}
