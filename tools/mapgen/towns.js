// Hand-made data for mapgen.js. Everything here is an ASSUMPTION made for
// the game (terrain, populations, which towns seed an area), not survey data.
// Coordinates are real town centres (decimal degrees, lon first).
// Populations are rounded, approximate figures from general knowledge.

// Countries drawn from Natural Earth, keyed by ISO 3166-1 numeric id as used
// in world-atlas. `play: true` countries are cut into game areas; the others
// are backdrop `land`. The bounding box decides which backdrop ones appear.
export const COUNTRIES = {
  '233': { cc: 'EE', name: 'Estonia', play: true },
  '428': { cc: 'LV', name: 'Latvia', play: true },
  '440': { cc: 'LT', name: 'Lithuania', play: true },
  '616': { cc: 'PL', name: 'Poland', play: true },
  '246': { cc: 'FI', name: 'Finland', play: true },
  '643': { cc: 'RU', name: 'Russia', play: true },
  '112': { cc: 'BY', name: 'Belarus', play: true },
  '804': { cc: 'UA', name: 'Ukraine' },
  '276': { cc: 'DE', name: 'Germany' },
  '752': { cc: 'SE', name: 'Sweden' },
  '208': { cc: 'DK', name: 'Denmark' },
  '203': { cc: 'CZ', name: 'Czechia' },
  '703': { cc: 'SK', name: 'Slovakia' },
  '040': { cc: 'AT', name: 'Austria' },
  '578': { cc: 'NO', name: 'Norway' },
  '248': { cc: 'AX', name: 'Åland' }, // Natural Earth keeps Åland separate from Finland
};

