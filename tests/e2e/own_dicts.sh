#!/bin/sh
# Dyad's own dictionaries load with no bad line and no note (dict check's
# notes are tested here too), and the README's main
# command codes the bundled examples with them; invented sentences check
# entries of the verb dictionary (concluding a meeting, mediation, an
# agreement reached between others, leaving an organisation, military
# ranks, towns captured, warnings, drone attacks, commitments, criticism
# drawn from others, calls for others to act, the signing of accords
# between two countries, a region being no country, apologies, investigations
# ordered, territory retaken, agreements brokered by others).
set -u
DYAD=${DYAD:-build-asan/dyad}
"$DYAD" dict check data/dict/* >/tmp/dyad-dict-check.out || { echo "data/dict has bad lines"; exit 1; }
# no actor's dated codes overlap, and a verb gives every CAMEO code
grep -q '^notes 0$' /tmp/dyad-dict-check.out || { grep '^note' /tmp/dyad-dict-check.out; exit 1; }
# the notes name what they find: an overlap by file and line, a phrase or a
# Wikidata id given twice, codes no verb gives
d=$(mktemp -d)
printf 'GONDOR_ [GON]\nDENETHOR_\n\t[GONGOV 20200101-20221231]\n\t[GONOPP 20220601-99991231]\nFARAMIR_\n\t[GONGOV 20200101-20221231]\n\t[GONOPP 20221231-99991231]\nROHAN_ [ROH]\n+GONDOR_\n@wikidata Q77\nEORLINGAS_ [ROH]\n@wikidata Q77\n' >"$d/t.actors"
printf -- '--- ATTACK [190] ---\nATTACK\n' >"$d/t.verbs"
"$DYAD" dict check "$d/t.actors" "$d/t.verbs" >"$d/out" || { cat "$d/out"; exit 1; }
grep -q '^note: .*t.actors:2: dated codes GONGOV 20200101-20221231 and GONOPP 20220601-99991231 overlap' "$d/out" ||
    { echo "overlapping dated codes not noted:"; cat "$d/out"; exit 1; }
grep -q 't.actors:5:' "$d/out" && { echo "a handover day noted as an overlap"; exit 1; }
grep -q '^note: .*t.actors:9: GONDOR given again: the entry at .*t.actors:1 keeps it' "$d/out" ||
    { echo "an actor phrase given again not noted:"; cat "$d/out"; exit 1; }
grep -q '^note: .*t.actors:11: Wikidata id Q77 given again: the entry at .*t.actors:8 has it' "$d/out" ||
    { echo "a Wikidata id given twice not noted:"; cat "$d/out"; exit 1; }
n3=$(awk -F'\t' '!/^#/ && length($1) == 3' data/cameo.tsv | wc -l) # all but 190
grep -q "^note: $((n3 - 1)) CAMEO codes no verb, form or pattern gives: 010 011 " "$d/out" ||
    { echo "CAMEO codes no verb gives not noted ($n3 three-digit codes):"; cat "$d/out"; exit 1; }
rm -rf "$d" /tmp/dyad-dict-check.out
out=$("$DYAD" code examples/*.txt 2>/tmp/dyad-examples.err) || { cat /tmp/dyad-examples.err; exit 1; }
cat /tmp/dyad-examples.err
n=$(printf '%s\n' "$out" | grep -c '"code"')
echo "examples: $n events"
[ "$n" -ge 15 ] || { echo "too few events from the examples"; exit 1; }
grep -q "warning:" /tmp/dyad-examples.err && { echo "warnings while coding the examples"; exit 1; }
printf '%s\n' "$out" | grep -q '"source":"JORGOV","target":"EGYGOV","code":"040"' || { echo "Jordan-Egypt meeting not coded"; exit 1; }
printf '%s\n' "$out" | grep -Eq '[0-9]\.[0-9]{5,}' && { echo "long decimals in the JSON output"; exit 1; }
# invented sentences the dictionaries' entries must code
. tests/e2e/lib/coded.sh
code_articles "$DYAD" "" \
    '{"id":"o1","date":"2024-03-01","text":"Delegations of Egypt and Jordan concluded their meeting in Amman on Friday."}' \
    '{"id":"o2","date":"2024-03-01","text":"The talks between Egypt and Jordan were mediated by Qatar."}' \
    '{"id":"o3","date":"2024-03-01","text":"Turkey tried to reach an agreement between Syria and Iraq."}' \
    '{"id":"o4","date":"2024-03-01","text":"Mali said it was leaving ECOWAS. Egypt left the capital on Monday."}' \
    '{"id":"o5","date":"2024-03-01","text":"Colonel Ahmed Farouk of Sudan and Captain Musa Bello of Chad left ECOWAS."}' \
    '{"id":"o6","date":"2024-03-01","text":"Ethiopia captured several towns from Eritrea on Monday."}' \
    '{"id":"o7","date":"2024-03-01","text":"Iran warned Israel to stop the strikes."}' \
    '{"id":"o8","date":"2024-03-01","text":"Azerbaijan launched drone attacks against Armenia."}' \
    '{"id":"o9","date":"2024-03-01","text":"Syria reaffirmed that it is committed to the ceasefire with Israel."}' \
    '{"id":"o10","date":"2024-03-01","text":"Israel bombed Gaza, killing ten people and drawing criticism from France."}' \
    '{"id":"o11","date":"2024-03-01","text":"Iran announced a call for Hezbollah to disarm."}' \
    '{"id":"o12","date":"2024-03-01","text":"Ruto witnessed the signing of the accords between Kenya and Haiti."}' \
    '{"id":"o13","date":"2024-03-01","text":"Kenya and Haiti met to send police to the Caribbean nation. The two countries signed a deal."}' \
    '{"id":"o14","date":"2024-03-01","text":"Nigeria'"'"'s army chief expressed apologies to Chad."}' \
    '{"id":"o15","date":"2024-03-01","text":"Kenya'"'"'s president ordered a full investigation into the Ugandan army."}' \
    '{"id":"o16","date":"2024-03-01","text":"Sudan'"'"'s army regained control of Khartoum from the RSF."}' \
    '{"id":"o17","date":"2024-03-01","text":"Israel and Hamas agreed to a ceasefire brokered by Qatar."}' || exit 1
expect_coded "not coded" '"source":"EGY[A-Z]*","target":"JOR[A-Z]*","code":"040"' \
    '"source":"JOR[A-Z]*","target":"EGY[A-Z]*","code":"040"' \
    '"source":"QAT[A-Z]*","target":"EGY[A-Z]*","code":"045"' \
    '"source":"QAT[A-Z]*","target":"JOR[A-Z]*","code":"045"' \
    '"source":"TUR[A-Z]*","target":"SYR[A-Z]*","code":"045"' \
    '"source":"TUR[A-Z]*","target":"IRQ[A-Z]*","code":"045"' \
    '"source":"MLI[A-Z]*","target":"IGOWAFWAS","code":"160"' \
    '"source":"SDNMIL","target":"IGOWAFWAS","code":"160"' \
    '"source":"TCDMIL","target":"IGOWAFWAS","code":"160"' \
    '"source":"ETH[A-Z]*","target":"ERI[A-Z]*","code":"192"' \
    '"source":"IRN[A-Z]*","target":"ISR[A-Z]*","code":"130"' \
    '"source":"AZE[A-Z]*","target":"ARM[A-Z]*","code":"195"' \
    '"source":"SYR[A-Z]*","target":"ISR[A-Z]*","code":"030"' \
    '"source":"FRA[A-Z]*","target":"ISR[A-Z]*","code":"111"' \
    '"source":"IRN[A-Z]*","target":"LBN[A-Z]*","code":"020"' \
    '"article":"o12".*"source":"KEN[A-Z]*","target":"HTI[A-Z]*","code":"057"' \
    '"article":"o12".*"source":"HTI[A-Z]*","target":"KEN[A-Z]*","code":"057"' \
    '"article":"o13","sentence":1,.*"source":"KEN[A-Z]*","target":"HTI[A-Z]*","code":"057"' \
    '"source":"NGAMIL","target":"TCD[A-Z]*","code":"055"' \
    '"source":"KENGOV","target":"UGAMIL","code":"090"' \
    '"source":"SDNMIL","target":"SDNREB[A-Z]*","code":"192"' \
    '"article":"o17".*"source":"ISR[A-Z]*","target":"PSEREB[A-Z]*","code":"087' || exit 1
# the mediator of an agreement is no party to it
printf '%s\n' "$CODED" | grep -q '"article":"o17".*"target":"QAT' && { echo "a mediator coded as a party"; exit 1; }
# leaving a place is no break with anyone
printf '%s\n' "$CODED" | grep -q '"source":"EGY[A-Z]*","target":"[^"]*","code":"16' && { echo "leaving a city coded"; exit 1; }
rm -f /tmp/dyad-examples.err
