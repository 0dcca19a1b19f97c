/**
 * The module service worker: on a toolbar click it takes a snapshot through the page agent,
 * asks the core (WASM) for a Plan, and carries it out. All reading, deciding and wording is the
 * core's (in the browser's interface language); this file only moves data between the browser APIs,
 * the page and the core, and words a failed click (and its notice's Close) from _locales.
 */
import { api } from "./browser.js";
import { agentFrame } from "./agent.js";
import init, * as core from "./wasm/notyet_wasm.js";

/** The core, initialised on first use and kept (service workers allow no top-level await). */
let wasm;
const ready = () =>
  (wasm ??= init().then(
    () => (loaded = core),
    (e) => {
      wasm = undefined; // a failed load is retried on the next click
      throw e;
    },
  ));

/** What the agent copies from a page: fixed by the core, so asked once per worker. */
let snapshotRequest;
const snapshotCommand = (core) => ({ op: "snapshot", ...(snapshotRequest ??= JSON.parse(core.snapshotRequest())) });
/** The core once loaded, else undefined: the side panel's early walk doesn't wait for it. */
let loaded;

/** The settings JSON (`""` when unset), cached; a change applies to the next click. */
let settings;
const settingsJson = (value) => (value === undefined ? "" : JSON.stringify(value));
const loadSettings = () => (settings ??= api.storage.local.get("settings").then((r) => settingsJson(r.settings)));
/**
 * The side panel's progress record as JSON (`""` when none), for its first screen: read once and
 * kept fresh as the settings are, not read again for each open (nor for a walk too large to draw).
 */
let record;
const recordJson = (value) => (value ? JSON.stringify(value) : "");
const loadRecord = () => (record ??= api.storage.local.get("panel_record").then((r) => recordJson(r.panel_record), () => ""));

/**
 * A panel's progress record (`json`, as the core writes it) saved over the record as stored by
 * the core (`recordSave`: by entry, the later wins), one write at a time: two panels (two
 * windows, or a side panel and the panel in a tab) each wrote their whole record, and the later
 * lost the other's draft; the options page's Clear comes in the same line (a panel's save in
 * flight as it ran wrote the record back).
 */
let recordWrites;
const saveRecord = ({ json }) =>
  (recordWrites = Promise.resolve(recordWrites)
    .catch(() => {})
    .then(async () => {
      const [core, { panel_record }] = await Promise.all([ready(), api.storage.local.get("panel_record")]);
      await api.storage.local.set({ panel_record: JSON.parse(core.recordSave(json, recordJson(panel_record))) });
      return null;
    }));

/** Each tab's last draft (the core's LastDraft), in memory and in session storage for a restarted worker. */
const drafts = new Map();
const draftKey = (tabId) => `draft:${tabId}`;
const lastDraft = async (tabId) => {
  if (!drafts.has(tabId)) drafts.set(tabId, (await api.storage.session.get(draftKey(tabId)))[draftKey(tabId)] ?? null);
  return drafts.get(tabId);
};

/**
 * The interface language ("de", "en"): the core words its notices in it. The language of the
 * locale the extension's own pages use, so the two never differ: `i18n.getUILanguage()` can
 * (Chromium 156 with a German interface from LANGUAGE=de says "en-US" there, its pages German).
 */
const browserUi = () => api.i18n.getMessage("html_lang") || api.i18n.getUILanguage();
let ui = browserUi;
/** One of the few words of our own on a notice, from _locales (English if the key is missing). */
const say = (key, fallback, ...args) => api.i18n.getMessage(key, args) || fallback;

/** Each tab's last snapshot (the agent's JSON), kept in memory for a "Not right?" page report. */
const snapshots = new Map();

/** Tabs whose badge says a click failed; cleared on the next good click. */
const badged = new Set();

// @test-start: the test build's seams. ./build.sh removes this block and every line marked
// `@test` from the worker it ships in dist/, so nothing here reaches a user.
/**
 * Every click's outcome and timings, for the tests and `./build.sh bench`: tab, notice, error,
 * and the `performance.now()` milliseconds at start, snapshot, plan, inserted (text in the box), end.
 */
