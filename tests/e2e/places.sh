#!/bin/sh
# Places in the test articles (tests/fixtures/news.jsonl): the visit to Qatar is in Doha or Qatar,
# the talks said to continue in Cairo are in Cairo, strikes on Gaza and
# Lebanon get those places, and every place carries its country and
# coordinates.
set -u
DYAD=${DYAD:-build-asan/dyad}
SEEDS=tests/fixtures/news.jsonl
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$DYAD" code --format jsonl "$SEEDS" >"$tmp/ev" 2>"$tmp/err" || { cat "$tmp/err"; exit 1; }
"$DYAD" code --format places "$SEEDS" >"$tmp/pl" 2>>"$tmp/err" || { cat "$tmp/err"; exit 1; }
"$DYAD" code --format tsv "$SEEDS" >"$tmp/tsv" 2>>"$tmp/err" || { cat "$tmp/err"; exit 1; }
fail=0
check() { # FILE EXTENDED-REGEX WHAT
    if grep -Eq "$2" "$1"; then echo "ok   $3"; else echo "MISS $3"; fail=1; fi
}
check "$tmp/ev" '"source":"USAGOV","target":"QAT","code":"042".*"place":"(Doha|Qatar)","place_country":"QAT","place_lat":2[45]\.' \
    "the US visit to Qatar is in Doha or Qatar"
check "$tmp/ev" '"article":"wire-b".*"code":"042".*"place":"Doha","place_country":"QAT".*"place_text":"the Qatari capital Doha"' \
    "arrived in the Qatari capital Doha"
check "$tmp/pl" '"article":"wire-b".*"place":"Cairo","place_country":"EGY","place_lat":30\.[0-9]*,"place_lon":31\.[0-9]*,.*"place_precision":"city","place_text":"Cairo"' \
    "the talks continue in Cairo"
check "$tmp/ev" '"code":"19[0-9]*".*"place":"Gaza","place_country":"PSE".*"place_text":"northern Gaza"' \
    "suffering in northern Gaza is in Gaza"
check "$tmp/ev" '"source":"ISR","target":"LBN","code":"19[0-9]*".*"place":"Lebanon","place_country":"LBN"' \
    "Israeli aggression on Lebanon is in Lebanon"
# a capital named without its qualifier is the capital, not the state of
# its name: "in Washington" is Washington, D.C.
printf '%s\n' '{"id":"dc","date":"2024-06-03","text":"Qatari Prime Minister Mohammed bin Abdulrahman Al Thani met Antony Blinken in Washington on Monday."}' >"$tmp/dc.jsonl"
"$DYAD" code --format jsonl "$tmp/dc.jsonl" >"$tmp/dc" 2>>"$tmp/err"
check "$tmp/dc" '"place":"Washington, D.C.","place_country":"USA","place_lat":38\.[0-9]*,"place_lon":-77\.' \
    "met in Washington: the capital"
# a place inside an actor's words, after "in", is still where it happened
# ("protesters in Georgia"); one that owns what follows it is not
printf '%s\n' '{"id":"ge","date":"2024-06-03","text":"Riot police fired tear gas at protesters in Georgia on Monday."}' \
    '{"id":"ga","date":"2024-06-03","text":"A soldier was killed in Israel'"'"'s northern Galilee region on Monday."}' >"$tmp/ge.jsonl"
"$DYAD" code --format places "$tmp/ge.jsonl" >"$tmp/ge" 2>>"$tmp/err"
check "$tmp/ge" '"article":"ge".*"place":"Georgia","place_country":"GEO"' "protesters in Georgia: Georgia"
grep -q '"article":"ga".*"place":"Israel"' "$tmp/ge" && { echo "MISS in Israel's northern Galilee is not Israel"; fail=1; }
# every place from the gazetteer has a country and coordinates
n=$(grep -c '"place":"' "$tmp/pl")
bad=$(grep '"place":"' "$tmp/pl" | grep -v '"place_kind":"place"' | grep -Evc '"place_country":"[A-Z]{3}","place_lat":-?[0-9]')
echo "$n place mentions, $bad without country or coordinates"
[ "$n" -ge 12 ] && [ "$bad" -eq 0 ] || fail=1
# TSV carries the place columns after the existing ones, then the
# confidence, then the actors' names and Wikidata ids
head -1 "$tmp/tsv" | grep -q "	rule	place	place_country	place_lat	place_lon	place_text	place_start	place_end	confidence	source_name	target_name	source_wikidata	target_wikidata	date_precision$" ||
    { echo "TSV header lacks the place, confidence and name columns"; fail=1; }
awk -F'\t' 'NR > 1 && (NF != 32 || $32 !~ /^(day|week|month|publication|none)$/ || $27 !~ /^[01]\.[0-9][0-9]$/ || ($4 != "" && $28 == "")) { bad = 1 } END { exit bad }' "$tmp/tsv" ||
    { echo "TSV rows are not 32 columns with a confidence, a name for each source and a date precision"; fail=1; }
grep -q "warning:" "$tmp/err" && { cat "$tmp/err"; fail=1; }
# the exported gazetteer loads whole, with no bad line
"$DYAD" dict check "$(dirname "$DYAD")/gazetteer.gaz" >"$tmp/gc" 2>&1 || { cat "$tmp/gc"; fail=1; }
places=$(sed -n 's/^places \([0-9]*\).*/\1/p' "$tmp/gc")
echo "exported gazetteer: ${places:-0} places"
[ "${places:-0}" -gt 100000 ] || fail=1
exit $fail
