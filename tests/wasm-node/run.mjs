// The wasm API never lets a panic through: the fuzz corpora and the bad inputs of
// tests/bad_input.rs go through analyzeComplaint, checkReply and loadModel of the real
// wasm32 build (profile wasm-release, panic = abort, so a panic would surface as a
// WebAssembly.RuntimeError "unreachable"). Every call must return a report or throw a JS
// Error with a message; reports keep their contract (UTF-16 spans that slice to their text,
// scores in range). Then 100k calls must leave the wasm memory and the JS heap flat.
//
//   scripts/build-wasm-node && node --expose-gc tests/wasm-node/run.mjs
//
// TACT_WASM_NODE=path/to/tact_wasm.js to test another build; WASM_NODE_CALLS=N for the
// memory loop (default 100000); FUZZ_FOUND_LIMIT=N files per target from fuzz/found/ (the
// fuzzer's generated corpus, when present; default 3000). Ends with "N passed, N failed".
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const pkg = process.env.TACT_WASM_NODE ?? path.join(root, 'target/wasm-node/tact_wasm.js');
if (!fs.existsSync(pkg)) {
  console.error(`${pkg} not found: run scripts/build-wasm-node first`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const tact = require(pkg);

let passed = 0;
let failed = 0;
function test(name, fn) {
  try {
    fn();
    passed += 1;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed += 1;
    console.log(`FAIL ${name}\n     ${e && e.stack ? e.stack.split('\n').slice(0, 4).join('\n     ') : e}`);
  }
}
function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

// One call: a value, or a JS Error with a message. Anything else (a RuntimeError from a
// panic or a trap, a thrown non-Error, an empty message) is recorded as a failure.
const bad = [];
let calls = 0;
let errors = 0;
function call(what, fn) {
  calls += 1;
  try {
    return { value: fn() };
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError || !(e instanceof Error) || !e.message) {
      bad.push(`${what}: ${e instanceof Error ? `${e.name}: ${e.message}` : typeof e}`);
    } else {
      errors += 1;
    }
    return { error: e };
  }
}

function checkSpans(text, items, what) {
  for (const it of items) {
    assert(Number.isInteger(it.start) && Number.isInteger(it.end) && it.start <= it.end,
      `${what}: span ${it.start}..${it.end}`);
    assert(text.slice(it.start, it.end) === it.text,
      `${what}: text.slice(${it.start}, ${it.end}) = ${JSON.stringify(text.slice(it.start, it.end))}, not ${JSON.stringify(it.text)}`);
  }
}
// UTF-16 spans only mean something for well-formed strings (a lone surrogate becomes U+FFFD
// on its way into Rust).
const wellFormed = (s) => typeof s === 'string' && (s.isWellFormed ? s.isWellFormed() : !/[\uD800-\uDFFF]/.test(s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '')));

function complaintOk(text, r) {
  assert(r && r.urgency && r.persona, 'a complaint report');
  const u = r.urgency;
  assert(Number.isInteger(u.score) && u.score >= 0 && u.score <= 100, `urgency score ${u.score}`);
  const sum = Object.values(u.probabilities).reduce((a, b) => a + b, 0);
  assert(Math.abs(sum - 1) < 1e-3, `probabilities sum to ${sum}`);
  if (wellFormed(text)) {
    checkSpans(text, u.cues, 'urgency cue');
    checkSpans(text, r.persona.cues, 'persona cue');
  }
}
function replyOk(text, r) {
  assert(r && Array.isArray(r.lints), 'a reply report');
  assert(Number.isFinite(r.score) && r.score >= 0 && r.score <= 1, `score ${r.score}`);
  if (wellFormed(text)) checkSpans(text, r.lints, 'lint');
}

// Every input text goes through all three entry points.
function feedText(text, what) {
  const a = call(`analyzeComplaint(${what})`, () => tact.analyzeComplaint(text));
  if ('value' in a && typeof text === 'string') complaintOk(text, a.value);
  const c = call(`checkReply(${what})`, () => tact.checkReply(text, undefined, undefined));
  if ('value' in c && typeof text === 'string') replyOk(text, c.value);
  const d = call(`checkReply(${what}, complaint, strict)`, () =>
    tact.checkReply(text, typeof text === 'string' ? text.slice(0, 80) : text, { strictness: 'strict' }));
  if ('value' in d && typeof text === 'string') replyOk(text, d.value);
}
function feedConfig(config, what) {
  const r = call(`checkReply(config ${what})`, () =>
    tact.checkReply("We're sorry that you are having this problem.", null, config));
  return r;
}
function feedModel(bytes, what) {
  const r = call(`loadModel(${what})`, () => tact.loadModel(bytes));
  if ('value' in r) {
    // A model that loads must work.
    const a = call(`analyzeComplaint after loadModel(${what})`, () => tact.analyzeComplaint('Where is my refund??'));
    if ('value' in a) complaintOk('Where is my refund??', a.value);
    call('resetModels', () => tact.resetModels());
  }
  return r;
}

