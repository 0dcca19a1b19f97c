/**
 * The side panel is Rust (crates/options, `panel`): this loads it and hands it the extension API
 * and the browser-API glue it needs. Opened in a tab as `panel.html?tab=ID` (the tests, and the
 * fallback where a side panel can't open), it follows that tab instead of the active one.
 */
import { api } from "./browser.js";
import { agent } from "./agent.js";
import init, { panel } from "./wasm/notyet_wasm.js";

const followed = Number(new URLSearchParams(location.search).get("tab")) || null;
const brief = (t) => (t ? { id: t.id, url: t.url ?? "" } : null);

const host = {
  /** The tab the panel reads: the one named in the address, else the active tab of this window. */
  async active() {
    if (followed) return api.tabs.get(followed).then(brief, () => null);
    const [tab] = await api.tabs.query({ active: true, currentWindow: true });
    return brief(tab);
  },
  /** One agent command in the tab's top frame (the host permission covers LinkedIn). */
  async run(tabId, command) {
    const [frame] = await api.scripting.executeScript({ target: { tabId }, func: agent, args: [command] });
    if (frame?.error) throw new Error(String(frame.error));
    return frame?.result;
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
await panel(api, host, stored).catch((e) => (document.body.textContent = `NotYet: ${e}`));
