-- Eastern Flank: the forces on the board, the adversary's deterrence estimate, the
-- crisis and the war.
--
-- rules.lua calls these under the same names on R. The war itself is the pure model
-- in warsim.lua; this file keeps its state in flank.var between turns and shows it on
-- the board: the adversary's formations and the defenders' brigades are counters
-- (pieces with a "cp" property, combat power in brigade-equivalents), the axes are
-- arrows, areas change owner and the front line is drawn.
--
-- What the war reads that the council's side writes (keep these names):
--   area properties  obst (obstacle level), ap (thousand AP mines acting in war),
--                    ap_marked, ap_unmarked, ap_remote (for civilian harm), plan_k
--                    (mines planned for rapid emplacement, counted by the estimate)
--   vars             sensors (0-3 packages), surge (0/1), air (0/1), evacuated
-- What it writes for the rest of the game: the deterrence track, p_success, est_loss,
-- cp_<axis>, cp_allied, red_total; the war's own vars (red_/blue_/prog_/seg_/joined_<axis>,
-- dep_<area>, war_day, war_hour, reinf_day, riga_entry, speedmul, reached, gap_closed).

local F = flank
local M = require "eastern_flank/model"
local S = require "eastern_flank/warsim"
local ok, T = pcall(require, "eastern_flank/text_" .. flank.lang)
if not ok then T = require "eastern_flank/text_en" end
local P = M.P
local clamp, poisson = M.clamp, M.poisson

-- This module's functions (rules.lua puts them on its own R). rules.lua also sets
-- R.rapid_emplace, R.remote_deliver and R.end_war here: the mines and aftermath
-- functions the war calls back.
local R = {}

local V = F.var.get   -- V(k, default)
local function log(fmt, ...) F.game.log(string.format(fmt, ...)) end

-- The counters' words (English only for now; a translation may override W in its text file).
local W = T.war or {
  heavy_brigade = "Heavy brigade", battlegroup = "Battlegroup", formation = "Army formation",
  deploy_title = "Position the brigades",
  deploy_text = "Move national and allied brigades before a war: only brigades standing on an axis of "
    .. "advance (Narva-Tallinn, the Riga entries and Valmiera-Rīga, the Suwałki Gap, Vilnius) fight there. "
    .. "Forward brigades fight first and fall back with the front; brigades further back join when the "
    .. "attacker reaches them.",
  deploy_own = "Before a war brigades stay on allied ground.",
  deploy_hold = "Positions set", deploy_hold_text = "Leave the brigades where they stand.",
  deploy_move = "Move a brigade", deploy_move_text = "Move one brigade (3 movement points; forest costs 2, marsh 3).",
  axis = { north = "Axis Narva-Tallinn", riga = "Axis to Rīga", gap = "Axis Suwałki Gap", vilnius = "Axis Vilnius" },
  formation_of = { north = "Northern group", riga = "Pskov group", gap = "Kaliningrad group",
    vilnius = "Belarus group" },
  reinforcements = "NATO follow-on forces",
  report_first = "The war begins.", report_day = "Day %d of the war begins.",
  report_axis = "%s: fighting in %s, %d of %d km in; attackers %s against %s defending",
  report_taken = "%s: taken (%s fell)",
}

-- ------------------------------------------------------------------ counters

-- Piece types (called by rules.define). Brigades move 3 points a turn when the
-- player positions them; formations are moved by the war's rule code, area by area.
function R.define_pieces()
  local terrain = { forest = 2, marsh = 3 }
  piece_type { id = "brigade", name = T.pieces.brigade, symbol = "infantry", mp = 3, terrain = terrain, stop_at_enemy = true }
  piece_type { id = "heavy_brigade", name = W.heavy_brigade, symbol = "armour", mp = 3, terrain = terrain, stop_at_enemy = true }
  piece_type { id = "battlegroup", name = W.battlegroup, symbol = "mechanised", mp = 3, terrain = terrain, stop_at_enemy = true }
  piece_type { id = "formation", name = W.formation, symbol = "armour" }
end

