// The community safety atlas: one page, its state in the URL, its data from csa serve's JSON API.
import { api } from './api.js';
import * as F from './format.js';
import { el } from './format.js';
import { AtlasMap } from './map.js';
import { areaFill, classes, legendItems, measureValue, HOTSPOT, HOTSPOT_LABEL, NO_DATA } from './colours.js';
import { rankingChart, seriesChart, annualChart, pyramidChart, chartOf } from './charts.js';
import { downloadCsv, composePng, tablePng, numOrBlank } from './export.js';

// Set here, not in an inline script: csa serve's Content-Security-Policy allows scripts from the server only.
document.body.classList.add('js-enabled', 'govuk-frontend-supported');
document.getElementById('controls')?.addEventListener('submit', (e) => e.preventDefault());

const TABS = ['map', 'charts', 'profile', 'monitoring', 'pyramid'];
const MEASURES = ['count', 'rate', 'change_pct', 'significance'];
const MEASURE_LABEL = {
  count: 'Offences', rate: 'Offences per 1,000 residents', change_pct: 'Change on a year earlier (%)',
  significance: 'Significance of the change on a year earlier',
};
const LEVEL_LABEL = { ward: 'Wards', lsoa: 'Neighbourhoods (LSOAs)', district: 'District' };
const LEVEL_NOUN = { ward: 'ward', lsoa: 'LSOA', lad: 'district', district: 'district' };

const $ = (id) => document.getElementById(id);
const state = { district: '', theme: '', period: '', level: 'ward', measure: 'rate', area: '', tab: 'map', hotspots: false, tiles: '' };
let meta = null;
let atlasMap = null;
let areasFC = null; // boundaries of the current level
let districtFC = null;
let mapData = null;
let byCode = new Map();
let cls = [];
let hotspotsFC = null;
const gen = { map: 0, charts: 0, profile: 0, monitoring: 0, pyramid: 0, hotspots: 0 };
const views = { series: null, profile: null, monitoring: null, pyramid: null };

// ---- helpers -------------------------------------------------------------------------------------

const lcFirst = (s) => (s ? s[0].toLowerCase() + s.slice(1) : '');
/** "Year ending December 2025" -> "YE Dec 2025", for column headings. */
const shortPeriod = (l) => (l || '').replace(/^Year ending /i, 'YE ').replace(/(January|February|March|April|May|June|July|August|September|October|November|December)/, (m) => m.slice(0, 3));

function announce(text) {
  const a = $('announce');
  a.textContent = '';
  setTimeout(() => { a.textContent = text; }, 30);
}

function showError(err) {
  console.warn(err);
  $('app-error-text').textContent = err?.message || String(err);
  $('app-error').hidden = false;
}
function clearError() { $('app-error').hidden = true; }

