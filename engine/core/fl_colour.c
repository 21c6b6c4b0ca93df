#include "fl_colour.h"
#include <ctype.h>
#include <math.h>
#include <string.h>

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

static const struct { const char *name; fl_Rgb rgb; } PALETTE[] = {
  {"blue", 0x0072B2}, {"vermillion", 0xD55E00}, {"bluish_green", 0x009E73}, {"reddish_purple", 0xCC79A7},
  {"orange", 0xE69F00}, {"sky_blue", 0x56B4E9}, {"yellow", 0xF0E442}, {"ivory", 0xF0F0E8},
  {"black", 0x000000}, {"grey", 0x999999},
};
enum { NPAL = sizeof PALETTE / sizeof PALETTE[0], NDEFAULT = 8 };

static int hexv(int c) { return isdigit(c) ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1; }

int fl_colour_parse(const char *s, fl_Rgb *out) {
  if (!s) return -1;
  if (s[0] == '#') {
    size_t n = strlen(s + 1);
    if (n != 3 && n != 6) return -1;
    fl_Rgb v = 0;
    for (size_t i = 0; i < n; i++) {
      int h = hexv((unsigned char)s[1 + i]);
      if (h < 0) return -1;
      v = n == 3 ? v << 8 | (fl_Rgb)(h * 17) : v << 4 | (fl_Rgb)h;
    }
    *out = v;
    return 0;
  }
  for (int i = 0; i < NPAL; i++)
    if (!strcmp(s, PALETTE[i].name)) { *out = PALETTE[i].rgb; return 0; }
  return -1;
}

const char *fl_colour_name(int i) { return i >= 0 && i < NPAL ? PALETTE[i].name : NULL; }
fl_Rgb fl_colour_named(int i) { return i >= 0 && i < NPAL ? PALETTE[i].rgb : 0; }
fl_Rgb fl_colour_default(int side) { return PALETTE[(side < 0 ? 0 : side) % NDEFAULT].rgb; }
int fl_colour_default_count(void) { return NDEFAULT; }

static int ch(fl_Rgb c, int k) { return (int)(c >> (16 - 8 * k)) & 255; }

fl_Rgb fl_colour_mix(fl_Rgb a, fl_Rgb b, double t) {
  fl_Rgb o = 0;
  for (int k = 0; k < 3; k++) {
    double v = ch(a, k) + (ch(b, k) - ch(a, k)) * t;
    o = o << 8 | (fl_Rgb)(v < 0 ? 0 : v > 255 ? 255 : (int)(v + 0.5));
  }
  return o;
}

fl_Rgb fl_colour_area(fl_Rgb c) { return fl_colour_mix(c, 0x3A3C32, 0.4); }

static double lin(int v) {
  double c = v / 255.0;
  return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static int delin(double v) {
  v = v < 0 ? 0 : v > 1 ? 1 : v;
  double c = v <= 0.0031308 ? 12.92 * v : 1.055 * pow(v, 1 / 2.4) - 0.055;
  return (int)(c * 255 + 0.5);
}

static double luminance(fl_Rgb c) { return 0.2126 * lin(ch(c, 0)) + 0.7152 * lin(ch(c, 1)) + 0.0722 * lin(ch(c, 2)); }

fl_Rgb fl_colour_ink(fl_Rgb c) {
  /* whichever of the two inks has the higher WCAG contrast ratio with the counter */
  const fl_Rgb light = 0xFAF6EC, dark = 0x16181C;
  double l = luminance(c), cl = (luminance(light) + 0.05) / (l + 0.05), cd = (l + 0.05) / (luminance(dark) + 0.05);
  return cl >= cd ? light : dark;
}

fl_Rgb fl_colour_simulate(fl_Rgb c, int vision) {
  static const double M[FL_VISION_N][3][3] = {
    {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
    {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}},
    {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}},
  };
  if (vision <= FL_VISION_NORMAL || vision >= FL_VISION_N) return c;
  double l[3] = {lin(ch(c, 0)), lin(ch(c, 1)), lin(ch(c, 2))};
  fl_Rgb o = 0;
  for (int i = 0; i < 3; i++) o = o << 8 | (fl_Rgb)delin(M[vision][i][0] * l[0] + M[vision][i][1] * l[1] + M[vision][i][2] * l[2]);
  return o;
}

