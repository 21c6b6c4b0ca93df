scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
-- escape sequences in an error and in print: clear screen, retitle, fake result line
setup(function()
  print("\27[2J\27]0;owned\7")
  error("\27[2J\r\nsummary: 99 passed, 0 failed")
end)
