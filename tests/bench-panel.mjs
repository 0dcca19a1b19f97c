// Side panel figures (issue 8): `node tests/bench-panel.mjs` after ./build.sh.
// - opened → list shown: pages with 300 and 1,000 invitations all rendered (the panel fixtures'
//   cards, every category); the panel page opened following that tab, from its navigation start
//   to the list drawn from the first reading (the Rust side sets `__notyetPanel.shown`); the
//   median of 7 opens, with the page's snapshot part beside it (from the moment the panel asks
//   for it, so a reading started early by panel-early.js counts only for what it still took).
//   One open's steps: panel-early.js running, its reading started and answered, the WASM ready
//   (panel.js), the stored settings in, the followed tab known, the warm-up page read and
//   decided, the snapshot parsed, every invitation decided. Beside it, when the list was painted:
//   the frame that first drew a row on screen (Element Timing's render time of the first row's
//   name), which adds the style, layout and paint the list causes and the wait for that frame;
//   and when every invitation was decided and the counts shown ("all decided"): the first list
//   decides only the rows in view, the rest a frame after it is painted (a build from before
//   that decided every row before showing any: "all decided" is "list shown").
// - the real side panel, opened from the notice's "Triage" button on the same pages (a toolbar
//   click, then that button): from its navigation start and from the worker's sidePanel.open;
//   the page's snapshot part as above (the worker starts the page's walk as it opens the panel,
//   so this is what the walk still took when the panel asked, and the transfer).
//   Beside it the browser's steps (`readPanel`): the page fetched, committed, loaded, shown (a
//   side panel is shown only once its page has loaded) and first painted: what a user sees.
// - FIRST=1: a browser session's first open only, Chromium or Firefox (`firstOpen`).
// - STEPS_OUT=FILE: each side panel open's steps (the medians' inputs) appended to FILE as a JSON
//   line, to pool the opens of several runs of an A/B.
// - scrolling 1,000 rows: the list scrolled by 60 px a frame for 240 frames; frame intervals
//   (requestAnimationFrame) and, per frame, the panel's own work (the scroll handler drawing the
//   rows in view, and the style and layout it causes, forced by reading a row's box).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { launch, ROOT } from "./harness.mjs";

const DIR = path.join(ROOT, "tests/fixtures/panel");
const MANAGER = "https://www.linkedin.com/mynetwork/invitation-manager/received/";
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const ms = (x) => `${x.toFixed(1)} ms`;
/** When the first reading's every row was decided and counted: the step "decided", or the list itself if that came first. */
const allDecided = (r) => Math.max(r.shown, r.steps?.decided ?? r.shown);

/**
 * Set up in the panel page before its own scripts: marks the first row's name for Element Timing
 * as it is added, and keeps its render time (the paint that first showed it) as `__painted`.
 */
function watchFirstPaint() {
  new MutationObserver((_, watcher) => {
    const name = document.querySelector(".row .name");
    if (name) {
      name.setAttribute("elementtiming", "first-row");
      watcher.disconnect();
    }
  }).observe(document, { subtree: true, childList: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.identifier === "first-row") globalThis.__painted ??= e.renderTime || e.loadTime;
  }).observe({ type: "element", buffered: true });
}

/**
 * Run in the side panel's page (a CDP evaluation, so self-contained): once the panel is ready, its
 * `__notyetPanel` with its own steps and the browser's, in ms from its navigation start: `fetch`
 * (the browser asks for panel.html), `response` (it is in), `commit` (the document begins:
 * `domLoading`), `load` (the load event, after which Chromium shows a side panel), `visible` (the
 * page shown: its `visibility-state` entry) and `painted` (its first paint presented: the
 * `first-paint` entry, in steps of 4 ms), what the panel's own steps can't see (README, performance).
 */
function readPanel() {
  // `window`, not `globalThis`: Firefox runs this with the sidebar's window beside its own global.
  if (!window.document.documentElement?.dataset.ready) return null;
  const perf = window.performance;
  const t = perf.timing;
  const since = (x) => (x ? x - t.navigationStart : undefined);
  const browser = {
    fetch: since(t.fetchStart),
    response: since(t.responseEnd),
    commit: since(t.domLoading),
    load: since(t.loadEventStart),
    visible: perf.getEntriesByType("visibility-state").find((e) => e.name === "visible")?.startTime,
    painted: perf.getEntriesByType("paint")[0]?.startTime,
  };
  return { ...window.__notyetPanel, steps: { ...window.__notyetPanelSteps, ...browser }, origin: perf.timeOrigin };
}

/** A page of `n` invitations, all rendered, written by the fixture generator into a temporary file. */
function page(n) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "notyet-panel-")), `panel-${n}.html`);
  execFileSync("python3", ["-c", `import sys; sys.argv=['x']; import make_panel_fixtures as m; open(${JSON.stringify(file)}, 'w').write(m.page(${n}, ${n})[0])`], { cwd: DIR, stdio: ["ignore", "ignore", "inherit"] });
  return file;
}