globalThis.__notyetClicks = [];
/**
 * Who waits for a click's record (the `click` command), woken as each record comes: no timer runs
 * meanwhile. The benchmarks' clicks had their own wait beside them: Chromium's harness asked the
 * worker every 5 ms, and that Node process held a core a median 5.1 ms of the time a 300 click's
 * threads waited for one (`perf sched`, 12 clicks each way alternating, load 8; README, performance).
 */
const recorded = new Set();
globalThis.__notyetClicks.push = function (...records) {
  const length = Array.prototype.push.apply(this, records);
  for (const wake of recorded) wake();
  return length;
};
/** The APIs the `api` command took away, by name, to give back. */
const hidden = {};
/** Runs before an insertion: the tests close the box there to check the "gone" path. */
let beforeInsert = null;
/** The insertions held by `beforeInsert` "hold" until the next `beforeInsert` command. */
const held = [];
/**
 * The tests' commands: `count` (clicks so far), `command` (shortcut `n` on the tab at `url`),
 * `readForPanel` (the walk an open of the panel starts on the tab at `url`, no panel opened; its screen drawn for a tab), `walks` (the
 * walks kept for panels, by tab, how many were handed over, how many first screens drawn, how many window heights asked for them, and each answer to a panel: the height its screen was drawn for, the panel's, and whether it was taken), `ui` (the interface language `n`, e.g. "de"; none:
 * the browser's), `report` (a page report of the active tab, as "Not right?" makes it), `click`
 * (waits for record `n`, up to `timeout` ms), `beforeInsert` (`remove`: a selector whose elements
 * the next insertions remove first; `wait`: milliseconds each insertion waits first; `n` "hold":
 * each waits for the next `beforeInsert`, which answers how many it lets go; none: back to
 * normal), `held` (how many are held), `writes` (storage.local refusing writes with the error `remove`, or waiting `wait` ms before each; neither: writing again), `menu` (the toolbar button's context-menu entry `n` on the active tab), `api`
 * (the browser API `n` taken away with `remove`, else given back).
 * Chromium's tests call this in the worker; Firefox's send it as a message from an extension page.
 */
