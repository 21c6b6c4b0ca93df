/* flank play --text: play in the terminal, one line at a time — the accessible way in
 * for screen readers, and a way to play over ssh. The board is the text view of the same
 * state the window draws; input is read from stdin, so it can also be scripted. What it says
 * comes in the --lang language (fl_i18n); the words a player types (board, help, undo, quit,
 * cancel, area) stay the same in every language. */
#include "fl_cli.h"
#include "fl_textview.h"
#include "fl_textlog.h"
#include "fl_move.h"
#include "fl_fmt.h"
#include "fl_i18n.h"
#include "fl_schedule.h"
#include "fl_whatif.h"
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <strings.h>

/* ---- choosing targets by number or name ---- */

/* The name a player reads for a target, into buf. */
static const char *target_name(const fl_Def *d, const fl_State *s, int area_kind, int32_t v, char *buf, size_t n) {
  if (area_kind) { /* the id too: it is what a player types when the name has spaces */
    const fl_MapArea *m = fl_map_area(d->map, v);
    if (!strcmp(m->id, m->name)) return m->name;
    snprintf(buf, n, "%s (%s)", m->name, m->id);
    return buf;
  }
  int pi = fl_state_find_piece(s, v);
  if (pi < 0) { snprintf(buf, n, "#%d", (int)v); return buf; }
  char label[256];
  fl_textview_piece_label(d, &s->pieces[pi], label, sizeof label);
  /* TRANSLATORS: a piece and where it stands: "eFP battlegroup Latvia [#6] in Rēzekne" */
  snprintf(buf, n, FL_TR("%s in %s"), label, fl_map_area(d->map, s->pieces[pi].area)->name);
  return buf;
}

/* Which of the n listed targets a word names: its number in the list, an area's id or
 * name (folded: fl_textview_fold()), a piece's "#id", or its name when only one listed
 * piece has it ("Panzerbrigade 45"). -1 if none. */
static int match_target(const fl_Def *d, const fl_State *s, int area_kind, const int32_t *list, int n, const char *w) {
  char *end;
  long k = strtol(w, &end, 10);
  if (end != w && !*end) return k >= 1 && k <= n ? (int)k - 1 : -1;
  char fw[256], fi[256], fn[256];
  fl_textview_fold(w, fw, sizeof fw);
  for (int i = 0; i < n; i++) {
    if (area_kind) {
      const fl_MapArea *m = fl_map_area(d->map, list[i]);
      fl_textview_fold(m->id, fi, sizeof fi);
      fl_textview_fold(m->name, fn, sizeof fn);
      if (!strcmp(fw, fi) || !strcmp(fw, fn)) return i;
    } else if (w[0] == '#' && strtol(w + 1, NULL, 10) == list[i]) return i;
  }
  int found = -1, count = 0;
  for (int i = 0; !area_kind && w[0] != '#' && i < n; i++) {
    int pi = fl_state_find_piece(s, list[i]);
    if (pi < 0) continue;
    const fl_Prop *nm = fl_props_get(&s->pieces[pi].props, "name");
    fl_textview_fold(nm && nm->type == FL_STR && nm->str && *nm->str ? nm->str : d->ptypes[s->pieces[pi].type].name, fn, sizeof fn);
    if (!strcmp(fw, fn)) { found = i; count++; }
  }
  return count == 1 ? found : -1;
}

/* A line the player typed, without its line end; NULL at the end of input. Piped input is
 * echoed after the prompt, so that a transcript reads as a terminal shows it. */
static char *read_line(char *line, int n) {
  if (!fgets(line, n, stdin)) return NULL;
  line[strcspn(line, "\r\n")] = '\0';
  if (!isatty(STDIN_FILENO)) printf("%s\n", line);
  return line;
}

/* What choosing target `v` of option opt would do ("Narva: US$108 M ...", its name dropped:
 * the list names it) and cost (". Cost: US$108 M of Budget"), into buf. */
