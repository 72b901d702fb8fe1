#!/bin/sh
# Events over many months in PostgreSQL, a partition a month: an event by
# id is read from its month's partition alone (its date looked up in
# event_dates), and the event list a window of months at a time. The same
# articles, dated over three years (41 months) and some undated, go into
# SQLite and into PostgreSQL, and dyad serve on each must answer the same
# JSON: the event list at limits that end inside, at and past a window,
# with filters, and events by id. event_dates holds every event's date and
# no other, also after the merge has added and dropped events; an event it
# misses or dates wrongly is still found; a store partitioned before it is
# filled when opened; a month made while dyad serve runs is listed in its
# place; a store whose events are one table (made before partitions) reads
# the same. Search: the hits of words (ranked from each word's list of
# articles, kept in dyad_postings) and of phrases come in SQLite's order
# before and after articles are added and replaced; every article has its
# length in dyad_article_len, and a replaced one has none.
set -u
. tests/e2e/lib/pg.sh
. tests/e2e/lib/serve.sh
. tests/e2e/lib/same_json.sh

pair_setup pgmonths

# sql DB SQL: runs SQL in database DB of the test's server
sql() { as_pg "$PGBIN/psql" -qtA -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$1" -c "$2"; }

# 50 articles, each the news fixture behind a sentence of its own, dated
# 23 days apart from 2020-01-01 (two undated: their events are undated)
python3 - "$tmp/months.jsonl" tests/fixtures/news.jsonl <<'PY'
import datetime, json, sys
out, seeds = sys.argv[1], sys.argv[2]
texts = [json.loads(l)["text"] for l in open(seeds, encoding="utf-8")]
who = ["Turkey", "Jordan", "Egypt", "Qatar", "Iran", "Russia", "France", "China"]
did = ["condemned", "praised", "threatened", "met", "accused", "visited"]
whom = ["Israel", "Hamas", "Lebanon", "Syria", "Ukraine"]
day0 = datetime.date(2020, 1, 1)
with open(out, "w") as f:
    for i in range(50):
        lead = "%s %s %s on Monday, statement %d said. " % (who[i % 8], did[i % 6], whom[i % 5], i)
        a = {"id": "m%d" % i, "source": "wire-%d" % (i % 3), "text": lead + texts[i % 2]}
        if i % 25 != 7:
            a["date"] = (day0 + datetime.timedelta(days=23 * i)).isoformat()
        f.write(json.dumps(a) + "\n")
PY
for db in "$lite" "$pg"; do
    "$FAST" ingest --db "$db" "$tmp/months.jsonl" 2>"$tmp/err" || { cat "$tmp/err"; echo "ingest into $db failed"; exit 1; }
done

# searches: words (their lists of articles made, then grown), a phrase,
# words not all wanted
searches() {
    for q in Blinken 'Blinken Doha' statement 'Jordan Syria' Monday '"Secretary of State"' \
        'Gaza OR Israel' nothingmatchesthis; do
        QWORDS=$q
        same "/api/articles?q=$(node -e 'console.log(encodeURIComponent(process.argv[1]))' "$q")&limit=1000"
    done
    QWORDS=statement
    same '/api/articles?q=statement&limit=7'
}
# lengths DB: every article's length (as a search reads it from its
# tsvector), and none of an article gone
lengths() {
    _bad=$(sql "$1" "SELECT count(*) FROM articles a FULL JOIN dyad_article_len l ON l.rowid = a.rowid
                     WHERE l.dl IS DISTINCT FROM (SELECT sum(cardinality(u.positions)) FROM unnest(a.tsv) u
                     WHERE strpos(u.lexeme, '-') = 0)")
    [ "$_bad" = 0 ] || { echo "$1: dyad_article_len differs from the articles in $_bad rows"; fail=1; }
}

# event_dates DB: every event's date, and no other
event_dates() {
    _bad=$(sql "$1" "SELECT count(*) FROM events e FULL JOIN event_dates d ON d.id = e.id
                     WHERE d.date IS DISTINCT FROM e.date")
    [ "$_bad" = 0 ] || { echo "$1: event_dates differs from events in $_bad rows"; fail=1; }
}
parts=$(sql dyad "SELECT count(*) FROM pg_inherits WHERE inhparent = 'events'::regclass")
[ "$parts" -gt 40 ] || { echo "expected over 40 partitions of events, found $parts"; fail=1; }
undated=$(sql dyad "SELECT count(*) FROM events_default")
[ "$undated" -gt 0 ] || { echo "no undated event in events_default"; fail=1; }
event_dates dyad

serve_start "$DYAD" "$lite" "$tmp/lite.log" || exit 1
lite_pid=$SERVE_PID lite_url=$URL

# lists STEP: the event list at limits and filters, the first window (one
# month, no lower bound) and those after it; then every STEP-th event by
# id, and the undated
lists() {
    for l in 1 2 5 9 10 11 30 100 339 340 341; do same "/api/events?limit=$l"; done
    for f in actor=TUR actor=USAGOV code=04 code=19 'from=2021-03-15' 'to=2021-02-10' 'from=2020-06-07&to=2022-01-31' \
        'from=2022-06-01&limit=5' 'text=Blinken&limit=30' 'one_a_day=1&limit=50' 'place=Doha&limit=20' \
        'actor=ISR&code=1&limit=7'; do
        same "/api/events?$f"
    done
    # newest first the walk goes the other way; and in the other sorts
    for l in 1 2 9 30 341; do same "/api/events?limit=$l&order=desc"; done
    for f in 'order=desc&from=2021-03-15&limit=40' 'order=desc&one_a_day=1&limit=50' 'sort=mentions&order=desc&limit=25' \
        'sort=goldstein&limit=25' 'order=desc&source=ISR,USA&limit=12'; do
        same "/api/events?$f"
    done
    # a cursor's page in each direction, deep into the months
    for o in asc desc; do
        same "/api/events?limit=97&order=$o"
        next=$(ids "$tmp/p.json" '[d.next]')
        same "/api/events?limit=97&order=$o&cursor=$next"
    done
    same '/api/events?limit=10000'
    cp "$tmp/p.json" "$tmp/events.json"
    n=$(ids "$tmp/events.json" 'd.events.map(e => e.id)' | wc -l)
    [ "$n" -gt 300 ] || { echo "too few events from PostgreSQL: $n"; fail=1; }
    for id in $(ids "$tmp/events.json" "d.events.filter((e, i) => i % $1 == 0 || e.date == '').map(e => e.id)"); do
        same "/api/events/$id"
    done
    same /api/events/999999999
    kill -0 "$pg_pid" 2>/dev/null || { echo "dyad serve on PostgreSQL is gone:"; cat "$tmp/pg.log"; fail=1; }
}

serve_start "$DYAD" "$pg" "$tmp/pg.log" || exit 1
pg_pid=$SERVE_PID pg_url=$URL
lists 9
lengths dyad
searches
words=$(sql dyad "SELECT count(*) FROM dyad_postings")
[ "$words" -ge 6 ] || { echo "searches kept the lists of $words words"; fail=1; }

# an event that event_dates misses, or dates wrongly, is still found
set -- $(ids "$tmp/events.json" '[d.events[3].id, d.events[150].id, d.events[300].id]')
sql dyad "DELETE FROM event_dates WHERE id = $1; UPDATE event_dates SET date = '2019-01-01' WHERE id = $2;
          UPDATE event_dates SET date = '' WHERE id = $3" || fail=1
for id in "$@"; do same "/api/events/$id"; done
grep -q "\"id\":$3," "$tmp/p.json" || { echo "event $3 not found: $(head -c 200 "$tmp/p.json")"; fail=1; }
sql dyad "INSERT INTO event_dates(id, date) SELECT id, date FROM events WHERE id IN ($1, $2, $3)
          ON CONFLICT (id) DO UPDATE SET date = excluded.date" >/dev/null || fail=1

# months made while dyad serve runs: before and after all the others
cat >"$tmp/new.jsonl" <<'END'
{"id":"early","date":"2018-03-05","source":"wire-9","text":"Jordan condemned Syria on Monday, statement early said."}
{"id":"late","date":"2024-06-03","source":"wire-9","text":"Qatar praised Egypt on Monday, statement late said."}
END
for db in "$lite" "$pg"; do
    "$FAST" ingest --db "$db" "$tmp/new.jsonl" 2>"$tmp/err" || { cat "$tmp/err"; echo "ingest into $db failed"; fail=1; }
done
for l in 1 3 1000; do same "/api/events?limit=$l"; done
same '/api/events?actor=JOR'
grep -q '"date":"2018-03-05"' "$tmp/p.json" || { echo "the event of a new month is not listed"; fail=1; }
same '/api/events?from=2024-01-01'
grep -q '"date":"2024-06-03"' "$tmp/p.json" || { echo "the event of a new month is not listed"; fail=1; }

# the merge adds and drops events: an edited copy of an article that
# places its events elsewhere, then a copy that replaces an article
sed -n 1p "$tmp/months.jsonl" | sed 's/"id": "m0"/"id": "m0-doha"/; s/on Monday,/in Doha on Monday,/' >"$tmp/more.jsonl"
sed -n 2p "$tmp/months.jsonl" | sed 's/"id": "m1"/"id": "m1-first"/; s/"date": "2020-01-24"/"date": "2020-01-23"/' >>"$tmp/more.jsonl"
for db in "$lite" "$pg"; do
    "$FAST" ingest --db "$db" "$tmp/more.jsonl" 2>"$tmp/err" || { cat "$tmp/err"; echo "ingest into $db failed"; fail=1; }
done
grep -q " 1 articles stored, 1 already there (1 of them replaced by an earlier copy)" "$tmp/err" ||
    { cat "$tmp/err"; echo "the copies were not stored"; fail=1; }
event_dates dyad
lengths dyad
searches
same '/api/events?limit=1000'
same '/api/events?limit=30&from=2020-01-01'

# a store partitioned before event_dates: filled when it is opened
pair_stop pg
sql dyad "DROP TABLE event_dates; DELETE FROM dyad_article_len WHERE rowid % 2 = 0; DELETE FROM dyad_meta" || fail=1
serve_start "$DYAD" "$pg" "$tmp/pg.log" || exit 1
pg_pid=$SERVE_PID pg_url=$URL
event_dates dyad
lengths dyad
lists 40

# a store made before partitions (events one table): the same answers
pair_stop pg
pg1=$(pg_createdb dyad_one) || exit 1
sql dyad_one "CREATE TABLE events(id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    date text COLLATE \"C\" NOT NULL, source text COLLATE \"C\" NOT NULL, target text COLLATE \"C\" NOT NULL,
    code text COLLATE \"C\" NOT NULL, root text COLLATE \"C\" NOT NULL, quad integer NOT NULL,
    goldstein double precision NOT NULL, place text NOT NULL DEFAULT '',
    num_mentions integer NOT NULL DEFAULT 0, num_sources integer NOT NULL DEFAULT 0,
    num_articles integer NOT NULL DEFAULT 0, UNIQUE(date, source, target, code, place))" || fail=1
"$FAST" ingest --db "$pg1" "$tmp/months.jsonl" "$tmp/new.jsonl" "$tmp/more.jsonl" 2>"$tmp/err" ||
    { cat "$tmp/err"; echo "ingest into $pg1 failed"; fail=1; }
[ "$(sql dyad_one "SELECT relkind FROM pg_class WHERE oid = 'events'::regclass")" = r ] ||
    { echo "the events of dyad_one were partitioned"; fail=1; }
[ "$(sql dyad_one "SELECT count(*) FROM event_dates")" = 0 ] || { echo "event_dates kept in a store of one table"; fail=1; }
serve_start "$DYAD" "$pg1" "$tmp/pg.log" || exit 1
pg_pid=$SERVE_PID pg_url=$URL
lists 40

pair_finish
