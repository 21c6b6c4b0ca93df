/* Internal to engine/ui: the window's context and the helpers its modules share.
 * Modules: ui_gfx (theme, fonts, text cache, shapes), ui_tri (polygon triangulation),
 * ui_map (projection, map layer, pieces, hit tests), ui_screens (what each screen
 * draws), ui_png (PNG encoder), fl_ui (event loop, input, offscreen rendering). */
#ifndef UI_INT_H
#define UI_INT_H
#include <SDL.h>
#include <stdint.h>
#include <stdio.h>

#define UI_POPUP_GUARD_MS 250u /* an event pop-up ignores keys this long after it opens */
#include <SDL_ttf.h>
#include "fl_ui.h"
#include "fl_map.h"
#include "fl_move.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

/* ---- ui_gfx ---------------------------------------------------------------- */
enum { FONT_SMALL, FONT_BODY, FONT_BOLD, FONT_HEAD, FONT_TITLE, FONT_HUGE, FONT_LABEL, FONT_LABEL_B, FONT_TINY_B, FONT_LABEL_I, FONT_N };

/* A rendered text: its white coverage (sf) and textures of it in the last colours it was
 * drawn in (a colour baked in blits ~5x faster than a colour-modulated one in SDL's software
 * renderer, where every frame redraws every text). Four: a number such as "0" is an axis
 * label, a value and each fork's value in one frame. */
enum { GFX_TEXT_COLS = 4 };
typedef struct gfx_Text {
  uint64_t key; char *s; int font, wrap; int w, h; unsigned used;
  SDL_Surface *sf; SDL_Texture *tex[GFX_TEXT_COLS]; SDL_Color col[GFX_TEXT_COLS]; unsigned tex_used[GFX_TEXT_COLS];
} gfx_Text;

typedef struct gfx_Ctx {
  SDL_Renderer *r;
  float s;                     /* output pixels per layout unit (HiDPI, window size) */
  TTF_Font *font[FONT_N];
  char regular[1024], bold[1024];
  gfx_Text *tab; int cap, n;   /* open-addressed cache of rendered texts */
  unsigned frame;
  unsigned texts_made; double text_ms; /* texts rendered (cache misses) and their time, for --bench */
  /* The window's budget for making texts (rendering and uploading them) in one frame, in ms
   * (0: none, as offscreen, where every text is made in one go). Past it, a new single-line
   * text is left for the next frame (its size still known: TTF_SizeUTF8 is exact and cheap)
   * and deferred counts it: the window then draws again at once. A wrapped text is always
   * made, as its size places what follows. */
  double budget_ms, frame_text_ms; unsigned deferred, texts_deferred;
  gfx_Text later;              /* what lookup hands back for a text left for the next frame */
  const fl_Def *cite_def;      /* citations [@id] in drawn text read as short references (fl_cite) */
  FILE *drawn;                 /* FLANK_I18N_DRAWN (tests): every text drawn, one per line, as shown */
} gfx_Ctx;

/* Theme colours (a dark map-table theme; sides' colours come from the scenario, see ui_side_color). */
extern const SDL_Color COL_BG, COL_PANEL, COL_CARD, COL_CARD_HI, COL_LINE, COL_TEXT, COL_MUTED, COL_ACCENT,
  COL_SEA, COL_SEA_LINE, COL_BACKDROP, COL_NEUTRAL, COL_GOOD, COL_BAD, COL_ERROR, COL_SHADOW,
  COL_WATER, COL_WATER_INK, COL_SHALLOW, COL_SHALLOW2, COL_COAST, COL_WATER_TEXT;
/* An opaque colour from 0xRRGGBB. */
SDL_Color gfx_rgb(uint32_t c);
SDL_Color gfx_mix(SDL_Color a, SDL_Color b, float t);
SDL_Color gfx_alpha(SDL_Color c, Uint8 a);

/* Find DejaVu Sans through fontconfig and open the fonts at scale s. 0 ok. */
int gfx_init(gfx_Ctx *g, SDL_Renderer *r, float s, char *err, size_t n);
void gfx_free(gfx_Ctx *g);
/* Reopen the fonts for a new scale (drops the text cache). */
int gfx_set_scale(gfx_Ctx *g, float s);
/* Layout units to pixels. */
static inline int gfx_px(const gfx_Ctx *g, float u) { return (int)(u * g->s + 0.5f); }
/* Start a frame: evicts text unused for a while when the cache is full. */
void gfx_begin_frame(gfx_Ctx *g);
/* A cached white texture of UTF-8 text (wrapped at wrap pixels if > 0); NULL on empty. */
const gfx_Text *gfx_text(gfx_Ctx *g, int font, const char *s, int wrap);
/* Draw text at x,y (top-left) in colour c; returns its width. align: 0 left, 1 centre, 2 right. */
int gfx_draw_text(gfx_Ctx *g, int font, const char *s, int x, int y, SDL_Color c, int align);
/* Draw wrapped text; returns the height used. */
int gfx_draw_wrapped(gfx_Ctx *g, int font, const char *s, int x, int y, int wrap, SDL_Color c);
/* Text with a dark outline, for labels on the map. */
void gfx_draw_halo(gfx_Ctx *g, int font, const char *s, int x, int y, SDL_Color c, SDL_Color halo, int align);
/* Size of text without drawing. */
int gfx_text_w(gfx_Ctx *g, int font, const char *s);
int gfx_font_h(gfx_Ctx *g, int font);
/* Copy s into out shortened with an ellipsis to fit maxw pixels. */
void gfx_fit(gfx_Ctx *g, int font, const char *s, int maxw, char *out, size_t n);

