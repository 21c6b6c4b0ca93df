/* What a what-if says of the student's later choices, in the window's short form: every
 * recorded choice is accounted for (kept, no longer possible, never came up) and the
 * computer's choices in decisions the game never had are counted apart, so the numbers add
 * up (a cold student read "kept 27 of 38; the computer's: 2" and asked where the other 9
 * went; then "kept 29 of 51 (never came up: 21); the computer made 13", where the one no
 * longer possible was in the 13 and not named). tests/cli/test_whatif_counts.c checks
 * the counts on played games. */
#include "../check.h"
#include "fl_cli.h"
#include "fl_whatif.h"

int main(void) {
  char b[256];
  fl_WhatIfKept k = {27, 2, 0, 9, {0}, 0};
  cli_whatif_kept_short(b, sizeof b, &k);
  CHECK_STR(b, "Your later choices: 38. Kept: 27, no longer possible: 2, never came up: 9.");
  fl_WhatIfKept all = {6, 0, 0, 0, {0}, 0};
  cli_whatif_kept_short(b, sizeof b, &all);
  CHECK_STR(b, "Your later choices kept: 6 of 6.");
  fl_WhatIfKept none = {0, 0, 0, 0, {0}, 0};
  cli_whatif_kept_short(b, sizeof b, &none);
  CHECK_STR(b, ""); /* nothing recorded after the fork: no note */
  return check_done("test_whatif_text");
}
