-- Eastern Flank debrief: what happened, why, and the sources.

local F = flank
local C = require "eastern_flank/common"
local R, T, M, V = C.R, C.T, C.M, C.V


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
