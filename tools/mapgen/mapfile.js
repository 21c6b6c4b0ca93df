// Minimal reader for the flank-map 1 text format, shared by check.js and
// preview.js. It is deliberately strict: any malformed line throws with its
// line number, so the checker fails loudly instead of guessing.

import fs from 'node:fs';

const num = (s, ln) => {
  const v = Number(s);
  if (!Number.isFinite(v)) throw new Error(`line ${ln}: bad number '${s}'`);
  return v;
};

function parseRing(fields, ln) {
  if (fields.length % 2) throw new Error(`line ${ln}: odd number of coordinates`);
  const r = [];
  for (let i = 0; i < fields.length; i += 2) r.push([num(fields[i], ln), num(fields[i + 1], ln)]);
  return r;
}

export function readMap(path) {
  const text = fs.readFileSync(path, 'utf8');
  const map = { header: null, title: '', sources: [], bbox: null, lands: [], areas: [], places: [], adj: [] };
  let cur = null; // last land/area record: rings attach to it
  text.split('\n').forEach((line, i) => {
    const ln = i + 1;
    if (line === '' || line.startsWith('#')) return;
    const sp = line.indexOf(' ');
    const kw = sp < 0 ? line : line.slice(0, sp);
    const rest = sp < 0 ? '' : line.slice(sp + 1);
    const f = rest.split(' ');
    // `n` leading fields, then the name is the rest of the line (may contain spaces)
    const split = (n) => [...f.slice(0, n), f.slice(n).join(' ')];
    if (map.header === null) {
      if (line !== 'flank-map 1') throw new Error(`line ${ln}: expected header 'flank-map 1'`);
      map.header = line;
      return;
    }
    switch (kw) {
      case 'title': map.title = rest; break;
      case 'source': map.sources.push(rest); break;
      case 'bbox': map.bbox = f.map((s) => num(s, ln)); break;
      case 'land': {
        const [cc, name] = split(1);
        cur = { cc, name, polys: [], line: ln };
        map.lands.push(cur);
        break;
      }
      case 'area': {
        const [id, terrain, cc, name] = split(3);
        cur = { id, terrain, cc, name, polys: [], line: ln };
        map.areas.push(cur);
        break;
      }
      case 'ring':
        if (!cur) throw new Error(`line ${ln}: ring before any land/area`);
        cur.polys.push([parseRing(f, ln)]);
        break;
      case 'hole':
        if (!cur || !cur.polys.length) throw new Error(`line ${ln}: hole before any ring`);
        cur.polys[cur.polys.length - 1].push(parseRing(f, ln));
        break;
      case 'place': {
        const [id, area, lon, lat, pop, name] = split(5);
        map.places.push({ id, area, lon: num(lon, ln), lat: num(lat, ln), pop: num(pop, ln), name, line: ln });
        break;
      }
      case 'adj': map.adj.push([f[0], f[1]]); break;
      default: throw new Error(`line ${ln}: unknown record '${kw}'`);
    }
  });
  if (map.header === null) throw new Error('empty file');
  return map;
}

// Adjacency exactly as the engine derives it: two areas are neighbours when
// they share a ring segment (two consecutive vertices, coordinates rounded to
// 1e-4), plus any explicit `adj` lines.
export function adjacency(map) {
  const key = (p) => `${Math.round(p[0] * 1e4)},${Math.round(p[1] * 1e4)}`;
  const owners = new Map();
  for (const a of map.areas) {
    for (const poly of a.polys) for (const r of poly) {
      for (let i = 0; i < r.length; i++) {
        const u = key(r[i]), v = key(r[(i + 1) % r.length]);
        const k = u < v ? `${u}|${v}` : `${v}|${u}`;
        if (!owners.has(k)) owners.set(k, new Set());
        owners.get(k).add(a.id);
      }
    }
  }
  const adj = new Map(map.areas.map((a) => [a.id, new Set()]));
  for (const ids of owners.values()) for (const x of ids) for (const y of ids) if (x !== y) adj.get(x).add(y);
  for (const [x, y] of map.adj) { adj.get(x)?.add(y); adj.get(y)?.add(x); }
  return adj;
}

export function pointInRing(x, y, r) {
  let c = false;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const [xi, yi] = r[i], [xj, yj] = r[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

export function pointInArea(x, y, area) {
  return area.polys.some((p) => pointInRing(x, y, p[0]) && !p.slice(1).some((h) => pointInRing(x, y, h)));
}
