/**
 * The side panel's first reading, started as the page begins to load: loaded `async` ahead of
 * panel.js, without static imports, so it runs as soon as its file is in, while the WASM still
 * loads (a traced open on 30 Nov: every file asked for at 34 ms after
 * navigation start, this script run at 69, the WASM ready at 85; the page's snapshot arrives
 * after that). It takes the agent's snapshot of the followed tab with the request the core gave
 * at an earlier start, kept in localStorage (read synchronously; none on the very first open).
 * panel.js uses it only for its first command, if that is a snapshot of the same tab with the
 * same request, within a second of its taking; otherwise it is dropped unread. Where the worker
 * opened the panel, it started the page's walk then, and the page hands that walk over here.
 */
// No static import: this script runs as soon as its own file is in and asks for the side panel's
// tab at once. It waited for its imports before: agent.js, the largest, came 0 to 24 ms after
// this file in traced opens (1 Dec), browser.js 0 to 18 ms. The agent is imported meanwhile
// (preloaded), and the two lines browser.js would give are here: the test of the very first open
// reads the request under this key.
const api = globalThis.browser ?? globalThis.chrome;
const REQUEST_KEY = "notyet_snapshot_request"; // browser.js's REQUEST_KEY, which the pages keep it under
const agent = import("./agent.js");

/** The tab named in the address (`panel.html?tab=ID`), else null: the panel follows the active tab. */
export const followed = Number(new URLSearchParams(location.search).get("tab")) || null;

/** The followed tab as `{id, url}`, or null. */
async function activeTab() {
  const brief = (t) => (t ? { id: t.id, url: t.url ?? "" } : null);
  if (followed) return api.tabs.get(followed).then(brief, () => null);
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return brief(tab);
}

/** One agent command in the tab's top frame (the host permission covers LinkedIn). */
export async function runAgent(tabId, command) {
  return (await (await agent).agentFrame(tabId, command))?.result;
}

// When this ran, and when its reading started and ended: `node tests/bench-panel.mjs` prints them.
const steps = (globalThis.__notyetPanelSteps ??= {});
steps.script = performance.now();
// The followed tab, asked first: the panel's first look at it (panel.js, once the WASM has loaded)
// takes this answer instead of a round trip to the browser of its own, 5 to 20 ms. Before the
// request's first read from localStorage, a synchronous trip to the browser that it overlaps.
let firstTab = activeTab();
let saved = null;
try {
  saved = localStorage.getItem(REQUEST_KEY);
} catch {
  // Storage refused (a private window's settings): no early reading.
}

/** Starts the reading of tab `tabId`: `{tabId, saved, taken, result}`. */
function readEarly(tabId) {
  const first = { tabId, saved, taken: Infinity };
  steps.early = performance.now();
  // `kept`: the walk the worker started as it opened this panel will do (agent.js), if the page holds one.
  first.result = runAgent(tabId, { ...JSON.parse(saved), op: "snapshot", kept: true }).then((json) => {
    first.taken = steps.taken = performance.now();
    return json;
  });
  first.result.catch(() => {}); // a failure is the panel's own reading's to report
  return first;
}

/** The followed tab as `{id, url}`, or null: the first time, the answer asked at the start. */
export function takeTab() {
  const tab = firstTab ?? activeTab();
  firstTab = null;
  return tab;
}

// A tab named in the address is read at once (a page NotYet may not read refuses the agent):
// waiting for its address first was a round trip to the browser before the reading.
globalThis.__notyetFirstReading ??= !saved
  ? Promise.resolve(null)
  : (followed ? Promise.resolve({ id: followed }) : firstTab.then((tab) => (tab?.url?.startsWith("https://") ? tab : null)))
      .then((tab) => tab && readEarly(tab.id))
      .catch(() => null);
