-- the map is a symlink to /dev/zero: refused before a byte is read
scenario { id = "h", title = "H", turns = 2, map = "board.map" }
side { id = "council" }
ending { id = "e", default = true }
