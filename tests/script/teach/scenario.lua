-- A fixture for the teaching tools: parameters (one that matters, one that does not),
-- sources cited in text with marks of evidence strength, discussion questions, and
-- policies for ensembles and sweeps.
local F = flank

scenario {
  id = "teach", title = "Village Well", version = "1.0",
  blurb = "Eight months of a village's fields: fence them, or mine them for a bigger harvest [@almanac, p. 3].",
  start = "2025-03-01", turns = 8,
}

source { id = "survey", author = "Doe, Jane; Roe, Richard", title = "Harm from fields left unmarked", year = 2020,
         publisher = "Field Studies Press", link = "https://example.org/survey", note = "Table 2: harm per field [H]." }
source { id = "almanac", author = "Village Almanac", title = "Harvests of the valley", year = "1999",
         note = "Yields as the elders remember them [L]." }
evidence { mark = "H", text = "counted in a survey" }
evidence { mark = "L", text = "remembered, not counted" }
source { id = "unused_one", author = "Nobody, N.", title = "A book nobody cites", year = 2001 }

parameter { id = "harm_rate", name = "Harm per mined field", text = "People hurt each month by one mined field [@survey].",
            default = 2, min = 0, max = 10, step = 1, unit = "people", source = "survey" }
parameter { id = "paint", name = "Fence colour", text = "Which colour the fences are painted: changes nothing.",
            default = 1, min = 0, max = 5, step = 1, assumption = "a stand-in for a parameter that does not matter" }

area { id = "valley", name = "Valley", terrain = "plain", owner = "mayor",
       ring = { {22.5, 54.3}, {23.5, 54.3}, {23.5, 55.0}, {22.5, 55.0} } }

side { id = "mayor", name = "Mayor" }
side { id = "weather", name = "Weather", playable = false }

track { id = "harvest", name = "Harvest", min = -100, max = 1000, start = 10, unit = "t", better = "higher", source = "almanac" }
track { id = "harm", name = "People hurt", min = 0, max = 100000, start = 0, unit = "people", better = "lower", source = "survey" }
track { id = "mined", name = "Mined fields", min = 0, max = 100, start = 0, visible = false }

setup(function() F.var.set("colour", F.param.get("paint")) end)

decision {
  id = "plan", side = "mayor", title = "This month's fields",
  text = "Fence the fields, or mine them: mined fields yield more [@almanac] and hurt people [@survey; @almanac].",
  options = {
    { id = "fence", label = "Fence them", effect = function() F.track.add("harvest", 2) end },
    { id = "mine", label = "Mine them", effect = function() F.track.add("harvest", 4); F.track.add("mined", 1) end },
    { id = "rest", label = "Let them rest" },
  },
}

event { id = "storm", title = "Storm", chance = 0.3, text = "A storm flattens the crops.",
        effect = function() F.track.add("harvest", -3) end }
event { id = "month", on = "turn_end", silent = true,
        effect = function() F.track.add("harm", F.param.get("harm_rate") * F.track.get("mined")) end }

ending { id = "ruin", title = "The valley empties", when = function() return F.track.get("harm") > 60 end,
         text = "So many were hurt that families left." }
ending { id = "season", title = "The season ends", default = true, text = "Eight months passed." }

question { text = "Which assumption drives the harm most? Check it against [@survey]." }
question { text = "Could the valley have kept its people and its harvest?", ending = "ruin" }
question { text = "Was the bigger harvest worth the risk?", ending = "season" }

policy { id = "default", side = "mayor", text = "Mines half the time.",
  choose = function() if math.random() < 0.5 then return "mine" end return "fence" end }
policy { id = "careful", name = "Fence every field", side = "mayor", text = "Always fences.", choose = function() return "fence" end }
policy { id = "reckless", side = "mayor", text = "Always mines.", choose = function() return "mine" end }
