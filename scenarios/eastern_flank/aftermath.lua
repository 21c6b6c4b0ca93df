-- Eastern Flank aftermath: the ceasefire, contamination, and the yearly rules after.

local F = flank
local C = require "eastern_flank/common"
local Q = require "eastern_flank/params"
local L = require "eastern_flank/law"
local R, T, M, P, V, log = C.R, C.T, C.M, C.P, C.V, C.log
local clamp, poisson = M.clamp, M.poisson


-- The areas that can be contaminated: the border areas' fields and the battle's unexploded
-- ordnance, which lies only where the war was fought (the axes' areas), in key order (the
-- sums below are taken in it).
local HAZ_AREAS, seen = {}, {}
for _, list in ipairs { M.BORDER_AREAS, require("eastern_flank/warsim").AXIS_AREAS } do
  for _, a in ipairs(list) do
    if not seen[a] then seen[a] = true; HAZ_AREAS[#HAZ_AREAS + 1] = a end
  end
end
table.sort(HAZ_AREAS)
-- What clearance shrinks in an area: its suspect land and the mines in it.
local CLEARED = { "sus", "ap", "ap_marked", "ap_unmarked", "ap_remote" }

-- The AP mines in the border areas, thousands: all, those in land the adversary holds, and
-- those scattered remotely (the debrief's count; the map's ap properties are the truth).
local function mines_in_ground()
  local get, all, occ, rem = F.area.get, 0, 0, 0
  for _, a in ipairs(M.BORDER_AREAS) do
    local k = get(a, "ap") or 0
    all, rem = all + k, rem + (get(a, "ap_remote") or 0)
    if F.area.owner(a) == "adversary" then occ = occ + k end
  end
  return all, occ, rem
end

-- The aftermath's starting contamination, from what lies in the ground (per area).
local function contaminate()
  local get = F.area.get
  -- what lay in the ground when the aftermath began, for the debrief
  -- (the occupied part stays as it is: nobody clears there, and land does not change hands after)
  local k0, occ, kr = mines_in_ground()
  F.var.set("mines_k0", k0); F.var.set("mines_k0_remote", kr); F.var.set("mines_k_occupied", occ)
  F.var.set("mines_k_cleared", 0)
  for _, a in ipairs(M.BORDER_AREAS) do
    local mk, um = get(a, "ap_marked") or 0, get(a, "ap_unmarked") or 0
    local rm, fail = get(a, "ap_remote") or 0, get(a, "fail") or 0
    local sus = (mk + um * P.suspect_unrecorded) * P.km2_per_kmine + rm * P.remote_km2_per_kmine
    local live_marked = mk * P.km2_per_kmine
    local live_unmarked = um * P.km2_per_kmine + rm * fail * P.km2_per_kmine
    local rec = (mk + rm) / math.max(mk + um + rm, 1e-9)
    F.area.set(a, "sus", sus)
    F.area.set(a, "haz_m", live_marked)
    F.area.set(a, "haz_u", live_unmarked)
    F.area.set(a, "rec", rec)
  end
  -- battle contamination (unexploded ordnance) in fought-over areas
  for _, a in ipairs(HAZ_AREAS) do
    local u = get(a, "uxo") or 0
    if u > 0 then F.area.add(a, "sus", u); F.area.add(a, "haz_x", u) end
  end
  -- occupied areas: nobody clears or marks there
  local S, H, OS, OH, REC = 0, 0, 0, 0, 0
  for _, a in ipairs(HAZ_AREAS) do
    local s = get(a, "sus") or 0
    if s > 0 then
      local hm, hu, hx = get(a, "haz_m") or 0, get(a, "haz_u") or 0, get(a, "haz_x") or 0
      local popf = clamp((M.POP[a] or 60) / 100, 0.5, 2)
      local hz = (hm * P.marked_factor + hu + 0.3 * hx) * popf
      if F.area.owner(a) == "adversary" then OS, OH = OS + s, OH + (hm + hu + 0.3 * hx) * popf
      else S, H, REC = S + s, H + hz, REC + (get(a, "rec") or 0) * s end
    end
  end
  F.var.set("sus", S); F.var.set("hz", H); F.var.set("osus", OS); F.var.set("ohz", OH)
  F.var.set("rec_share", S > 0 and REC / S or 0)
  F.var.set("sus0", S)
  F.var.set("hz_unmarked", 0)
  F.track.set("contaminated_km2", S + OS)
end

local function start_aftermath(outcome)
  F.var.set("stage", "after")
  F.var.set("outcome", outcome)
  F.var.set("year", 0)
  F.game.set_step("1 year")
  contaminate()
  -- Art. 20(3): a state whose six months ran out in the war leaves only when the conflict
  -- ends; while any of the council's land is occupied, it has not ended.
  L.tick()
  if V("treaty") == "blocked" and V("areas_lost", 0) > 0 then log(T.law.occupied) end
end

function R.end_war()
  local lost = false
  for _, c in ipairs { "tallinn", "riga", "vilnius" } do lost = lost or F.area.owner(c) == "adversary" end
  if not V("reached", false) then F.track.set("hours_to_capital", 999) end
  log(T.log.ceasefire, V("war_day"))
  -- the attack's arrows go with the ceasefire (a cold student still saw them in 2046); the front
  -- line stays: it is the ceasefire line, where the occupied land begins
  F.map.clear("arrows")
  start_aftermath(lost and "territory_lost" or "line_held")
end

function R.end_peace()
  F.track.set("hours_to_capital", 999)
  start_aftermath("deterrence_held")
end

-- One year after the war (or after the decision window): casualties, clearance, costs.
function R.aftermath_year()
  local yr = F.var.add("year", 1)
  F.track.add("budget", Q.budget_year)
  L.tick()
  local watch = V("k_marked", 0) / P.field_kmines * Q.monitor_year * V("sus", 0) / math.max(V("sus0", 1e-9), 1e-9)
  R.spend(watch); R.spent_on("fields", watch)
  local peace = V("outcome") == "deterrence_held"
  local t = peace and (yr + 3) or (yr - 1)       -- peacetime fields: people already know where they are
  local rate = Q.get("casualty_rate") * math.exp(-t / P.tau) + P.c_floor
  local edu = V("education", false) and P.education_factor or 1
  local S, H = V("sus"), V("hz")
  local cas = poisson((H * edu + V("ohz") * 1.0) * rate)
  F.track.add("civilian_casualties_postwar", cas)
  -- clearance (council programme + humanitarian funding), faster where fields are recorded
  local cap = V("clear_cap", 0) + V("ngo_cap", 0)
  if cap > 0 and S > 0 then
    local eff = cap * (1 + (Q.record_speed - 1) * V("rec_share", 0))
    local f = math.min(1, eff / S)
    F.var.set("sus", S * (1 - f)); F.var.set("hz", H * (1 - f))
    F.track.add("cleared_km2", S * f)
    -- the map's suspect land and mines go with it, so the board and the debrief tell the same
    -- numbers; only in land the council holds: nobody clears in occupied land (S leaves it out)
    local get, set, before = F.area.get, F.area.set, mines_in_ground()
    for _, a in ipairs(HAZ_AREAS) do
      if F.area.owner(a) ~= "adversary" then
        for _, k in ipairs(CLEARED) do
          local x = get(a, k)
          if x and x > 0 then set(a, k, x * (1 - f)) end
        end
      end
    end
    local left = mines_in_ground()
    F.var.add("mines_k_cleared", before - left)
    F.track.set("mines_emplaced", left)
  end
  F.track.set("contaminated_km2", V("sus") + V("osus"))
  -- stockpiles: destroyed within four years if the state rejoins [@ottawa, Art. 4]
  if V("treaty") == "rejoined" and V("stockpile", 0) > 0 then
    F.var.set("stockpile", math.max(0, V("stockpile") - 250))
    F.track.set("mines_stockpiled", V("stockpile"))   -- (not R.set_totals: it would undo the clearance above)
  end
  if yr >= V("years", 20) then F.game.finish(V("outcome")) end
end

