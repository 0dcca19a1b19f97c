/** The welcome page is Rust (crates/options/src/welcome.rs): this only loads it and hands it the extension API. */
import { api } from "./browser.js";
import init, { startWelcome } from "./wasm/notyet_wasm.js";

// The stored settings are read while the WASM loads.
const stored = api.storage.local.get("settings");
await init();
await startWelcome(api, stored).catch((e) => (document.body.textContent = `NotYet: ${e}`));
