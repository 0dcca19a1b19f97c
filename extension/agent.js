import { api } from "./browser.js";

/**
 * The page agent: two self-contained functions, injected on demand with
 * `chrome.scripting.executeScript({target: {tabId}, func, args: [command]})`, one round
 * trip an operation: `snapshot` (below) for the snapshot, `agent` for every other command
 * (`agentFrame` picks). Injection sends the function's source, so it may use nothing from
 * outside; the first copy a document gets runs every later command there (below).
 * It knows nothing of LinkedIn: it copies the page, types text and shows a notice; the core
 * decides what to read and what to write.
 *
 * Commands and answers (all plain JSON):
 * - `{op: "snapshot", attributes, skip, max_depth, class_parts, probe, max_text, max_total_text,
 *   max_attribute}` → the JSON string of a core `Snapshot` (crates/core/src/snapshot.rs), by `snapshot`
 * - `{op: "insert", node, mode: "replace"|"append", lines, notice, gone}` → `{ok: true, text}`, or
 *   `{ok: false, reason: "gone"|"refused", typed}` (`typed`: part of the draft went in before the
 *   refusal); shows `notice` after writing, `gone` when the box is gone
 * - `{op: "notice", level, text, details, choices, actions, close, focus, focus_action, hint, restored}` →
 *   `{ok: true}`: a button of `actions` ({label, request}) or an option of a menu in `choices`
 *   ({label, options, selected}) sends `{type: "notice-action", request}` to the service worker;
 *   `focus` moves the keyboard focus into the notice (it answers the notice's own control): to
 *   the action at `focus_action` if given, else the control at the place of the one used;
 *   `hint` (the key that reaches the notice) is shown under its controls; `restored` is said if
 *   the page removes the notice, which is then put back once
 * - `{op: "focus"}` → `{ok: shown}`: moves the keyboard focus into the notice shown (the
 *   shortcut for it); Escape or closing it gives the focus back where it was
 * - `{op: "outline", marks: [{node, label}], scroll}` → `{ok: true, missing: [ids]}`: scrolls node
 *   `scroll` into view and draws a labelled frame over each mark, in a closed shadow root of its
 *   own (nothing of the page's is restyled); `marks: []` removes the frames
 * - `{op: "click", node}` → `{ok: true}` or `{ok: false, reason: "gone"}`: clicks that element
 *   (the side panel opens a Reply box this way, only when the user asks)
 * - `{op: "scroll", node}` → `{ok: true, moved, hidden}` or `{ok: false, reason: "gone"}`: scrolls the
 *   nearest scrollable container of `node` (or the page) to its end, so a lazy list loads more
 *
 * @param {{op: string} & Record<string, any>} command
 * @param {boolean} [installed] true when called as the document's installed copy (below)
 */
