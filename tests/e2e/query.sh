#!/bin/sh
# dyad ingest, query and stats on the test articles (tests/fixtures/news.jsonl): merging across
# articles, every output format, filters, and refused bad queries.
set -u
DYAD=${DYAD:-build-asan/dyad}
SEEDS=tests/fixtures/news.jsonl
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
printf '%s\n' "$row" | grep -q '^[0-9]*,"2024-08-20","USAGOV","QAT","042","04",1,1.9,[0-9]*,2,2,' || { echo "expected 042 with its Goldstein 1.9, 2 sources, 2 articles"; fail=1; }
visit=$(printf '%s\n' "$row" | cut -d, -f1)
# formats: GDELT 61 columns, Phoenix 26, JSON Lines one object per line
n=$("$DYAD" query --db "$db" --format gdelt | awk -F'\t' 'NF != 61' | wc -l)
[ "$n" = 0 ] || { echo "GDELT rows without 61 columns: $n"; fail=1; }
# Actor1Name and Actor2Name are canonical names (the Doha visit's: Blinken's,
# Qatar's), never the words of the text, and every actor has one
"$DYAD" query --db "$db" --format gdelt >"$tmp/gd"
row=$(awk -F'\t' -v ev="$visit" '$1 == ev { print $6 "|" $7 "|" $16 "|" $17 }' "$tmp/gd")
[ "$row" = "USAGOV|ANTONY BLINKEN|QAT|QATAR" ] || { echo "Doha visit's actor names: $row"; fail=1; }
n=$(awk -F'\t' '($6 != "" && $7 == "") || ($16 != "" && $17 == "") || $7 ~ /[a-z]/ || $17 ~ /[a-z]/' "$tmp/gd" | wc -l)
[ "$n" = 0 ] || { echo "GDELT rows with an actor unnamed or named by its words: $n"; fail=1; }
# an undated article's events have empty date fields, never 00000000
printf '%s\n' '{"id":"undated","text":"Qatar praised Egypt on Tuesday."}' >"$tmp/undated.jsonl"
"$DYAD" ingest --db "$tmp/u.db" "$tmp/undated.jsonl" 2>/dev/null
for f in gdelt gdelt-mentions phoenix icews plover csv; do
    "$DYAD" query --db "$tmp/u.db" --format $f >"$tmp/u.$f"
    [ -s "$tmp/u.$f" ] || { echo "$f: the undated event is missing"; fail=1; }
    grep -q '00000000\|0000-00-00' "$tmp/u.$f" && { echo "$f: an undated event written as 00000000"; fail=1; }
done
# GDELT mentions: 16 columns, one row per mention, offsets on the stored words
"$DYAD" query --db "$db" --format gdelt-mentions >"$tmp/men"
n=$(awk -F'\t' 'NF != 16' "$tmp/men" | wc -l)
[ "$n" = 0 ] || { echo "GDELT mention rows without 16 columns: $n"; fail=1; }
want=$("$DYAD" query --db "$db" --format jsonl | sed 's/.*"num_mentions":\([0-9]*\).*/\1/' | awk '{ s += $1 } END { print s }')
[ "$(wc -l <"$tmp/men")" = "$want" ] || { echo "mention rows $(wc -l <"$tmp/men"), NumMentions add up to $want"; fail=1; }
row=$(awk -F'\t' -v ev="$visit" '$1 == ev && $6 ~ /wire-a$/' "$tmp/men")
printf '%s\n' "$row" | awk -F'\t' '{ exit !($7 == 2 && $8 >= 0 && $10 > $8 && $13 > 500) }' ||
    { echo "Doha visit's wire-a mention: $row"; fail=1; }
