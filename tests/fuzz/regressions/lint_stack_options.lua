scenario { id = "h", title = "H", turns = 2 }
side { true }
decision { iid = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
decision { id = "d", side = "cou•cil", options = { { id = "x", effect = function() setmetatable(_G, nil) end } } }
