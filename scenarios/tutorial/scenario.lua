-- Tutorial: "Border Watch" — a small but complete Flank scenario.
--
-- Read this file top to bottom: it uses every part of the scenario API once,
-- with a comment on why. A scenario is *rule code*: it describes the game with
-- definitions (scenario{}, side{}, track{}, decision{}, event{}, ending{}) and
-- changes the game only through the `flank` API inside effects. Globals are
-- frozen after this file loads, so keep anything that changes in flank.var,
-- tracks, areas or pieces: that is what gets saved, replayed and compared.
--
-- The map is schematic: six boxes around the Suwałki Gap, the ~100 km strip of
-- Polish-Lithuanian border between Kaliningrad and Belarus [@politico].
-- The flagship scenario `eastern_flank` plays the same question on the real map.

local F = flank               -- the runtime API; see docs/api.md

scenario {
  id = "tutorial",
  title = "Tutorial: Border Watch",
  version = "1.0.0",
  authors = { "Flank team" },
  blurb = "Nine months on a schematic Suwałki Gap. Decide whether to leave the mine ban treaty, "
       .. "how to fortify, and live with what the adversary and chance do next.",
  start = "2025-03-01",       -- the ministers' statement came on 18 March 2025 [@statement]
  step = "1 month",           -- a turn is a month; a scenario may change this by turn
  turns = 9,                  -- March to November 2025
}

-- Sources: the works the text cites as [@politico] (or [@ottawa, Art. 20] with a locator);
-- `source = "id"` fields name them too. `flank sources tutorial` prints the bibliography.
source { id = "ottawa", short = "Ottawa Convention", title = "Convention on the Prohibition of Anti-Personnel Mines", year = 1997,
         publisher = "Treaty text", link = "https://www.apminebanconvention.org/",
         note = "Art. 20: withdrawal takes effect six months after notice." }
source { id = "politico", author = "POLITICO", year = 2025, note = "The Suwałki Gap's Poland-Lithuania border is about 100 km." }
source { id = "statement", author = "Al Jazeera", year = 2025,
         note = "18 March 2025: the defence ministers of Estonia, Latvia, Lithuania and Poland recommend withdrawing." }
source { id = "lm2025", title = "Landmine Monitor 2025", year = 2025, publisher = "ICBL-CMC",
         link = "https://www.the-monitor.org/", note = "6,279 mine casualties worldwide in 2024, about 90% civilians." }

-- Parameters: the assumptions a teacher may change without editing Lua
-- (flank run tutorial --set pushback_chance=0.5). Rule code reads them with
-- flank.param.get; each needs a source or an honest "assumption" label.
parameter { id = "pushback_chance", name = "Pushbacks a month", default = 0.35, min = 0, max = 1, step = 0.05,
            text = "The chance that people are pushed across the forest border in a month; the border is "
                .. "about 100 km long [@politico].",
            assumption = "a round figure for a schematic border" }
parameter { id = "harm_per_field", name = "Harm per unmarked minefield", default = 4, min = 0, max = 20, step = 1,
            unit = "casualties", text = "People hurt when a pushback crosses one unmarked minefield.",
            assumption = true }

-- Sides: who decides. `playable` sides may be taken by a human in the window.
side { id = "council", name = "Defence council", text = "The four states' ministers, deciding together." }
side { id = "adversary", name = "Adversary", text = "A neighbour weighing whether force would pay.", playable = false }

-- Phases: each turn, the council decides, then the adversary.
phase { id = "council", name = "Council meets", side = "council" }
phase { id = "adversary", name = "Adversary moves", side = "adversary" }

-- Tracks: the indicators shown to players, with a range and which way is good.
track { id = "deterrence", name = "Deterrence", min = 0, max = 100, start = 40, unit = "%", better = "higher" }
track { id = "civilian_harm", name = "Civilian harm", min = 0, max = 100, start = 0, unit = "casualties", better = "lower",
        source = "lm2025" }
track { id = "budget", name = "Budget", min = 0, max = 100, start = 50, unit = "M€", better = "higher" }
track { id = "cohesion", name = "Alliance cohesion", min = 0, max = 100, start = 70, unit = "%", better = "higher" }

-- Piece types: counters on the board.
piece_type { id = "battalion", name = "Battalion", symbol = "infantry" }
piece_type { id = "brigade", name = "Brigade", symbol = "armour" }
piece_type { id = "minefield", name = "Minefield", symbol = "minefield" }
piece_type { id = "obstacle", name = "Obstacle belt", symbol = "obstacle" }

