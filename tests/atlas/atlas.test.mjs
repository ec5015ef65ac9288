// End-to-end test of the atlas: starts `csa serve` on a free port, drives Debian's Chromium with
// Playwright through the main journeys, and checks what the page shows against what the API sent.
//
//   CSA=build/csa CSA_DB=cambs.db node tests/atlas/atlas.test.mjs
//
// Environment: CSA (the csa binary), CSA_DB (a database with Cambridgeshire loaded), CSA_WEB (the
// built app; default web/dist), CSA_WORK (work dir for downloads and screenshots), ATLAS_URL (use a
// server that is already running instead of starting one, e.g. tests/atlas/mock-server.mjs),
// CHROMIUM (default /usr/bin/chromium).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Harness } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { chromium } = await import(pathToFileURL(join(root, 'web/node_modules/playwright-core/index.mjs')).href);
const work = process.env.CSA_WORK || join(root, 'build/atlas-work');
const shots = join(work, 'screenshots');
const downloads = join(work, 'downloads');
rmSync(shots, { recursive: true, force: true });
rmSync(downloads, { recursive: true, force: true });
mkdirSync(shots, { recursive: true });
mkdirSync(downloads, { recursive: true });

const harness = new Harness();
const log = (s) => harness.log(s);
const step = (name, fn) => harness.step(name, fn);
let browser = null;

async function startServer() {
  if (process.env.ATLAS_URL) return process.env.ATLAS_URL.replace(/\/?$/, '/');
  const csa = process.env.CSA, db = process.env.CSA_DB;
  assert.ok(csa && db, 'set CSA (the csa binary) and CSA_DB (a database), or ATLAS_URL');
  const args = ['--db', db, '--web', process.env.CSA_WEB || join(root, 'web/dist')];
  if (process.env.CSA_OFFENCE_GROUPS) args.push('--offence-groups', process.env.CSA_OFFENCE_GROUPS);
  return harness.startServe(csa, args);
}

const getJson = async (base, path) => { const r = await fetch(base + path); assert.equal(r.status, 200, `${path}: ${r.status}`); return r.json(); };
const waitMap = (page) => page.waitForSelector('#map[data-state="ready"]', { timeout: 30000, state: 'attached' });
const text = (page, sel) => page.locator(sel).innerText();
// The page's own address (page.url() can lag behind history.replaceState).
const param = (page, name) => page.evaluate((n) => new URLSearchParams(location.search).get(n), name);
const href = (page) => page.evaluate(() => location.href);
// Screenshots without a focus ring left on a panel by the journey.
async function shot(page, path, opts = {}) {
  await page.evaluate(() => { if (document.activeElement?.getAttribute('role') === 'tabpanel') document.activeElement.blur(); });
  await page.screenshot({ path, ...opts });
}

