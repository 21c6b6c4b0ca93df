-- Every player-facing string of eastern_flank and suwalki_gap, in English.
-- A translation is one file: copy this table, translate the values, keep the keys
-- and the %-formats. Figures carry their source, cited as [@...] with a source id (the
-- bibliography is sources.lua), or the word "assumption". Citations stay as they are in a translation.

local T = {}

T.scenario = {
  full = {
    title = "Eastern Flank: the mine ban decision",
    blurb = "March 2025. The defence ministers of Estonia, Latvia, Lithuania and Poland recommend leaving the "
      .. "Ottawa Convention. Decide whether to withdraw, whether to make, stockpile or lay anti-personnel mines "
      .. "and how, what to build instead, and how to protect civilians; then live with deterrence, perhaps war, "
      .. "and twenty years of what lies in the ground.",
  },
  gap_week = {
    title = "Suwałki Gap: a week of crisis",
    blurb = "Summer 2027. The withdrawals are in force and mines are stockpiled for rapid emplacement. Forces "
      .. "mass around the ~100 km Polish-Lithuanian border between Kaliningrad and Belarus. Seven days, day by day.",
  },
}

T.sides = {
  council = { name = "Defence council",
    text = "The defence ministers of Estonia, Latvia, Lithuania and Poland, deciding together." },
  allies = { name = "Allies",
    text = "NATO: forward-stationed battlegroups and brigades, reinforcements, air power. The UK, Canada and "
      .. "Germany, which lead the battlegroups in Estonia, Latvia and Lithuania, are parties to the Ottawa "
      .. "Convention and may not assist anyone with AP mines (Art. 1(1)(c)); the United States, which leads in "
      .. "Poland, is not a party [@ottawa; @efp; @lm2024]." },
  humanitarian = { name = "Humanitarian community",
    text = "The ICBL, NGOs and mine-action donors: campaigns, mine-risk education, clearance funding." },
  adversary = { name = "Adversary",
    text = "A neighbour weighing what an attack would gain against what it would cost." },
  estonia = { name = "Estonia", text = "Follows the council unless a person plays it: may refuse AP fields on its Russian border (Narva, Võru)." },
  latvia = { name = "Latvia", text = "Follows the council unless a person plays it: may refuse AP fields on its eastern border (Rēzekne, Daugavpils)." },
  lithuania = { name = "Lithuania", text = "Follows the council unless a person plays it: may refuse AP fields on its Belarus border (Vilnius, Alytus)." },
  poland = { name = "Poland", text = "Follows the council unless a person plays it: may refuse AP fields on the Suwałki Gap and Podlasie (Białystok)." },
}
T.phases = { council = "Council meets", national = "National decisions", allies = "Allies decide",
  humanitarian = "Humanitarian community", adversary = "Adversary moves" }

T.tracks = {
  deterrence = { name = "Deterrence",
    text = "How unattractive an attack looks to the adversary, 0-100. It plays the war out on the board as it "
      .. "stands (fields, obstacles, brigades, sensors) for its chance of reaching a capital quickly (denial) "
      .. "and the share of its force it would lose (cost), and adds the allied tripwire times cohesion "
      .. "(punishment) [@snyder; @schelling]. Reviewed every quarter in peace, daily in a crisis, so an order "
      .. "shows at the next review; and while the adversary still expects to reach a capital whatever stands in "
      .. "its way, another field or sensor adds little denial. The weights are assumptions." },
  deterrence_avg = { name = "Deterrence (2025-2027 average)",
    text = "Monthly deterrence averaged over the peacetime months of the decision window." },
  alliance_cohesion = { name = "Alliance cohesion", text = "How united the allies are behind the defence." },
  reputation = { name = "Humanitarian reputation", short = "Reputation", text = "Standing with treaty partners, donors and the public (a model measure: its changes are assumptions)." },
  budget = { name = "Budget", text = "Money left for counter-mobility, fields and mine action, US$ million. About "
    .. "US$40 M a month in peace (assumption, of the order of East Shield's PLN 10 bn over 2024-2028 [@eastshield]); "
    .. "US$25 M a year after 2027." },
  spent = { name = "Money spent", short = "Spent", text = "Everything the council paid for, US$ million: obstacles, "
    .. "fences, monitoring, mines, stores, sensors, hosting allies and the upkeep of brigades they add (US$60 M a year "
    .. "each), clearance. The cost side of the trade-off." },
  territory_held = { name = "Territory held", text = "Share of the four states' map areas held." },
  civilian_casualties_peace = { name = "Civilian casualties (peacetime)", short = "Peace casualties",
    text = "People killed or injured by emplaced mines before any war, e.g. people pushed across a border." },
  civilian_casualties_war = { name = "Civilian casualties (war)", short = "War casualties", text = "People killed or injured in the war." },
  civilian_casualties_postwar = { name = "Civilian casualties (aftermath)", short = "Later casualties",
    text = "People killed or injured by mines and unexploded ordnance in the aftermath years." },
  contaminated_km2 = { name = "Contaminated area", short = "Later contamination",
    text = "Suspected and confirmed hazardous area, km², counted from the aftermath on: when a war ends (or at the "
      .. "end of 2027 in peace) the fields and the fighting's unexploded ordnance become land to survey and clear. "
      .. "During a war it stays 0; each area's tooltip shows its battle contamination so far." },
  cleared_km2 = { name = "Area cleared", text = "km² cleared or released." },
  mines_stockpiled = { name = "AP mines stockpiled", text = "Thousands of anti-personnel mines in store: one store "
    .. "for marked, unmarked and stockpile fields, laid in peace or in a crisis (remotely delivered fields come "
    .. "with their own mines)." },
  mines_emplaced = { name = "AP mines emplaced", text = "Thousands of anti-personnel mines in the ground." },
  hours_to_capital = { name = "Hours to a capital",
    text = "Hours until the attacker reached the outskirts of Tallinn or Riga (999: never)." },
  rapid_overrun = { name = "Rapid overrun", text = "1 if a capital's outskirts were reached within 7 days." },
}
T.pieces = { minefield = "Minefield", brigade = "Brigade" }