static void target_says(fl_Game *g, int opt, const char *name, int32_t v, char *buf, size_t n) {
  const fl_Def *d = fl_game_def(g);
  const fl_OptionDef *op = &d->cards[fl_game_pending(g, NULL)].options[opt];
  fl_Choice ch = {opt, 1, {v}};
  char *p = op->fn_preview ? fl_game_preview(g, &ch) : NULL;
  size_t k = 0, nl = strlen(name);
  buf[0] = '\0';
  if (p && *p) k = (size_t)snprintf(buf, n, "%s", !strncmp(p, name, nl) && !strncmp(p + nl, ": ", 2) ? p + nl + 2 : p);
  free(p);
  fl_Cost costs[16];
  int nc = op->fn_cost ? fl_game_costs(g, &ch, costs, 16) : 0;
  for (int c = 0; c < nc && k < n; c++) { /* "Cost: US$108 M of Budget", as the option list reads */
    const fl_TrackDef *t = &d->tracks[costs[c].track];
    char b[160];
    const char *lead = FL_TR(". Cost: ");
    if (!k && !strncmp(lead, ". ", 2)) lead += 2; /* no preview before it */
    k += (size_t)snprintf(buf + k, n - k, FL_TR("%s%s of %s"), c ? ", " : lead, fl_fmt_qty(costs[c].amount, t->unit, t->unit_one, b, sizeof b), t->name);
  }
}

/* How many bytes at the end every one of the n texts shares, from a sentence's start on
 * ("Lawful: ... Cost: US$108 M of Budget" after each area's own figures). */
static size_t shared_tail(char (*says)[1024], int n) {
  if (n < 2) return 0;
  size_t l0 = strlen(says[0]), tail = l0;
  for (int i = 1; i < n && tail; i++) {
    size_t li = strlen(says[i]), k = 0;
    while (k < tail && k < li && says[0][l0 - 1 - k] == says[i][li - 1 - k]) k++;
    tail = k;
  }
  for (; tail; tail--) { /* back to a sentence's start in every text: after ". ", or the whole */
    int all = 1;
    for (int i = 0; i < n && all; i++) {
      size_t l = strlen(says[i]);
      all = l == tail || (l >= tail + 2 && !strncmp(says[i] + l - tail - 2, ". ", 2));
    }
    if (all) break;
  }
  return tail;
}

/* Why word w names none of the targets listed: an area of the map that this option cannot
 * take now (and the game's reason), no area of that name, or no such choice. */
static void not_a_choice(fl_Game *g, int opt, int area_kind, const char *w) {
  const fl_Def *d = fl_game_def(g);
  int a = area_kind ? fl_textview_find_area(d, w) : -1;
  if (a >= 0) {
    fl_Choice ch = {opt, 1, {a}};
    const char *why = fl_game_check(g, &ch);
    printf(FL_TR("%s cannot be chosen for this option now: %s"), fl_map_area(d->map, a)->name,
           why ? why : FL_TR("it is not among the areas listed"));
  } else if (area_kind && strtol(w, NULL, 10) == 0) printf(FL_TR("No area is called '%s' ('board' lists them)."), w);
  else printf(FL_TR("'%s' is not one of the choices above."), w);
  putchar('\n');
}

/* The targets `words` name, into out: how many (0: 'cancel'), or -1 if a word names none of
 * the list, or there are too few or too many (said when loud). */
static int parse_targets(fl_Game *g, int opt, int area_kind, const int32_t *list, int n, const char *words, int lo, int hi, int32_t *out, int loud) {
  const fl_Def *d = fl_game_def(g);
  const fl_State *s = fl_game_state(g);
  if (!strcmp(words, "cancel") || !strcmp(words, "c")) return 0;
  int whole = match_target(d, s, area_kind, list, n, words); /* a name with spaces: "Reed beds" */
  if (whole >= 0 && lo <= 1) { out[0] = list[whole]; return 1; }
  char copy[512];
  snprintf(copy, sizeof copy, "%s", words);
  int k = 0;
  /* several targets: separated by commas (names may have spaces), else by spaces */
  const char *seps = strchr(copy, ',') ? "," : " ";
  for (char *w = strtok(copy, seps); w; w = strtok(NULL, seps)) {
    while (*w == ' ') w++;
    size_t wl = strlen(w);
    while (wl && w[wl - 1] == ' ') w[--wl] = '\0';
    if (!*w) continue;
    int i = match_target(d, s, area_kind, list, n, w);
    if (i < 0) {
      if (loud) not_a_choice(g, opt, area_kind, w);
      return -1;
    }
    if (k >= hi) { if (loud) { printf(FL_TR("At most %d."), hi); putchar('\n'); } return -1; }
    out[k++] = list[i];
  }
  if (k >= lo) return k;
  if (loud) { printf(FL_TR("Choose at least %d."), lo); putchar('\n'); }
  return -1;
}

