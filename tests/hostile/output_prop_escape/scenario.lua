scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
-- a property text that --board would print
setup(function() flank.area.set("a", "note", "ok\r\27[1A forged line") end)
