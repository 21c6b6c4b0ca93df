scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
-- coroutine.wrap closes a coroutine that died of an error; its __close must not loop
-- with the hooks the budget error switched off
setup(function()
  local f = coroutine.wrap(function()
    local x <close> = setmetatable({}, { __close = function() while true do end end })
    while true do end
  end)
  f()
end)
