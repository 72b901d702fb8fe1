#!/bin/sh
# `dyad ingest` killed with SIGKILL in the middle keeps every committed
# batch and a sound database; running it again completes the job, and the
# result equals an uninterrupted ingest. Re-ingesting changes nothing.
set -u
DYAD=${DYAD_FAST:-build/dyad}
SEEDS=tests/fixtures/news.jsonl
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# 1000 articles: the samples and examples under new ids, text made unique
i=0
while [ $i -lt 500 ]; do
    sed "s/\"id\": \"wire-\([ab]\)\"/\"id\": \"s\1-$i\"/; s/\"text\": \"/\"text\": \"Item $i. /" "$SEEDS"
    i=$((i + 1))
done >"$tmp/in.jsonl"
"$DYAD" ingest --db "$tmp/full.db" "$tmp/in.jsonl" 2>"$tmp/full.err" || { cat "$tmp/full.err"; exit 1; }
"$DYAD" ingest --db "$tmp/k.db" "$tmp/in.jsonl" 2>/dev/null &
pid=$!
# wait until some batches are committed, then kill
n=0
while [ $n -lt 200 ]; do
    c=$(sqlite3 "$tmp/k.db" "SELECT count(*) FROM articles" 2>/dev/null || echo 0)
    [ "${c:-0}" -ge 256 ] && break
    sleep 0.05
    n=$((n + 1))
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
before=$(sqlite3 "$tmp/k.db" "SELECT count(*) FROM articles")
check=$(sqlite3 "$tmp/k.db" "PRAGMA integrity_check")
echo "killed after $before articles; integrity: $check"
fail=0
[ "$check" = ok ] || fail=1
# SQLite takes 256 articles a transaction (dyad_store_batch)
[ $((before % 256)) -eq 0 ] || { echo "a partial batch was kept"; fail=1; }
"$DYAD" ingest --db "$tmp/k.db" "$tmp/in.jsonl" 2>"$tmp/re.err" || fail=1
cat "$tmp/re.err"
q="SELECT count(*), sum(num_mentions), sum(num_articles) FROM events"
a=$(sqlite3 "$tmp/full.db" "SELECT count(*) FROM articles; $q")
b=$(sqlite3 "$tmp/k.db" "SELECT count(*) FROM articles; $q")
echo "uninterrupted: $(echo $a)  resumed: $(echo $b)"
[ "$a" = "$b" ] || { echo "resumed ingest differs"; fail=1; }
[ "$(echo "$a" | head -1)" = 1000 ] || { echo "not every article stored"; fail=1; }
"$DYAD" ingest --db "$tmp/k.db" "$tmp/in.jsonl" 2>"$tmp/again.err"
grep -q "0 articles stored, 1000 already there" "$tmp/again.err" || { cat "$tmp/again.err"; fail=1; }
[ "$(sqlite3 "$tmp/k.db" "$q")" = "$(sqlite3 "$tmp/full.db" "$q")" ] || fail=1
exit $fail