-- The board: areas with lon/lat rings. Shared edges make areas adjacent; the
-- engine derives adjacency, so it is never typed by hand.
area { id = "kaliningrad", name = "Kaliningrad", terrain = "urban", country = "RU", owner = "adversary",
       ring = { {21.5, 54.3}, {22.5, 54.3}, {22.5, 55.0}, {21.5, 55.0} } }
area { id = "marijampole", name = "Marijampolė", terrain = "plain", country = "LT", owner = "council",
       ring = { {22.5, 54.3}, {23.5, 54.3}, {23.5, 55.0}, {22.5, 55.0} } }
area { id = "kaunas", name = "Kaunas", terrain = "urban", country = "LT", owner = "council",
       ring = { {23.5, 54.3}, {24.5, 54.3}, {24.5, 55.0}, {23.5, 55.0} } }
area { id = "elk", name = "Ełk lakes", terrain = "marsh", country = "PL", owner = "council",
       ring = { {21.5, 53.6}, {22.5, 53.6}, {22.5, 54.3}, {21.5, 54.3} } }
area { id = "suwalki", name = "Suwałki Gap", terrain = "forest", country = "PL", owner = "council",
       props = { border = true, population = 70 },   -- properties are free-form and saved
       ring = { {22.5, 53.6}, {23.5, 53.6}, {23.5, 54.3}, {22.5, 54.3} } }
area { id = "grodno", name = "Grodno", terrain = "forest", country = "BY", owner = "adversary",
       ring = { {23.5, 53.6}, {24.5, 53.6}, {24.5, 54.3}, {23.5, 54.3} } }

place { id = "suwalki_town", area = "suwalki", lon = 22.93, lat = 54.10, name = "Suwałki", population = 69000 }
place { id = "kaunas_town", area = "kaunas", lon = 23.90, lat = 54.90, name = "Kaunas", population = 300000 }

-- Setup runs at the start of every game (after area owners and props are set).
setup(function()
  F.piece.add { type = "battalion", area = "kaunas", side = "council", props = { strength = 2 } }
  F.piece.add { type = "brigade", area = "grodno", side = "adversary", props = { strength = 4 } }
  F.piece.add { type = "brigade", area = "kaliningrad", side = "adversary", props = { strength = 3 } }
end)

-- A helper: top-level functions are fine (they are rules, not state).
local function unmarked_minefields()
  local n = 0
  for _, id in ipairs(F.piece.list { type = "minefield" }) do
    if not F.piece.get(id, "marked") then n = n + 1 end
  end
  return n
end

-- A decision taken once, whose effect comes after a delay: the treaty notice.
decision {
  id = "treaty", side = "council", once = true, source = "ottawa",
  title = "The mine ban treaty",
  text = "Ministers have recommended leaving the Ottawa Convention. Withdrawal takes effect six months after notice.",
  options = {
    { id = "stay", label = "Stay a party", text = "Keep the ban; rely on other obstacles.",
      effect = function() F.track.add("cohesion", 5) end },
    { id = "withdraw", label = "Give notice of withdrawal", delay = "6 months",
      text = "Mines become available in six months; allies that remain parties object.",
      preview = "+10 deterrence, −5 cohesion in six months",
      effect = function()
        F.var.set("withdrawn", true)
        F.track.add("deterrence", 10)
        F.track.add("cohesion", -5)
        F.game.log("Withdrawal from the Ottawa Convention takes effect.")
      end },
  },
}

-- A decision offered every turn, with costs and requirements.
decision {
  id = "fortify", side = "council",
  title = "Fortify the gap",
  text = "How should the border sector be strengthened this month?",
  options = {
    { id = "nothing", label = "Hold the budget" },
    { id = "obstacles", label = "Anti-tank ditches and dragon's teeth", cost = { budget = 10 },
      effect = function()
        F.track.add("deterrence", 3)
        F.area.add("suwalki", "obstacles", 1)
        -- a counter on the board, so the work shows on the map
        F.piece.add { type = "obstacle", area = "suwalki", side = "council" }
      end },
    { id = "mines", label = "Lay anti-personnel mines", cost = { budget = 5 },
      -- requires may return a reason as well: the card shows it under the option
      requires = function() return F.var.get("withdrawn", false), "only once the withdrawal is in force" end,
      effect = function()
        F.piece.add { type = "minefield", area = "suwalki", side = "council", props = { marked = false } }
        F.track.add("deterrence", 6)
      end },
    { id = "mark", label = "Mark and fence the minefields", cost = { budget = 3 },
      requires = function() return unmarked_minefields() > 0, "no unmarked minefields" end,
      effect = function()
        for _, id in ipairs(F.piece.list { type = "minefield" }) do F.piece.set(id, "marked", true) end
      end },
  },
}