try {
  const base = await startServer();
  const meta = await getJson(base, 'api/meta');
  const d = meta.default;
  const district = meta.districts.find((x) => x.code === d.district);
  log(`meta: ${meta.districts.length} districts, ${meta.themes.length} themes, ${meta.periods.length} periods; default ${district.name}`);

  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
  const context = await browser.newContext({ viewport: { width: 1360, height: 1100 }, acceptDownloads: true });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => { if (!r.url().startsWith('blob:')) consoleErrors.push(`request failed: ${r.url()} ${r.failure()?.errorText}`); });
  const external = [];
  page.on('request', (r) => { if (!r.url().startsWith(base) && !/^(blob|data):/.test(r.url())) external.push(r.url()); });

  let firstPaint = null;
  let firstMap = null;

  await step('page loads with the map drawn, a legend and the ranking', async () => {
    await page.goto(base);
    await waitMap(page);
    firstPaint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
    const legend = await page.locator('#legend li').count();
    assert.ok(legend >= 4, `legend has ${legend} entries`);
    assert.match(await text(page, '#legend h3'), /Offences|Change|Significance/);
    firstMap = await getJson(base, `api/map?district=${d.district}&level=${d.level}&theme=${d.theme}&period=${d.period}`);
    assert.equal(await page.locator('#ranking tbody tr').count(), firstMap.areas.length, 'one ranking row per area');
    // The map canvas has the choropleth on it: many distinct colours, not a blank background.
    const colours = await page.evaluate(() => {
      const src = document.querySelector('#map canvas');
      const c = document.createElement('canvas'); c.width = 200; c.height = 150;
      const x = c.getContext('2d'); x.drawImage(src, 0, 0, 200, 150);
      const px = x.getImageData(0, 0, 200, 150).data; const set = new Set();
      for (let i = 0; i < px.length; i += 4) set.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
      return set.size;
    });
    assert.ok(colours >= 6, `map canvas has only ${colours} colours`);
    assert.equal(await page.locator('#footer-attribution').innerText(), meta.attribution);
    if (meta.population) assert.match(await text(page, '#footer-population'), new RegExp(meta.population.replace(/[()]/g, '.')));
    await shot(page, join(shots, 'map.png'));
  });

  await step('the ranking shows what the API sent, suppressed counts as <threshold, never a number', async () => {
    const rows = await page.locator('#ranking tbody tr').evaluateAll((trs) => trs.map((tr) => ({ code: tr.dataset.code, cells: [...tr.children].map((c) => c.innerText.trim()) })));
    const byCode = new Map(firstMap.areas.map((a) => [a.code, a]));
    for (const r of rows) {
      const a = byCode.get(r.code);
      assert.ok(a, `row ${r.code} is not in the API answer`);
      assert.equal(r.cells[1], a.name);
      if (a.count == null) assert.ok(/^<\d+$|^hidden$|^–$/.test(r.cells[2]), `${a.name}: suppressed count shown as '${r.cells[2]}'`);
      else assert.equal(r.cells[2].replace(/,/g, ''), String(a.count), `${a.name} count`);
      assert.ok(!/NaN|undefined|null/.test(r.cells.join(' ')), `${a.name}: ${r.cells.join(' | ')}`);
    }
    // Sorted by the default measure (rate), highest first.
    const key = d.measure === 'significance' ? 'change_pct' : d.measure;
    const expected = firstMap.areas.filter((a) => typeof a[key] === 'number').sort((a, b) => b[key] - a[key] || a.name.localeCompare(b.name))[0];
    assert.equal(rows[0].code, expected.code, 'first ranking row is the highest by the measure');
  });

  let changed = null;
  await step('choosing a theme and a period changes the map data', async () => {
    const other = meta.themes.find((t) => t.id === 'shoplifting') || meta.themes.find((t) => t.id !== d.theme);
    const period = meta.periods.find((p) => p.id !== d.period) || meta.periods[0];
    const before = await page.locator('#ranking tbody tr').evaluateAll((trs) => trs.map((tr) => tr.innerText).join('\n'));
    await page.selectOption('#ctl-theme', other.id);
    await waitMap(page);
    await page.selectOption('#ctl-period', period.id);
    await waitMap(page);
    await page.waitForFunction((label) => document.querySelector('#map-heading')?.textContent.startsWith(label), other.label);
    const after = await page.locator('#ranking tbody tr').evaluateAll((trs) => trs.map((tr) => tr.innerText).join('\n'));
    assert.notEqual(after, before, 'the ranking did not change');
    assert.equal(await param(page, 'theme'), other.id);
    assert.equal(await param(page, 'period'), period.id);
    assert.match(await text(page, '#ranking caption'), new RegExp(period.label));
    // Back to the default period, which has a year before it, for the rest of the journeys.
    await page.selectOption('#ctl-period', d.period);
    await waitMap(page);
    changed = await getJson(base, `api/map?district=${d.district}&level=${d.level}&theme=${other.id}&period=${d.period}`);
    await page.selectOption('#ctl-measure', 'count');
    await waitMap(page);
    const first = await page.locator('#ranking tbody tr').first().getAttribute('data-code');
    const top = changed.areas.filter((a) => a.count != null).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))[0];
    assert.equal(first, top.code, 'by count, the first row is the area with the highest count');
  });

  let chosen = null;
  await step('clicking a ward on the map shows its figures', async () => {
    const box = await page.locator('#map canvas').boundingBox();
    let hit = null;
    for (const [fx, fy] of [[0.5, 0.5], [0.45, 0.55], [0.55, 0.45], [0.4, 0.4], [0.6, 0.6]]) {
      await page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
      const code = (await param(page, 'area'));
      if (code) { hit = code; break; }
    }
    assert.ok(hit, 'no click on the map selected an area');
    const a = changed.areas.find((x) => x.code === hit);
    assert.ok(a, `selected ${hit} is not a listed area`);
    await page.waitForFunction((n) => document.querySelector('#area-heading')?.textContent.startsWith(n), a.name, { timeout: 5000 })
      .catch(async (e) => { throw new Error(`${e.message}: selected ${a.name}, panel heading '${await text(page, '#area-heading')}'`); });
    const panel = await text(page, '#area-panel');
    if (a.count != null) assert.ok(panel.includes(a.count.toLocaleString('en-GB')), 'the panel shows the count');
    else assert.match(panel, /<\d+|hidden/);
    await page.locator('#ranking tbody tr.is-selected').waitFor();
  });

  await step('choosing a ward from the ranking with the keyboard shows its figures and announces them', async () => {
    const withCount = changed.areas.find((a) => a.count != null && a.significant != null && a.rate != null) || changed.areas.find((a) => a.count != null);
    chosen = withCount;
    const btn = page.locator(`#ranking tbody tr[data-code="${withCount.code}"] button`);
    await btn.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelector('#area-heading')?.textContent.startsWith(n), withCount.name);
    const panel = await text(page, '#area-panel');
    assert.ok(panel.includes(withCount.count.toLocaleString('en-GB')), 'count shown');
    if (withCount.significant != null) assert.match(panel, withCount.significant ? /significant at the 5% level/ : /not significant/);
    if (withCount.rate_low != null) assert.match(panel, /95% CI/);
    assert.match(panel, /Funnel position/);
    await page.waitForFunction((n) => document.querySelector('#announce')?.textContent.includes(`Selected ${n}`), withCount.name);
    assert.equal(await btn.getAttribute('aria-pressed'), 'true');
    assert.equal((await param(page, 'area')), withCount.code);
    await page.locator('#map-tooltip').evaluate((e) => { e.hidden = true; });
    await page.locator('#panel-map').evaluate((e) => e.scrollIntoView());
    await shot(page, join(shots, 'map-selected.png'));
  });

  await step('hovering a ward shows its figures in a tooltip', async () => {
    const box = await page.locator('#map canvas').boundingBox();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await page.mouse.move(box.x + box.width * 0.5 + 2, box.y + box.height * 0.5 + 2);
    await page.locator('#map-tooltip:not([hidden])').waitFor({ timeout: 5000 });
    assert.match(await text(page, '#map-tooltip'), /Offences: (\d|<|hidden)/);
    await page.mouse.move(0, 0);
  });

  await step('the charts show the ward against the district', async () => {
    await page.click('#tab-charts');
    await page.waitForFunction(() => document.querySelector('#series-table table'));
    const s = await getJson(base, `api/series?area=${chosen.code}&theme=${changed.theme.id}`);
    const rows = await page.locator('#series-table tbody tr').count();
    assert.equal(rows, s.months.length);
    assert.match(await text(page, '#charts-heading'), new RegExp(`${chosen.name} against`));
    await shot(page, join(shots, 'charts.png'), { fullPage: true });
  });

  await step('the area profile lists every theme with its rank', async () => {
    await page.click('#tab-map');
    await page.click('#open-profile');
    await page.locator('#profile tbody tr').first().waitFor();
    const p = await getJson(base, `api/profile?area=${chosen.code}&period=${changed.period.id}`);
    assert.equal(await page.locator('#profile tbody tr').count(), p.themes.length);
    const ranked = p.themes.find((t) => t.rank != null);
    const row = page.locator(`#profile tbody tr[data-theme="${ranked.id}"]`);
    assert.match(await row.innerText(), new RegExp(`${ranked.rank} of ${ranked.of}`));
    for (const t of p.themes.filter((x) => x.count == null && x.suppressed)) {
      const cells = await page.locator(`#profile tbody tr[data-theme="${t.id}"] td`).allInnerTexts();
      assert.ok(/^<\d+$|^hidden$/.test(cells[0]), `${t.label}: suppressed shown as ${cells[0]}`);
    }
    assert.equal((await param(page, 'tab')), 'profile');
    await shot(page, join(shots, 'profile.png'), { fullPage: true });
  });

  await step('the monitoring table opens a group into its rows and shows what each contains', async () => {
    await page.click('#tab-monitoring');
    await page.locator('#monitoring tbody tr').first().waitFor();
    const visible0 = await page.locator('#monitoring tbody tr:not([hidden])').count();
    const toggle = page.locator('#monitoring tbody tr[data-depth="0"] .atlas-toggle').first();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await toggle.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    assert.equal(await toggle.evaluate((e) => e === document.activeElement), true);
    // Keyboard focus shows the contents (the same text as the hover title).
    const tip = page.locator('#monitoring tbody tr[data-depth="0"]').first().locator('.atlas-tip');
    assert.ok(await tip.isVisible(), 'the contents are shown on focus');
    assert.match(await tip.innerText(), /Contains:/);
    assert.match(await toggle.getAttribute('title'), /Contains:/);
    const mon = await getJson(base, `api/monitoring?area=${chosen.code}&period=${changed.period.id}`);
    if (mon.rows[0].home_office?.length) assert.match(await tip.innerText(), /Home Office classifications:/);
    await page.keyboard.press('Enter');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    const visible1 = await page.locator('#monitoring tbody tr:not([hidden])').count();
    assert.ok(visible1 > visible0, `rows visible ${visible0} -> ${visible1}`);
    const child = page.locator('#monitoring tbody tr[data-depth="1"]:not([hidden])').first();
    await child.waitFor();
    const sub = child.locator('.atlas-toggle');
    if (await sub.count()) {
      await sub.click();
      assert.ok(await page.locator('#monitoring tbody tr[data-depth="2"]:not([hidden])').count() > 0, 'crime types shown under a theme');
    }
    const details = page.locator('#monitoring tbody tr:not([hidden]) details').first();
    await details.locator('summary').click();
    assert.match(await details.innerText(), /Police.uk crime types/);
    await shot(page, join(shots, 'monitoring.png'), { fullPage: true });
  });

  await step('exporting the map data gives a CSV with a header and one row per area plus the district', async () => {
    await page.click('#tab-map');
    await waitMap(page);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="map-csv"]')]);
    const name = dl.suggestedFilename();
    assert.match(name, /^csa-map-[a-z0-9-]+-[a-z_]+-ye\d{4}-\d{2}-(ward|lsoa)-count\.csv$/);
    const path = join(downloads, name);
    await dl.saveAs(path);
    const lines = readFileSync(path, 'utf8').replace(/^\ufeff/, '').trim().split(/\r\n/);
    assert.equal(lines[0], 'area_code,area_name,level,district_code,district_name,theme,period,previous_period,population,count,previous,suppressed,change,change_pct,p_value,significant,small_base,rate,rate_low,rate_high,funnel,rank');
    assert.equal(lines.length - 1, changed.areas.length + 1);
    const suppressed = changed.areas.filter((a) => a.count == null && a.suppressed);
    for (const a of suppressed) {
      const line = lines.find((l) => l.startsWith(`${a.code},`));
      assert.ok(line.split(',')[9] === '', `${a.name}: suppressed count written as ${line.split(',')[9]}`);
    }
    log(`CSV ${name}: ${lines.length - 1} rows, ${suppressed.length} suppressed`);
  });

  await step('exporting the map and the monitoring table gives PNG images and CSVs named for what they are', async () => {
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="map-png"]')]);
    assert.match(png.suggestedFilename(), /^csa-map-.*\.png$/);
    const p = join(downloads, png.suggestedFilename());
    await png.saveAs(p);
    const buf = readFileSync(p);
    assert.equal(buf.subarray(0, 8).toString('hex'), '89504e470d0a1a0a');
    assert.ok(buf.length > 20000, `map PNG is only ${buf.length} bytes`);
    await page.click('#tab-monitoring');
    await page.locator('#monitoring tbody tr').first().waitFor();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="monitoring-csv"]')]);
    assert.match(csv.suggestedFilename(), /^csa-monitoring-.*\.csv$/);
    const mp = join(downloads, csv.suggestedFilename());
    await csv.saveAs(mp);
    const m = await getJson(base, `api/monitoring?area=${chosen.code}&period=${changed.period.id}`);
    assert.equal(readFileSync(mp, 'utf8').trim().split(/\r\n/).length - 1, m.rows.length);
    const [mpng] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="monitoring-png"]')]);
    assert.match(mpng.suggestedFilename(), /^csa-monitoring-.*\.png$/);
  });

  await step('reloading the URL restores the same view', async () => {
    const url = await href(page);
    const heading = await text(page, '#monitoring-heading');
    await page.reload();
    await waitMap(page);
    assert.equal(await href(page), url);
    assert.equal(await page.locator('#ctl-theme').inputValue(), changed.theme.id);
    assert.equal(await page.locator('#ctl-period').inputValue(), changed.period.id);
    assert.equal(await page.locator('#ctl-measure').inputValue(), 'count');
    assert.equal(await page.locator('#tab-monitoring').getAttribute('aria-selected'), 'true');
    await page.locator('#monitoring tbody tr').first().waitFor();
    assert.equal(await text(page, '#monitoring-heading'), heading);
    assert.ok((await text(page, '#area-heading')).startsWith(chosen.name));
    // And a fresh page given the link shows the same.
    const page2 = await context.newPage();
    await page2.goto(url);
    await waitMap(page2);
    assert.ok((await page2.locator('#area-heading').innerText()).startsWith(chosen.name));
    assert.equal(await page2.locator('#ranking tbody tr.is-selected').getAttribute('data-code'), chosen.code);
    await page2.close();
  });

  await step('the pyramid view explains why there is no pyramid (or draws one)', async () => {
    await page.click('#tab-pyramid');
    const p = await getJson(base, `api/pyramid?area=${chosen.code}`);
    if (process.env.CSA_EXPECT_PYRAMID) assert.ok(p.available, `a pyramid is expected (a crime extract is loaded): ${p.reason}`);
    if (!p.available) {
      await page.locator('#pyramid-empty').waitFor();
      assert.ok((await text(page, '#pyramid-empty')).includes(p.reason), 'the reason is shown');
      assert.ok(await page.locator('[data-export="pyramid-csv"]').isDisabled());
    } else {
      await page.locator('#pyramid-victims').waitFor();
      if (p.synthetic) assert.ok((await text(page, '#pyramid-synthetic')).includes('Synthetic data'), 'synthetic data is said');
      assert.ok((await text(page, '#pyramid-basis')).includes('hidden'), 'the suppression rule is said');
    }
    await shot(page, join(shots, 'pyramid.png'));
  });

  await step('hot spots can be shown when the server has them', async () => {
    if (!meta.hotspots) { log('meta.hotspots is false: skipped'); return; }
    await page.click('#tab-map');
    await page.check('#ctl-hotspots');
    await page.waitForFunction(() => /cells|not available/.test(document.querySelector('#hotspots-status').textContent), null, { timeout: 60000 });
    assert.match(await text(page, '#hotspots-status'), /\d+ hot and \d+ cold cells/);
    const hs = await getJson(base, `api/hotspots?district=${d.district}&theme=${changed.theme.id}&period=${changed.period.id}`);
    if (hs.features.some((f) => /^hot/.test(f.properties.class))) assert.match(await text(page, '#legend'), /Hot spot/, 'the legend names the hot-spot classes');
    const drawn = await page.evaluate(() => window.__atlas.map.queryRenderedFeatures({ layers: ['hotspots-fill'] }).length);
    assert.ok(drawn > 0, 'no hot-spot cells drawn');
    assert.equal((await param(page, 'hotspots')), '1');
    await waitMap(page);
    await page.locator('#panel-map').evaluate((e) => e.scrollIntoView());
    await shot(page, join(shots, 'hotspots.png'));
    await page.uncheck('#ctl-hotspots');
  });

  await step('LSOA level: one ranking row per LSOA', async () => {
    if (!meta.levels.includes('lsoa')) { log('no LSOA boundaries loaded: skipped'); return; }
    await page.selectOption('#ctl-measure', 'change_pct');
    await page.selectOption('#ctl-level', 'lsoa');
    await waitMap(page);
    const m = await getJson(base, `api/map?district=${d.district}&level=lsoa&theme=${changed.theme.id}&period=${changed.period.id}`);
    await page.waitForFunction((n) => document.querySelectorAll('#ranking tbody tr').length === n, m.areas.length);
    assert.equal((await param(page, 'area')), null, 'the ward selection is cleared');
    await shot(page, join(shots, 'map-lsoa-change.png'));
  });

  await step('no console errors and nothing loaded from outside the server', async () => {
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(external, []);
  });

  console.log(`first-contentful-paint: ${firstPaint == null ? 'n/a' : firstPaint.toFixed(0) + ' ms'}`);
  console.log(`screenshots: ${shots}`);
} catch (e) {
  harness.failures++;
  console.log(`not ok - setup: ${e.stack || e}`);
} finally {
  if (browser) await browser.close();
  harness.stopServe();
}
harness.finish();
