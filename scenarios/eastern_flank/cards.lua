-- Eastern Flank definitions: scenario, sides, tracks, cards, events, views and endings.

local F = flank
local C = require "eastern_flank/common"
local R, T, M, P, V, log, stage = C.R, C.T, C.M, C.P, C.V, C.log, C.stage
local sources = require "eastern_flank/sources"


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
  piece_type { id = "brigade", name = T.pieces.brigade, symbol = "armour" }

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
    R.set_totals()
    R.assess()
    F.piece.add { type = "brigade", area = "vilnius", side = "allies", props = { name = "Panzerbrigade 45" } }
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