/* The legal targets with what each would do and cost, under the prompt. */
static void list_targets(fl_Game *g, int opt, int32_t piece, const char *prompt, int lo, const int32_t *list, int n) {
  const fl_Def *d = fl_game_def(g);
  const fl_State *s = fl_game_state(g);
  const fl_OptionDef *op = &d->cards[fl_game_pending(g, NULL)].options[opt];
  int area_kind = op->target == FL_TGT_AREA || piece >= 0;
  printf("%s\n", fl_tr(prompt));
  fl_Reach r = {0};
  int pi = piece >= 0 ? fl_state_find_piece(s, piece) : -1;
  if (pi >= 0) fl_move_reach(&r, d, s, pi);
  /* what each target would do and cost; what they all share is said once, above them */
  int said = piece < 0 && op->target != FL_TGT_MOVE ? n : 0;
  char (*says)[1024] = said ? malloc((size_t)said * sizeof *says) : NULL;
  if (!says) said = 0;
  for (int i = 0; i < said; i++) {
    char buf[160];
    const char *nm = area_kind ? fl_map_area(d->map, list[i])->name : target_name(d, s, area_kind, list[i], buf, sizeof buf);
    target_says(g, opt, nm, list[i], says[i], sizeof *says);
  }
  size_t tail = said ? shared_tail(says, said) : 0;
  /* TRANSLATORS: what every target listed below would do and cost */
  if (tail) { /* as a sentence */
    const char *all = says[0] + strlen(says[0]) - tail;
    printf("  %s %s%s\n", FL_TR("Each:"), all, strchr(".?!", all[tail - 1]) ? "" : ".");
  }
  for (int i = 0; i < n; i++) {
    char buf[160];
    printf("  %d. %s", i + 1, target_name(d, s, area_kind, list[i], buf, sizeof buf));
    if (pi >= 0) printf(FL_NTR(" (%g movement point)", " (%g movement points)", (long)r.cost[list[i]]), r.cost[list[i]]);
    if (i < said) { /* what this target would do, and cost */
      size_t own = strlen(says[i]) - tail;
      while (own && (says[i][own - 1] == ' ' || says[i][own - 1] == '.')) own--;
      if (own) printf(": %.*s", (int)own, says[i]);
    }
    if (op->target != FL_TGT_MOVE || piece >= 0) {
      fl_Choice ch = {opt, 0, {0}};
      if (op->target == FL_TGT_MOVE) { ch.tg[0] = piece; ch.tg[1] = list[i]; ch.ntg = 2; }
      else if (lo == 1) { ch.tg[0] = list[i]; ch.ntg = 1; }
      const char *why = ch.ntg ? fl_game_check(g, &ch) : NULL;
      if (why) printf(FL_TR(" (not possible: %s)"), why);
    }
    printf("\n");
  }
  free(says);
  fl_reach_free(&r);
}

/* The targets of option opt (for a move with `piece` >= 0: where that piece goes), from the
 * words typed after the option (pre) if they name them, else listed and asked for. Returns
 * how many were chosen into out (0: cancelled or end of input). */
static int ask_targets(fl_Game *g, int opt, int32_t piece, const char *prompt, int lo, int hi, int32_t *out, const char *pre) {
  const fl_Def *d = fl_game_def(g);
  const fl_OptionDef *op = &d->cards[fl_game_pending(g, NULL)].options[opt];
  int area_kind = op->target == FL_TGT_AREA || piece >= 0;
  int32_t list[4096];
  int n = fl_game_targets(g, opt, piece, list, 4096), k;
  if (n <= 0) { printf("%s\n", FL_TR("Nothing to choose.")); return 0; }
  if (pre && *pre && (k = parse_targets(g, opt, area_kind, list, n, pre, lo, hi, out, 0)) >= 0) return k; /* '2 narva': no list */
  list_targets(g, opt, piece, prompt, lo, list, n);
  if (pre && *pre) parse_targets(g, opt, area_kind, list, n, pre, lo, hi, out, 1); /* why the words after the option did not do */
  char line[512];
  for (;;) {
    if (hi > 1) printf(FL_TR("Choose %d to %d from this list (numbers or names, separated by commas; 'cancel' goes back to the options): "), lo, hi);
    else printf("%s", FL_TR("Choose one from this list (number or name; 'cancel' goes back to the options): "));
    fflush(stdout);
    if (!read_line(line, sizeof line)) return 0;
    if ((k = parse_targets(g, opt, area_kind, list, n, line, lo, hi, out, 1)) >= 0) return k;
  }
}

/* Build the choice for option o: its targets asked for (or read from `rest`). 0: go on
 * and act; -1: cancelled. */
