// The notice on the page: what was read and decided, changing the decision on the spot,
// "Replace anyway" and "Not spam: draft anyway", the interface languages, dark mode, the live
// region, the shortcut into it, and a hostile page's CSS, scripts and text.
// `[BROWSER=firefox] node --test tests/notice.test.mjs` after ./build.sh (./build.sh test runs it
// in Chromium and Firefox).
//
// Tests that look inside the notice run the agent in the page's own world (as `page.evaluate`
// does), where its state, and so its closed shadow root, is in reach; the extension runs the
// same function in an isolated world the page can't reach.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { agent, snapshot } from "../extension/agent.js";
import { box, fold, launch, ROOT, typeInto } from "./harness.mjs";

const PAGES = path.join(ROOT, "tests/fixtures/pages");
const INVITATIONS = "https://www.linkedin.com/mynetwork/invitation-manager/received/";
const SETTINGS = { me: { name: "Pat Example", email: "pat@example.com" } };
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), "notyet-notice-"));

let h;
before(async () => {
  h = await launch();
});
after(async () => {
  await h?.test({ op: "ui" });
  await h?.close();
  fs.rmSync(TMP, { recursive: true, force: true });
});

/** Opens fixture page `name` in a fresh tab. */
async function open(name, url = INVITATIONS) {
  h.host(url, path.join(PAGES, `${name}.html`), { dir: PAGES });
  return h.open(url);
}

/** Opens the overlay fixture with its texts replaced (`[from, to]` pairs) and `css` added to the page's own styles (in tab `into`, else a fresh one). */
async function openVariant(replacements, { css = "", extra = "", url = INVITATIONS, into = null } = {}) {
  let html = fs.readFileSync(path.join(PAGES, "x-ember-overlay.html"), "utf8");
  for (const [from, to] of replacements) html = html.split(from).join(to);
  if (css) html = html.replace("</head>", `<style>${css}</style></head>`);
  if (extra) html = html.replace("</body>", `${extra}</body>`);
  const file = path.join(TMP, `variant-${Math.random().toString(36).slice(2)}.html`);
  fs.writeFileSync(file, html);
  h.host(url, file, { dir: PAGES, csp: "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self'" });
  if (!into) return h.open(url);
  await into.goto(url);
  return into;
}

/** The notice the agent shows in the page's own world: its box, live region and controls, as seen from inside. */
const inside = (page) =>
  page.evaluate(() => {
    const shadow = globalThis.__notyetAgent?.shadow;
    const boxEl = shadow?.querySelector(".box");
    if (!boxEl) return null;
    const live = boxEl.querySelector("[role=status], [role=alert]");
    const style = getComputedStyle(boxEl);
    return {
      background: style.backgroundColor,
      maxHeight: parseFloat(style.maxHeight),
      clientHeight: boxEl.clientHeight,
      scrollHeight: boxEl.scrollHeight,
      role: live?.getAttribute("role"),
      live: live?.textContent ?? null,
      text: boxEl.querySelector("p")?.textContent ?? "",
      words: ((w) => ({ clientHeight: w?.clientHeight, scrollHeight: w?.scrollHeight, tabIndex: w?.tabIndex }))(boxEl.querySelector(":scope > [aria-hidden]")),
      details: [...boxEl.querySelectorAll("[aria-hidden] li")].map((li) => li.textContent),
      close: boxEl.querySelector(".x")?.getAttribute("aria-label"),
      buttons: [...boxEl.querySelectorAll(".row .act")].map((b) => b.textContent),
      menus: [...boxEl.querySelectorAll(".menu")].map((m) => m.textContent),
      options: [...boxEl.querySelectorAll(".options button")].map((o) => o.textContent),
    };
  });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test("the notice says what was read and decided; another language, category and length on the spot, each saying what changed", async () => {
  await h.setSettings(SETTINGS);
  const page = await open("x-ember-overlay");
  const first = await h.click(page);
  assert.equal(first.notice.level, "success", first.notice.text);
  assert.deepEqual(first.notice.details, [
    "Kathie Smith · wrote a personal note → Reply (Personal, English, long)",
    "Read: note “Hi, I read your post about networking and would like to…” · 3 mutual connections",
  ]);
  assert.deepEqual(first.notice.choices.map((c) => c.label), ["Reply as", "Language"]);

  const german = await h.chooseNotice(page, "Language", "German");
  assert.match(german.notice.text, /^Now in German \(was English\)\./, german.notice.text);
  const de = fold((await box(page)).text);
  assert.match(de, /^Guten Tag/, de);
  assert.equal(fold((await box(page)).model), de, "the page's editor saw the swap");

  const recruiter = await h.chooseNotice(page, "Reply as", "Recruiter");
  assert.match(recruiter.notice.text, /^Now the Recruiter reply \(was Personal\)\./, recruiter.notice.text);
  assert.match(recruiter.notice.details[0], /→ Reply \(Recruiter, German, long\)$/);

  const shorter = await h.pressNotice(page, "Shorter");
  assert.match(shorter.notice.text, /^Now the short version \(was long\)\./, shorter.notice.text);
  assert.ok(fold((await box(page)).text).length < fold(de).length);

  const restored = await h.pressNotice(page, "Restore");
  assert.equal(restored.notice.level, "success");
  assert.equal(fold((await box(page)).text), "", "the box is empty again, as it was");
  await page.close();
});

