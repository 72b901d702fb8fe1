#!/bin/sh
# Merged events do not depend on the order articles are stored in, in
# SQLite and in PostgreSQL. Invented reports of one event (same date, dyad
# and code) name two towns, a region, a country with a town in it, a
# country without, and no place; two copies of one text arrive under
# different ids and dates. Each store takes them in several orders
# (forward, reversed, shuffled) and must hold the same events, counts and
# kept copies every time, and the ones the merge rule gives: one event per
# place, the country with a town joined to its first town by name, the
# unplaced report joined to the first event by name, and the earlier copy
# kept.
set -u
DYAD=${DYAD:-build-asan/dyad}
. tests/e2e/lib/pg.sh

tmp=$(mktemp -d /tmp/dyad-order.XXXXXX)
trap 'pg_stop; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP
fail=0

python3 - "$tmp" <<'EOF'
import json, random, sys
d = sys.argv[1]
says = ["Israeli forces attacked Hamas militants in Khan Younis.",
        "Israeli forces attacked Hamas militants in Rafah.",
        "Israeli forces attacked Hamas militants in the Gaza Strip.",
        "Israeli forces attacked Hamas militants.",
        "Israeli forces attacked Hamas militants in Lebanon.",
        "Israeli forces attacked Hamas militants in Palestine.",
        "Israeli forces attacked Hamas militants in Rafah on Tuesday."]
rows = [{"id": "r%d" % i, "date": "2024-03-06", "source": "Wire %d" % (i % 3), "text": t}
        for i, t in enumerate(says)]
copy = "Egyptian mediators met Hamas officials in Cairo."
rows.append({"id": "copy-b", "date": "2024-03-08", "source": "Late Wire", "text": copy})
rows.append({"id": "copy-a", "date": "2024-03-07", "source": "Early Wire", "text": copy})
orders = [rows, rows[::-1]]
for seed in (1, 2, 3):
    r = rows[:]
    random.Random(seed).shuffle(r)
    orders.append(r)
for k, o in enumerate(orders):
    with open("%s/in%d.jsonl" % (d, k), "w") as f:
        for r in o:
            f.write(json.dumps(r) + "\n")
EOF

# the events and the kept articles of a store, in an order of their own
table() {
    "$DYAD" query --db "$1" --format jsonl 2>>"$tmp/err" | python3 -c '
import json, sys
for l in sys.stdin:
    e = json.loads(l)
    print(e["date"], e["source"], e["target"], e["code"], e.get("place") or "-",
          e["num_mentions"], e["num_articles"], e["num_sources"], sep="|")' | sort
}

pg_start "$tmp" || exit 1
for k in 0 1 2 3 4; do
    lite="$tmp/o$k.db"
    pg=$(pg_createdb "o$k") || exit 1
    for db in "$lite" "$pg"; do
        "$DYAD" ingest --db "$db" "$tmp/in$k.jsonl" 2>"$tmp/err" || { cat "$tmp/err"; echo "ingest $k into $db failed"; exit 1; }
        name=$([ "$db" = "$lite" ] && echo sqlite || echo pg)
        table "$db" >"$tmp/$name$k.events"
        "$DYAD" query --db "$db" --text "Egyptian mediators" --format jsonl 2>>"$tmp/err" |
            python3 -c 'import json,sys; print(sorted({json.loads(l)["date"] for l in sys.stdin}))' >"$tmp/$name$k.copy"
    done
done

# the rule's events for these reports (date|source|target|code|place|mentions|articles|sources)
cat >"$tmp/want" <<'EOF'
2024-03-05|ISRMIL|PSEREBHMS|190|Rafah|1|1|1
2024-03-06|ISRMIL|PSEREBHMS|190|Gaza Strip|3|3|2
2024-03-06|ISRMIL|PSEREBHMS|190|Khan Younis|1|1|1
2024-03-06|ISRMIL|PSEREBHMS|190|Lebanon|1|1|1
2024-03-06|ISRMIL|PSEREBHMS|190|Rafah|1|1|1
EOF
for name in sqlite pg; do
    grep '|PSEREBHMS|190|' "$tmp/${name}0.events" >"$tmp/got"
    if ! diff "$tmp/want" "$tmp/got" >"$tmp/d"; then
        echo "$name: the merge rule's events were not stored:"; cat "$tmp/d"; fail=1
    fi
    [ "$(cat "$tmp/${name}0.copy")" = "['2024-03-07']" ] ||
        { echo "$name: the earlier copy was not the one kept: $(cat "$tmp/${name}0.copy")"; fail=1; }
    for k in 1 2 3 4; do
        for what in events copy; do
            if ! diff "$tmp/${name}0.$what" "$tmp/$name$k.$what" >"$tmp/d"; then
                echo "$name: order $k gives other $what than order 0:"; cat "$tmp/d"; fail=1
            fi
        done
    done
done
if ! diff "$tmp/sqlite0.events" "$tmp/pg0.events" >"$tmp/d"; then
    echo "SQLite and PostgreSQL merge differently:"; cat "$tmp/d"; fail=1
fi
[ $fail = 0 ] && echo "merge_order: 5 orders, SQLite and PostgreSQL, same events and kept copies"
exit $fail
