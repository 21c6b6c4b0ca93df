scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
track { id = "t", name = "T", min = -1000000000, max = 1000000000, start = 0 }
-- a chunk loaded with an environment table of its own, reachable only through the chunk
local f = load("n = (n or 0) + 1 return n", "=counter", "t", {})
setup(function() local ok, v = pcall(f) flank.track.set("t", ok and v or -1) end)
