// The partnership workspace's pages (docs/WORKSPACE_API.md): the action plan with RAG, KPIs,
// meetings with agendas and action points, budget, schedule, recommendations, the audit log and the
// board pack. Everything is read from and written to /api/workspace/ of csa serve; the server checks
// and audits every change, so this page only shows what it is told and says what was refused.
//
// Text from the workspace is only ever set as text (never as HTML), so nothing a user types can run.

// ---- talking to the server -------------------------------------------------------------------

class WsError extends Error {
  constructor(status, message, body) { super(message); this.status = status; this.body = body; }
}

let session = null;  // { user, role, csrf }

async function call(method, path, body) {
  const opts = { method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
  if (method === 'POST') {
    opts.headers['Content-Type'] = 'application/json';
    if (session) opts.headers['X-CSRF-Token'] = session.csrf;
    opts.body = JSON.stringify(body ?? {});
  }
  let res;
  try { res = await fetch(`api/workspace/${path}`, opts); }
  catch (e) { throw new WsError(0, `The server did not answer (${e.message}). Is csa serve still running?`); }
  let data = null;
  try { data = await res.json(); } catch { /* not JSON */ }
  if (!res.ok) throw new WsError(res.status, data?.error || `${res.status} ${res.statusText}`, data);
  return data;
}
const get = (path, params) => call('GET', params ? `${path}?${new URLSearchParams(params)}` : path);
const post = (path, body) => call('POST', path, body);

// ---- building the page -----------------------------------------------------------------------

// h('td', { class: 'x' }, 'text', child …): children are text or nodes; attributes starting with "on"
// are listeners.
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c != null && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}
const $ = (id) => document.getElementById(id);
const canEdit = () => session && (session.role === 'editor' || session.role === 'admin');

function showError(message, { reload = false } = {}) {
  $('ws-error-text').textContent = message;
  $('ws-reload').hidden = !reload;
  $('ws-error').hidden = false;
  $('ws-error').focus();
}
function clearMessages() { $('ws-error').hidden = true; $('ws-notice').hidden = true; }
function notice(message) { $('ws-notice-text').textContent = message; $('ws-notice').hidden = false; }

let idCounter = 0;
const fieldId = (name) => `f-${name}-${++idCounter}`;

// A GOV.UK form from field descriptions: { name, label, type (text|textarea|date|month|number|select|password),
// options: [[value, label]], value, hint, required }. `submit(values)` returns a promise; what it throws
// is shown on the form (and a conflict offers a reload).
function form(fields, submitLabel, submit, { onCancel } = {}) {
  const errorLine = h('p', { class: 'govuk-error-message', hidden: true });
  const f = h('form', { class: 'ws-form', novalidate: true });
  const inputs = {};
  for (const fd of fields) {
    const id = fieldId(fd.name);
    let input;
    const value = fd.value == null ? '' : String(fd.value);
    if (fd.type === 'select') {
      input = h('select', { class: 'govuk-select', id, name: fd.name },
        fd.options.map(([v, l]) => h('option', { value: v, selected: v === value }, l)));
    } else if (fd.type === 'textarea') {
      input = h('textarea', { class: 'govuk-textarea', id, name: fd.name, rows: 3 });
      input.value = value;
    } else {
      const type = fd.type === 'month' || fd.type === 'date' || fd.type === 'number' || fd.type === 'password' ? fd.type : 'text';
      input = h('input', { class: `govuk-input${fd.width ? ' govuk-input--width-' + fd.width : ''}`, id, name: fd.name, type,
        step: type === 'number' ? 'any' : null, autocomplete: type === 'password' ? 'new-password' : 'off' });
      input.value = value;
    }
    inputs[fd.name] = input;
    f.append(h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label', for: id }, fd.label + (fd.required ? '' : ' (optional)')),
      fd.hint ? h('div', { class: 'govuk-hint' }, fd.hint) : null,
      input));
  }
  const button = h('button', { class: 'govuk-button', type: 'submit' }, submitLabel);
  f.append(errorLine, h('div', { class: 'govuk-button-group' }, button,
    onCancel ? h('button', { class: 'govuk-button govuk-button--secondary', type: 'button', onclick: onCancel }, 'Cancel') : null));
  f.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const values = Object.fromEntries(Object.entries(inputs).map(([k, el]) => [k, el.value]));
    button.disabled = true;
    errorLine.hidden = true;
    try {
      await submit(values);
    } catch (e) {
      errorLine.textContent = e.message;
      errorLine.hidden = false;
      if (e.status === 409) showError(`${e.message}`, { reload: true });
      else if (e.status === 401) { showError(e.message); showLogin(); }
    } finally {
      button.disabled = false;
    }
  });
  return f;
}

