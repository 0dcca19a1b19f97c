// The real side panel's open, traced (issue 8): `node tests/trace-panel.mjs [N] [OPENS]` after
// ./build.sh. Opens the side panel from the notice's "Triage" button on a page of N invitations
// (default 300) as tests/bench-panel.mjs does, OPENS times (default 4, the first untraced), each
// under a CDP trace of every process; prints, for each traced open, the panel's main-thread tasks
// from its navigation start (start, wall and thread time, what ran in them) and the panel's own
// steps, and writes the traces to $TMPDIR/notyet-trace-*.json for chrome://tracing or Perfetto.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { launch, ROOT, traced } from "./harness.mjs";

const DIR = path.join(ROOT, "tests/fixtures/panel");
const MANAGER = "https://www.linkedin.com/mynetwork/invitation-manager/received/";
const n = Number(process.argv[2]) || 300; // `--report FILE...`: the report of traces written before
const opens = Number(process.argv[3]) || 4;
// Few categories: with the verbose ones (disabled-by-default-devtools.timeline, mojom, v8) every step came twice as late.
const CATEGORIES = (process.env.CATEGORIES || "toplevel,devtools.timeline,blink.user_timing,loading,v8.wasm").split(",");

function page(count) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "notyet-panel-")), `panel-${count}.html`);
  execFileSync("python3", ["-c", `import sys; sys.argv=['x']; import make_panel_fixtures as m; open(${JSON.stringify(file)}, 'w').write(m.page(${count}, ${count})[0])`], { cwd: DIR, stdio: ["ignore", "ignore", "inherit"] });
  return file;
}

/** The panel's main thread's tasks, with their children, from its navigation start. */
function report(trace, r, label) {
  const events = trace.traceEvents ?? trace;
  const nav = events.filter((e) => e.name === "navigationStart" && JSON.stringify(e.args ?? {}).includes("panel.html")).at(-1);
  if (!nav) return console.log(`${label}: no navigationStart for panel.html in the trace`);
  const { pid, tid } = nav;
  const t0 = nav.ts;
  const at = (ts) => ((ts - t0) / 1000).toFixed(1);
  // Complete events of that thread, B/E pairs folded into them.
  const mine = events.filter((e) => e.pid === pid && e.tid === tid && e.ts >= t0 - 1000);
  const open = [];
  const xs = [];
  for (const e of mine.sort((a, b) => a.ts - b.ts)) {
    if (e.ph === "X") xs.push(e);
    else if (e.ph === "B") open.push(e);
    else if (e.ph === "E") {
      const b = open.pop();
      if (b) xs.push({ ...b, ph: "X", dur: e.ts - b.ts, tdur: e.tts && b.tts ? e.tts - b.tts : undefined, args: { ...b.args, ...e.args } });
    }
  }
  xs.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const all = xs.filter((e) => e.cat.includes("toplevel"));
  const tops = all.filter((e, i) => e.dur >= 200 && !all.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur && (o.ts < e.ts || o.dur > e.dur || all.indexOf(o) < i)));
  const opened = r.opened - r.origin;
  console.log(`\n== ${label}: sidePanel.open at ${opened.toFixed(1)} ms; steps: ${Object.entries(r.steps).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(", ")}; shown ${r.shown.toFixed(1)}`);
  const describe = (e) => {
    const d = e.args?.data ?? e.args ?? {};
    const what = d.url ? ` ${String(d.url).split("/").pop()}${d.lineNumber ? `:${d.lineNumber}` : ""}` : d.functionName ? ` ${d.functionName}` : "";
    const mojo = e.args?.chrome_mojo_event_info ? ` ${JSON.stringify(e.args.chrome_mojo_event_info).slice(0, 120)}` : "";
    return `${e.name}${what}${mojo}`;
  };
  // Other renderers' main threads (the LinkedIn tab's walk and hand-over), tasks of 1 ms or more.
  const names = new Map(events.filter((e) => e.ph === "M" && e.name === "thread_name").map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const others = events.filter((e) => e.ph === "X" && e.pid !== pid && e.cat.includes("toplevel") && e.dur >= 1000 && e.ts >= t0 + opened * 1000 - 2000 && e.ts <= t0 + r.shown * 1000 && names.get(`${e.pid}:${e.tid}`) === "CrRendererMain");
  for (const e of others) console.log(`   other ${e.pid}: ${at(e.ts)} +${(e.dur / 1000).toFixed(1)} (cpu ${e.tdur ? (e.tdur / 1000).toFixed(1) : "?"}) ${describe(e)}`);
  // The service worker's tasks of 0.5 ms or more meanwhile (the walk's hand-over, the first screen
  // it draws for the panel): they share the 2 cores with the panel page's start.
  const worker = events.filter((e) => e.ph === "X" && e.cat.includes("toplevel") && e.dur >= 500 && e.ts >= t0 + opened * 1000 - 2000 && e.ts <= t0 + r.shown * 1000 && /ServiceWorker/.test(names.get(`${e.pid}:${e.tid}`)));
  for (const e of worker) console.log(`   worker ${e.pid}: ${at(e.ts)} +${(e.dur / 1000).toFixed(1)} (cpu ${e.tdur ? (e.tdur / 1000).toFixed(1) : "?"}) ${describe(e)}`);
  for (const t of tops) {
    const boring = /^(ThreadControllerImpl::RunTask|Receive mojo|SimpleWatcher|RenderFrameImpl|FrameLoader|DocumentLoader::Commit|v8.callFunction$|BlinkScheduler)/;
    const inside = xs.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e.dur >= 300 && !boring.test(e.name));
    console.log(`${at(t.ts).padStart(7)} +${(t.dur / 1000).toFixed(1).padStart(5)} (cpu ${t.tdur ? (t.tdur / 1000).toFixed(1) : "?"}) ${describe(t)}`);
    for (const e of inside.slice(0, 10)) console.log(`${"".padStart(9)}${at(e.ts).padStart(7)} +${(e.dur / 1000).toFixed(1).padStart(5)} ${describe(e)}`);
  }
}

