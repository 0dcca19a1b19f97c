// `./build.sh demo [--headed]`: a sample invitation page with the message box open, the built
// extension in Chromium, one click on the toolbar button; prints the draft, saves dist/demo.png.
// Headless, it then makes the store's pictures in dist/screenshots/ (tests/store-art.mjs).
import fs from "node:fs";
import path from "node:path";
import { launch, ROOT } from "./harness.mjs";
import { OUT, renderArt } from "./store-art.mjs";

const headed = process.argv.includes("--headed");
if (headed && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error("--headed needs a display (DISPLAY is not set): run ./build.sh demo for the headless demo");
  process.exit(2);
}
const dir = path.join(ROOT, "tests/demo");
const sample = JSON.parse(fs.readFileSync(path.join(dir, "invitation.json"), "utf8"));
const h = await launch({ headed });
try {
  h.host(sample.url, path.join(dir, "invitation.html"), { dir });
  await h.setSettings(sample.settings);
  const page = await h.open(sample.url);
  const record = await h.click(page);
  await page.waitForTimeout(150); // the notice follows the text by a moment
  const draft = await page.evaluate(() => document.querySelector("[contenteditable]").innerText.replace(/\n{3,}/g, "\n\n").trim());
  const send = await page.evaluate(() => !document.querySelector("button[type=submit]").disabled);
  console.log(`Page: ${sample.url} (served locally)`);
  console.log(`Notice: ${record.notice?.text ?? record.error}`);
  console.log(`Click to draft: ${(record.inserted - record.start).toFixed(1)} ms (first click, WASM loaded on the way)`);
  console.log(`Send enabled by the page's editor: ${send ? "yes" : "no"}`);
  console.log(`\n--- drafted text ---\n${draft}\n--------------------`);
  fs.mkdirSync(path.join(ROOT, "dist"), { recursive: true });
  await page.screenshot({ path: path.join(ROOT, "dist/demo.png") });
  console.log("saved dist/demo.png");
  if (!headed) {
    // 1280×800, light and dark: the notice after a draft, the options page and the welcome page.
    fs.mkdirSync(OUT, { recursive: true });
    for (const scheme of ["light", "dark"]) {
      const shot = await h.context.newPage();
      await shot.emulateMedia({ colorScheme: scheme });
      await shot.goto(sample.url, { waitUntil: "load" });
      await h.click(shot);
      await shot.waitForTimeout(300); // the notice has appeared and settled
      await shot.screenshot({ path: path.join(OUT, `notice-${scheme}.png`) });
      await shot.close();
      const options = await h.context.newPage();
      await options.emulateMedia({ colorScheme: scheme });
      await options.goto(h.extensionUrl("options.html"));
      await options.waitForSelector("html[data-ready]", { timeout: 10000 });
      await options.screenshot({ path: path.join(OUT, `options-${scheme}.png`) });
      await options.close();
      // The welcome page a new user meets, with a name typed so the sample's draft signs with it.
      const welcome = await h.context.newPage();
      await welcome.emulateMedia({ colorScheme: scheme });
      await welcome.goto(h.extensionUrl("welcome.html"));
      await welcome.waitForSelector("html[data-ready]", { timeout: 10000 });
      await welcome.screenshot({ path: path.join(OUT, `welcome-${scheme}.png`) });
      await welcome.close();
    }
    const art = await h.context.newPage();
    await renderArt(art);
    await art.close();
    console.log(`saved the store's pictures in ${path.relative(ROOT, OUT)}/: ${fs.readdirSync(OUT).sort().join(", ")}`);
  }
  if (headed) {
    console.log("The browser stays open: edit the draft, click NotYet again, close the window when done.");
    await new Promise((resolve) => h.context.on("close", resolve));
  }
} finally {
  await h.close().catch(() => {});
}
