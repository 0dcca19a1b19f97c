/** The welcome page is Rust (crates/options/src/welcome.rs): this only loads it and hands it the extension API. */
import { api, keepRequest } from "./browser.js";
import init, { snapshotRequest, startWelcome } from "./wasm/notyet_wasm.js";

// The stored settings are read while the WASM loads.
const stored = api.storage.local.get("settings");
await init();
// The side panel's very first open then reads the page as its later ones do, before its WASM has loaded.
keepRequest(snapshotRequest());
await startWelcome(api, stored).catch((e) => (document.body.textContent = `NotYet: ${e}`));