if (process.argv[2] === "--report") {
  for (const file of process.argv.slice(3)) {
    const trace = JSON.parse(fs.readFileSync(file, "utf8"));
    report(trace, trace.notyet, file);
  }
  process.exit(0);
}

const h = await launch();
try {
  await h.setSettings(JSON.parse(fs.readFileSync(path.join(DIR, "settings.json"), "utf8")));
  h.host(MANAGER, page(n), { dir: DIR });
  const tab = await h.open(MANAGER);
  for (let i = 0; i < opens; i++) {
    await tab.bringToFront();
    await h.click(tab);
    const open = async () => {
      await h.clickNoticeButton(tab, (label) => label.startsWith("Triage"));
      let r;
      for (let k = 0; k < 500 && !r; k++) {
        r = await h.inSidePanel(() => (document.documentElement?.dataset.ready ? { ...globalThis.__notyetPanel, steps: globalThis.__notyetPanelSteps, origin: performance.timeOrigin } : null));
        if (!r) await new Promise((done) => setTimeout(done, 20));
      }
      r.opened = await h.ext(() => globalThis.__notyetPanelOpened);
      return r;
    };
    if (i === 0) await open();
    else {
      const { result, trace } = await traced(h, CATEGORIES, open);
      const file = path.join(os.tmpdir(), `notyet-trace-${n}-${i}.json`);
      fs.writeFileSync(file, JSON.stringify({ traceEvents: trace.traceEvents ?? trace, notyet: result }));
      report(trace, result, `open ${i} (${file})`);
    }
    await h.inSidePanel(() => window.close());
    for (let k = 0; k < 100 && (await h.inSidePanel(() => true)); k++) await new Promise((done) => setTimeout(done, 20));
  }
} finally {
  await h.close();
}
