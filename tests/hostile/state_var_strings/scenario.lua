scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
-- long strings in vars are held by the engine, outside the Lua memory cap
setup(function()
  local s = string.rep("x", 60000)
  for i = 1, 100000 do flank.var.set("k" .. i, s) end
end)
