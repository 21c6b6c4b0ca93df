-- RAND RR-1253-A [@rand]: with 2016-like forces and no obstacles, Russian forces
-- reached the outskirts of Tallinn and/or Riga in 36-60 hours; about seven brigades,
-- three of them heavy, in place at the outset could prevent a rapid overrun.
-- The adversary attacks at the first turn ("attack_now"); the council builds nothing
-- ("bare"); the allies take RAND's 2016 posture or its seven brigades, as counters on
-- the board (war.lua), and the war is fought area by area (warsim.lua).

local N = 1000

test("RAND 2016: a capital's outskirts in 36-60 hours in most games", function()
  local a = play { seeds = N, side = { council = "bare", allies = "rand_2016", adversary = "attack_now" } }
  expect(a.ending_rate.territory_lost).ge(0.9)
  -- at least 90% of games between 36 and 60 hours
  expect(a.tracks.hours_to_capital.p05).ge(36)
  expect(a.tracks.hours_to_capital.p95).le(60)
  expect(a.tracks.hours_to_capital.median).ge(36)
  expect(a.tracks.hours_to_capital.median).le(60)
end)

test("RAND: seven brigades, three heavy, prevent a rapid overrun in most games", function()
  local b = play { seeds = N, side = { council = "bare", allies = "seven_brigades", adversary = "attack_now" } }
  expect(b.tracks.rapid_overrun.mean).le(0.2)       -- no capital within 7 days in at least 80% of games
  expect(b.ending_rate.line_held or 0).gt(0.5)
end)
