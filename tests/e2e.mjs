// The page-fixture runner (the format: tests/fixtures/README.md): `[BROWSER=firefox] node tests/e2e.mjs [DIR]`.
// Each NAME.html + NAME.json pair is served at its `url`, the toolbar action is clicked once,
// and what the extension read and wrote is checked. Prints `ok NAME` / `FAIL NAME: why`, then
// `N passed, N failed`; exits 1 when any failed.
import fs from "node:fs";
import path from "node:path";
import { box, fold, launch, STRICT_CSP } from "./harness.mjs";

/** What is wrong with the click's outcome, as a list of reasons (empty: the fixture passes). */
export function check(expect, { record, read, before, after }) {
  const why = [];
  if (record.error) why.push(`the click failed: ${record.error}`);
  if (expect.invitations) {
    const got = read ?? [];
    if (got.length !== expect.invitations.length) why.push(`read ${got.length} invitations, expected ${expect.invitations.length}`);
    expect.invitations.forEach((want, k) => {
      for (const [field, value] of Object.entries(want)) {
        const have = got[k]?.[field];
        const same = typeof value === "string" ? fold(have) === fold(value) : JSON.stringify(have ?? null) === JSON.stringify(value);
        if (!same) why.push(`invitation ${k + 1} ${field}: got ${JSON.stringify(have)}, expected ${JSON.stringify(value)}`);
      }
    });
  }
  if (expect.draft === null) {
    if (fold(before?.text) !== fold(after?.text)) why.push(`nothing may be written, but the box changed to ${JSON.stringify(fold(after?.text))}`);
  } else if (expect.draft) {
    const text = fold(after?.text);
    if (!after) why.push("no message box (data-fx-composer) on the page");
    for (const want of expect.draft.contains ?? []) if (!text.includes(fold(want))) why.push(`the draft lacks ${JSON.stringify(want)}: ${JSON.stringify(text)}`);
    for (const bad of expect.draft.not_contains ?? []) if (text.includes(fold(bad))) why.push(`the draft holds ${JSON.stringify(bad)}`);
    const start = expect.draft.starts_with;
    if (start != null && !text.startsWith(fold(start))) why.push(`the draft does not start with ${JSON.stringify(start)}: ${JSON.stringify(text)}`);
    if (after?.sendDisabled) why.push("the page's Send button (data-fx-send) stayed disabled");
  }
  if (expect.notice != null && !fold(record.notice?.text).includes(fold(expect.notice))) {
    why.push(`the notice says ${JSON.stringify(record.notice?.text ?? null)}, not ${JSON.stringify(expect.notice)}`);
  }
  if (after?.model != null && fold(after.model) !== fold(after.text)) {
    why.push(`the page's editor model ${JSON.stringify(after.model)} differs from the box ${JSON.stringify(fold(after.text))}`);
  }
  return why;
}

/** Runs one fixture in a fresh tab; returns the reasons it failed. */
export async function runFixture(harness, dir, name) {
  const fixture = JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), "utf8"));
  harness.host(fixture.url, path.join(dir, `${name}.html`), { dir, csp: fixture.csp ?? STRICT_CSP });
  await harness.setSettings(fixture.settings ?? null);
  await harness.clearLastRead();
  const page = await harness.open(fixture.url);
  try {
    const before = await box(page);
    const record = await harness.click(page);
    return check(fixture.expect ?? {}, { record, read: await harness.lastRead(), before, after: await box(page) });
  } finally {
    await page.close();
  }
}

/** Every NAME that has both NAME.html and NAME.json in `dir`, sorted. */
export function fixtures(dir) {
  return fs.readdirSync(dir).filter((f) => f.endsWith(".json") && fs.existsSync(path.join(dir, f.replace(/\.json$/, ".html"))))
    .map((f) => f.replace(/\.json$/, "")).sort();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.resolve(process.argv[2] ?? "tests/fixtures/pages");
  const harness = await launch();
  let passed = 0;
  let failed = 0;
  try {
    for (const name of fixtures(dir)) {
      const why = await runFixture(harness, dir, name).catch((e) => [e.message.split("\n")[0]]);
      if (why.length) failed++, console.log(`FAIL ${name}: ${why.join("; ")}`);
      else passed++, console.log(`ok ${name}`);
    }
  } finally {
    await harness.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}
