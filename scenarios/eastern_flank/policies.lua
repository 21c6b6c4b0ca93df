-- AI policies for eastern_flank and suwalki_gap. A policy maps a decision to an
-- option id; policies only read the game (flank.var/track/area getters).
--
-- Council policies (they lay fields on the board, area by area, with the "fields" card):
--   stay_in_treaty            stay a party; anti-tank belts on the northern axes, a sensor layer
--   stay_fortify              stay a party; anti-tank belts everywhere (the expensive lawful denial)
--   stockpile_only            withdraw; produce; keep mines in stores for crisis laying
--   marked_fields             withdraw; lay marked, fenced, recorded fields (APII)
--   remote_fields             withdraw; plan remotely delivered mines (self-destruct + self-deactivation)
--   mass_unmarked             withdraw; produce a lot; lay unmarked fields everywhere
--   no_mines_allied_presence  stay a party; host allies (the allies' policy of the same id adds brigades)
--   default                   the 2025 path: withdraw, stockpile, obstacles, education
--   bare                      calibration: stay a party and build nothing
-- The four states: no default; they follow the council (the first option) unless a person
-- or the "veto" policy plays them.
-- Allies: default, no_mines_allied_presence, rand_2016, seven_brigades (RAND calibration).
-- Adversary: default (weighs success against cost), attack_now (calibration), restrained.
-- Humanitarian community: default.

local F = flank
local Mi = require "eastern_flank/mines"   -- what a field order costs (read only)
local M = require "eastern_flank/model"    -- the adversary's readiness
local P = {}

-- The first available option among the preferred ids, else the first available one.
local function pick(d, prefs)
  for _, want in ipairs(prefs) do
    for _, o in ipairs(d.options) do
      if o.id == want and o.available then return want end
    end
  end
  for _, o in ipairs(d.options) do
    if o.available then return o.id end
  end
end

-- The border areas, the two northern axes first (Narva-Tallinn, the Riga entries), then the south.
local NORTH = { "narva", "rezekne", "voru", "daugavpils" }
local ALL = { "narva", "rezekne", "voru", "daugavpils", "vilnius", "suwalki_gap", "alytus", "bialystok" }

-- Field orders on the board: a list of { kind, areas, max obstacle level (for "at") }; the
-- first order whose option is open, with every preferred area that is a legal target now (the
-- rules serve them in this order while engineers, mines and money last), else "done".
local function fields(orders)
  return function(view, d)
    for _, o in ipairs(orders) do
      local kind, areas, upto = o[1], o[2], o[3]
      for _, opt in ipairs(d.options) do
        if opt.id == kind and opt.available then
          local legal, list = {}, {}
          for _, t in ipairs(opt.targets or {}) do legal[t] = true end
          local money = view.tracks.budget
          for _, a in ipairs(areas) do
            if legal[a] and (kind ~= "at" or (F.area.get(a, "obst") or 0) < (upto or 3)) and Mi.cost(kind, a) <= money then
              list[#list + 1] = a
              money = money - Mi.cost(kind, a)
            end
          end
          if #list > 0 then return kind, list end
        end
      end
    end
    return "done"
  end
end

-- A council policy from a table of decision id -> list of preferred options
-- (or a function(view, d) returning an option id and its target).
local COMMON = {
  notice = { "deposit" },
  retract = { "keep" },
  crisis_measures = { "emplace", "evacuate", "hold" },
  war_measures = { "evacuate", "fight" },
  programme = { "full", "clear_high", "clear_low", "minimal" },
  rejoin = { "stay_out" },
  protection = { "transparency", "none" },
  production = { "low" },
}

-- What a student reads for each position (listings, "among many", batch summaries).
local NAME = {
  default = "The 2025 path",
  stay_in_treaty = "Stay in the treaty",
  stay_fortify = "Stay in and fortify",
  stockpile_only = "Withdraw and stockpile",
  marked_fields = "Withdraw and lay marked fields",
  remote_fields = "Withdraw and plan remote mines",
  mass_unmarked = "Withdraw and mine unmarked",
  no_mines_allied_presence = "No mines, allied presence",
  retract_notice = "Withdraw, then retract",
  bare = "Build nothing (a yardstick)",
}

-- Council policies play the council only: the four states follow the council unless a
-- person (hotseat) or a policy of their own plays them.
local function council(id, text, prefs)
  policy { id = id, name = NAME[id], side = "council", text = text, choose = function(view, d)
    local p = prefs[d.id] or COMMON[d.id] or {}
    if type(p) == "function" then return p(view, d) end
    return pick(d, p)
  end }
end

-- The common baseline of the shipped positions: one sensor layer, then nothing more, so
-- that the positions differ by their mine choice (and its cost) only.
local function rotate(_, d)
  return pick(d, F.var.get("sensors", 0) < 1 and { "sensors", "none" } or { "none" })
end

function P.define()
  council("default", "The 2025 path: withdraw, stockpile for crisis laying, anti-tank belts on the northern axes, risk education.", {
    statement = { "withdraw" }, alternatives = rotate,
    fields = fields { { "at", NORTH, 1 }, { "stockpile", ALL } },
    protection = { "education", "transparency" },
    programme = { "clear_high", "clear_low", "minimal" },
  })

  council("stay_in_treaty", "Stay a party; anti-tank belts on the northern axes and a sensor layer.", {
    statement = { "reaffirm" }, alternatives = rotate,
    fields = fields { { "at", NORTH, 1 } },
  })

  council("stay_fortify", "Stay a party; build anti-tank belts everywhere as far as the money goes.", {
    statement = { "reaffirm" }, alternatives = rotate,
    fields = fields { { "at", NORTH, 1 }, { "at", ALL, 1 }, { "at", NORTH, 2 }, { "at", ALL, 3 } },
  })

  council("stockpile_only", "Withdraw; keep AP mines in stores for crisis laying; anti-tank belts on the northern axes.", {
    statement = { "withdraw" }, alternatives = rotate, protection = { "transparency" },
    fields = fields { { "at", NORTH, 1 }, { "stockpile", ALL } },
  })

  council("marked_fields", "Withdraw; lay marked, fenced, monitored and recorded fields (Amended Protocol II) on every border area.", {
    statement = { "withdraw" }, alternatives = rotate,
    fields = fields { { "at", NORTH, 1 }, { "marked", ALL } },
    protection = { "mark_all", "education", "transparency" },
  })

  council("remote_fields", "Withdraw; plan remotely delivered mines with self-destruct and self-deactivation everywhere.", {
    statement = { "withdraw" }, alternatives = rotate,
    fields = fields { { "at", NORTH, 1 }, { "remote", ALL } },
  })

  council("mass_unmarked", "Withdraw; produce a lot; lay unmarked fields everywhere; no marking or education.", {
    statement = { "withdraw" }, production = { "high" },
    alternatives = rotate, protection = { "none" },
    fields = fields { { "at", NORTH, 1 }, { "unmarked", ALL } },
    crisis_measures = { "emplace", "hold" }, war_measures = { "fight" },
    programme = { "clear_low", "minimal" },
  })

  council("no_mines_allied_presence", "Stay a party; the common sensor layer, then host allied forces each quarter (three times); anti-tank belts on the northern axes.", {
    statement = { "reaffirm" },
    alternatives = function(_, d)   -- the shared baseline first (rotate), then hosting
      if F.var.get("sensors", 0) < 1 then return rotate(_, d) end
      return pick(d, F.var.get("host", 0) < 3 and { "host_allies", "none" } or { "none" })
    end,
    fields = fields { { "at", NORTH, 1 } },
  })

  council("retract_notice", "Teaching: withdraw, deposit the notices, then retract them during the six months (Art. 20).", {
    statement = { "withdraw" }, alternatives = rotate,
    retract = function(_, d)
      return pick(d, F.game.date() >= "2025-09-01" and { "retract", "keep" } or { "keep" })
    end,
    fields = fields { { "at", NORTH, 1 } },
  })

  council("bare", "A yardstick, not a plan: stay a party and build nothing, so that what the other policies add shows against it "
    .. "(RAND's 2016 setting, used to check the model against the study).", {
    statement = { "reaffirm" }, alternatives = { "none" }, crisis_measures = { "hold" }, war_measures = { "fight" },
    programme = { "minimal" }, fields = function() return "done" end,
  })

  -- ---------------- the four states (hotseat stand-ins): refuse AP fields in their sector
  for _, st in ipairs { "estonia", "latvia", "lithuania", "poland" } do
    policy { id = "veto", name = "Veto AP fields", side = st, text = "Refuse AP fields in this state's sector; anti-tank obstacles only.",
      choose = function(_, d) return pick(d, { "veto", "follow" }) end }
  end

  -- ---------------- allies
  local function allies(id, name, text, posture, eager)
    policy { id = id, name = name, side = "allies", text = text,
      choose = function(view, d)
        if d.id == "posture" then return pick(d, { posture }) end
        if d.id == "commitment" then
          if eager or view.tracks.deterrence < 55 then return pick(d, { "forward_brigade", "hold" }) end
          return "hold"
        end
        if d.id == "crisis_surge" then
          return pick(d, { (eager or view.tracks.alliance_cohesion >= 50) and "surge" or "wait", "wait" })
        end
        if d.id == "war_support" then return pick(d, { "air", "hold" }) end
        return pick(d, {})
      end }
  end
  allies("default", "Forward presence as planned", "Forward presence as planned; add a brigade when deterrence looks thin.", "historical", false)
  allies("no_mines_allied_presence", NAME.no_mines_allied_presence, "Station every brigade cohesion allows; surge early.", "historical", true)
  allies("rand_2016", "RAND 2016 (a yardstick)", "A yardstick, not a plan: no forward presence, as in RAND's 2016 games, to check the "
    .. "model against the study.", "rand_2016", false)
  allies("seven_brigades", "Seven brigades (a yardstick)", "A yardstick, not a plan: RAND's seven brigades, three heavy, from the "
    .. "outset, to check the model against the study.", "seven_brigades", false)

  -- ---------------- humanitarian community
  policy { id = "default", name = "Campaign and clear", side = "humanitarian", text = "Campaign against emplacement; fund clearance where trusted.",
    choose = function(view, d)
      if d.id == "campaign" then
        local unmarked = F.var.get("k_unmarked", 0)
        if unmarked > 0 then return "public" end
        if view.tracks.mines_emplaced > 0 then return pick(d, { "support", "quiet" }) end
        local t = F.var.get("treaty")
        if t == "notice" or t == "out" then return math.random() < 0.5 and "public" or "quiet" end
        return "quiet"
      end
      if d.id == "aid" then
        return pick(d, { view.tracks.reputation >= 40 and "fund" or "advocacy", "advocacy" })
      end
      return pick(d, {})
    end }

  -- ---------------- adversary
  -- Opportunity = resolve (drawn per game) minus deterrence: the adversary's
  -- expected gain against expected cost [@snyder].
  -- Readiness rises as forces reconstitute, from 0.3 in March 2025 to 1 by late
  -- 2027 (ASSUMPTION: the threat window the four states cited [@statement]).
  local function opportunity(view)
    local ready = M.readiness(F.var.get("month", 0))   -- 1 at month 0: suwalki_gap starts mobilised
    if F.var.get("stage") ~= "peace" and F.var.get("stage") ~= "crisis" then ready = 1 end
    return F.var.get("resolve", 0.5) * ready - view.tracks.deterrence / 100
  end
  policy { id = "default", name = "Weigh success against cost", side = "adversary", text = "Weighs success against cost each month; probes; may attack.",
    choose = function(view, d)
      local opp = opportunity(view)
      if d.id == "adv_posture" then
        if opp > 0.3 and math.random() < 0.08 then return "attack" end
        -- a base risk whatever the deterrent (parameter base_war_risk; an assumption)
        if math.random() < F.param.get("base_war_risk") then return pick(d, { "crisis", "probe" }) end
        local pc = math.max(0, math.min(0.2, 0.2 * opp))
        if math.random() < pc then return pick(d, { "crisis", "probe" }) end
        if math.random() < 0.3 then return "probe" end
        return "wait"
      end
      if d.id == "adv_crisis" then
        local day = F.var.get("crisis_day", 0)
        if opp + 0.05 > 0 and day >= 3 and math.random() < 0.5 then return "attack" end
        return pick(d, { "hold", opp + 0.05 > 0 and "attack" or "stand_down" })
      end
      return pick(d, {})
    end }
  policy { id = "attack_now", name = "Attack at once (a yardstick)", side = "adversary",
    text = "A yardstick, not a likely plan: a surprise attack at the first turn, as in RAND's games, to check the model against the study.",
    choose = function(_, d) return pick(d, { "attack" }) end }
  policy { id = "attack_in_notice", name = "Attack during the notice", side = "adversary",
    text = "Teaching: a surprise attack in October 2025, during the six months of Article 20.",
    choose = function(_, d)
      if d.id == "adv_posture" and F.game.date() >= "2025-10-01" then return pick(d, { "attack" }) end
      return pick(d, { "wait", "hold", "stand_down" })
    end }
  policy { id = "restrained", name = "Restrained", side = "adversary", text = "Probes, never attacks.",
    choose = function(_, d) return pick(d, { math.random() < 0.3 and "probe" or "wait", "wait", "stand_down" }) end }
end

return P
