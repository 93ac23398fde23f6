// zhsearch page: the whole state (query, filters, sort, page, display script, open document) lives in
// the URL, so reload, back/forward and shared links all work. Server HTML (titles, snippets) is the
// document's text escaped with <mark> around matches; everything else is set as text.

const $ = (id) => document.getElementById(id);
const PAGE_SIZE = 10;
const TYPE_DELAY_MS = 300;
const SUGGEST_DELAY_MS = 120;

// ---- state <-> URL ---------------------------------------------------------------------------

function readState() {
  const p = new URLSearchParams(location.search);
  return {
    q: p.get('q') ?? '',
    company: p.getAll('company'),
    source: p.getAll('source'),
    script: p.getAll('script'),
    from: p.get('from') ?? '',
    to: p.get('to') ?? '',
    sort: p.get('sort') ?? '',
    page: Math.max(1, parseInt(p.get('page') ?? '1', 10) || 1),
    display: p.get('display') ?? 'orig',
    doc: p.get('doc') ?? '',
    copies: p.get('collapse') === 'off',
  };
}

function toParams(s) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  s.company.forEach((c) => p.append('company', c));
  s.source.forEach((c) => p.append('source', c));
  s.script.forEach((c) => p.append('script', c));
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.sort) p.set('sort', s.sort);
  if (s.page > 1) p.set('page', String(s.page));
  if (s.display && s.display !== 'orig') p.set('display', s.display);
  if (s.doc) p.set('doc', s.doc);
  if (s.copies) p.set('collapse', 'off');
  return p;
}

let state = readState();

/** Changes the state; `push` adds a history entry (a deliberate action), otherwise it replaces it. */
function update(changes, { push = true, resetPage = true } = {}) {
  state = { ...state, ...(resetPage ? { page: 1 } : {}), ...changes };
  const url = `${location.pathname}${toParams(state).toString() ? '?' + toParams(state) : ''}`;
  if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
  render();
}

window.addEventListener('popstate', () => { state = readState(); render(); });

// ---- talking to the API ----------------------------------------------------------------------

let inflight = null;

async function api(path, params) {
  const url = `${path}?${params}`;
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  let body = null;
  try { body = await res.json(); } catch { /* not JSON: a proxy or a crash */ }
  if (!res.ok) {
    const err = new Error(body?.error ?? `HTTP ${res.status}`);
    err.status = res.status;
    throw err;
  }
  return body;
}

async function render() {
  syncControls();
  const params = toParams({ ...state, doc: '' });
  params.set('size', String(PAGE_SIZE));
  if (state.display) params.set('display', state.display);
  const mine = Symbol('request');
  inflight = mine;
  $('results').setAttribute('aria-busy', 'true');
  try {
    const result = await api('/api/search', params);
    if (inflight !== mine) return; // a newer request superseded this one
    showResults(result);
  } catch (e) {
    if (inflight !== mine) return;
    showError(e);
  } finally {
    if (inflight === mine) $('results').removeAttribute('aria-busy');
  }
  if (state.doc) openDocument(state.doc); else if ($('doc').open) $('doc').close();
}

// ---- rendering -------------------------------------------------------------------------------

function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') e.className = v;
    else if (k === 'html') e.innerHTML = v; // only for server HTML: escaped text + <mark>
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c);
  return e;
}

function syncControls() {
  if (document.activeElement !== $('q')) $('q').value = state.q;
  $('sort').value = state.sort || (state.q ? 'relevance' : 'date');
  for (const r of document.querySelectorAll('input[name=display]')) r.checked = r.value === (state.display || 'orig');
}

const SCRIPT_NAMES = { traditional: '繁體', simplified: '简体', unknown: '未判定' };

function dateLabel(hit) {
  if (!hit.date) return el('span', { class: 'inferred', title: '原文沒有標示發布日期' }, '日期不詳');
  const day = hit.date.slice(0, 10);
  if (hit.dateSource === 'text') return el('span', { class: 'inferred', title: '日期取自內文，非來源標示' }, `${day}（取自內文）`);
  return el('time', { datetime: hit.date }, day);
}

