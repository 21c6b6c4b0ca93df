-- The war on the board, and deterrence from the same war model (project issue 12).
-- (The scenario's modules cannot be required from a test file, so the pure model is
-- tested through played games, seed by seed. RAND's figures: calibration.lua.)


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

-- Fields: marked fields in the ground against the same mines kept in stores. Laying
-- them costs cohesion (a political effect on the punishment term), so the test reads
-- the war model's part of the judgement: the adversary's chance of success and its
-- expected losses, in games whose forces ended the same.
local function forces(key)   -- the estimate's key without the fields and the Riga entry
  local t = {}
  for w in key:gmatch("%S+") do if not w:find(":") and not w:find("riga_") then t[#t + 1] = w end end
  return table.concat(t, " ")
end

test("more fields never raise the attacker's chance nor lower its expected losses (500 seeds)", function()
  local worse, same_forces, differ = 0, 0, 0
  for seed = 1, 500 do
    local g = {}
    for i, p in ipairs { "stockpile_only", "marked_fields" } do
      g[i] = play { seed = seed, side = { council = p, adversary = "restrained" } } -- the states follow the council
    end
    local a, b = g[1].vars, g[2].vars
    if forces(a.est_key) == forces(b.est_key) then
      same_forces = same_forces + 1
      if b.p_success > a.p_success + 1e-9 or b.est_loss < a.est_loss - 1e-9 then worse = worse + 1 end
      if b.p_success ~= a.p_success or b.est_loss ~= a.est_loss then differ = differ + 1 end
    end
  end
  expect(same_forces).ge(250)
  expect(differ).ge(100)          -- the fields do change the estimate
  expect(worse).eq(0)
end)

test("unmarked fields raise expected civilian harm in war (500 seeds)", function()
  local war = { side = { allies = "rand_2016", adversary = "attack_now" }, seeds = 500 }
  local function with(p)
    local t = { seeds = war.seeds, side = {} }
    for k, v in pairs(war.side) do t.side[k] = v end
    t.side.council = p -- the states follow the council
    return play(t)
  end
  expect(with("mass_unmarked").tracks.civilian_casualties_war.mean).ge(with("bare").tracks.civilian_casualties_war.mean)
end)

test("deterrence agrees with outcomes: when it reads high, capitals rarely fall in the wars that come", function()
  -- the adversary attacks at once against RAND's 2016 forces, the 2025 posture and seven
  -- brigades: deterrence at the attack against what the war then did (250 seeds each)
  local high, high_lost, low, low_lost = 0, 0, 0, 0
  for _, allies in ipairs { "rand_2016", "default", "seven_brigades" } do
    for seed = 1, 250 do
      local g = play { seed = seed, side = { council = "bare", allies = allies, adversary = "attack_now" } }
      local lost = g.ending == "territory_lost"
      if g.vars.d_at_war >= 60 then
        high = high + 1
        if lost then high_lost = high_lost + 1 end
      else
        low = low + 1
        if lost then low_lost = low_lost + 1 end
      end
    end
  end
  expect(high).ge(100)
  expect(low).ge(100)
  expect(high_lost / high).le(0.25)     -- deterrence high: a capital falls in at most a quarter
  expect(low_lost / low).ge(0.75)       -- deterrence low: it falls in most
end)

-- The two assumptions the ranking of the positions rests on, as a class can change them
-- (params.lua): the military effect of AP mines and the civilian toll of a battle.
test("a larger military effect of AP mines never lowers deterrence, seed by seed (150 seeds)", function()
  local lower = 0
  for seed = 1, 150 do
    local none = play { seed = seed, side = { council = "marked_fields", adversary = "restrained" }, set = { mine_effect = 0 } }
    local model = play { seed = seed, side = { council = "marked_fields", adversary = "restrained" } }
    local twice = play { seed = seed, side = { council = "marked_fields", adversary = "restrained" }, set = { mine_effect = 2 } }
    if model.tracks.deterrence_avg < none.tracks.deterrence_avg - 1e-9
      or twice.tracks.deterrence_avg < model.tracks.deterrence_avg - 1e-9 then lower = lower + 1 end
  end
  expect(lower).eq(0)
end)

test("with no military effect, AP fields deter no more than staying in the treaty with the same belts and sensors", function()
  local fields = play { seeds = 200, side = { council = "marked_fields", adversary = "restrained" }, set = { mine_effect = 0 } }
  local stay = play { seeds = 200, side = { council = "stay_in_treaty", adversary = "restrained" }, set = { mine_effect = 0 } }
  local model = play { seeds = 200, side = { council = "marked_fields", adversary = "restrained" } }
  expect(fields.tracks.deterrence_avg.mean).le(stay.tracks.deterrence_avg.mean)   -- mines cost cohesion and buy nothing
  expect(model.tracks.deterrence_avg.mean).gt(fields.tracks.deterrence_avg.mean + 1)   -- the model's effect is what they buy
end)


test("a battle's civilian toll scales the war's casualties and nothing before the war", function()
  local low = play { seed = 7, side = { council = "bare", allies = "rand_2016", adversary = "attack_now" }, set = { war_pop_rate = 0.6 } }
  local high = play { seed = 7, side = { council = "bare", allies = "rand_2016", adversary = "attack_now" }, set = { war_pop_rate = 2.4 } }
  expect(high.tracks.civilian_casualties_war).gt(low.tracks.civilian_casualties_war * 2)
  expect(high.tracks.civilian_casualties_peace).eq(low.tracks.civilian_casualties_peace)
  expect(high.tracks.territory_held).eq(low.tracks.territory_held)
end)

test("a crisis stops the player on its first day: one 'A crisis begins' pop-up per crisis", function()
  -- seed 24 with the council taking every first option: the adversary opens a crisis in 2025
  -- (a cold student sped from a month of peace into the war without noticing the crisis)
  local g = play { seed = 24, side = { council = "first" } }
  local begins = 0
  for _, e in ipairs(g.log) do
    if e.event == "crisis_begins" then begins = begins + 1 end
  end
  expect(g.vars.crises).ge(1)
  expect(begins).eq(g.vars.crises)
end)
