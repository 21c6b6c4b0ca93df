-- The eastern-flank model: parameters and the computations the rules call.
--
-- Every number here is either a sourced figure (the comment cites its source, e.g.
-- [@lm2024], defined in sources.lua) or an ASSUMPTION (named as such). docs/model-eastern-flank.md
-- explains each mechanic. This module holds no state: the game's state lives in
-- flank.var, tracks and area properties, so saves and replays see all of it.
-- Hot paths (war sub-steps, the yearly aftermath) read whole tables once and do
-- plain arithmetic, so a game stays well under a millisecond of Lua.

local F = flank
local M = {}

-- ---------------------------------------------------------------- parameters
-- (Money, costs and the numbers a teacher can change are in params.lua.)
local P = {
  -- AP mines: "$3-30 to make a mine, $300-1,000 to remove it" [L] [@ngo_rule]. We use
  -- $15 to make (US$ M per thousand mines = 0.015).
  cost_per_kmine = 0.015,
  prod_low = 20, prod_high = 80,               -- thousand mines a month (ASSUMPTION; Poland
                                                -- spoke of "up to 1 million" [@defensenews])
  field_kmines = 30,                            -- thousand mines per pre-emplaced sector belt (ASSUMPTION)
  km2_per_kmine = 1 / 1.5,                      -- 1,500 mines per km² of belt (ASSUMPTION)
  suspect_unrecorded = 3,                       -- unrecorded fields: suspect area x3 (ASSUMPTION; cf. Bosnia [@legacy])
  remote_km2_per_kmine = 2,                     -- scatterable: 500 mines per km² (ASSUMPTION)
  remote_fail_backup = 0.001,                   -- with back-up self-deactivation: <= 1 in 1,000 after 120 days [@apii]

  -- Peacetime harm from emplaced fields (ASSUMPTION): expected casualties per
  -- pushback incident that crosses a mined forest sector, and per thousand mines a month.
  push_unmarked = 2.0, push_marked = 0.15,
  stray_per_kmine_month = 0.004,

  -- War. Combat power (CP) in brigade-equivalents: light brigade 1.0, heavy
  -- (armoured) brigade 3.0 (ASSUMPTION).
  heavy = 3.0, light = 1.0,
  red_mean = 20, red_sd = 2.5,                  -- attacker CP in RAND's 2016 setting (ASSUMPTION, RAND-like order [@rand])
  red_mean_2025 = 17, red_sd_2025 = 3,          -- 2025-2027: part of the force is tied down elsewhere (ASSUMPTION)
  red_share = { north = 0.30, riga = 0.36, gap = 0.14, vilnius = 0.20 },
  -- Advance speed at >= 3:1 (km/h, ASSUMPTION); the 3:1 rule [@mearsheimer].
  speed = { plain = 5.5, forest = 4.0, urban = 4.6, coast = 4.5, marsh = 2.5 },
  speed_sd = 0.08,                              -- per-game spread of speeds (ASSUMPTION)
  attrition = 0.003,                            -- Lanchester coefficient per hour (the form [@lanchester]; value ASSUMPTION)
  obst_slow = 0.35, obst_loss = 0.25,           -- per obstacle level (ASSUMPTION)
  obst_max = 3,                                 -- obstacle levels an area can take (ASSUMPTION)
  mine_slow = 0.010, mine_loss = 0.006,         -- per thousand AP mines in the sector (ASSUMPTION)
  obst_mult = 0.2, mine_mult = 0.004,          -- defender force multiplier per level / per thousand mines (ASSUMPTION)
  mine_with_obst = 0.5,                         -- AP mines protect obstacles from breaching: +50%/level (ASSUMPTION)
  rapid_hours = 168,                            -- "rapid overrun": a capital's outskirts within 7 days (ASSUMPTION: RAND's 36-60 h overrun with a margin [@rand])
  -- Warning of an attack, in time to lay stockpiled mines: 35%, +20 points per sensor layer,
  -- -10 for a surprise attack, at most 90% (ASSUMPTIONS: no source measures warning time)
  warn_base = 0.35, warn_sensor = 0.2, warn_surprise = 0.1, warn_max = 0.9,
  reinf_day = 6, reinf_jitter = 3,              -- NATO follow-on forces (ASSUMPTION)
  reinf_cp = 8,                                 -- their CP (ASSUMPTION)
  gap_delay = 5,                                -- days lost if the Suwałki Gap is closed (ASSUMPTION)
  war_days = 10,
  -- civilian casualties per 1,000 inhabitants of a fought-over area: the war_pop_rate parameter (params.lua)
  war_mine_rate = 1.5,                          -- per thousand unmarked/remote mines in a fought-over area (ASSUMPTION)
  battle_uxo_km2 = 12,                          -- ERW contamination per fought-over area (ASSUMPTION)

  -- Aftermath (yearly). Casualty rate per contaminated km² and year in a populated
  -- area, right after a war: casualty_rate * exp(-t/tau) + floor (casualty_rate is a
  -- parameter, params.lua). ASSUMPTION, loosely anchored on Cambodia (65,086 casualties
  -- since 1979; 1,697 km² still contaminated in 2025) and Bosnia (~1,000 km² still
  -- suspect ~2019) [@legacy]; see the model doc.
  tau = 6, c_floor = 0.03,
  marked_factor = 0.2,                          -- marked/fenced fields keep most people out (ASSUMPTION; fencing per [@apii])
  education_factor = 0.7,                       -- mine-risk education: -30% (ASSUMPTION)
  ngo_clear = 3,                                -- km²/yr the humanitarian community funds (ASSUMPTION; states
                                                -- parties cleared 219-281 km²/yr worldwide [@lm2024])
}
M.P = P

