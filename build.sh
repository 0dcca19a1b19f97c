#!/usr/bin/env bash
# NotYet's one entry point. With no argument: install what is missing, build the WASM and the
# extension for Chrome and Firefox (dist/), and check the size budgets. Then:
#   ./build.sh test            every gate and test: fmt, clippy, budgets, cargo tests, a short
#                              fuzz run, the store linter, the page fixtures and browser tests
#                              in Chromium and Firefox
#   ./build.sh e2e [DIR]       the page-fixture runner (tests/fixtures/README.md), default
#                              tests/fixtures/pages; BROWSER=firefox|chromium (default chromium)
#   ./build.sh demo [--headed] a sample invitation, one click, the draft printed, dist/demo.png,
#                              and the store screenshots in dist/screenshots/
#   ./build.sh bench           click-to-draft timings, snapshot + read, WASM size
#   ./build.sh release         version-stamped zips and their SHA-256 sums in dist/release/
#   ./build.sh fuzz [SECONDS]  every fuzz target for SECONDS each (default 300)
set -euo pipefail
cd "$(dirname "$0")"
export PATH="$HOME/.cargo/bin:$PATH"

# Each step with the time since the start, so a slow part of `./build.sh test` shows.
step() { printf '\n==> %s  [%dm%02ds]\n' "$*" $((SECONDS / 60)) $((SECONDS % 60)); }
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
# wasm-opt must be told which post-MVP features rustc's output uses (the module is stripped of
# the section that lists them).
WASM_OPT_FEATURES=(--enable-bulk-memory --enable-reference-types --enable-sign-ext --enable-mutable-globals
  --enable-nontrapping-float-to-int --enable-multivalue)
PKG=target/wasm-pkg

# The budgets, in one place; a build past any of them fails.
# Each store zip: 200 KB was the goal, met when the worker and the pages came to share one WASM
# module (198,006 B that day). Raised to 210 KB, a decision: the welcome page (5.3 KB gzipped in
# the module) and the French interface (4.9 KB) came after typed reasons in three languages; the
# zips are deflated by zopfli (−5.6%) and still come to 208,894 B (issue 9's notes).
# Raised to 230 KB with the module below for issue 7's reader (226,054 B).
# Raised to 265 KB with the invitation side panel (issue 8), a decision: the panel shares the
# module rather than shipping a second copy of the core (273,081 B with it: about +47 KB).
# Lowered to 256 KB by issue 9's size work (std rebuilt for the module, compact _locales, the
# JavaScript without comment lines, two sorts fewer): 252,356 B (README, WASM size).
ZIP_BUDGET=262144             # 256 KB
# The one WASM module (worker and extension pages), after wasm-opt; it loads on every cold click,
# so growth should be a decision, not an accident. Set when the two modules became one (397,577 B,
# 170,965 B gzipped); the raw figure raised to 450 KB when typed reasons in three languages added
# 19.5 KB (417,090 B): what users download is the gzipped module and the zip, held where they were.
# Raised to 470 KB raw and 200 KB gzipped, a decision, when reading LinkedIn as it really is
# (issue 7: cards found by their Accept/Ignore controls in seven languages, times by pattern,
# visibility, lone surrogates tolerated, a choice of person when unsure, masked page reports)
# added 17.9 KB raw and 13.7 KB gzipped: 468,737 B and 198,524 B then.
# Raised to 480 KB raw and 204 KB gzipped for issue 9's options page (rule summaries, a rule's
# length, placeholder buttons, the error line marked: +8.2 KB raw, +3.2 KB gzipped) on top of
# the notice's choices: 480,872 B and 205,151 B then.
# Raised to 570 KB raw and 240 KB gzipped with the invitation side panel (issue 8: its page,
# list, progress record and the card-control reader; about +85 KB raw, +31 KB gzipped).
# Lowered to 525 KB raw and 222 KB gzipped by issue 9's size work (513,598 B, 218,658 B then;
# a few KB of room for the work landing alongside).
# Raised to 565 KB raw, a decision, when the pages' 307 interface messages moved from _locales into
# the module (1 Dec 2026): +43.8 KB raw of text, and 3.4 KB less in each zip (README, WASM size).
WASM_BUDGET=578560            # 565 KB
# Gzipped raised with the zip for the welcome page: 184,857 B then.
# 202 KB for the notice rework and issue 7 both in (204,836 B); 204 KB with issue 9's options page;
# 240 KB with the side panel; lowered to 222 KB by issue 9's size work (218,658 B); 236 KB with
# the pages' messages in the module (+15.4 KB gzipped, −17.9 KB of _locales in each zip): 235,140 B.
WASM_GZIP_BUDGET=241664       # 236 KB gzipped (gzip -9)
# The module's std, rebuilt with these (build_wasm says why).
WASM_STD_FLAGS="-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none"
# The binaryen release whose wasm-opt output the sizes above and the release sums are made with:
# its npm package, pinned with its integrity by tools/package-lock.json and run under Node.
# Against Debian 12's binaryen 108: −164 B on each zip as landed, the module no slower (README, WASM size).
WASM_OPT_VERSION=132
WASM_OPT=tools/node_modules/.bin/wasm-opt
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
export CHROMIUM

