scenario { id = "h", title = "H", turns = 3 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
decision { id = "d", side = "council", options = { { id = "x" }, { id = "y" } } }
