-- a policy file that never decides
return function(view, decision) while true do end end