// A button that opens a form in place (a details-like toggle).
function opener(label, makeForm, { secondary = true } = {}) {
  const slot = h('div', { class: 'ws-slot' });
  const b = h('button', { class: `govuk-button ${secondary ? 'govuk-button--secondary' : ''} ws-small`, type: 'button' }, label);
  b.addEventListener('click', () => {
    if (slot.firstChild) { slot.replaceChildren(); return; }
    slot.replaceChildren(makeForm(() => slot.replaceChildren()));
    slot.querySelector('input, select, textarea')?.focus();
  });
  return { button: b, slot };
}

function table(caption, head, rows, { cls = '' } = {}) {
  return h('table', { class: `govuk-table ws-table ${cls}` },
    caption ? h('caption', { class: 'govuk-table__caption govuk-table__caption--s' }, caption) : null,
    h('thead', { class: 'govuk-table__head' }, h('tr', { class: 'govuk-table__row' },
      head.map((c) => h('th', { scope: 'col', class: 'govuk-table__header' }, c)))),
    h('tbody', { class: 'govuk-table__body' }, rows));
}
const td = (...c) => h('td', { class: 'govuk-table__cell' }, ...c);
const tr = (...cells) => h('tr', { class: 'govuk-table__row' }, ...cells);

// ---- shared pieces ---------------------------------------------------------------------------

let ragKey = [];
const ragTitle = (rag) => ragKey.find((k) => k.rag === rag)?.title || 'Not assessed';
function ragCell(rag) {
  const k = ragKey.find((x) => x.rag === rag);
  return h('td', { class: `govuk-table__cell ws-rag ws-rag--${rag}`, style: k ? `background:${k.colour}` : null, 'data-rag': rag },
    k ? k.title : 'Not assessed');
}
const quarterHint = 'Financial quarter, e.g. 2024/25 Q3 or fy2024/25q3';

// Reloads the current view after a change, with a line saying what was done.
async function done(message) { await render(); notice(message); }

// An edit form for `record` of `entity`: sends only what changed, with the version it was loaded at.
function editForm(entity, record, fields, close) {
  return form(fields.map((f) => ({ ...f, value: f.value ?? record[f.name] ?? '' })), 'Save changes', async (values) => {
    const changes = {};
    for (const f of fields) if (String(values[f.name]) !== String(record[f.name] ?? '')) changes[f.name] = values[f.name];
    if (!Object.keys(changes).length) { close(); return; }
    await post('edit', { entity, id: record.id, version: record.version, changes });
    await done(`Saved (${Object.keys(changes).join(', ')}).`);
  }, { onCancel: close });
}

function deleteButton(entity, record, what) {
  return h('button', { class: 'govuk-button govuk-button--warning ws-small', type: 'button', onclick: async () => {
    if (!window.confirm(`Delete ${what}? This is recorded in the audit log.`)) return;
    try { await post('delete', { entity, id: record.id, version: record.version }); await done(`Deleted ${what}.`); }
    catch (e) { showError(e.message, { reload: e.status === 409 }); }
  } }, 'Delete');
}

// ---- views -----------------------------------------------------------------------------------

