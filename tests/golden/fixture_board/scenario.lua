-- A fixed board for the window's golden images (tests/cli/test_render.sh).
-- It does not change when the shipped scenarios do, and it covers what the
-- renderer must get right: an area with a hole (a lake), a non-convex area,
-- UTF-8 names (Suwałki, Šiauliai, Rēzekne, Võru), three owners with the
-- scenario's own colours (a hex colour and palette names), five countries with
-- heavy national borders between them, two sea zones (one owned, one not) drawn
-- as water, every counter symbol, stacks with a count, a decision card with costs
-- and a reason. Neighbouring areas share their border vertices, so every border
-- is matched (and drawn) once.

scenario {
  id = "fixture_board", title = "Golden board", version = "1.0.0",
  blurb = "A fixed board for rendering tests.",
  start = "2025-03-01", step = "1 month", turns = 3,
}

side { id = "north", name = "Northern command", colour = "#e8c547" }
side { id = "south", name = "Southern command", playable = false, colour = "sky_blue" }
side { id = "aid", name = "Relief agencies", playable = false, colour = "vermillion" }

phase { id = "north", name = "North decides", side = "north" }
phase { id = "south", name = "South decides", side = "south" }

track { id = "readiness", name = "Readiness", min = 0, max = 100, start = 50, unit = "%", better = "higher" }
track { id = "harm", name = "Civilian harm (during the war)", min = 0, max = 1e9, start = 0, unit = "people", better = "lower" }
track { id = "harm_after", name = "Civilian harm (after the war)", short = "Harm after the war", min = 0, max = 1e9, start = 0, unit = "people", better = "lower" }
track { id = "funds", name = "Funds", min = 0, max = 40, start = 12, unit = "M€", better = "higher" }

piece_type { id = "inf", name = "Infantry", symbol = "infantry" }
piece_type { id = "arm", name = "Armour", symbol = "armour" }
piece_type { id = "mech", name = "Mechanised", symbol = "mechanised" }
piece_type { id = "art", name = "Artillery", symbol = "artillery" }
piece_type { id = "rec", name = "Recon", symbol = "recon" }
piece_type { id = "eng", name = "Engineers", symbol = "engineer" }
piece_type { id = "hq", name = "Headquarters", symbol = "hq" }
piece_type { id = "sup", name = "Supply column", symbol = "supply" }
piece_type { id = "air", name = "Air wing", symbol = "aircraft" }
piece_type { id = "uav", name = "Drones", symbol = "drone" }
piece_type { id = "ship", name = "Frigate", symbol = "ship" }
piece_type { id = "sub", name = "Submarine", symbol = "submarine" }
piece_type { id = "boat", name = "Assault boats", symbol = "boat" }
piece_type { id = "mines", name = "Minefield", symbol = "minefield" }
piece_type { id = "obst", name = "Obstacle belt", symbol = "obstacle" }
piece_type { id = "civ", name = "Civilians", symbol = "civilians" }
piece_type { id = "militia", name = "Militia" }

-- two sea zones west of the land: one the north holds, one open
area { id = "gulf", name = "Gulf of Riga", terrain = "sea", owner = "north",
       ring = { {23.0, 56.6}, {24.4, 56.6}, {24.4, 57.4}, {24.4, 58.2}, {23.0, 58.2} } }
area { id = "baltic", name = "Baltic Sea", terrain = "sea",
       ring = { {23.0, 55.8}, {24.4, 55.8}, {24.4, 56.6}, {23.0, 56.6} } }
-- an area with a lake cut out of it
area { id = "voru", name = "Võru", terrain = "forest", country = "EE", owner = "north",
       ring = { {26.0, 57.5}, {26.8, 57.5}, {27.6, 57.5}, {27.6, 58.2}, {26.0, 58.2} },
       holes = { { {26.5, 57.75}, {26.5, 57.95}, {27.0, 57.95}, {27.0, 57.75} } } }
