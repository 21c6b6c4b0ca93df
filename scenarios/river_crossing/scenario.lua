-- River Crossing: an opposed crossing in eight days, played on the board.
--
-- A small board game with nothing to do with mines or the eastern flank: it is
-- here to prove that Flank is a general engine. It is written only through the
-- public scenario API (docs/api.md), as any designer would write it.
--
-- Blue must get across a river held by Red and take the crossroads town. Each day
-- Blue gives orders unit by unit: move battalions (2 movement points; woods, marsh,
-- hills and the ford cost 2), move boats along the river, ferry a battalion across
-- by boat, send scouts, or lay a pontoon at the ford. Red's companies are hidden
-- until Blue's units or scouts come close. Moving into an area Red holds is an
-- assault: Blue d6 + modifiers against Red d6 + the defending companies. Then Red
-- answers: it may blow the bridge, shift companies, or counter-attack.

local F = flank

scenario {
  id = "river_crossing",
  title = "River Crossing",
  version = "2.0.0",
  authors = { "Flank team" },
  blurb = "Eight days to force a river: move your battalions and boats, find Red's hidden companies, "
       .. "and assault where the odds are best. Red may blow the bridge; rain may close the ford.",
  start = "2025-05-01",
  step = "1 day",
  turns = 8,
  stacking = 2,
}

side { id = "blue", name = "Blue (attacker)", text = "A brigade of five battalions that must cross before Red's reserves arrive." }
side { id = "red", name = "Red (defender)", text = "A screen of companies behind the river, reserves on the way." }

phase { id = "blue_orders", name = "Blue's orders", side = "blue" }
phase { id = "red_orders", name = "Red's orders", side = "red" }

track { id = "strength", name = "Blue strength", min = 0, max = 10, start = 10, unit = "companies", better = "higher",
        text = "Five battalions of two companies; a failed assault costs one." }
track { id = "recon", name = "Scouting patrols", min = 0, max = 6, start = 3, better = "higher",
        text = "Each patrol reveals Red in an area and next to it." }
track { id = "engineers", name = "Engineer effort", min = 0, max = 10, start = 2, unit = "days", better = "higher",
        text = "Engineers gain a day of work each day; a pontoon takes four." }
track { id = "river", name = "River level", min = 0, max = 5, start = 1, better = "lower",
        text = "At 3 or more the ford is too deep to wade (a pontoon still crosses)." }
track { id = "reserves", name = "Red reserves due", min = 0, max = 6, start = 2, unit = "companies",
        visible_to = "red", text = "Companies on their way to the town; Blue cannot see this." }
track { id = "held", name = "Far-bank areas held", min = 0, max = 6, start = 0, better = "higher" }

property { id = "intact", name = "Bridge standing" }
property { id = "pontoon", name = "Pontoon laid" }
property { id = "steps", name = "Companies" }

piece_type { id = "battalion", name = "Battalion", symbol = "infantry", mp = 2, stop_at_enemy = true,
             terrain = { forest = 2, marsh = 2, hill = 2, ford = 2, river = false } }
piece_type { id = "boat", name = "Assault boats", symbol = "ship", mp = 3,
             terrain = { plain = false, forest = false, marsh = false, hill = false, urban = false, bridge = false } }
piece_type { id = "company", name = "Company", symbol = "infantry", mp = 1, stop_at_enemy = true, hidden = true,
             terrain = { river = false, ford = false } }

-- ---- the board: six columns west to east, four rows south to north ----

