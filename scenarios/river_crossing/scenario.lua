-- River Crossing: an opposed crossing in eight days, decided by dice.
--
-- A small board game with nothing to do with mines or the eastern flank: it is
-- here to prove that Flank is a general engine. It is written only through the
-- public scenario API (docs/api.md), as any designer would write it.
--
-- Blue must get across a river held by Red. Three sectors, three ways over:
--   north   a stone bridge (fast, until Red blows it)
--   centre  a ford (slow; rain raises the river and closes it, unless Blue's
--           engineers lay a pontoon)
--   south   open water (boats only, and boats are few)
-- Each day Blue picks an assault and Red answers. An assault is a die roll:
-- Blue d6 + modifiers against Red d6 + the defending companies. Taking the town
-- behind the river wins outright; holding any ground on the far bank at the end
-- is a bridgehead; losing too many battalions is a repulse.

local F = flank

scenario {
  id = "river_crossing",
  title = "River Crossing",
  version = "1.0.0",
  authors = { "Flank team" },
  blurb = "Eight days to force a river: a bridge Red may blow, a ford the rain may close, "
       .. "and a handful of boats. Dice decide every assault.",
  start = "2025-05-01",
  step = "1 day",
  turns = 8,
}

side { id = "blue", name = "Blue (attacker)", text = "A division that must cross before the enemy reserves arrive." }
side { id = "red", name = "Red (defender)", text = "A thin screen of companies behind the river, reserves on the way." }

-- Blue moves first each day, then Red answers.
phase { id = "assault", name = "Blue assaults", side = "blue" }
phase { id = "response", name = "Red responds", side = "red" }

track { id = "strength", name = "Blue strength", min = 0, max = 12, start = 10, unit = "battalions", better = "higher",
        text = "Fighting battalions left; every failed assault costs one." }
track { id = "boats", name = "Assault boats", min = 0, max = 6, start = 4, unit = "boats", better = "higher" }
track { id = "engineers", name = "Engineer effort", min = 0, max = 10, start = 3, unit = "days", better = "higher",
        text = "Engineers gain a day of work each day; a pontoon takes four." }
track { id = "river", name = "River level", min = 0, max = 5, start = 1, better = "lower",
        text = "At 3 or more the ford is too deep to wade." }
track { id = "reserves", name = "Red reserves", min = 0, max = 8, start = 3, unit = "companies", better = "lower" }
track { id = "bridgeheads", name = "Far-bank sectors held", min = 0, max = 4, start = 0, better = "higher" }

piece_type { id = "battalion", name = "Battalion", symbol = "infantry" }
piece_type { id = "company", name = "Company", symbol = "infantry" }

-- The board: three rows (north, centre, south) and four columns (west bank,
-- river, east bank, town). Areas that share an edge are neighbours, so the town's
-- west side lists a vertex at every row boundary to touch all three east sectors.
area { id = "w_north", name = "North woods", terrain = "forest", owner = "blue",
       ring = { {0, 42}, {1, 42}, {1, 43}, {0, 43} } }
area { id = "w_centre", name = "Mill village", terrain = "urban", owner = "blue",
       ring = { {0, 41}, {1, 41}, {1, 42}, {0, 42} } }
area { id = "w_south", name = "South meadows", terrain = "plain", owner = "blue",
       ring = { {0, 40}, {1, 40}, {1, 41}, {0, 41} } }
area { id = "bridge", name = "Stone bridge", terrain = "river", props = { intact = true },
       ring = { {1, 42}, {1.2, 42}, {1.2, 43}, {1, 43} } }
area { id = "ford", name = "Ford", terrain = "river", props = { pontoon = false },
       ring = { {1, 41}, {1.2, 41}, {1.2, 42}, {1, 42} } }
area { id = "open_water", name = "Open water", terrain = "river",
       ring = { {1, 40}, {1.2, 40}, {1.2, 41}, {1, 41} } }
area { id = "e_north", name = "Bridge road", terrain = "plain", owner = "red",
       ring = { {1.2, 42}, {2.2, 42}, {2.2, 43}, {1.2, 43} } }
area { id = "e_centre", name = "Ford bank", terrain = "marsh", owner = "red",
       ring = { {1.2, 41}, {2.2, 41}, {2.2, 42}, {1.2, 42} } }
area { id = "e_south", name = "Reed beds", terrain = "marsh", owner = "red",
       ring = { {1.2, 40}, {2.2, 40}, {2.2, 41}, {1.2, 41} } }
