// End-to-end tests of the search page in headless Debian Chromium (playwright-core). The test
// builds its own corpus (the seed articles plus e2e/fixtures), starts `./zhsearch serve` on a free
// port, and drives the page as a person would. Screenshots go to target/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, cpSync, mkdirSync, existsSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import { chromium } from 'playwright-core';
import Parser from 'rss-parser';
import { readFileSync } from 'node:fs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = join(ROOT, 'target', 'screenshots');
let server;
let browser;
let base;
let indexDir;

const freePort = () => new Promise((resolve, reject) => {
  const s = net.createServer();
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  s.on('error', reject);
});

async function waitForHealth(url, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try { if ((await fetch(`${url}/api/health`)).ok) return; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not come up');
}

before(async () => {
  assert.ok(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`);
  const work = mkdtempSync(join(tmpdir(), 'zhsearch-e2e-'));
  const corpus = join(work, 'corpus');
  mkdirSync(corpus);
  cpSync(join(ROOT, 'corpus'), corpus, { recursive: true });
  cpSync(join(ROOT, 'e2e', 'fixtures', 'news.jsonl'), join(corpus, 'news.jsonl'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  mkdirSync(join(ROOT, 'target'), { recursive: true });
  const log = openSync(join(ROOT, 'target', 'e2e-server.log'), 'w');
  indexDir = join(work, 'index');
  server = spawn(join(ROOT, 'zhsearch'), ['serve', '--index', indexDir, '--corpus', corpus, '--port', String(port)],
    { cwd: ROOT, stdio: ['ignore', log, log] });
  await waitForHealth(base, 180_000);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu',
    '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'] });
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.kill();
});

async function newPage(width = 1280, height = 900) {
  const page = await browser.newPage({ viewport: { width, height } });
  page.dialogs = [];
  page.on('dialog', (d) => { page.dialogs.push(d.message()); d.dismiss(); });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  return page;
}

const hitIds = (page) => page.$$eval('#hits > li', (lis) => lis.map((li) => li.dataset.id));
const statusText = (page) => page.textContent('#status');
async function settle(page) { // the page has answered the current state
  await page.waitForFunction(() => !document.querySelector('#results').hasAttribute('aria-busy'));
}

test('typing 台积电 finds the Traditional documents that say 台積電, highlighted', async () => {
  const page = await newPage();
  await page.goto(base);
  await page.click('#q');
  await page.keyboard.type('台积电', { delay: 40 });
  await page.waitForFunction(() => new URL(location).searchParams.get('q') === '台积电');
  await page.waitForSelector('#hits > li');
  await settle(page);
  const ids = await hitIds(page);
  for (const id of ['tw-tsmc-1', 'tw-tsmc-2', '001_d649b6dd3a06dc4f']) assert.ok(ids.includes(id), `${id} in ${ids}`);
  const marked = await page.$$eval('#hits > li[data-id="tw-tsmc-1"] mark', (ms) => ms.map((m) => m.textContent));
  assert.ok(marked.includes('台積電'), `marks in the document's own script: ${marked}`);
  await page.keyboard.press('Escape');
  await page.waitForSelector('#suggestions', { state: 'hidden' });
  assert.equal(await page.inputValue('#q'), '台积电', 'Escape closes the suggestions and keeps the query');
  await page.screenshot({ path: join(SHOTS, 'desktop.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(SHOTS, 'phone.png') });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a company facet narrows the hits; the company facet keeps the other companies (multi-select)', async () => {
  const page = await newPage();
  await page.goto(`${base}/?q=AI`);
  await page.waitForSelector('#company-list li');
  await settle(page);
  const before = await hitIds(page);
  const companiesBefore = await page.$$eval('#company-list li', (lis) => lis.length);
  await page.check('#company-list-nvidia');
  await page.waitForFunction(() => new URL(location).searchParams.getAll('company').includes('nvidia'));
  await settle(page);
  const after = await hitIds(page);
  assert.ok(after.length < before.length, `${after.length} < ${before.length}`);
  assert.equal(await page.$$eval('#company-list li', (lis) => lis.length), companiesBefore, 'other companies still listed');
  assert.ok((await page.textContent('#chips')).includes('輝達'));
  const scriptCounts = await page.$$eval('#script-list .count', (cs) => cs.map((c) => Number(c.textContent.replace(/,/g, ''))));
  assert.equal(scriptCounts.reduce((a, b) => a + b, 0), after.length, 'other facets follow the selection');
  await page.goBack();
  await page.waitForFunction(() => !new URL(location).searchParams.has('company'));
  await settle(page);
  assert.deepEqual(await hitIds(page), before, 'back restores the previous results');
  await page.close();
});

test('clicking a month in the histogram filters by that date range', async () => {
  const page = await newPage();
  await page.goto(`${base}/?q=${encodeURIComponent('台積電')}`);
  await page.waitForSelector('#histogram button');
  await settle(page);
  await page.click('#histogram button[data-key="2026-08"]');
  await page.waitForFunction(() => new URL(location).searchParams.get('from') === '2026-08-01');
  await settle(page);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('to'), '2026-08-31');
  assert.deepEqual((await hitIds(page)).sort(), ['tw-tsmc-2', 'xss']);
  assert.ok((await page.textContent('#chips')).includes('2026-08-01'));
  assert.ok(await page.$('#histogram button.in-range[data-key="2026-08"]'));
  await page.close();
});

test('display 简 shows Traditional titles in Simplified, highlights intact; reload keeps the whole state', async () => {
  const page = await newPage();
  await page.goto(`${base}/?q=${encodeURIComponent('台積電')}&company=tsmc`);
  await page.waitForSelector('#hits > li[data-id="tw-tsmc-2"]');
  await page.check('input[name=display][value=hans]');
  await page.waitForFunction(() => new URL(location).searchParams.get('display') === 'hans');
  await settle(page);
  const title = await page.textContent('#hits > li[data-id="tw-tsmc-2"] h3');
  assert.equal(title, '台积电美国厂进度顺利');
  const mark = await page.textContent('#hits > li[data-id="tw-tsmc-2"] h3 mark');
  assert.equal(mark, '台积电');
  await page.reload();
  await page.waitForSelector('#hits > li[data-id="tw-tsmc-2"]');
  await settle(page);
  assert.equal(await page.inputValue('#q'), '台積電');
  assert.ok(await page.isChecked('input[name=display][value=hans]'));
  assert.ok(await page.isChecked('#company-list-tsmc'));
  assert.equal(await page.textContent('#hits > li[data-id="tw-tsmc-2"] h3'), '台积电美国厂进度顺利');
  await page.close();
});

test('pasted text with quotes, brackets and colons is searched, never an error', async () => {
  const page = await newPage();
  await page.goto(base);
  for (const q of ['"台積電', '[视频]台積電 法說會：AI!', 'title:台積電 (AI)']) {
    await page.fill('#q', q);
    await page.press('#q', 'Enter');
    await page.waitForFunction((v) => new URL(location).searchParams.get('q') === v, q);
    await settle(page);
    assert.ok(await page.isHidden('#message.error'), `no error state for ${q}`);
    assert.ok((await hitIds(page)).includes('tw-tsmc-1'), `${q} finds tw-tsmc-1`);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a real failure shows the error state and says what to do', async () => {
  const page = await newPage();
  await page.route('**/api/search?*', (route) => route.fulfill({ status: 503, contentType: 'application/json',
    body: JSON.stringify({ error: 'index is being replaced' }) }));
  await page.goto(`${base}/?q=${encodeURIComponent('台積電')}`);
  await page.waitForSelector('#message.error:not([hidden])');
  const text = await page.textContent('#message');
  assert.ok(text.includes('搜尋暫時無法使用') && text.includes('index is being replaced'), text);
  await page.close();
});

test('a hit found through the other region\'s word says so', async () => {
  const page = await newPage();
  await page.goto(`${base}/?q=${encodeURIComponent('服务器')}`);
  await page.waitForSelector('#hits > li');
  await settle(page);
  const notes = await page.$$eval('#hits > li .folds', (ps) => ps.map((p) => p.textContent));
  assert.ok(notes.some((n) => n.includes('伺服器 ≈ 服务器')), `fold notes: ${notes}`);
  await page.screenshot({ path: join(SHOTS, 'fold-note.png') });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a document is shown as text: markup in the corpus never runs', async () => {
  const page = await newPage();
  await page.goto(`${base}/?q=${encodeURIComponent('測試')}`);
  await page.waitForSelector('#hits > li[data-id="xss"]');
  await settle(page);
  const title = await page.textContent('#hits > li[data-id="xss"] h3');
  assert.ok(title.includes('<img src=x onerror=alert(1)>'), title);
  assert.equal(await page.$$eval('#hits img, #hits script', (es) => es.length), 0);
  await page.click('#hits > li[data-id="xss"] h3 a');
  await page.waitForSelector('dialog#doc[open]');
  assert.ok((await page.textContent('#doc-body')).includes('<script>alert(2)</script>'));
  assert.ok((await page.$$eval('#doc-body mark', (ms) => ms.map((m) => m.textContent))).includes('測試'));
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(page.dialogs, [], 'no alert() ran');
  await page.close();
});

test('suggestions complete company names; / focuses the search box', async () => {
  const page = await newPage();
  await page.goto(base);
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
  await page.keyboard.type('輝', { delay: 30 });
  await page.waitForSelector('#suggestions:not([hidden]) li');
  assert.ok((await page.textContent('#suggestions')).includes('輝達'));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => new URL(location).searchParams.get('q') !== null);
  assert.equal(new URL(page.url()).searchParams.get('q'), await page.inputValue('#q'));
  await page.close();
});

test('the command line prints no JVM or Lucene noise; a malformed Lucene query is one line', () => {
  const run = (...args) => spawnSync(join(ROOT, 'zhsearch'), args, { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  const search = run('search', '--index', indexDir, '--size', '1', '[视频]台積電 7/18：美股!');
  assert.equal(search.status, 0, search.stderr);
  assert.equal(search.stderr, '', 'nothing on stderr');
  assert.ok(JSON.parse(search.stdout).total >= 0);
  const analyze = run('analyze', '伺服器');
  assert.equal(analyze.status, 0, analyze.stderr);
  assert.equal(analyze.stderr, '');
  const bad = run('search', '--index', indexDir, '--syntax', 'lucene', '"unbalanced');
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr.trim().split('\n').length, 1, bad.stderr);
});

test('export downloads a CSV of the visible hits, in their order', async () => {
  const page = await newPage();
  await page.goto(`${base}/?q=AI&sort=date`);
  await page.waitForSelector('#hits > li');
  await settle(page);
  const visible = await hitIds(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  assert.equal(download.suggestedFilename(), 'zhsearch-export.csv');
  const rows = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(rows[0], 'id,date,source,script,title,url,companies,company_names,score');
  const ids = rows.slice(1).map((r) => r.split(',')[0].replace(/^"|"$/g, ''));
  assert.deepEqual(ids.slice(0, visible.length), visible, 'the export starts with the hits on the page, in order');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the feed link and each company\'s feed give Atom that a feed parser reads, newest first', async () => {
  const page = await newPage();
  await page.goto(`${base}/?q=${encodeURIComponent('台積電')}`);
  await page.waitForSelector('#hits > li');
  await settle(page);
  const href = await page.getAttribute('#feed-link', 'href');
  assert.ok(href.startsWith('/feed.atom?') && href.includes('q='), href);
  assert.equal(await page.getAttribute('link[rel=alternate][type="application/atom+xml"]', 'href'), href, 'autodiscovery');
  const parser = new Parser();
  const feed = await parser.parseString(await (await fetch(base + href)).text());
  assert.ok(feed.items.length > 0);
  const times = feed.items.map((i) => Date.parse(i.isoDate ?? i.pubDate));
  for (let i = 1; i < times.length; i++) assert.ok(times[i] <= times[i - 1], `newest first: ${times}`);
  for (const item of feed.items) assert.ok(item.link.startsWith(`${base}/?doc=`), item.link);
  const companyFeed = await page.getAttribute('#company-list li a.feed', 'href');
  const company = new URL(base + companyFeed).searchParams.get('company');
  const cf = await parser.parseString(await (await fetch(base + companyFeed)).text());
  assert.ok(cf.items.length > 0, `feed of ${company}`);
  await page.goto(feed.items[0].link);
  await page.waitForSelector('#doc[open]');
  assert.ok((await page.textContent('#doc-title')).length > 0, 'an entry opens its document');
  await page.screenshot({ path: join(SHOTS, 'feed-and-export.png') });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a date preset filters to the last days before the newest document', async () => {
  const page = await newPage();
  const newest = (await (await fetch(`${base}/api/search?size=1&sort=date`)).json()).hits[0].date.slice(0, 10);
  const day = (n) => { const d = new Date(`${newest}T00:00:00Z`); d.setUTCDate(d.getUTCDate() - n); return d.toISOString().slice(0, 10); };
  await page.goto(`${base}/?q=AI`);
  await page.waitForSelector('#hits > li');
  await page.waitForFunction(() => !document.querySelector('#date-presets button[data-days="7"]').disabled);
  await settle(page);
  const before = (await hitIds(page)).length;
  await page.click('#date-presets button[data-days="30"]');
  await page.waitForFunction(() => new URL(location).searchParams.has('from'));
  await settle(page);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('from'), day(29));
  assert.equal(url.searchParams.get('to'), newest);
  assert.equal(await page.getAttribute('#date-presets button[data-days="30"]', 'aria-pressed'), 'true');
  const dates = await page.$$eval('#hits > li time', (ts) => ts.map((t) => t.getAttribute('datetime').slice(0, 10)));
  for (const d of dates) assert.ok(d >= day(29) && d <= newest, `${d} within ${day(29)}..${newest}`);
  assert.ok((await hitIds(page)).length <= before);
  assert.equal(await page.inputValue('#from-date'), day(29), 'the custom range shows the preset');
  await page.screenshot({ path: join(SHOTS, 'date-presets.png') });
  await page.click('#date-presets button[data-days="0"]');
  await page.waitForFunction(() => !new URL(location).searchParams.has('from'));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a document shows related articles, and one opens in the same view', async () => {
  const page = await newPage();
  await page.goto(`${base}/?q=${encodeURIComponent('台積電')}&doc=tw-tsmc-1`);
  await page.waitForSelector('#doc[open]');
  await page.waitForSelector('#doc-related:not([hidden]) #related-list li');
  const related = await page.$$eval('#related-list li', (lis) => lis.map((li) => li.dataset.id));
  assert.ok(!related.includes('tw-tsmc-1'), `not itself: ${related}`);
  await page.screenshot({ path: join(SHOTS, 'related.png') });
  const first = related[0];
  await page.click(`#related-list li[data-id="${first}"] a`);
  await page.waitForFunction((id) => new URL(location).searchParams.get('doc') === id, first);
  await page.waitForFunction(() => document.querySelector('#doc-title').textContent.length > 0);
  assert.ok(await page.$('#doc[open]'), 'the related article opens in the document view');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('with a date range the sidebar lists the companies rising against the range before', async () => {
  const page = await newPage();
  const api = await (await fetch(`${base}/api/search?from=2026-07-01&to=2026-08-31`)).json();
  await page.goto(`${base}/?from=2026-07-01&to=2026-08-31`);
  await page.waitForSelector('#hits > li');
  await settle(page);
  const shown = await page.$$eval('#rising-list li', (lis) => lis.map((li) => li.dataset.id));
  assert.deepEqual(shown, api.facets.rising.map((r) => r.id));
  assert.equal(await page.isHidden('#facet-rising'), api.facets.rising.length === 0);
  await page.goto(`${base}/`);
  await settle(page);
  assert.ok(await page.isHidden('#facet-rising'), 'no range, no rising companies');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a story told by several outlets is one hit that expands to the others; "every copy" lists them all', async () => {
  const story = ['story-tw-cna', 'story-tw-ltn', 'story-cn'];
  const page = await newPage();
  await page.goto(`${base}/?q=${encodeURIComponent('凱米 撤離')}`);
  await page.waitForSelector('#hits > li');
  await settle(page);
  const shown = (await hitIds(page)).filter((id) => story.includes(id));
  assert.equal(shown.length, 1, `one hit for the story: ${await hitIds(page)}`);
  const toggle = `#hits > li[data-id="${shown[0]}"] .story-toggle`;
  assert.match(await page.textContent(toggle), /^\+2 篇/);
  await page.click(toggle);
  await page.waitForSelector(`#hits > li[data-id="${shown[0]}"] .story-copies li`);
  const copies = await page.$$eval(`#hits > li[data-id="${shown[0]}"] .story-copies li`, (lis) => lis.map((li) => li.dataset.id));
  assert.deepEqual([...copies].sort(), story.filter((id) => id !== shown[0]).sort());
  await page.screenshot({ path: join(SHOTS, 'story.png') });
  await page.click('#collapse-toggle');
  await page.waitForFunction(() => new URL(location).searchParams.get('collapse') === 'off');
  await page.waitForFunction((n) => document.querySelectorAll('#hits > li').length >= n, 3);
  await settle(page);
  const every = await hitIds(page);
  assert.ok(story.every((id) => every.includes(id)), `every copy listed: ${every}`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('typing pinyin or Zhuyin suggests 台積電, and choosing it searches for it', async () => {
  const page = await newPage();
  for (const typed of ['taiji', 'ㄊㄞˊ']) {
    await page.goto(base);
    await page.click('#q');
    await page.keyboard.type(typed, { delay: 30 });
    await page.waitForFunction(() => [...document.querySelectorAll('#suggestions:not([hidden]) li')]
      .some((li) => li.textContent.includes('台積電')));
    if (typed === 'taiji') await page.screenshot({ path: join(SHOTS, 'pinyin-suggest.png') });
    await page.click('#suggestions li:has-text("台積電")');
    await page.waitForFunction(() => new URL(location).searchParams.get('q') === '台積電');
    await page.waitForSelector('#hits > li');
    assert.ok((await page.textContent('#hits')).includes('台積電'), `${typed}: the hits are 台積電's`);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a query of pinyin that finds nothing as letters is searched as the word it reads as', async () => {
  const page = await newPage();
  await page.goto(`${base}/?q=taijidian`);
  await page.waitForSelector('#hits > li');
  await settle(page);
  assert.match(await page.textContent('#status'), /按拼音 taijidian 搜尋：台積電/);
  assert.ok((await page.$$eval('#hits mark', (ms) => ms.map((m) => m.textContent))).some((t) => t.includes('台積電')),
    'highlights on the original characters');
  assert.deepEqual(page.errors, []);
  await page.close();
});
