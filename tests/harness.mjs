// The browser side of NotYet's tests, demo and benchmarks: an HTTPS server that plays
// www.linkedin.com (and every other host), a browser with the test build of the extension, and
// helpers to click the toolbar action the way the browser does and to read the message box.
//
// One interface for both browsers (`launch({browser})`, default `$BROWSER` or chromium):
//   h.open(url) / h.blank() / h.host(url, file)    a tab; a page served at an address
//   h.click(page) / h.waitForClick(n)              the toolbar action, and the worker's record of it
//   h.ext(fn, arg)                                 runs `fn` in the extension (storage, action)
//   h.restartBackground()                          stops the background; the next click starts it
//   h.watchRequests()                              every request that leaves the browser
//   h.pressNotice(page, label)                     a button on NotYet's notice, clicked for real
//   page.evaluate(fn, arg), page.keyboard.insertText(text), page.close()
// Chromium is driven by playwright-core over CDP (the click: Extensions.triggerAction); Firefox
// by our own Marionette client (tests/marionette.mjs; the click: the browser action's own
// triggerAction in the browser's chrome, which grants activeTab as a real click does).
import { chromium } from "playwright-core";
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Marionette } from "./marionette.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/**
 * The test build: what dist/ ships plus the worker's test seams (click records, a hook before
 * the insertion), which ./build.sh strips from dist/. Tests and benchmarks load this one;
 * `TEST_BUILD=DIR` another (an A/B's other build: DIR/chrome, DIR/firefox).
 */
export const TEST_BUILD = process.env.TEST_BUILD ? path.resolve(process.env.TEST_BUILD) : path.join(ROOT, "target/ext-test");
export const EXTENSION = path.join(TEST_BUILD, "chrome");
export const BROWSER = process.env.BROWSER || "chromium";

/** A LinkedIn-like policy: no inline script, no eval, no WASM, Trusted Types required. */
export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "require-trusted-types-for 'script'",
  "trusted-types default",
].join("; ");

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css", ".json": "application/json", ".png": "image/png", ".svg": "image/svg+xml", ".jpg": "image/jpeg" };

/**
 * The agent's compact element (`[tag, id?, {attributes}?, flags..., child...]`, ids implicit in
 * document order; crates/core/src/snapshot.rs) as plain objects for tests to walk:
 * `{i, t, a: [name, value, ...], c: [text or element, ...], h: 1 (hidden), x: 1|2 (cut)}`.
 */
export function tree(root) {
  let last = 0;
  const node = ([t, ...items]) => {
    const n = { t, i: last + 1, a: [], c: [] };
    if (typeof items[0] === "number" && items[0] > 0) n.i = items.shift();
    last = n.i;
    for (const item of items) {
      if (item === 0) n.h = 1;
      else if (item === -1) n.x = 1;
      else if (item === -2) n.x = 2;
      else if (typeof item === "string") n.c.push(item);
      else if (Array.isArray(item)) n.c.push(node(item));
      else n.a.push(...Object.entries(item).flat());
    }
    return n;
  };
  return node(root);
}

/**
 * The extension's interface words in `lang` ("en", "de", "fr") as `{ key: { message } }`: the
 * pages' own from crates/options/src/messages.rs (a key, then its English, German and French
 * wordings as string literals), the rest from `_locales`, which keeps what the browser reads.
 */
export function messages(lang) {
  const out = JSON.parse(fs.readFileSync(path.join(ROOT, `extension/_locales/${lang}/messages.json`), "utf8"));
  const source = fs.readFileSync(path.join(ROOT, "crates/options/src/messages.rs"), "utf8");
  const table = source.slice(source.indexOf("static MESSAGES")).split("\n").slice(1).map((l) => l.trim());
  const column = ["en", "de", "fr"].indexOf(lang);
  for (let i = 0; table[i]?.endsWith(":"); i += 4) {
    // A Rust string literal's escapes that the wordings use (\") are JSON's too.
    out[table[i].slice(0, -1)] = { message: JSON.parse(table[i + 1 + column].slice(0, -1)) };
  }
  return out;
}

/** Runs of white space become one space, ends trimmed: how fixtures compare text (tests/fixtures/README.md). */
export const fold = (s) => (s ?? "").replace(/\s+/g, " ").trim();

/**
 * The benchmarks' page of `n` invitations (tests/bench.mjs, tests/trace-click.mjs): the 2026-layout fixture with
 * its first invitation card repeated up to `n` cards, written to a temp file.
 */
export function bigPage(n) {
  const html = fs.readFileSync(path.join(ROOT, "tests/fixtures/pages/new-reply-light.html"), "utf8");
  const open = '  <div class="_175f6c4b _845acbad _93e2ccf0">';
  const first = html.indexOf(open);
  const second = html.indexOf(open, first + open.length);
  const card = html.slice(first, second);
  const have = html.split('role="listitem"').length - 1;
  const copies = Array.from({ length: n - have }, (_, k) =>
    card.replaceAll("Kathie Smith", `Sam Person${k}`).replaceAll("kathie-smith", `sam-person-${k}`).replaceAll("Kathie", `Sam${k}`).replaceAll("000010", String(100000 + k)));
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "notyet-bench-")), `invitations-${n}.html`);
  fs.writeFileSync(file, html.slice(0, second) + copies.join("") + html.slice(second));
  return file;
}

/**
 * `body()` under a CDP trace of every process of the browser `h` (Chromium), of the trace
 * `categories`: `{ result, trace }`, the trace as Chrome writes it (tests/trace-panel.mjs,
 * tests/trace-click.mjs).
 */
export async function traced(h, categories, body) {
  await h.cdp.send("Tracing.start", { traceConfig: { includedCategories: categories, recordMode: "recordAsMuchAsPossible" }, transferMode: "ReturnAsStream" });
  const result = await body();
  const complete = new Promise((done) => h.cdp.once("Tracing.tracingComplete", done));
  await h.cdp.send("Tracing.end");
  const { stream } = await complete;
  let text = "";
  for (;;) {
    const { data, eof, base64Encoded } = await h.cdp.send("IO.read", { handle: stream, size: 1 << 20 });
    text += base64Encoded ? Buffer.from(data, "base64").toString() : data;
    if (eof) break;
  }
  await h.cdp.send("IO.close", { handle: stream });
  return { result, trace: JSON.parse(text) };
}

/** A self-signed certificate for www.linkedin.com, made fresh for this run. */
function certificate(dir) {
  const key = path.join(dir, "key.pem");
  const cert = path.join(dir, "cert.pem");
  execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
    "-subj", "/CN=www.linkedin.com", "-addext", "subjectAltName=DNS:www.linkedin.com,DNS:linkedin.com,DNS:*.example.com",
    "-keyout", key, "-out", cert], { stdio: "ignore" });
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
}

/**
 * The site under test. `site.pages` maps page addresses (origin and path) to HTML files; every
 * other path comes from `site.dir`. All hosts are mapped here, so nothing reaches the network.
 */
