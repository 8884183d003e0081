// Longer than 300 lines: a catalogue of generated hostile pages, one short function a case, and their server.
import { listenLocal, type LocalServer } from '../../../scripts/local-server';

/**
 * Hostile pages for tests/e2e/hostile-pages.e2e.test.ts, generated here and served from 127.0.0.1. Every
 * page starts with the same instrumentation script, in the page's own world, which records what a page
 * can see of Gloss: DOM mutations outside the page's own live areas, its readable text when the DOM was
 * loaded, and how late its own timer ticks run. Actors come from the built-in World news pack.
 */

/** Read by the instrumentation and by the probes; `data-live` marks what the page itself keeps changing. */
const LIVE = '[data-live]';

/**
 * First script of every page. Captures what it needs before a hostile script can replace it, and does its
 * own work with `__probing` set, which the hostile overrides let through (so a page's own code still runs).
 */
const INSTRUMENT = `(() => {
  const T = (window.__hostileTest = { mutations: [], textBefore: null, maxGapMs: 0, ticks: 0, measuring: false });
  const MO = MutationObserver, setInt = setInterval, now = performance.now.bind(performance);
  const bypass = (fn) => { const was = window.__probing; window.__probing = true; try { return fn(); } finally { window.__probing = was; } };
  T.bypass = bypass;
  const live = (n) => { const el = n.nodeType === 1 ? n : n.parentElement; return !!el && el.closest('${LIVE}') !== null; };
  // Gloss's elements have random custom-element names; these pages use none of their own.
  const ours = (n) => n.nodeType === 1 && n.localName.includes('-');
  T.text = () => bypass(() => {
    let out = '';
    const walk = (node) => {
      for (let c = node.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 3) out += c.data;
        else if (c.nodeType === 1 && !/^(SCRIPT|STYLE|TEMPLATE)$/.test(c.tagName) && !c.matches('${LIVE}')) walk(c);
      }
    };
    if (document.body) walk(document.body);
    return out;
  });
  const observer = new MO((records) => bypass(() => {
    if (T.textBefore === null) return;
    for (const r of records) {
      if (live(r.target)) continue;
      const nodes = [...r.addedNodes, ...r.removedNodes].filter((n) => !ours(n));
      if (r.type === 'childList' && nodes.length === 0) continue;
      const at = r.target.nodeType === 1 ? r.target.localName : r.target.parentElement?.localName;
      T.mutations.push(r.type + ' on ' + at + (r.attributeName ? ' @' + r.attributeName : ''));
    }
  }));
  observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
  document.addEventListener('DOMContentLoaded', () => {
    // The parser's last insertions may still be queued: they are the page's own.
    observer.takeRecords();
    T.textBefore = T.text();
    let last = now();
    setInt(() => {
      const t = now();
      if (T.measuring) T.maxGapMs = Math.max(T.maxGapMs, t - last);
      T.ticks++;
      last = t;
    }, 16);
  });
})();`;

/**
 * Replaces, in the page's world, what a content script might call: DOM ranges and selections, hit
 * testing, text and tree accessors, observers, timers, clocks, the highlight registry, event listeners,
 * the extension globals. Armed, each one throws, lies or never calls back, and counts the call; a leak
 * into Gloss would show as an error, a hang or a missing mark.
 */
