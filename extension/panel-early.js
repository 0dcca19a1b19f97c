/**
 * The side panel's first reading, started as the page begins to load: the page's one script,
 * without static imports, so it runs as soon as its file is in, and imports panel.js as it runs.
 * Where the worker opened the panel, it walked the page then and keeps that walk: this script's
 * first line asks the worker for it, and the snapshot comes back in that one answer (README,
 * performance: the walk in 12.4 ms after the first script, 22.8 when it asked the browser for its
 * tab and then the page; medians of 8 runs each, A/B, 1 Dec).
 * Otherwise (a panel the worker didn't open, a worker started afresh, a walk over a second old) it
 * takes the agent's snapshot of the followed tab with the request the core gave at an earlier
 * start, kept in localStorage (none on the very first open). panel.js uses it only for its first
 * command, if that is a snapshot of the same tab, within a second of its taking; otherwise it is
 * dropped unread.
 */
// No static import: this script runs as soon as its own file is in and asks for the side panel's
// tab at once. It waited for its imports before: agent.js, the largest, came 0 to 24 ms after
// this file in traced opens (1 Dec), browser.js 0 to 18 ms. The agent is imported only for a
// reading of the panel's own (the worker's kept walk needs none), and the two lines browser.js
// would give are here: the test of the very first open reads the request under this key.
const api = globalThis.browser ?? globalThis.chrome;
const REQUEST_KEY = "notyet_snapshot_request"; // browser.js's REQUEST_KEY, which the pages keep it under
let agent = null;

const query = new URLSearchParams(location.search);
/** The tab named in the address (`panel.html?tab=ID`), else null: the panel follows the active tab. */
export const followed = Number(query.get("tab")) || null;
/**
 * Whether the worker opened this panel and may keep a walk for it: a side panel, or the tab it
 * opens where the browser refuses one (`?walk&tab=ID`). A tab opened otherwise (the tests, the
 * bench) reads its page at once, without a round trip to the worker first.
 */
const opened = !followed || query.has("walk");

/** The followed tab as `{id, url}`, or null. */
async function activeTab() {
  const brief = (t) => (t ? { id: t.id, url: t.url ?? "" } : null);
  if (followed) return api.tabs.get(followed).then(brief, () => null);
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return brief(tab);
}

/** One agent command in the tab's top frame (the host permission covers LinkedIn). */
export async function runAgent(tabId, command) {
  return (await (await (agent ??= import("./agent.js"))).agentFrame(tabId, command))?.result;
}

/**
 * Asks the worker for the walk it kept for tab `tabId` (null: the one kept, if only one).
 * Chrome: by a port of this page's own handed to its service worker (which controls NotYet's
 * pages), so that the answer comes straight back rather than through the browser's main thread;
 * elsewhere (Firefox's event page) by runtime messaging.
 */
function askWorker(tabId) {
  // The page's height and its window's as this page measures them: the worker draws the first
  // screen's rows for its window's height scaled as the last open's were (the page's zoom).
  // `side`: a side panel or sidebar, whose ratio is not a tab's.
  const ask = { type: "panel-walk", tabId, height: innerHeight, outer: outerHeight, side: !followed };
  const worker = navigator.serviceWorker?.controller;
  const answer = !worker
    ? api.runtime.sendMessage(ask).catch(() => null)
    : new Promise((resolve) => {
        const { port1, port2 } = new MessageChannel();
        port1.onmessage = ({ data }) => resolve(data);
        worker.postMessage(ask, [port2]);
      });
  // A worker that failed to start, or is busy with the walk's page: no walk past a second (one
  // kept a second is dropped by then anyway).
  return Promise.race([answer, new Promise((resolve) => setTimeout(resolve, 1000, null))]);
}

// When this ran, and when its reading started and ended: `node tests/bench-panel.mjs` prints them.
const steps = (globalThis.__notyetPanelSteps ??= {});
steps.script = steps.early = performance.now();
// The walk the worker started as it opened this panel, asked for first: one message, answered
// with the page's snapshot where there is one (README, performance). The followed tab is asked
// beside it: the panel's first look at it (panel.js, once the WASM has loaded) takes this answer
// instead of a round trip to the browser of its own, 5 to 20 ms.
const handed = opened ? askWorker(followed) : null;
let firstTab = activeTab();
// The panel's module and its two imports, asked for at once and all three together, not named in
// panel.html: the load event waits for every script element's module graph, and Chromium shows a
// side panel and raises its process from background priority only after it (README, performance:
// "The side panel's load event, sooner"). Imported after panel.js's own file, they came a trip later.
// One that fails (a file missing or unreadable, the WASM not compiling or starting, the panel's
// start throwing: panel.js's module fails with it) is said in place of "NotYet…", which stayed
// for good: in the browser's language, from `_locales` (the module's words are in the WASM that
// may be what failed), with the browser's own message, the page marked as in that language
// (panel.html says "en": a screen reader would speak German or French words by English rules).
// The panel changed nothing by then.
Promise.all([import("./panel.js"), import("./browser.js"), import("./wasm/notyet_wasm.js")]).catch((e) => {
  document.documentElement.lang = api.i18n.getMessage("html_lang") || "en";
  const p = document.createElement("p");
  p.setAttribute("role", "alert");
  p.textContent = api.i18n.getMessage("notice_failed", String(e?.message ?? e));
  document.body.replaceChildren(p);
});
/**
 * The WASM module, compiled from here (panel.js instantiates it): its compile began only once
 * panel.js and its imports were in and run, 11 to 21 ms after this script in traces of 1 Dec,
 * and with the page's walk in before it, the module is what the list waits for.
 */
