#!/bin/sh
# dyad serve on PostgreSQL: the samples go into an SQLite file and into a
# PostgreSQL database of the test's own server (tests/e2e/lib/pg.sh), a
# `dyad serve` runs on each, and every read route must answer the same JSON
# from both: the event list, each event with its mentions and offsets, each
# article, article search, the timeline, actors, dyads and stats. Only two
# fields are normalised: "added" (when each store ingested the article) and
# search "snippet" (FTS5's snippet() and ts_headline() may pick another
# fragment: every word either highlights must be a query word). Search hits
# must come in the same order (PostgreSQL ranks with FTS5's bm25), but
# queries that are not FTS5 syntax are refused by SQLite only. Then
# articles are POSTed to both
# servers and read back the same; bad requests get the same 4xx. When the
# PostgreSQL server stops, restarts or goes away, dyad serve carries on.
set -u
SEEDS=tests/fixtures/news.jsonl
. tests/e2e/lib/pg.sh
. tests/e2e/lib/serve.sh
. tests/e2e/lib/same_json.sh

pair_setup pgserve
for db in "$lite" "$pg"; do
    "$FAST" ingest --db "$db" "$SEEDS" examples/*.txt 2>"$tmp/err" || { cat "$tmp/err"; echo "ingest into $db failed"; exit 1; }
done
AUTH="Authorization: Bearer pg-token" JSON="Content-Type: application/json"
serve_start "$DYAD" "$lite" "$tmp/lite.log" --token pg-token || exit 1
lite_pid=$SERVE_PID lite_url=$URL
# a password in the URI (the server trusts any) stays out of the log
serve_start "$DYAD" "postgresql://postgres:s3cret@127.0.0.1:$PG_PORT/dyad" "$tmp/pg.log" --token pg-token || exit 1
pg_pid=$SERVE_PID pg_url=$URL
grep -q "serving postgresql://postgres:\*\*\*@127.0.0.1:$PG_PORT/dyad on" "$tmp/pg.log" || { cat "$tmp/pg.log"; fail=1; }
grep -q s3cret "$tmp/pg.log" && { echo "dyad serve printed the password"; fail=1; }
tr '\0' ' ' <"/proc/$SERVE_PID/cmdline" | grep -q s3cret && { echo "the password shows in ps"; fail=1; }

same '/api/events?limit=10000'
cp "$tmp/p.json" "$tmp/events.json"
# the list filters, the sorts and the pages of a cursor, the same on both
same '/api/events?limit=10000&source=ISR,USA&code=04,19&quad=1,4'
same '/api/events?limit=10000&country=QAT,EGY&goldstein_max=0'
same '/api/events?limit=10000&sort=mentions&order=desc'
same '/api/events?limit=10000&sort=goldstein'
same '/api/events?limit=5&sort=goldstein&order=desc'
next=$(ids "$tmp/p.json" '[d.next]')
[ -n "$next" ] && [ "$next" != null ] || { echo "no next cursor from PostgreSQL"; fail=1; }
same "/api/events?limit=5&sort=goldstein&order=desc&cursor=$next"
same '/api/dyads?target=ISR'
same '/api/events?code=19,x'
n=$(ids "$tmp/events.json" 'd.events.map(e => e.id)' | wc -l)
[ "$n" -gt 20 ] || { echo "too few events from PostgreSQL: $n"; fail=1; }
for id in $(ids "$tmp/events.json" 'd.events.map(e => e.id)'); do same "/api/events/$id"; done
# the offsets cut the stored words out of each sentence (in characters)
node -e 'const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const ok = d.mentions.length === d.num_mentions && d.mentions.every(m => {
        const c = Array.from(m.sentence_text), cut = s => s ? c.slice(s[0], s[1]).join("") : "";
        return cut(m.verb_span) === m.verb_text && cut(m.source_span) === m.source_text &&
               cut(m.target_span) === m.target_text; });
    process.exit(ok ? 0 : 1)' "$tmp/p.json" || { echo "PostgreSQL offsets do not cut the mention texts"; fail=1; }
for a in $(ids "$tmp/events.json" 'd.events.map(e => e.article)') wire-a wire-b; do same "/api/articles/$a"; done
for q in Blinken Qatar 'Blinken Doha' ceasefire 'Gaza OR Israel' '"Secretary of State"' sanctions nothingmatchesthis; do
    QWORDS=$q
    same "/api/articles?q=$(node -e 'console.log(encodeURIComponent(process.argv[1]))' "$q")"
done
QWORDS=Qatar
same '/api/articles?q=Qatar&limit=2'
# not FTS5 syntax: SQLite refuses it (400), websearch_to_tsquery takes anything
for q in '%22unbalanced' '%29%20OR%20%28'; do
    sl=$(get "$lite_url/api/articles?q=$q" "$tmp/s.json")
    st=$(get "$pg_url/api/articles?q=$q" "$tmp/s.json")
    [ "$sl" = 400 ] && [ "$st" = 200 ] && grep -q '^{"articles":\[' "$tmp/s.json" ||
        { echo "q=$q: SQLite $sl, PostgreSQL $st $(head -c 300 "$tmp/s.json")"; fail=1; }
done
get "$pg_url/api/articles?q=Blinken" "$tmp/s.json" >/dev/null
node -e 'const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    process.exit(d.articles.some(a => a.id === "wire-a" && a.snippet.includes("\u0002Blinken\u0003")) ? 0 : 1)' \
    "$tmp/s.json" || { echo "PostgreSQL search: no highlighted Blinken in wire-a: $(head -c 300 "$tmp/s.json")"; fail=1; }
same /api/timeseries
same '/api/timeseries?actor=ISR&from=2024-01-01'
same '/api/timeseries?text=Blinken'
same /api/actors
same '/api/actors?code=04'
same /api/dyads
same '/api/stats?by=root'
same /api/events/999999999
same /api/articles/no-such-article
same '/api/events?from=2024-13-45x'
same "/api/events/1%20OR%201%3D1"
same "/api/articles/%27%3B%20DROP%20TABLE%20articles%3B%20--"

# POST to both: the same articles stored, coded and read back the same
post='{"id":"posted-1","date":"2024-11-02","source":"test","title":"Posted","text":"Israeli forces attacked Hamas in Gaza on Friday. Qatar’s emir met Egypt’s president in Doha."}'
same /api/articles -X POST -H "$AUTH" -H "$JSON" --data-binary "$post"
node -e 'const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).articles[0];
    process.exit(d.id === "posted-1" && d.added === true && d.events > 0 && d.mentions === d.events ? 0 : 1)' \
    "$tmp/p.json" || { echo "POST to PostgreSQL: $(head -c 300 "$tmp/p.json")"; fail=1; }
same /api/articles -X POST -H "$AUTH" -H "$JSON" --data-binary "$post"
grep -q '"added":false' "$tmp/p.json" || { echo "POST again to PostgreSQL stored it again"; fail=1; }
same /api/articles -X POST -H "$AUTH" -H "$JSON" --data-binary '[{"text":"Qatar praised Egypt."},{"text":"Egypt criticized Israel.","date":"2024-11-03"}]'
same /api/articles -X POST -H "$AUTH" -H "$JSON" --data-binary '{"text":"Qatar praised Egypt.","date":"2024-99-99"}'
same /api/articles/posted-1
same '/api/events?limit=10000'
same '/api/events?text=posted&actor=ISR'
grep -q '"root":"19"' "$tmp/p.json" || { echo "the posted attack is not found in PostgreSQL"; fail=1; }
QWORDS=emir
same '/api/articles?q=emir'
same /api/timeseries
n=$(as_pg "$PGBIN/psql" -qtA -h 127.0.0.1 -p "$PG_PORT" -U postgres -d dyad \
    -c "SELECT count(*) FROM articles WHERE id = 'posted-1'")
[ "$n" = 1 ] || { echo "posted-1 is stored $n times in PostgreSQL"; fail=1; }

# the server goes away: requests fail with a JSON error, dyad serve lives
# on; it comes back: dyad serve reconnects and answers as before. (Fast
# shutdowns: after a crash PostgreSQL skips up to 32 ids of a sequence, so
# new event ids would differ from SQLite's.)
as_pg "$PGBIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || { echo "stop failed"; exit 1; }
st=$(get "$pg_url/api/events" "$tmp/down.json")
[ "$st" = 500 ] && grep -q '"error":".*cannot connect to PostgreSQL' "$tmp/down.json" ||
    { echo "PostgreSQL down: status $st: $(head -c 300 "$tmp/down.json")"; fail=1; }
grep -q s3cret "$tmp/down.json" && { echo "the error names the password"; fail=1; }
pg_up || { echo "the PostgreSQL server did not start again"; exit 1; }
same '/api/events?limit=10000'
same "/api/events/$(ids "$tmp/events.json" '[d.events[0].id]')"
as_pg "$PGBIN/pg_ctl" -D "$PG_DATA" -m fast -w restart >/dev/null 2>&1 || { echo "restart failed"; exit 1; }
same /api/articles -X POST -H "$AUTH" -H "$JSON" --data-binary '{"id":"after-restart","date":"2024-11-04","text":"Jordan criticized Israel after the restart."}'
grep -q '"added":true' "$tmp/p.json" || { echo "POST after a restart: $(head -c 300 "$tmp/p.json")"; fail=1; }
same /api/articles/after-restart

pair_finish