export function agent(command, installed) {
  // Kept on the isolated world's global, which lives as long as the document: ids stay stable
  // across snapshots, and a later call resolves the ids of the last one (`nodes`: id → element).
  const state = (globalThis.__notyetAgent ??= { ids: new WeakMap(), nodes: [], next: 1, toast: null, timer: 0 });
  // Every command runs in the first copy of this exact source the document got: the engine keeps
  // what it learnt running that copy (type feedback, optimized code), which each injected copy
  // would start without. Clicks after the first on the benchmark's 300-invitation page, old and
  // new alternating (41 each, load 8): the walk 16.5 → 12.2 ms (README, performance). Another
  // source (an updated NotYet) installs itself in its place; a new document starts afresh.
  if (!installed) {
    const source = String(agent);
    if (state.source !== source) Object.assign(state, { source, agent });
    return state.agent(command, true);
  }
  /** The element the last snapshot gave id `id`, if any. */
  const nodeOf = (id) => (Number.isInteger(id) && id > 0 ? state.nodes[id] : undefined);

  /**
   * The caret position at the start (`first`) or end of the box's text, inside its innermost
   * first or last element: before a trailing `<br>` (the placeholder of an empty line), past
   * formatting white space (which the page shows as nothing).
   */
  const edge = (box, first) => {
    const shown = (n) => n.nodeType === 1 || (n.nodeType === 3 && /\S/.test(n.data));
    let node = box;
    for (;;) {
      const kids = [...node.childNodes].filter(shown);
      const child = first ? kids[0] : kids[kids.length - 1];
      if (!child) return [node, first ? 0 : node.childNodes.length];
      if (child.nodeType === 3) return [child, first ? child.data.length - child.data.trimStart().length : child.data.trimEnd().length];
      if (child.localName === "br") return [node, [...node.childNodes].indexOf(child)];
      node = child;
    }
  };

  /**
   * A name for the element that holds the notice or the frames: a valid custom element name (a
   * shadow root may be attached to one) that no page stylesheet or script can know. The frames
   * had a fixed one: a page that defined it as its own element took the shadow root in its
   * constructor, and Show then framed nothing (the agent's attachShadow threw).
   */
  const hostName = () => Array.from(crypto.getRandomValues(new Uint8Array(12)), (b, k) => (k === 6 ? "-" : "") + String.fromCharCode(97 + (b % 26))).join("");

  /**
   * The CSS `zoom` that undoes the root's for an element of NotYet's (a child of the root): zoom
   * multiplies down the tree, and `all: initial` resets an element's own, not its parent's. A page
   * zoomed to a tenth at its root and back at its body looks as ever, and drew the notice at 40 × 18 px.
   */
  const unzoom = () => `zoom: ${1 / (parseFloat(getComputedStyle(document.documentElement).zoom) || 1)} !important;`;

  /** Types through the browser's own editing commands, so the page's editor sees trusted input events. */
  const insert = ({ node, mode, lines }) => {
    const box = nodeOf(node);
    if (!box || !box.isConnected) return { ok: false, reason: "gone" };
    const doc = box.ownerDocument;
    const over = mode === "replace" && /\S/.test(box.textContent); // text to type over
    box.focus();
    // An explicit selection in the box's own document (Firefox needs it; shadow roots work in
    // Chromium), with its ends inside the box's own paragraphs. Chromium moves a caret set on the
    // box element into its paragraph; Firefox doesn't, and would type the lines as <div>s beside
    // the page's <p>s (an empty trailing line, two blank lines where one was meant).
    const selection = doc.getSelection();
    const select = (start, end = start) => {
      const range = doc.createRange();
      range.setStart(...start);
      range.setEnd(...end);
      selection.removeAllRanges();
      selection.addRange(range);
    };
    // The browser types where the focus is: a page that moved it off the box into a field of its
    // own (on every focusin) got the draft there, and the notice claimed it in the empty box. Each
    // command is given only while the focus is in the box (or its editing host), else refused.
    // `typed`: a command went in before the refusal (a page that took the focus on the first
    // line's input): the box holds part of the draft, and the notice must not say "nothing changed".
    let typed = false;
    const exec = (...command) => {
      const at = box.getRootNode().activeElement;
      return (at === box || box.contains(at) || (at?.isContentEditable && at.contains(box))) && doc.execCommand(...command) && (typed = true);
    };
    const refused = () => ({ ok: false, reason: "refused", typed });
    if (!box.isContentEditable) {
      const range = doc.createRange();
      range.selectNodeContents(box);
      if (!over) range.collapse(mode === "replace");
      selection.removeAllRanges();
      selection.addRange(range);
    } else if (over) {
      // Typing over several paragraphs at once makes Firefox drop the last paragraph and write
      // <div>s: the paragraphs after the first are deleted first, then the first is typed over.
      let first = edge(box, true)[0];
      while (first !== box && first.parentNode !== box) first = first.parentNode;
      if (first !== box) {
        select(edge(first, false), edge(box, false));
        if (!selection.isCollapsed && !exec("delete")) return refused();
      }
      select(edge(box, true), edge(box, false));
    } else {
      // An empty box: inside its paragraph; text to keep: the end of its last paragraph.
      select(edge(box, mode === "replace"));
    }
    // Typing replaces the selection, so only an empty first line needs an explicit delete.
    if (over && !lines[0] && !selection.isCollapsed && !exec("delete")) return refused();
    for (const [k, line] of lines.entries()) {
      if (k > 0 && !exec("insertParagraph")) return refused();
      if (line && !exec("insertText", false, line)) return refused();
    }
    return { ok: true, text: box.innerText };
  };

  /**
   * The notice: a toast in the top layer (`popover="manual"`), in a closed shadow root of a host
   * whose element name is random. The page's CSS can't hide, move or cover it: the host's own
   * `:host` rules are `!important`, which beats the page's `!important` (the inner tree wins for
   * important rules), and the top layer is above every z-index. Every text is set as text (names
   * and notes are hostile) and cut to a length; the box has a maximum height, and its words scroll
   * under the title while its buttons stay in sight (the whole box scrolled: shortened, the buttons
   * were out of sight with nothing saying they were there).
   * Screen readers: the live region is in the page first, empty, and filled a moment later.
   * Its words come from the core, in the interface language; buttons and menus hand their
   * request back to the service worker.
   */
  /**
   * Moves the notice off the box it has just written into: in a short window the top-right toast
   * covered the top of a message box docked bottom right, the draft's first lines (Firefox at
   * 1366×682). Left of the box when there is room, else above or below it, on the side with more
   * room, shortened; else where it was. Above only, a box near the top of a 500 × 800 window left
   * the notice 138 px tall, its buttons scrolled out of sight, with 398 px free below.
   */
  const aside = (host, sheet, avoid) => {
    let r = avoid.getBoundingClientRect();
    // A box in a same-origin frame: its rectangle in this window.
    for (let win = avoid.ownerDocument.defaultView; win && win !== window && win.frameElement; win = win.parent) {
      const f = win.frameElement.getBoundingClientRect();
      r = new DOMRect(r.x + f.x, r.y + f.y, r.width, r.height);
    }
    const t = host.getBoundingClientRect();
    if (t.bottom <= r.top || t.top >= r.bottom || t.right <= r.left || t.left >= r.right) return;
    const rule = (css) => sheet.insertRule(css, sheet.cssRules.length);
    if (r.left - 32 >= t.width) rule(`:host, :host(:popover-open), :host(:not(:popover-open)) { right: ${document.documentElement.clientWidth - r.left + 16}px !important; }`);
    else {
      const below = document.documentElement.clientHeight - r.bottom - 32;
      const room = Math.max(below, r.top - 32);
      // Too little room either way (140 px below a box filling a 1366 × 682 window): where it was.
      if (room < Math.min(t.height, 200)) return;
      if (below > r.top - 32) rule(`:host, :host(:popover-open), :host(:not(:popover-open)) { top: ${r.bottom + 16}px !important; }`);
      rule(`.box { max-height: ${room}px; }`);
    }
  };

  const notice = ({ level, text, details = [], choices = [], actions = [], close = "Close", focus = false, focus_action = null, hint = "", restored = "", avoid = null }) => {
    state.close?.(false);
    clearTimeout(state.timer);
    // Without bidi controls: a name's right-to-left override (U+202E) turned the rest of the line around.
    // Cut where a character as a reader sees it ends: by UTF-16 units, half an emoji (a lone
    // surrogate, drawn as a box) could stand before the "…", or an emoji without its skin tone.
    const cut = (s, n) => {
      const t = String(s ?? "").replace(/[\u202a-\u202e\u2066-\u2069]/g, "");
      if (t.length <= n) return t;
      let end = 0;
      for (const { index } of new Intl.Segmenter().segment(t)) {
        if (index >= n) break;
        end = index;
      }
      return `${t.slice(0, end)}…`;
    };
    const host = document.createElement(hostName());
    const shadow = host.attachShadow({ mode: "closed" });
    const sheet = new CSSStyleSheet(); // adopted sheets pass strict style-src and Trusted Types
    // `all: initial !important` resets every property the page might set, hidden or moved;
    // the few that must differ from their initial value follow, as important.
    const host_ = `all: initial !important; display: block !important; position: fixed !important; inset: 16px 16px auto auto !important;` +
      ` width: min(400px, calc(100vw - 32px)) !important; max-height: calc(100vh - 32px) !important; z-index: 2147483647 !important; ${unzoom()}`;
    sheet.replaceSync(`
      :host, :host(:popover-open), :host(:not(:popover-open)) { ${host_} }
      .box { --bg: #fff; --fg: #1d2226; --accent: #0a666e; --soft: #4a5560; --line: #8a969e; --hover: #eef3f4;
        position: relative; box-sizing: border-box; max-height: min(70vh, 520px); overflow: auto; overscroll-behavior: contain; display: flex; flex-flow: column; scrollbar-color: var(--line) var(--bg);
        padding: 10px 12px 12px 14px; border-radius: 10px; border-left: 5px solid var(--accent); background: var(--bg); color: var(--fg);
        font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; box-shadow: 0 6px 24px #0006; }
      .box.dark { --bg: #1f2428; --fg: #e8eaed; --accent: #6fd3db; --soft: #b5bec6; --line: #6b767e; --hover: #2b3136; }
      @media (prefers-color-scheme: dark) { .box { --bg: #1f2428; --fg: #e8eaed; --accent: #6fd3db; --soft: #b5bec6; --line: #6b767e; --hover: #2b3136; } }
      .warning { border-left-color: #b26b00; } .error { border-left-color: #b3261e; } .info { border-left-color: #3b6fb6; }
      .head { padding-right: 28px; } .hint, .again { font-size: 12px; color: var(--soft); margin-top: 6px; } .again { font-weight: 600; } .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; } b { color: var(--accent); } [hidden] { display: none !important; }
      .box > [aria-hidden] { overflow: auto; min-height: 3em; } p { margin: 2px 0 0; white-space: pre-line; overflow-wrap: anywhere; }
      ul { margin: 6px 0 0; padding: 0; list-style: none; font-size: 12.5px; color: var(--soft); overflow-wrap: anywhere; }
      button { all: unset; cursor: pointer; border-radius: 4px; }
      button:hover, button:focus-visible { background: var(--hover); outline: 2px solid var(--accent); outline-offset: 1px; }
      .x { position: absolute; top: 8px; right: 8px; padding: 0 6px; font-size: 18px; line-height: 1; color: var(--soft); }
      .row { display: flex; flex-wrap: wrap; gap: 6px 10px; margin-top: 8px; align-items: center; }
      .row button { font-size: 13px; padding: 3px 10px; border: 1px solid var(--accent); color: var(--accent); border-radius: 14px; }
      .row .menu, .options button { font-size: 12.5px; padding: 2px 8px; border-color: var(--line); color: inherit; }
      .options { flex-basis: 100%; display: flex; flex-wrap: wrap; gap: 4px; }
      .options [aria-pressed="true"] { background: var(--accent); border-color: var(--accent); color: var(--bg); font-weight: 600; }`);
    // The chosen option is bold too: a forced-colors (high contrast) mode drops the background
    // that marks it, and an open menu's options all looked alike (2 Dec 2026). An outline, as the
    // panel's selected row has, would take the place of the focus ring the option starts with.
    shadow.adoptedStyleSheets = [sheet];
    const el = (tag, props = {}) => Object.assign(document.createElement(tag), props);
    const box = el("div", { className: `box ${level}${pageIsDark() ? " dark" : ""}` });
    const head = el("div", { className: "head" });
    // A page script may remove the host: it is put back once, saying so (no tug of war after that).
    let again = Boolean(restored);
    const watch = new MutationObserver(() => {
      if (host.isConnected || !again) return;
      again = false;
      for (const part of [shown, live]) part.append(el("p", { className: "again", textContent: cut(restored, 200) }));
      show();
    });
    // Every way out (×, Escape, a control, the timer, the next notice) ends here; `back`: the
    // focus returns where it was before the shortcut took it into the notice.
    const remove = (back = true) => {
      const inside = shadow.activeElement;
      watch.disconnect();
      host.remove();
      if (state.toast === host) state.toast = state.close = null;
      if (back && inside && state.back?.isConnected) state.back.focus();
    };
    state.close = remove;
    const x = el("button", { type: "button", className: "x", textContent: "×" });
    x.setAttribute("aria-label", cut(close, 40));
    x.addEventListener("click", () => remove());
    head.append(el("b", { textContent: "NotYet" }));
    // The words, shown at once (no layout shift under the pointer), hidden from screen readers,
    // which get them from the live region: in the page first, empty, and filled a moment later,
    // so that they announce it. `end`: after each part in the live region, a line's end: the
    // region's text ran the sentence and each line after it together, nothing between (review28).
    const words = (end = "") => {
      const part = el("div");
      const p = el("p");
      p.append(cut(text, 1200), end); // appended as a text node: names and notes are hostile text
      const list = el("ul");
      for (const line of details.slice(0, 6)) list.append(el("li", { textContent: cut(line, 300) + end }));
      part.append(p);
      if (list.childElementCount) part.append(list);
      return part;
    };
    const shown = words();
    shown.setAttribute("aria-hidden", "true");
    shown.tabIndex = -1; // a scroller is a Tab stop by itself, and a stop inside aria-hidden reads as nothing
    const live = el("div", { className: "sr" });
    live.setAttribute("role", level === "warning" || level === "error" ? "alert" : "status");
    box.append(head, shown, live);
    // Each control hands its request to the service worker, which plans and writes again.
    // `from`: the control pressed; the answer's control at its place takes the focus (Shorter
    // pressed, Longer focused), not its first, where a keyboard user had to find the way back.
    const send = (request, from) => {
      state.at = [...controls.querySelectorAll(":scope > button")].indexOf(from);
      remove(false);
      // The worker answers with a new notice on the page, not a reply: no response is awaited.
      (globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: "notice-action", request }).catch(() => {});
    };
    const controls = el("div", { className: "row" });
    // A menu is a button that opens its options as buttons: no form fields, which would wake
    // the browser's autofill (and its requests) on the page.
    for (const { label, options = [], selected = 0 } of choices.slice(0, 4)) {
      const toggle = el("button", { type: "button", className: "menu", textContent: `${cut(label, 40)}: ${cut(options[selected]?.label, 60)}` });
      // The arrow is drawn, not said: a screen reader read "Reply as: Personal, down-pointing small
      // triangle" where the button's collapsed state says it opens.
      const arrow = el("span", { textContent: " ▾" });
      arrow.setAttribute("aria-hidden", "true");
      toggle.append(arrow);
      toggle.setAttribute("aria-expanded", "false");
      const list = el("div", { className: "options", hidden: true });
      list.setAttribute("role", "group");
      list.setAttribute("aria-label", cut(label.trim(), 40));
      options.slice(0, 20).forEach(({ label: name, request }, k) => {
        const option = el("button", { type: "button", textContent: cut(name, 60) });
        option.setAttribute("aria-pressed", String(k === selected));
        option.addEventListener("click", () => send(request, toggle));
        list.append(option);
      });
      toggle.addEventListener("click", () => {
        list.hidden = !list.hidden;
        toggle.setAttribute("aria-expanded", String(!list.hidden));
        if (!list.hidden) list.querySelector('[aria-pressed="true"]')?.focus();
      });
      controls.append(toggle, list);
    }
    for (const { label, request } of actions.slice(0, 6)) {
      const b = el("button", { type: "button", className: "act", textContent: cut(label, 60) });
      b.addEventListener("click", () => send(request, b));
      controls.append(b);
    }
    if (controls.childElementCount) {
      box.append(controls);
      if (hint) box.append(el("p", { className: "hint", textContent: cut(hint, 120) }));
    }
    box.append(x); // last in the tab order, first in the corner
    // Escape with a menu open closes the menu and goes back to its button, as a menu button's
    // does (it closed the whole notice: a keyboard user who opened "Reply as" lost the notice).
    box.addEventListener("keydown", (e) => {
      if (e.key !== "Escape") return;
      const open = box.querySelector(".options:not([hidden])");
      if (!open) return remove();
      open.previousElementSibling.click();
      open.previousElementSibling.focus();
    });
    shadow.append(box);
    state.shadow = shadow; // for the agent's own next call, in the isolated world the page can't reach
    host.popover = "manual";
    // Named, so that a screen reader says whose controls the focus entered (Alt+Shift+J): it was an unnamed group.
    host.setAttribute("role", "group");
    host.setAttribute("aria-label", "NotYet");
    const show = () => {
      document.documentElement.append(host);
      try {
        host.showPopover();
      } catch {
        // No top layer (an old browser): the fixed position and z-index above still hold.
      }
      watch.observe(document.documentElement, { childList: true });
    };
    show();
    try {
      if (avoid?.isConnected) aside(host, sheet, avoid);
    } catch {
      // Where it stands is a nicety: the notice itself must not fail for it.
    }
    state.toast = host;
    setTimeout(() => {
      live.append(words("\n"));
      // A notice that answers a notice's own control takes the keyboard focus where the user was,
      // or on the action the worker names (Restore, when the control used is gone).
      const at = focus_action === null ? controls.querySelectorAll(":scope > button")[state.at] : controls.querySelectorAll(".act")[focus_action];
      if (focus) (at ?? box.querySelector(".row button, .x")).focus();
    }, 80);
    // A notice with controls stays longer, and not while the pointer or focus is on it.
    const hide = () => (state.timer = setTimeout(remove, controls.childElementCount ? 30000 : 10000));
    host.addEventListener("mouseenter", () => clearTimeout(state.timer));
    host.addEventListener("focusin", () => clearTimeout(state.timer));
    host.addEventListener("mouseleave", hide);
    hide();
  };

  /**
   * Frames over page elements, kept in place while the page scrolls (a few seconds). Their host's
   * rules are `!important`, as the notice's: at normal weight a page's `html > * { display: none
   * !important }` hid them, and Show said "framed" over a page with no frame.
   */
  const outline = ({ marks = [], scroll }) => {
    state.frames?.host.remove();
    cancelAnimationFrame(state.frames?.raf ?? 0);
    state.frames = null;
    const found = marks.map((m) => [m, nodeOf(m.node)]).filter(([, el]) => el?.isConnected);
    const missing = marks.filter((m) => !nodeOf(m.node)?.isConnected).map((m) => m.node);
    const target = nodeOf(scroll);
    if (target?.isConnected) target.scrollIntoView({ block: "center", behavior: "instant" });
    if (!found.length) return { ok: true, missing };
    const host = document.createElement(hostName());
    const shadow = host.attachShadow({ mode: "closed" });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`
      :host { all: initial !important; ${unzoom()} position: fixed !important; inset: 0 !important; z-index: 2147483646 !important; pointer-events: none !important; }
      div { position: fixed; box-sizing: border-box; border: 3px solid #0a666e; border-radius: 8px; box-shadow: 0 0 0 4px rgba(10,102,110,.25); }
      div.button { border-color: #b26b00; box-shadow: 0 0 0 4px rgba(178,107,0,.3); }
      span { position: absolute; left: -3px; bottom: 100%; margin-bottom: 4px; padding: 2px 8px; border-radius: 6px; white-space: nowrap;
        background: #0a666e; color: #fff; font: 600 12px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
      div.button span { background: #b26b00; }`);
    shadow.adoptedStyleSheets = [sheet];
    const boxes = found.map(([m, el]) => {
      const d = document.createElement("div");
      if (m.button) d.className = "button";
      if (m.label) {
        const span = document.createElement("span");
        span.textContent = m.label;
        d.append(span);
      }
      shadow.append(d);
      return [d, el];
    });
    document.documentElement.append(host);
    const until = performance.now() + 6000;
    const place = () => {
      for (const [d, el] of boxes) {
        const r = el.getBoundingClientRect();
        Object.assign(d.style, { left: `${r.left - 4}px`, top: `${r.top - 4}px`, width: `${r.width + 8}px`, height: `${r.height + 8}px`, display: el.isConnected ? "" : "none" });
      }
      if (performance.now() < until) frames.raf = requestAnimationFrame(place);
      else host.remove();
    };
    const frames = { host, raf: 0 };
    state.frames = frames;
    place();
    return { ok: true, missing };
  };

  /** The element's nearest ancestor that scrolls, else the page's scrolling element. */
  const scroller = (el) => {
    for (let p = el?.parentElement; p; p = p.parentElement) {
      const y = getComputedStyle(p).overflowY;
      if ((y === "auto" || y === "scroll") && p.scrollHeight > p.clientHeight) return p;
    }
    return document.scrollingElement ?? document.documentElement;
  };

  /**
   * Whether the page shows a dark theme of its own: its `color-scheme` is dark only, or its
   * background (the body's, else the root's) is dark. The notice follows it, and otherwise
   * follows `prefers-color-scheme`.
   */
  const pageIsDark = () => {
    const root = document.documentElement;
    const scheme = getComputedStyle(root).colorScheme || "";
    if (/\bdark\b/.test(scheme) && !/\blight\b/.test(scheme)) return true;
    for (const node of [document.body, root]) {
      if (!node) continue;
      const rgb = /^rgba?\(([^)]*)\)/.exec(getComputedStyle(node).backgroundColor);
      const [r, g, b, a = 1] = rgb ? rgb[1].split(/[\s,/]+/).filter(Boolean).map(Number) : [];
      if (rgb && a > 0.5) return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110;
    }
    return false;
  };

  switch (command.op) {
    case "outline":
      return outline(command);
    case "click": {
      const el = nodeOf(command.node);
      if (!el?.isConnected) return { ok: false, reason: "gone" };
      el.click();
      return { ok: true };
    }
    case "scroll": {
      const el = nodeOf(command.node);
      if (!el?.isConnected) return { ok: false, reason: "gone" };
      const box = scroller(el);
      const before = box.scrollTop;
      box.scrollTop = box.scrollHeight;
      // A page in a background tab may load nothing on scroll (no frames, throttled timers).
      return { ok: true, moved: box.scrollTop !== before, hidden: document.visibilityState === "hidden" };
    }
    case "insert": {
      const done = insert(command);
      const shown = done.ok ? command.notice : command.gone;
      // After the answer is on its way: the text is in the box, the notice can follow a moment later.
      if (shown && done.reason !== "refused") setTimeout(() => notice({ ...shown, avoid: done.ok ? nodeOf(command.node) : null }));
      return done;
    }
    case "notice":
      notice(command);
      return { ok: true };
    case "focus": {
      // The notice's first control (its close button if it has none), from wherever the focus is.
      const target = state.toast?.isConnected && state.shadow.querySelector(".row button, .x");
      if (!target) return { ok: false };
      if (!state.shadow.activeElement) state.back = document.activeElement;
      target.focus();
      return { ok: true };
    }
    default:
      return { ok: false, reason: "unknown" };
  }
}

