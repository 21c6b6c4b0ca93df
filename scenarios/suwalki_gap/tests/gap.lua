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

-- Seed 10: the crisis fields are laid, the war takes Võru with its field, and ten years of
-- clearance lift every field but the one in occupied land, which nobody can clear.
test("the debrief counts the mines left in occupied land and says that all that is left lies there", function()
  local g = play { seed = 10 }
  local text
  for _, e in ipairs(g.log) do if e.kind == "ending" then text = e.text end end
  expect(g.areas.voru.owner).eq("adversary")
  expect(g.areas.voru.ap).eq(30)
  expect(g.areas.voru.sus).gt(0)   -- its suspect land stays too
  expect(g.tracks.mines_emplaced).eq(30)
  expect(text).contains("When the fighting stopped, 180,000 AP mines lay in the ground. In the 10 years after, clearance "
    .. "removed 150,000 of them; 30,000 are still in the ground. All of them lie in land the adversary occupies, where "
    .. "nobody can clear them.")
end)
