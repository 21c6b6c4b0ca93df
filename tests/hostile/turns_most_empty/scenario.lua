-- the most turns a scenario may have, none of them waiting for a player: the game runs to
-- its end in about a second (a turn's hash covers the history, so the cost grows with it)
scenario { id = "h", title = "H", turns = 10000 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
track { id = "t", name = "T", min = 0, max = 100, start = 1 }
ending { id = "e", default = true }