const priorityFields = [
  { name: 'code', label: 'Priority number', required: true, width: 4 },
  { name: 'title', label: 'Priority', required: true },
  { name: 'period_from', label: 'From (month)', type: 'month', required: true },
  { name: 'period_to', label: 'To (month)', type: 'month', required: true },
  { name: 'lead', label: 'Who leads' },
  { name: 'rationale', label: 'Why (the assessment\'s finding)', type: 'textarea' },
  { name: 'cross_cutting', label: 'Cross-cutting themes' },
];
const actionFields = [
  { name: 'code', label: 'Action id', hint: 'Numbers with dots and an optional letter, e.g. 1.1 a', required: true, width: 5 },
  { name: 'description', label: 'What we will do', type: 'textarea', required: true },
  { name: 'lead_agency', label: 'Who will lead (agency)', required: true },
  { name: 'lead_officer', label: 'Lead officer' },
  { name: 'due', label: 'Due date', type: 'date' },
];
const ragOptions = [['red', 'RED – off target, action required'], ['amber', 'AMBER – off target within reason, monitor'],
  ['green', 'GREEN – on target'], ['complete', 'COMPLETE – on target (= complete)']];

function currentQuarter() {
  const d = new Date(), y = d.getFullYear(), m = d.getMonth() + 1;
  const start = m >= 4 ? y : y - 1;
  const q = m >= 4 ? Math.floor((m - 4) / 3) + 1 : 4;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')} Q${q}`;
}

function actionRow(p, a) {
  const latest = [...a.quarters].reverse().find((q) => q.progress);
  const row = tr(td(a.code), td(a.description, a.links.length ? h('span', { class: 'govuk-hint ws-links' }, ` Also serves priority ${a.links.join(', ')}`) : null),
    td(a.lead_agency, a.lead_officer ? h('br') : null, a.lead_officer || ''), td(a.due || ''), ragCell(a.rag), td(a.rag_reason),
    td(latest ? `${latest.quarter}: ${latest.progress}` : ''));
  row.dataset.action = a.code;
  const tools = h('div', { class: 'ws-tools' });
  const slots = h('div');
  const add = (label, make) => { const o = opener(label, make); tools.append(o.button); slots.append(o.slot); };
  if (canEdit()) {
    add('Change RAG', (close) => form([
      { name: 'rag', label: `RAG for action ${a.code}`, type: 'select', options: ragOptions, value: a.rag === 'none' ? 'green' : a.rag, required: true },
      { name: 'reason', label: 'Reason', type: 'textarea', required: true },
      { name: 'quarter', label: 'Quarter', hint: quarterHint, value: currentQuarter(), required: true },
    ], 'Save RAG', async (v) => {
      await post('actions/rag', { priority: p.code, action: a.code, version: a.version, ...v });
      await done(`Action ${a.code} is now ${ragTitle(v.rag)}.`);
    }, { onCancel: close }));
    add('Progress', (close) => form([
      { name: 'quarter', label: 'Quarter', hint: quarterHint, value: currentQuarter(), required: true },
      { name: 'progress', label: 'Progress this quarter', type: 'textarea', required: true },
    ], 'Save progress', async (v) => {
      await post('actions/progress', { priority: p.code, action: a.code, ...v });
      await done(`Progress recorded for action ${a.code}.`);
    }, { onCancel: close }));
    add('Edit', (close) => editForm('action', a, actionFields, close));
  }
  add('History', () => historyOf('action', a.id, a.quarters));
  if (canEdit()) tools.append(deleteButton('action', a, `action ${a.code}`));
  const toolsRow = tr(h('td', { class: 'govuk-table__cell ws-tools-cell', colspan: 7 }, tools, slots));
  return [row, toolsRow];
}

// The RAG history by quarter and the audit log of one record.
function historyOf(entity, id, quarters = []) {
  const box = h('div', { class: 'ws-history' }, h('p', { class: 'govuk-body-s' }, 'Loading…'));
  get('audit', { entity, id, limit: 50 }).then((log) => {
    box.replaceChildren(
      quarters.length ? table('RAG and progress by quarter', ['Quarter', 'RAG', 'Reason', 'Progress'],
        quarters.map((q) => tr(td(q.quarter), ragCell(q.rag), td(q.rag_reason), td(q.progress)))) : null,
      auditTable(log, 'Changes'));
  }).catch((e) => box.replaceChildren(h('p', { class: 'govuk-error-message' }, e.message)));
  return box;
}

