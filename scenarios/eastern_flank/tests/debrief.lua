-- What a student reads at the end (debrief.lua, text_en.lua): why the war came or did not,
-- from the adversary's own estimate when it decided; the decisions that mattered; numbers
-- written for people.

-- The ending's text (the debrief) of one game.
local function debrief(g)
  for _, e in ipairs(g.log) do if e.kind == "ending" then return e.text end end
  error("the game has no ending")
end
-- The first paragraph: what the window shows above its tabs.
local function first_paragraph(text) return (text:match("^(.-)\n\n") or text) end
-- A percentage as the indicators show it (engine/core/fl_fmt.c fl_fmt_track): from 1% whole
-- points, halves away from zero; below 1% two decimals, trailing zeros dropped.
local function pct(x)
  if math.abs(x) < 1 then return (string.format("%.2f", x):gsub("0+$", ""):gsub("%.$", "")) .. "%" end
  local r = math.floor(math.abs(x))
  if math.abs(x) - r >= 0.5 then r = r + 1 end
  return string.format("%d%%", x < 0 and -r or r)
end

-- Seed 22: the adversary opens a crisis in April 2025 and attacks on its fifth day.
test("a war's debrief says why it came: the adversary's estimate when it attacked, and its resolve", function()
  local g = play { seed = 22 }
  expect(g.ending).eq("territory_lost")
  local top = first_paragraph(debrief(g))
  expect(top).contains("Why the war came: the adversary opened a crisis in April 2025 and attacked on its day 5.")
  -- the estimate it attacked on: its chance of a quick success, the losses it expected, the
  -- deterrence they made, and its resolve, each as the game's own numbers
  expect(top).contains("reaching a capital's outskirts before a ceasefire at " .. pct(100 * g.vars.p_success))
  expect(top).contains("its losses at " .. pct(100 * g.vars.est_loss) .. " of its force")
  expect(top).contains("Deterrence " .. pct(g.vars.d_at_war) .. ", in points: ")
  expect(top).contains("was " .. pct(100 * g.vars.resolve) .. ";")
  expect(top).contains("Nearly even: with forces massed in a crisis, that was enough.")
end)

test("deterrence is split into denial, expected losses and punishment that add up to it", function()
  local g = play { seed = 22 }
  local text = debrief(g)
  local at = text:find("Deterrence %d")
  expect(at ~= nil).is_true()
  local s = text:sub(at, at + 140)   -- "Deterrence 34%, in points: denial 0 (...) + expected losses 15 + punishment 19"
  local d, deny = s:match("^Deterrence (%d+)%%, in points: denial (%d+) ")
  local loss = s:match("%+ expected losses (%d+) %+")
  local punish = s:match("%+ punishment (%d+) ")
  expect(d ~= nil and loss ~= nil and punish ~= nil).is_true()
  -- whole points that add up to the total exactly (each rounded alone, they once made 50 = 0.05 + 30 + 20)
  expect(tonumber(deny) + tonumber(loss) + tonumber(punish)).eq(tonumber(d))
  -- it expected to take a capital: denial added nothing
  expect(g.vars.p_success).gt(0.99)
  expect(tonumber(deny)).eq(0)
end)

test("a peaceful game's debrief says why no war came, from the adversary's last review", function()
  local g = play { seed = 3, side = { adversary = "restrained" } }
  expect(g.ending).eq("deterrence_held")
  local top = first_paragraph(debrief(g))
  expect(top).contains("Why no war came")
  expect(top).contains("At its last review it played the war out on the board")
  expect(top).contains("at " .. pct(100 * g.vars.p_success) .. " and its losses at " .. pct(100 * g.vars.est_loss))
  expect(top).contains("Deterrence " .. pct(g.tracks.deterrence) .. ", in points: ")
  expect(top).contains("was " .. pct(100 * g.vars.resolve))
  local verdict = 100 * g.vars.resolve > g.tracks.deterrence and "an attack tempted it" or "Deterrence outweighed its resolve"
  expect(top).contains(verdict)
end)

test("a surprise attack is named with its month; a fixed rule that attacks against the odds is said to be one", function()
  local g = play { seed = 3, side = { adversary = "attack_now" } }
  expect(g.ending ~= "deterrence_held").is_true()
  local top = first_paragraph(debrief(g))
  expect(top).contains("attacked by surprise in March 2025")
  expect(top).contains("played by a fixed rule or a person")
end)

