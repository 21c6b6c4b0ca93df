-- Rules of the tutorial that a change to scenario.lua must not break.

-- Entries of a game's log of one kind with one id (decision, event, delayed...).
local function find(g, kind, id)
  local out = {}
  for _, e in ipairs(g.log) do
    if e.kind == kind and (e.decision == id or e.event == id) then out[#out + 1] = e end
  end
  return out
end

test("the NATO summit fires at the first turn on or after 24 June 2025", function()
  for seed = 1, 20 do
    local g = play{ seed = seed, side = { adversary = "first" } }
    local s = find(g, "event", "summit")
    expect(#s).eq(1)
    expect(s[1].date).eq("2025-07-01")                -- monthly turns: 1 July is the first on or after
    expect(s[1].turn).eq(5)
    expect(g.events).contains("summit")
  end
end)

test("the treaty withdrawal takes effect six months after notice", function()
  local g = play{ seed = 3, side = { council = "mines", adversary = "first" } }
  local notice = find(g, "decision", "treaty")
  local effect = find(g, "delayed", "treaty")
  expect(#notice).eq(1)
  expect(notice[1].option).eq("withdraw")
  expect(notice[1].date).eq("2025-03-01")
  expect(#effect).eq(1)
  expect(effect[1].date).eq("2025-09-01")              -- Ottawa Convention, Art. 20: six months
  expect(effect[1].turn).eq(notice[1].turn + 6)
  -- mines are laid only once the withdrawal is in force
  for _, d in ipairs(g.decisions) do
    if d.option == "mines" then expect(d.turn).ge(effect[1].turn) end
  end
end)

test("war only happens when deterrence is below 35", function()
  local wars = 0
  for seed = 1, 150 do
    local g = play{ seed = seed, policy = "mines" }
    if g.ending == "war" then
      wars = wars + 1
      expect(g.tracks.deterrence).lt(35)              -- the attack option requires it
      expect(g.decisions[#g.decisions].option).eq("attack")
    end
  end
  expect(wars).gt(0)
end)

test("the same seed gives the same game", function()
  for _, seed in ipairs { 1, 7, 42, 1000 } do
    local a = play{ seed = seed, policy = "mines" }
    local b = play{ seed = seed, policy = "mines" }
    expect(b.ending).eq(a.ending)
    expect(b.turns).eq(a.turns)
    expect(#b.log).eq(#a.log)
    for k, v in pairs(a.tracks) do expect(b.tracks[k]).eq(v) end
    for i, e in ipairs(a.log) do
      expect(b.log[i].kind).eq(e.kind)
      expect(b.log[i].text).eq(e.text)
    end
  end
end)

test("turns = N stops the game early", function()
  local g = play{ seed = 5, turns = 2 }
  expect(g.finished).is_false()
  expect(g.ending).eq(nil)
  expect(g.turns).eq(2)                                  -- two turns played; turn 3 had begun
end)
