#!/bin/sh
# dyad query's export formats against their specifications (docs/formats.md):
# for GDELT 2.0 events and mentions, Phoenix, ICEWS, PLOVER (POLECAT's
# layout) and CSV, the column count and header, the type of every column,
# and one known row of two made-up articles, built here from the
# specification's column list. Values the gazetteer decides (coordinates,
# GeoNames ids) are read from the gazetteer; actor names from the event's
# JSON.
set -u
DYAD=${DYAD:-build-asan/dyad}
gaz=${DYAD_GAZETTEER:-$(dirname "$DYAD")/gazetteer.gaz}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
T='	'
cat >"$tmp/a.jsonl" <<'EOF'
{"id":"exp-1","date":"2024-03-06","source":"Export Wire","url":"https://example.org/exp-1","text":"Iraqi police arrested Kurdish rebels in Mosul on Tuesday. The French foreign minister visited Baghdad on Tuesday. Iran condemned Israel on Tuesday."}
{"id":"exp-2","date":"2024-03-06","source":"Export Wire","text":"Egypt urged Hamas to accept the ceasefire on Tuesday. Egypt said Hamas fighters attacked Israel on Tuesday."}
{"id":"exp-3","date":"2024-03-06","source":"Other Wire","url":"https://example.org/exp-3","text":"Officials said the French foreign minister visited Baghdad on Tuesday to discuss security."}
EOF
db="$tmp/e.db"
"$DYAD" ingest --db "$db" "$tmp/a.jsonl" 2>"$tmp/err" || { cat "$tmp/err"; exit 1; }
for f in jsonl gdelt gdelt-mentions phoenix icews plover csv; do
    "$DYAD" query --db "$db" --format $f >"$tmp/$f" 2>"$tmp/err" || { cat "$tmp/err"; echo "$f: query failed"; fail=1; }
done
nev=$(wc -l <"$tmp/jsonl")
[ "$nev" = 5 ] || { echo "expected the 5 events of the three articles, got $nev"; cat "$tmp/jsonl"; exit 1; }

# row FIELD... : the fields joined by tabs
row() { (IFS=$T; printf '%s\n' "$*"); }
# jfield CODE KEY: a string field of the event with that CAMEO code
jfield() { grep "\"code\":\"$1\"" "$tmp/jsonl" | sed "s/.*\"$2\":\"\\([^\"]*\\)\".*/\\1/"; }
# id CODE: the event's id
id() { grep "\"code\":\"$1\"" "$tmp/jsonl" | sed 's/.*"id":\([0-9]*\),.*/\1/'; }
# gaz NAME KIND FIELD: a field of the gazetteer's entry (lat, lon: 4 decimals)
gazf() { awk -F'\t' -v n="$1" -v k="$2" -v f="$3" '$1 == n && $2 == k { if (f == 5 || f == 6) printf "%.4f\n", $f; else print $f; exit }' "$gaz"; }
# same NAME GOT WANT
same() {
    if [ "$2" != "$3" ]; then
        echo "$1:"; echo "  got:  $2" | cat -A | sed 's/\^I/|/g'; echo "  want: $3" | cat -A | sed 's/\^I/|/g'; fail=1
    fi
}
# columns NAME FILE N [SKIP]: every line (after SKIP header lines) has N tab-separated fields
columns() {
    n=$(tail -n +$(($4 + 1)) "$2" | awk -F'\t' -v n="$3" 'NF != n' | wc -l)
    [ "$n" = 0 ] || { echo "$1: $n rows without $3 columns"; fail=1; }
}
# types NAME FILE SKIP AWK-CHECKS: runs checks (awk code setting bad=column
# on a wrong one) on every row
TYPES='function digits(s, n) { return s ~ /^[0-9]+$/ && (n == 0 || length(s) == n) }
function num(s) { return s ~ /^-?[0-9]+(\.[0-9]+)?$/ }
function opt_num(s) { return s == "" || num(s) }
function code3(s) { return s == "" || (s ~ /^[A-Z][A-Z][A-Z]$/) }
function cameo(s) { return digits(s, 0) && length(s) >= 2 && length(s) <= 4 && substr(s, 1, 2) + 0 >= 1 && substr(s, 1, 2) + 0 <= 20 }
function date(s) { return s ~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$/ }'
types() {
    awk -F'\t' -v name="$1" -v skip="$3" "$TYPES"'
NR > skip { bad = 0; '"$4"'
    if (bad) { printf "%s: line %d: column %d \"%s\" is not of its type\n", name, NR, bad, $bad; err = 1 } }
END { exit err }' "$2" || fail=1
}

