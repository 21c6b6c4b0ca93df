-- a policy with file-level state (put back before every game): a shared game cannot copy it
local calls = 0
return function()
  calls = calls + 1
  return calls % 3 == 0 and "y" or "x"
end
