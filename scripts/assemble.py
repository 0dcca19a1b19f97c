#!/usr/bin/env python3
"""Assembles the extension for both browsers from extension/ and the built WASM.

    scripts/assemble.py PKG_DIR          the test build (target/ext-test/) and what ships (dist/)
    scripts/assemble.py --zip DIR OUT    one directory zipped reproducibly (used for the release)

Two builds from one source:
- target/ext-test/{chrome,firefox}: the extension as written, with the worker's test seams and a
  blank extension page (test.html) that the Firefox tests run their extension-side code in;
- dist/{chrome,firefox}: what ships, with the test seams removed from background.js (the block
  between `// @test-start` and `// @test-end`, and every line ending in a `// @test` comment) and
  agent.js (its lines ending in `// @test`), and
  the `_locales` message files written compactly, without the notes for translators
  (`description`), which the browsers never show: 0.75 KB less in each zip (in both builds, a
  language's messages worded as in English are left to the browser's fallback); and the JavaScript
  without its comment lines (lines that are only a `//` comment, and `/* … */` blocks that start
  and end a line): 4.9 KB less in each zip, and the agent's source, sent to the page with every
  click, 28% shorter; the CSS likewise without its `/* … */` comment lines (0.7 KB); the CSS
  and wasm-bindgen's glue without the white space that starts a line (0.3 KB); the HTML pages
  without their comment lines. Nothing else
  in a line changes; `./build.sh test` checks that each shipped file has the same tokens as the
  test build's, and each stylesheet the same rules (tests/shipped-js.mjs).

The zips are byte-for-byte reproducible: entries in sorted order, one fixed time stamp
(1980-01-01, the earliest a zip can hold), fixed permissions, no extra fields. Python's zipfile
gives all of that, which `zip -X` does not (it stores each file's modification time).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WASM_FILES = ["notyet_wasm.js", "notyet_wasm_bg.wasm"]
TEST_PAGE = "<!doctype html>\n<meta charset=utf-8>\n<title>NotYet test page</title>\n"


def strip_test_seams(source, name):
    """`name` (the worker, the agent) without its test seams; fails loudly if a marker is unbalanced."""
    out, inside = [], False
    for line in source.splitlines(keepends=True):
        if line.lstrip().startswith("// @test-start"):
            if inside:
                sys.exit(f"{name}: nested // @test-start")
            inside = True
        elif line.lstrip().startswith("// @test-end"):
            if not inside:
                sys.exit(f"{name}: // @test-end without // @test-start")
            inside = False
        elif not inside and not re.search(r"//\s*@test\s*$", line):
            out.append(line)
    if inside:
        sys.exit(f"{name}: // @test-start without // @test-end")
    stripped = "".join(out)
    for seam in ("__notyetClicks", "__notyetTest", "notyet-test", "@test"):
        if seam in stripped:
            sys.exit(f"{name}: {seam!r} is left after removing the test seams")
    return stripped


def strip_comment_lines(source, name):
    """`source` without the lines that are only a comment. Whole lines only, so that nothing in a
    line of code (a string holding `//`, a regular expression) is ever touched. A comment is
    `//` or `/* … */` in JavaScript, `/* … */` in CSS and `<!-- … -->` in HTML."""
    opener, closer = ("<!--", "-->") if name.endswith(".html") else ("/*", "*/")
    line_comments = name.endswith(".js")
    out, block = [], False
    for line in source.splitlines(keepends=True):
        text = line.strip()
        if block:
            if closer in text:
                if not text.endswith(closer):
                    sys.exit(f"{name}: code after a comment block's end on one line: {text!r}")
                block = False
        elif line_comments and text.startswith("//"):
            pass
        elif text.startswith(opener):
            if closer in text[len(opener):]:
                if not text.endswith(closer):
                    sys.exit(f"{name}: code after a one-line comment: {text!r}")
            else:
                block = True
        else:
            out.append(line)
    if block:
        sys.exit(f"{name}: a comment block is not closed")
    return "".join(out)


def strip_indentation(source):
    """`source` with no white space at the start of a line: for wasm-bindgen's generated glue
    (none of its strings spans lines) and the stylesheets, whose lines' indentation is 4.6% of the
    glue's deflated size. Our own JavaScript keeps its indentation, to be read as written."""
    return "".join(line.lstrip(" \t") for line in source.splitlines(keepends=True))