async function serve(tls) {
  const site = { dir: ROOT, pages: new Map(), csp: STRICT_CSP, seen: [] };
  const server = https.createServer(tls, (req, res) => {
    const url = new URL(req.url, `https://${req.headers.host}`);
    site.seen.push(url.href);
    const page = site.pages.get(url.origin + url.pathname);
    let file = page;
    try {
      file ??= path.join(site.dir, path.normalize(decodeURIComponent(url.pathname)));
    } catch {
      return res.writeHead(400).end(); // a malformed %-escape
    }
    const target = fs.existsSync(file) && fs.statSync(file).isDirectory() ? path.join(file, "index.html") : file;
    if (!target.startsWith(site.dir) && !page) return res.writeHead(403).end();
    fs.readFile(target, (err, body) => {
      if (err) return res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      const type = TYPES[path.extname(target)] ?? "application/octet-stream";
      const headers = { "content-type": type, "cache-control": "no-store" };
      if (type === "text/html") headers["content-security-policy"] = site.csp;
      res.writeHead(200, headers).end(body);
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { site, port: server.address().port, close: () => new Promise((r) => server.close(r)) };
}

/**
 * The browser `BROWSER` (chromium or firefox) with the test build, every host mapped to the local
 * server. `profile`: a profile folder to use and keep (a second launch with it is the same browser
 * started again, its extension storage included); by default a fresh one, removed on close.
 * `build`: another build's folder (its chrome/ and firefox/), such as a copy a test breaks.
 */
export async function launch({ browser = BROWSER, headed = false, lang, profile, build = TEST_BUILD } = {}) {
  if (browser === "firefox") return FirefoxHarness.launch({ headed, profile, build });
  if (browser !== "chromium") throw new Error(`BROWSER must be chromium or firefox, not ${browser}`);
  return ChromiumHarness.launch({ headed, lang, profile, build });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** What both browsers share: the site, settings, what the last click read. */
class Harness {
  /** Serves `file` at `url` with `csp`; other paths come from `dir`. */
  host(url, file, { dir = path.dirname(file), csp = STRICT_CSP } = {}) {
    const u = new URL(url);
    this.server.site.pages.set(u.origin + u.pathname, file);
    this.server.site.dir = path.resolve(dir);
    this.server.site.csp = csp;
  }

  /** Stores settings as the options page does (null removes them), and waits until the worker has seen the change. */
  async setSettings(settings) {
    await this.ext(async (value) => {
      // Storage returns keys in its own order: compare with keys sorted. An unchanged value fires no event.
      const canon = (v) => JSON.stringify(v ?? null, (_, x) => (x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort()) : x));
      const { settings: now } = await chrome.storage.local.get("settings");
      if (canon(now) === canon(value)) return;
      const seen = new Promise((resolve) => chrome.storage.onChanged.addListener(function once() {
        chrome.storage.onChanged.removeListener(once);
        resolve();
      }));
      await (value == null ? chrome.storage.local.remove("settings") : chrome.storage.local.set({ settings: value }));
      await seen; // listeners run in order: the worker's own cache is fresh by now (Chromium); Firefox's event page is told by the same event
    }, settings ?? null);
    if (this.browser === "firefox") await this.test({ op: "count" }); // one round trip through the background: its listener has run
  }

  /** What the extension read on the last click (storage.session "lastRead"). */
  async lastRead() {
    return this.ext(async () => (await chrome.storage.session.get("lastRead")).lastRead ?? null);
  }

  /** Forgets what the last click read, so a test can't pass on an earlier one. */
  async clearLastRead() {
    await this.ext(() => chrome.storage.session.remove("lastRead"));
  }

  /**
   * Runs the function whose source is `source` with `arg` where a click runs the agent: in the
   * page's isolated world, through the extension's executeScript, in the newest tab at `url`.
   * The source is inlined, as the extension's CSP allows no eval. Returns its result.
   */
  async isolated(url, source, arg) {
    const run = `async () => {
      const api = globalThis.browser ?? chrome;
      const tabs = (await api.tabs.query({})).filter((t) => t.url === ${JSON.stringify(url)});
      const tabId = Math.max(...tabs.map((t) => t.id));
      const [frame] = await api.scripting.executeScript({ target: { tabId }, func: ${source}, args: [${JSON.stringify(arg ?? null)}] });
      return frame.result;
    }`;
    // Firefox's ext() calls the function it is given; Chromium's evaluates an expression.
    return this.ext(this.browser === "firefox" ? run : `(${run})()`);
  }

  /** Clicks the toolbar action on `page`'s tab and waits until the worker has finished it; returns its record. */
  async click(page) {
    if (this.stopped) {
      // No background runs: the click starts a new one, whose first record is this click's.
      this.stopped = false;
      await this.trigger(page);
      return this.waitForClick(0);
    }
    const before = await this.clickCount();
    await this.trigger(page);
    return this.waitForClick(before);
  }

  /** Opens the notice's menu `label` ("Language: English ▾") and clicks its `option`, with the mouse. */
  async chooseInNotice(page, label, option) {
    await this.clickNoticeButton(page, (text) => text.startsWith(`${label}: `));
    await this.clickNoticeButton(page, option);
  }

  /** Picks a menu option on the notice and waits for the worker to finish the request it sends. */
  async chooseNotice(page, label, option) {
    const count = await this.clickCount();
    await this.chooseInNotice(page, label, option);
    return this.waitForClick(count);
  }

  /**
   * Clicks the toolbar action `times` times at once, as a double click or a held shortcut does,
   * and returns the records of all of them (a dropped one says `dropped: true`).
   */
  async clickRepeatedly(page, times) {
    const before = await this.clickCount();
    await this.trigger(page, times);
    const records = [];
    for (let n = 0; n < times; n++) records.push(await this.waitForClick(before + n));
    return records;
  }

  /** Clicks a notice button and waits for the worker to finish the request it sends. */
  async pressNotice(page, label) {
    const count = await this.clickCount();
    await this.clickNoticeButton(page, label);
    return this.waitForClick(count);
  }

  /**
   * Starts watching every request that leaves the browser; `stop()` returns their addresses.
   * Every host is mapped to the local server, so its log sees what reaches it; each browser
   * adds what its own view sees (Chromium: every request event; Firefox: every proxy tunnel).
   */
  watchRequests() {
    const from = this.server.site.seen.length;
    const extra = this.watchMore();
    return {
      stop: () => [...this.server.site.seen.slice(from), ...extra.stop()],
    };
  }

  async closeServer() {
    await this.server.close();
    fs.rmSync(this.tmp, { recursive: true, force: true });
  }
}

class ChromiumHarness extends Harness {
  /** `lang`: the browser's interface language (extension pages follow it), e.g. "de". */
  static async launch({ headed, lang, profile, build }) {
    const dir = path.join(build, "chrome");
    if (!fs.existsSync(path.join(dir, "wasm"))) throw new Error(`${dir} is not built: run ./build.sh first`);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "notyet-"));
    const server = await serve(certificate(tmp));
    const context = await chromium.launchPersistentContext(profile ?? path.join(tmp, "profile"), {
      executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      headless: !headed,
      ignoreHTTPSErrors: true,
      // Chromium on Linux takes its interface language from --lang and the environment.
      ...(lang ? { env: { ...process.env, LANGUAGE: lang, LANG: `${lang}.UTF-8` } } : {}),
      viewport: { width: 1280, height: 800 },
      args: [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-quic", "--ignore-certificate-errors",
        `--host-resolver-rules=MAP * 127.0.0.1:${server.port}`,
        `--disable-extensions-except=${dir}`, `--load-extension=${dir}`,
        ...(lang ? [`--lang=${lang}`] : []),
      ],
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
    const id = new URL(worker.url()).host;
    if (!profile) {
      // A fresh install: the worker sets the reply language (a browser not in English) and then
      // opens the welcome page. Waiting for that page, a test's own settings are written after
      // the install's, never between its read and its write (they were lost in German once).
      const welcome = (p) => p.url() === `chrome-extension://${id}/welcome.html`;
      if (!context.pages().some(welcome)) await context.waitForEvent("page", { predicate: welcome, timeout: 10000 }).catch(() => {});
    }
    const cdp = await context.browser().newBrowserCDPSession();
    const h = new ChromiumHarness();
    Object.assign(h, { browser: "chromium", context, cdp, id, server, tmp, base: `chrome-extension://${id}/` });
    return h;
  }

  /** A page of the extension (options.html) by its address. */
  extensionUrl(file) {
    return this.base + file;
  }

  /** An address no extension may script. */
  get privilegedUrl() {
    return "chrome://version";
  }

  /**
   * The extension's service worker. Its DevTools session outlives a stop: commands sent while
   * it is stopped wait until an event starts it again.
   */
  async worker() {
    const prefix = this.base;
    return this.context.serviceWorkers().find((w) => w.url().startsWith(prefix)) ??
      this.context.waitForEvent("serviceworker", { predicate: (w) => w.url().startsWith(prefix), timeout: 10000 });
  }

  /** Runs `fn(arg)` in the extension's service worker. */
  async ext(fn, arg) {
    return (await this.worker()).evaluate(fn, arg);
  }

  /** A test-seam command to the worker (see background.js's test block). */
  async test(command) {
    return this.ext((c) => globalThis.__notyetTest(c), command);
  }

  async clickCount() {
    return this.ext(() => globalThis.__notyetClicks.length);
  }

  /** Stops the extension's service worker, as the browser does when it idles; the next click starts a new one. */
  async restartBackground() {
    const running = async () => (await this.cdp.send("Target.getTargets")).targetInfos.filter((t) => t.type === "service_worker" && t.url.includes(this.id));
    for (const t of await running()) await this.cdp.send("Target.closeTarget", { targetId: t.targetId });
    while ((await running()).length) await sleep(10);
    this.stopped = true;
  }

  stopWorker() {
    return this.restartBackground();
  }

  /** A fresh tab at `url`, loaded (headless Chromium shows every tab: `{ window }` changes nothing). */
  async open(url) {
    const page = await this.context.newPage();
    await page.goto(url, { waitUntil: "load" });
    return page;
  }

  /** A fresh blank tab. */
  blank() {
    return this.context.newPage();
  }

  /** The tabs open now, for [`closeTabsSince`]. */
  async tabsNow() {
    return new Set(this.context.pages());
  }

  /** Closes every tab opened since `before` (`tabsNow`): a test's cleanup, passed or failed. */
  async closeTabsSince(before) {
    for (const page of this.context.pages()) if (!before.has(page) && !page.isClosed()) await page.close().catch(() => {});
  }

  /** Waits for a tab whose address ends with `suffix` to open (e.g. the options page). */
  waitForTab(suffix) {
    return this.context.waitForEvent("page", { predicate: (p) => p.url().endsWith(suffix), timeout: 10000 });
  }

  /** A tab (open now, or opening within `timeout` ms) whose address ends with `suffix`. */
  async findTab(suffix, timeout = 10000) {
    const until = performance.now() + timeout;
    for (;;) {
      const page = this.context.pages().find((p) => p.url().endsWith(suffix));
      if (page) return page;
      if (performance.now() > until) throw new Error(`no tab at …${suffix} opened within ${timeout} ms`);
      await sleep(50);
    }
  }

  /** The CDP target id of the tab showing `page` (Extensions.triggerAction wants a tab target, not the page's). */
  async tabTarget(page) {
    await page.bringToFront();
    const { targetInfos } = await this.cdp.send("Target.getTargets", { filter: [{ type: "tab" }] });
    const tabs = targetInfos.filter((t) => t.url === page.url());
    const tab = tabs.length === 1 ? tabs[0] : tabs.find((t) => t.embedderData?.tabActive);
    if (!tab) throw new Error(`no tab found at ${page.url()}`);
    return tab.targetId;
  }

  async trigger(page, times = 1) {
    const targetId = await this.tabTarget(page);
    await Promise.all(Array.from({ length: times }, () => this.cdp.send("Extensions.triggerAction", { id: this.id, targetId })));
  }

  /**
   * Waits until the worker records click number `count + 1` and returns that record. The worker
   * waits for it (its `click` command), as Firefox's does: asked every 5 ms instead, this process
   * held a core during the clicks the benchmarks time (background.js, `recorded`).
   */
  async waitForClick(count, timeout = 10000) {
    const until = performance.now() + timeout;
    for (;;) {
      const worker = await this.worker();
      // A worker stopped meanwhile rejects, and one not yet started has no test seam: asked again.
      const wait = [count, Math.max(1, until - performance.now())];
      const record = await worker.evaluate(([n, timeout]) => globalThis.__notyetTest?.({ op: "click", n, timeout }) ?? null, wait).catch(() => null);
      if (record) return record;
      if (performance.now() > until) throw new Error("the click did not finish within 10 s");
      await sleep(5);
    }
  }

  /**
   * Clicks the notice's button labelled `label` with the mouse. The notice's shadow root is closed
   * to the page (and to Playwright's selectors); DevTools' DOM with `pierce` still sees into it.
   */
  async clickNoticeButton(page, label) {
    const cdp = await page.context().newCDPSession(page);
    try {
      for (let tries = 0; ; tries++) {
        const { root } = await cdp.send("DOM.getDocument", { depth: -1, pierce: true });
        const find = (n, inNotice) => {
          // The notice's host has a random name; it is the element with a popover and a closed shadow root.
          const here = inNotice || ((n.attributes ?? []).includes("popover") && (n.shadowRoots ?? []).some((r) => r.shadowRootType === "closed"));
          const match = typeof label === "function" ? label : (text) => text === label;
          if (here && n.localName === "button" && (n.children ?? []).some((c) => c.nodeValue !== null && match(c.nodeValue))) return n;
          for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) {
            const hit = find(c, here);
            if (hit) return hit;
          }
          return null;
        };
        const button = find(root, false);
        if (!button) {
          if (tries > 50) throw new Error(`the notice has no "${label}" button`);
          await sleep(20); // the notice follows the text by a moment
          continue;
        }
        // A button not laid out yet (a menu's option, a moment before its menu opens) has no box: look again.
        const model = await cdp.send("DOM.getBoxModel", { backendNodeId: button.backendNodeId }).then((r) => r.model, () => null);
        if (!model) {
          if (tries > 50) throw new Error(`the notice's "${label}" button is not shown`);
          await sleep(20);
          continue;
        }
        const [x1, y1, , , x3, y3] = model.content;
        await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
        return;
      }
    } finally {
      await cdp.detach();
    }
  }

  /**
   * The extension's command `name` (its keyboard shortcut) on `page`'s tab. CDP's key events go to
   * the page and never reach the browser's shortcuts, so this calls the worker's own listener
   * through its test seam: `{ real: false }`, and without a user gesture.
   */
  async shortcut(page, name) {
    await page.bringToFront();
    await this.test({ op: "command", n: name, url: page.url() });
    return { real: false };
  }

  /** The toolbar button's context-menu entry `{ id }` on `page`'s tab: as `shortcut`, through the worker's seam (CDP can't open that menu). */
  async actionMenu(page, { id }) {
    await page.bringToFront();
    await this.test({ op: "menu", n: id });
    return { real: false };
  }

  /** Runs `fn(arg)` in the open side panel's page (a CDP target of its own); `undefined` when none is open. */
  async inSidePanel(fn, arg) {
    const { targetInfos } = await this.cdp.send("Target.getTargets");
    // The side panel's page has the bare address; a panel opened as a tab names its tab (`?tab=`).
    const target = targetInfos.find((t) => t.type === "page" && t.url === `${this.base}panel.html`);
    if (!target) return undefined;
    // A side panel closed a moment ago is still listed, then gone when attached to (seen in a
    // full run under load: "No target with given id found"): none is open.
    const attached = await this.cdp.send("Target.attachToTarget", { targetId: target.targetId, flatten: false }).catch((e) => {
      if (/No target with given id/.test(e.message)) return null;
      throw e;
    });
    if (!attached) return undefined;
    const { sessionId } = attached;
    try {
      // The answer, or null when none will come: a side panel that was closing when attached to
      // goes away without answering (a full run hung here for good, 30 Nov), so its detachment,
      // and at the latest 5 s, end the wait: none is open.
      const answer = new Promise((resolve) => {
        const done = (message) => {
          this.cdp.off("Target.receivedMessageFromTarget", on);
          this.cdp.off("Target.detachedFromTarget", gone);
          clearTimeout(timer);
          resolve(message);
        };
        const on = (e) => {
          if (e.sessionId !== sessionId) return;
          const message = JSON.parse(e.message);
          if (message.id === 1) done(message);
        };
        const gone = (e) => e.sessionId === sessionId && done(null);
        const timer = setTimeout(() => done(null), 5000);
        this.cdp.on("Target.receivedMessageFromTarget", on);
        this.cdp.on("Target.detachedFromTarget", gone);
      });
      const expression = `(${fn})(${JSON.stringify(arg ?? null)})`;
      const sent = this.cdp.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id: 1, method: "Runtime.evaluate", params: { expression, awaitPromise: true, returnByValue: true } }) });
      if (!(await sent.then(() => true, () => false))) return undefined;
      const message = await answer;
      if (!message) return undefined;
      const { result, error } = message;
      if (error || result.exceptionDetails) throw new Error(`in the side panel: ${JSON.stringify(error ?? result.exceptionDetails)}`);
      return result.result.value;
    } finally {
      await this.cdp.send("Target.detachFromTarget", { sessionId }).catch(() => {});
    }
  }

  watchMore() {
    const seen = [];
    const onRequest = (r) => seen.push(r.url());
    this.context.on("request", onRequest); // pages, frames and the extension's service worker alike
    return {
      stop: () => {
        this.context.off("request", onRequest);
        return seen.filter((u) => !u.startsWith("chrome-extension://"));
      },
    };
  }

  async close() {
    await this.context.close();
    await this.closeServer();
  }
}

