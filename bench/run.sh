#!/usr/bin/env bash
# Runs every benchmark: Google Benchmark (in-process), wrk against a real `sspr serve`, and
# the reset-flow load generator (bench/reset_load; it starts its own server).
# Usage: bench/run.sh [BUILD_DIR]. Results go to stdout; copy them to docs/PERFORMANCE.md
# with the command line that produced them.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-build}
SSPR="$BUILD_DIR/sspr"

echo "== Google Benchmark: $BUILD_DIR/sspr_bench"
"$BUILD_DIR/sspr_bench" --benchmark_min_time=1

work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill -TERM "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
SSPR_LOG_LEVEL=warn "$SSPR" serve --listen "127.0.0.1:$port" --data "$work/data" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fs "http://127.0.0.1:$port/healthz" >/dev/null || { cat "$work/server.log"; exit 1; }

echo
echo "== wrk -t1 -c64 -d10s http://127.0.0.1:$port/healthz  (target: >= 50,000 requests/s)"
wrk -t1 -c64 -d10s --latency "http://127.0.0.1:$port/healthz"

kill -TERM "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
server_pid=""

echo
echo "== $BUILD_DIR/sspr_reset_load  (targets: complete resets >= 85 % of the Argon2id ceiling /"
echo "   hashes per reset; start+challenge+verify >= 5,000 requests/s, p99 <= 20 ms, 64 clients)"
"$BUILD_DIR/sspr_reset_load" --sspr "$SSPR"

echo
echo "== bench/scale_out.py  (issue 8: the same load on 1 and 2 nodes, SQLite and PostgreSQL;"
echo "   figures only, no target)"
/usr/bin/python3 bench/scale_out.py --sspr "$SSPR"

echo
echo "== bench/audit_scale.py  (targets: audit CSV export >= 200,000 rows/s with flat server"
echo "   memory at 100k and 1M rows; registration report for 100,000 users <= 2 s, SQLite and PostgreSQL)"
/usr/bin/python3 bench/audit_scale.py --sspr "$SSPR"
echo "== bench/onprem_sync_10k.py  (target: a full sync of 10,000 users <= 30 s)"
/usr/bin/python3 bench/onprem_sync_10k.py --binary "$SSPR"
