-- Suwałki Gap: a week of crisis (daily turns), on the eastern_flank map and rules.
--
-- Summer 2027: the four states' withdrawals from the Ottawa Convention are in force
-- [@votes]; 240,000 AP mines are stockpiled for rapid emplacement and the border
-- areas have two levels of obstacles (assumptions of this scenario). Forces mass
-- around the ~100 km Polish-Lithuanian border between Kaliningrad and Belarus
-- [@politico]. Each day the council may lay its stockpile or evacuate, the allies may
-- surge, the adversary holds, attacks or stands down, and once the allies have set
-- their posture the council may reposition the brigades on the board. A war is fought
-- day by day on the board (up to ten days; formations advance area by area along the
-- axes, eastern_flank/warsim.lua); then ten years of aftermath. The adversary's
-- deterrence estimate plays the same war out. All rules are eastern_flank's: this
-- file only configures them.

local rules = require "eastern_flank/rules"
local policies = require "eastern_flank/policies"

rules.define {
  mode = "gap_week",
  id = "suwalki_gap",
  start = "2027-06-01",
  peace_end = "9999-12-31",  -- no monthly peace phase here
  crisis_days = 7,
  years = 10,
  turns = 40,                -- 7 crisis days + up to 10 war days + 10 years, with room to spare
}
policies.define()
