#!/bin/sh
# Dyad's own dictionaries load with no bad line, and the README's main
# command codes the bundled examples with them; invented sentences check
# entries of the verb dictionary (concluding a meeting, mediation, an
# agreement reached between others, leaving an organisation, military
# ranks, towns captured, warnings, drone attacks, commitments, criticism
# drawn from others, calls for others to act, the signing of accords
# between two countries, a region being no country).
set -u
DYAD=${DYAD:-build-asan/dyad}
"$DYAD" dict check data/dict/* || { echo "data/dict has bad lines"; exit 1; }
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
    '{"id":"o13","date":"2024-03-01","text":"Kenya and Haiti met to send police to the Caribbean nation. The two countries signed a deal."}' || exit 1
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
    '"article":"o13","sentence":1,.*"source":"KEN[A-Z]*","target":"HTI[A-Z]*","code":"057"' || exit 1
# leaving a place is no break with anyone
printf '%s\n' "$CODED" | grep -q '"source":"EGY[A-Z]*","target":"[^"]*","code":"16' && { echo "leaving a city coded"; exit 1; }
rm -f /tmp/dyad-examples.err
