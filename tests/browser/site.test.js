// Browser test of the built site: Debian's chromium driven by playwright-core
// over a loopback server of OUT/site.
// Usage: node site.test.js SITE_DIR SHOTS_DIR [STANDALONE.html]
// Checks: every internal link and asset resolves, no console errors, the
// hostile enterprise name shows as text and runs nothing, no page scrolls
// sideways at 390 px (tables scroll in their own box), search finds an
// enterprise by part of its name and by its credit code (loading one shard
// of the enterprise index), enterprise pages and their listings show the
// hostile name as text.  Saves screenshots at 1280 and 390 px.
// A page of `anjian render X.md --out X.html`, when given, must get its
// inline stylesheet past its own CSP (a wrong hash is a console error).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const { chromium } = require('playwright-core');

const HOSTILE = 'A*B_C|D#1 <script>alert(1)</script> [x](javascript:alert(1))';
const siteDir = path.resolve(process.argv[2] || 'output/site');
const shotsDir = path.resolve(process.argv[3] || 'output/screenshots');
const standalone = process.argv[4] ? path.resolve(process.argv[4]) : null;
const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.json': 'application/json', '.xml': 'application/xml', '.pdf': 'application/pdf',
  '.svg': 'image/svg+xml', '.png': 'image/png' };
// Waits end when the page is ready; this limit only catches a hang (the
// suite never depends on how fast the machine is).
const HANG_MS = 600000;
const failures = [];
const fail = (msg) => { failures.push(msg); console.error('FAIL: ' + msg); };

