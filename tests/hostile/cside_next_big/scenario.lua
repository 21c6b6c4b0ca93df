scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
-- next over a big table costs the table's size per call
setup(function()
  local t = {}
  for i = 1, 200000 do t["k" .. i] = i end
  local k = next(t)
  while k do k = next(t, k) end
end)
