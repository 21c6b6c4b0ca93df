-- Eastern Flank: the forces, the adversary's deterrence estimate, the crisis and the war.
--
-- Split out of rules.lua (which calls these under the same names on R). The war
-- reads these per-area properties, written by the council's mine laying:
--   obst, ap, ap_marked, ap_unmarked, ap_remote, plan_k
-- and these vars: sensors, surge, air.

local F = flank
local M = require "eastern_flank/model"
local ok, T = pcall(require, "eastern_flank/text_" .. flank.lang)
if not ok then T = require "eastern_flank/text_en" end
local P = M.P
local clamp, poisson = M.clamp, M.poisson

-- This module's functions (rules.lua puts them on its own R). rules.lua also sets
-- R.rapid_emplace, R.remote_deliver and R.end_war here: the mines and aftermath
-- functions the war calls back.
local R = {}

local function V(k, d) return F.var.get(k, d) end
local function log(fmt, ...) F.game.log(string.format(fmt, ...)) end

-- ------------------------------------------------------------------ forces

-- Defender combat power per axis (CP; see model.lua), by allied posture.
local NATIONAL = {
  y2016 = { north = 1.0, riga = 0.8, gap = 1.0, vilnius = 1.2 },   -- ASSUMPTION
  y2025 = { north = 1.8, riga = 1.6, gap = 2.0, vilnius = 2.0 },   -- ASSUMPTION: national brigades grown since 2016
}
local EFP = { north = 0.5, riga = 0.6, gap = 0.5, vilnius = 0.4 }   -- eFP battlegroups [@efp]; their CP is an ASSUMPTION
-- RAND's seven brigades, three of them heavy [@rand]: 3 heavy + 4 light.
local SEVEN = { north = P.heavy + P.light, riga = P.heavy + 2 * P.light, gap = 0, vilnius = P.heavy + P.light }

-- Panzerbrigade 45: activated 1 Apr 2025, fully operational by end 2027 [@pzbrig45].
local function pz45_cp()
  local y, m = F.game.ymd()
  local months = (y - 2025) * 12 + (m - 4)
  if months < 0 then return 0 end
  return 0.5 + 2.0 * clamp(months / 32, 0, 1)
end

-- Recompute the defenders' CP per axis and the allied (tripwire) CP.
function R.update_forces()
  local posture = V("posture", "historical")
  local z = V("red_draw", 0)
  local red = posture == "historical" and math.max(10, P.red_mean_2025 + z * P.red_sd_2025)
    or math.max(12, P.red_mean + z * P.red_sd)
  if V("red_total") ~= red then F.var.set("red_total", red); F.var.set("dirty", true) end
  local allied = 0
  for _, ax in ipairs(M.AXIS_IDS) do
    local cp
    if posture == "rand_2016" then cp = NATIONAL.y2016[ax]
    elseif posture == "seven_brigades" then cp = NATIONAL.y2016[ax] + SEVEN[ax]; allied = allied + SEVEN[ax]
    else
      cp = NATIONAL.y2025[ax] + EFP[ax]
      allied = allied + EFP[ax]
      if ax == "vilnius" then cp = cp + pz45_cp(); allied = allied + pz45_cp() end
    end
    local extra = V("extra_" .. ax, 0)
    if (ax == "north" or ax == "riga") and V("cp_" .. ax) ~= cp + extra then F.var.set("dirty", true) end
    F.var.set("cp_" .. ax, cp + extra)
    allied = allied + extra
  end
  F.var.set("cp_allied", allied)
end

-- ------------------------------------------------------------------ deterrence

