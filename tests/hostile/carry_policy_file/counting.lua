-- a policy file loaded after the scenario was frozen: its file-level state must not carry over
local calls, seen = 0, {}
return function(view, decision)
  calls = calls + 1
  pcall(function() seen[#seen + 1] = calls end)
  return (calls + #seen) % 2 == 1 and "x" or "y"
end
