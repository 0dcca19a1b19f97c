// Browser tests of the side panel (its page opened in a tab, following a LinkedIn tab, as the
// side panel follows the active one): the list of 40 invitations of every category, filters and
// keys, Show, pointing at Accept and Ignore (never pressing them), Draft reply, progress kept
// across a reload, Read more on a list that loads rows on scroll, and the bad cases.
// `node --test tests/panel.test.mjs` after ./build.sh (./build.sh test runs it). Chromium only:
// the tests drive the panel page with Playwright's page API, which the Firefox harness lacks.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { box, BROWSER, fold, launch, ROOT } from "./harness.mjs";

const DIR = path.join(ROOT, "tests/fixtures/panel");
const MANAGER = "https://www.linkedin.com/mynetwork/invitation-manager/received/";
const SETTINGS = JSON.parse(fs.readFileSync(path.join(DIR, "settings.json"), "utf8"));
const spec = (n) => JSON.parse(fs.readFileSync(path.join(DIR, `panel-${n}.json`), "utf8"));

const chromium = BROWSER === "chromium";
let h;
before(async () => {
  if (!chromium) return;
  h = await launch();
  await h.setSettings(SETTINGS);
});
after(async () => {
  await h?.close();
});

/** The LinkedIn tab's id, as the extension knows it. */
async function tabId(url = MANAGER) {
  return h.ext(async (url) => (await chrome.tabs.query({ url })).map((t) => t.id).at(-1), url);
}

/** Opens panel fixture `n` at the invitation manager and the panel following it. */
async function openBoth(n) {
  h.host(MANAGER, path.join(DIR, `panel-${n}.html`), { dir: DIR });
  const page = await h.open(MANAGER);
  const panel = await openPanel(await tabId());
  return { page, panel };
}

async function openPanel(id) {
  const panel = await h.context.newPage();
  await panel.goto(h.extensionUrl(`panel.html?tab=${id}`));
  await panel.waitForSelector("html[data-ready]");
  return panel;
}

const rows = (panel) => panel.$$eval(".row", (r) => r.map((x) => ({ name: x.querySelector(".name").textContent, text: x.innerText, selected: x.classList.contains("selected"), gone: x.classList.contains("gone") })));
const msg = (panel) => panel.$eval("#msg", (m) => m.textContent);
const pressed = (page) => page.evaluate(() => Number(document.body.dataset.fxPressed || 0));

/** Selects the first listed row whose name is `name` (filtering by text). */
async function pick(panel, name) {
  await panel.fill("#text", name);
  await panel.click(".row");
  assert.equal((await rows(panel))[0].name, name);
}

test("the list: 40 invitations of every category, counts as filters, category and text filters, keys", { skip: !chromium && "Chromium only" }, async () => {
  const { page, panel } = await openBoth(40);
  const people = spec(40).people;
  await panel.waitForFunction(() => document.querySelector("#read")?.textContent.includes("40 of 40"));
  const shown = await rows(panel);
  assert.ok(shown.length >= 8 && shown.length < 40, `only the visible rows are rendered (${shown.length})`);
  assert.equal(shown[0].name, people[0].name);
  const counts = await panel.$eval("#counts", (c) => c.textContent);
  assert.match(counts, /\d+ accept · \d+ reply · \d+ ignore · \d+ report/i);
  const total = [...counts.matchAll(/(\d+) /g)].reduce((s, m) => s + Number(m[1]), 0);
  assert.equal(total, 40);
  // A count is a filter; pressed again, it is cleared.
  await panel.click('[data-act="filter.report"]');
  const spam = await rows(panel);
  assert.equal(spam.length, people.filter((p) => p.category === "spam").length);
  assert.ok(spam.every((r) => /Report/.test(r.text)));
  await panel.click('[data-act="filter.report"]');
  await panel.selectOption("#category", "recruiter");
  assert.equal((await rows(panel)).length, people.filter((p) => p.category === "recruiter").length);
  await panel.selectOption("#category", "");
  await panel.fill("#text", "outsourcing");
  assert.equal((await rows(panel)).length, people.filter((p) => p.category === "sales").length);
  await panel.fill("#text", "");
  // Keys: j and ↓ move down, k and ↑ up.
  await panel.focus("#list");
  for (const key of ["Home", "j", "j", "ArrowDown", "k"]) await panel.keyboard.press(key);
  const selected = (await rows(panel)).findIndex((r) => r.selected);
  assert.equal(selected, 2);
  assert.equal(await panel.$eval("#detail h2", (e) => e.textContent), people[2].name);
  // A row shows headline, the note's first words, mutual count, category, action and reasons.
  const text = (await rows(panel))[1].text;
  assert.match(text, /Crypto trader/);
  assert.match(text, /“Hi dear, I make/);
  assert.match(text, /Spam/);
  await page.close();
  await panel.close();
});

