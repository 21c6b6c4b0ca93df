-- A file-level local changed by rule code: harmless in one game, but a batch worker
-- plays many games in one Lua state, so each game starts with it as loading left it.
scenario { id = "upvalue", title = "Upvalue", turns = 1 }
side { id = "a" }
track { id = "x", max = 1000 }
area { id = "r", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
local games = 0
setup(function() games = games + 1; flank.track.set("x", games) end)
