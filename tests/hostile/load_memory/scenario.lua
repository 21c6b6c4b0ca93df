-- memory runs out while the scenario loads: the message names file and line
scenario { id = "h", title = "H", turns = 2 }
side { id = "council" }
ending { id = "e", default = true }
local parts = {}
for i = 1, 100000 do parts[#parts + 1] = string.rep("x", 60000) .. i end
