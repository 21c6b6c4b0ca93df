scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
setup(function()
  local f, err = load(("("):rep(6e4))
  assert(f == nil and (err:find("overflow") or err:find("levels")), err)
end)