decision {
  id = "posture", side = "adversary",
  title = "Posture this month",
  options = {
    { id = "wait", label = "Wait" },
    { id = "probe", label = "Hybrid probe at the border", effect = function() F.track.add("cohesion", -3) end },
    { id = "attack", label = "Attack through the gap",
      requires = function() return F.track.get("deterrence") < 35, "deterrence is still 35% or more" end,
      effect = function() F.game.finish("war") end },
  },
}

-- Events: by chance each turn start, on a date, and at the end of each turn.
event {
  id = "pushback", title = "People pushed across the border",
  chance = function() return F.param.get("pushback_chance") end,
  text = function()
    if unmarked_minefields() > 0 then
      return "Migrants pushed across the forest border walked into an unmarked minefield."
    end
    return "Migrants were pushed across the forest border; border guards took them in."
  end,
  effect = function()
    F.track.add("civilian_harm", F.param.get("harm_per_field") * unmarked_minefields())
    F.track.add("cohesion", -2)
  end,
}

event { id = "summit", title = "NATO summit", on = "date:2025-06-24", text = "Allies reaffirm Article 5.",
        effect = function() F.track.add("cohesion", 5); F.track.add("deterrence", 2) end }

event { id = "upkeep", on = "turn_end", title = "Month's end",
        text = "New funds arrive; readiness fades unless renewed.",
        effect = function() F.track.add("budget", 8); F.track.add("deterrence", -4) end }

-- Endings: checked after every decision and at each turn's end; the first that
-- holds ends the game. `default` is the ending when the last turn is over.
ending { id = "war", title = "War in the gap",
         text = function()
           return string.format("The adversary attacked with deterrence at %d%%. Civilian harm: %d.",
             math.floor(F.track.get("deterrence")), math.floor(F.track.get("civilian_harm")))
         end }
ending { id = "split", title = "The alliance splits", when = function() return F.track.get("cohesion") < 40 end,
         text = "Cohesion collapsed: allies no longer agree on the defence of the gap." }
ending { id = "held", title = "Deterrence held", default = true,
         text = "Nine months passed without war. Whatever was laid in the ground stays there." }

-- Questions for the debrief: general, or for one ending. The window and
-- `flank play --text` ask them when the game ends; batch reports list them.
question { text = "What did leaving the treaty buy in deterrence, and what did it cost in civilian harm?" }
question { text = "Which of your decisions made the attack possible? Would unmarked mines have stopped it?", ending = "war" }
question { text = "Nine months passed without war. What stays in the ground, and who pays for it [@lm2025]?",
           ending = "held" }

-- Overlays: map views that shade areas by a property, so consequences show on
-- the board (the window cycles them with V; flank render --overlay obstacles).
overlay { id = "obstacles", name = "Obstacles built", prop = "obstacles", max = 9, unit = "months of work",
          text = "Anti-tank ditches and dragon's teeth laid in each area." }

-- Policies: the AI for a side. `default` plays when nobody else is named.
policy { id = "default", name = "Fortify, keep the treaty", side = "council", text = "Fortify when affordable; keep the treaty.",
  choose = function(view, d)
    if d.id == "treaty" then return "stay" end
    for _, o in ipairs(d.options) do
      if o.id == "obstacles" and o.available and view.tracks.budget > 30 then return "obstacles" end
    end
    return "nothing"
  end }
policy { id = "mines", name = "Mine the gap", side = "council", text = "Withdraw and mine the gap, unmarked.",
  choose = function(view, d)
    if d.id == "treaty" then return "withdraw" end
    for _, o in ipairs(d.options) do
      if o.id == "mines" and o.available then return "mines" end
    end
    return "nothing"
  end }
policy { id = "default", name = "Attack when weak", side = "adversary", text = "Attack when deterrence is low and the dice say so.",
  choose = function(view, d)
    for _, o in ipairs(d.options) do
      if o.id == "attack" and o.available and math.random() < 0.5 then return "attack" end
    end
    if math.random() < 0.3 then return "probe" end
    return "wait"
  end }
