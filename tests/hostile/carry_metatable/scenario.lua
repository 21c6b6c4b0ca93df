scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
track { id = "t", name = "T", min = -1000000000, max = 1000000000, start = 0 }
-- an object with a metatable at file level: games in a batch must not see each other's writes
local obj = setmetatable({ n = 0 }, { __index = { step = 1 } })
setup(function()
  pcall(function() obj.n = obj.n + obj.step end)
  flank.track.set("t", obj.n)
end)