area { id = "town", name = "Crossroads town", terrain = "urban", owner = "red",
       ring = { {2.2, 40}, {3.2, 40}, {3.2, 43}, {2.2, 43}, {2.2, 42}, {2.2, 41} } }

place { id = "crossroads", area = "town", lon = 2.7, lat = 41.5, name = "Crossroads", population = 4000 }

setup(function()
  for _, a in ipairs({ "w_north", "w_centre", "w_south" }) do
    F.piece.add { type = "battalion", area = a, side = "blue" }
  end
  F.piece.add { type = "company", area = "e_north", side = "red" }
  F.piece.add { type = "company", area = "e_centre", side = "red" }
  F.piece.add { type = "company", area = "town", side = "red" }
end)

-- ---- rules as plain functions: they only read and change the game via flank.* ----

local EAST = { "e_north", "e_centre", "e_south" }

local function held_by_blue()
  local n = 0
  for _, a in ipairs(EAST) do
    if F.area.owner(a) == "blue" then n = n + 1 end
  end
  return n
end

local function ford_open()
  return F.area.get("ford", "pontoon") or F.track.get("river") < 3
end

-- Blue d6 + mod against Red d6 + defending companies. Blue wins ties only with fog.
local function assault(target, mod)
  local defenders = F.piece.count { area = target, side = "red" }
  if F.var.get("fog", false) then mod = mod + 1 end
  local blue = F.rng.random(6) + mod
  local red = F.rng.random(6) + defenders
  local name = F.area.get(target).name
  if blue > red then
    local ids = F.piece.list { area = target, side = "red" }
    if #ids > 0 then F.piece.remove(ids[1]) end
    if #ids <= 1 then
      F.area.set_owner(target, "blue")
      F.piece.add { type = "battalion", area = target, side = "blue" }
      F.game.log(string.format("Blue takes %s (%d against %d).", name, blue, red))
    else
      F.game.log(string.format("Blue breaks a company at %s (%d against %d) but does not get through.", name, blue, red))
    end
  else
    F.track.add("strength", -1)
    F.game.log(string.format("The assault on %s fails (%d against %d); a battalion is lost.", name, blue, red))
  end
  F.track.set("bridgeheads", held_by_blue() + (F.area.owner("town") == "blue" and 1 or 0))
end

decision {
  id = "crossing", side = "blue", title = "Where does Blue cross today?",
  options = {
    { id = "bridge", label = "Storm the bridge", preview = "+1 to the roll",
      requires = function() return F.area.get("bridge", "intact") and F.area.owner("e_north") ~= "blue" end,
      effect = function() assault("e_north", 1) end },
    { id = "ford", label = "Wade the ford", preview = "+2 with a pontoon",
      requires = function() return ford_open() and F.area.owner("e_centre") ~= "blue" end,
      effect = function() assault("e_centre", F.area.get("ford", "pontoon") and 2 or 0) end },
    { id = "boats", label = "Boat assault in the south", cost = { boats = 2 }, preview = "−1 to the roll",
      requires = function() return F.area.owner("e_south") ~= "blue" end,
      effect = function() assault("e_south", -1) end },
    { id = "pontoon", label = "Lay a pontoon at the ford", cost = { engineers = 4 },
      requires = function() return not F.area.get("ford", "pontoon") end,
      effect = function()
        F.area.set("ford", "pontoon", true)
        F.game.log("Engineers lay a pontoon: the ford no longer depends on the river.")
      end },
    { id = "exploit", label = "Push on to the town",
      requires = function() return held_by_blue() > 0 and F.area.owner("town") ~= "blue" end,
      effect = function() assault("town", held_by_blue() - 1) end },
    { id = "regroup", label = "Regroup and bring up boats",
      effect = function() F.track.add("strength", 1); F.track.add("boats", 1) end },
  },
}