function inlineError(container, err) {
  container.replaceChildren(el('div', { class: 'govuk-warning-text' },
    el('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
    el('strong', { class: 'govuk-warning-text__text' }, el('span', { class: 'govuk-visually-hidden' }, 'Warning'), err?.message || String(err))));
}

const district = () => meta.districts.find((d) => d.code === state.district);
const theme = () => meta.themes.find((t) => t.id === state.theme);
const period = () => meta.periods.find((p) => p.id === state.period);
const periodLabel = (id) => meta.periods.find((p) => p.id === id)?.label || (id ? id.replace(/^ye(\d{4})-(\d{2})$/, 'Year ending $2/$1') : '');
const selected = () => (state.area ? byCode.get(state.area) : null);
const measureLabel = () => (state.measure === 'significance' ? MEASURE_LABEL.significance : mapData?.measures?.[state.measure] || MEASURE_LABEL[state.measure]);

function fileName(view, ext, areaName) {
  const parts = ['csa', view, F.slug(district()?.name || state.district), state.theme, state.period];
  if (['map', 'ranking'].includes(view)) parts.push(state.level, state.measure === 'change_pct' ? 'change' : state.measure);
  if (areaName) parts.push(F.slug(areaName));
  return `${parts.filter(Boolean).join('-')}.${ext}`;
}

function sourceNotes() {
  const n = [meta.attribution];
  if (meta.population) n.push(`Population: ${meta.population}.`);
  n.push('Boundaries: Source: Office for National Statistics licensed under the Open Government Licence v3.0. Contains OS data © Crown copyright and database right.');
  if (meta.suppression?.rule) n.push(meta.suppression.rule);
  return n;
}

// ---- URL state -----------------------------------------------------------------------------------

function readUrl() {
  const q = new URLSearchParams(location.search);
  const d = meta.default || {};
  const pick = (name, allowed, fallback) => {
    const v = q.get(name);
    return v && allowed.includes(v) ? v : fallback;
  };
  state.district = pick('district', meta.districts.map((x) => x.code), d.district || meta.districts[0]?.code);
  state.theme = pick('theme', meta.themes.map((x) => x.id), d.theme || meta.themes[0]?.id);
  state.period = pick('period', meta.periods.map((x) => x.id), d.period || meta.periods[0]?.id);
  state.level = pick('level', meta.levels, meta.levels.includes(d.level) ? d.level : meta.levels[0]);
  state.measure = pick('measure', MEASURES, d.measure || 'rate');
  state.tab = pick('tab', TABS, 'map');
  state.area = /^[EWSN]\d{8}$/.test(q.get('area') || '') ? q.get('area') : '';
  state.hotspots = q.get('hotspots') === '1' && !!meta.hotspots;
  state.tiles = q.get('tiles') || '';
}

function writeUrl() {
  const q = new URLSearchParams();
  for (const k of ['district', 'theme', 'period', 'level', 'measure', 'area', 'tab']) if (state[k]) q.set(k, state[k]);
  if (state.hotspots) q.set('hotspots', '1');
  if (state.tiles) q.set('tiles', state.tiles);
  const url = `${location.pathname}?${q.toString().replace(/%2C/g, ',').replace(/%7B/g, '{').replace(/%7D/g, '}').replace(/%2F/g, '/').replace(/%3A/g, ':')}`;
  if (url !== location.pathname + location.search) history.replaceState(null, '', url);
}

// ---- controls ------------------------------------------------------------------------------------

function fillControls() {
  const dsel = $('ctl-district');
  dsel.replaceChildren(...meta.districts.map((d) => el('option', { value: d.code }, `${d.name}${d.county && d.county !== d.name ? ` (${d.county})` : ''}`)));
  const tsel = $('ctl-theme');
  const groups = meta.themes.filter((t) => t.kind === 'group');
  const themes = meta.themes.filter((t) => t.kind !== 'group');
  tsel.replaceChildren(
    el('optgroup', { label: 'Groups' }, groups.map((t) => el('option', { value: t.id }, t.label))),
    el('optgroup', { label: 'Themes' }, themes.map((t) => el('option', { value: t.id }, t.label))));
  $('ctl-period').replaceChildren(...meta.periods.map((p) => el('option', { value: p.id }, p.label + (p.previous ? '' : ' (no year before)'))));
  $('ctl-level').replaceChildren(...meta.levels.map((l) => el('option', { value: l }, LEVEL_LABEL[l] || l)));
  for (const id of ['ctl-district', 'ctl-theme', 'ctl-period', 'ctl-level', 'ctl-measure']) $(id).disabled = false;
  $('hotspots-control').hidden = !meta.hotspots;
}

function syncControls() {
  $('ctl-district').value = state.district;
  $('ctl-theme').value = state.theme;
  $('ctl-period').value = state.period;
  $('ctl-level').value = state.level;
  $('ctl-measure').value = state.measure;
  $('ctl-hotspots').checked = state.hotspots;
  const t = theme();
  const types = t?.crime_types?.length ? `Police.uk crime types: ${t.crime_types.join(', ')}.` : '';
  $('theme-note').textContent = [t?.description, types].filter(Boolean).join(' ');
}

function bindControls() {
  const on = (id, key, fn) => $(id).addEventListener('change', (e) => { state[key] = e.target.value; fn(); });
  on('ctl-district', 'district', () => { state.area = ''; hotspotsFC = null; reloadAll(true); });
  on('ctl-level', 'level', () => { state.area = ''; reloadAll(false); });
  on('ctl-theme', 'theme', () => { hotspotsFC = null; syncControls(); reloadData(); });
  on('ctl-period', 'period', () => { hotspotsFC = null; reloadData(); });
  on('ctl-measure', 'measure', () => { writeUrl(); renderMapData(); announce(`Map shows ${measureLabel()}.`); });
  $('ctl-hotspots').addEventListener('change', (e) => { state.hotspots = e.target.checked; writeUrl(); loadHotspots(); });
  document.querySelectorAll('[data-export]').forEach((b) => b.addEventListener('click', () => doExport(b.dataset.export, b)));
  $('monitoring-expand-all').addEventListener('click', toggleAllMonitoring);
}

// ---- tabs ----------------------------------------------------------------------------------------

function bindTabs() {
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  tabs.forEach((t, i) => {
    t.addEventListener('click', (e) => { e.preventDefault(); showTab(t.dataset.tab, false); });
    t.addEventListener('keydown', (e) => {
      let j = null;
      if (e.key === 'ArrowRight') j = (i + 1) % tabs.length;
      else if (e.key === 'ArrowLeft') j = (i - 1 + tabs.length) % tabs.length;
      else if (e.key === 'Home') j = 0;
      else if (e.key === 'End') j = tabs.length - 1;
      if (j != null) { e.preventDefault(); showTab(tabs[j].dataset.tab, false); tabs[j].focus(); }
    });
  });
}

function showTab(name, focusPanel = false) {
  state.tab = name;
  for (const t of TABS) {
    const tab = $(`tab-${t}`), panel = $(`panel-${t}`), on = t === name;
    tab.setAttribute('aria-selected', on ? 'true' : 'false');
    tab.tabIndex = on ? 0 : -1;
    tab.parentElement.classList.toggle('govuk-tabs__list-item--selected', on);
    panel.hidden = !on;
    panel.classList.toggle('govuk-tabs__panel--hidden', !on);
  }
  writeUrl();
  if (name === 'map' && atlasMap) atlasMap.resize();
  renderTab();
  if (focusPanel) $(`panel-${name}`).focus({ preventScroll: true });
}

function renderTab() {
  if (!mapData) return;
  if (state.tab === 'charts') loadCharts();
  else if (state.tab === 'profile') loadProfile();
  else if (state.tab === 'monitoring') loadMonitoring();
  else if (state.tab === 'pyramid') loadPyramid();
}

// ---- loading -------------------------------------------------------------------------------------

async function reloadAll(fit) {
  writeUrl();
  syncControls();
  clearError();
  $('map').dataset.state = 'loading';
  try {
    const [areas, outline] = await Promise.all([
      api('boundaries', { district: state.district, level: state.level }),
      api('boundaries', { district: state.district, level: 'district' }),
    ]);
    areasFC = areas; districtFC = outline;
    await atlasMap.setDistrict(outline, false);
    if (fit) await atlasMap.fitTo(outline.features?.length ? outline : areas);
  } catch (e) { showError(e); $('map').dataset.state = 'error'; return; }
  await reloadData();
}

async function reloadData() {
  writeUrl();
  clearError();
  const g = ++gen.map;
  $('map').dataset.state = 'loading';
  let data;
  try {
    data = await api('map', { district: state.district, level: state.level, theme: state.theme, period: state.period });
  } catch (e) { if (g === gen.map) { showError(e); $('map').dataset.state = 'error'; } return; }
  if (g !== gen.map) return;
  mapData = data;
  byCode = new Map(data.areas.map((a) => [a.code, a]));
  if (state.area && !byCode.has(state.area)) state.area = '';
  writeUrl();
  renderMapData();
  if (state.hotspots) loadHotspots();
  renderTab();
  const n = data.areas.length;
  announce(`Map shows ${data.theme.label}, ${data.period.label}, ${measureLabel()}, for ${n} ${state.level === 'lsoa' ? 'LSOAs' : 'wards'} in ${data.district.name}.`);
}

function renderMapData() {
  if (!mapData) return;
  const m = state.measure === 'significance' ? 'change_pct' : state.measure;
  cls = state.measure === 'significance' ? [] : classes(m, mapData.breaks?.[m]);
  const features = (areasFC?.features || []).map((f) => {
    const a = byCode.get(f.properties.code);
    const { fill, state: st } = areaFill(a, state.measure, cls);
    return { type: 'Feature', geometry: f.geometry, properties: { code: f.properties.code, name: f.properties.name, fill, state: st } };
  });
  $('map').dataset.state = 'drawing';
  atlasMap.setAreas({ type: 'FeatureCollection', features }).then(() => atlasMap.setSelected(state.area))
    .then(() => atlasMap.idle()).then(() => { $('map').dataset.state = 'ready'; });
  renderLegend();
  renderRanking();
  renderAreaPanel();
  const d = mapData.district.name;
  $('map-heading').textContent = `${mapData.theme.label} in ${d}, ${lcFirst(mapData.period.label)}: ${measureLabel().toLowerCase()}`;
}

function currentLegend() {
  const hasSuppressed = mapData.areas.some((a) => a.suppressed);
  const items = legendItems(state.measure, cls, hasSuppressed);
  if (state.hotspots && hotspotsFC) {
    const present = new Set(hotspotsFC.features.map((f) => f.properties.class));
    for (const k of Object.keys(HOTSPOT)) if (present.has(k)) items.push({ colour: HOTSPOT[k], label: HOTSPOT_LABEL[k] });
  }
  return items;
}

function renderLegend() {
  const items = currentLegend();
  const box = $('legend');
  box.replaceChildren(
    el('h3', {}, measureLabel()),
    el('ul', {}, items.map((it) => el('li', {},
      el('span', { class: `atlas-swatch${it.kind === 'hatched' ? ' atlas-swatch--hatched' : ''}`, style: it.kind === 'hatched' ? null : `background:${it.colour}`, 'aria-hidden': 'true' }),
      el('span', {}, it.label)))),
    el('ul', {}, el('li', {}, el('span', { class: 'atlas-swatch atlas-swatch--line', 'aria-hidden': 'true' }), el('span', {}, `${mapData.district.name} boundary`))));
}

function rankedAreas() {
  const v = (a) => measureValue(a, state.measure);
  return mapData.areas.slice().sort((a, b) => {
    const x = v(a), y = v(b);
    if (!F.isNum(x) && !F.isNum(y)) return a.name.localeCompare(b.name);
    if (!F.isNum(x)) return 1;
    if (!F.isNum(y)) return -1;
    return y - x || a.name.localeCompare(b.name);
  });
}

function fmtMeasure(a) {
  if (a.suppressed) return F.count(null, a.suppressed);
  const v = measureValue(a, state.measure);
  if (state.measure === 'count') return F.int(v);
  if (state.measure === 'rate') return F.one(v);
  if (state.measure === 'change_pct') return F.signedPct(v);
  return `${F.signedPct(v)}, ${F.significanceShort(a.significant, a.change)}`;
}

function renderRanking() {
  const rows = rankedAreas();
  const label = state.measure === 'significance' ? MEASURE_LABEL.change_pct : measureLabel();
  $('ranking-heading').textContent = `Ranking of ${state.level === 'lsoa' ? 'LSOAs' : 'wards'}: ${label.toLowerCase()}`;
  rankingChart($('ranking-chart'), rows.map((a) => ({
    name: a.name, value: measureValue(a, state.measure),
    colour: areaFill(a, state.measure, cls).fill, note: a.suppressed ? F.count(null, a.suppressed) : null,
  })), { label, measure: state.measure === 'significance' ? 'change_pct' : state.measure });
  $('ranking-chart').setAttribute('aria-label', `Bar chart of ${label.toLowerCase()} by area; the table below gives the same figures.`);

  const prevLabel = periodLabel(mapData.period.previous) || 'Year before';
  const head = el('thead', { class: 'govuk-table__head' }, el('tr', { class: 'govuk-table__row' },
    ['Position', 'Area', `Offences, ${shortPeriod(mapData.period.label)}`, `Offences, ${shortPeriod(prevLabel)}`, 'Change', 'Significance', 'Rate per 1,000 (95% CI)', 'Funnel', 'Rank by count']
      .map((h, i) => el('th', { scope: 'col', class: `govuk-table__header${i >= 2 && i !== 5 && i !== 7 ? ' govuk-table__header--numeric' : ''}` }, h))));
  const body = el('tbody', { class: 'govuk-table__body' });
  rows.forEach((a, i) => {
    const isSel = a.code === state.area;
    body.append(el('tr', { class: `govuk-table__row${isSel ? ' is-selected' : ''}`, 'data-code': a.code },
      el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, F.isNum(measureValue(a, state.measure)) ? String(i + 1) : '–'),
      el('th', { scope: 'row', class: 'govuk-table__header' }, el('button', { type: 'button', class: 'atlas-linkbutton', 'aria-pressed': isSel ? 'true' : 'false', onclick: () => selectArea(a.code, { from: 'list' }) }, a.name)),
      el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, F.count(a.count, a.suppressed)),
      el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, F.count(a.previous, null)),
      el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, F.change(a.change, a.change_pct)),
      el('td', { class: 'govuk-table__cell' }, sigTag(a.significant, a.change)),
      el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, F.rateWithCI(a.rate, a.rate_low, a.rate_high)),
      el('td', { class: 'govuk-table__cell' }, F.funnelShort(a.funnel)),
      el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, a.rank == null ? '–' : String(a.rank))));
  });
  const t = mapData.total;
  const foot = el('tfoot', {}, el('tr', { class: 'govuk-table__row' },
    el('td', { class: 'govuk-table__cell' }, ''),
    el('th', { scope: 'row', class: 'govuk-table__header' }, `${t.name} (district)`),
    el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, F.int(t.count)),
    el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, F.int(t.previous)),
    el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, F.change(t.change, t.change_pct)),
    el('td', { class: 'govuk-table__cell' }, sigTag(t.significant, t.change)),
    el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, F.one(t.rate)),
    el('td', { class: 'govuk-table__cell' }, ''), el('td', { class: 'govuk-table__cell' }, '')));
  $('ranking-table').replaceChildren(el('table', { class: 'govuk-table atlas-table', id: 'ranking' },
    el('caption', { class: 'govuk-table__caption govuk-table__caption--s' }, `${mapData.theme.label}, ${mapData.period.label}: ${rows.length} ${state.level === 'lsoa' ? 'LSOAs' : 'wards'} of ${t.name}, ordered by ${label.toLowerCase()}`),
    head, body, foot));
}

