#!/bin/sh
# run.sh -- `make bench`: coder throughput on the PETRARCH GigaWord sample
# and the example articles, replicated to at least 100,000 sentences, with the
# Phoenix + CAMEO 2.0 dictionaries and with Dyad's own; then dyad serve
# under a wrk load run on loopback.
set -eu
B=${1:-build}/tools/bench_code
S=${DYAD_SHARED:-../shared}/anchors/petrarch2
D=$S/dictionaries
N=${BENCH_SENTENCES:-100000}
if [ -d "$S" ]; then
    echo "== Phoenix actors/agents + CAMEO 2.0 verbs, GigaWord sample"
    "$B" --sentences "$N" --dict "$D/CAMEO.2.0.txt" --dict "$D/Phoenix.Countries.actors.txt" \
        --dict "$D/Phoenix.International.actors.txt" --dict "$D/Phoenix.MilNonState.actors.txt" \
        --dict "$D/Phoenix.agents.txt" --dict "$D/Phoenix.discards.txt" -- "$S/text/GigaWord.sample.PETR.xml"
fi
if [ -d data/dict ] && ls data/dict/* >/dev/null 2>&1; then
    echo "== Dyad's dictionaries, examples"
    "$B" --sentences "$N" --dict data/dict/ -- examples/*.txt
fi
# dyad serve under load: wrk on loopback against the JSON API, the samples
# and examples ingested into SQLite, then into PostgreSQL (a server of the
# bench's own, as in tests/e2e/lib/pg.sh); prints requests/s for each route.
BIN=${1:-build}/dyad
SEEDS=${DYAD_SHARED:-../shared}/samples/seeds.jsonl
# wrk_routes DB: serves DB and loads each route for WRK_SECONDS
wrk_routes() {
    "$BIN" ingest --db "$1" "$SEEDS" examples/*.txt 2>/dev/null
    serve_start "$BIN" "$1" "$wt/log"
    for route in /api/events?limit=100 /api/events?actor=USAGOV /api/events/1 /api/timeseries /api/articles?q=Blinken; do
        rps=$(wrk -t2 -c32 -d"${WRK_SECONDS:-5}"s "$URL$route" | sed -n 's/^Requests\/sec: *//p')
        printf '%-28s %s requests/s\n' "$route" "$rps"
    done
    serve_stop || true
}
if command -v wrk >/dev/null 2>&1 && [ -x "$BIN" ] && [ -f "$SEEDS" ]; then
    . tests/e2e/lib/serve.sh
    . tests/e2e/lib/pg.sh
    wt=$(mktemp -d) pgt=$(mktemp -d)
    trap 'pg_stop; rm -rf "$wt" "$pgt"' EXIT
    echo "== dyad serve on SQLite, wrk (2 threads, 32 connections, ${WRK_SECONDS:-5} s a route)"
    wrk_routes "$wt/b.db"
    if pg_start "$pgt" >/dev/null && pg=$(pg_createdb dyad); then
        echo "== dyad serve on PostgreSQL, wrk (2 threads, 32 connections, ${WRK_SECONDS:-5} s a route)"
        wrk_routes "$pg"
    fi
fi
