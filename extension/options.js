/** The options page is Rust (crates/options): this only loads it and hands it the extension API. */
import { api } from "./browser.js";
import init, { start } from "./wasm/notyet_wasm.js";

// The stored settings are read while the WASM loads.
const stored = Promise.all([api.storage.local.get(["settings", "sync_settings"]), api.storage.session?.get("lastRead") ?? {}]);
await init();
await start(api, stored).catch((e) => (document.body.textContent = `NotYet: ${e}`));
// The sticky header's height as --head (options.css): it grows with the status area and wraps
// at narrow widths; jumps to a section and the preview's place follow it.
const header = document.querySelector("header");
if (header) new ResizeObserver(() => document.documentElement.style.setProperty("--head", `${header.offsetHeight}px`)).observe(header);