function sigTag(sig, change) {
  const text = F.significanceShort(sig, change);
  if (sig !== true) return text;
  return el('span', { class: change < 0 ? 'atlas-sig--down' : 'atlas-sig--up' }, text);
}

function summaryList(rows) {
  return el('dl', { class: 'govuk-summary-list' }, rows.filter(Boolean).map(([k, v]) => el('div', { class: 'govuk-summary-list__row' },
    el('dt', { class: 'govuk-summary-list__key' }, k), el('dd', { class: 'govuk-summary-list__value' }, v))));
}

function renderAreaPanel() {
  const box = $('area-panel');
  const t = mapData.total;
  const a = selected();
  const prev = periodLabel(mapData.period.previous);
  if (!a) {
    box.replaceChildren(
      el('h3', { class: 'govuk-heading-s', id: 'area-heading' }, `${t.name}: the district`),
      summaryList([
        [mapData.period.label, `${F.int(t.count)} offences`],
        prev && [prev, `${F.int(t.previous)} offences`],
        ['Change', F.change(t.change, t.change_pct)],
        ['Significance', F.significance(t.significant, t.p_value)],
        ['Rate per 1,000 residents', F.one(t.rate)],
        ['Population', F.int(t.population)],
      ]),
      el('p', { class: 'govuk-body-s atlas-empty', id: 'area-hint' }, 'Select an area on the map, or choose its name in the ranking table below, to see its figures.'));
    return;
  }
  const noun = LEVEL_NOUN[state.level] || 'area';
  const rows = [
    [mapData.period.label, a.suppressed ? `${F.count(a.count, a.suppressed)} offences` : `${F.int(a.count)} offences`],
    prev && [prev, a.previous == null ? '–' : `${F.int(a.previous)} offences`],
    ['Change', F.change(a.change, a.change_pct)],
    ['Significance', F.significance(a.significant, a.p_value)],
    ['Rate per 1,000 residents', F.rateWithCI(a.rate, a.rate_low, a.rate_high)],
    [`${t.name} rate`, F.one(t.rate)],
    ['Funnel position', F.funnel(a.funnel)],
    ['Rank by count', a.rank == null ? '–' : `${a.rank} of ${mapData.areas.length}`],
    ['Population', F.int(a.population)],
  ];
  const notes = [];
  if (a.suppressed) notes.push(F.suppressionNote(a.suppressed));
  if (a.small_base) notes.push('The earlier count is under 20, so the percentage change is unstable; read it with care.');
  box.replaceChildren(
    el('h3', { class: 'govuk-heading-s', id: 'area-heading' }, `${a.name} `, el('span', { class: 'govuk-caption-m' }, `${noun} ${a.code}`)),
    summaryList(rows),
    ...notes.map((n) => el('p', { class: 'govuk-inset-text govuk-!-font-size-16' }, n)),
    el('div', { class: 'govuk-button-group' },
      el('button', { type: 'button', class: 'govuk-button', id: 'open-profile', onclick: () => showTab('profile', true) }, 'Open area profile'),
      el('button', { type: 'button', class: 'govuk-button govuk-button--secondary', onclick: () => showTab('charts', true) }, 'Monthly chart'),
      el('button', { type: 'button', class: 'govuk-button govuk-button--secondary', onclick: () => selectArea('', { from: 'clear' }) }, 'Clear selection')));
}

