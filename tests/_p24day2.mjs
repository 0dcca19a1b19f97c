// picky24 tour (not kept): a day-two user. Yesterday's record, the panel at 360/420/1280
// light/dark, Hide handled, the AX tree, the options page's Panel progress, Export and Clear.
import fs from "node:fs";
import path from "node:path";
import { launch, ROOT } from "./harness.mjs";
const LANG = process.env.L || "en";
const OUT = "/work/wt/notes/picky24";
const DIR = path.join(ROOT, "tests/fixtures/panel");
const MANAGER = "https://www.linkedin.com/mynetwork/invitation-manager/received/";
const spec = JSON.parse(fs.readFileSync(path.join(DIR, "panel-40.json"), "utf8"));
const h = await launch({ lang: LANG === "en" ? undefined : LANG });
const log = (...a) => console.log(...a);
const day = 864e5;
try {
  await h.setSettings(JSON.parse(fs.readFileSync(path.join(DIR, "settings.json"), "utf8")));
  const p = spec.people;
  const entries = [
    { key: p[2].href, name: p[2].name, drafted: Date.now() - day },
    { key: p[5].href, name: p[5].name, drafted: Date.now() - 3 * day },
    { key: p[7].href, name: p[7].name, drafted: Date.now() - 2 * 60e3 },
    { key: "https://www.linkedin.com/in/robin-gone/", name: "Robin Gone", drafted: Date.now() - 4 * day, gone: Date.now() - day },
  ];
  await h.ext((r) => chrome.storage.local.set({ panel_record: r }), { entries });
  h.host(MANAGER, path.join(DIR, "panel-40.html"), { dir: DIR });
  const page = await h.open(MANAGER);
  const id = await h.ext(async (url) => (await chrome.tabs.query({ url })).map((t) => t.id).at(-1), MANAGER);
  const panel = await h.open(h.extensionUrl(`panel.html?tab=${id}`));
  await panel.setViewportSize({ width: 360, height: 720 });
  await panel.waitForSelector("html[data-ready]");
  await panel.waitForTimeout(400);
  const rowsText = () => panel.evaluate(() => [...document.querySelectorAll(".row")].slice(0, 8).map((r) => r.innerText.replace(/\n/g, " | ")));
  log("ROWS", JSON.stringify(await rowsText(), null, 1));
  log("READ", await panel.evaluate(() => document.querySelector("#read")?.textContent));
  for (const [w, hgt] of [[360, 720], [420, 800], [1280, 800]]) {
    for (const scheme of ["light", "dark"]) {
      await panel.setViewportSize({ width: w, height: hgt });
      await panel.emulateMedia({ colorScheme: scheme });
      await panel.waitForTimeout(150);
      await panel.screenshot({ path: `${OUT}/d2-panel-${w}-${scheme}-${LANG}.png` });
    }
  }
  await panel.emulateMedia({ colorScheme: "light" });
  await panel.setViewportSize({ width: 360, height: 720 });
  // Hide handled: what it says, what's left.
  const hide = await panel.evaluate(() => { const b = [...document.querySelectorAll("button, input, label")].find((e) => /hide|ausblend|masquer/i.test(e.textContent + (e.getAttribute("aria-label") ?? ""))); return b ? `${b.tagName} ${b.outerHTML.slice(0, 200)}` : "none"; });
  log("HIDE CONTROL", hide);
  await panel.locator("#hide").click();
  await panel.waitForTimeout(300);
  log("AFTER HIDE READ", await panel.evaluate(() => document.querySelector("#read")?.textContent), "MSG", await panel.evaluate(() => document.querySelector("#msg")?.textContent));
  log("ROWS AFTER HIDE", JSON.stringify(await rowsText(), null, 1));
  await panel.screenshot({ path: `${OUT}/d2-panel-hidden-${LANG}.png` });
  // Options: the record.
  const opts = await h.open(h.extensionUrl("options.html"));
  await opts.waitForSelector("html[data-ready]");
  await opts.setViewportSize({ width: 420, height: 800 });
  await opts.waitForFunction(() => document.querySelector("#progress-list")?.textContent.length > 0);
  await opts.evaluate(() => document.querySelector("#progress-list").scrollIntoView({ block: "center" }));
  await opts.waitForTimeout(200);
  await opts.screenshot({ path: `${OUT}/d2-options-progress-420-${LANG}.png` });
  log("PROGRESS SECTION", await opts.evaluate(() => document.querySelector("#progress-list").closest("section")?.innerText));
} finally {
  await h.close();
}
