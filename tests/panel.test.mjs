// Browser tests of the side panel, in Chromium and Firefox through tests/harness.mjs. Most open
// the panel's page in a tab following a LinkedIn tab (`panel.html?tab=ID`, as the side panel
// follows the active one): the list of 40 invitations of every category, filters and keys, Show,
// pointing at Accept and Ignore (never pressing them), Draft reply, Read more on a list that loads
// rows on scroll, and the bad cases. Others open the real thing: Chrome's side panel and Firefox's
// sidebar, from the notice, the toolbar button's context menu and the shortcut, following the
// active tab. The last one quits the browser and starts it again on the same profile.
// `node --test tests/panel.test.mjs` after ./build.sh (`BROWSER=firefox` for Firefox).
import { after, afterEach, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { box, BROWSER, fold, launch, messages, ROOT, TEST_BUILD } from "./harness.mjs";

const DIR = path.join(ROOT, "tests/fixtures/panel");
const MANAGER = "https://www.linkedin.com/mynetwork/invitation-manager/received/";
/** A second invitation page (the list without the "received" part of the address). */
const MANAGER_2 = "https://www.linkedin.com/mynetwork/invitation-manager/";
const SETTINGS = JSON.parse(fs.readFileSync(path.join(DIR, "settings.json"), "utf8"));
const spec = (n) => JSON.parse(fs.readFileSync(path.join(DIR, `panel-${n}.json`), "utf8"));
const MENU = { id: "open-panel", title: "Triage invitations (side panel)" };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const firefox = BROWSER === "firefox";
let h;
before(async () => {
  h = await launch();
  await h.setSettings(SETTINGS);
});
after(async () => {
  await h?.close();
});

// Each test's cleanup, passed or failed: the tabs it opened closed, and a side panel it left open.
// Without it one failure left its tabs and its panel, and the tests after it failed too (a
// cascade seen in CI: read the first failure).
let mark = null;
beforeEach(async () => {
  mark = { h, tabs: await h.tabsNow() };
});
afterEach(async () => {
  const { h: shared, tabs } = mark;
  await shared.closeTabsSince(tabs).catch(() => {});
  if (shared === h && (await h.inSidePanel(() => true).catch(() => undefined))) await closeSidePanel().catch(() => {});
});

/** The id of the last tab at `url`, as the extension knows it. */
async function tabId(url = MANAGER) {
  return h.ext(async (url) => (await chrome.tabs.query({ url })).map((t) => t.id).at(-1), url);
}

/** The active tab's id (a page the extension has no host permission for can't be queried by address). */
async function activeTabId() {
  return h.ext(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
}

/** Opens panel fixture `n` at `url` and the panel following it (`window`: the panel in a window of its own, so the page stays shown). */
async function openBoth(n, url = MANAGER, { window = false } = {}) {
  h.host(url, path.join(DIR, `panel-${n}.html`), { dir: DIR });
  const page = await h.open(url);
  const panel = await openPanel(await tabId(url), { window });
  return { page, panel };
}

/** The panel in a tab following tab `id`; `walk`: as the worker opens it where the browser refuses a side panel (it asks the worker for a walk kept). */
async function openPanel(id, { walk = false, ...options } = {}) {
  const panel = await h.open(h.extensionUrl(`panel.html?${walk ? "walk&" : ""}tab=${id}`), options);
  await panel.waitForSelector("html[data-ready]");
  return panel;
}

/**
 * WCAG contrast of each text in `selector`'s elements against the background it is drawn on,
 * with the opacity of its ancestors (a gone row at opacity .55 drew its muted lines at 2.3:1).
 */
const CONTRASTS = (selector) => {
  const rgb = (s) => s.match(/[\d.]+/g).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
  const under = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length < 4 || c[3] > 0) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const out = [];
  for (const root of document.querySelectorAll(selector)) {
    for (const el of [root, ...root.querySelectorAll("*")]) {
      if (![...el.childNodes].some((n) => n.nodeType === 3 && n.data.trim()) || !el.getClientRects().length) continue;
      let alpha = 1;
      for (let e = el; e; e = e.parentElement) alpha *= Number(getComputedStyle(e).opacity);
      const bg = under(el);
      const fg = rgb(getComputedStyle(el).color).slice(0, 3).map((v, i) => v * alpha + bg[i] * (1 - alpha));
      out.push({ text: el.textContent.slice(0, 30), ratio: Math.round(ratio(fg, bg) * 100) / 100 });
    }
  }
  return out;
};

/** In a panel: its width, its header's height, and the rows whose mutual count is not shown whole. */
const NARROW = () => {
  const cut = [];
  for (const row of document.querySelectorAll(".row")) {
    const m = row.querySelector(".mutual");
    const r = m?.getBoundingClientRect();
    if (m && !(r.width > 0 && r.right <= m.parentElement.getBoundingClientRect().right + 0.5)) cut.push(row.querySelector(".name").textContent);
    // A badge runs past the row's end only cut off mid-word: the category gives way with an ellipsis.
    for (const b of row.querySelectorAll(".badge")) if (b.getBoundingClientRect().right > b.parentElement.getBoundingClientRect().right + 0.5) cut.push(b.textContent);
    // The name gives way only once the category is at its least: "Finley A…" stood beside "Personal…" at 240 px.
    const [name, cat] = [row.querySelector(".name"), row.querySelector(".cat")];
    const least = ((s) => parseFloat(s.minWidth) + parseFloat(s.paddingLeft) + parseFloat(s.paddingRight) + parseFloat(s.borderLeftWidth) + parseFloat(s.borderRightWidth))(getComputedStyle(cat));
    if (name.scrollWidth > name.clientWidth + 0.5 && cat.getBoundingClientRect().width > least + 1) cut.push(`${name.textContent} beside ${cat.textContent}`);
  }
  // Rows whole in the list's view (`rows` counts those drawn, a few beyond the view too); where the panel's promise is shown.
  const list = document.querySelector("#list").getBoundingClientRect();
  const visible = [...document.querySelectorAll(".row")].filter((r) => ((b) => b.top >= list.top - 0.5 && b.bottom <= Math.min(list.bottom, innerHeight) + 0.5)(r.getBoundingClientRect())).length;
  const promise = [...document.querySelectorAll(".never")].filter((p) => p.getClientRects().length).map((p) => p.parentElement.id || p.parentElement.className);
  return { width: document.documentElement.clientWidth, header: document.querySelector("header").getBoundingClientRect().height, title: document.querySelector("h1").getBoundingClientRect().height, rows: document.querySelectorAll(".row").length, visible, promise, cut };
};

/** In a page: whether NotYet's frames are on it (their element's name is random, as the notice's is; the notice is the one with `popover`). */
const FRAMED = () => [...document.documentElement.children].some((e) => /^[a-z]{6}-[a-z]{6}$/.test(e.localName) && !e.hasAttribute("popover"));

const rows = (panel) => panel.evaluate(() => [...document.querySelectorAll(".row")].map((x) => ({ name: x.querySelector(".name").textContent, text: x.innerText, selected: x.classList.contains("selected"), gone: x.classList.contains("gone") })));
const msg = (panel) => panel.evaluate(() => document.querySelector("#msg").textContent);
const pressed = (page) => page.evaluate(() => Number(document.body.dataset.fxPressed || 0));
/** Waits for the panel's message to match `re`; a timeout says the message it showed instead. */
const untilMsg = (panel, re, timeout = 10000) =>
  panel.waitForFunction((re) => new RegExp(re).test(document.querySelector("#msg").textContent), re.source, { timeout }).catch(async (e) => {
    throw new Error(`${e.message}; the panel said: ${JSON.stringify(await msg(panel).catch(() => "(no panel)"))}`);
  });
const untilRead = (panel, text, timeout = 10000) => panel.waitForFunction((t) => document.querySelector("#read")?.textContent.includes(t), text, { timeout });
const detailName = (panel) => panel.evaluate(() => document.querySelector("#detail h2")?.textContent);
const disabled = (panel, sel) => panel.evaluate((s) => document.querySelector(s).disabled, sel);

/** Selects the first listed row whose name is `name` (filtering by text). */
async function pick(panel, name) {
  await panel.locator("#text").fill(name);
  await panel.locator(".row").first().click();
  assert.equal((await rows(panel))[0].name, name);
}

async function closeAll(...pages) {
  for (const p of pages) if (!p.isClosed()) await p.close();
}

test("the very first open reads the page before its WASM has loaded: the welcome page, opened at install, kept the core's request", async () => {
  const welcome = await h.findTab("welcome.html");
  await welcome.waitForFunction(() => localStorage.getItem("notyet_snapshot_request")?.includes("max_depth"));
  await welcome.close();
  const { page, panel } = await openBoth(40);
  const steps = await panel.evaluate(() => globalThis.__notyetPanelSteps);
  assert.ok(steps.early < steps.start && steps.taken > steps.early, JSON.stringify(steps));
  await closeAll(panel, page);
});

test("the list: 40 invitations of every category, counts as filters, category and text filters, keys", async () => {
  const { page, panel } = await openBoth(40);
  const people = spec(40).people;
  await untilRead(panel, "40 of 40");
  const shown = await rows(panel);
  assert.ok(shown.length >= 8 && shown.length < 40, `only the visible rows are rendered (${shown.length})`);
  assert.equal(shown[0].name, people[0].name);
  const counts = await panel.evaluate(() => document.querySelector("#counts").textContent);
  assert.match(counts, /\d+ accept · \d+ reply · \d+ ignore · \d+ report/i);
  const total = [...counts.matchAll(/(\d+) /g)].reduce((s, m) => s + Number(m[1]), 0);
  assert.equal(total, 40);
  // A count is a filter; pressed again, it is cleared.
  await panel.locator('[data-act="filter.report"]').click();
  const spam = await rows(panel);
  assert.equal(spam.length, people.filter((p) => p.category === "spam").length);
  assert.ok(spam.every((r) => /Report/.test(r.text)));
  await panel.locator('[data-act="filter.report"]').click();
  await panel.locator("#category").selectOption("recruiter");
  assert.equal((await rows(panel)).length, people.filter((p) => p.category === "recruiter").length);
  await panel.locator("#category").selectOption("");
  await panel.locator("#text").fill("outsourcing");
  assert.equal((await rows(panel)).length, people.filter((p) => p.category === "sales").length);
  await panel.locator("#text").fill("");
  // Keys: j and ↓ move down, k and ↑ up.
  await panel.locator("#list").focus();
  for (const key of ["Home", "j", "j", "ArrowDown", "k", "ArrowDown", "ArrowUp"]) await panel.keyboard.press(key);
  const selected = (await rows(panel)).findIndex((r) => r.selected);
  assert.equal(selected, 2);
  assert.equal(await detailName(panel), people[2].name);
  // A row shows headline, the note's first words, mutual count, category, action and reasons.
  const text = (await rows(panel))[1].text;
  assert.match(text, /Crypto trader/);
  assert.match(text, /“Hi dear, I make/);
  assert.match(text, /Spam/);
  // The reasons' line, and each reason in the details, starts as a sentence does, as shown (they
  // read "is Alex Adler from your known people", "headline mentions crypto…": fragments).
  const starts = await panel.evaluate(() => [...document.querySelectorAll(".row .l4, .detail .reasons li")].map((e) => e.innerText.slice(0, 24)));
  assert.ok(starts.length > 8, JSON.stringify(starts));
  assert.deepEqual(starts.filter((s) => !/^\p{Lu}/u.test(s)), [], JSON.stringify(starts));
  assert.equal(starts[0], "Is Alex Adler from your ");
  await closeAll(page, panel);
});

test("the first list decides the rows in view, the rest a frame later: 'Counting…' meanwhile, and a key, a filter or a scroll in the gap acts on decided rows", async () => {
  const { page, panel } = await openBoth(40);
  const people = spec(40).people;
  await untilRead(panel, "40 of 40");
  const counts = () => panel.evaluate(() => document.querySelector("#counts").textContent);
  const height = () => panel.evaluate(() => document.querySelector("#counts").getBoundingClientRect().height);
  const all = await counts();
  const tall = await height();
  // The last row and its details, decided, as the whole list shows them.
  await panel.locator("#list").focus();
  await panel.keyboard.press("End");
  const last = (await rows(panel)).find((r) => r.selected);
  assert.equal(last.name, people[39].name);
  const lastDetail = await panel.evaluate(() => document.querySelector("#detail").innerText);
  await panel.keyboard.press("Home");
  // From now on every reading leaves its rest pending until something needs it (the test seam `<html data-hold>`).
  await panel.evaluate(() => document.documentElement.setAttribute("data-hold", ""));
  const gap = async () => {
    await panel.locator('[data-act="refresh"]').click();
    await panel.waitForFunction(() => document.querySelector("#counts").getAttribute("aria-busy") === "true" && !!document.querySelector(".counting"));
  };
  await gap();
  const during = await panel.evaluate(() => ({
    counting: document.querySelector(".counting").textContent,
    hidden: [...document.querySelectorAll("#counts button")].every((b) => getComputedStyle(b).visibility === "hidden"),
    live: document.querySelector("#msg-polite").textContent + document.querySelector("#msg-alert").textContent,
  }));
  assert.equal(during.counting, "Counting…");
  assert.ok(during.hidden, "no count shown before every row is decided");
  assert.equal(during.live, "", "nothing announced while counting");
  assert.equal(await height(), tall, "the counts' line keeps its height");
  assert.equal((await rows(panel))[0].name, people[0].name);
  // A key in the gap: End selects the last invitation, decided (its row and details as before).
  await panel.locator("#list").focus();
  await panel.keyboard.press("End");
  assert.deepEqual((await rows(panel)).find((r) => r.selected), last);
  assert.equal(await panel.evaluate(() => document.querySelector("#detail").innerText), lastDetail);
  assert.equal(await counts(), all);
  assert.equal(await panel.evaluate(() => document.querySelector("#counts").hasAttribute("aria-busy")), false);
  await panel.keyboard.press("Home");
  // A text filter in the gap reads every note and headline.
  await gap();
  await panel.locator("#text").fill("outsourcing");
  assert.equal((await rows(panel)).length, people.filter((p) => p.category === "sales").length);
  await panel.locator("#text").fill("");
  // A category filter in the gap.
  await gap();
  await panel.locator("#category").selectOption("recruiter");
  assert.equal((await rows(panel)).length, people.filter((p) => p.category === "recruiter").length);
  await panel.locator("#category").selectOption("");
  // Scrolled past the decided rows: they are decided before they are drawn.
  await gap();
  await panel.evaluate(() => {
    const list = document.querySelector("#list");
    list.scrollTop = list.scrollHeight;
    list.dispatchEvent(new Event("scroll"));
  });
  const end = await rows(panel);
  assert.deepEqual({ ...end.at(-1), selected: false }, { ...last, selected: false });
  assert.equal(await counts(), all);
  await closeAll(page, panel);
});

test("a scroll while another page of the tab is read, the last list's rest still pending, leaves the panel working", async () => {
  const { page, panel } = await openBoth(40);
  await untilRead(panel, "40 of 40");
  // The next page holds its tab's main thread 2 s while it loads: the panel's reading of it
  // has cleared the last page's rows and waits for the snapshot.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "notyet-busy-"));
  fs.cpSync(path.join(DIR, "_fx"), path.join(dir, "_fx"), { recursive: true });
  fs.writeFileSync(path.join(dir, "busy.js"), "for (const t = performance.now(); performance.now() - t < 2000; );\n");
  const html = fs.readFileSync(path.join(DIR, "panel-300.html"), "utf8").replace("</body>", '<script src="/busy.js"></script></body>');
  fs.writeFileSync(path.join(dir, "page.html"), html);
  h.host(MANAGER_2, path.join(dir, "page.html"), { dir });
  await panel.evaluate(() => document.documentElement.setAttribute("data-hold", ""));
  await panel.locator('[data-act="refresh"]').click();
  await panel.waitForFunction(() => document.querySelector("#counts").getAttribute("aria-busy") === "true");
  // Navigated by the extension, which doesn't wait for the load (Firefox's driver would, alone).
  await h.ext(([id, url]) => chrome.tabs.update(id, { url }).then(() => {}), [await tabId(), MANAGER_2]);
  await sleep(700);
  // A scroll in that wait (it indexed the cleared rows, and the module stopped).
  await panel.evaluate(() => {
    const list = document.querySelector("#list");
    list.scrollTop = list.scrollHeight;
    list.dispatchEvent(new Event("scroll"));
  });
  await untilRead(panel, "10 of 300");
  await panel.locator("#list").focus();
  await panel.keyboard.press("End");
  assert.equal((await rows(panel)).find((r) => r.selected)?.name, spec(300).people[9].name);
  fs.rmSync(dir, { recursive: true, force: true });
  await closeAll(page, panel);
});

test("Show scrolls the card into view and frames it; Accept and Ignore are pointed at, never pressed", async () => {
  const { page, panel } = await openBoth(40);
  const target = spec(40).people[33];
  await pick(panel, target.name);
  await panel.locator("#list").focus();
  await panel.keyboard.press("Enter");
  await untilMsg(panel, /framed/);
  const inView = await page.evaluate((href) => {
    const card = document.querySelector(`[data-fx-key="${href}"]`);
    const r = card.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight && card.getAttribute("style") === null;
  }, target.href);
  assert.ok(await page.evaluate(FRAMED), "framed by NotYet's own element");
  assert.ok(inView, "the card is in view, its own style untouched");
  await panel.locator("#do-accept").click();
  await untilMsg(panel, /Accept button/);
  await panel.locator("#do-ignore").click();
  await untilMsg(panel, /Ignore/);
  assert.equal(await pressed(page), 0, "NotYet pressed no button of LinkedIn's");
  assert.ok(await page.evaluate((href) => !!document.querySelector(`[data-fx-key="${href}"]`), target.href), "the invitation is still there");
  // The outcome speaks of one person: it stays while that one stays selected (the filter
  // cleared), and goes once j or the arrows select another (it sat beside their details).
  await panel.locator("#do-show").click();
  await untilMsg(panel, /framed/);
  await panel.locator("#text").fill("");
  assert.ok((await msg(panel)).includes(target.name), await msg(panel));
  await panel.locator("#list").focus();
  await panel.keyboard.press("j");
  if ((await detailName(panel)) === target.name) await panel.keyboard.press("k");
  assert.notEqual(await detailName(panel), target.name);
  assert.equal(await msg(panel), "");
  await closeAll(page, panel);
});

test("a page that defines NotYet's frame element as its own and patches DOM APIs in its world: Show still frames the card", async () => {
  // The page's script runs first: it claims the element name the frames used (its constructor
  // takes the shadow root, so NotYet's attachShadow threw and nothing was framed: Chromium's
  // panel said "framed" all the same, Firefox's said it couldn't finish) and patches the DOM
  // calls the agent makes. The agent runs in the isolated world, which the patches don't reach.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "notyet-claims-"));
  fs.cpSync(path.join(DIR, "_fx"), path.join(dir, "_fx"), { recursive: true });
  fs.writeFileSync(path.join(dir, "claims.js"), `
    document.documentElement.dataset.claimed = "";
    const attach = Element.prototype.attachShadow;
    customElements.define("notyet-outline", class extends HTMLElement {
      constructor() { super(); attach.call(this, { mode: "open" }); document.documentElement.dataset.claimed += "built "; }
    });
    const boom = () => { throw new Error("hostile page"); };
    for (const name of ["attachShadow", "getBoundingClientRect", "scrollIntoView", "getAttribute", "getAttributeNames", "checkVisibility"]) Element.prototype[name] = boom;
    for (const name of ["createElement", "createTreeWalker"]) Document.prototype[name] = boom;
    JSON.stringify = boom;`);
  fs.writeFileSync(path.join(dir, "panel-40.html"), fs.readFileSync(path.join(DIR, "panel-40.html"), "utf8").replace("</head>", '<script src="/claims.js"></script></head>'));
  h.host(MANAGER, path.join(dir, "panel-40.html"), { dir });
  const page = await h.open(MANAGER);
  const panel = await openPanel(await tabId());
  const target = spec(40).people[5];
  await pick(panel, target.name);
  await panel.locator("#do-show").click();
  await untilMsg(panel, /framed|couldn't/);
  assert.match(await msg(panel), /framed/);
  const framed = await h.isolated(MANAGER, `() => { const f = globalThis.__notyetAgent.frames; return { shown: !!f?.host.isConnected, open: f?.host.shadowRoot !== null }; }`);
  assert.deepEqual(framed, { shown: true, open: false }, "NotYet's own frame is on the page, its shadow root closed");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.claimed), "", "the page's constructor never ran on NotYet's element");
  await closeAll(page, panel);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("a page's stylesheet aimed at whatever NotYet adds (`html > *`, `body ~ *`) doesn't hide Show's frames", async () => {
  // The frames' element reset the page's styles with rules of normal weight: the page's
  // `!important` beat them, and Show said "framed" over a page with no frame on it.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "notyet-unframe-"));
  fs.cpSync(path.join(DIR, "_fx"), path.join(dir, "_fx"), { recursive: true });
  const css = "html > :not(head):not(body), body ~ * { display: none !important; visibility: hidden !important; opacity: 0 !important; }";
  fs.writeFileSync(path.join(dir, "panel-40.html"), fs.readFileSync(path.join(DIR, "panel-40.html"), "utf8").replace("</head>", `<style>${css}</style></head>`));
  h.host(MANAGER, path.join(dir, "panel-40.html"), { dir, csp: "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self'" });
  const page = await h.open(MANAGER);
  const panel = await openPanel(await tabId());
  await pick(panel, spec(40).people[5].name);
  await panel.locator("#do-show").click();
  await untilMsg(panel, /framed/);
  const seen = await h.isolated(MANAGER, `() => { const s = getComputedStyle(globalThis.__notyetAgent.frames.host); return [s.display, s.visibility, s.opacity]; }`);
  assert.deepEqual(seen, ["block", "visible", "1"]);
  await closeAll(page, panel);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("the agent's code throwing in the page is an error for the panel in both browsers, not an empty answer", async () => {
  // Chromium answers an injected function's throw with `result: null` and no error (Firefox
  // reports the error): the panel took that for an answer and said the card was framed.
  const { page, panel } = await openBoth(40);
  const id = await tabId();
  const outcome = await panel.evaluate(async (id) => {
    const { agentFrame } = await import("./agent.js");
    return agentFrame(id, { op: "outline", marks: 5 }).then((frame) => `answered ${JSON.stringify(frame?.result)}`, (e) => `threw: ${e.message}`);
  }, id);
  assert.match(outcome, /^threw: /);
  await closeAll(page, panel);
});

// In German too (Chromium: the harness starts Firefox in English only): the page marked as German,
// which panel.html's "en" said it wasn't.
for (const lang of ["en", "de"]) test(`in ${lang}: a panel whose files don't load (panel.js missing, then the WASM broken) says so in the browser's words, in its language, not 'NotYet…' for good; storage untouched`, { skip: lang !== "en" && firefox && "the harness starts Firefox in English only" }, async () => {
  // panel-early.js imported the panel with no handler for a failure: the page stayed on its
  // "NotYet…" with nothing said. A copy of the test build, broken after the browser started
  // (the worker's own WASM is in by then); both browsers read an unpacked extension's files as a
  // page asks for them.
  const build = fs.mkdtempSync(path.join(os.tmpdir(), "notyet-broken-"));
  fs.cpSync(TEST_BUILD, build, { recursive: true });
  const dir = path.join(build, firefox ? "firefox" : "chrome");
  const b = await launch({ build, lang });
  try {
    await b.setSettings(SETTINGS);
    const before = await b.ext(() => chrome.storage.local.get(null));
    const words = messages(lang).notice_failed.message.split("$ERROR$");
    const says = async (what) => {
      const panel = await b.open(b.extensionUrl("panel.html?tab=1"));
      await panel.waitForSelector("[role=alert]", { timeout: 10000 });
      const { text, marked } = await panel.evaluate(() => ({ text: document.body.textContent, marked: document.documentElement.lang }));
      assert.ok(text.startsWith(`${words[0]}`) && text.endsWith(words[1]) && text.length > words.join("").length + 2, `${what}: ${text}`);
      assert.ok(!text.includes("NotYet…"), what);
      assert.equal(marked, lang, what);
      await panel.close();
    };
    const file = (name) => path.join(dir, name);
    fs.renameSync(file("panel.js"), file("panel.js.gone"));
    await says("panel.js missing");
    fs.renameSync(file("panel.js.gone"), file("panel.js"));
    const wasm = fs.readFileSync(file("wasm/notyet_wasm_bg.wasm"));
    fs.writeFileSync(file("wasm/notyet_wasm_bg.wasm"), wasm.subarray(0, 1000));
    await says("the WASM cut short");
    fs.writeFileSync(file("wasm/notyet_wasm_bg.wasm"), wasm);
    assert.deepEqual(await b.ext(() => chrome.storage.local.get(null)), before);
    // Mended, the next open is the panel.
    const panel = await b.open(b.extensionUrl("panel.html?tab=1"));
    await panel.waitForSelector("html[data-ready]");
    await panel.close();
  } finally {
    await b.close();
    fs.rmSync(build, { recursive: true, force: true });
  }
});

test("a name's bidi controls stay in the name: a right-to-left override doesn't turn the panel's line around", async () => {
  const { page, panel } = await openBoth(40);
  const target = spec(40).people.find((p) => p.category === "recruiter");
  const [first, last] = target.name.split(" ");
  // The card's name, its labels included, with U+202E: "Casey Adler's invitation…" was shown "Casey …noitativni s'reldA".
  await page.evaluate(([href, from, to]) => {
    const card = document.querySelector(`[data-fx-key="${href}"]`);
    const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) walker.currentNode.data = walker.currentNode.data.replaceAll(from, to);
    for (const el of card.querySelectorAll("[aria-label], [alt]")) for (const a of ["aria-label", "alt"]) if (el.hasAttribute(a)) el.setAttribute(a, el.getAttribute(a).replaceAll(from, to));
  }, [target.href, target.name, `${first} \u202e${last}`]);
  await panel.locator("[data-act=refresh]").click();
  await panel.locator("#text").fill(first);
  await panel.waitForFunction((n) => [...document.querySelectorAll(".row .name")].some((e) => e.textContent === n), target.name);
  await panel.locator(".row").first().click();
  await panel.locator("#do-show").click();
  await untilMsg(panel, /framed/);
  assert.match(await msg(panel), new RegExp(`^${target.name}'s invitation is framed`), await msg(panel));
  const texts = await panel.evaluate(() => [document.querySelector("#msg").textContent, ...[...document.querySelectorAll(".row, #detail")].map((e) => e.textContent)]);
  assert.ok(texts.every((t) => !/[\u202a-\u202e\u2066-\u2069]/.test(t)), JSON.stringify(texts));
  await closeAll(page, panel);
});

test("a note in Arabic shows its first words in the row, the ellipsis at its end (its start was cut off the right)", async () => {
  const { page, panel } = await openBoth(40);
  const target = spec(40).people.find((p) => p.category === "recruiter");
  const note = "مرحبا بات، أنا أبحث عن مهندسين لشركة ناشئة في برلين. هل لديك وقت لمكالمة قصيرة هذا الأسبوع؟ سيكون من الرائع أن نتحدث عن الدور.".repeat(3);
  await page.evaluate(([href, text]) => {
    const card = document.querySelector(`[data-fx-key="${href}"]`);
    [...card.querySelectorAll("p")].find((p) => /hiring/.test(p.textContent)).textContent = text;
  }, [target.href, note]);
  await panel.locator("[data-act=refresh]").click();
  await panel.locator("#text").fill(target.name);
  await panel.waitForFunction(() => /مرحبا/.test(document.querySelector(".row .l3")?.textContent));
  if (!firefox) await panel.setViewportSize({ width: 360, height: 640 });
  // Where the note's first letter is drawn: inside the row's line, at its right.
  const at = await panel.evaluate(() => {
    const line = document.querySelector(".row .l3");
    const text = line.firstChild;
    const r = document.createRange();
    const i = text.data.indexOf("م");
    r.setStart(text, i);
    r.setEnd(text, i + 1);
    const [l, c] = [line.getBoundingClientRect(), r.getBoundingClientRect()];
    return { inside: c.left >= l.left && c.right <= l.right + 1, fromRight: Math.round(l.right - c.right) };
  });
  assert.ok(at.inside && at.fromRight < 40, JSON.stringify(at));
  await closeAll(page, panel);
});

test("a Reply card without LinkedIn's Reply button (no note): the advice doesn't promise the disabled Draft reply", async () => {
  const { page, panel } = await openBoth(40);
  const advice = () => panel.evaluate(() => document.querySelector("#detail .advice").textContent);
  await pick(panel, spec(40).people[3].name); // a sales pitch without a note
  assert.equal(await disabled(panel, "#do-draft"), true);
  assert.doesNotMatch(await advice(), /Draft reply/);
  assert.match(await advice(), /^ReplySales.*no way to send one: leave it pending, or ignore it on LinkedIn/);
  // Said once: the hint under the buttons said it again ("This card has no Reply button…").
  assert.equal(await panel.evaluate(() => document.querySelector("#detail .hint")), null);
  await pick(panel, spec(40).people[2].name); // a recruiter's note: LinkedIn offers Reply
  assert.equal(await disabled(panel, "#do-draft"), false);
  assert.match(await advice(), /Draft reply writes it/);
  await closeAll(page, panel);
});

test("keyboard only: the focus stays on the control pressed while the panel reads the page again; names for screen readers", async () => {
  const { page, panel } = await openBoth(40);
  await untilRead(panel, "40 of 40");
  const focused = () => panel.evaluate(() => document.activeElement?.dataset.act ?? document.activeElement?.id ?? document.activeElement?.tagName);
  // A count pressed from the keyboard filters the list and keeps the focus (the counts are rebuilt).
  await panel.locator('[data-act="filter.report"]').focus();
  await panel.keyboard.press("Enter");
  assert.equal(await focused(), "filter.report");
  assert.equal(await panel.evaluate(() => document.activeElement.getAttribute("aria-pressed")), "true");
  await panel.keyboard.press("Enter");
  assert.equal(await focused(), "filter.report");
  // ↓ on the category menu chooses a category, as a menu's keys do (it moved the list instead).
  await panel.locator("#category").focus();
  await panel.keyboard.press("ArrowDown");
  assert.equal(await panel.evaluate(() => document.querySelector("#category").value), "known");
  await panel.locator("#category").selectOption("");
  // Show and Point at Accept from their buttons: each reads the page again and rebuilds the
  // details; the focus stays on the button, so Tab goes on from there.
  await panel.locator("#list").focus();
  await panel.keyboard.press("j");
  await panel.locator("#do-show").focus();
  await panel.keyboard.press("Enter");
  await untilMsg(panel, /framed/);
  assert.equal(await focused(), "show");
  await panel.locator("#do-accept").focus();
  await panel.keyboard.press("Enter");
  await untilMsg(panel, /Accept button/);
  assert.equal(await focused(), "accept");
  // The details are named by the person and are not a live region (the selected option is
  // announced already; a live region read every rebuilt detail out again); the progress bar is named.
  const a11y = await panel.evaluate(() => ({
    live: document.querySelector("#detail").getAttribute("aria-live"),
    name: document.getElementById(document.querySelector("#detail").getAttribute("aria-labelledby"))?.textContent,
    progress: document.querySelector("#progress-bar").getAttribute("aria-labelledby"),
    // The dots between the counts are for the eye only.
    dots: [...document.querySelector("#counts").childNodes].filter((n) => n.nodeName !== "BUTTON").map((n) => n.getAttribute?.("aria-hidden")).join(),
    // The list renders the rows in view only: each says where it is in the whole list.
    option: ((o) => [o.getAttribute("aria-posinset"), o.getAttribute("aria-setsize"), o.getAttribute("aria-selected")])(document.getElementById(document.querySelector("#list").getAttribute("aria-activedescendant"))),
    // Each option is named with its parts apart: from the rows' text a screen reader ran the lines
    // together ("…No note is Alex Adler from your known people", "No note sent no personal note").
    labels: [...document.querySelectorAll(".row")].slice(0, 5).map((o) => o.getAttribute("aria-label")),
    // The details' two badges are apart from the advice for a screen reader (an alternative text
    // that draws nothing): "Reply Recruiter A polite not-yet reply fits" was one run.
    apart: [...document.querySelectorAll("#detail .advice .badge")].map((b) => getComputedStyle(b, "::after").content),
  }));
  assert.equal(a11y.apart.length, 2);
  for (const c of a11y.apart) assert.match(c, /^"" \/ "\. "$/);
  delete a11y.apart;
  const labels = a11y.labels;
  delete a11y.labels;
  assert.match(labels[0], /^Alex Adler\. Accept\. Known\. 3 mutual connections\. Engineering lead at Acme Corp\. No note\. is Alex Adler from your known people$/);
  assert.match(labels[1], /^Blair Adler\. Report\. Spam\. Crypto trader \| Forex signals\. “Hi dear, [^”]+”\. headline mentions/);
  assert.match(labels[4], /^Eli Adler\. Reply\. Mutual connections\. 25 mutual connections\. Product designer\. No note\. sent no personal note; /);
  assert.deepEqual(a11y, { live: null, name: await detailName(panel), progress: "progress-text", dots: "true,true,true", option: [String((await rows(panel)).findIndex((r) => r.selected) + 1), "40", "true"] });
  // A name typed in the search field, then Enter: shown, as Enter in the list does (it did nothing); the focus stays there.
  const someone = spec(40).people[20].name;
  await panel.locator("#text").fill(someone);
  await panel.locator("#text").press("Enter");
  await untilMsg(panel, new RegExp(`${someone}.*framed`));
  assert.equal(await focused(), "text");
  assert.equal(await pressed(page), 0);
  await closeAll(page, panel);
});

test("a filter's outcome is said to a screen reader: what it leaves listed, in a live region, once per change", async () => {
  const { page, panel } = await openBoth(40);
  await untilRead(panel, "40 of 40");
  await panel.evaluate(() => {
    window.__said = [];
    const region = document.querySelector("#listed");
    new MutationObserver(() => window.__said.push(region.textContent)).observe(region, { childList: true, characterData: true, subtree: true });
  });
  const said = () => panel.evaluate(() => window.__said.splice(0));
  assert.equal(await panel.evaluate(() => document.querySelector("#listed").getAttribute("role")), "status");
  // The counts are a group of toggles, not a navigation landmark (a landmark leads to links).
  assert.equal(await panel.evaluate(() => `${document.querySelector("#counts").tagName} ${document.querySelector("#counts").getAttribute("role")}`), "DIV group");
  // A count pressed from the keyboard, a search typed, Hide handled: each said (they changed the list in silence).
  await panel.locator("#counts button").first().focus();
  await panel.keyboard.press("Enter");
  await panel.waitForFunction(() => document.querySelector("#listed").textContent === "5 listed");
  assert.match(await panel.evaluate(() => document.querySelector("#read").innerText + getComputedStyle(document.querySelector("#listed"), "::before").content), /^Read 40 of 40 invitations ?5 listed" · " \/ ""$/);
  await panel.keyboard.press("Enter");
  await panel.locator("#text").fill("zzzz");
  await panel.waitForFunction(() => document.querySelector("#listed").textContent === "0 listed");
  await panel.locator("#text").fill(spec(40).people[5].name);
  await panel.waitForFunction(() => document.querySelector("#listed").textContent === "1 listed");
  assert.deepEqual((await said()).filter(Boolean), ["5 listed", "0 listed", "1 listed"]);
  // Read again (and every focus, which reads again) changes nothing listed: nothing is said again.
  await panel.locator("[data-act=refresh]").click();
  await untilRead(panel, "40 of 40");
  await sleep(300);
  assert.deepEqual(await said(), []);
  await closeAll(page, panel);
});

test("a long name gives way to the row's badges; no match says so; a short (zoomed) window scrolls to the details", async () => {
  const { page, panel } = await openBoth(40);
  const target = spec(40).people[1];
  await untilRead(panel, "40 of 40");
  // The name in every place the card shows it, HTML-looking and long.
  const long = "<img src=x onerror=alert(1)> Alexandra-Maximiliane von Adler-Hohenstein-Ernstthal und Oberwiesenthal";
  await page.evaluate(({ href, from, to }) => {
    const card = document.querySelector(`[data-fx-key="${href}"]`);
    const walk = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
    for (let n; (n = walk.nextNode()); ) n.data = n.data.replace(from, to);
    for (const el of card.querySelectorAll("[aria-label]")) el.setAttribute("aria-label", el.getAttribute("aria-label").replace(from, to));
  }, { href: target.href, from: target.name, to: long });
  await panel.locator('[data-act="refresh"]').click();
  await panel.locator("#text").fill("Oberwiesenthal");
  await panel.waitForFunction(() => document.querySelectorAll(".row").length === 1);
  const fit = await panel.evaluate(() => {
    const row = document.querySelector(".row").getBoundingClientRect();
    const badges = [...document.querySelectorAll(".row .badge")].map((b) => b.getBoundingClientRect());
    return { name: document.querySelector(".row .name").textContent, html: !!document.querySelector(".row img"), inside: badges.length === 2 && badges.every((b) => b.width > 0 && b.right <= row.right) };
  });
  assert.deepEqual(fit, { name: long, html: false, inside: true });
  await panel.locator("#text").fill("no such person anywhere");
  assert.match(await panel.evaluate(() => document.querySelector("#list").textContent), /No invitation matches these filters/);
  await panel.locator("#text").fill("");
  if (!firefox) {
    // 200% zoom in a 760 px high side panel: 380 px of CSS height. Firefox's sidebar as it
    // opens, 240 × 636 (the details were squeezed to 17 px, their buttons unreachable), and a
    // laptop's 640 px high side panel (Show was cut in half).
    for (const [width, height] of [[210, 380], [240, 636], [360, 640]]) {
      await panel.setViewportSize({ width, height });
      await panel.locator(".row").first().click();
      const reachable = await panel.evaluate(() => {
        const show = document.querySelector("#do-show");
        show.scrollIntoView({ block: "nearest" });
        const r = show.getBoundingClientRect();
        const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        const detail = document.querySelector("#detail").getBoundingClientRect();
        // On screen (to a subpixel), inside the details' box and not covered: what is at its centre is the button. Else where it is, for the failure.
        const ok = r.height > 0 && r.top >= -1 && r.bottom <= innerHeight + 1 && r.bottom <= detail.bottom + 1 && at === show;
        return ok || JSON.stringify({ top: r.top, bottom: r.bottom, detail: [detail.top, detail.bottom], height: innerHeight, at: at?.outerHTML.slice(0, 80) });
      });
      assert.equal(reachable, true, `${width} × ${height}: the details' buttons can be scrolled to and are not covered`);
    }
    // Narrow, the pills stand apart by a gap, no "·" (German's wrapped with one opening the second
    // line at 360), and "Counting…" still shows while the rows are decided (a span too: the rule
    // hiding the dots hid it at 300 px).
    for (const width of [300, 360]) {
      await panel.setViewportSize({ width, height: 640 });
      const counts = await panel.evaluate(() => {
        const nav = document.querySelector("#counts");
        const dots = [...nav.querySelectorAll(":scope > span")].filter((s) => s.getClientRects().length).length;
        const counting = document.createElement("span");
        counting.className = "counting";
        counting.textContent = "Counting…";
        nav.setAttribute("aria-busy", "true");
        nav.prepend(counting);
        const shown = counting.getBoundingClientRect().width > 0;
        counting.remove();
        nav.removeAttribute("aria-busy");
        return { dots, shown };
      });
      assert.deepEqual(counts, { dots: 0, shown: true }, `${width} px`);
    }
    // Read more's bar beside long words (German, 240 px): it was 0 px wide.
    const bar = await panel.evaluate(() => {
      document.querySelector("#progress").hidden = false;
      document.querySelector("#progress-text").textContent = "Die Liste der Seite wird gelesen: 60 von 300";
      return document.querySelector("#progress-bar").getBoundingClientRect().width;
    });
    assert.ok(bar >= 100, `the progress bar is ${bar} px wide`);
  }
  await closeAll(page, panel);
});

for (const [lang, words] of [
  // The reasons say "Titel", as the options page does ("Headline erwähnt …" was English in a German row).
  ["de", { quote: /^„Hi dear/m, counts: /\d+ Annehmen · \d+ Antworten · \d+ Ignorieren · \d+ Melden/, drafted: /Entwurf am 28\. Nov\./, today: /Tay Today · Entwurf heute/, mutual: /^(1 gemeinsamer Kontakt|\d+ gemeinsame Kontakte)( · )?$/, gone: /Robin Gone · Entwurf am 27\. Nov\. · nicht mehr da seit 29\. Nov\./, reason: /· Titel erwähnt/, listed: /1 angezeigt$/, noReply: /keinen Weg, sie zu senden: offen lassen oder auf LinkedIn ignorieren/, framed: /^Die Einladung von Alex Adler ist auf der Seite markiert\.$/ }],
  // French: no "1 affichées" (the counts are worded without an agreeing plural).
  ["fr", { quote: /^«\u00a0Hi dear/m, counts: /\d+ Accepter · \d+ Répondre · \d+ Ignorer · \d+ Signaler/, drafted: /brouillon le 28 nov\./i, today: /Tay Today · brouillon aujourd'hui/, mutual: /^(1 relation|\d+ relations) en commun( · )?$/, gone: /Robin Gone · brouillon le 27 nov\. · plus sur la page depuis le 29 nov\./, reason: /· le titre mentionne/, listed: /dans la liste\u00a0: 1$/, noReply: /ne permet pas d'en envoyer\u00a0: laissez-la en attente/, framed: /^Alex Adler\u00a0: l'invitation est encadrée sur la page\.$/ }],
]) {
  test(`in ${lang}: the panel's words and its dates, where the browser's own language says en-US`, { skip: firefox && "the harness starts Firefox in English only" }, async () => {
    const b = await launch({ lang });
    try {
      await b.setSettings(SETTINGS);
      const target = spec(40).people[2];
      // One more that left the page: said in the panel's words ("weg seit", "partie le" were not).
      const left = { key: "https://www.linkedin.com/in/robin-gone/", name: "Robin Gone", drafted: Date.UTC(2026, 10, 27, 12), gone: Date.UTC(2026, 10, 29, 12) };
      // And one drafted now: "heute", not today's date.
      const today = { key: "https://www.linkedin.com/in/tay-today/", name: "Tay Today", drafted: Date.now() };
      await b.ext((r) => chrome.storage.local.set({ panel_record: r }), { entries: [{ key: target.href, name: target.name, drafted: Date.UTC(2026, 10, 28, 12) }, left, today] });
      b.host(MANAGER, path.join(DIR, "panel-40.html"), { dir: DIR });
      const page = await b.open(MANAGER);
      const id = await b.ext(async (url) => (await chrome.tabs.query({ url })).map((t) => t.id).at(-1), MANAGER);
      const panel = await b.open(b.extensionUrl(`panel.html?tab=${id}`));
      await panel.waitForSelector("html[data-ready]");
      assert.match(await panel.evaluate(() => document.querySelector("#counts").textContent), words.counts);
      await panel.locator("#text").fill(target.name);
      assert.match(await panel.evaluate(() => document.querySelector(".row").innerText), words.drafted);
      assert.match(await panel.evaluate(() => document.querySelector(".row").innerText), words.reason);
      assert.match(await panel.evaluate(() => document.querySelector("#read").textContent), words.listed);
      // Chrome's side panel opens 360 px wide: the longer words kept a short header, and each
      // row's mutual count whole (German cut it, or left it out beside "Personalvermittlung").
      await panel.locator("#text").fill("");
      await panel.setViewportSize({ width: 360, height: 640 });
      const narrow = await panel.evaluate(NARROW);
      assert.ok(narrow.header <= 300 && narrow.rows >= 2, JSON.stringify(narrow));
      assert.deepEqual(narrow.cut, []);
      // Firefox's sidebar opens 240 px wide: the category's select shows its option whole, Hide
      // handled on a line of its own ("Alle Ka" and "Toutes" were shown beside it).
      await panel.setViewportSize({ width: 240, height: 640 });
      const select = await panel.evaluate(() => {
        const s = document.querySelector("#category");
        const css = getComputedStyle(s);
        const pen = document.createElement("canvas").getContext("2d");
        pen.font = `${css.fontWeight} ${css.fontSize} ${css.fontFamily}`;
        const text = pen.measureText(s.options[s.selectedIndex].text).width;
        return { text, room: s.clientWidth - parseFloat(css.paddingLeft) - parseFloat(css.paddingRight) - 16 };
      });
      assert.ok(select.text <= select.room, JSON.stringify(select));
      await panel.setViewportSize({ width: 360, height: 640 });
      // The mutual count with its noun, agreeing with the count ("3 gemeinsame", "1 gemeinsame" were shown).
      const mutual = await panel.evaluate(() => [...document.querySelectorAll(".row .mutual")].map((e) => e.textContent));
      assert.ok(mutual.length > 0);
      for (const m of mutual) assert.match(m, words.mutual);
      // Notes quoted as the language quotes.
      assert.match(await panel.evaluate(() => [...document.querySelectorAll(".row .l3")].map((l) => l.textContent).join("\n")), words.quote);
      await panel.locator("#text").fill(target.name);
      // A Reply card without LinkedIn's Reply button: the advice doesn't promise Draft reply.
      await panel.locator("#text").fill(spec(40).people[3].name);
      await panel.locator(".row").first().click();
      assert.match(await panel.evaluate(() => document.querySelector("#detail .advice").textContent), words.noReply);
      // No "de" before a name in French ("L'invitation de Alex Adler" was written: "d'Alex").
      await panel.locator("#text").fill(spec(40).people[0].name);
      await panel.locator(".row").first().click();
      await panel.locator("#do-show").click();
      await untilMsg(panel, words.framed);
      const options = await b.open(b.extensionUrl("options.html"));
      await options.waitForFunction((name) => document.querySelector("#progress-list")?.textContent.includes(name), target.name);
      assert.match(await options.evaluate(() => document.querySelector("#progress-list").textContent), words.drafted);
      assert.match(await options.evaluate(() => document.querySelector("#progress-list").textContent), words.gone);
      assert.match(await options.evaluate(() => document.querySelector("#progress-list").textContent), words.today);
    } finally {
      await b.close();
    }
  });
}

test("Draft reply opens that invitation's Reply box and drafts as a toolbar click; the record keeps it across a reload", async () => {
  await h.ext(() => chrome.storage.local.remove("panel_record"));
  const { page, panel } = await openBoth(40);
  const target = spec(40).people.find((p) => p.category === "recruiter");
  await pick(panel, target.name);
  await panel.locator("#do-draft").click();
  await untilMsg(panel, /Drafted|entworfen/);
  const drafted = await box(page);
  assert.ok(drafted, "a message box is open");
  assert.match(fold(drafted.text), new RegExp(target.name.split(" ")[0]));
  assert.equal(fold(drafted.model), fold(drafted.text), "the page's editor saw the draft");
  assert.equal(drafted.sendDisabled, false);
  assert.equal(await pressed(page), 0);
  const record = await h.ext(async () => (await chrome.storage.local.get("panel_record")).panel_record);
  assert.equal(record.entries.length, 1);
  assert.equal(record.entries[0].key, target.href);
  assert.equal((await rows(panel)).length, 1);
  assert.match((await rows(panel))[0].text, /Drafted today/);
  // Reopened (storage read afresh, a new background too): the draft is remembered, and can be hidden.
  const id = await tabId();
  await panel.close();
  await h.restartBackground();
  const again = await openPanel(id);
  await again.locator("#text").fill(target.name);
  assert.match((await rows(again))[0].text, /Drafted today/); // not "drafted Nov 30"
  await again.locator("#hide").check();
  assert.equal((await rows(again)).length, 0, "handled invitations hidden on request");
  // The counts, filters themselves, leave them out too: "25 Reply" listed 24.
  assert.equal(await again.evaluate(() => [...document.querySelector("#counts").textContent.matchAll(/(\d+) /g)].reduce((s, m) => s + Number(m[1]), 0)), 39);
  // The options page lists the record and clears it.
  const options = await h.open(h.extensionUrl("options.html"));
  await options.waitForFunction((name) => document.querySelector("#progress-list")?.textContent.includes(name), target.name);
  assert.match(await options.evaluate(() => document.querySelector("#progress-list").textContent), /drafted today/);
  // Export: the record as a file, the same entries.
  const [download] = await Promise.all([options.waitForEvent("download"), options.locator("#progress-export").click()]);
  assert.equal(download.suggestedFilename(), "notyet-panel-progress.json");
  assert.deepEqual(JSON.parse(fs.readFileSync(await download.path(), "utf8")).entries.map((e) => [e.key, e.name]), [[target.href, target.name]]);
  // Clearing asks first (it can't be undone): Cancel keeps the record, the focus back on Clear.
  await options.locator("#progress-clear").click();
  await options.waitForFunction(() => document.querySelector("#progress-clear-dialog")?.open && document.activeElement?.id === "progress-clear-cancel");
  await options.locator("#progress-clear-cancel").click();
  await options.waitForFunction(() => !document.querySelector("#progress-clear-dialog").open && document.activeElement?.id === "progress-clear");
  assert.ok((await options.evaluate(() => document.querySelector("#progress-list").textContent)).includes(target.name), "Cancel cleared nothing");
  await options.locator("#progress-clear").click();
  await options.locator("#progress-clear-confirm").click();
  await options.waitForFunction(() => /Nothing recorded/.test(document.querySelector("#progress-list").textContent));
  // Cleared by a save of no entries with the time of the clear (a panel's save in flight must not bring them back).
  const cleared = await h.ext(async () => (await chrome.storage.local.get("panel_record")).panel_record);
  assert.deepEqual([cleared.entries, typeof cleared.cleared, cleared.hide], [[], "number", undefined]);
  await again.waitForFunction(() => document.querySelectorAll(".row").length === 1, null, { timeout: 5000 });
  // A toolbar click starts the new background (so later tests count its clicks from here).
  await h.click(page);
  await closeAll(options, page, again);
});

test("storage full as the progress record is written after a draft: the panel says the progress wasn't saved, not that nothing was changed", async () => {
  // The draft is in the box by then; "NotYet couldn't finish (QUOTA_BYTES quota exceeded). Nothing
  // was changed." said the opposite, and a user who believed it would look for no draft.
  const { page, panel } = await openBoth(40);
  // The record is written by the worker, which merges the panel's change into it (storage refuses it there).
  const target = spec(40).people.find((p) => p.category === "personalized");
  await pick(panel, target.name);
  await h.test({ op: "writes", remove: "QUOTA_BYTES quota exceeded" });
  try {
    await panel.locator("#do-draft").click();
    await untilMsg(panel, /progress|couldn't|Drafted/);
    await sleep(300);
  } finally {
    await h.test({ op: "writes" });
  }
  assert.match(await msg(panel), /couldn't save your progress \(QUOTA_BYTES quota exceeded\)/);
  assert.doesNotMatch(await msg(panel), /Nothing was changed/);
  assert.match(fold((await box(page))?.text), new RegExp(target.name.split(" ")[0]), "the draft is in the box");
  assert.match((await rows(panel))[0].text, /Drafted today/, "and the panel keeps it while open");
  await closeAll(page, panel);
});

test("two panels (two windows, or a side panel and a tab) drafting at the same moment: the record keeps both drafts", async () => {
  // Each panel wrote its whole record, and the later write replaced the other's draft. The record
  // nearly full (998 older drafts): it stays bounded at 1,000, the oldest dropped.
  const FILLER = 998;
  await h.ext((n) => chrome.storage.local.set({ panel_record: { entries: Array.from({ length: n }, (_, i) => ({ key: `https://www.linkedin.com/in/filler-${i}/`, name: `Filler ${i}`, drafted: Date.UTC(2026, 0, 1) + i, gone: null })) } }), FILLER);
  h.host(MANAGER_2, path.join(DIR, "panel-40.html"), { dir: DIR });
  const { page, panel } = await openBoth(40);
  const other = await h.open(MANAGER_2);
  const second = await openPanel(await tabId(MANAGER_2));
  const people = spec(40).people;
  // Storage slow to write (a busy disk), wherever the record is written: the two writes cross.
  const SLOW = (ms) => {
    const area = (globalThis.browser ?? chrome).storage.local;
    const set = area.set;
    area.set = (items) => new Promise((r) => setTimeout(r, ms)).then(() => set.call(area, items));
  };
  for (const p of [panel, second]) await p.evaluate(SLOW, 300);
  await h.test({ op: "writes", wait: 300 });
  // Two rounds, each draft held in the worker until both are in: let go together, both panels write at once.
  const rounds = [
    [people[2], people[5]],
    [people[10], people[13]],
  ];
  const all = async () => ((await h.ext(async () => (await chrome.storage.local.get("panel_record")).panel_record))?.entries ?? []).map((e) => e.key);
  const stored = async () => (await all()).filter((k) => !k.includes("/filler-")).sort();
  const want = [];
  for (const pair of rounds) {
    await h.test({ op: "beforeInsert", n: "hold" });
    try {
      for (const [i, p] of [panel, second].entries()) {
        await pick(p, pair[i].name);
        await p.locator("#do-draft").click();
        // At the worker's hold (its Reply box opened first); `beforeInsert` lets both go and says how many.
        for (let k = 0; k < 100 && (await h.test({ op: "held" })) <= i; k++) await sleep(50);
      }
    } finally {
      assert.equal(await h.test({ op: "beforeInsert" }), 2, `both drafts held, and let go together: ${await msg(panel)} / ${await msg(second)}`);
    }
    await untilMsg(panel, /Drafted/);
    await untilMsg(second, /Drafted/);
    // Both writes done (the panels' own action ends with its write) before the next round.
    want.push(...pair.map((p) => p.href));
    want.sort();
    for (let i = 0; i < 40 && (await stored()).length < want.length; i++) await sleep(100);
    await sleep(700);
    assert.deepEqual(await stored(), want);
  }
  await h.test({ op: "writes" });
  const kept = await all();
  assert.equal(kept.length, 1000);
  assert.ok(!kept.includes("https://www.linkedin.com/in/filler-1/") && kept.includes("https://www.linkedin.com/in/filler-2/"), "the two oldest dropped");
  // And each panel knows all four as drafted (the stored record comes back to both).
  for (const p of [panel, second]) {
    for (const person of rounds.flat()) {
      await p.locator("#text").fill(person.name);
      assert.match((await rows(p))[0].text, /Drafted today/, person.name);
    }
  }
  await h.ext(() => chrome.storage.local.remove("panel_record"));
  await closeAll(page, panel, other, second);
});

test("a stored record with an entry that doesn't read (a broken or foreign write): a draft is kept and shown at the next open", async () => {
  // The panel reads such a record as none, as the core reads it; the worker's merge kept the
  // broken entry beside each new draft, so the record never read again: every draft from then on
  // was forgotten at the next open, and the open panel forgot it at once (the write came back).
  const broken = { key: "https://www.linkedin.com/in/broken/", name: "Broken", drafted: "yesterday", gone: null };
  await h.ext((e) => chrome.storage.local.set({ panel_record: { entries: [e] } }), broken);
  const { page, panel } = await openBoth(40);
  const target = spec(40).people.find((p) => p.category === "recruiter");
  await pick(panel, target.name);
  await panel.locator("#do-draft").click();
  await untilMsg(panel, /Drafted/);
  const stored = async () => (await h.ext(async () => (await chrome.storage.local.get("panel_record")).panel_record))?.entries ?? [];
  for (let i = 0; i < 40 && !(await stored()).some((e) => e.key === target.href); i++) await sleep(100);
  assert.deepEqual((await stored()).map((e) => e.key), [target.href], "the record as the panel reads it: the draft, not the broken entry");
  await sleep(300);
  assert.match((await rows(panel))[0].text, /Drafted today/, "the open panel keeps it");
  const again = await openPanel(await tabId());
  await again.locator("#text").fill(target.name);
  assert.match((await rows(again))[0].text, /Drafted today/, "and the next open shows it");
  await h.ext(() => chrome.storage.local.remove("panel_record"));
  await closeAll(page, panel, again);
});

test("the options page's Clear while a panel's save is in flight: the record stays cleared", async () => {
  // The save (the panel's whole record) was read before Clear removed the record and written
  // after it: every entry came back. Storage slow to write in the worker holds the save in flight.
  const old = { key: "https://www.linkedin.com/in/older/", name: "Older Draft", drafted: Date.UTC(2026, 10, 28), gone: null };
  await h.ext((e) => chrome.storage.local.set({ panel_record: { entries: [e], hide: true } }), old);
  const { page, panel } = await openBoth(40);
  const options = await h.open(h.extensionUrl("options.html"));
  await options.waitForFunction((name) => document.querySelector("#progress-list")?.textContent.includes(name), old.name);
  await options.locator("#progress-clear").click();
  await options.waitForFunction(() => document.querySelector("#progress-clear-dialog")?.open);
  const target = spec(40).people.find((p) => p.category === "recruiter");
  await panel.locator("#hide").uncheck();
  await pick(panel, target.name);
  const stored = async () => (await h.ext(async () => (await chrome.storage.local.get("panel_record")).panel_record)) ?? null;
  await h.test({ op: "writes", wait: 800 });
  try {
    await panel.locator("#do-draft").click();
    await untilMsg(panel, /Drafted/);
    // The save is in the worker now, waiting to write: Clear runs meanwhile.
    await options.locator("#progress-clear-confirm").click();
    await options.waitForFunction(() => /Nothing recorded/.test(document.querySelector("#progress-list").textContent), null, { timeout: 10000 });
    await sleep(2000);
  } finally {
    await h.test({ op: "writes" });
  }
  const after = await stored();
  assert.deepEqual(after?.entries ?? [], [], `cleared, not written back: ${JSON.stringify(after)}`);
  // The panel forgets them too: its next save (Hide handled ticked) brings nothing back.
  await panel.locator("#text").fill(target.name);
  await panel.waitForFunction(() => !/drafted/i.test(document.querySelector(".row")?.innerText ?? ""), null, { timeout: 5000 });
  await panel.locator("#hide").check();
  await sleep(800);
  assert.deepEqual((await stored())?.entries ?? [], []);
  await options.reload();
  await options.waitForFunction(() => /Nothing recorded/.test(document.querySelector("#progress-list")?.textContent ?? ""));
  await h.ext(() => chrome.storage.local.remove("panel_record"));
  await closeAll(options, page, panel);
});

test("Draft reply while a toolbar click drafts on the same tab: the panel says NotYet is busy with the last request, not 'couldn't finish (busy)'", async () => {
  // The worker drafts one click at a time a tab and drops the second; the panel showed the
  // dropped record's code word, "NotYet couldn't finish (busy). Nothing was changed.", in every
  // language, while the click under way wrote its draft.
  const { page, panel } = await openBoth(40);
  const target = spec(40).people.find((p) => p.category === "personalized");
  await page.evaluate((href) => document.querySelector(`[data-fx-key="${href}"] .bd49adbe`).click(), target.href);
  await page.waitForSelector("[data-fx-composer]");
  await h.test({ op: "beforeInsert", wait: 4000 }); // the toolbar click stays in flight
  try {
    const count = await h.clickCount();
    await h.trigger(page);
    await pick(panel, target.name);
    await panel.locator("#do-draft").click();
    await untilMsg(panel, /busy|couldn't|Drafted/);
    assert.equal(await msg(panel), "One moment: NotYet is still busy with the last request.");
    await h.waitForClick(count);
  } finally {
    await h.test({ op: "beforeInsert" });
  }
  await closeAll(page, panel);
});

test("an invitation answered on LinkedIn meanwhile is marked gone, not dropped", async () => {
  const { page, panel } = await openBoth(40);
  const target = spec(40).people[5];
  await untilRead(panel, "40 of 40");
  await page.locator(`[data-fx-key="${target.href}"] button[aria-label^="Ignore"]`).click(); // the user's own click
  await panel.locator('[data-act="refresh"]').click();
  await panel.waitForFunction(() => /1 gone/.test(document.querySelector("#read").textContent));
  // Where it was, between the same two people (it went to the list's end, out of sight).
  assert.deepEqual((await rows(panel)).slice(4, 7).map((r) => [r.name, r.gone]), [[spec(40).people[4].name, false], [target.name, true], [spec(40).people[6].name, false]]);
  await panel.locator("#text").fill(target.name);
  const [row] = await rows(panel);
  assert.ok(row.gone);
  assert.match(row.text, /Gone from the page/);
  // Marked, and still readable: every text of the row at 4.5:1 or more, selected or not, in both schemes.
  const low = async () => (await panel.evaluate(CONTRASTS, ".row.gone")).filter((c) => c.ratio < 4.5);
  for (const scheme of ["light", "dark"]) {
    await panel.emulateMedia({ colorScheme: scheme });
    assert.deepEqual(await low(), [], `${scheme}, not selected`);
    // Dark scrollbars in the dark: Firefox on a light GTK theme drew the list's and the details' white.
    const bars = await panel.evaluate(() => [".list", ".detail"].map((s) => getComputedStyle(document.querySelector(s)).scrollbarColor));
    assert.deepEqual(bars, scheme === "dark" ? Array(2).fill("rgb(107, 121, 134) rgb(18, 23, 27)") : ["auto", "auto"], scheme);
  }
  await panel.locator(".row").first().click();
  assert.ok(await panel.evaluate(() => document.querySelector(".row.gone.selected") && getComputedStyle(document.querySelector(".row.gone .name")).textDecorationLine === "line-through"));
  for (const scheme of ["dark", "light"]) {
    await panel.emulateMedia({ colorScheme: scheme });
    assert.deepEqual(await low(), [], `${scheme}, selected`);
  }
  assert.ok(await disabled(panel, "#do-draft"));
  await closeAll(page, panel);
});

test("in a forced-colors (high contrast) mode the selected row and a pressed count stand out: the background and shadow that mark them are dropped there", async () => {
  const { page, panel } = await openBoth(40);
  await untilRead(panel, "40 of 40");
  await panel.locator('[data-act="filter.reply"]').click();
  await panel.locator("#list").focus();
  await panel.keyboard.press("j");
  // The outline each draws, and the rows' that are not selected.
  const marks = () => panel.evaluate(() => {
    const ring = (e) => ((s) => (s.outlineStyle === "none" || /^rgba\(.*, 0\)$|transparent/.test(s.outlineColor) ? "none" : `${s.outlineStyle} ${s.outlineWidth}`))(getComputedStyle(e));
    return { selected: ring(document.querySelector(".row.selected")), others: [...new Set([...document.querySelectorAll(".row:not(.selected)")].map(ring))], pressed: ring(document.querySelector(".counts [aria-pressed=true]")) };
  });
  assert.deepEqual(await marks(), { selected: "none", others: ["none"], pressed: "none" }, "no outline where colours are the page's own");
  await panel.emulateMedia({ forcedColors: "active" });
  try {
    assert.deepEqual(await marks(), { selected: "solid 3px", others: ["none"], pressed: "solid 2px" });
  } finally {
    await panel.emulateMedia({ forcedColors: "none" });
  }
  // The pressed count's own outline has no weight: focused from the keyboard, its focus ring shows.
  await panel.locator("#list").focus();
  await panel.keyboard.press("Shift+Tab");
  for (let i = 0; i < 8 && !(await panel.evaluate(() => document.activeElement.getAttribute("aria-pressed") === "true")); i++) await panel.keyboard.press("Shift+Tab");
  assert.equal(await panel.evaluate(() => getComputedStyle(document.activeElement).outlineWidth), "3px");
  await closeAll(page, panel);
});

test("a page that changes while the panel is open: a new card is listed, a removed one marked gone; an action on it says so", async () => {
  const { page, panel } = await openBoth(40);
  // The message line's two live regions are there, empty, from the start: a screen reader
  // honours a region's politeness only as it was before its text changed.
  const regions = () => panel.evaluate(() => ["#msg-polite", "#msg-alert"].map((s) => ((e) => e && [e.getAttribute("role"), e.getAttribute("aria-live"), e.textContent])(document.querySelector(s))));
  assert.deepEqual(await regions(), [["status", "polite", ""], ["alert", "assertive", ""]]);
  const people = spec(40).people;
  await untilRead(panel, "40 of 40");
  const removed = people[7];
  const shown = people[13]; // a note, so a Reply button
  await pick(panel, shown.name);
  // The page changes under the panel: one card taken away, one new card added (as LinkedIn's list
  // does when an invitation arrives), with no reading in between.
  await page.evaluate(([gone, copy, name]) => {
    document.querySelector(`[data-fx-key="${gone}"]`).closest("._175f6c4b").remove();
    const card = document.querySelector(`[data-fx-key="${copy}"]`).closest("._175f6c4b");
    const twin = card.cloneNode(true);
    const fix = (s) => s.replaceAll(name, "Robin Newcomer").replaceAll(copy, "https://www.linkedin.com/in/robin-newcomer/");
    for (const el of [twin, ...twin.querySelectorAll("*")]) for (const a of [...el.attributes]) el.setAttribute(a.name, fix(a.value));
    const walker = document.createTreeWalker(twin, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) walker.currentNode.data = fix(walker.currentNode.data);
    card.before(twin);
  }, [removed.href, people[9].href, people[9].name]);
  // Show on the selected invitation reads the page first: still there, so it is framed.
  await panel.locator("#do-show").click();
  await untilMsg(panel, /framed/);
  assert.match((await regions())[0][2], /framed/, "an outcome goes to the polite region");
  assert.equal((await regions())[1][2], "");
  await panel.locator("#text").fill("");
  await panel.waitForFunction(() => /1 gone/.test(document.querySelector("#read").textContent));
  await panel.locator("#text").fill("Robin Newcomer");
  assert.equal((await rows(panel)).length, 1, "the new card is listed");
  assert.equal((await rows(panel))[0].gone, false);
  await panel.locator("#text").fill(removed.name);
  const [row] = await rows(panel);
  assert.ok(row?.gone, "the removed card stays, marked gone");
  // An action on an invitation that left the page meanwhile says so and does nothing.
  await panel.locator("#text").fill(shown.name);
  await panel.locator(".row").first().click();
  await page.evaluate((href) => document.querySelector(`[data-fx-key="${href}"]`).closest("._175f6c4b").remove(), shown.href);
  await panel.locator("#do-draft").click();
  await untilMsg(panel, /no longer on the page/);
  const [polite, alert] = await regions();
  assert.deepEqual([polite[2], /no longer on the page/.test(alert[2])], ["", true], "a warning goes to the assertive region, the polite one emptied");
  assert.equal(await box(page), null, "nothing opened, nothing typed");
  assert.equal(await pressed(page), 0);
  await closeAll(page, panel);
});

test("the selection stays with its person when the page changes above it; one answered meanwhile gives its place to the next", async () => {
  const { page, panel } = await openBoth(40);
  const people = spec(40).people;
  await untilRead(panel, "40 of 40");
  const drop = (href) => page.evaluate((href) => document.querySelector(`[data-fx-key="${href}"]`).closest("._175f6c4b").remove(), href);
  await panel.locator("#list").focus();
  for (const key of ["Home", "j", "j", "j", "j"]) await panel.keyboard.press(key);
  assert.equal(await detailName(panel), people[4].name);
  // A card above leaves the page: the old index named the next person, and Point at Accept framed their button.
  await drop(people[1].href);
  await panel.locator('[data-act="refresh"]').click();
  await panel.waitForFunction(() => /1 gone/.test(document.querySelector("#read").textContent));
  assert.equal(await detailName(panel), people[4].name);
  await panel.locator("#do-accept").click();
  await untilMsg(panel, new RegExp(`Accept button for ${people[4].name}`));
  // The user accepts on LinkedIn: the next invitation is selected (the one gone stays in place, marked).
  await drop(people[4].href);
  await panel.locator('[data-act="refresh"]').click();
  await panel.waitForFunction(() => /2 gone/.test(document.querySelector("#read").textContent));
  assert.equal(await detailName(panel), people[5].name);
  await panel.locator("#list").focus();
  await panel.keyboard.press("j");
  assert.equal(await detailName(panel), people[6].name);
  assert.equal(await pressed(page), 0);
  await closeAll(page, panel);
});

test("a Reply control that opens nothing: a clear message, nothing typed", async () => {
  const { page, panel } = await openBoth(40);
  const target = spec(40).people.find((p) => p.category === "personalized");
  await page.evaluate((href) => document.querySelector(`[data-fx-key="${href}"] .bd49adbe`).setAttribute("data-fx-dead", ""), target.href);
  await pick(panel, target.name);
  await panel.locator("#do-draft").click();
  await untilMsg(panel, /opened no message box/);
  assert.equal(await box(page), null, "no box, nothing typed");
  assert.equal(await pressed(page), 0);
  await closeAll(page, panel);
});

test("the tab navigating away or closing during Draft reply: said in the panel, nothing typed", async () => {
  const target = spec(40).people.find((p) => p.category === "personalized");
  // Navigating away while NotYet waits for the box.
  {
    const { page, panel } = await openBoth(40);
    await page.evaluate((href) => document.querySelector(`[data-fx-key="${href}"] .bd49adbe`).setAttribute("data-fx-dead", ""), target.href);
    await pick(panel, target.name);
    await panel.locator("#do-draft").click();
    await untilMsg(panel, /Opening the Reply box/);
    h.host("https://www.linkedin.com/feed/", path.join(ROOT, "tests/fixtures/pages/not-linkedin.html"), { dir: path.join(ROOT, "tests/fixtures/pages") });
    await page.goto("https://www.linkedin.com/feed/");
    await untilMsg(panel, /left the invitation page/);
    assert.equal(fold((await box(page))?.text), "", "nothing typed on the page it went to");
    assert.match(await panel.evaluate(() => document.querySelector("#where").textContent), /no invitation list/);
    await closeAll(page, panel);
  }
  // Closing the tab while NotYet waits for the box.
  {
    const { page, panel } = await openBoth(40);
    await page.evaluate((href) => document.querySelector(`[data-fx-key="${href}"] .bd49adbe`).setAttribute("data-fx-dead", ""), target.href);
    await pick(panel, target.name);
    await panel.locator("#do-draft").click();
    await untilMsg(panel, /Opening the Reply box/);
    await page.close();
    await panel.waitForFunction(() => /closed|left the invitation page|isn't LinkedIn/.test(document.querySelector("#msg").textContent + document.querySelector("#where").textContent), null, { timeout: 10000 });
    assert.doesNotMatch(await msg(panel), /Drafted/);
    await closeAll(panel);
  }
});

test("Read more scrolls the page's list until all 300 are read, with progress; Cancel stops it; Show and Draft reply deep in the list", async () => {
  // The panel beside the page, as the side panel is: a page in a background tab may load nothing on scroll.
  const { page, panel } = await openBoth(300, MANAGER, { window: true });
  const people = spec(300).people;
  await untilRead(panel, "10 of 300");
  await panel.locator("#more").click();
  await panel.waitForFunction(() => !document.querySelector("#progress").hidden);
  await panel.waitForFunction(() => /of 300/.test(document.querySelector("#progress-text").textContent));
  await untilRead(panel, "40 of 300", 20000);
  // Cancel and Read more from the keyboard: the focus is never dropped to the page's body (the
  // progress bar hides, Read more ends disabled).
  const focused = () => panel.evaluate(() => document.activeElement?.dataset.act ?? document.activeElement?.id);
  await panel.locator('[data-act="cancel"]').focus();
  await panel.keyboard.press("Enter");
  await untilMsg(panel, /Stopped/);
  assert.ok(await panel.evaluate(() => document.querySelector("#progress").hidden));
  assert.equal(await focused(), "more");
  // What a screen reader hears of the progress: a live region written at the start and every
  // 5 s, where the bar's text changes every ten rows (and was all there was, in no live region).
  await panel.evaluate(() => {
    window.fxSaid = [];
    window.fxSteps = 0;
    const live = document.querySelector("#msg-progress");
    new MutationObserver(() => live.textContent && window.fxSaid.push([Date.now(), live.textContent])).observe(live, { childList: true, characterData: true, subtree: true });
    new MutationObserver(() => window.fxSteps++).observe(document.querySelector("#progress-text"), { childList: true, characterData: true, subtree: true });
  });
  await panel.keyboard.press("Enter");
  // While it reads, Read more is off (pressed again it only said "busy") and the focus is on Cancel.
  await panel.waitForFunction(() => document.querySelector("#more").disabled && document.activeElement?.dataset.act === "cancel");
  await untilMsg(panel, /All read: 300 of 300/, 90000);
  assert.equal(await focused(), "list");
  const { said, steps, role, left } = await panel.evaluate(() => {
    const live = document.querySelector("#msg-progress");
    return { said: window.fxSaid, steps: window.fxSteps, role: live.getAttribute("role"), left: live.textContent };
  });
  assert.equal(role, "status");
  assert.match(said[0]?.[1] ?? "", /^Reading the page's list: \d+ of 300$/);
  assert.ok(said.slice(1).every(([t], i) => t - said[i][0] >= 4900), `said too often: ${JSON.stringify(said)}`);
  assert.ok(steps > said.length, `${steps} steps, ${said.length} said`);
  assert.equal(left, "", "nothing left to read out after the end");
  assert.equal(await pressed(page), 0, "scrolling pressed nothing");
  assert.equal(await box(page), null, "scrolling opened nothing");
  // Read again: its outcome goes ("Stopped. Read 70 of 300." stayed beside a newer count).
  await panel.locator('[data-act="refresh"]').click();
  assert.equal(await msg(panel), "");
  // The list of 300 scrolls; the last row is reachable with End.
  await panel.locator("#list").focus();
  await panel.keyboard.press("End");
  assert.equal(await detailName(panel), people[299].name);
  // Every category is in the 300, and Show and Draft reply work on a card loaded by scrolling.
  const counts = await panel.evaluate(() => document.querySelector("#counts").textContent);
  assert.equal([...counts.matchAll(/(\d+) /g)].reduce((s, m) => s + Number(m[1]), 0), 300);
  const deep = people.slice(250).find((p) => p.category === "recruiter");
  await pick(panel, deep.name);
  await panel.locator("#do-show").click();
  await untilMsg(panel, /framed/);
  assert.ok(await page.evaluate((href) => {
    const r = document.querySelector(`[data-fx-key="${href}"]`).getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  }, deep.href), "the card deep in the list is scrolled into view");
  await panel.locator("#do-draft").click();
  await untilMsg(panel, /Drafted/);
  assert.match(fold((await box(page)).text), new RegExp(deep.name.split(" ")[0]));
  assert.equal(await pressed(page), 0);
  await closeAll(page, panel);
});

test("a list of 5,000 in the browser: the panel holds 2,000, says so, and stays usable", async () => {
  const { page, panel } = await openBoth(40);
  await untilRead(panel, "40 of 40");
  // 125 copies of the 40 cards, each with addresses of its own: 5,000 invitations on the page.
  await page.evaluate(() => {
    const column = document.querySelector('[data-testid="lazy-column"]');
    const cards = [...column.querySelectorAll("._175f6c4b")];
    const all = document.createDocumentFragment();
    for (let copy = 1; copy < 125; copy++) {
      for (const card of cards) {
        const twin = card.cloneNode(true);
        for (const a of twin.querySelectorAll("a[href]")) a.setAttribute("href", a.getAttribute("href").replace(/\/$/, `-${copy}/`));
        all.append(twin);
      }
    }
    column.append(all);
    for (const el of document.querySelectorAll('[role="button"], [role="menu"] p')) if (el.lastChild?.nodeType === 3) el.lastChild.data = el.lastChild.data.replace("(40)", "(5,000)");
  });
  const started = performance.now();
  await panel.locator('[data-act="refresh"]').click();
  await panel.waitForFunction(() => /2,?000 of 5,?000/.test(document.querySelector("#read").textContent), null, { timeout: 60000 });
  const took = performance.now() - started;
  assert.match(await panel.evaluate(() => document.querySelector("#read").textContent), /3,000 more not listed/);
  await panel.locator("#more").click();
  await untilMsg(panel, /at most 2,?000/);
  // Still usable: keys move through the 2,000, filters work, nothing drawn beyond the window.
  await panel.locator("#list").focus();
  await panel.keyboard.press("End");
  assert.ok((await rows(panel)).length < 60, "only the rows in view are drawn");
  assert.ok(await detailName(panel));
  await panel.locator("#category").selectOption("recruiter");
  assert.ok((await rows(panel)).length > 0);
  assert.equal(await pressed(page), 0);
  console.log(`# 5,000 invitations: read and listed in ${took} ms (${BROWSER})`);
  await closeAll(page, panel);
});

test("one invitation is read as one: 'Read 1 invitation'", async () => {
  const pages = path.join(ROOT, "tests/fixtures/pages");
  h.host(MANAGER, path.join(pages, "hostile-name.html"), { dir: pages });
  const page = await h.open(MANAGER);
  const panel = await openPanel(await tabId());
  await untilRead(panel, "1");
  assert.match(await panel.evaluate(() => document.querySelector("#read").textContent), /^Read 1 invitation(?!s)/);
  await closeAll(panel, page);
});

test("a list nested deeper than NotYet reads: the panel says so, as the toolbar click does, not 'No invitations on this page'", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "notyet-deep-"));
  fs.cpSync(path.join(DIR, "_fx"), path.join(dir, "_fx"), { recursive: true });
  const html = fs.readFileSync(path.join(DIR, "panel-40.html"), "utf8");
  fs.writeFileSync(path.join(dir, "panel-40.html"), html.replace(/<body([^>]*)>/, `<body$1>${"<div>".repeat(250)}`).replace("</body>", `${"</div>".repeat(250)}</body>`));
  h.host(MANAGER, path.join(dir, "panel-40.html"), { dir });
  const page = await h.open(MANAGER);
  const panel = await openPanel(await tabId());
  const deep = /^This page nests deeper than NotYet reads, and no invitation or message box was found above that depth/;
  await untilMsg(panel, deep);
  // The click's last sentence ("Nothing was changed.") is the click's: the panel changed nothing it was asked to.
  assert.match(await msg(panel), /above that depth\.$/);
  assert.equal((await rows(panel)).length, 0);
  assert.match((await h.click(page)).notice?.text ?? "", deep, "the click says the same");
  await closeAll(panel, page);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("elsewhere the panel says where it works; a tab closed during Read more is said, not thrown", async () => {
  h.host("https://example.com/", path.join(ROOT, "tests/fixtures/pages/not-linkedin.html"), { dir: path.join(ROOT, "tests/fixtures/pages") });
  const other = await h.open("https://example.com/");
  const panel = await openPanel(await activeTabId());
  assert.match(await panel.evaluate(() => document.querySelector("#where").textContent), /isn't LinkedIn/);
  assert.match(await msg(panel), /invitation manager/);
  // Nothing read, nothing to filter: no zero counts, filters or empty list, and the way to the invitations right there.
  const shown = await panel.evaluate(() => ["#read", "#more", "#counts", "#text", "#list", "#detail a"].map((s) => document.querySelector(s).getClientRects().length > 0));
  assert.deepEqual(shown, [false, false, false, false, false, true]);
  // The link takes Enter as a link does (the panel's Enter for Show swallowed it).
  const managers = () => h.ext(async (url) => (await chrome.tabs.query({ url })).length, MANAGER);
  const before = await managers();
  await panel.evaluate(() => document.querySelector("#detail a").focus());
  await panel.keyboard.press("Enter");
  for (let i = 0; i < 50 && (await managers()) === before; i++) await sleep(100);
  assert.equal(await managers(), before + 1, "Enter on the link opens the invitations");
  await h.ext(async (url) => chrome.tabs.remove((await chrome.tabs.query({ url })).at(-1).id), MANAGER);
  // The same tab then goes to the invitations (a new tab, an address typed): its list, and the
  // line saying where the panel works gone (it stayed under the list, as if this were elsewhere).
  h.host(MANAGER, path.join(DIR, "panel-40.html"), { dir: DIR });
  await other.goto(MANAGER);
  await untilRead(panel, "40 of 40");
  assert.equal(await msg(panel), "");
  await closeAll(other, panel);

  // The invitations sent are in the invitation manager too: where it works says received ones
  // ("works on LinkedIn's invitation manager" was said to a user on it).
  const SENT = "https://www.linkedin.com/mynetwork/invitation-manager/sent/";
  h.host(SENT, path.join(ROOT, "tests/fixtures/pages/manager-sent.html"), { dir: path.join(ROOT, "tests/fixtures/pages") });
  const sent = await h.open(SENT);
  const sentPanel = await openPanel(await activeTabId());
  await sentPanel.waitForFunction(() => /you sent/.test(document.querySelector("#where").textContent));
  assert.match(await msg(sentPanel), /works on the invitations you received, in LinkedIn's invitation manager/);
  await closeAll(sent, sentPanel);

  const { page, panel: p2 } = await openBoth(300);
  await untilRead(p2, "10 of 300");
  await p2.locator("#more").click();
  await page.close();
  await p2.waitForFunction(() => /closed|isn't LinkedIn|left the invitation page/.test(document.querySelector("#msg").textContent + document.querySelector("#where").textContent), null, { timeout: 10000 });
  await closeAll(p2);

  // A panel following a tab (the fallback) whose tab is closed says so, not that the tab isn't LinkedIn.
  const { page: p3, panel: p4 } = await openBoth(40);
  await untilRead(p4, "40 of 40");
  await p3.close();
  await p4.waitForFunction(() => /this panel was reading is closed/.test(document.querySelector("#where").textContent), null, { timeout: 10000 });
  await closeAll(p4);
});

test("Read more on a page in a background tab: the panel says to show the page, not that the list ended", async (t) => {
  const { page, panel } = await openBoth(300);
  if ((await page.evaluate(() => document.visibilityState)) !== "hidden") {
    // Headless Chromium shows every tab: there is no background tab to test.
    t.skip("this browser shows background tabs");
    await closeAll(page, panel);
    return;
  }
  await untilRead(panel, "10 of 300");
  await panel.locator("#more").click();
  await untilMsg(panel, /only while its page is shown/, 30000);
  assert.equal(await pressed(page), 0);
  await closeAll(page, panel);
});

/** What the open side panel (Chrome) or sidebar (Firefox) shows: its "Read …" line, or `undefined` when none is open. */
async function sidePanelRead(want, timeout = 10000) {
  const until = performance.now() + timeout;
  for (;;) {
    const read = await h.inSidePanel(() => document.querySelector("#read")?.textContent ?? "");
    if (read?.includes(want)) return read;
    if (performance.now() > until) {
      // What the panel page holds, for the next flake to say more than an empty line.
      const page = await h.inSidePanel(() => `${document.documentElement.dataset.ready ? "ready" : "not ready"}: ${document.body?.innerText.slice(0, 200)}`).catch((e) => String(e));
      throw new Error(`the side panel shows "${read}", not "${want}" (${page})`);
    }
    await sleep(100);
  }
}

/** A panel page opened as a tab following tab `id` (the fallback where the browser refuses a side panel), or null. */
async function panelTab(id, timeout = 5000) {
  return h.findTab(`panel.html?walk&tab=${id}`, timeout).catch(() => null);
}

/**
 * Waits until the panel shows `want` about tab `id`, in the side panel or, where the browser
 * refused one, in a tab following the page; closes it and says which it was.
 */
async function panelShows(id, want) {
  const until = performance.now() + 10000;
  for (;;) {
    const tab = await panelTab(id, 0);
    if (tab) {
      await tab.waitForSelector("html[data-ready]");
      await untilRead(tab, want);
      await tab.close();
      return "tab";
    }
    if ((await h.inSidePanel(() => document.querySelector("#read")?.textContent ?? ""))?.includes(want)) {
      await closeSidePanel();
      return "side panel";
    }
    if (performance.now() > until) throw new Error(`no panel shows "${want}"`);
    await sleep(100);
  }
}

/**
 * Closes the side panel (Chrome) or sidebar (Firefox), and waits until it is gone: a side panel
 * still closing when the next test opened its page read that page too, and the next Triage then
 * opened nothing new (the early-walk test failed in 1 run of 2 after the Triage test).
 */
/**
 * Opens the real side panel on `page` as a user does: Firefox's sidebar by the shortcut's keys,
 * Chromium's from the notice's Triage button (`label`, or any Triage), whose click's gesture it
 * passes on to `sidePanel.open`. The notice must be up in Chromium (a click on the page).
 */
const openSidePanel = (page, label = (l) => l.startsWith("Triage")) => (firefox ? h.shortcut(page, "open-panel") : h.clickNoticeButton(page, label));

async function closeSidePanel() {
  if (firefox) return h.closeSidebar();
  await h.inSidePanel(() => window.close());
  for (let i = 0; i < 100 && (await h.inSidePanel(() => true)); i++) await sleep(20);
}

test("the notice on a list offers Triage; its button opens the panel (the side panel, or a tab following the page)", async () => {
  h.host(MANAGER, path.join(DIR, "panel-40.html"), { dir: DIR });
  const page = await h.open(MANAGER);
  const id = await tabId();
  const record = await h.click(page);
  assert.equal(record.notice.actions?.[0]?.label, "Triage 40 invitations");
  await h.clickNoticeButton(page, "Triage 40 invitations");
  // Chrome passes the click's gesture on and opens its side panel; Firefox doesn't, and the panel
  // opens as a tab beside the page, following it.
  assert.equal(await panelShows(id, "40 of 40"), firefox ? "tab" : "side panel");
  await closeAll(page);
});

/**
 * The test counts of tab `id`: the page's walks (agent.js's line marked `@test`), the walks the
 * worker handed to a panel's first reading (of any tab), and whether it keeps one for this tab now.
 */
async function agentCounts(id) {
  // The worker first: a walk is kept a second, and the page's round trip took most of one on a
  // loaded machine (CI, 1 Dec: three tests found the walk they had just started dropped).
  const { held, handed, loadDrops } = await h.test({ op: "walks" });
  const walks = await h.ext(async (tabId) => {
    const counts = () => globalThis.__notyetAgent?.walks ?? 0;
    return (await chrome.scripting.executeScript({ target: { tabId }, func: counts }))[0].result;
  }, id);
  return { walks, handed, loadDrops, kept: held.includes(id) };
}

test("an open from the notice or the shortcut: the panel's first reading is the walk the worker started as it opened it", async () => {
  h.host(MANAGER, path.join(DIR, "panel-40.html"), { dir: DIR });
  const page = await h.open(MANAGER);
  const id = await tabId();
  await h.click(page); // the notice, and the core loaded in the worker
  let before = await agentCounts(id);
  await h.clickNoticeButton(page, "Triage 40 invitations");
  assert.equal(await panelShows(id, "40 of 40"), firefox ? "tab" : "side panel");
  let now = await agentCounts(id);
  // Handed over: the panel's first reading walked nothing (it may have read again since, on focus).
  assert.equal(now.handed - before.handed, 1, JSON.stringify({ before, now }));
  assert.equal(now.kept, false);
  // The shortcut: Firefox's real sidebar; Chromium's seam has no gesture, so a tab following the page.
  before = now;
  const how = await h.shortcut(page, "open-panel");
  if (how.real) {
    for (let i = 0; i < 50 && !(await h.sidebar()).open; i++) await sleep(100);
    assert.match(await sidePanelRead("40 of 40"), /40 of 40/);
    await closeSidePanel();
  } else {
    assert.ok(await panelShows(id, "40 of 40"));
  }
  now = await agentCounts(id);
  assert.equal(now.handed - before.handed, 1, JSON.stringify({ before, now }));
  await closeAll(page);
});

/** Page text that HTML would run (an image's error handler) or unescape (`&amp;`): text everywhere in the panel. */
const HOSTILE = `<img src=x onerror="document.title='pwned'"> &amp; "Co" <b>`;

/**
 * In the panel page: its first screen as the worker drew it from the walk kept for it
 * (panel-early.js put it in; the HTML kept on the first reading) against the panel's own drawing
 * of the same reading, done over it. The same header, words, selection, details and every row the
 * panel draws, in the same place (the worker's draws a few rows more below: its list isn't laid
 * out, the window's height stands for it); the counts "Counting…" where the first list left rows
 * to decide (as the panel's own first list has them), or the same buttons. `{none}`: no first
 * screen came. Only `window` and `document` (Firefox runs this with the sidebar's two).
 */
const COMPARE_SCREEN = (hostile) =>
  window.__notyetFirstReading.then((first) => {
    if (!first?.screen) return { none: true };
    const t = document.createElement("template");
    t.innerHTML = first.screen;
    const early = t.content.firstElementChild;
    const live = document.getElementById("panel");
    const now = live.cloneNode(true);
    const rows = (root) => [...root.querySelector("#spacer").children].map((r) => r.outerHTML);
    const [mine, its] = [rows(early), rows(now)];
    const diffs = its.filter((r, i) => mine[i] !== r).map((r) => ({ panel: r, worker: mine[its.indexOf(r)] }));
    const [ec, nc] = [early, now].map((root) => root.querySelector("#counts"));
    // The panel's counts as its first list had them, the rest undecided: "…" for each number.
    const counting = ec.hasAttribute("aria-busy");
    const want = counting ? [ec.querySelector(".counting")?.outerHTML, ...[...nc.children].map((c) => c.outerHTML.replace(/>[^ <]+ /, ">… "))].join("") : nc.innerHTML;
    if (ec.innerHTML !== want) diffs.push({ counts: nc.innerHTML, worker: ec.innerHTML });
    for (const root of [early, now]) {
      root.querySelector("#spacer").replaceChildren();
      root.querySelector("#counts").replaceChildren();
      root.querySelector("#counts").removeAttribute("aria-busy");
    }
    if (early.outerHTML !== now.outerHTML) diffs.push({ panel: now.outerHTML, worker: early.outerHTML });
    return {
      diffs,
      rows: [mine.length, its.length],
      counting,
      // Hostile page text: text in the worker's HTML, no element made of it.
      hostile: t.content.textContent.includes(hostile) && !t.content.querySelector("img, b") && document.title !== "pwned",
      // "List shown" marked as it was put in the page (unless the panel's own first list came first).
      shown: (window.__notyetPanelSteps.screen ?? window.__notyetPanel.shown) === window.__notyetPanel.shown,
      inert: live.hasAttribute("inert"),
    };
  });

test("the first screen the worker draws from its walk is the panel's own first list, and the panel draws the same over it (40 and 300; the side panel, and a tab)", async () => {
  for (const n of [40, 300]) {
    h.host(MANAGER, path.join(DIR, `panel-${n}.html`), { dir: DIR });
    const page = await h.open(MANAGER);
    const id = await tabId();
    await page.evaluate((text) => (document.querySelectorAll("[role=listitem] p")[2].textContent = text), HOSTILE);
    const want = n === 40 ? "40 of 40" : "10 of 300";
    // Each opened twice: the worker draws the screen for the height the panel had at its last open
    // (and once or twice more if none came: a walk that came after the panel asked, on a loaded machine).
    let side;
    for (let i = 0; i < 4 && (i < 2 || side.none); i++) {
      await h.click(page); // the notice, and the core loaded in the worker
      // The real side panel: Chromium from the notice's Triage, Firefox's sidebar by the shortcut.
      await openSidePanel(page);
      await sidePanelRead(want);
      for (let k = 0; k < 100 && !(await h.inSidePanel(() => document.documentElement.dataset.ready)); k++) await sleep(50);
      side = await h.inSidePanel(COMPARE_SCREEN, HOSTILE);
      await closeSidePanel();
    }
    assert.deepEqual({ ...side, rows: undefined }, { diffs: [], rows: undefined, counting: n === 40, hostile: true, shown: true, inert: false }, `side panel, ${n}: ${JSON.stringify(side)}`);
    assert.ok(side.rows[1] > 5 && side.rows[0] >= side.rows[1], JSON.stringify(side.rows));
    // A tab following the page, with the walk kept for it (where the browser refuses a side panel).
    let panel, tab;
    for (let i = 0; i < 4 && (i < 2 || tab.none); i++) {
      await closeAll(...(panel ? [panel] : []));
      await h.test({ op: "readForPanel", url: MANAGER });
      panel = await openPanel(id, { walk: true });
      tab = await panel.evaluate(COMPARE_SCREEN, HOSTILE);
    }
    assert.deepEqual({ ...tab, rows: undefined }, { diffs: [], rows: undefined, counting: n === 40, hostile: true, shown: true, inert: false }, `tab, ${n}: ${JSON.stringify(tab)}`);
    assert.match(await panel.locator(".row .l2").first().textContent(), /onerror/);
    // While the worker's screen is inert, the pointer says the panel is busy; not once it is live.
    const cursors = await panel.evaluate(() => {
      const live = document.getElementById("panel");
      const at = () => getComputedStyle(document.body).cursor;
      live.setAttribute("inert", "");
      const busy = at();
      live.removeAttribute("inert");
      return [busy, at()];
    });
    assert.deepEqual(cursors, ["progress", "auto"]);
    await closeAll(panel, page);
  }
});

test("Hide handled is remembered between opens, in the worker's first screen too, and forgotten when unticked", async () => {
  h.host(MANAGER, path.join(DIR, "panel-40.html"), { dir: DIR });
  const page = await h.open(MANAGER);
  const id = await tabId();
  const target = spec(40).people[3];
  await h.ext((entry) => chrome.storage.local.set({ panel_record: { entries: [entry] } }), { key: target.href, name: target.name, drafted: Date.now() - 864e5 * 2, gone: null });
  await h.click(page); // the core loaded in the worker
  const listed = (panel) => panel.evaluate(() => [document.querySelector("#hide").checked, document.querySelector("#read").textContent]);
  const stored = async (want) => {
    for (let i = 0; i < 50 && !want(await h.ext(async () => (await chrome.storage.local.get("panel_record")).panel_record)); i++) await sleep(50);
    assert.ok(want(await h.ext(async () => (await chrome.storage.local.get("panel_record")).panel_record)));
  };
  let panel = await openPanel(id);
  await untilRead(panel, "40 of 40");
  // The handled one selected: ticking the box selects the next one listed, where the user was
  // working down the list (the selection went back to the first).
  await panel.locator(".row", { hasText: target.name }).click();
  assert.equal(await detailName(panel), target.name);
  await panel.locator("#hide").check();
  await panel.waitForFunction((name) => document.querySelector("#detail h2")?.textContent === name, spec(40).people[4].name);
  // Said why fewer are listed (a day-two open said "Read 10 of 300 · 4 listed" and no more), the
  // number kept with its words at a wrap ("6 / erledigte ausgeblendet" at 360 px).
  await untilRead(panel, "39 listed · 1\u00a0handled hidden");
  // Only what the other filters would list counts: the handled one is no Spam.
  await panel.locator("#category").selectOption("spam");
  assert.doesNotMatch(await panel.evaluate(() => document.querySelector("#listed").textContent), /hidden/);
  await panel.locator("#category").selectOption("");
  await untilRead(panel, "39 listed · 1\u00a0handled hidden");
  await stored((r) => r?.hide === true);
  await panel.close();
  // Opened again, its page reading itself, and with the walk the worker keeps (its first screen drawn with the box on).
  panel = await openPanel(id);
  await untilRead(panel, "39 listed");
  assert.deepEqual(await listed(panel), [true, "Read 40 of 40 invitations39 listed · 1\u00a0handled hidden"]);
  await panel.close();
  let screen;
  for (let i = 0; i < 4 && (i < 1 || screen.none); i++) {
    await closeAll(...(panel ? [panel] : []));
    await h.test({ op: "readForPanel", url: MANAGER });
    panel = await openPanel(id, { walk: true });
    screen = await panel.evaluate(COMPARE_SCREEN, HOSTILE);
  }
  assert.deepEqual([screen.diffs, screen.inert], [[], false], JSON.stringify(screen));
  assert.equal(await panel.evaluate(() => window.__notyetFirstReading.then((f) => f.screen.includes('id="hide"') && /id="hide"[^>]* checked/.test(f.screen))), true);
  assert.deepEqual(await listed(panel), [true, "Read 40 of 40 invitations39 listed · 1\u00a0handled hidden"]);
  assert.ok(!(await rows(panel)).some((r) => r.name === target.name), "the handled one hidden from the first screen on");
  // Unticked: every invitation again, at the next open too; the record's entries kept.
  await panel.locator("#hide").uncheck();
  await stored((r) => r?.entries.length === 1 && !("hide" in r));
  await panel.close();
  panel = await openPanel(id);
  await untilRead(panel, "40 of 40");
  assert.deepEqual(await listed(panel), [false, "Read 40 of 40 invitations"]);
  await h.ext(() => chrome.storage.local.remove("panel_record"));
  await closeAll(panel, page);
});

test("the first screen comes on a browser session's first open of the panel, and on the first after its window was resized: drawn for the window's height, never drawn and thrown away", async () => {
  // A browser of its own, so that this is its first open (the helpers use `h`).
  const shared = h;
  h = await launch();
  try {
    h.host(MANAGER, path.join(DIR, "panel-300.html"), { dir: DIR });
    const page = await h.open(MANAGER);
    const id = await tabId();
    const opens = [];
    // Each open at a height the panel hasn't had before: the session's first, then after resizes.
    // Again only while no screen came: on a loaded machine the walk can come after the panel asked,
    // and then none is drawn (nor has to be).
    for (const height of [0, 700, 640, 600]) {
      if (height) await h.ext(async ([tabId, height]) => chrome.windows.update((await chrome.tabs.get(tabId)).windowId, { state: "normal", height }).then(() => true), [id, height]);
      const before = (await h.test({ op: "walks" })).drawn;
      await h.click(page); // the notice, and the core loaded in the worker
      await openSidePanel(page);
      await sidePanelRead("10 of 300");
      for (let k = 0; k < 100 && !(await h.inSidePanel(() => document.documentElement.dataset.ready)); k++) await sleep(50);
      const side = await h.inSidePanel(COMPARE_SCREEN, "");
      opens.push({ height, drawn: (await h.test({ op: "walks" })).drawn - before, screen: !side.none, diffs: side.diffs });
      await closeSidePanel();
      if (!side.none) break;
    }
    // Every screen drawn was shown (a height kept from the last open drew one for a stale height,
    // thrown away), the same as the panel's own; and one was.
    for (const open of opens) assert.ok(open.drawn === 0 || (open.screen && !open.diffs.length), JSON.stringify(opens));
    assert.ok(opens.at(-1).screen, JSON.stringify(opens));
    await closeAll(page);
  } finally {
    await h.close();
    h = shared;
  }
});

test("the first screen at another zoom than 100%: drawn for the panel's own height, and shown", async () => {
  // The worker draws for the panel's window's height, scaled as at the last open: at 80% the
  // panel is taller than its window in CSS pixels (1,000 in 800 in Chromium), at 125% shorter.
  // It had drawn for the window alone, and every screen at another zoom was thrown away.
  h.host(MANAGER, path.join(DIR, "panel-300.html"), { dir: DIR });
  const page = await h.open(MANAGER);
  const id = await tabId();
  await h.click(page); // the core loaded in the worker
  // The browser keeps a zoom per site: set on one of the extension's pages, it is every one's.
  const zoom = async (factor) => {
    const other = await h.open(h.extensionUrl("panel.html?tab=0"));
    await h.ext(async ([url, factor]) => chrome.tabs.setZoom((await chrome.tabs.query({ url })).at(-1).id, factor).then(() => true), [h.extensionUrl("panel.html?tab=0"), factor]);
    await closeAll(other);
  };
  try {
    for (const factor of [0.8, 1.25]) {
      await zoom(factor);
      const seen = [];
      for (let i = 0; i < 6 && !(seen.at(-1)?.shown); i++) {
        const asked = (await h.test({ op: "walks" })).answers.length;
        await h.test({ op: "readForPanel", url: MANAGER });
        const panel = await openPanel(id, { walk: true });
        const got = await panel.evaluate(COMPARE_SCREEN, "");
        const answers = (await h.test({ op: "walks" })).answers.slice(asked);
        seen.push({ shown: !got.none, diffs: got.diffs, zoom: await panel.evaluate(() => [innerHeight, outerHeight]), answers });
        await closeAll(panel);
      }
      // The first open at a new zoom may be drawn for the last one's; after it no screen drawn in
      // time is refused for its height. Under load a screen may still come too late for an open
      // (the walk kept past its second, the draw not done at the panel's ask): those are tried again,
      // and the height is judged by the worker's answers, not by the time (a flake in CI, 1 Dec).
      const refused = seen.slice(1).flatMap((s) => s.answers).filter((a) => a.drawn !== null && !a.taken);
      assert.deepEqual(refused, [], `${factor}: ${JSON.stringify(seen)}`);
      assert.ok(seen.at(-1).shown && !seen.at(-1).diffs.length, `${factor}: ${JSON.stringify(seen)}`);
      // And by a worker started afresh (an idle one is stopped after 30 s): the scale is kept (a
      // tab's, as these opens are: a side panel's is its own).
      const { tabScale } = await h.test({ op: "walks" });
      assert.ok(Math.abs(tabScale - 1) > 0.1, `${factor}: scale ${tabScale}`);
      await h.restartBackground();
      await h.click(page);
      assert.equal((await h.test({ op: "walks" })).tabScale, tabScale, `${factor}, after a restart`);
    }
  } finally {
    await zoom(1);
  }
  await closeAll(page);
});

test("a panel opened as a tab (where the browser refuses a side panel) leaves the side panel's scale as it was, and keeps its own", async () => {
  // A tab set the one scale from a tab's height, and the next side panel's first screen was drawn
  // for that ratio and thrown away.
  h.host(MANAGER, path.join(DIR, "panel-40.html"), { dir: DIR });
  const page = await h.open(MANAGER);
  const id = await tabId();
  // A side panel's scale no tab has (Chromium's headless tab is as tall as its window: 1), kept for the session.
  const kept = await h.ext(() => chrome.storage.session.get(["panelScale", "tabScale"]));
  await h.ext(() => chrome.storage.session.set({ panelScale: 0.75, tabScale: 0.5 }));
  try {
    await h.restartBackground();
    await h.click(page); // the core loaded in the worker
    const before = await h.test({ op: "walks" });
    assert.equal(before.scale, 0.75);
    await h.test({ op: "readForPanel", url: MANAGER });
    const panel = await openPanel(id, { walk: true });
    await untilRead(panel, "40 of 40");
    const after = await h.test({ op: "walks" });
    assert.equal(after.handed - before.handed, 1, "the tab asked the worker, as the fallback does");
    const ratio = await panel.evaluate(() => innerHeight / outerHeight);
    assert.equal(after.scale, before.scale, `the tab's ratio ${ratio} taken for the side panel's`);
    assert.ok(Math.abs(after.tabScale - ratio) < 0.05, `the tab's own: ${after.tabScale}, ratio ${ratio}`);
    await closeAll(panel);
  } finally {
    await h.ext((kept) => chrome.storage.session.remove(["panelScale", "tabScale"]).then(() => chrome.storage.session.set(kept)), kept);
    await h.restartBackground();
    await h.click(page);
  }
  await closeAll(page);
});

test("a page whose last walk was over SCREEN_MAX (no first screen drawn) has its window's height not asked for again; asked once it is smaller", async () => {
  const { page, panel } = await openBoth(40);
  await untilRead(panel, "40 of 40");
  await closeAll(panel);
  await h.click(page); // the core loaded in the worker
  const heights = async () => (await h.test({ op: "walks" })).heights;
  const walk = async () => {
    const [before, drawn] = [await heights(), (await h.test({ op: "walks" })).drawn];
    await h.test({ op: "readForPanel", url: MANAGER });
    for (let i = 0; i < 20 && (await h.test({ op: "walks" })).held.length; i++) await sleep(100); // dropped after a second
    return { asked: (await heights()) - before, drawn: (await h.test({ op: "walks" })).drawn - drawn };
  };
  assert.deepEqual(await walk(), { asked: 1, drawn: 1 }, "40: asked beside the walk, drawn");
  // 25 copies of the 40 cards: 1,000 invitations, a walk of some 1,000,000 characters.
  const grow = (copies) =>
    page.evaluate((copies) => {
      const column = document.querySelector('[data-testid="lazy-column"]');
      const cards = [...column.querySelectorAll("._175f6c4b")].slice(0, 40);
      for (let copy = 1; copy < copies; copy++) for (const card of cards) column.append(Object.assign(card.cloneNode(true), { className: `${card.className} copy` }));
    }, copies);
  await grow(25);
  assert.deepEqual(await walk(), { asked: 1, drawn: 0 }, "the first walk of 1,000: its size not known yet");
  assert.deepEqual(await walk(), { asked: 0, drawn: 0 }, "the next: not asked");
  await page.evaluate(() => document.querySelectorAll(".copy").forEach((c) => c.remove()));
  assert.deepEqual(await walk(), { asked: 1, drawn: 1 }, "40 again: asked after the walk, drawn");
  assert.deepEqual(await walk(), { asked: 1, drawn: 1 }, "and beside it");
  await closeAll(page);
});

test("Triage or the shortcut with the panel open already walks nothing for it (the panel doesn't load again)", async () => {
  h.host(MANAGER, path.join(DIR, "panel-40.html"), { dir: DIR });
  const page = await h.open(MANAGER);
  const id = await tabId();
  await h.click(page); // the notice, and the core loaded in the worker
  // The real side panel (Chromium: the notice's Triage passes its click's gesture on; Firefox: the shortcut).
  const open = () => openSidePanel(page, "Triage 40 invitations");
  await open();
  assert.match(await sidePanelRead("40 of 40"), /40 of 40/);
  if (!firefox) await h.click(page); // the notice again, for its Triage button
  const before = await agentCounts(id);
  assert.equal(before.kept, false);
  await open();
  // A walk kept for the open panel would be there within a few ms, for a second: none is.
  for (let i = 0; i < 8; i++) {
    await sleep(100);
    assert.equal((await agentCounts(id)).kept, false, "nothing kept for a panel that is open already");
  }
  assert.match(await sidePanelRead("40 of 40"), /40 of 40/);
  await closeSidePanel();
  await closeAll(page);
});

test("a browser with no side panel API (Firefox for Android, a Chromium without chrome.sidePanel): Triage opens the panel as a tab", async () => {
  h.host(MANAGER, path.join(DIR, "panel-40.html"), { dir: DIR });
  const page = await h.open(MANAGER);
  const id = await tabId();
  await h.click(page); // the notice
  // Asking whether a panel is open threw there, before the open and its fallback: nothing opened.
  const name = firefox ? "sidebarAction" : "sidePanel";
  assert.equal(await h.test({ op: "api", n: name, remove: true }), false);
  try {
    await h.clickNoticeButton(page, "Triage 40 invitations");
    assert.equal(await panelShows(id, "40 of 40"), "tab");
  } finally {
    assert.equal(await h.test({ op: "api", n: name }), true);
  }
  await closeAll(page);
});

test("a walk kept for the panel is not handed to another tab's panel, to a toolbar click, or after a second", async () => {
  h.host(MANAGER, path.join(DIR, "panel-40.html"), { dir: DIR });
  h.host(MANAGER_2, path.join(DIR, "panel-300.html"), { dir: DIR });
  const forty = await h.open(MANAGER);
  const threeHundred = await h.open(MANAGER_2);
  const [a, b] = [await tabId(MANAGER), await tabId(MANAGER_2)];
  await h.click(threeHundred); // the core loaded in the worker
  // Kept for the 300 tab; a panel following the 40 tab reads its own.
  await h.test({ op: "readForPanel", url: MANAGER_2 });
  assert.equal((await agentCounts(b)).kept, true);
  let before = await agentCounts(a);
  let panel = await openPanel(a, { walk: true });
  await untilRead(panel, "40 of 40");
  let now = await agentCounts(a);
  assert.equal(now.handed - before.handed, 0);
  assert.ok(now.walks > before.walks);
  await closeAll(panel);
  // A toolbar click meanwhile walks the page itself and leaves the kept walk alone.
  await h.test({ op: "readForPanel", url: MANAGER_2 });
  before = await agentCounts(b);
  const record = await h.click(threeHundred);
  assert.ok(record.notice && !record.error, JSON.stringify(record));
  now = await agentCounts(b);
  assert.deepEqual([now.walks - before.walks, now.handed - before.handed], [1, 0]);
  // Dropped after a second: a panel opened later walks the page and shows its list.
  for (let i = 0; i < 40 && (await agentCounts(b)).kept; i++) await sleep(100);
  assert.equal((await agentCounts(b)).kept, false, "the kept walk dropped after a second");
  await h.test({ op: "readForPanel", url: MANAGER_2 });
  await sleep(1100);
  before = await agentCounts(b);
  panel = await openPanel(b, { walk: true });
  await untilRead(panel, "10 of 300");
  now = await agentCounts(b);
  assert.equal(now.handed - before.handed, 0, "a walk older than a second is not handed over");
  assert.ok(now.walks > before.walks);
  await closeAll(panel, forty, threeHundred);
});

test("a walk kept for the panel is dropped when its page loads again, and the panel reads the new page itself", async () => {
  h.host(MANAGER, path.join(DIR, "panel-40.html"), { dir: DIR });
  const page = await h.open(MANAGER);
  const id = await tabId();
  await h.click(page); // the core loaded in the worker
  await h.test({ op: "readForPanel", url: MANAGER });
  const kept = await agentCounts(id);
  assert.equal(kept.kept, true);
  // The page loads again (here the same list): the walk of the page before is nobody's now.
  await page.reload({ waitUntil: "load" });
  for (let i = 0; i < 20 && (await agentCounts(id)).kept; i++) await sleep(20);
  const before = await agentCounts(id);
  // Dropped by the load, not by the second after which any walk is dropped (waited for until
  // then, this test passed with the load's drop taken out; timed, it failed on a loaded machine).
  assert.equal(before.kept, false, "the walk dropped as its page loaded again");
  assert.equal(before.loadDrops - kept.loadDrops, 1, "by the load, not the second's timer");
  const panel = await openPanel(id, { walk: true });
  await untilRead(panel, "40 of 40");
  const now = await agentCounts(id);
  assert.equal(now.handed - before.handed, 0);
  assert.ok(now.walks > before.walks, JSON.stringify({ before, now }));
  await closeAll(panel, page);
});

test("a worker stopped after it started the walk: the panel's question starts a new one, which holds nothing, and the panel reads the page itself", async () => {
  h.host(MANAGER, path.join(DIR, "panel-40.html"), { dir: DIR });
  const page = await h.open(MANAGER);
  const id = await tabId();
  await h.click(page); // the core loaded in the worker
  await h.test({ op: "readForPanel", url: MANAGER });
  assert.equal((await agentCounts(id)).kept, true);
  const walks = (await agentCounts(id)).walks;
  await h.restartBackground();
  const panel = await openPanel(id, { walk: true });
  await untilRead(panel, "40 of 40");
  const now = await agentCounts(id);
  assert.deepEqual([now.handed, now.kept], [0, false], "a new worker, nothing kept or handed");
  assert.ok(now.walks > walks);
  await closeAll(panel, page);
});

test("a side panel with no walk kept for it (opened from the browser's own menu, or by a worker just started) reads the page itself", async () => {
  h.host(MANAGER, path.join(DIR, "panel-40.html"), { dir: DIR });
  const page = await h.open(MANAGER);
  const id = await tabId();
  await h.click(page); // the notice, and the core loaded in the worker
  const before = await agentCounts(id);
  if (firefox) {
    // The sidebar chosen in Firefox's own sidebar menu: the worker knows nothing of it.
    const sidebarId = `${h.button.replace(/-browser-action$/, "")}-sidebar-action`;
    await h.switchTo(page.handle, true);
    await h.chrome((sidebarId) => Services.wm.getMostRecentWindow("navigator:browser").SidebarController.show(sidebarId), sidebarId);
  } else {
    // Chrome opens its side panel only on a gesture, here the notice's Triage; the worker stopped
    // first, so the one that opens the panel hasn't loaded the core and walks nothing for it.
    await h.restartBackground();
    await h.clickNoticeButton(page, "Triage 40 invitations");
  }
  assert.match(await sidePanelRead("40 of 40"), /40 of 40/);
  const now = await agentCounts(id);
  assert.equal(now.kept, false);
  assert.equal(now.handed, firefox ? before.handed : 0, JSON.stringify({ before, now }));
  assert.ok(now.walks > before.walks, JSON.stringify({ before, now }));
  await closeSidePanel();
  await closeAll(page);
});

test("two walks kept (two windows' panels opened within a second): the side panel takes its own tab's, naming it, and leaves the other", async () => {
  h.host(MANAGER, path.join(DIR, "panel-40.html"), { dir: DIR });
  h.host(MANAGER_2, path.join(DIR, "panel-300.html"), { dir: DIR });
  const threeHundred = await h.open(MANAGER_2);
  const forty = await h.open(MANAGER);
  const [a, b] = [await tabId(MANAGER), await tabId(MANAGER_2)];
  await h.click(forty); // the notice, and the core loaded in the worker
  const before = await agentCounts(a);
  // A walk kept for the 300 tab (another window's panel about to ask), then the 40 tab's panel opened for real.
  await h.test({ op: "readForPanel", url: MANAGER_2 });
  await openSidePanel(forty, "Triage 40 invitations");
  assert.match(await sidePanelRead("40 of 40"), /40 of 40/);
  // Its first reading was its own tab's walk, handed over: it didn't take the other's and read again.
  assert.equal(await h.inSidePanel(() => window.__notyetFirstReading.then((first) => first?.tabId)), a);
  const now = await agentCounts(a);
  assert.equal(now.handed - before.handed, 1, JSON.stringify({ before, now }));
  await closeSidePanel();
  await closeAll(forty, threeHundred);
});

test("an open on a LinkedIn page the panel doesn't read (the feed) walks nothing for it", async () => {
  const FEED = "https://www.linkedin.com/feed/";
  h.host(MANAGER, path.join(DIR, "panel-40.html"), { dir: DIR });
  h.host(FEED, path.join(DIR, "panel-40.html"), { dir: DIR });
  const list = await h.open(MANAGER);
  const feed = await h.open(FEED);
  await h.click(list); // the core loaded in the worker
  // The invitations: walked and kept for the panel (the check below would see a walk).
  await h.test({ op: "readForPanel", url: MANAGER });
  assert.equal((await agentCounts(await tabId(MANAGER))).kept, true);
  // The feed, with cards on it: the panel says where the invitations are and reads nothing, so
  // nothing walks it (it did: the whole page, kept a second for no one).
  const id = await tabId(FEED);
  const before = await agentCounts(id);
  await h.test({ op: "readForPanel", url: FEED });
  assert.deepEqual(await agentCounts(id), before);
  await closeAll(list, feed);
});

test("the toolbar button's context menu opens the panel on the page's list", async () => {
  h.host(MANAGER, path.join(DIR, "panel-40.html"), { dir: DIR });
  const page = await h.open(MANAGER);
  const id = await tabId();
  const how = await h.actionMenu(page, MENU);
  if (how.real) {
    // Firefox: the button right-clicked, the entry chosen in the real menu: the sidebar opens.
    for (let i = 0; i < 50 && !(await h.sidebar()).open; i++) await sleep(100);
    assert.deepEqual(await h.sidebar(), { open: true, id: `${h.button.replace(/-browser-action$/, "")}-sidebar-action` });
    assert.match(await sidePanelRead("40 of 40"), /40 of 40/);
    assert.equal(await panelTab(id, 500), null, "no tab opened as well");
    await closeSidePanel();
  } else {
    // Chromium: the menu's own listener, called through the test seam (DevTools gives the call a
    // user gesture, so Chrome's side panel opens; without one, a tab following the page would).
    assert.ok(await panelShows(id, "40 of 40"));
  }
  await closeAll(page);
});

test("the panel's shortcut (Alt+Shift+L) opens it on the page's list", async () => {
  assert.equal((await h.ext(() => chrome.commands.getAll())).find((c) => c.name === "open-panel")?.shortcut, "Alt+Shift+L");
  h.host(MANAGER, path.join(DIR, "panel-40.html"), { dir: DIR });
  const page = await h.open(MANAGER);
  const id = await tabId();
  const how = await h.shortcut(page, "open-panel");
  if (how.real) {
    // Firefox: the keys pressed in the browser window: the sidebar opens, showing the list.
    for (let i = 0; i < 50 && !(await h.sidebar()).open; i++) await sleep(100);
    assert.equal((await h.sidebar()).open, true);
    assert.match(await sidePanelRead("40 of 40"), /40 of 40/);
    assert.equal(await panelTab(id, 500), null, "no tab opened as well");
    await closeSidePanel();
  } else {
    assert.ok(await panelShows(id, "40 of 40"));
  }
  assert.equal(await box(page), null);
  await closeAll(page);
});

test("a narrow panel (Firefox's sidebar opens 240 px wide): a short header, and every row's mutual count whole", async () => {
  h.host(MANAGER, path.join(DIR, "panel-40.html"), { dir: DIR });
  const page = await h.open(MANAGER);
  const measure = NARROW;
  let got;
  if (firefox) {
    // The real sidebar, as it opens.
    await h.shortcut(page, "open-panel");
    for (let i = 0; i < 50 && !(await h.sidebar()).open; i++) await sleep(100);
    await sidePanelRead("40 of 40");
    got = await h.inSidePanel(measure);
    await closeSidePanel();
  } else {
    const panel = await openPanel(await tabId());
    await panel.setViewportSize({ width: 240, height: 636 });
    await untilRead(panel, "40 of 40");
    got = await panel.evaluate(measure);
    // 700 px high: the list had 2 rows whole (a 226 px header, the details, a 5-line promise under
    // them). Now 5 (8 rows of 92 px would not fit even alone): a compact header, rows of 70 px, the
    // promise at the end of the details.
    await panel.setViewportSize({ width: 240, height: 700 });
    await sleep(100);
    const tall = await panel.evaluate(measure);
    assert.ok(tall.visible >= 5 && tall.header <= 165, JSON.stringify(tall));
    assert.deepEqual(tall.promise, ["detail"]);
    // Wider panels, 640 px high: rows of 92 px (78 px of text) and the promise under the details
    // left 2 rows whole at 360, 420 and 500 px. Now rows of 70 px at every width, their text whole,
    // and the promise at the end of the details.
    for (const [width, least] of [[300, 4], [360, 4], [420, 3], [500, 3]]) {
      await panel.setViewportSize({ width, height: 640 });
      await sleep(100);
      const got = await panel.evaluate(measure);
      const rows = await panel.evaluate(() => [...document.querySelectorAll(".row")].slice(0, 4).map((r) => {
        const b = r.getBoundingClientRect();
        const last = r.lastElementChild.getBoundingClientRect();
        return [Math.round(b.height), last.bottom <= b.bottom - 1 + 0.5];
      }));
      assert.ok(got.visible >= least && rows.every(([h, whole]) => h === 70 && whole), `${width} px: ${JSON.stringify({ got, rows })}`);
      assert.deepEqual(got.promise, ["detail"]);
    }
    await closeAll(panel);
  }
  assert.ok(got.width <= 260, JSON.stringify(got));
  // 335 px before: the list had 191 of the sidebar's 636. The title goes too, kept for screen
  // readers (1 px): the sidebar's own header names the panel right above it.
  assert.ok(got.header <= 175, `the header is ${got.header} px tall`);
  assert.equal(got.title, 1);
  assert.ok(got.visible >= 4, JSON.stringify(got));
  assert.deepEqual(got.cut, [], "rows whose mutual count is cut, badges cut off, names cut before the category");
  await closeAll(page);
});

test("two LinkedIn tabs: the real side panel follows the active one", async () => {
  h.host(MANAGER, path.join(DIR, "panel-40.html"), { dir: DIR });
  h.host(MANAGER_2, path.join(DIR, "panel-300.html"), { dir: DIR });
  const forty = await h.open(MANAGER);
  const threeHundred = await h.open(MANAGER_2);
  // Open the side panel for real (Chrome: the notice first, a click on the page).
  if (!firefox) await h.click(threeHundred);
  await openSidePanel(threeHundred);
  assert.match(await sidePanelRead("10 of 300"), /10 of 300/);
  await forty.bringToFront();
  assert.match(await sidePanelRead("40 of 40"), /40 of 40/, "switched to the other tab's list");
  assert.match(await h.inSidePanel(() => document.querySelector("#where").textContent), /this tab/i);
  await threeHundred.bringToFront();
  assert.match(await sidePanelRead("10 of 300"), /10 of 300/, "and back");
  // An action is on the tab the panel shows: Show frames the card in the 300 tab, not the other.
  await h.inSidePanel(() => {
    document.querySelector(".row").click();
    document.querySelector("#do-show").click();
  });
  await threeHundred.waitForFunction(FRAMED);
  assert.equal(await forty.evaluate(FRAMED), false);
  await closeSidePanel();
  await closeAll(forty, threeHundred);
});

test("a tab switched while the real side panel starts: the list is the tab now active", async () => {
  // The switch comes as the 300 tab's list shows (the worker's first screen, or the panel's own
  // first list), or sooner. The panel's module bound its tab watch only once it had loaded, 40 ms
  // after the first screen in a traced failure: a switch in between was lost, and the browser's
  // answer for the active tab, asked at the start, stood for it after the first reading. The 300
  // list stayed (Firefox, 1 Dec, the build before: 4 failures in 6 runs; the test above flaked so in CI).
  h.host(MANAGER, path.join(DIR, "panel-40.html"), { dir: DIR });
  h.host(MANAGER_2, path.join(DIR, "panel-300.html"), { dir: DIR });
  const forty = await h.open(MANAGER);
  const threeHundred = await h.open(MANAGER_2);
  for (const wait of ["screen", 0, 60, "screen"]) {
    await threeHundred.bringToFront();
    // A click first: the worker has the core loaded, walks the page as it opens the panel and
    // draws its first screen (for the height of the panel's last open: from the second on).
    await h.click(threeHundred);
    await openSidePanel(threeHundred);
    if (wait === "screen") {
      for (let i = 0; i < 200 && !(await h.inSidePanel(() => !!document.querySelector("#read")?.textContent).catch(() => false)); i++) await sleep(10);
    } else await sleep(wait);
    await forty.bringToFront();
    assert.match(await sidePanelRead("40 of 40"), /40 of 40/, `switched ${wait === "screen" ? "once the first screen showed" : `after ${wait} ms`}`);
    await sleep(300);
    assert.match(await sidePanelRead("40 of 40"), /40 of 40/, "and stays");
    await closeSidePanel();
  }
  await closeAll(forty, threeHundred);
});

test("progress kept after a full browser restart: quit, start again on the same profile, 'drafted' shown and hideable", async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "notyet-restart-"));
  const target = spec(40).people.find((p) => p.category === "recruiter");
  try {
    let b = await launch({ profile });
    try {
      await b.setSettings(SETTINGS);
      b.host(MANAGER, path.join(DIR, "panel-40.html"), { dir: DIR });
      const page = await b.open(MANAGER);
      const id = await b.ext(async (url) => (await chrome.tabs.query({ url })).map((t) => t.id).at(-1), MANAGER);
      const panel = await b.open(b.extensionUrl(`panel.html?tab=${id}`));
      await panel.waitForSelector("html[data-ready]");
      await panel.locator("#text").fill(target.name);
      await panel.locator(".row").first().click();
      await panel.locator("#do-draft").click();
      await untilMsg(panel, /Drafted/);
    } finally {
      await b.close(); // the whole browser quits
    }
    b = await launch({ profile });
    try {
      b.host(MANAGER, path.join(DIR, "panel-40.html"), { dir: DIR });
      const page = await b.open(MANAGER);
      const id = await b.ext(async (url) => (await chrome.tabs.query({ url })).map((t) => t.id).at(-1), MANAGER);
      const panel = await b.open(b.extensionUrl(`panel.html?tab=${id}`));
      await panel.waitForSelector("html[data-ready]");
      await untilRead(panel, "40 of 40");
      await panel.locator("#text").fill(target.name);
      const [row] = await panel.evaluate(() => [...document.querySelectorAll(".row")].map((x) => x.innerText));
      assert.match(row, /Drafted today/, "the draft of the last session is remembered");
      await panel.locator("#hide").check();
      assert.equal(await panel.evaluate(() => document.querySelectorAll(".row").length), 0, "and hidden on request");
      await panel.locator("#text").fill("");
      assert.equal(await panel.evaluate(() => document.querySelectorAll(".row").length > 0), true, "the others stay");
      assert.equal(await box(page), null, "nothing typed after the restart");
    } finally {
      await b.close();
    }
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
});
