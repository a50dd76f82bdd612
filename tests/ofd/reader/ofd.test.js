// An independent OFD reader over anjian's OFD: ofd.js (DLTech21, npm,
// pure JavaScript: its own zip, XML and SVG rendering) in Debian's
// chromium, driven by playwright-core.
// Usage: [SHOT_PAGE=N] node ofd.test.js FILE.ofd PAGES.txt SHOT.png
// PAGES.txt: pdftotext -raw (drawing order) of the PDF of the same document (pages split by
// form feeds).  Checks: ofd.js opens the package without an error, draws
// as many pages as the PDF has, and each page's text (its SVG text in
// drawing order) equals the PDF page's, blanks aside.  Saves a screenshot
// of page N (default 1).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const { chromium } = require('playwright-core');

const [ofdFile, pagesFile, shot] = process.argv.slice(2).map((p) => path.resolve(p));
const HANG_MS = 600000; // only catches a hang
const failures = [];
const fail = (msg) => { failures.push(msg); console.error('FAIL: ' + msg); };
const squeeze = (s) => s.replace(/\s+/g, '');

function serve() {
  const reader = require.resolve('ofd.js/lib/ofd.umd.js');
  const files = { '/ofd.umd.js': [reader, 'text/javascript'], '/doc.ofd': [ofdFile, 'application/ofd'],
    '/': [null, 'text/html; charset=utf-8'] };
  const page = '<!doctype html><meta charset="utf-8"><body style="margin:0"><div id="out"></div>' +
    '<script src="ofd.umd.js"></script>';
  const server = http.createServer((req, res) => {
    const f = files[new URL(req.url, 'http://x').pathname];
    if (!f) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'Content-Type': f[1] });
    if (f[0]) fs.createReadStream(f[0]).pipe(res); else res.end(page);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function main() {
  const expected = fs.readFileSync(pagesFile, 'utf8').split('\f').filter((p, i, a) => i < a.length - 1 || squeeze(p));
  const server = await serve();
  const base = 'http://127.0.0.1:' + server.address().port + '/';
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'aj-ofd-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu'], viewport: { width: 900, height: 1300 } });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(HANG_MS);
    page.on('pageerror', (e) => fail('page error: ' + e));
    await page.goto(base);
    const got = await page.evaluate(() => new Promise((resolve) => {
      fetch('doc.ofd').then((r) => r.arrayBuffer()).then((buf) => ofd.parseOfdDocument({
        ofd: buf,
        success(res) {
          const out = document.getElementById('out');
          const divs = ofd.renderOfd(800, res[0]);
          for (const d of divs) out.appendChild(d);
          resolve({ pages: divs.map((d) => Array.from(d.querySelectorAll('text')).map((t) => t.textContent).join('')) });
        },
        fail(e) { resolve({ error: String(e) }); },
      }));
    }));
    if (got.error) {
      fail('ofd.js cannot open the package: ' + got.error);
    } else {
      if (got.pages.length !== expected.length) fail(`ofd.js draws ${got.pages.length} pages, the PDF has ${expected.length}`);
      got.pages.forEach((text, i) => {
        const a = squeeze(text), b = squeeze(expected[i] || '');
        if (a !== b) {
          let k = 0;
          while (k < a.length && a[k] === b[k]) k++;
          fail(`page ${i + 1}: ofd.js reads ${JSON.stringify(a.slice(k, k + 20))} where the PDF has ${JSON.stringify(b.slice(k, k + 20))}`);
        }
      });
      await page.locator('#out > div').nth(Number(process.env.SHOT_PAGE || 1) - 1).screenshot({ path: shot });
      console.log(`ofd.js: ${got.pages.length} pages drawn, text as in the PDF (${got.pages.join('').length} characters); screenshot ${shot}`);
    }
  } finally {
    await context.close();
    server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  if (failures.length) process.exit(1);
}

main().catch((e) => { console.error('FAIL: ' + (e && e.stack || e)); process.exit(1); });