export const compiled = WebAssembly.compileStreaming(fetch(new URL("wasm/notyet_wasm_bg.wasm", import.meta.url)));
// A failure is panel.js's to report, as it instantiates the module.
compiled.catch(() => {});
/** The settings and the progress record (panel.js), asked for in the same first moment. */
export const stored = api.storage.local.get(["settings", "panel_record"]);

/**
 * The panel's first screen as the worker drew it from its walk (the panel's own rendering, in
 * the module the worker has running), put in at once: the list is shown as the walk comes, not
 * once this page's module is compiled and instantiated and has read it (README, performance).
 * Inert until panel.js's module draws the same over it (its first reading, of this same walk):
 * nothing on it can be pressed, focused or typed into before the panel can act on it. Not once
 * the panel's own shell is in (its module was ready first).
 */
function showScreen(html) {
  if (!document.body || document.getElementById("panel")) return;
  document.documentElement.lang = api.i18n.getMessage("html_lang") || "en";
  // Parsed in a document of its own, where nothing loads or runs (the HTML is the core's, its page
  // text escaped), and moved in: no `innerHTML`, which addons-linter refuses.
  document.body.replaceChildren(...new DOMParser().parseFromString(html, "text/html").body.childNodes);
  document.body.firstElementChild?.setAttribute("inert", "");
  // The list is in the document: shown (the mark the bench and the tests read; the panel's own
  // first list keeps it and adds its rows and readings).
  steps.screen = performance.now();
  globalThis.__notyetPanel ??= { shown: steps.screen, snapshot: steps.screen - steps.script, readings: 0 };
}

/** The first reading, `{tabId, saved, taken, result}`: `result` the snapshot's JSON, `saved` the request it was taken with. */
const reading = (tabId, saved, result) => {
  const first = { tabId, saved, taken: Infinity };
  first.result = result.then((json) => {
    first.taken = steps.taken = performance.now();
    return json;
  });
  first.result.catch(() => {}); // a failure is the panel's own reading's to report
  return first;
};

/**
 * The worker's walk if it kept one for this panel; else the page's own, started here with the
 * request the core gave at an earlier start, kept in localStorage (read synchronously, and only
 * now; none on the very first open). A tab named in the address is read at once (a page NotYet
 * may not read refuses the agent): waiting for its address first was a round trip to the browser
 * before the reading.
 */
async function firstReading() {
  let walk = await handed;
  if (walk?.several) walk = await askWorker((await firstTab)?.id);
  if (walk?.html) showScreen(walk.html);
  // `screen`: the first screen the worker drew, kept for the tests to compare with the panel's own.
  if (walk?.json) return { ...reading(walk.tabId, null, Promise.resolve(walk.json)), tab: { id: walk.tabId, url: walk.url }, screen: walk.html };
  let saved = null;
  try {
    saved = localStorage.getItem(REQUEST_KEY);
  } catch {
    // Storage refused (a private window's settings): no early reading.
  }
  const tab = !saved ? null : followed ? { id: followed } : await firstTab;
  if (!tab || !(followed || tab.url?.startsWith("https://"))) return null;
  steps.early = performance.now();
  return reading(tab.id, saved, runAgent(tab.id, { ...JSON.parse(saved), op: "snapshot" }));
}

globalThis.__notyetFirstReading ??= firstReading().catch(() => null);

/** The browser's answer for the followed tab, `{id, url}` or null: the first time, the one asked at the start. */
const askedTab = () => {
  const tab = firstTab ?? activeTab();
  firstTab = null;
  return tab;
};
let looks = 0;
/**
 * The followed tab as `{id, url}`, or null. The first time, the tab of the worker's walk if it
 * handed one: the browser's answer asked at the start then comes second, as the panel's check
 * that the tab read is still the one shown (its answer came 5 to 18 ms after the WASM was
 * ready in the side panel's start, traces of 1 Dec, and the list waited for it).
 */
export function takeTab() {
  return looks++ ? askedTab() : globalThis.__notyetFirstReading.then((first) => first?.tab ?? askedTab());
}

/**
 * Tab switches, navigations and closings ask for a new reading. They are listened for from this
 * first script: the panel's module binds its handler (`watch`) only once it has loaded, and a tab
 * switched meanwhile, with the worker's first screen already on show, was lost: the panel kept the
 * other tab's list (a Firefox test that switches tabs as the list appears failed so, 1 Dec).
 * One missed is passed on at binding, and the browser's answer from the start is asked again.
 */
let onChange = null;
let missed = false;
const changed = () => {
  if (firstTab) firstTab = activeTab();
  if (onChange) onChange();
  else missed = true;
};
const mine = (tabId) => !followed || tabId === followed;
api.tabs.onActivated.addListener(() => followed || changed());
api.tabs.onUpdated.addListener((tabId, change) => mine(tabId) && (change.url || change.status === "complete") && changed());
api.tabs.onRemoved.addListener((tabId) => mine(tabId) && changed());

/** Calls `f` on each of those, the panel gaining focus or coming into view, and once now if one was missed. */
export function watch(f) {
  onChange = f;
  api.windows?.onFocusChanged.addListener(() => followed || f());
  addEventListener("focus", () => f());
  document.addEventListener("visibilitychange", () => document.hidden || f());
  if (missed) {
    missed = false;
    f();
  }
}