const HOSTILE_GLOBALS = `(() => {
  const hits = (window.__hostileHits = {});
  const armed = (name) => { if (window.__probing) return false; hits[name] = (hits[name] || 0) + 1; return true; };
  const fail = (name) => { throw new Error('hostile page: ' + name); };
  const poison = (obj, key, how = 'throw') => {
    const d = Object.getOwnPropertyDescriptor(obj, key);
    if (!d) return;
    const name = (obj[Symbol.toStringTag] || obj.constructor?.name || 'object') + '.' + String(key);
    if (d.get) {
      Object.defineProperty(obj, key, { ...d, get() { return armed(name) ? (how === 'throw' ? fail(name) : how()) : d.get.call(this); } });
    } else if (typeof d.value === 'function') {
      const f = d.value;
      Object.defineProperty(obj, key, { ...d, value: function (...a) { return armed(name) ? (how === 'throw' ? fail(name) : how(...a)) : f.apply(this, a); } });
    }
  };
  const never = () => 0;

  const OrigRange = Range;
  function FakeRange() { return armed('new Range') ? fail('new Range') : new OrigRange(); }
  Object.defineProperty(FakeRange, Symbol.hasInstance, { value: (x) => (armed('instanceof Range') ? fail('instanceof Range') : x instanceof OrigRange) });
  window.Range = FakeRange;
  for (const k of ['setStart', 'setEnd', 'toString', 'getClientRects', 'getBoundingClientRect', 'intersectsNode', 'selectNodeContents', 'cloneRange'])
    poison(OrigRange.prototype, k);
  for (const k of ['collapsed', 'startContainer', 'commonAncestorContainer']) poison(OrigRange.prototype, k);
  for (const k of ['createRange', 'getSelection', 'caretRangeFromPoint', 'caretPositionFromPoint', 'elementFromPoint', 'querySelectorAll', 'querySelector', 'createTreeWalker'])
    poison(Document.prototype, k);
  for (const k of ['body', 'documentElement', 'adoptedStyleSheets']) poison(Document.prototype, k);
  poison(window, 'getSelection');
  poison(window, 'getComputedStyle');
  poison(window, 'innerHeight');
  for (const k of ['textContent', 'firstChild', 'lastChild', 'nextSibling', 'previousSibling', 'parentElement', 'nodeType', 'isConnected'])
    poison(Node.prototype, k);
  for (const k of ['contains', 'compareDocumentPosition']) poison(Node.prototype, k);
  poison(CharacterData.prototype, 'data');
  for (const k of ['attachShadow', 'getBoundingClientRect', 'getClientRects', 'closest', 'matches', 'querySelectorAll', 'querySelector', 'getAttribute', 'hasAttribute'])
    poison(Element.prototype, k);
  for (const k of ['tagName', 'localName', 'shadowRoot']) poison(Element.prototype, k);
  poison(Element.prototype, 'checkVisibility', () => false);
  poison(EventTarget.prototype, 'addEventListener', () => undefined);
  poison(customElements, 'define');
  for (const k of ['set', 'get', 'has', 'delete', 'clear']) poison(Object.getPrototypeOf(CSS.highlights), k);
  for (const k of ['requestIdleCallback', 'requestAnimationFrame', 'setTimeout', 'setInterval', 'queueMicrotask'])
    poison(window, k, never);
  poison(Performance.prototype, 'now', () => 0);
  poison(Date, 'now', () => 0);
  poison(JSON, 'parse');
  poison(JSON, 'stringify');
  for (const name of ['MutationObserver', 'ResizeObserver', 'IntersectionObserver', 'Highlight', 'AbortController', 'CSSStyleSheet']) {
    const Orig = window[name];
    if (!Orig) continue;
    window[name] = new Proxy(Orig, { construct: (t, a) => (armed('new ' + name) ? fail('new ' + name) : Reflect.construct(t, a)) });
  }
  const fakeRuntime = { id: 'hostile', sendMessage: () => fail('runtime.sendMessage'), connect: () => fail('runtime.connect') };
  window.chrome = { runtime: fakeRuntime };
  window.browser = { runtime: fakeRuntime };
})();`;

interface PageSpec {
  title: string;
  body: string;
  /** Scripts after the instrumentation, in <head>. */
  head?: string;
  /** Script at the end of <body>. */
  script?: string;
}

const STYLE = `body { margin: 0; font: 17px/1.55 Georgia, serif; color: #1b1b1b; background: #fafaf7; }
  header.site { background: #14213d; color: #eee; padding: 8px 24px; font: 14px sans-serif; }
  main { max-width: 760px; margin: 20px auto; padding: 0 20px; }
  iframe { width: 100%; height: 120px; border: 1px solid #ccc; }`;

