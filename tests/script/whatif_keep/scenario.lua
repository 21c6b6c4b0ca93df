-- A fixture for what-if forks of a person's game: the first choice moves the crisis (turn 2
-- or turn 4), and the crisis asks what to do. A fork that moves the crisis keeps the person's
-- crisis choice: it is matched by decision, not by the turn it came in.
local F = flank

scenario { id = "whatif_keep", title = "The flood", start = "2025-01-01", step = "1 month", turns = 6 }

side { id = "mayor", name = "Mayor" }
track { id = "dry", name = "Houses kept dry", min = 0, max = 100, start = 50 }

area { id = "town", name = "Town", terrain = "plain", owner = "mayor", ring = { 0, 0, 1, 0, 1, 1, 0, 1 } }

setup(function() F.var.set("flood", 0) end)

decision {
  id = "dyke", side = "mayor", title = "The dyke", when = function() return F.game.turn() == 1 end,
  options = {
    { id = "patch", label = "Patch it (the flood comes in month 4)", effect = function() F.var.set("flood", 4) end },
    { id = "leave", label = "Leave it (the flood comes in month 2)", effect = function() F.var.set("flood", 2) end },
  },
}

decision {
  id = "flood", side = "mayor", title = "The flood", when = function() return F.game.turn() == F.var.get("flood") end,
  options = {
    { id = "evacuate", label = "Evacuate", effect = function() F.track.add("dry", 10) end },
    { id = "wait", label = "Wait", effect = function() F.track.add("dry", -20) end },
  },
}

-- The computer waits.
policy { id = "default", side = "mayor", choose = function(_, d) return d.id == "dyke" and "patch" or "wait" end }

ending { id = "over", title = "Over", default = true }