test("a note in a language no template speaks: the notice's language item says why the reply isn't in it", async () => {
  await h.setSettings(SETTINGS);
  // A Dutch note was answered in English with "(Personal, English, long)": read as a misreading.
  const cases = [
    [null, /\(Personal, written in English: no Dutch template, long\)$/],
    ["de", /\(Persönlich, auf Englisch geschrieben: keine Vorlage auf Niederländisch, lang\)$/],
    ["fr", /\(Personnel, rédigé en anglais\u00a0: aucun modèle en néerlandais, version longue\)$/],
  ];
  try {
    for (const [lang, want] of cases) {
      await h.test({ op: "ui", ...(lang ? { n: lang } : {}) });
      const page = await open("nl-reply-light");
      const record = await h.click(page);
      assert.equal(record.notice.level, "success", record.notice.text);
      assert.match(record.notice.details[0], want, record.notice.details[0]);
      assert.match(fold((await box(page)).text), /^Hi Sanne,/);
      // The page shows the same line.
      await page.evaluate(agent, { op: "notice", ...record.notice });
      await sleep(150);
      assert.match((await inside(page)).details[0], want);
      await page.close();
    }
  } finally {
    await h.test({ op: "ui" });
  }
});

test("a first click before the name is set: the draft has no sign-off, and the notice says where to set it", async () => {
  await h.setSettings(null);
  const page = await open("x-ember-overlay");
  const record = await h.click(page);
  assert.equal(record.notice.level, "success");
  assert.match(record.notice.text, /Your name isn't set, so the draft ends without a sign-off: add it in Options\.$/, record.notice.text);
  assert.ok(record.notice.actions.some((a) => a.label === "Options"), "Options is one press away");
  await page.close();
});

test("after the user edited the draft: Replace anyway, and Restore brings the edited version back", async () => {
  await h.setSettings(SETTINGS);
  const page = await open("x-ember-overlay");
  await h.click(page);
  const fresh = fold((await box(page)).text);
  await typeInto(page, " My own last words.");
  const edited = fold((await box(page)).text);
  const asked = await h.click(page);
  assert.match(asked.notice.text, /changed/);
  assert.equal(fold((await box(page)).text), edited, "nothing written over the edit unasked");
  const replaced = await h.pressNotice(page, "Replace anyway");
  assert.match(replaced.notice.text, /^Replaced your edited draft/, replaced.notice.text);
  assert.equal(fold((await box(page)).text), fresh);
  // Replace anyway is gone from the new notice: the focus goes to Restore, which undoes what it
  // just did, not to whatever control took its place (it landed on a menu or Shorter).
  await sleep(150);
  assert.equal(await h.isolated(page.url(), "() => globalThis.__notyetAgent.shadow.activeElement?.textContent"), "Restore");
  const restored = await h.pressNotice(page, "Restore");
  // The edited version, as it was ("as it was before the draft" read as the box before the first draft).
  assert.equal(restored.notice.text, "Restored: the box holds your text again, as it was.");
  const back = await box(page);
  assert.equal(fold(back.text), edited, "the user's edit is back");
  assert.equal(fold(back.model), edited);
  await page.close();
});

test("spam: the notice says why and offers Not spam: draft anyway; a weak sign says ignore, not report", async () => {
  await h.setSettings(SETTINGS);
  const spam = await openVariant([
    ["Kathie Smith", "Rick Vance"],
    ["Hi, I read your post about networking and would like to connect.", "Join my forex trading platform, write me on WhatsApp."],
  ]);
  const record = await h.click(spam);
  assert.equal(record.notice.level, "warning");
  assert.match(record.notice.text, /looks like spam \(note mentions crypto or trading and moving to WhatsApp or Telegram\)/, record.notice.text);
  assert.equal(fold((await box(spam)).text), "", "nothing written");
  const anyway = await h.pressNotice(spam, "Not spam: draft anyway");
  assert.equal(anyway.notice.level, "success", anyway.notice.text);
  assert.match(fold((await box(spam)).text), /^Hi Rick,/);
  await spam.close();

  const weak = await openVariant([["Kathie Smith", "Kathie Smith 2847"], ["Hi, I read your post about networking and would like to connect.", "Hi"]]);
  const doubt = await h.click(weak);
  assert.match(doubt.notice.text, /has a sign of spam \(name contains digits\), though not a strong one/, doubt.notice.text);
  assert.match(doubt.notice.details[0], /→ Ignore \(Spam\)$/, doubt.notice.details[0]);
  await weak.close();
});

test("a name's bidi controls stay in the name: a right-to-left override doesn't turn the notice's sentence around", async () => {
  await h.setSettings(SETTINGS);
  // U+202E in the page's name ran on to the end of the line: "Drafted a reply to Kathie enildaeh :nosaer) htimS".
  const page = await openVariant([["Kathie Smith", "Kathie \u202eSmith"]]);
  const record = await h.click(page);
  assert.equal(record.notice.level, "success", record.notice.text);
  const shown = await h.isolated(page.url(), "() => [...globalThis.__notyetAgent.shadow.querySelectorAll('p, li')].map((e) => e.textContent)");
  assert.match(shown[0], /^Drafted a reply to Kathie Smith \(reason: /, shown[0]);
  assert.ok(shown.every((t) => !/[\u202a-\u202e\u2066-\u2069]/.test(t)), JSON.stringify(shown));
  await page.close();
});

test("German and French notices: every word on them, Close included, in the interface language", async () => {
  await h.setSettings(SETTINGS);
  const english = /\b(Reply|Read|Close|Shorter|Longer|Restore|Language|Personal|Drafted|note|the)\b/;
  const cases = {
    de: { text: /^Antwort an Kathie Smith entworfen \(Grund: persönliche Nachricht\)\./, close: "Schließen", buttons: ["Kürzer", "Wiederherstellen", "Optionen", "Nicht richtig?"] },
    fr: { text: /^Réponse à Kathie Smith rédigée \(motif\u00a0: message personnel\)\./, close: "Fermer", buttons: ["Plus court", "Rétablir", "Options", "Un souci\u00a0?"] },
  };
  try {
    for (const [lang, want] of Object.entries(cases)) {
      await h.test({ op: "ui", n: lang });
      const page = await open("x-ember-overlay");
      const record = await h.click(page);
      const n = record.notice;
      assert.match(n.text, want.text, n.text);
      assert.equal(n.close, want.close);
      assert.deepEqual(n.actions.map((a) => a.label), want.buttons);
      const words = [n.text, n.close, ...n.details, ...n.choices.flatMap((c) => [c.label, ...c.options.map((o) => o.label)]), ...n.actions.map((a) => a.label)];
      for (const w of words) assert.doesNotMatch(lang === "fr" ? w.replace(/\bnote\b/g, "") : w, english, `${lang}: ${w}`);
      // The page shows the same words (the close button's accessible name too).
      await page.evaluate(agent, { op: "notice", ...n });
      await sleep(150);
      const shown = await inside(page);
      assert.equal(shown.close, want.close);
      assert.deepEqual(shown.buttons, want.buttons);
      assert.equal(shown.text, n.text);
      if (lang === "fr") {
        // French spacing before the menus' colon ("Langue: Anglais" was shown), and a language
        // named in lower case inside the line, as "Maintenant en allemand" writes it.
        assert.deepEqual(shown.menus.map((m) => m.split(":")[0]), ["Modèle\u00a0", "Langue\u00a0"]);
        assert.match(n.details[0], /\(Personnel, anglais, version longue\)$/);
      }
      await page.close();
    }
  } finally {
    await h.test({ op: "ui" });
  }
});

test("the live region is in the page empty first and filled a moment later; long texts are cut and the box scrolls", async () => {
  // A page that allows eval: the test builds the agent's function in the page itself.
  h.host("https://www.example.com/compose", path.join(PAGES, "x-not-linkedin.html"), { dir: PAGES, csp: "default-src * 'unsafe-inline' 'unsafe-eval'" });
  const page = await h.open("https://www.example.com/compose");
  const at = await page.evaluate((src) => {
    // The agent's own function, run here and read back in the same task: the region is empty.
    const run = new Function(`return (${src})`)();
    run({ op: "notice", level: "warning", text: "N".repeat(1_000_000), details: Array.from({ length: 40 }, (_, i) => `line ${i} `.repeat(80)) });
    const live = globalThis.__notyetAgent.shadow.querySelector("[role=status], [role=alert]");
    return { role: live.getAttribute("role"), text: live.textContent, connected: live.isConnected };
  }, agent.toString());
  assert.deepEqual(at, { role: "alert", text: "", connected: true });
  await sleep(200);
  const shown = await inside(page);
  assert.equal(shown.text.length, 1200, "a 1 MB name is cut");
  // Its parts apart, each at a line's end: they ran together ("NNN…line 0 line 0 …line 1").
  assert.equal(shown.live, [shown.text, ...shown.details].map((part) => `${part}\n`).join(""), "the live region says the same as the box, its parts apart");
  assert.ok(shown.details.length <= 6 && shown.details.every((d) => d.length <= 300));
  assert.ok(shown.maxHeight <= 520, `max-height ${shown.maxHeight}`);
  assert.ok(shown.clientHeight <= 520 && shown.words.scrollHeight > shown.words.clientHeight, "the words scroll");
  // A scroller with nothing focusable in it is a Tab stop of its own in both browsers; inside
  // aria-hidden it would take the focus and read as nothing.
  assert.equal(shown.words.tabIndex, -1, "the scrolling words are no Tab stop");
  await page.close();
});

test("a long text is cut where a character ends: no half emoji, no emoji without its skin tone or its family", async () => {
  h.host("https://www.example.com/compose", path.join(PAGES, "x-not-linkedin.html"), { dir: PAGES, csp: "default-src * 'unsafe-inline' 'unsafe-eval'" });
  const page = await h.open("https://www.example.com/compose");
  const thumbs = "👍🏽"; // four UTF-16 units, two code points, one character
  const family = "👨‍👩‍👧"; // eight units, five code points
  await page.evaluate(
    ([src, text, detail, label]) => new Function(`return (${src})`)()({ op: "notice", level: "info", text, details: [detail], actions: [{ label, request: {} }] }),
    [agent.toString(), `ab${thumbs.repeat(600)}`, `x${family.repeat(60)}`, `ab${thumbs.repeat(20)}`],
  );
  await sleep(200);
  const shown = await inside(page);
  // Cut at 1,199, 299 and 59 units, each inside an emoji: the emoji goes whole.
  assert.equal(shown.text, `ab${thumbs.repeat(299)}…`);
  assert.equal(shown.details[0], `x${family.repeat(37)}…`);
  assert.equal(shown.buttons[0], `ab${thumbs.repeat(14)}…`);
  await page.close();
});

test("keyboard: the notice's controls are reachable with Tab, Escape closes it", async () => {
  const page = await open("x-not-linkedin", "https://www.example.com/compose");
  await page.evaluate(agent, {
    op: "notice",
    level: "success",
    text: "Drafted.",
    choices: [{ label: "Reply as", options: [{ label: "Generic", request: { type: "click" } }, { label: "Sales", request: { type: "click" } }], selected: 0 }],
    actions: [{ label: "Shorter", request: { type: "click" } }],
    close: "Close",
    focus: true,
  });
  await sleep(200);
  const focused = () => page.evaluate(() => globalThis.__notyetAgent.shadow.activeElement?.textContent ?? null);
  assert.equal(await focused(), "Reply as: Generic ▾", "focus starts on the first control");
  // The arrow is shown, not said: the menu button's name is its label and choice, its state "collapsed".
  const said = await page.evaluate(() => {
    const menu = globalThis.__notyetAgent.shadow.querySelector(".menu");
    const copy = menu.cloneNode(true);
    for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
    return [copy.textContent, menu.querySelector('[aria-hidden="true"]')?.textContent, menu.getAttribute("aria-expanded")];
  });
  assert.deepEqual(said, ["Reply as: Generic", " ▾", "false"]);
  // A named group: a screen reader says whose controls the focus is in (it was an unnamed group).
  assert.deepEqual(await page.evaluate(() => ((h) => [h.getAttribute("role"), h.getAttribute("aria-label")])(document.querySelector("[popover]"))), ["group", "NotYet"]);
  await page.keyboard.press("Enter");
  assert.equal(await focused(), "Generic", "the menu opens on its current option");
  await page.keyboard.press("Tab");
  assert.equal(await focused(), "Sales");
  // Escape in the open menu closes the menu, not the notice, and goes back to the menu's button.
  await page.keyboard.press("Escape");
  assert.equal(await focused(), "Reply as: Generic ▾");
  assert.deepEqual(await page.evaluate(() => [document.querySelectorAll("[popover]").length, globalThis.__notyetAgent.shadow.querySelector(".options").hidden, globalThis.__notyetAgent.shadow.querySelector(".menu").getAttribute("aria-expanded")]), [1, true, "false"]);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  assert.equal(await focused(), "Sales");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  assert.equal(await focused(), "Shorter", "a closed menu's options are out of the tab order");
  await page.keyboard.press("Tab");
  assert.equal(await focused(), "×", "then the close button");
  const pressed = await page.evaluate(() => [...globalThis.__notyetAgent.shadow.querySelectorAll("[aria-pressed]")].map((b) => b.getAttribute("aria-pressed")));
  assert.deepEqual(pressed, ["true", "false"]);
  await page.keyboard.press("Escape");
  assert.equal(await page.evaluate(() => document.querySelectorAll("[popover]").length), 0, "Escape closed it");
  await page.close();
});

test("an open menu's chosen option stands out in a forced-colors (high contrast) mode, which drops its background", async () => {
  const page = await open("x-not-linkedin", "https://www.example.com/compose");
  await page.evaluate(agent, {
    op: "notice",
    level: "success",
    text: "Drafted.",
    choices: [{ label: "Reply as", options: ["Generic", "Sales", "Recruiter"].map((label) => ({ label, request: { type: "click" } })), selected: 1 }],
    close: "Close",
    focus: true,
  });
  await sleep(200);
  await page.keyboard.press("Enter"); // the menu opens, the focus on its chosen option
  await page.evaluate(() => globalThis.__notyetAgent.shadow.activeElement.blur()); // the focus ring is no mark of the choice
  await page.emulateMedia({ forcedColors: "active" });
  try {
    // What forced colours leave of each option's look: its weight, underline and outline.
    const looks = await page.evaluate(() => [...globalThis.__notyetAgent.shadow.querySelectorAll(".options button")].map((b) => {
      const s = getComputedStyle(b);
      return `${s.fontWeight} ${s.textDecorationLine} ${s.outlineStyle}`;
    }));
    assert.equal(new Set(looks).size, 2, looks.join(" | "));
    assert.notEqual(looks[1], looks[0], "Sales, chosen, looks unlike Generic");
  } finally {
    await page.emulateMedia({ forcedColors: "none" });
  }
  await page.close();
});

test("keyboard: a shortcut, named on the notice, takes the focus from the message box into it; Escape gives it back", async () => {
  await h.setSettings(SETTINGS);
  const page = await open("x-ember-overlay");
  const record = await h.click(page);
  assert.match(record.notice.hint, /^Alt\+Shift\+J moves the keyboard focus here; Escape gives it back\.$/, record.notice.hint);
  await sleep(150);
  const where = () => page.evaluate(() => {
    const a = document.activeElement;
    return a?.hasAttribute("popover") ? "notice" : a?.isContentEditable ? "box" : (a?.localName ?? null);
  });
  assert.equal(await where(), "box", "the draft leaves the focus in the message box");
  const shortcut = () => h.test({ op: "command", n: "focus-notice", url: page.url() });
  assert.deepEqual(await shortcut(), { ok: true });
  assert.equal(await where(), "notice");
  await page.keyboard.press("Tab");
  assert.equal(await where(), "notice", "Tab moves between the notice's controls");
  // A choice made from the keyboard: the new notice's focus is on the control used, not back
  // on its first one (Language: Enter, Tab to German, Enter; then Shorter, which becomes Longer).
  const control = () => h.isolated(page.url(), "() => globalThis.__notyetAgent.shadow.activeElement?.textContent");
  assert.match(await control(), /^Language: English/);
  for (const key of ["Enter", "Tab"]) await page.keyboard.press(key);
  let count = await h.clickCount();
  await page.keyboard.press("Enter");
  await h.waitForClick(count);
  await sleep(150);
  assert.equal(await control(), "Language: German ▾");
  await page.keyboard.press("Tab");
  count = await h.clickCount();
  await page.keyboard.press("Enter");
  await h.waitForClick(count);
  await sleep(150);
  assert.equal(await control(), "Longer");
  await page.keyboard.press("Escape");
  assert.equal(await where(), "box", "Escape closes it and the focus is back in the box");
  assert.equal(await page.evaluate(() => document.querySelectorAll("[popover]").length), 0);
  await page.keyboard.insertText(" P.S.");
  assert.match(fold((await box(page)).text), /P\.S\.$/, "typing goes on where it was");
  assert.deepEqual(await shortcut(), { ok: false }, "no notice, nothing to reach");
  await page.close();
});

test("a page script that removes the notice: NotYet puts it back once and says so", async () => {
  await h.setSettings(SETTINGS);
  const page = await open("x-ember-overlay");
  await h.click(page);
  await sleep(150);
  const shown = () => page.evaluate(() => document.querySelectorAll("[popover]").length);
  assert.equal(await shown(), 1);
  await page.evaluate(() => document.querySelector("[popover]").remove());
  await sleep(150);
  assert.equal(await shown(), 1, "put back");
  assert.ok(await page.evaluate(() => window.find("NotYet put it back", false, false, true)), "and it says so");
  // No tug of war: removed again, it stays removed.
  await page.evaluate(() => document.querySelector("[popover]").remove());
  await sleep(150);
  assert.equal(await shown(), 0);
  await page.close();
});

test("dark mode: the notice follows prefers-color-scheme and the page's own dark theme", async () => {
  const light = "rgb(255, 255, 255)";
  const dark = "rgb(31, 36, 40)";
  const notice = { op: "notice", level: "info", text: "Hello" };
  const background = async (page) => {
    await page.evaluate(agent, notice);
    return (await inside(page)).background;
  };
  const plain = await openVariant([]);
  assert.equal(await background(plain), light, "a light page, a light system");
  await plain.emulateMedia({ colorScheme: "dark" });
  try {
    assert.equal(await background(plain), dark, "prefers-color-scheme: dark");
  } finally {
    await plain.emulateMedia({ colorScheme: null });
  }
  await plain.close();
  const themed = await openVariant([], { css: "html, body { background: #1b1f23; color: #eee; }" });
  assert.equal(await background(themed), dark, "the page's dark background");
  await themed.close();
  const scheme = await openVariant([], { css: ":root { color-scheme: dark; }" });
  assert.equal(await background(scheme), dark, "the page's color-scheme: dark");
  await scheme.close();
});

test("a hostile page's CSS can't hide, move or cover the notice, and its text never names the user's known entries", async () => {
  await h.setSettings({ ...SETTINGS, known: { companies: ["Globex"], people: [], schools: [] } });
  // Rules aimed at whatever the notice might be, and a full-window cover above every z-index.
  const css = `
    html > :not(head):not(body), body ~ *, [popover], :popover-open, *::backdrop {
      display: none !important; visibility: hidden !important; opacity: 0 !important; position: absolute !important;
      left: -9999px !important; top: -9999px !important; width: 0 !important; height: 0 !important; transform: scale(0) !important;
      clip-path: inset(50%) !important; filter: opacity(0) !important; z-index: -1 !important; pointer-events: none !important; }
    #cover { position: fixed; inset: 0; z-index: 2147483647; background: rgba(200, 0, 0, .4); }`;
  const page = await openVariant(
    [["Career coach | Speaker", "Engineer at Initech, Globex, Hooli, Umbrella, Wonka and Acme"]],
    { css, extra: '<div id="cover"></div>' },
  );
  const record = await h.click(page);
  assert.equal(record.notice.level, "info", record.notice.text);
  await sleep(200);
  const seen = await page.evaluate(() => {
    const host = document.querySelector("[popover]");
    const r = host.getBoundingClientRect();
    const style = getComputedStyle(host);
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + 20);
    return { w: r.width, h: r.height, right: innerWidth - r.right, top: r.top, display: style.display, visibility: style.visibility, opacity: style.opacity, onTop: hit === host, name: host.localName };
  });
  assert.ok(seen.w > 200 && seen.h > 40, JSON.stringify(seen));
  assert.deepEqual([seen.display, seen.visibility, seen.opacity, Math.round(seen.right), Math.round(seen.top)], ["block", "visible", "1", 16, 16], JSON.stringify(seen));
  assert.ok(seen.onTop, "the cover doesn't cover it");
  assert.notEqual(seen.name, "notyet-notice");
  // The page reads its own text back with window.find(): the known entry is never there.
  const found = await page.evaluate(() => ["from your known", "Globex from", "known companies"].map((s) => window.find(s, false, false, true)));
  assert.deepEqual(found, [false, false, true], "it says 'your known companies', never which one");
  assert.doesNotMatch(JSON.stringify(record.notice), /Globex/);
  // And the buttons still take a real mouse click through the cover.
  const anyway = await h.pressNotice(page, "Draft anyway");
  assert.equal(anyway.notice?.level, "success", JSON.stringify(anyway));
  await page.close();
});

test("the notice moves off the message box it has just written into: beside it, or above it when there is no room", async () => {
  await h.setSettings(SETTINGS);
  /** Whether the notice and the box overlap, and where each is. */
  const where = (page) =>
    page.evaluate(() => {
      const [n, b] = [document.querySelector("[popover]"), document.querySelector("[data-fx-composer]")].map((e) => e.getBoundingClientRect());
      const apart = n.bottom <= b.top || n.top >= b.bottom || n.right <= b.left || n.left >= b.right;
      return { apart, notice: [n.left, n.top, n.right, n.bottom].map(Math.round), box: [b.left, b.top, b.right, b.bottom].map(Math.round), first: b.top };
    });
  // A box docked right under the notice's corner (a short window), then one as wide as the window,
  // low enough for the success notice above it (289 px tall with its reason labelled, 16 px apart).
  for (const [css, side] of [
    [".msg-form__contenteditable { position: fixed !important; top: 40px; right: 24px; width: 360px; height: 240px; }", "left"],
    [".msg-form__contenteditable { position: fixed !important; top: 340px; left: 8px; right: 8px; height: 200px; }", "above"],
  ]) {
    const page = await openVariant([], { css });
    const record = await h.click(page);
    assert.equal(record.notice?.level, "success", JSON.stringify(record.notice));
    await sleep(200);
    const seen = await where(page);
    assert.ok(seen.apart, `${side}: ${JSON.stringify(seen)}`);
    if (side === "left") assert.ok(seen.notice[2] <= seen.box[0] - 16, JSON.stringify(seen));
    else assert.ok(seen.notice[3] <= seen.box[1] - 16 && seen.notice[1] === 16, JSON.stringify(seen));
    await page.close();
  }
});

test("a message box near the top of a narrow window: the notice goes below it, whole; shortened, its buttons stay in sight", async () => {
  await h.setSettings(SETTINGS);
  // A 500 × 800 window, the box 170 px from the top: above it only, the notice was 138 px tall
  // and its buttons (Reply as, Shorter, Restore) scrolled out of sight, with room to spare below.
  // Then a box lower in a shorter window, 218 px above it: shortened there, its buttons in sight.
  // And a tall box with under 200 px either side: it stays in its corner, whole (squeezed into
  // 148 px below the box, an open menu pushed its buttons out of sight).
  for (const [top, end, height] of [[170, "height: 200px", 800], [250, "height: 200px", 600], [140, "bottom: 180px", 800]]) {
    const css = `.msg-form__contenteditable { position: fixed !important; top: ${top}px; left: 8px; right: 8px; ${end}; }`;
    const page = await h.blank({ window: true });
    await page.setViewportSize({ width: 500, height });
    await openVariant([], { css, into: page });
    const record = await h.click(page);
    assert.equal(record.notice?.level, "success", JSON.stringify(record.notice));
    await sleep(200);
    // Where the click's agent ran: the extension's isolated world, which holds the closed shadow root.
    const seen = await h.isolated(page.url(), String(() => {
      const shadow = globalThis.__notyetAgent.shadow;
      const [n, b, inner] = [document.querySelector("[popover]"), document.querySelector("[data-fx-composer]"), shadow.querySelector(".box")].map((e) => e.getBoundingClientRect());
      const hidden = [...shadow.querySelectorAll(".row > button")].filter((x) => ((r) => r.top < inner.top || r.bottom > inner.bottom)(x.getBoundingClientRect())).map((x) => x.textContent);
      return { apart: n.bottom <= b.top || n.top >= b.bottom, below: n.top >= b.bottom, top: Math.round(n.top), h: Math.round(n.height), hidden, window: innerHeight };
    }));
    assert.deepEqual(seen.hidden, [], `every button in sight: ${JSON.stringify(seen)}`);
    if (end.startsWith("bottom")) assert.ok(seen.top === 16 && seen.h > 250, `in its corner, whole: ${JSON.stringify(seen)}`);
    else assert.ok(seen.apart, JSON.stringify(seen));
    if (top === 170) assert.ok(seen.below && seen.h > 250, `below the box, whole: ${JSON.stringify(seen)}`);
    await page.close();
  }
});

test("a stylesheet aimed at every element (`body *`, `html > *`, `[popover]`) hides the page, not the notice", async () => {
  // Everything below the root: the page blanks itself, and the notice stays where it belongs.
  // (`html` itself at display: none would leave no page to show anything on.)
  const css = `body, body *, html > *, [popover], :popover-open, :focus-within {
    display: none !important; visibility: hidden !important; opacity: 0 !important; transform: translate(-9999px) !important;
    position: static !important; width: 0 !important; max-height: 0 !important; overflow: hidden !important; }`;
  const page = await openVariant([], { css });
  await page.evaluate(agent, { op: "notice", level: "warning", text: "This invitation looks like spam.", actions: [{ label: "Options", request: { type: "options" } }] });
  await sleep(150);
  const seen = await page.evaluate(() => {
    const host = document.querySelector("[popover]");
    const r = host.getBoundingClientRect();
    const s = getComputedStyle(host);
    return { w: r.width, h: r.height, top: r.top, display: s.display, visibility: s.visibility, opacity: s.opacity, hit: document.elementFromPoint(r.left + r.width / 2, r.top + 10) === host };
  });
  assert.deepEqual([seen.display, seen.visibility, seen.opacity, Math.round(seen.top), seen.hit], ["block", "visible", "1", 16, true], JSON.stringify(seen));
  assert.ok(seen.w > 200 && seen.h > 40, JSON.stringify(seen));
  assert.equal((await inside(page)).text, "This invitation looks like spam.");
  await page.close();
});

test("a page zoomed down at its root and back up at its body (it looks as ever) doesn't shrink the notice to a speck", async () => {
  // CSS `zoom` multiplies down the tree and `all: initial` doesn't undo an ancestor's: the notice,
  // a child of the root, was drawn at a tenth of its size (40 × 18 px) in both browsers.
  const page = await openVariant([], { css: "html { zoom: 0.1; } body { zoom: 10; }" });
  const record = await h.click(page);
  assert.ok(record.notice, JSON.stringify(record));
  await sleep(150);
  const seen = await page.evaluate(() => {
    const r = document.querySelector("[popover]").getBoundingClientRect();
    return { w: Math.round(r.width), h: Math.round(r.height), right: Math.round(innerWidth - r.right), top: Math.round(r.top) };
  });
  assert.ok(seen.w >= 380 && seen.w <= 400 && seen.h > 60, JSON.stringify(seen));
  // Show's frames too: drawn from the page's own rectangles, at the root's tenth they stood a tenth of the way there.
  await page.evaluate(snapshot, { op: "snapshot" });
  const node = await page.evaluate(() => globalThis.__notyetAgent.ids.get(document.body.querySelector("*")));
  await page.evaluate(agent, { op: "outline", marks: [{ node, label: "Sam" }], scroll: node });
  assert.equal(await page.evaluate(() => globalThis.__notyetAgent.frames.host.currentCSSZoom), 1);
  await page.close();
});
