#!/usr/bin/env bash
# Runs one libFuzzer target for a fixed time: first every input kept in
# tests/fuzz/regressions/<target>/ (inputs that once crashed it) and the seed corpus
# tests/fuzz/corpus/<target>/, then new inputs until SECONDS are up. New interesting inputs go
# to WORKDIR, never into the source tree; a crash is written to WORKDIR/crash-* and fails the run.
#   tests/fuzz/run_fuzz.sh BINARY SECONDS WORKDIR [libFuzzer flags...]
# Used by ctest (label fuzz, a few seconds each) and scripts/fuzz (minutes each).
set -euo pipefail
binary="$1" seconds="$2" work="$3"
shift 3
src=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
target=$(basename "$binary")
mkdir -p "$work/new" "$work/artifacts"
# Sanitizer options and third-party suppressions, unless the caller set its own.
source "$src/../sanitizers/sanitize_env.sh"
dirs=("$work/new")
for d in "$src/corpus/$target" "$src/regressions/$target"; do
  [[ -d "$d" ]] && dirs+=("$d")
done
# -timeout: an input taking longer is a hang (a bug); -rss_limit_mb: a memory blow-up is one too.
if ! "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/" "$@" "${dirs[@]}"; then
  echo "run_fuzz: $target failed; the input is in $work/artifacts/." >&2
  echo "run_fuzz: fix the bug, then keep the input as a regression:" >&2
  echo "  cp $work/artifacts/<file> tests/fuzz/regressions/$target/" >&2
  exit 1
fi