const hiddenKeys = new Set(['version', 'updated_by', 'updated_at', 'sort_key', 'id']);
function changedText(entry) {
  const before = entry.before || {}, after = entry.after || {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !hiddenKeys.has(k));
  const parts = [];
  for (const k of keys) {
    const b = before[k] ?? '', a = after[k] ?? '';
    if (entry.change === 'update' && String(b) === String(a)) continue;
    if (entry.change === 'create' && (a === '' || a == null)) continue;
    parts.push(entry.change === 'update' ? `${k}: ${b === '' ? '(empty)' : b} → ${a === '' ? '(empty)' : a}`
      : `${k}: ${entry.change === 'delete' ? b : a}`);
  }
  return parts.join('; ');
}
function auditTable(log, caption) {
  return table(caption, ['When (UTC)', 'Who', 'Record', 'Change', 'What changed'],
    log.map((e) => tr(td(e.at.replace('T', ' ').replace(/\.\d+Z$/, '')), td(e.actor), td(`${e.entity} ${e.entity_id}`), td(e.change), td(changedText(e)))),
    { cls: 'ws-audit' });
}

async function planView(view) {
  const [plan, ind] = await Promise.all([get('plan'), get('indicators')]);
  ragKey = plan.rag_key;
  view.append(h('h1', { class: 'govuk-heading-l' }, 'Action plan'));
  view.append(h('dl', { class: 'ws-key', 'aria-label': 'RAG key' }, ragKey.map((k) =>
    h('div', {}, h('dt', { class: `ws-rag ws-rag--${k.rag}`, style: `background:${k.colour}` }, k.title), h('dd', {}, k.meaning)))));
  if (ind.available && ind.indicators.length) {
    view.append(h('h2', { class: 'govuk-heading-m' }, 'Live indicators'),
      h('ul', { class: 'govuk-list govuk-list--bullet ws-indicators' }, ind.indicators.map((i) => h('li', {}, `${i.bound_to}: ${i.sentence}`))));
  }
  if (canEdit()) {
    const o = opener('Add a priority', (close) => form(priorityFields, 'Add priority', async (v) => {
      await post('priorities', v); await done(`Priority ${v.code} added.`);
    }, { onCancel: close }), { secondary: false });
    view.append(o.button, o.slot);
  }
  if (!plan.priorities.length) view.append(h('p', { class: 'govuk-body' }, 'There are no priorities yet.'));
  for (const p of plan.priorities) {
    const sec = h('section', { class: 'ws-priority', 'data-priority': p.code },
      h('h2', { class: 'govuk-heading-m' }, `Priority ${p.code}: ${p.title}`),
      h('p', { class: 'govuk-body-s ws-meta' }, `${p.period_from} to ${p.period_to}${p.lead ? ' · led by ' + p.lead : ''}${p.cross_cutting ? ' · cross-cutting: ' + p.cross_cutting : ''}`),
      p.rationale ? h('p', { class: 'govuk-body' }, p.rationale) : null);
    if (canEdit()) {
      const e = opener('Edit priority', (close) => editForm('priority', p, priorityFields, close));
      sec.append(h('div', { class: 'ws-tools' }, e.button, deleteButton('priority', p, `priority ${p.code}`)), e.slot);
    }
    sec.append(p.actions.length
      ? table(`Actions of priority ${p.code}`, ['ID', 'Action', 'Who will lead', 'Due', 'RAG', 'Reason', 'Latest progress'],
        p.actions.flatMap((a) => actionRow(p, a)), { cls: 'ws-actions' })
      : h('p', { class: 'govuk-body' }, 'No actions yet.'));
    if (canEdit()) {
      const o = opener('Add an action', (close) => form([...actionFields,
        { name: 'links', label: 'Also serves priorities', hint: 'Priority numbers, separated by commas' }], 'Add action', async (v) => {
        await post('actions', { priority: p.code, ...v }); await done(`Action ${v.code} added to priority ${p.code}.`);
      }, { onCancel: close }));
      sec.append(o.button, o.slot);
    }
    sec.append(kpiTable(p));
    view.append(sec);
  }
}

