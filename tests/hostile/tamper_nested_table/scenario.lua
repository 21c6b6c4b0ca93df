scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
-- A table in a global, changed during play, would carry state from one game to the
-- next in a batch worker: nested tables are frozen too.
CONFIG = { costs = { mines = 5 } }
decision { id = "d", side = "council", options = { { id = "x", effect = function() CONFIG.costs.mines = 6 end } } }