-- Hours the attacker needs to reach a capital's outskirts, as he estimates them
-- before attacking (no dice): the fastest of Tallinn and the three Riga entries.
local function estimate_hours()
  local obst, ap, plan = F.area.values("obst"), F.area.values("ap"), F.area.values("plan_k")
  local mines = {}
  for _, a in ipairs(M.BORDER_AREAS) do mines[a] = ap[a] + plan[a] end
  local red = V("red_total", P.red_mean)
  local best, entry = 1e9, "riga_rezekne"
  local hn = M.axis_hours("north", M.TERRAIN, obst, mines, red * P.red_share.north / V("cp_north"))
  local rr = red * P.red_share.riga / V("cp_riga")
  for _, e in ipairs { "riga_rezekne", "riga_voru", "riga_daugavpils" } do
    local h = M.axis_hours(e, M.TERRAIN, obst, mines, rr)
    if h < best then best, entry = h, e end
  end
  return math.min(hn, best), entry
end

-- Denial (chance the attack reaches a capital before reinforcements) and
-- punishment (allied tripwire x cohesion) [@snyder; @schelling]. Sets the deterrence track.
function R.assess()
  local hours = V("est_hours")
  if V("dirty", true) or not hours then hours = estimate_hours(); F.var.set("dirty", false) end
  local reinf_h = (P.reinf_day + P.reinf_jitter / 2 - V("surge", 0) * 2) * 24 * (1 + 0.15 * V("sensors", 0))
  local p_success = 1 / (1 + math.exp(-(reinf_h - hours) / 80))
  local punish = clamp(V("cp_allied") / 1.5, 0, 1) * F.track.get("alliance_cohesion") / 100
  local d = 100 * (0.5 * (1 - p_success) + 0.3 * punish)
  F.var.set("p_success", p_success)
  F.var.set("est_hours", hours)
  F.track.set("deterrence", d)
  return d
end

-- ------------------------------------------------------------------ crisis and war

function R.start_crisis()
  F.var.set("stage", "crisis")
  F.var.set("crisis_day", 0)
  F.var.add("crises", 1)
  F.game.set_step("1 day")
  F.track.add("alliance_cohesion", 3)
end

function R.end_crisis()
  F.var.set("stage", "peace")
  F.var.set("surge", 0)
  F.game.set_step("1 month")
  log(T.log.stand_down)
end

function R.start_war(surprise)
  F.var.set("stage", "war")
  F.var.set("surprise", surprise and true or false)
  F.game.set_step("1 day")
  R.update_forces()
  local red = V("red_total", P.red_mean)
  local _, entry = estimate_hours()
  F.var.set("riga_entry", entry)
  for _, ax in ipairs(M.AXIS_IDS) do
    F.var.set("red_" .. ax, red * P.red_share[ax] * (1 + F.rng.normal(0, 0.05)))
    F.var.set("blue_" .. ax, V("cp_" .. ax))
    F.var.set("prog_" .. ax, 0)
    F.var.set("seg_" .. ax, 1)
  end
  F.var.set("war_hour", 0)
  F.var.set("war_day", 0)
  F.var.set("speedmul", math.max(0.6, 1 + F.rng.normal(0, P.speed_sd)))
  -- stockpiled mines: laid in the crisis already, or now by chance (warning time)
  if not V("rapid_done", false) then
    local p_warn = clamp(0.35 + 0.2 * V("sensors", 0) - (surprise and 0.1 or 0), 0, 0.9)
    if F.rng.chance(p_warn) then R.rapid_emplace(0.5) end
  end
  if V("treaty") == "out" then R.remote_deliver() end
  local reinf = P.reinf_day + F.rng.random(0, P.reinf_jitter) - 2 * V("surge", 0)
  F.var.set("reinf_day", math.max(2, reinf))
  F.track.set("hours_to_capital", 0)
  log(T.log.war_starts)
end

local function axis_segments(ax)
  if ax == "riga" then return M.AXES[V("riga_entry")] end
  return M.AXES[ax]
end

-- An area falls: ownership, territory, civilian harm, battle contamination.
local function area_falls(a)
  if F.area.owner(a) == "adversary" then return end
  F.area.set_owner(a, "adversary")
  F.var.add("areas_lost", 1)
  F.track.set("territory_held", 100 * (1 - V("areas_lost") / M.COUNCIL_AREAS))
  log(T.log.area_falls, F.area.get(a).name)
end

