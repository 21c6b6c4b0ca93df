scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
-- string.upper walks its whole subject in C, where the count hook cannot see
setup(function()
  local s = string.rep("a", 60000)
  while true do s:upper() s:lower() s:reverse() end
end)
