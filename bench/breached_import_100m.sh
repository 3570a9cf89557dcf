#!/usr/bin/env bash
# Times `sspr breached import` of COUNT generated hashes (default 100 million; target: at most
# 3 minutes on 2 cores). Not part of `make test` or `make bench`: it writes ~4.6 GB of text and
# needs ~4 GB of memory. Usage: bench/breached_import_100m.sh [BUILD_DIR] [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-build}
COUNT=${2:-100000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== generating $COUNT hashes in $work/pwned.txt"
time /usr/bin/python3 bench/generate_pwned_text.py "$COUNT" "$work/pwned.txt"
ls -l "$work/pwned.txt"

echo "== sspr breached import (target: <= 180 s for 100 million)"
/usr/bin/time -f "wall %e s, user %U s, sys %S s, max RSS %M KiB" \
  "$BUILD_DIR/sspr" breached import "$work/pwned.txt" --output "$work/breached.filter"
"$BUILD_DIR/sspr" breached status --file "$work/breached.filter"
