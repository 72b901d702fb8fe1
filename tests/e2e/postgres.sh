#!/bin/sh
# The PostgreSQL backend of the event store against a server of its own
# (tests/e2e/lib/pg.sh), stopped on exit. The test articles go
# into SQLite and into PostgreSQL, and every query format, filter and stats
# grouping must give the same output from both; re-ingesting changes
# nothing; bad dates and bad URIs are refused with a clear message. A server
# that cannot start is a failure, not a skip.
set -u
DYAD=${DYAD:-build-asan/dyad}
SEEDS=tests/fixtures/news.jsonl
. tests/e2e/lib/pg.sh

tmp=$(mktemp -d /tmp/dyad-pg.XXXXXX)
trap 'pg_stop; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP
pg_start "$tmp" || exit 1
pg=$(pg_createdb dyad) || exit 1
port=$PG_PORT
lite="$tmp/q.db"
fail=0

for db in "$lite" "$pg"; do
    "$DYAD" ingest --db "$db" "$SEEDS" examples/*.txt 2>"$tmp/err" || { cat "$tmp/err"; echo "ingest into $db failed"; exit 1; }
    cat "$tmp/err"
done

# Runs one query on both stores and compares; $1 names it, the rest are the
# arguments after --db. cut drops GDELT's DATEADDED (when each was stored).
same() {
    name=$1
    shift
    "$DYAD" "$@" --db "$lite" >"$tmp/lite.out" 2>"$tmp/lite.err" || { cat "$tmp/lite.err"; echo "$name: SQLite failed"; fail=1; return; }
    "$DYAD" "$@" --db "$pg" >"$tmp/pg.out" 2>"$tmp/pg.err" || { cat "$tmp/pg.err"; echo "$name: PostgreSQL failed"; fail=1; return; }
    case "$name" in gdelt*)
        cut -f1-59,61- "$tmp/lite.out" >"$tmp/l" && mv "$tmp/l" "$tmp/lite.out"
        cut -f1-59,61- "$tmp/pg.out" >"$tmp/p" && mv "$tmp/p" "$tmp/pg.out" ;;
    mentions*) # EventTimeDate: when each store took the event
        cut -f1,3- "$tmp/lite.out" >"$tmp/l" && mv "$tmp/l" "$tmp/lite.out"
        cut -f1,3- "$tmp/pg.out" >"$tmp/p" && mv "$tmp/p" "$tmp/pg.out" ;;
    esac
    rows=$(wc -l <"$tmp/lite.out")
    if cmp -s "$tmp/lite.out" "$tmp/pg.out"; then
        echo "same: $name ($rows lines)"
    else
        echo "DIFFERENT: $name"
        diff "$tmp/lite.out" "$tmp/pg.out" | head -10
        fail=1
    fi
    [ "$rows" -gt 0 ] || { echo "$name: no output"; fail=1; }
}

# an ingest leaves the planner its statistics (the months of events are
# autovacuum's)
analyzed=$(as_pg "$PGBIN/psql" -qtA -h 127.0.0.1 -p "$port" -U postgres -d dyad -c \
    "SELECT count(*) FROM pg_stat_user_tables WHERE relname IN ('mentions', 'articles') AND last_analyze IS NOT NULL")
[ "$analyzed" = 2 ] || { echo "the tables were not analysed after the ingest ($analyzed of 2)"; fail=1; }
# events: a partition a month, the undated in events_default; each month's
# partition holds its month's events only
parts=$(as_pg "$PGBIN/psql" -qtA -h 127.0.0.1 -p "$port" -U postgres -d dyad -c \
    "SELECT count(*) FILTER (WHERE c.relname ~ '^events_[0-9]{4}_[0-9]{2}$'),
            count(*) FILTER (WHERE c.relname = 'events_default')
     FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'events'::regclass")
misplaced=$(as_pg "$PGBIN/psql" -qtA -h 127.0.0.1 -p "$port" -U postgres -d dyad -c \
    "SELECT count(*) FROM events e WHERE tableoid::regclass::text <>
        CASE WHEN date ~ '^[0-9]{4}-(0[1-9]|1[0-2])' THEN 'events_' || replace(left(date, 7), '-', '_') ELSE 'events_default' END")
case "$parts" in 0\|*|*\|0) echo "events is not partitioned by month ($parts)"; fail=1 ;; esac
[ "$misplaced" = 0 ] || { echo "$misplaced events outside their month's partition"; fail=1; }
all=$("$DYAD" query --db "$pg" --format jsonl | wc -l)
[ "$all" -gt 20 ] || { echo "too few events in PostgreSQL: $all"; fail=1; }
# the coder the ingest noted, as in SQLite
"$DYAD" query --db "$pg" --provenance "$tmp/prov.json" >/dev/null || fail=1
jq -e --arg c "$("$DYAD" version | sed -n 's/^dictionaries //p')" '.stored_by | length == 1 and (.[0] | endswith(" dictionaries " + $c))' \
    "$tmp/prov.json" >/dev/null || { echo "PostgreSQL: the store's coder is not noted: $(cat "$tmp/prov.json")"; fail=1; }
for f in jsonl csv gdelt phoenix icews plover table; do same "$f" query --format "$f"; done
same mentions query --format gdelt-mentions
same "--actor" query --format jsonl --actor USAGOV
same "--code" query --format jsonl --code 19
same "--from --to" query --format csv --from 2024-08-01 --to 2024-10-31
same "--text" query --format jsonl --text Lapid
same "--source --target lists" query --format jsonl --source ISR,USA --target PSE --target QAT
same "--country --quad" query --format csv --country QAT,EGY --quad 1,4
same "--goldstein range" query --format csv --goldstein-min -9 --goldstein-max -2
same "--sort mentions --order desc" query --format csv --sort mentions --order desc
same "--sort goldstein" query --format csv --sort goldstein --limit 7
same "stats --source" stats --by dyad --source ISR,USA
same "--text two words" query --format csv --text 'Blinken Doha'

same "--one-a-day" query --format jsonl --one-a-day
same "--min-confidence" query --format csv --min-confidence 0.85
same "--min-confidence stats" stats --by dyad --min-confidence 0.85
same "--limit" query --format csv --limit 3
same "combined" query --format csv --actor ISR --code 1 --to 2024-12-31 --limit 5
same "stats day" stats --by day
same "stats dyad" stats --by dyad
same "stats root" stats --by root
same "stats month" stats --by month
same "stats week" stats --by week --sort key
same "stats country-year" stats --by country-year --format csv
same "stats filtered" stats --by root --actor USA --from 2024-01-01
n=$("$DYAD" query --db "$pg" --text Lapid --format jsonl | grep -c '"code":"112"')
[ "$n" -ge 1 ] || { echo "PostgreSQL full-text search found no accusation"; fail=1; }
"$DYAD" query --db "$pg" --actor USAGOV --code 042 --from 2024-08-20 --to 2024-08-20 --format csv | tail -n +2 |
    grep -q '^[0-9]*,"2024-08-20","USAGOV","QAT","042","04",1,1.9,[0-9]*,2,2,' || { echo "Doha visit not merged from 2 articles in PostgreSQL"; fail=1; }

# a syndicated copy of wire-a (a dateline in front, its last line cut) is
# linked to wire-a's story in both stores, and counted alike
python3 - "$SEEDS" >"$tmp/copy.jsonl" <<'X'
import json, sys
d = json.loads(open(sys.argv[1]).readline())
lines = d["text"].rstrip("\n").split("\n")
d.update(id="copy-a", source="Dyad Test Site", text="DOHA (Reuters) - " + "\n".join(lines[:-1]))
print(json.dumps(d))
X
for db in "$lite" "$pg"; do "$DYAD" ingest --db "$db" "$tmp/copy.jsonl" 2>/dev/null || fail=1; done
story="SELECT (SELECT story FROM articles WHERE id = 'copy-a') = (SELECT hash FROM articles WHERE id = 'wire-a')"
[ "$(sqlite3 "$lite" "$story")" = 1 ] || { echo "SQLite: the copy is not linked to wire-a"; fail=1; }
[ "$(as_pg "$PGBIN/psql" -qtA -h 127.0.0.1 -p "$port" -U postgres -d dyad -c "$story")" = t ] ||
    { echo "PostgreSQL: the copy is not linked to wire-a"; fail=1; }
same "a syndicated copy" query --format csv

# --place: the seeds tell of events in Doha, found in either store
for db in "$lite" "$pg"; do
    n=$("$DYAD" query --db "$db" --place Doha --format jsonl | grep -c '"place":"Doha"')
    [ "$n" -gt 0 ] || { echo "--place Doha matched no event in Doha in $db"; fail=1; }
    n=$("$DYAD" stats --db "$db" --place doha | wc -l)
    [ "$n" -gt 1 ] || { echo "stats --place doha in $db: the header only"; fail=1; }
done

# places, set by hand as the place extractor would: every stored event and
# report is in "Doha", then an edited copy of an article reports its events
# again, those it places elsewhere as new events; --place and --one-a-day
# (the lowest id of each date, dyad and code) must agree between the stores
doha="UPDATE events SET place = 'Doha'; UPDATE mentions SET place = 'Doha'"
sqlite3 "$lite" "$doha" || fail=1
as_pg "$PGBIN/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d dyad -c "$doha" || fail=1
{ sed 's/^Id: example-1$/Id: example-1-again/' examples/01-visit-talks.txt; echo "Officials said talks would go on."; } >"$tmp/again.txt"
for db in "$lite" "$pg"; do "$DYAD" ingest --db "$db" "$tmp/again.txt" 2>/dev/null || fail=1; done
same "--place" query --format csv --place dOHA
same "--place stats" stats --by dyad --place DOHA
same "more events" query --format jsonl
same "--one-a-day with places" query --format jsonl --one-a-day
"$DYAD" query --db "$pg" --format csv --one-a-day >"$tmp/daily"
"$DYAD" query --db "$pg" --format csv --place doha >"$tmp/doha"
n=$("$DYAD" query --db "$pg" --format csv | wc -l)
[ "$n" -gt "$(wc -l <"$tmp/daily")" ] || { echo "--one-a-day kept all $n rows"; fail=1; }
cmp -s "$tmp/daily" "$tmp/doha" || { echo "--one-a-day did not keep the first event (in Doha) of each day, dyad and code"; fail=1; }
all=$((n - 1))

# re-ingesting changes nothing
"$DYAD" query --db "$pg" --format csv >"$tmp/before"
"$DYAD" ingest --db "$pg" "$SEEDS" examples/*.txt 2>"$tmp/err" || { cat "$tmp/err"; fail=1; }
grep -q " 0 articles stored" "$tmp/err" || { cat "$tmp/err"; echo "re-ingest stored articles again"; fail=1; }
"$DYAD" query --db "$pg" --format csv >"$tmp/after"
cmp -s "$tmp/before" "$tmp/after" || { echo "re-ingesting changed the PostgreSQL store"; fail=1; }

# two ingests at once into a new database (both creating its tables):
# nothing lost, the counts those of one ingest of everything into SQLite
pg2=$(pg_createdb dyad2) || fail=1
"$DYAD" ingest --db "$pg2" "$SEEDS" 2>"$tmp/c1" & pid=$!
"$DYAD" ingest --db "$pg2" examples/*.txt 2>"$tmp/c2" || { cat "$tmp/c2"; fail=1; }
wait $pid || { cat "$tmp/c1"; fail=1; }
"$DYAD" ingest --db "$tmp/one.db" "$SEEDS" examples/*.txt 2>/dev/null || fail=1
for by in dyad root; do
    "$DYAD" stats --db "$pg2" --by $by >"$tmp/s1"
    "$DYAD" stats --db "$tmp/one.db" --by $by >"$tmp/s2"
    cmp -s "$tmp/s1" "$tmp/s2" || { diff "$tmp/s1" "$tmp/s2" | head; echo "concurrent ingests: stats --by $by differ"; fail=1; }
done

# bad input: clear errors, non-zero exit, nothing broken
"$DYAD" query --db "$pg" --from 2024-13-45x >/dev/null 2>"$tmp/e1" && fail=1
grep -q -- "error: from: bad date '2024-13-45x'" "$tmp/e1" || { cat "$tmp/e1"; echo "bad date not reported"; fail=1; }
"$DYAD" stats --db "$pg" --to 24-1-1 >/dev/null 2>"$tmp/e2" && fail=1
grep -q -- "error: to: bad date" "$tmp/e2" || { cat "$tmp/e2"; echo "bad --to not reported"; fail=1; }
"$DYAD" query --db "postgresql://postgres:s3cret@127.0.0.1:$port/no_such_db" 2>"$tmp/e3" && fail=1
grep -q "cannot connect to PostgreSQL.*no_such_db" "$tmp/e3" || { cat "$tmp/e3"; echo "missing database not reported"; fail=1; }
"$DYAD" query --db "postgresql://u:s3cret@[::1" 2>"$tmp/e4" && fail=1
grep -q "cannot connect to PostgreSQL" "$tmp/e4" || { cat "$tmp/e4"; echo "malformed URI not reported"; fail=1; }
cat "$tmp/e3" "$tmp/e4"
grep -q "s3cret" "$tmp/e3" "$tmp/e4" && { echo "the password was printed"; fail=1; }
"$DYAD" query --db "$pg" --actor "'; DROP TABLE events; --" >/dev/null 2>"$tmp/e5" && fail=1
grep -q "error: actor: " "$tmp/e5" || { cat "$tmp/e5"; echo "a bad actor prefix not refused"; fail=1; }
"$DYAD" query --db "$pg" --text "'); DROP TABLE events; --" >/dev/null || fail=1
[ "$("$DYAD" query --db "$pg" --format jsonl | wc -l)" = "$all" ] || { echo "events lost"; fail=1; }

# Places and casualty figures, in new stores of both kinds. A later
# article gives a finer place for an earlier event: "in Qatar", then "in
# Doha" (the event moves to Doha), then "in Cairo" (another country: a new
# event), then no place at all (merged with the first). Figures in every
# format and filter, --place by name, by country code and by a country
# named by stored places, and the merge, must agree between the stores.
cat >"$tmp/places.jsonl" <<'END'
{"id":"place-1","date":"2024-05-01","source":"Wire A","title":"Talks","text":"Egyptian Foreign Minister Sameh Shoukry met Qatari Prime Minister Mohammed bin Abdulrahman Al Thani in Qatar on Wednesday."}
{"id":"place-2","date":"2024-05-02","source":"Wire B","title":"Talks in Doha","text":"Egyptian Foreign Minister Sameh Shoukry met Qatari Prime Minister Mohammed bin Abdulrahman Al Thani in Doha on Wednesday."}
{"id":"place-3","date":"2024-05-02","source":"Wire C","title":"Talks in Cairo","text":"Egyptian Foreign Minister Sameh Shoukry met Qatari Prime Minister Mohammed bin Abdulrahman Al Thani in Cairo on Wednesday."}
{"id":"place-4","date":"2024-05-03","source":"Wire D","title":"Talks","text":"Egyptian Foreign Minister Sameh Shoukry met Qatari Prime Minister Mohammed bin Abdulrahman Al Thani on Wednesday. Two Qatari police officers were injured in a blast in Doha on Thursday, police said."}
END
as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$port" -U postgres dyad_places || fail=1
lite="$tmp/places.db"
pg="postgresql://postgres@127.0.0.1:$port/dyad_places"
for db in "$lite" "$pg"; do
    "$DYAD" ingest --db "$db" "$SEEDS" examples/*.txt 2>"$tmp/err" || { cat "$tmp/err"; fail=1; }
    "$DYAD" ingest --db "$db" "$tmp/places.jsonl" 2>"$tmp/err" || { cat "$tmp/err"; fail=1; }
done
nfig=$("$DYAD" figures --db "$pg" --format jsonl | wc -l)
[ "$nfig" -gt 5 ] || { echo "too few figures in PostgreSQL: $nfig"; fail=1; }
for f in table jsonl csv; do same "figures $f" figures --format "$f"; done
same "figures --kind" figures --format jsonl --kind injured
same "figures --kind --place" figures --format jsonl --kind killed --place lebanon
same "figures --place country" figures --format jsonl --place QAT
same "figures --actor" figures --format jsonl --actor PSE
same "figures --actor, any case" figures --format jsonl --actor pSe
same "--actor --code, any case" query --format csv --actor usaGov --code 04
same "figures --from --to" figures --format table --from 2024-05-01 --to 2024-08-31
same "figures --text" figures --format jsonl --text Lebanon
same "figures --limit" figures --format csv --limit 2
for place in Qatar QAT Doha; do
    same "--place $place" query --format csv --place "$place"
    same "figures --place $place" figures --format jsonl --place "$place"
    same "stats --place $place" stats --by dyad --place "$place"
done
"$DYAD" query --db "$pg" --format csv --place Qatar >"$tmp/qatar"
"$DYAD" query --db "$pg" --format csv --place qat >"$tmp/qat"
"$DYAD" query --db "$pg" --format csv --place Doha >"$tmp/doha"
cmp -s "$tmp/qatar" "$tmp/qat" || { echo "--place Qatar and --place qat differ in PostgreSQL"; fail=1; }
grep -q '"Doha","QAT"' "$tmp/qatar" || { echo "--place Qatar did not find the events in Doha"; fail=1; }
[ "$(wc -l <"$tmp/doha")" -lt "$(wc -l <"$tmp/qatar")" ] || { echo "--place Doha found all of Qatar"; fail=1; }
tail -n +2 "$tmp/doha" | grep -v '"Doha","QAT"' | grep -q . && { echo "--place Doha found events elsewhere"; fail=1; }
n=$("$DYAD" figures --db "$pg" --format jsonl --kind injured --place Qatar | grep -c '"place":"Doha"')
[ "$n" = 1 ] || { echo "figures --place Qatar: $n injured in Doha, expected 1"; fail=1; }
same "finer place" query --format csv --from 2024-05-01 --to 2024-05-03
for db in "$lite" "$pg"; do
    "$DYAD" query --db "$db" --format csv --actor EGYGOV --code 040 --from 2024-05-01 --to 2024-05-01 >"$tmp/met"
    grep -q '^[0-9]*,"2024-05-01","EGYGOV","QATGOV","040","04",1,1.0,3,3,3,"place-1",.*,"Doha","QAT",' "$tmp/met" ||
        { cat "$tmp/met"; echo "$db: the meeting in Qatar did not move to Doha with 3 articles"; fail=1; }
    grep -q '^[0-9]*,"2024-05-01","EGYGOV","QATGOV","040","04",1,1.0,1,1,1,"place-3",.*,"Cairo","EGY",' "$tmp/met" ||
        { cat "$tmp/met"; echo "$db: the meeting in Cairo was merged"; fail=1; }
    [ "$(tail -n +2 "$tmp/met" | wc -l)" = 2 ] || { cat "$tmp/met"; echo "$db: expected 2 meetings"; fail=1; }
done
"$DYAD" figures --db "$pg" --kind wounded >/dev/null 2>"$tmp/e5" && fail=1
grep -q -- "error: kind: 'wounded' is not" "$tmp/e5" || { cat "$tmp/e5"; echo "bad --kind not reported"; fail=1; }

# a PostgreSQL store made before places and figures (no place stored, an
# event that shares its key with another keeps its name) is upgraded when
# opened, and then stores them as SQLite does with the same store
unplace="UPDATE events SET place = '' WHERE NOT EXISTS(SELECT 1 FROM events o WHERE o.date = events.date
    AND o.source = events.source AND o.target = events.target AND o.code = events.code AND o.id <> events.id)"
sqlite3 "$lite" "$unplace; UPDATE events SET country = '', lat = NULL, lon = NULL, place_kind = '';
    UPDATE mentions SET place_text = '', place_start = NULL, place_end = NULL; DELETE FROM figures" || fail=1
as_pg "$PGBIN/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d dyad_places -c "$unplace;
    ALTER TABLE events DROP COLUMN country, DROP COLUMN lat, DROP COLUMN lon, DROP COLUMN place_kind;
    ALTER TABLE mentions DROP COLUMN place_text, DROP COLUMN place_start, DROP COLUMN place_end;
    DROP TABLE figures; DELETE FROM dyad_meta" || fail=1
same "before the upgrade" query --format csv
sed 's/"place-/"later-/; s/ on Wednesday/ on Wednesday, officials said/' "$tmp/places.jsonl" >"$tmp/later.jsonl"
for db in "$lite" "$pg"; do
    "$DYAD" ingest --db "$db" "$tmp/later.jsonl" 2>"$tmp/err" || { cat "$tmp/err"; echo "cannot ingest into $db"; fail=1; }
done
grep -q " 4 articles stored" "$tmp/err" || { cat "$tmp/err"; echo "the upgraded store did not take the later articles"; fail=1; }
same "after the upgrade" query --format csv
# the later reports merge by the rule with the stored ones (whose places
# are their events'): Qatar, Doha and no place into the meeting in Doha,
# Cairo into Cairo's
grep -q '^[0-9]*,"2024-05-01","EGYGOV","QATGOV","040","04",1,1.0,6,3,6,"place-1",.*,"Doha","QAT",' "$tmp/pg.out" &&
    grep -q '^[0-9]*,"2024-05-01","EGYGOV","QATGOV","040","04",1,1.0,2,1,2,"place-3",.*,"Cairo","EGY",' "$tmp/pg.out" ||
    { echo "the later reports did not merge by place after the upgrade"; fail=1; }
same "figures after the upgrade" figures --format jsonl
grep '"article":"later-4"' "$tmp/pg.out" | grep -q '"place":"Doha"' || { echo "no figure in Doha after the upgrade"; fail=1; }
exit $fail
