/** The options page is Rust (crates/options): this only loads it and hands it the extension API. */
import { api } from "./browser.js";
import init, { start } from "./wasm/notyet_options.js";

await init();
await start(api).catch((e) => (document.body.textContent = `NotYet: ${e}`));
