-- A council that buys sensors and nothing else (tests/sensors.lua): the shipped "bare"
-- council (stay a party, build nothing), except that every quarter's "alternatives" card
-- buys one more sensor and drone package while the layer is incomplete (3 levels).
-- It is a policy file, not a scenario policy, so that the scenario's policies stay the
-- ones players choose from.
local BARE = {
  statement = "reaffirm", alternatives = "none", crisis_measures = "hold", war_measures = "fight",
  programme = "minimal", fields = "done",
  -- the rest as every shipped council plays them (policies.lua, COMMON)
  notice = "deposit", retract = "keep", rejoin = "stay_out", production = "low",
}
local PROTECTION = { "transparency", "none" }

local function available(d, id)
  for _, o in ipairs(d.options) do
    if o.id == id and o.available then return true end
  end
  return false
end

local function first(d)
  for _, o in ipairs(d.options) do
    if o.available then return o.id end
  end
end

return function(_, d)
  if d.id == "alternatives" and available(d, "sensors") then return "sensors" end
  if d.id == "protection" then
    for _, id in ipairs(PROTECTION) do
      if available(d, id) then return id end
    end
  end
  local want = BARE[d.id]
  if want and available(d, want) then return want end
  return first(d)
end
