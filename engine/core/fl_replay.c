#include "fl_replay.h"
#include "fl_str.h"
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


void fl_replay_free(fl_Replay *r) {
  for (int i = 0; i < r->nactions; i++) free(r->actions[i].targets);
  free(r->actions);
  free(r->hashes);
  free(r->params);
  memset(r, 0, sizeof *r);
}

/* Copy the next space-separated word of *s into out (bounded); 0 if none or too long. */
static int word(const char **s, char *out, size_t n) {
  while (**s == ' ') (*s)++;
  size_t k = 0;
  while ((*s)[k] && (*s)[k] != ' ') k++;
  if (!k || k >= n) return 0;
  memcpy(out, *s, k);
  out[k] = '\0';
  *s += k;
  return 1;
}

static int number(const char **s, uint64_t *out, int hex) {
  char w[32], *end;
  if (!word(s, w, sizeof w) || w[0] == '-' || w[0] == '+') return 0;
  *out = strtoull(w, &end, hex ? 16 : 10);
  return *end == '\0';
}

/* A language code as --lang takes it: a-z and _, at most 15. */
static int is_lang(const char *s) {
  size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz_");
  return n > 0 && n < 16 && !s[n];
}

int fl_replay_parse(fl_Replay *r, const char *text, size_t len, const char *name, char *err, size_t errn) {
  memset(r, 0, sizeof *r);
  if (memchr(text, '\0', len)) return fl_str_errorf(err, errn, name, 1, "not a Flank replay (binary data)");
  int lineno = 0, have_seed = 0, have_content = 0, capa = 0, caph = 0;
  const char *p = text, *stop = text + len;
  char line[4096];
  int format = 1;
  while (p < stop) {
    const char *nl = memchr(p, '\n', (size_t)(stop - p));
    size_t ll = nl ? (size_t)(nl - p) : (size_t)(stop - p);
    lineno++;
    if (ll >= sizeof line) { fl_replay_free(r); return fl_str_errorf(err, errn, name, lineno, "line too long"); }
    memcpy(line, p, ll);
    line[ll] = '\0';
    if (ll && line[ll - 1] == '\r') line[ll - 1] = '\0';
    p = nl ? nl + 1 : stop;
    if (lineno == 1) {
      if (!strcmp(line, "flank-replay 2")) format = 2;
      else if (strcmp(line, "flank-replay 1") != 0) {
        fl_replay_free(r);
        return fl_str_errorf(err, errn, name, 1, "not a Flank replay (expected 'flank-replay 2'%s)",
                    strncmp(line, "flank-replay ", 13) ? "" : "; made by a newer version of Flank");
      }
      continue;
    }
    if (!line[0] || line[0] == '#') continue;
    if (r->complete) { fl_replay_free(r); return fl_str_errorf(err, errn, name, lineno, "a line after 'end'"); }
    const char *s = line;
    char kw[16], a[64], b[64];
    uint64_t n1 = 0, n2 = 0;
    int ok = word(&s, kw, sizeof kw);
    if (ok && !strcmp(kw, "scenario")) ok = word(&s, r->id, sizeof r->id) && fl_str_is_id(r->id);
    else if (ok && !strcmp(kw, "version")) ok = word(&s, r->version, sizeof r->version);
    else if (ok && !strcmp(kw, "ending")) ok = word(&s, r->ending, sizeof r->ending);
    else if (ok && !strcmp(kw, "lang")) ok = word(&s, r->lang, sizeof r->lang) && is_lang(r->lang);
    else if (ok && !strcmp(kw, "policy")) { /* who played: kept for forks, never required */
      if (r->npolicies < 16 && word(&s, r->policy_side[r->npolicies], sizeof r->policy_side[0]) &&
          word(&s, r->policy_name[r->npolicies], sizeof r->policy_name[0]))
        r->npolicies++;
      s += strlen(s);
    }
    else if (ok && !strcmp(kw, "from")) { /* the rest of the line: a path may hold spaces */
      s += strspn(s, " ");
      ok = *s && strlen(s) < sizeof r->from;
      if (ok) snprintf(r->from, sizeof r->from, "%s", s);
      s += strlen(s);
    }
    else if (ok && !strcmp(kw, "content")) ok = have_content = number(&s, &r->content, 1);
    else if (ok && !strcmp(kw, "seed")) ok = have_seed = number(&s, &r->seed, 0);
    else if (ok && !strcmp(kw, "action")) {
      ok = number(&s, &n1, 0) && n1 >= 1 && n1 <= 10000000 && word(&s, a, sizeof a) && word(&s, b, sizeof b);
      if (ok) {
        if (r->nactions == capa) {
          capa = capa ? capa * 2 : 64;
          fl_ReplayAction *na = realloc(r->actions, (size_t)capa * sizeof *na);
          if (!na) { fl_replay_free(r); return fl_str_errorf(err, errn, name, lineno, "out of memory"); }
          r->actions = na;
        }
        fl_ReplayAction *act = &r->actions[r->nactions++];
        act->turn = (int)n1;
        act->line = lineno;
        act->targets = NULL;
        snprintf(act->card, sizeof act->card, "%s", a);
        snprintf(act->option, sizeof act->option, "%s", b);
        while (*s == ' ') s++;
        if (*s && format >= 2) { /* targets: checked against the scenario when replayed */
          if (!(act->targets = fl_str_dup(s))) { fl_replay_free(r); return fl_str_errorf(err, errn, name, lineno, "out of memory"); }
          s += strlen(s);
        }
      }
    } else if (ok && !strcmp(kw, "end")) {
      r->complete = 1;
    } else if (ok && !strcmp(kw, "param")) {
      char v[64], *end;
      ok = word(&s, a, sizeof a) && fl_str_is_id(a) && word(&s, v, sizeof v);
      double val = ok ? strtod(v, &end) : 0;
      ok = ok && *end == '\0' && isfinite(val) && fl_replay_param(r, a) < 0;
      if (ok) {
        fl_ReplayParam *np = realloc(r->params, (size_t)(r->nparams + 1) * sizeof *np);
        if (!np) { fl_replay_free(r); return fl_str_errorf(err, errn, name, lineno, "out of memory"); }
        r->params = np;
        np[r->nparams] = (fl_ReplayParam){"", val, lineno};
        snprintf(np[r->nparams++].id, sizeof np->id, "%s", a);
      }
    } else if (ok && !strcmp(kw, "hash")) {
      ok = number(&s, &n1, 0) && n1 >= 1 && n1 <= 10000000 && number(&s, &n2, 1);
      if (ok) {
        if (r->nhashes == caph) {
          caph = caph ? caph * 2 : 64;
          fl_ReplayHash *nh = realloc(r->hashes, (size_t)caph * sizeof *nh);
          if (!nh) { fl_replay_free(r); return fl_str_errorf(err, errn, name, lineno, "out of memory"); }
          r->hashes = nh;
        }
        r->hashes[r->nhashes++] = (fl_ReplayHash){(int)n1, lineno, n2};
      }
    } else ok = 0;
    while (ok && *s == ' ') s++;
    if (!ok || *s) {
      fl_replay_free(r);
      return fl_str_errorf(err, errn, name, lineno, "cannot read this line: '%.60s'", line);
    }
  }
  if (lineno == 0) return fl_str_errorf(err, errn, name, 1, "empty file, not a Flank replay");
  r->format = format;
  if (!r->id[0] || !have_seed || !have_content) {
    fl_replay_free(r);
    return fl_str_errorf(err, errn, name, lineno, "incomplete replay (needs scenario, content and seed lines)");
  }
  return 0;
}

