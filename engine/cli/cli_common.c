#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* realpath */
#include "fl_cli.h"
#include "fl_i18n.h"
#include "fl_results.h"
#include "fl_replay.h"
#include "fl_save.h"
#include "fl_str.h"
#include <ctype.h>
#include <limits.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

int cli_usage_error(const char *cmd, const char *fmt, ...) {
  va_list ap;
  fprintf(stderr, "flank %s: ", cmd);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fprintf(stderr, " (flank %s --help)\n", cmd);
  return EXIT_USAGE;
}

int cli_bad_option(const char *cmd, const char *opt) {
  const Cmd *c = cli_find(cmd);
  const char *opts[48];
  char names[48][32];
  int n = 0;
  /* the command's options, read from its usage line: one list, no second copy to drift */
  for (const char *p = c ? strstr(c->args, "--") : NULL; p && n < 48; p = strstr(p + 2, "--")) {
    size_t k = 2;
    while (p[k] && (isalnum((unsigned char)p[k]) || p[k] == '-')) k++;
    if (k >= sizeof names[0]) continue;
    snprintf(names[n], sizeof names[n], "%.*s", (int)k, p);
    opts[n] = names[n];
    n++;
    p += k - 2;
  }
  for (int i = 0; i < n; i++)
    if (!strcmp(opts[i], opt)) return cli_usage_error(cmd, "option '%s' needs a value", opt);
  const char *s = fl_str_suggest(opt, opts, n);
  if (s) return cli_usage_error(cmd, "unknown option '%s'; did you mean '%s'?", opt, s);
  return cli_usage_error(cmd, "unknown option '%s'", opt);
}

int cli_is_help(const char *a) { return !strcmp(a, "--help") || !strcmp(a, "-h"); }

void cli_print_help(const Cmd *c) {
  printf("Usage: flank %s %s\n\n%s\n%s", c->name, c->args, c->summary, c->help);
  printf("\nExit codes: 0 success, 1 a test or verification failed, 2 bad usage or a scenario that\n"
         "does not load, 3 a script error during play.\n");
}

int cli_parse_u64(const char *s, uint64_t *out) {
  if (!s || !*s || *s == '-') return -1;
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (*end || errno) return -1;
  *out = v;
  return 0;
}

const char *cli_command = NULL;

/* Where msg points: the line of "file:line: ..." (its path into path), or 0 when it names none. */
static long located(const char *msg, char *path, size_t n, char **end) {
  const char *colon = strchr(msg, ':');
  if (!colon || colon == msg) return 0;
  snprintf(path, n, "%.*s", (int)(colon - msg), msg);
  long line = strtol(colon + 1, end, 10);
  return *end == colon + 1 || **end != ':' || line < 1 ? 0 : line;
}

static int ident(char c) { return isalnum((unsigned char)c) || c == '_'; }

/* A message that names a dotted name and no quoted one ("flank.track.ad does not exist"):
 * col at that name's last field in line p, read there as "track.ad" (or, aliased, ".ad" or
 * ":ad"), so the caret stands under the bad field, not under the line's start. */
static void dotted_col(const char *p, const char *msg, const char *stop, size_t *col) {
  for (const char *a = msg; a < stop; a++) {
    if (!ident(*a) || (a > msg && ident(a[-1]))) continue;
    const char *b = a, *dot = NULL, *prev = NULL;
    while (b < stop && (ident(*b) || (*b == '.' && ident(b[1])))) {
      if (*b == '.') { prev = dot; dot = b; }
      b++;
    }
    if (!dot) { a = b; continue; }
    char tail[128], field[128];
    const char *from = prev ? prev + 1 : a; /* "track.ad" */
    snprintf(tail, sizeof tail, "%.*s", (int)(b - from), from);
    snprintf(field, sizeof field, "%.*s", (int)(b - dot - 1), dot + 1);
    size_t tl = strlen(tail), fl = strlen(field);
    for (const char *h = strstr(p, tail); h; h = strstr(h + 1, tail))
      if ((h == p || !ident(h[-1])) && !ident(h[tl])) { *col = (size_t)(h + tl - fl - p); return; }
    for (const char *h = strstr(p, field); h; h = strstr(h + 1, field))
      if (h > p && (h[-1] == '.' || h[-1] == ':') && !ident(h[fl])) { *col = (size_t)(h - p); return; }
    return;
  }
}

/* Print an error; when it starts with "file:line:", show that source line with a
 * caret under the quoted name the message mentions (or under the line's start),
 * as compilers do; a message that names no source line starts "flank COMMAND: ". */
