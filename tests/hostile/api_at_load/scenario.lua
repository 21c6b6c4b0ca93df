scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
track { id = "t" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
local x = flank.track.get("t") + math.random()