globalThis.__notyetTest = async ({ op, n, timeout = 10000, remove, wait, url }) => {
  if (op === "count") return globalThis.__notyetClicks.length;
  // The walk an open of the panel starts, on the tab at `url`, without opening one.
  if (op === "readForPanel") return readForPanel((await api.tabs.query({})).find((t) => t.url === url));
  // The walks kept for panels (by tab) and how many were handed over so far.
  if (op === "walks") return { held: [...walks.keys()], handed: globalThis.__notyetHanded ?? 0, drawn: globalThis.__notyetScreens?.length ?? 0, loadDrops: globalThis.__notyetLoadDrops ?? 0, scale: scales.panelScale, tabScale: scales.tabScale, heights: globalThis.__notyetHeights ?? 0, answers: globalThis.__notyetAnswers ?? [] };
  // Shortcut `n` pressed on the tab at `url`, as commands.onCommand hands it over.
  if (op === "command") return onCommand(n, (await api.tabs.query({})).find((t) => t.url === url));
  // Headless Chromium reports the system's language whatever --lang says: the tests set the notices' language here.
  if (op === "ui") {
    ui = n ? () => n : browserUi;
    return true;
  }
  // "Not right?" on the active tab, as the notice's button would: the report it leaves for the report page.
  if (op === "report") {
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    await report(tab);
    return (await api.storage.session.get("pageReport")).pageReport ?? null;
  }
  // The toolbar button's menu entry `n` where no test can open that menu (Chromium: CDP can't):
  // the same listener, called with the active tab.
  if (op === "menu") {
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    return onMenu({ menuItemId: n }, tab);
  }
  // An API the browser lacks (`n`: "sidePanel", "sidebarAction"), taken away (`remove`) or given back.
  if (op === "api") {
    if (remove) (hidden[n] = Object.getOwnPropertyDescriptor(api, n)) && delete api[n];
    else if (hidden[n]) Object.defineProperty(api, n, hidden[n]);
    return n in api;
  }
  // Storage refusing writes with the error `remove` (a full quota), slow to write (`wait` ms first), or writing again.
  if (op === "writes") {
    const set = (hidden.set ??= api.storage.local.set);
    api.storage.local.set = remove ? () => Promise.reject(new Error(remove)) : wait ? (items) => new Promise((r) => setTimeout(r, wait)).then(() => set.call(api.storage.local, items)) : set;
    return true;
  }
  if (op === "held") return held.length;
  if (op === "beforeInsert") {
    if (remove) beforeInsert = (tabId) => api.scripting.executeScript({ target: { tabId }, func: (s) => document.querySelectorAll(s).forEach((e) => e.remove()), args: [remove] });
    else if (wait) beforeInsert = () => new Promise((r) => setTimeout(r, wait)); // a slow page: the click stays in flight
    else if (n === "hold") beforeInsert = () => new Promise((r) => held.push(r)); // until the next beforeInsert: clicks let go together
    else beforeInsert = null;
    // How many insertions were held, let go now.
    return held.splice(0).map((r) => r()).length;
  }
  await new Promise((resolve) => {
    const timer = setTimeout(stop, timeout);
    function stop() {
      clearTimeout(timer);
      recorded.delete(check);
      resolve();
    }
    function check() {
      if (globalThis.__notyetClicks[n]) stop();
    }
    recorded.add(check);
    check();
  });
  return globalThis.__notyetClicks[n] ?? null;
};
api.runtime.onMessage.addListener((message, sender) => {
  if (sender.id === api.runtime.id && !sender.tab?.url?.startsWith("http") && message?.type === "notyet-test") return globalThis.__notyetTest(message);
});
// @test-end

