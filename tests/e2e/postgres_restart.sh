#!/bin/sh
# dyad ingest into PostgreSQL while the server stops and starts again: the
# batch the stop cut off is stored again once the server is back, with a
# line saying so, not thousands of errors; every article is stored once.
set -u
DYAD=${DYAD_FAST:-build/dyad}
. tests/e2e/lib/pg.sh
tmp=$(mktemp -d /tmp/dyad-pgr.XXXXXX)
trap 'pg_stop; rm -rf "$tmp"' EXIT
pg_start "$tmp" || exit 1
uri=$(pg_createdb restart) || exit 1
fail=0
awk 'BEGIN { for (i = 0; i < 4000; i++)
    printf "{\"id\":\"r%d\",\"date\":\"2024-01-%02d\",\"text\":\"Egypt criticized Israel over report %d. Qatar praised Egypt.\"}\n", i, i % 28 + 1, i }' >"$tmp/in.jsonl"
"$DYAD" ingest --db "$uri" "$tmp/in.jsonl" 2>"$tmp/err" &
pid=$!
# stop the server once some batches are in, start it again 3 s later
i=0
while [ $i -lt 200 ]; do
    n=$(as_pg "$PGBIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d restart -tAc 'SELECT count(*) FROM articles' 2>/dev/null || echo 0)
    [ "${n:-0}" -ge 300 ] && break
    sleep 0.05
    i=$((i + 1))
done
as_pg "$PGBIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || { echo "stop failed"; exit 1; }
sleep 3
pg_up || { echo "the server did not start again"; exit 1; }
wait $pid
rc=$?
tail -3 "$tmp/err"
[ $rc -eq 0 ] || { echo "ingest exited with $rc"; fail=1; }
grep -q "the connection to the store was lost; storing the batch of [0-9]* articles again" "$tmp/err" ||
    { echo "no line saying the batch is stored again (did the stop come too late?)"; fail=1; }
[ "$(grep -c "error" "$tmp/err")" -le 2 ] || { echo "more than two error lines:"; head -5 "$tmp/err"; fail=1; }
grep -q "4000 articles stored, 0 already there" "$tmp/err" || { echo "not every article counted stored"; fail=1; }
n=$(as_pg "$PGBIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d restart -tAc 'SELECT count(*) FROM articles')
[ "$n" = 4000 ] || { echo "$n articles in the database, want 4000"; fail=1; }
exit $fail
