#!/usr/bin/env bash
# Fuzz what users and pages hand the core (templates, settings, page snapshots). Usage: fuzz/run.sh [SECONDS_PER_TARGET]   (default 60)
#   With a nightly toolchain and cargo-fuzz: a coverage-guided run of each target.
#   Without them: builds the targets with stable and replays the seeds (a smoke test, no fuzzing).
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
targets=(template_parse settings_parse click_plan)

if rustup toolchain list 2>/dev/null | grep -q '^nightly' && cargo +nightly fuzz --version >/dev/null 2>&1; then
  for t in "${targets[@]}"; do
    mkdir -p "corpus/$t"
    echo "== cargo +nightly fuzz run $t (${seconds}s)"
    cargo +nightly fuzz run "$t" "corpus/$t" "seeds/$t" -- -max_total_time="$seconds"
  done
else
  echo "== no nightly toolchain with cargo-fuzz: building with stable and replaying the seeds only"
  echo "   (to fuzz: rustup toolchain install nightly && cargo install cargo-fuzz)"
  cargo build --locked
  for t in "${targets[@]}"; do
    echo "== $t: seeds"
    "target/debug/$t" seeds/"$t"/*
  done
fi
