-- a turn hashes the whole state, whose history grows with the turns: 100000 empty turns took
-- minutes (quadratic); the loader refuses more than 10000
scenario { id = "h", title = "H", turns = 100000 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