static int make_choice(fl_Game *g, int o, const char *rest, fl_Choice *ch) {
  const fl_Def *d = fl_game_def(g);
  const fl_OptionDef *op = &d->cards[fl_game_pending(g, NULL)].options[o];
  *ch = (fl_Choice){o, 0, {0}};
  if (op->target == FL_TGT_NONE) return 0;
  char first[256] = "", second[256] = "";
  if (rest && op->target == FL_TGT_MOVE) sscanf(rest, "%255s %255[^\n]", first, second);
  if (op->target == FL_TGT_MOVE) {
    int32_t piece, to;
    if (ask_targets(g, o, -1, FL_N("Which piece moves?"), 1, 1, &piece, first) != 1) return -1;
    if (ask_targets(g, o, piece, FL_N("Where to?"), 1, 1, &to, second) != 1) return -1;
    ch->tg[0] = piece; ch->tg[1] = to; ch->ntg = 2;
    return 0;
  }
  const char *what = op->target == FL_TGT_AREA ? (op->tmax > 1 ? FL_N("Which areas?") : FL_N("Which area?"))
                                                : (op->tmax > 1 ? FL_N("Which pieces?") : FL_N("Which piece?"));
  int n = ask_targets(g, o, -1, what, op->tmin, op->tmax, ch->tg, rest);
  if (n <= 0) return -1;
  ch->ntg = n;
  return 0;
}

#define UNDO_MAX 64

/* Which option a player's words name: its number ("2", "2 narva"), its id, or the start of
 * its label ("stay" for "Stay in the treaty"), if only one option starts so. What follows
 * a number (targets) goes to *rest. -1 if none: "1.5" and "1x" are not 1. */
static int parse_option(const fl_Def *d, const fl_CardDef *c, const char *w, char **rest) {
  (void)d;
  char *end;
  *rest = NULL;
  long o = strtol(w, &end, 10);
  if (end != w) {
    if (*end && *end != ' ') return -1;
    while (*end == ' ') end++;
    if (*end) *rest = end;
    return o >= 1 && o <= c->noptions ? (int)o - 1 : -1;
  }
  size_t n = strlen(w);
  if (n < 2) return -1;
  int found = -1;
  for (int i = 0; i < c->noptions; i++) {
    if (!strcasecmp(w, c->options[i].id) || !strcasecmp(w, c->options[i].label)) return i;
    if (!strncasecmp(w, c->options[i].label, n)) { if (found >= 0) return -1; found = i; }
  }
  return found;
}

/* What a player may type at the pending decision to give an option its targets on the same
 * line, from that decision: "'2 suwalki_gap'" (an area by its id), "'3 #4'" (a piece),
 * "'1 #3 tartu'" (a move); "" when it is not the players' or no open option takes targets. */
static void example(fl_Game *g, fl_Sides humans, char *buf, size_t n) {
  const fl_Def *d = fl_game_def(g);
  int side, c = fl_game_pending(g, &side);
  buf[0] = '\0';
  if (c < 0 || !(humans & FL_SIDE_BIT(side))) return;
  for (int o = 0; o < d->cards[c].noptions; o++) {
    const fl_OptionDef *op = &d->cards[c].options[o];
    int32_t list[4096], to[4096];
    if (op->target == FL_TGT_NONE || !fl_game_available(g, o) || fl_game_targets(g, o, -1, list, 4096) <= 0) continue;
    if (op->target == FL_TGT_AREA) snprintf(buf, n, "'%d %s'", o + 1, fl_map_area(d->map, list[0])->id);
    else if (op->target == FL_TGT_PIECE) snprintf(buf, n, "'%d #%d'", o + 1, (int)list[0]);
    else if (fl_game_targets(g, o, list[0], to, 4096) > 0)
      snprintf(buf, n, "'%d #%d %s'", o + 1, (int)list[0], fl_map_area(d->map, to[0])->id);
    else continue;
    return;
  }
}

int cli_script_opt(const char *cmd, int argc, char **argv, int *i, fl_ScriptOpts *o, int *bad); /* cmd_run.c */
/* The debrief, whose 'save' writes the game's log as --log does: its seed and where (cli_debrief.c) */
void cli_text_debrief_save(fl_Script *sc, int human, fl_Sides humans, const fl_ScriptOpts *opts, cli_Ahead *ahead, uint64_t seed,
                           const char *where);

/* A replay log named where a scenario goes ("flank play group3.log --text"): read into rec
 * (with the language it was played in). 0: it is one; -1: not a log file (a scenario);
 * EXIT_USAGE: a log that cannot be read (said on stderr). */