-- Map views (the window cycles them with V; flank render --overlay ID)
T.overlays = {
  mines = { name = "AP mines in the ground", unit = "thousand mines",
            text = "Anti-personnel mines emplaced in each area, marked or not; a field is 30,000 mines (assumption)." },
  mines_planned = { name = "AP mines planned, not yet laid", unit = "thousand mines",
            text = "Fields bought for later: stockpile fields laid in a crisis, remotely delivered fields scattered "
              .. "when an attack begins (self-destructing; their rounds come with the order)." },
  obstacles = { name = "Obstacles and anti-tank barriers", unit = "level",
                text = "Ditches, dragon's teeth, anti-tank mines and bunkers of the Baltic Defence Line and East Shield [@bdl; @eastshield]." },
  contamination = { name = "Suspected hazardous area", unit = "km²",
                    text = "Land that must be surveyed or cleared after the war; unrecorded fields make far more land suspect [@legacy]." },
}
T.states = { estonia = "Estonia", latvia = "Latvia", lithuania = "Lithuania", poland = "Poland" }
T.sectors = { estonia = "Estonia (Narva, Võru)", latvia = "Latvia (Rēzekne, Daugavpils)",
  lithuania = "Lithuania (Vilnius, Alytus)", poland = "Poland (Suwałki Gap, Białystok)" }

