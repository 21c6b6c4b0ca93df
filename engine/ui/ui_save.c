/* ui_save: "Save for my teacher" — the game's replay log (what flank replay and flank
 * class read) written to a folder the student chooses under a name the student types.
 * Two text fields (name, folder: the Documents folder when there is one, else home, shown
 * with ~ for the home folder and read so when typed). The field entered (on opening, Tab)
 * is selected whole, as Ctrl+A selects it: typing replaces it, Backspace clears it; Ctrl+V
 * pastes. An existing file is never replaced silently: the dialog says so and a second Enter
 * replaces it. The host writes through a temporary file and a rename, so a failed save
 * leaves an old file whole. FLANK_LAYOUT_CHECK reports the fields as they change. */
#include "ui_int.h"
#include "fl_i18n.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define PX(v) gfx_px(&u->g, (v))

/* FL_N: marked for translation, translated where drawn (ui_btn does it itself) */
static const char *const T_TITLE = FL_N("Save for my teacher"), *const T_NAME = FL_N("Your name (the file's name)"), *const T_DIR = FL_N("Folder"),
  *const T_SAVE = FL_N("Save"), *const T_REPLACE = FL_N("Replace it"), *const T_CANCEL = FL_N("Cancel"),
  *const T_EXISTS = FL_N("A file with this name is already there. Enter replaces it; or change the name."),
  *const T_HELP = FL_N("Your teacher collects these files and reads them with flank class."),
  /* TRANSLATORS: Tab is the key */
  *const T_NEXT = FL_N("Tab: next field"), *const T_NEED_NAME = FL_N("Type your name first."),
  /* TRANSLATORS: the start of the file name the dialog suggests ("my game - tutorial.log") */
  *const T_DEFAULT_NAME = FL_N("my game");