off=$(printf '%s\n' "$row" | cut -f8)
node -e 'const fs = require("fs"); const a = fs.readFileSync(process.argv[1], "utf8").split("\n").filter(Boolean).map(JSON.parse).find(x => x.id === "wire-a");
    process.exit(Array.from(a.text).slice(+process.argv[2], +process.argv[2] + 7).join("") === "Blinken" ? 0 : 1)' "$SEEDS" "$off" ||
    { echo "Actor1CharOffset $off is not at Blinken"; fail=1; }
n=$("$DYAD" query --db "$db" --format phoenix | awk -F'\t' 'NF != 26' | wc -l)
[ "$n" = 0 ] || { echo "Phoenix rows without 26 columns: $n"; fail=1; }
all=$("$DYAD" query --db "$db" --format jsonl | wc -l)
[ "$all" -gt 20 ] || { echo "too few events: $all"; fail=1; }
n=$("$DYAD" query --db "$db" --format jsonl | grep -c '^{"record":"event","schema":1,"id":[0-9]*,.*"date":"[0-9-]*",.*}$')
[ "$n" = "$all" ] || { echo "malformed JSON lines"; fail=1; }
# filters
n=$("$DYAD" query --db "$db" --text Lapid --format jsonl | grep -c '"code":"112"')
[ "$n" -ge 1 ] || { echo "full-text filter found no accusation"; fail=1; }
n=$("$DYAD" query --db "$db" --code 19 --format jsonl | grep -vc '"root":"19"')
[ "$n" = 0 ] || { echo "--code 19 returned other roots"; fail=1; }
"$DYAD" stats --db "$db" --by root | grep -q '^04	' || { echo "no root 04 in stats"; fail=1; }
"$DYAD" stats --db "$db" --by dyad | grep -q '^USAGOV>QAT	' || { echo "no USAGOV>QAT dyad"; fail=1; }
# most events first, ties by mentions then key; --sort key; every grouping sums to all events
"$DYAD" stats --db "$db" --by root | tail -n +2 | awk -F'\t' 'NR > 1 && ($2 > pe || ($2 == pe && $3 > pm)) { bad = 1 }
    { pe = $2; pm = $3 } END { exit bad }' || { echo "stats not most events first"; fail=1; }
"$DYAD" stats --db "$db" --by root --sort key | tail -n +2 | cut -f1 | LC_ALL=C sort -c || { echo "stats --sort key not by key"; fail=1; }
nev=$("$DYAD" query --db "$db" --format jsonl --limit 1000000 | wc -l)
for by in day week month year dyad root country country-year; do
    sum=$("$DYAD" stats --db "$db" --by $by | awk -F'\t' 'NR > 1 { n += $2 } END { print n + 0 }')
    [ "$sum" = "$nev" ] || { echo "stats --by $by counts $sum events of $nev"; fail=1; }
done
"$DYAD" stats --db "$db" --by month | tail -n +2 | cut -f1 | grep -Eqv '^[0-9]{4}-[0-9]{2}$' && { echo "a month key is not YYYY-MM"; fail=1; }
# ISO weeks: the Doha visit of Tuesday 2024-08-20 and the talks of Monday
# 2024-08-19 are in 2024-W34
"$DYAD" stats --db "$db" --by week | tail -n +2 | cut -f1 | grep -Eqv '^[0-9]{4}-W[0-9]{2}$' && { echo "a week key is not YYYY-Www"; fail=1; }
[ "$("$DYAD" stats --db "$db" --by week --format csv | grep '^"2024-W34",')" = \
    "\"2024-W34\",$("$DYAD" stats --db "$db" --from 2024-08-19 --to 2024-08-25 --by year --format csv | sed -n 's/^"2024",//p')" ] ||
    { echo "stats --by week: 2024-W34 is not the events of 2024-08-19 to 2024-08-25"; fail=1; }
