#!/bin/sh
# Dyad's one JSON record schema (docs/formats.md, "JSON records"): the test
# articles coded by `dyad code`, stored and read back by `dyad query
# --format jsonl` and `dyad figures --format jsonl`, and served by the API
# (/api/events, /api/events/ID, /api/figures) give the fields the
# documentation's tables list, in their order, each of its type or null,
# those documented "never" null never null, and no "" anywhere; the same
# report has the same values whichever way it is read; every line of every
# JSON output (places, stats too) has "record" and "schema".
set -u
SEEDS=tests/fixtures/news.jsonl
DOC=docs/formats.md
. tests/e2e/lib/serve.sh
command -v jq >/dev/null || { echo "schema: jq is needed"; exit 1; }
serve_setup
fail=0
no() {
    echo "FAIL $*"
    fail=1
}

# --- what the documentation says: field, type, "never" null, per record --
# (the figure table's "`place` ... `place_end`" row stands for the event's
# place fields)
awk '
    /^<!-- fields: [a-z]+ -->$/ { rec = $3; next }
    /^<!-- end -->$/ { rec = ""; next }
    rec != "" && /^\| `/ {
        n = split($0, c, "|")
        f = c[2]; gsub(/[ `]/, "", f); t = c[3]; gsub(/ /, "", t); nv = c[4]; gsub(/^ +| +$/, "", nv)
        if (f == "place...place_end") { for (i = 1; i <= np; i++) print rec "\t" P[i]; next }
        line = f "\t" t "\t" (nv == "never")
        print rec "\t" line
        if (rec == "event" && (f ~ /^place/ || inplace)) { inplace = (f != "place_end"); P[++np] = line }
    }' "$DOC" >"$tmp/doc.tsv"
jq -R -s 'split("\n") | map(select(length > 0) | split("\t")) |
    reduce .[] as $r ({}; .[$r[0]] += [{f: $r[1], t: $r[2], never: ($r[3] == "1")}])' "$tmp/doc.tsv" >"$tmp/doc.json" ||
    { echo "schema: cannot read the field tables of $DOC"; exit 1; }
ne=$(jq '.event | length' "$tmp/doc.json") nf=$(jq '.figure | length' "$tmp/doc.json")
[ "$ne" -gt 40 ] && [ "$nf" -gt 30 ] || { echo "schema: $DOC lists $ne event and $nf figure fields"; exit 1; }