# --- GDELT 2.0 events: 61 columns, no header ---------------------------
columns "GDELT events" "$tmp/gdelt" 61 0
types "GDELT events" "$tmp/gdelt" 0 '
    if (!digits($1, 0)) bad = 1; else if (!digits($2, 8)) bad = 2; else if (!digits($3, 6)) bad = 3
    else if (!digits($4, 4)) bad = 4; else if ($5 !~ /^[0-9][0-9][0-9][0-9]\.[0-9][0-9][0-9][0-9]$/) bad = 5
    for (a = 0; a < 2 && !bad; a++) {
        o = a * 10
        if ($(6 + o) !~ /^[A-Z]+$/) bad = 6 + o; else if ($(7 + o) == "" || $(7 + o) ~ /[a-z]/) bad = 7 + o
        else for (k = 8; k <= 15 && !bad; k++) if (k != 9 && !code3($(k + o))) bad = k + o
    }
    if (bad) {} else if ($26 !~ /^[01]$/) bad = 26; else if (!cameo($27)) bad = 27
    else if ($28 != substr($27, 1, 3)) bad = 28; else if ($29 != substr($27, 1, 2)) bad = 29
    else if ($30 !~ /^[1-4]$/) bad = 30; else if (!num($31) || $31 < -10 || $31 > 10) bad = 31
    for (k = 32; k <= 34 && !bad; k++) if (!digits($k, 0) || $k < 1) bad = k
    if (!bad && !num($35)) bad = 35
    for (g = 36; g <= 52 && !bad; g += 8) {
        if ($g !~ /^[0-5]$/) bad = g; else if ($(g + 2) !~ /^([A-Z][A-Z])?$/) bad = g + 2
        else if (!opt_num($(g + 5))) bad = g + 5; else if (!opt_num($(g + 6))) bad = g + 6
        else if ($g == 0 && ($(g + 1) != "" || $(g + 5) != "")) bad = g + 1
    }
    if (!bad && !digits($60, 14)) bad = 60; else if (!bad && $61 == "") bad = 61'
