scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
-- the budget error is raised inside Lua's count hook, where hooks are off: a message
-- handler that loops must still be stopped
setup(function()
  xpcall(function() while true do end end, function() while true do end end)
end)
