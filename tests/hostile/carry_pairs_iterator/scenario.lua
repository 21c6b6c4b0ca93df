scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
track { id = "t", name = "T", min = -1000000000, max = 1000000000, start = 0 }
-- a pairs iterator made at load keeps its index in C
local nxt, tbl = pairs({ 10, 20, 30, 40, 50, 60, 70, 80 })
setup(function() local _, v = nxt(tbl) flank.track.set("t", v or -1) end)
