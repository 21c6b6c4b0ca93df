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
return C
