scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
-- inf and NaN never enter the state
setup(function()
  local ok1 = pcall(flank.var.set, "x", 1 / 0)
  local ok2 = pcall(flank.area.set, "a", "y", 0 / 0)
  local ok3 = pcall(flank.rng.normal, 0, math.huge)
  if ok1 or ok2 or ok3 then return end
  flank.track.set("nope", 0 / 0)
end)
