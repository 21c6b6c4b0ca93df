scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
-- the log: entries of the longest allowed text, without end
setup(function()
  local s = string.rep("z", 4096)
  for i = 1, 1000000 do flank.game.log(s) end
end)
