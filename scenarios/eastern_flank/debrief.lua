-- Eastern Flank debrief: what happened, why, and the sources.

local F = flank
local C = require "eastern_flank/common"
local R, T, M, V = C.R, C.T, C.M, C.V


-- "an extra brigade" / "3 extra brigades": forms = { singular, plural with %d }.
local function plural(forms, n) return n == 1 and forms[1] or string.format(forms[2], n) end

-- What happened, why (the decisions that mattered) and the sources, in numbers.
function R.debrief(e)
  local D = T.debrief
  local t = F.track.all()
  local parts = { T.endings[e].text }
  local tr = V("treaty")
  parts[#parts + 1] = D.treaty[tr] or D.treaty.other
  if tr == "blocked" and V("areas_lost", 0) > 0 then parts[#parts + 1] = D.occupied end
  local stock, ground = t.mines_stockpiled, t.mines_emplaced
  parts[#parts + 1] = string.format(D.mines, C.num(ground * 1000), C.num(stock * 1000))
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
  parts[#parts + 1] = string.format(D.money, C.num(t.spent), C.num(t.budget))
  local why, W = {}, D.why_items
  -- the fields the council ordered, area by area (what the player chose, nothing else)
  local by_kind = {}
  for a, kind in (V("orders", "")):gmatch("([%w_]+)=([%w_]+)") do
    by_kind[kind] = by_kind[kind] or {}
    local name = F.area.get(a).name
    local seen = false
    for _, n in ipairs(by_kind[kind]) do seen = seen or n == name end
    if not seen then table.insert(by_kind[kind], name) end
  end
  for _, kind in ipairs { "at", "marked", "unmarked", "remote", "stockpile", "lift" } do
    if by_kind[kind] then
      why[#why + 1] = string.format(W.fields, D.doctrines[kind], table.concat(by_kind[kind], ", "))
    end
  end
  for _, s in ipairs(M.SECTORS) do
    if V("veto_" .. s.id, false) then why[#why + 1] = string.format(W.veto, T.states[s.id]) end
  end
  if V("unlawful", 0) > 0 then why[#why + 1] = plural(W.unlawful, V("unlawful")) end
  if V("unrec_fields", 0) > 0 then why[#why + 1] = plural(W.unrecorded, V("unrec_fields")) end
  if V("followers", 0) > 0 then why[#why + 1] = plural(W.followers, V("followers")) end
  if V("added", 0) > 0 then why[#why + 1] = plural(W.brigades, V("added")) end
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
