-- Eastern Flank definitions: scenario, sides, tracks, cards, events, views and endings.

local F = flank
local C = require "eastern_flank/common"
local Q = require "eastern_flank/params"
local L = require "eastern_flank/law"
local Mi = require "eastern_flank/mines"
local R, T, M, P, V, log = C.R, C.T, C.M, C.P, C.V, C.log
local sources = require "eastern_flank/sources"

-- What a card's money buys, for the debrief's account (R.spent_on); by card, or card.option.
local SPENT_ON = { production = "production", ["alternatives.sensors"] = "sensors", ["alternatives.host_allies"] = "allies",
  protection = "protection", crisis_measures = "evacuation", war_measures = "evacuation", programme = "mine_action" }

-- An option with its words from text_en.lua. Its budget cost is also added to the
-- "spent" track, so every choice's cost shows in the total.
local function opt(card, id, t)
  t = t or {}
  local s = T.dec[card].opt[id]
  t.id, t.label, t.text = id, s.label, s.text
  t.preview = t.preview or s.preview
  t.source = nil
  local own = t.own_budget   -- requires and effect check and count the money themselves
  t.own_budget = nil
  if type(t.cost) == "function" and not own then
    -- the engine checks a cost that depends on the target once the target is chosen; say
    -- so before, too, so that an option the budget cannot pay for is shown as unavailable
    local cost, req = t.cost, t.requires
    t.requires = function(a)
      local c = cost(a).budget or 0
      if c > F.track.get("budget") then return false, string.format(T.why.budget, C.money(c), C.money(F.track.get("budget"))) end
      if req then return req(a) end
      return true
    end
  end
  if t.cost and not own then
    local cost, eff = t.cost, t.effect
    t.effect = function(...)
      local c = type(cost) == "function" and cost(...) or cost
      if c.budget and c.budget > 0 then
        F.track.add("spent", c.budget)
        R.spent_on(SPENT_ON[card .. "." .. id] or SPENT_ON[card] or "other", c.budget)
      end
      if eff then return eff(...) end
    end
  end
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

