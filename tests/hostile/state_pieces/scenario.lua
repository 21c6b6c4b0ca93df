scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
piece_type { id = "unit", name = "Unit" }
-- pieces with long properties
setup(function()
  local s = string.rep("p", 60000)
  for i = 1, 1000000 do flank.piece.add{ type = "unit", area = "a", side = "council", props = { note = s } } end
end)
