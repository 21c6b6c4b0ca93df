/* fl_fast: games without the instruction-count hook, and an exact replay when it matters.
 *
 * The sandbox counts every VM instruction with a count hook. In Lua 5.4 any count hook
 * makes the VM trap on every instruction, whatever the count: rule code runs about 1.6x
 * slower with it. A batch or an ensemble plays thousands of games whose calls all end far
 * below their budgets, so it plays them in "fast" mode, without the hook, and keeps the
 * results exact this way:
 *   - a call that used more than budget / 4 nanoseconds of its thread's CPU time (2.5 ms
 *     for the default 10 million) trips: no Lua VM executes an instruction in under 0.5 ns,
 *     so a call that used less may have used at most half its budget in instructions;
 *   - C-side work charged to a call (fl_sb_charge) trips it past half the budget;
 *   - any game that trips, or ends in an error, is played again from its seed with the
 *     counting hook: games are deterministic, so the replay is the game an exact run plays
 *     (same log, same outcome, same error message).
 * CPU time, not wall time: a worker preempted by the window or by other work does not trip.
 * Reading a thread's CPU clock is a system call, so a watchdog thread reads each fast
 * script's clock every millisecond and publishes it; a call notes the published value when
 * it starts (an atomic read) and reads its own clock only if it ran longer than its limit
 * in wall time (rare). The published value is older than the call's start, so the CPU time
 * a call is charged is never less than it used. The watchdog also stops a call that runs
 * on (a loop that never returns): one it finds still running at a later tick, having used
 * its limit since it first saw it (on a busy machine the watchdog runs late, so its published
 * reading may be old; only the same call seen twice counts). A count hook of 1 then raises
 * at once and again after every pcall that catches it. The watchdog sleeps on a condition
 * variable while no fast script exists, so an idle window costs nothing. */
#define _POSIX_C_SOURCE 200809L
#include "fl_script_int.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define MAX_FAST 256

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static fl_Script *reg[MAX_FAST];
static clockid_t clk[MAX_FAST]; /* reg[i]'s thread's CPU clock */
static long long seen_call[MAX_FAST], seen_cpu[MAX_FAST]; /* the call reg[i] was in at a tick, and the CPU then */
static int nreg, started;

static long long now_ns(void) { return (long long)(fl_sb_now() * 1e9); } /* the sandbox's clock */

/* Installed by the watchdog on a tripped call: raise, and keep raising while rule code
 * catches it (the error leaves every pcall in the script, as an exceeded limit does). */
static void trip_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  fl_Script *sc = *(fl_Script **)lua_getextraspace(L);
  if (sc->depth == 0) return;
  if (!sc->exceeded) sc->exceeded = 3;
  lua_pushliteral(L, "fast mode: this call is replayed exactly");
  lua_error(L);
}

