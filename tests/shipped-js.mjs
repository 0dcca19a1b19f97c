// What ships is the code that was tested: each JavaScript file in dist/{chrome,firefox} must have
// the same tokens as the test build's copy in target/ext-test/ (scripts/assemble.py removes only
// comment lines from it, and from the CSS). background.js and agent.js also lose their test seams, so there the shipped tokens
// must appear in the test build's in the same order, with nothing changed.
import fs from "node:fs";
import path from "node:path";
import { tokenizer } from "acorn";

const ROOT = path.dirname(path.dirname(new URL(import.meta.url).pathname));

const tokens = (file) =>
  [...tokenizer(fs.readFileSync(file, "utf8"), { ecmaVersion: "latest", sourceType: "module" })].map(
    (t) => `${t.type.label} ${t.value ?? ""}`,
  );

/** The files under `dir` whose names end in `ext`, in order. */
const filesOf = (dir, ext) =>
  fs.readdirSync(dir, { recursive: true }).filter((f) => f.endsWith(ext)).sort();

let failed = 0;
let checked = 0;
for (const browser of ["chrome", "firefox"]) {
  const shipped = path.join(ROOT, "dist", browser);
  const tested = path.join(ROOT, "target", "ext-test", browser);
  for (const file of filesOf(shipped, ".js")) {
    const a = tokens(path.join(shipped, file));
    const b = tokens(path.join(tested, file));
    let ok;
    if (file === "background.js" || file === "agent.js") {
      let j = 0;
      for (const t of b) if (j < a.length && t === a[j]) j++;
      ok = j === a.length;
    } else {
      ok = a.length === b.length && a.every((t, i) => t === b[i]);
    }
    checked++;
    if (!ok) {
      failed++;
      console.error(`dist/${browser}/${file}: its tokens differ from the test build's`);
    }
  }
}
// Stylesheets lose only comment lines: with every comment removed and white space collapsed,
// shipped and tested CSS must be the same text.
const rules = (file) =>
  fs.readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, " ").replace(/\s+/g, " ").trim();
let css = 0;
for (const browser of ["chrome", "firefox"]) {
  const shipped = path.join(ROOT, "dist", browser);
  for (const file of filesOf(shipped, ".css")) {
    css++;
    if (rules(path.join(shipped, file)) !== rules(path.join(ROOT, "target", "ext-test", browser, file))) {
      failed++;
      console.error(`dist/${browser}/${file}: its rules differ from the test build's`);
    }
  }
}
// Pages lose only comment lines: with every comment removed and white space collapsed, the same.
const markup = (file) =>
  fs.readFileSync(file, "utf8").replace(/<!--[\s\S]*?-->/g, " ").replace(/\s+/g, " ").trim();
let html = 0;
for (const browser of ["chrome", "firefox"]) {
  const shipped = path.join(ROOT, "dist", browser);
  for (const file of filesOf(shipped, ".html")) {
    html++;
    if (markup(path.join(shipped, file)) !== markup(path.join(ROOT, "target", "ext-test", browser, file))) {
      failed++;
      console.error(`dist/${browser}/${file}: its markup differs from the test build's`);
    }
  }
}
console.log(`shipped JavaScript, CSS and HTML: ${checked} scripts, ${css} stylesheets and ${html} pages checked, ${failed} differ`);
process.exit(failed ? 1 : 0);
