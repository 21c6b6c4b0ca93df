-- The API as the docs promise it: the map can be read while the scenario loads, flank.area.get
-- and flank.piece.get read built-in fields, silent events write no log line. Its tests
-- (tests/mapload.lua, run by ctest as script/mapload) read the final board.
local F = flank

scenario { id = "mapload", title = "Map reads while loading", map = "assets/maps/eastern_flank.map", turns = 2,
  start = "2025-01-01" }

-- scenario{ map = } has read the map: its areas, names and neighbours are here already
local ids = F.area.list()
assert(#ids > 10, "the map's areas while loading")
local home = ids[1]
local near = F.area.neighbors(home)
assert(#near >= 1, "neighbours while loading")
local a = F.area.get(home)
assert(a.id == home and a.name == F.area.get(home, "name") and a.neighbors[1] == near[1])
assert(type(a.terrain) == "string" and F.area.get(home, "country") == a.country)
assert(F.area.get(home, "owner") == nil, "owners come with the game")
local ok, err = pcall(F.area.get, "nowhere")
assert(not ok and tostring(err):find("unknown area 'nowhere'", 1, true))

side { id = "blue" }
side { id = "red", playable = false }
piece_type { id = "unit" }
-- area{} overrides written from the map: the home area and every neighbour are Blue's
area { id = home, owner = "blue", props = { supply = 1 } }
for _, id in ipairs(near) do area { id = id, owner = "blue" } end

setup(function()
  F.piece.add { type = "unit", area = home, side = "blue" }
  F.var.set("home", home)
  F.var.set("near", #near)
end)

-- built-in fields through get(id, key), as the whole-table forms have them
event { id = "check", title = "Check", silent = true, effect = function()
  local p = F.piece.list()[1]
  assert(F.piece.get(p, "area") == home and F.piece.get(p, "type") == "unit" and F.piece.get(p, "side") == "blue")
  assert(F.area.get(home, "owner") == "blue" and F.area.get(home, "name") == a.name and F.area.get(home, "supply") == 1)
  F.var.add("checks", 1)
end }
event { id = "report", title = "Report", on = "turn_end", text = "A line in the log." }
ending { id = "over", title = "Over", default = true }
