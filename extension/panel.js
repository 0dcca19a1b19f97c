/**
 * The side panel is Rust (crates/options, `panel`): this loads it and hands it the extension API
 * and the browser-API glue it needs. Opened in a tab as `panel.html?tab=ID` (the tests, and the
 * fallback where a side panel can't open), it follows that tab instead of the active one.
 */
import { api } from "./browser.js";
import { agent } from "./agent.js";
import init, { panel, snapshotRequest } from "./wasm/notyet_wasm.js";

const followed = Number(new URLSearchParams(location.search).get("tab")) || null;
const brief = (t) => (t ? { id: t.id, url: t.url ?? "" } : null);

/** One agent command in the tab's top frame (the host permission covers LinkedIn). */
async function runAgent(tabId, command) {
  const [frame] = await api.scripting.executeScript({ target: { tabId }, func: agent, args: [command] });
  if (frame?.error) throw new Error(String(frame.error));
  return frame?.result;
}

/**
 * The first reading starts while the WASM loads (about 60 ms of an open): the agent's snapshot
 * of the followed tab, taken with the request the core gave at an earlier start (kept in
 * storage.local under `snapshot_request`; none on the very first open). It is used only by the
 * panel's first command, if that is a snapshot of the same tab with the same request, within a
 * second of its taking; otherwise it is dropped unread.
 */
let early = api.storage.local.get("snapshot_request").then(async ({ snapshot_request: saved }) => {
  const tab = saved && (await host.active());
  if (!tab?.url?.startsWith("https://")) return null;
  const first = { tabId: tab.id, saved, taken: Infinity };
  first.result = runAgent(tab.id, { ...JSON.parse(saved), op: "snapshot" }).then((json) => ((first.taken = performance.now()), json));
  first.result.catch(() => {}); // a failure is the core's own reading's to report
  return first;
}).catch(() => null);

const host = {
  /** The tab the panel reads: the one named in the address, else the active tab of this window. */
  async active() {
    if (followed) return api.tabs.get(followed).then(brief, () => null);
    const [tab] = await api.tabs.query({ active: true, currentWindow: true });
    return brief(tab);
  },
  /** One agent command in the tab's top frame; the first snapshot may be the one started early. */
  async run(tabId, command) {
    if (early) {
      const first = await early;
      early = null;
      if (command?.op === "snapshot" && first?.tabId === tabId && first.saved === request) {
        const json = await first.result.catch(() => null);
        if (json && performance.now() - first.taken < 1000) return json;
      }
    }
    return runAgent(tabId, command);
  },
  /** A draft by the toolbar click's own path, in the service worker; resolves to the click's record. */
  draft: (tabId) => api.runtime.sendMessage({ type: "panel-draft", tabId }),
  /** Tab switches, navigations and closings, and the panel gaining focus: each asks for a new reading. */
  watch(f) {
    const mine = (tabId) => !followed || tabId === followed;
    api.tabs.onActivated.addListener(() => followed || f());
    api.tabs.onUpdated.addListener((tabId, change) => mine(tabId) && (change.url || change.status === "complete") && f());
    api.tabs.onRemoved.addListener((tabId) => mine(tabId) && f());
    api.windows?.onFocusChanged.addListener(() => followed || f());
    addEventListener("focus", () => f());
    document.addEventListener("visibilitychange", () => document.hidden || f());
  },
};

// The settings and the progress record are read while the WASM loads.
const stored = api.storage.local.get(["settings", "panel_record"]);
await init();
const request = snapshotRequest();
early?.then((first) => first?.saved === request || api.storage.local.set({ snapshot_request: request })).catch(() => {});
await panel(api, host, stored).catch((e) => (document.body.textContent = `NotYet: ${e}`));
