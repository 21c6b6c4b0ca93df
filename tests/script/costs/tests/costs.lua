-- Cost functions decide availability as static costs do: asked with no target, a cost
-- function gives the least the option can cost (scenario.lua).

test("an option its cost function prices out of reach is not available", function()
  local g = play { seed = 1, side = { council = "trusting" }, turns = 1 }
  expect(g.decisions[1].option).eq("cheap_area")   -- neither dear option was offered
end)

test("once the money runs short, the cheap option is priced out too", function()
  local g = play { seed = 1, side = { council = "trusting" } }
  expect(g.decisions[2].option).eq("survey_area")   -- 2 left: less than the least cheap_area costs (3)
  expect(g.tracks.budget).eq(1)                     -- 5 - 3 for the north - 1 for the survey
end)