"$DYAD" stats --db "$db" --by country-year | tail -n +2 | cut -f1 | grep -Eqv '^([A-Z]{3}|-) [0-9]{4}$' && { echo "a country-year key is not 'ISR 2024'"; fail=1; }
[ "$("$DYAD" stats --db "$db" --by root --limit 2 | wc -l)" = 3 ] || { echo "stats --limit 2 is not a header and 2 rows"; fail=1; }
"$DYAD" stats --db "$db" --by year --format csv | head -1 | grep -qx '"year","events","mentions"' || { echo "stats csv header"; fail=1; }
"$DYAD" stats --db "$db" --by root --format jsonl | node -e 'const l = require("fs").readFileSync(0, "utf8").trim().split("\n").map(JSON.parse);
    if (!l.length || !l.every(o => o.record === "count" && o.by === "root" && typeof o.key === "string" && Number.isInteger(o.events))) process.exit(1)' ||
    { echo "stats jsonl"; fail=1; }
"$DYAD" stats --db "$db" --by root --format table | head -1 | grep -q '^root  *events  *mentions$' || { echo "stats table header"; fail=1; }
"$DYAD" stats --db "$db" --format xml 2>/dev/null && { echo "stats --format xml taken"; fail=1; }
"$DYAD" stats --db "$db" --sort size 2>/dev/null && { echo "stats --sort size taken"; fail=1; }
# places: the Doha visit is in Doha, and found by the country's name and code
"$DYAD" query --db "$db" --place Qatar --actor USAGOV --code 042 --format jsonl >"$tmp/qat"
grep -q '"date":"2024-08-20".*"place":"Doha","place_country":"QAT","place_lat":25\.' "$tmp/qat" || { echo "Doha visit not found by --place Qatar"; fail=1; }
grep -v '"place_country":"QAT"' "$tmp/qat" | grep -q . && { echo "--place Qatar returned events outside Qatar"; fail=1; }
"$DYAD" query --db "$db" --place qat --format csv | tail -n +2 | cut -d, -f1 | sort >"$tmp/p1"
"$DYAD" query --db "$db" --place Qatar --format csv | tail -n +2 | cut -d, -f1 | sort >"$tmp/p2"
[ -s "$tmp/p1" ] && cmp -s "$tmp/p1" "$tmp/p2" || { echo "--place qat and --place Qatar differ"; fail=1; }
# GDELT's ActionGeo: the place, its country in FIPS 10-4 (Qatar: QA), its latitude
n=$("$DYAD" query --db "$db" --format gdelt --place Doha | awk -F'\t' '$53 != "Doha" || $54 != "QA" || $57 == ""' | wc -l)
[ "$n" = 0 ] || { echo "GDELT ActionGeo missing (or not in FIPS) for placed events: $n"; fail=1; }
# its Type (4, a city outside the US), ADM1Code (FIPS country and GeoNames
# admin-1 code) and FeatureID (the GeoNames id), as the gazetteer has Doha
gaz=${DYAD_GAZETTEER:-$(dirname "$DYAD")/gazetteer.gaz}
want=$(awk -F'\t' '$1 == "Doha" && $3 == "QAT" { print "4|QA" $4 "|" $9 }' "$gaz")
got=$("$DYAD" query --db "$db" --format gdelt --place Doha | awk -F'\t' '{ print $52 "|" $55 "|" $59 }' | sort -u)
case $want in 4\|QA?*\|[0-9]*) ;; *) echo "no Doha with admin-1 code and id in $gaz: $want"; fail=1 ;; esac
[ "$got" = "$want" ] || { echo "GDELT ActionGeo Type|ADM1Code|FeatureID of Doha: $got, want $want"; fail=1; }
# the stored event carries them too, as its report stored them
want=$(awk -F'\t' '$1 == "Doha" && $3 == "QAT" { print "\"place_admin1\":\"" $4 "\",\"place_geonameid\":" $9 ",\"place_precision\":\"city\"" }' "$gaz")
"$DYAD" query --db "$db" --place Doha --format jsonl | grep -qF "$want" ||
    { echo "stored Doha events lack $want"; fail=1; }
