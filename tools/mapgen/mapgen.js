#!/usr/bin/env node
// mapgen.js - build-time tool: Natural Earth outlines (npm world-atlas) -> Flank
// text map (flank-map 1). Run by hand, output is committed:
//   cd tools/mapgen && npm ci && node mapgen.js > ../../assets/maps/eastern_flank.map
// Diagnostics (adjacency check, warnings) go to stderr.
//
// Output format, one record per line, `#` comment lines, names run to end of line:
//   flank-map 1 | title T | source T | bbox minlon minlat maxlon maxlat
//   land CC NAME | area ID TERRAIN CC NAME     (ring/hole lines follow their record)
//   ring lon lat lon lat ... | hole lon lat ...  (4 decimals, implicitly closed)
//   place ID AREA-ID lon lat POPULATION NAME   | adj AREA-ID AREA-ID (not needed here)
//
// Pipeline:
//  1. decode the TopoJSON arcs, simplify each ARC (not each polygon) so that two
//     countries sharing a border keep identical border vertices;
//  2. build country polygons, drop tiny islands, clip to the bounding box;
//  3. per playable country, Voronoi-split it by the hand-listed seed towns;
//  4. round to the 1e-4 grid, snap near-duplicate points together, and insert
//     every vertex that lies on another ring's segment ("noding"), so that
//     neighbouring areas share their border vertices exactly;
//  5. derive adjacency exactly as the engine does and report it on stderr.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Delaunay } from 'd3-delaunay';
import topojson from 'topojson-client';
import pc from 'polygon-clipping';
import { COUNTRIES, AREAS, PLACES, LAKES } from './towns.js';

const require = createRequire(import.meta.url);
const ATLAS = 'world-atlas/countries-10m.json';
const ATLAS_VERSION = require('world-atlas/package.json').version;

const BBOX = [13.5, 49.0, 33.5, 60.8]; // minlon minlat maxlon maxlat
const KX = Math.cos((55 * Math.PI) / 180); // lon scale at mid-latitude, for distances
const SIMPLIFY = 0.003; // Douglas-Peucker tolerance in (scaled) degrees, ~0.5 km
const MIN_ISLAND = 0.001; // drop islands smaller than this (deg^2, lon scaled; ~10 km^2)
const MIN_PIECE = 0.0004; // drop area fragments (clipping slivers) smaller than ~4 km^2
const Q = 1e4; // output grid: 4 decimals
const SNAP = 1; // grid units: points this close (Chebyshev) become one point
const NODE_TOL = 1.5; // grid units: a vertex this close to a segment is inserted into it

const log = (...a) => console.error(...a);

// ---------- 1. arcs: dequantize and simplify ----------

function decodeArcs(topo) {
  const [sx, sy] = topo.transform.scale;
  const [tx, ty] = topo.transform.translate;
  return topo.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
}

// Squared distance from p to segment ab, lon scaled by KX.
function segDist2(p, a, b) {
  const ax = a[0] * KX, ay = a[1], bx = b[0] * KX - ax, by = b[1] - ay;
  const px = p[0] * KX - ax, py = p[1] - ay;
  const L = bx * bx + by * by;
  const t = L ? Math.max(0, Math.min(1, (px * bx + py * by) / L)) : 0;
  const dx = px - t * bx, dy = py - t * by;
  return dx * dx + dy * dy;
}

// Douglas-Peucker keeping both endpoints (arc endpoints are shared junctions).
function simplifyLine(pts, tol) {
  if (pts.length <= 2) return pts;
  const keep = new Uint8Array(pts.length);
  keep[0] = keep[pts.length - 1] = 1;
  const stack = [[0, pts.length - 1]];
  while (stack.length) {
    const [i, j] = stack.pop();
    let best = -1, bi = -1;
    for (let k = i + 1; k < j; k++) {
      const d = segDist2(pts[k], pts[i], pts[j]);
      if (d > best) { best = d; bi = k; }
    }
    if (bi >= 0 && best > tol * tol) { keep[bi] = 1; stack.push([i, bi], [bi, j]); }
  }
  return pts.filter((_, k) => keep[k]);
}

