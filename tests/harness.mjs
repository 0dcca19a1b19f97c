// The browser side of NotYet's tests, demo and benchmarks: an HTTPS server that plays
// www.linkedin.com (and every other host), Chromium with the built extension, and helpers to
// click the toolbar action the way the browser does and to read the message box afterwards.
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const EXTENSION = path.join(ROOT, "dist/chrome");

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

/** Runs of white space become one space, ends trimmed (contract section 5). */
export const fold = (s) => (s ?? "").replace(/\s+/g, " ").trim();

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
  const site = { dir: ROOT, pages: new Map(), csp: STRICT_CSP };
  const server = https.createServer(tls, (req, res) => {
    const url = new URL(req.url, `https://${req.headers.host}`);
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

/** Chromium with the built extension, every host mapped to the local server. */
export async function launch({ headed = false, lang } = {}) {
  if (!fs.existsSync(path.join(EXTENSION, "wasm"))) throw new Error("dist/chrome is not built: run ./build.sh first");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "notyet-"));
  const server = await serve(certificate(tmp));
  const context = await chromium.launchPersistentContext(path.join(tmp, "profile"), {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: !headed,
    ignoreHTTPSErrors: true,
    // The browser's interface language (extension pages and notices follow it): `--lang` and,
    // on Linux, where Chromium takes it from the environment, LANGUAGE.
    ...(lang ? { env: { ...process.env, LANGUAGE: lang, LANG: `${lang}.UTF-8` } } : {}),
    viewport: { width: 1280, height: 800 },
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--no-first-run", "--disable-quic", "--ignore-certificate-errors",
      `--host-resolver-rules=MAP * 127.0.0.1:${server.port}`,
      `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`,
      ...(lang ? [`--lang=${lang}`] : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
  const id = new URL(worker.url()).host;
  const cdp = await context.browser().newBrowserCDPSession();
  return new Harness(context, cdp, id, server, tmp);
}

export class Harness {
  constructor(context, cdp, id, server, tmp) {
    Object.assign(this, { context, cdp, id, server, tmp });
  }

  /**
   * The extension's service worker. Its DevTools session outlives a stop: commands sent while
   * it is stopped wait until an event starts it again.
   */
  async worker() {
    const prefix = `chrome-extension://${this.id}/`;
    return this.context.serviceWorkers().find((w) => w.url().startsWith(prefix)) ??
      this.context.waitForEvent("serviceworker", { predicate: (w) => w.url().startsWith(prefix), timeout: 10000 });
  }

  /** Stops the extension's service worker, as the browser does when it idles; the next click starts a new one. */
  async stopWorker() {
    const running = async () => (await this.cdp.send("Target.getTargets")).targetInfos.filter((t) => t.type === "service_worker" && t.url.includes(this.id));
    for (const t of await running()) await this.cdp.send("Target.closeTarget", { targetId: t.targetId });
    while ((await running()).length) await new Promise((r) => setTimeout(r, 10));
    this.stopped = true;
  }

  /** Serves `file` at `url` with `csp`; other paths come from `dir`. */
  host(url, file, { dir = path.dirname(file), csp = STRICT_CSP } = {}) {
    const u = new URL(url);
    this.server.site.pages.set(u.origin + u.pathname, file);
    this.server.site.dir = path.resolve(dir);
    this.server.site.csp = csp;
  }

  /** Stores settings as the options page does (null removes them), and waits until the worker has seen the change. */
  async setSettings(settings) {
    const worker = await this.worker();
    await worker.evaluate(async (value) => {
      // Storage returns keys in its own order: compare with keys sorted. An unchanged value fires no event.
      const canon = (v) => JSON.stringify(v ?? null, (_, x) => (x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort()) : x));
      const { settings: now } = await chrome.storage.local.get("settings");
      if (canon(now) === canon(value)) return;
      const seen = new Promise((resolve) => chrome.storage.onChanged.addListener(function once() {
        chrome.storage.onChanged.removeListener(once);
        resolve();
      }));
      await (value == null ? chrome.storage.local.remove("settings") : chrome.storage.local.set({ settings: value }));
      await seen; // listeners run in order: the worker's own cache is fresh by now
    }, settings ?? null);
  }

  /** A fresh tab at `url`, loaded. */
  async open(url) {
    const page = await this.context.newPage();
    await page.goto(url, { waitUntil: "load" });
    return page;
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

  /**
   * Clicks the toolbar action on `page`'s tab as the browser would, and waits until the worker
   * has finished with the click. Returns its record (timings, notice, error).
   */
  async click(page) {
    const targetId = await this.tabTarget(page);
    if (this.stopped) {
      // No worker runs: the click starts a new one, whose first record is this click's.
      this.stopped = false;
      await this.cdp.send("Extensions.triggerAction", { id: this.id, targetId });
      return this.waitForClick(0);
    }
    const before = await (await this.worker()).evaluate(() => globalThis.__notyetClicks.length);
    await this.cdp.send("Extensions.triggerAction", { id: this.id, targetId });
    return this.waitForClick(before);
  }

  /** Waits until the worker records click number `count + 1` and returns that record. */
  async waitForClick(count, timeout = 10000) {
    const until = Date.now() + timeout;
    for (;;) {
      const worker = await this.worker();
      const record = await worker.evaluate((n) => globalThis.__notyetClicks?.[n] ?? null, count).catch(() => null);
      if (record) return record;
      if (Date.now() > until) throw new Error("the click did not finish within 10 s");
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** What the extension read on the last click (chrome.storage.session "lastRead"). */
  async lastRead() {
    return (await this.worker()).evaluate(async () => (await chrome.storage.session.get("lastRead")).lastRead ?? null);
  }

  /** Forgets what the last click read, so a test can't pass on an earlier one. */
  async clearLastRead() {
    await (await this.worker()).evaluate(() => chrome.storage.session.remove("lastRead"));
  }

  async close() {
    await this.context.close();
    await this.server.close();
    fs.rmSync(this.tmp, { recursive: true, force: true });
  }
}

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

/** Types `text` at the end of the box as a user would (trusted input through CDP). */
export async function typeInto(page, text) {
  await box(page, { caretToEnd: true });
  await page.keyboard.insertText(text);
}
