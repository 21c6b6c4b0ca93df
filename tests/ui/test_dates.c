/* The debrief charts' time axis (engine/ui/ui_dates.c): every turn at its date, found from
 * the game's log even when turns change length (months, then years) or a turn left no
 * entry; a few round dates to label, years for a long game and months for a short one. */
#include "ui_int.h"
#include "fl_time.h"
#include <stdio.h>
#include <string.h>

static int failures;
#define CHECK(c, ...) do { if (!(c)) { failures++; printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); printf("\n"); } } while (0)

static int32_t D(const char *s) { int32_t d = 0; fl_date_parse(s, &d); return d; }
static const char *S(int32_t d) { static char b[4][16]; static int k; k = (k + 1) % 4; fl_date_format(d, b[k], sizeof b[k]); return b[k]; }

static void turn_dates(void) {
  static fl_Def def;
  def.start_date = D("2025-03-01");
  /* monthly turns 1-4 (turn 3 left no entry), then yearly: turn 5 left none, turn 6 is now */
  fl_LogEntry log[] = {{.turn = 1, .date = D("2025-03-01")}, {.turn = 2, .date = D("2025-04-01")}, {.turn = 2, .date = D("2025-04-01")},
                       {.turn = 4, .date = D("2025-06-01")}};
  fl_State s = {.turn = 6, .date = D("2027-06-01"), .log = log, .nlog = 4};
  int32_t out[6];
  CHECK(ui_turn_dates(&def, &s, out, 6) == 6, "count");
  CHECK(out[0] == D("2025-03-01") && out[1] == D("2025-04-01") && out[3] == D("2025-06-01") && out[5] == D("2027-06-01"),
        "dated turns: %s %s %s %s", S(out[0]), S(out[1]), S(out[3]), S(out[5]));
  CHECK(out[2] == D("2025-05-01"), "turn 3 between its neighbours: %s", S(out[2]));
  CHECK(out[4] == D("2026-06-01"), "turn 5 halfway from turn 4 to turn 6: %s", S(out[4]));
  /* proportional to time, not to the turn: the aftermath's two turns span more than the four months */
  CHECK(out[5] - out[3] > 6 * (out[3] - out[0]), "years are longer than months");
  /* an ending at the start of turn 7 (yearly turns): its history stops at turn 6, but the
   * turns without an entry still lie between turn 4 and the game's date, not a month apart */
  fl_State end = {.turn = 7, .date = D("2028-06-01"), .log = log, .nlog = 4};
  CHECK(ui_turn_dates(&def, &end, out, 6) == 6, "count");
  CHECK(out[4] == D("2026-06-01") && out[5] == D("2027-06-01"), "turns 5 and 6 before the end: %s %s", S(out[4]), S(out[5]));
  /* a game that ended on its first turn: one date, the start */
  fl_State one = {.turn = 1, .date = D("2025-03-01")};
  CHECK(ui_turn_dates(&def, &one, out, 1) == 1 && out[0] == D("2025-03-01"), "first turn: %s", S(out[0]));
}

static void ticks(void) {
  int32_t t[16];
  int monthly = -1;
  char b[48];
  /* the flagship: 1 Mar 2025 to Dec 2047 in a narrow chart (6 labels at most): every fifth year */
  int n = ui_date_ticks(D("2025-03-01"), D("2047-12-01"), 6, t, &monthly);
  CHECK(n == 4 && monthly == 0 && t[0] == D("2030-01-01") && t[3] == D("2045-01-01"), "long game: %d ticks, first %s", n, S(t[0]));
  ui_date_tick_label(t[0], monthly, b, sizeof b);
  CHECK(!strcmp(b, "2030"), "year label: %s", b);
  /* room for more: every year or every second */
  n = ui_date_ticks(D("2025-03-01"), D("2031-06-01"), 8, t, &monthly);
  CHECK(n == 6 && monthly == 0 && t[0] == D("2026-01-01"), "six years: %d ticks from %s", n, S(t[0]));
  /* under a year: months (every second one fits 5) */
  n = ui_date_ticks(D("2025-03-01"), D("2025-12-01"), 5, t, &monthly);
  CHECK(n == 5 && monthly == 1 && t[0] == D("2025-03-01") && t[4] == D("2025-11-01"), "months: %d ticks, %s..%s", n, S(t[0]), S(t[n - 1]));
  ui_date_tick_label(t[1], monthly, b, sizeof b);
  CHECK(!strcmp(b, "May 2025"), "month label: %s", b);
  /* inside one month: the two ends, by day */
  n = ui_date_ticks(D("2025-03-05"), D("2025-03-20"), 5, t, &monthly);
  CHECK(n == 2 && monthly == 2 && t[0] == D("2025-03-05") && t[1] == D("2025-03-20"), "days: %d", n);
  ui_date_tick_label(t[1], monthly, b, sizeof b);
  CHECK(!strcmp(b, "20 Mar 2025"), "day label: %s", b);
  /* never more than asked */
  for (int m = 1; m <= 12; m++) {
    n = ui_date_ticks(D("1900-01-01"), D("2100-01-01"), m, t, &monthly);
    CHECK(n >= 1 && n <= m, "%d ticks asked, %d given", m, n);
  }
}

int main(void) {
  turn_dates();
  ticks();
  if (failures) { printf("%d failures\n", failures); return 1; }
  printf("ok\n");
  return 0;
}