/**
 * The page agent's walk: `{op: "snapshot", ...}` runs in this function alone (`agentFrame`),
 * so that the first click on a newly loaded page sends and compiles the walk only, not the
 * insertion, notice and frame code it doesn't run (a third of the agent's source; injecting
 * the whole agent where a document runs it first cost 1.7 ms more than a one-line function,
 * README, performance). It shares the document's state with `agent` (the ids and the elements
 * they name) and, like it, runs every call in the first copy of its source the document got.
 *
 * A walk in document order that writes the core's compact shape as JSON text directly: an
 * element is `[tag, id?, {attributes}?, flags..., child...]`, a text a string; the id is left
 * out where it is the previous element's + 1, as it is for nearly every element of a first
 * snapshot. What the page doesn't render is flagged `0` and left out: the `hidden` attribute,
 * and for the elements the core asks about (`probe`: containers, list items, cards, boxes) the
 * browser's own `checkVisibility()`, which covers CSS (`display: none`, collapsed panels,
 * `visibility: hidden`). Text is capped per node and in all, attributes per value; every
 * string is made well-formed (a lone surrogate from an emoji cut in half would otherwise reach
 * the core as `\ud83d`). A cut is flagged `-1` (too deep) or `-2` (too much text).
 *
 * Written for speed, since every DOM call counts on a page of 50,000 nodes: a TreeWalker
 * moves through the page (one call a step; it skips comments itself, and `nodeType`, asked of
 * every node, cost more than the walk), the JSON is written as it goes rather than built as
 * arrays for `JSON.stringify`, each attribute name costs one lookup, and the ids' elements are
 * kept in an array. In the isolated world, old and new alternating (medians, load 5):
 * 26.7 → 18.6 ms on the benchmark's 300-invitation page, 112 → 81 ms on its 1,000 (README,
 * performance). Recursion is safe: it goes no deeper than `max_depth` (the core asks for 192),
 * and never past 1,000 here.
 *
 * After a re-render the array is written with a jump (the new elements' ids come after every old
 * one, met before the old elements further down): V8 holds it in dictionary mode only until the
 * gap fills, 645 of 6,356 stores on the 300 page with its first card or its whole list rendered
 * anew (1,330 of 21,056 at 1,000), and the walk took as long as with the gaps filled first (300:
 * 12.4 against 12.3 ms, medians of 100 in Chromium, 1 Dec 2026); a Map was slower (13.3). Left as
 * it is. The outside pages hold under 1,024 elements, V8's largest gap kept fast.
 */
