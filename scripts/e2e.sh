#!/usr/bin/env bash
# Browser tests of the web desk (crates/serve/web/e2e) against the real `sitrep serve`:
# ingests the bundled sample reports into a temporary database, serves it on a free loopback
# port, runs the tests in headless Chromium, and stops the server on exit.
#
# Needs target/release/sitrep (cargo build --release), Node.js 20+ with `npm ci` done in
# crates/serve/web, and Chromium (Debian's `chromium` at /usr/bin/chromium, or set CHROMIUM).
#   SCREENSHOTS=1 scripts/e2e.sh    also writes the README's screenshots to docs/screenshots/
#   SITREP_BIN=path                 another sitrep binary
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BIN=${SITREP_BIN:-target/release/sitrep}
WEB=crates/serve/web
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

fail() { echo "e2e: $*" >&2; exit 2; }
[ -x "$BIN" ] || fail "$BIN is missing: run cargo build --release first"
command -v node >/dev/null || fail "node is missing (Node.js 20 or later)"
[ -d "$WEB/node_modules/playwright-core" ] || fail "run 'npm ci' in $WEB first"
[ -x "$CHROMIUM" ] || fail "no Chromium at $CHROMIUM (apt-get install chromium, or set CHROMIUM)"

TMP=$(mktemp -d)
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== e2e: ingest the sample reports"
if ! "$BIN" ingest --db "$TMP/desk.db" samples/reports samples/campaign >"$TMP/ingest.log" 2>&1; then
  cat "$TMP/ingest.log" >&2
  fail "ingest failed"
fi

PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
URL="http://127.0.0.1:$PORT"
echo "== e2e: sitrep serve on $URL"
"$BIN" serve --db "$TMP/desk.db" --addr "127.0.0.1:$PORT" >"$TMP/serve.log" 2>&1 &
SERVER_PID=$!

up=
for _ in $(seq 1 150); do
  if node -e "fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" "$URL/api/health"; then
    up=1
    break
  fi
  kill -0 "$SERVER_PID" 2>/dev/null || break
  sleep 0.2
done
if [ -z "$up" ]; then
  cat "$TMP/serve.log" >&2
  fail "the server did not answer GET /api/health"
fi

shots=
if [ "${SCREENSHOTS:-}" = 1 ]; then
  mkdir -p docs/screenshots
  shots="$ROOT/docs/screenshots"
fi

echo "== e2e: browser tests"
status=0
(cd "$WEB" && SITREP_URL="$URL" SCREENSHOTS_DIR="$shots" \
  node --test --test-concurrency=1 --test-timeout=120000 e2e/*.test.mjs) || status=$?
if [ "$status" -ne 0 ]; then
  echo "== e2e: failed; the server's log:" >&2
  tail -n 50 "$TMP/serve.log" >&2
fi
exit "$status"
