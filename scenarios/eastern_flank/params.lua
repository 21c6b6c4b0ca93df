-- Eastern Flank costs and the peace, law and aftermath assumptions a teacher can change.
--
-- Money is in US$ million. Every figure cites a source id (sources.lua) or says
-- ASSUMPTION with its reasoning; docs/model-eastern-flank.md explains them. The
-- parameter{}s (Q.define) can be changed with --set ID=VALUE, the class settings or the
-- briefing's Assumptions panel; rule code reads them with flank.param.get.

local Q = {
  -- Budget for counter-mobility, fields and mine action. ASSUMPTION: of the order of
  -- Poland's East Shield alone, PLN 10 bn (~US$2.5 bn) over 2024-2028, ~US$500 M a year
  -- [@eastshield]; the four states together can spend about that on this game's choices.
  budget_start = 400, budget_month = 40,
  budget_year = 25,              -- aftermath: a national mine-action budget (ASSUMPTION)

  -- Anti-tank obstacle belt: ditches, dragon's teeth, AT mines, bunkers. East Shield costs
  -- ~US$2.5 bn for ~700 km of border, ~US$3.6 M per km [@eastshield]; the Baltic Defence
  -- Line is the same kind of work [@bdl]. One order builds one obstacle level on
  -- at_belt_km of the area's axis (ASSUMPTION: the roads and open ground an attack uses).
  at_cost_km = 3.6, at_belt_km = 30,

  -- An AP field: 30,000 mines (model.lua field_kmines) in a belt field_km long, ~1 km deep.
  field_km = 20,                 -- ASSUMPTION: 1,500 mines per km of belt
  fence_cost_km = 0.2,           -- fence and signs per km of perimeter (ASSUMPTION; far below a border barrier)
  monitor_year = 2,              -- watching a marked field (APII "monitored"), per field per year (ASSUMPTION)
  remote_mine_cost = 1.0,        -- US$ M per thousand scatterable mines with self-destruct and
                                 -- self-deactivation: ~$1,000 a mine, the price of a delivery system's
                                 -- rounds, not of a $3-30 simple mine [@ngo_rule] (ASSUMPTION). The
                                 -- order buys them: they do not come from the store (mines.lua)
  remote_system = 20,            -- launchers and training, once (ASSUMPTION)
  lift_cost_kmine = 0.3,         -- lifting a recorded field: $300 a mine, the low end of removal [@ngo_rule]
  -- Recorded fields are released ~10x faster than suspect land: lifting mines whose places are
  -- known costs $300-1,000 a mine [@ngo_rule], at 1,500 a km² US$0.5-1.5 M per km², against
  -- US$2-39 M per km² for clearing suspect land [@eps2006]. ASSUMPTION: the ratio of the two.
  record_speed = 10,

  -- Engineer time. ASSUMPTION: the four states' engineers lay or build about 30 km of belt a
  -- month in peacetime and 40 km a day (two fields) when mobilised in a crisis; allied engineers add 10 km
  -- a month per hosted brigade, but only for work that does not help lay AP mines when
  -- the lead nation is a party (Ottawa Art. 1(1)(c) [@ottawa]): the UK, Canada and Germany
  -- lead in Estonia, Latvia and Lithuania; the US, not a party, in Poland [@efp].
  eng_month = 30, eng_max = 90, eng_allied = 10,   -- in a crisis: the emplace_speed parameter
  unmarked_km_factor = 0.5,      -- no fence, no records: half the engineer time (ASSUMPTION)

  -- Hosting allied brigades: barracks, ranges and housing for a brigade of ~4,800 troops (the
  -- size of Panzerbrigade 45 [@pzbrig45]) cost hundreds of millions; host-nation support per
  -- added brigade and year on top (ASSUMPTIONS: no published budget in our sources).
  brigade_upkeep_year = 60, host_cost = 250,
  sensors_cost = 80,             -- a sensor and drone layer on the border (ASSUMPTION)
  store_cost_year = 1,           -- storing and guarding 100,000 mines a year (ASSUMPTION)
}

