-- The war model as a pure function over a plain table: no flank.* calls, no dice.
--
-- One state table `st` describes a war in progress (see new()). S.day(st, emit) plays
-- one day of it: four six-hour steps on each axis of advance, then reinforcements and
-- the ceasefire test. The game (war.lua) keeps st in flank.var between turns, calls
-- S.day once a turn and turns the events into log lines, owners, pieces and arrows.
-- The adversary's deterrence estimate (S.estimate) plays the same S.day to the end on
-- a copy of the current posture, for a few fixed draws of the uncertain numbers: so
-- what deters is what would happen in the war, not a separate formula.
--
-- Per step and axis: Lanchester attrition [@lanchester], speed from the force ratio
-- (the 3:1 rule [@mearsheimer]) and terrain, slowed and worn down by obstacles and
-- minefields in the area being crossed (model.lua: area_drag). Defenders fight in the
-- area they stand in: those further back along an axis join when the attacker reaches
-- their area; survivors fall back with the front.

local M = require "eastern_flank/model"
local P = M.P

local S = {}
-- The model's tables are read-only after load, and every read goes through that protection:
-- the step loop below reads plain numbers copied to locals and plain tables made per war.
local attrition, max, sqrt = P.attrition, math.max, math.sqrt
local AXIS_IDS, NAX = M.AXIS_IDS, #M.AXIS_IDS
local REINF3, GAP_DELAY, WAR_DAYS = P.reinf_cp / 3, P.gap_delay, P.war_days
local area_drag = M.area_drag

