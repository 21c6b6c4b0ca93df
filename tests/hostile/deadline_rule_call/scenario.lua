scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
-- with an instruction budget too large to matter, the wall clock still stops the call
setup(function() while true do end end)
