-- suwalki_gap reuses eastern_flank's rules: a week of crisis, then war or not.
test("every shipped policy plays the week to an ending", function()
  for _, p in ipairs { "default", "stockpile_only", "mass_unmarked", "bare" } do
    local g = play { policy = p, seed = 3 }
    expect(g.ending).matches("^[a-z_]+$")
    expect(g.turns).le(40)
  end
end)

test("laying the stockpile in the crisis raises deterrence but leaves mines in the ground", function()
  local laid = play { policy = "stockpile_only", seeds = 500 }
  local kept = play { policy = "bare", seeds = 500 }
  expect(laid.tracks.cleared_km2.mean).gt(kept.tracks.cleared_km2.mean)   -- more to clear afterwards
  expect(laid.tracks.deterrence.mean).gt(kept.tracks.deterrence.mean)
  expect(laid.ending_rate.deterrence_held or 0).gt(kept.ending_rate.deterrence_held or 0)
end)

test("every ending is reachable in the week", function()
  local a = play { policy = "default", seeds = 500 }
  expect(a.endings.deterrence_held or 0).gt(0)
  expect(a.endings.line_held or 0).gt(0)
  expect(a.endings.territory_lost or 0).gt(0)
end)