/**
 * Firefox ESR with the test build installed as a temporary add-on, over Marionette. Hosts are
 * mapped by a local proxy that sends every tunnel to the HTTPS server; the extension is reached
 * through an extension page in the first tab, which stays open for the whole run.
 */
class FirefoxHarness extends Harness {
  static async launch({ headed, profile: kept, build }) {
    const dir = path.join(build, "firefox");
    if (!fs.existsSync(path.join(dir, "wasm"))) throw new Error(`${dir} is not built: run ./build.sh first`);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "notyet-ff-"));
    const server = await serve(certificate(tmp));
    const proxy = await tunnel(server.port);
    const profile = kept ?? path.join(tmp, "profile");
    fs.mkdirSync(profile, { recursive: true });
    fs.rmSync(path.join(profile, "MarionetteActivePort"), { force: true }); // a killed run's leftover
    const prefs = {
      "marionette.port": 0, // Firefox picks a free port and writes it to MarionetteActivePort
      "network.proxy.type": 1,
      "network.proxy.http": "127.0.0.1",
      "network.proxy.http_port": proxy.port,
      "network.proxy.ssl": "127.0.0.1",
      "network.proxy.ssl_port": proxy.port,
      "network.proxy.no_proxies_on": "",
      "network.proxy.allow_hijacking_localhost": true,
      "network.dns.disableIPv6": true,
      "browser.shell.checkDefaultBrowser": false,
      "extensions.autoDisableScopes": 0,
      "ui.systemUsesDarkMode": 0,
      // Closing a tab never waits on a "leave this page?" prompt (Chromium's page.close() doesn't
      // ask either); the options test asks the page's beforeunload handler itself.
      "dom.disable_beforeunload": true,
      // Downloads go to the profile's own folder, unasked, where the tests find them.
      "browser.download.folderList": 2,
      "browser.download.dir": path.join(profile, "downloads"),
      "browser.download.useDownloadDir": true,
      "browser.download.always_ask_before_handling_new_types": false,
      "browser.download.alwaysOpenPanel": false,
      "intl.locale.requested": "en-US",
      // A temporary add-on is removed when Firefox quits and installed again by the next run:
      // its storage and its moz-extension:// address stay, as a real install's do across a restart.
      "extensions.webextensions.keepStorageOnUninstall": true,
      "extensions.webextensions.keepUuidOnUninstall": true,
    };
    fs.writeFileSync(path.join(profile, "user.js"), Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join("\n"));
    const args = ["--marionette", "--remote-allow-system-access", "--no-remote", "--profile", profile, "--window-size=1280,800"];
    if (!headed) args.unshift("--headless");
    const firefox = spawn(process.env.FIREFOX || "firefox-esr", args, { stdio: "ignore", env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: "1" } });
    const exited = new Promise((resolve) => firefox.once("exit", resolve));
    const portFile = path.join(profile, "MarionetteActivePort");
    const until = performance.now() + 30000;
    while (!fs.existsSync(portFile) || !fs.readFileSync(portFile, "utf8").trim()) {
      if (performance.now() > until || firefox.exitCode !== null) {
        firefox.kill();
        throw new Error("Firefox did not start Marionette within 30 s");
      }
      await sleep(50);
    }
    try {
      return await FirefoxHarness.connect({ firefox, exited, portFile, dir, server, proxy, tmp, profile });
    } catch (e) {
      firefox.kill();
      proxy.server.close();
      await server.close();
      throw e;
    }
  }

  static async connect({ firefox, exited, portFile, dir, server, proxy, tmp, profile }) {
    const m = await Marionette.connect(Number(fs.readFileSync(portFile, "utf8")));
    // Capabilities go flat: Firefox ignores the W3C alwaysMatch form here.
    await m.send("WebDriver:NewSession", { acceptInsecureCerts: true, timeouts: { script: 30000 } });
    const id = (await m.value("Addon:Install", { path: dir, temporary: true })) ?? "notyet@notyet.example";
    const h = new FirefoxHarness();
    Object.assign(h, { browser: "firefox", m, id, server, proxy, tmp, firefox, exited, context: "content", downloads: path.join(profile, "downloads") });
    const { base } = await h.chrome((id) => {
      const { ExtensionParent } = ChromeUtils.importESModule("resource://gre/modules/ExtensionParent.sys.mjs");
      return { base: ExtensionParent.GlobalManager.getExtension(id).baseURI.spec };
    }, id);
    h.base = base;
    // The first tab: the extension's blank test page, where h.ext() runs.
    await h.setContext("content");
    h.home = await m.value("WebDriver:GetWindowHandle");
    h.current = h.home;
    await m.send("WebDriver:Navigate", { url: `${base}test.html` });
    return h;
  }

  extensionUrl(file) {
    return this.base + file;
  }

  get privilegedUrl() {
    return "about:robots";
  }

  async setContext(context) {
    if (this.context === context) return;
    await this.m.send("Marionette:SetContext", { value: context });
    this.context = context;
  }

  /** Makes `handle` the tab Marionette's commands go to (and, with `focus`, the selected tab). */
  async switchTo(handle, focus = false) {
    await this.setContext("content");
    if (this.current === handle && !focus) return;
    await this.m.send("WebDriver:SwitchToWindow", { handle, focus });
    this.current = handle;
  }

  /** Runs `fn(arg)` in the browser's own privileged chrome (Marionette's chrome context). */
  async chrome(fn, arg) {
    await this.setContext("chrome");
    return this.m.value("WebDriver:ExecuteScript", { script: `return (${fn})(...arguments)`, args: [arg] });
  }

  /** Runs `fn(arg)` in an extension page, which has the same `chrome.*` APIs as the worker for storage and action. */
  async ext(fn, arg) {
    await this.switchTo(this.home);
    return this.m.value("WebDriver:ExecuteScript", { script: `return (${fn})(...arguments)`, args: [arg] });
  }

  /** A test-seam command to the background, sent as a message (see background.js's test block). */
  async test(command) {
    return this.ext((c) => chrome.runtime.sendMessage({ type: "notyet-test", ...c }), command);
  }

  async clickCount() {
    return this.test({ op: "count" });
  }

  async waitForClick(count, timeout = 10000) {
    const record = await this.test({ op: "click", n: count, timeout });
    if (!record) throw new Error("the click did not finish within 10 s");
    return record;
  }

  /** Ends the background (an event page in Firefox), as Firefox does when it idles; the next click starts a new one. */
  async restartBackground() {
    await this.chrome(async (id) => {
      const { ExtensionParent } = ChromeUtils.importESModule("resource://gre/modules/ExtensionParent.sys.mjs");
      await ExtensionParent.GlobalManager.getExtension(id).terminateBackground();
    }, this.id);
    this.stopped = true;
  }

  /** A fresh blank tab; `{ window: true }`: in a new window (both windows' tabs are shown). */
  async blank({ window = false } = {}) {
    await this.setContext("content");
    const { handle } = await this.m.value("WebDriver:NewWindow", { type: window ? "window" : "tab", focus: true });
    const page = new FirefoxPage(this, handle);
    await this.switchTo(handle, true);
    return page;
  }

  async open(url, options) {
    const page = await this.blank(options);
    await page.goto(url);
    return page;
  }

  /** The tabs (and windows) open now, for [`closeTabsSince`]: their handles. */
  async tabsNow() {
    await this.setContext("content");
    return new Set(await this.m.value("WebDriver:GetWindowHandles"));
  }

  /** Closes every tab opened since `before` (`tabsNow`), never the first one: a test's cleanup, passed or failed. */
  async closeTabsSince(before) {
    await this.setContext("content");
    for (const handle of await this.m.value("WebDriver:GetWindowHandles")) {
      if (before.has(handle) || handle === this.home) continue;
      await this.switchTo(handle).catch(() => {});
      await this.m.send("WebDriver:CloseWindow").catch(() => {});
    }
    this.current = null;
    await this.switchTo(this.home);
  }

  /**
   * Waits for a tab whose address ends with `suffix` to open. Marionette drives one tab at a
   * time, so the look starts when the answer is awaited (after the action that opens the tab).
   */
  waitForTab(suffix) {
    return { then: (resolve, reject) => this.findTab(suffix).then(resolve, reject) };
  }

  /** A tab (open now, or opening within `timeout` ms) whose address ends with `suffix`. */
  async findTab(suffix, timeout = 10000) {
    const until = performance.now() + timeout;
    const known = new Set([this.home]);
    for (;;) {
      await this.setContext("content");
      for (const handle of await this.m.value("WebDriver:GetWindowHandles")) {
        if (known.has(handle)) continue;
        await this.switchTo(handle);
        const url = await this.m.value("WebDriver:GetCurrentURL").catch(() => "");
        if (url.endsWith(suffix)) return Object.assign(new FirefoxPage(this, handle), { href: url });
      }
      if (performance.now() > until) throw new Error(`no tab at …${suffix} opened within ${timeout} ms`);
      await sleep(50);
    }
  }

  /** The real click's path: the browser action's triggerAction grants activeTab and fires onClicked. */
  async trigger(page, times = 1) {
    await this.switchTo(page.handle, true);
    await this.chrome(([id, times]) => {
      const { ExtensionParent } = ChromeUtils.importESModule("resource://gre/modules/ExtensionParent.sys.mjs");
      const win = Services.wm.getMostRecentWindow("navigator:browser");
      const action = ExtensionParent.apiManager.global.browserActionFor(ExtensionParent.GlobalManager.getExtension(id));
      for (let i = 0; i < times; i++) action.triggerAction(win);
    }, [this.id, times]);
  }

  /** Clicks the notice's button `label` (Marionette reaches into the closed shadow root as WebDriver allows). */
  async clickNoticeButton(page, label) {
    await this.switchTo(page.handle, true);
    for (let tries = 0; ; tries++) {
      const hosts = await this.m.value("WebDriver:FindElements", { using: "css selector", value: "[popover]" }); // the notice's host has a random name
      for (const host of hosts) {
        const root = await this.m.value("WebDriver:GetShadowRoot", { id: Object.values(host)[0] });
        const buttons = await this.m.value("WebDriver:FindElementsFromShadowRoot", { shadowRoot: Object.values(root)[0], using: "css selector", value: "button" });
        for (const b of buttons) {
          const id = Object.values(b)[0];
          const text = await this.m.value("WebDriver:GetElementText", { id });
          if (typeof label === "function" ? label(text) : text === label) return this.m.send("WebDriver:ElementClick", { id });
        }
      }
      if (tries > 50) throw new Error(`the notice has no "${label}" button`);
      await sleep(20);
    }
  }

  /** The toolbar button's id in the browser window (Firefox's widget id for the extension). */
  get button() {
    return `${this.id.toLowerCase().replace(/[^a-z0-9_-]/g, "_")}-browser-action`;
  }

  /**
   * The extension's command `name` on `page`'s tab, by its real key combination pressed in the
   * browser window (Marionette's key actions in the chrome context reach the browser's shortcuts).
   */
  async shortcut(page, name) {
    const shortcut = (await this.ext(() => chrome.commands.getAll())).find((c) => c.name === name)?.shortcut;
    if (!shortcut) throw new Error(`the command ${name} has no shortcut`);
    await this.switchTo(page.handle, true);
    await this.setContext("chrome");
    const parts = shortcut.split("+").map((k) => KEYS[k] ?? k);
    const actions = [...parts.map((value) => ({ type: "keyDown", value })), ...[...parts].reverse().map((value) => ({ type: "keyUp", value }))];
    await this.m.send("WebDriver:PerformActions", { actions: [{ type: "key", id: "keyboard", actions }] });
    await this.m.send("WebDriver:ReleaseActions");
    return { real: true };
  }

  /**
   * The toolbar button's context-menu entry `title` on `page`'s tab: the button pinned to the
   * toolbar, right-clicked with the mouse (Marionette's pointer actions in the chrome context),
   * and the entry activated in the menu that opens, as a click on it does.
   */
  async actionMenu(page, { title }) {
    await this.switchTo(page.handle, true);
    await this.chrome((id) => {
      const win = Services.wm.getMostRecentWindow("navigator:browser");
      win.CustomizableUI.addWidgetToArea(id, win.CustomizableUI.AREA_NAVBAR);
    }, this.button);
    let button = null;
    for (let tries = 0; !button && tries < 50; tries++) {
      button = await this.m.value("WebDriver:FindElement", { using: "css selector", value: `#${this.button}` }).catch(() => null);
      if (!button) await sleep(50);
    }
    if (!button) throw new Error("the toolbar button is not in the toolbar");
    const pointer = [{ type: "pointerMove", origin: button, x: 0, y: 0 }, { type: "pointerDown", button: 2 }, { type: "pointerUp", button: 2 }];
    await this.m.send("WebDriver:PerformActions", { actions: [{ type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions: pointer }] });
    await this.m.send("WebDriver:ReleaseActions");
    const found = await this.chrome(async (title) => {
      const win = Services.wm.getMostRecentWindow("navigator:browser");
      const menu = win.document.getElementById("toolbar-context-menu");
      for (let i = 0; i < 60; i++) {
        const item = menu.state === "open" && [...menu.querySelectorAll("menuitem")].find((m) => m.label === title && !m.hidden);
        if (item) {
          menu.activateItem(item);
          return true;
        }
        await new Promise((r) => win.setTimeout(r, 50));
      }
      menu.hidePopup();
      return false;
    }, title);
    if (!found) throw new Error(`the toolbar button's menu has no entry "${title}"`);
    return { real: true };
  }

  /** Whether Firefox's sidebar is open, and which (`id`: the extension's sidebar is `…-sidebar-action`). */
  sidebar() {
    return this.chrome(() => {
      const sc = Services.wm.getMostRecentWindow("navigator:browser").SidebarController;
      return { open: sc.isOpen, id: sc.currentID };
    });
  }

  async closeSidebar() {
    await this.chrome(() => Services.wm.getMostRecentWindow("navigator:browser").SidebarController.hide());
  }

  /** Runs `fn(arg)` with `document` and `window` the open sidebar's panel page's; `undefined` when none is open. */
  async inSidePanel(fn, arg) {
    await this.switchTo(this.home);
    const script = `const window = chrome.extension.getViews({ type: "sidebar" })[0]; if (!window) return undefined; const document = window.document; return (${fn})(arguments[0]);`;
    return this.m.value("WebDriver:ExecuteScript", { script, args: [arg ?? null] });
  }

  watchMore() {
    const from = this.proxy.seen.length;
    return { stop: () => this.proxy.seen.slice(from) };
  }

  async close() {
    await this.m.send("Marionette:Quit", { flags: ["eForceQuit"] }).catch(() => {});
    this.m.close();
    await Promise.race([this.exited, sleep(5000)]);
    if (this.firefox.exitCode === null) this.firefox.kill();
    this.proxy.server.close();
    await this.closeServer();
  }
}

