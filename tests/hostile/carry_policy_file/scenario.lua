scenario { id = "h", title = "H", turns = 3 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
track { id = "t", name = "T", min = -1000000000, max = 1000000000, start = 0 }
decision { id = "d", side = "council", options = {
  { id = "x", effect = function() flank.track.add("t", 1) end },
  { id = "y", effect = function() flank.track.add("t", 100) end } } }