function showResults(r) {
  $('message').hidden = true;
  $('status').replaceChildren(r.byReading ? el('span', { class: 'by-reading' }, `按拼音 ${r.byReading.typed} 搜尋：${r.byReading.word}　`) : '',
    r.total === 0 ? '' : `${r.total.toLocaleString()} 篇 · ${r.tookMs} ms`
    + (r.collapsed ? ' · 同一事件的多篇報導合併為一則 ' : ' · 列出每一篇 ')
    + (r.partial ? ' · 同時含所有詞的結果不足一頁，也列出只含部分詞的結果（排在後面）' : ''),
  r.total === 0 ? '' : el('button', { type: 'button', class: 'linkish', id: 'collapse-toggle',
    onclick: () => update({ copies: !state.copies }) }, r.collapsed ? '列出每一篇' : '合併同一事件'));
  renderChips(r);
  renderFollow(r);
  $('hits').replaceChildren(...r.hits.map((h) => el('li', { 'data-id': h.id },
    el('h3', {}, el('a', { href: `?${toParams({ ...state, doc: h.id })}`, html: h.title,
      onclick: (e) => { e.preventDefault(); update({ doc: h.id }, { resetPage: false }); } })),
    el('p', { class: 'meta' }, dateLabel(h),
      h.source ? el('span', {}, h.source) : null,
      el('span', { class: 'badge', title: SCRIPT_NAMES[h.script] ?? '' }, h.script === 'simplified' ? '简' : h.script === 'traditional' ? '繁' : '?')),
    ...h.snippets.filter((s) => s).map((s) => el('p', { class: 'snippet', html: s })),
    h.folds && h.folds.length ? el('p', { class: 'folds', title: '兩岸用詞不同，視為同一個詞' },
      h.folds.map((f) => `${f.document} ≈ ${f.query}`).join('　')) : null,
    h.companies.length ? el('div', { class: 'chips' }, h.companies.map((c) => el('button', {
      type: 'button', class: 'chip', title: `只看 ${c.name}`,
      onclick: () => state.company.includes(c.id) || update({ company: [...state.company, c.id] }) }, c.name))) : null,
    h.story && h.story.copies > 0 ? storyCopies(h) : null,
  )));
  if (r.total === 0) showEmpty();
  renderFacets(r.facets);
  // collapsed, the total counts documents and a page holds stories: the last page is where hits run out
  const pages = Math.ceil(r.total / PAGE_SIZE);
  $('pager').hidden = pages <= 1;
  $('page-label').textContent = r.collapsed ? `第 ${state.page} 頁` : `第 ${state.page} / ${pages.toLocaleString()} 頁`;
  $('prev').disabled = state.page <= 1;
  $('next').disabled = state.page >= pages || (r.collapsed && r.hits.length < PAGE_SIZE);
}

/** A collapsed story's other reports: "+N 篇 中央社、聯合…", which expands to list them earliest first. */
function storyCopies(h) {
  const list = el('ol', { class: 'story-copies', hidden: true });
  const names = h.story.sources.slice(0, 3).join('、') + (h.story.sources.length > 3 ? '…' : '');
  const button = el('button', { type: 'button', class: 'story-toggle', 'aria-expanded': 'false',
    title: '同一事件的其他報導（含另一種文字的轉載）' }, `+${h.story.copies} 篇 ${names}`);
  button.addEventListener('click', async () => {
    const open = button.getAttribute('aria-expanded') === 'true';
    button.setAttribute('aria-expanded', String(!open));
    list.hidden = open;
    if (open || list.childElementCount) return;
    try {
      const r = await api(`/api/stories/${encodeURIComponent(h.story.id)}`, new URLSearchParams({ q: state.q, display: state.display || 'orig' }));
      list.replaceChildren(...r.hits.filter((c) => c.id !== h.id).map((c) => el('li', { 'data-id': c.id },
        el('a', { href: `?${toParams({ ...state, doc: c.id })}`, html: c.title,
          onclick: (e) => { e.preventDefault(); update({ doc: c.id }, { resetPage: false }); } }),
        el('span', { class: 'meta' }, ' ', dateLabel(c), c.source ? ` · ${c.source}` : '',
          ` · ${c.script === 'simplified' ? '简' : c.script === 'traditional' ? '繁' : '?'}`))));
    } catch (e) {
      list.replaceChildren(el('li', {}, `無法載入：${e.message}`));
    }
  });
  return el('div', { class: 'story' }, button, list);
}

