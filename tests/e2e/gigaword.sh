#!/bin/sh
# The PETRARCH GigaWord sample coded with the full Phoenix actors and agents
# and the CAMEO 2.0 verbs, under the sanitizer build: no crash, no leak, every
# record read, and events produced.
set -u
DYAD=${DYAD:-build-asan/dyad}
S=${DYAD_SHARED:-../shared}/anchors/petrarch2
D=$S/dictionaries
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$DYAD" code --format petrarch --dict "$D/CAMEO.2.0.txt" --dict "$D/Phoenix.Countries.actors.txt" \
    --dict "$D/Phoenix.International.actors.txt" --dict "$D/Phoenix.MilNonState.actors.txt" \
    --dict "$D/Phoenix.agents.txt" --dict "$D/Phoenix.discards.txt" \
    "$S/text/GigaWord.sample.PETR.xml" >"$tmp/out" 2>"$tmp/err"
rc=$?
tail -1 "$tmp/err"
[ $rc -eq 0 ] || { cat "$tmp/err"; echo "dyad failed ($rc)"; exit 1; }
grep -q "ERROR: \(Address\|Leak\)Sanitizer\|runtime error" "$tmp/err" && { cat "$tmp/err"; exit 1; }
articles=$(sed -n 's/^dyad: \([0-9]*\) articles.*/\1/p' "$tmp/err")
events=$(wc -l <"$tmp/out")
echo "GigaWord sample: $articles records, $events events"
[ "$articles" = "$(grep -c '<Sentence ' "$S/text/GigaWord.sample.PETR.xml")" ] || { echo "not every record was coded"; exit 1; }
[ "$events" -gt 20 ] || { echo "too few events"; exit 1; }