const decoder = new TextDecoder('utf-8'); // lossy, like the fuzz targets
function files(dir, limit = Infinity) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).sort().slice(0, limit).map((f) => fs.readFileSync(path.join(dir, f)));
}
const workLimit = Number(process.env.FUZZ_FOUND_LIMIT ?? 3000);
const corpus = (t) => [
  ...files(path.join(root, 'fuzz/corpus', t)),
  ...files(path.join(root, 'fuzz/found', t), workLimit),
];

test('the fuzz corpora of analyze, check, jsonl and csv, as text', () => {
  let n = 0;
  for (const t of ['analyze', 'check', 'jsonl', 'csv']) {
    for (const bytes of corpus(t)) {
      feedText(decoder.decode(bytes), `${t} corpus`);
      n += 1;
    }
  }
  assert(n >= 80, `only ${n} corpus files`);
  assert(bad.length === 0, bad.slice(0, 5).join('; '));
});

test('the check corpus, as settings', () => {
  for (const bytes of corpus('check')) {
    const text = decoder.decode(bytes);
    const brace = text.indexOf('{');
    let config;
    try {
      config = JSON.parse(brace >= 0 ? text.slice(brace) : text);
    } catch {
      config = text; // a string is not a plain object: must throw a clear error
    }
    feedConfig(config, 'from the check corpus');
  }
  assert(bad.length === 0, bad.slice(0, 5).join('; '));
});

test('the model corpus and broken copies of the shipped models through loadModel', () => {
  let n = 0;
  for (const bytes of corpus('model')) {
    // The fuzz target's first byte picks a mode; the rest is a file or a payload.
    feedModel(bytes, 'model corpus');
    feedModel(bytes.subarray(1), 'model corpus without its mode byte');
    n += 1;
  }
  assert(n >= 10, `only ${n} model corpus files`);
  for (const name of ['urgency', 'persona', 'tone']) {
    const real = fs.readFileSync(path.join(root, 'models', `${name}.tactmodel`));
    const ok = feedModel(real, name);
    assert('value' in ok && ok.value.task === name, `the shipped ${name} model loads`);
    const cases = {
      empty: new Uint8Array(0),
      'magic only': real.subarray(0, 8),
      'header only': real.subarray(0, 28),
      truncated: real.subarray(0, real.length - 1),
    };
    const v2 = Uint8Array.from(real); v2[8] = 2; cases['version 2'] = v2;
    const flip = Uint8Array.from(real); flip[flip.length >> 1] ^= 4; cases['bit flipped'] = flip;
    for (const [what, bytes] of Object.entries(cases)) {
      const r = feedModel(bytes, `${name} ${what}`);
      assert('error' in r, `${name} ${what} was accepted`);
    }
    const v = feedModel(v2, `${name} version 2`);
    assert(/version 2 is not supported/.test(v.error?.message), v.error?.message);
  }
  for (let i = 0; i < 200; i += 1) {
    const bytes = new Uint8Array(1 + (i * 37) % 300);
    for (let j = 0; j < bytes.length; j += 1) bytes[j] = (i * 131 + j * 17) & 255;
    if (i % 2 === 0 && bytes.length >= 8) bytes.set(new TextEncoder().encode('TACTMODL'));
    feedModel(bytes, `pseudo-random ${i}`);
  }
  assert(bad.length === 0, bad.slice(0, 5).join('; '));
});

test('bad and odd text: empty, 1 MB, 10k emoji, RTL, zero-width, NUL, lone surrogates', () => {
  const texts = {
    empty: '',
    blank: ' \n\t\r\n\u00a0\u3000',
    '1 MB': "My card was stolen right now! We're sorry that you are having this problem. 😀 ".repeat(13000),
    '1 MB word': 'a'.repeat(1 << 20),
    '10k emoji': '😀'.repeat(10000),
    'ZWJ emoji': '👩\u200d💻👍🏽🇬🇧'.repeat(2500),
    RTL: 'مرحبا، طلبي متأخر منذ أسبوعين! \u202eWe are sorry that you are having this problem.\u202c',
    'zero-width': 'We\u200b\u2019re sorry that you are\u200d having this problem.\ufeff',
    combining: 'Re\u0301fund me now! \u0301\u0308\u0323 e\u0301\u0301\u0301',
    NUL: 'my order\0 is late\0\0',
    'lone surrogates': 'refund \ud800 now \udc00 please \ud83d',
    controls: Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('word '),
  };
  for (const [what, text] of Object.entries(texts)) feedText(text, what);
  const r = tact.checkReply('', undefined, undefined);
  assert(r.passive_aggressive === false && r.lints.length === 0, `empty reply: ${JSON.stringify(r)}`);
  const big = tact.checkReply(texts['1 MB'], undefined, undefined);
  assert(big.lints.length > 1000, `1 MB: ${big.lints.length} lints`);
  assert(bad.length === 0, bad.slice(0, 5).join('; '));
});

