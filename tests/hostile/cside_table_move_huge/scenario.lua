scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
-- table.move over a range of 10^15 would loop in C for ever
setup(function() table.move({}, 1, 1e15, 2) end)
