scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
track { id = "t", name = "T", min = -1000000000, max = 1000000000, start = 0 }
-- a gmatch iterator made at load keeps its position in C
local it = ("abcdefghijklmnopqrstuvwxyz"):gmatch("%a")
setup(function() flank.track.set("t", string.byte(it() or "?")) end)