-- Defender combat power by allied posture, as counters: { type, area, cp, side, name }.
-- National brigades (ASSUMPTION for their CP; grown since 2016):
local NATIONAL = {
  { ax = "north", area = "narva", y2016 = 1.0, y2025 = 1.8, name = "Estonian 1st Infantry Brigade" },
  { ax = "riga", area = "rezekne", y2016 = 0.8, y2025 = 1.6, name = "Latvian Mechanised Infantry Brigade" },
  { ax = "gap", area = "suwalki_gap", y2016 = 1.0, y2025 = 2.0, name = "Polish 16th Mechanised Division (elements)" },
  { ax = "vilnius", area = "vilnius", y2016 = 1.2, y2025 = 2.0, name = "Lithuanian Iron Wolf Brigade" },
}
-- eFP battlegroups [@efp]; their CP is an ASSUMPTION. Placed forward, on the axes.
local EFP = {
  { area = "narva", cp = 0.5, name = "eFP battlegroup Estonia (UK-led)" },
  { area = "rezekne", cp = 0.6, name = "eFP battlegroup Latvia (Canada-led)" },
  { area = "suwalki_gap", cp = 0.5, name = "eFP battlegroup Poland (US-led)" },
  { area = "vilnius", cp = 0.4, name = "eFP battlegroup Lithuania (Germany-led)" },
}
-- RAND's seven brigades, three of them heavy [@rand], where RAND's CP per axis put them.
local SEVEN = {
  { type = "heavy_brigade", area = "narva" }, { type = "brigade", area = "narva" },
  { type = "heavy_brigade", area = "rezekne" }, { type = "brigade", area = "rezekne" }, { type = "brigade", area = "rezekne" },
  { type = "heavy_brigade", area = "vilnius" }, { type = "brigade", area = "vilnius" },
}
-- Where a brigade the allies add later is stationed (commitment card), by axis.
local FORWARD = { north = "narva", riga = "rezekne", gap = "suwalki_gap", vilnius = "vilnius" }
R.FORWARD = FORWARD   -- where an added brigade stands (cards.lua names it in the log, as R.war.FORWARD)

-- Panzerbrigade 45: activated 1 Apr 2025, fully operational by end 2027 [@pzbrig45].
-- Its CP grows by half-years (so the estimate is not redone every month).
local function pz45_cp()
  local y, m = F.game.ymd()
  local months = (y - 2025) * 12 + (m - 4)
  if months < 0 then return 0 end
  months = months - months % 6
  return P.pz45.start + P.pz45.grow * clamp(months / P.pz45.months, 0, 1)
end

local function add(type, area, side, cp, name)
  return F.piece.add { type = type, area = area, side = side, props = { cp = cp, name = name } }
end

-- The defenders and attackers for a posture, on their start areas.
local function place(posture)
  for _, sd in ipairs { "council", "allies", "adversary" } do
    for _, id in ipairs(F.piece.list { side = sd }) do
      if F.piece.get(id, "type") ~= "minefield" then F.piece.remove(id) end
    end
  end
  F.var.set("pz45_id", nil); F.var.set("pz45_cp", nil)
  for _, ax in ipairs(M.AXIS_IDS) do F.var.set("extra_placed_" .. ax, 0) end
  F.var.set("extra_placed", 0)
  local era = posture == "historical" and "y2025" or "y2016"
  for _, n in ipairs(NATIONAL) do add("brigade", n.area, "council", n[era], n.name) end
  if posture == "historical" then
    for _, e in ipairs(EFP) do add("battlegroup", e.area, "allies", e.cp, e.name) end
    F.var.set("pz45_id", add("heavy_brigade", "vilnius", "allies", pz45_cp(), "Panzerbrigade 45"))
  elseif posture == "seven_brigades" then
    for i, b in ipairs(SEVEN) do
      add(b.type, b.area, "allies", b.type == "heavy_brigade" and P.heavy or P.light, "Allied brigade " .. i)
    end
  end
  for _, ax in ipairs(M.AXIS_IDS) do
    local start = S.START[ax] or S.START.riga_rezekne
    F.var.set("form_" .. ax, add("formation", start, "adversary", 0, W.formation_of[ax]))
  end
  -- before the allies have chosen their posture (setup) the counters are provisional:
  -- the council positions them once the posture is known
  local chosen = V("posture") ~= nil
  F.var.set("placed", chosen and posture or "provisional")
  F.var.set("est_force", true)   -- a new posture: the adversary looks again at once
  F.var.set("deploy_open", chosen)
