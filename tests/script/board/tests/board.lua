-- The board fixture: targets, costs by target, previews, moves, hidden information.

test("a policy lays fields on chosen areas and pays by area", function()
  local g = play{ seed = 1 }
  local laid = 0
  for _, d in ipairs(g.decisions) do
    if d.option == "lay" then laid = laid + 1; expect(d.targets[1]).matches("^c[01]r[12]$") end
  end
  expect(laid).eq(3)                       -- c1r1 costs 4, c1r2 and c0r1 cost 2 each
  expect(g.areas.c1r1.field).eq(1)
  expect(g.areas.c0r1.field).eq(1)
  expect(g.tracks.budget).eq(10 - 4 - 2 - 2)
end)

test("moves spend movement points along the cheapest path", function()
  local g = play{ seed = 1 }
  local moves = 0
  for _, d in ipairs(g.decisions) do
    if d.option == "move" then
      moves = moves + 1
      expect(d.piece).gt(0)
      expect(d.from).ne(d.to)
    end
  end
  expect(moves).gt(0)
  expect(g.vars.moves).eq(moves)
end)

test("several targets: exactly min..max distinct legal areas", function()
  local g = play{ seed = 1, side = { blue = "pair" } }
  expect(g.vars.scouted).eq("c2r0,c3r1")
end)

test("an illegal target is refused with the policy named", function()
  local ok, err = pcall(play, { seed = 1, side = { blue = "bad_target" } })
  expect(ok).is_false()
  expect(tostring(err)).contains("area 'c3r2' is not a legal target (legal: c1r1")  -- by id, with what was legal
  expect(tostring(err)).contains("bad_target")
end)

test("a misspelt track in a policy's view is an error with a suggestion", function()
  local ok, err = pcall(play, { seed = 1, side = { blue = "typo" } })
  expect(ok).is_false()
  expect(tostring(err)).contains("view.tracks: no track 'budgte' in this scenario (did you mean 'budget'?)")
  expect(tostring(err)).contains("scenario.lua:")   -- where the policy read it
end)

test("a policy cannot read what its side may not see", function()
  local g = play{ seed = 1, side = { blue = "peek" } }
  expect(g.finished).is_true()
end)

test("random and first policies choose legal targets too", function()
  local a = play{ seeds = 50, policy = "random" }
  expect(a.games).eq(50)
  local b = play{ seeds = 5, policy = "first" }
  expect(b.games).eq(5)
end)

test("the front line and marks are part of the state", function()
  local g = play{ seed = 2 }
  expect(g.finished).is_true()
end)
