// The partnership workspace in a real browser: starts `csa serve --workspace` on a free port and drives
// Debian's Chromium with Playwright: log in (a wrong password first), add an action, change its RAG
// with a reason, see it in the audit log, export the board pack, and check that a forged change
// without the CSRF token, an unauthenticated change, a change from another origin and a viewer's
// change are refused, and that a second editor of the same action is told who changed it first.
//
//   CSA=build/csa CSA_DB=cambs.db CSA_WS=ws.db node tests/atlas/workspace.test.mjs
//
// CSA_WS must hold users editor / admin / viewer with the passwords below and priority 1
// (tests/cli/workspace_browser.sh makes it). CSA_WORK: where screenshots and downloads go.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Harness } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { chromium } = await import(pathToFileURL(join(root, 'web/node_modules/playwright-core/index.mjs')).href);
const work = process.env.CSA_WORK || join(root, 'build/workspace-work');
const shots = join(work, 'screenshots');
rmSync(shots, { recursive: true, force: true });
mkdirSync(shots, { recursive: true });
const passwords = { editor: 'editor password 1', admin: 'admin password 1', viewer: 'viewer password 1' };

const harness = new Harness();
const log = (s) => harness.log(s);
const step = (name, fn) => harness.step(name, fn);
let browser = null;

function startServer() {
  const { CSA: csa, CSA_DB: db, CSA_WS: ws } = process.env;
  assert.ok(csa && db && ws, 'set CSA, CSA_DB and CSA_WS');
  return harness.startServe(csa, ['--db', db, '--workspace', ws, '--web', process.env.CSA_WEB || join(root, 'web/dist')]);
}

// The page's line saying what was just done: waited for by its words, since an earlier change's line
// may still be showing while this one is sent (render() clears it only when the answer comes).
const noticeSays = (page, re) => page.waitForFunction((src) => {
  const n = document.getElementById('ws-notice');
  return !n.hidden && new RegExp(src).test(document.getElementById('ws-notice-text').textContent);
}, re.source, { timeout: 15000 });
const ready = (page) => page.waitForSelector('#ws-view[data-state="ready"]', { state: 'attached', timeout: 15000 });
async function logIn(page, base, user) {
  await page.goto(base + 'workspace.html');
  await page.waitForSelector('#ws-login:not([hidden])');
  await page.fill('#ws-login-name', user);
  await page.fill('#ws-login-password', passwords[user]);
  await page.click('#ws-login button[type=submit]');
  await page.waitForSelector('#ws-app:not([hidden])');
  await ready(page);
}
// The row of action `code` in priority 1 and the tools row after it.
const actionRow = (page, code) => page.locator(`section[data-priority="1"] tr[data-action="${code}"]`);
const toolsOf = (page, code) => actionRow(page, code).locator('xpath=following-sibling::tr[1]');