-- a non-convex (L-shaped) area
area { id = "rezekne", name = "Rēzekne", terrain = "plain", country = "LV", owner = "north",
       ring = { {26.0, 56.6}, {27.6, 56.6}, {27.6, 57.5}, {26.8, 57.5}, {26.8, 57.0}, {26.0, 57.0} } }
area { id = "balvi", name = "Balvi", terrain = "marsh", country = "LV", owner = "aid",
       ring = { {26.0, 57.0}, {26.8, 57.0}, {26.8, 57.5}, {26.0, 57.5} } }
area { id = "siauliai", name = "Šiauliai", terrain = "plain", country = "LT", owner = "north",
       ring = { {24.4, 56.6}, {26.0, 56.6}, {26.0, 57.0}, {26.0, 57.5}, {26.0, 58.2}, {24.4, 58.2}, {24.4, 57.4} } }
area { id = "suwalki", name = "Suwałki", terrain = "forest", country = "PL", owner = "south",
       ring = { {24.4, 55.8}, {26.0, 55.8}, {26.0, 56.6}, {24.4, 56.6} } }
area { id = "pskov", name = "Pskov", terrain = "urban", country = "RU", owner = "south",
       ring = { {26.0, 55.8}, {27.6, 55.8}, {27.6, 56.6}, {26.0, 56.6} } }

place { id = "voru_town", area = "voru", lon = 27.0, lat = 58.05, name = "Võru", population = 12000 }
place { id = "rez_town", area = "rezekne", lon = 27.33, lat = 56.75, name = "Rēzekne", population = 27000 }
place { id = "sia_town", area = "siauliai", lon = 25.3, lat = 57.9, name = "Šiauliai", population = 100000 }
place { id = "suw_town", area = "suwalki", lon = 25.0, lat = 56.0, name = "Suwałki", population = 69000 }

setup(function()
  local F = flank
  local function add(type, area, side, n)
    for _ = 1, n or 1 do F.piece.add { type = type, area = area, side = side } end
  end
  add("inf", "siauliai", "north", 3)
  add("arm", "siauliai", "north")
  add("sup", "siauliai", "north")
  add("mech", "rezekne", "north")
  add("eng", "rezekne", "north")
  add("art", "voru", "north")
  add("rec", "voru", "north")
  F.piece.add { type = "mines", area = "balvi", side = "north", props = { marked = false } }
  F.piece.add { type = "mines", area = "balvi", side = "north", props = { marked = true } }
  add("civ", "balvi", "aid")
  add("arm", "pskov", "south", 2)
  add("air", "pskov", "south")
  add("uav", "pskov", "south")
  add("hq", "suwalki", "south")
  add("obst", "suwalki", "south")
  add("militia", "suwalki", "south")
  add("inf", "suwalki", "aid")
  add("ship", "gulf", "north", 2)
  add("boat", "gulf", "north")
  add("sub", "baltic", "south")
end)

decision {
  id = "posture", side = "north", title = "Border posture",
  text = "How does the northern command spend this month?",
  options = {
    { id = "hold", label = "Hold the line" },
    { id = "drill", label = "Readiness drills", cost = { funds = 5 }, preview = "+5 readiness",
      effect = function() flank.track.add("readiness", 5) end },
    { id = "buy", label = "Buy a new brigade", cost = { funds = 30 },
      effect = function() flank.track.add("readiness", 15) end },
  },
}

decision {
  id = "south_move", side = "south", title = "Southern move",
  options = { { id = "wait", label = "Wait" }, { id = "probe", label = "Probe",
    effect = function() flank.track.add("harm", 3) end } },
}

event { id = "storm", title = "Spring floods", on = "turn_end", text = "Roads in the lowlands are under water.",
        effect = function() flank.track.add("funds", 4) end }

ending { id = "done", title = "The season ends", default = true, text = "Three months passed." }

policy { id = "default", side = "north", choose = function(view, d) return "drill" end }
policy { id = "default", side = "south", choose = function(view, d) return "probe" end }
