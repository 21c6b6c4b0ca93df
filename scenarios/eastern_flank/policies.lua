-- AI policies for eastern_flank and suwalki_gap. A policy maps a decision to an
-- option id; policies only read the game (flank.var/track/area getters).
--
-- Council policies (the issue's five, plus the default and a calibration one):
--   stay_in_treaty            stay a party; obstacles, sensors, allied hosting
--   stockpile_only            withdraw; produce; keep mines in stores for rapid emplacement
--   marked_fields             withdraw; pre-emplace marked, fenced, recorded fields (APII)
--   mass_unmarked             withdraw; produce a lot; pre-emplace unmarked fields everywhere
--   no_mines_allied_presence  stay a party; host allies (the allies' policy of the same id adds brigades)
--   default                   the 2025 path: withdraw, stockpile, obstacles, education
--   bare                      calibration: stay a party and build nothing
-- Allies: default, no_mines_allied_presence, rand_2016, seven_brigades (RAND calibration).
-- Adversary: default (weighs success against cost), attack_now (calibration), restrained.
-- Humanitarian community: default.

local F = flank
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

-- A council policy from a table of decision id -> list of preferred options
-- (or a function(view, d) returning such a list).
local COMMON = {
  notice = { "deposit" },
  crisis_measures = { "emplace", "evacuate", "hold" },
  war_measures = { "evacuate", "fight" },
  programme = { "full", "clear_high", "clear_low", "minimal" },
  rejoin = { "stay_out" },
  protection = { "transparency", "none" },
  production = { "low" },
}

-- A council policy also plays the four states (their sector doctrines) unless a person
-- takes one of them: `--policy mass_unmarked` then means the whole coalition follows it.
local function council(id, text, prefs)
  local function choose(view, d)
    local p = prefs[d.id] or COMMON[d.id] or {}
    if type(p) == "function" then p = p(view, d) end
    return pick(d, p)
  end
  for _, sd in ipairs { "council", "estonia", "latvia", "lithuania", "poland" } do
    policy { id = id, side = sd, text = text, choose = choose }
  end
end

-- Quarterly alternatives, in rotation; obstacles first.
local function rotate(view)
  local k = (view.turn // 3) % 3
  if k == 0 then return { "obstacles", "sensors", "none" } end
  if k == 1 then return { "sensors", "obstacles", "none" } end
  return { "host_allies", "obstacles", "none" }
end

function P.define()
  local D = {}
  for _, s in ipairs { "estonia", "latvia", "lithuania", "poland" } do D[s] = "doctrine_" .. s end

  local function with_doctrine(t, prefs)
    for _, id in pairs(D) do t[id] = prefs end
    return t
  end

  council("default", "The 2025 path: withdraw, stockpile for rapid emplacement, obstacles, risk education.",
    with_doctrine({
      statement = { "withdraw" }, alternatives = rotate,
      protection = { "education", "transparency" },
      programme = { "clear_high", "clear_low", "minimal" },
    }, { "stockpile", "keep" }))

  council("stay_in_treaty", "Stay a party; invest in obstacles, sensors and allied hosting.", {
    statement = { "reaffirm" }, alternatives = rotate,
  })

  council("stockpile_only", "Withdraw; keep AP mines in stores for rapid emplacement in a crisis.",
    with_doctrine({ statement = { "withdraw" }, alternatives = rotate, protection = { "transparency" } },
      { "stockpile", "keep" }))

  council("marked_fields", "Withdraw; pre-emplace marked, fenced and recorded fields (Amended Protocol II).",
    with_doctrine({ statement = { "withdraw" }, alternatives = rotate,
      protection = { "mark_all", "education", "transparency" } }, { "marked", "stockpile" }))

  council("mass_unmarked", "Withdraw; produce a lot; pre-emplace unmarked fields in every sector; no marking or education.",
    with_doctrine({ statement = { "withdraw" }, production = { "high" },
      alternatives = rotate, protection = { "none" },
      crisis_measures = { "emplace", "hold" }, war_measures = { "fight" },
      programme = { "clear_low", "minimal" } }, { "unmarked", "keep" }))

  council("no_mines_allied_presence", "Stay a party; host allied brigades and build obstacles.", {
    statement = { "reaffirm" },
    alternatives = function(view) return (view.turn // 3) % 2 == 0 and { "host_allies", "obstacles" } or { "obstacles", "host_allies" } end,
  })

  council("bare", "Calibration: stay a party and build nothing.", {
    statement = { "reaffirm" }, alternatives = { "none" }, crisis_measures = { "hold" }, war_measures = { "fight" },
    programme = { "minimal" },
  })

  -- ---------------- allies
  local function allies(id, text, posture, eager)
    policy { id = id, side = "allies", text = text,
      choose = function(view, d)
        if d.id == "posture" then return pick(d, { posture }) end
        if d.id == "commitment" then
          if eager or view.tracks.deterrence < 55 then return pick(d, { "forward_brigade", "hold" }) end
          return "hold"
        end
        if d.id == "crisis_surge" then
          return pick(d, { (eager or view.tracks.alliance_cohesion >= 50) and "surge" or "wait", "wait" })
        end
        if d.id == "war_support" then return "air" end
        return pick(d, {})
      end }
  end
  allies("default", "Forward presence as planned; add a brigade when deterrence looks thin.", "historical", false)
  allies("no_mines_allied_presence", "Station every brigade cohesion allows; surge early.", "historical", true)
  allies("rand_2016", "Calibration: RAND's 2016 setting, no forward presence.", "rand_2016", false)
  allies("seven_brigades", "Calibration: RAND's seven brigades, three heavy, from the outset.", "seven_brigades", false)

  -- ---------------- humanitarian community
  policy { id = "default", side = "humanitarian", text = "Campaign against emplacement; fund clearance where trusted.",
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
    local ready = math.min(1, 0.3 + 0.7 * F.var.get("month", 0) / 30)
    if F.var.get("stage") ~= "peace" and F.var.get("stage") ~= "crisis" then ready = 1 end
    if F.var.get("month", 0) == 0 then ready = 1 end   -- suwalki_gap starts mobilised
    return F.var.get("resolve", 0.5) * ready - view.tracks.deterrence / 100
  end
  policy { id = "default", side = "adversary", text = "Weighs success against cost each month; probes; may attack.",
    choose = function(view, d)
      local opp = opportunity(view)
      if d.id == "adv_posture" then
        if opp > 0.3 and math.random() < 0.08 then return "attack" end
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
  policy { id = "attack_now", side = "adversary", text = "Calibration: a surprise attack at the first turn.",
    choose = function(_, d) return pick(d, { "attack" }) end }
  policy { id = "restrained", side = "adversary", text = "Probes, never attacks.",
    choose = function(_, d) return pick(d, { math.random() < 0.3 and "probe" or "wait", "wait", "stand_down" }) end }
end

return P