-- ---------------------------------------------------------------- war on the board and deterrence
-- (the war's additions for issue 12; kept apart from the numbers above)
-- Sensors give warning time and better-aimed fires (ASSUMPTION on the size; the sign
-- follows from what persistent surveillance is for [@rand]): each package brings
-- follow-on forces half a day earlier and adds 5% to the defenders' fires.
P.sensor_warn_days = 0.5
P.sensor_fires = 0.05
-- The adversary's judgement [@snyder; @schelling]: denial (its cases in which a capital
-- does not fall), punishment (the allied tripwire x cohesion) and cost (the share of
-- its force it expects to lose, against what it would accept). Weights ASSUMPTION,
-- chosen so deterrence spans 0-100 as before (denial and punishment dominate).
P.det_deny, P.det_punish, P.det_cost = 0.45, 0.25, 0.3
P.est_steps = 1                                   -- the estimate plays a day per step (ASSUMPTION; the war: 4)
P.est_crawl = 0.5                                 -- km/h; the least speed it counts on for a stalled axis (ASSUMPTION)
P.est_spread_h = 12                               -- hours; how far the dice move a capital's fall (ASSUMPTION, see warsim.estimate)
P.loss_tolerance = 0.5                            -- losing half its force is unacceptable (ASSUMPTION)
-- Combat power of the counters (brigade-equivalents, CP; see heavy/light above).
P.pz45 = { start = 0.5, grow = 2.0, months = 32 } -- Panzerbrigade 45 [@pzbrig45]; CP an ASSUMPTION

-- Border sectors: the council's doctrine cards and the areas they cover.
M.SECTORS = {
  { id = "estonia", areas = { "narva", "voru" } },
  { id = "latvia", areas = { "rezekne", "daugavpils" } },
  { id = "lithuania", areas = { "vilnius", "alytus" } },
  { id = "poland", areas = { "suwalki_gap", "bialystok" } },
}
-- The states that decide their own sector's doctrine (each a side of its own).
M.STATES = { estonia = true, latvia = true, lithuania = true, poland = true }
-- Forested Belarus-border areas where people are pushed across (ASSUMPTION).
M.PUSH_AREAS = { "daugavpils", "vilnius", "alytus", "suwalki_gap", "bialystok" }
M.BORDER_AREAS = { "narva", "voru", "rezekne", "daugavpils", "vilnius", "alytus", "suwalki_gap", "bialystok" }

-- Axes of advance: segments of { area, km, terrain }. The Riga axis has three
-- possible entries; the attacker takes the fastest (minefields can be bypassed).
-- Distances: Narva-Tallinn ~200 km, Daugavpils-Riga ~230 km, Vilnius 30-35 km from
-- the border [@naturalearth]; the split into segments is an ASSUMPTION.
M.AXES = {
  north = { { "narva", 90 }, { "tallinn", 100 } },
  riga_rezekne = { { "rezekne", 80 }, { "valmiera", 90 }, { "riga", 55 } },
  riga_voru = { { "voru", 60 }, { "valmiera", 110 }, { "riga", 55 } },
  riga_daugavpils = { { "daugavpils", 190 }, { "riga", 55 } },
  gap = { { "suwalki_gap", 65 } },
  vilnius = { { "vilnius", 32 } },
}
M.AXIS_IDS = { "north", "riga", "gap", "vilnius" }
M.CAPITAL = { north = "tallinn", riga = "riga", vilnius = "vilnius" }

