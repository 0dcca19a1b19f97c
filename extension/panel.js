/**
 * The side panel is Rust (crates/options, `panel`): this loads it and hands it the extension API
 * and the browser-API glue it needs. Opened in a tab as `panel.html?tab=ID` (the tests, and the
 * fallback where a side panel can't open), it follows that tab instead of the active one.
 */
import { api, keepRequest } from "./browser.js";
import { compiled, runAgent, stored, takeTab, watch } from "./panel-early.js";
import init, { panel, snapshotRequest } from "./wasm/notyet_wasm.js";

/** The first reading, started by panel-early.js while this module and the WASM loaded. */
let early = globalThis.__notyetFirstReading ?? null;

/** After `frames` animation frames and the task after them; a page not shown runs no frames: then after 100 ms. */
const afterFrames = (frames) =>
  new Promise((done) => {
    const next = (left) => (left ? requestAnimationFrame(() => next(left - 1)) : setTimeout(done));
    next(frames);
    setTimeout(done, 100);
  });

const host = {
  /** The tab the panel reads: the one named in the address, else the active tab of this window. */
  active: takeTab,
  /** One agent command in the tab's top frame; the first snapshot may be the one started early. */
  async run(tabId, command) {
    if (early) {
      const first = await early;
      early = null;
      // `saved`: the request it was taken with; none: the worker's, which runs this same module.
      if (command?.op === "snapshot" && first?.tabId === tabId && (first.saved ?? request) === request) {
        const json = await first.result.catch(() => null);
        if (json && performance.now() - first.taken < 1000) return json;
      }
    }
    return runAgent(tabId, command);
  },
  /** A draft by the toolbar click's own path, in the service worker; resolves to the click's record. */
  draft: (tabId) => api.runtime.sendMessage({ type: "panel-draft", tabId }),
  /** The panel's progress record (JSON), merged by the service worker into the stored one: null, or `{error}`. */
  record: (json) => api.runtime.sendMessage({ type: "panel-record", json }),
  /**
   * After the frames that show what was just drawn: two, since the side panel's first frame once
   * the browser shows it paints nothing (the page is 0 × 0 until the browser sizes it, a resize at
   * or after the showing; traced, 1 Dec: the frame's layers empty), and the rest's deciding,
   * 8 to 18 ms of work, ran before the next one and put the list's first paint back by as much
   * (A/B of ten runs, README performance: first paint medians 190 → 158 ms, the counts a frame
   * later).
   */
  afterPaint: () => afterFrames(2),
  /** Tab switches, navigations and closings, and the panel gaining focus: each asks for a new reading. */
  watch,
};

// The settings and the progress record (`stored`) are read while the WASM loads.
await init({ module_or_path: compiled });
const request = snapshotRequest();
keepRequest(request);
// The panel starts (its shell, the warm-up, a task of some milliseconds) once the first reading's
// answer is in: the worker's first screen then always goes in first and is adopted. Started
// before it, the panel's own shell was in first in 14 of 54 opens and the screen was dropped, and
// the answer waited behind that task. A/B, 1 Dec (README, performance): first script → list
// shown at 300 a mean 22.0 → 18.2 ms, p90 39.4 → 26.0; at 1,000 (no screen) 76.7 → 71.5.
await early;
// With the worker's screen in, one frame first: the panel's own start drew its list over the
// screen in the same task, and the screen was never painted; the list's first paint came a
// median 176 → 144 ms after navigation start with this frame (its own, live list some 20 ms
// later; A/B of nine runs, README performance).
if (globalThis.__notyetPanelSteps?.screen) await afterFrames(1);
// A failure fails this module: panel-early.js says it.
await panel(api, host, stored);
