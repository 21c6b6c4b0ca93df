scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
-- a handler that fails is called again for its own error: each call must be stopped too
local function h(e) local t = {} for i = 1, 1e9 do t[#t + 1] = i end error(e) end
setup(function()
  xpcall(function() error("first") end, h)
end)
