-- Languages: flank.lang picks the text table; a missing translation falls back to English.
local ok, T = pcall(require, "text_" .. flank.lang)
if not ok then T = require "text_en" end
scenario { id = "lang", title = T.title, turns = 1 }
side { id = "a", name = T.side }
area { id = "r", ring = { {0, 0}, {1, 0}, {1, 1} } }
ending { id = "e", default = true }
