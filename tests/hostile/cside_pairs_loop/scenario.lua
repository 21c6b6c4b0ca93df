scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
-- pairs sorts its table in C: each call pays for it
local big = {}
for i = 1, 100000 do big[i] = i end
setup(function()
  while true do for _ in pairs(big) do break end end
end)