int fl_replay_param(const fl_Replay *r, const char *id) {
  for (int i = 0; i < r->nparams; i++)
    if (!strcmp(r->params[i].id, id)) return i;
  return -1;
}

int fl_replay_choice(const fl_Def *d, const fl_ReplayAction *a, int opt, fl_Choice *ch, char *err, size_t errn) {
  ch->opt = opt;
  ch->ntg = 0;
  const char *s = a->targets ? a->targets : "";
  char w[80];
  while (word(&s, w, sizeof w)) {
    if (ch->ntg >= FL_MAX_TARGETS) { snprintf(err, errn, "more than %d targets", FL_MAX_TARGETS); return -1; }
    if (!strncmp(w, "area:", 5)) {
      int ar = fl_map_find_area(d->map, w + 5);
      if (ar < 0) { snprintf(err, errn, "target '%s': no such area in this scenario", w); return -1; }
      ch->tg[ch->ntg++] = ar;
    } else if (!strncmp(w, "piece:", 6)) {
      char *end;
      long v = strtol(w + 6, &end, 10);
      if (*end || end == w + 6 || v < 1 || v > INT32_MAX) { snprintf(err, errn, "target '%s': not a piece id", w); return -1; }
      ch->tg[ch->ntg++] = (int32_t)v;
    } else {
      snprintf(err, errn, "target '%s': expected area:ID or piece:N", w);
      return -1;
    }
  }
  while (*s == ' ') s++;
  if (*s) { snprintf(err, errn, "target '%.40s' is too long", s); return -1; }
  return 0;
}