function selectArea(code, { from } = {}) {
  state.area = code && byCode.has(code) ? code : '';
  writeUrl();
  atlasMap.setSelected(state.area);
  renderAreaPanel();
  document.querySelectorAll('#ranking tbody tr').forEach((tr) => {
    const on = tr.dataset.code === state.area;
    tr.classList.toggle('is-selected', on);
    tr.querySelector('button')?.setAttribute('aria-pressed', on ? 'true' : 'false');
  });
  const a = selected();
  if (a) {
    const c = a.suppressed ? F.count(null, a.suppressed) : F.int(a.count);
    announce(`Selected ${a.name}: ${c} offences, ${F.change(a.change, a.change_pct)}, ${F.significanceShort(a.significant, a.change)}, rate ${F.one(a.rate)} per 1,000.`);
  } else if (from === 'clear') announce('Selection cleared; showing the district.');
  if (from === 'list') $('area-panel').scrollIntoView({ block: 'nearest', behavior: 'instant' });
  renderTab();
}

// ---- hover ---------------------------------------------------------------------------------------

function onHover(code, point) {
  const tip = $('map-tooltip');
  const a = code ? byCode.get(code) : null;
  if (!code) { tip.hidden = true; return; }
  const name = a?.name || areasFC?.features.find((f) => f.properties.code === code)?.properties.name || code;
  const lines = a ? [
    `Offences: ${F.count(a.count, a.suppressed)}${a.suppressed ? ' (hidden)' : ''}`,
    `Rate per 1,000: ${F.one(a.rate)}`,
    `Change: ${F.change(a.change, a.change_pct)}, ${F.significanceShort(a.significant, a.change)}`,
  ] : ['No figures'];
  tip.replaceChildren(el('strong', {}, name), ...lines.map((l) => el('div', {}, l)));
  tip.hidden = false;
  const wrap = $('map').getBoundingClientRect();
  const x = Math.min(point.x + 14, wrap.width - 270);
  tip.style.left = `${Math.max(0, x)}px`;
  tip.style.top = `${Math.max(0, point.y + 14)}px`;
}

// ---- hot spots -----------------------------------------------------------------------------------

// Classes as the contract spells them (hot-99 … cold-99); a server writing hot99 is read the same.
function normaliseHotspots(fc) {
  for (const f of fc.features || []) {
    const c = String(f.properties?.class ?? '');
    f.properties.class = c.replace(/^(hot|cold)[-_]?(\d+)$/, '$1-$2');
  }
  return fc;
}

async function loadHotspots() {
  const status = $('hotspots-status');
  if (!state.hotspots) { atlasMap.setHotspots(null, false); status.textContent = ''; renderLegend(); return; }
  const g = ++gen.hotspots;
  status.textContent = 'Finding hot spots…';
  try {
    const fc = hotspotsFC || normaliseHotspots(await api('hotspots', { district: state.district, theme: state.theme, period: state.period }));
    if (g !== gen.hotspots) return;
    hotspotsFC = fc;
    await atlasMap.setHotspots(fc, true);
    const hot = fc.features.filter((f) => String(f.properties.class).startsWith('hot')).length;
    const cold = fc.features.length - hot;
    const m = fc.meta || {};
    const bits = [];
    if (F.isNum(m.cell_size_m)) bits.push(`${F.int(m.cell_size_m)} m cells`);
    if (F.isNum(m.bandwidth_m)) bits.push(`${F.int(m.bandwidth_m)} m bandwidth`);
    const mapped = F.isNum(m.mapped) ? m.mapped : m.incidents;
    if (F.isNum(mapped)) bits.push(`${F.int(mapped)} incidents mapped`);
    if (F.isNum(m.without_coordinates) && m.without_coordinates > 0) bits.push(`${F.int(m.without_coordinates)} without coordinates`);
    status.textContent = `${hot} hot and ${cold} cold cells at 90% confidence or more${bits.length ? ` (${bits.join(', ')})` : ''}.`;
    renderLegend();
  } catch (e) { if (g === gen.hotspots) status.textContent = `Hot spots not available: ${e.message}`; }
}

// ---- charts tab ----------------------------------------------------------------------------------