static int resume_read(const char *path, fl_Replay *rec, fl_ScriptOpts *opts) {
  struct stat stt;
  if (stat(path, &stt) || !S_ISREG(stt.st_mode)) return -1;
  size_t len;
  char *text = cli_read_input(path, &len), err[1024];
  if (!text) return -1;
  if (len < 12 || strncmp(text, "flank-replay", 12)) {
    free(text);
    size_t pl = strlen(path);
    if (pl > 4 && !strcmp(path + pl - 4, ".log")) { fprintf(stderr, "flank play: %s is not a game log (flank play --text --log writes them)\n", path); return EXIT_USAGE; }
    return -1;
  }
  int rc = fl_replay_parse(rec, text, len, path, err, sizeof err);
  free(text);
  if (rc) { fprintf(stderr, "flank play: %s\n", err); return EXIT_USAGE; }
  if (!opts->lang && rec->lang[0]) { opts->lang = rec->lang; fl_i18n_set(rec->lang); }
  return 0;
}

static int count_actions(const fl_State *s) {
  int n = 0;
  for (int i = 0; i < s->nlog; i++) n += s->log[i].kind == FL_LOG_ACTION;
  return n;
}

int cli_play_text(int argc, char **argv) {
  const char *where = NULL, *logpath = NULL, *scen = NULL, *seat[64];
  int nseat = 0;
  uint64_t seed = 1;
  fl_ScriptOpts opts = {0};
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int bad = 0;
    if (!strcmp(a, "--text")) continue;
    if (cli_script_opt("play", argc, argv, &i, &opts, &bad)) { if (bad) return bad; continue; }
    if (!strcmp(a, "--seed") && i + 1 < argc) { if (cli_parse_u64(argv[++i], &seed)) return cli_usage_error("play", "--seed needs a number"); }
    else if (!strcmp(a, "--side") && i + 1 < argc) { /* several: --side a,b or --side a --side b (hotseat) */
      if (nseat >= 64) return cli_usage_error("play", "too many --side");
      seat[nseat++] = argv[++i];
    }
    else if (!strcmp(a, "--log") && i + 1 < argc) logpath = argv[++i];
    else if (!strcmp(a, "--scenario") && i + 1 < argc) scen = argv[++i]; /* the folder a resumed log was played from */
    else if (a[0] == '-') return cli_usage_error("play", "with --text, only --seed, --side, --set, --log, --scenario and --lang apply (got '%s')", a);
    else if (!where) where = a;
    else return cli_usage_error("play", "one scenario at a time");
  }
  if (!where) return cli_usage_error("play", "which scenario? e.g. flank play tutorial --text");
  /* a game saved with --log (a replay log) goes on where it stopped: homework */
  fl_Replay rec = {0};
  const char *resumed = NULL;
  int rrc = resume_read(where, &rec, &opts);
  if (rrc > 0) return rrc;
  if (rrc == 0) {
    resumed = where;
    where = scen ? scen : rec.id;
    char dir[4096], e[1024];
    if (!scen && fl_script_resolve(rec.id, cli_scenarios_root(), dir, sizeof dir, e, sizeof e)) {
      /* as flank replay: a log is data, and the folder it names is opened only when the player names it */
      if (rec.from[0])
        fprintf(stderr, "flank play: %s was played from the scenario folder %s, which flank does not open on a log's word; "
                        "if you trust it: flank play %s --text --scenario %s\n", resumed, rec.from, resumed, rec.from);
      else fprintf(stderr, "flank play: %s: %s\n", resumed, e);
      fl_replay_free(&rec);
      return EXIT_USAGE;
    }
    seed = rec.seed;
    if (!logpath) logpath = resumed; /* saved back where it came from (atomically: the old file stays if that fails) */
  }
  fl_Script *sc = cli_load(where, &opts);
  if (!sc) { fl_replay_free(&rec); return EXIT_USAGE; }
  const fl_Def *d = fl_script_def(sc);
  if (resumed && d->content_hash != rec.content) {
    fprintf(stderr, "flank play: %s was played with another version of scenario '%s' (recorded %016llx, now %016llx); "
                    "it cannot go on, but flank replay %s --verify shows where they part\n",
            resumed, rec.id, (unsigned long long)rec.content, (unsigned long long)d->content_hash, resumed);
    fl_replay_free(&rec);
    fl_script_free(sc);
    return EXIT_USAGE;
  }
  /* who sits at the table: the first playable side, or every side named (hotseat) */
  fl_Sides humans = 0;
  int human = -1; /* the first seated side: the debrief's */
  for (int k = 0; k < nseat; k++) {
    char ids[512];
    snprintf(ids, sizeof ids, "%s", seat[k]);
    for (char *w = strtok(ids, ","); w; w = strtok(NULL, ",")) {
      while (*w == ' ') w++;
      size_t wl = strlen(w);
      while (wl && w[wl - 1] == ' ') w[--wl] = '\0';
      int i = -1; /* an id or a name, in any case: "estonia", "Estonia" */
      for (int j = 0; j < d->nside && i < 0; j++)
        if (!strcasecmp(w, d->sides[j].id) || !strcasecmp(w, d->sides[j].name)) i = j;
      if (i < 0 || !d->sides[i].playable) { /* the message before the definition is freed */
        char list[512] = "";
        size_t l = 0;
        for (int j = 0; j < d->nside && l < sizeof list - 1; j++)
          if (d->sides[j].playable) l += (size_t)snprintf(list + l, sizeof list - l, "%s%s", l ? ", " : "", d->sides[j].id);
        int rc = cli_usage_error("play", "'%s' is not a playable side of %s (playable: %s)", w, d->id, list);
        fl_script_free(sc);
        return rc;
      }
      humans |= FL_SIDE_BIT(i);
      if (human < 0) human = i;
    }
  }
  for (int i = 0; resumed && !nseat && i < rec.npolicies; i++) { /* the sides people played in it */
    int sd = fl_def_side(d, rec.policy_side[i]);
    if (sd >= 0 && d->sides[sd].playable && !strcmp(rec.policy_name[i], "human")) {
      humans |= FL_SIDE_BIT(sd);
      if (human < 0) human = sd;
    }
  }
  for (int i = 0; i < d->nside && !humans; i++)
    if (d->sides[i].playable) { humans = FL_SIDE_BIT(i); human = i; }
  if (!humans) {
    int rc = cli_usage_error("play", "%s has no playable side", d->id);
    fl_script_free(sc);
    return rc;
  }
  fl_Game *g = fl_script_game(sc);
  int st, rc = EXIT_OK, shown = 0, again = 0;
  if (resumed) { /* its decisions again, the other sides' recorded policies after them */
    char err[1024];
    fl_whatif_policies(sc, &rec);
    int wr = fl_whatif_run(sc, &rec, resumed, NULL, err, sizeof err);
    fl_replay_free(&rec);
    if (wr) {
      if (wr == FL_WHATIF_SCRIPT) cli_print_error(err); else fprintf(stderr, "flank play: %s\n", err);
      fl_script_free(sc);
      return wr == FL_WHATIF_SCRIPT ? EXIT_SCRIPT : EXIT_USAGE;
    }
    st = fl_game_status(g);
    if (st != FL_GAME_WAITING) {
      fprintf(stderr, "flank play: %s is a finished game; flank replay %s shows it, and its debrief is in the window\n", resumed, resumed);
      fl_script_free(sc);
      return EXIT_USAGE;
    }
  } else st = fl_game_start(g, seed);
  printf("%s\n", d->title);
  cli_cited(stdout, d, d->blurb);
  printf("\n%s", FL_TR("You play: "));
  for (int i = 0, k = 0; i < d->nside; i++)
    if (humans & FL_SIDE_BIT(i)) printf("%s%s", k++ ? FL_TR(" and ") : "", d->sides[i].name);
  char ex[300], eg[400] = "";
  example(g, humans, ex, sizeof ex); /* from the first decision: its option and its target */
  /* TRANSLATORS: %s is what a player types, e.g. '2 riga' (option 2, target Riga) */
  if (*ex) snprintf(eg, sizeof eg, FL_TR(" (targets may follow: %s)"), ex);
  /* TRANSLATORS: %s: " (targets may follow: '2 riga')", or nothing; 'board', 'help' and 'quit'
     are what the player types: keep them in English */
  printf(FL_TR(". Type an option's number to choose it%s, 'board' to read the board again, 'help' to learn what the "
               "indicators mean, 'quit' to stop."), eg);
  printf("\n");
  char when[512];
  fl_schedule_text(d, when, sizeof when); /* how turns run and when the game ends */
  printf("\n%s\n", when);
  int last_seat = human;
  for (int i = 0; i < d->nparam; i++) { /* the assumptions this game is played under */
    if (!i) printf(FL_TR("Assumptions (flank sources %s explains them):"), d->id);
    char b[160];
    printf("%s %s = %s", i ? "," : "", d->params[i].name, fl_fmt_qty(fl_game_param(fl_script_game(sc), i), d->params[i].unit, NULL, b, sizeof b));
    if (i == d->nparam - 1) printf(".\n");
  }
  fl_TextLog tl;
  if (fl_textlog_init(&tl, fl_game_state(g))) st = FL_GAME_ERROR;
  if (resumed) { /* the story so far is in the log; tell this turn's */
    const fl_State *now = fl_game_state(g);
    while (tl.seen < now->nlog && now->log[tl.seen].turn < now->turn) tl.seen++;
    tl.summed = now->turn - 1;
    printf(FL_TR("Going on with %s at turn %d (%d decisions made so far)."), resumed, now->turn, count_actions(now));
    putchar('\n');
  }
  /* someone at a terminal takes minutes over a game: play the debrief's games meanwhile */
  cli_Ahead *ahead = st == FL_GAME_WAITING && isatty(STDIN_FILENO) ? cli_text_ahead(sc, human, &opts) : NULL;
  fl_State *undo[UNDO_MAX]; /* the state before each of the people's last decisions */
  int nundo = 0, full_card = -1, full_turn = -1; /* the card last shown in full, and in which turn */
  fl_TvRead read = {0}; /* the cards' texts read in full: a card that comes again each quarter does not repeat them */
  char line[256];
  while (st == FL_GAME_WAITING) {
    int side, card = fl_game_pending(g, &side);
    if (!(humans & FL_SIDE_BIT(side))) { /* the other sides' policies move */
      fl_Choice ch;
      st = fl_script_choose(sc, &ch) ? FL_GAME_ERROR : fl_game_choose(g, &ch);
      continue;
    }
    if (side != last_seat) { /* hotseat: hand over, and show the board as this side sees it */
      printf("\n"); printf(FL_TR("=== %s's turn ==="), d->sides[side].name); putchar('\n');
      last_seat = side;
      shown = 0;
      full_card = -1;
    }
    const fl_State *now = fl_game_state(g);
    fl_textlog_print(stdout, &tl, d, now, side); /* what happened since, turn by turn */
    if (again) again = 0; /* a wrong entry: the card is on screen already */
    else if (shown < 2) {
      printf("\n");
      fl_textview_write_ex(stdout, g, side, shown == 0 ? FL_TV_BRIEF : FL_TV_FULL);
      fl_textview_read_mark(&read, g);
      shown = 2;
      tl.headed = now->turn; /* the board's first line says the date */
      full_card = card; full_turn = now->turn;
    } else {
      fl_textlog_heading(stdout, &tl, d, now);
      int repeat = card == full_card && now->turn == full_turn; /* asked again in the same turn */
      fl_textview_decision_read(stdout, g, repeat, &read);
      full_card = card; full_turn = now->turn;
    }
    printf("> ");
    fflush(stdout);
    if (!read_line(line, sizeof line)) { printf("\n%s\n", FL_TR("(end of input: stopping)")); break; }
    char *w = line;
    while (*w == ' ') w++;
    if (!strcmp(w, "quit") || !strcmp(w, "q")) break;
    if (!strcmp(w, "board") || !strcmp(w, "b")) { shown = 1; continue; }
    if (!strncmp(w, "area ", 5)) { fl_textview_area(stdout, g, side, w + 5); again = 1; continue; }
    if (!strcmp(w, "undo") || !strcmp(w, "u")) {
      if (!nundo) { printf("%s\n", FL_TR("Nothing to undo yet.")); again = 1; continue; }
      fl_State *prev = undo[--nundo];
      if (fl_game_set_state(g, prev)) { fl_state_free(prev); st = FL_GAME_ERROR; break; }
      fl_state_free(prev);
      fl_textlog_rewind(&tl, fl_game_state(g));
      full_card = -1;
      printf("%s\n", FL_TR("Undone: back before your last decision."));
      continue;
    }
    if (!strcmp(w, "help card")) { fl_textview_decision_ex(stdout, g, 0); again = 1; continue; } /* the card in full */
    if (!strncmp(w, "help ", 5)) { /* one option in full: 'help 3' */
      char *end;
      long n = strtol(w + 5, &end, 10);
      if (end == w + 5 || *end || fl_textview_option_help(stdout, g, (int)n)) {
        /* TRANSLATORS: 'help N' and 'help card' are what the player types: keep them in English */
        printf(FL_TR("Type 'help' and an option's number from 1 to %d, or 'help card' for the whole card."), d->cards[card].noptions);
        putchar('\n');
      }
      again = 1;
      continue;
    }
    if (!strcmp(w, "help") || !strcmp(w, "h") || !strcmp(w, "?")) {
      example(g, humans, ex, sizeof ex);
      if (*ex) snprintf(eg, sizeof eg, ": %s", ex);
      else eg[0] = '\0';
      /* TRANSLATORS: %s: ": " and an example of targets typed after the option ("'2 riga'"), or nothing;
         'cancel', 'undo', 'board', 'area NAME' and 'quit' are what the player types: keep them in English */
      printf(FL_TR("Type an option's number (or the start of its name) to choose it. Options that act on\n"
                   "the board then ask for their targets: type a number from the list, or an area's name or\n"
                   "id; several targets are separated by commas. Targets can follow on the same line%s.\n"
                   "'cancel' backs out of a choice, 'undo' takes back your last decision, 'board' shows every\n"
                   "area, 'area NAME' one area in full, 'quit' stops (with --log, your game so far is saved)."),
             eg);
      printf("\n");
      /* TRANSLATORS: 'help N' and 'help card' are what the player types: keep them in English */
      printf("%s\n\n", FL_TR("A card that comes again leaves out the texts you have read: 'help N' reads option N in full, "
                              "'help card' the whole card."));
      fl_textview_tracks_help(stdout, d, side);
      again = 1;
      continue;
    }
    char *rest = NULL;
    int o = parse_option(d, &d->cards[card], w, &rest);
    if (o < 0) {
      printf(FL_TR("Type a number from 1 to %d, or the start of an option's name ('help' for more)."), d->cards[card].noptions); putchar('\n');
      again = 1;
      continue;
    }
    if (rest && d->cards[card].options[o].target == FL_TGT_NONE) {
      printf(FL_TR("\"%s\" acts on nothing on the board: type just %d."), d->cards[card].options[o].label, o + 1); putchar('\n');
      again = 1;
      continue;
    }
    if (!fl_game_available(g, o)) { printf(FL_TR("Not available: %s"), fl_game_unavailable_reason(g, o)); putchar('\n'); again = 1; continue; }
    fl_Choice ch;
    if (make_choice(g, o, rest, &ch)) { printf("%s\n", FL_TR("Cancelled.")); continue; }
    const char *why = fl_game_check(g, &ch);
    if (fl_game_status(g) == FL_GAME_ERROR) { st = FL_GAME_ERROR; break; }
    if (why) { printf(FL_TR("Not possible: %s"), why); putchar('\n'); continue; }
    fl_State *before = fl_state_clone(fl_game_state(g));
    if (before) {
      if (nundo == UNDO_MAX) { fl_state_free(undo[0]); memmove(undo, undo + 1, (UNDO_MAX - 1) * sizeof *undo); nundo--; }
      undo[nundo++] = before;
    }
    st = fl_game_choose(g, &ch);
  }
  while (nundo) fl_state_free(undo[--nundo]);
  if (st == FL_GAME_ERROR) { cli_print_error(fl_game_error(g)); rc = EXIT_SCRIPT; }
  else if (st == FL_GAME_ENDED) {
    const fl_State *s = fl_game_state(g);
    fl_textlog_print(stdout, &tl, d, s, human); /* to the end: the years no one decided in too */
    const char *text = s->ending >= 0 ? d->endings[s->ending].text : "";
    for (int i = s->nlog - 1; i >= 0; i--)
      if (s->log[i].kind == FL_LOG_ENDING) { text = s->log[i].text ? s->log[i].text : text; break; }
    if (tl.headed != s->turn) fl_textlog_heading(stdout, &tl, d, s); /* the date it ended on */
    else printf("\n");
    printf(FL_TR("The game is over: %s."), s->ending >= 0 ? d->endings[s->ending].title : ""); putchar('\n');
    cli_cited(stdout, d, text);
    printf("\n");
    for (int i = 0; i < d->ntrack; i++)
      if (d->tracks[i].visible) {
        char b[160];
        printf("- %s: %s\n", d->tracks[i].name, fl_fmt_track(s->tracks[i].value, d->tracks[i].unit, d->tracks[i].unit_one, b, sizeof b));
      }
  }
  if (logpath && st != FL_GAME_ERROR) { /* "save for my teacher": the student's side recorded as human */
    if (cli_write_replay_as(logpath, sc, seed, where, opts.lang, humans)) rc = EXIT_USAGE;
    else if (strcmp(logpath, "-")) { printf(FL_TR("Your game is saved in %s (for your teacher: flank class reads it)."), logpath); putchar('\n'); }
  }
  if (st == FL_GAME_ENDED) cli_text_debrief_save(sc, human, humans, &opts, ahead, seed, where);
  cli_text_ahead_free(ahead);
  fl_textview_read_free(&read);
  fl_textlog_free(&tl);
  fl_script_free(sc);
  return rc;
}
