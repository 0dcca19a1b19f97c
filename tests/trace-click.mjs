// A click on the benchmark's page of N invitations, traced (issue 8): `node tests/trace-click.mjs
// [N] [CLICKS]` after ./build.sh. Clicks the toolbar button on tests/bench.mjs's page (default 300
// invitations) five times untraced, then CLICKS warm clicks (default 2) and as many first clicks on
// a newly loaded page, each under a CDP trace of every process; prints, for each traced click,
// the tasks of 0.3 ms or more on the page's main thread, the worker's thread and the browser's
// main thread (start from the trace's start, wall and thread time), so that a click's steps read
// as CPU where the machine's load makes the wall clock say little: the walk, the result's
// conversion in the page, the hand-over by the browser, the worker receiving the string, reading
// and planning. The traces go to $TMPDIR/notyet-click-*.json (chrome://tracing, Perfetto).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { bigPage, launch, ROOT, traced } from "./harness.mjs";

const URL = "https://www.linkedin.com/mynetwork/invitation-manager/received/";
const n = Number(process.argv[2]) || 300;
const clicks = Number(process.argv[3]) || 2;
const CATEGORIES = ["toplevel", "devtools.timeline", "v8", "v8.execute"];

/** The outermost tasks of 0.3 ms or more of the three threads a click runs on. */
function report(events, r, label) {
  const name = new Map();
  for (const e of events.filter((e) => e.ph === "M")) {
    if (e.name === "process_name") name.set(`${e.pid}`, e.args.name);
    if (e.name === "thread_name") name.set(`${e.pid}:${e.tid}`, e.args.name);
  }
  const threads = { page: ["Renderer", "CrRendererMain"], worker: ["Extension Renderer", "ServiceWorker thread"], browser: ["Browser", "CrBrowserMain"] };
  const which = (e) => Object.keys(threads).find((k) => name.get(`${e.pid}`) === threads[k][0] && name.get(`${e.pid}:${e.tid}`) === threads[k][1]);
  // Complete events, and B/E pairs folded into them (the worker's microtasks come as pairs).
  const xs = [];
  const open = new Map();
  for (const e of events.filter((e) => "XBE".includes(e.ph) && which(e)).sort((a, b) => a.ts - b.ts)) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === "X") xs.push(e);
    else if (e.ph === "B") open.set(key, [...(open.get(key) ?? []), e]);
    else {
      const b = open.get(key)?.pop();
      if (b) xs.push({ ...b, ph: "X", dur: e.ts - b.ts, tdur: e.tts && b.tts ? e.tts - b.tts : undefined });
    }
  }
  const tasks = xs.filter((e) => e.dur >= 300);
  const t0 = Math.min(...events.filter((e) => e.ts > 0 && e.ph !== "M").map((e) => e.ts));
  console.log(`\n== ${label}: onClicked → snapshot ${(r.snapshot - r.start).toFixed(1)} ms, → plan ${(r.plan - r.start).toFixed(1)} ms`);
  let last = -Infinity;
  for (const e of tasks.sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
    if (e.ts < last) continue; // nested in the task before
    last = e.ts + e.dur;
    const inside = xs.filter((x) => x.pid === e.pid && x.tid === e.tid && x.ts >= e.ts && x.ts + x.dur <= last && x.dur >= 300 && /^(v8\.run|V8\.GC|MinorGC|MajorGC|EvaluateScript|FunctionCall|RunMicrotasks|Receive mojo)/.test(x.name));
    const what = inside.length ? ` (${[...new Set(inside.map((x) => x.name))].join(", ")})` : "";
    console.log(`${which(e).padEnd(8)} ${((e.ts - t0) / 1000).toFixed(1).padStart(7)} +${(e.dur / 1000).toFixed(1).padStart(5)} cpu ${e.tdur ? (e.tdur / 1000).toFixed(1) : "?"}${what}`);
  }
}

const h = await launch();
try {
  await h.setSettings({ me: { name: "Pat Example", email: "pat@example.com" } });
  h.host(URL, bigPage(n), { dir: path.join(ROOT, "tests/fixtures/pages") });
  const page = await h.open(URL);
  for (let i = 0; i < 5; i++) await h.click(page);
  for (const kind of [...Array(clicks).fill("warm"), ...Array(clicks).fill("first")]) {
    if (kind === "first") {
      // As tests/bench.mjs's first clicks: once the page is drawn and half a second has passed.
      await page.reload();
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 500)))));
    }
    const { result, trace } = await traced(h, CATEGORIES, () => h.click(page));
    const events = trace.traceEvents ?? trace;
    const file = path.join(os.tmpdir(), `notyet-click-${n}-${kind}-${Date.now()}.json`);
    fs.writeFileSync(file, JSON.stringify({ traceEvents: events }));
    report(events, result, `${kind} click (${file})`);
  }
} finally {
  await h.close();
}