static int is_dir(const char *p) {
  struct stat st;
  return *p && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* A folder as typed ("~/Documents") as the system reads it ("/home/anna/Documents"). */
static void expand(const char *dir, char *buf, size_t n) {
  const char *home = getenv("HOME");
  if (home && *home && dir[0] == '~' && (dir[1] == '/' || !dir[1])) snprintf(buf, n, "%s%s", home, dir + 1);
  else snprintf(buf, n, "%s", dir);
}

/* A path as the student reads it: the home folder as ~. */
static void shorten(const char *path, char *buf, size_t n) {
  const char *home = getenv("HOME");
  size_t hl = home ? strlen(home) : 0;
  while (hl > 1 && home[hl - 1] == '/') hl--;
  if (hl > 1 && !strncmp(path, home, hl) && (path[hl] == '/' || !path[hl])) snprintf(buf, n, "~%s", path + hl);
  else snprintf(buf, n, "%s", path);
}

/* Where a student keeps documents: the desktop's Documents folder (XDG_DOCUMENTS_DIR in
 * user-dirs.dirs, "Dokumenty" in a Polish desktop), else ~/Documents, else the home folder;
 * as the field shows it ("~/Documents"). */
static void default_dir(char *buf, size_t n) {
  const char *home = getenv("HOME"), *cfg = getenv("XDG_CONFIG_HOME");
  if (!home || !*home) { snprintf(buf, n, "."); return; }
  char file[1200], docs[1200] = "", line[1200];
  if (cfg && *cfg) snprintf(file, sizeof file, "%s/user-dirs.dirs", cfg);
  else snprintf(file, sizeof file, "%s/.config/user-dirs.dirs", home);
  FILE *f = fopen(file, "r");
  while (f && fgets(line, sizeof line, f)) { /* XDG_DOCUMENTS_DIR="$HOME/Documents" */
    const char *v = line + strspn(line, " \t");
    if (strncmp(v, "XDG_DOCUMENTS_DIR=\"", 19)) continue;
    v += 19;
    char *end = strchr(v, '"');
    if (end) *end = '\0';
    if (!strncmp(v, "$HOME", 5)) snprintf(docs, sizeof docs, "%s%s", home, v + 5);
    else if (*v == '/') snprintf(docs, sizeof docs, "%s", v);
  }
  if (f) fclose(f);
  char mine[1200];
  snprintf(mine, sizeof mine, "%s/Documents", home);
  const char *dir = is_dir(docs) && strcmp(docs, home) ? docs : is_dir(mine) ? mine : home;
  shorten(dir, buf, n);
}

/* The file the dialog would write: folder/name, with ".log" unless the name has an extension
 * (full: ~ read as the home folder). */
static void save_path(const fl_Ui *u, int full, char *buf, size_t n) {
  const char *name = u->t.save_name, *dot = strrchr(name, '.');
  char dir[1100];
  if (full) expand(u->t.save_dir, dir, sizeof dir);
  else snprintf(dir, sizeof dir, "%s", u->t.save_dir);
  size_t dl = strlen(dir);
  snprintf(buf, n, "%s%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/", name, dot && dot != name ? "" : ".log");
}

static void open_dialog(fl_Ui *u) {
  u->t.save_open = 1;
  u->t.save_field = 0;
  u->t.save_replace = 0;
  u->t.save_ok = 0;
  u->t.save_msg[0] = 0;
  u->t.save_sel = 1; /* the name suggested, selected: typing replaces it */
  if (!u->t.save_dir[0]) default_dir(u->t.save_dir, sizeof u->t.save_dir);
  if (!u->t.save_name[0] && u->def) snprintf(u->t.save_name, sizeof u->t.save_name, "%s - %s", fl_tr(T_DEFAULT_NAME), u->def->id);
  SDL_StartTextInput();
}

static void close_dialog(fl_Ui *u) {
  u->t.save_open = 0;
  SDL_StopTextInput();
}

static void do_save(fl_Ui *u) {
  if (!u->host->save_log) return;
  if (!u->t.save_name[0]) { snprintf(u->t.save_msg, sizeof u->t.save_msg, "%s", fl_tr(T_NEED_NAME)); return; }
  char path[1400];
  save_path(u, 1, path, sizeof path);
  int rc = u->host->save_log(u->host->ud, path, u->t.save_replace, u->t.save_msg, sizeof u->t.save_msg);
  if (rc == 1) { u->t.save_replace = 1; snprintf(u->t.save_msg, sizeof u->t.save_msg, "%s", fl_tr(T_EXISTS)); return; }
  if (rc == 0) { /* "Saved for your teacher: ~/Documents/anna.log": the path as the dialog showed it */
    char shown[1400], *at = strstr(u->t.save_msg, path);
    shorten(path, shown, sizeof shown);
    if (at) snprintf(u->toast, sizeof u->toast, "%.*s%s%s", (int)(at - u->t.save_msg), u->t.save_msg, shown, at + strlen(path));
    else snprintf(u->toast, sizeof u->toast, "%s", u->t.save_msg);
    u->toast_until = SDL_GetTicks() + 4000;
    if (u->opts.bench) { printf("saved_log %s\n", path); fflush(stdout); }
    close_dialog(u);
  }
  u->t.save_ok = rc == 0;
}

void ui_save_press(fl_Ui *u, int id, int arg) {
  if (id == BTN_TEACHER) { open_dialog(u); u->t.save_eat = arg; }
  else if (id == BTN_SAVE_FIELD) { u->t.save_field = arg; u->t.save_sel = 0; }
  else if (id == BTN_SAVE_OK) do_save(u);
  else if (id == BTN_SAVE_CANCEL) close_dialog(u);
}

static void edited(fl_Ui *u) {
  u->t.save_sel = 0;
  u->t.save_replace = 0;
  u->t.save_msg[0] = 0;
}

void ui_save_text(fl_Ui *u, const char *text) {
  if (!u->t.save_open) return;
  if (u->t.save_eat) { /* the S that opened the dialog arrives as text too: it is not the name */
    u->t.save_eat = 0;
    if (!strcmp(text, "s") || !strcmp(text, "S")) return;
  }
  char *f = u->t.save_field ? u->t.save_dir : u->t.save_name;
  size_t cap = u->t.save_field ? sizeof u->t.save_dir : sizeof u->t.save_name;
  for (const char *p = text; *p; p++)
    if ((!u->t.save_field && *p == '/') || *p == '\n' || *p == '\r') return; /* a name, not a path: the folder is the other field */
  if (u->t.save_sel) f[0] = 0; /* typing over the selection replaces it */
  size_t len = strlen(f);
  if (len + strlen(text) < cap) memcpy(f + len, text, strlen(text) + 1);
  edited(u);
}

int ui_save_key(fl_Ui *u, SDL_Keycode c, int ctrl) {
  if (!u->t.save_open) return 0;
  u->t.save_eat = 0;
  char *f = u->t.save_field ? u->t.save_dir : u->t.save_name;
  if (c == SDLK_ESCAPE) close_dialog(u);
  else if (ctrl && c == SDLK_a) u->t.save_sel = 1; /* select all, as everywhere */
  else if (ctrl && c == SDLK_v) { /* paste: its first line */
    char *clip = SDL_HasClipboardText() ? SDL_GetClipboardText() : NULL;
    if (clip) {
      clip[strcspn(clip, "\r\n")] = 0;
      if (*clip) ui_save_text(u, clip);
      SDL_free(clip);
    }
  } else if (c == SDLK_TAB) { u->t.save_field = !u->t.save_field; u->t.save_sel = 1; }
  else if (c == SDLK_RETURN || c == SDLK_KP_ENTER) do_save(u);
  else if (c == SDLK_BACKSPACE || c == SDLK_DELETE) {
    size_t len = strlen(f);
    if (u->t.save_sel) len = 0;
    else if (c == SDLK_DELETE) return 1; /* the caret is at the end: nothing after it */
    while (len > 0 && ((unsigned char)f[len - 1] & 0xC0) == 0x80) len--; /* a whole UTF-8 character */
    if (len > 0 && !u->t.save_sel) len--;
    f[len] = 0;
    edited(u);
  } else if (c == SDLK_LEFT || c == SDLK_RIGHT || c == SDLK_HOME || c == SDLK_END) u->t.save_sel = 0; /* the caret at the end */
  return 1; /* the dialog takes every key while it is open */
}

static int field(fl_Ui *u, int x, int y, int w, const char *label, const char *value, int idx) {
  gfx_Ctx *g = &u->g;
  gfx_draw_text(g, FONT_SMALL, fl_tr(label), x, y, COL_MUTED, 0);
  y += gfx_font_h(g, FONT_SMALL) + PX(4);
  SDL_Rect r = {x, y, w, gfx_font_h(g, FONT_BODY) + PX(14)};
  int on = u->t.save_field == idx;
  gfx_round(g, r, PX(5), (SDL_Color){16, 19, 24, 255});
  gfx_round_frame(g, r, PX(5), on ? COL_ACCENT : COL_LINE, on ? 2 : 1);
  char fit[1200];
  /* keep the end in view: that is where the student types */
  const char *v = value;
  while (*v && gfx_text_w(g, FONT_BODY, v) > w - PX(28)) v++;
  while (((unsigned char)*v & 0xC0) == 0x80) v++;
  snprintf(fit, sizeof fit, "%s", v);
  int sel = on && u->t.save_sel && *fit, tw = *fit ? gfx_text_w(g, FONT_BODY, fit) : 0;
  if (sel) gfx_fill(g, (SDL_Rect){r.x + PX(8), r.y + PX(5), tw + PX(4), r.h - PX(10)}, gfx_alpha(COL_ACCENT, 110)); /* all selected */
  if (*fit) gfx_draw_text(g, FONT_BODY, fit, r.x + PX(10), r.y + PX(7), COL_TEXT, 0);
  if (on) gfx_fill(g, (SDL_Rect){r.x + PX(11) + tw, r.y + PX(6), PX(2), r.h - PX(12)}, COL_ACCENT);
  ui_button(u, r, BTN_SAVE_FIELD, idx);
  return r.y + r.h + PX(12);
}

void ui_save_draw(fl_Ui *u) {
  if (!u->t.save_open) return;
  gfx_Ctx *g = &u->g;
  int pad = PX(24), w = PX(620);
  if (w > u->W - PX(40)) w = u->W - PX(40);
  int iw = w - 2 * pad;
  char path[1400], where[1500];
  save_path(u, 0, path, sizeof path);
  snprintf(where, sizeof where, "\xE2\x86\x92 %s", path);
  const gfx_Text *wt = gfx_text(g, FONT_SMALL, where, iw), *mt = u->t.save_msg[0] ? gfx_text(g, FONT_SMALL, u->t.save_msg, iw) : NULL;
  const char *help = fl_tr(T_HELP);
  const gfx_Text *ht = gfx_text(g, FONT_SMALL, help, iw);
  int fh = gfx_font_h(g, FONT_SMALL) + PX(4) + gfx_font_h(g, FONT_BODY) + PX(26);
  int h = 2 * pad + gfx_font_h(g, FONT_HEAD) + PX(8) + (ht ? ht->h : 0) + PX(14) + 2 * fh + (wt ? wt->h : 0) + PX(10) +
          (mt ? mt->h + PX(10) : 0) + gfx_font_h(g, FONT_BODY) + PX(20);
  gfx_fill(g, (SDL_Rect){0, 0, u->W, u->H}, (SDL_Color){0, 0, 0, 120});
  SDL_Rect r = {(u->W - w) / 2, (u->H - h) / 2, w, h};
  gfx_shadow(g, r, PX(10));
  gfx_round(g, r, PX(10), COL_CARD);
  gfx_round_frame(g, r, PX(10), COL_ACCENT, 1);
  int x = r.x + pad, y = r.y + pad;
  gfx_draw_text(g, FONT_HEAD, fl_tr(T_TITLE), x, y, COL_TEXT, 0);
  y += gfx_font_h(g, FONT_HEAD) + PX(8);
  y += gfx_draw_wrapped(g, FONT_SMALL, help, x, y, iw, COL_MUTED) + PX(14);
  y = field(u, x, y, iw, T_NAME, u->t.save_name, 0);
  y = field(u, x, y, iw, T_DIR, u->t.save_dir, 1);
  y += gfx_draw_wrapped(g, FONT_SMALL, where, x, y, iw, COL_ACCENT) + PX(10);
  if (mt) y += gfx_draw_wrapped(g, FONT_SMALL, u->t.save_msg, x, y, iw, u->t.save_replace ? (SDL_Color){230, 180, 90, 255} : COL_BAD) + PX(10);
  int bx = x;
  bx += ui_btn(u, bx, y, u->t.save_replace ? T_REPLACE : T_SAVE, "Enter", BTN_SAVE_OK, 0, BS_PRIMARY, 0).w + PX(10);
  ui_btn(u, bx, y, T_CANCEL, "Esc", BTN_SAVE_CANCEL, 0, BS_SECONDARY, 0);
  gfx_draw_text(g, FONT_SMALL, fl_tr(T_NEXT), r.x + r.w - pad, y + PX(8), COL_MUTED, 2);
  if (getenv("FLANK_LAYOUT_CHECK")) { /* tests: the fields as shown */
    static char was[1400];
    char now[1400];
    snprintf(now, sizeof now, "save: name '%s' folder '%s' field %d%s", u->t.save_name, u->t.save_dir, u->t.save_field, u->t.save_sel ? " selected" : "");
    if (strcmp(was, now)) { fprintf(stderr, "%s\n", now); snprintf(was, sizeof was, "%s", now); }
  }
}