end

-- Recompute the defenders' CP per axis (from the counters standing on it), the
-- allied (tripwire) CP and the attacker's size; place the counters on a new posture.
-- The counters are scanned only when something moved or grew ("forces_dirty").
function R.update_forces()
  -- (called every month and crisis day: few var reads unless something changed)
  local posture = V("posture", "historical")
  local placed = V("placed")
  if placed == "provisional" and posture == "historical" and V("posture") then
    F.var.set("placed", posture)      -- the setup's counters stand: open the positioning card
    F.var.set("deploy_open", true)
  elseif placed ~= posture and not (placed == "provisional" and posture == "historical") then
    place(posture)
    F.var.set("forces_dirty", true)
    local z = V("red_draw", 0)
    local red = posture == "historical" and math.max(10, P.red_mean_2025 + z * P.red_sd_2025)
      or math.max(12, P.red_mean + z * P.red_sd)
    F.var.set("red_total", red)
    for _, ax in ipairs(M.AXIS_IDS) do
      F.piece.set(V("form_" .. ax), "cp", math.floor(red * P.red_share[ax] * 10 + 0.5) / 10)
    end
  end
  -- brigades the allies committed since ("added"; extra_<axis> CP, one light brigade each)
  if V("added", 0) ~= V("extra_placed", 0) then
    for _, ax in ipairs(M.AXIS_IDS) do
      local want = math.floor(V("extra_" .. ax, 0) / P.light + 0.5)
      for _ = V("extra_placed_" .. ax, 0) + 1, want do add("brigade", FORWARD[ax], "allies", P.light, "Allied brigade") end
      F.var.set("extra_placed_" .. ax, want)
    end
    F.var.set("extra_placed", V("added", 0))
    F.var.set("forces_dirty", true)
  end
  local pz = V("pz45_id")
  if pz then
    local c = pz45_cp()
    if c ~= V("pz45_cp") and V("stage") ~= "war" then
      F.piece.set(pz, "cp", c); F.var.set("pz45_cp", c); F.var.set("forces_dirty", true)
    end
  end
  if not V("forces_dirty", true) then return end
  F.var.set("forces_dirty", false)
  local cp, allied = {}, 0
  for _, ax in ipairs(M.AXIS_IDS) do cp[ax] = 0 end
  local get = F.piece.get
  for _, sd in ipairs { "council", "allies" } do
    local ids = F.piece.list { side = sd }
    for i = 1, #ids do   -- two properties of each counter, not its whole table
      local id = ids[i]
      local ax = S.AREA_AXIS[get(id, "area")]
      local c = get(id, "cp") or 0
      if ax then cp[ax] = cp[ax] + c end
      if sd == "allies" then allied = allied + c end
    end
  end
  for _, ax in ipairs(M.AXIS_IDS) do F.var.set("cp_" .. ax, cp[ax]) end
  F.var.set("cp_allied", allied)
  F.var.set("est_stale", true)
end

-- Defender CP per area on the axes, from the counters (area -> CP).
local function depth_now()
  local d = {}
  local get, on_axis = F.piece.get, S.AREA_AXIS
  for _, sd in ipairs { "council", "allies" } do
    local ids = F.piece.list { side = sd }
    for i = 1, #ids do   -- two properties of each piece, not its whole table
      local id = ids[i]
      local a = get(id, "area")
      if on_axis[a] then d[a] = (d[a] or 0) + (get(id, "cp") or 0) end
    end
  end
  return d
end

-- ------------------------------------------------------------------ deterrence

