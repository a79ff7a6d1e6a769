// Measures the web app and the widget package and prints the numbers the README states:
// gzip sizes of what a browser downloads, time from load to first result, and time to rank
// 2,000 complaints. Run by scripts/web-size (which builds first); numbers vary with the
// machine, so they are printed, never asserted.
//
//   node tests/browser/measure.mjs
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { corpusTexts, launchBrowser, openApp, queueCsv, root, startServer } from './lib.mjs';

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const ms = (n) => `${Math.round(n)} ms`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function sizes(dir, files) {
  let raw = 0;
  let gz = 0;
  const rows = [];
  for (const f of files) {
    const b = await readFile(path.join(root, dir, f));
    const g = gzipSync(b, { level: 9 }).length;
    raw += b.length;
    gz += g;
    rows.push(`  ${f.padEnd(20)} ${kb(b.length).padStart(10)} raw ${kb(g).padStart(10)} gzip`);
  }
  return { raw, gz, rows };
}

const app = await sizes('web/dist', ['tact_web_bg.wasm', 'tact_web.js', 'bootstrap.js', 'style.css', 'index.html']);
const widget = await sizes('web/dist/widget', ['tact_bg.wasm', 'tact.js', 'tact-triage.js']);
console.log('Download size (gzip -9; the three models are inside the wasm):');
console.log(` web app: ${kb(app.gz)} gzip (${kb(app.raw)} raw), target <= 600 KB`);
app.rows.forEach((r) => console.log(r));
console.log(` widget package: ${kb(widget.gz)} gzip (${kb(widget.raw)} raw)`);
widget.rows.forEach((r) => console.log(r));

const RUNS = 5;

const TYPES = { html: 'text/html', js: 'text/javascript', css: 'text/css', wasm: 'application/wasm' };
/**
 * The same files and CSP as `tact serve`, but cacheable (`Cache-Control: max-age`), so a
 * second load takes every asset from Chromium's HTTP cache: "assets cached". tact serve
 * itself sends no-cache.
 */