void cli_print_error(const char *msg) {
  char path[1024], *end;
  long line = located(msg, path, sizeof path, &end);
  if (!line) fprintf(stderr, "flank%s%s: ", cli_command ? " " : "", cli_command ? cli_command : "");
  fl_str_fput_term(stderr, msg, 0);
  fputc('\n', stderr);
  if (!line) return;
  if (!fl_str_was_loaded(path)) return; /* a path in a message is not a file to open */
  size_t len;
  char *text = fl_str_read_file(path, &len);
  if (!text) return;
  char *p = text;
  for (long l = 1; l < line && p; l++) {
    p = strchr(p, '\n');
    if (p) p++;
  }
  if (p && *p) {
    char *eol = strchr(p, '\n');
    if (eol) *eol = '\0';
    size_t col = strspn(p, " \t");
    /* under the last 'quoted' name of the message proper (not a suggestion or the
     * context) that stands as a whole word in the line: "event 'x': unknown key 'chanse'
     * (did you mean 'chance'?)" points at chanse */
    const char *stop = end + strlen(end);
    int quoted = 0;
    static const char *const tails[] = {" (did you mean", " (turn ", "; ", NULL};
    for (const char *const *t = tails; *t; t++) {
      const char *hit = strstr(end, *t);
      if (hit && hit < stop) stop = hit;
    }
    for (const char *q = strchr(end, '\''); q && q < stop; q = strchr(q + 1, '\'')) {
      const char *qe = strchr(q + 1, '\'');
      if (!qe || qe > stop) break;
      size_t wl = (size_t)(qe - q - 1);
      char word[128];
      snprintf(word, sizeof word, "%.*s", (int)wl, q + 1);
      for (char *hit = wl ? strstr(p, word) : NULL; hit; hit = strstr(hit + 1, word)) {
        int before = hit > p && (isalnum((unsigned char)hit[-1]) || hit[-1] == '_');
        int after = isalnum((unsigned char)hit[wl]) || hit[wl] == '_';
        if (!before && !after) { col = (size_t)(hit - p); quoted = 1; break; }
      }
      q = qe;
    }
    if (!quoted) dotted_col(p, end, stop, &col);
    if (strlen(p) <= 200) {
      fprintf(stderr, "  %5ld | ", line);
      fl_str_fput_term(stderr, p, 0);
      fputs("\n        | ", stderr);
      for (size_t i = 0; i < col; i++) fputc(p[i] == '\t' ? '\t' : ' ', stderr);
      fputs("^\n", stderr);
    }
  }
  free(text);
}

/* A scenario with no default = true ending still loads (flank lint errors), but the ending a
 * game gets when its last turn is over is then the engine's pick: say which, every time. */
static void warn_default_ending(const fl_Def *d) {
  int k = -1;
  for (int i = 0; i < d->nending; i++)
    if (d->endings[i].is_default) return;
  for (int i = 0; i < d->nending && k < 0; i++)
    if (!d->endings[i].fn_when) k = i;
  const char *why = k >= 0 ? "the first ending without when" : "the last ending: every ending has a when";
  if (k < 0) k = d->nending - 1;
  if (k < 0) return;
  fprintf(stderr, "flank: warning: %s: no ending has default = true, so a game that reaches its last turn ends with '%s' (%s, line %d); "
                  "give the ending you mean default = true [default-ending]\n", d->id, d->endings[k].id, why, d->endings[k].line);
}

fl_Script *cli_load(const char *where, const fl_ScriptOpts *opts) {
  char err[2048];
  fl_Script *sc = fl_script_load(where, cli_scenario_path(), opts, err, sizeof err);
  if (!sc) cli_print_error(err);
  else warn_default_ending(fl_script_def(sc));
  return sc;
}

int cli_side_policy(const char *cmd, fl_Script *sc, const char *spec) {
  const char *eq = strchr(spec, '=');
  if (!eq || eq == spec || !eq[1]) { cli_usage_error(cmd, "--side expects ROLE=POLICY, got '%s'", spec); return -1; }
  char role[128];
  snprintf(role, sizeof role, "%.*s", (int)(eq - spec), spec);
  const fl_Def *d = fl_script_def(sc);
  int side = fl_def_side(d, role);
  if (side < 0) {
    const char *c[64];
    int n = 0;
    for (; n < d->nside && n < 64; n++) c[n] = d->sides[n].id;
    const char *s = fl_str_suggest(role, c, n);
    cli_usage_error(cmd, "unknown side '%s'%s%s%s", role, s ? "; did you mean '" : "", s ? s : "", s ? "'?" : "");
    return -1;
  }
  char err[1024];
  if (fl_script_set_policy(sc, side, eq + 1, err, sizeof err)) { fprintf(stderr, "flank %s: %s\n", cmd, err); return -1; }
  return 0;
}

