// `./build.sh bench`: how long a click takes, against the floor the browser itself sets.
// - click to draft, warm: onClicked to the text being in the box, median of 20 clicks
// - click to draft, cold: the same on a freshly started service worker (WASM not yet loaded)
// - floor: the same two executeScript round trips (one returning a tiny value, one inserting
//   the same text) doing no other work, from the worker, in the same run
// - snapshot + read on generated pages of 300 and 1,000 invitations (agent time in the page, read
//   time in WASM, and onClicked → plan with the page-to-worker transfer); the snapshot also as a
//   click takes it, in the page's isolated world, with the transfer of its JSON to the worker
// - WASM size after wasm-opt
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { snapshot } from "../extension/agent.js";
import { bigPage, EXTENSION, launch, ROOT } from "./harness.mjs";
import init, { snapshotRequest } from "../dist/chrome/wasm/notyet_wasm.js";

// The built core, loaded here too, gives the agent's snapshot request exactly as the worker sends it.
await init({ module_or_path: fs.readFileSync(path.join(EXTENSION, "wasm/notyet_wasm_bg.wasm")) });

const PAGES = path.join(ROOT, "tests/fixtures/pages");
const URL = "https://www.linkedin.com/mynetwork/invitation-manager/received/";
const SETTINGS = { me: { name: "Pat Example", email: "pat@example.com" } };
const WARM = 20;
const COLD = 7;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;

/** Clicks `times` times; returns each click's onClicked → text-in-box time. */
async function clicks(h, page, times) {
  const out = [];
  for (let i = 0; i < times; i++) {
    const r = await h.click(page);
    if (r.error || r.inserted === undefined) throw new Error(`click ${i + 1} did not insert: ${r.error ?? r.notice?.text}`);
    out.push(r);
  }
  return out;
}

/** The floor, measured in the worker: two bare executeScript round trips, the second typing `lines`. */
async function floor(h, tabId, lines, times) {
  return (await h.worker()).evaluate(async ([tabId, lines, times]) => {
    const out = [];
    for (let i = 0; i < times; i++) {
      const t0 = performance.now();
      await chrome.scripting.executeScript({ target: { tabId }, func: () => 1 });
      await chrome.scripting.executeScript({
        target: { tabId },
        args: [lines],
        func: (lines) => {
          const box = document.activeElement;
          const sel = box.ownerDocument.getSelection();
          sel.selectAllChildren(box);
          lines.forEach((line, k) => {
            if (k) document.execCommand("insertParagraph");
            if (line) document.execCommand("insertText", false, line);
          });
        },
      });
      out.push(performance.now() - t0);
    }
    return out;
  }, [tabId, lines, times]);
}

/**
 * The snapshot as a click takes it: in the page's isolated world, from the worker. The agent's
 * source is inlined in the injected function, which times it inside the page; the round trip
 * less that time is the transfer of its JSON back (and the injection, about 1 ms of it). The
 * source is the extension's own, so the walk runs in the copy the clicks installed (warm).
 * Returns `times` walk times and `times` transfer times.
 */
async function isolated(h, tabId, times) {
  return (await h.worker()).evaluate(`(async () => {
    const timed = function (command) { const snapshot = ${snapshot}; const t = performance.now(); const json = snapshot(command); return [performance.now() - t, json]; };
    const walks = [];
    const sent = [];
    for (let i = 0; i < ${times}; i++) {
      const t = performance.now();
      const [{ result: [walk] }] = await chrome.scripting.executeScript({ target: { tabId: ${tabId} }, func: timed, args: [{ op: "snapshot", ...${snapshotRequest()} }] });
      walks.push(walk);
      sent.push(performance.now() - t - walk);
    }
    return [walks, sent];
  })()`);
}

