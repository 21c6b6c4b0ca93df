-- A fixture for hidden pieces with no side: mines that nobody has recorded. No side sees
-- them until rule code reveals them (a survey), while pieces of the same hidden type that
-- belong to a side are seen by that side's team.
local F = flank

scenario { id = "hidden_fixture", title = "Hidden fixture", start = "2025-01-01", step = "1 month", turns = 3 }

side { id = "team", name = "Mine-action team" }
side { id = "village", name = "Village" }

piece_type { id = "mine", name = "Unrecorded mine", symbol = "mine", hidden = true }

area { id = "field", name = "Field", terrain = "plain", owner = "village", ring = { 0, 0, 1, 0, 1, 1, 0, 1 } }
area { id = "wood", name = "Wood", terrain = "forest", owner = "village", ring = { 1, 0, 2, 0, 2, 1, 1, 1 } }

setup(function()
  F.piece.add { type = "mine", area = "field" }                 -- no side: nobody knows
  F.piece.add { type = "mine", area = "wood", side = "team" }   -- the team's own record
end)

decision {
  id = "work", side = "team", title = "This month",
  options = {
    { id = "survey", label = "Survey the field", effect = function()
        for _, id in ipairs(F.piece.list { area = "field" }) do F.piece.reveal(id, "team") end
      end },
    { id = "wait", label = "Wait" },
  },
}

-- What each side's policy sees, as the number of mines it can list (checked by the tests
-- through the option it picks: "survey" when it sees exactly `want` mines).
local function sees(want)
  return function() return #F.piece.list { type = "mine" } == want and "survey" or "wait" end
end
policy { id = "sees_one", side = "team", choose = sees(1) }
policy { id = "sees_two", side = "team", choose = sees(2) }
ending { id = "over", title = "Over", default = true }
