-- Hidden pieces without a side: no side sees them until they are revealed.
-- The team's policy reports what it sees by the option it picks (scenario.lua: sees()).

test("a side sees its own hidden mine but not the unrecorded one", function()
  local g = play { seed = 1, side = { team = "sees_one" }, turns = 1 }
  expect(g.decisions[1].option).eq("survey")  -- it listed exactly one mine: its own
end)

test("once surveyed, the unrecorded mine is seen too", function()
  local g = play { seed = 1, side = { team = "sees_two" }, turns = 2 }
  expect(g.decisions[1].option).eq("wait")    -- turn 1: one mine in sight, not two
  local one = play { seed = 1, side = { team = "sees_one" }, turns = 2 }
  expect(one.decisions[2].option).eq("wait")  -- after the survey it sees two, not one
end)