/** WebDriver's key codes for the named keys the tests press. */
const KEYS = { ArrowUp: "\uE013", ArrowDown: "\uE015", PageUp: "\uE00E", PageDown: "\uE00F", Enter: "\uE007", Tab: "\uE004", Backspace: "\uE003", End: "\uE010", Home: "\uE011", Escape: "\uE00C", Control: "\uE009", Shift: "\uE008", Alt: "\uE00A", Meta: "\uE03D" };

/** A Firefox tab: the page operations the tests use, in Playwright's shape. */
class FirefoxPage {
  constructor(h, handle) {
    this.h = h;
    this.handle = handle;
    this.href = "about:blank";
    this.closed = false;
    this.errors = [];
    this.keyboard = { insertText: (text) => this.type(text), type: (text) => this.type(text), press: (key) => this.press(key) };
  }

  /** Playwright's page events: only "pageerror" is asked for, and Marionette reports none (a no-op). */
  on() {}

  isClosed() {
    return this.closed;
  }

  /**
   * Playwright's "download" event: the next file Firefox finishes saving in the profile's download
   * folder. Firefox makes the file under its final name, empty, a moment before its `.part` copy
   * appears (a run at load 14 read it empty: "Unexpected end of JSON input"), so a file counts as
   * done once no `.part` is left and it has the same size, not zero, on two looks in a row.
   */
  waitForEvent(event, { timeout = 10000 } = {}) {
    if (event !== "download") throw new Error(`waitForEvent("${event}") is not supported in Firefox here`);
    const dir = this.h.downloads;
    fs.mkdirSync(dir, { recursive: true });
    const before = new Set(fs.readdirSync(dir));
    return (async () => {
      const until = performance.now() + timeout;
      const sizes = new Map();
      for (;;) {
        const names = fs.readdirSync(dir);
        const fresh = names.find((n) => !before.has(n) && !n.endsWith(".part"));
        const size = fresh && !names.some((n) => n.endsWith(".part") && !before.has(n)) ? fs.statSync(path.join(dir, fresh)).size : 0;
        const done = size > 0 && sizes.get(fresh) === size ? fresh : null;
        if (fresh) sizes.set(fresh, size);
        if (done) return { suggestedFilename: () => done, path: async () => path.join(dir, done) };
        if (performance.now() > until) throw new Error(`no download within ${timeout} ms`);
        await sleep(50);
      }
    })();
  }