void fl_colour_lab(fl_Rgb c, double out[3]) {
  double r = lin(ch(c, 0)), g = lin(ch(c, 1)), b = lin(ch(c, 2));
  double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
  double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
  double v[3] = {x, y, z};
  for (int i = 0; i < 3; i++) v[i] = v[i] > 216.0 / 24389 ? cbrt(v[i]) : (24389.0 / 27 * v[i] + 16) / 116;
  out[0] = 116 * v[1] - 16;
  out[1] = 500 * (v[0] - v[1]);
  out[2] = 200 * (v[1] - v[2]);
}

static double deg(double r) { return r * 180 / M_PI; }
static double rad(double d) { return d * M_PI / 180; }

double fl_colour_de2000(fl_Rgb ca, fl_Rgb cb) {
  double a[3], b[3];
  fl_colour_lab(ca, a);
  fl_colour_lab(cb, b);
  return fl_colour_de2000_lab(a, b);
}

double fl_colour_de2000_lab(const double a[3], const double b[3]) {
  double c1 = hypot(a[1], a[2]), c2 = hypot(b[1], b[2]), cm = (c1 + c2) / 2, cm7 = pow(cm, 7);
  double g = 0.5 * (1 - sqrt(cm7 / (cm7 + pow(25, 7))));
  double a1 = (1 + g) * a[1], a2 = (1 + g) * b[1];
  double c1p = hypot(a1, a[2]), c2p = hypot(a2, b[2]);
  double h1 = a1 == 0 && a[2] == 0 ? 0 : fmod(deg(atan2(a[2], a1)) + 360, 360);
  double h2 = a2 == 0 && b[2] == 0 ? 0 : fmod(deg(atan2(b[2], a2)) + 360, 360);
  double dl = b[0] - a[0], dc = c2p - c1p, dh = 0;
  if (c1p * c2p != 0) {
    dh = h2 - h1;
    if (dh > 180) dh -= 360;
    else if (dh < -180) dh += 360;
  }
  double dH = 2 * sqrt(c1p * c2p) * sin(rad(dh / 2));
  double lm = (a[0] + b[0]) / 2, cmp = (c1p + c2p) / 2, hm = h1 + h2;
  if (c1p * c2p != 0) {
    if (fabs(h1 - h2) <= 180) hm = (h1 + h2) / 2;
    else hm = h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
  }
  double t = 1 - 0.17 * cos(rad(hm - 30)) + 0.24 * cos(rad(2 * hm)) + 0.32 * cos(rad(3 * hm + 6)) - 0.20 * cos(rad(4 * hm - 63));
  double dth = 30 * exp(-pow((hm - 275) / 25, 2)), cmp7 = pow(cmp, 7);
  double rc = 2 * sqrt(cmp7 / (cmp7 + pow(25, 7)));
  double sl = 1 + 0.015 * pow(lm - 50, 2) / sqrt(20 + pow(lm - 50, 2)), sc = 1 + 0.045 * cmp, sh = 1 + 0.015 * cmp * t;
  double rt = -sin(rad(2 * dth)) * rc;
  double x = dl / sl, y = dc / sc, z = dH / sh;
  return sqrt(x * x + y * y + z * z + rt * y * z);
}

double fl_colour_distance(fl_Rgb a, fl_Rgb b, int *vision) {
  double best = 1e9;
  for (int v = 0; v < FL_VISION_N; v++) {
    double d = fl_colour_de2000(fl_colour_simulate(a, v), fl_colour_simulate(b, v));
    if (d < best - 1e-9) { best = d; if (vision) *vision = v; }
  }
  return best;
}

const char *fl_colour_vision_name(int vision) {
  static const char *const N[FL_VISION_N] = {"normal vision", "deuteranopia", "protanopia"};
  return vision >= 0 && vision < FL_VISION_N ? N[vision] : "?";
}