function kpiTable(p) {
  const box = h('div', { class: 'ws-kpis' });
  if (p.kpis.length) {
    const rows = p.kpis.flatMap((k) => {
      const last = [...k.quarters].reverse().find((q) => q.actual != null);
      const row = tr(td(k.description), td(k.direction === 'lower' ? 'Lower is better' : 'Higher is better'),
        td(k.target ?? '', k.target_by ? ` by ${k.target_by}` : ''), td(k.status_quarter || ''),
        td(last ? `${last.actual}${last.target != null ? ' (target ' + last.target + ')' : ''}` : ''),
        h('td', { class: `govuk-table__cell ws-kpi ws-kpi--${k.status.replace(' ', '-')}` }, k.status));
      if (!canEdit()) return [row];
      const o = opener('Set a quarter', (close) => form([
        { name: 'quarter', label: 'Quarter', hint: quarterHint, value: currentQuarter(), required: true },
        { name: 'target', label: 'Target this quarter', type: 'number' },
        { name: 'actual', label: 'Actual this quarter', type: 'number' },
        { name: 'note', label: 'Note' },
      ], 'Save quarter', async (v) => {
        await post('kpis/quarter', { kpi: k.id, ...v }); await done(`KPI "${k.description}" updated.`);
      }, { onCancel: close }));
      const e = opener('Edit', (close) => editForm('kpi', k, [
        { name: 'description', label: 'Measure', required: true },
        { name: 'direction', label: 'Direction', type: 'select', options: [['higher', 'Higher is better'], ['lower', 'Lower is better']] },
        { name: 'target', label: 'Overall target', type: 'number' },
        { name: 'target_by', label: 'Due (month)', type: 'month' }], close));
      return [row, tr(h('td', { class: 'govuk-table__cell ws-tools-cell', colspan: 6 },
        h('div', { class: 'ws-tools' }, o.button, e.button, deleteButton('kpi', k, `KPI "${k.description}"`)), o.slot, e.slot))];
    });
    box.append(table(`How we check priority ${p.code} is on track (KPIs)`, ['Measure', 'Direction', 'Target', 'Latest quarter', 'Actual', 'Status'], rows));
  }
  if (canEdit()) {
    const o = opener('Add a KPI', (close) => form([
      { name: 'description', label: 'Measure', required: true },
      { name: 'action', label: 'Action id (leave empty for the whole priority)' },
      { name: 'direction', label: 'Direction', type: 'select', options: [['higher', 'Higher is better'], ['lower', 'Lower is better']] },
      { name: 'target', label: 'Overall target', type: 'number' },
      { name: 'target_by', label: 'Due (month)', type: 'month' },
    ], 'Add KPI', async (v) => { await post('kpis', { priority: p.code, ...v }); await done('KPI added.'); }, { onCancel: close }));
    box.append(o.button, o.slot);
  }
  return box;
}

