#!/usr/bin/env bash
# Runs the libFuzzer targets of tests/fuzz (docs/FUZZING.md), one after the other: each first
# runs every input of its committed seed corpus (tests/fuzz/corpus/<target>, the regression
# inputs included), then fuzzes for SECONDS. New corpus inputs go to a temporary directory, so
# the git tree stays clean; a finding (crash, sanitizer report, failed property, timeout, leak)
# is written to BUILD_DIR/findings/<target>/ and makes the script fail.
# Usage: scripts/run-fuzz.sh BUILD_DIR SECONDS [TARGET...]   (all targets when none is named)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:?usage: scripts/run-fuzz.sh BUILD_DIR SECONDS [TARGET...]}
SECONDS_EACH=${2:?usage: scripts/run-fuzz.sh BUILD_DIR SECONDS [TARGET...]}
shift 2

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for source in tests/fuzz/*.cc; do targets+=("$(basename "$source" .cc)"); done
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# Sanitizer findings abort the run with a report; leaks count as findings.
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

failed=()
for target in "${targets[@]}"; do
  binary="$BUILD_DIR/fuzz_$target"
  seeds="tests/fuzz/corpus/$target"
  if [ ! -x "$binary" ] || [ ! -d "$seeds" ]; then
    echo "run-fuzz: no binary $binary or no corpus $seeds" >&2
    exit 2
  fi
  findings="$BUILD_DIR/findings/$target"
  mkdir -p "$scratch/$target" "$findings"
  echo "run-fuzz: $target for ${SECONDS_EACH}s over $(find "$seeds" -type f | wc -l) seed inputs"
  if ! "$binary" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
      -max_len=4096 -print_final_stats=1 -artifact_prefix="$findings/" \
      "$scratch/$target" "$seeds" >"$scratch/$target.log" 2>&1; then
    tail -n 60 "$scratch/$target.log" >&2
    echo "run-fuzz: $target FAILED; reproducer in $findings/ (docs/FUZZING.md)" >&2
    failed+=("$target")
  else
    grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "$scratch/$target.log" | tail -n 2
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "run-fuzz: findings in ${failed[*]}" >&2
  exit 1
fi
echo "run-fuzz: ${#targets[@]} targets clean"
