/**
 * The page-report page: shows the masked snapshot the service worker left in session storage,
 * and saves it as a JSON file through a blob URL (a plain download: no permission needed).
 */
import { api } from "./browser.js";

const say = (key, fallback) => api.i18n.getMessage(key) || fallback;
for (const [id, key] of [["title", "report_title"], ["intro", "report_intro"], ["save", "report_save"], ["discard", "report_discard"]]) {
  const el = document.getElementById(id);
  el.textContent = say(key, el.textContent);
}
// The locale's own language, as on the other pages (getUILanguage() can differ from it).
document.documentElement.lang = say("html_lang", "en");
document.title = say("report_title", document.title);
document.getElementById("report").setAttribute("aria-label", say("report_title", "The page report"));

const { pageReport } = await api.storage.session.get("pageReport");
const pre = document.getElementById("report");
const save = document.getElementById("save");
if (!pageReport) {
  // Said in the intro's place: no "This is the page as NotYet saw it" above nothing, no Save that does nothing.
  document.getElementById("intro").textContent = say("report_none", "No page report is waiting. Click NotYet on a LinkedIn page, then “Not right?” on its notice.");
  pre.remove();
  document.querySelector(".actions").remove();
} else {
  const text = JSON.stringify(JSON.parse(pageReport), null, 1);
  pre.textContent = text;
  save.disabled = false;
  save.addEventListener("click", () => {
    const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    const a = Object.assign(document.createElement("a"), { href: url, download: `notyet-page-report-${new Date().toISOString().slice(0, 10)}.json` });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  });
}
document.getElementById("discard")?.addEventListener("click", async () => {
  // This page's report only: a later "Not right?" put its own in the key, and its own page shows it.
  if ((await api.storage.session.get("pageReport")).pageReport === pageReport) await api.storage.session.remove("pageReport");
  window.close();
});
document.documentElement.dataset.ready = "";
