-- Rules of River Crossing that a change to scenario.lua must not break.
-- Run: flank test river_crossing

local ENDINGS = { "breakthrough", "repulsed", "bridgehead", "river_held" }

test("every game ends with one of the four endings", function()
  local a = play{ seeds = 100 }
  expect(a.games).eq(100)
  local total = 0
  for _, e in ipairs(ENDINGS) do total = total + (a.endings[e] or 0) end
  expect(total).eq(100)
end)

test("the same seed gives the same game", function()
  local a, b = play{ seed = 11 }, play{ seed = 11 }
  expect(a.ending).eq(b.ending)
  expect(a.tracks.strength).eq(b.tracks.strength)
  expect(#a.decisions).eq(#b.decisions)
end)

test("once Red blows the bridge, Blue never storms it again", function()
  local blown = 0
  for seed = 1, 40 do
    local g = play{ seed = seed }
    local at = nil
    for _, d in ipairs(g.decisions) do
      if d.option == "blow_bridge" then at = d.turn end
      if at and d.turn > at then expect(d.option).ne("bridge") end
    end
    if at then blown = blown + 1 end
  end
  expect(blown).gt(0)            -- the rule was exercised at least once
end)

test("a passive defender loses the crossroads more often", function()
  local passive = play{ seeds = 200, side = { red = "passive" } }
  local active = play{ seeds = 200 }
  expect(passive.ending_rate.breakthrough or 0).gt(active.ending_rate.breakthrough or 0)
end)

test("boats alone cross less often than using the bridge and the ford", function()
  local boats = play{ seeds = 200, side = { blue = "boats_only" } }
  local mixed = play{ seeds = 200 }
  expect(boats.ending_rate.river_held or 0).gt(mixed.ending_rate.river_held or 0)
end)

test("reckless assaults get Blue repulsed in some games", function()
  local a = play{ seeds = 200, side = { blue = "reckless" } }
  expect(a.endings.repulsed or 0).gt(0)
  expect(a.tracks.strength.min).le(3)
end)

test("Blue's strength stays within its track", function()
  local a = play{ seeds = 100 }
  expect(a.tracks.strength.min).ge(0)
  expect(a.tracks.strength.max).le(12)
end)