function page(spec: PageSpec): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${spec.title}</title><link rel="icon" href="data:,">
<meta property="article:published_time" content="2025-02-04T09:00:00+00:00">
<script>${INSTRUMENT}</script>${spec.head ?? ''}<style>${STYLE}</style></head>
<body>${spec.body}${spec.script ? `<script>${spec.script}</script>` : ''}</body></html>`;
}

/** Prose with known actors: each paragraph long and comma-rich enough to read as article text. */
const PROSE = [
  'Israeli Prime Minister Benjamin Netanyahu met mediators on Monday, as talks on the second phase of the ceasefire resumed, officials said.',
  'Hamas said it was ready to release more hostages, provided the aid convoys kept moving, and that the truce held in the south.',
  'President Donald Trump said the United States would keep pressing both sides, adding that a deal was close, but not done.',
  'Qatar and Egypt, which have mediated since the war began, urged restraint, warning that the next days would decide the talks.',
  'In Lebanon, the separate truce with Hezbollah has largely held, although strikes were reported near the border, residents said.',
];

const paragraphs = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => `<p>${PROSE[(from + i) % PROSE.length]}</p>`).join('\n');

/** A page whose own scripts replace everything a content script might touch, before Gloss runs. */
export function hostileGlobalsPage(): string {
  return page({
    title: 'Truce talks resume | Hostile globals',
    head: `<script>${HOSTILE_GLOBALS}</script>`,
    body: `<header class="site">Hostile globals news</header><main><article><h1>Truce talks resume in Doha</h1>
      ${paragraphs(6)}</article></main>`,
  });
}

/**
 * A page that swallows every pointer move before anyone else hears it (some sliders and drawing widgets
 * do this), registered on the window in the capture phase before Gloss's content script runs.
 */
export function swallowedPointerPage(): string {
  return page({
    title: 'Truce talks resume | Swallowed pointer',
    head: `<script>for (const type of ['pointermove', 'pointerover', 'pointerenter']) addEventListener(type, (e) => e.stopImmediatePropagation(), true);</script>`,
    body: `<main><article><h1>Truce talks resume in Doha</h1>${paragraphs(5)}</article></main>`,
  });
}

/**
 * Served with a Content-Security-Policy that allows nothing but the page's own inline script: no other
 * script, style, frame or connection (images: only the page's own data: icon). Gloss loads its card's code from the extension on the first
 * hover; the page's policy must not stop it.
 */
export const STRICT_CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'none'; frame-src 'none'";
export function strictCspPage(): string {
  return page({
    title: 'Truce talks resume | Strict policy',
    body: `<main><article><h1>Truce talks resume in Doha</h1>${paragraphs(5)}</article></main>`,
  });
}

/**
 * Shadow DOM and frames: light-DOM text slotted into a shadow root, text only inside an open and a closed
 * shadow root, a same-origin and a cross-origin iframe. Each actor appears in exactly one of them.
 */
export function shadowFramesPage(sameOriginFrame: string, crossOriginFrame: string): string {
  return page({
    title: 'Truce talks resume | Shadow DOM and frames',
    body: `<header class="site">Shadow news</header><main><article id="story"><h1>Truce talks resume in Doha</h1>
      ${paragraphs(3)}
      <news-quote id="slotted"><p>Qatar and Egypt, which have mediated since the war began, urged restraint, warning that the talks could fail.</p></news-quote>
      <news-box id="open-shadow"></news-box>
      <news-box id="closed-shadow"></news-box>
      <iframe id="same" src="${sameOriginFrame}"></iframe>
      <iframe id="cross" src="${crossOriginFrame}"></iframe>
      <p>Officials said more talks were planned for next week, with mediators shuttling between the delegations.</p>
      </article></main>`,
    script: `
      document.getElementById('slotted').attachShadow({ mode: 'open' }).innerHTML = '<blockquote><slot></slot></blockquote>';
      document.getElementById('open-shadow').attachShadow({ mode: 'open' }).innerHTML =
        '<p>Vladimir Putin said, in a statement read on state television, that Russia was watching the talks closely.</p>';
      document.getElementById('closed-shadow').attachShadow({ mode: 'closed' }).innerHTML =
        '<p>Volodymyr Zelenskyy said, in his nightly address, that Ukraine backed every effort to end the fighting.</p>';`,
  });
}

export function framePage(actorSentence: string): string {
  return page({ title: 'Framed story', body: `<main><article><p>${actorSentence}</p><p>${actorSentence}</p></article></main>` });
}

export const SAME_FRAME_TEXT =
  'Emmanuel Macron said, after a call with regional leaders, that France would host a conference on the reconstruction.';
export const CROSS_FRAME_TEXT =
  'Olaf Scholz said, speaking in Berlin on Tuesday, that Germany would send more aid to the region, and soon.';

/** A page naming the same actor far more often than any article: past the page's cap, nothing more is marked. */
export const REPEATED_NAME_TIMES = 7_500;
export function repeatedNamePage(): string {
  const para = 'Hamas said Hamas would answer. Hamas, officials said, and Hamas again, as Hamas put it.';
  const paras = Array.from({ length: REPEATED_NAME_TIMES / 5 }, () => `<p>${para}</p>`);
  return page({
    title: 'The same name, again and again',
    body: `<main><article><h1>Again</h1>${paras.join('\n')}</article></main>`,
  });
}

/** 1,000 paragraphs of 50 text nodes each (50,000), every paragraph naming one actor across two nodes. */
export const MANY_PARAGRAPHS = 1_000;
const NODES_PER_PARAGRAPH = 50;
const ACTOR_PAIRS = [
  ['Benjamin ', 'Netanyahu '],
  ['Donald ', 'Trump '],
  ['Vladimir ', 'Putin '],
  ['Emmanuel ', 'Macron '],
  ['Olaf ', 'Scholz '],
];
export function manyNodesPage(): string {
  const filler = 'said that talks on the second phase of the ceasefire would resume soon and that aid would keep flowing'.split(
    ' ',
  );
  const paras: string[] = [];
  for (let p = 0; p < MANY_PARAGRAPHS; p++) {
    const spans: string[] = [];
    for (let i = 0; spans.length < NODES_PER_PARAGRAPH - 2; i++) spans.push(`<span>${filler[(p + i) % filler.length]}, </span>`);
    const [first, last] = ACTOR_PAIRS[p % ACTOR_PAIRS.length]!;
    spans.splice(10, 0, `<span>${first}</span>`, `<span>${last}</span>`);
    paras.push(`<p>${spans.join('')}</p>`);
  }
  return page({
    title: 'A very long story | 50,000 text nodes',
    body: `<header class="site">Many nodes news</header><main><article><h1>A very long story</h1>${paras.join('\n')}</article></main>`,
  });
}

/**
 * Text that changes every 100 ms: a clock inside an article paragraph, a live blog appending an entry,
 * and a ticker outside the article. Updates start on `__live.start()` and stop on `__live.stop()`, so a
 * test measures a window it knows.
 */
export const STATIC_PARAGRAPHS = 30;
export function livePage(): string {
  return page({
    title: 'Live: truce talks | Live updates',
    body: `<header class="site">Live news <span class="ticker" data-live>Markets: 0</span></header>
      <main><article id="story"><h1>Live: truce talks resume in Doha</h1>
      <p id="clock-para">Updated <time data-live id="clock">00:00:00.0</time>: Donald Trump said the talks, which resumed on Monday, were going well.</p>
      ${paragraphs(STATIC_PARAGRAPHS)}
      <ul id="live" data-live></ul>
      </article></main>`,
    script: `
      const live = (window.__live = { ticks: 0, entries: 0, timer: 0 });
      const names = ['Qatar', 'Egypt', 'Hezbollah', 'Hamas', 'Benjamin Netanyahu'];
      live.start = () => {
        live.timer = setInterval(() => {
          live.ticks++;
          document.getElementById('clock').textContent = new Date().toISOString().slice(11, 21);
          document.querySelector('.ticker').textContent = 'Markets: ' + live.ticks;
          const li = document.createElement('li');
          li.textContent = 'Entry ' + live.ticks + ': ' + names[live.ticks % names.length] +
            ' said, in a statement on Tuesday, that the talks, which resumed on Monday, were at a delicate stage.';
          document.getElementById('live').append(li);
          live.entries++;
        }, 100);
      };
      live.stop = () => clearInterval(live.timer);`,
  });
}

/** One paragraph of 10 MB in a single text node, between two ordinary paragraphs. */
const HUGE_CHARS = 10 * 1024 * 1024;
export function hugePage(): string {
  const sentence = 'Hamas said, again, that the talks were at a delicate stage, and mediators agreed. ';
  const huge = sentence.repeat(Math.ceil(HUGE_CHARS / sentence.length)).slice(0, HUGE_CHARS);
  return page({
    title: 'A very long paragraph | 10 MB',
    body: `<header class="site">Huge news</header><main><article><h1>A very long paragraph</h1>
      <p id="before">${PROSE[0]}</p><p id="huge">${huge}</p><p id="after">${PROSE[2]}</p></article></main>`,
  });
}

export type PageServer = LocalServer;

/** Serves fixed pages by path on 127.0.0.1 (a port of its own is an origin of its own). */
export async function servePages(
  pages: Record<string, () => string>,
  headers: Record<string, Record<string, string>> = {},
): Promise<PageServer> {
  const cache = new Map<string, Buffer>();
  return listenLocal((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const make = pages[path];
    if (!make) {
      res.writeHead(path === '/favicon.ico' ? 204 : 404).end();
      return;
    }
    let body = cache.get(path);
    if (!body) cache.set(path, (body = Buffer.from(make(), 'utf8')));
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length, ...headers[path] });
    res.end(body);
  });
}