async function meetingsView(view) {
  const meetings = await get('meetings');
  view.append(h('h1', { class: 'govuk-heading-l' }, 'Meetings and action points'));
  if (canEdit()) {
    const o = opener('Add a meeting', (close) => form([
      { name: 'held_on', label: 'Date', type: 'date', required: true },
      { name: 'title', label: 'Meeting', required: true },
      { name: 'location', label: 'Where' }], 'Add meeting', async (v) => {
      await post('meetings', v); await done(`Meeting of ${v.held_on} added.`);
    }, { onCancel: close }), { secondary: false });
    view.append(o.button, o.slot);
  }
  if (!meetings.length) view.append(h('p', { class: 'govuk-body' }, 'There are no meetings yet.'));
  for (const m of [...meetings].reverse()) {
    const later = meetings.filter((x) => x.held_on > m.held_on);
    const sec = h('section', { class: 'ws-meeting', 'data-meeting': m.held_on },
      h('h2', { class: 'govuk-heading-m' }, `${m.held_on}: ${m.title}`), m.location ? h('p', { class: 'govuk-body-s' }, m.location) : null);
    const agenda = [...m.agenda].sort((a, b) => (a.session === b.session ? a.number - b.number : a.session === 'closed' ? -1 : 1));
    if (agenda.length) {
      sec.append(table('Agenda', ['No.', 'Item', 'Lead', 'Time', 'Session', 'Decision'],
        agenda.map((i) => tr(td(i.number), td(i.item), td(i.lead), td(i.time_minutes != null ? `${i.time_minutes} min` : ''),
          td(i.session === 'closed' ? 'Closed' : 'Public'), td(i.decision)))));
    }
    if (m.points.length) {
      sec.append(table('Action points', ['ID', 'Action point', 'Owner', 'Status', 'Note'], m.points.flatMap((pt) => {
        const row = tr(td(pt.code), td(pt.description), td(pt.owner), td(pt.status.replace('_', ' ')), td(pt.note));
        row.dataset.point = pt.code;
        if (!canEdit() || pt.status === 'carried_over') return [row];
        const tools = h('div', { class: 'ws-tools' }), slots = h('div');
        const st = opener(pt.status === 'open' ? 'Close' : 'Reopen', (close) => form([{ name: 'note', label: 'Note' }],
          pt.status === 'open' ? 'Close point' : 'Reopen point', async (v) => {
            await post('points/status', { meeting: m.held_on, code: pt.code, status: pt.status === 'open' ? 'closed' : 'open', note: v.note });
            await done(`Action point ${pt.code} is ${pt.status === 'open' ? 'closed' : 'open'}.`);
          }, { onCancel: close }));
        tools.append(st.button); slots.append(st.slot);
        if (pt.status === 'open' && later.length) {
          const c = opener('Carry over', (close) => form([
            { name: 'to_meeting', label: 'To the meeting of', type: 'select', options: later.map((x) => [x.held_on, `${x.held_on}: ${x.title}`]) },
            { name: 'note', label: 'Note' }], 'Carry over', async (v) => {
            await post('points/carry', { meeting: m.held_on, code: pt.code, ...v }); await done(`Action point ${pt.code} carried over to ${v.to_meeting}.`);
          }, { onCancel: close }));
          tools.append(c.button); slots.append(c.slot);
        }
        const e = opener('Edit', (close) => editForm('action_point', pt, [
          { name: 'description', label: 'Action point', type: 'textarea', required: true },
          { name: 'owner', label: 'Owner', required: true }, { name: 'note', label: 'Note' }], close));
        tools.append(e.button, deleteButton('action_point', pt, `action point ${pt.code}`)); slots.append(e.slot);
        return [row, tr(h('td', { class: 'govuk-table__cell ws-tools-cell', colspan: 5 }, tools, slots))];
      })));
    }
    if (canEdit()) {
      const a = opener('Add an agenda item', (close) => form([
        { name: 'number', label: 'Item number', type: 'number', required: true, value: m.agenda.length + 1 },
        { name: 'item', label: 'Item', required: true }, { name: 'lead', label: 'Lead' },
        { name: 'time_minutes', label: 'Time (minutes)', type: 'number' },
        { name: 'session', label: 'Session', type: 'select', options: [['public', 'Public'], ['closed', 'Closed (members only)']] },
        { name: 'decision', label: 'Decision', type: 'textarea' }], 'Add item', async (v) => {
        await post('agenda', { meeting: m.held_on, ...v }); await done('Agenda item added.');
      }, { onCancel: close }));
      const p = opener('Add an action point', (close) => form([
        { name: 'description', label: 'Action point', type: 'textarea', required: true },
        { name: 'owner', label: 'Owner', required: true },
        { name: 'code', label: 'ID', hint: 'MM/NN; left empty, the next number of the meeting' }], 'Add point', async (v) => {
        await post('points', { meeting: m.held_on, ...v }); await done('Action point added.');
      }, { onCancel: close }));
      const e = opener('Edit meeting', (close) => editForm('meeting', m, [
        { name: 'title', label: 'Meeting', required: true }, { name: 'location', label: 'Where' },
        { name: 'minutes', label: 'Minutes', type: 'textarea' }], close));
      sec.append(h('div', { class: 'ws-tools' }, a.button, p.button, e.button, deleteButton('meeting', m, `the meeting of ${m.held_on}`)), a.slot, p.slot, e.slot);
    }
    view.append(sec);
  }
}