async function cachingServer(dir, csp) {
  const srv = http.createServer(async (req, res) => {
    let p = new URL(req.url, 'http://x').pathname;
    if (p.endsWith('/')) p += 'index.html';
    const body = await readFile(path.join(root, dir, path.normalize(p).replace(/^(\.\.[/\\])+/, ''))).catch(() => null);
    if (!body) { res.writeHead(404); res.end('not found'); return; }
    res.writeHead(200, {
      'content-type': TYPES[p.split('.').pop()] ?? 'application/octet-stream',
      'content-security-policy': csp,
      'cache-control': 'max-age=3600',
    });
    res.end(body);
  });
  await new Promise((resolve) => srv.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${srv.address().port}`, stop: () => srv.close() };
}

let server;
let widgetServer;
let browser;
const tmp = await mkdtemp(path.join(os.tmpdir(), 'tact-measure-'));
try {
  server = await startServer();
  widgetServer = await startServer('web/dist/widget');
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();

  // Web app: navigation start -> models parsed and the page ready to score; then the first
  // result after a complaint is typed (includes the 150 ms typing debounce).
  const ready = [];
  const first = [];
  await openApp(page, server.base); // the first visit fills the caches
  for (let i = 0; i < RUNS; i++) {
    await openApp(page, server.base);
    ready.push(await page.evaluate(() => performance.now()));
    const t0 = await page.evaluate(() => performance.now());
    await page.locator('#complaint-input').fill('My card was stolen and someone is spending money right now!');
    await page.waitForFunction(() => document.querySelector('#urgency-level'));
    first.push((await page.evaluate(() => performance.now())) - t0);
  }

  // Widget page: navigation start -> the first <tact-triage> result on the page, (a) over
  // tact serve (which sends Cache-Control: no-cache, so every load fetches every file again)
  // and (b) with the assets cached: every file answered from memory by the test, so only the
  // page's own work counts (compile the wasm, parse the models, score).
  const widgetFirst = [];
  const widgetCached = [];
  const widgetNav = [];
  const appCached = [];
  await page.goto(`${widgetServer.base}/`);
  for (let i = 0; i < RUNS; i++) {
    await page.goto(`${widgetServer.base}/`);
    await page.waitForFunction(() => document.querySelector('#live')?.dataset.state === 'ready');
    widgetFirst.push(await page.evaluate(() => performance.now()));
  }
  const csp = (await fetch(`${server.base}/`)).headers.get('content-security-policy');
  const cachedApp = await cachingServer('web/dist', csp);
  const cachedWidget = await cachingServer('web/dist/widget', csp);
  const cachedPage = await context.newPage();
  // The page notes the moment itself (no polling delay): the first <tact-triage> result, or
  // the app showing both empty states (models parsed, ready to score).
  await cachedPage.addInitScript(() => {
    document.addEventListener('tact-triage', () => { window.__first ??= performance.now(); });
    new MutationObserver(() => {
      if (window.__ready === undefined && document.querySelectorAll('.empty').length === 2) window.__ready = performance.now();
    }).observe(document, { subtree: true, childList: true });
  });
  // Reloads of the same page, as a user coming back sees it: alternating between the two
  // origins would add a renderer-process swap to every navigation.
  for (let i = 0; i < RUNS + 1; i++) {
    await cachedPage.goto(`${cachedWidget.base}/`);
    await cachedPage.waitForFunction(() => window.__first !== undefined);
    if (i > 0) {
      widgetCached.push(await cachedPage.evaluate(() => window.__first));
      // The browser's part before the page runs: navigation, the HTML, the stylesheet.
      widgetNav.push(await cachedPage.evaluate(() => performance.getEntriesByType('navigation')[0].domInteractive));
    }
  }
  for (let i = 0; i < RUNS + 1; i++) {
    await cachedPage.goto(`${cachedApp.base}/`);
    await cachedPage.waitForFunction(() => window.__ready !== undefined);
    if (i > 0) appCached.push(await cachedPage.evaluate(() => window.__ready));
  }
  const cachedHits = await cachedPage.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.transferSize === 0).length);

  // Where the cached load's time goes: on a blank page of the widget's origin, import the JS,
  // fetch + compile + instantiate the wasm, then the first call (which parses the models).
  const parts = { js: [], wasm: [], models: [] };
  await cachedPage.route(`${cachedWidget.base}/blank.html`, (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }));
  for (let i = 0; i < RUNS + 1; i++) {
    await cachedPage.goto(`${cachedWidget.base}/blank.html`);
    const t = await cachedPage.evaluate(async () => {
      const t0 = performance.now();
      const tact = await import('./tact.js');
      const t1 = performance.now();
      await tact.default();
      const t2 = performance.now();
      tact.analyzeComplaint('My card was stolen!');
      return [t1 - t0, t2 - t1, performance.now() - t2];
    });
    if (i > 0) ['js', 'wasm', 'models'].forEach((k, j) => parts[k].push(t[j]));
  }
  await cachedPage.close();
  cachedApp.stop();
  cachedWidget.stop();

  // One complaint scored, in the page, without the debounce.
  await page.goto(`${widgetServer.base}/`);
  const perCall = await page.evaluate(async () => {
    const tact = await import('./tact.js');
    await tact.default();
    const t = 'This is the third time I am writing. My card was stolen and someone is spending money right now! I need it blocked immediately.';
    tact.analyzeComplaint(t);
    const t0 = performance.now();
    for (let i = 0; i < 50; i++) tact.analyzeComplaint(t);
    return (performance.now() - t0) / 50;
  });

  // Queue: 2,000 complaints from a CSV, ranked in slices; the longest main-thread task.
  const { csv, good } = queueCsv(2000, await corpusTexts(400));
  const file = path.join(tmp, 'queue-2000.csv');
  await writeFile(file, csv);
  const rank = [];
  const longest = [];
  for (let i = 0; i < 3; i++) {
    await openApp(page, server.base);
    await page.evaluate(() => {
      window.__long = 0;
      new PerformanceObserver((l) => l.getEntries().forEach((e) => { window.__long = Math.max(window.__long, e.duration); }))
        .observe({ type: 'longtask' });
    });
    await page.locator('#queue-file').setInputFiles(file);
    await page.locator('#queue-status').waitFor({ timeout: 120_000 });
    rank.push(Number(await page.locator('#queue-status').getAttribute('data-millis')));
    longest.push(await page.evaluate(() => window.__long));
  }

  console.log(`\nTimes (headless Chromium, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}; median of ${RUNS} loads after a first visit, 3 for ranking):`);
  console.log(` web app, load -> models ready to score:        ${ms(median(ready))}`);
  console.log(` web app, complaint typed -> result shown:      ${ms(median(first))} (includes the 150 ms debounce)`);
  console.log(` web app, assets cached, load -> models ready:   ${ms(median(appCached))} (${cachedHits} of the last load's files came from the cache)`);
  console.log(` widget page, load -> first <tact-triage> result: ${ms(median(widgetFirst))} over tact serve, ${ms(median(widgetCached))} with assets cached (target <= 100 ms cached)`);
  console.log(`   of which the browser's navigation up to the parsed HTML (domInteractive): ${ms(median(widgetNav))}; the page's own work after it: ${ms(median(widgetCached) - median(widgetNav))}`);
  console.log(`   of which: import tact.js ${ms(median(parts.js))}, fetch + compile + instantiate the wasm ${ms(median(parts.wasm))}, first call incl. parsing the models ${ms(median(parts.models))}`);
  console.log(` one analyzeComplaint call:                     ${perCall.toFixed(2)} ms`);
  console.log(` rank ${good} complaints (queue panel):         ${ms(median(rank))}; ${median(longest) === 0 ? 'no main-thread task over 50 ms while ranking (Long Tasks API)' : `longest main-thread task while ranking ${ms(median(longest))}`}`);
} finally {
  await browser?.close().catch(() => {});
  server?.stop();
  widgetServer?.stop();
  await rm(tmp, { recursive: true, force: true });
}
