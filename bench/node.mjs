// The Node half of scripts/bench: tact-wasm against the JavaScript peers, in one process per
// measurement. Prints one JSON object.
//
//   node bench/node.mjs latency --wasm DIR --fasttext MODEL.ftz --docs throughput.txt [--calls N]
//       per-call latency of tact-wasm analyzeComplaint against fastText's wasm build
//       (fasttext.wasm.js) predicting with a model trained on the benchmark corpus
//   node bench/node.mjs replies --wasm DIR --repo DIR [--calls N]
//       reply-check latency on the 65-word reply of crates/tact-core/benches/engine.rs
//       (tact-wasm checkReply, harper.js, alex, write-good), and what each flags on the
//       same 50 test-split replies of models/corpus/replies
//   node bench/node.mjs cold tact|harper --wasm DIR
//   --wasm-o3 DIR (latency, replies): also the same crate built at opt-level 3
//       import + init + first result, in this fresh process
//
// DIR is tact-wasm built with `wasm-bindgen --target nodejs` (scripts/bench does it).

import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

function args() {
  const [mode, ...rest] = process.argv.slice(2);
  const a = { mode, pos: [] };
  for (let i = 0; i < rest.length; i++) {
    if (rest[i].startsWith('--')) a[rest[i].slice(2)] = rest[++i];
    else a.pos.push(rest[i]);
  }
  return a;
}

function fail(msg) {
  console.error(`bench/node.mjs: ${msg}`);
  process.exit(1);
}

function need(a, key) {
  if (a[key] === undefined) fail(`--${key} is required for ${a.mode}`);
  return a[key];
}

function loadTact(dir) {
  return require(resolve(dir, 'tact_wasm.js'));
}

function quantiles(times) {
  const s = [...times].sort((x, y) => x - y);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median_us: q(0.5) * 1000, p95_us: q(0.95) * 1000, calls: s.length };
}

// Time each call; `fn` may return a promise (harper.js's API is async), awaited inside.
async function perCall(fn, inputs, calls, warmup = 20) {
  for (let i = 0; i < warmup; i++) await fn(inputs[i % inputs.length]);
  const times = [];
  for (let i = 0; i < calls; i++) {
    const x = inputs[i % inputs.length];
    const t0 = performance.now();
    await fn(x);
    times.push(performance.now() - t0);
  }
  return quantiles(times);
}

async function harperLinter() {
  const { LocalLinter } = await import('harper.js');
  const { binary } = await import('harper.js/binary');
  const linter = new LocalLinter({ binary });
  await linter.setup();
  return linter;
}

async function latency(a) {
  const tact = loadTact(need(a, 'wasm'));
  const docs = readFileSync(need(a, 'docs'), 'utf8').split('\n').filter((l) => l.length);
  const calls = Number(a.calls ?? 5000);
  const { getFastTextModule, getFastTextClass } = await import('fasttext.wasm.js');
  const FastText = await getFastTextClass({ getFastTextModule });
  const ft = new FastText();
  const model = await ft.loadModel(pathToFileURL(resolve(need(a, 'fasttext'))).href);
  const ftPredict = (t) => {
    const v = model.predict(t.toLowerCase(), 1, 0.0);
    const top = v.size() > 0 ? v.get(0)[1] : null;
    v.delete();
    return top;
  };
  if (!ftPredict(docs[0])?.startsWith('__label__')) fail('fastText wasm gave no label');
  const fast = a['wasm-o3'] ? loadTact(a['wasm-o3']) : null;
  const out = {};
  // Interleaved in rounds so that a burst of load from elsewhere hits both alike.
  const rounds = 5;
  const per = Math.ceil(calls / rounds);
  const tTimes = [];
  const oTimes = [];
  const fTimes = [];
  for (let r = 0; r < rounds; r++) {
    const slice = docs.slice((r * per) % docs.length).concat(docs).slice(0, per);
    tTimes.push(...(await perCallRaw((d) => tact.analyzeComplaint(d), slice)));
    if (fast) oTimes.push(...(await perCallRaw((d) => fast.analyzeComplaint(d), slice)));
    fTimes.push(...(await perCallRaw(ftPredict, slice)));
  }
  out.tact_analyze = quantiles(tTimes);
  if (fast) out.tact_analyze_o3 = quantiles(oTimes);
  out.fasttext_predict = quantiles(fTimes);
  return out;
}

async function perCallRaw(fn, inputs) {
  for (let i = 0; i < Math.min(20, inputs.length); i++) await fn(inputs[i]);
  const times = [];
  for (const x of inputs) {
    const t0 = performance.now();
    await fn(x);
    times.push(performance.now() - t0);
  }
  return times;
}