T.dec = {
  statement = {
    title = "Leave the mine ban?",
    text = "18 March 2025: the four defence ministers 'unanimously recommend withdrawing', citing Russia (not a "
      .. "party) and 'significantly increased' threats, and say they remain committed to humanitarian law "
      .. "[@statement]. For: counter-mobility, a denial effect (Lithuania's framing) [@lt_mod; @snyder]. "
      .. "Against: 5,757 mine casualties worldwide in 2023, 84% of them civilians [@lm2024], and mines that "
      .. "stay for decades.",
    opt = {
      withdraw = { label = "Recommend withdrawal", text = "Parliaments vote; then notice under Article 20. Lawful: "
        .. "Art. 20 lets a party leave with six months' notice; Amended Protocol II still binds [@ottawa; @apii].",
        preview = "Reputation -5, cohesion -2 (assumption: how partners and NGOs react)" },
      reaffirm = { label = "Stay in the treaty", text = "Keep the ban; invest in obstacles, sensors and allies.",
        preview = "Reputation +5 (assumption: how partners and NGOs react)" },
    },
  },
  notice = {
    title = "Deposit the notice of withdrawal",
    text = "The parliaments vote from April to June 2025. Article 20: withdrawal takes effect six months after the UN Secretary-General "
      .. "receives the notice; if the state is then in an armed conflict, not before that conflict ends. "
      .. "A notice may be retracted during the six months [@ottawa, Art. 20; @icbl].",
    opt = {
      deposit = { label = "Deposit the notices", text = "Each state's notice once its parliament has voted; "
        .. "in force six months later (Art. 20(2)), not during an armed conflict (Art. 20(3)).",
        preview = "Reputation -5, cohesion -2 (assumption: how partners and NGOs react)" },
      hold = { label = "Wait a month" },
    },
  },
  retract = {
    title = "Keep the notices of withdrawal?",
    text = "A notice may be withdrawn until it takes effect [@icbl]: the states would stay parties to the Ottawa "
      .. "Convention, with its ban on use, stockpiling, production and assistance (Art. 1) [@ottawa].",
    opt = {
      keep = { label = "Keep them" },
      retract = { label = "Take them back: stay a party after all", preview = "Reputation +3 (assumption: how partners and NGOs react)",
        text = "Every notice not yet in force is withdrawn; the states stay parties." },
    },
  },
  production = {
    title = "Mine production",
    text = "Making an AP mine costs about $3-30, removing one $300-1,000, by a weak rule of thumb [@ngo_rule]. "
      .. "Poland spoke of up to a million mines [@defensenews]. The mines made go into one store: "
      .. "marked and unmarked fields and crisis laying all draw on it. Remotely delivered fields do not: "
      .. "their orders buy their own mines, in the rounds that scatter them.",
    opt = {
      none = { label = "No production" },
      low = { label = "20,000 a month", preview = "US$0.3 M a month (assumption)",
        text = "Lawful only once out of the Ottawa Convention (Art. 1 bans production for parties) [@ottawa]." },
      high = { label = "80,000 a month", preview = "Reputation -3; US$1.2 M a month (assumptions)",
        text = "Lawful only once out of the Ottawa Convention [@ottawa]; a signal other states may follow." },
    },
  },
  national = {
    title = "%s: the council's fields in our sector",
    text = "The council lays fields on the whole border; each state may refuse AP mines in its own sector. "
      .. "A state that has left the Ottawa Convention is still bound by Amended Protocol II [@ottawa, Art. 20(4); @apii].",
    opt = {
      follow = { label = "Follow the council" },
      veto = { label = "No AP mines in our sector", text = "Lift any AP fields here; anti-tank obstacles stay.",
        preview = "Reputation +1 (assumption); lifting costs US$0.3 M per 1,000 mines" },
      unveto = { label = "Allow AP fields again" },
    },
  },
  fields = {
    title = "Fields on the border",
    text = "Choose a kind of field, then one or more areas on the map; repeat, then Done. Each order takes engineer time "
      .. "(about 30 km of belt a month, assumption) and money. Amended Protocol II binds its parties, the four "
      .. "states among them, whether or not they stay in the Ottawa Convention (Ottawa Art. 20(4)): AP mines without "
      .. "self-destruct and self-deactivation only in perimeter-marked, fenced and monitored areas (Art. 5), "
      .. "recorded (Art. 9); remotely delivered AP mines only with self-destruct and back-up self-deactivation "
      .. "(Art. 6, Technical Annex 3) [@apii]. The Ottawa Convention bans AP mines for its "
      .. "parties and any help with them (Art. 1) [@ottawa]. Marked, unmarked and stockpile fields take their mines "
      .. "from ONE store, which only Mine production fills (once a withdrawal has taken effect): marked and unmarked "
      .. "fields take theirs when laid; stockpile fields take theirs only when a crisis or an attack comes, from "
      .. "whatever is left. Every field laid in peace leaves fewer mines for crisis laying. Remotely delivered fields "
      .. "do not draw on the store: each order buys its own 30,000 mines, in the rounds that scatter them.",
    opt = {
      done = { label = "Done for this quarter" },
      at = { label = "Anti-tank obstacles only", text = "Ditches, dragon's teeth, AT mines and bunkers on 30 km of "
        .. "the area's axis: +1 obstacle level. US$3.6 M per km, as East Shield [@eastshield; @bdl]." },
      marked = { label = "AP mines: marked, fenced, monitored", text = "30,000 mines from the shared store, "
        .. "recorded; fence and signs "
        .. "~US$0.2 M per km of perimeter, monitoring US$2 M a year (assumptions)." },
      unmarked = { label = "AP mines: unmarked", text = "30,000 mines from the shared store. Half the engineer "
        .. "time and no fence; reputation -5, cohesion -2; people stray into it." },
      remote = { label = "Remotely delivered (self-destruct and self-deactivation)", text = "Planned now, "
        .. "scattered when an attack starts, from rounds this order buys (not from the shared store): at most 1 in "
        .. "1,000 still active after 120 days [@apii]. US$30 M per field buys its 30,000 mines in their rounds "
        .. "(~$1,000 a mine: the price of a mine that is scattered and destroys itself, not of a $3-30 simple mine "
        .. "[@ngo_rule]); US$20 M of launchers once (assumptions)." },
      stockpile = { label = "Stockpile for crisis laying", text = "Laid only in a crisis, from what peacetime "
        .. "fields leave in the shared store. No mines in the ground now: engineers lay them in a crisis, two fields "
        .. "a day, if there is warning; some hurried fields go unrecorded. Marked and unmarked fields take their "
        .. "mines from the same store when they are laid: with too few left, fewer fields go in." },
      lift = { label = "Lift an AP field", text = "Back into the store: US$300 a mine [@ngo_rule]." },
    },
  },
  alternatives = {
    title = "Counter-mobility without AP mines",
    text = "Anti-tank belts are ordered area by area on 'Fields on the border', as the Baltic Defence Line (Jan "
      .. "2024) and Poland's East Shield (PLN 10 bn, ~700 km) build them [@bdl; @eastshield]. Here: warning time and "
      .. "room for allied brigades, both lawful under the Ottawa Convention.",
    opt = {
      none = { label = "Nothing this quarter" },
      sensors = { label = "Sensors and drones", text = "More warning: time to emplace and to reinforce.",
        preview = "Per level (3 at most): reinforcements half a day sooner, fires +5% (assumptions)" },
      host_allies = { label = "Host-nation support for allied forces", text = "Barracks, ranges and training areas. "
        .. "It does not bring a brigade by itself: the allies decide that on 'Allied commitment', more readily "
        .. "where they are welcome (cohesion).",
        preview = "Cohesion +4; allied engineers add 10 km of belt a month, but not for AP mines where the lead "
          .. "nation is a party (assumptions)" },
    },
  },
  protection = {
    title = "Civilian protection",
    text = "Marking, fencing and records keep people out of fields; mine-risk education reduces casualties; "
      .. "transparency reports (as Art. 7 requires of parties) keep partners informed [@ottawa, Art. 7; @apii].",
    opt = {
      none = { label = "Nothing more" },
      mark_all = { label = "Mark and fence every field", preview = "Reputation +3 (assumption); US$8.4 M per field",
        text = "Brings unmarked fields into line with Amended Protocol II Arts. 5 and 9 [@apii]." },
      education = { label = "Mine-risk education", preview = "30% fewer casualties from mines after a war (assumption)" },
      transparency = { label = "Publish a transparency report", preview = "Reputation +2, cohesion +1 (assumption: how partners and NGOs react)" },
    },
  },
  crisis_measures = {
    title = "Crisis: council measures",
    text = "A crisis: the adversary is massing forces on the border, and may attack any day or stand down. "
      .. "Stockpiled mines can be laid now, recorded and marked by engineers; border villages can be evacuated.",
    opt = {
      hold = { label = "Hold" },
      emplace = { label = "Lay the stockpiled fields", preview = "Two fields a day where stockpile laying is planned, "
        .. "from what is left in the shared store",
        text = "Lawful once out of the Ottawa Convention; Amended Protocol II still asks for marking and records "
          .. "(Arts. 5, 9) [@apii], and some hurried fields go unrecorded." },
      evacuate = { label = "Evacuate border areas", preview = "Halves civilian casualties in a war (assumption)" },
    },
  },
  war_measures = {
    title = "War: council measures",
    text = "The attack has begun. Each day its formations move area by area along the axes on the map; fields "
      .. "and obstacles slow and wear them down where they lie.",
    opt = {
      fight = { label = "Fight on" },
      evacuate = { label = "Evacuate civilians", preview = "Halves civilian casualties in areas not yet fought over (assumption)" },
    },
  },
  programme = {
    title = "Mine action plan for the next three years",
    text = "Clearance costs ~$2-39 per m² [@eps2006]; we use $10 (assumption). States parties cleared "
      .. "219-281 km² a year worldwide in 2022-2023 [@lm2024].",
    opt = {
      minimal = { label = "Minimal: fences only" },
      clear_low = { label = "Clearance, 3 km² a year", preview = "For three years, at ~US$10 M per km² (assumption)" },
      clear_high = { label = "Clearance, 12 km² a year", preview = "For three years, at ~US$10 M per km² (assumption)" },
      full = { label = "Clearance, risk education, victim assistance",
        preview = "12 km² a year for three years, and 30% fewer casualties (assumptions)" },
    },
  },
  rejoin = {
    title = "Rejoin the Ottawa Convention?",
    text = "Rejoining means destroying stockpiles within four years (Art. 4) and clearing mined areas within "
      .. "ten [@ottawa, Art. 4-5].",
    opt = { stay_out = { label = "Stay out" }, rejoin = { label = "Accede again", preview = "Reputation +15 (assumption: how partners and NGOs react)" } },
  },
  posture = {
    title = "Allied force posture",
    text = "eFP battlegroups since 2017, 'to brigade' since 2022; Germany's Panzerbrigade 45 in Lithuania from "
      .. "April 2025 [@efp; @pzbrig45]. RAND found about seven brigades, three heavy, in place at the outset could "
      .. "prevent a rapid overrun [@rand].",
    opt = {
      historical = { label = "As planned (eFP, Panzerbrigade 45)" },
      seven_brigades = { label = "Seven brigades, three heavy, from the start", text = "RAND's posture (counterfactual)." },
      rand_2016 = { label = "2016 posture (a yardstick)", text = "A yardstick, not a plan: no forward presence, RAND's 2016 setting." },
    },
  },
  commitment = {
    title = "Allied commitment",
    text = "Allies weigh another forward brigade. It takes six months to arrive. Cohesion matters.",
    opt = { hold = { label = "Hold" },
      forward_brigade = { label = "Station another brigade", preview = "One more brigade on the border in six months; the council pays its upkeep, US$60 M a year "
        .. "(assumption)" } },
  },
  crisis_surge = {
    title = "Crisis: allied surge",
    text = "Pre-position forces and open the reinforcement route through the Suwałki Gap [@politico].",
    opt = { wait = { label = "Wait" }, surge = { label = "Surge", preview = "Reinforcements two days sooner" } },
  },
  war_support = {
    title = "War: allied support",
    text = "Air power and fires against the advancing columns (RAND's games included both) [@rand].",
    opt = { air = { label = "Air interdiction" }, hold = { label = "Hold air power back" } },
  },
  campaign = {
    title = "Campaign and advocacy",
    text = "The ICBL and NGOs answer what the council does; donors fund mine action (over US$1 bn in 2023) [@lm2024].",
    opt = {
      quiet = { label = "Quiet diplomacy" },
      public = { label = "Public campaign", preview = "Council reputation -2, cohesion -1 (assumption: how partners and NGOs react)" },
      support = { label = "Offer mine-risk education", preview = "Mine-risk education for border villages" },
    },
  },
  aid = {
    title = "Mine action funding",
    text = "Mine-action funding passed US$1 bn in 2023 worldwide [@lm2024].",
    opt = { advocacy = { label = "Advocacy only" },
      fund = { label = "Fund clearance for three years", preview = "Clearance +3 km² a year (assumption)" } },
  },
  adv_posture = {
    title = "This month's posture",
    text = "Weigh the chance of success against the cost: denial and punishment [@snyder].",
    opt = {
      wait = { label = "Wait" },
      probe = { label = "Hybrid probe: push people across the forest border" },
      crisis = { label = "Mass forces: open a crisis" },
      attack = { label = "Surprise attack" },
    },
  },
  adv_crisis = {
    title = "The crisis",
    text = "Forces are massed. Attack, hold, or stand down.",
    opt = { hold = { label = "Hold" }, attack = { label = "Attack" }, stand_down = { label = "Stand down" } },
  },
}

