-- Eastern Flank debrief: what happened, why, and the sources.
--
-- Paragraphs (blank lines between them), the most important first, since the window shows the
-- first lines above its tabs: the ending and why the war came or did not (the adversary's own
-- estimate when it decided: p_success, est_loss, the deterrence they made and its resolve);
-- the decisions that mattered; the war; the law; what lies in the ground; money; sources.

local F = flank
local Q = require "eastern_flank/params"
local C = require "eastern_flank/common"
local EN = require "eastern_flank/text_en"
local R, T, M, P, V, num = C.R, C.T, C.M, C.P, C.V, C.num

-- A debrief string, in English where a translation does not have it yet.
local function D(k) return T.debrief[k] or EN.debrief[k] end
local function W(k) return T.debrief.why_items[k] or EN.debrief.why_items[k] end

-- "an extra brigade" / "3 extra brigades": forms = { singular, plural with %d or %s }.
local function plural(forms, n, shown)
  if n == 0 and forms.none then return forms.none end
  return n == 1 and forms[1] or string.format(forms[2], shown or n)
end
local pct = C.pct   -- a 0-100 value as the indicators show it: "47", "0.35"

-- The month the peace turns had reached: month 1 is March 2025 (the flagship's start).
local function month_name(m)
  local months = T.months or EN.months
  local i = math.max(m, 1) - 1 + 2      -- March = index 3
  return string.format("%s %d", months[i % 12 + 1], 2025 + i // 12)
end

-- Where the money went (R.spent_on): "obstacles US$1,080 M, fields US$120 M, ..." by amount
-- (C.money: as the indicators write money).
local SPENT = { "obstacles", "fields", "production", "sensors", "allies", "protection", "evacuation", "mine_action", "other" }
local function spent_on()
  local l = {}
  for _, k in ipairs(SPENT) do
    local x = V("spent_" .. k, 0)
    if x >= 0.5 then l[#l + 1] = { k, x } end
  end
  table.sort(l, function(a, b) return a[2] > b[2] or (a[2] == b[2] and a[1] < b[1]) end)
  local words = {}
  for _, e in ipairs(l) do words[#words + 1] = string.format(D("spent_item"), D("spent_on")[e[1]], C.money(e[2])) end
  return #words > 0 and table.concat(words, ", ") or D("spent_nothing")
end

-- The adversary's readiness as its default policy weighs it (model.lua, shared with policies.lua).
local function readiness() return M.readiness(V("month", 0)) end

-- Why the war came or did not: when the adversary decided, its chance of a quick success and
-- the losses it expected (played out by the war model), the deterrence they made, split into
-- denial, cost and punishment, and its resolve against that deterrence.
-- How lucky the game was: where its resolve falls among the draws (cards.lua's setup draws it
-- uniformly over 0.7 from 0.3 + (parameter - 0.65), capped at 1).
local function luck(resolve)
  local L = D("luck")
  if resolve >= 1 then return L.top end
  local lo = 0.3 + (Q.get("resolve") - 0.65)
  local lower = math.min(1, math.max(0, (resolve - lo) / 0.7))
  return string.format(L[1], pct(100 * lower), lower <= 0.25 and L[2] or lower >= 0.75 and L[4] or L[3])
end

local function why_war(e)
  local war = e ~= "deterrence_held"
  local gap = V("month", 0) == 0
  local out = {}
  if war then
    if V("surprise", false) then
      out[#out + 1] = string.format(D("why_war_surprise"), month_name(V("month", 0)))
    elseif gap then
      out[#out + 1] = string.format(D("why_war_crisis_day"), V("crisis_day", 0))
    else
      out[#out + 1] = string.format(D("why_war_crisis"), month_name(V("month", 0)), V("crisis_day", 0))
    end
  else
    out[#out + 1] = gap and D("why_peace_gap") or D("why_peace")
  end
  local p_success, loss = V("p_success", 0), V("est_loss", 0)
  if war then p_success, loss = V("p_at_war", p_success), V("loss_at_war", loss) end
  local det = war and V("d_at_war", F.track.get("deterrence")) or F.track.get("deterrence")
  local deny = 100 * P.det_deny * (1 - p_success)
  local cost = 100 * P.det_cost * math.min(math.max(loss / P.loss_tolerance, 0), 1)
  local punish = math.max(0, det - deny - cost)
  if det >= 1 then   -- whole points that add up to the total shown ("50 = 0.05 + 17 + 33" did not)
    local parts, sum, big = { deny, cost, punish }, 0, 1
    for i, x in ipairs(parts) do
      if x > parts[big] then big = i end
      parts[i] = math.floor(x + 0.5)
      sum = sum + parts[i]
    end
    parts[big] = parts[big] + math.floor(det + 0.5) - sum
    deny, cost, punish = parts[1], parts[2], parts[3]
  end
  out[#out + 1] = string.format(D("estimate"), D("estimate_when")[war and "war" or "peace"],
    pct(100 * p_success), pct(100 * loss), pct(det), pct(deny), pct(cost), pct(punish))
  local resolve = V("resolve")
  if resolve then
    local ready = readiness()   -- as it was when it decided (the war's decision came before the war)
    local weight = 100 * resolve * ready
    out[#out + 1] = ready < 1 and string.format(D("resolve"), pct(100 * resolve), pct(weight), pct(det))
      or string.format(D("resolve_ready"), pct(100 * resolve), pct(det))
    out[#out + 1] = luck(resolve)
    local margin = weight - det
    local v = D("verdict")
    if war then
      out[#out + 1] = margin > 0 and v.attack_ahead or margin > -5 and v.attack_close or v.attack_anyway
    else
      out[#out + 1] = margin > 0 and v.peace_luck or v.peace_ahead
    end
  end
  -- crises it opened and stood down from (the last one led to the war; a gap_week game starts in one)
  local stood = V("crises", 0) - ((war and not V("surprise", false)) and 1 or 0)
  if gap and not war then stood = 0 end
  if stood > 0 then out[#out + 1] = plural(D("crises"), stood) end
  local h = F.track.history("deterrence")
  if #h > 1 then
    local lo, hi = math.huge, -math.huge
    for _, x in ipairs(h) do lo, hi = math.min(lo, x), math.max(hi, x) end
    if hi - lo >= 1 then out[#out + 1] = string.format(D("deterrence_range"), pct(lo), pct(hi)) end
  end
  return table.concat(out, " ")
end

-- What changed the board: the council's (or a seated state's) own orders, then what others
-- did or chance decided, apart, so that neither is taken for the other.
local function what_mattered(e)
  local why, others = {}, {}
  local st = F.decision.taken("statement")
  if st == "withdraw" then why[#why + 1] = W("withdraw") elseif st == "reaffirm" then why[#why + 1] = W("reaffirm") end
  if F.decision.taken("retract") == "retract" then why[#why + 1] = W("retracted") end
  -- the fields the council ordered, area by area
  local by_kind = {}
  for a, kind in (V("orders", "")):gmatch("([%w_]+)=([%w_]+)") do
    by_kind[kind] = by_kind[kind] or {}
    local name = F.area.get(a, "name")
    local seen = false
    for _, n in ipairs(by_kind[kind]) do seen = seen or n == name end
    if not seen then table.insert(by_kind[kind], name) end
  end
  for _, kind in ipairs { "at", "marked", "unmarked", "remote", "stockpile", "lift" } do
    if by_kind[kind] then
      why[#why + 1] = string.format(W("fields"), D("doctrines")[kind], table.concat(by_kind[kind], ", "))
    end
  end
  for _, s in ipairs(M.SECTORS) do
    if V("veto_" .. s.id, false) then why[#why + 1] = string.format(W("veto"), T.states[s.id]) end
  end
  if V("sensors", 0) > 0 then why[#why + 1] = plural(W("sensors"), V("sensors")) end
  if V("host", 0) > 0 then why[#why + 1] = W("hosted") end
  if V("unlawful", 0) > 0 then why[#why + 1] = plural(W("unlawful"), V("unlawful")) end
  if V("unrec_fields", 0) > 0 then others[#others + 1] = plural(W("unrecorded"), V("unrec_fields")) end
  if V("followers", 0) > 0 then others[#others + 1] = plural(W("followers"), V("followers")) end
  if V("added", 0) > 0 then others[#others + 1] = plural(W("brigades"), V("added")) end
  if e ~= "deterrence_held" then
    if V("rapid_done", false) then others[#others + 1] = W("rapid") end
    if V("surprise", false) then others[#others + 1] = W("surprise") end
    if V("evacuated", false) then why[#why + 1] = W("evacuated") end
  end
  if V("education", false) then why[#why + 1] = W("education") end
  if F.track.get("cleared_km2") > 0 then   -- the council's programme, or donors' alone
    if V("clear_cap", 0) > 0 then why[#why + 1] = W("clearance") else others[#others + 1] = W("clearance_donors") end
  end
  local own = #why == 0 and D("nothing_mattered") or string.format(D("why"), table.concat(why, "; "))
  if #others == 0 then return own end
  return own .. " " .. string.format(D("others"), table.concat(others, "; "))
end

-- What became of the AP mines: how many lay in the ground when the aftermath began (the
-- ceasefire, or the end of the decision window), how many clearance removed over its years
-- and how many are still there, those in occupied land apart (nobody clears there); and
-- what is left in stores, with the remote fields' rounds apart (they are not in the store).
-- (aftermath.lua keeps the counts: mines_k0, mines_k0_remote, mines_k_occupied, mines_k_cleared.)
local function mines_told(e, t)
  local L = D("mines_told")
  local k0, left = V("mines_k0", 0), t.mines_emplaced
  local when = e == "deterrence_held" and "peace" or "war"
  local out = {}
  if k0 * 1000 < 0.5 then out[1] = L[when .. "_none"]
  else
    out[1] = string.format(L[when], num(k0 * 1000))
    local kr = V("mines_k0_remote", 0)
    if kr * 1000 >= 0.5 then out[#out + 1] = string.format(L.remote, num(kr * 1000)) end
    out[#out + 1] = string.format(L.cleared, V("years", 20), num(V("mines_k_cleared", 0) * 1000), num(left * 1000))
    local occ = V("mines_k_occupied", 0)
    if occ * 1000 >= 0.5 then
      out[#out + 1] = math.abs(occ - left) * 1000 < 0.5 and L.occupied_all or string.format(L.occupied, num(occ * 1000))
    end
  end
  -- remote fields' rounds never fired (mines.lua R.remote_deliver sets "fail" where it scatters)
  local rounds = 0
  for _, a in ipairs(M.BORDER_AREAS) do
    if F.area.get(a, "doctrine") == "remote" and (F.area.get(a, "fail") or 0) == 0 then rounds = rounds + P.field_kmines end
  end
  out[#out + 1] = rounds > 0 and string.format(L.stores_rounds, num(t.mines_stockpiled * 1000), num(rounds * 1000))
    or string.format(L.stores, num(t.mines_stockpiled * 1000))
  return table.concat(out, " ")
end

function R.debrief(e)
  local t = F.track.all()
  local paras = {}
  local function para(...)
    local parts = {}
    for _, s in ipairs { ... } do if s and s ~= "" then parts[#parts + 1] = s end end
    if #parts > 0 then paras[#paras + 1] = table.concat(parts, " ") end
  end
  local ending = T.endings[e]
  para(V("month", 0) == 0 and ending.text_gap or ending.text, why_war(e))
  para(what_mattered(e), D("whatif"))
  if e ~= "deterrence_held" then
    local days = V("war_day", 0)
    local cas = t.civilian_casualties_war
    local war = string.format(D("war"), plural(D("war_days"), days),
      plural(D("war_casualties"), cas, num(cas)), pct(t.territory_held))
    local cap = (t.hours_to_capital > 0 and t.hours_to_capital < 999)
      and string.format(D("capital"), num(t.hours_to_capital)) or nil
    para(war, cap, V("gap_closed", false) and D("gap") or nil)
  end
  local tr = V("treaty")
  para(D("treaty")[tr] or D("treaty").other,
    (tr == "blocked" and V("areas_lost", 0) > 0) and D("occupied") or nil)
  local post, peace = t.civilian_casualties_postwar, t.civilian_casualties_peace
  para(mines_told(e, t), string.format(D("legacy"), V("years", 20), plural(D("people"), post, num(post)),
      C.fig(t.contaminated_km2), C.fig(t.cleared_km2), num(peace)),
    V("osus", 0) >= 0.5 and string.format(D("occupied_hazard"), C.fig(V("osus"))) or nil)
  para(string.format(D("deterrence"), pct(t.deterrence), pct(t.alliance_cohesion), pct(t.reputation)),
    string.format(D("money"), C.money(t.spent), spent_on(), C.money(t.budget)))
  para(D("sources"))
  return table.concat(paras, "\n\n")
end
