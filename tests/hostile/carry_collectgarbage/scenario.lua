scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
track { id = "t", name = "T", min = -1000000000, max = 1000000000, start = 0 }
-- memory in use differs from a worker's first game to its second
local junk = {}
setup(function()
  for i = 1, 1000 do local _ = { i } end
  flank.track.set("t", math.floor(collectgarbage("count")))
end)
