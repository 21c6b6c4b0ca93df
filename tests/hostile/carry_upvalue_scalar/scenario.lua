scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
track { id = "t", name = "T", min = -1000000000, max = 1000000000, start = 0 }
-- a file-level number changed by a game
local games = 0
setup(function() games = games + 1 flank.track.set("t", games) end)
