scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
-- area properties: many keys with long values
setup(function()
  local s = string.rep("y", 60000)
  for i = 1, 100000 do flank.area.set("a", "p" .. i, s) end
end)
