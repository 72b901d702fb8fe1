#!/bin/sh
# A second SQLite writer waits for the first (default 60 s) and says it is
# waiting; with --busy-timeout shorter than the other's hold it fails with
# a message naming the database and counts nothing stored.
set -u
DYAD=${DYAD:-build-asan/dyad}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
db="$tmp/w.db"
printf '%s\n' '{"id":"w0","text":"Egypt criticized Israel."}' >"$tmp/first.jsonl"
"$DYAD" ingest --db "$db" "$tmp/first.jsonl" 2>/dev/null || { echo "first ingest failed"; exit 1; }
printf '%s\n' '{"id":"w1","text":"Egypt praised Qatar."}' '{"id":"w2","text":"Qatar praised Egypt."}' >"$tmp/more.jsonl"
# hold the database for 3 s from another process
hold() {
    python3 -c 'import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None); c.execute("BEGIN EXCLUSIVE")
open(sys.argv[2], "w").close(); time.sleep(3); c.execute("COMMIT")' "$db" "$tmp/held" &
    while [ ! -f "$tmp/held" ]; do sleep 0.05; done
}
hold
"$DYAD" ingest --db "$db" "$tmp/more.jsonl" 2>"$tmp/e1" || { echo "the waiting writer failed:"; cat "$tmp/e1"; fail=1; }
grep -q "w.db: another process is writing to the database; waiting up to 60 s" "$tmp/e1" ||
    { echo "the waiting writer did not say so:"; cat "$tmp/e1"; fail=1; }
grep -q "2 articles stored" "$tmp/e1" || { echo "the waiting writer did not store both"; fail=1; }
wait
rm -f "$tmp/held"
printf '%s\n' '{"id":"w3","text":"Israel criticized Egypt."}' >"$tmp/last.jsonl"
hold
"$DYAD" ingest --db "$db" --busy-timeout 1 "$tmp/last.jsonl" 2>"$tmp/e2" && { echo "a writer that could not wait succeeded"; fail=1; }
grep -q "w.db: .*database is locked" "$tmp/e2" || { echo "no message naming the locked database:"; cat "$tmp/e2"; fail=1; }
grep -q "0 articles stored" "$tmp/e2" || { echo "the summary counts what was not stored:"; cat "$tmp/e2"; fail=1; }
wait
"$DYAD" ingest --db "$db" --busy-timeout x "$tmp/last.jsonl" 2>/dev/null; [ $? -eq 2 ] || { echo "a bad --busy-timeout accepted"; fail=1; }
exit $fail