async function budgetView(view) {
  const lines = await get('budget');
  view.append(h('h1', { class: 'govuk-heading-l' }, 'Budget'));
  view.append(lines.length ? table('Budget lines', ['Source', 'Year', 'Allocated', 'Spent', 'Carried forward', 'Note'],
    lines.map((b) => tr(td(b.source), td(b.financial_year), td(b.allocated_text), td(b.spent_text), td(b.carried_forward_text), td(b.note))))
    : h('p', { class: 'govuk-body' }, 'No budget lines yet.'));
  if (canEdit()) {
    const o = opener('Add a budget line', (close) => form([
      { name: 'source', label: 'Source', hint: 'e.g. Pooled fund', required: true },
      { name: 'financial_year', label: 'Financial year', hint: 'e.g. 2024/25', required: true },
      { name: 'priority', label: 'Priority number' }, { name: 'action', label: 'Action id' },
      { name: 'allocated', label: 'Allocated (£)' }, { name: 'spent', label: 'Spent (£)' },
      { name: 'carried_forward', label: 'Carried forward (£)' }, { name: 'note', label: 'Note' }], 'Add line', async (v) => {
      await post('budget', v); await done('Budget line added.');
    }, { onCancel: close }), { secondary: false });
    view.append(o.button, o.slot);
  }
}

async function scheduleView(view) {
  const rows = await get('schedule');
  view.append(h('h1', { class: 'govuk-heading-l' }, 'Continuous assessment schedule'));
  view.append(rows.length ? table('Documents', ['Document', 'Theme', 'Analysis months', 'Presented'],
    rows.map((s) => tr(td(s.document_no), td(s.theme), td(`${s.analysis_from} to ${s.analysis_to}`), td(s.presentation))))
    : h('p', { class: 'govuk-body' }, 'No documents scheduled yet.'));
  if (canEdit()) {
    const o = opener('Add a document', (close) => form([
      { name: 'document_no', label: 'Document number', type: 'number', required: true },
      { name: 'theme', label: 'Theme', required: true },
      { name: 'analysis_from', label: 'Analysis from', type: 'month', required: true },
      { name: 'analysis_to', label: 'Analysis to', type: 'month', required: true },
      { name: 'presentation', label: 'Presented in', type: 'month', required: true }], 'Add document', async (v) => {
      await post('schedule', v); await done('Document scheduled.');
    }, { onCancel: close }), { secondary: false });
    view.append(o.button, o.slot);
  }
}

async function recommendationsView(view) {
  const rows = await get('recommendations');
  view.append(h('h1', { class: 'govuk-heading-l' }, 'Recommendations from the assessment'),
    h('p', { class: 'govuk-body' }, 'Imported from csa report (csa workspace import-recommendations); a priority can cite one.'));
  view.append(rows.length ? table(null, ['ID', 'Source', 'Kind', 'Subject', 'Category', 'Evidence'],
    rows.map((r) => tr(td(r.id), td(r.source), td(r.kind), td(r.subject), td(r.category), td(r.evidence))))
    : h('p', { class: 'govuk-body' }, 'None imported yet.'));
}

async function auditView(view) {
  const entity = new URLSearchParams(location.hash.split('?')[1] || '').get('entity') || '';
  const log = await get('audit', entity ? { entity, limit: 200 } : { limit: 200 });
  view.append(h('h1', { class: 'govuk-heading-l' }, 'Audit log'),
    h('p', { class: 'govuk-body' }, 'Every change to the workspace, newest first: who, when, and the record before and after.'));
  view.append(auditTable(log, entity ? `Changes to ${entity} records` : 'The latest 200 changes'));
}

