/* flank play --text: play in the terminal, one line at a time — the accessible way in
 * for screen readers, and a way to play over ssh. The board is the text view of the same
 * state the window draws; input is read from stdin, so it can also be scripted. */
#include "fl_cli.h"
#include "fl_textview.h"
#include <stdlib.h>
#include <string.h>

static void print_log_since(FILE *f, const fl_Def *d, const fl_State *s, int from) {
  for (int i = from; i < s->nlog; i++) {
    const fl_LogEntry *e = &s->log[i];
    if (e->kind == FL_LOG_EVENT) fprintf(f, "  Event: %s. %s\n", d->events[e->a].title, e->text ? e->text : "");
    else if (e->kind == FL_LOG_MESSAGE) fprintf(f, "  %s\n", e->text ? e->text : "");
    else if (e->kind == FL_LOG_ACTION && e->c >= 0)
      fprintf(f, "  %s chose: %s.\n", d->sides[e->c].name, d->cards[e->a].options[e->b].label);
    else if (e->kind == FL_LOG_DELAYED) fprintf(f, "  Now in effect: %s.\n", d->cards[e->a].options[e->b].label);
  }
}

int cli_play_text(int argc, char **argv) {
  const char *where = NULL, *side_id = NULL;
  uint64_t seed = 1;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--text")) continue;
    if (!strcmp(a, "--seed") && i + 1 < argc) { if (cli_parse_u64(argv[++i], &seed)) return cli_usage_error("play", "--seed needs a number"); }
    else if (!strcmp(a, "--side") && i + 1 < argc) side_id = argv[++i];
    else if (a[0] == '-') return cli_usage_error("play", "with --text, only --seed and --side apply (got '%s')", a);
    else if (!where) where = a;
    else return cli_usage_error("play", "one scenario at a time");
  }
  if (!where) return cli_usage_error("play", "which scenario? e.g. flank play tutorial --text");
  fl_Script *sc = cli_load(where, NULL);
  if (!sc) return EXIT_USAGE;
  const fl_Def *d = fl_script_def(sc);
  int human = -1;
  for (int i = 0; i < d->nside && human < 0; i++)
    if (side_id ? !strcmp(d->sides[i].id, side_id) : d->sides[i].playable) human = i;
  if (human < 0 || !d->sides[human].playable) {
    fl_script_free(sc);
    return cli_usage_error("play", "'%s' is not a playable side of %s", side_id ? side_id : "(none)", d->id);
  }
  fl_Game *g = fl_script_game(sc);
  printf("%s\n%s\nYou play: %s. Type an option's number to choose it, 'board' to read the board again, "
         "'quit' to stop.\n\n", d->title, d->blurb, d->sides[human].name);
  int st = fl_game_start(g, seed), seen = 0, rc = EXIT_OK, shown = 0;
  char line[256];
  while (st == FL_GAME_WAITING) {
    int side, card = fl_game_pending(g, &side);
    if (side != human) { /* the other sides' policies move */
      fl_Choice ch;
      st = fl_script_choose(sc, &ch) ? FL_GAME_ERROR : fl_game_choose(g, &ch);
      continue;
    }
    print_log_since(stdout, d, fl_game_state(g), seen);
    seen = fl_game_state(g)->nlog;
    if (!shown) { fl_textview_write(stdout, g); shown = 1; }
    else {
      const fl_CardDef *c = &d->cards[card];
      printf("\nTurn %d. Decision: %s.\n", fl_game_state(g)->turn, c->title);
      for (int o = 0; o < c->noptions; o++) {
        const char *why = fl_game_unavailable_reason(g, o);
        printf("%d. %s", o + 1, c->options[o].label);
        for (int k = 0; k < c->options[o].ncost; k++)
          printf("%s%g %s", k ? ", " : ". Cost: ", c->options[o].costs[k].amount, d->tracks[c->options[o].costs[k].track].name);
        printf("%s%s\n", why ? ". Not available: " : "", why ? why : "");
      }
    }
    printf("> ");
    fflush(stdout);
    if (!fgets(line, sizeof line, stdin)) { printf("\n(end of input: stopping)\n"); break; }
    line[strcspn(line, "\r\n")] = '\0';
    if (!strcmp(line, "quit") || !strcmp(line, "q")) break;
    if (!strcmp(line, "board") || !strcmp(line, "b")) { shown = 0; continue; }
    char *end;
    long o = strtol(line, &end, 10);
    if (end == line || *end || o < 1 || o > d->cards[card].noptions) { printf("Type a number from 1 to %d.\n", d->cards[card].noptions); continue; }
    if (!fl_game_available(g, (int)o - 1)) { printf("Not available: %s\n", fl_game_unavailable_reason(g, (int)o - 1)); continue; }
    st = fl_game_act(g, (int)o - 1);
  }
  if (st == FL_GAME_ERROR) { cli_print_error(fl_game_error(g)); rc = EXIT_SCRIPT; }
  else if (st == FL_GAME_ENDED) {
    const fl_State *s = fl_game_state(g);
    print_log_since(stdout, d, s, seen);
    const char *text = s->ending >= 0 ? d->endings[s->ending].text : "";
    for (int i = s->nlog - 1; i >= 0; i--)
      if (s->log[i].kind == FL_LOG_ENDING) { text = s->log[i].text ? s->log[i].text : text; break; }
    printf("\nThe game is over: %s.\n%s\n", s->ending >= 0 ? d->endings[s->ending].title : "", text);
    for (int i = 0; i < d->ntrack; i++)
      if (d->tracks[i].visible) printf("- %s: %g %s\n", d->tracks[i].name, s->tracks[i].value, d->tracks[i].unit);
  }
  fl_script_free(sc);
  return rc;
}
