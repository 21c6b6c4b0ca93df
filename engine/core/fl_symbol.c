#include "fl_symbol.h"
#include <string.h>

static const struct { const char *name, *alias[3], *doc; } SYM[FL_SYM_N] = {
  [FL_SYM_UNIT] = {"unit", {NULL}, "A plain frame with the first letters of the piece type's name (the default)."},
  [FL_SYM_INFANTRY] = {"infantry", {NULL}, "NATO infantry: a cross corner to corner."},
  [FL_SYM_ARMOUR] = {"armour", {"armor", "tank"}, "NATO armour: an oval (a track)."},
  [FL_SYM_MECHANISED] = {"mechanised", {"mechanized", "mech"}, "NATO mechanised infantry: the cross and the oval."},
  [FL_SYM_ARTILLERY] = {"artillery", {NULL}, "NATO artillery: a filled dot."},
  [FL_SYM_RECON] = {"recon", {"reconnaissance", "cavalry"}, "NATO reconnaissance: one diagonal."},
  [FL_SYM_ENGINEER] = {"engineer", {"engineers"}, "NATO engineers: a bridge (a bar on three legs)."},
  [FL_SYM_HEADQUARTERS] = {"headquarters", {"hq"}, "A headquarters: \"HQ\" under a pennant."},
  [FL_SYM_SUPPLY] = {"supply", {"logistics"}, "NATO supply: a bar across the lower part of the frame."},
  [FL_SYM_AIRCRAFT] = {"aircraft", {"air", "plane"}, "An aircraft seen from above: fuselage, swept wings, tail."},
  [FL_SYM_DRONE] = {"drone", {"uav"}, "A drone: a wide chevron (after NATO's unmanned aircraft)."},
  [FL_SYM_SHIP] = {"ship", {"warship"}, "A ship: hull, superstructure and mast."},
  [FL_SYM_SUBMARINE] = {"submarine", {"sub"}, "A submarine: a long hull with a sail."},
  [FL_SYM_BOAT] = {"boat", {"boats"}, "A small boat: a low open hull."},
  [FL_SYM_MINEFIELD] = {"minefield", {"mines"}, "A minefield: three small circles (NATO mines)."},
  [FL_SYM_OBSTACLE] = {"obstacle", {"obstacles"}, "An obstacle belt: dragon's teeth (three triangles)."},
  [FL_SYM_CIVILIANS] = {"civilians", {"civilian", "refugees"}, "Civilians: two standing figures."},
};

int fl_symbol_find(const char *name) {
  if (!name) return -1;
  for (int i = 0; i < FL_SYM_N; i++) {
    if (!strcmp(name, SYM[i].name)) return i;
    for (int k = 0; k < 3 && SYM[i].alias[k]; k++)
      if (!strcmp(name, SYM[i].alias[k])) return i;
  }
  return -1;
}

const char *fl_symbol_name(int i) { return i >= 0 && i < FL_SYM_N ? SYM[i].name : NULL; }
const char *fl_symbol_alias(int i, int k) { return i >= 0 && i < FL_SYM_N && k >= 0 && k < 3 ? SYM[i].alias[k] : NULL; }
const char *fl_symbol_doc(int i) { return i >= 0 && i < FL_SYM_N ? SYM[i].doc : ""; }

int fl_symbol_names(const char **out, int max) {
  int n = 0;
  for (int i = 0; i < FL_SYM_N && n < max; i++) out[n++] = SYM[i].name;
  for (int i = 0; i < FL_SYM_N; i++)
    for (int k = 0; k < 3 && SYM[i].alias[k] && n < max; k++) out[n++] = SYM[i].alias[k];
  return n;
}