// Area seeds: one Voronoi cell each, clipped to the seed's own country.
// [id, country, terrain, area name, town name (null = same), lon, lat, population]
// Terrain is a hand judgement: capitals/large cities urban; Masuria, Podlasie,
// Latgale, Pskov/Novgorod woods forest; Biebrza valley and Polesie marsh;
// open farmland plain; areas whose character is the sea coast coast.
export const AREAS = [
  // Estonia
  ['tallinn', 'EE', 'urban', 'Tallinn', null, 24.7536, 59.4370, 438000],
  ['narva', 'EE', 'forest', 'Narva', null, 28.1750, 59.3772, 53000], // nudged 1 km west: NE border is coarse here,
  ['tartu', 'EE', 'plain', 'Tartu', null, 26.7290, 58.3780, 91000],
  ['parnu', 'EE', 'coast', 'Pärnu', null, 24.4971, 58.3859, 51000],
  ['voru', 'EE', 'forest', 'Võru', null, 27.0235, 57.8339, 12000],
  ['saaremaa', 'EE', 'coast', 'Saaremaa', 'Kuressaare', 22.4853, 58.2481, 13000],
  // Latvia
  ['riga', 'LV', 'urban', 'Rīga', null, 24.1052, 56.9496, 605000],
  ['liepaja', 'LV', 'coast', 'Liepāja', null, 21.0109, 56.5047, 67000],
  ['jelgava', 'LV', 'plain', 'Jelgava', null, 23.7203, 56.6511, 55000],
  ['valmiera', 'LV', 'forest', 'Valmiera', null, 25.4271, 57.5385, 23000],
  ['daugavpils', 'LV', 'plain', 'Daugavpils', null, 26.5362, 55.8747, 79000],
  ['rezekne', 'LV', 'forest', 'Rēzekne', null, 27.3321, 56.5099, 27000],
  // Lithuania
  ['vilnius', 'LT', 'urban', 'Vilnius', null, 25.2797, 54.6872, 590000],
  ['kaunas', 'LT', 'urban', 'Kaunas', null, 23.9036, 54.8985, 300000],
  ['klaipeda', 'LT', 'coast', 'Klaipėda', null, 21.1443, 55.7033, 150000],
  ['siauliai', 'LT', 'plain', 'Šiauliai', null, 23.3157, 55.9349, 100000],
  ['panevezys', 'LT', 'plain', 'Panevėžys', null, 24.3575, 55.7348, 87000],
  ['alytus', 'LT', 'forest', 'Alytus', null, 24.0495, 54.3963, 50000],
  ['marijampole', 'LT', 'plain', 'Marijampolė', null, 23.3541, 54.5593, 36000],
  // Poland
  ['gdansk', 'PL', 'urban', 'Gdańsk', null, 18.6466, 54.3520, 470000],
  ['elblag', 'PL', 'coast', 'Elbląg', null, 19.4044, 54.1561, 119000],
  ['olsztyn', 'PL', 'forest', 'Olsztyn', null, 20.4801, 53.7784, 171000],
  ['suwalki_gap', 'PL', 'forest', 'Suwałki Gap', 'Suwałki', 22.9305, 54.1115, 69000],
  ['elk', 'PL', 'forest', 'Ełk', null, 22.3622, 53.8281, 62000],
  ['lomza', 'PL', 'marsh', 'Łomża', null, 22.0587, 53.1781, 62000],
  ['bialystok', 'PL', 'forest', 'Białystok', null, 23.1688, 53.1325, 295000],
  ['biala_podlaska', 'PL', 'plain', 'Biała Podlaska', null, 23.1165, 52.0325, 56000],
  ['warszawa', 'PL', 'urban', 'Warszawa', null, 21.0122, 52.2297, 1800000],
  ['lublin', 'PL', 'plain', 'Lublin', null, 22.5684, 51.2465, 335000],
  ['rzeszow', 'PL', 'plain', 'Rzeszów', null, 22.0045, 50.0412, 197000],
  ['krakow', 'PL', 'urban', 'Kraków', null, 19.9450, 50.0647, 800000],
  ['wroclaw', 'PL', 'plain', 'Wrocław', null, 17.0385, 51.1079, 640000],
  ['poznan', 'PL', 'plain', 'Poznań', null, 16.9252, 52.4064, 530000],
  // Finland (south coast only; the map's top edge cuts the rest)
  ['turku', 'FI', 'coast', 'Turku', null, 22.2666, 60.4518, 195000],
  ['helsinki', 'FI', 'urban', 'Helsinki', null, 24.9384, 60.1699, 660000],
  ['kotka', 'FI', 'coast', 'Kotka', null, 26.9458, 60.4664, 51000],
  // Russia: Kaliningrad exclave (ids carry the kaliningrad prefix)
  ['kaliningrad', 'RU', 'urban', 'Kaliningrad', null, 20.5106, 54.7104, 490000],
  ['kaliningrad_sovetsk', 'RU', 'plain', 'Sovetsk (Kaliningrad)', 'Sovetsk', 21.8872, 55.0813, 40000],
  ['kaliningrad_chernyakhovsk', 'RU', 'plain', 'Chernyakhovsk (Kaliningrad)', 'Chernyakhovsk', 21.8036, 54.6325, 36000],
  // Russia: mainland
  ['saint_petersburg', 'RU', 'urban', 'Saint Petersburg', null, 30.3351, 59.9343, 5400000],
  ['vyborg', 'RU', 'forest', 'Vyborg', null, 28.7519, 60.7096, 72000],
  ['kingisepp', 'RU', 'forest', 'Kingisepp', null, 28.6133, 59.3733, 45000],
  ['novgorod', 'RU', 'forest', 'Veliky Novgorod', null, 31.2750, 58.5213, 225000],
  ['pskov', 'RU', 'plain', 'Pskov', null, 28.3318, 57.8194, 190000],
  ['ostrov', 'RU', 'forest', 'Ostrov', null, 28.3583, 57.3409, 20000],
  ['velikiye_luki', 'RU', 'forest', 'Velikiye Luki', null, 30.5312, 56.3420, 90000],
  ['smolensk', 'RU', 'plain', 'Smolensk', null, 32.0454, 54.7826, 315000],
  // Belarus (common English spellings)
  ['minsk', 'BY', 'urban', 'Minsk', null, 27.5667, 53.9000, 2000000],
  ['grodno', 'BY', 'plain', 'Grodno', null, 23.8258, 53.6694, 360000],
  ['lida', 'BY', 'forest', 'Lida', null, 25.3046, 53.8885, 100000],
  ['brest', 'BY', 'plain', 'Brest', null, 23.6888, 52.0976, 340000],
  ['pinsk', 'BY', 'marsh', 'Pinsk', null, 26.0951, 52.1229, 125000],
  ['polotsk', 'BY', 'forest', 'Polotsk', null, 28.7856, 55.4879, 80000],
  ['vitebsk', 'BY', 'plain', 'Vitebsk', null, 30.2033, 55.1904, 360000],
  ['mogilev', 'BY', 'plain', 'Mogilev', null, 30.3375, 53.9168, 360000],
  ['gomel', 'BY', 'marsh', 'Gomel', null, 30.9754, 52.4345, 500000],
];

