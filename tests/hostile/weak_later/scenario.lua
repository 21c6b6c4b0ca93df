scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
-- A metatable is copied when set: adding __mode (weak, collector-timed) or anything
-- else to it afterwards changes nothing.
setup(function()
  local mt = {}
  local w = setmetatable({}, mt)
  mt.__mode = "k"
  mt.__index = function() return 42 end
  assert(w.x == nil, "a metatable changed after setmetatable must not take effect")
  assert(getmetatable(w) == mt)
end)