local COLS = { 0, 1, 2, 2.4, 3.4, 4.4, 5.4 }   -- west rear, west bank, river, east bank, east rear, far east
local AREAS = {
  -- id, name, terrain, column, row (0 = south), owner
  { "downs", "Sheep downs", "plain", 1, 0, "blue" }, { "sheds", "Boat sheds", "plain", 2, 0, "blue" },
  { "lower_river", "Lower river", "river", 3, 0 }, { "water_meadows", "Water meadows", "marsh", 4, 0, "red" },
  { "south_woods", "South woods", "forest", 5, 0, "red" }, { "brickworks", "Brickworks", "urban", 6, 0, "red" },
  { "meadows", "South meadows", "plain", 1, 1, "blue" }, { "landing", "Landing", "plain", 2, 1, "blue" },
  { "deep_water", "Deep water", "river", 3, 1 }, { "reed_beds", "Reed beds", "marsh", 4, 1, "red" },
  { "poplars", "Poplar row", "forest", 5, 1, "red" },
  { "mill", "Mill village", "urban", 1, 2, "blue" }, { "mill_fields", "Mill fields", "plain", 2, 2, "blue" },
  { "ford", "Ford", "ford", 3, 2 }, { "ford_bank", "Ford bank", "marsh", 4, 2, "red" },
  { "orchards", "Orchards", "plain", 5, 2, "red" },
  { "north_woods", "North woods", "forest", 1, 3, "blue" }, { "quarry", "Quarry", "plain", 2, 3, "blue" },
  { "bridge", "Stone bridge", "bridge", 3, 3 }, { "bridge_road", "Bridge road", "plain", 4, 3, "red" },
  { "chapel_hill", "Chapel hill", "hill", 5, 3, "red" }, { "north_farms", "North farms", "plain", 6, 3, "red" },
}
local COL = {}
for _, a in ipairs(AREAS) do
  local id, name, terrain, c, r, owner = table.unpack(a)
  COL[id] = c
  area { id = id, name = name, terrain = terrain, owner = owner,
         ring = { COLS[c], 40 + r, COLS[c + 1], 40 + r, COLS[c + 1], 41 + r, COLS[c], 41 + r } }
end
-- the town spans the two middle rows of the far-east column
COL.town = 6
area { id = "town", name = "Crossroads town", terrain = "urban", owner = "red", important = true,
       ring = { 4.4, 41, 5.4, 41, 5.4, 43, 4.4, 43, 4.4, 42 } }
place { id = "crossroads", area = "town", lon = 4.9, lat = 42, name = "Crossroads", population = 4000 }

local EAST = { "water_meadows", "reed_beds", "ford_bank", "bridge_road" }
local WATER = { lower_river = true, deep_water = true, ford = true }

setup(function()
  for _, a in ipairs { "mill", "mill_fields", "quarry", "landing", "meadows" } do
    F.piece.add { type = "battalion", area = a, side = "blue", props = { steps = 2 } }
  end
  F.piece.add { type = "boat", area = "lower_river", side = "blue" }
  F.piece.add { type = "boat", area = "deep_water", side = "blue" }
  for _, a in ipairs { "bridge_road", "ford_bank", "reed_beds", "orchards", "town" } do
    F.piece.add { type = "company", area = a, side = "red" }
  end
  F.area.set("bridge", "intact", true)
  F.area.set("ford", "pontoon", false)
  F.map.front(true)
end)

-- ---- rules: plain functions that read and change the game only via flank.* ----

local function count(area, side, ptype)
  return F.piece.count { area = area, side = side, type = ptype }
end

local function held()
  local n = 0
  for _, a in ipairs(EAST) do
    if F.area.owner(a) == "blue" then n = n + 1 end
  end
  return n
end

