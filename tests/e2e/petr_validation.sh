#!/bin/sh
# PETRARCH's validation records coded with its validation dictionaries:
# prints how many of the scored records Dyad codes exactly as expected, with
# precision and recall over (source, target, code) triples, and fails if the
# exact count drops below the floor recorded in tests/accuracy/petr_validation.floor.
set -u
TOOLS=$(dirname "${DYAD:-build-asan/dyad}")/tools
S=${DYAD_SHARED:-../shared}/anchors/petrarch2
D=$S/dictionaries
out=$("$TOOLS/score_petr" "$S/text/PETR.UnitTest.records.xml" \
    "$D/PETR.Validate.verbs.txt" "$D/PETR.Validate.actors.txt" \
    "$D/PETR.Validate.agents.txt" "$D/PETR.Validate.discards.txt") || { echo "score_petr failed"; exit 1; }
echo "$out"
exact=$(echo "$out" | sed -n 's/.*exact=\([0-9]*\).*/\1/p')
scored=$(echo "$out" | sed -n 's/.*scored=\([0-9]*\).*/\1/p')
floor=$(cat tests/accuracy/petr_validation.floor)
echo "PETRARCH validation records: $exact/$scored exact (floor $floor)"
[ "$scored" = 277 ] || { echo "expected 277 scored records, got $scored"; exit 1; }
[ "$exact" -ge "$floor" ] || { echo "exact matches fell below the floor"; exit 1; }
