scenario { id = "h", title = "H", turns = 10000 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
-- each day's event stays under the instruction budget; a whole game does not
event { id = "slow", when = function() return true end, effect = function() local x = 0 for i = 1, 2000000 do x = x + i end end }
