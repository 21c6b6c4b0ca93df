-- What every eastern_flank rules module shares: the rules table R (each module adds
-- its functions to it; rules.lua returns it), the words T in the language asked for,
-- the model M and its numbers P, and three one-line helpers.
--
-- The words: a translation is one file, text_<lang>.lua, with the same keys as
-- text_en.lua; English where there is none yet (flank run --lang lt).

local F = flank
local M = require "eastern_flank/model"
local ok, T = pcall(require, "eastern_flank/text_" .. flank.lang)
if not ok then T = require "eastern_flank/text_en" end

local C = { R = {}, T = T, M = M, P = M.P }
C.V = F.var.get      -- V(k, default): a var (the API function itself: no extra call)
local V, game_log, format = F.var.get, F.game.log, string.format   -- (not looked up in the frozen tables each call)
function C.stage() return V("stage") end
function C.log(fmt, ...) game_log(format(fmt, ...)) end
-- 12345.6 -> "12,346"; with decimals: C.num(1234.56, 1) -> "1,234.6".
local FMT = { [0] = "%.0f", "%.1f", "%.2f", "%.3f" }
function C.num(x, decimals)
  local s = string.format(FMT[decimals or 0] or ("%." .. decimals .. "f"), x)
  if x < 999 and x > -999 then return s end   -- nothing to separate (most numbers shown)
  local int, frac = s:match("^(-?%d+)(.*)$")
  int = int:reverse():gsub("(%d%d%d)", "%1,"):reverse():gsub("^(-?),", "%1")
  return int .. frac
end
-- Money as the indicators and the cards show it (engine/core/fl_fmt.c: fl_fmt_qty with the
-- tracks' unit "US$ M"), so that a figure reads the same in the scenario's words: whole
-- amounts as they are, from 100 rounded to whole, from 10 one decimal, below two, trailing
-- zeros dropped: 0 -> "US$0 M", 0.3 -> "US$0.3 M", 8.4 -> "US$8.4 M", 1260.4 -> "US$1,260 M".
function C.money(x)
  local a = math.abs(x)
  local s = string.format("%." .. (((a == math.floor(a) or a >= 100) and 0) or (a >= 10 and 1) or 2) .. "f", a)
  if s:find(".", 1, true) then s = s:gsub("0+$", ""):gsub("%.$", "") end
  local sign = (x < 0 and s ~= "0") and "-" or ""   -- -0.001 is "US$0 M", not "-US$0 M"
  return sign .. "US$" .. C.num(tonumber(s), #(s:match("%.(%d+)$") or "")) .. " M"
end
return C
