-- Eastern Flank rules: sides, tracks, decisions, events and endings, defined by
-- one function so that eastern_flank and suwalki_gap share every rule:
--
--   local rules = require "eastern_flank/rules"
--   rules.define{ mode = "full" }      -- or mode = "gap_week"
--
-- The numbers live in eastern_flank/model.lua, the words in eastern_flank/text_en.lua.
-- State is kept only in flank.var, tracks and area properties (see the model doc).

local F = flank
local M = require "eastern_flank/model"
local sources = require "eastern_flank/sources"
-- The words in the language asked for (flank run --lang lt), English where there is
-- no translation yet: a translation is one file, text_<lang>.lua, with the same keys.
local ok, T = pcall(require, "eastern_flank/text_" .. flank.lang)
if not ok then T = require "eastern_flank/text_en" end
local P = M.P
local clamp, poisson = M.clamp, M.poisson

local R = {}

local function V(k, d) return F.var.get(k, d) end
local function stage() return F.var.get("stage") end
local function log(fmt, ...) F.game.log(string.format(fmt, ...)) end

-- ------------------------------------------------------------------ forces, deterrence, war
-- (in eastern_flank/war.lua; the same names on R so the rest of this file is unchanged)
local War = require "eastern_flank/war"
R.update_forces, R.assess = War.update_forces, War.assess
R.start_crisis, R.end_crisis, R.start_war, R.war_day = War.start_crisis, War.end_crisis, War.start_war, War.war_day

-- ------------------------------------------------------------------ mines

-- Totals are kept in vars (k_marked, k_unmarked, k_remote) so monthly rules need no board scans.
local function set_totals()
  F.track.set("mines_emplaced", V("k_marked", 0) + V("k_unmarked", 0) + V("k_remote", 0))
  F.track.set("mines_stockpiled", V("stockpile", 0))
  F.var.set("dirty", true)
end

-- Lift whatever is emplaced in an area back into the stockpile (cost: handling).
local function lift(a)
  local k = F.area.get(a, "ap") or 0
  if k > 0 then
    F.var.add("stockpile", k)
    F.var.add("k_marked", -F.area.get(a, "ap_marked")); F.var.add("k_unmarked", -F.area.get(a, "ap_unmarked"))
    F.area.set(a, "ap", 0); F.area.set(a, "ap_marked", 0); F.area.set(a, "ap_unmarked", 0)
    F.track.add("budget", -k * P.cost_per_kmine * 2)
  end
end

-- Lay a pre-emplaced field in an area from the stockpile. kind: "marked" or "unmarked".
local function lay(a, k, kind)
  local have = V("stockpile", 0)
  if have < k then k = have end
  if k <= 0 then return 0 end
  F.var.add("stockpile", -k)
  F.area.add(a, "ap", k)
  F.area.add(a, kind == "marked" and "ap_marked" or "ap_unmarked", k)
  F.var.add(kind == "marked" and "k_marked" or "k_unmarked", k)
  if kind == "marked" then F.track.add("budget", -k * P.km2_per_kmine * P.mark_cost_per_km2) end
  return k
end

-- Apply a sector doctrine (the doctrine_<sector> decisions).
function R.apply_doctrine(sector, doctrine)
  local changed = F.area.get(sector.areas[1], "doctrine") ~= doctrine
  for _, a in ipairs(sector.areas) do
    F.area.set(a, "doctrine", doctrine)
    F.area.set(a, "plan_k", 0)
    if doctrine == "none" or doctrine == "stockpile" or doctrine == "remote" or doctrine == "remote_backup" then lift(a) end
    if doctrine == "marked" then
      if (F.area.get(a, "ap_unmarked") or 0) > 0 then lift(a) end
      lay(a, P.field_kmines - (F.area.get(a, "ap") or 0), "marked")
    elseif doctrine == "unmarked" then
      lay(a, P.field_kmines - (F.area.get(a, "ap") or 0), "unmarked")
    end
  end
  -- planned (not yet laid) mines count for deterrence only if the stockpile can supply them
  local need = 0
  for _ in ipairs(sector.areas) do need = need + P.field_kmines end
  local supplied = V("stockpile", 0) >= need
  for _, a in ipairs(sector.areas) do
    if doctrine == "stockpile" then F.area.set(a, "plan_k", supplied and P.field_kmines * 0.6 or 0)
    elseif doctrine == "remote" or doctrine == "remote_backup" then F.area.set(a, "plan_k", supplied and P.field_kmines * 0.8 or 0) end
  end
  set_totals()
  return changed