# the French minister's visit to Baghdad, reported by two articles of two
# sources (NumMentions, NumSources, NumArticles 2): FRAGOV visits IRQ (042), in
# Baghdad (a world city: Type 4, FIPS IZ, ADM1 IZ + the GeoNames admin-1
# code, FeatureID its GeoNames id); Actor1Geo France (Type 1, FR, its
# centroid), Actor2Geo Baghdad (an Iraqi actor); FractionDate of 5 March
# 2024, day 65: 2024 + 64/365
e=042
bag="4${T}Baghdad${T}IZ${T}IZ$(gazf Baghdad capital 4)${T}${T}$(gazf Baghdad capital 5)${T}$(gazf Baghdad capital 6)${T}$(gazf Baghdad capital 9)"
fra="1${T}France${T}FR${T}FR${T}${T}$(gazf France country 5)${T}$(gazf France country 6)${T}FR"
frac=$(awk 'BEGIN { printf "%.4f", 2024 + 64 / 365 }')
want=$(row ID 20240305 202403 2024 "$frac" FRAGOV "$(jfield $e source_name)" FRA "" "" "" "" GOV "" "" \
    IRQ "$(jfield $e target_name)" IRQ "" "" "" "" "" "" "" 0 042 042 04 1 1.9 2 2 2 0 "$fra" "$bag" "$bag" \
    ADDED https://example.org/exp-1)
got=$(awk -F'\t' -v OFS='\t' -v id="$(id $e)" '$1 == id { $1 = "ID"; $60 = "ADDED"; print }' "$tmp/gdelt")
same "GDELT row of the Baghdad visit" "$got" "$want"
# one sentence, one article: IsRootEvent 1 only for the lead sentence's event
[ "$(awk -F'\t' -v id="$(id 173)" '$1 == id { print $26 }' "$tmp/gdelt")" = 1 ] || { echo "GDELT IsRootEvent of a lead sentence's event is not 1"; fail=1; }

# --- GDELT 2.0 mentions: 16 columns ------------------------------------
columns "GDELT mentions" "$tmp/gdelt-mentions" 16 0
types "GDELT mentions" "$tmp/gdelt-mentions" 0 '
    if (!digits($1, 0)) bad = 1; else if (!digits($2, 14)) bad = 2; else if (!digits($3, 14)) bad = 3
    else if ($4 !~ /^[1-6]$/) bad = 4; else if ($6 == "") bad = 6; else if (!digits($7, 0) || $7 < 1) bad = 7
    for (k = 8; k <= 10 && !bad; k++) if ($k !~ /^(-1|[0-9]+)$/) bad = k
    if (bad) {} else if ($11 !~ /^[01]$/) bad = 11; else if (!digits($12, 0) || $12 > 100) bad = 12
    else if (!digits($13, 0)) bad = 13; else if (!num($14)) bad = 14'
# the visit: second sentence (SentenceID 2), the offsets those of the
# words of the French minister, of Iraq (Baghdad, the words Dyad keeps)
# and of "visited" in the article, 147 characters long; the second
# article has no URL: its id is the identifier
text="Iraqi police arrested Kurdish rebels in Mosul on Tuesday. The French foreign minister visited Baghdad on Tuesday. Iran condemned Israel on Tuesday."
at() { awk -v t="$text" -v w="$1" 'BEGIN { print index(t, w) - 1 }'; }
want=$(row "$(id $e)" ADDED 20240306000000 1 "Export Wire" https://example.org/exp-1 2 "$(at "$(jfield $e source_text)")" \
    "$(at "$(jfield $e target_text)")" "$(at visited)" 1 100 ${#text} 0 "" "")
got=$(awk -F'\t' -v OFS='\t' -v id="$(id $e)" '$1 == id && $6 ~ /exp-1$/ { $2 = "ADDED"; print }' "$tmp/gdelt-mentions")
same "GDELT mention of the Baghdad visit" "$got" "$want"
awk -F'\t' '$6 == "exp-2"' "$tmp/gdelt-mentions" | grep -q . || { echo "GDELT mention of a URL-less article not identified by its id"; fail=1; }
[ "$(awk -F'\t' -v id="$(id $e)" '$1 == id' "$tmp/gdelt-mentions" | wc -l)" = 2 ] || { echo "GDELT: the visit's two reports are not two mention rows"; fail=1; }

# --- Phoenix: 26 columns, no header; PentaClass 0-4 --------------------
columns "Phoenix" "$tmp/phoenix" 26 0
types "Phoenix" "$tmp/phoenix" 0 '
    split("0 0 1 1 1 2 2 2 3 3 3 3 3 4 4 3 4 4 4 4", penta, " ")
    if (!digits($1, 0)) bad = 1; else if (!digits($2, 8)) bad = 2; else if (!digits($3, 4)) bad = 3
    else if (!digits($4, 2)) bad = 4; else if (!digits($5, 2)) bad = 5
    for (a = 6; a <= 10 && !bad; a += 4) {
        if ($a !~ /^[A-Z]*$/) bad = a; else if (!code3($(a + 1))) bad = a + 1; else if (!code3($(a + 2))) bad = a + 2
        else if ($(a + 3) !~ /^([A-Z][A-Z][A-Z](;[A-Z][A-Z][A-Z])*)?$/) bad = a + 3
    }
    if (bad) {} else if (!cameo($14)) bad = 14; else if ($15 != substr($14, 1, 2)) bad = 15
    else if ($16 != penta[$15 + 0]) bad = 16; else if (!num($17)) bad = 17
    else if (!opt_num($19)) bad = 19; else if (!opt_num($20)) bad = 20; else if (!code3($23)) bad = 23
    else if ($24 !~ /_[0-9]+$/) bad = 24'
# the arrest in Mosul: IRQCOP (root IRQ, agent COP) arrests IRQREB (173,
# root 17: PentaClass 4), first sentence of exp-1 (SentenceID exp-1_0)
e=173
want=$(row ID 20240305 2024 03 05 IRQCOP IRQ COP "" IRQREB IRQ REB "" 173 17 4 -5.0 "" \
    "$(gazf Mosul city 5)" "$(gazf Mosul city 6)" Mosul "" IRQ exp-1_0 https://example.org/exp-1 "Export Wire")
got=$(awk -F'\t' -v OFS='\t' -v id="$(id $e)" '$1 == id { $1 = "ID"; print }' "$tmp/phoenix")
same "Phoenix row of the arrest in Mosul" "$got" "$want"
# the visit, reported twice: every report's articleid_sentence, each
# article's URL and source, ';' between them, as Phoenix joins an event's stories
got=$(awk -F'\t' -v id="$(id 042)" '$1 == id { print $24 "|" $25 "|" $26 }' "$tmp/phoenix")
same "Phoenix reports of the Baghdad visit" "$got" "exp-1_1;exp-3_0|https://example.org/exp-1;https://example.org/exp-3|Export Wire;Other Wire"
# an appeal (020): PentaClass 0; Hamas (PSEREBHMS): root PSE, agent REB, attribute HMS
got=$(awk -F'\t' -v id="$(id 020)" '$1 == id { print $10 "|" $11 "|" $12 "|" $13 "|" $16 }' "$tmp/phoenix")
same "Phoenix target and PentaClass of Egypt's appeal to Hamas" "$got" "PSEREBHMS|PSE|REB|HMS|0"

# --- ICEWS: 20 columns and the header of the Dataverse files -----------
hdr="Event ID${T}Event Date${T}Source Name${T}Source Sectors${T}Source Country${T}Event Text${T}CAMEO Code${T}Intensity${T}Target Name${T}Target Sectors${T}Target Country${T}Story ID${T}Sentence Number${T}Publisher${T}City${T}District${T}Province${T}Country${T}Latitude${T}Longitude"
same "ICEWS header" "$(head -1 "$tmp/icews")" "$hdr"
columns "ICEWS" "$tmp/icews" 20 0
types "ICEWS" "$tmp/icews" 1 '
    if (!digits($1, 0)) bad = 1; else if (!date($2)) bad = 2; else if ($3 == "") bad = 3
    else if ($6 == "") bad = 6; else if (!cameo($7)) bad = 7; else if (!num($8)) bad = 8
    else if ($12 == "") bad = 12; else if (!digits($13, 0) || $13 < 1) bad = 13
    else if (!opt_num($19)) bad = 19; else if (!opt_num($20)) bad = 20'
e=042
name=$(awk -F'\t' '$1 == "042" { print $3 }' data/cameo.tsv)
want=$(row ID 2024-03-05 "$(jfield $e source_name)" Government France "$name" 042 1.9 "$(jfield $e target_name)" "" Iraq \
    exp-1 2 "Export Wire" Baghdad "" "" Iraq "$(gazf Baghdad capital 5)" "$(gazf Baghdad capital 6)")
got=$(awk -F'\t' -v OFS='\t' -v id="$(id $e)" '$1 == id { $1 = "ID"; print }' "$tmp/icews")
same "ICEWS row of the Baghdad visit" "$got" "$want"

# --- PLOVER, POLECAT's 40 columns and header ---------------------------
hdr=$(row "Event ID" "Event Date" "Event Type" "Event Mode" Intensity "Quad Code" Contexts "Actor Name" \
    "Actor Country" "Actor COW" "Primary Actor Sector" "Actor Sectors" "Actor Title" "Actor Name Raw" \
    "Wikipedia Actor ID" "Recipient Name" "Recipient Country" "Recipient COW" "Primary Recipient Sector" \
    "Recipient Sectors" "Recipient Title" "Recipient Name Raw" "Wikipedia Recipient ID" Placename City \
    District Province Country Latitude Longitude "GeoNames ID" "Raw Placename" "Feature Type" Source \
    "Publication Date" "Story People" "Story Organizations" "Story Locations" Language Version)
same "PLOVER header" "$(head -1 "$tmp/plover")" "$hdr"
columns "PLOVER" "$tmp/plover" 40 0
types "PLOVER" "$tmp/plover" 1 '
    if (!digits($1, 0)) bad = 1; else if (!date($2)) bad = 2
    else if ($3 !~ /^(AGREE|CONSULT|SUPPORT|CONCEDE|COOPERATE|AID|RETREAT|REQUEST|ACCUSE|REJECT|THREATEN|PROTEST|SANCTION|MOBILIZE|COERCE|ASSAULT)$/) bad = 3
    else if ($4 !~ /^[a-z-]*$/) bad = 4; else if (!num($5) || $5 < -10 || $5 > 10) bad = 5
    else if ($6 !~ /^(VERBAL|MATERIAL) (COOPERATION|CONFLICT)$/) bad = 6
    else if ($7 !~ /^([a-z_]+(; [a-z_]+)*)?$/) bad = 7; else if (!code3($9)) bad = 9; else if (!code3($17)) bad = 17
    else if (!opt_num($29)) bad = 29; else if (!opt_num($30)) bad = 30; else if ($31 !~ /^[0-9]*$/) bad = 31
    else if ($35 != "" && !date($35)) bad = 35; else if ($39 != "en") bad = 39'
# the arrest in Mosul: CAMEO 173 is COERCE, mode arrest, context legal
# (CAMEO2PLOVER-2021.txt), PLOVER score -7 (COERCE: Arrest); police
# (COP) and rebels (REB) are PLOVER sectors too; published 6 March
e=173
want=$(row ID 2024-03-05 COERCE arrest -7.0 "MATERIAL CONFLICT" legal \
    "$(jfield $e source_name)" IRQ "" COP COP "" "$(jfield $e source_text)" "" \
    "$(jfield $e target_name)" IRQ "" REB REB "" "$(jfield $e target_text)" "" \
    Mosul Mosul "" "" IRQ "$(gazf Mosul city 5)" "$(gazf Mosul city 6)" "$(gazf Mosul city 9)" "" PPL \
    "Export Wire" 2024-03-06 "" "" "" en dyad)
got=$(awk -F'\t' -v OFS='\t' -v id="$(id $e)" '$1 == id { $1 = "ID"; print }' "$tmp/plover")
same "PLOVER row of the arrest in Mosul" "$got" "$want"
# CAMEO 01 and 02 have no PLOVER event type: the appeal is left out
awk -F'\t' -v id="$(id 020)" '$1 == id' "$tmp/plover" | grep -q . && { echo "PLOVER: a CAMEO 02 event written"; fail=1; }
[ "$(tail -n +2 "$tmp/plover" | wc -l)" = 4 ] || { echo "PLOVER: expected 4 events (5 less the appeal)"; fail=1; }

# --- CSV: a header, text quoted (codes among it), numbers bare -----------
python3 - "$tmp/csv" <<'EOF' || fail=1
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline=""), quoting=csv.QUOTE_NONNUMERIC))
want = ["id", "date", "source", "target", "code", "root", "quad", "goldstein", "num_mentions",
        "num_sources", "num_articles", "article", "sentence", "place", "country", "lat", "lon", "confidence"]
bad = 0
if rows[0] != want:
    print("CSV header:", rows[0]); bad = 1
types = [float, str, str, str, str, str, float, float, float, float, float, str, str, str, str,
         (float, str), (float, str), (float, str)]
for r in rows[1:]:
    if len(r) != len(want) or not all(isinstance(v, t) for v, t in zip(r, types)):
        print("CSV row of wrong types:", r); bad = 1
appeal = [r for r in rows[1:] if r[4] == "020"]
if len(appeal) != 1 or appeal[0][5] != "02" or appeal[0][2:4] != ["EGY", "PSEREBHMS"]:
    print('CSV: the appeal is not code "020", root "02":', appeal); bad = 1
sys.exit(bad)
EOF
exit $fail
