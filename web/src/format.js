// Number and text formatting. Suppressed counts arrive as null and are shown, never recomputed.
const intFmt = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneFmt = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export let threshold = 5;
export function setThreshold(t) { if (Number.isFinite(t)) threshold = t; }

export const isNum = (v) => typeof v === 'number' && Number.isFinite(v);
export const int = (v) => (isNum(v) ? intFmt.format(v) : '–');
export const one = (v) => (isNum(v) ? oneFmt.format(v) : '–');
export const signedInt = (v) => (isNum(v) ? (v > 0 ? '+' : v < 0 ? '−' : '') + intFmt.format(Math.abs(v)) : '–');
export const signedPct = (v) => (isNum(v) ? (v > 0 ? '+' : v < 0 ? '−' : '') + oneFmt.format(Math.abs(v)) + '%' : '–');

/** A count as the server sent it: a number, "<5" when suppressed, "hidden" for secondary suppression. */
export function count(v, suppressed) {
  if (isNum(v)) return int(v);
  if (suppressed === 'secondary') return 'hidden';
  if (suppressed) return `<${threshold}`;
  return '–';
}

export function suppressionNote(suppressed) {
  if (suppressed === 'secondary') return 'Hidden so that a small count cannot be worked out from the district total (secondary suppression).';
  if (suppressed) return `Fewer than ${threshold} offences: the count and every figure from it are not shown.`;
  return '';
}

export function pValue(p) {
  if (!isNum(p)) return '';
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p.toFixed(3)}`;
}

/** "significant" / "not significant" wording for a change. */
export function significance(sig, p) {
  if (sig === true) return `significant at the 5% level (${pValue(p)})`;
  if (sig === false) return `not significant (${pValue(p)})`;
  return 'not tested';
}
export function significanceShort(sig, change) {
  if (sig === true) return isNum(change) && change < 0 ? 'significant fall' : 'significant rise';
  if (sig === false) return 'not significant';
  return '–';
}

export function change(ch, pct) {
  if (!isNum(ch) && !isNum(pct)) return '–';
  return `${signedPct(pct)} (${signedInt(ch)})`;
}

export function rateWithCI(rate, low, high) {
  if (!isNum(rate)) return '–';
  if (isNum(low) && isNum(high)) return `${one(rate)} (95% CI ${one(low)} to ${one(high)})`;
  return one(rate);
}

export function funnel(f) {
  switch (f) {
    case 'above': return 'above the district rate (outside the funnel limits)';
    case 'below': return 'below the district rate (outside the funnel limits)';
    case 'within': return 'in line with the district rate (within the funnel limits)';
    default: return '–';
  }
}
export function funnelShort(f) {
  return { above: 'above', below: 'below', within: 'within' }[f] || '–';
}

export function trend(t) {
  if (!t) return '–';
  const dir = t.direction || '–';
  if (isNum(t.rate_ratio)) {
    const ci = isNum(t.low) && isNum(t.high) ? ` (95% CI ${t.low.toFixed(2)} to ${t.high.toFixed(2)})` : '';
    return `${dir}, ×${t.rate_ratio.toFixed(2)} a year${ci}`;
  }
  return dir;
}

export function slug(s) {
  return String(s ?? '').toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}