end

-- Rapid emplacement of the stockpile in sectors whose doctrine plans it (crisis or war).
function R.rapid_emplace(share)
  local n = 0
  for _, s in ipairs(M.SECTORS) do
    for _, a in ipairs(s.areas) do
      if F.area.get(a, "doctrine") == "stockpile" and (F.area.get(a, "ap") or 0) == 0 then
        n = n + lay(a, P.field_kmines * share, "marked")
        F.area.set(a, "plan_k", 0)
      end
    end
  end
  if n > 0 then
    F.var.set("rapid_done", true)
    log(T.log.rapid, n)
  end
  set_totals()
  return n
end

-- Remotely delivered mines at the start of a war, in sectors that plan them.
local function remote_deliver()
  for _, s in ipairs(M.SECTORS) do
    for _, a in ipairs(s.areas) do
      local d = F.area.get(a, "doctrine")
      if d == "remote" or d == "remote_backup" then
        local k = math.min(P.field_kmines, V("stockpile", 0))
        if k > 0 then
          F.var.add("stockpile", -k)
          F.area.add(a, "ap_remote", k)
          F.var.add("k_remote", k)
          F.area.add(a, "ap", k)          -- they act in war like any field
          F.area.set(a, "fail", d == "remote_backup" and P.remote_fail_backup or P.remote_fail)
          F.area.set(a, "plan_k", 0)
          F.track.add("budget", -k * P.cost_per_kmine * 3)
        end
      end
    end
  end
  set_totals()
end

-- ------------------------------------------------------------------ peace

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

-- ------------------------------------------------------------------ aftermath

-- The aftermath's starting contamination, from what lies in the ground (per area).
local function contaminate()
  local popf_all = 0
  for _, a in ipairs(M.BORDER_AREAS) do
    local mk, um = F.area.get(a, "ap_marked") or 0, F.area.get(a, "ap_unmarked") or 0
    local rm, fail = F.area.get(a, "ap_remote") or 0, F.area.get(a, "fail") or 0
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
  local uxo = F.area.values("uxo")
  for a, u in pairs(uxo) do
    if u > 0 then F.area.add(a, "sus", u); F.area.add(a, "haz_x", u) end
  end
  -- occupied areas: nobody clears or marks there
  local S, H, OS, OH, REC = 0, 0, 0, 0, 0
  local sus, hm, hu, hx, rec = F.area.values("sus"), F.area.values("haz_m"), F.area.values("haz_u"),
    F.area.values("haz_x"), F.area.values("rec")
  for a, s in pairs(sus) do
    if s > 0 then
      local popf = clamp((M.POP[a] or 60) / 100, 0.5, 2)
      local hz = (hm[a] * P.marked_factor + hu[a] + 0.3 * hx[a]) * popf
      if F.area.owner(a) == "adversary" then OS, OH = OS + s, OH + (hm[a] + hu[a] + 0.3 * hx[a]) * popf
      else S, H, REC = S + s, H + hz, REC + rec[a] * s end
    end
    popf_all = popf_all + s
  end
  F.var.set("sus", S); F.var.set("hz", H); F.var.set("osus", OS); F.var.set("ohz", OH)
  F.var.set("rec_share", S > 0 and REC / S or 0)
  F.var.set("hz_unmarked", 0)
  F.track.set("contaminated_km2", S + OS)
end

local function start_aftermath(outcome)
  F.var.set("stage", "after")
  F.var.set("outcome", outcome)
  F.var.set("year", 0)
  F.game.set_step("1 year")
  contaminate()
  if V("art20_blocked", false) then
    F.var.set("treaty", "out")
    log(T.log.art20_after)
  end
end

