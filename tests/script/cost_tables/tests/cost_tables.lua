-- Every way of returning a cost prices its option out of reach the same way (scenario.lua):
-- the first option the policy is told is available is the cheap one, and it pays both tracks.

test("fresh, frozen, object and extra-key cost tables all price their options out", function()
  local g = play { seed = 1, side = { council = "trusting" } }
  expect(g.decisions[1].option).eq("cheap")
  expect(g.tracks.budget).eq(3)
  expect(g.tracks.trust).eq(49)
end)
