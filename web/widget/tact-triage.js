// <tact-triage>: urgency and persona of a complaint, scored in the page by tact's WebAssembly
// build (tact.js + tact_bg.wasm next to this file). Nothing is sent anywhere.
//
//   <script type="module" src="tact-triage.js"></script>
//   <tact-triage for="ticket-body"></tact-triage>       <!-- follows a textarea as it is typed -->
//   <tact-triage text="My card was stolen!"></tact-triage>  <!-- or scores a fixed text -->
//
// Set `el.text = "..."` from script to score any text. Every new result is also sent as a
// `tact-triage` event (bubbling) whose `detail` is the report of analyzeComplaint().
import init, { analyzeComplaint } from './tact.js';

let ready = null;
/** Load the WebAssembly once per page, however many widgets there are. */
function load() {
  ready ??= init();
  return ready;
}

const DEBOUNCE_MS = 150;

const CSS = `
:host { display: block; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1c2530; }
.box { border: 1px solid #d9dee5; border-radius: 8px; padding: 0.6rem 0.75rem; background: #fff; }
.row { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.35rem 0.6rem; }
.level { font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; font-size: 0.8rem; color: #fff; border-radius: 999px; padding: 0.05rem 0.5rem; }
.low { background: #2e8b57; } .normal { background: #2f6fbf; } .high { background: #b8690f; } .critical { background: #c0392b; }
.score { font-variant-numeric: tabular-nums; font-weight: 600; }
.track { height: 0.4rem; background: #eceff3; border-radius: 999px; overflow: hidden; margin: 0.35rem 0; }
.fill { height: 100%; border-radius: 999px; }
.muted { color: #5b6676; }
.error { color: #c0392b; margin: 0; }
.muted:only-child { margin: 0; }
.advice { margin: 0.3rem 0 0; }
.cues { margin: 0.25rem 0 0; color: #5b6676; font-size: 0.85rem; }
q { font-style: normal; }
`;

class TactTriage extends HTMLElement {
  static observedAttributes = ['for', 'text'];

  #text = '';
  #timer = 0;
  #source = null;
  #onInput = () => this.#schedule(this.#source?.value ?? '');

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
    this.box = document.createElement('div');
    this.box.className = 'box';
    this.box.setAttribute('role', 'status');
    this.box.setAttribute('aria-live', 'polite');
    root.append(this.box);
  }

  connectedCallback() {
    this.#follow();
    if (!this.#source) this.#schedule(this.getAttribute('text') ?? this.#text, 0);
  }

  disconnectedCallback() {
    this.#source?.removeEventListener('input', this.#onInput);
    this.#source = null;
    clearTimeout(this.#timer);
  }

  attributeChangedCallback(name) {
    if (!this.isConnected) return;
    if (name === 'for') this.#follow();
    else if (!this.#source) this.#schedule(this.getAttribute('text') ?? '', 0);
  }

  /** The text being scored. */
  get text() { return this.#text; }
  set text(value) { this.#schedule(String(value ?? ''), 0); }

  /** The last report, or null. */
  report = null;

  #follow() {
    this.#source?.removeEventListener('input', this.#onInput);
    const id = this.getAttribute('for');
    this.#source = id ? document.getElementById(id) : null;
    if (id && !this.#source) {
      this.#show(`tact-triage: no element with id "${id}" to follow.`, true);
      return;
    }
    if (this.#source) {
      this.#source.addEventListener('input', this.#onInput);
      this.#schedule(this.#source.value ?? '', 0);
    }
  }

  #schedule(text, delay = DEBOUNCE_MS) {
    this.#text = text;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#score(text), delay);
  }

  async #score(text) {
    if (!text.trim()) {
      this.report = null;
      this.#show('Type or paste a complaint to see its urgency and persona.');
      return;
    }
    try {
      await load();
    } catch (e) {
      this.#show(`tact could not start (it needs WebAssembly): ${e}`, true);
      return;
    }
    if (text !== this.#text) return; // a newer text is on its way
    let report;
    try {
      report = analyzeComplaint(text);
    } catch (e) {
      this.#show(`tact could not score this text: ${e?.message ?? e}`, true);
      return;
    }
    this.report = report;
    this.#render(report);
    this.dispatchEvent(new CustomEvent('tact-triage', { detail: report, bubbles: true }));
  }

  #show(message, error = false) {
    const p = document.createElement('p');
    p.className = error ? 'error' : 'muted';
    p.textContent = message;
    this.box.replaceChildren(p);
    this.dataset.state = error ? 'error' : 'empty';
  }

  #render(r) {
    const el = (tag, cls, text) => {
      const e = document.createElement(tag);
      if (cls) e.className = cls;
      if (text !== undefined) e.textContent = text;
      return e;
    };
    const { urgency: u, persona: p } = r;
    const head = el('div', 'row');
    const level = el('span', `level ${u.level}`, u.level);
    level.part = 'level';
    head.append(
      el('span', 'muted', 'Urgency'), level, el('span', 'score', `${u.score}/100`),
      el('span', 'muted', '· Persona'), el('strong', 'persona', p.label.replace(/_/g, ' ')),
      el('span', 'muted', `${Math.round(p.confidence * 100)}%`),
    );
    const track = el('div', 'track');
    const fill = el('div', `fill ${u.level}`);
    fill.style.width = `${Math.min(100, u.score)}%`;
    track.append(fill);
    const parts = [head, track];
    const first = r.advice[0];
    if (first) parts.push(el('p', 'advice', first.text));
    const cues = [...u.cues, ...p.cues].map((c) => c.text).filter((t, i, all) => all.indexOf(t) === i).slice(0, 6);
    if (cues.length) {
      const line = el('p', 'cues', 'Because of: ');
      cues.forEach((c, i) => line.append(i ? ', ' : '', el('q', '', c)));
      parts.push(line);
    }
    this.box.replaceChildren(...parts);
    this.dataset.state = 'ready';
    this.dataset.level = u.level;
    this.dataset.score = String(u.score);
    this.dataset.persona = p.label;
  }
}

if (!customElements.get('tact-triage')) customElements.define('tact-triage', TactTriage);

export { TactTriage, analyzeComplaint };
