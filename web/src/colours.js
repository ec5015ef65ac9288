// Colour-blind-safe palettes (ColorBrewer YlOrRd sequential, RdBu diverging) and the classing of a
// value by the server's break edges.
import { isNum, int, one, signedPct, threshold } from './format.js';

export const SEQUENTIAL = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];
export const REDS = ['#fddbc7', '#f4a582', '#d6604d', '#b2182b'];
export const BLUES = ['#d1e5f0', '#92c5de', '#4393c3', '#2166ac'];
export const NEUTRAL = '#f7f7f7';
export const NO_DATA = '#bfc1c3';
export const SIG = { up: '#b2182b', down: '#2166ac', ns: '#f2f2f2' };
export const HOTSPOT = {
  'hot-99': '#b2182b', 'hot-95': '#ef8a62', 'hot-90': '#fddbc7',
  'cold-90': '#d1e5f0', 'cold-95': '#67a9cf', 'cold-99': '#2166ac',
};
export const HOTSPOT_LABEL = {
  'hot-99': 'Hot spot, 99% confidence', 'hot-95': 'Hot spot, 95%', 'hot-90': 'Hot spot, 90%',
  'cold-90': 'Cold spot, 90%', 'cold-95': 'Cold spot, 95%', 'cold-99': 'Cold spot, 99% confidence',
};

/** The value an area is coloured and ranked by. */
export function measureValue(a, measure) {
  if (measure === 'significance') return a.change_pct;
  return a[measure];
}

/** Class edges: strictly increasing numbers from the server's breaks. */
function edgesOf(breaks) {
  const e = (breaks || []).filter(isNum);
  const out = [];
  for (const v of e) if (!out.length || v > out[out.length - 1]) out.push(v);
  return out;
}

function pick(palette, n) {
  if (n <= 1) return [palette[Math.floor(palette.length / 2)]];
  return Array.from({ length: n }, (_, i) => palette[Math.round((i * (palette.length - 1)) / (n - 1))]);
}

/** Classes {lo, hi, colour, label} for a measure, from the server's breaks. */
export function classes(measure, breaks) {
  const e = edgesOf(breaks);
  if (e.length === 0) return [];
  if (e.length === 1) e.push(e[0]);
  const n = e.length - 1;
  const fmt = measure === 'count' ? int : measure === 'change_pct' ? signedPct : one;
  const out = [];
  for (let i = 0; i < n; i++) out.push({ lo: e[i], hi: e[i + 1], label: `${fmt(e[i])} to ${i === n - 1 ? '' : 'under '}${fmt(e[i + 1])}` });
  if (measure === 'change_pct') {
    const neg = out.filter((c) => c.hi <= 0).reverse(); // nearest zero first
    const pos = out.filter((c) => c.lo >= 0 && !(c.hi <= 0));
    const shade = (j, k) => Math.max(0, Math.round(((j + 1) * 4) / k) - 1);
    neg.forEach((c, j) => { c.colour = BLUES[shade(j, neg.length)]; });
    pos.forEach((c, j) => { c.colour = REDS[shade(j, pos.length)]; });
    for (const c of out) if (!c.colour) c.colour = NEUTRAL;
  } else {
    const pal = pick(SEQUENTIAL, n);
    out.forEach((c, i) => { c.colour = pal[i]; });
  }
  return out;
}

export function classOf(v, cls) {
  if (!isNum(v) || !cls.length) return null;
  let k = 0;
  for (let i = 0; i < cls.length; i++) if (v >= cls[i].lo) k = i;
  return cls[k];
}

/** Fill colour and state of one area for the measure: {fill, state: 'value'|'suppressed'|'nodata'}. */
export function areaFill(a, measure, cls) {
  if (!a) return { fill: NO_DATA, state: 'nodata' };
  if (a.suppressed) return { fill: NO_DATA, state: 'suppressed' };
  if (measure === 'significance') {
    if (a.significant === true) return { fill: isNum(a.change) && a.change < 0 ? SIG.down : SIG.up, state: 'value' };
    if (a.significant === false) return { fill: SIG.ns, state: 'value' };
    return { fill: NO_DATA, state: 'nodata' };
  }
  const c = classOf(measureValue(a, measure), cls);
  return c ? { fill: c.colour, state: 'value' } : { fill: NO_DATA, state: 'nodata' };
}

/** Legend entries [{colour, label, kind}] for the measure. */
export function legendItems(measure, cls, hasSuppressed) {
  let items;
  if (measure === 'significance') {
    items = [
      { colour: SIG.up, label: 'Significant rise' },
      { colour: SIG.ns, label: 'No significant change' },
      { colour: SIG.down, label: 'Significant fall' },
    ];
  } else {
    items = cls.slice().reverse().map((c) => ({ colour: c.colour, label: c.label }));
  }
  if (hasSuppressed) items.push({ colour: NO_DATA, label: `Hidden (<${threshold} or secondary)`, kind: 'hatched' });
  items.push({ colour: NO_DATA, label: 'Not available' });
  return items;
}