function R.end_war()
  local lost = false
  for _, c in ipairs { "tallinn", "riga", "vilnius" } do lost = lost or F.area.owner(c) == "adversary" end
  if not V("reached", false) then F.track.set("hours_to_capital", 999) end
  log(T.log.ceasefire, V("war_day"))
  start_aftermath(lost and "territory_lost" or "line_held")
end

function R.end_peace()
  F.track.set("hours_to_capital", 999)
  start_aftermath("deterrence_held")
end

-- One year after the war (or after the decision window): casualties, clearance, costs.
function R.aftermath_year()
  local yr = F.var.add("year", 1)
  F.track.add("budget", P.budget_year)
  local peace = V("outcome") == "deterrence_held"
  local t = peace and (yr + 3) or (yr - 1)       -- peacetime fields: people already know where they are
  local rate = P.c0 * math.exp(-t / P.tau) + P.c_floor
  local edu = V("education", false) and P.education_factor or 1
  local S, H = V("sus"), V("hz")
  local cas = poisson((H * edu + V("ohz") * 1.0) * rate)
  F.track.add("civilian_casualties_postwar", cas)
  -- clearance (council programme + humanitarian funding), faster where fields are recorded
  local cap = V("clear_cap", 0) + V("ngo_cap", 0)
  if cap > 0 and S > 0 then
    local eff = cap * (1 + (P.record_speed - 1) * V("rec_share", 0))
    local f = math.min(1, eff / S)
    F.var.set("sus", S * (1 - f)); F.var.set("hz", H * (1 - f))
    F.area.scale("sus", 1 - f)
    F.track.add("cleared_km2", S * f)
    F.track.set("mines_emplaced", F.track.get("mines_emplaced") * (1 - f))
  end
  F.track.set("contaminated_km2", V("sus") + V("osus"))
  -- stockpiles: destroyed within four years if the state rejoins [@ottawa, Art. 4]
  if V("treaty") == "rejoined" and V("stockpile", 0) > 0 then
    F.var.set("stockpile", math.max(0, V("stockpile") - 250))
    set_totals()
  end
  if yr >= V("years", 20) then F.game.finish(V("outcome")) end
end

-- The war (war.lua) calls back into the mines and aftermath sections.
War.rapid_emplace, War.remote_deliver, War.end_war = R.rapid_emplace, remote_deliver, R.end_war

-- ------------------------------------------------------------------ definitions

local function opt(card, id, t)
  t = t or {}
  local s = T.dec[card].opt[id]
  t.id, t.label, t.text, t.preview = id, s.label, s.text, s.preview
  return t
end

local function card(id, side, t)
  local s = T.dec[id] or T.dec[t.text_of]
  t.id, t.side, t.title, t.text = id, side, s.title, s.text
  if t.sector then t.title = string.format(s.title, T.sectors[t.sector]) end
  t.text_of, t.sector = nil, nil
  decision(t)
end

local function quarter() return V("month", 0) % 3 == 1 end