/** The search's filters, for its feed and exports: no page, document or sort (a feed is newest first). */
function followParams(extra = {}) {
  const p = toParams({ ...state, doc: '', page: 1, sort: '', ...extra });
  return p;
}

function renderFollow(r) {
  const feed = `/feed.atom?${followParams()}`;
  $('follow').hidden = r.total === 0;
  $('feed-link').href = feed;
  $('feed-alternate').href = feed;
  const exportParams = (format) => { const p = toParams({ ...state, doc: '', page: 1 }); p.set('format', format); return p; };
  $('export-csv').href = `/api/export?${exportParams('csv')}`;
  $('export-jsonl').href = `/api/export?${exportParams('jsonl')}`;
}

function showEmpty() {
  const filtered = state.company.length || state.source.length || state.script.length || state.from || state.to;
  $('message').className = 'message';
  $('message').replaceChildren(
    el('h2', {}, state.q ? `找不到符合「${state.q}」的新聞` : '沒有符合篩選條件的新聞'),
    el('p', {}, filtered ? '試著移除部分篩選條件，或放寬日期範圍。' : '換個說法試試；繁體、简体都能找到兩種文字的新聞，公司也可用英文名搜尋（TSMC、NVIDIA）。'),
    ...(filtered ? [el('button', { type: 'button', onclick: clearAll }, '清除所有篩選')] : []));
  $('message').hidden = false;
}

function showError(e) {
  $('hits').replaceChildren();
  $('status').textContent = '';
  $('pager').hidden = true;
  $('message').className = 'message error';
  const bad = e.status === 400;
  $('message').replaceChildren(
    el('h2', {}, bad ? '這個搜尋無法執行' : '搜尋暫時無法使用'),
    el('p', {}, e.message),
    el('p', {}, bad ? '搜尋框接受任何文字；請檢查網址中的日期、頁碼等篩選參數。'
      : '請稍後再試；若一直如此，請檢查伺服器是否在執行。'),
  );
  $('message').hidden = false;
}

function renderChips(r) {
  const chips = [];
  const names = new Map(r.facets.company.map((c) => [c.id, c.name]));
  state.company.forEach((id) => chips.push([`公司：${names.get(id) ?? id}`, () => update({ company: state.company.filter((x) => x !== id) })]));
  state.source.forEach((s) => chips.push([`來源：${s}`, () => update({ source: state.source.filter((x) => x !== s) })]));
  state.script.forEach((s) => chips.push([`文字：${SCRIPT_NAMES[s] ?? s}`, () => update({ script: state.script.filter((x) => x !== s) })]));
  if (state.from || state.to) chips.push([`日期：${state.from || '…'} – ${state.to || '…'}`, () => update({ from: '', to: '' })]);
  $('chips').replaceChildren(...chips.map(([label, remove]) => el('button', { type: 'button', class: 'chip', onclick: remove,
    'aria-label': `移除 ${label}` }, label, el('span', { class: 'x', 'aria-hidden': 'true' }, '✕'))),
  ...(chips.length > 1 ? [el('button', { type: 'button', class: 'chip', onclick: clearAll }, '清除全部')] : []));
}

function clearAll() {
  update({ company: [], source: [], script: [], from: '', to: '' });
}