function simplifyArc(arc) {
  const a = arc[0], b = arc[arc.length - 1];
  if (arc.length > 3 && a[0] === b[0] && a[1] === b[1]) {
    // Closed arc (an island): split at the point farthest from the start.
    let far = 1, best = -1;
    arc.forEach((p, k) => { const d = segDist2(p, a, a); if (d > best) { best = d; far = k; } });
    return simplifyLine(arc.slice(0, far + 1), SIMPLIFY)
      .concat(simplifyLine(arc.slice(far), SIMPLIFY).slice(1));
  }
  return simplifyLine(arc, SIMPLIFY);
}

// ---------- 2. country polygons ----------

function ringArea(r) { // signed, lon scaled by KX; positive = counter-clockwise
  let s = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) s += (r[j][0] - r[i][0]) * (r[j][1] + r[i][1]);
  return (s / 2) * KX;
}

function loadCountries() {
  const topo = JSON.parse(fs.readFileSync(require.resolve(ATLAS), 'utf8'));
  const arcs = decodeArcs(topo).map(simplifyArc);
  const plain = { type: 'Topology', arcs, objects: topo.objects }; // no transform: absolute coords
  const box = [[[BBOX[0], BBOX[1]], [BBOX[2], BBOX[1]], [BBOX[2], BBOX[3]], [BBOX[0], BBOX[3]], [BBOX[0], BBOX[1]]]];
  const out = [];
  for (const f of topojson.feature(plain, topo.objects.countries).features) {
    const meta = COUNTRIES[f.id];
    if (!meta) continue;
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const kept = polys
      .map((p) => p.filter((r) => r.length >= 4))
      .filter((p) => p.length && Math.abs(ringArea(p[0])) >= MIN_ISLAND);
    if (!kept.length) continue;
    // Clip to the map box and cut out the hand-drawn lakes (NE counts them as land).
    const geom = pc.difference(pc.intersection(kept, box), ...LAKES.map((l) => [l.ring]));
    if (geom.length) out.push({ ...meta, geom });
  }
  return out;
}

// ---------- 3. Voronoi split ----------

function voronoiSplit(geom, seeds) {
  if (seeds.length === 1) return [geom];
  const pad = 5; // degrees: cells must cover the whole country
  const vor = Delaunay.from(seeds.map((s) => [s.lon * KX, s.lat]))
    .voronoi([(BBOX[0] - pad) * KX, BBOX[1] - pad, (BBOX[2] + pad) * KX, BBOX[3] + pad]);
  return seeds.map((_, i) => {
    const cell = vor.cellPolygon(i).map(([x, y]) => [x / KX, y]);
    // A cell can also catch tiny slivers (bbox corners, lake shores): drop them.
    return pc.intersection(geom, [cell]).filter((p) => ringArea(p[0]) >= MIN_PIECE);
  });
}

