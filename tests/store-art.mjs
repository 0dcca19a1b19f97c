// The store's pictures, rendered reproducibly by `./build.sh demo` (the same Chromium and fonts
// give the same bytes): the 128 px icon and the small promo tile (440×280) from the drawings
// here, and 1280×800 screenshots of the notice on a page and of the options page, in light and
// dark color schemes. Everything goes to dist/screenshots/.
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./harness.mjs";

export const OUT = path.join(ROOT, "dist/screenshots");

/** The icon: NotYet's teal rounded square with a white N, drawn as a path so no font is needed. */
export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128" width="128" height="128">
  <rect x="4" y="4" width="120" height="120" rx="22" fill="#0a666e"/>
  <path d="M34 100V28h16l28 44V28h16v72H78L50 56v44z" fill="#fff"/>
</svg>`;

/** The small promo tile: the icon, the name, and the idea in a line. */
const TILE_HTML = `<!doctype html><meta charset="utf-8"><style>
  html, body { margin: 0; width: 440px; height: 280px; overflow: hidden; }
  body { display: flex; align-items: center; gap: 24px; box-sizing: border-box; padding: 0 32px;
    background: linear-gradient(135deg, #0a666e, #07484e); color: #fff; font-family: "DejaVu Sans", sans-serif; }
  img { width: 112px; height: 112px; flex: none; filter: drop-shadow(0 4px 10px rgba(0,0,0,.3)); }
  h1 { margin: 0 0 8px; font-size: 40px; letter-spacing: -0.5px; }
  p { margin: 0; font-size: 17px; line-height: 1.35; color: #d8efef; }
</style><img alt="" src="data:image/svg+xml,${encodeURIComponent(ICON_SVG.replace('fill="#0a666e"', 'fill="#0a666e" stroke="#fff" stroke-width="3"'))}">
<div><h1>NotYet</h1><p>A warm "not yet" to LinkedIn invitations from strangers, drafted for you to send.</p></div>`;

/** Renders the icon and the promo tile with `page` (a Chromium page). */
export async function renderArt(page) {
  fs.mkdirSync(OUT, { recursive: true });
  await page.setViewportSize({ width: 128, height: 128 });
  await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}</style>${ICON_SVG}`);
  await page.screenshot({ path: path.join(OUT, "icon-128.png"), omitBackground: true });
  await page.setViewportSize({ width: 440, height: 280 });
  await page.setContent(TILE_HTML);
  await page.screenshot({ path: path.join(OUT, "promo-small-440x280.png") });
}
