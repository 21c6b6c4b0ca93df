#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* realpath */
/* The debrief of flank play --text, after the ending: discussion questions, then what-if
 * forks of the game ("whatif": another option at one of your decisions, or the computer
 * playing on from there) and your game among many ("among": N games per policy the
 * scenario defines for your side). The window's debrief uses the same engine calls and
 * fl_ensemble_phrase. 'save' writes the game's replay log for a teacher, as the window's
 * "Save for my teacher" does. What it says comes in the --lang language; what the player
 * types (whatif, among, save, quit) stays the same. */
#include "fl_fmt.h"
#include "fl_cli.h"
#include "fl_ens_cache.h"
#include "fl_ensemble.h"
#include "fl_i18n.h"
#include "fl_textview.h"
#include "fl_whatif.h"
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Ask for a line (prompt: marked FL_N); NULL at the end of input. */
static char *ask(const char *prompt, char *line, size_t n) {
  printf("%s", fl_tr(prompt));
  fflush(stdout);
  if (!fgets(line, (int)n, stdin)) return NULL;
  line[strcspn(line, "\r\n")] = '\0';
  if (!isatty(STDIN_FILENO)) printf("%s\n", line); /* piped: the transcript shows what was typed, as the game's does */
  return line;
}

/* The seated people's decisions in the record (every side in humans: hotseat), as
 * indices into r->actions. */
static int human_actions(const fl_Def *d, const fl_Replay *r, fl_Sides humans, int *idx, int max) {
  int n = 0;
  for (int i = 0; i < r->nactions && n < max; i++) {
    int c = fl_def_card(d, r->actions[i].card);
    if (c >= 0 && humans & FL_SIDE_BIT(d->cards[c].side)) idx[n++] = i;
  }
  return n;
}

/* A log's targets ("area:narva area:voru piece:3") as a person reads them: " Narva, Võru, #3". */
static void cli_targets_named(FILE *f, const fl_Def *d, const char *tg) {
  char w[128];
  int n = 0, k;
  while (sscanf(tg, " %127s%n", w, &k) == 1) {
    tg += k;
    int a = !strncmp(w, "area:", 5) ? fl_map_find_area(d->map, w + 5) : -1;
    if (a >= 0) fprintf(f, "%s %s", n++ ? "," : "", fl_map_area(d->map, a)->name);
    else fprintf(f, "%s %s", n++ ? "," : "", !strncmp(w, "piece:", 6) ? w + 5 : w);
  }
}

/* What a person typed ("Narva, voru", "#3", or a log's own "area:narva") as a log writes
 * targets ("area:narva area:voru"); non-zero with a one-line message when a word names nothing. */
