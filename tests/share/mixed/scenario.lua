-- Policies that agree for a while and then part, play with dice, keep file-level state,
-- print, or fail on one seed: a batch must give the same rows, output and errors whether
-- the engine plays a seed's policy sets as one game while they agree or each by itself
-- (tests/cli/test_ens_share.sh).
local F = flank
scenario { id = "mixed", title = "Sharing", turns = 12 }
side { id = "council" }
side { id = "adversary" }
phase { id = "c", side = "council" }
phase { id = "a", side = "adversary" }
area { id = "a", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "held", default = true }
ending { id = "lost", when = function() return F.track.get("t") < -30 end }
track { id = "t", name = "T", min = -1000, max = 1000, start = 0 }
track { id = "u", name = "U", min = -1000, max = 1000, start = 0 }
parameter { id = "weight", name = "Weight", default = 2, min = 1, max = 4, step = 1, assumption = true }

-- state outside the store (lint warns): a game shared up to a turn cannot copy it
local tally = 0
decision { id = "build", side = "council", options = {
  { id = "w", effect = function() tally = tally + 1; F.track.add("u", tally) end },
  { id = "x", effect = function() F.track.add("t", F.rng.random(3) + tally) end },
  { id = "y", effect = function() F.track.add("t", F.param.get("weight") * F.rng.random(2)) end },
  { id = "z", effect = function()
      F.track.add("u", 1)
      if F.rng.random(40) == 1 then print("a rare z on turn " .. F.game.turn()) end
    end } } }
decision { id = "press", side = "adversary", options = {
  { id = "wait" },
  { id = "push", effect = function() F.track.add("t", -F.rng.random(6)) end } } }

-- council: alike until a turn, then their own way
local function until_then(turn, later)
  return function(_, d)
    if F.game.turn() < turn then return "x" end
    return later
  end
end
policy { id = "early", side = "council", choose = until_then(3, "y") }
policy { id = "late", side = "council", choose = until_then(9, "y") }
policy { id = "never", side = "council", choose = until_then(99, "x") }
policy { id = "zed", side = "council", choose = until_then(6, "z") }
policy { id = "tally", side = "council", choose = until_then(4, "w") }
policy { id = "dice", side = "council", choose = function() return ({ "x", "y", "z" })[math.random(3)] end }
-- fails on one game only: the same error whichever way the games are played
policy { id = "brittle", side = "council", choose = function(view)
    if F.game.turn() == 7 and view.tracks.t == 9 and view.tracks.u == 0 then error("brittle at t=9") end
    return "x"
  end }
policy { id = "default", side = "adversary", choose = function() return math.random() < 0.3 and "push" or "wait" end }
policy { id = "calm", side = "adversary", choose = function() return "wait" end }