  /** Playwright's `setViewportSize`: here the window's size, so open the page in a window of its own (`blank({ window: true })`). */
  async setViewportSize({ width, height }) {
    await this.h.switchTo(this.handle, true);
    await this.h.m.send("WebDriver:SetWindowRect", { width, height });
  }

  async reload() {
    await this.h.switchTo(this.handle);
    await this.h.m.send("WebDriver:Refresh");
  }

  async waitForFunction(fn, arg, { timeout = 10000 } = {}) {
    const until = performance.now() + timeout;
    while (!(await this.evaluate(fn, arg))) {
      if (performance.now() > until) throw new Error(`waitForFunction: not true within ${timeout} ms: ${fn}`);
      await sleep(20);
    }
  }

  /** Elements by CSS selector (and, like Playwright's `hasText`, the text they contain). */
  locator(selector, { hasText } = {}) {
    return new FirefoxLocator(this, { how: "css", selector, hasText });
  }

  /** The form control labelled `name` (its <label>, aria-label or aria-labelledby); `exact` or a part of it, or a RegExp. */
  getByLabel(name, { exact = false } = {}) {
    return new FirefoxLocator(this, { how: "label", name: name instanceof RegExp ? { re: name.source, flags: name.flags } : name, exact });
  }

  /** An element by ARIA role (button, textbox, dialog) and accessible name, as Playwright's getByRole. */
  getByRole(role, { name, exact = false } = {}) {
    return new FirefoxLocator(this, { how: "role", role, name: name instanceof RegExp ? { re: name.source, flags: name.flags } : name, exact });
  }

