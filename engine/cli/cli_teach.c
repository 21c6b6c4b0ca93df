/* Text the teaching commands share: a game beside its what-if fork, and the discussion
 * questions for an ending (flank replay --at, flank play --text, flank sources). */
#include "fl_cli.h"
#include "fl_cite.h"
#include "fl_fmt.h"
#include "fl_i18n.h"
#include "fl_map.h"
#include "fl_replay.h"
#include "fl_whatif.h"
#include <stdlib.h>
#include <string.h>


static void cell(FILE *f, const char *s, int width) { fprintf(f, "%s%*s", s, width - cli_text_width(s), ""); }

static void num(char *buf, size_t n, const fl_TrackDef *t, double v) { fl_fmt_track(v, t->unit, t->unit_one, buf, n); }

static int cited_unknown; /* citations cli_cited could not resolve, for flank sources */

int cli_cited_unknown(void) { return cited_unknown; }

/* Text with its citations as short references; one naming no source is left as written and
 * marked "(not defined)" (flank lint says where). */
void cli_cited(FILE *f, const fl_Def *d, const char *text) {
  fl_Cited c;
  if (!text) return;
  if (!strstr(text, "[@") || fl_cite_resolve(d, text, &c)) { fputs(text, f); return; }
  if (!c.unknown) fputs(c.text, f);
  for (const char *p = c.text; c.unknown && *p;) { /* the resolved ones are "(Short)": a "[@" left names none */
    const char *at = strstr(p, "[@"), *end = at ? strchr(at, ']') : NULL;
    if (!at || !end) { fputs(p, f); break; }
    fwrite(p, 1, (size_t)(end - p), f);
    fputs(" (not defined)]", f);
    p = end + 1;
  }
  cited_unknown += c.unknown;
  fl_cited_free(&c);
}

/* Every recorded later choice of the person's (after the one changed) is in exactly one count,
 * and the counts add up to the total: made again (kept), no longer possible when it came up
 * (lapsed: the computer chose instead) or never came up in the fork (unreached). The
 * computer's choices in decisions the recorded game never had (fresh) are no recorded choice
 * of the person's: counted apart, after them. (A student read "kept 29 of 51 (never came up:
 * 21); the computer made 13", where 29 + 21 is 50 and the 13 were the 1 left out and 12 new.) */
void cli_whatif_kept(char *buf, size_t n, const fl_WhatIfKept *k) {
  if (n) buf[0] = '\0';
  if (!k || k->kept + k->lapsed + k->fresh + k->unreached == 0) return;
  /* counts after labels, not in sentences: no plural forms to get wrong in translation */
  int all = k->kept + k->lapsed + k->unreached;
  size_t m = 0;
  if (all && all == k->kept) m = (size_t)snprintf(buf, n, FL_TR("Your later choices made again: %d of %d."), k->kept, all);
  else if (all)
    /* TRANSLATORS: the three counts add up to the first: made again + no longer possible + never came up */
    m = (size_t)snprintf(buf, n, FL_TR("Your later choices, after the one you changed: %d. Made again: %d; no longer possible, so the "
                                       "computer chose instead: %d; never came up in the what-if: %d."),
                         all, k->kept, k->lapsed, k->unreached);
  if (k->fresh && m < n)
    snprintf(buf + m, n - m, FL_TR("%sDecisions your game never had, which the computer made for your side: %d."), m ? " " : "",
             k->fresh);
}

void cli_whatif_kept_short(char *buf, size_t n, const fl_WhatIfKept *k) {
  if (n) buf[0] = '\0';
  if (!k || k->kept + k->lapsed + k->fresh + k->unreached == 0) return;
  int all = k->kept + k->lapsed + k->unreached;
  size_t m = 0;
  if (all && all == k->kept) m = (size_t)snprintf(buf, n, FL_TR("Your later choices kept: %d of %d."), k->kept, all);
  else if (all) { /* a card is narrow: a count of none is left out, the rest still add up */
    /* TRANSLATORS: a what-if's card: the counts after it add up to this one */
    m = (size_t)snprintf(buf, n, FL_TR("Your later choices: %d. Kept: %d"), all, k->kept);
    if (k->lapsed && m < n) m += (size_t)snprintf(buf + m, n - m, FL_TR(", no longer possible: %d"), k->lapsed);
    if (k->unreached && m < n) m += (size_t)snprintf(buf + m, n - m, FL_TR(", never came up: %d"), k->unreached);
    if (m < n) m += (size_t)snprintf(buf + m, n - m, ".");
  }
  /* TRANSLATORS: a what-if's card: decisions the game as played never had, made by the computer */
  if (k->fresh && m < n) snprintf(buf + m, n - m, FL_TR("%sNew decisions, by the computer: %d."), m ? " " : "", k->fresh);
}

