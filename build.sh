#!/usr/bin/env bash
# NotYet's one entry point. With no argument: install what is missing, build the WASM and the
# extension for Chrome and Firefox (dist/). Then:
#   ./build.sh test            every test: cargo tests, the page fixtures, the browser tests
#   ./build.sh e2e [DIR]       the page-fixture runner (contract section 5), default tests/fixtures/pages
#   ./build.sh demo [--headed] a sample invitation, one click, the draft printed, dist/demo.png
#   ./build.sh bench           click-to-draft timings, snapshot + read, WASM size
set -euo pipefail
cd "$(dirname "$0")"
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n==> %s\n' "$*"; }
run() {
  printf '+ %s\n' "$*"
  "$@"
}

sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
apt_updated=""
# Debian packages, fetching the package lists once and only when something is to be installed.
apt_install() {
  if [ -z "$apt_updated" ]; then
    run $sudo apt-get update -qq
    apt_updated=1
  fi
  run $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

# The CLI must be the exact version of the wasm-bindgen crate pinned in Cargo.toml.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
# wasm-opt 108 (Debian's binaryen) must be told which post-MVP features rustc's output uses.
WASM_OPT_FEATURES=(--enable-bulk-memory --enable-reference-types --enable-sign-ext --enable-mutable-globals
  --enable-nontrapping-float-to-int --enable-multivalue)
PKG=target/wasm-pkg
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
export CHROMIUM

install_build_tools() {
  step "checking build tools"
  command -v cargo >/dev/null || { echo "cargo is missing: install Rust from rustup.rs first" >&2; exit 1; }
  rustup target list --installed | grep -qx wasm32-unknown-unknown || run rustup target add wasm32-unknown-unknown
  command -v wasm-opt >/dev/null || apt_install binaryen
  command -v zip >/dev/null || apt_install zip
  command -v python3 >/dev/null || apt_install python3
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    # Not --locked: the CLI's own lockfile pins crates this toolchain no longer builds.
    run cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
}

install_browser_tools() {
  step "checking browser test tools"
  command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
  command -v openssl >/dev/null || apt_install openssl
  local pkgs=()
  [ -x "$CHROMIUM" ] || pkgs+=(chromium)
  command -v chromedriver >/dev/null || pkgs+=(chromium-driver)
  [ ${#pkgs[@]} -eq 0 ] || apt_install "${pkgs[@]}"
  # Reinstall the test runner's packages only when the lockfile changed since the last install.
  if [ ! -f tests/node_modules/.package-lock.json ] || [ tests/package-lock.json -nt tests/node_modules/.package-lock.json ]; then
    (cd tests && run npm ci --no-audit --no-fund)
  fi
}

build_wasm() {
  step "building the core to WASM"
  # Without reference types: wasm-opt 108 rewrites wasm-bindgen's externref table into one that
  # the glue can't fill (init fails with "WebAssembly.Table.set(): Argument 1 is invalid").
  run env CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-feature=-reference-types" \
    cargo build --release --target wasm32-unknown-unknown -p notyet-wasm
  local raw=target/wasm32-unknown-unknown/release/notyet_wasm.wasm
  # Cargo leaves its output untouched when nothing changed; so is the post-processing skipped.
  if [ -f "$PKG/notyet_wasm_bg.wasm" ] && [ "$PKG/notyet_wasm_bg.wasm" -nt "$raw" ]; then
    echo "WASM unchanged since the last build: wasm-bindgen and wasm-opt skipped"
    return
  fi
  run wasm-bindgen "$raw" --target web --no-typescript --out-dir "$PKG"
  # --converge repeats -Oz until nothing changes: ~200 bytes gzipped for 2 s.
  run wasm-opt -Oz --converge "${WASM_OPT_FEATURES[@]}" "$PKG/notyet_wasm_bg.wasm" -o "$PKG/notyet_wasm_bg.wasm"
}

# --- options page (crates/options): a cdylib of its own, so the worker's module stays small ---
build_options_wasm() {
  step "building the options page to WASM"
  run env CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-feature=-reference-types" \
    cargo build --profile options --target wasm32-unknown-unknown -p notyet-options
  local raw=target/wasm32-unknown-unknown/options/notyet_options.wasm
  if [ -f "$PKG/notyet_options_bg.wasm" ] && [ "$PKG/notyet_options_bg.wasm" -nt "$raw" ]; then
    echo "options WASM unchanged since the last build: wasm-bindgen and wasm-opt skipped"
    return
  fi
  run wasm-bindgen "$raw" --target web --no-typescript --out-dir "$PKG"
  run wasm-opt -Oz --converge "${WASM_OPT_FEATURES[@]}" "$PKG/notyet_options_bg.wasm" -o "$PKG/notyet_options_bg.wasm"
}
# --- end options page ---

assemble() {
  step "assembling dist/chrome and dist/firefox"
  run rm -rf dist/chrome dist/firefox dist/notyet-chrome.zip dist/notyet-firefox.zip
  run mkdir -p dist/chrome/wasm
  run cp -R extension/. dist/chrome/
  run cp "$PKG/notyet_wasm.js" "$PKG/notyet_wasm_bg.wasm" dist/chrome/wasm/
  run cp "$PKG/notyet_options.js" "$PKG/notyet_options_bg.wasm" dist/chrome/wasm/ # options page
  run cp -R dist/chrome dist/firefox
  # One manifest source; Firefox gets its id and event-page background instead of a service worker.
  run python3 - dist/firefox/manifest.json <<'PY'
import json, sys
path = sys.argv[1]
m = json.load(open(path))
m["background"] = {"scripts": [m["background"]["service_worker"]], "type": "module"}
m.pop("minimum_chrome_version", None)
# Chrome's side panel is Firefox's sidebar: the same page.
m["sidebar_action"] = {"default_panel": m.pop("side_panel")["default_path"], "default_title": "__MSG_panel_title__",
                       "default_icon": m["action"]["default_icon"], "open_at_install": False}
m["permissions"] = [p for p in m["permissions"] if p != "sidePanel"]
# NotYet collects nothing and sends nothing: said in the form Firefox's add-on store asks for.
m["browser_specific_settings"] = {"gecko": {"id": "notyet@notyet.example", "strict_min_version": "128.0",
                                            "data_collection_permissions": {"required": ["none"]}}}
json.dump(m, open(path, "w"), indent=2)
PY
  (cd dist/chrome && run zip -qr -X ../notyet-chrome.zip .)
  (cd dist/firefox && run zip -qr -X ../notyet-firefox.zip .)
  local wasm=dist/chrome/wasm/notyet_wasm_bg.wasm
  printf 'WASM size: %s bytes raw, %s bytes gzipped (budget 358400 / 133120)\n' \
    "$(wc -c <"$wasm")" "$(gzip -9c "$wasm" | wc -c)"
  printf 'options page WASM: %s bytes raw, %s bytes gzipped (loaded by the options page only)\n' \
    "$(wc -c <dist/chrome/wasm/notyet_options_bg.wasm)" "$(gzip -9c dist/chrome/wasm/notyet_options_bg.wasm | wc -c)"
  echo "built: dist/chrome (load unpacked), dist/firefox, dist/notyet-chrome.zip, dist/notyet-firefox.zip"
}

build() {
  install_build_tools
  build_wasm
  build_options_wasm
  assemble
}

browser_tests() {
  step "page fixtures (contract section 5)"
  local status=0
  run node tests/e2e.mjs tests/fixtures/pages || status=1
  step "browser tests"
  run node --test tests/browser.test.mjs || status=1
  step "options page tests"
  run node --test tests/options.test.mjs || status=1
  return $status
}

case "${1:-}" in
  "")
    build
    ;;
  test)
    build
    step "cargo tests"
    run cargo test --workspace
    step "fuzzing the template and settings parsers (a short run; seeds only without nightly cargo-fuzz)"
    run fuzz/run.sh 20
    install_browser_tools
    browser_tests
    ;;
  e2e)
    build
    install_browser_tools
    step "page fixtures"
    run node tests/e2e.mjs "${2:-tests/fixtures/pages}"
    ;;
  demo)
    build
    install_browser_tools
    step "demo"
    run node tests/demo.mjs "${@:2}"
    ;;
  bench)
    build
    install_browser_tools
    step "benchmarks"
    run node tests/bench.mjs
    step "options page benchmarks"
    run node tests/bench-options.mjs
    ;;
  *)
    echo "usage: ./build.sh [test | e2e [DIR] | demo [--headed] | bench]" >&2
    exit 2
    ;;
esac