# a place reported by one article, a finer one by another, none by a third:
# one event, at the finest; another city is another event
cat >"$tmp/m.jsonl" <<'EOF2'
{"id":"m1","date":"2024-09-25","source":"wire-a","text":"Israeli forces attacked Hamas in Lebanon on Monday."}
{"id":"m2","date":"2024-09-25","source":"wire-b","text":"Israeli forces attacked Hamas in Beirut on Monday."}
{"id":"m3","date":"2024-09-25","source":"wire-c","text":"Israeli forces attacked Hamas on Monday."}
{"id":"m4","date":"2024-09-25","source":"wire-d","text":"Israeli forces attacked Hamas in Cairo on Monday."}
EOF2
"$DYAD" ingest --db "$tmp/m.db" "$tmp/m.jsonl" 2>/dev/null
"$DYAD" query --db "$tmp/m.db" --format jsonl >"$tmp/m.out"
grep -q '"date":"2024-09-23","date_precision":"day","source":"ISRMIL","target":"PSEREBHMS","code":"190".*"num_mentions":3,"num_sources":3,"num_articles":3,.*"place":"Beirut","place_country":"LBN"' "$tmp/m.out" ||
    { echo "reports of Lebanon, Beirut and nowhere not merged at Beirut"; cat "$tmp/m.out"; fail=1; }
grep -q '"num_articles":1,.*"place":"Cairo"' "$tmp/m.out" || { echo "the Cairo report merged with Beirut"; fail=1; }
[ "$(wc -l <"$tmp/m.out")" = 2 ] || { echo "expected 2 events"; fail=1; }
# casualty figures: stored, filtered by kind, place and actor
"$DYAD" figures --db "$db" --format csv >"$tmp/f.csv"
grep -q ',killed,0,1974,1974,"at least","1,974",.*"ISR",.*"wire-a",[0-9]*,"Lebanon","LBN",' "$tmp/f.csv" || { echo "Lebanon toll not stored"; fail=1; }
grep -q ',prisoner,1,210,210,' "$tmp/f.csv" || { echo "210 prisoners released not stored"; fail=1; }
n=$("$DYAD" figures --db "$db" --kind injured --place Lebanon --format jsonl | grep -c '"value":9350,')
[ "$n" = 1 ] || { echo "--kind injured --place Lebanon: $n"; fail=1; }
n=$("$DYAD" figures --db "$db" --actor ISR --format jsonl | grep -vc '"perpetrator_code":"ISR\|"victim_code":"ISR')
[ "$n" = 0 ] || { echo "--actor ISR returned other figures"; fail=1; }
"$DYAD" figures --db "$db" --kind dead 2>"$tmp/e5" >/dev/null && fail=1
grep -q "is not killed, injured" "$tmp/e5" || { echo "bad --kind not reported"; fail=1; }
# bad queries: clear errors, non-zero exit, nothing broken
"$DYAD" query --db "$db" --from 2024-13-45x 2>"$tmp/e1" >"$tmp/o1" && fail=1
grep -q -- "error: from: bad date" "$tmp/e1" || { echo "bad date not reported"; fail=1; }
[ -s "$tmp/o1" ] && { echo "a refused query wrote a table header"; fail=1; }
"$DYAD" stats --db "$db" --to 2024-02-30 2>"$tmp/e6" >"$tmp/o6" && fail=1
grep -q -- "error: to: bad date" "$tmp/e6" || { echo "bad --to not reported"; fail=1; }
[ -s "$tmp/o6" ] && { echo "a refused stats query wrote a header"; fail=1; }
[ "$("$DYAD" query --db "$db" --actor NOBODY --format csv | wc -l)" = 1 ] || { echo "no CSV header for an empty result"; fail=1; }
"$DYAD" query --db "$db" --format xml 2>"$tmp/e2" && fail=1
grep -q "not table, jsonl" "$tmp/e2" || fail=1
"$DYAD" stats --db "$db" --by fortnight 2>"$tmp/e3" && fail=1
grep -q "error: by: .fortnight. is not day, week, month, year, dyad, root" "$tmp/e3" || { echo "bad --by not reported by its parameter"; fail=1; }
"$DYAD" query --db "$db" --text '"unbalanced' 2>"$tmp/e4" && fail=1
grep -q "text: .* is not a valid search" "$tmp/e4" || { echo "bad --text not reported"; fail=1; }
"$DYAD" query --db "$db" --actor "'; DROP TABLE events; --" >/dev/null 2>"$tmp/e5" && fail=1
grep -q "error: actor: " "$tmp/e5" || { cat "$tmp/e5"; echo "a bad actor prefix not refused"; fail=1; }
[ "$("$DYAD" query --db "$db" --format jsonl | wc -l)" = "$all" ] || { echo "events lost"; fail=1; }
# several values: repeated flags are a comma list; each filter against
# the same filter applied to every event
"$DYAD" query --db "$db" --format jsonl >"$tmp/every.jsonl"
"$DYAD" query --db "$db" --format jsonl --code 04 --code 19 --source ISR --source=USA >"$tmp/rep.jsonl"
"$DYAD" query --db "$db" --format jsonl --code 04,19 --source ISR,USA >"$tmp/list.jsonl"
n=$(jq -s '[.[] | select((.code | test("^(04|19)")) and (.source | test("^(ISR|USA)")))] | length' "$tmp/every.jsonl")
[ "$n" -gt 0 ] && [ "$(wc -l <"$tmp/rep.jsonl")" = "$n" ] && cmp -s "$tmp/rep.jsonl" "$tmp/list.jsonl" ||
    { echo "--code/--source lists: $(wc -l <"$tmp/rep.jsonl") and $(wc -l <"$tmp/list.jsonl") events, want $n"; fail=1; }