-- The obstacle levels where the model looks (the axes' areas and the border areas), and the
-- mines it counts in each border area: those in the ground and those planned for a crisis.
-- Read area by area (no other area has them): three whole-board tables cost more.
local OBST_AREAS = {}
for _, a in ipairs(S.AXIS_AREAS) do OBST_AREAS[#OBST_AREAS + 1] = a end
for _, a in ipairs(M.BORDER_AREAS) do if not S.AREA_AXIS[a] then OBST_AREAS[#OBST_AREAS + 1] = a end end
local BORDER = M.BORDER_AREAS
local function fields()
  local get, obst, mines = F.area.get, {}, {}
  for i = 1, #OBST_AREAS do
    local a = OBST_AREAS[i]
    obst[a] = get(a, "obst") or 0
  end
  for i = 1, #BORDER do
    local a = BORDER[i]
    mines[a] = (get(a, "ap") or 0) + (get(a, "plan_k") or 0)
  end
  return obst, mines
end

-- Hours the attacker needs to reach a capital's outskirts at full force ratio (no
-- dice): it picks the fastest of the three Riga entries with this.
local function choose_entry(obst, mines)
  local red = V("red_total", P.red_mean)
  local best, entry = 1e9, "riga_rezekne"
  local rr = red * P.red_share.riga / math.max(V("cp_riga", 0), 0.05)
  for _, e in ipairs { "riga_rezekne", "riga_voru", "riga_daugavpils" } do
    local h = M.axis_hours(e, M.TERRAIN, obst, mines, rr)
    if h < best then best, entry = h, e end
  end
  return entry
end

-- The posture as a plain table for the pure model (warsim.lua).
local function posture(obst, mines)
  return { red = V("red_total", P.red_mean), depth = depth_now(), obst = obst, mines = mines,
           sensors = V("sensors", 0), surge = V("surge", 0), air = 1,   -- it expects allied air power
           entry = choose_entry(obst, mines) }
end

-- The adversary's judgement of the current posture [@snyder; @schelling]: it plays the
-- war model out (warsim.estimate) for its chance of taking a capital and its expected
-- losses; punishment is the allied tripwire x cohesion. Sets the deterrence track.
-- What the estimate depends on, coarsely (0.5 obstacle level, 0.25 CP, 2,000 mines):
-- it is redone only when this changes, so that small monthly steps (obstacles being
-- built) do not each cost a war's worth of arithmetic.
local floor, AXIS_AREAS = math.floor, S.AXIS_AREAS
local function posture_key(p)   -- each number x to the nearest step: floor(x / step + 0.5)
  local parts = { floor(p.red / 0.1 + 0.5), p.sensors, p.surge, p.entry }
  local n, depth, obst, mines = 4, p.depth, p.obst, p.mines
  for i = 1, #AXIS_AREAS do n = n + 1; parts[n] = floor((depth[AXIS_AREAS[i]] or 0) / 0.25 + 0.5) end
  for i = 1, #BORDER do
    local a = BORDER[i]
    n = n + 1; parts[n] = floor((obst[a] or 0) / 0.5 + 0.5) .. ":" .. floor((mines[a] or 0) / 2 + 0.5)
  end
  return table.concat(parts, " ")
end

function R.assess()
  local p_success, loss = V("p_success"), V("est_loss")
  -- look again only when something it reads may have changed: fields ("dirty", set by
  -- the mines and obstacles code), the counters ("est_stale"), sensors or a surge; in
  -- peace only at its quarterly review (ASSUMPTION: intelligence estimates are periodic;
  -- it also keeps a game cheap), in a crisis every day
  if not p_success or V("stage") ~= "peace" or V("month", 0) % 3 == 0 or V("est_force", false) then
    local sensors, surge = V("sensors", 0), V("surge", 0)
    if not p_success or V("dirty", true) or V("est_stale", true) or sensors ~= V("est_sensors")
        or surge ~= V("est_surge") then
      local p = posture(fields())
      local key = posture_key(p)
      if key ~= V("est_key") then
        p_success, loss = S.estimate(p)
        F.var.set("est_key", key)
        F.var.set("p_success", p_success)
        F.var.set("est_loss", loss)
      end
      F.var.set("dirty", false); F.var.set("est_stale", false); F.var.set("est_force", false)
      F.var.set("est_sensors", sensors); F.var.set("est_surge", surge)
    end
  end
  local d = S.deterrence(p_success, loss, V("cp_allied", 0), F.track.get("alliance_cohesion"))
  F.track.set("deterrence", d)
  return d
end

-- ------------------------------------------------------------------ crisis

-- The adversary's formations' areas marked on the map while a crisis lasts (one label).
local function mark_massing(on)
  F.map.clear("highlights")
  if on then
    for i, ax in ipairs(M.AXIS_IDS) do
      local id = V("form_" .. ax)
      if id then F.map.highlight(F.piece.get(id, "area"), { style = "warning", label = i == 1 and T.log.massing or nil }) end
    end
  end
  if R.context_marks then R.context_marks() end   -- what else the map shows (cards.lua)
end
-- The map's marks drawn again after a context mark changes (the massing, if a crisis is on).
function R.refresh_marks() mark_massing(V("stage") == "crisis") end

function R.start_crisis()
  F.var.set("stage", "crisis")
  F.var.set("crisis_day", 0)
  F.var.add("crises", 1)
  F.var.set("deploy_open", true)
  F.game.set_step("1 day")
  F.track.add("alliance_cohesion", 3)
  mark_massing(true)
  log(T.log.crisis)
end

function R.end_crisis()
  mark_massing(false)
  F.var.set("stage", "peace")
  F.var.set("surge", 0)
  F.game.set_step("1 month")
  log(T.log.stand_down)
end

-- The council positions the brigades: once the posture is known, and in a crisis.
-- "hold" comes first, so a policy that knows nothing of this card keeps the positions.
function R.define_deploy()
  local function blue_pieces()
    local list = {}
    for _, sd in ipairs { "council", "allies" } do
      for _, id in ipairs(F.piece.list { side = sd }) do
        if F.piece.get(id, "type") ~= "minefield" then list[#list + 1] = id end
      end
    end
    return list
  end
  decision {
    id = "deploy", side = "council", title = W.deploy_title, text = W.deploy_text, source = "rand",
    when = function()
      if not V("deploy_open", false) then return false end
      local st = V("stage")
      return st == "peace" or st == "crisis"
    end,
    options = {
      { id = "hold", label = W.deploy_hold, text = W.deploy_hold_text,
        effect = function() F.var.set("deploy_open", false); R.update_forces(); R.assess() end },
      { id = "move", label = W.deploy_move, text = W.deploy_move_text, target = "move", again = true,
        legal = blue_pieces,
        requires = function(_, to)
          local allowed = not to or F.area.owner(to) ~= "adversary"
          return allowed, not allowed and W.deploy_own or nil
        end,
        effect = function() F.var.set("forces_dirty", true); R.update_forces() end },
    },
  }
end

-- ------------------------------------------------------------------ war

-- The war's state <-> flank.var (plain numbers, so saves and replays keep it).
local function save(st)
  for _, ax in ipairs(M.AXIS_IDS) do
    F.var.set("red_" .. ax, st.red[ax]); F.var.set("blue_" .. ax, st.blue[ax])
    F.var.set("prog_" .. ax, st.prog[ax]); F.var.set("seg_" .. ax, st.seg[ax])
    F.var.set("joined_" .. ax, st.joined[ax])
  end
  for _, a in ipairs(S.AXIS_AREAS) do F.var.set("dep_" .. a, st.depth[a] or 0) end
  F.var.set("war_hour", st.hour); F.var.set("war_day", st.day); F.var.set("reinf_day", st.reinf_day)
  F.var.set("gap_closed", st.gap_closed or false); F.var.set("gap_delay_applied", st.gap_delayed or false)
  F.var.set("reached", st.reached or false); F.var.set("reinforced", st.reinforced or false)
end

local function load()
  local entry = V("riga_entry")
  local st = {
    red = {}, blue = {}, prog = {}, seg = {}, joined = {}, depth = {}, v = {},
    segs = S.lanes(entry, F.area.values("obst"), F.area.values("ap")), entry = entry,
    sm = V("speedmul", 1), air = V("air", 0), fires = 1 + P.sensor_fires * V("sensors", 0),
    hour = V("war_hour", 0), day = V("war_day", 0), reinf_day = V("reinf_day"), red0 = V("red0", 1),
    gap_closed = V("gap_closed", false), gap_delayed = V("gap_delay_applied", false), reached = V("reached", false),
    reinforced = V("reinforced", false),
  }
  for _, ax in ipairs(M.AXIS_IDS) do
    st.red[ax], st.blue[ax] = V("red_" .. ax), V("blue_" .. ax)
    st.prog[ax], st.seg[ax], st.joined[ax] = V("prog_" .. ax), V("seg_" .. ax), V("joined_" .. ax)
  end
  for _, a in ipairs(S.AXIS_AREAS) do st.depth[a] = V("dep_" .. a, 0) end
  return st
end

-- An area falls: ownership, territory.
local function area_falls(a)
  if F.area.owner(a) == "adversary" then return end
  F.area.set_owner(a, "adversary")
  F.var.add("areas_lost", 1)
  F.track.set("territory_held", 100 * (1 - V("areas_lost") / M.COUNCIL_AREAS))
  log(T.log.area_falls, F.area.get(a, "name"))
end

-- Fighting in an area harms its people, more where unmarked or scattered mines lie.
local function area_fought(a)
  if F.area.get(a, "fought") then return end
  F.area.set(a, "fought", true)
  local um = (F.area.get(a, "ap_unmarked") or 0) + (F.area.get(a, "ap_remote") or 0)
  local lambda = S.war_harm(M.POP[a] or 50, um, F.area.get(a, "ap_marked") or 0, V("evacuated", false))
  F.track.add("civilian_casualties_war", poisson(lambda))
  F.area.add(a, "uxo", P.battle_uxo_km2)
end

-- The area an axis's front stands in now (its defenders' fallback once it is through).
local function front_area(st, ax)
  local segs = S.segments(st, ax)
  local s = st.seg[ax]
  if s <= #segs then return segs[s][1] end
  return S.FALLBACK[ax]
end

-- The war's events as the game shows them.
local function on_event(kind, a, h)
  if kind == "fought" then area_fought(a)
  elseif kind == "falls" then area_falls(a)
  elseif kind == "capital" then
    F.track.set("hours_to_capital", h)
    F.track.set("rapid_overrun", h <= P.rapid_hours and 1 or 0)
    log(T.log.capital, F.area.get(a, "name"), h)
  elseif kind == "gap_closed" then log(T.log.gap_closed)
  elseif kind == "reinforced" then log(T.log.reinforced, a)
  end
end

-- Counters follow the model: formations to their front area with their CP; defenders
-- who have joined the fight to the front (or the fallback) with their share of the CP.
local function sync(st, reinforced)
  for _, ax in ipairs(M.AXIS_IDS) do
    local id = V("form_" .. ax)
    if id then
      local segs = S.segments(st, ax)
      F.piece.move(id, segs[math.min(st.seg[ax], #segs)][1])
      F.piece.set(id, "cp", math.floor(st.red[ax] * 10 + 0.5) / 10)
    end
    if reinforced and ax ~= "gap" then
      local r = add("heavy_brigade", front_area(st, ax), "allies", P.reinf_cp / 3, W.reinforcements)
      F.piece.set(r, "cp0", P.reinf_cp / 3); F.piece.set(r, "axis", ax)
    end
  end
  local get = F.piece.get
  for _, sd in ipairs { "council", "allies" } do
    local ids = F.piece.list { side = sd }
    for i = 1, #ids do
      local id = ids[i]
      local ax = get(id, "axis")
      local area = ax and get(id, "area")
      if ax and (st.depth[area] or 0) == 0 then   -- its area's defenders have joined
        local share = st.joined[ax] > 0 and st.blue[ax] / st.joined[ax] or 0
        F.piece.set(id, "cp", math.floor(get(id, "cp0") * share * 100 + 0.5) / 100)
        local to = front_area(st, ax)
        if area ~= to then F.piece.move(id, to) end
      end
    end
  end
end

-- The axes as arrows, adversary's side, from each formation's start area.
local function draw_axes(entry)
  for _, ax in ipairs(M.AXIS_IDS) do
    local key = ax == "riga" and entry or ax
    local from = S.START[key]
    for i, seg in ipairs(M.AXES[key]) do
      F.map.arrow(from, seg[1], { side = "adversary", label = i == 1 and W.axis[ax] or nil, style = "warning" })
      from = seg[1]
    end
  end
  F.map.front(true)
end

function R.start_war(surprise)
  if V("stage") == "crisis" then mark_massing(false) end   -- the axes' arrows take over
  -- what the adversary judged when it attacked (the debrief's "why the war came")
  F.var.set("d_at_war", F.track.get("deterrence"))
  F.var.set("p_at_war", V("p_success", 0)); F.var.set("loss_at_war", V("est_loss", 0))
  F.var.set("stage", "war")
  F.var.set("surprise", surprise and true or false)
  F.var.set("deploy_open", false)
  F.game.set_step("1 day")
  R.update_forces()
  local obst, mines = fields()
  local entry = choose_entry(obst, mines)
  F.var.set("riga_entry", entry)
  F.var.set("speedmul", math.max(0.6, 1 + F.rng.normal(0, P.speed_sd)))
  -- stockpiled mines: laid in the crisis already, or now by chance (warning time)
  if not V("rapid_done", false) then
    local p_warn = clamp(P.warn_base + P.warn_sensor * V("sensors", 0) - (surprise and P.warn_surprise or 0), 0, P.warn_max)
    if F.rng.chance(p_warn) then R.rapid_emplace(0.5) end
  end
  if V("treaty") == "out" then R.remote_deliver() end
  local reinf = S.reinf_day(F.rng.random(0, P.reinf_jitter), V("surge", 0), V("sensors", 0))
  -- the counters: defenders in the Riga entries not attacked shift to the one attacked
  local to = S.RIGA_ENTRY_AREA[entry]
  for _, sd in ipairs { "council", "allies" } do
    for _, id in ipairs(F.piece.list { side = sd }) do
      local p = F.piece.get(id)
      local ax = S.AREA_AXIS[p.area]
      if ax then
        F.piece.set(id, "axis", ax); F.piece.set(id, "cp0", p.cp or 0)
        if ax == "riga" and p.area ~= to and (p.area == "rezekne" or p.area == "voru" or p.area == "daugavpils") then
          F.piece.move(id, to)
        end
      end
    end
  end
  local red, red_axis = V("red_total", P.red_mean), {}
  for _, ax in ipairs(M.AXIS_IDS) do red_axis[ax] = red * P.red_share[ax] * (1 + F.rng.normal(0, 0.05)) end
  local st = S.new { red = red, red_axis = red_axis, depth = depth_now(), obst = F.area.values("obst"),
    mines = F.area.values("ap"), sensors = V("sensors", 0), air = V("air", 0), entry = entry,
    sm = V("speedmul"), reinf_day = reinf }
  F.var.set("red0", st.red0)
  for _, ax in ipairs(M.AXIS_IDS) do
    local id = V("form_" .. ax)
    if id then F.piece.move(id, S.START[ax == "riga" and entry or ax]) end
  end
  F.track.set("hours_to_capital", 0)
  log(T.log.war_starts)
  draw_axes(entry)
  S.begin(st, on_event)
  save(st)
end

-- One day of war (warsim.day), shown on the board; the ceasefire ends it.
-- The front as a day of war begins, axis by axis (the war_day event's text; what falls during
-- the day follows in the log): where the fighting is, how far along the area the attacker
-- is, and the combat power on each side (brigade-equivalents).
function R.war_report()
  local st = load()
  local parts = {}
  for _, ax in ipairs(M.AXIS_IDS) do
    local segs = S.segments(st, ax)
    local s = st.seg[ax]
    local name = W.axis[ax]:gsub("^Axis ", "")
    if s > #segs then
      parts[#parts + 1] = string.format(W.report_taken, name, F.area.get(segs[#segs][1], "name"))
    else
      local a, len = segs[s][1], segs[s][2]
      parts[#parts + 1] = string.format(W.report_axis, name, F.area.get(a, "name"), math.floor(st.prog[ax] + 0.5), len,
        string.format("%.1f", st.red[ax]), string.format("%.1f", st.blue[ax] + (st.depth[a] or 0)))
    end
  end
  local head = st.day == 0 and W.report_first or string.format(W.report_day, st.day + 1)
  return head .. " " .. table.concat(parts, "; ") .. "."
end

function R.war_day()
  local st = load()
  local reinforced = false
  S.day(st, function(kind, a, h)
    if kind == "reinforced" then reinforced = true end
    on_event(kind, a, h)
  end)
  save(st)
  sync(st, reinforced)
  if st.ended then R.end_war() end
end

return R