function reply65(repo) {
  const src = readFileSync(join(repo, 'crates/tact-core/benches/engine.rs'), 'utf8');
  const m = src.match(/const REPLY_65: &str = "((?:[^"\\]|\\.)*)";/s);
  if (!m) fail('REPLY_65 not found in crates/tact-core/benches/engine.rs');
  // Rust string continuation: a backslash-newline drops the newline and leading spaces.
  const text = m[1].replace(/\\\n\s*/g, '').replace(/\\"/g, '"');
  const words = text.split(/\s+/).filter(Boolean).length;
  if (words !== 65) fail(`REPLY_65 has ${words} words, not 65`);
  return text;
}

// 50 test-split replies: the first 25 labelled passive-aggressive and the first 25 not, in
// file order (sorted file names), so that "flags" can be read against the labels.
function replies50(repo) {
  const dir = join(repo, 'models/corpus/replies');
  const rows = [];
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    readFileSync(join(dir, f), 'utf8').split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      let r;
      try {
        r = JSON.parse(line);
      } catch (e) {
        fail(`${f}:${i + 1}: ${e.message}`);
      }
      if (r.split === 'test') rows.push({ text: r.reply, pa: r.passive_aggressive === true });
    });
  }
  const pa = rows.filter((r) => r.pa).slice(0, 25);
  const ok = rows.filter((r) => !r.pa).slice(0, 50 - pa.length);
  if (pa.length + ok.length < 50) fail(`only ${pa.length + ok.length} test replies found`);
  return [...pa, ...ok];
}

async function replies(a) {
  const tact = loadTact(need(a, 'wasm'));
  const repo = need(a, 'repo');
  const calls = Number(a.calls ?? 300);
  const reply = reply65(repo);
  const harper = await harperLinter();
  const alex = await import('alex');
  const writeGood = require('write-good');
  const fast = a['wasm-o3'] ? loadTact(a['wasm-o3']) : null;
  const tools = {
    tact: (t) => tact.checkReply(t).lints.length,
    ...(fast ? { 'tact -O3': (t) => fast.checkReply(t).lints.length } : {}),
    'harper.js': async (t) => {
      const lints = await harper.lint(t, { language: 'plaintext' });
      const n = lints.length;
      for (const l of lints) l.free();
      return n;
    },
    alex: (t) => alex.text(t).messages.length,
    'write-good': (t) => writeGood(t).length,
  };
  const out = { reply_words: 65, latency: {}, flags: {} };
  // Latency, interleaved in rounds.
  const rounds = 3;
  const times = Object.fromEntries(Object.keys(tools).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [name, fn] of Object.entries(tools)) {
      times[name].push(...(await perCallRaw(fn, Array(Math.ceil(calls / rounds)).fill(reply))));
    }
  }
  for (const name of Object.keys(tools)) out.latency[name] = quantiles(times[name]);
  // What each flags on the same 50 replies.
  const set = replies50(repo);
  for (const [name, fn] of Object.entries(tools)) {
    let findings = 0;
    let flaggedPa = 0;
    let flaggedOk = 0;
    for (const r of set) {
      const n = await fn(r.text);
      findings += n;
      if (n > 0 && r.pa) flaggedPa++;
      if (n > 0 && !r.pa) flaggedOk++;
    }
    out.flags[name] = {
      replies: set.length,
      passive_aggressive: set.filter((r) => r.pa).length,
      findings,
      flagged_passive_aggressive: flaggedPa,
      flagged_ok: flaggedOk,
    };
  }
  // tact's lints without the good-practice hints, and its verdict (the score, not the lints).
  const strong = (t) => tact.checkReply(t).lints.filter((l) => l.severity !== 'hint').length;
  out.flags.tact.flagged_passive_aggressive_no_hints = set.filter((r) => r.pa && strong(r.text) > 0).length;
  out.flags.tact.flagged_ok_no_hints = set.filter((r) => !r.pa && strong(r.text) > 0).length;
  out.flags.tact.verdict_passive_aggressive = set.filter(
    (r) => r.pa && tact.checkReply(r.text).passive_aggressive,
  ).length;
  out.flags.tact.verdict_ok = set.filter(
    (r) => !r.pa && tact.checkReply(r.text).passive_aggressive,
  ).length;
  return out;
}

async function cold(a) {
  const which = a.pos[0];
  const text = 'We are sorry that you are having this problem. Is there anything else wrong?';
  const t0 = performance.now();
  let result;
  if (which === 'tact') {
    const tact = loadTact(need(a, 'wasm'));
    result = tact.checkReply(text).lints.length;
  } else if (which === 'harper') {
    const linter = await harperLinter();
    result = (await linter.lint(text, { language: 'plaintext' })).length;
  } else {
    fail(`cold: expected tact or harper, got ${which}`);
  }
  const ms = performance.now() - t0;
  return { tool: which, cold_ms: ms, first_result_findings: result };
}

const a = args();
const modes = { latency, replies, cold };
if (!modes[a.mode]) fail(`mode must be one of ${Object.keys(modes).join(', ')}`);
console.log(JSON.stringify(await modes[a.mode](a)));