async function loadCharts() {
  const g = ++gen.charts;
  const code = state.area || state.district;
  const note = $('charts-note');
  note.textContent = 'Loading…';
  let s;
  try { s = await api('series', { area: code, theme: state.theme }); } catch (e) { if (g === gen.charts) inlineError(note, e); return; }
  if (g !== gen.charts) return;
  views.series = s;
  const areaIsDistrict = s.area.code === s.district.code;
  const tl = theme()?.label || state.theme;
  $('charts-heading').textContent = areaIsDistrict ? `${tl} in ${s.district.name}` : `${tl} in ${s.area.name} against ${s.district.name}`;
  const hidden = (s.area_suppressed || []).filter(Boolean).length;
  note.textContent = areaIsDistrict
    ? 'Select a ward on the map or in the ranking to compare it with the district.'
    : `${s.area.name} on the left axis, ${s.district.name} on the right.${hidden ? ` ${hidden} month${hidden > 1 ? 's' : ''} with fewer than ${F.threshold} offences ${hidden > 1 ? 'are' : 'is'} hidden (gaps in the line).` : ''}`;
  seriesChart($('series-chart'), s, { areaIsDistrict, themeLabel: tl });
  annualChart($('annual-chart'), s, { areaIsDistrict, themeLabel: tl });
  $('series-chart').setAttribute('aria-label', `Line chart of monthly ${tl} counts, ${s.months[0]} to ${s.months[s.months.length - 1]}; the figures are in the table below.`);
  $('annual-chart').setAttribute('aria-label', `Bar chart of twelve-month ${tl} totals; the figures are in the table below.`);
  const rows = s.months.map((m, i) => [m, areaIsDistrict ? null : F.count(s.area_counts[i], s.area_suppressed?.[i]), F.int(s.district_counts[i])]);
  const head = ['Month', ...(areaIsDistrict ? [] : [s.area.name]), s.district.name];
  $('series-table').replaceChildren(simpleTable(head, rows.map((r) => (areaIsDistrict ? [r[0], r[2]] : r)), `${tl}: monthly counts`));
}

function simpleTable(head, rows, caption) {
  return el('table', { class: 'govuk-table atlas-table' },
    el('caption', { class: 'govuk-table__caption govuk-table__caption--s' }, caption),
    el('thead', { class: 'govuk-table__head' }, el('tr', { class: 'govuk-table__row' }, head.map((h, i) => el('th', { scope: 'col', class: `govuk-table__header${i ? ' govuk-table__header--numeric' : ''}` }, h)))),
    el('tbody', { class: 'govuk-table__body' }, rows.map((r) => el('tr', { class: 'govuk-table__row' }, r.map((c, i) => (i === 0
      ? el('th', { scope: 'row', class: 'govuk-table__header' }, c)
      : el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, c)))))));
}

// ---- profile tab ---------------------------------------------------------------------------------

async function loadProfile() {
  const body = $('profile-body');
  const g = ++gen.profile;
  const picker = areaPicker();
  if (!state.area) {
    views.profile = null;
    $('profile-heading').textContent = 'Area profile';
    body.replaceChildren(picker, el('p', { class: 'govuk-body atlas-empty' }, `Choose a ${state.level === 'lsoa' ? 'neighbourhood' : 'ward'} above, on the map or in the ranking table to see every theme for it.`));
    return;
  }
  body.replaceChildren(picker, el('p', { class: 'govuk-body' }, 'Loading…'));
  let p;
  try { p = await api('profile', { area: state.area, period: state.period }); } catch (e) { if (g === gen.profile) { body.replaceChildren(picker); const d = el('div'); body.append(d); inlineError(d, e); } return; }
  if (g !== gen.profile) return;
  views.profile = p;
  $('profile-heading').textContent = `Area profile: ${p.area.name}`;
  const prev = periodLabel(p.period.previous);
  const head = ['Theme', shortPeriod(p.period.label), prev ? shortPeriod(prev) : 'Year before', 'Change', 'Significance', 'Rate per 1,000', `${p.area.district?.name || 'District'} rate`, 'Rank', 'Funnel', 'Trend'];
  const table = el('table', { class: 'govuk-table atlas-table', id: 'profile' },
    el('caption', { class: 'govuk-table__caption govuk-table__caption--s' },
      `${p.area.name} (${p.area.district?.name || ''}), ${p.period.label}: offences by theme; population ${F.int(p.area.population)}. Rank 1 is the highest count among the district's ${state.level === 'lsoa' ? 'LSOAs' : 'wards'}.`),
    el('thead', { class: 'govuk-table__head' }, el('tr', { class: 'govuk-table__row' }, head.map((h, i) => el('th', { scope: 'col', class: `govuk-table__header${[1, 2, 3, 5, 6, 7].includes(i) ? ' govuk-table__header--numeric' : ''}` }, h)))),
    el('tbody', { class: 'govuk-table__body' }, p.themes.map((t) => el('tr', { class: 'govuk-table__row', 'data-theme': t.id },
      el('th', { scope: 'row', class: 'govuk-table__header', style: t.kind === 'group' ? null : 'font-weight:400' }, t.label),
      el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, F.count(t.count, t.suppressed)),
      el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, F.count(t.previous, null)),
      el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, F.change(t.change, t.change_pct)),
      el('td', { class: 'govuk-table__cell' }, sigTag(t.significant, t.change)),
      el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, F.one(t.rate)),
      el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, F.one(t.district_rate)),
      el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, t.rank == null ? '–' : `${t.rank} of ${t.of}`),
      el('td', { class: 'govuk-table__cell' }, F.funnelShort(t.funnel)),
      el('td', { class: 'govuk-table__cell atlas-trend', title: t.trend?.basis || null }, F.trend(t.trend))))));
  const basis = p.themes.find((t) => t.trend?.basis)?.trend.basis;
  body.replaceChildren(picker, el('div', { class: 'atlas-table-wrap' }, table),
    el('p', { class: 'govuk-body-s' }, `Significance: exact conditional Poisson test of the two years at the 5% level. Funnel: the rate against ${p.area.district?.name || 'the district'}'s rate with 95% and 99.8% Poisson limits.${basis ? ` Trend: ${basis}.` : ''} ${meta.suppression?.rule || ''}`));
}

function areaPicker() {
  const id = 'profile-area';
  const sel = el('select', { class: 'govuk-select', id },
    el('option', { value: '' }, 'Choose…'),
    mapData.areas.slice().sort((a, b) => a.name.localeCompare(b.name)).map((a) => el('option', { value: a.code, selected: a.code === state.area }, a.name)));
  sel.addEventListener('change', () => selectArea(sel.value, { from: 'picker' }));
  return el('div', { class: 'govuk-form-group' }, el('label', { class: 'govuk-label', for: id }, state.level === 'lsoa' ? 'Neighbourhood (LSOA)' : 'Ward'), sel);
}

// ---- monitoring tab ------------------------------------------------------------------------------