test("Show scrolls the card into view and frames it; Accept and Ignore are pointed at, never pressed", { skip: !chromium && "Chromium only" }, async () => {
  const { page, panel } = await openBoth(40);
  const target = spec(40).people[33];
  await pick(panel, target.name);
  await panel.keyboard.press("Enter");
  await panel.waitForFunction(() => /framed/.test(document.querySelector("#msg").textContent));
  const inView = await page.evaluate((href) => {
    const card = document.querySelector(`[data-fx-key="${href}"]`);
    const r = card.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight && !!document.querySelector("notyet-outline") && card.getAttribute("style") === null;
  }, target.href);
  assert.ok(inView, "the card is in view, framed by NotYet's own element, its own style untouched");
  await panel.click("#do-accept");
  await panel.waitForFunction(() => /Accept button/.test(document.querySelector("#msg").textContent));
  await panel.click("#do-ignore");
  await panel.waitForFunction(() => /Ignore/.test(document.querySelector("#msg").textContent));
  assert.equal(await pressed(page), 0, "NotYet pressed no button of LinkedIn's");
  assert.ok(await page.$(`[data-fx-key="${target.href}"]`), "the invitation is still there");
  await page.close();
  await panel.close();
});

test("Draft reply opens that invitation's Reply box and drafts as a toolbar click; the record keeps it across a reload", { skip: !chromium && "Chromium only" }, async () => {
  await h.ext(() => chrome.storage.local.remove("panel_record"));
  const { page, panel } = await openBoth(40);
  const target = spec(40).people.find((p) => p.category === "recruiter");
  await pick(panel, target.name);
  await panel.click("#do-draft");
  await panel.waitForFunction(() => /Drafted|entworfen/.test(document.querySelector("#msg").textContent), null, { timeout: 10000 });
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
  assert.match((await rows(panel))[0].text, /drafted /);
  // Reopened (storage read afresh, a new worker too): the draft is remembered, and can be hidden.
  const id = await tabId();
  await panel.close();
  await h.restartBackground();
  const again = await openPanel(id);
  await again.fill("#text", target.name);
  assert.match((await rows(again))[0].text, /drafted (\d+ [A-Z][a-z]{2}|[A-Z][a-z]{2} \d+)/); // "28 Nov" or "Nov 28", by locale
  await again.check("#hide");
  assert.equal((await rows(again)).length, 0, "handled invitations hidden on request");
  // The options page lists the record and clears it.
  const options = await h.context.newPage();
  await options.goto(h.extensionUrl("options.html"));
  await options.waitForFunction((name) => document.querySelector("#progress-list")?.textContent.includes(name), target.name);
  assert.match(await options.$eval("#progress-list", (l) => l.textContent), /drafted /);
  await options.click("#progress-clear");
  await options.waitForFunction(() => /Nothing recorded/.test(document.querySelector("#progress-list").textContent));
  assert.equal(await h.ext(async () => (await chrome.storage.local.get("panel_record")).panel_record ?? null), null);
  await again.waitForFunction(() => document.querySelectorAll(".row").length === 1, null, { timeout: 5000 });
  await options.close();
  await page.close();
  await again.close();
});

test("an invitation answered on LinkedIn meanwhile is marked gone, not dropped", { skip: !chromium && "Chromium only" }, async () => {
  const { page, panel } = await openBoth(40);
  const target = spec(40).people[5];
  await page.click(`[data-fx-key="${target.href}"] button[aria-label^="Ignore"]`); // the user's own click
  await panel.click('[data-act="refresh"]');
  await panel.waitForFunction(() => /1 gone/.test(document.querySelector("#read").textContent));
  await panel.fill("#text", target.name);
  const [row] = await rows(panel);
  assert.ok(row.gone);
  assert.match(row.text, /gone from the page/);
  await panel.click(".row");
  assert.ok(await panel.$eval("#do-draft", (b) => b.disabled));
  await page.close();
  await panel.close();
});