async function packView(view) {
  const meetings = await get('meetings');
  view.append(h('h1', { class: 'govuk-heading-l' }, 'Board pack'),
    h('p', { class: 'govuk-body' }, 'The action plan tracker with RAG, the RAG history, KPIs, the agenda and the action-point register, as the board papers set them out.'));
  const select = h('select', { class: 'govuk-select', id: 'ws-pack-meeting' },
    h('option', { value: '' }, 'The latest meeting'), [...meetings].reverse().map((m) => h('option', { value: m.held_on }, `${m.held_on}: ${m.title}`)));
  const links = h('ul', { class: 'govuk-list' });
  const update = () => {
    links.replaceChildren(...['html', 'pdf', 'docx'].map((f) => {
      const q = new URLSearchParams({ format: f, ...(select.value ? { meeting: select.value } : {}) });
      return h('li', {}, h('a', { class: 'govuk-link', href: `api/workspace/board-pack?${q}`, download: `board-pack.${f}`, 'data-format': f },
        `Download the board pack (${f.toUpperCase()})`));
    }));
  };
  select.addEventListener('change', update);
  update();
  view.append(h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: 'ws-pack-meeting' }, 'Meeting'), select), links);
}

async function usersView(view) {
  const users = await get('users');
  view.append(h('h1', { class: 'govuk-heading-l' }, 'Users'),
    table(null, ['Name', 'Role', 'Added'], users.map((u) => tr(td(u.name), td(u.role), td(u.created_at)))));
  const o = opener('Add a user', (close) => form([
    { name: 'name', label: 'User name', required: true },
    { name: 'role', label: 'Role', type: 'select', options: [['viewer', 'Viewer (reads)'], ['editor', 'Editor (changes records)'], ['admin', 'Admin (also adds users)']] },
    { name: 'password', label: 'Password', type: 'password', hint: '12 characters or more', required: true }], 'Add user', async (v) => {
    await post('users', v); await done(`User ${v.name} added.`);
  }, { onCancel: close }), { secondary: false });
  view.append(o.button, o.slot);
}

const views = { plan: planView, meetings: meetingsView, budget: budgetView, schedule: scheduleView,
  recommendations: recommendationsView, audit: auditView, pack: packView, users: usersView };

async function render() {
  clearMessages();
  const name = (location.hash.slice(1).split('?')[0]) || 'plan';
  const show = views[name] || planView;
  const view = $('ws-view');
  view.dataset.state = 'loading';
  for (const a of document.querySelectorAll('.ws-nav a')) {
    if (a.getAttribute('href') === `#${name}`) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  const fresh = h('div');
  try {
    if (!ragKey.length && show !== planView) ragKey = (await get('plan')).rag_key;
    await show(fresh);
    view.replaceChildren(...fresh.childNodes);
    view.dataset.state = 'ready';
  } catch (e) {
    view.dataset.state = 'error';
    if (e.status === 401) { showLogin(); return; }
    showError(e.message);
  }
}

// ---- session ---------------------------------------------------------------------------------

function showLogin() {
  session = null;
  $('ws-app').hidden = true;
  $('ws-user').hidden = true;
  $('ws-login').hidden = false;
  $('ws-login-name').focus();
}

function showApp() {
  $('ws-login').hidden = true;
  $('ws-app').hidden = false;
  const user = $('ws-user');
  user.replaceChildren(`${session.user} (${session.role}) `, h('button', { class: 'ws-logout', type: 'button', onclick: async () => {
    try { await post('logout'); } finally { showLogin(); }
  } }, 'Log out'));
  user.hidden = false;
  for (const el of document.querySelectorAll('[data-role="admin"]')) el.hidden = session.role !== 'admin';
  render();
}

$('ws-login-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  clearMessages();
  try {
    session = await post('login', { name: $('ws-login-name').value, password: $('ws-login-password').value });
    $('ws-login-password').value = '';
    showApp();
  } catch (e) {
    session = null;
    showError(e.message);
  }
});
$('ws-reload').addEventListener('click', () => render());
window.addEventListener('hashchange', () => { if (session) render(); });

(async () => {
  try { session = await get('session'); showApp(); }
  catch (e) { if (e.status === 401) showLogin(); else showError(e.message); }
})();