export function snapshot(command, installed) {
  const state = (globalThis.__notyetAgent ??= { ids: new WeakMap(), nodes: [], next: 1, toast: null, timer: 0 });
  if (!installed) {
    const source = String(snapshot);
    if (state.walkSource !== source) Object.assign(state, { walkSource: source, walk: snapshot });
    return state.walk(command, true);
  }
  const {
    attributes,
    skip,
    max_depth: depthAsked = Infinity,
    class_parts: classParts,
    probe = {},
    max_text: maxText = Infinity,
    max_total_text: maxTotal = Infinity,
    max_attribute: maxAttribute = Infinity,
  } = command;
  const maxDepth = Math.min(depthAsked, 1000);
  const skipped = new Set(skip);
  const probeTags = new Set(probe.tags ?? []);
  const probeRoles = new Set(probe.roles ?? []);
  // What each attribute name means here, so that an element's names cost one lookup each: the
  // JSON key it is written under when wanted, whether it hides the element, whether it makes the
  // element worth probing (`role` only with some values).
  const meaning = new Map();
  const about = (name) => meaning.get(name) ?? (meaning.set(name, { key: null, hides: false, probes: false, role: false }), meaning.get(name));
  for (const name of attributes ?? []) about(name).key = `${JSON.stringify(name)}:`;
  for (const name of probe.attributes ?? []) about(name).probes = true;
  about("hidden").hides = true;
  if (probeRoles.size) about("role").role = true;
  // Class names are kept only when they hold a fragment the core reads (hashed ones say nothing).
  const classPart = classParts?.length ? new RegExp(classParts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")) : null;
  const well = (s) => (s.isWellFormed?.() === false ? s.toWellFormed() : s);
  // A page repeats a few class lists thousands of times: each is filtered once.
  const classes = new Map();
  const origin = location.origin;
  const value = (el, name) => {
    let v = el.getAttribute(name);
    if (name === "class" && classPart) {
      let kept = classes.get(v);
      if (kept === undefined) classes.set(v, (kept = classPart.test(v) ? well(v.split(/\s+/).filter((w) => classPart.test(w)).join(" ").slice(0, maxAttribute)) : ""));
      return kept;
    }
    // A link on the page's own origin goes as its path: the origin is the page's address already.
    if (name === "href" && v.startsWith(origin) && v[origin.length] === "/") v = v.slice(origin.length);
    if (v.length > maxAttribute) v = v.slice(0, maxAttribute);
    return well(v);
  };
  // A form's fields shadow its own properties by their names and ids (<input name="getAttributeNames">),
  // and Chromium's isolated world sees them too: the walk threw, and no click or panel read the
  // page. A form is read through the prototypes' own calls (Firefox's Xrays see none of it).
  const E = Element.prototype;
  const getter = (proto, key) => Object.getOwnPropertyDescriptor(proto, key).get;
  const localNameOf = getter(E, "localName");
  const unshadowed = (form) => ({
    getAttributeNames: () => E.getAttributeNames.call(form),
    getAttribute: (name) => E.getAttribute.call(form, name),
    checkVisibility: E.checkVisibility && ((o) => E.checkVisibility.call(form, o)),
    firstChild: getter(Node.prototype, "firstChild").call(form),
    shadowRoot: getter(E, "shadowRoot").call(form),
  });
  // Each tag's opening, `["div"`, written once.
  const opening = new Map();
  const open = (tag) => {
    let s = opening.get(tag);
    if (s === undefined) opening.set(tag, (s = `[${JSON.stringify(tag)}`));
    return s;
  };
  const blank = /\S/;
  let budget = maxTotal; // characters of text left to copy
  let last = 0; // the id written last: the next element's implicit id is last + 1
  const nodes = [];
  let json = "";
  // Elements and texts only (NodeFilter.SHOW_ELEMENT | SHOW_TEXT): comments are never visited.
  const SHOWN = 5;
  let walker = null;
  /**
   * Writes `node` (an element, `#shadow-root` or `#document`), the walker standing on it; the
   * walker stands on it again when this returns.
   */
  const element = (node, tag, depth) => {
    let id = state.ids.get(node);
    if (id === undefined) state.ids.set(node, (id = state.next++));
    nodes[id] = node;
    json += id === last + 1 ? open(tag) : `${open(tag)},${id}`;
    last = id;
    if (tag === "#document") {
      // A frame's document: its one child is its <html>.
      const html = walker.firstChild();
      json += ",";
      element(html, html.localName, depth + 1);
      walker.parentNode();
      json += "]";
      return;
    }
    const own = tag === "form" ? unshadowed(node) : node;
    let hidden = false;
    let probed = probeTags.has(tag);
    if (tag !== "#shadow-root") {
      // Names first, values only for the wanted ones: reading `attributes` would make an Attr object each.
      let a = "";
      for (const name of own.getAttributeNames()) {
        const what = meaning.get(name);
        if (what === undefined) continue;
        if (what.hides) hidden = true;
        if (!probed && (what.probes || (what.role && probeRoles.has(own.getAttribute(name))))) probed = true;
        if (what.key === null) continue;
        const v = value(own, name);
        if (v !== "" || name !== "class") a += `${a ? "," : ",{"}${what.key}${JSON.stringify(v)}`;
      }
      if (a) json += `${a}}`;
    }
    if (!hidden && probed && own.checkVisibility && !own.checkVisibility({ visibilityProperty: true })) hidden = true;
    if (hidden) {
      json += ",0]";
      return;
    }
    // Deeper than `maxDepth` the tree is cut: no page that matters nests so deep, and the core's parser is bounded.
    if (depth >= maxDepth) {
      json += own.firstChild || own.shadowRoot ? ",-1]" : "]";
      return;
    }
    const shadow = own.shadowRoot;
    if (shadow) {
      const outer = walker;
      walker = shadow.ownerDocument.createTreeWalker(shadow, SHOWN);
      json += ",";
      element(shadow, "#shadow-root", depth + 1);
      walker = outer;
    }
    if (tag === "iframe" || tag === "frame") {
      let inner = null;
      try {
        inner = node.contentDocument; // null or a throw when cross-origin
      } catch {
        // A cross-origin frame is not ours to read.
      }
      if (inner?.documentElement) {
        const outer = walker;
        walker = inner.createTreeWalker(inner, SHOWN);
        json += ",";
        element(inner, "#document", depth + 1);
        walker = outer;
      }
    }
    let cut = false;
    let child = walker.firstChild();
    if (child) {
      for (; child; child = walker.nextSibling()) {
        let name = child.localName; // a text has none
        if (typeof name === "object") name = localNameOf.call(child); // a form's field named localName
        if (name === undefined) {
          let text = child.data;
          if (!blank.test(text)) continue;
          const room = maxText < budget ? maxText : budget;
          if (text.length > room) {
            text = text.slice(0, room);
            cut = true;
            if (!text) continue;
          }
          budget -= text.length;
          json += `,${JSON.stringify(well(text))}`;
        } else if (!skipped.has(name)) {
          json += ",";
          element(child, name, depth + 1);
        }
      }
      walker.parentNode();
    }
    json += cut ? ",-2]" : "]";
  };
  const doc = document;
  const html = doc.documentElement;
  walker = doc.createTreeWalker(html, SHOWN);
  element(html, html.localName, 1);
  state.nodes = nodes;
  // The element with the keyboard focus, followed into open shadow roots and same-origin frames.
  let active = doc.activeElement;
  for (let inner; active; active = inner) {
    try {
      inner = active.shadowRoot?.activeElement ?? (active.localName === "iframe" ? active.contentDocument?.activeElement : null);
    } catch {
      inner = null; // a cross-origin frame
    }
    if (!inner) break;
  }
  const focus = active ? state.ids.get(active) : undefined;
  const title = well(doc.title.slice(0, maxAttribute));
  // The keys in the order JSON.stringify wrote them before: url, title, lang, root, focus.
  const out = `{"url":${JSON.stringify(location.href)},"title":${JSON.stringify(title)},"lang":${JSON.stringify(well(html.lang || ""))},"root":${json}${
    focus !== undefined && nodes[focus] === active ? `,"focus":${focus}` : ""
  }}`;
  state.walks = (state.walks ?? 0) + 1; // @test
  return out;
}

/**
 * Runs `agent(command)` in the tab's top frame (`snapshot(command)` for a snapshot), the one way
 * the worker and the side panel do: the browser's record of that frame (its `result` is the
 * answer), or undefined where the browser ran nothing (Firefox answers an empty list on a page it
 * won't script, about:robots).
 * A script error is thrown: Firefox reports it in the record rather than rejecting, Chromium as no result.
 */
export async function agentFrame(tabId, command) {
  const [frame] = await api.scripting.executeScript({ target: { tabId }, func: command.op === "snapshot" ? snapshot : agent, args: [command] });
  // Chromium answers a throw with `result: null` and no error, which no command of the agent
  // answers: the panel said a card was framed when the frame's code had thrown.
  if (frame && (frame.error || frame.result == null)) throw new Error(String(frame.error ?? "the page's script failed"));
  return frame;
}
