#!/usr/bin/env bash
# Runs the GoogleTest suites through ctest with a throwaway PostgreSQL cluster, so the store
# tests run against both SQLite and PostgreSQL. Usage: scripts/run-unit-tests.sh BUILD_DIR [JOBS]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-build}
JOBS=${2:-2}

cluster_parent=$(mktemp -d)
cleanup() {
  scripts/test-postgres.sh stop "$cluster_parent/cluster" >/dev/null 2>&1 || true
  rm -rf "$cluster_parent"
}
trap cleanup EXIT

SSPR_TEST_PG_URL=$(scripts/test-postgres.sh start "$cluster_parent/cluster")
export SSPR_TEST_PG_URL
cd "$BUILD_DIR"
ctest --output-on-failure -j "$JOBS"
