/**
 * The one place that picks the WebExtension API object: Firefox's `browser`, else Chrome's
 * `chrome` (both promise-based in Manifest V3).
 */
export const api = globalThis.browser ?? globalThis.chrome;

/** Where extension pages keep the core's snapshot request for the side panel's first reading (panel-early.js). */
export const REQUEST_KEY = "notyet_snapshot_request";

/**
 * Keeps the request (a string the core wrote, compared whole) for the panel's next start. The
 * panel keeps it, and the welcome page, opened at install, so that the first open has it too.
 */
export function keepRequest(request) {
  try {
    if (localStorage.getItem(REQUEST_KEY) !== request) localStorage.setItem(REQUEST_KEY, request);
  } catch {
    // Not kept (storage refused): the panel reads the page once its WASM has loaded.
  }
}