// Listeners are registered synchronously so that a click can wake the worker.
api.action.onClicked.addListener((tab) => void click(tab));
// Four messages. A button on NotYet's notice, sent by the agent in a tab's top frame; the side
// panel's Draft reply, sent by NotYet's own panel page once it has opened that invitation's
// Reply box, which drafts exactly as a toolbar click; the panel's first question, the walk
// started for it as it opened (`takeWalk`); and a panel's change to the progress record
// (`saveRecord`), or the options page's Clear of it. Anything else, or from anyone else, is
// ignored; the core validates the request itself.
api.runtime.onMessage.addListener((message, sender, respond) => {
  if (sender.id !== api.runtime.id) return;
  const panel = sender.url?.startsWith(api.runtime.getURL("panel.html"));
  if (message?.type === "panel-draft" && panel) {
    api.tabs.get(message.tabId).then((tab) => click(tab)).then(respond, (e) => respond({ error: String(e?.message ?? e) }));
    return true; // the answer comes asynchronously
  }
  if (message?.type === "panel-record" && (panel || sender.url?.startsWith(api.runtime.getURL("options.html")))) {
    saveRecord(message).then(respond, (e) => respond({ error: String(e?.message ?? e) }));
    return true;
  }
  if (message?.type === "panel-walk" && panel) {
    answerPanel(message).then(respond, () => respond(null));
    return true;
  }
  if (!sender.tab || sender.frameId !== 0 || message?.type !== "notice-action") return;
  if (message.request?.type === "options") void api.runtime.openOptionsPage();
  else if (message.request?.type === "panel") openPanel(sender.tab);
  else if (message.request?.type === "report") void report(sender.tab);
  else void click(sender.tab, message.request);
});
// The panel's first question in Chrome, where it comes to this service worker with a port of its
// own for the answer (only NotYet's own pages can post to its worker): the snapshot then goes to
// the panel directly, not through the browser's main thread, which is busy starting the panel
// right then (a traced open at load 7, 1 Dec: the answer by runtime messaging waited there 28 ms
// behind the panel's start, then 26 ms more). README, performance.
if (globalThis.ServiceWorkerGlobalScope) addEventListener("message", ({ data, ports: [port] }) => data?.type === "panel-walk" && port && answerPanel(data).then((walk) => port.postMessage(walk), () => port.postMessage(null)));
// The side panel opens from the toolbar button's context menu and from its own shortcut too.
// Firefox for Android has neither API (nor a sidebar): a throw here ended the worker's start, and
// every later top-level line with it (the click's `busy`, the settings' listener, the welcome).
const onMenu = (info, tab) => info.menuItemId === "open-panel" && openPanel(tab);
api.contextMenus?.onClicked.addListener(onMenu);
api.commands?.onCommand.addListener(onCommand);
// The welcome page, once, when NotYet is installed (not on updates or browser restarts).
api.runtime.onInstalled.addListener(({ reason }) => {
  api.contextMenus?.create({ id: "open-panel", title: say("menu_panel", "Triage invitations (side panel)"), contexts: ["action"] }, () => void api.runtime.lastError);
  if (reason !== "install") return;
  // Replies to invitations without a note (most) are in the default language: the browser's when
  // NotYet speaks it (each interface language has built-in templates), not English. Set before
  // the welcome page opens, which shows it; a German browser drafted English replies before.
  const ui = say("html_lang", "en");
  const stored = ui === "en" ? Promise.resolve() : api.storage.local.get("settings").then(({ settings }) => settings ?? api.storage.local.set({ settings: { language: ui } }));
  void stored.catch(() => {}).then(() => api.tabs.create({ url: api.runtime.getURL("welcome.html") }));
});
api.storage.onChanged.addListener((changes, area) => {
  if (area === "local" && changes.settings) settings = Promise.resolve(settingsJson(changes.settings.newValue));
  if (area === "local" && changes.panel_record) record = Promise.resolve(recordJson(changes.panel_record.newValue));
});
api.tabs.onRemoved.addListener((tabId) => {
  drafts.delete(tabId);
  snapshots.delete(tabId);
  dropWalk(tabId);
  sizes.delete(tabId);
  badged.delete(tabId);
  api.storage.session.remove(draftKey(tabId)).catch(() => {});
});

/** NotYet's own shortcuts: the panel, and the keyboard focus into the notice shown (Escape gives it back). */
function onCommand(command, tab) {
  if (command === "open-panel") return openPanel(tab);
  if (command === "focus-notice" && tab?.id) return run(tab.id, { op: "focus" }).catch(() => ({ ok: false }));
}

/**
 * Runs one agent command in the tab's top frame and returns its answer. A click's activeTab grant
 * can reach the page a moment after the click event (seen in Chromium 156 under load): a refusal
 * for access is retried, which is safe as a refused script never ran.
 */
