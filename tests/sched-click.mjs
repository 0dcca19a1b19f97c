// Where a click's wall time goes on a shared machine (issue 8): `node tests/sched-click.mjs [N]
// [CLICKS]` after ./build.sh, as root (perf's scheduler tracepoints). Clicks the toolbar button on
// tests/bench.mjs's page (default 300 invitations) five times, then CLICKS more (default 8; FIRST=1:
// each on a newly loaded page) under `perf sched record` of the whole machine, the worker's click
// records put on perf's clock (CLOCK_MONOTONIC, Node's hrtime; the worker's `performance.now()`
// offset by the tightest of 15 round trips). For each click's `onClicked` → plan it prints how the
// time splits among the click's threads (the browser's main and IO threads, the page's renderer,
// the worker's thread and its process's IO thread): one of them on a core; none on a core but one
// runnable (woken and not yet run, or preempted); none runnable (a hand-over waiting on nothing
// but itself). Then the walk's and the worker's threads on their own (on a core, waiting for one,
// asleep while a helper of their process ran or waited: V8's parallel collections join there),
// and who held the cores while the click's threads waited. CPU times don't say it: under
// `chrt -r 1` the same clicks take their CPU time, at normal priority the machine's other work
// decides (README, performance: "The 300 click at normal priority, scheduled").
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { bigPage, launch, ROOT } from "./harness.mjs";

const URL = "https://www.linkedin.com/mynetwork/invitation-manager/received/";
const n = Number(process.argv[2]) || 300;
const clicks = Number(process.argv[3]) || 8;
const DATA = path.join(fs.mkdtempSync("/tmp/notyet-sched-"), "perf.data");
const mono = () => Number(process.hrtime.bigint()) / 1e6;

/** This process and every process under it (the browser's), with each thread's name and nice. */
function ours() {
  const kids = new Map();
  for (const d of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      kids.set(ppid, [...(kids.get(ppid) ?? []), Number(d)]);
    } catch {}
  }
  const pids = [process.pid];
  for (let i = 0; i < pids.length; i++) pids.push(...(kids.get(pids[i]) ?? []));
  const threads = [];
  for (const pid of pids) {
    try {
      // Chromium's children rewrite their command line into one string: split on spaces too.
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
      const type = pid === process.pid ? "node" : `${cmd.match(/--type=(\S+)/)?.[1] ?? "browser"}${cmd.includes("--extension-process") ? " (extension)" : ""}`;
      for (const tid of fs.readdirSync(`/proc/${pid}/task`).map(Number)) {
        const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
        const nice = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
        threads.push({ pid, tid, type, nice, comm: fs.readFileSync(`/proc/${pid}/task/${tid}/comm`, "utf8").trim() });
      }
    } catch {}
  }
  return threads;
}

const h = await launch();
const records = [];
let threads;
let perf;
try {
  await h.setSettings({ me: { name: "Pat Example", email: "pat@example.com" } });
  h.host(URL, bigPage(n), { dir: path.join(ROOT, "tests/fixtures/pages") });
  const page = await h.open(URL);
  for (let i = 0; i < 5; i++) await h.click(page);
  const worker = await h.worker();
  let offset = { rt: Infinity };
  for (let i = 0; i < 15; i++) {
    const a = mono();
    const t = await worker.evaluate(() => performance.now());
    const b = mono();
    if (b - a < offset.rt) offset = { rt: b - a, ms: (a + b) / 2 - t };
  }
  perf = spawn("perf", ["sched", "record", "-k", "CLOCK_MONOTONIC", "-o", DATA], { stdio: ["ignore", "ignore", "inherit"] });
  await new Promise((r) => setTimeout(r, 800));
  for (let k = 0; k < clicks; k++) {
    if (process.env.FIRST) {
      // As tests/bench.mjs's first clicks: once the page is drawn and half a second has passed.
      await page.reload();
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 500)))));
    }
    const r = await h.click(page);
    records.push({ start: r.start + offset.ms, plan: r.plan + offset.ms });
    await new Promise((r) => setTimeout(r, 250));
  }
  threads = ours();
} finally {
  perf?.kill("SIGINT");
  if (perf) await new Promise((r) => perf.on("exit", r));
  await h.close();
}

