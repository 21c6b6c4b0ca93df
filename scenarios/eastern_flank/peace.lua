-- Eastern Flank peace: the monthly rules before any war (income, production, harm, probes).

local F = flank
local C = require "eastern_flank/common"
local Q = require "eastern_flank/params"
local L = require "eastern_flank/law"
local Mi = require "eastern_flank/mines"
local R, T, M, P, V, log = C.R, C.T, C.M, C.P, C.V, C.log
local poisson = M.poisson

-- A hybrid probe: people pushed across a forested Belarus-border area (an ASSUMPTION of the model).
function R.pushback()
  local a = F.rng.pick(M.PUSH_AREAS)
  local um, mk = F.area.get(a, "ap_unmarked") or 0, F.area.get(a, "ap_marked") or 0
  local lambda = P.push_unmarked * math.min(1, um / 10) + P.push_marked * math.min(1, mk / 10)
  local c = poisson(lambda)
  F.var.set("last_push_area", a)
  F.var.set("last_push_cas", c)
  F.track.add("alliance_cohesion", 1)          -- probes rally allies (ASSUMPTION)
  if c > 0 then
    F.track.add("civilian_casualties_peace", c)
    F.track.add("reputation", -2 * c)
    F.track.add("alliance_cohesion", -c)
    if c == 1 then log(T.log.push_harm[1], F.area.get(a, "name"))
    else log(T.log.push_harm[2], c, F.area.get(a, "name")) end
  end
end

-- Reputation has effects: allies bound by Ottawa Art. 1 keep their distance from unlawful
-- fields, and a low reputation lets other states follow the withdrawals (ASSUMPTIONS).
local function reputation_month()
  if V("k_unmarked", 0) > 0 then F.track.add("alliance_cohesion", -0.5) end
  if V("treaty") == "out" and F.track.get("reputation") < 55 and V("followers", 0) < 3 and F.rng.chance(0.04) then
    F.var.add("followers", 1)
    F.track.add("reputation", -2)
    log(T.log.follower)
  end
end

-- Once a month in peace: the law's dates, income, production, upkeep, stray casualties,
-- reputation, forces, deterrence.
function R.peace_month()
  F.var.add("month", 1)
  L.tick()
  F.track.add("budget", Q.budget_month)
  local prod = V("production", 0)
  if prod > 0 then
    F.var.add("stockpile", prod)
    R.spend(prod * P.cost_per_kmine); R.spent_on("production", prod * P.cost_per_kmine)
  end
  Mi.month()
  reputation_month()
  local um, mk = V("k_unmarked", 0), V("k_marked", 0)
  local c = poisson((um + 0.1 * mk) * P.stray_per_kmine_month)
  if c > 0 then
    F.track.add("civilian_casualties_peace", c)
    F.track.add("reputation", -2 * c)
    if c == 1 then log(T.log.stray[1]) else log(T.log.stray[2], c) end
  end
  R.update_forces()
  F.track.set("mines_stockpiled", V("stockpile", 0))
  local d = R.assess()
  local n = V("month")
  F.track.set("deterrence_avg", F.track.get("deterrence_avg") + (d - F.track.get("deterrence_avg")) / n)
end

