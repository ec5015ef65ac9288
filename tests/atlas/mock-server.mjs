// A stand-in for `csa serve` shaped exactly as docs/ATLAS_API.md says, for working on the front end
// without the C++ server: real ward and LSOA boundaries from the shared data folder, made-up counts
// (deterministic). Not used by the CTest run, which drives the real server.
//   node tests/atlas/mock-server.mjs [--port 8090] [--shared /work/shared] [--web web/dist] [--demographics]
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, extname, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const arg = (name, def) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : def; };
const port = Number(arg('--port', 8090));
const shared = arg('--shared', process.env.CSA_SHARED_DIR || '/work/shared');
const web = arg('--web', join(here, '../../web/dist'));
const demographics = process.argv.includes('--demographics');

const geo = (f) => JSON.parse(readFileSync(join(shared, 'data/geography', f), 'utf8'));
const wardsGeo = geo('wards-2025-cambs-peterborough.geojson');
const lsoaGeo = geo('lsoa21-cambs-peterborough.geojson');
const districts = new Map();
for (const f of wardsGeo.features) {
  const p = f.properties;
  if (!districts.has(p.LAD25CD)) districts.set(p.LAD25CD, { code: p.LAD25CD, name: p.LAD25NM, county: p.LAD25CD === 'E06000031' ? 'Peterborough' : 'Cambridgeshire', wards: [], lsoas: [] });
  districts.get(p.LAD25CD).wards.push({ type: 'Feature', geometry: f.geometry, properties: { code: p.WD25CD, name: p.WD25NM } });
}
for (const f of lsoaGeo.features) {
  const p = f.properties;
  districts.get(p.LADCD_ACTIVE)?.lsoas.push({ type: 'Feature', geometry: f.geometry, properties: { code: p.LSOA21CD, name: p.LSOA21NM } });
}
const areaIndex = new Map();
for (const d of districts.values()) {
  for (const w of d.wards) areaIndex.set(w.properties.code, { ...w.properties, level: 'ward', district: d });
  for (const l of d.lsoas) areaIndex.set(l.properties.code, { ...l.properties, level: 'lsoa', district: d });
  areaIndex.set(d.code, { code: d.code, name: d.name, level: 'lad', district: d });
}

const themes = [
  { id: 'all_crime', label: 'All crime', kind: 'group', crime_types: ['Anti-social behaviour', 'Bicycle theft', 'Burglary', 'Criminal damage and arson', 'Drugs', 'Other crime', 'Other theft', 'Possession of weapons', 'Public order', 'Robbery', 'Shoplifting', 'Theft from the person', 'Vehicle crime', 'Violence and sexual offences'], description: 'Every crime and anti-social behaviour incident.' },
  { id: 'acquisitive', label: 'Acquisitive crime', kind: 'group', crime_types: ['Bicycle theft', 'Burglary', 'Other theft', 'Robbery', 'Shoplifting', 'Theft from the person', 'Vehicle crime'], description: '' },
  { id: 'asb', label: 'Anti-social behaviour', kind: 'theme', crime_types: ['Anti-social behaviour'], description: '' },
  { id: 'shoplifting', label: 'Shoplifting', kind: 'theme', crime_types: ['Shoplifting'], description: '' },
  { id: 'burglary', label: 'Burglary', kind: 'theme', crime_types: ['Burglary'], description: '' },
  { id: 'vehicle', label: 'Vehicle crime', kind: 'theme', crime_types: ['Vehicle crime'], description: '' },
  { id: 'violence', label: 'Violence and sexual offences', kind: 'theme', crime_types: ['Violence and sexual offences'], description: '' },
];
const months = []; for (let y = 2024; y <= 2025; y++) for (let m = 1; m <= 12; m++) months.push(`${y}-${String(m).padStart(2, '0')}`);
const periods = months.slice(11).reverse().map((m) => {
  const [y, mo] = m.split('-').map(Number);
  const prev = `ye${y - 1}-${String(mo).padStart(2, '0')}`;
  return { id: `ye${m}`, label: `Year ending ${new Date(Date.UTC(y, mo - 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${y}`, previous: months.indexOf(`${y - 1}-${String(mo).padStart(2, '0')}`) >= 11 ? prev : null };
});

