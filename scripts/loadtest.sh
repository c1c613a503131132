#!/usr/bin/env bash
# Load test of `sitrep serve` on loopback (issue 5): a store of generated events (100,000 by
# default), the events query under wrk with a rotating set of filters for a bounded time.
# Prints requests/s, p50/p99 latency and the error count; exits non-zero on any error.
#
#   scripts/loadtest.sh [EVENTS] [SECONDS] [CONNECTIONS]
# Needs target/release/sitrep and wrk (Debian package `wrk`).
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${1:-100000}
SECONDS_=${2:-15}
CONNECTIONS=${3:-16}
BIN=${SITREP_BIN:-target/release/sitrep}
[ -x "$BIN" ] || { echo "loadtest: $BIN is missing: run cargo build --release first" >&2; exit 2; }
command -v wrk >/dev/null || { echo "loadtest: wrk is missing (apt-get install wrk)" >&2; exit 2; }

TMP=$(mktemp -d)
PID=
cleanup() {
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT

echo "== loadtest: generating $EVENTS events"
"$BIN" bench-store --no-ingest --events "$EVENTS" --repeat 5 --keep "$TMP/load.db"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
"$BIN" serve --db "$TMP/load.db" --addr "127.0.0.1:$PORT" > "$TMP/serve.log" 2>&1 &
PID=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$PORT/api/health" > /dev/null 2>&1 && break
  kill -0 "$PID" 2>/dev/null || { cat "$TMP/serve.log" >&2; exit 1; }
  sleep 0.2
done

echo "== loadtest: wrk, $CONNECTIONS connections, ${SECONDS_} s"
OUT=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_}s" --timeout 10s -s scripts/loadtest.lua "http://127.0.0.1:$PORT")
echo "$OUT"
echo "$OUT" | grep -q "errors 0 (non-2xx 0)" || { echo "loadtest: errors" >&2; tail -20 "$TMP/serve.log" >&2; exit 1; }