try {
  const base = await startServer();
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
  const editorCtx = await browser.newContext({ viewport: { width: 1360, height: 1000 }, acceptDownloads: true });
  const page = await editorCtx.newPage();
  const consoleErrors = [];
  // The refusals this test provokes on purpose are logged by the browser as failed loads; anything
  // else (a missing file, a script error) is a failure.
  page.on('console', (m) => { if (m.type() === 'error' && !/status of (400|401|403|409|415) /.test(m.text())) consoleErrors.push(m.text()); });

  await step('a wrong password is refused with a message; the right one logs in', async () => {
    await page.goto(base + 'workspace.html');
    await page.waitForSelector('#ws-login:not([hidden])');
    await page.fill('#ws-login-name', 'editor');
    await page.fill('#ws-login-password', 'not the password');
    await page.click('#ws-login button[type=submit]');
    await page.waitForSelector('#ws-error:not([hidden])');
    assert.match(await page.locator('#ws-error-text').innerText(), /password/i);
    await logIn(page, base, 'editor');
    assert.match(await page.locator('#ws-user').innerText(), /editor \(editor\)/);
    // The session cookie is there, and scripts cannot read it (HttpOnly).
    const cookies = await editorCtx.cookies();  // (with a URL, only cookies for that path would be listed)
    const c = cookies.find((x) => x.name === 'csa_session');
    assert.ok(c, 'the session cookie was set');
    assert.equal(c.httpOnly, true);
    assert.equal(c.secure, true);
    assert.equal(c.sameSite, 'Strict');
    assert.equal(await page.evaluate(() => document.cookie.includes('csa_session')), false);
  });

  await step('add an action through the form', async () => {
    await page.locator('section[data-priority="1"] button', { hasText: 'Add an action' }).click();
    const f = page.locator('section[data-priority="1"] form');
    await f.getByLabel('Action id').fill('1.1 a');
    await f.getByLabel('What we will do').fill('Deliver localised communications on hate crime reporting');
    await f.getByLabel('Who will lead (agency)').fill('Police');
    await f.getByLabel('Lead officer').fill('PR');
    await f.getByLabel('Due date').fill('2025-06-30');
    await f.locator('button[type=submit]').click();
    await noticeSays(page, /Action 1\.1 a added to priority 1/);
    await actionRow(page, '1.1 a').waitFor();
    const cells = await actionRow(page, '1.1 a').locator('td').allInnerTexts();
    assert.equal(cells[0], '1.1 a');
    assert.match(cells[1], /Deliver localised communications/);
    assert.match(cells[2], /Police/);
    assert.equal(cells[3], '2025-06-30');
    assert.equal(cells[4], 'Not assessed');
  });

  await step('a bad value is refused on the form with the rule\'s message', async () => {
    await page.locator('section[data-priority="1"] button', { hasText: 'Add an action' }).click();
    const f = page.locator('section[data-priority="1"] form');
    await f.getByLabel('Action id').fill('1.1 a');  // already used
    await f.getByLabel('What we will do').fill('Again');
    await f.getByLabel('Who will lead (agency)').fill('Police');
    await f.locator('button[type=submit]').click();
    await f.locator('.govuk-error-message:not([hidden])').waitFor();
    assert.match(await f.locator('.govuk-error-message').innerText(), /already has an action 1\.1 a/);
    await f.getByRole('button', { name: 'Cancel' }).click();
  });

  await step('change the RAG with a reason: the cell shows it in the key\'s colour', async () => {
    await toolsOf(page, '1.1 a').getByRole('button', { name: 'Change RAG' }).click();
    const f = toolsOf(page, '1.1 a').locator('form');
    await f.getByLabel(/RAG for action/).selectOption('amber');
    await f.getByLabel('Reason').fill('Idea led by other agencies; waiting for their plan');
    await f.getByLabel('Quarter').fill('2024/25 Q3');
    await f.locator('button[type=submit]').click();
    await noticeSays(page, /Action 1\.1 a is now AMBER/);
    const rag = actionRow(page, '1.1 a').locator('td.ws-rag');
    assert.equal(await rag.innerText(), 'AMBER');
    const bg = await rag.evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(bg, 'rgb(255, 232, 163)');  // #ffe8a3, the key's amber
    assert.match(await actionRow(page, '1.1 a').locator('td').nth(5).innerText(), /waiting for their plan/);
    await page.screenshot({ path: join(shots, 'workspace-plan.png'), fullPage: true });
  });

  await step('the RAG change is in the audit log with who, before and after', async () => {
    await page.click('a[href="#audit"]');
    await ready(page);
    const first = page.locator('table.ws-audit tbody tr').first();
    const cells = await first.locator('td').allInnerTexts();
    assert.equal(cells[1], 'editor');
    assert.match(cells[2], /^action_quarter|^action /);
    const all = await page.locator('table.ws-audit tbody').innerText();
    assert.match(all, /rag: none → amber/);
    assert.match(all, /rag_reason: \(empty\) → Idea led by other agencies/);
    await page.screenshot({ path: join(shots, 'workspace-audit.png') });
  });

  await step('export the board pack: the download holds the action and its RAG', async () => {
    await page.click('a[href="#pack"]');
    await ready(page);
    for (const format of ['html', 'docx']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`a[data-format="${format}"]`)]);
      const path = join(work, `board-pack.${format}`);
      await download.saveAs(path);
      const bytes = readFileSync(path);
      if (format === 'html') {
        const html = bytes.toString('utf8');
        assert.match(html, /Deliver localised communications/);
        assert.match(html, /AMBER/);
        assert.match(html, /waiting for their plan/);
      } else {
        assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'a DOCX is a zip');
        assert.ok(bytes.length > 2000);
      }
    }
  });

  await step('forged and unauthenticated changes are refused, and nothing is written', async () => {
    const before = await (await page.request.get(base + 'api/workspace/plan')).json();
    const count = before.priorities[0].actions.length;
    const action = { priority: '1', code: '9.9', description: 'Forged', lead_agency: 'Nobody' };
    // From the logged-in page, but without the CSRF token (what a forged request could send).
    const noToken = await page.evaluate(async (body) => {
      const r = await fetch('api/workspace/actions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      return { status: r.status, body: await r.json() };
    }, action);
    assert.equal(noToken.status, 403);
    assert.match(noToken.body.error, /CSRF/);
    // With a made-up token.
    const badToken = await page.evaluate(async (body) => (await fetch('api/workspace/actions', { method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': '0'.repeat(64) }, body: JSON.stringify(body) })).status, action);
    assert.equal(badToken, 403);
    // A form post, as another site's page could send.
    const formPost = await page.evaluate(async () => (await fetch('api/workspace/actions', { method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'priority=1&code=9.9' })).status);
    assert.equal(formPost, 415);
    // With the session cookie but from another origin.
    const cookie = (await editorCtx.cookies()).find((x) => x.name === 'csa_session');
    const foreign = await fetch(base + 'api/workspace/actions', { method: 'POST', body: JSON.stringify(action),
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example', Cookie: `csa_session=${cookie.value}` } });
    assert.equal(foreign.status, 403);
    // Not logged in at all: a fresh browser.
    const anon = await browser.newContext();
    const anonPage = await anon.newPage();
    await anonPage.goto(base + 'workspace.html');
    await anonPage.waitForSelector('#ws-login:not([hidden])');
    const unauth = await anonPage.evaluate(async (body) => (await fetch('api/workspace/actions', { method: 'POST',
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).status, action);
    assert.equal(unauth, 401);
    const read = await anonPage.evaluate(async () => (await fetch('api/workspace/plan')).status);
    assert.equal(read, 401);
    await anon.close();
    const after = await (await page.request.get(base + 'api/workspace/plan')).json();
    assert.equal(after.priorities[0].actions.length, count, 'nothing was written');
  });

  await step('a viewer reads the plan but has no edit controls, and the server refuses its changes', async () => {
    const ctx = await browser.newContext();
    const v = await ctx.newPage();
    await logIn(v, base, 'viewer');
    await actionRow(v, '1.1 a').waitFor();
    assert.equal(await v.locator('button', { hasText: 'Change RAG' }).count(), 0);
    assert.equal(await v.locator('button', { hasText: 'Add an action' }).count(), 0);
    const status = await v.evaluate(async () => {
      const s = await (await fetch('api/workspace/session')).json();
      return (await fetch('api/workspace/meetings', { method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': s.csrf }, body: JSON.stringify({ held_on: '2025-02-25', title: 'x' }) })).status;
    });
    assert.equal(status, 403);
    await ctx.close();
  });

  await step('two editors change the same action: the second is told who changed it first, nothing is lost', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1360, height: 1000 } });
    const other = await ctx.newPage();
    await logIn(other, base, 'admin');
    // Both have the plan open. The editor changes the lead officer first …
    await page.click('a[href="#plan"]');
    await ready(page);
    await toolsOf(page, '1.1 a').getByRole('button', { name: 'Edit' }).click();
    await toolsOf(other, '1.1 a').getByRole('button', { name: 'Edit' }).click();
    const mine = toolsOf(page, '1.1 a').locator('form');
    await mine.getByLabel('Lead officer').fill('Kate');
    await mine.locator('button[type=submit]').click();
    await noticeSays(page, /Saved \(lead_officer\)/);
    // … then the admin, from the version they loaded.
    const theirs = toolsOf(other, '1.1 a').locator('form');
    await theirs.getByLabel('Lead officer').fill('Sam');
    await theirs.locator('button[type=submit]').click();
    await other.waitForSelector('#ws-error:not([hidden])');
    const msg = await other.locator('#ws-error-text').innerText();
    assert.match(msg, /action "1\.1 a" was changed by editor/);  // by the code people know it by, not its id
    assert.equal(await other.locator('#ws-reload').isVisible(), true);
    await other.screenshot({ path: join(shots, 'workspace-conflict.png') });
    // The first change stands.
    await other.click('#ws-reload');
    await ready(other);
    assert.match(await actionRow(other, '1.1 a').locator('td').nth(2).innerText(), /Kate/);
    await ctx.close();
  });

  await step('meetings: add a meeting and an action point, carry it over', async () => {
    await page.click('a[href="#meetings"]');
    await ready(page);
    for (const [date, title] of [['2024-10-01', 'Cambridge City CSP board'], ['2025-02-25', 'Cambridge City CSP board']]) {
      await page.getByRole('button', { name: 'Add a meeting' }).click();
      const f = page.locator('#ws-view form').first();
      await f.getByLabel('Date').fill(date);
      await f.getByLabel('Meeting').fill(title);
      await f.locator('button[type=submit]').click();
      await page.waitForSelector(`section[data-meeting="${date}"]`);
    }
    const oct = page.locator('section[data-meeting="2024-10-01"]');
    await oct.getByRole('button', { name: 'Add an action point' }).click();
    await oct.locator('form').getByLabel('Action point').fill('Terms of Reference for the e-scooter group');
    await oct.locator('form').getByLabel('Owner').fill('Scott Fretwell');
    await oct.locator('form button[type=submit]').click();
    await page.waitForSelector('section[data-meeting="2024-10-01"] tr[data-point="10/01"]');
    await page.locator('section[data-meeting="2024-10-01"] tr[data-point="10/01"]').locator('xpath=following-sibling::tr[1]')
      .getByRole('button', { name: 'Carry over' }).click();
    await page.locator('section[data-meeting="2024-10-01"] form button[type=submit]').click();
    await page.waitForSelector('section[data-meeting="2025-02-25"] tr[data-point="10/01"]');
    const oldRow = await page.locator('section[data-meeting="2024-10-01"] tr[data-point="10/01"] td').allInnerTexts();
    assert.equal(oldRow[3], 'carried over');
    const newRow = await page.locator('section[data-meeting="2025-02-25"] tr[data-point="10/01"] td').allInnerTexts();
    assert.equal(newRow[3], 'open');
    assert.match(newRow[4], /Carried over from the meeting of 2024-10-01/);
    await page.screenshot({ path: join(shots, 'workspace-meetings.png'), fullPage: true });
  });

  await step('log out ends the session', async () => {
    await page.click('.ws-logout');
    await page.waitForSelector('#ws-login:not([hidden])');
    const status = await page.evaluate(async () => (await fetch('api/workspace/plan')).status);
    assert.equal(status, 401);
  });

  await step('no console errors', async () => { assert.deepEqual(consoleErrors, []); });
  console.log(`screenshots: ${shots}`);
} catch (e) {
  harness.failures++;
  console.log(`not ok - setup: ${e.stack || e}`);
} finally {
  if (browser) await browser.close();
  harness.stopServe();
}
harness.finish();
