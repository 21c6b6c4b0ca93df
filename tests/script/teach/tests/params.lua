-- Parameters through play{ set = ... }: the harm rate drives harm, the fence colour does not.

test("the default harm rate is the scenario's", function()
  local g = play { seed = 3, policy = "reckless" }
  expect(g.params.harm_rate).eq(2)
  expect(g.params.paint).eq(1)
end)

test("a higher harm rate hurts more people in the same game", function()
  local low = play { seed = 3, policy = "reckless", set = { harm_rate = 1 } }
  local high = play { seed = 3, policy = "reckless", set = { harm_rate = 4 } }
  expect(high.params.harm_rate).eq(4)
  expect(high.tracks.harm).gt(low.tracks.harm)
end)

test("the fence colour changes nothing but itself", function()
  local a = play { seed = 5, set = { paint = 0 } }
  local b = play { seed = 5, set = { paint = 5 } }
  expect(a.tracks.harm).eq(b.tracks.harm)
  expect(a.tracks.harvest).eq(b.tracks.harvest)
  expect(b.vars.colour).eq(5)
end)

test("each play{} starts from the values in force", function()
  play { seed = 1, set = { harm_rate = 9 } }
  expect(play { seed = 1 }.params.harm_rate).eq(2)
end)

test("many games under a parameter", function()
  local r = play { seeds = 50, policy = "reckless", set = { harm_rate = 0 } }
  expect(r.tracks.harm.max).eq(0)
end)

test("a value outside the parameter's range is refused, naming the value and the range", function()
  local ok, err = pcall(play, { seed = 1, set = { harm_rate = 11 } })
  expect(ok).is_false()
  expect(tostring(err):find("harm_rate=11 is outside its range 0..10", 1, true) ~= nil).is_true()
end)
