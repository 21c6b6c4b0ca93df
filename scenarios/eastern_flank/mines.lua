-- Eastern Flank mines: stocks, fields in the ground, rapid and remote emplacement.

local F = flank
local C = require "eastern_flank/common"
local R, T, M, P, V, log = C.R, C.T, C.M, C.P, C.V, C.log


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

R.set_totals = set_totals
R.remote_deliver = remote_deliver