function Q.define()
  parameter { id = "base_war_risk", name = "Base risk of a crisis", unit = "per month", default = 0.01,
    min = 0, max = 0.1, step = 0.005,
    text = "Chance each month that the adversary opens a crisis whatever the deterrent: accidents, "
      .. "miscalculation, politics at home. It makes a war during the six months of Article 20 possible.",
    assumption = "No source measures it; 1% a month is about one crisis in eight years of peace (12% a year)." }
  parameter { id = "crisis_unrecorded", name = "Crisis fields left unrecorded", unit = "share", default = 0.3,
    min = 0, max = 1, step = 0.05,
    text = "Share of the fields laid in a hurry (a crisis, the first hours of a war) that end up unmarked and "
      .. "unrecorded, as in Bosnia and Herzegovina's war [@legacy].",
    assumption = "Hurried laying under pressure; no published rate for the Baltic states' engineers." }
  parameter { id = "casualty_rate", name = "Casualties per km² a year", unit = "people/km²/yr", default = 0.45,
    min = 0.05, max = 2, step = 0.05,
    text = "Casualties per km² of unmarked hazard a year in a populated area right after a war; the rate decays "
      .. "over about six years to a floor. Loosely anchored on Cambodia (65,086 casualties since 1979 and "
      .. "1,697 km² still contaminated in 2025) and Bosnia (~1,000 km² suspect ~2019) [@legacy].",
    assumption = "A single rate stands for very different places; see the model doc." }
  parameter { id = "clear_speed", name = "Clearance speed (full programme)", unit = "km²/yr", default = 12,
    min = 2, max = 60, step = 2,
    text = "km² a year the council's full clearance programme releases. States parties cleared 219-281 km² a year "
      .. "worldwide in 2022-2023 [@lm2024]; a national programme does a few percent of that.",
    assumption = "A national programme of a few hundred deminers: a few percent of the world's yearly clearance." }
  parameter { id = "clear_cost", name = "Clearance cost", unit = "US$ M/km²", default = 10, min = 2, max = 39,
    step = 1, source = "eps2006",
    text = "Clearance costs ~US$2-39 per m² by country and method [@eps2006]; the default takes US$10 per m²." }
  parameter { id = "resolve", name = "Adversary's resolve (average)", unit = "share", default = 0.65,
    min = 0.35, max = 1, step = 0.05,
    text = "How much risk the adversary accepts for a quick success. Each game draws it at random within 0.35 of "
      .. "this average (never above 1): an attack comes when its resolve outweighs deterrence. Higher: wars "
      .. "come more often whatever the posture, and the posture matters less.",
    assumption = "Intentions cannot be measured; the default spreads them evenly from cautious (0.3) to reckless (1)." }
  parameter { id = "mine_effect", name = "Military effect of AP mines", unit = "x the model's", default = 1,
    min = 0, max = 2, step = 0.25,
    text = "How much AP mines slow an attacker, raise its losses and protect anti-tank belts, as a multiple of "
      .. "the model's numbers (docs/model-eastern-flank.md). 0: mines have no military effect at all, only "
      .. "their harm; 2: twice the model's effect. The results that favour fields rest on these numbers.",
    assumption = "No open source measures AP mines' delaying effect on a modern armoured advance." }
  parameter { id = "war_pop_rate", name = "Civilian casualties of a battle", unit = "per 1,000 people", default = 1.2,
    min = 0, max = 10, step = 0.2,
    text = "Civilians killed or injured when an area is fought over, per 1,000 people living there "
      .. "(halved when evacuated), before any mines. It decides how much war harm weighs against mine harm.",
    assumption = "No source for a war on this ground; of the order of a short, intense war in towns." }
  parameter { id = "emplace_speed", name = "Emplacement speed in a crisis", unit = "km/day", default = 40,
    min = 10, max = 120, step = 10,
    text = "Kilometres of minefield belt the four states' engineers lay in a day when mobilised in a crisis "
      .. "(a field is a 20 km belt). Faster: a stockpile turns into fields before a war comes.",
    assumption = "Two fields a day for the four states together; no published rate for their engineers." }
end

function Q.get(id) return flank.param.get(id) end

return Q