/**
 * The real side panel, opened as a user opens it from a page: a toolbar click, then the notice's
 * "Triage N invitations" (Chrome passes that click's gesture on to sidePanel.open). Each open from
 * the panel's navigation start, and from the moment the worker opened it (both clocks
 * `performance.timeOrigin`-based), to the list drawn; the first open apart. A side panel starts
 * later than a tab: an empty extension page's first script ran at a median 63.5 ms in the side
 * panel and 49.8 ms in a tab (8 opens each, 30 Nov, idle machine).
 */
async function sidePanel(n, tab) {
  const opened = [];
  const asked = [];
  const decided = [];
  const snaps = [];
  const all = [];
  let steps;
  const opens = Number(process.env.OPENS) || 8;
  for (let i = 0; i < opens; i++) {
    await tab.bringToFront();
    await h.click(tab);
    await h.clickNoticeButton(tab, (label) => label.startsWith("Triage"));
    let r;
    for (let k = 0; k < 500 && !r; k++) {
      r = await h.inSidePanel(readPanel);
      if (!r) await new Promise((done) => setTimeout(done, 20));
    }
    if (r?.rows !== n) throw new Error(`the side panel listed ${r?.rows} of ${n}`);
    const at = await h.ext(() => globalThis.__notyetPanelOpened);
    // The browser session's first open apart (its page process started for it; README, performance).
    if (i === 0) console.log(`${n} invitations: the session's first side panel open → list shown ${ms(r.shown)} from its navigation start, ${ms(r.origin + r.shown - at)} from sidePanel.open; first script ${ms(r.steps.script)}, first screen ${r.steps.screen === undefined ? "none" : ms(r.steps.screen)}`);
    // EACH=1: every open's steps (ms from navigation start).
    if (process.env.EACH) console.log(`  open ${i}: ${["opened", "script", "start", "taken", "screen", "first", "shown", "visible", "painted"].map((k) => `${k} ${(k === "shown" ? r.shown : k === "opened" ? at - r.origin : r.steps[k])?.toFixed(1) ?? "–"}`).join(", ")}`);
    if (i > 0) {
      all.push({ ...r.steps, shown: r.shown, opened: at - r.origin });
      if (process.env.STEPS_OUT) fs.appendFileSync(process.env.STEPS_OUT, `${JSON.stringify(all.at(-1))}\n`);
      opened.push(r.shown);
      asked.push(r.origin + r.shown - at);
      decided.push(allDecided(r));
      snaps.push(r.snapshot);
    }
    steps = r.steps;
    await h.inSidePanel(() => window.close());
    for (let k = 0; k < 100 && (await h.inSidePanel(() => true)); k++) await new Promise((done) => setTimeout(done, 20));
  }
  const at = (k) => (steps[k] ?? NaN).toFixed(1);
  console.log(`${n} invitations, the side panel opened from the notice, one open's steps (ms from navigation start): first script ${at("script")}, page reading started ${at("early")}, WASM ready ${at("start")}, warm-up done ${at("warm")}, page read in ${at("taken")}, parsed ${at("read")}, first rows decided ${at("first")}, all decided ${at("decided")}`);
  const keys = ["opened", "fetch", "response", "commit", "script", "early", "screen", "start", "storage", "tab", "warm", "taken", "read", "first", "shown", "load", "visible", "painted"];
  console.log(`${n} invitations, the side panel's steps, medians of ${all.length} (ms from navigation start; a step an open lacks left out): ${keys.map((k) => `${k} ${median(all.map((s) => s[k]).filter((x) => x !== undefined))?.toFixed(1) ?? "–"}`).join(", ")}`);
  const drawn = (await h.ext(() => globalThis.__notyetScreens)) ?? [];
  if (drawn.length) console.log(`${n} invitations: the first screen drawn in the worker (parse, the rows in view decided, HTML), ${drawn.length} times: median ${ms(median(drawn))}, max ${ms(Math.max(...drawn))} (each: ${drawn.map((d) => d.toFixed(1)).join(", ")})`);
  console.log(`${n} invitations: side panel opened from the notice → list shown, median of ${opens - 1}: ${ms(median(opened))} from the panel's navigation start, ${ms(median(asked))} from the worker's sidePanel.open (the page's snapshot ${ms(median(snaps))} of it; budget ${n === 300 ? "100" : "250"} ms); all decided ${ms(median(decided))}; the page shown by the browser ${ms(median(all.map((s) => s.visible).filter((x) => x !== undefined)) ?? NaN)}, its first paint ${ms(median(all.map((s) => s.painted).filter((x) => x !== undefined)) ?? NaN)} from navigation start`);
}

/**
 * `FIRST=1`: a browser session's first open of the real side panel only, in a browser started for
 * it (Chromium from the notice's Triage; Firefox's sidebar by the shortcut, `BROWSER=firefox`),
 * from its navigation start; then the browser quits. Run it several times: each run is one open.
 */