T.ev = {
  briefing = { title = "Briefing",
    full = "You are the defence ministers of Estonia, Latvia, Lithuania and Poland. This month you decide "
      .. "whether to recommend leaving the Ottawa Convention; historically the four ministers did so on 18 March "
      .. "2025, citing 'significantly increased' military threats [@statement]. The case for: Russia is not a "
      .. "party; AP mines hinder infantry on foot and make anti-tank belts harder to breach, slowing an advance "
      .. "and raising the attacker's losses, a denial effect [@snyder; @lt_mod]; RAND's "
      .. "2016 games saw Russian forces at the outskirts of Tallinn or Riga within 36-60 hours [@rand]. The case "
      .. "against: mines kill and maim mostly civilians (5,757 casualties in 2023, 84% civilians) [@lm2024], long "
      .. "after wars end (Bosnia, Cambodia, Poland's 96 million explosive items cleared 1944-2003) [@legacy]; anti-tank mines, obstacles, "
      .. "sensors and allied brigades are lawful alternatives; leaving weakens a norm 164 states keep [@lm2024]. "
      .. "Withdrawal takes effect six months after notice, and not during an armed conflict [@ottawa, Art. 20]. "
      .. "Model numbers are assumptions unless a source is named. The game: a turn a month until the end of "
      .. "2027, most of your decisions each quarter, a day at a time in a crisis or a war; then twenty aftermath "
      .. "years, a turn each (they begin as soon as a war ends).",
    gap_week = "June 2027. The withdrawals are in force; 240,000 AP mines are in store for rapid emplacement "
      .. "(assumption). Forces are massing around the Suwałki Gap, the Baltic states' only land link to NATO "
      .. "(~100 km of Polish-Lithuanian border [@politico]; ~65-70 km between Kaliningrad and Belarus at its "
      .. "narrowest [@afp]). Laying the stockpile now strengthens the defence "
      .. "and the deterrent; if the crisis passes, the mines are in the ground, near villages and forest "
      .. "paths, until someone lifts them.",
  },
  month = { title = "A month passes" },
  crisis_day = { title = "Crisis day" },
  crisis_begins = { title = "A crisis begins",
    text = "From now on a turn is a day, not a month: each day the adversary decides whether to attack, hold "
      .. "or stand down, and your crisis measures come again. Read the map before you end a day." },
  pushback = { title = "People pushed across the border",
    harm = "People were pushed across the forest border near %s and walked into a minefield: %d killed or injured.",
    safe = "People were pushed across the forest border near %s; border guards took them in." },
  war_day = { title = "A day of war: the front on the map, the news in the log" },
  finland = { title = "Finland leaves too", label = "Finland leaves the mine ban: 10 Jan 2026", label_out = "Finland left the mine ban: 10 Jan 2026",
    text = "Finland, not on the council, follows its own path: the Eduskunta voted 157-18 on 19 June 2025 and "
      .. "Finland deposited its notice on 10 July 2025; it takes effect on 10 January 2026 [@parliaments; @votes]." },
  finland_out = { title = "Finland is out",
    text = "Finland's withdrawal from the Ottawa Convention took effect on 10 January 2026 [@votes]." },
  ukraine = { title = "Ukraine 'suspends' the Convention",
    text = "On 29 June 2025 Ukraine decreed, and on 18 July told the UN, that it suspends the Ottawa Convention "
      .. "(Vienna Convention Art. 62) rather than withdraw under Art. 20. The ICBL and Human Rights Watch call "
      .. "this invalid: Art. 20(3) bars a withdrawal from taking effect during an armed conflict [@hrw2025; @icbl]." },
  lm2025 = { title = "Landmine Monitor 2025",
    text = "Released on 1 December 2025: 6,279 mine casualties in 2024, ~90% of them civilians, nearly half "
      .. "children [@lm2025]; indications of new Ukrainian AP mine use, some delivered by drone, after it received "
      .. "mines from the United States, and mass use by Russia [@unnews2025]." },
  peace_end = { title = "December 2027: no war",
    text = "The decision window closes without war. What lies in the ground and in the stores stays." },
  year = { title = "A year passes" },
  summit = { title = "NATO summit in The Hague", text = "Allies reaffirm Article 5 and agree to raise defence spending." },
}