-- Terrain and population (thousands, sum of the map's places) of the areas the
-- model uses, copied from assets/maps/eastern_flank.map so hot loops need no lookups.
M.TERRAIN = { narva = "forest", tallinn = "urban", rezekne = "forest", valmiera = "forest", riga = "urban",
  voru = "forest", daugavpils = "plain", suwalki_gap = "forest", vilnius = "urban", alytus = "forest",
  bialystok = "forest" }
M.POP = { narva = 75, tallinn = 465, rezekne = 42, valmiera = 38, riga = 685, voru = 29, daugavpils = 108,
  suwalki_gap = 104, vilnius = 607, alytus = 63, bialystok = 315 }

-- Area ids by owner at the start (assets/maps/eastern_flank.map; Finland stays neutral ground here).
M.COUNCIL_IDS = { "vilnius", "kaunas", "klaipeda", "siauliai", "panevezys", "alytus", "marijampole",
  "tallinn", "narva", "tartu", "parnu", "voru", "saaremaa", "riga", "liepaja", "jelgava", "valmiera",
  "daugavpils", "rezekne", "gdansk", "elblag", "olsztyn", "suwalki_gap", "elk", "lomza", "bialystok",
  "biala_podlaska", "warszawa", "lublin", "rzeszow", "krakow", "wroclaw", "poznan" }
M.ADVERSARY_IDS = { "minsk", "grodno", "lida", "brest", "pinsk", "polotsk", "vitebsk", "mogilev", "gomel",
  "kaliningrad", "kaliningrad_sovetsk", "kaliningrad_chernyakhovsk", "saint_petersburg", "vyborg",
  "kingisepp", "novgorod", "pskov", "ostrov", "velikiye_luki", "smolensk" }
M.COUNCIL_AREAS = #M.COUNCIL_IDS  -- EE 6, LV 6, LT 7, PL 14 (assets/maps/README.md)

-- ---------------------------------------------------------------- helpers
local function clamp(x, a, b) if x < a then return a elseif x > b then return b end return x end
M.clamp = clamp

local function poisson(lambda)
  if lambda <= 0 then return 0 end
  if lambda > 30 then return math.max(0, math.floor(F.rng.normal(lambda, math.sqrt(lambda)) + 0.5)) end
  local L, k, p = math.exp(-lambda), 0, 1
  repeat k = k + 1; p = p * F.rng.random() until p <= L
  return k - 1
end
M.poisson = poisson

-- The attacker's advance speed factor from the force ratio (3:1 rule [@mearsheimer]).
local function ratio_factor(r) return clamp((r - 1) / 2, 0, 1) ^ 1.5 end

-- Effects of obstacles and AP mines in one area: speed divisor, attacker loss
-- multiplier, and the defender's force multiplier (prepared positions). (P's numbers as
-- locals: P is read-only after load, and each read of it goes through that protection.)
local MINE_WITH_OBST, OBST_SLOW, MINE_SLOW = P.mine_with_obst, P.obst_slow, P.mine_slow
local OBST_LOSS, MINE_LOSS, OBST_MULT, MINE_MULT = P.obst_loss, P.mine_loss, P.obst_mult, P.mine_mult
-- e: the mine_effect parameter (default 1; callers read it once for many areas): how much AP
-- mines count at all, for a class to test how the results rest on these assumed numbers
-- (0: mines have no military effect).
local function area_drag(obst, kmines, e)
  local m = kmines * e * (1 + MINE_WITH_OBST * obst)
  return 1 + OBST_SLOW * obst + MINE_SLOW * m, 1 + OBST_LOSS * obst + MINE_LOSS * m,
    1 + OBST_MULT * obst + MINE_MULT * m
end
M.area_drag = area_drag

-- Areas the map labels first: the sectors and places the briefing and debrief name.
M.KEY_AREAS = { suwalki_gap = true, narva = true, daugavpils = true, vilnius = true, riga = true,
                tallinn = true, kaliningrad = true, grodno = true, bialystok = true }

-- Hours for an axis at full force ratio, given the current props (used by the
-- attacker to choose the Riga entry and by the deterrence estimate).
local speed, max, param = P.speed, math.max, flank.param.get
function M.axis_hours(axis, terrain, obst, mines, ratio)
  local h, e = 0, param("mine_effect")
  local segs = M.AXES[axis]
  for i = 1, #segs do
    local seg = segs[i]
    local a = seg[1]
    local slow, _, mult = area_drag(obst[a] or 0, mines[a] or 0, e)
    local f = max(ratio_factor(ratio / mult), 0.05)
    h = h + seg[2] * slow / (speed[terrain[a]] * f)
  end
  return h
end

-- The adversary's readiness in month m of the game (March 2025 = 1): from 0.3 to 1 by late
-- 2027 as its forces reconstitute (ASSUMPTION: the threat window the four states cited
-- [@statement]); full at once in a scenario that starts mobilised (month 0). The default
-- adversary weighs its resolve by it, and the debrief says so.
function M.readiness(m)
  if m == 0 then return 1 end
  return math.min(1, 0.3 + 0.7 * m / 30)
end

return M
