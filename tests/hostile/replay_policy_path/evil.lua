-- a file of the sender's choosing: a replay that names it must not run it
print("EVIL POLICY RAN")
return function(view, decision) return decision.options[1] end
