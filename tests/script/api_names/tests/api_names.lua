-- flank.* names that do not exist are errors with a did-you-mean (scenario.lua).

local g = play { seed = 1 }

test("a misspelt function is an error at its line, naming the nearest one", function()
  expect(g.vars.fn_miss).matches("scenario%.lua:%d+: flank%.track%.ad does not exist %(did you mean flank%.track%.add%?%)$")
end)

test("a misspelt module too", function()
  expect(g.vars.module_miss).matches("flank%.trak does not exist %(did you mean flank%.track%?%)$")
end)

test("a name like nothing in the module: no guess, the names it has", function()
  expect(g.vars.far_miss).matches("flank%.track%.zzzzzz does not exist %(flank%.track has add, all, get, history, set%)$")
end)

test("names that exist read as before: functions, pairs, flank.lang; a number key is nil", function()
  expect(g.vars.hit).eq(6)
  expect(g.vars.track_fns).eq(5)
  expect(g.vars.lang).eq("en")
  expect(g.vars.number_key).is_true()
end)
