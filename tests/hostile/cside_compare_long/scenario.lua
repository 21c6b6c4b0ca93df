scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
-- comparing two long strings is one instruction; strings are capped, the clock checked
setup(function()
  local a = string.rep("\0", 60000) .. "a"
  local b = string.rep("\0", 60000) .. "b"
  while true do local _ = a < b end
end)
