#!/usr/bin/env node
// preview.js - draw a .map file as SVG for a quick visual check (not used by
// the game). Areas are coloured by country, backdrop land is grey, the sea is
// blue; dots are towns, bold labels are area names with their terrain.
//   node preview.js ../../assets/maps/eastern_flank.map > preview.svg
//   convert preview.svg preview.png
// Optional zoom: node preview.js FILE minlon minlat maxlon maxlat

import { readMap } from './mapfile.js';

const map = readMap(process.argv[2] || '../../assets/maps/eastern_flank.map');
const [x0, y0, x1, y1] = process.argv.length >= 7 ? process.argv.slice(3, 7).map(Number) : map.bbox;
const KX = Math.cos((((y0 + y1) / 2) * Math.PI) / 180); // simple equirectangular at mid-latitude
const S = 1600 / ((x1 - x0) * KX); // pixels per degree of latitude
const W = Math.round((x1 - x0) * KX * S), H = Math.round((y1 - y0) * S);
const px = (lon, lat) => [((lon - x0) * KX * S).toFixed(1), ((y1 - lat) * S).toFixed(1)];

const COLORS = { EE: '#8fb8e0', LV: '#d9a3a3', LT: '#e6d27a', PL: '#f0b8c8', FI: '#b9d9f0', RU: '#c9a66b', BY: '#a8cf8e' };
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const pathOf = (polys) => polys.flat().map((r) => 'M' + r.map((p) => px(...p).join(',')).join('L') + 'Z').join('');

const out = [];
out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="DejaVu Sans, sans-serif">`);
out.push(`<rect width="${W}" height="${H}" fill="#9ec9e8"/>`);
for (const l of map.lands) {
  out.push(`<path d="${pathOf(l.polys)}" fill="#d8d8d0" stroke="#999" stroke-width="0.8" fill-rule="evenodd"/>`);
}
for (const a of map.areas) {
  const fill = COLORS[a.cc] || '#ccc';
  out.push(`<path d="${pathOf(a.polys)}" fill="${fill}" stroke="#333" stroke-width="1" stroke-linejoin="round" fill-rule="evenodd"><title>${esc(a.id)}</title></path>`);
}
for (const l of map.lands) {
  const pts = l.polys.flat(2);
  if (!pts.length) continue;
  // label a backdrop country at the mean of its vertices (rough but enough)
  const [lx, ly] = px(pts.reduce((s, p) => s + p[0], 0) / pts.length, pts.reduce((s, p) => s + p[1], 0) / pts.length);
  out.push(`<text x="${lx}" y="${ly}" font-size="18" fill="#777" text-anchor="middle">${esc(l.name)}</text>`);
}
const labelled = new Set();
for (const p of map.places) {
  const [x, y] = px(p.lon, p.lat);
  out.push(`<circle cx="${x}" cy="${y}" r="${p.pop > 300000 ? 4 : 2.5}" fill="#000"/>`);
  const area = map.areas.find((a) => a.id === p.area);
  if (area && !labelled.has(area.id)) {
    // first place listed for an area is its seed town: put the area label there
    labelled.add(area.id);
    out.push(`<text x="${x}" y="${+y - 6}" font-size="15" font-weight="bold" text-anchor="middle" fill="#111">${esc(area.name)} [${area.terrain[0]}]</text>`);
  } else {
    out.push(`<text x="${+x + 4}" y="${+y + 4}" font-size="10" fill="#333">${esc(p.name)}</text>`);
  }
}
out.push(`<text x="10" y="${H - 10}" font-size="14" fill="#234">${esc(map.title)} - terrain: [p]lain [f]orest [m]arsh [u]rban [c]oast [l]ake</text>`);
out.push('</svg>');
process.stdout.write(out.join('\n') + '\n');
