-- Eastern Flank law: the withdrawal timeline state by state, and each field's legal status.
--
-- Each of the four states has its own treaty status in var "tr_<state>":
--   party      a party to the Ottawa Convention (the start)
--   voted      its parliament voted to withdraw (reported the turn after the vote)
--   notice     the notice is deposited; effective six months later ("ed_<state>") [@ottawa, Art. 20(2)]
--   bound      the six months are over during an armed conflict: still a party until the
--              conflict ends [@ottawa, Art. 20(3)]; the model treats an occupation after a
--              ceasefire as a continuing conflict (ASSUMPTION: the treaty does not say)
--   out        the withdrawal has taken effect; Amended Protocol II still binds [@ottawa, Art. 20(4)]
--   stay       stayed a party (reaffirmed, or retracted its notice during the six months [@icbl])
-- var "treaty" sums them up for the rest of the rules: "party"/"stay", "recommended",
-- "voted", "notice", "blocked" (some state bound by Art. 20(3)), "out" (at least one state out).
-- The dates are the real ones [@votes] when the council acts at the first chance; later
-- decisions give later dates. Turns fall on the first of the month, so each event is
-- reported in the first turn after its date, never before.

local F = flank
local C = require "eastern_flank/common"
local R, T, V, log, stage = C.R, C.T, C.V, C.log, C.stage

local L = {}
L.STATES = {
  { id = "latvia", vote = "2025-04-16", notice = "2025-06-27" },
  { id = "lithuania", vote = "2025-05-08", notice = "2025-06-27" },
  { id = "estonia", vote = "2025-06-04", notice = "2025-06-27" },
  { id = "poland", vote = "2025-06-25", notice = "2025-08-20" },
}
-- Finland (on the map, not a council state): Eduskunta 19 Jun 2025, notice 10 Jul 2025,
-- effective 10 Jan 2026 [@votes]; shown as context in the log and on the map.
L.FINLAND = { vote = "2025-06-19", notice = "2025-07-10", effective = "2026-01-10" }

-- "2025-06-27" + 6 months = "2025-12-27" (same day of the month).
function L.add_months(d, n)
  local y, m = tonumber(d:sub(1, 4)), tonumber(d:sub(6, 7)) + n
  y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
  return string.format("%04d-%02d%s", y, m, d:sub(8))
end

-- "2025-12-27" -> "27 December 2025"
local MONTHS = { "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December" }
function L.long_date(d)
  return string.format("%d %s %s", tonumber(d:sub(9, 10)), MONTHS[tonumber(d:sub(6, 7))], d:sub(1, 4))
end

local TR, ND, ED = {}, {}, {}   -- each state's var names, made once (the law is read every month)
for _, s in ipairs(L.STATES) do TR[s.id], ND[s.id], ED[s.id] = "tr_" .. s.id, "nd_" .. s.id, "ed_" .. s.id end
function L.status(s) return V(TR[s] or "tr_" .. s, "party") end
function L.out(s) return L.status(s) == "out" end

-- The state whose border sector holds an area (nil for areas of no council state).
local AREA_STATE = {}
for _, s in ipairs(C.M.SECTORS) do for _, a in ipairs(s.areas) do AREA_STATE[a] = s.id end end
function L.state_of(a) return AREA_STATE[a] end

-- Sum up the four statuses in var "treaty" (what the other rules and the debrief read).
function L.sum_up()
  local n = { }
  for _, s in ipairs(L.STATES) do local st = L.status(s.id); n[st] = (n[st] or 0) + 1 end
  local settled = (n.out or 0) + (n.stay or 0) == #L.STATES
  if V("law_settled") ~= settled then F.var.set("law_settled", settled) end
  local was = V("treaty")
  local t = was
  if n.out then t = "out"
  elseif n.bound then t = "blocked"
  elseif n.notice then t = "notice"
  elseif n.voted then t = "voted"
  elseif n.stay == #L.STATES then t = "stay" end
  if t ~= was then F.var.set("treaty", t) end
end

-- Is the armed conflict still going on? A war, or an occupation after the ceasefire.
local function in_conflict()
  if stage() == "war" then return true end
  return stage() == "after" and V("areas_lost", 0) > 0
end

