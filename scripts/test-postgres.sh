#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for tests.
#
#   scripts/test-postgres.sh start DIR   creates (or reuses) a cluster under DIR, listening only on
#                                        127.0.0.1 at a free port with its unix socket in DIR, with
#                                        a database sspr_test; prints ONE line: the URL
#                                        postgresql://postgres@127.0.0.1:PORT/sspr_test
#   scripts/test-postgres.sh stop DIR    stops the cluster (immediate mode: it is thrown away,
#                                        so no shutdown checkpoint) and removes DIR
#
# Works as root (initdb refuses root, so the server runs as the `postgres` user) or as any
# other user that may run the PostgreSQL binaries itself. Loopback uses trust authentication:
# this cluster is for tests only. Quiet on success; on failure the server log goes to stderr.
set -euo pipefail

usage() {
  echo "usage: $0 start|stop DIR" >&2
  exit 2
}

[[ $# -eq 2 ]] || usage
action=$1
dir=$2

bin_dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [[ -z "$bin_dir" || ! -x "$bin_dir/initdb" ]]; then
  echo "test-postgres: no PostgreSQL binaries under /usr/lib/postgresql/*/bin" >&2
  exit 1
fi

# Runs a PostgreSQL binary as the cluster owner.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  /usr/bin/python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

# A DIR inside a private temp dir (mktemp -d makes them 0700) is unreachable for the
# postgres user: give such parents search permission only (o+x: no listing), and only below
# the system temp directories; elsewhere the caller must choose a reachable DIR.
open_temp_parents() {
  local parent
  parent=$(dirname "$1")
  while [[ "$parent" != "/" ]]; do
    case "$parent/" in
      /tmp/?*/ | /var/tmp/?*/ | "${TMPDIR:-/tmp}"/?*/)
        if ! runuser -u postgres -- test -x "$parent"; then chmod o+x "$parent"; fi
        ;;
    esac
    parent=$(dirname "$parent")
  done
}

url_of() {
  echo "postgresql://postgres@127.0.0.1:$1/sspr_test"
}

start() {
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$dir"
  fi
  chmod 0700 "$dir"
  if [[ $(id -u) -eq 0 ]]; then
    open_temp_parents "$dir"
  fi
  if ! as_owner test -w "$dir"; then
    echo "test-postgres: $dir is not reachable by the postgres user (check its parents)" >&2
    exit 1
  fi

  local data="$dir/data"
  local log="$dir/server.log"
  if [[ -f "$dir/port" ]] && as_owner "$bin_dir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    url_of "$(cat "$dir/port")"
    return
  fi

  if [[ ! -f "$data/PG_VERSION" ]]; then
    if ! as_owner "$bin_dir/initdb" -D "$data" -U postgres --auth=trust -E UTF8 \
      --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
      cat "$dir/initdb.log" >&2
      exit 1
    fi
  fi

  local port
  port=$(free_port)
  if ! as_owner "$bin_dir/pg_ctl" -D "$data" -l "$log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null 2>&1; then
    echo "test-postgres: server did not start" >&2
    [[ -f "$log" ]] && cat "$log" >&2
    exit 1
  fi
  echo "$port" >"$dir/port"

  local exists
  exists=$(as_owner "$bin_dir/psql" -h "$dir" -p "$port" -U postgres -d postgres -Atq \
    -c "SELECT 1 FROM pg_database WHERE datname = 'sspr_test'")
  if [[ "$exists" != "1" ]]; then
    as_owner "$bin_dir/createdb" -h "$dir" -p "$port" -U postgres sspr_test
  fi
  url_of "$port"
}

stop() {
  [[ -d "$dir" ]] || return 0
  if [[ -f "$dir/data/PG_VERSION" ]]; then
    as_owner "$bin_dir/pg_ctl" -D "$dir/data" -m immediate -t 30 -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "$action" in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
