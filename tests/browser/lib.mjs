// Shared by run.mjs and screenshot.mjs: start `tact serve` on a free port, launch Debian's
// Chromium through playwright-core, open the app and wait for results to settle.
import { spawn } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Start the real server (`tact serve --port P --dir DIR`, web/dist by default) and wait until
 * it answers. Returns { base, stop }; stop() always kills it.
 */
export async function startServer(dir = 'web/dist') {
  const bin = path.resolve(root, process.env.TACT_BIN ?? 'target/debug/tact');
  const port = await freePort();
  const child = spawn(bin, ['serve', '--port', String(port), '--dir', dir], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let exited = null;
  child.stderr.on('data', (d) => { stderr += d; });
  child.on('exit', (code, signal) => { exited = { code, signal }; });
  const spawnError = new Promise((_, reject) => child.on('error', reject));
  const stop = () => {
    if (exited === null && child.exitCode === null) child.kill('SIGTERM');
  };
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  try {
    for (;;) {
      if (exited) throw new Error(`tact serve exited (${JSON.stringify(exited)}): ${stderr.trim()}`);
      try {
        const res = await Promise.race([fetch(`${base}/`), spawnError]);
        if (res.ok) break;
      } catch (e) {
        if (e?.code === 'ENOENT') throw new Error(`${bin} not found: build it with cargo build -p tact-cli, or set TACT_BIN`);
        if (Date.now() > deadline) throw new Error(`tact serve did not answer on ${base} within 20 s: ${stderr.trim()}`);
      }
      await sleep(100);
    }
  } catch (e) {
    stop();
    throw e;
  }
  return { base, stop };
}

/** Chromium, headless, with a fresh temporary profile (playwright makes one per launch). */
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** Open the app and wait until the models are loaded (or fail with the page's error). */
export async function openApp(page, base) {
  await page.goto(`${base}/`);
  await page.locator('#complaint-input').waitFor({ state: 'visible', timeout: 15_000 });
  await page.waitForFunction(
    () => document.querySelector('#engine-error') || document.querySelectorAll('.empty').length === 2,
    null,
    { timeout: 15_000 },
  );
  const err = page.locator('#engine-error');
  if (await err.count()) throw new Error(`the page shows an engine error: ${await err.innerText()}`);
}

/** Wait until the re-rendered text in `#id` is `text`, i.e. the debounced scoring has run on it. */
export async function settled(page, id, text) {
  await page.waitForFunction(
    ([id, text]) => document.getElementById(id)?.textContent === text,
    [id, text],
    { timeout: 10_000 },
  );
}

/** Replace the complaint and wait for its scores. */
export async function setComplaint(page, text, { type = false } = {}) {
  const input = page.locator('#complaint-input');
  if (type) {
    await input.fill('');
    await input.pressSequentially(text);
  } else {
    await input.fill(text);
  }
  await settled(page, 'complaint-cues', text);
}

/** Replace the reply draft and wait for its check. */
export async function setReply(page, text) {
  await page.locator('#reply-input').fill(text);
  await settled(page, 'reply-marked', text);
}

/** The tact binary the tests use (for `tact train` in the model tests). */
export const tactBin = () => path.resolve(root, process.env.TACT_BIN ?? 'target/debug/tact');

/**
 * A CSV of `n` complaints for the queue: a BOM, CRLF line ends, a header with the text in
 * the second column, quoted fields with commas, quotes and line breaks, and the given bad
 * rows at fixed places. Returns { csv, good, badLines } (badLines: the 1-based lines of the
 * bad rows).
 */
export function queueCsv(n, texts) {
  const quote = (s) => `"${s.replace(/"/g, '""')}"`;
  const lines = ['id,text,customer'];
  const badLines = [];
  let line = 2;
  let good = 0;
  for (let i = 0; i < n; i++) {
    if (i === 10) {
      lines.push('bad-1,"this row has, too many",fields,here');
      badLines.push(line++);
    }
    if (i === 500) {
      lines.push('bad-2,,nobody');
      badLines.push(line++);
    }
    const t = texts[i % texts.length];
    const text = i % 7 === 0 ? `${t}\nSent from my phone, "${i}"` : t;
    lines.push(`${i},${quote(text)},${quote(`customer ${i % 97}`)}`);
    line += text.split('\n').length;
    good++;
  }
  return { csv: '\ufeff' + lines.join('\r\n') + '\r\n', good, badLines };
}

/** Complaint texts from the repo's corpus (read in place). */
export async function corpusTexts(limit) {
  const dir = path.join(root, 'models/corpus/complaints');
  const out = [];
  for (const f of (await readdir(dir)).sort()) {
    for (const line of (await readFile(path.join(dir, f), 'utf8')).split('\n')) {
      if (line.trim()) out.push(JSON.parse(line).text);
      if (out.length >= limit) return out;
    }
  }
  return out;
}

