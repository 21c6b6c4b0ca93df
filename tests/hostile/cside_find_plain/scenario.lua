scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
-- a plain find with a long subject and a long needle that almost matches everywhere
setup(function()
  local s = string.rep("a", 60000)
  local p = string.rep("a", 30000) .. "b"
  local n = 0
  while true do if s:find(p, 1, true) then n = n + 1 end if s:find(p) then n = n + 1 end end
end)