  url() {
    return this.href;
  }

  /** Makes this the selected tab of its window (the active tab). */
  bringToFront() {
    return this.h.switchTo(this.handle, true);
  }

  async goto(url) {
    await this.h.switchTo(this.handle);
    await this.h.m.send("WebDriver:Navigate", { url });
    this.href = await this.h.m.value("WebDriver:GetCurrentURL");
  }

  /**
   * Playwright's `emulateMedia({ colorScheme })`: Firefox's content colour scheme, for every tab
   * (`null` gives the browser's own back).
   */
  async emulateMedia({ colorScheme, forcedColors }) {
    if (forcedColors) {
      // Firefox's "Override the colours specified by the page: Always" is its forced-colors mode.
      await this.h.chrome((on) => Services.prefs.setIntPref("browser.display.document_color_use", on ? 2 : 0), forcedColors === "active");
      const query = `(forced-colors: ${forcedColors})`;
      // The pref reaches the page's style a moment later: waited for, and said if it never does
      // (the caller went on to measure the page's own colours and failed on a misleading diff).
      await this.waitForFunction((q) => matchMedia(q).matches, query, { timeout: 10000 }).catch(() => {
        throw new Error(`emulateMedia: ${query} still doesn't match after 10 s`);
      });
      return;
    }
    await this.h.chrome((scheme) => {
      const pref = "layout.css.prefers-color-scheme.content-override";
      if (scheme === "dark" || scheme === "light") Services.prefs.setIntPref(pref, scheme === "dark" ? 0 : 1);
      else Services.prefs.clearUserPref(pref);
    }, colorScheme);
    // The pref reaches the page's media queries a moment later, not with the call (a notice
    // shown at once was still light in one full test run): wait until the page sees it, as
    // Playwright's call does before it returns.
    if (colorScheme === "dark" || colorScheme === "light") {
      const query = `(prefers-color-scheme: ${colorScheme})`;
      for (let tries = 0; tries < 100 && !(await this.evaluate((q) => matchMedia(q).matches, query)); tries++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  }

  /** Runs `fn(arg)` in the page (Marionette awaits a returned promise). */
  async evaluate(fn, arg) {
    await this.h.switchTo(this.handle);
    // Web pages: one named sandbox a document, kept across calls: as in Chromium's main world,
    // what a call leaves on `globalThis` (the agent's state) is there for the next one. Extension
    // pages: the page's own objects (`chrome`, which a sandbox's wrappers hide).
    return this.run(`return (${fn})(...arguments)`, [arg]);
  }

  /** Runs the function body `script` in the page with `args` as `arguments`. */
  async run(script, args) {
    await this.h.switchTo(this.handle);
    const sandbox = this.href.startsWith("moz-extension:") ? {} : { sandbox: "notyet", newSandbox: false };
    return this.h.m.value("WebDriver:ExecuteScript", { script, args, ...sandbox });
  }

  async waitForSelector(selector, { timeout = 10000 } = {}) {
    const until = performance.now() + timeout;
    while (!(await this.evaluate((s) => !!document.querySelector(s), selector))) {
      if (performance.now() > until) throw new Error(`${selector} did not appear within ${timeout} ms`);
      await sleep(20);
    }
  }

  /** Types `text` at the caret, key by key (trusted key events, as a user types). */
  async type(text) {
    await this.h.switchTo(this.handle, true);
    const actions = [...text].flatMap((c) => [{ type: "keyDown", value: c }, { type: "keyUp", value: c }]);
    await this.h.m.send("WebDriver:PerformActions", { actions: [{ type: "key", id: "keyboard", actions }] });
    await this.h.m.send("WebDriver:ReleaseActions");
  }

  async press(key) {
    const parts = key.split("+").map((k) => KEYS[k] ?? k);
    const actions = [...parts.map((value) => ({ type: "keyDown", value })), ...parts.reverse().map((value) => ({ type: "keyUp", value }))];
    await this.h.switchTo(this.handle, true);
    await this.h.m.send("WebDriver:PerformActions", { actions: [{ type: "key", id: "keyboard", actions }] });
    await this.h.m.send("WebDriver:ReleaseActions");
  }

  async screenshot({ path: file }) {
    await this.h.switchTo(this.handle, true);
    fs.writeFileSync(file, Buffer.from(await this.h.m.value("WebDriver:TakeScreenshot", { full: false }), "base64"));
  }

  async close() {
    await this.h.switchTo(this.handle);
    await this.h.m.send("WebDriver:CloseWindow");
    this.closed = true;
    this.h.current = null;
    await this.h.switchTo(this.h.home);
  }
}

/** Every element `query` matches in the document, in document order (run in the page: self-contained). */
function findAll(query) {
  const text = (el) => (el?.textContent ?? "").replace(/\s+/g, " ").trim();
  const nameOf = (el) => {
    const by = el.getAttribute("aria-labelledby");
    if (by) return by.split(/\s+/).map((id) => text(document.getElementById(id))).join(" ");
    if (el.getAttribute("aria-label")) return el.getAttribute("aria-label").trim();
    if (el.labels?.length) return [...el.labels].map(text).join(" ");
    return text(el);
  };
  const matches = (value, want, exact) => {
    if (want == null) return true;
    if (typeof want === "object") return new RegExp(want.re, want.flags).test(value);
    return exact ? value === want : value.toLowerCase().includes(want.toLowerCase());
  };
  const roles = {
    button: "button, [role=button], input[type=button], input[type=submit]",
    textbox: "textarea, input:not([type]), input[type=text], input[type=email], input[type=url], input[type=search], [role=textbox], [contenteditable=true]",
    dialog: "dialog, [role=dialog]",
    checkbox: "input[type=checkbox], [role=checkbox]",
  };
  let found;
  if (query.how === "css") {
    found = [...document.querySelectorAll(query.selector)].filter((el) => !query.hasText || text(el).includes(query.hasText));
  } else if (query.how === "label") {
    found = [...document.querySelectorAll("input, select, textarea, [contenteditable=true]")].filter((el) => el.type !== "hidden" && matches(nameOf(el), query.name, query.exact));
  } else {
    found = [...document.querySelectorAll(roles[query.role] ?? `[role=${query.role}]`)].filter((el) => matches(nameOf(el), query.name, query.exact));
  }
  return found;
}

/**
 * Playwright's locators, for Firefox: a query run in the page each time it is used (so it sees
 * the page as it is then), its first match returned to Marionette as a WebDriver element for
 * clicks, or worked on in the page for values and text.
 */
class FirefoxLocator {
  constructor(page, query) {
    this.page = page;
    this.query = query;
  }

  first() {
    return this;
  }

  /** Runs `fn(element, arg)` in the page on the first match; throws when nothing matches. */
  async on(fn, arg) {
    const until = performance.now() + 5000; // like Playwright, wait a moment for the element to appear
    const script = `const el = (${findAll})(arguments[0])[0]; return el ? { value: (${fn})(el, arguments[1]) } : { missing: true };`;
    for (;;) {
      // A page that re-renders between finding the element and returning it (the side panel's
      // reading on the window's focus replaces its rows) makes it stale: found again, as
      // Playwright does with a detached element.
      const out = await this.page.run(script, [this.query, arg]).catch((e) => {
        if (/stale element/.test(e.message) && performance.now() < until) return { missing: true };
        throw e;
      });
      if (!out?.missing) return out.value;
      if (performance.now() > until) throw new Error(`no element matches ${JSON.stringify(this.query)}`);
      await sleep(50);
    }
  }

  /** The first match as a WebDriver element, for Marionette's real clicks. */
  element() {
    return this.on((el) => el);
  }

  async click() {
    for (let tries = 0; ; tries++) {
      const el = await this.element();
      const stale = await this.page.h.m.send("WebDriver:ElementClick", { id: Object.values(el)[0] }).then(
        () => false,
        (e) => {
          if (/stale element/.test(e.message) && tries < 5) return true; // re-rendered before the click: found again
          throw e;
        },
      );
      if (!stale) return;
    }
  }

  textContent() {
    return this.on((el) => el.textContent);
  }

  getAttribute(name) {
    return this.on((el, n) => el.getAttribute(n), name);
  }

  inputValue() {
    return this.on((el) => el.value);
  }

  /** Runs `fn(element, arg)` in the page on the first match (Playwright's locator.evaluate). */
  evaluate(fn, arg) {
    return this.on(fn, arg);
  }

  /** How many elements match now. */
  count() {
    return this.page.run(`return (${findAll})(arguments[0]).length;`, [this.query]);
  }

  /** Whether the first match is shown (Playwright's rule: a box on the page, not visibility:hidden); none matching is hidden. */
  async isVisible() {
    const shown = (el) => el.checkVisibility({ visibilityProperty: true }) && el.getClientRects().length > 0;
    return !!(await this.page.run(`const el = (${findAll})(arguments[0])[0]; return !!el && (${shown})(el);`, [this.query]));
  }

  async isHidden() {
    return !(await this.isVisible());
  }

  boundingBox() {
    return this.on((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
  }

  async waitFor() {
    await this.on(() => true);
  }

  focus() {
    return this.on((el) => el.focus());
  }

  /** Sets the value and fires `input`, as typing it all at once would (Playwright's fill). */
  fill(value) {
    return this.on((el, v) => {
      el.focus();
      el.value = v;
      el.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: v }));
    }, value);
  }

  /** Picks an option by value, or by `{label}` (a string or a RegExp); fires `input` and `change`. */
  selectOption(want) {
    const arg = typeof want === "string" ? { value: want } : { label: want.label instanceof RegExp ? { re: want.label.source, flags: want.label.flags } : want.label };
    return this.on((el, w) => {
      const option = [...el.options].find((o) =>
        w.value != null ? o.value === w.value : typeof w.label === "object" ? new RegExp(w.label.re, w.label.flags).test(o.label) : o.label === w.label);
      if (!option) throw new Error(`no option ${JSON.stringify(w)}`);
      el.value = option.value;
      el.dispatchEvent(new Event("input", { bubbles: true }));
      el.dispatchEvent(new Event("change", { bubbles: true }));
      return [option.value];
    }, arg);
  }

  async check() {
    if (!(await this.on((el) => el.checked))) await this.click();
  }

  async uncheck() {
    if (await this.on((el) => el.checked)) await this.click();
  }

  async press(key) {
    await this.focus();
    await this.page.press(key);
  }

  async pressSequentially(text) {
    await this.focus();
    await this.page.type(text);
  }

  /** Gives a file input the file `{name, mimeType, buffer}` and fires `change`, as choosing it does. */
  setInputFiles({ name, mimeType, buffer }) {
    return this.on((el, [n, type, text]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], n, { type }));
      el.files = transfer.files;
      el.dispatchEvent(new Event("input", { bubbles: true }));
      el.dispatchEvent(new Event("change", { bubbles: true }));
    }, [name, mimeType, buffer.toString("utf8")]);
  }
}