static void put(fl_Buf *b, const char *fmt, ...) {
  char line[4096];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  if (n > 0) fl_buf_bytes(b, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
}

void fl_replay_write(fl_Buf *b, const fl_Def *d, const fl_State *s, uint64_t seed, const char *const *policies,
                     const char *from, const char *lang) {
  put(b, "flank-replay 2\nscenario %s\nversion %s\ncontent %016" PRIx64 "\nseed %" PRIu64 "\n", d->id, d->version,
      d->content_hash, seed);
  /* English is the default and not written: an English log stays what it always was */
  if (lang && *lang && strcmp(lang, "en") && is_lang(lang)) put(b, "lang %s\n", lang);
  /* policies by id only: a file's path is not written (a replay is data; whoever reads it
   * must never be led to load a file it names) */
  for (int i = 0; i < d->nside; i++)
    put(b, "policy %s %s\n", d->sides[i].id, !policies || !policies[i] ? "human" : fl_str_is_id(policies[i]) ? policies[i] : "file");
  for (int i = 0; i < d->nparam && i < s->nparam; i++) { /* the shortest text that reads back exactly */
    char v[40];
    for (int p = 15; p <= 17; p++) {
      snprintf(v, sizeof v, "%.*g", p, s->params[i]);
      if (strtod(v, NULL) == s->params[i]) break;
    }
    put(b, "param %s %s\n", d->params[i].id, v);
  }
  int h = 0;
  for (int i = 0; i < s->nlog; i++) {
    const fl_LogEntry *e = &s->log[i];
    for (; h < s->nturnhash && h + 1 < e->turn; h++) put(b, "hash %d %016" PRIx64 "\n", h + 1, s->turn_hash[h]);
    if (e->kind != FL_LOG_ACTION) continue;
    const fl_OptionDef *o = &d->cards[e->a].options[e->b];
    char tg[3000] = "";
    size_t k = 0;
    int n = o->target == FL_TGT_MOVE && e->ntg > 2 ? 2 : e->ntg; /* a move's third is where it came from */
    for (int t = 0; t < n && k < sizeof tg - 80; t++) {
      int area = o->target == FL_TGT_AREA || (o->target == FL_TGT_MOVE && t == 1);
      if (area && e->tg[t] >= 0 && e->tg[t] < fl_map_area_count(d->map))
        k += (size_t)snprintf(tg + k, sizeof tg - k, " area:%s", fl_map_area(d->map, e->tg[t])->id);
      else k += (size_t)snprintf(tg + k, sizeof tg - k, " piece:%d", (int)e->tg[t]);
    }
    put(b, "action %d %s %s%s\n", e->turn, d->cards[e->a].id, o->id, tg);
  }
  for (; h < s->nturnhash; h++) put(b, "hash %d %016" PRIx64 "\n", h + 1, s->turn_hash[h]);
  if (s->ending >= 0) put(b, "ending %s\n", d->endings[s->ending].id);
  if (from && *from) put(b, "from %s\n", from);
  put(b, "end\n");
}
