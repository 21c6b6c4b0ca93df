-- Eastern Flank mines: the council's fields, area by area, the stockpile, and laying in a crisis.
--
-- Interface with the war (rules.lua reads these area properties and vars; keep the names):
--   obst          obstacle level 0-3 (anti-tank belts built here)
--   ap            AP mines that act in war, thousands (= ap_marked + ap_unmarked + ap_remote)
--   ap_marked     marked, fenced, monitored and recorded (APII Art. 5, 9)
--   ap_unmarked   unmarked or unrecorded (laid so, or lost track of in a crisis)
--   ap_remote     remotely delivered at the start of a war (self-destruct + self-deactivation)
--   plan_k        AP mines that would be laid in a crisis or war, as the adversary counts them
--   vars sensors, surge, air (set by the cards), treaty ("out" once a state has left)
-- New properties (this module's own; the war need not read them):
--   doctrine      the area's field: none, at, marked, unmarked, remote, stockpile
--   at_km         km of anti-tank belt built (at_belt_km per obstacle level)
--   fail          the share of remotely delivered mines still live after the war
--   unrec         1 if a field here went unrecorded in a crisis
-- Totals are kept in vars (k_marked, k_unmarked, k_remote, stockpile) so monthly rules
-- need no board scans.

local F = flank
local C = require "eastern_flank/common"
local Q = require "eastern_flank/params"
local L = require "eastern_flank/law"
local R, T, M, P, V, log = C.R, C.T, C.M, C.P, C.V, C.log

local Mi = {}

-- Plain numbers are copied to locals: reading a module's table goes through its frozen proxy.
local BORDER, NB = M.BORDER_AREAS, #M.BORDER_AREAS
local FIELD_K, OBST_MAX = P.field_kmines, P.obst_max
local AT_COST = Q.at_cost_km * Q.at_belt_km
local LIFT_COST, FIELD_KM, FENCE_KM = Q.lift_cost_kmine, Q.field_km, Q.fence_cost_km
local REMOTE_COST, REMOTE_SYSTEM = Q.remote_mine_cost * P.field_kmines, Q.remote_system
local STATE_IDS, TR_KEY, VETO_KEY = {}, {}, {}   -- the states and their var names, made once
for i, s in ipairs(L.STATES) do STATE_IDS[i], TR_KEY[i], VETO_KEY[i] = s.id, "tr_" .. s.id, "veto_" .. s.id end
local NS = #STATE_IDS

-- What the money went on, for the debrief: var spent_<what> (obstacles, fields, production,
-- sensors, allies, protection, evacuation, mine_action, other). Bookkeeping only: the tracks
-- are moved by R.spend and the cards' costs.
function R.spent_on(what, x)
  if x > 0 then F.var.add("spent_" .. what, x) end
end

-- Money: every spending goes through here, so the "spent" track is the total cost.
function R.spend(x)
  if x <= 0 then return end
  F.track.add("budget", -x)
  F.track.add("spent", x)
end

local function set_totals()
  F.track.set("mines_emplaced", V("k_marked", 0) + V("k_unmarked", 0) + V("k_remote", 0))
  F.track.set("mines_stockpiled", V("stockpile", 0))
  F.var.set("dirty", true)
end
R.set_totals = set_totals

-- Lift whatever AP mines lie in an area back into the stockpile; charge: pay the handling here
-- (a "lift" order is paid as the option's cost instead).
local function lift(a, charge)
  local k = F.area.get(a, "ap") or 0
  if k > 0 then
    F.var.add("stockpile", k)
    F.var.add("k_marked", -F.area.get(a, "ap_marked")); F.var.add("k_unmarked", -F.area.get(a, "ap_unmarked"))
    F.var.add("k_remote", -(F.area.get(a, "ap_remote") or 0))
    F.area.set(a, "ap", 0); F.area.set(a, "ap_marked", 0); F.area.set(a, "ap_unmarked", 0)
    F.area.set(a, "ap_remote", 0); F.area.set(a, "unrec", 0)
    if charge then R.spend(k * Q.lift_cost_kmine); R.spent_on("fields", k * Q.lift_cost_kmine) end
  end
end

-- Lay k thousand mines from the stockpile in an area. kind: "marked" or "unmarked".
local function lay(a, k, kind)
  local have = V("stockpile", 0)
  if have < k then k = have end
  if k <= 0 then return 0 end
  F.var.add("stockpile", -k)
  F.area.add(a, "ap", k)
  F.area.add(a, kind == "marked" and "ap_marked" or "ap_unmarked", k)
  F.var.add(kind == "marked" and "k_marked" or "k_unmarked", k)
  return k
end

-- Fences, signs and monitoring for a marked field of k thousand mines (APII Art. 5).
local function fence_cost(k)
  local km = Q.field_km * k / P.field_kmines
  return (2 * km + 2) * Q.fence_cost_km
end

-- Engineer km a field order needs, and whether allied engineers may help (Ottawa Art. 1(1)(c)).
function Mi.km_needed(kind)
  if kind == "at" then return Q.at_belt_km end
  if kind == "marked" then return Q.field_km end
  if kind == "unmarked" then return Q.field_km * Q.unmarked_km_factor end
  return 0
end
function Mi.allies_may_help(kind, a)
  if kind == "at" then return true end
  return (kind == "marked" or kind == "unmarked") and L.state_of(a) == "poland"   -- US-led: not a party
end
function Mi.km_free(kind, a)
  return V("eng_km", 0) + (Mi.allies_may_help(kind, a) and V("eng_allied_km", 0) or 0)
end
local function use_km(kind, a, km)
  local own = math.min(km, V("eng_km", 0))
  F.var.add("eng_km", -own)
  if km > own and Mi.allies_may_help(kind, a) then F.var.add("eng_allied_km", -(km - own)) end
end

-- The money an order costs in an area (shown on the card before choosing).
function Mi.cost(kind, a)
  if kind == "at" then return Q.at_cost_km * Q.at_belt_km end
  if kind == "marked" then
    local k = math.max(0, P.field_kmines - (a and F.area.get(a, "ap_marked") or 0))
    return fence_cost(k)
  end
  if kind == "remote" then return Q.remote_mine_cost * P.field_kmines + (V("remote_system", false) and 0 or Q.remote_system) end
  if kind == "lift" then return a and (F.area.get(a, "ap") or 0) * Q.lift_cost_kmine or 0 end
  return 0
end

-- The price of one order of fields in the areas of list: the launchers of remote delivery are
-- bought once, not per field (an order of two remote fields cost US$100 M, not 30 + 30 + 20).
function Mi.cost_of(kind, list)
  local c = 0
  for _, a in ipairs(list) do c = c + Mi.cost(kind, a) end
  if kind == "remote" and #list > 1 and not V("remote_system", false) then c = c - (#list - 1) * Q.remote_system end
  return c
end

-- Can this kind of field go into this area now? B: the board's values a kind needs, read
-- once for all areas (Mi.board(kind)), so a card that asks about every area reads each
-- property once.
local AP_KIND = { marked = true, unmarked = true, remote = true, stockpile = true }
function Mi.board(kind)
  local B = { obst = {}, ap = {}, doctrine = {}, open = {}, stock = V("stockpile", 0), eng = V("eng_km", 0),
    allied = V("eng_allied_km", 0) }
  local ap_kind = AP_KIND[kind]
  if ap_kind then   -- a state must have left the treaty and not vetoed fields in its sector
    for _, s in ipairs(L.STATES) do B.open[s.id] = L.out(s.id) and not V("veto_" .. s.id, false) end
  end
  for _, a in ipairs(M.BORDER_AREAS) do
    if kind == "at" then B.obst[a] = F.area.get(a, "obst")
    elseif not ap_kind or B.open[L.state_of(a)] then
      B.ap[a] = F.area.get(a, "ap")
      if ap_kind then B.doctrine[a] = F.area.get(a, "doctrine") end
    end
  end
  return B
end
function Mi.can(kind, a, B)   -- whether only: Mi.open gives the reason an option is closed
  local ap = B.ap[a] or 0
  if AP_KIND[kind] and (not B.open[L.state_of(a)] or B.doctrine[a] == kind) then return false end
  if kind == "at" and (B.obst[a] or 0) >= P.obst_max then return false end
  if kind == "lift" and ap <= 0 then return false end
  local km = Mi.km_needed(kind)
  if km > 0 and km > B.eng + (Mi.allies_may_help(kind, a) and B.allied or 0) then return false end
  return not ((kind == "marked" or kind == "unmarked") and B.stock + ap < P.field_kmines)
end

-- The chosen areas an order can serve, in the order given: each needs its engineer time and
-- its mines from what is left after the ones before it. (Money is checked on the whole order:
-- the option's cost is the sum, and the budget must cover it.)
function Mi.fit(kind, list)
  local B = Mi.board(kind)
  local km_need = Mi.km_needed(kind)
  local out = {}
  for _, a in ipairs(list) do
    if Mi.can(kind, a, B) then
      out[#out + 1] = a
      local own = math.min(km_need, B.eng)
      B.eng = B.eng - own
      if km_need > own then B.allied = B.allied - (km_need - own) end
      if kind == "marked" or kind == "unmarked" then B.stock = B.stock - (P.field_kmines - (B.ap[a] or 0)) end
      if kind == "at" then B.obst[a] = (B.obst[a] or 0) + 1 else B.doctrine[a] = kind end
    end
  end
  return out
end

-- Is the option open at all (before an area is chosen)? Cheap checks only; legal() lists the areas.
function Mi.open(kind)
  if kind ~= "at" and kind ~= "lift" then
    local any = false   -- some state has left the treaty and not vetoed fields in its sector
    for i = 1, NS do
      if V(TR_KEY[i], "party") == "out" and not V(VETO_KEY[i], false) then any = true; break end
    end
    if not any then return false, (T.why.party) end
  end
  if kind == "lift" and V("k_marked", 0) + V("k_unmarked", 0) <= 0 then return false, (T.fields.why.nothing) end
  if Mi.cost(kind) > F.track.get("budget") then
    return false, string.format(T.why.budget, C.money(Mi.cost(kind)), C.money(F.track.get("budget")))
  end
  local km = Mi.km_needed(kind)
  if km > V("eng_km", 0) + V("eng_allied_km", 0) then
    return false, string.format(T.fields.why.engineers, km, V("eng_km", 0) + V("eng_allied_km", 0))
  end
  if (kind == "marked" or kind == "unmarked") and V("stockpile", 0) < P.field_kmines then
    return false, string.format(T.fields.why.stock, C.num(P.field_kmines * 1000), C.num(V("stockpile", 0) * 1000))
  end
  return true
end

local function ours(a) return F.area.owner(a) == "council" end
local function always() return true end

-- The areas where a kind of field can go now (the option's legal targets): what Mi.board and
-- Mi.can decide, area by area, reading only what this kind needs (the card asks for every kind
-- again and again while it is open, so this is one of the game's hottest paths).
function Mi.legal(kind)   -- the engine asks only once requires (Mi.open) has passed
  local l, budget, n = {}, F.track.get("budget"), 0
  local get = F.area.get
  -- the council's own areas only; they change hands only when one falls in a war (areas_lost)
  local owned = V("areas_lost", 0) == 0 and always or ours
  if kind == "at" then   -- allied engineers may help everywhere; the cost is the same everywhere
    if Q.at_belt_km > V("eng_km", 0) + V("eng_allied_km", 0) or AT_COST > budget then return l end
    for i = 1, NB do
      local a = BORDER[i]
      if (get(a, "obst") or 0) < OBST_MAX and owned(a) then n = n + 1; l[n] = a end
    end
  elseif kind == "lift" then   -- no engineer time; the cost is the mines lying there
    for i = 1, NB do
      local a = BORDER[i]
      local ap = get(a, "ap") or 0
      if ap > 0 and owned(a) and ap * LIFT_COST <= budget then n = n + 1; l[n] = a end
    end
  elseif AP_KIND[kind] then
    local open = {}   -- a state must have left the treaty and not vetoed fields in its sector
    for i = 1, NS do open[STATE_IDS[i]] = V(TR_KEY[i], "party") == "out" and not V(VETO_KEY[i], false) end
    local field = kind == "marked" or kind == "unmarked"
    local km = Mi.km_needed(kind)
    local eng, allied, stock = V("eng_km", 0), V("eng_allied_km", 0), V("stockpile", 0)
    local cost = 0
    if kind == "remote" then cost = REMOTE_COST + (V("remote_system", false) and 0 or REMOTE_SYSTEM) end
    for i = 1, NB do
      local a = BORDER[i]
      local st = L.state_of(a)
      if open[st] and get(a, "doctrine") ~= kind then
        local ok = true
        if km > 0 and km > eng + (Mi.allies_may_help(kind, a) and allied or 0) then ok = false
        elseif field and stock + (get(a, "ap") or 0) < FIELD_K then ok = false end
        if ok and kind == "marked" then   -- fences for the mines still to lay (Mi.cost)
          local k = math.max(0, FIELD_K - (get(a, "ap_marked") or 0))
          cost = (2 * (FIELD_KM * k / FIELD_K) + 2) * FENCE_KM
        end
        if ok and owned(a) and cost <= budget then n = n + 1; l[n] = a end
      end
    end
  else   -- any other kind: the general rule
    local B = Mi.board(kind)
    for i = 1, NB do
      local a = BORDER[i]
      if Mi.can(kind, a, B) and owned(a) and Mi.cost(kind, a) <= budget then n = n + 1; l[n] = a end
    end
  end
  return l
end

-- Recompute what a crisis would add (plan_k): stockpile areas in proportion to the share of
-- their mines the store holds; remote areas in full (their order bought their own rounds).
local function replan()
  local get, need, doc = F.area.get, 0, {}
  for i = 1, NB do
    local a = BORDER[i]
    local d = get(a, "doctrine")
    doc[i] = d
    if d == "stockpile" then need = need + FIELD_K end
  end
  F.var.set("plan_need", need)
  local supplied = need > 0 and math.min(1, V("stockpile", 0) / need) or 0
  F.var.set("plan_supplied", supplied)
  local changed = false
  for i = 1, NB do
    local a, d = BORDER[i], doc[i]
    local k = 0
    if d == "stockpile" and (get(a, "ap") or 0) == 0 then k = FIELD_K * 0.6 * supplied
    elseif d == "remote" then k = FIELD_K * 0.8 end
    if get(a, "plan_k") ~= k then F.area.set(a, "plan_k", k); changed = true end
  end
  if changed then F.var.set("dirty", true) end
end
Mi.replan = replan

-- Carry out a field order in an area (the council's "fields" card, or a policy).
function Mi.order(kind, a)
  local km = Mi.km_needed(kind)
  use_km(kind, a, km)
  if kind == "at" then
    F.area.set(a, "obst", math.min(P.obst_max, (F.area.get(a, "obst") or 0) + 1))
    F.area.add(a, "at_km", Q.at_belt_km)
    if F.area.get(a, "doctrine") == "none" then F.area.set(a, "doctrine", "at") end
  elseif kind == "lift" then
    lift(a, false)
    F.area.set(a, "doctrine", (F.area.get(a, "obst") or 0) > 0 and "at" or "none")
  else
    if (F.area.get(a, "ap_unmarked") or 0) > 0 or kind ~= "marked" then lift(a, true) end
    F.area.set(a, "doctrine", kind)
    if kind == "marked" then lay(a, P.field_kmines - (F.area.get(a, "ap") or 0), "marked")
    elseif kind == "unmarked" then
      lay(a, P.field_kmines, "unmarked")
      F.track.add("reputation", -5); F.track.add("alliance_cohesion", -2)
      F.var.add("unlawful", 1)
    elseif kind == "remote" then F.var.set("remote_system", true) end
  end
  local st = L.state_of(a)
  local seq = V("orders", "")
  F.var.set("orders", seq .. (seq == "" and "" or ",") .. a .. "=" .. kind)
  if st then F.var.set("chose_" .. st, true) end
  replan()
  set_totals()
end

-- Monthly upkeep of fields and stores, and the engineers' time for the month.
function Mi.month()
  F.var.set("eng_km", math.min(Q.eng_max, V("eng_km", 0) + Q.eng_month))
  F.var.set("eng_allied_km", math.min(Q.eng_max, V("eng_allied_km", 0) + Q.eng_allied * V("host", 0)))
  local fields, stock, added = V("k_marked", 0) / P.field_kmines, V("stockpile", 0), V("added", 0)
  R.spend((fields * Q.monitor_year + stock / 100 * Q.store_cost_year
    + added * Q.brigade_upkeep_year) / 12)
  R.spent_on("fields", fields * Q.monitor_year / 12)
  R.spent_on("production", stock / 100 * Q.store_cost_year / 12)
  R.spent_on("allies", added * Q.brigade_upkeep_year / 12)
  -- the plan changes with the store's share of what it needs (orders replan themselves)
  local need = V("plan_need", 0)
  if need > 0 and math.min(1, stock / need) ~= V("plan_supplied") then replan() end
end

-- Rapid emplacement of the stockpile in areas planned for it (a crisis, or the first hours of
-- a war). share: the part of a field laid. In a crisis (km_limit given) the engineers lay at
-- most km_limit km. Each field goes unrecorded and unmarked with the chance crisis_unrecorded.
function R.rapid_emplace(share, km_limit)
  local n, km = 0, km_limit or math.huge
  local p_unrec = Q.get("crisis_unrecorded")
  for _, a in ipairs(M.BORDER_AREAS) do
    if km >= Q.field_km * share and F.area.get(a, "doctrine") == "stockpile" and (F.area.get(a, "ap") or 0) == 0 then
      local unrec = F.rng.chance(p_unrec)
      n = n + lay(a, P.field_kmines * share, unrec and "unmarked" or "marked")
      if unrec then F.area.set(a, "unrec", 1); F.var.add("unrec_fields", 1) end
      F.area.set(a, "plan_k", 0)
      km = km - Q.field_km * share
    end
  end
  if n > 0 then
    F.var.set("rapid_done", true)
    log(T.log.rapid, C.num(n * 1000))
  end
  set_totals()
  return n
end

-- Anything left to lay in a crisis?
function Mi.to_lay()
  if V("stockpile", 0) <= 0 then return false end
  for _, a in ipairs(M.BORDER_AREAS) do
    if F.area.get(a, "doctrine") == "stockpile" and (F.area.get(a, "ap") or 0) == 0 then return true end
  end
  return false
end

-- Remotely delivered mines at the start of a war, in areas that plan them and whose state
-- has left the Ottawa Convention. All have self-destruct and back-up self-deactivation (APII Art. 6).
-- They come in the rounds the order bought (Q.remote_mine_cost), not from the shared store of
-- simple mines, which have neither.
function R.remote_deliver()
  for _, a in ipairs(M.BORDER_AREAS) do
    if F.area.get(a, "doctrine") == "remote" and L.out(L.state_of(a)) then
      local k = P.field_kmines
      F.area.add(a, "ap_remote", k)
      F.var.add("k_remote", k)
      F.area.add(a, "ap", k)          -- they act in war like any field
      F.area.set(a, "fail", P.remote_fail_backup)
      F.area.set(a, "plan_k", 0)
    end
  end
  set_totals()
end

R.mines = Mi
return Mi
