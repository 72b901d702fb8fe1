#!/bin/sh
# The dashboard in headless Chromium: ingest the test articles, serve them with
# the built dashboard, run tests/browser/dashboard.mjs (filter by actor,
# open an event, check the highlighted sentence); screenshots in build/.
set -u
DYAD=${DYAD:-build-asan/dyad}
FAST=${DYAD_FAST:-build/dyad}
SEEDS=tests/fixtures/news.jsonl
. tests/e2e/lib/serve.sh
[ -f build/web/index.html ] || { echo "no dashboard: run make"; exit 1; }
tmp=$(mktemp -d)
SERVE_PID=""
trap '[ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null; rm -rf "$tmp"' EXIT
"$FAST" ingest --db "$tmp/d.db" "$SEEDS" examples/*.txt 2>/dev/null || { echo "ingest failed"; exit 1; }
serve_start "$DYAD" "$tmp/d.db" "$tmp/log" --web build/web || exit 1
node tests/browser/dashboard.mjs "$URL" build
fail=$?
serve_stop || { echo "dyad serve exited with $?"; cat "$tmp/log"; fail=1; }
SERVE_PID=""
[ -f build/dashboard.png ] || { echo "no screenshot"; fail=1; }
exit $fail