test("a Reply control that opens nothing: a clear message, nothing typed", { skip: !chromium && "Chromium only" }, async () => {
  const { page, panel } = await openBoth(40);
  const target = spec(40).people.find((p) => p.category === "personalized");
  await page.evaluate((href) => document.querySelector(`[data-fx-key="${href}"] .bd49adbe`).setAttribute("data-fx-dead", ""), target.href);
  await pick(panel, target.name);
  await panel.click("#do-draft");
  await panel.waitForFunction(() => /opened no message box/.test(document.querySelector("#msg").textContent), null, { timeout: 10000 });
  assert.equal(await box(page), null, "no box, nothing typed");
  await page.close();
  await panel.close();
});

test("Read more scrolls the page's list until all 300 are read, with progress; Cancel stops it", { skip: !chromium && "Chromium only" }, async () => {
  const { page, panel } = await openBoth(300);
  await panel.waitForFunction(() => document.querySelector("#read")?.textContent.includes("10 of 300"));
  await panel.click("#more");
  await panel.waitForFunction(() => !document.querySelector("#progress").hidden);
  await panel.waitForFunction(() => /of 300/.test(document.querySelector("#progress-text").textContent));
  await panel.waitForFunction(() => document.querySelector("#read").textContent.includes("40 of 300"), null, { timeout: 20000 });
  await panel.click('[data-act="cancel"]');
  await panel.waitForFunction(() => /Stopped/.test(document.querySelector("#msg").textContent));
  assert.ok(await panel.$eval("#progress", (p) => p.hidden));
  await panel.click("#more");
  await panel.waitForFunction(() => /All read: 300 of 300/.test(document.querySelector("#msg").textContent), null, { timeout: 60000 });
  assert.equal(await pressed(page), 0);
  // The list of 300 scrolls; the last row is reachable with End.
  await panel.focus("#list");
  await panel.keyboard.press("End");
  assert.equal(await panel.$eval("#detail h2", (e) => e.textContent), spec(300).people[299].name);
  await page.close();
  await panel.close();
});

test("elsewhere the panel says where it works; a closed tab is said, not thrown", { skip: !chromium && "Chromium only" }, async () => {
  h.host("https://example.com/", path.join(ROOT, "tests/fixtures/pages/not-linkedin.html"), { dir: path.join(ROOT, "tests/fixtures/pages") });
  const other = await h.open("https://example.com/");
  const panel = await openPanel(await tabId("https://example.com/*"));
  assert.match(await panel.$eval("#where", (e) => e.textContent), /isn't LinkedIn/);
  assert.match(await msg(panel), /invitation manager/);
  await other.close();
  await panel.close();

  const { page, panel: p2 } = await openBoth(300);
  await p2.click("#more");
  await page.close();
  await p2.waitForFunction(() => /closed|isn't LinkedIn|left the invitation page/.test(document.querySelector("#msg").textContent + document.querySelector("#where").textContent), null, { timeout: 10000 });
  await p2.close();
});

test("the notice on a list offers Triage; its button opens the panel (the side panel, or a tab following the page)", { skip: !chromium && "Chromium only" }, async () => {
  h.host(MANAGER, path.join(DIR, "panel-40.html"), { dir: DIR });
  const page = await h.open(MANAGER);
  const record = await h.click(page);
  assert.equal(record.notice.actions?.[0]?.label, "Triage 40 invitations");
  const opened = h.context.waitForEvent("page", { predicate: (p) => p.url().includes("panel.html"), timeout: 5000 }).catch(() => null);
  await h.clickNoticeButton(page, "Triage 40 invitations");
  const tab = await opened;
  if (tab) {
    // No user gesture reached the worker: the panel opened as a tab beside the page, following it.
    await tab.waitForSelector("html[data-ready]");
    await tab.waitForFunction(() => document.querySelector("#read")?.textContent.includes("40 of 40"));
    await tab.close();
  } else {
    // Chrome opened its side panel: the panel page is an extension view of the window.
    const views = await h.ext(() => chrome.runtime.getContexts({ contextTypes: ["SIDE_PANEL"] }).then((c) => c.length));
    assert.equal(views, 1, "a side panel is open");
  }
  await page.close();
});
