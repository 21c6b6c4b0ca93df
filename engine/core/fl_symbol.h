/* fl_symbol: the counter symbols a piece_type{} may name. One list shared by the loader's
 * docs, lint (an unknown symbol is an error with a did-you-mean) and the window (which
 * draws each). NATO-style where NATO has a symbol (APP-6), a plain silhouette otherwise. */
#ifndef FL_SYMBOL_H
#define FL_SYMBOL_H

enum {
  FL_SYM_UNIT, FL_SYM_INFANTRY, FL_SYM_ARMOUR, FL_SYM_MECHANISED, FL_SYM_ARTILLERY, FL_SYM_RECON,
  FL_SYM_ENGINEER, FL_SYM_HEADQUARTERS, FL_SYM_SUPPLY, FL_SYM_AIRCRAFT, FL_SYM_DRONE, FL_SYM_SHIP,
  FL_SYM_SUBMARINE, FL_SYM_BOAT, FL_SYM_MINEFIELD, FL_SYM_OBSTACLE, FL_SYM_CIVILIANS, FL_SYM_N
};

/* The symbol a name stands for (a canonical name or an alias), or -1. */
int fl_symbol_find(const char *name);
/* Canonical name, its k-th alias (NULL past the last) and what it looks like, for symbol i. */
const char *fl_symbol_name(int i);
const char *fl_symbol_alias(int i, int k);
const char *fl_symbol_doc(int i);
/* Every accepted name (canonical names, then aliases) into out; returns how many (<= max). */
int fl_symbol_names(const char **out, int max);

#endif