function pointInRing(x, y, r) {
  let c = false;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const [xi, yi] = r[i], [xj, yj] = r[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}
// polys: [[outer, hole...], ...] (any coordinate units, as long as x,y match)
function pointInPolys(x, y, polys) {
  return polys.some((p) => pointInRing(x, y, p[0]) && !p.slice(1).some((h) => pointInRing(x, y, h)));
}

// ---------- 4. snap to grid and node ----------

// All features get integer rings (units of 1e-4 degree). One shared registry
// of points makes "the same place" the same integer pair everywhere.
const registry = new Map(); // "x,y" -> [x, y]
function snap(p) {
  const x = Math.round(p[0] * Q), y = Math.round(p[1] * Q);
  for (let dx = -SNAP; dx <= SNAP; dx++) {
    for (let dy = -SNAP; dy <= SNAP; dy++) {
      const hit = registry.get(`${x + dx},${y + dy}`);
      if (hit) return hit;
    }
  }
  const q = [x, y];
  registry.set(`${x},${y}`, q);
  return q;
}

// Drop repeated points and zero-width spikes (a,b,a) that rounding or
// noding can create; a triangulator would choke on either. Points are shared
// objects from the registry, so identity comparison is exact.
function dropSpikes(ring) {
  let pts = ring;
  for (let pass = 0; pass < 2; pass++) { // second pass checks the ring's seam
    const out = [];
    for (const p of pts) {
      out.push(p);
      for (;;) {
        const n = out.length;
        if (n >= 2 && out[n - 1] === out[n - 2]) out.pop();
        else if (n >= 3 && out[n - 1] === out[n - 3]) out.splice(n - 2, 2);
        else break;
      }
    }
    while (out.length > 1 && out[0] === out[out.length - 1]) out.pop(); // implicit closure
    const k = out.length >> 1; // rotate by half so the old seam is checked mid-ring
    pts = [...out.slice(k), ...out.slice(0, k)];
  }
  return pts.length >= 3 ? pts : null;
}

const cleanRing = (r) => dropSpikes(r.map(snap));

function toIntPolys(geom) {
  const polys = [];
  for (const p of geom) {
    const outer = cleanRing(p[0]);
    if (!outer) continue;
    polys.push([outer, ...p.slice(1).map(cleanRing).filter(Boolean)]);
  }
  return polys;
}

// Insert into every segment the registered vertices lying on it, so that a
// border split on one side (a Voronoi edge meeting the national border) is
// split identically on the other side.
function nodeAll(features) {
  const CELL = 200;
  const grid = new Map();
  for (const p of registry.values()) {
    const k = `${Math.floor(p[0] / CELL)},${Math.floor(p[1] / CELL)}`;
    if (!grid.has(k)) grid.set(k, []);
    grid.get(k).push(p);
  }
  let inserted = 0;
  const nodeRing = (r) => {
    const out = [];
    for (let i = 0; i < r.length; i++) {
      const a = r[i], b = r[(i + 1) % r.length];
      out.push(a);
      const vx = b[0] - a[0], vy = b[1] - a[1], L2 = vx * vx + vy * vy;
      const hits = [];
      const x0 = Math.floor((Math.min(a[0], b[0]) - NODE_TOL) / CELL), x1 = Math.floor((Math.max(a[0], b[0]) + NODE_TOL) / CELL);
      const y0 = Math.floor((Math.min(a[1], b[1]) - NODE_TOL) / CELL), y1 = Math.floor((Math.max(a[1], b[1]) + NODE_TOL) / CELL);
      for (let gx = x0; gx <= x1; gx++) {
        for (let gy = y0; gy <= y1; gy++) {
          for (const p of grid.get(`${gx},${gy}`) || []) {
            if (p === a || p === b) continue;
            const t = ((p[0] - a[0]) * vx + (p[1] - a[1]) * vy) / L2;
            if (t <= 0 || t >= 1) continue;
            const cross = (p[0] - a[0]) * vy - (p[1] - a[1]) * vx;
            if ((cross * cross) / L2 <= NODE_TOL * NODE_TOL) hits.push([t, p]);
          }
        }
      }
      hits.sort((u, v) => u[0] - v[0]).forEach(([, p]) => out.push(p));
      inserted += hits.length;
    }
    return out;
  };
  for (const f of features) {
    f.polys = f.polys.map((p) => p.map(nodeRing).map(dropSpikes))
      .filter((p) => p[0]).map((p) => p.filter(Boolean));
  }
  return inserted;
}

function orient(polys) { // outer counter-clockwise, holes clockwise (lon/lat, y up)
  for (const p of polys) {
    p.forEach((r, k) => { if ((ringArea(r) > 0) !== (k === 0)) r.reverse(); });
  }
}

// ---------- 5. adjacency, as the engine derives it ----------

function deriveAdjacency(areas) {
  const owners = new Map(); // undirected segment key -> Set(area id)
  for (const a of areas) {
    for (const p of a.polys) for (const r of p) {
      for (let i = 0; i < r.length; i++) {
        const u = r[i], v = r[(i + 1) % r.length];
        const k = u[0] < v[0] || (u[0] === v[0] && u[1] < v[1]) ? `${u}|${v}` : `${v}|${u}`;
        if (!owners.has(k)) owners.set(k, new Set());
        owners.get(k).add(a.id);
      }
    }
  }
  const adj = new Map(areas.map((a) => [a.id, new Set()]));
  for (const ids of owners.values()) {
    for (const x of ids) for (const y of ids) if (x !== y) adj.get(x).add(y);
  }
  return adj;
}

// ---------- output helpers ----------

const fmt = (v) => (v / Q).toFixed(4);
const ringText = (r) => r.map((p) => `${fmt(p[0])} ${fmt(p[1])}`).join(' ');
const slug = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/Ł/g, 'L')
  .toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');

