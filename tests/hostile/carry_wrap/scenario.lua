scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
track { id = "t", name = "T", min = -1000000000, max = 1000000000, start = 0 }
-- a coroutine.wrap generator made at load: each game starts it afresh
local gen = coroutine.wrap(function() local i = 0 while true do i = i + 1 coroutine.yield(i) end end)
setup(function() flank.track.set("t", gen()) end)
