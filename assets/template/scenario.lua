-- {{title}}: a new Flank scenario, made by `flank new {{id}}`.
--
-- It runs, lints and passes its own test as it is. Change it step by step and
-- check after each step:
--   flank lint {{id}}     everything checkable without playing (keys, ids, lines)
--   flank run {{id}}      one game headless, policies on every side
--   flank test {{id}}     the tests in tests/*.lua
--   flank play {{id}}     in the window
-- Reference: docs/api.md (generated from the engine), docs/guide.md (a walkthrough).
-- Editor completion: point the Lua Language Server at docs/flank.d.lua.
--
-- Rules of the road: definitions (scenario{}, side{}, ...) only while this file
-- loads; game state only through `flank.*` inside effects and setup(); globals
-- are frozen after load, so anything that changes lives in tracks, areas,
-- pieces or flank.var. Cite where your numbers come from: a source{} for each
-- work, cited in any text by its id (see source "notes" below); `flank sources
-- {{id}}` prints them with the parameters and questions as a handout
-- (docs/teaching.md).

local F = flank

scenario {
  id = "{{id}}",
  title = "{{title}}",
  version = "0.1.0",
  authors = { "You" },
  blurb = "Two sides, four areas, one decision each turn. Replace this with your question.",
  start = "2025-01-01",
  step = "1 month",          -- how long a turn is
  turns = 12,
}

-- Sources: the works your text cites as [@notes] (or [@notes, p. 12] with a locator).
-- Replace this one with real references: author, title, year, publisher, link.
source { id = "notes", short = "Design notes", author = "You", title = "Design notes for {{title}}", year = 2025,
         note = "Where each number of the model comes from, and why." }

-- Parameters: the assumptions a teacher may change without editing Lua
-- (flank run {{id}} --set storm_chance=0.3, or the briefing's Assumptions panel).
-- Rule code reads one with F.param.get("id"); each needs a source = "id" or an
-- honest assumption label. The default must be min plus a whole number of steps.
parameter { id = "storm_chance", name = "Storms a month", default = 0.15, min = 0, max = 0.5, step = 0.05,
            text = "The chance that a winter storm closes the harbour in a month [@notes].",
            assumption = "a round figure until a source says otherwise" }

-- Who decides. A side with playable = false is always played by a policy.
side { id = "defender", name = "Defender" }
side { id = "attacker", name = "Attacker", playable = false }

-- Indicators shown to the players.
track { id = "readiness", name = "Readiness", min = 0, max = 100, start = 50, unit = "%", better = "higher" }
track { id = "budget", name = "Budget", min = 0, max = 100, start = 30, unit = "M€", better = "higher" }

piece_type { id = "company", name = "Company", symbol = "infantry" }

-- The board: outlines in {lon, lat}. Areas that share an edge are neighbours.
area { id = "harbour", name = "Harbour", terrain = "urban", owner = "defender",
       ring = { {10, 50}, {11, 50}, {11, 51}, {10, 51} } }
area { id = "hills", name = "Hills", terrain = "forest", owner = "defender",
       ring = { {11, 50}, {12, 50}, {12, 51}, {11, 51} } }
area { id = "plain", name = "Plain", terrain = "plain", owner = "defender",
       ring = { {10, 49}, {11, 49}, {11, 50}, {10, 50} } }
area { id = "border", name = "Border", terrain = "plain", owner = "attacker",
       ring = { {11, 49}, {12, 49}, {12, 50}, {11, 50} } }

setup(function()
  F.piece.add { type = "company", area = "harbour", side = "defender" }
end)

-- A decision every turn. Costs are paid from tracks; requires() can hide an option.
decision {
  id = "prepare", side = "defender", title = "How to spend the month?",
  options = {
    { id = "rest", label = "Rest and save money", effect = function() F.track.add("budget", 5) end },
    { id = "drill", label = "Drill the companies", cost = { budget = 10 },
      effect = function() F.track.add("readiness", 8) end },
    { id = "recruit", label = "Raise a company in the hills", cost = { budget = 20 },
      requires = function() return F.piece.count { area = "hills" } == 0 end,
      effect = function()
        F.piece.add { type = "company", area = "hills", side = "defender" }
        F.track.add("readiness", 5)
      end },
  },
}

decision {
  id = "pressure", side = "attacker", title = "Attacker's move",
  options = {
    { id = "wait", label = "Wait" },
    { id = "raid", label = "Raid across the border", effect = function() F.track.add("readiness", -6) end },
    { id = "invade", label = "Invade",
      requires = function() return F.track.get("readiness") < 25 end,
      effect = function()
        F.area.set_owner("plain", "attacker")
        F.game.finish("overrun")
      end },
  },
}

-- Something that happens by chance at the start of a turn (the chance is the parameter above).
event { id = "storm", title = "Winter storm", chance = function() return F.param.get("storm_chance") end,
        text = "A storm closes the harbour for a month.",
        effect = function() F.track.add("readiness", -4) end }

-- Endings: `when` is checked after every decision; `default` when the turns run out.
ending { id = "overrun", title = "Overrun", text = "The attacker took the plain." }
ending { id = "held", title = "The line held", default = true, text = "A year passed without invasion." }

-- Questions for discussion after the game (ending = "overrun" asks one only after that ending).
question { text = "Drilling costs money every month. Was the readiness it bought worth its price [@notes]?" }

-- Policies: the AI of each side ("default" plays unless another is named).
policy { id = "default", side = "defender", text = "Drill when there is money, otherwise save.",
  choose = function(view, d)
    for _, o in ipairs(d.options) do
      if o.id == "drill" and o.available then return "drill" end
    end
    return "rest"
  end }
policy { id = "idle", side = "defender", text = "Never prepares.",
  choose = function(view, d) return "rest" end }
policy { id = "default", side = "attacker", text = "Raids now and then; invades when it can.",
  choose = function(view, d)
    for _, o in ipairs(d.options) do
      if o.id == "invade" and o.available then return "invade" end
    end
    if math.random() < 0.5 then return "raid" end
    return "wait"
  end }
