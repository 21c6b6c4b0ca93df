-- Eastern Flank rules: sides, tracks, decisions, events and endings, defined by
-- one function so that eastern_flank and suwalki_gap share every rule:
--
--   local rules = require "eastern_flank/rules"
--   rules.define{ mode = "full" }      -- or mode = "gap_week"
--
-- The numbers live in eastern_flank/model.lua, the words in eastern_flank/text_en.lua.
-- State is kept only in flank.var, tracks and area properties (see the model doc).

-- The rules are split by responsibility; each module adds its functions to R:
--   common.lua (shared helpers), mines.lua, peace.lua, law.lua, aftermath.lua,
--   cards.lua (the definitions: R.define), debrief.lua; the forces, deterrence and
--   the war on the board are war.lua, over the pure war model warsim.lua.

local C = require "eastern_flank/common"
local R = C.R
require "eastern_flank/mines"
require "eastern_flank/peace"
require "eastern_flank/aftermath"
require "eastern_flank/cards"
require "eastern_flank/debrief"

-- ------------------------------------------------------------------ forces, deterrence, war
-- (in eastern_flank/war.lua and warsim.lua: the same names on R for the other modules)
local War = require "eastern_flank/war"
R.update_forces, R.assess = War.update_forces, War.assess
R.start_crisis, R.end_crisis, R.start_war, R.war_day = War.start_crisis, War.end_crisis, War.start_war, War.war_day
R.war_report, R.refresh_marks = War.war_report, War.refresh_marks
R.war = War -- cards.lua defines the war's counters and the positioning card through it
-- The war calls back into the mines and aftermath modules.
War.rapid_emplace, War.remote_deliver, War.end_war = R.rapid_emplace, R.remote_deliver, R.end_war
War.context_marks = R.context_marks   -- the map's other marks, drawn again when the war clears its own

return R
