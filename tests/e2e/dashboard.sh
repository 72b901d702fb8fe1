#!/bin/sh
# The dashboard in headless Chromium: ingest the test articles and synthetic
# ones (tests/browser/synthetic.mjs: more events than the table holds, some
# undated), serve them with the built dashboard, run
# tests/browser/dashboard.mjs (key figures, timeline, table, network,
# casualty figures, event and article views, 400 px); screenshots in
# build/screenshots/.
set -u
SEEDS=tests/fixtures/news.jsonl
SHOTS=build/screenshots
. tests/e2e/lib/serve.sh
[ -f build/web/index.html ] || { echo "no dashboard: run make"; exit 1; }
serve_setup
node tests/browser/synthetic.mjs 900 >"$tmp/synthetic.jsonl" || { echo "no synthetic articles"; exit 1; }
"$FAST" ingest --db "$tmp/d.db" "$SEEDS" examples/*.txt "$tmp/synthetic.jsonl" 2>/dev/null || { echo "ingest failed"; exit 1; }
serve_start "$DYAD" "$tmp/d.db" "$tmp/log" --web build/web || exit 1
rm -f "$SHOTS"/dashboard-*.png
node tests/browser/dashboard.mjs "$URL" "$SHOTS"
fail=$?
serve_stop || { echo "dyad serve exited with $?"; cat "$tmp/log"; fail=1; }
SERVE_PID=""
for f in dashboard-1400 dashboard-400 dashboard-event dashboard-article; do
    [ -f "$SHOTS/$f.png" ] || { echo "no screenshot $SHOTS/$f.png"; fail=1; }
done
exit $fail