/**
 * The proxy Firefox is told to use: every CONNECT goes to the HTTPS server, whatever host it
 * names (so www.linkedin.com is ours); plain HTTP is refused. Each one is logged by address.
 */
async function tunnel(httpsPort) {
  const seen = [];
  const server = http.createServer((req, res) => {
    seen.push(req.url);
    res.writeHead(403).end();
  });
  server.on("connect", (req, socket, head) => {
    seen.push(`https://${req.url.replace(/:443$/, "")}/`);
    const upstream = net.connect(httpsPort, "127.0.0.1", () => {
      socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on("error", () => socket.destroy());
    socket.on("error", () => upstream.destroy());
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, seen, port: server.address().port };
}

/**
 * Two of the page's animation frames: a resize's layout and the ResizeObserver callbacks it
 * starts (the options page's header height, `--head`) are done by then. A wait on the page's
 * own clock, where a fixed pause of 100 to 300 ms was a guess that a loaded machine outruns.
 */
export const frames = (page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true)))));

/**
 * The message box marked `data-fx-composer` (in the document, an open shadow root or a
 * same-origin iframe): its text, its editor's model, and whether the page's Send is enabled;
 * `null` when there is no box. With `caretToEnd`, it also focuses the box with the caret at its end.
 */
export async function box(page, { caretToEnd = false } = {}) {
  return page.evaluate((caretToEnd) => {
    const find = (root) => {
      const hit = root.querySelector("[data-fx-composer]");
      if (hit) return hit;
      for (const el of root.querySelectorAll("*")) {
        const inner = el.shadowRoot ?? (el.localName === "iframe" ? el.contentDocument : null);
        const found = inner && find(inner);
        if (found) return found;
      }
      return null;
    };
    const el = find(document);
    if (!el) return null;
    if (caretToEnd) {
      el.focus();
      const selection = el.ownerDocument.getSelection();
      selection.selectAllChildren(el);
      selection.collapseToEnd();
    }
    const send = el.getRootNode().querySelector?.("[data-fx-send]");
    return {
      text: el.localName === "textarea" || el.localName === "input" ? el.value : el.innerText,
      model: el.getAttribute("data-fx-model"),
      sendDisabled: send ? send.disabled : null,
    };
  }, caretToEnd);
}