# --- the records, each way ------------------------------------------------
"$DYAD" code -q --figures --format jsonl "$SEEDS" examples/*.txt >"$tmp/code.all" || { echo "dyad code failed"; exit 1; }
grep -v '"record":"figure"' "$tmp/code.all" >"$tmp/code.event"
grep '"record":"figure"' "$tmp/code.all" >"$tmp/code.figure"
"$DYAD" code -q --format places "$SEEDS" >"$tmp/places" || no "dyad code --format places"
"$FAST" ingest -q --db "$tmp/s.db" "$SEEDS" examples/*.txt || { echo "ingest failed"; exit 1; }
"$DYAD" query --db "$tmp/s.db" --format jsonl >"$tmp/query.event" || no "dyad query"
"$DYAD" figures --db "$tmp/s.db" --format jsonl >"$tmp/figures.figure" || no "dyad figures"
"$DYAD" stats --db "$tmp/s.db" --by country --format jsonl >"$tmp/stats" || no "dyad stats"
serve_start "$DYAD" "$tmp/s.db" "$tmp/log" || exit 1
curl -s "$URL/api/events?limit=10000" | jq -c '.events[]' >"$tmp/api.event"
id=$(jq -r 'select(.code == "042" and .date == "2024-08-20") | .id' "$tmp/api.event" | head -1)
curl -s "$URL/api/events/$id" >"$tmp/one.json"
jq -c 'del(.mentions)' "$tmp/one.json" >"$tmp/api-one.event"
jq -c '.mentions[]' "$tmp/one.json" >"$tmp/mentions"
curl -s "$URL/api/figures" | jq -c '.figures[]' >"$tmp/api.figure"
curl -s "$URL/api/articles/wire-a" >"$tmp/article.json"
curl -s "$URL/api/articles?q=Doha" | jq -c '.articles[]' >"$tmp/hits"
serve_stop || true
SERVE_PID=""

# check FILE RECORD: every line a record of that kind as documented
check() {
    _n=$(wc -l <"$1")
    [ "$_n" -gt 0 ] || { no "$1: no $2 records"; return; }
    jq -r --slurpfile doc "$tmp/doc.json" --arg rec "$2" '
        ($doc[0][$rec]) as $d |
        def kind($t): if $t == "integer" then (type == "number" and . == floor)
                      elif $t == "number" then type == "number" else type == $t end;
        (if .record != $rec then "record is \(.record | tojson), want \"\($rec)\"" else empty end),
        (if .schema != 1 then "schema is \(.schema | tojson)" else empty end),
        (if keys_unsorted != ($d | map(.f)) then
            "fields differ from the documentation: extra \(keys_unsorted - ($d | map(.f))), missing \(($d | map(.f)) - keys_unsorted)"
            + (if (keys_unsorted | sort) == ($d | map(.f) | sort) then " (order)" else "" end)
         else empty end),
        (. as $o | $d[] | . as $x | $o[$x.f] as $v |
            if $v == null then (if $x.never and ($o | has($x.f)) then "\($x.f) is null" else empty end)
            elif ($v | kind($x.t)) then empty
            else "\($x.f) is \($v | tojson), not \($x.t)" end),
        (if [.. | strings | select(. == "")] | length > 0 then "a field is \"\"" else empty end)
        | "\(input_line_number): \(.)"' "$1" >"$tmp/why" 2>&1
    if [ -s "$tmp/why" ]; then
        no "$1 ($_n $2 records): $(sort -t: -k2 -u "$tmp/why" | head -5 | tr '\n' ';')"
    else
        echo "ok   $(basename "$1"): $_n $2 records as documented"
    fi
}
for f in code query api api-one; do check "$tmp/$f.event" event; done
for f in code figures api; do check "$tmp/$f.figure" figure; done

# the same report, coded and stored: the Doha visit of wire-a's second
# sentence, the same values (the stored event's first report is wire-a's)
FACTS='{article, sentence, sentence_text, date, date_precision, source, target, code, code_name, root, quad, goldstein,
    source_basis, target_basis, source_name, target_name, source_wikidata, target_wikidata, source_text, source_start,
    source_end, target_text, target_start, target_end, verb_text, verb_start, verb_end, date_text, rule, place,
    place_country, place_lat, place_lon, place_kind, place_admin1, place_geonameid, place_precision, place_text,
    place_start, place_end, url, news_source, title}'
for f in code query api api-one; do
    jq -c "select(.article == \"wire-a\" and .sentence == 1 and .code == \"042\") | $FACTS" "$tmp/$f.event" >"$tmp/$f.visit"
    [ "$(wc -l <"$tmp/$f.visit")" = 1 ] || { no "$f: the Doha visit is not one event"; continue; }
    [ "$f" = code ] || cmp -s "$tmp/code.visit" "$tmp/$f.visit" ||
        no "the Doha visit: $f gives $(cat "$tmp/$f.visit") where dyad code gives $(cat "$tmp/code.visit")"
done
jq -e '.id != null and .num_mentions == 2' "$tmp/api-one.event" >/dev/null || no "/api/events/$id: not the stored, merged event"

# every other JSON line: a record with its schema, no ""
for f in places stats mentions hits; do
    [ -s "$tmp/$f" ] || { no "$f: nothing written"; continue; }
    jq -e 'has("record") and .schema == 1 and ([.. | strings | select(. == "")] | length == 0)' "$tmp/$f" |
        grep -qv true && no "$f: a line without record or schema, or with \"\""
done
jq -e '.record == "article" and .schema == 1 and (.mentions | length) > 0 and
    ([.. | strings | select(. == "")] | length == 0)' "$tmp/article.json" >/dev/null || no "/api/articles/wire-a"
jq -e 'select(.record != "place")' "$tmp/places" >/dev/null && no "--format places wrote a record that is not a place"
jq -e 'select(.record != "count")' "$tmp/stats" >/dev/null && no "stats wrote a record that is not a count"
jq -s -e 'any(.key == null)' "$tmp/stats" >/dev/null || no "stats --by country: events of no country not keyed null"

[ $fail = 0 ] && echo "schema: every record as docs/formats.md describes it"
exit $fail
