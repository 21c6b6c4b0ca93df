-- a scenario title with an escape sequence (every summary prints it)
scenario { id = "h", title = "H\27[31m red", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