static long long thread_cpu(clockid_t c) {
  struct timespec ts;
  if (clock_gettime(c, &ts)) return -1;
  return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void *watch(void *arg) {
  (void)arg;
  pthread_mutex_lock(&mu);
  for (;;) {
    while (nreg == 0) pthread_cond_wait(&cv, &mu);
    for (int i = 0; i < nreg; i++) {
      fl_Script *sc = reg[i];
      long long cpu = thread_cpu(clk[i]);
      if (cpu < 0) continue;
      atomic_store(&sc->fast_cpu, cpu);
      int in_call = atomic_load_explicit(&sc->fast_in_call, memory_order_acquire); /* before the call's number */
      long long call = atomic_load(&sc->fast_calls);
      if (!in_call || call != seen_call[i]) { seen_call[i] = call; seen_cpu[i] = cpu; continue; }
      /* the same call as at an earlier tick: stop it once it has used its limit since then
       * (the watchdog may run late on a busy machine; a call that ends is judged at its end) */
      if (!atomic_load(&sc->fast_tripped) && cpu - seen_cpu[i] > atomic_load(&sc->fast_limit)) {
        atomic_store(&sc->fast_tripped, 1);
        lua_sethook(sc->L, trip_hook, LUA_MASKCOUNT, 1); /* asynchronous, as lua.c does from a signal */
      }
    }
    pthread_mutex_unlock(&mu);
    struct timespec ts = {0, 1000000};
    nanosleep(&ts, NULL);
    pthread_mutex_lock(&mu);
  }
  return NULL;
}

int fl_sb_fast(fl_Script *sc, int on) {
  pthread_mutex_lock(&mu);
  int i = 0;
  while (i < nreg && reg[i] != sc) i++;
  clockid_t c;
  if (on && i == nreg) {
    if (pthread_getcpuclockid(pthread_self(), &c) || thread_cpu(c) < 0) on = 0;
    else atomic_store(&sc->fast_cpu, thread_cpu(c));
    if (on && !started) {
      pthread_t th;
      pthread_attr_t at;
      pthread_attr_init(&at);
      pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
      started = pthread_create(&th, &at, watch, NULL) == 0;
      pthread_attr_destroy(&at);
    }
    if (!on || !started || nreg == MAX_FAST) on = 0; /* no watchdog, or too many: stay exact */
    else { clk[nreg] = c; seen_call[nreg] = -1; reg[nreg++] = sc; }
  } else if (!on && i < nreg) {
    fl_sb_fast_game_end(sc, 1);
    nreg--;
    reg[i] = reg[nreg];
    clk[i] = clk[nreg];
    seen_call[i] = seen_call[nreg];
    seen_cpu[i] = seen_cpu[nreg];
  }
  sc->fast = on;
  atomic_store(&sc->fast_in_call, 0);
  atomic_store(&sc->fast_tripped, 0);
  if (on) lua_sethook(sc->L, NULL, 0, 0);
  else fl_sb_exact_hook(sc);
  if (nreg) pthread_cond_signal(&cv);
  pthread_mutex_unlock(&mu);
  return on;
}

int fl_sb_fast_tripped(fl_Script *sc) {
  return sc->fast && atomic_load(&sc->fast_tripped);
}

/* Only this thread writes these fields; the watchdog reads fast_in_call first (acquire),
 * so the release store of it publishes the call's number and limit. now: fl_sb_now(). */
void fl_sb_fast_enter(fl_Script *sc, long long budget, double now) {
  atomic_store_explicit(&sc->fast_limit, budget > 0 ? budget / 4 : 0, memory_order_relaxed);
  atomic_store_explicit(&sc->fast_cpu0, atomic_load(&sc->fast_cpu), memory_order_relaxed); /* taken before now */
  atomic_store_explicit(&sc->fast_t0, (long long)(now * 1e9), memory_order_relaxed);
  atomic_store_explicit(&sc->fast_calls, atomic_load_explicit(&sc->fast_calls, memory_order_relaxed) + 1,
                        memory_order_relaxed);
  atomic_store_explicit(&sc->fast_in_call, 1, memory_order_release);
}

void fl_sb_fast_leave(fl_Script *sc) {
  atomic_store_explicit(&sc->fast_in_call, 0, memory_order_release);
  long long limit = atomic_load_explicit(&sc->fast_limit, memory_order_relaxed);
  if (now_ns() - atomic_load_explicit(&sc->fast_t0, memory_order_relaxed) > limit) { /* long in wall time: was it in CPU time? */
    long long cpu = thread_cpu(CLOCK_THREAD_CPUTIME_ID);
    if (cpu < 0 || cpu - atomic_load_explicit(&sc->fast_cpu0, memory_order_relaxed) > limit) atomic_store(&sc->fast_tripped, 1);
  }
}

void fl_sb_fast_trip(lua_State *L, fl_Script *sc) {
  atomic_store(&sc->fast_tripped, 1);
  trip_hook(L, NULL);
}

void fl_sb_fast_game(fl_Script *sc) {
  if (sc->fast && !sc->fast_out) sc->fast_out = open_memstream(&sc->fast_buf, &sc->fast_len);
}

void fl_sb_fast_game_end(fl_Script *sc, int keep) {
  if (!sc->fast_out) return;
  fclose(sc->fast_out);
  if (keep && sc->fast_len) fwrite(sc->fast_buf, 1, sc->fast_len, stderr);
  free(sc->fast_buf);
  sc->fast_out = NULL;
  sc->fast_buf = NULL;
  sc->fast_len = 0;
}