test("the decisions that mattered are the council's own", function()
  local marked = debrief(play { policy = "marked_fields", seed = 5, side = { adversary = "restrained" } })
  expect(marked).contains("The council's orders that changed the board: the recommendation to leave the Ottawa Convention;")
  expect(marked).contains("marked AP fields in Narva")
  local stay = debrief(play { policy = "stay_in_treaty", seed = 5, side = { adversary = "restrained" } })
  expect(stay).contains("The council's orders that changed the board: staying in the Ottawa Convention;")
  expect(stay:find("AP fields in", 1, true) == nil).is_true()
  expect(stay).contains("The four states stayed in the Ottawa Convention.")
end)

test("what others did is listed apart from the council's own orders", function()
  -- a council that builds nothing, while the allies send brigades of their own accord
  local g = play { seed = 5, side = { council = "bare", allies = "no_mines_allied_presence", adversary = "restrained" } }
  local text = debrief(g)
  expect(g.vars.added or 0).gt(0)
  expect(text).contains("Not the council's orders, but they shaped the game:")
  expect(text).contains("(the allies' decision)")
  local own = text:match("The council's orders that changed the board: ([^.]*)%.") or ""
  expect(own:find("brigade", 1, true) == nil).is_true()   -- not among the council's orders
end)

test("numbers are written for people: thousands separated, nobody for zero", function()
  local g = play { seed = 22 }
  local text = debrief(g)
  local cas = g.tracks.civilian_casualties_war
  expect(cas).ge(1000)
  expect(text).contains(string.format("%d,%03d civilians were killed or injured", cas // 1000, cas % 1000))
  local calm = debrief(play { seed = 3, side = { adversary = "restrained" } })
  expect(calm).contains("killed or injured nobody")
  expect(calm:find("%d%d%d%d") == nil or calm:find("%d%d%d%d civilians") == nil).is_true()
end)

test("the debrief's paragraphs run from why to sources", function()
  local text = debrief(play { seed = 22 })
  local order = { "Why the war came", "The council's orders that changed the board", "The war lasted", "Art. 20(3)", "When the fighting stopped,",
    "Final deterrence", "Sources:" }
  local at = 0
  for _, s in ipairs(order) do
    local i = text:find(s, 1, true)
    expect(i ~= nil and i > at).is_true()
    at = i
  end
end)

test("the debrief says what the money went on, and the parts add up to the total spent", function()
  local g = play { seed = 5, side = { council = "marked_fields" } }
  local text = debrief(g)
  local at = text:find("The council spent", 1, true)
  expect(at ~= nil).is_true()
  local line = text:sub(at, (text:find("\n", at, true) or #text + 1) - 1)
  local total, parts = line:match("^The council spent US%$([%d,.]+) M %((.+)%); US%$")
  expect(total ~= nil).is_true()
  local function n(s) return tonumber((s:gsub(",", ""))) end
  local sum, count = 0, 0
  for x in parts:gmatch("US%$([%d,.]+) M") do sum, count = sum + n(x), count + 1 end
  expect(count).ge(3)
  expect(math.abs(sum - n(total))).le(count)   -- each part is rounded
  expect(parts).contains("minefields US$")     -- a policy that lays marked fields pays for them
  expect(parts).contains("anti-tank obstacles US$")
end)

-- Money reads as the indicators write it (engine/core/fl_fmt.c; common.lua C.money): "US$0 M",
-- "US$0.3 M", "US$1,260 M", never "US$0.0 M" or "0 US$ M". Marked fields then unmarked ones
-- spend the budget down to a small remainder.
test("the debrief writes money as the indicators do, small and zero amounts too", function()
  for _, run in ipairs { { seed = 5, side = { council = "marked_fields" } }, { seed = 7, side = { council = "mass_unmarked" } } } do
    local g = play(run)
    local text = debrief(g)
    local n = 0
    for fig in text:gmatch("US%$([^ ]+) M") do
      n = n + 1
      expect(fig:match("^%d[%d,]*$") or fig:match("^%d+%.%d*[1-9]$")).eq(fig)   -- no ".0", no trailing zero
      local v = tonumber((fig:gsub(",", "")))
      local dec = #(fig:match("%.(%d+)$") or "")
      expect(dec == 0 or (v < 100 and (v >= 10) == (dec <= 1))).is_true()      -- the precision suits the size
    end
    expect(n).ge(3)
    local left = text:match("; US%$([%d,.]+) M were left%.")
    expect(left ~= nil).is_true()
    local b = g.tracks.budget
    local want = b >= 100 and math.floor(b + 0.5) or b >= 10 and math.floor(b * 10 + 0.5) / 10 or math.floor(b * 100 + 0.5) / 100
    expect(tonumber((left:gsub(",", "")))).eq(want)
    expect(text:find("[%d.] US%$ M") == nil).is_true()
  end
  -- a small amount keeps its decimals: seed 5's mines cost US$7.45 M to make (not "US$7 M")
  local g = play { seed = 5, side = { council = "marked_fields" } }
  local v = g.vars.spent_production
  expect(v > 0 and v < 10 and v ~= math.floor(v)).is_true()
  local two = string.format("%.2f", v):gsub("0+$", ""):gsub("%.$", "")
  expect(debrief(g)).contains("making and storing mines US$" .. two .. " M")
end)

test("each day of war says where the front stands on every axis as the day begins", function()
  local g = play { seed = 22 }
  local days = {}
  for _, e in ipairs(g.log) do
    if e.kind == "event" and e.text and e.text:find("of the war begins.", 1, true) then days[#days + 1] = e.text end
  end
  expect(#days).ge(2)
  local d2 = days[1]
  expect(d2).contains("Day 2 of the war begins.")
  expect(d2).contains("Narva-Tallinn: ")
  expect(d2).contains("Suwałki Gap: ")
  expect(d2).contains("Vilnius: ")
  expect(d2).contains(" km in; attackers ")
  -- once a capital has fallen, its axis says so
  expect(days[#days]).contains("taken (")
end)

-- Seed 3 under marked_fields: eight marked fields, then twenty years in which clearance
-- lifts them. The map's tooltips and the debrief's mines still in the ground must tell the same
-- number (the clearance once emptied the count but left every area's fields on the map); the
-- debrief says what the number is: laid when the aftermath began, cleared since, left.
test("the board and the debrief agree on the AP mines left in the ground", function()
  local g = play { seed = 3, side = { council = "marked_fields" } }
  expect(g.ending).eq("deterrence_held")
  local ground = 0
  for _, a in pairs(g.areas) do ground = ground + (a.ap or 0) end
  expect(math.abs(ground - g.tracks.mines_emplaced)).le(0.01)
  expect(g.tracks.mines_emplaced).lt(0.0005)   -- all cleared by 2047: none on the map either
  expect(debrief(g)).contains("When the decision window closed, 240,000 AP mines lay in the ground. In the 20 "
    .. "years after, clearance removed 240,000 of them; 0 are still in the ground.")
  local mid = play { seed = 3, side = { council = "marked_fields" }, turns = 30 }   -- before the aftermath
  local laid = 0
  for _, a in pairs(mid.areas) do laid = laid + (a.ap or 0) end
  expect(laid).gt(100)
  expect(math.abs(laid - mid.tracks.mines_emplaced)).le(0.01)
end)

test("how lucky the game was: the share of games whose drawn resolve is lower, in words", function()
  local seen = {}
  for seed = 1, 40 do
    local g = play { seed = seed }
    local text = debrief(g)
    local at = text:find("How lucky was this game?", 1, true)
    expect(at ~= nil).is_true()
    local n, words = text:sub(at, at + 200):match("in ([%d.]+)%% of games it is lower than in this one, ([^.]+)%.")
    if g.vars.resolve >= 1 then
      expect(text).contains("as high as it goes")
    else
      local want = 100 * (g.vars.resolve - 0.3) / 0.7   -- the default resolve draw: 0.3..1.0
      expect(tonumber(n)).near(want, 0.51)
      expect(words).eq(want <= 25 and "a lucky draw for the council" or want >= 75 and "an unlucky draw for the council"
        or "an ordinary draw")
      seen[words] = true
    end
  end
  expect(seen["a lucky draw for the council"]).is_true()
  expect(seen["an unlucky draw for the council"]).is_true()
end)

test("a field order that cannot be served in full says which areas were left out", function()
  local g = play { seed = 1, side = { council = "marked_fields" } }
  local msg
  for _, e in ipairs(g.log) do
    if e.kind == "message" and e.text:find("Left out for lack of engineers, mines or money:", 1, true) then msg = e; break end
  end
  expect(msg ~= nil).is_true()
  expect(msg.text).contains("Võru")
  local ordered = false   -- the order of that turn named Võru, which the message says was left out
  for _, d in ipairs(g.decisions) do
    if d.turn == msg.turn and d.decision == "fields" then
      for _, a in ipairs(d.targets or {}) do ordered = ordered or a == "voru" end
    end
  end
  expect(ordered).is_true()
end)

test("clearance that donors paid for is not listed as the council's order", function()
  local g = play { seed = 3, side = { council = "bare", adversary = "attack_now" } }   -- programme: minimal
  expect(g.tracks.cleared_km2).gt(0)
  local text = debrief(g)
  expect(text).contains("clearance paid for by donors")
  expect(text:find("a clearance programme", 1, true) == nil).is_true()
end)

-- Mines in land the adversary occupies: nobody clears there, so they stay in the count (they
-- once shrank with the council's clearance, and a fully cleared council said "0 in the
-- ground" while the occupied fields still counted as contaminated). Seed 18 under
-- mass_unmarked: eight unmarked fields, two areas lost in the war.
test("mines in occupied land stay in the ground and in the count, and the debrief says where they are", function()
  local g = play { seed = 18, side = { council = "mass_unmarked" } }
  expect(g.ending).eq("territory_lost")
  local ground, occupied = 0, 0
  for _, a in pairs(g.areas) do
    ground = ground + (a.ap or 0)
    if a.owner == "adversary" then occupied = occupied + (a.ap or 0) end
  end
  expect(occupied).eq(60)                         -- two fields of 30,000, untouched for twenty years
  expect(math.abs(ground - g.tracks.mines_emplaced)).le(0.01)
  expect(g.vars.mines_k0).eq(240)
  expect(math.abs(g.vars.mines_k_cleared + g.tracks.mines_emplaced - g.vars.mines_k0)).le(0.01)
  local text = debrief(g)
  local function thousands(k) return (string.format("%.0f", k * 1000):reverse():gsub("(%d%d%d)", "%1,"):reverse():gsub("^,", "")) end
  expect(text).contains("When the fighting stopped, 240,000 AP mines lay in the ground. In the 20 years after, "
    .. "clearance removed " .. thousands(g.vars.mines_k_cleared) .. " of them; " .. thousands(g.tracks.mines_emplaced)
    .. " are still in the ground. 60,000 of those lie in land the adversary occupies, where nobody can clear them.")
  expect(text).contains("AP mines left in stores: " .. thousands(g.tracks.mines_stockpiled) .. ".")
end)

-- A remotely delivered field's US$30 M buys its mines, in their rounds: they do not come from
-- the shared store (which holds simple mines without self-destruct), so the adversary counts
-- them in full from the order on, and the attack scatters full fields whatever the store holds.
test("remotely delivered fields bring their own mines and leave the shared store alone", function()
  local g = play { seed = 148, side = { council = "remote_fields" } }
  expect(g.ending ~= "deterrence_held").is_true()
  local war_turn
  for _, e in ipairs(g.log) do
    if e.text == "The attack begins." then war_turn = e.turn; break end
  end
  expect(war_turn ~= nil).is_true()
  local before = play { seed = 148, side = { council = "remote_fields" }, turns = war_turn - 1 }
  local after = play { seed = 148, side = { council = "remote_fields" }, turns = war_turn }
  expect(before.vars.k_remote or 0).eq(0)
  expect(after.vars.k_remote).eq(240)               -- eight fields of 30,000 scattered
  expect(after.vars.stockpile).ge(before.vars.stockpile)   -- nothing taken from the store (it held 340,000)
  for _, a in ipairs { "narva", "voru", "rezekne", "daugavpils", "vilnius", "alytus", "suwalki_gap", "bialystok" } do
    expect(before.areas[a].plan_k).eq(24)           -- 80% of a field, whatever the store holds
    expect(after.areas[a].ap_remote).eq(30)
  end
  expect(debrief(g)).contains("240,000 of them were scattered remotely and destroy themselves")
  -- in a game without war the rounds stay with the launchers, named apart from the store
  local peace = play { seed = 1, side = { council = "remote_fields" } }
  expect(peace.ending).eq("deterrence_held")
  expect(debrief(peace)).contains(", and 240,000 in the rounds bought for remote delivery that no attack called for.")
end)

test("an allied brigade's arrival says where its counter stands and what its upkeep costs", function()
  local g = play { seed = 7 }
  local msg
  for _, e in ipairs(g.log) do
    if e.kind == "message" and e.text:find("Another allied brigade is stationed at", 1, true) then msg = e; break end
  end
  expect(msg ~= nil).is_true()
  -- the first added brigade goes to the northern axis's forward area (the board draws it at Narva)
  expect(msg.text).contains("stationed at Narva")
  expect(msg.text).contains("the council pays its upkeep from now on, US$60 M a year")
end)