function hash(s) { let h = 2166136261; for (const c of s) h = Math.imul(h ^ c.charCodeAt(0), 16777619); return (h >>> 0) / 4294967296; }
const themeScale = { all_crime: 1, acquisitive: 0.4, asb: 0.2, shoplifting: 0.08, burglary: 0.03, vehicle: 0.05, violence: 0.3 };
function monthly(code, theme, month) {
  const base = (code.startsWith('E01') ? 12 : 80) * (0.2 + 2 * hash(code)) * themeScale[theme];
  return Math.round(base * (0.75 + 0.5 * hash(code + theme + month)));
}
const pop = (code) => Math.round((code.startsWith('E01') ? 1500 : 8000) * (0.7 + 0.6 * hash('pop' + code)));
function yearCount(code, theme, pid) {
  if (!pid) return null;
  const end = pid.slice(2); const i = months.indexOf(end);
  if (i < 11) return null;
  let s = 0; for (let k = i - 11; k <= i; k++) s += monthly(code, theme, months[k]); return s;
}
function figures(code, theme, period, suppress = true) {
  const p = periods.find((x) => x.id === period);
  const count = yearCount(code, theme, period);
  const previous = yearCount(code, theme, p.previous);
  const population = pop(code);
  const hidden = suppress && count > 0 && count < 5;
  const change = previous == null ? null : count - previous;
  const change_pct = previous ? Math.round((1000 * change) / previous) / 10 : null;
  const pv = previous == null ? null : Math.min(1, Math.abs(change) < 3 ? 0.8 : 0.5 / Math.abs(change) * 3);
  const rate = Math.round((10000 * count) / population) / 10;
  return hidden
    ? { population, count: null, previous: previous != null && previous < 5 ? null : previous, suppressed: true, change: null, change_pct: null, p_value: null, significant: null, small_base: null, rate: null, rate_low: null, rate_high: null, funnel: null, rank: null }
    : { population, count, previous, suppressed: false, change, change_pct, p_value: pv, significant: pv == null ? null : pv < 0.05, small_base: previous != null && previous < 20,
      rate, rate_low: Math.round(rate * 9.2) / 10, rate_high: Math.round(rate * 10.9) / 10, funnel: null, rank: null };
}
function quantiles(vals) {
  const v = vals.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!v.length) return [];
  return [0, 0.2, 0.4, 0.6, 0.8, 1].map((q) => v[Math.min(v.length - 1, Math.floor(q * (v.length - 1)))]);
}

