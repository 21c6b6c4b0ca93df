/* fl_colour: how sides look on the board. Parsing a scenario's `colour`, the default
 * colour-blind-safe palette, the colours the board derives from a side's colour (area
 * fill, counter ink), and a perceptual distance (CIEDE2000) under normal vision and
 * simulated deuteranopia and protanopia, so lint can say when two sides are hard to
 * tell apart. Pure arithmetic: no SDL, no Lua; the window and lint share it, so lint
 * measures exactly what the window draws. */
#ifndef FL_COLOUR_H
#define FL_COLOUR_H
#include <stdint.h>

typedef uint32_t fl_Rgb; /* 0xRRGGBB */

enum { FL_VISION_NORMAL, FL_VISION_DEUTAN, FL_VISION_PROTAN, FL_VISION_N };

/* "#rrggbb", "#rgb" or a palette name (see fl_colour_name). 0 ok, -1 not a colour. */
int fl_colour_parse(const char *s, fl_Rgb *out);
/* Palette names ("blue", "vermillion", ...), i from 0; NULL past the end. */
const char *fl_colour_name(int i);
fl_Rgb fl_colour_named(int i);
/* The default colour of the side-th side: Okabe-Ito (blue, vermillion, bluish green,
 * reddish purple, orange, sky blue, yellow), then ivory in place of Okabe-Ito's black
 * (the table is dark); the palette repeats after that. */
fl_Rgb fl_colour_default(int side);
int fl_colour_default_count(void);
/* The fill of an area owned by a side of colour c (darker and a little muted, so the
 * side's counters stand out on it and labels stay readable). */
fl_Rgb fl_colour_area(fl_Rgb c);
/* Ink for symbols drawn on a counter of colour c: dark on light colours, light on dark. */
fl_Rgb fl_colour_ink(fl_Rgb c);
/* a mixed towards b by t in [0, 1]. */
fl_Rgb fl_colour_mix(fl_Rgb a, fl_Rgb b, double t);
/* c as seen with a colour vision deficiency (Machado, Oliveira & Fernandes 2009, severity 1). */
fl_Rgb fl_colour_simulate(fl_Rgb c, int vision);
/* CIELAB (D65) of an sRGB colour. */
void fl_colour_lab(fl_Rgb c, double out[3]);
/* CIEDE2000 colour difference of two sRGB colours, or of two CIELAB colours. */
double fl_colour_de2000(fl_Rgb a, fl_Rgb b);
double fl_colour_de2000_lab(const double a[3], const double b[3]);
/* The smallest CIEDE2000 difference of a and b over normal vision, deuteranopia and
 * protanopia; *vision (may be NULL) says where it is smallest. */
double fl_colour_distance(fl_Rgb a, fl_Rgb b, int *vision);
/* "normal vision", "deuteranopia", "protanopia". */
const char *fl_colour_vision_name(int vision);
/* Below these distances lint warns: two sides' area fills, a side's counter on its own areas. */
#define FL_COLOUR_MIN_SIDES 8.0
#define FL_COLOUR_MIN_COUNTER 6.0

#endif