function R.define(cfg)
  local gap = cfg.mode == "gap_week"
  local S = T.scenario[cfg.mode]
  assert(S, "rules.define: mode must be \"full\" or \"gap_week\"")
  scenario {
    id = cfg.id, title = S.title, version = "1.0.0", authors = { "Flank team" }, blurb = S.blurb,
    start = cfg.start, step = gap and "1 day" or "1 month",
    turns = cfg.turns, turns_cap = true, language = "en", map = "assets/maps/eastern_flank.map",
  }
  sources.define()
  -- The four states can also be played one by one: each decides its own border sector's
  -- emplacement doctrine in the "national" phase (listed last so the other sides keep
  -- their colours). The council decides everything the four decide together.
  for _, sd in ipairs { "council", "allies", "humanitarian", "adversary", "estonia", "latvia", "lithuania", "poland" } do
    side { id = sd, name = T.sides[sd].name, text = T.sides[sd].text, playable = sd == "council" or M.STATES[sd] ~= nil }
  end
  for _, ph in ipairs { "council", "national", "allies", "humanitarian", "adversary" } do
    phase { id = ph, name = T.phases[ph], side = ph ~= "national" and ph or nil }
  end
  local function tr(id, t)
    t.id, t.name, t.text, t.short = id, T.tracks[id].name, T.tracks[id].text, T.tracks[id].short
    track(t)
  end
  tr("deterrence", { min = 0, max = 100, start = 40, unit = "%", better = "higher", source = "rand" })
  tr("deterrence_avg", { min = 0, max = 100, start = 0, unit = "%", better = "higher", visible = false })
  tr("alliance_cohesion", { min = 0, max = 100, start = 75, unit = "%", better = "higher" })
  tr("reputation", { min = 0, max = 100, start = 80, unit = "%", better = "higher", source = "icbl" })
  tr("budget", { min = 0, max = 100000, start = P.budget_start, unit = "US$ M", better = "higher" })
  tr("territory_held", { min = 0, max = 100, start = 100, unit = "%", better = "higher" })
  tr("civilian_casualties_peace", { min = 0, max = 1e9, start = 0, unit = "people", better = "lower" })
  tr("civilian_casualties_war", { min = 0, max = 1e9, start = 0, unit = "people", better = "lower" })
  tr("civilian_casualties_postwar", { min = 0, max = 1e9, start = 0, unit = "people", better = "lower", source = "lm2024" })
  tr("contaminated_km2", { min = 0, max = 1e9, start = 0, unit = "km²", better = "lower", source = "lm2025" })
  tr("cleared_km2", { min = 0, max = 1e9, start = 0, unit = "km²", better = "higher", visible = false })
  tr("mines_stockpiled", { min = 0, max = 1e9, start = 0, unit = "thousand", visible = false })
  tr("mines_emplaced", { min = 0, max = 1e9, start = 0, unit = "thousand", visible = false })
  tr("hours_to_capital", { min = 0, max = 999, start = 0, unit = "h", visible = false, source = "rand" })
  tr("rapid_overrun", { min = 0, max = 1, start = 0, visible = false, source = "rand" })

  piece_type { id = "minefield", name = T.pieces.minefield, symbol = "minefield" }
  -- the war's counters and the brigades' positioning card (war.lua)
  War.define_pieces()
  War.define_deploy()

  -- initial owners: the four states are the council's, Russia and Belarus the adversary's
  local border = {}
  for _, a in ipairs(M.BORDER_AREAS) do border[a] = true end
  for _, a in ipairs(M.COUNCIL_IDS) do
    area { id = a, owner = "council", important = M.KEY_AREAS[a],
      props = border[a] and { obst = 0, ap = 0, ap_marked = 0, ap_unmarked = 0,
      ap_remote = 0, plan_k = 0, doctrine = "none", uxo = 0 } or nil }
  end
  for _, a in ipairs(M.ADVERSARY_IDS) do area { id = a, owner = "adversary", important = M.KEY_AREAS[a] } end

  setup(function()
    F.var.set("stage", gap and "crisis" or "peace")
    F.var.set("treaty", gap and "out" or "party")
    F.var.set("month", 0)
    F.var.set("areas_lost", 0)
    F.var.set("years", cfg.years)
    F.var.set("resolve", 0.3 + 0.7 * F.rng.random())   -- ASSUMPTION: the adversary's appetite for risk
    F.var.set("red_draw", F.rng.normal(0, 1))   -- the attacker's size, scaled once the posture is known
    F.var.set("stockpile", gap and 240 or 0)
    F.var.set("crises", gap and 1 or 0)
    F.var.set("crisis_day", 0)
    if gap then
      -- 2027: the withdrawals are in force [@votes]; the four states stockpiled mines
      -- for rapid emplacement and built obstacles (ASSUMPTION for this scenario).
      for _, a in ipairs(M.BORDER_AREAS) do
        F.area.set(a, "obst", 2); F.area.set(a, "doctrine", "stockpile"); F.area.set(a, "plan_k", P.field_kmines * 0.6)
      end
    end
    R.update_forces()
    set_totals()
    R.assess()
  end)

  -- ---------------- council: the treaty timeline
  card("statement", "council", { once = true, source = "ottawa",
    when = function() return stage() == "peace" end,
    options = {
      opt("statement", "withdraw", { effect = function()
        F.var.set("treaty", "recommended")
        F.track.add("reputation", -5); F.track.add("alliance_cohesion", -2) end }),
      opt("statement", "reaffirm", { effect = function()
        F.var.set("treaty", "stay")
        F.track.add("reputation", 5) end }),
    } })
  card("notice", "council", { source = "ottawa",
    when = function() return V("treaty") == "voted" and stage() ~= "after" end,
    options = {
      opt("notice", "deposit", { effect = function()
        F.var.set("treaty", "notice"); F.var.set("notice_date", F.game.date())
        F.track.add("reputation", -5); F.track.add("alliance_cohesion", -2) end }),
      opt("notice", "hold"),
      opt("notice", "retract", { effect = function() F.var.set("treaty", "stay"); F.track.add("reputation", 3) end }),
    } })

  -- ---------------- council: quarterly budget cards (peace)
  card("production", "council", {
    when = function() return stage() == "peace" and V("treaty") == "out" and quarter() end,
    options = {
      opt("production", "none", { effect = function() F.var.set("production", 0) end }),
      opt("production", "low", { effect = function() F.var.set("production", P.prod_low) end }),
      opt("production", "high", { effect = function() F.var.set("production", P.prod_high); F.track.add("reputation", -3) end }),
    } })
  for _, s in ipairs(M.SECTORS) do
    local id = "doctrine_" .. s.id
    local function apply(d) return function() R.apply_doctrine(s, d) end end
    local need = P.field_kmines * #s.areas
    card(id, s.id, { text_of = "doctrine", sector = s.id, source = "apii", phase = "national",
      when = function()
        return stage() == "peace" and V("treaty") == "out" and (V("month", 0) - V("out_month", 0)) % 6 == 0
      end,
      options = {
        opt("doctrine", "keep"),
        opt("doctrine", "none", { effect = apply("none") }),
        opt("doctrine", "stockpile", { effect = apply("stockpile") }),
        opt("doctrine", "marked", { requires = function() return V("stockpile", 0) + F.area.get(s.areas[1], "ap") >= need end,
          effect = function() if R.apply_doctrine(s, "marked") then F.track.add("reputation", -2) end end }),
        opt("doctrine", "unmarked", { requires = function() return V("stockpile", 0) + F.area.get(s.areas[1], "ap") >= need end,
          effect = function()
            if R.apply_doctrine(s, "unmarked") then F.track.add("reputation", -6); F.track.add("alliance_cohesion", -2) end end }),
        opt("doctrine", "remote", { effect = apply("remote") }),
        opt("doctrine", "remote_backup", { cost = { budget = 20 }, effect = apply("remote_backup") }),
      } })
  end
  card("alternatives", "council", {
    when = function() return stage() == "peace" and quarter() end,
    options = {
      opt("alternatives", "none"),
      opt("alternatives", "obstacles", { cost = { budget = P.obst_cost },
        requires = function() return F.area.get("narva", "obst") + V("obst_build", 0) * P.obst_step < P.obst_max end,
        effect = function() F.var.add("obst_build", P.obst_months) end }),
      opt("alternatives", "sensors", { cost = { budget = 80 },
        effect = function() F.var.set("sensors", math.min(3, V("sensors", 0) + 1)) end }),
      opt("alternatives", "host_allies", { cost = { budget = 100 },
        effect = function() F.track.add("alliance_cohesion", 4); F.var.add("host", 1) end }),
    } })
  card("protection", "council", {
    when = function() return stage() == "peace" and quarter() and (V("treaty") == "out") end,
    options = {
      opt("protection", "none"),
      opt("protection", "mark_all", { cost = { budget = 40 }, requires = function() return V("k_unmarked", 0) > 0 end,
        effect = function()
          for _, a in ipairs(M.BORDER_AREAS) do
            local u = F.area.get(a, "ap_unmarked")
            if u > 0 then F.area.set(a, "ap_unmarked", 0); F.area.add(a, "ap_marked", u) end
          end
          F.var.add("k_marked", V("k_unmarked")); F.var.set("k_unmarked", 0)
          F.track.add("reputation", 3) end }),
      opt("protection", "education", { cost = { budget = 10 },
        effect = function() F.var.set("education", true); F.track.add("reputation", 1) end }),
      opt("protection", "transparency", { cost = { budget = 2 },
        effect = function() F.track.add("reputation", 2); F.track.add("alliance_cohesion", 1) end }),
    } })

  -- ---------------- council: crisis and war
  card("crisis_measures", "council", {
    when = function() return stage() == "crisis" end,
    options = {
      opt("crisis_measures", "hold"),
      opt("crisis_measures", "emplace", { requires = function()
          return V("treaty") == "out" and not V("rapid_done", false) and V("stockpile", 0) > 0 end,
        effect = function() R.rapid_emplace(1); R.assess() end }),
      opt("crisis_measures", "evacuate", { cost = { budget = 30 }, requires = function() return not V("evacuated", false) end,
        effect = function() F.var.set("evacuated", true) end }),
    } })
  card("war_measures", "council", {
    when = function() return stage() == "war" end,
    options = {
      opt("war_measures", "fight"),
      opt("war_measures", "evacuate", { cost = { budget = 30 }, requires = function() return not V("evacuated", false) end,
        effect = function() F.var.set("evacuated", true) end }),
    } })

  -- ---------------- council: aftermath
  -- a three-year mine action plan: decided in aftermath years 1, 4, 7, ...
  local function plan_year() return stage() == "after" and V("year", 0) % 3 == 1 end
  card("programme", "council", {
    when = plan_year,
    options = {
      opt("programme", "minimal", { effect = function() F.var.set("clear_cap", 0) end }),
      opt("programme", "clear_low", { cost = { budget = P.clear_low * P.clear_cost_km2 },
        effect = function() F.var.set("clear_cap", P.clear_low) end }),
      opt("programme", "clear_high", { cost = { budget = P.clear_high * P.clear_cost_km2 },
        effect = function() F.var.set("clear_cap", P.clear_high); F.track.add("reputation", 1) end }),
      opt("programme", "full", { cost = { budget = P.clear_high * P.clear_cost_km2 + 30 },
        effect = function()
          F.var.set("clear_cap", P.clear_high); F.var.set("education", true)
          F.track.add("reputation", 2) end }),
    } })
  card("rejoin", "council", { once = true, source = "ottawa",
    when = function() return stage() == "after" and V("treaty") == "out" and V("year", 0) >= 2 end,
    options = {
      opt("rejoin", "stay_out"),
      opt("rejoin", "rejoin", { effect = function()
        F.var.set("treaty", "rejoined"); F.track.add("reputation", 15); F.track.add("alliance_cohesion", 2) end }),
    } })

  -- ---------------- allies
  card("posture", "allies", { once = true, source = "rand",
    options = {
      opt("posture", "historical", { effect = function() F.var.set("posture", "historical"); R.update_forces(); R.assess() end }),
      opt("posture", "seven_brigades", { effect = function() F.var.set("posture", "seven_brigades"); R.update_forces(); R.assess() end }),
      opt("posture", "rand_2016", { effect = function() F.var.set("posture", "rand_2016"); R.update_forces(); R.assess() end }),
    } })
  card("commitment", "allies", {
    when = function() return stage() == "peace" and V("month", 0) % 6 == 3 end,
    options = {
      opt("commitment", "hold"),
      opt("commitment", "forward_brigade", { delay = "6 months",
        requires = function() return F.track.get("alliance_cohesion") >= 60 and V("added", 0) < 3 end,
        effect = function()
          F.var.add("added", 1)
          local ax = ({ "north", "riga", "gap" })[V("added")]
          F.var.add("extra_" .. ax, P.light)
          R.update_forces()
          log(T.log.brigade, F.area.get(ax == "north" and "tallinn" or ax == "riga" and "riga" or "suwalki_gap").name) end }),
    } })
  card("crisis_surge", "allies", {
    when = function() return stage() == "crisis" and V("surge", 0) == 0 end,
    options = {
      opt("crisis_surge", "wait"),
      opt("crisis_surge", "surge", { effect = function() F.var.set("surge", 1); F.track.add("alliance_cohesion", 2); R.assess() end }),
    } })
  card("war_support", "allies", {
    when = function() return stage() == "war" end,
    options = {
      opt("war_support", "air", { effect = function() F.var.set("air", 1) end }),
      opt("war_support", "hold", { effect = function() F.var.set("air", 0) end }),
    } })

  -- ---------------- humanitarian community
  card("campaign", "humanitarian", { source = "icbl",
    when = function() return stage() == "peace" and quarter() end,
    options = {
      opt("campaign", "quiet"),
      opt("campaign", "public", { effect = function()
        F.track.add("reputation", -2); F.track.add("alliance_cohesion", -1) end }),
      opt("campaign", "support", { requires = function() return F.track.get("mines_emplaced") > 0 end,
        effect = function() F.var.set("education", true) end }),
    } })
  card("aid", "humanitarian", { source = "lm2024",
    when = plan_year,
    options = {
      opt("aid", "advocacy", { effect = function() F.var.set("ngo_cap", 0); F.track.add("reputation", -1) end }),
      opt("aid", "fund", { requires = function() return V("sus", 0) > 0 end,
        effect = function() F.var.set("ngo_cap", P.ngo_clear) end }),
    } })

  -- ---------------- adversary
  card("adv_posture", "adversary", {
    when = function() return stage() == "peace" end,
    options = {
      opt("adv_posture", "wait"),
      opt("adv_posture", "probe", { effect = R.pushback }),
      opt("adv_posture", "crisis", { requires = function() return V("crises", 0) < 2 end, effect = R.start_crisis }),
      opt("adv_posture", "attack", { effect = function() R.start_war(true) end }),
    } })
  card("adv_crisis", "adversary", {
    when = function() return stage() == "crisis" end,
    options = {
      opt("adv_crisis", "hold", { requires = function() return V("crisis_day", 0) < cfg.crisis_days end }),
      opt("adv_crisis", "attack", { effect = function() R.start_war(false) end }),
      opt("adv_crisis", "stand_down", { effect = function()
          if gap then R.end_peace() else R.end_crisis() end end }),
    } })

  -- ---------------- events
  event { id = "briefing", title = T.ev.briefing.title, once = true, source = "statement",
    text = T.ev.briefing[cfg.mode] }
  event { id = "parliaments", title = T.ev.parliaments.title, source = "votes",
    when = function() return V("treaty") == "recommended" and F.game.date() >= "2025-06-01" end,
    text = T.ev.parliaments.text,
    effect = function() F.var.set("treaty", "voted") end }
  event { id = "month", title = T.ev.month.title, on = "turn_start",
    when = function() return stage() == "peace" end, effect = R.peace_month }
  event { id = "crisis_day", title = T.ev.crisis_day.title, on = "turn_start",
    when = function() return stage() == "crisis" end,
    effect = function() F.var.add("crisis_day", 1); R.update_forces(); R.assess() end }
  event { id = "withdrawal_effective", title = T.ev.withdrawal.title, source = "ottawa", on = "turn_start",
    when = function()
      local d = V("notice_date")
      if V("treaty") ~= "notice" or not d then return false end
      local y, m = tonumber(d:sub(1, 4)), tonumber(d:sub(6, 7))
      local cy, cm = F.game.ymd()
      return (cy - y) * 12 + (cm - m) >= 6
    end,
    text = function()
      if stage() == "war" then return T.ev.withdrawal.blocked end
      return T.ev.withdrawal.text
    end,
    effect = function()
      if stage() == "war" then F.var.set("treaty", "blocked"); F.var.set("art20_blocked", true); return end
      F.var.set("treaty", "out"); F.var.set("out_month", V("month", 0))
      F.track.add("alliance_cohesion", -2)
    end }
  event { id = "pushback_report", title = T.ev.pushback.title, on = "turn_end",
    when = function() return V("last_push_area") ~= nil end,
    text = function()
      local a, c = V("last_push_area"), V("last_push_cas", 0)
      if c > 0 then return string.format(T.ev.pushback.harm, F.area.get(a).name, c) end
      return string.format(T.ev.pushback.safe, F.area.get(a).name)
    end,
    effect = function() F.var.set("last_push_area", nil) end }
  event { id = "war_day", title = T.ev.war_day.title, on = "turn_end",
    when = function() return stage() == "war" end, effect = R.war_day }
  event { id = "peace_end", title = T.ev.peace_end.title, on = "turn_end",
    when = function() return stage() == "peace" and F.game.date() >= cfg.peace_end end,
    text = T.ev.peace_end.text, effect = R.end_peace }
  event { id = "year", title = T.ev.year.title, on = "turn_start",
    when = function() return stage() == "after" end, effect = R.aftermath_year }
  if not gap then
    event { id = "summit", title = T.ev.summit.title, on = "date:2025-06-24", text = T.ev.summit.text, source = "efp",
      effect = function() F.track.add("alliance_cohesion", 3) end }
  end

  -- ---------------- map views: consequences shown on the board
  local O = T.overlays
  overlay { id = "mines", name = O.mines.name, prop = "ap", max = P.field_kmines, unit = O.mines.unit, text = O.mines.text }
  overlay { id = "obstacles", name = O.obstacles.name, prop = "obst", max = P.obst_max, unit = O.obstacles.unit,
            text = O.obstacles.text }
  overlay { id = "contamination", name = O.contamination.name, prop = "sus", unit = O.contamination.unit,
            max = P.field_kmines * P.km2_per_kmine * P.suspect_unrecorded, text = O.contamination.text }

  -- ---------------- endings (chosen by the rules with flank.game.finish)
  for _, e in ipairs { "deterrence_held", "line_held", "territory_lost" } do
    ending { id = e, title = T.endings[e].title, default = e == "deterrence_held" or nil,
      text = function() return R.debrief(e) end }
  end