async function loadMonitoring() {
  const body = $('monitoring-body');
  const g = ++gen.monitoring;
  const code = state.area || state.district;
  body.replaceChildren(el('p', { class: 'govuk-body' }, 'Loading…'));
  let m;
  try { m = await api('monitoring', { area: code, period: state.period }); } catch (e) { if (g === gen.monitoring) inlineError(body, e); return; }
  if (g !== gen.monitoring) return;
  views.monitoring = m;
  const prev = periodLabel(m.period.previous);
  $('monitoring-heading').textContent = `Monitoring table: ${m.area.name}${state.area ? '' : ' (district)'}`;
  const rows = m.rows;
  // Children follow their parent in order, one depth deeper.
  const kids = rows.map(() => []);
  const stack = [];
  rows.forEach((r, i) => {
    while (stack.length && rows[stack[stack.length - 1]].depth >= r.depth) stack.pop();
    if (stack.length) kids[stack[stack.length - 1]].push(i);
    stack.push(i);
  });
  const tbody = el('tbody', { class: 'govuk-table__body' });
  const trs = rows.map((r, i) => {
    const tipId = `mon-tip-${i}`;
    const contains = r.contains || [];
    const ho = r.home_office || [];
    const titleText = [`Contains: ${contains.join(', ') || '–'}`, ho.length ? `Home Office classifications: ${ho.join('; ')}` : ''].filter(Boolean).join('\n');
    const tip = el('span', { class: 'atlas-tip', id: tipId, role: 'tooltip' },
      el('p', {}, el('strong', {}, 'Contains: '), contains.join(', ') || '–'),
      ho.length ? el('p', {}, el('strong', {}, 'Home Office classifications: '), ho.join('; ')) : null);
    const label = kids[i].length
      ? el('button', { type: 'button', class: 'atlas-toggle', 'aria-expanded': 'false', 'aria-controls': kids[i].map((k) => `mon-row-${k}`).join(' '), 'aria-describedby': tipId, title: titleText, 'data-row': i }, r.label)
      : el('span', { class: 'atlas-leaf', tabindex: '0', 'aria-describedby': tipId, title: titleText }, r.label);
    const details = el('details', { class: 'govuk-details' },
      el('summary', { class: 'govuk-details__summary' }, el('span', { class: 'govuk-details__summary-text' }, `${contains.length} crime type${contains.length === 1 ? '' : 's'}${ho.length ? `, ${ho.length} Home Office classification${ho.length === 1 ? '' : 's'}` : ''}`, el('span', { class: 'govuk-visually-hidden' }, ` in ${r.label}`))),
      el('div', { class: 'govuk-details__text' },
        el('p', { class: 'govuk-body-s' }, el('strong', {}, 'Police.uk crime types: '), contains.join(', ') || '–'),
        ho.length ? el('p', { class: 'govuk-body-s' }, el('strong', {}, 'Home Office classifications: '), ho.join('; ')) : null));
    const tr = el('tr', { class: 'govuk-table__row', id: `mon-row-${i}`, 'data-depth': String(r.depth), 'data-id': r.id, hidden: r.depth > 0 },
      el('th', { scope: 'row', class: 'govuk-table__header' }, el('div', { class: 'atlas-row-label' }, label, tip)),
      el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, F.count(r.previous, null)),
      el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, F.count(r.current, r.suppressed)),
      el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, F.signedInt(r.change)),
      el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, F.signedPct(r.change_pct)),
      el('td', { class: 'govuk-table__cell' }, sigTag(r.significant, r.change)),
      el('td', { class: 'govuk-table__cell' }, details));
    tbody.append(tr);
    return tr;
  });
  const setOpen = (i, open) => {
    const btn = trs[i].querySelector('.atlas-toggle');
    if (btn) btn.setAttribute('aria-expanded', open ? 'true' : 'false');
    for (const k of kids[i]) {
      trs[k].hidden = !open;
      if (!open) setOpen(k, false);
    }
  };
  tbody.addEventListener('click', (e) => {
    const btn = e.target.closest('.atlas-toggle');
    if (!btn) return;
    const i = Number(btn.dataset.row);
    setOpen(i, btn.getAttribute('aria-expanded') !== 'true');
  });
  // Escape hides a row's contents pop-up until the pointer or focus leaves (WCAG 1.4.13).
  tbody.addEventListener('keydown', (e) => { if (e.key === 'Escape') e.target.closest('.atlas-row-label')?.classList.add('is-dismissed'); });
  const undismiss = (e) => e.target.closest?.('.atlas-row-label')?.classList.remove('is-dismissed');
  tbody.addEventListener('focusout', undismiss);
  tbody.addEventListener('mouseout', undismiss);
  monitoringSetOpen = setOpen;
  monitoringKids = kids;
  const short = shortPeriod;
  body.replaceChildren(el('table', { class: 'govuk-table atlas-table atlas-monitoring', id: 'monitoring' },
    el('caption', { class: 'govuk-table__caption govuk-table__caption--s' }, `${m.area.name}, ${m.period.label}${prev ? ` against ${lcFirst(prev)}` : ''}`),
    el('thead', { class: 'govuk-table__head' }, el('tr', { class: 'govuk-table__row' },
      ['Category', short(prev) || 'Previous', short(m.period.label), 'Change', 'Change %', 'Significance', 'What it covers']
        .map((h, i) => el('th', { scope: 'col', class: `govuk-table__header${[1, 2, 3, 4].includes(i) ? ' govuk-table__header--numeric' : ''}` }, h)))),
    tbody));
  $('monitoring-expand-all').textContent = 'Open all rows';
}
let monitoringSetOpen = null;
let monitoringKids = [];

function toggleAllMonitoring() {
  if (!monitoringSetOpen) return;
  const btn = $('monitoring-expand-all');
  const open = btn.textContent.startsWith('Open');
  monitoringKids.forEach((k, i) => { if (k.length) monitoringSetOpen(i, open); });
  btn.textContent = open ? 'Close all rows' : 'Open all rows';
}

// ---- pyramid tab ---------------------------------------------------------------------------------

