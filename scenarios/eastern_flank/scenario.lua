-- Eastern Flank: the mine ban decision (the flagship scenario, project issue 4).
--
-- March 2025 to the end of 2027 in monthly turns (statement, parliament votes,
-- notice, Article 20's six months, doctrine, production, alternatives, protection);
-- a crisis and a war at daily turns if the adversary chooses them; then twenty
-- years of aftermath at yearly turns. The rules live in rules.lua (shared with
-- suwalki_gap), the numbers in model.lua, the words in text_en.lua, the AI in
-- policies.lua. docs/model-eastern-flank.md explains every mechanic and source.

local rules = require "eastern_flank/rules"
local policies = require "eastern_flank/policies"

rules.define {
  mode = "full",
  id = "eastern_flank",
  start = "2025-03-01",
  peace_end = "2027-12-01",   -- the last peacetime month: December 2027
  crisis_days = 5,
  years = 20,
  turns = 90,                 -- a hard cap; games end by themselves in at most ~71 turns
}
policies.define()