function facetList(listId, values, selected, key, label = (v) => v.name) {
  $(listId).replaceChildren(...values.map((v) => {
    const id = `${listId}-${v.id}`;
    const checked = selected.includes(v.id);
    return el('li', {}, el('label', { for: id },
      el('input', { type: 'checkbox', id, checked, onchange: () => update({
        [key]: checked ? selected.filter((x) => x !== v.id) : [...selected, v.id] }) }),
      el('span', { class: 'name' }, label(v)), el('span', { class: 'count' }, v.count.toLocaleString())),
      key === 'company' ? el('a', { class: 'feed', href: `/feed.atom?${followParams({ company: [v.id], q: '', from: '', to: '', source: [], script: [] })}`,
        type: 'application/atom+xml', title: `訂閱 ${label(v)} 的新聞（Atom）`, 'aria-label': `訂閱 ${label(v)}` }, '⌁') : null);
  }));
}

function renderRising(rising) {
  $('facet-rising').hidden = !rising || rising.length === 0;
  $('rising-list').replaceChildren(...(rising ?? []).map((r) => el('li', { 'data-id': r.id },
    el('button', { type: 'button', class: 'rising', title: `只看 ${r.name}`,
      onclick: () => state.company.includes(r.id) || update({ company: [...state.company, r.id] }) },
    el('span', { class: 'name' }, r.name),
    el('span', { class: 'count', title: `這段時間 ${r.count} 篇，前一段 ${r.before} 篇` }, `${r.before} → ${r.count}`)))));
}

function renderFacets(f) {
  renderRising(f.rising);
  facetList('company-list', f.company, state.company, 'company');
  facetList('source-list', f.source, state.source, 'source');
  facetList('script-list', f.script, state.script, 'script', (v) => SCRIPT_NAMES[v.id] ?? v.id);
  renderHistogram(f);
  renderPresets();
}

// ---- date histogram: click a bar, or drag across bars, to filter a range -----------------------

function lastDay(month) { // "2026-07" → "2026-07-31"
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** Every month from the first to the last one given, with 0 for months that have no documents. */
function fillMonths(months) {
  if (!months.length) return [];
  const counts = new Map(months.map((m) => [m.id, m.count]));
  const out = [];
  let [y, m] = months[0].id.split('-').map(Number);
  const last = months[months.length - 1].id;
  for (;;) {
    const id = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ id, count: counts.get(id) ?? 0 });
    if (id >= last) return out;
    if (++m > 12) { m = 1; y++; }
  }
}

// ---- date presets: relative to the newest document, not to today (a corpus may end months ago) ----

let newestDay = null;

async function loadNewestDay() {
  try {
    const r = await api('/api/search', new URLSearchParams({ size: '1', sort: 'date', highlight: 'off' }));
    newestDay = r.hits[0]?.date?.slice(0, 10) ?? null;
  } catch { newestDay = null; }
  renderPresets();
}

function minusDays(day, n) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

function presetRange(days) {
  return days === 0 || !newestDay ? { from: '', to: '' } : { from: minusDays(newestDay, days - 1), to: newestDay };
}

function renderPresets() {
  for (const b of document.querySelectorAll('#date-presets button')) {
    const days = Number(b.dataset.days);
    const r = presetRange(days);
    b.disabled = days !== 0 && !newestDay;
    b.setAttribute('aria-pressed', String(r.from === state.from && r.to === state.to && (days === 0 || newestDay !== null)));
    b.title = days === 0 ? '不限日期' : newestDay ? `${r.from} – ${r.to}（最新一篇：${newestDay}）` : '';
  }
  $('from-date').value = state.from;
  $('to-date').value = state.to;
}

document.querySelectorAll('#date-presets button').forEach((b) => b.addEventListener('click', () => update(presetRange(Number(b.dataset.days)))));
$('from-date').addEventListener('change', (e) => update({ from: e.target.value }));
$('to-date').addEventListener('change', (e) => update({ to: e.target.value }));

