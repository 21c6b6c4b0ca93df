-- Hostile for lint: policies built so that following them never ends (a chain of closures
-- deeper than lint follows, thousands of policies, a table of 20000 functions looked up by
-- decision id). `flank lint` must still end quickly, report the bad return and a bounded
-- number of misspelt keys, and not crash.
scenario { id = "lint_policy_follow", title = "Lint follow", start = "2025-01-01", turns = 2 }
side { id = "a", name = "A" }
decision { id = "go", side = "a", title = "Go", options = { { id = "yes", label = "Yes" } } }
ending { id = "over", title = "Over", default = true }

local function make(n)
  local nxt = n > 0 and make(n - 1) or nil
  return function(v, d)
    if nxt then return nxt(v, d) end
    return "no"
  end
end

local T = {}
for i = 1, 20000 do T["k" .. i] = function() return "no" end end

for i = 1, 3000 do
  policy { id = "p" .. i, side = "a", choose = make(40) }
end
policy { id = "first", side = "a", choose = make(3) }
policy { id = "table", side = "a", choose = function(v, d) return T[d.id](v, d) end }