/* The decisions a fork's computer took for the record's people (humans) from from_turn on,
 * otherwise than they did: the same decision at the same time in its turn with another option,
 * or one they never had. Their log indices (the first max) into idx; returns how many. */
int cli_computer_chose(const fl_Def *d, const fl_Replay *r, const fl_State *f, fl_Sides humans, int from_turn, int *idx, int max) {
  int n = 0;
  for (int i = 0; i < f->nlog; i++) {
    const fl_LogEntry *e = &f->log[i];
    if (e->kind != FL_LOG_ACTION || e->turn < from_turn || !(humans & FL_SIDE_BIT(e->c))) continue;
    const fl_CardDef *c = &d->cards[e->a];
    int nth = fl_state_action_nth(f, i), k = 0, same = 0;
    for (int j = 0; j < r->nactions; j++)
      if (r->actions[j].turn == e->turn && !strcmp(r->actions[j].card, c->id) && k++ == nth) {
        same = !strcmp(r->actions[j].option, c->options[e->b].id);
        break;
      }
    if (same) continue;
    if (n < max) idx[n] = i;
    n++;
  }
  return n;
}

/* "1 Jun 2025, Fields: Anti-tank belts (Narva, Võru)": a logged decision with its areas, by
 * its date as the window's timeline says it (a cold student read "Turn 13" and could not place it). */
void cli_decision_line(char *buf, size_t n, const fl_Def *d, const fl_LogEntry *e) {
  const fl_CardDef *c = &d->cards[e->a];
  char date[64];
  fl_fmt_date(e->date, date, sizeof date);
  /* TRANSLATORS: a decision in a list: its date, its card's title, the option taken */
  size_t m = (size_t)snprintf(buf, n, FL_TR("%s, %s: %s"), date, c->title, c->options[e->b].label);
  int areas = c->options[e->b].target == FL_TGT_AREA && e->tg, shown = 0;
  for (int t = 0; areas && t < e->ntg && m < n; t++)
    if (e->tg[t] >= 0 && e->tg[t] < fl_map_area_count(d->map))
      m += (size_t)snprintf(buf + m, n - m, "%s%s", shown++ ? ", " : " (", fl_map_area(d->map, e->tg[t])->name);
  if (shown && m < n) snprintf(buf + m, n - m, ")");
}

/* The window's one line for a fork the computer played on: how many decisions it took
 * otherwise (the decision list marks them). */
void cli_computer_chose_short(char *buf, size_t n, const fl_Def *d, const fl_Replay *r, const fl_State *f, fl_Sides humans,
                              int from_turn) {
  int first, k = cli_computer_chose(d, r, f, humans, from_turn, &first, 1);
  if (!k) snprintf(buf, n, "%s", FL_TR("The computer chose as you did"));
  else snprintf(buf, n, FL_TR("Choices that differ: %d (at right)"), k);
}

/* "Calm border, 1 December 2047" (the --lang language): where a game ended is a date, as the
 * window's ending cards say it; a turn may be a month, a day or a year, so turn numbers of two
 * games do not compare (a student read "turn 43" beside "turn 66" of the same twenty years). */
static void outcome(char *buf, size_t n, const fl_Def *d, const fl_State *s) {
  char date[64];
  fl_fmt_date(s->date, date, sizeof date);
  /* TRANSLATORS: how a game ended and the date it ended on, "Deterrence held, 1 December 2047" */
  snprintf(buf, n, FL_TR("%s, %s"), s->ending >= 0 ? d->endings[s->ending].title : FL_TR("unfinished"), date);
}

/* When a what-if ends on another date than the game as played, why: the calendar is the same,
 * but the games went differently. Turns that last a day (a crisis, a war) move every later turn
 * on by as many days: a fork with two more five-day crises ends on 11 December where the game
 * as played ended on 1 December, twenty years later. "" when both end on the same date. */