static int cli_targets_typed(const fl_Def *d, const char *typed, char *out, size_t n, char *err, size_t errn) {
  char buf[512], *save = NULL;
  size_t k = 0;
  snprintf(buf, sizeof buf, "%s", typed);
  out[0] = '\0';
  for (char *w = strtok_r(buf, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
    while (*w == ' ') w++;
    for (char *e = w + strlen(w); e > w && e[-1] == ' ';) *--e = '\0';
    if (!*w) continue;
    char one[160];
    int a;
    if (strchr(w, ':')) snprintf(one, sizeof one, "%s", w);
    else if (w[0] == '#') snprintf(one, sizeof one, "piece:%s", w + 1);
    else if ((a = fl_textview_find_area(d, w)) >= 0) snprintf(one, sizeof one, "area:%s", fl_map_area(d->map, a)->id);
    else {
      snprintf(err, errn, FL_TR("No area is called '%s' ('board' lists them)."), w);
      return -1;
    }
    k += (size_t)snprintf(out + k, k < n ? n - k : 0, "%s%s", k ? " " : "", one);
  }
  if (!k) { snprintf(err, errn, "%s", FL_TR("No target given.")); return -1; }
  return k >= n;
}

/* The areas of logged decision e that are (left: 1) or are not (0) marked left out, as names
 * into buf: "Narva, Võru". */
static void area_names(const fl_Def *d, const fl_LogEntry *e, const unsigned char *left, int want, char *buf, size_t n) {
  size_t m = 0;
  buf[0] = '\0';
  for (int k = 0; k < e->ntg && m < n; k++)
    if (left[k] == want && e->tg[k] >= 0 && e->tg[k] < fl_map_area_count(d->map))
      m += (size_t)snprintf(buf + m, n - m, "%s%s", m ? ", " : "", fl_map_area(d->map, e->tg[k])->name);
}

/* Logged decision i of s as cli_decision_line writes it, with the areas it served; those its
 * effect left out (fl_textview_left_out) named once as such: "Turn 4, Fields on the border:
 * Anti-tank obstacles only (Narva, Võru; left out: Rēzekne)". */
static void decision_line(char *buf, size_t n, const fl_Def *d, const fl_State *s, int i) {
  const fl_LogEntry *e = &s->log[i];
  unsigned char *left = e->ntg ? calloc((size_t)e->ntg, 1) : NULL;
  int32_t *tg = e->ntg ? malloc((size_t)e->ntg * sizeof *tg) : NULL;
  if (!left || !tg || !fl_textview_left_out(d, s, i, left)) {
    cli_decision_line(buf, n, d, e);
    free(left); free(tg);
    return;
  }
  fl_LogEntry served = *e;
  served.tg = tg;
  served.ntg = 0;
  for (int k = 0; k < e->ntg; k++)
    if (!left[k]) tg[served.ntg++] = e->tg[k];
  cli_decision_line(buf, n, d, &served);
  char out[512];
  area_names(d, e, left, 1, out, sizeof out);
  size_t m = strlen(buf);
  if (served.ntg && m && buf[m - 1] == ')') buf[--m] = '\0';
  /* TRANSLATORS: after the areas an order served: those it left out, "(Narva; left out: Võru)" */
  snprintf(buf + m, n - m, served.ntg ? FL_TR("; left out: %s)") : FL_TR(" (left out: %s)"), out);
  free(left);
  free(tg);
}

/* After a what-if, the decisions the computer took for your side, the first few and how many
 * in all, so the student sees what else changed: after "let the computer play your side",
 * those where it chose otherwise than you did; after another option (kept), those where your
 * own later choice was no longer possible or never came up (fl_WhatIfKept.made). */
static void computer_chose(const fl_Def *d, const fl_Replay *r, const fl_State *f, fl_Sides humans, int from_turn,
                           const fl_WhatIfKept *kept) {
  int idx[8], n;
  if (kept) {
    n = kept->lapsed + kept->fresh;
    for (int i = 0; i < kept->nmade && i < 8; i++) idx[i] = kept->made[i];
  } else n = cli_computer_chose(d, r, f, humans, from_turn, idx, 8);
  int shown = n < 8 ? n : 8;
  if (kept && kept->nmade < shown) shown = kept->nmade;
  if (n) printf("\n%s\n", kept ? FL_TR("Where the computer chose for your side:") : FL_TR("The computer chose otherwise than you:"));
  for (int i = 0; i < shown; i++) {
    char line[512];
    decision_line(line, sizeof line, d, f, idx[i]);
    printf("  %s\n", line);
  }
  if (n > shown) { printf("  "); printf(FL_TR("... and %d more"), n - shown); putchar('\n'); }
}

static void whatif(fl_Script *sc, const fl_Replay *r, const fl_State *played, fl_Sides humans, const char *args) {
  const fl_Def *d = fl_script_def(sc);
  int idx[512], n = human_actions(d, r, humans, idx, 512), k = 0, o = 0;
  int several = (humans & (humans - 1)) != 0; /* hotseat: say whose decision each was */
  if (!n) { printf("%s\n", FL_TR("You made no decisions in this game.")); return; }
  char line[256], err_line[512];
  if (sscanf(args, "%d %d", &k, &o) < 1) {
    printf("%s\n", FL_TR("Your decisions:"));
    for (int i = 0; i < n; i++) {
      const fl_ReplayAction *a = &r->actions[idx[i]];
      const fl_CardDef *c = &d->cards[fl_def_card(d, a->card)];
      int op = fl_def_option(c, a->option);
      printf("  %d. ", i + 1);
      int32_t when = INT32_MIN; /* its date, from the played game's log (as the window's timeline) */
      for (int j = 0; played && j < played->nlog && when == INT32_MIN; j++)
        if (played->log[j].turn == a->turn) when = played->log[j].date;
      char date[64];
      if (when != INT32_MIN)
        printf(FL_TR("%s, %s%s%s: %s"), fl_fmt_date(when, date, sizeof date), several ? d->sides[c->side].name : "",
               several ? ", " : "", c->title, op >= 0 ? c->options[op].label : a->option);
      else
        printf(FL_TR("Turn %d, %s%s%s: %s"), a->turn, several ? d->sides[c->side].name : "", several ? ", " : "", c->title,
               op >= 0 ? c->options[op].label : a->option);
      putchar('\n');
    }
    if (!ask(FL_N("Which decision would you take differently? (number; Enter to cancel) "), line, sizeof line) || !*line) return;
    k = atoi(line);
  }
  if (k < 1 || k > n) { printf(FL_TR("Choose a number from 1 to %d."), n); putchar('\n'); return; }
  const fl_ReplayAction *a = &r->actions[idx[k - 1]];
  const fl_CardDef *c = &d->cards[fl_def_card(d, a->card)];
  int nth = 0; /* an orders card comes again in its turn: the fork is at this time of it */
  for (int i = 0; i < idx[k - 1]; i++) nth += r->actions[i].turn == a->turn && !strcmp(r->actions[i].card, a->card);
  if (o < 1) {
    /* which options were open then (the game replayed to that decision), and why not */
    char open[64], why[64][160], e[256];
    fl_WhatIf at = {a->turn, c->id, NULL, NULL, NULL, NULL, 0, 0, NULL, nth};
    fl_whatif_policies(sc, r);
    if (fl_whatif_open(sc, r, FL_TR("Your game"), &at, open, why, 64, e, sizeof e)) memset(open, 1, sizeof open);
    printf(FL_TR("\"%s\", turn %d:"), c->title, a->turn);
    putchar('\n');
    for (int i = 0; i < c->noptions; i++) {
      printf("  %d. %s%s", i + 1, c->options[i].label, !strcmp(c->options[i].id, a->option) ? FL_TR(" (your choice)") : "");
      if (i < 64 && !open[i] && strcmp(c->options[i].id, a->option)) printf(FL_TR(" (not open then: %s)"), why[i]);
      putchar('\n');
    }
    printf("  %d. %s\n", c->noptions + 1, FL_TR("Let the computer play your side from here"));
    if (!ask(FL_N("Which one? "), line, sizeof line) || !*line) return;
    o = atoi(line);
  }
  if (o < 1 || o > c->noptions + 1) { printf(FL_TR("Choose a number from 1 to %d."), c->noptions + 1); putchar('\n'); return; }
  char targets[512] = "";
  int by_computer = o == c->noptions + 1;
  if (!by_computer && c->options[o - 1].target != FL_TGT_NONE) {
    if (a->targets && *a->targets) { /* what the game itself chose there, as names: what it served, and left out */
      printf("%s", FL_TR("In your game:"));
      int li = -1;
      for (int i = 0, na = 0; i < played->nlog && li < 0; i++) /* the record's actions are the log's, in order */
        if (played->log[i].kind == FL_LOG_ACTION && na++ == idx[k - 1]) li = i;
      const fl_LogEntry *e = li >= 0 ? &played->log[li] : NULL;
      unsigned char *left = e && e->ntg ? calloc((size_t)e->ntg, 1) : NULL;
      if (left && fl_textview_left_out(d, played, li, left)) {
        char got[512], out[512];
        area_names(d, e, left, 0, got, sizeof got);
        area_names(d, e, left, 1, out, sizeof out);
        if (*got) printf(" %s", got);
        printf(*got ? FL_TR("; left out: %s") : FL_TR(" left out: %s"), out);
      } else cli_targets_named(stdout, d, a->targets);
      free(left);
      putchar('\n');
    }
    int kind = c->options[o - 1].target;
    if (!ask(kind == FL_TGT_PIECE  ? FL_N("Which pieces? (#number, separated by commas) ")
             : kind == FL_TGT_MOVE ? FL_N("Which piece, and to which area? (#number, area) ")
                                   : FL_N("Which areas? (names, separated by commas) "),
             line, sizeof line))
      return;
    if (cli_targets_typed(d, line, targets, sizeof targets, err_line, sizeof err_line)) {
      printf("%s\n", err_line);
      return;
    }
  }
  fl_WhatIfKept kept = {0};
  fl_WhatIf w = {a->turn, by_computer ? NULL : c->id, by_computer ? NULL : c->options[o - 1].id, *targets ? targets : NULL,
                 NULL, NULL, 0, 0, &kept, by_computer ? 0 : nth};
  char err[1024];
  fl_whatif_policies(sc, r);
  int rc = fl_whatif_run(sc, r, FL_TR("Your game"), &w, err, sizeof err);
  if (rc) { printf(FL_TR("Cannot play that: %s"), err); putchar('\n'); return; }
  const fl_State *f = fl_game_state(fl_script_game(sc));
  putchar('\n');
  if (by_computer) printf(FL_TR("What if the computer had played your side from turn %d?"), a->turn);
  else printf(FL_TR("What if you had chosen \"%s\" on \"%s\" in turn %d? The same dice, and your other choices where "
                     "they were still possible."), c->options[o - 1].label, c->title, a->turn);
  putchar('\n');
  char note[512];
  cli_whatif_kept(note, sizeof note, &kept);
  if (!by_computer && *note) printf("%s\n", note);
  cli_whatif_table(stdout, d, played, f);
  computer_chose(d, r, f, humans, a->turn, by_computer ? NULL : &kept);
  for (int i = f->nlog - 1; i >= 0; i--)
    if (f->log[i].kind == FL_LOG_ENDING) {
      printf("\n");
      printf(FL_TR("The what-if ended: %s. "), f->ending >= 0 ? d->endings[f->ending].title : "");
      cli_cited(stdout, d, f->log[i].text);
      printf("\n");
      break;
    }
}

static void show_progress(void *ud, size_t done, size_t total) {
  if (!*(int *)ud) return;
  fputc('\r', stderr);
  fprintf(stderr, FL_NTR("%zu of %zu game...", "%zu of %zu games...", (long)total), done, total);
}

/* The debrief's default games "among many", played from the game's start in the background
 * at a low priority (they depend on the scenario, its parameters and the side, not on the
 * game), so `among` finds them in the cache (fl_ens_cache.c) instead of playing them then. */
struct cli_Ahead {
  fl_Ensemble *e;
  fl_PolicySet *sets; int nset;
  pthread_t th;
  int joined;
};

static void *ahead_thread(void *arg) {
  cli_Ahead *a = arg;
  char err[512];
  fl_ensemble_run(a->e, err, sizeof err); /* an error shows when `among` plays them itself */
  return NULL;
}

cli_Ahead *cli_text_ahead(fl_Script *sc, int human, const fl_ScriptOpts *opts) {
  if (human < 0 || !fl_ens_cache_on()) return NULL; /* without the cache `among` could not use them */
  cli_Ahead *a = calloc(1, sizeof *a);
  if (!a) return NULL;
  a->nset = fl_ensemble_default_sets(sc, human, &a->sets);
  char err[512];
  fl_EnsembleSpec spec = {fl_script_dir(sc), cli_scenario_path(), opts, NULL, a->sets, a->nset, 1, FL_ENSEMBLE_RUNS, 0, NULL, NULL, 0, 1, 1};
  if (a->nset <= 0 || !(a->e = fl_ensemble_new(&spec, err, sizeof err)) || pthread_create(&a->th, NULL, ahead_thread, a)) {
    fl_ensemble_free(a->e);
    fl_test_free_sets(a->sets, a->nset > 0 ? a->nset : 0);
    free(a);
    return NULL;
  }
  return a;
}

static void ahead_wait(cli_Ahead *a) {
  if (a && !a->joined) { pthread_join(a->th, NULL); a->joined = 1; }
}

void cli_text_ahead_free(cli_Ahead *a) {
  if (!a) return;
  if (!a->joined) fl_ensemble_cancel(a->e);
  ahead_wait(a);
  fl_ensemble_free(a->e);
  fl_test_free_sets(a->sets, a->nset);
  free(a);
}

static void among(fl_Script *sc, const fl_State *played, int human, const fl_ScriptOpts *opts, const char *args, cli_Ahead *ahead) {
  const fl_Def *d = fl_script_def(sc);
  long runs = atol(args);
  if (runs <= 0) runs = FL_ENSEMBLE_RUNS;
  if (runs > 100000) runs = 100000;
  fl_PolicySet *sets;
  int nset = fl_ensemble_default_sets(sc, human, &sets);
  if (!nset) { printf("%s\n", FL_TR("The scenario defines no policies for your side to compare with.")); free(sets); return; }
  printf(FL_NTR("Playing %ld games under each of %d policy for %s...", "Playing %ld games under each of %d policies for %s...", nset), runs, nset,
         d->sides[human].name);
  putchar('\n');
  fflush(stdout);
  int tty = isatty(STDERR_FILENO);
  if (ahead && runs == FL_ENSEMBLE_RUNS) { /* the games played while you played: wait for the rest */
    while (tty && !ahead->joined && fl_ensemble_done(ahead->e) < ahead->e->n) {
      show_progress(&tty, fl_ensemble_done(ahead->e), ahead->e->n);
      struct timespec ts = {0, 100000000};
      nanosleep(&ts, NULL);
    }
    ahead_wait(ahead);
  }
  fl_EnsembleSpec spec = {fl_script_dir(sc), cli_scenario_path(), opts, NULL, sets, nset, 1, (uint64_t)runs, 0, show_progress, &tty, 0, 1, 0}; /* a debrief opened again: from the cache */
  char err[2048];
  fl_Ensemble *e = fl_ensemble_new(&spec, err, sizeof err);
  int rc = e ? fl_ensemble_run(e, err, sizeof err) : 2;
  if (tty) fprintf(stderr, "\r\033[K");
  if (rc) { printf(FL_TR("Could not play them: %s"), err); putchar('\n'); fl_ensemble_free(e); fl_test_free_sets(sets, nset); return; }
  char buf[512];
  printf(FL_TR("Your game among them (seeds 1..%ld of each):"), runs);
  putchar('\n');
  for (int t = 0; t < d->ntrack; t++)
    if (d->tracks[t].visible) printf("  %s\n", fl_ensemble_phrase(e, d, NULL, -1, t, played->tracks[t].value, buf, sizeof buf));
  /* by policy: one column per policy, numbered (ids can be long), the key below */
  int w = 0;
  for (int t = 0; t < d->ntrack; t++)
    if (d->tracks[t].visible && d->tracks[t].higher_is_better && cli_text_width(d->tracks[t].name) > w) w = cli_text_width(d->tracks[t].name);
  printf("\n%s\n  %*s", FL_TR("By policy: in how many of its games yours did better (the rest: the same or worse)"), w, "");
  for (int s = 0; s < nset; s++) printf("  %5d", s + 1);
  printf("\n");
  for (int t = 0; t < d->ntrack; t++) {
    if (!d->tracks[t].visible || !d->tracks[t].higher_is_better) continue;
    printf("  %s%*s", d->tracks[t].name, w - cli_text_width(d->tracks[t].name), "");
    for (int s = 0; s < nset; s++) {
      fl_Standing st = fl_ensemble_standing(e, s, t, played->tracks[t].value);
      size_t better = d->tracks[t].higher_is_better < 0 ? st.above : st.below;
      printf("  %4.0f%%", 100.0 * (double)better / (double)(st.n ? st.n : 1));
    }
    printf("\n");
  }
  printf("  %s", FL_TR("Policies:"));
  for (int s = 0; s < nset; s++) printf("%s %d = %s", s ? "," : "", s + 1, fl_script_policy_label(sc, human, e->set_name[s])); /* its name */
  printf(FL_TR(" (flank sources %s explains them)."), d->id);
  putchar('\n');
  fl_ensemble_free(e);
  fl_test_free_sets(sets, nset);
}

/* ---- save: the game's replay log for a teacher ------------------------------------ */

int cli_save_log(fl_Script *sc, uint64_t seed, const char *where, const char *lang, fl_Sides humans, const char *path,
                 int overwrite, char *msg, size_t n); /* play_teach.c: the window's "Save for my teacher" writes through it */

/* line without the spaces around it, in place. */
static char *trimmed(char *line) {
  while (*line == ' ' || *line == '\t') line++;
  size_t l = strlen(line);
  while (l && (line[l - 1] == ' ' || line[l - 1] == '\t')) line[--l] = '\0';
  return line;
}

/* What the player wants written, into path: PATH as typed (a leading ~/ is the home folder);
 * a folder: the name the window proposes in it. A name typed at the prompt (no '/') goes in
 * folder, with ".log" when it has no extension, as the window's dialog writes NAME.log. */
static void save_target(const char *typed, int is_name, const char *folder, const char *proposed, char *path, size_t n) {
  const char *home = getenv("HOME");
  struct stat st;
  if (is_name && !strchr(typed, '/')) {
    const char *dot = strrchr(typed, '.');
    size_t fl = strcmp(folder, ".") ? strlen(folder) : 0; /* here: the name alone */
    snprintf(path, n, "%s%s%s", fl ? folder : "", fl && folder[fl - 1] != '/' ? "/" : "", typed);
    if (!dot || dot == typed) snprintf(path + strlen(path), n - strlen(path), ".log");
  } else if (!strncmp(typed, "~/", 2) && home && *home) snprintf(path, n, "%s%s", home, typed + 1);
  else snprintf(path, n, "%s", typed);
  if (!stat(path, &st) && S_ISDIR(st.st_mode)) {
    size_t l = strlen(path);
    snprintf(path + l, n - l, "%s%s", l && path[l - 1] == '/' ? "" : "/", proposed);
  }
}

/* A path as a shell reads it, for a command to copy: quoted when it has more than letters,
 * digits and /._-+,:@ */
static const char *shell_word(const char *s, char *buf, size_t n) {
  if (*s && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/._-+,:@") == strlen(s)) return s;
  size_t k = 0;
  if (k + 1 < n) buf[k++] = '\'';
  for (; *s && k + 5 < n; s++) {
    if (*s == '\'') { memcpy(buf + k, "'\\''", 4); k += 4; }
    else buf[k++] = *s;
  }
  if (k + 1 < n) buf[k++] = '\'';
  buf[k] = '\0';
  return buf;
}

/* 'save PATH' writes the game's replay log to PATH; 'save' asks for a name (Enter: the one the
 * window proposes) and writes NAME.log here. An existing file is replaced only when the player
 * presses Enter again (or another name is typed), as in the window; a failed save says why in
 * one line and leaves a file already there whole (cli_save_log). */
static void save(fl_Script *sc, const fl_State *played, uint64_t seed, const char *where, const char *lang, fl_Sides humans,
                 const char *args) {
  const fl_Def *d = fl_script_def(sc);
  /* the game played: after a what-if the script holds the fork */
  if (fl_game_set_state(fl_script_game(sc), played)) { cli_print_error(fl_game_error(fl_script_game(sc))); return; }
  char proposed[200], folder[PATH_MAX] = ".", path[PATH_MAX], buf[PATH_MAX], msg[PATH_MAX + 200];
  /* the window's words (engine/ui/ui_save.c), and the name it proposes: "my game - tutorial" */
  snprintf(proposed, sizeof proposed, "%s - %s.log", FL_TR("my game"), d->id);
  snprintf(buf, sizeof buf, "%s", args);
  char *line = trimmed(buf);
  int is_name = !*line, overwrite = 0;
  if (is_name) { /* as the window's dialog: who reads the file, then the name */
    printf("%s\n%s [%.*s]: ", FL_TR("Your teacher collects these files and reads them with flank class."),
           FL_TR("Your name (the file's name)"), (int)(strlen(proposed) - 4), proposed);
    if (!ask("", buf, sizeof buf)) { putchar('\n'); return; }
    if (!*(line = trimmed(buf))) line = proposed;
  }
  save_target(line, is_name, folder, proposed, path, sizeof path);
  int rc;
  while ((rc = cli_save_log(sc, seed, where, lang, humans, path, overwrite, msg, sizeof msg)) == 1) {
    /* there is a file by that name: Enter replaces it, another name is saved beside it */
    printf("%s\n%s [%s]: ", FL_TR("A file with this name is already there. Enter replaces it; or change the name."),
           FL_TR("Your name (the file's name)"), path);
    if (!ask("", buf, sizeof buf)) { putchar('\n'); return; } /* nothing replaced */
    if (!*(line = trimmed(buf))) { overwrite = 1; continue; }
    const char *slash = strrchr(path, '/');
    snprintf(folder, sizeof folder, "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
    if (!*folder) snprintf(folder, sizeof folder, "/");
    save_target(line, 1, folder, proposed, path, sizeof path);
  }
  if (rc) {
    const char *slash = strrchr(path, '/');
    struct stat st;
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%.*s", slash && slash != path ? (int)(slash - path) : 1, slash ? path : ".");
    /* TRANSLATORS: %s: the folder typed, which does not exist; 'save' is what the player types */
    if (stat(dir, &st) || !S_ISDIR(st.st_mode)) printf(FL_TR("Not saved: there is no folder %s. Type 'save' and another path."), dir);
    /* TRANSLATORS: %s: the file and why it could not be written ("x.log: cannot write: Permission denied") */
    else printf(FL_TR("Not saved: %s. Type 'save' and another path."), msg);
    putchar('\n');
    return;
  }
  char full[PATH_MAX], dir[PATH_MAX], q[PATH_MAX * 2], qd[PATH_MAX * 2], cmd[PATH_MAX * 5];
  const char *at = realpath(path, full) ? full : path;
  printf(FL_TR("Saved for your teacher: %s"), at);
  putchar('\n');
  /* the command that checks it; a scenario given as a folder is named, as replay asks (cli_replay_text records it) */
  int folder_given = where && strcmp(where, d->id) && realpath(fl_script_dir(sc), dir);
  snprintf(cmd, sizeof cmd, "flank replay %s --verify%s%s", shell_word(at, q, sizeof q), folder_given ? " --scenario " : "",
           folder_given ? shell_word(dir, qd, sizeof qd) : "");
  /* TRANSLATORS: %s: a command ("flank replay game.log --verify"); flank class is the teacher's command */
  printf(FL_TR("Check it with %s; your teacher's flank class reads it."), cmd);
  putchar('\n');
}

/* The debrief with 'save' (cmd_play_text.c declares it: fl_cli.h is not changed by this);
 * seed and where (the scenario as given) are the game's, for its replay log. */
void cli_text_debrief_save(fl_Script *sc, int human, fl_Sides humans, const fl_ScriptOpts *opts, cli_Ahead *ahead, uint64_t seed,
                           const char *where);

/* fl_cli.h's: its 'save' records no scenario folder (as where NULL: the scenario by its id) */
void cli_text_debrief(fl_Script *sc, int human, fl_Sides humans, const fl_ScriptOpts *opts, cli_Ahead *ahead) {
  cli_text_debrief_save(sc, human, humans, opts, ahead, fl_game_state(fl_script_game(sc))->seed, NULL);
}

void cli_text_debrief_save(fl_Script *sc, int human, fl_Sides humans, const fl_ScriptOpts *opts, cli_Ahead *ahead, uint64_t seed,
                           const char *where) {
  const fl_Def *d = fl_script_def(sc);
  fl_State *played = fl_state_clone(fl_game_state(fl_script_game(sc)));
  const char *pol[64];
  for (int i = 0; i < d->nside && i < 64; i++) pol[i] = humans & FL_SIDE_BIT(i) ? NULL : fl_script_policy(sc, i);
  fl_Replay r;
  if (!played || fl_whatif_record(&r, d, played, pol)) { fl_state_free(played); return; }
  cli_questions(stdout, d, played->ending);
  char line[256];
  for (;;) {
    /* TRANSLATORS: 'whatif', 'among', 'save' and 'quit' are what the player types: keep them in English */
    printf("\n");
    printf(FL_TR("Type 'whatif' to play one of your decisions differently, 'among' to see your game among %d games "
                 "per policy, 'save' to save your game for your teacher (or 'save FILE'), or 'quit'."), FL_ENSEMBLE_RUNS);
    putchar('\n');
    if (!ask("> ", line, sizeof line) || !strcmp(line, "quit") || !strcmp(line, "q")) break;
    if (!strncmp(line, "whatif", 6)) whatif(sc, &r, played, humans, line + 6);
    else if (!strncmp(line, "among", 5)) among(sc, played, human, opts, line + 5, ahead);
    else if (!strcmp(line, "save") || !strncmp(line, "save ", 5)) save(sc, played, seed, where, opts ? opts->lang : NULL, humans, line + 4);
    /* TRANSLATORS: the words the player types: keep them in English */
    else printf("%s\n", FL_TR("Type whatif, among, save or quit."));
  }
  fl_replay_free(&r);
  fl_state_free(played);
}
