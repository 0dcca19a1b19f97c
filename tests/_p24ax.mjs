// picky24 tour (not kept): the panel with a screen reader's eye: AX tree (CDP), filters by keyboard, live regions.
import fs from "node:fs";
import path from "node:path";
import { launch, ROOT } from "./harness.mjs";
const LANG = process.env.L || "en";
const OUT = "/work/wt/notes/picky24";
const DIR = path.join(ROOT, "tests/fixtures/panel");
const MANAGER = "https://www.linkedin.com/mynetwork/invitation-manager/received/";
const h = await launch({ lang: LANG === "en" ? undefined : LANG });
const log = (...a) => console.log(...a);
try {
  await h.setSettings(JSON.parse(fs.readFileSync(path.join(DIR, "settings.json"), "utf8")));
  h.host(MANAGER, path.join(DIR, "panel-40.html"), { dir: DIR });
  await h.open(MANAGER);
  const id = await h.ext(async (url) => (await chrome.tabs.query({ url })).map((t) => t.id).at(-1), MANAGER);
  const panel = await h.open(h.extensionUrl(`panel.html?tab=${id}`));
  await panel.setViewportSize({ width: 360, height: 720 });
  await panel.waitForSelector("html[data-ready]");
  await panel.waitForTimeout(400);
  const cdp = await panel.context().newCDPSession(panel);
  const ax = async (label) => {
    const { nodes } = await cdp.send("Accessibility.getFullAXTree");
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const lines = [];
    const walk = (n, d) => {
      const role = n.role?.value;
      const name = n.name?.value ?? "";
      const skip = n.ignored || ["generic", "none", "InlineTextBox", "LineBreak"].includes(role);
      const props = (n.properties || []).filter((p) => ["focused", "selected", "pressed", "live", "busy", "disabled", "setsize", "posinset", "activedescendant", "checked", "atomic", "relevant"].includes(p.name)).map((p) => `${p.name}=${JSON.stringify(p.value.value ?? p.value.relatedNodes?.map((r) => r.idref ?? r.backendDOMNodeId))}`);
      const desc = n.description?.value ? ` desc="${n.description.value}"` : "";
      if (!skip) lines.push(`${"  ".repeat(d)}${role} "${name.slice(0, 140)}"${desc} ${props.join(" ")}`);
      for (const c of n.childIds || []) { const k = byId.get(c); if (k) walk(k, skip ? d : d + 1); }
    };
    walk(nodes[0], 0);
    fs.writeFileSync(`${OUT}/ax-${label}-${LANG}.txt`, lines.join("\n"));
    return lines;
  };
  await ax("start");
  // Watch the live regions: every text they get.
  await panel.evaluate(() => {
    window.__said = [];
    for (const id of ["msg-polite", "msg-alert"]) new MutationObserver(() => window.__said.push(`${id}: ${document.getElementById(id).textContent}`)).observe(document.getElementById(id), { childList: true, characterData: true, subtree: true });
  });
  const said = () => panel.evaluate(() => window.__said.splice(0));
  const state = async () => panel.evaluate(() => ({ read: document.querySelector("#read").textContent, rows: document.querySelectorAll(".row").length, empty: document.querySelector(".empty, #empty")?.textContent, focus: document.activeElement.id || document.activeElement.tagName }));
  // Keyboard: Tab to the first count button, press it.
  await panel.locator("#counts button").first().focus();
  await panel.keyboard.press("Enter");
  await panel.waitForTimeout(200);
  log("count Accept pressed", JSON.stringify(await state()), JSON.stringify(await said()));
  await ax("count-pressed");
  await panel.keyboard.press("Enter");
  await panel.waitForTimeout(200);
  log("count Accept released", JSON.stringify(await state()), JSON.stringify(await said()));
  await panel.locator("#text").focus();
  await panel.keyboard.type("Finley");
  await panel.waitForTimeout(300);
  log("search Finley", JSON.stringify(await state()), JSON.stringify(await said()));
  await panel.keyboard.press("Control+a");
  await panel.keyboard.type("zzzz");
  await panel.waitForTimeout(300);
  log("search zzzz", JSON.stringify(await state()), JSON.stringify(await said()));
  await ax("search-none");
  await panel.screenshot({ path: `${OUT}/ax-search-none-${LANG}.png` });
  await panel.keyboard.press("Tab");
  log("tab from search ->", await panel.evaluate(() => `${document.activeElement.id} ${document.activeElement.getAttribute("role")}`));
  await panel.keyboard.press("Shift+Tab");
  await panel.keyboard.press("Control+a");
  await panel.keyboard.press("Backspace");
  await panel.waitForTimeout(200);
  await panel.locator("#category").focus();
  await panel.keyboard.press("ArrowDown");
  await panel.waitForTimeout(300);
  log("category down", JSON.stringify(await state()), await panel.evaluate(() => document.querySelector("#category").value), JSON.stringify(await said()));
  await panel.locator("#hide").focus();
  await panel.keyboard.press("Space");
  await panel.waitForTimeout(200);
  log("hide space", JSON.stringify(await state()), JSON.stringify(await said()));
  await panel.locator("#list").focus();
  await panel.keyboard.press("ArrowDown");
  await panel.waitForTimeout(200);
  await ax("list-selected");
  await panel.keyboard.press("Enter");
  await panel.waitForTimeout(1200);
  log("enter", JSON.stringify(await state()), JSON.stringify(await said()));
} finally {
  await h.close();
}
