scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
-- table.insert at the front moves the whole list in C
setup(function()
  local t = {}
  for i = 1, 300000 do t[i] = i end
  while true do table.insert(t, 1, 0) table.remove(t, 1) end
end)