end

-- ------------------------------------------------------------------ debrief

-- What happened, why (the decisions that mattered) and the sources, in numbers.
function R.debrief(e)
  local D = T.debrief
  local t = F.track.all()
  local parts = { T.endings[e].text }
  local tr = V("treaty")
  parts[#parts + 1] = string.format(D.treaty[tr] or D.treaty.other)
  local stock, ground = t.mines_stockpiled, t.mines_emplaced
  parts[#parts + 1] = string.format(D.mines, ground * 1000, stock * 1000)
  if e ~= "deterrence_held" then
    parts[#parts + 1] = string.format(D.war, V("war_day", 0), t.civilian_casualties_war, t.territory_held)
    if t.hours_to_capital > 0 and t.hours_to_capital < 999 then
      parts[#parts + 1] = string.format(D.capital, t.hours_to_capital)
    end
    if V("gap_closed", false) then parts[#parts + 1] = D.gap end
  end
  parts[#parts + 1] = string.format(D.legacy, V("years", 20), t.civilian_casualties_postwar, t.contaminated_km2,
    t.cleared_km2, t.civilian_casualties_peace)
  parts[#parts + 1] = string.format(D.deterrence, t.deterrence, t.alliance_cohesion, t.reputation)
  local why, W = {}, D.why_items
  for _, s in ipairs(M.SECTORS) do
    local d = F.area.get(s.areas[1], "doctrine") or "none"
    if d ~= "none" then why[#why + 1] = string.format(W.doctrine, T.sectors[s.id], D.doctrines[d] or d) end
  end
  local o = F.area.get("narva", "obst") or 0
  if o > 0 then why[#why + 1] = string.format(W.obstacles, o) end
  if V("added", 0) > 0 then why[#why + 1] = string.format(W.brigades, V("added")) end
  if e ~= "deterrence_held" then
    if V("rapid_done", false) then why[#why + 1] = W.rapid end
    if V("surprise", false) then why[#why + 1] = W.surprise end
  end
  if V("education", false) then why[#why + 1] = W.education end
  if F.track.get("cleared_km2") > 0 then why[#why + 1] = W.clearance end
  if #why > 0 then parts[#parts + 1] = string.format(D.why, table.concat(why, "; ")) end
  parts[#parts + 1] = D.sources
  return table.concat(parts, " ")
end

return R