int cli_policy_all(const char *cmd, fl_Script *sc, const char *policy) {
  const fl_Def *d = fl_script_def(sc);
  char err[1024];
  int found = 0;
  for (int i = 0; i < d->nside; i++) {
    if (fl_script_set_policy(sc, i, policy, err, sizeof err) == 0) { found++; continue; }
    /* a scenario policy need not exist for every side: the others keep their default */
    if (strstr(err, "unknown policy") && !strstr(policy, ".lua")) continue;
    fprintf(stderr, "flank %s: %s\n", cmd, err);
    return -1;
  }
  if (!found) {
    const char *names[64], *s;
    int n = fl_script_policy_names(sc, names, 64);
    s = fl_str_suggest(policy, names, n);
    fprintf(stderr, "flank %s: no side of '%s' has a policy '%s'%s%s%s; its policies:", cmd, d->id, policy,
            s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
    for (int i = 0; i < n; i++) fprintf(stderr, "%s %s", i ? "," : "", names[i]);
    fprintf(stderr, " (and random, first)\n");
    return -1;
  }
  return 0;
}

int cli_check_overlay(const char *cmd, const fl_Def *d, const char *id) {
  if (!id) return 0;
  const char *c[64];
  int n = 0;
  for (; n < d->noverlay && n < 64; n++) {
    c[n] = d->overlays[n].id;
    if (!strcmp(c[n], id)) return 0;
  }
  const char *s = fl_str_suggest(id, c, n);
  cli_usage_error(cmd, "scenario '%s' has no overlay '%s'%s%s%s", d->id, id, s ? "; did you mean '" : "",
                  s ? s : "", s ? "'?" : "");
  return -1;
}

int cli_text_width(const char *s) {
  int n = 0;
  for (; *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80; /* characters, not bytes */
  return n;
}

int cli_utf8_len(const char *s) {
  const unsigned char *p = (const unsigned char *)s;
  if (p[0] < 0x80) return 1;
  int n = p[0] >= 0xC2 && p[0] <= 0xDF ? 2 : p[0] >= 0xE0 && p[0] <= 0xEF ? 3 : p[0] >= 0xF0 && p[0] <= 0xF4 ? 4 : 0;
  for (int i = 1; i < n; i++)
    if ((p[i] & 0xC0) != 0x80) return 0;
  if (n == 3 && ((p[0] == 0xE0 && p[1] < 0xA0) || (p[0] == 0xED && p[1] >= 0xA0))) return 0; /* overlong, surrogate */
  if (n == 4 && ((p[0] == 0xF0 && p[1] < 0x90) || (p[0] == 0xF4 && p[1] >= 0x90))) return 0; /* overlong, > U+10FFFF */
  return n;
}

void cli_json_str(FILE *f, const char *s) {
  fputc('"', f);
  for (const char *p = s ? s : ""; *p;) {
    unsigned char c = (unsigned char)*p;
    int l = cli_utf8_len(p);
    if (!l) { fputs("\\ufffd", f); p++; continue; } /* a byte that is not UTF-8: JSON must be */
    if (l > 1) { fwrite(p, 1, (size_t)l, f); p += l; continue; }
    switch (c) {
    case '"': fputs("\\\"", f); break;
    case '\\': fputs("\\\\", f); break;
    case '\n': fputs("\\n", f); break;
    case '\r': fputs("\\r", f); break;
    case '\t': fputs("\\t", f); break;
    default:
      if (c < 0x20 || c == 0x7f) fprintf(f, "\\u%04x", c);
      else fputc(c, f);
    }
    p++;
  }
  fputc('"', f);
}

void cli_json_num(FILE *f, double v) {
  char buf[40];
  if (!isfinite(v)) { fputs("null", f); return; }
  fl_res_num(v, buf, sizeof buf); /* the batch CSV's form: a game matches its row */
  fputs(buf, f);
}

FILE *cli_open_out(const char *cmd, const char *path) {
  if (!strcmp(path, "-")) return stdout;
  FILE *f = fopen(path, "w");
  if (!f) fprintf(stderr, "flank %s: cannot write %s: %s\n", cmd, path, strerror(errno));
  return f;
}

int cli_close_out(const char *cmd, FILE *f, const char *path) {
  if (f == stdout) {
    if (fflush(f) == 0 && !ferror(f)) return 0;
    fprintf(stderr, "flank %s: error writing to standard output\n", cmd);
    return -1;
  }
  int bad = ferror(f);
  if (fclose(f) || bad) { fprintf(stderr, "flank %s: error writing %s\n", cmd, path); return -1; }
  return 0;
}

void cli_i18n_report(void) {
  if (getenv("FLANK_I18N_CHECK")) fprintf(stderr, "i18n: %s, %d words without a translation\n", fl_i18n_lang(), fl_i18n_misses());
}

int cli_turns_played(fl_Script *sc) {
  fl_Game *g = fl_script_game(sc);
  int t = fl_game_state(g)->turn;
  /* a game stopped early waits at the start of the next turn: that one was not played */
  return fl_game_status(g) == FL_GAME_WAITING && t > 0 ? t - 1 : t;
}

char *cli_read_input(const char *path, size_t *len) {
  if (strcmp(path, "-")) return fl_str_read_file(path, len);
  size_t cap = 65536, n = 0;
  char *buf = malloc(cap);
  while (buf) {
    size_t got = fread(buf + n, 1, cap - n - 1, stdin);
    n += got;
    if (got == 0) break;
    if (n + 1 == cap) {
      char *nb = realloc(buf, cap * 2);
      if (!nb) { free(buf); buf = NULL; errno = ENOMEM; break; }
      buf = nb;
      cap *= 2;
    }
  }
  if (buf && ferror(stdin)) { free(buf); buf = NULL; errno = EIO; }
  if (buf) { buf[n] = '\0'; *len = n; }
  return buf;
}

void cli_game_json(FILE *f, fl_Script *sc, uint64_t seed) {
  const fl_Def *d = fl_script_def(sc);
  fl_Game *g = fl_script_game(sc);
  const fl_State *s = fl_game_state(g);
  char date[16];
  fputs("{\"scenario\":", f); cli_json_str(f, d->id);
  fputs(",\"version\":", f); cli_json_str(f, d->version);
  fprintf(f, ",\"seed\":%llu,\"turns\":%d", (unsigned long long)seed, cli_turns_played(sc));
  fl_date_format(s->date, date, sizeof date);
  fputs(",\"date\":", f); cli_json_str(f, date);
  fputs(",\"status\":", f);
  cli_json_str(f, fl_game_status(g) == FL_GAME_ENDED ? "ended" : fl_game_status(g) == FL_GAME_ERROR ? "error" : "unfinished");
  fputs(",\"ending\":", f);
  if (s->ending >= 0) {
    fputs("{\"id\":", f); cli_json_str(f, d->endings[s->ending].id);
    fputs(",\"title\":", f); cli_json_str(f, d->endings[s->ending].title);
    const char *text = d->endings[s->ending].text;
    for (int i = s->nlog - 1; i >= 0; i--)
      if (s->log[i].kind == FL_LOG_ENDING) { text = s->log[i].text; break; }
    fputs(",\"text\":", f); cli_json_str(f, text);
    fputc('}', f);
  } else fputs("null", f);
  fputs(",\"policies\":{", f);
  for (int i = 0; i < d->nside; i++) {
    if (i) fputc(',', f);
    cli_json_str(f, d->sides[i].id); fputc(':', f); cli_json_str(f, fl_script_policy(sc, i));
  }
  fputs("},\"tracks\":{", f);
  for (int i = 0; i < d->ntrack; i++) {
    if (i) fputc(',', f);
    cli_json_str(f, d->tracks[i].id); fputc(':', f); cli_json_num(f, s->tracks[i].value);
  }
  fputs("},\"decisions\":[", f);
  int first = 1;
  for (int i = 0; i < s->nlog; i++) {
    const fl_LogEntry *e = &s->log[i];
    if (e->kind != FL_LOG_ACTION) continue;
    fl_date_format(e->date, date, sizeof date);
    fprintf(f, "%s{\"turn\":%d,\"date\":\"%s\",\"side\":", first ? "" : ",", e->turn, date);
    cli_json_str(f, e->c >= 0 ? d->sides[e->c].id : "");
    fputs(",\"decision\":", f); cli_json_str(f, d->cards[e->a].id);
    fputs(",\"option\":", f); cli_json_str(f, d->cards[e->a].options[e->b].id);
    if (e->ntg) { /* as flank test's g.decisions: area ids, piece ids; a move also piece, to, from */
      const fl_OptionDef *o = &d->cards[e->a].options[e->b];
      int na = fl_map_area_count(d->map);
      fputs(",\"targets\":[", f);
      for (int k = 0; k < e->ntg; k++) {
        int area = o->target == FL_TGT_AREA || (o->target == FL_TGT_MOVE && k > 0);
        if (k) fputc(',', f);
        if (area && e->tg[k] >= 0 && e->tg[k] < na) cli_json_str(f, fl_map_area(d->map, e->tg[k])->id);
        else fprintf(f, "%d", (int)e->tg[k]);
      }
      fputc(']', f);
      if (o->target == FL_TGT_MOVE && e->ntg >= 3 && e->tg[1] >= 0 && e->tg[1] < na && e->tg[2] >= 0 && e->tg[2] < na) {
        fprintf(f, ",\"piece\":%d,\"to\":", (int)e->tg[0]);
        cli_json_str(f, fl_map_area(d->map, e->tg[1])->id);
        fputs(",\"from\":", f);
        cli_json_str(f, fl_map_area(d->map, e->tg[2])->id);
      }
    }
    fputc('}', f);
    first = 0;
  }
  fputs("],\"events\":[", f);
  first = 1;
  for (int i = 0; i < s->nlog; i++) {
    const fl_LogEntry *e = &s->log[i];
    if (e->kind != FL_LOG_EVENT) continue;
    fl_date_format(e->date, date, sizeof date);
    fprintf(f, "%s{\"turn\":%d,\"date\":\"%s\",\"id\":", first ? "" : ",", e->turn, date);
    cli_json_str(f, d->events[e->a].id);
    fputs(",\"text\":", f); cli_json_str(f, e->text);
    fputc('}', f);
    first = 0;
  }
  fputs("],\"log\":[", f);
  first = 1;
  for (int i = 0; i < s->nlog; i++) {
    const fl_LogEntry *e = &s->log[i];
    if (e->kind != FL_LOG_MESSAGE) continue;
    fprintf(f, "%s{\"turn\":%d,\"text\":", first ? "" : ",", e->turn);
    cli_json_str(f, e->text);
    fputc('}', f);
    first = 0;
  }
  fprintf(f, "],\"draws\":%u,\"hash\":\"%016llx\"", s->draws, (unsigned long long)fl_state_hash(s));
  if (fl_game_status(g) == FL_GAME_ERROR) { fputs(",\"error\":", f); cli_json_str(f, fl_game_error(g)); }
  fputs("}\n", f);
}

int cli_write_replay(const char *path, fl_Script *sc, uint64_t seed, const char *where, const char *lang) {
  return cli_write_replay_as(path, sc, seed, where, lang, 0);
}

void cli_replay_text(fl_Buf *b, fl_Script *sc, uint64_t seed, const char *where, const char *lang, fl_Sides humans) {
  const fl_Def *d = fl_script_def(sc);
  const char *pol[64];
  for (int i = 0; i < d->nside && i < 64; i++) pol[i] = humans & FL_SIDE_BIT(i) ? NULL : fl_script_policy(sc, i);
  char from[PATH_MAX];
  /* a scenario given as a folder: record where, so the replay finds it from anywhere */
  int has_from = where && strcmp(where, d->id) && realpath(fl_script_dir(sc), from) && !strchr(from, '\n') && strlen(from) < 1000;
  fl_replay_write(b, d, fl_game_state(fl_script_game(sc)), seed, pol, has_from ? from : NULL, lang);
}

int cli_write_replay_as(const char *path, fl_Script *sc, uint64_t seed, const char *where, const char *lang, fl_Sides humans) {
  fl_Buf b = {0};
  cli_replay_text(&b, sc, seed, where, lang, humans);
  char err[1024];
  int rc;
  if (b.oom) rc = -1;
  else if (!strcmp(path, "-")) rc = fwrite(b.data, 1, b.len, stdout) != b.len || fflush(stdout) ? -1 : 0;
  else rc = fl_save_write_atomic(path, b.data, b.len, err, sizeof err);
  if (rc) fprintf(stderr, "flank%s%s: %s\n", cli_command ? " " : "", cli_command ? cli_command : "", b.oom ? "out of memory" : !strcmp(path, "-") ? "error writing to standard output" : err);
  fl_buf_free(&b);
  return rc;
}

const Cmd *cli_find(const char *name) {
  for (const Cmd *c = CLI_COMMANDS; c->name; c++)
    if (!strcmp(c->name, name)) return c;
  return NULL;
}
