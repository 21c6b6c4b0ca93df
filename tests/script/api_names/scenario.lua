-- A fixture for the flank API's names: reading one that does not exist is an error where it
-- is read, naming the nearest one (not a nil that fails later as "attempt to call a nil
-- value"); every name that exists reads as before, and so do pairs, flank.lang and flank[1].
local F = flank

scenario { id = "api_names_fixture", title = "API names fixture", start = "2025-01-01", step = "1 month", turns = 1 }

side { id = "council", name = "Council" }
track { id = "budget", name = "Budget", min = 0, max = 100, start = 5 }
area { id = "north", name = "North", terrain = "plain", owner = "council", ring = { 0, 0, 1, 0, 1, 1, 0, 1 } }

local function err_of(f)
  local ok, e = pcall(f)
  return ok and "no error" or tostring(e)
end

decision {
  id = "probe", side = "council", title = "Probe",
  options = {
    { id = "probe", label = "Probe", effect = function()
        F.var.set("fn_miss", err_of(function() return F.track.ad end))
        F.var.set("module_miss", err_of(function() return F.trak end))
        F.var.set("far_miss", err_of(function() return F.track.zzzzzz end))
        F.var.set("number_key", F[1] == nil)
        local n = 0
        for _ in pairs(F.track) do n = n + 1 end
        F.var.set("track_fns", n)
        F.var.set("lang", F.lang)
        F.var.set("hit", F.track.add("budget", 1))
      end },
  },
}

ending { id = "over", title = "Over", default = true }
