// End-to-end tests of the web app and the widget in Chromium, against the real server
// (`tact serve`): the app from web/dist, the widget package from web/dist/widget.
//
//   cargo build -p tact-cli && scripts/build-web && scripts/build-widget && node tests/browser/run.mjs
//
// Env: TACT_BIN (default target/debug/tact), CHROMIUM (default /usr/bin/chromium).
// Each test gets its own page; the run ends with one line `N passed, N failed`.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, openApp, setComplaint, setReply, startServer } from './lib.mjs';
import { panelTests, widgetTests } from './panels.mjs';

const LEVELS = ['low', 'normal', 'high', 'critical'];
const BANDS = { low: [0, 24], normal: [25, 49], high: [50, 74], critical: [75, 100] };
const PERSONAS = ['meek', 'aggressive', 'high_roller', 'chronic', 'barnacle', 'moderate'];

async function urgency(page) {
  const level = (await page.locator('#urgency-level').innerText()).trim();
  const scoreText = (await page.locator('#urgency-score').innerText()).trim();
  assert.match(scoreText, /^\d{1,3}$/, `urgency score ${JSON.stringify(scoreText)} is not a number`);
  const score = Number(scoreText);
  assert.ok(LEVELS.includes(level), `urgency level ${JSON.stringify(level)} is not one of ${LEVELS}`);
  assert.ok(score >= 0 && score <= 100, `urgency score ${score} is outside 0..100`);
  const [lo, hi] = BANDS[level];
  assert.ok(score >= lo && score <= hi, `score ${score} is outside the ${level} band ${lo}..${hi}`);
  return { level, score };
}

async function persona(page) {
  const shown = (await page.locator('#persona-label').innerText()).trim().replace(/ /g, '_');
  assert.ok(PERSONAS.includes(shown), `persona ${JSON.stringify(shown)} is not one of ${PERSONAS}`);
  assert.equal(await page.locator('.persona .bar-row').count(), PERSONAS.length, 'one probability bar per persona');
  return shown;
}

const findings = (page) => page.locator('.finding');