void gfx_fill(gfx_Ctx *g, SDL_Rect r, SDL_Color c);
void gfx_frame(gfx_Ctx *g, SDL_Rect r, SDL_Color c, int w);
void gfx_round(gfx_Ctx *g, SDL_Rect r, int rad, SDL_Color c);
void gfx_round_frame(gfx_Ctx *g, SDL_Rect r, int rad, SDL_Color c, int w);
void gfx_vgradient(gfx_Ctx *g, SDL_Rect r, SDL_Color top, SDL_Color bottom);
void gfx_line(gfx_Ctx *g, float x0, float y0, float x1, float y1, float w, SDL_Color c);
void gfx_disc(gfx_Ctx *g, float cx, float cy, float rad, SDL_Color c);
void gfx_circle(gfx_Ctx *g, float cx, float cy, float rad, float w, SDL_Color c);
void gfx_ellipse(gfx_Ctx *g, float cx, float cy, float rx, float ry, float w, SDL_Color c);
void gfx_triangle(gfx_Ctx *g, float x0, float y0, float x1, float y1, float x2, float y2, SDL_Color c);
/* A drop shadow under a card. */
void gfx_shadow(gfx_Ctx *g, SDL_Rect r, int rad);

/* ---- ui_tri ---------------------------------------------------------------- */
/* Triangulate one polygon by ear clipping. xy holds vertex positions (pairs); outer lists
 * the outer ring's vertex numbers (no), holes[k] the k-th hole's (nh[k]). Triangles are
 * appended to *out as vertex-number triples. Returns the triangle count, or -1 on OOM. */
int tri_polygon(const float *xy, const int *outer, int no, const int *const *holes, const int *nh,
                int nholes, int **out, int *nout, int *cap);

/* ---- ui_raster ------------------------------------------------------------- */
typedef struct ras_Img { Uint32 *px; int w, h, pitch; /* pitch in pixels */ } ras_Img;
void ras_fill_rect(ras_Img *im, int x, int y, int w, int h, SDL_Color c);
void ras_triangle(ras_Img *im, float x0, float y0, float x1, float y1, float x2, float y2, SDL_Color c);
void ras_line(ras_Img *im, float x0, float y0, float x1, float y1, SDL_Color c);
void ras_disc(ras_Img *im, float cx, float cy, float r, SDL_Color c);
/* A filled disc without anti-aliasing, one span a row (a cheap round join for wide lines). */
void ras_round(ras_Img *im, float cx, float cy, float r, SDL_Color c);
/* A line w pixels wide (a quad; joins are left to the caller). */
void ras_thick_line(ras_Img *im, float x0, float y0, float x1, float y1, float w, SDL_Color c);
/* A 1-pixel dashed line: on pixels drawn, off skipped; *phase carries the dash along a polyline. */
void ras_dashed_line(ras_Img *im, float x0, float y0, float x1, float y1, float on, float off, float *phase, SDL_Color c);
/* A repeating pattern: w x h coverage bytes of ink, anchored at (ox, oy) so it moves with the
 * map; every other row of tiles is shifted by half a tile. */
typedef struct ras_Pat { const Uint8 *a, *rows; /* rows[y]: row y has ink */ int w, h, ox, oy; SDL_Color ink; } ras_Pat;
/* Pattern tiles: sea zones' waves and terrain textures. ras_tile draws kind's mark at scale s
 * into a (at most maxw x maxh coverage bytes), marks in rows[] the rows with ink, and says
 * the tile's size. */
enum { RAS_TILE_WAVE, RAS_TILE_FOREST, RAS_TILE_MARSH, RAS_TILE_URBAN, RAS_TILE_HILLS, RAS_TILE_N };
void ras_tile(int kind, Uint8 *a, Uint8 *rows, int maxw, int maxh, float s, int *w, int *h);
/* A triangle filled with c and the pattern's ink over it. */
void ras_triangle_pat(ras_Img *im, float x0, float y0, float x1, float y1, float x2, float y2, SDL_Color c,
                      const ras_Pat *pat);
/* Alpha-blend an ARGB8888 surface at x, y. */
void ras_blit(ras_Img *im, const SDL_Surface *s, int x, int y);
/* Text in fg with a halo of d pixels baked in, as an ARGB8888 surface (caller frees). */
SDL_Surface *ras_halo_text(TTF_Font *f, const char *s, SDL_Color fg, SDL_Color halo, int d);

/* ---- ui_map ---------------------------------------------------------------- */
typedef struct map_Shape { int v0, nv; int t0, nt; int r0, nr; } map_Shape; /* vertices, triangles, rings */

/* What an edge of a ring separates (map_Geo.ek): drawn as a thin area border, a heavy
 * national border, a coastline, a dashed line between sea zones, or not at all (the same
 * edge of the neighbouring shape, the map's clipped edge). */
