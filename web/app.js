// A first, minimal search page for the API; the full page is issue 6.
const $ = (id) => document.getElementById(id);
const escapeText = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));

async function search(q) {
  const url = new URL('/api/search', location.origin);
  url.searchParams.set('q', q);
  const res = await fetch(url);
  const body = await res.json();
  if (!res.ok) {
    $('status').textContent = `查詢有誤：${body.error}`;
    $('hits').replaceChildren();
    return;
  }
  $('status').textContent = `${body.total} 筆結果（${body.tookMs} ms）`;
  // title and snippets are HTML from the server: escaped text with <mark> only
  $('hits').innerHTML = body.hits.map((h) => `<li><h2>${h.title}</h2>
    <div class="meta">${escapeText(h.date ?? '日期不詳')} · ${escapeText(h.source ?? '')} · ${h.script === 'simplified' ? '简' : '繁'}</div>
    <p>${h.snippets.join(' … ')}</p></li>`).join('');
  $('facets').innerHTML = '<h3>公司</h3><ul>' + body.facets.company.slice(0, 15)
    .map((c) => `<li>${escapeText(c.name)} (${c.count})</li>`).join('') + '</ul>';
}

$('search').addEventListener('submit', (e) => {
  e.preventDefault();
  const q = $('q').value.trim();
  history.replaceState(null, '', q ? `?q=${encodeURIComponent(q)}` : '/');
  search(q);
});
const initial = new URLSearchParams(location.search).get('q');
if (initial !== null) { $('q').value = initial; search(initial); }
