-- API tests written in Lua: a scenario whose setup and effects assert what the
-- flank API does. tests/script/test_script.c plays it; any failed assert is a
-- script error that fails the test with this file's line.
local F = flank

scenario { id = "api", title = "API checks", start = "2025-01-31", step = "1 month", turns = 3 }
side { id = "red" }
side { id = "blue" }
track { id = "t", min = 0, max = 10, start = 5 }
piece_type { id = "unit" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1}, {0, 1} }, owner = "red", props = { hp = 3, name2 = "x" } }
area { id = "b", ring = { {1, 0}, {2, 0}, {2, 1}, {1, 1} } }
area { id = "c", ring = { 5, 5, 6, 5, 6, 6 }, adjacent = { "b" } }

local function fails(pattern, f, ...)
  local ok, err = pcall(f, ...)
  assert(not ok, "expected an error matching " .. pattern)
  assert(tostring(err):find(pattern, 1, true), "error was: " .. tostring(err))
end

setup(function()
  -- tracks clamp to their range
  assert(F.track.get("t") == 5)
  assert(F.track.add("t", 100) == 10)
  assert(F.track.set("t", -3) == 0)
  F.track.set("t", 5)
  fails("unknown track 'tt' (did you mean 't'?)", F.track.get, "tt")
  fails("number must be finite", F.track.add, "t", 0/0)
  -- areas: map order, derived and explicit adjacency, owners, properties
  local ids = F.area.list()
  assert(#ids == 3 and ids[1] == "a" and ids[3] == "c")
  local a = F.area.get("a")
  assert(a.owner == "red" and a.hp == 3 and a.neighbors[1] == "b")
  assert(#F.area.neighbors("b") == 2)
  assert(F.area.get("a", "hp") == 3)
  F.area.set("b", "hp", 2)
  assert(F.area.add("b", "hp", 1.5) == 3.5)
  assert(F.area.sum("hp") == 6.5)
  assert(F.area.neighbor_sum("hp").a == 3.5)
  F.area.scale("hp", 2)
  assert(F.area.values("hp").b == 7)
  F.area.set_owner("b", "blue")
  assert(F.area.owner("b") == "blue")
  F.area.set_owner("b", nil)
  assert(F.area.owner("b") == nil)
  fails("unknown area 'bb'", F.area.get, "bb")
  fails("values are numbers, booleans or strings", F.area.set, "a", "x", {})
  -- pieces: ids grow, stale ids are errors, filters work
  local p = F.piece.add { type = "unit", area = "a", side = "red", props = { str = 4 } }
  local q = F.piece.add { type = "unit", area = "b" }
  assert(q == p + 1)
  assert(F.piece.get(p).str == 4 and F.piece.get(p, "str") == 4 and F.piece.get(q).side == nil)
  F.piece.move(q, "c")
  assert(F.piece.count { area = "c" } == 1 and F.piece.count { side = "red" } == 1 and F.piece.count() == 2)
  F.piece.remove(q)
  fails("no piece " .. q, F.piece.get, q)
  fails("unknown piece type 'unti' (did you mean 'unit'?)", F.piece.add, { type = "unti", area = "a" })
  -- vars
  assert(F.var.get("missing", 7) == 7)
  F.var.set("s", "text")
  assert(F.var.add("n", 2) == 2 and F.var.get("s") == "text")
  fails("is not a number", F.var.add, "s", 1)
  -- the dice: seeded, in range
  for _ = 1, 100 do
    local r = math.random(3)
    assert(r >= 1 and r <= 3)
  end
  assert(F.rng.pick { "x" } == "x")
  -- time
  assert(F.game.date() == "2025-01-31" and F.game.turn() == 0)
  -- the sandbox: no io, os, debug, package, dump; pairs is sorted; no addresses
  assert(io == nil and os == nil and debug == nil and package == nil and string.dump == nil)
  assert(not tostring({}):find("0x") and tostring(print) == "function")
  local keys = {}
  for k in pairs { zeta = 1, alpha = 2, [3] = 3, mid = 4 } do keys[#keys + 1] = tostring(k) end
  assert(table.concat(keys, ",") == "3,alpha,mid,zeta")
  fails("binary chunks", load, "\27Lua")
  fails("only \"count\"", collectgarbage, "collect")
  fails("'%p'", string.format, "%p", {})
end)

decision { id = "d", side = "red", title = "D", options = {
  { id = "x", effect = function()
      assert(F.game.side() == "red")
      -- month steps clamp: Jan 31 -> Feb 28 -> Mar 28
      if F.game.turn() == 2 then assert(F.game.date() == "2025-02-28") end
      F.var.add("effects", 1)
    end },
  { id = "never", requires = function() return false, "never offered" end },
} }

event { id = "check", on = "turn_end", effect = function()
  assert(F.track.history("t")[F.game.turn()] == nil) -- history is written after turn_end events
end }

ending { id = "cond", when = function()
  -- conditions may read but not change the game
  local ok, err = pcall(F.track.add, "t", 1)
  assert(not ok and err:find("only effects and setup"))
  return F.var.get("effects", 0) >= 2
end }
ending { id = "late", default = true }