n=$(jq -s '[.[] | select((.target | test("^(QAT|ISR)")) and .quad >= 3)] | length' "$tmp/every.jsonl")
[ "$n" -gt 0 ] && [ "$("$DYAD" query --db "$db" --format jsonl --target QAT,isr --quad 3,4 | wc -l)" = "$n" ] ||
    { echo "--target --quad: not the $n events"; fail=1; }
n=$(jq -s '[.[] | select(.goldstein >= -8 and .goldstein <= 0)] | length' "$tmp/every.jsonl")
[ "$n" -gt 0 ] && [ "$("$DYAD" query --db "$db" --format jsonl --goldstein-min=-8 --goldstein-max 0 | wc -l)" = "$n" ] ||
    { echo "--goldstein-min/max: not the $n events"; fail=1; }
"$DYAD" query --db "$db" --format jsonl --sort mentions --order desc | jq -s -e '
    length > 1 and ([.[].num_mentions] | . == (sort | reverse)) and .[0].num_mentions > .[-1].num_mentions' >/dev/null ||
    { echo "--sort mentions --order desc: not most mentioned first"; fail=1; }
"$DYAD" stats --db "$db" --by dyad --source ISR --format jsonl | jq -s -e 'length > 0 and all(.[]; .key | startswith("ISR"))' >/dev/null ||
    { echo "stats --source: a dyad of another source"; fail=1; }
for bad in "--quad 5" "--goldstein-min 11" "--sort size" "--order up" "--country US"; do
    # shellcheck disable=SC2086
    "$DYAD" query --db "$db" $bad >/dev/null 2>"$tmp/e7"
    rc=$?
    case "$bad" in --country*) want=1 ;; *) want=2 ;; esac # a list is checked by the store
    name=${bad%% *}
    [ "$rc" = "$want" ] && grep -q -- "${name#--}" "$tmp/e7" ||
        { echo "query $bad: exit $rc, want $want naming the option: $(cat "$tmp/e7")"; fail=1; }
done
exit $fail