T.log = {
  rapid = "Engineers laid %s stockpiled mines in a hurry.",
  push_harm = { "One person was killed or injured by mines after being pushed across the border near %s.",
    "%d people were killed or injured by mines after being pushed across the border near %s." },
  stray = { "A forester, hunter or border guard was hurt in an emplaced minefield this month.",
    "%d people (foresters, hunters, border guards) were hurt in emplaced minefields this month." },
  stand_down = "The adversary stood down; forces return to garrisons.",
  crisis = "A crisis: the adversary's formations mass opposite the border (marked on the map); "
    .. "the allies raise their readiness.",
  massing = "Forces massing",
  war_starts = "The attack begins.",
  area_falls = "%s has fallen.",
  capital = "The attacker reached the outskirts of %s after %.0f hours.",
  gap_closed = "The Suwałki Gap is closed: the land route from Poland to the Baltic states is cut.",
  reinforced = "Allied reinforcements arrive on day %d.",
  art20_after = "The conflict has ended; the withdrawal now takes effect (Art. 20(3)).",
  ceasefire = "Ceasefire after %d days.",
  -- the upkeep the council pays from now on: a cold student saw Spent rise each month unasked
  brigade = "Another allied brigade is stationed at %s (the allies' decision); the council pays its upkeep from now on, %s a year (Spent: allied brigades).",
  brigade_cancelled = "The allied brigade promised for %s is not sent: %s is occupied.",
  brigade_too_late = "The allied brigade promised for %s is not sent: the war is over.",
  follower = "Another state announces that it will leave the Ottawa Convention too, citing the four: the norm weakens (a model event, not history).",
}

T.endings = {
  deterrence_held = { title = "Deterrence held",
    text = "No war came in the decision window (2025-2027).",
    text_gap = "No war came in the week of crisis." },   -- suwalki_gap's debrief
  line_held = { title = "War; the line held",
    text = "The adversary attacked; no capital fell before the ceasefire." },
  territory_lost = { title = "War; territory lost",
    text = "The adversary attacked and took a capital or its outskirts before the ceasefire." },
}

