/* fl_colour and fl_symbol: side colours (parsing, the default palette, the board's
 * derived colours, CIEDE2000 and colour-blind simulation) and the counter symbols. */
#include "../check.h"
#include "fl_colour.h"
#include "fl_symbol.h"
#include <math.h>

static int near(double a, double b, double eps) { return fabs(a - b) <= eps; }

int main(void) {
  fl_Rgb c = 0;
  CHECK(fl_colour_parse("#1f77b4", &c) == 0 && c == 0x1F77B4);
  CHECK(fl_colour_parse("#F0A", &c) == 0 && c == 0xFF00AA);
  CHECK(fl_colour_parse("vermillion", &c) == 0 && c == 0xD55E00);
  CHECK(fl_colour_parse("#12345", &c) != 0);   /* five digits */
  CHECK(fl_colour_parse("#12345g", &c) != 0);  /* not hex */
  CHECK(fl_colour_parse("bleu", &c) != 0);     /* not a palette name */
  CHECK(fl_colour_parse(NULL, &c) != 0);
  /* the default palette: Okabe-Ito in its order, then ivory; it repeats after eight */
  CHECK(fl_colour_default(0) == 0x0072B2 && fl_colour_default(1) == 0xD55E00 && fl_colour_default(7) == 0xF0F0E8);
  CHECK(fl_colour_default(8) == fl_colour_default(0));
  CHECK_STR(fl_colour_name(0), "blue");

  /* CIELAB and CIEDE2000 against published values (Sharma, Wu & Dalal 2005, pairs 1, 7, 17, 19, 25) */
  double lab[3];
  fl_colour_lab(0xFFFFFF, lab);
  CHECK(near(lab[0], 100, 0.01) && near(lab[1], 0, 0.01) && near(lab[2], 0, 0.01));
  fl_colour_lab(0xFF0000, lab);
  CHECK(near(lab[0], 53.24, 0.02) && near(lab[1], 80.09, 0.05) && near(lab[2], 67.20, 0.05));
  static const double P[][7] = {
    {50, 2.6772, -79.7751, 50, 0, -82.7485, 2.0425}, {50, 0, 0, 50, -1, 2, 2.3669},
    {50, 2.5, 0, 73, 25, -18, 27.1492}, {50, 2.5, 0, 50, 3.1736, 0.5854, 1.0},
    {60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644}};
  for (size_t i = 0; i < sizeof P / sizeof P[0]; i++) {
    CHECK(near(fl_colour_de2000_lab(P[i], P[i] + 3), P[i][6], 1e-4));
    CHECK(near(fl_colour_de2000_lab(P[i] + 3, P[i]), P[i][6], 1e-4)); /* symmetric */
  }
  CHECK(fl_colour_de2000(0x336699, 0x336699) == 0);

  /* colour vision: greys stay grey; red and green collapse for deuteranopes and protanopes */
  CHECK(fl_colour_simulate(0x808080, FL_VISION_DEUTAN) == 0x808080);
  CHECK(fl_colour_simulate(0x1F77B4, FL_VISION_NORMAL) == 0x1F77B4);
  int vis = -1;
  double d = fl_colour_distance(0xD62728, 0x2CA02C, &vis); /* matplotlib's red and green */
  CHECK(fl_colour_de2000(0xD62728, 0x2CA02C) > 40 && d < fl_colour_de2000(0xD62728, 0x2CA02C) / 2);
  CHECK(vis == FL_VISION_DEUTAN || vis == FL_VISION_PROTAN);

  /* the default palette passes the checks lint makes, so a scenario that sets no colours is clean */
  int n = fl_colour_default_count();
  double worst = 1e9, worst_counter = 1e9;
  for (int i = 0; i < n; i++) {
    double dc = fl_colour_distance(fl_colour_default(i), fl_colour_area(fl_colour_default(i)), NULL);
    if (dc < worst_counter) worst_counter = dc;
    for (int j = 0; j < i; j++) {
      double dd = fl_colour_distance(fl_colour_area(fl_colour_default(i)), fl_colour_area(fl_colour_default(j)), NULL);
      if (dd < worst) worst = dd;
    }
  }
  CHECK(worst >= FL_COLOUR_MIN_SIDES);
  CHECK(worst_counter >= FL_COLOUR_MIN_COUNTER);
  /* ...and two near-identical blues do not */
  CHECK(fl_colour_distance(fl_colour_area(0x0072B2), fl_colour_area(0x1A78B0), NULL) < FL_COLOUR_MIN_SIDES);
  /* ink: dark on yellow, light on blue */
  CHECK(fl_colour_ink(0xF0E442) != fl_colour_ink(0x0072B2));
  CHECK(fl_colour_de2000(fl_colour_ink(0xF0E442), 0xF0E442) > 40);

  /* symbols: canonical names and aliases, unknown names */
  CHECK(fl_symbol_find("ship") == FL_SYM_SHIP);
  CHECK(fl_symbol_find("hq") == FL_SYM_HEADQUARTERS);
  CHECK(fl_symbol_find("mines") == FL_SYM_MINEFIELD && fl_symbol_find("air") == FL_SYM_AIRCRAFT);
  CHECK(fl_symbol_find("shipp") == -1 && fl_symbol_find(NULL) == -1);
  const char *names[64];
  int nn = fl_symbol_names(names, 64);
  CHECK(nn > FL_SYM_N);
  for (int i = 0; i < nn; i++) CHECK(fl_symbol_find(names[i]) >= 0);
  for (int i = 0; i < FL_SYM_N; i++) CHECK(fl_symbol_name(i) && *fl_symbol_doc(i));
  static const char *const must[] = {"ship", "submarine", "aircraft", "minefield", "obstacle", "headquarters", "supply", "civilians",
                                     "infantry", "armour", "artillery", "recon", "mines", "air"};
  for (size_t i = 0; i < sizeof must / sizeof must[0]; i++) CHECK(fl_symbol_find(must[i]) >= 0);
  return check_done("test_colour");
}
