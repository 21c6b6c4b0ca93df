-- Tests of {{title}}: run them with `flank test {{id}}`.
-- play{} plays games headless; expect() checks results (see docs/guide.md).

test("a game ends with one of the scenario's endings", function()
  local g = play{ seed = 1 }
  expect(g.ending == "held" or g.ending == "overrun").is_true()
end)

test("the same seed gives the same game", function()
  local a, b = play{ seed = 7 }, play{ seed = 7 }
  expect(a.ending).eq(b.ending)
  expect(a.tracks.readiness).eq(b.tracks.readiness)
end)

test("drilling holds the line more often than never preparing", function()
  local drill = play{ seeds = 50 }
  local idle = play{ seeds = 50, side = { defender = "idle" } }
  expect(drill.ending_rate.held or 0).gt(idle.ending_rate.held or 0)
end)

test("without storms the line holds at least as often", function()
  local stormy = play{ seeds = 50 }
  local calm = play{ seeds = 50, set = { storm_chance = 0 } }
  expect(calm.ending_rate.held or 0).ge(stormy.ending_rate.held or 0)
end)