T.debrief = {
  -- paragraphs of the debrief, in this order: the ending and why the war came or did not; the
  -- decisions that mattered; the war; the law; what lies in the ground; money; sources
  treaty = {
    party = "The four states stayed in the Ottawa Convention.",
    stay = "The four states stayed in the Ottawa Convention.",
    recommended = "Withdrawal was recommended but never voted.",
    voted = "Parliaments voted to withdraw; no notice was deposited.",
    notice = "The notices were deposited; the withdrawals had not taken effect.",
    blocked = "The six months ran out while the armed conflict went on; Art. 20(3) kept the withdrawals from "
      .. "taking effect.",
    out = "The withdrawals took effect six months after the notices (Art. 20).",
    rejoined = "The states left the Convention and later acceded again.",
    other = "",
  },
  -- why the war came or did not: the adversary's own estimate when it decided [@snyder; @schelling]
  why_war_crisis = "Why the war came: the adversary opened a crisis in %s and attacked on its day %d.",
  why_war_crisis_day = "Why the war came: the adversary attacked on day %d of the crisis.",
  why_war_surprise = "Why the war came: the adversary attacked by surprise in %s, with little warning.",
  why_peace = "Why no war came: the adversary did not attack in the decision window.",
  why_peace_gap = "Why no war came: the adversary stood down.",
  estimate = "%s it played the war out on the board as it stood (your fields, obstacles, brigades, sensors): "
    .. "it put its chance of reaching a capital's outskirts before a ceasefire at %s%% and its losses at %s%% of "
    .. "its force. Deterrence %s%%, in points: denial %s (its chance of failing) + expected losses %s + "
    .. "punishment %s (allied tripwire x cohesion) [@snyder; @schelling].",
  estimate_when = { war = "When it decided,", peace = "At its last review" },
  resolve = "Its resolve (its appetite for risk, drawn at random for each game around the assumption 'Adversary's resolve') was "
    .. "%s%%; with its forces still rebuilding (until late 2027, an assumption) it weighed %s%% against "
    .. "deterrence %s%%.",
  resolve_ready = "Its resolve (its appetite for risk, drawn at random for each game around the assumption 'Adversary's resolve') "
    .. "was %s%%, against deterrence %s%%.",
  luck = { "How lucky was this game? The resolve is drawn anew in each game: in %s%% of games it is lower than in "
    .. "this one, %s.", "a lucky draw for the council", "an ordinary draw", "an unlucky draw for the council",
    top = "How lucky was this game? The resolve is drawn anew in each game, and this one's is as high as it goes: "
    .. "an unlucky draw for the council." },
  verdict = {
    attack_ahead = "Resolve outweighed deterrence: an attack looked worth the risk.",
    attack_close = "Nearly even: with forces massed in a crisis, that was enough.",
    attack_anyway = "Deterrence outweighed its resolve, yet it attacked: the adversary was played by a fixed "
      .. "rule or a person, not by its estimate.",
    peace_ahead = "Deterrence outweighed its resolve: an attack did not look worth it.",
    peace_luck = "Its resolve was the larger, so an attack tempted it; it waited month after month and the "
      .. "window closed. Luck played its part: see your game among many.",
  },
  crises = { "It opened a crisis and stood down.", "It opened %d crises and stood down each time." },
  deterrence_range = "Deterrence over the game: lowest %s%%, highest %s%%.",
  -- what became of the AP mines (debrief.lua mines_told): the count when the aftermath began,
  -- what clearance removed, what is still in the ground (occupied land apart), the stores
  mines_told = {
    war = "When the fighting stopped, %s AP mines lay in the ground.",
    peace = "When the decision window closed, %s AP mines lay in the ground.",
    war_none = "When the fighting stopped, no AP mines lay in the ground.",
    peace_none = "When the decision window closed, no AP mines lay in the ground.",
    remote = "%s of them were scattered remotely and destroy themselves (at most 1 in 1,000 stays live "
      .. "[@apii]); they count here until their land is cleared, since nobody knows which are still live.",
    cleared = "In the %d years after, clearance removed %s of them; %s are still in the ground.",
    occupied = "%s of those lie in land the adversary occupies, where nobody can clear them.",
    occupied_all = "All of them lie in land the adversary occupies, where nobody can clear them.",
    stores = "AP mines left in stores: %s.",
    stores_rounds = "AP mines left in stores: %s, and %s in the rounds bought for remote delivery that no attack "
      .. "called for.",
  },
  war = "The war lasted %s; %s; %s%% of the territory was held.",
  war_days = { "one day", "%d days" },
  war_casualties = { "one civilian was killed or injured", "%s civilians were killed or injured" },
  capital = "A capital's outskirts were reached after %s hours (RAND's games: 36-60 hours with 2016 forces) [@rand].",
  gap = "The Suwałki Gap was closed, delaying reinforcements.",
  legacy = "Over %d aftermath years mines and unexploded ordnance killed or injured %s; %s km² remain "
    .. "contaminated (by mines or by the fighting's unexploded ordnance), %s km² were cleared. Peacetime casualties from emplaced mines: %s. For scale: 6,279 "
    .. "casualties worldwide in 2024, ~90%% civilians [@lm2025]; Bosnia still had ~1,000 km² suspect decades "
    .. "after its war [@legacy].",
  people = { "one person", "%s people", none = "nobody" },
  occupied_hazard = "%s km² of it lie in occupied land, where nobody can survey, clear or mark.",
  deterrence = "Final deterrence %s%%, alliance cohesion %s%%, humanitarian reputation %s%%.",
  why = "The council's orders that changed the board: %s.",
  others = "Not the council's orders, but they shaped the game: %s.",
  whatif = "To test one of them, play it the other way: pick it under 'Your decisions' in the window, or type "
    .. "'whatif' in the terminal.",
  why_items = {
    fields = "%s in %s",
    veto = "%s refused AP fields in its sector",
    unlawful = { "an unmarked field, unlawful under Amended Protocol II",
      "%d unmarked fields, unlawful under Amended Protocol II" },
    unrecorded = { "a field laid in a hurry that went unrecorded", "%d fields laid in a hurry that went unrecorded" },
    followers = { "another state followed the withdrawals", "%d other states followed the withdrawals" },
    brigades = { "an extra allied brigade (the allies' decision)", "%d extra allied brigades (the allies' decision)" },
    sensors = { "a sensor layer (more warning)", "%d sensor layers (more warning)" },
    hosted = "barracks for allied brigades",
    withdraw = "the recommendation to leave the Ottawa Convention",
    reaffirm = "staying in the Ottawa Convention",
    retracted = "taking the notices back",
    rapid = "warning in time to lay the stockpiled mines",
    surprise = "the adversary's surprise attack with little warning",
    evacuated = "evacuating border villages",
    education = "mine-risk education",
    clearance = "a clearance programme",
    clearance_donors = "clearance paid for by donors",
  },
  nothing_mattered = "None of the council's own orders changed the board; the allies' posture and "
    .. "the adversary's resolve decided.",
  doctrines = { none = "no AP mines", at = "anti-tank belts", stockpile = "stockpile for crisis laying",
    marked = "marked AP fields", unmarked = "unmarked AP fields", remote = "remotely delivered AP mines planned",
    lift = "AP fields lifted" },
  money = "The council spent %s (%s); %s were left.",
  spent_item = "%s %s",
  spent_nothing = "on nothing",
  spent_on = { obstacles = "anti-tank obstacles", fields = "minefields", production = "making and storing mines",
    sensors = "sensors", allies = "allied brigades", protection = "marking and mine-risk education",
    evacuation = "evacuations", mine_action = "mine action", other = "other" },
  occupied = "Part of the land is still occupied: the model counts that as a conflict not yet ended (its "
    .. "assumption), so Art. 20(3) still holds the withdrawals back.",
  sources = "Sources: [@ottawa, Art. 20; @icrc1998; @apii; @votes; @parliaments; @lm2024; @lm2025; @rand; @snyder; @schelling; "
    .. "@mearsheimer]. Numbers marked 'assumption' are the model's own; your teacher can change the main ones "
    .. "(flank sources eastern_flank lists them).",
}