async function loadPyramid() {
  const body = $('pyramid-body');
  const g = ++gen.pyramid;
  const code = state.area || state.district;
  body.replaceChildren(el('p', { class: 'govuk-body' }, 'Loading…'));
  let p;
  try { p = await api('pyramid', { area: code, period: state.period }); } catch (e) { if (g === gen.pyramid) inlineError(body, e); return; }
  if (g !== gen.pyramid) return;
  views.pyramid = p;
  const name = selected()?.name || district()?.name;
  document.querySelectorAll('[data-export^="pyramid"]').forEach((b) => { b.disabled = !p.available; b.setAttribute('aria-disabled', p.available ? 'false' : 'true'); });
  if (!p.available) {
    body.replaceChildren(el('div', { class: 'atlas-empty-state', id: 'pyramid-empty' },
      el('h3', { class: 'govuk-heading-s' }, `No victim or offender ages for ${name}`),
      el('div', { class: 'govuk-inset-text' }, p.reason || 'The loaded data has no victim or offender demographics.'),
      el('p', { class: 'govuk-body' }, 'A population pyramid of victims and offenders by age band and sex appears here when local police extracts with demographics are loaded into the database.')));
    return;
  }
  const vBox = el('div', { class: 'atlas-chart-box atlas-chart-box--pyramid' }, el('canvas', { id: 'pyramid-victims', role: 'img', 'aria-label': `Population pyramid of victims in ${name} by age band and sex` }));
  const oBox = el('div', { class: 'atlas-chart-box atlas-chart-box--pyramid' }, el('canvas', { id: 'pyramid-offenders', role: 'img', 'aria-label': `Population pyramid of offenders in ${name} by age band and sex` }));
  const rows = p.bands.map((b, i) => [b, F.int(p.victims?.male?.[i]), F.int(p.victims?.female?.[i]), F.int(p.offenders?.male?.[i]), F.int(p.offenders?.female?.[i])]);
  // Synthetic data is said above the charts, where nobody can miss it (csa synth extract).
  const synthetic = p.synthetic ? el('div', { class: 'govuk-warning-text', id: 'pyramid-synthetic' },
    el('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
    el('strong', { class: 'govuk-warning-text__text' }, el('span', { class: 'govuk-visually-hidden' }, 'Warning'),
      'Synthetic data: these victims and offenders were made by csa synth extract for demonstration; they are not real people.')) : '';
  const basis = el('p', { class: 'govuk-body-s', id: 'pyramid-basis' },
    `${p.basis || ''} Counts under ${p.threshold ?? 5} are hidden. Source: ${(p.sources || []).join('; ')}.`);
  body.replaceChildren(synthetic, el('div', { class: 'atlas-pyramid-pair' }, vBox, oBox), basis,
    el('details', { class: 'govuk-details' }, el('summary', { class: 'govuk-details__summary' }, el('span', { class: 'govuk-details__summary-text' }, 'The figures as a table')),
      el('div', { class: 'govuk-details__text' }, simpleTable(['Age band', 'Victims, male', 'Victims, female', 'Offenders, male', 'Offenders, female'], rows, `Victims and offenders in ${name}`))));
  pyramidChart($('pyramid-victims'), p.bands, p.victims, `Victims in ${name}`);
  pyramidChart($('pyramid-offenders'), p.bands, p.offenders, `Offenders in ${name}`);
}

// ---- export --------------------------------------------------------------------------------------

const AREA_HEADER = ['area_code', 'area_name', 'level', 'district_code', 'district_name', 'theme', 'period', 'previous_period',
  'population', 'count', 'previous', 'suppressed', 'change', 'change_pct', 'p_value', 'significant', 'small_base',
  'rate', 'rate_low', 'rate_high', 'funnel', 'rank'];

function areaRows(list) {
  const d = mapData.district, th = mapData.theme.id, pe = mapData.period.id, pp = mapData.period.previous ?? '';
  const row = (a, level) => [a.code, a.name, level, d.code, d.name, th, pe, pp, numOrBlank(a.population), numOrBlank(a.count),
    numOrBlank(a.previous), a.suppressed === undefined ? '' : String(a.suppressed), numOrBlank(a.change), numOrBlank(a.change_pct),
    numOrBlank(a.p_value), a.significant == null ? '' : String(a.significant), a.small_base == null ? '' : String(a.small_base),
    numOrBlank(a.rate), numOrBlank(a.rate_low), numOrBlank(a.rate_high), a.funnel ?? '', numOrBlank(a.rank)];
  return [...list.map((a) => row(a, state.level)), row({ ...mapData.total, suppressed: false }, 'district')];
}

async function doExport(kind, button) {
  try {
    button.disabled = true;
    await exporters[kind]();
    announce(`Downloaded ${button.textContent.replace(/^Download /, '')}.`);
  } catch (e) { showError(e); } finally { button.disabled = false; }
}

const subtitle = () => `${mapData.period.label}. ${district()?.name}.`;

const exporters = {
  'map-csv': () => downloadCsv(fileName('map', 'csv'), AREA_HEADER, areaRows(mapData.areas.slice().sort((a, b) => a.name.localeCompare(b.name)))),
  'ranking-csv': () => downloadCsv(fileName('ranking', 'csv'), ['position', ...AREA_HEADER], areaRows(rankedAreas()).map((r, i, all) => [i === all.length - 1 ? '' : i + 1, ...r])),
  'map-png': async () => {
    await atlasMap.idle();
    await composePng(fileName('map', 'png'), atlasMap.canvas(), {
      title: `${mapData.theme.label}: ${measureLabel().toLowerCase()}`, subtitle: `${mapData.period.label}. ${mapData.district.name}, by ${state.level === 'lsoa' ? 'LSOA' : 'ward'}.`,
      legend: currentLegend(), legendTitle: measureLabel(), notes: sourceNotes(),
    });
  },
  'ranking-png': () => composePng(fileName('ranking', 'png'), $('ranking-chart'), { title: `${mapData.theme.label}: ranking of ${state.level === 'lsoa' ? 'LSOAs' : 'wards'}`, subtitle: subtitle(), notes: sourceNotes() }),
  'series-csv': async () => {
    const s = views.series || await api('series', { area: state.area || state.district, theme: state.theme });
    downloadCsv(fileName('monthly', 'csv', s.area.code !== s.district.code ? s.area.name : ''),
      ['month', 'theme', 'area_code', 'area_name', 'area_count', 'area_suppressed', 'district_code', 'district_name', 'district_count'],
      s.months.map((m, i) => [m, state.theme, s.area.code, s.area.name, numOrBlank(s.area_counts[i]), String(!!s.area_suppressed?.[i]), s.district.code, s.district.name, numOrBlank(s.district_counts[i])]));
  },
  'annual-csv': async () => {
    const s = views.series || await api('series', { area: state.area || state.district, theme: state.theme });
    downloadCsv(fileName('annual', 'csv', s.area.code !== s.district.code ? s.area.name : ''),
      ['period', 'label', 'theme', 'area_code', 'area_name', 'area_count', 'district_code', 'district_name', 'district_count'],
      s.annual.map((a) => [a.period, a.label ?? '', state.theme, s.area.code, s.area.name, numOrBlank(a.area), s.district.code, s.district.name, numOrBlank(a.district)]));
  },
  'series-png': () => chartPng('series-chart', 'monthly'),
  'annual-png': () => chartPng('annual-chart', 'annual'),
  'profile-csv': () => {
    const p = needView('profile', 'Select an area to export its profile.');
    downloadCsv(fileName('profile', 'csv', p.area.name),
      ['area_code', 'area_name', 'district_code', 'period', 'theme_id', 'theme_label', 'kind', 'count', 'previous', 'suppressed', 'change', 'change_pct', 'p_value', 'significant', 'rate', 'district_rate', 'rank', 'of', 'funnel', 'trend_direction', 'trend_rate_ratio', 'trend_low', 'trend_high', 'trend_basis'],
      p.themes.map((t) => [p.area.code, p.area.name, p.area.district?.code ?? '', p.period.id, t.id, t.label, t.kind, numOrBlank(t.count), numOrBlank(t.previous), String(t.suppressed ?? ''),
        numOrBlank(t.change), numOrBlank(t.change_pct), numOrBlank(t.p_value), t.significant == null ? '' : String(t.significant), numOrBlank(t.rate), numOrBlank(t.district_rate),
        numOrBlank(t.rank), numOrBlank(t.of), t.funnel ?? '', t.trend?.direction ?? '', numOrBlank(t.trend?.rate_ratio), numOrBlank(t.trend?.low), numOrBlank(t.trend?.high), t.trend?.basis ?? '']));
  },
  'profile-png': () => {
    const p = needView('profile', 'Select an area to export its profile.');
    return tablePng(fileName('profile', 'png', p.area.name), {
      title: `Area profile: ${p.area.name}`, subtitle: `${p.period.label}. ${p.area.district?.name || ''}. Population ${F.int(p.area.population)}.`,
      header: ['Theme', 'Offences', 'Previous', 'Change', 'Significance', 'Rate per 1,000', 'District rate', 'Rank', 'Funnel', 'Trend'],
      rows: p.themes.map((t) => [t.label, F.count(t.count, t.suppressed), F.count(t.previous, null), F.change(t.change, t.change_pct), F.significanceShort(t.significant, t.change), F.one(t.rate), F.one(t.district_rate), t.rank == null ? '–' : `${t.rank} of ${t.of}`, F.funnelShort(t.funnel), t.trend?.direction || '–']),
      numeric: [1, 2, 3, 5, 6, 7], notes: sourceNotes(),
    });
  },
  'monitoring-csv': () => {
    const m = needView('monitoring', 'Open the monitoring table first.');
    downloadCsv(fileName('monitoring', 'csv', state.area ? m.area.name : ''),
      ['area_code', 'area_name', 'period', 'previous_period', 'id', 'label', 'depth', 'parent', 'current', 'previous', 'suppressed', 'change', 'change_pct', 'p_value', 'significant', 'contains', 'home_office'],
      m.rows.map((r) => [m.area.code, m.area.name, m.period.id, m.period.previous ?? '', r.id, r.label, r.depth, r.parent ?? '', numOrBlank(r.current), numOrBlank(r.previous), String(r.suppressed ?? ''),
        numOrBlank(r.change), numOrBlank(r.change_pct), numOrBlank(r.p_value), r.significant == null ? '' : String(r.significant), r.contains || [], r.home_office || []]));
  },
  'monitoring-png': () => {
    const m = needView('monitoring', 'Open the monitoring table first.');
    return tablePng(fileName('monitoring', 'png', state.area ? m.area.name : ''), {
      title: `Monitoring table: ${m.area.name}`, subtitle: `${m.period.label} against ${lcFirst(periodLabel(m.period.previous)) || 'the year before'}.`,
      header: ['Category', 'Previous', 'Current', 'Change', 'Change %', 'Significance'],
      rows: m.rows.map((r) => [r.label, F.count(r.previous, null), F.count(r.current, r.suppressed), F.signedInt(r.change), F.signedPct(r.change_pct), F.significanceShort(r.significant, r.change)]),
      indent: m.rows.map((r) => r.depth), numeric: [1, 2, 3, 4], notes: sourceNotes(),
    });
  },
  'pyramid-csv': () => {
    const p = needView('pyramid', 'Open the pyramid first.');
    if (!p.available) throw new Error(p.reason || 'No demographics are loaded.');
    const rows = [];
    for (const group of ['victims', 'offenders']) for (const sex of ['female', 'male']) p.bands.forEach((b, i) => rows.push([group, sex, b, numOrBlank(p[group]?.[sex]?.[i])]));
    downloadCsv(fileName('pyramid', 'csv', state.area ? selected()?.name : ''), ['group', 'sex', 'age_band', 'count'], rows);
  },
  'pyramid-png': async () => {
    const p = needView('pyramid', 'Open the pyramid first.');
    if (!p.available) throw new Error(p.reason || 'No demographics are loaded.');
    await chartPng('pyramid-victims', 'pyramid-victims');
    await chartPng('pyramid-offenders', 'pyramid-offenders');
  },
};

function needView(name, message) {
  if (!views[name]) throw new Error(message);
  return views[name];
}

function chartPng(id, view) {
  const c = chartOf(id);
  if (!c) throw new Error('Open the chart first.');
  const area = state.area ? selected()?.name : '';
  return composePng(fileName(view, 'png', area), c.canvas, { title: c.options.plugins.title.text, subtitle: subtitle(), notes: sourceNotes() });
}

// ---- start ---------------------------------------------------------------------------------------

async function start() {
  try {
    meta = await api('meta');
  } catch (e) { showError(e); return; }
  F.setThreshold(meta.suppression?.threshold);
  meta.levels = (meta.levels || ['ward']).filter((l) => l === 'ward' || l === 'lsoa');
  if (!meta.levels.length) meta.levels = ['ward'];
  document.title = meta.title || document.title;
  $('app-title').textContent = meta.title || 'Community safety atlas';
  $('footer-attribution').textContent = meta.attribution;
  $('footer-population').textContent = meta.population ? `Rates per 1,000 residents use: ${meta.population}.` : '';
  $('footer-suppression').textContent = meta.suppression?.rule || '';
  readUrl();
  if (state.tiles) {
    $('footer-tiles').hidden = false;
    let host = state.tiles;
    try { host = new URL(state.tiles.replace(/[{}]/g, '')).host; } catch { /* keep */ }
    $('footer-tiles').textContent = `Background map tiles from ${host}; see that service for its attribution.`;
  }
  $('controls').addEventListener('submit', (e) => e.preventDefault());
  fillControls();
  syncControls();
  bindControls();
  bindTabs();
  let tileErrorShown = false;
  const onTileError = (message) => {
    if (tileErrorShown) return;
    tileErrorShown = true;
    $('footer-tiles').textContent += ` The background tiles could not be loaded (${message}); the map works without them.`;
  };
  atlasMap = new AtlasMap($('map'), { tiles: state.tiles, onHover, onTileError, onClick: (code) => selectArea(code, { from: 'map' }) });
  window.__atlas = { state, map: atlasMap.map, get mapData() { return mapData; } };
  showTab(state.tab);
  await reloadAll(true);
}

start();
