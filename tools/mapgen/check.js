#!/usr/bin/env node
// check.js - hand-checkable validation of a flank-map 1 file.
//   node check.js ../../assets/maps/eastern_flank.map
// Exits non-zero if any check fails. Prints counts and a closing
// "N passed, N failed" line.

import { readMap, adjacency, pointInArea } from './mapfile.js';

const path = process.argv[2] || '../../assets/maps/eastern_flank.map';
const TERRAIN = new Set(['plain', 'forest', 'marsh', 'urban', 'coast', 'lake']);
const COUNTRY = new Set(['EE', 'LV', 'LT', 'PL', 'FI', 'RU', 'BY']);

let passed = 0, failed = 0;
function check(ok, what) {
  if (ok) passed++;
  else { failed++; console.log(`FAIL ${what}`); }
}

// True if two non-neighbouring segments of the ring properly cross (O(n^2), rings are small).
function selfCrossing(r) {
  const o = (a, b, c) => Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
  const n = r.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      const [a, b, c, d] = [r[i], r[(i + 1) % n], r[j], r[(j + 1) % n]];
      if (o(c, d, a) * o(c, d, b) < 0 && o(a, b, c) * o(a, b, d) < 0) return true;
    }
  }
  return false;
}

let map;
try {
  map = readMap(path);
  check(true, 'parse');
} catch (e) {
  console.log(`FAIL parse: ${e.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

check(map.header === 'flank-map 1', 'header is "flank-map 1"');
check(map.title.length > 0, 'title present');
check(map.sources.length > 0, 'source present');
check(Array.isArray(map.bbox) && map.bbox.length === 4 && map.bbox[0] < map.bbox[2] && map.bbox[1] < map.bbox[3], 'bbox is minlon minlat maxlon maxlat');

// Geometry: every ring has >= 3 distinct points, no repeated closing point,
// stated orientation, is simple, and lies inside the bbox; every record has a ring.
let rings = 0, vertices = 0;
const [bx0, by0, bx1, by1] = map.bbox;
for (const rec of [...map.lands, ...map.areas]) {
  const label = rec.id || `land ${rec.cc}`;
  check(rec.polys.length > 0, `${label}: has at least one ring`);
  for (const poly of rec.polys) poly.forEach((r, k) => {
    rings++;
    // signed area in lon/lat: outer rings counter-clockwise (> 0), holes clockwise
    let s2 = 0;
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) s2 += (r[j][0] - r[i][0]) * (r[j][1] + r[i][1]);
    check(k === 0 ? s2 > 0 : s2 < 0, `${label}: ${k === 0 ? 'outer ring counter-clockwise' : 'hole clockwise'}`);
    vertices += r.length;
    const distinct = new Set(r.map((p) => p.join(','))).size;
    check(r.length >= 3 && distinct >= 3, `${label}: ring with ${r.length} points (need >= 3)`);
    check(distinct === r.length, `${label}: ring has no repeated vertex`);
    check(!selfCrossing(r), `${label}: ring segments do not cross`);
    const [f, l] = [r[0], r[r.length - 1]];
    check(!(f[0] === l[0] && f[1] === l[1]), `${label}: ring repeats its first point`);
    check(r.every(([x, y]) => x >= bx0 && x <= bx1 && y >= by0 && y <= by1), `${label}: ring inside bbox`);
  });
}

// Areas: unique lowercase ids, known terrain and country.
const ids = new Set();
for (const a of map.areas) {
  check(/^[a-z0-9_]+$/.test(a.id), `area id '${a.id}' is [a-z0-9_]`);
  check(!ids.has(a.id), `area id '${a.id}' is unique`);
  ids.add(a.id);
  check(TERRAIN.has(a.terrain), `${a.id}: terrain '${a.terrain}' known`);
  check(COUNTRY.has(a.cc), `${a.id}: country '${a.cc}' known`);
  check(a.name.length > 0, `${a.id}: has a name`);
}

// Places: known area, integer population, point inside its own area.
const pids = new Set();
for (const p of map.places) {
  const area = map.areas.find((a) => a.id === p.area);
  check(!pids.has(p.id), `place id '${p.id}' is unique`);
  pids.add(p.id);
  check(!!area, `place ${p.id}: area '${p.area}' exists`);
  check(Number.isInteger(p.pop) && p.pop > 0, `place ${p.id}: population is a positive integer`);
  if (area) check(pointInArea(p.lon, p.lat, area), `place ${p.id} (${p.lon} ${p.lat}) lies inside area ${p.area}`);
}

// Explicit adj lines must name real areas.
for (const [x, y] of map.adj) check(ids.has(x) && ids.has(y), `adj ${x} ${y}: both areas exist`);

// Adjacency: every area has at least one neighbour.
const adj = adjacency(map);
let edges = 0;
for (const [id, s] of adj) {
  check(s.size > 0, `area ${id} has at least one neighbour`);
  edges += s.size;
}
const byCountry = {};
for (const a of map.areas) byCountry[a.cc] = (byCountry[a.cc] || 0) + 1;

console.log(`file ${path}`);
console.log(`areas ${map.areas.length} (${Object.entries(byCountry).map(([k, v]) => `${k} ${v}`).join(', ')}), lands ${map.lands.length}, places ${map.places.length}`);
console.log(`rings ${rings}, vertices ${vertices}, adjacency pairs ${edges / 2}, explicit adj lines ${map.adj.length}`);
if (process.argv.includes('--adj')) for (const [id, s] of adj) console.log(`  ${id}: ${[...s].sort().join(' ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