function renderHistogram(f) {
  const months = fillMonths(f.date.filter((d) => d.id !== 'unknown'));
  const unknown = f.date.find((d) => d.id === 'unknown');
  const byYear = months.length > 36;
  const buckets = byYear
    ? f.year.filter((y) => y.id !== 'unknown').map((y) => ({ key: y.id, count: y.count, from: `${y.id}-01-01`, to: `${y.id}-12-31` }))
    : months.map((m) => ({ key: m.id, count: m.count, from: `${m.id}-01`, to: lastDay(m.id) }));
  const max = Math.max(1, ...buckets.map((b) => b.count));
  let dragStart = null;
  const apply = (a, b) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    update({ from: buckets[lo].from, to: buckets[hi].to });
  };
  const bars = buckets.map((b, i) => {
    const inRange = (state.from || state.to) && (!state.from || b.to >= state.from) && (!state.to || b.from <= state.to);
    const bar = el('button', { type: 'button', class: inRange ? 'in-range' : '', 'data-key': b.key,
      title: `${b.key}：${b.count.toLocaleString()} 篇`, 'aria-label': `${b.key}，${b.count} 篇；篩選這段時間` });
    bar.style.setProperty('--h', b.count ? `${Math.max(3, Math.round(100 * b.count / max))}%` : '1px');
    bar.addEventListener('pointerdown', (e) => { dragStart = i; e.preventDefault(); });
    bar.addEventListener('pointerup', () => { if (dragStart !== null) { const s = dragStart; dragStart = null; apply(s, i); } });
    bar.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); apply(i, i); } });
    return bar;
  });
  $('histogram').replaceChildren(...bars);
  $('histogram').onpointerleave = () => { dragStart = null; };
  const span = buckets.length ? `${buckets[0].key} – ${buckets[buckets.length - 1].key}` : '無日期';
  $('histogram-hint').textContent = `${byYear ? '依年' : '依月'}：${span}` + (unknown ? `；日期不詳 ${unknown.count.toLocaleString()} 篇` : '');
}

// ---- the document view -----------------------------------------------------------------------

async function openDocument(id) {
  const params = new URLSearchParams({ q: state.q, display: state.display || 'orig' });
  try {
    const d = await api(`/api/documents/${encodeURIComponent(id)}`, params);
    $('doc-title').innerHTML = d.titleHtml;
    $('doc-meta').replaceChildren(...[dateLabel({ date: d.date, dateSource: d.dateSource }),
      d.source ? el('span', {}, d.source) : null,
      el('span', { class: 'badge' }, d.script === 'simplified' ? '简' : d.script === 'traditional' ? '繁' : '?'),
      d.url ? el('a', { href: d.url, rel: 'noopener noreferrer', target: '_blank' }, '原文連結') : null].filter(Boolean));
    $('doc-companies').replaceChildren(...d.companies.map((c) => el('span', { class: 'chip' }, c.name)));
    $('doc-body').innerHTML = d.bodyHtml;
    showRelated(id);
  } catch (e) {
    $('doc-title').textContent = '無法開啟這篇新聞';
    $('doc-meta').replaceChildren(e.message);
    $('doc-companies').replaceChildren();
    $('doc-body').replaceChildren();
    $('doc-related').hidden = true;
  }
  if (!$('doc').open) $('doc').showModal();
}

/** Related articles under a document: more like this, in either script; each opens in the same view. */
async function showRelated(id) {
  $('doc-related').hidden = true;
  try {
    const r = await api(`/api/documents/${encodeURIComponent(id)}/related`, new URLSearchParams({ display: state.display || 'orig', size: '5' }));
    if (state.doc !== id) return; // another document was opened meanwhile
    $('related-list').replaceChildren(...r.hits.map((h) => el('li', { 'data-id': h.id },
      el('a', { href: `?${toParams({ ...state, doc: h.id })}`, html: h.title,
        onclick: (e) => { e.preventDefault(); update({ doc: h.id }, { resetPage: false }); } }),
      el('span', { class: 'meta' }, ' ', dateLabel(h), h.source ? ` · ${h.source}` : '',
        ` · ${h.script === 'simplified' ? '简' : h.script === 'traditional' ? '繁' : '?'}`))));
    $('doc-related').hidden = r.hits.length === 0;
  } catch { /* related articles are a help, not the document: leave them out */ }
}

