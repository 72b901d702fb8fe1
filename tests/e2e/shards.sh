#!/bin/sh
# Many coding machines, one store: three dyad ingest processes store three
# interleaved shards of one input at the same time, into one PostgreSQL
# database and into one SQLite file, and the events they leave (dates,
# actors, codes, places, NumMentions, NumSources, NumArticles, the merge
# of reports into events) are those of one ingest of the whole input, in
# order. The input repeats articles across shards (the same article twice,
# the same text under other ids) and spreads reports of one event over
# all three, so the writers race on the same articles and the same events.
set -u
DYAD=${DYAD:-build-asan/dyad}
. tests/e2e/lib/pg.sh
tmp=$(mktemp -d /tmp/dyad-shards.XXXXXX)
trap 'pg_stop; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP
pg_start "$tmp" || exit 1
fail=0

python3 - "$tmp" tests/fixtures/news.jsonl examples/*.txt <<'X' || exit 1
import json, sys
tmp, fixtures, examples = sys.argv[1], sys.argv[2], sys.argv[3:]
seeds = [json.loads(l) for l in open(fixtures, encoding="utf-8")]
for p in examples:
    head, _, body = open(p, encoding="utf-8").read().partition("\n\n")
    date = [l[6:] for l in head.splitlines() if l.startswith("Date: ")][0]
    seeds.append({"id": p.rsplit("/", 1)[-1], "date": date, "text": body})
who = ["Turkey", "Jordan", "Egypt", "Qatar", "Iran", "Russia"]
did = ["condemned", "praised", "met", "accused", "visited", "criticised"]
whom = ["Israel", "Hamas", "Lebanon", "Syria"]
rows = []
for i in range(40):
    for k, s in enumerate(seeds):
        # reports of one event on one day from many articles and sources
        lead = "%s %s %s on Monday. " % (who[(i + k) % 6], did[(i // 3) % 6], whom[k % 4])
        rows.append({"id": "%d-%s" % (i, s["id"]), "date": "2024-05-%02d" % (1 + i % 9),
                     "source": "wire-%d" % (i % 5), "text": lead + s["text"]})
# the same article again, and the same text under another id and date
rows += [dict(rows[7]), dict(rows[40], id="again-40"), dict(rows[41], id="again-41", date="2024-04-30")]
with open(tmp + "/all.jsonl", "w") as out:
    for r in rows:
        out.write(json.dumps(r) + "\n")
for n in range(3):
    with open(tmp + "/shard%d.jsonl" % n, "w") as out:
        for r in rows[n::3]:
            out.write(json.dumps(r) + "\n")
X

# The events of a store, whatever order their reports came in: every field
# but the event's id and its first report (article, sentence, offsets),
# sorted.
events() {
    "$DYAD" query --db "$1" --format jsonl --limit 100000 | python3 -c '
import json, sys
keep = ("date", "source", "target", "code", "quad", "goldstein", "num_mentions", "num_sources",
        "num_articles", "place", "country", "lat", "lon", "confidence")
for l in sys.stdin:
    e = json.loads(l)
    print("|".join(str(e.get(k)) for k in keep))' | sort
}

one=$(pg_createdb one) || exit 1
three=$(pg_createdb three) || exit 1
"$DYAD" ingest -q --jobs 1 --db "$one" "$tmp/all.jsonl" || { echo "the whole ingest failed"; fail=1; }
"$DYAD" ingest -q --jobs 1 --db "$tmp/one.db" "$tmp/all.jsonl" || { echo "the whole SQLite ingest failed"; fail=1; }
for db in "$three" "$tmp/three.db"; do
    pids=""
    for n in 0 1 2; do
        "$DYAD" ingest -q --jobs 1 --db "$db" "$tmp/shard$n.jsonl" &
        pids="$pids $!"
    done
    for p in $pids; do wait "$p" || { echo "a shard's ingest into $db failed"; fail=1; }; done
done
events "$one" >"$tmp/one.pg"
events "$three" >"$tmp/three.pg"
events "$tmp/one.db" >"$tmp/one.lite"
events "$tmp/three.db" >"$tmp/three.lite"
n=$(wc -l <"$tmp/one.pg")
[ "$n" -gt 50 ] || { echo "too few events: $n"; fail=1; }
cmp -s "$tmp/one.pg" "$tmp/one.lite" || { echo "the two stores differ on one ingest"; diff "$tmp/one.pg" "$tmp/one.lite" | head -5; fail=1; }
for s in pg lite; do
    if cmp -s "$tmp/one.$s" "$tmp/three.$s"; then
        echo "same: three concurrent ingesters and one ($s, $n events)"
    else
        echo "DIFFERENT: three concurrent ingesters and one ($s)"
        diff "$tmp/one.$s" "$tmp/three.$s" | head -10
        fail=1
    fi
done
exit $fail
