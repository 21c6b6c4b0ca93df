-- Rules of River Crossing that a change to scenario.lua must not break.
-- Run: flank test river_crossing

local ENDINGS = { "breakthrough", "repulsed", "bridgehead", "river_held" }

-- Columns west to east, to check how far a move went.
local COL = {
  downs = 1, meadows = 1, mill = 1, north_woods = 1, sheds = 2, landing = 2, mill_fields = 2, quarry = 2,
  lower_river = 3, deep_water = 3, ford = 3, bridge = 3, water_meadows = 4, reed_beds = 4, ford_bank = 4,
  bridge_road = 4, south_woods = 5, poplars = 5, orchards = 5, chapel_hill = 5, brickworks = 6, town = 6,
  north_farms = 6,
}

test("every game ends with one of the four endings", function()
  local a = play{ seeds = 200 }
  expect(a.games).eq(200)
  local total = 0
  for _, e in ipairs(ENDINGS) do total = total + (a.endings[e] or 0) end
  expect(total).eq(200)
end)

test("the same seed gives the same game", function()
  local a, b = play{ seed = 11 }, play{ seed = 11 }
  expect(a.ending).eq(b.ending)
  expect(a.tracks.strength).eq(b.tracks.strength)
  expect(#a.decisions).eq(#b.decisions)
end)

test("units move on the board: every move goes somewhere within two columns", function()
  local moves = 0
  for seed = 1, 30 do
    local g = play{ seed = seed }
    for _, d in ipairs(g.decisions) do
      if d.option == "move" then
        moves = moves + 1
        expect(d.from).ne(d.to)
        expect(math.abs(COL[d.to] - COL[d.from])).le(2)
      end
    end
  end
  expect(moves).gt(100)
end)

test("no battalion ever stands in open water", function()
  for seed = 1, 50 do
    local g = play{ seed = seed }
    for _, p in ipairs(g.pieces) do
      if p.type == "battalion" then
        expect(p.area ~= "lower_river" and p.area ~= "deep_water").is_true()
      end
    end
  end
end)

test("once Red blows the bridge, no battalion moves onto it or across it", function()
  local blown = 0
  for seed = 1, 60 do
    local g = play{ seed = seed }
    local at = nil
    for _, d in ipairs(g.decisions) do
      if d.option == "blow_bridge" then at = d.turn end
      if at and d.option == "move" and d.side == "blue" then
        expect(d.to).ne("bridge")
        expect(d.from == "quarry" and d.to == "bridge_road").is_false()
      end
    end
    if at then blown = blown + 1 end
  end
  expect(blown).gt(0) -- the rule was exercised
end)

test("boats ferry battalions across when the boats-only commander plays", function()
  local ferried = 0
  for seed = 1, 30 do
    local g = play{ seed = seed, side = { blue = "boats_only" } }
    for _, d in ipairs(g.decisions) do
      if d.option == "boat" then ferried = ferried + 1; expect(COL[d.targets[1]]).eq(4) end
    end
  end
  expect(ferried).gt(10)
end)

test("a passive defender loses the crossroads more often", function()
  local passive = play{ seeds = 1000, side = { red = "passive" } }
  local active = play{ seeds = 1000 }
  expect(passive.ending_rate.breakthrough).gt(active.ending_rate.breakthrough)
end)

test("boats alone break through less often than using the bridge and the ford", function()
  local boats = play{ seeds = 500, side = { blue = "boats_only" } }
  local mixed = play{ seeds = 500 }
  expect(boats.ending_rate.breakthrough).lt(mixed.ending_rate.breakthrough)
  expect(boats.ending_rate.river_held).gt(mixed.ending_rate.river_held)
end)

test("reckless assaults get Blue repulsed in some games", function()
  local a = play{ seeds = 200, side = { blue = "reckless" } }
  expect(a.endings.repulsed).gt(0)
  expect(a.tracks.strength.min).le(4)
end)

test("random orders on both sides always finish the game", function()
  local a = play{ seeds = 200, policy = "random" }
  expect(a.unfinished).eq(0)
end)

test("Blue's strength stays within its track", function()
  local a = play{ seeds = 100 }
  expect(a.tracks.strength.min).ge(0)
  expect(a.tracks.strength.max).le(10)
end)
