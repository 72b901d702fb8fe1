#!/bin/sh
# dyad ingest, query and stats on the sample articles: merging across
# articles, every output format, filters, and refused bad queries.
set -u
DYAD=${DYAD:-build-asan/dyad}
SEEDS=${DYAD_SHARED:-../shared}/samples/seeds.jsonl
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db="$tmp/q.db"
fail=0
"$DYAD" ingest --db "$db" "$SEEDS" examples/*.txt 2>"$tmp/err" || { cat "$tmp/err"; exit 1; }
cat "$tmp/err"
# the 20 August visit to Doha: one event, two articles
row=$("$DYAD" query --db "$db" --actor USAGOV --code 042 --from 2024-08-20 --to 2024-08-20 --format csv | tail -n +2)
echo "Doha visit: $row"
[ "$(printf '%s\n' "$row" | grep -c .)" = 1 ] || { echo "expected one event"; fail=1; }
printf '%s\n' "$row" | grep -q '^[0-9]*,2024-08-20,"USAGOV","QAT",042,04,1,1.9,[0-9]*,2,2,' || { echo "expected 042 with its Goldstein 1.9, 2 sources, 2 articles"; fail=1; }
# formats: GDELT 61 columns, Phoenix 26, JSON Lines one object per line
n=$("$DYAD" query --db "$db" --format gdelt | awk -F'\t' 'NF != 61' | wc -l)
[ "$n" = 0 ] || { echo "GDELT rows without 61 columns: $n"; fail=1; }
n=$("$DYAD" query --db "$db" --format phoenix | awk -F'\t' 'NF != 26' | wc -l)
[ "$n" = 0 ] || { echo "Phoenix rows without 26 columns: $n"; fail=1; }
all=$("$DYAD" query --db "$db" --format jsonl | wc -l)
[ "$all" -gt 20 ] || { echo "too few events: $all"; fail=1; }
n=$("$DYAD" query --db "$db" --format jsonl | grep -c '^{"id":[0-9]*,"date":"[0-9-]*",.*}$')
[ "$n" = "$all" ] || { echo "malformed JSON lines"; fail=1; }
# filters
n=$("$DYAD" query --db "$db" --text Lapid --format jsonl | grep -c '"code":"112"')
[ "$n" -ge 1 ] || { echo "full-text filter found no accusation"; fail=1; }
n=$("$DYAD" query --db "$db" --code 19 --format jsonl | grep -vc '"root":"19"')
[ "$n" = 0 ] || { echo "--code 19 returned other roots"; fail=1; }
"$DYAD" stats --db "$db" --by root | grep -q '^04	' || { echo "no root 04 in stats"; fail=1; }
"$DYAD" stats --db "$db" --by dyad | grep -q '^USAGOV>QAT	' || { echo "no USAGOV>QAT dyad"; fail=1; }
# bad queries: clear errors, non-zero exit, nothing broken
"$DYAD" query --db "$db" --from 2024-13-45x 2>"$tmp/e1" && fail=1
grep -q -- "--from: bad date" "$tmp/e1" || { echo "bad date not reported"; fail=1; }
"$DYAD" query --db "$db" --format xml 2>"$tmp/e2" && fail=1
grep -q "not table, jsonl" "$tmp/e2" || fail=1
"$DYAD" stats --db "$db" --by week 2>"$tmp/e3" && fail=1
grep -q "is not day, dyad or root" "$tmp/e3" || fail=1
"$DYAD" query --db "$db" --text '"unbalanced' 2>"$tmp/e4" && fail=1
grep -q "error" "$tmp/e4" || fail=1
"$DYAD" query --db "$db" --actor "'; DROP TABLE events; --" >/dev/null || fail=1
[ "$("$DYAD" query --db "$db" --format jsonl | wc -l)" = "$all" ] || { echo "events lost"; fail=1; }
exit $fail