const h = await launch();
const rows = [];
try {
  await h.setSettings(SETTINGS);

  // Small page: the ordinary case.
  h.host(URL, path.join(PAGES, "new-reply-light.html"), { dir: PAGES });
  const page = await h.open(URL);
  await clicks(h, page, 1); // warms the WASM and the page's isolated world
  // Clicks and floor runs alternate, so that both see the same machine.
  const lines = await page.evaluate(() => [...document.activeElement.children].map((p) => p.textContent));
  const warm = [];
  const bare = [];
  for (let i = 0; i < WARM; i++) {
    const [r] = await clicks(h, page, 1);
    warm.push(r);
    bare.push(...(await floor(h, r.tab, lines, 1)));
  }
  const cold = [];
  for (let i = 0; i < COLD; i++) {
    await h.stopWorker();
    const [r] = await clicks(h, page, 1);
    cold.push(r);
  }
  await page.close();
  const w = median(warm.map((r) => r.inserted - r.start));
  const f = median(bare);
  rows.push(["click to draft, warm (median of 20)", ms(w), "≤ 30 ms"]);
  rows.push(["  snapshot round trip / read + plan / insert round trip", [r => r.snapshot - r.start, r => r.plan - r.snapshot, r => r.inserted - r.plan].map((f) => median(warm.map(f)).toFixed(1)).join(" / ") + " ms", ""]);
  rows.push(["floor: 2 bare round trips, warm (median of 20)", ms(f), `goal: warm ≤ 1.5× floor (now ${(w / f).toFixed(2)}×)`]);
  const c = median(cold.map((r) => r.inserted - r.start));
  rows.push([`click to draft, cold (median of ${COLD} new workers)`, ms(c), "≤ 120 ms"]);
  rows.push(["  of which WASM load + first snapshot", ms(median(cold.map((r) => r.snapshot - r.start))), ""]);

  // 300 and 1,000 invitations: the agent's walk in the page, then the whole click from the worker.
  for (const n of [300, 1000]) {
    h.host(URL, bigPage(n), { dir: PAGES });
    const big = await h.open(URL);
    const inPage = [];
    let size = 0;
    for (let i = 0; i < 10; i++) {
      const [t, chars] = await big.evaluate(`(() => { const snapshot = ${snapshot}; const t = performance.now();
        const s = snapshot({ op: "snapshot", ...${snapshotRequest()} }); return [performance.now() - t, s.length]; })()`);
      inPage.push(t);
      size = chars;
    }
    const bigClicks = await clicks(h, big, 10);
    const found = (await h.lastRead())?.length;
    if (found !== n) throw new Error(`the ${n}-invitation page read as ${found} invitations`);
    const [iso, sent] = await isolated(h, bigClicks[0].tab, 10);
    // A document runs the agent in the first copy it got, which V8 has optimized by the later
    // clicks: the first click on a newly loaded page walks cold, and is the one most users make.
    // A person clicks once the page is drawn and read, not at its load event: right after it,
    // the page was still busy and an empty executeScript took 2–61 ms to come back (5 reloads
    // each of 300 and 1,000 invitations, 30 Nov); after two frames and half a second, 1.5–14.9 ms
    // (8 of 10 under 3 ms).
    const firsts = [];
    for (let i = 0; i < 5; i++) {
      await big.reload();
      await big.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 500)))));
      firsts.push(...(await clicks(h, big, 1)));
    }
    const walk = median(inPage);
    const read = median(bigClicks.map((r) => r.plan - r.snapshot));
    const budget = n === 300 ? 40 : 120;
    rows.push([`snapshot + read, ${n} invitations (agent in the page + core in WASM)`, ms(walk + read), n === 300 ? "≤ 50 ms" : ""]);
    rows.push([`  snapshot in the page's own world (${Math.round(size / 1024)} KB JSON) / read + plan in WASM, medians of 10`, `${walk.toFixed(1)} / ${read.toFixed(1)} ms`, ""]);
    rows.push(["  snapshot where a click takes it (the page's isolated world) / its transfer to the worker", `${median(iso).toFixed(1)} / ${median(sent).toFixed(1)} ms`, n === 300 ? "together ≤ 15 ms" : "together ≤ 50 ms"]);
    rows.push(["  with the page-to-worker transfer (onClicked → plan, median of 10)", ms(median(bigClicks.map((r) => r.plan - r.start))), `≤ ${budget} ms (issue 8)`]);
    rows.push(["  the same, the first click on a newly loaded page (median of 5 loads)", ms(median(firsts.map((r) => r.plan - r.start))), `≤ ${budget} ms (issue 8)`]);
    rows.push([`click to draft, ${n} invitations (median of 10)`, ms(median(bigClicks.map((r) => r.inserted - r.start))), ""]);
    await big.close();
  }
} finally {
  await h.close();
}

const wasm = fs.readFileSync(path.join(EXTENSION, "wasm/notyet_wasm_bg.wasm"));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
// The budget is read with `gzip -9` as build.sh prints it; zlib's level 9 (another deflate) is shown beside it.
const gzip = execFileSync("gzip", ["-9c"], { input: wasm, maxBuffer: 1 << 26 }).length;
// The size budgets live at the top of build.sh, where the build enforces them; read, not repeated.
const budgets = Object.fromEntries([...fs.readFileSync(path.join(ROOT, "build.sh"), "utf8").matchAll(/^(WASM_BUDGET|WASM_GZIP_BUDGET)=(\d+)/gm)].map(([, k, v]) => [k, Number(v)]));
rows.push(["WASM size (after wasm-opt)", `${kb(wasm.length)} raw, ${kb(gzip)} gzip -9 (zlib level 9: ${kb(zlib.gzipSync(wasm, { level: 9 }).length)})`, `≤ ${kb(budgets.WASM_BUDGET)}, ≤ ${kb(budgets.WASM_GZIP_BUDGET)} gzipped (build.sh)`]);

const width = [0, 1, 2].map((k) => Math.max(...rows.map((r) => r[k].length), ["what", "measured", "budget"][k].length));
const line = (r) => `| ${r.map((c, k) => c.padEnd(width[k])).join(" | ")} |`;
console.log(`\nNotYet bench, ${os.cpus()[0]?.model ?? "unknown CPU"} (${os.cpus().length} cores), ${process.env.CHROMIUM || "/usr/bin/chromium"}`);
console.log(line(["what", "measured", "budget"]));
console.log(line(width.map((n) => "-".repeat(n))));
for (const r of rows) console.log(line(r));