enum { EK_INNER, EK_NATION, EK_COAST, EK_WATER, EK_LAND_NATION, EK_HIDDEN };

typedef struct map_Geo {
  const fl_Map *m;
  double k;                    /* cos(mid-latitude): x = lon * k, y = -lat keeps shapes */
  double b[4];                 /* projected bounds: x0, y0, x1, y1 */
  float *xy; int nv;           /* projected vertices of every ring */
  int *tri; int ntri, captri;  /* triangle vertex triples */
  int *ring0, *ringn; int nring;
  map_Shape *area, *land;
  int narea, nland;
  unsigned char *ek;           /* per vertex: the kind of the edge to the next vertex of its ring */
  unsigned char *water;        /* per area: sea, lake, river or water terrain, drawn as water */
  int *nb;                     /* per vertex: the area across the edge to the next vertex (-1: none) */
} map_Geo;

/* Whether an area's terrain is water ("sea", "lake", "river", "water"). */
int map_is_water(const fl_MapArea *a);

int map_geo_build(map_Geo *mg, const fl_Map *m);
void map_geo_free(map_Geo *mg);

/* ---- the window's context (fl_ui.c, ui_screens.c) -------------------------- */
enum { SCR_TITLE, SCR_BRIEF, SCR_GAME, SCR_DEBRIEF };
enum { BTN_NONE, BTN_OPTION, BTN_CONFIRM, BTN_END_TURN, BTN_DEBRIEF, BTN_BACK, BTN_NEW, BTN_TITLE, BTN_SCENARIO,
       BTN_SIDE, BTN_SEAT, BTN_BEGIN, BTN_UNDO, BTN_SAVE, BTN_LOAD, BTN_HELP, BTN_ZOOM_IN, BTN_ZOOM_OUT, BTN_FIT,
       BTN_DISMISS, BTN_QUIT, BTN_RELOAD, BTN_LEGEND,
       /* teaching tools (ui_teach.c acts on them) */
       BTN_PARAM_DOWN, BTN_PARAM_UP, BTN_PARAM_RESET, BTN_TAB, BTN_DECISION, BTN_FORK, BTN_FORK_CLOSE,
       BTN_AMONG, BTN_AMONG_CANCEL, BTN_TEACHER, BTN_SAVE_FIELD, BTN_SAVE_OK, BTN_SAVE_CANCEL,
       BTN_PICK_AREA, BTN_PICK_PLAY, BTN_PICK_CANCEL, BTN_FIRST_TEACH = BTN_PARAM_DOWN };
enum { FOCUS_MAP, FOCUS_CARD, FOCUS_LOG, FOCUS_N };
/* BTN_QUIT's arg: the answers to "Quit without saving?" */
enum { UI_QUIT_STAY, UI_QUIT_NOW, UI_QUIT_SAVE };

typedef struct ui_Btn { SDL_Rect r; int id, arg; } ui_Btn;
/* A counter drawn this frame (a stack of one side's pieces of one type in an area), for hit tests. */
typedef struct ui_PBox { SDL_FRect r; int area, side, type; } ui_PBox;

/* ---- the debrief's background work (ui_teach.c) ------------------------------ */
enum { UI_MAXFORK = 5, UI_MAXPICK = 64, UI_MAXOPT = 32 };
/* A what-if fork: prepared on the UI thread, played on its own thread with its own script. */
typedef struct ui_Fork {
  int used;
  int turn, nth, by_policy; char card[64], option[64]; /* where it forks (nth: which time in the turn) and what it chooses */
  char targets[1024];         /* on which areas ("area:narva area:voru"), or "" */
  char label[256];
  const fl_UiHost *host; void *job; SDL_Thread *th; Uint32 wake_ev;
  SDL_atomic_t done;          /* the thread finished (rc, res, err are set) */
  int rc; fl_State *res; char err[512];
  double t0, ms, run_ms;      /* from the click to the result in the window; of it, the fork's thread */
} ui_Fork;

enum { AMONG_NONE, AMONG_RUNNING, AMONG_DONE, AMONG_CANCELLED, AMONG_FAILED };
typedef struct ui_Teach {
  Uint32 wake_ev;             /* SDL user event a worker pushes when it finishes */
  ui_Fork fork[UI_MAXFORK];
  int tab;                    /* debrief: 0 your game, 1 among many, 2 sources and questions */
  int leave_ask;              /* debrief: a new game (BTN_NEW) or the title (BTN_TITLE) asked once: the
                               * same again leaves, anything else stays (the debrief and its what-ifs go) */
  int dec_sel;                /* debrief: the chosen decision (log index), -1: none */
  int dec_scroll;             /* debrief: first decision shown */
  /* a what-if on other areas: the areas legal at that decision (the host replays the game to
   * it), picked or not; pick_li -1: no picker open */
  int pick_li, pick_opt, pick_n, pick_cur; int32_t pick_tg[UI_MAXPICK]; char pick_on[UI_MAXPICK];
  /* which options of decision open_li were open then (host fork_open), and why not */
  int open_li; char open_ok[UI_MAXOPT]; char open_why[UI_MAXOPT][160];
  int ndec_shown, dec_more;
  int bib_scroll;             /* debrief: first source shown in the bibliography */
  int q_scroll, q_more;       /* debrief: first question shown; whether more are below */
  /* your game among many */
  void *among; SDL_Thread *among_th; SDL_atomic_t among_fin; int among_state, among_rc;
  char among_err[512]; fl_UiAmong res; double among_t0, among_ms, among_max_frame, among_sum_frame; int among_frames;
  int among_asked;            /* started once for this game (cancelled stays cancelled) */
  const fl_State *among_for;  /* the game it was started for */
  /* save for my teacher */
  int save_open, save_field, save_replace, save_eat, save_sel; char save_name[128], save_dir[1024], save_msg[600]; int save_ok;
  /* citations: the text under the mouse that cites sources, and a pinned one (a click) */
  char cite_hover[2048]; SDL_Rect cite_r; char cite_pin[2048]; SDL_Rect cite_pin_r;
  /* assumptions panel: the keyboard's row */
  int param_sel;
} ui_Teach;

