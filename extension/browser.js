/**
 * The one place that picks the WebExtension API object: Firefox's `browser`, else Chrome's
 * `chrome` (both promise-based in Manifest V3).
 */
export const api = globalThis.browser ?? globalThis.chrome;