-- Month names for the debrief's dates ("April 2025").
T.months = { "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December" }

-- The withdrawal timeline, state by state (law.lua), and each field's legal status.
T.law = {
  voted = {
    latvia = "On %s the Saeima voted 68-14 to withdraw from the Ottawa Convention [@parliaments].",
    lithuania = "On %s the Seimas voted 107-0-3 to withdraw [@parliaments].",
    estonia = "On %s the Riigikogu voted 81-1-7 to withdraw [@parliaments].",
    poland = "On %s the Sejm voted 413-15-3 to withdraw [@parliaments].",
  },
  deposited = "%s deposited its notice of withdrawal on %s; it takes effect on %s, six months later, unless "
    .. "retracted [@ottawa, Art. 20(2); @icbl].",
  out = "%s: the withdrawal took effect on %s. AP mines are lawful for it now; Amended Protocol II still binds "
    .. "their use [@ottawa, Art. 20(4); @apii].",
  bound = "%s: the six months ended on %s, during an armed conflict. Under Art. 20(3) the withdrawal cannot take "
    .. "effect before the conflict ends: it is still bound by the ban [@ottawa, Art. 20(3)].",
  out_after_war = "%s: the conflict has ended, and with it the withdrawal takes effect (Art. 20(3)).",
  occupied = "Part of the four states' land is occupied: the model counts that as an armed conflict that "
    .. "continues (its assumption; the treaty does not say), so the withdrawals held up by Art. 20(3) still cannot "
    .. "take effect [@ottawa, Art. 20(3); @icrc1998].",
  status = {
    at = "Lawful: anti-tank mines and obstacles are outside the Ottawa Convention; Amended Protocol II of the weapons convention (CCW) rules AT mines too [@apii].",
    lift = "Lawful, and what Ottawa Art. 5 asks of parties [@ottawa].",
    party = "Not possible: this state is still a party to the Ottawa Convention (Art. 1) [@ottawa].",
    marked = "Lawful once out of the Ottawa Convention: Amended Protocol II Art. 5 (marked, fenced, monitored) and "
      .. "Art. 9 (recorded) [@apii]. Allies still party may not help lay it (Ottawa Art. 1(1)(c)).",
    unmarked = "UNLAWFUL: breaches Amended Protocol II Arts. 5 and 9, which still bind after leaving Ottawa (Art. "
      .. "20(4)) [@apii; @ottawa]. Possible, but allies and donors will know.",
    remote = "Lawful once out of the Ottawa Convention: Amended Protocol II Art. 6 and Technical Annex 3 need self-destruct and "
      .. "back-up self-deactivation; these have both [@apii]. Without self-deactivation they would be unlawful.",
    stockpile = "Lawful once out of the Ottawa Convention (for parties, Art. 1 bans stockpiling and Art. 4 requires destroying stockpiles). Fields laid "
      .. "in a crisis must still be marked and recorded (Amended Protocol II Arts. 5, 9) [@apii; @ottawa].",
  },
}