enum { UI_MAXTREND = 64 }; /* indicators whose trend the window follows itself */
typedef struct fl_Ui {
  gfx_Ctx g;
  const fl_UiHost *host;
  fl_UiOpts opts;
  SDL_Window *win;
  SDL_Renderer *r;
  int W, H;                    /* output size in pixels */
  int screen;
  /* the game as last read from the host (borrowed) */
  fl_Game *game;
  const fl_Def *def;
  const fl_State *st;
  /* map */
  map_Geo geo; const fl_Def *geo_def; int geo_ok;
  SDL_Rect mapr;
  double cx, cy, zoom; int fitted;
  SDL_Texture *layer; int layer_w, layer_h; uint64_t layer_key;
  SDL_Surface *layer_sf;       /* the static layer, drawn on the CPU, uploaded to layer */
  SDL_Surface **lab; int nlab; /* label surfaces: areas, then towns (NULL: not made yet) */
  /* the chrome (top bar and side panel) is cached and redrawn when gen moves */
  SDL_Texture *chrome; int chrome_w, chrome_h; unsigned gen, chrome_gen;
  ui_Btn cbtn[96]; int ncbtn;
  SDL_Vertex *vbuf; int capv;
  int hover, sel, mx, my, mouse_in;
  int dragging, drag_moved, drag_x, drag_y;
  /* card and panels */
  int opt_sel, focus, log_scroll;
  SDL_Rect logr;
  int brief_scroll; SDL_Rect brief_bib; /* the briefing's bibliography: sources scrolled past, its place */
  int bib_seen[3];             /* the last list of sources drawn: above, listed, below (FLANK_LAYOUT_CHECK reports changes) */
  int help;
  char err[2048];              /* error panel text; empty: none */
  int popup;                   /* log index of the event shown in a pop-up, or -1 */
  int seen_log;                /* log entries before this are not popped up */
  char toast[512]; Uint32 toast_until;
  /* flow */
  int human;                   /* the first side a person plays, -1 in a demo */
  uint64_t humans;             /* every side people play (hotseat): bit i = side i */
  uint64_t brief_extra;        /* briefing: sides added to brief_side for hotseat */
  int await_end_turn;
  Uint32 next_ai, popup_until, popup_at; /* popup_at: when the event's pop-up came (keys before UI_POPUP_GUARD_MS pass it by) */
  int title_sel, brief_side, nscen;
  ui_Btn btn[160]; int nbtn;
  int layers;
  int overlay;                 /* index of the scenario overlay shading the map, -1: owners */
  int legend_open;             /* the player's choice (L, or a click on it) once legend_auto is 0 */
  int legend_auto;             /* not toggled yet: open unless every corner would cover areas */
  int legend_shown;            /* open in the last frame drawn */
  SDL_Rect legend_r;          /* where it was drawn (folded or not) */
  SDL_Rect legend_r_was;      /* the open legend's last place (FLANK_LAYOUT_CHECK reports moves) */
  SDL_Rect banner_r;          /* where the targets' banner was last drawn (ui_banner.c) */
  /* the arrows' base (ui_trend.c): the values just before a person's last decision, which
   * option it was and when; the indicator rows drawn in the side panel, for their tooltip */
  double trend_base[UI_MAXTREND]; int trend_base_ok; int32_t trend_base_date; char trend_base_what[160];
  const fl_State *trend_base_for;
  SDL_Rect trow_r[UI_MAXTREND]; int trow_i[UI_MAXTREND], ntrow;
  uint64_t legend_key;         /* the view its place was chosen for */
  int legend_corner, legend_covers; /* that place, and whether it covers areas */
  int legend_tab_corner;       /* where the folded tab goes */
  float text_scale, dpi;       /* the player's text size (Ctrl +/-) and the display's pixel ratio */
  int confirm_quit;            /* asking before unsaved play is lost */
  int load_menu, load_sel, nsaves; /* the load menu is open; selected row; rows */
  /* hidden information and hotseat */
  int viewer;                  /* whose view the board shows: a side, or -1 for everything */
  int seat;                    /* the side whose person sits at the screen now */
  int handover;                /* hotseat: the side to pass the screen to (board hidden), or -1 */
  /* choosing targets (ui_board.c) */
  int pick_opt;                /* the option whose targets are being chosen, or -1 */
  fl_Choice pick;              /* chosen so far (a move: the piece's id first) */
  int32_t *legal; unsigned char *legal_ok; int nlegal, caplegal; /* lit targets; ok: may be chosen */
  int pick_cur;                /* the keyboard's place in legal[], or -1 */
  int32_t move_to;             /* a move's destination chosen by click or Enter, waiting for its confirmation; -1: none */
  fl_Reach reach; int reach_pi; /* reachable areas of the moving piece (its index), -1: none */
  ui_PBox *pbox; int npbox, cappbox; /* counters drawn in the last frame */
  /* where the map layer put its names (layer coordinates: relative to mapr), so counters keep
   * off them: every area and town name and town dot drawn, and each area's own name (w = 0:
   * none drawn); the layer that placed them */
  SDL_Rect labr[512]; int labr_area[512]; /* -1: a town */ int nlabr; SDL_Rect area_labr[1024]; uint64_t labr_key;
  /* where each area's stack stands (ui_counter.c: x, y, counters a row, scale), for stack_key */
  float *stack_at; int nstack_at; uint64_t stack_key;
  int32_t drag_piece;          /* a piece dragged onto its destination, or -1 */
  /* a move sliding along its path (no timer runs otherwise) */
  int anim_pi, anim_path[64], anim_n; Uint32 anim_t0;
  int saved_nlog;              /* log length at the last save or load (-1: never) */
  int quit;
  SDL_Texture *bg; int bg_w, bg_h; float bg_s; /* the backdrop of the title, briefing and debrief */
  ui_Teach t;                  /* teaching tools: assumptions, citations, forks, among many, save */
} fl_Ui;