-- Where each axis starts (the adversary's formations' areas, assets/maps/eastern_flank.map:
-- western Russia, Belarus, Kaliningrad; each is adjacent to the axis's first area).
S.START = { north = "kingisepp", riga_rezekne = "ostrov", riga_voru = "pskov", riga_daugavpils = "polotsk",
            gap = "kaliningrad_chernyakhovsk", vilnius = "lida" }
-- Where an axis's defenders fall back to once its last area has fallen.
S.FALLBACK = { north = "parnu", riga = "jelgava", gap = "elk", vilnius = "kaunas" }
-- The three Riga entries' first areas: defenders there shift to the entry attacked.
S.RIGA_ENTRY_AREA = { riga_rezekne = "rezekne", riga_voru = "voru", riga_daugavpils = "daugavpils" }

-- Area -> axis it lies on (computed once at load), and the list of those areas.
S.AREA_AXIS, S.AXIS_AREAS = {}, {}
for key, segs in pairs(M.AXES) do
  local ax = key:match("^riga") and "riga" or key
  for _, seg in ipairs(segs) do
    if not S.AREA_AXIS[seg[1]] then S.AXIS_AREAS[#S.AXIS_AREAS + 1] = seg[1] end
    S.AREA_AXIS[seg[1]] = ax
  end
end
table.sort(S.AXIS_AREAS)   -- a fixed order, so saves and logs do not depend on pairs()
local AXIS_AREAS = S.AXIS_AREAS
-- Advance speed at 3:1 by area (its terrain's), for the axes' areas.
local SPEED = {}
for _, a in ipairs(S.AXIS_AREAS) do SPEED[a] = P.speed[M.TERRAIN[a]] end

function S.segments(st, ax)
  if ax == "riga" then return M.AXES[st.entry] end
  return M.AXES[ax]
end

-- Defenders in the Riga entries not attacked move to the one attacked (they are
-- Latvia's manoeuvre force; ASSUMPTION: the warning is enough for that one move).
local ENTRIES = {}   -- the entries in key order (pairs' order; the sums below depend on it)
for e in pairs(S.RIGA_ENTRY_AREA) do ENTRIES[#ENTRIES + 1] = e end
table.sort(ENTRIES)
function S.concentrate(depth, entry)
  local to = S.RIGA_ENTRY_AREA[entry]
  for i = 1, #ENTRIES do
    local e = ENTRIES[i]
    local a = S.RIGA_ENTRY_AREA[e]
    if e ~= entry and (depth[a] or 0) > 0 then
      depth[to] = (depth[to] or 0) + depth[a]
      depth[a] = 0
    end
  end
end

-- Defenders waiting in area a join axis ax's fight.
local function join(st, ax, a, emit)
  local d = st.depth[a] or 0
  if d > 0 then
    st.blue[ax] = st.blue[ax] + d
    st.joined[ax] = st.joined[ax] + d
    st.depth[a] = 0
  end
  if emit then emit("fought", a) end
end

-- The four axes' segments (the Riga axis by its entry) as the step needs them, in plain
-- tables: axis -> list of { area, km, speed at 3:1 before drag / slow, attacker loss
-- multiplier, defender multiplier } from the obstacles and mines there (area -> level /
-- thousand mines). Fields do not change during a war, so this is done once a war day
-- (and once per estimate).
function S.lanes(entry, obst, mines)
  local lanes, e = {}, flank.param.get("mine_effect")
  for i = 1, NAX do
    local ax = AXIS_IDS[i]
    local segs, l = M.AXES[ax == "riga" and entry or ax], {}
    for j = 1, #segs do
      local g = segs[j]
      local a = g[1]
      local slow, lossmul, mult = area_drag(obst[a] or 0, mines[a] or 0, e)
      l[j] = { a, g[2], SPEED[a] / slow, lossmul, mult }
    end
    lanes[ax] = l
  end
  return lanes
end

-- A war's starting state. p: red (attacker CP in total), red_axis (optional per-axis
-- CP), depth (area -> defender CP), obst and mines (area -> level / thousand mines),
-- sensors, air (0/1), entry (the Riga entry), sm (speed multiplier), reinf_day.
function S.new(p)
  local st = {
    red = {}, blue = {}, prog = {}, seg = {}, joined = {}, depth = {}, v = {},
    segs = S.lanes(p.entry, p.obst, p.mines), entry = p.entry, sm = p.sm or 1, air = p.air or 0,
    fires = 1 + P.sensor_fires * (p.sensors or 0),
    reinf_day = p.reinf_day, hour = 0, day = 0, red0 = 0,
  }
  local depth, pdepth = st.depth, p.depth   -- (only the axes' areas' defenders ever fight)
  for i = 1, #AXIS_AREAS do
    local a = AXIS_AREAS[i]
    depth[a] = pdepth[a]
  end
  S.concentrate(depth, st.entry)
  local red, blue, prog, seg, joined, red_axis = st.red, st.blue, st.prog, st.seg, st.joined, p.red_axis
  local red0 = 0
  for i = 1, NAX do
    local ax = AXIS_IDS[i]
    local r = red_axis and red_axis[ax] or p.red * P.red_share[ax]
    red[ax], blue[ax], prog[ax], seg[ax], joined[ax] = r, 0, 0, 1, 0
    red0 = red0 + r
  end
  st.red0 = red0
  return st
end

-- The first areas of every axis are fought over from the first hour.
function S.begin(st, emit)
  local lanes = st.segs
  for i = 1, NAX do
    local ax = AXIS_IDS[i]
    join(st, ax, lanes[ax][1][1], emit)
  end
end

-- One day of war in st.steps steps (default 4: six hours each). emit(kind, ...) (optional) hears: "fought" area, "falls" area,
-- "capital" area hours, "gap_closed", "reinforced" day.
function S.day(st, emit)
  local day = st.day + 1
  st.day = day
  local air01, sm, fires = st.air * 0.01, st.sm, st.fires
  local n, dt = st.steps or 4, 24 / (st.steps or 4)
  local lanes, sred, sblue, sprog, sseg, sv = st.segs, st.red, st.blue, st.prog, st.seg, st.v
  for i = 1, NAX do
    local ax = AXIS_IDS[i]
    local segs = lanes[ax]
    local s, nsegs = sseg[ax], #segs
    if s <= nsegs then
      local red, blue, prog = sred[ax], sblue[ax], sprog[ax]
      local h, v = st.hour, 0
      for _ = 1, n do
        if s > nsegs then break end
        local g = segs[s]
        local a, len = g[1], g[2]
        -- speed from the force ratio: ((r - 1) / 2)^1.5 between 1:1 and 3:1 (model.ratio_factor)
        local bd = blue * g[5]
        local f = (red / (bd > 0.05 and bd or 0.05) - 1) * 0.5
        v = f <= 0 and 0 or g[3] * sm * (f >= 1 and 1 or f * sqrt(f))
        local dr = (attrition * blue * g[4] * dt + air01 * red * dt / 6) * fires
        local db = attrition * red * dt
        red, blue = red > dr and red - dr or 0, blue > db and blue - db or 0
        local left = len - prog
        if v * dt >= left then
          local t_in = v > 0 and left / v or dt
          h = h + t_in
          prog = 0
          s = s + 1
          if (ax ~= "gap" and ax ~= "vilnius") or s > nsegs then
            st.lost = (st.lost or 0) + 1
            if emit then emit("falls", a) end
          end
          if s > nsegs then
            if M.CAPITAL[ax] then
              st.capital_lost = true
              st.fell = st.fell or {}
              st.fell[ax] = h
            end
            if (ax == "north" or ax == "riga") and not st.reached then
              st.reached, st.hours = true, h
              if emit then emit("capital", a, h) end
            end
            if ax == "gap" then
              st.gap_closed = true
              if emit then emit("gap_closed") end
            end
          else  -- the defenders fall back intact into the next area, and those there join
            sblue[ax] = blue
            join(st, ax, segs[s][1], emit)
            blue = sblue[ax]
          end
          h = h + (dt - t_in)
        else
          prog = prog + v * dt
          h = h + dt
        end
      end
      sred[ax], sblue[ax], sprog[ax], sseg[ax], sv[ax] = red, blue, prog, s, v
    end
  end
  st.hour = st.hour + 24
  -- reinforcements through the Suwałki Gap [@politico]: late if the gap is closed
  if st.gap_closed and not st.gap_delayed and day < st.reinf_day then
    st.gap_delayed = true
    st.reinf_day = st.reinf_day + GAP_DELAY
  end
  if day >= st.reinf_day and not st.reinforced then
    st.reinforced = true
    local joined = st.joined
    for _, ax in ipairs { "north", "riga", "vilnius" } do
      sblue[ax] = sblue[ax] + REINF3
      joined[ax] = joined[ax] + REINF3
    end
    if emit then emit("reinforced", day) end
  end
  -- ceasefire: at the day limit, or once reinforced and the attack has culminated
  local rsum, bsum = 0, 0
  for i = 1, NAX do
    local ax = AXIS_IDS[i]
    rsum, bsum = rsum + sred[ax], bsum + sblue[ax]
  end
  st.red_left = rsum
  if day >= WAR_DAYS or (day > st.reinf_day and rsum < bsum) then st.ended = true end
end

-- Days until NATO's follow-on forces arrive: earlier with a surge and with sensors'
-- warning time. jitter: the draw within the window (0..reinf_jitter).
function S.reinf_day(jitter, surge, sensors)
  return math.max(2, P.reinf_day + jitter - 2 * (surge or 0) - (sensors or 0) * P.sensor_warn_days)
end

-- How many hours a capital axis had to spare at the ceasefire: positive, the hours
-- since its capital fell; negative, the hours it still needed at the speed it last
-- made (at least P.est_crawl km/h: a stalled axis is far from its goal, not 0 h).
local function margin(st, ax)
  local end_h = st.day * 24
  if st.fell and st.fell[ax] then return end_h - st.fell[ax] end
  local segs = st.segs[ax]
  local left = -st.prog[ax]
  for i = st.seg[ax], #segs do left = left + segs[i][2] end
  return -left / max(st.v[ax] or 0, P.est_crawl)
end

-- The adversary's estimate from a posture (the table S.new takes, without sm and
-- reinf_day, plus surge). It plays the war once on expected values (no dice: mean
-- speed, reinforcements mid-window) and reads its chance of taking a capital from
-- how much time it had to spare on its best capital axis (a logistic with a spread of
-- P.est_spread_h hours: the dice it did not roll), and its expected losses from the
-- share of its force lost by the ceasefire. It plays in P.est_steps steps a day
-- (coarser than the war's six hours: it is a planner's estimate, and cheap).
function S.estimate(p)
  p.sm, p.reinf_day = 1, S.reinf_day(P.reinf_jitter / 2, p.surge, p.sensors)
  local st = S.new(p)
  st.steps = P.est_steps
  S.begin(st)
  repeat S.day(st) until st.ended
  local best = -1e9
  for _, ax in ipairs { "north", "riga", "vilnius" } do
    local m = margin(st, ax)
    if m > best then best = m end
  end
  return 1 / (1 + math.exp(-best / P.est_spread_h)), 1 - st.red_left / st.red0
end

-- Deterrence (0-100) from the estimate and the allied tripwire [@snyder; @schelling]:
-- denial (the chance a capital does not fall), punishment (allied CP x cohesion 0-100)
-- and cost (its expected losses against what it would accept).
function S.deterrence(p_success, loss, allied_cp, cohesion)
  local punish = math.min(math.max(allied_cp / 1.5, 0), 1) * cohesion / 100
  return 100 * (P.det_deny * (1 - p_success) + P.det_punish * punish
    + P.det_cost * math.min(math.max(loss / P.loss_tolerance, 0), 1))
end

-- Expected civilian casualties when an area is fought over: its people (thousands),
-- and the mines there, unmarked or scattered counting fully, marked a fifth (people
-- keep out of fenced fields; ASSUMPTION); halved when evacuated.
function S.war_harm(pop, unmarked, marked, evacuated)
  local evac = evacuated and 0.5 or 1
  return (pop * flank.param.get("war_pop_rate") + P.war_mine_rate * (unmarked + 0.2 * marked)) * evac   -- pop in thousands
end

return S
