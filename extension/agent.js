/**
 * The page agent: one self-contained function, injected on demand with
 * `chrome.scripting.executeScript({target: {tabId}, func: agent, args: [command]})`, one round
 * trip an operation. Injection sends the function's source, so it may use nothing from outside.
 * It knows nothing of LinkedIn: it copies the page, types text and shows a notice; the core
 * decides what to read and what to write.
 *
 * Commands and answers (all plain JSON):
 * - `{op: "snapshot", attributes, skip, max_depth, class_parts}` → the JSON string of a core
 *   `Snapshot` (crates/core/src/snapshot.rs)
 * - `{op: "insert", node, mode: "replace"|"append", lines, notice, gone}` → `{ok: true, text}`, or
 *   `{ok: false, reason: "gone"|"refused"}`; shows `notice` after writing, `gone` when the box is gone
 * - `{op: "notice", level, text, actions}` → `{ok: true}`; a button of `actions` ({label, request})
 *   sends `{type: "notice-action", request}` to the service worker
 * - `{op: "outline", marks: [{node, label}], scroll}` → `{ok: true, missing: [ids]}`: scrolls node
 *   `scroll` into view and draws a labelled frame over each mark, in a closed shadow root of its
 *   own (nothing of the page's is restyled); `marks: []` removes the frames
 * - `{op: "click", node}` → `{ok: true}` or `{ok: false, reason: "gone"}`: clicks that element
 *   (the side panel opens a Reply box this way, only when the user asks)
 * - `{op: "scroll", node}` → `{ok: true, moved}` or `{ok: false, reason: "gone"}`: scrolls the
 *   nearest scrollable container of `node` (or the page) to its end, so a lazy list loads more
 *
 * @param {{op: string} & Record<string, any>} command
 */
