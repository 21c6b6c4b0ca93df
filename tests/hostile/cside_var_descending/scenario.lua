scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
-- flank.var.set with keys in descending order: each insert moves every key after it
setup(function()
  for i = 1000000, 1, -1 do flank.var.set(string.format("k%07d", i), i) end
end)
