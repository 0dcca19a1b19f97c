// picky24 tour (not kept): hostile names and notes in panel rows, details, and the notice (Draft reply).
import fs from "node:fs";
import path from "node:path";
import { launch, ROOT } from "./harness.mjs";
const LANG = process.env.L || "en";
const OUT = "/work/wt/notes/picky24";
const DIR = "/tmp/p24hostile";
const MANAGER = "https://www.linkedin.com/mynetwork/invitation-manager/received/";
const h = await launch({ lang: LANG === "en" ? undefined : LANG });
const log = (...a) => console.log(...a);
try {
  await h.setSettings(JSON.parse(fs.readFileSync(path.join(DIR, "settings.json"), "utf8")));
  h.host(MANAGER, path.join(DIR, "panel-40.html"), { dir: DIR });
  const page = await h.open(MANAGER);
  const id = await h.ext(async (url) => (await chrome.tabs.query({ url })).map((t) => t.id).at(-1), MANAGER);
  const t0 = Date.now();
  const panel = await h.open(h.extensionUrl(`panel.html?tab=${id}`));
  await panel.setViewportSize({ width: 360, height: 900 });
  await panel.waitForSelector("html[data-ready]");
  log("panel ready in", Date.now() - t0, "ms");
  await panel.waitForTimeout(400);
  log("READ", await panel.evaluate(() => document.querySelector("#read").textContent));
  await panel.screenshot({ path: `${OUT}/h-panel-360-${LANG}.png` });
  await panel.setViewportSize({ width: 1280, height: 900 });
  await panel.screenshot({ path: `${OUT}/h-panel-1280-${LANG}.png` });
  await panel.setViewportSize({ width: 360, height: 900 });
  for (const who of ["Casey", "Kai", "محمد", "Gray", "Eli"]) {
    await panel.locator("#text").fill(who);
    await panel.waitForTimeout(200);
    await panel.locator(".row").first().click();
    await panel.waitForTimeout(200);
    const info = await panel.evaluate(() => ({ row: document.querySelector(".row").innerText.slice(0, 300), label: document.querySelector(".row").getAttribute("aria-label")?.slice(0, 200), detailLen: document.querySelector("#detail").innerText.length, scrollW: document.documentElement.scrollWidth }));
    log(who, JSON.stringify(info));
    await panel.screenshot({ path: `${OUT}/h-detail-${who.replace(/[^\w]/g, "x")}-${LANG}.png` });
  }
  // Draft reply on Casey (1 MB note) and Kai (RLO): the notice on the page.
  for (const who of ["Casey", "Kai", "محمد"]) {
    await panel.locator("#text").fill(who);
    await panel.waitForTimeout(200);
    await panel.locator(".row").first().click();
    const t = Date.now();
    await panel.locator("#do-draft").click().catch((e) => log("no draft", e.message));
    await panel.waitForFunction(() => /draft|Entwurf|brouillon/i.test(document.querySelector("#msg").textContent), null, { timeout: 15000 }).catch(() => {});
    log(who, "draft ->", Date.now() - t, "ms:", await panel.evaluate(() => document.querySelector("#msg").textContent));
    await page.bringToFront?.();
    await page.waitForTimeout(400);
    const notice = await h.isolated(page.url(), "() => globalThis.__notyetAgent?.shadow?.textContent ?? null").catch((e) => e.message);
    log(who, "NOTICE:", String(notice).slice(0, 400));
    await page.screenshot({ path: `${OUT}/h-notice-${who.replace(/[^\w]/g, "x")}-${LANG}.png` });
  }
} finally {
  await h.close();
}
