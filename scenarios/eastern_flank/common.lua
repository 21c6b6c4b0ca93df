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
-- A figure as the indicators write it (engine/core/fl_fmt.c fl_fmt_num), so that a number reads
-- the same in the scenario's words and in the tables: whole amounts as they are, from 100
-- rounded to whole, from 10 one decimal, below two, trailing zeros dropped: 12.5 -> "12.5",
-- 72.04 -> "72", 1260.4 -> "1,260", 0.35 -> "0.35", -0.001 -> "0".
function C.fig(x)
  local a = math.abs(x)
  local s = string.format("%." .. (((a == math.floor(a) or a >= 100) and 0) or (a >= 10 and 1) or 2) .. "f", a)
  if s:find(".", 1, true) then s = s:gsub("0+$", ""):gsub("%.$", "") end
  return ((x < 0 and s ~= "0") and "-" or "") .. C.num(tonumber(s), #(s:match("%.(%d+)$") or ""))
end
-- A percentage as the indicators show it (fl_fmt_track), so that the debrief's "47%" is the
-- table's "47%": from 1% in whole points, halves away from zero (46.5 -> "47", where
-- string.format's "%.0f" says 46), below 1% as C.fig ("0.35").
function C.pct(x)
  local a = math.abs(x)
  if a < 1 then return C.fig(x) end
  local r = math.floor(a)
  if a - r >= 0.5 then r = r + 1 end
  return C.fig(x < 0 and -r or r)
end
-- Money as the indicators and the cards show it (fl_fmt_qty with the tracks' unit "US$ M"):
-- C.fig after the currency: 0 -> "US$0 M", 0.3 -> "US$0.3 M", 8.4 -> "US$8.4 M", 1260.4 -> "US$1,260 M".
function C.money(x)
  local s = C.fig(math.abs(x))
  return ((x < 0 and s ~= "0") and "-" or "") .. "US$" .. s .. " M"   -- -0.001 is "US$0 M", not "-US$0 M"
end
return C
