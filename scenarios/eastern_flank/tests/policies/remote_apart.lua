-- A council that withdraws and, in the first quarter it can, orders remotely delivered fields
-- for Võru, then (offered the card again) for Daugavpils: two orders (tests/fields.lua compares
-- it with remote_pair.lua, which orders both in one). Otherwise it builds nothing.
local PREFS = {
  statement = "withdraw", notice = "deposit", retract = "keep", rejoin = "stay_out", production = "low",
  alternatives = "none", protection = "none", programme = "minimal", crisis_measures = "hold", war_measures = "fight",
}
local PAIR = { "voru", "daugavpils" }

local function option(d, id)
  for _, o in ipairs(d.options) do
    if o.id == id and o.available then return o end
  end
end

return function(_, d)
  if d.id == "fields" then
    local o, legal = option(d, "remote"), {}
    for _, t in ipairs(o and o.targets or {}) do legal[t] = true end
    if legal[PAIR[1]] and legal[PAIR[2]] then return "remote", { PAIR[1] } end
    if legal[PAIR[2]] and not legal[PAIR[1]] then return "remote", { PAIR[2] } end
    return "done"
  end
  if PREFS[d.id] and option(d, PREFS[d.id]) then return PREFS[d.id] end
  for _, o in ipairs(d.options) do
    if o.available then return o.id end
  end
end
