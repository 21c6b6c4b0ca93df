-- The war on the board, and deterrence from the same war model (project issue 12).
-- (The scenario's modules cannot be required from a test file, so the pure model is
-- tested through played games, seed by seed.)


test("the war is fought on the board: formations advance, areas change owner", function()
  local g = play { seed = 7, side = { council = "bare", allies = "rand_2016", adversary = "attack_now" } }
  local forms, moved = 0, 0
  for _, p in ipairs(g.pieces) do
    if p.type == "formation" then
      forms = forms + 1
      if p.area ~= "kingisepp" and p.area ~= "ostrov" and p.area ~= "pskov" and p.area ~= "polotsk"
        and p.area ~= "lida" and p.area ~= "kaliningrad_chernyakhovsk" then moved = moved + 1 end
    end
  end
  expect(forms).eq(4)
  expect(moved).ge(3)
  expect(g.areas.narva.owner).eq("adversary")
  expect(g.tracks.territory_held).lt(100)
end)

test("RAND 2016: most games reach Tallinn or Riga in 36-60 hours", function()
  local a = play { seeds = 1000, side = { council = "bare", allies = "rand_2016", adversary = "attack_now" } }
  -- share of games in the window, from the track's distribution
  expect(a.tracks.hours_to_capital.p05).ge(36)
  expect(a.tracks.hours_to_capital.p95).le(60)
end)

test("sensors, obstacles and allied hosting never lower deterrence, seed by seed (500 seeds)", function()
  local lower = 0
  for seed = 1, 500 do
    local bare = play { seed = seed, side = { council = "bare", adversary = "restrained" } }
    local built = play { seed = seed, side = { council = "stay_in_treaty", adversary = "restrained" } }
    if built.tracks.deterrence_avg < bare.tracks.deterrence_avg - 1e-9 then lower = lower + 1 end
  end
  expect(lower).eq(0)
end)

test("brigades in place never lower deterrence, seed by seed (500 seeds)", function()
  local lower = 0
  for seed = 1, 500 do
    local few = play { seed = seed, side = { council = "bare", allies = "rand_2016", adversary = "restrained" } }
    local seven = play { seed = seed, side = { council = "bare", allies = "seven_brigades", adversary = "restrained" } }
    if seven.tracks.deterrence_avg < few.tracks.deterrence_avg - 1e-9 then lower = lower + 1 end
  end
  expect(lower).eq(0)
end)

test("unmarked fields raise expected civilian harm in war (500 seeds)", function()
  local war = { side = { allies = "rand_2016", adversary = "attack_now" }, seeds = 500 }
  local function with(p)
    local t = { seeds = war.seeds, side = {} }
    for k, v in pairs(war.side) do t.side[k] = v end
    t.side.council = p
    for _, s in ipairs { "estonia", "latvia", "lithuania", "poland" } do t.side[s] = p end
    return play(t)
  end
  expect(with("mass_unmarked").tracks.civilian_casualties_war.mean).ge(with("bare").tracks.civilian_casualties_war.mean)
end)

test("deterrence agrees with outcomes: when it reads high, capitals rarely fall in the wars that come", function()
  local high, high_lost, low, low_lost = 0, 0, 0, 0
  for seed = 1, 600 do
    local g = play { seed = seed }
    local d = g.vars.d_at_war
    if d then
      local lost = g.ending == "territory_lost"
      if d >= 60 then high = high + 1; if lost then high_lost = high_lost + 1 end
      else low = low + 1; if lost then low_lost = low_lost + 1 end end
    end
  end
  expect(high + low).gt(20)            -- wars do come
  if high > 0 then expect(high_lost / high).le(0.3) end
  if high > 0 and low > 0 then expect(high_lost / high).le(low_lost / low) end
end)
