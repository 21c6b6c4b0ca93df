-- Hostile checks that must pass inside the sandbox: nothing dangerous is
-- reachable, every API function refuses bad arguments with "bad argument" or a
-- named error, nothing prints an address, and the traps of determinism are closed.
scenario { id = "checks", title = "Checks", turns = 1 }
side { id = "council" }
track { id = "t" }
piece_type { id = "u" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }

-- (the os library's own names, such as remove, would only be reachable through os)
local forbidden = { io = 1, os = 1, package = 1, debug = 1, dofile = 1, loadfile = 1, dump = 1,
                    loadstring = 1, module = 1, getfenv = 1, setfenv = 1, newproxy = 1, execute = 1,
                    getenv = 1, popen = 1, randomseed = 1 }

local visited = 0
local function walk(t, path, seen)
  if seen[t] then return end
  seen[t] = true
  visited = visited + 1
  for k, v in pairs(t) do
    assert(not forbidden[k], "reachable: " .. path .. "." .. tostring(k))
    if type(v) == "table" then walk(v, path .. "." .. tostring(k), seen) end
  end
  local mt = getmetatable(t)
  if type(mt) == "table" then walk(mt, path .. "<mt>", seen) end
end

local function fails(pattern, f, ...)
  local ok, err = pcall(f, ...)
  assert(not ok, "expected failure: " .. pattern)
  assert(tostring(err):find(pattern, 1, true), "wrong error: " .. tostring(err) .. " (wanted " .. pattern .. ")")
end

setup(function()
  walk(_ENV, "_ENV", {})
  assert(visited > 10, "the walk must see into frozen tables (saw " .. visited .. ")")
  assert(#flank.side.list() == 1)
  assert(getmetatable("") == false, "the string metatable is hidden")
  assert(collectgarbage("count") > 0)
  -- bad arguments: wrong types, spoofed tables, NaN, infinities, extreme integers
  local F = flank
  fails("bad argument #1 to 'flank.track.get' (string expected, got table)", F.track.get, {})
  fails("bad argument #1 to 'flank.track.get' (string expected, got table)", F.track.get, setmetatable({}, { __tostring = function() return "t" end }))
  fails("number must be finite", F.track.set, "t", 0 / 0)
  fails("number must be finite", F.track.add, "t", math.huge)
  fails("number must be finite", F.track.add, "t", -math.huge)
  fails("no piece", F.piece.get, math.mininteger)
  fails("no piece", F.piece.get, 2 ^ 53)
  fails("no piece", F.piece.remove, 999)
  fails("number has no integer representation", F.piece.get, 1.5)
  fails("interval too large", F.rng.random, 1, math.maxinteger)
  fails("interval is empty", F.rng.random, 5, 1)
  fails("list is empty", F.rng.pick, {})
  fails("unknown side", F.area.set_owner, "a", 42)
  fails("must be a finite number", F.area.set, "a", "x", 0 / 0)
  fails("values are numbers, booleans or strings", F.var.set, "k", print)
  fails("log text longer", F.game.log, ("x"):rep(5000))
  fails("bad argument #1 to 'flank.piece.add' (table expected, got no value)", F.piece.add)
  local id = F.piece.add { type = "u", area = "a" }
  F.piece.remove(id)
  fails("no piece " .. id, F.piece.move, id, "a") -- a removed piece's id is an error, not a crash
  fails("expected a span", F.game.set_step, "1 fortnight")
  fails("interval is empty", math.random, 0)
  -- no addresses anywhere
  for _, v in ipairs { {}, print, coroutine.create(print) } do
    assert(not tostring(v):find("0x"), tostring(v))
    assert(not string.format("%s", v):find("0x"))
  end
  fails("'%p' is not available", string.format, "%p", {})
  -- determinism: sorted pairs and next, the engine's dice, no clock
  local keys = {}
  for k in pairs { b = 1, a = 2, c = 3, [10] = 4, [2] = 5 } do keys[#keys + 1] = tostring(k) end
  assert(table.concat(keys) == "210abc", table.concat(keys))
  assert(next { z = 1, y = 2 } == "y")
  assert(next {} == nil)
  local k1, k2 = {}, {}
  local t = { [k1] = 1 }
  -- tables as keys have no fixed order: iterating them is an error, not a silent difference
  fails("no fixed order", next, t)
  fails("no fixed order", pairs, t)
  -- frozen tables iterate, but never hand out their writable contents
  local n, seenstate = 0, nil
  for k, v, extra in pairs(string) do n = n + 1 end
  local _, state = pairs(_G)
  assert(state == _G, "pairs of a frozen table must hand back the table itself")
  fails("frozen", function() state.x = 1 end)
  assert(n > 10)
  assert(os == nil)
end)