// Known escape, in tact-wasm (not this test's to fix): a non-string where a text is expected
// reaches wasm-bindgen's string glue, which traps ("memory access out of bounds") instead of
// throwing. Reported; listed here so that it shows on every run, and so that this test says
// when it is fixed. Every other wrong type must throw an Error.
// Every wrong type now throws a named Error (tact-wasm's string_arg); none is a known trap.
const KNOWN_TEXT_TYPE_TRAPS = [];
let known = 0;
test('wrong argument types and bad settings throw Errors with a message', () => {
  for (const [what, v] of Object.entries({ number: 42, null: null, undefined, object: {}, array: [1], bigint: 1n, symbol: Symbol('s') })) {
    const before = bad.length;
    feedText(v, what);
    if (KNOWN_TEXT_TYPE_TRAPS.includes(what)) {
      const escaped = bad.splice(before);
      known += escaped.length;
      for (const e of escaped) console.log(`     known issue (tact-wasm): ${e}`);
      if (escaped.length === 0) console.log(`     fixed: a ${what} text now throws; drop it from KNOWN_TEXT_TYPE_TRAPS`);
    }
    feedModel(v, what);
  }
  const cyclic = {}; cyclic.self = cyclic;
  const configs = {
    'unknown strictness': { strictness: 'nope' },
    'unknown rule': { disabled: ['nope'] },
    'disabled not a list': { disabled: 'non_apology' },
    'unknown field': { colour: 'red' },
    'dismissed without text': { dismissed: [{ rule: 'non_apology' }] },
    number: 42,
    string: 'strict',
    array: [],
    cyclic,
    bigint: { strictness: 1n },
  };
  for (const [what, c] of Object.entries(configs)) {
    const r = feedConfig(c, what);
    if (what !== 'array') assert('error' in r, `config ${what} was accepted`);
  }
  const e = feedConfig({ disabled: ['nope'] }, 'unknown rule').error;
  assert(/nope/.test(e?.message), `the error names the bad rule: ${e?.message}`);
  assert(bad.length === 0, bad.slice(0, 5).join('; '));
});

test('memory stays flat over 100k calls', () => {
  // A fresh instance: the 1 MB inputs above left tens of MB of free wasm memory, in which a
  // leak would hide without growing the memory.
  delete require.cache[require.resolve(pkg)];
  const tact = require(pkg);
  const memory = tact.__wasmMemory?.();
  assert(memory instanceof WebAssembly.Memory, 'the test hook of scripts/build-wasm-node is missing');
  const gc = globalThis.gc ?? (() => {});
  const texts = [
    'Where is my refund??',
    "We're sorry that you are having this problem. Is there anything else wrong?",
    'My card was stolen and someone is spending money right now! 😀',
    'مرحبا، طلبي متأخر',
    'I\u2019m sure you\u2019ll figure it out. As I already explained, the refund takes 5 days.',
    'This is the third time I am writing. My card was charged twice for the same order (#88123, $64.20) and nobody has answered.',
  ];
  const n = Number(process.env.WASM_NODE_CALLS ?? 100000);
  const round = (i) => {
    const t = texts[i % texts.length] + ' ' + (i % 97);
    if (i % 3 === 0) return tact.analyzeComplaint(t);
    if (i % 3 === 1) return tact.checkReply(t, undefined, undefined);
    try {
      return tact.checkReply(t, texts[(i + 1) % texts.length], i % 2 ? { strictness: 'relaxed' } : { disabled: ['nope'] });
    } catch (e) {
      return e; // the bad config half of the time: errors must not leak either
    }
  };
  for (let i = 0; i < 3000; i += 1) round(i); // warm-up: the allocator reaches its working size
  gc();
  const wasm0 = memory.buffer.byteLength;
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = Date.now();
  for (let i = 0; i < n; i += 1) round(i);
  const secs = (Date.now() - t0) / 1000;
  gc();
  const wasmGrowth = memory.buffer.byteLength - wasm0;
  const heapGrowth = process.memoryUsage().heapUsed - heap0;
  console.log(`     ${n} calls in ${secs.toFixed(1)} s; wasm memory ${wasm0} -> ${memory.buffer.byteLength} bytes (+${wasmGrowth}); JS heap ${(heap0 / 2 ** 20).toFixed(1)} -> ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(1)} MiB`);
  // Bounds: wasm memory grows in 64 KiB pages and never shrinks, so a leak of even 16 bytes a
  // call would add 1.6 MB over 100k calls; 1 MiB (16 pages) leaves room for allocator
  // fragmentation only. Each report is a JS object of about 2 KB: keeping even 1 in 20 of
  // them would add 10 MB to the heap; 8 MiB leaves room for the engine's own noise.
  assert(wasmGrowth <= 1 << 20, `wasm memory grew by ${wasmGrowth} bytes over ${n} calls`);
  if (globalThis.gc) assert(heapGrowth <= 8 << 20, `JS heap grew by ${heapGrowth} bytes over ${n} calls`);
  else console.log('     (run node with --expose-gc to check the JS heap too)');
});

console.log(`     ${calls} calls checked, ${errors} of them threw a JS Error with a message, ${bad.length} escaped otherwise, ${known} known escapes (non-string text)`);
for (const b of bad.slice(0, 20)) console.log(`     escaped: ${b}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