-- Map marks of context (drawn again when the war's marks are cleared): Finland once it has
-- given notice, labelled once, on Helsinki.
-- Finland's withdrawal, on Helsinki's area only (three filled areas read as a mined region in
-- the AP-mines view), in the future tense until it takes effect.
function R.context_marks()
  if not V("finland_marked", false) then return end
  F.map.highlight("helsinki", { style = "normal", label = V("finland_out", false) and T.ev.finland.label_out or T.ev.finland.label })
end

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
  Q.define()
  for _, q in ipairs(T.questions) do question(q) end
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
  tr("reputation", { min = 0, max = 100, start = 80, unit = "%", better = "higher" })   -- an assumption (the model doc)
  -- no "better": money left unspent is not a result (a cold student read "Budget: better than in 58%" beside
  -- a lost Rīga); "spent" (lower is better) is the cost of a policy
  tr("budget", { min = 0, max = 100000, start = Q.budget_start, unit = "US$ M", source = "eastshield" })
  tr("spent", { min = 0, max = 1e9, start = 0, unit = "US$ M", better = "lower", source = "eastshield" })
  tr("territory_held", { min = 0, max = 100, start = 100, unit = "%", better = "higher" })
  tr("civilian_casualties_peace", { min = 0, max = 1e9, start = 0, unit = "people", unit_one = "person", better = "lower" })
  tr("civilian_casualties_war", { min = 0, max = 1e9, start = 0, unit = "people", unit_one = "person", better = "lower" })
  tr("civilian_casualties_postwar", { min = 0, max = 1e9, start = 0, unit = "people", unit_one = "person", better = "lower", source = "lm2024" })
  tr("contaminated_km2", { min = 0, max = 1e9, start = 0, unit = "km²", better = "lower", source = "lm2024" })
  tr("cleared_km2", { min = 0, max = 1e9, start = 0, unit = "km²", better = "higher", visible = false })
  tr("mines_stockpiled", { min = 0, max = 1e9, start = 0, unit = "thousand", visible = false })
  tr("mines_emplaced", { min = 0, max = 1e9, start = 0, unit = "thousand", visible = false })
  tr("hours_to_capital", { min = 0, max = 999, start = 0, unit = "h", visible = false, source = "rand" })
  tr("rapid_overrun", { min = 0, max = 1, start = 0, visible = false, source = "rand" })

  -- the properties a player reads; the rest (fail, unrec, haz_*, rec, fought) are rule bookkeeping
  for _, k in ipairs { "obst", "at_km", "ap", "ap_marked", "ap_unmarked", "ap_remote", "plan_k", "doctrine", "uxo", "sus" } do
    local pr = T.props[k]
    property { id = k, name = pr.name, unit = pr.unit, text = pr.text, values = pr.values }
  end
  piece_type { id = "minefield", name = T.pieces.minefield, symbol = "minefield" }
  -- the war's counters and the brigades' positioning card (war.lua)
  R.war.define_pieces()
  R.war.define_deploy()

  -- initial owners: the four states are the council's, Russia and Belarus the adversary's
  local border = {}
  for _, a in ipairs(M.BORDER_AREAS) do border[a] = true end
  for _, a in ipairs(M.COUNCIL_IDS) do
    area { id = a, owner = "council", important = M.KEY_AREAS[a],
      props = border[a] and { obst = 0, ap = 0, ap_marked = 0, ap_unmarked = 0,
      ap_remote = 0, plan_k = 0, doctrine = "none", uxo = 0, at_km = 0, unrec = 0 } or nil }
  end
  for _, a in ipairs(M.ADVERSARY_IDS) do area { id = a, owner = "adversary", important = M.KEY_AREAS[a] } end

  setup(function()
    F.var.set("stage", gap and "crisis" or "peace")
    F.var.set("treaty", gap and "out" or "party")
    F.var.set("month", 0)
    F.var.set("areas_lost", 0)
    F.var.set("years", cfg.years)
    -- the adversary's appetite for risk: uniform within 0.35 of the "resolve" parameter (ASSUMPTION)
    F.var.set("resolve", math.min(1, 0.3 + 0.7 * F.rng.random() + (Q.get("resolve") - 0.65)))
    F.var.set("red_draw", F.rng.normal(0, 1))   -- the attacker's size, scaled once the posture is known
    F.var.set("stockpile", gap and 240 or 0)
    F.var.set("crises", gap and 1 or 0)
    F.var.set("crisis_day", 0)
    F.var.set("eng_km", Q.eng_month)
    for _, st in ipairs(L.STATES) do F.var.set("tr_" .. st.id, gap and "out" or "party") end
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
  end)

  -- ---------------- council: the treaty timeline (law.lua keeps the dates)
  card("statement", "council", { once = true, source = "statement",
    when = function() return V("stage") == "peace" end,
    options = {
      opt("statement", "withdraw", { effect = function()
        F.var.set("treaty", "recommended")
        F.track.add("reputation", -5); F.track.add("alliance_cohesion", -2) end }),
      opt("statement", "reaffirm", { effect = function()
        for _, st in ipairs(L.STATES) do F.var.set("tr_" .. st.id, "stay") end
        L.sum_up()
        F.track.add("reputation", 5) end }),
    } })
  card("notice", "council", { source = "ottawa",
    when = function()
      local t = V("treaty")
      return V("stage") ~= "after" and (t == "recommended" or t == "voted") and not L.planned()
    end,
    options = {
      opt("notice", "deposit", { effect = L.deposit }),
      opt("notice", "hold"),
    } })
  -- during the six months, each quarter: keep the notices or take them back
  card("retract", "council", { source = "icbl",
    when = function() return V("stage") == "peace" and quarter() and L.retractable() end,
    options = {
      opt("retract", "keep"),
      opt("retract", "retract", { effect = L.retract }),
    } })

  -- ---------------- council: production first, so the fields card sees what is in store
  card("production", "council", {
    when = function() return V("stage") == "peace" and V("treaty") == "out" and quarter() end,
    options = {
      opt("production", "none", { effect = function() F.var.set("production", 0) end }),
      opt("production", "low", { effect = function() F.var.set("production", P.prod_low) end }),
      opt("production", "high", { effect = function() F.var.set("production", P.prod_high); F.track.add("reputation", -3) end }),
    } })

  -- ---------------- council: fields on the board, area by area (an orders phase)
  -- One option per kind of field; it takes one or more areas (target "areas"): the areas are
  -- served in the order chosen while engineers, mines and money last (Mi.fit), and the card
  -- is offered again until Done.
  local function field_opt(kind)
    local function names(list)
      local n = {}
      for _, a in ipairs(list) do n[#n + 1] = F.area.get(a, "name") end
      return table.concat(n, ", ")
    end
    -- what an order costs: the areas it can serve, and their money
    local function priced(list)
      local fit = Mi.fit(kind, list)
      return fit, Mi.cost_of(kind, fit)
    end
    local o = opt("fields", kind, { target = "areas", min = 1, max = #M.BORDER_AREAS, again = true, own_budget = true,
      legal = function() return Mi.legal(kind) end,
      requires = function(list)
        if not list then return Mi.open(kind) end
        local fit, c = priced(list)
        if c > F.track.get("budget") then return false, string.format(T.why.budget, C.money(c), C.money(F.track.get("budget"))) end
        if #fit == 0 then return false, (T.fields.why.none_fits) end
        return true
      end,
      cost = function(list)
        if not list then return { budget = 0 } end
        local _, c = priced(list)
        return { budget = c }
      end,
      preview = function(list)
        if not list then
          if kind == "marked" or kind == "unmarked" or kind == "stockpile" then   -- (remote: its own rounds)
            return string.format(T.fields.preview0_ap, C.money(Mi.cost(kind)), C.num(Mi.km_needed(kind)),
              C.num(V("stockpile", 0) * 1000))
          end
          return string.format(T.fields.preview0, C.money(Mi.cost(kind)), C.num(Mi.km_needed(kind)))
        end
        local fit = Mi.fit(kind, list)
        local c = Mi.cost_of(kind, fit)
        local s2 = string.format(T.fields.preview, names(fit), C.money(c), C.num(Mi.km_needed(kind) * #fit),
          C.num(V("eng_km", 0) + V("eng_allied_km", 0)),
          (L.field_status(kind, fit[1]):gsub(" %[@[^%]]*%]", ""):gsub("%.$", "")))   -- citations are on the card
        if #fit < #list then
          local left, inf = {}, {}
          for _, a in ipairs(fit) do inf[a] = true end
          for _, a in ipairs(list) do if not inf[a] then left[#left + 1] = a end end
          s2 = s2:gsub("%.?$", ".") .. " " .. string.format(T.fields.left_out_preview or T.fields.left_out, names(left))   -- the status lost its full stop
        end
        return s2
      end,
      effect = function(list)
        local fit, c = priced(list)
        if c > 0 then F.track.add("spent", c); R.spent_on(kind == "at" and "obstacles" or "fields", c) end
        for _, a in ipairs(fit) do Mi.order(kind, a) end
        if #fit < #list then   -- say so: the order named them all (a student thought all were laid)
          local got, left = {}, {}
          for _, a in ipairs(fit) do got[a] = true end
          for _, a in ipairs(list) do if not got[a] then left[#left + 1] = a end end
          log(T.fields.left_out, names(left))
        end
        R.assess()
      end })
    if kind ~= "done" then o.text = o.text .. " " .. T.law.status[kind] end   -- its legal status, always shown
    return o
  end
  card("fields", "council", { source = "apii",
    when = function() return V("stage") == "peace" and quarter() end,
    options = { opt("fields", "done"), field_opt("at"), field_opt("marked"), field_opt("unmarked"), field_opt("remote"),
      field_opt("stockpile"), field_opt("lift") } })

  -- ---------------- council: quarterly budget cards (peace)
  card("alternatives", "council", {
    when = function() return V("stage") == "peace" and quarter() end,
    options = {
      opt("alternatives", "none"),
      opt("alternatives", "sensors", { cost = { budget = Q.sensors_cost },
        requires = function() return V("sensors", 0) < 3, T.why.sensors_max end,
        effect = function() F.var.set("sensors", math.min(3, V("sensors", 0) + 1)) end }),
      opt("alternatives", "host_allies", { cost = { budget = Q.host_cost },
        effect = function() F.track.add("alliance_cohesion", 4); F.var.add("host", 1) end }),
    } })
  card("protection", "council", {
    when = function() return V("stage") == "peace" and quarter() and (V("treaty") == "out") end,
    options = {
      opt("protection", "none"),
      opt("protection", "mark_all", { cost = function() return { budget = V("k_unmarked", 0) / P.field_kmines * 8.4 } end,
        requires = function() return V("k_unmarked", 0) > 0, T.why.nothing_unmarked end,
        effect = function()
          for _, a in ipairs(M.BORDER_AREAS) do
            local u = F.area.get(a, "ap_unmarked")
            if u > 0 then
              F.area.set(a, "ap_unmarked", 0); F.area.add(a, "ap_marked", u); F.area.set(a, "unrec", 0)
              F.area.set(a, "doctrine", "marked")
            end
          end
          F.var.add("k_marked", V("k_unmarked")); F.var.set("k_unmarked", 0)
          F.track.add("reputation", 3) end }),
      opt("protection", "education", { cost = { budget = 10 }, requires = function() return not V("education", false), T.why.done end,
        effect = function() F.var.set("education", true); F.track.add("reputation", 1) end }),
      opt("protection", "transparency", { cost = { budget = 2 },
        effect = function() F.track.add("reputation", 2); F.track.add("alliance_cohesion", 1) end }),
    } })

  -- ---------------- the four states: they follow the council unless a person (or a policy)
  -- plays one of them; a state may refuse AP fields in its own sector.
  for _, sec in ipairs(M.SECTORS) do
    card("national_" .. sec.id, sec.id, { text_of = "national", sector = sec.id, phase = "national", source = "ottawa",
      when = function()
        return V("stage") == "peace" and quarter() and L.out(sec.id)
      end,
      options = {
        opt("national", "follow"),
        opt("national", "veto", { requires = function() return not V("veto_" .. sec.id, false), T.why.done end,
          effect = function()
            F.var.set("veto_" .. sec.id, true)
            for _, a in ipairs(sec.areas) do if (F.area.get(a, "ap") or 0) > 0 or F.area.get(a, "doctrine") ~= "at" then
              if F.area.get(a, "doctrine") ~= "none" and F.area.get(a, "doctrine") ~= "at" then Mi.order("lift", a) end
            end end
            F.track.add("reputation", 1); R.assess() end }),
        opt("national", "unveto", { requires = function() return V("veto_" .. sec.id, false), T.why.no_veto end,
          effect = function() F.var.set("veto_" .. sec.id, false) end }),
      } })
  end

  -- ---------------- council: crisis and war
  card("crisis_measures", "council", {
    when = function() return V("stage") == "crisis" end,
    options = {
      opt("crisis_measures", "hold"),
      opt("crisis_measures", "emplace", { requires = function()
          if V("treaty") ~= "out" then return false, (T.why.party) end
          return Mi.to_lay(), T.why.nothing_to_lay end,
        effect = function() R.rapid_emplace(1, Q.get("emplace_speed")); R.assess() end }),
      opt("crisis_measures", "evacuate", { cost = { budget = 30 }, requires = function() return not V("evacuated", false), T.why.done end,
        effect = function() F.var.set("evacuated", true) end }),
    } })
  card("war_measures", "council", {
    when = function() return V("stage") == "war" end,
    options = {
      opt("war_measures", "fight"),
      opt("war_measures", "evacuate", { cost = { budget = 30 }, requires = function() return not V("evacuated", false), T.why.done end,
        effect = function() F.var.set("evacuated", true) end }),
    } })

  -- ---------------- council: aftermath
  -- a three-year mine action plan, decided in aftermath years 1, 4, 7, ... while anything
  -- is contaminated (years with nothing to decide pass without a card)
  local function plan_year() return V("stage") == "after" and V("year", 0) % 3 == 1 and V("sus", 0) > 0.05 end
  local function plan_cost(share, extra)
    return function() return { budget = 3 * share * Q.get("clear_speed") * Q.get("clear_cost") + (extra or 0) } end
  end
  card("programme", "council", {
    when = plan_year,
    options = {
      opt("programme", "minimal", { effect = function() F.var.set("clear_cap", 0) end }),
      opt("programme", "clear_low", { cost = plan_cost(0.25),
        effect = function() F.var.set("clear_cap", 0.25 * Q.get("clear_speed")) end }),
      opt("programme", "clear_high", { cost = plan_cost(1),
        effect = function() F.var.set("clear_cap", Q.get("clear_speed")); F.track.add("reputation", 1) end }),
      opt("programme", "full", { cost = plan_cost(1, 30),
        effect = function()
          F.var.set("clear_cap", Q.get("clear_speed")); F.var.set("education", true)
          F.track.add("reputation", 2) end }),
    } })
  card("rejoin", "council", { once = true, source = "ottawa",
    when = function() return V("stage") == "after" and V("treaty") == "out" and V("year", 0) >= 2 end,
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
  -- A brigade decided now arrives in six months, if there is still somewhere to send it:
  -- not after the ceasefire, not to an occupied city.
  local DEST = { north = "tallinn", riga = "riga", gap = "suwalki_gap" }
  card("commitment", "allies", {
    when = function() return V("stage") == "peace" and V("month", 0) % 6 == 3 end,
    options = {
      opt("commitment", "hold"),
      opt("commitment", "forward_brigade", { delay = "6 months",
        requires = function()
          if V("added", 0) >= 3 then return false, (T.why.brigades_max) end
          return F.track.get("alliance_cohesion") >= 60, T.why.cohesion
        end,
        effect = function()
          local ax = ({ "north", "riga", "gap" })[V("added", 0) + 1]
          local dest = DEST[ax]
          if V("stage") == "after" or F.area.owner(dest) ~= "council" then
            local name = F.area.get(dest, "name")
            if V("stage") == "after" then log(T.log.brigade_too_late, name) else log(T.log.brigade_cancelled, name, name) end
            return
          end
          F.var.add("added", 1)
          F.var.add("extra_" .. ax, P.light)
          R.update_forces()
          -- named where its counter will stand (the log said Tallinn, the board showed it at Narva)
          log(T.log.brigade, F.area.get(R.war.FORWARD[ax] or dest, "name"), C.money(Q.brigade_upkeep_year)) end }),
    } })
  card("crisis_surge", "allies", {
    when = function() return V("stage") == "crisis" and V("surge", 0) == 0 end,
    options = {
      opt("crisis_surge", "wait"),
      opt("crisis_surge", "surge", { effect = function() F.var.set("surge", 1); F.track.add("alliance_cohesion", 2); R.assess() end }),
    } })
  card("war_support", "allies", {
    when = function() return V("stage") == "war" end,
    options = {
      opt("war_support", "air", { requires = function() return F.track.get("alliance_cohesion") >= 40, T.why.air end,
        effect = function() F.var.set("air", 1) end }),
      opt("war_support", "hold", { effect = function() F.var.set("air", 0) end }),
    } })

  -- ---------------- humanitarian community
  card("campaign", "humanitarian", { source = "icbl",
    when = function() return V("stage") == "peace" and quarter() end,
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
      opt("aid", "fund", { requires = function() return F.track.get("reputation") >= 40, T.why.donors end,
        effect = function() F.var.set("ngo_cap", P.ngo_clear) end }),
    } })

  -- ---------------- adversary
  card("adv_posture", "adversary", {
    when = function() return V("stage") == "peace" end,
    options = {
      opt("adv_posture", "wait"),
      opt("adv_posture", "probe", { effect = R.pushback }),
      opt("adv_posture", "crisis", { requires = function() return V("crises", 0) < 2 end, effect = R.start_crisis }),
      opt("adv_posture", "attack", { effect = function() R.start_war(true) end }),
    } })
  card("adv_crisis", "adversary", {
    when = function() return V("stage") == "crisis" end,
    options = {
      opt("adv_crisis", "hold", { requires = function() return V("crisis_day", 0) < cfg.crisis_days end }),
      opt("adv_crisis", "attack", { effect = function() R.start_war(false) end }),
      opt("adv_crisis", "stand_down", { effect = function()
          if gap then R.end_peace() else R.end_crisis() end end }),
    } })

  -- ---------------- events
  event { id = "briefing", title = T.ev.briefing.title, once = true, source = "statement",
    text = T.ev.briefing[cfg.mode] }
  event { id = "month", title = T.ev.month.title, on = "turn_start", silent = true,
    when = function() return V("stage") == "peace" end, effect = R.peace_month }
  event { id = "crisis_day", title = T.ev.crisis_day.title, on = "turn_start", silent = true,
    when = function() return V("stage") == "crisis" end,
    effect = function() F.var.add("crisis_day", 1); R.update_forces(); R.assess() end }
  -- the first day of a crisis stops the player (a cold student sped from a month of peace into
  -- a war in one key press): turns are days now, and the adversary may attack on any of them
  event { id = "crisis_begins", title = T.ev.crisis_begins.title, on = "turn_start",
    when = function() return V("stage") == "crisis" and V("crisis_day", 0) == 1 end, text = T.ev.crisis_begins.text }
  if not gap then
    -- context the council does not decide, each reported in the first turn after its date
    local function after(d) return function() return F.game.date() > d end end
    -- (in date order: a war's aftermath moves a year at a time and may report several at once)
    event { id = "finland", title = T.ev.finland.title, once = true, source = "votes", when = after(L.FINLAND.notice),
      text = T.ev.finland.text, effect = function() F.var.set("finland_marked", true); R.context_marks() end }
    event { id = "ukraine", title = T.ev.ukraine.title, once = true, source = "hrw2025", when = after("2025-07-25"),
      text = T.ev.ukraine.text }
    event { id = "lm2025", title = T.ev.lm2025.title, once = true, source = "lm2025", when = after("2025-12-02"),
      text = T.ev.lm2025.text }
    event { id = "finland_out", title = T.ev.finland_out.title, once = true, source = "votes",
      when = after(L.FINLAND.effective), text = T.ev.finland_out.text,
      effect = function() F.var.set("finland_out", true); R.refresh_marks() end }
  end
  event { id = "pushback_report", title = T.ev.pushback.title, on = "turn_end",
    when = function() return V("last_push_area") ~= nil end,
    text = function()
      local a, c = V("last_push_area"), V("last_push_cas", 0)
      if c > 0 then return string.format(T.ev.pushback.harm, F.area.get(a, "name"), c) end
      return string.format(T.ev.pushback.safe, F.area.get(a, "name"))
    end,
    effect = function() F.var.set("last_push_area", nil) end }
  event { id = "war_day", title = T.ev.war_day.title, on = "turn_end",
    when = function() return V("stage") == "war" end, text = function() return R.war_report() end, effect = R.war_day }
  event { id = "peace_end", title = T.ev.peace_end.title, on = "turn_end",
    when = function() return V("stage") == "peace" and F.game.date() >= cfg.peace_end end,
    text = T.ev.peace_end.text, effect = R.end_peace }
  event { id = "year", title = T.ev.year.title, on = "turn_start", silent = true,
    when = function() return V("stage") == "after" end, effect = R.aftermath_year }
  if not gap then
    -- the Hague summit of 24-25 June 2025 [@hague2025]
    event { id = "summit", title = T.ev.summit.title, on = "date:2025-06-24", text = T.ev.summit.text, source = "hague2025",
      effect = function() F.track.add("alliance_cohesion", 3) end }
  end

  -- ---------------- map views: consequences shown on the board
  local O = T.overlays
  overlay { id = "mines", name = O.mines.name, prop = "ap", max = P.field_kmines, unit = O.mines.unit, text = O.mines.text }
  -- fields bought but not in the ground (stockpile, remotely delivered): the id marks them on
  -- the board apart from laid ones (docs/ui.md, marks of area properties)
  overlay { id = "mines_planned", name = O.mines_planned.name, prop = "plan_k", max = P.field_kmines,
            unit = O.mines_planned.unit, text = O.mines_planned.text }
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

