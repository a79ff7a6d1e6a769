// Browser tests of the reply settings, the queue, the models panel, the widget package and the
// page's network policy. Run by run.mjs; each test gets { page, base, diag, ctx } where ctx
// holds the widget server's base URL and a temporary directory.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { corpusTexts, queueCsv, root, setComplaint, setReply, tactBin } from './lib.mjs';

const findings = (page) => page.locator('.finding');

/** A model trained by the real CLI on tests/browser/fixtures/urgency-small.jsonl. */
function trainSmallModel(tmp) {
  const out = path.join(tmp, 'small-urgency.tactmodel');
  execFileSync(tactBin(), [
    'train', '--task', 'urgency', '--data', 'tests/browser/fixtures/urgency-small.jsonl',
    '--out', out, '--folds', '3', '--date', '2026-01-02', '--data-licence', 'test fixture', '-q',
  ], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  return out;
}

async function scores(page) {
  return page.locator('#queue-table tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.dataset.score)));
}

const foreignRequests = (diag, base) => {
  const origin = new URL(base).origin;
  return diag.requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin);
};

export const panelTests = [
  ['reply: a dismissed finding disappears, is counted, and comes back on request', async ({ page }) => {
    await setReply(page, "We're sorry that you are having this problem. Is there anything else wrong?");
    const before = await findings(page).allInnerTexts();
    const target = findings(page).filter({ hasText: 'sorry that you are having' });
    assert.equal(await target.count(), 1, `findings: ${before}`);
    await target.getByRole('button', { name: /^Dismiss/ }).click();
    await page.locator('#dismissed-note').waitFor();
    assert.match(await page.locator('#dismissed-note').innerText(), /1 finding dismissed/);
    await page.waitForFunction((n) => document.querySelectorAll('.finding').length === n - 1, before.length);
    assert.equal(await findings(page).filter({ hasText: 'sorry that you are having' }).count(), 0);
    await page.getByRole('button', { name: 'Show them again' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('.finding').length === n, before.length);
    assert.equal(await page.locator('#dismissed-note').count(), 0);
  }],

  ['reply: the strictness switch hides hints when relaxed and shows them when strict', async ({ page }) => {
    await setReply(page, 'Kindly note that we acknowledge receipt of your correspondence. Is there anything else wrong?');
    const count = (sel) => page.locator(sel).count();
    const standard = await count('.finding');
    const hints = await count('.finding-hint');
    assert.ok(hints > 0, 'the draft has at least one hint at standard strictness');
    await page.locator('label[for=strictness-relaxed]').click();
    assert.ok(await page.getByLabel('Relaxed', { exact: true }).isChecked());
    await page.waitForFunction(() => document.querySelectorAll('.finding-hint').length === 0);
    const relaxed = await count('.finding');
    assert.ok(relaxed < standard, `relaxed shows ${relaxed} findings, standard ${standard}`);
    assert.match(await page.locator('#strictness .hint').innerText(), /0\.60/);
    await page.locator('label[for=strictness-strict]').click();
    await page.waitForFunction((n) => document.querySelectorAll('.finding').length >= n, standard);
    assert.ok(await page.getByLabel('Strict', { exact: true }).isChecked());
  }],

  ['reply: underlines are coloured by severity, and hover or focus shows why', async ({ page }) => {
    await setReply(page, "We're sorry that you are having this problem. Is there anything else wrong?");
    const mark = page.locator('#reply-marked mark.lint-error').first();
    const colours = await page.locator('#reply-marked mark.lint').evaluateAll((els) =>
      Object.fromEntries(els.map((e) => [e.className, getComputedStyle(e).textDecorationColor])));
    assert.ok(Object.keys(colours).length >= 2, `two severities underlined: ${JSON.stringify(colours)}`);
    assert.equal(new Set(Object.values(colours)).size, Object.keys(colours).length, 'each severity has its own colour');
    const why = await mark.getAttribute('data-why');
    assert.match(why ?? '', /non apology \(error\): \S/);
    const shown = () => mark.evaluate((m) => getComputedStyle(m, '::after').content);
    assert.equal(await shown(), 'none', 'the reason is hidden until hover or focus');
    await mark.focus();
    assert.ok((await shown()).includes('non apology'), `focused: ${await shown()}`);
    await page.locator('h1').hover();
    await mark.evaluate((m) => m.blur());
    await mark.hover();
    assert.ok((await shown()).includes('non apology'), 'shown on hover too');
  }],

  ['queue: pasted complaints are ranked most urgent first, with their persona', async ({ page }) => {
    const lines = [
      'It would be nice if the app had a dark mode. No rush.',
      'My card was stolen and someone is spending money right now!',
      'The invoice is wrong again, please correct it.',
    ];
    await page.locator('#queue-paste').fill(lines.join('\n'));
    await page.locator('#queue-rank-paste').click();
    await page.locator('#queue-status').waitFor();
    const rows = page.locator('#queue-table tbody tr');
    assert.equal(await rows.count(), 3);
    const s = await scores(page);
    assert.deepEqual(s, [...s].sort((a, b) => b - a), `scores ${s} are not in descending order`);
    assert.match(await rows.first().innerText(), /card was stolen/);
    const personas = await rows.evaluateAll((rs) => rs.map((r) => r.dataset.persona));
    for (const p of personas) assert.ok(['meek', 'aggressive', 'high_roller', 'chronic', 'barnacle', 'moderate'].includes(p), p);
  }],

  ['queue: a 2,000-row CSV is ranked in slices, bad rows are reported by line, and it exports', async ({ page, ctx }) => {
    const texts = await corpusTexts(400);
    const { csv, good, badLines } = queueCsv(2000, texts);
    const file = path.join(ctx.tmp, 'queue-2000.csv');
    await writeFile(file, csv);
    // Record every progress message the page shows while it ranks.
    await page.evaluate(() => {
      window.__progress = [];
      new MutationObserver(() => {
        const p = document.querySelector('#queue-progress span');
        if (p) window.__progress.push(p.textContent);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.locator('#queue-file').setInputFiles(file);
    await page.locator('#queue-status').waitFor({ timeout: 60_000 });
    const progress = await page.evaluate(() => window.__progress);
    const partial = progress.filter((t) => { const m = /^Ranked (\d+) of 2000/.exec(t); return m && +m[1] > 0 && +m[1] < 2000; });
    assert.ok(partial.length >= 2, `the page repainted while ranking (progress seen: ${JSON.stringify(progress.slice(0, 5))})`);
    const status = await page.locator('#queue-status').innerText();
    assert.match(status, new RegExp(`Ranked ${good} complaints from queue-2000.csv`));
    console.log(`     ranked ${good} rows in ${await page.locator('#queue-status').getAttribute('data-millis')} ms`);
    const bad = await page.locator('#queue-bad-rows li').allInnerTexts();
    assert.deepEqual(bad.map((t) => Number(/^line (\d+):/.exec(t)?.[1])), badLines, `bad rows: ${bad}`);
    assert.match(bad[0], /4 fields, expected 3/);
    assert.match(bad[1], /text column is empty/);
    assert.match(await page.locator('#queue-count').innerText(), new RegExp(`Showing 100 of ${good} matching \\(${good} ranked\\)`));
    const s = await scores(page);
    assert.deepEqual(s, [...s].sort((a, b) => b - a), 'most urgent first');
    await page.locator('#queue-more').click();
    assert.equal(await page.locator('#queue-table tbody tr').count(), 200);

    // Sort by line, then filter to critical complaints and export what is shown.
    await page.getByRole('button', { name: /^Line/ }).click();
    const lines = await page.locator('#queue-table tbody tr').evaluateAll((rs) => rs.map((r) => Number(r.dataset.line)));
    assert.deepEqual(lines, [...lines].sort((a, b) => a - b), 'sorted by line');
    await page.locator('#queue-filter-level').selectOption('critical');
    const levels = await page.locator('#queue-table tbody tr').evaluateAll((rs) => [...new Set(rs.map((r) => r.dataset.level))]);
    assert.deepEqual(levels, ['critical']);
    const matching = Number(/of (\d+) matching/.exec(await page.locator('#queue-count').innerText())[1]);
    assert.ok(matching > 0 && matching < good, `critical rows: ${matching}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#queue-export').click()]);
    assert.equal(download.suggestedFilename(), 'tact-ranked.csv');
    const exported = await readFile(await download.path(), 'utf8');
    const records = exported.split('\r\n').filter((l) => /^\d+,/.test(l));
    assert.equal(records.length, matching, 'one CSV record per shown row');
    assert.ok(exported.startsWith('id,text,customer,urgency_level,urgency_score,persona,persona_confidence\r\n'));
    assert.ok(records.every((r) => r.includes(',critical,')), 'every exported row is critical');
    assert.match(exported, /\nSent from my phone, ""\d+"""/, 'line breaks and quotes inside a field survive the export');
  }],

  ['models: a model trained by tact train loads, shows its metadata, and reset restores the default', async ({ page, ctx }) => {
    const file = trainSmallModel(ctx.tmp);
    const card = page.locator('#model-urgency');
    assert.match(await card.locator('.origin').innerText(), /embedded default/);
    const defaultExamples = Number(await card.locator('.model-examples').innerText());
    await page.locator('#model-file-urgency').setInputFiles(file);
    await page.locator('#model-status').waitFor();
    assert.match(await page.locator('#model-status').innerText(), /Loaded small-urgency\.tactmodel as the urgency model/);
    assert.match(await card.locator('.origin').innerText(), /from small-urgency\.tactmodel/);
    assert.equal(await card.locator('.model-examples').innerText(), '24');
    assert.match(await card.locator('.model-date').innerText(), /^2026-01-02/);
    assert.match(await card.locator('.model-sources').innerText(), /urgency-small\.jsonl \(24 rows, licence test fixture\)/);
    assert.match(await card.locator('.model-labels').innerText(), /low, normal, high, critical/);
    assert.match(await card.locator('table.metrics').innerText(), /cv3 macro f1\s+0\.\d{3}/);
    // The triage panel now scores with the new model and still works.
    await setComplaint(page, 'My card was stolen and someone is spending money right now!');
    await page.locator('#urgency-level').waitFor();
    await page.locator('#models-reset').click();
    await page.waitForFunction(() => /embedded default/.test(document.querySelector('#model-urgency .origin').textContent));
    assert.equal(Number(await card.locator('.model-examples').innerText()), defaultExamples);
    assert.ok(await page.locator('#models-reset').isDisabled());
  }],

  ['models: bad files give a clear message and the page keeps working', async ({ page, ctx }) => {
    const good = await readFile(path.join(root, 'models/urgency.tactmodel'));
    const truncated = path.join(ctx.tmp, 'truncated.tactmodel');
    await writeFile(truncated, good.subarray(0, good.length - 100));
    const flipped = Buffer.from(good);
    flipped[flipped.length - 50] ^= 0x10;
    const corrupt = path.join(ctx.tmp, 'bitflip.tactmodel');
    await writeFile(corrupt, flipped);
    const text = path.join(ctx.tmp, 'notes.tactmodel');
    await writeFile(text, 'just some notes, not a model\n');
    const cases = [
      ['urgency', truncated, /truncated\.tactmodel cannot be used as the urgency model: model file is truncated/],
      ['urgency', corrupt, /bitflip\.tactmodel .*checksum/],
      ['tone', text, /notes\.tactmodel .*not a tact model file/],
      ['urgency', path.join(root, 'models/persona.tactmodel'), /persona\.tactmodel cannot be used as the urgency model: expected a model for urgency, got a model for persona/],
    ];
    for (const [task, file, message] of cases) {
      await page.locator(`#model-file-${task}`).setInputFiles(file);
      await page.waitForFunction((f) => document.querySelector('#model-error')?.textContent.includes(f), path.basename(file));
      assert.match(await page.locator('#model-error').innerText(), message);
      assert.match(await page.locator(`#model-${task} .origin`).innerText(), /embedded default/, 'the model in use did not change');
    }
    await setComplaint(page, 'My card was stolen and someone is spending money right now!');
    assert.match(await page.locator('#urgency-level').innerText(), /high|critical/);
  }],

  ['page: the server sends a CSP that allows no outside connection, and the page obeys it', async ({ page, base }) => {
    const res = await fetch(`${base}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    for (const d of ["default-src 'self'", "connect-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "form-action 'none'"]) {
      assert.ok(csp.includes(d), `CSP ${JSON.stringify(csp)} lacks ${d}`);
    }
    assert.ok(!/https?:|\*/.test(csp), `CSP names an outside source: ${csp}`);
    const blocked = await page.evaluate(async () => {
      const seen = new Promise((resolve) => document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true }));
      const fetched = await fetch('https://example.com/collect', { method: 'POST', body: 'x' }).then(() => 'sent', (e) => `refused: ${e.name}`);
      return { fetched, directive: await seen };
    });
    assert.match(blocked.fetched, /^refused/);
    assert.equal(blocked.directive, 'connect-src');
  }],

  ['page: every panel used, and only the page\'s own assets were requested', async ({ page, base, diag, ctx }) => {
    await setComplaint(page, 'My card was stolen and someone is spending money right now!');
    await setReply(page, "We're sorry that you are having this problem. Is there anything else wrong?");
    await page.locator('.finding').getByRole('button', { name: /^Dismiss/ }).first().click();
    await page.locator('label[for=strictness-strict]').click();
    await page.locator('#queue-paste').fill('My card was stolen!\nThe invoice is wrong again.');
    await page.locator('#queue-rank-paste').click();
    await page.locator('#queue-status').waitFor();
    await Promise.all([page.waitForEvent('download'), page.locator('#queue-export').click()]);
    await page.locator('#model-file-urgency').setInputFiles(trainSmallModel(ctx.tmp));
    await page.locator('#model-status').waitFor();
    await page.waitForTimeout(300);
    assert.deepEqual(foreignRequests(diag, base), [], 'requests to other origins');
    const own = diag.requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:')).map((u) => new URL(u).pathname).sort();
    assert.deepEqual([...new Set(own)], ['/', '/bootstrap.js', '/style.css', '/tact_web.js', '/tact_web_bg.wasm']);
    assert.deepEqual(diag.errors, [], 'console errors, page errors and failed requests');
  }],

  ['layout: the queue and models panels fit 360 px without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.locator('#queue-paste').fill('My card was stolen!\nThe invoice is wrong again, and this is a long line of text that must wrap.');
    await page.locator('#queue-rank-paste').click();
    await page.locator('#queue-status').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
  }],
];

export const widgetTests = [
  ['widget: <tact-triage> on an example help-desk page follows the textarea', async ({ page, ctx, diag }) => {
    await page.goto(`${ctx.widgetBase}/`);
    const live = page.locator('#live');
    await page.waitForFunction(() => document.querySelector('#live')?.dataset.state === 'ready', null, { timeout: 15_000 });
    assert.ok(['high', 'critical'].includes(await live.getAttribute('data-level')), 'a stolen card is high or critical');
    const text = await live.evaluate((el) => el.shadowRoot.textContent);
    assert.match(text, /Urgency.*\d+\/100.*Persona/s);
    await page.locator('#ticket-body').fill('It would be nice if the app had a dark mode. No rush at all.');
    await page.waitForFunction(() => ['low', 'normal'].includes(document.querySelector('#live').dataset.level), null, { timeout: 5_000 });
    const inbox = await page.locator('.inbox tact-triage').evaluateAll((els) => els.map((e) => e.dataset.state));
    assert.deepEqual(inbox, ['ready', 'ready']);
    const event = await page.evaluate(() => new Promise((resolve) => {
      document.addEventListener('tact-triage', (e) => resolve(e.detail.urgency.level), { once: true });
      document.querySelector('#live').text = 'Someone is using my stolen card right now!';
    }));
    assert.ok(['high', 'critical'].includes(event));
    assert.deepEqual(foreignRequests(diag, ctx.widgetBase), []);
    assert.deepEqual(diag.errors, []);
    const csp = (await fetch(`${ctx.widgetBase}/`)).headers.get('content-security-policy');
    assert.match(csp ?? '', /connect-src 'self'/, 'the widget is served with the same CSP');
  }],

  ['package: analyzeComplaint, checkReply and loadModel from plain JavaScript, UTF-16 offsets with emoji', async ({ page, ctx }) => {
    await page.goto(`${ctx.widgetBase}/`);
    const r = await page.evaluate(async () => {
      const tact = await import('./tact.js');
      await tact.default();
      const complaint = '😡😡 My card was stolen and someone is spending money right now! Café closed. 🙏';
      const a = tact.analyzeComplaint(complaint);
      const reply = '🙂 We’re sorry that you are having this problem. 👍 Is there anything else wrong?';
      const c = tact.checkReply(reply, complaint, { strictness: 'relaxed' });
      const errors = [];
      for (const bytes of [new Uint8Array([1, 2, 3]), new TextEncoder().encode('TACTMODL')]) {
        try { tact.loadModel(bytes); errors.push('no error'); } catch (e) { errors.push(`${e.constructor.name}: ${e.message}`); }
      }
      let badConfig;
      try { tact.checkReply(reply, null, { strictness: 'lax' }); } catch (e) { badConfig = e.message; }
      return {
        cues: [...a.urgency.cues, ...a.persona.cues].map((q) => [complaint.slice(q.start, q.end), q.text]),
        lints: c.lints.map((l) => [reply.slice(l.start, l.end), l.text, l.severity]),
        level: a.urgency.level,
        errors,
        badConfig,
      };
    });
    assert.ok(r.cues.length > 0 && r.lints.length > 0, JSON.stringify(r));
    for (const [sliced, text] of [...r.cues, ...r.lints]) assert.equal(sliced, text, 'JS slice(start, end) gives the flagged text');
    assert.ok(r.lints.every((l) => l[2] !== 'hint'), 'the relaxed setting reached the checker');
    assert.match(r.errors[0], /^Error: not a tact model file/);
    assert.match(r.errors[1], /^Error: model file is truncated/);
    assert.match(r.badConfig, /lax/);
    const types = await readFile(path.join(root, 'web/dist/widget/tact.d.ts'), 'utf8');
    for (const t of ['analyzeComplaint(text: string): ComplaintReport', 'checkReply(reply: string, complaint: string | null | undefined, config: CheckConfig | null | undefined): ReplyReport', 'loadModel(bytes: Uint8Array | number[]): ModelInfo', 'export interface Cue']) {
      assert.ok(types.includes(t), `tact.d.ts declares ${t}`);
    }
  }],
];
