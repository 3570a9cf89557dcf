#!/usr/bin/env bash
# Runs the unit tests and the integration suite against a sanitizer build (cmake -DSSPR_SANITIZE=ON,
# `make test-sanitize`, docs/TESTING.md) and fails when any sanitizer reported anything, also from
# a server process a test started and never looked at again.
# Usage: scripts/run-sanitized-tests.sh BUILD_DIR [JOBS] [pytest arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
BUILD_DIR=$(realpath "${1:-build-sanitize}")
JOBS=${2:-2}
shift $(($# < 2 ? $# : 2))

# Every instrumented process writes its reports to REPORTS/report.<pid> instead of stderr (one
# log_path for all three: in one process they share it), stops at the first error, and
# LeakSanitizer checks every process that exits normally.
REPORTS="$BUILD_DIR/sanitizer-reports"
rm -rf "$REPORTS"
mkdir -p "$REPORTS"
export ASAN_OPTIONS="log_path=$REPORTS/report:halt_on_error=1:detect_leaks=1:check_initialization_order=1"
export LSAN_OPTIONS="log_path=$REPORTS/report:suppressions=$REPO/tests/sanitize/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="log_path=$REPORTS/report:halt_on_error=1:print_stacktrace=1:suppressions=$REPO/tests/sanitize/ubsan.supp"

# The integration suite runs its backend-parametrized tests on SQLite only: the store code of
# both backends already runs instrumented in the unit tests (which start PostgreSQL), and the
# tests that are about PostgreSQL itself (several nodes on one database) still run. This halves
# the suite's time so that .ci/run can call it. SSPR_TEST_BACKENDS=sqlite,postgresql runs both.
export SSPR_TEST_BACKENDS="${SSPR_TEST_BACKENDS:-sqlite}"

# Tests marked `timing` compare response times (the enumeration tests: an unknown account must
# take as long as a known one). Under ASan a statement costs several times what it costs in the
# product while Argon2id (libsodium, not instrumented) does not, so a few extra statements on
# one path can exceed what those tests allow; they prove the product's timing in `make test`.
# A later -m among the pytest arguments replaces this one.

status=0
echo "== unit tests ($BUILD_DIR)"
scripts/run-unit-tests.sh "$BUILD_DIR" "$JOBS" || status=1
echo "== integration tests (SSPR_BINARY=$BUILD_DIR/sspr, backends: $SSPR_TEST_BACKENDS)"
SSPR_BINARY="$BUILD_DIR/sspr" /usr/bin/python3 -m pytest -q -p no:cacheprovider \
  -m "not timing" "$@" tests/integration || status=1

# Report files only appear when a sanitizer found something (an empty one is not a finding).
reports=$(find "$REPORTS" -type f -size +0 | sort)
if [ -n "$reports" ]; then
  echo "== sanitizer reports ($(echo "$reports" | wc -l) processes; the first 20 in full):"
  for report in $(echo "$reports" | head -n 20); do
    echo "---- $report"
    cat "$report"
  done
  echo "$reports" | tail -n +21 | sed 's/^/---- (not shown) /'
  echo "FAIL: sanitizers reported errors (files above, kept in $REPORTS)"
  exit 1
fi
if [ "$status" -ne 0 ]; then
  echo "FAIL: tests failed under sanitizers"
  exit "$status"
fi
echo "OK: all tests passed under ASan+UBSan, no sanitizer reports"