function main() {
  const countries = loadCountries();
  const seeds = AREAS.map(([id, cc, terrain, name, town, lon, lat, pop]) =>
    ({ id, cc, terrain, name, town: town || name, lon, lat, pop }));

  // Group playable polygons: Kaliningrad is split from mainland Russia so
  // that mainland seeds never claim the exclave and vice versa.
  const groups = [];
  const lands = [];
  for (const c of countries) {
    if (!c.play) { lands.push({ kind: 'land', cc: c.cc, name: c.name, geom: c.geom }); continue; }
    if (c.cc === 'RU') {
      const isKgd = (p) => p[0][0][0] < 23; // exclave lies west of lon 23
      groups.push({ cc: 'RU', geom: c.geom.filter(isKgd), seeds: seeds.filter((s) => s.cc === 'RU' && s.lon < 23) });
      groups.push({ cc: 'RU', geom: c.geom.filter((p) => !isKgd(p)), seeds: seeds.filter((s) => s.cc === 'RU' && s.lon >= 23) });
    } else {
      groups.push({ cc: c.cc, geom: c.geom, seeds: seeds.filter((s) => s.cc === c.cc) });
    }
  }

  const areas = [];
  for (const g of groups) {
    if (!g.seeds.length) { log(`warning: no seeds for a part of ${g.cc}; drawn as backdrop`); lands.push({ kind: 'land', cc: g.cc, name: g.cc, geom: g.geom }); continue; }
    voronoiSplit(g.geom, g.seeds).forEach((geom, i) => areas.push({ kind: 'area', ...g.seeds[i], geom }));
  }
  const missing = seeds.filter((s) => !areas.some((a) => a.id === s.id));
  if (missing.length) log('warning: seeds outside their country:', missing.map((s) => s.id).join(' '));

  // Areas first so that their points win the snap registry (lands follow them).
  const features = [...areas, ...lands];
  for (const f of features) f.polys = toIntPolys(f.geom);
  const inserted = nodeAll(features);
  for (const f of features) orient(f.polys);
  for (const a of areas) if (!a.polys.length) log(`warning: area ${a.id} is empty`);

  // Places: every seed town, then secondary towns, assigned by point-in-polygon.
  const places = [];
  const usedIds = new Set();
  const addPlace = (name, lon, lat, pop, wantArea) => {
    const x = lon * Q, y = lat * Q;
    const area = areas.find((a) => pointInPolys(x, y, a.polys));
    if (!area) { log(`warning: place ${name} is in no area; skipped`); return; }
    if (wantArea && area.id !== wantArea) log(`warning: seed ${name} falls in ${area.id}, not ${wantArea}`);
    let id = slug(name);
    while (usedIds.has(id)) id += '_2';
    usedIds.add(id);
    places.push({ id, area: area.id, lon, lat, pop, name });
  };
  for (const s of seeds) addPlace(s.town, s.lon, s.lat, s.pop, s.id);
  for (const [name, lon, lat, pop] of PLACES) addPlace(name, lon, lat, pop, null);

  // ---- write the map ----
  const out = [];
  out.push('flank-map 1');
  out.push('title Eastern Flank: Baltic states, Poland, Belarus, western Russia');
  out.push(`source Natural Earth 1:10m Admin 0 countries (public domain) via npm world-atlas ${ATLAS_VERSION}`);
  out.push('source Areas: Voronoi cells of hand-listed towns clipped to national borders (tools/mapgen)');
  out.push('source Terrain, populations and area choice are game assumptions, see assets/maps/README.md');
  out.push(`bbox ${BBOX.map((v) => v.toFixed(4)).join(' ')}`);
  out.push('# generated by tools/mapgen/mapgen.js - do not edit by hand');
  out.push('# rings: outer counter-clockwise, holes clockwise (lon/lat axes); closure implicit');
  const emitPolys = (polys) => {
    for (const [outer, ...holes] of polys) {
      out.push(`ring ${ringText(outer)}`);
      for (const h of holes) out.push(`hole ${ringText(h)}`);
    }
  };
  out.push('# backdrop land (not playable)');
  for (const l of lands) { out.push(`land ${l.cc} ${l.name}`); emitPolys(l.polys); }
  out.push('# game areas');
  for (const a of areas) { out.push(`area ${a.id} ${a.terrain} ${a.cc} ${a.name}`); emitPolys(a.polys); }
  out.push('# towns');
  for (const p of places) out.push(`place ${p.id} ${p.area} ${p.lon.toFixed(4)} ${p.lat.toFixed(4)} ${p.pop} ${p.name}`);
  process.stdout.write(out.join('\n') + '\n');

  // ---- report ----
  const vcount = (fs_) => fs_.reduce((n, f) => n + f.polys.flat().reduce((m, r) => m + r.length, 0), 0);
  log(`areas ${areas.length}, backdrop lands ${lands.length}, places ${places.length}`);
  log(`vertices: areas ${vcount(areas)}, lands ${vcount(lands)}, total ${vcount(features)}; node insertions ${inserted}`);
  const adj = deriveAdjacency(areas);
  const lonely = [...adj].filter(([, s]) => s.size === 0).map(([id]) => id);
  log(`areas with no neighbours: ${lonely.length ? lonely.join(' ') : '(none)'}`);
  const expect = [
    ['suwalki_gap', ['marijampole', 'alytus']], ['suwalki_gap', ['kaliningrad_chernyakhovsk', 'kaliningrad']],
    ['suwalki_gap', ['grodno']], ['narva', ['kingisepp']], ['daugavpils', ['vitebsk', 'polotsk']],
    ['vilnius', ['lida', 'minsk']], ['klaipeda', ['kaliningrad', 'kaliningrad_sovetsk']],
    ['helsinki', ['kotka']], ['kotka', ['vyborg']], ['brest', ['biala_podlaska']],
  ];
  for (const [a, bs] of expect) {
    const hit = bs.filter((b) => adj.get(a)?.has(b));
    log(`expect ${a} ~ ${bs.join('|')}: ${hit.length ? 'ok (' + hit.join(',') + ')' : 'MISSING'}`);
  }
  const cross = [];
  for (const a of areas) for (const b of adj.get(a.id)) {
    const other = areas.find((x) => x.id === b);
    if (a.id < b && other.cc !== a.cc) cross.push(`${a.id}-${b}`);
  }
  log(`cross-border adjacencies (${cross.length}): ${cross.join(' ')}`);
  if (process.env.MAPGEN_ADJ) for (const [id, s] of adj) log(`  ${id}: ${[...s].join(' ')}`);
}

main();