/* The context's defaults (fl_ui.c), and freeing what it holds (not u itself); the layout
 * scale for an output height and display pixel ratio; a scenario's first playable side. */
void ui_init(fl_Ui *u, SDL_Renderer *r, const fl_UiOpts *opts);
void ui_free(fl_Ui *u);
float ui_scale_for(int out_h, float dpi);
double ui_now_ms(void); /* CLOCK_MONOTONIC in ms */
int ui_first_playable(const fl_Def *d);
/* Register a clickable rectangle for this frame. */
void ui_button(fl_Ui *u, SDL_Rect r, int id, int arg);
/* Read the host's current game into u->game/def/st and rebuild the map if it changed. */
void ui_refresh(fl_Ui *u);
/* The overlay shading of a value in [0, 1] (a colour-blind-safe sequential ramp). */
SDL_Color ui_overlay_color(double t);
/* Fit the map to its rectangle. */
void ui_map_fit(fl_Ui *u);
/* The area under a pixel, or -1. */
int ui_map_hit(fl_Ui *u, int x, int y);
/* The area a click or hover means: the area whose name is under (x, y), else the area there. */
int ui_map_pick(fl_Ui *u, int x, int y);
/* Draw the map view into u->mapr: cached static layer, then pieces and highlights. */
void ui_map_draw(fl_Ui *u);
/* Drop the cached label surfaces (new map or new scale). */
void ui_map_free_labels(fl_Ui *u);
/* Force the static map layer to be redrawn next frame. */
void ui_map_invalidate(fl_Ui *u);
/* A side's colour (the scenario's, or the default palette), and the fill of its areas. */
SDL_Color ui_side_color(const fl_Ui *u, int side);
SDL_Color ui_area_color(const fl_Ui *u, int side);
/* Counters (ui_counter.c): one counter of a side's piece type at x, y (w x h pixels), a
 * stack of count; and every piece on the board, grouped by side and type per area. */
void ui_counter(fl_Ui *u, float x, float y, float w, float h, int side, int ptype, int count);
/* Overlays marked on the owners' view (ui_counter.c): the counter symbol an overlay's id names
 * (-1: none, or its property hidden from the viewer; with UI_MARK_PLANNED for an id ending in
 * "_planned": what is planned, not there yet), whether an area holds some of it (for an
 * overlay whose symbol is >= 0), and the chip drawn for it in the area's stack and the legend. */
enum { UI_MARK_PLANNED = 0x100 };
int ui_overlay_symbol(const fl_Ui *u, int ov);
int ui_overlay_marked(const fl_Ui *u, int ov, int area);
void ui_mark_chip(fl_Ui *u, float x, float y, float w, float h, int sym);
void ui_draw_pieces(fl_Ui *u);
/* Area i's name drawn again, where and as the map layer has it, over what is drawn since
 * (counters that found no clear spot). */
void ui_map_name_again(fl_Ui *u, int i);
/* The map legend (ui_legend.c): the sides on the board, or the active overlay's ramp.
 * ui_legend_free: whether it has a place in the view that covers no area;
 * ui_legend_bar: the height its one-line bar needs along the bottom (0: it does not fit). */
void ui_legend(fl_Ui *u);
int ui_legend_free(fl_Ui *u);
int ui_legend_bar(fl_Ui *u);
/* Map pixel coordinates of a projected point (X = lon * k, Y = -lat), within u->mapr. */
float ui_map_sx(const fl_Ui *u, double X);
float ui_map_sy(const fl_Ui *u, double Y);
/* Indicators (ui_tracks.c): full rows or two compact columns from y in w pixels (return the
 * y below them); the height of the full rows; one track's chart in the debrief. */