decision {
  id = "defence", side = "red", title = "Red's answer",
  options = {
    { id = "hold", label = "Hold" },
    { id = "blow_bridge", label = "Blow the bridge",
      requires = function() return F.area.get("bridge", "intact") and F.area.owner("e_north") ~= "blue" end,
      effect = function()
        F.area.set("bridge", "intact", false)
        F.game.log("Red sappers drop the stone bridge into the river.")
      end },
    { id = "reinforce", label = "Send a reserve company to the weakest sector", cost = { reserves = 1 },
      requires = function() return held_by_blue() < 3 end,
      effect = function()
        local weakest, least = nil, math.huge
        for _, a in ipairs(EAST) do
          local n = F.piece.count { area = a, side = "red" }
          if F.area.owner(a) == "red" and n < least then weakest, least = a, n end
        end
        F.piece.add { type = "company", area = weakest, side = "red" }
      end },
    { id = "counterattack", label = "Counter-attack a bridgehead", cost = { reserves = 1 },
      requires = function() return held_by_blue() > 0 end,
      effect = function()
        for _, a in ipairs(EAST) do
          if F.area.owner(a) == "blue" then
            if F.rng.random(6) >= 4 then
              for _, id in ipairs(F.piece.list { area = a, side = "blue" }) do F.piece.remove(id) end
              F.area.set_owner(a, "red")
              F.piece.add { type = "company", area = a, side = "red" }
              F.track.add("strength", -1)
              F.game.log("Red throws Blue back across the river at " .. F.area.get(a).name .. ".")
            else
              F.game.log("Red's counter-attack at " .. F.area.get(a).name .. " stalls.")
            end
            break
          end
        end
        F.track.set("bridgeheads", held_by_blue())
      end },
  },
}

-- ---- events ----

event { id = "rain", title = "Rain upstream", chance = 0.3,
        text = "The river rises; at 3 the ford is too deep to wade.",
        effect = function() F.track.add("river", 1) end }

event { id = "river_falls", title = "The river falls", on = "turn_end", chance = 0.5,
        when = function() return F.track.get("river") > 1 end,
        effect = function() F.track.add("river", -1) end }

event { id = "engineers_work", title = "Engineers at work", on = "turn_end",
        effect = function() F.track.add("engineers", 1) end }

event { id = "fog", title = "Morning fog", on = "phase:assault", chance = 0.2,
        text = "Fog over the water: Blue's assaults get +1 today.",
        effect = function() F.var.set("fog", true) end }

event { id = "fog_lifts", title = "Fog lifts", on = "turn_end",
        when = function() return F.var.get("fog", false) end,
        effect = function() F.var.set("fog", false) end }

event { id = "red_reserves", title = "Red reserves arrive", on = "date:2025-05-05",
        text = "A Red reserve battalion reaches the crossroads.",
        effect = function() F.track.add("reserves", 3) end }

-- ---- endings ----

ending { id = "breakthrough", title = "Breakthrough",
         when = function() return F.area.owner("town") == "blue" end,
         text = "Blue holds the crossroads town: the crossing is won." }
ending { id = "repulsed", title = "Repulsed",
         when = function() return F.track.get("strength") <= 3 end,
         text = "Blue has lost too many battalions to go on." }
ending { id = "bridgehead", title = "Bridgehead",
         when = function() return F.game.turn() >= 8 and held_by_blue() > 0 end,
         text = function()
           return string.format("Blue ends the week holding %d sector(s) of the far bank.", held_by_blue())
         end }
ending { id = "river_held", title = "The river held", default = true,
         text = "Eight days, and Red still holds the whole far bank." }

-- ---- policies ----

local function pick(d, ...)
  for _, want in ipairs({ ... }) do
    for _, o in ipairs(d.options) do
      if o.id == want and o.available then return want end
    end
  end
  return nil
end

policy { id = "default", side = "blue", text = "Exploit a bridgehead, lay a pontoon when the engineers are ready, else attack where the odds are best.",
  choose = function(view, d)
    if view.tracks.strength <= 5 then return pick(d, "exploit", "regroup") end
    return pick(d, "exploit", "pontoon", "bridge", "ford", "boats", "regroup")
  end }
policy { id = "boats_only", side = "blue", text = "Cross only by boat; regroup when there are none.",
  choose = function(view, d) return pick(d, "exploit", "boats", "regroup") end }
policy { id = "reckless", side = "blue", text = "Attacks every day and never regroups while any assault is possible.",
  choose = function(view, d) return pick(d, "exploit", "bridge", "ford", "boats", "regroup") end }
policy { id = "default", side = "red", text = "Blow the bridge once Blue comes for it, reinforce, counter-attack bridgeheads.",
  choose = function(view, d)
    if flank.decision.taken("crossing") == "bridge" then
      local b = pick(d, "blow_bridge")
      if b then return b end
    end
    return pick(d, "counterattack", "reinforce", "hold")
  end }
policy { id = "passive", side = "red", text = "Never reacts.",
  choose = function(view, d) return "hold" end }