// Secondary towns: `place` lines only. Their area is found by point-in-polygon.
// [name, lon, lat, population]
export const PLACES = [
  // Estonia
  ['Haapsalu', 23.5413, 58.9431, 9500], ['Paldiski', 24.0497, 59.3567, 4000],
  ['Rakvere', 26.3558, 59.3464, 15000], ['Jõhvi', 27.4090, 59.3592, 10000],
  ['Sillamäe', 27.7636, 59.3997, 12000], ['Viljandi', 25.5900, 58.3639, 17000],
  ['Valga', 26.0473, 57.7769, 12000], ['Paide', 25.5572, 58.8856, 8000],
  ['Kärdla', 22.7492, 58.9983, 3200], ['Põlva', 27.0697, 58.0603, 5000],
  // Latvia
  ['Ventspils', 21.5606, 57.3894, 33000], ['Jūrmala', 23.7703, 56.9680, 50000],
  ['Cēsis', 25.2747, 57.3119, 15000], ['Jēkabpils', 25.8599, 56.4990, 21000],
  ['Ludza', 27.7160, 56.5465, 7500], ['Krāslava', 27.1680, 55.8951, 8000],
  ['Kuldīga', 21.9682, 56.9679, 10500], ['Alūksne', 27.0477, 57.4254, 7000],
  ['Talsi', 22.5881, 57.2446, 9000], ['Ogre', 24.6056, 56.8162, 23000],
  ['Tukums', 23.1561, 56.9670, 17000], ['Ādaži', 24.3228, 57.0747, 7000],
  // Lithuania
  ['Palanga', 21.0689, 55.9175, 16000], ['Tauragė', 22.2900, 55.2522, 22000],
  ['Mažeikiai', 22.3392, 56.3092, 32000], ['Telšiai', 22.2446, 55.9814, 21000],
  ['Utena', 25.5997, 55.4977, 25000], ['Visaginas', 26.4331, 55.5988, 17000],
  ['Druskininkai', 23.9760, 54.0153, 13000], ['Ukmergė', 24.7650, 55.2484, 19000],
  ['Kėdainiai', 23.9747, 55.2883, 23000], ['Jonava', 24.2795, 55.0727, 26000],
  ['Šilutė', 21.4831, 55.3491, 16000], ['Lazdijai', 23.5173, 54.2332, 4000],
  ['Vilkaviškis', 23.0300, 54.6520, 10000], ['Rokiškis', 25.5856, 55.9555, 12000],
  // Poland
  ['Augustów', 22.9794, 53.8433, 30000], ['Sejny', 23.3453, 54.1093, 5300],
  ['Szczecin', 14.5528, 53.4285, 390000], ['Giżycko', 21.7643, 54.0381, 29000],
  ['Gdynia', 18.5305, 54.5189, 245000], ['Malbork', 19.0290, 54.0359, 38000],
  ['Braniewo', 19.8214, 54.3794, 17000], ['Bartoszyce', 20.8101, 54.2537, 24000],
  ['Grajewo', 22.4553, 53.6476, 22000], ['Hajnówka', 23.5828, 52.7431, 20000],
  ['Siedlce', 22.2901, 52.1676, 77000], ['Terespol', 23.6133, 52.0748, 5600],
  ['Chełm', 23.4711, 51.1431, 60000], ['Zamość', 23.2517, 50.7231, 62000],
  ['Przemyśl', 22.7678, 49.7838, 60000], ['Łódź', 19.4560, 51.7592, 670000],
  ['Katowice', 19.0238, 50.2649, 290000], ['Bydgoszcz', 18.0084, 53.1235, 330000],
  ['Toruń', 18.5984, 53.0138, 200000], ['Radom', 21.1471, 51.4027, 210000],
  ['Kielce', 20.6286, 50.8661, 190000], ['Ostrołęka', 21.5874, 53.0863, 51000],
  ['Płock', 19.7064, 52.5463, 117000], ['Koszalin', 16.1714, 54.1944, 105000],
  ['Zielona Góra', 15.5064, 51.9356, 140000], ['Słupsk', 17.0285, 54.4641, 90000],
  // Finland
  ['Espoo', 24.6522, 60.2055, 300000], ['Vantaa', 25.0378, 60.2934, 240000],
  ['Porvoo', 25.6651, 60.3923, 51000], ['Hanko', 22.9508, 59.8236, 8000],
  ['Salo', 23.1250, 60.3845, 51000], ['Hamina', 27.1829, 60.5722, 19000] /* nudged inland */,
  ['Loviisa', 26.2290, 60.4564, 14500], ['Raseborg', 23.4436, 59.9683, 27000] /* nudged inland */,
  ['Lohja', 24.0650, 60.2486, 46000],
  // Russia: Kaliningrad
  ['Baltiysk', 19.9146, 54.6535, 33000], ['Zelenogradsk', 20.4803, 54.9588, 17000],
  ['Gusev', 22.1950, 54.5906, 28000], ['Neman', 22.0289, 55.0328, 11000],
  // Russia: mainland
  ['Ivangorod', 28.2092, 59.3786, 9500], ['Sosnovy Bor', 29.1167, 59.9000, 67000],
  ['Gatchina', 30.1284, 59.5650, 95000], ['Luga', 29.8467, 58.7378, 35000],
  ['Kronstadt', 29.7667, 59.9986, 44000], ['Primorsk', 28.6286, 60.3761, 6000] /* nudged inland */,
  ['Pechory', 27.6087, 57.8136, 10000], ['Pytalovo', 27.9147, 57.0671, 5500],
  ['Sebezh', 28.4913, 56.2902, 5800], ['Nevel', 29.9220, 56.0200, 15000],
  ['Porkhov', 29.5560, 57.7669, 9500], ['Staraya Russa', 31.3556, 57.9917, 28000],
  ['Roslavl', 32.8702, 53.9509, 48000], ['Velizh', 31.1956, 55.6083, 7000],
  ['Rudnya', 31.0991, 54.9422, 9500], ['Klintsy', 32.2383, 52.7529, 60000],
  ['Gdov', 27.7614, 58.7437, 4000],
  // Belarus
  ['Baranovichi', 26.0091, 53.1327, 175000], ['Bobruisk', 29.2214, 53.1384, 210000],
  ['Mozyr', 29.2456, 52.0495, 105000], ['Molodechno', 26.8572, 54.3104, 95000],
  ['Novopolotsk', 28.6000, 55.5330, 100000], ['Orsha', 30.4097, 54.5081, 105000],
  ['Borisov', 28.5050, 54.2279, 140000], ['Slonim', 25.3159, 53.0869, 50000],
  ['Oshmyany', 25.9372, 54.4250, 17000], ['Postavy', 26.8411, 55.1167, 20000],
  ['Glubokoye', 27.6917, 55.1386, 18000], ['Kobrin', 24.3561, 52.2138, 53000],
  ['Volkovysk', 24.4667, 53.1667, 43000], ['Ostrovets', 25.9556, 54.6136, 10000],
  ['Braslav', 27.0318, 55.6391, 9500], ['Slutsk', 27.5596, 53.0210, 60000],
  ['Soligorsk', 27.5356, 52.7876, 100000], ['Zhlobin', 30.0240, 52.8926, 75000],
];

