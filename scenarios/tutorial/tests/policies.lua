-- The tutorial's central trade-off, measured over many seeded games:
-- mines buy deterrence, and once they are in the ground they maim civilians.

test("unmarked mines maim civilians; the default policy harms no one", function()
  -- adversary = "first" always waits, so games last long enough for the mines to matter
  local mines = play{ side = { council = "mines", adversary = "first" }, seeds = 200 }
  local default = play{ side = { adversary = "first" }, seeds = 200 }
  expect(mines.tracks.civilian_harm.mean).gt(0)
  expect(mines.tracks.civilian_harm.max).ge(4)          -- one unmarked field, one pushback: 4 casualties
  expect(default.tracks.civilian_harm.max).eq(0)
  expect(mines.tracks.civilian_harm.mean).gt(default.tracks.civilian_harm.mean)
end)

test("with the default council, the peace holds", function()
  local a = play{ seeds = 200 }
  expect(a.games).eq(200)
  expect(a.endings.war).eq(0)
  expect(a.ending_rate.held).eq(1)
end)

test("the mines policy lets deterrence fall and invites war", function()
  local a = play{ policy = "mines", seeds = 200 }
  expect(a.endings.war).gt(a.endings.held)
  expect(a.ending_rate.war).gt(0.9)
  expect(a.tracks.deterrence.mean).lt(35)
end)

test("an adversary that always waits never starts a war", function()
  local a = play{ policy = "mines", side = { adversary = "first" }, seeds = 200 }
  expect(a.endings.war).eq(0)
end)
