scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
-- a coroutine stopped by the budget, closed from a message handler
setup(function()
  local co = coroutine.create(function()
    local x <close> = setmetatable({}, { __close = function() while true do end end })
    while true do end
  end)
  xpcall(function() coroutine.resume(co) end, function() coroutine.close(co) while true do end end)
end)