function route(path, q) {
  const need = (k) => { const v = q.get(k); if (!v) throw [400, `missing parameter ${k}: give ${k}=...`]; return v; };
  const period = () => { const p = need('period'); if (!periods.some((x) => x.id === p)) throw [400, `period=${p} is not loaded`]; return p; };
  const theme = () => { const t = need('theme'); if (!themes.some((x) => x.id === t)) throw [400, `theme=${t} is unknown`]; return t; };
  const dist = () => { const d = districts.get(need('district')); if (!d) throw [404, `district=${q.get('district')} is unknown`]; return d; };
  const area = () => { const a = areaIndex.get(need('area')); if (!a) throw [404, `area=${q.get('area')} is unknown`]; return a; };
  switch (path) {
    case 'meta': return {
      title: 'Community safety atlas',
      attribution: 'Contains public sector information licensed under the Open Government Licence v3.0. Source: Office for National Statistics licensed under the Open Government Licence v3.0. Contains OS data © Crown copyright and database right.',
      months: { first: months[0], last: months[months.length - 1] }, periods, themes,
      districts: [...districts.values()].map((d) => ({ code: d.code, name: d.name, county: d.county, wards: d.wards.length, lsoas: d.lsoas.length })),
      levels: ['ward', 'lsoa'],
      default: { district: 'E07000008', theme: 'all_crime', period: 'ye2025-12', level: 'ward', measure: 'rate' },
      suppression: { threshold: 5, rule: 'Counts from 1 to 4 below district level are shown as <5 (mock).' },
      population: 'LSOA population (vintage unknown)', hotspots: true, demographics,
    };
    case 'boundaries': {
      const d = dist(); const level = need('level');
      if (level === 'ward') return { type: 'FeatureCollection', features: d.wards };
      if (level === 'lsoa') return { type: 'FeatureCollection', features: d.lsoas };
      if (level === 'district') return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: d.code, name: d.name }, geometry: { type: 'MultiPolygon', coordinates: d.wards.flatMap((w) => (w.geometry.type === 'Polygon' ? [w.geometry.coordinates] : w.geometry.coordinates)) } }] };
      throw [400, `level=${level}: use ward, lsoa or district`];
    }
    case 'map': {
      const d = dist(); const t = theme(); const p = period(); const level = need('level');
      const feats = level === 'lsoa' ? d.lsoas : d.wards;
      const areas = feats.map((f) => ({ code: f.properties.code, name: f.properties.name, ...figures(f.properties.code, t, p) }));
      const ranked = areas.filter((a) => a.count != null).sort((a, b) => b.count - a.count);
      ranked.forEach((a, i) => { a.rank = i + 1; });
      const tc = areas.reduce((s, a) => s + (yearCount(a.code, t, p) || 0), 0);
      const per = periods.find((x) => x.id === p);
      const tp = per.previous ? areas.reduce((s, a) => s + (yearCount(a.code, t, per.previous) || 0), 0) : null;
      const tpop = areas.reduce((s, a) => s + a.population, 0);
      const drate = (1000 * tc) / tpop;
      for (const a of areas) if (a.rate != null) a.funnel = a.rate_low > drate ? 'above' : a.rate_high < drate ? 'below' : 'within';
      return {
        district: { code: d.code, name: d.name }, theme: { id: t, label: themes.find((x) => x.id === t).label }, period: per, areas,
        total: { code: d.code, name: d.name, population: tpop, count: tc, previous: tp, change: tp == null ? null : tc - tp, change_pct: tp ? Math.round((1000 * (tc - tp)) / tp) / 10 : null, p_value: tp == null ? null : 0.01, significant: tp == null ? null : true, rate: Math.round(drate * 10) / 10 },
        breaks: { count: quantiles(areas.map((a) => a.count)), rate: quantiles(areas.map((a) => a.rate)), change_pct: quantiles(areas.map((a) => a.change_pct)) },
        measures: { count: 'Offences', rate: 'Offences per 1,000 residents', change_pct: 'Change on a year earlier (%)' },
      };
    }
    case 'series': {
      const a = area(); const t = theme(); const d = a.district;
      const wards = d.wards.map((w) => w.properties.code);
      const dc = (m) => wards.reduce((s, w) => s + monthly(w, t, m), 0);
      const counts = months.map((m) => monthly(a.code, t, m));
      return {
        area: { code: a.code, name: a.name, level: a.level }, district: { code: d.code, name: d.name }, months,
        area_counts: counts.map((c) => (a.level !== 'lad' && c > 0 && c < 5 ? null : c)), area_suppressed: counts.map((c) => a.level !== 'lad' && c > 0 && c < 5),
        district_counts: months.map(dc),
        annual: periods.filter((p) => p.id.endsWith('-12')).reverse().map((p) => ({ period: p.id, label: p.label, area: yearCount(a.code, t, p.id), district: wards.reduce((s, w) => s + yearCount(w, t, p.id), 0) })),
      };
    }
    case 'profile': {
      const a = area(); const p = period();
      if (a.level !== 'ward') throw [400, `area=${a.code} is not a ward: profiles are for wards`];
      const per = periods.find((x) => x.id === p);
      return {
        area: { code: a.code, name: a.name, population: pop(a.code), district: { code: a.district.code, name: a.district.name } }, period: per,
        themes: themes.map((t) => {
          const f = figures(a.code, t.id, p);
          const all = a.district.wards.map((w) => yearCount(w.properties.code, t.id, p)).sort((x, y) => y - x);
          return { id: t.id, label: t.label, kind: t.kind, count: f.count, previous: f.previous, suppressed: f.suppressed, change: f.change, change_pct: f.change_pct, p_value: f.p_value, significant: f.significant, rate: f.rate, district_rate: 50 * themeScale[t.id],
            rank: f.count == null ? null : all.indexOf(f.count) + 1, of: all.length, funnel: f.rate == null ? null : 'within',
            trend: { direction: f.change > 0 ? 'rising' : 'falling', rate_ratio: 1.05, low: 0.95, high: 1.16, basis: 'Poisson regression on the 24 monthly counts, per year' } };
        }),
      };
    }
    case 'monitoring': {
      const a = area(); const p = period(); const per = periods.find((x) => x.id === p);
      const rows = [];
      const fig = (id) => { const f = figures(a.code, id, p, a.level !== 'lad'); return { current: f.count, previous: f.previous, change: f.change, change_pct: f.change_pct, p_value: f.p_value, significant: f.significant, suppressed: f.suppressed }; };
      for (const g of themes.filter((t) => t.kind === 'group')) {
        rows.push({ id: g.id, label: g.label, depth: 0, parent: null, contains: g.crime_types, home_office: g.crime_types.map((c) => `HO class for ${c}`), ...fig(g.id) });
        for (const t of themes.filter((x) => x.kind === 'theme' && x.crime_types.every((c) => g.crime_types.includes(c)))) {
          rows.push({ id: t.id, label: t.label, depth: 1, parent: g.id, contains: t.crime_types, home_office: [`${t.label}: HO 28A`, `${t.label}: HO 28B`], ...fig(t.id) });
          for (const c of t.crime_types) rows.push({ id: c.toLowerCase().replace(/\W+/g, '-'), label: c, depth: 2, parent: t.id, contains: [c], home_office: [`${c}: HO 28A`], ...fig(t.id) });
        }
      }
      return { area: { code: a.code, name: a.name, level: a.level }, period: per, rows };
    }
    case 'pyramid': {
      area();
      if (!demographics) return { available: false, reason: 'police.uk open data has no victim or offender age or sex; load a local extract with demographics to see the pyramid.' };
      const bands = ['0-17', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'];
      const mk = (k) => bands.map((b, i) => Math.round(40 + 200 * hash(k + b + i)));
      return { available: true, bands, victims: { female: mk('vf'), male: mk('vm') }, offenders: { female: mk('of'), male: mk('om') }, synthetic: true, sources: ['Mock crime extract'], threshold: 5, basis: 'Crimes recorded in the period; each crime counts its victim and its main offender once.' };
    }
    case 'hotspots': {
      const d = dist(); theme(); period();
      const features = [];
      for (const w of d.wards.slice(0, 6)) {
        const ring = w.geometry.type === 'Polygon' ? w.geometry.coordinates[0] : w.geometry.coordinates[0][0];
        const [x, y] = ring[0];
        for (let k = 0; k < 4; k++) {
          const x0 = x + 0.003 * k, y0 = y - 0.002;
          features.push({ type: 'Feature', properties: { count: 12, kde: 0.8, z: 3.1, p: 0.001, q: 0.01, class: k % 2 ? 'hot-95' : 'hot-99' }, geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x0 + 0.003, y0], [x0 + 0.003, y0 + 0.0018], [x0, y0 + 0.0018], [x0, y0]]] } });
        }
      }
      return { type: 'FeatureCollection', features, meta: { cell_size_m: 200, bandwidth_m: 400, incidents: 1500, without_coordinates: 3 } };
    }
    default: throw [404, `no such API path /api/${path}`];
  }
}

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.map': 'application/json', '.txt': 'text/plain' };
createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname.startsWith('/api/')) {
    let status = 200, body;
    try { body = route(url.pathname.slice(5), url.searchParams); } catch (e) { if (Array.isArray(e)) { [status, body] = [e[0], { error: e[1] }]; } else { status = 500; body = { error: String(e) }; } }
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
    return;
  }
  const rel = normalize(url.pathname === '/' ? '/index.html' : url.pathname).replace(/^(\.\.[/\\])+/, '');
  const file = join(web, rel);
  if (!file.startsWith(web) || !existsSync(file) || !statSync(file).isFile()) { res.writeHead(404); res.end('not found'); return; }
  res.writeHead(200, { 'Content-Type': types[extname(file)] || 'application/octet-stream' });
  res.end(readFileSync(file));
}).listen(port, '127.0.0.1', () => console.log(`mock atlas on http://127.0.0.1:${port}/`));