// Each line of `perf sched timehist --state` is a thread leaving a core: its run before, the wait
// from its wakeup to that run ("sch delay"), and its state as it left (R: preempted, still runnable).
const runs = new Map();
const all = [];
const text = execFileSync("perf", ["sched", "timehist", "--state", "-i", DATA], { maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "ignore"] }).toString();
fs.rmSync(path.dirname(DATA), { recursive: true, force: true });
for (const line of text.split("\n")) {
  const m = line.match(/^\s*(\d+\.\d+)\s+\[\d+\]\s+(.*?)\s+\d+\.\d+\s+(\d+\.\d+)\s+(\d+\.\d+)\s+(\S+)\s*$/);
  if (!m) continue;
  const end = Number(m[1]) * 1000;
  const e = { r0: end - Number(m[4]), end, delay: Number(m[3]), state: m[5], tid: Number(m[2].match(/\[(\d+)(?:\/\d+)?\]$/)?.[1]), task: m[2] };
  all.push(e);
  runs.set(e.tid, [...(runs.get(e.tid) ?? []), e]);
}
const byTid = new Map(threads.map((t) => [t.tid, t]));
/** Intervals clipped to [a, b], merged. */
const within = (ivs, a, b) => {
  const xs = ivs.map(([x, y]) => [Math.max(x, a), Math.min(y, b)]).filter(([x, y]) => y > x).sort((p, q) => p[0] - q[0]);
  const out = [];
  for (const iv of xs) if (out.length && iv[0] <= out.at(-1)[1]) out.at(-1)[1] = Math.max(out.at(-1)[1], iv[1]);
  else out.push([...iv]);
  return out;
};
const length = (ivs) => ivs.reduce((s, [x, y]) => s + y - x, 0);
const minus = (ivs, cut) => cut.reduce((left, [c0, c1]) => left.flatMap(([x, y]) => [[x, Math.min(y, c0)], [Math.max(x, c1), y]].filter(([p, q]) => q > p && (q <= c0 || p >= c1))), ivs);
const onCore = (tids) => tids.flatMap((tid) => (runs.get(tid) ?? []).map((e) => [e.r0, e.end]));
const runnable = (tids) =>
  tids.flatMap((tid) => {
    const es = (runs.get(tid) ?? []).sort((a, b) => a.r0 - b.r0);
    return es.map((e, i) => (es[i - 1]?.state === "R" ? [es[i - 1].end, e.r0] : [e.r0 - e.delay, e.r0]));
  });
const asleep = (tid) => {
  const es = (runs.get(tid) ?? []).sort((a, b) => a.r0 - b.r0);
  return es.slice(1).flatMap((e, i) => (es[i].state === "R" ? [] : [[es[i].end, e.r0 - e.delay]]));
};

// The page's renderer: the one (not the extension's) whose main thread ran most in the clicks.
const ran = (tid) => records.reduce((s, c) => s + length(within(onCore([tid]), c.start, c.plan)), 0);
const page = threads.filter((t) => t.type === "renderer" && t.pid === t.tid).sort((a, b) => ran(b.tid) - ran(a.tid))[0];
const sw = threads.find((t) => t.type.endsWith("(extension)") && /ServiceWorker/.test(t.comm));
const chain = threads.filter((t) =>
  (t.type === "browser" && /^(chromium|Chrome_IOThread)$/.test(t.comm)) || (t.pid === page.pid && /^(chromium|Chrome_ChildIOT|ThreadPoolForeg)$/.test(t.comm)) || (t.pid === sw.pid && /^(ServiceWorker t|Chrome_ChildIOT)$/.test(t.comm)));
const helpers = (pid) => threads.filter((t) => t.pid === pid && t.comm === "ThreadPoolForeg").map((t) => t.tid);
console.log(`${clicks} ${process.env.FIRST ? "first" : "warm"} clicks at ${n} invitations; nice: browser main ${byTid.get(threads.find((t) => t.type === "browser").tid).nice}, page main ${page.nice}, worker thread ${sw.nice}, the worker's process's main ${byTid.get(sw.pid).nice}`);
const sum = { wall: 0, on: 0, wait: 0 };
const held = new Map();
const ms = (x) => x.toFixed(1).padStart(5);
for (const c of records) {
  const on = within(onCore(chain.map((t) => t.tid)), c.start, c.plan);
  const wait = minus(within(runnable(chain.map((t) => t.tid)), c.start, c.plan), on);
  const wall = c.plan - c.start;
  sum.wall += wall;
  sum.on += length(on);
  sum.wait += length(wait);
  for (const e of all)
    for (const [x, y] of wait) {
      const o = Math.min(e.end, y) - Math.max(e.r0, x);
      const t = byTid.get(e.tid);
      const who = t ? `ours: ${t.type} ${t.comm}` : e.task.startsWith("<idle>") ? "idle" : `others: ${e.task.replace(/\[.*$/, "").replace(/:.*$/, "")}`;
      if (o > 0) held.set(who, (held.get(who) ?? 0) + o);
    }
  const parts = [page, sw].map((t) => {
    const sleep = within(asleep(t.tid), c.start, c.plan);
    const helping = length(sleep.flatMap(([x, y]) => within([...onCore(helpers(t.pid)), ...runnable(helpers(t.pid))], x, y)));
    return `${ms(length(within(onCore([t.tid]), c.start, c.plan)))} /${ms(length(within(runnable([t.tid]), c.start, c.plan)))} /${ms(helping)}`;
  });
  console.log(`${ms(wall)} ms = on a core ${ms(length(on))} + waiting for one ${ms(length(wait))} + none runnable ${ms(wall - length(on) - length(wait))} | walk's thread${parts[0]} | worker${parts[1]} (on a core / waiting for one / asleep on its helpers)`);
}
const k = records.length;
console.log(`mean ${ms(sum.wall / k)} ms = on a core ${ms(sum.on / k)} + waiting for one ${ms(sum.wait / k)} + none runnable ${ms((sum.wall - sum.on - sum.wait) / k)}`);
console.log(`the cores meanwhile, ms a click: ${[...held].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([w, t]) => `${w} ${(t / k).toFixed(1)}`).join("; ")}`);
