// The shipped worker starts whole where the browser lacks the optional APIs: Firefox for Android
// has no menus, commands or sidebar, and a Chromium may lack chrome.sidePanel. A throw at one
// top-level line ended the start there, and every listener and `const` after it with it (the
// click's `busy` then threw on every click). `node --test tests/worker-start.test.mjs` after
// ./build.sh: each dist/ build's background.js evaluated under Node with a stand-in API object.
import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";

const ROOT = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const MISSING = new Set(["contextMenus", "menus", "commands", "sidePanel", "sidebarAction"]);

for (const browser of ["chrome", "firefox"]) {
  test(`${browser}: the worker starts with no menus, commands or side panel API, every listener registered`, async () => {
    const registered = [];
    // Any property is another stand-in; a call registers a listener or resolves to nothing.
    const stub = (name) =>
      new Proxy(function () {}, {
        get: (_, key) => (key === "then" || typeof key === "symbol" ? undefined : stub(`${name}.${key}`)),
        apply: () => {
          if (name.endsWith(".addListener")) registered.push(name.slice(0, -".addListener".length));
          return Promise.resolve(undefined);
        },
      });
    const api = new Proxy({}, { get: (_, key) => (MISSING.has(key) || typeof key === "symbol" ? undefined : stub(key)), has: (_, key) => !MISSING.has(key) });
    globalThis.browser = globalThis.chrome = api;
    await import(pathToFileURL(path.join(ROOT, "dist", browser, "background.js")).href);
    assert.deepEqual(registered, ["action.onClicked", "runtime.onMessage", "runtime.onInstalled", "storage.onChanged", "tabs.onRemoved"]);
  });
}