def write_messages(locales, compact):
    """Each language's message file without the messages worded exactly as in the default
    language's (English, the manifest's `default_locale`): both browsers look a message missing
    from the interface language up there ("Spam", "NotYet", a placeholder-only pattern: 13 in
    German and French, 0.1 KB of each zip). Done in the test build too, so the browser tests read
    the interface as it ships. `compact`: as the browser reads it, without the translators' notes
    (`description`) and indentation."""
    default = "en"

    def read(lang):
        with open(os.path.join(locales, lang, "messages.json"), encoding="utf-8") as f:
            return json.load(f)

    english = read(default)
    for lang in sorted(os.listdir(locales)):
        messages = read(lang)
        if lang != default:
            messages = {k: m for k, m in messages.items() if k not in english or m["message"] != english[k]["message"]}
        if compact:
            for message in messages.values():
                message.pop("description", None)
        with open(os.path.join(locales, lang, "messages.json"), "w", encoding="utf-8") as f:
            if compact:
                json.dump(messages, f, ensure_ascii=False, separators=(",", ":"))
            else:
                json.dump(messages, f, ensure_ascii=False, indent=2)
                f.write("\n")


def firefox_manifest(path):
    """One manifest source; Firefox gets its id and an event page instead of a service worker."""
    with open(path, encoding="utf-8") as f:
        m = json.load(f)
    m["background"] = {"scripts": [m["background"]["service_worker"]], "type": "module"}
    m.pop("minimum_chrome_version", None)
    # Chrome's side panel is Firefox's sidebar: the same page, opened by menus.onClicked and the
    # panel's command (sidebarAction.open), so the sidePanel permission has no Firefox counterpart.
    panel = m.pop("side_panel")["default_path"]
    m["sidebar_action"] = {"default_panel": panel, "default_title": "__MSG_panel_title__", "default_icon": m["action"]["default_icon"], "open_at_install": False}
    m["permissions"] = [p for p in m["permissions"] if p != "sidePanel"]
    # data_collection_permissions is read from Firefox 140 on desktop and 142 on Android; older
    # versions would install NotYet without showing that it collects nothing.
    # NotYet collects nothing and sends nothing: said in the form Firefox's add-on store asks for.
    m["browser_specific_settings"] = {
        "gecko": {
            "id": "notyet@notyet.example",
            "strict_min_version": "140.0",
            "data_collection_permissions": {"required": ["none"]},
        },
        "gecko_android": {"strict_min_version": "142.0"},
    }
    with open(path, "w", encoding="utf-8") as f:
        json.dump(m, f, indent=2, ensure_ascii=False)
        f.write("\n")


def make(dest, pkg, test):
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(os.path.join(ROOT, "extension"), dest)
    os.makedirs(os.path.join(dest, "wasm"), exist_ok=True)
    for name in WASM_FILES:
        shutil.copyfile(os.path.join(pkg, name), os.path.join(dest, "wasm", name))
    if test:
        with open(os.path.join(dest, "test.html"), "w", encoding="utf-8") as f:
            f.write(TEST_PAGE)
    else:
        # The worker's seams, and the agent's (a count of the page walks, for the side panel's tests).
        for name in ("background.js", "agent.js"):
            path = os.path.join(dest, name)
            with open(path, encoding="utf-8") as f:
                source = f.read()
            with open(path, "w", encoding="utf-8") as f:
                f.write(strip_test_seams(source, name))
        for base, _, names in os.walk(dest):
            for name in sorted(n for n in names if n.endswith((".js", ".css", ".html"))):
                path = os.path.join(base, name)
                with open(path, encoding="utf-8") as f:
                    source = f.read()
                source = strip_comment_lines(source, name)
                if name == WASM_FILES[0] or name.endswith(".css"):
                    source = strip_indentation(source)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(source)
    write_messages(os.path.join(dest, "_locales"), compact=not test)


def zip_dir(directory, out):
    """Zips `directory`'s files (not itself) reproducibly."""
    files = []
    for base, dirs, names in os.walk(directory):
        dirs.sort()
        for name in names:
            full = os.path.join(base, name)
            files.append((os.path.relpath(full, directory).replace(os.sep, "/"), full))
    files.sort()
    tmp = out + ".tmp"
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for arc, full in files:
            info = zipfile.ZipInfo(arc, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever machine builds it
            with open(full, "rb") as f:
                z.writestr(info, f.read(), compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    # Deflated again by zopfli (advancecomp's advzip; build.sh installs it): the same entries,
    # 5.6% smaller (Chrome zip 214,260 → 202,171 B). Deterministic, so still reproducible.
    if shutil.which("advzip"):
        subprocess.run(["advzip", "-q", "-z", "-4", tmp], check=True)
    os.replace(tmp, out)


def main():
    if sys.argv[1:2] == ["--zip"]:
        zip_dir(sys.argv[2], sys.argv[3])
        return
    pkg = sys.argv[1]
    test_root = os.path.join(ROOT, "target", "ext-test")
    dist = os.path.join(ROOT, "dist")
    os.makedirs(dist, exist_ok=True)
    for browser in ("chrome", "firefox"):
        for root, test in ((test_root, True), (dist, False)):
            dest = os.path.join(root, browser)
            make(dest, pkg, test)
            if browser == "firefox":
                firefox_manifest(os.path.join(dest, "manifest.json"))
        zip_dir(os.path.join(dist, browser), os.path.join(dist, f"notyet-{browser}.zip"))


if __name__ == "__main__":
    main()