int ui_tracks(fl_Ui *u, int x, int y, int w);
int ui_tracks_compact(fl_Ui *u, int x, int y, int w);
int ui_tracks_height(fl_Ui *u, int w);
void ui_track_chart(fl_Ui *u, SDL_Rect r, int ti);
/* Area info lines for tooltips: writes into buf; returns the number of lines (ui_tooltip.c),
 * and the tooltip of an area beside the mouse. */
int ui_area_info(fl_Ui *u, int area, char lines[][256], int max);
void ui_map_tooltip(fl_Ui *u, int area);
/* The whole of a text shown cut short in zone, while the mouse is over it: a hover card in the
 * zone's width, above it (within top and bottom) (ui_tooltip.c). */
void ui_text_tooltip(fl_Ui *u, SDL_Rect zone, int top, int bottom, const char *text);
/* Screens (ui_screens.c). */
void ui_draw_title(fl_Ui *u);
void ui_draw_brief(fl_Ui *u);
void ui_draw_game(fl_Ui *u);
void ui_draw_debrief(fl_Ui *u);
void ui_draw_overlays(fl_Ui *u);
/* Text of a log entry (one line, no turn prefix). */
void ui_log_text(const fl_Ui *u, const fl_LogEntry *e, char *buf, size_t n);
/* "1 March 2025". */
void ui_date_long(int32_t date, char *buf, size_t n);
/* A piece's own name (its "name" property), or NULL. */
const char *ui_piece_own_name(const fl_Piece *p);
/* "1 Mar 2025" */
void ui_date_short(int32_t date, char *buf, size_t n);
/* ui_dates.c: the charts' time axis. Each turn's date (out[k]: turn k + 1; n turns, at most
 * the game's), from its log; ticks on round dates between d0 and d1 (at most maxn; *monthly:
 * 0 years, 1 months, 2 the two ends by day) and their labels ("2030", "Mar 2025"). */
int ui_turn_dates(const fl_Def *d, const fl_State *s, int32_t *out, int n);
int ui_date_ticks(int32_t d0, int32_t d1, int maxn, int32_t *out, int *monthly);
void ui_date_tick_label(int32_t date, int monthly, char *buf, size_t n);
/* A span in the player's language: "6 months", "2 weeks", "1 turn". */
void ui_span_text(fl_Span sp, char *buf, size_t n);

/* Whether a person plays side s (hotseat: several sides can be human). */
#define UI_HUMAN(u, s) ((s) >= 0 && (s) < 64 && (((u)->humans >> (s)) & 1u))
/* Whether quitting now would lose decisions a person took since the last save. */
int ui_unsaved(const fl_Ui *u);
/* ---- ui_trend: what an indicator's arrow compares with ---------------------------- */
/* Before a person's decision ch is played: the arrows compare with the values now. */
void ui_trend_decided(fl_Ui *u, const fl_Choice *ch);
/* A load, an undo, a new game: back to "since this turn began". */
void ui_trend_forget(fl_Ui *u);
/* The value track i's arrow compares with. */
double ui_trend_base(fl_Ui *u, int i);
/* "+5% since your decision “…” (1 Mar 2025)": the arrow's change and what it is since. */
void ui_trend_text(fl_Ui *u, int i, char *buf, size_t n);
/* An indicator's name wherever the window shows it: the scenario's short name when it gives
 * one (a student met "Peace casualties" beside "Civilian casualties (war)" in one layout and
 * "Civilian casualties (peacetime)" in another); the full name is in the row's tooltip. */
const char *ui_track_label(const fl_TrackDef *t);
/* An indicator's row in the side panel (drawn this frame), and the tooltip over it. */
void ui_track_row(fl_Ui *u, SDL_Rect r, int i);
void ui_trend_tooltip(fl_Ui *u);
/* ---- ui_board: the seated side's view, marks on the map, choosing targets ----- */
/* Whether the viewer may see something visible to `seen`. */
int ui_sees(const fl_Ui *u, fl_Sides seen);
/* Recompute the viewer (demo: everything; else the seated side) and the hotseat hand-over. */
void ui_board_update(fl_Ui *u);
/* Targets of a logged action, as words: " (Riga)", ": Infantry #3 from A to B"; "" if none. */
void ui_targets_text(const fl_Ui *u, const fl_LogEntry *e, char *buf, size_t n);
/* A property's readable name and value with its unit, or 0 if the viewer may not see it. */
int ui_prop_text(const fl_Ui *u, const fl_Prop *p, char *buf, size_t n);
/* Arrows, highlights and the front line the viewer may see (on the map, under the pieces). */
void ui_draw_marks(fl_Ui *u);
/* An area's label point on screen (ui_board). */
void ui_area_pt(const fl_Ui *u, int a, float *x, float *y);
/* The lit targets, reachable areas, path and dragged counter (over the pieces), and the hover card. */
void ui_draw_pick(fl_Ui *u);
/* The hand-over screen (hotseat). */
void ui_draw_handover(fl_Ui *u);
/* Start choosing targets for option opt (0 ok; -1: it has no legal target, a toast says so). */
int ui_pick_start(fl_Ui *u, int opt);
void ui_pick_cancel(fl_Ui *u);
/* "Choose an area \u2014 1 of 2" for the card; "" when not choosing. */
void ui_pick_ask(const fl_Ui *u, char *buf, size_t n);
/* The banner over the map while targets are chosen (after the legend: it avoids it). */
void ui_draw_pick_banner(fl_Ui *u);
/* ui_banner.c: draw that banner (its line, the order's preview or NULL) where it hides no lit
 * target (areas: the targets are areas, else pieces), the legend nor the zoom buttons. */