async function firstOpen(n, tab) {
  await h.click(tab);
  if (h.browser === "firefox") await h.shortcut(tab, "open-panel");
  else await h.clickNoticeButton(tab, (label) => label.startsWith("Triage"));
  let r;
  for (let k = 0; k < 500 && !r; k++) {
    r = await h.inSidePanel(readPanel);
    if (!r) await new Promise((done) => setTimeout(done, 20));
  }
  if (r?.rows !== n) throw new Error(`the side panel listed ${r?.rows} of ${n}`);
  const at = (k) => (r.steps[k] == null ? "none" : ms(r.steps[k]));
  console.log(`${n} invitations, ${h.browser}: the session's first side panel open → list shown ${ms(r.shown)} from its navigation start; first script ${at("script")}, first screen ${at("screen")}, the panel's own first list ${at("first")}; the browser's steps: page asked for ${at("fetch")}, in ${at("response")}, committed ${at("commit")}, loaded ${at("load")}, shown ${at("visible")}, first paint ${at("painted")}`);
}

const h = await launch();
try {
  await h.setSettings(JSON.parse(fs.readFileSync(path.join(DIR, "settings.json"), "utf8")));
  // SIZES=300 and SIDE=1 (the real side panel only, OPENS opens) narrow a run for an A/B.
  for (const n of (process.env.SIZES ?? "300,1000").split(",").map(Number)) {
    h.host(MANAGER, page(n), { dir: DIR });
    const tab = await h.open(MANAGER);
    if (process.env.FIRST) {
      await firstOpen(n, tab);
      continue;
    }
    const id = await h.ext(async (url) => (await chrome.tabs.query({ url })).map((t) => t.id).at(-1), MANAGER);
    const shown = [];
    const painted = [];
    const decided = [];
    const snaps = [];
    // The panel's own part, which load moves less than the page's: the snapshot parsed → the list in the document.
    const own = [];
    for (let i = 0; i < (process.env.SIDE ? 0 : 8); i++) {
      const panel = await h.context.newPage();
      await panel.addInitScript(watchFirstPaint);
      await panel.goto(h.extensionUrl(`panel.html?tab=${id}`));
      await panel.waitForSelector("html[data-ready]");
      await panel.waitForFunction(() => globalThis.__painted, null, { timeout: 5000 });
      const r = await panel.evaluate(() => ({ ...globalThis.__notyetPanel, painted: globalThis.__painted, steps: globalThis.__notyetPanelSteps }));
      if (i === 7) {
        const at = (k) => (r.steps[k] ?? NaN).toFixed(1);
        console.log(
          `${n} invitations, one open's steps (ms from navigation start): first script ${at("script")}, page reading started ${at("early")}, ` +
            `WASM ready ${at("start")}, storage ${at("storage")}, tab known ${at("tab")}, warm-up done ${at("warm")}, page read in ${at("taken")}, parsed ${at("read")}, first rows decided ${at("first")}, list shown ${r.shown.toFixed(1)}, painted ${r.painted.toFixed(1)}, all decided ${allDecided(r).toFixed(1)}`,
        );
      }
      if (r.rows !== n) throw new Error(`the panel listed ${r.rows} of ${n}`);
      if (i > 0) {
        // The first open starts the extension's page process: reported apart.
        shown.push(r.shown);
        painted.push(r.painted);
        decided.push(allDecided(r));
        snaps.push(r.snapshot);
        own.push(r.shown - r.steps.read);
      } else console.log(`${n} invitations: first open ${ms(r.shown)}`);
      if (n === 1000 && i === 7) {
        const frames = await panel.evaluate(async () => {
          const list = document.getElementById("list");
          const work = [];
          const gaps = [];
          list.addEventListener("scroll", () => {
            const t = performance.now();
            // The handler ran in the capture phase, before this one: force the style and layout it caused.
            document.querySelector(".row")?.getBoundingClientRect();
            work.push(performance.now() - t);
          });
          let last = performance.now();
          for (let f = 0; f < 240; f++) {
            await new Promise((r) => requestAnimationFrame(r));
            const now = performance.now();
            gaps.push(now - last);
            last = now;
            const t = performance.now();
            list.scrollTop += 60;
            list.dispatchEvent(new Event("scroll")); // the real one comes a frame later; this measures the same handler now
            work.push(performance.now() - t);
          }
          return { gaps: gaps.slice(1), work, rows: document.querySelectorAll(".row").length, top: list.scrollTop };
        });
        const dropped = frames.gaps.filter((g) => g > 1.5 * median(frames.gaps)).length;
        console.log(`1,000-row list, 240 frames scrolled by 60 px: rows in the document ${frames.rows}; panel work per frame median ${ms(median(frames.work))}, p95 ${ms(p95(frames.work))}, max ${ms(Math.max(...frames.work))}; frame interval median ${ms(median(frames.gaps))}, p95 ${ms(p95(frames.gaps))}, max ${ms(Math.max(...frames.gaps))}; frames over 1.5× the median: ${dropped}`);
      }
      await panel.close();
    }
    if (!process.env.SIDE) console.log(`${n} invitations: panel opened → list shown, median of 7: ${ms(median(shown))} (the page's snapshot ${ms(median(snaps))} of it; budget ${n === 300 ? "100" : "250"} ms); painted on screen ${ms(median(painted))}; all decided (every count in) ${ms(median(decided))}; parsed → list shown ${ms(median(own))}`);
    await sidePanel(n, tab);
    await tab.close();
  }
} finally {
  await h.close();
}
