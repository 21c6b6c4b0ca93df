-- A fixture for the board: targeted options, movement, hidden information and marks.
-- A 4 x 3 grid; a lake at c1r0, a forest at c2r1. Blue moves infantry and lays
-- fields; Red's scouts are hidden; Red's morale is a track only Red may see.
local F = flank

scenario { id = "board_fixture", title = "Board fixture", start = "2025-01-01", step = "1 day", turns = 4, stacking = 2 }

side { id = "blue", name = "Blue" }
side { id = "green", name = "Green", team = "blue" }
side { id = "red", name = "Red" }

track { id = "budget", name = "Budget", min = 0, max = 100, start = 10 }
track { id = "morale", name = "Red morale", min = 0, max = 10, start = 7, visible_to = "red" }

property { id = "field", name = "Minefield", unit = "fields", unit_one = "field", visible_to = "blue" }
property { id = "ground", name = "Ground", values = { mud = "Spring mud: tracks only", frozen = "Frozen hard" } }

piece_type { id = "inf", name = "Infantry", symbol = "infantry", mp = 3, stop_at_enemy = true,
             terrain = { forest = 2, lake = false } }
piece_type { id = "scout", name = "Scout", symbol = "recon", mp = 1, hidden = true }

for y = 0, 2 do
  for x = 0, 3 do
    local terrain = (x == 2 and y == 1) and "forest" or (x == 1 and y == 0) and "lake" or "plain"
    area { id = string.format("c%dr%d", x, y), terrain = terrain, owner = x < 2 and "blue" or "red",
           ring = { x, y, x + 1, y, x + 1, y + 1, x, y + 1 } }
  end
end

setup(function()
  F.piece.add { type = "inf", area = "c0r0", side = "blue" }
  F.area.set("c0r1", "ground", "mud")   -- shown by its label
  F.area.set("c0r2", "ground", "sand")  -- a value without a label shows as it is
  F.piece.add { type = "inf", area = "c0r2", side = "blue" }
  F.piece.add { type = "scout", area = "c3r2", side = "red" }
end)

-- Constant lists at file level are frozen after load like every table rule code can reach:
-- the engine still reads them whole (a legal list, a policy's targets, a mark's sides).
local PAIR_AREAS = { "c2r0", "c2r2", "c3r1" }
local PAIR_PICK = { "c2r0", "c3r1" }
local BLUE_TEAM = { "blue", "green" }

decision {
  id = "orders", side = "blue", title = "Blue's orders",
  options = {
    { id = "move", label = "Move a unit", target = "move", again = true,
      effect = function(piece, to, from)
        F.var.add("moves", 1)
        F.var.set("last_move", from .. ">" .. to)
      end },
    { id = "lay", label = "Lay a field", target = "area", again = true,
      legal = function()
        local free = {}
        for _, a in ipairs { "c1r1", "c1r2", "c0r1" } do
          if not F.area.get(a, "field") then free[#free + 1] = a end
        end
        return free
      end,
      cost = function(area) return { budget = area == "c1r1" and 4 or 2 } end,
      requires = function(area)
        if area == nil then return true end
        if F.area.get(area, "field") then return false, "already mined" end
        return true
      end,
      preview = function(area) return area and ("Mine " .. area) or "Mine an area" end,
      effect = function(area)
        F.area.set(area, "field", 1)
        F.map.highlight(area, { style = "warning", label = "field", to = BLUE_TEAM })
      end },
    { id = "pair", label = "Scout two areas", target = "areas", min = 2, max = 2,
      legal = function() return PAIR_AREAS end,
      effect = function(areas) F.var.set("scouted", table.concat(areas, ",")) end },
    { id = "done", label = "End orders" },
  },
}

decision {
  id = "red_orders", side = "red", title = "Red's orders",
  options = {
    { id = "sneak", label = "Move a scout", target = "move", again = true },
    { id = "arrow", label = "Announce an axis", effect = function()
        F.map.arrow("c3r1", "c1r1", { side = "red", label = "Axis" })
        F.map.front(true)
      end },
    { id = "done", label = "Stand" },
  },
}

ending { id = "over", title = "Over", default = true }

-- Blue: lay a field where it can, move the first unit east, then end.
policy { id = "default", side = "blue", choose = function(view, d)
  local lay, move = d.options[2], d.options[1]
  if lay.available and #lay.targets > 0 and view.tracks.budget >= 4 then return "lay", lay.targets[1] end
  if move.available then
    local id = move.targets[1]
    local reach = flank.move.reachable(id)
    if #reach > 0 then return "move", id, reach[#reach] end
  end
  return "done"
end }

-- A cheating policy: reads Red's hidden morale and the hidden scout.
policy { id = "peek", side = "blue", choose = function(view, d)
  flank.var.get("x") -- vars are shared rule state, fine
  if view.tracks.morale ~= nil then error("view.tracks.morale leaked") end
  local ok = pcall(flank.track.get, "morale")
  if ok then error("flank.track.get('morale') worked for Blue") end
  if #flank.piece.list { side = "red" } > 0 then error("a hidden Red scout is listed for Blue") end
  return "done"
end }

policy { id = "typo", side = "blue", choose = function(view, d)
  if view.tracks.budgte then return "done" end   -- a misspelt track is an error, not nil
  return "done"
end }

policy { id = "bad_target", side = "blue", choose = function(view, d)
  return "lay", "c3r2"
end }

policy { id = "pair", side = "blue", choose = function(view, d)
  if d.options[3].available and view.turn == 1 and not flank.var.get("scouted") then return "pair", PAIR_PICK end
  return "done"
end }

policy { id = "default", side = "red", choose = function(view, d)
  if view.turn == 1 and not flank.decision.taken("red_orders") then return "arrow" end
  if view.tracks.morale == nil then error("Red cannot see its own morale") end
  return "done"
end }