void ui_banner_draw(fl_Ui *u, const char *line, const char *pv, int areas);
/* Input while choosing; each returns 1 if it used the event. */
int ui_pick_key(fl_Ui *u, SDL_Keycode c, int shift);
int ui_pick_press(fl_Ui *u, int x, int y);   /* mouse down on the map: may start a drag */
int ui_pick_release(fl_Ui *u, int x, int y, int dragged);
/* The piece id of the counter at a pixel that the viewer may see, or -1. */
int32_t ui_piece_hit(fl_Ui *u, int x, int y, int (*want)(fl_Ui *, int32_t));
/* Start sliding piece index pi along its last move; the frame is drawn while it runs. */
void ui_anim_start(fl_Ui *u, int pi, const int *path, int n);
/* Where piece index pi is drawn now (pixels), if it is sliding: 1 and x, y. */
int ui_anim_pos(fl_Ui *u, int pi, float *x, float *y);
/* The last move logged from entry `first` on slides along its path (not in screenshots or at
 * maximum demo speed). */
void ui_slide_new(fl_Ui *u, int first);
/* Offscreen (render --pick): start choosing the pending card's option named id, as a
 * player would. 0 ok; -2 with err when there is no such option taking targets, or no target. */
int ui_pick_named(fl_Ui *u, const char *id, char *err, size_t n);
/* Milliseconds until the next animation frame, or -1 when nothing slides. */
int ui_anim_wait(fl_Ui *u);
void ui_board_free(fl_Ui *u);
/* Make a choice through the host (fl_ui.c). */
void ui_act(fl_Ui *u, const fl_Choice *ch);
/* An area's outline (ui_map.c), w pixels wide. */
void ui_map_outline(fl_Ui *u, int area, int w, SDL_Color c);
/* Draw one frame of the current screen. */
void ui_draw_frame(fl_Ui *u);

/* Shared drawing helpers (ui_screens.c). Button styles for ui_btn. */
enum { BS_SECONDARY, BS_PRIMARY, BS_DISABLED, BS_GHOST };
/* A button with a label and a key hint; registered for clicks unless disabled. align: 0 left,
 * 1 centre, 2 right of x. Returns its rectangle. */
SDL_Rect ui_btn(fl_Ui *u, int x, int y, const char *label, const char *key, int id, int arg, int style, int align);
/* A section heading with a rule; returns the y below it. */
int ui_section(fl_Ui *u, int x, int y, int w, const char *title);
int ui_hovered(const fl_Ui *u, SDL_Rect r);
/* The title and briefing screens' background. */
void ui_backdrop(fl_Ui *u);
/* The ending's text as the game wrote it into the log, else the definition's (NULL: none). */
const char *ui_ending_text(const fl_State *s, const fl_Def *d);
/* What the panel shows, in words for tests: "end turn", "ending", "none" or "Side: Card title". */
const char *ui_panel_says(const fl_Ui *u);
/* ui_card.c: the decision card at (x, y), w wide; returns its bottom. measure: only that. max_h > 0:
 * the height it may take (a taller card compacts). */
int ui_card_panel(fl_Ui *u, int x, int y, int w, int measure, int max_h);
/* Chart of track ti with more games' lines over it (forks), each in its colour; its title in
 * a font no larger than rank (0 bold, 1 smaller, 2 small: ui_chart_head_rank, the largest a
 * chart in r needs to show its name in full and keep room for its plot). */
void ui_track_chart_more(fl_Ui *u, SDL_Rect r, int ti, const fl_State *const *more, const SDL_Color *cols, int nmore, int rank);
int ui_chart_head_rank(fl_Ui *u, SDL_Rect r, int ti, const fl_State *const *more, int nmore);
/* A fork's colour on the charts. */
SDL_Color ui_fork_color(int k);
/* The charts' time axis break (ui_tracks.c): 1 and *brk, the date after which the games'
 * long turns (an aftermath) are drawn compressed, when the charts of the game and these forks
 * have one; its mark (two slanted strokes) over a line at (x, y). */
int ui_chart_break(fl_Ui *u, const fl_State *const *more, int nmore, int32_t *brk);
void ui_chart_break_mark(fl_Ui *u, int x, int y, SDL_Color c);

