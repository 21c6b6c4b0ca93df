-- Eastern Flank peace: the monthly rules before any war (income, production, harm, probes).

local F = flank
local C = require "eastern_flank/common"
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
    log(T.log.push_harm, c, F.area.get(a).name)
  end
end

-- Once a month in peace: income, production, stray casualties, forces, deterrence.
function R.peace_month()
  F.var.add("month", 1)
  F.track.add("budget", P.budget_month)
  local prod = V("production", 0)
  if prod > 0 then
    F.var.add("stockpile", prod)
    F.track.add("budget", -prod * P.cost_per_kmine)
  end
  local um, mk = V("k_unmarked", 0), V("k_marked", 0)
  local c = poisson((um + 0.1 * mk) * P.stray_per_kmine_month)
  if c > 0 then
    F.track.add("civilian_casualties_peace", c)
    F.track.add("reputation", -2 * c)
    log(T.log.stray, c)
  end
  if V("obst_build", 0) > 0 then
    F.var.set("dirty", true)
    for _, a in ipairs(M.BORDER_AREAS) do F.area.set(a, "obst", math.min(P.obst_max, F.area.get(a, "obst") + P.obst_step)) end
    F.var.add("obst_build", -1)
  end
  R.update_forces()
  F.track.set("mines_stockpiled", V("stockpile", 0))
  local d = R.assess()
  local n = V("month")
  F.track.set("deterrence_avg", F.track.get("deterrence_avg") + (d - F.track.get("deterrence_avg")) / n)
end

