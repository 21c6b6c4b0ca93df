-- A fixture for cost functions: an option whose cost function says it is too dear is not
-- available, with or without targets (the function is asked with no target for the least
-- the option can cost), so a policy that trusts `available` never picks what it cannot pay.
local F = flank

scenario { id = "costs_fixture", title = "Costs fixture", start = "2025-01-01", step = "1 month", turns = 2 }

side { id = "council", name = "Council" }
track { id = "budget", name = "Budget", min = 0, max = 100, start = 5 }

area { id = "north", name = "North", terrain = "plain", owner = "council", ring = { 0, 0, 1, 0, 1, 1, 0, 1 } }
area { id = "south", name = "South", terrain = "plain", owner = "council", ring = { 0, 1, 1, 1, 1, 2, 0, 2 } }

decision {
  id = "buy", side = "council", title = "Spend",
  options = {
    { id = "dear", label = "A dear thing", cost = function() return { budget = 10 } end },
    { id = "dear_area", label = "A dear thing somewhere", target = "area",
      cost = function(area) return { budget = area == "south" and 9 or 8 } end },  -- at least 8
    { id = "cheap_area", label = "A cheap thing somewhere", target = "area",
      cost = function(area) return { budget = area == "south" and 4 or 3 } end },  -- at least 3
    { id = "survey_area", label = "A survey somewhere", target = "area", cost = { budget = 1 } },  -- the window's what-if tries it on the same area
    { id = "wait", label = "Wait" },
  },
}

-- Takes the first option it is told is available.
policy { id = "trusting", side = "council", choose = function(_, d)
  for _, o in ipairs(d.options) do
    if o.available then return o.id, o.target and "north" or nil end
  end
end }

ending { id = "over", title = "Over", default = true }
