scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
