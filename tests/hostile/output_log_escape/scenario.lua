scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
-- a log line that would clear the screen and retitle the terminal
setup(function() flank.game.log("\27[2J\27]0;owned\7 all clear") end)