-- A state's next step in the withdrawal that is due by today: its date and what it is, or nil.
-- A vote is reported the turn after it; a notice bound by Art. 20(3) waits for the conflict's end.
local function due(s, today)
  local st = L.status(s.id)
  if st == "party" then return today > s.vote and s.vote or nil, "vote" end
  if st == "voted" then
    local nd = V(ND[s.id])
    return nd and today >= nd and nd or nil, "deposit"
  end
  if st == "notice" or st == "bound" then
    local ed = V(ED[s.id])
    if not ed or today < ed or (st == "bound" and in_conflict()) then return nil end
    return ed, st == "notice" and in_conflict() and "bind" or "out"
  end
end

local function step(s, what)
  local name = T.states[s.id]
  if what == "vote" then
    F.var.set("tr_" .. s.id, "voted")
    log(T.law.voted[s.id], L.long_date(s.vote))
  elseif what == "deposit" then
    local nd = V("nd_" .. s.id)
    F.var.set("tr_" .. s.id, "notice")
    F.var.set("ed_" .. s.id, L.add_months(nd, 6))
    log(T.law.deposited, name, L.long_date(nd), L.long_date(L.add_months(nd, 6)))
  elseif what == "bind" then
    F.var.set("tr_" .. s.id, "bound"); F.var.set("art20_blocked", true)
    log(T.law.bound, name, L.long_date(V("ed_" .. s.id)))
  else
    local was = L.status(s.id)
    F.var.set("tr_" .. s.id, "out")
    F.var.set("out_month", V("month", 0))
    F.track.add("alliance_cohesion", -1)
    if was == "bound" then log(T.law.out_after_war, name) else log(T.law.out, name, L.long_date(V("ed_" .. s.id))) end
  end
end

-- Each turn: the votes, deposits and effective dates that have passed, told in date order
-- across the four states (a turn may cover months: a war's aftermath moves a year at a time).
function L.tick()
  local t = V("treaty")
  if t == "party" or t == "stay" or V("law_settled", false) then return end   -- nothing pending
  local today = F.game.date()
  for _ = 1, 4 * #L.STATES do   -- each state has at most four steps
    local first, fs, fwhat
    for _, s in ipairs(L.STATES) do
      local d, what = due(s, today)
      if d and (not first or d < first) then first, fs, fwhat = d, s, what end
    end
    if not first then break end
    step(fs, fwhat)
  end
  L.sum_up()
end

-- The council's notice decision: deposit each voted state's notice, on the real date when
-- the council decides in time, else today (a notice follows its parliament's vote).
function L.deposit()
  local today = F.game.date()
  for _, s in ipairs(L.STATES) do
    local st = L.status(s.id)
    if (st == "party" or st == "voted") and not V("nd_" .. s.id) then
      F.var.set("nd_" .. s.id, s.notice >= today and s.notice or today)
    end
  end
  F.track.add("reputation", -5); F.track.add("alliance_cohesion", -2)
  L.tick()
end

-- Retraction during the six months (or before the deposit): every state stays a party [@icbl].
function L.retract()
  for _, s in ipairs(L.STATES) do
    local st = L.status(s.id)
    if st ~= "out" and st ~= "bound" then F.var.set("tr_" .. s.id, "stay"); F.var.set("nd_" .. s.id, nil) end
  end
  F.track.add("reputation", 3)
  L.sum_up()
end

-- Any notice that can still be retracted (deposited or planned, not yet effective)?
function L.retractable()
  for _, s in ipairs(L.STATES) do
    local st = L.status(s.id)
    if st == "notice" or (st ~= "out" and st ~= "bound" and st ~= "stay" and V(ND[s.id])) then return true end
  end
  return false
end

function L.planned()
  for _, s in ipairs(L.STATES) do if V(ND[s.id]) then return true end end
  return false
end

-- Legal status of a kind of field in an area: a short line for the card, and whether it is lawful.
-- T.law.status[kind] has the text under Amended Protocol II and the Ottawa Convention.
function L.field_status(kind, a)
  local s = a and L.state_of(a)
  local party = s and not L.out(s)
  if kind == "at" or kind == "lift" then return T.law.status[kind], true end
  if party then return T.law.status.party, false end
  return T.law.status[kind], kind ~= "unmarked"
end

R.law = L
return L
