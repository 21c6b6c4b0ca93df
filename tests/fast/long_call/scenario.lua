-- A scenario whose setup runs long (a few million instructions, well inside the budget):
-- in fast mode its calls trip the watchdog, and each game is played again exactly.
scenario { id = "long_call", title = "Long call", start = "2025-01-01", step = "1 month", turns = 3, language = "en" }
area { id = "a1", name = "A1", terrain = "plain", ring = { {21.5, 54.3}, {22.5, 54.3}, {22.5, 55.0} } }
side { id = "council", name = "Council" }
track { id = "score", name = "Score", min = 0, max = 1e12, start = 0 }
setup(function()
  local s = 0
  for i = 1, 3000000 do s = s + i % 7 end   -- ~12 million instructions would exceed; this is ~9
  flank.track.set("score", s + flank.rng.random(1, 100))
end)
decision { id = "pick", side = "council", title = "Pick", text = "Pick one.",
  options = { { id = "more", label = "More", effect = function() flank.track.add("score", flank.rng.random(1, 10)) end },
              { id = "less", label = "Less" } } }
ending { id = "done", title = "Done", text = "The end.", default = true }