function serve() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.join(siteDir, rel);
    if (!file.startsWith(siteDir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404); res.end('not found'); return;
    }
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function main() {
  if (!fs.existsSync(path.join(siteDir, 'index.html'))) throw new Error(siteDir + ': no index.html; build first');
  fs.mkdirSync(shotsDir, { recursive: true });
  const server = await serve();
  const base = 'http://127.0.0.1:' + server.address().port + '/';
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'aj-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
    timeout: HANG_MS,
  });
  try {
    context.setDefaultTimeout(HANG_MS);
    context.setDefaultNavigationTimeout(HANG_MS);
    const page = context.pages()[0] || await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') fail(`console error on ${page.url()}: ${m.text()}`); });
    page.on('pageerror', (e) => fail(`page error on ${page.url()}: ${e.message}`));
    page.on('dialog', (d) => { fail(`dialog opened on ${page.url()}: ${d.message()}`); d.dismiss(); });

    // Crawl every page reachable from the home page.
    const seen = new Set(), queue = [base + 'index.html'], resources = new Set();
    let hostileSeen = 0;
    while (queue.length) {
      const url = queue.shift();
      if (seen.has(url)) continue;
      seen.add(url);
      const resp = await page.goto(url);
      if (!resp || resp.status() !== 200) { fail(`${url}: HTTP ${resp && resp.status()}`); continue; }
      const info = await page.evaluate(() => ({
        links: [...document.querySelectorAll('a[href], link[href], script[src], img[src]')]
          .map((e) => e.href || e.src),
        scripts: [...document.scripts].map((s) => s.getAttribute('src')),
        xss: typeof window.__xss,
        text: document.body.innerText,
        lang: document.documentElement.lang,
      }));
      if (info.xss !== 'undefined') fail(`${url}: window.__xss is set`);
      for (const s of info.scripts) if (s !== 'search.js') fail(`${url}: unexpected script ${s}`);
      if (info.lang !== 'zh-CN') fail(`${url}: lang is ${info.lang}`);
      if (info.text.includes(HOSTILE)) hostileSeen++;
      for (const link of info.links) {
        const u = new URL(link);
        if (u.origin !== new URL(base).origin) {
          if (u.protocol === 'http:' || u.protocol === 'https:') fail(`${url}: absolute link ${link}`);
          continue;
        }
        u.hash = ''; u.search = '';
        if (u.pathname.endsWith('.html')) queue.push(u.href); else resources.add(u.href);
      }
    }
    for (const r of resources) {
      const resp = await context.request.get(r);
      if (resp.status() !== 200) fail(`${r}: HTTP ${resp.status()}`);
    }
    if (seen.size < 5) fail(`only ${seen.size} pages reachable from the home page`);
    if (hostileSeen === 0) fail('the hostile enterprise name is shown as text on no page');
    console.log(`crawled ${seen.size} pages, ${resources.size} other files; hostile name as text on ${hostileSeen} pages`);

    // No sideways scroll at phone width except inside the scroll boxes of
    // tables and charts.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const url of seen) {
      await page.goto(url);
      const over = await page.evaluate(() => {
        const w = document.documentElement.clientWidth;
        const bad = [];
        if (document.documentElement.scrollWidth > w) bad.push('page scrollWidth ' + document.documentElement.scrollWidth);
        for (const el of document.body.querySelectorAll('*')) {
          if (el.closest('.table-wrap, .chart-scroll')) continue;
          const r = el.getBoundingClientRect();
          if (r.width > 0 && r.right > w + 1) bad.push(el.tagName + '.' + el.className + ' right=' + Math.round(r.right));
        }
        return bad.slice(0, 3);
      });
      if (over.length) fail(`${url} at 390px: ${over.join('; ')}`);
    }

    // Search by part of a name: the hostile one, as the user would type it.
    const part = '<script>alert';
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(base + 'search.html?q=' + encodeURIComponent(part));
    await page.waitForSelector('#search-results:not([hidden]) li').catch(() => fail('search showed no results'));
    const results = await page.$$eval('#search-results li a', (as) => as.map((a) => a.textContent));
    if (!results.some((t) => t === HOSTILE)) fail(`search for ${part} did not find the enterprise: ${JSON.stringify(results)}`);
    const hostileHit = await page.$$eval('#search-results li a', (as) => as.map((a) => a.getAttribute('href')));
    const hostileHref = hostileHit.find((h) => /^enterprise\/[0-9A-Z]{18}\.html$/.test(h));
    // A build's site has the enterprise pages; so has an archive's, from
    // the enterprises' data of its newest issue (an archive issued before
    // it kept that data has none, and its search finds the documents).
    const archiveData = path.join(siteDir, '..', 'enterprises.xml');
    const isArchive = fs.existsSync(path.join(siteDir, '..', 'register.xml'));
    const hasEnterprises = fs.existsSync(path.join(siteDir, 'enterprise'));
    if (!hasEnterprises && (!isArchive || fs.existsSync(archiveData))) fail('no enterprise pages');
    if (hasEnterprises && !hostileHref) fail(`search for ${part} gave no enterprise page: ${JSON.stringify(hostileHit)}`);
    // Another enterprise by a part of its name and by its credit code; each
    // query fetches the shard index and one shard, none over 300 KB in all.
    const shard0 = hasEnterprises ? JSON.parse(fs.readFileSync(path.join(siteDir, 'search', 'e-0.json'), 'utf8')) : [];
    const other = shard0.find((r) => r[1] !== HOSTILE && [...r[1]].length > 5);
    if (hasEnterprises && !other) fail('no enterprise in the first search shard');
    for (const q of other ? [[...other[1]].slice(2, 5).join(''), other[2]] : []) {
      let bytes = 0;
      const count = (r) => { if (/search.*\.json$/.test(r.url())) r.body().then((b) => { bytes += b.length; }).catch(() => {}); };
      page.on('response', count);
      await page.goto(base + 'search.html?q=' + encodeURIComponent(q));
      await page.waitForSelector('#search-results:not([hidden]) li').catch(() => {});
      const r2 = await page.$$eval('#search-results li a', (as) => as.map((a) => a.textContent));
      if (!r2.includes(other[1])) fail(`search for ${q} did not find ${other[1]}`);
      page.off('response', count);
      if (bytes > 300 * 1024) fail(`search for ${q} loaded ${bytes} bytes`);
    }
    if ((await page.evaluate(() => typeof window.__xss)) !== 'undefined') fail('search ran injected script');
    // The hostile enterprise's page and a listing that holds it: text only.
    if (hostileHref) {
      await page.goto(base + hostileHref);
      const h1 = await page.$eval('h1', (h) => h.textContent);
      if (!h1.startsWith(HOSTILE)) fail(`${hostileHref}: heading is ${h1}`);
      if ((await page.$$('main script, main a[href^="javascript"]')).length) fail(`${hostileHref}: script or javascript: link`);
      const listing = await page.$eval('.crumbs a[href*="enterprises/"]:not([href$="index.html"])', (a) => a.href);
      const pages = [listing];
      for (let i = 0; i < pages.length && i < 60; i++) {
        await page.goto(pages[i]);
        const found = await page.$$eval('main td a', (as, h) => as.some((a) => a.textContent === h), HOSTILE);
        if (found) { pages.length = 0; break; }
        const next = await page.$('a[rel="next"]');
        if (next) pages.push(await next.evaluate((a) => a.href));
      }
      if (pages.length) fail('the hostile enterprise is in no page of its district listing');
      if ((await page.evaluate(() => typeof window.__xss)) !== 'undefined') fail('a listing ran injected script');
    }

    if (standalone) {
      await page.goto('file://' + standalone);
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      if (bg !== 'rgb(244, 244, 244)') fail(`${standalone}: its stylesheet did not apply (background ${bg})`);
      if ((await page.$$('script')).length) fail(`${standalone}: has a script element`);
    }

    // Screenshots for a human look: an enterprise with penalties and lists.
    const bulletin = [...seen].find((u) => u.includes('/bulletin/'));
    let enterprise = null;
    for (const u of [...seen].filter((u) => u.includes('/enterprise/'))) {
      await page.goto(u);
      if ((await page.$$('main table')).length && (await page.$$('main .doclist a')).length) { enterprise = u; break; }
    }
    if (hasEnterprises && !enterprise) fail('no enterprise page with penalties and a linked list');
    for (const [w, h] of [[1280, 900], [390, 844]]) {
      await page.setViewportSize({ width: w, height: h });
      await page.goto(base + 'index.html');
      await page.screenshot({ path: path.join(shotsDir, `home-${w}.png`), fullPage: true });
      if (bulletin) {
        await page.goto(bulletin);
        await page.screenshot({ path: path.join(shotsDir, `bulletin-${w}.png`), fullPage: true });
      }
      if (enterprise) {
        await page.goto(enterprise);
        await page.screenshot({ path: path.join(shotsDir, `enterprise-${w}.png`), fullPage: true });
      }
      if (hasEnterprises) {
        await page.goto(base + 'enterprises/all.html');
        await page.screenshot({ path: path.join(shotsDir, `enterprises-${w}.png`), fullPage: true });
      }
    }
  } finally {
    await context.close();
    server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  if (failures.length) { console.error(`browser test: ${failures.length} failures`); process.exit(1); }
  console.log('browser test: ok');
}

main().catch((e) => { console.error(e); process.exit(1); });