async function run(tabId, command) {
  for (const wait of [25, 100, null]) {
    try {
      const frame = await agentFrame(tabId, command);
      if (!frame) throw new Error("the page can't be scripted");
      return frame.result;
    } catch (e) {
      if (wait === null || !/Cannot access|Missing host permission/.test(e?.message)) throw e;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/**
 * Tabs with a click in flight. A second click there meanwhile (a double click, the shortcut held
 * down, a notice button pressed during a click) is dropped: both would plan from the same page
 * and write the draft twice.
 */
const busy = new Set();

/**
 * Opens the side panel (Chrome) or sidebar (Firefox) in the tab's window. Both must be called
 * while the user's gesture lasts, so nothing is awaited first. Where the browser refuses (no
 * gesture reached the worker), the panel opens as a tab beside the page, following that page.
 */
function openPanel(tab) {
  globalThis.__notyetPanelOpened = performance.timeOrigin + performance.now(); // @test
  // Whether the panel is open already, asked before the open so that the answer is the state
  // before it, and not awaited, so that the open keeps the user's gesture: an open panel doesn't
  // load again, and a walk for it would be kept a second for no one. Chrome gives a side panel no
  // window (Chromium 156: windowId -1), so one open in another window counts too: that open then
  // reads the page itself, as a panel the worker didn't open does. Asked in an async function so
  // that a browser with neither API (Firefox for Android, a Chromium without chrome.sidePanel)
  // gets a rejection, not a throw that skipped the open's fallback below.
  const open = (async () => (api.sidePanel ? (await api.runtime.getContexts({ contextTypes: ["SIDE_PANEL"] })).length > 0 : api.sidebarAction.isOpen({ windowId: tab?.windowId })))().catch(() => false);
  // Opened as a tab, the panel's first screen is drawn for a tab's height (`scales`): a refusal
  // comes at once, before the walk is in.
  const as = { tab: false };
  const fallback = () => {
    as.tab = true;
    return api.tabs.create({ url: api.runtime.getURL(`panel.html?walk&tab=${tab?.id ?? ""}`), index: (tab?.index ?? 0) + 1, openerTabId: tab?.id });
  };
  try {
    const opened = api.sidePanel ? api.sidePanel.open({ windowId: tab.windowId }) : api.sidebarAction.open();
    Promise.resolve(opened).catch(fallback);
  } catch {
    void fallback();
  }
  void open.then((shown) => shown || readForPanel(tab, as));
}

/**
 * Starts the page's walk for the panel being opened, once the browser has said that none was open
 * (a round trip begun just before the call that opens it; a panel open already doesn't load
 * again and takes no walk), and keeps it here for the panel's first reading (`takeWalk`), which
 * asks 50 to 100 ms later (its page must start first) and would otherwise only then start the
 * walk (14 ms of CPU at 300 invitations, 46 at 1,000; two to four times that in wall time). The
 * request is the core's, the one the panel asks with; a worker that hasn't loaded the core yet
 * leaves the reading to the panel, as does a page the panel doesn't read (any but the
 * invitations: the feed, a profile, another site), which is never walked for it.
 * Kept in the worker rather than in the page (until 1 Dec): the walk is in here some 30 ms before
 * the panel's first script runs, and the panel's one message takes it, instead of asking the
 * browser for its tab (5–15 ms while the panel starts) and then the page (7.5 ms to reach it, 7
 * back, in the quietest trace). README, performance.
 */
function readForPanel(tab, as = { tab: true }) {
  if (!loaded || !tab?.id || !loaded.panelReads(tab.url ?? "")) return;
  const walk = { url: tab.url, at: Infinity };
  walks.set(tab.id, walk);
  // Added once: a listener added again is the same one.
  api.tabs.onUpdated.addListener(pageChanged);
  // A failure is the panel's own reading's to report: it reads the page itself.
  walk.json = agentFrame(tab.id, snapshotCommand(loaded)).then((frame) => frame?.result ?? null, () => null);
  // The panel's first screen (`answerPanel`), drawn as soon as the walk is in, for the height of
  // the panel's window: its browser window's, asked here beside the walk, scaled as the last
  // open's ratio of the panel's height to it (`scales`: 1 in Chromium 156's side panel at 100%
  // zoom, 682/768 in Firefox's sidebar, 1.25 at 80% zoom, 1 Dec; a tab's where `as.tab`), so that
  // the first open of a session and one after a resize get it too (a height kept from the last
  // open had none to give, or a stale one, whose screen was drawn and thrown away). Only while the
  // panel hasn't asked yet: then its module is nearly ready, and the walk goes at once (drawn on
  // the ask, the answer came 17–20 ms after its first script, not 8–10, and the panel's own list
  // was first). Not for a page of more than SCREEN_MAX characters: at 1,000 invitations the
  // drawing took 18–26 ms, while the browser started the panel page (README, performance).
  // (Firefox for Android has no windows: no screen there.) Not asked where the tab's last walk
  // was over SCREEN_MAX (no screen would be drawn; asked after the walk if this one is smaller):
  // the walk's size is known only once it is in, and asked after it for every walk, the window's
  // height would be a round trip between the walk and every screen.
  const ask = () => {
    globalThis.__notyetHeights = (globalThis.__notyetHeights ?? 0) + 1; // @test
    return api.windows?.get(tab.windowId).then((w) => w.height, () => 0);
  };
  const tall = sizes.get(tab.id) > SCREEN_MAX ? null : ask();
  walk.screen = walk.json.then(async (json) => {
    sizes.set(tab.id, json?.length);
    if (!(json?.length <= SCREEN_MAX)) return null;
    const [window, settings, record] = [await (tall ?? ask()), await loadSettings(), await loadRecord()];
    const drawn = walk.asked ? null : drawScreen(json, settings, record, Math.round(window * scales[as.tab ? "tabScale" : "panelScale"]));
    return { ...drawn, window };
  });
  return walk.json.then(() => {
    walk.at = performance.now();
    setTimeout(() => dropWalk(tab.id, walk), 1000);
  });
}

/**
 * The walks kept for panels being opened, by tab: `{url, json, at}` (the tab's address, the
 * agent's JSON as a promise, when it came in). The request is the core's, as the panel's own
 * reading would ask: the worker and the panel run the same module. One a tab, handed over once, only within
 * a second of its end, and dropped as soon as its tab loads another page or closes.
 */
const walks = new Map();
function dropWalk(tabId, walk) {
  if (!walk || walks.get(tabId) === walk) walks.delete(tabId);
  if (!walks.size) api.tabs.onUpdated.removeListener(pageChanged);
}
/** Listened to only while a walk is kept: a worker woken by every tab's every load would cost more. */
function pageChanged(tabId, change) {
  if (!(change.url || change.status === "loading")) return;
  const had = walks.has(tabId); // @test
  dropWalk(tabId);
  if (had && !walks.has(tabId)) globalThis.__notyetLoadDrops = (globalThis.__notyetLoadDrops ?? 0) + 1; // @test
}

/**
 * The panel's first question, asked as its first script runs: the walk kept for tab `tabId`, or
 * with none named (the panel doesn't know its tab yet) the one kept, if it is the only one. Answers
 * `{tabId, url, json}`; `{several: true}` when several are kept (two windows' panels opened
 * within a second: the panel asks again, naming its tab); else null (a panel the worker didn't
 * open, a walk that failed or is older than a second, a worker started afresh since), and the
 * panel reads the page itself.
 */
async function takeWalk(tabId) {
  const [id, walk] = tabId ? [tabId, walks.get(tabId)] : walks.size === 1 ? [...walks][0] : [];
  if (!walk) return !tabId && walks.size ? { several: true } : null;
  walk.asked = true;
  dropWalk(id, walk);
  const json = await walk.json;
  if (!json || performance.now() - walk.at > 1000) return null;
  globalThis.__notyetHanded = (globalThis.__notyetHanded ?? 0) + 1; // @test
  return { tabId: id, url: walk.url, json, screen: walk.screen };
}

/** The largest walk (characters of JSON) the panel's first screen is drawn from here: 300 invitations are some 300,000. */
const SCREEN_MAX = 500000;
/** Each tab's last walk's length (`readForPanel`). */
const sizes = new Map();

/**
 * The panel's height over its window's at the last open (CSS pixels over the window's): its zoom,
 * and in Firefox's sidebar its header too. At 100% zoom the window's height had been drawn for and
 * matched; at another zoom every screen was drawn and thrown away (review, 1 Dec: Chromium at 80%,
 * the panel 1,000 px in an 800 px window; Firefox at 125%, 546 in 768). Two: a side panel's
 * (`panelScale`) and a tab's (`tabScale`, where the browser refuses a side panel: Firefox's notice
 * Triage). With one, a tab set it from a tab's height and the next side panel's screen was drawn for
 * that and thrown away (Firefox's sidebar at 100%: 682 of 768, a tab 0.888); set by side panels
 * alone, Firefox's tabs got no first screen (leftovers25).
 */
const scales = { panelScale: 1, tabScale: 1 };
// Kept for the browser's session: an idle worker is stopped after 30 s (Firefox unloads an idle
// event page), so most opens come to a new one, which had drawn at 1 again (review, 1 Dec).
api.storage.session?.get(scales).then((r) => Object.assign(scales, r), () => {});

/**
 * The answer to the panel's first question (`{tabId, height, outer, side}`): the walk kept for it
 * (`takeWalk`) and, if drawn already for this height, the panel's first screen, drawn from it
 * here as HTML by the panel's own rendering in the module this worker has running (the panel's
 * page has yet to compile its own): the page shows it at once, and its module, once ready, draws
 * the same over it. `height` is the panel's own (its `innerHeight`), which sets how many rows its
 * first list draws; a screen drawn for no less and at most its `outerHeight` is given (its rows
 * below the list's end are out of view: Firefox's sidebar at 100%, 682 and 768), another not.
 * `side`: a side panel's (sidebar's) question, not a tab's: its ratio is kept as its kind's.
 * README, performance.
 */
async function answerPanel({ tabId, height, outer, side }) {
  const walk = await takeWalk(tabId);
  if (walk?.json) {
    // Drawn already, or not at all: the walk isn't held back for it. A settled `walk.screen`
    // wins the race over the `null` after it (a race takes its entries' reactions in order).
    const drawn = await Promise.race([walk.screen, null]);
    if (drawn?.html && drawn.height >= height && drawn.height <= Math.max(height, outer)) walk.html = drawn.html;
    (globalThis.__notyetAnswers ??= []).push({ drawn: drawn?.height ?? null, height, outer, taken: !!walk.html }); // @test
    const kind = side ? "panelScale" : "tabScale";
    const scale = drawn?.window && height > 0 ? height / drawn.window : scales[kind];
    if (scale !== scales[kind]) void api.storage.session?.set({ [kind]: (scales[kind] = scale) }).catch(() => {});
    // Out of the answer before it is posted: a promise can't be structured-cloned (postMessage
    // would throw DataCloneError and the panel get nothing).
    delete walk.screen;
  }
  return walk;
}

/** The panel's first screen drawn from `json` for a window `height` tall: `{height, html}`, or null. */
function drawScreen(json, settings, record, height) {
  if (!height) return null;
  try {
    const start = performance.now(); // @test
    const html = loaded.panelScreen(api, json, settings, record, height);
    (globalThis.__notyetScreens ??= []).push(performance.now() - start); // @test
    return { height, html };
  } catch {
    return null; // the panel draws its own
  }
}

/**
 * A toolbar click, or a notice button's `request` (a core `Request`: variant, restore), one at a
 * time a tab. Resolves to the click's record (notice, error), which the side panel shows.
 */
async function click(tab, request) {
  if (busy.has(tab.id)) {
    globalThis.__notyetClicks.push({ tab: tab.id, dropped: true }); // @test
    return { tab: tab.id, dropped: true, error: "busy" };
  }
  busy.add(tab.id);
  try {
    return await clickOnce(tab, request);
  } finally {
    busy.delete(tab.id);
  }
}

async function clickOnce(tab, request) {
  const tabId = tab.id;
  const record = { tab: tabId, start: performance.now() };
  try {
    // Start everything the plan needs at once; the page round trip overlaps storage reads.
    const [c, cfg] = [ready(), loadSettings()];
    const core = await c;
    if (!core.isSupportedUrl(tab.url ?? "")) {
      record.notice = JSON.parse(core.unsupportedNotice(ui()));
      await run(tabId, { op: "notice", ...record.notice });
      return;
    }
    // The walk asked for before the tab's last draft and the notice's shortcut: the browser
    // answers a worker's calls in order, and the page waited for the shortcut list's 0.3 ms
    // (a traced click, 1 Dec; README, performance).
    const walked = run(tabId, snapshotCommand(core));
    const [last, words] = [lastDraft(tabId), noticeWords()];
    const snapshot = await walked;
    record.snapshot = performance.now();
    snapshots.set(tabId, snapshot);
    const plan = JSON.parse(core.planRequest(snapshot, await cfg, JSON.stringify(await last), request ? JSON.stringify(request) : "", ui()));
    record.plan = performance.now();
    // Settings problems are in the notice's details already. A notice that answers the notice's
    // own button or menu takes the keyboard focus, where the user was; otherwise it names the
    // key that reaches it, as the browser has it set.
    const notice = { ...plan.notice, focus: Boolean(request), ...(await words) };
    if (plan.insert) {
      const { node, mode, lines, remember } = plan.insert;
      Object.assign(record, { mode, lines }); // @test
      await beforeInsert?.(tabId); // @test
      const done = await run(tabId, { op: "insert", node, mode, lines, notice, gone: plan.gone_notice });
      record.inserted = performance.now();
      if (done?.reason === "refused") throw Object.assign(new Error("the page refused the text"), { typed: done.typed });
      record.notice = done?.ok ? notice : plan.gone_notice;
      if (done?.ok) {
        drafts.set(tabId, remember);
        await api.storage.session.set({ [draftKey(tabId)]: remember });
      }
    } else {
      record.notice = notice;
      await run(tabId, { op: "notice", ...notice });
    }
    // What was read, for the tests and the options page's preview: the whole page read after the
    // page's work, off the click's path (the plan itself read only what it needed).
    await api.storage.session.set({ lastRead: JSON.parse(core.lastRead()) });
    if (badged.delete(tabId)) await api.action.setBadgeText({ tabId, text: "" });
  } catch (e) {
    record.error = String(e?.message ?? e);
    // Part of the draft typed before the page refused the rest: "Nothing was changed" would be
    // untrue. No English fallback: _locales/en has it.
    const text = e?.typed
      ? say("notice_typed_part")
      : say("notice_failed", `NotYet couldn't finish (${record.error}). Nothing was changed.`, record.error);
    const notice = record.notice ?? { level: "error", text, close: say("notice_close", "Close") };
    record.failed = notice.text; // @test
    // A notice that couldn't be shown (chrome:// pages, the web store) becomes the badge and tooltip.
    if (record.notice || !(await run(tabId, { op: "notice", ...notice }).then(Boolean, () => false))) {
      badged.add(tabId);
      await Promise.allSettled([api.action.setBadgeText({ tabId, text: "!" }), api.action.setTitle({ tabId, title: notice.text })]);
    }
  } finally {
    record.end = performance.now();
    globalThis.__notyetClicks.push(record); // @test
  }
  return record;
}

/** The notice's own few words from _locales: the key that reaches it, and what it says if the page removes it. */
async function noticeWords() {
  const key = (await api.commands?.getAll().catch(() => []))?.find((c) => c.name === "focus-notice")?.shortcut;
  return { hint: key ? say("notice_focus_key", `${key} moves the keyboard focus here; Escape gives it back.`, key) : "", restored: say("notice_restored", "The page removed this notice; NotYet put it back.") };
}

/**
 * "Not right?": the snapshot NotYet last read in this tab (a fresh one if the worker restarted
 * since), masked by the core, shown on the report page for the user to save or discard. It
 * stays in this browser: session storage, then a file the user saves.
 */
async function report(tab) {
  try {
    const core = await ready();
    const snapshot = snapshots.get(tab.id) ?? (await run(tab.id, snapshotCommand(core)));
    const pageReport = core.pageReport(snapshot);
    if (!pageReport) throw new Error("the page could not be read");
    await api.storage.session.set({ pageReport });
    await api.tabs.create({ url: api.runtime.getURL("report.html"), index: tab.index + 1 });
  } catch (e) {
    const text = say("notice_failed", `NotYet couldn't finish (${e?.message ?? e}). Nothing was changed.`, String(e?.message ?? e));
    await run(tab.id, { op: "notice", level: "error", text }).catch(() => {});
  }
}