-- Scouts and units see Red in their own area and next to it.
local function spot(area)
  local around = F.area.neighbors(area)
  around[#around + 1] = area
  for _, a in ipairs(around) do
    for _, id in ipairs(F.piece.list { area = a, side = "red" }) do F.piece.reveal(id, "blue") end
  end
end

-- A battalion loses a company; it falls back to `from`, or is gone with its last one.
local function lose_step(id, from)
  local steps = F.piece.get(id, "steps") - 1
  F.track.add("strength", -1)
  if steps <= 0 then
    F.piece.remove(id)
    return false
  end
  F.piece.set(id, "steps", steps)
  if from then F.piece.move(id, from) end
  return true
end

-- Blue's battalion `id` assaults `area` (it has just entered it from `from`). Returns
-- whether the battalion is still on the board.
local function assault(id, area, from, mod)
  F.move.spend(id) -- an assault ends the unit's day
  local defenders = count(area, "red")
  if defenders == 0 then
    F.area.set_owner(area, "blue")
    return true
  end
  if F.var.get("fog", false) then mod = mod + 1 end
  if F.area.get(area, "terrain") == "urban" then mod = mod - 1 end
  for _, n in ipairs(F.area.neighbors(area)) do -- every other battalion next to it supports
    if n ~= from then mod = mod + count(n, "blue", "battalion") end
  end
  -- a battalion is three companies' worth: +1 against the first defender, each further one +2
  local bd, rd = F.rng.random(6), F.rng.random(6)
  local blue, red = bd + 1 + mod, rd + 2 * (defenders - 1)
  local name = F.area.get(area, "name")
  -- the roll in words, so a player can see why it went as it did
  local why = string.format("Blue %d: die %d %+d; Red %d: die %d %+d for %d compan%s", blue, bd, 1 + mod, red, rd,
                            2 * (defenders - 1), defenders, defenders == 1 and "y" or "ies")
  for _, rid in ipairs(F.piece.list { area = area, side = "red" }) do F.piece.reveal(rid, "blue") end
  if blue > red then
    local ids = F.piece.list { area = area, side = "red" }
    F.piece.remove(ids[1])
    for i = 2, #ids do F.piece.reveal(ids[i], "blue") end
    if #ids == 1 then
      F.area.set_owner(area, "blue")
      F.game.log(string.format("Blue takes %s (%s).", name, why))
    else
      F.game.log(string.format("Blue breaks a company at %s but is held (%s).", name, why))
      F.piece.move(id, from)
    end
    F.map.arrow(from, area, { side = "blue", style = "good" })
  else
    F.game.log(string.format("The assault on %s fails; Blue loses a company (%s; Blue needs more).", name, why))
    F.map.arrow(from, area, { side = "blue", style = "warning" })
    if not lose_step(id, from) then return false end
  end
  F.track.set("held", held() + (F.area.owner("town") == "blue" and 1 or 0))
  return true
end

local function ford_open()
  return F.area.get("ford", "pontoon") or F.track.get("river") < 3
end

-- A move may not end on the ford when it is too deep, nor cross the blown bridge.
local function can_move(id, to)
  if id == nil then return true end
  if F.piece.get(id, "type") ~= "battalion" then return true end
  if to == "ford" and not ford_open() then return false, "the ford is too deep: wait for the river to fall, or lay a pontoon" end
  if not F.area.get("bridge", "intact") then
    local path = F.move.path(id, to)
    for _, a in ipairs(path or {}) do
      if a == "bridge" then return false, "the bridge is down" end
    end
  end
  return true
end

-- Boat crossings: east-bank areas a battalion can reach by boat now. A crossing needs a
-- boat in the water next to the target, not used today, with a battalion with movement
-- left on the west bank next to that water.
local function ferry(target)
  for _, w in ipairs(F.area.neighbors(target)) do
    if WATER[w] and w ~= "ford" then
      for _, boat in ipairs(F.piece.list { area = w, side = "blue", type = "boat" }) do
        if (F.piece.get(boat, "used") or 0) < F.game.turn() then
          for _, bank in ipairs(F.area.neighbors(w)) do
            if COL[bank] == 2 then
              for _, b in ipairs(F.piece.list { area = bank, side = "blue", type = "battalion" }) do
                if F.move.left(b) > 0 then return b, boat, bank end
              end
            end
          end
        end
      end
    end
  end
  return nil
end

decision {
  id = "orders", side = "blue", title = "Blue's orders",
  text = "Give orders one at a time; End orders hands over to Red.",
  options = {
    { id = "move", label = "Move a unit", target = "move", again = true, requires = can_move,
      text = "Battalions have 2 movement points; woods, marsh, hills and the ford cost 2. Moving into Red's ground is an assault.",
      effect = function(id, to, from)
        if F.piece.get(id, "type") == "battalion" and F.area.owner(to) == "red" and
           not assault(id, to, from, WATER[from] and -1 or 0) then
          return
        end
        spot(F.piece.get(id, "area"))
      end },
    { id = "boat", label = "Ferry a battalion across by boat", target = "area", again = true,
      text = "A battalion next to a boat crosses with it and lands on the far bank (−1 to its assault).",
      legal = function()
        local list = {}
        for _, a in ipairs(EAST) do
          if F.area.owner(a) ~= "blue" and ferry(a) then list[#list + 1] = a end
        end
        return list
      end,
      preview = function(area)
        if not area then return "Choose where to land" end
        local b = ferry(area)
        return b and ("A battalion from " .. F.area.get(F.piece.get(b, "area"), "name") .. " lands") or "No boat can reach it"
      end,
      effect = function(area)
        local b, boat, bank = ferry(area)
        F.piece.set(boat, "used", F.game.turn())
        F.piece.move(b, area)
        F.move.spend(b)
        if assault(b, area, bank, -1) then spot(F.piece.get(b, "area")) end
      end },
    { id = "recon", label = "Send a scouting patrol", target = "area", cost = { recon = 1 }, again = true,
      text = "Reveals Red's companies in the area and next to it.",
      legal = function() local l = {} for _, a in ipairs(EAST) do l[#l + 1] = a end l[#l + 1] = "orchards" return l end,
      effect = function(area)
        local seen = {}
        local around = F.area.neighbors(area)
        around[#around + 1] = area
        for _, a in ipairs(around) do
          local n = F.piece.count { area = a, side = "red" }
          if n > 0 then seen[#seen + 1] = string.format("%d in %s", n, F.area.get(a, "name")) end
        end
        spot(area)
        F.var.set("patrol_" .. area, true)
        F.game.log(#seen > 0 and ("The patrol finds Red companies: " .. table.concat(seen, ", ") .. ".")
                   or ("The patrol finds no Red companies around " .. F.area.get(area, "name") .. "."), "blue")
      end },
    { id = "pontoon", label = "Lay a pontoon at the ford", cost = { engineers = 4 }, again = true,
      requires = function() return not F.area.get("ford", "pontoon") end,
      effect = function()
        F.area.set("ford", "pontoon", true)
        F.map.highlight("ford", { style = "good", label = "Pontoon" })
        F.game.log("Engineers lay a pontoon: the ford no longer depends on the river.")
      end },
    { id = "done", label = "End orders" },
  },
}

decision {
  id = "answer", side = "red", title = "Red's answer",
  options = {
    { id = "move", label = "Move a company", target = "move", again = true,
      effect = function(id, to, from)
        if count(to, "blue", "battalion") == 0 then return end
        local attack, defend = F.rng.random(6) + 1, F.rng.random(6) + count(to, "blue", "battalion")
        F.piece.reveal(id, "blue")
        if attack > defend then
          local victims = F.piece.list { area = to, side = "blue", type = "battalion" }
          lose_step(victims[1], nil)
          F.game.log("Red counter-attacks at " .. F.area.get(to, "name") .. " and Blue loses a company.")
          if count(to, "blue", "battalion") == 0 then F.area.set_owner(to, "red") else F.piece.move(id, from) end
        else
          F.game.log("Red's counter-attack at " .. F.area.get(to, "name") .. " is beaten off.")
          F.piece.remove(id)
        end
        F.track.set("held", held())
      end },
    { id = "blow_bridge", label = "Blow the bridge",
      requires = function()
        return F.area.get("bridge", "intact") and F.area.owner("bridge_road") == "red" and count("bridge", "blue") == 0
      end,
      effect = function()
        F.area.set("bridge", "intact", false)
        F.map.highlight("bridge", { style = "warning", label = "Blown" })
        F.game.log("Red sappers drop the stone bridge into the river.")
      end },
    { id = "hold", label = "Hold" },
  },
}

-- ---- events ----

event { id = "new_day", title = "A new day", on = "turn_start", silent = true,
        effect = function() F.map.clear("arrows") end }

event { id = "rain", title = "Rain upstream", chance = 0.3,
        text = "The river rises; at 3 the ford is too deep to wade.",
        effect = function() F.track.add("river", 1) end }

event { id = "river_falls", title = "The river falls", on = "turn_end", chance = 0.5,
        text = "The water drops a little.",
        when = function() return F.track.get("river") > 1 end,
        effect = function() F.track.add("river", -1) end }

event { id = "engineers_work", title = "Engineers at work", on = "turn_end", silent = true,
        effect = function() F.track.add("engineers", 1) end }

event { id = "fog", title = "Morning fog", on = "phase:blue_orders", chance = 0.2,
        text = "Fog over the water: Blue's assaults get +1 today.",
        effect = function() F.var.set("fog", true) end }

event { id = "fog_lifts", title = "Fog lifts", on = "turn_end",
        when = function() return F.var.get("fog", false) end,
        effect = function() F.var.set("fog", false) end }

event { id = "red_reserves", title = "Red reserves arrive", on = "date:2025-05-04",
        text = "Red reserve companies reach the crossroads.",
        effect = function()
          for _ = 1, F.track.get("reserves") do F.piece.add { type = "company", area = "town", side = "red" } end
          F.track.set("reserves", 0)
        end }

-- ---- endings ----

ending { id = "breakthrough", title = "Breakthrough",
         when = function() return F.area.owner("town") == "blue" end,
         text = "Blue holds the crossroads town: the crossing is won." }
ending { id = "repulsed", title = "Repulsed",
         when = function() return F.track.get("strength") <= 4 end,
         text = "Blue has lost too many companies to go on." }
ending { id = "bridgehead", title = "Bridgehead",
         text = function()
           local n = held()
           return string.format("Blue ends the eight days holding %d area%s of the far bank.", n, n == 1 and "" or "s")
         end }

-- The eighth day is played to its end before a bridgehead is counted.
event { id = "last_day", title = "The eighth day ends", on = "turn_end", silent = true,
        when = function() return F.game.turn() >= 8 and held() > 0 end,
        effect = function() F.game.finish("bridgehead") end }
ending { id = "river_held", title = "The river held", default = true,
         text = "Eight days, and Red still holds the whole far bank." }

-- ---- policies ----

local function option(d, id)
  for _, o in ipairs(d.options) do
    if o.id == id and o.available then return o end
  end
  return nil
end

-- How far east an area is, and how many Red companies Blue can see there.
local function advance(from, to) return (COL[to] or 0) - (COL[from] or 0) end
local function seen_red(area) return count(area, "red") end

-- Blue moves each battalion east where it can do so without attacking into two or
-- more companies it can see, and never from the water without support; `bold`
-- attacks anything.
local function blue_orders(d, bold, use_boats)
  local m = option(d, "move")
  if m then
    for _, id in ipairs(m.targets) do
      if F.piece.get(id, "type") == "battalion" then
        local here, best, score = F.piece.get(id, "area"), nil, 0
        for _, to in ipairs(F.move.reachable(id)) do
          local s = advance(here, to) * 10 - seen_red(to) * (bold and 1 or 6) + (to == "town" and 50 or 0)
          if not bold and F.area.owner(to) == "red" and WATER[here] then s = s - 8 end
          if s > score and can_move(id, to) then best, score = to, s end
        end
        if best and (not use_boats or (COL[here] or 0) >= 4) then return "move", id, best end
      end
    end
  end
  local b = option(d, "boat")
  if b and #b.targets > 0 then
    local pick, least = nil, math.huge
    for _, a in ipairs(b.targets) do
      if seen_red(a) < least then pick, least = a, seen_red(a) end
    end
    return "boat", pick
  end
  return nil
end

policy { id = "default", name = "Scout, bridge, advance", side = "blue", text = "Scouts first, lays a pontoon when it can, then advances each battalion east, avoiding strong points it can see.",
  choose = function(view, d)
    if option(d, "pontoon") and view.tracks.engineers >= 4 then return "pontoon" end
    local r = option(d, "recon")
    if r and view.turn <= 2 and view.tracks.recon >= 2 then
      for _, a in ipairs(r.targets) do
        if F.area.owner(a) == "red" and seen_red(a) == 0 and not F.var.get("patrol_" .. a) then return "recon", a end
      end
    end
    local kind, a, b = blue_orders(d, false, false)
    if kind then return kind, a, b end
    return "done"
  end }
policy { id = "boats_only", name = "Boats only", side = "blue", text = "Crosses only by boat; battalions on the far bank push on.",
  choose = function(view, d)
    local kind, a, b = blue_orders(d, false, true)
    if kind then return kind, a, b end
    return "done"
  end }
policy { id = "reckless", name = "Reckless", side = "blue", text = "Attacks anything in reach every day, seen or not.",
  choose = function(view, d)
    local kind, a, b = blue_orders(d, true, false)
    if kind then return kind, a, b end
    return "done"
  end }

-- Red blows the bridge once Blue is next to it, counter-attacks a weak bridgehead,
-- and moves companies from the rear to the threatened bank.
policy { id = "default", name = "Blow the bridge, counter-attack", side = "red", text = "Blows the bridge when Blue comes for it, counter-attacks single battalions, shifts reserves forward.",
  choose = function(view, d)
    if option(d, "blow_bridge") and count("quarry", "blue") + count("bridge", "blue") > 0 then return "blow_bridge" end
    local m = option(d, "move")
    if m then
      for _, id in ipairs(m.targets) do
        local here = F.piece.get(id, "area")
        for _, to in ipairs(F.move.reachable(id)) do
          if F.area.owner(to) == "blue" and COL[to] == 4 and count(to, "blue", "battalion") == 1 and count(here, "red") >= 2 then
            return "move", id, to
          end
        end
        if COL[here] >= 5 then -- from the rear to the emptiest bank area in reach
          local pick, least = nil, math.huge
          for _, to in ipairs(F.move.reachable(id)) do
            if COL[to] == 4 and F.area.owner(to) == "red" and count(to, "red") < least then pick, least = to, count(to, "red") end
          end
          if pick and least < 2 then return "move", id, pick end
        end
      end
    end
    return "hold"
  end }
policy { id = "passive", name = "Passive", side = "red", text = "Never reacts.",
  choose = function() return "hold" end }