// Natural Earth's Admin-0 country polygons include lakes as land. The two big
// lakes in the box are cut out as water using these outlines, drawn by hand
// from general geographic knowledge: approximate to a few km, not survey data.
// Rings as [lon, lat] pairs; Ladoga is drawn past the map's top edge.
export const LAKES = [
  { name: 'Lake Peipus (with Lämmijärv and Lake Pskov)', ring: [
    [26.98, 58.93], [27.10, 58.98], [27.30, 59.01], [27.50, 59.02], [27.72, 59.00],
    [27.80, 58.92], [27.76, 58.82], [27.72, 58.74], [27.70, 58.62], [27.72, 58.50],
    [27.68, 58.40], [27.60, 58.33], [27.58, 58.25], [27.62, 58.17], [27.70, 58.10],
    [27.85, 58.08], [28.00, 58.06], [28.12, 58.00], [28.18, 57.92], [28.15, 57.85],
    [28.02, 57.84], [27.90, 57.86], [27.78, 57.89], [27.68, 57.91], [27.645, 57.97],
    [27.60, 58.02], [27.53, 58.08], [27.50, 58.15], [27.47, 58.22], [27.45, 58.30],
    [27.35, 58.36], [27.28, 58.40], [27.22, 58.50], [27.20, 58.60], [27.17, 58.66],
    [27.08, 58.75], [26.99, 58.85], [26.95, 58.89],
  ] },
  { name: 'Lake Ladoga (southern part)', ring: [
    [31.03, 59.955], [31.30, 60.02], [31.70, 60.05], [32.00, 60.08], [32.30, 60.13],
    [32.55, 60.17], [32.75, 60.30], [32.88, 60.45], [32.92, 60.55], [32.85, 60.70],
    [32.85, 60.95], [30.30, 60.95], [30.42, 60.80], [30.55, 60.65], [30.75, 60.45],
    [30.95, 60.28], [31.05, 60.12], [31.02, 60.00],
  ] },
];
