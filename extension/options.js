/**
 * The options page shell: edits the settings JSON kept in `chrome.storage.local` ("settings"),
 * checked by the core before it is saved. The service worker picks a change up on its next click.
 */
import { api } from "./browser.js";
import init, { checkSettings } from "./wasm/notyet_wasm.js";

const text = document.getElementById("settings");
const save = document.getElementById("save");
const problems = document.getElementById("problems");

/** Lists messages under the editor; `bad` marks them as problems. */
function say(lines, bad) {
  problems.replaceChildren(...lines.map((line) => Object.assign(document.createElement("li"), { textContent: line })));
  problems.classList.toggle("bad", bad);
}

const [, stored] = await Promise.all([init(), api.storage.local.get("settings")]);
text.value = JSON.stringify(stored.settings ?? {}, null, 2);
save.disabled = false;

save.addEventListener("click", async () => {
  const found = JSON.parse(checkSettings(text.value));
  if (found.length) return say(found.map((p) => `${p.path}: ${p.message}`), true);
  await api.storage.local.set({ settings: JSON.parse(text.value) });
  say(["Saved. The next click uses these settings."], false);
});