export function agent(command) {
  // Kept on the isolated world's global, which lives as long as the document: ids stay stable
  // across snapshots, and a later call resolves the ids of the last one.
  const state = (globalThis.__notyetAgent ??= { ids: new WeakMap(), nodes: new Map(), next: 1, toast: null, timer: 0 });

  const idOf = (node) => {
    let id = state.ids.get(node);
    if (id === undefined) state.ids.set(node, (id = state.next++));
    state.nodes.set(id, node);
    return id;
  };

  /** Iterative walk (deep pages must not overflow the stack); no layout or style reads. */
  const snapshot = ({ attributes, skip, max_depth: maxDepth = Infinity, class_parts: classParts }) => {
    const wanted = new Set(attributes);
    const skipped = new Set(skip);
    // Class names are kept only when they hold a fragment the core reads (hashed ones say nothing).
    const classPart = classParts?.length ? new RegExp(classParts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")) : null;
    const value = (el, name) => {
      const v = el.getAttribute(name);
      if (name !== "class" || !classPart) return v;
      return classPart.test(v) ? v.split(/\s+/).filter((w) => classPart.test(w)).join(" ") : "";
    };
    state.nodes = new Map();
    // Deeper than `maxDepth` the tree is cut: no page that matters nests so deep, and the core's parser is bounded.
    const element = (el, depth, tag) => {
      const out = { i: idOf(el), t: tag ?? el.localName };
      if (el.hasAttributes?.()) {
        // Names first, values only for the wanted ones: reading `attributes` would make an Attr object each.
        const a = [];
        for (const name of el.getAttributeNames()) {
          if (!wanted.has(name)) continue;
          const v = value(el, name);
          if (v !== "" || name !== "class") a.push(name, v);
        }
        if (a.length) out.a = a;
      }
      if (depth < maxDepth) stack.push([el, out, depth]);
      return out;
    };
    const stack = [];
    const doc = document;
    const root = element(doc.documentElement, 1);
    while (stack.length) {
      const [el, out, depth] = stack.pop();
      const c = [];
      const shadow = el.shadowRoot;
      if (shadow) c.push(element(shadow, depth + 1, "#shadow-root"));
      if (el.localName === "iframe" || el.localName === "frame") {
        try {
          const inner = el.contentDocument; // null or a throw when cross-origin
          if (inner?.documentElement) c.push({ i: idOf(inner), t: "#document", c: [element(inner.documentElement, depth + 2)] });
        } catch {
          // A cross-origin frame is not ours to read.
        }
      }
      for (let n = el.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === 3) {
          const text = n.data;
          if (/\S/.test(text)) c.push(text);
        } else if (n.nodeType === 1 && !skipped.has(n.localName)) {
          c.push(element(n, depth + 1));
        }
      }
      if (c.length) out.c = c;
    }
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
    const focus = active && state.nodes.has(state.ids.get(active)) ? state.ids.get(active) : undefined;
    return JSON.stringify({ url: location.href, title: doc.title, lang: doc.documentElement.lang || "", root, focus });
  };

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

  /** Types through the browser's own editing commands, so the page's editor sees trusted input events. */
  const insert = ({ node, mode, lines }) => {
    const box = state.nodes.get(node);
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
    const refused = { ok: false, reason: "refused" };
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
        if (!selection.isCollapsed && !doc.execCommand("delete")) return refused;
      }
      select(edge(box, true), edge(box, false));
    } else {
      // An empty box: inside its paragraph; text to keep: the end of its last paragraph.
      select(edge(box, mode === "replace"));
    }
    // Typing replaces the selection, so only an empty first line needs an explicit delete.
    if (over && !lines[0] && !selection.isCollapsed && !doc.execCommand("delete")) return refused;
    for (const [k, line] of lines.entries()) {
      if (k > 0 && !doc.execCommand("insertParagraph")) return refused;
      if (line && !doc.execCommand("insertText", false, line)) return refused;
    }
    return { ok: true, text: box.innerText };
  };

  /** A toast in a closed shadow root of its own: the page's styles and scripts can't reach in. */
  const notice = ({ level, text, actions = [] }) => {
    state.toast?.remove();
    clearTimeout(state.timer);
    const host = document.createElement("notyet-notice");
    const shadow = host.attachShadow({ mode: "closed" });
    const sheet = new CSSStyleSheet(); // adopted sheets pass strict style-src and Trusted Types
    sheet.replaceSync(`
      :host { all: initial; position: fixed; z-index: 2147483647; top: 16px; right: 16px; }
      div { display: flex; gap: 10px; align-items: flex-start; box-sizing: border-box; width: min(380px, calc(100vw - 32px));
        padding: 12px 12px 12px 14px; border-radius: 10px; border-left: 5px solid #0a666e; background: #fff; color: #1d2226;
        font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; box-shadow: 0 6px 24px rgba(0,0,0,.22); }
      div.warning { border-left-color: #b26b00; } div.error { border-left-color: #b3261e; } div.info { border-left-color: #3b6fb6; }
      p { margin: 0; flex: 1; white-space: pre-line; overflow-wrap: anywhere; }
      b { display: block; margin-bottom: 2px; color: #0a666e; }
      button { all: unset; cursor: pointer; padding: 0 6px; font-size: 18px; line-height: 1; color: #555; border-radius: 4px; }
      button:hover, button:focus-visible { background: #eee; color: #000; outline: 2px solid #0a666e; }
      span { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
      span button { font-size: 13px; padding: 3px 10px; border: 1px solid #0a666e; color: #0a666e; border-radius: 14px; }`);
    shadow.adoptedStyleSheets = [sheet];
    const box = document.createElement("div");
    box.className = level;
    box.setAttribute("role", level === "warning" || level === "error" ? "alert" : "status");
    const p = document.createElement("p");
    const title = document.createElement("b");
    title.textContent = "NotYet";
    p.append(title, text); // appended as a text node: names and notes are hostile text
    const close = document.createElement("button");
    close.type = "button";
    close.textContent = "×";
    close.setAttribute("aria-label", "Close");
    close.addEventListener("click", () => host.remove());
    if (actions.length) {
      // Each button hands its request back to the service worker, which plans and writes again.
      const row = document.createElement("span");
      for (const { label, request } of actions) {
        const b = document.createElement("button");
        b.type = "button";
        b.textContent = label;
        b.addEventListener("click", () => {
          host.remove();
          // The worker answers with a new notice on the page, not a reply: no response is awaited.
          (globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: "notice-action", request }).catch(() => {});
        });
        row.append(b);
      }
      p.append(row);
    }
    box.append(p, close);
    shadow.append(box);
    document.documentElement.append(host);
    state.toast = host;
    // A notice with buttons stays longer, and not while the pointer or focus is on it.
    const hide = () => (state.timer = setTimeout(() => host.remove(), actions.length ? 20000 : 8000));
    host.addEventListener("mouseenter", () => clearTimeout(state.timer));
    host.addEventListener("focusin", () => clearTimeout(state.timer));
    host.addEventListener("mouseleave", hide);
    hide();
  };

  /** Frames over page elements, kept in place while the page scrolls (a few seconds). */
  const outline = ({ marks = [], scroll }) => {
    state.frames?.host.remove();
    cancelAnimationFrame(state.frames?.raf ?? 0);
    state.frames = null;
    const found = marks.map((m) => [m, state.nodes.get(m.node)]).filter(([, el]) => el?.isConnected);
    const missing = marks.filter((m) => !state.nodes.get(m.node)?.isConnected).map((m) => m.node);
    const target = state.nodes.get(scroll);
    if (target?.isConnected) target.scrollIntoView({ block: "center", behavior: "instant" });
    if (!found.length) return { ok: true, missing };
    const host = document.createElement("notyet-outline");
    const shadow = host.attachShadow({ mode: "closed" });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`
      :host { all: initial; position: fixed; inset: 0; z-index: 2147483646; pointer-events: none; }
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

  switch (command.op) {
    case "outline":
      return outline(command);
    case "click": {
      const el = state.nodes.get(command.node);
      if (!el?.isConnected) return { ok: false, reason: "gone" };
      el.click();
      return { ok: true };
    }
    case "scroll": {
      const el = state.nodes.get(command.node);
      if (!el?.isConnected) return { ok: false, reason: "gone" };
      const box = scroller(el);
      const before = box.scrollTop;
      box.scrollTop = box.scrollHeight;
      return { ok: true, moved: box.scrollTop !== before };
    }
    case "snapshot":
      return snapshot(command);
    case "insert": {
      const done = insert(command);
      const shown = done.ok ? command.notice : command.gone;
      // After the answer is on its way: the text is in the box, the notice can follow a moment later.
      if (shown && done.reason !== "refused") setTimeout(() => notice(shown));
      return done;
    }
    case "notice":
      notice(command);
      return { ok: true };
    default:
      return { ok: false, reason: "unknown" };
  }
}