-- Fighting in an area harms its people, more where unmarked or scattered mines lie.
local function area_fought(a)
  if F.area.get(a, "fought") then return end
  F.area.set(a, "fought", true)
  local evac = V("evacuated", false) and 0.5 or 1
  local um = (F.area.get(a, "ap_unmarked") or 0) + (F.area.get(a, "ap_remote") or 0)
  local mk = F.area.get(a, "ap_marked") or 0
  local lambda = (M.POP[a] or 50) * 1000 * P.war_pop_rate * evac + P.war_mine_rate * (um + 0.2 * mk) * evac
  F.track.add("civilian_casualties_war", poisson(lambda))
  F.area.add(a, "uxo", P.battle_uxo_km2)
end

-- One day of war: four six-hour steps on each axis (Lanchester attrition, 3:1
-- advance rule, terrain, obstacles, minefields), then reinforcements and the ceasefire test.
function R.war_day()
  local day = F.var.add("war_day", 1)
  local hour = V("war_hour", 0)
  local obst, ap = F.area.values("obst"), F.area.values("ap")
  local air = V("air", 0)
  local sm = V("speedmul", 1)
  local reached = V("reached", false)
  for _, ax in ipairs(M.AXIS_IDS) do
    local segs = axis_segments(ax)
    local s = V("seg_" .. ax)
    if s <= #segs then
      local red, blue, prog = V("red_" .. ax), V("blue_" .. ax), V("prog_" .. ax)
      local h = hour
      for _ = 1, 4 do
        if s > #segs then break end
        local a, len = segs[s][1], segs[s][2]
        area_fought(a)
        local slow, lossmul, mult = M.area_drag(obst[a] or 0, ap[a] or 0)
        local v = P.speed[M.TERRAIN[a]] * sm * M.ratio_factor(red / math.max(blue * mult, 0.05)) / slow
        local dr = P.attrition * blue * lossmul * 6 + air * 0.01 * red
        local db = P.attrition * red * 6
        red, blue = math.max(red - dr, 0), math.max(blue - db, 0)
        local left = len - prog
        if v * 6 >= left then
          local t_in = v > 0 and left / v or 6
          h = h + t_in
          prog = 0
          s = s + 1
          if ax ~= "gap" and ax ~= "vilnius" or s > #segs then area_falls(a) end
          if s > #segs then
            if M.CAPITAL[ax] and (ax == "north" or ax == "riga") and not reached then
              reached = true
              F.var.set("reached", true)
              F.track.set("hours_to_capital", h)
              F.track.set("rapid_overrun", h <= P.rapid_hours and 1 or 0)
              log(T.log.capital, F.area.get(a).name, h)
            end
            if ax == "gap" then F.var.set("gap_closed", true); log(T.log.gap_closed) end
          end -- (otherwise the defenders fall back intact into the next area)
          h = h + (6 - t_in)
        else
          prog = prog + v * 6
          h = h + 6
        end
      end
      F.var.set("red_" .. ax, red); F.var.set("blue_" .. ax, blue)
      F.var.set("prog_" .. ax, prog); F.var.set("seg_" .. ax, s)
    end
  end
  F.var.set("war_hour", hour + 24)
  -- reinforcements through the Suwałki Gap [@politico]: late if the gap is closed
  local rd = V("reinf_day")
  if V("gap_closed", false) and not V("gap_delay_applied", false) and day < rd then
    F.var.set("gap_delay_applied", true)
    rd = rd + P.gap_delay
    F.var.set("reinf_day", rd)
  end
  if day == rd then
    for _, ax in ipairs { "north", "riga", "vilnius" } do F.var.add("blue_" .. ax, P.reinf_cp / 3) end
    log(T.log.reinforced, day)
  end
  -- ceasefire: at the day limit, or once reinforced and the attack has culminated
  local rsum, bsum = 0, 0
  for _, ax in ipairs(M.AXIS_IDS) do rsum = rsum + V("red_" .. ax); bsum = bsum + V("blue_" .. ax) end
  if day >= P.war_days or (day > rd and rsum < bsum) then R.end_war() end
end

return R