const tests = [
  ['triage: a complaint gets an urgency level, a 0-100 score and a persona', async ({ page }) => {
    await setComplaint(page, 'My card was stolen and someone is spending money right now!', { type: true });
    const u = await urgency(page);
    assert.ok(['high', 'critical'].includes(u.level), `a stolen card being used now is ${u.level} (${u.score}), expected high or critical`);
    await persona(page);
    const marks = page.locator('#complaint-cues mark');
    assert.ok((await marks.count()) > 0, 'the complaint is re-rendered with cues highlighted');
    assert.ok((await marks.first().getAttribute('title'))?.length > 0, 'a cue highlight says why in its title');
    const advice = page.locator('.advice li');
    assert.equal(await advice.count(), 2, 'advice for urgency and for persona');
    assert.match(await advice.first().innerText(), /Source: \S/);
  }],

  ['triage: a mild feature request is low or normal', async ({ page }) => {
    await setComplaint(page, 'It would be nice if the app had a dark mode. No rush.');
    const u = await urgency(page);
    assert.ok(['low', 'normal'].includes(u.level), `a feature request is ${u.level} (${u.score}), expected low or normal`);
    await persona(page);
  }],

  ['triage: emptying the complaint shows the empty state again', async ({ page }) => {
    await setComplaint(page, 'The invoice is wrong again.');
    await page.locator('#complaint-input').fill('');
    await page.getByText('Paste a complaint to score it').waitFor({ timeout: 5_000 });
    assert.equal(await page.locator('#urgency-level').count(), 0);
  }],

  ['reply: a non-apology and a leading question are found, and Apply fixes one', async ({ page }) => {
    const draft = "We're sorry that you are having this problem. Is there anything else wrong?";
    await setReply(page, draft);
    const before = await findings(page).count();
    assert.ok(before >= 2, `expected at least two findings, got ${before}`);
    assert.ok((await findings(page).allInnerTexts()).some((t) => t.includes('sorry that you are having')),
      'a finding shows "sorry that you are having"');
    assert.match(await page.locator('#reply-verdict').innerText(), /^(Reads as passive-aggressive|Reads fine)\s*score \d\.\d\d/);
    const underlined = page.locator('#reply-marked mark.lint');
    assert.ok((await underlined.count()) >= 2, 'each finding is underlined in the draft');
    for (const cls of await underlined.evaluateAll((els) => els.map((e) => e.className))) {
      assert.match(cls, /^lint lint-(error|warning|hint)$/);
    }

    await page.locator('.finding').getByRole('button', { name: /^Apply suggestion/ }).first().click();
    const input = page.locator('#reply-input');
    await page.waitForFunction((d) => document.querySelector('#reply-input').value !== d, draft, { timeout: 5_000 });
    const fixed = await input.inputValue();
    await page.waitForFunction((t) => document.getElementById('reply-marked')?.textContent === t, fixed, { timeout: 10_000 });
    const after = await findings(page).count();
    assert.ok(after < before, `applying a suggestion left ${after} findings (was ${before}); draft now ${JSON.stringify(fixed)}`);
  }],

  ['reply: a plain apology has no findings', async ({ page }) => {
    await setReply(page, "I'm sorry about that. How else can I help you today?");
    assert.equal(await findings(page).count(), 0, `findings: ${await findings(page).allInnerTexts()}`);
    await page.locator('.no-findings').waitFor();
    assert.match(await page.locator('#reply-verdict').innerText(), /^Reads fine/);
  }],

  ['reply: uses the complaint from the first panel when asked', async ({ page }) => {
    await setComplaint(page, 'You charged me twice for the same order.');
    const box = page.getByLabel(/answers the complaint/);
    assert.ok(await box.isChecked(), 'on by default');
    assert.match(await page.locator('.context').innerText(), /charged me twice/);
    await box.uncheck();
    assert.equal(await page.locator('.context').count(), 0);
  }],

  ['page: no console errors and no request to any other origin', async ({ page, base, diag }) => {
    await setComplaint(page, 'My card was stolen and someone is spending money right now!');
    await setReply(page, "We're sorry that you are having this problem. Is there anything else wrong?");
    await page.locator('.finding').getByRole('button', { name: /^Apply suggestion/ }).first().click();
    await page.waitForTimeout(400);
    const origin = new URL(base).origin;
    const foreign = diag.requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin);
    assert.deepEqual(foreign, [], 'requests to other origins');
    assert.ok(diag.requests.some((u) => u.endsWith('/tact_web_bg.wasm')), 'the wasm came from the server');
    assert.deepEqual(diag.errors, [], 'console errors, page errors and failed requests');
  }],

  ['layout: stacked and without sideways scrolling at 360 px', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await setComplaint(page, 'My card was stolen and someone is spending money right now!');
    await setReply(page, "We're sorry that you are having this problem. Is there anything else wrong?");
    const [a, b] = await page.locator('.panel').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
    assert.ok(b.top >= a.bottom, 'the reply panel is below the triage panel');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
  }],

  ['keyboard: labelled fields, focus outlines, Apply with Enter', async ({ page }) => {
    assert.equal(await page.getByLabel('Customer complaint').getAttribute('id'), 'complaint-input');
    assert.equal(await page.getByLabel('Reply draft').getAttribute('id'), 'reply-input');
    await setReply(page, "We're sorry that you are having this problem.");
    const draft = await page.locator('#reply-input').inputValue();
    await page.locator('#reply-input').focus();
    const button = page.locator('.finding button.apply').first();
    for (let i = 0; i < 20 && !(await button.evaluate((b) => b === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    assert.ok(await button.evaluate((b) => b === document.activeElement), 'Tab reaches the Apply button');
    const outline = await button.evaluate((b) => getComputedStyle(b).outlineStyle);
    assert.notEqual(outline, 'none', 'the focused button has a visible outline');
    await page.keyboard.press('Enter');
    await page.waitForFunction((d) => document.querySelector('#reply-input').value !== d, draft, { timeout: 5_000 });
  }],
];

let passed = 0;
let failed = 0;
let server;
let widgetServer;
let browser;
const tmp = await mkdtemp(path.join(os.tmpdir(), 'tact-browser-'));
try {
  server = await startServer();
  widgetServer = await startServer('web/dist/widget');
  browser = await launchBrowser();
  const ctx = { widgetBase: widgetServer.base, tmp };
  const all = [
    ...tests.map(([n, f]) => [n, f, true]),
    ...panelTests.map(([n, f]) => [n, f, true]),
    ...widgetTests.map(([n, f]) => [n, f, false]),
  ];
  for (const [name, fn, app] of all) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const diag = { requests: [], errors: [] };
    page.on('request', (r) => diag.requests.push(r.url()));
    page.on('console', (m) => { if (m.type() === 'error') diag.errors.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => diag.errors.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => diag.errors.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
    page.on('response', (r) => { if (r.status() >= 400) diag.errors.push(`HTTP ${r.status()}: ${r.url()}`); });
    const started = Date.now();
    try {
      if (app) await openApp(page, server.base);
      await fn({ page, base: server.base, diag, ctx });
      passed++;
      console.log(`ok   ${name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${name} (${Date.now() - started} ms)\n     ${String(e?.stack ?? e).split('\n').slice(0, 6).join('\n     ')}`);
    } finally {
      await context.close();
    }
  }
} catch (e) {
  failed++;
  console.log(`FAIL setup\n     ${e?.stack ?? e}`);
} finally {
  await browser?.close().catch(() => {});
  server?.stop();
  widgetServer?.stop();
  await rm(tmp, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
