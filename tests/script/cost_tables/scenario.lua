-- A fixture for what a cost function may return: a fresh table, a file-level table (frozen
-- after load), an object whose fields come from its metatable, and a table with a key that is
-- no track (ignored). Each prices its option out of reach; the policy takes the first option
-- it is told is available.
local F = flank

scenario { id = "cost_tables_fixture", title = "Cost tables fixture", start = "2025-01-01", step = "1 month", turns = 1 }

side { id = "council", name = "Council" }
track { id = "budget", name = "Budget", min = 0, max = 100, start = 5 }
track { id = "trust", name = "Trust", min = 0, max = 100, start = 50 }

area { id = "north", name = "North", terrain = "plain", owner = "council", ring = { 0, 0, 1, 0, 1, 1, 0, 1 } }

local DEAR = { budget = 10 }
local DEAR_OBJECT = setmetatable({}, { __index = { budget = 11 } })

decision {
  id = "buy", side = "council", title = "Spend",
  options = {
    { id = "fresh", label = "Priced by a fresh table", cost = function() return { budget = 10 } end },
    { id = "frozen", label = "Priced by a file-level table", cost = function() return DEAR end },
    { id = "object", label = "Priced by an object", cost = function() return DEAR_OBJECT end },
    { id = "extra", label = "Priced with a note", cost = function() return { note = 1, budget = 12 } end },
    { id = "two", label = "Priced on two tracks", cost = function() return { trust = 60, budget = 1 } end },
    { id = "cheap", label = "A cheap thing", cost = function() return { trust = 1, budget = 2 } end },
    { id = "wait", label = "Wait" },
  },
}

policy { id = "trusting", side = "council", choose = function(_, d)
  for _, o in ipairs(d.options) do
    if o.available then return o.id end
  end
end }

ending { id = "over", title = "Over", default = true }
