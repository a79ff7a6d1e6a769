// Measures the web app and the widget package and prints the numbers the README states:
// gzip sizes of what a browser downloads, time from load to first result, and time to rank
// 2,000 complaints. Run by scripts/web-size (which builds first); numbers vary with the
// machine, so they are printed, never asserted.
//
//   node tests/browser/measure.mjs
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
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

  // Widget page: navigation start -> the first <tact-triage> result on the page.
  const widgetFirst = [];
  await page.goto(`${widgetServer.base}/`);
  for (let i = 0; i < RUNS; i++) {
    await page.goto(`${widgetServer.base}/`);
    await page.waitForFunction(() => document.querySelector('#live')?.dataset.state === 'ready');
    widgetFirst.push(await page.evaluate(() => performance.now()));
  }

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

  console.log(`\nTimes (headless Chromium on this machine, median of ${RUNS} loads after a first visit; 3 for ranking):`);
  console.log(` web app, load -> models ready to score:        ${ms(median(ready))}`);
  console.log(` web app, complaint typed -> result shown:      ${ms(median(first))} (includes the 150 ms debounce)`);
  console.log(` widget page, load -> first <tact-triage> result: ${ms(median(widgetFirst))} (target <= 100 ms)`);
  console.log(` one analyzeComplaint call:                     ${perCall.toFixed(2)} ms`);
  console.log(` rank ${good} complaints (queue panel):         ${ms(median(rank))}; longest main-thread task while ranking ${ms(median(longest))}`);
} finally {
  await browser?.close().catch(() => {});
  server?.stop();
  widgetServer?.stop();
  await rm(tmp, { recursive: true, force: true });
}
