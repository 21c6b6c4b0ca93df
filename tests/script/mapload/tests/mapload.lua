-- What the scenario read while loading shaped the game; silent events leave no log line.
test("areas read from the map while loading became area{} overrides", function()
  local g = play { seed = 1 }
  local home = g.vars.home
  expect(g.areas[home].owner).eq("blue")
  expect(g.areas[home].supply).eq(1)
  expect(g.vars.near).gt(0)
  local owned = 0
  for _, ar in pairs(g.areas) do if ar.owner == "blue" then owned = owned + 1 end end
  expect(owned).eq(g.vars.near + 1)
  expect(g.pieces[1].area).eq(home)
  expect(g.pieces[1].side).eq("blue")
end)

test("a silent event runs without a log line", function()
  local g = play { seed = 1 }
  expect(g.vars.checks).eq(2)
  local silent, loud = 0, 0
  for _, e in ipairs(g.log) do
    if e.event == "check" then silent = silent + 1 end
    if e.event == "report" then loud = loud + 1 end
  end
  expect(silent).eq(0)
  expect(loud).eq(2)
end)
