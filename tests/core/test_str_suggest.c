/* Did-you-mean for ids and definition keys: the nearest candidate by edit distance, none when
 * nothing is near, and for keys also the word a designer reaches for ("neighbours" for
 * "adjacent") when that key is one of the candidates. */
#include "../check.h"
#include "fl_str.h"

int main(void) {
  const char *areas[] = {"harbour", "mill_town", "upper_valley"};
  CHECK_STR(fl_str_suggest("harbor", areas, 3), "harbour");
  CHECK(fl_str_suggest("zzzzzz", areas, 3) == NULL);

  const char *area_keys[] = {"id", "name", "terrain", "owner", "adjacent", "ring"};
  CHECK_STR(fl_str_suggest_key("neighbours", area_keys, 6), "adjacent");
  CHECK_STR(fl_str_suggest_key("neighbors", area_keys, 6), "adjacent");
  CHECK_STR(fl_str_suggest_key("terain", area_keys, 6), "terrain"); /* a typo: as fl_str_suggest */
  const char *event_keys[] = {"id", "when", "effect"};
  CHECK(fl_str_suggest_key("neighbours", event_keys, 3) == NULL); /* no such key here: no synonym */
  CHECK_STR(fl_str_suggest_key("condition", event_keys, 3), "when");
  return check_done("test_str_suggest");
}
