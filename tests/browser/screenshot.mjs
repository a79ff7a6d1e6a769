// Writes the README's screenshots into docs/: the app at 1280x900 (screenshot.png), each
// panel (panel-triage.png, panel-reply.png, panel-queue.png, panel-models.png), the app at
// 360 px wide (mobile.png) and the widget's example page (widget.png). Same servers and
// browser as run.mjs:
//
//   cargo build -p tact-cli && scripts/build-web && scripts/build-widget && node tests/browser/screenshot.mjs [outdir]
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { corpusTexts, launchBrowser, openApp, queueCsv, root, setComplaint, setReply, startServer, tactBin } from './lib.mjs';

const COMPLAINT = "This is the third time I'm writing about this. My card was stolen and someone is spending money right now! I need it blocked immediately.";
const REPLY = "We're sorry that you are having this problem. As I already explained, you need to read the instructions. Is there anything else wrong?";

const out = path.resolve(root, process.argv[2] ?? 'docs');
const tmp = await mkdtemp(path.join(os.tmpdir(), 'tact-shots-'));
let server;
let widgetServer;
let browser;
const wrote = [];
const shoot = async (target, name) => {
  await target.screenshot({ path: path.join(out, name) });
  wrote.push(name);
};
try {
  await mkdir(out, { recursive: true });
  server = await startServer();
  widgetServer = await startServer('web/dist/widget');
  browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await openApp(page, server.base);
  await setComplaint(page, COMPLAINT);
  await setReply(page, REPLY);
  await page.evaluate(() => document.activeElement?.blur());
  await page.waitForTimeout(300); // let the gauge transition finish
  await shoot(page, 'screenshot.png');
  await shoot(page.locator('#triage'), 'panel-triage.png');

  // Reply: one finding dismissed, an underline focused so its reason shows.
  await page.locator('.finding').filter({ hasText: 'anything else wrong' }).getByRole('button', { name: /^Dismiss/ }).click();
  await page.locator('#dismissed-note').waitFor();
  await page.locator('#reply-marked mark.lint').first().focus();
  await shoot(page.locator('#reply'), 'panel-reply.png');

  // Queue: 60 complaints from the corpus (one bad row among them), ranked.
  const { csv } = queueCsv(60, (await corpusTexts(200)).filter((_, i) => i % 3 === 0));
  const file = path.join(tmp, 'tickets.csv');
  await writeFile(file, csv);
  await page.locator('#queue-file').setInputFiles(file);
  await page.locator('#queue-status').waitFor();
  await page.evaluate(() => document.activeElement?.blur());
  await page.locator('#queue').evaluate((el) => {
    // Show the first rows only, so the picture stays readable.
    el.querySelectorAll('#queue-table tbody tr').forEach((tr, i) => { if (i >= 12) tr.remove(); });
  });
  await shoot(page.locator('#queue'), 'panel-queue.png');

  // Models: a model trained with `tact train` loaded in place of the urgency default.
  const model = path.join(tmp, 'my-urgency.tactmodel');
  execFileSync(tactBin(), ['train', '--task', 'urgency', '--data', 'tests/browser/fixtures/urgency-small.jsonl',
    '--out', model, '--folds', '3', '--date', '2026-01-02', '--data-licence', 'test fixture', '-q'], { cwd: root });
  await page.locator('#model-file-urgency').setInputFiles(model);
  await page.locator('#model-status').waitFor();
  await shoot(page.locator('#models'), 'panel-models.png');

  const phone = await browser.newPage({ viewport: { width: 360, height: 800 } });
  await openApp(phone, server.base);
  await setComplaint(phone, COMPLAINT);
  await phone.evaluate(() => document.activeElement?.blur());
  await phone.waitForTimeout(300);
  await shoot(phone, 'mobile.png');

  const widget = await browser.newPage({ viewport: { width: 1100, height: 620 } });
  await widget.goto(`${widgetServer.base}/`);
  await widget.waitForFunction(() => [...document.querySelectorAll('tact-triage')].every((e) => e.dataset.state === 'ready'));
  await shoot(widget, 'widget.png');
  console.log(`wrote ${wrote.map((f) => path.relative(process.cwd(), path.join(out, f))).join(', ')}`);
} finally {
  await browser?.close().catch(() => {});
  server?.stop();
  widgetServer?.stop();
  await rm(tmp, { recursive: true, force: true });
}