install_build_tools() {
  step "checking build tools"
  command -v cargo >/dev/null || { echo "cargo is missing: install Rust from rustup.rs first" >&2; exit 1; }
  rustup target list --installed | grep -qx wasm32-unknown-unknown || run rustup target add wasm32-unknown-unknown
  rustup component list --installed | grep -q "^rust-src" || run rustup component add rust-src
  # Node runs wasm-opt here, and the browser tests later.
  command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
  # Reinstalled only when the lockfile changed since the last install.
  if [ ! -f tools/node_modules/.package-lock.json ] || [ tools/package-lock.json -nt tools/node_modules/.package-lock.json ]; then
    (cd tools && run npm ci --no-audit --no-fund)
  fi
  # Another wasm-opt writes other bytes: a release must be made with the checked one.
  local have
  have=$($WASM_OPT --version | sed -n 's/^wasm-opt version \([0-9]*\).*/\1/p')
  if [ "$have" != "$WASM_OPT_VERSION" ]; then
    echo "wasm-opt version $have found, $WASM_OPT_VERSION expected (tools/package-lock.json): sizes and release sums would differ" >&2
    exit 1
  fi
  command -v python3 >/dev/null || apt_install python3
  # zopfli's deflate for the zips (scripts/assemble.py): the same files 5.6% smaller.
  command -v advzip >/dev/null || apt_install advancecomp
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
  command -v firefox-esr >/dev/null || pkgs+=(firefox-esr)
  [ ${#pkgs[@]} -eq 0 ] || apt_install "${pkgs[@]}"
  # Reinstall the test runner's packages only when the lockfile changed since the last install.
  if [ ! -f tests/node_modules/.package-lock.json ] || [ tests/package-lock.json -nt tests/node_modules/.package-lock.json ]; then
    (cd tests && run npm ci --no-audit --no-fund)
  fi
}

# One module for the service worker and every extension page (crates/wasm links crates/options):
# one copy of the core in the zip instead of two (README, WASM size).
build_wasm() {
  step "building the core and the extension pages to WASM"
  # Without reference types: wasm-bindgen's externref table costs more than the glue's heap of
  # objects it replaces (module and glue +2.4 KB gzipped with binaryen 132; binaryen 108 even
  # rewrote the table into one that the glue couldn't fill).
  # std is rebuilt from the pinned release's own source (the rust-src component) with the module's
  # flags: a panic is a trap with no message (its formatting code, location strings and unwinding
  # glue gone; the module already aborts on panic), `{:?}` prints nothing (no user-visible text is
  # Debug-formatted; the tests run natively, with Debug). -32 KB raw, -13 KB gzipped (README, WASM
  # size). These are unstable flags on a stable compiler (RUSTC_BOOTSTRAP): the same pinned
  # release and source give the same bytes, so the release stays reproducible. std's own
  # `optimize_for_size` feature picks its smaller sorts and number formatting: -3.2 KB raw,
  # -1.6 KB gzipped, planRequest on 300 and 1,000 invitations no slower (README, WASM size).
  run env RUSTC_BOOTSTRAP=1 CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-feature=-reference-types $WASM_STD_FLAGS" \
    cargo build --locked --release --target wasm32-unknown-unknown -p notyet-wasm -Zbuild-std=std,panic_abort \
    -Zbuild-std-features=optimize_for_size
  local raw=target/wasm32-unknown-unknown/release/notyet_wasm.wasm
  # Cargo leaves its output untouched when nothing changed; so is the post-processing skipped.
  if [ -f "$PKG/notyet_wasm_bg.wasm" ] && [ "$PKG/notyet_wasm_bg.wasm" -nt "$raw" ]; then
    echo "WASM unchanged since the last build: wasm-bindgen and wasm-opt skipped"
    return
  fi
  run wasm-bindgen "$raw" --target web --no-typescript --out-dir "$PKG"
  # --converge repeats -Oz until nothing changes: ~300 bytes gzipped.
  # --low-memory-unused lets wasm-opt fold `load(p + C)` into `load offset=C (p)` for C < 1024:
  # the two differ only where p + C wraps past 4 GB, which no Rust pointer does (the module's
  # lowest 1 KB is the far end of its 1 MB stack). -2.5 KB raw, -0.9 KB gzipped (README, WASM size).
  # --strip-producers: the tool names and versions wasm-bindgen writes into the module (62 B).
  run $WASM_OPT -Oz --converge --low-memory-unused --strip-producers "${WASM_OPT_FEATURES[@]}" "$PKG/notyet_wasm_bg.wasm" -o "$PKG/notyet_wasm_bg.wasm"
  # The imported functions' names without wasm-bindgen's 16-digit hashes, in the module and the
  # glue alike: -2 KB on each zip (scripts/short_imports.py says how).
  run python3 scripts/short_imports.py "$PKG"
}


# The test build (target/ext-test/, with the worker's test seams) and what ships (dist/, without).
assemble() {
  step "assembling dist/chrome and dist/firefox (and the test build in target/ext-test)"
  run python3 scripts/assemble.py "$PKG"
  echo "built: dist/chrome (load unpacked), dist/firefox, dist/notyet-chrome.zip, dist/notyet-firefox.zip"
  check_budgets
}

size() { wc -c <"$1" | tr -d ' '; }
gz_size() { gzip -9c "$1" | wc -c | tr -d ' '; }

# Fails the build past a budget, after printing every figure.
check_budgets() {
  local over=0
  budget() { # label, bytes, budget
    local mark="ok"
    [ "$2" -le "$3" ] || { mark="OVER BUDGET"; over=1; }
    printf '  %-42s %9s bytes  (budget %s)  %s\n' "$1" "$2" "$3" "$mark"
  }
  echo "sizes:"
  local w=dist/chrome/wasm/notyet_wasm_bg.wasm
  budget "WASM (worker and pages)" "$(size $w)" $WASM_BUDGET
  budget "WASM, gzip -9" "$(gz_size $w)" $WASM_GZIP_BUDGET
  budget "dist/notyet-chrome.zip" "$(size dist/notyet-chrome.zip)" $ZIP_BUDGET
  budget "dist/notyet-firefox.zip" "$(size dist/notyet-firefox.zip)" $ZIP_BUDGET
  [ $over = 0 ] || { echo "a size budget is exceeded (budgets: the top of build.sh)" >&2; return 1; }
}

build() {
  install_build_tools
  build_wasm
  assemble
}

# The browser tests in one browser (chromium or firefox).
browser_tests() {
  local browser=$1 status=0
  step "page fixtures in $browser"
  run env BROWSER="$browser" node tests/e2e.mjs tests/fixtures/pages || status=1
  step "outside pages (markup saved from the live site by others) in $browser"
  run env BROWSER="$browser" node tests/e2e.mjs tests/fixtures/outside || status=1
  step "browser tests in $browser"
  run env BROWSER="$browser" node --test --test-concurrency=1 tests/browser.test.mjs || status=1
  step "notice tests in $browser"
  run env BROWSER="$browser" node --test --test-concurrency=1 tests/notice.test.mjs || status=1
  step "options page tests in $browser"
  run env BROWSER="$browser" node --test --test-concurrency=1 tests/options.test.mjs || status=1
  step "side panel tests in $browser"
  run env BROWSER="$browser" node --test --test-concurrency=1 tests/panel.test.mjs || status=1
  if [ "$browser" = chromium ]; then
    step "welcome page, dark mode and interface languages in $browser"
    run env BROWSER="$browser" node --test --test-concurrency=1 tests/pages.test.mjs || status=1
  fi
  return $status
}

# Formatting and lints: a change that breaks either fails the run. And the repository explains
# itself: no file may send a reader to a document outside it.
gates() {
  step "cargo fmt --check, clippy, no references outside the repository"
  run cargo fmt --all --check
  run cargo clippy --locked --workspace --all-targets -- -D warnings
  (cd fuzz && run cargo fmt --check)
  local outside
  # Written with bracket classes so that this line is not itself such a reference.
  outside=$(git grep -n -I -E 'contract[ ]section|contract[.]md|[.][.]/shared/' || true)
  if [ -n "$outside" ]; then
    echo "these lines refer to documents outside the repository; describe the format here instead (docs/formats.md):" >&2
    echo "$outside" >&2
    return 1
  fi
}

# Mozilla's add-on linter, as addons.mozilla.org runs it on upload: no errors, no warnings.
lint_firefox() {
  step "addons-linter on dist/firefox"
  local out
  out=$(node tests/node_modules/addons-linter/bin/addons-linter --output json dist/firefox) || true
  node -e '
    const r = JSON.parse(process.argv[1]);
    for (const kind of ["errors", "warnings", "notices"]) for (const m of r[kind]) console.log(`${kind.slice(0, -1)}: ${m.code} ${m.file ?? ""} ${m.message}`);
    console.log(`addons-linter: ${r.summary.errors} errors, ${r.summary.warnings} warnings, ${r.summary.notices} notices`);
    process.exit(r.summary.errors || r.summary.warnings ? 1 : 0);' "$out"
}

# Zips dist/chrome again from a copy with other file times and asserts the bytes are the same:
# the release's reproducibility, tested without a second build.
check_reproducible_zip() {
  step "the zips are reproducible (dist/chrome zipped again from a copy with other file times)"
  local tmp
  tmp=$(mktemp -d)
  cp -R dist/chrome "$tmp/chrome"
  find "$tmp/chrome" -type f -exec touch -d "2001-02-03 04:05:06" {} +
  python3 scripts/assemble.py --zip "$tmp/chrome" "$tmp/again.zip"
  if cmp -s dist/notyet-chrome.zip "$tmp/again.zip"; then
    echo "same bytes: $(sha256sum <dist/notyet-chrome.zip | cut -c1-16)…"
  else
    echo "dist/notyet-chrome.zip differs when zipped again" >&2
    rm -rf "$tmp"
    return 1
  fi
  rm -rf "$tmp"
}

release() {
  local version
  version=$(python3 -c 'import json; print(json.load(open("extension/manifest.json"))["version"])')
  step "release $version"
  rm -rf dist/release
  mkdir -p dist/release
  run python3 scripts/assemble.py --zip dist/chrome "dist/release/notyet-$version-chrome.zip"
  run python3 scripts/assemble.py --zip dist/firefox "dist/release/notyet-$version-firefox.zip"
  # The source a store reviewer rebuilds from (Mozilla asks for it with any generated code; the
  # WASM is). git archive takes its file times from the commit: the same commit, the same bytes.
  if git rev-parse --git-dir >/dev/null 2>&1; then
    [ -z "$(git status --porcelain --untracked-files=no)" ] || echo "note: uncommitted changes are not in the source zip" >&2
    run git archive --format=zip --prefix="notyet-$version/" -o "dist/release/notyet-$version-source.zip" HEAD
  fi
  (cd dist/release && sha256sum -- *.zip >SHA256SUMS)
  cat dist/release/SHA256SUMS
  echo "release files: dist/release/ (commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown))"
}

case "${1:-}" in
  "")
    build
    ;;
  test)
    status=0
    gates
    build
    check_reproducible_zip
    step "cargo tests"
    run cargo test --locked --workspace
    step "fuzzing (a short run of each target; seeds only without nightly cargo-fuzz)"
    run fuzz/run.sh 20
    install_browser_tools
    step "the shipped JavaScript has the tested code's tokens (only comment lines removed)"
    run node tests/shipped-js.mjs || status=1
    step "the shipped worker starts without the optional APIs (Firefox for Android has no menus, commands or sidebar)"
    run node --test tests/worker-start.test.mjs || status=1
    lint_firefox || status=1
    browser_tests chromium || status=1
    browser_tests firefox || status=1
    [ $status = 0 ] || { echo "some tests failed (see above)" >&2; exit 1; }
    ;;
  e2e)
    build
    install_browser_tools
    step "page fixtures in ${BROWSER:-chromium}"
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
    step "side panel benchmarks"
    run node tests/bench-panel.mjs
    ;;
  release)
    build
    release
    ;;
  fuzz)
    install_build_tools
    step "fuzzing every target for ${2:-300} s"
    run fuzz/run.sh "${2:-300}"
    ;;
  *)
    echo "usage: ./build.sh [test | e2e [DIR] | demo [--headed] | bench | release | fuzz [SECONDS]]" >&2
    exit 2
    ;;
esac
