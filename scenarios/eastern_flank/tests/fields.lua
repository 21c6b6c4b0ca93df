-- Field orders and their price. The card's prices: a remotely delivered field costs its rounds,
-- and the first remote order also buys the launchers (once, for every later field). Ordering two
-- fields in one order must cost what ordering them one after the other does; before the fix,
-- one order of Võru and Daugavpils paid for the launchers twice (a cold student's US$100 M
-- where the card's own prices gave 80). The councils are policy files named from the
-- repository root (where flank test runs).

local PAIR = "scenarios/eastern_flank/tests/policies/remote_pair.lua"
local APART = "scenarios/eastern_flank/tests/policies/remote_apart.lua"

test("two remote fields cost the same in one order as in two", function()
  for seed = 1, 5 do
    local one = play { seed = seed, side = { council = PAIR, adversary = "restrained" } }
    local two = play { seed = seed, side = { council = APART, adversary = "restrained" } }
    for _, g in ipairs { one, two } do   -- both fields were laid
      expect(g.areas.voru.doctrine).eq("remote")
      expect(g.areas.daugavpils.doctrine).eq("remote")
    end
    expect(one.vars.spent_fields).gt(0)
    expect(one.vars.spent_fields).eq(two.vars.spent_fields)
  end
end)