/**
 * The box's paragraph structure: each child element's tag and text ("" for an empty line, whose
 * only content is a `<br>`), and any text directly in the box. Unlike folded text, this shows
 * whether lines became the page's own paragraphs, stray `<div>`s or extra blank lines.
 */
export async function paragraphs(page) {
  return page.evaluate(() => {
    const find = (root) => {
      const hit = root.querySelector("[data-fx-composer]");
      if (hit) return hit;
      for (const el of root.querySelectorAll("*")) {
        const inner = el.shadowRoot ?? (el.localName === "iframe" ? el.contentDocument : null);
        const found = inner && find(inner);
        if (found) return found;
      }
      return null;
    };
    const el = find(document);
    if (!el) return null;
    return [...el.childNodes]
      .filter((n) => n.nodeType === 1 || /\S/.test(n.data))
      .map((n) => (n.nodeType === 1 ? `<${n.localName}>${n.textContent}` : `#text ${n.data}`));
  });
}

/**
 * The structure a draft should leave: the box's own paragraphs, the first line of the draft
 * continuing the last of them, then one paragraph a line (how both browsers write it when the
 * caret is inside the box's paragraph).
 */
export function expectedParagraphs(before, lines, mode) {
  const own = mode === "append" ? [...before] : ["<p>"];
  const last = own.pop() ?? "<p>";
  return [...own, last + lines[0], ...lines.slice(1).map((l) => `<p>${l}`)];
}

/** Types `text` at the end of the box as a user would (trusted input through CDP). */
export async function typeInto(page, text) {
  await box(page, { caretToEnd: true });
  await page.keyboard.insertText(text);
}
