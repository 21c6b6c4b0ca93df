-- The bibliography of eastern_flank and suwalki_gap: every work their text cites as
-- [@...] (a source id) or names with source = "...". `flank sources eastern_flank` prints it as
-- Markdown (docs/sources.md is that output). The notes mark how strong the evidence for a
-- claim is ([H], [M], [L]); the evidence{} definitions below say what the marks mean, and
-- every list of sources shows them as its legend. Figures the model assumes are not
-- sources: they are labelled "assumption" where they are used and explained in
-- docs/model-eastern-flank.md.

local S = {}

function S.define()
  -- What the marks in the notes mean (the legend of every list of sources)
  evidence { mark = "H", text = "treaty text, or several sources that agree" }
  evidence { mark = "M", text = "one reputable secondary source" }
  evidence { mark = "L", text = "weak or conflicting evidence" }

  -- The Ottawa Convention and its interpretation
  source { id = "ottawa", short = "Ottawa Convention",
    title = "Convention on the Prohibition of the Use, Stockpiling, Production and Transfer of Anti-Personnel Mines and on their Destruction (Ottawa Convention)",
    year = 1997, publisher = "Treaty text, Oslo, 18 Sep 1997; depositary: the UN Secretary-General. Link: the UN Audiovisual Library of International Law (text, status, introductory note)",
    link = "http://legal.un.org/avl/ha/cpusptam/cpusptam.html",
    note = "Opened for signature 3 Dec 1997, in force 1 Mar 1999 (Landmine Monitor 2006). Art. 1 (never use, stockpile, produce or assist), "
      .. "Art. 3 (a minimum kept for training), Art. 4 (stockpiles destroyed within 4 years), Art. 5 (mined areas "
      .. "cleared within 10 years; marked, monitored and fenced until then), Art. 7 (transparency reports), Art. 20 "
      .. "(withdrawal takes effect six months after notice, not before an armed conflict ends; other duties remain) [H]." }
  source { id = "icrc1998", short = "ICRC", author = "International Committee of the Red Cross",
    title = "Banning Anti-Personnel Mines: The Ottawa Treaty Explained", year = 1998, publisher = "ICRC",
    link = "https://www.icrc.org/",
    note = "Article 20 and withdrawal explained [H]." }
  source { id = "icbl", short = "ICBL", author = "International Campaign to Ban Landmines", year = 2025, link = "https://www.icbl.org/",
    note = "Statements of 2025: a notice of withdrawal may be retracted during the six months (27 Aug 2025) [M]; "
      .. "Ukraine's 'suspension' cannot take effect during an armed conflict (25 Jul 2025) [H]; the Marshall Islands "
      .. "(165th) and Tonga (166th) joined in 2025 [H]." }

  -- Amended Protocol II
  source { id = "apii", short = "Amended Protocol II",
    title = "Protocol on Prohibitions or Restrictions on the Use of Mines, Booby-Traps and Other Devices, as amended on 3 May 1996 (Amended Protocol II to the Convention on Certain Conventional Weapons)",
    year = 1996, publisher = "UN Office for Disarmament Affairs (UNODA)", link = "https://disarmament.unoda.org/",
    note = "In force 3 Dec 1998. AP mines must be detectable (Technical Annex); mines without self-destruct only in "
      .. "perimeter-marked, monitored and fenced areas; remotely delivered AP mines need self-destruct (at most 10% may "
      .. "fail within 30 days) and back-up self-deactivation (at most 1 in 1,000 still functional after 120 days) "
      .. "(Art. 6; Technical Annex 3(a), 1(b)); records of location, number and type (Art. 9). Still binds a state "
      .. "that leaves the Ottawa Convention [H]. See also the US Department of Defense Law of War Manual, §6.12." }

  -- The 2025 withdrawals
  source { id = "statement", short = "Al Jazeera & PAP", author = "Al Jazeera; Polish Press Agency (PAP)", year = 2025,
    publisher = "Al Jazeera, 18 Mar 2025", link = "https://www.aljazeera.com/",
    note = "Reports of 18 Mar 2025: the defence ministers of Estonia, Latvia, Lithuania and Poland 'unanimously "
      .. "recommend withdrawing' from the Ottawa Convention, citing Russia (not a party) and 'significantly "
      .. "increased' military threats, and remain committed to international humanitarian law [H]." }
  source { id = "votes", author = "United Nations Treaty Collection", year = 2025,
    title = "Convention on the Prohibition of ... Anti-Personnel Mines: status (chapter XXVI-5), depositary notifications",
    link = "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XXVI-5&chapter=26",
    note = "Depositary notifications of the withdrawals: notices deposited 27 Jun 2025 (Latvia, Lithuania, Estonia), "
      .. "10 Jul (Finland), 20 Aug (Poland); effective six months later [H]. The parliaments' votes are cited to "
      .. "'parliaments', not to this record." }
  source { id = "parliaments", short = "Parliamentary votes", author = "Saeima; Seimas; Riigikogu; Eduskunta; Sejm", year = 2025,
    note = "The votes to withdraw as reported in 2025: Saeima 16 Apr (68-14 [M]; another report 66-14), Seimas 8 May "
      .. "(107-0-3), Riigikogu 4 Jun (81-1-7), Eduskunta 19 Jun (157-18), Sejm 25 Jun (413-15-3) [H]. Secondary "
      .. "reporting of the votes; the parliaments' own records are not linked here." }
  source { id = "defensenews", short = "Defense News", author = "Adamowski, Jaroslaw", year = 2025,
    publisher = "Defense News, 20 Mar 2025",
    link = "https://www.defensenews.com/global/europe/2025/03/20/poland-eyes-1-million-landmines-for-borders-with-belarus-russia/",
    note = "20 Mar 2025: a Polish deputy defence minister said the army needs 'several hundred thousand, even up to "
      .. "1 million' mines from state industry [M]: one report of a quote." }
  source { id = "eastshield", short = "East Shield", title = "East Shield (Tarcza Wschód)", year = 2024,
    publisher = "Polish Ministry of National Defence; reported by Defence24", link = "https://www.gov.pl/web/obrona-narodowa",
    note = "Poland's border fortification programme: PLN 10 bn (~US$2.5 bn), 2024-2028, ~700 km of border, "
      .. "construction from Nov 2024, about US$3.6 M per km of border [M]. A Polish deputy defence minister said "
      .. "there were no current plans to put mines into it (Defence24) [M]." }
  source { id = "bdl", short = "Baltic Defence Line", author = "Kyiv Independent; TASS", year = 2024,
    publisher = "Kyiv Independent, 19 Jan 2024", link = "https://kyivindependent.com/baltic-countries-to-build-defenses-on-russia-belarus-border/",
    note = "The Baltic Defence Line, agreed 19 Jan 2024 as 'anti-mobility defensive installations'; Estonia plans "
      .. "~600 bunkers of ~10 soldiers each from 2025 [H]." }

  -- Humanitarian figures
  source { id = "lm2024", title = "Landmine Monitor 2024", year = 2024,
    publisher = "International Campaign to Ban Landmines - Cluster Munition Coalition (ICBL-CMC), released 20 Nov 2024",
    link = "https://www.the-monitor.org/",
    note = "Figures for 2023: 5,757 casualties, 84% civilians, 37% children; 164 states parties; at least 58 states and "
      .. "areas contaminated; states parties cleared 219.31 km² in 2022 and 281.50 km² in 2023; mine-action funding "
      .. "passed US$1 bn in 2023 [H]." }
  source { id = "lm2025", title = "Landmine Monitor 2025", year = 2025,
    publisher = "ICBL-CMC, launched 1 Dec 2025 at UNIDIR, Geneva", link = "https://www.the-monitor.org/",
    note = "Figures for 2024: 6,279 casualties (1,945 killed, 4,325 injured, the rest of unknown outcome), ~90% civilians, nearly half children; "
      .. "at least 57 states and areas contaminated, 32 of them states parties; victim assistance ~5% of mine-action "
      .. "funding, down ~25% in 2024 [H]/[M]." }
  source { id = "eps2006", short = "French, EPS Journal", author = "French, Bob", title = "The business of landmine clearing",
    year = 2006, publisher = "The Economics of Peace and Security Journal 1(2)", link = "https://doi.org/10.15355/epsj.1.2.54",
    note = "Clearance costs about US$2-39 per m², by country and method [M]." }
  source { id = "ngo_rule", author = "Mine-action NGOs",
    note = "'$3-30 to make a mine, $300-1,000 to remove it': a rule of thumb widely quoted by mine-action "
      .. "organisations; weak evidence [L]." }
  source { id = "legacy", short = "Mine legacy", title = "The long legacy of minefields: Poland, Bosnia and Herzegovina, Cambodia",
    note = "Poland removed more than 96 million explosive items in 1944-2003 (~US$866 m) and had no minefields left by "
      .. "2012; Bosnia and Herzegovina still had ~1,000 km² (~2.2%) suspect around 2019, ~545,000 people at risk; "
      .. "Cambodia counts 19,834 killed and 45,252 injured since 1979 and had 1,697 km² contaminated in Mar 2025 (469 km² "
      .. "of it mines) [M]. Secondary reporting: the original publications are still to be identified." }

  -- Military geography and forces
  source { id = "rand", author = "Shlapak, David A.; Johnson, Michael",
    title = "Reinforcing Deterrence on NATO's Eastern Flank: Wargaming the Defense of the Baltics", year = 2016,
    publisher = "RAND Corporation, RR-1253-A", link = "https://www.rand.org/pubs/research_reports/RR1253.html",
    note = "Tabletop map games with Red and Blue teams and umpires, 2014-2015: the longest time for Russian forces to "
      .. "reach the outskirts of Tallinn and/or Riga was 60 hours (press: 36-60); about seven brigades, three of them "
      .. "heavy armoured, with air power and fires, in place at the outset could prevent a rapid overrun [H]." }
  source { id = "politico", author = "POLITICO", year = 2025, link = "https://www.politico.eu/",
    note = "The Suwałki Gap: the Poland-Lithuania border between Kaliningrad and Belarus, ~100-104 km, the Baltic "
      .. "states' only land link to the rest of NATO [M]." }
  source { id = "hague2025", short = "NATO 2025", author = "NATO", title = "The Hague Summit Declaration", year = 2025,
    publisher = "NATO, 25 Jun 2025", link = "https://www.nato.int/",
    note = "The allies reaffirm their 'ironclad commitment to collective defence as enshrined in Article 5' and agree "
      .. "to spend 5% of GDP on defence and defence-related items by 2035 [M]: the declaration itself, not linked here." }
  source { id = "efp", author = "NATO", title = "Warsaw Summit Communiqué; Madrid Summit Declaration", year = 2016,
    link = "https://www.nato.int/",
    note = "Enhanced Forward Presence, decided in Warsaw in 2016 and deployed in 2017: battlegroups in Estonia (UK-led, "
      .. "Tapa), Latvia (Canada-led, Ādaži), Lithuania (Germany-led, Rukla) and Poland (US-led, Orzysz); in Madrid "
      .. "in 2022 the allies agreed to scale them up 'to brigade' [H]/[M]." }
  source { id = "pzbrig45", author = "Bundeswehr", year = 2025,
    title = "Panzerbrigade 45 wird in Litauen offiziell in Dienst gestellt",
    publisher = "Presse- und Informationszentrum des Heeres (PIZ Heer), press release, 31 Mar 2025",
    link = "https://www.presseportal.de/pm/127975/6002920",
    note = "Panzerbrigade 45, activated in Lithuania on 1 Apr 2025, ~4,800 troops (this release) [H]; based at "
      .. "Rūdninkai and Rukla and fully operational by the end of 2027, as the German government has said since "
      .. "(the release itself does not give these) [M]." }
  source { id = "afp", short = "AFP", author = "Agence France-Presse (AFP)",
    note = "The Suwałki Gap: the shortest distance between Kaliningrad and Belarus, ~65-70 km [M]. Secondary "
      .. "reporting of an AFP dispatch; no link to the dispatch is given here." }
  source { id = "naturalearth", author = "Natural Earth", title = "Admin 0 countries, 1:10m, version 4.1.0",
    publisher = "naturalearthdata.com; used as redistributed in the npm package world-atlas 2.0.2 (countries-10m.json)",
    link = "https://www.naturalearthdata.com/",
    note = "The map's borders and coasts (assets/maps/README.md); distances such as Narva-Tallinn ~200 km, "
      .. "Daugavpils-Riga ~230 km and Vilnius ~30-35 km from the Belarus border are measured on it." }

  -- Deterrence and combat models
  source { id = "snyder", author = "Snyder, Glenn H.", title = "Deterrence and Defense: Toward a Theory of National Security",
    year = 1961, publisher = "Princeton University Press", note = "Deterrence by denial and by punishment [M]." }
  source { id = "schelling", author = "Schelling, Thomas C.", title = "Arms and Influence", year = 1966,
    publisher = "Yale University Press", note = "Commitment and tripwire forces [H]." }
  source { id = "mearsheimer", author = "Mearsheimer, John J.",
    title = "Assessing the Conventional Balance: The 3:1 Rule and Its Critics", year = 1989,
    publisher = "International Security 13(4)", note = "An attacker needs about 3:1 local superiority to break through [H]." }
  source { id = "lanchester", author = "Lanchester, F. W.", title = "Aircraft in Warfare: The Dawn of the Fourth Arm",
    year = 1916, publisher = "Constable, London", note = "The square law of attrition: dB/dt = -aR, dR/dt = -bB [H]." }
  source { id = "hrw2025", short = "Human Rights Watch", author = "Human Rights Watch", year = 2025,
    title = "Ukraine 'Suspends' Vital Mine Ban Treaty",
    publisher = "Human Rights Watch, 24 Jul 2025", link = "https://www.hrw.org/news/2025/07/24/ukraine-suspends-vital-mine-ban-treaty",
    note = "On Ukraine's decree of 29 Jun 2025 and its notification to the UN of 18 Jul 2025 'suspending' the "
      .. "Ottawa Convention (citing Vienna Convention Art. 62) rather than withdrawing under Art. 20: invalid, because "
      .. "Art. 20(3) bars a withdrawal from taking effect during an armed conflict [H]." }
  source { id = "unnews2025", short = "UN News", author = "United Nations", year = 2025,
    publisher = "UN News, 2 Dec 2025", link = "https://news.un.org/",
    note = "Report on Landmine Monitor 2025: indications of new AP mine use by Ukraine in 2024-2025, some "
      .. "drone-delivered, after it received mines from the United States; mass use by Russia and Myanmar [H]." }
  source { id = "lt_mod", short = "Lithuanian MoD", author = "Lithuanian Ministry of National Defence", year = 2025,
    note = "Framed the withdrawal as raising the army's 'counter-mobility' effect, a denial mechanism [M]." }
end

return S