$('doc').addEventListener('close', () => { if (state.doc) update({ doc: '' }, { resetPage: false }); });

// ---- the search box: search as you type, on Enter, with suggestions ----------------------------

let typeTimer = 0;
let suggestTimer = 0;
let active = -1;

function closeSuggestions() {
  $('suggestions').hidden = true;
  $('q').setAttribute('aria-expanded', 'false');
  $('q').removeAttribute('aria-activedescendant');
  active = -1;
}

async function suggest(prefix) {
  if (!prefix.trim()) { closeSuggestions(); return; }
  try {
    const r = await api('/api/suggest', new URLSearchParams({ q: prefix, display: state.display || 'orig' }));
    if ($('q').value !== prefix) return;
    $('suggestions').replaceChildren(...r.suggestions.map((s, i) => el('li', { role: 'option', id: `sugg-${i}`, 'aria-selected': 'false',
      onmousedown: (e) => { e.preventDefault(); pick(s.text); } },
      el('span', {}, s.text), el('span', { class: 'kind' }, s.type === 'company' ? '公司' : s.type === 'person' ? '人名' : '詞'))));
    const any = r.suggestions.length > 0;
    $('suggestions').hidden = !any;
    $('q').setAttribute('aria-expanded', String(any));
    active = -1;
  } catch { closeSuggestions(); }
}

function pick(text) {
  $('q').value = text;
  closeSuggestions();
  clearTimeout(typeTimer);
  update({ q: text });
}

$('q').addEventListener('input', () => {
  const v = $('q').value;
  clearTimeout(typeTimer);
  clearTimeout(suggestTimer);
  suggestTimer = setTimeout(() => suggest(v), SUGGEST_DELAY_MS);
  typeTimer = setTimeout(() => update({ q: v.trim() }, { push: false }), TYPE_DELAY_MS);
});

$('q').addEventListener('keydown', (e) => {
  const items = [...$('suggestions').children];
  if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !$('suggestions').hidden && items.length) {
    e.preventDefault();
    active = (active + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
    items.forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
    $('q').setAttribute('aria-activedescendant', items[active].id);
  } else if (e.key === 'Escape' && !$('suggestions').hidden) {
    e.preventDefault(); // in a search box Escape would also clear the query
    closeSuggestions();
  } else if (e.key === 'Enter' && active >= 0 && !$('suggestions').hidden) {
    e.preventDefault();
    pick(items[active].firstChild.textContent);
  }
});

$('q').addEventListener('blur', () => setTimeout(closeSuggestions, 100));

$('search').addEventListener('submit', (e) => {
  e.preventDefault();
  clearTimeout(typeTimer);
  closeSuggestions();
  update({ q: $('q').value.trim() });
});

document.addEventListener('keydown', (e) => {
  const typing = ['INPUT', 'TEXTAREA', 'SELECT'].includes(document.activeElement?.tagName);
  if (e.key === '/' && !typing && !$('doc').open) { e.preventDefault(); $('q').focus(); $('q').select(); }
});

$('sort').addEventListener('change', () => update({ sort: $('sort').value }));
for (const r of document.querySelectorAll('input[name=display]')) {
  r.addEventListener('change', () => update({ display: r.value }, { resetPage: false }));
}
$('prev').addEventListener('click', () => update({ page: state.page - 1 }, { resetPage: false }));
$('next').addEventListener('click', () => update({ page: state.page + 1 }, { resetPage: false }));

render();
loadNewestDay();