static void end_dates(char *buf, size_t n, const fl_State *played, const fl_State *fork) {
  if (n) buf[0] = '\0';
  if (played->date == fork->date) return;
  char a[64], b[64];
  fl_fmt_date(fork->date, a, sizeof a);
  fl_fmt_date(played->date, b, sizeof b);
  size_t m = (size_t)snprintf(buf, n, FL_TR("The what-if ended on %s, your game on %s."), a, b);
  int32_t gap = fork->date - played->date, days = fl_state_short_turn_days(fork) - fl_state_short_turn_days(played);
  if (m >= n) return;
  if (days == gap && gap > 0)
    snprintf(buf + m, n - m, FL_NTR(" The what-if spent %d more day in turns of one day each, so every turn after them came that "
                                    "much later.",
                                    " The what-if spent %d more days in turns of one day each, so every turn after them came that "
                                    "much later.", (long)gap), (int)gap);
  else if (days == gap)
    snprintf(buf + m, n - m, FL_NTR(" The what-if spent %d fewer day in turns of one day each, so every turn after them came that "
                                    "much earlier.",
                                    " The what-if spent %d fewer days in turns of one day each, so every turn after them came that "
                                    "much earlier.", (long)-gap), (int)-gap);
  else if (gap > 0)
    snprintf(buf + m, n - m, FL_NTR(" The what-if's game went differently and went on longer: %d turn, yours %d (a turn may be a "
                                    "day, a month or a year).",
                                    " The what-if's game went differently and went on longer: %d turns, yours %d (a turn may be "
                                    "a day, a month or a year).", (long)fork->turn), fork->turn, played->turn);
  else
    snprintf(buf + m, n - m, FL_NTR(" The what-if's game went differently and ended sooner: %d turn, yours %d (a turn may be a "
                                    "day, a month or a year).",
                                    " The what-if's game went differently and ended sooner: %d turns, yours %d (a turn may be a "
                                    "day, a month or a year).", (long)fork->turn), fork->turn, played->turn);
}

void cli_whatif_table(FILE *f, const fl_Def *d, const fl_State *played, const fl_State *fork) {
  const char *ending = FL_TR("Ending"), *as_played = FL_TR("as played");
  int w0 = cli_text_width(ending), w1 = cli_text_width(as_played);
  char a[160], b[160];
  for (int i = 0; i < d->ntrack; i++)
    if (d->tracks[i].visible && cli_text_width(d->tracks[i].name) > w0) w0 = cli_text_width(d->tracks[i].name);
  const fl_State *s2[2] = {played, fork};
  for (int k = 0; k < 2; k++) {
    const fl_State *s = s2[k];
    outcome(a, sizeof a, d, s);
    if (cli_text_width(a) > w1) w1 = cli_text_width(a);
  }
  fprintf(f, "  ");
  cell(f, "", w0);
  fprintf(f, "  ");
  cell(f, as_played, w1);
  fprintf(f, "  %s\n  ", FL_TR("what if"));
  cell(f, ending, w0);
  fprintf(f, "  ");
  outcome(a, sizeof a, d, played);
  outcome(b, sizeof b, d, fork);
  cell(f, a, w1);
  fprintf(f, "  %s\n", b);
  for (int i = 0; i < d->ntrack; i++) {
    if (!d->tracks[i].visible) continue;
    num(a, sizeof a, &d->tracks[i], played->tracks[i].value);
    num(b, sizeof b, &d->tracks[i], fork->tracks[i].value);
    fprintf(f, "  ");
    cell(f, d->tracks[i].name, w0);
    fprintf(f, "  ");
    cell(f, a, w1);
    fprintf(f, "  %s%s\n", b, played->tracks[i].value != fork->tracks[i].value ? "" : FL_TR("  (same)"));
  }
  char why[768];
  end_dates(why, sizeof why, played, fork);
  if (*why) fprintf(f, "%s\n", why);
}

int cli_questions(FILE *f, const fl_Def *d, int ending) {
  int n = 0;
  for (int i = 0; i < d->nquestion; i++) {
    const fl_QuestionDef *q = &d->questions[i];
    if (q->ending >= 0 && ending != -2 && q->ending != ending) continue;
    fl_Cited c;
    if (fl_cite_resolve(d, q->text, &c)) continue;
    if (!n++) fprintf(f, "\n%s\n", FL_TR("Questions to discuss:"));
    if (q->ending >= 0 && ending == -2) {
      fprintf(f, "%d. ", n);
      fprintf(f, FL_TR("(after '%s') %s"), d->endings[q->ending].title, c.text);
      fputc('\n', f);
    }
    else fprintf(f, "%d. %s\n", n, c.text);
    fl_cited_free(&c);
  }
  return n;
}