/* ---- teaching tools (ui_teach.c, ui_debrief.c, ui_among.c, ui_cite.c, ui_save.c) ---- */
void ui_teach_init(fl_Ui *u);
/* Join finished workers; lowers *wake while something runs (progress). 1 if anything changed. */
int ui_teach_poll(fl_Ui *u, Uint32 *wake);
/* A new game or scenario: close the forks and cancel the ensemble (joins them). */
void ui_teach_reset(fl_Ui *u);
void ui_teach_free(fl_Ui *u);
/* Buttons from BTN_FIRST_TEACH on. */
void ui_teach_press(fl_Ui *u, int id, int arg);
/* Keys on the briefing and debrief (1: used), text typed into the save dialog. */
int ui_brief_key(fl_Ui *u, SDL_Keycode c);
void ui_brief_param(fl_Ui *u, int id, int i); /* BTN_PARAM_* on assumption i */
int ui_debrief_key(fl_Ui *u, SDL_Keycode c, int shift);
void ui_save_text(fl_Ui *u, const char *text);
void ui_save_press(fl_Ui *u, int id, int arg);
void ui_debrief_wheel(fl_Ui *u, int dy);
int ui_save_key(fl_Ui *u, SDL_Keycode c, int ctrl); /* ctrl: Ctrl is held (Ctrl+A selects the field, Ctrl+V pastes) */
/* Open the debrief: starts "your game among many" once per game. */
void ui_debrief_open(fl_Ui *u);
/* --shot-screen past the debrief's first tab: "whatif" (the first decision forked two ways),
 * "among", "sources", "save" (the dialog open). ui_debrief_shot: 1 when shot names one
 * (and it has been set up); ui_debrief_shot_ready: 1 once it is worth a picture. */
int ui_debrief_shot(fl_Ui *u, const char *shot);
int ui_debrief_shot_ready(const fl_Ui *u, const char *shot);
/* Whether option opt of the decision logged in e can be tried on the areas e took (both act
 * on areas, and e named some): 1, with them as a log writes them in buf (NULL: only ask). */
int ui_fork_same_areas(const fl_Ui *u, const fl_LogEntry *e, int opt, char *buf, size_t n);
/* Fork the game at the decision in log entry li: option opt of its card (one that acts on
 * the map, on the same areas), or the policies playing on (opt -1). */
/* A what-if of decision li (log index) with option opt (-1: the computer plays on), on areas
 * (map indices; NULL: those the played choice took, when opt acts on areas). */
void ui_fork_start(fl_Ui *u, int li, int opt, const int32_t *areas, int na);
/* The area picker of a what-if on an option that acts on areas: open it (the played areas
 * picked), close it, and how many are picked (*ok: as many as the option takes). */
void ui_wpick_start(fl_Ui *u, int li, int opt);
void ui_wpick_close(fl_Ui *u);
int ui_wpick_count(const fl_Ui *u, int *ok);
/* Keys while the picker is open (Left/Right, Space, Enter, Esc); 1 if used. */
int ui_wpick_key(fl_Ui *u, SDL_Keycode c);
/* Whether option opt of decision li (log index) was open then; if not, *why says why (the
 * host replays the game to it once per decision; without it every option counts as open). */
int ui_whatif_open(fl_Ui *u, int li, int opt, const char **why);
void ui_among_start(fl_Ui *u);
/* The games "among many" has finished and the total. */
size_t ui_among_progress(fl_Ui *u, size_t *total);
/* Drawing: the debrief's tab of the ensemble (ui_among.c), the bibliography and questions,
 * the save dialog, and citations (text in r that cites sources expands under the mouse). */
void ui_among_draw(fl_Ui *u, SDL_Rect r);
/* The chart of "Among many" (ui_scatter.c): its box r, the plot p in it, the data ranges of
 * tracks xt (across) and yt (up), its dots' size and jitter; ok: room for a plot. */
typedef struct ui_Plot { SDL_Rect r, p; double x0, x1, y0, y1; int xt, yt, ok, ds, jit; } ui_Plot;
void ui_plot_layout(fl_Ui *u, SDL_Rect r, int xt, int yt, ui_Plot *pl);
/* The set whose dot or average the mouse is over (-1: none); *game: its game ((size_t)-1: the average). */
int ui_plot_hover(fl_Ui *u, const ui_Plot *pl, size_t *game);
/* hi: the set lit (-1: none); hover_set, hover_game: what ui_plot_hover found (named under the mouse). */
void ui_plot_draw(fl_Ui *u, const ui_Plot *pl, int hi, int hover_set, size_t hover_game);
/* A policy's colour in "Among many" (its cloud, its average, its legend entry). */
SDL_Color ui_among_color(int s);
/* Whether the games that ended otherwise than the most common ending (*main_end) sit apart
 * from the rest on the chart's two tracks: two clumps, drawn filled and hollow. */
int ui_among_split(const fl_Ui *u, int xt, int yt, int *main_end);
int ui_biblio_draw(fl_Ui *u, int x, int y, int w, int bottom, int skip);
void ui_save_draw(fl_Ui *u);
void ui_cite_zone(fl_Ui *u, SDL_Rect r, const char *text);
void ui_cite_draw(fl_Ui *u);
int ui_cite_click(fl_Ui *u, int x, int y);
/* The briefing's Assumptions panel from y in w pixels, down to bottom; returns the y below it. */
int ui_params_draw(fl_Ui *u, int x, int y, int w, int bottom);

#endif