T.fields = {
  preview = "%s: %s, %s km of engineer time (%s km free). %s",
  left_out = "Left out for lack of engineers, mines or money: %s.",
  -- the preview, under a target hovered or chosen: what confirming would leave out (a student read
  -- "Chosen" above "Left out: Vilnius" as a contradiction)
  left_out_preview = "This order would leave out, for lack of engineers, mines or money: %s (drop another, or order it next quarter).",
  preview0 = "%s and %s km of engineer time per area",
  preview0_ap = "%s and %s km of engineer time per area; mines in the store that marked, unmarked and stockpile "
    .. "fields share: %s",
  why = {
    nothing = "No AP mines lie here",
    none_fits = "None of the chosen areas fits: not enough engineers or mines",
    engineers = "Engineers are busy: this needs %.0f km of belt, %.0f km are free (about 30 km a month)",
    stock = "Not enough mines in store: a field takes %s, the store holds %s (produce them first; "
      .. "peacetime fields and crisis laying share this store)",
  },
}

-- Why an option is not available (second result of requires).
T.why = {
  party = "The four states are still parties to the Ottawa Convention",
  budget = "Costs %s; the budget has %s",
  nothing_to_lay = "Nothing to lay: no area plans crisis laying, or the store is empty",
  nothing_unmarked = "No unmarked field to mark",
  done = "Already done",
  no_veto = "This state has not refused AP fields",
  sensors_max = "The sensor layer is complete (3 levels)",
  brigades_max = "Three brigades are stationed or on their way",
  cohesion = "Allies add a brigade only while alliance cohesion is at least 60%",
  air = "Alliance cohesion below 40%: allies hold their air power back",
  donors = "Donors do not fund a council whose humanitarian reputation is below 40%",
}

-- Area properties as the board and the text mode show them (property{}).
T.props = {
  obst = { name = "Obstacle level", unit = "of 3", text = "Anti-tank belts on the area's axis." },
  at_km = { name = "Anti-tank belt", unit = "km", text = "Kilometres of ditches, dragon's teeth and AT mines built." },
  ap = { name = "AP mines in the ground", unit = "thousand", text = "All anti-personnel mines laid here." },
  ap_marked = { name = "AP mines in the ground, marked", unit = "thousand", text = "Marked, fenced, monitored, recorded." },
  ap_unmarked = { name = "AP mines in the ground, unmarked", unit = "thousand", text = "Unmarked or unrecorded." },
  ap_remote = { name = "AP mines scattered", unit = "thousand", text = "Remotely delivered when the attack began." },
  plan_k = { name = "AP mines planned for a crisis", unit = "thousand", text = "What a crisis or an attack "
    .. "would add, as the adversary counts it: stockpile fields from the store that peacetime fields draw on too "
    .. "(less when they have used it), remotely delivered fields from the rounds their orders bought." },
  doctrine = { name = "Field", text = "The council's order for this area.",
    values = { none = "No AP mines", at = "Anti-tank belts only", marked = "Marked and fenced AP mines (Amended Protocol II Art. 5)",
      unmarked = "Unmarked AP mines", remote = "Remotely delivered AP mines (planned for an attack)",
      stockpile = "AP mines stockpiled for crisis laying" } },
  uxo = { name = "Battle contamination (counted after the war)", unit = "km²",
    text = "Unexploded ordnance left by the fighting so far; it joins the contaminated area (Later contamination) when the war ends." },
  sus = { name = "Suspected hazardous area", unit = "km²", text = "Land to survey or clear." },
}

-- Discussion questions shown with the debrief (question{}).
T.questions = {
  { text = "Which of your decisions changed the adversary's estimate the most, and which changed what lies in "
    .. "the ground for twenty years? Were they the same decisions?" },
  { text = "Amended Protocol II still binds a state that leaves the Ottawa Convention [@apii]. What does marking, "
    .. "fencing and recording a field cost, and what does it buy in war and after?" },
  { text = "Allies still party may not assist anyone with AP mines (Ottawa Art. 1(1)(c)) [@ottawa]. What can the "
    .. "UK-, Canada- and Germany-led battlegroups still do in your sector, and what does that mean for a plan "
    .. "that relies on AP mines?" },
  { text = "Leaving weakens a norm 164 states keep [@lm2024]. Did another state follow in your game? What is the "
    .. "norm worth to the four states if Russia is not bound by it?" },
  { text = "Article 20(3) keeps a withdrawal from taking effect while the state is engaged in an armed conflict "
    .. "[@ottawa, Art. 20(3)]; this model also treats an occupation after a ceasefire as a continuing conflict "
    .. "(an assumption). Why might the treaty's authors have written the rule so, and do you agree with the "
    .. "model's reading?" },
  { text = "Stockpiling looks cheap in peace. What must go right in a crisis for stockpiled mines to matter, and "
    .. "what happens to fields laid in a hurry?" },
  { text = "The model's numbers marked 'assumption' drive its ranking. Which one would you change first, and what "
    .. "evidence would you want before trusting the answer? (Try it: the Assumptions panel, or --set.)" },
  { text = "The war came. If you laid fields, where did they slow the attack and where did they only add to "
    .. "the aftermath? If you laid none, what would they have changed?", ending = "territory_lost" },
  { text = "The line held. How much of that was fields, how much allied brigades and warning time?", ending = "line_held" },
}

return T
